/* kw-map-list-group.c: the stakeholder maps of an alliance, to open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group on the alliance's page: a row per stakeholder map of the
 * alliance with its number of parties, which opens the map's
 * power/interest grid in the map view (win.open-record), and a button
 * that starts a new map of the alliance.
 */
#define G_LOG_DOMAIN "kw-map-list-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-map-list-group.h"
#include "kw-view.h"

struct _KwMapListGroup
{
  AdwPreferencesGroup  parent_instance;

  KwStore             *store;
  char                *alliance_id;
  GtkWidget           *list;
  guint                n_maps;
};

G_DEFINE_FINAL_TYPE (KwMapListGroup, kw_map_list_group, ADW_TYPE_PREFERENCES_GROUP)

/* Helpers */

static GtkWidget *
make_row (KwMapListGroup *self,
          KwRecord       *map)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GPtrArray) positions = kw_store_list_by_ref (self->store, "map_position", "map", kw_record_get_id (map), NULL);
  guint n = positions ? positions->len : 0;
  g_autofree char *title = kw_record_dup_title (map);
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u party", "%u parties", n), n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "kw-map-id", g_strdup (kw_record_get_id (map)), g_free);
  return row;
}

static void
refill (KwMapListGroup *self)
{
  g_autoptr(GPtrArray) maps = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  self->n_maps = 0;
  if (self->alliance_id != NULL)
    maps = kw_store_list_by_ref (self->store, "stakeholder_map", "alliance", self->alliance_id, NULL);
  for (guint i = 0; maps != NULL && i < maps->len; i++, self->n_maps++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), make_row (self, maps->pdata[i]));
  if (self->n_maps == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No stakeholder maps yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
}

/* Callbacks */

static void
on_store_changed_cb (KwMapListGroup *self)
{
  refill (self);
}

static void
on_row_activated_cb (KwMapListGroup *self,
                     GtkListBoxRow  *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "kw-map-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(ss)", "stakeholder_map", id);
}

static void
on_add_clicked_cb (KwMapListGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = kw_map_list_group_add_map (self, &error);

  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), KW_TYPE_VIEW);

  if (id == NULL && view != NULL)
    {
      g_autofree char *title = g_markup_escape_text (error->message, -1);

      kw_view_show_toast (KW_VIEW (view), adw_toast_new (title));
    }
}

/* GObject */

static void
kw_map_list_group_finalize (GObject *object)
{
  KwMapListGroup *self = KW_MAP_LIST_GROUP (object);

  g_clear_object (&self->store);
  g_free (self->alliance_id);

  G_OBJECT_CLASS (kw_map_list_group_parent_class)->finalize (object);
}

static void
kw_map_list_group_class_init (KwMapListGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_map_list_group_finalize;
}

static void
kw_map_list_group_init (KwMapListGroup *self)
{
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Stakeholder Maps"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Who has influence, who has an interest: each map opens as a power/interest grid."));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("New Stakeholder Map of this alliance"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Stakeholder Map"), -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->list);
}

/* Public API */

KwMapListGroup *
kw_map_list_group_new (KwStore *store)
{
  KwMapListGroup *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_MAP_LIST_GROUP, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::stakeholder_map", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::map_position", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  refill (self);
  return self;
}

void
kw_map_list_group_set_alliance (KwMapListGroup *self,
                                const char     *alliance_id)
{
  g_return_if_fail (KW_IS_MAP_LIST_GROUP (self));

  g_free (self->alliance_id);
  self->alliance_id = g_strdup (alliance_id);
  refill (self);
}

guint
kw_map_list_group_get_n_maps (KwMapListGroup *self)
{
  g_return_val_if_fail (KW_IS_MAP_LIST_GROUP (self), 0);
  return self->n_maps;
}

char *
kw_map_list_group_add_map (KwMapListGroup  *self,
                           GError         **error)
{
  g_autoptr(KwRecord) alliance = NULL;
  g_autoptr(KwChangeset) changes = NULL;
  g_autofree char *alliance_name = NULL;
  g_autofree char *name = NULL;
  char *id;

  g_return_val_if_fail (KW_IS_MAP_LIST_GROUP (self), NULL);
  g_return_val_if_fail (self->alliance_id != NULL, NULL);

  if ((alliance = kw_store_get (self->store, "alliance", self->alliance_id, error)) == NULL
      || (changes = kw_changeset_new ("stakeholder_map", error)) == NULL)
    return NULL;
  alliance_name = kw_record_dup_title (alliance);
  /* Translators: the name of a new stakeholder map, "Stakeholder map of Wijkalliantie K-buurt" */
  name = g_strdup_printf (_("Stakeholder map of %s"), alliance_name);
  kw_changeset_set_string (changes, "name", name);
  kw_changeset_set_string (changes, "alliance", self->alliance_id);
  if (kw_record_get_string (alliance, "area") != NULL)
    kw_changeset_set_string (changes, "area", kw_record_get_string (alliance, "area"));
  if ((id = kw_store_create (self->store, changes, error)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(ss)", "stakeholder_map", id);
  return id;
}
