/* kw-store-meetings.c: the SQL of the running action list and plan-next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw-meetings-private.h says what each function takes and gives. Live
 * records only; a join on a reference to a missing or deleted record
 * finds nothing, as a reference that reads as empty. A person is there
 * when not a tombstone (a colleague's private stub is someone too). An
 * action item whose delete is pending is left out, as kw_store_list ()
 * leaves it out.
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kw-error.h"
#include "kw-meetings-private.h"
#include "kw-store-private.h"

#define LIVE_MEETING(t) t ".deleted IS NULL AND " t ".title IS NOT NULL"
#define LIVE_ALLIANCE(ref) "EXISTS (SELECT 1 FROM alliance a WHERE a.id = " ref " " \
                           "AND a.deleted IS NULL AND a.name IS NOT NULL)"
#define LIVE_UNIT(ref) "EXISTS (SELECT 1 FROM network_unit u JOIN network n ON n.id = u.network " \
                       "AND n.deleted IS NULL AND n.name IS NOT NULL " \
                       "WHERE u.id = " ref " AND u.deleted IS NULL AND u.name IS NOT NULL)"
/* the meetings whose context is the alliance ?1, or the unit ?1 */
#define ALLIANCE_MEETINGS "SELECT m.id FROM meeting m WHERE m.alliance = ?1 AND " LIVE_MEETING ("m")
#define UNIT_MEETINGS "SELECT m.id FROM meeting m WHERE m.unit = ?1 AND " LIVE_MEETING ("m") " " \
                      "AND NOT " LIVE_ALLIANCE ("m.alliance")

static const char alliance_live_sql[] = "SELECT " LIVE_ALLIANCE ("?1");
static const char unit_live_sql[] = "SELECT " LIVE_UNIT ("?1");
static const char meeting_live_sql[] =
  "SELECT 1 FROM meeting m WHERE m.id = ?1 AND " LIVE_MEETING ("m");

static const char context_sql[] =
  "SELECT CASE WHEN " LIVE_ALLIANCE ("m.alliance") " THEN m.alliance END, "
  "CASE WHEN " LIVE_UNIT ("m.unit") " THEN m.unit END "
  "FROM meeting m WHERE m.id = ?1 AND " LIVE_MEETING ("m");

#define ACTIONS_SELECT \
  "SELECT i.id, i.title, o.id, i.deadline, i.status, m.id FROM action_item i " \
  "LEFT JOIN person o ON o.id = i.owner AND o.deleted IS NULL " \
  "LEFT JOIN meeting m ON m.id = i.meeting AND " LIVE_MEETING ("m") " " \
  "WHERE i.deleted IS NULL AND i.title IS NOT NULL"

static const char actions_all_sql[] = ACTIONS_SELECT;
static const char actions_alliance_sql[] =
  ACTIONS_SELECT " AND (i.alliance = ?1 OR i.meeting IN (" ALLIANCE_MEETINGS "))";
static const char actions_unit_sql[] =
  ACTIONS_SELECT " AND i.meeting IN (" UNIT_MEETINGS ")";
static const char actions_meeting_sql[] =
  ACTIONS_SELECT " AND i.meeting = ?1";

#define STARTS_ORDER " AND m.starts_at IS NOT NULL ORDER BY m.starts_at, m.id"
static const char starts_alliance_sql[] =
  "SELECT m.id, m.starts_at FROM meeting m WHERE m.id IN (" ALLIANCE_MEETINGS ")" STARTS_ORDER;
static const char starts_unit_sql[] =
  "SELECT m.id, m.starts_at FROM meeting m WHERE m.id IN (" UNIT_MEETINGS ")" STARTS_ORDER;
static const char starts_meeting_sql[] =
  "SELECT m.id, m.starts_at FROM meeting m WHERE m.id = ?1 AND " LIVE_MEETING ("m") STARTS_ORDER;

