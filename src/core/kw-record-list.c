/* kw-record-list.c: a GListModel of the records of one type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-record-list"

#include "config.h"

#include <string.h>

#include "kw-collate.h"
#include "kw-record-list.h"

#define CACHE_SIZE 256

/* Row ids and titles in ASCII lower case (keys->str + offsets[i]) of
 * the list without its search. Not changed once made: a search in a
 * thread holds a reference. */
typedef struct {
  GArray  *rids;
  GString *keys;
  GArray  *offsets;
} Base;

static void
base_clear (gpointer data)
{
  Base *base = data;

  g_array_unref (base->rids);
  g_string_free (base->keys, TRUE);
  g_array_unref (base->offsets);
}

static Base *
base_new (void)
{
  Base *base = g_atomic_rc_box_new0 (Base);

  base->rids = g_array_new (FALSE, FALSE, sizeof (gint64));
  base->keys = g_string_new (NULL);
  base->offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  return base;
}

static void
base_unref (Base *base)
{
  g_atomic_rc_box_release_full (base, base_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Base, base_unref)

struct _KwRecordList
{
  GObject             parent_instance;

  KwStore            *store;
  const KwEntityType *type;
  GArray             *rids;      /* gint64, in list order */
  GHashTable         *cache;     /* position + 1 → KwRecord */

  /* the list without its search, for searching as one types */
  Base               *base;      /* NULL: to be loaded */
  gboolean            loaded;    /* queried on first use */

  /* searching in a thread (kw_record_list_set_async) */
  gboolean            async;
  gboolean            new_rows_first;  /* kw_record_list_set_new_rows_first */
  gboolean            busy;
  KwStoreReader      *reader;
  gboolean            reader_tried;
  GCancellable       *job;       /* of the search running, or NULL */

  char               *search;
  GPtrArray          *filters;   /* KwQueryFilter, in field order */
  GPtrArray          *ranges;    /* KwQueryRange, in field order */
  char               *parent_id; /* kw_record_list_new_children */
  GStrv               text_fields;
  char               *text;
  char               *stale_type;
  char               *stale_field;
  char               *sort_field;
  GHashTable         *watched;   /* interned type names whose ::changed refresh it */
  KwQuery             query;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwRecordList, kw_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ITEMS_CHANGING,
  ROWS_REPLACING,
  N_SIGNALS
};

/* A change at least this large is made in two steps when the list's
 * new rows come first (kw_record_list_set_new_rows_first). */
#define LARGE_CHANGE 256

static guint signals[N_SIGNALS];

/* Helpers */

static void
query_filter_free (KwQueryFilter *filter)
{
  g_variant_unref (filter->value);
  g_free (filter);
}

static void
query_range_free (KwQueryRange *range)
{
  g_free (range->from);
  g_free (range->to);
  g_free (range);
}

/* The types whose changes can change the list or its rows, from the
 * registry: the type itself, the types its references point at (the
 * row shows their titles; an area takes its sub-areas), the types a row
 * shows records of (_kw_store_query_row_types), and the type of the
 * records that belong to it that it is filtered or sorted by. */
static void
update_watched (KwRecordList *self)
{
  const char * const *row = _kw_store_query_row_types (self->type);
  const char *dot = self->sort_field ? strchr (self->sort_field, '.') : NULL;

  g_hash_table_remove_all (self->watched);
  g_hash_table_add (self->watched, (gpointer) g_intern_string (self->type->name));
  for (guint i = 0; i < self->type->n_fields; i++)
    for (guint t = 0; self->type->fields[i].kind == KW_FIELD_REF && self->type->fields[i].targets[t]; t++)
      g_hash_table_add (self->watched, (gpointer) g_intern_string (self->type->fields[i].targets[t]));
  for (guint i = 0; row[i]; i++)
    g_hash_table_add (self->watched, (gpointer) g_intern_string (row[i]));
  if (self->stale_type != NULL)
    g_hash_table_add (self->watched, (gpointer) g_intern_string (self->stale_type));
  if (dot != NULL)
    {
      g_autofree char *child = g_strndup (self->sort_field, dot - self->sort_field);
      g_hash_table_add (self->watched, (gpointer) g_intern_string (child));
    }
}

typedef struct {
  guint  index;
  char  *key;
} Folded;

static int
compare_folded (gconstpointer a,
                gconstpointer b)
{
  const Folded *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  return c != 0 ? c : (x->index > y->index) - (x->index < y->index);
}

static void
append_row (Base       *to,
            Base       *from,
            guint       index)
{
  guint32 offset = to->keys->len;

  g_array_append_val (to->rids, g_array_index (from->rids, gint64, index));
  g_array_append_val (to->offsets, offset);
  g_string_append (to->keys, from->keys->str + g_array_index (from->offsets, guint32, index));
  g_string_append_c (to->keys, '\0');
}

/* SQL sorts by name COLLATE NOCASE, "Zeynep Şahin" after "Zeynep Vos";
 * the names with a letter outside ASCII are folded (kw-collate.c) and
 * merged into place among the others, which are in order already: the
 * cost is that of those few names and one pass (bench/contacts). */
static Base *
order_by_folded_names (Base *base)
{
  g_autoptr(GArray) folded = g_array_new (FALSE, FALSE, sizeof (Folded));
  g_autoptr(GArray) plain = g_array_sized_new (FALSE, FALSE, sizeof (guint), base->rids->len);
  Base *sorted;
  guint i = 0, j = 0;

  for (guint k = 0; k < base->rids->len; k++)
    {
      const char *key = base->keys->str + g_array_index (base->offsets, guint32, k);

      if (kw_collate_needs_fold (key))
        {
          Folded f = { k, kw_collate_fold (key) };
          g_array_append_val (folded, f);
        }
      else
        g_array_append_val (plain, k);
    }
  if (folded->len == 0)
    return g_atomic_rc_box_acquire (base);
  g_array_sort (folded, compare_folded);
  sorted = base_new ();
  while (i < plain->len || j < folded->len)
    {
      guint p = i < plain->len ? g_array_index (plain, guint, i) : 0;
      Folded *f = j < folded->len ? &g_array_index (folded, Folded, j) : NULL;

      if (f == NULL || (i < plain->len && strcmp (base->keys->str + g_array_index (base->offsets, guint32, p), f->key) <= 0))
        {
          append_row (sorted, base, p);
          i++;
        }
      else
        {
          append_row (sorted, base, f->index);
          j++;
        }
    }
  for (guint k = 0; k < folded->len; k++)
    g_free (g_array_index (folded, Folded, k).key);
  return sorted;
}

/* By last name: not in SQL (no index could serve it); keys made and
 * sorted when the list loads. */
static Base *
order_by_last_names (Base *base)
{
  g_autoptr(GArray) keyed = g_array_sized_new (FALSE, FALSE, sizeof (Folded), base->rids->len);
  Base *sorted = base_new ();

  for (guint k = 0; k < base->rids->len; k++)
    {
      Folded f = { k, kw_collate_last_name_key (base->keys->str + g_array_index (base->offsets, guint32, k)) };
      g_array_append_val (keyed, f);
    }
  g_array_sort (keyed, compare_folded);
  for (guint k = 0; k < keyed->len; k++)
    {
      append_row (sorted, base, g_array_index (keyed, Folded, k).index);
      g_free (g_array_index (keyed, Folded, k).key);
    }
  return sorted;
}

static gboolean
ensure_base (KwRecordList  *self,
             GError       **error)
{
  g_autoptr(Base) base = NULL;

  if (self->base != NULL)
    return TRUE;
  base = base_new ();
  if (!_kw_store_query_titles (self->store, self->type->name, &self->query,
                               base->rids, base->keys, base->offsets, error))
    return FALSE;
  if (self->query.sort_field == NULL && (self->query.sort_flags & KW_RECORD_SORT_LAST_NAME))
    {
      self->base = order_by_last_names (base);
      return TRUE;
    }
  if (self->query.sort_field == NULL && !(self->query.sort_flags & KW_RECORD_SORT_DESCENDING))
    {
      self->base = order_by_folded_names (base);
      return TRUE;
    }
  self->base = g_steal_pointer (&base);
  return TRUE;
}

static void
forget_base (KwRecordList *self)
{
  g_clear_pointer (&self->base, base_unref);
}

/* The rows of the list without its search that the search matches, in
 * the list's order: by the row ids the full-text index gave (matches),
 * or for a search shorter than a trigram, by substring of the titles
 * (as LIKE would). (The store's query leaves out pending deletes.) */
static GArray *
filter_base (Base         *base,
             const char   *trimmed,
             GHashTable   *matches,
             GCancellable *cancellable)
{
  g_autofree char *needle = g_ascii_strdown (trimmed, -1);
  GArray *rids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), *trimmed ? 0 : base->rids->len);

  for (guint i = 0; i < base->rids->len; i++)
    {
      gint64 *rid = &g_array_index (base->rids, gint64, i);
      const char *key = base->keys->str + g_array_index (base->offsets, guint32, i);

      if ((i & 0x3fff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      if (*trimmed == '\0' || (matches ? g_hash_table_contains (matches, rid) : strstr (key, needle) != NULL))
        g_array_append_val (rids, *rid);
    }
  return rids;
}

/* The search over the list without it: a keystroke costs a few ms with
 * 100,000 people (bench/contacts). */
static GArray *
search_base (KwRecordList  *self,
             GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (self->search ? self->search : ""));
  g_autoptr(GHashTable) matches = NULL;

  if (!ensure_base (self, error)
      || (*trimmed != '\0' && !_kw_store_query_match (self->store, self->type->name, trimmed, &matches, error)))
    return NULL;
  return filter_base (self->base, trimmed, matches, NULL);
}

