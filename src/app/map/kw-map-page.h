/* kw-map-page.h: one stakeholder map: its power/interest grid and parties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-map-positions.h"
#include "kw-power-grid.h"
#include "kw-record-page.h"

G_BEGIN_DECLS

#define KW_TYPE_MAP_PAGE (kw_map_page_get_type ())
G_DECLARE_FINAL_TYPE (KwMapPage, kw_map_page, KW, MAP_PAGE, KwRecordPage)

KwMapPage      *kw_map_page_new          (KwStore    *store);
void            kw_map_page_set_id       (KwMapPage  *self,
                                          const char *id);
void            kw_map_page_start_draft  (KwMapPage  *self);
/* Puts the active partners of the map's alliance that are not on the
 * map yet on it (influence 3, interest 3, stance 0), in one
 * transaction (stakeholder-map.add-partners); returns how many, or -1
 * with @error. */
gint            kw_map_page_add_partners (KwMapPage  *self,
                                          GError    **error);
KwPowerGrid    *kw_map_page_get_grid     (KwMapPage  *self);
KwMapPositions *kw_map_page_get_positions (KwMapPage *self);

G_END_DECLS
