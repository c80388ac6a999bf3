/* kw-sync-folder.h: sync through a shared folder, without a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each device writes its full export into the folder as
 * "<device>.kwartier.jsonl" (atomically: a temporary file renamed), and
 * imports every other "*.kwartier.jsonl" or "*.kwartier.jsonl.gz" whose
 * SHA-256 differs from the one it imported last time. Any tool that
 * shares a folder (Syncthing, Nextcloud, a network share, a USB stick)
 * carries the files.
 */
#pragma once

#include "kw-import.h"
#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  KW_SYNC_FILE_WRITTEN,    /* this device's own export */
  KW_SYNC_FILE_IMPORTED,
  KW_SYNC_FILE_UNCHANGED,  /* same digest as last time: skipped */
  KW_SYNC_FILE_REFUSED,    /* a bad file: reported and skipped */
} KwSyncFileStatus;

typedef void (*KwSyncFolderFunc) (const char             *path,
                                  KwSyncFileStatus        status,
                                  const KwImportSummary  *summary,
                                  const GError           *error,
                                  gpointer                user_data);

/* One pass. Returns FALSE only when this device's own export could not
 * be written; @n_refused counts the other files that were refused. */
gboolean  kw_sync_folder_run        (KwStore           *store,
                                     const char        *folder,
                                     const char        *passphrase,
                                     KwSyncFolderFunc   report,
                                     gpointer           user_data,
                                     guint             *n_refused,
                                     GError           **error);
char     *kw_sync_folder_file_name  (KwStore           *store);

G_END_DECLS
