/* kw-graph.c: the stakeholder network, its bridges and its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The graph is kept as plain arrays (nodes ordered by id, one edge per
 * linked pair); igraph gets a copy for the layout. Betweenness is our
 * own exact Brandes (kw-graph-centrality.c: leaves pruned, compact
 * arrays, threads; on an undirected graph each unordered pair counts
 * once, as spec/analysis.md asks; tests/test-bridges-exact.c checks it
 * against igraph_betweenness ()); the articulation points and the part
 * each cuts off come from one depth-first search here (the same points
 * as igraph_articulation_points (), which tests/test-graph.c checks), so
 * that cut_off costs no more than finding the points.
 */
#define G_LOG_DOMAIN "kw-graph"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#ifdef HAVE_IGRAPH
#include <igraph.h>
#endif

#include "kw-collate.h"
#include "kw-error.h"
#include "kw-graph-private.h"
#include "kw-graph.h"

static GRecMutex igraph_lock;  /* igraph's RNG and handlers are global */

/* Building */

static const char * const kind_names[] = {
  "knows", "works_with", "member_of", "represents", "funds", "advises", "affiliation", NULL
};

KwGraphKinds
kw_graph_kind_from_name (const char *kind)
{
  for (guint i = 0; kind != NULL && kind_names[i] != NULL; i++)
    if (g_str_equal (kind, kind_names[i]))
      return 1u << i;
  return KW_GRAPH_KIND_OTHER;
}

const char * const *
kw_graph_kind_names (void)
{
  return kind_names;
}

void
kw_graph_lock (void)
{
  g_rec_mutex_lock (&igraph_lock);
}

void
kw_graph_unlock (void)
{
  g_rec_mutex_unlock (&igraph_lock);
}

static void
node_free (KwGraphNode *node)
{
  g_free (node->id);
  g_free (node->name);
  g_free (node->area);
  g_free (node->org_kind);
  g_free (node);
}

static void
edge_free (KwGraphEdge *edge)
{
  g_free (edge->kind);
  g_free (edge);
}

static guint
pair_hash (gconstpointer key)
{
  const KwGraphEdge *e = key;

  return e->a * 2654435761u ^ e->b;
}

static gboolean
pair_equal (gconstpointer x,
            gconstpointer y)
{
  const KwGraphEdge *e = x, *f = y;

  return e->a == f->a && e->b == f->b;
}

KwGraph *
kw_graph_new (void)
{
  KwGraph *graph = g_new0 (KwGraph, 1);

  graph->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  graph->edges = g_ptr_array_new_with_free_func ((GDestroyNotify) edge_free);
  graph->index = g_hash_table_new (g_str_hash, g_str_equal);
  graph->pairs = g_hash_table_new (pair_hash, pair_equal);
  return graph;
}

void
kw_graph_free (KwGraph *graph)
{
  if (graph == NULL)
    return;
  g_hash_table_unref (graph->pairs);
  g_hash_table_unref (graph->index);
  g_ptr_array_unref (graph->edges);
  g_ptr_array_unref (graph->nodes);
  g_free (graph);
}

gint
kw_graph_lookup (KwGraph    *graph,
                 const char *id)
{
  gpointer value;

  g_return_val_if_fail (graph != NULL, -1);

  if (id == NULL || (value = g_hash_table_lookup (graph->index, id)) == NULL)
    return -1;
  return (gint) GPOINTER_TO_UINT (value) - 1;
}

guint
kw_graph_add_node (KwGraph         *graph,
                   const char      *id,
                   const char      *type,
                   const char      *name,
                   gboolean         named,
                   KwGraphNodeKind  kind,
                   const char      *area,
                   const char      *org_kind)
{
  KwGraphNode *node;
  gint found;

  g_return_val_if_fail (graph != NULL, 0);
  g_return_val_if_fail (id != NULL, 0);

  if ((found = kw_graph_lookup (graph, id)) >= 0)
    return (guint) found;
  node = g_new0 (KwGraphNode, 1);
  node->id = g_strdup (id);
  node->type = g_strcmp0 (type, "organisation") == 0 ? "organisation" : "person";
  node->name = g_strdup (name != NULL ? name : "");
  node->named = named;
  node->kind = kind;
  node->area = g_strdup (area);
  node->org_kind = g_strdup (org_kind);
  g_ptr_array_add (graph->nodes, node);
  g_hash_table_insert (graph->index, node->id, GUINT_TO_POINTER (graph->nodes->len));
  graph->laid_out = FALSE;
  return graph->nodes->len - 1;
}

