/* kw-load-window.c: who carries too much (the participation load overview)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Belasting": kw_analysis_load for everyone over the last 8 weeks with
 * the load-threshold preference, ranked as the core ranks it (as
 * `kwartier-cli report load --threshold N` prints it): per person the
 * meetings, open and overdue actions, roles and the load, flagged rows
 * marked. A row opens the person in the window that opened this one.
 * The list follows the store. Reached from the networks view
 * (networks.show-load) and the alliances view.
 */
#define G_LOG_DOMAIN "kw-load-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-analysis.h"
#include "kw-load-window.h"
#include "kw-networks-settings.h"

struct _KwLoadWindow
{
  AdwWindow       parent_instance;

  KwStore        *store;
  GtkWindow      *opener;       /* weak */
  GHashTable     *loads;        /* person id → KwAnalysisLoad */
  GtkStringList  *ids;
  guint           threshold;
  GtkWidget      *stack;
  AdwWindowTitle *title;
};

G_DEFINE_FINAL_TYPE (KwLoadWindow, kw_load_window, ADW_TYPE_WINDOW)

/* Helpers */

static char *
dup_details (const KwAnalysisLoad *load)
{
  g_autofree char *meetings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings", load->meetings), load->meetings);
  g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open action", "%u open actions", load->open_actions), load->open_actions);
  g_autofree char *overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", load->overdue_actions), load->overdue_actions);
  g_autofree char *roles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u role", "%u roles", load->roles), load->roles);

  if (load->overdue_actions == 0)
    return g_strdup_printf ("%s · %s · %s", meetings, open, roles);
  return g_strdup_printf ("%s · %s (%s) · %s", meetings, open, overdue, roles);
}

static void
reload (KwLoadWindow *self)
{
  g_autoptr(GPtrArray) loads = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->ids));
  GDate today;

  kw_analysis_get_today (&today);
  self->threshold = kw_networks_settings_get_load_threshold ();
  loads = kw_analysis_load (self->store, KW_ANALYSIS_LOAD_WEEKS, self->threshold, &today, NULL);
  g_hash_table_remove_all (self->loads);
  for (guint i = 0; loads && i < loads->len; i++)
    {
      KwAnalysisLoad *load = g_ptr_array_index (loads, i);

      g_ptr_array_add (ids, load->person);
      g_hash_table_insert (self->loads, load->person, load);
    }
  if (loads != NULL)
    g_ptr_array_set_free_func (loads, NULL);  /* the table has them now */
  g_ptr_array_add (ids, NULL);
  gtk_string_list_splice (self->ids, 0, n_before, (const char * const *) ids->pdata);
  /* Translators: the window's subtitle */
  subtitle = g_strdup_printf (_("The last %u weeks · a lot from %u"), KW_ANALYSIS_LOAD_WEEKS, self->threshold);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), ids->len > 1 ? "list" : "empty");
}

/* Callbacks */

static void
on_store_changed_cb (KwLoadWindow *self,
                     const char   *type_name)
{
  static const char * const types[] = { "action_item", "action_line", "alliance_partner", "attendance",
                                        "meeting", "network_unit", "person" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (type_name, types[i]))
      {
        reload (self);
        return;
      }
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL), *details = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (_("Carries a lot"));
  GtkWidget *load = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), details);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, "tense");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (load, "title-3");
  gtk_widget_add_css_class (load, "numeric");
  gtk_widget_set_size_request (load, 40, -1);
  gtk_label_set_xalign (GTK_LABEL (load), 1);
  gtk_box_append (GTK_BOX (row), labels);
  gtk_box_append (GTK_BOX (row), badge);
  gtk_box_append (GTK_BOX (row), load);
  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_list_item_set_child (item, row);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            KwLoadWindow             *self)
{
  const char *id = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const KwAnalysisLoad *load = g_hash_table_lookup (self->loads, id);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *labels = gtk_widget_get_first_child (row);
  GtkWidget *badge = gtk_widget_get_next_sibling (labels);
  g_autofree char *details = NULL;
  g_autofree char *number = NULL;
  g_autofree char *tooltip = NULL;

  if (load == NULL)
    return;
  details = dup_details (load);
  number = g_strdup_printf ("%u", load->load);
  tooltip = g_strdup_printf (_("Load %u: meetings, open and overdue actions and roles added up"), load->load);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (labels)), load->name ? load->name : "");
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (labels)), details);
  gtk_widget_set_visible (badge, load->flagged);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (row)), number);
  gtk_widget_set_tooltip_text (gtk_widget_get_last_child (row), tooltip);
  if (load->flagged)
    gtk_widget_add_css_class (row, "flagged");
  else
    gtk_widget_remove_css_class (row, "flagged");
}

static void
on_list_activate_cb (KwLoadWindow *self,
                     guint         position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->ids), position);

  if (item == NULL || self->opener == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->opener), "win.open-record", "(ss)", "person",
                              gtk_string_object_get_string (item));
}

/* Building */

