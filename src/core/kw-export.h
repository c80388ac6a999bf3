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
/* How far kw_export_to_file_full () is: the record lines written so far
 * (every few thousand lines, in the writing thread). */
typedef void (*KwExportProgressFunc) (guint64   records,
                                      gpointer  user_data);

/* The same, telling @progress (may be NULL) how far it is; cancelled,
 * nothing is left behind (G_IO_ERROR_CANCELLED). */
gboolean    kw_export_to_file_full (KwStore                *store,
                                    const KwExportOptions  *options,
                                    const char             *path,
                                    KwExportProgressFunc    progress,
                                    gpointer                user_data,
                                    GCancellable           *cancellable,
                                    GError                **error);
/* The plain text (no gzip, no seal) to a stream; @records: how many. */
gboolean    kw_export_to_stream (KwStore                *store,
                                 const KwExportOptions  *options,
                                 GOutputStream          *stream,
                                 guint64                *records,
                                 GError                **error);

/* What an export would hold, without writing it (kw-export-preview.c):
 * the same record lines kw_export_to_file writes for the same options,
 * counted. What leaves the laptop (spec/analysis.md): a person whose
 * consent is "private" leaves as a consent stub only, and no field
 * marked KW_FIELD_FLAG_LOCAL (private_notes) ever leaves. */
typedef struct {
  const KwEntityType *type;
  guint64             records;  /* live lines with their fields (stubs not counted) */
  guint64             stubs;    /* private: the consent alone */
  guint64             deleted;  /* tombstones */
} KwExportTypeCount;

typedef struct {
  const KwEntityType *type;
  const KwField      *field;
} KwExportLocalField;

typedef struct {
  GArray   *types;           /* KwExportTypeCount, in the file's order; only types it holds */
  guint64   records;         /* every record line (the trailer's "records") */
  guint64   people;          /* people who leave with their fields */
  guint64   private_people;  /* people who leave as a consent stub only */
  GArray   *local_fields;    /* KwExportLocalField: the fields that never leave */
} KwExportPreview;

gboolean    kw_export_preview        (KwStore                *store,
                                      const KwExportOptions  *options,
                                      KwExportPreview        *preview,
                                      GError                **error);
void        kw_export_preview_clear  (KwExportPreview        *preview);
/* The count of a type, or NULL when the export holds none of it. */
const KwExportTypeCount *kw_export_preview_lookup (const KwExportPreview *preview,
                                                   const char            *type_name);

G_END_DECLS
