/* kw-merge-window.h: find people entered twice and merge them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_MERGE_WINDOW (kw_merge_window_get_type ())
G_DECLARE_FINAL_TYPE (KwMergeWindow, kw_merge_window, KW, MERGE_WINDOW, AdwWindow)

KwMergeWindow *kw_merge_window_new      (GtkWindow     *parent,
                                         KwStore       *store);
guint          kw_merge_window_get_n_pairs (KwMergeWindow *self);
/* Shows the fields of two people side by side. The more complete of
 * the two (else the older) stays: it is record 0, the other 1. */
void           kw_merge_window_compare  (KwMergeWindow *self,
                                         const char    *a,
                                         const char    *b);
/* The id of the record that stays (record 0), or NULL. */
const char    *kw_merge_window_get_kept (KwMergeWindow *self);
/* Keeps the value of record 0 or 1 for a field that differs, or 2:
 * both (lists joined without repeats, notes one after the other). */
gboolean       kw_merge_window_choose   (KwMergeWindow *self,
                                         const char    *field,
                                         guint          which);
/* 0, 1 or 2 as above; -1 when the field does not differ. */
int            kw_merge_window_get_choice (KwMergeWindow *self,
                                           const char    *field);
/* Merges at once. */
gboolean       kw_merge_window_merge    (KwMergeWindow *self,
                                         GError       **error);
/* What the Merge button does once confirmed: b is hidden in the window's
 * list and the merge waits for its undo toast ("Merged b into a"); it
 * happens when the toast goes, or the window closes, without an undo. */
gboolean       kw_merge_window_merge_later (KwMergeWindow *self,
                                            GError       **error);
AdwToast      *kw_merge_window_get_undo_toast (KwMergeWindow *self);
void           kw_merge_window_undo     (KwMergeWindow *self);

G_END_DECLS
