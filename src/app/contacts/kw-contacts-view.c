/* kw-contacts-view.c: the Key Figures & Contacts view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of people or organisations (a KwRecordList: search, filters
 * and sort run in SQL) beside the page of the chosen one; in a narrow
 * window the two fold into one column.
 */
#define G_LOG_DOMAIN "kw-contacts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-contact-row.h"
#include "kw-contacts-view-private.h"
#include "kw-enum-labels.h"
#include "kw-list-pane.h"
#include "kw-organisation-page.h"
#include "kw-person-page.h"

struct _KwContactsView
{
  AdwBin              parent_instance;

  KwStore            *store;
  KwRecordList       *people;
  KwRecordList       *organisations;
  GCancellable       *cancellable;  /* the actions' work in a thread */
  GPtrArray          *area_ids;     /* position - 1 in the area drop-down → id */
  GPtrArray          *spare_rows;   /* KwContactRows the list view let go of */
  char               *sort;
  char               *open_id;
  GtkWidget          *person_page;
  GtkWidget          *organisation_page;

  GtkDropDown        *area_dropdown;
  GtkEditable        *community_entry;
  GtkStack           *detail_stack;
  GtkWidget          *empty_import_button;
  GtkMenuButton      *sort_button;
  GtkDropDown        *formal_dropdown;
  GtkCheckButton     *key_figures_check;
  GtkDropDown        *kind_dropdown;
  AdwLeaflet         *leaflet;
  KwListPane         *list_pane;
  GtkDropDown        *months_dropdown;
  GtkWidget          *organisation_filters;
  GtkToggleButton    *organisations_button;
  GtkToggleButton    *people_button;
  GtkWidget          *person_filters;
};

G_DEFINE_FINAL_TYPE (KwContactsView, kw_contacts_view, KW_TYPE_VIEW)

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint months_choices[] = { 0, 3, 6, 12 };

/* Helpers */

static KwRecordList *
current_list (KwContactsView *self)
{
  return gtk_toggle_button_get_active (self->people_button) ? self->people : self->organisations;
}

static gboolean
showing_people (KwContactsView *self)
{
  return gtk_toggle_button_get_active (self->people_button);
}

static gboolean
dropdown_chosen (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected != GTK_INVALID_LIST_POSITION && selected > 0;
}

/* The filters of the popover that are on for the list shown (the search
 * is not one of them). */
static guint
count_active_filters (KwContactsView *self)
{
  guint n = dropdown_chosen (self->area_dropdown);

  if (showing_people (self))
    n += gtk_check_button_get_active (self->key_figures_check)
         + (*gtk_editable_get_text (self->community_entry) != '\0')
         + dropdown_chosen (self->months_dropdown);
  else
    n += dropdown_chosen (self->kind_dropdown) + dropdown_chosen (self->formal_dropdown);
  return n;
}

/* The empty page while the list shown has no records at all. */
static void
update_empty_state (KwContactsView *self)
{
  gboolean people = showing_people (self);

  /* the page beside the list has the icon already */
  kw_list_pane_set_empty_state (self->list_pane, NULL,
                                people ? _("No People Yet") : _("No Organisations Yet"),
                                people ? _("Add someone, or import people from a vCard or CSV file.")
                                       : _("Add an organisation, or import an export from a fellow organiser."),
                                people ? _("_Add Person") : _("_Add Organisation"));
  gtk_widget_set_visible (self->empty_import_button, people);
}

static char *
dup_count_text (KwContactsView *self,
                guint           n)
{
  gboolean people = showing_people (self);

  if (count_active_filters (self) > 0)
    return people
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u person matches the filters", "%'u people match the filters", n), n)
      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u organisation matches the filters", "%'u organisations match the filters", n), n);
  if (kw_list_pane_get_searching (self->list_pane))
    return people
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u person found", "%'u people found", n), n)
      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u organisation found", "%'u organisations found", n), n);
  return people
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u person", "%'u people", n), n)
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u organisation", "%'u organisations", n), n);
}

