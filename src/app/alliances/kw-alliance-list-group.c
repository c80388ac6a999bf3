/* kw-alliance-list-group.c: read-only lists of an alliance's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three lists an organiser reads on an alliance's page, each a group of
 * rows bound to a GListStore of records: the prospects being recruited
 * (alliance_partner with status prospective) with their next step, the
 * alliance's open actions (action_item with alliance = this, status open
 * or empty, by deadline, empty last, then title) and its meetings (by
 * starts_at). An overdue next step or deadline (before today) is marked.
 * A row opens its record through win.open-record (a prospect opens the
 * person or organisation). Refreshed when the store changes the types
 * it shows.
 */
#define G_LOG_DOMAIN "kw-alliance-list-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-alliance-list-group.h"
#include "kw-analysis.h"
#include "kw-enum-labels.h"
#include "kw-format.h"

#include <string.h>

struct _KwAllianceListGroup
{
  AdwPreferencesGroup  parent_instance;

  KwStore             *store;
  KwAllianceListKind   kind;
  char                *alliance_id;
  char                *today;     /* "YYYY-MM-DD" */
  GListStore          *records;
  GtkWidget           *list;
  GtkWidget           *empty_row;
};

G_DEFINE_FINAL_TYPE (KwAllianceListGroup, kw_alliance_list_group, ADW_TYPE_PREFERENCES_GROUP)

static const char * const to_party[] = { "person", "organisation", NULL };
static const char * const to_person[] = { "person", NULL };

/* Helpers */

static const char *
type_of (KwAllianceListKind kind)
{
  return kind == KW_ALLIANCE_LIST_RECRUITING ? "alliance_partner"
       : kind == KW_ALLIANCE_LIST_ACTIONS ? "action_item" : "meeting";
}

static const char *
date_field_of (KwAllianceListKind kind)
{
  return kind == KW_ALLIANCE_LIST_RECRUITING ? "next_step_date"
       : kind == KW_ALLIANCE_LIST_ACTIONS ? "deadline" : "starts_at";
}

static gboolean
is_shown (KwAllianceListGroup *self,
          KwRecord            *record)
{
  const char *status = kw_record_get_string (record, "status");

  if (self->kind == KW_ALLIANCE_LIST_RECRUITING)
    return g_strcmp0 (status, "prospective") == 0;
  if (self->kind == KW_ALLIANCE_LIST_ACTIONS)
    return status == NULL || *status == '\0' || g_str_equal (status, "open");
  return TRUE;
}

static gboolean
record_overdue (KwAllianceListGroup *self,
                KwRecord            *record)
{
  const char *date = kw_record_get_string (record, date_field_of (self->kind));

  return self->kind != KW_ALLIANCE_LIST_MEETINGS && date != NULL && *date != '\0'
         && strncmp (date, self->today, 10) < 0;
}

static char *dup_title (KwAllianceListGroup *self,
                        KwRecord            *record);

/* By date (empty last), then title. */
static int
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  KwAllianceListGroup *self = data;
  KwRecord *x = *(KwRecord **) a, *y = *(KwRecord **) b;
  const char *dx = kw_record_get_string (x, date_field_of (self->kind));
  const char *dy = kw_record_get_string (y, date_field_of (self->kind));
  g_autofree char *tx = dup_title (self, x);
  g_autofree char *ty = dup_title (self, y);
  int by_date;

  if ((dx == NULL) != (dy == NULL))
    return dx == NULL ? 1 : -1;
  by_date = g_strcmp0 (dx, dy);
  return by_date != 0 ? by_date : g_utf8_collate (tx ? tx : "", ty ? ty : "");
}

static char *
dup_title (KwAllianceListGroup *self,
           KwRecord            *record)
{
  char *title;

  if (self->kind != KW_ALLIANCE_LIST_RECRUITING)
    title = kw_record_dup_title (record);
  else if ((title = kw_store_dup_reference_title (self->store, to_party, kw_record_get_string (record, "party"))) == NULL)
    title = g_strdup (_("Unknown or deleted"));
  return title;
}

static char *
dup_subtitle (KwAllianceListGroup *self,
              KwRecord            *record)
{
  const char *date = kw_record_get_string (record, date_field_of (self->kind));
  g_autofree char *when = self->kind == KW_ALLIANCE_LIST_MEETINGS ? kw_format_datetime (date) : kw_format_date_long (date);
  g_autofree char *who = NULL;
  const char *what = NULL;

  if (self->kind == KW_ALLIANCE_LIST_RECRUITING)
    what = kw_record_get_string (record, "next_step") ? kw_record_get_string (record, "next_step")
                                                      : _("No next step planned");
  else if (self->kind == KW_ALLIANCE_LIST_ACTIONS)
    what = who = kw_store_dup_reference_title (self->store, to_person, kw_record_get_string (record, "owner"));
  else if (kw_record_get_string (record, "status") != NULL)
    what = kw_enum_label (kw_entity_type_field (kw_record_get_entity_type (record), "status"),
                          kw_record_get_string (record, "status"));
  if (when != NULL && what != NULL && *what != '\0')
    return g_strdup_printf ("%s · %s", what, when);
  return g_strdup (when ? when : what ? what : "");
}

/* Callbacks */

