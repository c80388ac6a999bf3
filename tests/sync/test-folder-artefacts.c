/* test-folder-artefacts.c: a sync pass among what sync engines leave in a
 * folder (issue 13; spec/export-format.md, "The sync folder")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Syncthing's temporary, conflict and version files, Nextcloud's partial
 * and conflicted copies, a backup copy under another name, a link to a
 * valid export, a FIFO and a folder named like an export: a pass imports
 * none of them, touches none of them and reports none of them as refused;
 * it finishes within a second (a FIFO never blocks). Only a file named for
 * a device whose header names another device is refused, with its reason.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kw-error.h"
#include "kw-sync-folder.h"
#include "sync-helpers.h"

#define T0 G_GINT64_CONSTANT (1795000000000)  /* Nov 2026, in ms */
#define OTHER_C "cccccccccccccccccccccccccccccccc"
#define OTHER_D "dddddddddddddddddddddddddddddddd"
#define OTHER_E "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"
#define OTHER_F "ffffffffffffffffffffffffffffffff"

typedef struct {
  GPtrArray *imported;  /* base names */
  GPtrArray *refused;   /* "name: reason" */
  GPtrArray *other;     /* unchanged or written */
} Log;

static void
log_cb (const char             *path,
        KwSyncFileStatus        status,
        const KwImportSummary  *summary,
        const GError           *error,
        gpointer                user_data)
{
  Log *log = user_data;
  g_autofree char *base = g_path_get_basename (path);

  if (status == KW_SYNC_FILE_IMPORTED)
    g_ptr_array_add (log->imported, g_steal_pointer (&base));
  else if (status == KW_SYNC_FILE_REFUSED)
    g_ptr_array_add (log->refused, g_strdup_printf ("%s: %s", base, error ? error->message : ""));
  else
    g_ptr_array_add (log->other, g_steal_pointer (&base));
}

static void
log_init (Log *log)
{
  log->imported = g_ptr_array_new_with_free_func (g_free);
  log->refused = g_ptr_array_new_with_free_func (g_free);
  log->other = g_ptr_array_new_with_free_func (g_free);
}

static void
log_clear (Log *log)
{
  g_clear_pointer (&log->imported, g_ptr_array_unref);
  g_clear_pointer (&log->refused, g_ptr_array_unref);
  g_clear_pointer (&log->other, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Log, log_clear)

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
set_field (KwStore    *store,
           const char *id,
           const char *field,
           const char *value)
{
  g_autoptr(KwChangeset) cs = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;

  kw_changeset_set_string (cs, field, value);
  g_assert_true (kw_store_update (store, id, cs, &error));
  g_assert_no_error (error);
}

/* The person's name as held by @store, or NULL (absent, a stub). */
static char *
held_name (KwStore    *store,
           const char *id)
{
  g_autoptr(KwRecord) record = kw_store_lookup (store, "person", id, NULL);
  const char *name = record ? kw_record_get_string (record, "name") : NULL;

  return g_strdup (name);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *text = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (from, &text, &len, &error));
  g_assert_true (g_file_set_contents (to, text, (gssize) len, &error));
  g_assert_no_error (error);
}

/* Size, modification time and content of a file, to see it untouched. */
static char *
fingerprint (const char *path)
{
  GStatBuf st;
  g_autofree char *text = NULL;
  g_autofree char *sum = NULL;
  gsize len = 0;

  if (g_lstat (path, &st) != 0)
    return g_strdup ("gone");
  if (S_ISREG (st.st_mode) && g_file_get_contents (path, &text, &len, NULL))
    sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) text, len);
  return g_strdup_printf ("%o:%" G_GINT64_FORMAT ":%ld.%09ld:%s", (unsigned) st.st_mode,
                          (gint64) st.st_size, (long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                          sum ? sum : "-");
}

static gboolean
has_prefix_in (GPtrArray  *list,
               const char *prefix)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (list, i), prefix))
      return TRUE;
  return FALSE;
}

