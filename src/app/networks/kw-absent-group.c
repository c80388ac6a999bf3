/* kw-absent-group.c: who stopped coming to a unit's gatherings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signal of a binnenbuurt ("Wie komt er niet meer?"): the members
 * kw_analysis_absent finds absent from the unit's last three held
 * gatherings, by name, each with the last gathering they came to and
 * their last contact moment, and a "Log Contact" button whose form
 * (date today, channel, summary) stores a contact moment for them, so
 * that someone goes and rings the bell. The list follows the store:
 * afterwards the row shows the new last contact. A row opens the person.
 */
#define G_LOG_DOMAIN "kw-absent-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-absent-group.h"
#include "kw-analysis.h"
#include "kw-format.h"
#include "kw-networks-settings.h"

struct _KwAbsentGroup
{
  AdwPreferencesGroup  parent_instance;

  KwStore             *store;
  char                *unit_id;
  GPtrArray           *people;   /* ids shown, by name */
  GtkWidget           *list;
  GtkWidget           *empty_row;
};

G_DEFINE_FINAL_TYPE (KwAbsentGroup, kw_absent_group, ADW_TYPE_PREFERENCES_GROUP)

/* The channels of the form, as the contacts' own form has them. */
static const char * const channels[][2] = {
  { "huisbezoek", N_("home visit") },
  { "telefoon", N_("phone") },
  { "gesprek", N_("conversation") },
  { "e-mail", N_("e-mail") },
  { "anders", N_("other") },
};

static const char * const person_type[] = { "person", NULL };

typedef struct {
  char *person;
  char *name;
  char *subtitle;
} AbsentRow;

static void
absent_row_free (AbsentRow *row)
{
  g_free (row->person);
  g_free (row->name);
  g_free (row->subtitle);
  g_free (row);
}

/* Helpers */

static char *
dup_last_present (KwStore    *store,
                  const char *meeting_id)
{
  g_autoptr(KwRecord) meeting = meeting_id ? kw_store_get (store, "meeting", meeting_id, NULL) : NULL;
  g_autofree char *day = NULL;

  if (meeting == NULL)
    return g_strdup (_("not at any gathering yet"));
  day = kw_format_day (kw_record_get_string (meeting, "starts_at"));
  /* Translators: "last came 12-3-2026" */
  return g_strdup_printf (_("last came %s"), day ? day : "");
}

static char *
dup_last_contact (const char *date)
{
  g_autofree char *day = date ? kw_format_day (date) : NULL;

  if (day == NULL)
    return g_strdup (_("no contact logged yet"));
  if (g_strcmp0 (day, _("Today")) == 0)
    return g_strdup (_("last contact today"));
  return g_strdup_printf (_("last contact %s"), day);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const AbsentRow *x = *(AbsentRow * const *) a, *y = *(AbsentRow * const *) b;

  return g_utf8_collate (x->name, y->name);
}

/* The absent members of the unit for today, by name; NULL while no gathering was held. */
static GPtrArray *
list_absent (KwAbsentGroup *self)
{
  g_autoptr(KwAnalysisAbsence) absence = NULL;
  GPtrArray *rows;
  GDate today;

  kw_analysis_get_today (&today);
  if (self->unit_id == NULL
      || (absence = kw_analysis_absent (self->store, self->unit_id, kw_networks_settings_get_stale_months (), &today, NULL)) == NULL
      || absence->gatherings->len == 0)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) absent_row_free);
  for (guint i = 0; i < absence->absent->len; i++)
    {
      KwAnalysisAbsent *a = g_ptr_array_index (absence->absent, i);
      AbsentRow *row = g_new0 (AbsentRow, 1);
      g_autofree char *present = dup_last_present (self->store, a->last_present);
      g_autofree char *contact = dup_last_contact (a->last_contact);

      row->person = g_strdup (a->person);
      row->name = kw_store_dup_reference_title (self->store, person_type, a->person);
      if (row->name == NULL)
        row->name = g_strdup (_("Unknown or deleted"));
      row->subtitle = g_strdup_printf ("%s · %s", present, contact);
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_names);
  return rows;
}

/* Callbacks */

static void
on_log_clicked_cb (GtkWidget *button)
{
  GtkWidget *form = gtk_widget_get_parent (button);
  KwAbsentGroup *self = KW_ABSENT_GROUP (gtk_widget_get_ancestor (g_object_get_data (G_OBJECT (form), "kw-row"), KW_TYPE_ABSENT_GROUP));
  GtkEditable *date = g_object_get_data (G_OBJECT (form), "kw-date");
  GtkDropDown *channel = g_object_get_data (G_OBJECT (form), "kw-channel");
  GtkEditable *summary = g_object_get_data (G_OBJECT (form), "kw-summary");
  g_autofree char *iso = kw_parse_date_locale (gtk_editable_get_text (date));
  g_autoptr(KwChangeset) changes = kw_changeset_new ("contact_moment", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint selected = gtk_drop_down_get_selected (channel);

  if (iso == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (date), "error");
      gtk_widget_error_bell (button);
      return;
    }
  kw_changeset_set_string (changes, "person", g_object_get_data (G_OBJECT (form), "kw-person"));
  kw_changeset_set_string (changes, "date", iso);
  kw_changeset_set_string (changes, "channel", channels[MIN (selected, G_N_ELEMENTS (channels) - 1)][0]);
  if (!kw_changeset_set_text (changes, "summary", gtk_editable_get_text (summary), &error)
      || (id = kw_store_create (self->store, changes, &error)) == NULL)
    {
      g_warning ("could not log the contact: %s", error->message);
      gtk_widget_error_bell (button);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (button, GTK_TYPE_POPOVER)));
}

