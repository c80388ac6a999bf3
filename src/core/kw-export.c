/* kw-export.c: writing an export (spec/export-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record lines are made by kw-store-sync.c straight from the rows;
 * this file writes the header and the trailer, keeps the digest, and
 * puts gzip and the seal around the text. The JSON is written by hand:
 * compact, keys in a fixed order, so the same database gives the same
 * bytes on every device.
 */
#define G_LOG_DOMAIN "kw-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef KW_HAVE_NETTLE
#include <nettle/sha2.h>
#endif

#include "kw-error.h"
#include "kw-export.h"
#include "kw-export-private.h"
#include "kw-seal.h"
#include "kw-sync-json.h"
#include "kw-sync-private.h"
#include "kw-temp-file.h"

#define FLUSH_SIZE (64 * 1024)

/* KwFdOutputStream: a file descriptor that is synced when closed. */

#define KW_TYPE_FD_OUTPUT_STREAM (kw_fd_output_stream_get_type ())
G_DECLARE_FINAL_TYPE (KwFdOutputStream, kw_fd_output_stream, KW, FD_OUTPUT_STREAM, GOutputStream)

struct _KwFdOutputStream
{
  GOutputStream  parent_instance;
  int            fd;
  char          *path;   /* the file written, for messages (a full disk) */
};

G_DEFINE_FINAL_TYPE (KwFdOutputStream, kw_fd_output_stream, G_TYPE_OUTPUT_STREAM)

struct _KwDigest
{
#ifdef KW_HAVE_NETTLE
  struct sha256_ctx  ctx;
#else
  GChecksum         *sum;
#endif
  char               hex[65];
  gboolean           done;
};

typedef struct {
  GOutputStream        *out;
  KwDigest             *sum;
  GString              *buf;
  guint64               records;
  KwExportProgressFunc  progress;     /* may be NULL */
  gpointer              progress_data;
  GCancellable         *cancellable;  /* may be NULL */
} Writer;

/* How often (record lines) a writer reports and looks at its cancellable. */
#define PROGRESS_EVERY 2048

/* The one table of scope kinds (KwExportScope ↔ its name in the header,
 * the CLI's --scope KIND:ID and the import), in the enum's order; a kind
 * other than "all" is the name of the scope's root type. */
static const char * const scope_names[] = { "all", "alliance", "network", "area", "meeting", "changes" };

/* KwDigest */

KwDigest *
_kw_digest_new (void)
{
  KwDigest *digest = g_new0 (KwDigest, 1);

#ifdef KW_HAVE_NETTLE
  sha256_init (&digest->ctx);
#else
  digest->sum = g_checksum_new (G_CHECKSUM_SHA256);
#endif
  return digest;
}

void
_kw_digest_update (KwDigest   *digest,
                   const void *data,
                   gsize       len)
{
#ifdef KW_HAVE_NETTLE
  sha256_update (&digest->ctx, len, data);
#else
  g_checksum_update (digest->sum, data, len);
#endif
}

const char *
_kw_digest_hex (KwDigest *digest)
{
#ifdef KW_HAVE_NETTLE
  guint8 raw[SHA256_DIGEST_SIZE];

  if (!digest->done)
    {
      sha256_digest (&digest->ctx, sizeof raw, raw);
      for (guint i = 0; i < sizeof raw; i++)
        g_snprintf (digest->hex + 2 * i, 3, "%02x", raw[i]);
    }
#else
  if (!digest->done)
    g_strlcpy (digest->hex, g_checksum_get_string (digest->sum), sizeof digest->hex);
#endif
  digest->done = TRUE;
  return digest->hex;
}

void
_kw_digest_free (KwDigest *digest)
{
#ifndef KW_HAVE_NETTLE
  g_checksum_free (digest->sum);
#endif
  g_free (digest);
}

/* KwFdOutputStream */

static gssize
kw_fd_output_stream_write (GOutputStream  *stream,
                           const void     *buffer,
                           gsize           count,
                           GCancellable   *cancellable,
                           GError        **error)
{
  KwFdOutputStream *self = (KwFdOutputStream *) stream;
  gssize n;

  do
    n = write (self->fd, buffer, count);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not write %s: %s"),
                   self->path, g_strerror (saved));
    }
  return n;
}

