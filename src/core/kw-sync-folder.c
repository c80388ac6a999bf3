/* kw-sync-folder.c: sync through a shared folder, without a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kw-error.h"
#include "kw-export.h"
#include "kw-seal.h"
#include "kw-sync-folder.h"
#include "kw-sync-private.h"

#define SUFFIX ".kwartier.jsonl"
#define SUFFIX_GZ ".kwartier.jsonl.gz"
#define TRAILER "{\"end\":true,"
/* sync_file: a file the pass leaves alone, not reported */
#define KW_SYNC_FILE_SKIPPED ((KwSyncFileStatus) -1)

/* Helpers */

/* What a pass records of a file in sync_files (a local table): the
 * file's identity, whether it went in, the SHA-256 of its bytes, and the
 * reason it was refused. A plain digest is a record of an older pass. */
typedef struct {
  char     *identity;  /* "size:mtime:inode:version" */
  gboolean  refused;
  char     *sha256;
  char     *reason;
} FileNote;

static void
file_note_clear (FileNote *note)
{
  g_free (note->identity);
  g_free (note->sha256);
  g_free (note->reason);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FileNote, file_note_clear)

/* The program's version is part of it: a file refused as made by a
 * newer Kwartier is read again after an update. */
static char *
format_identity (const KwImportFileInfo *info)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GUINT64_FORMAT ":%s",
                          info->size, info->mtime_ns, info->inode, PACKAGE_VERSION);
}

static void
read_note (KwStore    *store,
           const char *path,
           FileNote   *note)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;

  memset (note, 0, sizeof *note);
  if (!_kw_store_sync_get_file_digest (store, path, &text))
    return;
  parts = g_strsplit (text, "\t", 5);
  if (g_strv_length (parts) != 5 || strcmp (parts[0], "2") != 0)
    {
      note->sha256 = g_steal_pointer (&text);  /* the digest alone */
      return;
    }
  note->identity = g_strdup (parts[1]);
  note->refused = strcmp (parts[2], "refused") == 0;
  note->sha256 = g_strdup (parts[3]);
  note->reason = g_strdup (parts[4]);
}

static gboolean
write_note (KwStore          *store,
            const char       *path,
            const char       *identity,
            const char       *sha256,
            const GError     *refusal,
            GError          **error)
{
  g_autofree char *reason = g_strdelimit (g_strdup (refusal ? refusal->message : ""), "\t\n", ' ');
  g_autofree char *text = g_strjoin ("\t", "2", identity, refusal ? "refused" : "imported",
                                     sha256, reason, NULL);

  return _kw_store_sync_set_file_digest (store, path, text, error);
}

/* SHA-256 of a regular file already open (kw_import_open_file), then
 * back at its start for the import; @sealed: whether it starts as a
 * sealed file does. */
static char *
digest_stream (GInputStream  *in,
               gboolean      *sealed,
               GError       **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buf = g_malloc (64 * 1024);
  g_autoptr(GError) io_error = NULL;
  gboolean first = TRUE;
  gssize n;

  *sealed = FALSE;
  while ((n = g_input_stream_read (in, buf, 64 * 1024, NULL, &io_error)) > 0)
    {
      if (first)
        *sealed = (gsize) n >= strlen (KW_SEAL_MAGIC) && memcmp (buf, KW_SEAL_MAGIC, strlen (KW_SEAL_MAGIC)) == 0;
      first = FALSE;
      g_checksum_update (sum, buf, (gsize) n);
    }
  if (n < 0 || lseek (g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (in)), 0, SEEK_SET) != 0)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("the file cannot be read: %s"),
                   io_error ? io_error->message : g_strerror (errno));
      return NULL;
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* "<device>.kwartier.jsonl" or "<device>.<seq:8 digits>.kwartier.jsonl",
 * either with ".gz": the device it is named for, else NULL. Everything
 * else (temporary and conflict files of sync engines, copies, backups)
 * is left alone. */
