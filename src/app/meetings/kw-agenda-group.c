/* kw-agenda-group.c: a meeting's agenda, in the order of its positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agenda items of a meeting (a KwChildGroup: each an expander row
 * whose fields are edited in place), ordered by their fractional
 * position (then id, as plan-next has it). An item moves by its Move Up /
 * Move Down buttons, Alt+Up / Alt+Down on its row, or dragged onto
 * another row (kw-agenda-row.c): it alone gets a new position between
 * its new neighbours (kw_position_between), so two laptops' reorders
 * merge; the move is announced in a toast. The planned minutes are
 * summed against the meeting's length, with a warning when they overrun
 * it ("12 minutes over"). An entry row at the end adds an item.
 */
#define G_LOG_DOMAIN "kw-agenda-group"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-agenda-group.h"
#include "kw-agenda-row.h"
#include "kw-enum-labels.h"
#include "kw-position.h"
#include "kw-view.h"

struct _KwAgendaGroup
{
  KwChildGroup parent_instance;

  GPtrArray *items;     /* KwRecord, in order */
  GtkWidget *total_row;
  GtkWidget *add_row;
  AdwToast  *toast;     /* the last move's, while it shows */
  gboolean   overrun;
};

G_DEFINE_FINAL_TYPE (KwAgendaGroup, kw_agenda_group, KW_TYPE_CHILD_GROUP)

/* Helpers */

static KwStore *
get_store (KwAgendaGroup *self)
{
  return kw_child_group_get_store (KW_CHILD_GROUP (self));
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (kw_agenda_row_get_id (widget) != NULL)
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static guint
index_of (KwAgendaGroup *self,
          const char    *id)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (kw_record_get_id (g_ptr_array_index (self->items, i)), id) == 0)
      return i;
  return G_MAXUINT;
}

/* The meeting's length in minutes, or -1 without a start and an end. */
static gint64
meeting_minutes (KwAgendaGroup *self)
{
  const char *id = kw_child_group_get_parent_id (KW_CHILD_GROUP (self));
  g_autoptr(KwRecord) meeting = id ? kw_store_get (get_store (self), "meeting", id, NULL) : NULL;
  const char *s = meeting ? kw_record_get_string (meeting, "starts_at") : NULL;
  const char *e = meeting ? kw_record_get_string (meeting, "ends_at") : NULL;
  g_autoptr(GDateTime) start = s ? g_date_time_new_from_iso8601 (s, NULL) : NULL;
  g_autoptr(GDateTime) end = e ? g_date_time_new_from_iso8601 (e, NULL) : NULL;

  if (start == NULL || end == NULL)
    return -1;
  return g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE;
}

static void
update_total (KwAgendaGroup *self)
{
  gint64 planned = 0, length = meeting_minutes (self);
  g_autofree char *title = NULL;
  g_autofree char *over = NULL;

  for (guint i = 0; i < self->items->len; i++)
    planned += kw_record_get_int (g_ptr_array_index (self->items, i), "minutes_planned");
  self->overrun = length >= 0 && planned > length;
  if (length >= 0)
    /* Translators: "75 of 90 minutes planned" */
    title = g_strdup_printf (_("%d of %d minutes planned"), (int) planned, (int) length);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute planned", "%d minutes planned", (gulong) planned), (int) planned);
  if (self->overrun)
    /* Translators: the agenda runs over the meeting's time by this much */
    over = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute over", "%d minutes over", (gulong) (planned - length)),
                            (int) (planned - length));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->total_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), over ? over : "");
  if (self->overrun)
    gtk_widget_add_css_class (self->total_row, "warning");
  else
    gtk_widget_remove_css_class (self->total_row, "warning");
}

static void
update_rows (KwAgendaGroup *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (self), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      guint at = index_of (self, kw_agenda_row_get_id (rows->pdata[i]));

      if (at != G_MAXUINT)
        kw_agenda_row_update (rows->pdata[i], g_ptr_array_index (self->items, at), at, self->items->len);
    }
}

static void
on_toast_dismissed_cb (AdwToast      *toast,
                       KwAgendaGroup *self)
{
  if (self->toast == toast)
    g_clear_object (&self->toast);
}

/* "“Begroting” moved to place 2 of 4", in a toast (read out too). */
static void
announce_move (KwAgendaGroup *self,
               KwRecord      *item,
               guint          index)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), KW_TYPE_VIEW);
  g_autofree char *title = kw_record_dup_title (item);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  /* Translators: an agenda item moved: "“Begroting” moved to place 2 of 4" */
  g_autofree char *text = g_strdup_printf (_("“%s” moved to place %u of %u"), escaped, index + 1, self->items->len);

  if (self->toast != NULL)
    {
      adw_toast_set_title (self->toast, text);
      return;
    }
  if (view == NULL)
    return;
  self->toast = g_object_ref (adw_toast_new (text));
  adw_toast_set_timeout (self->toast, 3);
  g_signal_connect_object (self->toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, 0);
  kw_view_show_toast (KW_VIEW (view), self->toast);
}

