/* test-graph-filter.c: kw_graph_filter () on hand-built graphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the map view shows under its filters: the relation kinds (an
 * edge of two records counts for both kinds) and "within N steps of" a
 * node (a path, a centre without relations, kinds and steps together).
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "kw-graph.h"

/* People named by one letter ("abc") and edges "ab:knows bc:funds"; a
 * pair given twice makes one edge of both kinds. */
static KwGraph *
graph_from (const char *names,
            const char *edges)
{
  KwGraph *graph = kw_graph_new ();
  g_auto(GStrv) items = g_strsplit (edges, " ", -1);

  for (const char *n = names; *n != '\0'; n++)
    {
      char id[2] = { *n, '\0' };
      guint v = kw_graph_add_node (graph, id, "person", id, TRUE, KW_GRAPH_NODE_PERSON, NULL, NULL);

      ((KwGraphNode *) g_ptr_array_index (graph->nodes, v))->x = (*n - 'a') / 10.0;
    }
  for (guint i = 0; items[i] != NULL && items[i][0] != '\0'; i++)
    {
      char a[2] = { items[i][0], '\0' }, b[2] = { items[i][1], '\0' };

      g_assert_cmpint (strlen (items[i]), >, 3);
      kw_graph_add_edge (graph, (guint) kw_graph_lookup (graph, a), (guint) kw_graph_lookup (graph, b),
                         items[i] + 3, 1, FALSE);
    }
  kw_graph_sort (graph);
  return graph;
}

/* The node ids of @graph, concatenated ("bcd"). */
static char *
ids_of (KwGraph *graph)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < graph->nodes->len; i++)
    g_string_append (s, ((KwGraphNode *) g_ptr_array_index (graph->nodes, i))->id);
  return g_string_free (s, FALSE);
}

static void
assert_filter (KwGraph    *graph,
               guint       kinds,
               const char *centre,
               guint       steps,
               const char *nodes,
               guint       n_edges)
{
  g_autoptr(KwGraph) sub = kw_graph_filter (graph, kinds, centre ? kw_graph_lookup (graph, centre) : -1, steps);
  g_autofree char *ids = ids_of (sub);

  g_assert_cmpstr (ids, ==, nodes);
  g_assert_cmpuint (sub->edges->len, ==, n_edges);
  g_assert_false (sub->laid_out);
}

static void
test_steps_on_path (void)
{
  g_autoptr(KwGraph) path = graph_from ("abcdef", "ab:knows bc:knows cd:knows de:knows ef:knows");

  assert_filter (path, KW_GRAPH_KINDS_ALL, "c", 0, "c", 0);
  assert_filter (path, KW_GRAPH_KINDS_ALL, "c", 1, "bcd", 2);
  assert_filter (path, KW_GRAPH_KINDS_ALL, "c", 2, "abcde", 4);
  assert_filter (path, KW_GRAPH_KINDS_ALL, "c", 3, "abcdef", 5);
  assert_filter (path, KW_GRAPH_KINDS_ALL, "a", 2, "abc", 2);
  assert_filter (path, KW_GRAPH_KINDS_ALL, "f", 1, "ef", 1);
  /* no centre, every kind: the same graph */
  assert_filter (path, KW_GRAPH_KINDS_ALL, NULL, 0, "abcdef", 5);
  /* the source is left as it was */
  g_assert_cmpuint (path->nodes->len, ==, 6);
  g_assert_cmpuint (path->edges->len, ==, 5);
}

static void
test_steps_closes_triangle (void)
{
  /* c within 1 step: b and d; the edge b–d among them is shown too */
  g_autoptr(KwGraph) graph = graph_from ("abcde", "ab:knows bc:knows cd:knows bd:knows de:knows");

  assert_filter (graph, KW_GRAPH_KINDS_ALL, "c", 1, "bcd", 3);
}

static void
test_kinds (void)
{
  g_autoptr(KwGraph) graph = graph_from ("abcdez", "ab:knows bc:funds cd:works_with ab:funds de:affiliation");
  g_autoptr(KwGraph) funds = NULL;
  KwGraphNode *b;

  g_assert_cmpuint (graph->edges->len, ==, 4);  /* ab twice is one edge */
  assert_filter (graph, KW_GRAPH_KIND_FUNDS, NULL, 0, "abc", 2);
  assert_filter (graph, KW_GRAPH_KIND_KNOWS, NULL, 0, "ab", 1);
  assert_filter (graph, KW_GRAPH_KIND_WORKS_WITH | KW_GRAPH_KIND_AFFILIATION, NULL, 0, "cde", 2);
  assert_filter (graph, KW_GRAPH_KIND_ADVISES, NULL, 0, "", 0);
  /* every kind: z, without relations, stays */
  assert_filter (graph, KW_GRAPH_KINDS_ALL, NULL, 0, "abcdez", 4);

  funds = kw_graph_filter (graph, KW_GRAPH_KIND_FUNDS, -1, 0);
  b = g_ptr_array_index (funds->nodes, kw_graph_lookup (funds, "b"));
  g_assert_cmpuint (b->degree, ==, 2);
  g_assert_cmpfloat_with_epsilon (b->x, 0.1, 1e-9);  /* positions are kept */
  g_assert_cmpuint (((KwGraphNode *) g_ptr_array_index (funds->nodes, kw_graph_lookup (funds, "c")))->degree, ==, 1);
}

static void
test_kinds_and_steps (void)
{
  g_autoptr(KwGraph) graph = graph_from ("abcde", "ab:knows bc:knows cd:funds de:knows");

  /* the funds edge is not walked when only "knows" is shown */
  assert_filter (graph, KW_GRAPH_KIND_KNOWS, "a", 3, "abc", 2);
  assert_filter (graph, KW_GRAPH_KIND_KNOWS | KW_GRAPH_KIND_FUNDS, "a", 3, "abcd", 3);
  assert_filter (graph, KW_GRAPH_KIND_FUNDS, "a", 2, "a", 0);
}

static void
test_isolated_centre (void)
{
  g_autoptr(KwGraph) graph = graph_from ("abz", "ab:knows");

  assert_filter (graph, KW_GRAPH_KINDS_ALL, "z", 3, "z", 0);
  assert_filter (graph, KW_GRAPH_KIND_FUNDS, "z", 1, "z", 0);
}

static void
test_kind_names (void)
{
  const char * const *names = kw_graph_kind_names ();

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 7);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_cmpuint (kw_graph_kind_from_name (names[i]), ==, 1u << i);
  g_assert_cmpuint (kw_graph_kind_from_name ("works_with"), ==, KW_GRAPH_KIND_WORKS_WITH);
  g_assert_cmpuint (kw_graph_kind_from_name (NULL), ==, KW_GRAPH_KIND_OTHER);
  g_assert_cmpuint (kw_graph_kind_from_name ("enemy_of"), ==, KW_GRAPH_KIND_OTHER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/graph-filter/steps-on-path", test_steps_on_path);
  g_test_add_func ("/kw/graph-filter/steps-closes-triangle", test_steps_closes_triangle);
  g_test_add_func ("/kw/graph-filter/kinds", test_kinds);
  g_test_add_func ("/kw/graph-filter/kinds-and-steps", test_kinds_and_steps);
  g_test_add_func ("/kw/graph-filter/isolated-centre", test_isolated_centre);
  g_test_add_func ("/kw/graph-filter/kind-names", test_kind_names);
  return g_test_run ();
}
