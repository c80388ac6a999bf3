/* kw-map-render.c: the stakeholder network as a picture (cairo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text goes through cairo's own text API (no Pango in the core). The
 * only place a name is drawn is draw_label (), and only for a named
 * node; the SVG's title and description are written here too, from
 * named nodes alone. Both files are written whole or not at all
 * (g_file_set_contents).
 */
#define G_LOG_DOMAIN "kw-map"

#include "config.h"

#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kw-error.h"
#include "kw-map-labels.h"
#include "kw-map-render.h"

#define MARGIN        24.0
#define LEGEND_WIDTH KW_MAP_RENDER_LEGEND_WIDTH
#define TITLE_SIZE    20.0
#define TEXT_SIZE     11.0
#define LABEL_SIZE     9.5
#define MAX_LABELS   150    /* more names than this hide the picture: the busiest nodes only */

typedef struct { double r, g, b; } Colour;

static const Colour formal_colour = { 0.11, 0.44, 0.85 };    /* blue */
static const Colour informal_colour = { 0.15, 0.64, 0.41 };  /* green */
static const Colour person_colour = { 0.47, 0.46, 0.48 };    /* grey */
static const Colour key_colour = { 0.90, 0.65, 0.04 };       /* amber */
static const Colour edge_colour = { 0.37, 0.36, 0.39 };
static const Colour tense_colour = { 0.75, 0.11, 0.16 };     /* red */
static const Colour text_colour = { 0.14, 0.12, 0.15 };

/* Relation kinds and their dash patterns (in units of the line width). */
typedef struct {
  const char   *kind;
  const char   *label;   /* N_() */
  const double  dashes[4];
  int           n_dashes;
} EdgeStyle;

static const EdgeStyle edge_styles[] = {
  { "knows", N_("Knows"), { 0 }, 0 },
  { "works_with", N_("Works with"), { 8, 3 }, 2 },
  { "member_of", N_("Member of"), { 2, 3 }, 2 },
  { "represents", N_("Represents"), { 10, 3, 2, 3 }, 4 },
  { "funds", N_("Funds"), { 14, 4 }, 2 },
  { "advises", N_("Advises"), { 4, 4 }, 2 },
  { "affiliation", N_("Affiliation"), { 1, 3 }, 2 },
};

static const EdgeStyle *
edge_style (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (edge_styles); i++)
    if (g_strcmp0 (edge_styles[i].kind, kind) == 0)
      return &edge_styles[i];
  return &edge_styles[0];
}

