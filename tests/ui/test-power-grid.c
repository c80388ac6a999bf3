/* test-power-grid.c: the power/interest grid of a stakeholder map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening the demo's map of Slotermeer-Noord shows its page in the map
 * view with a party in every quadrant; a drag through the grid's own
 * gesture handlers stores the party's new influence and interest (one
 * write, none for a drop in the same cell); a value changed in the list
 * moves the dot; selection follows between list and grid; the alliance's
 * partners come in one step, once; a person without consent is unnamed;
 * removing a party goes through the undo toast; New Map starts a draft;
 * the alliance's page lists its maps and opens them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "alliances/kw-alliances-private.h"
#include "kw-test-util.h"
#include "map/kw-map-list-group.h"
#include "map/kw-map-page.h"
#include "map/kw-map-view.h"
#include "map/kw-power-grid-private.h"

#define DEMO_MAP "Krachtenveld Slotermeer-Noord"

/* Helpers */

static const char *
id_by_name (KwStore    *store,
            const char *type_name,
            const char *name)
{
  static char id[64];
  g_autoptr(GPtrArray) records = kw_store_list (store, type_name, NULL);

  id[0] = '\0';
  for (guint i = 0; records != NULL && i < records->len; i++)
    if (g_strcmp0 (kw_record_get_string (records->pdata[i], "name"), name) == 0)
      g_strlcpy (id, kw_record_get_id (records->pdata[i]), sizeof id);
  g_assert_cmpstr (id, !=, "");
  return id;
}

/* The map_position of @party_name on the demo map. */
static char *
position_of (KwStore    *store,
             const char *map_id,
             const char *type_name,
             const char *party_name)
{
  g_autofree char *party = g_strdup (id_by_name (store, type_name, party_name));
  g_autoptr(GPtrArray) positions = kw_store_list_by_ref (store, "map_position", "map", map_id, NULL);

  for (guint i = 0; i < positions->len; i++)
    if (g_strcmp0 (kw_record_get_string (positions->pdata[i], "party"), party) == 0)
      return g_strdup (kw_record_get_id (positions->pdata[i]));
  g_assert_not_reached ();
}

static gint64
stored (KwStore    *store,
        const char *position,
        const char *field)
{
  g_autoptr(KwRecord) record = kw_store_get (store, "map_position", position, NULL);

  g_assert_nonnull (record);
  return kw_record_get_int (record, field);
}

/* The map view showing the demo map's page, its grid drawn. */
static KwMapPage *
open_demo_map (KwTestFixture *f,
               char         **map_id)
{
  KwMapView *view;
  KwMapPage *page;

  kw_test_fixture_open (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  *map_id = g_strdup (id_by_name (f->store, "stakeholder_map", DEMO_MAP));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "stakeholder_map", *map_id));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  view = KW_MAP_VIEW (kw_window_get_view_for_type (f->window, "stakeholder_map"));
  page = kw_map_view_get_page (view);
  g_assert_nonnull (page);
  g_assert_true (kw_view_get_can_go_back (KW_VIEW (view)));
  kw_test_wait_mapped (GTK_WIDGET (kw_map_page_get_grid (page)));
  KW_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (kw_map_page_get_grid (page))) > 300);
  return page;
}

static guint
count_quadrant (KwPowerGrid    *grid,
                KwGridQuadrant  quadrant)
{
  guint n = 0;

  for (guint i = 0; i < kw_power_grid_get_n_parties (grid); i++)
    {
      const KwGridParty *party = kw_power_grid_get_party (grid, i);

      n += kw_grid_quadrant (party->influence, party->interest) == quadrant;
    }
  return n;
}

