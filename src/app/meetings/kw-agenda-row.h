/* kw-agenda-row.h: the widgets of one agenda item's row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

/* An agenda group's expander row (made by KwChildGroup) gets its own
 * widgets: the standing mark, Move Up / Move Down, Alt+Up / Alt+Down,
 * and dragging onto another row. Others attach their widgets to the row
 * in kw_agenda_group's setup too. */
void        kw_agenda_row_setup  (AdwExpanderRow *row);
/* The row shows @item, at @index of @n_items. */
void        kw_agenda_row_update (AdwExpanderRow *row,
                                  KwRecord       *item,
                                  guint           index,
                                  guint           n_items);
/* The id of the item the row shows, or NULL. */
const char *kw_agenda_row_get_id (GtkWidget      *row);

G_END_DECLS
