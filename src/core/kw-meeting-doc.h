/* kw-meeting-doc.h: the printable pages of a meeting, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One document per meeting and kind, laid out with pango for a page size
 * in points (A4 is KW_MEETING_DOC_A4_WIDTH × _HEIGHT) and drawn page by
 * page onto any cairo_t: `kwartier-cli print` and `minutes --format pdf`
 * write PDF files, the application prints the same pages through
 * GtkPrintOperation. What each names (spec/analysis.md, "What leaves the
 * laptop", docs/publication.md):
 *
 * - AGENDA: meeting, date and time, venue, chair; each item with its
 *   presenter, planned minutes and kind; the total against the meeting's
 *   length. Always by the public rules (kw-publish.h).
 * - SIGNIN: a table Name / Organisation / Signature: people with consent
 *   public or shared by name (and their organisation), everyone else an
 *   empty line, and empty lines for guests.
 * - MINUTES: the minutes of kw-publish-minutes.h, public or internal.
 *
 * No GTK.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kw-publish-minutes.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_MEETING_DOC_A4_WIDTH   595.276  /* points */
#define KW_MEETING_DOC_A4_HEIGHT  841.89
/* Empty lines for guests at the end of the sign-in sheet. */
#define KW_MEETING_DOC_GUEST_LINES 6

typedef enum {
  KW_MEETING_DOC_AGENDA,
  KW_MEETING_DOC_SIGNIN,
  KW_MEETING_DOC_MINUTES,
} KwMeetingDocKind;

typedef struct _KwMeetingDoc KwMeetingDoc;

/* @public_rules only counts for MINUTES (the agenda is always public).
 * NULL with KW_CORE_ERROR_NOT_FOUND for a meeting that is not live. */
KwMeetingDoc *kw_meeting_doc_new          (KwStore           *store,
                                           const char        *meeting_id,
                                           KwMeetingDocKind   kind,
                                           gboolean           public_rules,
                                           GError           **error);
/* The minutes document of @minutes (borrowed: it must outlive the doc). */
KwMeetingDoc *kw_meeting_doc_new_for_minutes (KwMinutes      *minutes);
/* How many pages at this size (points); at least one. */
guint         kw_meeting_doc_get_n_pages  (KwMeetingDoc      *doc,
                                           double             width,
                                           double             height);
/* Draws page @page (from 0) of a @width × @height page onto @cr, whose
 * user space is in points from the page's top left. */
void          kw_meeting_doc_draw_page    (KwMeetingDoc      *doc,
                                           cairo_t           *cr,
                                           double             width,
                                           double             height,
                                           guint              page);
/* All pages as an A4 PDF, written atomically. */
gboolean      kw_meeting_doc_write_pdf    (KwMeetingDoc      *doc,
                                           const char        *path,
                                           GError           **error);
/* The text of the document, block by block (for tests and previews). */
char         *kw_meeting_doc_dup_text     (KwMeetingDoc      *doc);
/* The redaction list of the document's public rules (kw-publish-minutes.h). */
char         *kw_meeting_doc_dup_redactions (KwMeetingDoc    *doc);
gboolean      kw_meeting_doc_write_minutes_pdf (KwMinutes    *minutes,
                                                const char   *path,
                                                GError      **error);
void          kw_meeting_doc_free         (KwMeetingDoc      *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwMeetingDoc, kw_meeting_doc_free)

G_END_DECLS
