/* kw-network-graph.c: a laid-out KwGraph, drawn, panned, zoomed, selected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shapes, colours and line styles of kw-map-render.c, its own
 * functions (blue formal organisations, green informal groups (diamonds),
 * grey people, amber key figures (stars); hollow when not named; a dash
 * pattern per relation kind; tense relations red and dashed, drawn
 * last; names beside named nodes only), drawn with cairo
 * into the snapshot. Drag on the background or the arrow keys pan, the
 * scroll wheel, a pinch and +/- zoom, 0 resets; a click or Tab selects a
 * node (:selected; a dashed focus ring while focused), which is announced
 * as the accessible description; Enter activates map.open-selected.
 * Dragging a node moves it (x, y) and emits ::node-moved on the drop.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kw-map-labels.h"
#include "kw-map-render.h"
#include "kw-network-graph.h"

struct _KwNetworkGraph
{
  GtkWidget  parent_instance;

  KwGraph   *graph;      /* not owned */
  double     zoom;
  double     pan_x, pan_y;
  double     drag_x, drag_y;
  gint       dragged;       /* the node being dragged, or -1 (panning) */
  gboolean   moved;
  double     pinch_zoom;
  gint       selected;
  gint       hovered;
  guint      label_degree;  /* names beside nodes of at least this degree */
  GArray    *edge_order;    /* edge indices (guint) by line style: one stroke per style */
  guint8    *label_place;   /* by node: where the last drawing put its name (KwMapLabelPlace) */

  /* the last drawing, shown moved and scaled while panning and zooming */
  cairo_surface_t *cache;
  graphene_rect_t  cache_rect;  /* what it covers, in widget coordinates then */
  double           cache_zoom, cache_pan_x, cache_pan_y;
  guint            settle_id;   /* redraws sharp once the zoom rests */
};

G_DEFINE_FINAL_TYPE (KwNetworkGraph, kw_network_graph, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SELECTED, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { NODE_MOVED, N_SIGNALS };
static guint signals[N_SIGNALS];

#define PAN_STEP 40.0
#define LABEL_SIZE 11.0
#define ZOOM_STEP 1.25

const char *
kw_network_graph_node_label (KwGraphNode *node)
{
  return node->named && node->name != NULL ? node->name : _("Unnamed person");
}

const char *
kw_network_graph_kind_label (KwGraphNodeKind kind)
{
  switch (kind)
    {
    case KW_GRAPH_NODE_FORMAL: return _("Formal organisation");
    case KW_GRAPH_NODE_INFORMAL: return _("Informal group");
    case KW_GRAPH_NODE_KEY_FIGURE: return _("Key figure");
    case KW_GRAPH_NODE_PERSON:
    default: return _("Person");
    }
}

/* Geometry */

/* Fill the widget, but stretch the layout no more than 1.5 times one way
 * (as kw_map_render does). */
static void
scale (KwNetworkGraph *self,
       double         *sx,
       double         *sy)
{
  double w = MAX (10, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 - 40);
  double h = MAX (10, gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 - 24);

  *sx = MIN (w, h * 1.5) * self->zoom;
  *sy = MIN (h, w * 1.5) * self->zoom;
}

void
kw_network_graph_node_position (KwNetworkGraph *self,
                                guint           index,
                                double         *x,
                                double         *y)
{
  KwGraphNode *node = g_ptr_array_index (self->graph->nodes, index);
  double sx, sy;

  scale (self, &sx, &sy);
  *x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 + self->pan_x + node->x * sx;
  *y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 + self->pan_y + node->y * sy;
}

static double
radius (KwNetworkGraph *self,
        KwGraphNode    *node)
{
  guint n = self->graph->nodes->len;
  double base = n > 500 ? 2.0 : n > 100 ? 3.0 : 5.0;

  /* grows slower than the zoom, so that zooming in parts a crowd */
  return MIN (base + 1.2 * sqrt ((double) node->degree), base * 3) * CLAMP (pow (self->zoom, 0.3), 0.6, 2);
}

gint
kw_network_graph_node_at (KwNetworkGraph *self,
                          double          x,
                          double          y)
{
  gint best = -1;
  double best_d = G_MAXDOUBLE;

  if (self->graph == NULL)
    return -1;
  for (guint i = 0; i < self->graph->nodes->len; i++)
    {
      double nx, ny, d, r = radius (self, g_ptr_array_index (self->graph->nodes, i)) + 4;

      kw_network_graph_node_position (self, i, &nx, &ny);
      d = (nx - x) * (nx - x) + (ny - y) * (ny - y);
      if (d <= r * r && d < best_d)
        best = i, best_d = d;
    }
  return best;
}

/* Drawing */

static int
compare_down (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* The line style of an edge as a number: tense last, then kind and strength. */
static guint
edge_key (KwGraphEdge *e)
{
  return (e->tense ? 100u : 0u) + (guint) g_bit_nth_lsf (kw_graph_kind_from_name (e->kind), -1) * 4u + e->strength;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const guint *x = a, *y = b;  /* key, index */

  return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] < y[1] ? -1 : x[1] > y[1];
}

/* (key, index) of each edge, by key. */
static GArray *
order_edges (KwGraph *graph)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, 2 * sizeof (guint), graph->edges->len);

  for (guint i = 0; i < graph->edges->len; i++)
    {
      guint pair[2] = { edge_key (g_ptr_array_index (graph->edges, i)), i };

      g_array_append_vals (order, pair, 1);
    }
  g_array_sort (order, compare_keys);
  return order;
}

