/* kw-alliances-private.h: what the tests look at in the alliances view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-alliance-page.h"
#include "kw-alliances-view.h"
#include "kw-list-pane.h"
#include "kw-record-list.h"

G_BEGIN_DECLS

/* The page's parts: "gaps", "recruiting", "actions", "meetings",
 * "total" (the total row), "over" (the header's over-budget badge). */
GtkWidget      *_kw_alliance_page_get_part      (KwAlliancePage  *self,
                                                 const char      *name);
KwAlliancePage *_kw_alliances_view_get_page     (KwAlliancesView *self);
KwRecordList   *_kw_alliances_view_get_list     (KwAlliancesView *self);
KwListPane     *_kw_alliances_view_get_list_pane (KwAlliancesView *self);
/* The filters: a status value and an area id, NULL for all. */
void            _kw_alliances_view_set_filters  (KwAlliancesView *self,
                                                 const char      *status,
                                                 const char      *area_id);
/* The header's totals line. */
const char     *_kw_alliances_view_get_totals   (KwAlliancesView *self);
const char     *_kw_alliances_view_get_open_id  (KwAlliancesView *self);

G_END_DECLS
