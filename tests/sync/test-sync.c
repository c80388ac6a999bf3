/* test-sync.c: export, import and merge (suite sync)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Property tests with seeded random data: idempotence, commutativity,
 * associativity, convergence of replicas with skewed clocks, no
 * resurrection, privacy, partial exports, conflicts, refusals.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kw-error.h"
#include "kw-hlc.h"
#include "kw-sync-folder.h"
#include "sync-helpers.h"

#define T0 G_GINT64_CONSTANT (1795000000000)  /* Nov 2026, in ms */

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "sync", "data", "small.kwartier.jsonl", NULL);
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *text,
            gssize      len)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_same_records (const char *a,
                     const char *b)
{
  g_autofree char *la = record_lines (a);
  g_autofree char *lb = record_lines (b);

  g_assert_cmpstr (la, ==, lb);
}

static void
test_example (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) r = replica_new (dir, 0, T0);
  g_autofree char *path = example_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KwRecord) org = NULL;
  g_autoptr(KwRecord) fatima = NULL;
  g_autoptr(KwRecord) private = NULL;
  g_autoptr(KwRecord) gone = NULL;
  KwImportSummary s = import_ok (r->store, path);

  g_assert_cmpuint (s.added, ==, 3);
  g_assert_cmpuint (s.deleted, ==, 1);
  g_assert_cmpuint (s.records, ==, 4);
  org = kw_store_get (r->store, "organisation", "689345bf-c72a-4ece-b1be-e29632a7e0ef", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_record_get_string (org, "name"), ==, "Stichting Buurtkracht");
  fatima = kw_store_get (r->store, "person", "f589d3c2-3b8f-4eb5-90f1-df19a330b2b9", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_record_get_string (fatima, "name"), ==, "Fatima El Amrani");
  g_assert_cmpstr (kw_record_get_prev (fatima, "notes"), ==,
                   "000001a203e35ef5-0003-e25186b0c78d4e618a8aaa56a7f9602a");
  /* the private person shows nothing (its stub is kept aside) */
  private = kw_store_lookup (r->store, "person", "85368cce-9c31-465a-a0fd-747cc6d3dc78", NULL);
  g_assert_null (private);
  g_assert_cmpint (kw_store_count (r->store, "person"), ==, 1);
  gone = kw_store_get (r->store, "person", "f47ceb0b-f1ca-41aa-8722-860ea72cac8c", &error);
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED);
  g_assert_null (gone);
}

/* Importing the example and exporting gives the same record lines. */
static void
test_roundtrip (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) r = replica_new (dir, 0, T0);
  g_autofree char *path = example_path ();
  g_autofree char *original = NULL;
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  import_ok (r->store, path);
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  text = export_text (r->store, dir, NULL);
  a = record_lines (original);
  b = record_lines (text);
  g_assert_cmpstr (a, ==, b);
  g_assert_true (g_str_has_prefix (text, "{\"kwartier\":\"export\",\"format\":1,\"schema\":1,"));
}

static void
test_idempotence (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed ());
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0 + 1000);
  g_autofree char *file = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  KwImportSummary s;

  random_writes (a->store, rand, 120);
  random_writes (b->store, rand, 60);
  file = export_file (a->store, dir, NULL);
  import_ok (b->store, file);
  once = dump_database (b->path);
  s = import_ok (b->store, file);
  twice = dump_database (b->path);
  g_assert_cmpstr (once, ==, twice);
  g_assert_cmpuint (s.added + s.updated + s.deleted + s.conflicts, ==, 0);
  g_assert_cmpuint (s.unchanged, ==, s.records);
}

static char *
merged_lines (const char *dir,
              guint       index,
              char      **files)
{
  g_autoptr(Replica) r = replica_new (dir, index, T0);
  g_autofree char *text = NULL;

  for (guint i = 0; files[i]; i++)
    import_ok (r->store, files[i]);
  text = export_text (r->store, dir, NULL);
  return record_lines (text);
}

/* Two replicas edit the same records concurrently. */
static void
make_concurrent (const char  *dir,
                 GRand       *rand,
                 char       **file_a,
                 char       **file_b,
                 char       **file_c)
{
  g_autoptr(Replica) a = replica_new (dir, 10, T0);
  g_autoptr(Replica) b = replica_new (dir, 11, T0 + 500);
  g_autoptr(Replica) c = replica_new (dir, 12, T0 - 500);
  g_autofree char *seed = NULL;

  random_writes (a->store, rand, 80);
  seed = export_file (a->store, dir, NULL);
  import_ok (b->store, seed);
  import_ok (c->store, seed);
  random_writes (a->store, rand, 60);
  random_writes (b->store, rand, 60);
  random_writes (c->store, rand, 60);
  *file_a = export_file (a->store, dir, NULL);
  *file_b = export_file (b->store, dir, NULL);
  *file_c = export_file (c->store, dir, NULL);
}