static GArray *
query_rids (KwRecordList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *rids;

  self->query.search = self->search;
  self->query.filters = self->filters;
  self->query.ranges = self->ranges;
  self->query.parent_id = self->parent_id;
  self->query.text_fields = (const char * const *) self->text_fields;
  self->query.text = self->text;
  self->query.stale_type = self->stale_type;
  self->query.stale_field = self->stale_field;
  self->query.sort_field = self->sort_field;
  if (self->type->title_field != NULL)
    rids = search_base (self, &error);
  else
    rids = _kw_store_query_rids (self->store, self->type->name, &self->query, &error);
  if (rids == NULL)
    {
      g_warning ("could not list %s: %s", self->type->name, error->message);
      return g_array_new (FALSE, FALSE, sizeof (gint64));
    }
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

/* Forgets the records handed out at positions >= from. */
static void
forget_cached_from (KwRecordList *self,
                    guint         from)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (GPOINTER_TO_UINT (key) - 1 >= from)
      g_hash_table_iter_remove (&iter);
}

/* A large change with the new rows first: the new rows are inserted
 * before the old ones they replace (one items-changed that removes
 * nothing), ::rows-replacing says where they are, and the old rows are
 * removed (a second items-changed that adds nothing). GTK 4.8's list
 * view keeps its row widgets through the first step; when it is then
 * scrolled to the new rows it binds those widgets again to them
 * instead of making new ones, and it reads only the rows it shows: no
 * added item is looked for among all the new ones (bench/contacts,
 * "search-window"). Both lists are exact at every emission. */
