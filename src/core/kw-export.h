/* kw-export.h: writing an export (spec/export-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One JSON object per line: a header, the records sorted by type and id,
 * a trailer with the count and the SHA-256 of everything before it.
 * private_notes never leave the device, people with consent "private"
 * leave only as a consent stub.
 */
#pragma once

#include <gio/gio.h>

#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  KW_EXPORT_SCOPE_ALL,
  KW_EXPORT_SCOPE_ALLIANCE,
  KW_EXPORT_SCOPE_NETWORK,
  KW_EXPORT_SCOPE_AREA,
  KW_EXPORT_SCOPE_MEETING,
  KW_EXPORT_SCOPE_CHANGES,   /* since: what devices wrote after a stamp */
} KwExportScope;

typedef struct {
  KwExportScope  scope;
  const char    *scope_id;    /* the alliance, network, area or meeting */
  gboolean       gzip;
  const char    *passphrase;  /* non-NULL: sealed (gzip inside) */
  GHashTable    *since;       /* scope changes: device → hlc (spec, "Change exports") */
} KwExportOptions;

const char *kw_export_scope_to_string   (KwExportScope  scope);
gboolean    kw_export_scope_from_string (const char    *text,
                                         KwExportScope *scope);

/* Written to a temporary file beside @path (0600), synced and renamed. */
gboolean    kw_export_to_file   (KwStore                *store,
                                 const KwExportOptions  *options,
                                 const char             *path,
                                 GError                **error);
/* The plain text (no gzip, no seal) to a stream; @records: how many. */
gboolean    kw_export_to_stream (KwStore                *store,
                                 const KwExportOptions  *options,
                                 GOutputStream          *stream,
                                 guint64                *records,
                                 GError                **error);

G_END_DECLS
