/* kw-conflicts.c: picking from the values a sync kept aside
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The conflicts are stored and listed by the sync engine (kw-store-sync.c,
 * kw_import_list_conflicts), their values decoded on its JSON side
 * (kw-import.c). What is chosen here goes through the store's ordinary
 * writes, each choice one transaction.
 */
#define G_LOG_DOMAIN "kw-conflicts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kw-conflicts.h"
#include "kw-error.h"
#include "kw-hlc.h"
#include "kw-import.h"

/* Helpers */

static gboolean
end_write (KwStore   *store,
           gboolean   ok,
           GError   **error)
{
  if (ok && kw_store_commit (store, error))
    return TRUE;
  kw_store_rollback (store);
  return FALSE;
}

static gboolean
same_record (const KwConflict *c,
             const char       *type_name,
             const char       *id)
{
  return g_str_equal (c->type_name, type_name) && g_str_equal (c->id, id);
}

/* The unresolved conflicts of one record, oldest first. */
static GPtrArray *
list_record (KwStore     *store,
             const char  *type_name,
             const char  *id,
             GError     **error)
{
  g_autoptr(GPtrArray) all = kw_import_list_conflicts (store, FALSE, error);
  g_autoptr(GPtrArray) mine = NULL;

  if (all == NULL)
    return NULL;
  mine = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_conflict_free);
  for (guint i = 0; i < all->len; i++)
    if (same_record (all->pdata[i], type_name, id))
      g_ptr_array_add (mine, g_steal_pointer (&all->pdata[i]));
  if (mine->len == 0)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                   _("%s %s has no unresolved conflicts"), type_name, id);
      return NULL;
    }
  return g_steal_pointer (&mine);
}

static gboolean
resolve_all (KwStore    *store,
             GPtrArray  *conflicts,
             GError    **error)
{
  for (guint i = 0; i < conflicts->len; i++)
    if (!kw_import_resolve_conflict (store, ((KwConflict *) conflicts->pdata[i])->rowid, error))
      return FALSE;
  return TRUE;
}

/* The conflict's value, or why it cannot be used. */
static gboolean
get_value (const KwField     *field,
           const KwConflict  *c,
           GVariant         **value,
           GError           **error)
{
  *value = NULL;
  if (!c->value_read)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: the other value cannot be read"), field->name);
      return FALSE;
    }
  *value = c->value != NULL ? g_variant_ref (c->value) : NULL;
  return TRUE;
}

/* Whether a value can go into a new record: references only to live ones. */
static gboolean
is_restorable (KwStore       *store,
               const KwField *field,
               GVariant      *value)
{
  if (value == NULL)
    return FALSE;
  if (field->kind != KW_FIELD_REF)
    return TRUE;
  return kw_store_find_type (store, field->targets, g_variant_get_string (value, NULL)) != NULL;
}

/* The newest kept value of each field of a deleted record. */
static gboolean
collect_kept_values (KwStore      *store,
                     GPtrArray    *conflicts,
                     KwChangeset  *changes,
                     GError      **error)
{
  const KwEntityType *type = kw_changeset_get_entity_type (changes);
  g_autoptr(GHashTable) newest = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, item;

  for (guint i = 0; i < conflicts->len; i++)
    {
      KwConflict *c = conflicts->pdata[i];
      KwConflict *known;

      if (kw_entity_type_field (type, c->field) == NULL)
        continue;
      known = g_hash_table_lookup (newest, c->field);
      if (known == NULL || kw_hlc_compare (c->hlc, known->hlc) > 0)
        g_hash_table_insert (newest, c->field, c);
    }
  g_hash_table_iter_init (&iter, newest);
  while (g_hash_table_iter_next (&iter, &key, &item))
    {
      const KwField *field = kw_entity_type_field (type, key);
      g_autoptr(GVariant) value = NULL;

      if (!get_value (field, item, &value, error))
        return FALSE;
      if (is_restorable (store, field, value) && !kw_changeset_set (changes, key, value, error))
        return FALSE;
    }
  return TRUE;
}

/* A required text the kept values lack (a name the deleter had seen,
 * so not kept) gets a placeholder the user can change. */
static void
fill_required_texts (KwChangeset *changes)
{
  const KwEntityType *type = kw_changeset_get_entity_type (changes);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const KwField *field = &type->fields[i];

      if ((field->flags & KW_FIELD_FLAG_REQUIRED) && field->kind == KW_FIELD_TEXT
          && !kw_changeset_has (changes, field->name))
        kw_changeset_set_string (changes, field->name, _("Restored record"));
    }
}

/* Public API */

void
kw_conflict_free (KwConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->type_name);
  g_free (conflict->id);
  g_free (conflict->field);
  g_free (conflict->value_json);
  g_clear_pointer (&conflict->value, g_variant_unref);
  g_free (conflict->hlc);
  g_free (conflict->organiser);
  g_free (conflict->kind);
  g_free (conflict->noted_at);
  g_free (conflict);
}

