/* test-pass-cost.c: a sync pass costs what changed (issue 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pass makes the import backup at most once per KW_SYNC_BACKUP_INTERVAL,
 * a user's own import every time; the change export of a pass reads the
 * outbox (this device's records written since its last file), which a
 * written file empties and an import does not fill.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "kw-error.h"
#include "kw-sync-folder.h"
#include "kw-sync-private.h"
#include "sync-helpers.h"

static void
pass (Replica    *replica,
      const char *folder)
{
  g_autoptr(GError) error = NULL;
  guint refused = 0;

  g_assert_true (kw_sync_folder_run (replica->store, folder, NULL, NULL, NULL, &refused, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (refused, ==, 0);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The import backups of the replica's database, sorted (oldest first). */
static GPtrArray *
import_backups (Replica *replica)
{
  g_autofree char *dir = g_path_get_dirname (replica->path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *prefix = g_strdup_printf ("replica-%u-", replica->index);
  g_autoptr(GDir) folder = g_dir_open (backups, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, prefix) && strstr (name, "-import") != NULL && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (found, g_build_filename (backups, name, NULL));
  g_ptr_array_sort (found, compare_paths);
  return found;
}

static guint
count_import_backups (Replica *replica)
{
  g_autoptr(GPtrArray) found = import_backups (replica);

  return found->len;
}

static gint64
count_rows (Replica    *replica,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (replica->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The change files of @device in @folder, by name (seq). */
static GPtrArray *
change_files (const char *folder,
              const char *device)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, device) && name[KW_DEVICE_ID_LEN] == '.'
        && g_ascii_isdigit (name[KW_DEVICE_ID_LEN + 1]))
      g_ptr_array_add (found, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (found, compare_paths);
  return found;
}

/* The record lines of a file. */
static char **
file_records (const char *path)
{
  g_autofree char *text = NULL;
  g_autofree char *lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = record_lines (text);
  g_strchomp (lines);
  return *lines ? g_strsplit (lines, "\n", -1) : g_new0 (char *, 1);
}

/* Two passes with changes in a row make one backup; a user's import
 * after them one more; a pass after the interval one more again. */
static void
test_backup_interval (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *stick = g_build_filename (dir, "stick", NULL);
  g_autoptr(Replica) a = replica_new (dir, 1, g_get_real_time () / 1000);
  g_autoptr(Replica) b = replica_new (dir, 2, g_get_real_time () / 1000);
  g_autofree char *ann = helper_put (a->store, "person", "consent", "shared", "name", "Ann Veldkamp", NULL);
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  KwImportSummary summary = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (stick, 0700), ==, 0);
  pass (a, folder);
  pass (b, folder);  /* takes in a's full export: the first backup */
  g_assert_cmpuint (count_import_backups (b), ==, 1);
  helper_update (a->store, "person", ann, "phone", "020 555 0101");
  pass (a, folder);
  pass (b, folder);  /* takes in a's change file: no second backup */
  g_assert_cmpuint (count_import_backups (b), ==, 1);
  {
    g_autoptr(KwRecord) held = kw_store_lookup (b->store, "person", ann, NULL);

    g_assert_nonnull (held);
    g_assert_cmpstr (kw_record_get_string (held, "phone"), ==, "020 555 0101");
  }
  /* a pass that takes in nothing new makes none either */
  pass (b, folder);
  g_assert_cmpuint (count_import_backups (b), ==, 1);

  /* the user's own import: a backup every time */
  helper_update (a->store, "person", ann, "phone", "020 555 0102");
  file = export_file (a->store, stick, NULL);
  g_assert_true (kw_import_file (b->store, file, FALSE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.updated, ==, 1);
  g_assert_cmpuint (count_import_backups (b), ==, 2);

  /* the newest import backup made a day and more ago: the next pass
   * with a change makes one */
  found = import_backups (b);
  {
    const char *newest = g_ptr_array_index (found, found->len - 1);
    g_autofree char *backups = g_path_get_dirname (newest);
    g_autoptr(GPtrArray) others = NULL;

    for (guint i = 0; i < found->len; i++)
      {
        g_autofree char *name = g_strdup_printf ("replica-2-2020010%u-000000-000000-import.db", i + 1);
        g_autofree char *moved = g_build_filename (backups, name, NULL);

        g_assert_cmpint (g_rename (g_ptr_array_index (found, i), moved), ==, 0);
      }
    g_assert_cmpuint (count_import_backups (b), ==, 2);
    helper_update (a->store, "person", ann, "phone", "020 555 0103");
    pass (a, folder);
    pass (b, folder);
    g_assert_cmpuint (count_import_backups (b), ==, 3);
    others = import_backups (b);
    /* the new one is of now, not of 2020 */
    g_assert_false (g_str_has_prefix (strrchr (g_ptr_array_index (others, 2), '/') + 1, "replica-2-2020"));
    /* and the pass after does not make another */
    helper_update (a->store, "person", ann, "phone", "020 555 0104");
    pass (a, folder);
    pass (b, folder);
    g_assert_cmpuint (count_import_backups (b), ==, 3);
  }
}

/* A pass that takes in nothing renews an import backup that is about to
 * be due, so that the pass bringing the next edit makes none. */
static void
test_backup_ahead (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autoptr(Replica) a = replica_new (dir, 1, g_get_real_time () / 1000);
  g_autoptr(Replica) b = replica_new (dir, 2, g_get_real_time () / 1000);
  g_autofree char *ann = helper_put (a->store, "person", "consent", "shared", "name", "Ann Veldkamp", NULL);
  g_autoptr(GPtrArray) found = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  pass (a, folder);
  pass (b, folder);  /* takes in a's full export: a backup */
  g_assert_cmpuint (count_import_backups (b), ==, 1);
  pass (b, folder);  /* nothing new, the backup young: none */
  g_assert_cmpuint (count_import_backups (b), ==, 1);

  /* the backup made long ago: a quiet pass makes one now */
  found = import_backups (b);
  {
    g_autofree char *backups = g_path_get_dirname (g_ptr_array_index (found, 0));
    g_autofree char *moved = g_build_filename (backups, "replica-2-20200101-000000-000000-import.db", NULL);
    g_autoptr(GPtrArray) now = NULL;

    g_assert_cmpint (g_rename (g_ptr_array_index (found, 0), moved), ==, 0);
    pass (b, folder);
    g_assert_cmpuint (count_import_backups (b), ==, 2);
    now = import_backups (b);
    g_assert_false (g_str_has_prefix (strrchr (g_ptr_array_index (now, 1), '/') + 1, "replica-2-2020"));
  }
  /* so the pass that brings a's next edit makes none */
  helper_update (a->store, "person", ann, "phone", "020 555 0105");
  pass (a, folder);
  pass (b, folder);
  g_assert_cmpuint (count_import_backups (b), ==, 2);
  {
    g_autoptr(KwRecord) held = kw_store_lookup (b->store, "person", ann, NULL);

    g_assert_cmpstr (kw_record_get_string (held, "phone"), ==, "020 555 0105");
  }
}

/* A pass's change file carries what this device wrote since its last
 * file and nothing else; the file written empties the outbox, an import
 * does not fill it. */
static void
test_outbox (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autoptr(Replica) a = replica_new (dir, 1, g_get_real_time () / 1000);
  g_autoptr(Replica) b = replica_new (dir, 2, g_get_real_time () / 1000);
  g_autofree char *ann = helper_put (a->store, "person", "consent", "shared", "name", "Ann Veldkamp", NULL);
  g_autofree char *bas = helper_put (a->store, "person", "consent", "shared", "name", "Bas Dijkhuis", NULL);
  g_autofree char *cor = helper_put (a->store, "person", "consent", "shared", "name", "Cor Brandsma", NULL);
  const char *device_a = kw_store_get_device_id (a->store);
  const char *device_b = kw_store_get_device_id (b->store);
  g_autoptr(GPtrArray) changes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *records_a = NULL;
  g_autofree char *records_b = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (count_rows (a, "SELECT count(*) FROM sync_outbox WHERE type = 'person'"), ==, 3);
  /* a full export large enough that two change files do not compact it */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Buurtbewoner %u", i);
      g_autofree char *id = helper_put (a->store, "person", "consent", "shared", "name", name, NULL);
    }
  pass (a, folder);  /* the full export */
  g_assert_cmpint (count_rows (a, "SELECT count(*) FROM sync_outbox"), ==, 0);
  pass (b, folder);
  g_assert_cmpint (count_rows (b, "SELECT count(*) FROM sync_outbox"), ==, 0);

  helper_update (a->store, "person", bas, "phone", "020 555 0201");
  g_assert_cmpint (count_rows (a, "SELECT count(*) FROM sync_outbox"), ==, 1);
  pass (a, folder);
  g_assert_cmpint (count_rows (a, "SELECT count(*) FROM sync_outbox"), ==, 0);
  changes = change_files (folder, device_a);
  g_assert_cmpuint (changes->len, ==, 1);
  lines = file_records (g_ptr_array_index (changes, 0));
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], bas));
  g_assert_nonnull (strstr (lines[0], "020 555 0201"));
  g_assert_null (strstr (lines[0], "Bas Dijkhuis"));  /* only the new field */
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* b takes it in: nothing of its own to write, its outbox stays empty */
  pass (b, folder);
  g_assert_cmpint (count_rows (b, "SELECT count(*) FROM sync_outbox"), ==, 0);
  changes = change_files (folder, device_b);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* b edits: its change file carries that alone, and a takes it in */
  helper_update (b->store, "person", cor, "phone", "020 555 0202");
  pass (b, folder);
  changes = change_files (folder, device_b);
  g_assert_cmpuint (changes->len, ==, 1);
  lines = file_records (g_ptr_array_index (changes, 0));
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], cor));
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* a's next two edits (one of a person b edited since): its second
   * change file holds those two, not b's edit it took in */
  helper_update (a->store, "person", ann, "phone", "020 555 0203");
  helper_update (a->store, "person", bas, "phone", "020 555 0204");
  pass (a, folder);  /* takes in b's file, then writes its own */
  changes = change_files (folder, device_a);
  g_assert_cmpuint (changes->len, ==, 2);
  lines = file_records (g_ptr_array_index (changes, 1));
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true ((strstr (lines[0], ann) && strstr (lines[1], bas))
                 || (strstr (lines[1], ann) && strstr (lines[0], bas)));
  g_assert_null (strstr (lines[0], "020 555 0202"));
  g_assert_null (strstr (lines[1], "020 555 0202"));
  g_assert_cmpint (count_rows (a, "SELECT count(*) FROM sync_outbox"), ==, 0);
  pass (b, folder);

  /* both hold the same */
  text_a = export_text (a->store, dir, NULL);
  text_b = export_text (b->store, dir, NULL);
  records_a = record_lines (text_a);
  records_b = record_lines (text_b);
  g_assert_cmpstr (records_a, ==, records_b);
}