static void
select_open_record (KwContactsView *self)
{
  kw_list_pane_set_selected_id (self->list_pane, self->open_id);
}

static void
scroll_to_open_record (KwContactsView *self)
{
  kw_list_pane_scroll_to_selected (self->list_pane);
}

static int
compare_area_names (gconstpointer a,
                    gconstpointer b)
{
  g_autofree char *x = kw_record_dup_title (*(KwRecord * const *) a);
  g_autofree char *y = kw_record_dup_title (*(KwRecord * const *) b);

  return g_utf8_collate (x ? x : "", y ? y : "");
}

/* Each area, then the areas inside it, by name: stadsdeel › wijk › buurt.
 * The drop-down's items keep their depth and the path above them. */
static void
append_areas (KwContactsView *self,
              GtkStringList  *names,
              GHashTable     *children,
              const char     *parent,
              const char     *path,
              guint           depth)
{
  GPtrArray *inside = g_hash_table_lookup (children, parent ? parent : "");

  if (inside == NULL || depth > 16)
    return;
  g_ptr_array_sort (inside, compare_area_names);
  for (guint i = 0; i < inside->len; i++)
    {
      KwRecord *area = g_ptr_array_index (inside, i);
      g_autofree char *title = kw_record_dup_title (area);
      g_autofree char *below = path ? g_strdup_printf ("%s › %s", path, title) : g_strdup (title);
      g_autoptr(GObject) item = NULL;

      gtk_string_list_append (names, title);
      item = g_list_model_get_item (G_LIST_MODEL (names), g_list_model_get_n_items (G_LIST_MODEL (names)) - 1);
      g_object_set_data_full (item, "kw-path", g_strdup (path), g_free);
      g_object_set_data (item, "kw-depth", GUINT_TO_POINTER (depth));
      g_ptr_array_add (self->area_ids, g_strdup (kw_record_get_id (area)));
      append_areas (self, names, children, kw_record_get_id (area), below, depth + 1);
    }
}

static void
load_areas (KwContactsView *self)
{
  g_autoptr(GPtrArray) areas = kw_store_list (self->store, "area", NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);

  g_ptr_array_set_size (self->area_ids, 0);
  gtk_string_list_append (names, _("All areas"));
  for (guint i = 0; areas && i < areas->len; i++)
    g_hash_table_add (ids, (gpointer) kw_record_get_id (g_ptr_array_index (areas, i)));
  for (guint i = 0; areas && i < areas->len; i++)
    {
      KwRecord *area = g_ptr_array_index (areas, i);
      const char *parent = kw_record_get_string (area, "parent");
      const char *key = parent && g_hash_table_contains (ids, parent) ? parent : "";
      GPtrArray *list = g_hash_table_lookup (children, key);

      if (list == NULL)
        g_hash_table_insert (children, (gpointer) key, list = g_ptr_array_new ());
      g_ptr_array_add (list, area);
    }
  append_areas (self, names, children, NULL, NULL, 0);
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (names));
}

static void
on_area_item_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *path = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (path), 0);
  gtk_label_set_ellipsize (GTK_LABEL (path), PANGO_ELLIPSIZE_START);
  gtk_widget_add_css_class (path, "dim-label");
  gtk_widget_add_css_class (path, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), path);
  gtk_list_item_set_child (item, box);
}

/* An area in the drop-down: indented by its depth, the areas above it
 * underneath ("Oost › Watergraafsmeer"). */
static void
on_area_item_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GObject *area = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  const char *path = g_object_get_data (area, "kw-path");

  gtk_label_set_label (GTK_LABEL (name), gtk_string_object_get_string (GTK_STRING_OBJECT (area)));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), path ? path : "");
  gtk_widget_set_visible (gtk_widget_get_last_child (box), path != NULL);
  gtk_widget_set_margin_start (box, 12 * GPOINTER_TO_UINT (g_object_get_data (area, "kw-depth")));
}

