/* kw-map-filters.c: what the Stakeholder Map view shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of controls above the graph: the restriction (Area, Alliance,
 * Stakeholder map: kw_graph_load's, as `map --area/--alliance/--map`),
 * its record, the relation kinds (a popover of check buttons) and
 * "within N steps" of the selected node (kw_graph_filter). One
 * ::changed for each choice the user makes.
 */
#define G_LOG_DOMAIN "kw-map-filters"

#include "config.h"

#include <glib/gi18n.h>

#include "alliances/kw-area-choices.h"
#include "kw-map-filters.h"

struct _KwMapFilters
{
  GtkWidget      parent_instance;

  KwStore       *store;
  GPtrArray     *ids;        /* position in the record drop-down → id (areas: position - 1) */
  guint          filling;    /* no ::changed while > 0 */

  GtkDropDown   *scope;
  GtkDropDown   *record;
  GtkMenuButton *kinds_button;
  GtkWidget     *checks[7];  /* in kw_graph_kind_names () order */
  GtkDropDown   *steps;
};

G_DEFINE_FINAL_TYPE (KwMapFilters, kw_map_filters, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const KwGraphRestriction scopes[] = { KW_GRAPH_AREA, KW_GRAPH_ALLIANCE, KW_GRAPH_MAP };

/* Helpers */

static void
emit_changed (KwMapFilters *self)
{
  if (self->filling == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static KwGraphRestriction
current_scope (KwMapFilters *self)
{
  guint position = gtk_drop_down_get_selected (self->scope);

  return position < G_N_ELEMENTS (scopes) ? scopes[position] : KW_GRAPH_AREA;
}

/* The records of @type_name by title, their ids to self->ids. */
static GListModel *
record_choices (KwMapFilters *self,
                const char   *type_name,
                const char   *none_label)
{
  g_autoptr(GPtrArray) records = kw_store_list (self->store, type_name, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->ids, 0);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      g_autofree char *title = kw_record_dup_title (g_ptr_array_index (records, i));

      gtk_string_list_append (names, title);
      g_ptr_array_add (self->ids, g_strdup (kw_record_get_id (g_ptr_array_index (records, i))));
    }
  if (self->ids->len == 0)
    gtk_string_list_append (names, none_label);
  return G_LIST_MODEL (names);
}

/* Fills the record drop-down for the scope and chooses @id (or the
 * first: for areas a stadsdeel, since the whole city's betweenness is
 * minutes of work). */
static void
fill_records (KwMapFilters *self,
              const char   *id)
{
  g_autoptr(GListModel) names = NULL;
  KwGraphRestriction scope = current_scope (self);
  guint offset = scope == KW_GRAPH_AREA ? 1 : 0, chosen;

  self->filling++;
  if (scope == KW_GRAPH_AREA)
    names = kw_area_choices_new (self->store, _("All areas"), self->ids);
  else if (scope == KW_GRAPH_ALLIANCE)
    names = record_choices (self, "alliance", _("No alliances yet"));
  else
    names = record_choices (self, "stakeholder_map", _("No stakeholder maps yet"));
  chosen = scope == KW_GRAPH_AREA ? MIN (self->ids->len, 2) : 0;
  for (guint i = 0; id != NULL && i < self->ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->ids, i), id))
      chosen = i + offset;
  gtk_drop_down_set_model (self->record, names);
  gtk_drop_down_set_selected (self->record, chosen);
  self->filling--;
}

static char *
kinds_label (KwMapFilters *self)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->checks); i++)
    n += gtk_check_button_get_active (GTK_CHECK_BUTTON (self->checks[i]));
  if (n == G_N_ELEMENTS (self->checks))
    return g_strdup (_("All relations"));
  return g_strdup_printf (ngettext ("%u kind of relation", "%u kinds of relation", n), n);
}

/* Callbacks */

static void
on_scope_changed_cb (KwMapFilters *self)
{
  if (self->store == NULL)
    return;
  fill_records (self, NULL);
  emit_changed (self);
}

static void
on_choice_changed_cb (KwMapFilters *self)
{
  emit_changed (self);
}

static void
on_check_toggled_cb (KwMapFilters *self)
{
  g_autofree char *label = kinds_label (self);

  gtk_menu_button_set_label (self->kinds_button, label);
  emit_changed (self);
}

/* Building */

static GtkWidget *
make_kinds_popover (KwMapFilters *self)
{
  static const char * const labels[] = {
    N_("Knows"), N_("Works with"), N_("Member of"), N_("Represents"), N_("Funds"), N_("Advises"), N_("Affiliation"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *popover = gtk_popover_new ();

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      self->checks[i] = gtk_check_button_new_with_label (_(labels[i]));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->checks[i]), TRUE);
      g_signal_connect_swapped (self->checks[i], "toggled", G_CALLBACK (on_check_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), self->checks[i]);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static GtkDropDown *
make_drop_down (KwMapFilters       *self,
                const char * const *strings,
                const char         *accessible_label,
                GCallback           callback)
{
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (strings);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_widget_set_tooltip_text (drop_down, accessible_label);
  g_signal_connect_swapped (drop_down, "notify::selected", callback, self);
  gtk_widget_set_parent (drop_down, GTK_WIDGET (self));
  return GTK_DROP_DOWN (drop_down);
}

/* GObject */

static void
kw_map_filters_dispose (GObject *object)
{
  KwMapFilters *self = KW_MAP_FILTERS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_map_filters_parent_class)->dispose (object);
}

