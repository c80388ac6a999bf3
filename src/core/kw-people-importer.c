/* kw-people-importer.c: people from a contact file into the store, and back out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Uses the store only, never a widget: the application runs it in the
 * thread of a task (kw_store_run_async), kwartier-cli on its own thread.
 * Every write is noted in the result's journal: a record made, or the
 * fields of a record updated with their values before.
 */
#define G_LOG_DOMAIN "kw-people-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-error.h"
#include "kw-people-import.h"
#include "kw-people-importer.h"

/* What kw_changeset_set_text() takes from a row; "name" first. */
static const char * const text_fields[] = {
  "name", "phone", "email", "languages", "communities", "topics", "notes", NULL,
};
/* Comma lists: an update adds what is new to them. */
static const char * const list_fields[] = { "languages", "communities", "topics", NULL };

typedef struct {
  const char *type_name;   /* from the registry */
  char       *id;
  gboolean    created;     /* else updated: */
  GPtrArray  *fields;      /* the fields written (char *) */
  GPtrArray  *previous;    /* their values before (GVariant *, NULL for null) */
} Entry;

typedef struct {
  KwStore                     *store;
  const KwPeopleImportOptions *options;
  KwPeopleMatcher             *matcher;
  KwPeopleImportResult        *result;
} Import;

G_DEFINE_BOXED_TYPE (KwPeopleImportResult, kw_people_import_result,
                     kw_people_import_result_ref, kw_people_import_result_unref)

/* Helpers: the result */

static void
entry_free (Entry *entry)
{
  g_free (entry->id);
  g_clear_pointer (&entry->fields, g_ptr_array_unref);
  g_clear_pointer (&entry->previous, g_ptr_array_unref);
  g_free (entry);
}

static void
variant_unref0 (gpointer value)
{
  if (value != NULL)
    g_variant_unref (value);
}

static Entry *
journal_add (Import     *import,
             const char *type_name,
             const char *id,
             gboolean    created)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->type_name = kw_registry_lookup (type_name)->name;
  entry->id = g_strdup (id);
  entry->created = created;
  if (!created)
    {
      entry->fields = g_ptr_array_new_with_free_func (g_free);
      entry->previous = g_ptr_array_new_with_free_func (variant_unref0);
    }
  g_ptr_array_add (import->result->journal, entry);
  return entry;
}

static void
row_free (KwPeopleImportRow *row)
{
  g_free (row->name);
  kw_people_match_clear (&row->match);
  g_free (row->id);
  g_strfreev (row->changed);
  g_free (row);
}

static void
add_unique (GPtrArray  *names,
            const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return;
  g_ptr_array_add (names, g_strdup (name));
}

static KwPeopleImportResult *
result_new (void)
{
  KwPeopleImportResult *result = g_new0 (KwPeopleImportResult, 1);

  result->ref_count = 1;
  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  result->organisations = g_ptr_array_new_with_free_func (g_free);
  result->unknown_areas = g_ptr_array_new_with_free_func (g_free);
  result->journal = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  return result;
}

/* Helpers: values */

static KwImportPolicy
row_policy (GHashTable     *person,
            KwImportPolicy  policy)
{
  const char *wish = g_hash_table_lookup (person, "_policy");

  if (g_strcmp0 (wish, "skip") == 0)
    return KW_IMPORT_SKIP;
  if (g_strcmp0 (wish, "update") == 0)
    return KW_IMPORT_UPDATE;
  if (g_strcmp0 (wish, "new") == 0)
    return KW_IMPORT_CREATE;
  return policy;
}

