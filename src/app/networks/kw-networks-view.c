/* kw-networks-view.c: the Residents’ Networks view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of networks (a KwRecordList: search, kind and area filters in
 * SQL) beside the page of the chosen one; a network's page lists its
 * units, and a unit opens on a second level (its page, with Back to its
 * network). A member opens its unit. networks.show-load opens the
 * participation load overview (KwLoadWindow).
 */
#define G_LOG_DOMAIN "kw-networks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-list-pane.h"
#include "kw-load-window.h"
#include "kw-network-page.h"
#include "kw-network-row.h"
#include "kw-networks-view.h"
#include "kw-record-list.h"
#include "kw-unit-page.h"

struct _KwNetworksView
{
  KwView          parent_instance;

  KwStore        *store;
  KwRecordList   *networks;
  GPtrArray      *area_ids;      /* position - 1 in the area drop-down → id */
  char           *back_network;  /* Back from a unit goes there */
  KwNetworkPage  *network_page;
  KwUnitPage     *unit_page;

  GtkDropDown    *area_dropdown;
  GtkStack       *detail_stack;
  GtkDropDown    *kind_dropdown;
  AdwLeaflet     *leaflet;
  KwListPane     *list_pane;
};

G_DEFINE_FINAL_TYPE (KwNetworksView, kw_networks_view, KW_TYPE_VIEW)

/* Helpers */

static guint
chosen (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static void
load_areas (KwNetworksView *self)
{
  g_autoptr(GPtrArray) areas = kw_store_list (self->store, "area", NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  g_ptr_array_set_size (self->area_ids, 0);
  gtk_string_list_append (names, _("All areas"));
  for (guint i = 0; areas && i < areas->len; i++)
    {
      g_autofree char *title = kw_record_dup_title (g_ptr_array_index (areas, i));

      gtk_string_list_append (names, title);
      g_ptr_array_add (self->area_ids, g_strdup (kw_record_get_id (g_ptr_array_index (areas, i))));
    }
  gtk_drop_down_set_expression (self->area_dropdown, expression);
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (names));
}

static void
update_view_state (KwNetworksView *self)
{
  gboolean unit = g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "unit") == 0;
  gboolean folded = adw_leaflet_get_folded (self->leaflet)
                    && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;

  kw_view_set_can_go_back (KW_VIEW (self), unit || folded);
}

static void
show_detail (KwNetworksView *self,
             const char     *name)
{
  gtk_stack_set_visible_child_name (self->detail_stack, name);
  adw_leaflet_navigate (self->leaflet, g_str_equal (name, "none") ? ADW_NAVIGATION_DIRECTION_BACK
                                                                  : ADW_NAVIGATION_DIRECTION_FORWARD);
  update_view_state (self);
}

static KwNetworkPage *
ensure_network_page (KwNetworksView *self)
{
  if (self->network_page == NULL)
    {
      self->network_page = kw_network_page_new (self->store);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->network_page), "network");
    }
  return self->network_page;
}

static KwUnitPage *
ensure_unit_page (KwNetworksView *self)
{
  if (self->unit_page == NULL)
    {
      self->unit_page = kw_unit_page_new (self->store);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->unit_page), "unit");
    }
  return self->unit_page;
}

static void
open_network (KwNetworksView *self,
              const char     *id)
{
  kw_record_page_set_id (KW_RECORD_PAGE (ensure_network_page (self)), id);
  kw_list_pane_set_selected_id (self->list_pane, id);
  kw_list_pane_scroll_to_selected (self->list_pane);
  show_detail (self, "network");
}

