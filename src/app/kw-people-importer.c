/* kw-people-importer.c: parsed people into the store, in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here runs in the thread of the task when imported with
 * kw_people_import_async(): it uses the store only, never a widget.
 */
#define G_LOG_DOMAIN "kw-people-importer"

#include "config.h"

#include "kw-people-importer.h"
#include "kw-store-query.h"
#include "kw-store-task.h"

static const char * const text_fields[] = {
  "name", "phone", "email", "languages", "communities", "topics", "notes", NULL,
};

typedef struct {
  GPtrArray      *people;
  KwImportPolicy  policy;
} ImportData;

/* Helpers */

static KwChangeset *
make_changes (GHashTable  *person,
              GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", error);

  for (guint i = 0; text_fields[i]; i++)
    {
      const char *text = g_hash_table_lookup (person, text_fields[i]);

      if (text != NULL && !kw_changeset_set_text (changes, text_fields[i], text, error))
        return NULL;
    }
  return g_steal_pointer (&changes);
}

/* A vCard's ORG and TITLE: an affiliation, if the organisation is known. */
static gboolean
add_affiliation (KwStore     *store,
                 const char  *person_id,
                 GHashTable  *person,
                 GError     **error)
{
  const char *name = g_hash_table_lookup (person, "_organisation");
  const char *role = g_hash_table_lookup (person, "_role");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(KwChangeset) changes = NULL;
  g_autofree char *id = NULL;

  if (name == NULL || (hits = kw_store_search (store, name, "organisation", 10, NULL)) == NULL)
    return TRUE;
  for (guint i = 0; i < hits->len; i++)
    {
      KwSearchHit *hit = g_ptr_array_index (hits, i);

      if (g_utf8_collate (hit->title, name) != 0)
        continue;
      changes = kw_changeset_new ("affiliation", error);
      kw_changeset_set_string (changes, "person", person_id);
      kw_changeset_set_string (changes, "organisation", hit->id);
      if (role != NULL)
        kw_changeset_set_string (changes, "role", role);
      id = kw_store_create (store, changes, error);
      return id != NULL;
    }
  return TRUE;
}

static gboolean
import_person (KwStore               *store,
               GHashTable            *person,
               KwImportPolicy         policy,
               KwPeopleImportCounts  *counts,
               GError               **error)
{
  g_autofree char *existing = policy == KW_IMPORT_CREATE ? NULL : kw_people_find_existing (store, person);
  g_autoptr(KwChangeset) changes = make_changes (person, error);
  g_autofree char *id = NULL;

  if (changes == NULL)
    return FALSE;
  if (existing != NULL && policy == KW_IMPORT_SKIP)
    {
      counts->skipped++;
      return TRUE;
    }
  if (existing != NULL)
    {
      counts->updated++;
      return kw_store_update (store, existing, changes, error);
    }
  if ((id = kw_store_create (store, changes, error)) == NULL)
    return FALSE;
  counts->added++;
  return add_affiliation (store, id, person, error);
}

static void
import_data_free (ImportData *data)
{
  g_ptr_array_unref (data->people);
  g_free (data);
}

/* In the thread. */
static gpointer
import_work (KwStore       *store,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportData *data = user_data;
  KwPeopleImportCounts counts = { 0 };

  if (!kw_people_import (store, data->people, data->policy, &counts, cancellable, error))
    return NULL;
  return g_memdup2 (&counts, sizeof counts);
}

/* Public API */

char *
kw_people_find_existing (KwStore    *store,
                         GHashTable *person)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return kw_store_find_person (store, g_hash_table_lookup (person, "email"),
                               g_hash_table_lookup (person, "phone"),
                               g_hash_table_lookup (person, "name"));
}

gboolean
kw_people_import (KwStore               *store,
                  GPtrArray             *people,
                  KwImportPolicy         policy,
                  KwPeopleImportCounts  *counts,
                  GCancellable          *cancellable,
                  GError               **error)
{
  KwPeopleImportCounts done = { 0 };

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (people != NULL && counts != NULL, FALSE);

  if (!kw_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    if (g_cancellable_set_error_if_cancelled (cancellable, error)
        || !import_person (store, g_ptr_array_index (people, i), policy, &done, error))
      {
        kw_store_rollback (store);
        return FALSE;
      }
  if (!kw_store_commit (store, error))
    {
      kw_store_rollback (store);
      return FALSE;
    }
  *counts = done;
  return TRUE;
}

void
kw_people_import_async (KwStore             *store,
                        GPtrArray           *people,
                        KwImportPolicy       policy,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  ImportData *data;

  g_return_if_fail (KW_IS_STORE (store));
  g_return_if_fail (people != NULL);

  data = g_new0 (ImportData, 1);
  data->people = g_ptr_array_ref (people);
  data->policy = policy;
  kw_store_task_run_async (store, import_work, data, (GDestroyNotify) import_data_free, g_free,
                           cancellable, callback, user_data);
}

gboolean
kw_people_import_finish (KwStore               *store,
                         GAsyncResult          *result,
                         KwPeopleImportCounts  *counts,
                         GError               **error)
{
  g_autofree KwPeopleImportCounts *done = kw_store_task_run_finish (store, result, error);

  if (done == NULL)
    return FALSE;
  if (counts != NULL)
    *counts = *done;
  return TRUE;
}
