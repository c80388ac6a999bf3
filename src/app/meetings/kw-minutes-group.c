/* kw-minutes-group.c: a meeting's minutes, item by item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Aantekeningen en besluiten, under the meeting's own minutes (a group
 * of the meeting page): one KwAgendaItemMinutes per agenda item, in
 * the order of their positions (then id), as the agenda has them. A
 * change in the store reads the items again into the same rows, so that
 * what is being typed in one stays (a row is only made again when the
 * items or their order changed, and an open one stays open).
 */
#define G_LOG_DOMAIN "kw-minutes-group"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-agenda-item-minutes.h"
#include "kw-minutes-group.h"

struct _KwMinutesGroup
{
  AdwPreferencesGroup parent_instance;

  KwStore   *store;
  char      *meeting;
  GPtrArray *rows;     /* KwAgendaItemMinutes, in order */
  gboolean   locked;
};

G_DEFINE_FINAL_TYPE (KwMinutesGroup, kw_minutes_group, ADW_TYPE_PREFERENCES_GROUP)

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  KwRecord *x = *(KwRecord * const *) a, *y = *(KwRecord * const *) b;
  const char *px = kw_record_get_string (x, "position"), *py = kw_record_get_string (y, "position");
  int c;

  if ((px == NULL) != (py == NULL))
    return px == NULL ? 1 : -1;
  if ((c = g_strcmp0 (px, py)) != 0)
    return c;
  return strcmp (kw_record_get_id (x), kw_record_get_id (y));
}

/* Whether the rows show these items, in this order. */
static gboolean
same_items (KwMinutesGroup *self,
            GPtrArray      *items)
{
  if (items->len != self->rows->len)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (kw_record_get_id (g_ptr_array_index (items, i)),
                   kw_agenda_item_minutes_get_id (g_ptr_array_index (self->rows, i))) != 0)
      return FALSE;
  return TRUE;
}

static void
rebuild (KwMinutesGroup *self,
         GPtrArray      *items)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      KwAgendaItemMinutes *row = g_ptr_array_index (self->rows, i);

      if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (expanded, g_strdup (kw_agenda_item_minutes_get_id (row)));
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));
    }
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < items->len; i++)
    {
      KwRecord *item = g_ptr_array_index (items, i);
      GtkWidget *row = kw_agenda_item_minutes_new (self->store, item);

      kw_agenda_item_minutes_set_locked (KW_AGENDA_ITEM_MINUTES (row), self->locked);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (expanded, kw_record_get_id (item)));
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
}

static void
reload (KwMinutesGroup *self)
{
  g_autoptr(GPtrArray) items = self->meeting ? kw_store_list_by_ref (self->store, "agenda_item", "meeting", self->meeting, NULL) : NULL;

  if (items == NULL)
    items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_sort (items, compare_items);
  if (!same_items (self, items))
    rebuild (self, items);
  else
    for (guint i = 0; i < items->len; i++)
      kw_agenda_item_minutes_set_item (g_ptr_array_index (self->rows, i), g_ptr_array_index (items, i));
}

static void
on_store_changed_cb (KwMinutesGroup *self,
                     const char     *type_name)
{
  if (g_str_equal (type_name, "agenda_item"))
    reload (self);
}

/* GObject */

static void
kw_minutes_group_dispose (GObject *object)
{
  KwMinutesGroup *self = KW_MINUTES_GROUP (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_minutes_group_parent_class)->dispose (object);
}

static void
kw_minutes_group_finalize (GObject *object)
{
  g_free (KW_MINUTES_GROUP (object)->meeting);

  G_OBJECT_CLASS (kw_minutes_group_parent_class)->finalize (object);
}

static void
kw_minutes_group_class_init (KwMinutesGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_minutes_group_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_minutes_group_finalize;
}

static void
kw_minutes_group_init (KwMinutesGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Notes and Decisions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), _("Per agenda item, in the agenda’s order"));
}

/* Public API */

GtkWidget *
kw_minutes_group_new (KwStore *store)
{
  KwMinutesGroup *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_MINUTES_GROUP, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
kw_minutes_group_set_meeting (KwMinutesGroup *self,
                              const char     *meeting_id)
{
  g_return_if_fail (KW_IS_MINUTES_GROUP (self));

  if (g_strcmp0 (self->meeting, meeting_id) != 0)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      rebuild (self, none);  /* another meeting: no row stays open */
    }
  g_free (self->meeting);
  self->meeting = g_strdup (meeting_id);
  reload (self);
}

void
kw_minutes_group_set_locked (KwMinutesGroup *self,
                             gboolean        locked)
{
  g_return_if_fail (KW_IS_MINUTES_GROUP (self));

  self->locked = locked;
  for (guint i = 0; i < self->rows->len; i++)
    kw_agenda_item_minutes_set_locked (g_ptr_array_index (self->rows, i), locked);
}

GPtrArray *
kw_minutes_group_get_rows (KwMinutesGroup *self)
{
  g_return_val_if_fail (KW_IS_MINUTES_GROUP (self), NULL);
  return self->rows;
}
