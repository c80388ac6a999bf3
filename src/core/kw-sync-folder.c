/* kw-sync-folder.c: sync through a shared folder, without a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kw-error.h"
#include "kw-export.h"
#include "kw-seal.h"
#include "kw-store-private.h"
#include "kw-sync-folder.h"
#include "kw-sync-private.h"
#include "kw-temp-file.h"

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
  int       refusal;   /* KwImportRefusal; NONE in a note of before it was kept */
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
  /* "2\tidentity\tstatus\tsha256\treason", or "3…" with the refusal's
   * code (KwImportRefusal) after the digest */
  parts = g_strsplit (text, "\t", 6);
  if (g_strv_length (parts) == 6 && strcmp (parts[0], "3") == 0)
    {
      note->identity = g_strdup (parts[1]);
      note->refused = strcmp (parts[2], "refused") == 0;
      note->sha256 = g_strdup (parts[3]);
      note->refusal = (int) g_ascii_strtoll (parts[4], NULL, 10);
      note->reason = g_strdup (parts[5]);
      return;
    }
  g_strfreev (parts);
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
            int               code,
            GError          **error)
{
  g_autofree char *reason = g_strdelimit (g_strdup (refusal ? refusal->message : ""), "\t\n", ' ');
  g_autofree char *number = g_strdup_printf ("%d", refusal ? code : KW_IMPORT_REFUSAL_NONE);
  g_autofree char *text = g_strjoin ("\t", "3", identity, refusal ? "refused" : "imported",
                                     sha256, number, reason, NULL);

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
  KwDigest *sum = _kw_digest_new ();  /* nettle's, with the CPU's SHA instructions */
  g_autofree guint8 *buf = g_malloc (64 * 1024);
  char *hex;
  g_autoptr(GError) io_error = NULL;
  gboolean first = TRUE;
  gssize n;

  *sealed = FALSE;
  while ((n = g_input_stream_read (in, buf, 64 * 1024, NULL, &io_error)) > 0)
    {
      if (first)
        *sealed = (gsize) n >= strlen (KW_SEAL_MAGIC) && memcmp (buf, KW_SEAL_MAGIC, strlen (KW_SEAL_MAGIC)) == 0;
      first = FALSE;
      _kw_digest_update (sum, buf, (gsize) n);
    }
  if (n < 0 || lseek (g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (in)), 0, SEEK_SET) != 0)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("the file cannot be read: %s"),
                   io_error ? io_error->message : g_strerror (errno));
      _kw_digest_free (sum);
      return NULL;
    }
  hex = g_strdup (_kw_digest_hex (sum));
  _kw_digest_free (sum);
  return hex;
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

/* A file refused before, unchanged since: refused again, unread, for
 * the same reason. */
static KwSyncFileStatus
remembered (const FileNote   *note,
            KwImportSummary  *summary,
            GError          **error)
{
  summary->refusal = note->refusal;
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED,
               _("%s (unchanged since it was refused)"), note->reason);
  return KW_SYNC_FILE_REFUSED;
}

static KwSyncFileStatus
unreadable (KwImportSummary  *summary,
            KwSyncFileStatus  status)
{
  summary->refusal = KW_IMPORT_REFUSAL_UNREADABLE;
  return status;
}

/* Only a regular file is opened; one that has the size, modification
 * time and inode of the last pass is not read again. */