static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (texts, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (texts, "%s\n", gtk_widget_get_tooltip_text (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* Tests */

static void
test_open (KwTestFixture *f,
           gconstpointer  data)
{
  g_autofree char *map_id = NULL;
  KwMapPage *page = open_demo_map (f, &map_id);
  KwPowerGrid *grid = kw_map_page_get_grid (page);
  KwMapView *view = KW_MAP_VIEW (kw_window_get_view_for_type (f->window, "stakeholder_map"));

  g_assert_cmpstr (kw_record_page_get_id (KW_RECORD_PAGE (page)), ==, map_id);
  g_assert_cmpuint (kw_power_grid_get_n_parties (grid), ==, 7);
  g_assert_cmpuint (kw_child_group_get_n_rows (KW_CHILD_GROUP (kw_map_page_get_positions (page))), ==, 7);
  for (KwGridQuadrant q = KW_GRID_CLOSELY_INVOLVE; q <= KW_GRID_MONITOR; q++)
    g_assert_cmpuint (count_quadrant (grid, q), >=, 1);
  g_assert_nonnull (strstr (kw_power_grid_get_description (grid), "Closely involve: Stichting Welzijn aan de Plas"));

  /* wide: the list beside the grid, from the same top; narrow: under it */
  {
    GtkWidget *list = GTK_WIDGET (kw_map_page_get_positions (page));
    graphene_rect_t grid_box, list_box;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (grid), GTK_WIDGET (page), &grid_box));
    g_assert_true (gtk_widget_compute_bounds (list, GTK_WIDGET (page), &list_box));
    g_assert_cmpfloat (list_box.origin.x, >=, grid_box.origin.x + grid_box.size.width);
    g_assert_cmpfloat (list_box.origin.y, <, grid_box.origin.y + grid_box.size.height);
    gtk_window_set_default_size (GTK_WINDOW (f->window), 700, 900);
    KW_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (f->window)) <= 700);
    kw_test_wait_transitions (GTK_WIDGET (f->window));
    KW_TEST_WAIT_UNTIL (gtk_widget_compute_bounds (list, GTK_WIDGET (page), &list_box)
                        && gtk_widget_compute_bounds (GTK_WIDGET (grid), GTK_WIDGET (page), &grid_box)
                        && list_box.origin.y >= grid_box.origin.y + grid_box.size.height);
    g_assert_cmpfloat (list_box.size.width, >=, grid_box.size.width);
  }

  /* back to the network */
  g_assert_true (kw_view_go_back (KW_VIEW (view)));
  g_assert_false (kw_view_get_can_go_back (KW_VIEW (view)));
}

static void
test_drag (KwTestFixture *f,
           gconstpointer  data)
{
  g_autofree char *map_id = NULL;
  KwMapPage *page = open_demo_map (f, &map_id);
  KwPowerGrid *grid = kw_map_page_get_grid (page);
  g_autofree char *position = position_of (f->store, map_id, "organisation", "Stadsdeel Nieuw-West");
  double x, y, tx, ty;

  g_assert_cmpint (stored (f->store, position, "influence"), ==, 5);
  g_assert_cmpint (stored (f->store, position, "interest"), ==, 2);
  g_assert_true (_kw_power_grid_get_point (grid, position, &x, &y));

  /* a drop in the same cell writes nothing */
  {
    g_autoptr(KwTestSignal) changed = kw_test_signal_new (f->store, "changed");

    _kw_power_grid_drag (grid, x, y, 3, 2);
    kw_test_settle (100);  /* nothing to wait for: no write should come */
    g_assert_cmpuint (kw_test_signal_count (changed), ==, 0);
    g_assert_cmpstr (kw_power_grid_get_selected (grid), ==, position);
  }

  /* to influence 2, interest 4: stored, once */
  {
    g_autoptr(KwTestSignal) changed = kw_test_signal_new (f->store, "changed");

    _kw_power_grid_get_cell_center (grid, 2, 4, &tx, &ty);
    _kw_power_grid_drag (grid, x, y, tx - x, ty - y);
    kw_test_signal_wait (changed, 1);
    g_assert_cmpint (stored (f->store, position, "influence"), ==, 2);
    g_assert_cmpint (stored (f->store, position, "interest"), ==, 4);
    kw_test_settle (100);  /* no second write comes */
    g_assert_cmpuint (kw_test_signal_count (changed), ==, 1);
  }
  KW_TEST_WAIT_UNTIL (kw_power_grid_lookup (grid, position)->influence == 2);
  g_assert_cmpint (kw_power_grid_lookup (grid, position)->interest, ==, 4);
  g_assert_cmpint (kw_grid_quadrant (2, 4), ==, KW_GRID_KEEP_INFORMED);

  /* a drag beyond the edge snaps to 5 and 1 */
  g_assert_true (_kw_power_grid_get_point (grid, position, &x, &y));
  _kw_power_grid_drag (grid, x, y, 5000, -5000);
  KW_TEST_WAIT_UNTIL (stored (f->store, position, "influence") == 5);
  g_assert_cmpint (stored (f->store, position, "interest"), ==, 5);

  /* the arrow keys move the selected party a cell, one write each */
  kw_power_grid_set_selected (grid, position);
  g_assert_true (_kw_power_grid_key (grid, GDK_KEY_Left));
  KW_TEST_WAIT_UNTIL (stored (f->store, position, "interest") == 4);
  g_assert_true (_kw_power_grid_key (grid, GDK_KEY_Down));
  KW_TEST_WAIT_UNTIL (stored (f->store, position, "influence") == 4);
  g_assert_true (_kw_power_grid_key (grid, GDK_KEY_Up));
  g_assert_true (_kw_power_grid_key (grid, GDK_KEY_Up));   /* 5 already: stays */
  KW_TEST_WAIT_UNTIL (stored (f->store, position, "influence") == 5);
  g_assert_cmpint (kw_power_grid_lookup (grid, position)->interest, ==, 4);

  /* a press on no party drags nothing and clears the selection */
  _kw_power_grid_drag (grid, 1, 1, 50, 50);
  g_assert_null (kw_power_grid_get_selected (grid));
  g_assert_cmpint (stored (f->store, position, "influence"), ==, 5);
  /* Space selects a party again */
  g_assert_true (_kw_power_grid_key (grid, GDK_KEY_space));
  g_assert_nonnull (kw_power_grid_get_selected (grid));
}

