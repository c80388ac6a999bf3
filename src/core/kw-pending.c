/* kw-pending.c: deletes that wait for their undo toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A delete in the application waits for its toast to go before it is
 * written; meanwhile the record, and what a delete would take with it
 * (KW_FIELD_FLAG_PARENT references to it, recursively), is hidden from
 * every query of the store that the UI reads through: kw_store_get,
 * _find_type, _list, _list_by_ref, _count, _search and KwRecordList.
 * The set lives in a TEMP table of the store's connection
 * (temp.kw_pending: type, id, root), so that the list queries leave
 * those rows out in SQL, and in memory beside it (the records of each
 * root, and how many rows each type has there, so that a query adds the
 * condition only when it has something to leave out). It is never
 * written to the database: a crash deletes nothing, and export, import
 * and sync (their own SQL, and kw_store_lookup) never see it.
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kw-error.h"
#include "kw-store-private.h"

struct _KwPending
{
  GHashTable *roots;   /* "type id" → GPtrArray of KwRecord (the root first) */
  GHashTable *counts;  /* interned type name → rows of that type in temp.kw_pending */
  gboolean    table;   /* temp.kw_pending made */
};

static const char create_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS kw_pending (type TEXT NOT NULL, id TEXT NOT NULL, root TEXT NOT NULL)";
static const char insert_sql[] = "INSERT INTO temp.kw_pending (type, id, root) VALUES (?, ?, ?)";
static const char delete_sql[] = "DELETE FROM temp.kw_pending WHERE root = ?";

/* Helpers */

static char *
make_key (const char *type_name,
          const char *id)
{
  return g_strconcat (type_name, " ", id, NULL);
}

static guint
count_of (KwPending  *pending,
          const char *type_name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (pending->counts, g_intern_string (type_name)));
}

static void
add_count (KwPending  *pending,
           const char *type_name,
           int         delta)
{
  const char *key = g_intern_string (type_name);
  guint n = count_of (pending, key) + delta;

  if (n == 0)
    g_hash_table_remove (pending->counts, key);
  else
    g_hash_table_insert (pending->counts, (gpointer) key, GUINT_TO_POINTER (n));
}

/* ::changed for every type among the records (each once). */
static void
emit_for (KwStore   *self,
          GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    _kw_store_mark_changed (self, kw_record_get_type_name (g_ptr_array_index (records, i)));
  _kw_store_emit_changed (self);
}

