/* bench-window-pass.c: the window's frames while a sync pass imports ten
 * colleagues' files at 100,000 people (issue 14)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-window-pass DB [--devices D] [--edits E] [--work DIR]
 *
 * Set-up, kept in --work (default /tmp/kw-bench-window-pass) and reused:
 * one copy of DB (never written: copied first) becomes D colleagues in
 * turn, renamed each time so that it takes a new device id (as a copied
 * database does); each colleague changes the phone of E people (the same
 * E for all; default 30) and writes its full export into the folder as
 * its pass names it. A second copy is this device, which changed the same
 * phones later: every colleague's value is a conflict here (D × E open
 * conflicts after the pass, default 300).
 *
 * Each run copies this device afresh, opens the window on it (the
 * contacts view), lets it settle, then sets the sync folder: the window
 * meets it at once with a pass in a thread. A tick callback on the window
 * records the frame clock's frame times from the pass's start to its end,
 * and for 3 s after (the views catch up with what the pass changed);
 * before, 10 s of the window alone with a spinner turning, for the
 * machine's own noise. Printed: the pass's time, the frames, the gaps
 * between ticks (p50, p95, max), and for the five longest where the main
 * thread's time went (/proc: on a CPU, waiting for one, blocked; page
 * faults that read the disk; and, sampled every 2 ms by a thread of the
 * bench, the system call and kernel function it sleeps in). Then kw_conflicts_count () on the database the pass
 * left, 200 times (the sidebar's count). Run it under Xvfb with
 * GSK_RENDERER=cairo; bench/README.md, "The window during a pass",
 * records the figures. Targets: max gap under 100 ms, p95 under 20 ms,
 * the count well under 5 ms.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kw-conflicts.h"
#include "kw-export.h"
#include "kw-sync-folder.h"
#include "kw-sync-scheduler.h"
#include "kw-window.h"
#include "kw-bench-stats.h"

#define EXIT_SKIP 77
#define AFTER_US (3 * G_USEC_PER_SEC)
#define IDLE_US  (10 * G_USEC_PER_SEC)

/* Where a main-thread moment went (/proc/thread-self/schedstat, ns):
 * on a CPU, or ready but waiting for one (the machine is shared). */
typedef struct {
  gint64  at;      /* µs, monotonic */
  guint64 run_ns;
  guint64 wait_ns;
  guint64 majflt;  /* page faults that read the disk (/proc/thread-self/stat) */
} Tick;

typedef struct {
  GArray   *ticks;      /* Tick: frame times during the pass */
  GArray   *after;      /* Tick, in the AFTER_US after it */
  GArray   *idle;       /* Tick, before the folder is set: the machine's own noise */
  gint64    idle_until;
  gint64    started;
  gint64    finished;   /* 0 while the pass runs */
  gboolean  recording;
} Run;

/* Helpers: set-up */

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) a = g_file_new_for_path (from);
  g_autoptr(GFile) b = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  g_autofree char *device = g_strconcat (to, ".device", NULL);

  if (!g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("copy %s: %s", from, error->message);
  g_unlink (device);
}

/* E people who may leave the device (a private one's phone stays home). */
static GPtrArray *
pick_people (const char *db,
             guint       n)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *conn;
  sqlite3_stmt *stmt;

  if (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (conn, "SELECT id FROM person WHERE deleted IS NULL "
                             "AND coalesce (consent, '') != 'private' ORDER BY rid LIMIT ?",
                             -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", db, sqlite3_errmsg (conn));
  sqlite3_bind_int (stmt, 1, (int) n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (conn);
  return ids;
}

static void
set_phones (KwStore    *store,
            GPtrArray  *ids,
            const char *prefix)
{
  g_autoptr(GError) error = NULL;

  if (!kw_store_begin (store, &error))
    g_error ("begin: %s", error->message);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);
      g_autofree char *phone = g_strdup_printf ("%s %04u", prefix, i);

      kw_changeset_set_string (changes, "phone", phone);
      if (!kw_store_update (store, ids->pdata[i], changes, &error))
        g_error ("update %s: %s", (char *) ids->pdata[i], error->message);
    }
  if (!kw_store_commit (store, &error))
    g_error ("commit: %s", error->message);
}

static void
write_colleague (const char *path,
                 const char *folder,
                 guint       d,
                 GPtrArray  *ids)
{
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = kw_store_open (path, &error);
  g_autofree char *organiser = g_strdup_printf ("Collega %u", d + 1);
  g_autofree char *prefix = g_strdup_printf ("06 %02u", d);
  g_autofree char *name = NULL, *file = NULL;

  if (store == NULL)
    g_error ("%s: %s", path, error->message);
  kw_store_set_organiser (store, organiser, NULL);
  set_phones (store, ids, prefix);
  name = kw_sync_folder_file_name (store);
  file = g_build_filename (folder, name, NULL);
  if (!kw_export_to_file (store, &options, file, &error))
    g_error ("export: %s", error->message);
}

