/* kw-agenda-group.c: a meeting's agenda, in the order of its positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One expander row per agenda item, ordered by its fractional position
 * (then id, as plan-next has it); Move Up / Move Down buttons and
 * Alt+Up / Alt+Down give the item a new position between its new
 * neighbours (kw_position_between), the others keep theirs. Inside a
 * row: the planned minutes and the standing and next-time switches. The
 * planned minutes are summed against the meeting's length, with a
 * warning when they overrun it. An entry row at the end adds an item.
 */
#define G_LOG_DOMAIN "kw-agenda-group"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-agenda-group.h"
#include "kw-position.h"

struct _KwAgendaGroup
{
  AdwPreferencesGroup parent_instance;

  KwStore   *store;
  char      *meeting;
  GPtrArray *items;     /* KwRecord, in order */
  GPtrArray *rows;
  GtkWidget *total_row;
  GtkWidget *add_row;
  gboolean   overrun;
};

G_DEFINE_FINAL_TYPE (KwAgendaGroup, kw_agenda_group, ADW_TYPE_PREFERENCES_GROUP)

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

static void
update_field (KwAgendaGroup *self,
              const char    *id,
              const char    *field,
              GVariant      *value)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", NULL);
  g_autoptr(GVariant) sunk = g_variant_ref_sink (value);
  g_autoptr(GError) error = NULL;

  kw_changeset_set (changes, field, sunk, NULL);
  if (!kw_store_update (self->store, id, changes, &error))
    g_warning ("agenda item %s: %s", id, error->message);
}

static void
on_switch_cb (GtkSwitch     *widget,
              GParamSpec    *pspec,
              KwAgendaGroup *self)
{
  update_field (self, g_object_get_data (G_OBJECT (widget), "kw-id"), g_object_get_data (G_OBJECT (widget), "kw-field"),
                g_variant_new_boolean (gtk_switch_get_active (widget)));
}

static void
on_minutes_cb (GtkSpinButton *spin,
               KwAgendaGroup *self)
{
  update_field (self, g_object_get_data (G_OBJECT (spin), "kw-id"), "minutes_planned",
                g_variant_new_int64 (gtk_spin_button_get_value_as_int (spin)));
}

static void
on_move_clicked_cb (GtkButton     *button,
                    KwAgendaGroup *self)
{
  kw_agenda_group_move (self, g_object_get_data (G_OBJECT (button), "kw-id"),
                        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kw-delta")));
}

static gboolean
on_move_shortcut_cb (GtkWidget *row,
                     GVariant  *args,
                     gpointer   data)
{
  KwAgendaGroup *self = KW_AGENDA_GROUP (gtk_widget_get_ancestor (row, KW_TYPE_AGENDA_GROUP));

  return self && kw_agenda_group_move (self, g_object_get_data (G_OBJECT (row), "kw-id"), g_variant_get_int32 (args));
}

static GtkWidget *
add_move_button (KwAgendaGroup *self,
                 GtkWidget     *row,
                 const char    *icon,
                 const char    *tooltip,
                 const char    *id,
                 int            delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "kw-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (button), "kw-delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_move_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  return button;
}

static void
add_switch_row (KwAgendaGroup *self,
                GtkWidget     *row,
                KwRecord      *item,
                const char    *field,
                const char    *title)
{
  GtkWidget *inner = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (inner), title);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (widget), kw_record_get_bool (item, field));
  g_object_set_data_full (G_OBJECT (widget), "kw-id", g_strdup (kw_record_get_id (item)), g_free);
  g_object_set_data (G_OBJECT (widget), "kw-field", (gpointer) field);
  g_signal_connect_object (widget, "notify::active", G_CALLBACK (on_switch_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (inner), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (inner), widget);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), inner);
}

static GtkWidget *
make_row (KwAgendaGroup *self,
          KwRecord      *item,
          guint          index)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *inner = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 1440, 5);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  const char *id = kw_record_get_id (item);
  gint64 minutes = kw_record_get_int (item, "minutes_planned");
  g_autofree char *title = kw_record_dup_title (item);
  g_autofree char *subtitle = minutes > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", (gulong) minutes), (int) minutes)
                                          : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle ? subtitle : "");
  g_object_set_data_full (G_OBJECT (row), "kw-id", g_strdup (id), g_free);
  gtk_widget_set_sensitive (add_move_button (self, row, "go-up-symbolic", _("Move up (Alt+Up)"), id, -1), index > 0);
  gtk_widget_set_sensitive (add_move_button (self, row, "go-down-symbolic", _("Move down (Alt+Down)"), id, +1),
                            index + 1 < self->items->len);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                     gtk_callback_action_new (on_move_shortcut_cb, NULL, NULL), "i", -1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                     gtk_callback_action_new (on_move_shortcut_cb, NULL, NULL), "i", 1));
  gtk_widget_add_controller (row, shortcuts);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (inner), _("Minutes planned"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) minutes);
  g_object_set_data_full (G_OBJECT (spin), "kw-id", g_strdup (id), g_free);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_minutes_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (inner), spin);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), inner);
  add_switch_row (self, row, item, "standing", _("Standing item"));
  add_switch_row (self, row, item, "next_time", _("Next time on the agenda"));
  return row;
}

