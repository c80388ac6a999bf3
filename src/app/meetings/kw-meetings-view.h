/* kw-meetings-view.h: the Meetings view (its empty state for now)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-view.h"

G_BEGIN_DECLS

#define KW_TYPE_MEETINGS_VIEW (kw_meetings_view_get_type ())
G_DECLARE_FINAL_TYPE (KwMeetingsView, kw_meetings_view, KW, MEETINGS_VIEW, KwView)

G_END_DECLS
