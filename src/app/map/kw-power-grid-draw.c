/* kw-power-grid-draw.c: the power/interest grid, drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With GtkSnapshot: the quadrants with their labels, the axes, the
 * stance legend, each party's dot (its stance written in it, coloured on
 * a red–grey–blue scale that reads in light and dark and for the
 * colour-blind) with its name beside it, and the keyboard focus.
 */
#define G_LOG_DOMAIN "kw-power-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-power-grid-draw.h"

typedef struct {
  double x;      /* where the name starts */
  double width;  /* how wide it may be (it is ellipsized beyond) */
} NamePlace;

static int
compare_right_first (gconstpointer a,
                     gconstpointer b,
                     gpointer      data)
{
  GArray *points = data;
  double x = g_array_index (points, graphene_point_t, *(const guint *) a).x;
  double y = g_array_index (points, graphene_point_t, *(const guint *) b).x;

  return x > y ? -1 : x < y;
}

/* Where each party's name goes (@natural: how wide each wants to be): on
 * the right of its dot, unless it fits only, or better, on its left.
 * The rightmost first, so that a name is kept clear of the dots on its
 * line and of the names placed already (those to its right). */
static NamePlace *
place_names (KwPowerGrid           *self,
             const graphene_rect_t *plot,
             const int             *natural)
{
  guint n = self->points->len;
  NamePlace *places = g_new0 (NamePlace, MAX (n, 1));
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_right_first, self->points);
  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      graphene_point_t *p = &g_array_index (self->points, graphene_point_t, i);
      double start = p->x + DOT_RADIUS + 5, end = p->x - DOT_RADIUS - 5;
      double right = plot->origin.x + plot->size.width - 3 - start, left = end - plot->origin.x - 3;

      for (guint j = 0; j < n; j++)
        {
          graphene_point_t *q = &g_array_index (self->points, graphene_point_t, j);

          if (j == i || ABS (q->y - p->y) >= 2 * DOT_RADIUS)
            continue;
          if (q->x >= p->x)
            right = MIN (right, q->x - DOT_RADIUS - 6 - start);
          if (q->x < p->x)
            left = MIN (left, end - (q->x + DOT_RADIUS + 6));
          if (placed[j] && places[j].x >= p->x)
            right = MIN (right, places[j].x - 8 - start);
        }
      if (natural[i] > right && left > right)
        places[i] = (NamePlace) { end - MIN (natural[i], left), MIN (natural[i], left) };
      else
        places[i] = (NamePlace) { start, right };
      placed[i] = TRUE;
    }
  return places;
}

/* Drawing */

