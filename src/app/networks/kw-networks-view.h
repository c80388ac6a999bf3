/* kw-networks-view.h: the Residents’ Networks view (its empty state for now)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-view.h"

G_BEGIN_DECLS

#define KW_TYPE_NETWORKS_VIEW (kw_networks_view_get_type ())
G_DECLARE_FINAL_TYPE (KwNetworksView, kw_networks_view, KW, NETWORKS_VIEW, KwView)

G_END_DECLS
