/* bench-window.c: the people list of 100,000 under a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-contacts-window --scroll DB [--steps N]
 *   bench-contacts-window --search DB [--rounds N]
 *   bench-contacts-window --startup DB EMPTY_WINDOW_EXE [--runs N]
 *   bench-contacts-window --first-frame DB        (a child of --startup)
 *
 * --scroll opens the window on DB and scrolls the GtkListView of people
 * from top to bottom by setting its vertical adjustment once per frame
 * (a tick callback), then 600 frames of 40 px each (a steady scroll);
 * it records the time of every "after-paint" of the window's
 * GdkFrameClock and reports frame intervals, work per frame and dropped
 * frames. --search types a realistic sequence of searches ("m", "mo",
 * "moh", cleared, "z", "ze", "zey" …) into the list's search entry
 * (gtk_editable_set_text, one keystroke at a time) and times each from
 * the keystroke to the frame that shows the new list: the first
 * "after-paint" once the model has emitted its items-changed for the
 * search and the row widgets are bound again. --startup runs the real application on DB and the empty
 * window program alternately, each from spawn to its first frame, and
 * reports the ratio of the medians (target ≤ 1.5).
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-contacts-db.h"
#include "bench-first-frame.h"
#include "kw-application.h"
#include "kw-contacts-view.h"
#include "kw-window.h"
#include "kw-bench-stats.h"

#define EXIT_SKIP 77

typedef struct {
  GtkAdjustment *adj;
  double         stride;    /* px per frame; 0: top to bottom in n_steps */
  double         start;
  guint          n_steps;
  guint          step;
  gboolean       done;
  gint64         before;    /* before-paint of the current frame */
  GArray        *paints;    /* µs, after-paint of each frame */
  GArray        *works;     /* ms, before-paint to after-paint */
} Scroll;

/* Helpers */

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

static double
scroll_target (Scroll *s)
{
  double top = gtk_adjustment_get_upper (s->adj) - gtk_adjustment_get_page_size (s->adj);

  if (s->stride == 0)
    return top * s->step / s->n_steps;
  return MIN (s->start + s->stride * s->step, top);
}

/* Callbacks */

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  Scroll *s = data;

  if (s->step > s->n_steps)
    {
      s->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (s->adj, scroll_target (s));
  s->step++;
  return G_SOURCE_CONTINUE;
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Scroll        *s)
{
  s->before = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Scroll        *s)
{
  gint64 now = g_get_monotonic_time ();
  double work = (now - s->before) / 1000.0;

  if (s->step == 0 || s->done)
    return;
  g_array_append_val (s->paints, now);
  g_array_append_val (s->works, work);
}

/* Scrolling */

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
report_scroll (const char *what,
               Scroll     *s,
               double      refresh_ms)
{
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  guint dropped = 0;
  double wall;

  for (guint i = 1; i < s->paints->len; i++)
    {
      double ms = (g_array_index (s->paints, gint64, i) - g_array_index (s->paints, gint64, i - 1)) / 1000.0;

      g_array_append_val (intervals, ms);
      dropped += MAX (0, (int) (ms / refresh_ms + 0.5) - 1);
    }
  wall = s->paints->len > 1 ? (g_array_index (s->paints, gint64, s->paints->len - 1)
                               - g_array_index (s->paints, gint64, 0)) / 1e6 : 0;
  g_array_sort (intervals, kw_bench_compare_doubles);
  g_array_sort (s->works, kw_bench_compare_doubles);
  g_print ("%s: %u frames in %.2f s (%.1f fps)\n", what, s->paints->len, wall,
           wall > 0 ? (s->paints->len - 1) / wall : 0);
  g_print ("  frame interval  median %6.2f ms   p95 %6.2f ms   max %6.2f ms\n",
           bench_percentile (intervals, 50), bench_percentile (intervals, 95), bench_percentile (intervals, 100));
  g_print ("  work per frame  median %6.2f ms   p95 %6.2f ms   max %6.2f ms\n",
           bench_percentile (s->works, 50), bench_percentile (s->works, 95), bench_percentile (s->works, 100));
  g_print ("  frames dropped  %u (of %u expected at %.1f Hz)\n", dropped, s->paints->len + dropped, 1000 / refresh_ms);
}

