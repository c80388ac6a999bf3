/* kw-format.c: values, dates and amounts as the interface shows and reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw_format_value() is the one place a stored value becomes text (the
 * summary, merge and conflicts windows, rows). Amounts are stored as
 * integer cents and typed and shown as euros with the translation's
 * decimal separator; datetimes are stored in UTC and shown and typed in
 * local time.
 *
 * The store keeps ISO dates ("2025-06-01"); people type and read them
 * in their own way. The order of day, month and year comes from the
 * translation (Dutch: "%-d-%-m-%Y", 1-6-2025), or, where it keeps "%x",
 * from the locale's date format, with the year in four digits.
 */
#define G_LOG_DOMAIN "kw-format"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "kw-format.h"

/* Helpers */

static gboolean
is_c_time_locale (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX")
         || g_str_has_prefix (name, "C.");
}

static char *
dup_entry_format (void)
{
  /* Translators: how dates are typed and shown in fields, as strftime()
   * takes it; keep "%x" for the format of the locale; Dutch: "%-d-%-m-%Y",
   * which gives 1-6-2025; xgettext:no-c-format */
  const char *format = _("%x");
  GString *out;

  if (strcmp (format, "%x") != 0)
    return g_strdup (format);
  /* the C locale's %x is the American "06/01/25": ISO reads the same everywhere */
  if (is_c_time_locale ())
    return g_strdup ("%Y-%m-%d");
  format = nl_langinfo (D_FMT);
  if (format == NULL || strstr (format, "%d") == NULL || strstr (format, "%m") == NULL)
    format = "%m/%d/%y";
  out = g_string_new (NULL);
  for (const char *p = format; *p; p++)
    {
      if (p[0] == '%' && p[1] == 'y')
        {
          g_string_append (out, "%Y");
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static GDateTime *
date_from_iso (const char *iso_date)
{
  g_autofree char *iso = NULL;

  if (iso_date == NULL || strlen (iso_date) < 10)
    return NULL;
  iso = g_strdup_printf ("%.10sT00:00:00Z", iso_date);
  return g_date_time_new_from_iso8601 (iso, NULL);
}

static char *
format_date (const char *iso_date,
             const char *format)
{
  g_autoptr(GDateTime) dt = date_from_iso (iso_date);
  char *formatted;

  if (dt == NULL)
    return g_strdup (iso_date);
  formatted = g_date_time_format (dt, format);
  return formatted != NULL ? g_strstrip (formatted) : g_strdup (iso_date);
}

static gboolean
is_today (const char *iso_date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return iso_date != NULL && strncmp (iso_date, today, 10) == 0 && strlen (iso_date) >= 10;
}

/* The position of day, month and year in the entry format: "dmy", "mdy", "ymd". */
static void
get_order (char order[4])
{
  g_autofree char *format = dup_entry_format ();
  guint n = 0;

  for (const char *p = format; *p && n < 3; p++)
    if (*p == '%')
      {
        p++;
        while (*p == '-' || *p == '_' || *p == '0')
          p++;
        if (*p == 'd' || *p == 'e')
          order[n++] = 'd';
        else if (*p == 'm')
          order[n++] = 'm';
        else if (*p == 'Y' || *p == 'y')
          order[n++] = 'y';
        if (*p == '\0')
          break;
      }
  if (n != 3)
    memcpy (order, "mdy", 3);
  order[3] = '\0';
}

/* Splits "1-6-2025" into three runs of digits; FALSE for anything else. */
static gboolean
split_parts (const char *text,
             char        parts[3][8])
{
  guint n = 0, len = 0;

  for (const char *p = text; ; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n >= 3 || len >= 7)
            return FALSE;
          parts[n][len++] = *p;
          continue;
        }
      if (len == 0)
        return FALSE;
      parts[n++][len] = '\0';
      len = 0;
      if (*p == '\0')
        break;
      if (*p != '-' && *p != '/' && *p != '.')
        return FALSE;
    }
  return n == 3;
}

static const char *
get_decimal_separator (void)
{
  /* Translators: the decimal separator of amounts of money: "," in Dutch */
  return C_("decimal separator", ".");
}

static const char *
get_thousands_separator (void)
{
  /* Translators: between thousands in amounts of money: "." in Dutch */
  return C_("thousands separator", ",");
}

/* "€ 1.234,50" → "1.234,50", "−3" → "-3": what is left is digits,
 * separators and a sign. */
static char *
dup_bare_amount (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x20AC || g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        continue;
      if (c == 0x2212)
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* "1.234" (with @group the separator) → 1234; FALSE unless groups of three. */
static gboolean
read_units (const char *text,
            gsize       len,
            char        group,
            gint64     *units)
{
  guint run = 0, digits = 0;
  gboolean grouped = FALSE;

  *units = 0;
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == group)
        {
          if (run == 0 || (grouped && run != 3) || run > 3)
            return FALSE;
          grouped = TRUE;
          run = 0;
          continue;
        }
      if (!g_ascii_isdigit (text[i]) || ++digits > 15)
        return FALSE;
      *units = *units * 10 + (text[i] - '0');
      run++;
    }
  return !grouped || run == 3;
}