static char *
device_of_name (const char *name)
{
  gsize len = strlen (name);
  gsize tail = g_str_has_suffix (name, SUFFIX_GZ) ? strlen (SUFFIX_GZ)
               : g_str_has_suffix (name, SUFFIX) ? strlen (SUFFIX) : 0;
  g_autofree char *device = g_strndup (name, KW_DEVICE_ID_LEN);

  if (tail == 0 || !kw_device_id_is_valid (device))
    return NULL;
  if (len == KW_DEVICE_ID_LEN + tail)
    return g_steal_pointer (&device);
  if (len != KW_DEVICE_ID_LEN + 9 + tail || name[KW_DEVICE_ID_LEN] != '.')
    return NULL;
  for (gsize i = KW_DEVICE_ID_LEN + 1; i < KW_DEVICE_ID_LEN + 9; i++)
    if (!g_ascii_isdigit (name[i]))
      return NULL;
  return g_steal_pointer (&device);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The other devices' exports in the folder, by name. */
static GPtrArray *
list_exports (const char  *folder,
              const char  *device,
              GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) io_error = NULL;
  const char *name;

  if ((dir = g_dir_open (folder, 0, &io_error)) == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not read %s: %s"),
                   folder, io_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *author = device_of_name (name);
      g_autofree char *path = NULL;
      GStatBuf st;

      if (author == NULL || strcmp (author, device) == 0)
        continue;
      /* a link (Syncthing carries links as links), a FIFO, a folder: left
       * alone, not even opened (sync_file checks again on the open file) */
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode))
        g_ptr_array_add (names, g_steal_pointer (&path));
    }
  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

/* Opens a file of the folder to read, only when it is a regular file:
 * never through a link, and a FIFO never blocks (O_NONBLOCK). NULL with
 * *skip set for anything else, which the pass leaves alone; NULL with
 * @error for a file that cannot be read. */
static GInputStream *
open_regular (const char        *path,
              KwImportFileInfo  *info,
              gboolean          *skip,
              GError           **error)
{
  struct stat st;
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  int saved = errno;

  *skip = FALSE;
  if (fd < 0 && (saved == ELOOP || saved == ENOENT || saved == ENXIO))
    {
      *skip = TRUE;  /* a link, a file gone meanwhile, a socket */
      return NULL;
    }
  if (fd < 0)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED, _("could not read %s: %s"),
                   path, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      *skip = TRUE;
      return NULL;
    }
  close (fd);
  /* the checks of every import (size, the same flags), on a regular file */
  return kw_import_open_file (path, info, error);
}

/* A file refused before, unchanged since: refused again, unread. */
static KwSyncFileStatus
remembered (const FileNote  *note,
            GError         **error)
{
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED,
               _("%s (unchanged since it was refused)"), note->reason);
  return KW_SYNC_FILE_REFUSED;
}

/* Only a regular file is opened; one that has the size, modification
 * time and inode of the last pass is not read again. */
static KwSyncFileStatus
sync_file (KwStore          *store,
           const char       *path,
           const char       *passphrase,
           KwImportSummary  *summary,
           GError          **error)
{
  g_auto(FileNote) note = { 0 };
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *author = NULL;
  KwImportFileInfo info;
  gboolean sealed, skip;

  if ((in = open_regular (path, &info, &skip, error)) == NULL)
    return skip ? KW_SYNC_FILE_SKIPPED : KW_SYNC_FILE_REFUSED;
  identity = format_identity (&info);
  read_note (store, path, &note);
  if (g_strcmp0 (note.identity, identity) == 0)
    return note.refused ? remembered (&note, error) : KW_SYNC_FILE_UNCHANGED;
  if ((digest = digest_stream (in, &sealed, error)) == NULL)
    return KW_SYNC_FILE_REFUSED;
  if (g_strcmp0 (note.sha256, digest) == 0 && !note.refused)
    return write_note (store, path, identity, digest, NULL, error)
           ? KW_SYNC_FILE_UNCHANGED : KW_SYNC_FILE_REFUSED;
  author = g_path_get_basename (path);
  author[KW_DEVICE_ID_LEN] = '\0';
  if (!kw_import_stream_from (store, in, passphrase, author, FALSE, summary, &refusal))
    {
      /* remembered only when the file is at fault: not for a busy
       * database or a full disk, nor for a sealed file, which another
       * passphrase may open */
      if (g_error_matches (refusal, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED) && !sealed)
        write_note (store, path, identity, digest, refusal, NULL);
      g_propagate_error (error, g_steal_pointer (&refusal));
      return KW_SYNC_FILE_REFUSED;
    }
  /* a file that changed in between is imported again next time: harmless */
  if (!write_note (store, path, identity, digest, NULL, error))
    return KW_SYNC_FILE_REFUSED;
  return KW_SYNC_FILE_IMPORTED;
}

static void
report_file (KwSyncFolderFunc        report,
             gpointer                user_data,
             const char             *path,
             KwSyncFileStatus        status,
             const KwImportSummary  *summary,
             const GError           *error)
{
  if (report != NULL)
    report (path, status, summary, error, user_data);
}

