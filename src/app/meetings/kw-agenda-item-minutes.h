/* kw-agenda-item-minutes.h: the minutes of one agenda item, as an expander row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_AGENDA_ITEM_MINUTES (kw_agenda_item_minutes_get_type ())
G_DECLARE_FINAL_TYPE (KwAgendaItemMinutes, kw_agenda_item_minutes, KW, AGENDA_ITEM_MINUTES, AdwExpanderRow)

GtkWidget  *kw_agenda_item_minutes_new        (KwStore             *store,
                                               KwRecord            *item);
const char *kw_agenda_item_minutes_get_id     (KwAgendaItemMinutes *self);
/* The item as read again (an edit not yet written stays as typed). */
void        kw_agenda_item_minutes_set_item   (KwAgendaItemMinutes *self,
                                               KwRecord            *item);
/* Finalised minutes: nothing can be edited, the notes and decision can
 * still be read and copied. */
void        kw_agenda_item_minutes_set_locked (KwAgendaItemMinutes *self,
                                               gboolean             locked);
/* For tests: the notes and decision views, the next-time switch, and the
 * add-action form's title entry, Who row and Deadline entry
 * (KwRecordEditor rows of a draft action item: Enter in the title or
 * Add Action makes it). */
GtkWidget  *kw_agenda_item_minutes_get_view   (KwAgendaItemMinutes *self,
                                               const char          *field);
GtkWidget  *kw_agenda_item_minutes_get_next_time (KwAgendaItemMinutes *self);
GtkWidget  *kw_agenda_item_minutes_get_action_entry (KwAgendaItemMinutes *self);
GtkWidget  *kw_agenda_item_minutes_get_owner_row (KwAgendaItemMinutes *self);
GtkWidget  *kw_agenda_item_minutes_get_deadline_entry (KwAgendaItemMinutes *self);
/* The draft action item's editor (its Who popover for tests). */
GObject    *kw_agenda_item_minutes_get_action_editor (KwAgendaItemMinutes *self);

G_END_DECLS