static gboolean
read_time (const char *text,
           int        *hour,
           int        *minute,
           int        *second)
{
  g_autofree char *stripped = NULL;
  g_auto(GStrv) parts = NULL;
  guint n;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  parts = g_strsplit_set (stripped, ":.", -1);
  n = g_strv_length (parts);
  if (n < 2 || n > 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (parts[i]);

      if (len < 1 || len > 2 || (i > 0 && len != 2) || !g_ascii_isdigit (parts[i][0])
          || (len == 2 && !g_ascii_isdigit (parts[i][1])))
        return FALSE;
    }
  *hour = atoi (parts[0]);
  *minute = atoi (parts[1]);
  *second = n == 3 ? atoi (parts[2]) : 0;
  return *hour < 24 && *minute < 60 && *second < 60;
}

/* Public API */

char *
kw_format_date (const char *iso_date)
{
  g_autofree char *format = NULL;

  if (iso_date == NULL)
    return NULL;
  format = dup_entry_format ();
  return format_date (iso_date, format);
}

char *
kw_format_date_long (const char *iso_date)
{
  if (iso_date == NULL)
    return NULL;
  /* Translators: a date as pages and lists show it, a strftime() format:
   * "1 December 2026"; Dutch: "%-d %B %Y", which gives 1 december 2026 */
  return format_date (iso_date, C_("date format", "%-d %B %Y"));
}

char *
kw_format_date_short (const char *iso_date)
{
  if (iso_date == NULL)
    return NULL;
  /* Translators: a short date with its weekday, a strftime() format:
   * "Tue 1 Dec"; Dutch: "%a %-d %b", which gives di 1 dec */
  return format_date (iso_date, C_("short date format", "%a %-d %b"));
}

char *
kw_format_day (const char *iso_date)
{
  if (is_today (iso_date))
    return g_strdup (_("Today"));
  return kw_format_date_long (iso_date);
}

char *
kw_parse_date_locale (const char *text)
{
  g_autofree char *stripped = NULL;
  char parts[3][8], order[4];
  int d = 0, m = 0, y = 0;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (!split_parts (stripped, parts))
    return NULL;
  if (strlen (parts[0]) == 4)
    memcpy (order, "ymd", 4);
  else
    get_order (order);
  for (guint i = 0; i < 3; i++)
    {
      int v = atoi (parts[i]);
      gsize len = strlen (parts[i]);

      if (order[i] == 'y' && len != 4 && len != 2)
        return NULL;
      if (order[i] != 'y' && len > 2)
        return NULL;
      if (order[i] == 'd')
        d = v;
      else if (order[i] == 'm')
        m = v;
      else
        y = len == 2 ? 2000 + v : v;
    }
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

char *
kw_format_cents (gint64 cents)
{
  const char *separator = get_decimal_separator ();
  const char *thousands = get_thousands_separator ();
  guint64 abs = cents < 0 ? (guint64) -(cents + 1) + 1 : (guint64) cents;
  g_autofree char *units = g_strdup_printf ("%" G_GUINT64_FORMAT, abs / 100);
  g_autoptr(GString) amount = g_string_new (cents < 0 ? "−" : "");
  gsize len = strlen (units);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (amount, thousands);
      g_string_append_c (amount, units[i]);
    }
  g_string_append_printf (amount, "%s%02u", separator, (guint) (abs % 100));
  /* Translators: an amount of money; %s is the number, "12.50"; Dutch: "€ %s" */
  return g_strdup_printf (_("€%s"), amount->str);
}

char *
kw_format_ref_title (KwStore       *store,
                     const KwField *field,
                     const char    *id)
{
  char *title;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (id == NULL)
    return g_strdup (_("Not set"));
  if ((title = kw_store_dup_reference_title (store, field->targets, id)) == NULL)
    return g_strdup (_("Unknown or deleted"));
  return title;
}

