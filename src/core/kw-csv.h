/* kw-csv.h: CSV files (RFC 4180) of people, read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib only. People are GHashTables of person field name → text (as
 * kw_changeset_set_text() takes it), plus the import's own keys:
 * "_first", "_prefix", "_last" (joined into "name" when the row has
 * none), "_organisation", "_role", "_area" and "_row" (the row's number
 * below the header, 1-based).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Rows of cells (GStrv); the first row is the header. Comma, semicolon
 * or tab separated (whichever the header has most of), RFC 4180 quotes. */
GPtrArray   *kw_csv_parse         (const char  *text,
                                   GError     **error);
/* The field a CSV column header names, in English or Dutch ("E-mail",
 * "Telefoon", "Voornaam", "Tussenvoegsel", "Organisatie", "Wijk"), as
 * Outlook and Dutch address books write them; or NULL. */
const char  *kw_csv_guess_field   (const char  *header);
/* People from CSV rows: columns (NULL-terminated) holds the field of
 * each column, "" to leave the column out. Rows without a name are left
 * out. */
GPtrArray   *kw_csv_to_people     (GPtrArray          *rows,
                                   const char * const *columns);
/* One row, comma separated, quoted where needed, CRLF. */
void         kw_csv_append_row    (GString            *out,
                                   const char * const *cells);

G_END_DECLS
