/* kw-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A leaflet with the sidebar of the views and the content. The window
 * knows views only as KwView (the list is in kw-window-views.c): the
 * sidebar comes from their titles and icons, a record opens in the view
 * that claims its type, New and Back follow the shown view. The
 * window owns the undo toast of deletes: a delete is done for real only
 * when the toast goes away without an undo (a tombstone never returns).
 */
#define G_LOG_DOMAIN "kw-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-action-forwarder.h"
#include "kw-conflicts.h"
#include "kw-demo.h"
#include "kw-error.h"
#include "kw-record-summary.h"
#include "kw-search-popover.h"
#include "kw-sync-problems.h"
#include "kw-sync-scheduler.h"
#include "kw-toast.h"
#include "kw-view.h"
#include "kw-welcome-dialog.h"
#include "kw-window-private.h"

/* _kw_window_add_view_type(): views after the default ones (tests) */
static GArray *extra_view_types;

struct _KwWindow
{
  AdwApplicationWindow  parent_instance;

  KwStore              *store;
  GSettings            *settings;
  GPtrArray            *views;  /* of KwView, in sidebar order */
  GHashTable           *view_prefixes;  /* of the views' actions: insert_view_actions() */
  KwSyncScheduler      *scheduler;

  /* the delete waiting for its toast to go */
  char                 *pending_type;
  char                 *pending_id;
  AdwToast             *pending_toast;

  /* store work in a thread (kw_store_run_async): cancelled in dispose */
  GCancellable         *cancellable;
  gboolean              busy;
  gboolean              first_sync_done;
  char                 *idle_status;  /* the sync label before the work */
  guint                 conflicts_idle_id;

  GtkWidget            *back_button;
  AdwStatusPage        *busy_page;
  GtkSpinner           *busy_spinner;
  GtkLabel             *conflicts_badge;
  GtkWidget            *conflicts_button;
  GtkStack             *content_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *menu_button;
  GtkWidget            *new_button;
  GtkMenuButton        *search_button;
  KwSearchPopover      *search_popover;
  GtkListBox           *sidebar_list;
  GtkWidget            *sidebar_menu_button;
  GtkWidget            *sync_button;
  GtkMenuButton        *sync_details_button;
  GtkLabel             *sync_error_label;
  GtkImage             *sync_icon;
  GtkLabel             *sync_label;
  GtkProgressBar       *sync_progress;
  GtkSpinner           *sync_spinner;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *view_stack;
  AdwWindowTitle       *window_title;
};

G_DEFINE_FINAL_TYPE (KwWindow, kw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* A toast's title is markup: names and messages are escaped. */
static void
show_toast (KwWindow   *self,
            const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static KwView *
lookup_view (KwWindow   *self,
             const char *name)
{
  for (guint i = 0; i < self->views->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (self->views, i)), name) == 0)
      return g_ptr_array_index (self->views, i);
  return NULL;
}

static KwView *
lookup_view_for_type (KwWindow   *self,
                      const char *type_name)
{
  for (guint i = 0; i < self->views->len; i++)
    if (kw_view_claims_type (g_ptr_array_index (self->views, i), type_name))
      return g_ptr_array_index (self->views, i);
  return NULL;
}

static KwView *
get_shown_view (KwWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->view_stack);

  return KW_IS_VIEW (child) ? KW_VIEW (child) : NULL;
}

static GtkWidget *
make_sidebar_row (KwView *view)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (kw_view_get_title (view));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (kw_view_get_icon_name (view)));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, gtk_widget_get_name (GTK_WIDGET (view)));
  return row;
}

/* GTK 4.8: a menu button's screen-reader label belongs on the toggle
 * button inside it, which is what takes focus. */
