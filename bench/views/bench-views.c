/* bench-views.c: opening a record page in the real window (issue 10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-views DB [--pages N] [--type TYPE]
 *
 * Opens the window on DB (the 100,000 generated people the contacts
 * benchmarks share; made once when missing; the environment's DB, when
 * set, is used instead) and opens N alliance pages, N unit pages and N
 * person pages one after another through win.open-record, each timed
 * from the action to the window's next painted frame ("after-paint" of
 * its GdkFrameClock); --type TYPE opens only those. The first page of
 * each type is not counted: it makes the page (its time is printed
 * apart). Reports the median and p95 per type against the
 * target of 100 ms, the process CPU time per page (less hurt by a busy
 * machine than the wall clock), and the floor: the same window, a page
 * already shown, asked for a frame (gtk_widget_queue_draw) with nothing
 * to build, to the frame painted.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-contacts-db.h"
#include "kw-window.h"
#include "kw-bench-stats.h"

#define TARGET_MS 100.0

typedef struct {
  GArray *wall;   /* ms */
  GArray *cpu;    /* ms */
  GArray *build;  /* ms, in win.open-record itself, before the frame */
} Times;

static Times
times_new (void)
{
  Times times = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
                  g_array_new (FALSE, FALSE, sizeof (double)) };

  return times;
}

static void
times_clear (Times *times)
{
  g_array_unref (times->wall);
  g_array_unref (times->cpu);
  g_array_unref (times->build);
}

static void
times_add (Times  *times,
           double  wall,
           double  cpu,
           double  build)
{
  g_array_append_val (times->wall, wall);
  g_array_append_val (times->cpu, cpu);
  g_array_append_val (times->build, build);
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs what (open a page, or ask for a frame) and waits for the frame
 * painted after it; its wall and CPU time in ms. */
static void
time_frame (GtkWidget  *window,
            const char *type,
            const char *id,
            double     *wall,
            double     *cpu,
            double     *build)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();

  if (id != NULL)
    gtk_widget_activate_action (window, "win.open-record", "(ss)", type, id);
  else
    gtk_widget_queue_draw (window);
  *build = (g_get_monotonic_time () - start) / 1000.0;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  *wall = (g_get_monotonic_time () - start) / 1000.0;
  *cpu = cpu_ms () - cpu_start;
  g_signal_handler_disconnect (clock, handler);
}

static void
report (const char *what,
        Times      *times,
        gboolean    against_target)
{
  g_array_sort (times->wall, kw_bench_compare_doubles);
  g_array_sort (times->cpu, kw_bench_compare_doubles);
  g_array_sort (times->build, kw_bench_compare_doubles);
  g_print ("%-16s n=%-3u median %6.1f ms  p95 %6.1f ms  max %6.1f ms  (CPU median %6.1f, p95 %6.1f; in the action %6.1f)%s\n",
           what, times->wall->len,
           bench_percentile (times->wall, 50), bench_percentile (times->wall, 95),
           bench_percentile (times->wall, 100),
           bench_percentile (times->cpu, 50), bench_percentile (times->cpu, 95),
           bench_percentile (times->build, 50),
           !against_target ? ""
           : bench_percentile (times->wall, 50) <= TARGET_MS ? "  within 100 ms" : "  OVER 100 ms");
}

int
main (int    argc,
      char **argv)
{
  static const char *types[] = { "alliance", "network_unit", "person" };
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = NULL;
  const char *db = g_getenv ("DB");
  const char *only = NULL;
  guint n_pages = 40;
  Times floor = times_new ();
  GtkWidget *window;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--pages") && i + 1 < argc)
        n_pages = (guint) MAX (atoi (argv[i + 1]), 2);
      else if (g_str_equal (argv[i], "--type") && i + 1 < argc)
        only = argv[i + 1];
      else if (db == NULL || *db == '\0')
        db = argv[i];
      if (g_str_equal (argv[i], "--pages") || g_str_equal (argv[i], "--type"))
        i++;
    }
  if (db == NULL)
    {
      g_printerr ("usage: bench-views DB [--pages N]\n");
      return EXIT_FAILURE;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("no display: run under xvfb-run\n");
      return 77;
    }
  adw_init ();
  if ((store = bench_open_people (db, 100000, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", db, error->message);
      return EXIT_FAILURE;
    }
  window = GTK_WIDGET (kw_window_new (NULL, store));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle (1500);   /* the first window settles */
  g_print ("opening a page, from win.open-record to the painted frame; %s\n", db);
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GPtrArray) records = kw_store_list (store, types[t], NULL);
      Times times = times_new ();

      if (only != NULL && !g_str_equal (only, types[t]))
        continue;
      if (records == NULL || records->len == 0)
        {
          g_printerr ("%s: no %s records\n", db, types[t]);
          return EXIT_FAILURE;
        }
      for (guint i = 0; i <= n_pages; i++)
        {
          KwRecord *record = g_ptr_array_index (records, (i * 7919) % records->len);
          double wall, cpu, build;

          time_frame (window, types[t], kw_record_get_id (record), &wall, &cpu, &build);
          if (i == 0)   /* the first makes the page: said, not counted */
            {
              g_print ("%-16s the first, which makes the page: %.1f ms (CPU %.1f, in the action %.1f)\n",
                       types[t], wall, cpu, build);
              continue;
            }
          times_add (&times, wall, cpu, build);
          /* the floor: a frame of the same window, nothing to build */
          time_frame (window, NULL, NULL, &wall, &cpu, &build);
          times_add (&floor, wall, cpu, build);
        }
      report (types[t], &times, TRUE);
      times_clear (&times);
    }
  report ("floor (repaint)", &floor, FALSE);
  times_clear (&floor);
  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}
