/* kw-map-view.c: the Stakeholder Map view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The network of an area, an alliance or a stakeholder map (KwMapFilters,
 * with the relation kinds and "within N steps" of the selected node) as a
 * KwNetworkGraph, beside the Bridges list (kw_graph_bridges of what is
 * shown: single points of failure with the parts kw_graph_parts_without
 * finds) and the tense relations. Nothing is read on the main thread:
 * kw-map-load.c reads, filters and lays out the graph in a thread on a
 * read connection of the view's own, then finds its bridges in another,
 * under the view's own spinner, not the window's busy page. A party
 * dragged on a map keeps its place (map_position x, y: one write per
 * drop); elsewhere it moves for the session only. A record of the
 * view's types opens the read-only summary window.
 */
#define G_LOG_DOMAIN "kw-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-map-export.h"
#include "kw-map-filters.h"
#include "kw-map-load.h"
#include "kw-map-page.h"
#include "kw-map-panel.h"
#include "kw-map-render.h"
#include "kw-map-view.h"
#include "kw-record-chooser.h"

struct _KwMapView
{
  KwView          parent_instance;

  KwStore        *store;
  KwStore        *read_store;   /* the loads' own connection */
  KwGraph       **box;          /* the shown graph, shared with the bridges' thread */
  KwGraph        *graph;        /* *box: laid out, shown */
  KwGraphBridges *bridges;      /* NULL until found */
  GCancellable   *cancellable;  /* of the load or bridges running */
  char           *title;        /* "Osdorp", "All areas" */
  char           *centre;       /* "within N steps" of this node's id */
  char           *status;
  gboolean        dirty;        /* to load once shown */
  gboolean        writing;      /* our own write: no reload */
  gboolean        told_session; /* "moved for this session" said once */

  AdwPreferencesGroup *bridges_group;
  GtkListBox     *bridges_list;
  GtkWidget      *details_name;
  GtkWidget      *details_text;
  AdwStatusPage  *empty_page;
  KwMapFilters   *filters;
  KwNetworkGraph *graph_widget;
  GtkStack       *graph_stack;
  GtkDrawingArea *legend_area;
  GtkListBox     *matches_list;
  GtkEditable    *node_search;
  GtkSpinner     *spinner;
  GtkLabel       *status_label;
  GtkListBox     *tense_list;
  GtkMenuButton  *grids_button;
  GtkStack       *pages;        /* "network", "grid" (the map page) */
  KwMapPage      *page;         /* made when first opened */
  GHashTable     *area_names;   /* the graph's areas: id → name */
};

G_DEFINE_FINAL_TYPE (KwMapView, kw_map_view, KW_TYPE_VIEW)

static void
set_status (KwMapView  *self,
            const char *status)
{
  g_free (self->status);
  self->status = g_strdup (status);
  gtk_label_set_text (self->status_label, status);
}

static void
update_details (KwMapView *self)
{
  gint selected = kw_network_graph_get_selected (self->graph_widget);
  gboolean any = kw_map_panel_describe (self->graph, self->bridges, self->area_names, selected,
                                        GTK_LABEL (self->details_name), GTK_LABEL (self->details_text));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.open-selected", any);
  kw_map_filters_set_can_centre (self->filters, selected >= 0);
}

static gboolean
finished (GAsyncResult *res,
          GError       *error)
{
  return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
         !g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (res)));
}

static void
show_counts (KwMapView *self)
{
  g_autofree char *status = kw_map_panel_dup_status (self->graph, self->title, kw_map_filters_get_kinds (self->filters),
                                                     self->centre, kw_map_filters_get_steps (self->filters));

  set_status (self, status);
}

static void
on_bridges_done_cb (GObject      *source,
                    GAsyncResult *res,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) words = NULL;
  KwGraphBridges *bridges = kw_map_bridges_finish (res, &words, &error);
  KwMapView *self;

  if (!finished (res, error))
    {
      g_clear_pointer (&bridges, kw_graph_bridges_free);
      return;  /* self may be gone */
    }
  self = KW_MAP_VIEW (user_data);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  if (bridges == NULL)
    {
      set_status (self, error->message);
      return;
    }
  self->bridges = bridges;
  kw_map_panel_fill (self->bridges_list, self->tense_list, self->graph, self->bridges, self->area_names, words);
  update_details (self);
}

