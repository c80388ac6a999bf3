/* kw-import-window.h: a colleague's export, from a dry run to the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-import.h"
#include "kw-window.h"

G_BEGIN_DECLS

#define KW_TYPE_IMPORT_WINDOW (kw_import_window_get_type ())
G_DECLARE_FINAL_TYPE (KwImportWindow, kw_import_window, KW, IMPORT_WINDOW, AdwWindow)

/* Modal to @parent; reads @path (asking for its passphrase when it is
 * sealed) in a dry run as soon as it is shown, and imports it when asked.
 * While it reads, @parent shows its busy page. */
KwImportWindow *kw_import_window_new (KwWindow   *parent,
                                      const char *path);

/* For tests: "passphrase", "reading", "summary", "importing", "done",
 * "refused". */
const char            *kw_import_window_get_page        (KwImportWindow *self);
/* The dry run's summary on "summary", the import's on "done". */
const KwImportSummary *kw_import_window_get_summary     (KwImportWindow *self);
/* The backup the import made, or NULL. */
const char            *kw_import_window_get_backup_path (KwImportWindow *self);
/* The title of the page shown when it is a status page ("refused", "done"). */
const char            *kw_import_window_get_status_title (KwImportWindow *self);
const char            *kw_import_window_get_status_description (KwImportWindow *self);
/* The fraction of the file read, 0 to 1. */
double                 kw_import_window_get_fraction    (KwImportWindow *self);
/* For tests: the import holds at its first progress report until it is
 * cancelled (at most 10 s), so that a test cancels in the middle. */
void                   kw_import_window_hold_progress   (KwImportWindow *self,
                                                         gboolean        hold);

G_END_DECLS
