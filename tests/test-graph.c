/* test-graph.c: the stakeholder network of spec/analysis.md (kw-graph.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-built graphs with betweenness and cut_off computed by hand (a
 * path, a star, two triangles joined by one node, a square), and small
 * databases for how the graph is read: duplicate and self relations,
 * ended and future affiliations, deleted records, consent, and each
 * restriction (--area, --alliance, --map).
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#ifdef HAVE_IGRAPH
#include <igraph.h>
#endif

#include "kw-error.h"
#include "kw-graph.h"
#include "kw-store.h"
#include "kw-test-files.h"
#include "kw-test-store.h"

/* Hand-built graphs */

/* A graph of people named by their ids ("a", "b", …) and edges "ab cd …". */
static KwGraph *
graph_from (const char *names,
            const char *edges)
{
  KwGraph *graph = kw_graph_new ();
  g_auto(GStrv) pairs = g_strsplit (edges, " ", -1);

  for (const char *n = names; *n != '\0'; n++)
    {
      char id[2] = { *n, '\0' };

      kw_graph_add_node (graph, id, "person", id, TRUE, KW_GRAPH_NODE_PERSON, NULL, NULL);
    }
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char a[2] = { pairs[i][0], '\0' }, b[2] = { pairs[i][1], '\0' };

      g_assert_cmpint (kw_graph_lookup (graph, a), >=, 0);
      g_assert_cmpint (kw_graph_lookup (graph, b), >=, 0);
      kw_graph_add_edge (graph, (guint) kw_graph_lookup (graph, a), (guint) kw_graph_lookup (graph, b),
                         "knows", 1, FALSE);
    }
  kw_graph_sort (graph);
  return graph;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

#ifdef HAVE_IGRAPH
static KwGraphBridges *
bridges_of (KwGraph *graph)
{
  g_autoptr(GError) error = NULL;
  KwGraphBridges *bridges = kw_graph_bridges (graph, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bridges);
  return bridges;
}

/* The ranking as "id=value id=value …" (values with one decimal). */
static char *
ranking (KwGraphBridges *bridges)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < bridges->bridges->len; i++)
    {
      KwGraphBridge *b = g_ptr_array_index (bridges->bridges, i);

      g_string_append_printf (s, "%s%s=%.1f", i > 0 ? " " : "", b->id, b->betweenness);
    }
  return g_string_free (s, FALSE);
}

/* The articulation points as "id:cut_off …", sorted by id. */
static char *
cut_points (KwGraphBridges *bridges)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < bridges->articulation_points->len; i++)
    {
      KwGraphCutPoint *p = g_ptr_array_index (bridges->articulation_points, i);

      g_ptr_array_add (items, g_strdup_printf ("%s:%u", p->id, p->cut_off));
    }
  g_ptr_array_sort (items, compare_strings);
  g_ptr_array_add (items, NULL);
  return g_strjoinv (" ", (char **) items->pdata);
}

#define assert_bridges(graph, want_ranking, want_points) G_STMT_START {  \
    g_autoptr(KwGraphBridges) b_ = bridges_of (graph);                   \
    g_autofree char *r_ = ranking (b_);                                  \
    g_autofree char *p_ = cut_points (b_);                               \
    g_assert_cmpstr (r_, ==, want_ranking);                              \
    g_assert_cmpstr (p_, ==, want_points);                               \
  } G_STMT_END

/* a–b–c–d–e: b lies on a–c, a–d, a–e (3), c on a–d, a–e, b–d, b–e (4);
 * without b the largest part is c–d–e (3): 5 − 1 − 3 = 1 cut off. */
static void
test_path (void)
{
  g_autoptr(KwGraph) graph = graph_from ("abcde", "ab bc cd de");

  /* ties by name: b before d */
  assert_bridges (graph, "c=4.0 b=3.0 d=3.0", "b:1 c:2 d:1");
}

/* A star: the centre is on each of the C(4,2) = 6 pairs of leaves and
 * alone connects all four (5 − 1 − 1 = 3). */
