/* kw-alliance-gaps.h: who is missing at an alliance's table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_ALLIANCE_GAPS (kw_alliance_gaps_get_type ())
G_DECLARE_FINAL_TYPE (KwAllianceGaps, kw_alliance_gaps, KW, ALLIANCE_GAPS, AdwPreferencesGroup)

KwAllianceGaps *kw_alliance_gaps_new          (KwStore        *store);
void            kw_alliance_gaps_set_alliance (KwAllianceGaps *self,
                                               const char     *alliance_id);
/* Reads the gaps again (the page calls it; store changes do too). */
void            kw_alliance_gaps_refresh      (KwAllianceGaps *self);
/* How many gaps are shown (kinds + communities + languages, and one for
 * the key figures when there are any). */
guint           kw_alliance_gaps_get_n_gaps   (KwAllianceGaps *self);

G_END_DECLS