static void
on_load_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) area_names = NULL;
  KwGraph *graph = kw_map_load_finish (res, &area_names, &error);
  KwMapView *self;

  if (!finished (res, error))
    {
      g_clear_pointer (&graph, kw_graph_free);
      return;  /* self may be gone */
    }
  self = KW_MAP_VIEW (user_data);
  if (graph == NULL)
    {
      g_clear_object (&self->cancellable);
      gtk_spinner_stop (self->spinner);
      set_status (self, error->message);
      return;
    }
  kw_network_graph_set_graph (self->graph_widget, NULL);
  g_clear_pointer (&self->box, kw_map_box_unref);
  g_clear_pointer (&self->bridges, kw_graph_bridges_free);
  g_clear_pointer (&self->area_names, g_hash_table_unref);
  self->box = kw_map_box_new (self->graph = graph);
  self->area_names = g_steal_pointer (&area_names);
  kw_network_graph_set_graph (self->graph_widget, self->graph);
  kw_network_graph_select (self->graph_widget, kw_graph_lookup (self->graph, self->centre));
  kw_map_panel_fill (self->bridges_list, self->tense_list, self->graph, NULL, self->area_names, NULL);
  kw_map_panel_fill_matches (self->matches_list, self->graph, gtk_editable_get_text (self->node_search));
  update_details (self);
  show_counts (self);
  gtk_stack_set_visible_child_name (self->graph_stack, self->graph->nodes->len > 0 ? "graph" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export", self->graph->nodes->len > 0);
  kw_map_bridges_async (self->box, self->area_names, self->cancellable, on_bridges_done_cb, self);
}

/* The title of what is shown and the words above the Bridges list. */
static void
describe_restriction (KwMapView          *self,
                      KwGraphRestriction  restriction,
                      const char         *id)
{
  g_autofree char *bridges = NULL;

  g_free (self->title);
  self->title = kw_map_panel_dup_title (self->store, restriction, id, &bridges);
  adw_preferences_group_set_title (self->bridges_group, bridges);
}

static void
reload (KwMapView *self)
{
  g_autoptr(GError) error = NULL;
  KwMapQuery *query;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->dirty = TRUE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "grid") == 0)
    return;  /* the network loads once shown again (on_pages_changed_cb) */
  if (kw_store_get_busy (self->store) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;  /* on the store's ::changed, or once shown */
  self->dirty = FALSE;
  if (self->read_store == NULL && (self->read_store = kw_store_open (kw_store_get_path (self->store), &error)) == NULL)
    {
      set_status (self, error->message);
      return;
    }
  query = g_new0 (KwMapQuery, 1);
  query->restriction = kw_map_filters_get_restriction (self->filters, (const char **) &query->id);
  query->id = g_strdup (query->id);
  query->kinds = kw_map_filters_get_kinds (self->filters);
  query->steps = kw_map_filters_get_steps (self->filters);
  query->centre = g_strdup (self->centre);
  describe_restriction (self, query->restriction, query->id);
  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export", FALSE);
  set_status (self, _("Drawing the network…"));
  kw_map_load_async (self->read_store, query, self->cancellable, on_load_done_cb, self);
}

/* Callbacks */

static void
on_filters_changed_cb (KwMapView *self)
{
  gint selected = kw_network_graph_get_selected (self->graph_widget);

  if (kw_map_filters_get_steps (self->filters) == 0)
    g_clear_pointer (&self->centre, g_free);
  else if (selected >= 0 && self->graph != NULL)
    {
      g_free (self->centre);
      self->centre = g_strdup (((KwGraphNode *) g_ptr_array_index (self->graph->nodes, selected))->id);
    }
  reload (self);
}

static void
on_search_changed_cb (KwMapView *self)
{
  kw_map_panel_fill_matches (self->matches_list, self->graph, gtk_editable_get_text (self->node_search));
}

static void
on_store_changed_cb (KwMapView *self)
{
  if (self->writing)
    return;
  kw_map_filters_reload (self->filters);
  reload (self);
}

static void
on_map_cb (KwMapView *self)
{
  if (self->dirty)
    reload (self);
}

static void
on_selected_cb (KwMapView *self)
{
  update_details (self);
}

