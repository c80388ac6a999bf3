/* kw-venue-group.h: a meeting's venue, its own details edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_VENUE_GROUP (kw_venue_group_get_type ())
G_DECLARE_FINAL_TYPE (KwVenueGroup, kw_venue_group, KW, VENUE_GROUP, AdwPreferencesGroup)

GtkWidget  *kw_venue_group_new         (KwStore      *store);
/* The venue of the meeting, read again (call it when the meeting changed). */
void        kw_venue_group_set_meeting (KwVenueGroup *self,
                                        const char   *meeting_id);
/* New Venue…: a venue of this name, made the meeting's; its id. */
char       *kw_venue_group_add_venue   (KwVenueGroup *self,
                                        const char   *name,
                                        GError      **error);
/* For tests: the venue shown (NULL: none), the editor row of one of
 * its fields ("address", "capacity", "accessibility"), and the entry of
 * New Venue…. */
const char *kw_venue_group_get_venue   (KwVenueGroup *self);
GtkWidget  *kw_venue_group_get_row     (KwVenueGroup *self,
                                        const char   *field);
GtkWidget  *kw_venue_group_get_name_entry (KwVenueGroup *self);

G_END_DECLS
