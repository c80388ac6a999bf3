/* test-skip-unchanged.c: a pass costs what changed (issue 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import notes, per record, the digest of a line whose merge left the
 * row holding exactly that line (sync_lines); the next import skips a
 * byte-equal line without parsing it. Checked here: a re-import of an
 * unchanged file reports everything unchanged and changes no stamp; a
 * file in which one line changed is merged for that line; a line whose
 * record was edited locally since is not skipped (its digest went with
 * the edit); a fresh import that builds the full-text index in bulk at
 * its end finds what the row-by-row path finds, and search follows later
 * writes again.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "kw-demo.h"
#include "sync-helpers.h"

#define T0 G_GINT64_CONSTANT (1795000000000)  /* Nov 2026, in ms */

/* The digest table, read from the database file (NULL @id: its size). */
static gint64
count_lines (const char *db_path,
             const char *id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, id ? "SELECT count(*) FROM sync_lines WHERE id = ?"
                                       : "SELECT count(*) FROM sync_lines", -1, &stmt, NULL), ==, SQLITE_OK);
  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A small world on a: people, an organisation, affiliations, a deleted one. */
static GPtrArray *
build (KwStore *store)
{
  GPtrArray *people = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *org = helper_put (store, "organisation", "name", "Buurthuis De Ketel", NULL);
  g_autofree char *gone = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bewoner %02u Lindengracht", i);
      char *p = helper_put (store, "person", "name", name, "consent", "shared", "phone", "020 555 0100", NULL);
      g_autofree char *aff = helper_put (store, "affiliation", "person", p, "organisation", org,
                                  "role", "vrijwilliger", NULL);

      g_ptr_array_add (people, p);
    }
  gone = helper_put (store, "person", "name", "Weg Persoon", "consent", "shared", NULL);
  g_assert_true (kw_store_delete (store, "person", gone, NULL));
  return people;
}

static void
test_unchanged (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(GPtrArray) people = build (a->store);
  g_autofree char *file = export_file (a->store, dir, NULL);
  g_autofree char *before = NULL, *after = NULL, *again = NULL;
  KwImportSummary first, s;

  first = import_ok (b->store, file);
  g_assert_cmpuint (first.added + first.deleted, ==, first.records);
  /* every line of a's export left b holding exactly it */
  g_assert_cmpint (count_lines (b->path, NULL), ==, first.records);
  before = dump_database (b->path);
  s = import_ok (b->store, file);
  g_assert_cmpuint (s.records, ==, first.records);
  g_assert_cmpuint (s.unchanged, ==, s.records);
  g_assert_cmpuint (s.added + s.updated + s.deleted + s.conflicts + s.skew, ==, 0);
  after = dump_database (b->path);
  g_assert_cmpstr (before, ==, after);  /* no stamp, no value, no digest changed */
  /* and b's own export is a's, line for line */
  {
    g_autofree char *ta = export_text (a->store, dir, NULL);
    g_autofree char *tb = export_text (b->store, dir, NULL);
    g_autofree char *la = record_lines (ta);
    g_autofree char *lb = record_lines (tb);

    g_assert_cmpstr (la, ==, lb);
  }
  /* a takes b's export, byte-equal to its own lines: noted, then skipped */
  {
    g_autofree char *from_b = export_file (b->store, dir, NULL);

    s = import_ok (a->store, from_b);
    g_assert_cmpuint (s.unchanged, ==, s.records);
    g_assert_cmpint (count_lines (a->path, NULL), ==, s.records);
    again = dump_database (a->path);
    s = import_ok (a->store, from_b);
    g_assert_cmpuint (s.unchanged, ==, s.records);
    g_clear_pointer (&after, g_free);
    after = dump_database (a->path);
    g_assert_cmpstr (again, ==, after);
  }
}

