/* kw-meetings-view.c: the Meetings view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of meetings (a KwRecordList over "meeting"): Upcoming (a start
 * from now on, soonest first) or Past (before now, latest first), with
 * the context (an alliance or a unit), kind and status filters in SQL
 * (it opens on Past when nothing is ahead but something behind);
 * beside it the page of the chosen meeting. Month shows the meetings of
 * a month as a calendar grid beside a list of the same month (both
 * ranges on starts_at); clicking Month shows the grid again after a
 * meeting's page. An agenda item opens its meeting. What the list shows
 * is in kw-meetings-view-list.c, the view's actions (meetings.export-ical:
 * every meeting in one .ics file) in kw-meetings-view-actions.c.
 */
#define G_LOG_DOMAIN "kw-meetings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-list-pane.h"
#include "kw-meeting-page.h"
#include "kw-meeting-row.h"
#include "kw-meetings-month.h"
#include "kw-meetings-view.h"
#include "kw-meetings-view-private.h"
#include "kw-record-list.h"

G_DEFINE_FINAL_TYPE (KwMeetingsView, kw_meetings_view, KW_TYPE_VIEW)

/* Helpers */

static void
update_view_state (KwMeetingsView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet)
                    && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;

  kw_view_set_can_go_back (KW_VIEW (self), folded);
  /* a narrow window: the days show the start times only */
  if (self->month != NULL)
    kw_meetings_month_set_compact (self->month, adw_leaflet_get_folded (self->leaflet));
}

static void
show_detail (KwMeetingsView *self,
             const char     *name)
{
  gtk_stack_set_visible_child_name (self->detail_stack, name);
  adw_leaflet_navigate (self->leaflet, g_str_equal (name, "none") ? ADW_NAVIGATION_DIRECTION_BACK
                                                                  : ADW_NAVIGATION_DIRECTION_FORWARD);
  update_view_state (self);
}

static KwMeetingPage *
ensure_page (KwMeetingsView *self)
{
  if (self->page == NULL)
    {
      self->page = kw_meeting_page_new (self->store);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->page), "meeting");
    }
  return self->page;
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     KwMeetingsView           *self)
{
  gtk_list_item_set_child (item, kw_meeting_row_new (self->store));
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    KwMeetingsView           *self)
{
  kw_meeting_row_bind (KW_MEETING_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
on_month_changed_cb (KwMeetingsView *self)
{
  _kw_meetings_view_update_when (self);
}

static KwMeetingsMonth *
ensure_month (KwMeetingsView *self)
{
  if (self->month == NULL)
    {
      self->month = KW_MEETINGS_MONTH (kw_meetings_month_new (self->store));
      g_signal_connect_object (self->month, "month-changed", G_CALLBACK (on_month_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->month), "month");
      update_view_state (self);
    }
  return self->month;
}

/* Callbacks */

static void
on_when_toggled_cb (KwMeetingsView *self)
{
  if (gtk_toggle_button_get_active (self->month_button))
    ensure_month (self);
  _kw_meetings_view_update_when (self);
}

/* Month, also when it is on already: the grid (again) */
static void
on_month_clicked_cb (KwMeetingsView *self)
{
  ensure_month (self);
  kw_list_pane_set_selected_id (self->list_pane, NULL);
  show_detail (self, "month");
}

static char *
on_list_pane_format_count_cb (KwMeetingsView *self,
                              guint           n)
{
  if (kw_list_pane_get_n_filters (self->list_pane) > 0 || kw_list_pane_get_searching (self->list_pane))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u meeting found", "%'u meetings found", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u meeting", "%'u meetings", n), n);
}

static void
on_list_pane_activate_cb (KwMeetingsView *self,
                          const char     *type_name,
                          const char     *id)
{
  kw_view_open (KW_VIEW (self), type_name, id);
}

static void
on_leaflet_changed_cb (KwMeetingsView *self)
{
  update_view_state (self);
}

static void
on_store_context_changed_cb (KwMeetingsView *self)
{
  _kw_meetings_view_load_contexts (self);
}

/* The meeting shown went (deleted, by a sync, or waiting for its undo
 * toast): its page closes. */
static void
on_store_meeting_changed_cb (KwMeetingsView *self)
{
  KwRecordPage *page = KW_RECORD_PAGE (self->page);
  g_autoptr(KwRecord) record = NULL;

  if (page == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "meeting") != 0
      || kw_record_page_is_draft (page) || kw_record_page_get_id (page) == NULL)
    return;
  record = kw_store_get (self->store, "meeting", kw_record_page_get_id (page), NULL);
  if (record != NULL)
    return;
  kw_list_pane_set_selected_id (self->list_pane, NULL);
  show_detail (self, "none");
}

/* KwView */

static void
kw_meetings_view_open (KwView     *view,
                       const char *type_name,
                       const char *id)
{
  KwMeetingsView *self = KW_MEETINGS_VIEW (view);
  g_autoptr(KwRecord) item = NULL;

  if (g_strcmp0 (type_name, "meeting") != 0)
    {
      if ((item = kw_store_get (self->store, type_name, id, NULL)) == NULL)
        return;
      id = kw_record_get_string (item, "meeting");
    }
  kw_record_page_set_id (KW_RECORD_PAGE (ensure_page (self)), id);
  kw_list_pane_set_selected_id (self->list_pane, id);
  kw_list_pane_scroll_to_selected (self->list_pane);
  show_detail (self, "meeting");
}

static gboolean
kw_meetings_view_new_record (KwView  *view,
                             GError **error)
{
  KwMeetingsView *self = KW_MEETINGS_VIEW (view);
  KwMeetingPage *page = ensure_page (self);

  kw_list_pane_set_selected_id (self->list_pane, NULL);
  show_detail (self, "meeting");
  kw_meeting_page_start_draft (page);
  return TRUE;
}

static gboolean
kw_meetings_view_go_back (KwView *view)
{
  KwMeetingsView *self = KW_MEETINGS_VIEW (view);

  if (!kw_view_get_can_go_back (view))
    return FALSE;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  return TRUE;
}

/* GObject */

static void
kw_meetings_view_constructed (GObject *object)
{
  KwMeetingsView *self = KW_MEETINGS_VIEW (object);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  const KwEntityType *type = kw_registry_lookup ("meeting");
  g_autoptr(GListModel) kinds = kw_enum_labels_model (kw_entity_type_field (type, "kind"), _("All kinds"));
  g_autoptr(GListModel) statuses = kw_enum_labels_model (kw_entity_type_field (type, "status"), _("Any status"));

  G_OBJECT_CLASS (kw_meetings_view_parent_class)->constructed (object);

  self->store = g_object_ref (kw_view_get_store (KW_VIEW (self)));
  self->meetings = kw_record_list_new (self->store, "meeting");
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  kw_list_pane_set_factory (self->list_pane, factory);
  _kw_meetings_view_update_when (self);
  kw_list_pane_set_model (self->list_pane, G_LIST_MODEL (self->meetings));
  /* nothing ahead but meetings behind: the past ones first */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) == 0 && kw_store_count (self->store, "meeting") > 0)
    gtk_toggle_button_set_active (self->past_button, TRUE);
  gtk_drop_down_set_model (self->kind_dropdown, kinds);
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  _kw_meetings_view_load_contexts (self);
  g_signal_connect_object (self->store, "changed::alliance", G_CALLBACK (on_store_context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::network_unit", G_CALLBACK (on_store_context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::meeting", G_CALLBACK (on_store_meeting_changed_cb), self, G_CONNECT_SWAPPED);
  update_view_state (self);
}