static void
on_node_moved_cb (KwMapView *self,
                  guint      index)
{
  const char *map_id = NULL;
  g_autoptr(GError) error = NULL;
  gboolean stored;

  if (kw_map_filters_get_restriction (self->filters, &map_id) != KW_GRAPH_MAP || map_id == NULL)
    {
      if (!self->told_session)
        kw_view_show_toast (KW_VIEW (self), adw_toast_new (_("Moved for this session only: positions are kept on a stakeholder map")));
      self->told_session = TRUE;
      return;
    }
  self->writing = TRUE;
  stored = kw_map_store_position (self->store, map_id, g_ptr_array_index (self->graph->nodes, index), &error);
  self->writing = FALSE;
  if (!stored)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      kw_view_show_toast (KW_VIEW (self), adw_toast_new (escaped));
    }
}

static void
on_row_activated_cb (KwMapView     *self,
                     GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "node-id");

  if (id != NULL && self->graph != NULL)
    {
      kw_network_graph_select (self->graph_widget, kw_graph_lookup (self->graph, id));
      gtk_widget_grab_focus (GTK_WIDGET (self->graph_widget));
    }
}

/* The power/interest grid of a stakeholder map (kw-map-page.c) */

static KwMapPage *
ensure_page (KwMapView *self)
{
  if (self->page == NULL)
    {
      self->page = kw_map_page_new (self->store);
      gtk_stack_add_named (self->pages, GTK_WIDGET (self->page), "grid");
    }
  return self->page;
}

static void
on_pages_changed_cb (KwMapView *self)
{
  gboolean grid = g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "grid") == 0;

  kw_view_set_can_go_back (KW_VIEW (self), grid);
  if (!grid && self->dirty)
    reload (self);
}

static void
on_grid_chosen_cb (KwMapView  *self,
                   const char *type_name,
                   const char *id)
{
  gtk_menu_button_popdown (self->grids_button);
  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(ss)", type_name, id);
}

/* The Grids button: a chooser of the stakeholder maps. */
static void
setup_grids_button (KwMapView *self)
{
  static const char * const maps[] = { "stakeholder_map", NULL };
  KwRecordChooser *chooser = kw_record_chooser_new (self->store, maps, FALSE);

  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_grid_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->grids_button, GTK_WIDGET (chooser));
}

/* Actions */

static void
open_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KwMapView *self = KW_MAP_VIEW (widget);
  gint index = kw_network_graph_get_selected (self->graph_widget);
  KwGraphNode *node;

  if (index < 0 || self->graph == NULL)
    return;
  node = g_ptr_array_index (self->graph->nodes, index);
  gtk_widget_activate_action (widget, "win.open-record", "(ss)", node->type, node->id);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  if (KW_MAP_VIEW (widget)->graph != NULL)
    kw_map_export_choose (KW_MAP_VIEW (widget));
}

/* KwView */

static void
kw_map_view_open (KwView     *view,
                  const char *type_name,
                  const char *id)
{
  KwMapView *self = KW_MAP_VIEW (view);

  if (g_strcmp0 (type_name, "stakeholder_map") == 0)
    {
      kw_map_page_set_id (ensure_page (self), id);
      gtk_stack_set_visible_child_name (self->pages, "grid");
      return;
    }
  kw_view_show_summary (view, type_name, id);
}

static gboolean
kw_map_view_new_record (KwView  *view,
                        GError **error)
{
  KwMapView *self = KW_MAP_VIEW (view);

  kw_map_page_start_draft (ensure_page (self));
  gtk_stack_set_visible_child_name (self->pages, "grid");
  return TRUE;
}

static gboolean
kw_map_view_go_back (KwView *view)
{
  KwMapView *self = KW_MAP_VIEW (view);

  if (!kw_view_get_can_go_back (view))
    return FALSE;
  gtk_stack_set_visible_child_name (self->pages, "network");
  return TRUE;
}

/* Public */

void
kw_map_view_set_area (KwMapView  *self,
                      const char *area_id)
{
  g_return_if_fail (KW_IS_MAP_VIEW (self));
  kw_map_filters_set_restriction (self->filters, area_id ? KW_GRAPH_AREA : KW_GRAPH_ALL, area_id);
}

KwMapFilters *
kw_map_view_get_filters (KwMapView *self)
{
  return self->filters;
}

