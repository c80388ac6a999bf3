/* test-change-exports.c: change exports and the folder's own files
 * (issue 13; spec/export-format.md, "Change exports", "The sync folder")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Property tests (seeded: KW_TEST_SEED repeats a run): random edits on
 * three devices, each writing now a full export and now a change export;
 * every device imports every file in an order of its own, and all end
 * with the same exports. The same through the folder, with compaction.
 * Then the smaller rules: a change line carries only the new fields, a
 * change export may hold no records, compaction removes only this
 * device's own change files that its full export covers.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "kw-error.h"
#include "kw-sync-folder.h"
#include "kw-sync-private.h"
#include "sync-helpers.h"

#define T0 G_GINT64_CONSTANT (1795000000000)  /* Nov 2026, in ms */
#define N_DEVICES 3

/* The seen map of an export's header, device → stamp. */
static GHashTable *
header_seen (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *object;
  char *nl;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  nl = strchr (text, '\n');
  g_assert_nonnull (nl);
  *nl = '\0';
  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  object = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "seen");
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_insert (seen, g_strdup (l->data), g_strdup (json_object_get_string_member (object, l->data)));
  return seen;
}

static guint
count_records (const char *path)
{
  g_autofree char *text = NULL;
  guint lines = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *p = text; *p; p++)
    lines += *p == '\n';
  g_assert_cmpuint (lines, >=, 2);
  return lines - 2;
}

static void
assert_same_records (const char *a,
                     const char *b)
{
  g_autofree char *la = record_lines (a);
  g_autofree char *lb = record_lines (b);

  if (strcmp (la, lb) != 0 && g_getenv ("KW_TEST_DUMP") != NULL)
    {
      g_file_set_contents ("/tmp/kw-la.txt", la, -1, NULL);
      g_file_set_contents ("/tmp/kw-lb.txt", lb, -1, NULL);
    }
  g_assert_cmpstr (la, ==, lb);
}

static void
shuffle (GPtrArray *array,
         GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gpointer t = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = t;
    }
}

static void
import_quietly (KwStore    *store,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  KwImportSummary summary = { 0 };

  if (!kw_import_file (store, path, FALSE, &summary, &error))
    g_error ("%s refused: %s", path, error->message);
}

/* The device's next file as the folder writes it: a change export of its
 * writes since its last file, or (at random, and always when someone's
 * consent changed since its last file) a full export. */
typedef struct {
  Replica    *replica;
  GHashTable *last_seen;  /* of its last file; NULL before the first */
  char       *last_mark;
} Device;

static char *
write_next (Device     *device,
            const char *pool,
            guint       n,
            GRand      *rand,
            gboolean   *change)
{
  g_autofree char *name = g_strdup_printf ("%03u-%u.kwartier.jsonl", n, device->replica->index);
  char *path = g_build_filename (pool, name, NULL);
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL, NULL };
  g_autofree char *mark = _kw_store_sync_dup_privacy_mark (device->replica->store, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (mark);
  *change = device->last_seen != NULL && g_strcmp0 (mark, device->last_mark) == 0
            && g_rand_int_range (rand, 0, 4) != 0;
  if (*change)
    {
      options.scope = KW_EXPORT_SCOPE_CHANGES;
      options.since = device->last_seen;
    }
  g_assert_true (kw_export_to_file (device->replica->store, &options, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&device->last_seen, g_hash_table_unref);
  device->last_seen = header_seen (path);
  g_free (device->last_mark);
  device->last_mark = g_steal_pointer (&mark);
  return path;
}

/* Every file, twice, in an order of its own. */
static void
import_all (KwStore   *store,
            GPtrArray *files,
            GRand     *rand)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) order = g_ptr_array_copy (files, NULL, NULL);  /* borrowed */

      g_ptr_array_set_free_func (order, NULL);
      shuffle (order, rand);
      for (guint i = 0; i < order->len; i++)
        import_quietly (store, g_ptr_array_index (order, i));
    }
}