/* The edges touching @area, one path and one stroke per line style. */
static void
draw_edges (KwNetworkGraph        *self,
            cairo_t               *cr,
            const graphene_rect_t *area)
{
  double x0 = area->origin.x, y0 = area->origin.y;
  double x1 = x0 + area->size.width, y1 = y0 + area->size.height;
  KwGraphEdge *style = NULL;
  guint style_key = 0;

  for (guint i = 0; i < self->edge_order->len; i++)
    {
      const guint *pair = &g_array_index (self->edge_order, guint, 2 * i);
      KwGraphEdge *e = g_ptr_array_index (self->graph->edges, pair[1]);
      double ax, ay, bx, by;

      if (style != NULL && style_key != pair[0])
        {
          kw_map_render_edge_style (cr, style->kind, style->tense, style->strength);
          cairo_stroke (cr);
        }
      style = e;
      style_key = pair[0];
      kw_network_graph_node_position (self, e->a, &ax, &ay);
      kw_network_graph_node_position (self, e->b, &bx, &by);
      if ((ax < x0 && bx < x0) || (ax > x1 && bx > x1) || (ay < y0 && by < y0) || (ay > y1 && by > y1))
        continue;
      cairo_move_to (cr, ax, ay);
      cairo_line_to (cr, bx, by);
    }
  if (style != NULL)
    {
      kw_map_render_edge_style (cr, style->kind, style->tense, style->strength);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_rings (KwNetworkGraph *self,
            cairo_t        *cr,
            guint           i,
            double          x,
            double          y,
            double          r,
            const GdkRGBA  *fg)
{
  static const double dashes[] = { 3, 2 };

  cairo_new_path (cr);
  cairo_arc (cr, x, y, r + 5, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, (gint) i == self->selected ? 0.9 : 0.4);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
  if ((gint) i != self->selected || !gtk_widget_has_focus (GTK_WIDGET (self)))
    return;
  /* the keyboard focus: a dashed ring outside the selection's */
  cairo_arc (cr, x, y, r + 9, 0, 2 * G_PI);
  cairo_set_dash (cr, dashes, 2, 0);
  gdk_cairo_set_source_rgba (cr, fg);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The names beside the nodes in @area, the busiest first, where they
 * cover no other name or node (kw_map_labels_place ()); those on screen
 * stay on screen, flipped to the other side near an edge. */
static void
draw_names (KwNetworkGraph        *self,
            cairo_t               *cr,
            const graphene_rect_t *area,
            const GdkRGBA         *fg)
{
  guint n = self->graph->nodes->len;
  g_autofree KwMapLabelSpot *spots = g_new (KwMapLabelSpot, MAX (n, 1));
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree guint8 *place = g_new (guint8, MAX (n, 1));
  KwMapLabelBounds bounds = { area->origin.x, area->origin.y,
                              area->origin.x + area->size.width, area->origin.y + area->size.height };
  KwMapLabelBounds screen = { 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)) };
  /* the busiest at first; zoomed in, everyone named, where there is room */
  guint least = self->zoom >= 2 ? 0 : self->label_degree;
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    {
      KwGraphNode *node = g_ptr_array_index (self->graph->nodes, i);
      double x, y;

      kw_network_graph_node_position (self, i, &x, &y);
      spots[i] = (KwMapLabelSpot) { x, y, radius (self, node), -1 };
      if (node->named && node->degree >= least
          && x >= bounds.x0 && x <= bounds.x1 && y >= bounds.y0 && y <= bounds.y1)
        {
          cairo_text_extents_t extents;

          cairo_text_extents (cr, node->name, &extents);
          spots[i].width = extents.x_advance;
          order[shown++] = i;
        }
    }
  kw_map_render_sort_busiest (self->graph, order, shown);
  kw_map_labels_place (spots, n, order, LABEL_SIZE, &bounds, &screen, place);
  memcpy (self->label_place, place, n);
  /* on a veil of the background, so that a name reads over the edges */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    cairo_set_source_rgba (cr, 0.12, 0.12, 0.12, 0.75);
  else
    cairo_set_source_rgba (cr, 0.98, 0.98, 0.98, 0.75);
  kw_map_render_veils (cr, spots, place, n, LABEL_SIZE);
  gdk_cairo_set_source_rgba (cr, fg);
  for (guint k = 0; k < shown; k++)
    {
      guint i = order[k];
      double x, y;

      if (place[i] == KW_MAP_LABEL_HIDDEN)
        continue;
      kw_map_labels_origin (&spots[i], place[i], LABEL_SIZE, &x, &y);
      cairo_move_to (cr, x, y);
      cairo_show_text (cr, ((KwGraphNode *) g_ptr_array_index (self->graph->nodes, i))->name);
    }
}

/* Everything in @area (widget coordinates), painted once into an image:
 * each frame then only paints that, moved and scaled. */
static cairo_surface_t *
draw (KwNetworkGraph        *self,
      const graphene_rect_t *area)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = (int) ceil (area->size.width) * scale, height = (int) ceil (area->size.height) * scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double x0 = area->origin.x - 20, y0 = area->origin.y - 20;
  double x1 = x0 + area->size.width + 40, y1 = y0 + area->size.height + 40;
  GdkRGBA fg;
  cairo_t *cr;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS  /* gtk_widget_get_color () is 4.10 */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->origin.x, -area->origin.y);
  draw_edges (self, cr, area);
  cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, LABEL_SIZE);
  for (guint i = 0; i < self->graph->nodes->len; i++)
    {
      KwGraphNode *node = g_ptr_array_index (self->graph->nodes, i);
      double x, y;

      kw_network_graph_node_position (self, i, &x, &y);
      if (x < x0 || y < y0 || x > x1 || y > y1)
        continue;
      kw_map_render_node (cr, node->kind, node->named, x, y, radius (self, node));
    }
  draw_names (self, cr, area, &fg);
  cairo_destroy (cr);
  cairo_surface_set_device_scale (surface, scale, scale);
  return surface;
}

