/* kw-meetings-view-actions.c: the Meetings view's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meetings.export-ical: every meeting with a start in one .ics file
 * (kw_ical_write of all), through a file chooser, and a toast.
 */
#define G_LOG_DOMAIN "kw-meetings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-ical.h"
#include "kw-meetings-view-private.h"

static void
on_ical_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     KwMeetingsView  *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (path != NULL && !kw_meetings_view_save_ical (self, path, &error))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      kw_view_show_toast (KW_VIEW (self), adw_toast_new (markup));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_ical_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Save All Meetings to a Calendar File"),
                                                              GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "meetings.ics");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_ical_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_kw_meetings_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "meetings.export-ical", NULL, export_ical_action);
}

/* Public API */

gboolean
kw_meetings_view_save_ical (KwMeetingsView  *self,
                            const char      *path,
                            GError         **error)
{
  g_autofree char *text = NULL;
  guint n = 0;

  g_return_val_if_fail (KW_IS_MEETINGS_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!kw_ical_write (self->store, NULL, path, &n, error))
    return FALSE;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting saved to the calendar file",
                                       "%u meetings saved to the calendar file", n), n);
  kw_view_show_toast (KW_VIEW (self), adw_toast_new (text));
  return TRUE;
}
