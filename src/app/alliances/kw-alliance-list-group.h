/* kw-alliance-list-group.h: read-only lists of an alliance's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  KW_ALLIANCE_LIST_RECRUITING,  /* prospective partners with their next step */
  KW_ALLIANCE_LIST_ACTIONS,     /* open action items of the alliance */
  KW_ALLIANCE_LIST_MEETINGS,    /* the alliance's meetings by their start */
} KwAllianceListKind;

#define KW_TYPE_ALLIANCE_LIST_GROUP (kw_alliance_list_group_get_type ())
G_DECLARE_FINAL_TYPE (KwAllianceListGroup, kw_alliance_list_group, KW, ALLIANCE_LIST_GROUP, AdwPreferencesGroup)

KwAllianceListGroup *kw_alliance_list_group_new     (KwStore             *store,
                                                     KwAllianceListKind   kind);
/* Shows the records of the alliance as they are now (today's local
 * date decides what is overdue). */
void                 kw_alliance_list_group_set_alliance (KwAllianceListGroup *self,
                                                          const char          *alliance_id);
/* The records shown (KwRecord), in order. */
GListModel          *kw_alliance_list_group_get_model (KwAllianceListGroup *self);
/* Whether the record's row is marked overdue. */
gboolean             kw_alliance_list_group_is_overdue (KwAllianceListGroup *self,
                                                        const char          *id);

G_END_DECLS
