/* kw-unit-page.c: one unit (binnenbuurt) of a network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwRecordPage of a network_unit: a warning badge for each flag of
 * kw_analysis_unit_flags (no contact person or deputy, one of them not
 * contacted for the preference's months), its details with the contact
 * person and the deputy, the signal of who stopped coming
 * (KwAbsentGroup), its members from the contacts (a KwChildGroup of
 * network_member) against the ~50 a unit works best with, and its
 * gatherings (the meetings of the unit, newest first, each opening the
 * meeting).
 */
#define G_LOG_DOMAIN "kw-unit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-format.h"
#include "kw-networks-settings.h"
#include "kw-record-list.h"
#include "kw-unit-group.h"
#include "kw-unit-page.h"

struct _KwUnitPage
{
  KwRecordPage    parent_instance;

  GtkWidget      *flags_box;
  KwAbsentGroup  *absent_group;
  KwChildGroup   *members_group;
  GtkWidget      *gatherings_list;
  GtkWidget      *gatherings_empty;
  KwRecordList   *gatherings;
};

G_DEFINE_FINAL_TYPE (KwUnitPage, kw_unit_page, KW_TYPE_RECORD_PAGE)

static const char * const detail_fields[] = {
  "name", "area", "contact", "deputy", "members_count", "meetings_per_year", NULL,
};

/* Helpers */

static void
update_flags (KwUnitPage *self)
{
  const char *id = kw_record_page_get_id (KW_RECORD_PAGE (self));

  kw_unit_group_fill_badges (self->flags_box, kw_unit_group_get_flags (kw_record_page_get_store (KW_RECORD_PAGE (self)), id),
                             kw_networks_settings_get_stale_months (), FALSE);
}

static void
on_gathering_activated_cb (AdwActionRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "win.open-record", "(ss)", "meeting",
                              g_object_get_data (G_OBJECT (row), "kw-meeting"));
}

static GtkWidget *
make_gathering_row (gpointer item,
                    gpointer data)
{
  KwRecord *meeting = item;
  const KwField *status_field = kw_entity_type_field (kw_record_get_entity_type (meeting), "status");
  const char *status = kw_record_get_string (meeting, "status");
  g_autofree char *when = kw_format_datetime (kw_record_get_string (meeting, "starts_at"));
  g_autofree char *title = kw_record_dup_title (meeting);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  subtitle = g_strdup_printf ("%s%s%s", when ? when : _("No date yet"), status ? " · " : "",
                              status ? kw_enum_label (status_field, status) : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "kw-meeting", g_strdup (kw_record_get_id (meeting)), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_gathering_activated_cb), NULL);
  return row;
}

static void
on_gatherings_changed_cb (KwUnitPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->gatherings));

  gtk_widget_set_visible (self->gatherings_list, n > 0);
  gtk_widget_set_visible (self->gatherings_empty, n == 0);
}

static void
show_gatherings (KwUnitPage *self,
                 const char *unit_id)
{
  KwStore *store = kw_record_page_get_store (KW_RECORD_PAGE (self));

  if (self->gatherings != NULL)
    g_signal_handlers_disconnect_by_data (self->gatherings, self);
  g_clear_object (&self->gatherings);
  self->gatherings = kw_record_list_new_children (store, "meeting", "unit", unit_id);
  kw_record_list_set_sort (self->gatherings, "starts_at", KW_RECORD_SORT_DESCENDING);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->gatherings_list), G_LIST_MODEL (self->gatherings),
                           make_gathering_row, NULL, NULL);
  g_signal_connect_object (self->gatherings, "items-changed", G_CALLBACK (on_gatherings_changed_cb), self, G_CONNECT_SWAPPED);
  on_gatherings_changed_cb (self);
}

/* KwRecordPage */

static void
kw_unit_page_reload (KwRecordPage *page,
                     KwRecord     *record,
                     gboolean      same)
{
  KwUnitPage *self = KW_UNIT_PAGE (page);
  KwStore *store = kw_record_page_get_store (page);
  const char *network = kw_record_get_string (record, "network");
  g_autofree char *network_title = network ? kw_store_dup_reference_title (store, (const char * const []) { "network", NULL }, network) : NULL;
  g_autofree char *members = kw_unit_group_dup_members_text (store, record);
  g_autofree char *subtitle = network_title ? g_strdup_printf ("%s · %s", network_title, members) : g_strdup (members);

  kw_record_page_set_subtitle (page, subtitle);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->members_group), members);
  update_flags (self);
  if (!same)
    {
      kw_absent_group_set_unit (self->absent_group, kw_record_get_id (record));
      /* the member rows after the page's first frame */
      kw_unit_group_fill_after_frame (self->members_group, "network_unit", kw_record_get_id (record));
      show_gatherings (self, kw_record_get_id (record));
    }
}

