/* kw-test-store.h: a database for a core test, and records from text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw_test_store_open () opens (or makes) a database in a folder;
 * kw_test_put () makes a record from field/text pairs and kw_test_set ()
 * changes one, through the registry's text parsing as the CLI does;
 * kw_test_export_all (), kw_test_import () and kw_test_sync () pass
 * records from one database to another as colleagues do.
 * Each fails the test on an error, naming the field.
 */
#pragma once

#include <stdarg.h>

#include "kw-store.h"

G_BEGIN_DECLS

KwStore     *kw_test_store_open (const char  *dir,
                                 const char  *name);
/* The changeset of the field/text pairs of @ap, up to a NULL field. */
KwChangeset *kw_test_changes_va (const char  *type,
                                 va_list      ap);
/* kw_test_put (store, "person", "name", "Anna", …, NULL): the new id */
char        *kw_test_put        (KwStore     *store,
                                 const char  *type,
                                 ...) G_GNUC_NULL_TERMINATED;
void         kw_test_set        (KwStore     *store,
                                 const char  *type,
                                 const char  *id,
                                 ...) G_GNUC_NULL_TERMINATED;

/* A KwWallClockFunc (kw_store_set_wall_clock) that reads the
 * milliseconds at @data (a gint64 the test moves on). */
gint64       kw_test_wall_clock (gpointer     data);
/* Sets one string field of a record, as typed (no parsing). */
void         kw_test_set_string (KwStore     *store,
                                 const char  *type,
                                 const char  *id,
                                 const char  *field,
                                 const char  *value);
/* An export of everything @store holds, written to @dir/@name; the path. */
char        *kw_test_export_all (KwStore     *store,
                                 const char  *dir,
                                 const char  *name);
/* Imports @path into @store, which must keep @conflicts conflicts. */
void         kw_test_import     (KwStore     *store,
                                 const char  *path,
                                 guint        conflicts);
/* Both: what @from holds into @to through a file in @dir. */
void         kw_test_sync       (KwStore     *from,
                                 KwStore     *to,
                                 const char  *dir,
                                 guint        conflicts);

G_END_DECLS
