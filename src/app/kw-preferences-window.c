/* kw-preferences-window.c: organiser name, sync folder, the thresholds of the
 * networks and alliances views, style and language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-backups-group.h"
#include "kw-preferences-window.h"

struct _KwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  KwStore              *store;
  GtkFileChooserNative *chooser;

  KwBackupsGroup       *backups_group;
  GtkWidget            *clear_folder_button;
  AdwComboRow          *language_row;
  GtkSpinButton        *load_threshold_spin;
  AdwEntryRow          *organiser_row;
  GtkSpinButton        *stale_months_spin;
  AdwComboRow          *style_row;
  AdwActionRow         *sync_folder_row;
};

G_DEFINE_FINAL_TYPE (KwPreferencesWindow, kw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the style row: follow system, light, dark. */
static const char * const style_nicks[] = { "default", "light", "dark" };
/* The order of the language row (the "language" key's choices). */
static const char * const language_nicks[] = { "system", "nl", "en" };

/* Helpers */

static void
update_sync_folder_row (KwPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "sync-folder");

  adw_action_row_set_subtitle (self->sync_folder_row,
                               *folder ? folder : _("None: nothing is shared yet"));
  gtk_widget_set_visible (self->clear_folder_button, *folder != '\0');
}

/* GTK 4.8 leaves the − and + buttons of a spin button without an accessible
 * label: a screen reader would only say "button". */
static void
label_spin_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = GTK_IS_BUTTON (child) ? gtk_button_get_icon_name (GTK_BUTTON (child)) : NULL;

      if (g_strcmp0 (icon, "value-increase-symbolic") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Increase"), -1);
      else if (g_strcmp0 (icon, "value-decrease-symbolic") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Decrease"), -1);
      else
        label_spin_buttons (child);
    }
}

static void
load_settings (KwPreferencesWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "organiser-name");
  g_autofree char *style = g_settings_get_string (self->settings, "color-scheme");
  g_autofree char *language = g_settings_get_string (self->settings, "language");

  gtk_editable_set_text (GTK_EDITABLE (self->organiser_row), name);
  for (guint i = 0; i < G_N_ELEMENTS (style_nicks); i++)
    if (g_str_equal (style, style_nicks[i]))
      adw_combo_row_set_selected (self->style_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (language_nicks); i++)
    if (g_str_equal (language, language_nicks[i]))
      adw_combo_row_set_selected (self->language_row, i);
  update_sync_folder_row (self);
}

/* Callbacks */

static void
on_organiser_row_apply_cb (KwPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organiser_row))));
  g_autoptr(GError) error = NULL;

  g_settings_set_string (self->settings, "organiser-name", name);
  if (self->store != NULL && !kw_store_set_organiser (self->store, name, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
    }
}

static void
on_style_row_selected_changed_cb (KwPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->style_row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (style_nicks))
    g_settings_set_string (self->settings, "color-scheme", style_nicks[selected]);
}

static void
on_language_row_selected_changed_cb (KwPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (language_nicks))
    g_settings_set_string (self->settings, "language", language_nicks[selected]);
}

static void
on_chooser_response_cb (KwPreferencesWindow *self,
                        int                  response)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser))) != NULL
      && (path = g_file_get_path (folder)) != NULL)
    g_settings_set_string (self->settings, "sync-folder", path);
  g_clear_object (&self->chooser);
  update_sync_folder_row (self);
}

static void
on_choose_folder_button_clicked_cb (KwPreferencesWindow *self)
{
  self->chooser = gtk_file_chooser_native_new (_("Choose the Sync Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_clear_folder_button_clicked_cb (KwPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "sync-folder", "");
  update_sync_folder_row (self);
}

/* GObject */

static void
kw_preferences_window_dispose (GObject *object)
{
  KwPreferencesWindow *self = (KwPreferencesWindow *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (kw_preferences_window_parent_class)->dispose (object);
}

static void
kw_preferences_window_finalize (GObject *object)
{
  KwPreferencesWindow *self = (KwPreferencesWindow *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kw_preferences_window_parent_class)->finalize (object);
}

static void
kw_preferences_window_class_init (KwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_preferences_window_dispose;
  object_class->finalize = kw_preferences_window_finalize;

  g_type_ensure (KW_TYPE_BACKUPS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/kw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, KwPreferencesWindow, clear_folder_button);
  gtk_widget_class_bind_template_child (widget_class, KwPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, KwPreferencesWindow, load_threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, KwPreferencesWindow, organiser_row);
  gtk_widget_class_bind_template_child (widget_class, KwPreferencesWindow, stale_months_spin);
  gtk_widget_class_bind_template_child (widget_class, KwPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, KwPreferencesWindow, sync_folder_row);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_folder_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_folder_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_row_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_organiser_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_style_row_selected_changed_cb);
}

static void
kw_preferences_window_init (KwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  label_spin_buttons (GTK_WIDGET (self->load_threshold_spin));
  label_spin_buttons (GTK_WIDGET (self->stale_months_spin));
}

/* Public API */

KwPreferencesWindow *
kw_preferences_window_new (GSettings *settings,
                           KwStore   *store)
{
  KwPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KW_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  self->store = store ? g_object_ref (store) : NULL;
  load_settings (self);
  kw_backups_group_set_store (self->backups_group, store);
  /* the int keys bind to the spin buttons' double "value" both ways */
  g_settings_bind (self->settings, "load-threshold", self->load_threshold_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "stale-months", self->stale_months_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}
