/* kw-map-page.c: one stakeholder map: its power/interest grid and parties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwRecordPage of a stakeholder_map: its name, area and alliance, the
 * power/interest grid (KwPowerGrid) of its parties and, beside it (below
 * it in a narrow window: KwColumns), the same parties as an editable
 * list (KwMapPositions) for keyboard and screen-reader users; selecting in one selects in the other. A drop on
 * the grid is one kw_store_update of the map_position's influence and
 * interest. Parties come from the contacts (the list's add button) or
 * all at once from the alliance's partners. A new map is a draft, as a
 * new alliance is.
 */
#define G_LOG_DOMAIN "kw-map-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-columns.h"
#include "kw-map-page.h"
#include "kw-view.h"

struct _KwMapPage
{
  KwRecordPage         parent_instance;

  KwMapPositions      *positions;

  GtkWidget           *delete_button;
  AdwPreferencesGroup *details_group;
  KwPowerGrid         *grid;
  GtkWidget           *grid_box;
  AdwPreferencesGroup *notes_group;
};

G_DEFINE_FINAL_TYPE (KwMapPage, kw_map_page, KW_TYPE_RECORD_PAGE)

static const char * const detail_fields[] = { "name", "area", "alliance", NULL };

/* Helpers */

static void
show_toast (KwMapPage  *self,
            const char *text)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), KW_TYPE_VIEW);
  g_autofree char *title = g_markup_escape_text (text, -1);

  if (view != NULL)
    kw_view_show_toast (KW_VIEW (view), adw_toast_new (title));
}

static const char *
get_alliance (KwMapPage *self)
{
  KwRecordEditor *editor = kw_record_page_get_editor (KW_RECORD_PAGE (self));
  KwRecord *record = kw_record_editor_get_record (editor);

  return record != NULL && !kw_record_page_is_draft (KW_RECORD_PAGE (self))
         ? kw_record_get_string (record, "alliance") : NULL;
}

static void
update_grid (KwMapPage *self)
{
  kw_power_grid_set_parties (self->grid, kw_map_positions_dup_parties (self->positions));
}

/* Callbacks */

static void
on_positions_changed_cb (KwMapPage *self)
{
  update_grid (self);
}

static void
on_grid_moved_cb (KwMapPage  *self,
                  const char *id,
                  int         influence,
                  int         interest)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("map_position", NULL);
  g_autoptr(GError) error = NULL;

  kw_changeset_set_int (changes, "influence", influence);
  kw_changeset_set_int (changes, "interest", interest);
  if (!kw_store_update (kw_record_page_get_store (KW_RECORD_PAGE (self)), id, changes, &error))
    {
      show_toast (self, error->message);
      update_grid (self);  /* back where it is stored */
    }
}

static void
on_grid_selected_cb (KwMapPage *self)
{
  kw_map_positions_select (self->positions, kw_power_grid_get_selected (self->grid));
}

static void
on_row_selected_cb (KwMapPage  *self,
                    const char *id)
{
  kw_power_grid_set_selected (self->grid, id);
}

/* Actions */

static void
add_partners_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;
  gint added = kw_map_page_add_partners (KW_MAP_PAGE (widget), &error);
  g_autofree char *text = NULL;

  if (added < 0)
    show_toast (KW_MAP_PAGE (widget), error->message);
  else if (added == 0)
    show_toast (KW_MAP_PAGE (widget), _("Every partner of the alliance is on the map already"));
  else
    {
      text = g_strdup_printf (ngettext ("Added %d partner to the map", "Added %d partners to the map", added), added);
      show_toast (KW_MAP_PAGE (widget), text);
    }
}

