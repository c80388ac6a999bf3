/* kw-store-backup.c: copies of the database under backups/ beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before a migration, an import that changes anything (a sync pass's
 * import at most once per KW_SYNC_BACKUP_INTERVAL), and on request: the
 * newest few per reason are kept. Split from kw-store.c. Scrubbing a
 * forgotten person out of the backups is kw-store-forget.c's.
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kw-error.h"
#include "kw-store-private.h"
#include "kw-temp-file.h"

/* Backups */

static char *
backup_path (KwStore    *self,
             const char *reason)
{
  g_autofree char *dir = g_path_get_dirname (kw_store_get_path (self));
  g_autofree char *base = g_path_get_basename (kw_store_get_path (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* microseconds: names sort by time, also for backups made in one second */
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
  g_autofree char *name = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (guint n = 0; ; n++)
    {
      char *path;

      g_free (name);
      name = n == 0 ? g_strdup_printf ("%s-%s-%s.db", base, stamp, reason)
                    : g_strdup_printf ("%s-%s-%s-%u.db", base, stamp, reason, n);
      path = g_build_filename (dir, "backups", name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

#define BACKUPS_KEPT 5

/* By stamp, then "<base>-<stamp>-<reason>.db" before "…-<reason>-1.db"
 * before "…-<reason>-10.db". user_data: the length of "<base>-<stamp>". */
#define BACKUP_STAMP_LEN 22  /* YYYYmmdd-HHMMSS-ffffff */
static int
compare_backups (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *x = *(char * const *) a;
  const char *y = *(char * const *) b;
  gsize stamp_end = GPOINTER_TO_SIZE (user_data);
  gsize lx = strlen (x), ly = strlen (y);
  int by_stamp = strncmp (x, y, stamp_end);

  if (by_stamp != 0)
    return by_stamp;
  if (lx != ly)
    return lx < ly ? -1 : 1;
  return strcmp (x, y);
}

/* The names of this database's backups made for @reason, oldest first.
 * The names are "<base>-<YYYYmmdd-HHMMSS-ffffff>-<reason>[-n].db", so
 * they sort by time. *base_len: the length of "<base>-". */
static GPtrArray *
list_backups (KwStore    *self,
              const char *reason,
              gsize      *base_len)
{
  g_autofree char *dir = g_path_get_dirname (kw_store_get_path (self));
  g_autofree char *folder_path = g_build_filename (dir, "backups", NULL);
  g_autofree char *base = g_path_get_basename (kw_store_get_path (self));
  g_autofree char *tag = g_strdup_printf ("-%s", reason);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) folder = g_dir_open (folder_path, 0, NULL);
  const char *entry;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  while (folder && (entry = g_dir_read_name (folder)))
    {
      const char *rest = entry + strlen (base);

      /* rest is "-<stamp><tag>…" */
      if (g_str_has_prefix (entry, base) && strlen (rest) > BACKUP_STAMP_LEN + 1 && rest[0] == '-'
          && g_str_has_prefix (rest + 1 + BACKUP_STAMP_LEN, tag) && g_str_has_suffix (entry, ".db"))
        g_ptr_array_add (found, g_strdup (entry));
    }
  g_ptr_array_sort_with_data (found, compare_backups, GSIZE_TO_POINTER (strlen (base) + 1 + BACKUP_STAMP_LEN));
  *base_len = strlen (base) + 1;
  return g_steal_pointer (&found);
}

/* Keeps the newest BACKUPS_KEPT backups made for a reason: a sync folder
 * imports often, and each backup is a whole database. */
static void
prune_backups (KwStore    *self,
               const char *reason)
{
  g_autofree char *dir = g_path_get_dirname (kw_store_get_path (self));
  g_autofree char *folder_path = g_build_filename (dir, "backups", NULL);
  gsize base_len;
  g_autoptr(GPtrArray) found = list_backups (self, reason, &base_len);

  for (guint i = 0; i + BACKUPS_KEPT < found->len; i++)
    {
      g_autofree char *old = g_build_filename (folder_path, found->pdata[i], NULL);
      g_unlink (old);
    }
}

/* When the newest backup of this database made for @reason was made, in
 * microseconds since the epoch (the time in its name, UTC); -1 when
 * there is none. */
gint64
_kw_store_newest_backup_time (KwStore    *self,
                              const char *reason)
{
  gsize base_len;
  g_autoptr(GPtrArray) found = list_backups (self, reason, &base_len);
  const char *stamp;
  int y, mo, d, h, mi, sec, usec;
  g_autoptr(GDateTime) when = NULL;

  if (found->len == 0)
    return -1;
  stamp = (const char *) found->pdata[found->len - 1] + base_len;
  if (sscanf (stamp, "%4d%2d%2d-%2d%2d%2d-%6d", &y, &mo, &d, &h, &mi, &sec, &usec) != 7
      || (when = g_date_time_new_utc (y, mo, d, h, mi, sec)) == NULL)
    return -1;
  return g_date_time_to_unix (when) * G_USEC_PER_SEC + usec;
}

/* Through a connection of its own: in WAL mode it reads the last
 * committed state, also while this store is inside a transaction (the
 * importer backs up just before it commits). */
static gboolean
copy_committed (const char  *from,
                const char  *to,
                GError     **error)
{
  sqlite3 *src = NULL, *dest = NULL;
  sqlite3_backup *backup = NULL;
  int rc = sqlite3_open_v2 (from, &src, SQLITE_OPEN_READONLY, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (to, &dest, SQLITE_OPEN_READWRITE, NULL);
  /* a fresh temporary file: no journal to leave behind when killed */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (dest, "main", src, "main")) != NULL)
    {
      rc = sqlite3_backup_step (backup, -1);
      rc = sqlite3_backup_finish (backup) == SQLITE_OK && rc == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
  else if (rc == SQLITE_OK)
    rc = SQLITE_ERROR;
  if (rc != SQLITE_OK)
    g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not back up to %s: %s"),
                 to, dest ? sqlite3_errmsg (dest) : src ? sqlite3_errmsg (src) : "");
  sqlite3_close (dest);
  sqlite3_close (src);
  return rc == SQLITE_OK;
}

char *
kw_store_backup (KwStore     *self,
                 const char  *reason,
                 GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  path = backup_path (self, reason);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not create %s: %s"),
                   dir, g_strerror (saved));
      return NULL;
    }
  /* written under a temporary name: a killed backup leaves no empty
   * backup under a real name, and the next one removes what it left */
  kw_temp_file_clean (dir);
  if ((fd = kw_temp_file_open (path, &tmp, error)) < 0)
    return NULL;
  ok = copy_committed (kw_store_get_path (self), tmp, error);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not write %s: %s"),
                   path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  close (fd);
  if (!ok)
    return NULL;
  prune_backups (self, reason);
  return g_steal_pointer (&path);
}

/* What a backup killed half way left (a temporary file holds a whole
 * database): removed at the next start. */
void
_kw_store_clean_backup_folder (KwStore *self)
{
  g_autofree char *dir = g_path_get_dirname (kw_store_get_path (self));
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);

  if (g_file_test (backups, G_FILE_TEST_IS_DIR))
    kw_temp_file_clean (backups);
}
