/* kw-sync-private.h: what the sync files share (kw-export.c, kw-import.c,
 * kw-store-sync.c, kw-store-merge.c, kw-store-scope.c, kw-sync-folder.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON side (kw-export.c, kw-import.c) never touches SQL; the SQL
 * side (kw-store-sync.c) never touches json-glib. They meet here: a
 * record line as parsed (KwSyncRecord) and the running state of one
 * import (KwSyncImport).
 */
#pragma once

#include "kw-hlc.h"
#include "kw-import.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_SYNC_MAX_FIELDS 32
/* A record line's digest: the first 16 bytes of its SHA-256. */
#define KW_LINE_DIGEST_LEN 16

/* One record line of an export, validated. */
typedef struct {
  const KwEntityType *type;
  char                id[40];
  char                deleted[KW_HLC_LEN + 1];  /* "" for a live record */
  guint32             present;                  /* bit i: field i is in the line */
  GVariant           *values[KW_SYNC_MAX_FIELDS];
  char                hlc[KW_SYNC_MAX_FIELDS][KW_HLC_LEN + 1];
  char                prev[KW_SYNC_MAX_FIELDS][KW_HLC_LEN + 1];  /* "" for null */
} KwSyncRecord;

void   _kw_sync_record_clear   (KwSyncRecord *record);

/* The running state of one import. */
typedef struct {
  char             *device;      /* the file's author (header) */
  char             *organiser;   /* the file's organiser (header), may be NULL */
  gboolean          full;        /* scope "all" */
  GHashTable       *file_seen;   /* header: device → hlc */
  GHashTable       *local_seen;  /* this database before the import: device → hlc */
  GHashTable       *max_seen;    /* stamps met in the file: device → hlc */
  char              skew_hex[17]; /* ms part of stamps beyond which is clock skew */
  gpointer         *selects;     /* per registry type: cached statements */
  gpointer         *inserts;
  gboolean          dry_run;
  gboolean          changed;     /* anything written */
  KwImportSummary   summary;
  GPtrArray        *deferred;    /* lines of a private person's records, merged again at the end */
  /* The record line being merged, as read (kw-import.c): when the merged
   * row holds exactly what it carries and it is in the exporter's layout,
   * the merge notes its digest in sync_lines, so that the same bytes are
   * skipped next time. */
  const char       *line;
  gsize             line_len;
  gboolean          line_digested;  /* line_digest holds the line's digest */
  guint8            line_digest[KW_LINE_DIGEST_LEN];
  const KwSyncRecord *line_record;  /* the record parsed from it */
  GString          *line_buf;     /* the merge's copy of it, rewritten */
  gboolean          line_canonical;  /* known to be in the exporter's layout */
  gpointer          line_select;  /* sync_lines statements, prepared once */
  gpointer          line_upsert;
  GHashTable       *private_ids;  /* the private people and stubs here, kept up to date */
  guint             inserted;     /* new rows */
  guint             inserted_search;  /* of them, in search tables */
  gboolean          fts_bulk;     /* the FTS triggers are off until the end */
  GPtrArray        *bulk_indexes; /* and these indexes (name, SQL) */
  guint             lines_noted;
  guint             lines_skipped;
  char             *backup_path;  /* the backup made before the commit, or NULL */
} KwSyncImport;

void   _kw_sync_import_init    (KwSyncImport *import);
void   _kw_sync_import_clear   (KwSyncImport *import);

/* JSON side (kw-import.c): a value as JSON text (a conflict's) as the
 * field's GVariant, validated; *value NULL for null. */
gboolean _kw_sync_decode_json_value    (const KwField *field,
                                        const char    *json,
                                        GVariant     **value,
                                        GError       **error);

/* SQL side (kw-store-sync.c) */
/* The local tables of the sync engine (part of the store's schema). */
const char *_kw_store_sync_schema_sql  (void);
gboolean _kw_store_sync_prepare_schema (KwStore       *store,
                                        GError       **error);
/* Opens the import's transaction and notes what this database had seen. */
gboolean _kw_store_sync_begin_import   (KwStore       *store,
                                        KwSyncImport  *import,
                                        GError       **error);
/* Commits (after a backup when anything changed), or rolls back when
 * @ok is FALSE or the import is a dry run. */
gboolean _kw_store_sync_end_import     (KwStore       *store,
                                        KwSyncImport  *import,
                                        gboolean       ok,
                                        GError       **error);
/* A sync pass (kw-sync-folder.c) makes the import backup at most once
 * per KW_SYNC_BACKUP_INTERVAL (µs); a user's own import, every time. */
#define KW_SYNC_BACKUP_INTERVAL (24 * G_TIME_SPAN_HOUR)
/* a pass that imports nothing makes it ahead of time once it is this old */
#define KW_SYNC_BACKUP_RENEW (20 * G_TIME_SPAN_HOUR)
void     _kw_store_sync_set_in_pass    (KwStore       *store,
                                        gboolean       in_pass);
