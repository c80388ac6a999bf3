/* kw-vcard.c: people from vCard files (2.1, 3.0, 4.0)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 2425/2426 (3.0), RFC 6350 (4.0) and the vCard 2.1 specification
 * (QUOTED-PRINTABLE, CHARSET, bare parameters such as ";WORK;PREF").
 */
#define G_LOG_DOMAIN "kw-vcard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-people-import.h"
#include "kw-vcard.h"

typedef struct {
  char      *name;      /* upper case, without its group ("item1.") */
  GPtrArray *types;     /* lower case TYPE values, bare 2.1 ones too */
  gboolean   pref;
  gboolean   quoted_printable;
  gboolean   binary;    /* BASE64: a photo or a key, not read */
  char      *charset;
  char      *value;     /* decoded to UTF-8, still escaped */
} Property;

typedef struct {
  GHashTable *fields;   /* the person */
  GPtrArray  *phones;   /* Property, borrowed until the card ends */
  GPtrArray  *emails;
  GPtrArray  *languages;
  char       *n_name;
  gboolean    not_a_person;
} Card;

/* Helpers: text */

/* UTF-8 from bytes in a charset; bytes that are not UTF-8 without one
 * are taken as Windows-1252 (what Outlook and Excel write). */
static char *
to_utf8 (const char *bytes,
         gssize      len,
         const char *charset)
{
  char *text = NULL;

  if (len < 0)
    len = strlen (bytes);
  if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0)
    text = g_convert (bytes, len, "UTF-8", charset, NULL, NULL, NULL);
  if (text == NULL && g_utf8_validate (bytes, len, NULL))
    text = g_strndup (bytes, len);
  if (text == NULL)
    text = g_convert (bytes, len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  return text != NULL ? text : g_utf8_make_valid (bytes, len);
}

static int
hex_value (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

/* =XX escapes; soft line breaks were joined when reading lines. */
static GString *
decode_quoted_printable (const char *value)
{
  GString *bytes = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (*p == '=' && hex_value (p[1]) >= 0 && hex_value (p[2]) >= 0)
        {
          g_string_append_c (bytes, (char) (hex_value (p[1]) * 16 + hex_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (bytes, *p);
    }
  return bytes;
}

/* \\ \, \; \n \N; a backslash before anything else stays. */
static char *
unescape (const char *value)
{
  GString *s = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (*p == '\\' && p[1] != '\0' && strchr ("\\,;nN:", p[1]) != NULL)
        {
          p++;
          g_string_append_c (s, (*p == 'n' || *p == 'N') ? '\n' : *p);
        }
      else
        g_string_append_c (s, *p);
    }
  return g_strstrip (g_string_free (s, FALSE));
}

/* Splits a structured value at unescaped separators, then unescapes. */
static GStrv
split_value (const char *value,
             char        separator)
{
  GPtrArray *parts = g_ptr_array_new ();
  const char *start = value;

  for (const char *p = value; ; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == separator || *p == '\0')
        {
          g_autofree char *raw = g_strndup (start, p - start);

          g_ptr_array_add (parts, unescape (raw));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  g_ptr_array_add (parts, NULL);
  return (GStrv) g_ptr_array_free (parts, FALSE);
}

/* Helpers: lines and properties */

/* The part before the value: where the first ':' outside quotes is. */
static const char *
find_value_colon (const char *line)
{
  gboolean quoted = FALSE;

  for (const char *p = line; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        return p;
    }
  return NULL;
}

static gboolean
is_quoted_printable (const char *line)
{
  const char *colon = find_value_colon (line);
  g_autofree char *head = colon ? g_ascii_strup (line, colon - line) : NULL;

  return head != NULL && (strstr (head, "QUOTED-PRINTABLE") != NULL || strstr (head, "ENCODING=QP") != NULL);
}

/* At CRLF, CR or LF (bytes: the text need not be UTF-8 yet). */
static GStrv
split_physical_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *start = text;

  for (const char *p = text; ; p++)
    {
      if (*p != '\0' && *p != '\r' && *p != '\n')
        continue;
      g_ptr_array_add (lines, g_strndup (start, p - start));
      if (*p == '\0')
        break;
      if (*p == '\r' && p[1] == '\n')
        p++;
      start = p + 1;
    }
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (lines, FALSE);
}

/* Logical lines: a byte order mark dropped, CRLF and CR read as LF, a
 * line starting with a space or tab joined to the one before (without
 * that space), and a QUOTED-PRINTABLE line ending in "=" joined to the
 * next (a soft line break). */
static GPtrArray *
read_lines (const char *text)
{
  g_auto(GStrv) physical = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *current = NULL;

  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;
  physical = split_physical_lines (text);
  for (guint i = 0; physical[i]; i++)
    {
      const char *line = physical[i];

      if (current != NULL && current->len > 0 && current->str[current->len - 1] == '='
          && is_quoted_printable (current->str))
        g_string_truncate (current, current->len - 1);
      else if (current != NULL && (*line == ' ' || *line == '\t'))
        line++;
      else
        {
          if (current != NULL)
            g_ptr_array_add (lines, g_string_free (current, FALSE));
          current = g_string_new (NULL);
        }
      g_string_append (current, line);
    }
  if (current != NULL)
    g_ptr_array_add (lines, g_string_free (current, FALSE));
  return lines;
}

static void
property_free (Property *prop)
{
  g_free (prop->name);
  g_ptr_array_unref (prop->types);
  g_free (prop->charset);
  g_free (prop->value);
  g_free (prop);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Property, property_free)

/* TYPE=work,voice or TYPE="work,voice": each value, lower case. */
static void
add_types (Property   *prop,
           const char *values)
{
  g_auto(GStrv) parts = g_strsplit_set (values, ",\"", -1);

  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]) != '\0')
      {
        if (g_ascii_strcasecmp (parts[i], "pref") == 0)
          prop->pref = TRUE;
        g_ptr_array_add (prop->types, g_ascii_strdown (parts[i], -1));
      }
}

