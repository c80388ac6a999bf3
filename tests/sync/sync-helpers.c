/* sync-helpers.c: shared by the sync tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "kw-error.h"
#include "sync-helpers.h"
#include "kw-test-files.h"

static const char * const texts[] = {
  "Fatima El Amrani", "Jan de Vries", "Buurthuis De Meeuw", "\"quoted\" and \\back\\",
  "line\nbreak\ttab", "Ümit Özdemir", "مرحبا", "", "x", "Stichting Buurtkracht", "😀 emoji",
};

guint32
test_seed (void)
{
  const char *env = g_getenv ("KW_TEST_SEED");
  guint32 seed = env ? (guint32) strtoul (env, NULL, 10) : 20261122u;

  g_test_message ("seed %u (set KW_TEST_SEED to repeat)", seed);
  return seed;
}

static GPtrArray *tmpdirs;

char *
helper_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kw-sync-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    tmpdirs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

/* Removes every folder helper_tmpdir() made. */
void
helper_cleanup (void)
{
  for (guint i = 0; tmpdirs != NULL && i < tmpdirs->len; i++)
    kw_test_remove_tree (g_ptr_array_index (tmpdirs, i));
  g_clear_pointer (&tmpdirs, g_ptr_array_unref);
}

static gint64
replica_wall_cb (gpointer user_data)
{
  Replica *replica = user_data;

  return replica->wall_ms;
}

Replica *
replica_new (const char *dir,
             guint       index,
             gint64      wall_ms)
{
  g_autoptr(GError) error = NULL;
  Replica *replica = g_new0 (Replica, 1);
  g_autofree char *name = g_strdup_printf ("replica-%u.db", index);

  replica->path = g_build_filename (dir, name, NULL);
  replica->store = kw_store_open (replica->path, &error);
  g_assert_no_error (error);
  replica->wall_ms = wall_ms;
  replica->index = index;
  kw_store_set_wall_clock (replica->store, replica_wall_cb, replica);
  return replica;
}

void
replica_free (Replica *replica)
{
  g_clear_object (&replica->store);
  g_free (replica->path);
  g_free (replica);
}

/* Clocks that run, skew and sometimes jump backwards. */
void
replica_tick (Replica *replica,
              GRand   *rand)
{
  if (g_rand_int_range (rand, 0, 10) == 0)
    replica->wall_ms -= g_rand_int_range (rand, 1, 3600000);
  else
    replica->wall_ms += g_rand_int_range (rand, 0, 5000);
}

char *
export_file (KwStore         *store,
             const char      *dir,
             KwExportOptions *options)
{
  static guint n;
  KwExportOptions all = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("export-%u.kwartier.jsonl%s", n++,
                                           options && options->gzip ? ".gz" : "");
  char *path = g_build_filename (dir, name, NULL);

  kw_export_to_file (store, options ? options : &all, path, &error);
  g_assert_no_error (error);
  return path;
}

char *
export_text (KwStore         *store,
             const char      *dir,
             KwExportOptions *options)
{
  g_autofree char *path = export_file (store, dir, options);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return text;
}

/* The lines between the header and the trailer. */
char *
record_lines (const char *text)
{
  const char *first = strchr (text, '\n');
  const char *last;

  g_assert_nonnull (first);
  last = g_strrstr_len (text, (gssize) strlen (text) - 1, "\n");
  g_assert_nonnull (last);
  return g_strndup (first + 1, last > first ? (gsize) (last - first) : 0);
}

