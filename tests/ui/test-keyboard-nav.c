/* test-keyboard-nav.c: every view with the keyboard alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real key events through the X server (xdotool, XTest), as in
 * test-agenda-builder.c. The sidebar reaches each view (Down, Return);
 * Return on a list row opens its page; Tab moves the focus to a visible,
 * focusable widget each time, never loses it, and comes back to where it
 * started within a bound (no trap: no widget comes round twice before
 * that); the network graph's and the power grid's list equivalents are on
 * the way; Escape closes the Preferences, Keyboard Shortcuts, Conflicts
 * and Publish Minutes windows.
 */
#include "config.h"


#include "kw-conflicts-window.h"
#include "kw-list-pane.h"
#include "kw-preferences-window.h"
#include "kw-record-page.h"
#include "kw-test-tour.h"
#include "map/kw-map-page.h"
#include "map/kw-map-positions.h"
#include "map/kw-map-view.h"
#include "map/kw-network-graph.h"
#include "map/kw-power-grid.h"
#include "meetings/kw-publish-window.h"

/* More Tab stops than any view has with its page open (the meeting page
 * has about 170). */
#define MAX_TABS 400

static gboolean
can_send_keys (void)
{
  if (kw_test_can_press_keys ())
    return TRUE;
  g_test_skip ("real key events need an X display and xdotool (build-aux/dev deps)");
  return FALSE;
}