static void
kw_map_filters_class_init (KwMapFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_map_filters_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kw-map-filters");
}

static void
kw_map_filters_init (KwMapFilters *self)
{
  const char *scope_names[] = { _("Area"), _("Alliance"), _("Stakeholder map"), NULL };
  const char *step_names[] = { _("Everyone"), _("Within 1 step"), _("Within 2 steps"), _("Within 3 steps"), NULL };
  GtkWidget *kinds;

  self->ids = g_ptr_array_new_with_free_func (g_free);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  self->scope = make_drop_down (self, scope_names, _("Show the network of"), G_CALLBACK (on_scope_changed_cb));
  self->record = make_drop_down (self, NULL, _("Area, alliance or map"), G_CALLBACK (on_choice_changed_cb));
  gtk_drop_down_set_enable_search (self->record, TRUE);
  {
    g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_expression (self->record, expression);
  }
  kinds = gtk_menu_button_new ();
  self->kinds_button = GTK_MENU_BUTTON (kinds);
  gtk_menu_button_set_label (self->kinds_button, _("All relations"));
  gtk_menu_button_set_popover (self->kinds_button, make_kinds_popover (self));
  gtk_widget_set_tooltip_text (kinds, _("Which kinds of relation to show"));
  gtk_widget_set_parent (kinds, GTK_WIDGET (self));
  self->steps = make_drop_down (self, step_names, _("Only those within steps of the selected person or organisation"),
                                G_CALLBACK (on_choice_changed_cb));
  gtk_widget_set_sensitive (GTK_WIDGET (self->steps), FALSE);
}

/* Public */

void
kw_map_filters_set_store (KwMapFilters *self,
                          KwStore      *store)
{
  g_return_if_fail (KW_IS_MAP_FILTERS (self));
  g_set_object (&self->store, store);
  fill_records (self, NULL);
}

void
kw_map_filters_reload (KwMapFilters *self)
{
  const char *id = NULL;
  g_autofree char *kept = NULL;

  g_return_if_fail (KW_IS_MAP_FILTERS (self));
  kw_map_filters_get_restriction (self, &id);
  kept = g_strdup (id);
  fill_records (self, kept);
}

KwGraphRestriction
kw_map_filters_get_restriction (KwMapFilters  *self,
                                const char   **id)
{
  KwGraphRestriction scope = current_scope (self);
  guint position = gtk_drop_down_get_selected (self->record);

  g_return_val_if_fail (KW_IS_MAP_FILTERS (self), KW_GRAPH_ALL);
  if (scope == KW_GRAPH_AREA && position != GTK_INVALID_LIST_POSITION)
    position = position == 0 ? GTK_INVALID_LIST_POSITION : position - 1;
  *id = position < self->ids->len ? g_ptr_array_index (self->ids, position) : NULL;
  return scope == KW_GRAPH_AREA && *id == NULL ? KW_GRAPH_ALL : scope;
}

gboolean
kw_map_filters_set_restriction (KwMapFilters       *self,
                                KwGraphRestriction  restriction,
                                const char         *id)
{
  const char *now = NULL;

  g_return_val_if_fail (KW_IS_MAP_FILTERS (self), FALSE);
  self->filling++;
  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    if (scopes[i] == (restriction == KW_GRAPH_ALL ? KW_GRAPH_AREA : restriction))
      gtk_drop_down_set_selected (self->scope, i);
  fill_records (self, id);
  if (restriction == KW_GRAPH_ALL)
    gtk_drop_down_set_selected (self->record, 0);
  self->filling--;
  emit_changed (self);
  kw_map_filters_get_restriction (self, &now);
  return g_strcmp0 (now, id) == 0;
}

guint
kw_map_filters_get_kinds (KwMapFilters *self)
{
  const char * const *names = kw_graph_kind_names ();
  guint kinds = KW_GRAPH_KIND_OTHER;

  g_return_val_if_fail (KW_IS_MAP_FILTERS (self), KW_GRAPH_KINDS_ALL);
  for (guint i = 0; i < G_N_ELEMENTS (self->checks); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->checks[i])))
      kinds |= kw_graph_kind_from_name (names[i]);
  return kinds;
}

void
kw_map_filters_set_kinds (KwMapFilters *self,
                          guint         kinds)
{
  const char * const *names = kw_graph_kind_names ();

  g_return_if_fail (KW_IS_MAP_FILTERS (self));
  self->filling++;
  for (guint i = 0; i < G_N_ELEMENTS (self->checks); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->checks[i]), (kinds & kw_graph_kind_from_name (names[i])) != 0);
  self->filling--;
  emit_changed (self);
}

guint
kw_map_filters_get_steps (KwMapFilters *self)
{
  guint position = gtk_drop_down_get_selected (self->steps);

  g_return_val_if_fail (KW_IS_MAP_FILTERS (self), 0);
  return position == GTK_INVALID_LIST_POSITION ? 0 : position;
}

void
kw_map_filters_set_steps (KwMapFilters *self,
                          guint         steps)
{
  g_return_if_fail (KW_IS_MAP_FILTERS (self));
  gtk_drop_down_set_selected (self->steps, MIN (steps, 3));
}

void
kw_map_filters_set_can_centre (KwMapFilters *self,
                               gboolean      can_centre)
{
  g_return_if_fail (KW_IS_MAP_FILTERS (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->steps), can_centre || kw_map_filters_get_steps (self) > 0);
}
