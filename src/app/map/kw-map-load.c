/* kw-map-load.c: the Stakeholder Map's graph, read and laid out in threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view never reads the graph on the main thread: a GTask thread
 * reads it on a read connection of the view's own (kw_store_open () of
 * the same file, used by one thread at a time under load_lock), filters
 * it, lays it out (kw_graph_layout takes the core's igraph lock) and
 * puts the parties of a map where they were dragged to. A second thread
 * then finds the bridges of that copy, which the view keeps showing
 * meanwhile (a reference-counted box), and the words of the Bridges
 * list's rows (kw_map_panel_dup_bridge_words: a search of the graph per
 * single point of failure).
 */
#define G_LOG_DOMAIN "kw-map-load"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kw-map-load.h"
#include "kw-map-panel.h"

static GMutex load_lock;  /* a read store is used by one thread at a time */

typedef struct {
  KwStore    *store;
  KwMapQuery *query;
} Load;

void
kw_map_query_free (KwMapQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->id);
  g_free (query->centre);
  g_free (query);
}

static void
load_free (Load *load)
{
  g_clear_object (&load->store);
  kw_map_query_free (load->query);
  g_free (load);
}

gint
kw_map_position_to_int (double coordinate)
{
  return (gint) lround (CLAMP (coordinate, -1.0, 1.0) * 1000);
}

/* The map's stored positions, over the layout's. */
static void
place_stored (KwStore    *store,
              KwGraph    *graph,
              const char *map_id)
{
  g_autoptr(GPtrArray) positions = kw_store_list_by_ref (store, "map_position", "map", map_id, NULL);

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    {
      KwRecord *position = g_ptr_array_index (positions, i);
      gint index = kw_graph_lookup (graph, kw_record_get_string (position, "party"));
      KwGraphNode *node;

      if (index < 0 || kw_record_is_null (position, "x") || kw_record_is_null (position, "y"))
        continue;
      node = g_ptr_array_index (graph->nodes, index);
      node->x = CLAMP (kw_record_get_int (position, "x") / 1000.0, -1.0, 1.0);
      node->y = CLAMP (kw_record_get_int (position, "y") / 1000.0, -1.0, 1.0);
    }
}

static KwGraph *
load_locked (KwStore     *store,
             KwMapQuery  *query,
             GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autoptr(KwGraph) graph = NULL;
  gint centre;

  if (query->id == NULL && query->restriction != KW_GRAPH_ALL)
    return kw_graph_new ();  /* no alliance or map to show */
  graph = kw_graph_load (store, query->restriction, query->id, today, error);
  if (graph == NULL)
    return NULL;
  centre = query->steps > 0 ? kw_graph_lookup (graph, query->centre) : -1;
  if (centre >= 0 || (query->kinds & KW_GRAPH_KINDS_ALL) != KW_GRAPH_KINDS_ALL)
    {
      KwGraph *filtered = kw_graph_filter (graph, query->kinds, centre, query->steps);

      kw_graph_free (graph);
      graph = filtered;
    }
  return g_steal_pointer (&graph);
}

static gboolean
is_null_value (gpointer key,
               gpointer value,
               gpointer data)
{
  return value == NULL;
}

GHashTable *
kw_map_area_names (KwStore *store,
                   KwGraph *graph)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; graph != NULL && i < graph->nodes->len; i++)
    {
      KwGraphNode *node = g_ptr_array_index (graph->nodes, i);
      g_autoptr(KwRecord) area = NULL;

      if (node->area == NULL || g_hash_table_contains (names, node->area))
        continue;
      area = kw_store_get (store, "area", node->area, NULL);
      g_hash_table_insert (names, g_strdup (node->area), area ? kw_record_dup_title (area) : NULL);
    }
  /* an area that is gone has no name: no words for it */
  g_hash_table_foreach_remove (names, is_null_value, NULL);
  return names;
}

