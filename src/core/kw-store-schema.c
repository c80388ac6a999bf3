/* kw-store-schema.c: the tables, indexes and full-text tables the
 * registry describes, migrations and the schema's fingerprint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Split from kw-store.c, which calls _kw_store_prepare_schema () when it
 * opens a database.
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kw-error.h"
#include "kw-store-private.h"
#include "kw-sync-private.h"

/* Tables of the device itself, never exported. */
static const char local_tables_sql[] =
  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS seen (device TEXT PRIMARY KEY, hlc TEXT NOT NULL) WITHOUT ROWID;";

int
_kw_store_get_user_version (KwStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (_kw_store_get_db (self), "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
has_tables (KwStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (_kw_store_get_db (self), "SELECT 1 FROM sqlite_schema LIMIT 1", -1, &stmt, NULL) == SQLITE_OK)
    found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

static gboolean
has_column (KwStore    *self,
            const char *table,
            const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM pragma_table_info('%s') WHERE name = ?", table);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (_kw_store_get_db (self), sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, column, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* Schema, from the registry */

static const char *
column_type (const KwField *field)
{
  switch (field->kind)
    {
    case KW_FIELD_INTEGER:
    case KW_FIELD_CENTS:
    case KW_FIELD_BOOL:
      return "INTEGER";
    case KW_FIELD_TEXT:
    case KW_FIELD_DATE:
    case KW_FIELD_DATETIME:
    case KW_FIELD_ENUM:
    case KW_FIELD_REF:
    default:
      return "TEXT";
    }
}

static char *
table_sql (const KwEntityType *type)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "CREATE TABLE IF NOT EXISTS \"%s\" ("
                          "rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, deleted TEXT",
                          type->name);
  for (guint i = 0; i < type->n_fields; i++)
    {
      const KwField *f = &type->fields[i];

      g_string_append_printf (s, ", \"%s\" %s, \"%s:hlc\" TEXT, \"%s:prev\" TEXT",
                              f->name, column_type (f), f->name, f->name);
    }
  g_string_append (s, ");\n");
  return g_string_free (s, FALSE);
}

static char *
index_sql (const KwEntityType *type)
{
  GString *s = g_string_new (NULL);

  if (type->title_field != NULL)
    g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.title\" ON \"%s\" (\"%s\" COLLATE NOCASE);\n",
                            type->name, type->name, type->title_field);
  for (guint i = 0; i < type->n_fields; i++)
    if (type->fields[i].kind == KW_FIELD_REF)
      g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.%s\" ON \"%s\" (\"%s\");\n",
                              type->name, type->fields[i].name, type->name, type->fields[i].name);
  return g_string_free (s, FALSE);
}

/* The indexes the lists need, from the fields flagged KW_FIELD_FLAG_INDEX
 * (kw-registry.h); names and text as schema 1 made them by hand. */
static void
append_list_index (GString            *s,
                   const KwEntityType *type,
                   const KwField      *field)
{
  const char *t = type->name;
  const char *f = field->name;

  if (g_strcmp0 (type->title_field, f) == 0)
    g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.live_title\" ON %s (%s COLLATE NOCASE, id) "
                            "WHERE deleted IS NULL;\n", t, t, f);
  else if (field->kind == KW_FIELD_BOOL)
    g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.%s\" ON %s (%s) WHERE %s = 1;\n",
                            t, f, t, f, f);
  else if (field->flags & KW_FIELD_FLAG_EMAIL)
    g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.%s_key\" ON %s (lower (trim (%s)));\n",
                            t, f, t, f);
  else
    {
      const KwField *parent = NULL;

      for (guint i = 0; i < type->n_fields && parent == NULL; i++)
        if (type->fields[i].flags & KW_FIELD_FLAG_PARENT)
          parent = &type->fields[i];
      if (parent != NULL)
        g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.%s_%s\" ON %s (%s, %s);\n",
                                t, parent->name, f, t, parent->name, f);
      else
        g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.%s_list\" ON %s (%s);\n",
                                t, f, t, f);
    }
}

static char *
list_indexes_sql (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);

      for (guint j = 0; j < type->n_fields; j++)
        if (type->fields[j].flags & KW_FIELD_FLAG_INDEX)
          append_list_index (s, type, &type->fields[j]);
    }
  return g_string_free (s, FALSE);
}

static GPtrArray *
search_columns (const KwEntityType *type)
{
  GPtrArray *cols = g_ptr_array_new ();

  for (guint i = 0; i < type->n_fields; i++)
    if (type->fields[i].flags & KW_FIELD_FLAG_SEARCH)
      g_ptr_array_add (cols, (gpointer) type->fields[i].name);
  return cols;
}

static char *
join_columns (GPtrArray  *cols,
              const char *prefix)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cols->len; i++)
    g_string_append_printf (s, "%s%s\"%s\"", i ? ", " : "", prefix, (char *) g_ptr_array_index (cols, i));
  return g_string_free (s, FALSE);
}

