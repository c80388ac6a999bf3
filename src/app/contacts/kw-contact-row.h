/* kw-contact-row.h: a person or organisation in the contacts list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_CONTACT_ROW (kw_contact_row_get_type ())
G_DECLARE_FINAL_TYPE (KwContactRow, kw_contact_row, KW, CONTACT_ROW, GtkBox)

GtkWidget *kw_contact_row_new  (void);
/* search: the list's search, to say where it matched when not in the
 * name, or NULL */
void       kw_contact_row_bind (KwContactRow *self,
                                KwStore      *store,
                                KwRecord     *record,
                                const char   *search);

/* Pango markup of text with what a search matched (each of its words,
 * any case) in bold; "" for NULL. */
char      *kw_contact_markup_highlight (const char   *text,
                                        const char   *search);
gboolean   kw_contact_markup_matches   (const char   *text,
                                        const char   *search);
/* Where a search matched a record outside its title, as markup
 * ("Communities: <b>Ghanese</b> vrouwen"), or NULL. */
char      *kw_contact_dup_match_note   (KwRecord     *record,
                                        const char   *search);

G_END_DECLS
