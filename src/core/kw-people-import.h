/* kw-people-import.h: contact files (vCard, CSV): what they are, their people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib only, shared by the application and kwartier-cli. The readers
 * are kw-vcard.h and kw-csv.h; kw-people-importer.h writes the people
 * into the store.
 */
#pragma once

#include <glib.h>

#include "kw-csv.h"
#include "kw-vcard.h"

G_BEGIN_DECLS

#define KW_PEOPLE_ERROR (kw_people_error_quark ())

typedef enum {
  KW_PEOPLE_ERROR_EMPTY,         /* no person with a name in the file */
  KW_PEOPLE_ERROR_CONTACT_FILE,  /* a contact file where an export was expected */
  KW_PEOPLE_ERROR_INVALID,       /* a bad option (a consent level) */
  KW_PEOPLE_ERROR_UNDONE,        /* the import was undone already */
  KW_PEOPLE_ERROR_NOT_PEOPLE,    /* a Kwartier export where a contact file was expected */
} KwPeopleError;

GQuark kw_people_error_quark (void);

typedef enum {
  KW_PEOPLE_FILE_OTHER,   /* neither: a Kwartier export, say */
  KW_PEOPLE_FILE_VCARD,
  KW_PEOPLE_FILE_CSV,
} KwPeopleFileKind;

/* What a file is, by its name and its first bytes: a vCard (BEGIN:VCARD
 * at the start, or .vcf/.vcard), a CSV (.csv/.tsv, or Excel's "sep="
 * line), else OTHER. A Kwartier export (JSON, gzip, sealed) is OTHER. */
KwPeopleFileKind kw_people_file_sniff      (const char  *name,
                                            const char  *head,
                                            gsize        len);
/* The same for a file on disk (its first 4 KiB); OTHER when unreadable. */
KwPeopleFileKind kw_people_file_sniff_path (const char  *path);
/* FALSE (KW_PEOPLE_ERROR_NOT_PEOPLE) when the text of a file chosen for
 * Import People is a Kwartier export (JSON Lines, gzip, sealed). */
gboolean         kw_people_file_check      (const char  *text,
                                            gsize        len,
                                            GError     **error);
/* "vCard" or "CSV" (not translated: names of formats). */
const char      *kw_people_file_kind_name  (KwPeopleFileKind kind);
/* Whether a file chosen for Import People is CSV rather than vCard, by
 * its name (lower case) and its text. */
gboolean         kw_people_file_is_csv     (const char  *lower_name,
                                            const char  *text);
/* The person fields (and the import's own "_first", "_prefix", "_last",
 * "_organisation", "_role", "_area") of CSV header cells, by
 * kw_csv_guess_field(): "" where nothing fits. */
GStrv            kw_csv_guess_columns      (const char * const *header);
/* The people of a vCard or CSV file (CSV columns guessed from the
 * header), each a GHashTable as kw_vcard_parse() makes them, with "_row"
 * their number in the file. *kind says which it was. */
GPtrArray       *kw_people_file_load       (const char        *path,
                                            KwPeopleFileKind  *kind,
                                            GError           **error);

G_END_DECLS
