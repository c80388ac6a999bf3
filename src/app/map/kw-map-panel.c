/* kw-map-panel.c: the side panel of the Stakeholder Map view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Bridges list (kw_graph_bridges' ranking, people without consent
 * unnamed; each with the groups it connects, a single point of failure
 * flagged with whom it alone connects: kw_graph_explain_bridge () and
 * _cut ()), the tense relations, and the details of the selected node
 * with both explanations. Each row carries its node's id
 * ("node-id") for the view to select it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-map-panel.h"
#include "kw-map-render.h"
#include "kw-network-graph.h"

#define MAX_BRIDGE_ROWS 100
#define MAX_TENSE_ROWS 100

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "node-id", g_strdup (id), g_free);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
is_articulation_point (KwGraphBridges *bridges,
                       const char     *id)
{
  for (guint j = 0; bridges != NULL && j < bridges->articulation_points->len; j++)
    if (g_str_equal (((KwGraphCutPoint *) g_ptr_array_index (bridges->articulation_points, j))->id, id))
      return TRUE;
  return FALSE;
}

/* What node @index is in the ranking, in words, parts joined by " · ":
 * whom it alone connects (a single point of failure), which groups it
 * connects (with @both, or when it is no single point of failure), and
 * @betweenness when > 0. NULL: nothing to say. */
static char *
dup_bridge_words (KwGraph        *graph,
                  KwGraphBridges *bridges,
                  GHashTable     *area_names,
                  guint           index,
                  double          betweenness,
                  gboolean        both)
{
  KwGraphNode *node = g_ptr_array_index (graph->nodes, index);
  g_autofree char *cut = is_articulation_point (bridges, node->id)
                         ? kw_graph_explain_cut (graph, index, area_names) : NULL;
  g_autofree char *joins = betweenness > 0 && (both || cut == NULL)
                           ? kw_graph_explain_bridge (graph, index, area_names) : NULL;
  g_autofree char *number = betweenness > 0 ? g_strdup_printf (_("Betweenness %.1f"), betweenness) : NULL;
  const char *parts[] = { cut, joins, number };
  GString *words = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (words, "%s%s", words->len > 0 ? " · " : "", parts[i]);
  return words->len > 0 ? g_string_free (words, FALSE) : (g_string_free (words, TRUE), NULL);
}

/* The bridge figures are the people of the ranking (spec/analysis.md):
 * organisations stay in the graph. Calls @func for each shown. */
static void
foreach_figure (KwGraph        *graph,
                KwGraphBridges *bridges,
                void          (*func) (KwGraph *, KwGraphBridges *, KwGraphBridge *, guint, gpointer),
                gpointer        data)
{
  for (guint i = 0, rows = 0; bridges != NULL && i < bridges->bridges->len && rows < MAX_BRIDGE_ROWS; i++)
    {
      KwGraphBridge *bridge = g_ptr_array_index (bridges->bridges, i);
      gint index = kw_graph_lookup (graph, bridge->id);

      if (index < 0 || !g_str_equal (((KwGraphNode *) g_ptr_array_index (graph->nodes, index))->type, "person"))
        continue;
      rows++;
      func (graph, bridges, bridge, (guint) index, data);
    }
}

static void
add_words (KwGraph        *graph,
           KwGraphBridges *bridges,
           KwGraphBridge  *bridge,
           guint           index,
           gpointer        data)
{
  GHashTable **tables = data;  /* words, area names */
  char *words = dup_bridge_words (graph, bridges, tables[1], index, bridge->betweenness, FALSE);

  if (words != NULL)
    g_hash_table_insert (tables[0], g_strdup (bridge->id), words);
}

GHashTable *
kw_map_panel_dup_bridge_words (KwGraph        *graph,
                               KwGraphBridges *bridges,
                               GHashTable     *area_names)
{
  GHashTable *tables[2] = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), area_names };

  foreach_figure (graph, bridges, add_words, tables);
  return tables[0];
}

typedef struct {
  GtkListBox *list;
  GHashTable *words;
  GHashTable *area_names;
} Fill;

