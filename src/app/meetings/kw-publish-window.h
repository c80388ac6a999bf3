/* kw-publish-window.h: the preview of a meeting's public minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-publish-minutes.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_PUBLISH_WINDOW (kw_publish_window_get_type ())
G_DECLARE_FINAL_TYPE (KwPublishWindow, kw_publish_window, KW, PUBLISH_WINDOW, AdwWindow)

/* The public minutes of a live meeting as they will read, beside the
 * redaction list (what, by what, why); NULL with the core's error. */
KwPublishWindow *kw_publish_window_new        (GtkWindow        *parent,
                                               KwStore          *store,
                                               const char       *meeting_id,
                                               GError          **error);
/* The same for minutes built already (kw_minutes_new (…, TRUE, …));
 * takes them. */
KwPublishWindow *kw_publish_window_new_for_minutes (GtkWindow   *parent,
                                                    KwMinutes   *minutes);
/* The text the preview shows. */
char            *kw_publish_window_dup_text   (KwPublishWindow  *self);
/* How many rows the redaction list shows. */
guint            kw_publish_window_get_n_redactions (KwPublishWindow *self);
/* Writes the public minutes to @path and the redaction list beside it
 * (kw_minutes_write); what the Save menu does after its file chooser. */
gboolean         kw_publish_window_save       (KwPublishWindow  *self,
                                               KwMinutesFormat   format,
                                               const char       *path,
                                               GError          **error);

G_END_DECLS
