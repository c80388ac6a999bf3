/* test-scopes.c: a partial export holds exactly what its scope reaches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store derives a scope from the registry's PARENT and CONTEXT
 * references. This test does not: it walks the demo data along the rules
 * of spec/export-format.md ("A partial export"), written out here by hand,
 * and compares the record ids of every alliance, network, area and meeting
 * export of the demo with that walk.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "kw-demo.h"
#include "kw-error.h"
#include "kw-people-export.h"
#include "kw-registry.h"
#include "sync-helpers.h"

typedef struct {
  const char *type;
  const char *field;
  const char *parent;   /* the type the field refers to */
} Rule;

/* spec/export-format.md, "A partial export ...", one line per clause */
static const Rule alliance_rules[] = {
  { "alliance_partner", "alliance", "alliance" },
  { "action_line", "alliance", "alliance" },
  { "meeting", "alliance", "alliance" },
  { "stakeholder_map", "alliance", "alliance" },
  { "map_position", "map", "stakeholder_map" },
  { "action_item", "alliance", "alliance" },
  { "action_item", "meeting", "meeting" },
  { "agenda_item", "meeting", "meeting" },
  { "attendance", "meeting", "meeting" },
  { NULL },
};
static const Rule network_rules[] = {
  { "network_unit", "network", "network" },
  { "network_member", "unit", "network_unit" },
  { "meeting", "unit", "network_unit" },
  { "agenda_item", "meeting", "meeting" },
  { "attendance", "meeting", "meeting" },
  { "action_item", "meeting", "meeting" },
  { NULL },
};
static const Rule meeting_rules[] = {
  { "agenda_item", "meeting", "meeting" },
  { "attendance", "meeting", "meeting" },
  { "action_item", "meeting", "meeting" },
  { NULL },
};
static const Rule area_rules[] = {
  { "area", "parent", "area" },
  { "venue", "area", "area" },
  { "organisation", "area", "area" },
  { "person", "area", "area" },
  { "alliance", "area", "area" },
  { "network", "area", "area" },
  { "network_unit", "area", "area" },
  { "stakeholder_map", "area", "area" },
  { NULL },
};
/* "plus the people, organisations, areas and venues they reference" */
static const char * const closure_types[] = { "person", "organisation", "area", "venue", NULL };

static char *
key (const char *type,
     const char *id)
{
  return g_strconcat (type, "\n", id, NULL);
}

static GPtrArray *
ids_of (GHashTable *set,
        const char *type)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer k;
  gsize len = strlen (type);

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &k, NULL))
    if (strncmp (k, type, len) == 0 && ((char *) k)[len] == '\n')
      g_ptr_array_add (ids, g_strdup ((char *) k + len + 1));
  return ids;
}

static GHashTable *
expected_scope (sqlite3     *db,
                const char  *kind,
                const char  *root_id,
                const Rule  *rules)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) queue = NULL;
  GHashTableIter iter;
  gpointer k;
  guint before;

  g_hash_table_add (set, key (kind, root_id));
  do
    {
      before = g_hash_table_size (set);
      for (guint r = 0; rules[r].type; r++)
        {
          g_autoptr(GPtrArray) parents = ids_of (set, rules[r].parent);
          g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ? AND deleted IS NULL",
                                                  rules[r].type, rules[r].field);
          sqlite3_stmt *stmt = NULL;

          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
          for (guint i = 0; i < parents->len; i++)
            {
              sqlite3_bind_text (stmt, 1, g_ptr_array_index (parents, i), -1, SQLITE_STATIC);
              while (sqlite3_step (stmt) == SQLITE_ROW)
                g_hash_table_add (set, key (rules[r].type, (const char *) sqlite3_column_text (stmt, 0)));
              sqlite3_reset (stmt);
            }
          sqlite3_finalize (stmt);
        }
    }
  while (g_hash_table_size (set) != before);

  /* the references of everything in it, and of what they add */
  queue = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &k, NULL))
    g_ptr_array_add (queue, g_strdup (k));
  for (guint q = 0; q < queue->len; q++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (queue, q), "\n", 2);
      const KwEntityType *type = kw_registry_lookup (parts[0]);

      for (guint i = 0; i < type->n_fields; i++)
        {
          const KwField *f = &type->fields[i];
          g_autofree char *sql = NULL;
          sqlite3_stmt *stmt = NULL;
          g_autofree char *target = NULL;

          if (f->kind != KW_FIELD_REF)
            continue;
          sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE id = ?", f->name, type->name);
          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
          sqlite3_bind_text (stmt, 1, parts[1], -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
            target = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          sqlite3_finalize (stmt);
          for (guint t = 0; target && f->targets[t]; t++)
            {
              g_autofree char *exists = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?", f->targets[t]);
              char *found;

              if (!g_strv_contains (closure_types, f->targets[t]))
                continue;
              g_assert_cmpint (sqlite3_prepare_v2 (db, exists, -1, &stmt, NULL), ==, SQLITE_OK);
              sqlite3_bind_text (stmt, 1, target, -1, SQLITE_STATIC);
              found = key (f->targets[t], target);
              if (sqlite3_step (stmt) != SQLITE_ROW)
                g_free (found);
              else if (g_hash_table_add (set, found))
                g_ptr_array_add (queue, g_strdup (found));
              sqlite3_finalize (stmt);
            }
        }
    }
  return set;
}

