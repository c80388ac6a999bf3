/* kw-minutes-banner.c: finalised minutes on a meeting's page, and the two dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 has no AdwBanner: a box in the accent colours (style.css
 * .minutes-banner) at the top of the page, "Finalised on 3 December 2026,
 * 14:02 by Ayşe" and a Reopen… button; under it, when a colleague's edit
 * stamped after the finalisation was imported
 * (kw_meetings_changed_after_finalising), "Changed after finalising by …
 * on …" in the warning colour. Finalising asks first; reopening asks for
 * the reason, which is required and kept in the meeting's reopen_log.
 */
#define G_LOG_DOMAIN "kw-minutes-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-format.h"
#include "kw-meetings.h"
#include "kw-minutes-banner.h"
#include "kw-view.h"

struct _KwMinutesBanner
{
  GtkBox     parent_instance;

  GtkWidget *label;
  GtkWidget *changed;
};

G_DEFINE_FINAL_TYPE (KwMinutesBanner, kw_minutes_banner, GTK_TYPE_BOX)

static void
show_toast (GtkWidget  *widget,
            const char *text)
{
  GtkWidget *view = gtk_widget_get_ancestor (widget, KW_TYPE_VIEW);
  g_autofree char *markup = g_markup_escape_text (text, -1);

  if (view != NULL)
    kw_view_show_toast (KW_VIEW (view), adw_toast_new (markup));
  else
    g_warning ("%s", text);
}

static AdwMessageDialog *
new_dialog (GtkWidget  *widget,
            const char *heading,
            const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
on_finalise_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GtkWidget        *widget)
{
  KwStore *store = g_object_get_data (G_OBJECT (dialog), "kw-store");
  const char *id = g_object_get_data (G_OBJECT (dialog), "kw-id");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "finalise") && !kw_meetings_finalise (store, id, &error))
    show_toast (widget, error->message);
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reopen", *reason != '\0');
}

static void
on_reason_activate_cb (GtkEntry         *entry,
                       AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "reopen"))
    adw_message_dialog_response (dialog, "reopen");
}

static void
on_reopen_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GtkWidget        *widget)
{
  KwStore *store = g_object_get_data (G_OBJECT (dialog), "kw-store");
  const char *id = g_object_get_data (G_OBJECT (dialog), "kw-id");
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "reopen")
      && !kw_meetings_reopen (store, id, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    show_toast (widget, error->message);
}

/* GObject */

static void
kw_minutes_banner_class_init (KwMinutesBannerClass *klass)
{
}

static void
kw_minutes_banner_init (KwMinutesBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Reopen…"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "minutes-banner");
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_add_css_class (self->label, "heading");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meeting.reopen");
  gtk_widget_set_tooltip_text (button, _("Open the minutes for edits again, with the reason"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (self), box);
  self->changed = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->changed), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->changed), 0);
  gtk_widget_add_css_class (self->changed, "warning");
  gtk_widget_set_visible (self->changed, FALSE);
  gtk_box_append (GTK_BOX (self), self->changed);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Public API */

GtkWidget *
kw_minutes_banner_new (void)
{
  return g_object_new (KW_TYPE_MINUTES_BANNER, NULL);
}

static char *
describe_change (KwStore    *store,
                 const char *meeting_id)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *who = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *date = NULL;

  if (!kw_meetings_changed_after_finalising (store, meeting_id, &who, &when))
    return NULL;
  iso = g_date_time_format_iso8601 (when);
  date = kw_format_datetime (iso);
  if (who != NULL && *who != '\0')
    /* Translators: "Changed after finalising by Bram on 4 December 2026, 14:44" */
    return g_strdup_printf (_("Changed after finalising by %s on %s"), who, date);
  return g_strdup_printf (_("Changed after finalising on %s"), date);
}

gboolean
kw_minutes_banner_update (KwMinutesBanner *self,
                          KwStore         *store,
                          KwRecord        *meeting)
{
  const char *at, *by;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;

  g_return_val_if_fail (KW_IS_MINUTES_BANNER (self), FALSE);

  at = meeting ? kw_record_get_string (meeting, "finalised_at") : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), at != NULL);
  if (at == NULL)
    return FALSE;
  by = kw_record_get_string (meeting, "finalised_by");
  date = kw_format_datetime (at);
  if (by != NULL && *by != '\0')
    /* Translators: "Finalised on 3 December 2026, 14:02 by Ayşe" */
    text = g_strdup_printf (_("Finalised on %s by %s"), date, by);
  else
    text = g_strdup_printf (_("Finalised on %s"), date);
  gtk_label_set_label (GTK_LABEL (self->label), text);
  changed = describe_change (store, kw_record_get_id (meeting));
  gtk_label_set_label (GTK_LABEL (self->changed), changed ? changed : "");
  gtk_widget_set_visible (self->changed, changed != NULL);
  return TRUE;
}

GtkWidget *
kw_minutes_banner_get_label (KwMinutesBanner *self)
{
  g_return_val_if_fail (KW_IS_MINUTES_BANNER (self), NULL);
  return self->label;
}

GtkWidget *
kw_minutes_banner_get_changed_label (KwMinutesBanner *self)
{
  g_return_val_if_fail (KW_IS_MINUTES_BANNER (self), NULL);
  return self->changed;
}

void
kw_minutes_confirm_finalise (GtkWidget  *widget,
                             KwStore    *store,
                             const char *meeting_id)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget) && KW_IS_STORE (store) && meeting_id != NULL);

  dialog = new_dialog (widget, _("Finalise the Minutes?"),
                       _("Edits of the minutes, the agenda and the attendance are locked until they are reopened."));
  adw_message_dialog_add_response (dialog, "finalise", _("_Finalise"));
  adw_message_dialog_set_response_appearance (dialog, "finalise", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "kw-store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "kw-id", g_strdup (meeting_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_finalise_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
kw_minutes_ask_reopen (GtkWidget  *widget,
                       KwStore    *store,
                       const char *meeting_id)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  g_return_if_fail (GTK_IS_WIDGET (widget) && KW_IS_STORE (store) && meeting_id != NULL);

  dialog = new_dialog (widget, _("Reopen the Minutes?"),
                       _("They can be edited again. The reason is kept with the meeting."));
  adw_message_dialog_add_response (dialog, "reopen", _("_Reopen"));
  adw_message_dialog_set_response_enabled (dialog, "reopen", FALSE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, for example a typo in decision 2"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_reason_activate_cb), dialog, 0);
  g_object_set_data_full (G_OBJECT (dialog), "kw-store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "kw-id", g_strdup (meeting_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
