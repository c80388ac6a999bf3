/* test-forget.c: delete and forget leave nothing behind (issue 8, L2–L5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each finding of the reliability review has its regression test: L2 the
 * conflicts table, L3 what belongs to a deleted person, L4 the -wal file
 * while a connection stays open, L5 the backups. The bytes of the files
 * are searched the way `strings | grep` would.
 */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "kw-error.h"
#include "kw-person-ops.h"
#include "sync-helpers.h"

#define T0 G_GINT64_CONSTANT (1795000000000)  /* Nov 2026, in ms */

static const char * const needles[] = {
  "Forgetme Zeldzaam", "0612398765", "zeldzaam@example.org", "Zeldzame notitie",
  "Geheime aantekening", "Gesprek met Forgetme", "Penningmeester Zeldzaam", "Kent Zeldzaam goed",
  /* trigrams of the name that nothing else has: the full-text index keeps none */
  "ldz", "dza", "zaa",
  NULL
};

typedef struct {
  char    *dir;
  Replica *a;
  char    *person;
  char    *keeper;   /* another person, who stays */
  char    *moment;
  char    *meeting;
} Fixture;

static char *
put (KwStore    *store,
     const char *type,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChangeset) cs = kw_changeset_new (type, &error);
  const char *field;
  va_list ap;
  char *id;

  va_start (ap, type);
  while ((field = va_arg (ap, const char *)) != NULL)
    g_assert_true (kw_changeset_set_text (cs, field, va_arg (ap, const char *), &error));
  va_end (ap);
  id = kw_store_create (store, cs, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *org = NULL, *rel = NULL, *aff = NULL, *att = NULL;

  fx->dir = helper_tmpdir ();
  fx->a = replica_new (fx->dir, 0, T0);
  org = put (fx->a->store, "organisation", "name", "Buurtkracht", NULL);
  fx->person = put (fx->a->store, "person", "name", "Forgetme Zeldzaam", "phone", "0612398765",
                    "email", "zeldzaam@example.org", "notes", "Zeldzame notitie",
                    "private_notes", "Geheime aantekening", "consent", "shared", NULL);
  fx->keeper = put (fx->a->store, "person", "name", "Blijft Bewaard", "consent", "shared", NULL);
  fx->moment = put (fx->a->store, "contact_moment", "person", fx->person, "date", "2026-11-02",
                    "summary", "Gesprek met Forgetme over de buurt", NULL);
  aff = put (fx->a->store, "affiliation", "person", fx->person, "organisation", org,
             "role", "Penningmeester Zeldzaam", NULL);
  rel = put (fx->a->store, "relation", "from", fx->keeper, "to", fx->person, "kind", "knows",
             "notes", "Kent Zeldzaam goed", NULL);
  fx->meeting = put (fx->a->store, "meeting", "title", "Buurtoverleg", "chair", fx->person, NULL);
  att = put (fx->a->store, "attendance", "meeting", fx->meeting, "person", fx->person, "status", "present", NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_pointer (&fx->a, replica_free);
  g_free (fx->dir);
  g_free (fx->person);
  g_free (fx->keeper);
  g_free (fx->moment);
  g_free (fx->meeting);
}

/* Helpers */

static gboolean
file_has (const char *path,
          const char *needle)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &bytes, &len, NULL))
    return FALSE;
  return memmem (bytes, len, needle, strlen (needle)) != NULL;
}

/* The database, its -wal and every file in backups/: no byte of the person. */
static guint
assert_files_clean (const char *db_path)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) folder = g_dir_open (backups, 0, NULL);
  const char *entry;

  g_ptr_array_add (files, g_strdup (db_path));
  g_ptr_array_add (files, g_strdup (wal));
  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (files, g_build_filename (backups, entry, NULL));
  for (guint i = 0; i < files->len; i++)
    for (guint k = 0; needles[k]; k++)
      if (file_has (g_ptr_array_index (files, i), needles[k]))
        g_error ("%s still holds “%s”", (char *) g_ptr_array_index (files, i), needles[k]);
  return files->len;
}

static guint
count_backups (const char *db_path,
               const char *holding)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDir) folder = g_dir_open (backups, 0, NULL);
  const char *entry;
  guint n = 0;

  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (backups, entry, NULL);

      if (g_str_has_suffix (entry, ".db") && (holding == NULL || file_has (path, holding)))
        n++;
    }
  return n;
}

