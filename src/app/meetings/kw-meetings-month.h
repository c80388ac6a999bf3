/* kw-meetings-month.h: the meetings of a month, as a calendar grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_MEETINGS_MONTH (kw_meetings_month_get_type ())
G_DECLARE_FINAL_TYPE (KwMeetingsMonth, kw_meetings_month, KW, MEETINGS_MONTH, GtkBox)

/* Opens on this month (local time); ::month-changed when another shows. */
GtkWidget  *kw_meetings_month_new        (KwStore         *store);
/* @month 1–12. */
void        kw_meetings_month_set_month  (KwMeetingsMonth *self,
                                          int              year,
                                          int              month);
void        kw_meetings_month_get_month  (KwMeetingsMonth *self,
                                          int             *year,
                                          int             *month);
/* The month's first and last second, as UTC starts_at values. */
void        kw_meetings_month_get_range  (KwMeetingsMonth *self,
                                          char           **from,
                                          char           **to);
/* -1, +1: the month before, after; 0: this month. */
void        kw_meetings_month_step       (KwMeetingsMonth *self,
                                          int              months);
/* Only the start times in the days (a narrow window). */
void        kw_meetings_month_set_compact (KwMeetingsMonth *self,
                                           gboolean         compact);
/* For tests: the title ("December 2026"), how many weeks are shown, and
 * the button of a meeting with the day of the month it is on (0: not in
 * this month's grid). */
const char *kw_meetings_month_get_title  (KwMeetingsMonth *self);
guint       kw_meetings_month_get_n_weeks (KwMeetingsMonth *self);
GtkWidget  *kw_meetings_month_get_button (KwMeetingsMonth *self,
                                          const char      *meeting_id,
                                          int             *day);

G_END_DECLS
