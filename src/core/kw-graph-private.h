/* kw-graph-private.h: the store's queries behind kw-graph.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-graph.h"

G_BEGIN_DECLS

/* Adds the live people and organisations of @restriction to @graph:
 * every one (KW_GRAPH_ALL), those in the reach of the area @id
 * (KW_GRAPH_AREA), the parties of the map @id (KW_GRAPH_MAP), or the
 * partners of the alliance @id, any status (KW_GRAPH_ALLIANCE). */
gboolean  _kw_store_graph_nodes (KwStore            *store,
                                 KwGraph            *graph,
                                 KwGraphRestriction  restriction,
                                 const char         *id,
                                 GError            **error);
/* Adds an edge for each live relation and each affiliation current on
 * @today ("YYYY-MM-DD") whose two ends are both nodes of @graph. */
gboolean  _kw_store_graph_edges (KwStore            *store,
                                 KwGraph            *graph,
                                 const char         *today,
                                 GError            **error);

/* kw-graph-centrality.c: the betweenness of every node (Brandes,
 * undirected, unweighted, not normalised, each unordered pair once),
 * exact, indexed like graph->nodes; g_free () it. @n_threads 0: as many
 * as suit the graph and the machine; the answer does not depend on it.
 * No igraph (no lock to take). */
double   *_kw_graph_betweenness (KwGraph            *graph,
                                 guint               n_threads);

/* The batched searches, one kernel per instruction set (AUTO: the
 * fastest the machine has). Kernels of the same lane count (generic and
 * AVX2: 8) give the same bits; AVX-512 (16 lanes) sums in another order. */
typedef enum {
  KW_BRANDES_KERNEL_AUTO,
  KW_BRANDES_KERNEL_GENERIC,
  KW_BRANDES_KERNEL_AVX2,
  KW_BRANDES_KERNEL_AVX512,
} KwBrandesKernel;

double     *_kw_graph_betweenness_with        (KwGraph         *graph,
                                               guint            n_threads,
                                               KwBrandesKernel  kernel);
gboolean    _kw_graph_brandes_kernel_supported (KwBrandesKernel  kernel);
/* "generic", "avx2" or "avx512": what AUTO (or @kernel) runs here */
const char *_kw_graph_brandes_kernel_name     (KwBrandesKernel  kernel);

G_END_DECLS