/* A database whose outbox is new (made before it, or its schema changed
 * since): the marker makes the next change export read every row, so
 * that a write made before is not left out. */
static void
test_outbox_marker (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autoptr(Replica) a = replica_new (dir, 1, g_get_real_time () / 1000);
  g_autofree char *ann = helper_put (a->store, "person", "consent", "shared", "name", "Ann Veldkamp", NULL);
  g_autoptr(GPtrArray) changes = NULL;
  g_auto(GStrv) lines = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  pass (a, folder);
  helper_update (a->store, "person", ann, "phone", "020 555 0301");
  /* as in a database of before the outbox: the write is not in it, the
   * marker is (the schema is made anew when its fingerprint changes) */
  g_assert_cmpint (sqlite3_open (a->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM sync_outbox; "
                                 "INSERT INTO sync_outbox (type, id, hlc) VALUES ('*', '', '')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  pass (a, folder);
  changes = change_files (folder, kw_store_get_device_id (a->store));
  g_assert_cmpuint (changes->len, ==, 1);
  lines = file_records (g_ptr_array_index (changes, 0));
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], "020 555 0301"));
  g_assert_cmpint (count_rows (a, "SELECT count(*) FROM sync_outbox"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/sync/pass-cost/backup-interval", test_backup_interval);
  g_test_add_func ("/kw/sync/pass-cost/backup-ahead", test_backup_ahead);
  g_test_add_func ("/kw/sync/pass-cost/outbox", test_outbox);
  g_test_add_func ("/kw/sync/pass-cost/outbox-marker", test_outbox_marker);
  status = g_test_run ();
  helper_cleanup ();
  return status;
}
