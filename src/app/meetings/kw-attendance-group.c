/* kw-attendance-group.c: who was invited to a meeting, and who came
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per attendance (ordered by the person's name) with its status
 * in a drop-down (invited, present, late, absent with notice, absent),
 * or marked from the keyboard on the focused row: P present, L late,
 * N absent with notice, A absent; the counts per status as the group's
 * description. The header's button invites in one step the people of
 * the meeting's context: the partners of its alliance that are people,
 * else the members of its unit. The entry row at the end adds a guest,
 * someone without a contact record: an attendance with a guest_name, no
 * person, and a random id.
 */
#define G_LOG_DOMAIN "kw-attendance-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-attendance-group.h"
#include "kw-enum-labels.h"

struct _KwAttendanceGroup
{
  AdwPreferencesGroup parent_instance;

  KwStore   *store;
  char      *meeting;
  GPtrArray *rows;
  GtkWidget *invite;
  GtkWidget *guest_row;
  char      *counts;
};

G_DEFINE_FINAL_TYPE (KwAttendanceGroup, kw_attendance_group, ADW_TYPE_PREFERENCES_GROUP)

static const KwField *
status_field (void)
{
  return kw_entity_type_field (kw_registry_lookup ("attendance"), "status");
}

static void
on_status_cb (GtkDropDown       *dropdown,
              GParamSpec        *pspec,
              KwAttendanceGroup *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    kw_attendance_group_set_status (self, g_object_get_data (G_OBJECT (dropdown), "kw-id"), status_field ()->values[selected]);
}

/* The people of the context, "alliance"'s people partners or "unit"'s members. */
static GPtrArray *
context_people (KwAttendanceGroup *self)
{
  g_autoptr(KwRecord) meeting = kw_store_get (self->store, "meeting", self->meeting, NULL);
  const char *alliance = meeting ? kw_record_get_string (meeting, "alliance") : NULL;
  const char *unit = meeting ? kw_record_get_string (meeting, "unit") : NULL;
  g_autoptr(GPtrArray) links = alliance ? kw_store_list_by_ref (self->store, "alliance_partner", "alliance", alliance, NULL)
                               : unit ? kw_store_list_by_ref (self->store, "network_member", "unit", unit, NULL) : NULL;
  GPtrArray *people = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; links && i < links->len; i++)
    {
      const char *id = kw_record_get_string (g_ptr_array_index (links, i), alliance ? "party" : "person");
      g_autoptr(KwRecord) person = id ? kw_store_get (self->store, "person", id, NULL) : NULL;

      if (person != NULL)
        g_ptr_array_add (people, g_strdup (id));
    }
  return people;
}

static GtkWidget *
find_row (KwAttendanceGroup *self,
          const char        *id)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->rows, i), "kw-id"), id) == 0)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

/* P, L, N, A on a row: its status; the row (made again) keeps the focus. */
static gboolean
on_mark_shortcut_cb (GtkWidget *row,
                     GVariant  *args,
                     gpointer   unused)
{
  KwAttendanceGroup *self = KW_ATTENDANCE_GROUP (gtk_widget_get_ancestor (row, KW_TYPE_ATTENDANCE_GROUP));
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "kw-id"));
  GtkWidget *again;

  if (self == NULL || !kw_attendance_group_set_status (self, id, g_variant_get_string (args, NULL)))
    return FALSE;
  if ((again = find_row (self, id)) != NULL)
    gtk_widget_grab_focus (again);
  return TRUE;
}

static void
add_mark_shortcuts (GtkWidget *row)
{
  static const struct { guint keyval; const char *status; } keys[] = {
    { GDK_KEY_p, "present" }, { GDK_KEY_l, "late" }, { GDK_KEY_n, "absent_notified" }, { GDK_KEY_a, "absent" },
  };
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                       gtk_callback_action_new (on_mark_shortcut_cb, NULL, NULL), "s", keys[i].status));
  gtk_widget_add_controller (row, shortcuts);
  gtk_widget_set_tooltip_text (row, _("P present, L late, N absent with notice, A absent"));
}

static int
compare_by_title (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (g_object_get_data (*(GObject * const *) a, "kw-title"),
                         g_object_get_data (*(GObject * const *) b, "kw-title"));
}

