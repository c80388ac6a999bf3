/* test-meetings.c: the Meetings view (bijeenkomsten)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list's Upcoming / Past split (soonest first, latest first), its
 * filters, a cancelled meeting marked in its row, and the meeting page
 * with its fields.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-format.h"
#include "kw-list-pane.h"
#include "kw-test-util.h"
#include "kw-meetings.h"
#include "meetings/kw-actions-group.h"
#include "meetings/kw-agenda-group.h"
#include "meetings/kw-attendance-group.h"
#include "meetings/kw-meeting-page.h"
#include "meetings/kw-meetings-view.h"

/* Helpers */

/* A datetime @days from now (negative: ago), at 17:30 UTC. */
static char *
in_days (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%dT17:30:00Z");
}

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

/* The list of meetings. */
static GtkWidget *
list_view (KwMeetingsView *view)
{
  return GTK_WIDGET (kw_list_pane_get_list_view (KW_LIST_PANE (kw_test_find_type (GTK_WIDGET (view), KW_TYPE_LIST_PANE))));
}

static const char *
title_at (GListModel *list,
          guint       position)
{
  g_autoptr(KwRecord) record = g_list_model_get_item (list, position);

  return kw_record_get_string (record, "title");
}

static KwMeetingsView *
show_meetings (KwTestFixture *f)
{
  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  return KW_MEETINGS_VIEW (kw_window_get_view_for_type (f->window, "meeting"));
}

static GtkWidget *
view_list_pane (KwMeetingsView *view)
{
  return kw_test_find_type (GTK_WIDGET (view), KW_TYPE_LIST_PANE);
}

/* Tests */

static void
test_upcoming_past (KwTestFixture *f,
                    gconstpointer  data)
{
  g_autofree char *d_far = in_days (30), *d_soon = in_days (2), *d_ago = in_days (-3), *d_long = in_days (-60);
  g_autofree char *alliance = kw_test_create (f->store, "alliance", "name", "Wijkalliantie Proef", NULL);
  KwMeetingsView *view;
  GListModel *list;

  g_free (kw_test_create (f->store, "meeting", "title", "Later", "starts_at", d_far, "kind", "task_team", NULL));
  g_free (kw_test_create (f->store, "meeting", "title", "Soon", "starts_at", d_soon, "alliance", alliance,
                  "kind", "alliance", NULL));
  g_free (kw_test_create (f->store, "meeting", "title", "Last week", "starts_at", d_ago, "status", "held", NULL));
  g_free (kw_test_create (f->store, "meeting", "title", "Long ago", "starts_at", d_long, "status", "cancelled",
                  "alliance", alliance, NULL));
  view = show_meetings (f);
  list = kw_meetings_view_get_list (view);
  /* upcoming first, soonest first */
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (list) == 2);
  g_assert_cmpstr (title_at (list, 0), ==, "Soon");
  g_assert_cmpstr (title_at (list, 1), ==, "Later");
  /* the past, latest first */
  kw_meetings_view_set_upcoming (view, FALSE);
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (list) == 2 && g_strcmp0 (title_at (list, 0), "Last week") == 0);
  g_assert_cmpstr (title_at (list, 1), ==, "Long ago");
  /* the cancelled one says so in its row */
  KW_TEST_WAIT_UNTIL (find_label (list_view (view), "Cancelled") != NULL);
  g_assert_true (gtk_widget_has_css_class (find_label (list_view (view), "Cancelled"), "error"));
  g_assert_nonnull (find_label (list_view (view), "Held"));
  kw_meetings_view_set_upcoming (view, TRUE);
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (list) == 2 && g_strcmp0 (title_at (list, 0), "Soon") == 0);
}