static void
test_commutativity (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 1);
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *fa = NULL, *fb = NULL, *fc = NULL;
  g_autofree char *ab = NULL, *ba = NULL;

  make_concurrent (dir, rand, &fa, &fb, &fc);
  ab = merged_lines (dir, 20, (char *[]) { fa, fb, NULL });
  ba = merged_lines (dir, 21, (char *[]) { fb, fa, NULL });
  g_assert_cmpstr (ab, ==, ba);
}

static void
test_associativity (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 2);
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *fa = NULL, *fb = NULL, *fc = NULL;
  g_autofree char *left = NULL, *right = NULL;
  g_autoptr(Replica) ab = NULL;
  g_autoptr(Replica) bc = NULL;
  g_autofree char *f_ab = NULL, *f_bc = NULL;

  make_concurrent (dir, rand, &fa, &fb, &fc);
  ab = replica_new (dir, 30, T0);
  import_ok (ab->store, fa);
  import_ok (ab->store, fb);
  f_ab = export_file (ab->store, dir, NULL);
  bc = replica_new (dir, 31, T0);
  import_ok (bc->store, fb);
  import_ok (bc->store, fc);
  f_bc = export_file (bc->store, dir, NULL);
  left = merged_lines (dir, 32, (char *[]) { f_ab, fc, NULL });
  right = merged_lines (dir, 33, (char *[]) { fa, f_bc, NULL });
  g_assert_cmpstr (left, ==, right);
}

/* Every tombstone anywhere is a tombstone in a merged export. */
static void
assert_no_resurrection (GHashTable *tombstones,
                        const char *lines)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, tombstones);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *live = g_strdup_printf ("\"id\":\"%s\",\"f\"", (char *) key);
      g_assert_null (strstr (lines, live));
    }
}

static void
collect_tombstones (const char *text,
                    GHashTable *tombstones)
{
  for (const char *p = strstr (text, ",\"deleted\":"); p; p = strstr (p + 1, ",\"deleted\":"))
    g_hash_table_add (tombstones, g_strndup (p - 38, 36));
}

static void
exchange (Replica    *from,
          Replica    *to,
          const char *dir,
          GRand      *rand,
          GHashTable *tombstones)
{
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, g_rand_boolean (rand), NULL };
  g_autofree char *file = export_file (from->store, dir, &options);
  g_autofree char *text = NULL;

  if (!options.gzip && g_file_get_contents (file, &text, NULL, NULL))
    collect_tombstones (text, tombstones);
  import_ok (to->store, file);
  if (g_rand_int_range (rand, 0, 4) == 0)
    import_ok (to->store, file);  /* repeated */
}

static void
run_convergence (guint32 seed,
                 guint   n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(GPtrArray) replicas = g_ptr_array_new_with_free_func ((GDestroyNotify) replica_free);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) tombstones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *first = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (replicas, replica_new (dir, i, T0 + g_rand_int_range (rand, -7200000, 7200000)));
  for (guint round = 0; round < 12; round++)
    {
      Replica *a = g_ptr_array_index (replicas, g_rand_int_range (rand, 0, (gint32) n));
      Replica *b = g_ptr_array_index (replicas, g_rand_int_range (rand, 0, (gint32) n));

      for (guint i = 0; i < n; i++)
        {
          Replica *r = g_ptr_array_index (replicas, i);
          replica_tick (r, rand);
          random_writes (r->store, rand, g_rand_int_range (rand, 2, 12));
        }
      if (a != b)
        exchange (a, b, dir, rand, tombstones);
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_ptr_array_add (stale, export_file (a->store, dir, NULL));
      if (stale->len > 0 && g_rand_int_range (rand, 0, 3) == 0)  /* stale and re-ordered */
        import_ok (b->store, g_ptr_array_index (stale, g_rand_int_range (rand, 0, (gint32) stale->len)));
    }
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      for (guint j = 0; j < n; j++)
        if (i != j)
          exchange (g_ptr_array_index (replicas, i), g_ptr_array_index (replicas, j), dir, rand, tombstones);
  for (guint i = 0; i < n; i++)
    {
      Replica *r = g_ptr_array_index (replicas, i);
      g_autofree char *text = export_text (r->store, dir, NULL);
      g_autofree char *lines = record_lines (text);

      assert_no_resurrection (tombstones, lines);
      if (first == NULL)
        first = g_steal_pointer (&lines);
      else
        g_assert_cmpstr (first, ==, lines);
    }
}

static void
test_convergence (void)
{
  guint32 seed = test_seed ();

  for (guint k = 0; k < 4; k++)
    run_convergence (seed + 100 + k, 3 + k);
}