static void
set_colour (cairo_t      *cr,
            const Colour *c,
            double        alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

static const Colour *
node_colour (KwGraphNodeKind kind)
{
  switch (kind)
    {
    case KW_GRAPH_NODE_FORMAL:
      return &formal_colour;
    case KW_GRAPH_NODE_INFORMAL:
      return &informal_colour;
    case KW_GRAPH_NODE_KEY_FIGURE:
      return &key_colour;
    case KW_GRAPH_NODE_PERSON:
    default:
      return &person_colour;
    }
}

/* The outline of a node's shape around (x, y). */
static void
shape_path (cairo_t         *cr,
            KwGraphNodeKind  kind,
            double           x,
            double           y,
            double           r)
{
  switch (kind)
    {
    case KW_GRAPH_NODE_FORMAL:  /* a square */
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case KW_GRAPH_NODE_INFORMAL:  /* a diamond */
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    case KW_GRAPH_NODE_KEY_FIGURE:  /* a five-pointed star */
      for (int i = 0; i < 10; i++)
        {
          double angle = -G_PI / 2 + i * G_PI / 5;
          double radius = i % 2 == 0 ? r * 1.35 : r * 0.6;

          if (i == 0)
            cairo_move_to (cr, x + radius * cos (angle), y + radius * sin (angle));
          else
            cairo_line_to (cr, x + radius * cos (angle), y + radius * sin (angle));
        }
      cairo_close_path (cr);
      break;
    case KW_GRAPH_NODE_PERSON:
    default:  /* a circle */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* A node: filled when named, hollow when not. */
static void
draw_shape (cairo_t         *cr,
            KwGraphNodeKind  kind,
            gboolean         named,
            double           x,
            double           y,
            double           r)
{
  shape_path (cr, kind, x, y, r);
  if (named)
    {
      set_colour (cr, node_colour (kind), 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1);
    }
  else
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      set_colour (cr, node_colour (kind), 1);
      cairo_set_line_width (cr, 1.6);
    }
  cairo_stroke (cr);
}

static void
edge_line_style (cairo_t         *cr,
                 const EdgeStyle *style,
                 gboolean         tense,
                 guint            strength)
{
  double width = 0.6 + 0.9 * strength;
  double dashes[4];
  int n = style->n_dashes;

  if (tense)
    {
      /* tense: red and dashed, whatever the kind */
      static const double tense_dashes[] = { 6, 3 };

      n = 2;
      for (int i = 0; i < n; i++)
        dashes[i] = tense_dashes[i] * width;
      width += 0.6;
      set_colour (cr, &tense_colour, 0.9);
    }
  else
    {
      for (int i = 0; i < n; i++)
        dashes[i] = style->dashes[i] * width;
      set_colour (cr, &edge_colour, 0.55);
    }
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dashes, n, 0);
}

static void
set_font (cairo_t  *cr,
          double    size,
          gboolean  bold)
{
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

static void
draw_text (cairo_t    *cr,
           double      x,
           double      y,
           const char *text)
{
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

/* The only place a node's name is drawn: where kw_map_labels_place ()
 * put it. */
static void
draw_label (cairo_t              *cr,
            KwGraphNode          *node,
            const KwMapLabelSpot *spot,
            KwMapLabelPlace       place)
{
  double x, y;

  if (!node->named || place == KW_MAP_LABEL_HIDDEN)
    return;
  kw_map_labels_origin (spot, place, LABEL_SIZE, &x, &y);
  set_colour (cr, &text_colour, 0.9);
  draw_text (cr, x, y, node->name);
}

static int
compare_degrees_down (gconstpointer a,
                      gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x > y ? -1 : x < y;
}

/* The lowest degree that still gets a label: MAX_LABELS names or about. */
static guint
label_threshold (KwGraph *graph)
{
  g_autoptr(GArray) degrees = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      KwGraphNode *node = g_ptr_array_index (graph->nodes, i);

      if (node->named)
        g_array_append_val (degrees, node->degree);
    }
  if (degrees->len <= MAX_LABELS)
    return 0;
  g_array_sort (degrees, compare_degrees_down);
  return MAX (1, g_array_index (degrees, guint, MAX_LABELS - 1));
}

static double
node_radius (KwGraph     *graph,
             KwGraphNode *node)
{
  double base = graph->nodes->len > 500 ? 2.0 : graph->nodes->len > 100 ? 3.0 : 5.0;

  return MIN (base + 1.2 * sqrt ((double) node->degree), base * 3);
}

static guint
count_unnamed (KwGraph *graph)
{
  guint n = 0;

  for (guint i = 0; i < graph->nodes->len; i++)
    if (!((KwGraphNode *) g_ptr_array_index (graph->nodes, i))->named)
      n++;
  return n;
}

/* "93 nodes, 127 edges; 12 people not named" */
static char *
dup_summary (KwGraph *graph)
{
  guint unnamed = count_unnamed (graph);
  g_autofree char *counts = NULL;
  g_autofree char *nodes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u node", "%u nodes", graph->nodes->len),
                                            graph->nodes->len);
  g_autofree char *edges = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u edge", "%u edges", graph->edges->len),
                                            graph->edges->len);

  /* Translators: the size of the network in a map picture: "93 nodes, 127 edges" */
  counts = g_strdup_printf (_("%s, %s"), nodes, edges);
  if (unnamed == 0)
    return g_steal_pointer (&counts);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u person not named", "%s; %u people not named",
                                       unnamed),
                          counts, unnamed);
}

static void
draw_legend (cairo_t      *cr,
             double        x,
             double        y,
             const Colour *text)
{
  const struct { KwGraphNodeKind kind; gboolean named; const char *label; } nodes[] = {
    { KW_GRAPH_NODE_FORMAL, TRUE, N_("Formal organisation") },
    { KW_GRAPH_NODE_INFORMAL, TRUE, N_("Informal group") },
    { KW_GRAPH_NODE_PERSON, TRUE, N_("Person") },
    { KW_GRAPH_NODE_KEY_FIGURE, TRUE, N_("Key figure") },
    { KW_GRAPH_NODE_PERSON, FALSE, N_("Not named (no consent)") },
  };
  const double line = 18;

  set_font (cr, TEXT_SIZE, TRUE);
  set_colour (cr, text, 1);
  draw_text (cr, x, y, _("Legend"));
  y += line * 1.2;
  set_font (cr, TEXT_SIZE, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++, y += line)
    {
      draw_shape (cr, nodes[i].kind, nodes[i].named, x + 8, y - 4, 5.5);
      set_colour (cr, text, 1);
      draw_text (cr, x + 28, y, _(nodes[i].label));
    }
  y += line * 0.5;
  for (guint i = 0; i < G_N_ELEMENTS (edge_styles) + 1; i++, y += line)
    {
      gboolean tense = i == G_N_ELEMENTS (edge_styles);
      const EdgeStyle *style = tense ? &edge_styles[0] : &edge_styles[i];

      edge_line_style (cr, style, tense, 1);
      cairo_move_to (cr, x - 8, y - 4);
      cairo_line_to (cr, x + 20, y - 4);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      set_colour (cr, text, 1);
      draw_text (cr, x + 28, y, tense ? _("Tense relation") : _(style->label));
    }
  y += line * 0.5;
  for (guint strength = 1; strength <= 3; strength++)
    {
      edge_line_style (cr, &edge_styles[0], FALSE, strength);
      cairo_move_to (cr, x + (strength - 1) * 7, y - 4 + 5);
      cairo_line_to (cr, x + (strength - 1) * 7, y - 4 - 5);
      cairo_stroke (cr);
    }
  set_colour (cr, text, 1);
  draw_text (cr, x + 28, y, _("Line width: strength"));
}

