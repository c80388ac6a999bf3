/* test-import-progress.c: kw_import_file_with () — progress, cancelling,
 * the backup it names, the refusals' reasons — and restoring a backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "kw-demo.h"
#include "kw-error.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-seal.h"
#include "kw-store-restore.h"
#include "kw-test-files.h"

typedef struct {
  char    *dir;
  char    *path;   /* the database importing */
  KwStore *store;
  char    *file;   /* a colleague's export of a few thousand records */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(KwStore) other = NULL;
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };

  f->dir = g_dir_make_tmp ("kw-test-import-progress-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "anna.db", NULL);
  f->store = kw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (kw_store_set_organiser (f->store, "Anna", NULL));
  g_assert_true (kw_demo_load (f->store, &error));
  g_assert_no_error (error);

  other_path = g_build_filename (f->dir, "samira.db", NULL);
  other = kw_store_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (kw_store_set_organiser (other, "Samira", NULL));
  g_assert_true (kw_demo_generate (other, GPOINTER_TO_UINT (data) ? GPOINTER_TO_UINT (data) : 300, 7, &error));
  g_assert_no_error (error);
  f->file = g_build_filename (f->dir, "samira.kwartier.jsonl", NULL);
  g_assert_true (kw_export_to_file (other, &options, f->file, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->file);
}

/* Helpers */

static int
add_row (void  *data,
         int    n,
         char **values,
         char **names)
{
  GString *row = g_string_new (NULL);

  for (int i = 0; i < n; i++)
    g_string_append_printf (row, "%s\x1f", values[i] ? values[i] : "\x01NULL");
  g_ptr_array_add (data, g_string_free (row, FALSE));
  return 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every row of every table of the database (as committed), sorted per
 * table: equal dumps are equal content. */
static char *
dump_database (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", name);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      /* the FTS shadow tables hold the index in blobs that may be laid out differently */
      if (strstr (name, "_fts") != NULL || strstr (name, "_search") != NULL)
        continue;
      g_string_append_printf (dump, "## %s: %s\n", name, sqlite3_column_text (tables, 1));
      g_assert_cmpint (sqlite3_exec (db, sql, add_row, rows, NULL), ==, SQLITE_OK);
      g_ptr_array_sort (rows, compare_strings);
      for (guint i = 0; i < rows->len; i++)
        g_string_append_printf (dump, "%s\n", (char *) rows->pdata[i]);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static char *
truncate_copy (Fixture *f,
               gsize    cut)
{
  g_autofree char *text = NULL;
  gsize len;
  char *path = g_build_filename (f->dir, "cut.kwartier.jsonl", NULL);

  g_assert_true (g_file_get_contents (f->file, &text, &len, NULL));
  g_assert_cmpuint (len, >, cut);
  g_assert_true (g_file_set_contents (path, text, len - cut, NULL));
  return path;
}

typedef struct {
  guint64       last;
  guint64       total;
  guint         calls;
  gboolean      monotone;
  GCancellable *cancel_at_half;
} Progress;

static void
on_progress_cb (guint64  done,
                guint64  total,
                gpointer user_data)
{
  Progress *p = user_data;

  if (done < p->last || done > total)
    p->monotone = FALSE;
  p->last = done;
  p->total = total;
  p->calls++;
  /* the first report (the first line) is before the end: the import
   * need not be slow enough for a second one */
  if (p->cancel_at_half != NULL && done > 0 && done < total)
    g_cancellable_cancel (p->cancel_at_half);
  /* slow enough that a call in every 50 ms is several */
  g_usleep (p->cancel_at_half ? 0 : 2000);
}

/* Tests */

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  Progress p = { 0, 0, 0, TRUE, NULL };
  KwImportOptions options = { NULL, FALSE, FALSE, on_progress_cb, &p, NULL };
  KwImportSummary summary;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (f->file, &st), ==, 0);
  g_assert_true (kw_import_file_with (f->store, f->file, &options, &summary, &backup, &error));
  g_assert_no_error (error);
  g_assert_true (p.monotone);
  g_assert_cmpuint (p.calls, >=, 2);
  g_assert_cmpuint (p.total, ==, (guint64) st.st_size);
  g_assert_cmpuint (p.last, ==, p.total);
  g_assert_cmpuint (summary.added, >, 1000);
  g_assert_cmpstr (summary.organiser, ==, "Samira");
  g_assert_cmpuint (strlen (summary.device), ==, 32);
  g_assert_true (g_str_has_suffix (summary.exported_at, "Z"));
  g_assert_cmpint (summary.refusal, ==, KW_IMPORT_REFUSAL_NONE);
  /* the backup it made before the commit: the database without Samira's records */
  g_assert_nonnull (backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_prefix (backup, f->dir));
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  KwImportOptions options = { NULL, TRUE };
  KwImportSummary summary;
  g_autofree char *before = dump_database (f->path);
  g_autofree char *after = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_import_file_with (f->store, f->file, &options, &summary, &backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, >, 1000);
  g_assert_null (backup);
  after = dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress p = { 0, 0, 0, TRUE, cancellable };
  KwImportOptions options = { NULL, FALSE, FALSE, on_progress_cb, &p, cancellable };
  KwImportSummary summary;
  g_autofree char *before = dump_database (f->path);
  g_autofree char *after = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (kw_import_file_with (f->store, f->file, &options, &summary, &backup, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (backup);
  g_assert_cmpint (summary.refusal, ==, KW_IMPORT_REFUSAL_NONE);
  g_assert_cmpuint (p.last, <, p.total);
  after = dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
  /* and the store goes on: the same file imports after */
  g_clear_error (&error);
  g_assert_true (kw_import_file_with (f->store, f->file, NULL, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, >, 1000);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *cut = truncate_copy (f, 5000);
  KwImportSummary summary;
  g_autofree char *before = dump_database (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (kw_import_file_with (f->store, cut, NULL, &summary, NULL, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
  g_assert_cmpint (summary.refusal, ==, KW_IMPORT_REFUSAL_INCOMPLETE);
  g_assert_cmpstr (summary.organiser, ==, "Samira");
  after = dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "people.csv", NULL);
  g_autofree char *own = g_build_filename (f->dir, "own.kwartier.jsonl", NULL);
  KwExportOptions export = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  KwImportOptions refuse_own = { NULL, FALSE, TRUE };
  KwImportSummary summary;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (csv, "name,phone\nA,1\n", -1, NULL));
  g_assert_false (kw_import_file_with (f->store, csv, NULL, &summary, NULL, &error));
  g_assert_cmpint (summary.refusal, ==, KW_IMPORT_REFUSAL_NOT_EXPORT);
  g_clear_error (&error);

  g_assert_true (kw_export_to_file (f->store, &export, own, &error));
  g_assert_false (kw_import_file_with (f->store, own, &refuse_own, &summary, NULL, &error));
  g_assert_cmpint (summary.refusal, ==, KW_IMPORT_REFUSAL_OWN_DEVICE);
  g_clear_error (&error);
  /* without the option, the old behaviour: nothing new */
  g_assert_true (kw_import_file_with (f->store, own, NULL, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 0);

  /* a changed byte: the digest; a newer format */
  {
    g_autofree char *text = NULL;
    g_autofree char *changed = g_build_filename (f->dir, "changed.kwartier.jsonl", NULL);
    char *at;

    g_assert_true (g_file_get_contents (f->file, &text, NULL, NULL));
    at = strstr (text, "\"name\":[\"");
    g_assert_nonnull (at);
    at[9] = at[9] == 'x' ? 'y' : 'x';
    g_assert_true (g_file_set_contents (changed, text, -1, NULL));
    g_assert_false (kw_import_file_with (f->store, changed, NULL, &summary, NULL, &error));
    g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
    g_assert_cmpint (summary.refusal, ==, KW_IMPORT_REFUSAL_DAMAGED);
    g_clear_error (&error);

    g_clear_pointer (&text, g_free);
    g_assert_true (g_file_get_contents (f->file, &text, NULL, NULL));
    at = strstr (text, "\"format\":1");
    g_assert_nonnull (at);
    at[9] = '9';
    g_assert_true (g_file_set_contents (changed, text, -1, NULL));
    g_assert_false (kw_import_file_with (f->store, changed, NULL, &summary, NULL, &error));
    g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NEWER);
    g_assert_cmpint (summary.refusal, ==, KW_IMPORT_REFUSAL_NEWER);
    g_clear_error (&error);
  }

  g_assert_false (kw_import_file_with (f->store, "/nonexistent/file.jsonl", NULL, &summary, NULL, &error));
  g_assert_cmpint (summary.refusal, ==, KW_IMPORT_REFUSAL_UNREADABLE);
  g_clear_error (&error);
  g_assert_false (kw_import_file_is_sealed (f->file));
}

static void
test_sealed (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *sealed = g_build_filename (f->dir, "sealed.kwartier.jsonl", NULL);
  KwExportOptions export = { KW_EXPORT_SCOPE_ALL, NULL, TRUE, "correct horse battery" };
  KwImportOptions none = { NULL };
  KwImportOptions wrong = { "wrong horse" };
  KwImportOptions right = { "correct horse battery", TRUE };
  KwImportSummary summary;
  g_autoptr(GError) error = NULL;

  if (!kw_seal_is_available ())
    {
      g_test_skip ("built without libsodium");
      return;
    }
  g_assert_true (kw_export_to_file (f->store, &export, sealed, &error));
  g_assert_no_error (error);
  g_assert_true (kw_import_file_is_sealed (sealed));
  g_assert_false (kw_import_file_with (f->store, sealed, &none, &summary, NULL, &error));
  g_assert_cmpint (summary.refusal, ==, KW_IMPORT_REFUSAL_NEEDS_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (kw_import_file_with (f->store, sealed, &wrong, &summary, NULL, &error));
  g_assert_cmpint (summary.refusal, ==, KW_IMPORT_REFUSAL_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (kw_import_file_with (f->store, sealed, &right, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (summary.organiser, ==, "Anna");
}

typedef struct {
  guint changes;
} Changed;

static void
on_store_changed_cb (KwStore    *store,
                     const char *type_name,
                     Changed    *changed)
{
  changed->changes++;
}

static void
assert_only_backups (Fixture *f)
{
  g_autofree char *folder = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_prefix (name, "samira-"))
        g_assert_true (g_str_has_suffix (name, ".db"));
      n++;
    }
  g_assert_cmpuint (n, >=, 2);
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *before = dump_database (f->path);
  g_autofree char *backup = NULL;
  g_autofree char *made = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  KwBackupInfo *newest;
  Changed changed = { 0 };
  gint64 people;

  g_assert_true (kw_import_file_with (f->store, f->file, NULL, NULL, &backup, &error));
  g_assert_no_error (error);
  people = kw_store_count (f->store, "person");
  backups = kw_store_list_backups (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  newest = backups->pdata[0];
  g_assert_cmpstr (newest->path, ==, backup);
  g_assert_cmpstr (newest->reason, ==, "import");
  g_assert_cmpint (ABS (newest->made_at - g_get_real_time ()), <, 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (newest->size, >, 0);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed_cb), &changed);
  g_assert_true (kw_store_restore_backup (f->store, backup, &made, &error));
  g_assert_no_error (error);
  /* the same store, with what it held before the import */
  g_assert_cmpint (kw_store_count (f->store, "person"), <, people);
  restored = dump_database (f->path);
  g_assert_cmpstr (restored, ==, before);
  g_assert_cmpuint (changed.changes, >=, 1);
  /* the state it replaced is a backup of its own, newest in the list */
  g_assert_nonnull (made);
  g_assert_true (g_file_test (made, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = kw_store_list_backups (f->store, &error);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (((KwBackupInfo *) backups->pdata[0])->reason, ==, "restore");
  /* and back again */
  g_assert_true (kw_store_restore_backup (f->store, made, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, people);
  /* nothing left beside the backups: no -shm or -wal of reading them */
  assert_only_backups (f);
}

static void
test_restore_foreign (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *foreign = g_build_filename (f->dir, "samira.db", NULL);
  g_autofree char *before = dump_database (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (kw_store_restore_backup (f->store, foreign, NULL, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kw_store_restore_backup (f->store, f->file, NULL, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO);
  after = dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func, n) \
  g_test_add ("/kw/import-progress/" name, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)
  ADD ("progress", test_progress, 0);
  ADD ("dry-run", test_dry_run, 0);
  ADD ("cancel", test_cancel, 0);
  ADD ("truncated", test_truncated, 0);
  ADD ("refusals", test_refusals, 0);
  ADD ("sealed", test_sealed, 0);
  ADD ("restore", test_restore, 0);
  ADD ("restore-foreign", test_restore_foreign, 0);
#undef ADD
  return g_test_run ();
}
