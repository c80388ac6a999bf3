/* kw-relation-group.c: who a person or organisation is related to, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwChildGroup of relations (either end may be the page's record). A
 * row reads as a sentence ("Ama Owusu represents …"), with its strength
 * as dots and a "Tense" pill; a new relation asks its kind and strength
 * (a form under the rows) before it is stored.
 */
#define G_LOG_DOMAIN "kw-relation-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-relation-group.h"

struct _KwRelationGroup
{
  KwChildGroup   parent_instance;

  /* the form of a new relation, once its other party is chosen */
  GtkLabel      *sentence;
  GtkDropDown   *kind;
  GtkSpinButton *strength;
  char          *other;
};

G_DEFINE_FINAL_TYPE (KwRelationGroup, kw_relation_group, KW_TYPE_CHILD_GROUP)

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
relation_field (const char *name)
{
  return kw_entity_type_field (kw_registry_lookup ("relation"), name);
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

/* Callbacks */

static void
on_kind_selected_cb (KwRelationGroup *self)
{
  KwChildGroup *group = KW_CHILD_GROUP (self);
  const KwField *field = relation_field ("kind");
  guint selected = gtk_drop_down_get_selected (self->kind);
  g_autofree char *from = kw_child_group_dup_party_title (group, relation_field ("from"),
                                                          kw_child_group_get_parent_id (group));
  g_autofree char *to = kw_child_group_dup_party_title (group, relation_field ("to"), self->other);
  g_autofree char *sentence = NULL;

  if (selected == GTK_INVALID_LIST_POSITION || field->values[selected] == NULL)
    return;
  sentence = dup_relation_sentence (field->values[selected], from, to);
  gtk_label_set_label (self->sentence, sentence);
}

static void
on_add_clicked_cb (KwRelationGroup *self)
{
  const KwField *field = relation_field ("kind");
  guint selected = gtk_drop_down_get_selected (self->kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->other == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  id = kw_relation_group_add_relation (self, self->other, field->values[selected],
                                       gtk_spin_button_get_value_as_int (self->strength), &error);
  if (id == NULL)
    g_warning ("could not add the relation: %s", error->message);
  g_clear_pointer (&self->other, g_free);
  gtk_widget_set_visible (kw_child_group_get_form (KW_CHILD_GROUP (self)), FALSE);
}

static void
on_cancel_clicked_cb (KwRelationGroup *self)
{
  g_clear_pointer (&self->other, g_free);
  gtk_widget_set_visible (kw_child_group_get_form (KW_CHILD_GROUP (self)), FALSE);
  gtk_widget_grab_focus (kw_child_group_get_add_button (KW_CHILD_GROUP (self)));
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
make_form (KwRelationGroup *self)
{
  g_autoptr(GListModel) kinds = kw_enum_labels_model (relation_field ("kind"), NULL);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *kind_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *strength_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = make_form_button (_("_Add Relation"), G_CALLBACK (on_add_clicked_cb), self);

  self->sentence = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->sentence, TRUE);
  gtk_label_set_xalign (self->sentence, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->sentence), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->sentence));
  self->kind = GTK_DROP_DOWN (kw_child_group_add_labelled (kind_box, _("_Kind"),
                                                           gtk_drop_down_new (g_object_ref (kinds), NULL)));
  self->strength = GTK_SPIN_BUTTON (kw_child_group_add_labelled (strength_box, _("_Strength (1 to 3)"),
                                                                 gtk_spin_button_new_with_range (1, 3, 1)));
  gtk_spin_button_set_value (self->strength, 2);
  gtk_box_append (GTK_BOX (fields), kind_box);
  gtk_box_append (GTK_BOX (fields), strength_box);
  gtk_box_append (GTK_BOX (box), fields);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), make_form_button (_("_Cancel"), G_CALLBACK (on_cancel_clicked_cb), self));
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
  g_signal_connect_object (self->kind, "notify::selected", G_CALLBACK (on_kind_selected_cb), self, G_CONNECT_SWAPPED);
  return card;
}

/* KwChildGroup */

static char *
kw_relation_group_dup_subtitle (KwChildGroup *group,
                                KwRecord     *record)
{
  g_autofree char *from = kw_child_group_dup_party_title (group, relation_field ("from"),
                                                          kw_record_get_string (record, "from"));
  g_autofree char *to = kw_child_group_dup_party_title (group, relation_field ("to"),
                                                        kw_record_get_string (record, "to"));

  return dup_relation_sentence (kw_record_get_string (record, "kind"), from, to);
}

