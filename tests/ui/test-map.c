/* test-map.c: the Stakeholder Map view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view loads the demo's graph for an area (what kw_graph_load gives),
 * its Bridges list is kw_analysis_bridges' ranking (what `report bridges
 * --area` prints), a selected node shows its details and opens in
 * Contacts, a person without consent is named nowhere in the view, the
 * export writes pictures without that name, and nothing to draw shows
 * the empty state.
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
area_id_by_title (KwStore    *store,
                  const char *title)
{
  g_autoptr(GPtrArray) areas = kw_store_list (store, "area", NULL);

  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      g_autofree char *t = kw_record_dup_title (areas->pdata[i]);

      if (g_strcmp0 (t, title) == 0)
        return g_strdup (kw_record_get_id (areas->pdata[i]));
    }
  g_assert_not_reached ();
}

static GDate *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
}

/* The map view, shown, with the graph of @area (a title; NULL: all) loaded. */
static KwMapView *
show_map (KwTestFixture *f,
          const char    *area)
{
  g_autofree char *area_id = area ? area_id_by_title (f->store, area) : NULL;
  KwMapView *view;

  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "map"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  view = KW_MAP_VIEW (kw_window_get_view_for_type (f->window, "stakeholder_map"));
  g_assert_nonnull (view);
  kw_map_view_set_area (view, area_id);
  KW_TEST_WAIT_UNTIL (!kw_map_view_get_loading (view) && kw_map_view_get_graph (view) != NULL);
  return view;
}

static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (texts, "%s\n", gtk_widget_get_tooltip_text (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GPtrArray *
row_titles (GtkListBox *list)
{
  GPtrArray *titles = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return titles;
}

/* The first node of @graph that is a person and (not) named. */
static gint
find_person (KwGraph  *graph,
             gboolean  named)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      KwGraphNode *node = g_ptr_array_index (graph->nodes, i);

      if (g_str_equal (node->type, "person") && node->named == named && node->degree > 0)
        return i;
    }
  return -1;
}

/* Tests */

static void
test_area_bridges (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autofree char *area_id = area_id_by_title (f->store, "Nieuw-West");
  g_autoptr(GDate) date = today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KwGraph) expected_graph = kw_graph_load (f->store, KW_GRAPH_AREA, area_id, date, &error);
  g_autoptr(KwGraphBridges) expected = kw_analysis_bridges (f->store, area_id, NULL, NULL, date, &error);
  g_autoptr(GPtrArray) titles = NULL;
  g_autofree char *status = NULL;
  KwMapView *view;
  KwGraph *graph;
  gboolean flagged = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (expected->bridges->len, >, 1);
  view = show_map (f, "Nieuw-West");
  graph = kw_map_view_get_graph (view);
  g_assert_true (graph->laid_out);
  g_assert_cmpuint (graph->nodes->len, ==, expected_graph->nodes->len);
  g_assert_cmpuint (graph->edges->len, ==, expected_graph->edges->len);
  g_assert_true (kw_network_graph_get_graph (kw_map_view_get_graph_widget (view)) == graph);
  status = g_strdup_printf ("Showing Nieuw-West: %u people and organisations", expected->n_nodes);
  g_assert_cmpstr (kw_map_view_get_status (view), ==, status);

  /* the list is the people of the ranking, in its order, people without
   * consent unnamed; organisations stay out of it */
  titles = row_titles (kw_map_view_get_bridges_list (view));
  {
    g_autoptr(GHashTable) names = kw_map_area_names (f->store, graph);
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (kw_map_view_get_bridges_list (view)));
    guint shown = 0;

    for (guint i = 0; i < expected->bridges->len && shown < 100; i++)
      {
        KwGraphBridge *bridge = g_ptr_array_index (expected->bridges, i);
        gint index = kw_graph_lookup (graph, bridge->id);
        KwGraphNode *node = g_ptr_array_index (graph->nodes, index);
        g_autofree char *cut = NULL, *joins = NULL, *number = NULL;
        const char *subtitle;
        gboolean point = FALSE;

        if (!g_str_equal (node->type, "person"))
          continue;
        g_assert_nonnull (row);
        g_assert_cmpstr (titles->pdata[shown], ==, node->named ? bridge->name : "Unnamed person");
        for (guint j = 0; j < expected->articulation_points->len; j++)
          point |= g_str_equal (((KwGraphCutPoint *) g_ptr_array_index (expected->articulation_points, j))->id,
                                bridge->id);
        /* a single point of failure says whom it alone connects, a bridge
         * which groups it connects; both with the report's number */
        subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
        number = g_strdup_printf ("Betweenness %.1f", bridge->betweenness);
        g_assert_nonnull (strstr (subtitle, number));
        if (point)
          {
            cut = kw_graph_explain_cut (graph, (guint) index, names);
            g_assert_true (g_str_has_prefix (subtitle, cut));
            flagged = TRUE;
          }
        else if ((joins = kw_graph_explain_bridge (graph, (guint) index, names)) != NULL)
          g_assert_true (g_str_has_prefix (subtitle, joins));
        shown++;
        row = gtk_widget_get_next_sibling (row);
      }
    g_assert_cmpuint (titles->len, ==, shown);
    g_assert_cmpuint (shown, >, 1);
  }
  g_assert_true (flagged);

  /* the tense relations of the graph, each once */
  {
    guint tense = 0;

    for (guint i = 0; i < graph->edges->len; i++)
      tense += ((KwGraphEdge *) g_ptr_array_index (graph->edges, i))->tense;
    g_clear_pointer (&titles, g_ptr_array_unref);
    titles = row_titles (kw_map_view_get_tense_list (view));
    g_assert_cmpuint (titles->len, ==, CLAMP (tense, 1, 100));
  }
}

