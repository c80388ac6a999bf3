/* kw-publish-window.c: the preview of a meeting's public minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Publish Minutes…" on a meeting page: the public minutes
 * (kw_minutes_new with the public rules, docs/publication.md) as they
 * will read, beside the redaction list, what was replaced by what and
 * on which ground. publish.save ("md", "html" or "pdf") asks for a file
 * (GtkFileChooserNative) and writes the minutes there with the
 * redaction list beside them, never inside (kw_minutes_write).
 */
#define G_LOG_DOMAIN "kw-publish-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-publish-window.h"

struct _KwPublishWindow
{
  AdwWindow       parent_instance;

  KwMinutes      *minutes;
  GtkWidget      *preview;
  GtkWidget      *redactions;
  AdwToastOverlay *toasts;
  AdwWindowTitle *title;
  guint           n_redactions;
};

G_DEFINE_FINAL_TYPE (KwPublishWindow, kw_publish_window, ADW_TYPE_WINDOW)

/* The preview */

static void
insert (GtkTextBuffer *buffer,
        const char    *tag,
        const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, -1);
}

static void
insert_field (GtkTextBuffer *buffer,
              const char    *label,
              const char    *value)
{
  g_autofree char *head = NULL;

  if (value == NULL)
    return;
  head = g_strdup_printf ("%s: ", label);
  insert (buffer, "label", head);
  insert (buffer, NULL, value);
  insert (buffer, NULL, "\n");
}

static void
insert_heading (GtkTextBuffer *buffer,
                const char    *text)
{
  insert (buffer, NULL, "\n");
  insert (buffer, "heading", text);
  insert (buffer, NULL, "\n");
}

static void
insert_people (GtkTextBuffer *buffer,
               KwMinutes     *m)
{
  insert_heading (buffer, _("Attendance"));
  for (guint g = 0; g < KW_MINUTES_N_GROUPS; g++)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *others = kw_minutes_dup_others (m, g);

      for (guint i = 0; i < m->people[g]->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", (char *) m->people[g]->pdata[i]);
      if (others != NULL)
        g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", others);
      if (names->len > 0)
        insert_field (buffer, kw_minutes_presence_label (g), names->str);
    }
}

static void
insert_items (GtkTextBuffer *buffer,
              KwMinutes     *m)
{
  insert_heading (buffer, _("Agenda"));
  for (guint i = 0; i < m->items->len; i++)
    {
      KwMinutesItem *item = m->items->pdata[i];
      g_autofree char *title = g_strdup_printf ("%u. %s\n", i + 1, item->title);

      insert (buffer, "label", title);
      if (item->presenter != NULL)
        insert_field (buffer, _("Presenter"), item->presenter);
      if (item->notes != NULL)
        {
          insert (buffer, NULL, item->notes);
          insert (buffer, NULL, "\n");
        }
      insert_field (buffer, _("Decision"), item->decision);
      insert (buffer, NULL, "\n");
    }
}

static void
insert_actions (GtkTextBuffer *buffer,
                KwMinutes     *m)
{
  insert_heading (buffer, _("Running Actions"));
  if (m->actions->len == 0)
    insert (buffer, NULL, _("No open actions."));
  for (guint i = 0; i < m->actions->len; i++)
    {
      KwMinutesAction *a = m->actions->pdata[i];
      g_autofree char *line = g_strdup_printf ("• %s — %s — %s%s%s%s\n", a->title,
                                               a->who != NULL ? a->who : "–",
                                               a->deadline != NULL ? a->deadline : "–",
                                               a->overdue ? " (" : "", a->overdue ? _("overdue") : "",
                                               a->overdue ? ")" : "");

      insert (buffer, NULL, line);
      if (a->info != NULL)
        {
          insert (buffer, "dim", a->info);
          insert (buffer, NULL, "\n");
        }
    }
}

static void
fill_preview (KwPublishWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->preview));
  KwMinutes *m = self->minutes;

  gtk_text_buffer_create_tag (buffer, "title", "weight", PANGO_WEIGHT_BOLD, "scale", 1.6, NULL);
  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD, "scale", 1.25, NULL);
  gtk_text_buffer_create_tag (buffer, "label", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "dim", "foreground-rgba", &(GdkRGBA) { 0.4, 0.4, 0.4, 1 }, NULL);
  insert (buffer, "title", m->title != NULL ? m->title : "");
  insert (buffer, NULL, "\n\n");
  insert_field (buffer, _("Kind"), m->kind);
  insert_field (buffer, _("Date"), m->date);
  insert_field (buffer, _("Time"), m->time);
  insert_field (buffer, _("Venue"), m->venue);
  insert_field (buffer, _("Chair"), m->chair);
  insert_field (buffer, _("Minute taker"), m->minute_taker);
  insert_people (buffer, m);
  if (m->minutes != NULL)
    {
      insert_heading (buffer, _("Minutes"));
      insert (buffer, NULL, m->minutes);
      insert (buffer, NULL, "\n");
    }
  insert_items (buffer, m);
  insert_actions (buffer, m);
  if (m->next_time->len > 0)
    {
      insert_heading (buffer, _("Next time on the agenda"));
      for (guint i = 0; i < m->next_time->len; i++)
        {
          g_autofree char *line = g_strdup_printf ("• %s\n", (char *) m->next_time->pdata[i]);

          insert (buffer, NULL, line);
        }
    }
}

