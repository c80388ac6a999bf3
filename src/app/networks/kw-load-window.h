/* kw-load-window.h: who carries too much (the participation load overview)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_LOAD_WINDOW (kw_load_window_get_type ())
G_DECLARE_FINAL_TYPE (KwLoadWindow, kw_load_window, KW, LOAD_WINDOW, AdwWindow)

/* kw_analysis_load over the last 8 weeks with the preference's
 * threshold, ranked; a row opens the person in @parent (win.open-record). */
KwLoadWindow *kw_load_window_new         (GtkWindow    *parent,
                                          KwStore      *store);
/* The rows shown: GtkStringObject of person ids, in rank order. */
GListModel   *kw_load_window_get_model   (KwLoadWindow *self);
guint         kw_load_window_get_threshold (KwLoadWindow *self);

/* For a person's page: a "Carries a lot" badge, shown when the person's
 * load is at or above the threshold (its tooltip says what it counts). */
GtkWidget    *kw_load_window_make_badge  (void);
void          kw_load_window_update_badge (GtkWidget   *badge,
                                           KwStore     *store,
                                           const char  *person_id);

G_END_DECLS
