/* kw-graph-explain.c: the words beside a bridge and a single point of failure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spec/analysis.md: the view explains each bridge by which groups it
 * connects (the areas or organisation kinds of the parts it joins) and
 * each single point of failure by whom it alone connects. A node's group
 * is the kind of a formal organisation ("the district", "housing
 * corporations") and otherwise its area (people, informal groups). A
 * bridge joins the groups of itself and its neighbours; a single point of
 * failure alone connects the parts of its component but the largest
 * (kw_graph_parts_without ()). People who are not named stay unnamed here
 * too.
 */
#define G_LOG_DOMAIN "kw-graph"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kw-graph.h"

/* at most this many groups, or people and organisations, are named */
#define MAX_GROUPS 3
#define MAX_NAMES 5

static const struct {
  const char *kind;
  const char *words;
} kind_words[] = {
  { "municipality", N_("the municipality") },
  { "district", N_("the district") },
  { "welfare", N_("welfare organisations") },
  { "housing", N_("housing corporations") },
  { "neighbourhood_team", N_("the neighbourhood team") },
  { "residents_group", N_("residents’ groups") },
  { "village_network", N_("village networks") },
  { "initiative", N_("initiatives") },
  { "business", N_("businesses") },
  { "religious", N_("religious organisations") },
  { "school", N_("schools") },
};

typedef struct {
  const char *words;
  guint       count;
} Group;

/* The words for @node's group, or NULL (no area, no kind). */
static const char *
group_words (KwGraphNode *node,
             GHashTable  *area_names)
{
  if (node->kind == KW_GRAPH_NODE_FORMAL && node->org_kind != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
        if (g_str_equal (node->org_kind, kind_words[i].kind))
          return _(kind_words[i].words);
      return _("other organisations");
    }
  if (node->area != NULL && area_names != NULL)
    return g_hash_table_lookup (area_names, node->area);
  return NULL;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->words, y->words);
}

/* Counts @node's group in @groups. */
static void
count_group (GArray      *groups,
             KwGraphNode *node,
             GHashTable  *area_names)
{
  const char *words = group_words (node, area_names);
  Group group = { words, 1 };

  if (words == NULL)
    return;
  for (guint i = 0; i < groups->len; i++)
    if (g_str_equal (g_array_index (groups, Group, i).words, words))
      {
        g_array_index (groups, Group, i).count++;
        return;
      }
  g_array_append_val (groups, group);
}

/* "A", "A and B", "A, B and C", … up to @most named; beyond that the
 * first @most − 1 and "and 4 more" */
static char *
join_words (const char * const *words,
            guint               n,
            guint               most)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint named = n <= most ? n : most - 1;

  if (n == 0)
    return g_strdup ("");
  if (n == 1)
    return g_strdup (words[0]);
  g_string_append (list, words[0]);
  /* between the items of a list but the last two: "A, B, C and D" */
  for (guint i = 1; i + 1 < named; i++)
    g_string_append_printf (list, "%s%s", C_("list", ", "), words[i]);
  if (named == n)
    return g_strdup_printf (C_("list", "%s and %s"), list->str, words[n - 1]);
  if (named > 1)
    g_string_append_printf (list, "%s%s", C_("list", ", "), words[named - 1]);
  return g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", n - named), list->str, n - named);
}

static const char *
node_words (KwGraphNode *node)
{
  return node->named && node->name != NULL ? node->name : _("an unnamed person");
}

char *
kw_graph_explain_bridge (KwGraph    *graph,
                         guint       index,
                         GHashTable *area_names)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autofree char *others = NULL;
  gboolean *linked;

  g_return_val_if_fail (graph != NULL && index < graph->nodes->len, NULL);

  linked = g_new0 (gboolean, graph->nodes->len);
  count_group (groups, g_ptr_array_index (graph->nodes, index), area_names);
  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      guint other = edge->a == index ? edge->b : edge->b == index ? edge->a : G_MAXUINT;

      if (other != G_MAXUINT && !linked[other])
        {
          linked[other] = TRUE;
          count_group (groups, g_ptr_array_index (graph->nodes, other), area_names);
        }
    }
  g_free (linked);
  if (groups->len == 0)
    return NULL;
  g_array_sort (groups, compare_groups);
  if (groups->len == 1)
    return g_strdup_printf (_("Connects people within %s"), g_array_index (groups, Group, 0).words);
  for (guint i = 1; i < groups->len; i++)
    g_ptr_array_add (words, (gpointer) g_array_index (groups, Group, i).words);
  others = join_words ((const char * const *) words->pdata, words->len, MAX_GROUPS);
  /* "Connects Geuzenveld-Oost with Slotermeer-Noord and the district" */
  return g_strdup_printf (_("Connects %s with %s"), g_array_index (groups, Group, 0).words, others);
}

char *
kw_graph_explain_cut (KwGraph    *graph,
                      guint       index,
                      GHashTable *area_names)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autofree char *list = NULL;
  guint cut = 0;

  g_return_val_if_fail (graph != NULL && index < graph->nodes->len, NULL);

  parts = kw_graph_parts_without (graph, index);
  for (guint p = 1; p < parts->len; p++)
    {
      GArray *part = g_ptr_array_index (parts, p);

      for (guint i = 0; i < part->len; i++)
        {
          KwGraphNode *node = g_ptr_array_index (graph->nodes, g_array_index (part, guint, i));

          if (cut++ < MAX_NAMES)
            g_ptr_array_add (words, (gpointer) node_words (node));
          count_group (groups, node, area_names);
        }
    }
  if (cut == 0)
    return NULL;
  if (cut <= MAX_NAMES)
    {
      list = join_words ((const char * const *) words->pdata, words->len, MAX_NAMES);
      /* "Alone connects Esra Kaya and Noor Bakkali to the rest" */
      return g_strdup_printf (_("Alone connects %s to the rest"), list);
    }
  if (groups->len == 0)
    return g_strdup_printf (ngettext ("Alone connects %u other to the rest",
                                      "Alone connects %u others to the rest", cut), cut);
  g_array_sort (groups, compare_groups);
  g_ptr_array_set_size (words, 0);
  for (guint i = 0; i < groups->len; i++)
    g_ptr_array_add (words, (gpointer) g_array_index (groups, Group, i).words);
  list = join_words ((const char * const *) words->pdata, words->len, MAX_GROUPS);
  /* "Alone connects 7 others (Betondorp-Noord and the district) to the rest" */
  return g_strdup_printf (ngettext ("Alone connects %u other (%s) to the rest",
                                    "Alone connects %u others (%s) to the rest", cut), cut, list);
}
