/* kw-people-import.c: contact files (vCard, CSV): what they are, their people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-people-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "kw-error.h"
#include "kw-people-import.h"

#define SNIFF_BYTES 4096

G_DEFINE_QUARK (kw-people-error-quark, kw_people_error)

/* Helpers */

static gboolean
has_suffix_nocase (const char *name,
                   const char *suffix)
{
  gsize n = strlen (name), s = strlen (suffix);

  return n >= s && g_ascii_strcasecmp (name + n - s, suffix) == 0;
}

/* The text after a byte order mark and white space. */
static const char *
skip_start (const char *head,
            gsize      *len)
{
  if (*len >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    {
      head += 3;
      *len -= 3;
    }
  while (*len > 0 && g_ascii_isspace (*head))
    {
      head++;
      (*len)--;
    }
  return head;
}

/* Public API */

KwPeopleFileKind
kw_people_file_sniff (const char *name,
                      const char *head,
                      gsize       len)
{
  g_return_val_if_fail (head != NULL || len == 0, KW_PEOPLE_FILE_OTHER);

  head = skip_start (head, &len);
  if (len >= 11 && g_ascii_strncasecmp (head, "BEGIN:VCARD", 11) == 0)
    return KW_PEOPLE_FILE_VCARD;
  if (len > 0 && (head[0] == '{' || (guchar) head[0] == 0x1f))
    return KW_PEOPLE_FILE_OTHER;  /* JSON Lines, gzip: an export */
  if (len >= 4 && g_ascii_strncasecmp (head, "sep=", 4) == 0)
    return KW_PEOPLE_FILE_CSV;
  if (name == NULL)
    return KW_PEOPLE_FILE_OTHER;
  if (has_suffix_nocase (name, ".vcf") || has_suffix_nocase (name, ".vcard"))
    return KW_PEOPLE_FILE_VCARD;
  if (has_suffix_nocase (name, ".csv") || has_suffix_nocase (name, ".tsv"))
    return KW_PEOPLE_FILE_CSV;
  return KW_PEOPLE_FILE_OTHER;
}

KwPeopleFileKind
kw_people_file_sniff_path (const char *path)
{
  char head[SNIFF_BYTES];
  FILE *f;
  gsize len;

  g_return_val_if_fail (path != NULL, KW_PEOPLE_FILE_OTHER);

  if ((f = fopen (path, "rb")) == NULL)
    return KW_PEOPLE_FILE_OTHER;
  len = fread (head, 1, sizeof head, f);
  fclose (f);
  return kw_people_file_sniff (path, head, len);
}

gboolean
kw_people_file_check (const char  *text,
                      gsize        len,
                      GError     **error)
{
  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  text = skip_start (text, &len);
  if (len == 0 || (text[0] != '{' && (guchar) text[0] != 0x1f && !g_str_has_prefix (text, "KWARTIER")))
    return TRUE;
  g_set_error_literal (error, KW_PEOPLE_ERROR, KW_PEOPLE_ERROR_NOT_PEOPLE,
                       _("This is a Kwartier export, not a contact file (vCard or CSV): use Import instead"));
  return FALSE;
}

const char *
kw_people_file_kind_name (KwPeopleFileKind kind)
{
  return kind == KW_PEOPLE_FILE_VCARD ? "vCard" : kind == KW_PEOPLE_FILE_CSV ? "CSV" : NULL;
}

gboolean
kw_people_file_is_csv (const char *lower_name,
                       const char *text)
{
  g_autofree char *head = g_ascii_strup (text, MIN (strlen (text), SNIFF_BYTES));

  if (g_str_has_suffix (lower_name, ".csv") || g_str_has_suffix (lower_name, ".tsv"))
    return TRUE;
  return strstr (head, "BEGIN:VCARD") == NULL;
}

GStrv
kw_csv_guess_columns (const char * const *header)
{
  guint n = g_strv_length ((GStrv) header);
  GStrv columns = g_new0 (char *, n + 1);

  for (guint c = 0; c < n; c++)
    {
      const char *guess = kw_csv_guess_field (header[c]);

      columns[c] = g_strdup (guess ? guess : "");
    }
  return columns;
}

GPtrArray *
kw_people_file_load (const char        *path,
                     KwPeopleFileKind  *kind,
                     GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) columns = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL && kind != NULL, NULL);

  if (!g_file_get_contents (path, &text, &len, error) || !kw_people_file_check (text, len, error))
    return NULL;
  lower = g_ascii_strdown (path, -1);
  *kind = kw_people_file_is_csv (lower, text) ? KW_PEOPLE_FILE_CSV : KW_PEOPLE_FILE_VCARD;
  if (*kind == KW_PEOPLE_FILE_VCARD)
    return kw_vcard_parse (text, error);
  if ((rows = kw_csv_parse (text, error)) == NULL)
    return NULL;
  columns = kw_csv_guess_columns ((const char * const *) g_ptr_array_index (rows, 0));
  people = kw_csv_to_people (rows, (const char * const *) columns);
  if (people->len == 0)
    {
      g_set_error (error, KW_PEOPLE_ERROR, KW_PEOPLE_ERROR_EMPTY,
                   _("No column of the file was recognised as a name (Name, or First name and Last name)"));
      return NULL;
    }
  return g_steal_pointer (&people);
}
