/* kw-unit-group.h: a network's units (binnenbuurten), each with its flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-analysis.h"
#include "kw-child-group.h"

G_BEGIN_DECLS

#define KW_TYPE_UNIT_GROUP (kw_unit_group_get_type ())
G_DECLARE_FINAL_TYPE (KwUnitGroup, kw_unit_group, KW, UNIT_GROUP, KwChildGroup)

KwChildGroup *kw_unit_group_new          (KwStore     *store);
/* The words of each flag ("No deputy", "Contact person not contacted
 * for 6 months"), in the order of KwUnitFlags. */
GPtrArray    *kw_unit_group_dup_flag_labels (KwUnitFlags  flags,
                                             guint        stale_months);
/* A box of warning badges, one per flag, filled again; @brief: one
 * badge for a row, the flag's short words ("Deputy not contacted") or
 * "2 warnings", every flag's full words in its tooltip. */
void          kw_unit_group_fill_badges  (GtkWidget   *box,
                                          KwUnitFlags  flags,
                                          guint        stale_months,
                                          gboolean     brief);
/* The flags of a unit for today, with the preference's months. */
KwUnitFlags   kw_unit_group_get_flags    (KwStore     *store,
                                          const char  *unit_id);
/* "48 of ~50 members": members_count, else the members in the contacts. */
char         *kw_unit_group_dup_members_text (KwStore  *store,
                                              KwRecord *unit);

/* Empties @group now and gives it its parent once the window painted
 * its next frame: a page opens at once, its rows (each an expander with
 * its editor) follow. A later call replaces a pending one. */
void          kw_unit_group_fill_after_frame (KwChildGroup *group,
                                              const char   *parent_type,
                                              const char   *parent_id);

G_END_DECLS
