/* kw-affiliation-group.h: the organisations of a person, the people of an organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-child-group.h"

G_BEGIN_DECLS

#define KW_TYPE_AFFILIATION_GROUP (kw_affiliation_group_get_type ())
G_DECLARE_FINAL_TYPE (KwAffiliationGroup, kw_affiliation_group, KW, AFFILIATION_GROUP, KwChildGroup)

KwChildGroup *kw_affiliation_group_new (KwStore *store);

G_END_DECLS
