/* kw-sync-scheduler.h: when the sync folder is synced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Watches the sync folder (a GFileMonitor, made again when the folder
 * changes) and runs one pass of kw_sync_folder_run() in a thread:
 * - when asked (kw_sync_scheduler_request: at start, "Sync Now");
 * - a debounce interval after the last event about another device's
 *   export in the folder (our own files and every other name are ignored),
 *   unless a quiet spell is pending: then with the pass after it;
 * - a quiet interval after the last local change of the store.
 * The pass uses a connection of its own to the same database (WAL), so the
 * window's connection stays free for typing and search; what the pass
 * changed is announced on the window's store (::changed) on the main
 * thread afterwards. Never two passes at once: a request during a pass
 * queues one more.
 */
#pragma once

#include <gio/gio.h>

#include "kw-store.h"
#include "kw-sync-folder.h"

G_BEGIN_DECLS

#define KW_TYPE_SYNC_SCHEDULER (kw_sync_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (KwSyncScheduler, kw_sync_scheduler, KW, SYNC_SCHEDULER, GObject)

/* A colleague's file that a pass refused. */
typedef struct {
  char          *name;       /* the file's name in the folder */
  char          *device;     /* the start of its device id, as in the name */
  char          *organiser;  /* who the device is, when a file of it said; or NULL */
  KwSyncRefusal  kind;
  char          *reason;     /* the import's reason, in its words */
} KwSyncRefusedFile;

/* What the last pass did. */
typedef struct {
  GDateTime *finished_at;
  guint      files;      /* files imported */
  guint      changes;    /* records added, updated or deleted */
  guint      conflicts;
  GPtrArray *from;       /* who the imported files came from: the organiser's
                          * name in the file, else the start of the device id */
  GPtrArray *refused;    /* "file name: reason", one per refused file */
  GPtrArray *refusals;   /* KwSyncRefusedFile, the same files */
  GError    *error;      /* the pass failed (folder unreadable, database busy) */
} KwSyncResult;

KwSyncScheduler *kw_sync_scheduler_new            (KwStore          *store);
void             kw_sync_scheduler_set_folder     (KwSyncScheduler  *self,
                                                   const char       *folder);
const char      *kw_sync_scheduler_get_folder     (KwSyncScheduler  *self);
/* The error of watching the folder (it does not exist, say), or NULL. */
const GError    *kw_sync_scheduler_get_watch_error (KwSyncScheduler *self);
/* Milliseconds; the defaults are 2000 and 30000. */
void             kw_sync_scheduler_set_intervals  (KwSyncScheduler  *self,
                                                   guint             debounce_ms,
                                                   guint             quiet_ms);
/* A pass as soon as possible (after the running one, if any). */
void             kw_sync_scheduler_request        (KwSyncScheduler  *self);
gboolean         kw_sync_scheduler_get_running    (KwSyncScheduler  *self);
/* When the window closes: waits for a running pass (up to 10 s), then
 * runs the pass that local changes still wait for, at once and on this
 * thread, so that they reach the folder before the program ends. */
gboolean         kw_sync_scheduler_finish         (KwSyncScheduler  *self,
                                                   GError          **error);
/* Passes finished since the scheduler was made. */
guint            kw_sync_scheduler_get_n_passes   (KwSyncScheduler  *self);
/* The last pass's result, or NULL before the first. */
const KwSyncResult *kw_sync_scheduler_get_result  (KwSyncScheduler  *self);
/* While a pass runs: @done of @total colleagues' files looked at (0 of 0
 * before it lists the folder); ::progress when it changes. */
void             kw_sync_scheduler_get_progress   (KwSyncScheduler  *self,
                                                   guint            *done,
                                                   guint            *total);
/* A refused file in words: what happened and what to do about it. */
char            *kw_sync_refused_file_dup_advice  (const KwSyncRefusedFile *file);
/* Whether a file of this name in the folder is another device's export. */
gboolean         kw_sync_scheduler_is_foreign_export (const char    *basename,
                                                      const char    *own_device);

G_END_DECLS