/* "What belongs to a private person stays on the device with them"
 * (spec/export-format.md): of the scope's types, these refer to their
 * person that way. */
static const Rule private_parents[] = {
  { "alliance_partner", "party", "person" },
  { "attendance", "person", "person" },
  { "map_position", "party", "person" },
  { "network_member", "person", "person" },
  { NULL },
};

static void
drop_private (sqlite3    *db,
              GHashTable *set)
{
  for (guint r = 0; private_parents[r].type; r++)
    {
      g_autoptr(GPtrArray) ids = ids_of (set, private_parents[r].type);
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" JOIN person ON person.id = \"%s\".\"%s\" "
                                              "WHERE \"%s\".id = ? AND person.consent = 'private'",
                                              private_parents[r].type, private_parents[r].type,
                                              private_parents[r].field, private_parents[r].type);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      for (guint i = 0; i < ids->len; i++)
        {
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (ids, i), -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              g_autofree char *k = key (private_parents[r].type, g_ptr_array_index (ids, i));

              g_assert_true (g_hash_table_remove (set, k));
            }
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
    }
}

/* The "type\nid" of every record line of an export. */
static GHashTable *
exported_scope (const char *text,
                guint      *n_records)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lines = record_lines (text);
  g_auto(GStrv) rows = g_strsplit (lines, "\n", -1);

  *n_records = 0;
  for (guint i = 0; rows[i]; i++)
    {
      const char *type, *id, *end_type, *end_id;

      if (rows[i][0] == '\0')
        continue;
      g_assert_true (g_str_has_prefix (rows[i], "{\"type\":\""));
      type = rows[i] + strlen ("{\"type\":\"");
      end_type = strchr (type, '"');
      g_assert_true (g_str_has_prefix (end_type, "\",\"id\":\""));
      id = end_type + strlen ("\",\"id\":\"");
      end_id = strchr (id, '"');
      g_assert_nonnull (end_id);
      {
        g_autofree char *t = g_strndup (type, end_type - type);
        g_autofree char *d = g_strndup (id, end_id - id);

        g_assert_true (g_hash_table_add (set, key (t, d)));
      }
      (*n_records)++;
    }
  return set;
}

