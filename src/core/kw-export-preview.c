/* kw-export-preview.c: what an export would hold, counted, not written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview runs the export's own record lines (_kw_export_each_record,
 * the code kw_export_to_file writes with) in one read transaction and
 * counts them instead of writing them, so that what the window says will
 * leave the laptop is what leaves. A line is
 * {"type":"…","id":"…","deleted":"…"} or {"type":"…","id":"…","f":{…}};
 * a private person's stub carries the consent alone, "private"
 * (spec/export-format.md), so its "f" starts with that field.
 */
#define G_LOG_DOMAIN "kw-export"

#include "config.h"

#include <string.h>

#include "kw-export-private.h"

typedef struct {
  KwExportPreview   *preview;
  KwExportTypeCount *last;      /* the type of the line before (lines come by type) */
  GString           *stub;      /* the last type's stub prefix, or empty */
} Counter;

/* Helpers */

static KwExportTypeCount *
find_count (Counter    *counter,
            const char *name,
            gsize       len)
{
  KwExportPreview *preview = counter->preview;
  g_autofree char *type_name = g_strndup (name, len);
  const KwEntityType *type;
  KwExportTypeCount count = { NULL };
  int consent;

  if (counter->last != NULL && strcmp (counter->last->type->name, type_name) == 0)
    return counter->last;
  for (guint i = 0; i < preview->types->len; i++)
    {
      KwExportTypeCount *c = &g_array_index (preview->types, KwExportTypeCount, i);

      if (strcmp (c->type->name, type_name) == 0)
        return counter->last = c;
    }
  if ((type = kw_registry_lookup (type_name)) == NULL)
    return NULL;
  count.type = type;
  g_array_append_val (preview->types, count);
  counter->last = &g_array_index (preview->types, KwExportTypeCount, preview->types->len - 1);
  g_string_truncate (counter->stub, 0);
  if ((consent = kw_entity_type_consent_index (type)) >= 0)
    g_string_printf (counter->stub, "\"f\":{\"%s\":[\"private\",", type->fields[consent].name);
  return counter->last;
}

/* The part after the id: ,"deleted":… or ,"f":{… */
static const char *
skip_id (const char *p)
{
  if (!g_str_has_prefix (p, ",\"id\":\""))
    return NULL;
  p += strlen (",\"id\":\"");
  /* an id is plain text (kw_id_is_valid): no escapes */
  p = strchr (p, '"');
  return p != NULL && p[1] == ',' ? p + 2 : NULL;
}

static gboolean
count_line_cb (GString   *line,
               gpointer   user_data,
               GError   **error)
{
  Counter *counter = user_data;
  const char *p = line->str;
  const char *name, *end;
  KwExportTypeCount *count;

  g_assert (g_str_has_prefix (p, "{\"type\":\""));
  name = p + strlen ("{\"type\":\"");
  end = strchr (name, '"');
  g_assert (end != NULL);
  count = find_count (counter, name, end - name);
  g_assert (count != NULL);
  p = skip_id (end + 1);
  g_assert (p != NULL);
  counter->preview->records++;
  if (g_str_has_prefix (p, "\"deleted\":"))
    count->deleted++;
  else if (counter->stub->len > 0 && g_str_has_prefix (p, counter->stub->str))
    count->stubs++;
  else
    count->records++;
  return TRUE;
}

static void
collect_local_fields (KwExportPreview *preview)
{
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);

      for (guint i = 0; i < type->n_fields; i++)
        if (type->fields[i].flags & KW_FIELD_FLAG_LOCAL)
          {
            KwExportLocalField local = { type, &type->fields[i] };

            g_array_append_val (preview->local_fields, local);
          }
    }
}

static void
sum_people (KwExportPreview *preview)
{
  const KwExportTypeCount *people = kw_export_preview_lookup (preview, "person");

  preview->people = people ? people->records : 0;
  preview->private_people = people ? people->stubs : 0;
}

/* Public API */

gboolean
kw_export_preview (KwStore                *store,
                   const KwExportOptions  *options,
                   KwExportPreview        *preview,
                   GError                **error)
{
  g_autoptr(GString) stub = g_string_new (NULL);
  Counter counter = { preview, NULL, stub };
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  memset (preview, 0, sizeof *preview);
  preview->types = g_array_new (FALSE, TRUE, sizeof (KwExportTypeCount));
  preview->local_fields = g_array_new (FALSE, TRUE, sizeof (KwExportLocalField));
  collect_local_fields (preview);
  if (!_kw_export_check_options (options, error))
    {
      kw_export_preview_clear (preview);
      return FALSE;
    }
  /* as the export: the private people read anew, in one read transaction */
  _kw_store_sync_tune_for_export (store, TRUE);
  ok = kw_store_begin_read (store, error);
  if (ok && _kw_export_each_record (store, options, count_line_cb, &counter, error))
    ok = kw_store_commit (store, error);
  else if (ok)
    {
      kw_store_rollback (store);
      ok = FALSE;
    }
  _kw_store_sync_tune_for_export (store, FALSE);
  if (!ok)
    {
      kw_export_preview_clear (preview);
      return FALSE;
    }
  sum_people (preview);
  return TRUE;
}

void
kw_export_preview_clear (KwExportPreview *preview)
{
  g_return_if_fail (preview != NULL);

  g_clear_pointer (&preview->types, g_array_unref);
  g_clear_pointer (&preview->local_fields, g_array_unref);
  preview->records = preview->people = preview->private_people = 0;
}

const KwExportTypeCount *
kw_export_preview_lookup (const KwExportPreview *preview,
                          const char            *type_name)
{
  g_return_val_if_fail (preview != NULL && preview->types != NULL, NULL);

  for (guint i = 0; i < preview->types->len; i++)
    {
      const KwExportTypeCount *c = &g_array_index (preview->types, KwExportTypeCount, i);

      if (strcmp (c->type->name, type_name) == 0)
        return c;
    }
  return NULL;
}