static KwSyncFileStatus
sync_file (KwStore          *store,
           const char       *path,
           const char       *passphrase,
           gboolean          reread,
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

  /* what cannot be opened or read is unreadable here */
  if ((in = open_regular (path, &info, &skip, error)) == NULL)
    return unreadable (summary, skip ? KW_SYNC_FILE_SKIPPED : KW_SYNC_FILE_REFUSED);
  identity = format_identity (&info);
  read_note (store, path, &note);
  if (g_strcmp0 (note.identity, identity) == 0 && (!reread || note.refused))
    return note.refused ? remembered (&note, summary, error) : KW_SYNC_FILE_UNCHANGED;
  if ((digest = digest_stream (in, &sealed, error)) == NULL)
    return unreadable (summary, KW_SYNC_FILE_REFUSED);
  if (g_strcmp0 (note.sha256, digest) == 0 && !note.refused && !reread)
    return write_note (store, path, identity, digest, NULL, 0, error)
           ? KW_SYNC_FILE_UNCHANGED : unreadable (summary, KW_SYNC_FILE_REFUSED);
  author = g_path_get_basename (path);
  author[KW_DEVICE_ID_LEN] = '\0';
  if (!kw_import_stream_from (store, in, passphrase, author, FALSE, summary, &refusal))
    {
      /* remembered only when the file is at fault: not for a busy
       * database or a full disk, nor for a sealed file, which another
       * passphrase may open */
      if (g_error_matches (refusal, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED) && !sealed)
        write_note (store, path, identity, digest, refusal, summary->refusal, NULL);
      g_propagate_error (error, g_steal_pointer (&refusal));
      return KW_SYNC_FILE_REFUSED;
    }
  /* a file that changed in between is imported again next time: harmless */
  if (!write_note (store, path, identity, digest, NULL, 0, error))
    return unreadable (summary, KW_SYNC_FILE_REFUSED);
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

/* This device's own files */

/* A file of this device in the folder: its full export (seq 0) or a
 * change export, and the stamp of this device in its header's seen. */
typedef struct {
  char     *path;
  guint     seq;
  guint64   size;
  gint64    mtime;
  char     *own_seen;  /* NULL when the header cannot be read */
} OwnFile;

static void
own_file_free (OwnFile *file)
{
  g_free (file->path);
  g_free (file->own_seen);
  g_free (file);
}

static int
compare_own_files (gconstpointer a,
                   gconstpointer b)
{
  const OwnFile *fa = *(OwnFile * const *) a, *fb = *(OwnFile * const *) b;

  return fa->seq < fb->seq ? -1 : fa->seq > fb->seq;
}

/* The stamp of @device in the seen map of the export's header. */
static char *
read_own_seen (const char *path,
               const char *device)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = kw_import_open_file (path, NULL, &error);
  g_autoptr(GDataInputStream) data = in ? g_data_input_stream_new (in) : NULL;
  g_autofree char *line = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *seen;
  const char *stamp;

  if (data == NULL)
    return NULL;
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (data), 64 * 1024);
  line = g_data_input_stream_read_line (data, NULL, NULL, NULL);
  if (line == NULL || !json_parser_load_from_data (parser, line, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member (json_node_get_object (root), "seen")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "seen")))
    return NULL;
  seen = json_object_get_object_member (json_node_get_object (root), "seen");
  if (!json_object_has_member (seen, device)
      || json_node_get_value_type (json_object_get_member (seen, device)) != G_TYPE_STRING)
    return NULL;
  stamp = json_object_get_string_member (seen, device);
  return kw_hlc_is_valid (stamp) ? g_strdup (stamp) : NULL;
}

/* What this device has in the folder: its full export and its change
 * exports (by seq); plain files only, as it writes them. */
typedef struct {
  OwnFile    *full;
  GPtrArray  *changes;
  guint64     change_bytes;
  guint       last_seq;
} OwnFiles;