static void
test_filters (KwTestFixture *f,
              gconstpointer  data)
{
  g_autofree char *d1 = in_days (1), *d2 = in_days (2), *d3 = in_days (3);
  g_autofree char *alliance = kw_test_create (f->store, "alliance", "name", "Wijkalliantie Proef", NULL);
  KwMeetingsView *view;
  GListModel *list;
  GtkDropDown *dropdown;


  g_free (kw_test_create (f->store, "meeting", "title", "Alliance", "starts_at", d1, "alliance", alliance, "kind", "alliance", NULL));
  g_free (kw_test_create (f->store, "meeting", "title", "Team", "starts_at", d2, "kind", "task_team", NULL));
  g_free (kw_test_create (f->store, "meeting", "title", "Off", "starts_at", d3, "kind", "task_team", "status", "cancelled", NULL));
  view = show_meetings (f);
  list = kw_meetings_view_get_list (view);
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (list) == 3);
  /* the context: the alliance is the first after "All alliances and units" */
  dropdown = kw_meetings_view_get_filter (view, "context");
  gtk_drop_down_set_selected (dropdown, 1);
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (list) == 1);
  g_assert_cmpstr (title_at (list, 0), ==, "Alliance");
  gtk_drop_down_set_selected (dropdown, 0);
  /* kind: task team; then status: cancelled */
  dropdown = kw_meetings_view_get_filter (view, "kind");
  gtk_drop_down_set_selected (dropdown, 2);   /* "All kinds", residents' council, task team */
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (list) == 2);
  g_assert_cmpstr (title_at (list, 0), ==, "Team");
  dropdown = kw_meetings_view_get_filter (view, "status");
  gtk_drop_down_set_selected (dropdown, 3);   /* "Any status", planned, held, cancelled */
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (list) == 1);
  g_assert_cmpstr (title_at (list, 0), ==, "Off");
  g_signal_emit_by_name (view_list_pane (view), "clear-filters");
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (list) == 3);
}

static void
test_page (KwTestFixture *f,
           gconstpointer  data)
{
  g_autofree char *d1 = in_days (5);
  g_autofree char *alliance = kw_test_create (f->store, "alliance", "name", "Wijkalliantie Proef", NULL);
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Voorjaarsoverleg", "starts_at", d1,
                                     "alliance", alliance, "kind", "alliance", "language", "Nederlands", NULL);
  g_autofree char *when = kw_format_datetime (d1);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", when, "Wijkalliantie Proef");
  KwMeetingsView *view = show_meetings (f);
  GtkWidget *page;
  const char * const fields[] = { "kind", "starts_at", "ends_at", "venue", "online_link", "alliance", "unit", "chair",
                                  "minute_taker", "status", "language", "interpreter", "food", "childcare" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", meeting));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  page = kw_meetings_view_get_page (view);
  g_assert_cmpstr (kw_record_page_get_id (KW_RECORD_PAGE (page)), ==, meeting);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_nonnull (kw_record_page_get_row (KW_RECORD_PAGE (page), fields[i]));
  g_assert_nonnull (find_label (page, subtitle));
  g_assert_nonnull (find_label (page, "Alliance meeting"));
}

static const char *
item_title (KwAgendaGroup *agenda,
            guint          i)
{
  return kw_record_get_string (g_ptr_array_index (kw_agenda_group_get_items (agenda), i), "title");
}

static void
assert_positions_ordered (KwAgendaGroup *agenda)
{
  GPtrArray *items = kw_agenda_group_get_items (agenda);

  for (guint i = 1; i < items->len; i++)
    g_assert_cmpstr (kw_record_get_string (g_ptr_array_index (items, i - 1), "position"), <,
                     kw_record_get_string (g_ptr_array_index (items, i), "position"));
}

