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
/* The same with a matcher made beforehand (in a thread: with 100,000
 * people reading them takes a second or two); takes it. */
KwImportPeopleDialog *kw_import_people_dialog_new_full (GtkWindow            *parent,
                                                        KwStore              *store,
                                                        GPtrArray            *parsed,
                                                        gboolean              csv,
                                                        KwPeopleMatcher      *matcher);
guint                 kw_import_people_dialog_get_n_people (KwImportPeopleDialog *self);
/* CSV: which field column holds ("" to leave it out). */
void                  kw_import_people_dialog_set_column (KwImportPeopleDialog *self,
                                                          guint                 column,
                                                          const char           *field);
void                  kw_import_people_dialog_set_policy (KwImportPeopleDialog *self,
                                                          KwImportPolicy        policy);
/* "public", "shared", "private" or NULL (not asked), for all of them. */
void                  kw_import_people_dialog_set_consent (KwImportPeopleDialog *self,
                                                           const char           *consent);
/* Whether organisations that are not here yet are made (else they go
 * into the notes); the Import button asks. TRUE at first. */
void                  kw_import_people_dialog_set_create_organisations (KwImportPeopleDialog *self,
                                                                        gboolean              create);
/* The preview's text about a person in the file ("Matches Wim de Graaf
 * (same phone): a possible duplicate, added as new"), or NULL when that
 * person is not in the preview or matches nobody. */
const char           *kw_import_people_dialog_get_match_text (KwImportPeopleDialog *self,
                                                              guint                 index);
/* On the main thread, at once (tests). */
gboolean              kw_import_people_dialog_import (KwImportPeopleDialog *self,
                                                      guint                *added,
                                                      guint                *updated,
                                                      guint                *skipped,
                                                      GError              **error);
/* In a thread (kw_store_run_async): "busy" is TRUE until _finish, and the
 * store must not be used meanwhile. Both emit ::imported on success and
 * show the summary of what changed. */
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
/* What the import did (after ::imported), or NULL. */
KwPeopleImportResult *kw_import_people_dialog_get_result (KwImportPeopleDialog *self);

G_END_DECLS
