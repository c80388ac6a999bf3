/* bench-contacts-db.h: the generated database the contacts benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-bench-stats.h"
#include "kw-store.h"

G_BEGIN_DECLS

/* Opens the database at path; when it is missing, generates n_people
 * (seed 1) into it first, once (about 40 s for 100,000 people). */
KwStore *bench_open_people (const char  *path,
                            guint        n_people,
                            GError     **error);

G_END_DECLS
