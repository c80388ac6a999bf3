/* kw-person-ops.h: forgetting a person, and merging two into one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One code path for the application and kwartier-cli (`forget person ID`,
 * `merge person KEEP OTHER`). Both walk the registry for every reference
 * to a person, so a field added later is taken along without a change
 * here; what belongs to a person is what the registry flags PARENT.
 * Both write through the store in one transaction.
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

/* "Forget this person" (DESIGN.md, Privacy): the person and what belongs
 * to them (contact moments, affiliations, relations, attendance, …)
 * become tombstones without any of their values, references elsewhere (a
 * meeting's chair, an action's owner) are cleared, the values kept of
 * them as conflicts are removed, the write-ahead log is truncated and
 * every backup is rewritten without them (or removed). Also for a person
 * who was deleted before. Returns a translated, plain-words account of
 * what was done, or NULL. */
char     *kw_person_forget     (KwStore     *store,
                                const char  *person_id,
                                GError     **error);

/* Moves everything that refers to @merged to @survivor, applies the
 * @changes chosen for the survivor (may be NULL), and deletes @merged
 * (a tombstone, so that the merge syncs). Where both attended a meeting,
 * the stronger status is kept (present > late > absent_notified > absent
 * > invited). */
gboolean  kw_person_merge      (KwStore     *store,
                                const char  *survivor,
                                const char  *merged,
                                KwChangeset *changes,
                                GError     **error);

G_END_DECLS
