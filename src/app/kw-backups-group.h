/* kw-backups-group.h: the backups of the database, in Preferences, to restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_BACKUPS_GROUP (kw_backups_group_get_type ())
G_DECLARE_FINAL_TYPE (KwBackupsGroup, kw_backups_group, KW, BACKUPS_GROUP, AdwPreferencesGroup)

/* Lists the backups of @store (kw_store_list_backups), newest first, each
 * with a Restore… button that asks first (AdwMessageDialog). */
void        kw_backups_group_set_store   (KwBackupsGroup *self,
                                          KwStore        *store);
/* For tests: the rows shown (AdwActionRow), newest first. */
GListModel *kw_backups_group_get_rows    (KwBackupsGroup *self);
/* For tests: whether a restore runs. */
gboolean    kw_backups_group_get_running (KwBackupsGroup *self);

G_END_DECLS