/* Every artefact at once; the pass learns nothing, touches nothing. */
static void
test_artefacts (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *outside = g_build_filename (dir, "outside", NULL);
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0 + 1000);
  g_autofree char *id = put_person (a->store, "Anna Voorbeeld");
  const char *dev_a = kw_store_get_device_id (a->store);
  g_autofree char *name_a = kw_sync_folder_file_name (a->store);
  g_autofree char *valid = g_build_filename (outside, name_a, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) prints = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Log) log = { 0 };
  const char *copies[] = {
    ".syncthing.%s.kwartier.jsonl.tmp",
    "%s.sync-conflict-20261201-101010-ABCDEFG.kwartier.jsonl",
    "%s.kwartier.sync-conflict-20261201-101010-ABCDEFG.jsonl",
    ".stversions/%s.kwartier~20261201-101010.jsonl",
    ".stversions/%s.kwartier.jsonl",
    "%s.kwartier.jsonl.part",
    ".%s.kwartier.jsonl.~1a2b3c.part",
    "%s.kwartier (conflicted copy 2026-12-01 101010).jsonl",
    "%s.kwartier.jsonl.bak",
    "%s.00000001.kwartier.jsonl.old",
    "%s.0000001.kwartier.jsonl",
    "kopie van mijn export.kwartier.jsonl",
    "mijn export.kwartier.jsonl.gz",
  };
  KwExportOptions all = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  guint refused = 0;
  gint64 start;

  g_assert_cmpint (g_mkdir (outside, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (kw_export_to_file (a->store, &all, valid, &error));
  g_assert_no_error (error);

  /* Syncthing's marker folder and versions folder */
  name = g_build_filename (folder, ".stfolder", NULL);
  g_assert_cmpint (g_mkdir (name, 0700), ==, 0);
  g_ptr_array_add (paths, g_steal_pointer (&name));
  name = g_build_filename (folder, ".stversions", NULL);
  g_assert_cmpint (g_mkdir (name, 0700), ==, 0);
  g_clear_pointer (&name, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_auto(GStrv) parts = g_strsplit (copies[i], "%s", 2);
      g_autofree char *base = g_strjoinv (dev_a, parts);

      name = g_build_filename (folder, base, NULL);
      copy_file (valid, name);
      g_ptr_array_add (paths, g_steal_pointer (&name));
    }
  /* a link to a valid export, under that export's own name */
  name = g_build_filename (folder, name_a, NULL);
  g_assert_cmpint (symlink (valid, name), ==, 0);
  g_ptr_array_add (paths, g_steal_pointer (&name));
  /* a FIFO and a folder named like exports */
  name = g_build_filename (folder, OTHER_D ".kwartier.jsonl", NULL);
  g_assert_cmpint (mkfifo (name, 0600), ==, 0);
  g_ptr_array_add (paths, g_steal_pointer (&name));
  name = g_build_filename (folder, OTHER_E ".00000001.kwartier.jsonl", NULL);
  g_assert_cmpint (g_mkdir (name, 0700), ==, 0);
  g_ptr_array_add (paths, g_steal_pointer (&name));
  /* a link to a FIFO */
  {
    g_autofree char *fifo = g_build_filename (outside, "fifo", NULL);

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    name = g_build_filename (folder, OTHER_F ".kwartier.jsonl.gz", NULL);
    g_assert_cmpint (symlink (fifo, name), ==, 0);
    g_ptr_array_add (paths, g_steal_pointer (&name));
  }
  /* a valid export under the name of another device: refused, with why */
  name = g_build_filename (folder, OTHER_C ".kwartier.jsonl", NULL);
  copy_file (valid, name);
  g_ptr_array_add (paths, g_steal_pointer (&name));

  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (prints, fingerprint (g_ptr_array_index (paths, i)));

  log_init (&log);
  start = g_get_monotonic_time ();
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, log_cb, &log, &refused, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpuint (log.imported->len, ==, 0);
  g_assert_cmpuint (refused, ==, 1);
  g_assert_cmpuint (log.refused->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (log.refused, 0), OTHER_C ".kwartier.jsonl: "));
  g_assert_nonnull (strstr (g_ptr_array_index (log.refused, 0), dev_a));
  /* nothing learned */
  g_assert_null (kw_store_lookup (b->store, "person", id, NULL));
  /* nothing touched */
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *now = fingerprint (g_ptr_array_index (paths, i));

      g_assert_cmpstr (now, ==, g_ptr_array_index (prints, i));
    }

  /* the next pass: the same, and the refused file is still reported */
  log_clear (&log);
  log_init (&log);
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, log_cb, &log, &refused, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (refused, ==, 1);
  g_assert_true (has_prefix_in (log.refused, OTHER_C ".kwartier.jsonl: "));
  g_assert_cmpuint (log.imported->len, ==, 0);
  g_assert_null (kw_store_lookup (b->store, "person", id, NULL));
}

/* Each file once; a refused file stays refused until it changes. */
static void
test_each_once (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0 + 1000);
  g_autofree char *id = put_person (a->store, "Bram Eenmaal");
  g_autofree char *name_a = kw_sync_folder_file_name (a->store);
  g_autofree char *path_a = g_build_filename (folder, name_a, NULL);
  g_autofree char *bad = g_build_filename (folder, OTHER_C ".00000003.kwartier.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Log) log = { 0 };
  guint refused = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (kw_sync_folder_run (a->store, folder, NULL, NULL, NULL, &refused, &error));
  g_assert_true (g_file_set_contents (bad, "{\"kwartier\":\"export\"}\n", -1, &error));
  g_assert_no_error (error);

  log_init (&log);
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, log_cb, &log, &refused, &error));
  g_assert_cmpuint (log.imported->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log.imported, 0), ==, name_a);
  g_assert_cmpuint (refused, ==, 1);
  g_assert_true (has_prefix_in (log.refused, OTHER_C ".00000003.kwartier.jsonl: "));

  /* unchanged: not imported again; the bad file is still refused */
  log_clear (&log);
  log_init (&log);
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, log_cb, &log, &refused, &error));
  g_assert_cmpuint (log.imported->len, ==, 0);
  g_assert_cmpuint (refused, ==, 1);
  g_assert_true (has_prefix_in (log.other, name_a));

  /* touched (same bytes, a new time): read, but not imported again */
  {
    g_autofree char *text = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path_a, &text, &len, NULL));
    g_unlink (path_a);
    g_assert_true (g_file_set_contents (path_a, text, (gssize) len, NULL));
  }
  log_clear (&log);
  log_init (&log);
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, log_cb, &log, &refused, &error));
  g_assert_cmpuint (log.imported->len, ==, 0);
  g_assert_true (has_prefix_in (log.other, name_a));

  /* the refused file changes: read again, refused again with its reason */
  g_assert_true (g_file_set_contents (bad, "{\"kwartier\":\"export\",\"format\":1}\n", -1, NULL));
  log_clear (&log);
  log_init (&log);
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, log_cb, &log, &refused, &error));
  g_assert_cmpuint (refused, ==, 1);
  g_assert_null (strstr (g_ptr_array_index (log.refused, 0), "unchanged since"));

  /* gone: nothing is refused any more */
  g_unlink (bad);
  log_clear (&log);
  log_init (&log);
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, log_cb, &log, &refused, &error));
  g_assert_cmpuint (refused, ==, 0);
  g_assert_cmpuint (log.refused->len, ==, 0);
  {
    g_autofree char *held = held_name (b->store, id);

    g_assert_cmpstr (held, ==, "Bram Eenmaal");
  }
}

