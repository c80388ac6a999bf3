/* kw-people-export.c: people as vCard 3.0, respecting consent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-people-export"

#include "config.h"

#include "kw-people-export.h"
#include "kw-store-query.h"

/* RFC 6350 3.4: backslash, comma, semicolon and newline escaped. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '\\' || *p == ',' || *p == ';')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, "%s:", name);
  append_escaped (out, value);
  g_string_append (out, "\r\n");
}

static void
append_card (GString  *out,
             KwStore  *store,
             KwRecord *person)
{
  g_autofree char *area = NULL;
  g_autofree char *organisation = NULL;

  kw_store_query_summary (store, "person", kw_record_get_id (person), &area, &organisation);
  g_string_append (out, "BEGIN:VCARD\r\nVERSION:3.0\r\n");
  append_property (out, "FN", kw_record_get_string (person, "name"));
  g_string_append (out, "N:");
  append_escaped (out, kw_record_get_string (person, "name"));
  g_string_append (out, ";;;;\r\n");
  append_property (out, "EMAIL;TYPE=INTERNET", kw_record_get_string (person, "email"));
  append_property (out, "TEL", kw_record_get_string (person, "phone"));
  append_property (out, "ORG", organisation);
  append_property (out, "CATEGORIES", kw_record_get_string (person, "topics"));
  append_property (out, "UID", kw_record_get_id (person));
  g_string_append (out, "END:VCARD\r\n");
}

char *
kw_people_to_vcard (KwStore    *store,
                    GListModel *people,
                    guint      *n_written,
                    guint      *n_left_out)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (people);

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  *n_written = *n_left_out = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwRecord) person = g_list_model_get_item (people, i);
      const char *consent = kw_record_get_string (person, "consent");

      if (g_strcmp0 (consent, "public") != 0 && g_strcmp0 (consent, "shared") != 0)
        {
          (*n_left_out)++;
          continue;
        }
      append_card (out, store, person);
      (*n_written)++;
    }
  return g_string_free (out, FALSE);
}