/* What changed is not in the last drawing: draw again on the next frame. */
static void
invalidate (KwNetworkGraph *self)
{
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_settled_cb (gpointer data)
{
  KwNetworkGraph *self = data;

  self->settle_id = 0;
  invalidate (self);
  return G_SOURCE_REMOVE;
}

/* The selected and the hovered node, over the drawing (which they do not
 * change: a click costs no drawing of the whole graph). */
static void
draw_marked (KwNetworkGraph *self,
             cairo_t        *cr)
{
  gint marked[2] = { self->hovered, self->selected };
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS  /* gtk_widget_get_color () is 4.10 */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, LABEL_SIZE);
  for (guint m = 0; m < G_N_ELEMENTS (marked); m++)
    {
      KwGraphNode *node;
      double x, y, r;

      if (marked[m] < 0 || (m == 0 && marked[0] == marked[1]))
        continue;
      node = g_ptr_array_index (self->graph->nodes, marked[m]);
      r = radius (self, node);
      kw_network_graph_node_position (self, (guint) marked[m], &x, &y);
      draw_rings (self, cr, (guint) marked[m], x, y, r, &fg);
      kw_map_render_node (cr, node->kind, node->named, x, y, r);
      if (node->named && marked[m] == self->selected)
        {
          cairo_text_extents_t extents;
          KwMapLabelSpot spot = { x, y, r, 0 };
          KwMapLabelPlace place = self->label_place[marked[m]];
          double tx, ty;

          cairo_text_extents (cr, node->name, &extents);
          spot.width = extents.x_advance;
          /* where the drawing has it, else beside it on the side with room */
          if (place == KW_MAP_LABEL_HIDDEN)
            place = x + r + 3 + spot.width <= gtk_widget_get_width (GTK_WIDGET (self)) ? KW_MAP_LABEL_RIGHT
                                                                                       : KW_MAP_LABEL_LEFT;
          kw_map_labels_origin (&spot, place, LABEL_SIZE, &tx, &ty);
          gdk_cairo_set_source_rgba (cr, &fg);
          cairo_move_to (cr, tx, ty);
          cairo_show_text (cr, node->name);
        }
    }
}

