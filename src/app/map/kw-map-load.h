/* kw-map-load.h: the Stakeholder Map's graph, read and laid out in threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-graph.h"
#include "kw-store.h"

G_BEGIN_DECLS

typedef struct {
  KwGraphRestriction  restriction;
  char               *id;       /* the area, alliance or map, or NULL */
  guint               kinds;    /* KwGraphKinds */
  char               *centre;   /* a node's id, or NULL */
  guint               steps;    /* within this many steps of centre */
} KwMapQuery;

void        kw_map_query_free     (KwMapQuery          *query);

/* In a thread, on @read_store (a connection used by no other thread;
 * one such load at a time): kw_graph_load () for today,
 * kw_graph_filter () and kw_graph_layout (); the nodes of a map with a
 * stored position (map_position x, y) are put there. Takes @query. */
void        kw_map_load_async     (KwStore             *read_store,
                                   KwMapQuery          *query,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
/* The graph, and the names of its nodes' areas in @area_names (id →
 * name, g_hash_table_unref ()), read in the same thread. */
KwGraph    *kw_map_load_finish    (GAsyncResult        *result,
                                   GHashTable         **area_names,
                                   GError             **error);
/* The names of the areas of @graph's nodes: id → name (for the words of
 * kw_graph_explain_bridge () and _cut ()); areas that are gone left out. */
GHashTable *kw_map_area_names     (KwStore             *store,
                                   KwGraph             *graph);

/* A laid-out graph shared with the thread that finds its bridges. */
KwGraph   **kw_map_box_new        (KwGraph             *graph);
void        kw_map_box_unref      (KwGraph            **box);

/* kw_graph_bridges () of *@box in a thread (under kw_graph_lock ()),
 * then the words of the Bridges list (kw_map_panel_dup_bridge_words,
 * with @area_names: read there, not changed after). */
void            kw_map_bridges_async  (KwGraph           **box,
                                       GHashTable         *area_names,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
/* The bridges, and the rows' words in @words (g_hash_table_unref ()). */
KwGraphBridges *kw_map_bridges_finish (GAsyncResult       *result,
                                       GHashTable        **words,
                                       GError            **error);

/* The position stored for a node of a map, as map_position x and y:
 * thousandths of the layout's [-1, 1] square. */
gint        kw_map_position_to_int (double              coordinate);

G_END_DECLS

G_BEGIN_DECLS

/* One write: map_position x and y of @node on the map @map_id (the
 * position of its party there). FALSE with an error when the node is no
 * party of the map. */
gboolean    kw_map_store_position  (KwStore            *store,
                                    const char         *map_id,
                                    KwGraphNode        *node,
                                    GError            **error);

G_END_DECLS