static void
run_scroll (GtkListView *view,
            Scroll      *s)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));

  s->paints = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->works = g_array_new (FALSE, FALSE, sizeof (double));
  s->adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), s);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), s);
  gtk_widget_add_tick_callback (GTK_WIDGET (view), on_tick_cb, s, NULL);
  while (!s->done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (clock, s);
}

static GtkWindow *
open_window (KwStore *store)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KwWindow *window;

  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_settings_set_string (settings, "last-view", "contacts");
  window = kw_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (1000);
  return GTK_WINDOW (window);
}

static int
scroll_main (const char *db,
             guint       n_steps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = bench_open_people (db, 100000, &error);
  GtkWindow *window;
  GtkListView *view;
  GskRenderer *renderer;
  Scroll jump = { .n_steps = n_steps }, steady = { .stride = 40, .n_steps = 600 };
  gint64 refresh = 0;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  window = open_window (store);
  view = kw_contacts_view_get_list_view (KW_CONTACTS_VIEW (kw_window_get_contacts_view (KW_WINDOW (window))));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  gdk_frame_clock_get_refresh_info (gtk_widget_get_frame_clock (GTK_WIDGET (view)), 0, &refresh, NULL);
  if (refresh <= 0)
    refresh = 16667;
  g_print ("people list: %u rows, window %d×%d, %s\n",
           g_list_model_get_n_items (G_LIST_MODEL (kw_contacts_view_get_list (
             KW_CONTACTS_VIEW (kw_window_get_contacts_view (KW_WINDOW (window))), "person"))),
           gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
           G_OBJECT_TYPE_NAME (renderer));
  g_print ("row widgets the list view keeps: %u\n", count_children (GTK_WIDGET (view)));
  run_scroll (view, &jump);
  report_scroll ("top to bottom, adjustment set once per frame", &jump, refresh / 1000.0);
  steady.start = gtk_adjustment_get_upper (jump.adj) / 2;
  run_scroll (view, &steady);
  report_scroll ("steady scroll, 40 px per frame from the middle", &steady, refresh / 1000.0);
  gtk_window_destroy (window);
  for (Scroll *s = &jump; s != NULL; s = s == &jump ? &steady : NULL)
    {
      g_array_unref (s->paints);
      g_array_unref (s->works);
    }
  return EXIT_SUCCESS;
}

/* Search as you type, end to end */

/* As a user types them: each is the whole text of the entry after a
 * keystroke ("" is the entry cleared); every one changes the list. */
static const char * const searches[] = {
  "k", "kh", "kha", "khad", "", "z", "ze", "zey", "", "s", "se", "sem", "", "a", "ay", "ayş", "ayşe", "",
  "m", "mu", "mur", "", "d", "da", "daa", "daan", "", "de", "de v", "de vr", "", "h", "hü", "hüs", "",
  "p", "pa", "paw", "", "ş", "",
};

typedef struct {
  GObject *list;
  double   cpu_ms;    /* the main thread's CPU time at "shown" */
  gboolean searched;  /* the entry emitted search-changed since the keystroke */
  gboolean changed;   /* the model emitted items-changed since the keystroke */
  gint64   shown;     /* the after-paint after that, µs */
} Probe;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The list has its result: no query of it runs (in a thread, when the
 * list has a "busy" property). */
static gboolean
probe_settled (Probe *probe)
{
  gboolean busy = FALSE;

  if (!probe->searched)
    return FALSE;
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (probe->list), "busy") != NULL)
    g_object_get (probe->list, "busy", &busy, NULL);
  return !busy;
}

static void
on_probe_search_changed_cb (GtkSearchEntry *entry,
                            Probe          *probe)
{
  probe->searched = TRUE;
}

