/* kw-child-group.c: the records that hang off a person or organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Affiliations, relations or contact moments of one party, each as an
 * expander row whose fields are edited in place (KwRecordEditor). Rows
 * are rebuilt only when the set of records changes, so that editing
 * one does not collapse it. A relation reads as a sentence ("Ama Owusu
 * represents …"); a new one asks its kind and strength before it is
 * stored.
 */
#define G_LOG_DOMAIN "kw-child-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-format.h"
#include "kw-record-chooser.h"
#include "kw-record-editor.h"
#include "kw-child-group.h"

struct _KwChildGroup
{
  AdwPreferencesGroup  parent_instance;

  KwStore             *store;
  KwRelatedKind        kind;
  char                *party_type;
  char                *party_id;
  GPtrArray           *rows;      /* AdwExpanderRow, in order */
  GPtrArray           *editors;   /* KwRecordEditor, same order */
  GHashTable          *hidden;    /* ids of records waiting for their delete */
  GtkWidget           *add_button;
  GtkWidget           *empty_row;
  KwRecordChooser     *chooser;
  /* the contact moment form */
  GtkEditable         *date_entry;
  GtkEditable         *channel_entry;
  GtkEditable         *summary_entry;
  GtkWidget           *date_message;
  /* the form of a new relation, once its other party is chosen (a row) */
  GtkWidget           *relation_form;
  GtkLabel            *relation_sentence;
  GtkDropDown         *relation_kind;
  GtkSpinButton       *relation_strength;
  char                *relation_other;
};

G_DEFINE_FINAL_TYPE (KwChildGroup, kw_child_group, ADW_TYPE_PREFERENCES_GROUP)

static const char * const to_organisation[] = { "organisation", NULL };
static const char * const to_person[] = { "person", NULL };
static const char * const to_party[] = { "person", "organisation", NULL };

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

static const char *
record_type (KwChildGroup *self)
{
  static const char * const types[] = { "affiliation", "relation", "contact_moment" };

  return types[self->kind];
}

static int
compare_by_date_desc (gconstpointer a,
                      gconstpointer b)
{
  KwRecord *ra = *(KwRecord **) a, *rb = *(KwRecord **) b;

  return -g_strcmp0 (kw_record_get_string (ra, "date"), kw_record_get_string (rb, "date"));
}

static GPtrArray *
list_records (KwChildGroup *self)
{
  GPtrArray *records;

  if (self->kind == KW_RELATED_RELATIONS)
    {
      g_autoptr(GPtrArray) to = kw_store_list_by_ref (self->store, "relation", "to", self->party_id, NULL);

      records = kw_store_list_by_ref (self->store, "relation", "from", self->party_id, NULL);
      for (guint i = 0; records && to && i < to->len; i++)
        g_ptr_array_add (records, g_object_ref (g_ptr_array_index (to, i)));
      return records;
    }
  if (self->kind == KW_RELATED_AFFILIATIONS)
    return kw_store_list_by_ref (self->store, "affiliation", self->party_type, self->party_id, NULL);
  records = kw_store_list_by_ref (self->store, "contact_moment", "person", self->party_id, NULL);
  if (records != NULL)
    g_ptr_array_sort (records, compare_by_date_desc);
  return records;
}

static char *
dup_party_title (KwChildGroup *self,
                 const char     *id)
{
  char *title = kw_store_dup_reference_title (self->store, (const char * const *) to_party, id);

  return title ? title : g_strdup (_("Unknown or deleted"));
}

static const char *
other_id (KwChildGroup *self,
          KwRecord       *record)
{
  if (self->kind == KW_RELATED_AFFILIATIONS)
    return kw_record_get_string (record, g_str_equal (self->party_type, "person") ? "organisation" : "person");
  if (g_strcmp0 (kw_record_get_string (record, "from"), self->party_id) == 0)
    return kw_record_get_string (record, "to");
  return kw_record_get_string (record, "from");
}

static char *
dup_period (KwRecord *record)
{
  g_autofree char *since = kw_format_date (kw_record_get_string (record, "since"));
  g_autofree char *until = kw_format_date (kw_record_get_string (record, "until"));

  if (since && until)
    return g_strdup_printf (_("%s until %s"), since, until);
  if (since)
    return g_strdup_printf (_("since %s"), since);
  if (until)
    return g_strdup_printf (_("until %s"), until);
  return NULL;
}