static void
add_row (KwGraph        *graph,
         KwGraphBridges *bridges,
         KwGraphBridge  *bridge,
         guint           index,
         gpointer        data)
{
  Fill *fill = data;
  g_autofree char *computed = fill->words == NULL
                              ? dup_bridge_words (graph, bridges, fill->area_names, index, bridge->betweenness, FALSE)
                              : NULL;
  const char *subtitle = fill->words != NULL ? g_hash_table_lookup (fill->words, bridge->id) : computed;
  GtkWidget *row = new_row (kw_network_graph_node_label (g_ptr_array_index (graph->nodes, index)), subtitle, bridge->id);

  if (is_articulation_point (bridges, bridge->id))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Single point of failure"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Single point of failure"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_list_box_append (fill->list, row);
}

void
kw_map_panel_fill (GtkListBox     *bridges_list,
                   GtkListBox     *tense_list,
                   KwGraph        *graph,
                   KwGraphBridges *bridges,
                   GHashTable     *area_names,
                   GHashTable     *words)
{
  Fill fill = { bridges_list, words, area_names };
  guint n_tense = 0;

  clear_list (bridges_list);
  clear_list (tense_list);
  if (bridges == NULL)
    gtk_list_box_append (bridges_list, new_row (_("Finding the bridges…"), _("This takes a while for a big network."), NULL));
  foreach_figure (graph, bridges, add_row, &fill);
  if (bridges != NULL && gtk_widget_get_first_child (GTK_WIDGET (bridges_list)) == NULL)
    gtk_list_box_append (bridges_list, new_row (_("No bridges"), _("Nobody here connects others who are not connected otherwise."), NULL));
  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *edge = g_ptr_array_index (graph->edges, i);
      KwGraphNode *a = g_ptr_array_index (graph->nodes, edge->a);
      KwGraphNode *b = g_ptr_array_index (graph->nodes, edge->b);
      g_autofree char *title = NULL;

      if (!edge->tense)
        continue;
      if (++n_tense > MAX_TENSE_ROWS)
        break;
      title = g_strdup_printf (_("%s and %s"), kw_network_graph_node_label (a), kw_network_graph_node_label (b));
      gtk_list_box_append (tense_list, new_row (title, kw_network_graph_kind_label (a->kind), a->id));
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (tense_list)) == NULL)
    gtk_list_box_append (tense_list, new_row (_("No tense relations"), NULL, NULL));
}

gboolean
kw_map_panel_describe (KwGraph        *graph,
                       KwGraphBridges *bridges,
                       GHashTable     *area_names,
                       gint            index,
                       GtkLabel       *name_label,
                       GtkLabel       *text_label)
{
  KwGraphNode *node = index >= 0 && graph ? g_ptr_array_index (graph->nodes, index) : NULL;
  const char *area_title = node && node->area && area_names ? g_hash_table_lookup (area_names, node->area) : NULL;
  g_autofree char *text = NULL, *words = NULL;
  double betweenness = 0;

  if (node == NULL)
    {
      gtk_label_set_text (name_label, _("Nothing selected"));
      gtk_label_set_text (text_label, _("Click a person or organisation in the graph, or press Tab."));
      return FALSE;
    }
  for (guint i = 0; bridges != NULL && i < bridges->bridges->len; i++)
    if (g_str_equal (((KwGraphBridge *) g_ptr_array_index (bridges->bridges, i))->id, node->id))
      betweenness = ((KwGraphBridge *) g_ptr_array_index (bridges->bridges, i))->betweenness;
  words = dup_bridge_words (graph, bridges, area_names, (guint) index, betweenness, TRUE);
  text = g_strdup_printf (ngettext ("%s · %s · %u relation", "%s · %s · %u relations", node->degree),
                          kw_network_graph_kind_label (node->kind),
                          area_title ? area_title : _("No area"), node->degree);
  if (words != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s\n%s", text, words);

      g_free (text);
      text = g_steal_pointer (&both);
    }
  gtk_label_set_text (name_label, kw_network_graph_node_label (node));
  gtk_label_set_text (text_label, text);
  return TRUE;
}

/* The legend */

static void
draw_legend_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS  /* gtk_widget_get_color () is 4.10 */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  kw_map_render_legend (cr, 0, 0, fg.red, fg.green, fg.blue);
}

