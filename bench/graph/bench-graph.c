/* bench-graph.c: the stakeholder network's computations at scale (issue 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-graph [--runs R] [--nodes N] [--edges E] [DB [--area ID] [--igraph]]
 *
 * A generated graph of N nodes (default 2,000) and E distinct edges
 * (default 10,000, seeded): our layout and centrality (kw_graph_layout ()
 * then kw_graph_bridges (): the copies into igraph, the seeded start,
 * the articulation points and their cut_off, the ranking) against the
 * floor, igraph_betweenness () and igraph_layout_fruchterman_reingold ()
 * called directly with the same parameters on an igraph_t built once,
 * in the same run, alternating. Targets: within 1.2× of the floor, and
 * under 1 s. With DB (the 100,000-person database of the contacts
 * benchmarks, made once when missing): kw_analysis_bridges () for the
 * area ID (default: the stadsdeel with the most people), target 2 s,
 * then one run in its parts (reading, betweenness in one thread and in
 * the default number, cut_off and ranking; with --igraph also
 * igraph_betweenness () on the same graph, the computation before).
 * Best and median of R runs (default 5). bench/README.md, section
 * "Stakeholder network", records the figures.
 */
#include "config.h"

#include <igraph.h>
#include <sqlite3.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-contacts-db.h"
#include "kw-graph-private.h"
#include "kw-graph.h"
#include "kw-store.h"
#include "kw-bench-stats.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

/* CPU time of this process: on a machine shared with other builds the
 * wall clock says more about them than about us. */
static double
cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

typedef struct {
  double wall;
  double cpu;
} Timing;

static Timing
timing_start (void)
{
  return (Timing) { now_ms (), cpu_ms () };
}

static Timing
timing_since (Timing start)
{
  return (Timing) { now_ms () - start.wall, cpu_ms () - start.cpu };
}

typedef struct {
  GArray *wall;
  GArray *cpu;
} Times;

static void
times_init (Times *t)
{
  t->wall = g_array_new (FALSE, FALSE, sizeof (double));
  t->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
times_add (Times  *t,
           Timing  one)
{
  g_array_append_val (t->wall, one.wall);
  g_array_append_val (t->cpu, one.cpu);
}

/* Best and median of wall clock and CPU time; frees the arrays. */
static void
summarise (Times  *t,
           double *best,
           double *median,
           double *cpu_best,
           double *cpu_median)
{
  g_array_sort (t->wall, kw_bench_compare_doubles);
  g_array_sort (t->cpu, kw_bench_compare_doubles);
  *best = g_array_index (t->wall, double, 0);
  *median = g_array_index (t->wall, double, t->wall->len / 2);
  *cpu_best = g_array_index (t->cpu, double, 0);
  *cpu_median = g_array_index (t->cpu, double, t->cpu->len / 2);
  g_array_unref (t->wall);
  g_array_unref (t->cpu);
}

/* N nodes, E distinct pairs drawn with a seeded generator. */
static KwGraph *
generate (guint n,
          guint e)
{
  KwGraph *graph = kw_graph_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("node-%05u", i);

      kw_graph_add_node (graph, id, i % 5 == 0 ? "organisation" : "person", id, TRUE,
                         i % 5 == 0 ? KW_GRAPH_NODE_FORMAL : KW_GRAPH_NODE_PERSON, NULL, NULL);
    }
  while (graph->edges->len < e)
    kw_graph_add_edge (graph, (guint) g_rand_int_range (rand, 0, (gint32) n),
                       (guint) g_rand_int_range (rand, 0, (gint32) n), "knows", 1, FALSE);
  kw_graph_sort (graph);
  return graph;
}

/* The same start positions kw_graph_layout () uses are not known here:
 * the floor starts from igraph's own random positions (use_seed FALSE),
 * with the same iterations, temperature and grid. */
static Timing
floor_once (igraph_t *ig,
            guint     n)
{
  igraph_vector_t betweenness;
  igraph_matrix_t pos;
  Timing start = timing_start ();

  igraph_vector_init (&betweenness, 0);
  igraph_matrix_init (&pos, n, 2);
  igraph_rng_seed (igraph_rng_default (), KW_GRAPH_LAYOUT_SEED);
  igraph_layout_fruchterman_reingold (ig, &pos, FALSE, 500, sqrt ((double) n) / 10,
                                      IGRAPH_LAYOUT_AUTOGRID, NULL, NULL, NULL, NULL, NULL);
  igraph_betweenness (ig, &betweenness, igraph_vss_all (), IGRAPH_UNDIRECTED, NULL);
  start = timing_since (start);
  igraph_matrix_destroy (&pos);
  igraph_vector_destroy (&betweenness);
  return start;
}

