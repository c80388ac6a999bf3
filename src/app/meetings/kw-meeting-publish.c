/* kw-meeting-publish.c: publish and print from a meeting page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meeting page's "Publish and Print" menu: meeting.publish opens
 * the preview of the public minutes (KwPublishWindow), built in a thread
 * on a connection of its own (the publisher reads every name it must
 * keep out of the text: 0.3 s with 100,000 people);
 * meeting.print-agenda and meeting.print-signin print the core's pages
 * (kw-meeting-doc.h, the same as `kwartier-cli print`) through
 * GtkPrintOperation, A4 by default, in points, one page at a time.
 */
#define G_LOG_DOMAIN "kw-meeting-publish"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-meeting-publish.h"
#include "kw-publish-window.h"
#include "kw-record-page.h"
#include "kw-view.h"

/* Helpers */

static void
show_toast (GtkWidget  *widget,
            const char *text)
{
  GtkWidget *view = gtk_widget_get_ancestor (widget, KW_TYPE_VIEW);
  g_autofree char *markup = g_markup_escape_text (text, -1);

  if (view != NULL)
    kw_view_show_toast (KW_VIEW (view), adw_toast_new (markup));
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Printing */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   KwMeetingDoc      *doc)
{
  guint n = kw_meeting_doc_get_n_pages (doc, gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 KwMeetingDoc      *doc)
{
  kw_meeting_doc_draw_page (doc, gtk_print_context_get_cairo_context (context),
                            gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                            (guint) page);
}

gboolean
kw_meeting_publish_print (GtkWindow         *parent,
                          KwStore           *store,
                          const char        *meeting_id,
                          KwMeetingDocKind   kind,
                          const char        *export_path,
                          GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(KwMeetingDoc) doc = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (meeting_id != NULL, FALSE);

  if ((doc = kw_meeting_doc_new (store, meeting_id, kind, TRUE, error)) == NULL)
    return FALSE;
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, kind == KW_MEETING_DOC_AGENDA ? _("Agenda") : _("Sign-in sheet"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), doc);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  /* synchronous: the document lives until the pages are drawn */
  gtk_print_operation_set_allow_async (operation, FALSE);
  result = gtk_print_operation_run (operation,
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Actions */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KwRecordPage *page = KW_RECORD_PAGE (widget);
  KwMeetingDocKind kind = g_str_equal (action_name, "meeting.print-agenda") ? KW_MEETING_DOC_AGENDA
                                                                           : KW_MEETING_DOC_SIGNIN;
  g_autoptr(GError) error = NULL;

  if (kw_record_page_get_id (page) == NULL)
    return;
  if (!kw_meeting_publish_print (window_of (widget), kw_record_page_get_store (page), kw_record_page_get_id (page),
                                 kind, NULL, &error))
    show_toast (widget, error->message);
}

/* Publishing */

typedef struct {
  KwStore *read_store;  /* the thread's own connection */
  char    *meeting_id;
} PublishJob;

static void
publish_job_free (PublishJob *job)
{
  g_clear_object (&job->read_store);
  g_free (job->meeting_id);
  g_free (job);
}

static void
build_minutes_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  PublishJob *job = data;
  GError *error = NULL;
  KwMinutes *minutes = kw_minutes_new (job->read_store, job->meeting_id, TRUE, &error);

  if (minutes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, minutes, (GDestroyNotify) kw_minutes_free);
}

static void
on_minutes_built_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GtkWidget *widget = GTK_WIDGET (source);
  g_autoptr(GError) error = NULL;
  KwMinutes *minutes = g_task_propagate_pointer (G_TASK (result), &error);

  g_object_set_data (source, "kw-publishing", NULL);
  if (minutes == NULL)
    {
      show_toast (widget, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (kw_publish_window_new_for_minutes (window_of (widget), minutes)));
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KwRecordPage *page = KW_RECORD_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  PublishJob *job;
  KwStore *read_store;

  if (kw_record_page_get_id (page) == NULL || g_object_get_data (G_OBJECT (widget), "kw-publishing") != NULL)
    return;  /* one preview at a time */
  read_store = kw_store_open (kw_store_get_path (kw_record_page_get_store (page)), &error);
  if (read_store == NULL)
    {
      show_toast (widget, error->message);
      return;
    }
  job = g_new0 (PublishJob, 1);
  job->read_store = read_store;
  job->meeting_id = g_strdup (kw_record_page_get_id (page));
  g_object_set_data (G_OBJECT (widget), "kw-publishing", GINT_TO_POINTER (TRUE));
  task = g_task_new (widget, NULL, on_minutes_built_cb, NULL);
  g_task_set_source_tag (task, publish_action);
  g_task_set_task_data (task, job, (GDestroyNotify) publish_job_free);
  g_task_run_in_thread (task, build_minutes_thread);
}

/* Public API */

void
kw_meeting_publish_install_actions (GtkWidgetClass *widget_class)
{
  g_return_if_fail (widget_class != NULL);

  gtk_widget_class_install_action (widget_class, "meeting.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "meeting.print-agenda", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "meeting.print-signin", NULL, print_action);
}

GtkWidget *
kw_meeting_publish_new_button (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("_Publish Minutes…"), "meeting.publish");
  g_menu_append (menu, _("Print _Agenda…"), "meeting.print-agenda");
  g_menu_append (menu, _("Print _Sign-in Sheet…"), "meeting.print-signin");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("P_ublish and Print"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_tooltip_text (button, _("Public minutes with a preview, the agenda or the sign-in sheet on paper"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  return button;
}