/* An external-content FTS5 table with a trigram tokenizer, kept
 * current by triggers: the store never forgets to update it. */
static char *
fts_sql (const KwEntityType *type)
{
  g_autoptr(GPtrArray) cols = search_columns (type);
  g_autofree char *plain = join_columns (cols, "");
  g_autofree char *news = join_columns (cols, "new.");
  g_autofree char *olds = join_columns (cols, "old.");
  const char *t = type->name;

  return g_strdup_printf (
    "CREATE VIRTUAL TABLE IF NOT EXISTS \"%s.fts\" USING fts5 (%s, content='%s', content_rowid='rid', tokenize='trigram');\n"
    "CREATE TRIGGER IF NOT EXISTS \"%s.fts.insert\" AFTER INSERT ON \"%s\" BEGIN "
    "INSERT INTO \"%s.fts\" (rowid, %s) VALUES (new.rid, %s); END;\n"
    "CREATE TRIGGER IF NOT EXISTS \"%s.fts.delete\" AFTER DELETE ON \"%s\" BEGIN "
    "INSERT INTO \"%s.fts\" (\"%s.fts\", rowid, %s) VALUES ('delete', old.rid, %s); END;\n"
    "CREATE TRIGGER IF NOT EXISTS \"%s.fts.update\" AFTER UPDATE OF %s ON \"%s\" BEGIN "
    "INSERT INTO \"%s.fts\" (\"%s.fts\", rowid, %s) VALUES ('delete', old.rid, %s); "
    "INSERT INTO \"%s.fts\" (rowid, %s) VALUES (new.rid, %s); END;\n",
    t, plain, t,
    t, t, t, plain, news,
    t, t, t, t, plain, olds,
    t, plain, t, t, t, plain, olds, t, plain, news);
}

/* Bulk full-text indexing (an import that adds most of the rows): the
 * triggers of every search table are dropped inside the import's
 * transaction and, at its end, each index is rebuilt from its table at
 * once and the triggers are made again, in the same transaction, so that
 * a kill leaves the database before or after. */
gboolean
_kw_store_fts_suspend (KwStore    *store,
                       GPtrArray  *indexes,
                       GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  /* the secondary indexes of the record tables go too (made again at the
   * end, each sorted at once); the id's own unique index stays */
  if (sqlite3_prepare_v2 (_kw_store_get_db (store),
                          "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _kw_store_set_db_error (store, error), FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *dot = strchr (name, '.');
      g_autofree char *table = dot ? g_strndup (name, dot - name) : NULL;

      if (table != NULL && kw_registry_lookup (table) != NULL)
        {
          g_ptr_array_add (indexes, g_strdup (name));
          g_ptr_array_add (indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < indexes->len; i += 2)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (char *) g_ptr_array_index (indexes, i));

      if (!_kw_store_exec (store, sql, error))
        return FALSE;
    }
  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);
      g_autofree char *sql = NULL;

      if (!(type->flags & KW_TYPE_FLAG_SEARCH))
        continue;
      sql = g_strdup_printf ("DROP TRIGGER IF EXISTS \"%s.fts.insert\";"
                             "DROP TRIGGER IF EXISTS \"%s.fts.delete\";"
                             "DROP TRIGGER IF EXISTS \"%s.fts.update\";",
                             type->name, type->name, type->name);
      if (!_kw_store_exec (store, sql, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_kw_store_fts_resume (KwStore    *store,
                      GPtrArray  *indexes,
                      GError    **error)
{
  for (guint i = 0; i + 1 < indexes->len; i += 2)
    if (!_kw_store_exec (store, g_ptr_array_index (indexes, i + 1), error))
      return FALSE;
  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);
      g_autofree char *rebuild = NULL;
      g_autofree char *fts = NULL;

      if (!(type->flags & KW_TYPE_FLAG_SEARCH))
        continue;
      rebuild = g_strdup_printf ("INSERT INTO \"%s.fts\" (\"%s.fts\") VALUES ('rebuild');",
                                 type->name, type->name);
      fts = fts_sql (type);
      if (!_kw_store_exec (store, rebuild, error) || !_kw_store_exec (store, fts, error))
        return FALSE;
    }
  return TRUE;
}

/* The rows of the search tables. */
gint64
_kw_store_fts_count_rows (KwStore *store)
{
  gint64 n = 0;

  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      if (!(type->flags & KW_TYPE_FLAG_SEARCH))
        continue;
      sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", type->name);
      if (sqlite3_prepare_v2 (_kw_store_get_db (store), sql, -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW)
        n += sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  return n;
}

/* A row that changes or goes drops its entry in the digest table of the
 * import (kw-store-sync.c, sync_lines), whichever path wrote it: the
 * store's writes, the merge, forget. */
static char *
lines_sql (const KwEntityType *type)
{
  const char *t = type->name;

  return g_strdup_printf (
    "CREATE TRIGGER IF NOT EXISTS \"%s.lines.update\" AFTER UPDATE ON \"%s\" BEGIN "
    "DELETE FROM sync_lines WHERE id = old.id; END;\n"
    "CREATE TRIGGER IF NOT EXISTS \"%s.lines.delete\" AFTER DELETE ON \"%s\" BEGIN "
    "DELETE FROM sync_lines WHERE id = old.id; END;\n",
    t, t, t, t);
}

static char *
schema_sql (void)
{
  GString *s = g_string_new (local_tables_sql);
  g_autofree char *lists = NULL;

  g_string_append (s, _kw_store_sync_schema_sql ());
  /* rows written before the outbox (or another schema) are not in it:
   * the next change export reads every row once */
  g_string_append (s, "INSERT OR IGNORE INTO sync_outbox (type, id, hlc) VALUES ('*', '', '');\n");

  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);
      g_autofree char *table = table_sql (type);
      g_autofree char *index = index_sql (type);
      g_autofree char *lines = lines_sql (type);

      g_string_append (s, table);
      g_string_append (s, index);
      g_string_append (s, lines);
      if (kw_entity_type_consent_index (type) >= 0)
        {
          /* the private people, read by every export and import (kw-store-sync.c) */
          const char *consent = type->fields[kw_entity_type_consent_index (type)].name;

          g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.private\" ON \"%s\" (id) "
                                  "WHERE \"%s\" = 'private';\n", type->name, type->name, consent);
        }
      if (type->flags & KW_TYPE_FLAG_SEARCH)
        {
          g_autofree char *fts = fts_sql (type);
          g_string_append (s, fts);
        }
    }
  lists = list_indexes_sql ();
  g_string_append (s, lists);
  return g_string_free (s, FALSE);
}