static void
load_kinds (KwContactsView *self)
{
  const KwField *kind = kw_entity_type_field (kw_registry_lookup ("organisation"), "kind");
  g_autoptr(GListModel) model = kw_enum_labels_model (kind, _("All kinds"));

  gtk_drop_down_set_model (self->kind_dropdown, model);
}

static void
apply_filters (KwContactsView *self)
{
  guint area = gtk_drop_down_get_selected (self->area_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint formal = gtk_drop_down_get_selected (self->formal_dropdown);
  guint months = gtk_drop_down_get_selected (self->months_dropdown);
  const char *area_id = area > 0 && area - 1 < self->area_ids->len ? g_ptr_array_index (self->area_ids, area - 1) : NULL;
  const KwField *kinds = kw_entity_type_field (kw_registry_lookup ("organisation"), "kind");

  kw_record_list_set_filter (self->people, "key_figure", gtk_check_button_get_active (self->key_figures_check) ? g_variant_new_boolean (TRUE) : NULL);
  kw_record_list_set_filter (self->people, "area", area_id ? g_variant_new_string (area_id) : NULL);
  kw_record_list_set_text_filter (self->people, (const char * const []) { "languages", "communities", NULL }, gtk_editable_get_text (self->community_entry));
  kw_record_list_set_stale (self->people, "contact_moment", "date", months < G_N_ELEMENTS (months_choices) ? months_choices[months] : 0);
  kw_record_list_set_filter (self->organisations, "area", area_id ? g_variant_new_string (area_id) : NULL);
  kw_record_list_set_filter (self->organisations, "kind", kind > 0 && kind != GTK_INVALID_LIST_POSITION ? g_variant_new_string (kinds->values[kind - 1]) : NULL);
  kw_record_list_set_filter (self->organisations, "formal", formal == 1 || formal == 2 ? g_variant_new_boolean (formal == 1) : NULL);
}

/* What the window shows of the view: the New button, the Back button. */
static void
update_view_state (KwContactsView *self)
{
  kw_view_set_new_label (KW_VIEW (self), kw_contacts_view_get_new_label (self));
  kw_view_set_can_go_back (KW_VIEW (self), kw_contacts_view_can_go_back (self));
}

static void
show_detail (KwContactsView *self,
             const char     *name)
{
  gtk_stack_set_visible_child_name (self->detail_stack, name);
  if (g_str_equal (name, "none"))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_view_state (self);
}

/* Callbacks */

static void
on_people_button_toggled_cb (KwContactsView *self)
{
  gboolean people = showing_people (self);

  gtk_widget_set_visible (self->person_filters, people);
  gtk_widget_set_visible (GTK_WIDGET (self->key_figures_check), people);
  gtk_widget_set_visible (self->organisation_filters, !people);
  kw_list_pane_set_search_placeholder (self->list_pane, people ? _("Search people") : _("Search organisations"));
  update_empty_state (self);
  /* the other list opens at its top, not at this one's offset */
  kw_list_pane_set_model (self->list_pane, G_LIST_MODEL (current_list (self)));
  kw_list_pane_set_n_filters (self->list_pane, count_active_filters (self));
  select_open_record (self);
  update_view_state (self);
}

/* One search for both lists: the other one has it when it is shown. */
static void
on_list_pane_search_text_cb (KwContactsView *self)
{
  const char *text = kw_list_pane_get_search_text (self->list_pane);

  kw_record_list_set_search (self->people, text);
  kw_record_list_set_search (self->organisations, text);
}

static char *
on_list_pane_format_count_cb (KwContactsView *self,
                              guint           n)
{
  return dup_count_text (self, n);
}

static void
on_list_pane_activate_cb (KwContactsView *self,
                          const char     *type_name,
                          const char     *id)
{
  kw_contacts_view_open (self, type_name, id);
}

static void
on_filter_changed_cb (KwContactsView *self)
{
  if (self->people == NULL)
    return;
  apply_filters (self);
  kw_list_pane_set_n_filters (self->list_pane, count_active_filters (self));
}

static void
on_clear_filters_clicked_cb (KwContactsView *self)
{
  gtk_check_button_set_active (self->key_figures_check, FALSE);
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  gtk_editable_set_text (self->community_entry, "");
  gtk_drop_down_set_selected (self->months_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->formal_dropdown, 0);
}

static gboolean
focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* F6: the list and the page in turn */
static void
cycle_panes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KwContactsView *self = KW_CONTACTS_VIEW (widget);

  if (!gtk_widget_get_mapped (widget))
    return;
  if (focus_within (GTK_WIDGET (self->detail_stack)) || !gtk_widget_child_focus (GTK_WIDGET (self->detail_stack), GTK_DIR_TAB_FORWARD))
    {
      if (!gtk_widget_child_focus (GTK_WIDGET (kw_list_pane_get_list_view (self->list_pane)), GTK_DIR_DOWN))
        kw_list_pane_focus_search (self->list_pane);
    }
}