static void
publish_new_rows_first (KwRecordList *self,
                        GArray       *old,
                        GArray       *new,
                        guint         start,
                        guint         removed,
                        guint         added)
{
  if (added > 0)
    {
      GArray *both = g_array_sized_new (FALSE, FALSE, sizeof (gint64), old->len + added);

      g_array_append_vals (both, old->data, start);
      g_array_append_vals (both, &g_array_index (new, gint64, start), added);
      g_array_append_vals (both, &g_array_index (old, gint64, start), old->len - start);
      g_signal_emit (self, signals[ITEMS_CHANGING], 0, start, 0, added);
      self->rids = both;
      g_hash_table_remove_all (self->cache);
      g_list_model_items_changed (G_LIST_MODEL (self), start, 0, added);
      g_signal_emit (self, signals[ROWS_REPLACING], 0, start, added);
    }
  else
    self->rids = g_array_ref (old);
  if (removed > 0)
    g_signal_emit (self, signals[ITEMS_CHANGING], 0, start + added, removed, 0);
  g_array_unref (self->rids);
  self->rids = new;
  forget_cached_from (self, start + added);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), start + added, removed, 0);
}

/* Puts the new row ids in place with one items-changed that covers the
 * rows that moved and the rows handed out (on screen, maybe changed);
 * ::items-changing comes first, while the list still has its old rows.
 * A large change may be made in two steps: publish_new_rows_first (). */
