/* kw-sync-json.c: JSON text without json-glib, for export lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the JSON side of an export (kw-export.c: header, trailer)
 * and its SQL side (kw-store-sync.c: record lines straight from the rows,
 * conflict values, equal-stamp ties), so that neither includes the other.
 * Compact and the same bytes on every device.
 */
#define G_LOG_DOMAIN "kw-sync"

#include "config.h"

#include "kw-sync-json.h"

static gboolean
needs_escape (guchar c)
{
  return c < 0x20 || c == '"' || c == '\\';
}

void
_kw_sync_append_json_string (GString    *out,
                             const char *text)
{
  const guchar *p = (const guchar *) text;

  g_string_append_c (out, '"');
  while (*p)
    {
      const guchar *run = p;

      while (*p && !needs_escape (*p))
        p++;
      g_string_append_len (out, (const char *) run, p - run);
      if (*p == '\0')
        break;
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", *p); break;
        }
      p++;
    }
  g_string_append_c (out, '"');
}

void
_kw_sync_append_json_value (GString  *out,
                            GVariant *value)
{
  if (value == NULL)
    g_string_append (out, "null");
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    g_string_append_printf (out, "%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    g_string_append (out, g_variant_get_boolean (value) ? "true" : "false");
  else
    _kw_sync_append_json_string (out, g_variant_get_string (value, NULL));
}
