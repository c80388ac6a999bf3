/* kw-people-import.h: people from vCard (3.0, 4.0) and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing only: the result is a list of people, each a GHashTable of
 * person field name → text (as kw_changeset_set_text() takes it), plus
 * "_organisation" and "_role" from a vCard's ORG and TITLE.
 */
#pragma once

#include <glib.h>

#include "kw-vcard.h"

G_BEGIN_DECLS

/* Whether a file is CSV rather than vCard, by its name (lower case)
 * and its text. */
gboolean     kw_people_file_is_csv (const char *lower_name,
                                    const char *text);
/* Rows of cells (GStrv); the first row is the header. Comma, semicolon
 * or tab separated (whichever the header has most of), RFC 4180 quotes. */
GPtrArray   *kw_csv_parse         (const char  *text,
                                   GError     **error);
/* The person field a CSV column header names, in English or Dutch
 * ("E-mail", "Telefoon", "Naam"), or NULL. */
const char  *kw_csv_guess_field   (const char  *header);
/* People from CSV rows: columns (NULL-terminated) holds the field of
 * each column, "" to leave the column out. */
GPtrArray   *kw_csv_to_people     (GPtrArray          *rows,
                                   const char * const *columns);

G_END_DECLS
