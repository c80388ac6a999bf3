/* kw-agenda-row.c: the widgets of one agenda item's row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an agenda group (KwAgendaGroup) adds to the expander row
 * KwChildGroup makes for an item: a mark when the item is standing,
 * Move Up / Move Down buttons, Alt+Up / Alt+Down on the row, and a drag
 * source and drop target, so that an item dragged onto another takes
 * its place. Each move is kw_agenda_group_move_to(): one write of the
 * moved item's position.
 */
#define G_LOG_DOMAIN "kw-agenda-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-agenda-group.h"
#include "kw-agenda-row.h"

typedef struct
{
  char      *id;
  guint      index;
  GtkWidget *up;
  GtkWidget *down;
  GtkWidget *standing;
} AgendaRow;

static void
agenda_row_free (AgendaRow *data)
{
  g_free (data->id);
  g_free (data);
}

static AgendaRow *
get_data (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "kw-agenda-row");
}

static KwAgendaGroup *
get_group (GtkWidget *row)
{
  return KW_AGENDA_GROUP (gtk_widget_get_ancestor (row, KW_TYPE_AGENDA_GROUP));
}

static gboolean
move_row (GtkWidget *row,
          int        delta)
{
  AgendaRow *data = get_data (row);
  KwAgendaGroup *group = get_group (row);

  return group != NULL && data->id != NULL && kw_agenda_group_move (group, data->id, delta);
}

static void
on_move_clicked_cb (GtkButton *button,
                    gpointer   delta)
{
  move_row (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW), GPOINTER_TO_INT (delta));
}

static gboolean
on_move_shortcut_cb (GtkWidget *row,
                     GVariant  *args,
                     gpointer   unused)
{
  return move_row (row, g_variant_get_int32 (args));
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkWidget     *row)
{
  AgendaRow *data = get_data (row);

  return data->id ? gdk_content_provider_new_typed (G_TYPE_STRING, data->id) : NULL;
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkWidget     *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GtkWidget     *row)
{
  AgendaRow *data = get_data (row);
  KwAgendaGroup *group = get_group (row);

  if (group == NULL || !G_VALUE_HOLDS_STRING (value) || data->id == NULL)
    return FALSE;
  return kw_agenda_group_drop (group, g_value_get_string (value), data->id);
}

static GtkWidget *
add_move_button (GtkWidget  *row,
                 const char *icon,
                 const char *tooltip,
                 int         delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, delta < 0 ? _("Move Up") : _("Move Down"), -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked_cb), GINT_TO_POINTER (delta));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  return button;
}

static void
add_shortcut (GtkEventController *controller,
              guint               keyval,
              int                 delta)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keyval, GDK_ALT_MASK),
                                     gtk_callback_action_new (on_move_shortcut_cb, NULL, NULL), "i", delta));
}

static void
add_drag_and_drop (GtkWidget *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

/* Public API */

void
kw_agenda_row_setup (AdwExpanderRow *row)
{
  AgendaRow *data = g_new0 (AgendaRow, 1);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  g_object_set_data_full (G_OBJECT (row), "kw-agenda-row", data, (GDestroyNotify) agenda_row_free);
  /* actions show in the reverse order: [standing] [up] [down] [remove] */
  data->down = add_move_button (GTK_WIDGET (row), "go-down-symbolic", _("Move down (Alt+Down)"), +1);
  data->up = add_move_button (GTK_WIDGET (row), "go-up-symbolic", _("Move up (Alt+Up)"), -1);
  data->standing = gtk_image_new_from_icon_name ("view-refresh-symbolic");
  gtk_widget_set_tooltip_text (data->standing, _("Standing item: it comes back on every agenda"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->standing), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Standing item"), -1);
  gtk_widget_add_css_class (data->standing, "dim-label");
  adw_expander_row_add_action (row, data->standing);
  add_shortcut (shortcuts, GDK_KEY_Up, -1);
  add_shortcut (shortcuts, GDK_KEY_Down, +1);
  gtk_widget_add_controller (GTK_WIDGET (row), shortcuts);
  add_drag_and_drop (GTK_WIDGET (row));
}

void
kw_agenda_row_update (AdwExpanderRow *row,
                      KwRecord       *item,
                      guint           index,
                      guint           n_items)
{
  AgendaRow *data;

  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));
  g_return_if_fail ((data = get_data (GTK_WIDGET (row))) != NULL);

  if (g_strcmp0 (data->id, kw_record_get_id (item)) != 0)
    {
      g_free (data->id);
      data->id = g_strdup (kw_record_get_id (item));
    }
  data->index = index;
  gtk_widget_set_sensitive (data->up, index > 0);
  gtk_widget_set_sensitive (data->down, index + 1 < n_items);
  gtk_widget_set_visible (data->standing, kw_record_get_bool (item, "standing"));
}

const char *
kw_agenda_row_get_id (GtkWidget *row)
{
  AgendaRow *data;

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  data = get_data (row);
  return data ? data->id : NULL;
}