gboolean
kw_graph_add_edge (KwGraph    *graph,
                   guint       a,
                   guint       b,
                   const char *kind,
                   guint       strength,
                   gboolean    tense)
{
  KwGraphEdge key, *edge;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (a < graph->nodes->len && b < graph->nodes->len, FALSE);

  if (a == b)
    return FALSE;
  key.a = MIN (a, b);
  key.b = MAX (a, b);
  strength = CLAMP (strength, 1, 3);
  if ((edge = g_hash_table_lookup (graph->pairs, &key)) != NULL)
    {
      edge->strength = MAX (edge->strength, strength);
      edge->tense = edge->tense || tense;
      edge->kinds |= kw_graph_kind_from_name (kind);
      /* a relation says more about the pair than an affiliation */
      if (edge->kind == NULL || (g_str_equal (edge->kind, "affiliation") && kind != NULL
                                 && !g_str_equal (kind, "affiliation")))
        {
          g_free (edge->kind);
          edge->kind = g_strdup (kind);
        }
      return FALSE;
    }
  edge = g_new0 (KwGraphEdge, 1);
  *edge = (KwGraphEdge) { key.a, key.b, g_strdup (kind), strength, tense, kw_graph_kind_from_name (kind) };
  g_ptr_array_add (graph->edges, edge);
  g_hash_table_add (graph->pairs, edge);
  ((KwGraphNode *) g_ptr_array_index (graph->nodes, key.a))->degree++;
  ((KwGraphNode *) g_ptr_array_index (graph->nodes, key.b))->degree++;
  graph->laid_out = FALSE;
  return TRUE;
}

static int
compare_node_ids (gconstpointer x,
                  gconstpointer y)
{
  return strcmp ((*(KwGraphNode * const *) x)->id, (*(KwGraphNode * const *) y)->id);
}

static int
compare_edges (gconstpointer x,
               gconstpointer y)
{
  const KwGraphEdge *e = *(KwGraphEdge * const *) x, *f = *(KwGraphEdge * const *) y;

  if (e->a != f->a)
    return e->a < f->a ? -1 : 1;
  return e->b < f->b ? -1 : e->b > f->b;
}

void
kw_graph_sort (KwGraph *graph)
{
  g_autofree KwGraphNode **old = NULL;
  g_autofree guint *renumber = NULL;
  guint n;

  g_return_if_fail (graph != NULL);

  n = graph->nodes->len;
  old = g_memdup2 (graph->nodes->pdata, sizeof (gpointer) * MAX (n, 1));
  renumber = g_new (guint, MAX (n, 1));
  g_ptr_array_sort (graph->nodes, compare_node_ids);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (graph->index, ((KwGraphNode *) g_ptr_array_index (graph->nodes, i))->id,
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < n; i++)
    renumber[i] = GPOINTER_TO_UINT (g_hash_table_lookup (graph->index, old[i]->id)) - 1;
  g_hash_table_remove_all (graph->pairs);
  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *e = g_ptr_array_index (graph->edges, i);
      guint a = renumber[e->a], b = renumber[e->b];

      e->a = MIN (a, b);
      e->b = MAX (a, b);
      g_hash_table_add (graph->pairs, e);
    }
  g_ptr_array_sort (graph->edges, compare_edges);
  graph->laid_out = FALSE;
}

/* The nodes of @graph in @keep and the edges among them, as a new graph. */
static KwGraph *
induce (KwGraph        *graph,
        const gboolean *keep)
{
  KwGraph *sub = kw_graph_new ();
  g_autofree gint *to = g_new (gint, MAX (graph->nodes->len, 1));

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      KwGraphNode *n = g_ptr_array_index (graph->nodes, i);

      to[i] = keep[i] ? (gint) kw_graph_add_node (sub, n->id, n->type, n->name, n->named, n->kind,
                                                  n->area, n->org_kind)
                      : -1;
    }
  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *e = g_ptr_array_index (graph->edges, i);

      if (to[e->a] >= 0 && to[e->b] >= 0)
        kw_graph_add_edge (sub, (guint) to[e->a], (guint) to[e->b], e->kind, e->strength, e->tense);
    }
  return sub;
}

/* Filtering */

