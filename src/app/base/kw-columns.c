/* kw-columns.c: two children side by side when there is room, else one above the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What AdwBreakpoint does in newer libadwaita, for one pair of children
 * (Debian 12 has libadwaita 1.2): width for height, the two columns
 * each as tall as it needs, top-aligned; the focus goes from the first
 * to the second either way.
 */
#include "config.h"

#include "kw-columns.h"

#define SPACING 24

struct _KwColumns
{
  GtkWidget  parent_instance;

  GtkWidget *start, *end;
  int        threshold;
  double     end_share;
  gboolean   side_by_side;  /* as last allocated */
};

G_DEFINE_FINAL_TYPE (KwColumns, kw_columns, GTK_TYPE_WIDGET)

static void
split (KwColumns *self,
       int        width,
       int       *start_width,
       int       *end_width)
{
  *end_width = (int) ((width - SPACING) * self->end_share);
  *start_width = width - SPACING - *end_width;
}

/* Side by side from the threshold on, if each column is as wide as its
 * child needs. */
static gboolean
fits (KwColumns *self,
      int        width)
{
  int start_width, end_width, start_min, end_min;

  if (width < self->threshold)
    return FALSE;
  split (self, width, &start_width, &end_width);
  gtk_widget_measure (self->start, GTK_ORIENTATION_HORIZONTAL, -1, &start_min, NULL, NULL, NULL);
  gtk_widget_measure (self->end, GTK_ORIENTATION_HORIZONTAL, -1, &end_min, NULL, NULL, NULL);
  return start_width >= start_min && end_width >= end_min;
}

static int
height_for (GtkWidget *child,
            int        width,
            int       *natural)
{
  int minimum = 0;

  *natural = 0;
  if (gtk_widget_get_visible (child))
    gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &minimum, natural, NULL, NULL);
  return minimum;
}

static void
kw_columns_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  KwColumns *self = KW_COLUMNS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int start_min, start_nat, end_min, end_nat;

      gtk_widget_measure (self->start, orientation, -1, &start_min, &start_nat, NULL, NULL);
      gtk_widget_measure (self->end, orientation, -1, &end_min, &end_nat, NULL, NULL);
      /* stacked, the wider of the two is enough */
      *minimum = MAX (start_min, end_min);
      *natural = MAX (start_nat + SPACING + end_nat, self->threshold);
    }
  else if (for_size >= 0 && fits (self, for_size))
    {
      int start_width, end_width, start_nat, end_nat, start_min, end_min;

      split (self, for_size, &start_width, &end_width);
      start_min = height_for (self->start, start_width, &start_nat);
      end_min = height_for (self->end, end_width, &end_nat);
      *minimum = MAX (start_min, end_min);
      *natural = MAX (start_nat, end_nat);
    }
  else
    {
      int start_nat, end_nat;
      int start_min = height_for (self->start, for_size, &start_nat);
      int end_min = height_for (self->end, for_size, &end_nat);

      *minimum = start_min + SPACING + end_min;
      *natural = start_nat + SPACING + end_nat;
    }
}

static void
kw_columns_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  KwColumns *self = KW_COLUMNS (widget);
  int start_nat, end_nat;

  self->side_by_side = fits (self, width);
  if (self->side_by_side)
    {
      int start_width, end_width;

      split (self, width, &start_width, &end_width);
      height_for (self->start, start_width, &start_nat);
      height_for (self->end, end_width, &end_nat);
      gtk_widget_size_allocate (self->start, &(GtkAllocation) { 0, 0, start_width, MIN (start_nat, height) }, -1);
      gtk_widget_size_allocate (self->end, &(GtkAllocation) { start_width + SPACING, 0, end_width,
                                                              MIN (end_nat, height) }, -1);
      return;
    }
  height_for (self->start, width, &start_nat);
  height_for (self->end, width, &end_nat);
  start_nat = MIN (start_nat, height);
  gtk_widget_size_allocate (self->start, &(GtkAllocation) { 0, 0, width, start_nat }, -1);
  gtk_widget_size_allocate (self->end, &(GtkAllocation) { 0, start_nat + SPACING, width,
                                                          MAX (0, MIN (end_nat, height - start_nat - SPACING)) }, -1);
}

static GtkSizeRequestMode
kw_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kw_columns_dispose (GObject *object)
{
  KwColumns *self = KW_COLUMNS (object);

  g_clear_pointer (&self->start, gtk_widget_unparent);
  g_clear_pointer (&self->end, gtk_widget_unparent);
  G_OBJECT_CLASS (kw_columns_parent_class)->dispose (object);
}

static void
kw_columns_class_init (KwColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_columns_dispose;
  widget_class->measure = kw_columns_measure;
  widget_class->size_allocate = kw_columns_size_allocate;
  widget_class->get_request_mode = kw_columns_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "columns");
}

static void
kw_columns_init (KwColumns *self)
{
}

GtkWidget *
kw_columns_new (GtkWidget *start,
                GtkWidget *end,
                int        threshold,
                double     end_share)
{
  KwColumns *self = g_object_new (KW_TYPE_COLUMNS, NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (start) && GTK_IS_WIDGET (end), NULL);
  self->start = start;
  self->end = end;
  self->threshold = threshold;
  self->end_share = CLAMP (end_share, 0.1, 0.9);
  gtk_widget_set_parent (start, GTK_WIDGET (self));
  gtk_widget_set_parent (end, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

gboolean
kw_columns_get_side_by_side (KwColumns *self)
{
  g_return_val_if_fail (KW_IS_COLUMNS (self), FALSE);
  return self->side_by_side;
}
