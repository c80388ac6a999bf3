/* kw-list-pane.c: the list side of a view (search, filters, count, list)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry, the Filter button whose popover the view fills, the
 * count in words, the GtkListView of the records and an empty page ("no
 * records yet" with the view's New button, "no matches" for a search or
 * a filter). The list view gets its model after the window's first
 * frame, and a large change of a KwRecordList in two steps (see
 * on_list_rows_replacing_cb): the measured behaviour of the contacts
 * list (bench/contacts), for every view. The rows are the view's (its
 * item factory); "activate" says which record was chosen.
 */
#define G_LOG_DOMAIN "kw-list-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-list-pane.h"
#include "kw-record-list.h"

struct _KwListPane
{
  AdwBin              parent_instance;

  GListModel         *model;
  GtkSingleSelection *selection;
  GtkWidget          *next_focus;
  GtkWidget          *last_header;   /* the last "header" child */
  char               *selected_id;
  char               *empty_icon_name;
  char               *empty_title;
  char               *empty_description;
  char               *new_label;
  guint               n_filters;
  gboolean            rows_waiting;  /* for the first frame to be painted */
  gboolean            reattach;      /* the list view let go of its model for a change */
  gboolean            open_first;    /* Enter in the search while it ran */
  gboolean            showing_none;  /* the empty page says "no records yet" */

  GtkLabel           *count_label;
  GtkButton          *empty_add_button;
  GtkWidget          *empty_clear_button;
  GtkWidget          *empty_extra_box;
  AdwStatusPage      *empty_page;
  GtkMenuButton      *filter_button;
  GtkPopover         *filter_popover;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkWidget          *search_box;
  GtkSearchEntry     *search_entry;
  GtkWidget          *top_box;
};

static void kw_list_pane_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwListPane, kw_list_pane, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, kw_list_pane_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_MODEL,
  PROP_N_FILTERS,
  PROP_NEXT_FOCUS,
  PROP_SEARCH_PLACEHOLDER,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE,
  CLEAR_FILTERS,
  FORMAT_COUNT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
list_attached (KwListPane *self)
{
  return gtk_list_view_get_model (self->list_view) != NULL;
}

static KwRecordList *
record_list (KwListPane *self)
{
  return KW_IS_RECORD_LIST (self->model) ? KW_RECORD_LIST (self->model) : NULL;
}

/* "Filter (2)" in the accent colour while any filter is on */
static void
update_filter_button (KwListPane *self)
{
  guint n = self->n_filters;
  g_autofree char *label = n > 0 ? g_strdup_printf (_("Filter (%u)"), n) : g_strdup (_("Filter"));
  g_autofree char *tooltip = n > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u filter is on", "%u filters are on", n), n)
    : g_strdup (_("Filter the list"));

  gtk_menu_button_set_label (self->filter_button, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), tooltip);
  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

/* The view's "empty" children show with "no records yet", and only
 * when one of them is visible (no spacing for none). */
static void
update_empty_extra_box (KwListPane *self)
{
  gboolean any = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (self->empty_extra_box); child && !any;
       child = gtk_widget_get_next_sibling (child))
    any = gtk_widget_get_visible (child);
  gtk_widget_set_visible (self->empty_extra_box, self->showing_none && any);
}

static void
update_empty_page (KwListPane *self)
{
  gboolean filtered = self->n_filters > 0;
  gboolean searching = kw_list_pane_get_searching (self);
  gboolean none = !filtered && !searching;

  gtk_widget_set_visible (self->empty_clear_button, filtered);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_add_button), none && self->new_label != NULL);
  self->showing_none = none;
  update_empty_extra_box (self);
  if (filtered)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matches for These Filters"));
      adw_status_page_set_description (self->empty_page, _("Clear the filters, or try part of a name or another spelling."));
      return;
    }
  if (searching)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matches"));
      adw_status_page_set_description (self->empty_page, _("Try part of a name or another spelling."));
      return;
    }
  adw_status_page_set_icon_name (self->empty_page, self->empty_icon_name);
  adw_status_page_set_title (self->empty_page, self->empty_title);
  adw_status_page_set_description (self->empty_page, self->empty_description);
  if (self->new_label != NULL)
    gtk_button_set_label (self->empty_add_button, self->new_label);
}