static void
test_agenda (KwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_add_days (g_date_time_new_now_utc (), 4);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 60);
  g_autofree char *s = g_date_time_format (start, "%Y-%m-%dT%H:%M:00Z");
  g_autofree char *e = g_date_time_format (end, "%Y-%m-%dT%H:%M:00Z");
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Agendaoverleg", "starts_at", s, "ends_at", e, NULL);
  KwMeetingsView *view = show_meetings (f);
  KwAgendaGroup *agenda;
  g_autofree char *opening = NULL, *budget = NULL, *other = NULL;
  GtkWidget *total;

  g_free (kw_test_create (f->store, "agenda_item", "meeting", meeting, "title", "Rondvraag", "position", "a2", "minutes_planned", "10", NULL));
  g_free (kw_test_create (f->store, "agenda_item", "meeting", meeting, "title", "Opening", "position", "a0", "minutes_planned", "5", NULL));
  g_free (kw_test_create (f->store, "agenda_item", "meeting", meeting, "title", "Begroting", "position", "a1", "minutes_planned", "30", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", meeting));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  agenda = KW_AGENDA_GROUP (kw_meeting_page_get_agenda (KW_MEETING_PAGE (kw_meetings_view_get_page (view))));
  /* by position, not by the order they were made in */
  g_assert_cmpuint (kw_agenda_group_get_items (agenda)->len, ==, 3);
  g_assert_cmpstr (item_title (agenda, 0), ==, "Opening");
  g_assert_cmpstr (item_title (agenda, 1), ==, "Begroting");
  g_assert_cmpstr (item_title (agenda, 2), ==, "Rondvraag");
  total = kw_agenda_group_get_total_row (agenda);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (total)), ==, "45 of 60 minutes planned");
  g_assert_false (kw_agenda_group_get_overrun (agenda));
  /* an item added goes last */
  other = kw_agenda_group_add (agenda, "Sluiting", NULL);
  g_assert_nonnull (other);
  KW_TEST_WAIT_UNTIL (kw_agenda_group_get_items (agenda)->len == 4);
  g_assert_cmpstr (item_title (agenda, 3), ==, "Sluiting");
  assert_positions_ordered (agenda);
  /* the last one up twice; the first one down; not past the ends */
  g_assert_true (kw_agenda_group_move (agenda, other, -1));
  g_assert_true (kw_agenda_group_move (agenda, other, -1));
  opening = g_strdup (kw_record_get_id (g_ptr_array_index (kw_agenda_group_get_items (agenda), 0)));
  g_assert_false (kw_agenda_group_move (agenda, opening, -1));
  g_assert_true (kw_agenda_group_move (agenda, opening, +1));
  g_assert_cmpstr (item_title (agenda, 0), ==, "Sluiting");
  g_assert_cmpstr (item_title (agenda, 1), ==, "Opening");
  g_assert_cmpstr (item_title (agenda, 2), ==, "Begroting");
  g_assert_cmpstr (item_title (agenda, 3), ==, "Rondvraag");
  assert_positions_ordered (agenda);
  budget = g_strdup (kw_record_get_id (g_ptr_array_index (kw_agenda_group_get_items (agenda), 3)));
  g_assert_false (kw_agenda_group_move (agenda, budget, +1));
  /* the store has the same order */
  {
    g_autoptr(GPtrArray) stored = kw_store_list_by_ref (f->store, "agenda_item", "meeting", meeting, NULL);

    g_assert_cmpuint (stored->len, ==, 4);
  }
  /* 30 more minutes: over the hour, the warning */
  {
    g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", NULL);

    kw_changeset_set_int (changes, "minutes_planned", 20);
    g_assert_true (kw_store_update (f->store, other, changes, NULL));
  }
  KW_TEST_WAIT_UNTIL (kw_agenda_group_get_overrun (agenda));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (total)), ==, "65 of 60 minutes planned");
  g_assert_true (gtk_widget_has_css_class (total, "warning"));
  /* a longer meeting: no longer */
  {
    g_autoptr(GDateTime) later = g_date_time_add_minutes (start, 90);
    g_autofree char *l = g_date_time_format (later, "%Y-%m-%dT%H:%M:00Z");
    g_autoptr(KwChangeset) changes = kw_changeset_new ("meeting", NULL);

    kw_changeset_set_string (changes, "ends_at", l);
    g_assert_true (kw_store_update (f->store, meeting, changes, NULL));
  }
  KW_TEST_WAIT_UNTIL (!kw_agenda_group_get_overrun (agenda));
  g_assert_false (gtk_widget_has_css_class (total, "warning"));
}

static void
test_attendance (KwTestFixture *f,
                 gconstpointer  data)
{
  g_autofree char *d1 = in_days (3);
  g_autofree char *ada = kw_test_create (f->store, "person", "name", "Ada Proef", NULL);
  g_autofree char *bas = kw_test_create (f->store, "person", "name", "Bas Proef", NULL);
  g_autofree char *org = kw_test_create (f->store, "organisation", "name", "Buurthuis Proef", NULL);
  g_autofree char *alliance = kw_test_create (f->store, "alliance", "name", "Wijkalliantie Proef", NULL);
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Alliantieoverleg", "starts_at", d1, "alliance", alliance, NULL);
  KwMeetingsView *view = show_meetings (f);
  KwAttendanceGroup *group;
  g_autoptr(GPtrArray) list = NULL;
  const char *ada_attendance = NULL;

  g_free (kw_test_create (f->store, "alliance_partner", "alliance", alliance, "party", ada, NULL));
  g_free (kw_test_create (f->store, "alliance_partner", "alliance", alliance, "party", bas, NULL));
  g_free (kw_test_create (f->store, "alliance_partner", "alliance", alliance, "party", org, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", meeting));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  group = KW_ATTENDANCE_GROUP (kw_meeting_page_get_attendance (KW_MEETING_PAGE (kw_meetings_view_get_page (view))));
  g_assert_cmpuint (kw_attendance_group_get_n_rows (group), ==, 0);
  /* the partners that are people, not the organisation; once */
  g_assert_cmpuint (kw_attendance_group_invite (group, NULL), ==, 2);
  KW_TEST_WAIT_UNTIL (kw_attendance_group_get_n_rows (group) == 2);
  g_assert_cmpstr (kw_attendance_group_get_counts (group), ==, "2 Invited");
  g_assert_cmpuint (kw_attendance_group_invite (group, NULL), ==, 0);
  list = kw_store_list_by_ref (f->store, "attendance", "meeting", meeting, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (kw_record_get_string (g_ptr_array_index (list, i), "person"), ada) == 0)
      ada_attendance = kw_record_get_id (g_ptr_array_index (list, i));
  g_assert_nonnull (ada_attendance);
  g_assert_true (kw_attendance_group_set_status (group, ada_attendance, "present"));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_attendance_group_get_counts (group), "1 Invited · 1 Present") == 0);
  {
    g_autoptr(KwRecord) record = kw_store_get (f->store, "attendance", ada_attendance, NULL);

    g_assert_cmpstr (kw_record_get_string (record, "status"), ==, "present");
  }
}

