/* kw-sync-folder.c: sync through a shared folder, without a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kw-error.h"
#include "kw-export.h"
#include "kw-sync-folder.h"
#include "kw-sync-private.h"

#define SUFFIX ".kwartier.jsonl"
#define SUFFIX_GZ ".kwartier.jsonl.gz"

/* Helpers */

static char *
digest_file (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buf = g_malloc (64 * 1024);
  gssize n;

  if ((in = g_file_read (file, NULL, error)) == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, 64 * 1024, NULL, error)) > 0)
    g_checksum_update (sum, buf, (gsize) n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (sum));
}

static gboolean
is_export_name (const char *name)
{
  return name[0] != '.' && (g_str_has_suffix (name, SUFFIX) || g_str_has_suffix (name, SUFFIX_GZ));
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
    if (is_export_name (name) && !g_str_has_prefix (name, device))
      g_ptr_array_add (names, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

static KwSyncFileStatus
sync_file (KwStore          *store,
           const char       *path,
           const char       *passphrase,
           KwImportSummary  *summary,
           GError          **error)
{
  g_autofree char *digest = digest_file (path, error);
  g_autofree char *last = NULL;

  if (digest == NULL)
    return KW_SYNC_FILE_REFUSED;
  if (_kw_store_sync_get_file_digest (store, path, &last) && strcmp (last, digest) == 0)
    return KW_SYNC_FILE_UNCHANGED;
  if (!kw_import_file_full (store, path, passphrase, FALSE, summary, error))
    return KW_SYNC_FILE_REFUSED;
  /* a file that changed in between is imported again next time: harmless */
  if (!_kw_store_sync_set_file_digest (store, path, digest, error))
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
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
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

      refused += status == KW_SYNC_FILE_REFUSED;
      report_file (report, user_data, path, status, &summary, file_error);
    }
  /* written last, so that it carries what was just imported */
  if (!kw_export_to_file (store, &options, own, error))
    return FALSE;
  report_file (report, user_data, own, KW_SYNC_FILE_WRITTEN, NULL, NULL);
  if (n_refused != NULL)
    *n_refused = refused;
  return TRUE;
}
