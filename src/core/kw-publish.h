/* kw-publish.h: who a published meeting names how, and names out of free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spec/analysis.md "What leaves the laptop" for the agenda and the
 * public minutes (docs/publication.md): the chair by name unless
 * private; people with consent public by name; shared and not asked by
 * their organisation ("namens Dynamo": the first current affiliation by
 * name) or "5.1.2.e" without one; private people always "5.1.2.e".
 *
 * Free text loses the names of the people who are not named: their full
 * names, their surnames with the prefix ("van der Berg") and without
 * it ("Berg"), and their first names, as whole words, case-insensitively,
 * in NFC, with a possessive ("Fatima's", "Fatima’s") taken along. A
 * one-word name that is also a common Dutch word (KW_PUBLISH_COMMON_WORDS:
 * "Roos", "Bakker", …) is replaced only where it is capitalised. The
 * longest name wins ("Fatima el Amrani" before "Fatima"); the names of
 * named people are kept, unless a person who is not named has the same
 * name. Other non-public people of the store lose their full name and
 * prefixed surname too (kw_publisher_add_known_people). Each replacement
 * goes into the redaction list: what, by what,
 * on which ground, how often. No GTK.
 */
#pragma once

#include <glib.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_PUBLISH_REDACTED "5.1.2.e"

typedef enum {
  KW_PUBLISH_CONSENT_NOT_ASKED,
  KW_PUBLISH_CONSENT_PUBLIC,
  KW_PUBLISH_CONSENT_SHARED,
  KW_PUBLISH_CONSENT_PRIVATE,
} KwPublishConsent;

typedef struct {
  char       *original;     /* what was taken out, as written (first time) */
  char       *replacement;  /* "namens …" or "5.1.2.e" */
  const char *ground;       /* translated: "not public consent", "consent not asked", "private" */
  guint       count;
} KwRedaction;

typedef struct _KwPublisher KwPublisher;

/* The common Dutch words (lower case, NULL-terminated) that a one-word
 * name replaces only where it is capitalised. */
extern const char * const KW_PUBLISH_COMMON_WORDS[];

KwPublisher  *kw_publisher_new           (gboolean          public_rules);
/* @public_rules FALSE (internal minutes): everyone by name, text as typed. */
gboolean      kw_publisher_is_public     (KwPublisher      *self);
/* Adds a person once (a second call for the same id only sets @chair). */
void          kw_publisher_add_person    (KwPublisher      *self,
                                          const char       *id,
                                          const char       *name,
                                          KwPublishConsent  consent,
                                          const char       *organisation,
                                          gboolean          chair);
/* The same from the store: a live or private person; nothing for an
 * unknown id or NULL. */
void          kw_publisher_add_from_store (KwPublisher     *self,
                                           KwStore         *store,
                                           const char      *person_id,
                                           gboolean         chair);
/* Every other non-public person of the store is known too: their full
 * name, and their surname when it has a prefix ("van der Berg"), are
 * replaced in free text as well (not their first names); a person is
 * added when a text has that surname (or full name) in it. Nothing
 * without the public rules. kw_publisher_new_for_meeting calls it. */
void          kw_publisher_add_known_people (KwPublisher   *self,
                                             KwStore       *store);
/* The name of the first (by name) organisation of a current affiliation
 * of the person, or NULL. */
char         *kw_publish_dup_organisation (KwStore         *store,
                                           const char      *person_id);
/* Every person of the meeting: chair, minute taker, attendance,
 * presenters, owners of its action items. */
KwPublisher  *kw_publisher_new_for_meeting (KwStore        *store,
                                            const char     *meeting_id,
                                            gboolean        public_rules,
                                            GError        **error);

/* Whether the person appears at all in a published list (not private). */
gboolean      kw_publisher_is_listed     (KwPublisher      *self,
                                          const char       *id);
/* How a list names the person: the name, "namens …" or "5.1.2.e" (a
 * redaction is counted when it is not the name); NULL for an unknown id. */
const char   *kw_publisher_name          (KwPublisher      *self,
                                          const char       *id);
/* The text with the names of those not named replaced (NFC); as typed
 * without the public rules. NULL for NULL. */
char         *kw_publisher_redact        (KwPublisher      *self,
                                          const char       *text);
/* The redactions so far (KwRedaction), in the order first made. */
GPtrArray    *kw_publisher_get_redactions (KwPublisher     *self);
/* The redaction list as plain text, one line each. */
char         *kw_publisher_format_redactions (KwPublisher  *self);
void          kw_publisher_free          (KwPublisher      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwPublisher, kw_publisher_free)

G_END_DECLS