static GtkWidget *
make_list (KwLoadWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list;

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_cb), self, 0);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->ids)))),
                            g_steal_pointer (&factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_widget_add_css_class (list, "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Participation load per person"), -1);
  g_signal_connect_object (list, "activate", G_CALLBACK (on_list_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void
build (KwLoadWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *intro = gtk_label_new (_("Per person over the last weeks: meetings attended, open and overdue actions, and roles (chair, minutes, contact person or deputy of a unit, owner of an action line, lead partner). Spread the work of those who carry a lot."));
  GtkWidget *empty = adw_status_page_new ();

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Participation Load"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), header);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_widget_set_margin_start (intro, 12);
  gtk_widget_set_margin_end (intro, 12);
  gtk_widget_set_margin_top (intro, 12);
  gtk_widget_set_margin_bottom (intro, 6);
  gtk_box_append (GTK_BOX (box), intro);
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), make_list (self), "list");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emoji-people-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nobody Carries Anything Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Meetings, actions and roles of the last weeks will show here."));
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_box_append (GTK_BOX (box), self->stack);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/* GObject */

static void
kw_load_window_dispose (GObject *object)
{
  KwLoadWindow *self = KW_LOAD_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_weak_pointer (&self->opener);

  G_OBJECT_CLASS (kw_load_window_parent_class)->dispose (object);
}

static void
kw_load_window_finalize (GObject *object)
{
  KwLoadWindow *self = KW_LOAD_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->ids);
  g_clear_pointer (&self->loads, g_hash_table_unref);

  G_OBJECT_CLASS (kw_load_window_parent_class)->finalize (object);
}

static void
kw_load_window_class_init (KwLoadWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_load_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_load_window_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kw_load_window_init (KwLoadWindow *self)
{
  self->ids = gtk_string_list_new (NULL);
  self->loads = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) kw_analysis_load_free);
  gtk_window_set_title (GTK_WINDOW (self), _("Participation Load"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  build (self);
}

/* Public API */

KwLoadWindow *
kw_load_window_new (GtkWindow *parent,
                    KwStore   *store)
{
  KwLoadWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_LOAD_WINDOW, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->store = g_object_ref (store);
  g_set_weak_pointer (&self->opener, parent);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

GListModel *
kw_load_window_get_model (KwLoadWindow *self)
{
  g_return_val_if_fail (KW_IS_LOAD_WINDOW (self), NULL);
  return G_LIST_MODEL (self->ids);
}

guint
kw_load_window_get_threshold (KwLoadWindow *self)
{
  g_return_val_if_fail (KW_IS_LOAD_WINDOW (self), 0);
  return self->threshold;
}

GtkWidget *
kw_load_window_make_badge (void)
{
  GtkWidget *badge = gtk_label_new (_("Carries a lot"));

  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, "tense");
  gtk_widget_set_visible (badge, FALSE);
  return badge;
}

/* The flagged people of the last kw_analysis_load () of a store, until
 * the store changes, the threshold or the day: the person page asks on
 * every open, and the load of everyone is read once, not per page. */
typedef struct {
  GHashTable *flagged;     /* person id → load (GUINT_TO_POINTER) */
  guint       threshold;
  guint32     julian;      /* today */
} FlaggedCache;

#define FLAGGED_CACHE_KEY "kw-load-flagged"

static void
flagged_cache_free (FlaggedCache *cache)
{
  g_hash_table_unref (cache->flagged);
  g_free (cache);
}

static void
on_flagged_store_changed_cb (KwStore    *store,
                             const char *type_name,
                             gpointer    user_data)
{
  g_object_set_data (G_OBJECT (store), FLAGGED_CACHE_KEY, NULL);
}

static FlaggedCache *
get_flagged (KwStore     *store,
             guint        threshold,
             const GDate *today)
{
  FlaggedCache *cache = g_object_get_data (G_OBJECT (store), FLAGGED_CACHE_KEY);
  g_autoptr(GPtrArray) loads = NULL;

  if (cache != NULL && cache->threshold == threshold && cache->julian == g_date_get_julian (today))
    return cache;
  cache = g_new0 (FlaggedCache, 1);
  cache->flagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cache->threshold = threshold;
  cache->julian = g_date_get_julian (today);
  loads = kw_analysis_load (store, KW_ANALYSIS_LOAD_WEEKS, threshold, today, NULL);
  for (guint i = 0; loads && i < loads->len; i++)
    {
      const KwAnalysisLoad *load = g_ptr_array_index (loads, i);

      if (load->flagged)
        g_hash_table_insert (cache->flagged, g_strdup (load->person), GUINT_TO_POINTER (load->load));
    }
  if (g_object_get_data (G_OBJECT (store), FLAGGED_CACHE_KEY "-watched") == NULL)
    {
      g_signal_connect (store, "changed", G_CALLBACK (on_flagged_store_changed_cb), NULL);
      g_object_set_data (G_OBJECT (store), FLAGGED_CACHE_KEY "-watched", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (store), FLAGGED_CACHE_KEY, cache, (GDestroyNotify) flagged_cache_free);
  return cache;
}

void
kw_load_window_update_badge (GtkWidget  *badge,
                             KwStore    *store,
                             const char *person_id)
{
  guint threshold = kw_networks_settings_get_load_threshold ();
  g_autofree char *tooltip = NULL;
  gpointer load = NULL;
  gboolean flagged;
  GDate today;

  g_return_if_fail (GTK_IS_LABEL (badge));
  g_return_if_fail (KW_IS_STORE (store));

  kw_analysis_get_today (&today);
  flagged = person_id != NULL
            && g_hash_table_lookup_extended (get_flagged (store, threshold, &today)->flagged, person_id, NULL, &load);
  gtk_widget_set_visible (badge, flagged);
  if (!flagged)
    return;
  tooltip = g_strdup_printf (_("Load %u over the last %u weeks (a lot from %u): meetings, open and overdue actions and roles"),
                             GPOINTER_TO_UINT (load), KW_ANALYSIS_LOAD_WEEKS, threshold);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (badge), tooltip) != 0)
    gtk_widget_set_tooltip_text (badge, tooltip);
}
