/* kw-network-page.c: one residents' network, its units and dues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwRecordPage of a network (a stadsdorp, a residents' platform, a
 * tenants' association): its details, the totals (members over all its
 * units; dues per month and per year, the members times the dues per
 * member, in cents and shown as euros), its units as a KwUnitGroup
 * (each flagged where kw_analysis_unit_flags says so, each opening its
 * page) and its notes. The dues count the network's own members_count;
 * without one, the members of its units.
 */
#define G_LOG_DOMAIN "kw-network-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-export-button.h"
#include "kw-format.h"
#include "kw-network-page.h"
#include "kw-unit-group.h"

struct _KwNetworkPage
{
  KwRecordPage  parent_instance;

  KwChildGroup *units;
  GtkWidget    *kind_badge;
  GtkWidget    *unit_members_row;
  GtkWidget    *dues_month_row;
  GtkWidget    *dues_year_row;
  gint64        unit_members;
  gint64        dues_month;
};

G_DEFINE_FINAL_TYPE (KwNetworkPage, kw_network_page, KW_TYPE_RECORD_PAGE)

static const char * const detail_fields[] = {
  "name", "kind", "area", "members_count", "dues_cents_month", NULL,
};

/* Helpers */

static GtkWidget *
add_total_row (AdwPreferencesGroup *group,
               const char          *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (value, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  g_object_set_data (G_OBJECT (row), "kw-value", value);
  adw_preferences_group_add (group, row);
  return row;
}

static void
set_total (GtkWidget  *row,
           const char *subtitle,
           const char *value)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "kw-value"), value);
}

static gint64
count_unit_members (KwStore    *store,
                    const char *network_id,
                    guint      *n_units)
{
  g_autoptr(GPtrArray) units = kw_store_list_by_ref (store, "network_unit", "network", network_id, NULL);
  gint64 sum = 0;

  *n_units = units ? units->len : 0;
  for (guint i = 0; units && i < units->len; i++)
    {
      KwRecord *unit = g_ptr_array_index (units, i);

      if (!kw_record_is_null (unit, "members_count"))
        sum += kw_record_get_int (unit, "members_count");
      else
        {
          g_autoptr(GPtrArray) members = kw_store_list_by_ref (store, "network_member", "unit", kw_record_get_id (unit), NULL);

          sum += members ? members->len : 0;
        }
    }
  return sum;
}

static void
update_totals (KwNetworkPage *self,
               KwRecord      *record)
{
  KwStore *store = kw_record_page_get_store (KW_RECORD_PAGE (self));
  gint64 dues = kw_record_get_int (record, "dues_cents_month");
  gint64 members;
  guint n_units;
  g_autofree char *units_text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *each = kw_format_cents (dues);
  g_autofree char *how = NULL;
  g_autofree char *members_text = NULL;
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;

  self->unit_members = count_unit_members (store, kw_record_get_id (record), &n_units);
  members = kw_record_is_null (record, "members_count") ? self->unit_members : kw_record_get_int (record, "members_count");
  self->dues_month = members * dues;
  units_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u unit", "in %u units", n_units), n_units);
  count = g_strdup_printf ("%'" G_GINT64_FORMAT, self->unit_members);
  set_total (self->unit_members_row, units_text, count);
  members_text = g_strdup_printf ("%'" G_GINT64_FORMAT, members);
  /* Translators: "412 members × € 5,00" */
  how = g_strdup_printf (_("%s members × %s"), members_text, each);
  month = kw_format_cents (self->dues_month);
  year = kw_format_cents (self->dues_month * 12);
  set_total (self->dues_month_row, how, month);
  set_total (self->dues_year_row, NULL, year);
}

/* KwRecordPage */

