/* test-export-preview.c: kw_export_preview says what kw_export_to_file writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo, with an invented private person and an invented shared one,
 * both with private notes, referred to from an alliance, a network unit
 * and a meeting (so that every partial scope holds the private person's
 * stub), and a tombstone. For every scope (all, alliance, network, area,
 * meeting) the written file's lines are read back with json-glib and
 * counted per type (live, private stubs, tombstones) against the
 * preview; the private person's name and both private notes are in no
 * byte of any file. All names are invented.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "kw-demo.h"
#include "kw-export.h"
#include "kw-store.h"
#include "kw-test-files.h"
#include "kw-test-store.h"

#define PRIVATE_NAME  "Wendelien Oosterkamp"
#define PRIVATE_NOTE  "QX-geheim-7731 zorgt voor haar moeder"
#define SHARED_NOTE   "QX-notitie-5519 niet doorvertellen"

typedef struct {
  char    *dir;
  KwStore *store;
  char    *alliance;
  char    *network;
  char    *area;
  char    *meeting;
  char    *private_person;
} Fixture;

typedef struct {
  guint64 records, stubs, deleted;
} Count;

#define put(fx, ...) kw_test_put ((fx)->store, __VA_ARGS__)

static char *
dup_first (Fixture    *fx,
           const char *type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = kw_store_list (fx->store, type, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 0);
  return g_strdup (kw_record_get_id (g_ptr_array_index (all, 0)));
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *gone = NULL;

  fx->dir = g_dir_make_tmp ("kw-export-preview-XXXXXX", &error);
  g_assert_no_error (error);
  fx->store = kw_test_store_open (fx->dir, "kwartier.db");
  g_assert_true (kw_demo_load (fx->store, &error));
  g_assert_no_error (error);
  fx->alliance = dup_first (fx, "alliance");
  fx->network = dup_first (fx, "network");
  fx->area = dup_first (fx, "area");
  fx->private_person = put (fx, "person", "name", PRIVATE_NAME, "consent", "private",
                            "area", fx->area, "private_notes", PRIVATE_NOTE, NULL);
  shared = put (fx, "person", "name", "Teun Rozendaal", "consent", "shared",
                "area", fx->area, "private_notes", SHARED_NOTE, NULL);
  g_free (put (fx, "alliance_partner", "alliance", fx->alliance, "party", fx->private_person, NULL));
  g_free (put (fx, "alliance_partner", "alliance", fx->alliance, "party", shared, NULL));
  g_free (put (fx, "action_line", "alliance", fx->alliance, "title", "Buurtkamer open",
               "owner", fx->private_person, NULL));
  gone = put (fx, "action_line", "alliance", fx->alliance, "title", "Vergeten lijn", NULL);
  g_assert_true (kw_store_delete (fx->store, "action_line", gone, &error));
  g_assert_no_error (error);
  unit = put (fx, "network_unit", "network", fx->network, "name", "Portiek 7",
              "contact", fx->private_person, "deputy", shared, NULL);
  g_free (put (fx, "network_member", "unit", unit, "person", shared, NULL));
  fx->meeting = put (fx, "meeting", "title", "Buurtoverleg", "alliance", fx->alliance,
                     "chair", fx->private_person, "minute_taker", shared, NULL);
  g_free (put (fx, "attendance", "meeting", fx->meeting, "person", fx->private_person, NULL));
  g_free (put (fx, "attendance", "meeting", fx->meeting, "person", shared, NULL));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  kw_test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->alliance);
  g_free (fx->network);
  g_free (fx->area);
  g_free (fx->meeting);
  g_free (fx->private_person);
}

/* A person line whose fields are the consent "private" alone. */
static gboolean
is_stub (JsonObject *record)
{
  JsonObject *f = json_object_get_object_member (record, "f");
  JsonArray *consent;

  if (f == NULL || json_object_get_size (f) != 1 || !json_object_has_member (f, "consent"))
    return FALSE;
  consent = json_object_get_array_member (f, "consent");
  return g_strcmp0 (json_array_get_string_element (consent, 0), "private") == 0;
}

