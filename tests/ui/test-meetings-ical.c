/* test-meetings-ical.c: Save to Calendar from the Meetings view (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the page's meeting.export-ical and the view's
 * meetings.export-ical write with the file the chooser gives them, read
 * back with libical: one event of the meeting with its stable UID, or
 * one per meeting with a start; and the toast that says so.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "kw-test-util.h"
#include "meetings/kw-meeting-page.h"
#include "meetings/kw-meetings-view.h"

static KwMeetingsView *
show_meetings (KwTestFixture *f)
{
  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  return KW_MEETINGS_VIEW (kw_window_get_view_for_type (f->window, "meeting"));
}

/* The calendar at @path parsed by libical: its UIDs, in order. */
static GPtrArray *
read_uids (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);
  icalcomponent *calendar;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)), ==, "2.0");
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY));
      g_ptr_array_add (uids, g_strdup (icalcomponent_get_uid (event)));
    }
  icalcomponent_free (calendar);
  return uids;
}

static void
test_one (KwTestFixture *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = kw_store_list (f->store, "meeting", NULL);
  g_autofree char *path = g_build_filename (f->dir, "meeting.ics", NULL);
  g_autofree char *uid = NULL;
  g_autoptr(GPtrArray) uids = NULL;
  g_autoptr(GError) error = NULL;
  KwMeetingsView *view = show_meetings (f);
  const char *id = kw_record_get_id (meetings->pdata[0]);
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", id));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  page = kw_meetings_view_get_page (view);
  g_assert_true (kw_meeting_page_save_ical (KW_MEETING_PAGE (page), path, &error));
  g_assert_no_error (error);
  kw_test_wait_toast_shown (GTK_WIDGET (f->window), "Calendar file saved");
  uids = read_uids (path);
  uid = g_strdup_printf ("%s@kwartier", id);
  g_assert_cmpuint (uids->len, ==, 1);
  g_assert_cmpstr (uids->pdata[0], ==, uid);
  /* a file that cannot be written: an error, no file */
  {
    g_autofree char *bad = g_build_filename (f->dir, "no-such-folder", "meeting.ics", NULL);

    g_assert_false (kw_meeting_page_save_ical (KW_MEETING_PAGE (page), bad, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
}

static void
test_all (KwTestFixture *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = kw_store_list (f->store, "meeting", NULL);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = g_build_filename (f->dir, "meetings.ics", NULL);
  g_autofree char *toast = NULL;
  g_autoptr(GPtrArray) uids = NULL;
  g_autoptr(GError) error = NULL;
  KwMeetingsView *view = show_meetings (f);

  for (guint i = 0; i < meetings->len; i++)
    if (kw_record_get_string (meetings->pdata[i], "starts_at") != NULL)
      g_hash_table_add (expected, g_strdup_printf ("%s@kwartier", kw_record_get_id (meetings->pdata[i])));
  g_assert_cmpuint (g_hash_table_size (expected), >, 1);
  /* the view's action is there and on */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (view)));
  g_assert_true (kw_meetings_view_save_ical (view, path, &error));
  g_assert_no_error (error);
  toast = g_strdup_printf ("%u meetings saved to the calendar file", g_hash_table_size (expected));
  kw_test_wait_toast_shown (GTK_WIDGET (f->window), toast);
  uids = read_uids (path);
  g_assert_cmpuint (uids->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < uids->len; i++)
    g_assert_true (g_hash_table_contains (expected, uids->pdata[i]));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/meetings-ical/one", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_one, kw_test_fixture_teardown);
  g_test_add ("/kw/meetings-ical/all", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_all, kw_test_fixture_teardown);

  return g_test_run ();
}