/* Which nodes are at most @steps kept edges from @centre (breadth first). */
static void
mark_within (KwGraph        *graph,
             const gboolean *edge_kept,
             guint           centre,
             guint           steps,
             gboolean       *keep)
{
  guint n = graph->nodes->len;
  g_autofree guint *dist = g_new (guint, n);
  g_autofree guint *queue = g_new (guint, n);
  g_autofree guint *start = g_new0 (guint, n + 1);
  g_autofree guint *adj = g_new (guint, 2 * MAX (graph->edges->len, 1));
  guint head = 0, tail = 0;

  for (guint i = 0; i < graph->edges->len; i++)
    if (edge_kept[i])
      {
        KwGraphEdge *e = g_ptr_array_index (graph->edges, i);

        start[e->a + 1]++, start[e->b + 1]++;
      }
  for (guint v = 0; v < n; v++)
    start[v + 1] += start[v];
  {
    g_autofree guint *fill = g_memdup2 (start, sizeof (guint) * n);

    for (guint i = 0; i < graph->edges->len; i++)
      if (edge_kept[i])
        {
          KwGraphEdge *e = g_ptr_array_index (graph->edges, i);

          adj[fill[e->a]++] = e->b;
          adj[fill[e->b]++] = e->a;
        }
  }
  for (guint v = 0; v < n; v++)
    dist[v] = G_MAXUINT;
  dist[centre] = 0;
  queue[tail++] = centre;
  while (head < tail)
    {
      guint v = queue[head++];

      keep[v] = TRUE;
      if (dist[v] >= steps)
        continue;
      for (guint j = start[v]; j < start[v + 1]; j++)
        if (dist[adj[j]] == G_MAXUINT)
          {
            dist[adj[j]] = dist[v] + 1;
            queue[tail++] = adj[j];
          }
    }
}

KwGraph *
kw_graph_filter (KwGraph *graph,
                 guint    kinds,
                 gint     centre,
                 guint    steps)
{
  guint n;
  g_autofree gboolean *keep = NULL;
  g_autofree gboolean *edge_kept = NULL;
  g_autofree gint *to = NULL;
  KwGraph *sub;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (centre < (gint) graph->nodes->len, NULL);

  n = graph->nodes->len;
  keep = g_new0 (gboolean, MAX (n, 1));
  edge_kept = g_new0 (gboolean, MAX (graph->edges->len, 1));
  for (guint i = 0; i < graph->edges->len; i++)
    edge_kept[i] = (((KwGraphEdge *) g_ptr_array_index (graph->edges, i))->kinds & kinds) != 0;
  if (centre >= 0)
    mark_within (graph, edge_kept, (guint) centre, steps, keep);
  else if ((kinds & KW_GRAPH_KINDS_ALL) == KW_GRAPH_KINDS_ALL)
    for (guint v = 0; v < n; v++)
      keep[v] = TRUE;
  else
    for (guint i = 0; i < graph->edges->len; i++)
      if (edge_kept[i])
        {
          KwGraphEdge *e = g_ptr_array_index (graph->edges, i);

          keep[e->a] = keep[e->b] = TRUE;
        }

  sub = kw_graph_new ();
  to = g_new (gint, MAX (n, 1));
  for (guint v = 0; v < n; v++)
    {
      KwGraphNode *node = g_ptr_array_index (graph->nodes, v), *copy;

      to[v] = -1;
      if (!keep[v])
        continue;
      to[v] = (gint) kw_graph_add_node (sub, node->id, node->type, node->name, node->named, node->kind,
                                        node->area, node->org_kind);
      copy = g_ptr_array_index (sub->nodes, to[v]);
      copy->x = node->x;
      copy->y = node->y;
    }
  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *e = g_ptr_array_index (graph->edges, i), *copy;

      if (!edge_kept[i] || to[e->a] < 0 || to[e->b] < 0)
        continue;
      kw_graph_add_edge (sub, (guint) to[e->a], (guint) to[e->b], e->kind, e->strength, e->tense);
      copy = g_hash_table_lookup (sub->pairs, &(KwGraphEdge) { .a = MIN (to[e->a], to[e->b]), .b = MAX (to[e->a], to[e->b]) });
      copy->kinds = e->kinds;
    }
  sub->laid_out = FALSE;
  return sub;
}

/* Whether @id is a live record of @type_name; the store's error if not. */
static gboolean
check_live (KwStore     *store,
            const char  *type_name,
            const char  *id,
            GError     **error)
{
  g_autoptr(KwRecord) record = NULL;

  if (id == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND, _("no %s given"), type_name);
      return FALSE;
    }
  record = kw_store_get (store, type_name, id, error);
  return record != NULL;
}