/* Ctrl+Shift+F: the list's own search (Ctrl+F is the global one) */
static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KwContactsView *self = KW_CONTACTS_VIEW (widget);

  if (!gtk_widget_get_mapped (widget))
    return;
  kw_list_pane_focus_search (self->list_pane);
}

static void
on_leaflet_changed_cb (KwContactsView *self)
{
  update_view_state (self);
}

static void
on_store_area_changed_cb (KwContactsView *self)
{
  load_areas (self);
}

/* The open record was deleted elsewhere (a sync, a merge): close its page. */
static void
on_store_party_changed_cb (KwContactsView *self,
                           const char     *type_name)
{
  const char *shown = gtk_stack_get_visible_child_name (self->detail_stack);
  g_autoptr(KwRecord) record = NULL;

  if (self->open_id == NULL || g_strcmp0 (shown, type_name) != 0)
    return;
  record = kw_store_get (self->store, type_name, self->open_id, NULL);
  if (record == NULL || kw_record_is_deleted (record))
    kw_contacts_view_close (self, self->open_id);
}

/* GTK 4.8's list view makes its ~200 row widgets anew for every search
 * (and lets go of the old ones): rows are kept for the next ones, as
 * making a row costs more than binding it. */
#define MAX_SPARE_ROWS 256

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     KwContactsView           *self)
{
  g_autoptr(GtkWidget) row = NULL;

  if (self->spare_rows->len > 0)
    row = g_ptr_array_steal_index_fast (self->spare_rows, self->spare_rows->len - 1);
  else
    row = g_object_ref_sink (kw_contact_row_new ());
  gtk_list_item_set_child (item, row);
}

static void
on_factory_teardown_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        KwContactsView           *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL && self->spare_rows->len < MAX_SPARE_ROWS)
    g_ptr_array_add (self->spare_rows, g_object_ref (row));
  gtk_list_item_set_child (item, NULL);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    KwContactsView           *self)
{
  kw_contact_row_bind (KW_CONTACT_ROW (gtk_list_item_get_child (item)), self->store,
                       gtk_list_item_get_item (item), kw_list_pane_get_search_text (self->list_pane));
}

/* Building */

