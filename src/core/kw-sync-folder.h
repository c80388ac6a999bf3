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

/* How far a pass is: @done of the @total other devices' files in the
 * folder looked at (unchanged ones are quick), called in the pass's
 * thread before each file and once at the end (@done == @total). */
typedef void (*KwSyncProgressFunc) (guint     done,
                                    guint     total,
                                    gpointer  user_data);

/* Why a colleague's file was refused, for words that say what to do. */
typedef enum {
  KW_SYNC_REFUSAL_DAMAGED,     /* not as Kwartier writes a file (any other reason) */
  KW_SYNC_REFUSAL_INCOMPLETE,  /* cut off or changed on the way: ask for a new export */
  KW_SYNC_REFUSAL_NEWER,       /* made by a newer Kwartier: update this one */
  KW_SYNC_REFUSAL_SEALED,      /* sealed with a passphrase: the folder's files must not be */
  KW_SYNC_REFUSAL_CLOCK,       /* written by a clock far ahead of this device's */
  KW_SYNC_REFUSAL_UNREADABLE,  /* could not be read here (not a regular file, permissions) */
} KwSyncRefusal;

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
/* The same, with @flags, and @progress (may be NULL) called with the
 * same @user_data. */
gboolean  kw_sync_folder_run_with_progress (KwStore            *store,
                                            const char         *folder,
                                            const char         *passphrase,
                                            KwSyncFolderFlags   flags,
                                            KwSyncProgressFunc  progress,
                                            KwSyncFolderFunc    report,
                                            gpointer            user_data,
                                            guint              *n_refused,
                                            GError            **error);
/* The kind of a refusal that a pass reported (KW_SYNC_FILE_REFUSED),
 * from the importer's reason in @summary (KwImportRefusal), which a pass
 * also keeps for a file refused before; by the words of @error only for
 * a refusal noted by an older Kwartier. */
KwSyncRefusal kw_sync_folder_refusal_kind     (const KwImportSummary *summary,
                                               const GError          *error);
/* The kind by the words of @error alone (the importer's messages, in
 * English or translated). */
KwSyncRefusal kw_sync_folder_classify_refusal (const GError *error);
/* The organiser's name of a device, as its last imported file said;
 * NULL when no file of it named one. */
char     *kw_sync_folder_dup_organiser (KwStore        *store,
                                        const char     *device);
/* "<device>.kwartier.jsonl": this device's full export in the folder. */
char     *kw_sync_folder_file_name  (KwStore           *store);

G_END_DECLS