/* Whether the last drawing, moved and scaled to the pan and zoom now,
 * covers the widget. */
static gboolean
cache_covers (KwNetworkGraph *self,
              double          w,
              double          h)
{
  double k = self->zoom / self->cache_zoom;
  graphene_rect_t seen = GRAPHENE_RECT_INIT ((float) (w / 2 + self->cache_pan_x - (w / 2 + self->pan_x) / k),
                                             (float) (h / 2 + self->cache_pan_y - (h / 2 + self->pan_y) / k),
                                             (float) (w / k), (float) (h / k));

  return self->cache != NULL && graphene_rect_contains_rect (&self->cache_rect, &seen);
}

static void
kw_network_graph_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  KwNetworkGraph *self = KW_NETWORK_GRAPH (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget), k;
  cairo_t *cr;

  if (self->graph == NULL || w <= 0 || h <= 0)
    return;
  if (!cache_covers (self, w, h))
    {
      /* the widget and a quarter of it on each side, for the pan to come */
      g_clear_pointer (&self->cache, cairo_surface_destroy);
      self->cache_rect = GRAPHENE_RECT_INIT ((float) (-w / 4), (float) (-h / 4), (float) (1.5 * w), (float) (1.5 * h));
      self->cache = draw (self, &self->cache_rect);
      self->cache_zoom = self->zoom;
      self->cache_pan_x = self->pan_x;
      self->cache_pan_y = self->pan_y;
    }
  k = self->zoom / self->cache_zoom;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) w, (float) h));
  cairo_translate (cr, w / 2 + self->pan_x, h / 2 + self->pan_y);
  cairo_scale (cr, k, k);
  cairo_translate (cr, -(w / 2 + self->cache_pan_x), -(h / 2 + self->cache_pan_y));
  cairo_set_source_surface (cr, self->cache, self->cache_rect.origin.x, self->cache_rect.origin.y);
  if (k != 1)
    {
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
      /* sharp again once the zoom rests */
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (150, on_settled_cb, self);
    }
  cairo_paint (cr);
  cairo_identity_matrix (cr);
  draw_marked (self, cr);
  cairo_destroy (cr);
}

/* The degree of the 150th busiest node: at most about 150 names, as
 * kw_map_render draws (all of them in a small graph); in a big graph
 * only once zoomed in (at 1× its core is too dense to read). */
static guint
label_degree (KwGraph *graph)
{
  g_autoptr(GArray) degrees = g_array_sized_new (FALSE, FALSE, sizeof (guint), graph->nodes->len);

  if (graph->nodes->len <= 150)
    return 0;
  for (guint i = 0; i < graph->nodes->len; i++)
    g_array_append_val (degrees, ((KwGraphNode *) g_ptr_array_index (graph->nodes, i))->degree);
  g_array_sort (degrees, compare_down);
  return MAX (1, g_array_index (degrees, guint, 149));
}