static gboolean
kw_fd_output_stream_close (GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  KwFdOutputStream *self = (KwFdOutputStream *) stream;
  int rc = fsync (self->fd);
  int saved = errno;

  close (self->fd);
  self->fd = -1;
  if (rc != 0)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not write %s: %s"),
                   self->path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
kw_fd_output_stream_finalize (GObject *object)
{
  KwFdOutputStream *self = (KwFdOutputStream *) object;

  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  G_OBJECT_CLASS (kw_fd_output_stream_parent_class)->finalize (object);
}

static void
kw_fd_output_stream_class_init (KwFdOutputStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_fd_output_stream_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = kw_fd_output_stream_write;
  G_OUTPUT_STREAM_CLASS (klass)->close_fn = kw_fd_output_stream_close;
}

static void
kw_fd_output_stream_init (KwFdOutputStream *self)
{
  self->fd = -1;
}

/* Helpers: writing */

static gboolean
flush_writer (Writer  *writer,
              GError **error)
{
  gboolean ok = TRUE;

  if (writer->buf->len > 0)
    ok = g_output_stream_write_all (writer->out, writer->buf->str, writer->buf->len,
                                    NULL, NULL, error);
  g_string_truncate (writer->buf, 0);
  return ok;
}

/* A line (without its \n) goes into the digest and the buffer. */
static gboolean
write_line (Writer   *writer,
            GString  *line,
            gboolean  digest,
            GError  **error)
{
  g_string_append_c (line, '\n');
  if (digest)
    _kw_digest_update (writer->sum, line->str, line->len);
  g_string_append_len (writer->buf, line->str, line->len);
  if (writer->buf->len >= FLUSH_SIZE)
    return flush_writer (writer, error);
  return TRUE;
}

static gboolean
write_record_cb (GString   *line,
                 gpointer   user_data,
                 GError   **error)
{
  Writer *writer = user_data;

  writer->records++;
  if (writer->records % PROGRESS_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
        return FALSE;
      if (writer->progress != NULL)
        writer->progress (writer->records, writer->progress_data);
    }
  return write_line (writer, line, TRUE, error);
}

static void
append_seen_entry (GString    *s,
                   gboolean    first,
                   const char *device,
                   const char *stamp)
{
  if (!first)
    g_string_append_c (s, ',');
  _kw_sync_append_json_string (s, device);
  g_string_append_c (s, ':');
  _kw_sync_append_json_string (s, stamp);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The seen map, ordered by device, always with this device (spec:
 * "itself included"): a device that holds nothing of its own yet has
 * seen up to the zero stamp. */
static void
append_seen (GString    *s,
             GPtrArray  *seen,
             const char *device)
{
  g_autofree char *zero = g_strconcat ("0000000000000000-0000-", device, NULL);
  gboolean own_done = FALSE;
  guint n = 0;

  g_string_append (s, ",\"seen\":{");
  for (guint i = 0; i + 1 < seen->len; i += 2)
    {
      const char *other = g_ptr_array_index (seen, i);
      int cmp = strcmp (other, device);

      if (cmp > 0 && !own_done)
        append_seen_entry (s, n++ == 0, device, zero);
      own_done |= cmp >= 0;
      append_seen_entry (s, n++ == 0, other, g_ptr_array_index (seen, i + 1));
    }
  if (!own_done)
    append_seen_entry (s, n == 0, device, zero);
  g_string_append (s, "}}");
}

/* A change export's ",\"since\":{…}", ordered by device. */
static void
append_since (GString    *s,
              GHashTable *since)
{
  g_autofree gpointer *devices = (gpointer *) g_hash_table_get_keys_as_array (since, NULL);
  guint n = g_hash_table_size (since);

  qsort (devices, n, sizeof (gpointer), compare_strings);
  g_string_append (s, ",\"since\":{");
  for (guint i = 0; i < n; i++)
    append_seen_entry (s, i == 0, devices[i], g_hash_table_lookup (since, devices[i]));
  g_string_append_c (s, '}');
}

static gboolean
write_header (Writer                 *writer,
              KwStore                *store,
              const KwExportOptions  *options,
              GError                **error)
{
  g_autoptr(GString) s = g_string_new ("{\"kwartier\":\"export\",\"format\":1,\"schema\":");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *organiser = kw_store_dup_organiser (store);
  g_autoptr(GPtrArray) seen = _kw_store_sync_dup_seen (store, error);

  if (seen == NULL)
    return FALSE;
  g_string_append_printf (s, "%d,\"exported_at\":\"%s\",\"device\":", KW_SCHEMA_VERSION, when);
  _kw_sync_append_json_string (s, kw_store_get_device_id (store));
  g_string_append (s, ",\"organiser\":");
  _kw_sync_append_json_string (s, organiser ? organiser : "");
  g_string_append_printf (s, ",\"scope\":{\"kind\":\"%s\"", scope_names[options->scope]);
  if (options->scope == KW_EXPORT_SCOPE_CHANGES)
    append_since (s, options->since);
  else if (options->scope != KW_EXPORT_SCOPE_ALL)
    {
      g_string_append (s, ",\"id\":");
      _kw_sync_append_json_string (s, options->scope_id);
    }
  g_string_append_c (s, '}');
  append_seen (s, seen, kw_store_get_device_id (store));
  return write_line (writer, s, TRUE, error);
}

static gboolean
write_trailer (Writer  *writer,
               GError **error)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, "{\"end\":true,\"records\":%" G_GUINT64_FORMAT ",\"sha256\":\"%s\"}",
                          writer->records, _kw_digest_hex (writer->sum));
  return write_line (writer, s, FALSE, error) && flush_writer (writer, error);
}