static void
add_party_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkWidget *button = kw_child_group_get_add_button (KW_CHILD_GROUP (KW_MAP_PAGE (widget)->positions));

  if (gtk_widget_get_visible (button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
}

/* KwRecordPage */

static void
kw_map_page_reload (KwRecordPage *page,
                    KwRecord     *record,
                    gboolean      same)
{
  KwMapPage *self = KW_MAP_PAGE (page);
  KwStore *store = kw_record_page_get_store (page);
  const char * const areas[] = { "area", NULL };
  const char * const alliances[] = { "alliance", NULL };
  g_autofree char *area = kw_store_dup_reference_title (store, areas, kw_record_get_string (record, "area"));
  g_autofree char *alliance = kw_store_dup_reference_title (store, alliances, kw_record_get_string (record, "alliance"));
  guint n = kw_child_group_get_n_rows (KW_CHILD_GROUP (self->positions));
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (area != NULL)
    g_string_append_printf (subtitle, "%s · ", area);
  if (alliance != NULL)
    g_string_append_printf (subtitle, "%s · ", alliance);
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u party", "%u parties", n), n);
  kw_record_page_set_subtitle (page, subtitle->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholder-map.add-partners",
                                 kw_record_get_string (record, "alliance") != NULL);
  update_grid (self);
}

/* GObject */

static void
kw_map_page_constructed (GObject *object)
{
  KwMapPage *self = KW_MAP_PAGE (object);
  KwRecordPage *page = KW_RECORD_PAGE (object);

  G_OBJECT_CLASS (kw_map_page_parent_class)->constructed (object);

  self->positions = kw_map_positions_new (kw_record_page_get_store (page));
  kw_record_page_add_section (page, GTK_WIDGET (self->details_group), FALSE);
  /* the list beside the grid when the window is wide, under it when not */
  kw_record_page_set_maximum_width (page, 1200);
  kw_record_page_add_section (page, kw_columns_new (self->grid_box, GTK_WIDGET (self->positions), 840, 0.36), TRUE);
  kw_record_page_add_section (page, GTK_WIDGET (self->notes_group), FALSE);
  kw_record_page_add_section (page, self->delete_button, TRUE);
  kw_record_page_add_rows (page, self->details_group, detail_fields);
  kw_record_page_add_text_view (page, self->notes_group, "notes");
  kw_record_page_add_child_group (page, KW_CHILD_GROUP (self->positions));
  g_signal_connect_object (kw_child_group_get_model (KW_CHILD_GROUP (self->positions)), "items-changed",
                           G_CALLBACK (on_positions_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->positions, "row-selected", G_CALLBACK (on_row_selected_cb), self, G_CONNECT_SWAPPED);
}

static void
kw_map_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_MAP_PAGE);

  G_OBJECT_CLASS (kw_map_page_parent_class)->dispose (object);
}

static void
kw_map_page_class_init (KwMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kw_map_page_constructed;
  object_class->dispose = kw_map_page_dispose;
  KW_RECORD_PAGE_CLASS (klass)->reload = kw_map_page_reload;

  g_type_ensure (KW_TYPE_POWER_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/map/kw-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwMapPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KwMapPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, KwMapPage, grid);
  gtk_widget_class_bind_template_child (widget_class, KwMapPage, grid_box);
  gtk_widget_class_bind_template_child (widget_class, KwMapPage, notes_group);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_selected_cb);

  kw_record_page_class_install_actions (KW_RECORD_PAGE_CLASS (klass), "stakeholder-map");
  gtk_widget_class_install_action (widget_class, "stakeholder-map.add-partners", NULL, add_partners_action);
  gtk_widget_class_install_action (widget_class, "stakeholder-map.add-party", NULL, add_party_action);
}

static void
kw_map_page_init (KwMapPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

KwMapPage *
kw_map_page_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_MAP_PAGE, "store", store, "type-name", "stakeholder_map", NULL);
}

void
kw_map_page_set_id (KwMapPage  *self,
                    const char *id)
{
  g_return_if_fail (KW_IS_MAP_PAGE (self));
  kw_record_page_set_id (KW_RECORD_PAGE (self), id);
}

void
kw_map_page_start_draft (KwMapPage *self)
{
  g_return_if_fail (KW_IS_MAP_PAGE (self));

  kw_record_page_start_draft (KW_RECORD_PAGE (self), _("New Stakeholder Map"), _("Leave without adding a map"),
                              _("Add this map"));
}

gint
kw_map_page_add_partners (KwMapPage  *self,
                          GError    **error)
{
  const char *alliance;

  g_return_val_if_fail (KW_IS_MAP_PAGE (self), -1);

  if (kw_record_page_get_id (KW_RECORD_PAGE (self)) == NULL || (alliance = get_alliance (self)) == NULL)
    return 0;
  return kw_map_positions_add_partners (self->positions, alliance, error);
}

KwPowerGrid *
kw_map_page_get_grid (KwMapPage *self)
{
  g_return_val_if_fail (KW_IS_MAP_PAGE (self), NULL);
  return self->grid;
}

KwMapPositions *
kw_map_page_get_positions (KwMapPage *self)
{
  g_return_val_if_fail (KW_IS_MAP_PAGE (self), NULL);
  return self->positions;
}
