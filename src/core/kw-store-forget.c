/* kw-store-forget.c: what "forget this person" needs of the store beyond
 * a delete: the values kept as conflicts, the write-ahead log and the
 * backups taken before (DESIGN.md, Privacy)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "kw-error.h"
#include "kw-store-private.h"
#include "kw-sync-json.h"
#include "kw-sync-private.h"
#include "kw-temp-file.h"

static const char delete_conflicts_sql[] = "DELETE FROM sync_conflicts WHERE type = ? AND record = ?";
static const char delete_conflict_refs_sql[] = "DELETE FROM sync_conflicts WHERE value = ?";
static const char delete_stub_sql[] = "DELETE FROM sync_stubs WHERE id = ?";

/* Helpers */

static gboolean
run_with_text (KwStore     *self,
               const char  *sql,
               const char  *a,
               const char  *b,
               GError     **error)
{
  sqlite3_stmt *stmt = _kw_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  return _kw_store_run (self, stmt, error);
}

/* FTS5 keeps deleted terms in older segments until they are merged:
 * 'optimize' merges every segment, so no trigram of a name stays. */
static char *
optimize_sql (const KwEntityType *type)
{
  return g_strdup_printf ("INSERT INTO \"%s.fts\" (\"%s.fts\") VALUES ('optimize')",
                          type->name, type->name);
}

static gboolean
purge_one (KwStore   *self,
           KwRecord  *tomb,
           GError   **error)
{
  const char *type = kw_record_get_type_name (tomb);
  const char *id = kw_record_get_id (tomb);
  g_autoptr(GString) quoted = g_string_new (NULL);

  _kw_sync_append_json_string (quoted, id);
  return run_with_text (self, delete_conflicts_sql, type, id, error)
         && run_with_text (self, delete_conflict_refs_sql, quoted->str, NULL, error)
         && run_with_text (self, delete_stub_sql, id, NULL, error);
}

/* Backups: plain sqlite3 on a file of its own */

static gboolean
backup_exec (sqlite3     *db,
             const char  *sql,
             const char  *id)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      if (id != NULL)
        sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    g_debug ("backup: %s: %s", sql, sqlite3_errmsg (db));
  return rc == SQLITE_DONE;
}

static gboolean
backup_has_table (sqlite3    *db,
                  const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE name = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

static GPtrArray *
backup_children (sqlite3            *db,
                 const KwEntityType *type,
                 const KwField      *field,
                 const char         *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?", type->name, field->name);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    g_clear_pointer (&ids, g_ptr_array_unref);
  return ids;
}

/* Removes the row and what belongs to it, and clears other references. */
static gboolean
backup_forget (sqlite3     *db,
               const char  *type_name,
               const char  *id,
               guint        depth)
{
  g_autofree char *del = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?", type_name);

  if (depth > 8)
    return FALSE;
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);

      for (guint i = 0; i < type->n_fields; i++)
        {
          const KwField *f = &type->fields[i];
          g_autofree char *clear = NULL;
          g_autoptr(GPtrArray) children = NULL;

          if (f->kind != KW_FIELD_REF || !kw_field_targets (f, type_name))
            continue;
          if (!(f->flags & KW_FIELD_FLAG_PARENT))
            {
              clear = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = NULL WHERE \"%s\" = ?",
                                       type->name, f->name, f->name);
              if (!backup_exec (db, clear, id))
                return FALSE;
              continue;
            }
          if ((children = backup_children (db, type, f, id)) == NULL)
            return FALSE;
          for (guint k = 0; k < children->len; k++)
            if (!backup_forget (db, type->name, g_ptr_array_index (children, k), depth + 1))
              return FALSE;
        }
    }
  if (backup_has_table (db, "sync_conflicts")
      && !backup_exec (db, "DELETE FROM sync_conflicts WHERE record = ?", id))
    return FALSE;
  if (backup_has_table (db, "sync_stubs") && !backup_exec (db, "DELETE FROM sync_stubs WHERE id = ?", id))
    return FALSE;
  return backup_exec (db, del, id);
}

