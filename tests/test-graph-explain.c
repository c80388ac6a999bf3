/* test-graph-explain.c: the words beside a bridge and a single point of failure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw_graph_explain_bridge () names the groups a bridge joins (areas of
 * people and informal groups, kinds of formal organisations) and
 * kw_graph_explain_cut () whom a single point of failure alone connects;
 * a person who is not named stays unnamed in both.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "kw-graph.h"

/* Two buurten and the district:
 *
 *   a1 ─ a2 ─ bridge ─ b1 ─ b2       bridge (in area A) links A and B
 *              │                     and the district's office
 *           district ─ clerk ─ quiet (a private person in B)
 *
 * bridge alone connects b1 and b2; district alone connects clerk and
 * quiet; clerk alone connects quiet. */
static KwGraph *
village (void)
{
  KwGraph *graph = kw_graph_new ();
  guint a1 = kw_graph_add_node (graph, "a1", "person", "Anna Eerst", TRUE, KW_GRAPH_NODE_PERSON, "area-a", NULL);
  guint a2 = kw_graph_add_node (graph, "a2", "person", "Bram Tweede", TRUE, KW_GRAPH_NODE_PERSON, "area-a", NULL);
  guint bridge = kw_graph_add_node (graph, "br", "person", "Cor Brug", TRUE, KW_GRAPH_NODE_KEY_FIGURE, "area-a", NULL);
  guint b1 = kw_graph_add_node (graph, "b1", "person", "Dina Over", TRUE, KW_GRAPH_NODE_PERSON, "area-b", NULL);
  guint b2 = kw_graph_add_node (graph, "b2", "organisation", "Buurtgroep B", TRUE, KW_GRAPH_NODE_INFORMAL, "area-b", "residents_group");
  guint district = kw_graph_add_node (graph, "di", "organisation", "Stadsdeel", TRUE, KW_GRAPH_NODE_FORMAL, "area-a", "district");
  guint clerk = kw_graph_add_node (graph, "cl", "person", "Eva Ambtenaar", TRUE, KW_GRAPH_NODE_PERSON, NULL, NULL);
  guint quiet = kw_graph_add_node (graph, "qu", "person", "Geheime Naam", FALSE, KW_GRAPH_NODE_PERSON, "area-b", NULL);

  kw_graph_add_edge (graph, a1, a2, "knows", 1, FALSE);
  kw_graph_add_edge (graph, a2, bridge, "knows", 1, FALSE);
  kw_graph_add_edge (graph, bridge, b1, "knows", 1, FALSE);
  kw_graph_add_edge (graph, b1, b2, "member_of", 1, FALSE);
  kw_graph_add_edge (graph, bridge, district, "advises", 1, TRUE);
  kw_graph_add_edge (graph, district, clerk, "affiliation", 1, FALSE);
  kw_graph_add_edge (graph, clerk, quiet, "knows", 1, FALSE);
  kw_graph_sort (graph);
  return graph;
}

static GHashTable *
area_names (void)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (names, "area-a", "Dichtersbuurt");
  g_hash_table_insert (names, "area-b", "Bloemenbuurt");
  return names;
}

static guint
node (KwGraph    *graph,
      const char *id)
{
  gint index = kw_graph_lookup (graph, id);

  g_assert_cmpint (index, >=, 0);
  return (guint) index;
}

static void
test_bridge (void)
{
  g_autoptr(KwGraph) graph = village ();
  g_autoptr(GHashTable) names = area_names ();
  g_autofree char *bridge = kw_graph_explain_bridge (graph, node (graph, "br"), names);
  g_autofree char *inside = kw_graph_explain_bridge (graph, node (graph, "a2"), names);
  g_autofree char *district = kw_graph_explain_bridge (graph, node (graph, "di"), names);
  g_autofree char *quiet = kw_graph_explain_bridge (graph, node (graph, "qu"), NULL);

  /* itself and a2 in the Dichtersbuurt, b1 in the Bloemenbuurt, the district */
  g_assert_cmpstr (bridge, ==, "Connects Dichtersbuurt with Bloemenbuurt and the district");
  g_assert_cmpstr (inside, ==, "Connects people within Dichtersbuurt");
  /* a formal organisation's group is its kind, whatever its area; the
   * clerk has no area and counts for nothing */
  g_assert_cmpstr (district, ==, "Connects Dichtersbuurt with the district");
  /* no names for the areas, no kinds: nothing to say */
  g_assert_null (quiet);
}

