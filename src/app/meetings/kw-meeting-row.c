/* kw-meeting-row.c: a meeting in the meetings view's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its title; its date and time in the locale and its venue; its context
 * (the alliance, else the unit) and, unless planned, its status; a
 * cancelled meeting is struck through and says so in the error colour.
 */
#define G_LOG_DOMAIN "kw-meeting-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-format.h"
#include "kw-meeting-row.h"

struct _KwMeetingRow
{
  GtkBox     parent_instance;

  KwStore   *store;
  GtkWidget *title;
  GtkWidget *when;
  GtkWidget *context;
  GtkWidget *status;
};

G_DEFINE_FINAL_TYPE (KwMeetingRow, kw_meeting_row, GTK_TYPE_BOX)

static GtkWidget *
add_label (GtkBox     *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  if (!g_str_equal (css_class, "heading"))
    gtk_widget_add_css_class (label, "caption");
  gtk_box_append (box, label);
  return label;
}

static char *
ref_title (KwStore    *store,
           const char *type_name,
           const char *id)
{
  return id ? kw_store_dup_reference_title (store, (const char * const []) { type_name, NULL }, id) : NULL;
}

static void
kw_meeting_row_dispose (GObject *object)
{
  g_clear_object (&KW_MEETING_ROW (object)->store);

  G_OBJECT_CLASS (kw_meeting_row_parent_class)->dispose (object);
}

static void
kw_meeting_row_class_init (KwMeetingRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_meeting_row_dispose;
}

static void
kw_meeting_row_init (KwMeetingRow *self)
{
  GtkBox *box = GTK_BOX (self);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (box, 2);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  self->title = add_label (box, "heading");
  self->when = add_label (box, "dim-label");
  gtk_box_append (box, line);
  self->context = add_label (GTK_BOX (line), "dim-label");
  gtk_widget_set_hexpand (self->context, TRUE);
  self->status = add_label (GTK_BOX (line), "accent");
}

GtkWidget *
kw_meeting_row_new (KwStore *store)
{
  KwMeetingRow *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_MEETING_ROW, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

void
kw_meeting_row_bind (KwMeetingRow *self,
                     KwRecord     *meeting)
{
  g_autofree char *title = NULL, *when = NULL, *venue = NULL, *line = NULL, *context = NULL;
  const char *status;
  gboolean cancelled;
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  g_return_if_fail (KW_IS_MEETING_ROW (self));

  if (meeting == NULL)
    return;
  title = kw_record_dup_title (meeting);
  when = kw_format_datetime (kw_record_get_string (meeting, "starts_at"));
  venue = ref_title (self->store, "venue", kw_record_get_string (meeting, "venue"));
  line = when && venue ? g_strdup_printf ("%s · %s", when, venue) : g_strdup (when ? when : venue ? venue : _("No date yet"));
  context = ref_title (self->store, "alliance", kw_record_get_string (meeting, "alliance"));
  if (context == NULL)
    context = ref_title (self->store, "network_unit", kw_record_get_string (meeting, "unit"));
  status = kw_record_get_string (meeting, "status");
  cancelled = g_strcmp0 (status, "cancelled") == 0;
  if (cancelled)
    pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
  gtk_label_set_label (GTK_LABEL (self->title), title);
  gtk_label_set_attributes (GTK_LABEL (self->title), cancelled ? attrs : NULL);
  gtk_label_set_label (GTK_LABEL (self->when), line);
  gtk_label_set_label (GTK_LABEL (self->context), context ? context : "");
  gtk_label_set_label (GTK_LABEL (self->status),
                       status && !g_str_equal (status, "planned")
                       ? kw_enum_label (kw_entity_type_field (kw_record_get_entity_type (meeting), "status"), status) : "");
  gtk_widget_set_visible (self->status, status && !g_str_equal (status, "planned"));
  if (cancelled)
    gtk_widget_add_css_class (self->status, "error");
  else
    gtk_widget_remove_css_class (self->status, "error");
}