static char *
dup_strength (gint64 strength)
{
  static const char * const dots[] = { "", "●○○", "●●○", "●●●" };

  return g_strdup (strength >= 1 && strength <= 3 ? dots[strength] : "");
}

/* "Ama Owusu represents Voedselinitiatief …": who does what to whom. */
static char *
dup_relation_sentence (const char *kind,
                       const char *from,
                       const char *to)
{
  if (g_strcmp0 (kind, "knows") == 0)
    return g_strdup_printf (_("%s knows %s"), from, to);
  if (g_strcmp0 (kind, "works_with") == 0)
    return g_strdup_printf (_("%s works with %s"), from, to);
  if (g_strcmp0 (kind, "member_of") == 0)
    return g_strdup_printf (_("%s is a member of %s"), from, to);
  if (g_strcmp0 (kind, "represents") == 0)
    return g_strdup_printf (_("%s represents %s"), from, to);
  if (g_strcmp0 (kind, "funds") == 0)
    return g_strdup_printf (_("%s funds %s"), from, to);
  if (g_strcmp0 (kind, "advises") == 0)
    return g_strdup_printf (_("%s advises %s"), from, to);
  /* Translators: a relation of no known kind between two parties */
  return g_strdup_printf (_("%s and %s"), from, to);
}

static char *
dup_sentence (KwChildGroup *self,
              KwRecord       *record)
{
  g_autofree char *from = dup_party_title (self, kw_record_get_string (record, "from"));
  g_autofree char *to = dup_party_title (self, kw_record_get_string (record, "to"));

  return dup_relation_sentence (kw_record_get_string (record, "kind"), from, to);
}

static char *
dup_subtitle (KwChildGroup *self,
              KwRecord       *record)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (self->kind == KW_RELATED_AFFILIATIONS)
    {
      a = g_strdup (kw_record_get_string (record, "role"));
      b = dup_period (record);
    }
  else if (self->kind == KW_RELATED_RELATIONS)
    {
      return dup_sentence (self, record);
    }
  else
    {
      a = kw_format_day (kw_record_get_string (record, "date"));
      b = g_strdup (channel_label (kw_record_get_string (record, "channel")));
    }
  if (a && *a && b && *b)
    return g_strdup_printf ("%s · %s", a, b);
  return g_strdup (a && *a ? a : b && *b ? b : "");
}

static char *
dup_title (KwChildGroup *self,
           KwRecord       *record)
{
  const char *summary;

  if (self->kind != KW_RELATED_CONTACT_MOMENTS)
    return dup_party_title (self, other_id (self, record));
  summary = kw_record_get_string (record, "summary");
  return g_strdup (summary && *summary ? summary : _("No summary"));
}

static void
update_row (KwChildGroup *self,
            GtkWidget      *row,
            KwRecord       *record)
{
  g_autofree char *title = dup_title (self, record);
  g_autofree char *subtitle = dup_subtitle (self, record);
  gboolean tense = g_strcmp0 (kw_record_get_string (record, "sentiment"), "tense") == 0;
  GtkWidget *pill = g_object_get_data (G_OBJECT (row), "kw-pill");
  GtkWidget *dots = g_object_get_data (G_OBJECT (row), "kw-dots");
  GtkWidget *remove = g_object_get_data (G_OBJECT (row), "kw-remove");
  g_autofree char *remove_text = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (self->kind == KW_RELATED_RELATIONS)
    /* Translators: the tooltip of a button; %s is a person or organisation */
    remove_text = g_strdup_printf (_("Remove relation with %s"), title);
  else if (self->kind == KW_RELATED_AFFILIATIONS)
    /* Translators: the tooltip of a button; %s is a person or organisation */
    remove_text = g_strdup_printf (_("Remove affiliation with %s"), title);
  else
    remove_text = g_strdup (_("Remove this contact moment"));
  gtk_widget_set_tooltip_text (remove, remove_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_text, -1);
  if (dots != NULL)
    {
      gint64 strength = kw_record_get_int (record, "strength");
      g_autofree char *text = dup_strength (strength);
      /* Translators: how strong a relation is, for screen readers: "Strength 2 of 3" */
      g_autofree char *spoken = g_strdup_printf (_("Strength %d of 3"), (int) strength);

      gtk_label_set_label (GTK_LABEL (dots), text);
      gtk_widget_set_visible (dots, *text != '\0');
      gtk_widget_set_tooltip_text (dots, spoken);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dots), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
    }
  if (pill != NULL)
    gtk_widget_set_visible (pill, tense);
  if (tense)
    gtk_widget_add_css_class (row, "tense-relation");
  else
    gtk_widget_remove_css_class (row, "tense-relation");
}

