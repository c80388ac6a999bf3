/* kw-demo.c: the demo data set, read from data/demo/kwartier-demo.ini
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo is a fictional Amsterdam: every person, organisation, venue and
 * address in it is made up (docs/demo-data.md). It is a GKeyFile compiled
 * into the core's GResource: one group "[TYPE KEY]" per record, in the
 * order they are created, keys that are registry field names, and values
 * as kw_field_parse() reads them, so the registry validates the demo.
 * "@KEY" refers to the record of a group above ("#n" keys are for
 * records nobody refers to); "@-30d" and "@+7d 19:30" are
 * dates relative to a fixed reference date, so the data set is the same on
 * every machine and every day.
 *
 * The loader reads the file twice: first it checks every group, field,
 * value and reference without writing, then it creates the records in
 * file order, in one transaction.
 *
 * The generator, kw-demo-generate.c, writes the same shape at city scale
 * from a seeded splitmix64.
 */
#define G_LOG_DOMAIN "kw-demo"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "kw-demo.h"
#include "kw-demo-resources.h"
#include "kw-error.h"

/* The demo's dates are relative to this date. */
#define REFERENCE_YEAR  2026
#define REFERENCE_MONTH G_DATE_NOVEMBER
#define REFERENCE_DAY   1

#define DEMO_RESOURCE "/nl/kwartier/Kwartier/core/kwartier-demo.ini"

typedef struct {
  KwStore    *store;     /* NULL while checking */
  GKeyFile   *file;
  GHashTable *keys;      /* KEY → record id (or "" while checking) */
} Demo;

static gboolean
demo_error (GError    **error,
            const char *group,
            const char *field,
            const char *format,
            ...) G_GNUC_PRINTF (4, 5);

static gboolean
demo_error (GError    **error,
            const char *group,
            const char *field,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (field != NULL)
    g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                 "demo data, [%s] %s: %s", group, field, message);
  else
    g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                 "demo data, [%s]: %s", group, message);
  return FALSE;
}

/* "@-30d" (a date) or "@+7d 19:30" (a time that day, UTC) → the text
 * kw_field_parse() reads, or NULL if @text is not one. */
static char *
parse_relative (const KwField *field,
                const char    *text)
{
  const char *p = text + 1;
  char *end;
  gint64 days;
  GDate date;
  guint hour = 0, minute = 0, second = 0;
  char ymd[11];

  if (*p != '+' && *p != '-')
    return NULL;
  days = g_ascii_strtoll (p, &end, 10);
  if (end == p + 1 || *end != 'd' || days < -36500 || days > 36500)
    return NULL;
  end++;
  if (field->kind == KW_FIELD_DATETIME)
    {
      int n = 0;

      if (sscanf (end, " %2u:%2u%n", &hour, &minute, &n) != 2)
        return NULL;
      end += n;
      if (*end == ':')
        {
          int m = 0;

          if (sscanf (end, ":%2u%n", &second, &m) != 1)
            return NULL;
          end += m;
        }
      if (hour > 23 || minute > 59 || second > 59)
        return NULL;
    }
  if (*end != '\0')
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, REFERENCE_DAY, REFERENCE_MONTH, REFERENCE_YEAR);
  if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  else
    g_date_add_days (&date, (guint) days);
  g_snprintf (ymd, sizeof ymd, "%04u-%02u-%02u", g_date_get_year (&date),
              (guint) g_date_get_month (&date), g_date_get_day (&date));
  if (field->kind == KW_FIELD_DATETIME)
    return g_strdup_printf ("%sT%02u:%02u:%02uZ", ymd, hour, minute, second);
  return g_strdup (ymd);
}

/* One field of a group: checked (demo->store is NULL) or set on @changes. */
static gboolean
load_value (Demo               *demo,
            const KwEntityType *type,
            const char         *group,
            const char         *name,
            KwChangeset        *changes,
            GError            **error)
{
  const KwField *field = kw_entity_type_field (type, name);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *relative = NULL;
  const char *text;

  if (field == NULL)
    return demo_error (error, group, name, "a %s has no such field", type->name);
  raw = g_key_file_get_string (demo->file, group, name, &local_error);
  if (raw == NULL)
    return demo_error (error, group, name, "%s", local_error->message);
  text = raw;

  if (text[0] == '@' && text[1] == '@')
    text++;
  else if (text[0] == '@' && field->kind == KW_FIELD_REF)
    {
      const char *id = g_hash_table_lookup (demo->keys, text + 1);

      if (id == NULL)
        return demo_error (error, group, name,
                           "“%s” is not the key of a group above this one", text);
      if (demo->store == NULL)
        return TRUE;
      text = id;
    }
  else if (text[0] == '@' && (field->kind == KW_FIELD_DATE || field->kind == KW_FIELD_DATETIME))
    {
      relative = parse_relative (field, text);
      if (relative == NULL)
        return demo_error (error, group, name,
                           field->kind == KW_FIELD_DATE
                           ? "“%s” is not a relative date such as @-30d"
                           : "“%s” is not a relative time such as @+7d 19:30",
                           text);
      text = relative;
    }
  else if (text[0] == '@')
    return demo_error (error, group, name,
                       "“%s”: only a reference or a date starts with @ (write @@ for a text)",
                       text);

  if (changes == NULL)
    {
      if (!kw_field_parse (field, text, &value, &local_error))
        return demo_error (error, group, NULL, "%s", local_error->message);
      if (field->kind == KW_FIELD_REF && value != NULL)
        return demo_error (error, group, name, "a reference is written @KEY");
      return TRUE;
    }
  if (!kw_changeset_set_text (changes, name, text, &local_error))
    return demo_error (error, group, NULL, "%s", local_error->message);
  return TRUE;
}

