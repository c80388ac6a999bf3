/* test-map-filters.c: what the Stakeholder Map view shows, and dragging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view's filters give the graphs of the core: an alliance's and a
 * map's (kw_graph_load), some relation kinds and "within N steps" of the
 * selected node (kw_graph_filter), counted in nodes; the Bridges list
 * says what it is computed on. A node dragged on a map is stored as its
 * map_position x, y (one write, no reload), elsewhere it moves for the
 * session only. Tab walks the nodes, Enter opens one in Contacts. The
 * gestures and keys are driven through the widget's own controllers.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "contacts/kw-contacts-view.h"
#include "kw-graph.h"
#include "kw-test-util.h"
#include "map/kw-map-load.h"
#include "map/kw-map-view.h"
#include "map/kw-network-graph.h"

/* Helpers */

static char *
id_by_title (KwStore    *store,
             const char *type_name,
             const char *title)
{
  g_autoptr(GPtrArray) records = kw_store_list (store, type_name, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      g_autofree char *t = kw_record_dup_title (records->pdata[i]);

      if (g_strcmp0 (t, title) == 0)
        return g_strdup (kw_record_get_id (records->pdata[i]));
    }
  g_assert_not_reached ();
}

static GDate *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
}

static KwGraph *
expected_graph (KwStore            *store,
                KwGraphRestriction  restriction,
                const char         *id)
{
  g_autoptr(GDate) date = today ();
  g_autoptr(GError) error = NULL;
  KwGraph *graph = kw_graph_load (store, restriction, id, date, &error);

  g_assert_no_error (error);
  return graph;
}

static void
wait_loaded (KwMapView *view)
{
  KW_TEST_WAIT_UNTIL (!kw_map_view_get_loading (view) && kw_map_view_get_graph (view) != NULL);
}

static KwMapView *
show_map (KwTestFixture      *f,
          KwGraphRestriction  restriction,
          const char         *id)
{
  KwMapView *view;

  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "map"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  view = KW_MAP_VIEW (kw_window_get_view_for_type (f->window, "stakeholder_map"));
  g_assert_true (kw_map_filters_set_restriction (kw_map_view_get_filters (view), restriction, id));
  wait_loaded (view);
  kw_test_wait_mapped (kw_map_view_get_graph_widget (view));
  return view;
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it */
    }
  g_assert_not_reached ();
}

static gboolean
press_key (KwNetworkGraph *widget,
           guint           keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (find_controller (GTK_WIDGET (widget), GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                         keyval, 0, (GdkModifierType) 0, &handled);
  return handled;
}

/* Drags node @index by (dx, dy) pixels through the widget's drag gesture. */
static void
drag_node (KwNetworkGraph *widget,
           guint           index,
           double          dx,
           double          dy)
{
  GtkGesture *drag = find_controller (GTK_WIDGET (widget), GTK_TYPE_GESTURE_DRAG);
  double x, y;

  kw_network_graph_node_position (widget, index, &x, &y);
  g_assert_cmpint (kw_network_graph_node_at (widget, x, y), ==, (gint) index);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (drag, "drag-update", dx, dy);
  g_signal_emit_by_name (drag, "drag-end", dx, dy);
}

static KwRecord *
position_of (KwStore    *store,
             const char *map_id,
             const char *party)
{
  g_autoptr(GPtrArray) positions = kw_store_list_by_ref (store, "map_position", "map", map_id, NULL);

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    if (g_strcmp0 (kw_record_get_string (positions->pdata[i], "party"), party) == 0)
      return g_object_ref (positions->pdata[i]);
  return NULL;
}

static GtkWidget *
find_search (GtkWidget *widget)
{
  char *placeholder = NULL;

  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (g_strcmp0 (placeholder, "Name of a person or organisation") == 0)
        {
          g_free (placeholder);
          return widget;
        }
      g_free (placeholder);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Tests */

static void
test_alliance_and_map (KwTestFixture *f,
                       gconstpointer  data)
{
  g_autofree char *alliance = id_by_title (f->store, "alliance", "Wijkalliantie K-buurt");
  g_autofree char *map = id_by_title (f->store, "stakeholder_map", "Krachtenveld wijkalliantie K-buurt");
  g_autoptr(KwGraph) by_alliance = expected_graph (f->store, KW_GRAPH_ALLIANCE, alliance);
  g_autoptr(KwGraph) by_map = expected_graph (f->store, KW_GRAPH_MAP, map);
  KwMapView *view = show_map (f, KW_GRAPH_ALLIANCE, alliance);
  AdwPreferencesGroup *group;

  g_assert_cmpuint (by_alliance->nodes->len, >, by_map->nodes->len);  /* the two differ */
  g_assert_cmpuint (by_map->nodes->len, >, 2);
  g_assert_cmpuint (kw_map_view_get_graph (view)->nodes->len, ==, by_alliance->nodes->len);
  g_assert_cmpuint (kw_map_view_get_graph (view)->edges->len, ==, by_alliance->edges->len);
  g_assert_nonnull (strstr (kw_map_view_get_status (view), "Showing Wijkalliantie K-buurt: "));
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (kw_map_view_get_bridges_list (view)),
                                                          ADW_TYPE_PREFERENCES_GROUP));
  g_assert_cmpstr (adw_preferences_group_get_title (group), ==, "Bridges within Wijkalliantie K-buurt");
  KW_TEST_WAIT_UNTIL (kw_map_view_get_bridges (view) != NULL);
  g_assert_cmpuint (kw_map_view_get_bridges (view)->n_nodes, ==, by_alliance->nodes->len);

  g_assert_true (kw_map_filters_set_restriction (kw_map_view_get_filters (view), KW_GRAPH_MAP, map));
  wait_loaded (view);
  g_assert_cmpuint (kw_map_view_get_graph (view)->nodes->len, ==, by_map->nodes->len);
  g_assert_cmpuint (kw_map_view_get_graph (view)->edges->len, ==, by_map->edges->len);
  g_assert_cmpstr (adw_preferences_group_get_title (group), ==, "Bridges within Krachtenveld wijkalliantie K-buurt");
}