/* The header without the value of "exported_at". */
static char *
read_header_sans_time (GDataInputStream *in)
{
  g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);
  char *at = line ? strstr (line, "\"exported_at\":\"") : NULL;
  char *end = at ? strchr (at + strlen ("\"exported_at\":\""), '"') : NULL;

  if (end == NULL)
    return g_steal_pointer (&line);
  memmove (at, end + 1, strlen (end + 1) + 1);
  return g_steal_pointer (&line);
}

/* Whether two exports differ in nothing but the time they were made
 * (in the header, and so in the trailer's digest). */
static gboolean
same_but_time (const char *path_a,
               const char *path_b)
{
  g_autoptr(GFile) file_a = g_file_new_for_path (path_a);
  g_autoptr(GFile) file_b = g_file_new_for_path (path_b);
  g_autoptr(GFileInputStream) raw_a = g_file_read (file_a, NULL, NULL);
  g_autoptr(GFileInputStream) raw_b = raw_a ? g_file_read (file_b, NULL, NULL) : NULL;
  g_autoptr(GDataInputStream) a = NULL, b = NULL;
  g_autofree char *head_a = NULL, *head_b = NULL;

  if (raw_b == NULL)
    return FALSE;
  a = g_data_input_stream_new (G_INPUT_STREAM (raw_a));
  b = g_data_input_stream_new (G_INPUT_STREAM (raw_b));
  head_a = read_header_sans_time (a);
  head_b = read_header_sans_time (b);
  if (head_a == NULL || g_strcmp0 (head_a, head_b) != 0)
    return FALSE;
  for (;;)
    {
      g_autofree char *line_a = g_data_input_stream_read_line (a, NULL, NULL, NULL);
      g_autofree char *line_b = g_data_input_stream_read_line (b, NULL, NULL, NULL);

      if (line_a == NULL || line_b == NULL)
        return line_a == NULL && line_b == NULL;
      if (g_str_has_prefix (line_a, TRAILER) && g_str_has_prefix (line_b, TRAILER))
        continue;
      if (strcmp (line_a, line_b) != 0)
        return FALSE;
    }
}

/* This device's export goes into the folder; when nothing but its time
 * changed, the file stays as it was, so that the other devices skip it. */
static gboolean
write_own_export (KwStore     *store,
                  const char  *dir,
                  const char  *own_name,
                  gboolean    *written,
                  GError     **error)
{
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  g_autofree char *own = g_build_filename (dir, own_name, NULL);
  g_autofree char *hidden = g_strconcat (".", own_name, ".new", NULL);
  g_autofree char *fresh = g_build_filename (dir, hidden, NULL);

  if (!kw_export_to_file (store, &options, fresh, error))
    return FALSE;
  *written = FALSE;
  if (same_but_time (fresh, own))
    {
      g_unlink (fresh);
      return TRUE;
    }
  *written = TRUE;
  if (g_rename (fresh, own) != 0)
    {
      int saved = errno;

      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not write %s: %s"),
                   own, g_strerror (saved));
      g_unlink (fresh);
      return FALSE;
    }
  return TRUE;
}

/* Public API */

char *
kw_sync_folder_file_name (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_strconcat (kw_store_get_device_id (store), SUFFIX, NULL);
}

gboolean
kw_sync_folder_run (KwStore           *store,
                    const char        *folder,
                    const char        *passphrase,
                    KwSyncFolderFunc   report,
                    gpointer           user_data,
                    guint             *n_refused,
                    GError           **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *own_name = NULL;
  g_autofree char *own = NULL;
  g_autoptr(GPtrArray) others = NULL;
  gboolean written = FALSE;
  guint refused = 0;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  /* absolute, so that the digests of sync_files match whatever the cwd */
  dir = g_canonicalize_filename (folder, NULL);
  own_name = kw_sync_folder_file_name (store);
  own = g_build_filename (dir, own_name, NULL);
  if ((others = list_exports (dir, kw_store_get_device_id (store), error)) == NULL)
    return FALSE;
  for (guint i = 0; i < others->len; i++)
    {
      const char *path = g_ptr_array_index (others, i);
      g_autoptr(GError) file_error = NULL;
      KwImportSummary summary = { 0 };
      KwSyncFileStatus status = sync_file (store, path, passphrase, &summary, &file_error);

      if (status == KW_SYNC_FILE_SKIPPED)
        continue;
      refused += status == KW_SYNC_FILE_REFUSED;
      report_file (report, user_data, path, status, &summary, file_error);
    }
  /* written last, so that it carries what was just imported */
  if (!write_own_export (store, dir, own_name, &written, error))
    return FALSE;
  if (written)
    report_file (report, user_data, own, KW_SYNC_FILE_WRITTEN, NULL, NULL);
  if (n_refused != NULL)
    *n_refused = refused;
  return TRUE;
}