static void
test_list_edit (KwTestFixture *f,
                gconstpointer  data)
{
  g_autofree char *map_id = NULL;
  KwMapPage *page = open_demo_map (f, &map_id);
  KwPowerGrid *grid = kw_map_page_get_grid (page);
  KwMapPositions *positions = kw_map_page_get_positions (page);
  g_autofree char *position = position_of (f->store, map_id, "organisation", "Stichting Yeni Cami Osdorp");
  AdwExpanderRow *row = kw_map_positions_get_row (positions, position);
  KwRecordEditor *editor;
  GtkSpinButton *spin;
  double x0, y0, x1, y1;

  g_assert_nonnull (row);
  g_assert_cmpint (kw_power_grid_lookup (grid, position)->influence, ==, 2);
  g_assert_true (_kw_power_grid_get_point (grid, position, &x0, &y0));
  adw_expander_row_set_expanded (row, TRUE);
  /* the grid selects what the list shows */
  g_assert_cmpstr (kw_power_grid_get_selected (grid), ==, position);

  editor = kw_child_group_get_editor (KW_CHILD_GROUP (positions), position);
  g_assert_nonnull (editor);
  spin = g_object_get_data (G_OBJECT (kw_record_editor_get_row (editor, "influence")), "kw-spin");
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  gtk_spin_button_set_value (spin, 5);
  KW_TEST_WAIT_UNTIL (kw_power_grid_lookup (grid, position)->influence == 5);
  g_assert_cmpint (stored (f->store, position, "influence"), ==, 5);
  g_assert_true (_kw_power_grid_get_point (grid, position, &x1, &y1));
  g_assert_cmpfloat (y1, <, y0);   /* the dot went up */
  g_assert_cmpfloat (x1, ==, x0);
  g_assert_cmpint (kw_grid_quadrant (5, 3), ==, KW_GRID_KEEP_SATISFIED);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), "Keep satisfied"));

  /* and the list selects what the grid does */
  {
    g_autofree char *other = position_of (f->store, map_id, "organisation", "Sterke Moeders Nieuw-West");
    AdwExpanderRow *other_row = kw_map_positions_get_row (positions, other);

    kw_power_grid_set_selected (grid, other);
    g_assert_true (adw_expander_row_get_expanded (other_row));
    g_assert_false (adw_expander_row_get_expanded (row));
  }
}

