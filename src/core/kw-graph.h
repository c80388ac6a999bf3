/* kw-graph.h: the stakeholder network, its bridges and its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The graph of spec/analysis.md ("Bridges and single points of
 * failure"): live people and organisations are nodes; each live
 * relation and each current affiliation is an undirected, unweighted
 * edge; two records linking the same pair make one edge, a record
 * linking a node to itself none. kw_graph_load () builds it from the
 * store for one restriction (--area, --alliance, --map, or none);
 * kw_graph_bridges () ranks the betweenness (Brandes, not normalised,
 * each unordered pair once) and finds the articulation points with
 * their cut_off; kw_graph_layout () places the nodes with a seeded
 * force-directed layout, so that the same data gives the same picture.
 * The layout comes from igraph, the betweenness from our own exact
 * Brandes (kw-graph-centrality.c, no igraph call); without igraph
 * (HAVE_IGRAPH unset) the computations fail with G_IO_ERROR_NOT_SUPPORTED.
 * No GTK here: the view and `kwartier-cli map` draw the same KwGraph
 * (kw-map-render.h).
 */
#pragma once

#include <glib.h>

#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  KW_GRAPH_NODE_FORMAL,       /* a formal organisation */
  KW_GRAPH_NODE_INFORMAL,     /* an informal group (residents' group, initiative, …) */
  KW_GRAPH_NODE_PERSON,
  KW_GRAPH_NODE_KEY_FIGURE,   /* a person who is a key figure */
} KwGraphNodeKind;

typedef struct {
  char            *id;
  const char      *type;      /* "person" or "organisation" (static) */
  char            *name;      /* the record's name: for ranking ties only, never drawn
                               * when !named */
  gboolean         named;     /* organisations, and people whose consent is public or
                               * shared: a picture may show the name */
  KwGraphNodeKind  kind;
  char            *area;      /* or NULL */
  char            *org_kind;  /* an organisation's kind, or NULL */
  guint            degree;    /* edges in this graph */
  double           x, y;      /* after kw_graph_layout (), in [-1, 1] */
} KwGraphNode;

typedef struct {
  guint            a, b;      /* indices into nodes, a < b */
  char            *kind;      /* the relation's kind ("works_with"), "affiliation", or NULL */
  guint            strength;  /* 1 … 3: the strongest of the records (1 when none says) */
  gboolean         tense;     /* one of the records has sentiment tense */
  guint            kinds;     /* KwGraphKinds: a bit for each kind among the records */
} KwGraphEdge;

typedef struct {
  GPtrArray       *nodes;     /* KwGraphNode, ordered by id */
  GPtrArray       *edges;     /* KwGraphEdge, one per linked pair */
  GHashTable      *index;     /* id → index + 1 (GUINT_TO_POINTER) */
  GHashTable      *pairs;     /* (a, b) → KwGraphEdge */
  gboolean         laid_out;
} KwGraph;

typedef enum {
  KW_GRAPH_ALL,
  KW_GRAPH_AREA,              /* the nodes in the reach of an area, and the edges among them */
  KW_GRAPH_ALLIANCE,          /* its partners (any status), every node one edge away, the edges among them */
  KW_GRAPH_MAP,               /* the map's parties and the edges among them */
} KwGraphRestriction;

/* An empty graph, to fill by hand (tests, benchmarks). */
KwGraph     *kw_graph_new          (void);
void         kw_graph_free         (KwGraph          *graph);
/* Adds a node (a copy of the strings); returns its index. An id given
 * twice returns the first node. Call before adding edges. */
guint        kw_graph_add_node     (KwGraph          *graph,
                                    const char       *id,
                                    const char       *type,
                                    const char       *name,
                                    gboolean          named,
                                    KwGraphNodeKind   kind,
                                    const char       *area,
                                    const char       *org_kind);
/* Links two nodes by index: a pair linked again adds nothing (the
 * strongest strength is kept, tense if either is), a == b nothing.
 * Returns whether a new edge was made. */
gboolean     kw_graph_add_edge     (KwGraph          *graph,
                                    guint             a,
                                    guint             b,
                                    const char       *kind,
                                    guint             strength,
                                    gboolean          tense);
/* The index of a node by id, or -1. */
gint         kw_graph_lookup       (KwGraph          *graph,
                                    const char       *id);
/* Sorts the nodes by id (renumbering the edges): the order the
 * computations and the layout see, so that the answer does not depend
 * on the order the rows came in. kw_graph_load () does it. */
void         kw_graph_sort         (KwGraph          *graph);

/* The graph for @restriction (@id the area, alliance or map; NULL for
 * KW_GRAPH_ALL), with affiliations current on @today. NULL with
 * KW_CORE_ERROR_NOT_FOUND / _DELETED when @id is not a live record of
 * its type. One read transaction. */
KwGraph     *kw_graph_load         (KwStore          *store,
                                    KwGraphRestriction restriction,
                                    const char       *id,
                                    const GDate      *today,
                                    GError          **error);

typedef struct {
  char            *id;
  char            *name;
  double           betweenness;
} KwGraphBridge;