static void
set_up (const char *db,
        const char *work,
        guint       devices,
        guint       edits)
{
  g_autofree char *folder = g_build_filename (work, "folder", NULL);
  g_autofree char *mine = g_build_filename (work, "mine-base.db", NULL);
  g_autofree char *colleague = g_build_filename (work, "colleague-0.db", NULL);
  g_autofree char *ready = g_build_filename (work, "ready", NULL);
  g_autoptr(GPtrArray) ids = pick_people (db, edits);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  if (g_file_test (ready, G_FILE_TEST_EXISTS))
    return;
  g_mkdir_with_parents (folder, 0700);
  copy_file (db, colleague);
  for (guint d = 0; d < devices; d++)
    {
      g_autofree char *next = g_strdup_printf ("%s/colleague-%u.db", work, d);

      if (d > 0 && g_rename (colleague, next) != 0)
        g_error ("rename %s", colleague);
      g_free (colleague);
      colleague = g_steal_pointer (&next);
      write_colleague (colleague, folder, d, ids);
    }
  g_unlink (colleague);
  for (guint d = 0; d < devices; d++)
    {
      g_autofree char *marker = g_strdup_printf ("%s/colleague-%u.db.device", work, d);

      g_unlink (marker);
    }
  copy_file (db, mine);
  {
    g_autoptr(KwStore) store = kw_store_open (mine, &error);

    if (store == NULL)
      g_error ("%s: %s", mine, error->message);
    kw_store_set_organiser (store, "Ik", NULL);
    set_phones (store, ids, "020 555");
  }
  {
    /* the colleagues' files: a run's own device (a new one each run) leaves its file, gone next run */
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    g_autoptr(GString) names = g_string_new (NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      g_string_append_printf (names, "%s\n", name);
    g_file_set_contents (ready, names->str, -1, NULL);
  }
  g_print ("set-up: %u colleagues' full exports of %s, %u phones each, %.0f s\n",
           devices, db, edits, (g_get_monotonic_time () - t0) / 1e6);
}

/* Helpers: the run */

static Tick
tick_now (void)
{
  Tick tick = { g_get_monotonic_time (), 0, 0 };
  g_autofree char *text = NULL;

  g_autofree char *stat = NULL;
  const char *after_name;

  if (g_file_get_contents ("/proc/thread-self/schedstat", &text, NULL, NULL))
    sscanf (text, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &tick.run_ns, &tick.wait_ns);
  /* after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt */
  if (g_file_get_contents ("/proc/thread-self/stat", &stat, NULL, NULL)
      && (after_name = strrchr (stat, ')')) != NULL)
    sscanf (after_name + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %" G_GUINT64_FORMAT, &tick.majflt);
  return tick;
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  Run *run = data;
  Tick now = tick_now ();

  if (now.at < run->idle_until)
    g_array_append_val (run->idle, now);
  if (!run->recording)
    return G_SOURCE_CONTINUE;
  if (run->finished == 0)
    g_array_append_val (run->ticks, now);
  else if (now.at - run->finished < AFTER_US)
    g_array_append_val (run->after, now);
  else
    run->recording = FALSE;
  return G_SOURCE_CONTINUE;
}

static void
on_running_cb (KwSyncScheduler *scheduler,
               GParamSpec      *pspec,
               Run             *run)
{
  Tick now = tick_now ();

  if (kw_sync_scheduler_get_running (scheduler) && run->started == 0)
    {
      run->started = now.at;
      run->recording = TRUE;
      g_array_append_val (run->ticks, now);
    }
  else if (!kw_sync_scheduler_get_running (scheduler) && run->started != 0 && run->finished == 0)
    {
      run->finished = now.at;
      g_array_append_val (run->ticks, now);
      g_array_append_val (run->after, now);
    }
}

/* What the main thread was in, sampled every 2 ms by a thread of the
 * bench: its state and, when asleep, the system call and the kernel
 * function it waits in (/proc/self/task/TID/{stat,syscall,wchan}). */
typedef struct {
  gint64 at;
  char   what[64];
} Sample;

static struct {
  GMutex    lock;
  GArray   *samples;
  pid_t     tid;
  gboolean  stop;
} sampler;

static gpointer
sample_thread (gpointer data)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/self/task/%d/stat", (int) sampler.tid);
  g_autofree char *call_path = g_strdup_printf ("/proc/self/task/%d/syscall", (int) sampler.tid);
  g_autofree char *wchan_path = g_strdup_printf ("/proc/self/task/%d/wchan", (int) sampler.tid);

  while (!g_atomic_int_get (&sampler.stop))
    {
      g_autofree char *stat = NULL, *call = NULL, *wchan = NULL;
      Sample sample = { g_get_monotonic_time (), "" };
      const char *after_name;
      long nr = -1;

      if (g_file_get_contents (stat_path, &stat, NULL, NULL) && (after_name = strrchr (stat, ')')) != NULL
          && after_name[2] != 'R')
        {
          g_file_get_contents (call_path, &call, NULL, NULL);
          g_file_get_contents (wchan_path, &wchan, NULL, NULL);
          if (call != NULL)
            nr = strtol (call, NULL, 10);
          g_snprintf (sample.what, sizeof sample.what, "%c syscall %ld in %s", after_name[2], nr,
                      wchan != NULL && *wchan ? wchan : "?");
        }
      else
        g_strlcpy (sample.what, "running", sizeof sample.what);
      g_mutex_lock (&sampler.lock);
      g_array_append_val (sampler.samples, sample);
      g_mutex_unlock (&sampler.lock);
      g_usleep (2000);
    }
  return NULL;
}

/* What the samples in [from, to] say, the most frequent first. */
static void
print_samples (gint64 from,
               gint64 to)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) keys = NULL;
  GString *line = g_string_new ("    main thread:");

  g_mutex_lock (&sampler.lock);
  for (guint i = 0; i < sampler.samples->len; i++)
    {
      Sample *sample = &g_array_index (sampler.samples, Sample, i);

      if (sample->at >= from && sample->at <= to)
        g_hash_table_insert (counts, sample->what,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, sample->what)) + 1));
    }
  keys = g_hash_table_get_keys (counts);
  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (line, " %s ×%u;", (char *) l->data,
                            GPOINTER_TO_UINT (g_hash_table_lookup (counts, l->data)));
  g_mutex_unlock (&sampler.lock);
  g_print ("%s\n", line->str);
  g_string_free (line, TRUE);
}