/* A file that cannot be read is refused and named; as root every file can
 * be read, so a file whose header is no export's stands in for it. */
static void
test_unreadable (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autofree char *locked = g_build_filename (folder, OTHER_C ".kwartier.jsonl", NULL);
  g_autofree char *wrong = g_build_filename (folder, OTHER_D ".kwartier.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Log) log = { 0 };
  guint refused = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (wrong, "not an export at all\n", -1, NULL));
  g_assert_true (g_file_set_contents (locked, "{}\n", -1, NULL));
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  if (geteuid () == 0)
    g_test_message ("running as root: the chmod 000 file is readable, refused for its content");
  log_init (&log);
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, log_cb, &log, &refused, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (refused, ==, 2);
  g_assert_true (has_prefix_in (log.refused, OTHER_C ".kwartier.jsonl: "));
  g_assert_true (has_prefix_in (log.refused, OTHER_D ".kwartier.jsonl: "));
  g_chmod (locked, 0600);
}

/* No file of @device in @folder holds @text. */
static void
assert_files_without (const char *folder,
                      const char *device,
                      const char *text)
{
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  const char *entry;
  guint n = 0;

  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (entry, device))
      {
        g_autofree char *path = g_build_filename (folder, entry, NULL);
        g_autofree char *content = NULL;

        g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
        g_assert_null (strstr (content, text));
        n++;
      }
  g_assert_cmpuint (n, >, 0);
}

/* A stale copy of an old export that still names a person who is private
 * now: a device that joins later learns nothing of them. */
static void
test_stale_copy (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0 + 1000);
  g_autoptr(Replica) c = NULL;
  g_autofree char *id = put_person (a->store, "Carla Teruggetrokken");
  g_autofree char *name_a = kw_sync_folder_file_name (a->store);
  g_autofree char *path_a = g_build_filename (folder, name_a, NULL);
  g_autofree char *copy = g_build_filename (folder, "kopie van mijn export.kwartier.jsonl", NULL);
  g_autofree char *held = NULL;
  g_autoptr(GError) error = NULL;
  guint refused = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (kw_sync_folder_run (a->store, folder, NULL, NULL, NULL, &refused, &error));
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, NULL, NULL, &refused, &error));
  held = held_name (b->store, id);
  g_assert_cmpstr (held, ==, "Carla Teruggetrokken");
  copy_file (path_a, copy);

  /* consent withdrawn on a; its files in the folder say no more */
  a->wall_ms += 5000;
  set_field (a->store, id, "consent", "private");
  g_assert_true (kw_sync_folder_run (a->store, folder, NULL, NULL, NULL, &refused, &error));
  g_assert_no_error (error);
  assert_files_without (folder, kw_store_get_device_id (a->store), "Carla");

  /* b turns private too, and its files say no more either */
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, NULL, NULL, &refused, &error));
  g_assert_true (kw_store_is_private (b->store, "person", id));
  assert_files_without (folder, kw_store_get_device_id (b->store), "Carla");
  /* c joins: the copy is left alone, c holds no name */
  c = replica_new (dir, 2, T0 + 9000);
  g_assert_true (kw_sync_folder_run (c->store, folder, NULL, NULL, NULL, &refused, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (refused, ==, 0);
  g_clear_pointer (&held, g_free);
  held = held_name (c->store, id);
  g_assert_null (held);
  g_assert_true (kw_store_is_private (c->store, "person", id));
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/sync/folder/artefacts", test_artefacts);
  g_test_add_func ("/kw/sync/folder/each-once", test_each_once);
  g_test_add_func ("/kw/sync/folder/unreadable", test_unreadable);
  g_test_add_func ("/kw/sync/folder/stale-copy", test_stale_copy);
  status = g_test_run ();
  helper_cleanup ();
  return status;
}