static void
test_actions_plan_next (KwTestFixture *f,
                        gconstpointer  data)
{
  g_autofree char *d1 = in_days (-1), *past = in_days (-20);
  g_autofree char *alliance = kw_test_create (f->store, "alliance", "name", "Wijkalliantie Proef", NULL);
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Alliantieoverleg", "starts_at", d1, "alliance", alliance, NULL);
  g_autofree char *deadline = g_strndup (past, 10);
  KwMeetingsView *view = show_meetings (f);
  KwActionsGroup *group;
  g_autoptr(GPtrArray) expected = NULL;
  g_autofree char *added = NULL, *late = NULL;
  GtkWidget *page;

  late = kw_test_create (f->store, "action_item", "title", "Flyers", "alliance", alliance, "deadline", deadline, NULL);
  g_free (kw_test_create (f->store, "action_item", "title", "Gedaan", "alliance", alliance, "status", "done", NULL));
  g_free (kw_test_create (f->store, "agenda_item", "meeting", meeting, "title", "Mededelingen", "position", "a0", "standing", "true", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", meeting));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  page = kw_meetings_view_get_page (view);
  group = KW_ACTIONS_GROUP (kw_meeting_page_get_actions (KW_MEETING_PAGE (page)));
  added = kw_actions_group_add (group, "Zaal boeken", NULL);
  g_assert_nonnull (added);
  /* the running list is kw_meetings_actions's, in its order */
  expected = kw_meetings_actions (f->store, NULL, NULL, meeting, FALSE, NULL, NULL);
  KW_TEST_WAIT_UNTIL (kw_actions_group_get_ids (group)->len == expected->len);
  g_assert_cmpuint (expected->len, ==, 2);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (kw_actions_group_get_ids (group), i), ==,
                     ((KwMeetingAction *) g_ptr_array_index (expected, i))->action_item);
  g_assert_true (kw_actions_group_is_overdue (group, late));
  g_assert_false (kw_actions_group_is_overdue (group, added));
  /* plan-next makes the next meeting and opens it */
  g_assert_true (gtk_widget_activate_action (page, "meeting.plan-next", NULL));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_record_page_get_id (KW_RECORD_PAGE (page)), meeting) != 0);
  {
    g_autoptr(KwRecord) next = kw_store_get (f->store, "meeting", kw_record_page_get_id (KW_RECORD_PAGE (page)), NULL);
    g_autoptr(GPtrArray) items = kw_store_list_by_ref (f->store, "agenda_item", "meeting", kw_record_get_id (next), NULL);

    g_assert_nonnull (next);
    g_assert_cmpstr (kw_record_get_string (next, "alliance"), ==, alliance);
    g_assert_cmpstr (kw_record_get_string (next, "status"), ==, "planned");
    g_assert_cmpuint (items->len, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/meetings/upcoming-past", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_upcoming_past, kw_test_fixture_teardown);
  g_test_add ("/kw/meetings/filters", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_filters, kw_test_fixture_teardown);
  g_test_add ("/kw/meetings/page", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_page, kw_test_fixture_teardown);

  g_test_add ("/kw/meetings/agenda", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_agenda, kw_test_fixture_teardown);

  g_test_add ("/kw/meetings/attendance", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_attendance, kw_test_fixture_teardown);

  g_test_add ("/kw/meetings/actions-plan-next", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_actions_plan_next, kw_test_fixture_teardown);

  return g_test_run ();
}
