/* kw-format.c: dates and amounts as the interface shows and reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
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
#include <stdlib.h>
#include <string.h>

#include "kw-format.h"

/* Helpers */

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
kw_format_day (const char *iso_date)
{
  if (is_today (iso_date))
    return g_strdup (_("Today"));
  return kw_format_date (iso_date);
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
  /* Translators: the decimal separator of amounts of money: "," in Dutch */
  const char *separator = C_("decimal separator", ".");
  /* Translators: between thousands in amounts of money: "." in Dutch */
  const char *thousands = C_("thousands separator", ",");
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
