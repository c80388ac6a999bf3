/* kw-action-line-group.c: an alliance's action lines with their budgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwChildGroup of action lines. A row says the line's status, budget,
 * spent and remaining in euros (the numbers of kw_analysis_budget, the
 * same as `kwartier-cli report budget`) and carries an "Over budget"
 * badge when more was spent than budgeted. An action line refers to
 * nothing but its alliance, so the add button opens a small form for
 * its title instead of a chooser.
 */
#define G_LOG_DOMAIN "kw-action-line-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-action-line-group.h"
#include "kw-analysis.h"
#include "kw-enum-labels.h"
#include "kw-format.h"

struct _KwActionLineGroup
{
  KwChildGroup  parent_instance;

  GtkEditable  *title_entry;
  GtkWidget    *message;
};

G_DEFINE_FINAL_TYPE (KwActionLineGroup, kw_action_line_group, KW_TYPE_CHILD_GROUP)

/* Helpers */

/* The line's numbers as the budget report has them, or NULL. */
static KwAnalysisBudget *
dup_line_budget (KwChildGroup *group,
                 const char   *line_id)
{
  g_autoptr(KwAnalysisBudgets) budgets = NULL;
  KwAnalysisBudget *alliance;

  if (kw_child_group_get_parent_id (group) == NULL
      || (budgets = kw_analysis_budget (kw_child_group_get_store (group), kw_child_group_get_parent_id (group),
                                        NULL, NULL)) == NULL
      || budgets->alliances->len == 0)
    return NULL;
  alliance = g_ptr_array_index (budgets->alliances, 0);
  for (guint i = 0; i < alliance->lines->len; i++)
    {
      KwAnalysisBudget *line = g_ptr_array_index (alliance->lines, i);

      if (g_str_equal (line->id, line_id))
        return g_ptr_array_steal_index (alliance->lines, i);
    }
  return NULL;
}

/* Callbacks */

static void
on_add_clicked_cb (KwActionLineGroup *self)
{
  KwChildGroup *group = KW_CHILD_GROUP (self);
  g_autoptr(KwChangeset) changes = kw_changeset_new ("action_line", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  kw_changeset_set_string (changes, "alliance", kw_child_group_get_parent_id (group));
  if (!kw_changeset_set_text (changes, "title", gtk_editable_get_text (self->title_entry), &error)
      || (id = kw_store_create (kw_child_group_get_store (group), changes, &error)) == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->message), error->message);
      gtk_widget_set_visible (self->message, TRUE);
      return;
    }
  gtk_widget_set_visible (self->message, FALSE);
  gtk_editable_set_text (self->title_entry, "");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (kw_child_group_get_add_button (group)));
}

/* KwChildGroup */

static char *
kw_action_line_group_dup_subtitle (KwChildGroup *group,
                                   KwRecord     *record)
{
  const KwField *status = kw_entity_type_field (kw_record_get_entity_type (record), "status");
  const char *value = kw_record_get_string (record, "status");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  KwAnalysisBudget *line = dup_line_budget (group, kw_record_get_id (record));

  g_autofree char *owner = kw_format_ref_title (kw_child_group_get_store (group),
                                                kw_entity_type_field (kw_record_get_entity_type (record), "owner"),
                                                kw_record_get_string (record, "owner"));
  g_autofree char *start = kw_format_date_long (kw_record_get_string (record, "start"));
  g_autofree char *end = kw_format_date_long (kw_record_get_string (record, "end"));

  if (kw_record_get_string (record, "owner") != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&owner));
  if (value != NULL)
    g_ptr_array_add (parts, g_strdup (kw_enum_label (status, value)));
  /* TRANSLATORS: an action line's period, from its start to its end date */
  if (start != NULL || end != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("%s – %s"), start ? start : "…", end ? end : "…"));
  if (line != NULL)
    {
      g_autofree char *budget = kw_format_cents (line->budget_cents);
      g_autofree char *spent = kw_format_cents (line->spent_cents);
      g_autofree char *remaining = kw_format_cents (line->remaining_cents);

      /* TRANSLATORS: an action line's budget, spent and remaining, as euros */
      g_ptr_array_add (parts, g_strdup_printf (_("budget %s, spent %s, remaining %s"), budget, spent, remaining));
      kw_analysis_budget_free (line);
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
kw_action_line_group_setup_row (KwChildGroup   *group,
                                AdwExpanderRow *row)
{
  GtkWidget *badge = gtk_label_new (_("Over budget"));

  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, "over-budget");
  gtk_widget_add_css_class (badge, "error");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (badge, FALSE);
  g_object_set_data (G_OBJECT (row), "kw-over-badge", badge);
  /* actions are shown in the reverse order: [over budget] [remove] */
  adw_expander_row_add_action (row, badge);
}

static void
kw_action_line_group_update_row (KwChildGroup   *group,
                                 AdwExpanderRow *row,
                                 KwRecord       *record)
{
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "kw-over-badge");
  KwAnalysisBudget *line = dup_line_budget (group, kw_record_get_id (record));

  gtk_widget_set_visible (badge, line != NULL && line->over);
  g_clear_pointer (&line, kw_analysis_budget_free);
}

static GtkWidget *
kw_action_line_group_make_add_popover (KwChildGroup *group)
{
  KwActionLineGroup *self = KW_ACTION_LINE_GROUP (group);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Action Line"));

  self->title_entry = GTK_EDITABLE (kw_child_group_add_labelled (box, _("_Title"), gtk_entry_new ()));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->title_entry), _("For example Neighbourhood festival"));
  self->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_widget_add_css_class (self->message, "caption");
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_box_append (GTK_BOX (box), self->message);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_margin_top (button, 6);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_size_request (box, 300, -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_entry, "activate", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

/* GObject */

static void
kw_action_line_group_constructed (GObject *object)
{
  G_OBJECT_CLASS (kw_action_line_group_parent_class)->constructed (object);

  kw_child_group_set_texts (KW_CHILD_GROUP (object), _("Action lines"), _("No action lines yet"),
                            _("Add an Action Line"), _("Remove action line %s"));
}

static void
kw_action_line_group_class_init (KwActionLineGroupClass *klass)
{
  KwChildGroupClass *group_class = KW_CHILD_GROUP_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = kw_action_line_group_constructed;
  group_class->dup_subtitle = kw_action_line_group_dup_subtitle;
  group_class->setup_row = kw_action_line_group_setup_row;
  group_class->update_row = kw_action_line_group_update_row;
  group_class->make_add_popover = kw_action_line_group_make_add_popover;
}

static void
kw_action_line_group_init (KwActionLineGroup *self)
{
}

/* Public API */

KwChildGroup *
kw_action_line_group_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_ACTION_LINE_GROUP, "store", store, "child-type", "action_line", NULL);
}
