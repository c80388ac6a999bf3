/* kw-store-sync.c: the SQL side of export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export lines are made straight from the rows: this file writes their
 * JSON text itself (kw-sync-json.c, without json-glib), for speed, rather
 * than building records for kw-export.c to write. The local tables of
 * the sync engine (conflicts, folder files, device names) are made here,
 * lazily. The merge of an import is in kw-store-merge.c.
 */
#define G_LOG_DOMAIN "kw-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "kw-store-private.h"
#include "kw-sync-json.h"
#include "kw-sync-private.h"

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS sync_conflicts ("
  " type TEXT NOT NULL, record TEXT NOT NULL, field TEXT NOT NULL, value TEXT,"
  " hlc TEXT NOT NULL, device TEXT, organiser TEXT, kind TEXT NOT NULL,"
  " noted_at TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0,"
  " UNIQUE (type, record, field, hlc));"
  "CREATE INDEX IF NOT EXISTS sync_conflicts_open ON sync_conflicts (type, record) WHERE resolved = 0;"
  "CREATE TABLE IF NOT EXISTS sync_files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS sync_devices (device TEXT PRIMARY KEY, organiser TEXT) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS sync_stubs (id TEXT PRIMARY KEY, hlc TEXT NOT NULL, prev TEXT) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS sync_lines (id TEXT PRIMARY KEY, digest BLOB NOT NULL) WITHOUT ROWID;"
  /* the records this device wrote since its last file, and the newest
   * stamp of its own they carry (kw-store-records.c); type '*': the
   * change export reads every row (kw-store-schema.c) */
  "CREATE TABLE IF NOT EXISTS sync_outbox (type TEXT NOT NULL, id TEXT NOT NULL, hlc TEXT NOT NULL,"
  " PRIMARY KEY (type, id)) WITHOUT ROWID;"
  /* agenda items a colleague's tombstone took away, and the meeting they
   * were on (a tombstone keeps no fields): kw_meetings_changed_after_finalising */
  "CREATE TABLE IF NOT EXISTS sync_removed_items (id TEXT PRIMARY KEY, meeting TEXT NOT NULL,"
  " hlc TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE INDEX IF NOT EXISTS sync_removed_items_meeting ON sync_removed_items (meeting);";

static const char any_stub_sql[] = "SELECT EXISTS (SELECT 1 FROM sync_stubs)";

static const char upsert_device_sql[] =
  "INSERT INTO sync_devices (device, organiser) VALUES (?, ?) "
  "ON CONFLICT (device) DO UPDATE SET organiser = excluded.organiser";
static const char select_seen_sql[] = "SELECT device, hlc FROM seen ORDER BY device";
static const char select_file_sql[] = "SELECT sha256 FROM sync_files WHERE path = ?";
static const char upsert_file_sql[] =
  "INSERT INTO sync_files (path, sha256) VALUES (?, ?) "
  "ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256";
static const char select_line_sql[] = "SELECT digest FROM sync_lines WHERE id = ?";
static const char upsert_line_sql[] =
  "INSERT INTO sync_lines (id, digest) VALUES (?, ?) "
  "ON CONFLICT (id) DO UPDATE SET digest = excluded.digest";
static const char select_conflicts_sql[] =
  "SELECT rowid, type, record, field, value, hlc, organiser, kind, noted_at, resolved "
  "FROM sync_conflicts WHERE resolved = 0 OR ?1 ORDER BY rowid";
static const char resolve_conflict_sql[] = "UPDATE sync_conflicts SET resolved = 1 WHERE rowid = ?";

static KwSyncSql *sync_sql;

/* Helpers: SQL text per type */

static int
compare_field_names (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const KwEntityType *type = user_data;

  return strcmp (type->fields[*(const guint *) a].name, type->fields[*(const guint *) b].name);
}

/* The rows of the type and the stubs in one column layout, by id. */
static char *
build_with_stubs (const KwEntityType *type,
                  int                 consent)
{
  GString *s = g_string_new (_kw_store_select_sql (type));

  g_string_append (s, " UNION ALL SELECT NULL, id, NULL");
  for (int i = 0; i < (int) type->n_fields; i++)
    g_string_append (s, i == consent ? ", 'private', hlc, prev" : ", NULL, NULL, NULL");
  g_string_append (s, " FROM sync_stubs ORDER BY 2");
  return g_string_free (s, FALSE);
}

/* The PARENT references to a type with a consent field (a person):
 * what they point at decides whether the record stays home. */
static guint32
private_parent_fields (const KwEntityType *type)
{
  guint32 fields = 0;

  for (guint i = 0; i < type->n_fields; i++)
    {
      const KwField *f = &type->fields[i];

      if (!(f->flags & KW_FIELD_FLAG_PARENT))
        continue;
      for (guint t = 0; f->targets[t]; t++)
        if (kw_entity_type_consent_index (kw_registry_lookup (f->targets[t])) >= 0)
          fields |= 1u << i;
    }
  return fields;
}

static void
build_sync_sql (KwSyncSql          *sql,
                const KwEntityType *type)
{
  sql->private_parents = private_parent_fields (type);
  sql->by_id = g_strconcat (_kw_store_select_sql (type), " WHERE id = ?", NULL);
  sql->all_by_id = g_strconcat (_kw_store_select_sql (type), " ORDER BY id", NULL);
  sql->insert = g_strdup (_kw_store_insert_sql (type));
  sql->sorted = g_new (guint, type->n_fields);
  for (guint i = 0; i < type->n_fields; i++)
    sql->sorted[i] = i;
  g_qsort_with_data (sql->sorted, (int) type->n_fields, sizeof (guint),
                     compare_field_names, (gpointer) type);
  sql->consent = kw_entity_type_consent_index (type);
  sql->with_stubs = sql->consent >= 0 ? build_with_stubs (type, sql->consent) : NULL;
}

const KwSyncSql *
_kw_store_sync_sql_for (const KwEntityType *type)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      sync_sql = g_new0 (KwSyncSql, kw_registry_n_types ());
      for (guint i = 0; i < kw_registry_n_types (); i++)
        build_sync_sql (&sync_sql[i], kw_registry_type_at (i));
      g_once_init_leave (&initialized, 1);
    }
  return &sync_sql[type - kw_registry_type_at (0)];
}

