/* kw-store-restore.c: listing the backups of a database, and going back to one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A restore copies the backup INTO the open connection with SQLite's
 * backup API, so that the application keeps its store (and every view
 * its models); the state it replaces is backed up first.
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "kw-error.h"
#include "kw-store-private.h"
#include "kw-store-restore.h"

#define STAMP_LEN 22  /* YYYYmmdd-HHMMSS-ffffff */

/* Helpers */

/* "<base>-": the start of this database's backups' names. */
static char *
dup_prefix (KwStore *self)
{
  g_autofree char *base = g_path_get_basename (kw_store_get_path (self));
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (base, "-", NULL);
}

/* A backup from its name "<prefix><stamp>-<reason>[-n].db", or NULL. */
static KwBackupInfo *
parse_backup (const char *folder,
              const char *prefix,
              const char *name)
{
  const char *rest = name + strlen (prefix);
  int y, mo, d, h, mi, sec, usec;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(KwBackupInfo) info = NULL;
  GStatBuf st;
  char *end;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".db")
      || strlen (rest) < STAMP_LEN + 5 || rest[STAMP_LEN] != '-'
      || sscanf (rest, "%4d%2d%2d-%2d%2d%2d-%6d", &y, &mo, &d, &h, &mi, &sec, &usec) != 7
      || (when = g_date_time_new_utc (y, mo, d, h, mi, sec)) == NULL)
    return NULL;
  info = g_new0 (KwBackupInfo, 1);
  info->name = g_strdup (name);
  info->path = g_build_filename (folder, name, NULL);
  info->made_at = g_date_time_to_unix (when) * G_USEC_PER_SEC + usec;
  info->reason = g_strndup (rest + STAMP_LEN + 1, strlen (rest) - STAMP_LEN - 1 - 3);
  /* "import-1": a second backup in the same microsecond */
  if ((end = strrchr (info->reason, '-')) != NULL && end[1] != '\0'
      && strspn (end + 1, "0123456789") == strlen (end + 1))
    *end = '\0';
  if (g_stat (info->path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;
  info->size = (guint64) st.st_size;
  return g_steal_pointer (&info);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const KwBackupInfo *x = *(KwBackupInfo * const *) a;
  const KwBackupInfo *y = *(KwBackupInfo * const *) b;

  if (x->made_at != y->made_at)
    return x->made_at > y->made_at ? -1 : 1;
  return strcmp (y->name, x->name);
}

/* Read-only and immutable: a backup's header says WAL (it is a copy of
 * a WAL database), and a plain read-only open would leave a -shm and an
 * empty -wal beside it in backups/ that nobody removes. */
static gboolean
open_backup (const char  *path,
             sqlite3    **db)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *immutable = uri ? g_strconcat (uri, "?immutable=1", NULL) : NULL;

  *db = NULL;
  return immutable != NULL
         && sqlite3_open_v2 (immutable, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK;
}

/* The device id a backup holds, or NULL. */
static char *
dup_backup_device (sqlite3 *src)
{
  sqlite3_stmt *stmt = NULL;
  char *device = NULL;

  if (sqlite3_prepare_v2 (src, "SELECT value FROM meta WHERE key = 'device_id'", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    device = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return device;
}

static gboolean
copy_into (KwStore  *self,
           sqlite3  *src,
           GError  **error)
{
  sqlite3 *db = _kw_store_get_db (self);
  sqlite3_backup *backup = sqlite3_backup_init (db, "main", src, "main");
  int rc;

  if (backup == NULL)
    {
      _kw_store_set_db_error (self, error);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  if (sqlite3_backup_finish (backup) != SQLITE_OK || rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Public API */

void
kw_backup_info_free (KwBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->name);
  g_free (info->reason);
  g_free (info);
}

GPtrArray *
kw_store_list_backups (KwStore  *self,
                       GError  **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_backup_info_free);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) dir_error = NULL;
  const char *entry;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);

  dir = g_path_get_dirname (kw_store_get_path (self));
  folder = g_build_filename (dir, "backups", NULL);
  prefix = dup_prefix (self);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&found);
  if ((listing = g_dir_open (folder, 0, &dir_error)) == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not read %s: %s"),
                   folder, dir_error->message);
      return NULL;
    }
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      KwBackupInfo *info = parse_backup (folder, prefix, entry);

      if (info != NULL)
        g_ptr_array_add (found, info);
    }
  g_ptr_array_sort (found, compare_newest_first);
  return g_steal_pointer (&found);
}

gboolean
kw_store_restore_backup (KwStore     *self,
                         const char  *path,
                         char       **made_backup,
                         GError     **error)
{
  g_autofree char *made = NULL;
  g_autofree char *device = NULL;
  sqlite3 *src = NULL;
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (made_backup != NULL)
    *made_backup = NULL;
  if (_kw_store_in_transaction (self))
    {
      g_set_error_literal (error, KW_CORE_ERROR, KW_CORE_ERROR_BUSY,
                           _("a backup cannot be restored inside a transaction"));
      return FALSE;
    }
  if (!open_backup (path, &src) || (device = dup_backup_device (src)) == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("%s is not a Kwartier database"), path);
      sqlite3_close (src);
      return FALSE;
    }
  if (strcmp (device, kw_store_get_device_id (self)) != 0)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s is a backup of another database"), path);
      sqlite3_close (src);
      return FALSE;
    }
  ok = (made = kw_store_backup (self, "restore", error)) != NULL
       && copy_into (self, src, error);
  sqlite3_close (src);
  /* a backup made before a migration is of the older schema; the copy
   * went through the write-ahead log, as big as the database: emptied */
  if (ok)
    ok = _kw_store_prepare_schema (self, error) && kw_store_checkpoint (self, error);
  for (guint i = 0; i < kw_registry_n_types (); i++)
    _kw_store_mark_changed (self, kw_registry_type_at (i)->name);
  _kw_store_emit_changed (self);
  if (made_backup != NULL)
    *made_backup = g_steal_pointer (&made);
  return ok;
}