static void
reload (KwAttendanceGroup *self)
{
  g_autoptr(GPtrArray) list = self->meeting ? kw_store_list_by_ref (self->store, "attendance", "meeting", self->meeting, NULL) : NULL;
  g_autoptr(GListModel) labels = kw_enum_labels_model (status_field (), NULL);
  guint counts[8] = { 0, };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(KwRecord) meeting = self->meeting ? kw_store_get (self->store, "meeting", self->meeting, NULL) : NULL;
  gboolean alliance = meeting && kw_record_get_string (meeting, "alliance");
  gboolean unit = meeting && kw_record_get_string (meeting, "unit");

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->guest_row);
  for (guint i = 0; list && i < list->len; i++)
    {
      KwRecord *attendance = g_ptr_array_index (list, i);
      const char *person = kw_record_get_string (attendance, "person");
      const char *guest = kw_record_get_string (attendance, "guest_name");
      const char *status = kw_record_get_string (attendance, "status");
      g_autofree char *title = person ? kw_store_dup_reference_title (self->store, (const char * const []) { "person", NULL }, person)
                                      : g_strdup (guest);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (labels), NULL);
      guint at = 0;

      for (guint v = 0; status && status_field ()->values[v]; v++)
        if (g_str_equal (status_field ()->values[v], status))
          at = v;
      counts[at]++;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : _("Unknown or deleted"));
      if (person == NULL && guest != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Guest"));
      g_object_set_data_full (G_OBJECT (row), "kw-id", g_strdup (kw_record_get_id (attendance)), g_free);
      add_mark_shortcuts (row);
      g_object_set_data_full (G_OBJECT (row), "kw-title", g_strdup (title ? title : ""), g_free);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), at);
      g_object_set_data_full (G_OBJECT (dropdown), "kw-id", g_strdup (kw_record_get_id (attendance)), g_free);
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_status_cb), self, 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      g_ptr_array_add (self->rows, row);
    }
  g_ptr_array_sort (self->rows, compare_by_title);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->guest_row);
  for (guint v = 0; status_field ()->values[v]; v++)
    if (counts[v] > 0)
      /* Translators: "2 Present · 1 Invited" */
      g_string_append_printf (text, "%s%u %s", text->len ? " · " : "", counts[v], kw_enum_label (status_field (), status_field ()->values[v]));
  g_free (self->counts);
  self->counts = g_strdup (text->str);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), text->len ? text->str : _("Nobody invited yet."));
  gtk_button_set_label (GTK_BUTTON (self->invite), alliance ? _("_Invite the Partners") : _("_Invite the Members"));
  gtk_widget_set_visible (self->invite, alliance || unit);
}

static void
on_store_changed_cb (KwAttendanceGroup *self,
                     const char        *type_name)
{
  if (g_str_equal (type_name, "attendance") || g_str_equal (type_name, "meeting") || g_str_equal (type_name, "person"))
    reload (self);
}

static void
on_invite_clicked_cb (KwAttendanceGroup *self)
{
  g_autoptr(GError) error = NULL;

  kw_attendance_group_invite (self, &error);
  if (error != NULL)
    g_warning ("inviting: %s", error->message);
}

static void
on_guest_activate_cb (KwAttendanceGroup *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->guest_row))));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (*name == '\0')
    return;
  if ((id = kw_attendance_group_add_guest (self, name, &error)) == NULL)
    g_warning ("guest: %s", error->message);
  gtk_editable_set_text (GTK_EDITABLE (self->guest_row), "");
  gtk_widget_grab_focus (self->guest_row);
}

static void
kw_attendance_group_dispose (GObject *object)
{
  KwAttendanceGroup *self = KW_ATTENDANCE_GROUP (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->guest_row);

  G_OBJECT_CLASS (kw_attendance_group_parent_class)->dispose (object);
}

static void
kw_attendance_group_finalize (GObject *object)
{
  g_free (KW_ATTENDANCE_GROUP (object)->meeting);
  g_free (KW_ATTENDANCE_GROUP (object)->counts);

  G_OBJECT_CLASS (kw_attendance_group_parent_class)->finalize (object);
}

static void
kw_attendance_group_class_init (KwAttendanceGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_attendance_group_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_attendance_group_finalize;
}

