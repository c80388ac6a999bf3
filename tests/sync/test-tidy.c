/* test-tidy.c: a failure leaves nothing personal behind (issue 8, tidy failure)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A killed export leaves a temporary file that the next export into that
 * folder removes (and that no sync pass ever imports); a killed backup
 * leaves no empty backup under a real name; an init that fails (a full
 * disk, here a file size limit) leaves no empty database; the messages
 * of a full disk name the file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "kw-error.h"
#include "kw-sync-folder.h"
#include "kw-temp-file.h"
#include "sync-helpers.h"

#define T0 G_GINT64_CONSTANT (1795000000000)  /* Nov 2026, in ms */

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

/* As if it had been left there two minutes ago. */
static void
age (const char *path)
{
  struct utimbuf old = { time (NULL) - 120, time (NULL) - 120 };

  g_assert_cmpint (g_utime (path, &old), ==, 0);
}

static void
age_temp_files (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    if (kw_temp_file_is_temp (entry))
      {
        g_autofree char *path = g_build_filename (dir, entry, NULL);

        age (path);
      }
}

/* Files in the folder but the final export. */
static guint
count_others (const char *dir,
              const char *final)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    n += strcmp (entry, final) != 0;
  return n;
}

static guint
count_temp_files (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    n += kw_temp_file_is_temp (entry) || strstr (entry, "XXXXXX") != NULL;
  return n;
}

/* A temporary file left by a killed export (nobody holds its lock) goes
 * at the next export into the folder; one still being written stays. */