char *
kw_format_value (KwStore       *store,
                 const KwField *field,
                 GVariant      *value)
{
  const char *label;

  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL)
    return NULL;
  switch (field->kind)
    {
    case KW_FIELD_BOOL:
      return g_strdup (g_variant_get_boolean (value) ? _("Yes") : _("No"));
    case KW_FIELD_ENUM:
      label = kw_field_get_value_label (field, g_variant_get_string (value, NULL));
      return g_strdup (label != NULL ? label : g_variant_get_string (value, NULL));
    case KW_FIELD_REF:
      g_return_val_if_fail (KW_IS_STORE (store), NULL);
      return kw_format_ref_title (store, field, g_variant_get_string (value, NULL));
    case KW_FIELD_DATE:
      return kw_format_date_long (g_variant_get_string (value, NULL));
    case KW_FIELD_DATETIME:
      return kw_format_datetime (g_variant_get_string (value, NULL));
    case KW_FIELD_CENTS:
      return kw_format_cents (g_variant_get_int64 (value));
    case KW_FIELD_TEXT:
    case KW_FIELD_INTEGER:
    default:
      return kw_field_format (field, value);
    }
}

char *
kw_format_datetime (const char *iso_datetime)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_datetime == NULL)
    return NULL;
  if ((dt = g_date_time_new_from_iso8601 (iso_datetime, NULL)) == NULL)
    return g_strdup (iso_datetime);
  local = g_date_time_to_local (dt);
  /* Translators: a date and time, see the strftime() manual; "3 March 2024, 14:05" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

char *
kw_format_cents_entry (gint64 cents)
{
  guint64 abs = cents < 0 ? (guint64) -(cents + 1) + 1 : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%02u", cents < 0 ? "-" : "",
                          abs / 100, get_decimal_separator (), (guint) (abs % 100));
}

gboolean
kw_parse_cents (const char *text,
                gint64     *cents)
{
  g_autofree char *bare = NULL;
  const char *digits, *last = NULL;
  char decimal = get_decimal_separator ()[0];
  gint64 units = 0, fraction = 0;
  gboolean negative;
  gsize tail = 0;

  g_return_val_if_fail (cents != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  bare = dup_bare_amount (text);
  negative = bare[0] == '-';
  digits = negative ? bare + 1 : bare;
  if (!g_ascii_isdigit (digits[0]))
    return FALSE;
  for (const char *p = digits; *p; p++)
    if (*p == '.' || *p == ',')
      last = p;
  if (last != NULL)
    tail = strlen (last + 1);
  /* "12,50" and "12.5" are cents either way; "1.234" is grouped when "." is not the locale's decimal */
  if (last != NULL && (*last == decimal || tail != 3) && strspn (last + 1, "0123456789") == tail)
    {
      char group = *last == '.' ? ',' : '.';

      if (tail > 2 || !read_units (digits, last - digits, group, &units))
        return FALSE;
      fraction = tail == 0 ? 0 : tail == 1 ? (last[1] - '0') * 10 : atoi (last + 1);
    }
  else if (!read_units (digits, strlen (digits), last ? *last : get_thousands_separator ()[0], &units))
    return FALSE;
  *cents = (units * 100 + fraction) * (negative ? -1 : 1);
  return TRUE;
}

gboolean
kw_format_datetime_entry (const char  *iso_datetime,
                          char       **date_text,
                          char       **time_text)
{
  g_autoptr(GDateTime) dt = iso_datetime ? g_date_time_new_from_iso8601 (iso_datetime, NULL) : NULL;
  g_autoptr(GDateTime) local = dt ? g_date_time_to_local (dt) : NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (date_text != NULL && time_text != NULL, FALSE);

  *date_text = *time_text = NULL;
  if (local == NULL)
    return FALSE;
  day = g_date_time_format (local, "%Y-%m-%d");
  *date_text = kw_format_date (day);
  *time_text = g_date_time_format (local, "%H:%M");
  return TRUE;
}

char *
kw_parse_datetime_locale (const char *date_text,
                          const char *time_text)
{
  g_autofree char *iso = kw_parse_date_locale (date_text);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  int hour, minute, second;

  if (iso == NULL || !read_time (time_text, &hour, &minute, &second))
    return NULL;
  local = g_date_time_new_local (atoi (iso), atoi (iso + 5), atoi (iso + 8), hour, minute, second);
  if (local == NULL)
    return NULL;
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}
