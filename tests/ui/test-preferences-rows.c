/* test-preferences-rows.c: the Preferences rows that test-preferences.c
 * does not cover, end to end: the organiser name goes to the settings and
 * the database, the sync folder row shows and forgets the folder, the
 * style row changes the style at once (through the application), the language row the key that the
 * next start reads (test-window.c /kw/ui/window/language-setting checks
 * that start; test-keyboard-nav.c that Escape closes the window).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "kw-application.h"
#include "kw-preferences-window.h"
#include "kw-test-util.h"

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row's suffix button with that icon, or with a label when icon is NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *icon)
{
  if (GTK_IS_BUTTON (root) && !GTK_IS_TOGGLE_BUTTON (root)
      && (icon != NULL ? g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon) == 0
                       : gtk_button_get_label (GTK_BUTTON (root)) != NULL))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, icon);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  KwTestFixture        base;
  GSettings           *settings;
  KwPreferencesWindow *prefs;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  kw_test_fixture_setup (&f->base, KW_TEST_EMPTY);
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "organiser-name");
  g_settings_reset (f->settings, "sync-folder");
  g_settings_reset (f->settings, "color-scheme");
  g_settings_reset (f->settings, "language");
  f->prefs = kw_preferences_window_new (f->settings, f->base.store);
  gtk_window_present (GTK_WINDOW (f->prefs));
  kw_test_wait_mapped (GTK_WIDGET (f->prefs));
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  if (f->prefs != NULL)
    gtk_window_destroy (GTK_WINDOW (f->prefs));
  kw_test_flush ();
  g_settings_reset (f->settings, "organiser-name");
  g_settings_reset (f->settings, "sync-folder");
  g_settings_reset (f->settings, "color-scheme");
  g_settings_reset (f->settings, "language");
  g_clear_object (&f->settings);
  kw_test_fixture_teardown (&f->base, KW_TEST_EMPTY);
}

/* Typed and applied: in the settings and in the database, which signs
 * the exports with it; blanks around it go. */
static void
test_organiser_name (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *row = find_row (GTK_WIDGET (f->prefs), "Organiser name");
  g_autofree char *stored = NULL, *setting = NULL;

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "  Kees Testmaker ");
  g_signal_emit_by_name (row, "apply");
  setting = g_settings_get_string (f->settings, "organiser-name");
  g_assert_cmpstr (setting, ==, "Kees Testmaker");
  stored = kw_store_dup_organiser (f->base.store);
  g_assert_cmpstr (stored, ==, "Kees Testmaker");

  /* a new window shows it */
  gtk_window_destroy (GTK_WINDOW (f->prefs));
  f->prefs = kw_preferences_window_new (f->settings, f->base.store);
  row = find_row (GTK_WIDGET (f->prefs), "Organiser name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Kees Testmaker");
}

/* The folder in the row's subtitle; the clear button only with a folder,
 * and it stops the syncing. */
static void
test_sync_folder (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *row = find_row (GTK_WIDGET (f->prefs), "Sync folder");
  GtkWidget *clear = find_button (row, "edit-clear-symbolic");
  g_autofree char *folder = NULL;

  g_assert_nonnull (clear);
  g_assert_nonnull (find_button (row, NULL));   /* Choose… */
  g_assert_false (gtk_widget_get_visible (clear));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "None: nothing is shared yet");

  /* chosen (the file chooser portal is out of reach here: the setting it writes) */
  gtk_window_destroy (GTK_WINDOW (f->prefs));
  g_settings_set_string (f->settings, "sync-folder", f->base.dir);
  f->prefs = kw_preferences_window_new (f->settings, f->base.store);
  gtk_window_present (GTK_WINDOW (f->prefs));
  kw_test_wait_mapped (GTK_WIDGET (f->prefs));
  row = find_row (GTK_WIDGET (f->prefs), "Sync folder");
  clear = find_button (row, "edit-clear-symbolic");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, f->base.dir);
  KW_TEST_WAIT_UNTIL (gtk_widget_get_mapped (clear));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL));

  g_signal_emit_by_name (clear, "clicked");
  folder = g_settings_get_string (f->settings, "sync-folder");
  g_assert_cmpstr (folder, ==, "");
  g_assert_false (gtk_widget_get_visible (clear));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "None: nothing is shared yet");
}

/* The style row writes the key that the application follows at once
 * (kw-application.c, changed::color-scheme). */
static void
test_style (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *row = find_row (GTK_WIDGET (f->prefs), "Style");
  g_autofree char *scheme = NULL;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  scheme = g_settings_get_string (f->settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  g_clear_pointer (&scheme, g_free);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  scheme = g_settings_get_string (f->settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "light");
}

/* The application applies the color-scheme key as soon as it changes,
 * and reads it at its start. */
static void
test_style_applies (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kw-prefs-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "app.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(KwApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_set_string (settings, "color-scheme", "dark");
  g_setenv ("KWARTIER_DB", db, TRUE);
  app = kw_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_reset (settings, "color-scheme");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  g_clear_object (&app);
  g_unsetenv ("KWARTIER_DB");
  g_remove (db);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

/* Each choice of the language row is the key's value, and a new window
 * shows the key. */
static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  static const char * const values[] = { "system", "nl", "en" };
  GtkWidget *row = find_row (GTK_WIDGET (f->prefs), "Language");

  g_assert_true (ADW_IS_COMBO_ROW (row));
  for (guint i = G_N_ELEMENTS (values); i-- > 0;)
    {
      g_autofree char *language = NULL;

      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      language = g_settings_get_string (f->settings, "language");
      g_assert_cmpstr (language, ==, values[i]);
    }
  g_settings_set_string (f->settings, "language", "en");
  gtk_window_destroy (GTK_WINDOW (f->prefs));
  f->prefs = kw_preferences_window_new (f->settings, f->base.store);
  row = find_row (GTK_WIDGET (f->prefs), "Language");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/ui/preferences-rows/organiser-name", Fixture, NULL, setup, test_organiser_name, teardown);
  g_test_add ("/kw/ui/preferences-rows/sync-folder", Fixture, NULL, setup, test_sync_folder, teardown);
  g_test_add ("/kw/ui/preferences-rows/style", Fixture, NULL, setup, test_style, teardown);
  g_test_add_func ("/kw/ui/preferences-rows/style-applies", test_style_applies);
  g_test_add ("/kw/ui/preferences-rows/language", Fixture, NULL, setup, test_language, teardown);

  return g_test_run ();
}
