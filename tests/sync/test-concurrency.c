/* test-concurrency.c: readers never wait for writers (issue 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A writer that holds the database (as a long import does, in one
 * transaction) must not stop get, list, export or opening the store,
 * and a second writer waits, then fails with its own error and the CLI's
 * exit status 4. Then the same with a real import in another process.
 * The wait is cut to a few seconds here (KWARTIER_BUSY_TIMEOUT_MS), so a
 * reader that waited would fail.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kw-error.h"
#include "sync-helpers.h"

#define T0 G_GINT64_CONSTANT (1795000000000)  /* Nov 2026, in ms */
#define WAIT_MS "3000"

static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = -1;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("KWARTIER_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
put_person (KwStore    *store,
            const char *name)
{
  g_autoptr(KwChangeset) cs = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;
  char *id;

  kw_changeset_set_string (cs, "name", name);
  id = kw_store_create (store, cs, &error);
  g_assert_no_error (error);
  return id;
}

/* A connection of its own that holds the write lock, as an import does. */
static sqlite3 *
hold_write_lock (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; UPDATE person SET notes = 'half way' ", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  return db;
}

static void
test_held_writer (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "k.db", NULL);
  g_autofree char *out_file = g_build_filename (dir, "out.kwartier.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = kw_store_open (path, &error);
  g_autofree char *id = put_person (store, "Lezer Zonder Wachten");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(KwStore) reader = NULL;
  g_autoptr(KwRecord) record = NULL;
  g_autoptr(GPtrArray) list = NULL;
  KwExportOptions all = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  sqlite3 *writer;
  gint64 start;

  g_clear_object (&store);
  writer = hold_write_lock (path);
  start = g_get_monotonic_time ();

  /* in process: open, get, list, export */
  reader = kw_store_open (path, &error);
  g_assert_no_error (error);
  record = kw_store_get (reader, "person", id, &error);
  g_assert_no_error (error);
  g_assert_null (kw_record_get_value (record, "notes"));  /* the last committed state */
  list = kw_store_list (reader, "person", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (kw_export_to_file (reader, &all, out_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, <, 2000);

  /* through the CLI */
  g_assert_cmpint (run_cli (&out, &err, "--db", path, "get", "person", id, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Lezer Zonder Wachten"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", path, "list", "person", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", path, "export", "-o", out_file, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, <, 2500);

  /* a second writer waits out the busy timeout, then says so: exit 4 */
  start = g_get_monotonic_time ();
  g_assert_cmpint (run_cli (&out, &err, "--db", path, "put", "person", "name=Tweede Schrijver", NULL), ==, 4);
  g_assert_nonnull (strstr (err, "busy"));
  g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, >=, 2500);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", path, "forget", "person", id, NULL), ==, 4);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", path, "import", out_file, NULL), ==, 4);
  g_assert_nonnull (strstr (err, "busy"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* a sync pass whose colleague's file meets the busy database: 4, not 3 */
  {
    g_autofree char *folder = g_build_filename (dir, "folder", NULL);
    g_autofree char *other = g_build_filename (dir, "other.db", NULL);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    g_assert_cmpint (run_cli (&out, &err, "--db", other, "put", "person", "name=Collega", NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (&out, &err, "--db", other, "sync", folder, NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (&out, &err, "--db", path, "sync", folder, NULL), ==, 4);
    g_assert_nonnull (strstr (err, "busy"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autoptr(KwChangeset) cs = kw_changeset_new ("person", NULL);

    kw_changeset_set_string (cs, "name", "Ook Wachtend");
    g_assert_null (kw_store_create (reader, cs, &error));
    g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_BUSY);
    g_clear_error (&error);
  }

  /* once the writer is done, writing works again */
  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (writer);
  g_assert_cmpint (run_cli (&out, &err, "--db", path, "put", "person", "name=Tweede Schrijver", NULL), ==, 0);
}

/* A real import of a few thousand people in another process; readers run
 * all the while and every one succeeds. */
static void
test_during_import (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "source.db", NULL);
  g_autofree char *target = g_build_filename (dir, "target.db", NULL);
  g_autofree char *file = g_build_filename (dir, "big.kwartier.jsonl", NULL);
  g_autofree char *out_file = g_build_filename (dir, "out.kwartier.jsonl", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("KWARTIER_CLI");
  const char *import_argv[] = { cli, "--db", target, "import", file, NULL };
  GPid pid;
  guint reads = 0, during = 0;
  int status = 0;
  gboolean running = TRUE;

  g_assert_cmpint (run_cli (&out, &err, "--db", source, "generate", "--people", "4000", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", source, "export", "-o", file, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", target, "put", "person", "name=Al Aanwezig", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_spawn_async (NULL, (char **) import_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  while (running)
    {
      const char *what = reads % 3 == 0 ? "list" : reads % 3 == 1 ? "get" : "export";
      int rc;

      if (reads % 3 == 1)
        rc = run_cli (&out, &err, "--db", target, "list", "area", NULL);
      else if (reads % 3 == 0)
        rc = run_cli (&out, &err, "--db", target, "list", "person", NULL);
      else
        rc = run_cli (&out, &err, "--db", target, "export", "-o", out_file, NULL);
      if (rc != 0)
        g_error ("%s failed during the import (%d): %s", what, rc, err);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      reads++;
      running = waitpid (pid, &status, WNOHANG) == 0;
      during += running;
    }
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_test_message ("%u reads, %u of them finished while the import ran", reads, during);
  g_assert_cmpuint (during, >, 0);
}

static gboolean
has_dot_file (const char *folder)
{
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    if (entry[0] == '.')
      return TRUE;
  return FALSE;
}

/* Two passes on one database and one folder at once (the application's
 * timer and a cron job): neither fails, no write is lost, no temporary
 * file stays. A pass that finds the other's lock held past the wait
 * says so: exit 4 (issue 13). */
static void
test_two_passes (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *lock = g_strconcat (db, ".sync-lock", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *cli = g_getenv ("KWARTIER_CLI");
  const char *sync_argv[] = { cli, "--db", db, "sync", folder, NULL };
  gint64 start;
  int fd;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint round = 0; round < 8; round++)
    {
      g_autofree char *field = g_strdup_printf ("name=Gelijktijdig %u", round);
      GPid pids[2];

      g_assert_cmpint (run_cli (&out, &err, "--db", db, "put", "person", field, NULL), ==, 0);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(GError) error = NULL;

          g_spawn_async (NULL, (char **) sync_argv, NULL,
                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, &pids[i], &error);
          g_assert_no_error (error);
        }
      for (guint i = 0; i < 2; i++)
        {
          int status = 0;

          g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
          g_spawn_close_pid (pids[i]);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
        }
      g_assert_false (has_dot_file (folder));
    }
  /* everything reached the folder */
  g_assert_cmpint (run_cli (&out, &err, "--db", other, "sync", folder, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", other, "list", "person", NULL), ==, 0);
  for (guint round = 0; round < 8; round++)
    {
      g_autofree char *name = g_strdup_printf ("Gelijktijdig %u", round);

      g_assert_nonnull (strstr (out, name));
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the lock held (as by a pass that takes long): exit 4 after the wait */
  fd = g_open (lock, O_RDWR, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);
  start = g_get_monotonic_time ();
  g_assert_cmpint (run_cli (&out, &err, "--db", db, "sync", folder, NULL), ==, 4);
  g_assert_nonnull (strstr (err, "busy"));
  g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, >=, 2500);
  close (fd);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", db, "sync", folder, NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("KWARTIER_BUSY_TIMEOUT_MS", WAIT_MS, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/concurrency/held-writer", test_held_writer);
  g_test_add_func ("/kw/concurrency/during-import", test_during_import);
  g_test_add_func ("/kw/concurrency/two-passes", test_two_passes);

  {
    int status = g_test_run ();

    helper_cleanup ();
    return status;
  }
}