static void
publish (KwRecordList *self,
         GArray       *new)
{
  g_autoptr(GArray) old = self->rids;
  guint p = 0, s = 0, lo, hi, start, end_old, removed, added;
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
  removed = end_old > start ? end_old - start : 0;
  added = removed + new->len - old->len;
  /* (only an insert, or only a removal, keeps the rows on screen or
   * has none to bind again: one step) */
  if (self->new_rows_first && removed > 0 && added > 0 && MAX (removed, added) >= LARGE_CHANGE)
    {
      publish_new_rows_first (self, old, new, start, removed, added);
      return;
    }
  if (removed > 0 || added > 0)
    g_signal_emit (self, signals[ITEMS_CHANGING], 0, start, removed, added);
  self->rids = new;
  g_hash_table_remove_all (self->cache);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), start, removed, added);
}

/* Callbacks */

static void
on_store_changed_cb (KwStore      *store,
                     const char   *type_name,
                     KwRecordList *self)
{
  if (g_hash_table_contains (self->watched, g_intern_string (type_name)))
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
  forget_base (self);
  g_clear_object (&self->job);
  g_clear_pointer (&self->reader, _kw_store_reader_free);
  g_free (self->search);
  g_clear_pointer (&self->filters, g_ptr_array_unref);
  g_clear_pointer (&self->ranges, g_ptr_array_unref);
  g_free (self->parent_id);
  g_strfreev (self->text_fields);
  g_free (self->text);
  g_free (self->stale_type);
  g_free (self->stale_field);
  g_free (self->sort_field);
  g_clear_pointer (&self->watched, g_hash_table_unref);

  G_OBJECT_CLASS (kw_record_list_parent_class)->finalize (object);
}

static void
kw_record_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, KW_RECORD_LIST (object)->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_record_list_class_init (KwRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_record_list_finalize;
  object_class->get_property = kw_record_list_get_property;

  /* a search runs in a thread; the list shows the one before */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Before an items-changed, with the same position, removed and added,
   * while the list still has its old rows (for each of the two of a
   * large change with the new rows first). */
  signals[ITEMS_CHANGING] =
    g_signal_new ("items-changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  /* Between the two items-changed of a large change with the new rows
   * first (kw_record_list_set_new_rows_first): the new rows are at
   * position .. position + n_rows - 1, the old ones follow and are
   * removed next. A view shows the new rows now. */
  signals[ROWS_REPLACING] =
    g_signal_new ("rows-replacing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
kw_record_list_init (KwRecordList *self)
{
  self->rids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->filters = g_ptr_array_new_with_free_func ((GDestroyNotify) query_filter_free);
  self->ranges = g_ptr_array_new_with_free_func ((GDestroyNotify) query_range_free);
  self->watched = g_hash_table_new (NULL, NULL);
}

/* Public API */

KwRecordList *
kw_record_list_new (KwStore    *store,
                    const char *type_name)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  KwRecordList *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  self = g_object_new (KW_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  update_watched (self);
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  return self;  /* queried on first use */
}

KwRecordList *
kw_record_list_new_children (KwStore    *store,
                             const char *type_name,
                             const char *parent_field,
                             const char *parent_id)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  const KwField *f = type ? kw_entity_type_field (type, parent_field) : NULL;
  KwRecordList *self;

  g_return_val_if_fail (f != NULL && f->kind == KW_FIELD_REF, NULL);
  g_return_val_if_fail (parent_id != NULL, NULL);

  self = kw_record_list_new (store, type_name);
  self->query.parent_field = f->name;
  self->parent_id = g_strdup (parent_id);
  return self;
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

static void
set_busy (KwRecordList *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* A search in a thread now stands for nothing: a newer one, or the list
 * queried again, replaces it. */
static void
drop_job (KwRecordList *self)
{
  if (self->job != NULL)
    g_cancellable_cancel (self->job);
  g_clear_object (&self->job);
}

/* Runs the query again; when only the search changed, the list without
 * its search is still good. */
static void
requery (KwRecordList *self,
         gboolean      base_changed)
{
  if (base_changed)
    forget_base (self);
  drop_job (self);
  set_busy (self, FALSE);
  if (!self->loaded)
    return;  /* nobody has seen the list yet: the first look queries it */
  publish (self, query_rids (self));
}

typedef struct {
  Base          *base;
  char          *search;   /* trimmed */
  GHashTable    *matches;  /* from the main thread when there is no reader */
  KwStoreReader *reader;   /* the list's; it outlives the task */
  const char    *type_name;
} SearchJob;

static void
search_job_free (gpointer data)
{
  SearchJob *job = data;

  base_unref (job->base);
  g_free (job->search);
  g_clear_pointer (&job->matches, g_hash_table_unref);
  g_free (job);
}

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  SearchJob *job = data;
  g_autoptr(GHashTable) matches = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (job->reader != NULL && *job->search != '\0'
      && !_kw_store_reader_match (job->reader, job->type_name, job->search, &matches, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, filter_base (job->base, job->search, job->reader ? matches : job->matches,
                                            cancellable),
                         (GDestroyNotify) g_array_unref);
}

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  KwRecordList *self = KW_RECORD_LIST (source);
  g_autoptr(GArray) rids = g_task_propagate_pointer (G_TASK (result), NULL);

  /* a newer search, or the list queried again since: not this one */
  if (self->job == NULL || g_task_get_cancellable (G_TASK (result)) != self->job || rids == NULL)
    return;
  g_clear_object (&self->job);
  publish (self, g_steal_pointer (&rids));
  set_busy (self, FALSE);
}

/* A new search in a worker thread, over the list without its search
 * (made on the main thread first if a filter or the store changed); a
 * search still running is cancelled, its result dropped. The result is
 * published on the main thread with one items-changed. */
static void
search_async (KwRecordList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  SearchJob *job;

  if (!self->loaded || self->type->title_field == NULL || !ensure_base (self, &error))
    {
      requery (self, FALSE);
      return;
    }
  if (!self->reader_tried)
    {
      self->reader_tried = TRUE;
      self->reader = _kw_store_reader_new (self->store);
    }
  drop_job (self);
  job = g_new0 (SearchJob, 1);
  job->base = g_atomic_rc_box_acquire (self->base);
  job->search = g_strstrip (g_strdup (self->search ? self->search : ""));
  job->reader = self->reader;
  job->type_name = self->type->name;
  if (self->reader == NULL && *job->search != '\0'
      && !_kw_store_query_match (self->store, self->type->name, job->search, &job->matches, &error))
    {
      search_job_free (job);
      requery (self, FALSE);
      return;
    }
  self->job = g_cancellable_new ();
  task = g_task_new (self, self->job, on_search_done_cb, NULL);
  g_task_set_source_tag (task, search_async);
  g_task_set_task_data (task, job, search_job_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, search_thread);
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
  if (self->async)
    search_async (self);
  else
    requery (self, FALSE);
}

void
kw_record_list_set_search (KwRecordList *self,
                           const char   *search)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));
  replace_string (self, &self->search, search);
}