static void
test_kinds_and_steps (KwTestFixture *f,
                      gconstpointer  data)
{
  g_autofree char *area = id_by_title (f->store, "area", "Nieuw-West");
  g_autoptr(KwGraph) all = expected_graph (f->store, KW_GRAPH_AREA, area);
  g_autoptr(KwGraph) knows = kw_graph_filter (all, KW_GRAPH_KIND_KNOWS, -1, 0);
  g_autoptr(KwGraph) near = NULL;
  KwMapView *view = show_map (f, KW_GRAPH_AREA, area);
  KwMapFilters *filters = kw_map_view_get_filters (view);
  KwNetworkGraph *widget = kw_map_view_get_graph_widget (view);
  KwGraph *graph;
  gint centre = -1;

  g_assert_cmpuint (kw_map_view_get_graph (view)->nodes->len, ==, all->nodes->len);
  g_assert_cmpuint (knows->nodes->len, <, all->nodes->len);
  g_assert_cmpuint (knows->nodes->len, >, 0);
  kw_map_filters_set_kinds (filters, KW_GRAPH_KIND_KNOWS);
  wait_loaded (view);
  g_assert_cmpuint (kw_map_view_get_graph (view)->nodes->len, ==, knows->nodes->len);
  g_assert_cmpuint (kw_map_view_get_graph (view)->edges->len, ==, knows->edges->len);
  g_assert_nonnull (strstr (kw_map_view_get_status (view), "Some kinds of relation"));

  /* every kind again, then within 1 step of a node with a few relations */
  kw_map_filters_set_kinds (filters, KW_GRAPH_KINDS_ALL);
  wait_loaded (view);
  graph = kw_map_view_get_graph (view);
  for (guint i = 0; i < graph->nodes->len && centre < 0; i++)
    if (((KwGraphNode *) graph->nodes->pdata[i])->degree >= 2 && ((KwGraphNode *) graph->nodes->pdata[i])->named)
      centre = (gint) i;
  g_assert_cmpint (centre, >=, 0);
  near = kw_graph_filter (all, KW_GRAPH_KINDS_ALL, kw_graph_lookup (all, ((KwGraphNode *) graph->nodes->pdata[centre])->id), 1);
  g_assert_cmpuint (near->nodes->len, <, all->nodes->len);
  kw_network_graph_select (widget, centre);
  kw_map_filters_set_steps (filters, 1);
  wait_loaded (view);
  graph = kw_map_view_get_graph (view);
  g_assert_cmpuint (graph->nodes->len, ==, near->nodes->len);
  g_assert_cmpuint (graph->edges->len, ==, near->edges->len);
  g_assert_nonnull (strstr (kw_map_view_get_status (view), "Within 1 step of "));
  /* the centre stays selected */
  g_assert_cmpint (kw_network_graph_get_selected (widget), >=, 0);
  g_assert_cmpuint (((KwGraphNode *) graph->nodes->pdata[kw_network_graph_get_selected (widget)])->degree, ==, graph->nodes->len - 1);

  kw_map_filters_set_steps (filters, 0);
  wait_loaded (view);
  g_assert_cmpuint (kw_map_view_get_graph (view)->nodes->len, ==, all->nodes->len);
}

