/* test-networks.c: the Residents' Networks view and the load overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A unit without a deputy is flagged in its network's list of units and
 * on its page; the signal lists the members kw_analysis_absent (what
 * `report absent` prints) finds; logging a contact moment from it shows
 * in its row; the network's totals; the load window's rows are
 * kw_analysis_load's, and the person page's "Carries a lot" badge.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-analysis.h"
#include "kw-child-group.h"
#include "kw-format.h"
#include "kw-test-util.h"
#include "networks/kw-absent-group.h"
#include "networks/kw-load-window.h"
#include "networks/kw-network-page.h"
#include "networks/kw-networks-view.h"
#include "networks/kw-unit-group.h"
#include "networks/kw-unit-page.h"

/* Helpers */

/* A local date @days before today, "YYYY-MM-DD", or a datetime at noon UTC. */
static char *
days_ago (int      days,
          gboolean datetime)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, datetime ? "%Y-%m-%dT12:00:00Z" : "%Y-%m-%d");
}

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main loop until @condition holds (at most 5 s). */
static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  return condition (data);
}

/* A GtkLabel below @widget with this text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The expander row of a unit in the network page's units group. */
static GtkWidget *
find_unit_row (GtkWidget  *group,
               const char *title)
{
  for (GtkWidget *row = kw_test_find_type (group, ADW_TYPE_EXPANDER_ROW); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_EXPANDER_ROW (row) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;
  return NULL;
}

/* The units' rows come after the page's first frame. */
static gboolean
units_shown (gpointer data)
{
  return kw_child_group_get_n_rows (kw_network_page_get_units (data)) > 0
         && kw_test_find_type (GTK_WIDGET (kw_network_page_get_units (data)), ADW_TYPE_EXPANDER_ROW) != NULL;
}

static KwNetworksView *
show_networks (KwTestFixture *f)
{
  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "networks"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  return KW_NETWORKS_VIEW (kw_window_get_view_for_type (f->window, "network_unit"));
}

static void
open_record (KwTestFixture *f,
             const char    *type_name,
             const char    *id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", type_name, id));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  kw_test_wait_frames (GTK_WIDGET (f->window), 2);   /* the groups fill after the first frame */
}

/* Tests */

static void
test_unit_flags (KwTestFixture *f,
                 gconstpointer  data)
{
  g_autofree char *today = days_ago (0, FALSE);
  g_autofree char *ada = kw_test_create (f->store, "person", "name", "Ada Proef", NULL);
  g_autofree char *bas = kw_test_create (f->store, "person", "name", "Bas Proef", NULL);
  g_autofree char *network = kw_test_create (f->store, "network", "name", "Stadsdorp Proef", "kind", "village", NULL);
  g_autofree char *full = kw_test_create (f->store, "network_unit", "network", network, "name", "Noord",
                                  "contact", ada, "deputy", bas, NULL);
  g_autofree char *lacking = kw_test_create (f->store, "network_unit", "network", network, "name", "Zuid", "contact", ada, NULL);
  KwNetworksView *view;
  GtkWidget *page, *row, *unit_page;

  g_free (kw_test_create (f->store, "contact_moment", "person", ada, "date", today, NULL));
  g_free (kw_test_create (f->store, "contact_moment", "person", bas, "date", today, NULL));
  view = show_networks (f);
  g_assert_cmpuint (g_list_model_get_n_items (kw_networks_view_get_list (view)), ==, 1);
  open_record (f, "network", network);
  g_assert_cmpstr (kw_networks_view_get_shown (view), ==, "network");
  page = kw_networks_view_get_network_page (view);
  g_assert_true (wait_for (units_shown, page));
  /* in the list of units: the unit without a deputy, not the other */
  row = find_unit_row (page, "Zuid");
  g_assert_nonnull (row);
  g_assert_nonnull (find_label (row, "No deputy"));
  row = find_unit_row (page, "Noord");
  g_assert_nonnull (row);
  g_assert_null (find_label (row, "No deputy"));
  /* on the unit's page, a level further, with Back to the network */
  open_record (f, "network_unit", lacking);
  g_assert_cmpstr (kw_networks_view_get_shown (view), ==, "unit");
  unit_page = kw_networks_view_get_unit_page (view);
  g_assert_cmpstr (kw_record_page_get_id (KW_RECORD_PAGE (unit_page)), ==, lacking);
  g_assert_nonnull (find_label (kw_unit_page_get_flags_box (KW_UNIT_PAGE (unit_page)), "No deputy"));
  g_assert_true (kw_view_get_can_go_back (KW_VIEW (view)));
  g_assert_true (kw_view_go_back (KW_VIEW (view)));
  g_assert_cmpstr (kw_networks_view_get_shown (view), ==, "network");
  /* a deputy found: the flag goes from the row */
  {
    g_autoptr(KwChangeset) changes = kw_changeset_new ("network_unit", NULL);

    kw_changeset_set_string (changes, "deputy", bas);
    g_assert_true (kw_store_update (f->store, lacking, changes, NULL));
  }
  kw_test_wait_frames (GTK_WIDGET (f->window), 2);   /* the rows' refresh after the change */
  g_assert_null (find_label (find_unit_row (page, "Zuid"), "No deputy"));
  open_record (f, "network_unit", full);
  g_assert_null (gtk_widget_get_first_child (kw_unit_page_get_flags_box (KW_UNIT_PAGE (unit_page))));
}

typedef struct {
  char *unit;
  char *present;   /* came to the second gathering */
  char *absent;    /* came to none */
  char *late;      /* joined after the first gathering */
  char *gatherings[4];
} Unit;

static void
unit_clear (Unit *u)
{
  g_free (u->unit);
  g_free (u->present);
  g_free (u->absent);
  g_free (u->late);
  for (guint i = 0; i < G_N_ELEMENTS (u->gatherings); i++)
    g_free (u->gatherings[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Unit, unit_clear)

/* Four held gatherings (the window is the last three), a planned one,
 * and members who came, who did not, and who joined late. */
static void
make_unit (KwStore *store,
           Unit    *u)
{
  g_autofree char *network = kw_test_create (store, "network", "name", "Stadsdorp Proef", NULL);
  g_autofree char *since_old = days_ago (400, FALSE);
  g_autofree char *since_new = days_ago (50, FALSE);
  g_autofree char *future = days_ago (-20, TRUE);
  static const int ago[] = { 200, 120, 60, 10 };

  u->present = kw_test_create (store, "person", "name", "Ada Komt", NULL);
  u->absent = kw_test_create (store, "person", "name", "Bas Weg", NULL);
  u->late = kw_test_create (store, "person", "name", "Cor Nieuw", NULL);
  u->unit = kw_test_create (store, "network_unit", "network", network, "name", "Noord", "contact", u->present, NULL);
  g_free (kw_test_create (store, "network_member", "unit", u->unit, "person", u->present, "since", since_old, NULL));
  g_free (kw_test_create (store, "network_member", "unit", u->unit, "person", u->absent, "since", since_old, NULL));
  g_free (kw_test_create (store, "network_member", "unit", u->unit, "person", u->late, "since", since_new, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (ago); i++)
    {
      g_autofree char *when = days_ago (ago[i], TRUE);

      u->gatherings[i] = kw_test_create (store, "meeting", "title", "Binnenbuurtbijeenkomst", "kind", "unit_gathering",
                                 "status", "held", "starts_at", when, "unit", u->unit, NULL);
    }
  g_free (kw_test_create (store, "meeting", "title", "Volgende keer", "status", "planned", "starts_at", future, "unit", u->unit, NULL));
  g_free (kw_test_create (store, "attendance", "meeting", u->gatherings[0], "person", u->absent, "status", "present", NULL));
  g_free (kw_test_create (store, "attendance", "meeting", u->gatherings[2], "person", u->present, "status", "present", NULL));
  g_free (kw_test_create (store, "attendance", "meeting", u->gatherings[3], "person", u->absent, "status", "absent", NULL));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_absent (KwTestFixture *f,
             gconstpointer  data)
{
  g_auto (Unit) u = { 0 };
  g_autoptr(KwAnalysisAbsence) absence = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) shown = NULL;
  KwNetworksView *view;
  KwUnitPage *page;
  GtkWidget *row;
  GDate today;

  make_unit (f->store, &u);
  kw_analysis_get_today (&today);
  absence = kw_analysis_absent (f->store, u.unit, KW_ANALYSIS_STALE_MONTHS, &today, NULL);
  g_assert_nonnull (absence);
  for (guint i = 0; i < absence->absent->len; i++)
    g_ptr_array_add (expected, ((KwAnalysisAbsent *) g_ptr_array_index (absence->absent, i))->person);
  /* the crafted data says who: only Bas (Cor joined late, Ada came) */
  g_assert_cmpuint (expected->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (expected, 0), ==, u.absent);

  view = show_networks (f);
  open_record (f, "network_unit", u.unit);
  page = KW_UNIT_PAGE (kw_networks_view_get_unit_page (view));
  shown = kw_absent_group_dup_people (kw_unit_page_get_absent_group (page));
  g_ptr_array_sort (shown, compare_strings);
  g_ptr_array_sort (expected, compare_strings);
  g_assert_cmpuint (shown->len, ==, expected->len);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpstr (g_ptr_array_index (shown, i), ==, g_ptr_array_index (expected, i));
  row = kw_absent_group_get_row (kw_unit_page_get_absent_group (page), u.absent);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Bas Weg");
  /* last came: the first gathering, outside the window; no contact yet */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "no contact logged yet"));
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "not at any gathering"));
  /* the gatherings: the five of the unit, newest first */
  g_assert_cmpuint (g_list_model_get_n_items (kw_unit_page_get_gatherings (page)), ==, 5);
  {
    g_autoptr(KwRecord) second = g_list_model_get_item (kw_unit_page_get_gatherings (page), 1);

    g_assert_cmpstr (kw_record_get_id (second), ==, u.gatherings[3]);
  }
}