static void
on_probe_items_changed_cb (GListModel *model,
                           guint       position,
                           guint       removed,
                           guint       added,
                           Probe      *probe)
{
  probe->changed = TRUE;
}

static void
on_probe_after_paint_cb (GdkFrameClock *clock,
                         Probe         *probe)
{
  if (probe->changed && probe->shown == 0 && probe_settled (probe))
    {
      probe->shown = g_get_monotonic_time ();
      probe->cpu_ms = thread_cpu_ms ();
    }
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* As a key would: the new character inserted at the end, or the text
 * deleted (gtk_editable_set_text would pass through an empty entry,
 * which a search entry reports at once). */
static void
type_text (GtkEditable *entry,
           const char  *text)
{
  const char *old = gtk_editable_get_text (entry);
  int pos = -1;

  if (*text == '\0')
    gtk_editable_delete_text (entry, 0, -1);
  else if (g_str_has_prefix (text, old))
    {
      pos = g_utf8_strlen (old, -1);
      gtk_editable_insert_text (entry, text + strlen (old), -1, &pos);
    }
  else
    gtk_editable_set_text (entry, text);
}

/* ms from the keystroke to the frame that shows its list, or < 0; in
 * *cpu, the main thread's CPU time meanwhile (less noisy on a shared
 * machine than the time on the clock) */
static double
time_keystroke (GtkEditable *entry,
                const char  *text,
                Probe       *probe,
                double      *cpu)
{
  gint64 t0, deadline;
  double cpu0 = thread_cpu_ms ();

  probe->changed = probe->searched = FALSE;
  probe->shown = 0;
  t0 = g_get_monotonic_time ();
  deadline = t0 + 10 * G_USEC_PER_SEC;
  type_text (entry, text);
  while (probe->shown == 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE) || (g_usleep (200), TRUE);
      if (!probe->changed && probe_settled (probe))
        {
          probe->shown = g_get_monotonic_time ();  /* the same list: no frame to wait for */
          probe->cpu_ms = thread_cpu_ms ();
        }
    }
  *cpu = probe->cpu_ms - cpu0;
  return probe->shown ? (probe->shown - t0) / 1000.0 : -1;
}

static int
search_main (const char *db,
             guint       rounds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = bench_open_people (db, 100000, &error);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  KwContactsView *view;
  GListModel *people;
  GtkEditable *entry;
  GtkWindow *window;
  GdkFrameClock *clock;
  Probe probe = { 0 };

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  window = open_window (store);
  view = KW_CONTACTS_VIEW (kw_window_get_contacts_view (KW_WINDOW (window)));
  people = G_LIST_MODEL (kw_contacts_view_get_list (view, "person"));
  entry = GTK_EDITABLE (find_search_entry (GTK_WIDGET (view)));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_print ("search as you type: %u people, window %d×%d, %s, %u keystrokes × %u rounds (and one not timed)\n",
           g_list_model_get_n_items (people), gtk_widget_get_width (GTK_WIDGET (window)),
           gtk_widget_get_height (GTK_WIDGET (window)),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           (guint) G_N_ELEMENTS (searches), rounds);
  probe.list = G_OBJECT (people);
  g_signal_connect (people, "items-changed", G_CALLBACK (on_probe_items_changed_cb), &probe);
  g_signal_connect_after (entry, "search-changed", G_CALLBACK (on_probe_search_changed_cb), &probe);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_probe_after_paint_cb), &probe);
  for (guint round = 0; round <= rounds; round++)
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        double cpu = 0, ms = time_keystroke (entry, searches[i], &probe, &cpu);

        if (ms < 0)
          {
            g_printerr ("“%s”: no list within 10 s\n", searches[i]);
            return EXIT_FAILURE;
          }
        if (round > 0)
          {
            g_array_append_val (times, ms);
            g_array_append_val (cpus, cpu);
          }
        if (g_getenv ("BENCH_VERBOSE") != NULL)
          g_print ("  %s “%s”: %.1f ms (main thread CPU %.1f ms), %u people\n", round ? "  " : "(not timed)",
                   searches[i], ms, cpu, g_list_model_get_n_items (people));
        wait_ms (150);  /* the pause between two keys */
      }
  g_signal_handlers_disconnect_by_data (people, &probe);
  g_signal_handlers_disconnect_by_data (clock, &probe);
  g_signal_handlers_disconnect_by_data (entry, &probe);
  g_array_sort (times, kw_bench_compare_doubles);
  g_print ("  keystroke to the frame with the new list  p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms"
           "   (target p95 < 50 ms: %s)\n",
           bench_percentile (times, 50), bench_percentile (times, 95), bench_percentile (times, 100),
           bench_percentile (times, 95) < 50 ? "met" : "MISSED");
  g_array_sort (cpus, kw_bench_compare_doubles);
  g_print ("  main thread CPU time meanwhile            p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms\n",
           bench_percentile (cpus, 50), bench_percentile (cpus, 95), bench_percentile (cpus, 100));
  gtk_window_destroy (window);
  return EXIT_SUCCESS;
}

