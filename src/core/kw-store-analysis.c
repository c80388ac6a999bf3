/* kw-store-analysis.c: the SQL of the analysis reports (kw-analysis.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One statement per KwAnalysisQuery (kw-analysis-private.h says what
 * each takes and gives). Live records only: a tombstone has deleted
 * set, a colleague's private stub has no name; a join on a reference
 * to a record that is missing or deleted finds nothing, as a reference
 * that reads as empty. The scans of everyone read the table in its own
 * order: in name order (through the title index) a city's people cost
 * a page read per row.
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include "kw-analysis-private.h"
#include "kw-store-private.h"

/* a live record of a type whose name is required (person, organisation, area, …) */
#define LIVE_NAMED(t) t ".deleted IS NULL AND " t ".name IS NOT NULL"
#define OPEN_PARTNER(t) t ".deleted IS NULL AND (" t ".status IS NULL OR " t ".status NOT IN ('prospective', 'left'))"
#define CURRENT(t) t ".deleted IS NULL AND (" t ".since IS NULL OR " t ".since <= ?2) " \
                   "AND (" t ".\"until\" IS NULL OR " t ".\"until\" >= ?2)"
#define REACH "WITH RECURSIVE reach (id) AS (SELECT ?1 UNION " \
              "SELECT a.id FROM area a JOIN reach r ON a.parent = r.id " \
              "WHERE a.deleted IS NULL AND a.name IS NOT NULL) "
#define HELD_MEETING(t) t ".deleted IS NULL AND " t ".title IS NOT NULL AND " t ".status = 'held'"
#define HELD_BY_LOAD(t) t ".deleted IS NULL AND " t ".title IS NOT NULL " \
                        "AND (" t ".status IS NULL OR " t ".status <> 'cancelled') " \
                        "AND " t ".starts_at >= ?1 AND " t ".starts_at < ?2"

static const char area_reach_sql[] = REACH "SELECT id FROM reach";

static const char at_table_sql[] =
  /* the partner organisations */
  "SELECT 'organisation', o.id, o.kind, NULL, NULL FROM alliance_partner p "
  "JOIN organisation o ON o.id = p.party AND " LIVE_NAMED ("o") " "
  "WHERE p.alliance = ?1 AND " OPEN_PARTNER ("p") " "
  /* the partners who are people */
  "UNION ALL SELECT 'person', pe.id, NULL, pe.languages, pe.communities FROM alliance_partner p "
  "JOIN person pe ON pe.id = p.party AND " LIVE_NAMED ("pe") " "
  "WHERE p.alliance = ?1 AND " OPEN_PARTNER ("p") " "
  /* everyone with a current affiliation to a partner organisation */
  "UNION ALL SELECT 'person', pe.id, NULL, pe.languages, pe.communities FROM alliance_partner p "
  "JOIN organisation o ON o.id = p.party AND " LIVE_NAMED ("o") " "
  "JOIN affiliation f ON f.organisation = o.id AND " CURRENT ("f") " "
  "JOIN person pe ON pe.id = f.person AND " LIVE_NAMED ("pe") " "
  "WHERE p.alliance = ?1 AND " OPEN_PARTNER ("p") " "
  /* every organisation a partner who is a person is currently affiliated with */
  "UNION ALL SELECT 'organisation', o.id, o.kind, NULL, NULL FROM alliance_partner p "
  "JOIN person pe ON pe.id = p.party AND " LIVE_NAMED ("pe") " "
  "JOIN affiliation f ON f.person = pe.id AND " CURRENT ("f") " "
  "JOIN organisation o ON o.id = f.organisation AND " LIVE_NAMED ("o") " "
  "WHERE p.alliance = ?1 AND " OPEN_PARTNER ("p");

static const char orgs_in_area_sql[] =
  REACH "SELECT o.id, o.kind FROM organisation o "
  "WHERE " LIVE_NAMED ("o") " AND o.area IN (SELECT id FROM reach)";

static const char orgs_all_sql[] =
  "SELECT o.id, o.kind FROM organisation o WHERE " LIVE_NAMED ("o");

static const char people_in_area_sql[] =
  REACH "SELECT p.id, p.languages, p.communities, p.key_figure FROM person p "
  "WHERE " LIVE_NAMED ("p") " AND p.area IN (SELECT id FROM reach)";

static const char people_all_sql[] =
  "SELECT p.id, p.languages, p.communities, p.key_figure FROM person p "
  "WHERE " LIVE_NAMED ("p");