static void
test_star (void)
{
  g_autoptr(KwGraph) graph = graph_from ("xabcd", "xa xb xc xd");

  assert_bridges (graph, "x=6.0", "x:3");
}

/* Two triangles joined by x: x is on the 2 × 2 pairs across; without it
 * two parts of 2 are left (5 − 1 − 2 = 2). */
static void
test_two_triangles (void)
{
  g_autoptr(KwGraph) graph = graph_from ("abxcd", "ab bx xa xc cd dx");

  assert_bridges (graph, "x=4.0", "x:2");
}

/* The parts without a node: largest first, "the rest" first. */
static void
test_parts_without (void)
{
  g_autoptr(KwGraph) graph = graph_from ("abxcdeq", "ab bx xc cd de xq");
  g_autoptr(GPtrArray) parts = kw_graph_parts_without (graph, (guint) kw_graph_lookup (graph, "x"));
  g_autoptr(GPtrArray) none = kw_graph_parts_without (graph, (guint) kw_graph_lookup (graph, "e"));
  const char *want[] = { "cde", "ab", "q" };

  g_assert_cmpuint (parts->len, ==, 3);
  for (guint i = 0; i < parts->len; i++)
    {
      GArray *part = g_ptr_array_index (parts, i);
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint j = 0; j < part->len; j++)
        g_string_append (ids, ((KwGraphNode *) g_ptr_array_index (graph->nodes, g_array_index (part, guint, j)))->id);
      g_assert_cmpstr (ids->str, ==, want[i]);
    }
  /* not a cut point: one part, the rest */
  g_assert_cmpuint (none->len, ==, 1);
  g_assert_cmpuint (((GArray *) g_ptr_array_index (none, 0))->len, ==, 6);
}

/* A square: each pair of opposite corners has two shortest paths, so
 * each corner gets 0.5, no articulation point; an isolated node and a
 * separate pair add nothing (betweenness 0 is left out). */
static void
test_square (void)
{
  g_autoptr(KwGraph) graph = graph_from ("abcdefg", "ab bc cd da fg");
  g_autoptr(KwGraphBridges) bridges = bridges_of (graph);

  assert_bridges (graph, "a=0.5 b=0.5 c=0.5 d=0.5", "");
  g_assert_cmpuint (bridges->n_nodes, ==, 7);
  g_assert_cmpuint (bridges->n_edges, ==, 5);
}

/* A point in two components at once counts its own component only; a
 * root with two branches is one (the search starts at "a"). */
static void
test_components (void)
{
  g_autoptr(KwGraph) graph = graph_from ("abcxyz", "ab ac xy yz");

  assert_bridges (graph, "a=1.0 y=1.0", "a:1 y:1");
}

/* On random sparse graphs (many components, trees and cycles) the
 * search finds exactly igraph_articulation_points (), and each cut_off
 * is what removing the point and counting the parts gives. */
