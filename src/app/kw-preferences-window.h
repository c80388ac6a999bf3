/* kw-preferences-window.h: organiser name, sync folder, thresholds and style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_PREFERENCES_WINDOW (kw_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (KwPreferencesWindow, kw_preferences_window, KW, PREFERENCES_WINDOW, AdwPreferencesWindow)

KwPreferencesWindow *kw_preferences_window_new (GSettings *settings,
                                                KwStore   *store);

G_END_DECLS
