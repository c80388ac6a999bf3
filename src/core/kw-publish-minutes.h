/* kw-publish-minutes.h: a meeting's minutes as they are written out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `kwartier-cli minutes` writes and the app's preview shows
 * (docs/publication.md): title, kind, date and time, venue, chair and
 * minute taker, who was present / absent with notice / absent, each
 * agenda item with its notes and decision, the running action list of
 * the context (Actie / Wie / Deadline / Informatie, kw_meetings_actions)
 * and what comes back next time. With the public rules every name is as
 * kw-publish.h says and every free text is redacted; private people are
 * not listed but counted ("and 2 others"); private notes never appear.
 * Every string here is final (redacted when public). No GTK.
 */
#pragma once

#include <glib.h>

#include "kw-publish.h"
#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  KW_MINUTES_FORMAT_MARKDOWN,
  KW_MINUTES_FORMAT_HTML,
  KW_MINUTES_FORMAT_PDF,
} KwMinutesFormat;

typedef enum {
  KW_MINUTES_PRESENT,
  KW_MINUTES_ABSENT_NOTIFIED,
  KW_MINUTES_ABSENT,
  KW_MINUTES_INVITED,
  KW_MINUTES_N_GROUPS
} KwMinutesPresence;

typedef struct {
  char   *title;
  char   *presenter;        /* or NULL */
  gint64  minutes_planned;  /* -1 when not planned */
  char   *kind;             /* translated label, or NULL */
  char   *notes;            /* or NULL */
  char   *decision;         /* or NULL */
} KwMinutesItem;

typedef struct {
  char     *title;
  char     *who;       /* or NULL */
  char     *deadline;  /* YYYY-MM-DD or NULL */
  char     *info;      /* or NULL */
  gboolean  overdue;
} KwMinutesAction;

typedef struct {
  gboolean     public_rules;
  char        *title;
  char        *kind;          /* translated, or NULL */
  char        *date;          /* local (Europe/Amsterdam) "Tuesday 1 December 2026", or NULL */
  char        *time;          /* "15:00–17:00", or NULL */
  gint64       length;        /* minutes from start to end, -1 unknown */
  char        *venue;         /* name, address; or NULL */
  char        *online_link;   /* internal minutes only */
  char        *chair;         /* or NULL */
  char        *minute_taker;  /* or NULL */
  char        *minutes;       /* the meeting's own minutes text, or NULL */
  GPtrArray   *people[KW_MINUTES_N_GROUPS];   /* char *, as named */
  guint        hidden[KW_MINUTES_N_GROUPS];   /* private people left out */
  GPtrArray   *items;         /* KwMinutesItem, by position */
  gint64       planned_total; /* the sum of the planned minutes */
  GPtrArray   *actions;       /* KwMinutesAction, as kw_meetings_actions orders them */
  GPtrArray   *next_time;     /* char *: titles of next-time items */
  KwPublisher *publisher;
} KwMinutes;

/* The minutes of a live meeting; NULL with KW_CORE_ERROR_NOT_FOUND. */
KwMinutes  *kw_minutes_new            (KwStore          *store,
                                       const char       *meeting_id,
                                       gboolean          public_rules,
                                       GError          **error);
void        kw_minutes_free           (KwMinutes        *minutes);
/* The translated heading of a group ("Present", …). */
const char *kw_minutes_presence_label    (KwMinutesPresence    group);
/* "and 2 others" for hidden people, or NULL for none (translated). */
char       *kw_minutes_dup_others     (KwMinutes        *minutes,
                                       KwMinutesPresence    group);
char       *kw_minutes_to_markdown    (KwMinutes        *minutes);
/* UTF-8, escaped, lang of the locale ("nl" for a Dutch one). */
char       *kw_minutes_to_html        (KwMinutes        *minutes);
/* The redaction list as the file beside a published one holds it. */
char       *kw_minutes_dup_redactions (KwMinutes        *minutes);
/* The path of the redaction list beside @path: @path + ".redactions.txt". */
char       *kw_minutes_redactions_path (const char      *path);
/* Writes the minutes to @path (atomically); with the public rules the
 * redaction list goes beside it (kw_minutes_redactions_path), never
 * inside it. */
gboolean    kw_minutes_write          (KwMinutes        *minutes,
                                       KwMinutesFormat   format,
                                       const char       *path,
                                       GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwMinutes, kw_minutes_free)

G_END_DECLS