static void
own_files_clear (OwnFiles *own)
{
  g_clear_pointer (&own->full, own_file_free);
  g_clear_pointer (&own->changes, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OwnFiles, own_files_clear)

static gboolean
scan_own_files (const char  *dir,
                const char  *device,
                OwnFiles    *own,
                GError     **error)
{
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) io_error = NULL;
  const char *name;

  memset (own, 0, sizeof *own);
  own->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) own_file_free);
  if ((folder = g_dir_open (dir, 0, &io_error)) == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not read %s: %s"),
                   dir, io_error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      gsize len = strlen (name);
      g_autofree char *author = NULL;
      OwnFile *file;
      GStatBuf st;

      if (!g_str_has_suffix (name, SUFFIX) || (author = device_of_name (name)) == NULL
          || strcmp (author, device) != 0)
        continue;
      file = g_new0 (OwnFile, 1);
      file->path = g_build_filename (dir, name, NULL);
      if (g_lstat (file->path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          own_file_free (file);
          continue;
        }
      file->size = (guint64) st.st_size;
      file->mtime = (gint64) st.st_mtime;
      file->seq = len == KW_DEVICE_ID_LEN + strlen (SUFFIX)
                  ? 0 : (guint) g_ascii_strtoull (name + KW_DEVICE_ID_LEN + 1, NULL, 10);
      file->own_seen = read_own_seen (file->path, device);
      if (file->seq == 0)
        {
          own->full = file;
          continue;
        }
      own->change_bytes += file->size;
      own->last_seq = MAX (own->last_seq, file->seq);
      g_ptr_array_add (own->changes, file);
    }
  g_ptr_array_sort (own->changes, compare_own_files);
  return TRUE;
}

/* The highest stamp of this device that its files in the folder carry:
 * a change export holds what it wrote after that. NULL: no full export
 * (or one that cannot be read). */
static const char *
own_files_since (const OwnFiles *own)
{
  const char *since;

  if (own->full == NULL || own->full->own_seen == NULL)
    return NULL;
  since = own->full->own_seen;
  for (guint i = 0; i < own->changes->len; i++)
    {
      const OwnFile *file = g_ptr_array_index (own->changes, i);

      if (file->own_seen != NULL && strcmp (file->own_seen, since) > 0)
        since = file->own_seen;
    }
  return since;
}

/* What the pass notes of its own files (a local row of sync_files):
 * the last seq it wrote, the privacy mark at its last full export and
 * the one at the end of its last pass. */
typedef struct {
  guint  last_seq;
  char  *full_mark;
  char  *pass_mark;
} OwnNote;

static void
own_note_clear (OwnNote *note)
{
  g_clear_pointer (&note->full_mark, g_free);
  g_clear_pointer (&note->pass_mark, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OwnNote, own_note_clear)

static char *
own_note_key (const char *dir)
{
  return g_strconcat ("kw-own-files:", dir, NULL);
}

static void
read_own_note (KwStore    *store,
               const char *dir,
               OwnNote    *note)
{
  g_autofree char *key = own_note_key (dir);
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;

  memset (note, 0, sizeof *note);
  if (!_kw_store_sync_get_file_digest (store, key, &text))
    return;
  parts = g_strsplit (text, "\t", 4);
  if (g_strv_length (parts) != 4 || strcmp (parts[0], "1") != 0)
    return;
  note->last_seq = (guint) g_ascii_strtoull (parts[1], NULL, 10);
  note->full_mark = g_strdup (parts[2]);
  note->pass_mark = g_strdup (parts[3]);
}

static gboolean
write_own_note (KwStore        *store,
                const char     *dir,
                const OwnNote  *note,
                GError        **error)
{
  g_autofree char *key = own_note_key (dir);
  g_autofree char *text = g_strdup_printf ("1\t%u\t%s\t%s", note->last_seq,
                                           note->full_mark ? note->full_mark : "",
                                           note->pass_mark ? note->pass_mark : "");

  return _kw_store_sync_set_file_digest (store, key, text, error);
}

static gboolean
set_io_error (GError     **error,
              const char  *path,
              int          saved)
{
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not write %s: %s"),
               path, g_strerror (saved));
  return FALSE;
}

/* So that a rename or a removal survives a crash of the machine. */
static gboolean
sync_dir (const char  *dir,
          GError     **error)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int rc = fd >= 0 ? fsync (fd) : -1;
  int saved = errno;

  if (fd >= 0)
    close (fd);
  /* some file systems (a network share) cannot sync a folder */
  if (rc != 0 && saved != EINVAL && saved != EROFS && saved != ENOTSUP)
    return set_io_error (error, dir, saved);
  return TRUE;
}

