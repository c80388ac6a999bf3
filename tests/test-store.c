/* test-store.c: the SQLite store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "kw-error.h"
#include "kw-hlc.h"
#include "kw-store.h"
#include "kw-test-files.h"

typedef struct {
  char    *dir;
  char    *path;
  KwStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("kw-store-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "kwartier.db", NULL);
  fx->store = kw_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->store);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  kw_test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

static char *
create (KwStore    *store,
        const char *type,
        ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChangeset) cs = kw_changeset_new (type, &error);
  const char *field;
  va_list ap;
  char *id;

  va_start (ap, type);
  while ((field = va_arg (ap, const char *)))
    {
      const char *text = va_arg (ap, const char *);

      g_assert_true (kw_changeset_set_text (cs, field, text, &error));
      g_assert_no_error (error);
    }
  va_end (ap);
  id = kw_store_create (store, cs, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* Every field kind goes in and comes out the same. */
static void
test_round_trip (Fixture *fx, gconstpointer data)
{
  g_autofree char *area = create (fx->store, "area", "name", "Betondorp", "kind", "buurt", NULL);
  g_autofree char *org = create (fx->store, "organisation", "name", "Buurtkracht", "kind", "welfare",
                                 "formal", "true", "area", area, NULL);
  g_autofree char *line = NULL;
  g_autofree char *alliance = NULL;
  g_autofree char *meeting = NULL;
  g_autoptr(KwRecord) r = NULL;
  g_autoptr(GError) error = NULL;

  alliance = create (fx->store, "alliance", "name", "Samen Oost", "status", "active",
                     "started", "2025-03-01", NULL);
  line = create (fx->store, "action_line", "alliance", alliance, "title", "Huiskamers",
                 "budget_cents", "1250000", "spent_cents", "-500", "status", "active", NULL);
  meeting = create (fx->store, "meeting", "title", "Bewonersberaad", "starts_at",
                    "2026-11-22T20:30:00+01:00", "publishable", "false", NULL);

  r = kw_store_get (fx->store, "organisation", org, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_record_get_string (r, "name"), ==, "Buurtkracht");
  g_assert_cmpstr (kw_record_get_string (r, "kind"), ==, "welfare");
  g_assert_true (kw_record_get_bool (r, "formal"));
  g_assert_cmpstr (kw_record_get_string (r, "area"), ==, area);
  g_assert_true (kw_record_is_null (r, "website"));
  g_clear_object (&r);

  r = kw_store_get (fx->store, "action_line", line, &error);
  g_assert_cmpint (kw_record_get_int (r, "budget_cents"), ==, 1250000);
  g_assert_cmpint (kw_record_get_int (r, "spent_cents"), ==, -500);
  g_clear_object (&r);

  r = kw_store_get (fx->store, "alliance", alliance, &error);
  g_assert_cmpstr (kw_record_get_string (r, "started"), ==, "2025-03-01");
  g_clear_object (&r);

  r = kw_store_get (fx->store, "meeting", meeting, &error);
  g_assert_cmpstr (kw_record_get_string (r, "starts_at"), ==, "2026-11-22T19:30:00Z");
  g_assert_false (kw_record_get_bool (r, "publishable"));
  g_assert_false (kw_record_is_null (r, "publishable"));
}

static void
test_stamps (Fixture *fx, gconstpointer data)
{
  g_autofree char *id = create (fx->store, "person", "name", "Kofi Mensah", "phone", "06-12345001", NULL);
  g_autoptr(KwRecord) before = kw_store_get (fx->store, "person", id, NULL);
  g_autoptr(KwRecord) after = NULL;
  g_autoptr(KwChangeset) cs = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_hlc_is_valid (kw_record_get_stamp (before, "name")));
  g_assert_null (kw_record_get_prev (before, "name"));
  g_assert_null (kw_record_get_stamp (before, "email"));
  /* each field its own tick, of this device */
  g_assert_cmpstr (kw_record_get_stamp (before, "name"), !=, kw_record_get_stamp (before, "phone"));
  g_assert_true (g_str_has_suffix (kw_record_get_stamp (before, "name"), kw_store_get_device_id (fx->store)));

  kw_changeset_set_string (cs, "phone", "06-12345002");
  kw_changeset_set_string (cs, "name", "Kofi Mensah");  /* unchanged: not stamped */
  g_assert_true (kw_store_update (fx->store, id, cs, &error));
  g_assert_no_error (error);
  after = kw_store_get (fx->store, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_stamp (after, "name"), ==, kw_record_get_stamp (before, "name"));
  g_assert_cmpstr (kw_record_get_prev (after, "phone"), ==, kw_record_get_stamp (before, "phone"));
  g_assert_cmpint (kw_hlc_compare (kw_record_get_stamp (after, "phone"),
                                   kw_record_get_stamp (before, "phone")), >, 0);
}