static void
take_parameter (Property   *prop,
                const char *param)
{
  const char *eq = strchr (param, '=');
  g_autofree char *key = g_ascii_strup (param, eq ? eq - param : -1);
  const char *value = eq ? eq + 1 : NULL;

  if (value == NULL)  /* vCard 2.1: ";WORK", ";PREF", ";QUOTED-PRINTABLE" */
    {
      if (g_str_equal (key, "QUOTED-PRINTABLE"))
        prop->quoted_printable = TRUE;
      else if (g_str_equal (key, "BASE64"))
        prop->binary = TRUE;
      else
        add_types (prop, key);
    }
  else if (g_str_equal (key, "TYPE"))
    add_types (prop, value);
  else if (g_str_equal (key, "PREF"))
    prop->pref = TRUE;  /* 4.0: PREF=1 (any value: preferred over none) */
  else if (g_str_equal (key, "CHARSET"))
    prop->charset = g_strdup (value);
  else if (g_str_equal (key, "ENCODING"))
    {
      prop->quoted_printable = g_ascii_strcasecmp (value, "QUOTED-PRINTABLE") == 0 || g_ascii_strcasecmp (value, "QP") == 0;
      prop->binary = g_ascii_strcasecmp (value, "B") == 0 || g_ascii_strcasecmp (value, "BASE64") == 0;
    }
}

