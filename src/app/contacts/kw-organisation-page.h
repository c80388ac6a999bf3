/* kw-organisation-page.h: one organisation, its people and relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-record-page.h"
#include "kw-child-group.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_ORGANISATION_PAGE (kw_organisation_page_get_type ())
G_DECLARE_FINAL_TYPE (KwOrganisationPage, kw_organisation_page, KW, ORGANISATION_PAGE, KwRecordPage)

KwOrganisationPage *kw_organisation_page_new        (KwStore            *store);
/* An empty page for a new organisation, stored only when it has a name
 * and the user adds it (organisation.add-draft). */
void                kw_organisation_page_start_draft (KwOrganisationPage *self);

/* The rest is KwRecordPage's (kw-record-page.h). */
#define kw_organisation_page_set_id(self, id)      kw_record_page_set_id (KW_RECORD_PAGE (self), (id))
#define kw_organisation_page_get_id(self)          kw_record_page_get_id (KW_RECORD_PAGE (self))
#define kw_organisation_page_get_row(self, field)  kw_record_page_get_row (KW_RECORD_PAGE (self), (field))
#define kw_organisation_page_focus_name(self)      kw_record_page_focus_title (KW_RECORD_PAGE (self))
#define kw_organisation_page_is_draft(self)        kw_record_page_is_draft (KW_RECORD_PAGE (self))
/* "affiliation" or "relation" */
#define kw_organisation_page_get_group(self, type) kw_record_page_get_child_group (KW_RECORD_PAGE (self), (type))

G_END_DECLS
