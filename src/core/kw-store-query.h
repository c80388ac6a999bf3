/* kw-store-query.h: the queries behind the application's lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filtering and sorting happen in SQL: a list is an array of row ids
 * from one query, its records are read one by one when shown.
 */
#pragma once

#include <gio/gio.h>

#include "kw-store.h"

G_BEGIN_DECLS

/* How a list is sorted (kw_record_list_set_sort): ascending (empty
 * values first) unless DESCENDING (empty values last); LAST_NAME sorts
 * a title by its last name ("de Wit" under W, when the list loads). */
typedef enum {
  KW_RECORD_SORT_ASCENDING  = 0,
  KW_RECORD_SORT_DESCENDING = 1 << 0,
  KW_RECORD_SORT_LAST_NAME  = 1 << 1,
} KwRecordSortFlags;

/* Equality on a field: ENUM and REF a string, BOOL a boolean (no value
 * counts as FALSE). A REF to a type that nests (a REF of its own to
 * itself, as area.parent) takes the record and every one inside it. */
typedef struct {
  const KwField *field;
  GVariant      *value;
} KwQueryFilter;

/* A DATE or DATETIME between from and to (either may be NULL); both
 * inclusive, to as a prefix ("2026-12" is the whole of December). */
typedef struct {
  const KwField *field;
  char          *from;
  char          *to;
} KwQueryRange;

/* Everything but search is generic over the registry; all may be 0. */
typedef struct {
  const char         *search;        /* full-text search, or NULL */
  GPtrArray          *filters;       /* KwQueryFilter *, in field order, or NULL */
  GPtrArray          *ranges;        /* KwQueryRange *, in field order, or NULL */
  const char         *parent_field;  /* children: this REF equals parent_id exactly */
  const char         *parent_id;
  const char * const *text_fields;   /* one of them contains text (any case) */
  const char         *text;
  const char         *stale_type;    /* no record of stale_type belonging to it (its */
  const char         *stale_field;   /* PARENT reference) has stale_field in the last */
  guint               stale_months;  /* stale_months months; 0: no such filter */
  const char         *sort_field;    /* NULL: the title; a field; "type.field": the latest */
  KwRecordSortFlags   sort_flags;    /* field of the records of type belonging to it */
} KwQuery;

/* The last contact moment with a person ("YYYY-MM-DD"), or NULL. */
char      *kw_store_dup_last_contact (KwStore     *self,
                                      const char  *person_id);
/* For a row of a list: the name of the record's area and, for a
 * person, of an organisation the person is affiliated with. */
void       kw_store_query_summary    (KwStore     *self,
                                      const char  *type_name,
                                      const char  *id,
                                      char       **area,
                                      char       **organisation);

/* Two live people who may be the same: same e-mail, same phone, or a
 * very similar name in the same area. */
typedef struct {
  char        *a;
  char        *b;
  const char  *reason;  /* "email", "phone" or "name" */
} KwDuplicate;

void       kw_duplicate_free          (KwDuplicate *duplicate);
GPtrArray *kw_store_find_duplicates   (KwStore     *self,
                                       guint        limit,
                                       GError     **error);

/* A live person with this e-mail (any case), this phone number (spaces
 * and dashes aside) or else exactly this name (any case); NULL if none. */
char      *kw_store_find_person       (KwStore     *self,
                                       const char  *email,
                                       const char  *phone,
                                       const char  *name);

/* The types whose records a row of a list of @type shows beside its
 * own fields (kw_store_query_summary, kw_store_dup_last_contact): a
 * list listens to their ::changed. NULL-terminated, static. */
const char * const *_kw_store_query_row_types (const KwEntityType *type);
/* The PARENT reference of @child that points at @type, or NULL. */
const KwField *_kw_store_query_parent_ref (const KwEntityType *child,
                                           const KwEntityType *type);

/* For KwRecordList. */
GArray    *_kw_store_query_rids      (KwStore        *self,
                                      const char     *type_name,
                                      const KwQuery  *query,
                                      GError        **error);
/* The list of the query without its search: row ids in list order and
 * their titles in ASCII lower case (as LIKE compares), each key ending
 * in a NUL at its offset in keys. For searching as one types. */
gboolean   _kw_store_query_titles    (KwStore        *self,
                                      const char     *type_name,
                                      const KwQuery  *query,
                                      GArray         *rids,
                                      GString        *keys,
                                      GArray         *offsets,
                                      GError        **error);
/* The row ids (a set of gint64) the full-text index matches for a
 * search; *matches is NULL when the search has no word of three or
 * more characters (the index cannot answer: match titles instead). */
gboolean   _kw_store_query_match     (KwStore        *self,
                                      const char     *type_name,
                                      const char     *search,
                                      GHashTable    **matches,
                                      GError        **error);
/* A read-only connection of its own to the store's database, for the
 * list search in a worker thread (WAL lets it read beside the store's
 * connection); used by one thread at a time (it has a lock). NULL when
 * the database has no file. */
typedef struct _KwStoreReader KwStoreReader;

KwStoreReader *_kw_store_reader_new   (KwStore        *self);
void       _kw_store_reader_free     (KwStoreReader  *reader);
/* As _kw_store_query_match (), through the reader; stops early with
 * G_IO_ERROR_CANCELLED when cancellable is. */
gboolean   _kw_store_reader_match    (KwStoreReader  *reader,
                                      const char     *type_name,
                                      const char     *search,
                                      GHashTable    **matches,
                                      GCancellable   *cancellable,
                                      GError        **error);
KwRecord  *_kw_store_query_record    (KwStore        *self,
                                      const char     *type_name,
                                      gint64          rid);
gint64     _kw_store_query_rid       (KwStore        *self,
                                      const char     *type_name,
                                      const char     *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwDuplicate, kw_duplicate_free)

G_END_DECLS
