/* kw-people-import.c: people from vCard (3.0, 4.0) and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vCard is read in kw-vcard.c; CSV here (RFC 4180 quoting, the
 * delimiter detected, Excel's "sep=" line, Windows-1252 text). Both are
 * small enough to read by hand: docs/contacts.md says why no library.
 */
#define G_LOG_DOMAIN "kw-people-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-error.h"
#include "kw-people-import.h"

gboolean
kw_people_file_is_csv (const char *lower_name,
                       const char *text)
{
  g_autofree char *head = g_ascii_strup (text, MIN (strlen (text), 4096));

  if (g_str_has_suffix (lower_name, ".csv") || g_str_has_suffix (lower_name, ".tsv"))
    return TRUE;
  return strstr (head, "BEGIN:VCARD") == NULL;
}

/* CSV */

/* The delimiter of the header line: comma, semicolon (Dutch Excel) or
 * tab, whichever is most frequent outside quotes. */
static char
guess_separator (const char *text)
{
  guint commas = 0, semis = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        {
          commas += *p == ',';
          semis += *p == ';';
          tabs += *p == '\t';
        }
    }
  if (tabs > commas && tabs > semis)
    return '\t';
  return semis > commas ? ';' : ',';
}

/* Excel's first line "sep=;" names the delimiter. */
static gboolean
read_sep_line (const char **p,
               char        *sep)
{
  if (g_ascii_strncasecmp (*p, "sep=", 4) != 0 || (*p)[4] == '\0'
      || ((*p)[5] != '\n' && (*p)[5] != '\r'))
    return FALSE;
  *sep = (*p)[4];
  *p += 5;
  while (**p == '\r' || **p == '\n')
    (*p)++;
  return TRUE;
}

static void
end_cell (GPtrArray *cells,
          GString   *cell,
          gboolean   was_quoted)
{
  g_ptr_array_add (cells, was_quoted ? g_strdup (cell->str) : g_strstrip (g_strdup (cell->str)));
  g_string_truncate (cell, 0);
}

/* Reads one row from *p (RFC 4180: a quoted cell may hold the
 * delimiter, "" for a quote, and line breaks); NULL at the end. */
static GStrv
read_row (const char **p,
          char         sep)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE, was_quoted = FALSE;
  const char *s = *p;

  if (*s == '\0')
    return NULL;
  for (; *s; s++)
    {
      if (quoted && *s == '"' && s[1] == '"')
        g_string_append_c (cell, *s++);
      else if (*s == '"')
        {
          quoted = !quoted;
          was_quoted = TRUE;
        }
      else if (*s == '\r' && s[1] == '\n')
        continue;  /* CRLF: the LF ends the row, or stays in a quoted cell */
      else if (!quoted && (*s == sep || *s == '\n' || *s == '\r'))
        {
          end_cell (cells, cell, was_quoted);
          was_quoted = FALSE;
          if (*s != sep)
            break;
        }
      else
        g_string_append_c (cell, *s);
    }
  if (*s == '\0')
    end_cell (cells, cell, was_quoted);
  *p = *s ? s + 1 : s;
  g_ptr_array_add (cells, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&cells), FALSE);
}

GPtrArray *
kw_csv_parse (const char  *text,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *utf8 = NULL;
  const char *p;
  char sep;
  GStrv row;

  g_return_val_if_fail (text != NULL, NULL);

  /* Excel saves "CSV" in the Windows code page: Windows-1252 here */
  utf8 = g_utf8_validate (text, -1, NULL) ? g_strdup (text)
                                           : g_convert (text, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (utf8 == NULL)
    utf8 = g_utf8_make_valid (text, -1);
  p = utf8;
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))  /* a byte order mark */
    p += 3;
  if (!read_sep_line (&p, &sep))
    sep = guess_separator (p);
  while ((row = read_row (&p, sep)) != NULL)
    {
      if (g_strv_length (row) == 1 && *row[0] == '\0')
        g_strfreev (row);  /* an empty line */
      else
        g_ptr_array_add (rows, row);
    }
  if (rows->len < 2)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED,
                   _("The file has no rows below its header"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

const char *
kw_csv_guess_field (const char *header)
{
  static const char * const guesses[][2] = {
    { "name", "name" }, { "naam", "name" }, { "full name", "name" }, { "volledige naam", "name" },
    { "email", "email" }, { "e-mail", "email" }, { "e-mailadres", "email" }, { "mail", "email" },
    { "phone", "phone" }, { "telephone", "phone" }, { "telefoon", "phone" }, { "mobiel", "phone" },
    { "mobile", "phone" }, { "tel", "phone" }, { "languages", "languages" }, { "talen", "languages" },
    { "communities", "communities" }, { "gemeenschap", "communities" }, { "topics", "topics" },
    { "onderwerpen", "topics" }, { "notes", "notes" }, { "notities", "notes" }, { "opmerkingen", "notes" },
  };
  g_autofree char *lower = g_utf8_strdown (header, -1);

  g_strstrip (lower);
  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    if (g_str_equal (lower, guesses[i][0]))
      return guesses[i][1];
  return NULL;
}

GPtrArray *
kw_csv_to_people (GPtrArray          *rows,
                  const char * const *columns)
{
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  guint n_columns = g_strv_length ((GStrv) columns);

  for (guint r = 1; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);
      GHashTable *person = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      for (guint c = 0; row[c] && c < n_columns; c++)
        if (*columns[c] != '\0' && *row[c] != '\0' && !g_hash_table_contains (person, columns[c]))
          g_hash_table_insert (person, g_strdup (columns[c]), g_strdup (row[c]));
      if (g_hash_table_contains (person, "name"))
        g_ptr_array_add (people, person);
      else
        g_hash_table_unref (person);
    }
  return people;
}
