/* kw-store-sync.c: the SQL side of export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export lines are made straight from the rows: this file writes their
 * JSON text itself (kw-sync-json.c, without json-glib), for speed, rather
 * than building records for kw-export.c to write. The merge compares the
 * raw stamps of a row with the incoming ones first and only builds and
 * writes a record when a field changes, so that re-importing a file costs
 * one indexed SELECT per record. The local tables of the sync engine
 * (conflicts, folder files, device names) are made here, lazily.
 */
#define G_LOG_DOMAIN "kw-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "kw-error.h"
#include "kw-export.h"
#include "kw-store-private.h"
#include "kw-sync-json.h"
#include "kw-sync-private.h"

#define DEVICE_OF(stamp) ((stamp) + KW_HLC_LEN - KW_DEVICE_ID_LEN)

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS sync_conflicts ("
  " type TEXT NOT NULL, record TEXT NOT NULL, field TEXT NOT NULL, value TEXT,"
  " hlc TEXT NOT NULL, device TEXT, organiser TEXT, kind TEXT NOT NULL,"
  " noted_at TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0,"
  " UNIQUE (type, record, field, hlc));"
  "CREATE TABLE IF NOT EXISTS sync_files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS sync_devices (device TEXT PRIMARY KEY, organiser TEXT) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS sync_stubs (id TEXT PRIMARY KEY, hlc TEXT NOT NULL, prev TEXT) WITHOUT ROWID;";

/* Private stubs of people this device holds no copy of: kept aside, so
 * that they show nowhere, yet exported again (spec: "a receiver without
 * a copy shows nothing of it"). */
static const char select_stub_sql[] = "SELECT hlc, prev FROM sync_stubs WHERE id = ?";
static const char upsert_stub_sql[] =
  "INSERT INTO sync_stubs (id, hlc, prev) VALUES (?, ?, ?) "
  "ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc, prev = excluded.prev";
static const char delete_stub_sql[] = "DELETE FROM sync_stubs WHERE id = ?";
static const char any_stub_sql[] = "SELECT EXISTS (SELECT 1 FROM sync_stubs)";

static const char insert_conflict_sql[] =
  "INSERT OR IGNORE INTO sync_conflicts (type, record, field, value, hlc, device, organiser, kind, noted_at)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char select_device_sql[] = "SELECT organiser FROM sync_devices WHERE device = ?";
static const char upsert_device_sql[] =
  "INSERT INTO sync_devices (device, organiser) VALUES (?, ?) "
  "ON CONFLICT (device) DO UPDATE SET organiser = excluded.organiser";
static const char select_seen_sql[] = "SELECT device, hlc FROM seen ORDER BY device";
static const char select_file_sql[] = "SELECT sha256 FROM sync_files WHERE path = ?";
static const char upsert_file_sql[] =
  "INSERT INTO sync_files (path, sha256) VALUES (?, ?) "
  "ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256";
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

/* Helpers: merge */

static const char *
column_stamp (sqlite3_stmt *stmt,
              int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static void
note_stamp (KwSyncImport *import,
            const char   *stamp,
            gboolean     *skewed)
{
  char *max = g_hash_table_lookup (import->max_seen, DEVICE_OF (stamp));
  if (max == NULL)
    {
      max = g_strdup (stamp);
      g_hash_table_insert (import->max_seen, max + KW_HLC_LEN - KW_DEVICE_ID_LEN, max);
    }
  else if (strcmp (stamp, max) > 0)
    memcpy (max, stamp, KW_HLC_LEN);
  if (memcmp (stamp, import->skew_hex, 16) > 0)
    *skewed = TRUE;
}

static void
note_record_stamps (KwSyncImport *import,
                    KwSyncRecord *record)
{
  gboolean skewed = FALSE;

  if (record->deleted[0] != '\0')
    note_stamp (import, record->deleted, &skewed);
  for (guint i = 0; i < record->type->n_fields; i++)
    if (record->present & (1u << i))
      note_stamp (import, record->hlc[i], &skewed);
  if (skewed)
    import->summary.skew++;
}

static char *
dup_organiser (KwStore    *store,
               const char *device)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (g_strcmp0 (device, kw_store_get_device_id (store)) == 0)
    return kw_store_dup_organiser (store);
  if ((stmt = _kw_store_prepare (store, select_device_sql, NULL)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, device, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Keeps a value that lost (or met a tombstone) aside. */
static gboolean
add_conflict (KwStore       *store,
              KwSyncImport  *import,
              KwSyncRecord  *record,
              guint          index,
              const char    *value_json,
              const char    *stamp,
              const char    *kind,
              GError       **error)
{
  sqlite3_stmt *stmt = _kw_store_prepare (store, insert_conflict_sql, error);
  g_autofree char *organiser = NULL;
  g_autofree char *now = now_text ();

  if (stmt == NULL)
    return FALSE;
  organiser = dup_organiser (store, DEVICE_OF (stamp));
  sqlite3_bind_text (stmt, 1, record->type->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, record->type->fields[index].name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, value_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, DEVICE_OF (stamp), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, organiser, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  if (!_kw_store_sync_step_done (store, stmt, error))
    return FALSE;
  import->summary.conflicts += (guint) sqlite3_changes (_kw_store_get_db (store));
  return TRUE;
}

static void
append_column_json (GString            *s,
                    const KwEntityType *type,
                    guint               index,
                    sqlite3_stmt       *stmt)
{
  _kw_store_sync_append_column (s, &type->fields[index], stmt, KW_COL_VALUE (index));
}

/* Whether the author of a tombstone had seen a stamp when deleting. */
static gboolean
deleter_saw (const char *tombstone,
             const char *author,
             GHashTable *author_seen,
             const char *stamp)
{
  const char *seen;

  if (strcmp (stamp, tombstone) > 0)
    return FALSE;
  if (g_strcmp0 (DEVICE_OF (tombstone), author) != 0 || author_seen == NULL)
    return TRUE;  /* cannot tell: assume it was seen */
  seen = g_hash_table_lookup (author_seen, DEVICE_OF (stamp));
  return seen != NULL && strcmp (stamp, seen) <= 0;
}

/* An incoming tombstone meets the live row: unseen local values are
 * kept as conflicts. */
static gboolean
keep_unseen_local (KwStore       *store,
                   KwSyncImport  *import,
                   KwSyncRecord  *record,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  const KwEntityType *type = record->type;
  g_autoptr(GString) json = g_string_new (NULL);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const char *stamp = column_stamp (stmt, KW_COL_HLC (i));

      if (stamp == NULL || sqlite3_column_type (stmt, KW_COL_VALUE (i)) == SQLITE_NULL
          || deleter_saw (record->deleted, import->device, import->file_seen, stamp))
        continue;
      g_string_truncate (json, 0);
      append_column_json (json, type, i, stmt);
      if (!add_conflict (store, import, record, i, json->str, stamp, "deleted", error))
        return FALSE;
    }
  return TRUE;
}

/* Incoming edits meet a local tombstone. */
static gboolean
keep_unseen_incoming (KwStore       *store,
                      KwSyncImport  *import,
                      KwSyncRecord  *record,
                      const char    *tombstone,
                      GError       **error)
{
  g_autoptr(GString) json = g_string_new (NULL);

  for (guint i = 0; i < record->type->n_fields; i++)
    {
      if (!(record->present & (1u << i)) || record->values[i] == NULL
          || deleter_saw (tombstone, kw_store_get_device_id (store), import->local_seen,
                          record->hlc[i]))
        continue;
      g_string_truncate (json, 0);
      _kw_sync_append_json_value (json, record->values[i]);
      if (!add_conflict (store, import, record, i, json->str, record->hlc[i], "deleted", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_tombstone (KwStore       *store,
                 KwSyncRecord  *record,
                 gboolean       exists,
                 GError       **error)
{
  g_autoptr(KwRecord) tomb = kw_record_new (record->type, record->id);

  kw_record_set_deleted (tomb, record->deleted);
  return _kw_store_write_record (store, tomb, exists, error);
}

static gboolean
merge_tombstone (KwStore       *store,
                 KwSyncImport  *import,
                 KwSyncRecord  *record,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  const char *local = column_stamp (stmt, KW_COL_DELETED);

  if (local != NULL && strcmp (record->deleted, local) <= 0)
    {
      import->summary.unchanged++;
      return TRUE;
    }
  if (local == NULL && !keep_unseen_local (store, import, record, stmt, error))
    return FALSE;
  if (local == NULL)
    import->summary.deleted++;
  else
    import->summary.updated++;
  import->changed = TRUE;
  return write_tombstone (store, record, TRUE, error);
}

/* Which side wins field i: > 0 the incoming value, < 0 the local one,
 * 0 neither (the same stamp and value). */
static int
compare_field (KwSyncRecord *record,
               guint         i,
               sqlite3_stmt *stmt)
{
  const char *local = column_stamp (stmt, KW_COL_HLC (i));
  g_autoptr(GString) a = NULL;
  g_autoptr(GString) b = NULL;
  int cmp;

  if (local == NULL)
    return 1;
  cmp = strcmp (record->hlc[i], local);
  if (cmp != 0)
    return cmp;
  a = g_string_new (NULL);
  b = g_string_new (NULL);
  _kw_sync_append_json_value (a, record->values[i]);
  append_column_json (b, record->type, i, stmt);
  return strcmp (a->str, b->str);
}

/* Whether the winner's writer had not seen the loser: the spec's rule
 * (loser newer than the winner's prev), or, when the winner's writer is
 * known (the file's author, or this device), its seen map says so. */
static gboolean
is_concurrent (KwStore       *store,
               KwSyncImport  *import,
               const char    *loser,
               const char    *winner,
               const char    *winner_prev,
               gboolean       incoming_won)
{
  GHashTable *seen_map = NULL;
  const char *seen;

  if (winner_prev == NULL || *winner_prev == '\0' || strcmp (loser, winner_prev) > 0)
    return TRUE;
  if (incoming_won && g_strcmp0 (DEVICE_OF (winner), import->device) == 0)
    seen_map = import->file_seen;
  else if (!incoming_won && strcmp (DEVICE_OF (winner), kw_store_get_device_id (store)) == 0)
    seen_map = import->local_seen;
  if (seen_map == NULL || strcmp (DEVICE_OF (loser), DEVICE_OF (winner)) == 0)
    return FALSE;
  seen = g_hash_table_lookup (seen_map, DEVICE_OF (loser));
  return seen == NULL || strcmp (loser, seen) > 0;
}

/* A concurrent loser is kept, unless it carries the same value. */
static gboolean
keep_loser (KwStore       *store,
            KwSyncImport  *import,
            KwSyncRecord  *record,
            guint          i,
            sqlite3_stmt  *stmt,
            gboolean       incoming_won,
            GError       **error)
{
  const char *local = column_stamp (stmt, KW_COL_HLC (i));
  const char *local_prev = column_stamp (stmt, KW_COL_PREV (i));
  const char *loser = incoming_won ? local : record->hlc[i];
  const char *winner_prev = incoming_won ? record->prev[i] : local_prev;
  g_autoptr(GString) in = g_string_new (NULL);
  g_autoptr(GString) here = g_string_new (NULL);

  if (loser == NULL || !is_concurrent (store, import, loser, incoming_won ? record->hlc[i] : local,
                                        winner_prev, incoming_won))
    return TRUE;
  _kw_sync_append_json_value (in, record->values[i]);
  append_column_json (here, record->type, i, stmt);
  if (strcmp (in->str, here->str) == 0)
    return TRUE;
  return add_conflict (store, import, record, i, incoming_won ? here->str : in->str,
                       loser, "edit", error);
}

/* Whether a live line belongs to a person who is private here (by the
 * line's PARENT references, or the row's when it is here): the spec's
 * "nor adds or changes anything that belongs to them". */
static gboolean
belongs_to_private (KwStore       *store,
                    KwSyncRecord  *record,
                    sqlite3_stmt  *row)
{
  const KwEntityType *type = record->type;
  guint32 fields = _kw_store_sync_sql_for (type)->private_parents;

  for (guint i = 0; fields != 0 && i < type->n_fields; i++)
    {
      const char *ids[2] = { NULL, NULL };

      if (!(fields & (1u << i)))
        continue;
      if ((record->present & (1u << i)) && record->values[i] != NULL)
        ids[0] = g_variant_get_string (record->values[i], NULL);
      if (row != NULL)
        ids[1] = (const char *) sqlite3_column_text (row, KW_COL_VALUE (i));
      for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
        for (guint t = 0; ids[k] != NULL && type->fields[i].targets[t]; t++)
          if (kw_store_is_private (store, type->fields[i].targets[t], ids[k]))
            return TRUE;
    }
  return FALSE;
}

/* A line dropped because its person is private here is kept (compactly)
 * until the end of the import: the same file may carry a newer consent
 * for that person further on (records sort before "person"), and then
 * the line goes in after all, whatever the order of the lines. */
#define DEFERRED_MAX 20000

typedef struct {
  const KwEntityType *type;
  char                id[40];
  guint32             present;
  gboolean            counted_updated;  /* the first pass counted it updated, not unchanged */
  GVariant          **values;           /* n_fields */
  char               *stamps;           /* n_fields × (hlc, prev) */
} Deferred;

#define STAMP_SIZE (KW_HLC_LEN + 1)

static void
deferred_free (Deferred *d)
{
  for (guint i = 0; i < d->type->n_fields; i++)
    g_clear_pointer (&d->values[i], g_variant_unref);
  g_free (d->values);
  g_free (d->stamps);
  g_free (d);
}

static void
defer_line (KwSyncImport *import,
            KwSyncRecord *record,
            gboolean      counted_updated)
{
  guint n = record->type->n_fields;
  Deferred *d;

  if (import->deferred == NULL)
    import->deferred = g_ptr_array_new_with_free_func ((GDestroyNotify) deferred_free);
  if (import->deferred->len >= DEFERRED_MAX)
    return;
  d = g_new0 (Deferred, 1);
  d->type = record->type;
  g_strlcpy (d->id, record->id, sizeof d->id);
  d->present = record->present;
  d->counted_updated = counted_updated;
  d->values = g_new0 (GVariant *, n);
  d->stamps = g_malloc0 ((gsize) n * 2 * STAMP_SIZE);
  for (guint i = 0; i < n; i++)
    if (record->present & (1u << i))
      {
        d->values[i] = record->values[i] ? g_variant_ref (record->values[i]) : NULL;
        memcpy (d->stamps + (2 * i) * STAMP_SIZE, record->hlc[i], STAMP_SIZE);
        memcpy (d->stamps + (2 * i + 1) * STAMP_SIZE, record->prev[i], STAMP_SIZE);
      }
  g_ptr_array_add (import->deferred, d);
}

static void
undefer_line (Deferred     *d,
              KwSyncRecord *record)
{
  record->type = d->type;
  g_strlcpy (record->id, d->id, sizeof record->id);
  record->deleted[0] = '\0';
  record->present = d->present;
  for (guint i = 0; i < d->type->n_fields; i++)
    if (d->present & (1u << i))
      {
        record->values[i] = d->values[i] ? g_variant_ref (d->values[i]) : NULL;
        memcpy (record->hlc[i], d->stamps + (2 * i) * STAMP_SIZE, STAMP_SIZE);
        memcpy (record->prev[i], d->stamps + (2 * i + 1) * STAMP_SIZE, STAMP_SIZE);
      }
}

static gboolean
value_is_private (GVariant *value)
{
  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
         && strcmp (g_variant_get_string (value, NULL), "private") == 0;
}

/* Whether the person is private once the line's own consent is merged. */
static gboolean
private_after_consent (KwSyncRecord *record,
                       sqlite3_stmt *stmt)
{
  int consent = _kw_store_sync_sql_for (record->type)->consent;

  if (consent < 0)
    return FALSE;
  if ((record->present & (1u << consent)) && compare_field (record, (guint) consent, stmt) > 0)
    return value_is_private (record->values[consent]);
  return g_strcmp0 ((const char *) sqlite3_column_text (stmt, KW_COL_VALUE (consent)), "private") == 0;
}

static gboolean
merge_live (KwStore       *store,
            KwSyncImport  *import,
            KwSyncRecord  *record,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(KwRecord) merged = NULL;
  guint32 wins = 0, differ = 0;
  int cmp[KW_SYNC_MAX_FIELDS];
  gboolean home = FALSE;

  for (guint i = 0; i < record->type->n_fields; i++)
    if ((record->present & (1u << i)) && (cmp[i] = compare_field (record, i, stmt)) != 0)
      differ |= 1u << i;
  /* What belongs to a private person takes nothing but a newer reference
   * to its person (so that a record moved to them stops leaving here too);
   * a private person nothing but consent. The rest is dropped, not kept
   * as a conflict. An unchanged line (a re-import) costs no check. */
  if (differ != 0 && (home = belongs_to_private (store, record, stmt)))
    {
      guint32 dropped = differ & ~_kw_store_sync_sql_for (record->type)->private_parents;

      differ &= _kw_store_sync_sql_for (record->type)->private_parents;
      if (dropped != 0)
        {
          gboolean updated = FALSE;

          for (guint i = 0; i < record->type->n_fields; i++)
            updated |= (differ & (1u << i)) && cmp[i] > 0;
          defer_line (import, record, updated);
        }
    }
  else if (differ != 0 && private_after_consent (record, stmt))
    differ &= 1u << _kw_store_sync_sql_for (record->type)->consent;
  for (guint i = 0; i < record->type->n_fields; i++)
    {
      if (!(differ & (1u << i)))
        continue;
      if (cmp[i] > 0)
        wins |= 1u << i;
      if (!home && !keep_loser (store, import, record, i, stmt, cmp[i] > 0, error))
        return FALSE;
    }
  if (wins == 0)
    {
      import->summary.unchanged++;
      return TRUE;
    }
  merged = _kw_store_record_from_row (record->type, stmt);
  for (guint i = 0; i < record->type->n_fields; i++)
    if (wins & (1u << i))
      kw_record_set_at (merged, i, record->values[i], record->hlc[i],
                        record->prev[i][0] ? record->prev[i] : NULL);
  import->summary.updated++;
  import->changed = TRUE;
  return _kw_store_write_record (store, merged, TRUE, error);
}

/* A statement of the import's own cache: prepared once per import. */
static sqlite3_stmt *
cached_statement (KwStore       *store,
                  gpointer      *cache,
                  guint          index,
                  const char    *sql,
                  GError       **error)
{
  if (cache[index] == NULL)
    cache[index] = _kw_store_prepare (store, sql, error);
  return cache[index];
}

static void
bind_variant (sqlite3_stmt *stmt,
              int           col,
              GVariant     *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, col);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, col, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    sqlite3_bind_int (stmt, col, g_variant_get_boolean (value));
  else
    sqlite3_bind_text (stmt, col, g_variant_get_string (value, NULL), -1, SQLITE_STATIC);
}

/* A record that is not here yet: one INSERT straight from the line. */
static gboolean
insert_new (KwStore       *store,
            KwSyncImport  *import,
            KwSyncRecord  *record,
            GError       **error)
{
  guint t = (guint) (record->type - kw_registry_type_at (0));
  sqlite3_stmt *stmt = cached_statement (store, import->inserts, t, _kw_store_sync_sql_for (record->type)->insert, error);
  gboolean tomb = record->deleted[0] != '\0';

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tomb ? record->deleted : NULL, -1, SQLITE_STATIC);
  for (guint i = 0; i < record->type->n_fields && !tomb; i++)
    if (record->present & (1u << i))
      {
        bind_variant (stmt, 3 + 3 * (int) i, record->values[i]);
        sqlite3_bind_text (stmt, 4 + 3 * (int) i, record->hlc[i], -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 5 + 3 * (int) i, record->prev[i][0] ? record->prev[i] : NULL, -1, SQLITE_STATIC);
      }
  if (!_kw_store_run (store, stmt, error))
    return FALSE;
  if (tomb)
    import->summary.deleted++;
  else
    import->summary.added++;
  import->changed = TRUE;
  _kw_store_mark_changed (store, record->type->name);
  return TRUE;
}

static gboolean
merge_existing (KwStore       *store,
                KwSyncImport  *import,
                KwSyncRecord  *record,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  const char *tombstone = column_stamp (stmt, KW_COL_DELETED);

  if (record->deleted[0] != '\0')
    return merge_tombstone (store, import, record, stmt, error);
  if (tombstone != NULL)
    {
      import->summary.unchanged++;
      if (belongs_to_private (store, record, stmt))
        {
          defer_line (import, record, FALSE);
          return TRUE;
        }
      return keep_unseen_incoming (store, import, record, tombstone, error);
    }
  return merge_live (store, import, record, stmt, error);
}

/* Helpers: scopes */

typedef struct {
  KwStore    *store;
  GHashTable *sets;   /* type name → set of ids */
  GQueue      todo;   /* "type\nid" to look at for references */
} Scope;

static gboolean
scope_add (Scope      *scope,
           const char *type_name,
           const char *id)
{
  GHashTable *set = g_hash_table_lookup (scope->sets, type_name);

  if (set == NULL)
    {
      set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (scope->sets, (gpointer) type_name, set);
    }
  if (!g_hash_table_add (set, g_strdup (id)))
    return FALSE;
  g_queue_push_tail (&scope->todo, g_strconcat (type_name, "\n", id, NULL));
  return TRUE;
}

static gboolean
row_exists (KwStore    *store,
            const char *type_name,
            const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?", type_name);
  sqlite3_stmt *stmt = _kw_store_prepare (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Live records of type whose field is one of the ids of source. */
static gboolean
scope_add_children (Scope       *scope,
                    const char  *type_name,
                    const char  *field,
                    const char  *source,
                    GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ? AND deleted IS NULL",
                                          type_name, field);
  GHashTable *set = g_hash_table_lookup (scope->sets, source);
  g_autoptr(GPtrArray) parents = NULL;
  GHashTableIter iter;
  gpointer key;

  if (set == NULL)
    return TRUE;
  parents = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (parents, g_strdup (key));
  for (guint i = 0; i < parents->len; i++)
    {
      sqlite3_stmt *stmt = _kw_store_prepare (scope->store, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (parents, i), -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        scope_add (scope, kw_registry_lookup (type_name)->name,
                   (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static guint
scope_size (Scope *scope)
{
  GHashTableIter iter;
  gpointer set;
  guint n = 0;

  g_hash_table_iter_init (&iter, scope->sets);
  while (g_hash_table_iter_next (&iter, NULL, &set))
    n += g_hash_table_size (set);
  return n;
}

/* Whether a scope of root type @root grows along @field (a REF): an
 * area's along the plain references to an area (the areas below it and
 * what lies in them), any other's along what belongs to (PARENT) or takes
 * part in (CONTEXT) a record of the scope. */
static gboolean
scope_follows (const KwEntityType *root,
               const KwField      *field)
{
  if (root == kw_registry_lookup ("area"))
    return kw_field_targets (field, "area")
           && !(field->flags & (KW_FIELD_FLAG_PARENT | KW_FIELD_FLAG_CONTEXT));
  return (field->flags & (KW_FIELD_FLAG_PARENT | KW_FIELD_FLAG_CONTEXT)) != 0;
}

/* What the registry's references put in the scope of @root, to a fixed
 * point: the records that refer, along a field scope_follows(), to one
 * already in it (spec/export-format.md, "A partial export"). */
static gboolean
scope_add_reach (Scope               *scope,
                 const KwEntityType  *root,
                 GError             **error)
{
  guint before;

  do
    {
      before = scope_size (scope);
      for (guint t = 0; t < kw_registry_n_types (); t++)
        {
          const KwEntityType *type = kw_registry_type_at (t);

          for (guint i = 0; i < type->n_fields; i++)
            {
              const KwField *field = &type->fields[i];

              if (field->kind != KW_FIELD_REF || !scope_follows (root, field))
                continue;
              for (guint k = 0; field->targets[k]; k++)
                if (!scope_add_children (scope, type->name, field->name, field->targets[k], error))
                  return FALSE;
            }
        }
    }
  while (scope_size (scope) != before);
  return TRUE;
}

static gboolean
is_closure_type (const char *type_name)
{
  return g_strcmp0 (type_name, "person") == 0 || g_strcmp0 (type_name, "organisation") == 0
         || g_strcmp0 (type_name, "area") == 0 || g_strcmp0 (type_name, "venue") == 0;
}

/* Adds the people, organisations, areas and venues a record refers to. */
static void
scope_add_references (Scope      *scope,
                      const char *type_name,
                      const char *id)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  sqlite3_stmt *stmt = _kw_store_prepare (scope->store, _kw_store_sync_sql_for (type)->by_id, NULL);
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (guint));

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; i < type->n_fields; i++)
      if (type->fields[i].kind == KW_FIELD_REF
          && sqlite3_column_type (stmt, KW_COL_VALUE (i)) != SQLITE_NULL)
        {
          g_array_append_val (fields, i);
          g_ptr_array_add (refs, g_strdup ((const char *) sqlite3_column_text (stmt, KW_COL_VALUE (i))));
        }
  sqlite3_reset (stmt);
  for (guint k = 0; k < refs->len; k++)
    {
      const KwField *field = &type->fields[g_array_index (fields, guint, k)];
      const char *target_id = g_ptr_array_index (refs, k);

      for (guint t = 0; field->targets[t]; t++)
        if (is_closure_type (field->targets[t]) && row_exists (scope->store, field->targets[t], target_id))
          scope_add (scope, kw_registry_lookup (field->targets[t])->name, target_id);
    }
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
  g_clear_pointer (&import->file_seen, g_hash_table_unref);
  g_clear_pointer (&import->local_seen, g_hash_table_unref);
  g_clear_pointer (&import->max_seen, g_hash_table_unref);
  g_clear_pointer (&import->selects, g_free);
  g_clear_pointer (&import->inserts, g_free);
  g_clear_pointer (&import->deferred, g_ptr_array_unref);
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
  return TRUE;
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
  if (ok && !import->dry_run && import->changed)
    ok = (backup = kw_store_backup (store, "import", error)) != NULL;
  if (ok && !import->dry_run && kw_store_commit (store, error))
    return TRUE;
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

static gboolean merge_record (KwStore      *store,
                              KwSyncImport *import,
                              KwSyncRecord *record,
                              GError      **error);

/* A person line whose consent is "private": whatever else it carries,
 * only the consent is taken (spec: after the line's own consent is
 * merged, nothing else of a private person is). */
static gboolean
is_private_stub (KwSyncRecord *record)
{
  int consent = _kw_store_sync_sql_for (record->type)->consent;

  return consent >= 0 && record->deleted[0] == '\0' && (record->present & (1u << consent))
         && value_is_private (record->values[consent]);
}

static gboolean
read_stub (KwStore    *store,
           const char *id,
           char        hlc[KW_HLC_LEN + 1],
           char        prev[KW_HLC_LEN + 1])
{
  sqlite3_stmt *stmt = _kw_store_prepare (store, select_stub_sql, NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *p = (const char *) sqlite3_column_text (stmt, 1);

      g_strlcpy (hlc, (const char *) sqlite3_column_text (stmt, 0), KW_HLC_LEN + 1);
      g_strlcpy (prev, p ? p : "", KW_HLC_LEN + 1);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

static gboolean
write_stub (KwStore       *store,
            KwSyncRecord  *record,
            gboolean       keep,
            GError       **error)
{
  int consent = _kw_store_sync_sql_for (record->type)->consent;
  sqlite3_stmt *stmt = _kw_store_prepare (store, keep ? upsert_stub_sql : delete_stub_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->id, -1, SQLITE_STATIC);
  if (keep)
    {
      sqlite3_bind_text (stmt, 2, record->hlc[consent], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, record->prev[consent][0] ? record->prev[consent] : NULL, -1, SQLITE_STATIC);
    }
  return _kw_store_sync_step_done (store, stmt, error);
}

/* A stub for a person that is not here: kept aside, the higher stamp wins. */
static gboolean
merge_stub (KwStore       *store,
            KwSyncImport  *import,
            KwSyncRecord  *record,
            GError       **error)
{
  char hlc[KW_HLC_LEN + 1], prev[KW_HLC_LEN + 1];
  int consent = _kw_store_sync_sql_for (record->type)->consent;
  gboolean found = read_stub (store, record->id, hlc, prev);

  if (found && strcmp (record->hlc[consent], hlc) <= 0)
    {
      import->summary.unchanged++;
      return TRUE;
    }
  if (found)
    import->summary.updated++;
  else
    import->summary.added++;
  import->changed = TRUE;
  return write_stub (store, record, TRUE, error);
}

/* More than a stub arrives for a person held as a stub: the stub becomes
 * a row (its consent merges with the line like any field). */
static gboolean
materialize_stub (KwStore       *store,
                  KwSyncImport  *import,
                  KwSyncRecord  *record,
                  GError       **error)
{
  KwSyncRecord stub = { record->type };
  int consent = _kw_store_sync_sql_for (record->type)->consent;
  KwImportSummary saved = import->summary;
  gboolean ok;

  g_strlcpy (stub.id, record->id, sizeof stub.id);
  if (!read_stub (store, record->id, stub.hlc[consent], stub.prev[consent]))
    return insert_new (store, import, record, error);
  /* still private after this line's consent: the stub learns nothing */
  if (!(record->present & (1u << consent)) || strcmp (record->hlc[consent], stub.hlc[consent]) <= 0)
    {
      import->summary.unchanged++;
      return TRUE;
    }
  stub.values[consent] = g_variant_ref_sink (g_variant_new_string ("private"));
  stub.present = 1u << consent;
  ok = insert_new (store, import, &stub, error) && write_stub (store, &stub, FALSE, error);
  _kw_sync_record_clear (&stub);
  import->summary = saved;
  return ok && merge_record (store, import, record, error);
}

static gboolean
merge_record (KwStore       *store,
              KwSyncImport  *import,
              KwSyncRecord  *record,
              GError       **error)
{
  guint t = (guint) (record->type - kw_registry_type_at (0));
  sqlite3_stmt *stmt = cached_statement (store, import->selects, t, _kw_store_sync_sql_for (record->type)->by_id, error);
  gboolean ok;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ok = merge_existing (store, import, record, stmt, error);
      sqlite3_reset (stmt);
      return ok;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (store, error);
      return FALSE;
    }
  if (record->deleted[0] == '\0' && belongs_to_private (store, record, NULL))
    {
      import->summary.unchanged++;
      defer_line (import, record, FALSE);
      return TRUE;
    }
  if (_kw_store_sync_sql_for (record->type)->consent < 0)
    return insert_new (store, import, record, error);
  if (is_private_stub (record))
    return merge_stub (store, import, record, error);
  if (record->deleted[0] != '\0')  /* a tombstone wins over the stub */
    return write_stub (store, record, FALSE, error) && insert_new (store, import, record, error);
  return materialize_stub (store, import, record, error);
}

gboolean
_kw_store_sync_merge (KwStore       *store,
                      KwSyncImport  *import,
                      KwSyncRecord  *record,
                      GError       **error)
{
  note_record_stamps (import, record);
  return merge_record (store, import, record, error);
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

/* The deferred lines whose person is no longer private (a newer consent
 * came later in the file) are merged now; each line still counts once. */
static gboolean
merge_deferred (KwStore       *store,
                KwSyncImport  *import,
                GError       **error)
{
  g_autoptr(GPtrArray) deferred = g_steal_pointer (&import->deferred);

  for (guint k = 0; deferred != NULL && k < deferred->len; k++)
    {
      Deferred *d = g_ptr_array_index (deferred, k);
      KwSyncRecord record = { NULL };
      KwImportSummary before = import->summary;
      gboolean ok;

      undefer_line (d, &record);
      ok = belongs_to_private (store, &record, NULL) || merge_record (store, import, &record, error);
      _kw_sync_record_clear (&record);
      if (!ok)
        return FALSE;
      /* the line was counted once already (unchanged, or updated for its
       * reference): a merge that changes nothing now is not counted again */
      if (import->summary.added == before.added && import->summary.updated == before.updated)
        {
          guint conflicts = import->summary.conflicts;

          import->summary = before;
          import->summary.conflicts = conflicts;
        }
      else if (d->counted_updated)
        import->summary.updated--;
      else
        import->summary.unchanged--;
    }
  g_clear_pointer (&import->deferred, g_ptr_array_unref);
  return TRUE;
}

gboolean
_kw_store_sync_finish (KwStore       *store,
                       KwSyncImport  *import,
                       GError       **error)
{
  GHashTableIter iter;
  gpointer value;

  if (!merge_deferred (store, import, error))
    return FALSE;

  g_hash_table_iter_init (&iter, import->max_seen);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (!import->dry_run)
        _kw_store_observe_stamp (store, value);
      if (!_kw_store_note_seen (store, value, error))
        return FALSE;
    }
  /* A partial export's seen map covers more than the file holds. */
  if (import->full)
    {
      g_hash_table_iter_init (&iter, import->file_seen);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (!_kw_store_note_seen (store, value, error))
          return FALSE;
    }
  return TRUE;
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
    _kw_store_exec (store, "PRAGMA cache_size = -65536", NULL);
  else
    _kw_store_exec (store, "PRAGMA cache_size = -2000", NULL);
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

GHashTable *
_kw_store_sync_collect_scope (KwStore     *store,
                              const char  *kind,
                              const char  *id,
                              GError     **error)
{
  Scope scope = { store, NULL, G_QUEUE_INIT };
  const KwEntityType *root = kw_registry_lookup (kind);
  KwExportScope scope_kind;
  char *item;

  /* only a scope's root (not a person, whose PARENT references would pull in their
   * affiliations and relations) */
  if (!kw_export_scope_from_string (kind, &scope_kind) || scope_kind == KW_EXPORT_SCOPE_ALL)
    root = NULL;
  if (root == NULL || !row_exists (store, root->name, id))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                   _("no %s with id %s"), kind, id);
      return NULL;
    }
  scope.sets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  scope_add (&scope, root->name, id);
  if (!scope_add_reach (&scope, root, error))
    goto fail;
  while ((item = g_queue_pop_head (&scope.todo)) != NULL)
    {
      char *nl = strchr (item, '\n');

      *nl = '\0';
      scope_add_references (&scope, item, nl + 1);
      g_free (item);
    }
  return scope.sets;

fail:
  g_queue_clear_full (&scope.todo, g_free);
  g_hash_table_unref (scope.sets);
  return NULL;
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