static void
setup_lists (KwContactsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->people = kw_record_list_new (self->store, "person");
  self->organisations = kw_record_list_new (self->store, "organisation");
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (on_factory_teardown_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  kw_list_pane_set_factory (self->list_pane, factory);
  /* a search runs in a thread, and a large change is shown anew */
  for (KwRecordList **list = &self->people; list != NULL; list = list == &self->people ? &self->organisations : NULL)
    {
      kw_record_list_set_async (*list, TRUE);
      kw_record_list_set_new_rows_first (*list, TRUE);
    }
  /* the list view takes it after the first frame (kw-list-pane.c) */
  kw_list_pane_set_model (self->list_pane, G_LIST_MODEL (self->people));
}

/* The pages are made when first needed: they are large, and not in the
 * first frame. */
static GtkWidget *
ensure_page (KwContactsView *self,
             const char     *type_name)
{
  gboolean organisation = g_strcmp0 (type_name, "organisation") == 0;
  GtkWidget **page = organisation ? &self->organisation_page : &self->person_page;

  if (*page != NULL)
    return *page;
  *page = organisation ? GTK_WIDGET (kw_organisation_page_new (self->store))
                       : GTK_WIDGET (kw_person_page_new (self->store));
  if (!organisation)
    _kw_contacts_view_add_person_actions (self, *page);
  gtk_stack_add_named (self->detail_stack, *page, organisation ? "organisation" : "person");
  return *page;
}

/* GObject */

static void
kw_contacts_view_dispose (GObject *object)
{
  KwContactsView *self = (KwContactsView *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* AdwBin keeps a pointer to its child: let go of it first */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_CONTACTS_VIEW);
  g_clear_pointer (&self->spare_rows, g_ptr_array_unref);
  g_clear_object (&self->people);
  g_clear_object (&self->organisations);

  G_OBJECT_CLASS (kw_contacts_view_parent_class)->dispose (object);
}

static void
kw_contacts_view_finalize (GObject *object)
{
  KwContactsView *self = (KwContactsView *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->area_ids, g_ptr_array_unref);
  g_free (self->sort);
  g_free (self->open_id);

  G_OBJECT_CLASS (kw_contacts_view_parent_class)->finalize (object);
}

static void
kw_contacts_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KwContactsView *self = KW_CONTACTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_string (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_contacts_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KwContactsView *self = KW_CONTACTS_VIEW (object);
  const char *sort = g_value_get_string (value);
  gboolean newest_first;

  switch (prop_id)
    {
    case PROP_SORT:
      if (g_strcmp0 (self->sort, sort) == 0)
        return;
      g_free (self->sort);
      self->sort = g_strdup (sort);
      newest_first = g_strcmp0 (sort, "last-contact") == 0;
      if (self->people != NULL)
        kw_record_list_set_sort (self->people, newest_first || g_strcmp0 (sort, "last-contact-oldest") == 0 ? "contact_moment.date" : NULL,
                                 newest_first ? KW_RECORD_SORT_DESCENDING
                                 : g_strcmp0 (sort, "last-name") == 0 ? KW_RECORD_SORT_LAST_NAME : KW_RECORD_SORT_ASCENDING);
      /* newest first is descending; by name and oldest first ascending */
      gtk_menu_button_set_icon_name (self->sort_button, newest_first
                                     ? "view-sort-descending-symbolic" : "view-sort-ascending-symbolic");
      g_object_notify_by_pspec (object, properties[PROP_SORT]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  g_type_ensure (KW_TYPE_LIST_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/contacts/kw-contacts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, community_entry);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, formal_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, key_figures_check);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, months_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, organisation_filters);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, organisations_button);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, people_button);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, person_filters);
  gtk_widget_class_bind_template_child (widget_class, KwContactsView, sort_button);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_format_count_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_search_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_people_button_toggled_cb);
}

static void
kw_contacts_view_constructed (GObject *object)
{
  KwContactsView *self = KW_CONTACTS_VIEW (object);
  KwStore *store = kw_view_get_store (KW_VIEW (self));

  G_OBJECT_CLASS (kw_contacts_view_parent_class)->constructed (object);

  g_return_if_fail (KW_IS_STORE (store));
  self->store = g_object_ref (store);
  setup_lists (self);
  load_areas (self);
  load_kinds (self);
  g_signal_connect_swapped (store, "changed::area", G_CALLBACK (on_store_area_changed_cb), self);
  g_signal_connect_swapped (store, "changed::person", G_CALLBACK (on_store_party_changed_cb), self);
  g_signal_connect_swapped (store, "changed::organisation", G_CALLBACK (on_store_party_changed_cb), self);
  /* the list and its count come after the first frame (kw-list-pane.c) */
  update_empty_state (self);
  update_view_state (self);
}