static void
label_menu_button (GtkWidget *menu_button)
{
  g_autofree char *label = g_strdup (gtk_widget_get_tooltip_text (menu_button));
  char *paren = label ? strstr (label, " (") : NULL;

  if (paren != NULL)
    *paren = '\0';  /* "Search Everything (Ctrl+K)": the shortcut is not part of the name */
  for (GtkWidget *child = gtk_widget_get_first_child (menu_button); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child) && label != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void on_view_state_changed_cb (KwWindow *self,
                                      GParamSpec *pspec,
                                      KwView   *view);
static void on_view_busy_status_cb   (KwWindow *self,
                                      GParamSpec *pspec,
                                      KwView   *view);

/* A view's actions ("<prefix>.<verb>" on its class) are found from its
 * own widgets; the window's menu and toasts find them through a
 * forwarder per prefix (the first view with a prefix has it). */
static void
insert_view_actions (KwWindow *self,
                     KwView   *view)
{
  const GVariantType *type;
  const char *name, *property;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (view), i, &owner, &name, &type, &property); i++)
    {
      const char *dot = strchr (name, '.');
      g_autofree char *prefix = dot ? g_strndup (name, dot - name) : NULL;
      g_autoptr(KwActionForwarder) forwarder = NULL;

      if (prefix == NULL || !g_type_is_a (owner, KW_TYPE_VIEW) || g_str_equal (prefix, "win")
          || g_hash_table_contains (self->view_prefixes, prefix))
        continue;
      forwarder = kw_action_forwarder_new (GTK_WIDGET (view), prefix);
      gtk_widget_insert_action_group (GTK_WIDGET (self), prefix, G_ACTION_GROUP (forwarder));
      g_hash_table_add (self->view_prefixes, g_steal_pointer (&prefix));
    }
}

