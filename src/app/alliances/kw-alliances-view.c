/* kw-alliances-view.c: the Neighbourhood Alliances view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its empty state until the view is built; a record of its types
 * opens the read-only summary window.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kw-alliances-view.h"

struct _KwAlliancesView
{
  KwView parent_instance;
};

G_DEFINE_FINAL_TYPE (KwAlliancesView, kw_alliances_view, KW_TYPE_VIEW)

static void
kw_alliances_view_open (KwView     *view,
                        const char *type_name,
                        const char *id)
{
  kw_view_show_summary (view, type_name, id);
}

static void
kw_alliances_view_class_init (KwAlliancesViewClass *klass)
{
  KW_VIEW_CLASS (klass)->open = kw_alliances_view_open;
}

static void
kw_alliances_view_init (KwAlliancesView *self)
{
  static const char * const types[] = { "alliance", NULL };
  KwView *view = KW_VIEW (self);

  gtk_widget_set_name (GTK_WIDGET (self), "alliances");
  kw_view_set_title (view, _("Neighbourhood Alliances"));
  kw_view_set_icon_name (view, "system-users-symbolic");
  kw_view_set_types (view, types);
  kw_view_set_empty_state (view, _("Neighbourhood Alliances Will Be Listed Here"),
                           _("Each alliance with its partners, shared challenge, action lines and budgets. The alliances in your database can already be found with search (Ctrl+K)."));
}
