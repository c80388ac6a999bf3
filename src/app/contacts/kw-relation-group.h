/* kw-relation-group.h: who a person or organisation is related to, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-child-group.h"

G_BEGIN_DECLS

#define KW_TYPE_RELATION_GROUP (kw_relation_group_get_type ())
G_DECLARE_FINAL_TYPE (KwRelationGroup, kw_relation_group, KW, RELATION_GROUP, KwChildGroup)

KwChildGroup *kw_relation_group_new          (KwStore         *store);
/* A relation of a kind and strength with other_id; returns its id. */
char         *kw_relation_group_add_relation (KwRelationGroup *self,
                                              const char      *other_id,
                                              const char      *kind,
                                              int              strength,
                                              GError         **error);

G_END_DECLS