/* Writes an export of @options as dir/name: under a temporary name that
 * starts with ".", synced, renamed into place, the folder synced. Not
 * renamed (and *written FALSE) when a change export holds no records, or
 * a full export differs from the file there only in its time. */
static gboolean
write_atomic (KwStore                *store,
              const KwExportOptions  *options,
              const char             *dir,
              const char             *name,
              gboolean               *written,
              GError                **error)
{
  g_autofree char *final = g_build_filename (dir, name, NULL);
  g_autofree char *tmp = NULL;
  g_autoptr(GOutputStream) out = NULL;
  guint64 records = 0;
  gboolean ok, keep;
  int fd;

  *written = FALSE;
  if ((fd = kw_temp_file_open (final, &tmp, error)) < 0)
    return FALSE;
  out = g_unix_output_stream_new (fd, FALSE);
  ok = kw_export_to_stream (store, options, out, &records, error)
       && g_output_stream_close (out, NULL, error);
  if (ok && fsync (fd) != 0)
    ok = set_io_error (error, final, errno);
  keep = ok && (options->scope != KW_EXPORT_SCOPE_CHANGES || records > 0)
         && (options->scope != KW_EXPORT_SCOPE_ALL || !same_but_time (tmp, final));
  if (keep && g_rename (tmp, final) != 0)
    ok = keep = set_io_error (error, final, errno);
  if (!keep)
    g_unlink (tmp);
  close (fd);  /* the lock of the temporary name goes with it */
  if (keep && !sync_dir (dir, error))
    return FALSE;
  *written = keep;
  return ok;
}

/* Whether it is time for a new full export (spec: "Now and then"). */
static gboolean
wants_full (const OwnFiles *own,
            const char     *mark,
            const OwnNote  *note,
            gboolean        compact)
{
  gint64 age;

  if (own->full == NULL || own->full->own_seen == NULL)
    return TRUE;
  /* a person turned private or was forgotten since the last full export */
  if (g_strcmp0 (mark, note->full_mark) != 0)
    return TRUE;
  if (own->changes->len == 0)
    return FALSE;
  if (compact)
    return TRUE;
  /* change files that add up to a tenth of the full export, at most daily,
   * and never more than a fifth */
  age = g_get_real_time () / G_USEC_PER_SEC - own->full->mtime;
  return own->change_bytes * 10 >= own->full->size
         && (age >= 24 * 60 * 60 || own->change_bytes * 5 >= own->full->size);
}

/* A new full export, then the change files it covers go. */
static gboolean
write_full (KwStore           *store,
            const char        *dir,
            const OwnFiles    *own,
            OwnNote           *note,
            const char        *mark,
            KwSyncFolderFunc   report,
            gpointer           user_data,
            GError           **error)
{
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL, NULL };
  g_autofree char *name = kw_sync_folder_file_name (store);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *covered = NULL;
  gboolean written, removed = FALSE;

  if (!write_atomic (store, &options, dir, name, &written, error))
    return FALSE;
  if (written)
    report_file (report, user_data, path, KW_SYNC_FILE_WRITTEN, NULL, NULL);
  if ((covered = read_own_seen (path, kw_store_get_device_id (store))) == NULL)
    return set_io_error (error, path, EIO);
  for (guint i = 0; i < own->changes->len; i++)
    {
      const OwnFile *file = g_ptr_array_index (own->changes, i);

      /* only what the full export's seen covers; a file whose header
       * cannot be read carries nothing that is not in the database */
      if (file->own_seen != NULL && strcmp (file->own_seen, covered) > 0)
        continue;
      if (g_unlink (file->path) != 0 && errno != ENOENT)
        return set_io_error (error, file->path, errno);
      removed = TRUE;
    }
  if (removed && !sync_dir (dir, error))
    return FALSE;
  if (!_kw_store_sync_clear_outbox (store, covered, error))
    return FALSE;
  g_free (note->full_mark);
  note->full_mark = g_strdup (mark);
  return write_own_note (store, dir, note, error);
}

