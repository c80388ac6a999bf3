/* kw-person-page.h: everything about one person, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-related-group.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_PERSON_PAGE (kw_person_page_get_type ())
G_DECLARE_FINAL_TYPE (KwPersonPage, kw_person_page, KW, PERSON_PAGE, AdwBin)

KwPersonPage   *kw_person_page_new        (KwStore      *store);
void            kw_person_page_set_id     (KwPersonPage *self,
                                           const char   *id);
const char     *kw_person_page_get_id     (KwPersonPage *self);
GtkWidget      *kw_person_page_get_row    (KwPersonPage *self,
                                           const char   *field);
/* The row under the field's row that says what is wrong with an edit. */
GtkWidget      *kw_person_page_get_message (KwPersonPage *self,
                                            const char   *field);
KwRelatedGroup *kw_person_page_get_group  (KwPersonPage *self,
                                           KwRelatedKind kind);
void            kw_person_page_focus_name (KwPersonPage *self);
/* An empty page for a new person, stored only when it has a name and
 * the user adds it (person.add-draft); person.cancel-draft leaves it. */
void            kw_person_page_start_draft (KwPersonPage *self);
gboolean        kw_person_page_is_draft   (KwPersonPage *self);

G_END_DECLS
