/* kw-network-row.h: a network in the networks view's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_NETWORK_ROW (kw_network_row_get_type ())
G_DECLARE_FINAL_TYPE (KwNetworkRow, kw_network_row, KW, NETWORK_ROW, GtkBox)

GtkWidget *kw_network_row_new  (KwStore      *store);
/* Shows the network (a KwRecord of it); NULL shows nothing. */
void       kw_network_row_bind (KwNetworkRow *self,
                                KwRecord     *network);

G_END_DECLS
