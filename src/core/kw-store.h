/* kw-store.h: the local SQLite database of one organiser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write goes through the store: it validates against the registry,
 * stamps each changed field with the HLC (value, stamp, previous stamp)
 * and runs in a transaction. A delete leaves a tombstone and scrubs every
 * field. The store emits ::changed after each committed transaction, on
 * the main context it was opened on (kw-store-async.c).
 */
#pragma once

#include <gio/gio.h>

#include "kw-record.h"
#include "kw-registry.h"

G_BEGIN_DECLS

#define KW_TYPE_STORE (kw_store_get_type ())
G_DECLARE_FINAL_TYPE (KwStore, kw_store, KW, STORE, GObject)

typedef gint64 (*KwWallClockFunc) (gpointer user_data);

KwStore     *kw_store_open            (const char  *path,
                                       GError     **error);
const char  *kw_store_get_path        (KwStore     *self);
/* How long a write waits for another writer before it fails with
 * KW_CORE_ERROR_BUSY (default 5 minutes, or $KWARTIER_BUSY_TIMEOUT_MS). */
void         kw_store_set_busy_timeout (KwStore    *self,
                                        guint       ms);
const char  *kw_store_get_device_id   (KwStore     *self);
int          kw_store_get_schema_version (KwStore  *self);
char        *kw_store_dup_organiser   (KwStore     *self);
gboolean     kw_store_set_organiser   (KwStore     *self,
                                       const char  *name,
                                       GError     **error);
gboolean     kw_store_is_empty        (KwStore     *self);

/* The wall clock used for stamps (tests make it go backwards). */
void         kw_store_set_wall_clock  (KwStore        *self,
                                       KwWallClockFunc func,
                                       gpointer        user_data);
char        *kw_store_dup_clock       (KwStore     *self);

/* Transactions nest (savepoints); each write is one on its own. A
 * transaction takes the write lock at once (writers queue up, waiting
 * up to the busy timeout, then fail with KW_CORE_ERROR_BUSY); a read
 * transaction takes none and never waits for a writer (WAL): one
 * consistent view for an export. Do not write inside a read one. */
gboolean     kw_store_begin           (KwStore     *self,
                                       GError     **error);
gboolean     kw_store_begin_read      (KwStore     *self,
                                       GError     **error);
gboolean     kw_store_commit          (KwStore     *self,
                                       GError     **error);
void         kw_store_rollback        (KwStore     *self);

/* CRUD */
char        *kw_store_create          (KwStore     *self,
                                       KwChangeset *changes,
                                       GError     **error);
gboolean     kw_store_update          (KwStore     *self,
                                       const char  *id,
                                       KwChangeset *changes,
                                       GError     **error);
/* Tombstones the record and, each with its own tombstone, what belongs
 * to it (KW_FIELD_FLAG_PARENT references to it, recursively). */
gboolean     kw_store_delete          (KwStore     *self,
                                       const char  *type_name,
                                       const char  *id,
                                       GError     **error);
/* The same; the tombstones written are added to @deleted (KwRecord). */
gboolean     kw_store_delete_collect  (KwStore     *self,
                                       const char  *type_name,
                                       const char  *id,
                                       GPtrArray   *deleted,
                                       GError     **error);
/* Pending deletes (kw-pending.c), for an undo toast: the record and what
 * a delete would take with it are hidden from kw_store_get, _find_type,
 * _dup_reference_title, _list, _list_by_ref, _count, _search and every
 * KwRecordList until kw_store_commit_pending (the toast went: deleted
 * for real, in one transaction; already deleted, by a sync meanwhile,
 * counts as done) or kw_store_cancel_pending (undo: shown again). Each emits ::changed for the types involved. Not kept in the
 * database (a crash deletes nothing); export, import, sync and
 * kw_store_lookup (raw rows, tombstones too) do not see it. Never inside
 * a transaction. */
gboolean     kw_store_pend_delete     (KwStore     *self,
                                       const char  *type_name,
                                       const char  *id,
                                       GError     **error);
gboolean     kw_store_commit_pending  (KwStore     *self,
                                       const char  *type_name,
                                       const char  *id,
                                       GError     **error);
void         kw_store_cancel_pending  (KwStore     *self,
                                       const char  *type_name,
                                       const char  *id);
/* Whether the record is hidden by a pending delete (its own or one of
 * a record it belongs to). */
gboolean     kw_store_is_pending      (KwStore     *self,
                                       const char  *type_name,
                                       const char  *id);
/* A live record, or NULL with KW_CORE_ERROR_NOT_FOUND / _DELETED (also
 * _DELETED while its delete is pending). */
