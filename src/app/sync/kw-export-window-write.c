/* kw-export-window-write.c: the export window's save dialog and writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export… asks for the file (GtkFileChooserNative, the name the window
 * offers), then the export is written in a thread on the window's second
 * connection while a progress bar counts the record lines against the
 * summary's total; Cancel (or Escape) stops it and nothing is left
 * behind. Written, the window says so (::exported, and whether the file
 * is sealed) and closes.
 */
#define G_LOG_DOMAIN "kw-export-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-export-summary.h"
#include "kw-export-window-private.h"

/* Helpers */

static gboolean
on_progress_tick_cb (gpointer data)
{
  KwExportWindow *self = data;
  guint64 total = self->preview ? MAX (self->preview->records, 1) : 1;
  guint64 written = MIN ((guint64) (guint) g_atomic_int_get (&self->written), total);
  g_autofree char *written_text = _kw_export_format_count (written);
  g_autofree char *total_text = _kw_export_format_count (total);
  g_autofree char *text = NULL;

  /* Translators: how far an export is: "1,024 of 80,000 records" */
  text = g_strdup_printf (_("%s of %s records"), written_text, total_text);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) written / total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
set_writing (KwExportWindow *self,
             gboolean        writing)
{
  self->writing = writing;
  gtk_stack_set_visible_child_name (self->stack, writing ? "writing" : "form");
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (writing)
    {
      g_atomic_int_set (&self->written, 0);
      on_progress_tick_cb (self);
      self->progress_id = g_timeout_add (100, on_progress_tick_cb, self);
    }
  _kw_export_window_update_actions (self);
}

/* In the thread */
static void
on_progress_cb (guint64  records,
                gpointer user_data)
{
  g_atomic_int_set ((gint *) user_data, (gint) MIN (records, (guint64) G_MAXINT));
}

/* In the thread: the path written, or NULL. */
static gpointer
run_write (KwStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  KwExportJob *job = data;

  if (!kw_export_to_file_full (store, &job->options, job->path, on_progress_cb, job->written,
                               cancellable, error))
    return NULL;
  return g_strdup (job->path);
}

/* Callbacks */

static void
on_write_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KwExportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kw_store_run_finish (KW_STORE (source), result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;  /* the window is going */
  set_writing (self, FALSE);
  g_clear_object (&self->write_cancellable);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Export stopped; no file was written")));
  else if (path == NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else
    {
      _kw_export_window_emit_exported (self, path, gtk_switch_get_active (self->seal_switch));
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* The window's going cancels the write too. */
static void
on_window_cancelled_cb (GCancellable *cancellable,
                        GCancellable *write_cancellable)
{
  g_cancellable_cancel (write_cancellable);
}

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     KwExportWindow  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      kw_export_window_write (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Actions */

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KwExportWindow *self = KW_EXPORT_WINDOW (widget);
  g_autofree char *name = kw_export_window_dup_file_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export for Fellow Organisers"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* While writing: stops it (nothing is left behind); else closes. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KwExportWindow *self = KW_EXPORT_WINDOW (widget);

  if (self->writing)
    g_cancellable_cancel (self->write_cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Private API */

void
_kw_export_window_class_add_write_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

/* Public API */

/* Sealed: "….sealed.kwartier.jsonl" (gzip is inside the seal, and the
 * importer knows a seal by its first line); compressed: "….gz". */
char *
kw_export_window_dup_file_name (KwExportWindow *self)
{
  const char *suffix = ".kwartier.jsonl";
  g_autofree char *stem = NULL;

  g_return_val_if_fail (KW_IS_EXPORT_WINDOW (self), NULL);

  if (!g_str_has_suffix (self->suggested_name, suffix))
    return g_strdup (self->suggested_name);
  stem = g_strndup (self->suggested_name, strlen (self->suggested_name) - strlen (suffix));
  if (gtk_switch_get_active (self->seal_switch))
    return g_strconcat (stem, ".sealed", suffix, NULL);
  return g_strconcat (stem, suffix, gtk_switch_get_active (self->gzip_switch) ? ".gz" : NULL, NULL);
}

void
kw_export_window_write (KwExportWindow *self,
                        const char     *path)
{
  KwExportJob *job;

  g_return_if_fail (KW_IS_EXPORT_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->writing || self->counting || kw_store_get_busy (self->work_store))
    return;
  job = _kw_export_job_new (self);
  job->path = g_strdup (path);
  job->written = &self->written;
  /* a name that says .gz gets gzip: other tools go by the name */
  job->options.gzip = gtk_switch_get_active (self->gzip_switch) || g_str_has_suffix (path, ".gz");
  if (gtk_switch_get_active (self->seal_switch))
    job->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
  job->options.passphrase = job->passphrase;
  self->write_cancellable = g_cancellable_new ();
  g_cancellable_connect (self->cancellable, G_CALLBACK (on_window_cancelled_cb),
                         g_object_ref (self->write_cancellable), g_object_unref);
  set_writing (self, TRUE);
  kw_store_run_async (self->work_store, run_write, job, (GDestroyNotify) _kw_export_job_free, g_free,
                      self->write_cancellable, on_write_done_cb, g_object_ref (self));
}