gboolean
_kw_store_sync_step_done (KwStore       *store,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _kw_store_set_db_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* Helpers: export lines */

void
_kw_store_sync_append_column (GString       *s,
                              const KwField *field,
                              sqlite3_stmt  *stmt,
                              int            col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    g_string_append (s, "null");
  else if (field->kind == KW_FIELD_INTEGER || field->kind == KW_FIELD_CENTS)
    g_string_append_len (s, (const char *) sqlite3_column_text (stmt, col), sqlite3_column_bytes (stmt, col));
  else if (field->kind == KW_FIELD_BOOL)
    g_string_append (s, sqlite3_column_int (stmt, col) ? "true" : "false");
  else
    _kw_sync_append_json_string (s, (const char *) sqlite3_column_text (stmt, col));
}

static gboolean
is_private (const KwSyncSql *sql,
            sqlite3_stmt    *stmt)
{
  const char *consent;

  if (sql->consent < 0)
    return FALSE;
  consent = (const char *) sqlite3_column_text (stmt, KW_COL_VALUE (sql->consent));
  return g_strcmp0 (consent, "private") == 0;
}

static void
append_fields (GString            *s,
               const KwEntityType *type,
               const KwSyncSql    *sql,
               sqlite3_stmt       *stmt)
{
  gboolean private = is_private (sql, stmt);
  gboolean first = TRUE;

  g_string_append (s, ",\"f\":{");
  for (guint k = 0; k < type->n_fields; k++)
    {
      guint i = sql->sorted[k];
      const KwField *field = &type->fields[i];
      const char *hlc = (const char *) sqlite3_column_text (stmt, KW_COL_HLC (i));
      const char *prev;

      if (hlc == NULL || (field->flags & KW_FIELD_FLAG_LOCAL) || (private && (int) i != sql->consent))
        continue;
      prev = (const char *) sqlite3_column_text (stmt, KW_COL_PREV (i));
      if (!first)
        g_string_append_c (s, ',');
      g_string_append_c (s, '"');
      g_string_append (s, field->name);
      g_string_append (s, "\":[");
      _kw_store_sync_append_column (s, field, stmt, KW_COL_VALUE (i));
      g_string_append (s, ",\"");
      g_string_append (s, hlc);
      if (prev != NULL)
        {
          g_string_append (s, "\",\"");
          g_string_append (s, prev);
          g_string_append (s, "\"]");
        }
      else
        g_string_append (s, "\",null]");
      first = FALSE;
    }
  g_string_append (s, "}}");
}

static void
build_line (GString            *s,
            const KwEntityType *type,
            const KwSyncSql    *sql,
            sqlite3_stmt       *stmt)
{
  const char *deleted = (const char *) sqlite3_column_text (stmt, KW_COL_DELETED);

  g_string_truncate (s, 0);
  g_string_append (s, "{\"type\":\"");
  g_string_append (s, type->name);
  g_string_append (s, "\",\"id\":");
  _kw_sync_append_json_string (s, (const char *) sqlite3_column_text (stmt, KW_COL_ID));
  if (deleted != NULL)
    {
      g_string_append (s, ",\"deleted\":\"");
      g_string_append (s, deleted);
      g_string_append (s, "\"}");
    }
  else
    append_fields (s, type, sql, stmt);
}

/* What belongs to a private person stays home (DESIGN.md, Privacy): a
 * live row whose PARENT reference is one of @home (the ids of the
 * private people, and of those held only as private stubs) is exported
 * only once it is a tombstone. */
static gboolean
stays_home (const KwEntityType *type,
            const KwSyncSql    *sql,
            sqlite3_stmt       *stmt,
            GHashTable         *home)
{
  if (home == NULL || sqlite3_column_type (stmt, KW_COL_DELETED) != SQLITE_NULL)
    return FALSE;
  for (guint i = 0; i < type->n_fields; i++)
    if ((sql->private_parents & (1u << i))
        && sqlite3_column_type (stmt, KW_COL_VALUE (i)) != SQLITE_NULL
        && g_hash_table_contains (home, sqlite3_column_text (stmt, KW_COL_VALUE (i))))
      return TRUE;
  return FALSE;
}

#define HOME_KEY "kw-sync-export-home"

/* The ids of the private people and stubs, read once per export inside
 * its read transaction (a hash lookup per row costs less than a
 * subquery per row). */
static GHashTable *
dup_home (KwStore  *store,
          GError  **error)
{
  g_autoptr(GHashTable) home = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);
      int consent = kw_entity_type_consent_index (type);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (consent < 0)
        continue;
      sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = 'private' AND deleted IS NULL "
                             "UNION ALL SELECT id FROM sync_stubs", type->name, type->fields[consent].name);
      if ((stmt = _kw_store_prepare (store, sql, error)) == NULL)
        return NULL;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (home, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&home);
}