void
kw_map_panel_init_legend (GtkDrawingArea *area)
{
  GtkWidget *button = gtk_widget_get_ancestor (GTK_WIDGET (area), GTK_TYPE_MENU_BUTTON);

  /* GTK 4.8: an icon menu button's name belongs on its toggle, which takes focus */
  for (GtkWidget *child = button ? gtk_widget_get_first_child (button) : NULL; child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);
  gtk_drawing_area_set_content_width (area, (int) KW_MAP_RENDER_LEGEND_WIDTH);
  gtk_drawing_area_set_content_height (area, (int) KW_MAP_RENDER_LEGEND_HEIGHT);
  gtk_drawing_area_set_draw_func (area, draw_legend_cb, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Squares: formal organisations. Diamonds: informal groups. Circles: people. "
                                    "Stars: key figures. Hollow: not named (no consent). Each kind of relation "
                                    "has its own dashes; red dashed lines: tense relations; thicker lines: "
                                    "stronger relations."), -1);
}

/* Finding a node */

#define MAX_MATCHES 30

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (kw_network_graph_node_label (*(KwGraphNode * const *) a),
                         kw_network_graph_node_label (*(KwGraphNode * const *) b));
}

void
kw_map_panel_fill_matches (GtkListBox *list,
                           KwGraph    *graph,
                           const char *text)
{
  g_autofree char *needle = g_utf8_casefold (text != NULL ? text : "", -1);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  clear_list (list);
  gtk_widget_set_visible (GTK_WIDGET (list), graph != NULL && needle[0] != '\0');
  if (graph == NULL || needle[0] == '\0')
    return;
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      KwGraphNode *node = g_ptr_array_index (graph->nodes, i);
      g_autofree char *label = g_utf8_casefold (kw_network_graph_node_label (node), -1);

      if (strstr (label, needle) != NULL)
        g_ptr_array_add (found, node);
    }
  g_ptr_array_sort (found, compare_labels);
  for (guint i = 0; i < found->len && i < MAX_MATCHES; i++)
    {
      KwGraphNode *node = g_ptr_array_index (found, i);
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%s, %u relation", "%s, %u relations", node->degree),
                                                   kw_network_graph_kind_label (node->kind), node->degree);

      gtk_list_box_append (list, new_row (kw_network_graph_node_label (node), subtitle, node->id));
    }
  if (found->len == 0)
    gtk_list_box_append (list, new_row (_("Nobody of that name here"), NULL, NULL));
}

/* The words above the graph */

char *
kw_map_panel_dup_status (KwGraph    *graph,
                         const char *title,
                         guint       kinds,
                         const char *centre,
                         guint       steps)
{
  guint n = graph->nodes->len;
  g_autofree char *count = g_strdup_printf (ngettext ("%'u person or organisation", "%'u people and organisations", n), n);
  GString *status = g_string_new (NULL);
  gint index = kw_graph_lookup (graph, centre);

  g_string_printf (status, _("Showing %s: %s"), title, count);
  if (steps > 0 && index >= 0)
    {
      g_string_append (status, " · ");
      g_string_append_printf (status, ngettext ("Within %u step of %s", "Within %u steps of %s", steps), steps,
                              kw_network_graph_node_label (g_ptr_array_index (graph->nodes, index)));
    }
  if ((kinds & KW_GRAPH_KINDS_ALL) != KW_GRAPH_KINDS_ALL)
    {
      g_string_append (status, " · ");
      g_string_append (status, _("Some kinds of relation"));
    }
  return g_string_free (status, FALSE);
}

char *
kw_map_panel_dup_title (KwStore             *store,
                        KwGraphRestriction   restriction,
                        const char          *id,
                        char               **bridges_title)
{
  static const char * const types[] = {
    [KW_GRAPH_AREA] = "area", [KW_GRAPH_ALLIANCE] = "alliance", [KW_GRAPH_MAP] = "stakeholder_map",
  };
  g_autoptr(KwRecord) record = restriction != KW_GRAPH_ALL && id ? kw_store_get (store, types[restriction], id, NULL) : NULL;
  char *title = record ? kw_record_dup_title (record) : g_strdup (restriction == KW_GRAPH_ALL ? _("all areas") : _("nothing"));

  *bridges_title = record ? g_strdup_printf (_("Bridges within %s"), title) : g_strdup (_("Bridges"));
  return title;
}
