/* kw-record-editor.c: rows that edit the fields of one record in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Driven by the registry: each field's kind decides its row. Every
 * write goes through a changeset and kw_store_update(); a refused value
 * is said in words under the row (a message row, also the row's
 * accessible description), without the field's internal name. Dates are
 * typed and shown in the locale's way (kw-format.h) and stored as ISO;
 * amounts are typed as euros ("12,50" in Dutch) and stored as cents;
 * a datetime is a date and a time of day typed in local time and stored
 * in UTC; a ranged integer is a spin button.
 * A draft collects the values in a changeset and stores them only on
 * kw_record_editor_commit_draft().
 */
#define G_LOG_DOMAIN "kw-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "kw-enum-labels.h"
#include "kw-error.h"
#include "kw-format.h"
#include "kw-record-chooser.h"
#include "kw-record-editor.h"

struct _KwRecordEditor
{
  GObject             parent_instance;

  KwStore            *store;
  const KwEntityType *type;
  KwRecord           *record;
  GHashTable         *rows;      /* field name → row (a ref) */
  KwChangeset        *draft;     /* a record not stored yet, or NULL */
  gboolean            updating;  /* showing values, not editing them */
};

G_DEFINE_FINAL_TYPE (KwRecordEditor, kw_record_editor, G_TYPE_OBJECT)

/* Helpers */

/* A tooltip set again only when it changes: setting one queries the
 * tooltip under the pointer, a timeout that may outlive the window. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static const KwField *
row_field (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "kw-field");
}

static gboolean
is_spin_field (const KwField *field)
{
  return field->kind == KW_FIELD_INTEGER && field->min < field->max;
}

static void
set_row_error (GtkWidget  *row,
               const char *message)
{
  GtkWidget *message_row = g_object_get_data (G_OBJECT (row), "kw-message");

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (message_row != NULL)
    {
      gtk_label_set_label (g_object_get_data (G_OBJECT (message_row), "kw-label"), message ? message : "");
      gtk_widget_set_visible (message_row, message != NULL);
    }
  set_tooltip (row, NULL);
  if (message != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* The core's message without the field's name in front ("consent_date: "). */
static char *
strip_field_name (const KwField *field,
                  const char    *message)
{
  gsize len = strlen (field->name);

  if (strncmp (message, field->name, len) == 0 && message[len] == ':' && message[len + 1] == ' ')
    message += len + 2;
  return g_strdup (message);
}

/* What went wrong, in words, for the text the user typed. */
static char *
dup_message (const KwField *field,
             const char    *text,
             const GError  *error)
{
  g_autofree char *example = NULL;
  KwFieldProblem problem = kw_field_problem (field, text);

  if (field->kind == KW_FIELD_CENTS && problem != KW_FIELD_PROBLEM_EMPTY)
    {
      example = kw_format_cents_entry (1250);
      /* Translators: %s is an example amount, in the way amounts are typed here: "12.50" */
      return g_strdup_printf (_("Enter an amount in euros, for example %s"), example);
    }
  if (field->kind == KW_FIELD_DATETIME && problem != KW_FIELD_PROBLEM_EMPTY
      && (example = kw_parse_date_locale (text)) != NULL)
    /* Translators: what a time of day is typed like */
    return g_strdup (_("Enter a time, for example 19:30"));
  if (field->kind == KW_FIELD_DATETIME && problem != KW_FIELD_PROBLEM_EMPTY)
    problem = KW_FIELD_PROBLEM_NOT_A_DATE;
  g_clear_pointer (&example, g_free);
  switch (problem)
    {
    case KW_FIELD_PROBLEM_EMPTY:
      /* Translators: %s is the label of a field, "Name" */
      return g_strdup_printf (_("%s cannot be left empty"), _(field->label));
    case KW_FIELD_PROBLEM_NOT_A_DATE:
      example = kw_format_date ("2025-06-01");
      /* Translators: %s is an example date, in the way dates are typed here */
      return g_strdup_printf (_("Enter a date, for example %s"), example);
    case KW_FIELD_PROBLEM_NOT_A_TIME:
      return g_strdup_printf (_("Enter a date and time, for example %s"), "2025-06-01T19:30:00Z");
    case KW_FIELD_PROBLEM_NOT_A_NUMBER:
      return g_strdup (_("Enter a whole number"));
    case KW_FIELD_PROBLEM_OUT_OF_RANGE:
      {
        g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, field->min);
        g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, field->max);

        /* Translators: "Choose a number from 1 to 3" */
        return g_strdup_printf (_("Choose a number from %s to %s"), lo, hi);
      }
    case KW_FIELD_PROBLEM_NOT_AN_EMAIL:
      return g_strdup (_("Enter an e-mail address, for example name@example.org"));
    case KW_FIELD_PROBLEM_NONE:
    case KW_FIELD_PROBLEM_OTHER:
    default:
      return error != NULL ? strip_field_name (field, error->message)
                           : g_strdup (_("This value cannot be used here"));
    }
}

