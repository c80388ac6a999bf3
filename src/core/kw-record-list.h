/* kw-record-list.h: a GListModel of the records of one type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backed by an array of row ids from one SQL query (filters and sort in
 * SQL); records are read lazily in get_item() with a small cache. The
 * list refreshes itself when the store changes, with one items-changed:
 * on ::changed of its type, of the types its references point at, of
 * those a row shows (_kw_store_query_row_types) and of the type it is
 * filtered or sorted by (set_stale, set_sort), all from the registry.
 * The query runs on first use (the first get_n_items), not in _new(). A
 * search filters the list without it in memory (one full-text query for
 * the row ids, or titles by substring): a keystroke costs a few ms with
 * 100,000 people (bench/contacts).
 */
#pragma once

#include <gio/gio.h>

#include "kw-store.h"
#include "kw-store-query.h"

G_BEGIN_DECLS

#define KW_TYPE_RECORD_LIST (kw_record_list_get_type ())
G_DECLARE_FINAL_TYPE (KwRecordList, kw_record_list, KW, RECORD_LIST, GObject)

KwRecordList *kw_record_list_new             (KwStore      *store,
                                              const char   *type_name);
/* The records of @type_name whose reference @parent_field is exactly
 * @parent_id (the partners of an alliance, the agenda of a meeting). */
KwRecordList *kw_record_list_new_children    (KwStore      *store,
                                              const char   *type_name,
                                              const char   *parent_field,
                                              const char   *parent_id);
KwStore      *kw_record_list_get_store       (KwRecordList *self);
const char   *kw_record_list_get_type_name   (KwRecordList *self);
void          kw_record_list_set_search      (KwRecordList *self,
                                              const char   *search);
/* Only records whose @field equals @value: an ENUM or REF field and a
 * string, or a BOOL field and a boolean (no value counts as FALSE). A
 * reference to a type that nests (an area: its parent) takes that
 * record and all inside it. NULL (or "") takes the filter away. A
 * floating @value is sunk. */
void          kw_record_list_set_filter      (KwRecordList *self,
                                              const char   *field,
                                              GVariant     *value);
/* Only records whose DATE or DATETIME @field is from @from up to @to,
 * both inclusive and either NULL (open); @to counts as a prefix
 * ("2026-12" is up to the end of December). Both NULL: no range. */
void          kw_record_list_set_range       (KwRecordList *self,
                                              const char   *field,
                                              const char   *from,
                                              const char   *to);
/* Only records with @text (any case) in one of @fields (NULL-terminated);
 * NULL or "" text: all. */
void          kw_record_list_set_text_filter (KwRecordList       *self,
                                              const char * const *fields,
                                              const char         *text);
/* Only records none of whose @child_type records (those belonging to it
 * by their PARENT reference) has a @date_field in the last @months
 * months: not contacted for a year is ("contact_moment", "date", 12).
 * 0 months: all. */
void          kw_record_list_set_stale       (KwRecordList *self,
                                              const char   *child_type,
                                              const char   *date_field,
                                              guint         months);
/* By @field (NULL: the title, folded as kw-collate.c does), then by the
 * title; "child_type.field" sorts by the latest value of that field
 * among the records belonging to each one ("contact_moment.date":
 * by last contact). Ascending has empty values first, DESCENDING last. */
void          kw_record_list_set_sort        (KwRecordList      *self,
                                              const char        *field,
                                              KwRecordSortFlags  flags);
/* The position of a record, or G_MAXUINT. */
guint         kw_record_list_find            (KwRecordList *self,
                                              const char   *id);
void          kw_record_list_refresh         (KwRecordList *self);
/* A new search runs in a worker thread (a running one is cancelled):
 * the list keeps the rows of the search before until it is done, then
 * changes them with one items-changed on the main thread. Meanwhile
 * :busy is TRUE. Filters, the sort and the store's changes still query
 * at once. */
void          kw_record_list_set_async       (KwRecordList *self,
                                              gboolean      async);
gboolean      kw_record_list_get_busy        (KwRecordList *self);
/* A change of 256 rows or more that removes rows and adds rows is made
 * in two steps: the new rows are inserted before the old ones
 * (items-changed that removes nothing), ::rows-replacing (position,
 * n_rows) says where they are, and the old rows are removed
 * (items-changed that adds nothing). For GTK 4.8's list view, which
 * then binds its row widgets again instead of making new ones
 * (kw-contacts-view.c). Off by default. */
void          kw_record_list_set_new_rows_first (KwRecordList *self,
                                                 gboolean      new_rows_first);

G_END_DECLS
