/* kw-store-graph.c: the SQL of the stakeholder network (kw-graph.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nodes are the live people and organisations (not tombstones, not
 * a colleague's private stub) of a restriction; the edges are read
 * whole and kept when both ends are nodes, so that a reference to a
 * record that is missing, deleted or outside the restriction makes no
 * edge.
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include "kw-graph-private.h"
#include "kw-store-private.h"

#define LIVE_NAMED(t) t ".deleted IS NULL AND " t ".name IS NOT NULL"
#define REACH "WITH RECURSIVE reach (id) AS (SELECT ?1 UNION " \
              "SELECT a.id FROM area a JOIN reach r ON a.parent = r.id " \
              "WHERE a.deleted IS NULL AND a.name IS NOT NULL) "
#define PERSON_COLUMNS "'person', p.id, p.name, p.consent, p.key_figure, p.area, NULL, NULL"
#define ORG_COLUMNS "'organisation', o.id, o.name, NULL, NULL, o.area, o.kind, o.formal"

static const char nodes_all_sql[] =
  "SELECT " PERSON_COLUMNS " FROM person p WHERE " LIVE_NAMED ("p") " "
  "UNION ALL SELECT " ORG_COLUMNS " FROM organisation o WHERE " LIVE_NAMED ("o");

static const char nodes_area_sql[] =
  REACH "SELECT " PERSON_COLUMNS " FROM person p WHERE " LIVE_NAMED ("p") " "
  "AND p.area IN (SELECT id FROM reach) "
  "UNION ALL SELECT " ORG_COLUMNS " FROM organisation o WHERE " LIVE_NAMED ("o") " "
  "AND o.area IN (SELECT id FROM reach)";

static const char nodes_map_sql[] =
  "SELECT " PERSON_COLUMNS " FROM map_position m "
  "JOIN person p ON p.id = m.party AND " LIVE_NAMED ("p") " "
  "WHERE m.map = ?1 AND m.deleted IS NULL "
  "UNION ALL SELECT " ORG_COLUMNS " FROM map_position m "
  "JOIN organisation o ON o.id = m.party AND " LIVE_NAMED ("o") " "
  "WHERE m.map = ?1 AND m.deleted IS NULL";

static const char nodes_alliance_sql[] =
  "SELECT " PERSON_COLUMNS " FROM alliance_partner m "
  "JOIN person p ON p.id = m.party AND " LIVE_NAMED ("p") " "
  "WHERE m.alliance = ?1 AND m.deleted IS NULL "
  "UNION ALL SELECT " ORG_COLUMNS " FROM alliance_partner m "
  "JOIN organisation o ON o.id = m.party AND " LIVE_NAMED ("o") " "
  "WHERE m.alliance = ?1 AND m.deleted IS NULL";

static const char relations_sql[] =
  "SELECT r.\"from\", r.\"to\", r.kind, r.sentiment, r.strength FROM relation r "
  "WHERE r.deleted IS NULL AND r.\"from\" IS NOT NULL AND r.\"to\" IS NOT NULL";

static const char affiliations_sql[] =
  "SELECT f.person, f.organisation FROM affiliation f "
  "WHERE f.deleted IS NULL AND f.person IS NOT NULL AND f.organisation IS NOT NULL "
  "AND (f.since IS NULL OR f.since <= ?1) AND (f.\"until\" IS NULL OR f.\"until\" >= ?1)";

/* An organisation that says nothing of formal is informal by its kind. */
static gboolean
kind_is_informal (const char *kind)
{
  return kind != NULL && (g_str_equal (kind, "residents_group") || g_str_equal (kind, "initiative")
                          || g_str_equal (kind, "village_network"));
}

static void
add_node_row (KwGraph      *graph,
              sqlite3_stmt *stmt)
{
  const char *type = (const char *) sqlite3_column_text (stmt, 0);
  const char *consent = (const char *) sqlite3_column_text (stmt, 3);
  const char *org_kind = (const char *) sqlite3_column_text (stmt, 6);
  gboolean person = g_str_equal (type, "person");
  KwGraphNodeKind kind;
  gboolean named;

  if (person)
    {
      kind = sqlite3_column_int (stmt, 4) ? KW_GRAPH_NODE_KEY_FIGURE : KW_GRAPH_NODE_PERSON;
      /* spec/analysis.md, map picture: public and shared named; not asked, private not */
      named = consent != NULL && (g_str_equal (consent, "public") || g_str_equal (consent, "shared"));
    }
  else
    {
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        kind = sqlite3_column_int (stmt, 7) ? KW_GRAPH_NODE_FORMAL : KW_GRAPH_NODE_INFORMAL;
      else
        kind = kind_is_informal (org_kind) ? KW_GRAPH_NODE_INFORMAL : KW_GRAPH_NODE_FORMAL;
      named = TRUE;
    }
  kw_graph_add_node (graph, (const char *) sqlite3_column_text (stmt, 1), type,
                     (const char *) sqlite3_column_text (stmt, 2), named, kind,
                     (const char *) sqlite3_column_text (stmt, 5), org_kind);
}

static gboolean
finish (KwStore      *store,
        sqlite3_stmt *stmt,
        int           rc,
        GError      **error)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (store, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_kw_store_graph_nodes (KwStore            *store,
                       KwGraph            *graph,
                       KwGraphRestriction  restriction,
                       const char         *id,
                       GError            **error)
{
  static const char * const sql[] = {
    [KW_GRAPH_ALL] = nodes_all_sql,
    [KW_GRAPH_AREA] = nodes_area_sql,
    [KW_GRAPH_ALLIANCE] = nodes_alliance_sql,
    [KW_GRAPH_MAP] = nodes_map_sql,
  };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (restriction < G_N_ELEMENTS (sql), FALSE);

  if ((stmt = _kw_store_prepare (store, sql[restriction], error)) == NULL)
    return FALSE;
  if (restriction != KW_GRAPH_ALL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_node_row (graph, stmt);
  return finish (store, stmt, rc, error);
}

gboolean
_kw_store_graph_edges (KwStore     *store,
                       KwGraph     *graph,
                       const char  *today,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);

  if ((stmt = _kw_store_prepare (store, relations_sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint a = kw_graph_lookup (graph, (const char *) sqlite3_column_text (stmt, 0));
      gint b = kw_graph_lookup (graph, (const char *) sqlite3_column_text (stmt, 1));
      const char *sentiment = (const char *) sqlite3_column_text (stmt, 3);

      if (a >= 0 && b >= 0)
        kw_graph_add_edge (graph, (guint) a, (guint) b, (const char *) sqlite3_column_text (stmt, 2),
                           (guint) CLAMP (sqlite3_column_int (stmt, 4), 1, 3),
                           sentiment != NULL && g_str_equal (sentiment, "tense"));
    }
  if (!finish (store, stmt, rc, error))
    return FALSE;

  if ((stmt = _kw_store_prepare (store, affiliations_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint a = kw_graph_lookup (graph, (const char *) sqlite3_column_text (stmt, 0));
      gint b = kw_graph_lookup (graph, (const char *) sqlite3_column_text (stmt, 1));

      if (a >= 0 && b >= 0)
        kw_graph_add_edge (graph, (guint) a, (guint) b, "affiliation", 1, FALSE);
    }
  return finish (store, stmt, rc, error);
}
