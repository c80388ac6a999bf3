/* kw-temp-file.c: files written under a temporary name, then renamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-temp-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kw-error.h"
#include "kw-temp-file.h"

#define TEMP_TAG ".kwartier-tmp-"
/* A file being written changes all the time: one untouched for this long
 * whose lock nobody holds was left by a process that was stopped. (The
 * lock alone does not do in a sync folder: there a copy of another
 * laptop's temporary file, which is being written there, holds no lock.) */
#define STALE_AFTER_S 60

int
kw_temp_file_open (const char  *path,
                   char       **tmp_path,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tmpl = NULL;
  int fd;

  g_return_val_if_fail (path != NULL && tmp_path != NULL, -1);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strconcat (".", base, TEMP_TAG, "XXXXXX", NULL);
  tmpl = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (tmpl);
        }
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not write %s: %s"),
                   path, g_strerror (saved));
      return -1;
    }
  *tmp_path = g_steal_pointer (&tmpl);
  return fd;
}

gboolean
kw_temp_file_is_temp (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return name[0] == '.' && strstr (name, TEMP_TAG) != NULL;
}

/* A regular file that nobody holds locked and nobody wrote to for a
 * while: its writer is gone. */
static gboolean
is_abandoned (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  struct stat st;
  gboolean abandoned;

  if (fd < 0)
    return FALSE;
  abandoned = fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_mtime < now - STALE_AFTER_S
              && flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return abandoned;
}

guint
kw_temp_file_clean (const char *dir)
{
  g_autoptr(GDir) folder = NULL;
  const char *entry;
  guint removed = 0;

  g_return_val_if_fail (dir != NULL, 0);

  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!kw_temp_file_is_temp (entry))
        continue;
      path = g_build_filename (dir, entry, NULL);
      if (is_abandoned (path) && g_unlink (path) == 0)
        {
          g_debug ("removed %s, left by a process that was stopped", path);
          removed++;
        }
    }
  return removed;
}
