/* kw-record-chooser.c: a popover to pick a record to refer to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search as you type over the target types, through KwRecordList (the
 * filtering happens in SQL, so it stays quick with many people).
 */
#define G_LOG_DOMAIN "kw-record-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-record-chooser.h"
#include "kw-record-list.h"

#define MAX_RESULTS 30

struct _KwRecordChooser
{
  GtkPopover      parent_instance;

  KwStore        *store;
  GStrv           targets;
  gboolean        allow_none;
  char           *excluded;   /* never offered: the record the chooser is for */

  GtkSearchEntry *entry;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (KwRecordChooser, kw_record_chooser, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GtkWidget *
make_row (const char *title,
          const char *subtitle,
          const char *type,
          const char *id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      GtkWidget *kind = gtk_label_new (subtitle);

      gtk_widget_add_css_class (kind, "dim-label");
      gtk_widget_add_css_class (kind, "caption");
      gtk_box_append (GTK_BOX (box), kind);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "kw-type", g_strdup (type), g_free);
  g_object_set_data_full (G_OBJECT (row), "kw-id", g_strdup (id), g_free);
  return row;
}

static void
add_results (KwRecordChooser *self,
             const char      *type_name,
             const char      *text)
{
  g_autoptr(KwRecordList) list = kw_record_list_new (self->store, type_name);
  const KwEntityType *type = kw_registry_lookup (type_name);
  const char *label = g_strv_length (self->targets) > 1 ? g_dgettext (GETTEXT_PACKAGE, type->label) : NULL;
  guint n;

  kw_record_list_set_search (list, text);
  n = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), MAX_RESULTS + 1);
  for (guint i = 0, added = 0; i < n && added < MAX_RESULTS; i++)
    {
      g_autoptr(KwRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *title = NULL;

      if (g_strcmp0 (kw_record_get_id (record), self->excluded) == 0)
        continue;
      title = kw_record_dup_title (record);
      added++;
      gtk_list_box_append (self->list, make_row (title, label, type_name, kw_record_get_id (record)));
    }
}

static void
update_results (KwRecordChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->allow_none)
    gtk_list_box_append (self->list, make_row (_("None"), NULL, NULL, NULL));
  for (guint i = 0; self->targets[i]; i++)
    add_results (self, self->targets[i], text);
}

static void
choose_row (KwRecordChooser *self,
            GtkListBoxRow   *row)
{
  g_autofree char *type = g_strdup (g_object_get_data (G_OBJECT (row), "kw-type"));
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "kw-id"));

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CHOSEN], 0, type, id);
}

/* Callbacks */

static void
on_entry_search_changed_cb (KwRecordChooser *self)
{
  update_results (self);
}

static void
on_entry_activate_cb (KwRecordChooser *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, self->allow_none ? 1 : 0);

  if (row != NULL)
    choose_row (self, row);
}

static void
on_list_row_activated_cb (KwRecordChooser *self,
                          GtkListBoxRow   *row)
{
  choose_row (self, row);
}

static void
on_show_cb (KwRecordChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  update_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* GObject */

static void
kw_record_chooser_finalize (GObject *object)
{
  KwRecordChooser *self = (KwRecordChooser *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->targets, g_strfreev);
  g_free (self->excluded);

  G_OBJECT_CLASS (kw_record_chooser_parent_class)->finalize (object);
}

static void
kw_record_chooser_class_init (KwRecordChooserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_record_chooser_finalize;

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
kw_record_chooser_init (KwRecordChooser *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_size_request (box, 300, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (self), box);

  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (on_entry_search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_list_row_activated_cb), self);
  g_signal_connect (self, "show", G_CALLBACK (on_show_cb), NULL);
}

/* Public API */

KwRecordChooser *
kw_record_chooser_new (KwStore            *store,
                       const char * const *targets,
                       gboolean            allow_none)
{
  KwRecordChooser *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (targets != NULL, NULL);

  self = g_object_new (KW_TYPE_RECORD_CHOOSER, NULL);
  self->store = g_object_ref (store);
  self->targets = g_strdupv ((char **) targets);
  self->allow_none = allow_none;
  return self;
}

void
kw_record_chooser_set_excluded (KwRecordChooser *self,
                                const char      *id)
{
  g_return_if_fail (KW_IS_RECORD_CHOOSER (self));

  g_free (self->excluded);
  self->excluded = g_strdup (id);
}

guint
kw_record_chooser_get_n_results (KwRecordChooser *self)
{
  guint n = 0;

  g_return_val_if_fail (KW_IS_RECORD_CHOOSER (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "kw-id") != NULL)
      n++;
  return n;
}

void
kw_record_chooser_search (KwRecordChooser *self,
                          const char      *text)
{
  g_return_if_fail (KW_IS_RECORD_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  update_results (self);
}
