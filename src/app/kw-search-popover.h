/* kw-search-popover.h: search across every record type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_SEARCH_POPOVER (kw_search_popover_get_type ())
G_DECLARE_FINAL_TYPE (KwSearchPopover, kw_search_popover, KW, SEARCH_POPOVER, GtkPopover)

void        kw_search_popover_set_store  (KwSearchPopover *self,
                                          KwStore         *store);
void        kw_search_popover_set_text   (KwSearchPopover *self,
                                          const char      *text);
GtkListBox *kw_search_popover_get_results (KwSearchPopover *self);

G_END_DECLS
