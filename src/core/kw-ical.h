/* kw-ical.h: meetings as iCalendar (RFC 5545), written with libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One VCALENDAR (PRODID, VERSION 2.0, CALSCALE; no METHOD: iTIP PUBLISH
 * would want an ORGANIZER, and a calendar names nobody) with the
 * VTIMEZONE of Europe/Amsterdam and one VEVENT per meeting that has a
 * start: UID "<meeting id>@kwartier" (the same on every export),
 * DTSTAMP, LAST-MODIFIED (the meeting's latest write), DTSTART/DTEND in
 * local time with TZID=Europe/Amsterdam, SUMMARY (the title), LOCATION
 * (the venue's name and address), URL and DESCRIPTION with the online
 * link, STATUS (CANCELLED for a cancelled
 * meeting, CONFIRMED for a planned or held one, TENTATIVE without a
 * status). An iCalendar names no people at all (spec/analysis.md, "What
 * leaves the laptop"): no ORGANIZER, no ATTENDEE, no chair, and the
 * names of the meeting's people are taken out of the title and the
 * location.
 */
#pragma once

#include <glib.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_ICAL_ZONE   "Europe/Amsterdam"
#define KW_ICAL_PRODID "-//Kwartier//Kwartier//NL"

/* The calendar of one live meeting (@meeting_id) or of every live one
 * with a start (NULL), oldest first; how many events in @n_events.
 * KW_CORE_ERROR_NOT_FOUND for a meeting that is not live,
 * KW_CORE_ERROR_INVALID for one without a start. */
char     *kw_ical_build   (KwStore      *store,
                           const char   *meeting_id,
                           guint        *n_events,
                           GError      **error);
/* The same, written to @path atomically (kw-temp-file.h). */
gboolean  kw_ical_write   (KwStore      *store,
                           const char   *meeting_id,
                           const char   *path,
                           guint        *n_events,
                           GError      **error);

G_END_DECLS
