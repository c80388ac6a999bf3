/* kw-export-button.c: "Export for Fellow Organisers…" on a record's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page the button is on says which record: the scope kind is the
 * name of its type (kw_export_scope_from_string), the id its record's.
 */
#define G_LOG_DOMAIN "kw-export-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-export-button.h"
#include "kw-record-page.h"

/* Callbacks */

static void
on_clicked_cb (GtkButton *button)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (button), KW_TYPE_RECORD_PAGE);
  const char *id;

  if (page == NULL || (id = kw_record_page_get_id (KW_RECORD_PAGE (page))) == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (button), "win.export-scope", "(ss)",
                              kw_record_page_get_type_name (KW_RECORD_PAGE (page)), id);
}

/* Public API */

GtkWidget *
kw_export_button_new (void)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("E_xport for Fellow Organisers…"));

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("A file of this and what belongs to it, for a colleague’s Kwartier"));
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect (button, "clicked", G_CALLBACK (on_clicked_cb), NULL);
  return button;
}