/* The date typed in a datetime row and the time beside it → UTC. */
static gboolean
read_datetime (GtkWidget   *row,
               const char  *date_text,
               char       **stored)
{
  GtkEditable *time = g_object_get_data (G_OBJECT (row), "kw-time");
  g_autofree char *date = g_strstrip (g_strdup (date_text));
  g_autofree char *clock = g_strstrip (g_strdup (gtk_editable_get_text (time)));

  if (*date == '\0' && *clock == '\0')
    {
      *stored = g_strdup ("");
      return TRUE;
    }
  *stored = kw_parse_datetime_locale (date, clock);
  return *stored != NULL;
}

/* A date as typed ("1-6-2025", "2025-06-01") → ISO, an amount ("12,50")
 * → cents; FALSE when it is none. */
static gboolean
read_text (const KwField  *field,
           GtkWidget      *row,
           const char     *text,
           char          **stored)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 cents;

  if (field->kind == KW_FIELD_DATETIME && !GTK_IS_TEXT_VIEW (row))
    return read_datetime (row, text, stored);
  if (field->kind == KW_FIELD_CENTS && *stripped != '\0')
    {
      *stored = kw_parse_cents (stripped, &cents) ? g_strdup_printf ("%" G_GINT64_FORMAT, cents) : NULL;
      return *stored != NULL;
    }
  if (field->kind == KW_FIELD_CENTS)
    {
      *stored = g_steal_pointer (&stripped);
      return TRUE;
    }
  if (field->kind == KW_FIELD_DATE && *stripped != '\0')
    {
      *stored = kw_parse_date_locale (stripped);
      return *stored != NULL;
    }
  if (field->kind == KW_FIELD_DATE || (field->flags & KW_FIELD_FLAG_EMAIL))
    {
      *stored = g_steal_pointer (&stripped);
      return TRUE;
    }
  *stored = g_strdup (text);
  return TRUE;
}

static gboolean
put_value (KwChangeset    *changes,
           const KwField  *field,
           const char     *text,
           GVariant       *value,
           GError        **error)
{
  if (text != NULL)
    return kw_changeset_set_text (changes, field->name, text, error);
  if (value != NULL)
    return kw_changeset_set (changes, field->name, value, error);
  kw_changeset_set_null (changes, field->name);
  return TRUE;
}

static void show_value (KwRecordEditor *self,
                        GtkWidget      *row);

/* A stored datetime: shows its local time beside the row and returns
 * its local date, the row's text. */
static char *
show_time (GtkWidget  *row,
           const char *iso)
{
  g_autofree char *time = NULL;
  char *date = NULL;

  if (iso == NULL || !kw_format_datetime_entry (iso, &date, &time))
    date = g_strdup (iso);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "kw-time"), time ? time : "");
  return date;
}