/* Whether this database holds a stamp of its own above @since. */
static gboolean
has_own_writes_since (KwStore    *store,
                      const char *since)
{
  const char *device = kw_store_get_device_id (store);
  g_autoptr(GPtrArray) seen = _kw_store_sync_dup_seen (store, NULL);

  for (guint i = 0; seen != NULL && i + 1 < seen->len; i += 2)
    if (strcmp (g_ptr_array_index (seen, i), device) == 0)
      return strcmp (g_ptr_array_index (seen, i + 1), since) > 0;
  return seen == NULL;  /* when in doubt, look */
}

/* Whether the note differs from the one read at the start of the pass
 * (which needs no write then: a pass that changed nothing writes nothing). */
static gboolean
note_changed (const OwnNote *note,
              const OwnNote *old)
{
  return note->last_seq != old->last_seq || g_strcmp0 (note->full_mark, old->full_mark) != 0
         || g_strcmp0 (note->pass_mark, old->pass_mark) != 0;
}

/* Temporary files of this device's own passes that were killed: named
 * ".<device>…" (no other laptop makes those) and locked by nobody (a
 * pass that writes one holds its lock; passes of this database run one
 * at a time), they go at once. Others' are left to kw_temp_file_clean. */
static void
remove_own_temps (const char *dir,
                  const char *device)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      /* (".<device>.kwartier.jsonl.new": what an older pass wrote first) */
      if (name[0] != '.' || strncmp (name + 1, device, KW_DEVICE_ID_LEN) != 0
          || !(kw_temp_file_is_temp (name) || g_str_has_suffix (name, SUFFIX ".new")))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 && g_unlink (path) == 0)
        g_debug ("removed %s, left by a pass that was stopped", path);
      close (fd);
    }
}

/* Step 2 and 3 of a pass: this device's writes since its last file, or
 * now and then a full export. @note: read at the start of the pass;
 * @mark: the privacy mark of now. */
static gboolean
write_own_files (KwStore           *store,
                 const char        *dir,
                 gboolean           compact,
                 OwnNote           *note,
                 const char        *read_pass_mark,
                 const char        *mark,
                 KwSyncFolderFunc   report,
                 gpointer           user_data,
                 GError           **error)
{
  const char *device = kw_store_get_device_id (store);
  g_auto(OwnFiles) own = { 0 };
  g_autoptr(GHashTable) since = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  KwExportOptions options = { KW_EXPORT_SCOPE_CHANGES, NULL, FALSE, NULL, NULL };
  gboolean written;
  g_auto(OwnNote) old = { note->last_seq, g_strdup (note->full_mark), g_strdup (read_pass_mark) };

  /* temporary files of passes that were killed */
  remove_own_temps (dir, device);
  kw_temp_file_clean (dir);
  if (!scan_own_files (dir, device, &own, error))
    return FALSE;
  note->last_seq = MAX (own.last_seq, note->last_seq);
  if (wants_full (&own, mark, note, compact) || note->last_seq >= 99999999)
    return write_full (store, dir, &own, note, mark, report, user_data, error);
  /* nothing of this device's own newer than what its files carry: no
   * change export to make (the seen table has its highest stamp) */
  if (!has_own_writes_since (store, own_files_since (&own)))
    return note_changed (note, &old) ? write_own_note (store, dir, note, error) : TRUE;
  since = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (since, (gpointer) device, (gpointer) own_files_since (&own));
  options.since = since;
  name = g_strdup_printf ("%s.%08u%s", device, note->last_seq + 1, SUFFIX);
  if (!write_atomic (store, &options, dir, name, &written, error))
    return FALSE;
  if (written)
    {
      g_autofree char *covered = NULL;

      path = g_build_filename (dir, name, NULL);
      report_file (report, user_data, path, KW_SYNC_FILE_WRITTEN, NULL, NULL);
      note->last_seq++;
      /* (a header that cannot be read: the outbox keeps its rows, which
       * costs a few rows more to read next time, nothing else) */
      if ((covered = read_own_seen (path, device)) != NULL
          && !_kw_store_sync_clear_outbox (store, covered, error))
        return FALSE;
    }
  return !note_changed (note, &old) || write_own_note (store, dir, note, error);
}

