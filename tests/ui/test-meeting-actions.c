/* test-meeting-actions.c: adding an action from a meeting's page (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form of Lopende acties takes Actie (the entry row), Wie (a person
 * from the record chooser), Deadline (from the calendar) and Informatie;
 * the action is stored with them all, in the meeting's context, the
 * form empties, and one with a deadline in the past is marked overdue.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kw-test-util.h"
#include "meetings/kw-actions-group.h"
#include "meetings/kw-meeting-page.h"
#include "meetings/kw-meetings-view.h"

static void
test_form (KwTestFixture *f,
           gconstpointer  data)
{
  g_autofree char *alliance = kw_test_create (f->store, "alliance", "name", "Wijkalliantie Proef", NULL);
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Alliantieoverleg", "starts_at", "2026-11-20T18:30:00Z",
                                     "alliance", alliance, NULL);
  g_autofree char *person = kw_test_create (f->store, "person", "name", "Wim Zoekbaar", NULL);
  g_autoptr(GDateTime) day = g_date_time_new_local (2020, 3, 14, 0, 0, 0);
  g_autoptr(KwRecord) action = NULL;
  GtkWidget *title_row, *chooser, *calendar, *info_row;
  KwMeetingsView *view;
  KwActionsGroup *group;
  GPtrArray *ids;

  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  view = KW_MEETINGS_VIEW (kw_window_get_view_for_type (f->window, "meeting"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", meeting));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  group = KW_ACTIONS_GROUP (kw_meeting_page_get_actions (KW_MEETING_PAGE (kw_meetings_view_get_page (view))));
  kw_actions_group_get_form (group, &title_row, &chooser, &calendar, &info_row);
  g_assert_cmpuint (kw_actions_group_get_ids (group)->len, ==, 0);

  /* Wie, Deadline, Informatie, then the title and Enter */
  g_signal_emit_by_name (chooser, "chosen", "person", person);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_signal_emit_by_name (calendar, "day-selected");
  gtk_editable_set_text (GTK_EDITABLE (info_row), "Sleutel bij de beheerder");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Zaal boeken");
  g_signal_emit_by_name (title_row, "entry-activated");
  KW_TEST_WAIT_UNTIL (kw_actions_group_get_ids (group)->len == 1);
  ids = kw_actions_group_get_ids (group);
  action = kw_store_get (f->store, "action_item", g_ptr_array_index (ids, 0), NULL);
  g_assert_cmpstr (kw_record_get_string (action, "title"), ==, "Zaal boeken");
  g_assert_cmpstr (kw_record_get_string (action, "owner"), ==, person);
  g_assert_cmpstr (kw_record_get_string (action, "deadline"), ==, "2020-03-14");
  g_assert_cmpstr (kw_record_get_string (action, "info"), ==, "Sleutel bij de beheerder");
  g_assert_cmpstr (kw_record_get_string (action, "meeting"), ==, meeting);
  g_assert_cmpstr (kw_record_get_string (action, "alliance"), ==, alliance);
  g_assert_cmpstr (kw_record_get_string (action, "status"), ==, "open");
  /* long past: overdue */
  g_assert_true (kw_actions_group_is_overdue (group, g_ptr_array_index (ids, 0)));
  /* the form is empty again: the next one has nobody and no deadline */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (info_row)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Flyers drukken");
  g_signal_emit_by_name (title_row, "entry-activated");
  KW_TEST_WAIT_UNTIL (kw_actions_group_get_ids (group)->len == 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KwRecord) other = kw_store_get (f->store, "action_item", g_ptr_array_index (kw_actions_group_get_ids (group), i), NULL);

      if (g_strcmp0 (kw_record_get_string (other, "title"), "Flyers drukken") != 0)
        continue;
      g_assert_null (kw_record_get_string (other, "owner"));
      g_assert_null (kw_record_get_string (other, "deadline"));
      g_assert_false (kw_actions_group_is_overdue (group, kw_record_get_id (other)));
    }
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/meeting-actions/form", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_form, kw_test_fixture_teardown);

  return g_test_run ();
}
