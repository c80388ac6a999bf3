/* kw-person-tools.c: forgetting a person, and merging two into one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-person-tools"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-person-tools.h"

typedef gboolean (*RefFunc) (KwStore        *store,
                             KwRecord       *record,
                             const KwField  *field,
                             gpointer        data,
                             GError        **error);

/* Helpers */

/* Calls func for every live record with a reference field to a person
 * that holds person_id. */
static gboolean
for_each_reference (KwStore     *store,
                    const char  *person_id,
                    RefFunc      func,
                    gpointer     data,
                    GError     **error)
{
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);

      for (guint f = 0; f < type->n_fields; f++)
        {
          const KwField *field = &type->fields[f];
          g_autoptr(GPtrArray) records = NULL;

          if (field->kind != KW_FIELD_REF || !kw_field_targets (field, "person"))
            continue;
          records = kw_store_list_by_ref (store, type->name, field->name, person_id, error);
          if (records == NULL)
            return FALSE;
          for (guint i = 0; i < records->len; i++)
            if (!func (store, g_ptr_array_index (records, i), field, data, error))
              return FALSE;
        }
    }
  return TRUE;
}

static gboolean
set_reference (KwStore        *store,
               KwRecord       *record,
               const KwField  *field,
               const char     *value,
               GError        **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (kw_record_get_type_name (record), error);

  if (changes == NULL)
    return FALSE;
  if (value != NULL)
    kw_changeset_set_string (changes, field->name, value);
  else
    kw_changeset_set_null (changes, field->name);
  return kw_store_update (store, kw_record_get_id (record), changes, error);
}

static gboolean
forget_reference (KwStore        *store,
                  KwRecord       *record,
                  const KwField  *field,
                  gpointer        data,
                  GError        **error)
{
  GHashTable *counts = data;
  const char *type = kw_record_get_type_name (record);
  gboolean ok;

  if (field->flags & KW_FIELD_FLAG_REQUIRED)
    ok = kw_store_delete (store, type, kw_record_get_id (record), error);
  else
    ok = set_reference (store, record, field, NULL, error);
  if (ok)
    {
      g_autofree char *key = g_strconcat (field->flags & KW_FIELD_FLAG_REQUIRED ? "-" : "~", type, NULL);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

      g_hash_table_insert (counts, g_steal_pointer (&key), GUINT_TO_POINTER (n + 1));
    }
  return ok;
}

static char *
describe_counts (GHashTable *counts)
{
  g_autoptr(GString) text = g_string_new (_("The person’s name and every detail were erased."));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key;
      const KwEntityType *type = kw_registry_lookup (name + 1);
      guint n = GPOINTER_TO_UINT (value);
      const char *label = g_dgettext (GETTEXT_PACKAGE, n == 1 ? type->label : type->plural);

      g_string_append_c (text, '\n');
      if (name[0] == '-')
        g_string_append_printf (text, _("Removed: %u × %s"), n, label);
      else
        g_string_append_printf (text, _("Name taken off: %u × %s"), n, label);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Attendance has an id made of (meeting, person): it cannot be pointed
 * at another person, so the merge makes the survivor's own. */
static gboolean
move_attendance (KwStore     *store,
                 KwRecord    *record,
                 const char  *survivor,
                 GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("attendance", error);
  const char *status = kw_record_get_string (record, "status");
  g_autofree char *id = NULL;

  kw_changeset_set_string (changes, "meeting", kw_record_get_string (record, "meeting"));
  kw_changeset_set_string (changes, "person", survivor);
  if (status != NULL)
    kw_changeset_set_string (changes, "status", status);
  if ((id = kw_store_create (store, changes, NULL)) == NULL)
    g_debug ("the survivor already has attendance for that meeting");
  return kw_store_delete (store, "attendance", kw_record_get_id (record), error);
}

static gboolean
merge_reference (KwStore        *store,
                 KwRecord       *record,
                 const KwField  *field,
                 gpointer        data,
                 GError        **error)
{
  const char *survivor = data;
  const KwEntityType *type = kw_record_get_entity_type (record);

  if (type->flags & KW_TYPE_FLAG_DERIVED_ID)
    return move_attendance (store, record, survivor, error);
  /* a relation between the two would become one of the survivor with itself */
  if (g_str_equal (type->name, "relation")
      && (g_strcmp0 (kw_record_get_string (record, "from"), survivor) == 0
          || g_strcmp0 (kw_record_get_string (record, "to"), survivor) == 0))
    return kw_store_delete (store, "relation", kw_record_get_id (record), error);
  return set_reference (store, record, field, survivor, error);
}

/* Public API */

char *
kw_person_forget (KwStore     *store,
                  const char  *person_id,
                  GError     **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (!kw_store_begin (store, error))
    return NULL;
  if (!for_each_reference (store, person_id, forget_reference, counts, error)
      || !kw_store_delete (store, "person", person_id, error)
      || !kw_store_commit (store, error))
    {
      kw_store_rollback (store);
      return NULL;
    }
  return describe_counts (counts);
}

gboolean
kw_person_merge (KwStore     *store,
                 const char  *survivor,
                 const char  *merged,
                 KwChangeset *changes,
                 GError     **error)
{
  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (survivor != NULL && merged != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (survivor, merged) != 0, FALSE);

  if (!kw_store_begin (store, error))
    return FALSE;
  if ((changes != NULL && kw_changeset_get_n_changes (changes) > 0
       && !kw_store_update (store, survivor, changes, error))
      || !for_each_reference (store, merged, merge_reference, (gpointer) survivor, error)
      || !kw_store_delete (store, "person", merged, error)
      || !kw_store_commit (store, error))
    {
      kw_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
