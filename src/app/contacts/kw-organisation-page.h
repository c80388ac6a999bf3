/* kw-organisation-page.h: one organisation, its people and relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-related-group.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_ORGANISATION_PAGE (kw_organisation_page_get_type ())
G_DECLARE_FINAL_TYPE (KwOrganisationPage, kw_organisation_page, KW, ORGANISATION_PAGE, AdwBin)

KwOrganisationPage *kw_organisation_page_new        (KwStore            *store);
void                kw_organisation_page_set_id     (KwOrganisationPage *self,
                                                     const char         *id);
const char         *kw_organisation_page_get_id     (KwOrganisationPage *self);
GtkWidget          *kw_organisation_page_get_row    (KwOrganisationPage *self,
                                                     const char         *field);
KwRelatedGroup     *kw_organisation_page_get_group  (KwOrganisationPage *self,
                                                     KwRelatedKind       kind);
void                kw_organisation_page_focus_name (KwOrganisationPage *self);
/* An empty page for a new organisation, stored only when it has a name
 * and the user adds it (organisation.add-draft). */
void                kw_organisation_page_start_draft (KwOrganisationPage *self);
gboolean            kw_organisation_page_is_draft   (KwOrganisationPage *self);

G_END_DECLS
