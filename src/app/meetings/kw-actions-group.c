/* kw-actions-group.c: the running action list of a meeting's context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lopende acties: the open actions of the meeting's context exactly as
 * kw_meetings_actions has them (what `kwartier-cli actions --meeting`
 * prints), each with who and the deadline, the overdue ones marked. An
 * entry row adds an action to the meeting (and its alliance), with what
 * the expander row under it holds: Wie (a person, from the record
 * chooser), Deadline (a date, from a calendar) and Informatie.
 */
#define G_LOG_DOMAIN "kw-actions-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-actions-group.h"
#include "kw-format.h"
#include "kw-meetings.h"
#include "kw-record-chooser.h"

struct _KwActionsGroup
{
  AdwPreferencesGroup parent_instance;

  KwStore    *store;
  char       *meeting;
  GPtrArray  *rows;
  GPtrArray  *ids;
  GHashTable *overdue;
  GtkWidget  *add_row;
  GtkWidget  *details;      /* the expander of the form's other fields */
  GtkWidget  *who_button;
  GtkWidget  *chooser;
  GtkWidget  *deadline_button;
  GtkWidget  *calendar;
  GtkWidget  *info_row;
  char       *owner;        /* the form's */
  char       *deadline;
};

G_DEFINE_FINAL_TYPE (KwActionsGroup, kw_actions_group, ADW_TYPE_PREFERENCES_GROUP)

static void
reload (KwActionsGroup *self)
{
  g_autoptr(GPtrArray) actions = self->meeting ? kw_meetings_actions (self->store, NULL, NULL, self->meeting, FALSE, NULL, NULL) : NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->ids, 0);
  g_hash_table_remove_all (self->overdue);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->add_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->details);
  for (guint i = 0; actions && i < actions->len; i++)
    {
      KwMeetingAction *action = g_ptr_array_index (actions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *who = action->owner ? kw_store_dup_reference_title (self->store, (const char * const []) { "person", NULL }, action->owner) : NULL;
      g_autoptr(GVariant) date = action->deadline ? g_variant_ref_sink (g_variant_new_string (action->deadline)) : NULL;
      g_autofree char *deadline = date ? kw_format_value (self->store, kw_entity_type_field (kw_registry_lookup ("action_item"), "deadline"), date)
                                       : NULL;
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", who ? who : _("Nobody yet"), deadline ? deadline : _("No deadline"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (action->overdue)
        {
          GtkWidget *label = gtk_label_new (_("Overdue"));

          gtk_widget_add_css_class (label, "error");
          gtk_widget_add_css_class (label, "caption-heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
          g_hash_table_add (self->overdue, g_strdup (action->action_item));
        }
      g_ptr_array_add (self->ids, g_strdup (action->action_item));
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->details);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         self->ids->len ? NULL : _("No open actions for this alliance or unit."));
}

static void
on_store_changed_cb (KwActionsGroup *self,
                     const char     *type_name)
{
  if (g_str_equal (type_name, "action_item") || g_str_equal (type_name, "meeting") || g_str_equal (type_name, "person"))
    reload (self);
}

/* The form's Wie and Deadline, shown on their buttons. */
static void
set_form_owner (KwActionsGroup *self,
                const char     *owner)
{
  g_autofree char *who = owner ? kw_store_dup_reference_title (self->store, (const char * const []) { "person", NULL }, owner) : NULL;

  g_free (self->owner);
  self->owner = g_strdup (owner);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->who_button), who ? who : _("Nobody yet"));
}

static void
set_form_deadline (KwActionsGroup *self,
                   const char     *deadline)
{
  g_autoptr(GVariant) date = deadline ? g_variant_ref_sink (g_variant_new_string (deadline)) : NULL;
  g_autofree char *text = date ? kw_format_value (self->store, kw_entity_type_field (kw_registry_lookup ("action_item"), "deadline"), date)
                               : NULL;

  g_free (self->deadline);
  self->deadline = g_strdup (deadline);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->deadline_button), text ? text : _("No deadline"));
}

static void
on_chooser_chosen_cb (KwActionsGroup *self,
                      const char     *type_name,
                      const char     *id)
{
  set_form_owner (self, id);
  gtk_popover_popdown (GTK_POPOVER (self->chooser));
}

static void
on_day_selected_cb (GtkCalendar    *calendar,
                    KwActionsGroup *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  set_form_deadline (self, text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->deadline_button));
}

static void
on_add_apply_cb (AdwEntryRow    *row,
                 KwActionsGroup *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  g_autofree char *info = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->info_row))));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (*title == '\0')
    return;
  if ((id = kw_actions_group_add_full (self, title, self->owner, self->deadline, *info ? info : NULL, &error)) == NULL)
    {
      g_warning ("action: %s", error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->info_row), "");
  set_form_owner (self, NULL);
  set_form_deadline (self, NULL);
}

static GtkWidget *
add_button_row (GtkWidget  *expander,
                const char *title,
                GtkWidget  *button)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return button;
}

