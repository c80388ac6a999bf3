/* kw-alliance-page.h: one neighbourhood alliance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-record-page.h"

G_BEGIN_DECLS

#define KW_TYPE_ALLIANCE_PAGE (kw_alliance_page_get_type ())
G_DECLARE_FINAL_TYPE (KwAlliancePage, kw_alliance_page, KW, ALLIANCE_PAGE, KwRecordPage)

KwAlliancePage *kw_alliance_page_new         (KwStore        *store);
void            kw_alliance_page_set_id      (KwAlliancePage *self,
                                              const char     *id);
void            kw_alliance_page_start_draft (KwAlliancePage *self);
/* A prospective partner of the alliance shown (alliance.add-prospect);
 * returns its id. */
char           *kw_alliance_page_add_prospect (KwAlliancePage *self,
                                               const char     *party_id,
                                               GError        **error);
G_END_DECLS
