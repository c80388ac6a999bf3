/* kw-minutes-group.h: a meeting's minutes, item by item (notes and decisions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_MINUTES_GROUP (kw_minutes_group_get_type ())
G_DECLARE_FINAL_TYPE (KwMinutesGroup, kw_minutes_group, KW, MINUTES_GROUP, AdwPreferencesGroup)

GtkWidget  *kw_minutes_group_new         (KwStore        *store);
void        kw_minutes_group_set_meeting (KwMinutesGroup *self,
                                          const char     *meeting_id);
/* Finalised minutes: every item's minutes read-only. */
void        kw_minutes_group_set_locked  (KwMinutesGroup *self,
                                          gboolean        locked);
/* The rows (KwAgendaItemMinutes), in the agenda's order. */
GPtrArray  *kw_minutes_group_get_rows    (KwMinutesGroup *self);

G_END_DECLS