static gboolean
write_value (KwRecordEditor *self,
             GtkWidget      *row,
             const char     *text,
             GVariant       *value)
{
  const KwField *field = row_field (row);
  g_autoptr(KwChangeset) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *message = NULL;
  gboolean ok = TRUE;

  if (value != NULL)
    g_variant_ref_sink (value);
  if ((self->record == NULL && self->draft == NULL) || self->updating)
    {
      g_clear_pointer (&value, g_variant_unref);
      return FALSE;
    }
  if (text != NULL && !read_text (field, row, text, &stored))
    ok = FALSE;
  changes = self->draft ? kw_changeset_ref (self->draft) : kw_changeset_new (self->type->name, NULL);
  ok = ok && put_value (changes, field, stored, value, &error);
  if (ok && self->draft == NULL)
    ok = kw_store_update (self->store, kw_record_get_id (self->record), changes, &error);
  g_clear_pointer (&value, g_variant_unref);
  message = ok ? NULL : dup_message (field, stored ? stored : text, error);
  set_row_error (row, message);
  if (ok)
    g_object_set_data (G_OBJECT (row), "kw-dirty", NULL);
  /* "1/6/2025" typed reads as the stored date is shown: "01/06/2025", "12,5" as "12,50" */
  if (ok && self->draft == NULL
      && (field->kind == KW_FIELD_DATE || field->kind == KW_FIELD_CENTS || field->kind == KW_FIELD_DATETIME))
    {
      g_autoptr(KwRecord) written = kw_store_get (self->store, self->type->name, kw_record_get_id (self->record), NULL);

      if (written != NULL)
        g_set_object (&self->record, written);
      self->updating = TRUE;
      show_value (self, row);
      self->updating = FALSE;
    }
  return ok;
}

static void
show_value (KwRecordEditor *self,
            GtkWidget      *row)
{
  const KwField *field = row_field (row);
  GVariant *value = self->record ? kw_record_get_value (self->record, field->name) : NULL;
  g_autofree char *text = value ? kw_field_format (field, value) : NULL;

  if (g_object_get_data (G_OBJECT (row), "kw-dirty") != NULL)
    return;
  if (field->kind == KW_FIELD_DATE && text != NULL)
    {
      g_autofree char *iso = g_steal_pointer (&text);

      text = kw_format_date (iso);
    }
  if (field->kind == KW_FIELD_CENTS && value != NULL)
    {
      g_free (text);
      text = kw_format_cents_entry (g_variant_get_int64 (value));
    }
  if (field->kind == KW_FIELD_DATETIME && ADW_IS_ENTRY_ROW (row))
    {
      g_autofree char *iso = g_steal_pointer (&text);

      text = show_time (row, iso);
    }
  if (is_spin_field (field))
    gtk_spin_button_set_value (g_object_get_data (G_OBJECT (row), "kw-spin"),
                               value ? (double) g_variant_get_int64 (value) : (double) field->min);
  else if (GTK_IS_TEXT_VIEW (row))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row)), text ? text : "", -1);
  else if (ADW_IS_ENTRY_ROW (row))
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  else if (ADW_IS_COMBO_ROW (row))
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  else if (field->kind == KW_FIELD_BOOL)
    gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "kw-switch"),
                           value && g_variant_get_boolean (value));
  if (ADW_IS_COMBO_ROW (row) && value != NULL)
    for (guint i = 0; field->values[i]; i++)
      if (g_str_equal (field->values[i], g_variant_get_string (value, NULL)))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i + 1);
  if (field->kind == KW_FIELD_REF)
    {
      g_autofree char *title = kw_format_ref_title (self->store, field, value ? g_variant_get_string (value, NULL) : NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), title);
    }
  set_row_error (row, NULL);
}

/* Callbacks */

