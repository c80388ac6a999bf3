/* test-sync-exit.c: the exit status and messages of `kwartier-cli sync`
 * (spec/export-format.md, "Exit status of sync"; spec/cli.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 0 when every file went in or was unchanged, and the message says
 * "unchanged" when nothing was written; 3 when some file was refused,
 * also one refused in an earlier pass and unchanged since; 1 when the
 * folder cannot be read or written, before 3; 4 for a busy database,
 * before 3. The real kwartier-cli in subprocesses.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "sync-helpers.h"

#define OTHER "0123456789abcdef0123456789abcdef"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static Run *
cli (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);
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
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
  return run;
}

static void
put (const char *db,
     const char *name)
{
  g_autofree char *field = g_strconcat ("name=", name, NULL);
  g_autoptr(Run) r = cli ("--db", db, "put", "person", field, NULL);

  g_assert_cmpint (r->status, ==, 0);
}

static void
test_ok_and_unchanged (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *b = g_build_filename (dir, "b.db", NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  put (a, "Daan Nul");
  put (b, "Eva Nul");
  {
    g_autoptr(Run) r = cli ("--db", a, "sync", folder, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "written"));
    g_assert_null (strstr (r->out, "unchanged"));
    g_assert_cmpstr (r->err, ==, "");
  }
  {
    g_autoptr(Run) r = cli ("--db", b, "sync", folder, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "added 1"));
  }
  /* nothing new on a but b's file: imported; then nothing at all */
  {
    g_autoptr(Run) r = cli ("--db", a, "sync", folder, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "added 1"));
  }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(Run) r = cli ("--db", i == 0 ? b : a, "sync", folder, NULL);

      g_assert_cmpint (r->status, ==, 0);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(Run) r = cli ("--db", i == 0 ? a : b, "sync", folder, NULL);

      g_assert_cmpint (r->status, ==, 0);
      g_assert_null (strstr (r->out, "written"));
      g_assert_null (strstr (r->out, "added"));
      g_assert_nonnull (strstr (r->out, "unchanged, nothing new to write"));
    }
}

/* Names in @folder that start with @prefix, and how many of them are
 * change files ("<device>.<seq>.kwartier.jsonl"). */
static guint
count_files (const char *folder,
             const char *prefix,
             guint      *n_changes)
{
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  *n_changes = 0;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        n++;
        if (strlen (name) > strlen (prefix) + 1 && g_ascii_isdigit (name[strlen (prefix) + 1]))
          (*n_changes)++;
      }
  return n;
}

/* sync --compact: a new full export now, the change files it covers gone;
 * without change files it writes nothing. */
static void
test_compact (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *device = NULL;
  guint n_changes = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  put (a, "Fenna Een");
  {
    g_autoptr(Run) r = cli ("--db", a, "sync", folder, NULL);
    g_autoptr(KwStore) store = NULL;

    g_assert_cmpint (r->status, ==, 0);
    store = kw_store_open (a, NULL);
    g_assert_nonnull (store);
    device = g_strdup (kw_store_get_device_id (store));
  }
  put (a, "Gijs Twee");
  {
    g_autoptr(Run) r = cli ("--db", a, "sync", folder, NULL);

    g_assert_cmpint (r->status, ==, 0);
  }
  g_assert_cmpuint (count_files (folder, device, &n_changes), ==, 2);
  g_assert_cmpuint (n_changes, ==, 1);
  {
    g_autoptr(Run) r = cli ("--db", a, "sync", "--compact", folder, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "written"));
  }
  g_assert_cmpuint (count_files (folder, device, &n_changes), ==, 1);
  g_assert_cmpuint (n_changes, ==, 0);
  {
    g_autoptr(Run) r = cli ("--db", a, "sync", "--compact", folder, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "unchanged, nothing new to write"));
  }
}

/* A pass with nothing to do writes nothing: it goes through while
 * another writer holds the database. */
