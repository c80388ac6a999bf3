/* kw-alliances-view.c: the Neighbourhood Alliances view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of alliances (a KwRecordList: search, the area and status
 * filters in SQL; an area takes its sub-areas) beside the page of the
 * chosen one; in a narrow window the two fold into one column. Above the
 * list the budget totals of the alliances in the chosen area (or all),
 * as `kwartier-cli report budget --area` has them.
 */
#define G_LOG_DOMAIN "kw-alliances-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-alliance-page.h"
#include "kw-alliance-row.h"
#include "kw-alliances-private.h"
#include "kw-area-choices.h"
#include "kw-analysis.h"
#include "kw-enum-labels.h"
#include "kw-format.h"
#include "networks/kw-load-window.h"

struct _KwAlliancesView
{
  KwView          parent_instance;

  KwStore        *store;
  KwRecordList   *alliances;
  GPtrArray      *area_ids;     /* position - 1 in the area drop-down → id */
  GPtrArray      *rows;         /* the list's KwAllianceRows */
  char           *open_id;
  KwAlliancePage *page;
  char           *totals;

  GtkDropDown    *area_dropdown;
  GtkStack       *detail_stack;
  AdwLeaflet     *leaflet;
  KwListPane     *list_pane;
  GtkDropDown    *status_dropdown;
  GtkLabel       *totals_label;
};

G_DEFINE_FINAL_TYPE (KwAlliancesView, kw_alliances_view, KW_TYPE_VIEW)

/* Helpers */

static const char *
chosen_area (KwAlliancesView *self)
{
  guint area = gtk_drop_down_get_selected (self->area_dropdown);

  return area != GTK_INVALID_LIST_POSITION && area > 0 && area - 1 < self->area_ids->len
         ? g_ptr_array_index (self->area_ids, area - 1) : NULL;
}

static const char *
chosen_status (KwAlliancesView *self)
{
  const KwField *status = kw_entity_type_field (kw_registry_lookup ("alliance"), "status");
  guint chosen = gtk_drop_down_get_selected (self->status_dropdown);

  return chosen != GTK_INVALID_LIST_POSITION && chosen > 0 ? status->values[chosen - 1] : NULL;
}

static void
load_areas (KwAlliancesView *self)
{
  g_autoptr(GListModel) names = kw_area_choices_new (self->store, _("All areas"), self->area_ids);

  gtk_drop_down_set_model (self->area_dropdown, names);
}

/* The totals of the alliances of the area (all without one). */
static void
update_totals (KwAlliancesView *self)
{
  g_autoptr(KwAnalysisBudgets) budgets = kw_analysis_budget (self->store, NULL, chosen_area (self), NULL);
  g_autofree char *budget = kw_format_cents (budgets ? budgets->budget_cents : 0);
  g_autofree char *spent = kw_format_cents (budgets ? budgets->spent_cents : 0);
  g_autofree char *remaining = kw_format_cents (budgets ? budgets->remaining_cents : 0);
  guint n = budgets ? budgets->alliances->len : 0;

  g_free (self->totals);
  self->totals = chosen_area (self)
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In this area, %u alliance: budget %s, spent %s, remaining %s",
                                    "In this area, %u alliances: budget %s, spent %s, remaining %s", n),
                       n, budget, spent, remaining)
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u alliance: budget %s, spent %s, remaining %s",
                                    "All %u alliances: budget %s, spent %s, remaining %s", n),
                       n, budget, spent, remaining);
  gtk_label_set_label (self->totals_label, self->totals);
}

static void
update_view_state (KwAlliancesView *self)
{
  kw_view_set_can_go_back (KW_VIEW (self), adw_leaflet_get_folded (self->leaflet)
                           && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0);
}

static void
show_detail (KwAlliancesView *self,
             const char      *name)
{
  gtk_stack_set_visible_child_name (self->detail_stack, name);
  adw_leaflet_navigate (self->leaflet, g_str_equal (name, "none") ? ADW_NAVIGATION_DIRECTION_BACK
                                                                   : ADW_NAVIGATION_DIRECTION_FORWARD);
  update_view_state (self);
}

static KwAlliancePage *
ensure_page (KwAlliancesView *self)
{
  if (self->page == NULL)
    {
      self->page = kw_alliance_page_new (self->store);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->page), "alliance");
    }
  return self->page;
}

/* Callbacks */