/* Full and change exports in any order converge. */
static void
test_any_order (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 13);
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *pool = g_build_filename (dir, "pool", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) settle = g_ptr_array_new_with_free_func (g_free);
  Device devices[N_DEVICES] = { { 0 } };
  g_autofree char *first = NULL;
  guint n_changes = 0, n_empty = 0;
  gboolean change;

  g_assert_cmpint (g_mkdir (pool, 0700), ==, 0);
  for (guint d = 0; d < N_DEVICES; d++)
    devices[d].replica = replica_new (dir, d, T0 + 1000 * d);
  for (guint round = 0; round < 24; round++)
    {
      Device *device = &devices[g_rand_int_range (rand, 0, N_DEVICES)];
      char *path;

      replica_tick (device->replica, rand);
      random_writes (device->replica->store, rand, (guint) g_rand_int_range (rand, 0, 12));
      /* now and then a colleague's file first, so that stamps mix */
      if (files->len > 0 && g_rand_boolean (rand))
        import_quietly (device->replica->store,
                        g_ptr_array_index (files, g_rand_int_range (rand, 0, (gint32) files->len)));
      path = write_next (device, pool, round, rand, &change);
      n_changes += change;
      n_empty += change && count_records (path) == 0;
      g_ptr_array_add (files, path);
    }
  /* each device's last writes go out too */
  for (guint d = 0; d < N_DEVICES; d++)
    g_ptr_array_add (files, write_next (&devices[d], pool, 100 + d, rand, &change));
  g_test_message ("%u files, %u of them change exports (%u with no records)",
                  files->len, n_changes, n_empty);
  g_assert_cmpuint (n_changes, >, 0);

  /* every device takes in every file, each in an order of its own; then,
   * as after a pass of the folder, each writes its next file */
  for (guint d = 0; d < N_DEVICES; d++)
    import_all (devices[d].replica->store, files, rand);
  for (guint d = 0; d < N_DEVICES; d++)
    g_ptr_array_add (settle, write_next (&devices[d], pool, 200 + d, rand, &change));
  for (guint d = 0; d < N_DEVICES; d++)
    {
      g_autofree char *text = NULL;

      import_all (devices[d].replica->store, settle, rand);
      text = export_text (devices[d].replica->store, dir, NULL);
      if (first == NULL)
        first = g_steal_pointer (&text);
      else
        assert_same_records (first, text);
    }
  /* and a device that held nothing, from all the files */
  {
    g_autoptr(Replica) fresh = replica_new (dir, 9, T0);
    g_autofree char *text = NULL;

    g_ptr_array_extend_and_steal (files, g_steal_pointer (&settle));
    import_all (fresh->store, files, rand);
    text = export_text (fresh->store, dir, NULL);
    assert_same_records (first, text);
  }
  for (guint d = 0; d < N_DEVICES; d++)
    {
      g_clear_pointer (&devices[d].last_seen, g_hash_table_unref);
      g_free (devices[d].last_mark);
      replica_free (devices[d].replica);
    }
}

static gboolean
folder_has_temp (const char *folder)
{
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    if (entry[0] == '.')
      return TRUE;
  return FALSE;
}

