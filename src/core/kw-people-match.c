/* kw-people-match.c: who in the store a person from a contact file is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The names are read once per import (row ids and titles, one query, as
 * the contacts list searches them), folded, and kept in a hash table; a
 * row's candidates are read one by one. Phones and e-mail addresses are
 * read once too, the first time a row needs them (a query per row would
 * scan the table: neither has an index), and what the import adds is
 * added to all three.
 */
#define G_LOG_DOMAIN "kw-people-match"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-people-match.h"
#include "kw-store-query.h"

struct _KwPeopleMatcher
{
  KwStore    *store;
  GHashTable *rids;      /* folded name → GArray of person row ids */
  GHashTable *added;     /* folded name → GPtrArray of person ids made since */
  GHashTable *others;    /* "organisation\nfolded" or "area\nfolded" → id */
  GHashTable *phones;    /* folded phone → person id (the first), or NULL until needed */
  GHashTable *emails;    /* folded e-mail → person id (the first) */
};

/* Helpers */

static char *
fold_email (const char *email)
{
  g_autofree char *stripped = g_strstrip (g_strdup (email ? email : ""));

  return *stripped ? g_utf8_casefold (stripped, -1) : NULL;
}

static char *
other_key (const char *type_name,
           const char *name)
{
  g_autofree char *folded = kw_people_fold_name (name);

  return g_strconcat (type_name, "\n", folded, NULL);
}

static gboolean
load_people (KwPeopleMatcher  *self,
             GError          **error)
{
  KwQuery query = { 0 };
  g_autoptr(GArray) rids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GString) keys = g_string_new (NULL);

  if (!_kw_store_query_titles (self->store, "person", &query, rids, keys, offsets, error))
    return FALSE;
  for (guint i = 0; i < rids->len; i++)
    {
      char *folded = kw_people_fold_name (keys->str + g_array_index (offsets, guint32, i));
      GArray *list = g_hash_table_lookup (self->rids, folded);

      if (list == NULL)
        g_hash_table_insert (self->rids, folded, (list = g_array_new (FALSE, FALSE, sizeof (gint64))));
      else
        g_free (folded);
      g_array_append_val (list, g_array_index (rids, gint64, i));
    }
  return TRUE;
}

static gboolean
load_others (KwPeopleMatcher  *self,
             const char       *type_name,
             GError          **error)
{
  g_autoptr(GPtrArray) records = kw_store_list (self->store, type_name, error);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      KwRecord *record = g_ptr_array_index (records, i);
      g_autofree char *title = kw_record_dup_title (record);

      if (title != NULL)
        kw_people_matcher_add (self, type_name, kw_record_get_id (record), title);
    }
  return TRUE;
}

/* The live people here with this name. */
static GPtrArray *
dup_namesakes (KwPeopleMatcher *self,
               const char      *name)
{
  g_autofree char *folded = kw_people_fold_name (name);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *rids = g_hash_table_lookup (self->rids, folded);
  GPtrArray *ids = g_hash_table_lookup (self->added, folded);

  for (guint i = 0; rids != NULL && i < rids->len; i++)
    {
      KwRecord *record = _kw_store_query_record (self->store, "person", g_array_index (rids, gint64, i));

      if (record != NULL && !kw_record_is_deleted (record))
        g_ptr_array_add (records, record);
      else
        g_clear_object (&record);
    }
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      KwRecord *record = kw_store_get (self->store, "person", g_ptr_array_index (ids, i), NULL);

      if (record != NULL)
        g_ptr_array_add (records, record);
    }
  return records;
}

/* Which of phone and e-mail the person here shares with the row. */
static guint
shared_fields (KwRecord   *record,
               GHashTable *person)
{
  g_autofree char *phone = kw_people_fold_phone (g_hash_table_lookup (person, "phone"));
  g_autofree char *email = fold_email (g_hash_table_lookup (person, "email"));
  g_autofree char *their_phone = kw_people_fold_phone (kw_record_get_string (record, "phone"));
  g_autofree char *their_email = fold_email (kw_record_get_string (record, "email"));
  guint fields = 0;

  if (phone != NULL && g_strcmp0 (phone, their_phone) == 0)
    fields |= KW_PEOPLE_MATCH_PHONE;
  if (email != NULL && g_strcmp0 (email, their_email) == 0)
    fields |= KW_PEOPLE_MATCH_EMAIL;
  return fields;
}

