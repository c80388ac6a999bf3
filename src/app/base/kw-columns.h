/* kw-columns.h: two children side by side when there is room, else one above the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KW_TYPE_COLUMNS (kw_columns_get_type ())
G_DECLARE_FINAL_TYPE (KwColumns, kw_columns, KW, COLUMNS, GtkWidget)

/* From @threshold pixels wide, @start and @end side by side, @end taking
 * @end_share (0 … 1) of the width; narrower, @start above @end. */
GtkWidget *kw_columns_new         (GtkWidget *start,
                                   GtkWidget *end,
                                   int        threshold,
                                   double     end_share);
gboolean   kw_columns_get_side_by_side (KwColumns *self);

G_END_DECLS
