/* kw-alliance-row.c: an alliance in the alliances list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-alliance-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-alliance-row.h"
#include "kw-analysis.h"
#include "kw-enum-labels.h"

struct _KwAllianceRow
{
  GtkBox     parent_instance;

  GtkWidget *name;
  GtkWidget *details;
  GtkWidget *over;
  KwStore   *store;
  char      *alliance_id;
};

G_DEFINE_FINAL_TYPE (KwAllianceRow, kw_alliance_row, GTK_TYPE_BOX)

static GtkWidget *
make_label (GtkWidget  *box,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
kw_alliance_row_finalize (GObject *object)
{
  KwAllianceRow *self = KW_ALLIANCE_ROW (object);

  g_clear_object (&self->store);
  g_free (self->alliance_id);

  G_OBJECT_CLASS (kw_alliance_row_parent_class)->finalize (object);
}

static void
kw_alliance_row_class_init (KwAllianceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_alliance_row_finalize;
}

static void
kw_alliance_row_init (KwAllianceRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (self), text);
  self->name = make_label (text, "heading");
  self->details = make_label (text, "dim-label");
  gtk_widget_add_css_class (self->details, "caption");
  self->over = gtk_label_new (_("Over budget"));
  gtk_widget_add_css_class (self->over, "badge");
  gtk_widget_add_css_class (self->over, "error");
  gtk_widget_set_valign (self->over, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self), self->over);
}

GtkWidget *
kw_alliance_row_new (void)
{
  return g_object_new (KW_TYPE_ALLIANCE_ROW, NULL);
}

void
kw_alliance_row_bind (KwAllianceRow *self,
                      KwStore       *store,
                      KwRecord      *alliance)
{
  const char * const areas[] = { "area", NULL };
  const KwField *field = kw_entity_type_field (kw_record_get_entity_type (alliance), "status");
  const char *status = kw_record_get_string (alliance, "status");
  g_autofree char *title = kw_record_dup_title (alliance);
  g_autofree char *area = kw_store_dup_reference_title (store, areas, kw_record_get_string (alliance, "area"));
  g_autofree char *details = NULL;

  g_return_if_fail (KW_IS_ALLIANCE_ROW (self));

  g_set_object (&self->store, store);
  g_free (self->alliance_id);
  self->alliance_id = g_strdup (kw_record_get_id (alliance));

  if (area != NULL && status != NULL)
    details = g_strdup_printf ("%s · %s", area, kw_enum_label (field, status));
  else
    details = g_strdup (area ? area : status ? kw_enum_label (field, status) : "");
  gtk_label_set_label (GTK_LABEL (self->name), title);
  gtk_label_set_label (GTK_LABEL (self->details), details);
  gtk_widget_set_visible (self->details, *details != '\0');
  kw_alliance_row_update_budget (self);
}

void
kw_alliance_row_update_budget (KwAllianceRow *self)
{
  g_autoptr(KwAnalysisBudgets) budgets = NULL;
  KwAnalysisBudget *budget;

  g_return_if_fail (KW_IS_ALLIANCE_ROW (self));

  if (self->alliance_id != NULL)
    budgets = kw_analysis_budget (self->store, self->alliance_id, NULL, NULL);
  budget = budgets && budgets->alliances->len ? g_ptr_array_index (budgets->alliances, 0) : NULL;
  gtk_widget_set_visible (self->over, budget != NULL && budget->over);
}
