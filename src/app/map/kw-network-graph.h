/* kw-network-graph.h: a laid-out KwGraph, drawn, panned, zoomed, selected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-graph.h"

G_BEGIN_DECLS

#define KW_TYPE_NETWORK_GRAPH (kw_network_graph_get_type ())
G_DECLARE_FINAL_TYPE (KwNetworkGraph, kw_network_graph, KW, NETWORK_GRAPH, GtkWidget)

GtkWidget *kw_network_graph_new          (void);
/* Shows @graph (laid out; the caller keeps it alive while it is shown,
 * NULL to show nothing); resets pan, zoom and the selection. */
void       kw_network_graph_set_graph    (KwNetworkGraph *self,
                                          KwGraph        *graph);
KwGraph   *kw_network_graph_get_graph    (KwNetworkGraph *self);
/* The selected node's index, or -1 (:selected). */
gint       kw_network_graph_get_selected (KwNetworkGraph *self);
void       kw_network_graph_select       (KwNetworkGraph *self,
                                          gint            index);
/* The node drawn under (x, y) in widget coordinates, or -1. */
gint       kw_network_graph_node_at      (KwNetworkGraph *self,
                                          double          x,
                                          double          y);
/* Where node @index is drawn, in widget coordinates. */
void       kw_network_graph_node_position (KwNetworkGraph *self,
                                           guint           index,
                                           double         *x,
                                           double         *y);
double     kw_network_graph_get_zoom     (KwNetworkGraph *self);
/* Pans by (dx, dy) pixels and zooms by @factor (1: not), as the keys,
 * the drag and the scroll wheel do (bench/graph's frame time). */
void       kw_network_graph_pan_zoom     (KwNetworkGraph *self,
                                          double          dx,
                                          double          dy,
                                          double          factor);
/* "Unnamed person" for a node that may not be named, else its name. */
const char *kw_network_graph_node_label  (KwGraphNode    *node);
/* The kind of a node, for people ("Key figure", "Informal group", …). */
const char *kw_network_graph_kind_label  (KwGraphNodeKind kind);

G_END_DECLS