static GdkRGBA
stance_color (int      stance,
              gboolean dark)
{
  /* red – grey – blue: apart for the colour-blind too; lighter on dark */
  static const char * const light[] = { "#c01c28", "#e66100", "#77767b", "#3584e4", "#1a5fb4" };
  static const char * const dark_[] = { "#ff7b63", "#ffa348", "#c0bfbc", "#99c1f1", "#62a0ea" };
  GdkRGBA color;

  gdk_rgba_parse (&color, (dark ? dark_ : light)[CLAMP (stance, -2, 2) + 2]);
  return color;
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const char    *text,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  pango_layout_set_text (layout, text, -1);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_line (GtkSnapshot   *snapshot,
             double         x,
             double         y,
             double         width,
             double         height,
             const GdkRGBA *color)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
append_dot (GtkSnapshot   *snapshot,
            PangoLayout   *layout,
            double         x,
            double         y,
            int            stance,
            gboolean       dark,
            const GdkRGBA *ring)
{
  GdkRGBA fill = stance_color (stance, dark);
  GdkRGBA text_color = dark ? (GdkRGBA) { 0, 0, 0, 0.85 } : (GdkRGBA) { 1, 1, 1, 1 };
  GskRoundedRect circle;
  char sign[8];
  int w, h;

  gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (x - DOT_RADIUS, y - DOT_RADIUS, 2 * DOT_RADIUS,
                                                                 2 * DOT_RADIUS), DOT_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &fill, &circle.bounds);
  gtk_snapshot_pop (snapshot);
  if (ring != NULL)
    {
      GskRoundedRect outer;
      const float widths[4] = { 3, 3, 3, 3 };
      const GdkRGBA colors[4] = { *ring, *ring, *ring, *ring };

      gsk_rounded_rect_init_from_rect (&outer, &GRAPHENE_RECT_INIT (x - DOT_RADIUS - 4, y - DOT_RADIUS - 4,
                                                                    2 * DOT_RADIUS + 8, 2 * DOT_RADIUS + 8),
                                       DOT_RADIUS + 4);
      gtk_snapshot_append_border (snapshot, &outer, widths, colors);
    }
  g_snprintf (sign, sizeof sign, "%s%d", stance > 0 ? "+" : stance < 0 ? "−" : "", ABS (stance));
  pango_layout_set_text (layout, sign, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  append_text (snapshot, layout, sign, x - w / 2.0, y - h / 2.0, &text_color);
}

/* The stance in a dot: small and bold. */
static void
set_dot_font (PangoLayout *layout)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.75));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static void
snapshot_axes (KwPowerGrid           *self,
               GtkSnapshot           *snapshot,
               const graphene_rect_t *plot,
               const GdkRGBA         *fg)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  GdkRGBA line = with_alpha (fg, 0.35f), dim = with_alpha (fg, 0.7f);
  double cw = plot->size.width / 5, ch = plot->size.height / 5;
  int w, h;

  append_line (snapshot, plot->origin.x, plot->origin.y, 1, plot->size.height, &line);
  append_line (snapshot, plot->origin.x, plot->origin.y + plot->size.height, plot->size.width, 1, &line);
  for (int v = 1; v <= 5; v++)
    {
      char tick[4];

      g_snprintf (tick, sizeof tick, "%d", v);
      pango_layout_set_text (layout, tick, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      append_text (snapshot, layout, tick, plot->origin.x + (v - 0.5) * cw - w / 2.0,
                   plot->origin.y + plot->size.height + 3, &dim);
      append_text (snapshot, layout, tick, plot->origin.x - w - 6, plot->origin.y + (5 - v + 0.5) * ch - h / 2.0, &dim);
    }
  pango_layout_set_text (layout, _("Interest →"), -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  append_text (snapshot, layout, _("Interest →"), plot->origin.x + plot->size.width / 2 - w / 2.0,
               plot->origin.y + plot->size.height + 3 + h, fg);
  pango_layout_set_text (layout, _("Influence →"), -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (plot->origin.x - 24 - h, plot->origin.y + plot->size.height / 2 + w / 2.0));
  gtk_snapshot_rotate (snapshot, -90);
  gtk_snapshot_append_layout (snapshot, layout, fg);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

static void
snapshot_quadrants (KwPowerGrid           *self,
                    GtkSnapshot           *snapshot,
                    const graphene_rect_t *plot,
                    const GdkRGBA         *fg)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  GdkRGBA tint = with_alpha (fg, 0.06f), strong = with_alpha (fg, 0.11f), line = with_alpha (fg, 0.5f);
  GdkRGBA label = with_alpha (fg, 0.6f);
  double split_x = plot->origin.x + 3 * plot->size.width / 5, split_y = plot->origin.y + 2 * plot->size.height / 5;
  double right = plot->origin.x + plot->size.width, bottom = plot->origin.y + plot->size.height;
  struct { KwGridQuadrant q; double x, y, w, h; const GdkRGBA *color; } quadrants[] = {
    { KW_GRID_KEEP_SATISFIED, plot->origin.x, plot->origin.y, split_x - plot->origin.x, split_y - plot->origin.y, &tint },
    { KW_GRID_CLOSELY_INVOLVE, split_x, plot->origin.y, right - split_x, split_y - plot->origin.y, &strong },
    { KW_GRID_MONITOR, plot->origin.x, split_y, split_x - plot->origin.x, bottom - split_y, NULL },
    { KW_GRID_KEEP_INFORMED, split_x, split_y, right - split_x, bottom - split_y, &tint },
  };

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      if (quadrants[i].color != NULL)
        gtk_snapshot_append_color (snapshot, quadrants[i].color,
                                   &GRAPHENE_RECT_INIT (quadrants[i].x, quadrants[i].y, quadrants[i].w, quadrants[i].h));
      pango_layout_set_width (layout, (int) ((quadrants[i].w - 12) * PANGO_SCALE));
      append_text (snapshot, layout, kw_grid_quadrant_label (quadrants[i].q), quadrants[i].x + 6, quadrants[i].y + 4, &label);
    }
  append_line (snapshot, split_x, plot->origin.y, 1, plot->size.height, &line);
  append_line (snapshot, plot->origin.x, split_y, plot->size.width, 1, &line);
  pango_attr_list_unref (attrs);
  g_object_unref (layout);
}

static void
snapshot_legend (KwPowerGrid   *self,
                 GtkSnapshot   *snapshot,
                 gboolean       dark,
                 const GdkRGBA *fg)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoLayout *small = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double xs[G_N_ELEMENTS (_kw_power_grid_stance_words)];
  guint rows[G_N_ELEMENTS (_kw_power_grid_stance_words)];
  double top = gtk_widget_get_height (GTK_WIDGET (self)) - _kw_power_grid_place_legend (self, width, xs, rows) * LEGEND_ROW;

  set_dot_font (small);
  for (int stance = -2; stance <= 2; stance++)
    {
      double y = top + rows[stance + 2] * LEGEND_ROW;
      int w, h;

      append_dot (snapshot, small, xs[stance + 2] + DOT_RADIUS, y + LEGEND_ROW / 2, stance, dark, NULL);
      pango_layout_set_text (layout, _(_kw_power_grid_stance_words[stance + 2]), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      append_text (snapshot, layout, _(_kw_power_grid_stance_words[stance + 2]), xs[stance + 2] + 2 * DOT_RADIUS + 6,
                   y + (LEGEND_ROW - h) / 2, fg);
    }
  g_object_unref (small);
  g_object_unref (layout);
}

