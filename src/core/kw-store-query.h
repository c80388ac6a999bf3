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

typedef enum {
  KW_RECORD_SORT_NAME,
  KW_RECORD_SORT_LAST_CONTACT,         /* newest first, never contacted last */
  KW_RECORD_SORT_LAST_CONTACT_OLDEST,  /* never contacted first, then oldest */
  KW_RECORD_SORT_LAST_NAME,            /* "de Wit" under W (sorted when loaded) */
} KwRecordSort;

typedef struct {
  const char   *search;           /* full-text search, or NULL */
  gboolean      key_figures;      /* person: key figures only */
  const char   *area;             /* id of an area, or NULL */
  const char   *community;        /* person: substring of languages or communities */
  const char   *kind;             /* organisation: its kind, or NULL */
  int           formal;           /* organisation: -1 any, 0 informal, 1 formal */
  guint         not_contacted_months; /* person: 0 = any */
  KwRecordSort  sort;
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
