/* kw-meeting-row.h: a meeting in the meetings view's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_MEETING_ROW (kw_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (KwMeetingRow, kw_meeting_row, KW, MEETING_ROW, GtkBox)

GtkWidget *kw_meeting_row_new  (KwStore      *store);
void       kw_meeting_row_bind (KwMeetingRow *self,
                                KwRecord     *meeting);

G_END_DECLS