static sqlite3_stmt *
prepare (KwStore     *store,
         const char  *sql,
         const char  *id,
         GError     **error)
{
  sqlite3_stmt *stmt = _kw_store_prepare (store, sql, error);

  if (stmt != NULL && id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* Resets the statement after its last step; FALSE (with the error) when
 * the step was not the end. */
static gboolean
finish (KwStore       *store,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  gboolean ok = rc == SQLITE_DONE;

  if (!ok)
    _kw_store_set_db_error (store, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

gboolean
_kw_store_meetings_is_live (KwStore          *store,
                            KwMeetingsScope   scope,
                            const char       *id,
                            GError          **error)
{
  const char *sql;
  sqlite3_stmt *stmt;
  gboolean live = FALSE;
  int rc;

  switch (scope)
    {
    case KW_MEETINGS_SCOPE_ALLIANCE:
      sql = alliance_live_sql;
      break;
    case KW_MEETINGS_SCOPE_UNIT:
      sql = unit_live_sql;
      break;
    case KW_MEETINGS_SCOPE_MEETING:
      sql = meeting_live_sql;
      break;
    case KW_MEETINGS_SCOPE_ALL:
    default:
      return TRUE;
    }
  if ((stmt = prepare (store, sql, id, error)) == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      live = sqlite3_column_int (stmt, 0) == 1;
      rc = sqlite3_step (stmt);
    }
  if (!finish (store, stmt, rc, error))
    return FALSE;
  if (!live)
    g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                 scope == KW_MEETINGS_SCOPE_ALLIANCE ? _("no alliance with id “%s”")
                 : scope == KW_MEETINGS_SCOPE_UNIT ? _("no unit with id “%s”")
                 : _("no meeting with id “%s”"), id);
  return live;
}

gboolean
_kw_store_meetings_context (KwStore     *store,
                            const char  *meeting_id,
                            char       **alliance_id,
                            char       **unit_id,
                            GError     **error)
{
  sqlite3_stmt *stmt = prepare (store, context_sql, meeting_id, error);
  gboolean found = FALSE;
  int rc;

  *alliance_id = *unit_id = NULL;
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      found = TRUE;
      *alliance_id = dup_column (stmt, 0);
      *unit_id = dup_column (stmt, 1);
      rc = sqlite3_step (stmt);
    }
  if (!finish (store, stmt, rc, error))
    {
      g_clear_pointer (alliance_id, g_free);
      g_clear_pointer (unit_id, g_free);
      return FALSE;
    }
  if (!found)
    g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                 _("no meeting with id “%s”"), meeting_id);
  return found;
}

static const char *
status_of (sqlite3_stmt *stmt,
           int           col)
{
  const char *status = (const char *) sqlite3_column_text (stmt, col);

  if (g_strcmp0 (status, "done") == 0)
    return "done";
  if (g_strcmp0 (status, "dropped") == 0)
    return "dropped";
  return "open";
}

GPtrArray *
_kw_store_meetings_actions (KwStore          *store,
                            KwMeetingsScope   scope,
                            const char       *id,
                            GError          **error)
{
  static const char * const sql[] = {
    [KW_MEETINGS_SCOPE_ALL] = actions_all_sql,
    [KW_MEETINGS_SCOPE_ALLIANCE] = actions_alliance_sql,
    [KW_MEETINGS_SCOPE_UNIT] = actions_unit_sql,
    [KW_MEETINGS_SCOPE_MEETING] = actions_meeting_sql,
  };
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_meeting_action_free);
  g_autofree char *pending = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (scope < G_N_ELEMENTS (sql), NULL);

  /* an item whose delete is pending (an undo toast) is not shown */
  pending = _kw_store_pending_sql (store, kw_registry_lookup ("action_item"), "i");
  text = g_strconcat (sql[scope], pending, NULL);
  stmt = prepare (store, text, scope == KW_MEETINGS_SCOPE_ALL ? NULL : id, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KwMeetingAction *a = g_new0 (KwMeetingAction, 1);

      a->action_item = dup_column (stmt, 0);
      a->title = dup_column (stmt, 1);
      a->owner = dup_column (stmt, 2);
      a->deadline = dup_column (stmt, 3);
      a->status = status_of (stmt, 4);
      a->meeting = dup_column (stmt, 5);
      g_ptr_array_add (actions, a);
    }
  if (!finish (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&actions);
}

GPtrArray *
_kw_store_meetings_starts (KwStore          *store,
                           KwMeetingsScope   scope,
                           const char       *id,
                           char            **latest_id,
                           GError          **error)
{
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func (g_free);
  const char *sql = scope == KW_MEETINGS_SCOPE_ALLIANCE ? starts_alliance_sql
                    : scope == KW_MEETINGS_SCOPE_UNIT ? starts_unit_sql
                    : starts_meeting_sql;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (scope != KW_MEETINGS_SCOPE_ALL, NULL);

  *latest_id = NULL;
  if ((stmt = prepare (store, sql, id, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_free (*latest_id);
      *latest_id = dup_column (stmt, 0);
      g_ptr_array_add (starts, dup_column (stmt, 1));
    }
  if (!finish (store, stmt, rc, error))
    {
      g_clear_pointer (latest_id, g_free);
      return NULL;
    }
  return g_steal_pointer (&starts);
}