/* Callbacks */

static void
on_items_changed_cb (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     KwAgendaGroup *self)
{
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (self->items, g_list_model_get_item (model, i));
  update_rows (self);
  update_total (self);
}

static void
on_store_changed_cb (KwAgendaGroup *self,
                     const char    *type_name)
{
  if (g_str_equal (type_name, "meeting"))
    update_total (self);
}

static void
on_add_apply_cb (AdwEntryRow   *row,
                 KwAgendaGroup *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (*title == '\0')
    return;
  if ((id = kw_agenda_group_add (self, title, &error)) == NULL)
    g_warning ("agenda item: %s", error->message);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* KwChildGroup */

static int
kw_agenda_group_compare (KwChildGroup *group,
                         KwRecord     *x,
                         KwRecord     *y)
{
  const char *px = kw_record_get_string (x, "position"), *py = kw_record_get_string (y, "position");
  int c;

  if ((px == NULL) != (py == NULL))
    return px == NULL ? 1 : -1;
  if ((c = g_strcmp0 (px, py)) != 0)
    return c;
  return strcmp (kw_record_get_id (x), kw_record_get_id (y));
}

/* The position is the order; notes and decision are the minutes'. */
static gboolean
kw_agenda_group_shows_field (KwChildGroup  *group,
                             const KwField *field)
{
  return !g_str_equal (field->name, "position") && !g_str_equal (field->name, "notes")
         && !g_str_equal (field->name, "decision");
}

/* "Fatima Yilmaz · 20 minutes · Discussion · Standing item" */
static char *
kw_agenda_group_dup_subtitle (KwChildGroup *group,
                              KwRecord     *item)
{
  const KwEntityType *type = kw_registry_lookup ("agenda_item");
  const char *presenter = kw_record_get_string (item, "presenter");
  const char *kind = kw_record_get_string (item, "kind");
  gint64 minutes = kw_record_get_int (item, "minutes_planned");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (presenter != NULL)
    g_ptr_array_add (parts, kw_child_group_dup_party_title (group, kw_entity_type_field (type, "presenter"), presenter));
  if (minutes > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", (gulong) minutes), (int) minutes));
  if (kind != NULL)
    g_ptr_array_add (parts, g_strdup (kw_enum_label (kw_entity_type_field (type, "kind"), kind)));
  if (kw_record_get_bool (item, "standing"))
    g_ptr_array_add (parts, g_strdup (_("Standing item")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
kw_agenda_group_setup_row (KwChildGroup   *group,
                           AdwExpanderRow *row)
{
  kw_agenda_row_setup (row);
}

static void
kw_agenda_group_update_row (KwChildGroup   *group,
                            AdwExpanderRow *row,
                            KwRecord       *item)
{
  KwAgendaGroup *self = KW_AGENDA_GROUP (group);
  guint at = index_of (self, kw_record_get_id (item));

  /* the index is made right once the model has changed (update_rows) */
  kw_agenda_row_update (row, item, at == G_MAXUINT ? 0 : at, self->items->len);
}

/* GObject */

static void
kw_agenda_group_dispose (GObject *object)
{
  KwAgendaGroup *self = KW_AGENDA_GROUP (object);
  KwStore *store = get_store (self);

  if (store != NULL)
    g_signal_handlers_disconnect_by_data (store, self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->toast);

  G_OBJECT_CLASS (kw_agenda_group_parent_class)->dispose (object);
}

static void
kw_agenda_group_constructed (GObject *object)
{
  KwAgendaGroup *self = KW_AGENDA_GROUP (object);
  GtkWidget *form = gtk_list_box_new ();

  G_OBJECT_CLASS (kw_agenda_group_parent_class)->constructed (object);

  kw_child_group_set_texts (KW_CHILD_GROUP (self), _("Agenda"), _("No agenda items yet"), NULL,
                            _("Remove “%s” from the agenda"));
  g_signal_connect_object (kw_child_group_get_model (KW_CHILD_GROUP (self)), "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, 0);
  g_signal_connect_object (get_store (self), "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (form), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (form, "boxed-list");
  gtk_widget_set_margin_top (form, 12);
  self->total_row = adw_action_row_new ();
  gtk_widget_add_css_class (self->total_row, "numeric");
  gtk_list_box_append (GTK_LIST_BOX (form), self->total_row);
  self->add_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add an agenda item"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->add_row), TRUE);
  g_signal_connect_object (self->add_row, "apply", G_CALLBACK (on_add_apply_cb), self, 0);
  g_signal_connect_object (self->add_row, "entry-activated", G_CALLBACK (on_add_apply_cb), self, 0);
  gtk_list_box_append (GTK_LIST_BOX (form), self->add_row);
  kw_child_group_set_form (KW_CHILD_GROUP (self), form);
  update_total (self);
}

static void
kw_agenda_group_class_init (KwAgendaGroupClass *klass)
{
  KwChildGroupClass *group_class = KW_CHILD_GROUP_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = kw_agenda_group_constructed;
  G_OBJECT_CLASS (klass)->dispose = kw_agenda_group_dispose;
  group_class->compare = kw_agenda_group_compare;
  group_class->shows_field = kw_agenda_group_shows_field;
  group_class->dup_subtitle = kw_agenda_group_dup_subtitle;
  group_class->setup_row = kw_agenda_group_setup_row;
  group_class->update_row = kw_agenda_group_update_row;
}

static void
kw_agenda_group_init (KwAgendaGroup *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

GtkWidget *
kw_agenda_group_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_AGENDA_GROUP, "store", store, "child-type", "agenda_item", NULL);
}

void
kw_agenda_group_set_meeting (KwAgendaGroup *self,
                             const char    *meeting_id)
{
  g_return_if_fail (KW_IS_AGENDA_GROUP (self));

  kw_child_group_set_parent (KW_CHILD_GROUP (self), meeting_id ? "meeting" : NULL, meeting_id);
  update_total (self);
}

char *
kw_agenda_group_add (KwAgendaGroup *self,
                     const char    *title,
                     GError       **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", NULL);
  KwRecord *last = NULL;
  g_autofree char *position = NULL;

  g_return_val_if_fail (KW_IS_AGENDA_GROUP (self), NULL);

  last = self->items->len ? g_ptr_array_index (self->items, self->items->len - 1) : NULL;
  position = kw_position_between (last ? kw_record_get_string (last, "position") : NULL, NULL);
  kw_changeset_set_string (changes, "meeting", kw_child_group_get_parent_id (KW_CHILD_GROUP (self)));
  kw_changeset_set_string (changes, "title", title);
  if (position != NULL)
    kw_changeset_set_string (changes, "position", position);
  return kw_store_create (get_store (self), changes, error);
}

gboolean
kw_agenda_group_move (KwAgendaGroup *self,
                      const char    *item_id,
                      int            delta)
{
  guint at;

  g_return_val_if_fail (KW_IS_AGENDA_GROUP (self), FALSE);

  at = index_of (self, item_id);
  if (at == G_MAXUINT || (delta < 0 && at < (guint) -delta) || at + delta >= self->items->len)
    return FALSE;
  return kw_agenda_group_move_to (self, item_id, at + delta);
}

gboolean
kw_agenda_group_move_to (KwAgendaGroup *self,
                         const char    *item_id,
                         guint          index)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", NULL);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (item_id);
  g_autofree char *position = NULL;
  g_autoptr(KwRecord) moved = NULL;
  GtkWidget *row;
  guint at;

  g_return_val_if_fail (KW_IS_AGENDA_GROUP (self), FALSE);

  if ((at = index_of (self, id)) == G_MAXUINT || at == index || index >= self->items->len)
    return FALSE;
  moved = g_object_ref (g_ptr_array_index (self->items, at));
  /* its new neighbours among the others */
  for (guint i = 0; i < self->items->len; i++)
    if (i != at)
      g_ptr_array_add (others, g_ptr_array_index (self->items, i));
  position = kw_position_between (index > 0 ? kw_record_get_string (others->pdata[index - 1], "position") : NULL,
                                  index < others->len ? kw_record_get_string (others->pdata[index], "position") : NULL);
  if (position == NULL)
    return FALSE;
  kw_changeset_set_string (changes, "position", position);
  if (!kw_store_update (get_store (self), id, changes, &error))
    {
      g_warning ("agenda item %s: %s", id, error->message);
      return FALSE;
    }
  /* the rows were made again: the focus back on the moved one */
  if ((row = kw_agenda_group_get_row (self, id)) != NULL && !gtk_widget_grab_focus (row))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
  announce_move (self, moved, index_of (self, id));
  return TRUE;
}

gboolean
kw_agenda_group_drop (KwAgendaGroup *self,
                      const char    *item_id,
                      const char    *onto_id)
{
  guint onto;

  g_return_val_if_fail (KW_IS_AGENDA_GROUP (self), FALSE);

  if ((onto = index_of (self, onto_id)) == G_MAXUINT)
    return FALSE;
  return kw_agenda_group_move_to (self, item_id, onto);
}

GtkWidget *
kw_agenda_group_get_row (KwAgendaGroup *self,
                         const char    *item_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_return_val_if_fail (KW_IS_AGENDA_GROUP (self), NULL);

  collect_rows (GTK_WIDGET (self), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (kw_agenda_row_get_id (rows->pdata[i]), item_id) == 0)
      return rows->pdata[i];
  return NULL;
}

GPtrArray *
kw_agenda_group_get_items (KwAgendaGroup *self)
{
  g_return_val_if_fail (KW_IS_AGENDA_GROUP (self), NULL);
  return self->items;
}

GtkWidget *
kw_agenda_group_get_total_row (KwAgendaGroup *self)
{
  g_return_val_if_fail (KW_IS_AGENDA_GROUP (self), NULL);
  return self->total_row;
}

gboolean
kw_agenda_group_get_overrun (KwAgendaGroup *self)
{
  g_return_val_if_fail (KW_IS_AGENDA_GROUP (self), FALSE);
  return self->overrun;
}