static void
on_filter_changed_cb (KwAlliancesView *self)
{
  const char *area = chosen_area (self), *status = chosen_status (self);

  if (self->alliances == NULL)
    return;
  kw_record_list_set_filter (self->alliances, "area", area ? g_variant_new_string (area) : NULL);
  kw_record_list_set_filter (self->alliances, "status", status ? g_variant_new_string (status) : NULL);
  kw_list_pane_set_n_filters (self->list_pane, (area != NULL) + (status != NULL));
  update_totals (self);
}

static void
on_clear_filters_clicked_cb (KwAlliancesView *self)
{
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
}

static void
on_list_pane_search_text_cb (KwAlliancesView *self)
{
  kw_record_list_set_search (self->alliances, kw_list_pane_get_search_text (self->list_pane));
}

static char *
on_list_pane_format_count_cb (KwAlliancesView *self,
                              guint            n)
{
  if (kw_list_pane_get_n_filters (self->list_pane) > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u alliance matches the filters",
                                         "%'u alliances match the filters", n), n);
  if (kw_list_pane_get_searching (self->list_pane))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u alliance found", "%'u alliances found", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u alliance", "%'u alliances", n), n);
}

static void
on_list_pane_activate_cb (KwAlliancesView *self,
                          const char      *type_name,
                          const char      *id)
{
  kw_view_open (KW_VIEW (self), type_name, id);
}

static void
on_leaflet_changed_cb (KwAlliancesView *self)
{
  update_view_state (self);
}

static void
on_store_changed_cb (KwAlliancesView *self,
                     const char      *type_name)
{
  g_autoptr(KwRecord) open = NULL;

  if (g_str_equal (type_name, "area"))
    load_areas (self);
  if (!g_str_equal (type_name, "action_line") && !g_str_equal (type_name, "alliance"))
    return;
  update_totals (self);
  /* the rows' over-budget marks come from the action lines */
  for (guint i = 0; g_str_equal (type_name, "action_line") && self->rows && i < self->rows->len; i++)
    kw_alliance_row_update_budget (g_ptr_array_index (self->rows, i));
  /* the open alliance was deleted elsewhere (a sync): close its page */
  if (self->open_id != NULL && g_str_equal (type_name, "alliance")
      && ((open = kw_store_get (self->store, "alliance", self->open_id, NULL)) == NULL))
    {
      g_clear_pointer (&self->open_id, g_free);
      kw_list_pane_set_selected_id (self->list_pane, NULL);
      show_detail (self, "none");
    }
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     KwAlliancesView          *self)
{
  GtkWidget *row = kw_alliance_row_new ();

  gtk_list_item_set_child (item, row);
  g_ptr_array_add (self->rows, g_object_ref (row));
}

static void
on_factory_teardown_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        KwAlliancesView          *self)
{
  if (self->rows != NULL)
    g_ptr_array_remove_fast (self->rows, gtk_list_item_get_child (item));
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    KwAlliancesView          *self)
{
  kw_alliance_row_bind (KW_ALLIANCE_ROW (gtk_list_item_get_child (item)), self->store, gtk_list_item_get_item (item));
}

/* GObject */

static void
kw_alliances_view_constructed (GObject *object)
{
  KwAlliancesView *self = KW_ALLIANCES_VIEW (object);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  const KwField *status = kw_entity_type_field (kw_registry_lookup ("alliance"), "status");
  g_autoptr(GListModel) statuses = kw_enum_labels_model (status, _("Any status"));

  G_OBJECT_CLASS (kw_alliances_view_parent_class)->constructed (object);

  self->store = g_object_ref (kw_view_get_store (KW_VIEW (self)));
  self->alliances = kw_record_list_new (self->store, "alliance");
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (on_factory_teardown_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  kw_list_pane_set_factory (self->list_pane, factory);
  kw_list_pane_set_model (self->list_pane, G_LIST_MODEL (self->alliances));
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  load_areas (self);
  update_totals (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  kw_list_pane_set_empty_state (self->list_pane, NULL, _("No Alliances Yet"),
                                _("Start a neighbourhood alliance: partners around a shared challenge, with action lines and budgets."),
                                _("_New Alliance"));
  kw_view_set_new_label (KW_VIEW (self), _("New Alliance"));
  update_view_state (self);
}

static void
kw_alliances_view_dispose (GObject *object)
{
  KwAlliancesView *self = KW_ALLIANCES_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_ALLIANCES_VIEW);
  g_clear_object (&self->alliances);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kw_alliances_view_parent_class)->dispose (object);
}

