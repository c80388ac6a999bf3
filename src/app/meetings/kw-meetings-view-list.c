/* kw-meetings-view-list.c: what the Meetings view's list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The alliances and units of the context filter, the range and sort of
 * Upcoming (from now, soonest first), Past (before now, latest first)
 * and Month (the month the grid shows), and the filters of context, kind
 * and status, all in SQL (KwRecordList).
 */
#define G_LOG_DOMAIN "kw-meetings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-meetings-view-private.h"

static guint
chosen (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static void
add_contexts (KwMeetingsView *self,
              GtkStringList  *names,
              const char     *type_name,
              const char     *field)
{
  g_autoptr(GPtrArray) records = kw_store_list (self->store, type_name, NULL);

  for (guint i = 0; records && i < records->len; i++)
    {
      g_autofree char *title = kw_record_dup_title (g_ptr_array_index (records, i));

      gtk_string_list_append (names, title);
      g_ptr_array_add (self->context_ids, g_strdup (field));
      g_ptr_array_add (self->context_ids, g_strdup (kw_record_get_id (g_ptr_array_index (records, i))));
    }
}

void
_kw_meetings_view_load_contexts (KwMeetingsView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  g_ptr_array_set_size (self->context_ids, 0);
  gtk_string_list_append (names, _("All alliances and units"));
  add_contexts (self, names, "alliance", "alliance");
  add_contexts (self, names, "network_unit", "unit");
  gtk_drop_down_set_expression (self->context_dropdown, expression);
  gtk_drop_down_set_model (self->context_dropdown, G_LIST_MODEL (names));
}

void
_kw_meetings_view_update_when (KwMeetingsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  gboolean upcoming = gtk_toggle_button_get_active (self->upcoming_button);

  if (self->meetings == NULL)
    return;
  if (gtk_toggle_button_get_active (self->month_button) && self->month != NULL)
    {
      g_autofree char *from = NULL, *to = NULL;

      kw_meetings_month_get_range (self->month, &from, &to);
      kw_record_list_set_range (self->meetings, "starts_at", from, to);
      kw_record_list_set_sort (self->meetings, "starts_at", KW_RECORD_SORT_ASCENDING);
      kw_list_pane_set_empty_state (self->list_pane, NULL, _("No Meetings This Month"),
                                    _("Go to another month, or add a meeting."), _("_Add Meeting"));
      return;
    }
  kw_record_list_set_range (self->meetings, "starts_at", upcoming ? iso : NULL, upcoming ? NULL : iso);
  kw_record_list_set_sort (self->meetings, "starts_at", upcoming ? KW_RECORD_SORT_ASCENDING : KW_RECORD_SORT_DESCENDING);
  if (upcoming)
    kw_list_pane_set_empty_state (self->list_pane, NULL, _("No Upcoming Meetings"),
                                  _("Plan the next one from a meeting’s page, add a meeting, or look at the past ones."),
                                  _("_Add Meeting"));
  else
    kw_list_pane_set_empty_state (self->list_pane, NULL, _("No Meetings Yet"),
                                  _("Plan a residents’ council, a task team or an alliance meeting, or import an export from a fellow organiser."),
                                  _("_Add Meeting"));
}

void
_kw_meetings_view_filter_changed (KwMeetingsView *self)
{
  const KwEntityType *type = kw_registry_lookup ("meeting");
  const KwField *kinds = kw_entity_type_field (type, "kind");
  const KwField *statuses = kw_entity_type_field (type, "status");
  guint kind = chosen (self->kind_dropdown), status = chosen (self->status_dropdown);
  guint context = chosen (self->context_dropdown);
  const char *field = NULL, *id = NULL;

  if (self->meetings == NULL)
    return;
  if (context > 0 && 2 * context <= self->context_ids->len)
    {
      field = g_ptr_array_index (self->context_ids, 2 * (context - 1));
      id = g_ptr_array_index (self->context_ids, 2 * (context - 1) + 1);
    }
  kw_record_list_set_filter (self->meetings, "kind", kind > 0 ? g_variant_new_string (kinds->values[kind - 1]) : NULL);
  kw_record_list_set_filter (self->meetings, "status", status > 0 ? g_variant_new_string (statuses->values[status - 1]) : NULL);
  kw_record_list_set_filter (self->meetings, "alliance", g_strcmp0 (field, "alliance") == 0 ? g_variant_new_string (id) : NULL);
  kw_record_list_set_filter (self->meetings, "unit", g_strcmp0 (field, "unit") == 0 ? g_variant_new_string (id) : NULL);
  kw_list_pane_set_n_filters (self->list_pane, (kind > 0) + (status > 0) + (id != NULL));
}

void
_kw_meetings_view_clear_filters (KwMeetingsView *self)
{
  gtk_drop_down_set_selected (self->context_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
}
