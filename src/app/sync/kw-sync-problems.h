/* kw-sync-problems.h: the sync row's details, per refused file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-sync-scheduler.h"

G_BEGIN_DECLS

/* A popover for the sidebar's sync row: each colleague's file the last
 * pass refused, in plain words with what to do, and the reason the
 * import gave. */
GtkPopover *kw_sync_problems_new    (void);
/* Shows what @result says (NULL or no refusals: @problem alone, if any). */
void        kw_sync_problems_update (GtkPopover         *popover,
                                     const KwSyncResult *result,
                                     const char         *problem);

G_END_DECLS