/* The outbox forgets the records whose own stamps a file written holds
 * (@covered: the highest stamp of this device's that the file covers). */
gboolean _kw_store_sync_clear_outbox   (KwStore       *store,
                                        const char    *covered,
                                        GError       **error);
gboolean _kw_store_sync_load_seen      (KwStore       *store,
                                        GHashTable    *seen,
                                        GError       **error);
gboolean _kw_store_sync_note_device    (KwStore       *store,
                                        KwSyncImport  *import,
                                        GError       **error);
gboolean _kw_store_sync_merge          (KwStore       *store,
                                        KwSyncImport  *import,
                                        KwSyncRecord  *record,
                                        GError       **error);
gboolean _kw_store_sync_finish         (KwStore       *store,
                                        KwSyncImport  *import,
                                        GError       **error);
/* Whether import->line is @record as the exporter writes it. */
gboolean _kw_store_sync_line_is_canonical (KwSyncImport  *import,
                                           KwSyncRecord  *record);

/* Bulk indexing (kw-store-schema.c): the search tables' triggers and the
 * record tables' secondary indexes (their name and SQL into @indexes)
 * dropped, then each full-text index rebuilt and everything made again,
 * inside the import's transaction. */
gboolean _kw_store_fts_suspend         (KwStore       *store,
                                        GPtrArray     *indexes,
                                        GError       **error);
gboolean _kw_store_fts_resume          (KwStore       *store,
                                        GPtrArray     *indexes,
                                        GError       **error);
gint64   _kw_store_fts_count_rows      (KwStore       *store);

/* The digest table (sync_lines: id → digest of a line whose merge left
 * the row holding exactly what the line carries; a row's update or
 * delete drops its entry, by trigger): whether @digest is the one held
 * for @id, so that merging the line would change nothing. */
gboolean _kw_store_sync_line_unchanged (KwStore       *store,
                                        KwSyncImport  *import,
                                        const char    *id,
                                        const guint8  *digest);
gboolean _kw_store_sync_note_line      (KwStore       *store,
                                        KwSyncImport  *import,
                                        const char    *id,
                                        const guint8  *digest,
                                        GError       **error);

/* Export rows: every record line of a type (ids NULL: all of them, else
 * those ids, sorted) is appended to a GString and handed to func. */
typedef gboolean (*KwSyncLineFunc) (GString   *line,
                                    gpointer   user_data,
                                    GError   **error);
gboolean _kw_store_sync_export_type    (KwStore             *store,
                                        const KwEntityType  *type,
                                        GPtrArray           *ids,
                                        KwSyncLineFunc       func,
                                        gpointer             user_data,
                                        GError             **error);
/* The lines of a change export of a type: the field values and
 * tombstones stamped by a device of @since (device → hlc) above the stamp
 * given for it, a line carrying only those fields. */
gboolean _kw_store_sync_export_changes (KwStore             *store,
                                        const KwEntityType  *type,
                                        GHashTable          *since,
                                        KwSyncLineFunc       func,
                                        gpointer             user_data,
                                        GError             **error);
/* "<count>:<digest>" of who is private here (people and stubs). */
char    *_kw_store_sync_dup_private_set (KwStore   *store,
                                         GError   **error);
/* Drops the notes of sync_files for files right in @dir not in @present. */
gboolean _kw_store_sync_forget_files   (KwStore     *store,
                                        const char  *dir,
                                        GHashTable  *present,
                                        GError     **error);
/* Changes whenever a person turns private or is deleted (or forgotten). */
char    *_kw_store_sync_dup_privacy_mark (KwStore   *store,
                                          GError   **error);
void     _kw_store_sync_tune_for_export (KwStore     *store,
                                         gboolean     on);
/* The records of a scope: type name → GHashTable of ids (a set). */
GHashTable *_kw_store_sync_collect_scope (KwStore     *store,
                                          const char  *kind,
                                          const char  *id,
                                          GError     **error);
/* device → hlc of the seen table, ordered by device. */
GPtrArray  *_kw_store_sync_dup_seen    (KwStore     *store,
                                        GError     **error);

/* Local tables of the sync engine. */
gboolean _kw_store_sync_get_file_digest (KwStore     *store,
                                         const char  *path,
                                         char       **sha256);
gboolean _kw_store_sync_set_file_digest (KwStore     *store,
                                         const char  *path,
                                         const char  *sha256,
                                         GError     **error);

/* SHA-256 of an export's bytes: nettle (SHA-NI) when built with it. */
typedef struct _KwDigest KwDigest;

KwDigest  *_kw_digest_new     (void);
void       _kw_digest_update  (KwDigest     *digest,
                               const void   *data,
                               gsize         len);
/* Lower-case hex, valid until the digest is freed; ends the digest. */
const char *_kw_digest_hex    (KwDigest     *digest);
void       _kw_digest_free    (KwDigest     *digest);

G_END_DECLS
