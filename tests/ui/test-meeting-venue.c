/* test-meeting-venue.c: a meeting's venue on its page (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The venue's address, capacity and accessibility under When and
 * Where, edited there (the venue's own fields), following the meeting's
 * venue; New Venue… makes one and gives it to the meeting.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kw-test-util.h"
#include "meetings/kw-meeting-page.h"
#include "meetings/kw-meetings-view.h"
#include "meetings/kw-venue-group.h"

static const char *
row_text (KwVenueGroup *group,
          const char   *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (kw_venue_group_get_row (group, field)));
}

static gboolean
venue_has (KwStore    *store,
           const char *id,
           const char *field,
           const char *value)
{
  g_autoptr(KwRecord) venue = kw_store_get (store, "venue", id, NULL);

  return venue != NULL && g_strcmp0 (kw_record_get_string (venue, field), value) == 0;
}

static void
test_venue (KwTestFixture *f,
            gconstpointer  data)
{
  g_autofree char *kraal = kw_test_create (f->store, "venue", "name", "Buurthuis De Proef", "address", "Proefstraat 12, Amsterdam",
                                   "capacity", "40", "accessibility", "Drempelvrij, invalidentoilet", NULL);
  g_autofree char *other = kw_test_create (f->store, "venue", "name", "Bibliotheek Proefpark", "address", "Parkweg 3", NULL);
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Bewonersberaad", "starts_at", "2026-12-08T18:30:00Z",
                                     "venue", kraal, NULL);
  g_autofree char *made = NULL;
  g_autoptr(KwChangeset) changes = NULL;
  KwMeetingsView *view;
  KwVenueGroup *group;
  GtkWidget *address, *entry;

  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  view = KW_MEETINGS_VIEW (kw_window_get_view_for_type (f->window, "meeting"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", meeting));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  group = KW_VENUE_GROUP (kw_meeting_page_get_venue (KW_MEETING_PAGE (kw_meetings_view_get_page (view))));
  /* the venue's details */
  g_assert_cmpstr (kw_venue_group_get_venue (group), ==, kraal);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Buurthuis De Proef");
  address = kw_venue_group_get_row (group, "address");
  kw_test_wait_mapped (address);
  g_assert_cmpstr (row_text (group, "address"), ==, "Proefstraat 12, Amsterdam");
  g_assert_cmpstr (row_text (group, "accessibility"), ==, "Drempelvrij, invalidentoilet");
  g_assert_true (gtk_widget_get_visible (kw_venue_group_get_row (group, "capacity")));
  /* edited here: the venue's own field */
  gtk_editable_set_text (GTK_EDITABLE (address), "Proefstraat 14, Amsterdam");
  g_signal_emit_by_name (address, "apply");
  KW_TEST_WAIT_UNTIL (venue_has (f->store, kraal, "address", "Proefstraat 14, Amsterdam"));
  /* another venue for the meeting: its details */
  changes = kw_changeset_new ("meeting", NULL);
  kw_changeset_set_string (changes, "venue", other);
  g_assert_true (kw_store_update (f->store, meeting, changes, NULL));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_venue_group_get_venue (group), other) == 0);
  g_assert_cmpstr (row_text (group, "address"), ==, "Parkweg 3");
  g_assert_cmpstr (row_text (group, "accessibility"), ==, "");
  /* New Venue…: made, and the meeting's */
  entry = kw_venue_group_get_name_entry (group);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Speeltuin Proefhof");
  g_signal_emit_by_name (entry, "activate");
  KW_TEST_WAIT_UNTIL (kw_venue_group_get_venue (group) != NULL && g_strcmp0 (kw_venue_group_get_venue (group), other) != 0);
  made = g_strdup (kw_venue_group_get_venue (group));
  g_assert_true (venue_has (f->store, made, "name", "Speeltuin Proefhof"));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Speeltuin Proefhof");
  {
    g_autoptr(KwRecord) record = kw_store_get (f->store, "meeting", meeting, NULL);

    g_assert_cmpstr (kw_record_get_string (record, "venue"), ==, made);
  }
  /* no venue: no details */
  g_clear_pointer (&changes, kw_changeset_unref);
  changes = kw_changeset_new ("meeting", NULL);
  kw_changeset_set (changes, "venue", NULL, NULL);
  g_assert_true (kw_store_update (f->store, meeting, changes, NULL));
  KW_TEST_WAIT_UNTIL (kw_venue_group_get_venue (group) == NULL);
  g_assert_false (gtk_widget_get_visible (kw_venue_group_get_row (group, "address")));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/meeting-venue/details", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_venue, kw_test_fixture_teardown);

  return g_test_run ();
}
