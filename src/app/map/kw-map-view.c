/* kw-map-view.c: the Stakeholder Map view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its empty state until the view is built; a record of its types
 * opens the read-only summary window.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kw-map-view.h"

struct _KwMapView
{
  KwView parent_instance;
};

G_DEFINE_FINAL_TYPE (KwMapView, kw_map_view, KW_TYPE_VIEW)

static void
kw_map_view_open (KwView     *view,
                  const char *type_name,
                  const char *id)
{
  kw_view_show_summary (view, type_name, id);
}

static void
kw_map_view_class_init (KwMapViewClass *klass)
{
  KW_VIEW_CLASS (klass)->open = kw_map_view_open;
}

static void
kw_map_view_init (KwMapView *self)
{
  static const char * const types[] = { "stakeholder_map", NULL };
  KwView *view = KW_VIEW (self);

  gtk_widget_set_name (GTK_WIDGET (self), "map");
  kw_view_set_title (view, _("Stakeholder Map"));
  /* not a map of places: a graph of who relates to whom */
  kw_view_set_icon_name (view, "emblem-shared-symbolic");
  kw_view_set_types (view, types);
  kw_view_set_empty_state (view, _("Stakeholder Maps Will Be Drawn Here"),
                           _("The network of people and organisations with their relations, tense ones marked, the bridge figures between them, and a power and interest grid per map."));
}