/* KwView */

static void
view_open (KwView     *view,
           const char *type_name,
           const char *id)
{
  kw_contacts_view_open (KW_CONTACTS_VIEW (view), type_name, id);
}

static gboolean
view_new_record (KwView  *view,
                 GError **error)
{
  return kw_contacts_view_new_record (KW_CONTACTS_VIEW (view), error);
}

static gboolean
view_go_back (KwView *view)
{
  return kw_contacts_view_go_back (KW_CONTACTS_VIEW (view));
}

static gboolean
view_offer_file (KwView     *view,
                 const char *path)
{
  return _kw_contacts_view_offer_people_import (KW_CONTACTS_VIEW (view), path);
}

static void
kw_contacts_view_class_init (KwContactsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KwViewClass *view_class = KW_VIEW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_contacts_view_dispose;
  object_class->finalize = kw_contacts_view_finalize;
  object_class->get_property = kw_contacts_view_get_property;
  object_class->set_property = kw_contacts_view_set_property;
  object_class->constructed = kw_contacts_view_constructed;
  view_class->open = view_open;
  view_class->new_record = view_new_record;
  view_class->go_back = view_go_back;
  view_class->offer_file = view_offer_file;

  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bind_template (widget_class);
  gtk_widget_class_install_property_action (widget_class, "contacts.sort", "sort");
  gtk_widget_class_install_action (widget_class, "contacts.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "contacts.cycle-panes", NULL, cycle_panes_action);
  _kw_contacts_view_class_add_actions (widget_class);
}

static void
kw_contacts_view_init (KwContactsView *self)
{
  static const char * const types[] = { "person", "organisation", NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (kw_list_pane_get_list_view (self->list_pane)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contacts"), -1);
  /* Ctrl+Shift+F and F6 wherever the focus is in the window (with the
   * focus nowhere at first, too), while the view is shown */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                        gtk_named_action_new ("contacts.focus-search")));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, 0), gtk_named_action_new ("contacts.cycle-panes")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
  self->cancellable = g_cancellable_new ();
  self->area_ids = g_ptr_array_new_with_free_func (g_free);
  self->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);
  {
    g_autoptr(GtkListItemFactory) area_factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (area_factory, "setup", G_CALLBACK (on_area_item_setup_cb), NULL);
    g_signal_connect (area_factory, "bind", G_CALLBACK (on_area_item_bind_cb), NULL);
    gtk_drop_down_set_list_factory (self->area_dropdown, area_factory);
  }
  self->sort = g_strdup ("name");

  gtk_widget_set_name (GTK_WIDGET (self), "contacts");
  kw_view_set_title (KW_VIEW (self), _("Key Figures & Contacts"));
  kw_view_set_icon_name (KW_VIEW (self), "x-office-address-book-symbolic");
  kw_view_set_types (KW_VIEW (self), types);
}

/* Public API */

KwContactsView *
kw_contacts_view_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_CONTACTS_VIEW, "store", store, NULL);
}

const char *
kw_contacts_view_get_mode (KwContactsView *self)
{
  g_return_val_if_fail (KW_IS_CONTACTS_VIEW (self), NULL);
  return showing_people (self) ? "person" : "organisation";
}

void
kw_contacts_view_set_mode (KwContactsView *self,
                           const char     *type_name)
{
  g_return_if_fail (KW_IS_CONTACTS_VIEW (self));
  if (g_strcmp0 (type_name, "organisation") == 0)
    gtk_toggle_button_set_active (self->organisations_button, TRUE);
  else
    gtk_toggle_button_set_active (self->people_button, TRUE);
}

const char *
kw_contacts_view_get_new_label (KwContactsView *self)
{
  g_return_val_if_fail (KW_IS_CONTACTS_VIEW (self), NULL);
  return showing_people (self) ? _("New Person") : _("New Organisation");
}

