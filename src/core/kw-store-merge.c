/* kw-store-merge.c: an import's lines merged into the rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge compares the raw stamps of a row with the incoming ones first
 * and only builds and writes a record when a field changes, so that
 * re-importing a file costs one indexed SELECT per record. A value that
 * loses concurrently, or meets a tombstone, is kept as a conflict; the
 * private stubs of people this device holds no copy of are kept aside.
 * Split from kw-store-sync.c (export rows and the local sync tables).
 */
#define G_LOG_DOMAIN "kw-sync"

#include "config.h"

#include <string.h>

#include "kw-store-private.h"
#include "kw-sync-json.h"
#include "kw-sync-private.h"

#define DEVICE_OF(stamp) ((stamp) + KW_HLC_LEN - KW_DEVICE_ID_LEN)

/* Private stubs of people this device holds no copy of: kept aside, so
 * that they show nowhere, yet exported again (spec: "a receiver without
 * a copy shows nothing of it"). */
static const char select_stub_sql[] = "SELECT hlc, prev FROM sync_stubs WHERE id = ?";
static const char upsert_stub_sql[] =
  "INSERT INTO sync_stubs (id, hlc, prev) VALUES (?, ?, ?) "
  "ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc, prev = excluded.prev";
static const char delete_stub_sql[] = "DELETE FROM sync_stubs WHERE id = ?";

static const char insert_conflict_sql[] =
  "INSERT OR IGNORE INTO sync_conflicts (type, record, field, value, hlc, device, organiser, kind, noted_at)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char select_device_sql[] = "SELECT organiser FROM sync_devices WHERE device = ?";

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

/* The set of private ids follows every write of a record with a consent
 * (a person): private while live with consent "private". */
static void
track_private (KwSyncImport *import,
               KwSyncRecord *record,
               gboolean      private)
{
  if (_kw_store_sync_sql_for (record->type)->consent < 0)
    return;
  if (private)
    g_hash_table_add (import->private_ids, g_strdup (record->id));
  else
    g_hash_table_remove (import->private_ids, record->id);
}

/* Helpers: the digest table */

/* The line as this device's exporter writes the record (kw-store-sync.c,
 * build_line: fields sorted by name, compact) is the line read. */
gboolean
_kw_store_sync_line_is_canonical (KwSyncImport  *import,
                                  KwSyncRecord  *record)
{
  const KwEntityType *type = record->type;
  const KwSyncSql *sql = _kw_store_sync_sql_for (type);
  GString *s = import->line_buf;
  gboolean first = TRUE;

  if (s == NULL)
    s = import->line_buf = g_string_sized_new (1024);
  g_string_truncate (s, 0);
  g_string_append (s, "{\"type\":\"");
  g_string_append (s, type->name);
  g_string_append (s, "\",\"id\":");
  _kw_sync_append_json_string (s, record->id);
  if (record->deleted[0] != '\0')
    {
      g_string_append (s, ",\"deleted\":\"");
      g_string_append (s, record->deleted);
      g_string_append (s, "\"}");
    }
  else
    {
      g_string_append (s, ",\"f\":{");
      for (guint k = 0; k < type->n_fields; k++)
        {
          guint i = sql->sorted[k];

          if (!(record->present & (1u << i)))
            continue;
          if (!first)
            g_string_append_c (s, ',');
          g_string_append_c (s, '"');
          g_string_append (s, type->fields[i].name);
          g_string_append (s, "\":[");
          _kw_sync_append_json_value (s, record->values[i]);
          g_string_append (s, ",\"");
          g_string_append (s, record->hlc[i]);
          if (record->prev[i][0] != '\0')
            {
              g_string_append (s, "\",\"");
              g_string_append (s, record->prev[i]);
              g_string_append (s, "\"]");
            }
          else
            g_string_append (s, "\",null]");
          first = FALSE;
        }
      g_string_append (s, "}}");
    }
  return s->len == import->line_len && memcmp (s->str, import->line, s->len) == 0;
}

/* The row now holds exactly what the line carries: its digest is noted,
 * so that the same bytes are skipped unparsed next time (the row's next
 * update or delete drops it again, by trigger). Only for the line being
 * read, once, and only when it has the exporter's layout. */