/* Step 1: the other devices' files. @reread: every file again, also one
 * imported before unchanged (not those in @refused, which were reported
 * once already). How many were imported (with changes or not). */
static guint
import_others (KwStore            *store,
               GPtrArray          *others,
               const char         *passphrase,
               gboolean            reread,
               GHashTable         *refused,
               KwSyncProgressFunc  progress,
               KwSyncFolderFunc    report,
               gpointer            user_data)
{
  guint imported = 0;

  for (guint i = 0; i < others->len; i++)
    {
      const char *path = g_ptr_array_index (others, i);
      g_autoptr(GError) file_error = NULL;
      KwImportSummary summary = { 0 };
      KwSyncFileStatus status;

      if (reread && g_hash_table_contains (refused, path))
        continue;
      if (progress != NULL)
        progress (i, others->len, user_data);
      status = sync_file (store, path, passphrase, reread, &summary, &file_error);
      imported += status == KW_SYNC_FILE_IMPORTED;
      if (status == KW_SYNC_FILE_SKIPPED
          || (reread && (status != KW_SYNC_FILE_IMPORTED
                         || summary.added + summary.updated + summary.deleted == 0)))
        continue;
      if (status == KW_SYNC_FILE_REFUSED)
        g_hash_table_add (refused, g_strdup (path));
      report_file (report, user_data, path, status, &summary, file_error);
    }
  if (progress != NULL)
    progress (others->len, others->len, user_data);
  return imported;
}

/* One pass at a time per database (the application's timer and a cron
 * job): an flock on "<database>.sync-lock" beside the database, never in
 * the shared folder (a sync engine would carry it). Waited for as long
 * as the database's own busy wait; -1 with KW_CORE_ERROR_BUSY after. */
static int
lock_pass (KwStore  *store,
           GError  **error)
{
  const char *db = kw_store_get_path (store);
  const char *env = g_getenv ("KWARTIER_BUSY_TIMEOUT_MS");
  guint64 wait_ms = 5 * 60 * 1000;
  g_autofree char *path = NULL;
  gint64 until;
  int fd;

  if (db == NULL || *db == '\0' || strcmp (db, ":memory:") == 0)
    return -2;  /* nothing to share */
  if (env != NULL)
    g_ascii_string_to_unsigned (env, 10, 0, G_MAXINT, &wait_ms, NULL);
  path = g_strconcat (db, ".sync-lock", NULL);
  if ((fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)) < 0)
    {
      g_debug ("no lock for the pass (%s: %s): passes may overlap", path, g_strerror (errno));
      return -2;
    }
  until = g_get_monotonic_time () + (gint64) wait_ms * 1000;
  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno != EWOULDBLOCK && errno != EINTR)
        {
          g_debug ("no lock for the pass (%s: %s): passes may overlap", path, g_strerror (errno));
          close (fd);
          return -2;
        }
      if (g_get_monotonic_time () >= until)
        {
          close (fd);
          g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_BUSY,
                       _("the database is busy with another sync pass; try again"));
          return -1;
        }
      g_usleep (20 * 1000);
    }
  return fd;
}

static void
unlock_pass (int fd)
{
  if (fd >= 0)
    close (fd);  /* the lock goes with it */
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
  return kw_sync_folder_run_with_progress (store, folder, passphrase, KW_SYNC_FOLDER_DEFAULT, NULL,
                                           report, user_data, n_refused, error);
}

/* Whether @message has the text of @msgid (translated as the import
 * translates it) up to its first conversion. */
static gboolean
has_text (const char *message,
          const char *msgid)
{
  const char *text = g_dgettext (GETTEXT_PACKAGE, msgid);
  const char *conversion = strchr (text, '%');
  g_autofree char *head = g_strndup (text, conversion ? (gsize) (conversion - text) : strlen (text));

  return *head != '\0' && strstr (message, head) != NULL;
}

