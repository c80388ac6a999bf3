/* kw-store-private.h: what the store's own files share (kw-store*.c only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "kw-store.h"

G_BEGIN_DECLS

/* Column layout of an entity table "<type>":
 *   rid INTEGER PRIMARY KEY, id TEXT UNIQUE, deleted TEXT,
 *   then for field i: "<field>" (value), "<field>:hlc", "<field>:prev"
 * so a row is read with sqlite3_column_*(stmt, KW_COL_VALUE (i)) etc. */
#define KW_COL_RID      0
#define KW_COL_ID       1
#define KW_COL_DELETED  2
#define KW_COL_VALUE(i) (3 + 3 * (i))
#define KW_COL_HLC(i)   (4 + 3 * (i))
#define KW_COL_PREV(i)  (5 + 3 * (i))

sqlite3       *_kw_store_get_db        (KwStore     *self);
/* A cached prepared statement, reset and with bindings cleared. */
sqlite3_stmt  *_kw_store_prepare       (KwStore     *self,
                                        const char  *sql,
                                        GError     **error);
/* Steps a statement that returns no rows, then resets it. */
gboolean       _kw_store_run           (KwStore       *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
gboolean       _kw_store_exec          (KwStore     *self,
                                        const char  *sql,
                                        GError     **error);
void           _kw_store_set_db_error  (KwStore     *self,
                                        GError     **error);
/* "SELECT <all columns> FROM "<type>"": append WHERE/ORDER yourself. */
const char    *_kw_store_select_sql    (const KwEntityType *type);
/* "INSERT INTO "<type>" (id, deleted, <value, hlc, prev of each field>) VALUES (…)" */
const char    *_kw_store_insert_sql    (const KwEntityType *type);
/* A query for the trigram index: each word of three or more characters
 * as a quoted phrase; NULL when no word is that long. */
char          *_kw_store_fts_query     (const char *query);
/* The WHERE condition of a record that is shown: not deleted, and with
 * its name when the type requires one (not a consent stub). */
const char    *_kw_store_live_sql      (const KwEntityType *type);
/* A KwRecord from a row selected with _kw_store_select_sql (). */
KwRecord      *_kw_store_record_from_row (const KwEntityType *type,
                                          sqlite3_stmt       *stmt);
/* Insert (exists FALSE) or overwrite (TRUE) the whole row of a record. */
gboolean       _kw_store_write_record  (KwStore     *self,
                                        KwRecord    *record,
                                        gboolean     exists,
                                        GError     **error);
/* Move the clock past a stamp seen in an import; persisted at commit. */
void           _kw_store_observe_stamp (KwStore     *self,
                                        const char  *stamp);
/* Raise seen[device] to at least stamp. */
gboolean       _kw_store_note_seen     (KwStore     *self,
                                        const char  *stamp,
                                        GError     **error);
/* A fresh stamp for a local write (max (wall clock, last) + 1 tick). */
char          *_kw_store_tick          (KwStore     *self);
/* The same, and above @current, a field's stamp (NULL: none), however
 * far ahead (up to the far-future bound), without moving the clock there. */
char          *_kw_store_tick_above    (KwStore     *self,
                                        const char  *current);
gboolean       _kw_store_in_transaction (KwStore    *self);
/* kw-store-finalise.c: FALSE with KW_CORE_ERROR_FINALISED for a local
 * write to (@record NULL: a new one) or delete of (@changes NULL) a
 * record of a finalised meeting; KW_CORE_ERROR_INVALID for changes to
 * the fields only finalising and reopening write. */
gboolean       _kw_store_check_finalised (KwStore            *self,
                                          const KwEntityType *type,
                                          KwRecord           *record,
                                          KwChangeset        *changes,
                                          GError            **error);
gint64         _kw_store_wall_ms       (KwStore     *self);
void           _kw_store_mark_changed  (KwStore     *self,
                                        const char  *type_name);
/* ::changed now for the types marked, when no transaction is open. */
void           _kw_store_emit_changed  (KwStore     *self);
gboolean       _kw_store_get_meta      (KwStore     *self,
                                        const char  *key,
                                        char       **value);
gboolean       _kw_store_set_meta      (KwStore     *self,
                                        const char  *key,
                                        const char  *value,
                                        GError     **error);

/* Schema (kw-store-schema.c): PRAGMA user_version, -1 when unreadable. */
int            _kw_store_get_user_version (KwStore  *self);
/* Makes or migrates the tables the registry describes (a backup first
 * when an older schema is migrated); nothing when the fingerprint matches. */
gboolean       _kw_store_prepare_schema (KwStore  *self,
                                         GError  **error);
/* Backups (kw-store-backup.c): removes what a backup killed half way left. */
void           _kw_store_clean_backup_folder (KwStore *self);
/* When the newest backup made for @reason was made (µs since the epoch), or -1. */
gint64         _kw_store_newest_backup_time (KwStore    *self,
                                             const char *reason);

/* What the sync engine's SQL side shares (kw-store-sync.c, kw-store-merge.c,
 * kw-store-scope.c; kw-sync-private.h stays free of sqlite3.h for the JSON
 * side): the SQL text of a type, made once. */
typedef struct {
  char  *by_id;        /* select of all columns WHERE id = ? */
  char  *all_by_id;    /* select of all columns ORDER BY id */
  char  *insert;       /* id, deleted, then value/hlc/prev of every field */
  char  *with_stubs;   /* person: all_by_id and the private stubs, by id */
  guint *sorted;       /* field indexes in byte order of their names */
  int    consent;      /* index of the consent field (person), else -1 */
  guint32 private_parents; /* bit i: field i is a PARENT reference to a type with consent */
} KwSyncSql;

const KwSyncSql *_kw_store_sync_sql_for  (const KwEntityType *type);
/* Steps a statement (a row or done is success), then resets it. */
gboolean _kw_store_sync_step_done      (KwStore       *store,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
/* A column's value as JSON text (null, a number, true/false, a string). */
void     _kw_store_sync_append_column  (GString       *s,
                                        const KwField *field,
                                        sqlite3_stmt  *stmt,
                                        int            col);

/* Pending deletes (kw-pending.c): the set, owned by the store. */
typedef struct _KwPending KwPending;

KwPending     *_kw_pending_new         (void);
void           _kw_pending_free        (KwPending   *pending);
KwPending     *_kw_store_get_pending   (KwStore     *self);
/* " AND <alias.>id NOT IN (…)" when records of the type wait for their
 * delete, else "" (so the query text, and its cached statement, stays
 * the usual one). Free it. */
char          *_kw_store_pending_sql   (KwStore            *self,
                                        const KwEntityType *type,
                                        const char         *alias);
gboolean       _kw_store_is_pending    (KwStore     *self,
                                        const char  *type_name,
                                        const char  *id);
/* Appends to @records (KwRecord) the live records a delete of this one
 * would take with it (KW_FIELD_FLAG_PARENT references, recursively). */
gboolean       _kw_store_collect_belonging (KwStore     *self,
                                            const char  *type_name,
                                            const char  *id,
                                            GPtrArray   *records,
                                            GError     **error);

/* ::changed and work in a thread (kw-store-async.c). */
typedef struct _KwStoreAsync KwStoreAsync;

KwStoreAsync  *_kw_store_async_new     (void);
void           _kw_store_async_free    (KwStoreAsync *async);
KwStoreAsync  *_kw_store_get_async     (KwStore     *self);
/* ::changed for the types (interned names): at once in the store's own
 * thread when no work holds it, else queued for its main context. */
void           _kw_store_dispatch_changed (KwStore  *self,
                                           GList    *types);
void           _kw_store_emit_type     (KwStore     *self,
                                        const char  *type_name);
void           _kw_store_notify_busy   (KwStore     *self);

G_END_DECLS