typedef struct {
  KwGraph    *graph;
  GHashTable *area_names;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->graph, kw_graph_free);
  g_clear_pointer (&loaded->area_names, g_hash_table_unref);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Load *load = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwGraph) graph = NULL;
  Loaded *loaded;

  g_mutex_lock (&load_lock);
  graph = g_cancellable_is_cancelled (cancellable) ? NULL : load_locked (load->store, load->query, &error);
  g_mutex_unlock (&load_lock);
  if (graph == NULL)
    {
      g_task_return_error (task, error ? g_steal_pointer (&error) : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled"));
      return;
    }
  if (!kw_graph_layout (graph, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  loaded = g_new0 (Loaded, 1);
  g_mutex_lock (&load_lock);
  if (load->query->restriction == KW_GRAPH_MAP)
    place_stored (load->store, graph, load->query->id);
  loaded->area_names = kw_map_area_names (load->store, graph);
  g_mutex_unlock (&load_lock);
  loaded->graph = g_steal_pointer (&graph);
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

void
kw_map_load_async (KwStore             *read_store,
                   KwMapQuery          *query,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Load *load = g_new0 (Load, 1);

  load->store = g_object_ref (read_store);
  load->query = query;
  g_task_set_source_tag (task, kw_map_load_async);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

KwGraph *
kw_map_load_finish (GAsyncResult  *result,
                    GHashTable   **area_names,
                    GError       **error)
{
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), error);
  KwGraph *graph;

  *area_names = NULL;
  if (loaded == NULL)
    return NULL;
  graph = g_steal_pointer (&loaded->graph);
  *area_names = g_steal_pointer (&loaded->area_names);
  loaded_free (loaded);
  return graph;
}

/* The bridges */

static void
clear_box (gpointer box)
{
  kw_graph_free (*(KwGraph **) box);
}

KwGraph **
kw_map_box_new (KwGraph *graph)
{
  KwGraph **box = g_atomic_rc_box_new0 (KwGraph *);

  *box = graph;
  return box;
}

void
kw_map_box_unref (KwGraph **box)
{
  g_atomic_rc_box_release_full (box, clear_box);
}

typedef struct {
  KwGraph        **box;
  GHashTable      *area_names;  /* read only, in both threads */
} Bridges;

typedef struct {
  KwGraphBridges  *bridges;
  GHashTable      *words;
} Found;

static void
bridges_free (Bridges *job)
{
  kw_map_box_unref (job->box);
  g_clear_pointer (&job->area_names, g_hash_table_unref);
  g_free (job);
}

static void
found_free (Found *found)
{
  g_clear_pointer (&found->bridges, kw_graph_bridges_free);
  g_clear_pointer (&found->words, g_hash_table_unref);
  g_free (found);
}

static void
bridges_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Bridges *job = data;
  g_autoptr(GError) error = NULL;
  KwGraphBridges *bridges = NULL;
  Found *found;

  kw_graph_lock ();
  if (!g_cancellable_is_cancelled (cancellable))
    bridges = kw_graph_bridges (*job->box, &error);
  kw_graph_unlock ();
  if (bridges == NULL)
    {
      g_task_return_error (task, error ? g_steal_pointer (&error) : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled"));
      return;
    }
  /* the words of the list's rows too: a search per single point of failure */
  found = g_new0 (Found, 1);
  found->bridges = bridges;
  found->words = kw_map_panel_dup_bridge_words (*job->box, bridges, job->area_names);
  g_task_return_pointer (task, found, (GDestroyNotify) found_free);
}

void
kw_map_bridges_async (KwGraph           **box,
                      GHashTable         *area_names,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Bridges *job = g_new0 (Bridges, 1);

  job->box = g_atomic_rc_box_acquire (box);
  job->area_names = area_names != NULL ? g_hash_table_ref (area_names) : NULL;
  g_task_set_source_tag (task, kw_map_bridges_async);
  g_task_set_task_data (task, job, (GDestroyNotify) bridges_free);
  g_task_run_in_thread (task, bridges_thread);
}

KwGraphBridges *
kw_map_bridges_finish (GAsyncResult  *result,
                       GHashTable   **words,
                       GError       **error)
{
  Found *found = g_task_propagate_pointer (G_TASK (result), error);
  KwGraphBridges *bridges;

  *words = NULL;
  if (found == NULL)
    return NULL;
  bridges = g_steal_pointer (&found->bridges);
  *words = g_steal_pointer (&found->words);
  found_free (found);
  return bridges;
}

/* Positions */

gboolean
kw_map_store_position (KwStore      *store,
                       const char   *map_id,
                       KwGraphNode  *node,
                       GError      **error)
{
  g_autoptr(GPtrArray) positions = kw_store_list_by_ref (store, "map_position", "map", map_id, error);
  g_autoptr(KwChangeset) changes = NULL;

  if (positions == NULL)
    return FALSE;
  for (guint i = 0; i < positions->len; i++)
    {
      KwRecord *position = g_ptr_array_index (positions, i);

      if (g_strcmp0 (kw_record_get_string (position, "party"), node->id) != 0)
        continue;
      if ((changes = kw_changeset_new ("map_position", error)) == NULL)
        return FALSE;
      kw_changeset_set_int (changes, "x", kw_map_position_to_int (node->x));
      kw_changeset_set_int (changes, "y", kw_map_position_to_int (node->y));
      return kw_store_update (store, kw_record_get_id (position), changes, error);
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This person or organisation is not on the map"));
  return FALSE;
}