/* Callbacks */

static void
on_remove_clicked_cb (GtkButton      *button,
                      KwChildGroup *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "kw-id");

  /* the window deletes it when its undo toast goes */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-record", "(ss)", record_type (self), id);
}

static void
on_chooser_chosen_cb (KwChildGroup *self,
                      const char     *type_name,
                      const char     *id)
{
  kw_child_group_choose (self, type_name, id);
}

static void
on_relation_kind_cb (KwChildGroup *self)
{
  const KwField *field = kw_entity_type_field (kw_registry_lookup ("relation"), "kind");
  guint selected = gtk_drop_down_get_selected (self->relation_kind);
  g_autofree char *from = dup_party_title (self, self->party_id);
  g_autofree char *to = dup_party_title (self, self->relation_other);
  g_autofree char *sentence = NULL;

  if (selected == GTK_INVALID_LIST_POSITION || field->values[selected] == NULL)
    return;
  sentence = dup_relation_sentence (field->values[selected], from, to);
  gtk_label_set_label (self->relation_sentence, sentence);
}

static void
on_relation_add_clicked_cb (KwChildGroup *self)
{
  const KwField *field = kw_entity_type_field (kw_registry_lookup ("relation"), "kind");
  guint selected = gtk_drop_down_get_selected (self->relation_kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->relation_other == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  id = kw_child_group_add_relation (self, self->relation_other, field->values[selected],
                                      gtk_spin_button_get_value_as_int (self->relation_strength), &error);
  if (id == NULL)
    g_warning ("could not add the relation: %s", error->message);
  g_clear_pointer (&self->relation_other, g_free);
  gtk_widget_set_visible (self->relation_form, FALSE);
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
show_date_message (KwChildGroup *self,
                   const char     *message)
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

static void
on_log_clicked_cb (KwChildGroup *self,
                   GtkButton      *button)
{
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
  kw_changeset_set_string (changes, "person", self->party_id);
  if (date != NULL)
    kw_changeset_set_string (changes, "date", date);
  if (!kw_changeset_set_text (changes, "channel", channel_value (gtk_editable_get_text (self->channel_entry)), &error)
      || !kw_changeset_set_text (changes, "summary", gtk_editable_get_text (self->summary_entry), &error)
      || (id = kw_store_create (self->store, changes, &error)) == NULL)
    {
      show_date_message (self, error->message);
      return;
    }
  show_date_message (self, NULL);
  gtk_editable_set_text (self->summary_entry, "");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->add_button));
}

/* Building */

static GtkWidget *
make_row (KwChildGroup *self,
          KwRecord       *record,
          KwRecordEditor *editor)
{
  static const char * const fields[][4] = {
    { "role", "since", "until", NULL },
    { "kind", "sentiment", "strength", "notes" },
    { "date", "channel", "summary", NULL },
  };
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  for (guint i = 0; i < 4 && fields[self->kind][i]; i++)
    kw_record_editor_add_row (editor, row, fields[self->kind][i]);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "kw-id", g_strdup (kw_record_get_id (record)), g_free);
  g_object_set_data (G_OBJECT (row), "kw-remove", remove);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  /* actions are shown in the reverse order: [Tense] [●●○] [remove] */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  if (self->kind == KW_RELATED_RELATIONS)
    {
      GtkWidget *dots = gtk_label_new (NULL);

      gtk_widget_add_css_class (dots, "strength-dots");
      gtk_widget_set_valign (dots, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), dots);
      g_object_set_data (G_OBJECT (row), "kw-dots", dots);
    }
  if (self->kind == KW_RELATED_RELATIONS)
    {
      GtkWidget *pill = gtk_label_new (_("Tense"));

      gtk_widget_add_css_class (pill, "badge");
      gtk_widget_add_css_class (pill, "tense");
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), pill);
      g_object_set_data (G_OBJECT (row), "kw-pill", pill);
    }
  kw_record_editor_set_record (editor, record);
  update_row (self, row, record);
  return row;
}