/* The meeting's length in minutes, or -1 without a start and an end. */
static gint64
meeting_minutes (KwAgendaGroup *self)
{
  g_autoptr(KwRecord) meeting = kw_store_get (self->store, "meeting", self->meeting, NULL);
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

  for (guint i = 0; i < self->items->len; i++)
    planned += kw_record_get_int (g_ptr_array_index (self->items, i), "minutes_planned");
  self->overrun = length >= 0 && planned > length;
  if (length >= 0)
    /* Translators: "75 of 90 minutes planned" */
    title = g_strdup_printf (_("%d of %d minutes planned"), (int) planned, (int) length);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute planned", "%d minutes planned", (gulong) planned), (int) planned);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->total_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row),
                               self->overrun ? _("The agenda runs over the meeting’s time") : "");
  if (self->overrun)
    gtk_widget_add_css_class (self->total_row, "warning");
  else
    gtk_widget_remove_css_class (self->total_row, "warning");
}

static void
reload (KwAgendaGroup *self)
{
  g_autoptr(GPtrArray) items = self->meeting ? kw_store_list_by_ref (self->store, "agenda_item", "meeting", self->meeting, NULL) : NULL;
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* the rows open before stay open (an edit inside one makes them again) */
  for (guint i = 0; i < self->rows->len; i++)
    if (adw_expander_row_get_expanded (g_ptr_array_index (self->rows, i)))
      g_hash_table_add (expanded, g_strdup (g_object_get_data (g_ptr_array_index (self->rows, i), "kw-id")));
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; items && i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));
  g_ptr_array_sort (self->items, compare_items);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->total_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->add_row);
  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *row = make_row (self, g_ptr_array_index (self->items, i), i);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                     g_hash_table_contains (expanded, kw_record_get_id (g_ptr_array_index (self->items, i))));
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->total_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);
  update_total (self);
}

static void
on_store_changed_cb (KwAgendaGroup *self,
                     const char    *type_name)
{
  if (g_str_equal (type_name, "agenda_item"))
    reload (self);
  else if (g_str_equal (type_name, "meeting"))
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

/* GObject */

static void
kw_agenda_group_dispose (GObject *object)
{
  KwAgendaGroup *self = KW_AGENDA_GROUP (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->total_row);
  g_clear_object (&self->add_row);

  G_OBJECT_CLASS (kw_agenda_group_parent_class)->dispose (object);
}

static void
kw_agenda_group_finalize (GObject *object)
{
  g_free (KW_AGENDA_GROUP (object)->meeting);

  G_OBJECT_CLASS (kw_agenda_group_parent_class)->finalize (object);
}

static void
kw_agenda_group_class_init (KwAgendaGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_agenda_group_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_agenda_group_finalize;
}

static void
kw_agenda_group_init (KwAgendaGroup *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Agenda"));
  /* kept while the item rows are made again before them */
  self->total_row = g_object_ref_sink (adw_action_row_new ());
  gtk_widget_add_css_class (self->total_row, "numeric");
  self->add_row = g_object_ref_sink (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add an agenda item"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->add_row), TRUE);
  g_signal_connect_object (self->add_row, "apply", G_CALLBACK (on_add_apply_cb), self, 0);
  g_signal_connect_object (self->add_row, "entry-activated", G_CALLBACK (on_add_apply_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->total_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);
}

/* Public API */

GtkWidget *
kw_agenda_group_new (KwStore *store)
{
  KwAgendaGroup *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_AGENDA_GROUP, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
kw_agenda_group_set_meeting (KwAgendaGroup *self,
                             const char    *meeting_id)
{
  g_return_if_fail (KW_IS_AGENDA_GROUP (self));

  g_free (self->meeting);
  self->meeting = g_strdup (meeting_id);
  reload (self);
}

char *
kw_agenda_group_add (KwAgendaGroup *self,
                     const char    *title,
                     GError       **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", NULL);
  KwRecord *last = self->items->len ? g_ptr_array_index (self->items, self->items->len - 1) : NULL;
  g_autofree char *position = kw_position_between (last ? kw_record_get_string (last, "position") : NULL, NULL);

  g_return_val_if_fail (KW_IS_AGENDA_GROUP (self), NULL);

  kw_changeset_set_string (changes, "meeting", self->meeting);
  kw_changeset_set_string (changes, "title", title);
  if (position != NULL)
    kw_changeset_set_string (changes, "position", position);
  return kw_store_create (self->store, changes, error);
}

gboolean
kw_agenda_group_move (KwAgendaGroup *self,
                      const char    *item_id,
                      int            delta)
{
  g_autofree char *position = NULL;
  g_autofree char *id = g_strdup (item_id);
  const char *before, *after;
  guint at = G_MAXUINT;
  int to;

  g_return_val_if_fail (KW_IS_AGENDA_GROUP (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (kw_record_get_id (g_ptr_array_index (self->items, i)), id) == 0)
      at = i;
  to = (int) at + delta;
  if (at == G_MAXUINT || to < 0 || to >= (int) self->items->len)
    return FALSE;
  /* its new neighbours: the one it passes and the one after that */
  before = delta < 0 ? (to > 0 ? kw_record_get_string (g_ptr_array_index (self->items, to - 1), "position") : NULL)
                     : kw_record_get_string (g_ptr_array_index (self->items, to), "position");
  after = delta < 0 ? kw_record_get_string (g_ptr_array_index (self->items, to), "position")
                    : (to + 1 < (int) self->items->len ? kw_record_get_string (g_ptr_array_index (self->items, to + 1), "position") : NULL);
  if ((position = kw_position_between (before, after)) == NULL)
    return FALSE;
  update_field (self, id, "position", g_variant_new_string (position));
  /* the rows were made again: the focus back on the moved one */
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->rows, i), "kw-id"), id) == 0)
      gtk_widget_grab_focus (g_ptr_array_index (self->rows, i));
  return TRUE;
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
