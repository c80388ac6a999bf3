/* test-publish.c: publish and print from a meeting page (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the demo data: the meeting page's meeting.publish opens the preview
 * of the opgaveteam's public minutes with a redaction list, no private
 * or shared person's name in the preview, and saving writes the file
 * and the redaction list beside it; meeting.print-agenda's
 * GtkPrintOperation, exported to PDF without a dialog, draws the core's
 * pages (read back with pdftotext).
 */
#include "config.h"

#include <string.h>

#include "kw-test-util.h"
#include "meetings/kw-meeting-page.h"
#include "meetings/kw-meeting-publish.h"
#include "meetings/kw-meetings-view.h"
#include "meetings/kw-publish-window.h"

static const char * const hidden_names[] = {
  "Hatice", "Demirtaş", "Naïma", "Chaouch", "Roos", "Verhagen", "Rachid", "Agnieszka", "Kowalczyk", NULL
};

static char *
opgaveteam_id (KwStore *store)
{
  g_autoptr(GPtrArray) meetings = kw_store_list (store, "meeting", NULL);

  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    if (g_str_has_prefix (kw_record_get_string (meetings->pdata[i], "title"), "Opgaveteam"))
      return g_strdup (kw_record_get_id (meetings->pdata[i]));
  g_assert_not_reached ();
}

static GtkWidget *
open_meeting (KwTestFixture *f,
              const char    *meeting)
{
  KwMeetingsView *view;

  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  view = KW_MEETINGS_VIEW (kw_window_get_view_for_type (f->window, "meeting"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", meeting));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view))
                      && g_strcmp0 (kw_record_page_get_id (KW_RECORD_PAGE (kw_meetings_view_get_page (view))), meeting) == 0);
  return kw_meetings_view_get_page (view);
}

static void
assert_no_hidden (const char *what,
                  const char *text)
{
  for (guint i = 0; hidden_names[i] != NULL; i++)
    if (strstr (text, hidden_names[i]) != NULL)
      g_error ("%s names %s", what, hidden_names[i]);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_preview (KwTestFixture *f,
              gconstpointer  data)
{
  g_autofree char *meeting = opgaveteam_id (f->store);
  GtkWidget *page = open_meeting (f, meeting);
  g_autofree char *text = NULL, *path = NULL, *saved = NULL, *list = NULL, *beside = NULL;
  g_autoptr(GError) error = NULL;
  KwPublishWindow *window;

  g_assert_true (gtk_widget_activate_action (page, "meeting.publish", NULL));
  window = KW_PUBLISH_WINDOW (kw_test_wait_toplevel (KW_TYPE_PUBLISH_WINDOW, NULL));
  kw_test_wait_mapped (GTK_WIDGET (window));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (f->window));

  /* the public minutes as they will read */
  text = kw_publish_window_dup_text (window);
  g_assert_nonnull (strstr (text, "Opgaveteam Eigenaarschap en Democratisering"));
  g_assert_nonnull (strstr (text, "Sanne Kuipers"));
  g_assert_nonnull (strstr (text, "namens Stichting Welzijn aan de Plas"));
  g_assert_nonnull (strstr (text, "5.1.2.e"));
  g_assert_nonnull (strstr (text, "de roos in het logo"));
  assert_no_hidden ("the preview", text);
  /* beside the redaction list */
  g_assert_cmpuint (kw_publish_window_get_n_redactions (window), >=, 3);

  /* save: the file without the list, the list beside it */
  path = g_build_filename (f->dir, "openbaar.html", NULL);
  g_assert_true (kw_publish_window_save (window, KW_MINUTES_FORMAT_HTML, path, &error));
  g_assert_no_error (error);
  saved = read_text (path);
  assert_no_hidden ("the saved minutes", saved);
  g_assert_nonnull (strstr (saved, "namens Stichting Welzijn aan de Plas"));
  g_assert_null (strstr (saved, "not public consent"));
  beside = g_strconcat (path, ".redactions.txt", NULL);
  list = read_text (beside);
  g_assert_nonnull (strstr (list, "Hatice Demirtaş → 5.1.2.e"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_print (KwTestFixture *f,
            gconstpointer  data)
{
  g_autofree char *meeting = opgaveteam_id (f->store);
  g_autofree char *agenda = g_build_filename (f->dir, "agenda.pdf", NULL);
  g_autofree char *signin = g_build_filename (f->dir, "signin.pdf", NULL);
  g_autofree char *agenda_text = NULL, *signin_text = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  page = open_meeting (f, meeting);
  g_assert_nonnull (page);
  g_assert_true (kw_meeting_publish_print (GTK_WINDOW (f->window), f->store, meeting, KW_MEETING_DOC_AGENDA,
                                           agenda, &error));
  g_assert_no_error (error);
  g_assert_true (kw_meeting_publish_print (GTK_WINDOW (f->window), f->store, meeting, KW_MEETING_DOC_SIGNIN,
                                           signin, &error));
  g_assert_no_error (error);

  agenda_text = pdf_text (agenda);
  g_assert_nonnull (strstr (agenda_text, "Wie missen we nog aan tafel?"));
  g_assert_nonnull (strstr (agenda_text, "Total: 120 of 120 minutes"));
  assert_no_hidden ("the printed agenda", agenda_text);
  signin_text = pdf_text (signin);
  g_assert_nonnull (strstr (signin_text, "Signature"));
  g_assert_nonnull (strstr (signin_text, "Sanne Kuipers"));
  g_assert_null (strstr (signin_text, "Hatice"));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/publish/preview", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_preview, kw_test_fixture_teardown);
  g_test_add ("/kw/publish/print", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_print, kw_test_fixture_teardown);

  return g_test_run ();
}
