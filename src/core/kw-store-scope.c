/* kw-store-scope.c: the records of a partial export's scope
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scope grows from its root along the registry's references to a fixed
 * point (spec/export-format.md, "A partial export"; docs/export-format.md),
 * then takes in the people, organisations, areas and venues its records
 * refer to. Split from kw-store-sync.c.
 */
#define G_LOG_DOMAIN "kw-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kw-error.h"
#include "kw-export.h"
#include "kw-store-private.h"
#include "kw-sync-private.h"

/* Helpers: scopes */

typedef struct {
  KwStore    *store;
  GHashTable *sets;   /* type name → set of ids */
  GQueue      todo;   /* "type\nid" to look at for references */
} Scope;

static gboolean
scope_add (Scope      *scope,
           const char *type_name,
           const char *id)
{
  GHashTable *set = g_hash_table_lookup (scope->sets, type_name);

  if (set == NULL)
    {
      set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (scope->sets, (gpointer) type_name, set);
    }
  if (!g_hash_table_add (set, g_strdup (id)))
    return FALSE;
  g_queue_push_tail (&scope->todo, g_strconcat (type_name, "\n", id, NULL));
  return TRUE;
}

static gboolean
row_exists (KwStore    *store,
            const char *type_name,
            const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?", type_name);
  sqlite3_stmt *stmt = _kw_store_prepare (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Live records of type whose field is one of the ids of source. */
static gboolean
scope_add_children (Scope       *scope,
                    const char  *type_name,
                    const char  *field,
                    const char  *source,
                    GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ? AND deleted IS NULL",
                                          type_name, field);
  GHashTable *set = g_hash_table_lookup (scope->sets, source);
  g_autoptr(GPtrArray) parents = NULL;
  GHashTableIter iter;
  gpointer key;

  if (set == NULL)
    return TRUE;
  parents = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (parents, g_strdup (key));
  for (guint i = 0; i < parents->len; i++)
    {
      sqlite3_stmt *stmt = _kw_store_prepare (scope->store, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (parents, i), -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        scope_add (scope, kw_registry_lookup (type_name)->name,
                   (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static guint
scope_size (Scope *scope)
{
  GHashTableIter iter;
  gpointer set;
  guint n = 0;

  g_hash_table_iter_init (&iter, scope->sets);
  while (g_hash_table_iter_next (&iter, NULL, &set))
    n += g_hash_table_size (set);
  return n;
}

/* Whether a scope of root type @root grows along @field (a REF): an
 * area's along the plain references to an area (the areas below it and
 * what lies in them), any other's along what belongs to (PARENT) or takes
 * part in (CONTEXT) a record of the scope. */
static gboolean
scope_follows (const KwEntityType *root,
               const KwField      *field)
{
  if (root == kw_registry_lookup ("area"))
    return kw_field_targets (field, "area")
           && !(field->flags & (KW_FIELD_FLAG_PARENT | KW_FIELD_FLAG_CONTEXT));
  return (field->flags & (KW_FIELD_FLAG_PARENT | KW_FIELD_FLAG_CONTEXT)) != 0;
}

/* What the registry's references put in the scope of @root, to a fixed
 * point: the records that refer, along a field scope_follows(), to one
 * already in it (spec/export-format.md, "A partial export"). */
static gboolean
scope_add_reach (Scope               *scope,
                 const KwEntityType  *root,
                 GError             **error)
{
  guint before;

  do
    {
      before = scope_size (scope);
      for (guint t = 0; t < kw_registry_n_types (); t++)
        {
          const KwEntityType *type = kw_registry_type_at (t);

          for (guint i = 0; i < type->n_fields; i++)
            {
              const KwField *field = &type->fields[i];

              if (field->kind != KW_FIELD_REF || !scope_follows (root, field))
                continue;
              for (guint k = 0; field->targets[k]; k++)
                if (!scope_add_children (scope, type->name, field->name, field->targets[k], error))
                  return FALSE;
            }
        }
    }
  while (scope_size (scope) != before);
  return TRUE;
}

static gboolean
is_closure_type (const char *type_name)
{
  return g_strcmp0 (type_name, "person") == 0 || g_strcmp0 (type_name, "organisation") == 0
         || g_strcmp0 (type_name, "area") == 0 || g_strcmp0 (type_name, "venue") == 0;
}

/* Adds the people, organisations, areas and venues a record refers to. */
static void
scope_add_references (Scope      *scope,
                      const char *type_name,
                      const char *id)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  sqlite3_stmt *stmt = _kw_store_prepare (scope->store, _kw_store_sync_sql_for (type)->by_id, NULL);
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (guint));

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; i < type->n_fields; i++)
      if (type->fields[i].kind == KW_FIELD_REF
          && sqlite3_column_type (stmt, KW_COL_VALUE (i)) != SQLITE_NULL)
        {
          g_array_append_val (fields, i);
          g_ptr_array_add (refs, g_strdup ((const char *) sqlite3_column_text (stmt, KW_COL_VALUE (i))));
        }
  sqlite3_reset (stmt);
  for (guint k = 0; k < refs->len; k++)
    {
      const KwField *field = &type->fields[g_array_index (fields, guint, k)];
      const char *target_id = g_ptr_array_index (refs, k);

      for (guint t = 0; field->targets[t]; t++)
        if (is_closure_type (field->targets[t]) && row_exists (scope->store, field->targets[t], target_id))
          scope_add (scope, kw_registry_lookup (field->targets[t])->name, target_id);
    }
}

GHashTable *
_kw_store_sync_collect_scope (KwStore     *store,
                              const char  *kind,
                              const char  *id,
                              GError     **error)
{
  Scope scope = { store, NULL, G_QUEUE_INIT };
  const KwEntityType *root = kw_registry_lookup (kind);
  KwExportScope scope_kind;
  char *item;

  /* only a scope's root (not a person, whose PARENT references would pull in their
   * affiliations and relations) */
  if (!kw_export_scope_from_string (kind, &scope_kind) || scope_kind == KW_EXPORT_SCOPE_ALL)
    root = NULL;
  if (root == NULL || !row_exists (store, root->name, id))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                   _("no %s with id %s"), kind, id);
      return NULL;
    }
  scope.sets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  scope_add (&scope, root->name, id);
  if (!scope_add_reach (&scope, root, error))
    goto fail;
  while ((item = g_queue_pop_head (&scope.todo)) != NULL)
    {
      char *nl = strchr (item, '\n');

      *nl = '\0';
      scope_add_references (&scope, item, nl + 1);
      g_free (item);
    }
  return scope.sets;

fail:
  g_queue_clear_full (&scope.todo, g_free);
  g_hash_table_unref (scope.sets);
  return NULL;
}
