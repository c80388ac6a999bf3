/* test-map-labels.c: names beside nodes that do not cover each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw_map_labels_place (): no two names overlap, none covers another
 * node, all stay inside the picture (and on screen when asked), a node
 * at the right edge has its name on its left, and the busiest node
 * keeps its place when two compete.
 */
#include "config.h"

#include <glib.h>

#include "kw-map-labels.h"

#define SIZE 11.0

typedef struct {
  double x0, y0, x1, y1;
} Rect;

/* The rectangle kw_map_labels_place () keeps free for the name, give
 * or take a pixel: from the origin, the text's ascent and descent. */
static Rect
name_rect (const KwMapLabelSpot *spot,
           KwMapLabelPlace       place)
{
  double x, y;

  kw_map_labels_origin (spot, place, SIZE, &x, &y);
  return (Rect) { x, y - 0.8 * SIZE, x + spot->width, y + 0.25 * SIZE };
}

static gboolean
overlap (Rect a,
         Rect b)
{
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  enum { N = 400 };
  KwMapLabelSpot spots[N];
  guint8 place[N];
  KwMapLabelBounds bounds = { 0, 0, 800, 600 }, screen = { 100, 100, 700, 500 };
  guint placed = 0;

  for (guint i = 0; i < N; i++)
    spots[i] = (KwMapLabelSpot) { g_rand_double_range (rand, 0, 800), g_rand_double_range (rand, 0, 600),
                                  g_rand_double_range (rand, 2, 8),
                                  i % 5 == 0 ? -1 : g_rand_double_range (rand, 20, 160) };
  kw_map_labels_place (spots, N, NULL, SIZE, &bounds, &screen, place);
  for (guint i = 0; i < N; i++)
    {
      Rect mine;
      gboolean on_screen = spots[i].x >= screen.x0 && spots[i].x <= screen.x1
                           && spots[i].y >= screen.y0 && spots[i].y <= screen.y1;

      if (spots[i].width < 0)
        g_assert_cmpint (place[i], ==, KW_MAP_LABEL_HIDDEN);
      if (place[i] == KW_MAP_LABEL_HIDDEN)
        continue;
      placed++;
      mine = name_rect (&spots[i], place[i]);
      g_assert_cmpfloat (mine.x0, >=, bounds.x0);
      g_assert_cmpfloat (mine.x1, <=, bounds.x1);
      g_assert_cmpfloat (mine.y0, >=, bounds.y0);
      g_assert_cmpfloat (mine.y1, <=, bounds.y1);
      if (on_screen)
        g_assert_true (mine.x0 >= screen.x0 && mine.x1 <= screen.x1 && mine.y0 >= screen.y0 && mine.y1 <= screen.y1);
      for (guint j = 0; j < N; j++)
        {
          Rect node = { spots[j].x - spots[j].r, spots[j].y - spots[j].r, spots[j].x + spots[j].r, spots[j].y + spots[j].r };

          if (j != i)
            g_assert_false (overlap (mine, node));
          if (j != i && place[j] != KW_MAP_LABEL_HIDDEN)
            g_assert_false (overlap (mine, name_rect (&spots[j], place[j])));
        }
    }
  /* crowded (320 names of 90 pixels on average in 800 × 600), yet a
   * good part find a place */
  g_assert_cmpuint (placed, >, N / 5);
}

static void
test_edges_and_order (void)
{
  KwMapLabelBounds bounds = { 0, 0, 400, 300 };
  /* 0 at the right edge; 1 and 2 side by side, 2 the busier (first) */
  KwMapLabelSpot spots[] = {
    { 390, 150, 4, 80 },
    { 200, 100, 4, 120 },
    { 200, 100 + SIZE, 4, 120 },
  };
  guint order[] = { 2, 1, 0 };
  guint8 place[G_N_ELEMENTS (spots)];

  kw_map_labels_place (spots, G_N_ELEMENTS (spots), order, SIZE, &bounds, NULL, place);
  g_assert_cmpint (place[0], ==, KW_MAP_LABEL_LEFT);
  g_assert_cmpint (place[2], ==, KW_MAP_LABEL_RIGHT);
  /* 1's right is taken by 2's name: the other side */
  g_assert_cmpint (place[1], ==, KW_MAP_LABEL_LEFT);
  /* nothing at all: nothing to do */
  kw_map_labels_place (NULL, 0, NULL, SIZE, &bounds, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/map-labels/random", test_random);
  g_test_add_func ("/kw/map-labels/edges-and-order", test_edges_and_order);
  return g_test_run ();
}
