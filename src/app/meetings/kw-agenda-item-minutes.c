/* kw-agenda-item-minutes.c: the minutes of one agenda item, as an expander row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The item's title, with its decision (or the start of its notes) under
 * it; opened: the notes and the decision (multi-line, written when the
 * focus leaves them, as every long text), "Next time on the agenda", and
 * an action from this item: Actie / Wie / Deadline, made in one
 * transaction with the meeting (and its alliance) as context, so that it
 * joins the running list. Both parts are KwRecordEditors: the item's
 * fields, and a draft action item. Locked (finalised minutes), the texts
 * can be read and copied but not changed, and the action form is gone.
 */
#define G_LOG_DOMAIN "kw-agenda-item-minutes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-agenda-item-minutes.h"
#include "kw-meetings.h"
#include "kw-record-editor.h"

struct _KwAgendaItemMinutes
{
  AdwExpanderRow  parent_instance;

  KwStore        *store;
  KwRecordEditor *editor;   /* the agenda item */
  KwRecordEditor *action;   /* a draft action item */
  GtkWidget      *action_rows[4];  /* title, owner, deadline, the add button's row */
  GtkWidget      *message;
  gboolean        locked;
};

G_DEFINE_FINAL_TYPE (KwAgendaItemMinutes, kw_agenda_item_minutes, ADW_TYPE_EXPANDER_ROW)

static void
update_subtitle (KwAgendaItemMinutes *self)
{
  KwRecord *item = kw_record_editor_get_record (self->editor);
  const char *decision = item ? kw_record_get_string (item, "decision") : NULL;
  const char *notes = item ? kw_record_get_string (item, "notes") : NULL;
  g_autofree char *line = NULL;
  g_autofree char *title = item ? kw_record_dup_title (item) : NULL;

  if (decision != NULL && *decision != '\0')
    /* Translators: under an agenda item in the minutes: "Decision: we ask for a quote" */
    line = g_strdup_printf (_("Decision: %s"), decision);
  else if (notes != NULL && *notes != '\0')
    line = g_strdup (notes);
  if (line != NULL)
    {
      char *newline = strchr (line, '\n');

      if (newline != NULL)
        *newline = '\0';
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title ? title : "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), line ? line : _("No notes yet"));
}

/* A heading, the field's text view and its message, in one row. */
static GtkWidget *
add_text (KwAgendaItemMinutes *self,
          const char          *field,
          const char          *heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *view = kw_record_editor_make_text_view (self->editor, field);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_size_request (view, -1, 72);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), kw_record_editor_get_message (self->editor, field));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (box)), FALSE);
  return view;
}

static void
show_message (KwAgendaItemMinutes *self,
              const char          *text)
{
  gtk_label_set_label (GTK_LABEL (self->message), text ? text : "");
  gtk_widget_set_visible (self->message, text != NULL && !self->locked);
}

static void
on_add_clicked_cb (KwAgendaItemMinutes *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  KwRecord *item = kw_record_editor_get_record (self->editor);
  g_autofree char *alliance = NULL, *unit = NULL;
  const char *meeting = item ? kw_record_get_string (item, "meeting") : NULL;

  if (meeting == NULL || !kw_store_begin (self->store, &error))
    {
      show_message (self, error ? error->message : NULL);
      return;
    }
  if (kw_meetings_context (self->store, meeting, &alliance, &unit, &error)
      && (id = kw_record_editor_commit_draft (self->action, &error)) != NULL)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("action_item", NULL);

      kw_changeset_set_string (changes, "meeting", meeting);
      kw_changeset_set_string (changes, "status", "open");
      if (alliance != NULL)
        kw_changeset_set_string (changes, "alliance", alliance);
      if (!kw_store_update (self->store, id, changes, &error))
        g_clear_pointer (&id, g_free);
    }
  if (id == NULL || !kw_store_commit (self->store, &error))
    {
      kw_store_rollback (self->store);
      if (!kw_record_editor_is_draft (self->action))
        kw_record_editor_start_draft (self->action);
      show_message (self, error ? error->message : NULL);
      return;
    }
  kw_record_editor_start_draft (self->action);
  show_message (self, NULL);
  gtk_widget_grab_focus (self->action_rows[0]);
}

static void
add_action_form (KwAgendaItemMinutes *self)
{
  static const char * const fields[] = { "title", "owner", "deadline" };
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Action"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  kw_record_editor_start_draft (self->action);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      self->action_rows[i] = kw_record_editor_make_row (self->action, fields[i]);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->action_rows[i]);
    }
  /* Translators: the title of the entry for an action made from an agenda item */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->action_rows[0]), _("New action from this item"));
  g_signal_connect_object (self->action_rows[0], "entry-activated", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (button, _("Add this action to the running list, with this meeting"));
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  self->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), self->message);
  gtk_box_append (GTK_BOX (box), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), box);
  self->action_rows[3] = gtk_widget_get_parent (box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->action_rows[3]), FALSE);
}

