/* kw-collate.h: names in the order a reader expects them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A sort key of a name: lower case, each letter with a diacritic folded
 * to its base letter ("Zeynep Şahin" → "zeynep sahin", ı → i, ł → l,
 * ø → o, ß → ss), so that strcmp () sorts Ç, É, Ö, Ş among their base
 * letters. Plain ASCII comes back as g_ascii_strdown () would give it. */
char     *kw_collate_fold       (const char *name);
/* Whether the key has a byte outside ASCII (and needs folding). */
gboolean  kw_collate_needs_fold (const char *key);

/* A sort key by last name: the last word first ("de Wit" under W,
 * "van der Berg" under B), then the rest of the name; folded as above. */
char     *kw_collate_last_name_key (const char *name);

G_END_DECLS
