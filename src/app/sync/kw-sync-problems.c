/* kw-sync-problems.c: the sync row's details, per refused file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar has room for one sentence; here every refused file has
 * its own: who sent it, what to do (kw_sync_refused_file_dup_advice),
 * and, small below, the import's reason and the file's name for whoever
 * looks into it.
 */
#define G_LOG_DOMAIN "kw-sync-problems"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-sync-problems.h"

#define MAX_CHARS 44

/* Helpers */

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            const char *name)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), MAX_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CHARS);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (name != NULL)
    gtk_widget_set_name (label, name);
  return label;
}

static GtkWidget *
make_file_box (const KwSyncRefusedFile *file)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *advice = kw_sync_refused_file_dup_advice (file);
  /* Translators: the import's reason, then the file's name in the sync folder */
  g_autofree char *detail = g_strdup_printf (_("%s (%s)"), file->reason, file->name);
  GtkWidget *detail_label = make_label (detail, "caption", "sync-problem-detail");

  gtk_widget_add_css_class (detail_label, "dim-label");
  gtk_box_append (GTK_BOX (box), make_label (advice, NULL, "sync-problem-advice"));
  gtk_box_append (GTK_BOX (box), detail_label);
  return box;
}

/* Public API */

GtkPopover *
kw_sync_problems_new (void)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_name (popover, "sync-problems");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  g_object_set_data (G_OBJECT (popover), "kw-box", box);
  return GTK_POPOVER (popover);
}

void
kw_sync_problems_update (GtkPopover         *popover,
                         const KwSyncResult *result,
                         const char         *problem)
{
  GtkWidget *box;
  GtkWidget *child;
  guint n = result != NULL && result->refusals != NULL ? result->refusals->len : 0;

  g_return_if_fail (GTK_IS_POPOVER (popover));

  box = g_object_get_data (G_OBJECT (popover), "kw-box");
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
  if (n == 0)
    {
      if (problem != NULL)
        gtk_box_append (GTK_BOX (box), make_label (problem, NULL, "sync-problem-advice"));
      return;
    }
  gtk_box_append (GTK_BOX (box),
                  make_label (ngettext ("A colleague’s file could not be imported",
                                        "Colleagues’ files that could not be imported", n),
                              "heading", NULL));
  for (guint i = 0; i < n; i++)
    gtk_box_append (GTK_BOX (box), make_file_box (g_ptr_array_index (result->refusals, i)));
}