/* Start to first frame */

/* The people list has its model and a row widget for each row shown. */
static gboolean
list_has_rows (GtkWindow *window)
{
  GtkListView *view;
  GListModel *model;

  if (!KW_IS_WINDOW (window))
    return FALSE;
  view = kw_contacts_view_get_list_view (KW_CONTACTS_VIEW (kw_window_get_contacts_view (KW_WINDOW (window))));
  model = G_LIST_MODEL (gtk_list_view_get_model (view));
  return model != NULL && count_children (GTK_WIDGET (view)) >= MIN (g_list_model_get_n_items (model), 2);
}

static int
first_frame_main (const char *db,
                  char       *argv0)
{
  g_autoptr(KwApplication) app = NULL;
  char *argv[] = { argv0, NULL };

  g_setenv ("KWARTIER_DB", db, TRUE);
  app = kw_application_new ();
  bench_report_first_frame (GTK_APPLICATION (app), list_has_rows);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

static gint64
parse_time (const char *out,
            const char *key)
{
  const char *line = out ? strstr (out, key) : NULL;

  return line ? g_ascii_strtoll (line + strlen (key), NULL, 10) : -1;
}

/* ms from spawn to the first frame the child reports (and in *ready,
 * to its frame with content), or < 0 */
static double
time_child (char * const *argv,
            double       *ready)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 start = g_get_monotonic_time (), first, content;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return -1;
    }
  first = parse_time (out, "first-frame ");
  content = parse_time (out, "ready-frame ");
  if (first < 0 || content < 0)
    {
      g_printerr ("%s: no first frame reported\n", argv[0]);
      return -1;
    }
  *ready = (content - start) / 1000.0;
  return (first - start) / 1000.0;
}

static gboolean
time_runs (char * const *app_argv,
           char * const *empty_argv,
           guint         runs,
           GArray       *app_ms,
           GArray       *rows_ms,
           GArray       *empty_ms)
{
  double rows, unused;

  /* one of each first, not counted: the page cache and the X server */
  if (time_child (app_argv, &rows) < 0 || time_child (empty_argv, &unused) < 0)
    return FALSE;
  for (guint i = 0; i < runs; i++)
    {
      double a = time_child (app_argv, &rows), e = time_child (empty_argv, &unused);

      if (a < 0 || e < 0)
        return FALSE;
      g_array_append_val (app_ms, a);
      g_array_append_val (rows_ms, rows);
      g_array_append_val (empty_ms, e);
    }
  return TRUE;
}