/* Private notes and private people's names never leave the device. */
static void
test_privacy (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) r = replica_new (dir, 0, T0);
  g_autoptr(KwChangeset) secret = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) hidden = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) later = kw_changeset_new ("person", NULL);
  g_autofree char *id = NULL, *id2 = NULL, *text = NULL;

  kw_changeset_set_string (secret, "name", "Zichtbaar Mens");
  kw_changeset_set_string (secret, "private_notes", "GEHEIM-NOTITIE");
  id = kw_store_create (r->store, secret, NULL);
  kw_changeset_set_string (hidden, "name", "Onzichtbaar Persoon");
  kw_changeset_set_string (hidden, "phone", "0612345678");
  kw_changeset_set_string (hidden, "consent", "private");
  id2 = kw_store_create (r->store, hidden, NULL);
  kw_changeset_set_string (later, "notes", "NOG-EEN-GEHEIM");
  g_assert_true (kw_store_update (r->store, id2, later, NULL));
  text = export_text (r->store, dir, NULL);
  g_assert_nonnull (strstr (text, "Zichtbaar Mens"));
  g_assert_null (strstr (text, "GEHEIM-NOTITIE"));
  g_assert_null (strstr (text, "Onzichtbaar"));
  g_assert_null (strstr (text, "0612345678"));
  g_assert_null (strstr (text, "NOG-EEN-GEHEIM"));
  g_assert_null (strstr (text, "private_notes"));
  g_assert_nonnull (strstr (text, "\"consent\":[\"private\""));
}

/* A colleague's copy turns private when the stub arrives, and stops
 * exporting the rest. */
static void
test_private_stub (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(KwChangeset) p = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) c = kw_changeset_new ("person", NULL);
  g_autofree char *id = NULL, *f1 = NULL, *f2 = NULL, *text = NULL;
  g_autoptr(KwRecord) copy = NULL;

  kw_changeset_set_string (p, "name", "Karin Bakker");
  kw_changeset_set_string (p, "consent", "shared");
  id = kw_store_create (a->store, p, NULL);
  f1 = export_file (a->store, dir, NULL);
  import_ok (b->store, f1);
  a->wall_ms += 1000;
  kw_changeset_set_string (c, "consent", "private");
  g_assert_true (kw_store_update (a->store, id, c, NULL));
  f2 = export_file (a->store, dir, NULL);
  import_ok (b->store, f2);
  copy = kw_store_lookup (b->store, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_string (copy, "consent"), ==, "private");
  text = export_text (b->store, dir, NULL);
  g_assert_null (strstr (text, "Karin"));
}

static void
test_partial (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 3);
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(KwChangeset) al = kw_changeset_new ("alliance", NULL);
  g_autoptr(KwChangeset) m = kw_changeset_new ("meeting", NULL);
  g_autofree char *alliance = NULL, *meeting = NULL, *full = NULL, *part = NULL;
  g_autofree char *before = NULL, *text = NULL;
  KwExportOptions scope = { KW_EXPORT_SCOPE_ALLIANCE, NULL, FALSE, NULL };

  random_writes (a->store, rand, 150);
  kw_changeset_set_string (al, "name", "Wijkalliantie Noord");
  alliance = kw_store_create (a->store, al, NULL);
  kw_changeset_set_string (m, "title", "Alliantieoverleg");
  kw_changeset_set_string (m, "alliance", alliance);
  meeting = kw_store_create (a->store, m, NULL);
  full = export_file (a->store, dir, NULL);
  import_ok (b->store, full);
  random_writes (b->store, rand, 80);  /* b edits and deletes on its own */
  a->wall_ms += 60000;
  random_writes (a->store, rand, 80);
  /* those writes may have moved the meeting to another alliance or deleted
   * it (or the alliance): the scope gets a meeting of its own after them */
  {
    g_autoptr(KwRecord) still = kw_store_get (a->store, "alliance", alliance, NULL);
    g_autoptr(KwChangeset) m2 = kw_changeset_new ("meeting", NULL);

    if (still == NULL)
      {
        g_free (alliance);
        alliance = kw_store_create (a->store, al, NULL);
      }
    kw_changeset_set_string (m2, "title", "Tweede alliantieoverleg");
    kw_changeset_set_string (m2, "alliance", alliance);
    g_free (meeting);
    meeting = kw_store_create (a->store, m2, NULL);
  }
  scope.scope_id = alliance;
  text = export_text (a->store, dir, &scope);
  g_assert_nonnull (strstr (text, meeting));
  g_assert_nonnull (strstr (text, "\"scope\":{\"kind\":\"alliance\",\"id\":\""));
  part = write_temp (dir, "part.kwartier.jsonl", text, -1);
  before = export_text (b->store, dir, NULL);
  import_ok (b->store, part);
  /* every record outside the file is exactly as it was */
  {
    g_autofree char *after = export_text (b->store, dir, NULL);
    g_autofree char *lines = record_lines (before);
    g_auto(GStrv) split = g_strsplit (lines, "\n", -1);
    guint outside = 0;

    for (guint i = 0; split[i] && *split[i]; i++)
      {
        const char *p = strstr (split[i], "\"id\":\"");
        g_autofree char *id = g_strndup (p + 6, 36);

        if (strstr (text, id) != NULL)
          continue;
        g_assert_nonnull (strstr (after, split[i]));
        outside++;
      }
    g_assert_cmpuint (outside, >, 0);
  }
}

