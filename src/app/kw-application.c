/* kw-application.c: the Kwartier application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "kw-application.h"
#include "kw-preferences-window.h"
#include "kw-window.h"

#define APP_BUSY_TIMEOUT_MS (15 * 1000)

/* The same addresses as the <url>s of the metainfo (tests/ui/test-about.c). */
#define APP_WEBSITE     "https://gitlab.gnome.org/World/kwartier"
#define APP_ISSUE_URL   "https://gitlab.gnome.org/World/kwartier/-/issues"
/* The release whose notes the About window shows, and the notes: the same
 * text as that <release> of data/nl.kwartier.Kwartier.metainfo.xml.in. */
#define APP_RELEASE_NOTES_VERSION "0.2.0"

struct _KwApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  KwStore        *store;
  GError         *open_error;
};

G_DEFINE_FINAL_TYPE (KwApplication, kw_application, ADW_TYPE_APPLICATION)

/* Helpers */

static void
apply_color_scheme (KwApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, g_settings_get_enum (self->settings, "color-scheme"));
}

static void
show_open_error (KwApplication *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("The Database Could Not Be Opened"),
                                   self->open_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_application_quit), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX");
}

/* The "language" key, read before the application exists; NULL when
 * the schema is not installed. */
static char *
dup_language_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL
      || !g_settings_schema_has_key (schema, "language"))
    return NULL;
  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "language");
}

/* The language of the environment's locale ("nl" of "nl_NL.UTF-8"). */
static char *
dup_environment_language (void)
{
  static const char * const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value != NULL && *value != '\0')
        return g_strndup (value, strcspn (value, ".@"));
    }
  return NULL;
}

/* Callbacks */

static void
on_settings_color_scheme_changed_cb (KwApplication *self)
{
  apply_color_scheme (self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  KwApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing the windows lets them finish pending deletes and save their size. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  KwApplication *self = user_data;
  GtkWindow *about = kw_application_new_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)));

  gtk_window_present (about);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  KwApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  KwPreferencesWindow *prefs;

  /* it writes the organiser's name: not while a thread has the store */
  if (self->store != NULL && kw_store_get_busy (self->store))
    return;
  prefs = kw_preferences_window_new (self->settings, self->store);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
};

/* Overrides */