static void
open_unit (KwNetworksView *self,
           const char     *id)
{
  g_autoptr(KwRecord) unit = kw_store_get (self->store, "network_unit", id, NULL);
  const char *network = unit ? kw_record_get_string (unit, "network") : NULL;

  if (unit == NULL)
    return;
  /* Back goes to its network: its page is set then, not now */
  g_free (self->back_network);
  self->back_network = g_strdup (network);
  kw_list_pane_set_selected_id (self->list_pane, network);
  kw_record_page_set_id (KW_RECORD_PAGE (ensure_unit_page (self)), id);
  show_detail (self, "unit");
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     KwNetworksView           *self)
{
  gtk_list_item_set_child (item, kw_network_row_new (self->store));
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    KwNetworksView           *self)
{
  kw_network_row_bind (KW_NETWORK_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

/* Callbacks */

static void
on_filter_changed_cb (KwNetworksView *self)
{
  const KwField *kinds = kw_entity_type_field (kw_registry_lookup ("network"), "kind");
  guint kind = chosen (self->kind_dropdown), area = chosen (self->area_dropdown);
  const char *area_id = area > 0 && area - 1 < self->area_ids->len ? g_ptr_array_index (self->area_ids, area - 1) : NULL;

  if (self->networks == NULL)
    return;
  kw_record_list_set_filter (self->networks, "kind", kind > 0 ? g_variant_new_string (kinds->values[kind - 1]) : NULL);
  kw_record_list_set_filter (self->networks, "area", area_id ? g_variant_new_string (area_id) : NULL);
  kw_list_pane_set_n_filters (self->list_pane, (kind > 0) + (area_id != NULL));
}

static void
on_clear_filters_cb (KwNetworksView *self)
{
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->area_dropdown, 0);
}

static char *
on_list_pane_format_count_cb (KwNetworksView *self,
                              guint           n)
{
  if (kw_list_pane_get_n_filters (self->list_pane) > 0 || kw_list_pane_get_searching (self->list_pane))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u network found", "%'u networks found", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u network", "%'u networks", n), n);
}

static void
on_list_pane_activate_cb (KwNetworksView *self,
                          const char     *type_name,
                          const char     *id)
{
  kw_view_open (KW_VIEW (self), type_name, id);
}

static void
on_leaflet_changed_cb (KwNetworksView *self)
{
  update_view_state (self);
}

static void
on_store_area_changed_cb (KwNetworksView *self)
{
  load_areas (self);
}

/* The record shown went (deleted here, by a sync, or its delete waits
 * for its undo toast): a unit's page goes back to its network, a
 * network's page closes. */
static void
on_store_record_changed_cb (KwNetworksView *self)
{
  const char *shown = gtk_stack_get_visible_child_name (self->detail_stack);
  gboolean unit = g_strcmp0 (shown, "unit") == 0;
  KwRecordPage *page = unit ? KW_RECORD_PAGE (self->unit_page)
                       : g_strcmp0 (shown, "network") == 0 ? KW_RECORD_PAGE (self->network_page) : NULL;
  g_autoptr(KwRecord) record = NULL;
  g_autoptr(KwRecord) network = NULL;

  if (page == NULL || kw_record_page_is_draft (page) || kw_record_page_get_id (page) == NULL)
    return;
  record = kw_store_get (self->store, kw_record_page_get_type_name (page), kw_record_page_get_id (page), NULL);
  if (record != NULL)
    return;
  network = unit && self->back_network ? kw_store_get (self->store, "network", self->back_network, NULL) : NULL;
  if (network != NULL)
    kw_view_go_back (KW_VIEW (self));
  else
    {
      kw_list_pane_set_selected_id (self->list_pane, NULL);
      show_detail (self, "none");
    }
}

static void
show_load_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KwNetworksView *self = KW_NETWORKS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_window_present (GTK_WINDOW (kw_load_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store)));
}

/* KwView */

static void
kw_networks_view_open (KwView     *view,
                       const char *type_name,
                       const char *id)
{
  KwNetworksView *self = KW_NETWORKS_VIEW (view);
  g_autoptr(KwRecord) member = NULL;

  if (g_strcmp0 (type_name, "network_member") == 0)
    {
      if ((member = kw_store_get (self->store, "network_member", id, NULL)) == NULL)
        return;
      type_name = "network_unit";
      id = kw_record_get_string (member, "unit");
    }
  if (g_strcmp0 (type_name, "network_unit") == 0)
    open_unit (self, id);
  else
    open_network (self, id);
}

static gboolean
kw_networks_view_new_record (KwView  *view,
                             GError **error)
{
  KwNetworksView *self = KW_NETWORKS_VIEW (view);

  KwNetworkPage *page = ensure_network_page (self);

  kw_list_pane_set_selected_id (self->list_pane, NULL);
  show_detail (self, "network");
  kw_network_page_start_draft (page);
  return TRUE;
}

static gboolean
kw_networks_view_go_back (KwView *view)
{
  KwNetworksView *self = KW_NETWORKS_VIEW (view);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "unit") == 0)
    {
      KwRecordPage *page = KW_RECORD_PAGE (ensure_network_page (self));

      if (self->back_network != NULL && g_strcmp0 (kw_record_page_get_id (page), self->back_network) != 0)
        kw_record_page_set_id (page, self->back_network);
      show_detail (self, kw_record_page_get_id (page) ? "network" : "none");
      return TRUE;
    }
  if (!kw_view_get_can_go_back (view))
    return FALSE;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  return TRUE;
}

