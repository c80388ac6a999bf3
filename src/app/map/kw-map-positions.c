/* kw-map-positions.c: the parties of one stakeholder map, as a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwChildGroup of a map's map_position records, beside the grid for
 * keyboard and screen-reader users: a row per party titled with its
 * name (unnamed as on the grid), its quadrant in words and its
 * influence, interest and stance as subtitle, and spin buttons for the
 * three when expanded (KwRecordEditor). A party is added from the
 * contacts with the record chooser, at influence 3, interest 3, stance
 * 0; removed through win.delete-record (the window's undo toast).
 */
#define G_LOG_DOMAIN "kw-map-positions"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-map-positions.h"

struct _KwMapPositions
{
  KwChildGroup  parent_instance;

  char         *selected;
};

G_DEFINE_FINAL_TYPE (KwMapPositions, kw_map_positions, KW_TYPE_CHILD_GROUP)

enum {
  ROW_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const party_types[] = { "person", "organisation", NULL };

/* Helpers */

static KwGridParty *
party_of (KwStore  *store,
          KwRecord *record)
{
  const char *party_id = kw_record_get_string (record, "party");
  g_autofree char *name = kw_map_positions_dup_party_name (store, party_id);

  return kw_grid_party_new (kw_record_get_id (record), party_id, name,
                            kw_record_is_null (record, "influence") ? 3 : (int) kw_record_get_int (record, "influence"),
                            kw_record_is_null (record, "interest") ? 3 : (int) kw_record_get_int (record, "interest"),
                            (int) kw_record_get_int (record, "stance"));
}

static AdwExpanderRow *
find_row (GtkWidget  *widget,
          const char *id)
{
  if (ADW_IS_EXPANDER_ROW (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "kw-position-id"), id) == 0)
    return ADW_EXPANDER_ROW (widget);
  if (ADW_IS_EXPANDER_ROW (widget))
    return NULL;  /* not inside one */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwExpanderRow *row = find_row (child, id);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static void
set_selected (KwMapPositions *self,
              const char     *id)
{
  if (g_strcmp0 (self->selected, id) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (id);
  g_signal_emit (self, signals[ROW_SELECTED], 0, id);
}

/* Callbacks */

static void
on_row_expanded_cb (AdwExpanderRow *row,
                    GParamSpec     *pspec,
                    KwMapPositions *self)
{
  if (adw_expander_row_get_expanded (row))
    set_selected (self, g_object_get_data (G_OBJECT (row), "kw-position-id"));
}

static void
on_row_focus_cb (GtkEventControllerFocus *focus,
                 KwMapPositions          *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  set_selected (self, g_object_get_data (G_OBJECT (row), "kw-position-id"));
}

/* KwChildGroup */

static char *
kw_map_positions_dup_title (KwChildGroup *group,
                            KwRecord     *record)
{
  g_autoptr(KwGridParty) party = party_of (kw_child_group_get_store (group), record);

  return g_strdup (kw_grid_party_get_label (party));
}

static char *
kw_map_positions_dup_subtitle (KwChildGroup *group,
                               KwRecord     *record)
{
  g_autoptr(KwGridParty) party = party_of (kw_child_group_get_store (group), record);

  return kw_grid_party_dup_summary (party);
}

static void
kw_map_positions_setup_row (KwChildGroup   *group,
                            AdwExpanderRow *row)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded_cb), group, 0);
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_row_focus_cb), group, 0);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

static void
kw_map_positions_update_row (KwChildGroup   *group,
                             AdwExpanderRow *row,
                             KwRecord       *record)
{
  g_object_set_data_full (G_OBJECT (row), "kw-position-id", g_strdup (kw_record_get_id (record)), g_free);
}

static char *
kw_map_positions_add (KwChildGroup  *group,
                      const char    *other_type,
                      const char    *other_id,
                      GError       **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("map_position", error);

  if (changes == NULL)
    return NULL;
  kw_changeset_set_string (changes, "map", kw_child_group_get_parent_id (group));
  kw_changeset_set_string (changes, "party", other_id);
  kw_changeset_set_int (changes, "influence", 3);
  kw_changeset_set_int (changes, "interest", 3);
  kw_changeset_set_int (changes, "stance", 0);
  return kw_store_create (kw_child_group_get_store (group), changes, error);
}

/* GObject */

static void
kw_map_positions_finalize (GObject *object)
{
  g_free (KW_MAP_POSITIONS (object)->selected);

  G_OBJECT_CLASS (kw_map_positions_parent_class)->finalize (object);
}

