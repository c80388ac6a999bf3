/* kw-window-private.h: what the window's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-window.h"

G_BEGIN_DECLS

/* kw-window-sync.c: import, export and one pass of folder sync. */
void  _kw_window_class_add_sync_actions (GtkWidgetClass *widget_class);
/* The Import of Kwartier exports, for a file it is about to read: the
 * first view that reads such files (kw_view_offer_file) offers to; TRUE
 * then (the file is not to be imported as an export). */
gboolean  _kw_window_offer_file         (KwWindow       *self,
                                         const char     *path);
void  _kw_window_show_toast             (KwWindow       *self,
                                         const char     *message);
void  _kw_window_show_toast_with_action (KwWindow       *self,
                                         const char     *message,
                                         const char     *button_label,
                                         const char     *action_name);
void  _kw_window_set_sync_status        (KwWindow       *self,
                                         const char     *status);
/* The sidebar's count of open conflicts, again: after anything that
 * opened or resolved conflicts without ::changed on the store. */
void  _kw_window_update_conflicts       (KwWindow       *self);
GSettings *_kw_window_get_settings      (KwWindow       *self);
/* The name the export chooser offers: "kwartier-<organiser>-<date>.kwartier.jsonl". */
char     *_kw_window_dup_export_name    (KwStore         *store);
/* kw-window-sync.c: the import window for an export at @path (after
 * a dry run); refused with a toast while the store is busy. */
void      _kw_window_open_import        (KwWindow        *self,
                                         const char      *path);
/* kw-window-sync.c: files dropped on the window (kw_window_init). */
void      _kw_window_add_drop_target    (KwWindow        *self);
/* kw-window-sync.c: the sidebar's sync row in words; problem and
 * details may be NULL. */
void      _kw_window_describe_sync      (KwSyncScheduler *scheduler,
                                         const char      *own_device,
                                         char           **status,
                                         char           **problem,
                                         char           **details);
GCancellable *_kw_window_get_cancellable (KwWindow     *self);
/* While store work runs in a thread (kw_store_run_async): status says
 * what ("Importing…"); NULL when done. The window shows a busy page
 * instead of its views, makes them insensitive (which turns their
 * actions off) and disables its own actions. A view says it is busy
 * with kw_view_set_busy_status(). */
void      _kw_window_set_busy           (KwWindow       *self,
                                         const char     *status);
gboolean  _kw_window_get_busy           (KwWindow       *self);
/* kw-window-views.c: the GTypes of the views, in sidebar order. */
GArray   *_kw_window_dup_default_view_types (void);
/* For tests: windows made from now on show a view of this KwView
 * type after the default ones. */
void      _kw_window_add_view_type      (GType           type);
void      _kw_window_remove_view_type   (GType           type);

/* For tests: the widgets they look at. */
GtkListBox  *kw_window_get_sidebar      (KwWindow       *self);
GtkWidget   *kw_window_get_search_popover (KwWindow     *self);
/* The toast offering to undo a delete, while it is shown. */
AdwToast    *kw_window_get_undo_toast   (KwWindow       *self);

G_END_DECLS