static void
on_entry_row_apply_cb (GtkWidget      *row,
                       KwRecordEditor *self)
{
  write_value (self, row, gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
}

static void
on_entry_row_changed_cb (GtkWidget      *row,
                         KwRecordEditor *self)
{
  if (!self->updating)
    g_object_set_data (G_OBJECT (row), "kw-dirty", GINT_TO_POINTER (1));
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   KwRecordEditor          *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (g_object_get_data (G_OBJECT (row), "kw-dirty") == NULL)
    return;
  if (!GTK_IS_TEXT_VIEW (row))
    {
      write_value (self, row, gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
      return;
    }
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  write_value (self, row, text, NULL);
}

static void
on_text_buffer_changed_cb (GtkWidget *view)
{
  KwRecordEditor *self = g_object_get_data (G_OBJECT (view), "kw-editor");

  if (!self->updating)
    g_object_set_data (G_OBJECT (view), "kw-dirty", GINT_TO_POINTER (1));
}

static void
on_combo_row_selected_cb (GtkWidget      *row,
                          GParamSpec     *pspec,
                          KwRecordEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  const KwField *field = row_field (row);

  if (selected == GTK_INVALID_LIST_POSITION || self->updating)
    return;
  write_value (self, row, NULL, selected == 0 ? NULL : g_variant_new_string (field->values[selected - 1]));
}

static void
on_switch_active_cb (GtkSwitch      *toggle,
                     GParamSpec     *pspec,
                     KwRecordEditor *self)
{
  write_value (self, g_object_get_data (G_OBJECT (toggle), "kw-row"), NULL,
               g_variant_new_boolean (gtk_switch_get_active (toggle)));
}

static void
on_spin_value_cb (GtkSpinButton  *spin,
                  GParamSpec     *pspec,
                  KwRecordEditor *self)
{
  write_value (self, g_object_get_data (G_OBJECT (spin), "kw-row"), NULL,
               g_variant_new_int64 ((gint64) gtk_spin_button_get_value_as_int (spin)));
}

static void
on_chooser_chosen_cb (KwRecordChooser *chooser,
                      const char      *type_name,
                      const char      *id,
                      KwRecordEditor  *self)
{
  write_value (self, g_object_get_data (G_OBJECT (chooser), "kw-row"), NULL,
               id ? g_variant_new_string (id) : NULL);
}

static void
on_calendar_day_selected_cb (GtkCalendar    *calendar,
                             KwRecordEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (calendar), "kw-row");
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *shown = kw_format_date (text);

  GtkWidget *time = g_object_get_data (G_OBJECT (row), "kw-time");

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
  gtk_editable_set_text (GTK_EDITABLE (row), shown);
  /* a day without its time yet: the time next */
  if (time != NULL && *gtk_editable_get_text (GTK_EDITABLE (time)) == '\0')
    gtk_widget_grab_focus (time);
  else
    write_value (self, row, text, NULL);
}

static void
on_time_changed_cb (GtkEditable    *time,
                    KwRecordEditor *self)
{
  if (!self->updating)
    g_object_set_data (g_object_get_data (G_OBJECT (time), "kw-row"), "kw-dirty", GINT_TO_POINTER (1));
}

static void
on_time_activate_cb (GtkEntry       *time,
                     KwRecordEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (time), "kw-row");

  write_value (self, row, gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
}

static void
on_date_popover_show_cb (GtkPopover *popover,
                         GtkWidget  *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *typed = kw_parse_date_locale (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *iso = typed ? g_strdup_printf ("%sT00:00:00Z", typed) : NULL;
  g_autoptr(GDateTime) date = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  if (date == NULL)
    date = g_date_time_new_now_local ();
  g_signal_handlers_block_matched (calendar, G_SIGNAL_MATCH_ID,
                                   g_signal_lookup ("day-selected", GTK_TYPE_CALENDAR), 0, NULL, NULL, NULL);
  gtk_calendar_select_day (calendar, date);
  g_signal_handlers_unblock_matched (calendar, G_SIGNAL_MATCH_ID,
                                     g_signal_lookup ("day-selected", GTK_TYPE_CALENDAR), 0, NULL, NULL, NULL);
}

/* Rows */

/* The row under a field that says what is wrong with it, hidden until then. */
static GtkWidget *
make_message_row (void)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "field-message");
  gtk_widget_set_visible (row, FALSE);
  g_object_set_data (G_OBJECT (row), "kw-label", label);
  return row;
}

static void
add_focus_leave (KwRecordEditor *self,
                 GtkWidget      *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, 0);
  gtk_widget_add_controller (widget, focus);
}

/* The editor a lazy popover is made for, held weakly: a row may outlive it. */
static gpointer
editor_ref_new (KwRecordEditor *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

static void
editor_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* The calendar is made the first time its button opens it, not with the
 * row: a page of many date rows opens without building their calendars. */
static void
create_date_popover_cb (GtkMenuButton *button,
                        gpointer       data)
{
  g_autoptr(KwRecordEditor) self = g_weak_ref_get (data);
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "kw-row");
  GtkWidget *popover, *calendar;

  if (self == NULL || gtk_menu_button_get_popover (button) != NULL)
    return;
  popover = gtk_popover_new ();
  calendar = gtk_calendar_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_object_set_data (G_OBJECT (calendar), "kw-row", row);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), self, 0);
  g_signal_connect (popover, "show", G_CALLBACK (on_date_popover_show_cb), row);
  gtk_menu_button_set_popover (button, popover);
}

