/* kw-unit-page.h: one unit (binnenbuurt) of a network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-absent-group.h"
#include "kw-record-page.h"

G_BEGIN_DECLS

#define KW_TYPE_UNIT_PAGE (kw_unit_page_get_type ())
G_DECLARE_FINAL_TYPE (KwUnitPage, kw_unit_page, KW, UNIT_PAGE, KwRecordPage)

KwUnitPage    *kw_unit_page_new              (KwStore    *store);
/* The box of the header's warning badges (one GtkLabel per flag). */
GtkWidget     *kw_unit_page_get_flags_box    (KwUnitPage *self);
KwAbsentGroup *kw_unit_page_get_absent_group (KwUnitPage *self);
KwChildGroup  *kw_unit_page_get_members_group (KwUnitPage *self);
/* The unit's gatherings shown (KwRecord of meeting, newest first). */
GListModel    *kw_unit_page_get_gatherings   (KwUnitPage *self);

G_END_DECLS
