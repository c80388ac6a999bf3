/* kw-networks-view.h: the Residents’ Networks view (networks → units)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-view.h"

G_BEGIN_DECLS

#define KW_TYPE_NETWORKS_VIEW (kw_networks_view_get_type ())
G_DECLARE_FINAL_TYPE (KwNetworksView, kw_networks_view, KW, NETWORKS_VIEW, KwView)

/* For tests: the list of networks, and the pages once made (NULL before). */
GListModel *kw_networks_view_get_list         (KwNetworksView *self);
GtkWidget  *kw_networks_view_get_network_page (KwNetworksView *self);
GtkWidget  *kw_networks_view_get_unit_page    (KwNetworksView *self);
/* "none", "network" or "unit": what the view shows beside the list. */
const char *kw_networks_view_get_shown        (KwNetworksView *self);

G_END_DECLS
