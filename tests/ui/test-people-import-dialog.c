/* test-people-import-dialog.c: the people import dialog and its undo toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real window under Xvfb on the demo data: the preview row says who a
 * row matches and on which field; the dialog lists what changed; the
 * window's toast "N people imported" undoes all of it.
 */
#include "config.h"

#include <string.h>

#include "kw-contacts-view-private.h"
#include "kw-import-people-dialog.h"
#include "kw-people-import.h"
#include "kw-store-query.h"
#include "kw-test-util.h"
#include "kw-window-private.h"

/* The first widget under root for which match returns TRUE. */
static GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
wait_for (GtkWidget  *root,
          gboolean  (*match) (GtkWidget *widget, gconstpointer data),
          gconstpointer data)
{
  GtkWidget *found = NULL;

  KW_TEST_WAIT_UNTIL ((found = find_widget (root, match, data)) != NULL);
  return found;
}

static GPtrArray *
load_csv (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  rows = kw_csv_parse (text, &error);
  g_assert_no_error (error);
  return rows;
}

static void
set_phone (KwTestFixture *f,
           const char    *id,
           const char    *phone)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);

  kw_changeset_set_string (changes, "phone", phone);
  g_assert_true (kw_store_update (f->store, id, changes, NULL));
}

/* The blocker in the dialog: Joël de Wit's phone is Abdelkader's. */
static void
test_match_text_and_undo_toast (KwTestFixture *f,
                                gconstpointer  data)
{
  g_autofree char *abdel = kw_store_find_person (f->store, NULL, NULL, "Abdelkader Ziani");
  g_autoptr(GPtrArray) rows = load_csv ("dutch.csv");
  g_autoptr(KwRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joel = NULL;
  KwImportPeopleDialog *dialog;
  GtkWidget *found;
  gint64 before;
  guint added, updated, skipped;

  kw_test_fixture_open (f);
  g_assert_nonnull (abdel);
  set_phone (f, abdel, "06 1111 2222");
  before = kw_store_count (f->store, "person");

  dialog = KW_IMPORT_PEOPLE_DIALOG (_kw_contacts_view_open_people_dialog (KW_CONTACTS_VIEW (kw_window_get_contacts_view (f->window)), rows, TRUE));
  gtk_window_present (GTK_WINDOW (dialog));
  kw_import_people_dialog_set_policy (dialog, KW_IMPORT_UPDATE);
  /* the row says who, and on which field */
  g_assert_cmpstr (kw_import_people_dialog_get_match_text (dialog, 0), ==,
                   "Possible duplicate of Abdelkader Ziani (same phone): added as new, Abdelkader Ziani is not changed");
  g_assert_null (kw_import_people_dialog_get_match_text (dialog, 1));
  found = wait_for (GTK_WIDGET (dialog), is_label_with, "Possible duplicate of Abdelkader Ziani (same phone)");
  g_assert_nonnull (found);

  g_assert_true (kw_import_people_dialog_import (dialog, &added, &updated, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (updated, ==, 0);
  /* the summary lists what changed */
  g_assert_nonnull (wait_for (GTK_WIDGET (dialog), is_label_with, "Added as new: possible duplicate of Abdelkader Ziani"));
  after = kw_store_get (f->store, "person", abdel, NULL);
  g_assert_cmpstr (kw_record_get_string (after, "name"), ==, "Abdelkader Ziani");
  joel = kw_store_find_person (f->store, NULL, NULL, "Joël de Wit");
  g_assert_nonnull (joel);
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, before + 3);

  /* the dialog closes: "3 people imported", with Undo */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_nonnull (wait_for (GTK_WIDGET (f->window), is_label_with, "3 people imported"));
  found = wait_for (GTK_WIDGET (f->window), is_button_for, "contacts.undo-import-people");
  g_assert_nonnull (found);
  g_signal_emit_by_name (found, "clicked");   /* as a click does */
  g_assert_nonnull (wait_for (GTK_WIDGET (f->window), is_label_with, "Import undone"));
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, before);
  g_assert_null (kw_store_find_person (f->store, NULL, NULL, "Joël de Wit"));
  g_clear_object (&after);
  after = kw_store_get (f->store, "person", abdel, NULL);
  g_assert_cmpstr (kw_record_get_string (after, "name"), ==, "Abdelkader Ziani");
  g_assert_cmpstr (kw_record_get_string (after, "phone"), ==, "06 1111 2222");
}

/* Outlook's split name columns: guessed, joined; nothing named: why. */
static void
test_split_columns_and_why (KwTestFixture *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = load_csv ("outlook-nl.csv");
  KwImportPeopleDialog *dialog;

  kw_test_fixture_open (f);
  dialog = KW_IMPORT_PEOPLE_DIALOG (_kw_contacts_view_open_people_dialog (KW_CONTACTS_VIEW (kw_window_get_contacts_view (f->window)), rows, TRUE));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (kw_import_people_dialog_get_n_people (dialog), ==, 2);
  g_assert_nonnull (wait_for (GTK_WIDGET (dialog), is_label_with, "Fleur van der Berg"));
  g_assert_nonnull (wait_for (GTK_WIDGET (dialog), is_label_with, "2 people with a name in the file."));
  /* leave out the three name columns: nothing to import, and the reason */
  for (guint c = 0; c < 3; c++)
    kw_import_people_dialog_set_column (dialog, c, "");
  g_assert_cmpuint (kw_import_people_dialog_get_n_people (dialog), ==, 0);
  g_assert_nonnull (wait_for (GTK_WIDGET (dialog), is_label_with, "no column holds a name"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_drop_down (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget) && gtk_widget_get_mapped (widget);
}

/* The choice on a row wins over the policy: a possible duplicate skipped. */
static void
test_row_choice (KwTestFixture *f,
                 gconstpointer  data)
{
  g_autofree char *abdel = kw_store_find_person (f->store, NULL, NULL, "Abdelkader Ziani");
  g_autoptr(GPtrArray) rows = load_csv ("dutch.csv");
  KwImportPeopleDialog *dialog;
  GtkWidget *choice;
  gint64 before;
  guint added, updated, skipped;

  kw_test_fixture_open (f);
  set_phone (f, abdel, "06 1111 2222");
  before = kw_store_count (f->store, "person");
  dialog = KW_IMPORT_PEOPLE_DIALOG (_kw_contacts_view_open_people_dialog (KW_CONTACTS_VIEW (kw_window_get_contacts_view (f->window)), rows, TRUE));
  gtk_window_present (GTK_WINDOW (dialog));
  choice = wait_for (GTK_WIDGET (dialog), is_drop_down, NULL);
  g_assert_nonnull (choice);   /* only Joël's row has one */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (choice)), ==, 0);   /* Add as New */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), 1);                           /* Skip */
  g_assert_true (kw_import_people_dialog_import (dialog, &added, &updated, &skipped, NULL));
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, before + 2);
  g_assert_null (kw_store_find_person (f->store, NULL, NULL, "Joël de Wit"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Finding 10: a vCard chosen under Import says what it is and offers
 * Import People, which opens the people import with that file. */
static void
test_contact_file_under_import (KwTestFixture *f,
                                gconstpointer  data)
{
  g_autofree char *vcf = g_test_build_filename (G_TEST_DIST, "data", "three.vcf", NULL);
  GtkWindow *offer = NULL;
  GtkWindow *dialog = NULL;

  kw_test_fixture_open (f);
  g_assert_true (_kw_window_offer_file (f->window, vcf));
  KW_TEST_WAIT_UNTIL ((offer = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_nonnull (offer);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (offer)), ==,
                   "This is a contact file (vCard), not a Kwartier export. Import People reads the people in it.");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (offer), "import-people"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (offer), "import-people");
  /* the file is read in a thread first */
  KW_TEST_WAIT_UNTIL ((dialog = find_toplevel (KW_TYPE_IMPORT_PEOPLE_DIALOG)) != NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (kw_import_people_dialog_get_n_people (KW_IMPORT_PEOPLE_DIALOG (dialog)), ==, 3);
  g_assert_false (_kw_window_get_busy (f->window));
  gtk_window_destroy (dialog);

  /* a Kwartier export is not offered */
  g_assert_false (_kw_window_offer_file (f->window, "/nonexistent.kwartier.jsonl"));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWindow *
find_dialog_with_response (const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (window), response))
        return window;
    }
  return NULL;
}