static GtkWidget *
make_row (gpointer item,
          gpointer data)
{
  KwAllianceListGroup *self = data;
  KwRecord *record = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = dup_title (self, record);
  g_autofree char *subtitle = dup_subtitle (self, record);
  const char *party = kw_record_get_string (record, "party");
  const char *party_type = party ? kw_store_find_type (self->store, to_party, party) : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  if (self->kind == KW_ALLIANCE_LIST_RECRUITING)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", party_type ? party_type : "person", party ? party : "");
  else
    gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", type_of (self->kind), kw_record_get_id (record));
  if (record_overdue (self, record))
    {
      GtkWidget *badge = gtk_label_new (_("Overdue"));

      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_add_css_class (badge, "error");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
refresh (KwAllianceListGroup *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  GDate today;

  kw_analysis_get_today (&today);
  g_free (self->today);
  self->today = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&today), g_date_get_month (&today),
                                 g_date_get_day (&today));
  if (self->alliance_id != NULL)
    all = kw_store_list_by_ref (self->store, type_of (self->kind), "alliance", self->alliance_id, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    if (is_shown (self, all->pdata[i]))
      g_ptr_array_add (shown, all->pdata[i]);
  g_ptr_array_sort_with_data (shown, compare_records, self);
  g_list_store_splice (self->records, 0, g_list_model_get_n_items (G_LIST_MODEL (self->records)),
                       shown->pdata, shown->len);
  gtk_widget_set_visible (self->list, shown->len > 0);
  /* in the group's own list, which shows (an empty frame too) while it has a row */
  if (shown->len == 0 && gtk_widget_get_parent (self->empty_row) == NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);
  else if (shown->len > 0 && gtk_widget_get_parent (self->empty_row) != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->empty_row);
}

static void
on_store_changed_cb (KwAllianceListGroup *self,
                     const char          *type_name)
{
  if (self->alliance_id != NULL
      && (g_str_equal (type_name, type_of (self->kind)) || g_str_equal (type_name, "person")
          || g_str_equal (type_name, "organisation")))
    refresh (self);
}

/* GObject */

static void
kw_alliance_list_group_dispose (GObject *object)
{
  KwAllianceListGroup *self = KW_ALLIANCE_LIST_GROUP (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kw_alliance_list_group_parent_class)->dispose (object);
}

static void
kw_alliance_list_group_finalize (GObject *object)
{
  KwAllianceListGroup *self = KW_ALLIANCE_LIST_GROUP (object);

  g_free (self->alliance_id);
  g_free (self->today);
  g_clear_object (&self->records);
  g_clear_object (&self->empty_row);

  G_OBJECT_CLASS (kw_alliance_list_group_parent_class)->finalize (object);
}

static void
kw_alliance_list_group_class_init (KwAllianceListGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_alliance_list_group_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_alliance_list_group_finalize;
}

static void
kw_alliance_list_group_init (KwAllianceListGroup *self)
{
  self->records = g_list_store_new (KW_TYPE_RECORD);
  self->today = g_strdup ("");
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->records), make_row, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->list);
  self->empty_row = g_object_ref_sink (adw_action_row_new ());
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);
}

/* Public API */

KwAllianceListGroup *
kw_alliance_list_group_new (KwStore            *store,
                            KwAllianceListKind  kind)
{
  KwAllianceListGroup *self;
  AdwPreferencesGroup *group;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_ALLIANCE_LIST_GROUP, NULL);
  group = ADW_PREFERENCES_GROUP (self);
  self->store = g_object_ref (store);
  self->kind = kind;
  adw_preferences_group_set_title (group, kind == KW_ALLIANCE_LIST_RECRUITING ? _("Recruiting")
                                   : kind == KW_ALLIANCE_LIST_ACTIONS ? _("Open Actions") : _("Meetings"));
  if (kind == KW_ALLIANCE_LIST_RECRUITING)
    adw_preferences_group_set_description (group, _("Prospective partners and the next step with each."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 kind == KW_ALLIANCE_LIST_RECRUITING ? _("No prospective partners")
                                 : kind == KW_ALLIANCE_LIST_ACTIONS ? _("No open actions") : _("No meetings yet"));
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
kw_alliance_list_group_set_alliance (KwAllianceListGroup *self,
                                     const char          *alliance_id)
{
  g_return_if_fail (KW_IS_ALLIANCE_LIST_GROUP (self));

  g_free (self->alliance_id);
  self->alliance_id = g_strdup (alliance_id);
  refresh (self);
}

GListModel *
kw_alliance_list_group_get_model (KwAllianceListGroup *self)
{
  g_return_val_if_fail (KW_IS_ALLIANCE_LIST_GROUP (self), NULL);
  return G_LIST_MODEL (self->records);
}

gboolean
kw_alliance_list_group_is_overdue (KwAllianceListGroup *self,
                                   const char          *id)
{
  g_return_val_if_fail (KW_IS_ALLIANCE_LIST_GROUP (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->records)); i++)
    {
      g_autoptr(KwRecord) record = g_list_model_get_item (G_LIST_MODEL (self->records), i);

      if (g_str_equal (kw_record_get_id (record), id))
        return record_overdue (self, record);
    }
  return FALSE;
}
