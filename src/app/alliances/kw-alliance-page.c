/* kw-alliance-page.c: one neighbourhood alliance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwRecordPage with the alliance's status badge, its details and
 * shared challenge, its partners (added from the contacts with the
 * record chooser), the prospects being recruited, who is missing at
 * the table, its action lines with their budgets and the alliance's
 * total (kw_analysis_budget, as `report budget`), its open actions and
 * meetings. A new alliance is a draft, as a new person is.
 */
#define G_LOG_DOMAIN "kw-alliance-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-action-line-group.h"
#include "kw-after-frame.h"
#include "kw-alliance-gaps.h"
#include "kw-alliance-list-group.h"
#include "kw-alliances-private.h"
#include "kw-analysis.h"
#include "kw-enum-labels.h"
#include "kw-export-button.h"
#include "kw-format.h"
#include "kw-view.h"
#include "map/kw-map-list-group.h"

struct _KwAlliancePage
{
  KwRecordPage         parent_instance;

  KwChildGroup        *partners;
  KwChildGroup        *lines;
  KwAllianceGaps      *gaps;
  KwAllianceListGroup *recruiting;
  KwAllianceListGroup *actions;
  KwAllianceListGroup *meetings;
  KwMapListGroup      *maps;

  AdwPreferencesGroup *challenge_group;
  GtkWidget           *delete_button;
  AdwPreferencesGroup *description_group;
  AdwPreferencesGroup *details_group;
  GtkWidget           *over_badge;
  GtkWidget           *related_box;
  GtkLabel            *status_badge;
  GtkWidget           *total_group;
  GtkWidget           *total_over_badge;
  AdwActionRow        *total_row;
};

G_DEFINE_FINAL_TYPE (KwAlliancePage, kw_alliance_page, KW_TYPE_RECORD_PAGE)

static const char * const detail_fields[] = { "name", "area", "status", "started", NULL };

/* Helpers */

static void
update_total (KwAlliancePage *self,
              const char     *alliance_id)
{
  g_autoptr(KwAnalysisBudgets) budgets = kw_analysis_budget (kw_record_page_get_store (KW_RECORD_PAGE (self)),
                                                            alliance_id, NULL, NULL);
  KwAnalysisBudget *total = budgets && budgets->alliances->len ? g_ptr_array_index (budgets->alliances, 0) : NULL;
  g_autofree char *budget = kw_format_cents (total ? total->budget_cents : 0);
  g_autofree char *spent = kw_format_cents (total ? total->spent_cents : 0);
  g_autofree char *remaining = kw_format_cents (total ? total->remaining_cents : 0);
  g_autofree char *subtitle = g_strdup_printf (_("budget %s, spent %s, remaining %s"), budget, spent, remaining);

  adw_action_row_set_subtitle (self->total_row, subtitle);
  gtk_widget_set_visible (self->total_over_badge, total != NULL && total->over);
  gtk_widget_set_visible (self->over_badge, total != NULL && total->over);
  gtk_widget_set_visible (self->total_group, total != NULL && total->lines->len > 0);
}

static void
popup_add_button (KwChildGroup *group)
{
  GtkWidget *button = kw_child_group_get_add_button (group);

  if (gtk_widget_get_visible (button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
}

/* Actions */

static void
add_prospect_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = kw_alliance_page_add_prospect (KW_ALLIANCE_PAGE (widget),
                                                      g_variant_get_string (parameter, NULL), &error);

  GtkWidget *view = gtk_widget_get_ancestor (widget, KW_TYPE_VIEW);

  /* the window turns the error into a toast */
  if (id == NULL && view != NULL)
    {
      g_autofree char *title = g_markup_escape_text (error->message, -1);

      kw_view_show_toast (KW_VIEW (view), adw_toast_new (title));
    }
}

static void
add_partner_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  popup_add_button (KW_ALLIANCE_PAGE (widget)->partners);
}

static void
add_action_line_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  popup_add_button (KW_ALLIANCE_PAGE (widget)->lines);
}

/* Below the fold: who is missing, open actions, meetings. */
static void
fill_lower_sections (KwAlliancePage *self,
                     const char     *id)
{
  kw_alliance_gaps_set_alliance (self->gaps, id);
  kw_alliance_list_group_set_alliance (self->actions, id);
  kw_alliance_list_group_set_alliance (self->meetings, id);
}