static void
set_match (KwPeopleMatch     *match,
           KwPeopleMatchKind  kind,
           KwRecord          *record,
           guint              fields)
{
  match->kind = kind;
  match->id = g_strdup (kw_record_get_id (record));
  match->name = kw_record_dup_title (record);
  match->fields = fields;
}

/* Namesakes: the one that also shares phone or e-mail, else the only
 * one; when that cannot decide, a possible duplicate (never a guess). */
static void
match_namesakes (GPtrArray     *namesakes,
                 GHashTable    *person,
                 KwPeopleMatch *match)
{
  KwRecord *sharing = NULL;
  guint n_sharing = 0, fields = 0;

  for (guint i = 0; i < namesakes->len; i++)
    {
      guint shared = shared_fields (g_ptr_array_index (namesakes, i), person);

      if (shared != 0 && n_sharing++ == 0)
        {
          sharing = g_ptr_array_index (namesakes, i);
          fields = shared;
        }
    }
  match->n_namesakes = namesakes->len;
  if (n_sharing == 1)
    set_match (match, KW_PEOPLE_MATCH_SAME, sharing, KW_PEOPLE_MATCH_NAME | fields);
  else if (namesakes->len == 1)
    set_match (match, KW_PEOPLE_MATCH_SAME, g_ptr_array_index (namesakes, 0), KW_PEOPLE_MATCH_NAME);
  else
    set_match (match, KW_PEOPLE_MATCH_POSSIBLE, sharing ? sharing : g_ptr_array_index (namesakes, 0),
               KW_PEOPLE_MATCH_NAME | fields);
}

static void
add_contact (KwPeopleMatcher *self,
             const char      *id,
             const char      *phone,
             const char      *email)
{
  char *key;

  if ((key = kw_people_fold_phone (phone)) != NULL && !g_hash_table_contains (self->phones, key))
    g_hash_table_insert (self->phones, key, g_strdup (id));
  else
    g_free (key);
  if ((key = fold_email (email)) != NULL && !g_hash_table_contains (self->emails, key))
    g_hash_table_insert (self->emails, key, g_strdup (id));
  else
    g_free (key);
}

/* Every live person's phone and e-mail, once. */
static void
load_contacts (KwPeopleMatcher *self)
{
  g_autoptr(GPtrArray) people = NULL;

  if (self->phones != NULL)
    return;
  self->phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if ((people = kw_store_list (self->store, "person", NULL)) == NULL)
    return;
  for (guint i = 0; i < people->len; i++)
    {
      KwRecord *person = g_ptr_array_index (people, i);

      add_contact (self, kw_record_get_id (person), kw_record_get_string (person, "phone"),
                   kw_record_get_string (person, "email"));
    }
}

/* Phone or e-mail alone: a possible duplicate. */
static void
match_contact (KwPeopleMatcher *self,
               GHashTable      *person,
               KwPeopleMatch   *match)
{
  g_autofree char *phone = kw_people_fold_phone (g_hash_table_lookup (person, "phone"));
  g_autofree char *email = fold_email (g_hash_table_lookup (person, "email"));
  g_autoptr(KwRecord) record = NULL;
  const char *id = NULL;

  if (phone == NULL && email == NULL)
    return;
  load_contacts (self);
  if (email != NULL)
    id = g_hash_table_lookup (self->emails, email);
  if (id == NULL && phone != NULL)
    id = g_hash_table_lookup (self->phones, phone);
  if (id == NULL || (record = kw_store_get (self->store, "person", id, NULL)) == NULL)
    return;
  set_match (match, KW_PEOPLE_MATCH_POSSIBLE, record, shared_fields (record, person));
}

static char *
join_fields (guint    fields,
             gboolean translated)
{
  const char *names[] = { N_("name"), N_("phone"), N_("e-mail") };
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (fields & (1u << i))
      g_ptr_array_add (parts, (gpointer) (translated ? _(names[i]) : names[i]));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (GStrv) parts->pdata);
}

/* Public API */

