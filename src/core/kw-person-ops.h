/* kw-person-tools.h: forgetting a person, and merging two into one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both walk the registry for every reference to a person, so a field
 * added later is taken along without a change here. Both write through
 * the store in one transaction.
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

/* GDPR erasure: records that only link the person (affiliations,
 * relations, contact moments, attendance, …) are deleted, references
 * elsewhere (a meeting's chair, an action's owner) are cleared, and the
 * person becomes a tombstone (every field scrubbed). Returns a
 * translated, plain-words account of what was removed, or NULL. */
char     *kw_person_forget     (KwStore     *store,
                                const char  *person_id,
                                GError     **error);

/* Moves everything that refers to @merged to @survivor, applies the
 * @changes chosen for the survivor (may be NULL), and deletes @merged
 * (a tombstone, so that the merge syncs). */
gboolean  kw_person_merge      (KwStore     *store,
                                const char  *survivor,
                                const char  *merged,
                                KwChangeset *changes,
                                GError     **error);

G_END_DECLS
