/* kw-vcard.h: people from vCard files (2.1, 3.0, 4.0)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib only (no GTK, no store), so that it is tested on its own
 * (tests/test-people-import.c). docs/contacts.md says why this is
 * hand-written rather than evolution-data-server's EVCard.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The people of a vCard file, each a GHashTable of person field name →
 * text (as kw_changeset_set_text() takes it), plus "_organisation" and
 * "_role" from ORG and TITLE, and "_row", the card's number in the file. Handles a byte order mark, CRLF, LF or CR
 * line ends, folded lines, escapes (\\ \, \; \n), QUOTED-PRINTABLE and
 * CHARSET (2.1, 3.0), Windows-1252 text, TYPE and PREF parameters in
 * their 2.1, 3.0 and 4.0 forms, tel: URIs, and N when FN is missing.
 * The preferred (else the first) TEL and EMAIL become phone and email;
 * the others are kept in the notes. Cards of organisations or groups
 * (KIND) and cards without a name are left out. NULL when no card with
 * a name is found. */
GPtrArray *kw_vcard_parse (const char  *text,
                           GError     **error);

G_END_DECLS