/* Selection, pan and zoom */

void
kw_network_graph_select (KwNetworkGraph *self,
                         gint            index)
{
  g_autofree char *description = NULL;

  g_return_if_fail (KW_IS_NETWORK_GRAPH (self));
  if (self->graph == NULL || index < 0 || (guint) index >= self->graph->nodes->len)
    index = -1;
  if (self->selected == index)
    return;
  self->selected = index;
  if (index >= 0)
    {
      KwGraphNode *node = g_ptr_array_index (self->graph->nodes, index);

      description = g_strdup_printf (ngettext ("%s, %s, %u relation", "%s, %s, %u relations", node->degree),
                                     kw_network_graph_node_label (node), kw_network_graph_kind_label (node->kind),
                                     node->degree);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("No person or organisation selected"), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
set_zoom (KwNetworkGraph *self,
          double          zoom)
{
  zoom = CLAMP (zoom, 0.25, 20);
  self->pan_x *= zoom / self->zoom;
  self->pan_y *= zoom / self->zoom;
  self->zoom = zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     KwNetworkGraph  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  kw_network_graph_select (self, kw_network_graph_node_at (self, x, y));
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  KwNetworkGraph *self)
{
  self->dragged = kw_network_graph_node_at (self, x, y);
  self->moved = FALSE;
  if (self->dragged >= 0)
    {
      KwGraphNode *node = g_ptr_array_index (self->graph->nodes, self->dragged);

      self->drag_x = node->x;
      self->drag_y = node->y;
    }
  else
    {
      self->drag_x = self->pan_x;
      self->drag_y = self->pan_y;
    }
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   KwNetworkGraph *self)
{
  double sx, sy;

  if (self->dragged >= 0 && self->graph != NULL)
    {
      KwGraphNode *node = g_ptr_array_index (self->graph->nodes, self->dragged);

      scale (self, &sx, &sy);
      node->x = CLAMP (self->drag_x + dx / sx, -1.0, 1.0);
      node->y = CLAMP (self->drag_y + dy / sy, -1.0, 1.0);
      self->moved = self->moved || dx != 0 || dy != 0;
      invalidate (self);
      return;
    }
  self->pan_x = self->drag_x + dx;
  self->pan_y = self->drag_y + dy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                KwNetworkGraph *self)
{
  gint dragged = self->dragged;

  self->dragged = -1;
  if (dragged >= 0 && self->moved && self->graph != NULL)
    g_signal_emit (self, signals[NODE_MOVED], 0, (guint) dragged);  /* one write per drop */
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              KwNetworkGraph           *self)
{
  set_zoom (self, self->zoom * pow (ZOOM_STEP, -dy));
  return TRUE;
}

static void
on_zoom_begin_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  KwNetworkGraph   *self)
{
  self->pinch_zoom = self->zoom;
}

static void
on_zoom_changed_cb (GtkGestureZoom *gesture,
                    double          scale_delta,
                    KwNetworkGraph *self)
{
  set_zoom (self, self->pinch_zoom * scale_delta);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              KwNetworkGraph           *self)
{
  gint hovered = kw_network_graph_node_at (self, x, y);

  if (hovered != self->hovered)
    {
      self->hovered = hovered;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hovered >= 0 ? "pointer" : NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                                   hovered >= 0 ? kw_network_graph_node_label (g_ptr_array_index (self->graph->nodes, hovered)) : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   KwNetworkGraph        *self)
{
  guint n = self->graph != NULL ? self->graph->nodes->len : 0;

  switch (keyval)
    {
    case GDK_KEY_Left: self->pan_x += PAN_STEP; break;
    case GDK_KEY_Right: self->pan_x -= PAN_STEP; break;
    case GDK_KEY_Up: self->pan_y += PAN_STEP; break;
    case GDK_KEY_Down: self->pan_y -= PAN_STEP; break;
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add: set_zoom (self, self->zoom * ZOOM_STEP); break;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract: set_zoom (self, self->zoom / ZOOM_STEP); break;
    case GDK_KEY_0: case GDK_KEY_KP_0: self->pan_x = self->pan_y = 0; set_zoom (self, 1); break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
      /* the view's verb: open the selected node in Contacts */
      return self->selected >= 0 && gtk_widget_activate_action (GTK_WIDGET (self), "map.open-selected", NULL);
    case GDK_KEY_Tab: case GDK_KEY_ISO_Left_Tab: case GDK_KEY_KP_Tab:
      {
        gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK);
        gint next = back ? (self->selected < 0 ? (gint) n - 1 : self->selected - 1) : self->selected + 1;

        if (next < 0 || next >= (gint) n)
          return FALSE;  /* past the last node: on to the next widget */
        kw_network_graph_select (self, next);
        return TRUE;
      }
    case GDK_KEY_Escape:
      if (self->selected < 0)
        return FALSE;
      kw_network_graph_select (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* Public */

GtkWidget *
kw_network_graph_new (void)
{
  return g_object_new (KW_TYPE_NETWORK_GRAPH, NULL);
}

void
kw_network_graph_set_graph (KwNetworkGraph *self,
                            KwGraph        *graph)
{
  g_return_if_fail (KW_IS_NETWORK_GRAPH (self));
  kw_network_graph_select (self, -1);
  self->graph = graph;
  self->label_degree = graph != NULL ? label_degree (graph) : 0;
  g_clear_pointer (&self->edge_order, g_array_unref);
  self->edge_order = graph != NULL ? order_edges (graph) : NULL;
  g_free (self->label_place);
  self->label_place = g_new0 (guint8, graph != NULL ? MAX (graph->nodes->len, 1) : 1);
  self->zoom = 1;
  self->pan_x = self->pan_y = 0;
  self->hovered = self->dragged = -1;
  invalidate (self);
}

KwGraph *
kw_network_graph_get_graph (KwNetworkGraph *self)
{
  return self->graph;
}

gint
kw_network_graph_get_selected (KwNetworkGraph *self)
{
  return self->selected;
}

double
kw_network_graph_get_zoom (KwNetworkGraph *self)
{
  return self->zoom;
}

void
kw_network_graph_pan_zoom (KwNetworkGraph *self,
                           double          dx,
                           double          dy,
                           double          factor)
{
  g_return_if_fail (KW_IS_NETWORK_GRAPH (self));
  self->pan_x += dx;
  self->pan_y += dy;
  set_zoom (self, self->zoom * factor);
}

/* GObject */

static void
kw_network_graph_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_int (value, KW_NETWORK_GRAPH (object)->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_network_graph_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  g_clear_pointer (&KW_NETWORK_GRAPH (widget)->cache, cairo_surface_destroy);
}

static void
kw_network_graph_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (kw_network_graph_parent_class)->css_changed (widget, change);
  invalidate (KW_NETWORK_GRAPH (widget));  /* the text colour, light or dark */
}

static void
kw_network_graph_finalize (GObject *object)
{
  KwNetworkGraph *self = KW_NETWORK_GRAPH (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->edge_order, g_array_unref);

  g_free (KW_NETWORK_GRAPH (object)->label_place);
  G_OBJECT_CLASS (kw_network_graph_parent_class)->finalize (object);
}

static void
kw_network_graph_class_init (KwNetworkGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kw_network_graph_get_property;
  object_class->finalize = kw_network_graph_finalize;
  widget_class->snapshot = kw_network_graph_snapshot;
  widget_class->size_allocate = kw_network_graph_size_allocate;
  widget_class->css_changed = kw_network_graph_css_changed;
  properties[PROP_SELECTED] = g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* a node was dragged to a new x, y and dropped */
  signals[NODE_MOVED] = g_signal_new ("node-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                      NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_set_css_name (widget_class, "kw-network-graph");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kw_network_graph_init (KwNetworkGraph *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  self->zoom = 1;
  self->selected = self->hovered = self->dragged = -1;
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_size_request (widget, 240, 240);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (widget, scroll);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (widget, motion);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (widget, key);
  g_signal_connect (widget, "notify::has-focus", G_CALLBACK (gtk_widget_queue_draw), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stakeholder network"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No person or organisation selected"), -1);
}