/* GObject */

static void
kw_agenda_item_minutes_dispose (GObject *object)
{
  KwAgendaItemMinutes *self = KW_AGENDA_ITEM_MINUTES (object);

  g_clear_object (&self->editor);
  g_clear_object (&self->action);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kw_agenda_item_minutes_parent_class)->dispose (object);
}

static void
kw_agenda_item_minutes_class_init (KwAgendaItemMinutesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_agenda_item_minutes_dispose;
}

static void
kw_agenda_item_minutes_init (KwAgendaItemMinutes *self)
{
}

/* Public API */

GtkWidget *
kw_agenda_item_minutes_new (KwStore  *store,
                            KwRecord *item)
{
  KwAgendaItemMinutes *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (KW_IS_RECORD (item), NULL);

  self = g_object_new (KW_TYPE_AGENDA_ITEM_MINUTES, NULL);
  self->store = g_object_ref (store);
  self->editor = kw_record_editor_new (store, "agenda_item");
  self->action = kw_record_editor_new (store, "action_item");
  kw_record_editor_set_record (self->editor, item);
  add_text (self, "notes", _("Notes"));
  add_text (self, "decision", _("Decision"));
  kw_record_editor_add_row (self->editor, GTK_WIDGET (self), "next_time");
  add_action_form (self);
  update_subtitle (self);
  return GTK_WIDGET (self);
}

const char *
kw_agenda_item_minutes_get_id (KwAgendaItemMinutes *self)
{
  KwRecord *item;

  g_return_val_if_fail (KW_IS_AGENDA_ITEM_MINUTES (self), NULL);
  item = kw_record_editor_get_record (self->editor);
  return item ? kw_record_get_id (item) : NULL;
}

void
kw_agenda_item_minutes_set_item (KwAgendaItemMinutes *self,
                                 KwRecord            *item)
{
  g_return_if_fail (KW_IS_AGENDA_ITEM_MINUTES (self));

  kw_record_editor_set_record (self->editor, item);
  update_subtitle (self);
}

void
kw_agenda_item_minutes_set_locked (KwAgendaItemMinutes *self,
                                   gboolean             locked)
{
  g_return_if_fail (KW_IS_AGENDA_ITEM_MINUTES (self));

  self->locked = locked;
  gtk_text_view_set_editable (GTK_TEXT_VIEW (kw_record_editor_get_row (self->editor, "notes")), !locked);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (kw_record_editor_get_row (self->editor, "decision")), !locked);
  gtk_widget_set_sensitive (kw_record_editor_get_row (self->editor, "next_time"), !locked);
  for (guint i = 0; i < G_N_ELEMENTS (self->action_rows); i++)
    gtk_widget_set_visible (self->action_rows[i], !locked);
}

GtkWidget *
kw_agenda_item_minutes_get_view (KwAgendaItemMinutes *self,
                                 const char          *field)
{
  g_return_val_if_fail (KW_IS_AGENDA_ITEM_MINUTES (self), NULL);
  return kw_record_editor_get_row (self->editor, field);
}

GtkWidget *
kw_agenda_item_minutes_get_next_time (KwAgendaItemMinutes *self)
{
  g_return_val_if_fail (KW_IS_AGENDA_ITEM_MINUTES (self), NULL);
  return kw_record_editor_get_row (self->editor, "next_time");
}

GtkWidget *
kw_agenda_item_minutes_get_action_entry (KwAgendaItemMinutes *self)
{
  g_return_val_if_fail (KW_IS_AGENDA_ITEM_MINUTES (self), NULL);
  return self->action_rows[0];
}

GtkWidget *
kw_agenda_item_minutes_get_owner_row (KwAgendaItemMinutes *self)
{
  g_return_val_if_fail (KW_IS_AGENDA_ITEM_MINUTES (self), NULL);
  return self->action_rows[1];
}

GtkWidget *
kw_agenda_item_minutes_get_deadline_entry (KwAgendaItemMinutes *self)
{
  g_return_val_if_fail (KW_IS_AGENDA_ITEM_MINUTES (self), NULL);
  return self->action_rows[2];
}

GObject *
kw_agenda_item_minutes_get_action_editor (KwAgendaItemMinutes *self)
{
  g_return_val_if_fail (KW_IS_AGENDA_ITEM_MINUTES (self), NULL);
  return G_OBJECT (self->action);
}
