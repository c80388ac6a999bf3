/* kw-map-view.h: the Stakeholder Map view (the network graph and its bridges)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-graph.h"
#include "kw-map-filters.h"
#include "kw-map-page.h"
#include "kw-network-graph.h"
#include "kw-view.h"

G_BEGIN_DECLS

#define KW_TYPE_MAP_VIEW (kw_map_view_get_type ())
G_DECLARE_FINAL_TYPE (KwMapView, kw_map_view, KW, MAP_VIEW, KwView)

/* Shows the graph of @area_id (NULL: every area) when it is one of the
 * drop-down's; it loads in the background (kw_map_view_get_loading). */
void            kw_map_view_set_area        (KwMapView   *self,
                                             const char  *area_id);
/* The restriction, relation kinds and steps shown (set them there). */
KwMapFilters   *kw_map_view_get_filters     (KwMapView   *self);
gboolean        kw_map_view_get_loading     (KwMapView   *self);
/* What is shown: the laid-out graph and its bridges (NULL while none). */
KwGraph        *kw_map_view_get_graph       (KwMapView   *self);
/* The stakeholder map page (the power/interest grid), NULL until a map
 * was opened or a new one started. */
KwMapPage      *kw_map_view_get_page        (KwMapView   *self);
KwGraphBridges *kw_map_view_get_bridges     (KwMapView   *self);
KwNetworkGraph *kw_map_view_get_graph_widget (KwMapView  *self);
GtkListBox     *kw_map_view_get_bridges_list (KwMapView  *self);
GtkListBox     *kw_map_view_get_tense_list  (KwMapView   *self);
/* The status line ("Showing Osdorp: 812 people and organisations"). */
const char     *kw_map_view_get_status      (KwMapView   *self);
/* What map.export writes once a file is chosen (PNG or SVG by @path). */
gboolean        kw_map_view_export_to       (KwMapView   *self,
                                             const char  *path,
                                             GError     **error);

G_END_DECLS
