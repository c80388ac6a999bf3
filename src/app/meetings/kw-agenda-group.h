/* kw-agenda-group.h: a meeting's agenda, in the order of its positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-child-group.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_AGENDA_GROUP (kw_agenda_group_get_type ())
G_DECLARE_FINAL_TYPE (KwAgendaGroup, kw_agenda_group, KW, AGENDA_GROUP, KwChildGroup)

GtkWidget  *kw_agenda_group_new         (KwStore       *store);
void        kw_agenda_group_set_meeting (KwAgendaGroup *self,
                                         const char    *meeting_id);
/* Adds an item at the end; its id. */
char       *kw_agenda_group_add         (KwAgendaGroup *self,
                                         const char    *title,
                                         GError       **error);
/* Moves an item one place up (-1) or down (+1): a new position between
 * its new neighbours. FALSE at the top or bottom. */
gboolean    kw_agenda_group_move        (KwAgendaGroup *self,
                                         const char    *item_id,
                                         int            delta);
/* Moves an item to @index of the agenda (0: first); one write of its
 * position only. FALSE when it is there already or cannot go there. */
gboolean    kw_agenda_group_move_to     (KwAgendaGroup *self,
                                         const char    *item_id,
                                         guint          index);
/* An item dragged onto another's row: it takes that one's place. */
gboolean    kw_agenda_group_drop        (KwAgendaGroup *self,
                                         const char    *item_id,
                                         const char    *onto_id);
/* The row that shows an item, or NULL. */
GtkWidget  *kw_agenda_group_get_row     (KwAgendaGroup *self,
                                         const char    *item_id);
/* For tests: the items shown, in order (KwRecord), and the planned
 * minutes against the meeting's length (the warning when over). */
GPtrArray  *kw_agenda_group_get_items   (KwAgendaGroup *self);
GtkWidget  *kw_agenda_group_get_total_row (KwAgendaGroup *self);
gboolean    kw_agenda_group_get_overrun (KwAgendaGroup *self);

G_END_DECLS
