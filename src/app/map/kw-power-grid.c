/* kw-power-grid.c: the power/interest grid of one stakeholder map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Interest runs left to right, influence bottom to top, each in five
 * cells (1 … 5); 4 and 5 are high, so the four quadrants are "Closely
 * involve" (top right), "Keep satisfied" (top left), "Keep informed"
 * (bottom right) and "Monitor". Each party is a dot in its cell (the
 * parties of one cell stacked), coloured by stance on a red–grey–blue
 * scale that reads in light and dark and for the colour-blind, with the
 * stance written in the dot (−2 … +2) and a legend below; its name
 * beside it, "Unnamed person" for a person without public or shared
 * consent. A drag (GtkGestureDrag) moves a party and, dropped on
 * another cell, emits ::moved once; the arrow keys move the selected
 * one a cell. Hover shows a tooltip; the accessible description lists
 * the quadrants with their parties. Drawn in kw-power-grid-draw.c.
 */
#define G_LOG_DOMAIN "kw-power-grid"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "kw-power-grid-draw.h"
#include "kw-power-grid-private.h"

G_DEFINE_FINAL_TYPE (KwPowerGrid, kw_power_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* KwGridParty */

KwGridParty *
kw_grid_party_new (const char *id,
                   const char *party_id,
                   const char *name,
                   int         influence,
                   int         interest,
                   int         stance)
{
  KwGridParty *party = g_new0 (KwGridParty, 1);

  party->id = g_strdup (id);
  party->party_id = g_strdup (party_id);
  party->name = g_strdup (name);
  party->influence = CLAMP (influence, 1, 5);
  party->interest = CLAMP (interest, 1, 5);
  party->stance = CLAMP (stance, -2, 2);
  return party;
}

void
kw_grid_party_free (KwGridParty *party)
{
  if (party == NULL)
    return;
  g_free (party->id);
  g_free (party->party_id);
  g_free (party->name);
  g_free (party);
}

const char *
kw_grid_party_get_label (const KwGridParty *party)
{
  g_return_val_if_fail (party != NULL, NULL);
  return party->name != NULL ? party->name : _("Unnamed person");
}

KwGridQuadrant
kw_grid_quadrant (int influence,
                  int interest)
{
  if (influence >= 4)
    return interest >= 4 ? KW_GRID_CLOSELY_INVOLVE : KW_GRID_KEEP_SATISFIED;
  return interest >= 4 ? KW_GRID_KEEP_INFORMED : KW_GRID_MONITOR;
}

const char *
kw_grid_quadrant_label (KwGridQuadrant quadrant)
{
  switch (quadrant)
    {
    case KW_GRID_CLOSELY_INVOLVE:
      return _("Closely involve");
    case KW_GRID_KEEP_SATISFIED:
      return _("Keep satisfied");
    case KW_GRID_KEEP_INFORMED:
      return _("Keep informed");
    case KW_GRID_MONITOR:
    default:
      return _("Monitor");
    }
}

const char *
kw_grid_stance_label (int stance)
{
  switch (CLAMP (stance, -2, 2))
    {
    case -2:
      return _("−2 strongly against");
    case -1:
      return _("−1 against");
    case 1:
      return _("+1 for");
    case 2:
      return _("+2 strongly for");
    case 0:
    default:
      return _("0 neutral");
    }
}

char *
kw_grid_party_dup_summary (const KwGridParty *party)
{
  g_return_val_if_fail (party != NULL, NULL);
  /* Translators: quadrant · influence 2, interest 5 · stance "+2 strongly for" */
  return g_strdup_printf (_("%s · influence %d, interest %d · stance %s"),
                          kw_grid_quadrant_label (kw_grid_quadrant (party->influence, party->interest)),
                          party->influence, party->interest, kw_grid_stance_label (party->stance));
}

/* Geometry */

const char * const _kw_power_grid_stance_words[5] = {
  N_("Strongly against"), N_("Against"), N_("Neutral"), N_("For"), N_("Strongly for")
};

/* Where the legend's items go at @width (x and row of each, when asked);
 * returns how many rows it takes. */
guint
_kw_power_grid_place_legend (KwPowerGrid *self,
              double       width,
              double      *xs,
              guint       *rows)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  double x = MARGIN_LEFT;
  guint row = 0;

  for (guint i = 0; i < G_N_ELEMENTS (_kw_power_grid_stance_words); i++)
    {
      double item;
      int w, h;

      pango_layout_set_text (layout, _(_kw_power_grid_stance_words[i]), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      item = 2 * DOT_RADIUS + 6 + w;
      if (i > 0 && x + item > width - MARGIN_RIGHT)
        {
          row++;
          x = MARGIN_LEFT;
        }
      if (xs != NULL)
        xs[i] = x;
      if (rows != NULL)
        rows[i] = row;
      x += item + 18;
    }
  g_object_unref (layout);
  return row + 1;
}

static guint
legend_rows (KwPowerGrid *self,
             double       width)
{
  return _kw_power_grid_place_legend (self, width, NULL, NULL);
}

graphene_rect_t
_kw_power_grid_plot_rect (KwPowerGrid *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t rect;

  graphene_rect_init (&rect, MARGIN_LEFT, MARGIN_TOP, MAX (width - MARGIN_LEFT - MARGIN_RIGHT, 50),
                      MAX (height - MARGIN_TOP - MARGIN_BOTTOM - legend_rows (self, width) * LEGEND_ROW, 50));
  return rect;
}

/* The cell of (influence, interest): its top left corner. */
graphene_rect_t
_kw_power_grid_cell_rect (const graphene_rect_t *plot,
           int                    influence,
           int                    interest)
{
  graphene_rect_t cell;
  double w = plot->size.width / 5, h = plot->size.height / 5;

  graphene_rect_init (&cell, plot->origin.x + (interest - 1) * w, plot->origin.y + (5 - influence) * h, w, h);
  return cell;
}

void
_kw_power_grid_value_at (const graphene_rect_t *plot,
          double                 x,
          double                 y,
          int                   *influence,
          int                   *interest)
{
  *interest = CLAMP ((int) floor ((x - plot->origin.x) / (plot->size.width / 5)) + 1, 1, 5);
  *influence = CLAMP (5 - (int) floor ((y - plot->origin.y) / (plot->size.height / 5)), 1, 5);
}

/* Each dot's place: the parties of a cell stacked in it, in order. */
void
_kw_power_grid_layout_points (KwPowerGrid *self)
{
  graphene_rect_t plot = _kw_power_grid_plot_rect (self);
  guint count[6][6] = { { 0, }, }, seen[6][6] = { { 0, }, };

  g_array_set_size (self->points, self->parties->len);
  for (guint i = 0; i < self->parties->len; i++)
    {
      KwGridParty *party = g_ptr_array_index (self->parties, i);

      count[party->influence][party->interest]++;
    }
  for (guint i = 0; i < self->parties->len; i++)
    {
      KwGridParty *party = g_ptr_array_index (self->parties, i);
      graphene_rect_t cell = _kw_power_grid_cell_rect (&plot, party->influence, party->interest);
      guint n = count[party->influence][party->interest];
      guint k = seen[party->influence][party->interest]++;
      double step = MIN (2 * DOT_RADIUS + 2, cell.size.height / n);
      graphene_point_t *point = &g_array_index (self->points, graphene_point_t, i);

      point->x = cell.origin.x + DOT_RADIUS + 4;
      /* below the quadrant's label in its top row */
      point->y = cell.origin.y + cell.size.height / 2 + (k - (n - 1) / 2.0) * step
                 + (party->influence == 5 || party->influence == 3 ? 6 : 0);
    }
}

static gint
party_at (KwPowerGrid *self,
          double       x,
          double       y)
{
  _kw_power_grid_layout_points (self);
  for (gint i = (gint) self->points->len - 1; i >= 0; i--)
    {
      graphene_point_t *point = &g_array_index (self->points, graphene_point_t, i);

      if ((point->x - x) * (point->x - x) + (point->y - y) * (point->y - y) <= (DOT_RADIUS + 3) * (DOT_RADIUS + 3))
        return i;
    }
  return -1;
}

gint
_kw_power_grid_index_of (KwPowerGrid *self,
          const char  *id)
{
  for (guint i = 0; id != NULL && i < self->parties->len; i++)
    if (g_strcmp0 (((KwGridParty *) g_ptr_array_index (self->parties, i))->id, id) == 0)
      return (gint) i;
  return -1;
}

/* Text */

static void
update_description (KwPowerGrid *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (KwGridQuadrant q = KW_GRID_CLOSELY_INVOLVE; q <= KW_GRID_MONITOR; q++)
    {
      guint n = 0;

      g_string_append_printf (text, "%s%s: ", text->len ? ". " : "", kw_grid_quadrant_label (q));
      for (guint i = 0; i < self->parties->len; i++)
        {
          KwGridParty *party = g_ptr_array_index (self->parties, i);

          if (kw_grid_quadrant (party->influence, party->interest) != q)
            continue;
          /* Translators: a party on the grid, "name (influence 4, interest 5, stance +1 for)" */
          g_string_append_printf (text, _("%s%s (influence %d, interest %d, stance %s)"), n++ ? ", " : "",
                                  kw_grid_party_get_label (party), party->influence, party->interest,
                                  kw_grid_stance_label (party->stance));
        }
      if (n == 0)
        g_string_append (text, _("nobody"));
    }
  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
}

/* Callbacks */

static void
select_index (KwPowerGrid *self,
              gint         index)
{
  const char *id = index >= 0 ? ((KwGridParty *) g_ptr_array_index (self->parties, index))->id : NULL;

  kw_power_grid_set_selected (self, id);
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  KwPowerGrid    *self)
{
  gint index = party_at (self, x, y);

  select_index (self, index);
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index < 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->start_x = g_array_index (self->points, graphene_point_t, index).x;
  self->start_y = g_array_index (self->points, graphene_point_t, index).y;
  self->dragged = index;
  self->drag_x = self->start_x;
  self->drag_y = self->start_y;
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   KwPowerGrid    *self)
{
  if (self->dragged < 0)
    return;
  self->drag_x = self->start_x + dx;
  self->drag_y = self->start_y + dy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_party (KwPowerGrid *self,
            gint         index,
            int          influence,
            int          interest)
{
  KwGridParty *party = g_ptr_array_index (self->parties, index);
  g_autofree char *id = NULL;

  influence = CLAMP (influence, 1, 5);
  interest = CLAMP (interest, 1, 5);
  if (party->influence == influence && party->interest == interest)
    return;
  party->influence = influence;
  party->interest = interest;
  id = g_strdup (party->id);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[MOVED], 0, id, influence, interest);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                KwPowerGrid    *self)
{
  graphene_rect_t plot = _kw_power_grid_plot_rect (self);
  gint index = self->dragged;
  int influence, interest;

  if (index < 0)
    return;
  self->dragged = -1;
  _kw_power_grid_value_at (&plot, self->start_x + dx, self->start_y + dy, &influence, &interest);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  move_party (self, index, influence, interest);
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              KwPowerGrid              *self)
{
  gint index = party_at (self, x, y);

  if (index != self->hovered)
    {
      self->hovered = index;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_focus_changed_cb (KwPowerGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave_cb (GtkEventControllerMotion *motion,
             KwPowerGrid              *self)
{
  self->hovered = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip_cb (KwPowerGrid *self,
                     int          x,
                     int          y,
                     gboolean     keyboard,
                     GtkTooltip  *tooltip)
{
  gint index = keyboard ? _kw_power_grid_index_of (self, self->selected) : party_at (self, x, y);
  KwGridParty *party;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;
  party = g_ptr_array_index (self->parties, index);
  summary = kw_grid_party_dup_summary (party);
  text = g_strdup_printf ("%s\n%s", kw_grid_party_get_label (party), summary);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *key,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   KwPowerGrid           *self)
{
  gint index = _kw_power_grid_index_of (self, self->selected);
  KwGridParty *party;

  if (self->parties->len == 0)
    return FALSE;
  if (keyval == GDK_KEY_space || keyval == GDK_KEY_Home)
    {
      select_index (self, (index + 1) % (gint) self->parties->len);
      return TRUE;
    }
  if (index < 0)
    return FALSE;
  party = g_ptr_array_index (self->parties, index);
  switch (keyval)
    {
    case GDK_KEY_Left:
      move_party (self, index, party->influence, party->interest - 1);
      return TRUE;
    case GDK_KEY_Right:
      move_party (self, index, party->influence, party->interest + 1);
      return TRUE;
    case GDK_KEY_Up:
      move_party (self, index, party->influence + 1, party->interest);
      return TRUE;
    case GDK_KEY_Down:
      move_party (self, index, party->influence - 1, party->interest);
      return TRUE;
    default:
      return FALSE;
    }
}

/* GtkWidget */

static GtkSizeRequestMode
kw_power_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kw_power_grid_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  double plot;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 640;
      return;
    }
  if (for_size < 0)
    for_size = 640;
  plot = for_size - MARGIN_LEFT - MARGIN_RIGHT;
  *minimum = *natural = (int) (CLAMP (plot * (plot < 480 ? 1.0 : 0.7), 240, 460) + MARGIN_TOP
                               + MARGIN_BOTTOM + legend_rows (KW_POWER_GRID (widget), for_size) * LEGEND_ROW);
}

/* GObject */

static void
kw_power_grid_finalize (GObject *object)
{
  KwPowerGrid *self = KW_POWER_GRID (object);

  g_clear_pointer (&self->parties, g_ptr_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_free (self->selected);
  g_free (self->description);

  G_OBJECT_CLASS (kw_power_grid_parent_class)->finalize (object);
}

static void
kw_power_grid_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KwPowerGrid *self = KW_POWER_GRID (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_power_grid_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KwPowerGrid *self = KW_POWER_GRID (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      kw_power_grid_set_selected (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_power_grid_class_init (KwPowerGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kw_power_grid_finalize;
  object_class->get_property = kw_power_grid_get_property;
  object_class->set_property = kw_power_grid_set_property;
  widget_class->snapshot = _kw_power_grid_snapshot;
  widget_class->measure = kw_power_grid_measure;
  widget_class->get_request_mode = kw_power_grid_get_request_mode;

  properties[PROP_SELECTED] = g_param_spec_string ("selected", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
  gtk_widget_class_set_css_name (widget_class, "powergrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kw_power_grid_init (KwPowerGrid *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->parties = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_grid_party_free);
  self->points = g_array_new (FALSE, TRUE, sizeof (graphene_point_t));
  self->hovered = self->dragged = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Power and interest grid; the arrow keys move the selected party, Space selects the next"), -1);
  update_description (self);
}

/* Public API */

GtkWidget *
kw_power_grid_new (void)
{
  return g_object_new (KW_TYPE_POWER_GRID, NULL);
}

void
kw_power_grid_set_parties (KwPowerGrid *self,
                           GPtrArray   *parties)
{
  g_return_if_fail (KW_IS_POWER_GRID (self));
  g_return_if_fail (parties != NULL);

  g_ptr_array_unref (self->parties);
  self->parties = parties;
  self->hovered = self->dragged = -1;
  if (self->selected != NULL && _kw_power_grid_index_of (self, self->selected) < 0)
    kw_power_grid_set_selected (self, NULL);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
kw_power_grid_get_n_parties (KwPowerGrid *self)
{
  g_return_val_if_fail (KW_IS_POWER_GRID (self), 0);
  return self->parties->len;
}

const KwGridParty *
kw_power_grid_get_party (KwPowerGrid *self,
                         guint        index)
{
  g_return_val_if_fail (KW_IS_POWER_GRID (self), NULL);
  g_return_val_if_fail (index < self->parties->len, NULL);
  return g_ptr_array_index (self->parties, index);
}

const KwGridParty *
kw_power_grid_lookup (KwPowerGrid *self,
                      const char  *id)
{
  gint index;

  g_return_val_if_fail (KW_IS_POWER_GRID (self), NULL);
  index = _kw_power_grid_index_of (self, id);
  return index >= 0 ? g_ptr_array_index (self->parties, index) : NULL;
}

const char *
kw_power_grid_get_selected (KwPowerGrid *self)
{
  g_return_val_if_fail (KW_IS_POWER_GRID (self), NULL);
  return self->selected;
}

void
kw_power_grid_set_selected (KwPowerGrid *self,
                            const char  *id)
{
  g_return_if_fail (KW_IS_POWER_GRID (self));

  if (id != NULL && _kw_power_grid_index_of (self, id) < 0)
    id = NULL;
  if (g_strcmp0 (self->selected, id) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

const char *
kw_power_grid_get_description (KwPowerGrid *self)
{
  g_return_val_if_fail (KW_IS_POWER_GRID (self), NULL);
  return self->description;
}

/* Private API */

gboolean
_kw_power_grid_get_point (KwPowerGrid *self,
                          const char  *id,
                          double      *x,
                          double      *y)
{
  gint index = _kw_power_grid_index_of (self, id);

  if (index < 0)
    return FALSE;
  _kw_power_grid_layout_points (self);
  *x = g_array_index (self->points, graphene_point_t, index).x;
  *y = g_array_index (self->points, graphene_point_t, index).y;
  return TRUE;
}

void
_kw_power_grid_get_cell_center (KwPowerGrid *self,
                                int          influence,
                                int          interest,
                                double      *x,
                                double      *y)
{
  graphene_rect_t plot = _kw_power_grid_plot_rect (self);
  graphene_rect_t cell = _kw_power_grid_cell_rect (&plot, influence, interest);

  *x = cell.origin.x + cell.size.width / 2;
  *y = cell.origin.y + cell.size.height / 2;
}

void
_kw_power_grid_drag (KwPowerGrid *self,
                     double       x,
                     double       y,
                     double       dx,
                     double       dy)
{
  GtkGestureDrag *gesture = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (self));

  for (guint i = 0; gesture == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        gesture = GTK_GESTURE_DRAG (controller);
    }
  g_return_if_fail (gesture != NULL);
  on_drag_begin_cb (gesture, x, y, self);
  on_drag_update_cb (gesture, dx, dy, self);
  on_drag_end_cb (gesture, dx, dy, self);
}

gboolean
_kw_power_grid_key (KwPowerGrid *self,
                    guint        keyval)
{
  return on_key_pressed_cb (NULL, keyval, 0, 0, self);
}