static int
compare_type_names (gconstpointer a,
                    gconstpointer b)
{
  const KwEntityType *ta = *(const KwEntityType * const *) a;
  const KwEntityType *tb = *(const KwEntityType * const *) b;

  return strcmp (ta->name, tb->name);
}

/* The entity types in byte order of their names. */
static GPtrArray *
dup_sorted_types (void)
{
  GPtrArray *types = g_ptr_array_new ();

  for (guint i = 0; i < kw_registry_n_types (); i++)
    g_ptr_array_add (types, (gpointer) kw_registry_type_at (i));
  g_ptr_array_sort (types, compare_type_names);
  return types;
}

static GPtrArray *
dup_sorted_ids (GHashTable *set)
{
  GPtrArray *ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  return ids;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every record line of the export, in the file's order, to @func. */
gboolean
_kw_export_each_record (KwStore                *store,
                        const KwExportOptions  *options,
                        KwSyncLineFunc          func,
                        gpointer                user_data,
                        GError                **error)
{
  g_autoptr(GPtrArray) types = dup_sorted_types ();
  g_autoptr(GHashTable) scope = NULL;

  if (options->scope == KW_EXPORT_SCOPE_CHANGES)
    {
      for (guint i = 0; i < types->len; i++)
        if (!_kw_store_sync_export_changes (store, g_ptr_array_index (types, i), options->since,
                                            func, user_data, error))
          return FALSE;
      return TRUE;
    }
  if (options->scope != KW_EXPORT_SCOPE_ALL)
    {
      scope = _kw_store_sync_collect_scope (store, scope_names[options->scope],
                                            options->scope_id, error);
      if (scope == NULL)
        return FALSE;
    }
  for (guint i = 0; i < types->len; i++)
    {
      const KwEntityType *type = g_ptr_array_index (types, i);
      g_autoptr(GPtrArray) ids = NULL;
      GHashTable *set = scope ? g_hash_table_lookup (scope, type->name) : NULL;

      if (scope != NULL && set == NULL)
        continue;
      if (set != NULL)
        {
          ids = dup_sorted_ids (set);
          g_ptr_array_sort (ids, compare_ids);
        }
      if (!_kw_store_sync_export_type (store, type, ids, func, user_data, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_kw_export_check_options (const KwExportOptions  *options,
                          GError                **error)
{
  if (options->scope == KW_EXPORT_SCOPE_CHANGES)
    {
      GHashTableIter iter;
      gpointer device, stamp;
      gboolean valid = options->since != NULL;

      if (valid)
        g_hash_table_iter_init (&iter, options->since);
      while (valid && g_hash_table_iter_next (&iter, &device, &stamp))
        valid = kw_device_id_is_valid (device) && kw_hlc_is_valid (stamp);
      if (valid)
        return TRUE;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("scope: a change export needs a device and a stamp for each device"));
      return FALSE;
    }
  if (options->scope > KW_EXPORT_SCOPE_MEETING
      || (options->scope != KW_EXPORT_SCOPE_ALL && !kw_id_is_valid (options->scope_id)))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("scope: “%s” is not a record id"),
                   options->scope_id ? options->scope_id : "");
      return FALSE;
    }
  return TRUE;
}

/* Helpers: files */

/* The temporary file ".<name>.kwartier-tmp-XXXXXX" beside @path, locked
 * through *lock_fd until the caller closes it (after the rename), so that
 * the next export into the folder removes it only when this process was
 * killed. Its leading dot keeps a sync pass from ever importing it. */
static GOutputStream *
open_temp (const char  *path,
           char       **tmp_path,
           int         *lock_fd,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  KwFdOutputStream *out;
  int fd;

  kw_temp_file_clean (dir);
  if ((fd = kw_temp_file_open (path, tmp_path, error)) < 0)
    return NULL;
  *lock_fd = dup (fd);
  out = g_object_new (KW_TYPE_FD_OUTPUT_STREAM, NULL);
  out->fd = fd;
  out->path = g_strdup (path);
  return G_OUTPUT_STREAM (out);
}

static GOutputStream *
wrap_output (GOutputStream          *base,
             const KwExportOptions  *options,
             GError                **error)
{
  g_autoptr(GOutputStream) sealed = NULL;
  GOutputStream *out = base;

  if (options->passphrase != NULL)
    {
      g_autoptr(GConverter) seal = kw_seal_encrypter_new (options->passphrase, error);

      if (seal == NULL)
        return NULL;
      sealed = g_converter_output_stream_new (base, seal);
      out = sealed;
    }
  if (options->gzip || options->passphrase != NULL)
    {
      g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);

      return g_converter_output_stream_new (out, G_CONVERTER (gzip));
    }
  return g_object_ref (out);
}

static gboolean export_to_stream (KwStore *store, const KwExportOptions *options, GOutputStream *stream,
                                  Writer *writer, GError **error);

static gboolean
write_export (KwStore                *store,
              const KwExportOptions  *options,
              GOutputStream          *base,
              Writer                 *writer,
              GError                **error)
{
  g_autoptr(GOutputStream) out = wrap_output (base, options, error);

  if (out == NULL)
    return FALSE;
  if (!export_to_stream (store, options, out, writer, error))
    return FALSE;
  /* closing the converters closes the file, which syncs it */
  return g_output_stream_close (out, NULL, error);
}

/* Public API */

const char *
kw_export_scope_to_string (KwExportScope scope)
{
  g_return_val_if_fail (scope <= KW_EXPORT_SCOPE_CHANGES, NULL);
  return scope_names[scope];
}

gboolean
kw_export_scope_from_string (const char    *text,
                             KwExportScope *scope)
{
  for (guint i = 0; i < G_N_ELEMENTS (scope_names); i++)
    if (g_strcmp0 (text, scope_names[i]) == 0)
      {
        *scope = (KwExportScope) i;
        return TRUE;
      }
  return FALSE;
}

/* The plain text to @stream through @writer (its progress and
 * cancellable set by the caller). */
static gboolean
export_to_stream (KwStore                *store,
                  const KwExportOptions  *options,
                  GOutputStream          *stream,
                  Writer                 *writer,
                  GError                **error)
{
  gboolean ok;

  if (!_kw_export_check_options (options, error))
    return FALSE;
  writer->out = stream;
  writer->sum = _kw_digest_new ();
  writer->buf = g_string_sized_new (FLUSH_SIZE * 2);
  /* one read transaction: the rows and the seen map agree */
  _kw_store_sync_tune_for_export (store, TRUE);
  ok = kw_store_begin_read (store, error);
  if (ok)
    {
      ok = write_header (writer, store, options, error)
           && _kw_export_each_record (store, options, write_record_cb, writer, error)
           && write_trailer (writer, error);
      if (ok)
        ok = kw_store_commit (store, error);
      else
        kw_store_rollback (store);
    }
  _kw_store_sync_tune_for_export (store, FALSE);
  g_clear_pointer (&writer->sum, _kw_digest_free);
  g_string_free (g_steal_pointer (&writer->buf), TRUE);
  return ok;
}

gboolean
kw_export_to_stream (KwStore                *store,
                     const KwExportOptions  *options,
                     GOutputStream          *stream,
                     guint64                *records,
                     GError                **error)
{
  Writer writer = { NULL };
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  ok = export_to_stream (store, options, stream, &writer, error);
  if (records != NULL)
    *records = writer.records;
  return ok;
}

gboolean
kw_export_to_file (KwStore                *store,
                   const KwExportOptions  *options,
                   const char             *path,
                   GError                **error)
{
  return kw_export_to_file_full (store, options, path, NULL, NULL, NULL, error);
}

gboolean
kw_export_to_file_full (KwStore                *store,
                        const KwExportOptions  *options,
                        const char             *path,
                        KwExportProgressFunc    progress,
                        gpointer                user_data,
                        GCancellable           *cancellable,
                        GError                **error)
{
  Writer writer = { NULL, NULL, NULL, 0, progress, user_data, cancellable };
  g_autofree char *tmp_path = NULL;
  g_autoptr(GOutputStream) base = NULL;
  int lock_fd = -1;
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!_kw_export_check_options (options, error) || (base = open_temp (path, &tmp_path, &lock_fd, error)) == NULL)
    return FALSE;
  ok = write_export (store, options, base, &writer, error);
  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved = errno;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not write %s: %s"),
                   path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp_path);
  if (lock_fd >= 0)
    close (lock_fd);
  return ok;
}
