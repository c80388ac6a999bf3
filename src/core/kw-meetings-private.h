/* kw-meetings-private.h: the store's queries behind kw-meetings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL lives in kw-store-meetings.c. "Live" is as kw_store_list ()
 * shows records: not a tombstone and with its name; a unit also needs a
 * live network.
 */
#pragma once

#include "kw-meetings.h"

G_BEGIN_DECLS

typedef enum {
  KW_MEETINGS_SCOPE_ALL,       /* every action item */
  KW_MEETINGS_SCOPE_ALLIANCE,  /* the id is a live alliance */
  KW_MEETINGS_SCOPE_UNIT,      /* the id is a live unit */
  KW_MEETINGS_SCOPE_MEETING,   /* the id is a live meeting without a live alliance or unit */
} KwMeetingsScope;

/* Whether @id is a live record of the scope's type (ALL: TRUE). */
gboolean   _kw_store_meetings_is_live  (KwStore          *store,
                                        KwMeetingsScope   scope,
                                        const char       *id,
                                        GError          **error);
/* A live meeting's live alliance and live unit (each NULL when it has
 * none); FALSE with KW_CORE_ERROR_NOT_FOUND when the meeting is not live. */
gboolean   _kw_store_meetings_context  (KwStore          *store,
                                        const char       *meeting_id,
                                        char            **alliance_id,
                                        char            **unit_id,
                                        GError          **error);
/* The live action items of the scope (KwMeetingAction, status as stored
 * or "open" when empty, overdue FALSE), in no particular order; not
 * those whose delete is pending. */
GPtrArray *_kw_store_meetings_actions  (KwStore          *store,
                                        KwMeetingsScope   scope,
                                        const char       *id,
                                        GError          **error);
/* The starts_at ("YYYY-MM-DDTHH:MM:SSZ") of the live meetings of the
 * context with a start, oldest first (then by id): ALLIANCE, UNIT (those
 * of the unit without a live alliance) or MEETING (that one); the
 * latest one's id in @latest_id (NULL when there is none). */
GPtrArray *_kw_store_meetings_starts   (KwStore          *store,
                                        KwMeetingsScope   scope,
                                        const char       *id,
                                        char            **latest_id,
                                        GError          **error);

G_END_DECLS