/* type name → Count, from the written file; *records: the trailer's. */
static GHashTable *
count_file (const char *path,
            guint64    *records)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (lines[n - 1], ==, "");
  for (guint i = 1; i + 2 < n; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (lines[i], &error);
      JsonObject *record;
      const char *type;
      Count *count;

      g_assert_no_error (error);
      record = json_node_get_object (node);
      type = json_object_get_string_member (record, "type");
      if ((count = g_hash_table_lookup (counts, type)) == NULL)
        g_hash_table_insert (counts, g_strdup (type), count = g_new0 (Count, 1));
      if (json_object_has_member (record, "deleted"))
        count->deleted++;
      else if (g_str_equal (type, "person") && is_stub (record))
        count->stubs++;
      else
        count->records++;
    }
  {
    g_autoptr(JsonNode) trailer = json_from_string (lines[n - 2], &error);

    g_assert_no_error (error);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (trailer), "end"));
    *records = json_object_get_int_member (json_node_get_object (trailer), "records");
  }
  return counts;
}

static void
assert_no_private_bytes (const char *path)
{
  g_autofree char *text = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  g_assert_null (g_strstr_len (text, len, PRIVATE_NAME));
  g_assert_null (g_strstr_len (text, len, "Wendelien"));
  g_assert_null (g_strstr_len (text, len, "QX-geheim-7731"));
  g_assert_null (g_strstr_len (text, len, "QX-notitie-5519"));
  g_assert_null (g_strstr_len (text, len, "private_notes"));
}

/* The preview and the file agree, type by type; the preview's numbers. */
static void
check_scope (Fixture           *fx,
             KwExportScope      scope,
             const char        *scope_id,
             KwExportPreview   *preview)
{
  g_autoptr(GError) error = NULL;
  KwExportOptions options = { scope, scope_id, FALSE, NULL, NULL };
  g_autofree char *path = g_build_filename (fx->dir, "out.kwartier.jsonl", NULL);
  g_autoptr(GHashTable) counts = NULL;
  guint64 trailer = 0, people = 0, stubs = 0;

  g_assert_true (kw_export_preview (fx->store, &options, preview, &error));
  g_assert_no_error (error);
  g_assert_true (kw_export_to_file (fx->store, &options, path, &error));
  g_assert_no_error (error);
  counts = count_file (path, &trailer);
  g_assert_cmpuint (preview->records, ==, trailer);
  g_assert_cmpuint (preview->types->len, ==, g_hash_table_size (counts));
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);
      const KwExportTypeCount *c = kw_export_preview_lookup (preview, type->name);
      Count *written = g_hash_table_lookup (counts, type->name);

      g_test_message ("%s %s: %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
                      kw_export_scope_to_string (scope), type->name,
                      c ? c->records : 0, c ? c->stubs : 0, c ? c->deleted : 0);
      g_assert_true ((c == NULL) == (written == NULL));
      if (c == NULL)
        continue;
      g_assert_cmpuint (c->records, ==, written->records);
      g_assert_cmpuint (c->stubs, ==, written->stubs);
      g_assert_cmpuint (c->deleted, ==, written->deleted);
      if (g_str_equal (type->name, "person"))
        people = written->records, stubs = written->stubs;
    }
  g_assert_cmpuint (preview->people, ==, people);
  g_assert_cmpuint (preview->private_people, ==, stubs);
  assert_no_private_bytes (path);
}

static guint
count_private_people (Fixture *fx)
{
  g_autoptr(GPtrArray) people = kw_store_list (fx->store, "person", NULL);
  guint n = 0;

  for (guint i = 0; i < people->len; i++)
    n += kw_store_is_private (fx->store, "person", kw_record_get_id (g_ptr_array_index (people, i)));
  return n;
}