static void
add_view (KwWindow *self,
          GType     type)
{
  KwView *view = g_object_new (type, "store", self->store, NULL);

  g_ptr_array_add (self->views, view);
  insert_view_actions (self, view);
  gtk_list_box_append (self->sidebar_list, make_sidebar_row (view));
  gtk_stack_add_named (self->view_stack, GTK_WIDGET (view), gtk_widget_get_name (GTK_WIDGET (view)));
  g_signal_connect_object (view, "notify::new-label", G_CALLBACK (on_view_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::can-go-back", G_CALLBACK (on_view_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::busy-status", G_CALLBACK (on_view_busy_status_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
build_views (KwWindow *self)
{
  g_autoptr(GArray) types = _kw_window_dup_default_view_types ();

  for (guint i = 0; i < types->len; i++)
    add_view (self, g_array_index (types, GType, i));
  for (guint i = 0; extra_view_types != NULL && i < extra_view_types->len; i++)
    add_view (self, g_array_index (extra_view_types, GType, i));
}

static GtkListBoxRow *
find_sidebar_row (KwWindow   *self,
                  const char *name)
{
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

      if (row == NULL || g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
        return row;
    }
}

static void
update_new_button (KwWindow *self)
{
  KwView *view = get_shown_view (self);
  const char *label = view ? kw_view_get_new_label (view) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", label != NULL);
  gtk_widget_set_tooltip_text (self->new_button,
                               label ? label : _("New records can be made here once this view is ready"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label ? label : _("New"), -1);
}

static void
update_back_button (KwWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  KwView *view = get_shown_view (self);

  gtk_widget_set_visible (self->back_button, folded || (view != NULL && kw_view_get_can_go_back (view)));
}

static void
show_view (KwWindow   *self,
           const char *name)
{
  KwView *view = lookup_view (self, name);
  const char *shown;

  if (view == NULL)
    {
      /* the setting's default view, else the first */
      g_autoptr(GVariant) fallback = g_settings_get_default_value (self->settings, "last-view");

      view = lookup_view (self, g_variant_get_string (fallback, NULL));
      if (view == NULL)
        view = g_ptr_array_index (self->views, 0);
    }
  shown = gtk_widget_get_name (GTK_WIDGET (view));
  gtk_stack_set_visible_child (self->view_stack, GTK_WIDGET (view));
  gtk_list_box_select_row (self->sidebar_list, find_sidebar_row (self, shown));
  adw_window_title_set_title (self->window_title, kw_view_get_title (view));
  g_settings_set_string (self->settings, "last-view", shown);
  update_new_button (self);
  update_back_button (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
finish_pending_delete (KwWindow *self,
                       gboolean  undone)
{
  g_autofree char *type = g_steal_pointer (&self->pending_type);
  g_autofree char *id = g_steal_pointer (&self->pending_id);
  g_autoptr(GError) error = NULL;
  KwView *view;

  g_clear_object (&self->pending_toast);
  if (id == NULL)
    return;
  if (undone)
    kw_store_cancel_pending (self->store, type, id);
  else if (!kw_store_commit_pending (self->store, type, id, &error))
    show_toast (self, error->message);
  if (undone && (view = lookup_view_for_type (self, type)) != NULL)
    kw_view_open (view, type, id);
}

static void
load_window_state (KwWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "last-view");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  show_view (self, view);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
save_window_state (KwWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* While a pass runs: how many of the colleagues' files it looked at. */
static void
update_sync_progress (KwWindow *self)
{
  guint done, total;
  g_autofree char *text = NULL;

  kw_sync_scheduler_get_progress (self->scheduler, &done, &total);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_progress), total > 0);
  if (total == 0)
    return;
  gtk_progress_bar_set_fraction (self->sync_progress, (double) done / total);
  /* Translators: what a screen reader says of the sync's progress bar */
  text = g_strdup_printf (ngettext ("%u of %u file", "%u of %u files", total), done, total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_progress),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

/* The sidebar's sync row: the last result in words, errors in red. */
static void
update_sync_row (KwWindow *self)
{
  g_autofree char *status = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *details = NULL;
  g_autofree char *button_tooltip = NULL;
  const char *folder = kw_sync_scheduler_get_folder (self->scheduler);

  if (self->busy)
    return;  /* the row shows the work; this comes back when it is done */
  _kw_window_describe_sync (self->scheduler, kw_store_get_device_id (self->store),
                            &status, &problem, &details);
  gtk_label_set_label (self->sync_label, status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_label), details);
  gtk_label_set_label (self->sync_error_label, problem ? problem : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_error_label), problem);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem ? problem : "", -1);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_error_label), problem != NULL);
  gtk_image_set_from_icon_name (self->sync_icon, problem ? "dialog-warning-symbolic"
                                                         : "emblem-synchronizing-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  problem ? _("Sync problem") : _("Sync"), -1);
  if (folder != NULL)
    button_tooltip = g_strdup_printf (_("Sync with the folder %s now (it also happens by itself "
                                        "when a colleague’s file arrives)"), folder);
  gtk_button_set_label (GTK_BUTTON (self->sync_button), folder ? _("_Sync Now") : _("_Set Up Sync…"));
  gtk_widget_set_tooltip_text (self->sync_button, folder ? button_tooltip
                               : _("Choose a folder shared with fellow organisers in Preferences"));
  gtk_widget_set_visible (GTK_WIDGET (self->sync_spinner), kw_sync_scheduler_get_running (self->scheduler));
  gtk_spinner_set_spinning (self->sync_spinner, kw_sync_scheduler_get_running (self->scheduler));
  gtk_widget_set_visible (GTK_WIDGET (self->sync_icon), !kw_sync_scheduler_get_running (self->scheduler));
  update_sync_progress (self);
  /* the last pass's files stay what they were while the next one runs */
  if (!kw_sync_scheduler_get_running (self->scheduler))
    kw_sync_problems_update (gtk_menu_button_get_popover (self->sync_details_button),
                             kw_sync_scheduler_get_result (self->scheduler), problem);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_details_button), problem != NULL);
}

/* The sidebar's conflicts row: the count of open conflicts, hidden at
 * none; not while store work in a thread holds the store (it comes
 * again when the work is done). */
static void
update_conflicts_row (KwWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *label = NULL;
  gint64 count;

  if (self->store == NULL || self->busy || kw_store_get_busy (self->store))
    return;
  if ((count = kw_conflicts_count (self->store, &error)) < 0)
    {
      g_warning ("could not count the open conflicts: %s", error->message);
      return;
    }
  gtk_widget_set_visible (self->conflicts_button, count > 0);
  if (count == 0)
    return;
  count_text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  /* Translators: the accessible name and tooltip of the sidebar's conflicts row */
  label = g_strdup_printf (ngettext ("%s open conflict", "%s open conflicts", count), count_text);
  gtk_label_set_label (self->conflicts_badge, count_text);
  gtk_widget_set_tooltip_text (self->conflicts_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->conflicts_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static gboolean
update_conflicts_idle_cb (gpointer data)
{
  KwWindow *self = data;

  self->conflicts_idle_id = 0;
  update_conflicts_row (self);
  return G_SOURCE_REMOVE;
}

/* Once for a burst of ::changed (an import emits one per type). */
static void
schedule_conflicts_update (KwWindow *self)
{
  if (self->conflicts_idle_id == 0)
    self->conflicts_idle_id = g_idle_add (update_conflicts_idle_cb, self);
}

static void
update_sync_folder (KwWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "sync-folder");

  kw_sync_scheduler_set_folder (self->scheduler, folder);
  update_sync_row (self);
}

/* The demo data can be loaded while the database is empty. */
static void
update_load_demo (KwWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo",
                                 !self->busy && kw_store_is_empty (self->store));
}

static gboolean
needs_welcome (KwWindow *self)
{
  return !g_settings_get_boolean (self->settings, "first-run-done")
         && kw_store_is_empty (self->store);
}

/* Callbacks */

static void
on_sidebar_list_row_activated_cb (KwWindow      *self,
                                  GtkListBoxRow *row)
{
  show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_leaflet_folded_changed_cb (KwWindow *self)
{
  update_back_button (self);
}

static void
on_view_state_changed_cb (KwWindow   *self,
                          GParamSpec *pspec,
                          KwView     *view)
{
  if (view != get_shown_view (self))
    return;
  update_new_button (self);
  update_back_button (self);
}

static void
on_view_busy_status_cb (KwWindow   *self,
                        GParamSpec *pspec,
                        KwView     *view)
{
  _kw_window_set_busy (self, kw_view_get_busy_status (view));
}

static void
on_search_popover_record_activated_cb (KwWindow   *self,
                                       const char *type_name,
                                       const char *id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(ss)", type_name, id);
}

static void
on_undo_toast_dismissed_cb (KwWindow *self,
                            AdwToast *toast)
{
  if (toast == self->pending_toast)
    finish_pending_delete (self, FALSE);
}

static void
on_store_changed_cb (KwWindow *self)
{
  update_load_demo (self);
  schedule_conflicts_update (self);
}

static void
on_scheduler_changed_cb (KwWindow *self)
{
  update_sync_row (self);
}

static void
on_scheduler_finished_cb (KwWindow *self)
{
  const KwSyncResult *result = kw_sync_scheduler_get_result (self->scheduler);
  g_autofree char *message = NULL;

  update_sync_row (self);
  update_conflicts_row (self);
  if (result->conflicts == 0)
    return;
  message = g_strdup_printf (ngettext ("A colleague’s file brought %u conflict",
                                       "A colleague’s file brought %u conflicts", result->conflicts),
                             result->conflicts);
  _kw_window_show_toast_with_action (self, message, _("_Show Conflicts"), "win.show-conflicts");
}

static void
on_settings_sync_folder_changed_cb (KwWindow *self)
{
  update_sync_folder (self);
  kw_sync_scheduler_request (self->scheduler);  /* a new folder: meet it at once */
}

static void
on_welcome_dialog_done_cb (KwWindow *self)
{
  g_settings_set_boolean (self->settings, "first-run-done", TRUE);
}

/* Actions */

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  show_view (KW_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_menu_button_popup (KW_WINDOW (widget)->search_button);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  KwView *view = get_shown_view (self);

  if (view != NULL && !kw_view_new_record (view, &error))
    show_toast (self, error->message);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  KwView *view = get_shown_view (self);

  if (view != NULL && kw_view_go_back (view))
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  const char *type, *id;
  g_autoptr(GError) error = NULL;
  KwView *view;

  g_variant_get (param, "(&s&s)", &type, &id);
  if ((view = lookup_view_for_type (self, type)) == NULL)
    {
      /* a type no view shows: what the database holds, to read */
      KwRecordSummary *summary = kw_record_summary_new (GTK_WINDOW (self), self->store, type, id, &error);

      if (summary == NULL)
        show_toast (self, error->message);
      else
        gtk_window_present (GTK_WINDOW (summary));
      return;
    }
  show_view (self, gtk_widget_get_name (GTK_WIDGET (view)));
  kw_view_open (view, type, id);
}

static void
delete_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  g_autoptr(KwRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *type, *id;
  AdwToast *toast;

  g_variant_get (param, "(&s&s)", &type, &id);
  if ((record = kw_store_get (self->store, type, id, NULL)) == NULL)
    return;
  if (self->pending_toast != NULL)
    kw_toast_dismiss (self->pending_toast);
  finish_pending_delete (self, FALSE);

  if (!kw_store_pend_delete (self->store, type, id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  self->pending_type = g_strdup (type);
  self->pending_id = g_strdup (id);

  /* a record one searches for by its name: "“Aylin Kaya” deleted"; a
   * part of one (an affiliation, a relation): "Relation removed" */
  if ((kw_record_get_entity_type (record)->flags & KW_TYPE_FLAG_SEARCH) != 0
      && kw_record_get_entity_type (record)->title_field != NULL)
    {
      g_autofree char *name = kw_record_dup_title (record);

      title = g_markup_escape_text (name, -1);
      toast = adw_toast_new_format (_("“%s” deleted"), title);
    }
  else  /* Translators: "Relation removed", "Affiliation removed" */
    toast = adw_toast_new_format (_("%s removed"), g_dgettext (GETTEXT_PACKAGE, kw_record_get_entity_type (record)->label));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->pending_toast = g_object_ref (toast);
  kw_toast_add (self->toast_overlay, toast);
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!kw_store_is_empty (self->store))
    return;
  if (!kw_demo_load (self->store, &error))
    show_toast (self, error->message);
  g_settings_set_boolean (self->settings, "first-run-done", TRUE);
  update_load_demo (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  g_autoptr(AdwToast) toast = self->pending_toast ? g_object_ref (self->pending_toast) : NULL;

  finish_pending_delete (self, TRUE);
  if (toast != NULL)
    kw_toast_dismiss (toast);
}

/* Overrides */

static gboolean
kw_window_close_request (GtkWindow *window)
{
  KwWindow *self = KW_WINDOW (window);
  g_autoptr(GError) error = NULL;

  finish_pending_delete (self, FALSE);
  save_window_state (self);
  /* the last local edits reach fellow organisers, not only at the next start */
  if (self->scheduler != NULL && !kw_sync_scheduler_finish (self->scheduler, &error))
    g_warning ("the last sync pass failed: %s", error->message);
  return GTK_WINDOW_CLASS (kw_window_parent_class)->close_request (window);
}

static gboolean
show_welcome_cb (gpointer data)
{
  KwWindow *self = data;
  KwWelcomeDialog *welcome;

  if (!needs_welcome (self))
    return G_SOURCE_REMOVE;
  welcome = kw_welcome_dialog_new (GTK_WINDOW (self), self->store, self->settings);
  g_signal_connect_object (welcome, "done", G_CALLBACK (on_welcome_dialog_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (welcome));
  return G_SOURCE_REMOVE;
}

static gboolean
first_sync_cb (gpointer data)
{
  KwWindow *self = data;

  if (self->scheduler != NULL && !self->first_sync_done)
    kw_sync_scheduler_request (self->scheduler);
  self->first_sync_done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
kw_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kw_window_parent_class)->map (widget);

  /* after the window is on screen, so that the dialog has a parent to sit on */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_welcome_cb, g_object_ref (widget), g_object_unref);
  /* the pass at start: after the first frame, in a thread */
  g_idle_add_full (G_PRIORITY_LOW, first_sync_cb, g_object_ref (widget), g_object_unref);
}

static void
kw_window_constructed (GObject *object)
{
  KwWindow *self = KW_WINDOW (object);

  G_OBJECT_CLASS (kw_window_parent_class)->constructed (object);

  kw_search_popover_set_store (self->search_popover, self->store);
  build_views (self);
  label_menu_button (self->menu_button);
  label_menu_button (self->sidebar_menu_button);
  label_menu_button (GTK_WIDGET (self->search_button));
  load_window_state (self);

  self->scheduler = kw_sync_scheduler_new (self->store);
  g_signal_connect_object (self->scheduler, "finished", G_CALLBACK (on_scheduler_finished_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "notify::running", G_CALLBACK (on_scheduler_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "progress", G_CALLBACK (on_scheduler_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->sync_details_button, GTK_WIDGET (kw_sync_problems_new ()));
  g_signal_connect_object (self->settings, "changed::sync-folder",
                           G_CALLBACK (on_settings_sync_folder_changed_cb), self, G_CONNECT_SWAPPED);
  update_sync_folder (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  update_load_demo (self);
  update_conflicts_row (self);
}

static void
kw_window_dispose (GObject *object)
{
  KwWindow *self = KW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  /* what the store says from now on (the pending delete's commit below
   * too) is for the views, not for a window that is going */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  finish_pending_delete (self, FALSE);
  if (self->scheduler != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->scheduler, self);
      /* no more passes; a running one finishes in its thread */
      kw_sync_scheduler_set_folder (self->scheduler, NULL);
    }
  g_clear_object (&self->scheduler);
  /* the view stack holds the views: no more notifications from them */
  for (guint i = 0; i < self->views->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->views, i), self);
  g_ptr_array_set_size (self->views, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_WINDOW);
  g_clear_handle_id (&self->conflicts_idle_id, g_source_remove);

  G_OBJECT_CLASS (kw_window_parent_class)->dispose (object);
}

static void
kw_window_finalize (GObject *object)
{
  KwWindow *self = KW_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->view_prefixes, g_hash_table_unref);
  g_free (self->idle_status);

  G_OBJECT_CLASS (kw_window_parent_class)->finalize (object);
}

static void
kw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KwWindow *self = KW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KwWindow *self = KW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Alt+1…9: the view at that place in the sidebar */
static gboolean
show_view_at_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  KwWindow *self = KW_WINDOW (widget);
  guint index = g_variant_get_uint32 (args);

  if (index >= self->views->len)
    return FALSE;
  return gtk_widget_activate_action (widget, "win.show-view", "s",
                                     gtk_widget_get_name (g_ptr_array_index (self->views, index)));
}

static void
add_view_bindings (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < 9; i++)
    gtk_widget_class_add_binding (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, show_view_at_cb, "u", i);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.open-record", "(ss)", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.delete-record", "(ss)", delete_record_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  _kw_window_class_add_sync_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  add_view_bindings (widget_class);
}

static void
kw_window_class_init (KwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kw_window_constructed;
  object_class->dispose = kw_window_dispose;
  object_class->finalize = kw_window_finalize;
  object_class->set_property = kw_window_set_property;
  object_class->get_property = kw_window_get_property;
  widget_class->map = kw_window_map;
  GTK_WINDOW_CLASS (klass)->close_request = kw_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KW_TYPE_SEARCH_POPOVER);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/kw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, conflicts_badge);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, conflicts_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, search_popover);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sync_details_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sync_error_label);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sync_icon);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sync_label);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sync_progress);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_popover_record_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  install_actions (widget_class);
}

