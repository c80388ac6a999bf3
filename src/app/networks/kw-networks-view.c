/* kw-networks-view.c: the Residents’ Networks view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its empty state until the view is built; a record of its types
 * opens the read-only summary window.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kw-networks-view.h"

struct _KwNetworksView
{
  KwView parent_instance;
};

G_DEFINE_FINAL_TYPE (KwNetworksView, kw_networks_view, KW_TYPE_VIEW)

static void
kw_networks_view_open (KwView     *view,
                       const char *type_name,
                       const char *id)
{
  kw_view_show_summary (view, type_name, id);
}

static void
kw_networks_view_class_init (KwNetworksViewClass *klass)
{
  KW_VIEW_CLASS (klass)->open = kw_networks_view_open;
}

static void
kw_networks_view_init (KwNetworksView *self)
{
  static const char * const types[] = { "network", NULL };
  KwView *view = KW_VIEW (self);

  gtk_widget_set_name (GTK_WIDGET (self), "networks");
  kw_view_set_title (view, _("Residents’ Networks"));
  kw_view_set_icon_name (view, "user-home-symbolic");
  kw_view_set_types (view, types);
  kw_view_set_empty_state (view, _("Residents’ Networks Will Be Listed Here"),
                           _("Networks and their units with contact persons and deputies, and who stopped coming. The networks in your database can already be found with search (Ctrl+K)."));
}
