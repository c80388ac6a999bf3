/* kw-person-ops.c: forgetting a person, and merging two into one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-person-ops"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kw-error.h"
#include "kw-person-ops.h"

typedef struct {
  GHashTable *cleared;   /* type name → how many references were cleared */
  GPtrArray  *deleted;   /* the tombstones written (KwRecord) */
} Forgetting;

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

/* What belongs to the person is deleted (with what belongs to that in
 * turn); any other reference to them is cleared. */
static gboolean
forget_reference (KwStore        *store,
                  KwRecord       *record,
                  const KwField  *field,
                  gpointer        data,
                  GError        **error)
{
  Forgetting *forgetting = data;
  const char *type = kw_record_get_type_name (record);
  guint n;

  if (field->flags & KW_FIELD_FLAG_PARENT)
    return kw_store_delete_collect (store, type, kw_record_get_id (record), forgetting->deleted, error);
  if (!set_reference (store, record, field, NULL, error))
    return FALSE;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (forgetting->cleared, type));
  g_hash_table_insert (forgetting->cleared, (gpointer) kw_record_get_entity_type (record)->name,
                       GUINT_TO_POINTER (n + 1));
  return TRUE;
}

static const char *
type_label (const char *type_name,
            guint       n)
{
  const KwEntityType *type = kw_registry_lookup (type_name);

  return g_dgettext (GETTEXT_PACKAGE, n == 1 ? type->label : type->plural);
}

/* In registry order, so that the account reads the same every time. */
static void
describe_records (GString    *text,
                  Forgetting *forgetting)
{
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const char *name = kw_registry_type_at (t)->name;
      guint removed = 0;
      guint cleared = GPOINTER_TO_UINT (g_hash_table_lookup (forgetting->cleared, name));

      for (guint i = 0; i < forgetting->deleted->len; i++)
        if (g_str_equal (kw_record_get_type_name (g_ptr_array_index (forgetting->deleted, i)), name)
            && !g_str_equal (name, "person"))
          removed++;
      if (removed > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Removed: %u × %s"), removed, type_label (name, removed));
        }
      if (cleared > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Name taken off: %u × %s"), cleared, type_label (name, cleared));
        }
    }
}

static void
describe_backups (GString   *text,
                  GPtrArray *scrubbed,
                  GPtrArray *removed)
{
  if (scrubbed->len > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u backup was rewritten without them.",
                                                 "%u backups were rewritten without them.", scrubbed->len),
                              scrubbed->len);
    }
  for (guint i = 0; i < removed->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (removed, i));

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Removed the backup %s: it could not be rewritten without them."),
                              name);
    }
}

/* After the commit: the log, then the backups taken before. */
static gboolean
forget_copies (KwStore     *store,
               const char  *person_id,
               GString     *text,
               GError     **error)
{
  g_autoptr(GPtrArray) scrubbed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) log_error = NULL;

  if (!kw_store_checkpoint (store, &log_error))
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Not yet gone from the database’s log: %s. Forget the person "
                                      "again when no other program uses the database."),
                              log_error->message);
    }
  if (!kw_store_scrub_backups (store, "person", person_id, scrubbed, removed, error))
    {
      g_prefix_error (error, _("The person was erased from the database, but a backup still holds "
                               "them: "));
      return FALSE;
    }
  describe_backups (text, scrubbed, removed);
  return TRUE;
}

/* present > late > absent_notified > absent > invited (> none) */
static int
status_strength (const char *status)
{
  static const char * const order[] = { "invited", "absent", "absent_notified", "late", "present" };

  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (order); i++)
    if (strcmp (status, order[i]) == 0)
      return (int) i + 1;
  return 0;
}

/* Attendance has an id made of (meeting, person): it cannot be pointed
 * at another person, so the merge makes the survivor's own, or keeps the
 * survivor's with the stronger of the two statuses. */
static gboolean
move_attendance (KwStore     *store,
                 KwRecord    *record,
                 const char  *survivor,
                 GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("attendance", error);
  const char *status = kw_record_get_string (record, "status");
  const char *parts[] = { kw_record_get_string (record, "meeting"), survivor, NULL };
  g_autofree char *id = kw_id_derive ("attendance", parts);
  g_autoptr(KwRecord) own = kw_store_lookup (store, "attendance", id, NULL);
  gboolean ok = TRUE;

  if (own != NULL && !kw_record_is_deleted (own))
    {
      if (status != NULL && status_strength (status) > status_strength (kw_record_get_string (own, "status")))
        {
          g_autoptr(KwChangeset) stronger = kw_changeset_new ("attendance", error);

          kw_changeset_set_string (stronger, "status", status);
          ok = kw_store_update (store, id, stronger, error);
        }
    }
  else if (own == NULL)
    {
      g_autofree char *made = NULL;

      kw_changeset_set_string (changes, "meeting", parts[0]);
      kw_changeset_set_string (changes, "person", survivor);
      if (status != NULL)
        kw_changeset_set_string (changes, "status", status);
      ok = (made = kw_store_create (store, changes, error)) != NULL;
    }
  return ok && kw_store_delete (store, "attendance", kw_record_get_id (record), error);
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
  g_autoptr(GHashTable) cleared = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_object_unref);
  Forgetting forgetting = { cleared, deleted };
  g_autoptr(GString) text = NULL;
  g_autoptr(KwRecord) person = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  person = kw_store_lookup (store, "person", person_id, &local_error);
  if (person == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                     _("no %s with id %s"), "person", person_id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!kw_store_begin (store, error))
    return NULL;
  if (kw_record_is_deleted (person))
    g_ptr_array_add (deleted, g_object_ref (person));
  if (!for_each_reference (store, person_id, forget_reference, &forgetting, error)
      || (!kw_record_is_deleted (person) && !kw_store_delete_collect (store, "person", person_id, deleted, error))
      || !kw_store_purge_records (store, deleted, error)
      || !kw_store_commit (store, error))
    {
      kw_store_rollback (store);
      return NULL;
    }
  text = g_string_new (_("The person’s name and every detail were erased."));
  describe_records (text, &forgetting);
  if (!forget_copies (store, person_id, text, error))
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
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