static void
test_drag_on_map (KwTestFixture *f,
                  gconstpointer  data)
{
  g_autofree char *map = id_by_title (f->store, "stakeholder_map", "Krachtenveld wijkalliantie K-buurt");
  KwMapView *view = show_map (f, KW_GRAPH_MAP, map);
  KwNetworkGraph *widget = kw_map_view_get_graph_widget (view);
  KwGraph *graph = kw_map_view_get_graph (view);
  g_autoptr(KwRecord) before = NULL;
  g_autoptr(KwRecord) after = NULL;
  g_autofree char *id = NULL;
  g_autoptr(KwTestSignal) changed = NULL;
  KwGraphNode *node;
  double x0;

  node = graph->nodes->pdata[0];
  id = g_strdup (node->id);
  before = position_of (f->store, map, id);
  g_assert_nonnull (before);
  g_assert_true (kw_record_is_null (before, "x"));
  x0 = node->x;
  changed = kw_test_signal_new (f->store, "changed");
  drag_node (widget, 0, 40, -30);
  g_assert_cmpfloat (node->x, >, x0);
  g_assert_cmpuint (kw_test_signal_count (changed), ==, 1);  /* one write per drop */
  after = position_of (f->store, map, id);
  g_assert_false (kw_record_is_null (after, "x"));
  g_assert_cmpint (kw_record_get_int (after, "x"), ==, kw_map_position_to_int (node->x));
  g_assert_cmpint (kw_record_get_int (after, "y"), ==, kw_map_position_to_int (node->y));
  g_assert_cmpint (kw_record_get_int (after, "influence"), ==, kw_record_get_int (before, "influence"));
  /* our own write does not lay the map out again */
  kw_test_flush ();
  g_assert_false (kw_map_view_get_loading (view));
  g_assert_true (kw_map_view_get_graph (view) == graph);

  /* loaded again, the node is where it was dropped */
  g_assert_true (kw_map_filters_set_restriction (kw_map_view_get_filters (view), KW_GRAPH_MAP, map));
  wait_loaded (view);
  graph = kw_map_view_get_graph (view);
  node = graph->nodes->pdata[kw_graph_lookup (graph, id)];
  g_assert_cmpint (kw_map_position_to_int (node->x), ==, kw_record_get_int (after, "x"));
  g_assert_cmpint (kw_map_position_to_int (node->y), ==, kw_record_get_int (after, "y"));
}

static void
test_drag_session (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autofree char *area = id_by_title (f->store, "area", "Nieuw-West");
  KwMapView *view = show_map (f, KW_GRAPH_AREA, area);
  KwGraph *graph = kw_map_view_get_graph (view);
  KwGraphNode *node = graph->nodes->pdata[0];
  g_autoptr(GPtrArray) positions = NULL;
  double y0 = node->y;

  drag_node (kw_map_view_get_graph_widget (view), 0, 0, 25);
  g_assert_cmpfloat (node->y, >, y0);
  kw_test_wait_toast_shown (GTK_WIDGET (f->window), "Moved for this session only: positions are kept on a stakeholder map");
  positions = kw_store_list (f->store, "map_position", NULL);
  for (guint i = 0; i < positions->len; i++)
    g_assert_true (kw_record_is_null (positions->pdata[i], "x"));
}