static void
add_date_picker (KwRecordEditor *self,
                 GtkWidget      *row)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose a date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a date"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "kw-row", row);
  g_object_set_data (G_OBJECT (row), "kw-picker", button);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_date_popover_cb,
                                         editor_ref_new (self), editor_ref_free);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
}

/* An amount is typed as euros: "€" before it. */
static void
add_euro_sign (GtkWidget *row)
{
  GtkWidget *sign = gtk_label_new ("€");

  gtk_widget_add_css_class (sign, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (sign), GTK_ACCESSIBLE_PROPERTY_LABEL, _("in euros"), -1);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), sign);
}

/* The time of day beside a datetime's date, in local time. */
static void
add_time_entry (KwRecordEditor *self,
                GtkWidget      *row,
                const KwField  *field)
{
  GtkWidget *entry = gtk_entry_new ();
  /* Translators: the spoken label of the time beside a date; %s is the field: "Starts, time of day" */
  g_autofree char *label = g_strdup_printf (_("%s, time of day"), _(field->label));

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 8);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  /* Translators: the placeholder of a time of day field, hours and minutes */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("hh:mm"));
  gtk_widget_set_tooltip_text (entry, _("Time of day, for example 19:30"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "time-entry");
  g_object_set_data (G_OBJECT (row), "kw-time", entry);
  g_object_set_data (G_OBJECT (entry), "kw-row", row);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_time_changed_cb), self, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_time_activate_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), entry);
}

static GtkWidget *
make_entry_row (KwRecordEditor *self,
                const KwField  *field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_entry_row_apply_cb), self, 0);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_entry_row_changed_cb), self, 0);
  add_focus_leave (self, row);
  if (field->kind == KW_FIELD_DATETIME)
    add_time_entry (self, row, field);
  if (field->kind == KW_FIELD_DATE || field->kind == KW_FIELD_DATETIME)
    add_date_picker (self, row);
  if (field->kind == KW_FIELD_CENTS)
    add_euro_sign (row);
  return row;
}

static GtkWidget *
make_combo_row (KwRecordEditor *self,
                const KwField  *field)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GListModel) model = kw_enum_labels_model (field, _("Not set"));

  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_combo_row_selected_cb), self, 0);
  return row;
}

static GtkWidget *
make_switch_row (KwRecordEditor *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "kw-switch", toggle);
  g_object_set_data (G_OBJECT (toggle), "kw-row", row);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_switch_active_cb), self, 0);
  return row;
}

static GtkWidget *
make_spin_row (KwRecordEditor *self,
               const KwField  *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range ((double) field->min, (double) field->max, 1);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->label), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_object_set_data (G_OBJECT (row), "kw-spin", spin);
  g_object_set_data (G_OBJECT (spin), "kw-row", row);
  g_signal_connect_object (spin, "notify::value", G_CALLBACK (on_spin_value_cb), self, 0);
  return row;
}

/* The record chooser is made the first time its button opens it. */
static void
create_chooser_cb (GtkMenuButton *button,
                   gpointer       data)
{
  g_autoptr(KwRecordEditor) self = g_weak_ref_get (data);
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "kw-row");
  const KwField *field = row_field (row);
  KwRecordChooser *chooser;

  if (self == NULL || gtk_menu_button_get_popover (button) != NULL)
    return;
  chooser = kw_record_chooser_new (self->store, field->targets, !(field->flags & KW_FIELD_FLAG_REQUIRED));
  g_object_set_data (G_OBJECT (chooser), "kw-row", row);
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_chooser_chosen_cb), self, 0);
  gtk_menu_button_set_popover (button, GTK_WIDGET (chooser));
}

static GtkWidget *
make_ref_row (KwRecordEditor *self,
              const KwField  *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *label = g_utf8_strdown (_(field->label), -1);
  /* Translators: a button's tooltip; %s is a field, in lower case: "Choose area" */
  g_autofree char *tooltip = g_strdup_printf (_("Choose %s"), label);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  /* the value reads as in the entry rows: small label, the value large */
  gtk_widget_add_css_class (row, "value-row");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "kw-row", row);
  g_object_set_data (G_OBJECT (row), "kw-picker", button);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_chooser_cb,
                                         editor_ref_new (self), editor_ref_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

/* GObject */