/* A stub kept aside learns nothing from an older copy of the person
 * (spec: such values are dropped, not kept as conflicts); it stays a stub. */
static void
test_stub_later_copy (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) r = replica_new (dir, 0, T0);
  g_autofree char *example = example_path ();
  g_autofree char *good = NULL, *older = NULL, *path = NULL, *text = NULL;
  const char *id = "85368cce-9c31-465a-a0fd-747cc6d3dc78";
  g_autoptr(KwRecord) rec = NULL;
  KwImportSummary s;

  import_ok (r->store, example);
  /* an older full copy, from before the person chose private */
  older = g_strdup_printf ("{\"kwartier\":\"export\",\"format\":1,\"schema\":1,\"exported_at\":\"2026-11-22T15:00:00Z\","
                           "\"device\":\"e25186b0c78d4e618a8aaa56a7f9602a\",\"organiser\":\"X\",\"scope\":{\"kind\":\"all\"},\"seen\":{}}\n"
                           "{\"type\":\"person\",\"id\":\"%s\",\"f\":{\"consent\":[\"shared\",\"000001a203e36000-0000-e25186b0c78d4e618a8aaa56a7f9602a\",null],"
                           "\"name\":[\"Verborgen Naam\",\"000001a203e36000-0001-e25186b0c78d4e618a8aaa56a7f9602a\",null]}}\n", id);
  {
    g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
    g_autofree char *full = NULL;

    g_checksum_update (sum, (const guchar *) older, -1);
    full = g_strdup_printf ("%s{\"end\":true,\"records\":1,\"sha256\":\"%s\"}\n", older, g_checksum_get_string (sum));
    path = write_temp (dir, "older.kwartier.jsonl", full, -1);
  }
  s = import_ok (r->store, path);
  g_assert_cmpuint (s.updated, ==, 0);
  g_assert_cmpuint (s.unchanged, ==, 1);
  g_assert_null (kw_store_get (r->store, "person", id, NULL));
  g_assert_true (kw_store_is_private (r->store, "person", id));
  rec = kw_store_lookup (r->store, "person", id, NULL);
  g_assert_null (rec);
  text = export_text (r->store, dir, NULL);
  g_assert_null (strstr (text, "Verborgen"));
  /* the same export as before: the stub line is unchanged */
  g_assert_true (g_file_get_contents (example, &good, NULL, NULL));
  {
    g_autofree char *a = record_lines (good);
    g_autofree char *b = record_lines (text);
    g_assert_cmpstr (a, ==, b);
  }
}

/* Every kind of scope: the root is in, private data is not, and the
 * file imports cleanly into an empty database. */
static void
test_scopes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 9);
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  const char * const kinds[] = { "alliance", "network", "area", "meeting" };
  guint tried = 0;

  random_writes (a->store, rand, 400);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) roots = kw_store_list (a->store, kinds[k], NULL);

      for (guint i = 0; roots && i < MIN (roots->len, 3); i++)
        {
          const char *id = kw_record_get_id (g_ptr_array_index (roots, i));
          KwExportOptions options = { KW_EXPORT_SCOPE_ALL, id, FALSE, NULL };
          g_autofree char *text = NULL, *path = NULL;
          g_autoptr(Replica) b = replica_new (dir, 100 + tried, T0);

          g_assert_true (kw_export_scope_from_string (kinds[k], &options.scope));
          text = export_text (a->store, dir, &options);
          g_assert_nonnull (strstr (text, id));
          g_assert_null (strstr (text, "private_notes"));
          path = write_temp (dir, "scope.kwartier.jsonl", text, -1);
          import_ok (b->store, path);
          tried++;
        }
    }
  g_assert_cmpuint (tried, >, 0);
}