/* Under a name, so that it reads over the quadrants' lines: the view's
 * background (Adwaita's), nearly opaque. */
static void
append_name_background (GtkSnapshot *snapshot,
                        double       x,
                        double       y,
                        double       width,
                        double       height,
                        gboolean     dark)
{
  GdkRGBA bg = dark ? (GdkRGBA) { 0.118f, 0.118f, 0.118f, 0.8f } : (GdkRGBA) { 1, 1, 1, 0.8f };
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, height), 4);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &bg, &rect.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_parties (KwPowerGrid           *self,
                  GtkSnapshot           *snapshot,
                  const graphene_rect_t *plot,
                  gboolean               dark,
                  const GdkRGBA         *fg)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoLayout *small = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  gint selected = _kw_power_grid_index_of (self, self->selected);
  GdkRGBA accent, hover = with_alpha (fg, 0.4f);
  g_autofree int *natural = NULL;
  g_autofree NamePlace *places = NULL;

  gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  set_dot_font (small);
  _kw_power_grid_layout_points (self);
  natural = g_new (int, MAX (self->parties->len, 1));
  for (guint i = 0; i < self->parties->len; i++)
    {
      int h;

      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, kw_grid_party_get_label (g_ptr_array_index (self->parties, i)), -1);
      pango_layout_get_pixel_size (layout, &natural[i], &h);
    }
  places = place_names (self, plot, natural);
  for (guint i = 0; i < self->parties->len; i++)
    {
      KwGridParty *party = g_ptr_array_index (self->parties, i);
      graphene_point_t *p = &g_array_index (self->points, graphene_point_t, i);
      gboolean dragged = (gint) i == self->dragged;
      double x = dragged ? self->drag_x : p->x, y = dragged ? self->drag_y : p->y;
      /* a name follows its dot while dragged, on the same side */
      double name_x = places[i].x + (x - p->x);
      GdkRGBA name_color = party->name ? *fg : with_alpha (fg, 0.6f);
      int w, h;

      append_dot (snapshot, small, x, y, party->stance, dark,
                  (gint) i == selected ? &accent : (gint) i == self->hovered ? &hover : NULL);
      /* no room for even a few letters: the list beside has the name */
      if (places[i].width < 3 * DOT_RADIUS)
        continue;
      pango_layout_set_text (layout, kw_grid_party_get_label (party), -1);
      pango_layout_set_width (layout, (int) (places[i].width * PANGO_SCALE));
      pango_layout_get_pixel_size (layout, &w, &h);
      if (places[i].x < p->x)  /* on the left: it ends by the dot */
        name_x += places[i].width - w;
      append_name_background (snapshot, name_x - 2, y - h / 2.0, w + 4, h, dark);
      append_text (snapshot, layout, kw_grid_party_get_label (party), name_x, y - h / 2.0, &name_color);
    }
  g_object_unref (small);
  g_object_unref (layout);
}

/* Keyboard focus: the plot outlined in the accent colour. */
static void
snapshot_focus (KwPowerGrid           *self,
                GtkSnapshot           *snapshot,
                const graphene_rect_t *plot,
                gboolean               dark)
{
  GdkRGBA accent;
  GskRoundedRect outline;
  const float widths[4] = { 2, 2, 2, 2 };

  gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");
  accent.alpha = 0.6f;
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (plot->origin.x - 3, plot->origin.y - 3,
                                                                  plot->size.width + 6, plot->size.height + 6), 4);
  gtk_snapshot_append_border (snapshot, &outline, widths, (GdkRGBA[]) { accent, accent, accent, accent });
}

void
_kw_power_grid_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  KwPowerGrid *self = KW_POWER_GRID (widget);
  graphene_rect_t plot = _kw_power_grid_plot_rect (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  snapshot_quadrants (self, snapshot, &plot, &fg);
  if (self->dragged >= 0)
    {
      int influence, interest;
      GdkRGBA target = with_alpha (&fg, 0.15f);

      _kw_power_grid_value_at (&plot, self->drag_x, self->drag_y, &influence, &interest);
      gtk_snapshot_append_color (snapshot, &target, (graphene_rect_t[]) { _kw_power_grid_cell_rect (&plot, influence, interest) });
    }
  snapshot_axes (self, snapshot, &plot, &fg);
  snapshot_parties (self, snapshot, &plot, dark, &fg);
  snapshot_legend (self, snapshot, dark, &fg);
  if (gtk_widget_has_visible_focus (widget))
    snapshot_focus (self, snapshot, &plot, dark);
}

