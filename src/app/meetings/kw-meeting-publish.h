/* kw-meeting-publish.h: publish and print from a meeting page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-meeting-doc.h"
#include "kw-store.h"

G_BEGIN_DECLS

/* Installs meeting.publish (the public minutes' preview,
 * KwPublishWindow), meeting.print-agenda and meeting.print-signin
 * (GtkPrintOperation) on a KwRecordPage subclass of meetings. */
void       kw_meeting_publish_install_actions (GtkWidgetClass   *widget_class);
/* A menu button with the three, for the page. */
GtkWidget *kw_meeting_publish_new_button      (void);
/* Prints a document of the meeting through GtkPrintOperation, drawing
 * the core's pages (kw_meeting_doc_draw_page). With @export_path the
 * pages are exported there as PDF without a dialog (tests); else the
 * print dialog is shown. */
gboolean   kw_meeting_publish_print           (GtkWindow        *parent,
                                               KwStore          *store,
                                               const char       *meeting_id,
                                               KwMeetingDocKind  kind,
                                               const char       *export_path,
                                               GError          **error);

G_END_DECLS