static void
fill_lower_sections_cb (GtkWidget *widget,
                        gpointer   id)
{
  fill_lower_sections (KW_ALLIANCE_PAGE (widget), id);
}

/* Opening a page shows its top at once; the long lists below it (a
 * hundred gaps, actions and meetings on city-scale data, two thirds of
 * the first frame) come one frame later. */
static void
fill_lower_sections_after_frame (KwAlliancePage *self,
                                 const char     *id)
{
  if (id == NULL)
    {
      kw_after_frame_cancel (GTK_WIDGET (self), "kw-lower-sections");
      fill_lower_sections (self, NULL);
      return;
    }
  fill_lower_sections (self, NULL);
  kw_after_frame (GTK_WIDGET (self), "kw-lower-sections", fill_lower_sections_cb, g_strdup (id), g_free);
}

/* KwRecordPage */

static void
kw_alliance_page_reload (KwRecordPage *page,
                         KwRecord     *record,
                         gboolean      same)
{
  KwAlliancePage *self = KW_ALLIANCE_PAGE (page);
  const KwField *field = kw_entity_type_field (kw_record_get_entity_type (record), "status");
  const char *status = kw_record_get_string (record, "status");
  const char *id = kw_record_get_id (record);
  const char * const areas[] = { "area", NULL };
  g_autofree char *area = kw_store_dup_reference_title (kw_record_page_get_store (page), areas,
                                                        kw_record_get_string (record, "area"));
  guint n = kw_child_group_get_n_rows (self->partners);
  g_autofree char *partners = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner", "%u partners", n), n);
  g_autofree char *subtitle = area ? g_strdup_printf ("%s · %s", area, partners) : g_strdup (partners);

  kw_record_page_set_subtitle (page, subtitle);
  gtk_label_set_label (self->status_badge, status ? kw_enum_label (field, status) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_badge), status != NULL);
  update_total (self, id);
  if (!same)
    {
      /* each refreshes itself when the store changes what it shows */
      kw_alliance_list_group_set_alliance (self->recruiting, id);
      kw_map_list_group_set_alliance (self->maps, id);
      fill_lower_sections_after_frame (self, id);
    }
}

/* GObject */

static void
kw_alliance_page_constructed (GObject *object)
{
  KwAlliancePage *self = KW_ALLIANCE_PAGE (object);
  KwRecordPage *page = KW_RECORD_PAGE (object);
  KwStore *store;
  GtkWidget *parts[7];

  G_OBJECT_CLASS (kw_alliance_page_parent_class)->constructed (object);

  store = kw_record_page_get_store (page);
  kw_record_page_add_badge (page, GTK_WIDGET (self->status_badge));
  kw_record_page_add_badge (page, self->over_badge);
  kw_record_page_add_section (page, GTK_WIDGET (self->details_group), FALSE);
  kw_record_page_add_section (page, GTK_WIDGET (self->challenge_group), FALSE);
  kw_record_page_add_section (page, self->related_box, TRUE);
  kw_record_page_add_section (page, GTK_WIDGET (self->description_group), FALSE);
  kw_record_page_add_section (page, kw_export_button_new (), TRUE);
  kw_record_page_add_section (page, self->delete_button, TRUE);
  kw_record_page_add_rows (page, self->details_group, detail_fields);
  kw_record_page_add_text_view (page, self->challenge_group, "challenge");
  kw_record_page_add_text_view (page, self->description_group, "description");

  self->partners = kw_child_group_new (store, "alliance_partner");
  kw_child_group_set_texts (self->partners, _("Partners"), _("No partners yet"), _("Add a Partner"),
                            _("Remove partner %s"));
  self->recruiting = kw_alliance_list_group_new (store, KW_ALLIANCE_LIST_RECRUITING);
  self->gaps = kw_alliance_gaps_new (store);
  self->lines = kw_action_line_group_new (store);
  self->actions = kw_alliance_list_group_new (store, KW_ALLIANCE_LIST_ACTIONS);
  self->meetings = kw_alliance_list_group_new (store, KW_ALLIANCE_LIST_MEETINGS);
  parts[0] = GTK_WIDGET (self->partners);
  parts[1] = GTK_WIDGET (self->recruiting);
  parts[2] = GTK_WIDGET (self->gaps);
  parts[3] = GTK_WIDGET (self->lines);
  parts[4] = self->total_group;
  parts[5] = GTK_WIDGET (self->actions);
  parts[6] = GTK_WIDGET (self->meetings);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    gtk_box_append (GTK_BOX (self->related_box), parts[i]);
  kw_record_page_add_child_group (page, self->partners);
  kw_record_page_add_child_group (page, self->lines);
  /* its stakeholder maps, last (kw-map-list-group.c) */
  self->maps = kw_map_list_group_new (store);
  gtk_box_append (GTK_BOX (self->related_box), GTK_WIDGET (self->maps));
}

