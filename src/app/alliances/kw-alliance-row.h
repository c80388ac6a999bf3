/* kw-alliance-row.h: an alliance in the alliances list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_ALLIANCE_ROW (kw_alliance_row_get_type ())
G_DECLARE_FINAL_TYPE (KwAllianceRow, kw_alliance_row, KW, ALLIANCE_ROW, GtkBox)

GtkWidget *kw_alliance_row_new  (void);
/* Name, area and status, and "Over budget" when the alliance's spent
 * exceeds its budget (kw_analysis_budget). */
void       kw_alliance_row_bind (KwAllianceRow *self,
                                 KwStore       *store,
                                 KwRecord      *alliance);
/* Shows its alliance's budget state again (an action line changed). */
void       kw_alliance_row_update_budget (KwAllianceRow *self);

G_END_DECLS
