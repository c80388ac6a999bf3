/* kw-map-labels.h: names beside nodes that do not cover each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both pictures of the network (the view and kw_map_render ()) place
 * their names the same way: most important first, each at the first of
 * right, left, above and below its node where it covers no name placed
 * before it and no other node and stays inside the picture; a name that
 * fits nowhere is left out (the view shows it on hover and selection,
 * and zooming in makes room).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KW_MAP_LABEL_HIDDEN,
  KW_MAP_LABEL_RIGHT,
  KW_MAP_LABEL_LEFT,
  KW_MAP_LABEL_ABOVE,
  KW_MAP_LABEL_BELOW,
} KwMapLabelPlace;

typedef struct {
  double x, y, r;   /* the node: centre and radius */
  double width;     /* its name's width; below 0: no name */
} KwMapLabelSpot;

typedef struct {
  double x0, y0, x1, y1;
} KwMapLabelBounds;

/* Places the names of @spots (font size @size) in the order @order (the
 * indices of @n spots, most important first; NULL: as they come) within
 * @bounds, and writes each spot's KwMapLabelPlace to @place. Nodes
 * outside @bounds are no obstacles. With @inner (or NULL), the name of a
 * node inside it stays inside it too (the view: what is on screen now,
 * within what is drawn for the pan to come). */
void  kw_map_labels_place  (const KwMapLabelSpot   *spots,
                            guint                   n,
                            const guint            *order,
                            double                  size,
                            const KwMapLabelBounds *bounds,
                            const KwMapLabelBounds *inner,
                            guint8                 *place);
/* Where the name of @spot starts at @place: cairo_move_to () there. */
void  kw_map_labels_origin (const KwMapLabelSpot *spot,
                            KwMapLabelPlace       place,
                            double                size,
                            double               *x,
                            double               *y);

G_END_DECLS
