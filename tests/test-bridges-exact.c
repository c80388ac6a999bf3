/* test-bridges-exact.c: the fast betweenness and cut_off against the slow ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * _kw_graph_betweenness () (kw-graph-centrality.c: leaves pruned, Brandes
 * on compact arrays, in threads) must give what igraph_betweenness ()
 * gives on the same graph, within 1e-9 relative, and the same with any
 * number of threads, bit for bit; kw_graph_bridges () must rank those
 * numbers and find as articulation points exactly the nodes whose
 * removal splits their component, each with the cut_off that counting
 * the parts (kw_graph_parts_without (), one search per node) gives. On
 * random graphs with leaves, chains, isolated nodes and several
 * components, and on a path, a star, a cycle, a tree, and two cliques
 * joined by one node. Searches deeper than the batched searches count
 * (a cycle and a ladder of hundreds of levels) take the way of one
 * source at a time. Every kernel of the batched searches this processor
 * has (portable, AVX2, AVX-512) is checked.
 */
#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#ifdef HAVE_IGRAPH
#include <igraph.h>
#endif

#include "kw-graph-private.h"
#include "kw-graph.h"

/* A graph of @n people "n0000" … and no edges yet. */
static KwGraph *
graph_of (guint n)
{
  KwGraph *graph = kw_graph_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%04u", i);

      kw_graph_add_node (graph, id, "person", id, TRUE, KW_GRAPH_NODE_PERSON, NULL, NULL);
    }
  return graph;
}

static void
link_nodes (KwGraph *graph,
      guint    a,
      guint    b)
{
  kw_graph_add_edge (graph, a, b, "knows", 1, FALSE);
}

/* @n nodes, @m random links (some repeated, some self: they add
 * nothing), then @leaves leaves and a chain of @chain nodes hanging off
 * random nodes; the last @isolated nodes stay alone. */
static KwGraph *
random_graph (guint32 seed,
              guint   n,
              guint   m,
              guint   leaves,
              guint   chain,
              guint   isolated)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint total = n + leaves + chain + isolated;
  KwGraph *graph = graph_of (total);

  for (guint i = 0; i < m; i++)
    link_nodes (graph, (guint) g_rand_int_range (rand, 0, (gint32) n), (guint) g_rand_int_range (rand, 0, (gint32) n));
  for (guint i = 0; i < leaves; i++)
    link_nodes (graph, n + i, (guint) g_rand_int_range (rand, 0, (gint32) (n + i)));
  for (guint i = 0; i < chain; i++)
    link_nodes (graph, n + leaves + i, i == 0 ? (guint) g_rand_int_range (rand, 0, (gint32) n) : n + leaves + i - 1);
  kw_graph_sort (graph);
  return graph;
}

#ifdef HAVE_IGRAPH
/* igraph's betweenness of @graph (undirected, unweighted): the oracle. */
static double *
igraph_values (KwGraph *graph)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (igraph_integer_t));
  igraph_vector_int_t edges;
  igraph_vector_t values;
  igraph_t ig;
  double *result = g_new0 (double, MAX (graph->nodes->len, 1));

  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *e = g_ptr_array_index (graph->edges, i);
      igraph_integer_t a = e->a, b = e->b;

      g_array_append_val (pairs, a);
      g_array_append_val (pairs, b);
    }
  igraph_vector_int_view (&edges, (igraph_integer_t *) pairs->data, pairs->len);
  g_assert_cmpint (igraph_create (&ig, &edges, graph->nodes->len, IGRAPH_UNDIRECTED), ==, IGRAPH_SUCCESS);
  igraph_vector_init (&values, 0);
  g_assert_cmpint (igraph_betweenness (&ig, &values, igraph_vss_all (), IGRAPH_UNDIRECTED, NULL),
                   ==, IGRAPH_SUCCESS);
  for (guint v = 0; v < graph->nodes->len; v++)
    result[v] = VECTOR (values)[v];
  igraph_vector_destroy (&values);
  igraph_destroy (&ig);
  return result;
}
#endif

static void
assert_close (double got,
              double expected)
{
  if (fabs (got - expected) > 1e-9 * MAX (1.0, fabs (expected)))
    g_error ("betweenness %.17g, igraph says %.17g", got, expected);
}

