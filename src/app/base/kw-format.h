/* kw-format.h: dates and amounts as the interface shows and reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kw-store.h"

G_BEGIN_DECLS

/* "1-6-2025" in Dutch, the locale's %x with a four-digit year
 * elsewhere ("06/01/2025" in C), for "2025-06-01" (also the date of a
 * longer ISO time); NULL stays NULL, text that is no date comes back. */
char     *kw_format_date        (const char *iso_date);
/* "Today", else as kw_format_date: what a page shows for a moment. */
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

G_END_DECLS
