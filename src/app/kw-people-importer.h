/* kw-people-importer.h: parsed people into the store, in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  KW_IMPORT_SKIP,     /* someone already here is left as is */
  KW_IMPORT_UPDATE,   /* their details are updated from the file */
  KW_IMPORT_CREATE,   /* added anyway, as a new person */
} KwImportPolicy;

typedef struct {
  guint added;
  guint updated;
  guint skipped;
} KwPeopleImportCounts;

/* The id of a live person already here that this parsed person (a
 * GHashTable field → text) is, by e-mail, phone or name; or NULL. */
char     *kw_people_find_existing  (KwStore               *store,
                                    GHashTable            *person);
/* Writes people (GHashTables from kw-people-import.h) in one
 * transaction; a vCard's ORG becomes an affiliation when that
 * organisation is known. Rolled back on error or when cancelled. */
gboolean  kw_people_import         (KwStore               *store,
                                    GPtrArray             *people,
                                    KwImportPolicy         policy,
                                    KwPeopleImportCounts  *counts,
                                    GCancellable          *cancellable,
                                    GError               **error);
/* The same in a thread (kw-store-task.h): the store must not be used
 * until the callback; ::changed is emitted on the main thread. */
void      kw_people_import_async   (KwStore               *store,
                                    GPtrArray             *people,
                                    KwImportPolicy         policy,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data);
gboolean  kw_people_import_finish  (KwStore               *store,
                                    GAsyncResult          *result,
                                    KwPeopleImportCounts  *counts,
                                    GError               **error);

G_END_DECLS