void
kw_people_match_clear (KwPeopleMatch *match)
{
  g_return_if_fail (match != NULL);

  g_clear_pointer (&match->id, g_free);
  g_clear_pointer (&match->name, g_free);
  match->kind = KW_PEOPLE_MATCH_NONE;
  match->fields = 0;
  match->n_namesakes = 0;
}

char *
kw_people_match_dup_fields (guint fields)
{
  return join_fields (fields, FALSE);
}

char *
kw_people_match_dup_fields_label (guint fields)
{
  return join_fields (fields, TRUE);
}

char *
kw_people_fold_name (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  if (name == NULL)
    return g_string_free (key, FALSE);
  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  folded = g_utf8_casefold (decomposed ? decomposed : name, -1);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

char *
kw_people_fold_phone (const char *phone)
{
  GString *digits;

  if (phone == NULL)
    return NULL;
  digits = g_string_new (NULL);
  for (const char *p = phone; *p; p++)
    if (g_ascii_isdigit (*p) || (*p == '+' && digits->len == 0))
      g_string_append_c (digits, *p);
  if (digits->len == 0)
    return (g_string_free (digits, TRUE), NULL);
  return g_string_free (digits, FALSE);
}

KwPeopleMatcher *
kw_people_matcher_new (KwStore  *store,
                       GError  **error)
{
  g_autoptr(KwPeopleMatcher) self = g_new0 (KwPeopleMatcher, 1);

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->rids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  self->added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!load_people (self, error) || !load_others (self, "organisation", error)
      || !load_others (self, "area", error))
    return NULL;
  return g_steal_pointer (&self);
}

void
kw_people_matcher_free (KwPeopleMatcher *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->store);
  g_clear_pointer (&self->rids, g_hash_table_unref);
  g_clear_pointer (&self->added, g_hash_table_unref);
  g_clear_pointer (&self->others, g_hash_table_unref);
  g_clear_pointer (&self->phones, g_hash_table_unref);
  g_clear_pointer (&self->emails, g_hash_table_unref);
  g_free (self);
}

void
kw_people_matcher_prepare (KwPeopleMatcher *self)
{
  g_return_if_fail (self != NULL);

  load_contacts (self);
}

void
kw_people_matcher_match (KwPeopleMatcher *self,
                         GHashTable      *person,
                         KwPeopleMatch   *match)
{
  g_autoptr(GPtrArray) namesakes = NULL;

  g_return_if_fail (self != NULL && person != NULL && match != NULL);

  kw_people_match_clear (match);
  namesakes = dup_namesakes (self, g_hash_table_lookup (person, "name"));
  if (namesakes->len > 0)
    match_namesakes (namesakes, person, match);
  else
    match_contact (self, person, match);
}

void
kw_people_matcher_add (KwPeopleMatcher *self,
                       const char      *type_name,
                       const char      *id,
                       const char      *name)
{
  g_autofree char *key = NULL;

  g_return_if_fail (self != NULL && type_name != NULL && id != NULL);

  if (g_str_equal (type_name, "person"))
    {
      char *folded = kw_people_fold_name (name);
      GPtrArray *ids = g_hash_table_lookup (self->added, folded);

      if (ids == NULL)
        g_hash_table_insert (self->added, folded, (ids = g_ptr_array_new_with_free_func (g_free)));
      else
        g_free (folded);
      g_ptr_array_add (ids, g_strdup (id));
      return;
    }
  key = other_key (type_name, name);
  if (!g_hash_table_contains (self->others, key))
    g_hash_table_insert (self->others, g_steal_pointer (&key), g_strdup (id));
}

void
kw_people_matcher_add_person (KwPeopleMatcher *self,
                              const char      *id,
                              GHashTable      *person)
{
  g_return_if_fail (self != NULL && id != NULL && person != NULL);

  kw_people_matcher_add (self, "person", id, g_hash_table_lookup (person, "name"));
  if (self->phones != NULL)
    add_contact (self, id, g_hash_table_lookup (person, "phone"), g_hash_table_lookup (person, "email"));
}

const char *
kw_people_matcher_find (KwPeopleMatcher *self,
                        const char      *type_name,
                        const char      *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL && type_name != NULL, NULL);

  if (name == NULL || *name == '\0')
    return NULL;
  key = other_key (type_name, name);
  return g_hash_table_lookup (self->others, key);
}