static gboolean
row_says_today (gpointer data)
{
  KwAbsentGroup *group = data;
  GtkWidget *row = g_object_get_data (G_OBJECT (group), "test-person")
                   ? kw_absent_group_get_row (group, g_object_get_data (G_OBJECT (group), "test-person")) : NULL;

  return row != NULL && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "last contact today") != NULL;
}

static void
test_log_contact (KwTestFixture *f,
                  gconstpointer  data)
{
  g_auto (Unit) u = { 0 };
  g_autofree char *today = days_ago (0, FALSE);
  g_autoptr(GPtrArray) moments = NULL;
  KwNetworksView *view;
  KwAbsentGroup *group;
  GtkWidget *row, *button, *popover, *form, *summary;

  make_unit (f->store, &u);
  view = show_networks (f);
  open_record (f, "network_unit", u.unit);
  group = kw_unit_page_get_absent_group (KW_UNIT_PAGE (kw_networks_view_get_unit_page (view)));
  row = kw_absent_group_get_row (group, u.absent);
  g_assert_nonnull (row);
  g_assert_false (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "last contact today"));
  /* the row's Log Contact button, its form: date today, channel, summary */
  button = g_object_get_data (G_OBJECT (row), "kw-log-button");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  KW_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  form = gtk_popover_get_child (GTK_POPOVER (popover));
  summary = g_object_get_data (G_OBJECT (form), "kw-summary");
  gtk_editable_set_text (GTK_EDITABLE (summary), "Aangebeld, gaat goed");
  gtk_widget_activate (g_object_get_data (G_OBJECT (form), "kw-button"));
  g_object_set_data_full (G_OBJECT (group), "test-person", g_strdup (u.absent), g_free);
  g_assert_true (wait_for (row_says_today, group));
  /* the contact moment is the person's, dated today */
  moments = kw_store_list_by_ref (f->store, "contact_moment", "person", u.absent, NULL);
  g_assert_cmpuint (moments->len, ==, 1);
  g_assert_cmpstr (kw_record_get_string (g_ptr_array_index (moments, 0), "date"), ==, today);
  g_assert_cmpstr (kw_record_get_string (g_ptr_array_index (moments, 0), "summary"), ==, "Aangebeld, gaat goed");
  /* still absent from the gatherings: the row stays */
  g_assert_nonnull (kw_absent_group_get_row (group, u.absent));
}