static void
kw_window_init (KwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->views = g_ptr_array_new ();  /* the view stack holds them */
  self->view_prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _kw_window_add_drop_target (self);
}

/* Public API */

KwWindow *
kw_window_new (GtkApplication *app,
               KwStore        *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_WINDOW, "application", app, "store", store, NULL);
}

KwStore *
kw_window_get_store (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
kw_window_get_view (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
kw_window_get_view_for_type (KwWindow   *self,
                             const char *type_name)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);
  return self->views ? GTK_WIDGET (lookup_view_for_type (self, type_name)) : NULL;
}

GtkListBox *
kw_window_get_sidebar (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);
  return self->sidebar_list;
}

GtkWidget *
kw_window_get_search_popover (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->search_popover);
}

AdwToast *
kw_window_get_undo_toast (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);
  return self->pending_toast;
}

KwSyncScheduler *
kw_window_get_sync_scheduler (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);
  return self->scheduler;
}

/* For tests: a view type after the default ones, in windows made
 * from now on. */
void
_kw_window_add_view_type (GType type)
{
  g_return_if_fail (g_type_is_a (type, KW_TYPE_VIEW));
  if (extra_view_types == NULL)
    extra_view_types = g_array_new (FALSE, FALSE, sizeof (GType));
  g_array_append_val (extra_view_types, type);
}

