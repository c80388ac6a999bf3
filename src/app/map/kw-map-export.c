/* kw-map-export.c: the Stakeholder Map view's Export… dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkFileChooserNative (PNG or SVG; a name without either gets .png),
 * then kw_map_view_export_to (): the picture of kw-map-render.c, with
 * its legend and without the names of private people.
 */
#define G_LOG_DOMAIN "kw-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-map-export.h"
#include "kw-map-render.h"

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       KwMapView       *view)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL && kw_map_view_get_graph (view) != NULL)
    {
      if (!kw_map_render_format_ok (path))
        {
          char *png = g_strconcat (path, ".png", NULL);

          g_free (path);
          path = png;
        }
      if (kw_map_view_export_to (view, path, &error))
        kw_view_show_toast (KW_VIEW (view), adw_toast_new (_("Map exported")));
      else
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          kw_view_show_toast (KW_VIEW (view), adw_toast_new (escaped));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (view);
}

void
kw_map_export_choose (KwMapView *view)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();

  g_return_if_fail (KW_IS_MAP_VIEW (view));
  chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_filter_set_name (png, _("PNG picture"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG drawing"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), svg);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("stakeholder-map.png"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), g_object_ref (view));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