static void
test_totals (KwTestFixture *f,
             gconstpointer  data)
{
  g_autofree char *network = kw_test_create (f->store, "network", "name", "Stadsdorp Proef", "members_count", "120",
                                     "dues_cents_month", "250", NULL);
  g_autofree char *person = kw_test_create (f->store, "person", "name", "Ada Proef", NULL);
  g_autofree char *counted = kw_test_create (f->store, "network_unit", "network", network, "name", "Noord", "members_count", "48", NULL);
  g_autofree char *listed = kw_test_create (f->store, "network_unit", "network", network, "name", "Zuid", NULL);
  KwNetworksView *view;
  KwNetworkPage *page;
  gint64 members, month, year;

  g_free (kw_test_create (f->store, "network_member", "unit", listed, "person", person, NULL));
  view = show_networks (f);
  open_record (f, "network", network);
  page = KW_NETWORK_PAGE (kw_networks_view_get_network_page (view));
  kw_network_page_get_totals (page, &members, &month, &year);
  g_assert_cmpint (members, ==, 49);     /* 48 counted + one listed member */
  g_assert_cmpint (month, ==, 120 * 250);
  g_assert_cmpint (year, ==, 120 * 250 * 12);
  {
    g_autofree char *euros = kw_format_cents (120 * 250 * 12);

    g_assert_nonnull (find_label (GTK_WIDGET (page), euros));
  }
  /* a member opens its unit */
  {
    g_autoptr(GPtrArray) members_of = kw_store_list_by_ref (f->store, "network_member", "unit", listed, NULL);

    open_record (f, "network_member", kw_record_get_id (g_ptr_array_index (members_of, 0)));
    g_assert_cmpstr (kw_record_page_get_id (KW_RECORD_PAGE (kw_networks_view_get_unit_page (view))), ==, listed);
  }
  (void) counted;
}

