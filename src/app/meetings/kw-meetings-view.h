/* kw-meetings-view.h: the Meetings view (bijeenkomsten)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-view.h"

G_BEGIN_DECLS

#define KW_TYPE_MEETINGS_VIEW (kw_meetings_view_get_type ())
G_DECLARE_FINAL_TYPE (KwMeetingsView, kw_meetings_view, KW, MEETINGS_VIEW, KwView)

/* For tests: the list of meetings, the page once made (NULL before). */
GListModel *kw_meetings_view_get_list (KwMeetingsView *self);
GtkWidget  *kw_meetings_view_get_page (KwMeetingsView *self);
/* For tests: the filter drop-down "context", "kind" or "status". */
GtkDropDown *kw_meetings_view_get_filter (KwMeetingsView *self,
                                          const char     *which);
/* TRUE: upcoming meetings (from now, soonest first); FALSE: past ones
 * (latest first). */
void        kw_meetings_view_set_upcoming (KwMeetingsView *self,
                                           gboolean        upcoming);
/* Month: the grid of this month's meetings (a KwMeetingsMonth) beside
 * the list of them; returns the grid. */
GtkWidget  *kw_meetings_view_show_month (KwMeetingsView *self);
/* What meetings.export-ical does with the file chosen: every meeting
 * with a start in one .ics (kw_ical_write of all) at @path, and a toast. */
gboolean    kw_meetings_view_save_ical  (KwMeetingsView *self,
                                         const char     *path,
                                         GError        **error);

G_END_DECLS
