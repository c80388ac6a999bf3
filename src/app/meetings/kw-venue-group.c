/* kw-venue-group.c: a meeting's venue, its own details edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under a meeting's When and Where: the address, capacity and
 * accessibility of the venue the meeting is at, edited in place (a
 * KwRecordEditor of the venue: what is changed here is the venue's, for
 * every meeting there). "New Venue…" in the header makes a venue of a
 * name and gives it to the meeting, so that its details can be filled
 * in here at once.
 */
#define G_LOG_DOMAIN "kw-venue-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-record-editor.h"
#include "kw-venue-group.h"

struct _KwVenueGroup
{
  AdwPreferencesGroup parent_instance;

  KwStore        *store;
  KwRecordEditor *editor;
  char           *meeting;
  char           *venue;
  GtkWidget      *name_entry;
};

G_DEFINE_FINAL_TYPE (KwVenueGroup, kw_venue_group, ADW_TYPE_PREFERENCES_GROUP)

static const char * const venue_fields[] = { "address", "capacity", "accessibility", NULL };

/* Helpers */

static void
show_rows (KwVenueGroup *self,
           gboolean      visible)
{
  for (guint i = 0; venue_fields[i]; i++)
    gtk_widget_set_visible (kw_record_editor_get_row (self->editor, venue_fields[i]), visible);
}

static void
reload (KwVenueGroup *self)
{
  g_autoptr(KwRecord) meeting = self->meeting ? kw_store_get (self->store, "meeting", self->meeting, NULL) : NULL;
  const char *id = meeting ? kw_record_get_string (meeting, "venue") : NULL;
  g_autoptr(KwRecord) venue = id ? kw_store_get (self->store, "venue", id, NULL) : NULL;
  g_autofree char *title = venue ? kw_record_dup_title (venue) : NULL;

  g_free (self->venue);
  self->venue = venue ? g_strdup (id) : NULL;
  if (venue != NULL)
    kw_record_editor_set_record (self->editor, venue);
  show_rows (self, venue != NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title ? title : _("Venue"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         venue ? _("The venue’s own details, the same for every meeting there")
                                               : _("No venue yet: choose one under When and Where, or add a new one."));
}

/* Callbacks */

static void
on_store_changed_cb (KwVenueGroup *self,
                     const char   *type_name)
{
  if (g_str_equal (type_name, "venue") || g_str_equal (type_name, "meeting"))
    reload (self);
}

static void
on_name_activate_cb (KwVenueGroup *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  GtkWidget *popover = gtk_widget_get_ancestor (self->name_entry, GTK_TYPE_POPOVER);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (*name == '\0')
    return;
  if ((id = kw_venue_group_add_venue (self, name, &error)) == NULL)
    {
      g_warning ("venue: %s", error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_grab_focus (kw_record_editor_get_row (self->editor, "address"));
}

static GtkWidget *
make_new_button (KwVenueGroup *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_New Venue…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("A venue not in the list yet, for this meeting"));
  self->name_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->name_entry), _("Name of the venue"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the venue"), -1);
  g_signal_connect_object (self->name_entry, "activate", G_CALLBACK (on_name_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (add, "suggested-action");
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_name_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->name_entry);
  gtk_box_append (GTK_BOX (box), add);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

/* GObject */

static void
kw_venue_group_dispose (GObject *object)
{
  KwVenueGroup *self = KW_VENUE_GROUP (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->editor);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kw_venue_group_parent_class)->dispose (object);
}

static void
kw_venue_group_finalize (GObject *object)
{
  KwVenueGroup *self = KW_VENUE_GROUP (object);

  g_free (self->meeting);
  g_free (self->venue);

  G_OBJECT_CLASS (kw_venue_group_parent_class)->finalize (object);
}

static void
kw_venue_group_class_init (KwVenueGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_venue_group_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_venue_group_finalize;
}

static void
kw_venue_group_init (KwVenueGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Venue"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), make_new_button (self));
}

/* Public API */

GtkWidget *
kw_venue_group_new (KwStore *store)
{
  KwVenueGroup *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_VENUE_GROUP, NULL);
  self->store = g_object_ref (store);
  self->editor = kw_record_editor_new (store, "venue");
  for (guint i = 0; venue_fields[i]; i++)
    kw_record_editor_add_row (self->editor, GTK_WIDGET (self), venue_fields[i]);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WIDGET (self);
}

void
kw_venue_group_set_meeting (KwVenueGroup *self,
                            const char   *meeting_id)
{
  g_return_if_fail (KW_IS_VENUE_GROUP (self));

  if (g_strcmp0 (self->meeting, meeting_id) != 0)
    {
      g_free (self->meeting);
      self->meeting = g_strdup (meeting_id);
    }
  reload (self);
}

char *
kw_venue_group_add_venue (KwVenueGroup *self,
                          const char   *name,
                          GError      **error)
{
  g_autoptr(KwChangeset) venue = kw_changeset_new ("venue", NULL);
  g_autoptr(KwChangeset) meeting = kw_changeset_new ("meeting", NULL);
  g_autofree char *id = NULL;

  g_return_val_if_fail (KW_IS_VENUE_GROUP (self), NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  kw_changeset_set_string (venue, "name", name);
  if ((id = kw_store_create (self->store, venue, error)) == NULL)
    return NULL;
  if (self->meeting != NULL)
    {
      kw_changeset_set_string (meeting, "venue", id);
      if (!kw_store_update (self->store, self->meeting, meeting, error))
        return NULL;
    }
  return g_steal_pointer (&id);
}

const char *
kw_venue_group_get_venue (KwVenueGroup *self)
{
  g_return_val_if_fail (KW_IS_VENUE_GROUP (self), NULL);
  return self->venue;
}

GtkWidget *
kw_venue_group_get_row (KwVenueGroup *self,
                        const char   *field)
{
  g_return_val_if_fail (KW_IS_VENUE_GROUP (self), NULL);
  return kw_record_editor_get_row (self->editor, field);
}

GtkWidget *
kw_venue_group_get_name_entry (KwVenueGroup *self)
{
  g_return_val_if_fail (KW_IS_VENUE_GROUP (self), NULL);
  return self->name_entry;
}
