/* kw-import-people-dialog.h: a preview of people to import, and the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-people-importer.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_IMPORT_PEOPLE_DIALOG (kw_import_people_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KwImportPeopleDialog, kw_import_people_dialog, KW, IMPORT_PEOPLE_DIALOG, AdwWindow)

/* From the text of a vCard or CSV file; NULL when nothing can be read. */
KwImportPeopleDialog *kw_import_people_dialog_new    (GtkWindow            *parent,
                                                      KwStore              *store,
                                                      const char           *text,
                                                      gboolean              csv,
                                                      GError              **error);
/* From what kw_csv_parse() (csv) or kw_vcard_parse() returned. */
KwImportPeopleDialog *kw_import_people_dialog_new_parsed (GtkWindow            *parent,
                                                          KwStore              *store,
                                                          GPtrArray            *parsed,
                                                          gboolean              csv);
guint                 kw_import_people_dialog_get_n_people (KwImportPeopleDialog *self);
/* CSV: which field column holds ("" to leave it out). */
void                  kw_import_people_dialog_set_column (KwImportPeopleDialog *self,
                                                          guint                 column,
                                                          const char           *field);
void                  kw_import_people_dialog_set_policy (KwImportPeopleDialog *self,
                                                          KwImportPolicy        policy);
/* On the main thread, at once (tests). */
gboolean              kw_import_people_dialog_import (KwImportPeopleDialog *self,
                                                      guint                *added,
                                                      guint                *updated,
                                                      guint                *skipped,
                                                      GError              **error);
/* In a thread (kw-store-task.h): "busy" is TRUE until _finish, and the
 * store must not be used meanwhile. Both emit ::imported on success. */
void                  kw_import_people_dialog_import_async  (KwImportPeopleDialog *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean              kw_import_people_dialog_import_finish (KwImportPeopleDialog *self,
                                                             GAsyncResult         *result,
                                                             guint                *added,
                                                             guint                *updated,
                                                             guint                *skipped,
                                                             GError              **error);
gboolean              kw_import_people_dialog_get_busy (KwImportPeopleDialog *self);

G_END_DECLS
