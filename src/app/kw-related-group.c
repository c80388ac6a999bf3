/* kw-related-group.c: the records that hang off a person or organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Affiliations, relations or contact moments of one party, each as an
 * expander row whose fields are edited in place (KwRecordEditor). Rows
 * are rebuilt only when the set of records changes, so that editing
 * one does not collapse it.
 */
#define G_LOG_DOMAIN "kw-related-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-record-chooser.h"
#include "kw-record-editor.h"
#include "kw-related-group.h"

struct _KwRelatedGroup
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
  /* the contact moment form */
  GtkEditable         *date_entry;
  GtkEditable         *channel_entry;
  GtkEditable         *summary_entry;
};

G_DEFINE_FINAL_TYPE (KwRelatedGroup, kw_related_group, ADW_TYPE_PREFERENCES_GROUP)

static const char * const to_organisation[] = { "organisation", NULL };
static const char * const to_person[] = { "person", NULL };
static const char * const to_party[] = { "person", "organisation", NULL };

/* Helpers */

static const char *
record_type (KwRelatedGroup *self)
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
list_records (KwRelatedGroup *self)
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
dup_party_title (KwRelatedGroup *self,
                 const char     *id)
{
  const char *type = id ? kw_store_find_type (self->store, (const char * const *) to_party, id) : NULL;
  g_autoptr(KwRecord) record = type ? kw_store_get (self->store, type, id, NULL) : NULL;

  return record ? kw_record_dup_title (record) : g_strdup (_("Unknown or deleted"));
}

static const char *
other_id (KwRelatedGroup *self,
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

static char *
dup_subtitle (KwRelatedGroup *self,
              KwRecord       *record)
{
  const KwEntityType *type = kw_record_get_entity_type (record);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (self->kind == KW_RELATED_AFFILIATIONS)
    {
      a = g_strdup (kw_record_get_string (record, "role"));
      b = dup_period (record);
    }
  else if (self->kind == KW_RELATED_RELATIONS)
    {
      a = g_strdup (kw_enum_label (kw_entity_type_field (type, "kind"), kw_record_get_string (record, "kind")));
      b = dup_strength (kw_record_get_int (record, "strength"));
    }
  else
    {
      a = kw_format_date (kw_record_get_string (record, "date"));
      b = g_strdup (kw_record_get_string (record, "channel"));
    }
  if (a && *a && b && *b)
    return g_strdup_printf ("%s · %s", a, b);
  return g_strdup (a && *a ? a : b && *b ? b : "");
}

static char *
dup_title (KwRelatedGroup *self,
           KwRecord       *record)
{
  const char *summary;

  if (self->kind != KW_RELATED_CONTACT_MOMENTS)
    return dup_party_title (self, other_id (self, record));
  summary = kw_record_get_string (record, "summary");
  return g_strdup (summary && *summary ? summary : _("No summary"));
}

static void
update_row (KwRelatedGroup *self,
            GtkWidget      *row,
            KwRecord       *record)
{
  g_autofree char *title = dup_title (self, record);
  g_autofree char *subtitle = dup_subtitle (self, record);
  gboolean tense = g_strcmp0 (kw_record_get_string (record, "sentiment"), "tense") == 0;
  GtkWidget *pill = g_object_get_data (G_OBJECT (row), "kw-pill");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
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
                      KwRelatedGroup *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "kw-id");

  /* the window deletes it when its undo toast goes */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-record", "(ss)", record_type (self), id);
}

static void
on_chooser_chosen_cb (KwRelatedGroup *self,
                      const char     *type_name,
                      const char     *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = kw_related_group_add (self, type_name, id, &error);

  if (made == NULL)
    g_warning ("could not add: %s", error->message);
}

static void
on_log_clicked_cb (KwRelatedGroup *self,
                   GtkButton      *button)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("contact_moment", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  kw_changeset_set_string (changes, "person", self->party_id);
  if (!kw_changeset_set_text (changes, "date", gtk_editable_get_text (self->date_entry), &error)
      || !kw_changeset_set_text (changes, "channel", gtk_editable_get_text (self->channel_entry), &error)
      || !kw_changeset_set_text (changes, "summary", gtk_editable_get_text (self->summary_entry), &error)
      || (id = kw_store_create (self->store, changes, &error)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_entry), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_entry), NULL);
  gtk_editable_set_text (self->summary_entry, "");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->add_button));
}

/* Building */

static GtkWidget *
make_row (KwRelatedGroup *self,
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
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "kw-id", g_strdup (kw_record_get_id (record)), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
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
same_records (KwRelatedGroup *self,
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
rebuild (KwRelatedGroup *self,
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
refresh (KwRelatedGroup *self)
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
on_store_changed_cb (KwRelatedGroup *self)
{
  refresh (self);
}

static GtkWidget *
make_log_form (KwRelatedGroup *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Log Contact"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  struct { GtkEditable **slot; const char *placeholder; } entries[] = {
    { &self->date_entry, _("Date (YYYY-MM-DD)") },
    { &self->channel_entry, _("Channel: phone, visit, e-mail…") },
    { &self->summary_entry, _("What did you talk about?") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), entries[i].placeholder);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      entries[i].placeholder, -1);
      gtk_box_append (GTK_BOX (box), entry);
      *entries[i].slot = GTK_EDITABLE (entry);
    }
  gtk_editable_set_text (self->date_entry, today);
  gtk_widget_set_size_request (box, 300, -1);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_log_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->summary_entry, "activate", G_CALLBACK (on_log_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
setup_kind (KwRelatedGroup *self)
{
  static const char * const titles[] = { N_("Affiliations"), N_("Relations"), N_("Contact moments") };
  static const char * const empties[] = { N_("No affiliations yet"), N_("No relations yet"), N_("No contact logged yet") };
  static const char * const adds[] = { N_("Add Affiliation"), N_("Add Relation"), N_("Log a Contact") };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _(titles[self->kind]));
  self->add_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->add_button), "list-add-symbolic");
  gtk_widget_set_tooltip_text (self->add_button, _(adds[self->kind]));
  gtk_widget_add_css_class (self->add_button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);

  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _(empties[self->kind]));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);
}