/* Every kernel this processor has (kw-graph-brandes.h) against igraph,
 * the same bits with any number of threads, and the kernels of eight
 * lanes (generic and AVX2) the same bits as each other. */
static void
assert_kernels (KwGraph      *graph,
                const double *expected)
{
  static const KwBrandesKernel kernels[] = {
    KW_BRANDES_KERNEL_GENERIC, KW_BRANDES_KERNEL_AVX2, KW_BRANDES_KERNEL_AVX512,
  };
  guint n = graph->nodes->len;
  g_autofree double *generic = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kernels); i++)
    {
      g_autofree double *one = NULL;

      if (!_kw_graph_brandes_kernel_supported (kernels[i]))
        continue;
      one = _kw_graph_betweenness_with (graph, 1, kernels[i]);
      for (guint v = 0; v < n; v++)
        assert_close (one[v], expected[v]);
      for (guint threads = 0; threads <= 3; threads++)
        {
          g_autofree double *other = _kw_graph_betweenness_with (graph, threads, kernels[i]);

          g_assert_true (memcmp (one, other, sizeof (double) * n) == 0);
        }
      if (kernels[i] == KW_BRANDES_KERNEL_GENERIC)
        generic = g_steal_pointer (&one);
      else if (kernels[i] == KW_BRANDES_KERNEL_AVX2)
        g_assert_true (memcmp (generic, one, sizeof (double) * n) == 0);
    }
}

/* Ours with 1, 2 and 3 threads and the default against igraph, and
 * kw_graph_bridges () against both. */
static void
assert_betweenness (KwGraph *graph)
{
#ifdef HAVE_IGRAPH
  guint n = graph->nodes->len;
  g_autofree double *expected = igraph_values (graph);
  g_autofree double *one = _kw_graph_betweenness (graph, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwGraphBridges) bridges = kw_graph_bridges (graph, &error);
  guint positive = 0;

  g_assert_no_error (error);
  for (guint v = 0; v < n; v++)
    assert_close (one[v], expected[v]);
  for (guint threads = 0; threads <= 3; threads++)
    {
      g_autofree double *other = _kw_graph_betweenness (graph, threads);

      /* the same sums in the same order, whatever the threads */
      g_assert_true (memcmp (one, other, sizeof (double) * n) == 0);
    }
  assert_kernels (graph, expected);
  for (guint v = 0; v < n; v++)
    positive += expected[v] > 1e-9;
  g_assert_cmpuint (bridges->bridges->len, ==, positive);
  for (guint i = 0; i < bridges->bridges->len; i++)
    {
      KwGraphBridge *bridge = g_ptr_array_index (bridges->bridges, i);

      assert_close (bridge->betweenness, expected[kw_graph_lookup (graph, bridge->id)]);
      if (i > 0)
        g_assert_cmpfloat (bridge->betweenness, <=,
                           ((KwGraphBridge *) g_ptr_array_index (bridges->bridges, i - 1))->betweenness
                           * (1 + 1e-9));
    }
#else
  (void) graph;
#endif
}

/* The old computation, one search per node: v is an articulation point
 * when its component falls into two or more parts without it, and
 * cut_off is all of them but the largest. */
static void
assert_cut_offs (KwGraph *graph)
{
#ifdef HAVE_IGRAPH
  g_autoptr(GError) error = NULL;
  g_autoptr(KwGraphBridges) bridges = kw_graph_bridges (graph, &error);
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  for (guint v = 0; v < graph->nodes->len; v++)
    {
      g_autoptr(GPtrArray) parts = kw_graph_parts_without (graph, v);
      guint all = 0;

      if (parts->len < 2)
        continue;
      for (guint i = 0; i < parts->len; i++)
        all += ((GArray *) g_ptr_array_index (parts, i))->len;
      g_hash_table_insert (expected, ((KwGraphNode *) g_ptr_array_index (graph->nodes, v))->id,
                           GUINT_TO_POINTER (all - ((GArray *) g_ptr_array_index (parts, 0))->len + 1));
    }
  g_assert_cmpuint (bridges->articulation_points->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < bridges->articulation_points->len; i++)
    {
      KwGraphCutPoint *point = g_ptr_array_index (bridges->articulation_points, i);

      g_assert_true (g_hash_table_contains (expected, point->id));
      g_assert_cmpuint (point->cut_off, ==, GPOINTER_TO_UINT (g_hash_table_lookup (expected, point->id)) - 1);
    }
#else
  (void) graph;  /* kw_graph_bridges () needs igraph */
#endif
}