static KwGraph *
load_in_read (KwStore            *store,
              KwGraphRestriction  restriction,
              const char         *id,
              const char         *today,
              GError            **error)
{
  static const char * const types[] = {
    [KW_GRAPH_AREA] = "area", [KW_GRAPH_ALLIANCE] = "alliance", [KW_GRAPH_MAP] = "stakeholder_map",
  };
  g_autoptr(KwGraph) graph = kw_graph_new ();
  g_autoptr(KwGraph) partners = NULL;
  g_autofree gboolean *keep = NULL;

  if (restriction != KW_GRAPH_ALL && !check_live (store, types[restriction], id, error))
    return NULL;
  if (restriction != KW_GRAPH_ALLIANCE)
    {
      if (!_kw_store_graph_nodes (store, graph, restriction, id, error)
          || !_kw_store_graph_edges (store, graph, today, error))
        return NULL;
      return g_steal_pointer (&graph);
    }

  /* the alliance: its partners and their neighbours in the whole graph */
  partners = kw_graph_new ();
  if (!_kw_store_graph_nodes (store, graph, KW_GRAPH_ALL, NULL, error)
      || !_kw_store_graph_edges (store, graph, today, error)
      || !_kw_store_graph_nodes (store, partners, KW_GRAPH_ALLIANCE, id, error))
    return NULL;
  keep = g_new0 (gboolean, MAX (graph->nodes->len, 1));
  for (guint i = 0; i < partners->nodes->len; i++)
    {
      gint p = kw_graph_lookup (graph, ((KwGraphNode *) g_ptr_array_index (partners->nodes, i))->id);

      if (p >= 0)
        keep[p] = TRUE;
    }
  {
    g_autofree gboolean *partner = g_memdup2 (keep, sizeof (gboolean) * MAX (graph->nodes->len, 1));

    for (guint i = 0; i < graph->edges->len; i++)
      {
        KwGraphEdge *e = g_ptr_array_index (graph->edges, i);

        if (partner[e->a])
          keep[e->b] = TRUE;
        if (partner[e->b])
          keep[e->a] = TRUE;
      }
  }
  return induce (graph, keep);
}

KwGraph *
kw_graph_load (KwStore            *store,
               KwGraphRestriction  restriction,
               const char         *id,
               const GDate        *today,
               GError            **error)
{
  char today_text[16];
  KwGraph *graph;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (restriction <= KW_GRAPH_MAP, NULL);

  g_snprintf (today_text, sizeof today_text, "%04u-%02u-%02u", g_date_get_year (today),
              g_date_get_month (today), g_date_get_day (today));
  if (!kw_store_begin_read (store, error))
    return NULL;
  graph = load_in_read (store, restriction, id, today_text, error);
  if (graph == NULL)
    {
      kw_store_rollback (store);
      return NULL;
    }
  if (!kw_store_commit (store, error))
    {
      kw_graph_free (graph);
      return NULL;
    }
  kw_graph_sort (graph);
  return graph;
}

/* Articulation points and what each cuts off */

typedef struct {
  guint  *offsets;  /* n + 1: the neighbours of v are adj[offsets[v] … offsets[v + 1]) */
  guint  *adj;
} Adjacency;

static void
adjacency_init (Adjacency *adj,
                KwGraph   *graph)
{
  guint n = graph->nodes->len;
  g_autofree guint *fill = g_new0 (guint, n + 1);

  adj->offsets = g_new0 (guint, n + 1);
  adj->adj = g_new (guint, MAX (2 * graph->edges->len, 1));
  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *e = g_ptr_array_index (graph->edges, i);

      adj->offsets[e->a + 1]++;
      adj->offsets[e->b + 1]++;
    }
  for (guint v = 0; v < n; v++)
    adj->offsets[v + 1] += adj->offsets[v];
  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *e = g_ptr_array_index (graph->edges, i);

      adj->adj[adj->offsets[e->a] + fill[e->a]++] = e->b;
      adj->adj[adj->offsets[e->b] + fill[e->b]++] = e->a;
    }
}

static void
adjacency_clear (Adjacency *adj)
{
  g_free (adj->offsets);
  g_free (adj->adj);
}

/* cut_off[v] for every articulation point v (G_MAXUINT for the others):
 * one iterative depth-first search (Hopcroft–Tarjan). Removing v leaves
 * the subtrees of its children c with low[c] >= disc[v], and (unless v
 * is the root) the rest of its component. */
