/* kw-minutes-banner.h: finalised minutes on a meeting's page, and the two dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_MINUTES_BANNER (kw_minutes_banner_get_type ())
G_DECLARE_FINAL_TYPE (KwMinutesBanner, kw_minutes_banner, KW, MINUTES_BANNER, GtkBox)

GtkWidget *kw_minutes_banner_new       (void);
/* Shows the meeting's state: hidden unless finalised; "Finalised on … by
 * …" with Reopen… (meeting.reopen), and "Changed after finalising by …
 * on …" when a colleague's later edit came in. Whether it is finalised. */
gboolean   kw_minutes_banner_update    (KwMinutesBanner *self,
                                        KwStore         *store,
                                        KwRecord        *meeting);
/* For tests: the two lines (the second hidden when nothing changed). */
GtkWidget *kw_minutes_banner_get_label (KwMinutesBanner *self);
GtkWidget *kw_minutes_banner_get_changed_label (KwMinutesBanner *self);

/* "Finalise the minutes?" (AdwMessageDialog, response "finalise"), then
 * kw_meetings_finalise; a refusal is a toast of @widget's view. */
void       kw_minutes_confirm_finalise (GtkWidget       *widget,
                                        KwStore         *store,
                                        const char      *meeting_id);
/* "Reopen the minutes?" with the reason in an entry (the extra child),
 * response "reopen" enabled once a reason is typed; kw_meetings_reopen. */
void       kw_minutes_ask_reopen       (GtkWidget       *widget,
                                        KwStore         *store,
                                        const char      *meeting_id);

G_END_DECLS