/* Concurrent edits of one field: the loser is kept as a conflict. */
static void
test_conflicts (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(KwChangeset) p = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) ea = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) eb = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) seq = kw_changeset_new ("person", NULL);
  g_autofree char *id = NULL, *f0 = NULL, *fa = NULL, *fb = NULL, *f2 = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(KwRecord) rec = NULL;
  KwImportSummary s;

  g_assert_true (kw_store_set_organiser (a->store, "Anna", NULL));
  g_assert_true (kw_store_set_organiser (b->store, "Bram", NULL));
  kw_changeset_set_string (p, "name", "Ahmed");
  id = kw_store_create (a->store, p, NULL);
  f0 = export_file (a->store, dir, NULL);
  import_ok (b->store, f0);
  a->wall_ms += 100;
  b->wall_ms += 200;
  kw_changeset_set_string (ea, "topics", "groen");
  kw_changeset_set_string (eb, "topics", "veiligheid");
  g_assert_true (kw_store_update (a->store, id, ea, NULL));
  g_assert_true (kw_store_update (b->store, id, eb, NULL));
  fa = export_file (a->store, dir, NULL);
  fb = export_file (b->store, dir, NULL);
  s = import_ok (a->store, fb);
  g_assert_cmpuint (s.conflicts, ==, 1);
  s = import_ok (b->store, fa);
  g_assert_cmpuint (s.conflicts, ==, 1);
  s = import_ok (b->store, fa);
  g_assert_cmpuint (s.conflicts, ==, 0);  /* not twice */
  rec = kw_store_get (a->store, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_string (rec, "topics"), ==, "veiligheid");
  list = kw_import_list_conflicts (a->store, FALSE, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((KwConflict *) list->pdata[0])->value_json, ==, "\"groen\"");
  g_assert_cmpstr (((KwConflict *) list->pdata[0])->field, ==, "topics");
  g_assert_cmpstr (((KwConflict *) list->pdata[0])->organiser, ==, "Anna");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kw_import_list_conflicts (b->store, FALSE, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((KwConflict *) list->pdata[0])->organiser, ==, "Anna");
  /* a sequential edit is no conflict */
  b->wall_ms += 1000;
  kw_changeset_set_string (seq, "topics", "wonen");
  g_assert_true (kw_store_update (b->store, id, seq, NULL));
  f2 = export_file (b->store, dir, NULL);
  s = import_ok (a->store, f2);
  g_assert_cmpuint (s.conflicts, ==, 0);
  g_assert_cmpuint (s.updated, ==, 1);
}

/* A deletion that meets an edit its author had not seen. */
static void
test_tombstone_conflict (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(KwChangeset) p = kw_changeset_new ("organisation", NULL);
  g_autoptr(KwChangeset) e = kw_changeset_new ("organisation", NULL);
  g_autofree char *id = NULL, *f0 = NULL, *fa = NULL, *fb = NULL;
  g_autoptr(KwRecord) rec = NULL;
  KwImportSummary s;

  kw_changeset_set_string (p, "name", "Dynamo");
  id = kw_store_create (a->store, p, NULL);
  f0 = export_file (a->store, dir, NULL);
  import_ok (b->store, f0);
  a->wall_ms += 100;
  b->wall_ms += 200;
  kw_changeset_set_string (e, "notes", "nieuw adres");
  g_assert_true (kw_store_update (a->store, id, e, NULL));
  g_assert_true (kw_store_delete (b->store, "organisation", id, NULL));
  fa = export_file (a->store, dir, NULL);
  fb = export_file (b->store, dir, NULL);
  s = import_ok (a->store, fb);
  g_assert_cmpuint (s.deleted, ==, 1);
  g_assert_cmpuint (s.conflicts, ==, 1);
  s = import_ok (b->store, fa);
  g_assert_cmpuint (s.conflicts, ==, 1);
  rec = kw_store_lookup (b->store, "organisation", id, NULL);
  g_assert_true (kw_record_is_deleted (rec));
}


/* Every value overwritten by a concurrent edit survives, as the winner
 * or as a conflict on some replica. */
