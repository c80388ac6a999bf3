/* kw-people-export.c: people as vCard 3.0 or CSV, respecting consent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-people-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-csv.h"
#include "kw-error.h"
#include "kw-export.h"
#include "kw-people-export.h"
#include "kw-store-query.h"
#include "kw-sync-private.h"

/* The CSV header: what kw_csv_guess_field() reads back. */
static const char * const csv_header[] = {
  "Name", "First name", "Last name", "Phone", "E-mail", "Organisation", "Role", "Area",
  "Languages", "Communities", "Topics", NULL,
};

/* Lower-case words that start a Dutch (or neighbouring) family name. */
static const char * const prefixes[] = {
  "van", "de", "der", "den", "het", "'t", "’t", "te", "ter", "ten", "in", "op", "aan", "bij",
  "uit", "onder", "voor", "la", "le", "du", "des", "da", "di", "dos", "del", "von", "zu", NULL,
};

typedef struct {
  char *family;
  char *given;
  char *organisation;
  char *role;
  char *area;
} Extra;

/* Helpers */

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

/* CATEGORIES is a list: the items separated by commas, each escaped. */
static void
append_categories (GString    *out,
                   const char *topics)
{
  g_auto(GStrv) items = g_strsplit (topics ? topics : "", ",", -1);
  gboolean first = TRUE;

  for (guint i = 0; items[i]; i++)
    {
      if (*g_strstrip (items[i]) == '\0')
        continue;
      g_string_append (out, first ? "CATEGORIES:" : ",");
      append_escaped (out, items[i]);
      first = FALSE;
    }
  if (!first)
    g_string_append (out, "\r\n");
}

static gboolean
is_current (KwRecord *affiliation)
{
  const char *until = kw_record_get_string (affiliation, "until");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return until == NULL || g_strcmp0 (until, today) >= 0;
}

/* The organisation and role of a current affiliation, the area's name. */
static void
extra_init (Extra    *extra,
            KwStore  *store,
            KwRecord *person)
{
  g_autoptr(GPtrArray) list = kw_store_list_by_ref (store, "affiliation", "person", kw_record_get_id (person), NULL);
  g_autofree char *ignored = NULL;

  memset (extra, 0, sizeof *extra);
  kw_people_split_name (kw_record_get_string (person, "name"), &extra->family, &extra->given);
  kw_store_query_summary (store, "person", kw_record_get_id (person), &extra->area, &ignored);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      KwRecord *affiliation = g_ptr_array_index (list, i);
      g_autoptr(KwRecord) org = NULL;

      if (!is_current (affiliation))
        continue;
      org = kw_store_get (store, "organisation", kw_record_get_string (affiliation, "organisation"), NULL);
      if (org == NULL)
        continue;
      extra->organisation = kw_record_dup_title (org);
      extra->role = g_strdup (kw_record_get_string (affiliation, "role"));
      break;
    }
}

static void
extra_clear (Extra *extra)
{
  g_free (extra->family);
  g_free (extra->given);
  g_free (extra->organisation);
  g_free (extra->role);
  g_free (extra->area);
}

static void
append_card (GString  *out,
             KwStore  *store,
             KwRecord *person)
{
  Extra extra;

  extra_init (&extra, store, person);
  g_string_append (out, "BEGIN:VCARD\r\nVERSION:3.0\r\n");
  append_property (out, "FN", kw_record_get_string (person, "name"));
  g_string_append (out, "N:");
  append_escaped (out, extra.family);
  g_string_append_c (out, ';');
  append_escaped (out, extra.given);
  g_string_append (out, ";;;\r\n");
  append_property (out, "EMAIL;TYPE=INTERNET", kw_record_get_string (person, "email"));
  append_property (out, "TEL", kw_record_get_string (person, "phone"));
  append_property (out, "ORG", extra.organisation);
  append_property (out, "TITLE", extra.role);
  append_categories (out, kw_record_get_string (person, "topics"));
  append_property (out, "UID", kw_record_get_id (person));
  g_string_append (out, "END:VCARD\r\n");
  extra_clear (&extra);
}

