/* kw-map-render.h: the stakeholder network as a picture (cairo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drawing for every place the map is shown: `kwartier-cli map`
 * (SVG, PNG), and the view's export and print, which pass their own
 * cairo_t. Nodes by kind (shape and colour: formal organisation,
 * informal group, person, key figure), sized by degree; edges by
 * relation kind (dash pattern), width by strength, tense relations red
 * and dashed; a title and a legend. A person whose consent is not
 * public or shared (spec/analysis.md, "What leaves the laptop": map
 * picture) is an unnamed node: nothing of theirs is drawn or written,
 * only their shape.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kw-graph.h"
#include "kw-map-labels.h"

G_BEGIN_DECLS

#define KW_MAP_RENDER_WIDTH  1200.0  /* the CLI's picture, in pixels (PNG) or points (SVG) */
#define KW_MAP_RENDER_HEIGHT  850.0

/* Draws @graph (laid out: kw_graph_layout ()) with @title and the legend
 * into the rectangle (0, 0, @width, @height) of @cr, which it leaves as
 * it found it (cairo_save/restore). */
void      kw_map_render          (cairo_t     *cr,
                                  KwGraph     *graph,
                                  const char  *title,
                                  double       width,
                                  double       height);

/* Lays @graph out when it is not yet, then writes the picture to @path:
 * SVG when it ends in ".svg", PNG when in ".png" (any case). The SVG
 * carries @title and a description that names the named nodes only. */
gboolean  kw_map_render_to_file  (KwGraph     *graph,
                                  const char  *title,
                                  const char  *path,
                                  GError     **error);

/* The pieces of the picture, for the view to draw the same: a node's
 * shape (filled when named, hollow when not) around (x, y); an edge's
 * colour, width and dashes (cairo_set_dash: the caller resets it); the
 * legend in the rectangle (x, y, KW_MAP_RENDER_LEGEND_WIDTH,
 * KW_MAP_RENDER_LEGEND_HEIGHT), its text in (red, green, blue). */
#define KW_MAP_RENDER_LEGEND_WIDTH  250.0
#define KW_MAP_RENDER_LEGEND_HEIGHT 290.0
void      kw_map_render_node     (cairo_t         *cr,
                                  KwGraphNodeKind  kind,
                                  gboolean         named,
                                  double           x,
                                  double           y,
                                  double           r);
void      kw_map_render_edge_style (cairo_t       *cr,
                                  const char      *kind,
                                  gboolean         tense,
                                  guint            strength);
void      kw_map_render_legend   (cairo_t         *cr,
                                  double           x,
                                  double           y,
                                  double           red,
                                  double           green,
                                  double           blue);

/* For the names (kw-map-labels.h), in both pictures: @n node indices of
 * @graph in @order sorted the busiest first (degree, then index); and the
 * veils behind the names placed, filled with @cr's source. */
void      kw_map_render_sort_busiest (KwGraph            *graph,
                                      guint              *order,
                                      guint               n);
void      kw_map_render_veils    (cairo_t              *cr,
                                  const KwMapLabelSpot *spots,
                                  const guint8         *place,
                                  guint                 n,
                                  double                size);

/* Whether @path ends in ".svg" or ".png" (any case). */
gboolean  kw_map_render_format_ok (const char *path);

G_END_DECLS