static void
test_nothing_lost (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 8);
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(GPtrArray) replicas = g_ptr_array_new_with_free_func ((GDestroyNotify) replica_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char * const fields[] = { "notes", "topics", "languages" };
  g_autofree char *seed = NULL;
  Replica *a;
  GHashTableIter iter;
  gpointer key, value;
  guint n = 4, concurrent = 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (replicas, replica_new (dir, i, T0 + g_rand_int_range (rand, -5000, 5000)));
  a = g_ptr_array_index (replicas, 0);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(KwChangeset) p = kw_changeset_new ("person", NULL);
      kw_changeset_set_string (p, "name", "Persoon");
      g_ptr_array_add (ids, kw_store_create (a->store, p, NULL));
    }
  seed = export_file (a->store, dir, NULL);
  for (guint i = 1; i < n; i++)
    import_ok (((Replica *) g_ptr_array_index (replicas, i))->store, seed);
  /* concurrent edits: nobody sees anybody's until all are made */
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < 12; k++)
      {
        Replica *r = g_ptr_array_index (replicas, i);
        const char *id = g_ptr_array_index (ids, g_rand_int_range (rand, 0, (gint32) ids->len));
        const char *field = fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (fields))];
        g_autoptr(KwChangeset) c = kw_changeset_new ("person", NULL);
        char *v = g_strdup_printf ("v-%u-%u", i, k);

        replica_tick (r, rand);
        kw_changeset_set_string (c, field, v);
        g_assert_true (kw_store_update (r->store, id, c, NULL));
        g_hash_table_insert (last, g_strdup_printf ("%u %s %s", i, id, field), v);
      }
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      for (guint j = 0; j < n; j++)
        if (i != j)
          {
            g_autofree char *f = export_file (((Replica *) g_ptr_array_index (replicas, i))->store, dir, NULL);
            import_ok (((Replica *) g_ptr_array_index (replicas, j))->store, f);
          }
  g_hash_table_iter_init (&iter, last);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, " ", 3);
      g_autoptr(KwRecord) rec = kw_store_get (a->store, "person", parts[1], NULL);
      g_autofree char *json = g_strdup_printf ("\"%s\"", (char *) value);
      gboolean found = g_strcmp0 (kw_record_get_string (rec, parts[2]), value) == 0;

      for (guint i = 0; i < n && !found; i++)
        {
          g_autoptr(GPtrArray) list = kw_import_list_conflicts (((Replica *) g_ptr_array_index (replicas, i))->store, TRUE, NULL);

          for (guint c = 0; c < list->len && !found; c++)
            {
              KwConflict *k = g_ptr_array_index (list, c);
              found = g_strcmp0 (k->id, parts[1]) == 0 && g_strcmp0 (k->field, parts[2]) == 0
                      && g_strcmp0 (k->value_json, json) == 0;
            }
          concurrent += found;
        }
      if (!found)
        g_error ("value %s of %s was lost", (char *) value, (char *) key);
    }
  g_test_message ("%u concurrent values kept as conflicts", concurrent);
  g_assert_cmpuint (concurrent, >, 0);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *p = strstr (text, from);

  g_assert_nonnull (p);
  return g_strdup_printf ("%.*s%s%s", (int) (p - text), text, to, p + strlen (from));
}

/* Every refusal of the spec, each leaving the database as it was. */
static void
test_refusals (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 4);
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) r = replica_new (dir, 0, T0);
  g_autofree char *example = example_path ();
  g_autofree char *good = NULL;
  struct { const char *from; const char *to; int code; } cases[] = {
    { "\"format\":1", "\"format\":2", KW_CORE_ERROR_NEWER },
    { "\"schema\":1", "\"schema\":9", KW_CORE_ERROR_NEWER },
    { "\"kwartier\":\"export\"", "\"kwartier\":\"backup\"", KW_CORE_ERROR_REFUSED },
    { "\"key_figure\"", "\"foo\"", KW_CORE_ERROR_REFUSED },
    { "\"type\":\"organisation\"", "\"type\":\"company\"", KW_CORE_ERROR_REFUSED },
    { "[true,", "[\"yes\",", KW_CORE_ERROR_REFUSED },
    { "[true,", "[1.5,", KW_CORE_ERROR_REFUSED },
    { "689345bf-c72a", "689345bf-XXXX", KW_CORE_ERROR_REFUSED },
    { "000001a203e35f8f-0002-", "000001a203e35f8f-002-", KW_CORE_ERROR_REFUSED },
    { "\"formal\":[true,", "\"formal\":[false,\"000001a203e35f8f-0002-e25186b0c78d4e618a8aaa56a7f9602a\",null],\"formal\":[true,", KW_CORE_ERROR_REFUSED },
    { "[\"welfare\"", "[\"bakery\"", KW_CORE_ERROR_REFUSED },
    { "\"records\":4", "\"records\":5", KW_CORE_ERROR_REFUSED },
    { "\"sha256\":\"3", "\"sha256\":\"4", KW_CORE_ERROR_REFUSED },
    { "Stichting Buurtkracht", "Stichting Buurtkracht!", KW_CORE_ERROR_REFUSED },
    { "{\"end\":true", "\n{\"end\":true", KW_CORE_ERROR_REFUSED },
    { "\"name\":[\"Fatima", "\"private_notes\":[\"x\",\"000001a203e35f8f-0002-e25186b0c78d4e618a8aaa56a7f9602a\",null],\"name\":[\"Fatima", KW_CORE_ERROR_REFUSED },
    { "\"formal\":[true", "\"formal\":[[[[[[[[true]]]]]]]]", KW_CORE_ERROR_REFUSED },
    { "{\"type\":\"person\",\"id\":\"f47", "[1]\n{\"type\":\"person\",\"id\":\"f47", KW_CORE_ERROR_REFUSED },
    { "Fatima", "Fat\xff\xfema", KW_CORE_ERROR_REFUSED },
    { "Fatima", "Fa\\ud800tima", KW_CORE_ERROR_REFUSED },
    { "\"kind\":[\"welfare\"", "\"kind\":[\"welfare\",\"000001a203e35f8f-0001-e25186b0c78d4e618a8aaa56a7f9602a\",null,1],\"x\":[\"welfare\"", KW_CORE_ERROR_REFUSED },
  };

  random_writes (r->store, rand, 60);
  g_assert_true (g_file_get_contents (example, &good, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = replace_once (good, cases[i].from, cases[i].to);
      g_autofree char *name = g_strdup_printf ("bad-%u.jsonl", i);
      g_autofree char *path = write_temp (dir, name, bad, -1);

      import_refused (r->store, path, cases[i].code);
    }
  /* truncated: every cut before the trailer's end */
  for (gsize cut = 0; cut < strlen (good) - 2; cut += 97)
    {
      g_autofree char *path = write_temp (dir, "cut.jsonl", good, (gssize) cut);
      import_refused (r->store, path, KW_CORE_ERROR_REFUSED);
    }
  /* a line over 1 MiB */
  {
    g_autofree char *big = g_strnfill (1024 * 1024 + 10, 'a');
    g_autofree char *text = replace_once (good, "Kent de moskeebesturen", big);
    g_autofree char *path = write_temp (dir, "long.jsonl", text, -1);
    import_refused (r->store, path, KW_CORE_ERROR_REFUSED);
  }
}