/* Schema 1 is extended in place until the first release: fields added
 * to the registry since the database was made become new columns. */
static gboolean
add_missing_columns (KwStore  *self,
                     GError  **error)
{
  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);

      for (guint j = 0; j < type->n_fields; j++)
        {
          const KwField *f = &type->fields[j];
          g_autofree char *sql = NULL;

          if (has_column (self, type->name, f->name))
            continue;
          sql = g_strdup_printf ("ALTER TABLE \"%s\" ADD COLUMN \"%s\" %s;"
                                 "ALTER TABLE \"%s\" ADD COLUMN \"%s:hlc\" TEXT;"
                                 "ALTER TABLE \"%s\" ADD COLUMN \"%s:prev\" TEXT;",
                                 type->name, f->name, column_type (f),
                                 type->name, f->name, type->name, f->name);
          if (!_kw_store_exec (self, sql, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
migrate_to_1 (KwStore  *self,
              GError  **error)
{
  g_autofree char *sql = schema_sql ();

  return _kw_store_exec (self, sql, error);
}

typedef gboolean (*MigrateFunc) (KwStore *self, GError **error);

/* migrations[i] brings a database from user_version i to i + 1 */
static const MigrateFunc migrations[] = {
  migrate_to_1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KW_SCHEMA_VERSION);

static gboolean
run_migrations (KwStore     *self,
                int          from,
                const char  *fingerprint,
                GError     **error)
{
  g_autofree char *pragma = NULL;

  if (!_kw_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (int v = from; v < KW_SCHEMA_VERSION; v++)
    if (!migrations[v] (self, error))
      goto fail;
  /* schema 1 grows in place until the first release */
  if (from == KW_SCHEMA_VERSION
      && (!migrate_to_1 (self, error) || !add_missing_columns (self, error)))
    goto fail;
  pragma = g_strdup_printf ("PRAGMA user_version = %d", KW_SCHEMA_VERSION);
  if (!_kw_store_exec (self, pragma, error)
      || !_kw_store_set_meta (self, "schema_fingerprint", fingerprint, error)
      || !_kw_store_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  sqlite3_exec (_kw_store_get_db (self), "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* A digest of the schema the registry describes: when the database
 * already has it, opening does no schema work at all. */
static char *
schema_fingerprint (void)
{
  g_autofree char *sql = schema_sql ();

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, sql, -1);
}

gboolean
_kw_store_prepare_schema (KwStore  *self,
                          GError  **error)
{
  int version = _kw_store_get_user_version (self);
  g_autofree char *fingerprint = schema_fingerprint ();
  g_autofree char *stored = NULL;

  if (version > KW_SCHEMA_VERSION)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NEWER,
                   _("%s was made by a newer Kwartier (schema %d; this one knows %d)"),
                   kw_store_get_path (self), version, KW_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == 0 && has_tables (self))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s is not a Kwartier database"), kw_store_get_path (self));
      return FALSE;
    }
  if (version == KW_SCHEMA_VERSION && _kw_store_get_meta (self, "schema_fingerprint", &stored)
      && strcmp (stored, fingerprint) == 0)
    return TRUE;
  if (version > 0 && version < KW_SCHEMA_VERSION)
    {
      g_autofree char *backup = kw_store_backup (self, "migration", error);
      if (backup == NULL)
        return FALSE;
    }
  return run_migrations (self, version, fingerprint, error);
}
