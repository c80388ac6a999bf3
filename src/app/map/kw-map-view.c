/* kw-map-view.c: the Stakeholder Map view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The network of one area (or of all) as a KwNetworkGraph, beside the
 * Bridges list (kw_graph_bridges: what `report bridges --area` prints,
 * single points of failure with the parts kw_graph_parts_without finds)
 * and the tense relations. kw_graph_load () reads the store on the main
 * thread (one read transaction); the layout, then the betweenness run on
 * that copy in threads of our own, one at a time (igraph is global),
 * under the view's own spinner, not the window's busy page: the picture
 * shows as soon as it is laid out, the Bridges list when it is found. A
 * record of the view's types opens the read-only summary window.
 */
#define G_LOG_DOMAIN "kw-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "alliances/kw-area-choices.h"
#include "kw-map-page.h"
#include "kw-map-panel.h"
#include "kw-map-render.h"
#include "kw-map-view.h"
#include "kw-record-chooser.h"

struct _KwMapView
{
  KwView          parent_instance;

  KwStore        *store;
  GPtrArray      *area_ids;     /* position - 1 in the area drop-down → id */
  KwGraph       **box;          /* the shown graph, shared with the bridges' thread */
  KwGraph        *graph;        /* *box: laid out, shown */
  KwGraphBridges *bridges;      /* NULL until found */
  GCancellable   *cancellable;  /* of the layout or bridges running */
  char           *title;        /* "Osdorp", "All areas" */
  char           *status;
  gboolean        dirty;        /* to load once shown */

  GtkDropDown    *area_dropdown;
  GtkWidget      *details_name;
  GtkWidget      *details_text;
  AdwStatusPage  *empty_page;
  KwNetworkGraph *graph_widget;
  GtkStack       *graph_stack;
  GtkListBox     *bridges_list;
  GtkSpinner     *spinner;
  GtkLabel       *status_label;
  GtkListBox     *tense_list;
  GtkMenuButton  *grids_button;
  GtkStack       *pages;        /* "network", "grid" (the map page) */
  KwMapPage      *page;         /* made when first opened */
};

G_DEFINE_FINAL_TYPE (KwMapView, kw_map_view, KW_TYPE_VIEW)

static GMutex layout_lock;  /* igraph's RNG and error handler are global */

/* The work in threads: the layout of a loaded copy, then its bridges
 * (minutes for a big graph: the picture shows meanwhile). The graph is
 * shared with the bridges' thread in a reference-counted box. */

static void
clear_box (gpointer box)
{
  kw_graph_free (*(KwGraph **) box);
}

static void
box_unref (gpointer box)
{
  g_atomic_rc_box_release_full (box, clear_box);
}

static void
layout_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  KwGraph *graph = data;  /* the thread's from here on */
  gboolean done;

  g_mutex_lock (&layout_lock);
  done = kw_graph_layout (graph, &error);
  g_mutex_unlock (&layout_lock);
  if (!done)
    {
      kw_graph_free (graph);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, graph, (GDestroyNotify) kw_graph_free);
}

static void
bridges_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  KwGraphBridges *bridges;

  g_mutex_lock (&layout_lock);
  bridges = g_cancellable_is_cancelled (cancellable) ? NULL : kw_graph_bridges (*(KwGraph **) data, &error);
  g_mutex_unlock (&layout_lock);
  if (bridges == NULL)
    g_task_return_error (task, error ? g_steal_pointer (&error) : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled"));
  else
    g_task_return_pointer (task, bridges, (GDestroyNotify) kw_graph_bridges_free);
}

static void
set_status (KwMapView  *self,
            const char *status)
{
  g_free (self->status);
  self->status = g_strdup (status);
  gtk_label_set_text (self->status_label, status);
}

/* Loading */

static void
update_details (KwMapView *self)
{
  gboolean any = kw_map_panel_describe (self->store, self->graph, kw_network_graph_get_selected (self->graph_widget),
                                        GTK_LABEL (self->details_name), GTK_LABEL (self->details_text));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.open-selected", any);
}

static gboolean
finished (GAsyncResult *res,
          GError       *error)
{
  return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
         !g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (res)));
}

static void
on_bridges_done_cb (GObject      *source,
                    GAsyncResult *res,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  KwGraphBridges *bridges = g_task_propagate_pointer (G_TASK (res), &error);
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
  kw_map_panel_fill (self->bridges_list, self->tense_list, self->graph, self->bridges);
}

static void
on_layout_done_cb (GObject      *source,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  KwGraph *graph = g_task_propagate_pointer (G_TASK (res), &error);
  g_autoptr(GTask) task = NULL;
  KwMapView *self;
  g_autofree char *status = NULL;

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
  g_clear_pointer (&self->box, box_unref);
  g_clear_pointer (&self->bridges, kw_graph_bridges_free);
  self->box = g_atomic_rc_box_new0 (KwGraph *);
  *self->box = self->graph = graph;
  kw_network_graph_set_graph (self->graph_widget, self->graph);
  kw_map_panel_fill (self->bridges_list, self->tense_list, self->graph, NULL);
  update_details (self);
  status = g_strdup_printf (ngettext ("Showing %s: %u person or organisation", "Showing %s: %u people and organisations",
                                      self->graph->nodes->len),
                            self->title, self->graph->nodes->len);
  set_status (self, status);
  gtk_stack_set_visible_child_name (self->graph_stack, self->graph->nodes->len > 0 ? "graph" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export", self->graph->nodes->len > 0);

  task = g_task_new (NULL, self->cancellable, on_bridges_done_cb, self);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (self->box), box_unref);
  g_task_run_in_thread (task, bridges_thread);
}

