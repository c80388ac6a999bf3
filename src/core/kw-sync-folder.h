/* kw-sync-folder.h: sync through a shared folder, without a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each device writes its full export into the folder as
 * "<device>.kwartier.jsonl" and its later writes as numbered change
 * exports "<device>.<seq:8 digits>.kwartier.jsonl" (atomically: a
 * temporary name starting with ".", synced, renamed), and imports every
 * other device's files that changed since the last pass. Any tool that
 * shares a folder (Syncthing, Nextcloud, a network share, a USB stick)
 * carries the files. docs/sync-folder.md.
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

typedef enum {
  KW_SYNC_FOLDER_DEFAULT = 0,
  KW_SYNC_FOLDER_COMPACT = 1 << 0,  /* a full export now when there are change files (idle) */
} KwSyncFolderFlags;

/* One pass (spec/export-format.md, "The sync folder"): the other
 * devices' files that changed, then this device's writes since its last
 * file as "<device>.<seq>.kwartier.jsonl", now and then a full export
 * "<device>.kwartier.jsonl" that replaces the change files it covers.
 * Returns FALSE when the folder could not be read or this device's files
 * could not be written; @n_refused counts the other files refused. */
gboolean  kw_sync_folder_run        (KwStore           *store,
                                     const char        *folder,
                                     const char        *passphrase,
                                     KwSyncFolderFunc   report,
                                     gpointer           user_data,
                                     guint             *n_refused,
                                     GError           **error);
gboolean  kw_sync_folder_run_full   (KwStore           *store,
                                     const char        *folder,
                                     const char        *passphrase,
                                     KwSyncFolderFlags  flags,
                                     KwSyncFolderFunc   report,
                                     gpointer           user_data,
                                     guint             *n_refused,
                                     GError           **error);
/* "<device>.kwartier.jsonl": this device's full export in the folder. */
char     *kw_sync_folder_file_name  (KwStore           *store);

G_END_DECLS