static void
dump_table (sqlite3    *db,
            const char *table,
            GString    *out)
{
  /* when a conflict was noted is the one thing that differs between runs */
  g_autofree char *sql = g_strcmp0 (table, "sync_conflicts") == 0
    ? g_strdup ("SELECT type, record, field, value, hlc, device, organiser, kind, resolved "
                "FROM sync_conflicts ORDER BY 1, 2, 3, 5")
    : g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_string_append_printf (out, "== %s\n", table);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (out, "%s|", v ? v : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

/* Every table but meta (the device id follows the file's path) and the
 * full-text shadow tables, as text. */
char *
dump_database (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                      "AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%.fts%' "
                      "AND name != 'meta' ORDER BY name", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    dump_table (db, g_ptr_array_index (tables, i), out);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

KwImportSummary
import_ok (KwStore    *store,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  KwImportSummary summary = { 0 };

  kw_import_file (store, path, FALSE, &summary, &error);
  g_assert_no_error (error);
  return summary;
}

void
import_refused (KwStore    *store,
                const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_database (kw_store_get_path (store));
  g_autofree char *after = NULL;
  KwImportSummary summary;

  g_assert_false (kw_import_file (store, path, FALSE, &summary, &error));
  g_assert_error (error, KW_CORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  after = dump_database (kw_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
}

/* Random values and writes */

static GVariant *
random_ref (KwStore       *store,
            const KwField *field,
            GRand         *rand)
{
  guint n = g_strv_length ((char **) field->targets);
  const char *target = field->targets[g_rand_int_range (rand, 0, (gint32) n)];
  g_autoptr(GPtrArray) live = kw_store_list (store, target, NULL);
  KwRecord *pick;

  if (live == NULL || live->len == 0)
    return NULL;
  pick = g_ptr_array_index (live, g_rand_int_range (rand, 0, (gint32) live->len));
  return g_variant_new_string (kw_record_get_id (pick));
}

static GVariant *
random_value (KwStore       *store,
              const KwField *field,
              GRand         *rand)
{
  switch (field->kind)
    {
    case KW_FIELD_INTEGER:
      if (field->min < field->max)
        return g_variant_new_int64 (field->min + g_rand_int_range (rand, 0, (gint32) MIN (field->max - field->min + 1, G_MAXINT32)));
      return g_variant_new_int64 (g_rand_int_range (rand, -1000, 1000));
    case KW_FIELD_CENTS:
      return g_variant_new_int64 ((gint64) g_rand_int (rand) * 7);
    case KW_FIELD_BOOL:
      return g_variant_new_boolean (g_rand_boolean (rand));
    case KW_FIELD_DATE:
      return g_variant_new_take_string (g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 1, 13),
                                                         g_rand_int_range (rand, 1, 29)));
    case KW_FIELD_DATETIME:
      return g_variant_new_take_string (g_strdup_printf ("2026-11-%02dT%02d:30:00Z", g_rand_int_range (rand, 1, 29),
                                                         g_rand_int_range (rand, 0, 24)));
    case KW_FIELD_ENUM:
      return g_variant_new_string (field->values[g_rand_int_range (rand, 0, (gint32) g_strv_length ((char **) field->values))]);
    case KW_FIELD_REF:
      return random_ref (store, field, rand);
    case KW_FIELD_TEXT:
    default:
      {
        const char *t = texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))];
        if ((field->flags & KW_FIELD_FLAG_REQUIRED) && *t == '\0')
          t = "required";
        return g_variant_new_string (t);
      }
    }
}

static gboolean
is_id_field (const KwEntityType *type,
             const char         *name)
{
  return type->id_fields != NULL && g_strv_contains (type->id_fields, name);
}

/* fields only an operation of the core writes (finalising the minutes):
 * the store refuses them in an ordinary write */
static gboolean
is_lock_field (const KwEntityType *type,
               const char         *name)
{
  int i = kw_entity_type_field_index (type, name);

  return i >= 0 && (type->fields[i].flags & KW_FIELD_FLAG_SYSTEM) != 0;
}