static Timing
ours_once (KwGraph *graph)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwGraphBridges) bridges = NULL;
  Timing start = timing_start ();

  if (!kw_graph_layout (graph, &error) || (bridges = kw_graph_bridges (graph, &error)) == NULL)
    g_error ("%s", error->message);
  return timing_since (start);
}

static gboolean
bench_generated (guint n,
                 guint e,
                 guint runs)
{
  g_autoptr(KwGraph) graph = generate (n, e);
  Times ours, floor_times;
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (igraph_integer_t));
  igraph_vector_int_t edge_vector;
  igraph_t ig;
  double ob, om, fb, fm, ocb, ocm, fcb, fcm;

  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      igraph_integer_t a = edge->a, b = edge->b;

      g_array_append_val (edges, a);
      g_array_append_val (edges, b);
    }
  igraph_vector_int_view (&edge_vector, (igraph_integer_t *) edges->data, edges->len);
  igraph_create (&ig, &edge_vector, n, IGRAPH_UNDIRECTED);

  /* a warm-up of each, then alternating */
  times_init (&ours);
  times_init (&floor_times);
  ours_once (graph);
  floor_once (&ig, n);
  for (guint r = 0; r < runs; r++)
    {
      times_add (&ours, ours_once (graph));
      times_add (&floor_times, floor_once (&ig, n));
    }
  igraph_destroy (&ig);
  summarise (&ours, &ob, &om, &ocb, &ocm);
  summarise (&floor_times, &fb, &fm, &fcb, &fcm);
  g_print ("generated graph: %u nodes, %u edges, %u runs (wall clock; CPU time)\n", n, graph->edges->len, runs);
  g_print ("  layout + centrality (ours)   best %7.1f ms  median %7.1f ms;  CPU best %7.1f  median %7.1f\n",
           ob, om, ocb, ocm);
  g_print ("  floor (bare igraph calls)    best %7.1f ms  median %7.1f ms;  CPU best %7.1f  median %7.1f\n",
           fb, fm, fcb, fcm);
  g_print ("  ratio of medians %.2f (CPU %.2f; target 1.20); median CPU time %s 1 s\n", om / fm, ocm / fcm,
           ocm < 1000 ? "under" : "OVER");
  return ocm / fcm <= 1.2 && ocm < 1000;
}

/* The id of the stadsdeel with the most people. */
static char *
largest_stadsdeel (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *id = NULL;
  static const char sql[] =
    "WITH RECURSIVE reach (top, id) AS (SELECT id, id FROM area WHERE kind = 'stadsdeel' AND deleted IS NULL "
    "UNION SELECT r.top, a.id FROM area a JOIN reach r ON a.parent = r.id WHERE a.deleted IS NULL) "
    "SELECT r.top FROM reach r JOIN person p ON p.area = r.id AND p.deleted IS NULL "
    "GROUP BY r.top ORDER BY count (*) DESC, r.top LIMIT 1";

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return id;
}

/* igraph_betweenness () on @graph: what kw_graph_bridges () called before
 * kw-graph-centrality.c (tens of seconds on a stadsdeel). */
static Timing
igraph_betweenness_once (KwGraph *graph)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (igraph_integer_t));
  igraph_vector_int_t edge_vector;
  igraph_vector_t betweenness;
  igraph_t ig;
  Timing start = timing_start ();

  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      igraph_integer_t a = edge->a, b = edge->b;

      g_array_append_val (edges, a);
      g_array_append_val (edges, b);
    }
  igraph_vector_int_view (&edge_vector, (igraph_integer_t *) edges->data, edges->len);
  igraph_create (&ig, &edge_vector, graph->nodes->len, IGRAPH_UNDIRECTED);
  igraph_vector_init (&betweenness, 0);
  igraph_betweenness (&ig, &betweenness, igraph_vss_all (), IGRAPH_UNDIRECTED, NULL);
  start = timing_since (start);
  igraph_vector_destroy (&betweenness);
  igraph_destroy (&ig);
  return start;
}

/* Where the time of one kw_analysis_bridges () goes: reading the graph,
 * the betweenness (in one thread and in the default number), the
 * betweenness in each kernel the processor has (kw-graph-brandes.h),
 * kw_graph_bridges () as a whole, and with
 * @with_igraph the betweenness as igraph computes it. */