static void
kw_application_startup (GApplication *app)
{
  KwApplication *self = KW_APPLICATION (app);
  g_autofree char *path = kw_application_dup_database_path ();
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *prefs_accels[] = { "<Primary>comma", NULL };

  G_APPLICATION_CLASS (kw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_settings_color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  self->store = kw_store_open (path, &self->open_error);
  if (self->store == NULL)
    return;
  /* The window writes on the main thread: a writer elsewhere (a long import
   * by the CLI) makes an edit fail with a message after a while rather than
   * freeze the window for the store's default of minutes. */
  if (g_getenv ("KWARTIER_BUSY_TIMEOUT_MS") == NULL)
    kw_store_set_busy_timeout (self->store, APP_BUSY_TIMEOUT_MS);
}

static void
kw_application_activate (GApplication *app)
{
  KwApplication *self = KW_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (self->store == NULL)
    {
      show_open_error (self);
      return;
    }
  if (window == NULL)
    window = GTK_WINDOW (kw_window_new (GTK_APPLICATION (self), self->store));
  gtk_window_present (window);
}

static void
kw_application_finalize (GObject *object)
{
  KwApplication *self = (KwApplication *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (kw_application_parent_class)->finalize (object);
}

static void
kw_application_class_init (KwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = kw_application_finalize;
  app_class->startup = kw_application_startup;
  app_class->activate = kw_application_activate;
}

static void
kw_application_init (KwApplication *self)
{
}

/* Public API */

KwApplication *
kw_application_new (void)
{
  return g_object_new (KW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/nl/kwartier/Kwartier",
                       NULL);
}

KwStore *
kw_application_get_store (KwApplication *self)
{
  g_return_val_if_fail (KW_IS_APPLICATION (self), NULL);
  return self->store;
}

void
kw_application_setup_locale (void)
{
  const char *localedir = g_getenv ("KW_LOCALEDIR");
  g_autofree char *language = dup_language_setting ();

  /* A locale that is not generated here (nl_NL.UTF-8 without locale-gen):
   * UTF-8 still, and gettext asked for its language through LANGUAGE. */
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_autofree char *wanted = dup_environment_language ();

      setlocale (LC_ALL, "C.UTF-8");
      if (wanted != NULL && g_getenv ("LANGUAGE") == NULL && !is_c_locale (wanted))
        g_setenv ("LANGUAGE", wanted, TRUE);
    }
  if (language != NULL && !g_str_equal (language, "system"))
    g_setenv ("LANGUAGE", language, TRUE);
  /* gettext ignores LANGUAGE in the C locale, not in C.UTF-8 */
  if (g_getenv ("LANGUAGE") != NULL && is_c_locale (setlocale (LC_MESSAGES, NULL)))
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

char *
kw_application_dup_database_path (void)
{
  const char *env = g_getenv ("KWARTIER_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "kwartier", "kwartier.db", NULL);
}

/* The notes of APP_RELEASE_NOTES_VERSION, in the markup of AppStream
 * descriptions (<p>, <ul>, <li>), translated. */
const char *
kw_application_get_release_notes (void)
{
  return _("<p>The second release brings every view of the application: organisers can now keep their whole neighbourhood work in Kwartier and share it with colleagues through a shared folder.</p>"
           "<ul>"
           "<li>Key figures and contacts: people and organisations, their consent, contact moments, duplicates and merging</li>"
           "<li>Neighbourhood alliances: partners, action lines and budgets, and who is missing at the table</li>"
           "<li>Residents’ networks: units with their contact person and deputy, members and the participation load</li>"
           "<li>The stakeholder map: the network of an area with its bridges, and a power and interest grid</li>"
           "<li>Meetings: agenda, invitations, attendance, minutes with running actions, and public minutes without the names of those who did not consent</li>"
           "<li>Sync through a shared folder: colleagues’ files are taken in by themselves, and conflicting edits can be resolved</li>"
           "<li>Import a colleague’s file from the window, with a summary before anything changes, and go back to the backup it made</li>"
           "<li>Export everything or one alliance, network, area or meeting, sealed with a passphrase if you like</li>"
           "<li>Preferences, keyboard shortcuts for every view and a welcome that explains consent</li>"
           "<li>Completely in Dutch, and usable with the keyboard alone and with a screen reader</li>"
           "</ul>");
}

GtkWindow *
kw_application_new_about_window (GtkWindow *parent)
{
  static const char *developers[] = { "The Kwartier authors", NULL };
  static const char *designers[] = { "The Kwartier authors", NULL };
  static const char *thanks[] = { "Community organisers in Amsterdam", NULL };
  g_autofree char *database = kw_application_dup_database_path ();
  g_autofree char *debug_info = NULL;
  GtkWidget *about;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  debug_info = g_strdup_printf ("Kwartier %s\nGTK %u.%u.%u\nlibadwaita %u.%u.%u\nGLib %u.%u.%u\nDatabase: %s\n",
                                PACKAGE_VERSION,
                                gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                                adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                                glib_major_version, glib_minor_version, glib_micro_version, database);
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-name", _("Kwartier"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Kwartier authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Kwartier keeps the key figures, people and organisations of your "
                                      "neighbourhood with their relations and contact moments, and shares "
                                      "them with fellow organisers through a shared folder."),
                        "website", APP_WEBSITE,
                        "issue-url", APP_ISSUE_URL,
                        "developers", developers,
                        "designers", designers,
                        /* TRANSLATORS: your names, one a line, as the About window lists them */
                        "translator-credits", _("translator-credits"),
                        "copyright", _("© 2026 The Kwartier authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "release-notes-version", APP_RELEASE_NOTES_VERSION,
                        "release-notes", kw_application_get_release_notes (),
                        "debug-info", debug_info,
                        "debug-info-filename", "kwartier-debug-info.txt",
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about), _("With thanks to"), thanks);
  return GTK_WINDOW (about);
}
