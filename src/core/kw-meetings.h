/* kw-meetings.h: the running action list and planning the next meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the meetings view shows and `kwartier-cli actions` / `plan-next`
 * print (spec/analysis.md "The running action list", DESIGN.md view 5).
 * No GTK. Live records only: a reference to a missing or deleted record
 * reads as empty.
 *
 * A meeting's context is its alliance when it has one, else its unit,
 * else the meeting alone.
 */
#pragma once

#include <glib.h>

#include "kw-store.h"

G_BEGIN_DECLS

/* How many of a context's latest meetings plan-next measures: the gaps
 * between the last KW_MEETINGS_PLAN_SPAN meetings (so up to four gaps). */
#define KW_MEETINGS_PLAN_SPAN          5
/* The interval when the context has fewer than two dated meetings. */
#define KW_MEETINGS_DEFAULT_INTERVAL   28   /* days: four weeks */
/* The zone the weekday and the time of day are kept in. */
#define KW_MEETINGS_ZONE               "Europe/Amsterdam"

typedef struct {
  char       *action_item;
  char       *title;
  char       *owner;       /* a person, or NULL */
  char       *deadline;    /* "YYYY-MM-DD", or NULL */
  const char *status;      /* "open" (also for an empty status), "done", "dropped" */
  gboolean    overdue;     /* open, with a deadline before today */
  char       *meeting;     /* or NULL */
} KwMeetingAction;

void          kw_meeting_action_free  (KwMeetingAction *action);

/* The context of a live meeting: *alliance_id (a live alliance) or
 * *unit_id (a live unit), or both NULL for the meeting alone. FALSE
 * with KW_CORE_ERROR_NOT_FOUND when the meeting is not a live one. */
gboolean      kw_meetings_context     (KwStore     *store,
                                       const char  *meeting_id,
                                       char       **alliance_id,
                                       char       **unit_id,
                                       GError     **error);

/* The running action list (KwMeetingAction), ordered by deadline (empty
 * last), then title, then id. At most one of @alliance_id, @unit_id,
 * @meeting_id (the context of that meeting); none: every action item.
 * Open ones only unless @all; not those whose delete is pending (an
 * undo toast). @today NULL: the local date. An id that is not a live
 * record of its type: NULL with KW_CORE_ERROR_NOT_FOUND. */
GPtrArray    *kw_meetings_actions     (KwStore      *store,
                                       const char   *alliance_id,
                                       const char   *unit_id,
                                       const char   *meeting_id,
                                       gboolean      all,
                                       const GDate  *today,
                                       GError      **error);

/* The usual interval of a context, in days (a whole number of weeks, at
 * least one): the median gap between its last KW_MEETINGS_PLAN_SPAN
 * dated meetings (local calendar days), rounded to whole weeks; four
 * weeks when there are fewer than two. Given as a sorted list of the
 * local dates (julian days) of the context's meetings, oldest first. */
guint         kw_meetings_usual_interval (const guint32 *julian_days,
                                          guint          n_days);

/* Plans the next meeting of @meeting_id's context in one transaction:
 * at the latest of the context's meetings plus the usual interval, on
 * its weekday at its local time (KW_MEETINGS_ZONE), as long as
 * @meeting_id; title, kind, venue, online link, alliance, unit, chair,
 * minute taker, language, interpreter, food and childcare of
 * @meeting_id; status planned. Its agenda: the standing items of the
 * latest meeting and the next_time items of @meeting_id (each once, in
 * the order of their positions, next_time false, new positions "a0",
 * "a1", …). Action items are not copied: they stay on the running list.
 * The new meeting's id in @new_id. KW_CORE_ERROR_NOT_FOUND for a meeting
 * that is not live; KW_CORE_ERROR_INVALID when no meeting of the context
 * has a start. */
gboolean      kw_meetings_plan_next   (KwStore      *store,
                                       const char   *meeting_id,
                                       char        **new_id,
                                       GError      **error);

/* Finalised minutes (kw-store-finalise.c; spec/export-format.md "Merge
 * rules"). Finalising writes the meeting's minutes and every agenda
 * item's notes and decision again under one new stamp, with finalised_at
 * (now) and finalised_by (the organiser), in one transaction; from then
 * on the store refuses local writes to the meeting, its agenda items and
 * its attendance with KW_CORE_ERROR_FINALISED until it is reopened.
 * KW_CORE_ERROR_NOT_FOUND for a meeting that is not live,
 * KW_CORE_ERROR_FINALISED when it is finalised already. */
gboolean      kw_meetings_finalise    (KwStore      *store,
                                       const char   *meeting_id,
                                       GError      **error);
/* Clears finalised_at and adds a line to reopen_log: "YYYY-MM-DD HH:MM
 * · organiser: reason" (local time). The reason is required
 * (KW_CORE_ERROR_INVALID when empty, or when the meeting is not
 * finalised). */
gboolean      kw_meetings_reopen      (KwStore      *store,
                                       const char   *meeting_id,
                                       const char   *reason,
                                       GError      **error);
/* Whether a live meeting's minutes are finalised. */
gboolean      kw_meetings_is_finalised (KwStore     *store,
                                        const char  *meeting_id);
/* Whether a finalised meeting or one of its agenda items has a field
 * stamped after the finalisation (a colleague's later edit, imported),
 * or a colleague's later tombstone took one of its agenda items away:
 * then the organiser of the latest such stamp (NULL when not known) in
 * @who and its time (UTC) in @when; either may be NULL. */
gboolean      kw_meetings_changed_after_finalising (KwStore     *store,
                                                    const char  *meeting_id,
                                                    char       **who,
                                                    GDateTime  **when);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwMeetingAction, kw_meeting_action_free)

G_END_DECLS