static void
test_dry_run (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 5);
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autofree char *file = NULL, *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  KwImportSummary dry, real;

  random_writes (a->store, rand, 100);
  random_writes (b->store, rand, 50);
  file = export_file (a->store, dir, NULL);
  before = dump_database (b->path);
  g_assert_true (kw_import_file (b->store, file, TRUE, &dry, &error));
  g_assert_no_error (error);
  after = dump_database (b->path);
  g_assert_cmpstr (before, ==, after);
  real = import_ok (b->store, file);
  g_assert_cmpuint (dry.added, ==, real.added);
  g_assert_cmpuint (dry.updated, ==, real.updated);
  g_assert_cmpuint (dry.deleted, ==, real.deleted);
  g_assert_cmpuint (dry.unchanged, ==, real.unchanged);
}

static void
test_skew (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0 + G_GINT64_CONSTANT (3) * 86400000);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(KwChangeset) p = kw_changeset_new ("area", NULL);
  g_autofree char *id = NULL, *file = NULL, *clock = NULL;
  KwImportSummary s;

  kw_changeset_set_string (p, "name", "Oost");
  id = kw_store_create (a->store, p, NULL);
  file = export_file (a->store, dir, NULL);
  s = import_ok (b->store, file);
  g_assert_cmpuint (s.added, ==, 1);
  g_assert_cmpuint (s.skew, ==, 1);
  /* b's clock moved no further than its wall clock plus a day (spec,
   * "HLC"), yet a local write to the field still beats the stamp */
  clock = kw_store_dup_clock (b->store);
  {
    g_autoptr(KwRecord) rec = kw_store_get (b->store, "area", id, NULL);
    g_autoptr(KwRecord) after = NULL;
    g_autoptr(KwChangeset) edit = kw_changeset_new ("area", NULL);
    g_autofree char *imported = g_strdup (kw_record_get_stamp (rec, "name"));

    g_assert_cmpint (strncmp (clock, imported, 21), <, 0);
    g_assert_cmpint (kw_hlc_get_ms (clock), <=, T0 + KW_HLC_DAY_MS);
    kw_changeset_set_string (edit, "name", "Oost-Zuid");
    g_assert_true (kw_store_update (b->store, id, edit, NULL));
    after = kw_store_get (b->store, "area", id, NULL);
    g_assert_cmpint (kw_hlc_compare (kw_record_get_stamp (after, "name"), imported), >, 0);
  }
}