static void
test_one_changed (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(GPtrArray) people = build (a->store);
  const char *who = g_ptr_array_index (people, 3);
  g_autofree char *file = export_file (a->store, dir, NULL);
  g_autofree char *later = NULL;
  g_autoptr(KwRecord) held = NULL;
  KwImportSummary s;

  import_ok (b->store, file);
  a->wall_ms += 60000;
  helper_update (a->store, "person", who, "phone", "06 1234 5678");
  later = export_file (a->store, dir, NULL);
  s = import_ok (b->store, later);
  g_assert_cmpuint (s.updated, ==, 1);
  g_assert_cmpuint (s.unchanged, ==, s.records - 1);
  held = kw_store_get (b->store, "person", who, NULL);
  g_assert_cmpstr (kw_record_get_string (held, "phone"), ==, "06 1234 5678");
  /* the merged line is b's row again: noted for next time */
  g_assert_cmpint (count_lines (b->path, who), ==, 1);
  s = import_ok (b->store, later);
  g_assert_cmpuint (s.unchanged, ==, s.records);
}

/* b edits a record after importing a's file: the digest goes with the
 * edit, and the same line is parsed and merged (the edit stays). A
 * write from a third file that changes the row drops it the same way. */
static void
test_edited_locally (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(Replica) c = replica_new (dir, 2, T0);
  g_autoptr(GPtrArray) people = build (a->store);
  const char *who = g_ptr_array_index (people, 5);
  const char *other = g_ptr_array_index (people, 6);
  g_autofree char *file = export_file (a->store, dir, NULL);
  g_autofree char *from_c = NULL;
  g_autoptr(KwRecord) held = NULL;
  g_autoptr(KwRecord) held_other = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  KwImportSummary s;

  import_ok (b->store, file);
  import_ok (c->store, file);
  g_assert_cmpint (count_lines (b->path, who), ==, 1);
  b->wall_ms += 60000;
  helper_update (b->store, "person", who, "name", "Bewoner Vijf Anders");
  g_assert_cmpint (count_lines (b->path, who), ==, 0);
  /* c edits another person; b merges it: that digest goes too */
  c->wall_ms += 120000;
  helper_update (c->store, "person", other, "phone", "06 8765 4321");
  from_c = export_file (c->store, dir, NULL);
  import_ok (b->store, from_c);
  held_other = kw_store_get (b->store, "person", other, NULL);
  g_assert_cmpstr (kw_record_get_string (held_other, "phone"), ==, "06 8765 4321");
  /* the older file again: both lines are parsed and lose, nothing else moves */
  s = import_ok (b->store, file);
  g_assert_cmpuint (s.unchanged, ==, s.records);
  g_assert_cmpuint (s.conflicts, ==, 0);
  held = kw_store_get (b->store, "person", who, NULL);
  g_assert_cmpstr (kw_record_get_string (held, "name"), ==, "Bewoner Vijf Anders");
  g_clear_object (&held_other);
  held_other = kw_store_get (b->store, "person", other, NULL);
  g_assert_cmpstr (kw_record_get_string (held_other, "phone"), ==, "06 8765 4321");
  /* their rows are not a's lines any more: no digest noted for them */
  g_assert_cmpint (count_lines (b->path, who), ==, 0);
  g_assert_cmpint (count_lines (b->path, other), ==, 1);  /* c's line: b holds it */
  conflicts = kw_import_list_conflicts (b->store, TRUE, NULL);
  g_assert_cmpuint (conflicts->len, ==, 0);
  /* delete drops the digest too */
  g_assert_true (kw_store_delete (b->store, "person", other, NULL));
  g_assert_cmpint (count_lines (b->path, other), ==, 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
search_ids (KwStore    *store,
            const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = kw_store_search (store, query, NULL, 1000000, &error);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      KwSearchHit *hit = g_ptr_array_index (hits, i);

      g_ptr_array_add (ids, g_strconcat (hit->type_name, " ", hit->id, NULL));
    }
  g_ptr_array_unref (hits);
  g_ptr_array_sort (ids, compare_strings);
  return ids;
}

/* Every table, index and trigger of the database, with its SQL. */
static char *
dump_schema (const char *db_path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < 4; c++)
      g_string_append_printf (out, "%s%c", sqlite3_column_text (stmt, c) ? (const char *) sqlite3_column_text (stmt, c) : "",
                              c == 3 ? '\n' : '|');
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* The hits of @y, less those it had before (@before), are those of @x. */
static void
assert_same_hits (KwStore    *x,
                  KwStore    *y,
                  GHashTable *before,
                  const char *query)
{
  g_autoptr(GPtrArray) hx = search_ids (x, query);
  g_autoptr(GPtrArray) all = search_ids (y, query);
  g_autoptr(GPtrArray) hy = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (before == NULL || !g_hash_table_contains (before, g_ptr_array_index (all, i)))
      g_ptr_array_add (hy, g_ptr_array_index (all, i));
  g_test_message ("“%s”: %u hits", query, hx->len);
  g_assert_cmpuint (hx->len, >, 0);
  g_assert_cmpuint (hx->len, ==, hy->len);
  for (guint i = 0; i < hx->len; i++)
    g_assert_cmpstr (g_ptr_array_index (hx, i), ==, g_ptr_array_index (hy, i));
}

static const char * const queries[] = { "buurt", "Groot", "Paweł", "Doğan", "ali", "school", "Noord", "020", NULL };

/* A fresh import (well over the bulk threshold: the index is built at the
 * end) against the same file imported into a database that already held
 * thousands of searchable rows (row by row, through the triggers): the
 * same hits for the records of the file. */
static void
test_bulk_fts (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(Replica) c = replica_new (dir, 2, T0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *file = NULL, *more = NULL;
  g_autofree char *person = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  KwImportSummary s;

  g_assert_true (kw_demo_generate (a->store, 400, 7, &error));
  g_assert_no_error (error);
  g_assert_true (kw_demo_generate (c->store, 2500, 8, &error));
  g_assert_no_error (error);
  for (guint i = 0; queries[i]; i++)
    {
      g_autoptr(GPtrArray) had = search_ids (c->store, queries[i]);

      for (guint k = 0; k < had->len; k++)
        g_hash_table_add (before, g_strdup (g_ptr_array_index (had, k)));
    }
  file = export_file (a->store, dir, NULL);
  s = import_ok (b->store, file);
  g_test_message ("fresh import: %u records added", s.added);
  g_assert_cmpuint (s.added, >, 2000);
  /* the triggers and indexes dropped for the import are all back, as they were */
  {
    g_autofree char *bulk = dump_schema (b->path);
    g_autofree char *other = dump_schema (c->path);

    g_assert_nonnull (strstr (bulk, "person.fts.insert"));
    g_assert_nonnull (strstr (bulk, "index|person.title|person|"));
    g_assert_cmpstr (bulk, ==, other);
  }
  import_ok (c->store, file);
  for (guint i = 0; queries[i]; i++)
    assert_same_hits (b->store, c->store, before, queries[i]);
  /* the triggers are back: a later write is found, the old name no more */
  person = helper_put (b->store, "person", "name", "Zwaantje Qwerty", "consent", "shared", NULL);
  hits = search_ids (b->store, "Qwerty");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  helper_update (b->store, "person", person, "name", "Zwaantje Asdfgh");
  hits = search_ids (b->store, "Qwerty");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* a's new person reaches b in a small import, row by row */
  helper_put (a->store, "person", "name", "Jan Uytdehaage", "consent", "shared", NULL);
  more = export_file (a->store, dir, NULL);
  s = import_ok (b->store, more);
  g_assert_cmpuint (s.added, ==, 1);
  hits = search_ids (b->store, "Uytdehaage");
  g_assert_cmpuint (hits->len, ==, 1);
}

/* The header, @lines and a new trailer. */
static char *
write_file (const char *dir,
            const char *header,
            GPtrArray  *lines)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) s = g_string_new (header);
  static guint n;
  g_autofree char *name = g_strdup_printf ("variant-%u.kwartier.jsonl", n++);
  char *path = g_build_filename (dir, name, NULL);

  g_string_append_c (s, '\n');
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (s, g_ptr_array_index (lines, i));
      g_string_append_c (s, '\n');
    }
  g_checksum_update (sum, (const guchar *) s->str, (gssize) s->len);
  g_string_append_printf (s, "{\"end\":true,\"records\":%u,\"sha256\":\"%s\"}\n", lines->len,
                          g_checksum_get_string (sum));
  g_assert_true (g_file_set_contents (path, s->str, (gssize) s->len, NULL));
  return path;
}