static void
test_quiet_needs_no_write (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *b = g_build_filename (dir, "b.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  put (a, "Jet Stil");
  put (b, "Kees Stil");
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(Run) r = cli ("--db", i == 0 ? a : b, "sync", folder, NULL);

        g_assert_cmpint (r->status, ==, 0);
      }
  g_assert_cmpint (sqlite3_open_v2 (a, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; UPDATE person SET notes = 'bezig'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  {
    g_autoptr(Run) r = cli ("--db", a, "sync", folder, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "unchanged, nothing new to write"));
  }
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
}

static void
test_refused (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *junk = g_build_filename (folder, OTHER ".kwartier.jsonl", NULL);
  g_autofree char *stale = g_build_filename (folder, "kopie van " OTHER ".kwartier.jsonl", NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  put (a, "Fenna Drie");
  g_assert_true (g_file_set_contents (junk, "{\"x\":1}\n", -1, NULL));
  g_assert_true (g_file_set_contents (stale, "{\"x\":1}\n", -1, NULL));
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(Run) r = cli ("--db", a, "sync", folder, NULL);

      /* also the second time, when the file is remembered, unread */
      g_assert_cmpint (r->status, ==, 3);
      g_assert_nonnull (strstr (r->err, OTHER ".kwartier.jsonl refused"));
      g_assert_null (strstr (r->err, "kopie"));
      if (pass == 1)
        g_assert_nonnull (strstr (r->err, "unchanged since it was refused"));
    }
  g_unlink (junk);
  {
    g_autoptr(Run) r = cli ("--db", a, "sync", folder, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_cmpstr (r->err, ==, "");
  }
}

static void
test_folder_fails (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autofree char *junk = g_build_filename (folder, OTHER ".kwartier.jsonl", NULL);

  put (a, "Gijs Een");
  g_assert_true (g_file_set_contents (plain, "", -1, NULL));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(Run) r = cli ("--db", a, "sync", i == 0 ? missing : plain, NULL);

      g_assert_cmpint (r->status, ==, 1);
      g_assert_cmpstr (r->err, !=, "");
    }
  /* a folder where this device's file cannot be written (a folder in its
   * place), with a refused file besides: 1 comes before 3 */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (junk, "{\"x\":1}\n", -1, NULL));
  {
    g_autoptr(Run) first = cli ("--db", a, "export", "-o", junk, NULL);
    g_autoptr(Run) id = NULL;
    g_autofree char *own = NULL;

    g_assert_cmpint (first->status, ==, 0);
    /* the device id is in the header of an export */
    {
      g_autofree char *text = NULL;
      const char *at;

      g_assert_true (g_file_get_contents (junk, &text, NULL, NULL));
      at = strstr (text, "\"device\":\"");
      g_assert_nonnull (at);
      own = g_strndup (at + strlen ("\"device\":\""), 32);
    }
    g_assert_true (g_file_set_contents (junk, "{\"x\":1}\n", -1, NULL));
    {
      g_autofree char *name = g_strconcat (own, ".kwartier.jsonl", NULL);
      g_autofree char *blocked = g_build_filename (folder, name, NULL);
      g_autoptr(Run) r = NULL;

      g_assert_cmpint (g_mkdir (blocked, 0700), ==, 0);
      r = cli ("--db", a, "sync", folder, NULL);
      g_assert_cmpint (r->status, ==, 1);
      g_assert_nonnull (strstr (r->err, OTHER ".kwartier.jsonl refused"));
    }
  }
}

/* A busy database and a refused file: 4 comes before 3. */
static void
test_busy (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *junk = g_build_filename (folder, OTHER ".kwartier.jsonl", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  put (a, "Hanna Vier");
  put (b, "Ilse Vier");
  {
    g_autoptr(Run) r = cli ("--db", b, "sync", folder, NULL);

    g_assert_cmpint (r->status, ==, 0);
  }
  g_assert_true (g_file_set_contents (junk, "{\"x\":1}\n", -1, NULL));
  g_assert_cmpint (sqlite3_open_v2 (a, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; UPDATE person SET notes = 'bezig'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  {
    g_autoptr(Run) r = cli ("--db", a, "sync", folder, NULL);

    g_assert_cmpint (r->status, ==, 4);
    g_assert_nonnull (strstr (r->err, "busy"));
  }
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  {
    g_autoptr(Run) r = cli ("--db", a, "sync", folder, NULL);

    g_assert_cmpint (r->status, ==, 3);
    g_assert_nonnull (strstr (r->out, "added 1"));
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_setenv ("KWARTIER_BUSY_TIMEOUT_MS", "500", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/sync/exit/ok-unchanged", test_ok_and_unchanged);
  g_test_add_func ("/kw/sync/exit/quiet", test_quiet_needs_no_write);
  g_test_add_func ("/kw/sync/exit/refused", test_refused);
  g_test_add_func ("/kw/sync/exit/folder", test_folder_fails);
  g_test_add_func ("/kw/sync/exit/busy", test_busy);
  g_test_add_func ("/kw/sync/exit/compact", test_compact);
  status = g_test_run ();
  helper_cleanup ();
  return status;
}
