/* kw-csv.c: people from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vCard is read in kw-vcard.c; CSV here (RFC 4180 quoting, the
 * delimiter detected, Excel's "sep=" line, Windows-1252 text). Both are
 * small enough to read by hand: docs/contacts.md says why no library.
 */
#define G_LOG_DOMAIN "kw-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-csv.h"
#include "kw-people-import.h"

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
      g_set_error (error, KW_PEOPLE_ERROR, KW_PEOPLE_ERROR_EMPTY,
                   _("The file has no rows below its header"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Header names of Dutch and English address books, Outlook (NL, EN)
 * and membership administrations; compared in lower case. */
static const char * const guesses[][2] = {
  { "name", "name" }, { "naam", "name" }, { "full name", "name" }, { "volledige naam", "name" },
  { "display name", "name" }, { "weergavenaam", "name" },
  { "first name", "_first" }, { "firstname", "_first" }, { "given name", "_first" },
  { "voornaam", "_first" }, { "roepnaam", "_first" },
  { "prefix", "_prefix" }, { "tussenvoegsel", "_prefix" }, { "tussenvoegsels", "_prefix" },
  { "voorvoegsel", "_prefix" }, { "middle name", "_prefix" }, { "middelste naam", "_prefix" },
  { "last name", "_last" }, { "lastname", "_last" }, { "surname", "_last" }, { "family name", "_last" },
  { "achternaam", "_last" }, { "familienaam", "_last" },
  { "email", "email" }, { "e-mail", "email" }, { "e-mailadres", "email" }, { "mail", "email" },
  { "email address", "email" }, { "e-mail address", "email" }, { "e-mailadres 1", "email" },
  { "phone", "phone" }, { "telephone", "phone" }, { "telefoon", "phone" }, { "mobiel", "phone" },
  { "mobile", "phone" }, { "tel", "phone" }, { "mobile phone", "phone" }, { "mobiele telefoon", "phone" },
  { "telefoonnummer", "phone" }, { "phone number", "phone" }, { "home phone", "phone" },
  { "telefoon thuis", "phone" }, { "primary phone", "phone" },
  { "languages", "languages" }, { "talen", "languages" },
  { "communities", "communities" }, { "gemeenschap", "communities" }, { "gemeenschappen", "communities" },
  { "topics", "topics" }, { "onderwerpen", "topics" }, { "thema's", "topics" }, { "categories", "topics" },
  { "notes", "notes" }, { "notities", "notes" }, { "opmerkingen", "notes" }, { "opmerking", "notes" },
  { "organisation", "_organisation" }, { "organization", "_organisation" }, { "company", "_organisation" },
  { "organisatie", "_organisation" }, { "bedrijf", "_organisation" }, { "instelling", "_organisation" },
  { "role", "_role" }, { "job title", "_role" }, { "title", "_role" }, { "rol", "_role" },
  { "functie", "_role" },
  { "area", "_area" }, { "neighbourhood", "_area" }, { "neighborhood", "_area" }, { "district", "_area" },
  { "wijk", "_area" }, { "buurt", "_area" }, { "stadsdeel", "_area" },
};

const char *
kw_csv_guess_field (const char *header)
{
  g_autofree char *lower = g_utf8_strdown (header, -1);

  g_strstrip (lower);
  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    if (g_str_equal (lower, guesses[i][0]))
      return guesses[i][1];
  return NULL;
}

/* "Joël" + "de" + "Wit" → "Joël de Wit", when the row has no name. */
static void
join_name (GHashTable *person)
{
  const char *parts[] = { "_first", "_prefix", "_last" };
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *part = g_hash_table_lookup (person, parts[i]);

      if (part == NULL)
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }
  if (name->len > 0 && !g_hash_table_contains (person, "name"))
    g_hash_table_insert (person, g_strdup ("name"), g_string_free (g_steal_pointer (&name), FALSE));
}

GPtrArray *
kw_csv_to_people (GPtrArray          *rows,
                  const char * const *columns)
{
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  guint n_columns = g_strv_length ((GStrv) columns);

  g_return_val_if_fail (rows != NULL && columns != NULL, NULL);

  for (guint r = 1; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);
      GHashTable *person = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      for (guint c = 0; row[c] && c < n_columns; c++)
        if (*columns[c] != '\0' && *row[c] != '\0' && !g_hash_table_contains (person, columns[c]))
          g_hash_table_insert (person, g_strdup (columns[c]), g_strdup (row[c]));
      join_name (person);
      g_hash_table_insert (person, g_strdup ("_row"), g_strdup_printf ("%u", r));
      if (g_hash_table_contains (person, "name"))
        g_ptr_array_add (people, person);
      else
        g_hash_table_unref (person);
    }
  return people;
}

void
kw_csv_append_row (GString            *out,
                   const char * const *cells)
{
  g_return_if_fail (out != NULL && cells != NULL);

  for (guint c = 0; cells[c] != NULL; c++)
    {
      const char *cell = cells[c];

      if (c > 0)
        g_string_append_c (out, ',');
      if (strpbrk (cell, ",\"\r\n;") == NULL && !g_ascii_isspace (*cell))
        {
          g_string_append (out, cell);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = cell; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