void
_kw_window_remove_view_type (GType type)
{
  for (guint i = 0; extra_view_types != NULL && i < extra_view_types->len; i++)
    if (g_array_index (extra_view_types, GType, i) == type)
      g_array_remove_index (extra_view_types, i--);
}

/* For kw-window-sync.c */

void
_kw_window_show_toast (KwWindow   *self,
                       const char *message)
{
  show_toast (self, message);
}

void
_kw_window_show_toast_with_action (KwWindow   *self,
                                   const char *message,
                                   const char *button_label,
                                   const char *action_name)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_kw_window_set_sync_status (KwWindow   *self,
                            const char *status)
{
  gtk_label_set_label (self->sync_label, status);
}

void
_kw_window_update_conflicts (KwWindow *self)
{
  update_conflicts_row (self);
}

GSettings *
_kw_window_get_settings (KwWindow *self)
{
  return self->settings;
}

GCancellable *
_kw_window_get_cancellable (KwWindow *self)
{
  return self->cancellable;
}

gboolean
_kw_window_offer_file (KwWindow   *self,
                       const char *path)
{
  for (guint i = 0; i < self->views->len; i++)
    if (kw_view_offer_file (g_ptr_array_index (self->views, i), path))
      return TRUE;
  return FALSE;
}

/* While busy, the window's own actions (those of its class: each reads
 * or writes the store, or opens what does) are off; the views' are off
 * as the views are insensitive. After, win.new and win.load-demo follow
 * their conditions again (update_new_button, update_load_demo). */