static gboolean
note_line (KwStore       *store,
           KwSyncImport  *import,
           KwSyncRecord  *record,
           GError       **error)
{
  if (!import->line_digested || import->line_record != record
      || (!import->line_canonical && !_kw_store_sync_line_is_canonical (import, record)))
    return TRUE;
  import->line_digested = FALSE;
  import->lines_noted++;
  return _kw_store_sync_note_line (store, import, record->id, import->line_digest, error);
}

/* Whether the row, with the fields in @wins taken from the line, holds
 * exactly the line: every field the line carries was equal or taken,
 * and the row has no other stamped field. */
static gboolean
row_is_line (KwSyncRecord *record,
             sqlite3_stmt *stmt,
             const int    *cmp,
             guint32       wins)
{
  for (guint i = 0; i < record->type->n_fields; i++)
    {
      if (record->present & (1u << i))
        {
          if (cmp[i] != 0 && !(wins & (1u << i)))
            return FALSE;
        }
      else if (!(record->type->fields[i].flags & KW_FIELD_FLAG_LOCAL)
               && sqlite3_column_type (stmt, KW_COL_HLC (i)) != SQLITE_NULL)
        return FALSE;
    }
  return TRUE;
}

static const char upsert_removed_item_sql[] =
  "INSERT INTO sync_removed_items (id, meeting, hlc) VALUES (?, ?, ?) "
  "ON CONFLICT (id) DO UPDATE SET meeting = excluded.meeting, hlc = excluded.hlc";

/* An agenda item that a tombstone takes away: which meeting it was on,
 * kept locally (the tombstone keeps no fields), so that finalised
 * minutes can say they changed after finalising. */