static void
reload (KwMapView *self)
{
  guint position = gtk_drop_down_get_selected (self->area_dropdown);
  const char *area_id = position != GTK_INVALID_LIST_POSITION && position > 0 && position - 1 < self->area_ids->len
                        ? g_ptr_array_index (self->area_ids, position - 1) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(KwRecord) area = area_id ? kw_store_get (self->store, "area", area_id, NULL) : NULL;
  KwGraph *graph;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->dirty = TRUE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "grid") == 0)
    return;  /* the network loads once shown again (on_pages_changed_cb) */
  if (kw_store_get_busy (self->store) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;  /* on the store's ::changed, or once shown */
  self->dirty = FALSE;
  g_free (self->title);
  self->title = area ? kw_record_dup_title (area) : g_strdup (_("all areas"));
  graph = kw_graph_load (self->store, area_id ? KW_GRAPH_AREA : KW_GRAPH_ALL, area_id, today, &error);
  if (graph == NULL)
    {
      set_status (self, error->message);
      return;
    }
  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export", FALSE);
  set_status (self, _("Drawing the network…"));
  task = g_task_new (NULL, self->cancellable, on_layout_done_cb, self);
  g_task_set_task_data (task, graph, NULL);  /* layout_thread () takes it */
  g_task_run_in_thread (task, layout_thread);
}

static void
load_areas (KwMapView *self)
{
  g_autoptr(GListModel) names = kw_area_choices_new (self->store, _("All areas"), self->area_ids);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_drop_down_set_expression (self->area_dropdown, expression);
  gtk_drop_down_set_model (self->area_dropdown, names);
  /* a stadsdeel first (the first top area's first part): the whole
   * city's betweenness is minutes of work */
  gtk_drop_down_set_selected (self->area_dropdown, MIN (self->area_ids->len, 2));
}

/* Callbacks */

static void
on_area_changed_cb (KwMapView *self)
{
  if (self->area_ids != NULL)
    reload (self);
}

static void
on_store_changed_cb (KwMapView *self)
{
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
  if (!grid && self->dirty && self->area_ids != NULL)
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
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       KwMapView       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      if (!kw_map_render_format_ok (path))
        {
          char *png = g_strconcat (path, ".png", NULL);

          g_free (path);
          path = png;
        }
      if (kw_map_view_export_to (self, path, &error))
        kw_view_show_toast (KW_VIEW (self), adw_toast_new (_("Map exported")));
      else
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          kw_view_show_toast (KW_VIEW (self), adw_toast_new (escaped));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KwMapView *self = KW_MAP_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();

  if (self->graph == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_filter_set_name (png, _("PNG picture"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG drawing"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), svg);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("stakeholder-map.png"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
  for (guint i = 0; i < self->area_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->area_ids, i), area_id) == 0)
      {
        gtk_drop_down_set_selected (self->area_dropdown, i + 1);
        return;
      }
  if (area_id == NULL)
    gtk_drop_down_set_selected (self->area_dropdown, 0);
}

gboolean
kw_map_view_get_loading (KwMapView *self)
{
  return self->cancellable != NULL;
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
  self->area_ids = g_ptr_array_new_with_free_func (g_free);
  load_areas (self);
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
  g_clear_pointer (&self->area_ids, g_ptr_array_unref);
  self->graph = NULL;
  g_clear_pointer (&self->box, box_unref);
  g_clear_pointer (&self->bridges, kw_graph_bridges_free);
  g_free (self->title);
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

  g_type_ensure (KW_TYPE_NETWORK_GRAPH);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/map/kw-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KwMapView, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, details_name);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, details_text);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, empty_page);
  gtk_widget_class_bind_template_child_full (widget_class, "graph", FALSE, G_STRUCT_OFFSET (KwMapView, graph_widget));
  gtk_widget_class_bind_template_child (widget_class, KwMapView, graph_stack);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, grids_button);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, pages);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, bridges_list);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, spinner);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, status_label);
  gtk_widget_class_bind_template_child (widget_class, KwMapView, tense_list);
  gtk_widget_class_bind_template_callback (widget_class, on_area_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pages_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
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
  gtk_widget_set_name (GTK_WIDGET (self), "map");
  kw_view_set_title (view, _("Stakeholder Map"));
  /* not a map of places: a graph of who relates to whom */
  kw_view_set_icon_name (view, "emblem-shared-symbolic");
  kw_view_set_types (view, types);
  kw_view_set_new_label (view, _("New Map"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.open-selected", FALSE);
}