gboolean
kw_map_view_get_loading (KwMapView *self)
{
  return self->cancellable != NULL || self->dirty;
}

KwMapPage *
kw_map_view_get_page (KwMapView *self)
{
  return self->page;
}

KwGraph *
kw_map_view_get_graph (KwMapView *self)
{
  return self->graph;
}

KwGraphBridges *
kw_map_view_get_bridges (KwMapView *self)
{
  return self->bridges;
}

KwNetworkGraph *
kw_map_view_get_graph_widget (KwMapView *self)
{
  return self->graph_widget;
}

GtkListBox *
kw_map_view_get_bridges_list (KwMapView *self)
{
  return self->bridges_list;
}

GtkListBox *
kw_map_view_get_tense_list (KwMapView *self)
{
  return self->tense_list;
}

const char *
kw_map_view_get_status (KwMapView *self)
{
  return self->status;
}

gboolean
kw_map_view_export_to (KwMapView   *self,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *title = g_strdup_printf (_("Stakeholder network: %s"), self->title);

  g_return_val_if_fail (self->graph != NULL, FALSE);
  return kw_map_render_to_file (self->graph, title, path, error);
}

/* GObject */

static void
kw_map_view_constructed (GObject *object)
{
  KwMapView *self = KW_MAP_VIEW (object);

  G_OBJECT_CLASS (kw_map_view_parent_class)->constructed (object);

  self->store = g_object_ref (kw_view_get_store (KW_VIEW (self)));
  kw_map_filters_set_store (self->filters, self->store);
  reload (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  setup_grids_button (self);
}

static void
kw_map_view_dispose (GObject *object)
{
  KwMapView *self = KW_MAP_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->graph_widget != NULL)
    kw_network_graph_set_graph (self->graph_widget, NULL);
  if (self->pages != NULL)
    g_signal_handlers_disconnect_by_func (self->pages, on_pages_changed_cb, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_MAP_VIEW);

  G_OBJECT_CLASS (kw_map_view_parent_class)->dispose (object);
}

static void
kw_map_view_finalize (GObject *object)
{
  KwMapView *self = KW_MAP_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->read_store);
  self->graph = NULL;
  g_clear_pointer (&self->box, kw_map_box_unref);
  g_clear_pointer (&self->bridges, kw_graph_bridges_free);
  g_clear_pointer (&self->area_names, g_hash_table_unref);
  g_free (self->title);
  g_free (self->centre);
  g_free (self->status);

  G_OBJECT_CLASS (kw_map_view_parent_class)->finalize (object);
}

static void
kw_map_view_class_init (KwMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kw_map_view_constructed;
  object_class->dispose = kw_map_view_dispose;
  object_class->finalize = kw_map_view_finalize;
  KW_VIEW_CLASS (klass)->open = kw_map_view_open;
  KW_VIEW_CLASS (klass)->new_record = kw_map_view_new_record;
  KW_VIEW_CLASS (klass)->go_back = kw_map_view_go_back;

  g_type_ensure (KW_TYPE_MAP_FILTERS);
  g_type_ensure (KW_TYPE_NETWORK_GRAPH);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/map/kw-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KwMapView, bridges_group);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, bridges_list);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, details_name);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, details_text);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, filters);
  gtk_widget_class_bind_template_child_full (widget_class, "graph", FALSE, G_STRUCT_OFFSET (KwMapView, graph_widget));
  gtk_widget_class_bind_template_child (widget_class, KwMapView, graph_stack);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, grids_button);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, legend_area);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, matches_list);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, node_search);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, pages);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, spinner);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, status_label);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, tense_list);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_node_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pages_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_cb);
  gtk_widget_class_install_action (widget_class, "map.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "map.open-selected", NULL, open_selected_action);
}

static void
kw_map_view_init (KwMapView *self)
{
  static const char * const types[] = { "stakeholder_map", NULL };
  KwView *view = KW_VIEW (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  kw_map_panel_init_legend (self->legend_area);
  gtk_widget_set_name (GTK_WIDGET (self), "map");
  kw_view_set_title (view, _("Stakeholder Map"));
  /* not a map of places: a graph of who relates to whom */
  kw_view_set_icon_name (view, "emblem-shared-symbolic");
  kw_view_set_types (view, types);
  kw_view_set_new_label (view, _("New Map"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.open-selected", FALSE);
}