static void
test_random_cut_points (void)
{
#ifdef HAVE_IGRAPH
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(KwGraph) graph = kw_graph_new ();
      g_autoptr(KwGraphBridges) bridges = NULL;
      g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (igraph_integer_t));
      g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
      guint n = 10 + round * 3;
      igraph_vector_int_t edges, points;
      igraph_t ig;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("n%03u", i);

          kw_graph_add_node (graph, id, "person", id, TRUE, KW_GRAPH_NODE_PERSON, NULL, NULL);
        }
      for (guint i = 0; i < n + round; i++)
        kw_graph_add_edge (graph, (guint) g_rand_int_range (rand, 0, (gint32) n),
                           (guint) g_rand_int_range (rand, 0, (gint32) n), NULL, 1, FALSE);
      kw_graph_sort (graph);
      for (guint i = 0; i < graph->edges->len; i++)
        {
          KwGraphEdge *e = g_ptr_array_index (graph->edges, i);
          igraph_integer_t a = e->a, b = e->b;

          g_array_append_val (pairs, a);
          g_array_append_val (pairs, b);
        }
      igraph_vector_int_view (&edges, (igraph_integer_t *) pairs->data, pairs->len);
      g_assert_cmpint (igraph_create (&ig, &edges, n, IGRAPH_UNDIRECTED), ==, IGRAPH_SUCCESS);
      igraph_vector_int_init (&points, 0);
      g_assert_cmpint (igraph_articulation_points (&ig, &points), ==, IGRAPH_SUCCESS);
      for (igraph_integer_t i = 0; i < igraph_vector_int_size (&points); i++)
        {
          guint v = (guint) VECTOR (points)[i];
          igraph_vector_int_t keep, membership, sizes;
          igraph_integer_t n_parts, largest = 0, component_size = 0;
          igraph_t without;

          /* the component of v, and the largest part of it left without v */
          igraph_vector_int_init (&membership, 0);
          igraph_vector_int_init (&sizes, 0);
          igraph_connected_components (&ig, &membership, &sizes, &n_parts, IGRAPH_WEAK);
          component_size = VECTOR (sizes)[VECTOR (membership)[v]];
          igraph_vector_int_init (&keep, 0);
          for (guint w = 0; w < n; w++)
            if (w != v && VECTOR (membership)[w] == VECTOR (membership)[v])
              igraph_vector_int_push_back (&keep, w);
          igraph_induced_subgraph (&ig, &without, igraph_vss_vector (&keep), IGRAPH_SUBGRAPH_AUTO);
          igraph_connected_components (&without, NULL, &sizes, &n_parts, IGRAPH_WEAK);
          for (igraph_integer_t p = 0; p < n_parts; p++)
            largest = MAX (largest, VECTOR (sizes)[p]);
          g_hash_table_insert (expected, ((KwGraphNode *) g_ptr_array_index (graph->nodes, v))->id,
                               GINT_TO_POINTER ((gint) (component_size - 1 - largest) + 1));
          igraph_destroy (&without);
          igraph_vector_int_destroy (&keep);
          igraph_vector_int_destroy (&sizes);
          igraph_vector_int_destroy (&membership);
        }
      igraph_vector_int_destroy (&points);
      igraph_destroy (&ig);

      bridges = bridges_of (graph);
      g_assert_cmpuint (bridges->articulation_points->len, ==, g_hash_table_size (expected));
      for (guint i = 0; i < bridges->articulation_points->len; i++)
        {
          KwGraphCutPoint *p = g_ptr_array_index (bridges->articulation_points, i);

          g_assert_true (g_hash_table_contains (expected, p->id));
          g_assert_cmpint ((gint) p->cut_off, ==, GPOINTER_TO_INT (g_hash_table_lookup (expected, p->id)) - 1);
        }
    }
#else
  g_test_skip ("built without igraph");
#endif
}

/* A pair given twice, both ways, and a node with itself make one edge. */
static void
test_duplicates (void)
{
  g_autoptr(KwGraph) graph = graph_from ("abc", "ab ba ab aa bc");
  KwGraphEdge *edge;

  g_assert_cmpuint (graph->edges->len, ==, 2);
  g_assert_cmpuint (((KwGraphNode *) g_ptr_array_index (graph->nodes, 0))->degree, ==, 1);
  g_assert_cmpuint (((KwGraphNode *) g_ptr_array_index (graph->nodes, 1))->degree, ==, 2);
  g_assert_false (kw_graph_add_edge (graph, 0, 1, "funds", 3, TRUE));
  edge = g_ptr_array_index (graph->edges, 0);
  g_assert_cmpuint (edge->a, ==, 0);
  g_assert_cmpuint (edge->b, ==, 1);
  g_assert_cmpuint (edge->strength, ==, 3);
  g_assert_true (edge->tense);
  assert_bridges (graph, "b=1.0", "b:1");
}

/* The same graph, whatever order its nodes and edges came in, has the
 * same layout; every node lies in [-1, 1]². */
