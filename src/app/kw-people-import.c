/* kw-people-import.c: people from vCard (3.0, 4.0) and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both formats are small enough to read by hand (RFC 6350 / 2426 line
 * folding and escapes, RFC 4180 quoting); Debian 12 has no well-kept C
 * vCard library that GNOME applications use, and libebook would bring
 * all of Evolution Data Server for a few properties.
 */
#define G_LOG_DOMAIN "kw-people-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-error.h"
#include "kw-people-import.h"

/* vCard */

static char *
unfold (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n' && (p[1] == ' ' || p[1] == '\t'))
        {
          p++;  /* a folded line goes on after one space */
          continue;
        }
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static char *
unescape (const char *value)
{
  GString *s = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (s, (*p == 'n' || *p == 'N') ? '\n' : *p);
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* The first component of a structured value ("Org;Unit" → "Org"). */
static char *
first_component (const char *value)
{
  const char *p = value;

  while (*p && !(*p == ';' && (p == value || p[-1] != '\\')))
    p++;
  return g_strndup (value, p - value);
}

/* N:Family;Given;Additional;Prefix;Suffix → "Given Family" */
static char *
name_from_n (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ";", -1);
  g_autofree char *family = parts[0] ? unescape (parts[0]) : g_strdup ("");
  g_autofree char *given = parts[0] && parts[1] ? unescape (parts[1]) : g_strdup ("");

  return g_strstrip (g_strdup_printf ("%s %s", given, family));
}

static void
take_property (GHashTable *person,
               const char *name,
               const char *value)
{
  static const char * const map[][2] = {
    { "FN", "name" }, { "EMAIL", "email" }, { "TEL", "phone" }, { "NOTE", "notes" },
    { "LANG", "languages" }, { "CATEGORIES", "topics" }, { "TITLE", "_role" },
  };

  if (g_str_equal (name, "N") && !g_hash_table_contains (person, "name"))
    g_hash_table_insert (person, g_strdup ("_n"), name_from_n (value));
  else if (g_str_equal (name, "ORG") && !g_hash_table_contains (person, "_organisation"))
    {
      g_autofree char *organisation = first_component (value);
      g_hash_table_insert (person, g_strdup ("_organisation"), unescape (organisation));
    }
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (name, map[i][0]) && !g_hash_table_contains (person, map[i][1]))
      g_hash_table_insert (person, g_strdup (map[i][1]), unescape (value));
}

static void
finish_card (GPtrArray  *people,
             GHashTable *person)
{
  char *n = g_hash_table_lookup (person, "_n");

  if (!g_hash_table_contains (person, "name") && n != NULL && *n != '\0')
    g_hash_table_insert (person, g_strdup ("name"), g_strdup (n));
  g_hash_table_remove (person, "_n");
  if (g_hash_table_contains (person, "name"))
    g_ptr_array_add (people, g_hash_table_ref (person));
}

/* "item1.EMAIL;TYPE=work:a@b" → name "EMAIL", value "a@b" */
static gboolean
split_line (char        *line,
            const char **name,
            const char **value)
{
  char *colon = strchr (line, ':');
  char *semi, *dot;

  if (colon == NULL)
    return FALSE;
  *colon = '\0';
  *value = colon + 1;
  if ((semi = strchr (line, ';')) != NULL)
    *semi = '\0';
  dot = strrchr (line, '.');
  *name = dot ? dot + 1 : line;
  return TRUE;
}

GPtrArray *
kw_vcard_parse (const char  *text,
                GError     **error)
{
  g_autofree char *unfolded = unfold (text);
  g_auto(GStrv) lines = g_strsplit (unfolded, "\n", -1);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) person = NULL;

  for (guint i = 0; lines[i]; i++)
    {
      const char *name, *value;
      g_autofree char *upper = NULL;

      if (!split_line (lines[i], &name, &value))
        continue;
      upper = g_ascii_strup (name, -1);
      if (g_str_equal (upper, "BEGIN") && g_ascii_strcasecmp (value, "VCARD") == 0)
        {
          g_clear_pointer (&person, g_hash_table_unref);
          person = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        }
      else if (g_str_equal (upper, "END") && person != NULL)
        {
          finish_card (people, person);
          g_clear_pointer (&person, g_hash_table_unref);
        }
      else if (person != NULL && *value != '\0')
        take_property (person, upper, value);
    }
  if (people->len == 0)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED,
                   _("No contact cards with a name were found in this file"));
      return NULL;
    }
  return g_steal_pointer (&people);
}

/* CSV */

static char
guess_separator (const char *text)
{
  guint commas = 0, semis = 0, tabs = 0;

  for (const char *p = text; *p && *p != '\n'; p++)
    {
      commas += *p == ',';
      semis += *p == ';';
      tabs += *p == '\t';
    }
  if (tabs > commas && tabs > semis)
    return '\t';
  return semis > commas ? ';' : ',';
}

/* Reads one row from *p; NULL at the end. */
static GStrv
read_row (const char **p,
          char         sep)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gboolean quoted = FALSE;
  const char *s = *p;

  if (*s == '\0')
    {
      g_string_free (cell, TRUE);
      return NULL;
    }
  for (; *s; s++)
    {
      if (quoted && *s == '"' && s[1] == '"')
        g_string_append_c (cell, *s++);
      else if (*s == '"')
        quoted = !quoted;
      else if (!quoted && (*s == sep || *s == '\n'))
        {
          g_ptr_array_add (cells, g_strdup (g_strstrip (cell->str)));
          g_string_truncate (cell, 0);
          if (*s == '\n')
            break;
        }
      else if (*s != '\r' || quoted)
        g_string_append_c (cell, *s);
    }
  if (*s == '\0')
    g_ptr_array_add (cells, g_strdup (g_strstrip (cell->str)));
  *p = *s ? s + 1 : s;
  g_string_free (cell, TRUE);
  g_ptr_array_add (cells, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&cells), FALSE);
}

GPtrArray *
kw_csv_parse (const char  *text,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *p = g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text;  /* a BOM */
  char sep = guess_separator (p);
  GStrv row;

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