static gboolean
insert_rows (KwStore     *self,
             const char  *root,
             GPtrArray   *records,
             GError     **error)
{
  KwPending *pending = _kw_store_get_pending (self);
  sqlite3_stmt *stmt;

  if (!pending->table && !_kw_store_exec (self, create_sql, error))
    return FALSE;
  pending->table = TRUE;
  for (guint i = 0; i < records->len; i++)
    {
      KwRecord *record = g_ptr_array_index (records, i);

      if ((stmt = _kw_store_prepare (self, insert_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, kw_record_get_type_name (record), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, kw_record_get_id (record), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, root, -1, SQLITE_STATIC);
      if (!_kw_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
delete_rows (KwStore    *self,
             const char *root)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  if ((stmt = _kw_store_prepare (self, delete_sql, &error)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, root, -1, SQLITE_STATIC);
      _kw_store_run (self, stmt, &error);
    }
  if (error != NULL)
    g_warning ("could not forget a pending delete: %s", error->message);
}

/* Forgets a root (its rows and counts); its records, or NULL. */
static GPtrArray *
remove_root (KwStore    *self,
             const char *type_name,
             const char *id)
{
  KwPending *pending = _kw_store_get_pending (self);
  g_autofree char *key = make_key (type_name, id);
  g_autofree char *stolen = NULL;
  GPtrArray *records = NULL;

  if (!g_hash_table_steal_extended (pending->roots, key, (gpointer *) &stolen, (gpointer *) &records))
    return NULL;
  for (guint i = 0; i < records->len; i++)
    add_count (pending, kw_record_get_type_name (g_ptr_array_index (records, i)), -1);
  delete_rows (self, key);
  return records;
}

/* Private API */

KwPending *
_kw_pending_new (void)
{
  KwPending *pending = g_new0 (KwPending, 1);

  pending->roots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  pending->counts = g_hash_table_new (NULL, NULL);
  return pending;
}

void
_kw_pending_free (KwPending *pending)
{
  if (pending == NULL)
    return;
  g_hash_table_unref (pending->roots);
  g_hash_table_unref (pending->counts);
  g_free (pending);
}

char *
_kw_store_pending_sql (KwStore            *self,
                       const KwEntityType *type,
                       const char         *alias)
{
  if (count_of (_kw_store_get_pending (self), type->name) == 0)
    return g_strdup ("");
  return g_strdup_printf (" AND %s%sid NOT IN (SELECT id FROM temp.kw_pending WHERE type = '%s')",
                          alias ? alias : "", alias ? "." : "", type->name);
}

gboolean
_kw_store_is_pending (KwStore    *self,
                      const char *type_name,
                      const char *id)
{
  KwPending *pending = _kw_store_get_pending (self);
  GHashTableIter iter;
  gpointer value;

  if (id == NULL || count_of (pending, type_name) == 0)
    return FALSE;
  g_hash_table_iter_init (&iter, pending->roots);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *records = value;

      for (guint i = 0; i < records->len; i++)
        {
          KwRecord *record = g_ptr_array_index (records, i);

          if (g_str_equal (kw_record_get_id (record), id)
              && g_str_equal (kw_record_get_type_name (record), type_name))
            return TRUE;
        }
    }
  return FALSE;
}

/* Public API */

gboolean
kw_store_pend_delete (KwStore     *self,
                      const char  *type_name,
                      const char  *id,
                      GError     **error)
{
  KwPending *pending;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *key = NULL;
  KwRecord *record;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (type_name != NULL && id != NULL, FALSE);
  g_return_val_if_fail (!_kw_store_in_transaction (self), FALSE);

  pending = _kw_store_get_pending (self);
  key = make_key (type_name, id);
  if (g_hash_table_contains (pending->roots, key))
    return TRUE;
  if ((record = kw_store_get (self, type_name, id, error)) == NULL)
    return FALSE;
  g_ptr_array_add (records, record);
  if (!_kw_store_check_finalised (self, kw_record_get_entity_type (record), record, NULL, error))
    return FALSE;
  if (!_kw_store_collect_belonging (self, type_name, id, records, error))
    return FALSE;
  if (!insert_rows (self, key, records, error))
    {
      if (pending->table)
        delete_rows (self, key);  /* the rows made so far */
      return FALSE;
    }
  for (guint i = 0; i < records->len; i++)
    add_count (pending, kw_record_get_type_name (g_ptr_array_index (records, i)), +1);
  g_hash_table_insert (pending->roots, g_steal_pointer (&key), g_ptr_array_ref (records));
  emit_for (self, records);
  return TRUE;
}

void
kw_store_cancel_pending (KwStore    *self,
                         const char *type_name,
                         const char *id)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_if_fail (KW_IS_STORE (self));
  g_return_if_fail (type_name != NULL && id != NULL);
  g_return_if_fail (!_kw_store_in_transaction (self));

  if ((records = remove_root (self, type_name, id)) != NULL)
    emit_for (self, records);
}

gboolean
kw_store_commit_pending (KwStore     *self,
                         const char  *type_name,
                         const char  *id,
                         GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (type_name != NULL && id != NULL, FALSE);
  g_return_val_if_fail (!_kw_store_in_transaction (self), FALSE);

  if ((records = remove_root (self, type_name, id)) == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                   _("no delete of %s %s is waiting"), type_name, id);
      return FALSE;
    }
  /* one transaction; its ::changed tells the lists */
  if (kw_store_delete (self, type_name, id, &local_error)
      || g_error_matches (local_error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED))  /* a sync was first */
    return TRUE;
  emit_for (self, records);  /* not deleted: shown again */
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
kw_store_is_pending (KwStore    *self,
                     const char *type_name,
                     const char *id)
{
  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (type_name != NULL, FALSE);

  return _kw_store_is_pending (self, type_name, id);
}