/* One gap between ticks: wall, on a CPU, waiting for one (ms). */
typedef struct {
  double wall;
  double run;
  double wait;
  guint  majflt;
  gint64 from;
  gint64 to;
} Gap;

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  return kw_bench_compare_doubles (&((const Gap *) a)->wall, &((const Gap *) b)->wall);
}

/* The gaps between successive ticks, sorted by wall time; @walls, the
 * wall times alone. */
static GArray *
gaps_of (GArray  *ticks,
         GArray **walls)
{
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (Gap));

  *walls = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 1; i < ticks->len; i++)
    {
      const Tick *a = &g_array_index (ticks, Tick, i - 1), *b = &g_array_index (ticks, Tick, i);
      Gap gap = { (b->at - a->at) / 1e3, (b->run_ns - a->run_ns) / 1e6, (b->wait_ns - a->wait_ns) / 1e6,
                  (guint) (b->majflt - a->majflt), a->at, b->at };

      g_array_append_val (gaps, gap);
      g_array_append_val (*walls, gap.wall);
    }
  g_array_sort (gaps, compare_gaps);
  g_array_sort (*walls, kw_bench_compare_doubles);
  return gaps;
}

/* The gaps' percentiles, and where the longest went: the main thread's
 * own work (on a CPU), waiting for a CPU, or blocked (the rest). */
static void
print_gaps (const char *what,
            GArray     *ticks)
{
  g_autoptr(GArray) walls = NULL;
  g_autoptr(GArray) gaps = gaps_of (ticks, &walls);
  guint over = 0;

  for (guint i = 0; i < walls->len; i++)
    over += g_array_index (walls, double, i) > 20;
  g_print ("%s: %u frames, gap p50 %.1f ms, p95 %.1f ms, max %.1f ms; %u over 20 ms\n", what, walls->len,
           bench_percentile (walls, 50), bench_percentile (walls, 95), bench_percentile (walls, 100), over);
  for (guint i = gaps->len; i > 0 && i + 5 > gaps->len; i--)
    {
      const Gap *gap = &g_array_index (gaps, Gap, i - 1);

      g_print ("  %.1f ms: %.1f on a CPU, %.1f waiting for one, %.1f blocked (%u page faults from disk)\n",
               gap->wall, gap->run, gap->wait, MAX (0, gap->wall - gap->run - gap->wait), gap->majflt);
      print_samples (gap->from, gap->to);
    }
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

static void
time_count (KwStore *store)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 n = 0;

  for (guint i = 0; i < 200; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      n = kw_conflicts_count (store, NULL);
      ms = (g_get_monotonic_time () - t0) / 1e3;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, kw_bench_compare_doubles);
  g_print ("kw_conflicts_count: %" G_GINT64_FORMAT " open, p50 %.3f ms, max %.3f ms (200 calls; the first %s)\n",
           n, bench_percentile (times, 50), bench_percentile (times, 100), "included");
}

