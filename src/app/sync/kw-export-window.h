/* kw-export-window.h: the export for fellow organisers, with what leaves the laptop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-export.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_EXPORT_WINDOW (kw_export_window_get_type ())
G_DECLARE_FINAL_TYPE (KwExportWindow, kw_export_window, KW, EXPORT_WINDOW, AdwWindow)

/* @suggested_name: the file name the save dialog offers, for a plain
 * export ("….kwartier.jsonl"); compressed or sealed, it says so. */
KwExportWindow *kw_export_window_new        (GtkWindow      *parent,
                                             KwStore        *store,
                                             const char     *suggested_name);
/* Preselects the scope (a record of its root type for all but
 * KW_EXPORT_SCOPE_ALL). */
void            kw_export_window_set_scope  (KwExportWindow *self,
                                             KwExportScope   scope,
                                             const char     *id);
/* What the summary shows now; NULL while it is being counted. */
const KwExportPreview *kw_export_window_get_preview (KwExportWindow *self);
/* Whether a count or a write runs in its thread (also one whose result
 * will be thrown away). */
gboolean        kw_export_window_get_busy   (KwExportWindow *self);
/* The file name the save dialog would offer now. */
char           *kw_export_window_dup_file_name (KwExportWindow *self);
/* Writes the export to @path in a thread (what the save dialog's answer
 * does); ::exported (path, sealed) when it is written, then the window
 * closes. */
void            kw_export_window_write      (KwExportWindow *self,
                                             const char     *path);

G_END_DECLS
