/* kw-power-grid-private.h: what the tests reach in the grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-power-grid.h"

G_BEGIN_DECLS

/* Where the party's dot is drawn, in widget coordinates (after a layout). */
gboolean _kw_power_grid_get_point (KwPowerGrid *self,
                                   const char  *id,
                                   double      *x,
                                   double      *y);
/* The middle of the cell of (influence, interest), in widget coordinates. */
void     _kw_power_grid_get_cell_center (KwPowerGrid *self,
                                         int          influence,
                                         int          interest,
                                         double      *x,
                                         double      *y);
/* A drag from (x, y) by (dx, dy) through the drag gesture's own
 * handlers: begin, one update, end. */
void     _kw_power_grid_drag      (KwPowerGrid *self,
                                   double       x,
                                   double       y,
                                   double       dx,
                                   double       dy);
/* A key pressed in the grid, through its key controller's handler. */
gboolean _kw_power_grid_key       (KwPowerGrid *self,
                                   guint        keyval);

G_END_DECLS