static void
test_select_open (KwTestFixture *f,
                  gconstpointer  data)
{
  KwMapView *view = show_map (f, "Nieuw-West");
  KwNetworkGraph *widget = kw_map_view_get_graph_widget (view);
  KwGraph *graph = kw_map_view_get_graph (view);
  g_autoptr(GString) texts = g_string_new (NULL);
  gint index = find_person (graph, TRUE);
  GtkWidget *open;
  KwGraphNode *node;
  double x, y;

  g_assert_cmpint (index, >=, 0);
  node = g_ptr_array_index (graph->nodes, index);
  open = find_action_button (GTK_WIDGET (view), "map.open-selected");
  g_assert_false (gtk_widget_is_sensitive (open));  /* nothing selected */
  kw_test_wait_mapped (widget);
  /* where it is drawn is where a click finds it */
  kw_network_graph_node_position (widget, index, &x, &y);
  g_assert_cmpint (kw_network_graph_node_at (widget, x, y), ==, index);
  kw_network_graph_select (widget, index);
  g_assert_cmpint (kw_network_graph_get_selected (widget), ==, index);
  g_assert_true (gtk_widget_is_sensitive (open));
  collect_texts (GTK_WIDGET (view), texts);
  g_assert_nonnull (strstr (texts->str, node->name));
  g_assert_nonnull (strstr (texts->str, kw_network_graph_kind_label (node->kind)));   /* person or key figure */

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.open-selected", NULL));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_window_get_view (f->window), "contacts") == 0);
  g_assert_cmpstr (kw_contacts_view_get_open_id (KW_CONTACTS_VIEW (kw_window_get_contacts_view (f->window))), ==, node->id);
}

static void
test_unnamed (KwTestFixture *f,
              gconstpointer  data)
{
  KwMapView *view = show_map (f, "Nieuw-West");
  KwNetworkGraph *widget = kw_map_view_get_graph_widget (view);
  KwGraph *graph = kw_map_view_get_graph (view);
  g_autoptr(GString) texts = g_string_new (NULL);
  gint index = find_person (graph, FALSE);
  KwGraphNode *node;

  g_assert_cmpint (index, >=, 0);
  node = g_ptr_array_index (graph->nodes, index);
  g_assert_nonnull (node->name);
  kw_network_graph_select (widget, index);
  collect_texts (GTK_WIDGET (view), texts);
  g_assert_nonnull (strstr (texts->str, "Unnamed person"));
  g_assert_null (strstr (texts->str, node->name));
}

static void
test_export (KwTestFixture *f,
             gconstpointer  data)
{
  KwMapView *view = show_map (f, "Nieuw-West");
  KwGraph *graph = kw_map_view_get_graph (view);
  gint index = find_person (graph, FALSE);
  const char *name = ((KwGraphNode *) g_ptr_array_index (graph->nodes, index))->name;
  const char * const files[] = { "map.svg", "map.png" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i], NULL);
      g_autofree char *bytes = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_assert_true (kw_map_view_export_to (view, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_null (g_strstr_len (bytes, length, name));
      if (i == 0)
        g_assert_nonnull (g_strstr_len (bytes, length, "Nieuw-West"));
      else
        g_assert_true (memcmp (bytes, "\x89PNG", 4) == 0);
    }
}

static void
test_empty (KwTestFixture *f,
            gconstpointer  data)
{
  KwMapView *view = show_map (f, NULL);
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (kw_map_view_get_graph_widget (view)), GTK_TYPE_STACK));

  g_assert_cmpuint (kw_map_view_get_graph (view)->nodes->len, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (view), "map.export")));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/map/area-bridges", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_area_bridges, kw_test_fixture_teardown);
  g_test_add ("/kw/map/select-open", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_select_open, kw_test_fixture_teardown);
  g_test_add ("/kw/map/unnamed", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_unnamed, kw_test_fixture_teardown);
  g_test_add ("/kw/map/export", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_export, kw_test_fixture_teardown);
  g_test_add ("/kw/map/empty", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_empty, kw_test_fixture_teardown);
  return g_test_run ();
}
