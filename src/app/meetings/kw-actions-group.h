/* kw-actions-group.h: the running action list of a meeting's context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_ACTIONS_GROUP (kw_actions_group_get_type ())
G_DECLARE_FINAL_TYPE (KwActionsGroup, kw_actions_group, KW, ACTIONS_GROUP, AdwPreferencesGroup)

GtkWidget *kw_actions_group_new         (KwStore        *store);
void       kw_actions_group_set_meeting (KwActionsGroup *self,
                                         const char     *meeting_id);
/* An open action of the meeting (and its alliance); its id. */
char      *kw_actions_group_add         (KwActionsGroup *self,
                                         const char     *title,
                                         GError        **error);
/* The same with Wie (a person's id), Deadline (YYYY-MM-DD) and
 * Informatie; NULL leaves one out. */
char      *kw_actions_group_add_full    (KwActionsGroup *self,
                                         const char     *title,
                                         const char     *owner,
                                         const char     *deadline,
                                         const char     *info,
                                         GError        **error);
/* For tests: the add form's title entry row, its Wie chooser
 * (KwRecordChooser), Deadline calendar and Informatie entry row. */
void       kw_actions_group_get_form    (KwActionsGroup  *self,
                                         GtkWidget      **title_row,
                                         GtkWidget      **chooser,
                                         GtkWidget      **calendar,
                                         GtkWidget      **info_row);
/* For tests: the ids shown, in order, and which are marked overdue. */
GPtrArray *kw_actions_group_get_ids     (KwActionsGroup *self);
gboolean   kw_actions_group_is_overdue  (KwActionsGroup *self,
                                         const char     *action_id);

G_END_DECLS
