/* kw-window-views.c: the views the window shows, in sidebar order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that names them: the window itself only knows KwView
 * (a view to add goes here, see docs/architecture.md).
 */
#include "config.h"

#include "alliances/kw-alliances-view.h"
#include "kw-contacts-view.h"
#include "kw-window-private.h"
#include "map/kw-map-view.h"
#include "meetings/kw-meetings-view.h"
#include "networks/kw-networks-view.h"

GArray *
_kw_window_dup_default_view_types (void)
{
  GArray *types = g_array_new (FALSE, FALSE, sizeof (GType));
  GType type;

  type = KW_TYPE_ALLIANCES_VIEW;
  g_array_append_val (types, type);
  type = KW_TYPE_NETWORKS_VIEW;
  g_array_append_val (types, type);
  type = KW_TYPE_CONTACTS_VIEW;
  g_array_append_val (types, type);
  type = KW_TYPE_MAP_VIEW;
  g_array_append_val (types, type);
  type = KW_TYPE_MEETINGS_VIEW;
  g_array_append_val (types, type);
  return types;
}