static void
kw_attendance_group_init (KwAttendanceGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Attendance"));
  self->invite = gtk_button_new_with_mnemonic (_("_Invite the Members"));
  gtk_widget_set_valign (self->invite, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->invite, _("Invite everyone of this meeting’s alliance or unit in one step"));
  g_signal_connect_object (self->invite, "clicked", G_CALLBACK (on_invite_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->invite);
  /* kept while the rows are made again before it */
  self->guest_row = g_object_ref_sink (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->guest_row), _("Add a guest (a name only)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->guest_row), TRUE);
  g_signal_connect_object (self->guest_row, "apply", G_CALLBACK (on_guest_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->guest_row, "entry-activated", G_CALLBACK (on_guest_activate_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->guest_row);
}

GtkWidget *
kw_attendance_group_new (KwStore *store)
{
  KwAttendanceGroup *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_ATTENDANCE_GROUP, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
kw_attendance_group_set_meeting (KwAttendanceGroup *self,
                                 const char        *meeting_id)
{
  g_return_if_fail (KW_IS_ATTENDANCE_GROUP (self));

  g_free (self->meeting);
  self->meeting = g_strdup (meeting_id);
  reload (self);
}

guint
kw_attendance_group_invite (KwAttendanceGroup *self,
                            GError           **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint added = 0;

  g_return_val_if_fail (KW_IS_ATTENDANCE_GROUP (self), 0);

  people = context_people (self);
  list = kw_store_list_by_ref (self->store, "attendance", "meeting", self->meeting, NULL);
  for (guint i = 0; list && i < list->len; i++)
    if (kw_record_get_string (g_ptr_array_index (list, i), "person") != NULL)  /* not a guest */
      g_hash_table_add (seen, (gpointer) kw_record_get_string (g_ptr_array_index (list, i), "person"));
  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr(KwChangeset) changes = NULL;
      g_autofree char *id = NULL;

      if (g_hash_table_contains (seen, g_ptr_array_index (people, i)))
        continue;
      g_hash_table_add (seen, g_ptr_array_index (people, i));
      changes = kw_changeset_new ("attendance", NULL);
      kw_changeset_set_string (changes, "meeting", self->meeting);
      kw_changeset_set_string (changes, "person", g_ptr_array_index (people, i));
      kw_changeset_set_string (changes, "status", "invited");
      if ((id = kw_store_create (self->store, changes, error)) == NULL)
        return added;
      added++;
    }
  return added;
}

gboolean
kw_attendance_group_set_status (KwAttendanceGroup *self,
                                const char        *attendance_id,
                                const char        *status)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("attendance", NULL);
  g_autofree char *id = g_strdup (attendance_id);

  g_return_val_if_fail (KW_IS_ATTENDANCE_GROUP (self), FALSE);

  kw_changeset_set_string (changes, "status", status);
  return kw_store_update (self->store, id, changes, NULL);
}

const char *
kw_attendance_group_get_counts (KwAttendanceGroup *self)
{
  g_return_val_if_fail (KW_IS_ATTENDANCE_GROUP (self), NULL);
  return self->counts;
}

guint
kw_attendance_group_get_n_rows (KwAttendanceGroup *self)
{
  g_return_val_if_fail (KW_IS_ATTENDANCE_GROUP (self), 0);
  return self->rows->len;
}

char *
kw_attendance_group_add_guest (KwAttendanceGroup *self,
                               const char        *name,
                               GError           **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("attendance", NULL);

  g_return_val_if_fail (KW_IS_ATTENDANCE_GROUP (self), NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  kw_changeset_set_string (changes, "meeting", self->meeting);
  kw_changeset_set_string (changes, "guest_name", name);
  kw_changeset_set_string (changes, "status", "invited");
  return kw_store_create (self->store, changes, error);
}

GtkWidget *
kw_attendance_group_get_row (KwAttendanceGroup *self,
                             const char        *attendance_id)
{
  g_return_val_if_fail (KW_IS_ATTENDANCE_GROUP (self), NULL);
  return find_row (self, attendance_id);
}

GtkWidget *
kw_attendance_group_get_guest_entry (KwAttendanceGroup *self)
{
  g_return_val_if_fail (KW_IS_ATTENDANCE_GROUP (self), NULL);
  return self->guest_row;
}
