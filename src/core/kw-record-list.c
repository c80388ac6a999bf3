/* kw-record-list.c: a GListModel of the records of one type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-record-list"

#include "config.h"

#include <string.h>

#include "kw-record-list.h"

#define CACHE_SIZE 256

struct _KwRecordList
{
  GObject             parent_instance;

  KwStore            *store;
  const KwEntityType *type;
  GArray             *rids;      /* gint64, in list order */
  GHashTable         *cache;     /* position + 1 → KwRecord */
  GHashTable         *hidden;    /* rids left out */

  /* the list without its search, for searching as one types: row ids
   * and titles in ASCII lower case (keys->str + offsets[i]) */
  GArray             *base_rids;
  GString            *base_keys;
  GArray             *base_offsets;
  gboolean            base_valid;
  gboolean            loaded;    /* queried on first use */

  char               *search;
  char               *area;
  char               *community;
  char               *kind;
  KwQuery             query;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwRecordList, kw_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* The types whose changes can change the list or its rows. */
static const char * const person_related[] = { "person", "contact_moment", "affiliation", "area", NULL };
static const char * const organisation_related[] = { "organisation", "area", NULL };

/* Helpers */

static gboolean
ensure_base (KwRecordList  *self,
             GError       **error)
{
  if (self->base_valid)
    return TRUE;
  g_array_set_size (self->base_rids, 0);
  g_string_truncate (self->base_keys, 0);
  g_array_set_size (self->base_offsets, 0);
  if (!_kw_store_query_titles (self->store, self->type->name, &self->query,
                               self->base_rids, self->base_keys, self->base_offsets, error))
    return FALSE;
  self->base_valid = TRUE;
  return TRUE;
}

/* The search over the list without it: one query of the full-text
 * index for its row ids, or for a search shorter than a trigram, the
 * titles by substring (as LIKE would), in the list's order. A
 * keystroke costs a few ms with 100,000 people (bench/contacts). */
static GArray *
search_base (KwRecordList  *self,
             GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (self->search ? self->search : ""));
  g_autofree char *needle = g_ascii_strdown (trimmed, -1);
  g_autoptr(GHashTable) matches = NULL;
  GArray *rids;

  if (!ensure_base (self, error)
      || (*trimmed != '\0' && !_kw_store_query_match (self->store, self->type->name, trimmed, &matches, error)))
    return NULL;
  rids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), *trimmed ? 0 : self->base_rids->len);
  for (guint i = 0; i < self->base_rids->len; i++)
    {
      gint64 *rid = &g_array_index (self->base_rids, gint64, i);
      const char *key = self->base_keys->str + g_array_index (self->base_offsets, guint32, i);

      if (*trimmed == '\0' || (matches ? g_hash_table_contains (matches, rid) : strstr (key, needle) != NULL))
        g_array_append_val (rids, *rid);
    }
  return rids;
}

static GArray *
query_rids (KwRecordList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *rids;

  self->query.search = self->search;
  self->query.area = self->area;
  self->query.community = self->community;
  self->query.kind = self->kind;
  if (self->type->title_field != NULL)
    rids = search_base (self, &error);
  else
    rids = _kw_store_query_rids (self->store, self->type->name, &self->query, &error);
  if (rids == NULL)
    {
      g_warning ("could not list %s: %s", self->type->name, error->message);
      return g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  if (g_hash_table_size (self->hidden) > 0)
    for (guint i = rids->len; i > 0; i--)
      if (g_hash_table_contains (self->hidden, &g_array_index (rids, gint64, i - 1)))
        g_array_remove_index (rids, i - 1);
  return rids;
}

static void
ensure_loaded (KwRecordList *self)
{
  if (self->loaded)
    return;
  self->loaded = TRUE;
  g_array_unref (self->rids);
  self->rids = query_rids (self);
}

/* The span of positions that were handed out (and may be on screen). */
static gboolean
get_cached_span (KwRecordList *self,
                 guint        *lo,
                 guint        *hi)
{
  GHashTableIter iter;
  gpointer key;

  *lo = G_MAXUINT;
  *hi = 0;
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint pos = GPOINTER_TO_UINT (key) - 1;

      *lo = MIN (*lo, pos);
      *hi = MAX (*hi, pos);
    }
  return *lo != G_MAXUINT;
}