/* actions are shown in the reverse order: [Tense] [●●○] [remove] */
static void
kw_relation_group_setup_row (KwChildGroup   *group,
                             AdwExpanderRow *row)
{
  GtkWidget *dots = gtk_label_new (NULL);
  GtkWidget *pill = gtk_label_new (_("Tense"));

  gtk_widget_add_css_class (dots, "strength-dots");
  gtk_widget_set_valign (dots, GTK_ALIGN_CENTER);
  adw_expander_row_add_action (row, dots);
  g_object_set_data (G_OBJECT (row), "kw-dots", dots);
  gtk_widget_add_css_class (pill, "badge");
  gtk_widget_add_css_class (pill, "tense");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  adw_expander_row_add_action (row, pill);
  g_object_set_data (G_OBJECT (row), "kw-pill", pill);
}

static void
kw_relation_group_update_row (KwChildGroup   *group,
                              AdwExpanderRow *row,
                              KwRecord       *record)
{
  gboolean tense = g_strcmp0 (kw_record_get_string (record, "sentiment"), "tense") == 0;
  GtkWidget *dots = g_object_get_data (G_OBJECT (row), "kw-dots");
  gint64 strength = kw_record_get_int (record, "strength");
  g_autofree char *text = dup_strength (strength);
  /* Translators: how strong a relation is, for screen readers: "Strength 2 of 3" */
  g_autofree char *spoken = g_strdup_printf (_("Strength %d of 3"), (int) strength);

  gtk_label_set_label (GTK_LABEL (dots), text);
  gtk_widget_set_visible (dots, *text != '\0');
  set_tooltip (dots, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dots), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "kw-pill"), tense);
  if (tense)
    gtk_widget_add_css_class (GTK_WIDGET (row), "tense-relation");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "tense-relation");
}

static char *
kw_relation_group_add (KwChildGroup  *group,
                       const char    *other_type,
                       const char    *other_id,
                       GError       **error)
{
  return kw_relation_group_add_relation (KW_RELATION_GROUP (group), other_id, "knows", 2, error);
}

/* The other party chosen: first its kind and strength. */
static void
kw_relation_group_choose (KwChildGroup *group,
                          const char   *other_type,
                          const char   *other_id)
{
  KwRelationGroup *self = KW_RELATION_GROUP (group);

  if (kw_child_group_get_form (group) == NULL)
    kw_child_group_set_form (group, make_form (self));
  g_free (self->other);
  self->other = g_strdup (other_id);
  gtk_drop_down_set_selected (self->kind, 0);
  gtk_spin_button_set_value (self->strength, 2);
  on_kind_selected_cb (self);
  gtk_widget_set_visible (kw_child_group_get_form (group), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->kind));
}

/* GObject */

static void
kw_relation_group_constructed (GObject *object)
{
  G_OBJECT_CLASS (kw_relation_group_parent_class)->constructed (object);

  kw_child_group_set_texts (KW_CHILD_GROUP (object), _("Relations"), _("No relations yet"), _("Add Relation"),
                            /* Translators: the tooltip of a button; %s is a person or organisation */
                            _("Remove relation with %s"));
}

static void
kw_relation_group_finalize (GObject *object)
{
  g_free (KW_RELATION_GROUP (object)->other);

  G_OBJECT_CLASS (kw_relation_group_parent_class)->finalize (object);
}

static void
kw_relation_group_class_init (KwRelationGroupClass *klass)
{
  KwChildGroupClass *group_class = KW_CHILD_GROUP_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = kw_relation_group_constructed;
  G_OBJECT_CLASS (klass)->finalize = kw_relation_group_finalize;
  group_class->dup_subtitle = kw_relation_group_dup_subtitle;
  group_class->setup_row = kw_relation_group_setup_row;
  group_class->update_row = kw_relation_group_update_row;
  group_class->add = kw_relation_group_add;
  group_class->choose = kw_relation_group_choose;
}

static void
kw_relation_group_init (KwRelationGroup *self)
{
}

/* Public API */

KwChildGroup *
kw_relation_group_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_RELATION_GROUP, "store", store, "child-type", "relation", NULL);
}

char *
kw_relation_group_add_relation (KwRelationGroup  *self,
                                const char       *other_id,
                                const char       *kind,
                                int               strength,
                                GError          **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("relation", error);
  const char *party;

  g_return_val_if_fail (KW_IS_RELATION_GROUP (self), NULL);
  g_return_val_if_fail ((party = kw_child_group_get_parent_id (KW_CHILD_GROUP (self))) != NULL, NULL);
  g_return_val_if_fail (other_id != NULL, NULL);

  kw_changeset_set_string (changes, "from", party);
  kw_changeset_set_string (changes, "to", other_id);
  kw_changeset_set_string (changes, "kind", kind);
  kw_changeset_set_string (changes, "sentiment", "neutral");
  kw_changeset_set_int (changes, "strength", strength);
  return kw_store_create (kw_child_group_get_store (KW_CHILD_GROUP (self)), changes, error);
}