static void
kw_record_editor_finalize (GObject *object)
{
  KwRecordEditor *self = (KwRecordEditor *) object;

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->draft, kw_changeset_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kw_record_editor_parent_class)->finalize (object);
}

static void
kw_record_editor_class_init (KwRecordEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_record_editor_finalize;
}

static void
kw_record_editor_init (KwRecordEditor *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

/* Public API */

KwRecordEditor *
kw_record_editor_new (KwStore    *store,
                      const char *type_name)
{
  KwRecordEditor *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (kw_registry_lookup (type_name) != NULL, NULL);

  self = g_object_new (KW_TYPE_RECORD_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->type = kw_registry_lookup (type_name);
  return self;
}

GtkWidget *
kw_record_editor_make_row (KwRecordEditor *self,
                           const char     *field_name)
{
  const KwField *field;
  GtkWidget *row;

  g_return_val_if_fail (KW_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail ((field = kw_entity_type_field (self->type, field_name)) != NULL, NULL);

  if (field->kind == KW_FIELD_ENUM)
    row = make_combo_row (self, field);
  else if (is_spin_field (field))
    row = make_spin_row (self, field);
  else if (field->kind == KW_FIELD_BOOL)
    row = make_switch_row (self);
  else if (field->kind == KW_FIELD_REF)
    row = make_ref_row (self, field);
  else
    row = make_entry_row (self, field);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
  g_object_set_data (G_OBJECT (row), "kw-field", (gpointer) field);
  g_object_set_data_full (G_OBJECT (row), "kw-message", g_object_ref_sink (make_message_row ()), g_object_unref);
  g_hash_table_insert (self->rows, (gpointer) field->name, g_object_ref_sink (row));
  self->updating = TRUE;
  show_value (self, row);
  self->updating = FALSE;
  return row;
}

GtkWidget *
kw_record_editor_make_text_view (KwRecordEditor *self,
                                 const char     *field_name)
{
  const KwField *field;
  GtkWidget *view;
  GtkWidget *message;

  g_return_val_if_fail (KW_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail ((field = kw_entity_type_field (self->type, field_name)) != NULL, NULL);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);  /* Tab moves on: no focus trap */
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "notes-view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->label), -1);
  g_object_set_data (G_OBJECT (view), "kw-field", (gpointer) field);
  g_object_set_data (G_OBJECT (view), "kw-editor", self);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (on_text_buffer_changed_cb), view, G_CONNECT_SWAPPED);
  add_focus_leave (self, view);
  message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "caption");
  gtk_widget_add_css_class (message, "error");
  gtk_widget_set_visible (message, FALSE);
  g_object_set_data (G_OBJECT (message), "kw-label", message);
  g_object_set_data_full (G_OBJECT (view), "kw-message", g_object_ref_sink (message), g_object_unref);
  g_hash_table_insert (self->rows, (gpointer) field->name, g_object_ref_sink (view));
  self->updating = TRUE;
  show_value (self, view);
  self->updating = FALSE;
  return view;
}

GtkWidget *
kw_record_editor_get_row (KwRecordEditor *self,
                          const char     *field)
{
  g_return_val_if_fail (KW_IS_RECORD_EDITOR (self), NULL);
  return g_hash_table_lookup (self->rows, field);
}

/* The row of the field that names a record (the type's title field in
 * the registry), or NULL when the type has none or the editor shows it not. */
GtkWidget *
kw_record_editor_get_title_row (KwRecordEditor *self)
{
  g_return_val_if_fail (KW_IS_RECORD_EDITOR (self), NULL);
  if (self->type->title_field == NULL)
    return NULL;
  return g_hash_table_lookup (self->rows, self->type->title_field);
}

void
kw_record_editor_set_record (KwRecordEditor *self,
                             KwRecord       *record)
{
  GHashTableIter iter;
  gpointer row;
  gboolean same;

  g_return_if_fail (KW_IS_RECORD_EDITOR (self));

  same = record && self->record
         && g_str_equal (kw_record_get_id (record), kw_record_get_id (self->record));
  g_clear_pointer (&self->draft, kw_changeset_unref);
  g_set_object (&self->record, record);
  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      if (!same)
        g_object_set_data (G_OBJECT (row), "kw-dirty", NULL);
      show_value (self, row);
    }
  self->updating = FALSE;
}