static void
emit_changes (KwRecordList *self,
              GArray       *old,
              GArray       *new)
{
  guint p = 0, s = 0, lo, hi, start, end_old;
  guint n = MIN (old->len, new->len);

  while (p < n && g_array_index (old, gint64, p) == g_array_index (new, gint64, p))
    p++;
  while (s < n - p && g_array_index (old, gint64, old->len - 1 - s)
                      == g_array_index (new, gint64, new->len - 1 - s))
    s++;
  start = p;
  end_old = old->len - s;
  if (get_cached_span (self, &lo, &hi))
    {
      start = MIN (start, lo);
      end_old = MAX (end_old, MIN (hi + 1, old->len));
    }
  g_hash_table_remove_all (self->cache);
  if (end_old > start || new->len != old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), start, end_old - start,
                                end_old - start + new->len - old->len);
}

/* Callbacks */

static void
on_store_changed_cb (KwRecordList *self,
                     const char   *type_name)
{
  kw_record_list_refresh (self);
}

/* GListModel */

static GType
kw_record_list_get_item_type (GListModel *model)
{
  return KW_TYPE_RECORD;
}

static guint
kw_record_list_get_n_items (GListModel *model)
{
  KwRecordList *self = KW_RECORD_LIST (model);

  ensure_loaded (self);
  return self->rids->len;
}

static gpointer
kw_record_list_get_item (GListModel *model,
                         guint       position)
{
  KwRecordList *self = KW_RECORD_LIST (model);
  KwRecord *record;

  ensure_loaded (self);
  if (position >= self->rids->len)
    return NULL;
  record = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position + 1));
  if (record != NULL)
    return g_object_ref (record);
  record = _kw_store_query_record (self->store, self->type->name,
                                   g_array_index (self->rids, gint64, position));
  if (record == NULL)  /* gone since the last refresh: a placeholder */
    return kw_record_new (self->type, "00000000-0000-0000-0000-000000000000");
  if (g_hash_table_size (self->cache) >= CACHE_SIZE)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (position + 1), g_object_ref (record));
  return record;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kw_record_list_get_item_type;
  iface->get_n_items = kw_record_list_get_n_items;
  iface->get_item = kw_record_list_get_item;
}

/* GObject */

static void
kw_record_list_finalize (GObject *object)
{
  KwRecordList *self = (KwRecordList *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->base_rids, g_array_unref);
  g_clear_pointer (&self->base_offsets, g_array_unref);
  if (self->base_keys != NULL)
    g_string_free (g_steal_pointer (&self->base_keys), TRUE);
  g_free (self->search);
  g_free (self->area);
  g_free (self->community);
  g_free (self->kind);

  G_OBJECT_CLASS (kw_record_list_parent_class)->finalize (object);
}

static void
kw_record_list_class_init (KwRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_record_list_finalize;
}

static void
kw_record_list_init (KwRecordList *self)
{
  self->rids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->base_rids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->base_keys = g_string_new (NULL);
  self->base_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->query.formal = -1;
}

/* Public API */

KwRecordList *
kw_record_list_new (KwStore    *store,
                    const char *type_name)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  const char * const *related;
  KwRecordList *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  self = g_object_new (KW_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  related = strcmp (type->name, "person") == 0 ? person_related
          : strcmp (type->name, "organisation") == 0 ? organisation_related : NULL;
  for (guint i = 0; related != NULL && related[i]; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", related[i], NULL);
      g_signal_connect_swapped (store, signal, G_CALLBACK (on_store_changed_cb), self);
    }
  if (related == NULL)
    {
      g_autofree char *signal = g_strconcat ("changed::", type->name, NULL);
      g_signal_connect_swapped (store, signal, G_CALLBACK (on_store_changed_cb), self);
    }
  return self;  /* queried on first use */
}

