/* kw-map-positions.h: the parties of one stakeholder map, as a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-child-group.h"
#include "kw-power-grid.h"

G_BEGIN_DECLS

#define KW_TYPE_MAP_POSITIONS (kw_map_positions_get_type ())
G_DECLARE_FINAL_TYPE (KwMapPositions, kw_map_positions, KW, MAP_POSITIONS, KwChildGroup)

/* ::row-selected (id) when a row is expanded or gets the focus. */
KwMapPositions *kw_map_positions_new        (KwStore        *store);
/* The grid's parties of the rows' records (KwGridParty), in order. */
GPtrArray      *kw_map_positions_dup_parties (KwMapPositions *self);
/* Expands the row of a map_position (collapsing the one before). */
void            kw_map_positions_select     (KwMapPositions *self,
                                             const char     *id);
/* The row of a map_position, or NULL. */
AdwExpanderRow *kw_map_positions_get_row    (KwMapPositions *self,
                                             const char     *id);
/* Puts the active partners of @alliance_id (status active or none) that
 * are not on the map yet on it, in one transaction; how many, or -1. */
gint            kw_map_positions_add_partners (KwMapPositions *self,
                                               const char     *alliance_id,
                                               GError        **error);
/* The name a map shows for a party: NULL for a person without public or
 * shared consent (unnamed), "Unknown or deleted" for a party gone. */
char           *kw_map_positions_dup_party_name (KwStore    *store,
                                                 const char *party_id);

G_END_DECLS