static GtkWidget *
focus_of (KwTestFixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
focus_within (KwTestFixture *f,
              GtkWidget     *widget)
{
  GtkWidget *focus = focus_of (f);

  return focus != NULL && widget != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static char *
describe (GtkWidget *widget)
{
  GString *out = g_string_new (G_OBJECT_TYPE_NAME (widget));

  if (GTK_IS_LIST_BOX_ROW (widget))
    g_string_append_printf (out, "[%d]", gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (widget)));

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Kw"))
      {
        g_string_prepend (out, " > ");
        g_string_prepend (out, G_OBJECT_TYPE_NAME (w));
      }
  return g_string_free (out, FALSE);
}

/* The focus is a widget one can see and that takes the focus. */
static void
assert_focus_shown (KwTestFixture *f,
                    GtkWidget     *focus,
                    guint          step)
{
  g_autofree char *what = NULL;

  if (focus == NULL)
    g_error ("Tab %u: the focus is lost (NULL)", step);
  what = describe (focus);
  if (!gtk_widget_is_ancestor (focus, GTK_WIDGET (f->window)))
    g_error ("Tab %u: the focus (%s) is outside the window", step, what);
  if (!gtk_widget_is_visible (focus) || !gtk_widget_get_mapped (focus) || !gtk_widget_is_drawable (focus)
      || gtk_widget_get_width (focus) <= 0 || gtk_widget_get_height (focus) <= 0)
    g_error ("Tab %u: the focus (%s) is on a hidden widget (visible %d mapped %d drawable %d, %d×%d)", step, what,
             gtk_widget_is_visible (focus), gtk_widget_get_mapped (focus), gtk_widget_is_drawable (focus),
             gtk_widget_get_width (focus), gtk_widget_get_height (focus));
  if (!gtk_widget_get_focusable (focus))
    g_error ("Tab %u: the focus (%s) is on a widget that does not take it", step, what);
}

typedef struct {
  GPtrArray *visited;   /* every focus, in order */
} Cycle;

static void
cycle_clear (Cycle *cycle)
{
  g_clear_pointer (&cycle->visited, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cycle, cycle_clear)

/* One Tab: until the focus moves (or, on the network graph, which takes
 * Tab from node to node, the selected node does). */
static GtkWidget *
press_tab (KwTestFixture *f,
           guint          step)
{
  GtkWidget *before = focus_of (f);
  gint selected = KW_IS_NETWORK_GRAPH (before) ? kw_network_graph_get_selected (KW_NETWORK_GRAPH (before)) : G_MININT;
  GtkWidget *focus;

  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  kw_test_press_keys (GTK_WIDGET (f->window), "Tab");
  while (focus_of (f) == before
         && !(KW_IS_NETWORK_GRAPH (before) && kw_network_graph_get_selected (KW_NETWORK_GRAPH (before)) != selected))
    if (!kw_test_iterate (deadline))
      {
        g_autofree char *what = before != NULL ? describe (before) : g_strdup ("NULL");
        g_error ("Tab %u: a focus trap: the focus stays on %s", step, what);
      }
  /* laid out and drawn as it is now (a row that the focus scrolled to) */
  kw_test_wait_frames (GTK_WIDGET (f->window), 1);
  focus = focus_of (f);
  if (g_getenv ("KW_DEBUG_TAB"))  /* each step in the log */
    {
      g_autofree char *a = before ? describe (before) : g_strdup ("NULL");
      g_autofree char *b = focus ? describe (focus) : g_strdup ("NULL");
      g_test_message ("Tab %u: %s -> %s (focus visible %d)", step, a, b, gtk_window_get_focus_visible (GTK_WINDOW (f->window)));
    }
  assert_focus_shown (f, focus, step);
  KW_TEST_WAIT_UNTIL (gtk_window_get_focus_visible (GTK_WINDOW (f->window)));
  return focus;
}

/* Tab from the current focus until it comes to a widget it was on
 * before: every stop shown, and the loop it then goes round takes in the
 * sidebar and the view (a loop within a part of the window is a trap).
 * GTK 4.8 comes back into a list box at the row it left (the sidebar's
 * last row, not the first), so the loop need not pass the start. */
static void
tab_round (KwTestFixture *f,
           Cycle         *cycle,
           GtkWidget     *view,
           const char    *where)
{
  GtkWidget *start = focus_of (f);
  GtkWidget *sidebar = GTK_WIDGET (kw_window_get_sidebar (f->window));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);  /* widget → its first step */
  GtkWidget *previous = start;

  assert_focus_shown (f, start, 0);
  cycle->visited = g_ptr_array_new ();
  g_ptr_array_add (cycle->visited, start);
  g_hash_table_insert (seen, start, GUINT_TO_POINTER (0));
  for (guint step = 1; step <= MAX_TABS; step++)
    {
      GtkWidget *focus = press_tab (f, step);
      gpointer first;

      if (focus != previous && g_hash_table_lookup_extended (seen, focus, NULL, &first))
        {
          gboolean in_sidebar = FALSE, in_view = FALSE;

          for (guint i = GPOINTER_TO_UINT (first); i < cycle->visited->len; i++)
            {
              GtkWidget *w = g_ptr_array_index (cycle->visited, i);

              in_sidebar |= gtk_widget_is_ancestor (w, sidebar);
              in_view |= gtk_widget_is_ancestor (w, view);
            }
          if (!in_sidebar || !in_view)
            {
              g_autofree char *what = describe (focus);
              g_error ("%s: a focus trap: Tab %u goes round from %s without the %s", where, step, what,
                       in_sidebar ? "view" : "sidebar");
            }
          g_test_message ("%s: Tab goes round the window in %u steps", where,
                          cycle->visited->len - GPOINTER_TO_UINT (first));
          return;
        }
      if (focus != previous)
        {
          g_hash_table_insert (seen, focus, GUINT_TO_POINTER (cycle->visited->len));
          g_ptr_array_add (cycle->visited, focus);
        }
      previous = focus;
    }
  g_error ("%s: Tab did not come round in %u steps", where, MAX_TABS);
}

static gboolean
visited_within (Cycle     *cycle,
                GtkWidget *widget)
{
  for (guint i = 0; i < cycle->visited->len; i++)
    {
      GtkWidget *focus = g_ptr_array_index (cycle->visited, i);

      if (focus == widget || gtk_widget_is_ancestor (focus, widget))
        return TRUE;
    }
  return FALSE;
}

/* Tab until the focus is in the list pane's list (at most n steps). */
static void
tab_into_list (KwTestFixture *f,
               KwListPane    *pane)
{
  GtkWidget *list = GTK_WIDGET (kw_list_pane_get_list_view (pane));

  for (guint step = 1; step <= 40 && !focus_within (f, list); step++)
    press_tab (f, step);
  g_assert_true (focus_within (f, list));
}

static GtkWidget *
shown_page (GtkWidget *view)
{
  GtkWidget *page = kw_test_find_type (view, KW_TYPE_RECORD_PAGE);

  return page != NULL && gtk_widget_get_mapped (page) ? page : NULL;
}

/* The view of that name (the sidebar's order, kw_test_tour_views). */
static GtkWidget *
find_view (GtkWidget  *widget,
           const char *name)
{
  if (KW_IS_VIEW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_view (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
dup_first_id (KwStore    *store,
              const char *type_name)
{
  g_autoptr(GPtrArray) records = kw_store_list (store, type_name, NULL);

  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, >, 0);
  return g_strdup (kw_record_get_id (g_ptr_array_index (records, 0)));
}

/* Tests */

static void
test_views (KwTestFixture *f,
            gconstpointer  data)
{
  GtkListBox *sidebar;

  if (!can_send_keys ())
    return;
  kw_test_fixture_open (f);
  sidebar = kw_window_get_sidebar (f->window);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 0)));
  for (guint i = 0; kw_test_tour_views[i] != NULL; i++)
    {
      const char *name = kw_test_tour_views[i];
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);
      GtkWidget *view;
      KwListPane *pane;
      g_auto(Cycle) cycle = { NULL };

      /* the sidebar reaches the view: Down to its row from the row before, Return */
      if (i > 0)
        {
          gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, i - 1)));
          kw_test_press_keys (GTK_WIDGET (f->window), "Down");
          KW_TEST_WAIT_UNTIL (focus_of (f) == GTK_WIDGET (row));
        }
      kw_test_press_keys (GTK_WIDGET (f->window), "Return");
      KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_window_get_view (f->window), name) == 0);
      kw_test_wait_transitions (GTK_WIDGET (f->window));
      view = find_view (GTK_WIDGET (f->window), name);

      /* Return on a list row opens its page */
      g_assert_nonnull (view);
      pane = KW_LIST_PANE (kw_test_find_type (view, KW_TYPE_LIST_PANE));
      if (pane != NULL)
        {
          tab_into_list (f, pane);
          kw_test_press_keys (GTK_WIDGET (f->window), "Return");
          KW_TEST_WAIT_UNTIL (shown_page (view) != NULL);
          kw_test_wait_transitions (GTK_WIDGET (f->window));
        }

      /* Tab comes round, from the sidebar */
      gtk_widget_grab_focus (GTK_WIDGET (row));
      tab_round (f, &cycle, view, name);
      g_assert_true (visited_within (&cycle, view));
      if (pane != NULL)
        g_assert_true (visited_within (&cycle, shown_page (view)));
      if (KW_IS_MAP_VIEW (view))
        {
          /* the graph, and its list equivalents: the bridges and the tense relations */
          g_assert_true (visited_within (&cycle, GTK_WIDGET (kw_map_view_get_graph_widget (KW_MAP_VIEW (view)))));
          g_assert_true (visited_within (&cycle, GTK_WIDGET (kw_map_view_get_bridges_list (KW_MAP_VIEW (view)))));
          g_assert_true (visited_within (&cycle, GTK_WIDGET (kw_map_view_get_tense_list (KW_MAP_VIEW (view)))));
        }
    }
}

