/* kw-map-view.h: the Stakeholder Map view (its empty state for now)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-view.h"

G_BEGIN_DECLS

#define KW_TYPE_MAP_VIEW (kw_map_view_get_type ())
G_DECLARE_FINAL_TYPE (KwMapView, kw_map_view, KW, MAP_VIEW, KwView)

G_END_DECLS
