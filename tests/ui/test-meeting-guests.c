/* test-meeting-guests.c: guests and quick marking in a meeting's attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guest entry row makes an attendance with a guest_name, no person and a
 * random id, shown with the others and counted; P, L, N, A on the
 * focused row (real key events through the X server, by xdotool) mark
 * it present, late, absent with notice, absent.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kw-test-util.h"
#include "meetings/kw-attendance-group.h"
#include "meetings/kw-meeting-page.h"
#include "meetings/kw-meetings-view.h"

static gboolean
has_status (KwStore    *store,
            const char *id,
            const char *status)
{
  g_autoptr(KwRecord) attendance = kw_store_get (store, "attendance", id, NULL);

  return attendance != NULL && g_strcmp0 (kw_record_get_string (attendance, "status"), status) == 0;
}

static KwAttendanceGroup *
open_attendance (KwTestFixture *f,
                 const char    *meeting)
{
  KwMeetingsView *view;

  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  view = KW_MEETINGS_VIEW (kw_window_get_view_for_type (f->window, "meeting"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", meeting));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  return KW_ATTENDANCE_GROUP (kw_meeting_page_get_attendance (KW_MEETING_PAGE (kw_meetings_view_get_page (view))));
}

/* The id of the attendance whose row has this title. */
static char *
attendance_titled (KwTestFixture     *f,
                   KwAttendanceGroup *group,
                   const char        *meeting,
                   const char        *title)
{
  g_autoptr(GPtrArray) list = kw_store_list_by_ref (f->store, "attendance", "meeting", meeting, NULL);

  for (guint i = 0; i < list->len; i++)
    {
      const char *id = kw_record_get_id (list->pdata[i]);
      GtkWidget *row = kw_attendance_group_get_row (group, id);

      if (row != NULL && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return g_strdup (id);
    }
  return NULL;
}

static void
test_guest (KwTestFixture *f,
            gconstpointer  data)
{
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Bewonersberaad", "starts_at", "2026-12-08T18:30:00Z", NULL);
  g_autofree char *person = kw_test_create (f->store, "person", "name", "Wim Zoekbaar", NULL);
  g_autofree char *wim = kw_test_create (f->store, "attendance", "meeting", meeting, "person", person, "status", "present", NULL);
  g_autofree char *guest = NULL;
  g_autoptr(KwRecord) record = NULL;
  KwAttendanceGroup *group = open_attendance (f, meeting);
  GtkWidget *entry = kw_attendance_group_get_guest_entry (group);

  KW_TEST_WAIT_UNTIL (kw_attendance_group_get_n_rows (group) == 1);
  g_assert_cmpstr (kw_attendance_group_get_counts (group), ==, "1 Present");
  /* typed into the guest row and Enter */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Anna de Vries ");
  g_signal_emit_by_name (entry, "entry-activated");
  KW_TEST_WAIT_UNTIL (kw_attendance_group_get_n_rows (group) == 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (kw_attendance_group_get_counts (group), ==, "1 Invited · 1 Present");
  guest = attendance_titled (f, group, meeting, "Anna de Vries");
  g_assert_nonnull (guest);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (kw_attendance_group_get_row (group, guest))), ==, "Guest");
  /* no person, a name, and not the id a person's would have */
  record = kw_store_get (f->store, "attendance", guest, NULL);
  g_assert_null (kw_record_get_string (record, "person"));
  g_assert_cmpstr (kw_record_get_string (record, "guest_name"), ==, "Anna de Vries");
  g_assert_cmpstr (guest, !=, wim);
  /* an empty name adds nothing: "Nobody" is no guest */
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_signal_emit_by_name (entry, "entry-activated");
  kw_test_flush ();
  g_assert_cmpuint (kw_attendance_group_get_n_rows (group), ==, 2);
  /* a second guest of the same name is another guest */
  g_free (kw_attendance_group_add_guest (group, "Anna de Vries", NULL));
  KW_TEST_WAIT_UNTIL (kw_attendance_group_get_n_rows (group) == 3);
  g_assert_cmpstr (kw_attendance_group_get_counts (group), ==, "2 Invited · 1 Present");
}

static void
test_keys (KwTestFixture *f,
           gconstpointer  data)
{
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Bewonersberaad", "starts_at", "2026-12-08T18:30:00Z", NULL);
  g_autofree char *guest = NULL;
  KwAttendanceGroup *group;
  GtkWidget *row;
  static const struct { const char *key, *status, *counts; } marks[] = {
    { "p", "present", "1 Present" }, { "l", "late", "1 Late" },
    { "n", "absent_notified", "1 Absent, with notice" }, { "a", "absent", "1 Absent" },
  };

  if (!kw_test_can_press_keys ())
    {
      g_test_skip ("real key events need an X display and xdotool (build-aux/dev deps)");
      return;
    }
  group = open_attendance (f, meeting);
  guest = kw_attendance_group_add_guest (group, "Bram Visser", NULL);
  g_assert_nonnull (guest);
  KW_TEST_WAIT_UNTIL (kw_attendance_group_get_n_rows (group) == 1);
  g_assert_cmpstr (kw_attendance_group_get_counts (group), ==, "1 Invited");
  row = kw_attendance_group_get_row (group, guest);
  kw_test_wait_mapped (row);
  g_assert_true (gtk_widget_grab_focus (row));
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      kw_test_press_keys (GTK_WIDGET (f->window), marks[i].key);
      KW_TEST_WAIT_UNTIL (has_status (f->store, guest, marks[i].status));
      g_assert_cmpstr (kw_attendance_group_get_counts (group), ==, marks[i].counts);
      /* the row made again keeps the focus: the next key marks it too */
      row = kw_attendance_group_get_row (group, guest);
      g_assert_true (gtk_widget_has_focus (row));
    }
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/meeting-guests/add", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_guest, kw_test_fixture_teardown);
  g_test_add ("/kw/meeting-guests/keys", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_keys, kw_test_fixture_teardown);

  return g_test_run ();
}