static gboolean
replace_owned (char       **slot,
               const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* The index of the entry for a field in filters or ranges (both start
 * with the field), or where it would go to keep them in field order. */
static guint
find_field (GPtrArray     *entries,
            const KwField *field,
            gboolean      *found)
{
  guint i = 0;

  while (i < entries->len && *(const KwField **) g_ptr_array_index (entries, i) < field)
    i++;
  *found = i < entries->len && *(const KwField **) g_ptr_array_index (entries, i) == field;
  return i;
}

static gboolean
same_strv (const char * const *a,
           const char * const *b)
{
  static const char * const none[] = { NULL };

  return g_strv_equal (a ? a : none, b ? b : none);
}

static gboolean
check_value (const KwField *f,
             GVariant      *value)
{
  if (f->kind == KW_FIELD_BOOL)
    return g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN);
  if (f->kind == KW_FIELD_ENUM || f->kind == KW_FIELD_REF)
    return g_variant_is_of_type (value, G_VARIANT_TYPE_STRING);
  return FALSE;
}

void
kw_record_list_set_filter (KwRecordList *self,
                           const char   *field,
                           GVariant     *value)
{
  g_autoptr(GVariant) sunk = value ? g_variant_ref_sink (value) : NULL;
  const KwField *f;
  KwQueryFilter *filter;
  gboolean found;
  guint i;

  g_return_if_fail (KW_IS_RECORD_LIST (self));
  f = kw_entity_type_field (self->type, field);
  g_return_if_fail (f != NULL);
  g_return_if_fail (sunk == NULL || check_value (f, sunk));

  if (sunk != NULL && g_variant_is_of_type (sunk, G_VARIANT_TYPE_STRING)
      && *g_variant_get_string (sunk, NULL) == '\0')
    g_clear_pointer (&sunk, g_variant_unref);
  i = find_field (self->filters, f, &found);
  if (found && sunk != NULL && g_variant_equal (((KwQueryFilter *) g_ptr_array_index (self->filters, i))->value, sunk))
    return;
  if (!found && sunk == NULL)
    return;
  if (found)
    g_ptr_array_remove_index (self->filters, i);
  if (sunk != NULL)
    {
      filter = g_new0 (KwQueryFilter, 1);
      filter->field = f;
      filter->value = g_steal_pointer (&sunk);
      g_ptr_array_insert (self->filters, i, filter);
    }
  kw_record_list_refresh (self);
}