static void
test_cut (void)
{
  g_autoptr(KwGraph) graph = village ();
  g_autoptr(GHashTable) names = area_names ();
  g_autofree char *bridge = kw_graph_explain_cut (graph, node (graph, "br"), names);
  g_autofree char *district = kw_graph_explain_cut (graph, node (graph, "di"), names);
  g_autofree char *clerk = kw_graph_explain_cut (graph, node (graph, "cl"), names);
  g_autofree char *leaf = kw_graph_explain_cut (graph, node (graph, "a1"), names);
  g_autofree char *a2 = kw_graph_explain_cut (graph, node (graph, "a2"), names);

  /* without the bridge: {a1, a2}, {b1, b2}, {district, clerk, quiet}; the
   * rest is the largest, the district's side */
  g_assert_cmpstr (bridge, ==, "Alone connects Anna Eerst, Bram Tweede, Dina Over and Buurtgroep B to the rest");
  g_assert_cmpstr (district, ==, "Alone connects Eva Ambtenaar and an unnamed person to the rest");
  g_assert_cmpstr (clerk, ==, "Alone connects an unnamed person to the rest");
  g_assert_null (leaf);
  g_assert_cmpstr (a2, ==, "Alone connects Anna Eerst to the rest");
  /* the private person's name is in none of them */
  g_assert_null (strstr (district, "Geheime"));
  g_assert_null (strstr (clerk, "Geheime"));
}

/* Beyond five names: how many, and their groups; beyond three groups:
 * how many more. */
static void
test_many (void)
{
  g_autoptr(KwGraph) graph = kw_graph_new ();
  g_autoptr(GHashTable) names = area_names ();
  guint hub = kw_graph_add_node (graph, "hub", "person", "Hub", TRUE, KW_GRAPH_NODE_KEY_FIGURE, "area-a", NULL);
  g_autofree char *cut = NULL, *bridge = NULL;
  guint rest = kw_graph_add_node (graph, "rest0", "person", "R", TRUE, KW_GRAPH_NODE_PERSON, "area-a", NULL);

  /* a chain of six to the rest, five in the Bloemenbuurt, a housing
   * corporation and a school on the far side of the hub */
  for (guint i = 1; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("rest%u", i);
      guint next = kw_graph_add_node (graph, id, "person", id, TRUE, KW_GRAPH_NODE_PERSON, "area-a", NULL);

      kw_graph_add_edge (graph, rest, next, "knows", 1, FALSE);
      rest = next;
    }
  kw_graph_add_edge (graph, hub, kw_graph_lookup (graph, "rest0"), "knows", 1, FALSE);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("far%u", i);
      guint far = kw_graph_add_node (graph, id, "person", id, TRUE, KW_GRAPH_NODE_PERSON, "area-b", NULL);

      kw_graph_add_edge (graph, hub, far, "knows", 1, FALSE);
    }
  kw_graph_add_edge (graph, hub,
                     kw_graph_add_node (graph, "corp", "organisation", "Woonstichting", TRUE,
                                        KW_GRAPH_NODE_FORMAL, NULL, "housing"),
                     "works_with", 1, FALSE);
  kw_graph_add_edge (graph, hub,
                     kw_graph_add_node (graph, "school", "organisation", "De Horizon", TRUE,
                                        KW_GRAPH_NODE_FORMAL, "area-b", "school"),
                     "works_with", 1, FALSE);
  kw_graph_sort (graph);
  hub = node (graph, "hub");
  cut = kw_graph_explain_cut (graph, hub, names);
  bridge = kw_graph_explain_bridge (graph, hub, names);
  g_assert_cmpstr (cut, ==, "Alone connects 7 others (Bloemenbuurt, housing corporations and schools) to the rest");
  /* itself and rest0 in the Dichtersbuurt (2), five in the Bloemenbuurt */
  g_assert_cmpstr (bridge, ==, "Connects Bloemenbuurt with Dichtersbuurt, housing corporations and schools");
  /* one more group than is named */
  kw_graph_add_edge (graph, hub,
                     kw_graph_add_node (graph, "zz", "organisation", "Moskee", TRUE,
                                        KW_GRAPH_NODE_FORMAL, NULL, "religious"),
                     "knows", 1, FALSE);
  kw_graph_sort (graph);
  g_free (bridge);
  bridge = kw_graph_explain_bridge (graph, node (graph, "hub"), names);
  g_assert_cmpstr (bridge, ==, "Connects Bloemenbuurt with Dichtersbuurt, housing corporations and 2 more");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/graph-explain/bridge", test_bridge);
  g_test_add_func ("/kw/graph-explain/cut", test_cut);
  g_test_add_func ("/kw/graph-explain/many", test_many);
  return g_test_run ();
}
