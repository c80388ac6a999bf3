/* kw-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"
#include "kw-sync-scheduler.h"

G_BEGIN_DECLS

#define KW_TYPE_WINDOW (kw_window_get_type ())
G_DECLARE_FINAL_TYPE (KwWindow, kw_window, KW, WINDOW, AdwApplicationWindow)

KwWindow    *kw_window_new              (GtkApplication *app,
                                         KwStore        *store);
KwStore     *kw_window_get_store        (KwWindow       *self);
const char  *kw_window_get_view         (KwWindow       *self);
/* The view (a KwView) that shows records of the type, or NULL. */
GtkWidget   *kw_window_get_view_for_type (KwWindow      *self,
                                          const char    *type_name);
/* When the sync folder is synced. */
KwSyncScheduler *kw_window_get_sync_scheduler (KwWindow   *self);

G_END_DECLS