static guint *
compute_cut_offs (KwGraph *graph)
{
  guint n = graph->nodes->len;
  Adjacency adj;
  g_autofree guint *disc = g_new0 (guint, MAX (n, 1));   /* 0: not seen; else order + 1 */
  g_autofree guint *low = g_new (guint, MAX (n, 1));
  g_autofree guint *size = g_new (guint, MAX (n, 1));
  g_autofree guint *next = g_new (guint, MAX (n, 1));    /* the next neighbour to look at */
  g_autofree gint *parent = g_new (gint, MAX (n, 1));
  g_autofree guint *sep_sum = g_new0 (guint, MAX (n, 1));
  g_autofree guint *sep_max = g_new0 (guint, MAX (n, 1));
  g_autofree guint *sep_count = g_new0 (guint, MAX (n, 1));
  g_autofree guint *stack = g_new (guint, MAX (n, 1));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  guint *cut_off = g_new (guint, MAX (n, 1));
  guint counter = 0;

  adjacency_init (&adj, graph);
  for (guint v = 0; v < n; v++)
    cut_off[v] = G_MAXUINT;

  for (guint root = 0; root < n; root++)
    {
      guint top = 0;
      guint component;

      if (disc[root] != 0)
        continue;
      g_array_set_size (members, 0);
      disc[root] = low[root] = ++counter;
      size[root] = 1;
      next[root] = adj.offsets[root];
      parent[root] = -1;
      stack[top++] = root;
      g_array_append_val (members, root);
      while (top > 0)
        {
          guint v = stack[top - 1];

          if (next[v] < adj.offsets[v + 1])
            {
              guint w = adj.adj[next[v]++];

              if (disc[w] == 0)
                {
                  disc[w] = low[w] = ++counter;
                  size[w] = 1;
                  next[w] = adj.offsets[w];
                  parent[w] = (gint) v;
                  stack[top++] = w;
                  g_array_append_val (members, w);
                }
              else if ((gint) w != parent[v])
                low[v] = MIN (low[v], disc[w]);
              continue;
            }
          /* v is done: hand its figures to its parent */
          top--;
          if (parent[v] >= 0)
            {
              guint p = (guint) parent[v];

              low[p] = MIN (low[p], low[v]);
              size[p] += size[v];
              if (low[v] >= disc[p])
                {
                  sep_sum[p] += size[v];
                  sep_max[p] = MAX (sep_max[p], size[v]);
                  sep_count[p]++;
                }
            }
        }

      component = size[root];
      for (guint i = 0; i < members->len; i++)
        {
          guint v = g_array_index (members, guint, i);
          guint largest;

          if (v == root)
            {
              if (sep_count[v] < 2)
                continue;
              largest = sep_max[v];
            }
          else
            {
              if (sep_count[v] == 0)
                continue;
              largest = MAX (sep_max[v], component - 1 - sep_sum[v]);
            }
          cut_off[v] = component - 1 - largest;
        }
    }
  adjacency_clear (&adj);
  return cut_off;
}

static int
compare_guints (gconstpointer a,
                gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static int
compare_parts (gconstpointer a,
               gconstpointer b)
{
  const GArray *x = *(GArray * const *) a, *y = *(GArray * const *) b;

  if (x->len != y->len)
    return x->len > y->len ? -1 : 1;
  return g_array_index (x, guint, 0) < g_array_index (y, guint, 0) ? -1 : 1;
}

GPtrArray *
kw_graph_parts_without (KwGraph *graph,
                        guint    index)
{
  GPtrArray *parts;
  Adjacency adj;
  g_autofree gboolean *seen = NULL;
  g_autoptr(GArray) queue = NULL;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (index < graph->nodes->len, NULL);

  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  adjacency_init (&adj, graph);
  seen = g_new0 (gboolean, graph->nodes->len);
  queue = g_array_new (FALSE, FALSE, sizeof (guint));
  seen[index] = TRUE;
  for (guint k = adj.offsets[index]; k < adj.offsets[index + 1]; k++)
    {
      guint start = adj.adj[k];
      GArray *part;

      if (seen[start])
        continue;
      part = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_set_size (queue, 0);
      g_array_append_val (queue, start);
      seen[start] = TRUE;
      for (guint head = 0; head < queue->len; head++)
        {
          guint v = g_array_index (queue, guint, head);

          g_array_append_val (part, v);
          for (guint j = adj.offsets[v]; j < adj.offsets[v + 1]; j++)
            if (!seen[adj.adj[j]])
              {
                seen[adj.adj[j]] = TRUE;
                g_array_append_val (queue, adj.adj[j]);
              }
        }
      g_array_sort (part, compare_guints);
      g_ptr_array_add (parts, part);
    }
  adjacency_clear (&adj);
  g_ptr_array_sort (parts, compare_parts);
  return parts;
}

/* Bridges */

static void
bridge_free (KwGraphBridge *bridge)
{
  g_free (bridge->id);
  g_free (bridge->name);
  g_free (bridge);
}

static void
cut_point_free (KwGraphCutPoint *point)
{
  g_free (point->id);
  g_free (point->name);
  g_free (point);
}

void
kw_graph_bridges_free (KwGraphBridges *bridges)
{
  if (bridges == NULL)
    return;
  g_ptr_array_unref (bridges->bridges);
  g_ptr_array_unref (bridges->articulation_points);
  g_free (bridges);
}

/* Names in the order a reader expects them, then by id. */
static int
compare_names (const char *x,
               const char *y,
               const char *id_x,
               const char *id_y)
{
  g_autofree char *kx = kw_collate_fold (x);
  g_autofree char *ky = kw_collate_fold (y);
  int c;

  if ((c = strcmp (kx, ky)) != 0 || (c = strcmp (x, y)) != 0)
    return c;
  return strcmp (id_x, id_y);
}

/* Equal up to the rounding of the sums (relative 1e-9). */
static gboolean
same_value (double x,
            double y)
{
  return fabs (x - y) <= 1e-9 * MAX (1.0, MAX (fabs (x), fabs (y)));
}

static int
compare_bridges (gconstpointer a,
                 gconstpointer b)
{
  const KwGraphBridge *x = *(KwGraphBridge * const *) a;
  const KwGraphBridge *y = *(KwGraphBridge * const *) b;

  if (!same_value (x->betweenness, y->betweenness))
    return x->betweenness > y->betweenness ? -1 : 1;
  return compare_names (x->name, y->name, x->id, y->id);
}

static int
compare_cut_points (gconstpointer a,
                    gconstpointer b)
{
  const KwGraphCutPoint *x = *(KwGraphCutPoint * const *) a;
  const KwGraphCutPoint *y = *(KwGraphCutPoint * const *) b;

  if (x->cut_off != y->cut_off)
    return x->cut_off > y->cut_off ? -1 : 1;
  return compare_names (x->name, y->name, x->id, y->id);
}

G_GNUC_UNUSED static void
set_unavailable (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("network analysis is not available: Kwartier was built without igraph"));
}