/* GObject */

static AdwPreferencesGroup *
add_group (KwRecordPage *page,
           const char   *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  kw_record_page_add_section (page, group, TRUE);
  return ADW_PREFERENCES_GROUP (group);
}

static void
make_gatherings_group (KwUnitPage *self)
{
  AdwPreferencesGroup *group = add_group (KW_RECORD_PAGE (self), _("Gatherings"));

  self->gatherings_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->gatherings_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->gatherings_list, "boxed-list");
  adw_preferences_group_add (group, self->gatherings_list);
  self->gatherings_empty = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->gatherings_empty), _("No gatherings yet"));
  gtk_widget_add_css_class (self->gatherings_empty, "dim-label");
  adw_preferences_group_add (group, self->gatherings_empty);
}

static void
kw_unit_page_constructed (GObject *object)
{
  KwUnitPage *self = KW_UNIT_PAGE (object);
  KwRecordPage *page = KW_RECORD_PAGE (object);
  KwStore *store;
  AdwPreferencesGroup *details;
  GtkWidget *button;

  G_OBJECT_CLASS (kw_unit_page_parent_class)->constructed (object);

  store = kw_record_page_get_store (page);
  self->flags_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  kw_record_page_add_badge (page, self->flags_box);
  details = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (details, _("Details"));
  kw_record_page_add_section (page, GTK_WIDGET (details), FALSE);
  kw_record_page_add_rows (page, details, detail_fields);
  self->absent_group = kw_absent_group_new (store);
  kw_record_page_add_section (page, GTK_WIDGET (self->absent_group), TRUE);
  self->members_group = kw_child_group_new (store, "network_member");
  kw_child_group_set_texts (self->members_group, _("Members"), _("No members from the contacts yet"),
                            _("Add a Member from the Contacts"), _("Remove %s from this unit"));
  /* its parent is set by reload (kw_unit_group_fill_after_frame), not by the base */
  kw_record_page_add_section (page, GTK_WIDGET (self->members_group), TRUE);
  make_gatherings_group (self);
  button = gtk_button_new_with_mnemonic (_("_Delete Unit"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "unit.delete");
  gtk_widget_set_tooltip_text (button, _("Delete this unit and its members list; you can undo it for a few seconds"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  kw_record_page_add_section (page, button, TRUE);
  g_signal_connect_object (store, "changed::contact_moment", G_CALLBACK (update_flags), self, G_CONNECT_SWAPPED);
}

static void
kw_unit_page_dispose (GObject *object)
{
  KwUnitPage *self = KW_UNIT_PAGE (object);

  if (self->gatherings != NULL)
    g_signal_handlers_disconnect_by_data (self->gatherings, self);
  g_clear_object (&self->gatherings);

  G_OBJECT_CLASS (kw_unit_page_parent_class)->dispose (object);
}

static void
kw_unit_page_class_init (KwUnitPageClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = kw_unit_page_constructed;
  G_OBJECT_CLASS (klass)->dispose = kw_unit_page_dispose;
  KW_RECORD_PAGE_CLASS (klass)->reload = kw_unit_page_reload;

  kw_record_page_class_install_actions (KW_RECORD_PAGE_CLASS (klass), "unit");
}

static void
kw_unit_page_init (KwUnitPage *self)
{
}

/* Public API */

KwUnitPage *
kw_unit_page_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_UNIT_PAGE, "store", store, "type-name", "network_unit", NULL);
}

GtkWidget *
kw_unit_page_get_flags_box (KwUnitPage *self)
{
  g_return_val_if_fail (KW_IS_UNIT_PAGE (self), NULL);
  return self->flags_box;
}

KwChildGroup *
kw_unit_page_get_members_group (KwUnitPage *self)
{
  g_return_val_if_fail (KW_IS_UNIT_PAGE (self), NULL);
  return self->members_group;
}

KwAbsentGroup *
kw_unit_page_get_absent_group (KwUnitPage *self)
{
  g_return_val_if_fail (KW_IS_UNIT_PAGE (self), NULL);
  return self->absent_group;
}

GListModel *
kw_unit_page_get_gatherings (KwUnitPage *self)
{
  g_return_val_if_fail (KW_IS_UNIT_PAGE (self), NULL);
  return G_LIST_MODEL (self->gatherings);
}