static void
kw_map_positions_class_init (KwMapPositionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KwChildGroupClass *group_class = KW_CHILD_GROUP_CLASS (klass);

  object_class->finalize = kw_map_positions_finalize;
  group_class->dup_title = kw_map_positions_dup_title;
  group_class->dup_subtitle = kw_map_positions_dup_subtitle;
  group_class->setup_row = kw_map_positions_setup_row;
  group_class->update_row = kw_map_positions_update_row;
  group_class->add = kw_map_positions_add;

  signals[ROW_SELECTED] = g_signal_new ("row-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
kw_map_positions_init (KwMapPositions *self)
{
}

/* Public API */

KwMapPositions *
kw_map_positions_new (KwStore *store)
{
  KwMapPositions *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_MAP_POSITIONS, "store", store, "child-type", "map_position", NULL);
  kw_child_group_set_texts (KW_CHILD_GROUP (self), _("Parties"), _("No parties on this map yet"),
                            _("Add a Party"), _("Remove %s from the map"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The grid as a list: expand a party to change its influence, interest and stance."));
  return self;
}

GPtrArray *
kw_map_positions_dup_parties (KwMapPositions *self)
{
  GListModel *model;
  GPtrArray *parties = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_grid_party_free);

  g_return_val_if_fail (KW_IS_MAP_POSITIONS (self), parties);

  model = kw_child_group_get_model (KW_CHILD_GROUP (self));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KwRecord) record = g_list_model_get_item (model, i);

      g_ptr_array_add (parties, party_of (kw_child_group_get_store (KW_CHILD_GROUP (self)), record));
    }
  return parties;
}

AdwExpanderRow *
kw_map_positions_get_row (KwMapPositions *self,
                          const char     *id)
{
  g_return_val_if_fail (KW_IS_MAP_POSITIONS (self), NULL);
  return id ? find_row (GTK_WIDGET (self), id) : NULL;
}

void
kw_map_positions_select (KwMapPositions *self,
                         const char     *id)
{
  AdwExpanderRow *before, *row;

  g_return_if_fail (KW_IS_MAP_POSITIONS (self));

  if (g_strcmp0 (self->selected, id) == 0)
    return;
  before = kw_map_positions_get_row (self, self->selected);
  row = kw_map_positions_get_row (self, id);
  g_free (self->selected);
  self->selected = g_strdup (id);  /* first: expanding it says so again */
  if (before != NULL)
    adw_expander_row_set_expanded (before, FALSE);
  if (row != NULL)
    adw_expander_row_set_expanded (row, TRUE);
}

static gboolean
is_active_partner (KwRecord *partner)
{
  const char *status = kw_record_get_string (partner, "status");

  return status == NULL || g_str_equal (status, "active");
}

gint
kw_map_positions_add_partners (KwMapPositions  *self,
                               const char      *alliance_id,
                               GError         **error)
{
  KwChildGroup *group = KW_CHILD_GROUP (self);
  KwStore *store = kw_child_group_get_store (group);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GHashTable) on_map = g_hash_table_new (g_str_hash, g_str_equal);
  gint added = 0;

  g_return_val_if_fail (KW_IS_MAP_POSITIONS (self), -1);
  g_return_val_if_fail (alliance_id != NULL && kw_child_group_get_parent_id (group) != NULL, -1);

  if ((partners = kw_store_list_by_ref (store, "alliance_partner", "alliance", alliance_id, error)) == NULL
      || (positions = kw_store_list_by_ref (store, "map_position", "map", kw_child_group_get_parent_id (group),
                                            error)) == NULL)
    return -1;
  for (guint i = 0; i < positions->len; i++)
    g_hash_table_add (on_map, (gpointer) kw_record_get_string (positions->pdata[i], "party"));
  if (!kw_store_begin (store, error))
    return -1;
  for (guint i = 0; i < partners->len; i++)
    {
      const char *party = kw_record_get_string (partners->pdata[i], "party");
      g_autofree char *id = NULL;

      if (party == NULL || !is_active_partner (partners->pdata[i]) || !g_hash_table_add (on_map, (gpointer) party))
        continue;
      if ((id = kw_child_group_add (group, NULL, party, error)) == NULL)
        {
          kw_store_rollback (store);
          return -1;
        }
      added++;
    }
  return kw_store_commit (store, error) ? added : -1;
}

char *
kw_map_positions_dup_party_name (KwStore    *store,
                                 const char *party_id)
{
  const char *type = party_id ? kw_store_find_type (store, party_types, party_id) : NULL;
  g_autoptr(KwRecord) record = type ? kw_store_get (store, type, party_id, NULL) : NULL;
  const char *consent;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  if (record == NULL)
    return g_strdup (_("Unknown or deleted"));
  consent = g_str_equal (type, "person") ? kw_record_get_string (record, "consent") : "public";
  if (g_strcmp0 (consent, "public") != 0 && g_strcmp0 (consent, "shared") != 0)
    return NULL;
  return kw_record_dup_title (record);
}