static GHashTable *
export_home (KwStore  *store,
             GError  **error)
{
  GHashTable *home = g_object_get_data (G_OBJECT (store), HOME_KEY);

  if (home == NULL && (home = dup_home (store, error)) != NULL)
    g_object_set_data_full (G_OBJECT (store), HOME_KEY, home, (GDestroyNotify) g_hash_table_unref);
  return home;
}

static gboolean
export_rows (KwStore             *store,
             const KwEntityType  *type,
             sqlite3_stmt        *stmt,
             const char          *id,
             GHashTable          *home,
             KwSyncLineFunc       func,
             gpointer             user_data,
             GError             **error)
{
  g_autoptr(GString) line = g_string_sized_new (1024);
  int rc;

  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (stays_home (type, _kw_store_sync_sql_for (type), stmt, home))
        continue;
      build_line (line, type, _kw_store_sync_sql_for (type), stmt);
      if (!func (line, user_data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* Public to the sync files */

void
_kw_sync_record_clear (KwSyncRecord *record)
{
  for (guint i = 0; i < KW_SYNC_MAX_FIELDS; i++)
    g_clear_pointer (&record->values[i], g_variant_unref);
  record->present = 0;
  record->deleted[0] = '\0';
  record->type = NULL;
}

void
_kw_sync_import_init (KwSyncImport *import)
{
  memset (import, 0, sizeof *import);
  import->file_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->local_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->max_seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  import->selects = g_new0 (gpointer, kw_registry_n_types ());
  import->inserts = g_new0 (gpointer, kw_registry_n_types ());
}

void
_kw_sync_import_clear (KwSyncImport *import)
{
  g_clear_pointer (&import->device, g_free);
  g_clear_pointer (&import->organiser, g_free);
  g_clear_pointer (&import->backup_path, g_free);
  g_clear_pointer (&import->file_seen, g_hash_table_unref);
  g_clear_pointer (&import->local_seen, g_hash_table_unref);
  g_clear_pointer (&import->max_seen, g_hash_table_unref);
  g_clear_pointer (&import->selects, g_free);
  g_clear_pointer (&import->inserts, g_free);
  g_clear_pointer (&import->deferred, g_ptr_array_unref);
  g_clear_pointer (&import->private_ids, g_hash_table_unref);
  g_clear_pointer (&import->bulk_indexes, g_ptr_array_unref);
  if (import->line_buf != NULL)
    g_string_free (g_steal_pointer (&import->line_buf), TRUE);
}

const char *
_kw_store_sync_schema_sql (void)
{
  return schema_sql;
}

gboolean
_kw_store_sync_prepare_schema (KwStore  *store,
                               GError  **error)
{
  return _kw_store_exec (store, schema_sql, error);
}

gboolean
_kw_store_sync_load_seen (KwStore     *store,
                          GHashTable  *seen,
                          GError     **error)
{
  sqlite3_stmt *stmt = _kw_store_prepare (store, select_seen_sql, error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (seen, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_kw_store_sync_begin_import (KwStore       *store,
                             KwSyncImport  *import,
                             GError       **error)
{
  if (!kw_store_begin (store, error))
    return FALSE;
  if (!_kw_store_sync_prepare_schema (store, error)
      || !_kw_store_sync_load_seen (store, import->local_seen, error))
    {
      kw_store_rollback (store);
      return FALSE;
    }
  g_snprintf (import->skew_hex, sizeof import->skew_hex, "%016" G_GINT64_MODIFIER "x",
              _kw_store_wall_ms (store) + G_GINT64_CONSTANT (86400000));
  /* the private people and stubs, once: the merge keeps the set up to date */
  if ((import->private_ids = dup_home (store, error)) == NULL)
    {
      kw_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

#define IN_PASS_KEY "kw-sync-in-pass"

void
_kw_store_sync_set_in_pass (KwStore  *store,
                            gboolean  in_pass)
{
  g_object_set_data (G_OBJECT (store), IN_PASS_KEY, GINT_TO_POINTER (in_pass));
}

/* Before an import that changes anything, a backup; in a sync pass only
 * when the newest import backup is older than KW_SYNC_BACKUP_INTERVAL
 * (or made "later" than now: the clock went back). A pass's changes can
 * also be had again from the folder's files; a whole database copied for
 * a change file of one field cost most of a pass (bench/README.md). */
static gboolean
wants_import_backup (KwStore *store)
{
  gint64 newest, now;

  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (store), IN_PASS_KEY)))
    return TRUE;
  newest = _kw_store_newest_backup_time (store, "import");
  now = g_get_real_time ();
  return newest < 0 || newest > now || now - newest >= KW_SYNC_BACKUP_INTERVAL;
}

gboolean
_kw_store_sync_end_import (KwStore       *store,
                           KwSyncImport  *import,
                           gboolean       ok,
                           GError       **error)
{
  g_autofree char *backup = NULL;

  if (ok)
    ok = _kw_store_sync_finish (store, import, error);
  if (ok && !import->dry_run && import->changed && wants_import_backup (store))
    ok = (backup = kw_store_backup (store, "import", error)) != NULL;
  if (ok && !import->dry_run && kw_store_commit (store, error))
    {
      import->backup_path = g_steal_pointer (&backup);
      return TRUE;
    }
  kw_store_rollback (store);
  return ok && import->dry_run;
}

GPtrArray *
_kw_store_sync_dup_seen (KwStore  *store,
                         GError  **error)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _kw_store_prepare (store, select_seen_sql, error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (seen, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (seen, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&seen);
}

/* The organiser's name of the file's device, for its conflicts. */
gboolean
_kw_store_sync_note_device (KwStore       *store,
                            KwSyncImport  *import,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  if (import->organiser == NULL || *import->organiser == '\0')
    return TRUE;
  if ((stmt = _kw_store_prepare (store, upsert_device_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, import->device, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, import->organiser, -1, SQLITE_STATIC);
  return _kw_store_sync_step_done (store, stmt, error);
}

static gboolean
has_stubs (KwStore *store)
{
  sqlite3_stmt *stmt;
  gboolean any = FALSE;

  if (!_kw_store_sync_prepare_schema (store, NULL)
      || (stmt = _kw_store_prepare (store, any_stub_sql, NULL)) == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    any = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return any;
}

/* Reading every row in id order jumps around the table: map the file
 * and keep more pages while an export runs. */
void
_kw_store_sync_tune_for_export (KwStore  *store,
                                gboolean  on)
{
  /* the ids of the private people are read anew by every export */
  g_object_set_data (G_OBJECT (store), HOME_KEY, NULL);
  if (on)
    _kw_store_exec (store, "PRAGMA cache_size = -65536; PRAGMA mmap_size = 4294967296", NULL);
  else
    _kw_store_exec (store, "PRAGMA cache_size = -2000; PRAGMA mmap_size = 0", NULL);
}

gboolean
_kw_store_sync_export_type (KwStore             *store,
                            const KwEntityType  *type,
                            GPtrArray           *ids,
                            KwSyncLineFunc       func,
                            gpointer             user_data,
                            GError             **error)
{
  const KwSyncSql *sql = _kw_store_sync_sql_for (type);
  const char *all = sql->with_stubs && has_stubs (store) ? sql->with_stubs : sql->all_by_id;
  sqlite3_stmt *stmt = _kw_store_prepare (store, ids ? sql->by_id : all, error);
  GHashTable *home = NULL;

  if (stmt == NULL)
    return FALSE;
  if (sql->private_parents != 0 && (home = export_home (store, error)) == NULL)
    return FALSE;
  if (ids == NULL)
    return export_rows (store, type, stmt, NULL, home, func, user_data, error);
  for (guint i = 0; i < ids->len; i++)
    if (!export_rows (store, type, stmt, g_ptr_array_index (ids, i), home, func, user_data, error))
      return FALSE;
  return TRUE;
}

/* Who is private here: "<count>:<SHA-256 of their sorted ids>", the
 * live private people and the private stubs. */
char *
_kw_store_sync_dup_private_set (KwStore  *store,
                                GError  **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint n = 0;

  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);
      int consent = kw_entity_type_consent_index (type);
      g_autofree char *text = NULL;
      sqlite3_stmt *stmt;

      if (consent < 0)
        continue;
      text = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = 'private' AND deleted IS NULL "
                              "UNION SELECT id FROM sync_stubs ORDER BY 1", type->name, type->fields[consent].name);
      if ((stmt = _kw_store_prepare (store, text, error)) == NULL)
        return NULL;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_checksum_update (sum, sqlite3_column_text (stmt, 0), sqlite3_column_bytes (stmt, 0));
          g_checksum_update (sum, (const guchar *) "\n", 1);
          n++;
        }
      sqlite3_reset (stmt);
    }
  return g_strdup_printf ("%u:%s", n, g_checksum_get_string (sum));
}

/* The notes of sync_files for files of @dir ("dir/…") that are not in
 * @present (paths) any more, such as a colleague's change files that a
 * compaction removed. Only a DELETE when there is one to make. */
gboolean
_kw_store_sync_forget_files (KwStore     *store,
                             const char  *dir,
                             GHashTable  *present,
                             GError     **error)
{
  g_autofree char *prefix = g_strconcat (dir, G_DIR_SEPARATOR_S, NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _kw_store_prepare (store, "SELECT path FROM sync_files WHERE substr (path, 1, ?2) = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) strlen (prefix));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *path = (const char *) sqlite3_column_text (stmt, 0);

      /* only files right in @dir */
      if (strchr (path + strlen (prefix), G_DIR_SEPARATOR) == NULL && !g_hash_table_contains (present, path))
        g_ptr_array_add (gone, g_strdup (path));
    }
  sqlite3_reset (stmt);
  if (gone->len == 0)
    return TRUE;
  if ((stmt = _kw_store_prepare (store, "DELETE FROM sync_files WHERE path = ?", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < gone->len; i++)
    {
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (gone, i), -1, SQLITE_STATIC);
      if (!_kw_store_sync_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Change exports (spec/export-format.md, "Change exports"): a stamp of
 * one of the devices of @since, newer than the stamp given for it. */
static gboolean
stamp_is_new (GHashTable *since,
              const char *hlc)
{
  const char *from;

  if (hlc == NULL || strlen (hlc) != KW_HLC_LEN)
    return FALSE;
  from = g_hash_table_lookup (since, hlc + KW_HLC_LEN - KW_DEVICE_ID_LEN);
  return from != NULL && strcmp (hlc, from) > 0;
}

/* The fields of the row stamped as @since asks, as append_fields writes
 * them (a private person: the consent alone); FALSE when there is none. */
static gboolean
append_change_fields (GString            *s,
                      const KwEntityType *type,
                      const KwSyncSql    *sql,
                      sqlite3_stmt       *stmt,
                      GHashTable         *since)
{
  gboolean private = is_private (sql, stmt);
  guint n = 0;

  g_string_append (s, ",\"f\":{");
  for (guint k = 0; k < type->n_fields; k++)
    {
      guint i = sql->sorted[k];
      const KwField *field = &type->fields[i];
      const char *hlc = (const char *) sqlite3_column_text (stmt, KW_COL_HLC (i));
      const char *prev;

      if (!stamp_is_new (since, hlc) || (field->flags & KW_FIELD_FLAG_LOCAL)
          || (private && (int) i != sql->consent))
        continue;
      prev = (const char *) sqlite3_column_text (stmt, KW_COL_PREV (i));
      if (n++ > 0)
        g_string_append_c (s, ',');
      g_string_append_printf (s, "\"%s\":[", field->name);
      _kw_store_sync_append_column (s, field, stmt, KW_COL_VALUE (i));
      g_string_append_printf (s, ",\"%s\",", hlc);
      if (prev != NULL)
        g_string_append_printf (s, "\"%s\"]", prev);
      else
        g_string_append (s, "null]");
    }
  g_string_append (s, "}}");
  return n > 0;
}

/* The rows (and private stubs) with a stamp above the lowest of @since:
 * SQLite skips the others without a line being made of them. */
static char *
build_changes_sql (const KwEntityType *type,
                   const KwSyncSql    *sql)
{
  GString *s = g_string_new (_kw_store_select_sql (type));

  g_string_append (s, " WHERE deleted > ?1");
  for (guint i = 0; i < type->n_fields; i++)
    g_string_append_printf (s, " OR \"%s:hlc\" > ?1", type->fields[i].name);
  if (sql->consent >= 0)
    {
      g_string_append (s, " UNION ALL SELECT NULL, id, NULL");
      for (int i = 0; i < (int) type->n_fields; i++)
        g_string_append (s, i == sql->consent ? ", 'private', hlc, prev" : ", NULL, NULL, NULL");
      g_string_append (s, " FROM sync_stubs WHERE hlc > ?1");
    }
  g_string_append (s, " ORDER BY 2");
  return g_string_free (s, FALSE);
}

/* The same, for the records of the outbox alone (?2: the type). */
static char *
build_outbox_sql (const KwEntityType *type,
                  const KwSyncSql    *sql)
{
  GString *s = g_string_new (_kw_store_select_sql (type));

  g_string_append (s, " WHERE id IN (SELECT id FROM sync_outbox WHERE type = ?2 AND hlc > ?1)");
  if (sql->consent >= 0)
    {
      g_string_append (s, " UNION ALL SELECT NULL, id, NULL");
      for (int i = 0; i < (int) type->n_fields; i++)
        g_string_append (s, i == sql->consent ? ", 'private', hlc, prev" : ", NULL, NULL, NULL");
      g_string_append (s, " FROM sync_stubs WHERE hlc > ?1");
    }
  g_string_append (s, " ORDER BY 2");
  return g_string_free (s, FALSE);
}

/* Whether the outbox holds every row of this device's own newer than
 * @since: when @since names this device alone and no schema change since
 * the last file asked for a scan of every row. */
static gboolean
outbox_covers (KwStore    *store,
               GHashTable *since)
{
  sqlite3_stmt *stmt;
  gboolean marked = TRUE;

  if (g_hash_table_size (since) != 1
      || !g_hash_table_contains (since, kw_store_get_device_id (store))
      || (stmt = _kw_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE type = '*')", NULL)) == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    marked = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return !marked;
}

gboolean
_kw_store_sync_clear_outbox (KwStore     *store,
                             const char  *covered,
                             GError     **error)
{
  sqlite3_stmt *stmt = _kw_store_prepare (store, "DELETE FROM sync_outbox WHERE hlc <= ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, covered, -1, SQLITE_STATIC);
  return _kw_store_sync_step_done (store, stmt, error);
}

gboolean
_kw_store_sync_export_changes (KwStore             *store,
                               const KwEntityType  *type,
                               GHashTable          *since,
                               KwSyncLineFunc       func,
                               gpointer             user_data,
                               GError             **error)
{
  const KwSyncSql *sql = _kw_store_sync_sql_for (type);
  gboolean outbox = outbox_covers (store, since);
  g_autofree char *text = outbox ? build_outbox_sql (type, sql) : build_changes_sql (type, sql);
  g_autoptr(GString) line = g_string_sized_new (1024);
  const char *lowest = NULL;
  GHashTableIter iter;
  gpointer value;
  GHashTable *home = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_hash_table_iter_init (&iter, since);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (lowest == NULL || strcmp (value, lowest) < 0)
      lowest = value;
  if (lowest == NULL)
    return TRUE;  /* no device named: no records */
  if ((stmt = _kw_store_prepare (store, text, error)) == NULL)
    return FALSE;
  if (sql->private_parents != 0 && (home = export_home (store, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, lowest, -1, SQLITE_TRANSIENT);
  if (outbox)
    sqlite3_bind_text (stmt, 2, type->name, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *deleted = (const char *) sqlite3_column_text (stmt, KW_COL_DELETED);
      gboolean keep;

      if (stays_home (type, sql, stmt, home))
        continue;
      g_string_truncate (line, 0);
      g_string_append_printf (line, "{\"type\":\"%s\",\"id\":", type->name);
      _kw_sync_append_json_string (line, (const char *) sqlite3_column_text (stmt, KW_COL_ID));
      if (deleted != NULL)
        {
          keep = stamp_is_new (since, deleted);
          g_string_append_printf (line, ",\"deleted\":\"%s\"}", deleted);
        }
      else
        keep = append_change_fields (line, type, sql, stmt, since);
      if (keep && !func (line, user_data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* Whom privacy concerns, in one string: how many people are private, how
 * many deleted (and the private stubs held), and the highest stamp of
 * those. When it differs from the one noted at the last full export, a
 * person turned private, was deleted or forgotten, or is no longer
 * private since (spec/export-format.md, "The sync folder"). (One person
 * who is no longer private and another, whose private consent carries
 * an older stamp, turning private at once would go unnoticed.) */
char *
_kw_store_sync_dup_privacy_mark (KwStore  *store,
                                 GError  **error)
{
  g_autoptr(GString) mark = g_string_new (NULL);

  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);
      int consent = kw_entity_type_consent_index (type);
      g_autofree char *text = NULL;
      sqlite3_stmt *stmt;

      if (consent < 0)
        continue;
      /* a person who is no longer private lowers the first count */
      text = g_strdup_printf ("SELECT count(CASE WHEN deleted IS NULL THEN 1 END), "
                              "count(CASE WHEN deleted IS NOT NULL THEN 1 END), "
                              "max(coalesce(deleted, \"%s:hlc\")) FROM \"%s\" "
                              "WHERE deleted IS NOT NULL OR \"%s\" = 'private'",
                              type->fields[consent].name, type->name, type->fields[consent].name);
      if ((stmt = _kw_store_prepare (store, text, error)) == NULL)
        return NULL;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (mark, "%s:%d:%d:%s;", type->name, sqlite3_column_int (stmt, 0),
                                sqlite3_column_int (stmt, 1),
                                sqlite3_column_text (stmt, 2) ? (const char *) sqlite3_column_text (stmt, 2) : "");
      sqlite3_reset (stmt);
    }
  {
    sqlite3_stmt *stmt = _kw_store_prepare (store, "SELECT count(*), max(hlc) FROM sync_stubs", error);

    if (stmt == NULL)
      return NULL;
    if (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (mark, "stubs:%d:%s", sqlite3_column_int (stmt, 0),
                              sqlite3_column_text (stmt, 1) ? (const char *) sqlite3_column_text (stmt, 1) : "");
    sqlite3_reset (stmt);
  }
  return g_string_free (g_steal_pointer (&mark), FALSE);
}

gboolean
_kw_store_sync_get_file_digest (KwStore     *store,
                                const char  *path,
                                char       **sha256)
{
  sqlite3_stmt *stmt;

  *sha256 = NULL;
  if (!_kw_store_sync_prepare_schema (store, NULL)
      || (stmt = _kw_store_prepare (store, select_file_sql, NULL)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return *sha256 != NULL;
}

gboolean
_kw_store_sync_set_file_digest (KwStore     *store,
                                const char  *path,
                                const char  *sha256,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  if (!_kw_store_sync_prepare_schema (store, error)
      || (stmt = _kw_store_prepare (store, upsert_file_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sha256, -1, SQLITE_STATIC);
  return _kw_store_sync_step_done (store, stmt, error);
}

/* The digest table */

gboolean
_kw_store_sync_line_unchanged (KwStore       *store,
                               KwSyncImport  *import,
                               const char    *id,
                               const guint8  *digest)
{
  sqlite3_stmt *stmt = import->line_select;
  gboolean same = FALSE;

  if (stmt == NULL)
    stmt = import->line_select = _kw_store_prepare (store, select_line_sql, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    same = sqlite3_column_bytes (stmt, 0) == KW_LINE_DIGEST_LEN
           && memcmp (sqlite3_column_blob (stmt, 0), digest, KW_LINE_DIGEST_LEN) == 0;
  sqlite3_reset (stmt);
  return same;
}

gboolean
_kw_store_sync_note_line (KwStore       *store,
                          KwSyncImport  *import,
                          const char    *id,
                          const guint8  *digest,
                          GError       **error)
{
  sqlite3_stmt *stmt = import->line_upsert;

  if (stmt == NULL)
    stmt = import->line_upsert = _kw_store_prepare (store, upsert_line_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, digest, KW_LINE_DIGEST_LEN, SQLITE_STATIC);
  return _kw_store_sync_step_done (store, stmt, error);
}

/* Conflicts (kw-import.h) */

static KwConflict *
conflict_from_row (sqlite3_stmt *stmt)
{
  KwConflict *c = g_new0 (KwConflict, 1);
  const KwEntityType *type;
  const KwField *field;

  c->rowid = sqlite3_column_int64 (stmt, 0);
  c->type_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  c->id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  c->field = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  c->value_json = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  field = (type = kw_registry_lookup (c->type_name)) ? kw_entity_type_field (type, c->field) : NULL;
  c->value_read = field != NULL && _kw_sync_decode_json_value (field, c->value_json, &c->value, NULL);
  c->hlc = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  c->organiser = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  c->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  c->noted_at = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  c->resolved = sqlite3_column_int (stmt, 9) != 0;
  return c;
}

GPtrArray *
kw_import_list_conflicts (KwStore   *store,
                          gboolean   all,
                          GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_conflict_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  if (!_kw_store_sync_prepare_schema (store, error)
      || (stmt = _kw_store_prepare (store, select_conflicts_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, all ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, conflict_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
kw_import_resolve_conflict (KwStore  *store,
                            gint64    rowid,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);

  if (!_kw_store_sync_prepare_schema (store, error)
      || (stmt = _kw_store_prepare (store, resolve_conflict_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  return _kw_store_sync_step_done (store, stmt, error);
}