KwConflict *
kw_conflicts_lookup (KwStore  *store,
                     gint64    conflict_id,
                     GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  if ((list = kw_import_list_conflicts (store, FALSE, error)) == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    if (((KwConflict *) list->pdata[i])->rowid == conflict_id)
      return g_steal_pointer (&list->pdata[i]);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, conflict_id);
  /* Translators: %s is the conflict's number, as `kwartier-cli conflicts` lists it */
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND, _("no unresolved conflict %s"), number);
  return NULL;
}

/* The conflict's field, on a live record; or why not. */
static const KwField *
find_live_field (KwStore           *store,
                 const KwConflict  *c,
                 KwChangeset       *changes,
                 GError           **error)
{
  const KwField *field = kw_entity_type_field (kw_changeset_get_entity_type (changes), c->field);
  g_autoptr(KwRecord) record = NULL;

  if (field == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_UNKNOWN_FIELD,
                   _("%s: no such field on %s"), c->field, c->type_name);
      return NULL;
    }
  record = kw_store_lookup (store, c->type_name, c->id, NULL);
  if (record == NULL || kw_record_is_deleted (record))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED,
                   _("%s %s was deleted: restore it as a new record instead"), c->type_name, c->id);
      return NULL;
    }
  return field;
}

/* @value into the conflict's field and the conflict resolved, at once. */
static gboolean
write_and_resolve (KwStore           *store,
                   const KwConflict  *c,
                   KwChangeset       *changes,
                   GVariant          *value,
                   GError           **error)
{
  gboolean ok;

  if (value != NULL && !kw_changeset_set (changes, c->field, value, error))
    return FALSE;
  if (value == NULL)
    kw_changeset_set_null (changes, c->field);
  if (!kw_store_begin (store, error))
    return FALSE;
  ok = kw_store_update (store, c->id, changes, error)
       && kw_import_resolve_conflict (store, c->rowid, error);
  return end_write (store, ok, error);
}

gboolean
kw_conflict_use (KwStore  *store,
                 gint64    conflict_id,
                 GError  **error)
{
  g_autoptr(KwConflict) c = NULL;
  g_autoptr(KwChangeset) changes = NULL;
  g_autoptr(GVariant) value = NULL;
  const KwField *field;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);

  if ((c = kw_conflicts_lookup (store, conflict_id, error)) == NULL
      || (changes = kw_changeset_new (c->type_name, error)) == NULL
      || (field = find_live_field (store, c, changes, error)) == NULL
      || !get_value (field, c, &value, error))
    return FALSE;
  return write_and_resolve (store, c, changes, value, error);
}

gboolean
kw_conflicts_resolve_with_value (KwStore  *store,
                                 gint64    conflict_id,
                                 GVariant *value,
                                 GError  **error)
{
  g_autoptr(KwConflict) c = NULL;
  g_autoptr(KwChangeset) changes = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);

  if ((c = kw_conflicts_lookup (store, conflict_id, error)) == NULL
      || (changes = kw_changeset_new (c->type_name, error)) == NULL
      || find_live_field (store, c, changes, error) == NULL)
    return FALSE;
  return write_and_resolve (store, c, changes, value, error);
}

gboolean
kw_conflict_keep (KwStore  *store,
                  gint64    conflict_id,
                  GError  **error)
{
  g_autoptr(KwConflict) c = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);

  if ((c = kw_conflicts_lookup (store, conflict_id, error)) == NULL)
    return FALSE;
  return kw_import_resolve_conflict (store, c->rowid, error);
}

gboolean
kw_conflicts_restore_record (KwStore     *store,
                             const char  *type_name,
                             const char  *id,
                             char       **new_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(KwChangeset) changes = NULL;
  g_autofree char *made = NULL;
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (type_name != NULL && id != NULL, FALSE);

  if ((conflicts = list_record (store, type_name, id, error)) == NULL
      || (changes = kw_changeset_new (type_name, error)) == NULL
      || !collect_kept_values (store, conflicts, changes, error))
    return FALSE;
  fill_required_texts (changes);
  if (!kw_store_begin (store, error))
    return FALSE;
  ok = (made = kw_store_create (store, changes, error)) != NULL
       && resolve_all (store, conflicts, error);
  if (!end_write (store, ok, error))
    return FALSE;
  if (new_id != NULL)
    *new_id = g_steal_pointer (&made);
  return TRUE;
}

gboolean
kw_conflicts_discard_record (KwStore     *store,
                             const char  *type_name,
                             const char  *id,
                             GError     **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (type_name != NULL && id != NULL, FALSE);

  if ((conflicts = list_record (store, type_name, id, error)) == NULL
      || !kw_store_begin (store, error))
    return FALSE;
  return end_write (store, resolve_all (store, conflicts, error), error);
}
