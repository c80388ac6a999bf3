/* kw-cli-person.h: `forget person ID` and `merge person KEEP OTHER` (spec/cli.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both take an open store and the ids (lower case, checked for UTF-8 by
 * the caller) and return the exit status of spec/cli.md. The work itself
 * is the core's (kw-person-ops.h), the same code the application runs.
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

/* ids: { ID, NULL }; prints what was done. */
int kw_cli_person_forget (KwStore            *store,
                          const char * const *ids);
/* ids: { KEEP, OTHER, NULL } */
int kw_cli_person_merge  (KwStore            *store,
                          const char * const *ids);

G_END_DECLS