#ifdef HAVE_IGRAPH
static void
quiet_igraph (void)
{
  igraph_set_error_handler (igraph_error_handler_ignore);
  igraph_set_warning_handler (igraph_warning_handler_ignore);
}

static gboolean
igraph_failed (igraph_error_t  code,
               GError        **error)
{
  if (code == IGRAPH_SUCCESS)
    return FALSE;
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID, _("the network could not be computed: %s"),
               igraph_strerror (code));
  return TRUE;
}

/* @graph as an igraph_t (undirected). */
static igraph_error_t
make_igraph (KwGraph  *graph,
             igraph_t *ig)
{
  igraph_vector_int_t edges;
  igraph_error_t code;

  code = igraph_vector_int_init (&edges, 2 * (igraph_integer_t) graph->edges->len);
  if (code != IGRAPH_SUCCESS)
    return code;
  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *e = g_ptr_array_index (graph->edges, i);

      VECTOR (edges)[2 * i] = e->a;
      VECTOR (edges)[2 * i + 1] = e->b;
    }
  code = igraph_create (ig, &edges, (igraph_integer_t) graph->nodes->len, IGRAPH_UNDIRECTED);
  igraph_vector_int_destroy (&edges);
  return code;
}
#endif

KwGraphBridges *
kw_graph_bridges (KwGraph  *graph,
                  GError  **error)
{
#ifdef HAVE_IGRAPH
  g_autoptr(KwGraphBridges) result = NULL;
  g_autofree guint *cut_off = NULL;
  g_autofree double *betweenness = NULL;

  g_return_val_if_fail (graph != NULL, NULL);

  result = g_new0 (KwGraphBridges, 1);
  result->n_nodes = graph->nodes->len;
  result->n_edges = graph->edges->len;
  result->bridges = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_free);
  result->articulation_points = g_ptr_array_new_with_free_func ((GDestroyNotify) cut_point_free);

  /* undirected, unweighted: each unordered pair of nodes counts once
   * (kw-graph-centrality.c: exact, without igraph) */
  betweenness = _kw_graph_betweenness (graph, 0);
  for (guint v = 0; v < graph->nodes->len; v++)
    {
      KwGraphNode *node = g_ptr_array_index (graph->nodes, v);
      double value = betweenness[v];
      KwGraphBridge *bridge;

      if (value <= 1e-9)
        continue;
      bridge = g_new (KwGraphBridge, 1);
      *bridge = (KwGraphBridge) { g_strdup (node->id), g_strdup (node->name), value };
      g_ptr_array_add (result->bridges, bridge);
    }
  g_ptr_array_sort (result->bridges, compare_bridges);

  cut_off = compute_cut_offs (graph);
  for (guint v = 0; v < graph->nodes->len; v++)
    {
      KwGraphNode *node = g_ptr_array_index (graph->nodes, v);
      KwGraphCutPoint *point;

      if (cut_off[v] == G_MAXUINT)
        continue;
      point = g_new (KwGraphCutPoint, 1);
      *point = (KwGraphCutPoint) { g_strdup (node->id), g_strdup (node->name), cut_off[v] };
      g_ptr_array_add (result->articulation_points, point);
    }
  g_ptr_array_sort (result->articulation_points, compare_cut_points);
  return g_steal_pointer (&result);