/* A stakeholder map's page: Tab reaches the power grid and its list
 * equivalent (the parties, each with its influence and interest). */
static void
test_map_page (KwTestFixture *f,
               gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_auto(Cycle) cycle = { NULL };
  GtkWidget *view, *page, *positions;

  if (!can_send_keys ())
    return;
  kw_test_fixture_open (f);
  id = dup_first_id (f->store, "stakeholder_map");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "stakeholder_map", id));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_window_get_view (f->window), "map") == 0);
  view = find_view (GTK_WIDGET (f->window), "map");
  KW_TEST_WAIT_UNTIL ((page = shown_page (view)) != NULL);
  g_assert_true (KW_IS_MAP_PAGE (page));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  positions = kw_test_find_type (page, KW_TYPE_MAP_POSITIONS);
  g_assert_nonnull (positions);
  KW_TEST_WAIT_UNTIL (gtk_widget_get_mapped (positions));

  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (kw_window_get_sidebar (f->window), 3)));
  tab_round (f, &cycle, view, "stakeholder map page");
  g_assert_true (visited_within (&cycle, GTK_WIDGET (kw_map_page_get_grid (KW_MAP_PAGE (page)))));
  g_assert_true (visited_within (&cycle, positions));
}

static gboolean
is_closed (GtkWidget *window)
{
  return window == NULL || !gtk_widget_get_visible (window);
}

/* Escape in the window closes it. */
static void
escape_closes (GtkWindow  *window,
               const char *what)
{
  GtkWidget *weak = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_present (window);
  kw_test_wait_mapped (GTK_WIDGET (window));
  kw_test_wait_frames (GTK_WIDGET (window), 1);
  kw_test_press_keys (GTK_WIDGET (window), "Escape");
  KW_TEST_WAIT_UNTIL (is_closed (weak));
  g_test_message ("Escape closes %s", what);
  if (weak != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
      gtk_window_destroy (GTK_WINDOW (weak));
    }
  kw_test_flush ();
}

static void
test_escape (KwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/nl/kwartier/Kwartier/gtk/help-overlay.ui");
  g_autofree char *meeting = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (!can_send_keys ())
    return;
  kw_test_fixture_open (f);
  meeting = dup_first_id (f->store, "meeting");

  window = GTK_WINDOW (kw_preferences_window_new (settings, f->store));
  gtk_window_set_transient_for (window, GTK_WINDOW (f->window));
  escape_closes (window, "the preferences");

  window = GTK_WINDOW (g_object_ref (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_set_transient_for (window, GTK_WINDOW (f->window));
  escape_closes (window, "the keyboard shortcuts");
  g_object_unref (window);

  escape_closes (GTK_WINDOW (kw_conflicts_window_new (GTK_WINDOW (f->window), f->store)), "the conflicts");

  window = GTK_WINDOW (kw_publish_window_new (GTK_WINDOW (f->window), f->store, meeting, &error));
  g_assert_no_error (error);
  escape_closes (window, "the publish window");
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/ui/keyboard-nav/views", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_views, kw_test_fixture_teardown);
  g_test_add ("/kw/ui/keyboard-nav/map-page", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_map_page, kw_test_fixture_teardown);
  g_test_add ("/kw/ui/keyboard-nav/escape", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_escape, kw_test_fixture_teardown);

  return g_test_run ();
}
