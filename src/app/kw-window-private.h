/* kw-window-private.h: what the window's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-window.h"

G_BEGIN_DECLS

/* kw-window-sync.c: import, export and one pass of folder sync. */
void  _kw_window_class_add_sync_actions (GtkWidgetClass *widget_class);
/* kw-window-people.c: forget a person, find and merge duplicates. */
void  _kw_window_class_add_people_actions (GtkWidgetClass *widget_class);
void  _kw_window_show_toast             (KwWindow       *self,
                                         const char     *message);
void  _kw_window_set_sync_status        (KwWindow       *self,
                                         const char     *status);
GSettings *_kw_window_get_settings      (KwWindow       *self);

G_END_DECLS
