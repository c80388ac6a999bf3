/* kw-unit-group.c: a network's units (binnenbuurten), each with its flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwChildGroup of network_unit: a row says how many members the unit
 * has against the ~50 a unit works best with, shows a warning badge for
 * each flag of kw_analysis_unit_flags (no contact person, no deputy,
 * one of them not contacted for the preference's months) and opens the
 * unit's page. A unit refers to nothing it belongs to but its network,
 * so the add button asks for a name.
 */
#define G_LOG_DOMAIN "kw-unit-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-after-frame.h"
#include "kw-networks-settings.h"
#include "kw-unit-group.h"

#define UNIT_SIZE 50

struct _KwUnitGroup
{
  KwChildGroup  parent_instance;

  GtkEditable  *name_entry;
};

G_DEFINE_FINAL_TYPE (KwUnitGroup, kw_unit_group, KW_TYPE_CHILD_GROUP)

typedef struct {
  char *parent_type;
  char *parent_id;
} Fill;

static void
fill_free (Fill *fill)
{
  g_free (fill->parent_type);
  g_free (fill->parent_id);
  g_free (fill);
}

static void
fill_cb (GtkWidget *widget,
         gpointer   user_data)
{
  Fill *fill = user_data;

  kw_child_group_set_parent (KW_CHILD_GROUP (widget), fill->parent_type, fill->parent_id);
}

static void
update_flags (GtkWidget *row,
              KwStore   *store)
{
  const char *id = g_object_get_data (G_OBJECT (row), "kw-unit");
  GtkWidget *box = g_object_get_data (G_OBJECT (row), "kw-flags");

  if (id != NULL && box != NULL)
    kw_unit_group_fill_badges (box, kw_unit_group_get_flags (store, id), kw_networks_settings_get_stale_months (), TRUE);
}

/* Callbacks */

/* A contact moment may end (or start) a "not contacted" flag. */
static void
on_store_contact_changed_cb (GtkWidget *row)
{
  KwUnitGroup *self = KW_UNIT_GROUP (gtk_widget_get_ancestor (row, KW_TYPE_UNIT_GROUP));

  if (self != NULL)
    update_flags (row, kw_child_group_get_store (KW_CHILD_GROUP (self)));
}

static void
on_open_clicked_cb (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_EXPANDER_ROW);
  const char *id = row ? g_object_get_data (G_OBJECT (row), "kw-unit") : NULL;

  if (id != NULL)
    gtk_widget_activate_action (button, "win.open-record", "(ss)", "network_unit", id);
}

static void
on_add_clicked_cb (KwUnitGroup *self)
{
  KwChildGroup *group = KW_CHILD_GROUP (self);
  g_autoptr(KwChangeset) changes = kw_changeset_new ("network_unit", NULL);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_entry)));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (*name == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self->name_entry));
      return;
    }
  kw_changeset_set_string (changes, "network", kw_child_group_get_parent_id (group));
  kw_changeset_set_string (changes, "name", name);
  if ((id = kw_store_create (kw_child_group_get_store (group), changes, &error)) == NULL)
    {
      g_warning ("could not add the unit: %s", error->message);
      return;
    }
  gtk_editable_set_text (self->name_entry, "");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (kw_child_group_get_add_button (group)));
}

/* KwChildGroup */

static char *
kw_unit_group_dup_subtitle (KwChildGroup *group,
                            KwRecord     *record)
{
  KwStore *store = kw_child_group_get_store (group);
  const char *contact = kw_record_get_string (record, "contact");
  g_autofree char *members = kw_unit_group_dup_members_text (store, record);
  g_autofree char *name = contact ? kw_store_dup_reference_title (store, (const char * const []) { "person", NULL }, contact) : NULL;

  if (name == NULL)
    return g_steal_pointer (&members);
  /* Translators: "48 of ~50 members · contact person Truus de Wit" */
  return g_strdup_printf (_("%s · contact person %s"), members, name);
}