static gboolean
same_records (KwChildGroup *self,
              GPtrArray      *records)
{
  if (records->len != self->editors->len)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      KwRecord *shown = kw_record_editor_get_record (g_ptr_array_index (self->editors, i));

      if (shown == NULL || !g_str_equal (kw_record_get_id (shown), kw_record_get_id (g_ptr_array_index (records, i))))
        return FALSE;
    }
  return TRUE;
}

static void
rebuild (KwChildGroup *self,
         GPtrArray      *records)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->editors, 0);
  for (guint i = 0; i < records->len; i++)
    {
      KwRecordEditor *editor = kw_record_editor_new (self->store, record_type (self));
      GtkWidget *row = make_row (self, g_ptr_array_index (records, i), editor);

      g_ptr_array_add (self->editors, editor);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
}

static void
refresh (KwChildGroup *self)
{
  g_autoptr(GPtrArray) records = NULL;

  if (self->party_id == NULL || (records = list_records (self)) == NULL)
    records = g_ptr_array_new ();
  for (guint i = records->len; i > 0; i--)
    if (g_hash_table_contains (self->hidden, kw_record_get_id (g_ptr_array_index (records, i - 1))))
      g_ptr_array_remove_index (records, i - 1);
  if (!same_records (self, records))
    rebuild (self, records);
  else
    for (guint i = 0; i < records->len; i++)
      {
        kw_record_editor_set_record (g_ptr_array_index (self->editors, i), g_ptr_array_index (records, i));
        update_row (self, g_ptr_array_index (self->rows, i), g_ptr_array_index (records, i));
      }
  gtk_widget_set_visible (self->empty_row, records->len == 0);
}

static void
on_store_changed_cb (KwChildGroup *self)
{
  refresh (self);
}

static GtkWidget *
add_labelled (GtkWidget  *box,
              const char *label,
              GtkWidget  *field)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), field);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), field);
  return field;
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
make_log_form (KwChildGroup *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Log Contact"));
  GtkWidget *combo = make_channel_combo ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today = kw_format_date (iso);

  self->date_entry = GTK_EDITABLE (add_labelled (box, _("_Date"), gtk_entry_new ()));
  self->date_message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->date_message), 0);
  gtk_label_set_wrap (GTK_LABEL (self->date_message), TRUE);
  gtk_widget_add_css_class (self->date_message, "caption");
  gtk_widget_add_css_class (self->date_message, "error");
  gtk_widget_set_visible (self->date_message, FALSE);
  gtk_box_append (GTK_BOX (box), self->date_message);
  add_labelled (box, _("_Channel"), combo);
  self->channel_entry = GTK_EDITABLE (gtk_combo_box_get_child (GTK_COMBO_BOX (combo)));
  self->summary_entry = GTK_EDITABLE (add_labelled (box, _("_Summary"), gtk_entry_new ()));
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

static void
on_relation_cancel_clicked_cb (KwChildGroup *self)
{
  g_clear_pointer (&self->relation_other, g_free);
  gtk_widget_set_visible (self->relation_form, FALSE);
  gtk_widget_grab_focus (self->add_button);
}

static GtkWidget *
make_form_button (const char *label,
                  GCallback   callback,
                  gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_END);
  g_signal_connect_object (button, "clicked", callback, data, G_CONNECT_SWAPPED);
  return button;
}

/* Kind and strength of a new relation, asked before it is stored: a card
 * under the group's list, shown once the other party is chosen. */
