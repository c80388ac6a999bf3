/* kw-meeting-page.h: one meeting (bijeenkomst), edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-record-page.h"

G_BEGIN_DECLS

#define KW_TYPE_MEETING_PAGE (kw_meeting_page_get_type ())
G_DECLARE_FINAL_TYPE (KwMeetingPage, kw_meeting_page, KW, MEETING_PAGE, KwRecordPage)

KwMeetingPage *kw_meeting_page_new         (KwStore       *store);
void           kw_meeting_page_start_draft (KwMeetingPage *self);
/* The agenda (a KwAgendaGroup). */
GtkWidget     *kw_meeting_page_get_agenda  (KwMeetingPage *self);
/* The attendance (a KwAttendanceGroup). */
GtkWidget     *kw_meeting_page_get_attendance (KwMeetingPage *self);
/* The minutes, item by item (a KwMinutesGroup). */
GtkWidget     *kw_meeting_page_get_minutes (KwMeetingPage *self);
/* The finalised-minutes banner (a KwMinutesBanner). */
GtkWidget     *kw_meeting_page_get_banner  (KwMeetingPage *self);
/* The running action list (a KwActionsGroup). */
GtkWidget     *kw_meeting_page_get_actions (KwMeetingPage *self);
/* The venue's details (a KwVenueGroup). */
GtkWidget     *kw_meeting_page_get_venue   (KwMeetingPage *self);
/* What Save to Calendar… does with the file chosen: the meeting's .ics
 * (kw_ical_write) at @path, and a toast. */
gboolean       kw_meeting_page_save_ical   (KwMeetingPage *self,
                                            const char    *path,
                                            GError       **error);

G_END_DECLS
