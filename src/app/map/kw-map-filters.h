/* kw-map-filters.h: what the Stakeholder Map view shows (area, alliance or
 * map; relation kinds; within N steps)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-graph.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_MAP_FILTERS (kw_map_filters_get_type ())
G_DECLARE_FINAL_TYPE (KwMapFilters, kw_map_filters, KW, MAP_FILTERS, GtkWidget)

/* Emits ::changed whenever a choice changes (not while the choices are
 * filled in). */
void               kw_map_filters_set_store       (KwMapFilters       *self,
                                                   KwStore            *store);
/* Fills the area, alliance and map choices again, keeping the choice. */
void               kw_map_filters_reload          (KwMapFilters       *self);
/* The restriction and its record (NULL: all areas, or no alliance or map
 * to choose). */
KwGraphRestriction kw_map_filters_get_restriction (KwMapFilters       *self,
                                                   const char        **id);
/* Chooses @id among the areas (NULL: all), alliances or maps. Whether
 * there is such a choice. */
gboolean           kw_map_filters_set_restriction (KwMapFilters       *self,
                                                   KwGraphRestriction  restriction,
                                                   const char         *id);
guint              kw_map_filters_get_kinds       (KwMapFilters       *self);
void               kw_map_filters_set_kinds       (KwMapFilters       *self,
                                                   guint               kinds);
/* 0 (everyone) … 3: within that many steps of the centre. */
guint              kw_map_filters_get_steps       (KwMapFilters       *self);
void               kw_map_filters_set_steps       (KwMapFilters       *self,
                                                   guint               steps);
/* Whether "within N steps" can be chosen (a node is selected). */
void               kw_map_filters_set_can_centre  (KwMapFilters       *self,
                                                   gboolean            can_centre);

G_END_DECLS