static int
startup_main (const char *self_exe,
              const char *db,
              const char *empty_exe,
              guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = bench_open_people (db, 100000, &error);
  char *app_argv[] = { (char *) self_exe, "--first-frame", (char *) db, NULL };
  char *empty_argv[] = { (char *) empty_exe, NULL };
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rows_ms = g_array_new (FALSE, FALSE, sizeof (double));
  double app, empty, rows;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print ("start to first frame: %" G_GINT64_FORMAT " people, %u runs each, alternating\n",
           kw_store_count (store, "person"), runs);
  g_clear_object (&store);
  if (!time_runs (app_argv, empty_argv, runs, app_ms, rows_ms, empty_ms))
    return EXIT_FAILURE;
  g_array_sort (app_ms, kw_bench_compare_doubles);
  g_array_sort (rows_ms, kw_bench_compare_doubles);
  g_array_sort (empty_ms, kw_bench_compare_doubles);
  app = bench_percentile (app_ms, 50);
  rows = bench_percentile (rows_ms, 50);
  empty = bench_percentile (empty_ms, 50);
  g_print ("  Kwartier                   median %7.1f ms   (min %.1f, max %.1f)\n", app,
           bench_percentile (app_ms, 0), bench_percentile (app_ms, 100));
  g_print ("  empty AdwApplicationWindow median %7.1f ms   (min %.1f, max %.1f)\n", empty,
           bench_percentile (empty_ms, 0), bench_percentile (empty_ms, 100));
  g_print ("  ratio %.2f (target <= 1.5: %s)\n", app / empty, app / empty <= 1.5 ? "met" : "MISSED");
  g_print ("  Kwartier, first frame with the rows of the list: median %.1f ms, %.2f × the empty window\n",
           rows, rows / empty);
  return EXIT_SUCCESS;
}

/* Where the time to the first frame goes, in one process. */
static void
on_phase_after_paint_cb (GdkFrameClock *clock,
                         gboolean      *painted)
{
  *painted = TRUE;
}

static int
phases_main (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(KwStore) store = NULL;
  gint64 t0 = g_get_monotonic_time (), t1, t2, t3, t4;
  gboolean painted = FALSE;
  KwWindow *window;

  if (!gtk_init_check ())
    return EXIT_SKIP;
  adw_init ();
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "first-run-done", TRUE);
  t1 = g_get_monotonic_time ();
  if ((store = kw_store_open (db, &error)) == NULL)
    return EXIT_FAILURE;
  t2 = g_get_monotonic_time ();
  window = kw_window_new (NULL, store);
  t3 = g_get_monotonic_time ();
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_phase_after_paint_cb), &painted);
  gtk_window_present (GTK_WINDOW (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  t4 = g_get_monotonic_time ();
  g_print ("gtk+adw init %.1f ms, store open %.1f ms, window built %.1f ms, to first frame %.1f ms\n",
           (t1 - t0) / 1e3, (t2 - t1) / 1e3, (t3 - t2) / 1e3, (t4 - t3) / 1e3);
  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}

static guint
option_uint (int         argc,
             char      **argv,
             const char *name,
             guint       fallback)
{
  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], name))
      return (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);
  return fallback;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  if (argc >= 3 && g_str_equal (argv[1], "--first-frame"))
    return first_frame_main (argv[2], argv[0]);
  if (argc >= 3 && g_str_equal (argv[1], "--phases"))
    return phases_main (argv[2]);
  if (argc >= 4 && g_str_equal (argv[1], "--startup"))
    return startup_main (argv[0], argv[2], argv[3], option_uint (argc, argv, "--runs", 7));
  if (argc < 3 || (!g_str_equal (argv[1], "--scroll") && !g_str_equal (argv[1], "--search")))
    {
      g_printerr ("usage: %s --scroll DB [--steps N] | --search DB [--rounds N] | --startup DB EMPTY_WINDOW_EXE [--runs N]\n", argv[0]);
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("no display: run under xvfb-run\n");
      return EXIT_SKIP;
    }
  adw_init ();
  if (g_str_equal (argv[1], "--search"))
    return search_main (argv[2], option_uint (argc, argv, "--rounds", 3));
  return scroll_main (argv[2], option_uint (argc, argv, "--steps", 600));
}