static GtkWidget *
make_relation_form (KwChildGroup *self)
{
  const KwField *kind = kw_entity_type_field (kw_registry_lookup ("relation"), "kind");
  g_autoptr(GListModel) kinds = kw_enum_labels_model (kind, NULL);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *kind_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *strength_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = make_form_button (_("_Add Relation"), G_CALLBACK (on_relation_add_clicked_cb), self);

  self->relation_sentence = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->relation_sentence, TRUE);
  gtk_label_set_xalign (self->relation_sentence, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->relation_sentence), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->relation_sentence));
  self->relation_kind = GTK_DROP_DOWN (add_labelled (kind_box, _("_Kind"),
                                                     gtk_drop_down_new (g_object_ref (kinds), NULL)));
  self->relation_strength = GTK_SPIN_BUTTON (add_labelled (strength_box, _("_Strength (1 to 3)"),
                                                           gtk_spin_button_new_with_range (1, 3, 1)));
  gtk_spin_button_set_value (self->relation_strength, 2);
  gtk_box_append (GTK_BOX (fields), kind_box);
  gtk_box_append (GTK_BOX (fields), strength_box);
  gtk_box_append (GTK_BOX (box), fields);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), make_form_button (_("_Cancel"), G_CALLBACK (on_relation_cancel_clicked_cb), self));
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (card), box);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "relation-form");
  gtk_widget_set_visible (card, FALSE);
  g_signal_connect_object (self->relation_kind, "notify::selected", G_CALLBACK (on_relation_kind_cb),
                           self, G_CONNECT_SWAPPED);
  return card;
}

static void
setup_kind (KwChildGroup *self)
{
  static const char * const titles[] = { N_("Affiliations"), N_("Relations"), N_("Contact moments") };
  static const char * const empties[] = { N_("No affiliations yet"), N_("No relations yet"), N_("No contact logged yet") };
  static const char * const adds[] = { N_("Add Affiliation"), N_("Add Relation"), N_("Log a Contact") };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _(titles[self->kind]));
  self->add_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->add_button), "list-add-symbolic");
  gtk_widget_set_tooltip_text (self->add_button, _(adds[self->kind]));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(adds[self->kind]), -1);
  gtk_widget_add_css_class (self->add_button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);

  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _(empties[self->kind]));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);
}

static void
setup_add_popover (KwChildGroup *self)
{
  GtkWidget *popover;

  if (self->kind == KW_RELATED_CONTACT_MOMENTS)
    {
      popover = gtk_popover_new ();
      gtk_popover_set_child (GTK_POPOVER (popover), make_log_form (self));
    }
  else
    {
      const char * const *targets = self->kind == KW_RELATED_RELATIONS ? to_party
        : g_str_equal (self->party_type, "person") ? to_organisation : to_person;

      g_clear_object (&self->chooser);
      self->chooser = g_object_ref_sink (kw_record_chooser_new (self->store, targets, FALSE));
      popover = GTK_WIDGET (self->chooser);
      g_signal_connect_object (popover, "chosen", G_CALLBACK (on_chooser_chosen_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->add_button), popover);
}

/* GObject */

static void
kw_child_group_dispose (GObject *object)
{
  KwChildGroup *self = (KwChildGroup *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);

  G_OBJECT_CLASS (kw_child_group_parent_class)->dispose (object);
}

static void
kw_child_group_finalize (GObject *object)
{
  KwChildGroup *self = (KwChildGroup *) object;

  g_clear_object (&self->store);
  g_free (self->party_type);
  g_free (self->party_id);
  g_free (self->relation_other);

  G_OBJECT_CLASS (kw_child_group_parent_class)->finalize (object);
}

static void
kw_child_group_class_init (KwChildGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_child_group_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_child_group_finalize;
}

static void
kw_child_group_init (KwChildGroup *self)
{
  self->rows = g_ptr_array_new ();
  self->editors = g_ptr_array_new_with_free_func (g_object_unref);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

KwChildGroup *
kw_child_group_new (KwStore       *store,
                      KwRelatedKind  kind)
{
  static const char * const signals[][3] = {
    { "changed::affiliation", "changed::organisation", "changed::person" },
    { "changed::relation", "changed::organisation", "changed::person" },
    { "changed::contact_moment", NULL, NULL },
  };
  KwChildGroup *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= KW_RELATED_CONTACT_MOMENTS, NULL);

  self = g_object_new (KW_TYPE_CHILD_GROUP, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  for (guint i = 0; i < 3 && signals[kind][i]; i++)
    g_signal_connect_swapped (store, signals[kind][i], G_CALLBACK (on_store_changed_cb), self);
  setup_kind (self);
  return self;
}

void
kw_child_group_set_party (KwChildGroup *self,
                            const char     *type_name,
                            const char     *id)
{
  gboolean new_type;

  g_return_if_fail (KW_IS_CHILD_GROUP (self));

  new_type = g_strcmp0 (self->party_type, type_name) != 0;
  g_free (self->party_type);
  g_free (self->party_id);
  self->party_type = g_strdup (type_name);
  self->party_id = g_strdup (id);
  if (new_type && type_name != NULL)
    setup_add_popover (self);
  if (self->chooser != NULL && self->kind == KW_RELATED_RELATIONS)
    kw_record_chooser_set_excluded (self->chooser, id);
  if (new_type && self->kind == KW_RELATED_AFFILIATIONS && g_strcmp0 (type_name, "organisation") == 0)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("People"));
  refresh (self);
}

guint
kw_child_group_get_n_rows (KwChildGroup *self)
{
  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), 0);
  return self->rows->len;
}

