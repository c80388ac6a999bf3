/* test-guests.c: guests at a meeting (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A guest is an attendance with a guest_name and no person; its id is
 * random (export-format.md, "Refusals"), while a person's attendance
 * keeps the id derived from (meeting, person). The store makes both,
 * an export carries guests to another database as they are, and an
 * import still refuses a person's attendance under another id.
 */
#include "config.h"

#include <string.h>

#include "kw-error.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-store.h"
#include "kw-test-files.h"
#include "kw-test-store.h"

typedef struct {
  char    *dir;
  KwStore *store;
  char    *meeting;
  char    *person;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("kw-guests-XXXXXX", &error);
  g_assert_no_error (error);
  fx->store = kw_test_store_open (fx->dir, "a.db");
  fx->meeting = kw_test_put (fx->store, "meeting", "title", "Bewonersberaad", "starts_at", "2026-12-08T18:30:00Z", NULL);
  fx->person = kw_test_put (fx->store, "person", "name", "Wim Zoekbaar", "consent", "shared", NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  kw_test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->meeting);
  g_free (fx->person);
}

static char *
derived_id (Fixture *fx)
{
  const char *parts[] = { fx->meeting, fx->person, NULL };

  return kw_id_derive ("attendance", parts);
}

static char *
export_all (Fixture    *fx,
            const char *name)
{
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  char *path = g_build_filename (fx->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_export_to_file (fx->store, &options, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The file's text with @from replaced by @to in its record lines, and
 * its trailer's checksum made again (the tampering is the ids', not the
 * bytes'). */
static void
replace_in_export (const char *path,
                   const char *from,
                   const char *to)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) pieces = NULL;
  guint n;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_nonnull (strstr (text, from));
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (lines[n - 1], ==, "");   /* the last line ends too */
  body = g_string_new (NULL);
  for (guint i = 0; i + 2 < n; i++)
    {
      g_autoptr(GString) line = g_string_new (lines[i]);

      if (i > 0)
        g_string_replace (line, from, to, 0);
      g_string_append_printf (body, "%s\n", line->str);
    }
  g_assert_nonnull (strstr (lines[n - 2], "\"end\":true"));
  g_checksum_update (sum, (const guchar *) body->str, body->len);
  g_string_append_printf (body, "{\"end\":true,\"records\":%u,\"sha256\":\"%s\"}\n", n - 3, g_checksum_get_string (sum));
  g_assert_true (g_file_set_contents (path, body->str, -1, &error));
}

/* Tests */

static void
test_store (Fixture       *fx,
            gconstpointer  data)
{
  g_autofree char *derived = derived_id (fx);
  g_autofree char *attendance = kw_test_put (fx->store, "attendance", "meeting", fx->meeting, "person", fx->person,
                                     "status", "present", NULL);
  g_autofree char *anna = kw_test_put (fx->store, "attendance", "meeting", fx->meeting, "guest_name", "Anna de Vries",
                               "status", "present", NULL);
  g_autofree char *bram = kw_test_put (fx->store, "attendance", "meeting", fx->meeting, "guest_name", "Bram Visser",
                               "status", "late", NULL);
  g_autoptr(KwRecord) guest = NULL;
  g_autoptr(KwChangeset) changes = kw_changeset_new ("attendance", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  /* the person's is derived; the guests' are random, each its own */
  g_assert_cmpstr (attendance, ==, derived);
  g_assert_true (kw_id_is_valid (anna));
  g_assert_cmpstr (anna, !=, bram);
  g_assert_cmpstr (anna, !=, derived);
  guest = kw_store_get (fx->store, "attendance", anna, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_record_get_string (guest, "guest_name"), ==, "Anna de Vries");
  g_assert_null (kw_record_get_string (guest, "person"));
  list = kw_store_list_by_ref (fx->store, "attendance", "meeting", fx->meeting, NULL);
  g_assert_cmpuint (list->len, ==, 3);
  /* a guest's status changes as anyone's; a person cannot be given to it
   * (the person makes an id, and the guest has one already) */
  kw_changeset_set_string (changes, "status", "absent_notified");
  g_assert_true (kw_store_update (fx->store, bram, changes, &error));
  g_assert_no_error (error);
  g_clear_pointer (&changes, kw_changeset_unref);
  changes = kw_changeset_new ("attendance", NULL);
  kw_changeset_set_string (changes, "person", fx->person);
  g_assert_false (kw_store_update (fx->store, anna, changes, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
}

static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *attendance = kw_test_put (fx->store, "attendance", "meeting", fx->meeting, "person", fx->person,
                                     "status", "present", NULL);
  g_autofree char *anna = kw_test_put (fx->store, "attendance", "meeting", fx->meeting, "guest_name", "Anna de Vries",
                               "status", "late", NULL);
  g_autofree char *path = export_all (fx, "all.kwartier.jsonl");
  g_autoptr(KwStore) other = kw_test_store_open (fx->dir, "b.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwRecord) guest = NULL;
  g_autoptr(KwRecord) person = NULL;
  KwImportSummary summary;

  g_assert_true (kw_import_file (other, path, FALSE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_store_count (other, "attendance"), ==, 2);
  guest = kw_store_get (other, "attendance", anna, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_record_get_string (guest, "guest_name"), ==, "Anna de Vries");
  g_assert_cmpstr (kw_record_get_string (guest, "status"), ==, "late");
  g_assert_null (kw_record_get_string (guest, "person"));
  person = kw_store_get (other, "attendance", attendance, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_record_get_string (person, "person"), ==, fx->person);
  /* the same file again changes nothing */
  g_assert_true (kw_import_file (other, path, FALSE, &summary, &error));
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.updated, ==, 0);
}

static void
test_derived_refusal (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *attendance = kw_test_put (fx->store, "attendance", "meeting", fx->meeting, "person", fx->person,
                                     "status", "present", NULL);
  g_autofree char *anna = kw_test_put (fx->store, "attendance", "meeting", fx->meeting, "guest_name", "Anna de Vries", NULL);
  g_autofree char *random = kw_id_new ();
  g_autofree char *path = export_all (fx, "tampered.kwartier.jsonl");
  g_autoptr(KwStore) other = kw_test_store_open (fx->dir, "b.db");
  g_autoptr(GError) error = NULL;
  KwImportSummary summary;

  /* the person's attendance under a random id, as a guest's would be: refused, and nothing taken */
  replace_in_export (path, attendance, random);
  g_assert_false (kw_import_file (other, path, FALSE, &summary, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "derived"));
  g_assert_cmpint (kw_store_count (other, "attendance"), ==, 0);
  g_assert_cmpint (kw_store_count (other, "meeting"), ==, 0);
  /* the guest under another random id is fine: back to the person's own id */
  g_clear_error (&error);
  replace_in_export (path, random, attendance);
  replace_in_export (path, anna, random);
  g_assert_true (kw_import_file (other, path, FALSE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_store_count (other, "attendance"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kw/guests/store", Fixture, NULL, fixture_set_up, test_store, fixture_tear_down);
  g_test_add ("/kw/guests/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/kw/guests/derived-refusal", Fixture, NULL, fixture_set_up, test_derived_refusal, fixture_tear_down);

  return g_test_run ();
}