/* Someone who chairs and attends much, and someone with one meeting. */
static void
make_load (KwStore *store,
           char   **busy,
           char   **quiet)
{
  *busy = kw_test_create (store, "person", "name", "Dirk Druk", NULL);
  *quiet = kw_test_create (store, "person", "name", "Els Rustig", NULL);
  for (int i = 0; i < 7; i++)
    {
      g_autofree char *when = days_ago (i * 6 + 1, TRUE);
      g_autofree char *meeting = kw_test_create (store, "meeting", "title", "Overleg", "status", "held", "starts_at", when,
                                         "chair", *busy, NULL);

      g_free (kw_test_create (store, "attendance", "meeting", meeting, "person", *busy, "status", "present", NULL));
      if (i == 0)
        g_free (kw_test_create (store, "attendance", "meeting", meeting, "person", *quiet, "status", "late", NULL));
    }
}

static KwLoadWindow *
find_load_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KW_IS_LOAD_WINDOW (window))
        return KW_LOAD_WINDOW (window);
    }
  return NULL;
}

static void
test_load_window (KwTestFixture *f,
                  gconstpointer  data)
{
  g_autofree char *busy = NULL, *quiet = NULL;
  g_autoptr(GPtrArray) loads = NULL;
  KwNetworksView *view;
  KwLoadWindow *window;
  GListModel *model;
  GDate today;

  make_load (f->store, &busy, &quiet);
  view = show_networks (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "networks.show-load", NULL));
  KW_TEST_WAIT_UNTIL (find_load_window () != NULL);
  window = find_load_window ();
  g_assert_nonnull (window);
  kw_analysis_get_today (&today);
  loads = kw_analysis_load (f->store, KW_ANALYSIS_LOAD_WEEKS, kw_load_window_get_threshold (window), &today, NULL);
  model = kw_load_window_get_model (window);
  g_assert_cmpuint (kw_load_window_get_threshold (window), ==, KW_ANALYSIS_LOAD_THRESHOLD);
  g_assert_cmpuint (loads->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, loads->len);
  for (guint i = 0; i < loads->len; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (gtk_string_object_get_string (item), ==, ((KwAnalysisLoad *) g_ptr_array_index (loads, i))->person);
    }
  /* 7 meetings + 7 chairs: flagged, first */
  g_assert_true (((KwAnalysisLoad *) g_ptr_array_index (loads, 0))->flagged);
  g_assert_cmpstr (((KwAnalysisLoad *) g_ptr_array_index (loads, 0))->person, ==, busy);
  /* a row opens the person in the window */
  g_signal_emit_by_name (kw_test_find_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW), "activate", 1);
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_window_get_view (f->window), "contacts") == 0);
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "contacts");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Deleting the unit shown (its undo toast up) goes back to its network;
 * deleting the network closes its page. */
