/* kw-area-choices.c: the areas for a filter's drop-down, in tree order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stadsdeel, then its gebieden, wijken and buurten below it, each
 * indented by its depth; a cycle in `parent` is cut by the depth limit.
 */
#define G_LOG_DOMAIN "kw-area-choices"

#include "config.h"

#include <gtk/gtk.h>

#include "kw-area-choices.h"

#define MAX_DEPTH 16

static void
append_areas (GtkStringList *names,
              GPtrArray     *ids,
              GPtrArray     *areas,
              const char    *parent,
              guint          depth)
{
  for (guint i = 0; depth < MAX_DEPTH && i < areas->len; i++)
    {
      KwRecord *area = g_ptr_array_index (areas, i);
      g_autofree char *title = NULL;
      g_autofree char *label = NULL;

      if (g_strcmp0 (kw_record_get_string (area, "parent"), parent) != 0)
        continue;
      title = kw_record_dup_title (area);
      label = g_strdup_printf ("%*s%s", (int) depth * 3, "", title);
      gtk_string_list_append (names, label);
      g_ptr_array_add (ids, g_strdup (kw_record_get_id (area)));
      append_areas (names, ids, areas, kw_record_get_id (area), depth + 1);
    }
}

GListModel *
kw_area_choices_new (KwStore    *store,
                     const char *all_label,
                     GPtrArray  *ids)
{
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  GtkStringList *names;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  names = gtk_string_list_new (NULL);
  g_ptr_array_set_size (ids, 0);
  gtk_string_list_append (names, all_label);
  if ((areas = kw_store_list (store, "area", NULL)) == NULL)
    return G_LIST_MODEL (names);
  for (guint i = 0; i < areas->len; i++)
    g_hash_table_add (known, (gpointer) kw_record_get_id (g_ptr_array_index (areas, i)));
  for (guint i = 0; i < areas->len; i++)
    {
      KwRecord *area = g_ptr_array_index (areas, i);
      const char *parent = kw_record_get_string (area, "parent");
      g_autofree char *title = NULL;

      if (parent != NULL && g_hash_table_contains (known, parent))
        continue;
      title = kw_record_dup_title (area);
      gtk_string_list_append (names, title);
      g_ptr_array_add (ids, g_strdup (kw_record_get_id (area)));
      append_areas (names, ids, areas, kw_record_get_id (area), 1);
    }
  return G_LIST_MODEL (names);
}
