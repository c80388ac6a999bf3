/* test-pass-cost.c: a sync pass costs what changed (issue 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pass makes the import backup at most once per KW_SYNC_BACKUP_INTERVAL,
 * a user's own import every time.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "kw-error.h"
#include "kw-sync-folder.h"
#include "kw-sync-private.h"
#include "sync-helpers.h"

static char *
put_person (KwStore    *store,
            const char *name)
{
  g_autoptr(KwChangeset) cs = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;
  char *id;

  kw_changeset_set_string (cs, "name", name);
  kw_changeset_set_string (cs, "consent", "shared");
  id = kw_store_create (store, cs, &error);
  g_assert_no_error (error);
  return id;
}

static void
set_phone (KwStore    *store,
           const char *id,
           const char *value)
{
  g_autoptr(KwChangeset) cs = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;

  kw_changeset_set_string (cs, "phone", value);
  g_assert_true (kw_store_update (store, id, cs, &error));
  g_assert_no_error (error);
}

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
  g_autofree char *ann = put_person (a->store, "Ann Veldkamp");
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  KwImportSummary summary = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (stick, 0700), ==, 0);
  pass (a, folder);
  pass (b, folder);  /* takes in a's full export: the first backup */
  g_assert_cmpuint (count_import_backups (b), ==, 1);
  set_phone (a->store, ann, "020 555 0101");
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
  set_phone (a->store, ann, "020 555 0102");
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
    set_phone (a->store, ann, "020 555 0103");
    pass (a, folder);
    pass (b, folder);
    g_assert_cmpuint (count_import_backups (b), ==, 3);
    others = import_backups (b);
    /* the new one is of now, not of 2020 */
    g_assert_false (g_str_has_prefix (strrchr (g_ptr_array_index (others, 2), '/') + 1, "replica-2-2020"));
    /* and the pass after does not make another */
    set_phone (a->store, ann, "020 555 0104");
    pass (a, folder);
    pass (b, folder);
    g_assert_cmpuint (count_import_backups (b), ==, 3);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/sync/pass-cost/backup-interval", test_backup_interval);
  status = g_test_run ();
  helper_cleanup ();
  return status;
}
