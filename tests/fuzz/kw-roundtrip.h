/* kw-roundtrip.h: the round-trip property, for the fuzz target and the replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fixed wall clock of every database of a check (2026-11-29), so
 * that a corpus file gives the same answer on every run. */
#define KW_ROUNDTRIP_WALL_MS G_GINT64_CONSTANT (1796000000000)

typedef struct _KwRoundtrip KwRoundtrip;

KwRoundtrip *kw_roundtrip_new   (void);
void         kw_roundtrip_free  (KwRoundtrip   *self);
/* Whatever the importer accepts must import again as a no-op, still
 * export after one local write, and that export must be accepted by
 * this database and by a fresh one. NULL when that holds for @data (or
 * the importer refused it), else what failed. */
char        *kw_roundtrip_check (KwRoundtrip   *self,
                                 const guint8  *data,
                                 gsize          size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwRoundtrip, kw_roundtrip_free)

G_END_DECLS