static void
test_delete (KwTestFixture *f,
             gconstpointer  data)
{
  g_autofree char *network = kw_test_create (f->store, "network", "name", "Stadsdorp Proef", NULL);
  g_autofree char *unit = kw_test_create (f->store, "network_unit", "network", network, "name", "Noord", NULL);
  KwNetworksView *view = show_networks (f);

  open_record (f, "network", network);
  open_record (f, "network_unit", unit);
  g_assert_cmpstr (kw_networks_view_get_shown (view), ==, "unit");
  g_assert_true (gtk_widget_activate_action (kw_networks_view_get_unit_page (view), "unit.delete", NULL));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_networks_view_get_shown (view), "network") == 0);
  g_assert_true (kw_store_is_pending (f->store, "network_unit", unit));
  g_assert_cmpstr (kw_networks_view_get_shown (view), ==, "network");
  g_assert_true (gtk_widget_activate_action (kw_networks_view_get_network_page (view), "network.delete", NULL));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_networks_view_get_shown (view), "none") == 0);
  g_assert_cmpstr (kw_networks_view_get_shown (view), ==, "none");
}

/* New: a draft network page, stored once it has a name and is added. */
static void
test_new_network (KwTestFixture *f,
                  gconstpointer  data)
{
  KwNetworksView *view = show_networks (f);
  KwRecordPage *page;
  GtkWidget *title;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_networks_view_get_shown (view), "network") == 0);
  g_assert_cmpstr (kw_networks_view_get_shown (view), ==, "network");
  page = KW_RECORD_PAGE (kw_networks_view_get_network_page (view));
  g_assert_true (kw_record_page_is_draft (page));
  title = kw_record_editor_get_title_row (kw_record_page_get_editor (page));
  gtk_editable_set_text (GTK_EDITABLE (title), "Stadsdorp Nieuw");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "record.add-draft", NULL));
  KW_TEST_WAIT_UNTIL (kw_store_count (f->store, "network") == 1 && !kw_record_page_is_draft (page));
  g_assert_cmpint (kw_store_count (f->store, "network"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (kw_networks_view_get_list (view)), ==, 1);
  g_assert_false (kw_record_page_is_draft (page));
  g_assert_nonnull (kw_record_page_get_id (page));
}

static void
test_person_badge (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autofree char *busy = NULL, *quiet = NULL;
  GtkWidget *view, *badge;

  make_load (f->store, &busy, &quiet);
  kw_test_fixture_open (f);
  open_record (f, "person", busy);
  view = kw_window_get_view_for_type (f->window, "person");
  badge = find_label (view, "Carries a lot");
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_get_visible (badge));
  open_record (f, "person", quiet);
  g_assert_false (gtk_widget_get_visible (badge));
}

/* Not a test: test-ui-networks --time-unit-page DB opens the unit pages
 * of DB (a copy of a generated database) one after another in the real
 * window and prints how long each took, from win.open-record to the
 * window's next painted frame (docs/networks.md has the figures). */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