/* "item1.TEL;TYPE=work;PREF=1" → "item1.TEL", "TYPE=work", "PREF=1" */
static GStrv
split_head (const char *head)
{
  GPtrArray *parts = g_ptr_array_new ();
  gboolean quoted = FALSE;
  const char *start = head;

  for (const char *p = head; ; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if ((*p == ';' && !quoted) || *p == '\0')
        {
          g_ptr_array_add (parts, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  g_ptr_array_add (parts, NULL);
  return (GStrv) g_ptr_array_free (parts, FALSE);
}

static Property *
parse_property (const char *line)
{
  const char *colon = find_value_colon (line);
  g_autofree char *head = NULL;
  g_auto(GStrv) parts = NULL;
  Property *prop;
  char *dot;

  if (colon == NULL)
    return NULL;
  head = g_strndup (line, colon - line);
  parts = split_head (head);
  prop = g_new0 (Property, 1);
  prop->types = g_ptr_array_new_with_free_func (g_free);
  dot = strrchr (parts[0], '.');
  prop->name = g_ascii_strup (g_strstrip (dot ? dot + 1 : parts[0]), -1);
  for (guint i = 1; parts[i]; i++)
    take_parameter (prop, g_strstrip (parts[i]));
  if (prop->quoted_printable)
    {
      g_autoptr(GString) bytes = decode_quoted_printable (colon + 1);
      prop->value = to_utf8 (bytes->str, bytes->len, prop->charset);
    }
  else
    prop->value = to_utf8 (colon + 1, -1, prop->charset);
  return prop;
}

/* Helpers: cards */

static void
card_clear (Card *card)
{
  g_clear_pointer (&card->fields, g_hash_table_unref);
  g_clear_pointer (&card->phones, g_ptr_array_unref);
  g_clear_pointer (&card->emails, g_ptr_array_unref);
  g_clear_pointer (&card->languages, g_ptr_array_unref);
  g_clear_pointer (&card->n_name, g_free);
  card->not_a_person = FALSE;
}

static void
card_start (Card *card)
{
  card_clear (card);
  card->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  card->phones = g_ptr_array_new_with_free_func ((GDestroyNotify) property_free);
  card->emails = g_ptr_array_new_with_free_func ((GDestroyNotify) property_free);
  card->languages = g_ptr_array_new_with_free_func (g_free);
}

static void
set_field (Card       *card,
           const char *field,
           char       *text)   /* taken */
{
  if (text == NULL || *text == '\0' || g_hash_table_contains (card->fields, field))
    {
      g_free (text);
      return;
    }
  g_hash_table_insert (card->fields, g_strdup (field), text);
}

/* N:Family;Given;Additional;Prefix;Suffix → "Given Additional Family" */
static char *
name_from_n (const char *value)
{
  g_auto(GStrv) parts = split_value (value, ';');
  GString *name = g_string_new (NULL);
  const int order[] = { 1, 2, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (order[i] >= (int) g_strv_length (parts) || *parts[order[i]] == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, parts[order[i]]);
    }
  return g_string_free (name, FALSE);
}

/* "tel:+31-20-123" → "+31-20-123"; "mailto:a@b" → "a@b" */
static void
strip_uri (Property *prop)
{
  const char *prefixes[] = { "tel:", "mailto:" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_ascii_strncasecmp (prop->value, prefixes[i], strlen (prefixes[i])) == 0)
      memmove (prop->value, prop->value + strlen (prefixes[i]), strlen (prop->value) - strlen (prefixes[i]) + 1);
}

static char *
first_component (const char *value)
{
  g_auto(GStrv) parts = split_value (value, ';');

  return g_strdup (parts[0] ? parts[0] : "");
}

static char *
join_list (const char *value)
{
  g_auto(GStrv) parts = split_value (value, ',');

  return g_strjoinv (", ", parts);
}

static void
take_text_property (Card     *card,
                    Property *prop)
{
  const char *name = prop->name;

  if (g_str_equal (name, "FN"))
    set_field (card, "name", unescape (prop->value));
  else if (g_str_equal (name, "N") && card->n_name == NULL)
    card->n_name = name_from_n (prop->value);
  else if (g_str_equal (name, "NOTE"))
    set_field (card, "notes", unescape (prop->value));
  else if (g_str_equal (name, "CATEGORIES"))
    set_field (card, "topics", join_list (prop->value));
  else if (g_str_equal (name, "LANG"))
    g_ptr_array_add (card->languages, unescape (prop->value));
  else if (g_str_equal (name, "TITLE") || g_str_equal (name, "ROLE"))
    set_field (card, "_role", unescape (prop->value));
  else if (g_str_equal (name, "ORG"))
    set_field (card, "_organisation", first_component (prop->value));
  else if (g_str_equal (name, "KIND"))
    card->not_a_person = g_ascii_strcasecmp (g_strstrip (prop->value), "individual") != 0;
}

static void
take_property (Card     *card,
               Property *prop)   /* taken */
{
  gboolean tel = g_str_equal (prop->name, "TEL");

  if (prop->binary || *g_strstrip (prop->value) == '\0')
    property_free (prop);
  else if (tel || g_str_equal (prop->name, "EMAIL"))
    {
      strip_uri (prop);
      g_ptr_array_add (tel ? card->phones : card->emails, prop);
    }
  else
    {
      take_text_property (card, prop);
      property_free (prop);
    }
}

/* The preferred one, else the first. */
static Property *
pick (GPtrArray *props)
{
  for (guint i = 0; i < props->len; i++)
    if (((Property *) g_ptr_array_index (props, i))->pref)
      return g_ptr_array_index (props, i);
  return props->len > 0 ? g_ptr_array_index (props, 0) : NULL;
}

/* A TYPE in the user's language (finding 25: "Telefoon (mobiel)", not
 * "(cell)"); a type we do not know stays as written. */
static const char *
translate_type (const char *type)
{
  static const char * const types[][2] = {
    /* TRANSLATORS: kinds of phone numbers and e-mail addresses, as in
     * "Phone (mobile): 06 1234 5678" in the notes of an imported person */
    { "cell", N_("mobile") }, { "mobile", N_("mobile") }, { "home", N_("home") },
    { "work", N_("work") }, { "fax", N_("fax") }, { "pager", N_("pager") },
    { "text", N_("text messages") }, { "main", N_("main number") }, { "other", N_("other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (type, types[i][0]))
      return _(types[i][1]);
  return type;
}

/* "Phone (work): 020 123 4567", for each one not picked. */
static void
add_others (GString    *notes,
            GPtrArray  *props,
            Property   *picked,
            const char *label)
{
  for (guint i = 0; i < props->len; i++)
    {
      Property *prop = g_ptr_array_index (props, i);
      g_autofree char *value = unescape (prop->value);
      g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

      if (prop == picked)
        continue;
      for (guint t = 0; t < prop->types->len; t++)
        if (strstr ("pref internet voice x400", g_ptr_array_index (prop->types, t)) == NULL)
          g_ptr_array_add (kinds, (gpointer) translate_type (g_ptr_array_index (prop->types, t)));
      g_ptr_array_add (kinds, NULL);
      g_string_append_printf (notes, "%s%s", notes->len ? "\n" : "", label);
      if (kinds->len > 1)
        {
          g_autofree char *joined = g_strjoinv (", ", (GStrv) kinds->pdata);
          g_string_append_printf (notes, " (%s)", joined);
        }
      g_string_append_printf (notes, ": %s", value);
    }
}

static void
finish_card (GPtrArray *people,
             Card      *card,
             guint      number)
{
  Property *phone = pick (card->phones), *email = pick (card->emails);
  g_autoptr(GString) others = g_string_new (NULL);
  const char *notes;

  if (phone != NULL)
    set_field (card, "phone", unescape (phone->value));
  if (email != NULL)
    set_field (card, "email", unescape (email->value));
  add_others (others, card->phones, phone, _("Phone"));
  add_others (others, card->emails, email, _("E-mail"));
  if (others->len > 0)
    {
      notes = g_hash_table_lookup (card->fields, "notes");
      g_hash_table_insert (card->fields, g_strdup ("notes"),
                           notes ? g_strdup_printf ("%s\n\n%s", notes, others->str) : g_strdup (others->str));
    }
  g_ptr_array_add (card->languages, NULL);
  set_field (card, "languages", g_strjoinv (", ", (GStrv) card->languages->pdata));
  g_ptr_array_set_size (card->languages, card->languages->len - 1);
  set_field (card, "name", g_steal_pointer (&card->n_name));
  set_field (card, "_row", g_strdup_printf ("%u", number));
  if (g_hash_table_contains (card->fields, "name") && !card->not_a_person)
    g_ptr_array_add (people, g_hash_table_ref (card->fields));
}

/* Public API */

GPtrArray *
kw_vcard_parse (const char  *text,
                GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  Card card = { 0 };
  gboolean in_card = FALSE;
  guint n_cards = 0;

  g_return_val_if_fail (text != NULL, NULL);

  lines = read_lines (text);
  for (guint i = 0; i < lines->len; i++)
    {
      Property *prop = parse_property (g_ptr_array_index (lines, i));

      if (prop == NULL)
        continue;
      if (g_str_equal (prop->name, "BEGIN") && g_ascii_strcasecmp (g_strstrip (prop->value), "VCARD") == 0)
        {
          card_start (&card);
          in_card = TRUE;
          n_cards++;
        }
      else if (g_str_equal (prop->name, "END") && in_card)
        {
          finish_card (people, &card, n_cards);
          in_card = FALSE;
        }
      else if (in_card)
        {
          take_property (&card, prop);
          continue;
        }
      property_free (prop);
    }
  card_clear (&card);
  if (people->len == 0)
    {
      g_set_error (error, KW_PEOPLE_ERROR, KW_PEOPLE_ERROR_EMPTY,
                   _("No contact cards with a name were found in this file"));
      return NULL;
    }
  return g_steal_pointer (&people);
}
