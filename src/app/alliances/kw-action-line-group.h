/* kw-action-line-group.h: an alliance's action lines with their budgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-child-group.h"

G_BEGIN_DECLS

#define KW_TYPE_ACTION_LINE_GROUP (kw_action_line_group_get_type ())
G_DECLARE_FINAL_TYPE (KwActionLineGroup, kw_action_line_group, KW, ACTION_LINE_GROUP, KwChildGroup)

KwChildGroup *kw_action_line_group_new (KwStore *store);

G_END_DECLS