static void
assert_both (KwGraph *graph)
{
  assert_betweenness (graph);
  assert_cut_offs (graph);
}

/* Sparse and denser random graphs: trees, cycles, leaves, chains,
 * isolated nodes, several components. */
static void
test_random (void)
{
#ifdef HAVE_IGRAPH
  for (guint32 seed = 1; seed <= 12; seed++)
    {
      guint n = 20 + seed * 17;
      g_autoptr(KwGraph) sparse = random_graph (seed, n, n, seed, seed % 5 + 1, seed % 3);
      g_autoptr(KwGraph) dense = random_graph (seed + 100, n, 4 * n, 2 * seed, 3, 1);

      assert_both (sparse);
      assert_both (dense);
    }
#else
  g_test_skip ("built without igraph");
#endif
}

/* Large enough that the default runs in threads (a core of 1,000 nodes
 * or more), with many equal shortest paths. */
static void
test_threaded (void)
{
#ifdef HAVE_IGRAPH
  g_autoptr(KwGraph) graph = random_graph (2026, 1500, 3500, 300, 20, 5);
  g_autoptr(KwGraph) grid = graph_of (40 * 40);

  for (guint r = 0; r < 40; r++)
    for (guint c = 0; c < 40; c++)
      {
        if (c + 1 < 40)
          link_nodes (grid, r * 40 + c, r * 40 + c + 1);
        if (r + 1 < 40)
          link_nodes (grid, r * 40 + c, (r + 1) * 40 + c);
      }
  kw_graph_sort (grid);
  assert_betweenness (graph);
  assert_betweenness (grid);
#else
  g_test_skip ("built without igraph");
#endif
}

/* The shapes of the issue, with their values known by hand too. */
static void
test_shapes (void)
{
  g_autoptr(KwGraph) path = graph_of (6);
  g_autoptr(KwGraph) star = graph_of (7);
  g_autoptr(KwGraph) cliques = graph_of (9);
  g_autoptr(KwGraph) cycle = graph_of (8);
  g_autoptr(KwGraph) tree = graph_of (10);
  g_autofree double *bp = NULL, *bs = NULL, *bc = NULL, *bo = NULL;

  for (guint i = 0; i + 1 < 6; i++)
    link_nodes (path, i, i + 1);
  for (guint i = 1; i < 7; i++)
    link_nodes (star, 0, i);
  /* two cliques of four, n0000 … n0003 and n0005 … n0008, both linked to n0004 */
  for (guint i = 0; i < 4; i++)
    for (guint j = i + 1; j < 4; j++)
      {
        link_nodes (cliques, i, j);
        link_nodes (cliques, i + 5, j + 5);
      }
  for (guint i = 0; i < 4; i++)
    {
      link_nodes (cliques, 4, i);
      link_nodes (cliques, 4, i + 5);
    }
  for (guint i = 0; i < 8; i++)
    link_nodes (cycle, i, (i + 1) % 8);
  for (guint i = 1; i < 10; i++)
    link_nodes (tree, (i - 1) / 3, i);

  bp = _kw_graph_betweenness (path, 1);
  bs = _kw_graph_betweenness (star, 1);
  bc = _kw_graph_betweenness (cliques, 1);
  bo = _kw_graph_betweenness (cycle, 1);
  /* a path of six: node i lies between i·(5 − i) pairs */
  for (guint i = 0; i < 6; i++)
    g_assert_cmpfloat (bp[i], ==, i * (5.0 - i));
  g_assert_cmpfloat (bs[0], ==, 15.0);
  for (guint i = 1; i < 7; i++)
    g_assert_cmpfloat (bs[i], ==, 0.0);
  /* n0004 joins every pair across the cliques (4 · 4) and, within each
   * clique of five with it, nothing */
  g_assert_cmpfloat (bc[4], ==, 16.0);
  /* a cycle of eight: (8 − 2)² / 8 each */
  for (guint i = 0; i < 8; i++)
    assert_close (bo[i], bo[0]);
  assert_close (bo[0], 4.5);

  assert_both (path);
  assert_both (star);
  assert_both (cliques);
  assert_both (cycle);
  assert_both (tree);
}