static gint64
backwards_clock (gpointer data)
{
  gint64 *now = data;

  *now -= 1000;  /* every read is a second earlier */
  return *now;
}

static void
test_clock_backwards (Fixture *fx, gconstpointer data)
{
  gint64 now = g_get_real_time () / 1000;
  g_autofree char *last = NULL;

  kw_store_set_wall_clock (fx->store, backwards_clock, &now);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = create (fx->store, "area", "name", "Buurt", NULL);
      g_autoptr(KwRecord) r = kw_store_get (fx->store, "area", id, NULL);
      const char *stamp = kw_record_get_stamp (r, "name");

      if (last)
        g_assert_cmpint (kw_hlc_compare (stamp, last), >, 0);
      g_free (last);
      last = g_strdup (stamp);
    }

  /* and it stays monotonic across a restart */
  g_clear_object (&fx->store);
  fx->store = kw_store_open (fx->path, NULL);
  kw_store_set_wall_clock (fx->store, backwards_clock, &now);
  {
    g_autofree char *id = create (fx->store, "area", "name", "Buurt", NULL);
    g_autoptr(KwRecord) r = kw_store_get (fx->store, "area", id, NULL);

    g_assert_cmpint (kw_hlc_compare (kw_record_get_stamp (r, "name"), last), >, 0);
  }
}

