/* test-minutes.c: minutes per agenda item, finalising and reopening (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting's page: notes and a decision typed into an item's row are
 * written when the focus leaves them; an action made from the item joins
 * the running list with Wie and Deadline; Finalise Minutes… asks, then
 * the page is read-only under a banner; a colleague's later edit,
 * imported, shows as "changed after finalising"; Reopen… wants a reason
 * and keeps it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-export.h"
#include "kw-format.h"
#include "kw-import.h"
#include "kw-meetings.h"
#include "kw-record-chooser.h"
#include "kw-record-editor.h"
#include "kw-test-util.h"
#include "meetings/kw-actions-group.h"
#include "meetings/kw-agenda-item-minutes.h"
#include "meetings/kw-meeting-page.h"
#include "meetings/kw-meetings-view.h"
#include "meetings/kw-minutes-banner.h"
#include "meetings/kw-minutes-group.h"

static char *
get_text (KwStore    *store,
          const char *type,
          const char *id,
          const char *field)
{
  g_autoptr(KwRecord) record = kw_store_get (store, type, id, NULL);

  return record ? g_strdup (kw_record_get_string (record, field)) : NULL;
}

static gboolean
text_is (KwStore    *store,
         const char *type,
         const char *id,
         const char *field,
         const char *expected)
{
  g_autofree char *text = get_text (store, type, id, field);

  return g_strcmp0 (text, expected) == 0;
}

/* Types into a text view and moves the focus on, as a user does. */
static void
type_into (GtkWidget  *view,
           GtkWidget  *next,
           const char *text)
{
  gtk_widget_grab_focus (view);
  KW_TEST_WAIT_UNTIL (gtk_widget_has_focus (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_widget_grab_focus (next);
  KW_TEST_WAIT_UNTIL (gtk_widget_has_focus (next));
}

static KwAgendaItemMinutes *
row_at (KwMinutesGroup *group,
        guint           i)
{
  return g_ptr_array_index (kw_minutes_group_get_rows (group), i);
}

/* The action item of the meeting with this title, or NULL. */
static KwRecord *
find_action (KwStore    *store,
             const char *meeting,
             const char *title)
{
  g_autoptr(GPtrArray) actions = kw_store_list_by_ref (store, "action_item", "meeting", meeting, NULL);

  for (guint i = 0; actions && i < actions->len; i++)
    if (g_strcmp0 (kw_record_get_string (actions->pdata[i], "title"), title) == 0)
      return g_object_ref (actions->pdata[i]);
  return NULL;
}

static gboolean
has_action (KwStore    *store,
            const char *meeting,
            const char *title)
{
  g_autoptr(KwRecord) action = find_action (store, meeting, title);

  return action != NULL;
}

static gint64
on_later_clock_cb (gpointer data)
{
  return g_get_real_time () / 1000 + 60000;  /* a minute ahead */
}

/* A colleague's copy of everything the fixture's database holds. */
static KwStore *
colleague_copy (KwTestFixture *f)
{
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (f->dir, "bram.db", NULL);
  g_autofree char *out = g_build_filename (f->dir, "anna.kwartier.jsonl", NULL);
  KwStore *bram = kw_store_open (db, &error);

  g_assert_no_error (error);
  kw_store_set_wall_clock (bram, on_later_clock_cb, NULL);
  g_assert_true (kw_store_set_organiser (bram, "Bram Testpersoon", NULL));
  g_assert_true (kw_export_to_file (f->store, &options, out, &error));
  g_assert_true (kw_import_file (bram, out, FALSE, NULL, &error));
  g_assert_no_error (error);
  return bram;
}

/* The colleague adds to an item's notes (his copy was not finalised
 * yet), and his export comes back. */
static void
colleague_edit (KwTestFixture *f,
                KwStore       *bram,
                const char    *item)
{
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *back = g_build_filename (f->dir, "bram.kwartier.jsonl", NULL);
  g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", NULL);

  kw_changeset_set_string (changes, "notes", "Schommels en een wip (Bram)");
  g_assert_true (kw_store_update (bram, item, changes, &error));
  g_assert_no_error (error);
  g_assert_true (kw_export_to_file (bram, &options, back, &error));
  g_assert_true (kw_import_file (f->store, back, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_minutes (KwTestFixture *f,
              gconstpointer  data)
{
  g_autofree char *alliance = kw_test_create (f->store, "alliance", "name", "Wijkalliantie Proef", NULL);
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Bewonersberaad", "alliance", alliance, NULL);
  g_autofree char *kees = kw_test_create (f->store, "person", "name", "Kees Testpersoon", NULL);
  g_autofree char *item = kw_test_create (f->store, "agenda_item", "meeting", meeting, "title", "Speeltuin", "position", "a0", NULL);
  g_autofree char *other = kw_test_create (f->store, "agenda_item", "meeting", meeting, "title", "Rondvraag", "position", "a1", NULL);
  KwMeetingsView *view;
  GtkWidget *page, *notes, *decision, *entry, *deadline;
  KwMinutesGroup *group;
  KwAgendaItemMinutes *row;
  KwMinutesBanner *banner;
  KwRecordChooser *chooser;
  GtkWindow *dialog;
  g_autoptr(KwRecord) action = NULL;
  g_autoptr(KwStore) bram = NULL;

  g_assert_true (kw_store_set_organiser (f->store, "Anna Testpersoon", NULL));
  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings"));
  view = KW_MEETINGS_VIEW (kw_window_get_view_for_type (f->window, "meeting"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", meeting));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  page = kw_meetings_view_get_page (view);
  group = KW_MINUTES_GROUP (kw_meeting_page_get_minutes (KW_MEETING_PAGE (page)));
  banner = KW_MINUTES_BANNER (kw_meeting_page_get_banner (KW_MEETING_PAGE (page)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));

  /* a row per item, in the agenda's order */
  g_assert_cmpuint (kw_minutes_group_get_rows (group)->len, ==, 2);
  g_assert_cmpstr (kw_agenda_item_minutes_get_id (row_at (group, 0)), ==, item);
  g_assert_cmpstr (kw_agenda_item_minutes_get_id (row_at (group, 1)), ==, other);
  row = row_at (group, 0);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "No notes yet");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  notes = kw_agenda_item_minutes_get_view (row, "notes");
  decision = kw_agenda_item_minutes_get_view (row, "decision");
  KW_TEST_WAIT_UNTIL (gtk_widget_get_mapped (notes));

  /* notes and a decision, written as the focus leaves them */
  type_into (notes, decision, "Iedereen wil schommels.\nKees vraagt naar de wip.");
  KW_TEST_WAIT_UNTIL (text_is (f->store, "agenda_item", item, "notes", "Iedereen wil schommels.\nKees vraagt naar de wip."));
  type_into (decision, notes, "We vragen een offerte");
  KW_TEST_WAIT_UNTIL (text_is (f->store, "agenda_item", item, "decision", "We vragen een offerte"));
  /* the row stays the same row, open, and says the decision */
  g_assert_true (row_at (group, 0) == row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Decision: We vragen een offerte") == 0);

  /* next time on the agenda */
  g_assert_true (ADW_IS_ACTION_ROW (kw_agenda_item_minutes_get_next_time (row)));

  /* an action from this item: Actie / Wie / Deadline */
  entry = kw_agenda_item_minutes_get_action_entry (row);
  deadline = kw_agenda_item_minutes_get_deadline_entry (row);
  chooser = KW_RECORD_CHOOSER (kw_record_editor_get_popover (KW_RECORD_EDITOR (kw_agenda_item_minutes_get_action_editor (row)), "owner"));
  g_signal_emit_by_name (chooser, "chosen", "person", kees);
  gtk_editable_set_text (GTK_EDITABLE (deadline), "2026-12-20");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Offerte speeltoestellen opvragen");
  g_signal_emit_by_name (entry, "entry-activated");
  KW_TEST_WAIT_UNTIL (has_action (f->store, meeting, "Offerte speeltoestellen opvragen"));
  action = find_action (f->store, meeting, "Offerte speeltoestellen opvragen");
  g_assert_cmpstr (kw_record_get_string (action, "owner"), ==, kees);
  g_assert_cmpstr (kw_record_get_string (action, "deadline"), ==, "2026-12-20");
  g_assert_cmpstr (kw_record_get_string (action, "alliance"), ==, alliance);
  g_assert_cmpstr (kw_record_get_string (action, "status"), ==, "open");
  /* the form is empty again, and the running list has it */
  KW_TEST_WAIT_UNTIL (*gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0');
  KW_TEST_WAIT_UNTIL (kw_actions_group_get_ids (KW_ACTIONS_GROUP (kw_meeting_page_get_actions (KW_MEETING_PAGE (page))))->len == 1);

  /* a colleague has a copy, from before the finalisation */
  bram = colleague_copy (f);

  /* Finalise Minutes… asks first */
  g_assert_true (gtk_widget_activate_action (page, "meeting.finalise", NULL));
  dialog = kw_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Finalise the Minutes?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "finalise");
  KW_TEST_WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_true (kw_meetings_is_finalised (f->store, meeting));
  {
    g_autofree char *at = get_text (f->store, "meeting", meeting, "finalised_at");
    g_autofree char *when = kw_format_datetime (at);
    g_autofree char *expected = g_strdup_printf ("Finalised on %s by Anna Testpersoon", when);

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (kw_minutes_banner_get_label (banner))), ==, expected);
  }
  g_assert_false (gtk_widget_get_visible (kw_minutes_banner_get_changed_label (banner)));
  /* read-only: the texts, the switches, the fields, the agenda and attendance */
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (notes)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (decision)));
  g_assert_false (gtk_widget_get_sensitive (kw_agenda_item_minutes_get_next_time (row)));
  g_assert_false (gtk_widget_get_visible (entry));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (kw_record_page_get_row (KW_RECORD_PAGE (page), "minutes"))));
  g_assert_false (gtk_widget_get_sensitive (kw_record_page_get_row (KW_RECORD_PAGE (page), "title")));
  g_assert_false (gtk_widget_get_sensitive (kw_record_page_get_row (KW_RECORD_PAGE (page), "chair")));
  g_assert_false (gtk_widget_get_sensitive (kw_meeting_page_get_agenda (KW_MEETING_PAGE (page))));
  g_assert_false (gtk_widget_get_sensitive (kw_meeting_page_get_attendance (KW_MEETING_PAGE (page))));

  /* a colleague's later edit comes in: it wins and is shown */
  colleague_edit (f, bram, item);
  KW_TEST_WAIT_UNTIL (gtk_widget_get_visible (kw_minutes_banner_get_changed_label (banner)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (kw_minutes_banner_get_changed_label (banner))),
                                   "Changed after finalising by Bram Testpersoon on "));
  g_assert_true (text_is (f->store, "agenda_item", item, "notes", "Schommels en een wip (Bram)"));
  g_assert_true (kw_meetings_is_finalised (f->store, meeting));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (notes)));
}