#else
  g_return_val_if_fail (graph != NULL, NULL);
  (void) bridge_free;
  (void) cut_point_free;
  (void) compare_bridges;
  (void) compare_cut_points;
  (void) compute_cut_offs;
  set_unavailable (error);
  return NULL;
#endif
}

KwGraphBridges *
kw_analysis_bridges (KwStore      *store,
                     const char   *area_id,
                     const char   *alliance_id,
                     const char   *map_id,
                     const GDate  *today,
                     GError      **error)
{
  g_autoptr(KwGraph) graph = NULL;
  KwGraphRestriction restriction = KW_GRAPH_ALL;
  const char *id = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail ((area_id != NULL) + (alliance_id != NULL) + (map_id != NULL) <= 1, NULL);

#ifndef HAVE_IGRAPH
  set_unavailable (error);
  return NULL;
#endif
  if (area_id != NULL)
    restriction = KW_GRAPH_AREA, id = area_id;
  else if (alliance_id != NULL)
    restriction = KW_GRAPH_ALLIANCE, id = alliance_id;
  else if (map_id != NULL)
    restriction = KW_GRAPH_MAP, id = map_id;
  if ((graph = kw_graph_load (store, restriction, id, today, error)) == NULL)
    return NULL;
  {
    KwGraphBridges *bridges;

    kw_graph_lock ();
    bridges = kw_graph_bridges (graph, error);
    kw_graph_unlock ();
    return bridges;
  }
}

/* Layout */

/* A start position from the node's id alone, in [-1, 1]². */
static void
seed_position (const char *id,
               double     *x,
               double     *y)
{
  guint32 h1 = g_str_hash (id);
  guint32 h2 = h1 * 2246822519u ^ (h1 >> 13) ^ 0x9e3779b9u;

  h2 ^= h2 >> 16;
  h2 *= 2654435761u;
  *x = (h1 % 20001u) / 10000.0 - 1.0;
  *y = (h2 % 20001u) / 10000.0 - 1.0;
}

#ifdef HAVE_IGRAPH
/* The largest component fills the picture above a strip along its
 * bottom, where the other components (people on their own, pairs, small
 * groups) sit in rows, each in a cell of its own, largest first. Without
 * this the force layout flings the lone nodes far out and the network
 * itself ends up a speck in the middle. */
#define STRIP_SHARE 0.22   /* of the height, at most, for the others */
#define STRIP_GAP   0.06
#define CELL_MAX    0.16

typedef struct {
  guint first;   /* its lowest node */
  guint size;
  guint id;
} Part;