typedef struct {
  char            *id;
  char            *name;
  guint            cut_off;   /* component size − 1 − the largest part left without it */
} KwGraphCutPoint;

typedef struct {
  guint            n_nodes;
  guint            n_edges;
  GPtrArray       *bridges;              /* KwGraphBridge: betweenness > 0, highest first, then name */
  GPtrArray       *articulation_points;  /* KwGraphCutPoint, by cut_off descending, then name */
} KwGraphBridges;

/* Betweenness and articulation points of @graph. NULL (with an error)
 * when igraph is not available. */
KwGraphBridges *kw_graph_bridges       (KwGraph        *graph,
                                        GError        **error);
void            kw_graph_bridges_free  (KwGraphBridges *bridges);

/* For the words beside a single point of failure ("only X connects
 * Binnenbuurt A to the rest"): the parts the component of node @index
 * falls into once it is removed, each a GArray of node indices (guint),
 * largest first (equal sizes: by their lowest index). For an
 * articulation point there are two or more: the first is "the rest",
 * the others are what it alone connects to it. */
GPtrArray      *kw_graph_parts_without (KwGraph        *graph,
                                        guint           index);

/* The view's words (kw-graph-explain.c), or NULL when there is nothing
 * to say: which groups node @index connects as a bridge ("Connects
 * Geuzenveld-Oost with Slotermeer-Noord and the district": the areas of
 * people and informal groups, the kinds of formal organisations, of it
 * and its neighbours), and whom it alone connects to the rest as a single
 * point of failure ("Alone connects Esra Kaya and Noor Bakkali to the
 * rest"). @area_names maps an area's id to its name. */
char           *kw_graph_explain_bridge (KwGraph       *graph,
                                         guint          index,
                                         GHashTable    *area_names);
char           *kw_graph_explain_cut    (KwGraph       *graph,
                                         guint          index,
                                         GHashTable    *area_names);

/* `report bridges`: kw_graph_load () then kw_graph_bridges (). At most
 * one of @area_id, @alliance_id, @map_id. */
KwGraphBridges *kw_analysis_bridges    (KwStore        *store,
                                        const char     *area_id,
                                        const char     *alliance_id,
                                        const char     *map_id,
                                        const GDate    *today,
                                        GError        **error);

/* The kinds of the records behind an edge, as bits (kw_graph_filter ()). */
typedef enum {
  KW_GRAPH_KIND_KNOWS       = 1 << 0,
  KW_GRAPH_KIND_WORKS_WITH  = 1 << 1,
  KW_GRAPH_KIND_MEMBER_OF   = 1 << 2,
  KW_GRAPH_KIND_REPRESENTS  = 1 << 3,
  KW_GRAPH_KIND_FUNDS       = 1 << 4,
  KW_GRAPH_KIND_ADVISES     = 1 << 5,
  KW_GRAPH_KIND_AFFILIATION = 1 << 6,
  KW_GRAPH_KIND_OTHER       = 1 << 7,  /* a relation without a kind, or one of no such name */
} KwGraphKinds;

#define KW_GRAPH_KINDS_ALL 0xffu

/* The bit of a kind name ("works_with", "affiliation"); KW_GRAPH_KIND_OTHER
 * for NULL or an unknown name. */
KwGraphKinds kw_graph_kind_from_name (const char       *kind);
/* The kind names in KwGraphKinds order, NULL-terminated (without "other"). */
const char * const *kw_graph_kind_names (void);

/* A new graph with what @graph shows under two filters (nothing is
 * read from the store; @graph is not changed):
 * - @kinds: only the edges with at least one record of these kinds
 *   (KW_GRAPH_KINDS_ALL: every edge). When some kinds are left out, a
 *   node left without any edge is left out too (except @centre): the
 *   picture of "who funds whom" is of the funders and the funded.
 * - @centre, @steps: when @centre is a node index (not -1), only the
 *   nodes at most @steps edges (of those kinds) away from it, and the
 *   edges among them; @steps 0 is the centre alone.
 * The nodes keep their ids, kinds and positions (x, y; not laid_out);
 * their degree is counted in the new graph. Sorted as @graph is. */
KwGraph     *kw_graph_filter       (KwGraph          *graph,
                                    guint             kinds,
                                    gint              centre,
                                    guint             steps);

/* igraph's RNG, error handler and warning handler are global: every
 * igraph call of the core runs under one lock (recursive), taken by
 * kw_graph_layout () and kw_analysis_bridges () themselves. A caller of
 * kw_graph_bridges () from a thread takes it around the call. */
void         kw_graph_lock         (void);
void         kw_graph_unlock       (void);

#define KW_GRAPH_LAYOUT_SEED 20261201u

/* Places every node (x, y in [-1, 1]) with igraph's Fruchterman-Reingold
 * layout from seeded start positions (derived from each node's id) and
 * igraph's RNG seeded with KW_GRAPH_LAYOUT_SEED: the same graph gives the
 * same picture. Takes kw_graph_lock (). */
gboolean     kw_graph_layout       (KwGraph          *graph,
                                    GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwGraph, kw_graph_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwGraphBridges, kw_graph_bridges_free)

G_END_DECLS