time_unit_pages (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = kw_store_open (path, &error);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  KwWindow *window;
  GdkFrameClock *clock;

  g_assert_no_error (error);
  units = kw_store_list (store, g_getenv ("KW_TIME_TYPE") ? g_getenv ("KW_TIME_TYPE") : "network_unit", NULL);
  window = kw_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  kw_test_settle (1500);   /* measurement mode: let the first window settle */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", g_getenv ("KW_TIME_TYPE") ? "contacts" : "networks");
  kw_test_settle (500);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  for (guint i = 0; i < MIN (units->len, 41); i++)
    {
      gboolean painted = FALSE;
      gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
      gint64 start = g_get_monotonic_time ();
      double ms;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(ss)",
                                  g_getenv ("KW_TIME_TYPE") ? g_getenv ("KW_TIME_TYPE") : "network_unit",
                                  kw_record_get_id (g_ptr_array_index (units, (i * 7) % units->len)));
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_signal_handler_disconnect (clock, handler);
      if (i > 0)  /* the first makes the pages */
        g_array_append_val (times, ms);
      if (g_getenv ("KW_TIME_PARTS") != NULL)
        {
          KwNetworksView *view = KW_NETWORKS_VIEW (kw_window_get_view_for_type (window, "network_unit"));
          KwRecord *unit = g_ptr_array_index (units, (i * 7 + 3) % units->len);
          gint64 t0 = g_get_monotonic_time (), t1, t2;

          kw_record_page_set_id (KW_RECORD_PAGE (kw_networks_view_get_unit_page (view)), kw_record_get_id (unit));
          t1 = g_get_monotonic_time ();
          kw_record_page_set_id (KW_RECORD_PAGE (kw_networks_view_get_network_page (view)), kw_record_get_string (unit, "network"));
          t2 = g_get_monotonic_time ();
          g_print ("unit page %.1f ms, network page %.1f ms\n", (t1 - t0) / 1000.0, (t2 - t1) / 1000.0);
          {
            KwRecordPage *up = KW_RECORD_PAGE (kw_networks_view_get_unit_page (view));
            KwRecord *other = g_ptr_array_index (units, (i * 7 + 5) % units->len);
            gint64 a = g_get_monotonic_time (), b, c;

            kw_child_group_set_parent (kw_unit_page_get_members_group (KW_UNIT_PAGE (up)), "network_unit", kw_record_get_id (other));
            b = g_get_monotonic_time ();
            kw_absent_group_set_unit (kw_unit_page_get_absent_group (KW_UNIT_PAGE (up)), kw_record_get_id (other));
            c = g_get_monotonic_time ();
            g_print ("  members group %.1f ms (%u rows), absent %.1f ms\n", (b - a) / 1000.0,
                     kw_child_group_get_n_rows (kw_unit_page_get_members_group (KW_UNIT_PAGE (up))), (c - b) / 1000.0);
            a = g_get_monotonic_time ();
            kw_child_group_set_parent (kw_network_page_get_units (KW_NETWORK_PAGE (kw_networks_view_get_network_page (view))), "network", kw_record_get_string (other, "network"));
            b = g_get_monotonic_time ();
            g_print ("  units group %.1f ms\n", (b - a) / 1000.0);
          }
        }
      kw_test_settle (100);
    }
  g_array_sort (times, compare_doubles);
  g_print ("unit pages opened: %u; median %.1f ms, p90 %.1f ms, max %.1f ms\n", times->len,
           g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len * 9 / 10),
           g_array_index (times, double, times->len - 1));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--time-unit-page"))
    {
      argc = 1;
      kw_test_init (&argc, &argv);
      return time_unit_pages (argv[2]);
    }
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/networks/unit-flags", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_unit_flags, kw_test_fixture_teardown);
  g_test_add ("/kw/networks/absent", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_absent, kw_test_fixture_teardown);
  g_test_add ("/kw/networks/log-contact", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_log_contact, kw_test_fixture_teardown);
  g_test_add ("/kw/networks/totals", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_totals, kw_test_fixture_teardown);
  g_test_add ("/kw/networks/load-window", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_load_window, kw_test_fixture_teardown);
  g_test_add ("/kw/networks/delete", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_delete, kw_test_fixture_teardown);
  g_test_add ("/kw/networks/new-network", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_new_network, kw_test_fixture_teardown);
  g_test_add ("/kw/networks/person-badge", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_person_badge, kw_test_fixture_teardown);
  return g_test_run ();
}