static void
update_count (KwListPane *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  g_autofree char *text = NULL;

  g_signal_emit (self, signals[FORMAT_COUNT], 0, n, &text);
  gtk_label_set_label (self->count_label, text);
  /* no "0 people" above "No People Yet" */
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n > 0);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  update_filter_button (self);
  if (n == 0)
    update_empty_page (self);
}

static guint
find_position (KwListPane *self,
               const char *id)
{
  KwRecordList *list = record_list (self);

  if (id == NULL || self->model == NULL)
    return G_MAXUINT;
  if (list != NULL)
    return kw_record_list_find (list, id);
  for (guint i = 0; i < g_list_model_get_n_items (self->model); i++)
    {
      g_autoptr(KwRecord) record = g_list_model_get_item (self->model, i);

      if (g_strcmp0 (kw_record_get_id (record), id) == 0)
        return i;
    }
  return G_MAXUINT;
}

static void
select_open_record (KwListPane *self)
{
  guint position = find_position (self, self->selected_id);

  gtk_single_selection_set_selected (self->selection, position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
}

/* GTK 4.8 has no gtk_list_view_scroll_to(); its list views have the
 * action "list.scroll-to-item" (used by keyboard navigation). */
static void
scroll_to_open_record (KwListPane *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION && gtk_list_view_get_model (self->list_view) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
apply_search (KwListPane *self)
{
  KwRecordList *list = record_list (self);

  if (list != NULL)
    kw_record_list_set_search (list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
activate_position (KwListPane *self,
                   guint       position)
{
  g_autoptr(GObject) item = self->model ? g_list_model_get_item (self->model, position) : NULL;

  if (!KW_IS_RECORD (item))
    return;
  g_signal_emit (self, signals[ACTIVATE], 0,
                 kw_record_get_type_name (KW_RECORD (item)), kw_record_get_id (KW_RECORD (item)));
}

/* Callbacks */

/* Around a change of the list view's model (people or organisations).
 * GTK 4.8's list view, when a change removes the row it keeps as its
 * anchor, looks through every added item for it (g_list_model_get_item ()
 * on each: a query and a record per row, about a second for 100,000
 * people), and the selection does the same for its selected item. The
 * list view lets go of its model meanwhile (and nothing is selected), and
 * takes it again after. A large change of one list comes in two steps
 * instead: on_list_rows_replacing_cb (). */
static void
begin_list_change (KwListPane *self)
{
  if (gtk_list_view_get_model (self->list_view) == NULL)
    return;
  gtk_list_view_set_model (self->list_view, NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->reattach = TRUE;
}

static void
end_list_change (KwListPane *self)
{
  if (!self->reattach)
    return;
  self->reattach = FALSE;
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_count (self);
  select_open_record (self);
}

/* A large change of a list (a new search, a filter, the sort) comes in
 * two steps (kw_record_list_set_new_rows_first ()): the new rows are
 * inserted before the old ones, then the old ones are removed. In
 * between the list view is scrolled to its top: GTK 4.8 lets go of
 * the row widgets of the old ones (no longer near its anchor) and binds
 * them again to the new ones instead of making ~200 rows anew, and it
 * reads only the rows it keeps (bench/contacts, "search-window"). */
static void
on_list_rows_replacing_cb (KwListPane   *self,
                           guint         position,
                           guint         n_rows,
                           KwRecordList *list)
{
  if (gtk_single_selection_get_model (self->selection) != G_LIST_MODEL (list)
      || gtk_list_view_get_model (self->list_view) == NULL || n_rows == 0)
    return;
  /* a new list shows from its top (the rows before position, which
   * did not change, too): a value that changes moves the anchor of the
   * list view at once; when it was 0 already, the anchor is still on the
   * old rows, and scrolling to the first row moves it */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), 0);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
on_list_items_changed_cb (KwListPane *self)
{
  if (self->reattach)
    {
      end_list_change (self);
      return;
    }
  update_count (self);
  select_open_record (self);
}

static void
on_search_entry_search_changed_cb (KwListPane *self)
{
  apply_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
  if (gtk_list_view_get_model (self->list_view) != NULL)  /* not before the first frame */
    update_count (self);
}

static void
on_search_entry_activate_cb (KwListPane *self)
{
  KwRecordList *list = record_list (self);

  /* Enter right after a key: the first of that search, once it is done */
  if (list != NULL && kw_record_list_get_busy (list))
    {
      self->open_first = TRUE;
      return;
    }
  activate_position (self, 0);
}

static void
on_list_busy_cb (KwListPane   *self,
                 GParamSpec   *pspec,
                 KwRecordList *list)
{
  if (!self->open_first || kw_record_list_get_busy (list) || G_LIST_MODEL (list) != self->model)
    return;
  self->open_first = FALSE;
  on_search_entry_activate_cb (self);
}

static void
on_empty_clear_button_clicked_cb (KwListPane *self)
{
  g_signal_emit (self, signals[CLEAR_FILTERS], 0);
}

static void
on_list_view_activate_cb (KwListPane *self,
                          guint       position)
{
  activate_position (self, position);
  /* the keyboard goes on in the page that opened */
  if (self->next_focus != NULL)
    gtk_widget_child_focus (self->next_focus, GTK_DIR_TAB_FORWARD);
}

/* Tab leaves the list (GTK 4.8 would walk it row by row: 100,000 Tab
 * stops): forward to the next focus (the page), back to the search. */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        KwListPane            *self)
{
  if (keyval == GDK_KEY_ISO_Left_Tab || (keyval == GDK_KEY_Tab && (state & GDK_SHIFT_MASK)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if (self->next_focus == NULL || !gtk_widget_child_focus (self->next_focus, GTK_DIR_TAB_FORWARD))
    {
      /* no page open: on from the top of the window */
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
    }
  return TRUE;
}

static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          KwListPane            *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  return kw_list_pane_focus_list (self);
}

/* The list view of GTK 4.8 makes and binds about 200 rows as soon as it
 * has a model of that many; with the model set after the window's first
 * frame, a large database does not hold back that frame (bench/contacts). */
static void
on_frame_clock_after_paint_cb (GdkFrameClock *clock,
                               KwListPane    *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_frame_clock_after_paint_cb, self);
  self->rows_waiting = FALSE;
  if (gtk_list_view_get_model (self->list_view) != NULL)
    return;
  gtk_single_selection_set_model (self->selection, self->model);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_count (self);
  select_open_record (self);
  scroll_to_open_record (self);
}

/* GtkBuildable */

static void
kw_list_pane_buildable_add_child (GtkBuildable *buildable,
                                  GtkBuilder   *builder,
                                  GObject      *child,
                                  const char   *type)
{
  KwListPane *self = KW_LIST_PANE (buildable);

  if (g_strcmp0 (type, "header") == 0)
    {
      gtk_box_insert_child_after (GTK_BOX (self->top_box), GTK_WIDGET (child), self->last_header);
      self->last_header = GTK_WIDGET (child);
    }
  else if (g_strcmp0 (type, "filter") == 0)
    {
      gtk_popover_set_child (self->filter_popover, GTK_WIDGET (child));
      gtk_widget_set_visible (GTK_WIDGET (self->filter_button), TRUE);
    }
  else if (g_strcmp0 (type, "end") == 0)
    gtk_box_append (GTK_BOX (self->search_box), GTK_WIDGET (child));
  else if (g_strcmp0 (type, "empty") == 0)
    {
      gtk_box_append (GTK_BOX (self->empty_extra_box), GTK_WIDGET (child));
      g_signal_connect_object (child, "notify::visible", G_CALLBACK (update_empty_extra_box),
                               self, G_CONNECT_SWAPPED);
      update_empty_extra_box (self);
    }
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
kw_list_pane_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = kw_list_pane_buildable_add_child;
}

/* GObject */

static char *
kw_list_pane_real_format_count (KwListPane *self,
                                guint       n)
{
  return g_strdup_printf ("%'u", n);
}

static void
kw_list_pane_map (GtkWidget *widget)
{
  KwListPane *self = KW_LIST_PANE (widget);

  GTK_WIDGET_CLASS (kw_list_pane_parent_class)->map (widget);

  if (gtk_list_view_get_model (self->list_view) != NULL || self->rows_waiting)
    return;
  self->rows_waiting = TRUE;
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_frame_clock_after_paint_cb), self, 0);
  gtk_widget_queue_draw (widget);
}

static void
kw_list_pane_dispose (GObject *object)
{
  KwListPane *self = KW_LIST_PANE (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_LIST_PANE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_weak_pointer (&self->next_focus);

  G_OBJECT_CLASS (kw_list_pane_parent_class)->dispose (object);
}

static void
kw_list_pane_finalize (GObject *object)
{
  KwListPane *self = KW_LIST_PANE (object);

  g_free (self->selected_id);
  g_free (self->empty_icon_name);
  g_free (self->empty_title);
  g_free (self->empty_description);
  g_free (self->new_label);

  G_OBJECT_CLASS (kw_list_pane_parent_class)->finalize (object);
}

static void
kw_list_pane_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KwListPane *self = KW_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_N_FILTERS:
      g_value_set_uint (value, self->n_filters);
      break;
    case PROP_NEXT_FOCUS:
      g_value_set_object (value, self->next_focus);
      break;
    case PROP_SEARCH_PLACEHOLDER:
      g_object_get_property (G_OBJECT (self->search_entry), "placeholder-text", value);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, kw_list_pane_get_search_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_list_pane_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KwListPane *self = KW_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      kw_list_pane_set_model (self, g_value_get_object (value));
      break;
    case PROP_N_FILTERS:
      kw_list_pane_set_n_filters (self, g_value_get_uint (value));
      break;
    case PROP_NEXT_FOCUS:
      kw_list_pane_set_next_focus (self, g_value_get_object (value));
      break;
    case PROP_SEARCH_PLACEHOLDER:
      kw_list_pane_set_search_placeholder (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_N_FILTERS] = g_param_spec_uint ("n-filters", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NEXT_FOCUS] = g_param_spec_object ("next-focus", NULL, NULL, GTK_TYPE_WIDGET, flags);
  properties[PROP_SEARCH_PLACEHOLDER] = g_param_spec_string ("search-placeholder", NULL, NULL, NULL, flags);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
install_signals (GObjectClass *object_class)
{
  /* a record of the list was chosen (a click, Enter, Enter in the search) */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /* the empty page's Clear Filters: the view clears its filters */
  signals[CLEAR_FILTERS] =
    g_signal_new ("clear-filters", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* the count under the search, in words ("3 people match the filters") */
  signals[FORMAT_COUNT] =
    g_signal_new_class_handler ("format-count", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (kw_list_pane_real_format_count),
                                g_signal_accumulator_first_wins, NULL, NULL,
                                G_TYPE_STRING, 1, G_TYPE_UINT);
}

static void
kw_list_pane_class_init (KwListPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_list_pane_dispose;
  object_class->finalize = kw_list_pane_finalize;
  object_class->get_property = kw_list_pane_get_property;
  object_class->set_property = kw_list_pane_set_property;
  widget_class->map = kw_list_pane_map;
  install_properties (object_class);
  install_signals (object_class);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/base/kw-list-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KwListPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, KwListPane, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, KwListPane, empty_clear_button);
  gtk_widget_class_bind_template_child (widget_class, KwListPane, empty_extra_box);
  gtk_widget_class_bind_template_child (widget_class, KwListPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KwListPane, filter_button);
  gtk_widget_class_bind_template_child (widget_class, KwListPane, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, KwListPane, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KwListPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, KwListPane, search_box);
  gtk_widget_class_bind_template_child (widget_class, KwListPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KwListPane, top_box);
  gtk_widget_class_bind_template_callback (widget_class, on_empty_clear_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
}

static void
kw_list_pane_init (KwListPane *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *list_keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->selection = gtk_single_selection_new (NULL);  /* its model: after the first frame */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* after the list view has taken in the change, or it trips over the selection */
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_event_controller_set_propagation_phase (list_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (list_keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), list_keys);
  /* typing in the list searches; Down in the search goes to the list */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  update_filter_button (self);
}

/* Public API */

GListModel *
kw_list_pane_get_model (KwListPane *self)
{
  g_return_val_if_fail (KW_IS_LIST_PANE (self), NULL);
  return self->model;
}

static void
connect_model (KwListPane *self)
{
  KwRecordList *list = record_list (self);

  if (list == NULL)
    return;
  g_signal_connect_object (list, "rows-replacing", G_CALLBACK (on_list_rows_replacing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::busy", G_CALLBACK (on_list_busy_cb), self, G_CONNECT_SWAPPED);
  apply_search (self);
}

void
kw_list_pane_set_model (KwListPane *self,
                        GListModel *model)
{
  g_return_if_fail (KW_IS_LIST_PANE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  self->open_first = FALSE;
  connect_model (self);
  /* the other list opens at its top, not at this one's offset */
  if (list_attached (self))
    {
      begin_list_change (self);
      gtk_single_selection_set_model (self->selection, model);
      end_list_change (self);
      update_count (self);
      select_open_record (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
kw_list_pane_set_factory (KwListPane         *self,
                          GtkListItemFactory *factory)
{
  g_return_if_fail (KW_IS_LIST_PANE (self));
  gtk_list_view_set_factory (self->list_view, factory);
}

const char *
kw_list_pane_get_search_text (KwListPane *self)
{
  g_return_val_if_fail (KW_IS_LIST_PANE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
kw_list_pane_set_search_text (KwListPane *self,
                              const char *text)
{
  g_return_if_fail (KW_IS_LIST_PANE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_search_entry_search_changed_cb (self);
}

void
kw_list_pane_set_search_placeholder (KwListPane *self,
                                     const char *text)
{
  g_return_if_fail (KW_IS_LIST_PANE (self));
  g_object_set (self->search_entry, "placeholder-text", text, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_PLACEHOLDER]);
}

gboolean
kw_list_pane_get_searching (KwListPane *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (KW_IS_LIST_PANE (self), FALSE);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  return *text != '\0';
}

guint
kw_list_pane_get_n_filters (KwListPane *self)
{
  g_return_val_if_fail (KW_IS_LIST_PANE (self), 0);
  return self->n_filters;
}

void
kw_list_pane_set_n_filters (KwListPane *self,
                            guint       n_filters)
{
  g_return_if_fail (KW_IS_LIST_PANE (self));

  self->n_filters = n_filters;
  update_filter_button (self);
  if (list_attached (self))
    update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILTERS]);
}

void
kw_list_pane_set_empty_state (KwListPane *self,
                              const char *icon_name,
                              const char *title,
                              const char *description,
                              const char *new_label)
{
  g_return_if_fail (KW_IS_LIST_PANE (self));

  g_free (self->empty_icon_name);
  self->empty_icon_name = g_strdup (icon_name);
  g_free (self->empty_title);
  self->empty_title = g_strdup (title);
  g_free (self->empty_description);
  self->empty_description = g_strdup (description);
  g_free (self->new_label);
  self->new_label = g_strdup (new_label);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "empty") == 0)
    update_empty_page (self);
}

const char *
kw_list_pane_get_selected_id (KwListPane *self)
{
  g_return_val_if_fail (KW_IS_LIST_PANE (self), NULL);
  return self->selected_id;
}

void
kw_list_pane_set_selected_id (KwListPane *self,
                              const char *id)
{
  g_return_if_fail (KW_IS_LIST_PANE (self));

  if (self->selected_id != id)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (id);
    }
  select_open_record (self);
}

void
kw_list_pane_scroll_to_selected (KwListPane *self)
{
  g_return_if_fail (KW_IS_LIST_PANE (self));
  scroll_to_open_record (self);
}

void
kw_list_pane_set_next_focus (KwListPane *self,
                             GtkWidget  *widget)
{
  g_return_if_fail (KW_IS_LIST_PANE (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (g_set_weak_pointer (&self->next_focus, widget))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_FOCUS]);
}

/* Ctrl+Shift+F in a view: its list's own search */
void
kw_list_pane_focus_search (KwListPane *self)
{
  g_return_if_fail (KW_IS_LIST_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

gboolean
kw_list_pane_focus_list (KwListPane *self)
{
  g_return_val_if_fail (KW_IS_LIST_PANE (self), FALSE);

  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_DOWN)
         || gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

GtkListView *
kw_list_pane_get_list_view (KwListPane *self)
{
  g_return_val_if_fail (KW_IS_LIST_PANE (self), NULL);
  return self->list_view;
}
