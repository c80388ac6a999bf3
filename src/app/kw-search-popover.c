/* kw-search-popover.c: search across every record type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Results of kw_store_search(), grouped by type under a header; a
 * result emits ::record-activated with its type and id.
 */
#define G_LOG_DOMAIN "kw-search-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-search-popover.h"

#define RESULTS_PER_TYPE 8

struct _KwSearchPopover
{
  GtkPopover    parent_instance;

  KwStore      *store;

  GtkSearchEntry *entry;
  GtkLabel     *hint_label;
  GtkListBox   *results;
  GtkStack     *stack;
};

G_DEFINE_FINAL_TYPE (KwSearchPopover, kw_search_popover, GTK_TYPE_POPOVER)

enum {
  RECORD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GtkWidget *
make_result_row (const KwSearchHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (hit->title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "kw-type", g_strdup (hit->type_name), g_free);
  g_object_set_data_full (G_OBJECT (row), "kw-id", g_strdup (hit->id), g_free);
  return row;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  const char *type = g_object_get_data (G_OBJECT (row), "kw-type");
  const KwEntityType *entity;
  GtkWidget *header;

  if (before != NULL && g_strcmp0 (type, g_object_get_data (G_OBJECT (before), "kw-type")) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  entity = kw_registry_lookup (type);
  header = gtk_label_new (entity ? g_dgettext (GETTEXT_PACKAGE, entity->plural) : type);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
clear_results (KwSearchPopover *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
}

static void
show_hint (KwSearchPopover *self,
           const char      *hint)
{
  gtk_label_set_label (self->hint_label, hint);
  gtk_stack_set_visible_child_name (self->stack, "hint");
}

static void
run_search (KwSearchPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  clear_results (self);
  if (self->store == NULL || g_utf8_strlen (trimmed, -1) < 2)
    {
      show_hint (self, _("Type two letters or more of a name, e-mail, topic or minutes."));
      return;
    }
  hits = kw_store_search (self->store, text, NULL, RESULTS_PER_TYPE, &error);
  if (hits == NULL)
    {
      show_hint (self, error->message);
      return;
    }
  if (hits->len == 0)
    {
      show_hint (self, _("Nothing found. Try part of a name or another spelling."));
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->results, make_result_row (g_ptr_array_index (hits, i)));
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
activate_row (KwSearchPopover *self,
              GtkListBoxRow   *row)
{
  g_autofree char *type = g_strdup (g_object_get_data (G_OBJECT (row), "kw-type"));
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "kw-id"));

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[RECORD_ACTIVATED], 0, type, id);
}

/* Callbacks */

static void
on_entry_search_changed_cb (KwSearchPopover *self)
{
  run_search (self);
}

static void
on_entry_activate_cb (KwSearchPopover *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if (first != NULL)
    activate_row (self, first);
}

static void
on_results_row_activated_cb (KwSearchPopover *self,
                             GtkListBoxRow   *row)
{
  activate_row (self, row);
}

static void
on_show_cb (KwSearchPopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

/* GObject */

static void
kw_search_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_SEARCH_POPOVER);
  G_OBJECT_CLASS (kw_search_popover_parent_class)->dispose (object);
}

static void
kw_search_popover_finalize (GObject *object)
{
  g_clear_object (&KW_SEARCH_POPOVER (object)->store);
  G_OBJECT_CLASS (kw_search_popover_parent_class)->finalize (object);
}

static void
kw_search_popover_class_init (KwSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_search_popover_dispose;
  object_class->finalize = kw_search_popover_finalize;

  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/kw-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, KwSearchPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, KwSearchPopover, hint_label);
  gtk_widget_class_bind_template_child (widget_class, KwSearchPopover, results);
  gtk_widget_class_bind_template_child (widget_class, KwSearchPopover, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_cb);
}

static void
kw_search_popover_init (KwSearchPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->results, update_header, NULL, NULL);
}

/* Public API */

void
kw_search_popover_set_store (KwSearchPopover *self,
                             KwStore         *store)
{
  g_return_if_fail (KW_IS_SEARCH_POPOVER (self));

  if (g_set_object (&self->store, store))
    run_search (self);
}

void
kw_search_popover_set_text (KwSearchPopover *self,
                            const char      *text)
{
  g_return_if_fail (KW_IS_SEARCH_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  run_search (self);
}

GtkListBox *
kw_search_popover_get_results (KwSearchPopover *self)
{
  g_return_val_if_fail (KW_IS_SEARCH_POPOVER (self), NULL);
  return self->results;
}