static void
kw_alliance_page_dispose (GObject *object)
{
  kw_after_frame_cancel (GTK_WIDGET (object), "kw-lower-sections");
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_ALLIANCE_PAGE);

  G_OBJECT_CLASS (kw_alliance_page_parent_class)->dispose (object);
}

static void
kw_alliance_page_class_init (KwAlliancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kw_alliance_page_constructed;
  object_class->dispose = kw_alliance_page_dispose;
  KW_RECORD_PAGE_CLASS (klass)->reload = kw_alliance_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/alliances/kw-alliance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwAlliancePage, challenge_group);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancePage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancePage, description_group);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancePage, details_group);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancePage, over_badge);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancePage, related_box);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancePage, status_badge);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancePage, total_group);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancePage, total_over_badge);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancePage, total_row);

  kw_record_page_class_install_actions (KW_RECORD_PAGE_CLASS (klass), "alliance");
  gtk_widget_class_install_action (widget_class, "alliance.add-partner", NULL, add_partner_action);
  gtk_widget_class_install_action (widget_class, "alliance.add-action-line", NULL, add_action_line_action);
  gtk_widget_class_install_action (widget_class, "alliance.add-prospect", "s", add_prospect_action);
}

static void
kw_alliance_page_init (KwAlliancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

KwAlliancePage *
kw_alliance_page_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_ALLIANCE_PAGE, "store", store, "type-name", "alliance", NULL);
}

void
kw_alliance_page_set_id (KwAlliancePage *self,
                         const char     *id)
{
  g_return_if_fail (KW_IS_ALLIANCE_PAGE (self));
  kw_record_page_set_id (KW_RECORD_PAGE (self), id);
}

void
kw_alliance_page_start_draft (KwAlliancePage *self)
{
  g_return_if_fail (KW_IS_ALLIANCE_PAGE (self));

  kw_record_page_start_draft (KW_RECORD_PAGE (self), _("New Alliance"), _("Leave without adding an alliance"),
                              _("Add this alliance"));
}

char *
kw_alliance_page_add_prospect (KwAlliancePage  *self,
                               const char      *party_id,
                               GError         **error)
{
  const char *alliance = kw_record_page_get_id (KW_RECORD_PAGE (self));
  g_autoptr(KwChangeset) changes = NULL;

  g_return_val_if_fail (KW_IS_ALLIANCE_PAGE (self), NULL);
  g_return_val_if_fail (party_id != NULL, NULL);

  if ((changes = kw_changeset_new ("alliance_partner", error)) == NULL)
    return NULL;
  kw_changeset_set_string (changes, "alliance", alliance);
  kw_changeset_set_string (changes, "party", party_id);
  kw_changeset_set_string (changes, "status", "prospective");
  return kw_store_create (kw_record_page_get_store (KW_RECORD_PAGE (self)), changes, error);
}

GtkWidget *
_kw_alliance_page_get_part (KwAlliancePage *self,
                            const char     *name)
{
  g_return_val_if_fail (KW_IS_ALLIANCE_PAGE (self), NULL);

  if (g_str_equal (name, "gaps"))
    return GTK_WIDGET (self->gaps);
  if (g_str_equal (name, "recruiting"))
    return GTK_WIDGET (self->recruiting);
  if (g_str_equal (name, "actions"))
    return GTK_WIDGET (self->actions);
  if (g_str_equal (name, "meetings"))
    return GTK_WIDGET (self->meetings);
  if (g_str_equal (name, "total"))
    return GTK_WIDGET (self->total_row);
  if (g_str_equal (name, "over"))
    return self->over_badge;
  return NULL;
}