static int
compare_busiest (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  KwGraph *graph = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  KwGraphNode *x = g_ptr_array_index (graph->nodes, i), *y = g_ptr_array_index (graph->nodes, j);

  if (x->degree != y->degree)
    return x->degree > y->degree ? -1 : 1;
  return i < j ? -1 : i > j;
}

void
kw_map_render_sort_busiest (KwGraph *graph,
                            guint   *order,
                            guint    n)
{
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_busiest, graph);
}

void
kw_map_render_veils (cairo_t              *cr,
                     const KwMapLabelSpot *spots,
                     const guint8         *place,
                     guint                 n,
                     double                size)
{
  for (guint i = 0; i < n; i++)
    if (place[i] != KW_MAP_LABEL_HIDDEN)
      {
        double x, y;

        kw_map_labels_origin (&spots[i], place[i], size, &x, &y);
        cairo_rectangle (cr, x - 1.5, y - 0.8 * size, spots[i].width + 3, 1.05 * size);
      }
  cairo_fill (cr);
}

/* The nodes' names, the most linked first, where they cover nothing. */
static void
place_and_draw_labels (cairo_t *cr,
                       KwGraph *graph,
                       guint    threshold,
                       double   cx,
                       double   cy,
                       double   sx,
                       double   sy,
                       double   x0,
                       double   y0,
                       double   x1,
                       double   y1)
{
  guint n = graph->nodes->len;
  g_autofree KwMapLabelSpot *spots = g_new (KwMapLabelSpot, MAX (n, 1));
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree guint8 *place = g_new (guint8, MAX (n, 1));
  KwMapLabelBounds bounds = { x0, y0, x1, y1 };

  for (guint i = 0; i < n; i++)
    {
      KwGraphNode *node = g_ptr_array_index (graph->nodes, i);
      cairo_text_extents_t extents = { 0 };

      if (node->named && node->degree >= threshold)
        cairo_text_extents (cr, node->name, &extents);
      spots[i] = (KwMapLabelSpot) { cx + node->x * sx, cy + node->y * sy, node_radius (graph, node),
                                    node->named && node->degree >= threshold ? extents.x_advance : -1 };
      order[i] = i;
    }
  kw_map_render_sort_busiest (graph, order, n);
  kw_map_labels_place (spots, n, order, LABEL_SIZE, &bounds, NULL, place);
  /* on a veil of the background, so that a name reads over the edges */
  cairo_set_source_rgba (cr, 1, 1, 1, 0.75);
  kw_map_render_veils (cr, spots, place, n, LABEL_SIZE);
  for (guint i = 0; i < n; i++)
    draw_label (cr, g_ptr_array_index (graph->nodes, i), &spots[i], place[i]);
}