static void
check_kind (Replica     *replica,
            sqlite3     *db,
            const char  *dir,
            KwExportScope scope,
            const Rule  *rules,
            guint        min_records)
{
  const char *kind = kw_export_scope_to_string (scope);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roots = kw_store_list (replica->store, kind, &error);
  guint largest = 0;
  guint dropped = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (roots->len, >, 0);
  for (guint i = 0; i < roots->len; i++)
    {
      const char *id = kw_record_get_id (g_ptr_array_index (roots, i));
      KwExportOptions options = { scope, id, FALSE, NULL };
      g_autofree char *text = export_text (replica->store, dir, &options);
      g_autoptr(GHashTable) expected = expected_scope (db, kind, id, rules);
      guint n_private;
      guint n_records;
      g_autoptr(GHashTable) actual = exported_scope (text, &n_records);
      GHashTableIter iter;
      gpointer k;

      n_private = g_hash_table_size (expected);
      drop_private (db, expected);
      n_private -= g_hash_table_size (expected);
      dropped += n_private;
      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &k, NULL))
        if (!g_hash_table_contains (actual, k))
          g_error ("%s %s: the export lacks %s", kind, id, g_strdelimit (k, "\n", ' '));
      g_hash_table_iter_init (&iter, actual);
      while (g_hash_table_iter_next (&iter, &k, NULL))
        if (!g_hash_table_contains (expected, k))
          g_error ("%s %s: the export has %s, outside the scope", kind, id, g_strdelimit (k, "\n", ' '));
      g_assert_cmpuint (n_records, ==, g_hash_table_size (expected));
      largest = MAX (largest, n_records);
    }
  /* the walk reaches beyond the root in the demo */
  g_assert_cmpuint (largest, >=, min_records);
  g_test_message ("%s: %u scopes, the largest %u records, %u left home with a private person",
                  kind, roots->len, largest, dropped);
}

static void
test_scopes_demo (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) replica = replica_new (dir, 0, G_GINT64_CONSTANT (1764547200000));
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_true (kw_demo_load (replica->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (replica->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  check_kind (replica, db, dir, KW_EXPORT_SCOPE_ALLIANCE, alliance_rules, 20);
  check_kind (replica, db, dir, KW_EXPORT_SCOPE_NETWORK, network_rules, 20);
  check_kind (replica, db, dir, KW_EXPORT_SCOPE_AREA, area_rules, 20);
  check_kind (replica, db, dir, KW_EXPORT_SCOPE_MEETING, meeting_rules, 5);
  sqlite3_close (db);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The references a scope follows besides PARENT: exactly these. */
static void
test_scopes_context (void)
{
  const char * const expected[] = {
    "action_item.alliance", "action_item.meeting", "meeting.alliance", "meeting.unit",
    "stakeholder_map.alliance", NULL,
  };
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);

      for (guint i = 0; i < type->n_fields; i++)
        if (type->fields[i].flags & KW_FIELD_FLAG_CONTEXT)
          {
            g_assert_cmpint (type->fields[i].kind, ==, KW_FIELD_REF);
            g_assert_false (type->fields[i].flags & KW_FIELD_FLAG_PARENT);
            g_ptr_array_add (found, g_strconcat (type->name, ".", type->fields[i].name, NULL));
          }
    }
  g_ptr_array_sort (found, compare_strings);
  g_ptr_array_add (found, NULL);
  g_assert_cmpstrv ((char **) found->pdata, expected);
}

/* One table of scope kinds: the names round-trip, the others are refused. */
static void
test_scopes_kinds (void)
{
  const char * const names[] = { "all", "alliance", "network", "area", "meeting" };
  KwExportScope scope;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (kw_export_scope_from_string (names[i], &scope));
      g_assert_cmpint (scope, ==, i);
      g_assert_cmpstr (kw_export_scope_to_string (scope), ==, names[i]);
    }
  g_assert_false (kw_export_scope_from_string ("person", &scope));
  g_assert_false (kw_export_scope_from_string (NULL, &scope));
}

/* A person is no scope: the people export refuses it rather than walk
 * what belongs to them. */
static void
test_scopes_not_a_kind (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) replica = replica_new (dir, 0, G_GINT64_CONSTANT (1764547200000));
  g_autofree char *path = g_build_filename (dir, "people.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  guint written = 0, left_out = 0;

  g_assert_true (kw_demo_load (replica->store, &error));
  g_assert_no_error (error);
  people = kw_store_list (replica->store, "person", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, >, 0);
  g_assert_false (kw_people_export_to_file (replica->store, "person",
                                            kw_record_get_id (g_ptr_array_index (people, 0)),
                                            path, &written, &left_out, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/scopes/demo", test_scopes_demo);
  g_test_add_func ("/kw/scopes/context", test_scopes_context);
  g_test_add_func ("/kw/scopes/kinds", test_scopes_kinds);
  g_test_add_func ("/kw/scopes/not-a-kind", test_scopes_not_a_kind);
  status = g_test_run ();
  helper_cleanup ();
  return status;
}