static gboolean
note_removed_item (KwStore       *store,
                   KwSyncRecord  *record,
                   GError       **error)
{
  g_autoptr(KwRecord) item = NULL;
  const char *meeting;
  sqlite3_stmt *stmt;

  if (!g_str_equal (record->type->name, "agenda_item"))
    return TRUE;
  item = kw_store_get (store, "agenda_item", record->id, NULL);
  if (item == NULL || (meeting = kw_record_get_string (item, "meeting")) == NULL)
    return TRUE;
  if ((stmt = _kw_store_prepare (store, upsert_removed_item_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, meeting, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, record->deleted, -1, SQLITE_TRANSIENT);
  return _kw_store_sync_step_done (store, stmt, error);
}

static gboolean
write_tombstone (KwStore       *store,
                 KwSyncImport  *import,
                 KwSyncRecord  *record,
                 gboolean       exists,
                 GError       **error)
{
  g_autoptr(KwRecord) tomb = kw_record_new (record->type, record->id);

  if (exists && !note_removed_item (store, record, error))
    return FALSE;
  track_private (import, record, FALSE);
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
      return strcmp (record->deleted, local) != 0 || note_line (store, import, record, error);
    }
  if (local == NULL && !keep_unseen_local (store, import, record, stmt, error))
    return FALSE;
  if (local == NULL)
    import->summary.deleted++;
  else
    import->summary.updated++;
  import->changed = TRUE;
  return write_tombstone (store, import, record, TRUE, error) && note_line (store, import, record, error);
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
                    KwSyncImport  *import,
                    KwSyncRecord  *record,
                    sqlite3_stmt  *row)
{
  const KwEntityType *type = record->type;
  guint32 fields = _kw_store_sync_sql_for (type)->private_parents;

  /* no private person here (yet): nothing to look up */
  if (fields == 0 || g_hash_table_size (import->private_ids) == 0)
    return FALSE;
  for (guint i = 0; fields != 0 && i < type->n_fields; i++)
    {
      const char *ids[2] = { NULL, NULL };

      if (!(fields & (1u << i)))
        continue;
      if ((record->present & (1u << i)) && record->values[i] != NULL)
        ids[0] = g_variant_get_string (record->values[i], NULL);
      if (row != NULL)
        ids[1] = (const char *) sqlite3_column_text (row, KW_COL_VALUE (i));
      /* the set holds what kw_store_is_private() says, in this transaction */
      for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
        if (ids[k] != NULL && g_hash_table_contains (import->private_ids, ids[k]))
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
  gboolean home = FALSE, same;

  for (guint i = 0; i < record->type->n_fields; i++)
    if ((record->present & (1u << i)) && (cmp[i] = compare_field (record, i, stmt)) != 0)
      differ |= 1u << i;
  /* What belongs to a private person takes nothing but a newer reference
   * to its person (so that a record moved to them stops leaving here too);
   * a private person nothing but consent. The rest is dropped, not kept
   * as a conflict. An unchanged line (a re-import) costs no check. */
  if (differ != 0 && (home = belongs_to_private (store, import, record, stmt)))
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
  same = import->line_digested && row_is_line (record, stmt, cmp, wins);
  if (wins == 0)
    {
      import->summary.unchanged++;
      return !same || note_line (store, import, record, error);
    }
  {
    int consent = _kw_store_sync_sql_for (record->type)->consent;

    if (consent >= 0)
      track_private (import, record, (wins & (1u << consent))
                     ? value_is_private (record->values[consent])
                     : g_strcmp0 ((const char *) sqlite3_column_text (stmt, KW_COL_VALUE (consent)), "private") == 0);
  }
  merged = _kw_store_record_from_row (record->type, stmt);
  for (guint i = 0; i < record->type->n_fields; i++)
    if (wins & (1u << i))
      kw_record_set_at (merged, i, record->values[i], record->hlc[i],
                        record->prev[i][0] ? record->prev[i] : NULL);
  import->summary.updated++;
  import->changed = TRUE;
  return _kw_store_write_record (store, merged, TRUE, error)
         && (!same || note_line (store, import, record, error));
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

/* An import that adds most of the rows (into an empty or small database)
 * indexes them (search, and the secondary indexes) at once at its end: after BULK_AFTER new rows,
 * when the search tables held at most twice as many before. */
#define BULK_AFTER 1000

static gboolean
maybe_go_bulk (KwStore       *store,
               KwSyncImport  *import,
               GError       **error)
{
  gint64 before = _kw_store_fts_count_rows (store) - import->inserted_search;

  if (before > 2 * BULK_AFTER)
    return TRUE;
  g_debug ("%" G_GINT64_FORMAT " searchable rows before: full-text index built at the end", before);
  import->fts_bulk = TRUE;
  import->bulk_indexes = g_ptr_array_new_with_free_func (g_free);
  return _kw_store_fts_suspend (store, import->bulk_indexes, error);
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
  {
    int consent = _kw_store_sync_sql_for (record->type)->consent;

    track_private (import, record, !tomb && consent >= 0 && (record->present & (1u << consent))
                   && value_is_private (record->values[consent]));
  }
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
  if (record->type->flags & KW_TYPE_FLAG_SEARCH)
    import->inserted_search++;
  if (++import->inserted == BULK_AFTER && !maybe_go_bulk (store, import, error))
    return FALSE;
  return note_line (store, import, record, error);
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
      if (belongs_to_private (store, import, record, stmt))
        {
          defer_line (import, record, FALSE);
          return TRUE;
        }
      return keep_unseen_incoming (store, import, record, tombstone, error);
    }
  return merge_live (store, import, record, stmt, error);
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
            KwSyncImport  *import,
            KwSyncRecord  *record,
            gboolean       keep,
            GError       **error)
{
  int consent = _kw_store_sync_sql_for (record->type)->consent;
  sqlite3_stmt *stmt = _kw_store_prepare (store, keep ? upsert_stub_sql : delete_stub_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->id, -1, SQLITE_STATIC);
  track_private (import, record, keep);
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
  return write_stub (store, import, record, TRUE, error);
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
  ok = insert_new (store, import, &stub, error) && write_stub (store, import, &stub, FALSE, error);
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
  if (record->deleted[0] == '\0' && belongs_to_private (store, import, record, NULL))
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
    return write_stub (store, import, record, FALSE, error) && insert_new (store, import, record, error);
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
      ok = belongs_to_private (store, import, &record, NULL) || merge_record (store, import, &record, error);
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
  if (import->fts_bulk && !_kw_store_fts_resume (store, import->bulk_indexes, error))
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