static void
append_csv_row (GString  *out,
                KwStore  *store,
                KwRecord *person)
{
  Extra extra;
  const char *fields[] = { "name", NULL, NULL, "phone", "email", NULL, NULL, NULL,
                           "languages", "communities", "topics" };
  const char *cells[G_N_ELEMENTS (csv_header)];

  extra_init (&extra, store, person);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = fields[i] ? kw_record_get_string (person, fields[i]) : NULL;

      cells[i] = value ? value : "";
    }
  cells[1] = extra.given;
  cells[2] = extra.family;
  cells[5] = extra.organisation ? extra.organisation : "";
  cells[6] = extra.role ? extra.role : "";
  cells[7] = extra.area ? extra.area : "";
  cells[G_N_ELEMENTS (csv_header) - 1] = NULL;
  kw_csv_append_row (out, cells);
  extra_clear (&extra);
}

static gboolean
may_leave (KwRecord *person)
{
  const char *consent = kw_record_get_string (person, "consent");

  return g_strcmp0 (consent, "public") == 0 || g_strcmp0 (consent, "shared") == 0;
}

static GListModel *
collect_people (KwStore     *store,
                const char  *scope_kind,
                const char  *scope_id,
                GError     **error)
{
  g_autoptr(GPtrArray) all = kw_store_list (store, "person", error);
  g_autoptr(GHashTable) scope = NULL;
  GHashTable *ids = NULL;
  GListStore *people;

  if (all == NULL)
    return NULL;
  if (scope_kind != NULL)
    {
      if ((scope = _kw_store_sync_collect_scope (store, scope_kind, scope_id, error)) == NULL)
        return NULL;
      ids = g_hash_table_lookup (scope, "person");
    }
  people = g_list_store_new (KW_TYPE_RECORD);
  for (guint i = 0; i < all->len; i++)
    {
      KwRecord *person = g_ptr_array_index (all, i);

      if (scope == NULL || (ids != NULL && g_hash_table_contains (ids, kw_record_get_id (person))))
        g_list_store_append (people, person);
    }
  return G_LIST_MODEL (people);
}

/* Public API */

void
kw_people_split_name (const char  *name,
                      char       **family,
                      char       **given)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  guint n, split;

  g_return_if_fail (family != NULL && given != NULL);

  words = g_strsplit_set (name ? name : "", " ", -1);
  kept = g_ptr_array_new ();
  for (guint i = 0; words[i]; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, words[i]);
  n = kept->len;
  split = n > 1 ? n - 1 : n;   /* the last word, by default */
  for (guint i = 1; i + 1 < n; i++)
    if (g_strv_contains (prefixes, g_ptr_array_index (kept, i)))
      {
        split = i;
        break;
      }
  g_ptr_array_add (kept, NULL);
  *family = g_strjoinv (" ", (GStrv) kept->pdata + split);
  kept->pdata[split] = NULL;
  *given = g_strjoinv (" ", (GStrv) kept->pdata);
}

char *
kw_people_export (KwStore        *store,
                  GListModel     *people,
                  KwPeopleFormat  format,
                  guint          *n_written,
                  guint          *n_left_out)
{
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (people), NULL);
  g_return_val_if_fail (n_written != NULL && n_left_out != NULL, NULL);

  n = g_list_model_get_n_items (people);
  *n_written = *n_left_out = 0;
  if (format == KW_PEOPLE_FORMAT_CSV)
    kw_csv_append_row (out, csv_header);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwRecord) person = g_list_model_get_item (people, i);

      if (!may_leave (person))
        {
          (*n_left_out)++;
          continue;
        }
      if (format == KW_PEOPLE_FORMAT_CSV)
        append_csv_row (out, store, person);
      else
        append_card (out, store, person);
      (*n_written)++;
    }
  return g_string_free (out, FALSE);
}

char *
kw_people_to_vcard (KwStore    *store,
                    GListModel *people,
                    guint      *n_written,
                    guint      *n_left_out)
{
  return kw_people_export (store, people, KW_PEOPLE_FORMAT_VCARD, n_written, n_left_out);
}

gboolean
kw_people_export_to_file (KwStore     *store,
                          const char  *scope_kind,
                          const char  *scope_id,
                          const char  *path,
                          guint       *n_written,
                          guint       *n_left_out,
                          GError     **error)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  KwPeopleFormat format;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((people = collect_people (store, scope_kind, scope_id, error)) == NULL)
    return FALSE;
  lower = g_ascii_strdown (path, -1);
  format = g_str_has_suffix (lower, ".csv") ? KW_PEOPLE_FORMAT_CSV : KW_PEOPLE_FORMAT_VCARD;
  text = kw_people_export (store, people, format, n_written, n_left_out);
  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}
