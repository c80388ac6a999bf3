/* kw-network-row.c: a network in the networks view's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its name; its kind and how many units it has; in the warning colour
 * how many units need attention (a flag of kw_analysis_unit_flags). The
 * row follows the store itself, as units and contact moments are not
 * the list's type.
 */
#define G_LOG_DOMAIN "kw-network-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-network-row.h"
#include "kw-unit-group.h"

struct _KwNetworkRow
{
  GtkBox     parent_instance;

  KwStore   *store;
  char      *id;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *flags;
};

G_DEFINE_FINAL_TYPE (KwNetworkRow, kw_network_row, GTK_TYPE_BOX)

/* Helpers */

static GtkWidget *
add_label (KwNetworkRow *self,
           const char   *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  if (!g_str_equal (css_class, "heading"))
    gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (self), label);
  return label;
}

static void
update (KwNetworkRow *self)
{
  g_autoptr(KwRecord) network = self->id ? kw_store_get (self->store, "network", self->id, NULL) : NULL;
  g_autoptr(GPtrArray) units = self->id ? kw_store_list_by_ref (self->store, "network_unit", "network", self->id, NULL) : NULL;
  g_autofree char *name = NULL, *text = NULL, *flags_text = NULL;
  guint flagged = 0, n = units ? units->len : 0;
  const char *kind;
  g_autofree char *count = NULL;

  if (network == NULL)
    return;
  name = kw_record_dup_title (network);
  kind = kw_record_get_string (network, "kind");
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit", "%u units", n), n);
  text = kind ? g_strdup_printf ("%s · %s", kw_enum_label (kw_entity_type_field (kw_record_get_entity_type (network), "kind"), kind), count)
              : g_strdup (count);
  for (guint i = 0; i < n; i++)
    flagged += kw_unit_group_get_flags (self->store, kw_record_get_id (g_ptr_array_index (units, i))) != KW_UNIT_FLAG_NONE;
  flags_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit needs attention", "%u units need attention", flagged), flagged);
  gtk_label_set_label (GTK_LABEL (self->title), name);
  gtk_label_set_label (GTK_LABEL (self->subtitle), text);
  gtk_label_set_label (GTK_LABEL (self->flags), flags_text);
  gtk_widget_set_visible (self->flags, flagged > 0);
}

/* Callbacks */

static void
on_store_changed_cb (KwNetworkRow *self,
                     const char   *type_name)
{
  if (g_str_equal (type_name, "network_unit") || g_str_equal (type_name, "contact_moment"))
    update (self);
}

/* GObject */

static void
kw_network_row_dispose (GObject *object)
{
  KwNetworkRow *self = KW_NETWORK_ROW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kw_network_row_parent_class)->dispose (object);
}

static void
kw_network_row_finalize (GObject *object)
{
  g_free (KW_NETWORK_ROW (object)->id);

  G_OBJECT_CLASS (kw_network_row_parent_class)->finalize (object);
}

static void
kw_network_row_class_init (KwNetworkRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_network_row_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_network_row_finalize;
}

static void
kw_network_row_init (KwNetworkRow *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 2);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  self->title = add_label (self, "heading");
  self->subtitle = add_label (self, "dim-label");
  self->flags = add_label (self, "warning");
}

/* Public API */

GtkWidget *
kw_network_row_new (KwStore *store)
{
  KwNetworkRow *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_NETWORK_ROW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
kw_network_row_bind (KwNetworkRow *self,
                     KwRecord     *network)
{
  g_return_if_fail (KW_IS_NETWORK_ROW (self));

  g_free (self->id);
  self->id = network ? g_strdup (kw_record_get_id (network)) : NULL;
  update (self);
}