/* Deeper than the 254 levels a batch of searches counts in a byte:
 * a cycle of 700 ((700 − 2)² / 8 each), and a ladder of 2 × 400 with a
 * clique on it and a triangle beside it, so that a batch holds deep and
 * shallow searches. */
static void
test_deep (void)
{
  g_autoptr(KwGraph) cycle = graph_of (700);
  g_autoptr(KwGraph) ladder = NULL;
  g_autofree double *values = NULL;

  for (guint i = 0; i < 700; i++)
    link_nodes (cycle, i, (i + 1) % 700);
  values = _kw_graph_betweenness (cycle, 0);
  for (guint i = 0; i < 700; i++)
    assert_close (values[i], 698.0 * 698.0 / 8);
  assert_betweenness (cycle);
  /* at the limit: the farthest node of a cycle of 2d or 2d + 1 is at level d */
  for (guint n = 504; n <= 512; n++)
    {
      g_autoptr(KwGraph) ring = graph_of (n);
      g_autofree double *ring_values = NULL;

      for (guint i = 0; i < n; i++)
        link_nodes (ring, i, (i + 1) % n);
      ring_values = _kw_graph_betweenness (ring, 1);
      /* (n − 1)(n − 3) / 8 for n odd */
      assert_close (ring_values[n / 2], n % 2 == 0 ? (n - 2.0) * (n - 2.0) / 8 : (n - 1.0) * (n - 3.0) / 8);
      assert_betweenness (ring);
    }

  /* a ladder n0000 … n0399 over n0400 … n0799, a clique n0800 … n0805
   * hanging off its first rung, and a separate triangle */
  ladder = graph_of (809);
  for (guint i = 0; i < 400; i++)
    {
      if (i + 1 < 400)
        {
          link_nodes (ladder, i, i + 1);
          link_nodes (ladder, 400 + i, 400 + i + 1);
        }
      link_nodes (ladder, i, 400 + i);
    }
  for (guint i = 800; i < 806; i++)
    for (guint j = i + 1; j < 806; j++)
      link_nodes (ladder, i, j);
  link_nodes (ladder, 0, 800);
  link_nodes (ladder, 806, 807);
  link_nodes (ladder, 807, 808);
  link_nodes (ladder, 808, 806);
  kw_graph_sort (ladder);
  assert_both (ladder);
}

/* Nothing, one node, one edge, and only isolated nodes. */
static void
test_small (void)
{
  for (guint n = 0; n <= 3; n++)
    {
      g_autoptr(KwGraph) alone = graph_of (n);
      g_autoptr(KwGraph) pair = graph_of (n + 2);
      g_autofree double *values = _kw_graph_betweenness (alone, 0);

      for (guint v = 0; v < n; v++)
        g_assert_cmpfloat (values[v], ==, 0.0);
      link_nodes (pair, 0, 1);
      assert_both (alone);
      assert_both (pair);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_message ("kernels here: generic%s%s; the default: %s",
                  _kw_graph_brandes_kernel_supported (KW_BRANDES_KERNEL_AVX2) ? ", avx2" : "",
                  _kw_graph_brandes_kernel_supported (KW_BRANDES_KERNEL_AVX512) ? ", avx512" : "",
                  _kw_graph_brandes_kernel_name (KW_BRANDES_KERNEL_AUTO));

  g_test_add_func ("/kw/bridges-exact/shapes", test_shapes);
  g_test_add_func ("/kw/bridges-exact/small", test_small);
  g_test_add_func ("/kw/bridges-exact/deep", test_deep);
  g_test_add_func ("/kw/bridges-exact/random", test_random);
  g_test_add_func ("/kw/bridges-exact/threaded", test_threaded);
  return g_test_run ();
}