/* As a user does it: a vCard under the window's Import, Import People,
 * Import, Create for the new organisation, Close: the toast counts the
 * people imported. */
static void
test_contact_file_create_organisations (KwTestFixture *f,
                                        gconstpointer  data)
{
  g_autofree char *vcf = g_test_build_filename (G_TEST_DIST, "data", "three.vcf", NULL);
  GtkWindow *offer = NULL, *dialog = NULL, *ask = NULL;
  gint64 before;

  kw_test_fixture_open (f);
  before = kw_store_count (f->store, "person");
  g_assert_true (_kw_window_offer_file (f->window, vcf));
  KW_TEST_WAIT_UNTIL ((offer = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (offer), "import-people");
  KW_TEST_WAIT_UNTIL ((dialog = find_toplevel (KW_TYPE_IMPORT_PEOPLE_DIALOG)) != NULL);
  kw_test_wait_mapped (GTK_WIDGET (dialog));
  g_signal_emit_by_name (wait_for (GTK_WIDGET (dialog), is_button_labelled, "_Import"), "clicked");
  KW_TEST_WAIT_UNTIL ((ask = find_dialog_with_response ("create")) != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "create");
  KW_TEST_WAIT_UNTIL (kw_import_people_dialog_get_result (KW_IMPORT_PEOPLE_DIALOG (dialog)) != NULL
                      && !kw_import_people_dialog_get_busy (KW_IMPORT_PEOPLE_DIALOG (dialog)));
  g_assert_cmpint (kw_store_count (f->store, "person"), >, before);
  g_signal_emit_by_name (wait_for (GTK_WIDGET (dialog), is_button_labelled, "_Close"), "clicked");
  g_assert_nonnull (wait_for (GTK_WIDGET (f->window), is_label_with, "people imported"));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/kw/ui/people-import/" path, KwTestFixture, data, kw_test_fixture_setup, func, kw_test_fixture_teardown)
  ADD ("match-text-and-undo-toast", test_match_text_and_undo_toast, KW_TEST_DEMO);
  ADD ("split-columns-and-why", test_split_columns_and_why, KW_TEST_DEMO);
  ADD ("row-choice", test_row_choice, KW_TEST_DEMO);
  ADD ("contact-file-under-import", test_contact_file_under_import, KW_TEST_DEMO);
  ADD ("contact-file-create-organisations", test_contact_file_create_organisations, KW_TEST_DEMO);

  return g_test_run ();
}