/* Only the colleagues' files of the set-up in the folder. */
static void
clear_folder (const char *work,
              const char *folder)
{
  g_autofree char *ready = g_build_filename (work, "ready", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) keep = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (!g_file_get_contents (ready, &text, NULL, NULL))
    g_error ("%s: no set-up", ready);
  keep = g_strsplit (text, "\n", -1);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_strv_contains ((const char * const *) keep, name))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);

        g_unlink (path);
      }
}

static int
run_main (const char *work)
{
  g_autofree char *base = g_build_filename (work, "mine-base.db", NULL);
  g_autofree char *mine = g_build_filename (work, "mine.db", NULL);
  g_autofree char *folder = g_build_filename (work, "folder", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = NULL;
  Run run = { 0 };
  KwSyncScheduler *scheduler;
  KwWindow *window;

  clear_folder (work, folder);
  copy_file (base, mine);
  if ((store = kw_store_open (mine, &error)) == NULL)
    g_error ("%s: %s", mine, error->message);
  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_settings_set_string (settings, "last-view", "contacts");
  g_settings_set_string (settings, "sync-folder", "");
  window = kw_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (3000);
  run.ticks = g_array_new (FALSE, FALSE, sizeof (Tick));
  run.after = g_array_new (FALSE, FALSE, sizeof (Tick));
  run.idle = g_array_new (FALSE, FALSE, sizeof (Tick));
  scheduler = kw_window_get_sync_scheduler (window);
  g_signal_connect (scheduler, "notify::running", G_CALLBACK (on_running_cb), &run);
  /* first 10 s of the window alone, the spinner of a pass turning: the machine's noise */
  run.idle_until = g_get_monotonic_time () + IDLE_US;
  gtk_widget_add_tick_callback (GTK_WIDGET (window), on_tick_cb, &run, NULL);
  {
    GtkWidget *spinner = gtk_spinner_new ();
    GtkWidget *popover = gtk_popover_new ();

    gtk_popover_set_child (GTK_POPOVER (popover), spinner);
    gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
    gtk_widget_set_parent (popover, GTK_WIDGET (window));
    gtk_spinner_start (GTK_SPINNER (spinner));
    gtk_popover_popup (GTK_POPOVER (popover));
    while (g_get_monotonic_time () < run.idle_until)
      g_main_context_iteration (NULL, TRUE);
    gtk_widget_unparent (popover);
  }
  print_gaps ("the window alone (10 s, a spinner turning)", run.idle);
  g_settings_set_string (settings, "sync-folder", folder);
  while (run.started == 0 || run.recording)
    g_main_context_iteration (NULL, TRUE);
  g_print ("pass: %.2f s, %u files imported, %u changes, %u conflicts, %u refused\n",
           (run.finished - run.started) / 1e6, kw_sync_scheduler_get_result (scheduler)->files,
           kw_sync_scheduler_get_result (scheduler)->changes, kw_sync_scheduler_get_result (scheduler)->conflicts,
           kw_sync_scheduler_get_result (scheduler)->refused->len);
  print_gaps ("during the pass", run.ticks);
  print_gaps ("3 s after it", run.after);
  time_count (store);
  g_signal_handlers_disconnect_by_data (scheduler, &run);
  g_settings_set_string (settings, "sync-folder", "");
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (run.ticks);
  g_array_unref (run.after);
  g_array_unref (run.idle);
  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  const char *db = NULL, *work = "/tmp/kw-bench-window-pass";
  guint devices = 10, edits = 30;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--devices") && i + 1 < argc)
        devices = (guint) atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--edits") && i + 1 < argc)
        edits = (guint) atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--work") && i + 1 < argc)
        work = argv[++i];
      else if (db == NULL && argv[i][0] != '-')
        db = argv[i];
      else
        {
          g_printerr ("usage: %s DB [--devices D] [--edits E] [--work DIR]\n", argv[0]);
          return 2;
        }
    }
  if (db == NULL || !g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s: no database (kwartier-cli --db DB generate --people 100000)\n", db ? db : "DB");
      return EXIT_SKIP;
    }
  if (!gtk_init_check ())
    return EXIT_SKIP;
  adw_init ();
  set_up (db, work, devices, edits);
  {
    GThread *thread;
    int status;

    sampler.samples = g_array_new (FALSE, FALSE, sizeof (Sample));
    sampler.tid = (pid_t) syscall (SYS_gettid);
    thread = g_thread_new ("sampler", sample_thread, NULL);
    status = run_main (work);
    g_atomic_int_set (&sampler.stop, TRUE);
    g_thread_join (thread);
    return status;
  }
}
