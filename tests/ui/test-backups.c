/* test-backups.c: Preferences ▸ Backups — the backups listed, one restored
 * after asking, and the views following
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kw-backups-group.h"
#include "kw-demo.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-preferences-window.h"
#include "kw-test-util.h"

#define APP_ID "nl.kwartier.Kwartier"

/* Helpers */

/* As a click on a response does: the dialog answers, then goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A colleague's ten people, imported: the import backs up first. */
static void
import_colleague (KwTestFixture *f)
{
  g_autofree char *db = g_build_filename (f->dir, "bram.db", NULL);
  g_autofree char *file = g_build_filename (f->dir, "bram.kwartier.jsonl", NULL);
  g_autoptr(KwStore) bram = kw_store_open (db, NULL);
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bram);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Collega %u", i);
      g_free (kw_test_create (bram, "person", "name", name, NULL));
    }
  g_assert_true (kw_export_to_file (bram, &options, file, &error));
  g_assert_no_error (error);
  g_assert_true (kw_import_file (f->store, file, FALSE, NULL, &error));
  g_assert_no_error (error);
}

/* Tests */

static void
test_restore (KwTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(KwTestSignal) changed = NULL;
  KwPreferencesWindow *prefs;
  KwBackupsGroup *group;
  GListModel *rows;
  GtkWidget *row, *button;
  GtkWindow *dialog;
  gint64 before = kw_store_count (f->store, "person");

  import_colleague (f);
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, before + 10);
  kw_test_fixture_open (f);
  prefs = kw_preferences_window_new (settings, f->store);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (prefs));
  kw_test_wait_mapped (GTK_WIDGET (prefs));

  group = KW_BACKUPS_GROUP (kw_test_find_type (GTK_WIDGET (prefs), KW_TYPE_BACKUPS_GROUP));
  g_assert_nonnull (group);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (group), ADW_TYPE_PREFERENCES_PAGE)));
  kw_test_wait_mapped (GTK_WIDGET (group));
  rows = kw_backups_group_get_rows (group);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  row = g_list_model_get_item (rows, 0);
  g_object_unref (row);  /* the group's list holds it */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, NULL);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Before an import"));
  button = kw_test_find_named (row, "restore-button");
  g_assert_nonnull (button);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* asks first; Cancel changes nothing */
  gtk_widget_activate (button);
  dialog = kw_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Restore This Backup?");
  respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_false (kw_backups_group_get_running (group));
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, before + 10);

  changed = kw_test_signal_new (f->store, "changed::person");
  gtk_widget_activate (button);
  dialog = kw_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Restore This Backup?");
  respond (ADW_MESSAGE_DIALOG (dialog), "restore");
  KW_TEST_WAIT_UNTIL (!kw_backups_group_get_running (group));
  kw_test_wait_not_busy (f->window);
  /* the same store, as it was before the import; the views are told */
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, before);
  kw_test_signal_wait (changed, 1);
  /* the state it replaced is a backup too, listed first */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  row = g_list_model_get_item (rows, 0);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Before a backup was restored"));
  g_object_unref (row);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_none (KwTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KwPreferencesWindow *prefs = kw_preferences_window_new (settings, f->store);
  KwBackupsGroup *group;

  gtk_window_present (GTK_WINDOW (prefs));
  kw_test_wait_mapped (GTK_WIDGET (prefs));
  group = KW_BACKUPS_GROUP (kw_test_find_type (GTK_WIDGET (prefs), KW_TYPE_BACKUPS_GROUP));
  g_assert_nonnull (group);
  g_assert_cmpuint (g_list_model_get_n_items (kw_backups_group_get_rows (group)), ==, 0);
  g_assert_null (kw_test_find_named (GTK_WIDGET (group), "restore-button"));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/ui/backups/restore", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_restore, kw_test_fixture_teardown);
  g_test_add ("/kw/ui/backups/none", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_none, kw_test_fixture_teardown);
  return g_test_run ();
}
