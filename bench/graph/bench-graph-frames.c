/* bench-graph-frames.c: the frame time of the network graph while panning
 * and zooming (issue 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-graph-frames [--frames F] [--nodes N] [--edges E]
 *
 * The generated graph of bench-graph (N = 2,000 nodes, E = 10,000
 * distinct pairs, seed 11; here with every relation kind, strengths
 * 1–3 and one edge in 13 tense), laid out by kw_graph_layout (), in a
 * KwNetworkGraph of 1,200 × 800 in a real window. For F frames (default
 * 600) a tick callback pans or zooms a step (pan right, zoom in to 4×,
 * pan down, zoom out to 0.5×, and again); each frame's time is from its
 * tick (the frame clock's update phase) to its after-paint: layout,
 * snapshot and render, as wall clock and as the CPU time of the thread
 * that draws (the machine is shared). Run it with GSK_RENDERER=cairo
 * under Xvfb (the software renderer). Prints the median, p95 and max;
 * target p95 under 16 ms. bench/README.md, section "Stakeholder network", records it.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>
#include <time.h>

#include "kw-graph.h"
#include "map/kw-network-graph.h"
#include "kw-bench-stats.h"

typedef struct {
  KwNetworkGraph *widget;
  GArray         *times;     /* double ms, one per painted frame */
  GArray         *cpu;       /* the same, CPU time of this (the drawing) thread */
  guint           frames;
  guint           tick;
  gint64          started;   /* of the frame being made, or 0 */
  double          cpu_started;
  gboolean        done;
} Run;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static KwGraph *
generate (guint n,
          guint e)
{
  static const char * const kinds[] = {
    "knows", "works_with", "member_of", "represents", "funds", "advises", "affiliation",
  };
  KwGraph *graph = kw_graph_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint made = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("node-%05u", i);

      kw_graph_add_node (graph, id, i % 5 == 0 ? "organisation" : "person", id, i % 7 != 0,
                         i % 5 == 0 ? KW_GRAPH_NODE_FORMAL : i % 11 == 0 ? KW_GRAPH_NODE_KEY_FIGURE : KW_GRAPH_NODE_PERSON,
                         NULL, NULL);
    }
  while (graph->edges->len < e)
    {
      guint a = (guint) g_rand_int_range (rand, 0, (gint32) n), b = (guint) g_rand_int_range (rand, 0, (gint32) n);

      if (kw_graph_add_edge (graph, a, b, kinds[made % G_N_ELEMENTS (kinds)], 1 + made % 3, made % 13 == 0))
        made++;
    }
  kw_graph_sort (graph);
  return graph;
}

/* One step of the tour: 4 phases of 75 frames, then again. */
static void
step (Run *run)
{
  guint phase = (run->tick / 75) % 4;

  switch (phase)
    {
    case 0: kw_network_graph_pan_zoom (run->widget, 6, 0, 1); break;
    case 1: kw_network_graph_pan_zoom (run->widget, 0, 0, 1.019); break;   /* ×4 over 75 frames */
    case 2: kw_network_graph_pan_zoom (run->widget, 0, 6, 1); break;
    default: kw_network_graph_pan_zoom (run->widget, -6, -6, 1 / 1.028); break;  /* to ×0.5 */
    }
  run->tick++;
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  Run *run = data;

  if (run->done)
    return G_SOURCE_REMOVE;
  run->started = g_get_monotonic_time ();
  run->cpu_started = thread_cpu_ms ();
  step (run);
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Run           *run)
{
  double ms;

  if (run->started == 0 || run->done)
    return;
  ms = (double) (g_get_monotonic_time () - run->started) / 1000.0;
  g_array_append_val (run->times, ms);
  ms = thread_cpu_ms () - run->cpu_started;
  g_array_append_val (run->cpu, ms);
  run->started = 0;
  if (run->times->len >= run->frames)
    run->done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint frames = 600, nodes = 2000, edges = 10000;
  g_autoptr(KwGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GdkFrameClock *clock;
  Run run = { 0 };
  gint64 t0;
  double p95;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      guint *target = g_str_equal (argv[i], "--frames") ? &frames : g_str_equal (argv[i], "--nodes") ? &nodes
                      : g_str_equal (argv[i], "--edges") ? &edges : NULL;

      if (target == NULL)
        {
          g_printerr ("usage: %s [--frames F] [--nodes N] [--edges E]\n", argv[0]);
          return 2;
        }
      *target = (guint) atoi (argv[i + 1]);
    }
  gtk_init ();
  graph = generate (nodes, edges);
  t0 = g_get_monotonic_time ();
  if (!kw_graph_layout (graph, &error))
    {
      g_printerr ("layout: %s\n", error->message);
      return 77;  /* skipped: no igraph */
    }
  g_print ("graph: %u nodes, %u edges, laid out in %.0f ms\n", graph->nodes->len, graph->edges->len,
           (g_get_monotonic_time () - t0) / 1000.0);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  run.widget = KW_NETWORK_GRAPH (kw_network_graph_new ());
  run.times = g_array_new (FALSE, FALSE, sizeof (double));
  run.cpu = g_array_new (FALSE, FALSE, sizeof (double));
  run.frames = MAX (frames, 10);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (run.widget));
  kw_network_graph_set_graph (run.widget, graph);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (run.widget)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (run.widget));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &run);
  gtk_widget_add_tick_callback (GTK_WIDGET (run.widget), on_tick_cb, &run, NULL);
  t0 = g_get_monotonic_time ();
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);

  g_array_sort (run.times, kw_bench_compare_doubles);
  g_array_sort (run.cpu, kw_bench_compare_doubles);
  p95 = bench_percentile (run.times, 95);
  g_print ("frames: %u in %.1f s (renderer %s)\n", run.times->len, (g_get_monotonic_time () - t0) / 1e6,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("frame time: median %.1f ms, p95 %.1f ms, max %.1f ms (target p95 < 16 ms)\n",
           bench_percentile (run.times, 50), p95, g_array_index (run.times, double, run.times->len - 1));
  g_print ("frame CPU time (this thread): median %.1f ms, p95 %.1f ms, max %.1f ms\n",
           bench_percentile (run.cpu, 50), bench_percentile (run.cpu, 95), g_array_index (run.cpu, double, run.cpu->len - 1));
  kw_network_graph_set_graph (run.widget, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (run.times);
  g_array_unref (run.cpu);
  return 0;
}
