/* kw-contact-moment-group.h: when someone was last in touch with a person, and how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-child-group.h"

G_BEGIN_DECLS

#define KW_TYPE_CONTACT_MOMENT_GROUP (kw_contact_moment_group_get_type ())
G_DECLARE_FINAL_TYPE (KwContactMomentGroup, kw_contact_moment_group, KW, CONTACT_MOMENT_GROUP, KwChildGroup)

KwChildGroup *kw_contact_moment_group_new (KwStore *store);

G_END_DECLS
