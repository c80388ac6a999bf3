/* kw-alliances-view.h: the Neighbourhood Alliances view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-view.h"

G_BEGIN_DECLS

#define KW_TYPE_ALLIANCES_VIEW (kw_alliances_view_get_type ())
G_DECLARE_FINAL_TYPE (KwAlliancesView, kw_alliances_view, KW, ALLIANCES_VIEW, KwView)

G_END_DECLS