/* The import refuses with KW_CORE_ERROR_REFUSED and a reason in words
 * (kw-import.c); the reasons that ask something else of the organiser
 * are told apart by their text. tests/test-sync-refusals.c makes each. */
KwSyncRefusal
kw_sync_folder_refusal_kind (const KwImportSummary *summary,
                             const GError          *error)
{
  switch (summary != NULL ? summary->refusal : KW_IMPORT_REFUSAL_NONE)
    {
    case KW_IMPORT_REFUSAL_INCOMPLETE:
      return KW_SYNC_REFUSAL_INCOMPLETE;
    case KW_IMPORT_REFUSAL_NEEDS_PASSPHRASE:
    case KW_IMPORT_REFUSAL_PASSPHRASE:
      return KW_SYNC_REFUSAL_SEALED;
    case KW_IMPORT_REFUSAL_NEWER:
      return KW_SYNC_REFUSAL_NEWER;
    case KW_IMPORT_REFUSAL_CLOCK:
      return KW_SYNC_REFUSAL_CLOCK;
    case KW_IMPORT_REFUSAL_UNREADABLE:
      return KW_SYNC_REFUSAL_UNREADABLE;
    case KW_IMPORT_REFUSAL_NOT_EXPORT:
    case KW_IMPORT_REFUSAL_OWN_DEVICE:
    case KW_IMPORT_REFUSAL_DAMAGED:
      return KW_SYNC_REFUSAL_DAMAGED;
    case KW_IMPORT_REFUSAL_NONE:
    default:
      /* a refusal noted before its reason was kept: by its words */
      return kw_sync_folder_classify_refusal (error);
    }
}

KwSyncRefusal
kw_sync_folder_classify_refusal (const GError *error)
{
  static const char * const incomplete[] = {
    N_("the file is truncated: no trailer"),
    N_("the trailer counts %s records, the file has %s"),
    N_("wrong digest: the file was changed or damaged"),
    N_("the file cannot be read: %s"),
    N_("damaged gzip data"),
  };

  if (error == NULL)
    return KW_SYNC_REFUSAL_DAMAGED;
  if (g_error_matches (error, KW_CORE_ERROR, KW_CORE_ERROR_NEWER))
    return KW_SYNC_REFUSAL_NEWER;
  if (g_error_matches (error, KW_CORE_ERROR, KW_CORE_ERROR_IO) || error->domain == G_IO_ERROR)
    return KW_SYNC_REFUSAL_UNREADABLE;
  if (has_text (error->message, N_("the file is sealed: a passphrase is needed")))
    return KW_SYNC_REFUSAL_SEALED;
  if (has_text (error->message, N_("a clock far in the future wrote this file: a stamp is more than 366 days ahead of this device's clock, or past the year 9999")))
    return KW_SYNC_REFUSAL_CLOCK;
  for (guint i = 0; i < G_N_ELEMENTS (incomplete); i++)
    if (has_text (error->message, incomplete[i]))
      return KW_SYNC_REFUSAL_INCOMPLETE;
  if (has_text (error->message, N_("%s is a symbolic link: only a regular file is read"))
      || has_text (error->message, N_("%s is not a regular file (a FIFO, device or folder is never read)")))
    return KW_SYNC_REFUSAL_UNREADABLE;
  return KW_SYNC_REFUSAL_DAMAGED;
}

/* Whether someone private in @was ("<count>:<digest>") is not in @now:
 * fewer private people, or as many but others. */
static gboolean
left_private (const char *was,
              const char *now)
{
  guint64 n_was = g_ascii_strtoull (was, NULL, 10);
  guint64 n_now = g_ascii_strtoull (now, NULL, 10);

  return n_now < n_was || (n_now == n_was && strcmp (was, now) != 0);
}

/* A pass that took nothing in renews the import backup some hours before
 * it is due (KW_SYNC_BACKUP_RENEW), so that the pass that brings a
 * colleague's edit seldom pays for the copy of the whole database
 * (kw-store-sync.c makes it at most once per KW_SYNC_BACKUP_INTERVAL). */
