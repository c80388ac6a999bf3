/* kw-area-choices.h: the areas for a filter's drop-down, in tree order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-store.h"

G_BEGIN_DECLS

/* A GtkStringList: @all_label first, then each top area (one whose
 * parent is not here) and the areas inside it, indented, by name. @ids
 * (of g_free'd strings) is emptied and gets the id of each area, so
 * that position p > 0 is ids[p - 1]. */
GListModel *kw_area_choices_new (KwStore    *store,
                                 const char *all_label,
                                 GPtrArray  *ids);

G_END_DECLS