static void
fill_redactions (KwPublishWindow *self)
{
  GPtrArray *redactions = kw_publisher_get_redactions (self->minutes->publisher);

  for (guint i = 0; i < redactions->len; i++)
    {
      KwRedaction *r = redactions->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (r->original, -1);
      /* Translators: a row of the redaction list: by what, why, how often */
      g_autofree char *subtitle = g_strdup_printf (_("→ %s · %s · %u×"), r->replacement, r->ground, r->count);
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      gtk_list_box_append (GTK_LIST_BOX (self->redactions), row);
    }
  self->n_redactions = redactions->len;
  if (redactions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing was replaced"));
      gtk_list_box_append (GTK_LIST_BOX (self->redactions), row);
    }
}

/* Saving */

static const char *
extension_of (KwMinutesFormat format)
{
  return format == KW_MINUTES_FORMAT_HTML ? "html" : format == KW_MINUTES_FORMAT_PDF ? "pdf" : "md";
}

static void
on_save_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     KwPublishWindow *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  KwMinutesFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));
  g_autoptr(GError) error = NULL;

  if (path != NULL)
    {
      if (kw_publish_window_save (self, format, path, &error))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Public minutes saved, the redaction list beside them")));
      else
        {
          g_autofree char *markup = g_markup_escape_text (error->message, -1);

          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (markup));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KwPublishWindow *self = KW_PUBLISH_WINDOW (widget);
  const char *given = g_variant_get_string (parameter, NULL);
  KwMinutesFormat format = g_str_equal (given, "html") ? KW_MINUTES_FORMAT_HTML
                           : g_str_equal (given, "pdf") ? KW_MINUTES_FORMAT_PDF : KW_MINUTES_FORMAT_MARKDOWN;
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Save Public Minutes"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autofree char *name = g_strdup_printf ("%s.%s", _("public-minutes"), extension_of (format));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* GObject */

static void
kw_publish_window_finalize (GObject *object)
{
  KwPublishWindow *self = KW_PUBLISH_WINDOW (object);

  g_clear_pointer (&self->minutes, kw_minutes_free);
  G_OBJECT_CLASS (kw_publish_window_parent_class)->finalize (object);
}

static void
kw_publish_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_PUBLISH_WINDOW);
  G_OBJECT_CLASS (kw_publish_window_parent_class)->dispose (object);
}

static void
kw_publish_window_class_init (KwPublishWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_publish_window_dispose;
  object_class->finalize = kw_publish_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/meetings/kw-publish-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwPublishWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, KwPublishWindow, redactions);
  gtk_widget_class_bind_template_child (widget_class, KwPublishWindow, title);
  gtk_widget_class_bind_template_child (widget_class, KwPublishWindow, toasts);
  gtk_widget_class_install_action (widget_class, "publish.save", "s", save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kw_publish_window_init (KwPublishWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

KwPublishWindow *
kw_publish_window_new (GtkWindow   *parent,
                       KwStore     *store,
                       const char  *meeting_id,
                       GError     **error)
{
  KwMinutes *minutes;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  if ((minutes = kw_minutes_new (store, meeting_id, TRUE, error)) == NULL)
    return NULL;
  return kw_publish_window_new_for_minutes (parent, minutes);
}

KwPublishWindow *
kw_publish_window_new_for_minutes (GtkWindow *parent,
                                   KwMinutes *minutes)
{
  KwPublishWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (minutes != NULL, NULL);

  self = g_object_new (KW_TYPE_PUBLISH_WINDOW, "transient-for", parent, NULL);
  self->minutes = minutes;
  adw_window_title_set_subtitle (self->title, minutes->title != NULL ? minutes->title : "");
  fill_preview (self);
  fill_redactions (self);
  return self;
}

char *
kw_publish_window_dup_text (KwPublishWindow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (KW_IS_PUBLISH_WINDOW (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->preview));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

guint
kw_publish_window_get_n_redactions (KwPublishWindow *self)
{
  g_return_val_if_fail (KW_IS_PUBLISH_WINDOW (self), 0);
  return self->n_redactions;
}

gboolean
kw_publish_window_save (KwPublishWindow  *self,
                        KwMinutesFormat   format,
                        const char       *path,
                        GError          **error)
{
  g_return_val_if_fail (KW_IS_PUBLISH_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return kw_minutes_write (self->minutes, format, path, error);
}
