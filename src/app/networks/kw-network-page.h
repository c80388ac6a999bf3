/* kw-network-page.h: one residents' network, its units and dues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-record-page.h"

G_BEGIN_DECLS

#define KW_TYPE_NETWORK_PAGE (kw_network_page_get_type ())
G_DECLARE_FINAL_TYPE (KwNetworkPage, kw_network_page, KW, NETWORK_PAGE, KwRecordPage)

KwNetworkPage *kw_network_page_new         (KwStore       *store);
void           kw_network_page_start_draft (KwNetworkPage *self);
/* The totals as shown: members over all units, dues per month and per
 * year (members × dues, in cents). */
void           kw_network_page_get_totals  (KwNetworkPage *self,
                                            gint64        *unit_members,
                                            gint64        *dues_month_cents,
                                            gint64        *dues_year_cents);

/* The units group (filled after the page's first frame). */
KwChildGroup  *kw_network_page_get_units   (KwNetworkPage *self);

G_END_DECLS
