/* kw-person-page.h: everything about one person, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-record-page.h"
#include "kw-child-group.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_PERSON_PAGE (kw_person_page_get_type ())
G_DECLARE_FINAL_TYPE (KwPersonPage, kw_person_page, KW, PERSON_PAGE, KwRecordPage)

KwPersonPage   *kw_person_page_new        (KwStore      *store);
/* An empty page for a new person, stored only when it has a name and
 * the user adds it (person.add-draft); person.cancel-draft leaves it. */
void            kw_person_page_start_draft (KwPersonPage *self);

/* The rest is KwRecordPage's (kw-record-page.h). */
#define kw_person_page_set_id(self, id)          kw_record_page_set_id (KW_RECORD_PAGE (self), (id))
#define kw_person_page_get_id(self)              kw_record_page_get_id (KW_RECORD_PAGE (self))
#define kw_person_page_get_row(self, field)      kw_record_page_get_row (KW_RECORD_PAGE (self), (field))
#define kw_person_page_get_message(self, field)  kw_record_page_get_message (KW_RECORD_PAGE (self), (field))
#define kw_person_page_focus_name(self)          kw_record_page_focus_title (KW_RECORD_PAGE (self))
#define kw_person_page_is_draft(self)            kw_record_page_is_draft (KW_RECORD_PAGE (self))
/* "affiliation", "relation" or "contact_moment" */
#define kw_person_page_get_group(self, type)     kw_record_page_get_child_group (KW_RECORD_PAGE (self), (type))

G_END_DECLS
