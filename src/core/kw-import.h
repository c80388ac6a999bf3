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
  char   device[33];      /* the header's device id; "" when not read */
  char   exported_at[32]; /* the header's exported_at (RFC 3339 UTC) as written; "" when none */
  int    refusal;         /* KwImportRefusal: why the file was refused (kw_import_file_with,
                           * kw_import_stream_from, and a sync pass's report) */
} KwImportSummary;

/* Why kw_import_file_with () refused a file, for words a volunteer
 * understands (the GError keeps the core's code and message). */
typedef enum {
  KW_IMPORT_REFUSAL_NONE,
  KW_IMPORT_REFUSAL_INCOMPLETE,        /* truncated: no trailer, a record count short, cut gzip/seal */
  KW_IMPORT_REFUSAL_NEEDS_PASSPHRASE,  /* sealed, and no passphrase given */
  KW_IMPORT_REFUSAL_PASSPHRASE,        /* sealed: wrong passphrase (or a changed file) */
  KW_IMPORT_REFUSAL_NOT_EXPORT,        /* no Kwartier header: another kind of file */
  KW_IMPORT_REFUSAL_NEWER,             /* made by a newer Kwartier (KW_CORE_ERROR_NEWER) */
  KW_IMPORT_REFUSAL_OWN_DEVICE,        /* exported by this very device (options->refuse_own) */
  KW_IMPORT_REFUSAL_DAMAGED,           /* any other bad content: changed or damaged */
  KW_IMPORT_REFUSAL_UNREADABLE,        /* the file could not be opened or read (KW_CORE_ERROR_IO) */
  KW_IMPORT_REFUSAL_CLOCK,             /* a stamp far in the future: a clock far ahead wrote it */
} KwImportRefusal;

/* Called from the importing thread, at most about 20 times a second and
 * once at the end with @done == @total: bytes of the file read so far
 * of its size (a sealed or gzip file counts its bytes on disk). */
typedef void (*KwImportProgressFunc) (guint64   done,
                                      guint64   total,
                                      gpointer  user_data);

typedef struct {
  const char            *passphrase;     /* opens a sealed file; NULL: refused if sealed */
  gboolean               dry_run;        /* everything but the commit: the summary only */
  gboolean               refuse_own;     /* refuse a file whose header names this device */
  KwImportProgressFunc   progress;       /* may be NULL */
  gpointer               progress_data;
  GCancellable          *cancellable;    /* checked between lines: rolled back, G_IO_ERROR_CANCELLED */
} KwImportOptions;

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
/* An import of a file with options (kw_import_file_full is this with
 * only passphrase and dry_run). @summary is zeroed first; on failure only
 * its refusal (and device, exported_at, organiser when the header was
 * read) is set. @backup_path (may be NULL) gets the path of the backup
 * the import made before it committed, or NULL when it made none. */
gboolean    kw_import_file_with   (KwStore                *store,
                                   const char             *path,
                                   const KwImportOptions  *options,
                                   KwImportSummary        *summary,
                                   char                  **backup_path,
                                   GError                **error);
/* Whether the file starts as a sealed export does (KW_SEAL_MAGIC); FALSE
 * when it cannot be read. */
gboolean    kw_import_file_is_sealed (const char *path);
char       *kw_import_summary_format (const KwImportSummary *summary);

/* Conflicts (kw-conflicts.h), oldest first; resolved ones too when @all. */
GPtrArray  *kw_import_list_conflicts (KwStore   *store,
                                      gboolean   all,
                                      GError   **error);
gboolean    kw_import_resolve_conflict (KwStore  *store,
                                        gint64    rowid,
                                        GError  **error);

G_END_DECLS