static void
random_create (KwStore            *store,
               const KwEntityType *type,
               GRand              *rand)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (type->name, NULL);
  g_autofree char *id = NULL;

  for (guint i = 0; i < type->n_fields; i++)
    {
      const KwField *f = &type->fields[i];
      GVariant *v;

      if (!(f->flags & KW_FIELD_FLAG_REQUIRED) && !is_id_field (type, f->name) && g_rand_int_range (rand, 0, 3) == 0)
        continue;
      if (is_lock_field (type, f->name))
        continue;
      v = random_value (store, f, rand);
      if (v == NULL && ((f->flags & KW_FIELD_FLAG_REQUIRED) || is_id_field (type, f->name)))
        return;  /* nothing to refer to yet */
      if (v != NULL)
        kw_changeset_set (changes, f->name, v, NULL);
    }
  id = kw_store_create (store, changes, NULL);  /* a derived id may exist already */
}

static KwRecord *
random_live (KwStore            *store,
             const KwEntityType *type,
             GRand              *rand)
{
  g_autoptr(GPtrArray) live = kw_store_list (store, type->name, NULL);

  if (live == NULL || live->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (live, g_rand_int_range (rand, 0, (gint32) live->len)));
}

static void
random_edit (KwStore            *store,
             const KwEntityType *type,
             GRand              *rand)
{
  g_autoptr(KwRecord) record = random_live (store, type, rand);
  g_autoptr(KwChangeset) changes = kw_changeset_new (type->name, NULL);
  g_autoptr(GError) error = NULL;

  if (record == NULL)
    return;
  /* a record whose parent an import deleted (an orphan) is not edited:
   * the store refuses to move it to a private party (the copy it makes
   * refers to the missing parent) */
  for (guint i = 0; i < type->n_fields; i++)
    if ((type->fields[i].flags & KW_FIELD_FLAG_PARENT)
        && kw_record_get_string (record, type->fields[i].name) != NULL
        && kw_store_find_type (store, type->fields[i].targets,
                               kw_record_get_string (record, type->fields[i].name)) == NULL)
      return;
  for (guint n = g_rand_int_range (rand, 1, 4); n > 0; n--)
    {
      const KwField *f = &type->fields[g_rand_int_range (rand, 0, (gint32) type->n_fields)];
      GVariant *v;

      if (is_id_field (type, f->name) || is_lock_field (type, f->name))
        continue;
      v = g_rand_int_range (rand, 0, 8) == 0 && !(f->flags & KW_FIELD_FLAG_REQUIRED)
          ? NULL : random_value (store, f, rand);
      if (v == NULL && (f->flags & KW_FIELD_FLAG_REQUIRED))
        continue;
      kw_changeset_set (changes, f->name, v, NULL);
    }
  kw_store_update (store, kw_record_get_id (record), changes, &error);
  g_assert_no_error (error);
}

void
random_write (KwStore *store,
              GRand   *rand)
{
  const KwEntityType *type = kw_registry_type_at (g_rand_int_range (rand, 0, (gint32) kw_registry_n_types ()));
  int what = g_rand_int_range (rand, 0, 10);

  if (what < 4)
    random_create (store, type, rand);
  else if (what < 9)
    random_edit (store, type, rand);
  else
    {
      g_autoptr(KwRecord) record = random_live (store, type, rand);
      g_autoptr(GError) error = NULL;

      if (record != NULL)
        kw_store_delete (store, type->name, kw_record_get_id (record), &error);
      g_assert_no_error (error);
    }
}

void
random_writes (KwStore *store,
               GRand   *rand,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    random_write (store, rand);
}

char *
helper_put (KwStore    *store,
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
    {
      const char *text = va_arg (ap, const char *);

      g_assert_true (kw_changeset_set_text (cs, field, text, &error));
    }
  va_end (ap);
  id = kw_store_create (store, cs, &error);
  g_assert_no_error (error);
  return id;
}

void
helper_update (KwStore    *store,
               const char *type,
               const char *id,
               const char *field,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChangeset) cs = kw_changeset_new (type, &error);

  g_assert_true (kw_changeset_set_text (cs, field, text, &error));
  g_assert_true (kw_store_update (store, id, cs, &error));
  g_assert_no_error (error);
}
