/* sync-helpers.h: shared by the sync tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-export.h"
#include "kw-import.h"
#include "kw-store.h"

G_BEGIN_DECLS

typedef struct {
  KwStore *store;
  char    *path;
  gint64   wall_ms;   /* the fake wall clock of this replica */
  guint    index;
} Replica;

char      *helper_tmpdir        (void);
void       helper_cleanup       (void);
/* A record of @type from FIELD, TEXT pairs (kw_changeset_set_text),
 * NULL-terminated, asserted made; its id. */
char      *helper_put           (KwStore    *store,
                                 const char *type,
                                 ...) G_GNUC_NULL_TERMINATED;
/* One field of a record set from text, asserted. */
void       helper_update        (KwStore    *store,
                                 const char *type,
                                 const char *id,
                                 const char *field,
                                 const char *text);
Replica   *replica_new          (const char *dir,
                                 guint       index,
                                 gint64      wall_ms);
void       replica_free         (Replica    *replica);
void       replica_tick         (Replica    *replica,
                                 GRand      *rand);

char      *export_text          (KwStore    *store,
                                 const char *dir,
                                 KwExportOptions *options);
char      *export_file          (KwStore    *store,
                                 const char *dir,
                                 KwExportOptions *options);
char      *record_lines         (const char *text);
char      *dump_database        (const char *path);
KwImportSummary import_ok       (KwStore    *store,
                                 const char *path);
void       import_refused       (KwStore    *store,
                                 const char *path,
                                 int         code);

/* Random local writes of every entity type. */
void       random_write         (KwStore    *store,
                                 GRand      *rand);
void       random_writes        (KwStore    *store,
                                 GRand      *rand,
                                 guint       n);
guint32    test_seed            (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Replica, replica_free)

G_END_DECLS
