/* kw-absent-group.h: who stopped coming to a unit's gatherings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_ABSENT_GROUP (kw_absent_group_get_type ())
G_DECLARE_FINAL_TYPE (KwAbsentGroup, kw_absent_group, KW, ABSENT_GROUP, AdwPreferencesGroup)

KwAbsentGroup *kw_absent_group_new        (KwStore       *store);
void           kw_absent_group_set_unit   (KwAbsentGroup *self,
                                           const char    *unit_id);
/* The people listed (ids, in the order shown: by name). */
GPtrArray     *kw_absent_group_dup_people (KwAbsentGroup *self);
/* The row of a person listed, or NULL: an AdwActionRow whose suffix
 * "Log Contact" button (a GtkMenuButton) opens the form. */
GtkWidget     *kw_absent_group_get_row    (KwAbsentGroup *self,
                                           const char    *person_id);

G_END_DECLS
