/* kw-store-restore.h: the backups of a database, and going back to one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw_store_backup () (kw-store.h) writes the backups to backups/ beside
 * the database as "<base>-<YYYYmmdd-HHMMSS-ffffff>-<reason>[-n].db".
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

typedef struct {
  char   *path;     /* the backup file */
  char   *name;     /* its base name */
  char   *reason;   /* "import", "migration", "restore", … as written in the name */
  gint64  made_at;  /* µs since the epoch (UTC), from the name */
  guint64 size;     /* bytes */
} KwBackupInfo;

void        kw_backup_info_free      (KwBackupInfo *info);

/* Every backup of this database, newest first (KwBackupInfo). */
GPtrArray  *kw_store_list_backups    (KwStore      *self,
                                      GError      **error);

/* Makes a backup of the current state first ("restore"; its path in
 * @made_backup, may be NULL), then copies the backup's content into the
 * open database (SQLite's backup API with this connection as the
 * destination: the store stays open and valid), migrates it when it is
 * of an older schema, and emits ::changed for every type. Refused when
 * the file is not a backup of this database (another device id), and
 * inside a transaction. */
gboolean    kw_store_restore_backup  (KwStore      *self,
                                      const char   *path,
                                      char        **made_backup,
                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwBackupInfo, kw_backup_info_free)

G_END_DECLS