static void
test_tab_enter (KwTestFixture *f,
                gconstpointer  data)
{
  g_autofree char *area = id_by_title (f->store, "area", "Nieuw-West");
  KwMapView *view = show_map (f, KW_GRAPH_AREA, area);
  KwNetworkGraph *widget = kw_map_view_get_graph_widget (view);
  KwGraph *graph = kw_map_view_get_graph (view);
  double zoom;

  gtk_widget_grab_focus (GTK_WIDGET (widget));
  g_assert_false (press_key (widget, GDK_KEY_Return));  /* nothing selected: nothing to open */
  g_assert_true (press_key (widget, GDK_KEY_Tab));
  g_assert_cmpint (kw_network_graph_get_selected (widget), ==, 0);
  g_assert_true (press_key (widget, GDK_KEY_Tab));
  g_assert_true (press_key (widget, GDK_KEY_Tab));
  g_assert_cmpint (kw_network_graph_get_selected (widget), ==, 2);
  g_assert_true (press_key (widget, GDK_KEY_ISO_Left_Tab));
  g_assert_cmpint (kw_network_graph_get_selected (widget), ==, 1);
  /* + zooms, 0 resets */
  zoom = kw_network_graph_get_zoom (widget);
  g_assert_true (press_key (widget, GDK_KEY_plus));
  g_assert_cmpfloat (kw_network_graph_get_zoom (widget), >, zoom);
  g_assert_true (press_key (widget, GDK_KEY_0));
  g_assert_cmpfloat (kw_network_graph_get_zoom (widget), ==, 1);

  g_assert_true (press_key (widget, GDK_KEY_Return));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_window_get_view (f->window), "contacts") == 0);
  g_assert_cmpstr (kw_contacts_view_get_open_id (KW_CONTACTS_VIEW (kw_window_get_contacts_view (f->window))), ==,
                   ((KwGraphNode *) graph->nodes->pdata[1])->id);
}

static void
test_find_node (KwTestFixture *f,
                gconstpointer  data)
{
  g_autofree char *area = id_by_title (f->store, "area", "Nieuw-West");
  KwMapView *view = show_map (f, KW_GRAPH_AREA, area);
  KwNetworkGraph *widget = kw_map_view_get_graph_widget (view);
  KwGraph *graph = kw_map_view_get_graph (view);
  GtkWidget *search = find_search (GTK_WIDGET (view));
  GtkListBox *matches;
  GtkWidget *row;
  KwGraphNode *named = NULL, *unnamed = NULL;
  const char *id;

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      KwGraphNode *node = graph->nodes->pdata[i];

      if (node->named && g_str_equal (node->type, "person") && named == NULL)
        named = node;
      if (!node->named && unnamed == NULL)
        unnamed = node;
    }
  g_assert_nonnull (named);
  g_assert_nonnull (unnamed);
  g_assert_nonnull (search);
  matches = GTK_LIST_BOX (gtk_widget_get_next_sibling (search));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (matches)));

  gtk_editable_set_text (GTK_EDITABLE (search), named->name);
  KW_TEST_WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (matches)) && gtk_list_box_get_row_at_index (matches, 0) != NULL);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (matches, 0));
  id = g_object_get_data (G_OBJECT (row), "node-id");
  g_assert_cmpstr (id, ==, named->id);
  g_signal_emit_by_name (matches, "row-activated", row);
  g_assert_cmpint (kw_network_graph_get_selected (widget), ==, kw_graph_lookup (graph, named->id));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (widget)));

  /* a person without consent is not found by name */
  gtk_editable_set_text (GTK_EDITABLE (search), unnamed->name);
  KW_TEST_WAIT_UNTIL (gtk_list_box_get_row_at_index (matches, 0) != NULL
                      && g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (matches, 0)), "node-id") == NULL);
  g_assert_null (gtk_list_box_get_row_at_index (matches, 1));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/map-filters/alliance-and-map", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_alliance_and_map, kw_test_fixture_teardown);
  g_test_add ("/kw/map-filters/kinds-and-steps", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_kinds_and_steps, kw_test_fixture_teardown);
  g_test_add ("/kw/map-filters/drag-on-map", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_drag_on_map, kw_test_fixture_teardown);
  g_test_add ("/kw/map-filters/drag-session", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_drag_session, kw_test_fixture_teardown);
  g_test_add ("/kw/map-filters/tab-enter", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_tab_enter, kw_test_fixture_teardown);
  g_test_add ("/kw/map-filters/find-node", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_find_node, kw_test_fixture_teardown);
  return g_test_run ();
}
