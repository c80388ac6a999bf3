/* kw-format.h: values, dates and amounts as the interface shows and reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kw-store.h"

G_BEGIN_DECLS

/* A date as it is typed in a field: "1-6-2025" in Dutch, the locale's
 * %x with a four-digit year in other locales ("01/06/2025" in en_GB),
 * ISO "2025-06-01" in C, for "2025-06-01" (also the date of a longer
 * ISO time); NULL stays NULL, text that is no date comes back. */
char     *kw_format_date        (const char *iso_date);
/* A date as pages, rows and summaries show it: "1 juni 2025" in Dutch,
 * "1 June 2025" in English (month names from LC_TIME). */
char     *kw_format_date_long   (const char *iso_date);
/* A short date with its weekday: "zo 1 jun" in Dutch, "Sun 1 Jun". */
char     *kw_format_date_short  (const char *iso_date);
/* "Today", else as kw_format_date_long: what a page shows for a moment. */
char     *kw_format_day         (const char *iso_date);
/* Reads a date typed in the locale's way (kw_format_date, with "-",
 * "/" or "." between the parts, leading zeros or not, also a two-digit
 * year) or as ISO "2025-06-01"; returns "YYYY-MM-DD", or NULL when the
 * text is not a real date. */
char     *kw_parse_date_locale  (const char *text);
/* "€ 12,50" in Dutch, "€12.50" in English. */
char     *kw_format_cents       (gint64      cents);
/* The title of the record a reference field points at: "Not set" for
 * NULL, "a private person" for a colleague's private person, "Unknown or
 * deleted" when it is not (or no longer) here. */
char     *kw_format_ref_title   (KwStore       *store,
                                 const KwField *field,
                                 const char    *id);
/* Any field's value as the interface shows it: a reference as the
 * title of its record, an enum as its label, a date in the locale, a
 * datetime in local time, cents as euros, a bool as Yes or No; NULL for
 * a NULL value. */
char     *kw_format_value       (KwStore       *store,
                                 const KwField *field,
                                 GVariant      *value);
/* "1 June 2025, 19:30" in local time for "2025-06-01T17:30:00Z"; text
 * that is no datetime comes back, NULL stays NULL. */
char     *kw_format_datetime    (const char *iso_datetime);
/* An amount as typed in a field: "12,50" in Dutch, "12.50" in English
 * (no euro sign, no thousands separator). */
char     *kw_format_cents_entry (gint64      cents);
/* Reads an amount of euros typed in the locale's way or the other
 * ("12,50", "12.50", "€ 1.234,5", "-3", "1,234.00" in English) into
 * cents; FALSE for text that is no amount (more than two decimals,
 * letters, groups of other than three digits). */
gboolean  kw_parse_cents        (const char *text,
                                 gint64     *cents);
/* The local date (as kw_format_date) and time ("19:30") of a stored
 * datetime; FALSE when @iso_datetime is none. */
gboolean  kw_format_datetime_entry (const char  *iso_datetime,
                                    char       **date_text,
                                    char       **time_text);
/* A date (kw_parse_date_locale) and a local time ("19:30", "19.30",
 * "9:05", "19:30:15") to the stored form in UTC, "2025-06-01T17:30:00Z";
 * NULL when either is not one. */
char     *kw_parse_datetime_locale (const char *date_text,
                                    const char *time_text);

G_END_DECLS
