/* kw-conflicts-window.h: concurrent edits kept aside by a sync, to pick from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_CONFLICTS_WINDOW (kw_conflicts_window_get_type ())
G_DECLARE_FINAL_TYPE (KwConflictsWindow, kw_conflicts_window, KW, CONFLICTS_WINDOW, AdwWindow)

/* Modal to @parent; lists the unresolved conflicts of @store and follows
 * its ::changed. Present it with gtk_window_present(). ::resolved after
 * each choice (use, keep, a merged value, restore, discard). */
KwConflictsWindow *kw_conflicts_window_new (GtkWindow *parent,
                                            KwStore   *store);

G_END_DECLS