/* Wie, Deadline and Informatie of the action the entry row adds. */
static void
make_details (KwActionsGroup *self)
{
  GtkWidget *popover = gtk_popover_new ();

  self->details = g_object_ref_sink (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->details), _("Who, deadline and information"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->details), _("Of the action added above"));
  self->chooser = GTK_WIDGET (kw_record_chooser_new (self->store, (const char * const []) { "person", NULL }, TRUE));
  g_signal_connect_object (self->chooser, "chosen", G_CALLBACK (on_chooser_chosen_cb), self, G_CONNECT_SWAPPED);
  self->who_button = add_button_row (self->details, _("_Who"), gtk_menu_button_new ());
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->who_button), self->chooser);
  self->calendar = gtk_calendar_new ();
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  self->deadline_button = add_button_row (self->details, _("_Deadline"), gtk_menu_button_new ());
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->deadline_button), popover);
  self->info_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->info_row), _("Information"));
  g_signal_connect_object (self->info_row, "entry-activated", G_CALLBACK (on_add_apply_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self->details), self->info_row);
  set_form_owner (self, NULL);
  set_form_deadline (self, NULL);
}

static void
kw_actions_group_dispose (GObject *object)
{
  KwActionsGroup *self = KW_ACTIONS_GROUP (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->add_row);
  g_clear_object (&self->details);

  G_OBJECT_CLASS (kw_actions_group_parent_class)->dispose (object);
}

static void
kw_actions_group_finalize (GObject *object)
{
  KwActionsGroup *self = KW_ACTIONS_GROUP (object);

  g_free (self->meeting);
  g_free (self->owner);
  g_free (self->deadline);
  g_ptr_array_unref (self->ids);
  g_hash_table_unref (self->overdue);

  G_OBJECT_CLASS (kw_actions_group_parent_class)->finalize (object);
}

static void
kw_actions_group_class_init (KwActionsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_actions_group_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_actions_group_finalize;
}

static void
kw_actions_group_init (KwActionsGroup *self)
{
  self->rows = g_ptr_array_new ();
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->overdue = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Running Actions"));
  self->add_row = g_object_ref_sink (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add an action"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->add_row), TRUE);
  g_signal_connect_object (self->add_row, "apply", G_CALLBACK (on_add_apply_cb), self, 0);
  g_signal_connect_object (self->add_row, "entry-activated", G_CALLBACK (on_add_apply_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);
}

GtkWidget *
kw_actions_group_new (KwStore *store)
{
  KwActionsGroup *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_ACTIONS_GROUP, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  make_details (self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->details);
  return GTK_WIDGET (self);
}

void
kw_actions_group_set_meeting (KwActionsGroup *self,
                              const char     *meeting_id)
{
  g_return_if_fail (KW_IS_ACTIONS_GROUP (self));

  g_free (self->meeting);
  self->meeting = g_strdup (meeting_id);
  reload (self);
}

char *
kw_actions_group_add (KwActionsGroup *self,
                      const char     *title,
                      GError        **error)
{
  return kw_actions_group_add_full (self, title, NULL, NULL, NULL, error);
}

char *
kw_actions_group_add_full (KwActionsGroup *self,
                           const char     *title,
                           const char     *owner,
                           const char     *deadline,
                           const char     *info,
                           GError        **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("action_item", NULL);
  g_autofree char *alliance = NULL, *unit = NULL;

  g_return_val_if_fail (KW_IS_ACTIONS_GROUP (self), NULL);

  if (!kw_meetings_context (self->store, self->meeting, &alliance, &unit, error))
    return NULL;
  kw_changeset_set_string (changes, "title", title);
  kw_changeset_set_string (changes, "status", "open");
  kw_changeset_set_string (changes, "meeting", self->meeting);
  if (alliance != NULL)
    kw_changeset_set_string (changes, "alliance", alliance);
  if (owner != NULL)
    kw_changeset_set_string (changes, "owner", owner);
  if (deadline != NULL && !kw_changeset_set_text (changes, "deadline", deadline, error))
    return NULL;
  if (info != NULL)
    kw_changeset_set_string (changes, "info", info);
  return kw_store_create (self->store, changes, error);
}

GPtrArray *
kw_actions_group_get_ids (KwActionsGroup *self)
{
  g_return_val_if_fail (KW_IS_ACTIONS_GROUP (self), NULL);
  return self->ids;
}

gboolean
kw_actions_group_is_overdue (KwActionsGroup *self,
                             const char     *action_id)
{
  g_return_val_if_fail (KW_IS_ACTIONS_GROUP (self), FALSE);
  return g_hash_table_contains (self->overdue, action_id);
}

void
kw_actions_group_get_form (KwActionsGroup  *self,
                           GtkWidget      **title_row,
                           GtkWidget      **chooser,
                           GtkWidget      **calendar,
                           GtkWidget      **info_row)
{
  g_return_if_fail (KW_IS_ACTIONS_GROUP (self));

  *title_row = self->add_row;
  *chooser = self->chooser;
  *calendar = self->calendar;
  *info_row = self->info_row;
}