static void
test_stale_export (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) r = replica_new (dir, 0, T0);
  g_autofree char *out = g_build_filename (dir, "out.kwartier.jsonl", NULL);
  g_autofree char *stale = g_build_filename (dir, ".out.kwartier.jsonl.kwartier-tmp-AbC123", NULL);
  g_autofree char *busy = NULL;
  g_autofree char *id = put_person (r->store, "Tijdelijk Bestand");
  KwExportOptions all = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  g_autoptr(GError) error = NULL;
  int held;

  g_assert_true (g_file_set_contents (stale, "{\"name\":\"Tijdelijk Bestand\"}", -1, NULL));
  held = kw_temp_file_open (out, &busy, &error);
  g_assert_no_error (error);
  g_assert_true (kw_temp_file_is_temp (strrchr (busy, '/') + 1));
  g_assert_cmpuint (count_temp_files (dir), ==, 2);
  /* just written (a copy of another laptop's file coming in): it stays */
  g_assert_true (kw_export_to_file (r->store, &all, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (stale, G_FILE_TEST_EXISTS));
  /* left a while ago: it goes; the one still locked stays */
  age (stale);
  age (busy);
  g_assert_true (kw_export_to_file (r->store, &all, out, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
  close (held);
  g_assert_true (kw_export_to_file (r->store, &all, out, &error));
  g_assert_cmpuint (count_temp_files (dir), ==, 0);
}

/* SIGKILL in the middle of `kwartier-cli export`: what it leaves is named
 * as a temporary file, and the next export removes it. */
static void
test_killed_export (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "out", NULL);
  g_autofree char *out = g_build_filename (folder, "export.kwartier.jsonl", NULL);
  const char *cli = g_getenv ("KWARTIER_CLI");
  const char *gen[] = { cli, "--db", db, "generate", "--people", "3000", NULL };
  const char *exp[] = { cli, "--db", db, "export", "-o", out, NULL };
  g_autoptr(GError) error = NULL;
  gboolean killed = FALSE;
  int status;

  g_assert_nonnull (cli);
  g_mkdir (folder, 0700);
  g_spawn_sync (NULL, (char **) gen, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  for (guint attempt = 0; attempt < 20 && !killed; attempt++)
    {
      GPid pid;

      g_spawn_async (NULL, (char **) exp, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      while (waitpid (pid, &status, WNOHANG) == 0)
        if (count_others (folder, "export.kwartier.jsonl") > 0)
          {
            kill (pid, SIGKILL);
            waitpid (pid, &status, 0);
            killed = WIFSIGNALED (status);
            break;
          }
      g_spawn_close_pid (pid);
    }
  if (!killed)
    {
      g_test_skip ("the export was always done before it could be killed");
      return;
    }
  g_assert_cmpuint (count_others (folder, "export.kwartier.jsonl"), ==, 1);
  age_temp_files (folder);
  g_spawn_sync (NULL, (char **) exp, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpuint (count_others (folder, "export.kwartier.jsonl"), ==, 0);
}

/* A sync pass never takes a temporary file for a colleague's export. */
static void
test_sync_ignores_temp (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "sync", NULL);
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autofree char *id = put_person (a->store, "Half Geschreven");
  g_autofree char *name = kw_sync_folder_file_name (a->store);
  g_autofree char *final = NULL, *tmp = NULL, *text = NULL;
  KwExportOptions all = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  g_autoptr(GError) error = NULL;
  guint refused = 0;
  int fd;

  g_mkdir (folder, 0700);
  final = g_build_filename (folder, name, NULL);
  g_assert_true (kw_export_to_file (a->store, &all, final, &error));
  /* as if a's export were still being written: under its temporary name */
  fd = kw_temp_file_open (final, &tmp, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (final, &text, NULL, NULL));
  g_assert_cmpint (write (fd, text, strlen (text)), ==, (gssize) strlen (text));
  g_unlink (final);
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, NULL, NULL, &refused, &error));
  g_assert_no_error (error);
  g_assert_null (kw_store_get (b->store, "person", id, NULL));
  g_assert_true (g_file_test (tmp, G_FILE_TEST_EXISTS));
  close (fd);
}

/* A killed backup: its temporary file is removed by the next backup, and
 * no backup under a real name is ever half written. */
static void
test_backup_temp (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) r = replica_new (dir, 0, T0);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *stale = g_build_filename (backups, ".replica-0-20260101-000000-000000-import.db.kwartier-tmp-Q1w2E3", NULL);
  g_autofree char *path = NULL;
  g_autofree char *id = put_person (r->store, "In De Kopie");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *entry;
  guint n = 0;

  g_mkdir (backups, 0700);
  /* the next start removes it */
  g_assert_true (g_file_set_contents (stale, "", 0, NULL));
  age (stale);
  {
    g_autoptr(KwStore) again = kw_store_open (r->path, &error);

    g_assert_no_error (error);
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  }
  /* and so does the next backup */
  g_assert_true (g_file_set_contents (stale, "", 0, NULL));
  age (stale);
  path = kw_store_backup (r->store, "import", &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  folder = g_dir_open (backups, 0, NULL);
  while ((entry = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *file = g_build_filename (backups, entry, NULL);
      GStatBuf st;

      g_assert_false (kw_temp_file_is_temp (entry));
      g_assert_false (g_str_has_suffix (entry, "-journal"));
      g_assert_cmpint (g_stat (file, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 4096);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

/* Subprocesses with a file size limit stand in for a full disk. */
static void
limit_file_size (rlim_t bytes)
{
  struct rlimit limit = { bytes, bytes };

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

static void
test_failed_init (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      const char *target = g_getenv ("KW_TIDY_DB");

      limit_file_size (8192);
      g_assert_null (kw_store_open (target, &error));
      g_assert_nonnull (error);
      g_printerr ("%s\n", error->message);
      return;
    }

  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "full.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *marker = g_strconcat (path, ".device", NULL);

  g_setenv ("KW_TIDY_DB", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*full.db*");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
}

static void
test_full_disk_export (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KwStore) store = kw_store_open (g_getenv ("KW_TIDY_DB"), &error);
      KwExportOptions all = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };

      g_assert_no_error (error);
      for (guint i = 0; i < 400; i++)
        {
          g_autofree char *name = g_strdup_printf ("Persoon Nummer %u Met Een Lange Naam", i);
          g_autofree char *id = put_person (store, name);
        }
      limit_file_size (16384);
      g_assert_false (kw_export_to_file (store, &all, g_getenv ("KW_TIDY_OUT"), &error));
      g_printerr ("%s\n", error->message);
      return;
    }

  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "out", NULL);
  g_autofree char *out = g_build_filename (folder, "full.kwartier.jsonl", NULL);

  g_mkdir (folder, 0700);
  g_setenv ("KW_TIDY_DB", db, TRUE);
  g_setenv ("KW_TIDY_OUT", out, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*full.kwartier.jsonl*");
  g_assert_cmpuint (count_others (folder, ""), ==, 0);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/tidy/stale-export", test_stale_export);
  g_test_add_func ("/kw/tidy/killed-export", test_killed_export);
  g_test_add_func ("/kw/tidy/sync-ignores-temp", test_sync_ignores_temp);
  g_test_add_func ("/kw/tidy/backup-temp", test_backup_temp);
  g_test_add_func ("/kw/tidy/failed-init", test_failed_init);
  g_test_add_func ("/kw/tidy/full-disk-export", test_full_disk_export);

  {
    int status = g_test_run ();

    if (!g_test_subprocess ())
      helper_cleanup ();
    return status;
  }
}