static void
test_reopen (KwTestFixture *f,
             gconstpointer  data)
{
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Bewonersberaad", NULL);
  g_autofree char *item = kw_test_create (f->store, "agenda_item", "meeting", meeting, "title", "Speeltuin", "notes", "Schommels", NULL);
  KwMeetingsView *view;
  GtkWidget *page, *entry, *notes;
  KwMinutesBanner *banner;
  KwMinutesGroup *group;
  GtkWindow *dialog;
  g_autofree char *log = NULL;

  g_assert_true (kw_store_set_organiser (f->store, "Anna Testpersoon", NULL));
  g_assert_true (kw_meetings_finalise (f->store, meeting, NULL));
  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings"));
  view = KW_MEETINGS_VIEW (kw_window_get_view_for_type (f->window, "meeting"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", meeting));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  page = kw_meetings_view_get_page (view);
  banner = KW_MINUTES_BANNER (kw_meeting_page_get_banner (KW_MEETING_PAGE (page)));
  group = KW_MINUTES_GROUP (kw_meeting_page_get_minutes (KW_MEETING_PAGE (page)));
  KW_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (banner)));
  notes = kw_agenda_item_minutes_get_view (g_ptr_array_index (kw_minutes_group_get_rows (group), 0), "notes");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (notes)));

  /* Reopen… wants a reason: not without one */
  g_assert_true (gtk_widget_activate_action (page, "meeting.reopen", NULL));
  dialog = kw_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Reopen the Minutes?");
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "typo in besluit 2");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_false (kw_meetings_is_finalised (f->store, meeting));
  log = get_text (f->store, "meeting", meeting, "reopen_log");
  g_assert_true (g_str_has_suffix (log, " · Anna Testpersoon: typo in besluit 2"));
  /* editable again */
  KW_TEST_WAIT_UNTIL (gtk_text_view_get_editable (GTK_TEXT_VIEW (notes)));
  g_assert_true (gtk_widget_get_sensitive (kw_meeting_page_get_agenda (KW_MEETING_PAGE (page))));
  g_assert_true (gtk_widget_get_sensitive (kw_record_page_get_row (KW_RECORD_PAGE (page), "title")));
  g_assert_true (gtk_widget_activate_action (page, "meeting.finalise", NULL));
  dialog = kw_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Finalise the Minutes?");
  /* Cancel: nothing happens */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_false (kw_meetings_is_finalised (f->store, meeting));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/minutes/take-and-finalise", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_minutes, kw_test_fixture_teardown);
  g_test_add ("/kw/minutes/reopen", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_reopen, kw_test_fixture_teardown);
  return g_test_run ();
}