static const char area_live_sql[] =
  "SELECT 1 FROM area a WHERE a.id = ?1 AND " LIVE_NAMED ("a");

static const char person_live_sql[] =
  "SELECT 1 FROM person p WHERE p.id = ?1 AND " LIVE_NAMED ("p");

static const char alliance_sql[] =
  "SELECT a.id, a.area FROM alliance a WHERE a.id = ?1 AND " LIVE_NAMED ("a");

static const char alliances_all_sql[] =
  "SELECT a.id FROM alliance a WHERE " LIVE_NAMED ("a") " ORDER BY a.name COLLATE NOCASE, a.id";

static const char alliances_in_area_sql[] =
  REACH "SELECT a.id FROM alliance a WHERE " LIVE_NAMED ("a") " "
  "AND a.area IN (SELECT id FROM reach) ORDER BY a.name COLLATE NOCASE, a.id";

static const char action_lines_sql[] =
  "SELECT l.id, l.budget_cents, l.spent_cents FROM action_line l "
  "WHERE l.alliance = ?1 AND l.deleted IS NULL AND l.title IS NOT NULL "
  "ORDER BY l.title COLLATE NOCASE, l.id";

static const char unit_sql[] =
  "SELECT u.contact, u.deputy, n.id FROM network_unit u "
  "LEFT JOIN network n ON n.id = u.network AND " LIVE_NAMED ("n") " "
  "WHERE u.id = ?1 AND " LIVE_NAMED ("u");

static const char contacted_after_sql[] =
  "SELECT 1 FROM contact_moment c WHERE c.person = ?1 AND c.deleted IS NULL AND c.date > ?2 LIMIT 1";

static const char last_contact_sql[] =
  "SELECT max (c.date) FROM contact_moment c WHERE c.person = ?1 AND c.deleted IS NULL AND c.date <= ?2";

static const char held_meetings_sql[] =
  "SELECT m.id, m.starts_at FROM meeting m WHERE m.unit = ?1 AND " HELD_MEETING ("m") " "
  "AND m.starts_at IS NOT NULL ORDER BY m.starts_at, m.id";

static const char members_sql[] =
  "SELECT m.person, m.since FROM network_member m "
  "JOIN person p ON p.id = m.person AND " LIVE_NAMED ("p") " "
  "WHERE m.unit = ?1 AND m.deleted IS NULL ORDER BY p.name COLLATE NOCASE, p.id";

static const char presence_sql[] =
  "SELECT a.person, a.meeting FROM meeting m "
  "JOIN attendance a ON a.meeting = m.id AND a.deleted IS NULL AND a.status IN ('present', 'late') "
  "WHERE m.unit = ?1 AND " HELD_MEETING ("m");

static const char load_meetings_sql[] =
  "SELECT m.id, m.starts_at, m.chair, m.minute_taker FROM meeting m WHERE " HELD_BY_LOAD ("m");

static const char load_attendance_sql[] =
  "SELECT a.person, a.meeting FROM meeting m "
  "JOIN attendance a ON a.meeting = m.id AND a.deleted IS NULL AND a.status IN ('present', 'late') "
  "AND a.person IS NOT NULL WHERE " HELD_BY_LOAD ("m");

static const char load_actions_sql[] =
  "SELECT i.owner, count (*), sum (i.deadline IS NOT NULL AND i.deadline < ?1) FROM action_item i "
  "WHERE i.deleted IS NULL AND i.title IS NOT NULL AND i.owner IS NOT NULL "
  "AND (i.status IS NULL OR i.status = 'open') GROUP BY i.owner";

static const char load_unit_roles_sql[] =
  "SELECT person, count (*) FROM ("
  "SELECT u.contact AS person FROM network_unit u JOIN network n ON n.id = u.network AND " LIVE_NAMED ("n") " "
  "WHERE " LIVE_NAMED ("u") " AND u.contact IS NOT NULL "
  "UNION ALL SELECT u.deputy FROM network_unit u JOIN network n ON n.id = u.network AND " LIVE_NAMED ("n") " "
  "WHERE " LIVE_NAMED ("u") " AND u.deputy IS NOT NULL) GROUP BY person";

static const char load_line_roles_sql[] =
  "SELECT l.owner, count (*) FROM action_line l "
  "JOIN alliance a ON a.id = l.alliance AND " LIVE_NAMED ("a") " "
  "WHERE l.deleted IS NULL AND l.title IS NOT NULL AND l.owner IS NOT NULL "
  "AND l.status IN ('planned', 'active') GROUP BY l.owner";