static void
test_refusals_change_nothing (Fixture *fx, gconstpointer data)
{
  g_autofree char *person = create (fx->store, "person", "name", "Ilse de Vries", NULL);
  g_autofree char *area = create (fx->store, "area", "name", "K-buurt", NULL);
  g_autofree char *missing = g_strdup ("00000000-0000-4000-8000-000000000000");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChangeset) cs = NULL;
  g_autoptr(KwRecord) r = NULL;

  /* a reference of the wrong type */
  cs = kw_changeset_new ("person", NULL);
  kw_changeset_set_string (cs, "name", "Nieuw");
  kw_changeset_set_string (cs, "area", person);
  g_assert_null (kw_store_create (fx->store, cs, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "area:"));
  g_clear_error (&error);
  g_clear_pointer (&cs, kw_changeset_unref);

  /* a reference to nothing */
  cs = kw_changeset_new ("person", NULL);
  kw_changeset_set_string (cs, "area", missing);
  g_assert_false (kw_store_update (fx->store, person, cs, &error));
  g_assert_true (g_str_has_prefix (error->message, "area:"));
  g_clear_error (&error);
  g_clear_pointer (&cs, kw_changeset_unref);

  /* a required field missing */
  cs = kw_changeset_new ("person", NULL);
  kw_changeset_set_string (cs, "phone", "06-12345003");
  g_assert_null (kw_store_create (fx->store, cs, &error));
  g_assert_true (g_str_has_prefix (error->message, "name:"));
  g_clear_error (&error);
  g_clear_pointer (&cs, kw_changeset_unref);

  /* unknown type, unknown field */
  g_assert_null (kw_changeset_new ("pony", &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_UNKNOWN_TYPE);
  g_clear_error (&error);
  cs = kw_changeset_new ("person", NULL);
  g_assert_false (kw_changeset_set_text (cs, "shoe_size", "44", &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_UNKNOWN_FIELD);
  g_assert_true (g_str_has_prefix (error->message, "shoe_size"));
  g_clear_error (&error);

  /* unknown id */
  kw_changeset_set_string (cs, "phone", "06-1");
  g_assert_false (kw_store_update (fx->store, missing, cs, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 1);
  r = kw_store_get (fx->store, "person", person, NULL);
  g_assert_true (kw_record_is_null (r, "area"));
  g_assert_true (kw_record_is_null (r, "phone"));
}

static void
test_tombstone (Fixture *fx, gconstpointer data)
{
  g_autofree char *id = create (fx->store, "person", "name", "Jan Pietersen", "email",
                                "jan@example.org", "private_notes", "ziek", NULL);
  g_autoptr(KwRecord) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(KwChangeset) cs = kw_changeset_new ("person", NULL);
  const KwEntityType *type = kw_registry_lookup ("person");

  g_assert_true (kw_store_delete (fx->store, "person", id, &error));
  g_assert_no_error (error);

  r = kw_store_lookup (fx->store, "person", id, &error);
  g_assert_nonnull (r);
  g_assert_true (kw_record_is_deleted (r));
  g_assert_true (kw_hlc_is_valid (kw_record_get_deleted (r)));
  for (guint i = 0; i < type->n_fields; i++)
    {
      g_assert_null (kw_record_get_value_at (r, i));
      g_assert_null (kw_record_get_stamp_at (r, i));
      g_assert_null (kw_record_get_prev_at (r, i));
    }

  g_assert_null (kw_store_get (fx->store, "person", id, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED);
  g_clear_error (&error);
  list = kw_store_list (fx->store, "person", NULL);
  g_assert_cmpuint (list->len, ==, 0);
  kw_changeset_set_string (cs, "name", "Terug");
  g_assert_false (kw_store_update (fx->store, id, cs, &error));
  g_clear_error (&error);
  g_assert_false (kw_store_delete (fx->store, "person", id, &error));
  g_clear_error (&error);

  /* the scrubbed text is gone from the file too, after a checkpoint */
  g_clear_object (&fx->store);
  {
    g_autofree char *bytes = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (fx->path, &bytes, &len, NULL));
    g_assert_null (g_strstr_len (bytes, len, "jan@example.org"));
  }
}

static void
test_fts (Fixture *fx, gconstpointer data)
{
  g_autofree char *a = create (fx->store, "person", "name", "Fatima El Amrani", "topics", "jongeren", NULL);
  g_autofree char *b = create (fx->store, "organisation", "name", "Stichting Amrani Sport", NULL);
  g_autofree char *c = create (fx->store, "person", "name", "Zeynep Kaya", NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(KwChangeset) cs = kw_changeset_new ("person", NULL);

  hits = kw_store_search (fx->store, "amran", NULL, 10, NULL);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = kw_store_search (fx->store, "AMRAN", "person", 10, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((KwSearchHit *) hits->pdata[0])->id, ==, a);
  g_assert_cmpstr (((KwSearchHit *) hits->pdata[0])->type_name, ==, "person");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* two substrings of one name, in any order */
  hits = kw_store_search (fx->store, "rani fat", NULL, 10, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* other searchable fields */
  hits = kw_store_search (fx->store, "ongere", NULL, 10, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* short queries match the start of a name */
  hits = kw_store_search (fx->store, "ze", NULL, 10, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((KwSearchHit *) hits->pdata[0])->id, ==, c);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* kept current on rename and delete */
  kw_changeset_set_string (cs, "name", "Fatima Bouzid");
  g_assert_true (kw_store_update (fx->store, a, cs, NULL));
  hits = kw_store_search (fx->store, "amrani", "person", 10, NULL);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = kw_store_search (fx->store, "bouz", "person", 10, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_true (kw_store_delete (fx->store, "organisation", b, NULL));
  hits = kw_store_search (fx->store, "amrani", NULL, 10, NULL);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* FTS syntax in a query is just text */
  hits = kw_store_search (fx->store, "\"fat\" OR *", NULL, 10, NULL);
  g_assert_nonnull (hits);
}

static void
assert_mode_0600 (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_modes (Fixture *fx, gconstpointer data)
{
  g_autofree char *id = create (fx->store, "person", "name", "Mode", NULL);
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  g_autofree char *marker = g_strconcat (fx->path, ".device", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old = umask (0);  /* even with a permissive umask */

  assert_mode_0600 (fx->path);
  assert_mode_0600 (wal);
  assert_mode_0600 (marker);
  backup = kw_store_backup (fx->store, "test", &error);
  g_assert_no_error (error);
  assert_mode_0600 (backup);
  umask (old);

  /* the backup is a complete database */
  {
    g_autoptr(KwStore) copy = kw_store_open (backup, &error);

    g_assert_no_error (error);
    g_assert_cmpint (kw_store_count (copy, "person"), ==, 1);
  }
}

static void
test_device_id (Fixture *fx, gconstpointer data)
{
  g_autofree char *first = g_strdup (kw_store_get_device_id (fx->store));
  g_autofree char *copy = g_build_filename (fx->dir, "copy.db", NULL);
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_true (kw_device_id_is_valid (first));
  g_clear_object (&fx->store);
  fx->store = kw_store_open (fx->path, NULL);
  g_assert_cmpstr (kw_store_get_device_id (fx->store), ==, first);
  g_clear_object (&fx->store);

  /* a copied database takes a new id */
  g_assert_true (g_file_get_contents (fx->path, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (copy, bytes, len, NULL));
  {
    g_autoptr(KwStore) other = kw_store_open (copy, NULL);

    g_assert_nonnull (other);
    g_assert_cmpstr (kw_store_get_device_id (other), !=, first);
  }
  /* and a database whose marker was removed too */
  {
    g_autofree char *marker = g_strconcat (fx->path, ".device", NULL);

    g_unlink (marker);
    fx->store = kw_store_open (fx->path, NULL);
    g_assert_cmpstr (kw_store_get_device_id (fx->store), !=, first);
  }
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int v = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static void
set_user_version (const char *path,
                  int         v)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", v);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migration (Fixture *fx, gconstpointer data)
{
  g_autofree char *empty = g_build_filename (fx->dir, "empty.db", NULL);
  g_autofree char *junk = g_build_filename (fx->dir, "junk.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = NULL;

  /* from an empty file to the current schema */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  store = kw_store_open (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kw_store_get_schema_version (store), ==, KW_SCHEMA_VERSION);
  g_assert_true (kw_store_is_empty (store));
  for (guint i = 0; i < kw_registry_n_types (); i++)
    g_assert_cmpint (kw_store_count (store, kw_registry_type_at (i)->name), ==, 0);
  g_clear_object (&store);
  g_assert_cmpint (user_version (empty), ==, KW_SCHEMA_VERSION);

  /* a newer Kwartier's database is left alone */
  g_clear_object (&fx->store);
  set_user_version (fx->path, KW_SCHEMA_VERSION + 1);
  g_assert_null (kw_store_open (fx->path, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer Kwartier"));
  g_clear_error (&error);
  g_assert_cmpint (user_version (fx->path), ==, KW_SCHEMA_VERSION + 1);

  /* something else is not touched */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (junk, &db), ==, SQLITE_OK);
    sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL);
    sqlite3_close (db);
  }
  g_assert_null (kw_store_open (junk, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (junk, "hello, not a database, long enough to look like a header......"
                                      "................................................................", -1, NULL));
  g_assert_null (kw_store_open (junk, &error));
  g_assert_nonnull (error);
}

static void
on_changed_cb (KwStore    *store,
               const char *type_name,
               gpointer    user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strdup (type_name));
}

static void
test_transactions (Fixture *fx, gconstpointer data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_signal_connect (fx->store, "changed::person", G_CALLBACK (on_changed_cb), seen);

  g_assert_true (kw_store_begin (fx->store, &error));
  g_free (create (fx->store, "person", "name", "Weg", NULL));
  g_free (create (fx->store, "person", "name", "Ook weg", NULL));
  g_assert_cmpuint (seen->len, ==, 0);  /* not before the commit */
  kw_store_rollback (fx->store);
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 0);
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_true (kw_store_is_empty (fx->store));

  g_assert_true (kw_store_begin (fx->store, &error));
  kept = create (fx->store, "person", "name", "Blijft", NULL);
  g_free (create (fx->store, "area", "name", "Osdorp", NULL));
  g_assert_true (kw_store_commit (fx->store, &error));
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 1);
  g_assert_cmpuint (seen->len, ==, 1);  /* once per transaction and type */
  g_assert_cmpstr (seen->pdata[0], ==, "person");
}

static void
test_derived_id (Fixture *fx, gconstpointer data)
{
  g_autofree char *meeting = create (fx->store, "meeting", "title", "Opgaveteam", NULL);
  g_autofree char *person = create (fx->store, "person", "name", "Noor Haddou", NULL);
  g_autofree char *a = create (fx->store, "attendance", "meeting", meeting, "person", person,
                               "status", "invited", NULL);
  g_autofree char *b = create (fx->store, "attendance", "meeting", meeting, "person", person,
                               "status", "present", NULL);
  g_autoptr(KwRecord) r = kw_store_get (fx->store, "attendance", a, NULL);
  g_autoptr(GPtrArray) list = kw_store_list_by_ref (fx->store, "attendance", "meeting", meeting, NULL);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (kw_record_get_string (r, "status"), ==, "present");
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_list_order (Fixture *fx, gconstpointer data)
{
  const char *names[] = { "zeynep", "Anouk", "bram", "Chantal" };
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (create (fx->store, "person", "name", names[i], NULL));
  list = kw_store_list (fx->store, "person", NULL);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (kw_record_get_string (list->pdata[0], "name"), ==, "Anouk");
  g_assert_cmpstr (kw_record_get_string (list->pdata[1], "name"), ==, "bram");
  g_assert_cmpstr (kw_record_get_string (list->pdata[3], "name"), ==, "zeynep");
}

static guint
count_backups (const char *dir,
               const char *reason)
{
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  g_autofree char *tag = g_strdup_printf ("-%s", reason);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    n += strstr (name, tag) != NULL;
  return n;
}

static void
test_backups_pruned (Fixture *fx, gconstpointer data)
{
  g_autofree char *newest = NULL;
  g_autofree char *other = NULL;

  for (guint i = 0; i < 8; i++)
    {
      g_free (newest);
      newest = kw_store_backup (fx->store, "import", NULL);
      g_assert_nonnull (newest);
    }
  other = kw_store_backup (fx->store, "migration", NULL);
  g_assert_cmpuint (count_backups (fx->dir, "import"), ==, 5);
  g_assert_cmpuint (count_backups (fx->dir, "migration"), ==, 1);
  /* the newest is kept */
  g_assert_true (g_file_test (newest, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* Inside a transaction, a backup holds what was committed before it. */
static void
test_backup_in_transaction (Fixture *fx, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(KwStore) copy = NULL;

  g_free (create (fx->store, "person", "name", "Voor", NULL));
  g_assert_true (kw_store_begin (fx->store, NULL));
  g_free (create (fx->store, "person", "name", "Tijdens", NULL));
  path = kw_store_backup (fx->store, "import", NULL);
  g_assert_nonnull (path);
  g_assert_true (kw_store_commit (fx->store, NULL));
  copy = kw_store_open (path, NULL);
  g_assert_cmpint (kw_store_count (copy, "person"), ==, 1);
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 2);
}

/* The indexes for the lists come from KW_FIELD_FLAG_INDEX in the registry,
 * with the very names and text that schema 1 wrote by hand: no migration. */
static void
test_list_indexes (Fixture       *fx,
                   gconstpointer  data)
{
  static const char * const expected[] = {
    "contact_moment.person_date", "CREATE INDEX \"contact_moment.person_date\" ON contact_moment (person, date)",
    "organisation.live_title", "CREATE INDEX \"organisation.live_title\" ON organisation (name COLLATE NOCASE, id) WHERE deleted IS NULL",
    "person.email_key", "CREATE INDEX \"person.email_key\" ON person (lower (trim (email)))",
    "person.key_figure", "CREATE INDEX \"person.key_figure\" ON person (key_figure) WHERE key_figure = 1",
    "person.live_title", "CREATE INDEX \"person.live_title\" ON person (name COLLATE NOCASE, id) WHERE deleted IS NULL",
  };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_open (fx->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                           "AND (name LIKE '%.live_title' OR name LIKE '%_key' "
                                           "OR name LIKE '%_date' OR name = 'person.key_figure') "
                                           "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected[n]);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, expected[n + 1]);
      n += 2;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
}

static void
on_heard_cb (KwStore    *store,
               const char *type_name,
               GString    *heard)
{
  g_string_append_printf (heard, "%s%s", heard->len ? " " : "", type_name);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The types heard, each once, in name order. */
static char *
dup_heard (GString *heard)
{
  g_auto(GStrv) types = g_strsplit (heard->str, " ", -1);
  g_autoptr(GPtrArray) unique = g_ptr_array_new ();

  for (guint i = 0; types[i] && *types[i]; i++)
    if (!g_ptr_array_find_with_equal_func (unique, types[i], g_str_equal, NULL))
      g_ptr_array_add (unique, types[i]);
  g_ptr_array_sort (unique, compare_strings);
  g_ptr_array_add (unique, NULL);
  g_string_truncate (heard, 0);
  return g_strjoinv (" ", (char **) unique->pdata);
}

static gboolean
hits_contain (GPtrArray  *hits,
              const char *id)
{
  for (guint i = 0; hits && i < hits->len; i++)
    if (g_str_equal (((KwSearchHit *) g_ptr_array_index (hits, i))->id, id))
      return TRUE;
  return FALSE;
}

/* A delete waiting for its undo toast: the person and what belongs to
 * them are gone from every read the UI makes, and nothing is written;
 * an undo shows them again; the toast going deletes them for real. */
static void
test_pending_delete (Fixture *fx, gconstpointer data)
{
  g_autofree char *org = create (fx->store, "organisation", "name", "Buurtkracht", NULL);
  g_autofree char *fatima = create (fx->store, "person", "name", "Fatima Wachter", NULL);
  g_autofree char *bram = create (fx->store, "person", "name", "Bram Wachtel", NULL);
  g_autofree char *aff = create (fx->store, "affiliation", "person", fatima, "organisation", org, NULL);
  g_autofree char *moment = create (fx->store, "contact_moment", "person", fatima, "date", "2026-11-30", NULL);
  g_autoptr(GString) heard = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(KwRecord) raw = NULL;
  g_autoptr(KwRecord) got = NULL;
  g_autoptr(KwStore) again = NULL;
  g_autofree char *types = NULL;
  const char * const parties[] = { "person", "organisation", NULL };

  g_signal_connect (fx->store, "changed", G_CALLBACK (on_heard_cb), heard);
  g_assert_true (kw_store_pend_delete (fx->store, "person", fatima, &error));
  g_assert_no_error (error);
  types = dup_heard (heard);
  g_assert_cmpstr (types, ==, "affiliation contact_moment person");
  g_assert_true (kw_store_is_pending (fx->store, "person", fatima));
  g_assert_true (kw_store_is_pending (fx->store, "affiliation", aff));
  g_assert_false (kw_store_is_pending (fx->store, "person", bram));

  /* hidden from every read */
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 1);
  g_assert_cmpint (kw_store_count (fx->store, "contact_moment"), ==, 0);
  people = kw_store_list (fx->store, "person", NULL);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (kw_record_get_id (g_ptr_array_index (people, 0)), ==, bram);
  members = kw_store_list_by_ref (fx->store, "affiliation", "organisation", org, NULL);
  g_assert_cmpuint (members->len, ==, 0);
  g_clear_pointer (&members, g_ptr_array_unref);
  hits = kw_store_search (fx->store, "wach", NULL, 0, NULL);       /* full-text index */
  g_assert_false (hits_contain (hits, fatima));
  g_assert_true (hits_contain (hits, bram));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = kw_store_search (fx->store, "fa", "person", 0, NULL);     /* by title */
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  got = kw_store_get (fx->store, "person", fatima, &error);
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED);
  g_assert_null (got);
  g_clear_error (&error);
  g_assert_null (kw_store_find_type (fx->store, parties, fatima));
  g_assert_null (kw_store_dup_reference_title (fx->store, parties, fatima));
  /* ... but nothing is written: the raw row is live, and another
   * connection (an export, a restart) sees it */
  raw = kw_store_lookup (fx->store, "person", fatima, NULL);
  g_assert_false (kw_record_is_deleted (raw));
  again = kw_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kw_store_count (again, "person"), ==, 2);
  g_clear_object (&again);

  /* undo: all back */
  kw_store_cancel_pending (fx->store, "person", fatima);
  g_free (types);
  types = dup_heard (heard);
  g_assert_cmpstr (types, ==, "affiliation contact_moment person");
  g_assert_false (kw_store_is_pending (fx->store, "person", fatima));
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 2);
  g_assert_cmpint (kw_store_count (fx->store, "contact_moment"), ==, 1);
  members = kw_store_list_by_ref (fx->store, "affiliation", "organisation", org, NULL);
  g_assert_cmpuint (members->len, ==, 1);
  g_clear_pointer (&members, g_ptr_array_unref);
  hits = kw_store_search (fx->store, "wach", NULL, 0, NULL);
  g_assert_true (hits_contain (hits, fatima));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* a commit of nothing pending is refused and deletes nothing */
  g_assert_false (kw_store_commit_pending (fx->store, "person", fatima, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 2);

  /* the toast went: tombstones, in one transaction */
  g_assert_true (kw_store_pend_delete (fx->store, "person", fatima, NULL));
  g_string_truncate (heard, 0);
  g_assert_true (kw_store_commit_pending (fx->store, "person", fatima, &error));
  g_assert_no_error (error);
  g_free (types);
  types = dup_heard (heard);
  g_assert_cmpstr (types, ==, "affiliation contact_moment person");
  g_assert_false (kw_store_is_pending (fx->store, "person", fatima));
  g_clear_object (&raw);
  raw = kw_store_lookup (fx->store, "affiliation", aff, NULL);
  g_assert_true (kw_record_is_deleted (raw));
  g_clear_object (&raw);
  raw = kw_store_lookup (fx->store, "contact_moment", moment, NULL);
  g_assert_true (kw_record_is_deleted (raw));
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 1);
  g_signal_handlers_disconnect_by_data (fx->store, heard);
}

/* Two pending deletes that overlap (an organisation, then one of its
 * affiliations): each is undone on its own; a record stays hidden while
 * any delete that takes it waits. */
static void
test_pending_overlap (Fixture *fx, gconstpointer data)
{
  g_autofree char *org = create (fx->store, "organisation", "name", "Buurtkracht", NULL);
  g_autofree char *anna = create (fx->store, "person", "name", "Anna Vermeer", NULL);
  g_autofree char *aff = create (fx->store, "affiliation", "person", anna, "organisation", org, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_store_pend_delete (fx->store, "organisation", org, NULL));
  g_assert_cmpint (kw_store_count (fx->store, "affiliation"), ==, 0);
  g_assert_true (kw_store_is_pending (fx->store, "affiliation", aff));
  /* pending it again is nothing new */
  g_assert_true (kw_store_pend_delete (fx->store, "organisation", org, NULL));
  kw_store_cancel_pending (fx->store, "organisation", org);
  g_assert_cmpint (kw_store_count (fx->store, "affiliation"), ==, 1);
  g_assert_cmpint (kw_store_count (fx->store, "organisation"), ==, 1);

  g_assert_true (kw_store_pend_delete (fx->store, "affiliation", aff, NULL));
  g_assert_true (kw_store_pend_delete (fx->store, "person", anna, NULL));
  kw_store_cancel_pending (fx->store, "person", anna);
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 1);
  g_assert_cmpint (kw_store_count (fx->store, "affiliation"), ==, 0);  /* its own still waits */
  g_assert_true (kw_store_commit_pending (fx->store, "affiliation", aff, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_store_count (fx->store, "affiliation"), ==, 0);
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 1);

  /* deleted meanwhile (a colleague's tombstone came in with a sync):
   * the toast going is not an error */
  g_assert_true (kw_store_pend_delete (fx->store, "person", anna, NULL));
  g_assert_true (kw_store_delete (fx->store, "person", anna, &error));
  g_assert_no_error (error);
  g_assert_true (kw_store_commit_pending (fx->store, "person", anna, &error));
  g_assert_no_error (error);
  g_assert_false (kw_store_is_pending (fx->store, "person", anna));
}

typedef struct {
  GString *heard;
  GThread *main_thread;
  guint    wrong_thread;
  guint    busy_notes;
  gboolean done;
  gboolean heard_before_done;
  gint64   count_in_callback;
} AsyncRun;

static void
on_async_changed_cb (KwStore    *store,
                     const char *type_name,
                     AsyncRun   *run)
{
  if (g_thread_self () != run->main_thread)
    run->wrong_thread++;
  g_string_append_printf (run->heard, "%s%s", run->heard->len ? " " : "", type_name);
}

static void
on_async_busy_cb (KwStore    *store,
                  GParamSpec *pspec,
                  AsyncRun   *run)
{
  run->busy_notes++;
}

static gpointer
add_two_people_work (KwStore       *store,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_free (create (store, "person", "name", "Noor Draad", NULL));
  g_free (create (store, "person", "name", "Sem Draad", NULL));
  return g_strdup ("done");
}

static void
on_work_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AsyncRun *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = kw_store_run_finish (KW_STORE (source), result, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "done");
  g_assert_false (kw_store_get_busy (KW_STORE (source)));
  run->heard_before_done = run->heard->len > 0;
  run->count_in_callback = kw_store_count (KW_STORE (source), "person");
  run->done = TRUE;
}

/* kw_store_run_async: the work writes in a thread; ::changed is held
 * back (the main thread must not read the store meanwhile), then
 * emitted on the main thread, once per type, before the callback. */
static void
test_run_async (Fixture *fx, gconstpointer data)
{
  AsyncRun run = { g_string_new (NULL), g_thread_self (), 0, 0, FALSE, FALSE, 0 };

  g_signal_connect (fx->store, "changed", G_CALLBACK (on_async_changed_cb), &run);
  g_signal_connect (fx->store, "notify::busy", G_CALLBACK (on_async_busy_cb), &run);
  kw_store_run_async (fx->store, add_two_people_work, NULL, NULL, g_free, NULL, on_work_done_cb, &run);
  g_assert_true (kw_store_get_busy (fx->store));
  g_assert_cmpuint (run.busy_notes, ==, 1);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (run.wrong_thread, ==, 0);
  g_assert_cmpstr (run.heard->str, ==, "person");   /* two commits, one emission */
  g_assert_true (run.heard_before_done);
  g_assert_cmpint (run.count_in_callback, ==, 2);
  g_assert_cmpuint (run.busy_notes, ==, 2);
  g_assert_false (kw_store_get_busy (fx->store));
  /* nothing left queued */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (run.heard->str, ==, "person");
  g_signal_handlers_disconnect_by_data (fx->store, &run);
  g_string_free (run.heard, TRUE);
}

static gpointer
write_in_thread (gpointer data)
{
  KwStore *store = data;

  g_free (create (store, "person", "name", "Ilse Draad", NULL));
  g_free (create (store, "area", "name", "Draadwijk", NULL));
  g_free (create (store, "person", "name", "Joost Draad", NULL));
  return NULL;
}

/* A commit in a thread of its own (not through kw_store_run_async, as
 * the sync scheduler's connection): queued for the main context,
 * coalesced per type; kw_store_flush_changed emits them without a main
 * loop; a commit in the store's own thread still emits at once. */
static void
test_changed_on_main_context (Fixture *fx, gconstpointer data)
{
  AsyncRun run = { g_string_new (NULL), g_thread_self (), 0, 0, FALSE, FALSE, 0 };
  GThread *thread;
  g_autofree char *types = NULL;

  g_signal_connect (fx->store, "changed", G_CALLBACK (on_async_changed_cb), &run);
  thread = g_thread_new ("kw-test-writer", write_in_thread, fx->store);
  g_thread_join (thread);
  g_assert_cmpstr (run.heard->str, ==, "");   /* not in that thread */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (run.wrong_thread, ==, 0);
  types = dup_heard (run.heard);
  g_assert_cmpstr (types, ==, "area person");
  g_assert_cmpuint (run.heard->len, ==, 0);

  thread = g_thread_new ("kw-test-writer", write_in_thread, fx->store);
  g_thread_join (thread);
  kw_store_flush_changed (fx->store);
  g_free (types);
  types = g_strdup (run.heard->str);
  g_assert_true (g_str_equal (types, "area person") || g_str_equal (types, "person area"));
  g_string_truncate (run.heard, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (run.heard->str, ==, "");   /* the idle went with the flush */

  g_free (create (fx->store, "person", "name", "Lot Draad", NULL));
  g_assert_cmpstr (run.heard->str, ==, "person");   /* at once */
  g_signal_handlers_disconnect_by_data (fx->store, &run);
  g_string_free (run.heard, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/kw/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("stamps", test_stamps);
  ADD ("clock-backwards", test_clock_backwards);
  ADD ("refusals-change-nothing", test_refusals_change_nothing);
  ADD ("tombstone", test_tombstone);
  ADD ("fts", test_fts);
  ADD ("modes", test_modes);
  ADD ("device-id", test_device_id);
  ADD ("migration", test_migration);
  ADD ("transactions", test_transactions);
  ADD ("derived-id", test_derived_id);
  ADD ("list-order", test_list_order);
  ADD ("backups-pruned", test_backups_pruned);
  ADD ("backup-in-transaction", test_backup_in_transaction);
  ADD ("list-indexes", test_list_indexes);
  ADD ("pending-delete", test_pending_delete);
  ADD ("pending-overlap", test_pending_overlap);
  ADD ("run-async", test_run_async);
  ADD ("changed-on-main-context", test_changed_on_main_context);
#undef ADD
  return g_test_run ();
}
