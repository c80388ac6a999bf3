/* kw-window-sync.c: import, export and sync, from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core does the work (kw-import.h, kw-export.h, kw-sync-folder.h);
 * this file asks for the file and tells the result. The work runs on
 * the main thread: the store's connection is used by one thread only.
 */
#define G_LOG_DOMAIN "kw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-export.h"
#include "kw-import.h"
#include "kw-sync-folder.h"
#include "kw-window-private.h"

/* Helpers */

static char *
dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%H:%M");
}

static void
export_to (KwWindow *self,
           GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *now = dup_now ();
  g_autofree char *status = NULL;
  g_autoptr(GError) error = NULL;
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, g_str_has_suffix (path, ".gz"), NULL };

  if (!kw_export_to_file (kw_window_get_store (self), &options, path, &error))
    {
      _kw_window_show_toast (self, error->message);
      return;
    }
  status = g_strdup_printf (_("Exported at %s"), now);
  _kw_window_set_sync_status (self, status);
  _kw_window_show_toast (self, _("Export written. Share it with fellow organisers."));
}

static void
import_from (KwWindow *self,
             GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *now = dup_now ();
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  KwImportSummary summary = { 0 };

  if (!kw_import_file (kw_window_get_store (self), path, FALSE, &summary, &error))
    {
      _kw_window_show_toast (self, error->message);
      return;
    }
  text = g_strdup_printf (_("Imported: %u new, %u updated, %u deleted, %u conflicts"),
                          summary.added, summary.updated, summary.deleted, summary.conflicts);
  status = g_strdup_printf (_("Imported at %s"), now);
  _kw_window_set_sync_status (self, status);
  _kw_window_show_toast (self, text);
}

/* Callbacks */

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        KwWindow        *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
        export_to (self, file);
      else
        import_from (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_sync_report_cb (const char             *path,
                   KwSyncFileStatus        status,
                   const KwImportSummary  *summary,
                   const GError           *error,
                   gpointer                user_data)
{
  guint *imported = user_data;

  if (status == KW_SYNC_FILE_IMPORTED)
    (*imported)++;
}

/* Actions */

static void
show_chooser (KwWindow             *self,
              GtkFileChooserAction  action)
{
  gboolean save = action == GTK_FILE_CHOOSER_ACTION_SAVE;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (save ? _("Export Everything") : _("Import an Export"),
                                         GTK_WINDOW (self), action,
                                         save ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Kwartier exports"));
  gtk_file_filter_add_pattern (filter, "*.kwartier.jsonl");
  gtk_file_filter_add_pattern (filter, "*.kwartier.jsonl.gz");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "kwartier.kwartier.jsonl");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  show_chooser (KW_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  show_chooser (KW_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  g_autofree char *folder = g_settings_get_string (_kw_window_get_settings (self), "sync-folder");
  g_autofree char *now = dup_now ();
  g_autofree char *status = NULL;
  g_autoptr(GError) error = NULL;
  guint imported = 0, refused = 0;

  if (*folder == '\0')
    {
      gtk_widget_activate_action (widget, "app.preferences", NULL);
      return;
    }
  if (!kw_sync_folder_run (kw_window_get_store (self), folder, NULL, on_sync_report_cb, &imported,
                           &refused, &error))
    {
      _kw_window_show_toast (self, error->message);
      return;
    }
  status = refused > 0 ? g_strdup_printf (_("Synced at %s, %u files refused"), now, refused)
                       : g_strdup_printf (_("Synced at %s"), now);
  _kw_window_set_sync_status (self, status);
}

void
_kw_window_class_add_sync_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_action);
}