/* GObject */

static void
kw_networks_view_constructed (GObject *object)
{
  KwNetworksView *self = KW_NETWORKS_VIEW (object);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  const KwField *kind = kw_entity_type_field (kw_registry_lookup ("network"), "kind");
  g_autoptr(GListModel) kinds = kw_enum_labels_model (kind, _("All kinds"));

  G_OBJECT_CLASS (kw_networks_view_parent_class)->constructed (object);

  self->store = g_object_ref (kw_view_get_store (KW_VIEW (self)));
  self->networks = kw_record_list_new (self->store, "network");
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  kw_list_pane_set_factory (self->list_pane, factory);
  kw_list_pane_set_model (self->list_pane, G_LIST_MODEL (self->networks));
  kw_list_pane_set_empty_state (self->list_pane, NULL, _("No Networks Yet"),
                                _("Add a stadsdorp, a residents’ platform or a tenants’ association, or import an export from a fellow organiser."),
                                _("_Add Network"));
  gtk_drop_down_set_model (self->kind_dropdown, kinds);
  load_areas (self);
  g_signal_connect_object (self->store, "changed::area", G_CALLBACK (on_store_area_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::network", G_CALLBACK (on_store_record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::network_unit", G_CALLBACK (on_store_record_changed_cb), self, G_CONNECT_SWAPPED);
  update_view_state (self);
}

static void
kw_networks_view_dispose (GObject *object)
{
  KwNetworksView *self = KW_NETWORKS_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_NETWORKS_VIEW);
  g_clear_object (&self->networks);

  G_OBJECT_CLASS (kw_networks_view_parent_class)->dispose (object);
}

static void
kw_networks_view_finalize (GObject *object)
{
  KwNetworksView *self = KW_NETWORKS_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->area_ids, g_ptr_array_unref);
  g_free (self->back_network);

  G_OBJECT_CLASS (kw_networks_view_parent_class)->finalize (object);
}

static void
kw_networks_view_class_init (KwNetworksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KwViewClass *view_class = KW_VIEW_CLASS (klass);

  object_class->constructed = kw_networks_view_constructed;
  object_class->dispose = kw_networks_view_dispose;
  object_class->finalize = kw_networks_view_finalize;
  view_class->open = kw_networks_view_open;
  view_class->new_record = kw_networks_view_new_record;
  view_class->go_back = kw_networks_view_go_back;

  g_type_ensure (KW_TYPE_LIST_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/networks/kw-networks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KwNetworksView, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwNetworksView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KwNetworksView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwNetworksView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KwNetworksView, list_pane);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_format_count_cb);
  gtk_widget_class_install_action (widget_class, "networks.show-load", NULL, show_load_action);
}

static void
kw_networks_view_init (KwNetworksView *self)
{
  static const char * const types[] = { "network", "network_unit", "network_member", NULL };
  KwView *view = KW_VIEW (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kw_list_pane_get_list_view (self->list_pane)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Residents’ networks"), -1);
  gtk_widget_set_name (GTK_WIDGET (self), "networks");
  kw_view_set_title (view, _("Residents’ Networks"));
  kw_view_set_icon_name (view, "user-home-symbolic");
  kw_view_set_types (view, types);
  kw_view_set_new_label (view, _("New Network"));
}

/* Public API */

GListModel *
kw_networks_view_get_list (KwNetworksView *self)
{
  g_return_val_if_fail (KW_IS_NETWORKS_VIEW (self), NULL);
  return G_LIST_MODEL (self->networks);
}

GtkWidget *
kw_networks_view_get_network_page (KwNetworksView *self)
{
  g_return_val_if_fail (KW_IS_NETWORKS_VIEW (self), NULL);
  return GTK_WIDGET (self->network_page);
}

GtkWidget *
kw_networks_view_get_unit_page (KwNetworksView *self)
{
  g_return_val_if_fail (KW_IS_NETWORKS_VIEW (self), NULL);
  return GTK_WIDGET (self->unit_page);
}

const char *
kw_networks_view_get_shown (KwNetworksView *self)
{
  g_return_val_if_fail (KW_IS_NETWORKS_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->detail_stack);
}