static guint
count_files (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDir) folder = g_dir_open (backups, 0, NULL);
  guint n = 0;

  while (folder != NULL && g_dir_read_name (folder) != NULL)
    n++;
  return n;
}

/* A concurrent edit of the name on a colleague's device: the losing
 * value is kept as a conflict, and the import takes a backup. */
static void
make_conflict (Fixture *fx)
{
  g_autoptr(Replica) b = replica_new (fx->dir, 1, T0 + 1000);
  g_autoptr(KwChangeset) on_a = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) on_b = kw_changeset_new ("person", NULL);
  g_autofree char *first = export_file (fx->a->store, fx->dir, NULL);
  g_autofree char *from_b = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  import_ok (b->store, first);
  kw_changeset_set_string (on_a, "name", "Forgetme Zeldzaam-Amstel");
  kw_changeset_set_string (on_b, "name", "Forgetme Zeldzaam-Bijlmer");
  g_assert_true (kw_store_update (fx->a->store, fx->person, on_a, NULL));
  g_assert_true (kw_store_update (b->store, fx->person, on_b, NULL));
  from_b = export_file (b->store, fx->dir, NULL);
  import_ok (fx->a->store, from_b);
  conflicts = kw_import_list_conflicts (fx->a->store, TRUE, NULL);
  g_assert_cmpuint (conflicts->len, >, 0);
  g_unlink (first);
  g_unlink (from_b);
}

/* L2: forget removes the values kept as conflicts */
static void
test_conflicts (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  make_conflict (fx);
  report = kw_person_forget (fx->a->store, fx->person, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);
  conflicts = kw_import_list_conflicts (fx->a->store, TRUE, NULL);
  for (guint i = 0; i < conflicts->len; i++)
    {
      KwConflict *c = g_ptr_array_index (conflicts, i);

      g_assert_cmpstr (c->id, !=, fx->person);
      g_assert_null (strstr (c->value_json, "Zeldzaam"));
    }
  assert_files_clean (fx->a->path);
}

/* L3: deleting a person deletes what belongs to them, each with its own
 * tombstone, so that none of it is exported any more */
static void
test_delete_cascade (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tomb = NULL;
  g_autoptr(GPtrArray) moments = NULL;
  g_autoptr(KwRecord) moment = NULL;
  g_autoptr(KwRecord) meeting = NULL;

  g_assert_true (kw_store_delete (fx->a->store, "person", fx->person, &error));
  g_assert_no_error (error);
  moment = kw_store_lookup (fx->a->store, "contact_moment", fx->moment, NULL);
  g_assert_true (kw_record_is_deleted (moment));
  g_assert_null (kw_record_get_value (moment, "summary"));
  g_assert_cmpuint (kw_store_list (fx->a->store, "affiliation", NULL)->len, ==, 0);
  g_assert_cmpuint (kw_store_list (fx->a->store, "relation", NULL)->len, ==, 0);
  g_assert_cmpuint (kw_store_list (fx->a->store, "attendance", NULL)->len, ==, 0);
  /* a meeting belongs to nothing: it stays, with its plain reference */
  meeting = kw_store_get (fx->a->store, "meeting", fx->meeting, NULL);
  g_assert_nonnull (meeting);
  g_assert_nonnull (kw_store_get (fx->a->store, "person", fx->keeper, NULL));

  text = export_text (fx->a->store, fx->dir, NULL);
  for (guint k = 0; needles[k]; k++)
    g_assert_null (strstr (text, needles[k]));
  tomb = g_strdup_printf ("{\"type\":\"contact_moment\",\"id\":\"%s\",\"deleted\":", fx->moment);
  g_assert_nonnull (strstr (text, tomb));
}

/* L4: with the store still open (the running app), the -wal file holds
 * nothing of a forgotten person; nor does a second, idle connection stop it */