static GtkWidget *
make_log_form (GtkWidget  *row,
               const char *person)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Log Contact"));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today = kw_format_date (iso);
  GtkWidget *date, *channel, *summary, *label;

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (names, _(channels[i][1]));
  date = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (date), today);
  channel = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  summary = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (summary), _("Rang the bell; how are they?"));
  label = gtk_label_new (_("Log a contact moment"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "kw-date", date);
  g_object_set_data (G_OBJECT (box), "kw-channel", channel);
  g_object_set_data (G_OBJECT (box), "kw-summary", summary);
  g_object_set_data (G_OBJECT (box), "kw-row", row);
  g_object_set_data_full (G_OBJECT (box), "kw-person", g_strdup (person), g_free);
  /* the labelled fields go into a box of their own, the button after it */
  {
    GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *pairs[][2] = { { gtk_label_new_with_mnemonic (_("_Date")), date },
                              { gtk_label_new_with_mnemonic (_("_Channel")), channel },
                              { gtk_label_new_with_mnemonic (_("_Summary")), summary } };

    for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
      {
        gtk_label_set_xalign (GTK_LABEL (pairs[i][0]), 0);
        gtk_label_set_mnemonic_widget (GTK_LABEL (pairs[i][0]), pairs[i][1]);
        gtk_widget_add_css_class (pairs[i][0], "caption-heading");
        gtk_box_append (GTK_BOX (fields), pairs[i][0]);
        gtk_box_append (GTK_BOX (fields), pairs[i][1]);
      }
    gtk_box_append (GTK_BOX (box), fields);
  }
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_margin_top (button, 6);
  g_signal_connect (button, "clicked", G_CALLBACK (on_log_clicked_cb), NULL);
  g_signal_connect_swapped (summary, "activate", G_CALLBACK (gtk_widget_activate), button);
  gtk_box_append (GTK_BOX (box), button);
  g_object_set_data (G_OBJECT (box), "kw-button", button);
  gtk_widget_set_size_request (box, 280, -1);
  return box;
}

static void
on_row_activated_cb (AdwActionRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "win.open-record", "(ss)", "person",
                              g_object_get_data (G_OBJECT (row), "kw-person"));
}

static GtkWidget *
make_row (AbsentRow *absent)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  g_autofree char *tooltip = g_strdup_printf (_("Log a contact moment with %s"), absent->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), absent->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), absent->subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "kw-person", g_strdup (absent->person), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), NULL);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Log Contact"));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_popover_set_child (GTK_POPOVER (popover), make_log_form (row, absent->person));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "kw-log-button", button);
  return row;
}

static void
refresh (KwAbsentGroup *self)
{
  g_autoptr(GPtrArray) rows = list_absent (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  g_ptr_array_set_size (self->people, 0);
  for (guint i = 0; rows && i < rows->len; i++)
    {
      AbsentRow *absent = g_ptr_array_index (rows, i);

      gtk_list_box_append (GTK_LIST_BOX (self->list), make_row (absent));
      g_ptr_array_add (self->people, g_strdup (absent->person));
    }
  if (rows == NULL || rows->len == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty),
                                     rows == NULL ? _("No gathering held yet") : _("Everyone came to at least one of the last three gatherings"));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->list), empty);
    }
}

static void
on_store_changed_cb (KwAbsentGroup *self,
                     const char    *type_name)
{
  static const char * const types[] = { "attendance", "contact_moment", "meeting", "network_member", "person" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (type_name, types[i]))
      {
        refresh (self);
        return;
      }
}

/* GObject */

static void
kw_absent_group_dispose (GObject *object)
{
  KwAbsentGroup *self = KW_ABSENT_GROUP (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kw_absent_group_parent_class)->dispose (object);
}

static void
kw_absent_group_finalize (GObject *object)
{
  KwAbsentGroup *self = KW_ABSENT_GROUP (object);

  g_free (self->unit_id);
  g_ptr_array_unref (self->people);

  G_OBJECT_CLASS (kw_absent_group_parent_class)->finalize (object);
}

static void
kw_absent_group_class_init (KwAbsentGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_absent_group_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_absent_group_finalize;
}

static void
kw_absent_group_init (KwAbsentGroup *self)
{
  self->people = g_ptr_array_new_with_free_func (g_free);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->list);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Who Stopped Coming?"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Members absent from the unit’s last three gatherings: someone could go and ring the bell."));
}

/* Public API */

KwAbsentGroup *
kw_absent_group_new (KwStore *store)
{
  KwAbsentGroup *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_ABSENT_GROUP, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
kw_absent_group_set_unit (KwAbsentGroup *self,
                          const char    *unit_id)
{
  g_return_if_fail (KW_IS_ABSENT_GROUP (self));

  g_free (self->unit_id);
  self->unit_id = g_strdup (unit_id);
  refresh (self);
}

GPtrArray *
kw_absent_group_dup_people (KwAbsentGroup *self)
{
  GPtrArray *people;

  g_return_val_if_fail (KW_IS_ABSENT_GROUP (self), NULL);

  people = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->people->len; i++)
    g_ptr_array_add (people, g_strdup (g_ptr_array_index (self->people, i)));
  return people;
}

GtkWidget *
kw_absent_group_get_row (KwAbsentGroup *self,
                         const char    *person_id)
{
  g_return_val_if_fail (KW_IS_ABSENT_GROUP (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (self->list); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "kw-person"), person_id) == 0)
      return row;
  return NULL;
}