static void
kw_unit_group_setup_row (KwChildGroup   *group,
                         AdwExpanderRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *flags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_valign (flags, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (flags, "unit-flags");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, _("Open this unit: its members, gatherings and who stopped coming"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open unit"), -1);
  g_signal_connect (open, "clicked", G_CALLBACK (on_open_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (box), flags);
  gtk_box_append (GTK_BOX (box), open);
  adw_expander_row_add_action (row, box);
  g_object_set_data (G_OBJECT (row), "kw-flags", flags);
  g_signal_connect_object (kw_child_group_get_store (group), "changed::contact_moment",
                           G_CALLBACK (on_store_contact_changed_cb), row, G_CONNECT_SWAPPED);
}

static void
kw_unit_group_update_row (KwChildGroup   *group,
                          AdwExpanderRow *row,
                          KwRecord       *record)
{
  g_object_set_data_full (G_OBJECT (row), "kw-unit", g_strdup (kw_record_get_id (record)), g_free);
  update_flags (GTK_WIDGET (row), kw_child_group_get_store (group));
}

static GtkWidget *
kw_unit_group_make_add_popover (KwChildGroup *group)
{
  KwUnitGroup *self = KW_UNIT_GROUP (group);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Unit"));

  self->name_entry = GTK_EDITABLE (kw_child_group_add_labelled (box, _("_Name"), gtk_entry_new ()));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->name_entry), _("For example Brinkzijde"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_margin_top (button, 6);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_entry, "activate", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_size_request (box, 260, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

/* GObject */

static void
kw_unit_group_constructed (GObject *object)
{
  G_OBJECT_CLASS (kw_unit_group_parent_class)->constructed (object);

  kw_child_group_set_texts (KW_CHILD_GROUP (object), _("Units"), _("No units yet"),
                            _("Add a Unit"), _("Remove the unit %s"));
}

static void
kw_unit_group_class_init (KwUnitGroupClass *klass)
{
  KwChildGroupClass *group_class = KW_CHILD_GROUP_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = kw_unit_group_constructed;
  group_class->dup_subtitle = kw_unit_group_dup_subtitle;
  group_class->setup_row = kw_unit_group_setup_row;
  group_class->update_row = kw_unit_group_update_row;
  group_class->make_add_popover = kw_unit_group_make_add_popover;
}

static void
kw_unit_group_init (KwUnitGroup *self)
{
}

/* Public API */

KwChildGroup *
kw_unit_group_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_UNIT_GROUP, "store", store, "child-type", "network_unit", NULL);
}

GPtrArray *
kw_unit_group_dup_flag_labels (KwUnitFlags flags,
                               guint       stale_months)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  if (flags & KW_UNIT_FLAG_NO_CONTACT)
    g_ptr_array_add (labels, g_strdup (_("No contact person")));
  if (flags & KW_UNIT_FLAG_NO_DEPUTY)
    g_ptr_array_add (labels, g_strdup (_("No deputy")));
  if (flags & KW_UNIT_FLAG_STALE_CONTACT)
    g_ptr_array_add (labels, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Contact person not contacted for %u month",
                                                           "Contact person not contacted for %u months", stale_months),
                                              stale_months));
  if (flags & KW_UNIT_FLAG_STALE_DEPUTY)
    g_ptr_array_add (labels, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deputy not contacted for %u month",
                                                           "Deputy not contacted for %u months", stale_months),
                                              stale_months));
  return labels;
}

void
kw_unit_group_fill_badges (GtkWidget   *box,
                           KwUnitFlags  flags,
                           guint        stale_months,
                           gboolean     brief)
{
  g_autoptr(GPtrArray) labels = kw_unit_group_dup_flag_labels (flags, stale_months);
  const char *short_words[4] = { NULL, NULL, NULL, NULL };
  guint n_short = 0;
  GtkWidget *child;

  if (flags & KW_UNIT_FLAG_NO_CONTACT)
    short_words[n_short++] = _("No contact person");
  if (flags & KW_UNIT_FLAG_NO_DEPUTY)
    short_words[n_short++] = _("No deputy");
  if (flags & KW_UNIT_FLAG_STALE_CONTACT)
    short_words[n_short++] = _("Contact person not contacted");
  if (flags & KW_UNIT_FLAG_STALE_DEPUTY)
    short_words[n_short++] = _("Deputy not contacted");

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
  /* a row has room for one badge: the flag's short words, or how many */
  for (guint i = 0; i < labels->len && (!brief || i == 0); i++)
    {
      g_autofree char *several = brief && labels->len > 1
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", labels->len), labels->len) : NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *badge = gtk_label_new (several ? several : brief ? short_words[i] : g_ptr_array_index (labels, i));

      if (brief)
        {
          g_ptr_array_add (labels, NULL);
          tooltip = g_strjoinv ("\n", (char **) labels->pdata);
          g_ptr_array_remove_index (labels, labels->len - 1);
        }

      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_add_css_class (badge, "tense");
      gtk_widget_add_css_class (badge, "unit-flag");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, tooltip ? tooltip : g_ptr_array_index (labels, i));
      gtk_box_append (GTK_BOX (box), badge);
    }
  gtk_widget_set_visible (box, labels->len > 0);
}

KwUnitFlags
kw_unit_group_get_flags (KwStore    *store,
                         const char *unit_id)
{
  KwUnitFlags flags = KW_UNIT_FLAG_NONE;
  GDate today;

  g_return_val_if_fail (KW_IS_STORE (store), KW_UNIT_FLAG_NONE);

  kw_analysis_get_today (&today);
  if (unit_id == NULL || !kw_analysis_unit_flags (store, unit_id, kw_networks_settings_get_stale_months (), &today, &flags, NULL))
    return KW_UNIT_FLAG_NONE;
  return flags;
}

char *
kw_unit_group_dup_members_text (KwStore  *store,
                                KwRecord *unit)
{
  gint64 n;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (KW_IS_RECORD (unit), NULL);

  if (!kw_record_is_null (unit, "members_count"))
    n = kw_record_get_int (unit, "members_count");
  else
    {
      g_autoptr(GPtrArray) members = kw_store_list_by_ref (store, "network_member", "unit", kw_record_get_id (unit), NULL);

      n = members ? members->len : 0;
    }
  /* Translators: a unit works best with about fifty members */
  return g_strdup_printf (_("%u of ~%u members"), (guint) n, UNIT_SIZE);
}

void
kw_unit_group_fill_after_frame (KwChildGroup *group,
                                const char   *parent_type,
                                const char   *parent_id)
{
  Fill *fill;

  g_return_if_fail (KW_IS_CHILD_GROUP (group));

  if (parent_id == NULL || gtk_widget_get_root (GTK_WIDGET (group)) == NULL)
    {
      kw_after_frame_cancel (GTK_WIDGET (group), "kw-fill");
      kw_child_group_set_parent (group, parent_type, parent_id);
      return;
    }
  kw_child_group_set_parent (group, parent_type, NULL);
  fill = g_new0 (Fill, 1);
  fill->parent_type = g_strdup (parent_type);
  fill->parent_id = g_strdup (parent_id);
  kw_after_frame (GTK_WIDGET (group), "kw-fill", fill_cb, fill, (GDestroyNotify) fill_free);
}
