/* kw-contact-moment-group.c: when someone was last in touch with a person, and how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwChildGroup of contact moments, newest first (the registry's dated
 * index). A row is titled by its summary and says the day and the
 * channel in words; the add button opens a form to log a contact (date,
 * channel, summary) instead of a chooser, as a contact moment refers to
 * nothing but its person.
 */
#define G_LOG_DOMAIN "kw-contact-moment-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-contact-moment-group.h"
#include "kw-format.h"

struct _KwContactMomentGroup
{
  KwChildGroup  parent_instance;

  GtkEditable  *date_entry;
  GtkEditable  *channel_entry;
  GtkEditable  *summary_entry;
  GtkWidget    *date_message;
};

G_DEFINE_FINAL_TYPE (KwContactMomentGroup, kw_contact_moment_group, KW_TYPE_CHILD_GROUP)

/* The channels offered; any other text may be typed. The demo data and
 * the generator use these values. */
static const char * const channels[][2] = {
  { "telefoon", N_("phone") },
  { "huisbezoek", N_("home visit") },
  { "e-mail", N_("e-mail") },
  { "gesprek", N_("conversation") },
  { "bijeenkomst", N_("meeting") },
  { "anders", N_("other") },
};

/* Helpers */

/* The stored value for a channel as shown or typed ("home visit" → "huisbezoek"). */
static const char *
channel_value (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (g_utf8_collate (text, _(channels[i][1])) == 0 || g_ascii_strcasecmp (text, channels[i][0]) == 0)
      return channels[i][0];
  return text;
}

static const char *
channel_label (const char *value)
{
  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (channels); i++)
    if (g_str_equal (value, channels[i][0]))
      return _(channels[i][1]);
  return value;
}

/* The date as typed, in the locale's way or ISO; NULL when it is none. */
static char *
dup_typed_date (GtkEditable *entry,
                gboolean    *ok)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  char *iso;

  *ok = TRUE;
  if (*text == '\0')
    return NULL;
  iso = kw_parse_date_locale (text);
  *ok = iso != NULL;
  return iso;
}

static void
show_date_message (KwContactMomentGroup *self,
                   const char           *message)
{
  GtkWidget *entry = GTK_WIDGET (self->date_entry);

  if (message != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_label_set_label (GTK_LABEL (self->date_message), message ? message : "");
  gtk_widget_set_visible (self->date_message, message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Callbacks */

static void
on_log_clicked_cb (KwContactMomentGroup *self,
                   GtkButton            *button)
{
  KwChildGroup *group = KW_CHILD_GROUP (self);
  g_autoptr(KwChangeset) changes = kw_changeset_new ("contact_moment", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *date = NULL;
  g_autofree char *example = NULL;
  gboolean ok;

  date = dup_typed_date (self->date_entry, &ok);
  if (!ok)
    {
      example = kw_format_date ("2025-06-01");
      g_autofree char *message = g_strdup_printf (_("Enter a date, for example %s"), example);

      show_date_message (self, message);
      return;
    }
  kw_changeset_set_string (changes, "person", kw_child_group_get_parent_id (group));
  if (date != NULL)
    kw_changeset_set_string (changes, "date", date);
  if (!kw_changeset_set_text (changes, "channel", channel_value (gtk_editable_get_text (self->channel_entry)), &error)
      || !kw_changeset_set_text (changes, "summary", gtk_editable_get_text (self->summary_entry), &error)
      || (id = kw_store_create (kw_child_group_get_store (group), changes, &error)) == NULL)
    {
      show_date_message (self, error->message);
      return;
    }
  show_date_message (self, NULL);
  gtk_editable_set_text (self->summary_entry, "");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (kw_child_group_get_add_button (group)));
}

static GtkWidget *
make_channel_combo (void)
{
  GtkWidget *combo = gtk_combo_box_text_new_with_entry ();

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (combo), channels[i][0], _(channels[i][1]));
  gtk_widget_set_tooltip_text (combo, _("Choose how you were in touch, or type it"));
  return combo;
}

static GtkWidget *
make_log_form (KwContactMomentGroup *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Log Contact"));
  GtkWidget *combo = make_channel_combo ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today = kw_format_date (iso);

  self->date_entry = GTK_EDITABLE (kw_child_group_add_labelled (box, _("_Date"), gtk_entry_new ()));
  self->date_message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->date_message), 0);
  gtk_label_set_wrap (GTK_LABEL (self->date_message), TRUE);
  gtk_widget_add_css_class (self->date_message, "caption");
  gtk_widget_add_css_class (self->date_message, "error");
  gtk_widget_set_visible (self->date_message, FALSE);
  gtk_box_append (GTK_BOX (box), self->date_message);
  kw_child_group_add_labelled (box, _("_Channel"), combo);
  self->channel_entry = GTK_EDITABLE (gtk_combo_box_get_child (GTK_COMBO_BOX (combo)));
  self->summary_entry = GTK_EDITABLE (kw_child_group_add_labelled (box, _("_Summary"), gtk_entry_new ()));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->summary_entry), _("What did you talk about?"));
  gtk_editable_set_text (self->date_entry, today);
  gtk_widget_set_size_request (box, 300, -1);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_margin_top (button, 6);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_log_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->summary_entry, "activate", G_CALLBACK (on_log_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_entry, "activate", G_CALLBACK (gtk_widget_grab_focus),
                           combo, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->channel_entry, "activate", G_CALLBACK (gtk_widget_grab_focus),
                           self->summary_entry, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

/* KwChildGroup */

static char *
kw_contact_moment_group_dup_title (KwChildGroup *group,
                                   KwRecord     *record)
{
  const char *summary = kw_record_get_string (record, "summary");

  return g_strdup (summary && *summary ? summary : _("No summary"));
}

static char *
kw_contact_moment_group_dup_subtitle (KwChildGroup *group,
                                      KwRecord     *record)
{
  g_autofree char *day = kw_format_day (kw_record_get_string (record, "date"));
  const char *channel = channel_label (kw_record_get_string (record, "channel"));

  if (day && *day && channel && *channel)
    return g_strdup_printf ("%s · %s", day, channel);
  return g_strdup (day && *day ? day : channel && *channel ? channel : "");
}

static GtkWidget *
kw_contact_moment_group_make_add_popover (KwChildGroup *group)
{
  GtkWidget *popover = gtk_popover_new ();

  gtk_popover_set_child (GTK_POPOVER (popover), make_log_form (KW_CONTACT_MOMENT_GROUP (group)));
  return popover;
}

/* GObject */

static void
kw_contact_moment_group_constructed (GObject *object)
{
  G_OBJECT_CLASS (kw_contact_moment_group_parent_class)->constructed (object);

  kw_child_group_set_texts (KW_CHILD_GROUP (object), _("Contact moments"), _("No contact logged yet"),
                            _("Log a Contact"), _("Remove this contact moment"));
}

static void
kw_contact_moment_group_class_init (KwContactMomentGroupClass *klass)
{
  KwChildGroupClass *group_class = KW_CHILD_GROUP_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = kw_contact_moment_group_constructed;
  group_class->dup_title = kw_contact_moment_group_dup_title;
  group_class->dup_subtitle = kw_contact_moment_group_dup_subtitle;
  group_class->make_add_popover = kw_contact_moment_group_make_add_popover;
}

static void
kw_contact_moment_group_init (KwContactMomentGroup *self)
{
}

/* Public API */

KwChildGroup *
kw_contact_moment_group_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_CONTACT_MOMENT_GROUP, "store", store, "child-type", "contact_moment", NULL);
}
