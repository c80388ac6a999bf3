/* kw-sync-json.h: JSON text without json-glib (private to the core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same bytes on every device: used for export lines, conflict values
 * and equal-stamp ties (kw-export.c, kw-store-sync.c, kw-store-forget.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   _kw_sync_append_json_string (GString    *out,
                                    const char *text);
/* NULL is null; int64 and boolean as JSON numbers and literals; any
 * other value is a string. */
void   _kw_sync_append_json_value  (GString    *out,
                                    GVariant   *value);

G_END_DECLS
