/* kw-map-labels.c: names beside nodes that do not cover each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Greedy placement (kw-map-labels.h) over a grid of cells two lines of
 * text high: a rectangle is kept in every cell it touches, and a name is
 * tested only against what its own cells hold.
 */
#define G_LOG_DOMAIN "kw-map"

#include "config.h"

#include <math.h>

#include "kw-map-labels.h"

#define GAP 3.0    /* between a node and its name */
#define PAD 1.0    /* around a name */

typedef struct {
  double x0, y0, x1, y1;
  guint  owner;    /* the spot it belongs to */
} Box;

typedef struct {
  double   x0, y0, cell;
  guint    columns, rows;
  GArray  *boxes;  /* Box */
  GArray **cells;  /* per cell: indices into boxes (guint) */
} Grid;

static void
grid_init (Grid  *grid,
           double x0,
           double y0,
           double x1,
           double y1,
           double cell)
{
  grid->x0 = x0;
  grid->y0 = y0;
  grid->cell = cell;
  grid->columns = (guint) CLAMP (ceil ((x1 - x0) / cell), 1, 4096);
  grid->rows = (guint) CLAMP (ceil ((y1 - y0) / cell), 1, 4096);
  grid->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  grid->cells = g_new0 (GArray *, (gsize) grid->columns * grid->rows);
}

static void
grid_clear (Grid *grid)
{
  for (gsize i = 0; i < (gsize) grid->columns * grid->rows; i++)
    if (grid->cells[i] != NULL)
      g_array_unref (grid->cells[i]);
  g_free (grid->cells);
  g_array_unref (grid->boxes);
}

/* The cells (c0, r0) … (c1, r1) that @box touches. */
static void
grid_span (const Grid *grid,
           const Box  *box,
           guint      *c0,
           guint      *r0,
           guint      *c1,
           guint      *r1)
{
  *c0 = (guint) CLAMP (floor ((box->x0 - grid->x0) / grid->cell), 0, grid->columns - 1);
  *c1 = (guint) CLAMP (floor ((box->x1 - grid->x0) / grid->cell), 0, grid->columns - 1);
  *r0 = (guint) CLAMP (floor ((box->y0 - grid->y0) / grid->cell), 0, grid->rows - 1);
  *r1 = (guint) CLAMP (floor ((box->y1 - grid->y0) / grid->cell), 0, grid->rows - 1);
}

static void
grid_add (Grid      *grid,
          const Box *box)
{
  guint c0, r0, c1, r1, index = grid->boxes->len;

  g_array_append_val (grid->boxes, *box);
  grid_span (grid, box, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        GArray **cell = &grid->cells[(gsize) r * grid->columns + c];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

/* Whether @box overlaps anything in the grid but what @owner has. */
static gboolean
grid_hits (const Grid *grid,
           const Box  *box)
{
  guint c0, r0, c1, r1;

  grid_span (grid, box, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        GArray *cell = grid->cells[(gsize) r * grid->columns + c];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            const Box *other = &g_array_index (grid->boxes, Box, g_array_index (cell, guint, i));

            if (other->owner != box->owner && other->x0 < box->x1 && box->x0 < other->x1
                && other->y0 < box->y1 && box->y0 < other->y1)
              return TRUE;
          }
      }
  return FALSE;
}

void
kw_map_labels_origin (const KwMapLabelSpot *spot,
                      KwMapLabelPlace       place,
                      double                size,
                      double               *x,
                      double               *y)
{
  switch (place)
    {
    case KW_MAP_LABEL_LEFT:
      *x = spot->x - spot->r - GAP - spot->width;
      *y = spot->y + 0.35 * size;
      break;
    case KW_MAP_LABEL_ABOVE:
      *x = spot->x - spot->width / 2;
      *y = spot->y - spot->r - GAP - 0.25 * size;
      break;
    case KW_MAP_LABEL_BELOW:
      *x = spot->x - spot->width / 2;
      *y = spot->y + spot->r + GAP + 0.75 * size;
      break;
    case KW_MAP_LABEL_RIGHT:
    case KW_MAP_LABEL_HIDDEN:
    default:
      *x = spot->x + spot->r + GAP;
      *y = spot->y + 0.35 * size;
      break;
    }
}

/* The rectangle of a name whose text starts at (x, y) on its baseline. */
static Box
name_box (const KwMapLabelSpot *spot,
          KwMapLabelPlace       place,
          double                size,
          guint                 owner)
{
  double x, y;

  kw_map_labels_origin (spot, place, size, &x, &y);
  return (Box) { x - PAD, y - 0.8 * size - PAD, x + spot->width + PAD, y + 0.25 * size + PAD, owner };
}

static gboolean
inside (const KwMapLabelBounds *bounds,
        double                  x0,
        double                  y0,
        double                  x1,
        double                  y1)
{
  return x0 >= bounds->x0 && x1 <= bounds->x1 && y0 >= bounds->y0 && y1 <= bounds->y1;
}

void
kw_map_labels_place (const KwMapLabelSpot   *spots,
                     guint                   n,
                     const guint            *order,
                     double                  size,
                     const KwMapLabelBounds *bounds,
                     const KwMapLabelBounds *inner,
                     guint8                 *place)
{
  double x0 = bounds->x0, y0 = bounds->y0, x1 = bounds->x1, y1 = bounds->y1;
  static const KwMapLabelPlace tries[] = {
    KW_MAP_LABEL_RIGHT, KW_MAP_LABEL_LEFT, KW_MAP_LABEL_ABOVE, KW_MAP_LABEL_BELOW,
  };
  Grid grid;

  g_return_if_fail (bounds != NULL);
  g_return_if_fail (n == 0 || (spots != NULL && place != NULL));

  grid_init (&grid, x0, y0, x1, y1, MAX (2 * size, 8.0));
  for (guint i = 0; i < n; i++)
    {
      const KwMapLabelSpot *s = &spots[i];
      Box node = { s->x - s->r, s->y - s->r, s->x + s->r, s->y + s->r, i };

      place[i] = KW_MAP_LABEL_HIDDEN;
      if (node.x1 >= x0 && node.x0 <= x1 && node.y1 >= y0 && node.y0 <= y1)
        grid_add (&grid, &node);
    }
  for (guint k = 0; k < n; k++)
    {
      guint i = order != NULL ? order[k] : k;

      gboolean held;

      if (i >= n || spots[i].width < 0)
        continue;
      held = inner != NULL && inside (inner, spots[i].x, spots[i].y, spots[i].x, spots[i].y);
      for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
        {
          Box box = name_box (&spots[i], tries[t], size, i);

          if (!inside (bounds, box.x0, box.y0, box.x1, box.y1)
              || (held && !inside (inner, box.x0, box.y0, box.x1, box.y1))
              || grid_hits (&grid, &box))
            continue;
          grid_add (&grid, &box);
          place[i] = (guint8) tries[t];
          break;
        }
    }
  grid_clear (&grid);
}
