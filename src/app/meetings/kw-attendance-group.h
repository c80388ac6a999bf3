/* kw-attendance-group.h: who was invited to a meeting, and who came
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_ATTENDANCE_GROUP (kw_attendance_group_get_type ())
G_DECLARE_FINAL_TYPE (KwAttendanceGroup, kw_attendance_group, KW, ATTENDANCE_GROUP, AdwPreferencesGroup)

GtkWidget *kw_attendance_group_new         (KwStore           *store);
void       kw_attendance_group_set_meeting (KwAttendanceGroup *self,
                                            const char        *meeting_id);
/* In one step, an attendance "invited" for each person of the meeting's
 * context not on the list yet: the alliance's partners that are people,
 * or the unit's members. How many were added. */
guint      kw_attendance_group_invite      (KwAttendanceGroup *self,
                                            GError           **error);
/* Sets a person's status ("present", …). */
gboolean   kw_attendance_group_set_status  (KwAttendanceGroup *self,
                                            const char        *attendance_id,
                                            const char        *status);
/* A guest: an attendance "invited" with @name and no person (a random
 * id); its id. */
char      *kw_attendance_group_add_guest   (KwAttendanceGroup *self,
                                            const char        *name,
                                            GError           **error);
/* The row of an attendance (P, L, N, A mark it), or NULL. */
GtkWidget *kw_attendance_group_get_row     (KwAttendanceGroup *self,
                                            const char        *attendance_id);
/* For tests: the entry row that adds a guest. */
GtkWidget *kw_attendance_group_get_guest_entry (KwAttendanceGroup *self);
/* For tests: the counts per status, "2 present · 1 invited". */
const char *kw_attendance_group_get_counts (KwAttendanceGroup *self);
guint      kw_attendance_group_get_n_rows  (KwAttendanceGroup *self);

G_END_DECLS