/* One group: checked (demo->store is NULL) or created. */
static gboolean
load_group (Demo        *demo,
            const char  *group,
            GError     **error)
{
  const char *space = strchr (group, ' ');
  g_autofree char *type_name = NULL;
  g_autoptr(KwChangeset) changes = NULL;
  g_auto(GStrv) fields = NULL;
  const KwEntityType *type;
  const char *key;
  char *id;

  if (space == NULL || space[1] == '\0' || strchr (space + 1, ' ') != NULL)
    return demo_error (error, group, NULL, "a group is named “TYPE KEY”");
  type_name = g_strndup (group, space - group);
  key = space + 1;
  type = kw_registry_lookup (type_name);
  if (type == NULL)
    return demo_error (error, group, NULL, "there is no record type “%s”", type_name);

  fields = g_key_file_get_keys (demo->file, group, NULL, NULL);
  if (demo->store != NULL)
    {
      changes = kw_changeset_new (type_name, error);
      if (changes == NULL)
        return FALSE;
    }
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    if (!load_value (demo, type, group, fields[i], changes, error))
      return FALSE;

  /* "#n": a record nobody refers to */
  if (demo->store == NULL && key[0] == '#')
    return TRUE;
  if (demo->store == NULL)
    {
      if (g_hash_table_contains (demo->keys, key))
        return demo_error (error, group, NULL, "the key “%s” is used twice", key);
      g_hash_table_insert (demo->keys, g_strdup (key), g_strdup (""));
      return TRUE;
    }
  id = kw_store_create (demo->store, changes, error);
  if (id == NULL)
    {
      g_prefix_error (error, "demo data, [%s]: ", group);
      return FALSE;
    }
  if (key[0] == '#')
    g_free (id);
  else
    g_hash_table_insert (demo->keys, g_strdup (key), id);
  return TRUE;
}

static gboolean
load_groups (Demo    *demo,
             GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (demo->file, NULL);

  g_hash_table_remove_all (demo->keys);
  for (guint i = 0; groups[i] != NULL; i++)
    if (!load_group (demo, groups[i], error))
      return FALSE;
  return TRUE;
}

/**
 * kw_demo_load_key_file:
 * @store: a store, normally empty
 * @file: a demo data set (docs/demo-data.md)
 * @error: return location for an error
 *
 * Checks all of @file, then writes its records in file order in one
 * transaction: all of them, or on error nothing. An error names the group
 * and the field that are wrong.
 *
 * Returns: %TRUE on success
 */
gboolean
kw_demo_load_key_file (KwStore   *store,
                       GKeyFile  *file,
                       GError   **error)
{
  Demo demo = { NULL, file, NULL };
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = load_groups (&demo, error);
  if (ok)
    {
      demo.store = store;
      ok = kw_store_begin (store, error);
      if (ok)
        {
          ok = load_groups (&demo, error) && kw_store_commit (store, error);
          if (!ok)
            kw_store_rollback (store);
        }
    }
  g_hash_table_unref (demo.keys);
  return ok;
}

/**
 * kw_demo_load_bytes:
 * @store: a store, normally empty
 * @bytes: the text of a demo data set (docs/demo-data.md)
 * @error: return location for an error
 *
 * As kw_demo_load_key_file(), for the file's text.
 *
 * Returns: %TRUE on success
 */
gboolean
kw_demo_load_bytes (KwStore  *store,
                    GBytes   *bytes,
                    GError  **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  if (!g_key_file_load_from_data (file, data, size, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   "demo data: %s", local_error->message);
      return FALSE;
    }
  return kw_demo_load_key_file (store, file, error);
}

/**
 * kw_demo_load:
 * @store: a store, normally empty
 * @error: return location for an error
 *
 * Writes the demo data set (data/demo/kwartier-demo.ini, docs/demo-data.md)
 * in one transaction: all of it, or on error nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
kw_demo_load (KwStore  *store,
              GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_resource_lookup_data (kw_demo_get_resource (), DEMO_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  return kw_demo_load_bytes (store, bytes, error);
}