static int
compare_parts_by_size (gconstpointer a,
                       gconstpointer b)
{
  const Part *x = a, *y = b;

  if (x->size != y->size)
    return x->size > y->size ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

/* Places the nodes with ids @id of @pos into (x0, y0) … (x1, y1),
 * centred, keeping their shape. */
static void
fit_into (KwGraph               *graph,
          const igraph_matrix_t *pos,
          const guint           *part,
          guint                  id,
          double                 x0,
          double                 y0,
          double                 x1,
          double                 y1)
{
  double lo_x = G_MAXDOUBLE, lo_y = G_MAXDOUBLE, hi_x = -G_MAXDOUBLE, hi_y = -G_MAXDOUBLE, scale;

  for (guint v = 0; v < graph->nodes->len; v++)
    if (part[v] == id)
      {
        lo_x = MIN (lo_x, MATRIX (*pos, v, 0));
        hi_x = MAX (hi_x, MATRIX (*pos, v, 0));
        lo_y = MIN (lo_y, MATRIX (*pos, v, 1));
        hi_y = MAX (hi_y, MATRIX (*pos, v, 1));
      }
  scale = MIN (hi_x > lo_x ? (x1 - x0) / (hi_x - lo_x) : G_MAXDOUBLE,
               hi_y > lo_y ? (y1 - y0) / (hi_y - lo_y) : G_MAXDOUBLE);
  if (scale == G_MAXDOUBLE)
    scale = 0;
  for (guint v = 0; v < graph->nodes->len; v++)
    if (part[v] == id)
      {
        KwGraphNode *node = g_ptr_array_index (graph->nodes, v);

        node->x = CLAMP ((x0 + x1) / 2 + (MATRIX (*pos, v, 0) - (lo_x + hi_x) / 2) * scale, -1.0, 1.0);
        node->y = CLAMP ((y0 + y1) / 2 + (MATRIX (*pos, v, 1) - (lo_y + hi_y) / 2) * scale, -1.0, 1.0);
      }
}

static void
pack_components (KwGraph               *graph,
                 const igraph_matrix_t *pos)
{
  guint n = graph->nodes->len, per_row, rows;
  Adjacency adj;
  g_autofree guint *part = g_new (guint, MAX (n, 1));
  g_autofree guint *queue = g_new (guint, MAX (n, 1));
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));
  double cell, strip;

  adjacency_init (&adj, graph);
  memset (part, 0xff, sizeof (guint) * MAX (n, 1));
  for (guint root = 0; root < n; root++)
    {
      Part p = { root, 0, parts->len };
      guint tail = 0;

      if (part[root] != G_MAXUINT)
        continue;
      part[root] = p.id;
      queue[tail++] = root;
      for (guint head = 0; head < tail; head++)
        for (guint k = adj.offsets[queue[head]]; k < adj.offsets[queue[head] + 1]; k++)
          if (part[adj.adj[k]] == G_MAXUINT)
            {
              part[adj.adj[k]] = p.id;
              queue[tail++] = adj.adj[k];
            }
      p.size = tail;
      g_array_append_val (parts, p);
    }
  adjacency_clear (&adj);
  g_array_sort (parts, compare_parts_by_size);
  if (parts->len <= 1 || g_array_index (parts, Part, 0).size == 1)
    {
      /* one network, or nobody linked at all: the whole picture */
      for (guint v = 0; v < n; v++)
        part[v] = 0;
      fit_into (graph, pos, part, 0, -1, -1, 1, 1);
      return;
    }
  /* cells for the others: as large as fits in the strip, at most CELL_MAX */
  cell = MIN (CELL_MAX, sqrt (2.0 * STRIP_SHARE / (parts->len - 1)));
  per_row = MAX (1, (guint) floor (2.0 / cell));
  rows = (parts->len - 2) / per_row + 1;
  cell = MIN (cell, STRIP_SHARE / rows);
  per_row = MAX (1, (guint) floor (2.0 / cell));
  rows = (parts->len - 2) / per_row + 1;
  strip = rows * cell;
  fit_into (graph, pos, part, g_array_index (parts, Part, 0).id, -1, -1, 1, 1 - strip - STRIP_GAP);
  for (guint i = 1; i < parts->len; i++)
    {
      guint slot = i - 1, row = slot / per_row, column = slot % per_row;
      double x0 = -1 + column * cell, y0 = 1 - strip + row * cell;

      fit_into (graph, pos, part, g_array_index (parts, Part, i).id,
                x0 + cell * 0.15, y0 + cell * 0.15, x0 + cell * 0.85, y0 + cell * 0.85);
    }
}

/* kw_graph_layout () of a graph with @n > 0 nodes, under the lock. */
static gboolean
layout_locked (KwGraph  *graph,
               guint     n,
               GError  **error)
{
  igraph_t ig;
  igraph_matrix_t pos;
  igraph_error_t code;
  double spread;

  quiet_igraph ();
  if (igraph_failed (make_igraph (graph, &ig), error))
    return FALSE;
  if (igraph_failed (igraph_matrix_init (&pos, n, 2), error))
    {
      igraph_destroy (&ig);
      return FALSE;
    }
  spread = sqrt ((double) n);
  for (guint v = 0; v < n; v++)
    {
      double x, y;

      seed_position (((KwGraphNode *) g_ptr_array_index (graph->nodes, v))->id, &x, &y);
      MATRIX (pos, v, 0) = x * spread / 2;
      MATRIX (pos, v, 1) = y * spread / 2;
    }
  igraph_rng_seed (igraph_rng_default (), KW_GRAPH_LAYOUT_SEED);
  code = igraph_layout_fruchterman_reingold (&ig, &pos, TRUE, 500, spread / 10,
                                             IGRAPH_LAYOUT_AUTOGRID, NULL, NULL, NULL, NULL, NULL);
  if (igraph_failed (code, error))
    {
      igraph_matrix_destroy (&pos);
      igraph_destroy (&ig);
      return FALSE;
    }
  pack_components (graph, &pos);
  igraph_matrix_destroy (&pos);
  igraph_destroy (&ig);
  graph->laid_out = TRUE;
  return TRUE;
}
#endif

gboolean
kw_graph_layout (KwGraph  *graph,
                 GError  **error)
{
#ifdef HAVE_IGRAPH
  gboolean ok;
  guint n;

  g_return_val_if_fail (graph != NULL, FALSE);

  n = graph->nodes->len;
  if (n == 0)
    return graph->laid_out = TRUE;
  kw_graph_lock ();
  ok = layout_locked (graph, n, error);
  kw_graph_unlock ();
  return ok;
#else
  g_return_val_if_fail (graph != NULL, FALSE);
  (void) seed_position;
  set_unavailable (error);
  return FALSE;
#endif
}
