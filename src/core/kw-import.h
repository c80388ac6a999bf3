/* kw-import.h: merging an export into the database (spec/export-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read as a stream, one line at a time, and applied in one
 * transaction: whole or not at all. A bad file is refused (KW_CORE_ERROR
 * _REFUSED, or _NEWER for a file of a newer Kwartier) and nothing changes.
 */
#pragma once

#include <gio/gio.h>

#include "kw-conflicts.h"
#include "kw-store.h"

G_BEGIN_DECLS

typedef struct {
  guint  added;      /* records that were not here */
  guint  updated;    /* records of which a field (or the tombstone) changed */
  guint  deleted;    /* records that are tombstones now and were not before */
  guint  conflicts;  /* concurrent values kept aside */
  guint  unchanged;  /* records that changed nothing */
  guint  skew;       /* records with a stamp more than a day ahead of our clock */
  guint  records;    /* record lines in the file */
  char   organiser[128];  /* the header's organiser, cut at a character; "" when none */
} KwImportSummary;

/* What identifies a file between two sync passes. */
typedef struct {
  guint64  size;
  gint64   mtime_ns;
  guint64  inode;
} KwImportFileInfo;

/* Opens an export to read: only a regular file (never through a symbolic
 * link, never a FIFO or device, and without blocking), at most 4 GiB.
 * @info (may be NULL) gets its size, modification time and inode. */
GInputStream *kw_import_open_file (const char        *path,
                                   KwImportFileInfo  *info,
                                   GError           **error);

gboolean    kw_import_file        (KwStore          *store,
                                   const char       *path,
                                   gboolean          dry_run,
                                   KwImportSummary  *summary,
                                   GError          **error);
/* The same; @passphrase opens sealed exports (NULL: refused if sealed). */
gboolean    kw_import_file_full   (KwStore          *store,
                                   const char       *path,
                                   const char       *passphrase,
                                   gboolean          dry_run,
                                   KwImportSummary  *summary,
                                   GError          **error);
gboolean    kw_import_stream      (KwStore          *store,
                                   GInputStream     *stream,
                                   const char       *passphrase,
                                   gboolean          dry_run,
                                   KwImportSummary  *summary,
                                   GError          **error);
/* The same, refused unless the header's device is @author (NULL: any):
 * in the sync folder, a file named for a device holds its export. */
gboolean    kw_import_stream_from (KwStore          *store,
                                   GInputStream     *stream,
                                   const char       *passphrase,
                                   const char       *author,
                                   gboolean          dry_run,
                                   KwImportSummary  *summary,
                                   GError          **error);
char       *kw_import_summary_format (const KwImportSummary *summary);

/* Conflicts (kw-conflicts.h), oldest first; resolved ones too when @all. */
GPtrArray  *kw_import_list_conflicts (KwStore   *store,
                                      gboolean   all,
                                      GError   **error);
gboolean    kw_import_resolve_conflict (KwStore  *store,
                                        gint64    rowid,
                                        GError  **error);

G_END_DECLS