static void
bench_area_phases (KwStore     *store,
                   const char  *id,
                   const GDate *today,
                   gboolean     with_igraph)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwGraph) graph = NULL;
  g_autoptr(KwGraphBridges) bridges = NULL;
  static const KwBrandesKernel kernels[] = {
    KW_BRANDES_KERNEL_GENERIC, KW_BRANDES_KERNEL_AVX2, KW_BRANDES_KERNEL_AVX512,
  };
  g_autofree double *one = NULL, *threaded = NULL;
  Timing start = timing_start (), load, single, several, all;

  if ((graph = kw_graph_load (store, KW_GRAPH_AREA, id, today, &error)) == NULL)
    g_error ("%s", error->message);
  load = timing_since (start);
  start = timing_start ();
  one = _kw_graph_betweenness (graph, 1);
  single = timing_since (start);
  start = timing_start ();
  threaded = _kw_graph_betweenness (graph, 0);
  several = timing_since (start);
  start = timing_start ();
  if ((bridges = kw_graph_bridges (graph, &error)) == NULL)
    g_error ("%s", error->message);
  all = timing_since (start);
  g_print ("  one run in parts (wall clock; CPU time):\n");
  g_print ("    kw_graph_load ()                         %8.1f ms; CPU %8.1f\n", load.wall, load.cpu);
  g_print ("    betweenness, 1 thread (%-7s)          %8.1f ms; CPU %8.1f\n",
           _kw_graph_brandes_kernel_name (KW_BRANDES_KERNEL_AUTO), single.wall, single.cpu);
  g_print ("    betweenness, default (%u processors)      %8.1f ms; CPU %8.1f\n", g_get_num_processors (),
           several.wall, several.cpu);
  for (guint i = 0; i < G_N_ELEMENTS (kernels); i++)
    if (_kw_graph_brandes_kernel_supported (kernels[i]))
      {
        g_autofree double *values = NULL;
        Timing kernel;

        start = timing_start ();
        values = _kw_graph_betweenness_with (graph, 0, kernels[i]);
        kernel = timing_since (start);
        g_print ("    betweenness, default threads, %-7s    %8.1f ms; CPU %8.1f\n",
                 _kw_graph_brandes_kernel_name (kernels[i]), kernel.wall, kernel.cpu);
      }
  g_print ("    kw_graph_bridges () (betweenness, cut_off, ranking) %8.1f ms; CPU %8.1f\n",
           all.wall, all.cpu);
  if (with_igraph)
    {
      Timing bare = igraph_betweenness_once (graph);

      g_print ("    igraph_betweenness () on the same graph  %8.1f ms; CPU %8.1f\n", bare.wall, bare.cpu);
    }
}

static gboolean
bench_area (const char *path,
            const char *area,
            guint       runs,
            gboolean    with_igraph)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = bench_open_people (path, 100000, &error);
  Times times;
  g_autofree char *id = area != NULL ? g_strdup (area) : NULL;
  guint nodes = 0, edges = 0;
  GDate today;
  double best, median, cpu_best, cpu_median;

  if (store == NULL)
    g_error ("%s: %s", path, error->message);
  if (id == NULL && (id = largest_stadsdeel (path)) == NULL)
    g_error ("%s: no stadsdeel", path);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_NOVEMBER, 2026);
  times_init (&times);
  for (guint r = 0; r <= runs; r++)
    {
      g_autoptr(KwGraphBridges) bridges = NULL;
      Timing start = timing_start (), t;

      if ((bridges = kw_analysis_bridges (store, id, NULL, NULL, &today, &error)) == NULL)
        g_error ("%s", error->message);
      t = timing_since (start);
      nodes = bridges->n_nodes;
      edges = bridges->n_edges;
      if (r > 0)  /* the first is the warm-up */
        times_add (&times, t);
    }
  summarise (&times, &best, &median, &cpu_best, &cpu_median);
  g_print ("report bridges --area %s: %u nodes, %u edges, %u runs\n", id, nodes, edges, runs);
  g_print ("  best %7.1f ms  median %7.1f ms;  CPU best %7.1f  median %7.1f (target 2000 ms)\n",
           best, median, cpu_best, cpu_median);
  bench_area_phases (store, id, &today, with_igraph);
  return median < 2000;
}

int
main (int    argc,
      char **argv)
{
  guint runs = 5, n = 2000, e = 10000;
  const char *db = NULL, *area = NULL;
  gboolean ok, with_igraph = FALSE;

  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
      runs = (guint) MAX (1, atoi (argv[i + 1])), i++;
    else if (strcmp (argv[i], "--nodes") == 0 && i + 1 < argc)
      n = (guint) MAX (2, atoi (argv[i + 1])), i++;
    else if (strcmp (argv[i], "--edges") == 0 && i + 1 < argc)
      e = (guint) atoi (argv[++i]);
    else if (strcmp (argv[i], "--area") == 0 && i + 1 < argc)
      area = argv[++i];
    else if (strcmp (argv[i], "--igraph") == 0)
      with_igraph = TRUE;
    else
      db = argv[i];
  e = MIN (e, n * (n - 1) / 2);

  ok = bench_generated (n, e, runs);
  if (db != NULL)
    ok = bench_area (db, area, runs, with_igraph) && ok;
  return ok ? 0 : 1;
}