static void
renew_backup (KwStore *store)
{
  gint64 newest = _kw_store_newest_backup_time (store, "import");
  gint64 now = g_get_real_time ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (newest >= 0 && newest <= now && now - newest < KW_SYNC_BACKUP_RENEW)
    return;
  if ((path = kw_store_backup (store, "import", &error)) == NULL)
    g_debug ("the backup ahead of the next import: %s", error->message);
}

static gboolean
run_locked (KwStore           *store,
            const char        *folder,
            const char        *passphrase,
            KwSyncFolderFlags  flags,
            KwSyncProgressFunc progress,
            KwSyncFolderFunc   report,
            gpointer           user_data,
            guint             *n_refused,
            GError           **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GHashTable) refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *read_pass_mark = NULL;
  g_auto(OwnNote) note = { 0 };
  guint n_in;

  /* absolute, so that the digests of sync_files match whatever the cwd */
  dir = g_canonicalize_filename (folder, NULL);
  if ((others = list_exports (dir, kw_store_get_device_id (store), error)) == NULL)
    return FALSE;
  read_own_note (store, dir, &note);
  if ((before = _kw_store_sync_dup_private_set (store, error)) == NULL)
    return FALSE;
  /* who is private is read again only when a file went in (a pass that
   * imports nothing, such as the editing device's, reads it once) */
  if ((n_in = import_others (store, others, passphrase, FALSE, refused, progress, report, user_data)) == 0)
    after = g_strdup (before);
  else if ((after = _kw_store_sync_dup_private_set (store, error)) == NULL)
    return FALSE;
  /* Someone is no longer private here since the last pass (by an edit
   * here or a file just read): while they were, the values of files read
   * meanwhile were dropped. Read once more what is in the folder now, so
   * that every device ends with the same (spec: convergence). */
  g_debug ("private here: %s before the pass, %s after its imports (noted: %s)",
           before, after, note.pass_mark ? note.pass_mark : "none");
  if (left_private (note.pass_mark ? note.pass_mark : before, after))
    {
      import_others (store, others, passphrase, TRUE, refused, NULL, report, user_data);
      g_free (after);
      if ((after = _kw_store_sync_dup_private_set (store, error)) == NULL)
        return FALSE;
    }
  if ((mark = _kw_store_sync_dup_privacy_mark (store, error)) == NULL)
    return FALSE;
  if (n_refused != NULL)
    *n_refused = g_hash_table_size (refused);
  /* what is noted of files gone from the folder goes too (a colleague's
   * compaction removes its change files) */
  {
    g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < others->len; i++)
      g_hash_table_add (present, g_ptr_array_index (others, i));
    if (!_kw_store_sync_forget_files (store, dir, present, error))
      return FALSE;
  }
  /* written last, so that a full export carries what was just imported */
  read_pass_mark = g_steal_pointer (&note.pass_mark);
  note.pass_mark = g_steal_pointer (&after);
  if (!write_own_files (store, dir, (flags & KW_SYNC_FOLDER_COMPACT) != 0, &note, read_pass_mark,
                        mark, report, user_data, error))
    return FALSE;
  if (n_in == 0)
    renew_backup (store);
  return TRUE;
}

gboolean
kw_sync_folder_run_with_progress (KwStore            *store,
                                  const char         *folder,
                                  const char         *passphrase,
                                  KwSyncFolderFlags   flags,
                                  KwSyncProgressFunc  progress,
                                  KwSyncFolderFunc    report,
                                  gpointer            user_data,
                                  guint              *n_refused,
                                  GError            **error)
{
  int lock;
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (n_refused != NULL)
    *n_refused = 0;
  if ((lock = lock_pass (store, error)) == -1)
    return FALSE;
  _kw_store_sync_set_in_pass (store, TRUE);
  ok = run_locked (store, folder, passphrase, flags, progress, report, user_data, n_refused, error);
  _kw_store_sync_set_in_pass (store, FALSE);
  unlock_pass (lock);
  return ok;
}
