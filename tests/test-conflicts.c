/* test-conflicts.c: the conflicts API of the core (kw-conflicts.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Decoding: conflicts written straight into the sync engine's table, so
 * that every kind of JSON text a file may hold is met (escapes, surrogate
 * pairs, numbers, literals, null, dates). Choices: two databases, Anna's
 * and Bram's, change or delete the same person before they sync; export
 * and import make the conflict, the core resolves it.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "kw-conflicts.h"
#include "kw-error.h"
#include "kw-export.h"
#include "kw-hlc.h"
#include "kw-import.h"
#include "kw-test-files.h"
#include "kw-test-store.h"

#define T0 G_GINT64_CONSTANT (1763800000000)  /* ms, November 2025 */
#define STAMP "0000019aa5b0a400-0000-709e99140000000000000000000000aa"

typedef struct {
  char    *dir;
  char    *path;
  KwStore *store;   /* Anna's */
  KwStore *bram;
  gint64   clock_anna;
  gint64   clock_bram;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bram = NULL;

  f->dir = g_dir_make_tmp ("kw-test-conflicts-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "anna.db", NULL);
  bram = g_build_filename (f->dir, "bram.db", NULL);
  f->store = kw_store_open (f->path, &error);
  g_assert_no_error (error);
  f->bram = kw_store_open (bram, &error);
  g_assert_no_error (error);
  f->clock_anna = f->clock_bram = T0;
  kw_store_set_wall_clock (f->store, kw_test_wall_clock, &f->clock_anna);
  kw_store_set_wall_clock (f->bram, kw_test_wall_clock, &f->clock_bram);
  g_assert_true (kw_store_set_organiser (f->store, "Anna", NULL));
  g_assert_true (kw_store_set_organiser (f->bram, "Bram", NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->bram);
  kw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Helpers */

/* Femke, made by Anna and synced to Bram; then Bram (first) and Anna
 * (later) each set @field without seeing the other, and Anna imports
 * Bram's export: her value stays, his is the conflict. With @value_b
 * NULL Bram deletes Femke instead, after setting her phone. */
static char *
make_conflict (Fixture    *f,
               const char *field,
               const char *value_a,
               const char *value_b,
               guint       conflicts)
{
  g_autoptr(KwChangeset) person = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *seed = NULL, *from = NULL;
  char *id;

  kw_changeset_set_string (person, "name", "Femke Zonneveld");
  id = kw_store_create (f->store, person, &error);
  g_assert_no_error (error);
  seed = kw_test_export_all (f->store, f->dir, "seed.jsonl");
  kw_test_import (f->bram, seed, 0);

  f->clock_bram = T0 + 60000;
  f->clock_anna = T0 + 120000;
  if (value_b != NULL)
    {
      kw_test_set_string (f->bram, "person", id, field, value_b);
      kw_test_set_string (f->store, "person", id, field, value_a);
      from = kw_test_export_all (f->bram, f->dir, "bram.jsonl");
      kw_test_import (f->store, from, conflicts);
    }
  else
    {
      /* Anna edits, Bram deletes: Anna's edits meet his tombstone */
      kw_test_set_string (f->store, "person", id, "phone", "020 555 0101");
      kw_test_set_string (f->store, "person", id, field, value_a);
      g_assert_true (kw_store_delete (f->bram, "person", id, NULL));
      from = kw_test_export_all (f->bram, f->dir, "bram.jsonl");
      kw_test_import (f->store, from, conflicts);
    }
  return id;
}

static GPtrArray *
list (KwStore  *store,
      gboolean  all)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = kw_import_list_conflicts (store, all, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conflicts);
  return conflicts;
}

/* A conflict written into the table as a file could have made it. */
static void
insert_raw (Fixture    *f,
            const char *type,
            const char *field,
            const char *json)
{
  static guint n;
  g_autofree char *record = g_strdup_printf ("%032x", ++n);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                     "INSERT INTO sync_conflicts (type, record, field, value, hlc, kind, noted_at)"
                     " VALUES (?, ?, ?, ?, ?, 'edit', '2025-11-22T09:00:00Z')", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  if (json != NULL)
    sqlite3_bind_text (stmt, 4, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, STAMP, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Tests: decoding */

typedef struct {
  const char *type;
  const char *field;
  const char *json;
  gboolean    read;
  const char *expected;  /* g_variant_print of the value; NULL for null */
} DecodeCase;

static const DecodeCase decode_cases[] = {
  /* strings: escapes, a surrogate pair, raw UTF-8 */
  { "person", "name", "\"Jo\\u00EBlle \\\"Jo\\\" Buurvrouw\"", TRUE, "'Joëlle \"Jo\" Buurvrouw'" },
  { "person", "notes", "\"regel 1\\nregel 2\\t\\u20ac \\ud83c\\udf37 \\/ \\\\\"", TRUE,
    "'regel 1\\nregel 2\\t€ 🌷 / \\\\'" },
  { "person", "languages", "\"Türkçe, العربية\"", TRUE, "'Türkçe, العربية'" },
  { "person", "phone", "null", TRUE, NULL },
  { "person", "phone", NULL, TRUE, NULL },
  /* a lone surrogate is no text; a number is no string */
  { "person", "phone", "\"\\ud800\"", FALSE, NULL },
  { "person", "phone", "12", FALSE, NULL },
  /* a required field cannot be null */
  { "person", "name", "null", FALSE, NULL },
  /* integers and cents; out of range, a fraction, a string are not */
  { "venue", "capacity", "120", TRUE, "int64 120" },
  { "venue", "capacity", "100001", FALSE, NULL },
  { "venue", "capacity", "1.5", FALSE, NULL },
  { "action_line", "budget_cents", "-250075", TRUE, "int64 -250075" },
  { "action_line", "budget_cents", "\"12\"", FALSE, NULL },
  /* booleans */
  { "person", "key_figure", "true", TRUE, "true" },
  { "meeting", "food", "false", TRUE, "false" },
  { "meeting", "food", "1", FALSE, NULL },
  /* dates and times */
  { "person", "consent_date", "\"2025-03-04\"", TRUE, "'2025-03-04'" },
  { "person", "consent_date", "\"2025-02-30\"", FALSE, NULL },
  { "meeting", "starts_at", "\"2025-11-22T14:05:00Z\"", TRUE, "'2025-11-22T14:05:00Z'" },
  { "meeting", "starts_at", "\"22 November\"", FALSE, NULL },
  /* enums */
  { "person", "consent", "\"shared\"", TRUE, "'shared'" },
  { "person", "consent", "\"everyone\"", FALSE, NULL },
  /* not JSON at all */
  { "person", "phone", "\"open", FALSE, NULL },
};

static void
test_decode (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) conflicts = list (f->store, FALSE);  /* makes the table */

  g_assert_cmpuint (conflicts->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (decode_cases); i++)
    insert_raw (f, decode_cases[i].type, decode_cases[i].field, decode_cases[i].json);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = list (f->store, FALSE);
  g_assert_cmpuint (conflicts->len, ==, G_N_ELEMENTS (decode_cases));
  for (guint i = 0; i < conflicts->len; i++)
    {
      const DecodeCase *want = &decode_cases[i];
      KwConflict *c = conflicts->pdata[i];
      g_autofree char *printed = c->value ? g_variant_print (c->value, TRUE) : NULL;

      g_test_message ("%s.%s = %s", want->type, want->field, want->json ? want->json : "(NULL)");
      g_assert_cmpstr (c->field, ==, want->field);
      g_assert_cmpint (c->value_read, ==, want->read);
      g_assert_cmpstr (printed, ==, want->expected);
    }
}

/* Tests: choices */

static void
test_use (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *id = make_conflict (f, "phone", "020 555 0102", "06 1234 5678 (Bram’s)", 1);
  g_autoptr(GPtrArray) conflicts = list (f->store, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwRecord) before = kw_store_get (f->store, "person", id, NULL);
  g_autoptr(KwRecord) after = NULL;
  g_autofree char *stamp_before = g_strdup (kw_record_get_stamp (before, "phone"));
  KwConflict *c;
  gint64 rowid;
  KwHlc hlc;

  g_assert_cmpuint (conflicts->len, ==, 1);
  c = conflicts->pdata[0];
  rowid = c->rowid;
  g_assert_true (c->value_read);
  g_assert_cmpstr (g_variant_get_string (c->value, NULL), ==, "06 1234 5678 (Bram’s)");
  g_assert_cmpstr (kw_record_get_string (before, "phone"), ==, "020 555 0102");

  f->clock_anna = T0 + 180000;
  g_assert_true (kw_conflict_use (f->store, rowid, &error));
  g_assert_no_error (error);
  after = kw_store_get (f->store, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_string (after, "phone"), ==, "06 1234 5678 (Bram’s)");
  /* a new write of this device, after what it replaced */
  g_assert_true (kw_hlc_compare (kw_record_get_stamp (after, "phone"), stamp_before) > 0);
  g_assert_true (kw_hlc_compare (kw_record_get_stamp (after, "phone"), c->hlc) > 0);
  g_assert_true (kw_hlc_parse (kw_record_get_stamp (after, "phone"), &hlc));
  g_assert_cmpstr (hlc.device, ==, kw_store_get_device_id (f->store));
  /* the conflict resolved, kept in the history */
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = list (f->store, FALSE);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = list (f->store, TRUE);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (((KwConflict *) conflicts->pdata[0])->resolved);

  /* a second use of the same id: not an unresolved conflict */
  g_assert_false (kw_conflict_use (f->store, rowid, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kw_conflict_use (f->store, 4242, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
}

static void
test_use_syncs (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = make_conflict (f, "email", "femke@example.org", "f.zonneveld@example.net", 1);
  g_autoptr(GPtrArray) conflicts = list (f->store, FALSE);
  g_autofree char *from_anna = NULL;
  g_autoptr(KwRecord) at_bram = NULL;
  g_autoptr(GError) error = NULL;

  /* Bram had not seen Anna's value yet: taking his back is no conflict for him */
  f->clock_anna = T0 + 180000;
  g_assert_true (kw_conflict_use (f->store, ((KwConflict *) conflicts->pdata[0])->rowid, &error));
  g_assert_no_error (error);
  from_anna = kw_test_export_all (f->store, f->dir, "anna.jsonl");
  kw_test_import (f->bram, from_anna, 0);
  at_bram = kw_store_get (f->bram, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_string (at_bram, "email"), ==, "f.zonneveld@example.net");
}

static void
test_keep (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *id = make_conflict (f, "phone", "020 555 0102", "06 1234 5678", 1);
  g_autoptr(GPtrArray) conflicts = list (f->store, FALSE);
  g_autoptr(KwRecord) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_conflict_keep (f->store, ((KwConflict *) conflicts->pdata[0])->rowid, &error));
  g_assert_no_error (error);
  after = kw_store_get (f->store, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_string (after, "phone"), ==, "020 555 0102");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = list (f->store, FALSE);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static void
test_use_deleted (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = make_conflict (f, "topics", "buurtkamer", NULL, 2);
  g_autoptr(GPtrArray) conflicts = list (f->store, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (conflicts->len, ==, 2);
  g_assert_false (kw_conflict_use (f->store, ((KwConflict *) conflicts->pdata[0])->rowid, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = list (f->store, FALSE);
  g_assert_cmpuint (conflicts->len, ==, 2);
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *id = make_conflict (f, "topics", "buurtkamer, speeltuin", NULL, 2);
  g_autofree char *new_id = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(KwRecord) tombstone = NULL;
  g_autoptr(KwRecord) restored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_conflicts_restore_record (f->store, "person", id, &new_id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (new_id);
  g_assert_cmpstr (new_id, !=, id);
  /* the tombstone stays a tombstone; a new record holds the kept values */
  tombstone = kw_store_lookup (f->store, "person", id, NULL);
  g_assert_true (tombstone == NULL || kw_record_is_deleted (tombstone));
  restored = kw_store_get (f->store, "person", new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_record_get_string (restored, "phone"), ==, "020 555 0101");
  g_assert_cmpstr (kw_record_get_string (restored, "topics"), ==, "buurtkamer, speeltuin");
  /* the name was not edited, so not kept: a placeholder */
  g_assert_cmpstr (kw_record_get_string (restored, "name"), ==, "Restored record");
  conflicts = list (f->store, FALSE);
  g_assert_cmpuint (conflicts->len, ==, 0);
  /* nothing left to restore */
  g_assert_false (kw_conflicts_restore_record (f->store, "person", id, NULL, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
}

static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *id = make_conflict (f, "topics", "buurtkamer", NULL, 2);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(KwRecord) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_conflicts_discard_record (f->store, "person", id, &error));
  g_assert_no_error (error);
  conflicts = list (f->store, FALSE);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = list (f->store, TRUE);
  g_assert_cmpuint (conflicts->len, ==, 2);
  tombstone = kw_store_lookup (f->store, "person", id, NULL);
  g_assert_true (tombstone == NULL || kw_record_is_deleted (tombstone));
  g_assert_false (kw_conflicts_discard_record (f->store, "person", id, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kw/conflicts/decode", test_decode);
  ADD ("/kw/conflicts/use", test_use);
  ADD ("/kw/conflicts/use-syncs", test_use_syncs);
  ADD ("/kw/conflicts/keep", test_keep);
  ADD ("/kw/conflicts/use-deleted", test_use_deleted);
  ADD ("/kw/conflicts/restore", test_restore);
  ADD ("/kw/conflicts/discard", test_discard);
#undef ADD

  return g_test_run ();
}