KwRecordEditor *
kw_child_group_get_editor (KwChildGroup *self,
                             const char     *id)
{
  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      KwRecord *record = kw_record_editor_get_record (g_ptr_array_index (self->editors, i));

      if (record != NULL && g_strcmp0 (kw_record_get_id (record), id) == 0)
        return g_ptr_array_index (self->editors, i);
    }
  return NULL;
}

char *
kw_child_group_add (KwChildGroup  *self,
                      const char      *other_type,
                      const char      *other_id,
                      GError         **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (record_type (self), error);

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  g_return_val_if_fail (self->party_id != NULL && other_id != NULL, NULL);

  if (self->kind == KW_RELATED_AFFILIATIONS)
    {
      gboolean of_person = g_str_equal (self->party_type, "person");

      kw_changeset_set_string (changes, "person", of_person ? self->party_id : other_id);
      kw_changeset_set_string (changes, "organisation", of_person ? other_id : self->party_id);
    }
  else if (self->kind == KW_RELATED_RELATIONS)
    {
      return kw_child_group_add_relation (self, other_id, "knows", 2, error);
    }
  else
    {
      kw_changeset_set_string (changes, "person", self->party_id);
    }
  return kw_store_create (self->store, changes, error);
}

void
kw_child_group_set_hidden (KwChildGroup *self,
                             const char     *type_name,
                             const char     *id,
                             gboolean        hidden)
{
  g_return_if_fail (KW_IS_CHILD_GROUP (self));

  if (g_strcmp0 (type_name, record_type (self)) != 0 || id == NULL)
    return;
  if (hidden)
    g_hash_table_add (self->hidden, g_strdup (id));
  else
    g_hash_table_remove (self->hidden, id);
  refresh (self);
}

char *
kw_child_group_add_relation (KwChildGroup  *self,
                               const char      *other_id,
                               const char      *kind,
                               int              strength,
                               GError         **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("relation", error);

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  g_return_val_if_fail (self->kind == KW_RELATED_RELATIONS, NULL);
  g_return_val_if_fail (self->party_id != NULL && other_id != NULL, NULL);

  kw_changeset_set_string (changes, "from", self->party_id);
  kw_changeset_set_string (changes, "to", other_id);
  kw_changeset_set_string (changes, "kind", kind);
  kw_changeset_set_string (changes, "sentiment", "neutral");
  kw_changeset_set_int (changes, "strength", strength);
  return kw_store_create (self->store, changes, error);
}

void
kw_child_group_choose (KwChildGroup *self,
                         const char     *other_type,
                         const char     *other_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;

  g_return_if_fail (KW_IS_CHILD_GROUP (self));

  if (other_id == NULL || self->party_id == NULL)
    return;
  if (self->kind != KW_RELATED_RELATIONS)
    {
      if ((made = kw_child_group_add (self, other_type, other_id, &error)) == NULL)
        g_warning ("could not add: %s", error->message);
      return;
    }
  if (self->relation_form == NULL)
    {
      self->relation_form = make_relation_form (self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->relation_form);
    }
  g_free (self->relation_other);
  self->relation_other = g_strdup (other_id);
  gtk_drop_down_set_selected (self->relation_kind, 0);
  gtk_spin_button_set_value (self->relation_strength, 2);
  on_relation_kind_cb (self);
  gtk_widget_set_visible (self->relation_form, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->relation_kind));
}

GtkWidget *
kw_child_group_get_relation_form (KwChildGroup *self)
{
  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  return self->relation_form;
}

KwRecordChooser *
kw_child_group_get_chooser (KwChildGroup *self)
{
  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  return self->chooser;
}