/* The same through one folder: random passes, now and then compaction. */
static void
test_folder_converges (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 17);
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  Replica *r[N_DEVICES];
  g_autofree char *first = NULL;
  guint written = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint d = 0; d < N_DEVICES; d++)
    r[d] = replica_new (dir, d, T0 + 700 * d);
  for (guint round = 0; round < 30; round++)
    {
      guint d = (guint) g_rand_int_range (rand, 0, N_DEVICES);
      KwSyncFolderFlags flags = g_rand_int_range (rand, 0, 6) == 0 ? KW_SYNC_FOLDER_COMPACT : 0;
      g_autoptr(GError) error = NULL;
      guint refused = 0;

      replica_tick (r[d], rand);
      random_writes (r[d]->store, rand, (guint) g_rand_int_range (rand, 0, 8));
      g_assert_true (kw_sync_folder_run_with_progress (r[d]->store, folder, NULL, flags, NULL, NULL, NULL, &refused, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (refused, ==, 0);
      g_assert_false (folder_has_temp (folder));
    }
  /* until quiet: two rounds in which nobody writes */
  for (guint round = 0; round < 2; round++)
    for (guint d = 0; d < N_DEVICES; d++)
      {
        g_autoptr(GError) error = NULL;
        guint refused = 0;

        g_assert_true (kw_sync_folder_run (r[d]->store, folder, NULL, NULL, NULL, &refused, &error));
        g_assert_no_error (error);
      }
  for (guint d = 0; d < N_DEVICES; d++)
    {
      g_autofree char *text = export_text (r[d]->store, dir, NULL);

      if (first == NULL)
        first = g_steal_pointer (&text);
      else
        assert_same_records (first, text);
    }
  /* the folder's files alone teach a newcomer the same */
  {
    g_autoptr(Replica) fresh = replica_new (dir, 9, T0);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    guint refused = 0;

    g_assert_true (kw_sync_folder_run (fresh->store, folder, NULL, NULL, NULL, &refused, &error));
    g_assert_no_error (error);
    text = export_text (fresh->store, dir, NULL);
    assert_same_records (first, text);
  }
  {
    g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
    const char *entry;

    while ((entry = g_dir_read_name (d)) != NULL)
      written++;
  }
  g_test_message ("%u files in the folder at the end", written);
  for (guint d = 0; d < N_DEVICES; d++)
    replica_free (r[d]);
}

/* A change line carries only the fields written since; none, no records. */
static void
test_lines (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autofree char *id = helper_put (a->store, "person", "consent", "shared", "name", "Joost Wijziging", NULL);
  g_autofree char *full = export_file (a->store, dir, NULL);
  g_autoptr(GHashTable) seen = header_seen (full);
  KwExportOptions changes = { KW_EXPORT_SCOPE_CHANGES, NULL, FALSE, NULL, seen };
  g_autofree char *empty = export_file (a->store, dir, &changes);
  g_autofree char *text = NULL, *lines = NULL, *one = NULL, *expected = NULL;
  g_autoptr(KwRecord) record = NULL;
  KwImportSummary s;

  /* nothing since: a valid export with no records, merged like any */
  g_assert_cmpuint (count_records (empty), ==, 0);
  g_assert_true (g_file_get_contents (empty, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"scope\":{\"kind\":\"changes\",\"since\":{\""));
  s = import_ok (b->store, empty);
  g_assert_cmpuint (s.records, ==, 0);
  g_clear_pointer (&text, g_free);

  a->wall_ms += 1000;
  helper_update (a->store, "person", id, "phone", "020 123 4567");
  one = export_file (a->store, dir, &changes);
  g_assert_cmpuint (count_records (one), ==, 1);
  g_assert_true (g_file_get_contents (one, &text, NULL, NULL));
  lines = record_lines (text);
  expected = g_strdup_printf ("{\"type\":\"person\",\"id\":\"%s\",\"f\":{\"phone\":[\"020 123 4567\",\"", id);
  g_assert_true (g_str_has_prefix (lines, expected));
  g_assert_null (strstr (lines, "Joost"));
  g_assert_null (strstr (lines, "consent"));

  /* the receiver that has the person takes the phone; one without it
   * takes it too, before or after the rest */
  import_ok (b->store, full);
  s = import_ok (b->store, one);
  g_assert_cmpuint (s.updated, ==, 1);
  record = kw_store_get (b->store, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_string (record, "phone"), ==, "020 123 4567");
  g_assert_cmpstr (kw_record_get_string (record, "name"), ==, "Joost Wijziging");
  {
    g_autoptr(Replica) c = replica_new (dir, 2, T0);

    import_ok (c->store, one);
    import_ok (c->store, full);
    g_clear_object (&record);
    record = kw_store_get (c->store, "person", id, NULL);
    g_assert_cmpstr (kw_record_get_string (record, "phone"), ==, "020 123 4567");
  }
  /* a since naming no device of the file's stamps: no records */
  {
    g_autoptr(GHashTable) other = g_hash_table_new (g_str_hash, g_str_equal);
    KwExportOptions none = { KW_EXPORT_SCOPE_CHANGES, NULL, FALSE, NULL, other };
    g_autofree char *path = NULL;

    g_hash_table_insert (other, (gpointer) "abababababababababababababababab",
                         (gpointer) "0000000000000000-0000-abababababababababababababababab");
    path = export_file (a->store, dir, &none);
    g_assert_cmpuint (count_records (path), ==, 0);
  }
  /* a bad since is refused on import */
  {
    g_autofree char *bad = g_build_filename (dir, "bad.kwartier.jsonl", NULL);
    g_autofree char *body = NULL;
    g_autofree char *hex = NULL;
    g_autofree char *header = g_strdup_printf ("{\"kwartier\":\"export\",\"format\":1,\"schema\":1,"
                                               "\"exported_at\":\"2026-11-22T15:20:00Z\",\"device\":\"%s\","
                                               "\"organiser\":\"\",\"scope\":{\"kind\":\"changes\",\"since\":{\"x\":1}},"
                                               "\"seen\":{}}\n", kw_store_get_device_id (a->store));

    hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, header, -1);
    body = g_strdup_printf ("%s{\"end\":true,\"records\":0,\"sha256\":\"%s\"}\n", header, hex);
    g_assert_true (g_file_set_contents (bad, body, -1, NULL));
    import_refused (b->store, bad, KW_CORE_ERROR_REFUSED);
  }
}