static void
set_own_actions_enabled (KwWindow *self,
                         gboolean  enabled)
{
  const GVariantType *type;
  const char *name, *property;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (self), i, &owner, &name, &type, &property); i++)
    if (owner == KW_TYPE_WINDOW)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
}

gboolean
_kw_window_get_busy (KwWindow *self)
{
  return self->busy;
}

void
_kw_window_set_busy (KwWindow   *self,
                     const char *status)
{
  gboolean busy = status != NULL;

  if (busy && self->pending_toast != NULL)
    kw_toast_dismiss (self->pending_toast);  /* the delete is done before the work */
  if (busy)
    finish_pending_delete (self, FALSE);
  if (busy && !self->busy)
    {
      g_free (self->idle_status);
      self->idle_status = g_strdup (gtk_label_get_label (self->sync_label));
    }
  self->busy = busy;
  set_own_actions_enabled (self, !busy);
  if (busy)
    {
      gtk_popover_popdown (GTK_POPOVER (self->search_popover));
      adw_status_page_set_title (self->busy_page, status);
      gtk_label_set_label (self->sync_label, status);
    }
  else
    {
      gtk_label_set_label (self->sync_label, self->idle_status ? self->idle_status : "");
      update_new_button (self);
      update_load_demo (self);
      update_conflicts_row (self);
    }
  /* no list or page is shown, so nothing reads the store meanwhile */
  gtk_stack_set_visible_child_name (self->content_stack, busy ? "busy" : "views");
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_icon), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_spinner), busy);
  gtk_spinner_set_spinning (self->sync_spinner, busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
}