static gboolean
backup_optimize (sqlite3 *db)
{
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);
      g_autofree char *fts = g_strconcat (type->name, ".fts", NULL);
      g_autofree char *sql = NULL;

      if (!(type->flags & KW_TYPE_FLAG_SEARCH) || !backup_has_table (db, fts))
        continue;
      sql = optimize_sql (type);
      if (!backup_exec (db, sql, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
scrub_copy (const char *tmp,
            const char *type_name,
            const char *id)
{
  sqlite3 *db = NULL;
  gboolean ok = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;

  /* a copy of our own: no journal, so nothing of the old rows beside it */
  ok = ok && sqlite3_exec (db, "PRAGMA journal_mode = OFF; PRAGMA secure_delete = ON;"
                               "PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
  ok = ok && backup_has_table (db, type_name) && backup_forget (db, type_name, id, 0)
       && backup_optimize (db);
  if (ok)
    ok = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
  else if (db != NULL)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  /* a new file: no freed page keeps an old row */
  ok = ok && sqlite3_exec (db, "VACUUM", NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_close (db);
  return ok;
}

static gboolean
copy_file (const char *from,
           int         to)
{
  g_autofree char *buf = g_malloc (1 << 20);
  int in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  gssize n = 0;
  gboolean ok = in >= 0;

  while (ok && (n = read (in, buf, 1 << 20)) > 0)
    ok = write (to, buf, (gsize) n) == n;
  if (in >= 0)
    close (in);
  return ok && n == 0 && fsync (to) == 0;
}

/* The backup is copied to a temporary file beside it, scrubbed there and
 * renamed over the original: a forget that is killed half way leaves the
 * backup as it was (and a temporary file the next start removes), never
 * a hot journal holding the old rows. */
static gboolean
scrub_backup (const char *path,
              const char *type_name,
              const char *id)
{
  g_autofree char *tmp = NULL;
  gboolean ok;
  int fd;

  if ((fd = kw_temp_file_open (path, &tmp, NULL)) < 0)
    return FALSE;
  ok = copy_file (path, fd) && scrub_copy (tmp, type_name, id) && g_rename (tmp, path) == 0;
  if (!ok)
    g_unlink (tmp);
  close (fd);
  return ok;
}

static GPtrArray *
list_backups (KwStore *self)
{
  g_autofree char *dir = g_path_get_dirname (kw_store_get_path (self));
  g_autofree char *folder_path = g_build_filename (dir, "backups", NULL);
  g_autofree char *base = g_path_get_basename (kw_store_get_path (self));
  g_autoptr(GDir) folder = g_dir_open (folder_path, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *entry;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (entry, base) && entry[strlen (base)] == '-'
        && g_ascii_isdigit (entry[strlen (base) + 1]) && g_str_has_suffix (entry, ".db"))
      g_ptr_array_add (found, g_build_filename (folder_path, entry, NULL));
  if (folder_path != NULL)
    kw_temp_file_clean (folder_path);
  g_ptr_array_sort (found, (GCompareFunc) g_strcmp0);
  return found;
}

/* Public API */

gboolean
kw_store_purge_records (KwStore    *self,
                        GPtrArray  *tombstones,
                        GError    **error)
{
  gboolean searched[64] = { FALSE };

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (tombstones != NULL, FALSE);
  g_return_val_if_fail (kw_registry_n_types () <= G_N_ELEMENTS (searched), FALSE);

  for (guint i = 0; i < tombstones->len; i++)
    {
      KwRecord *tomb = g_ptr_array_index (tombstones, i);
      const KwEntityType *type = kw_record_get_entity_type (tomb);

      if (!purge_one (self, tomb, error))
        return FALSE;
      searched[type - kw_registry_type_at (0)] = (type->flags & KW_TYPE_FLAG_SEARCH) != 0;
    }
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      g_autofree char *sql = NULL;

      if (!searched[t])
        continue;
      sql = optimize_sql (kw_registry_type_at (t));
      if (!_kw_store_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
kw_store_checkpoint (KwStore  *self,
                     GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc, busy = 1;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (!_kw_store_in_transaction (self), FALSE);

  db = _kw_store_get_db (self);
  rc = sqlite3_prepare_v2 (db, "PRAGMA wal_checkpoint (TRUNCATE)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    busy = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      _kw_store_set_db_error (self, error);
      return FALSE;
    }
  if (busy != 0)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_BUSY,
                   _("the log of %s could not be emptied: another program is using the database"),
                   kw_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

gboolean
kw_store_scrub_backups (KwStore     *self,
                        const char  *type_name,
                        const char  *id,
                        GPtrArray   *scrubbed,
                        GPtrArray   *removed,
                        GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (kw_registry_lookup (type_name) != NULL && id != NULL, FALSE);

  backups = list_backups (self);
  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);

      if (scrub_backup (path, type_name, id))
        {
          if (scrubbed != NULL)
            g_ptr_array_add (scrubbed, g_strdup (path));
          continue;
        }
      g_unlink (journal);
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not remove %s: %s"),
                       path, g_strerror (saved));
          return FALSE;
        }
      if (removed != NULL)
        g_ptr_array_add (removed, g_strdup (path));
    }
  return TRUE;
}