static const char load_lead_roles_sql[] =
  "SELECT p.party, count (*) FROM alliance_partner p "
  "JOIN alliance a ON a.id = p.alliance AND " LIVE_NAMED ("a") " "
  "WHERE p.deleted IS NULL AND p.party IS NOT NULL AND p.role = 'lead' "
  "AND (p.status IS NULL OR p.status = 'active') GROUP BY p.party";

static const char person_name_sql[] =
  "SELECT p.name FROM person p WHERE p.id = ?1 AND " LIVE_NAMED ("p");

static const char * const queries[] = {
  [KW_ANALYSIS_AREA_REACH] = area_reach_sql,
  [KW_ANALYSIS_AT_TABLE] = at_table_sql,
  [KW_ANALYSIS_ORGS_IN_AREA] = orgs_in_area_sql,
  [KW_ANALYSIS_ORGS_ALL] = orgs_all_sql,
  [KW_ANALYSIS_PEOPLE_IN_AREA] = people_in_area_sql,
  [KW_ANALYSIS_PEOPLE_ALL] = people_all_sql,
  [KW_ANALYSIS_AREA_LIVE] = area_live_sql,
  [KW_ANALYSIS_PERSON_LIVE] = person_live_sql,
  [KW_ANALYSIS_ALLIANCE] = alliance_sql,
  [KW_ANALYSIS_ALLIANCES_ALL] = alliances_all_sql,
  [KW_ANALYSIS_ALLIANCES_IN_AREA] = alliances_in_area_sql,
  [KW_ANALYSIS_ACTION_LINES] = action_lines_sql,
  [KW_ANALYSIS_UNIT] = unit_sql,
  [KW_ANALYSIS_CONTACTED_AFTER] = contacted_after_sql,
  [KW_ANALYSIS_LAST_CONTACT] = last_contact_sql,
  [KW_ANALYSIS_HELD_MEETINGS] = held_meetings_sql,
  [KW_ANALYSIS_MEMBERS] = members_sql,
  [KW_ANALYSIS_PRESENCE] = presence_sql,
  [KW_ANALYSIS_LOAD_MEETINGS] = load_meetings_sql,
  [KW_ANALYSIS_LOAD_ATTENDANCE] = load_attendance_sql,
  [KW_ANALYSIS_LOAD_ACTIONS] = load_actions_sql,
  [KW_ANALYSIS_LOAD_UNIT_ROLES] = load_unit_roles_sql,
  [KW_ANALYSIS_LOAD_LINE_ROLES] = load_line_roles_sql,
  [KW_ANALYSIS_LOAD_LEAD_ROLES] = load_lead_roles_sql,
  [KW_ANALYSIS_PERSON_NAME] = person_name_sql,
};

G_STATIC_ASSERT (G_N_ELEMENTS (queries) == KW_ANALYSIS_N_QUERIES);

/* A row is the statement itself, between two steps. */
static sqlite3_stmt *
row_stmt (KwAnalysisRow *row)
{
  return (sqlite3_stmt *) row;
}

const char *
_kw_analysis_row_text (KwAnalysisRow *row,
                       guint          column)
{
  return (const char *) sqlite3_column_text (row_stmt (row), (int) column);
}

gint64
_kw_analysis_row_int (KwAnalysisRow *row,
                      guint          column)
{
  return sqlite3_column_int64 (row_stmt (row), (int) column);
}

gboolean
_kw_analysis_row_is_null (KwAnalysisRow *row,
                          guint          column)
{
  return sqlite3_column_type (row_stmt (row), (int) column) == SQLITE_NULL;
}

gboolean
_kw_store_analysis_each (KwStore            *store,
                         KwAnalysisQuery     query,
                         const char * const *params,
                         guint               n_params,
                         KwAnalysisRowFunc   func,
                         gpointer            user_data,
                         GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (query < KW_ANALYSIS_N_QUERIES, FALSE);
  g_return_val_if_fail (n_params == 0 || params != NULL, FALSE);

  if ((stmt = _kw_store_prepare (store, queries[query], error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_params; i++)
    if (params[i] != NULL)
      sqlite3_bind_text (stmt, (int) i + 1, params[i], -1, SQLITE_TRANSIENT);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = func ((KwAnalysisRow *) stmt, user_data, error);
  if (ok && rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (store, error);
      ok = FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}