void
kw_map_render (cairo_t    *cr,
               KwGraph    *graph,
               const char *title,
               double      width,
               double      height)
{
  g_autofree char *summary = NULL;
  double plot_x, plot_y, plot_w, plot_h, sx, sy, cx, cy;
  guint threshold;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (graph != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* the title and the size */
  set_font (cr, TITLE_SIZE, TRUE);
  set_colour (cr, &text_colour, 1);
  draw_text (cr, MARGIN, MARGIN + TITLE_SIZE, title != NULL ? title : _("Stakeholder network"));
  summary = dup_summary (graph);
  set_font (cr, TEXT_SIZE, FALSE);
  set_colour (cr, &text_colour, 0.7);
  draw_text (cr, MARGIN, MARGIN + TITLE_SIZE + 8 + TEXT_SIZE, summary);

  plot_x = MARGIN;
  plot_y = MARGIN + TITLE_SIZE + 2 * TEXT_SIZE + 16;
  plot_w = MAX (10, width - LEGEND_WIDTH - 2 * MARGIN);
  plot_h = MAX (10, height - plot_y - MARGIN);
  /* fill the area, but stretch the layout no more than 1.5 times one way;
   * a name near an edge goes to the other side of its node */
  sx = plot_w / 2 - 24;
  sy = plot_h / 2 - 16;
  sx = MIN (sx, sy * 1.5);
  sy = MIN (sy, sx * 1.5);
  cx = plot_x + plot_w / 2;
  cy = plot_y + plot_h / 2;

  /* edges, the tense ones last so that they stay visible */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < graph->edges->len; i++)
      {
        KwGraphEdge *e = g_ptr_array_index (graph->edges, i);
        KwGraphNode *a = g_ptr_array_index (graph->nodes, e->a);
        KwGraphNode *b = g_ptr_array_index (graph->nodes, e->b);

        if (e->tense != (pass == 1))
          continue;
        edge_line_style (cr, edge_style (e->kind), e->tense, e->strength);
        cairo_move_to (cr, cx + a->x * sx, cy + a->y * sy);
        cairo_line_to (cr, cx + b->x * sx, cy + b->y * sy);
        cairo_stroke (cr);
      }
  cairo_set_dash (cr, NULL, 0, 0);

  /* nodes, then the names of the named ones */
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      KwGraphNode *node = g_ptr_array_index (graph->nodes, i);

      draw_shape (cr, node->kind, node->named, cx + node->x * sx, cy + node->y * sy,
                  node_radius (graph, node));
    }
  threshold = label_threshold (graph);
  set_font (cr, LABEL_SIZE, FALSE);
  place_and_draw_labels (cr, graph, threshold, cx, cy, sx, sy, plot_x, plot_y, plot_x + plot_w, plot_y + plot_h);

  draw_legend (cr, width - LEGEND_WIDTH, plot_y + TEXT_SIZE, &text_colour);
  cairo_restore (cr);
}

gboolean
kw_map_render_format_ok (const char *path)
{
  g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".svg") || g_str_has_suffix (lower, ".png"));
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The SVG's <title> and <desc>: the picture's title, its size and the
 * names of the named nodes, for screen readers and search. */
static void
insert_svg_text (GString    *svg,
                 KwGraph    *graph,
                 const char *title)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *summary = dup_summary (graph);
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_desc = NULL;
  g_autofree char *elements = NULL;
  const char *start = strstr (svg->str, "<svg");
  const char *end = start != NULL ? strchr (start, '>') : NULL;
  guint named = 0;

  if (end == NULL)
    return;
  g_string_append (text, summary);
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      KwGraphNode *node = g_ptr_array_index (graph->nodes, i);

      if (!node->named)
        continue;
      g_string_append (text, named++ == 0 ? ". " : ", ");
      g_string_append (text, node->name);
    }
  escaped_title = g_markup_escape_text (title != NULL ? title : _("Stakeholder network"), -1);
  escaped_desc = g_markup_escape_text (text->str, -1);
  elements = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", escaped_title, escaped_desc);
  g_string_insert (svg, end + 1 - svg->str, elements);
}

gboolean
kw_map_render_to_file (KwGraph     *graph,
                       const char  *title,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GString) bytes = g_string_new (NULL);
  g_autofree char *lower = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean svg;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!kw_map_render_format_ok (path))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID, _("%s: the name must end in .svg or .png"), path);
      return FALSE;
    }
  if (!graph->laid_out && !kw_graph_layout (graph, error))
    return FALSE;
  lower = g_ascii_strdown (path, -1);
  svg = g_str_has_suffix (lower, ".svg");
  if (svg)
    surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, KW_MAP_RENDER_WIDTH,
                                                   KW_MAP_RENDER_HEIGHT);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) KW_MAP_RENDER_WIDTH,
                                          (int) KW_MAP_RENDER_HEIGHT);
  cr = cairo_create (surface);
  kw_map_render (cr, graph, title, KW_MAP_RENDER_WIDTH, KW_MAP_RENDER_HEIGHT);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && !svg)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("%s: the picture could not be drawn: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (svg)
    insert_svg_text (bytes, graph, title);
  return g_file_set_contents (path, bytes->str, (gssize) bytes->len, error);
}

/* The pieces, for the view */

void
kw_map_render_node (cairo_t         *cr,
                    KwGraphNodeKind  kind,
                    gboolean         named,
                    double           x,
                    double           y,
                    double           r)
{
  cairo_new_path (cr);
  draw_shape (cr, kind, named, x, y, r);
}

void
kw_map_render_edge_style (cairo_t    *cr,
                          const char *kind,
                          gboolean    tense,
                          guint       strength)
{
  edge_line_style (cr, edge_style (kind), tense, CLAMP (strength, 1, 3));
}

void
kw_map_render_legend (cairo_t *cr,
                      double   x,
                      double   y,
                      double   red,
                      double   green,
                      double   blue)
{
  Colour text = { red, green, blue };

  cairo_save (cr);
  draw_legend (cr, x + 8, y + TEXT_SIZE, &text);
  cairo_restore (cr);
}