void
kw_record_list_set_range (KwRecordList *self,
                          const char   *field,
                          const char   *from,
                          const char   *to)
{
  const KwField *f;
  KwQueryRange *range;
  gboolean found;
  guint i;

  g_return_if_fail (KW_IS_RECORD_LIST (self));
  f = kw_entity_type_field (self->type, field);
  g_return_if_fail (f != NULL && (f->kind == KW_FIELD_DATE || f->kind == KW_FIELD_DATETIME));

  from = from && *from ? from : NULL;
  to = to && *to ? to : NULL;
  i = find_field (self->ranges, f, &found);
  range = found ? g_ptr_array_index (self->ranges, i) : NULL;
  if ((range == NULL && from == NULL && to == NULL)
      || (range != NULL && g_strcmp0 (range->from, from) == 0 && g_strcmp0 (range->to, to) == 0))
    return;
  if (found)
    g_ptr_array_remove_index (self->ranges, i);
  if (from != NULL || to != NULL)
    {
      range = g_new0 (KwQueryRange, 1);
      range->field = f;
      range->from = g_strdup (from);
      range->to = g_strdup (to);
      g_ptr_array_insert (self->ranges, i, range);
    }
  kw_record_list_refresh (self);
}

void
kw_record_list_set_text_filter (KwRecordList       *self,
                                const char * const *fields,
                                const char         *text)
{
  gboolean changed;

  g_return_if_fail (KW_IS_RECORD_LIST (self));
  for (guint i = 0; fields != NULL && fields[i]; i++)
    g_return_if_fail (kw_entity_type_field (self->type, fields[i]) != NULL);

  changed = replace_owned (&self->text, text);
  if (!same_strv ((const char * const *) self->text_fields, fields))
    {
      g_strfreev (self->text_fields);
      self->text_fields = g_strdupv ((GStrv) fields);
      changed = changed || self->text != NULL;   /* other fields, no text: the same list */
    }
  if (changed)
    kw_record_list_refresh (self);
}

void
kw_record_list_set_stale (KwRecordList *self,
                          const char   *child_type,
                          const char   *date_field,
                          guint         months)
{
  const KwEntityType *child;
  gboolean changed;

  g_return_if_fail (KW_IS_RECORD_LIST (self));
  child = child_type ? kw_registry_lookup (child_type) : NULL;
  g_return_if_fail (months == 0 || (child != NULL && _kw_store_query_parent_ref (child, self->type) != NULL
                                    && kw_entity_type_field (child, date_field) != NULL));

  if (months == 0)
    child_type = date_field = NULL;
  changed = replace_owned (&self->stale_type, child_type);
  changed |= replace_owned (&self->stale_field, date_field);
  if (!changed && self->query.stale_months == months)
    return;
  self->query.stale_months = months;
  update_watched (self);
  kw_record_list_refresh (self);
}

void
kw_record_list_set_sort (KwRecordList      *self,
                         const char        *field,
                         KwRecordSortFlags  flags)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));

  if (g_strcmp0 (field, self->type->title_field) == 0)
    field = NULL;
  if (!replace_owned (&self->sort_field, field) && self->query.sort_flags == flags)
    return;
  self->query.sort_flags = flags;
  update_watched (self);
  kw_record_list_refresh (self);
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
kw_record_list_set_async (KwRecordList *self,
                          gboolean      async)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));
  self->async = !!async;
}

/* A large change (a new search, filter or sort) is made in two steps:
 * the new rows inserted before the old ones, ::rows-replacing, the old
 * ones removed (publish_new_rows_first ()). */
void
kw_record_list_set_new_rows_first (KwRecordList *self,
                                   gboolean      new_rows_first)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));
  self->new_rows_first = !!new_rows_first;
}

gboolean
kw_record_list_get_busy (KwRecordList *self)
{
  g_return_val_if_fail (KW_IS_RECORD_LIST (self), FALSE);
  return self->busy;
}

void
kw_record_list_refresh (KwRecordList *self)
{
  g_return_if_fail (KW_IS_RECORD_LIST (self));
  requery (self, TRUE);
}