KwRecord *
kw_record_editor_get_record (KwRecordEditor *self)
{
  g_return_val_if_fail (KW_IS_RECORD_EDITOR (self), NULL);
  return self->record;
}

void
kw_record_editor_add_row (KwRecordEditor *self,
                          GtkWidget      *container,
                          const char     *field)
{
  GtkWidget *row;
  GtkWidget *message;

  g_return_if_fail (KW_IS_RECORD_EDITOR (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (container) || ADW_IS_EXPANDER_ROW (container));

  row = kw_record_editor_make_row (self, field);
  message = g_object_get_data (G_OBJECT (row), "kw-message");
  if (ADW_IS_PREFERENCES_GROUP (container))
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (container), row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (container), message);
    }
  else
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (container), row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (container), message);
    }
}

/* The popover of a date or reference row's button (the calendar's, the
 * record chooser), made now if it was not yet; NULL for other rows. */
GtkWidget *
kw_record_editor_get_popover (KwRecordEditor *self,
                              const char     *field)
{
  GtkWidget *row, *button;

  g_return_val_if_fail (KW_IS_RECORD_EDITOR (self), NULL);

  row = g_hash_table_lookup (self->rows, field);
  button = row ? g_object_get_data (G_OBJECT (row), "kw-picker") : NULL;
  if (button == NULL)
    return NULL;
  if (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) == NULL)
    {
      GWeakRef *ref = editor_ref_new (self);

      if (row_field (row)->kind == KW_FIELD_REF)
        create_chooser_cb (GTK_MENU_BUTTON (button), ref);
      else
        create_date_popover_cb (GTK_MENU_BUTTON (button), ref);
      editor_ref_free (ref);
    }
  return GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
}

GtkWidget *
kw_record_editor_get_message (KwRecordEditor *self,
                              const char     *field)
{
  GtkWidget *row;

  g_return_val_if_fail (KW_IS_RECORD_EDITOR (self), NULL);

  row = g_hash_table_lookup (self->rows, field);
  return row ? g_object_get_data (G_OBJECT (row), "kw-message") : NULL;
}

/* Writes what was typed and not written yet (no apply, no focus-out). */
static gboolean
flush_rows (KwRecordEditor *self)
{
  GHashTableIter iter;
  gpointer row;
  gboolean ok = TRUE;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (g_object_get_data (row, "kw-dirty") != NULL && !GTK_IS_TEXT_VIEW (row))
      ok = write_value (self, row, gtk_editable_get_text (GTK_EDITABLE (row)), NULL) && ok;
  return ok;
}

const char *
kw_record_editor_get_invalid_label (KwRecordEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  g_return_val_if_fail (KW_IS_RECORD_EDITOR (self), NULL);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (g_object_get_data (row, "kw-dirty") != NULL && gtk_widget_has_css_class (row, "error"))
      return _(row_field (row)->label);
  return NULL;
}

void
kw_record_editor_discard (KwRecordEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (KW_IS_RECORD_EDITOR (self));

  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      g_object_set_data (row, "kw-dirty", NULL);
      show_value (self, row);
    }
  self->updating = FALSE;
}

void
kw_record_editor_start_draft (KwRecordEditor *self)
{
  g_return_if_fail (KW_IS_RECORD_EDITOR (self));

  kw_record_editor_set_record (self, NULL);
  self->draft = kw_changeset_new (self->type->name, NULL);
}

gboolean
kw_record_editor_is_draft (KwRecordEditor *self)
{
  g_return_val_if_fail (KW_IS_RECORD_EDITOR (self), FALSE);
  return self->draft != NULL;
}

char *
kw_record_editor_commit_draft (KwRecordEditor  *self,
                               GError         **error)
{
  const char *invalid;
  char *id;

  g_return_val_if_fail (KW_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (self->draft != NULL, NULL);

  flush_rows (self);
  if ((invalid = kw_record_editor_get_invalid_label (self)) != NULL)
    {
      /* Translators: %s is the label of a field, "E-mail" */
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID, _("Check the field “%s”"), invalid);
      return NULL;
    }
  if ((id = kw_store_create (self->store, self->draft, error)) == NULL)
    return NULL;
  g_clear_pointer (&self->draft, kw_changeset_unref);
  return id;
}
