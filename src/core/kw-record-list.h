/* kw-record-list.h: a GListModel of the records of one type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backed by an array of row ids from one SQL query (filters and sort in
 * SQL); records are read lazily in get_item() with a small cache. The
 * list refreshes itself when the store changes, with one items-changed.
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
KwStore      *kw_record_list_get_store       (KwRecordList *self);
const char   *kw_record_list_get_type_name   (KwRecordList *self);
void          kw_record_list_set_search      (KwRecordList *self,
                                              const char   *search);
void          kw_record_list_set_key_figures_only (KwRecordList *self,
                                                   gboolean      key_figures);
void          kw_record_list_set_area        (KwRecordList *self,
                                              const char   *area_id);
void          kw_record_list_set_community   (KwRecordList *self,
                                              const char   *community);
void          kw_record_list_set_kind        (KwRecordList *self,
                                              const char   *kind);
void          kw_record_list_set_formal      (KwRecordList *self,
                                              int           formal);
void          kw_record_list_set_not_contacted_months (KwRecordList *self,
                                                       guint         months);
void          kw_record_list_set_sort        (KwRecordList *self,
                                              KwRecordSort  sort);
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