gboolean
kw_contacts_view_new_record (KwContactsView  *self,
                             GError         **error)
{
  const char *type = kw_contacts_view_get_mode (self);
  GtkWidget *page;

  g_return_val_if_fail (KW_IS_CONTACTS_VIEW (self), FALSE);

  /* a draft, stored only when the user adds it (kw-person-page.c) */
  page = ensure_page (self, type);
  g_clear_pointer (&self->open_id, g_free);
  select_open_record (self);
  show_detail (self, type);
  if (showing_people (self))
    kw_person_page_start_draft (KW_PERSON_PAGE (page));
  else
    kw_organisation_page_start_draft (KW_ORGANISATION_PAGE (page));
  return TRUE;
}

void
kw_contacts_view_open (KwContactsView *self,
                       const char     *type_name,
                       const char     *id)
{
  g_return_if_fail (KW_IS_CONTACTS_VIEW (self));

  if (g_strcmp0 (type_name, kw_contacts_view_get_mode (self)) != 0)
    kw_contacts_view_set_mode (self, type_name);
  g_free (self->open_id);
  self->open_id = g_strdup (id);
  if (g_strcmp0 (type_name, "person") == 0)
    kw_person_page_set_id (KW_PERSON_PAGE (ensure_page (self, "person")), id);
  else
    kw_organisation_page_set_id (KW_ORGANISATION_PAGE (ensure_page (self, "organisation")), id);
  select_open_record (self);
  scroll_to_open_record (self);
  show_detail (self, type_name);
}

const char *
kw_contacts_view_get_open_id (KwContactsView *self)
{
  g_return_val_if_fail (KW_IS_CONTACTS_VIEW (self), NULL);
  return self->open_id;
}

GtkWidget *
kw_contacts_view_get_page (KwContactsView *self,
                           const char     *type_name)
{
  g_return_val_if_fail (KW_IS_CONTACTS_VIEW (self), NULL);
  return ensure_page (self, type_name);
}

void
kw_contacts_view_set_search (KwContactsView *self,
                             const char     *text)
{
  g_return_if_fail (KW_IS_CONTACTS_VIEW (self));

  kw_list_pane_set_search_text (self->list_pane, text);
}

KwRecordList *
kw_contacts_view_get_list (KwContactsView *self,
                           const char     *type_name)
{
  g_return_val_if_fail (KW_IS_CONTACTS_VIEW (self), NULL);

  if (g_strcmp0 (type_name, "person") == 0)
    return self->people;
  if (g_strcmp0 (type_name, "organisation") == 0)
    return self->organisations;
  return NULL;
}

GtkListView *
kw_contacts_view_get_list_view (KwContactsView *self)
{
  g_return_val_if_fail (KW_IS_CONTACTS_VIEW (self), NULL);
  return kw_list_pane_get_list_view (self->list_pane);
}

gboolean
kw_contacts_view_can_go_back (KwContactsView *self)
{
  g_return_val_if_fail (KW_IS_CONTACTS_VIEW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet)
         && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;
}

gboolean
kw_contacts_view_go_back (KwContactsView *self)
{
  g_return_val_if_fail (KW_IS_CONTACTS_VIEW (self), FALSE);

  if (!kw_contacts_view_can_go_back (self))
    return FALSE;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  return TRUE;
}

void
kw_contacts_view_close (KwContactsView *self,
                        const char     *id)
{
  g_return_if_fail (KW_IS_CONTACTS_VIEW (self));

  if (id == NULL || g_strcmp0 (self->open_id, id) != 0)
    return;
  g_clear_pointer (&self->open_id, g_free);
  show_detail (self, "none");
}

GCancellable *
_kw_contacts_view_get_cancellable (KwContactsView *self)
{
  g_return_val_if_fail (KW_IS_CONTACTS_VIEW (self), NULL);
  return self->cancellable;
}