static void
test_layout (void)
{
  g_autoptr(KwGraph) one = graph_from ("abcdefgh", "ab bc cd de ef fg gh ha ae");
  g_autoptr(KwGraph) two = graph_from ("hgfedcba", "ae ha gh fg ef de cd bc ab");
  g_autoptr(GError) error = NULL;
  gboolean apart = FALSE;

  g_assert_true (kw_graph_layout (one, &error));
  g_assert_no_error (error);
  g_assert_true (kw_graph_layout (two, &error));
  g_assert_true (one->laid_out);
  for (guint i = 0; i < one->nodes->len; i++)
    {
      KwGraphNode *x = g_ptr_array_index (one->nodes, i);
      KwGraphNode *y = g_ptr_array_index (two->nodes, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpfloat (x->x, ==, y->x);
      g_assert_cmpfloat (x->y, ==, y->y);
      g_assert_cmpfloat (fabs (x->x), <=, 1.0);
      g_assert_cmpfloat (fabs (x->y), <=, 1.0);
      if (i > 0 && fabs (x->x - ((KwGraphNode *) g_ptr_array_index (one->nodes, 0))->x) > 0.05)
        apart = TRUE;
    }
  g_assert_true (apart);
}

/* The largest component fills the picture; the others (a pair, three on
 * their own) sit in a strip along its bottom, none on another. */
static KwGraphNode *
node_of (KwGraph *graph,
         char     name)
{
  char id[2] = { name, '\0' };

  return g_ptr_array_index (graph->nodes, kw_graph_lookup (graph, id));
}

static void
test_layout_components (void)
{
  g_autoptr(KwGraph) graph = graph_from ("abcdefghijklmn", "ab bc cd de ef fg gh ha ae bf cg dh ij");
  g_autoptr(GError) error = NULL;
  double lo_x = 1, hi_x = -1, hi_y = -1;

  g_assert_true (kw_graph_layout (graph, &error));
  g_assert_no_error (error);
  for (char c = 'a'; c <= 'h'; c++)
    {
      lo_x = MIN (lo_x, node_of (graph, c)->x);
      hi_x = MAX (hi_x, node_of (graph, c)->x);
      hi_y = MAX (hi_y, node_of (graph, c)->y);
    }
  /* the network spans the width (its shape kept: at least most of it) */
  g_assert_cmpfloat (hi_x - lo_x, >, 1.0);
  for (char c = 'i'; c <= 'n'; c++)
    {
      KwGraphNode *node = node_of (graph, c);

      g_assert_cmpfloat (node->y, >, hi_y);
      g_assert_cmpfloat (node->y, <=, 1.0);
      g_assert_cmpfloat (fabs (node->x), <=, 1.0);
      for (char d = 'i'; d <= 'n'; d++)
        if (d != c)
          g_assert_cmpfloat (fabs (node_of (graph, d)->x - node->x) + fabs (node_of (graph, d)->y - node->y), >, 0.01);
    }
}

#else
/* Built without igraph: the computations say so, the graph still loads. */
static void
test_unavailable (void)
{
  g_autoptr(KwGraph) graph = graph_from ("abc", "ab bc");
  g_autoptr(GError) error = NULL;

  g_assert_null (kw_graph_bridges (graph, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (kw_graph_layout (graph, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}
#endif

/* From the store */

typedef struct {
  char    *dir;
  KwStore *store;
  GDate    today;
} Fixture;

#define put(fx, ...) kw_test_put ((fx)->store, __VA_ARGS__)

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("kw-graph-XXXXXX", &error);
  g_assert_no_error (error);
  fx->store = kw_test_store_open (fx->dir, "kwartier.db");
  g_date_clear (&fx->today, 1);
  g_date_set_dmy (&fx->today, 1, G_DATE_DECEMBER, 2026);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  kw_test_remove_tree (fx->dir);
  g_free (fx->dir);
}

static char *
person (Fixture    *fx,
        const char *name,
        const char *area)
{
  return put (fx, "person", "name", name, "consent", "public", "area", area, NULL);
}

static void
relate (Fixture    *fx,
        const char *from,
        const char *to)
{
  g_free (put (fx, "relation", "from", from, "to", to, "kind", "knows", NULL));
}

static KwGraph *
load (Fixture            *fx,
      KwGraphRestriction  restriction,
      const char         *id)
{
  g_autoptr(GError) error = NULL;
  KwGraph *graph = kw_graph_load (fx->store, restriction, id, &fx->today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

/* The graph's nodes' ids, sorted, joined by spaces. */
static char *
node_ids (KwGraph *graph)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < graph->nodes->len; i++)
    g_ptr_array_add (ids, ((KwGraphNode *) g_ptr_array_index (graph->nodes, i))->id);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static char *sorted (const char *first, ...) G_GNUC_NULL_TERMINATED;

static char *
sorted (const char *first,
        ...)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *s = first; s != NULL; s = va_arg (ap, const char *))
    g_ptr_array_add (items, (gpointer) s);
  va_end (ap);
  g_ptr_array_sort (items, compare_strings);
  g_ptr_array_add (items, NULL);
  return g_strjoinv (" ", (char **) items->pdata);
}

#define assert_nodes(graph, ...) G_STMT_START {               \
    g_autofree char *got_ = node_ids (graph);                 \
    g_autofree char *want_ = sorted (__VA_ARGS__, NULL);      \
    g_assert_cmpstr (got_, ==, want_);                        \
  } G_STMT_END

static gboolean
linked (KwGraph    *graph,
        const char *x,
        const char *y)
{
  gint a = kw_graph_lookup (graph, x), b = kw_graph_lookup (graph, y);

  g_assert_cmpint (a, >=, 0);
  g_assert_cmpint (b, >=, 0);
  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *e = g_ptr_array_index (graph->edges, i);

      if (e->a == (guint) MIN (a, b) && e->b == (guint) MAX (a, b))
        return TRUE;
    }
  return FALSE;
}

/* Two relations of one pair (both ways) and a relation of a person with
 * herself make one edge; an affiliation beside a relation adds none. */
static void
test_load_duplicates (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *ada = person (fx, "Ada", NULL);
  g_autofree char *bo = person (fx, "Bo", NULL);
  g_autofree char *club = put (fx, "organisation", "name", "Club", NULL);
  g_autoptr(KwGraph) graph = NULL;

  relate (fx, ada, bo);
  relate (fx, bo, ada);
  relate (fx, ada, ada);
  relate (fx, ada, club);
  g_free (put (fx, "affiliation", "person", ada, "organisation", club, NULL));
  graph = load (fx, KW_GRAPH_ALL, NULL);
  assert_nodes (graph, ada, bo, club);
  g_assert_cmpuint (graph->edges->len, ==, 2);
  g_assert_true (linked (graph, ada, bo));
  g_assert_true (linked (graph, ada, club));
}

/* Only current affiliations: since ≤ today ≤ until, either end open;
 * an ended or future one links nothing. */
static void
test_load_affiliations (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *org = put (fx, "organisation", "name", "Buurthuis", NULL);
  g_autofree char *now = person (fx, "Nu", NULL);
  g_autofree char *edge = person (fx, "Rand", NULL);
  g_autofree char *ended = person (fx, "Oud", NULL);
  g_autofree char *future = person (fx, "Later", NULL);
  g_autoptr(KwGraph) graph = NULL;

  g_free (put (fx, "affiliation", "person", now, "organisation", org, NULL));
  g_free (put (fx, "affiliation", "person", edge, "organisation", org,
               "since", "2026-12-01", "until", "2026-12-01", NULL));
  g_free (put (fx, "affiliation", "person", ended, "organisation", org, "until", "2026-11-30", NULL));
  g_free (put (fx, "affiliation", "person", future, "organisation", org, "since", "2026-12-02", NULL));
  graph = load (fx, KW_GRAPH_ALL, NULL);
  g_assert_cmpuint (graph->nodes->len, ==, 5);
  g_assert_cmpuint (graph->edges->len, ==, 2);
  g_assert_true (linked (graph, now, org));
  g_assert_true (linked (graph, edge, org));
  g_assert_false (linked (graph, ended, org));
  g_assert_false (linked (graph, future, org));
}

/* A deleted person is no node and links nothing; consent decides who is
 * named in a picture; an organisation's kind, or formal, its shape. */
static void
test_load_records (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pub = put (fx, "person", "name", "Publiek", "consent", "public", "key_figure", "true", NULL);
  g_autofree char *shared = put (fx, "person", "name", "Gedeeld", "consent", "shared", NULL);
  g_autofree char *priv = put (fx, "person", "name", "Prive", "consent", "private", NULL);
  g_autofree char *unasked = put (fx, "person", "name", "Onbekend", NULL);
  g_autofree char *gone = person (fx, "Weg", NULL);
  g_autofree char *group = put (fx, "organisation", "name", "Bewonersgroep", "kind", "residents_group", NULL);
  g_autofree char *city = put (fx, "organisation", "name", "Gemeente", "kind", "municipality", NULL);
  g_autofree char *said = put (fx, "organisation", "name", "Stichting", "kind", "initiative",
                               "formal", "true", NULL);
  g_autoptr(KwGraph) graph = NULL;
  const struct { const char *id; gboolean named; KwGraphNodeKind kind; } want[] = {
    { pub, TRUE, KW_GRAPH_NODE_KEY_FIGURE }, { shared, TRUE, KW_GRAPH_NODE_PERSON },
    { priv, FALSE, KW_GRAPH_NODE_PERSON }, { unasked, FALSE, KW_GRAPH_NODE_PERSON },
    { group, TRUE, KW_GRAPH_NODE_INFORMAL }, { city, TRUE, KW_GRAPH_NODE_FORMAL },
    { said, TRUE, KW_GRAPH_NODE_FORMAL },
  };

  relate (fx, pub, gone);
  relate (fx, gone, priv);
  g_assert_true (kw_store_delete (fx->store, "person", gone, &error));
  g_assert_no_error (error);
  graph = load (fx, KW_GRAPH_ALL, NULL);
  g_assert_cmpint (kw_graph_lookup (graph, gone), ==, -1);
  g_assert_cmpuint (graph->nodes->len, ==, G_N_ELEMENTS (want));
  g_assert_cmpuint (graph->edges->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      KwGraphNode *node = g_ptr_array_index (graph->nodes, kw_graph_lookup (graph, want[i].id));

      g_assert_cmpint (node->named, ==, want[i].named);
      g_assert_cmpint (node->kind, ==, want[i].kind);
    }
}

/* --area: the nodes in the reach of the area (any depth) and the edges
 * among them; a neighbour elsewhere is left out with its edge. */
static void
test_load_area (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *west = put (fx, "area", "name", "West", NULL);
  g_autofree char *buurt = put (fx, "area", "name", "Buurt", "parent", west, NULL);
  g_autofree char *hof = put (fx, "area", "name", "Hof", "parent", buurt, NULL);
  g_autofree char *oost = put (fx, "area", "name", "Oost", NULL);
  g_autofree char *ada = person (fx, "Ada", west);
  g_autofree char *bo = person (fx, "Bo", hof);
  g_autofree char *org = put (fx, "organisation", "name", "Club", "area", buurt, NULL);
  g_autofree char *far = person (fx, "Ver", oost);
  g_autofree char *nowhere = person (fx, "Nergens", NULL);
  g_autoptr(KwGraph) graph = NULL;
  g_autoptr(KwGraph) inner = NULL;
  g_autoptr(GError) error = NULL;

  relate (fx, ada, bo);
  relate (fx, bo, far);
  relate (fx, org, nowhere);
  g_free (put (fx, "affiliation", "person", bo, "organisation", org, NULL));
  graph = load (fx, KW_GRAPH_AREA, west);
  assert_nodes (graph, ada, bo, org);
  g_assert_cmpuint (graph->edges->len, ==, 2);
  inner = load (fx, KW_GRAPH_AREA, buurt);
  assert_nodes (inner, bo, org);
  g_assert_cmpuint (inner->edges->len, ==, 1);

  g_assert_null (kw_graph_load (fx->store, KW_GRAPH_AREA, ada, &fx->today, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
}

/* --alliance: its partners of any status, every node one edge away from
 * one, and every edge among those (also between two neighbours); a node
 * two edges away is left out. */
static void
test_load_alliance (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *alliance = put (fx, "alliance", "name", "Alliantie", NULL);
  g_autofree char *org = put (fx, "organisation", "name", "Corporatie", NULL);
  g_autofree char *left = person (fx, "Vertrokken", NULL);
  g_autofree char *n1 = person (fx, "Buur een", NULL);
  g_autofree char *n2 = person (fx, "Buur twee", NULL);
  g_autofree char *far = person (fx, "Ver weg", NULL);
  g_autofree char *staff = person (fx, "Medewerker", NULL);
  g_autoptr(KwGraph) graph = NULL;

  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", org, "status", "active", NULL));
  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", left, "status", "left", NULL));
  relate (fx, org, n1);
  relate (fx, left, n2);
  relate (fx, n1, n2);
  relate (fx, n2, far);
  g_free (put (fx, "affiliation", "person", staff, "organisation", org, NULL));
  graph = load (fx, KW_GRAPH_ALLIANCE, alliance);
  assert_nodes (graph, org, left, n1, n2, staff);
  g_assert_cmpuint (graph->edges->len, ==, 4);
  g_assert_true (linked (graph, n1, n2));
}

/* --map: the map's parties and the edges among them only. */
static void
test_load_map (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *map = put (fx, "stakeholder_map", "name", "Kaart", NULL);
  g_autofree char *ada = person (fx, "Ada", NULL);
  g_autofree char *bo = person (fx, "Bo", NULL);
  g_autofree char *cy = person (fx, "Cy", NULL);
  g_autofree char *out = person (fx, "Buiten", NULL);
  g_autofree char *position = NULL;
  g_autoptr(KwGraph) graph = NULL;

  g_free (put (fx, "map_position", "map", map, "party", ada, NULL));
  g_free (put (fx, "map_position", "map", map, "party", bo, NULL));
  position = put (fx, "map_position", "map", map, "party", cy, NULL);
  g_assert_true (kw_store_delete (fx->store, "map_position", position, &error));
  g_assert_no_error (error);
  relate (fx, ada, out);
  relate (fx, out, bo);
  relate (fx, ada, bo);
  relate (fx, ada, cy);
  graph = load (fx, KW_GRAPH_MAP, map);
  assert_nodes (graph, ada, bo);
  g_assert_cmpuint (graph->edges->len, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#ifdef HAVE_IGRAPH
  g_test_add_func ("/kw/graph/path", test_path);
  g_test_add_func ("/kw/graph/star", test_star);
  g_test_add_func ("/kw/graph/two-triangles", test_two_triangles);
  g_test_add_func ("/kw/graph/square", test_square);
  g_test_add_func ("/kw/graph/parts-without", test_parts_without);
  g_test_add_func ("/kw/graph/components", test_components);
  g_test_add_func ("/kw/graph/random-cut-points", test_random_cut_points);
  g_test_add_func ("/kw/graph/duplicates", test_duplicates);
  g_test_add_func ("/kw/graph/layout", test_layout);
  g_test_add_func ("/kw/graph/layout-components", test_layout_components);
#else
  g_test_add_func ("/kw/graph/unavailable", test_unavailable);
#endif
#define ADD(path, func) \
  g_test_add ("/kw/graph/load/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("duplicates", test_load_duplicates);
  ADD ("affiliations", test_load_affiliations);
  ADD ("records", test_load_records);
  ADD ("area", test_load_area);
  ADD ("alliance", test_load_alliance);
  ADD ("map", test_load_map);
#undef ADD

  return g_test_run ();
}
