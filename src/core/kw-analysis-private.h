/* kw-analysis-private.h: the store's queries behind kw-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL lives in kw-store-analysis.c, one statement per
 * KwAnalysisQuery; kw-analysis.c runs them by name and reads the rows
 * through KwAnalysisRow, without sqlite3.h. "Live" below means not a
 * tombstone and, for the types that need a name, with one (not a
 * colleague's private stub), as kw_store_list () shows records.
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  /* ?1 an area → id: the area and every live area below it (cycles cut) */
  KW_ANALYSIS_AREA_REACH,
  /* ?1 alliance, ?2 today → type ("person"/"organisation"), id, kind,
   * languages, communities: who is at the table (spec/analysis.md) */
  KW_ANALYSIS_AT_TABLE,
  /* ?1 area → id, kind: live organisations in the reach of the area */
  KW_ANALYSIS_ORGS_IN_AREA,
  /* → id, kind: every live organisation */
  KW_ANALYSIS_ORGS_ALL,
  /* ?1 area → id, languages, communities, key_figure: live people in the reach */
  KW_ANALYSIS_PEOPLE_IN_AREA,
  /* → id, languages, communities, key_figure: every live person */
  KW_ANALYSIS_PEOPLE_ALL,
  /* ?1 id → 1 when it is a live area */
  KW_ANALYSIS_AREA_LIVE,
  /* ?1 id → 1 when it is a live person */
  KW_ANALYSIS_PERSON_LIVE,
  /* ?1 alliance → id, area: a live alliance */
  KW_ANALYSIS_ALLIANCE,
  /* → id: every live alliance, by name */
  KW_ANALYSIS_ALLIANCES_ALL,
  /* ?1 area → id: the live alliances in the reach of the area, by name */
  KW_ANALYSIS_ALLIANCES_IN_AREA,
  /* ?1 alliance → id, budget_cents, spent_cents: its live action lines, by title */
  KW_ANALYSIS_ACTION_LINES,
  /* ?1 unit → contact, deputy, network (NULL when the network is not live) */
  KW_ANALYSIS_UNIT,
  /* ?1 person, ?2 date → 1 when the person has a contact moment dated after it */
  KW_ANALYSIS_CONTACTED_AFTER,
  /* ?1 person, ?2 today → the date of the latest contact moment up to today, or NULL */
  KW_ANALYSIS_LAST_CONTACT,
  /* ?1 unit → id, starts_at: its held meetings with a start, oldest first (then id) */
  KW_ANALYSIS_HELD_MEETINGS,
  /* ?1 unit → person, since: the members whose person is live, by name */
  KW_ANALYSIS_MEMBERS,
  /* ?1 unit → person, meeting: present or late at the unit's held meetings */
  KW_ANALYSIS_PRESENCE,
  /* ?1, ?2 UTC bounds → id, starts_at, chair, minute_taker: live meetings
   * not cancelled with ?1 <= starts_at < ?2 */
  KW_ANALYSIS_LOAD_MEETINGS,
  /* ?1, ?2 UTC bounds → person, meeting: present or late at those meetings */
  KW_ANALYSIS_LOAD_ATTENDANCE,
  /* ?1 today → owner, open, overdue: open action items per owner */
  KW_ANALYSIS_LOAD_ACTIONS,
  /* → person, roles: contact and deputy of live units of live networks */
  KW_ANALYSIS_LOAD_UNIT_ROLES,
  /* → person, roles: owners of planned or active action lines of live alliances */
  KW_ANALYSIS_LOAD_LINE_ROLES,
  /* → person, roles: lead partners (active or no status) of live alliances */
  KW_ANALYSIS_LOAD_LEAD_ROLES,
  /* ?1 person → name of a live person */
  KW_ANALYSIS_PERSON_NAME,
  KW_ANALYSIS_N_QUERIES
} KwAnalysisQuery;

typedef struct _KwAnalysisRow KwAnalysisRow;

/* A column of the current row: text (NULL for SQL NULL), integer (0 for
 * NULL), or whether it is NULL. */
const char  *_kw_analysis_row_text    (KwAnalysisRow  *row,
                                       guint           column);
gint64       _kw_analysis_row_int     (KwAnalysisRow  *row,
                                       guint           column);
gboolean     _kw_analysis_row_is_null (KwAnalysisRow  *row,
                                       guint           column);

/* Called for each row; FALSE (with @error set) stops. */
typedef gboolean (*KwAnalysisRowFunc) (KwAnalysisRow  *row,
                                       gpointer        user_data,
                                       GError        **error);

/* Runs @query with the text parameters @params (?1 …, @n_params of them;
 * a NULL is bound as NULL) and calls @func for each row. A callback must
 * not run the same query again. */
gboolean     _kw_store_analysis_each  (KwStore            *store,
                                       KwAnalysisQuery     query,
                                       const char * const *params,
                                       guint               n_params,
                                       KwAnalysisRowFunc   func,
                                       gpointer            user_data,
                                       GError            **error);

G_END_DECLS
