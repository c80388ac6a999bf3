/* kw-map-list-group.h: the stakeholder maps of an alliance, to open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_MAP_LIST_GROUP (kw_map_list_group_get_type ())
G_DECLARE_FINAL_TYPE (KwMapListGroup, kw_map_list_group, KW, MAP_LIST_GROUP, AdwPreferencesGroup)

KwMapListGroup *kw_map_list_group_new          (KwStore        *store);
/* Shows the alliance's maps as they are now, and again when they change. */
void            kw_map_list_group_set_alliance (KwMapListGroup *self,
                                                const char     *alliance_id);
guint           kw_map_list_group_get_n_maps   (KwMapListGroup *self);
/* A new map of the alliance (its area too), named after it, opened
 * (win.open-record); returns its id. */
char           *kw_map_list_group_add_map      (KwMapListGroup *self,
                                                GError        **error);

G_END_DECLS