static void
test_add_partners (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autofree char *map_id = NULL;
  KwMapPage *page = open_demo_map (f, &map_id);
  KwPowerGrid *grid = kw_map_page_get_grid (page);
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GError) error = NULL;
  const char *partner;

  g_assert_cmpuint (kw_power_grid_get_n_parties (grid), ==, 7);
  /* the three active partners not on it: Al-Amal, De Horizon, Noor; not
   * the prospective business association (on it already anyway) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "stakeholder-map.add-partners", NULL));
  KW_TEST_WAIT_UNTIL (kw_power_grid_get_n_parties (grid) == 10);
  kw_test_wait_toast_shown (GTK_WIDGET (f->window), "Added 3 partners to the map");
  positions = kw_store_list_by_ref (f->store, "map_position", "map", map_id, NULL);
  g_assert_cmpuint (positions->len, ==, 10);
  partner = id_by_name (f->store, "organisation", "Stichting Moskee Al-Amal");
  for (guint i = 0; i < positions->len; i++)
    if (g_strcmp0 (kw_record_get_string (positions->pdata[i], "party"), partner) == 0)
      {
        g_assert_cmpint (kw_record_get_int (positions->pdata[i], "influence"), ==, 3);
        g_assert_cmpint (kw_record_get_int (positions->pdata[i], "interest"), ==, 3);
        g_assert_cmpint (kw_record_get_int (positions->pdata[i], "stance"), ==, 0);
        g_assert_false (kw_record_is_null (positions->pdata[i], "stance"));
        partner = NULL;
      }
  g_assert_null (partner);
  g_assert_cmpuint (kw_child_group_get_n_rows (KW_CHILD_GROUP (kw_map_page_get_positions (page))), ==, 10);

  /* a second time adds nobody */
  g_assert_cmpint (kw_map_page_add_partners (page, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (kw_store_count (f->store, "map_position"), ==, 30);
}

static void
test_add_from_contacts (KwTestFixture *f,
                        gconstpointer  data)
{
  g_autofree char *map_id = NULL;
  KwMapPage *page = open_demo_map (f, &map_id);
  KwPowerGrid *grid = kw_map_page_get_grid (page);
  g_autoptr(GError) error = NULL;
  const char *person = id_by_name (f->store, "person", "Noor Bakkali");
  g_autofree char *id = kw_child_group_add (KW_CHILD_GROUP (kw_map_page_get_positions (page)), "person", person, &error);
  const KwGridParty *party;

  g_assert_no_error (error);
  g_assert_nonnull (id);
  KW_TEST_WAIT_UNTIL (kw_power_grid_lookup (grid, id) != NULL);
  party = kw_power_grid_lookup (grid, id);
  g_assert_cmpint (party->influence, ==, 3);
  g_assert_cmpint (party->interest, ==, 3);
  g_assert_cmpint (party->stance, ==, 0);
  g_assert_cmpint (kw_grid_quadrant (party->influence, party->interest), ==, KW_GRID_MONITOR);
}

static void
test_unnamed (KwTestFixture *f,
              gconstpointer  data)
{
  g_autofree char *map_id = NULL;
  KwMapPage *page = open_demo_map (f, &map_id);
  KwPowerGrid *grid = kw_map_page_get_grid (page);
  g_autofree char *position = position_of (f->store, map_id, "person", "Hatice Demirtaş");
  g_autoptr(GString) texts = g_string_new (NULL);
  const char *description = kw_power_grid_get_description (grid);

  g_assert_cmpstr (kw_record_get_string (kw_store_get (f->store, "person", kw_power_grid_lookup (grid, position)->party_id, NULL), "consent"), ==, "private");
  g_assert_null (kw_power_grid_lookup (grid, position)->name);
  g_assert_nonnull (strstr (description, "Keep informed: "));
  g_assert_nonnull (strstr (description, "Unnamed person (influence 1, interest 4, stance +1 for)"));
  g_assert_null (strstr (description, "Hatice"));
  /* nor in the list or anywhere else on the page */
  collect_texts (GTK_WIDGET (page), texts);
  g_assert_null (strstr (texts->str, "Hatice"));
  g_assert_nonnull (strstr (texts->str, "Unnamed person"));
  /* a named person is named */
  g_assert_nonnull (strstr (description, "Sterke Moeders Nieuw-West (influence 2, interest 5, stance +2 strongly for)"));
}

static void
test_remove (KwTestFixture *f,
             gconstpointer  data)
{
  g_autofree char *map_id = NULL;
  KwMapPage *page = open_demo_map (f, &map_id);
  KwPowerGrid *grid = kw_map_page_get_grid (page);
  g_autofree char *position = position_of (f->store, map_id, "organisation", "Woonstichting Amstelhuis");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-record", "(ss)", "map_position", position);
  KW_TEST_WAIT_UNTIL (kw_power_grid_get_n_parties (grid) == 6);
  g_assert_null (kw_power_grid_lookup (grid, position));
  g_assert_true (kw_store_is_pending (f->store, "map_position", position));
  kw_test_wait_toast_shown (GTK_WIDGET (f->window), NULL);  /* libadwaita 1.2 can crash on a toast going while it comes in */
  /* undo brings it back */
  kw_store_cancel_pending (f->store, "map_position", position);
  KW_TEST_WAIT_UNTIL (kw_power_grid_get_n_parties (grid) == 7);
  g_assert_nonnull (kw_power_grid_lookup (grid, position));
}

static void
test_new_map (KwTestFixture *f,
              gconstpointer  data)
{
  KwMapView *view;
  KwMapPage *page;

  kw_test_fixture_open (f);
  view = KW_MAP_VIEW (kw_window_get_view_for_type (f->window, "stakeholder_map"));
  g_assert_cmpstr (kw_view_get_new_label (KW_VIEW (view)), ==, "New Map");
  g_assert_true (kw_view_new_record (KW_VIEW (view), NULL));
  page = kw_map_view_get_page (view);
  g_assert_true (kw_record_page_is_draft (KW_RECORD_PAGE (page)));
  g_assert_nonnull (kw_record_page_get_row (KW_RECORD_PAGE (page), "alliance"));
  g_assert_nonnull (kw_record_page_get_row (KW_RECORD_PAGE (page), "area"));
  g_assert_cmpuint (kw_power_grid_get_n_parties (kw_map_page_get_grid (page)), ==, 0);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list box of the group's own rows (not the preferences group's). */
static GtkWidget *
find_rows (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && ADW_IS_ACTION_ROW (gtk_widget_get_first_child (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_rows (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_alliance_maps (KwTestFixture *f,
                    gconstpointer  data)
{
  g_autofree char *alliance = NULL;
  g_autofree char *map_id = NULL;
  g_autofree char *new_id = NULL;
  g_autoptr(GError) error = NULL;
  KwAlliancesView *alliances;
  KwMapListGroup *group;
  KwMapView *view;
  GtkWidget *list, *row;

  kw_test_fixture_open (f);
  alliance = g_strdup (id_by_name (f->store, "alliance", "Wijkalliantie Slotermeer-Noord"));
  map_id = g_strdup (id_by_name (f->store, "stakeholder_map", DEMO_MAP));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "alliance", alliance));
  alliances = KW_ALLIANCES_VIEW (kw_window_get_view_for_type (f->window, "alliance"));
  group = KW_MAP_LIST_GROUP (find_widget (GTK_WIDGET (_kw_alliances_view_get_page (alliances)), KW_TYPE_MAP_LIST_GROUP));
  g_assert_nonnull (group);
  KW_TEST_WAIT_UNTIL (kw_map_list_group_get_n_maps (group) == 1);

  /* its row opens the grid in the map view */
  list = find_rows (GTK_WIDGET (group));
  g_assert_nonnull (list);
  row = gtk_widget_get_first_child (list);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, DEMO_MAP);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "7 parties");
  g_signal_emit_by_name (list, "row-activated", row);
  view = KW_MAP_VIEW (kw_window_get_view_for_type (f->window, "stakeholder_map"));
  KW_TEST_WAIT_UNTIL (kw_map_view_get_page (view) != NULL
                      && g_strcmp0 (kw_record_page_get_id (KW_RECORD_PAGE (kw_map_view_get_page (view))), map_id) == 0);
  KW_TEST_WAIT_UNTIL (kw_test_is_shown (kw_map_view_get_page (view)));

  /* a new map of the alliance, with its area, opened */
  new_id = kw_map_list_group_add_map (group, &error);
  g_assert_no_error (error);
  KW_TEST_WAIT_UNTIL (kw_map_list_group_get_n_maps (group) == 2);
  {
    g_autoptr(KwRecord) map = kw_store_get (f->store, "stakeholder_map", new_id, NULL);
    g_autoptr(KwRecord) record = kw_store_get (f->store, "alliance", alliance, NULL);

    g_assert_cmpstr (kw_record_get_string (map, "alliance"), ==, alliance);
    g_assert_cmpstr (kw_record_get_string (map, "area"), ==, kw_record_get_string (record, "area"));
    g_assert_cmpstr (kw_record_get_string (map, "name"), ==, "Stakeholder map of Wijkalliantie Slotermeer-Noord");
  }
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_record_page_get_id (KW_RECORD_PAGE (kw_map_view_get_page (view))), new_id) == 0);
  /* its partners in one step: all six active ones */
  g_assert_cmpint (kw_map_page_add_partners (kw_map_view_get_page (view), &error), ==, 6);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/power-grid/open", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_open, kw_test_fixture_teardown);
  g_test_add ("/kw/power-grid/drag", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_drag, kw_test_fixture_teardown);
  g_test_add ("/kw/power-grid/list-edit", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_list_edit, kw_test_fixture_teardown);
  g_test_add ("/kw/power-grid/add-partners", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_add_partners, kw_test_fixture_teardown);
  g_test_add ("/kw/power-grid/add-from-contacts", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_add_from_contacts, kw_test_fixture_teardown);
  g_test_add ("/kw/power-grid/unnamed", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_unnamed, kw_test_fixture_teardown);
  g_test_add ("/kw/power-grid/remove", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_remove, kw_test_fixture_teardown);
  g_test_add ("/kw/power-grid/new-map", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_new_map, kw_test_fixture_teardown);
  g_test_add ("/kw/power-grid/alliance-maps", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_alliance_maps, kw_test_fixture_teardown);
  return g_test_run ();
}