KwRecord    *kw_store_get             (KwStore     *self,
                                       const char  *type_name,
                                       const char  *id,
                                       GError     **error);
/* Any record, tombstones included; NULL (no error) when absent. */
KwRecord    *kw_store_lookup          (KwStore     *self,
                                       const char  *type_name,
                                       const char  *id,
                                       GError     **error);
/* The type of a live record with this id among the given types, or NULL. */
const char  *kw_store_find_type       (KwStore            *self,
                                       const char * const *type_names,
                                       const char         *id);
/* Whether the record's consent is "private", or it is held here only as
 * a colleague's private stub. */
gboolean     kw_store_is_private      (KwStore     *self,
                                       const char  *type_name,
                                       const char  *id);
/* The title to show for a reference to @id among @type_names: the live
 * record's title, "a private person" (translated) for a private stub,
 * or NULL when there is no such record (unknown or deleted). */
char        *kw_store_dup_reference_title (KwStore            *self,
                                           const char * const *type_names,
                                           const char         *id);
/* Every live record of a type, ordered by title (then id). */
GPtrArray   *kw_store_list            (KwStore     *self,
                                       const char  *type_name,
                                       GError     **error);
gint64       kw_store_count           (KwStore     *self,
                                       const char  *type_name);
/* Live records of a type whose field (a reference) equals id. */
GPtrArray   *kw_store_list_by_ref     (KwStore     *self,
                                       const char  *type_name,
                                       const char  *field,
                                       const char  *id,
                                       GError     **error);

/* Full-text search (trigram, substring, case-insensitive). */
typedef struct {
  const char *type_name;  /* static, from the registry */
  char       *id;
  char       *title;
} KwSearchHit;

void         kw_search_hit_free       (KwSearchHit *hit);
GPtrArray   *kw_store_search          (KwStore     *self,
                                       const char  *query,
                                       const char  *type_name,
                                       guint        limit,
                                       GError     **error);

/* A consistent copy of the last committed state (online backup API,
 * through a connection of its own, so also inside a transaction) in
 * backups/ beside the database, mode 0600; the newest five per reason
 * are kept. */
char        *kw_store_backup          (KwStore     *self,
                                       const char  *reason,
                                       GError     **error);

/* Forgetting (kw-person-ops.c): for the records just tombstoned, the
 * values kept of them as conflicts and their private stubs are removed,
 * and the full-text indexes are rewritten without them. */
gboolean     kw_store_purge_records   (KwStore     *self,
                                       GPtrArray   *tombstones,
                                       GError     **error);
/* Copies the write-ahead log into the database and truncates it, so
 * that no old version of a row stays in the -wal file. */
gboolean     kw_store_checkpoint      (KwStore     *self,
                                       GError     **error);
/* Every backup of this database is rewritten without the record and
 * what belongs to it (removed, references to it cleared, VACUUM); a
 * backup that cannot be rewritten is removed. The paths go to @scrubbed
 * and @removed (either may be NULL). FALSE only when a backup could be
 * neither rewritten nor removed. */
gboolean     kw_store_scrub_backups   (KwStore     *self,
                                       const char  *type_name,
                                       const char  *id,
                                       GPtrArray   *scrubbed,
                                       GPtrArray   *removed,
                                       GError     **error);

/* Work in a thread (kw-store-async.c). The store is used by one thread
 * at a time: kw_store_run_async () hands it to @func in a GTask thread
 * and sets :busy until the callback; the caller touches the store again
 * only in the callback (the window shows its busy page meanwhile).
 * ::changed for what the work wrote is held back and emitted on the
 * store's main context when the work is done, before the callback. */
typedef gpointer (*KwStoreRunFunc) (KwStore       *store,
                                    gpointer       data,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* @func returns the result (freed with @result_free when nobody takes
 * it), or NULL with the error set. One work at a time per store. */
void         kw_store_run_async       (KwStore             *self,
                                       KwStoreRunFunc       func,
                                       gpointer             data,
                                       GDestroyNotify       data_free,
                                       GDestroyNotify       result_free,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* The work's result (the caller's now), or NULL with the error. */
gpointer     kw_store_run_finish      (KwStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);
/* Whether a kw_store_run_async () work holds the store (:busy). */
gboolean     kw_store_get_busy        (KwStore             *self);
/* Emits now, in the store's thread, the ::changed that commits in
 * another thread queued for the main context (for code that runs no
 * main loop; a main loop does it by itself). Nothing while :busy. */
void         kw_store_flush_changed   (KwStore             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwSearchHit, kw_search_hit_free)

G_END_DECLS
