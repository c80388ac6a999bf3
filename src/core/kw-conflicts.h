/* kw-conflicts.h: values kept aside by a sync, and picking from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import keeps a value that lost to a concurrent edit, and an edit
 * that met a tombstone its author had not seen, as a conflict
 * (spec/export-format.md, "Merge rules"; kw-import.h lists them). Every
 * choice here is an ordinary write of this device, so it syncs like any
 * other: using a losing value writes it anew (and picking again undoes
 * it), and the kept values of a deleted record come back as a new record
 * (the id of a tombstone never lives again).
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

/* One value that lost to a concurrent edit, or an edit that met a
 * tombstone its author had not seen. */
typedef struct {
  gint64    rowid;       /* the conflict's id, as `kwartier-cli conflicts` shows it */
  char     *type_name;
  char     *id;          /* the record's */
  char     *field;
  char     *value_json;  /* the value as JSON text */
  GVariant *value;       /* decoded as the field's type; NULL for null or unreadable */
  gboolean  value_read;  /* FALSE: value_json cannot be read as the field's value */
  char     *hlc;
  char     *organiser;   /* who wrote it, when known */
  char     *kind;        /* "edit" or "deleted" */
  char     *noted_at;    /* RFC 3339 UTC */
  gboolean  resolved;
} KwConflict;

void        kw_conflict_free      (KwConflict *conflict);

/* The unresolved conflict @conflict_id; NULL with KW_CORE_ERROR_NOT_FOUND
 * when there is none (never was, or resolved already). */
KwConflict *kw_conflicts_lookup   (KwStore      *store,
                                   gint64        conflict_id,
                                   GError      **error);

/* Writes the conflict's losing value back into its field as a new write
 * of this device, and marks the conflict resolved; one transaction.
 * KW_CORE_ERROR_NOT_FOUND for an unknown id, _DELETED when the record is
 * a tombstone (restore it instead), _INVALID when the value cannot be
 * read as the field's. */
gboolean    kw_conflict_use       (KwStore      *store,
                                   gint64        conflict_id,
                                   GError      **error);
/* A merged value the user typed: written into the conflict's field as
 * one ordinary write of this device, and the conflict marked resolved;
 * one transaction. @value NULL empties the field. Errors as
 * kw_conflict_use (), and the field's own checks of the value. */
gboolean    kw_conflicts_resolve_with_value (KwStore  *store,
                                             gint64    conflict_id,
                                             GVariant *value,
                                             GError  **error);
/* Keeps the current value: only marks the conflict resolved. */
gboolean    kw_conflict_keep      (KwStore      *store,
                                   gint64        conflict_id,
                                   GError      **error);

/* How many conflicts are open (unresolved), of every type: one count on
 * an index of the open ones, for the sidebar's badge. -1 on a database
 * error. */
gint64      kw_conflicts_count    (KwStore      *store,
                                   GError      **error);

/* A record a colleague deleted while it was edited: a new record made of
 * the newest kept value of each field (references only to live records;
 * a required text not kept becomes "Restored record"), and its conflicts
 * resolved. @new_id (may be NULL) gets the new record's id.
 * KW_CORE_ERROR_NOT_FOUND when the record has no unresolved conflicts. */
gboolean    kw_conflicts_restore_record (KwStore     *store,
                                         const char  *type_name,
                                         const char  *id,
                                         char       **new_id,
                                         GError     **error);
/* Drops the kept values of a deleted record: its conflicts resolved. */
gboolean    kw_conflicts_discard_record (KwStore     *store,
                                         const char  *type_name,
                                         const char  *id,
                                         GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwConflict, kw_conflict_free)

G_END_DECLS