/* "Nederlands, Turks" + "turks, Koerdisch" → "Nederlands, Turks, Koerdisch" */
static char *
merge_list (const char *old,
            const char *add)
{
  g_autofree char *joined = g_strconcat (old ? old : "", ",", add, NULL);
  g_auto(GStrv) items = g_strsplit (joined, ",", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; items[i]; i++)
    {
      char *item = g_strstrip (items[i]);
      char *key = g_utf8_casefold (item, -1);

      if (*item == '\0' || g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (seen, key);
      g_ptr_array_add (kept, item);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (", ", (GStrv) kept->pdata);
}

/* What an update writes into a field: lists gain the new items, notes
 * gain the new text, other fields take the file's value. */
static char *
updated_text (const char *field,
              const char *old,
              const char *text)
{
  if (g_strv_contains (list_fields, field))
    return merge_list (old, text);
  if (g_str_equal (field, "notes") && old != NULL && *old != '\0')
    return strstr (old, text) ? g_strdup (old) : g_strdup_printf ("%s\n\n%s", old, text);
  return g_strdup (text);
}

static void
append_note (GString    *notes,
             const char *line)
{
  g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n" : "", line);
}

/* The row's notes, with what has no field of its own added: an
 * organisation that is not created, a value the field refuses. */
static void
add_extra_notes (Import     *import,
                 GHashTable *person,
                 GString    *extra)
{
  const char *organisation = g_hash_table_lookup (person, "_organisation");
  const char *role = g_hash_table_lookup (person, "_role");
  g_autofree char *line = NULL;

  if (organisation == NULL || import->options->create_organisations
      || kw_people_matcher_find (import->matcher, "organisation", organisation) != NULL)
    return;
  line = role ? g_strdup_printf (_("Organisation: %s (%s)"), organisation, role)
              : g_strdup_printf (_("Organisation: %s"), organisation);
  append_note (extra, line);
}

static const char *
area_of (Import     *import,
         GHashTable *person)
{
  const char *name = g_hash_table_lookup (person, "_area");
  const char *id = kw_people_matcher_find (import->matcher, "area", name);

  if (name != NULL && id == NULL)
    add_unique (import->result->unknown_areas, name);
  return id;
}

/* Helpers: writes */

static gboolean
create_record (Import       *import,
               KwChangeset  *changes,
               const char   *name,
               char        **id_out,
               GError      **error)
{
  const char *type_name = kw_changeset_get_entity_type (changes)->name;
  g_autofree char *id = kw_store_create (import->store, changes, error);

  if (id == NULL)
    return FALSE;
  journal_add (import, type_name, id, TRUE);
  if (name != NULL)
    kw_people_matcher_add (import->matcher, type_name, id, name);
  if (id_out != NULL)
    *id_out = g_steal_pointer (&id);
  return TRUE;
}

static const char *
find_or_create_organisation (Import      *import,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(KwChangeset) changes = NULL;
  const char *id = kw_people_matcher_find (import->matcher, "organisation", name);

  if (id != NULL || !import->options->create_organisations)
    return id;
  changes = kw_changeset_new ("organisation", error);
  if (changes == NULL || !kw_changeset_set_text (changes, "name", name, error)
      || !create_record (import, changes, name, NULL, error))
    return NULL;
  add_unique (import->result->organisations, name);
  return kw_people_matcher_find (import->matcher, "organisation", name);
}

static gboolean
has_affiliation (Import     *import,
                 const char *person_id,
                 const char *organisation_id)
{
  g_autoptr(GPtrArray) list = kw_store_list_by_ref (import->store, "affiliation", "person", person_id, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_strcmp0 (kw_record_get_string (g_ptr_array_index (list, i), "organisation"), organisation_id) == 0)
      return TRUE;
  return FALSE;
}

/* ORG and TITLE, a CSV's Organisation and Role: an affiliation. */
static gboolean
add_affiliation (Import      *import,
                 const char  *person_id,
                 GHashTable  *person,
                 GError     **error)
{
  const char *name = g_hash_table_lookup (person, "_organisation");
  const char *role = g_hash_table_lookup (person, "_role");
  g_autoptr(KwChangeset) changes = NULL;
  const char *organisation;
  GError *local = NULL;

  if (name == NULL)
    return TRUE;
  organisation = find_or_create_organisation (import, name, &local);
  if (local != NULL)
    return (g_propagate_error (error, local), FALSE);
  if (organisation == NULL || has_affiliation (import, person_id, organisation))
    return TRUE;
  changes = kw_changeset_new ("affiliation", error);
  kw_changeset_set_string (changes, "person", person_id);
  kw_changeset_set_string (changes, "organisation", organisation);
  if (role != NULL && !kw_changeset_set_text (changes, "role", role, error))
    return FALSE;  /* a role over the cap of a short text: the import says so */
  return create_record (import, changes, NULL, NULL, error);
}

/* A value the field refuses goes into the notes ("E-mail: a@@b"). */
static void
set_text_or_note (KwChangeset *changes,
                  const char  *field,
                  const char  *text,
                  GString     *extra)
{
  g_autoptr(GError) refused = NULL;
  g_autofree char *line = NULL;

  if (kw_changeset_set_text (changes, field, text, &refused))
    return;
  line = g_strdup_printf ("%s: %s",
                          _(kw_entity_type_field (kw_changeset_get_entity_type (changes), field)->label), text);
  append_note (extra, line);
}

static gboolean
create_person (Import             *import,
               GHashTable         *person,
               KwPeopleImportRow  *row,
               GError            **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", error);
  g_autoptr(GString) extra = g_string_new (NULL);
  const char *area = area_of (import, person);
  const char *notes = g_hash_table_lookup (person, "notes");

  if (changes == NULL || !kw_changeset_set_text (changes, "name", row->name, error))
    return FALSE;
  for (guint i = 1; text_fields[i]; i++)
    {
      const char *text = g_hash_table_lookup (person, text_fields[i]);

      if (text != NULL && !g_str_equal (text_fields[i], "notes"))
        set_text_or_note (changes, text_fields[i], text, extra);
    }
  add_extra_notes (import, person, extra);
  if (notes != NULL || extra->len > 0)
    {
      g_autofree char *all = notes && extra->len ? g_strdup_printf ("%s\n\n%s", notes, extra->str)
                                                 : g_strdup (notes ? notes : extra->str);
      set_text_or_note (changes, "notes", all, extra);
    }
  if (area != NULL)
    kw_changeset_set_string (changes, "area", area);
  if (import->options->consent != NULL)
    kw_changeset_set_string (changes, "consent", import->options->consent);
  if (!create_record (import, changes, NULL, &row->id, error))
    return FALSE;
  kw_people_matcher_add_person (import->matcher, row->id, person);
  return add_affiliation (import, row->id, person, error);
}

/* One field of an update: written, with its value before in the journal,
 * when it changes. */
static void
update_field (KwChangeset *changes,
              Entry       *entry,
              KwRecord    *old,
              const char  *field,
              GVariant    *value)
{
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  GVariant *before = kw_record_get_value (old, field);

  if (owned == NULL || (before != NULL && g_variant_equal (before, owned)))
    return;
  if (!kw_changeset_set (changes, field, owned, NULL))
    return;
  g_ptr_array_add (entry->fields, g_strdup (field));
  g_ptr_array_add (entry->previous, before ? g_variant_ref (before) : NULL);
}

static void
update_text_fields (Import      *import,
                    GHashTable  *person,
                    KwRecord    *old,
                    KwChangeset *changes,
                    Entry       *entry)
{
  g_autoptr(GString) extra = g_string_new (NULL);

  add_extra_notes (import, person, extra);
  for (guint i = 1; text_fields[i]; i++)   /* never the name */
    {
      const char *field = text_fields[i];
      const char *text = g_hash_table_lookup (person, field);
      g_autofree char *joined = NULL;
      g_autofree char *merged = NULL;
      g_autoptr(KwChangeset) probe = kw_changeset_new ("person", NULL);
      GVariant *value = NULL;

      if (g_str_equal (field, "notes") && extra->len > 0)
        text = joined = text ? g_strdup_printf ("%s\n\n%s", text, extra->str) : g_strdup (extra->str);
      if (text == NULL)
        continue;  /* the file leaves it empty: kept */
      merged = updated_text (field, kw_record_get_string (old, field), text);
      if (!kw_changeset_set_text (probe, field, merged, NULL) || !kw_changeset_get_change (probe, 0, NULL, &value))
        continue;
      update_field (changes, entry, old, field, value);
    }
}

static gboolean
update_person (Import             *import,
               GHashTable         *person,
               KwPeopleImportRow  *row,
               GError            **error)
{
  g_autoptr(KwRecord) old = kw_store_get (import->store, "person", row->match.id, error);
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", error);
  const char *area = area_of (import, person);
  Entry *entry;

  if (old == NULL || changes == NULL)
    return FALSE;
  row->id = g_strdup (row->match.id);
  entry = journal_add (import, "person", row->id, FALSE);
  update_text_fields (import, person, old, changes, entry);
  if (area != NULL)
    update_field (changes, entry, old, "area", g_variant_new_string (area));
  if (import->options->consent != NULL && kw_record_is_null (old, "consent"))
    update_field (changes, entry, old, "consent", g_variant_new_string (import->options->consent));
  g_ptr_array_add (entry->fields, NULL);
  row->changed = g_strdupv ((GStrv) entry->fields->pdata);
  g_ptr_array_set_size (entry->fields, entry->fields->len - 1);
  if (kw_changeset_get_n_changes (changes) > 0 && !kw_store_update (import->store, row->id, changes, error))
    return FALSE;
  return add_affiliation (import, row->id, person, error);
}

static KwPeopleRowOutcome
decide (KwPeopleImportRow *row,
        KwImportPolicy     policy,
        gboolean           asked_to_skip)
{
  switch (row->match.kind)
    {
    case KW_PEOPLE_MATCH_SAME:
      return policy == KW_IMPORT_SKIP ? KW_PEOPLE_ROW_SKIPPED
           : policy == KW_IMPORT_UPDATE ? KW_PEOPLE_ROW_UPDATED : KW_PEOPLE_ROW_ADDED_ANEW;
    case KW_PEOPLE_MATCH_POSSIBLE:
      /* never changes the person here; skipped only when asked for this row */
      return asked_to_skip ? KW_PEOPLE_ROW_SKIPPED : KW_PEOPLE_ROW_DUPLICATE;
    case KW_PEOPLE_MATCH_NONE:
    default:
      return KW_PEOPLE_ROW_ADDED;
    }
}

static gboolean
import_row (Import      *import,
            GHashTable  *person,
            guint        index,
            GError     **error)
{
  KwPeopleImportResult *result = import->result;
  KwPeopleImportRow *row = g_new0 (KwPeopleImportRow, 1);
  const char *number = g_hash_table_lookup (person, "_row");
  KwImportPolicy policy = row_policy (person, import->options->policy);

  g_ptr_array_add (result->rows, row);
  row->row = number ? (guint) g_ascii_strtoull (number, NULL, 10) : index + 1;
  row->name = g_strdup (g_hash_table_lookup (person, "name"));
  if (row->name == NULL)
    return TRUE;
  kw_people_matcher_match (import->matcher, person, &row->match);
  row->outcome = decide (row, policy, g_strcmp0 (g_hash_table_lookup (person, "_policy"), "skip") == 0);
  switch (row->outcome)
    {
    case KW_PEOPLE_ROW_SKIPPED:
      result->skipped++;
      return TRUE;
    case KW_PEOPLE_ROW_UPDATED:
      result->updated++;
      return update_person (import, person, row, error);
    case KW_PEOPLE_ROW_DUPLICATE:
      result->duplicates++;
      return create_person (import, person, row, error);
    default:
      result->added++;
      return create_person (import, person, row, error);
    }
}

static gboolean
import_all (Import        *import,
            GPtrArray     *people,
            GCancellable  *cancellable,
            GError       **error)
{
  for (guint i = 0; i < people->len; i++)
    if (g_cancellable_set_error_if_cancelled (cancellable, error)
        || !import_row (import, g_ptr_array_index (people, i), i, error))
      return FALSE;
  return TRUE;
}

/* Undo: the values before, as a new write. */
static gboolean
restore_entry (KwStore  *store,
               Entry    *entry,
               GError  **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (entry->type_name, error);
  g_autoptr(KwRecord) now = kw_store_lookup (store, entry->type_name, entry->id, error);

  if (changes == NULL || now == NULL || kw_record_is_deleted (now))
    return changes != NULL;   /* gone meanwhile: nothing to give back */
  for (guint i = 0; i < entry->fields->len; i++)
    {
      GVariant *value = g_ptr_array_index (entry->previous, i);
      const char *field = g_ptr_array_index (entry->fields, i);

      if (value == NULL)
        kw_changeset_set_null (changes, field);
      else if (!kw_changeset_set (changes, field, value, error))
        return FALSE;
    }
  return kw_changeset_get_n_changes (changes) == 0 || kw_store_update (store, entry->id, changes, error);
}

static gboolean
undo_entry (KwStore  *store,
            Entry    *entry,
            GError  **error)
{
  g_autoptr(KwRecord) now = NULL;

  if (!entry->created)
    return restore_entry (store, entry, error);
  now = kw_store_lookup (store, entry->type_name, entry->id, error);
  if (now == NULL || kw_record_is_deleted (now))
    return TRUE;   /* deleted meanwhile */
  return kw_store_delete (store, entry->type_name, entry->id, error);
}

/* Public API */

KwPeopleImportResult *
kw_people_import_result_ref (KwPeopleImportResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_int_inc (&result->ref_count);
  return result;
}

void
kw_people_import_result_unref (KwPeopleImportResult *result)
{
  g_return_if_fail (result != NULL);

  if (!g_atomic_int_dec_and_test (&result->ref_count))
    return;
  g_ptr_array_unref (result->rows);
  g_ptr_array_unref (result->organisations);
  g_ptr_array_unref (result->unknown_areas);
  g_ptr_array_unref (result->journal);
  g_free (result);
}

char *
kw_people_import_result_dup_summary (KwPeopleImportResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return g_strdup_printf ("added %u, updated %u, possible duplicates %u, skipped %u",
                          result->added, result->updated, result->duplicates, result->skipped);
}

gboolean
kw_people_import_result_has_changes (KwPeopleImportResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);

  if (result->undone)
    return FALSE;
  for (guint i = 0; i < result->journal->len; i++)
    {
      Entry *entry = g_ptr_array_index (result->journal, i);

      if (entry->created || entry->fields->len > 0)
        return TRUE;
    }
  return FALSE;
}

guint
kw_people_import_result_get_n_new (KwPeopleImportResult *result)
{
  g_return_val_if_fail (result != NULL, 0);

  return result->added + result->duplicates;
}

char *
kw_people_import_row_dup_line (const KwPeopleImportRow *row)
{
  static const char * const outcomes[] = {
    [KW_PEOPLE_ROW_ADDED] = "added",
    [KW_PEOPLE_ROW_ADDED_ANEW] = "added as new",
    [KW_PEOPLE_ROW_UPDATED] = "updated",
    [KW_PEOPLE_ROW_SKIPPED] = "skipped",
    [KW_PEOPLE_ROW_DUPLICATE] = "possible duplicate",
  };
  g_autofree char *fields = NULL;

  g_return_val_if_fail (row != NULL, NULL);

  if (row->match.kind == KW_PEOPLE_MATCH_NONE)
    return NULL;
  fields = kw_people_match_dup_fields (row->match.fields);
  return g_strdup_printf ("row %u: %s matches %s (%s): %s", row->row, row->name,
                          row->match.name, fields, outcomes[row->outcome]);
}

gboolean
kw_people_consent_from_string (const char   *text,
                               const char  **consent,
                               GError      **error)
{
  const KwField *field = kw_entity_type_field (kw_registry_lookup ("person"), "consent");

  g_return_val_if_fail (text != NULL && consent != NULL, FALSE);

  if (g_str_equal (text, "not-asked"))
    return (*consent = NULL), TRUE;
  for (guint i = 0; field->values[i]; i++)
    if (g_str_equal (text, field->values[i]))
      return (*consent = field->values[i]), TRUE;
  g_set_error (error, KW_PEOPLE_ERROR, KW_PEOPLE_ERROR_INVALID,
               _("“%s” is not a consent level: public, shared, private or not-asked"), text);
  return FALSE;
}

GPtrArray *
kw_people_find_new_organisations (KwStore    *store,
                                  GPtrArray  *people,
                                  GError    **error)
{
  g_autoptr(KwPeopleMatcher) matcher = kw_people_matcher_new (store, error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *names;

  if (matcher == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < people->len; i++)
    {
      const char *name = g_hash_table_lookup (g_ptr_array_index (people, i), "_organisation");
      char *key = name ? kw_people_fold_name (name) : NULL;

      if (key == NULL || g_hash_table_contains (seen, key)
          || kw_people_matcher_find (matcher, "organisation", name) != NULL)
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (seen, key);
      g_ptr_array_add (names, g_strdup (name));
    }
  return names;
}

KwPeopleImportResult *
kw_people_import (KwStore                     *store,
                  GPtrArray                   *people,
                  const KwPeopleImportOptions *options,
                  GCancellable                *cancellable,
                  GError                     **error)
{
  g_autoptr(KwPeopleImportResult) result = NULL;
  g_autoptr(KwPeopleMatcher) matcher = NULL;
  Import import = { store, options, NULL, NULL };

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (people != NULL && options != NULL, NULL);

  if (!kw_store_begin (store, error))
    return NULL;
  if ((matcher = kw_people_matcher_new (store, error)) == NULL)
    {
      kw_store_rollback (store);
      return NULL;
    }
  result = result_new ();
  import.matcher = matcher;
  import.result = result;
  if (!import_all (&import, people, cancellable, error))
    {
      kw_store_rollback (store);
      return NULL;
    }
  if (options->dry_run)
    {
      kw_store_rollback (store);
      g_ptr_array_set_size (result->journal, 0);
      result->undone = TRUE;   /* nothing to undo */
    }
  else if (!kw_store_commit (store, error))
    {
      kw_store_rollback (store);
      return NULL;
    }
  return g_steal_pointer (&result);
}

gboolean
kw_people_import_undo (KwStore               *store,
                       KwPeopleImportResult  *result,
                       GError               **error)
{
  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (result->undone)
    {
      g_set_error (error, KW_PEOPLE_ERROR, KW_PEOPLE_ERROR_UNDONE, _("This import was undone already"));
      return FALSE;
    }
  if (!kw_store_begin (store, error))
    return FALSE;
  for (guint i = result->journal->len; i > 0; i--)
    if (!undo_entry (store, g_ptr_array_index (result->journal, i - 1), error))
      {
        kw_store_rollback (store);
        return FALSE;
      }
  if (!kw_store_commit (store, error))
    {
      kw_store_rollback (store);
      return FALSE;
    }
  result->undone = TRUE;
  return TRUE;
}
