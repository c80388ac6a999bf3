/* kw-temp-file.h: files written under a temporary name, then renamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports and backups hold personal data, so a process killed while it
 * writes one must not leave it behind: the temporary file is named
 * ".<name>.kwartier-tmp-XXXXXX" beside its final name (a leading dot, so
 * that no sync folder pass takes it for an export) and locked with
 * flock() while it is being written. The next export into that folder,
 * or the next backup, removes every such file that no process holds and
 * that nobody wrote to for a minute.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new, locked file of mode 0600 beside @path; returns its descriptor
 * (the lock lasts while this descriptor or a dup of it is open) and its
 * name in @tmp_path, or -1 with an error that names @path. */
int       kw_temp_file_open    (const char  *path,
                                char       **tmp_path,
                                GError     **error);
/* Whether a file name is one of ours. */
gboolean  kw_temp_file_is_temp (const char  *name);
/* Removes the temporary files in @dir that no process holds any more
 * and that were not written to for a minute. */
guint     kw_temp_file_clean   (const char  *dir);

G_END_DECLS