static void
setup_add_popover (KwRelatedGroup *self)
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

      popover = GTK_WIDGET (kw_record_chooser_new (self->store, targets, FALSE));
      g_signal_connect_object (popover, "chosen", G_CALLBACK (on_chooser_chosen_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->add_button), popover);
}

/* GObject */

static void
kw_related_group_dispose (GObject *object)
{
  KwRelatedGroup *self = (KwRelatedGroup *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);

  G_OBJECT_CLASS (kw_related_group_parent_class)->dispose (object);
}

static void
kw_related_group_finalize (GObject *object)
{
  KwRelatedGroup *self = (KwRelatedGroup *) object;

  g_clear_object (&self->store);
  g_free (self->party_type);
  g_free (self->party_id);

  G_OBJECT_CLASS (kw_related_group_parent_class)->finalize (object);
}

static void
kw_related_group_class_init (KwRelatedGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_related_group_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_related_group_finalize;
}

static void
kw_related_group_init (KwRelatedGroup *self)
{
  self->rows = g_ptr_array_new ();
  self->editors = g_ptr_array_new_with_free_func (g_object_unref);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

KwRelatedGroup *
kw_related_group_new (KwStore       *store,
                      KwRelatedKind  kind)
{
  static const char * const signals[][3] = {
    { "changed::affiliation", "changed::organisation", "changed::person" },
    { "changed::relation", "changed::organisation", "changed::person" },
    { "changed::contact_moment", NULL, NULL },
  };
  KwRelatedGroup *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= KW_RELATED_CONTACT_MOMENTS, NULL);

  self = g_object_new (KW_TYPE_RELATED_GROUP, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  for (guint i = 0; i < 3 && signals[kind][i]; i++)
    g_signal_connect_swapped (store, signals[kind][i], G_CALLBACK (on_store_changed_cb), self);
  setup_kind (self);
  return self;
}

void
kw_related_group_set_party (KwRelatedGroup *self,
                            const char     *type_name,
                            const char     *id)
{
  gboolean new_type;

  g_return_if_fail (KW_IS_RELATED_GROUP (self));

  new_type = g_strcmp0 (self->party_type, type_name) != 0;
  g_free (self->party_type);
  g_free (self->party_id);
  self->party_type = g_strdup (type_name);
  self->party_id = g_strdup (id);
  if (new_type && type_name != NULL)
    setup_add_popover (self);
  if (new_type && self->kind == KW_RELATED_AFFILIATIONS && g_strcmp0 (type_name, "organisation") == 0)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("People"));
  refresh (self);
}

guint
kw_related_group_get_n_rows (KwRelatedGroup *self)
{
  g_return_val_if_fail (KW_IS_RELATED_GROUP (self), 0);
  return self->rows->len;
}

KwRecordEditor *
kw_related_group_get_editor (KwRelatedGroup *self,
                             const char     *id)
{
  g_return_val_if_fail (KW_IS_RELATED_GROUP (self), NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      KwRecord *record = kw_record_editor_get_record (g_ptr_array_index (self->editors, i));

      if (record != NULL && g_strcmp0 (kw_record_get_id (record), id) == 0)
        return g_ptr_array_index (self->editors, i);
    }
  return NULL;
}

char *
kw_related_group_add (KwRelatedGroup  *self,
                      const char      *other_type,
                      const char      *other_id,
                      GError         **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (record_type (self), error);

  g_return_val_if_fail (KW_IS_RELATED_GROUP (self), NULL);
  g_return_val_if_fail (self->party_id != NULL && other_id != NULL, NULL);

  if (self->kind == KW_RELATED_AFFILIATIONS)
    {
      gboolean of_person = g_str_equal (self->party_type, "person");

      kw_changeset_set_string (changes, "person", of_person ? self->party_id : other_id);
      kw_changeset_set_string (changes, "organisation", of_person ? other_id : self->party_id);
    }
  else if (self->kind == KW_RELATED_RELATIONS)
    {
      kw_changeset_set_string (changes, "from", self->party_id);
      kw_changeset_set_string (changes, "to", other_id);
      kw_changeset_set_string (changes, "kind", "knows");
      kw_changeset_set_string (changes, "sentiment", "neutral");
      kw_changeset_set_int (changes, "strength", 2);
    }
  else
    {
      kw_changeset_set_string (changes, "person", self->party_id);
    }
  return kw_store_create (self->store, changes, error);
}

void
kw_related_group_set_hidden (KwRelatedGroup *self,
                             const char     *type_name,
                             const char     *id,
                             gboolean        hidden)
{
  g_return_if_fail (KW_IS_RELATED_GROUP (self));

  if (g_strcmp0 (type_name, record_type (self)) != 0 || id == NULL)
    return;
  if (hidden)
    g_hash_table_add (self->hidden, g_strdup (id));
  else
    g_hash_table_remove (self->hidden, id);
  refresh (self);
}