static void
test_wal (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *wal = g_strconcat (fx->a->path, "-wal", NULL);
  g_autoptr(KwStore) other = kw_store_open (fx->a->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (kw_store_get (other, "person", fx->person, NULL));
  g_assert_true (file_has (wal, "Forgetme Zeldzaam"));  /* the test can fail */
  report = kw_person_forget (fx->a->store, fx->person, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (report, "log"));
  assert_files_clean (fx->a->path);
  /* both connections go on working */
  g_assert_nonnull (kw_store_get (other, "person", fx->keeper, NULL));
  g_assert_null (kw_store_get (other, "person", fx->person, NULL));
  {
    g_autofree char *later = put (fx->a->store, "person", "name", "Na het vergeten", NULL);

    g_assert_nonnull (kw_store_get (other, "person", later, NULL));
  }
}

/* L5: every backup taken before is rewritten without the person, or
 * removed after saying so */
static void
test_backups (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *manual = NULL;
  g_autofree char *dir = g_path_get_dirname (fx->a->path);
  g_autofree char *broken = g_build_filename (dir, "backups", "replica-0-20260101-000000-000000-import.db", NULL);
  guint before;

  make_conflict (fx);                       /* an import backup */
  manual = kw_store_backup (fx->a->store, "migration", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (broken, "not a database, but Forgetme Zeldzaam", -1, NULL));
  before = count_backups (fx->a->path, "Forgetme Zeldzaam");
  g_assert_cmpuint (before, >=, 3);

  report = kw_person_forget (fx->a->store, fx->person, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);
  g_assert_nonnull (strstr (report, "rewritten without them"));
  g_assert_nonnull (strstr (report, "replica-0-20260101-000000-000000-import.db"));
  g_assert_false (g_file_test (broken, G_FILE_TEST_EXISTS));
  assert_files_clean (fx->a->path);
  /* every file in backups/ is a backup: no temporary copy, no journal left */
  g_assert_cmpuint (count_backups (fx->a->path, NULL), ==, count_files (fx->a->path));
  /* the backups are still backups: the others are in them */
  g_assert_cmpuint (count_backups (fx->a->path, "Blijft Bewaard"), ==, before - 1);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (manual, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

/* Forget reaches a person who was only deleted before, too */
static void
test_forget_deleted (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  make_conflict (fx);
  g_assert_true (kw_store_delete (fx->a->store, "person", fx->person, NULL));
  report = kw_person_forget (fx->a->store, fx->person, &error);
  g_assert_no_error (error);
  assert_files_clean (fx->a->path);
  g_assert_null (kw_person_forget (fx->a->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
}

/* Merge: the stronger attendance is kept, with the id derived from KEEP */
static void
test_merge_attendance (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = put (fx->a->store, "attendance", "meeting", fx->meeting, "person", fx->keeper,
                                "status", "absent", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(KwRecord) kept = NULL;

  g_assert_true (kw_person_merge (fx->a->store, fx->keeper, fx->person, NULL, &error));
  g_assert_no_error (error);
  list = kw_store_list_by_ref (fx->a->store, "attendance", "meeting", fx->meeting, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  kept = g_object_ref (g_ptr_array_index (list, 0));
  g_assert_cmpstr (kw_record_get_id (kept), ==, other);
  g_assert_cmpstr (kw_record_get_string (kept, "status"), ==, "present");
  g_assert_cmpuint (kw_store_list_by_ref (fx->a->store, "contact_moment", "person", fx->keeper, NULL)->len, ==, 1);
  g_assert_null (kw_store_get (fx->a->store, "person", fx->person, NULL));
}

/* kwartier-cli forget person ID and merge person KEEP OTHER */

static int
run_cli (const char  *db,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("KWARTIER_CLI");
  const char *arg;
  int status = -1;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (Fixture *fx, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *third = put (fx->a->store, "person", "name", "Derde Persoon", NULL);
  g_autofree char *upper = g_ascii_strup (fx->person, -1);

  g_clear_object (&fx->a->store);
  g_assert_cmpint (run_cli (fx->a->path, &out, &err, "forget", "organisation", fx->person, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fx->a->path, &out, &err, "forget", "person", upper, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "erased"));
  g_assert_nonnull (strstr (out, "Contact moment"));
  assert_files_clean (fx->a->path);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fx->a->path, &out, &err, "forget", "person", fx->person, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fx->a->path, &out, &err, "merge", "person", fx->keeper, fx->keeper, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fx->a->path, &out, &err, "merge", "person", fx->keeper, third, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fx->a->path, &out, &err, "get", "person", third, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fx->a->path, &out, &err, "merge", "person", fx->keeper, NULL), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kw/forget/l2-conflicts", test_conflicts);
  ADD ("/kw/forget/l3-delete-cascade", test_delete_cascade);
  ADD ("/kw/forget/l4-wal", test_wal);
  ADD ("/kw/forget/l5-backups", test_backups);
  ADD ("/kw/forget/deleted-before", test_forget_deleted);
  ADD ("/kw/forget/merge-attendance", test_merge_attendance);
  ADD ("/kw/forget/cli", test_cli);
#undef ADD

  {
    int status = g_test_run ();

    helper_cleanup ();
    return status;
  }
}