static void
kw_network_page_reload (KwRecordPage *page,
                        KwRecord     *record,
                        gboolean      same)
{
  KwNetworkPage *self = KW_NETWORK_PAGE (page);
  const char *kind = kw_record_get_string (record, "kind");
  const KwField *field = kw_entity_type_field (kw_record_get_entity_type (record), "kind");
  const char *area = kw_record_get_string (record, "area");
  g_autofree char *area_title = area ? kw_store_dup_reference_title (kw_record_page_get_store (page),
                                                                     (const char * const []) { "area", NULL }, area) : NULL;

  kw_record_page_set_subtitle (page, area_title);
  gtk_label_set_label (GTK_LABEL (self->kind_badge), kind ? kw_enum_label (field, kind) : "");
  gtk_widget_set_visible (self->kind_badge, kind != NULL);
  update_totals (self, record);
  /* the unit rows after the page's first frame */
  if (!same)
    kw_unit_group_fill_after_frame (self->units, "network", kw_record_get_id (record));
}

/* GObject */

static AdwPreferencesGroup *
add_group (KwRecordPage *page,
           const char   *title,
           gboolean      stored_only)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  kw_record_page_add_section (page, group, stored_only);
  return ADW_PREFERENCES_GROUP (group);
}

static void
kw_network_page_constructed (GObject *object)
{
  KwNetworkPage *self = KW_NETWORK_PAGE (object);
  KwRecordPage *page = KW_RECORD_PAGE (object);
  AdwPreferencesGroup *group;
  GtkWidget *button;

  G_OBJECT_CLASS (kw_network_page_parent_class)->constructed (object);

  self->kind_badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->kind_badge, "badge");
  gtk_widget_add_css_class (self->kind_badge, "key-figure");
  kw_record_page_add_badge (page, self->kind_badge);
  kw_record_page_add_rows (page, add_group (page, _("Details"), FALSE), detail_fields);
  group = add_group (page, _("Members and Dues"), TRUE);
  self->unit_members_row = add_total_row (group, _("Members of the units"));
  self->dues_month_row = add_total_row (group, _("Dues per month"));
  self->dues_year_row = add_total_row (group, _("Dues per year"));
  self->units = kw_unit_group_new (kw_record_page_get_store (page));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->units),
                                         _("Binnenbuurten of about fifty members, each with a contact person and a deputy."));
  /* its parent is set by reload (kw_unit_group_fill_after_frame), not by the base */
  kw_record_page_add_section (page, GTK_WIDGET (self->units), TRUE);
  kw_record_page_add_text_view (page, add_group (page, _("Notes"), FALSE), "notes");
  kw_record_page_add_section (page, kw_export_button_new (), TRUE);
  button = gtk_button_new_with_mnemonic (_("_Delete Network"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "network.delete");
  gtk_widget_set_tooltip_text (button, _("Delete this network and its units; you can undo it for a few seconds"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  kw_record_page_add_section (page, button, TRUE);
}

static void
kw_network_page_class_init (KwNetworkPageClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = kw_network_page_constructed;
  KW_RECORD_PAGE_CLASS (klass)->reload = kw_network_page_reload;

  kw_record_page_class_install_actions (KW_RECORD_PAGE_CLASS (klass), "network");
}

static void
kw_network_page_init (KwNetworkPage *self)
{
}

/* Public API */

KwNetworkPage *
kw_network_page_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_NETWORK_PAGE, "store", store, "type-name", "network", NULL);
}

void
kw_network_page_start_draft (KwNetworkPage *self)
{
  g_return_if_fail (KW_IS_NETWORK_PAGE (self));

  kw_record_page_start_draft (KW_RECORD_PAGE (self), _("New Network"), _("Leave without adding a network"),
                              _("Add this network"));
}

void
kw_network_page_get_totals (KwNetworkPage *self,
                            gint64        *unit_members,
                            gint64        *dues_month_cents,
                            gint64        *dues_year_cents)
{
  g_return_if_fail (KW_IS_NETWORK_PAGE (self));

  if (unit_members != NULL)
    *unit_members = self->unit_members;
  if (dues_month_cents != NULL)
    *dues_month_cents = self->dues_month;
  if (dues_year_cents != NULL)
    *dues_year_cents = self->dues_month * 12;
}

KwChildGroup *
kw_network_page_get_units (KwNetworkPage *self)
{
  g_return_val_if_fail (KW_IS_NETWORK_PAGE (self), NULL);
  return self->units;
}
