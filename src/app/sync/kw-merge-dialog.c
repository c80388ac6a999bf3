/* kw-merge-dialog.c: a merged value typed for a conflict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Neither value of a conflict is quite right (two colleagues each added
 * a line to the notes): the organiser types the merged text, starting
 * from the current one. The dialog only asks; the conflicts window
 * writes it (kw_conflicts_resolve_with_value).
 */
#define G_LOG_DOMAIN "kw-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-merge-dialog.h"

/* Helpers */

static GtkWidget *
make_entry (const char *label,
            const char *current)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), current);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return entry;
}

static GtkWidget *
make_text_view (const char  *label,
                const char  *current,
                GtkWidget  **scrolled)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), current, -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "notes-view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  *scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (*scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (*scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (*scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (*scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (*scrolled), view);
  gtk_widget_add_css_class (*scrolled, "card");
  return view;
}

/* Public API */

AdwMessageDialog *
kw_merge_dialog_new (GtkWindow  *parent,
                     const char *field_label,
                     gboolean    long_text,
                     const char *current,
                     const char *other)
{
  g_autofree char *heading = NULL, *body = NULL, *label = NULL;
  GtkWidget *dialog, *editor, *child;

  g_return_val_if_fail (field_label != NULL, NULL);

  /* Translators: the heading of the dialog; %s is the field, "Notes" */
  heading = g_strdup_printf (_("Merged Value of %s"), field_label);
  /* Translators: %s is the other organiser's value of the field */
  body = g_strdup_printf (_("Type the value that is right, starting from the current one. The other value was: %s"),
                          other != NULL ? other : _("(empty)"));
  /* Translators: the accessible name of the text field; %s is the field */
  label = g_strdup_printf (_("Merged value of %s"), field_label);
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (long_text)
    editor = make_text_view (label, current != NULL ? current : "", &child);
  else
    editor = child = make_entry (label, current != NULL ? current : "");
  gtk_widget_set_name (editor, "merged-value");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), child);
  g_object_set_data (G_OBJECT (dialog), "kw-editor", editor);
  gtk_widget_grab_focus (editor);
  return ADW_MESSAGE_DIALOG (dialog);
}

char *
kw_merge_dialog_dup_text (AdwMessageDialog *dialog)
{
  GtkWidget *editor;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  editor = g_object_get_data (G_OBJECT (dialog), "kw-editor");
  if (GTK_IS_TEXT_VIEW (editor))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}
