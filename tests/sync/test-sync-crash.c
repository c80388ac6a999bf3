/* test-sync-crash.c: the importer killed at random points (suite sync)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process imports a file and is killed with SIGKILL after a
 * random delay, at least 200 times. Each time the database must pass
 * PRAGMA integrity_check and be either as it was or fully imported.
 * Then the same with a whole sync pass, which writes into the folder too.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kw-sync-folder.h"
#include "sync-helpers.h"

#define T0 G_GINT64_CONSTANT (1795000000000)

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize) len, NULL));
}

static void
reset_database (const char *base,
                const char *work)
{
  g_autofree char *wal = g_strconcat (work, "-wal", NULL);
  g_autofree char *shm = g_strconcat (work, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  copy_file (base, work);
}

static gboolean
integrity_ok (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static G_GNUC_NORETURN void
run_child (const char *work,
           const char *file)
{
  g_autoptr(GError) error = NULL;
  KwStore *store = kw_store_open (work, &error);
  KwImportSummary summary;

  if (store == NULL || !kw_import_file (store, file, FALSE, &summary, &error))
    _exit (3);
  g_object_unref (store);
  _exit (0);
}

/* Microseconds one whole import takes, in a child. */
static gint64
time_import (const char *base,
             const char *work,
             const char *file)
{
  gint64 start = g_get_monotonic_time ();
  int status;
  pid_t pid;

  reset_database (base, work);
  if ((pid = fork ()) == 0)
    run_child (work, file);
  waitpid (pid, &status, 0);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return g_get_monotonic_time () - start;
}

static void
test_crash (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed ());
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *base = NULL, *work = g_build_filename (dir, "work.db", NULL);
  g_autofree char *file = NULL, *before = NULL, *after = NULL;
  guint unchanged = 0, imported = 0;
  gint64 span;

  {
    g_autoptr(Replica) a = replica_new (dir, 0, T0);
    g_autoptr(Replica) b = replica_new (dir, 1, T0);

    random_writes (a->store, rand, 400);
    random_writes (b->store, rand, 100);
    file = export_file (a->store, dir, NULL);
    base = g_strdup (b->path);
  }
  before = dump_database (base);
  span = time_import (base, work, file);
  after = dump_database (work);
  g_assert_cmpstr (before, !=, after);
  g_test_message ("one import: %" G_GINT64_FORMAT " µs", span);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *now = NULL;
      pid_t pid;
      int status;

      reset_database (base, work);
      if ((pid = fork ()) == 0)
        run_child (work, file);
      g_usleep (g_rand_int_range (rand, 0, (gint32) (span * 12 / 10) + 1));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_assert_true (integrity_ok (work));
      now = dump_database (work);
      if (g_strcmp0 (now, before) == 0)
        unchanged++;
      else
        {
          g_assert_cmpstr (now, ==, after);
          imported++;
        }
    }
  g_test_message ("killed 200 times: %u unchanged, %u fully imported", unchanged, imported);
}

/* Every file in @folder under a final name is a whole export (a dry
 * run of its import goes through); TRUE when a temporary one is there. */
static gboolean
check_folder (const char *folder,
              KwStore    *scratch)
{
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  const char *entry;
  gboolean temp = FALSE;

  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, entry, NULL);
      g_autoptr(GError) error = NULL;
      KwImportSummary summary;

      if (entry[0] == '.')
        {
          temp = TRUE;
          continue;
        }
      if (!kw_import_file (scratch, path, TRUE, &summary, &error))
        g_error ("%s is not a whole export: %s", entry, error->message);
    }
  return temp;
}

static G_GNUC_NORETURN void
run_pass_child (const char *work,
                const char *folder)
{
  g_autoptr(GError) error = NULL;
  KwStore *store = kw_store_open (work, &error);
  guint refused;

  if (store == NULL || !kw_sync_folder_run (store, folder, NULL, NULL, NULL, &refused, &error))
    _exit (3);
  g_object_unref (store);
  _exit (0);
}

static char *
records_of (const char *path,
            const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = kw_store_open (path, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = export_text (store, dir, NULL);
  return record_lines (text);
}

static void
reset_folder (const char *folder,
              const char *source)
{
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  const char *entry;
  g_autofree char *base = g_path_get_basename (source);
  g_autofree char *to = g_build_filename (folder, base, NULL);

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, entry, NULL);

      g_unlink (path);
    }
  copy_file (source, to);
}

/* A whole sync pass killed at random moments (issue 13): the folder
 * never holds half a file under a final name, the database is as before
 * or as after the import, and the next pass leaves no temporary file. */
static void
test_crash_pass (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 1);
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autofree char *source = NULL, *base = NULL, *work = g_build_filename (dir, "pass.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(Replica) scratch = NULL;
  guint unchanged = 0, imported = 0, temps = 0;
  gint64 span;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  {
    g_autoptr(Replica) a = replica_new (dir, 0, T0);
    g_autoptr(Replica) b = replica_new (dir, 1, T0);
    g_autofree char *name = NULL;
    g_autofree char *path = NULL;
    guint refused;

    random_writes (a->store, rand, 300);
    random_writes (b->store, rand, 300);
    /* a's full export, as its own pass writes it */
    g_assert_true (kw_sync_folder_run (a->store, folder, NULL, NULL, NULL, &refused, NULL));
    name = kw_sync_folder_file_name (a->store);
    path = g_build_filename (folder, name, NULL);
    source = g_build_filename (dir, name, NULL);
    copy_file (path, source);
    base = g_strdup (b->path);
  }
  scratch = replica_new (dir, 2, T0);
  before = records_of (base, dir);
  {
    gint64 start = g_get_monotonic_time ();
    int status;
    pid_t pid;

    reset_database (base, work);
    reset_folder (folder, source);
    if ((pid = fork ()) == 0)
      run_pass_child (work, folder);
    waitpid (pid, &status, 0);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    span = g_get_monotonic_time () - start;
    after = records_of (work, dir);
  }
  g_assert_cmpstr (before, !=, after);
  g_test_message ("one pass: %" G_GINT64_FORMAT " µs", span);

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *now = NULL;
      g_autoptr(GError) error = NULL;
      pid_t pid;
      int status;

      reset_database (base, work);
      reset_folder (folder, source);
      if ((pid = fork ()) == 0)
        run_pass_child (work, folder);
      g_usleep (g_rand_int_range (rand, 0, (gint32) (span * 12 / 10) + 1));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_assert_true (integrity_ok (work));
      temps += check_folder (folder, scratch->store);
      now = records_of (work, dir);
      if (g_strcmp0 (now, before) == 0)
        unchanged++;
      else
        {
          g_assert_cmpstr (now, ==, after);
          imported++;
        }
      /* the next pass finishes the work and leaves nothing temporary */
      {
        KwStore *store = kw_store_open (work, &error);
        guint refused = 0;

        g_assert_no_error (error);
        g_assert_true (kw_sync_folder_run (store, folder, NULL, NULL, NULL, &refused, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (refused, ==, 0);
        g_object_unref (store);
      }
      g_assert_false (check_folder (folder, scratch->store));
      g_clear_pointer (&now, g_free);
      now = records_of (work, dir);
      g_assert_cmpstr (now, ==, after);
    }
  g_test_message ("killed 60 passes: %u before the import, %u after it, %u left a temporary file",
                  unchanged, imported, temps);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/sync/crash", test_crash);
  g_test_add_func ("/kw/sync/crash-pass", test_crash_pass);
  {
    int status = g_test_run ();

    helper_cleanup ();
    return status;
  }
}