static void
test_all (Fixture       *fx,
          gconstpointer  data)
{
  KwExportPreview preview;
  gboolean notes = FALSE;

  check_scope (fx, KW_EXPORT_SCOPE_ALL, NULL, &preview);
  /* every private person of the database leaves as a stub, everybody else whole */
  g_assert_cmpuint (preview.private_people, ==, count_private_people (fx));
  g_assert_cmpuint (preview.private_people, >=, 2);
  g_assert_cmpint (preview.people + preview.private_people, ==, kw_store_count (fx->store, "person"));
  g_assert_cmpuint (kw_export_preview_lookup (&preview, "action_line")->deleted, ==, 1);
  for (guint i = 0; i < preview.local_fields->len; i++)
    {
      KwExportLocalField *local = &g_array_index (preview.local_fields, KwExportLocalField, i);

      notes |= g_str_equal (local->type->name, "person") && g_str_equal (local->field->name, "private_notes");
    }
  g_assert_true (notes);
  kw_export_preview_clear (&preview);
  g_assert_null (preview.types);
}

static void
test_partial (Fixture       *fx,
              gconstpointer  data)
{
  struct { KwExportScope scope; const char *id; } scopes[] = {
    { KW_EXPORT_SCOPE_ALLIANCE, fx->alliance },
    { KW_EXPORT_SCOPE_NETWORK, fx->network },
    { KW_EXPORT_SCOPE_AREA, fx->area },
    { KW_EXPORT_SCOPE_MEETING, fx->meeting },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      KwExportPreview preview;

      check_scope (fx, scopes[i].scope, scopes[i].id, &preview);
      /* the private person is in every scope, as a stub */
      g_assert_cmpuint (preview.private_people, >=, 1);
      g_assert_cmpuint (preview.people, >=, 1);
      kw_export_preview_clear (&preview);
    }
}

static void
test_refused (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KwExportOptions options = { KW_EXPORT_SCOPE_ALLIANCE, "not an id", FALSE, NULL, NULL };
  KwExportPreview preview;

  g_assert_false (kw_export_preview (fx->store, &options, &preview, &error));
  g_assert_nonnull (error);
  g_assert_null (preview.types);
}

typedef struct {
  guint64       last;
  guint         calls;
  GCancellable *cancel_at;  /* cancelled at the second report, if set */
} Progress;

static void
on_progress_cb (guint64  records,
                gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (records, >, p->last);
  p->last = records;
  if (++p->calls == 2 && p->cancel_at != NULL)
    g_cancellable_cancel (p->cancel_at);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* kw_export_to_file_full reports the lines written up to the preview's
 * total; cancelled (before or while writing) it leaves no file behind. */
static void
test_progress (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out = g_build_filename (fx->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out, "big.kwartier.jsonl", NULL);
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, TRUE, NULL, NULL };
  KwExportPreview preview;
  Progress p = { 0 };

  g_assert_true (kw_demo_generate (fx->store, 1500, 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_true (kw_export_preview (fx->store, &options, &preview, &error));
  g_assert_cmpuint (preview.records, >, 3 * 2048);
  g_assert_true (kw_export_to_file_full (fx->store, &options, path, on_progress_cb, &p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.calls, ==, preview.records / 2048);
  g_assert_cmpuint (p.last, <=, preview.records);
  g_assert_cmpuint (preview.records - p.last, <, 2048);
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* cancelled while writing */
  p = (Progress) { 0, 0, cancellable };
  g_assert_false (kw_export_to_file_full (fx->store, &options, path, on_progress_cb, &p, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (p.calls, ==, 2);
  g_assert_cmpuint (count_files (out), ==, 0);
  /* and before */
  g_assert_false (kw_export_to_file_full (fx->store, &options, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (out), ==, 0);
  kw_export_preview_clear (&preview);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/kw/export-preview/all", Fixture, NULL, fixture_set_up, test_all, fixture_tear_down);
  g_test_add ("/kw/export-preview/partial", Fixture, NULL, fixture_set_up, test_partial, fixture_tear_down);
  g_test_add ("/kw/export-preview/progress", Fixture, NULL, fixture_set_up, test_progress, fixture_tear_down);
  g_test_add ("/kw/export-preview/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  return g_test_run ();
}