static void
kw_alliances_view_finalize (GObject *object)
{
  KwAlliancesView *self = KW_ALLIANCES_VIEW (object);

  g_clear_pointer (&self->area_ids, g_ptr_array_unref);
  g_free (self->open_id);
  g_free (self->totals);

  G_OBJECT_CLASS (kw_alliances_view_parent_class)->finalize (object);
}

/* KwView */

static void
kw_alliances_view_open (KwView     *view,
                        const char *type_name,
                        const char *id)
{
  KwAlliancesView *self = KW_ALLIANCES_VIEW (view);

  g_free (self->open_id);
  self->open_id = g_strdup (id);
  kw_alliance_page_set_id (ensure_page (self), id);
  kw_list_pane_set_selected_id (self->list_pane, id);
  kw_list_pane_scroll_to_selected (self->list_pane);
  show_detail (self, "alliance");
}

static gboolean
kw_alliances_view_new_record (KwView  *view,
                              GError **error)
{
  KwAlliancesView *self = KW_ALLIANCES_VIEW (view);
  KwAlliancePage *page = ensure_page (self);

  /* a draft, stored only when the user adds it (kw-record-page.c) */
  g_clear_pointer (&self->open_id, g_free);
  kw_list_pane_set_selected_id (self->list_pane, NULL);
  show_detail (self, "alliance");
  kw_alliance_page_start_draft (page);
  return TRUE;
}

static gboolean
kw_alliances_view_go_back (KwView *view)
{
  KwAlliancesView *self = KW_ALLIANCES_VIEW (view);

  if (!kw_view_get_can_go_back (view))
    return FALSE;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  return TRUE;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  kw_view_new_record (KW_VIEW (widget), NULL);
}

/* The Belasting overview, as the networks view has it: who carries too much. */
static void
show_load_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KwAlliancesView *self = KW_ALLIANCES_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_window_present (GTK_WINDOW (kw_load_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store)));
}

static void
kw_alliances_view_class_init (KwAlliancesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KwViewClass *view_class = KW_VIEW_CLASS (klass);

  object_class->constructed = kw_alliances_view_constructed;
  object_class->dispose = kw_alliances_view_dispose;
  object_class->finalize = kw_alliances_view_finalize;
  view_class->open = kw_alliances_view_open;
  view_class->new_record = kw_alliances_view_new_record;
  view_class->go_back = kw_alliances_view_go_back;

  g_type_ensure (KW_TYPE_LIST_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/alliances/kw-alliances-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KwAlliancesView, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancesView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancesView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancesView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwAlliancesView, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_format_count_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_search_text_cb);
  gtk_widget_class_install_action (widget_class, "alliances.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "alliances.show-load", NULL, show_load_action);
}

static void
kw_alliances_view_init (KwAlliancesView *self)
{
  static const char * const types[] = { "alliance", NULL };
  KwView *view = KW_VIEW (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_ids = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kw_list_pane_get_list_view (self->list_pane)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Neighbourhood Alliances"), -1);
  gtk_widget_set_name (GTK_WIDGET (self), "alliances");
  kw_view_set_title (view, _("Neighbourhood Alliances"));
  kw_view_set_icon_name (view, "system-users-symbolic");
  kw_view_set_types (view, types);
}

/* For tests */

KwAlliancePage *
_kw_alliances_view_get_page (KwAlliancesView *self)
{
  return ensure_page (self);
}

KwRecordList *
_kw_alliances_view_get_list (KwAlliancesView *self)
{
  return self->alliances;
}

KwListPane *
_kw_alliances_view_get_list_pane (KwAlliancesView *self)
{
  return self->list_pane;
}

void
_kw_alliances_view_set_filters (KwAlliancesView *self,
                                const char      *status,
                                const char      *area_id)
{
  const KwField *field = kw_entity_type_field (kw_registry_lookup ("alliance"), "status");
  guint s = 0, a = 0;

  for (guint i = 0; status != NULL && field->values[i] != NULL; i++)
    if (g_str_equal (field->values[i], status))
      s = i + 1;
  for (guint i = 0; area_id != NULL && i < self->area_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->area_ids, i), area_id))
      a = i + 1;
  gtk_drop_down_set_selected (self->status_dropdown, s);
  gtk_drop_down_set_selected (self->area_dropdown, a);
}

const char *
_kw_alliances_view_get_totals (KwAlliancesView *self)
{
  return self->totals;
}

const char *
_kw_alliances_view_get_open_id (KwAlliancesView *self)
{
  return self->open_id;
}
