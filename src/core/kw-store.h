/* kw-store.h: the local SQLite database of one organiser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write goes through the store: it validates against the registry,
 * stamps each changed field with the HLC (value, stamp, previous stamp)
 * and runs in a transaction. A delete leaves a tombstone and scrubs every
 * field. The store emits ::changed after each committed transaction.
 */
#pragma once

#include <glib-object.h>

#include "kw-record.h"
#include "kw-registry.h"

G_BEGIN_DECLS

#define KW_TYPE_STORE (kw_store_get_type ())
G_DECLARE_FINAL_TYPE (KwStore, kw_store, KW, STORE, GObject)

typedef gint64 (*KwWallClockFunc) (gpointer user_data);

KwStore     *kw_store_open            (const char  *path,
                                       GError     **error);
const char  *kw_store_get_path        (KwStore     *self);
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

/* Transactions nest (savepoints); each write is one on its own. */
gboolean     kw_store_begin           (KwStore     *self,
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
gboolean     kw_store_delete          (KwStore     *self,
                                       const char  *type_name,
                                       const char  *id,
                                       GError     **error);
/* A live record, or NULL with KW_CORE_ERROR_NOT_FOUND / _DELETED. */
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwSearchHit, kw_search_hit_free)

G_END_DECLS