static void
kw_meetings_view_dispose (GObject *object)
{
  KwMeetingsView *self = KW_MEETINGS_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_MEETINGS_VIEW);
  g_clear_object (&self->meetings);

  G_OBJECT_CLASS (kw_meetings_view_parent_class)->dispose (object);
}

static void
kw_meetings_view_finalize (GObject *object)
{
  KwMeetingsView *self = KW_MEETINGS_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->context_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_meetings_view_parent_class)->finalize (object);
}

static void
kw_meetings_view_class_init (KwMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KwViewClass *view_class = KW_VIEW_CLASS (klass);

  object_class->constructed = kw_meetings_view_constructed;
  object_class->dispose = kw_meetings_view_dispose;
  object_class->finalize = kw_meetings_view_finalize;
  view_class->open = kw_meetings_view_open;
  view_class->new_record = kw_meetings_view_new_record;
  view_class->go_back = kw_meetings_view_go_back;

  _kw_meetings_view_install_actions (widget_class);
  g_type_ensure (KW_TYPE_LIST_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/meetings/kw-meetings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KwMeetingsView, context_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwMeetingsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KwMeetingsView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwMeetingsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KwMeetingsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, KwMeetingsView, month_button);
  gtk_widget_class_bind_template_child (widget_class, KwMeetingsView, past_button);
  gtk_widget_class_bind_template_child (widget_class, KwMeetingsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwMeetingsView, upcoming_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_clear_filters_cb", G_CALLBACK (_kw_meetings_view_clear_filters));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_filter_changed_cb", G_CALLBACK (_kw_meetings_view_filter_changed));
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_format_count_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_month_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_when_toggled_cb);
}

static void
kw_meetings_view_init (KwMeetingsView *self)
{
  static const char * const types[] = { "meeting", "agenda_item", "attendance", NULL };
  KwView *view = KW_VIEW (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->context_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kw_list_pane_get_list_view (self->list_pane)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Meetings"), -1);
  gtk_widget_set_name (GTK_WIDGET (self), "meetings");
  kw_view_set_title (view, _("Meetings"));
  kw_view_set_icon_name (view, "x-office-calendar-symbolic");
  kw_view_set_types (view, types);
  kw_view_set_new_label (view, _("New Meeting"));
}

/* Public API */

GListModel *
kw_meetings_view_get_list (KwMeetingsView *self)
{
  g_return_val_if_fail (KW_IS_MEETINGS_VIEW (self), NULL);
  return G_LIST_MODEL (self->meetings);
}

GtkWidget *
kw_meetings_view_get_page (KwMeetingsView *self)
{
  g_return_val_if_fail (KW_IS_MEETINGS_VIEW (self), NULL);
  return GTK_WIDGET (self->page);
}

void
kw_meetings_view_set_upcoming (KwMeetingsView *self,
                               gboolean        upcoming)
{
  g_return_if_fail (KW_IS_MEETINGS_VIEW (self));
  gtk_toggle_button_set_active (upcoming ? self->upcoming_button : self->past_button, TRUE);
}

GtkWidget *
kw_meetings_view_show_month (KwMeetingsView *self)
{
  g_return_val_if_fail (KW_IS_MEETINGS_VIEW (self), NULL);

  gtk_toggle_button_set_active (self->month_button, TRUE);
  on_month_clicked_cb (self);
  return GTK_WIDGET (self->month);
}

GtkDropDown *
kw_meetings_view_get_filter (KwMeetingsView *self,
                             const char     *which)
{
  g_return_val_if_fail (KW_IS_MEETINGS_VIEW (self), NULL);
  return g_str_equal (which, "context") ? self->context_dropdown
         : g_str_equal (which, "kind") ? self->kind_dropdown : self->status_dropdown;
}
