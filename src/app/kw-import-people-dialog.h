/* kw-import-people-dialog.h: a preview of people to import, and the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  KW_IMPORT_SKIP,     /* someone already here is left as is */
  KW_IMPORT_UPDATE,   /* their details are updated from the file */
  KW_IMPORT_CREATE,   /* added anyway, as a new person */
} KwImportPolicy;

#define KW_TYPE_IMPORT_PEOPLE_DIALOG (kw_import_people_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KwImportPeopleDialog, kw_import_people_dialog, KW, IMPORT_PEOPLE_DIALOG, AdwWindow)

/* From the text of a vCard or CSV file; NULL when nothing can be read. */
KwImportPeopleDialog *kw_import_people_dialog_new    (GtkWindow            *parent,
                                                      KwStore              *store,
                                                      const char           *text,
                                                      gboolean              csv,
                                                      GError              **error);
guint                 kw_import_people_dialog_get_n_people (KwImportPeopleDialog *self);
/* CSV: which field column holds ("" to leave it out). */
void                  kw_import_people_dialog_set_column (KwImportPeopleDialog *self,
                                                          guint                 column,
                                                          const char           *field);
void                  kw_import_people_dialog_set_policy (KwImportPeopleDialog *self,
                                                          KwImportPolicy        policy);
gboolean              kw_import_people_dialog_import (KwImportPeopleDialog *self,
                                                      guint                *added,
                                                      guint                *updated,
                                                      guint                *skipped,
                                                      GError              **error);

G_END_DECLS