/* Compaction removes only this device's change files that its new full
 * export covers; never a colleague's, never one it does not cover. */
static void
test_compaction (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  const char *dev_a = kw_store_get_device_id (a->store);
  const char *dev_b = kw_store_get_device_id (b->store);
  g_autofree char *id = NULL, *ahead = NULL, *b_change = NULL, *text = NULL;
  g_autoptr(GError) error = NULL;
  guint refused = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* a full export large enough that one edit stays a change file */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Persoon %u met een wat langere naam", i);

      g_free (id);
      id = helper_put (a->store, "person", "consent", "shared", "name", name, NULL);
    }
  g_assert_true (kw_sync_folder_run (a->store, folder, NULL, NULL, NULL, &refused, &error));
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, NULL, NULL, &refused, &error));
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *phone = g_strdup_printf ("06 0000 000%u", i);
      g_autofree char *name = g_strdup_printf ("%s.%08u.kwartier.jsonl", dev_a, i);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      a->wall_ms += 1000;
      helper_update (a->store, "person", id, "phone", phone);
      g_assert_true (kw_sync_folder_run (a->store, folder, NULL, NULL, NULL, &refused, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  /* b writes a change file of its own */
  b->wall_ms += 5000;
  g_free (helper_put (b->store, "person", "consent", "shared", "name", "Van B", NULL));
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, NULL, NULL, &refused, &error));
  b_change = g_strdup_printf ("%s/%s.00000001.kwartier.jsonl", folder, dev_b);
  g_assert_true (g_file_test (b_change, G_FILE_TEST_IS_REGULAR));
  /* a file of a that its next full export would not cover (a stamp of a
   * ahead of anything it holds, as a copy from a later backup would) */
  ahead = g_strdup_printf ("%s/%s.00000007.kwartier.jsonl", folder, dev_a);
  {
    g_autofree char *second = g_strdup_printf ("%s/%s.00000002.kwartier.jsonl", folder, dev_a);
    g_autoptr(GHashTable) seen = header_seen (second);
    const char *stamp = g_hash_table_lookup (seen, dev_a);
    g_autofree char *later = g_strdup_printf ("7fff%s", stamp + 4);
    g_auto(GStrv) parts = NULL;

    g_assert_true (g_file_get_contents (second, &text, NULL, NULL));
    parts = g_strsplit (text, stamp, -1);
    g_free (text);
    text = g_strjoinv (later, parts);
    g_assert_true (g_file_set_contents (ahead, text, -1, NULL));
  }
  g_assert_true (kw_sync_folder_run_with_progress (a->store, folder, NULL, KW_SYNC_FOLDER_COMPACT, NULL, NULL, NULL,
                                                   &refused, &error));
  g_assert_no_error (error);
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.%08u.kwartier.jsonl", folder, dev_a, i);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (ahead, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (b_change, G_FILE_TEST_IS_REGULAR));
  /* and b still takes everything in: the full export holds the phone */
  g_unlink (ahead);
  g_assert_true (kw_sync_folder_run (b->store, folder, NULL, NULL, NULL, &refused, &error));
  g_assert_cmpuint (refused, ==, 0);
  {
    g_autoptr(KwRecord) record = kw_store_get (b->store, "person", id, NULL);

    g_assert_cmpstr (kw_record_get_string (record, "phone"), ==, "06 0000 0002");
  }
  /* and forgets what it noted of a's change files, which are gone */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_autofree char *like = g_strdup_printf ("%%/%s.0000000%%", dev_a);

    g_assert_cmpint (sqlite3_open_v2 (b->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sync_files WHERE path LIKE ?", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, like, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  /* the next change file of a goes on counting */
  a->wall_ms += 1000;
  helper_update (a->store, "person", id, "phone", "06 0000 0003");
  g_assert_true (kw_sync_folder_run (a->store, folder, NULL, NULL, NULL, &refused, &error));
  {
    g_autofree char *next = g_strdup_printf ("%s/%s.00000008.kwartier.jsonl", folder, dev_a);

    g_assert_true (g_file_test (next, G_FILE_TEST_IS_REGULAR));
  }
}

static void
set_consent (KwStore    *store,
             const char *id,
             const char *consent)
{
  g_autoptr(KwChangeset) cs = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;

  kw_changeset_set_string (cs, "consent", consent);
  g_assert_true (kw_store_update (store, id, cs, &error));
  g_assert_no_error (error);
}

static void
pass (Replica    *r,
      const char *folder)
{
  g_autoptr(GError) error = NULL;
  guint refused = 0;

  g_assert_true (kw_sync_folder_run (r->store, folder, NULL, NULL, NULL, &refused, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (refused, ==, 0);
}

/* A person private on c while b's edit comes in (dropped, as the spec
 * says), then no longer private: c reads the folder once more and ends
 * with b's edit, like everyone else, though b never writes it again. */
static void
test_no_longer_private (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0 + 100);
  g_autoptr(Replica) c = replica_new (dir, 2, T0 + 200);
  g_autofree char *id = helper_put (a->store, "person", "consent", "shared", "name", "Lotte Terug", NULL);
  g_autofree char *ta = NULL, *tc = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* enough people that one edit stays a change file (no compaction) */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Buur %u met een wat langere naam", i);

      g_free (helper_put (a->store, "person", "consent", "shared", "name", name, NULL));
    }
  for (guint round = 0; round < 2; round++)
    {
      pass (a, folder);
      pass (b, folder);
      pass (c, folder);
    }
  /* b's edit goes into a change file while the person is shared */
  b->wall_ms += 1000;
  helper_update (b->store, "person", id, "phone", "06 1234 5678");
  pass (b, folder);
  /* a makes them private; c learns it first (a's file, from a USB stick),
   * so b's phone is dropped in c's next pass */
  a->wall_ms += 2000;
  set_consent (a->store, id, "private");
  pass (a, folder);
  {
    g_autofree char *name = kw_sync_folder_file_name (a->store);
    g_autofree char *path = g_build_filename (folder, name, NULL);

    import_ok (c->store, path);
  }
  g_assert_true (kw_store_is_private (c->store, "person", id));
  pass (c, folder);
  {
    g_autoptr(KwRecord) record = kw_store_lookup (c->store, "person", id, NULL);

    g_assert_null (kw_record_get_string (record, "phone"));
  }
  /* a shares them again before b ever saw them private: b has nothing
   * to write again; c reads the folder once more */
  a->wall_ms += 3000;
  set_consent (a->store, id, "shared");
  pass (a, folder);
  pass (b, folder);
  pass (c, folder);
  {
    g_autoptr(KwRecord) record = kw_store_get (c->store, "person", id, NULL);

    g_assert_nonnull (record);
    g_assert_cmpstr (kw_record_get_string (record, "consent"), ==, "shared");
    g_assert_cmpstr (kw_record_get_string (record, "phone"), ==, "06 1234 5678");
  }
  for (guint round = 0; round < 2; round++)
    {
      pass (a, folder);
      pass (b, folder);
      pass (c, folder);
    }
  ta = export_text (a->store, dir, NULL);
  tc = export_text (c->store, dir, NULL);
  assert_same_records (ta, tc);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/sync/changes/any-order", test_any_order);
  g_test_add_func ("/kw/sync/changes/folder-converges", test_folder_converges);
  g_test_add_func ("/kw/sync/changes/lines", test_lines);
  g_test_add_func ("/kw/sync/changes/compaction", test_compaction);
  g_test_add_func ("/kw/sync/changes/no-longer-private", test_no_longer_private);
  status = g_test_run ();
  helper_cleanup ();
  return status;
}