static void
test_gzip_seal (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 6);
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(Replica) c = replica_new (dir, 2, T0);
  KwExportOptions gz = { KW_EXPORT_SCOPE_ALL, NULL, TRUE, NULL };
  KwExportOptions sealed = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, "correct horse" };
  g_autofree char *f1 = NULL, *f2 = NULL, *t1 = NULL, *t2 = NULL, *raw = NULL;
  g_autoptr(GError) error = NULL;
  KwImportSummary s;
  gsize len;

  random_writes (a->store, rand, 200);
  f1 = export_file (a->store, dir, &gz);
  f2 = export_file (a->store, dir, &sealed);
  import_ok (b->store, f1);
  g_assert_false (kw_import_file_full (c->store, f2, "wrong horse", FALSE, &s, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (kw_import_file (c->store, f2, FALSE, &s, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
  g_clear_error (&error);
  /* a changed byte */
  g_assert_true (g_file_get_contents (f2, &raw, &len, NULL));
  raw[len / 2] ^= 1;
  {
    g_autofree char *bad = write_temp (dir, "bad.sealed", raw, (gssize) len);
    g_assert_false (kw_import_file_full (c->store, bad, "correct horse", FALSE, &s, &error));
    g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
    g_clear_error (&error);
  }
  g_assert_true (kw_import_file_full (c->store, f2, "correct horse", FALSE, &s, &error));
  g_assert_no_error (error);
  t1 = export_text (b->store, dir, NULL);
  t2 = export_text (c->store, dir, NULL);
  assert_same_records (t1, t2);
}

static void
count_refused_cb (const char             *path,
                  KwSyncFileStatus        status,
                  const KwImportSummary  *summary,
                  const GError           *error,
                  gpointer                user_data)
{
  guint *counts = user_data;

  counts[status]++;
}

static void
test_folder (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (test_seed () + 7);
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0 + 3000);
  g_autofree char *ta = NULL, *tb = NULL, *junk = NULL;
  guint counts[4] = { 0 };
  guint refused = 0;
  g_autoptr(GError) error = NULL;

  g_mkdir (folder, 0700);
  random_writes (a->store, rand, 60);
  random_writes (b->store, rand, 60);
  for (guint pass = 0; pass < 2; pass++)
    {
      g_assert_true (kw_sync_folder_run (a->store, folder, NULL, count_refused_cb, counts, &refused, &error));
      g_assert_true (kw_sync_folder_run (b->store, folder, NULL, count_refused_cb, counts, &refused, &error));
    }
  g_assert_no_error (error);
  g_assert_cmpuint (refused, ==, 0);
  ta = export_text (a->store, dir, NULL);
  tb = export_text (b->store, dir, NULL);
  assert_same_records (ta, tb);
  /* a bad file is reported, skipped, and does not stop the others */
  junk = write_temp (folder, "ffffffffffffffffffffffffffffffff.kwartier.jsonl", "{\"x\":1}\n", -1);
  g_assert_true (kw_sync_folder_run (a->store, folder, NULL, count_refused_cb, counts, &refused, &error));
  g_assert_cmpuint (refused, ==, 1);
  /* b's file did not change since: skipped by its digest */
  counts[KW_SYNC_FILE_UNCHANGED] = 0;
  g_assert_true (kw_sync_folder_run (a->store, folder, NULL, count_refused_cb, counts, &refused, &error));
  g_assert_cmpuint (counts[KW_SYNC_FILE_UNCHANGED], ==, 1);
}

/* Files of the fuzz corpus: each is imported or refused, nothing else. */
static void
test_corpus (void)
{
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", NULL);
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) r = replica_new (dir, 0, T0);
  g_autoptr(GDir) d = g_dir_open (corpus, 0, NULL);
  const char *name;
  guint n = 0;

  if (d == NULL)
    {
      g_test_skip ("no corpus");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (corpus, name, NULL);
      g_autoptr(GError) error = NULL;
      KwImportSummary s;

      if (!kw_import_file_full (r->store, path, "fuzz", FALSE, &s, &error))
        g_assert_true (error->domain == KW_CORE_ERROR);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/sync/example", test_example);
  g_test_add_func ("/kw/sync/roundtrip", test_roundtrip);
  g_test_add_func ("/kw/sync/idempotence", test_idempotence);
  g_test_add_func ("/kw/sync/commutativity", test_commutativity);
  g_test_add_func ("/kw/sync/associativity", test_associativity);
  g_test_add_func ("/kw/sync/convergence", test_convergence);
  g_test_add_func ("/kw/sync/privacy", test_privacy);
  g_test_add_func ("/kw/sync/private-stub", test_private_stub);
  g_test_add_func ("/kw/sync/stub-later-copy", test_stub_later_copy);
  g_test_add_func ("/kw/sync/partial", test_partial);
  g_test_add_func ("/kw/sync/scopes", test_scopes);
  g_test_add_func ("/kw/sync/conflicts", test_conflicts);
  g_test_add_func ("/kw/sync/tombstone-conflict", test_tombstone_conflict);
  g_test_add_func ("/kw/sync/nothing-lost", test_nothing_lost);
  g_test_add_func ("/kw/sync/refusals", test_refusals);
  g_test_add_func ("/kw/sync/dry-run", test_dry_run);
  g_test_add_func ("/kw/sync/skew", test_skew);
  g_test_add_func ("/kw/sync/gzip-seal", test_gzip_seal);
  g_test_add_func ("/kw/sync/folder", test_folder);
  g_test_add_func ("/kw/sync/corpus", test_corpus);

  {
    int status = g_test_run ();

    helper_cleanup ();
    return status;
  }
}
