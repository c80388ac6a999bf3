/* kw-people-importer.h: people from a contact file into the store, and back out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib only, shared by the application (which runs it in a thread) and
 * kwartier-cli. Matching is kw-people-match.h: a match by name is
 * updated, skipped or added anew as the policy says; a match by phone or
 * e-mail alone never changes the person here: the row is added as new
 * and reported as a possible duplicate. The import keeps a journal, so
 * that the whole of it can be undone in one transaction.
 */
#pragma once

#include <gio/gio.h>

#include "kw-people-match.h"
#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  KW_IMPORT_SKIP,     /* someone already here is left as is */
  KW_IMPORT_UPDATE,   /* their details are updated from the file */
  KW_IMPORT_CREATE,   /* added anyway, as a new person */
} KwImportPolicy;

typedef struct {
  KwImportPolicy  policy;            /* for rows that match by name */
  const char     *consent;           /* "public", "shared", "private" or NULL (not asked) */
  gboolean        create_organisations; /* else an unknown ORG goes into the notes */
  gboolean        dry_run;           /* everything rolled back at the end */
} KwPeopleImportOptions;

typedef enum {
  KW_PEOPLE_ROW_ADDED,       /* nobody matched: a new person */
  KW_PEOPLE_ROW_ADDED_ANEW,  /* matched by name, added as new (policy) */
  KW_PEOPLE_ROW_UPDATED,
  KW_PEOPLE_ROW_SKIPPED,
  KW_PEOPLE_ROW_DUPLICATE,   /* a possible duplicate, added as new */
} KwPeopleRowOutcome;

typedef struct {
  guint               row;       /* "_row": 1-based card or data row */
  char               *name;      /* as in the file */
  KwPeopleMatch       match;
  KwPeopleRowOutcome  outcome;
  char               *id;        /* the person added or updated */
  GStrv               changed;   /* updated: the fields that changed */
} KwPeopleImportRow;

typedef struct {
  guint       added;           /* added and added anew */
  guint       updated;
  guint       duplicates;      /* possible duplicates (also added, as new) */
  guint       skipped;
  GPtrArray  *rows;            /* KwPeopleImportRow, in file order */
  GPtrArray  *organisations;   /* names of the organisations created */
  GPtrArray  *unknown_areas;   /* names of areas not found (not created) */
  gboolean    undone;
  /*< private >*/
  GPtrArray  *journal;
  gint        ref_count;
} KwPeopleImportResult;

#define KW_TYPE_PEOPLE_IMPORT_RESULT (kw_people_import_result_get_type ())
GType                 kw_people_import_result_get_type (void) G_GNUC_CONST;
KwPeopleImportResult *kw_people_import_result_ref   (KwPeopleImportResult *result);
void                  kw_people_import_result_unref (KwPeopleImportResult *result);
/* "added N, updated N, possible duplicates N, skipped N" (data: not translated). */
char                 *kw_people_import_result_dup_summary (KwPeopleImportResult *result);
/* "row 3: Joëlle Buurvrouw matches Wim de Graaf (phone): possible
 * duplicate", for a row that matched; NULL for one that did not. */
char                 *kw_people_import_row_dup_line (const KwPeopleImportRow *row);
/* Whether the import wrote anything (there is something to undo). */
gboolean              kw_people_import_result_has_changes (KwPeopleImportResult *result);
/* How many people the import made (added, anew, duplicates). */
guint                 kw_people_import_result_get_n_new (KwPeopleImportResult *result);

/* "public", "shared", "private" or "not-asked" (→ NULL) into *consent. */
gboolean  kw_people_consent_from_string (const char   *text,
                                         const char  **consent,
                                         GError      **error);

/* The organisations (ORG, a CSV's Organisation) of these people that
 * are not in the store: the names to ask about before creating them. */
GPtrArray *kw_people_find_new_organisations (KwStore      *store,
                                             GPtrArray    *people,
                                             GError      **error);

/* Writes the people (GHashTables from kw-people-import.h; a "_policy" of
 * "skip", "update" or "new" overrides options->policy for that row) in
 * one transaction; rolled back on error, when cancelled, or for a dry
 * run. Returns what was done, with the journal for undo. */
KwPeopleImportResult *kw_people_import (KwStore                     *store,
                                        GPtrArray                   *people,
                                        const KwPeopleImportOptions *options,
                                        GCancellable                *cancellable,
                                        GError                     **error);
/* Undoes the whole import in one transaction: what it made becomes a
 * tombstone, what it updated gets its previous values back (as new
 * writes). Once only. */
gboolean  kw_people_import_undo (KwStore               *store,
                                 KwPeopleImportResult  *result,
                                 GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwPeopleImportResult, kw_people_import_result_unref)

G_END_DECLS
