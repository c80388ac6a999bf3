/* kw-power-grid-draw.h: what the grid's drawing shares with the widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw-power-grid.c is the widget (the parties, the geometry, the gestures,
 * the keys, the accessible words); kw-power-grid-draw.c draws it.
 */
#pragma once

#include <adwaita.h>

#include "kw-power-grid.h"

G_BEGIN_DECLS

#define MARGIN_LEFT   56.0
#define MARGIN_RIGHT  8.0
#define MARGIN_TOP    8.0
#define MARGIN_BOTTOM 44.0
#define LEGEND_ROW    26.0
#define DOT_RADIUS    11.0

struct _KwPowerGrid
{
  GtkWidget  parent_instance;

  GPtrArray *parties;      /* KwGridParty */
  GArray    *points;       /* graphene_point_t per party, after a layout */
  char      *selected;     /* a party's id, or NULL */
  char      *description;
  gint       hovered;      /* index, or -1 */
  gint       dragged;      /* index, or -1 */
  double     drag_x, drag_y;  /* the dragged dot's place now */
  double     start_x, start_y;
};

/* "Strongly against" … "Strongly for" (N_), by stance + 2 */
extern const char * const _kw_power_grid_stance_words[5];

/* Where the legend's items go at @width (x and row of each, when asked);
 * returns how many rows it takes. */
guint            _kw_power_grid_place_legend  (KwPowerGrid *self,
                                               double       width,
                                               double      *xs,
                                               guint       *rows);
/* The quadrants' square in widget coordinates. */
graphene_rect_t  _kw_power_grid_plot_rect     (KwPowerGrid *self);
/* The cell of (influence, interest) in @plot. */
graphene_rect_t  _kw_power_grid_cell_rect     (const graphene_rect_t *plot,
                                               int                    influence,
                                               int                    interest);
/* The cell under (x, y), clamped to the grid. */
void             _kw_power_grid_value_at      (const graphene_rect_t *plot,
                                               double                 x,
                                               double                 y,
                                               int                   *influence,
                                               int                   *interest);
/* Each dot's place (self->points): the parties of a cell stacked in it. */
void             _kw_power_grid_layout_points (KwPowerGrid *self);
/* The party of @id's index, or -1. */
gint             _kw_power_grid_index_of      (KwPowerGrid *self,
                                               const char  *id);
/* GtkWidget::snapshot */
void             _kw_power_grid_snapshot      (GtkWidget   *widget,
                                               GtkSnapshot *snapshot);

G_END_DECLS
