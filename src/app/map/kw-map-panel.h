/* kw-map-panel.h: the side panel of the Stakeholder Map view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-graph.h"
#include "kw-store.h"

G_BEGIN_DECLS

/* Empties both lists and fills them from @graph and @bridges (NULL:
 * still being found): each bridge with whom it alone connects (a single
 * point of failure, flagged), which groups it connects, and its
 * betweenness: from @words (kw_map_panel_dup_bridge_words ()) when
 * given, else worked out here. */
void      kw_map_panel_fill     (GtkListBox     *bridges_list,
                                 GtkListBox     *tense_list,
                                 KwGraph        *graph,
                                 KwGraphBridges *bridges,
                                 GHashTable     *area_names,
                                 GHashTable     *words);
/* Those rows' words, by bridge id, as kw_map_panel_fill () writes them
 * when @words is NULL; no GTK: for the thread that found the bridges. */
GHashTable *kw_map_panel_dup_bridge_words (KwGraph        *graph,
                                           KwGraphBridges *bridges,
                                           GHashTable     *area_names);
/* The name and the kind · area · relations of node @index (or "Nothing
 * selected" when -1), and on a second line the words of its place in
 * @bridges; whether a node is described. */
gboolean  kw_map_panel_describe (KwGraph        *graph,
                                 KwGraphBridges *bridges,
                                 GHashTable     *area_names,
                                 gint            index,
                                 GtkLabel       *name_label,
                                 GtkLabel       *text_label);

/* The status line: "Showing Osdorp: 1,204 people and organisations",
 * then " · Within 2 steps of Ada" when @steps > 0 and @centre is shown,
 * and " · Some kinds of relation" when @kinds leave some out. */
char     *kw_map_panel_dup_status   (KwGraph        *graph,
                                     const char     *title,
                                     guint           kinds,
                                     const char     *centre,
                                     guint           steps);
/* The title of the restriction's record ("all areas" for KW_GRAPH_ALL),
 * and in @bridges_title the Bridges list's ("Bridges within Osdorp"). */
char     *kw_map_panel_dup_title    (KwStore            *store,
                                     KwGraphRestriction  restriction,
                                     const char         *id,
                                     char              **bridges_title);
/* Draws the picture's legend (kw_map_render_legend) in @area, in the
 * theme's text colour, with the same words as its accessible description. */
void      kw_map_panel_init_legend (GtkDrawingArea *area);
/* Empties @list and fills it with the nodes whose shown name (never a
 * private person's) contains @text (any case), at most 30, by name. */
void      kw_map_panel_fill_matches (GtkListBox    *list,
                                     KwGraph       *graph,
                                     const char    *text);

G_END_DECLS