/* The exporter's layout is read without json-glib: escapes come back
 * exactly; a line in another layout (a space, an escape the writer does
 * not use) is read by json-glib to the same record, and not noted. */
static void
test_layouts (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(Replica) c = replica_new (dir, 2, T0);
  const char *notes = "Zegt \"hallo\" \\ tab\there\nnieuwe regel\r\x01 café";
  g_autofree char *who = helper_put (a->store, "person", "name", "Renée Überbeek", "consent", "shared",
                              "notes", notes, NULL);
  g_autoptr(GPtrArray) people = build (a->store);
  g_autofree char *file = export_file (a->store, dir, NULL);
  g_autofree char *text = NULL, *variant = NULL, *tb = NULL, *tc = NULL, *lb = NULL, *lc = NULL;
  g_auto(GStrv) split = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KwRecord) held = NULL;
  KwImportSummary s;

  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\\u0001"));  /* the writer's own escapes */
  split = g_strsplit (text, "\n", -1);
  for (guint i = 1; split[i] != NULL && g_str_has_prefix (split[i], "{\"type\""); i++)
    {
      GString *line = g_string_new (split[i]);

      /* every other line with a space, the others with é written \u00e9 */
      if (i % 2)
        g_string_insert_c (line, 1, ' ');
      else
        g_string_replace (line, "é", "\\u00e9", 0);
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  variant = write_file (dir, split[0], lines);
  s = import_ok (b->store, variant);
  g_assert_cmpuint (s.added + s.deleted, ==, lines->len);
  g_assert_cmpint (count_lines (b->path, NULL), <, lines->len);
  import_ok (c->store, file);
  held = kw_store_get (c->store, "person", who, NULL);
  g_assert_cmpstr (kw_record_get_string (held, "notes"), ==, notes);
  g_assert_cmpstr (kw_record_get_string (held, "name"), ==, "Renée Überbeek");
  g_clear_object (&held);
  held = kw_store_get (b->store, "person", who, NULL);
  g_assert_cmpstr (kw_record_get_string (held, "notes"), ==, notes);
  g_assert_cmpstr (kw_record_get_string (held, "name"), ==, "Renée Überbeek");
  tb = export_text (b->store, dir, NULL);
  tc = export_text (c->store, dir, NULL);
  lb = record_lines (tb);
  lc = record_lines (tc);
  g_assert_cmpstr (lb, ==, lc);
  /* the canonical file on b: nothing changes, and the lines are noted */
  s = import_ok (b->store, file);
  g_assert_cmpuint (s.unchanged, ==, s.records);
  g_assert_cmpint (count_lines (b->path, NULL), ==, s.records);
}

int
main (int    argc,
      char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/skip-unchanged/unchanged", test_unchanged);
  g_test_add_func ("/kw/skip-unchanged/one-changed", test_one_changed);
  g_test_add_func ("/kw/skip-unchanged/edited-locally", test_edited_locally);
  g_test_add_func ("/kw/skip-unchanged/bulk-fts", test_bulk_fts);
  g_test_add_func ("/kw/skip-unchanged/layouts", test_layouts);
  rc = g_test_run ();
  helper_cleanup ();
  return rc;
}