KwStore *
kw_record_list_get_store (KwRecordList *self)
{
  g_return_val_if_fail (KW_IS_RECORD_LIST (self), NULL);
  return self->store;
}

const char *
kw_record_list_get_type_name (KwRecordList *self)
{
  g_return_val_if_fail (KW_IS_RECORD_LIST (self), NULL);
  return self->type->name;
}

/* Runs the query again; when only the search or the hidden records
 * changed, the list without its search is still good. */
static void
requery (KwRecordList *self,
         gboolean      base_changed)
{
  g_autoptr(GArray) old = NULL;

  if (base_changed)
    self->base_valid = FALSE;
  if (!self->loaded)
    return;  /* nobody has seen the list yet: the first look queries it */
  old = g_steal_pointer (&self->rids);
  self->rids = query_rids (self);
  emit_changes (self, old, self->rids);
}

static void
replace_string (KwRecordList  *self,
                char         **slot,
                const char    *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  requery (self, slot != &self->search);
}

void
kw_record_list_set_search (KwRecordList *self,
                           const char   *search)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));
  replace_string (self, &self->search, search);
}

void
kw_record_list_set_area (KwRecordList *self,
                         const char   *area_id)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));
  replace_string (self, &self->area, area_id);
}

void
kw_record_list_set_community (KwRecordList *self,
                              const char   *community)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));
  replace_string (self, &self->community, community);
}

void
kw_record_list_set_kind (KwRecordList *self,
                         const char   *kind)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));
  replace_string (self, &self->kind, kind);
}

void
kw_record_list_set_key_figures_only (KwRecordList *self,
                                     gboolean      key_figures)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));

  if (self->query.key_figures == !!key_figures)
    return;
  self->query.key_figures = !!key_figures;
  kw_record_list_refresh (self);
}

void
kw_record_list_set_formal (KwRecordList *self,
                           int           formal)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));

  formal = formal < 0 ? -1 : !!formal;
  if (self->query.formal == formal)
    return;
  self->query.formal = formal;
  kw_record_list_refresh (self);
}

void
kw_record_list_set_not_contacted_months (KwRecordList *self,
                                         guint         months)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));

  if (self->query.not_contacted_months == months)
    return;
  self->query.not_contacted_months = months;
  kw_record_list_refresh (self);
}

void
kw_record_list_set_sort (KwRecordList *self,
                         KwRecordSort  sort)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));

  if (self->query.sort == sort)
    return;
  self->query.sort = sort;
  kw_record_list_refresh (self);
}

void
kw_record_list_set_hidden (KwRecordList *self,
                           const char   *id,
                           gboolean      hidden)
{
  gint64 rid;

  g_return_if_fail (KW_IS_RECORD_LIST (self));

  rid = _kw_store_query_rid (self->store, self->type->name, id);
  if (rid < 0 || g_hash_table_contains (self->hidden, &rid) == !!hidden)
    return;
  if (hidden)
    g_hash_table_add (self->hidden, g_memdup2 (&rid, sizeof rid));
  else
    g_hash_table_remove (self->hidden, &rid);
  requery (self, FALSE);
}

guint
kw_record_list_find (KwRecordList *self,
                     const char   *id)
{
  gint64 rid;

  g_return_val_if_fail (KW_IS_RECORD_LIST (self), G_MAXUINT);

  ensure_loaded (self);
  rid = _kw_store_query_rid (self->store, self->type->name, id);
  for (guint i = 0; rid >= 0 && i < self->rids->len; i++)
    if (g_array_index (self->rids, gint64, i) == rid)
      return i;
  return G_MAXUINT;
}

void
kw_record_list_refresh (KwRecordList *self)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));
  requery (self, TRUE);
}
