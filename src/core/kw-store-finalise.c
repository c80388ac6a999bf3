/* kw-store-finalise.c: finalising and reopening a meeting's minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spec/export-format.md "Merge rules", finalised minutes: finalising
 * writes the meeting's minutes and every agenda item's notes and
 * decision again under one new stamp (the finalisation stamp), with
 * finalised_at (the moment) and finalised_by (the organiser), in one
 * transaction; an edit stamped before it loses on import (a conflict
 * where its writer had not seen the finalisation), and no rule of the
 * merge changes. While finalised_at is set the store refuses local
 * writes to the meeting, its agenda items and its attendance
 * (_kw_store_check_finalised, called by kw_store_create / _update /
 * _delete and kw_store_pend_delete); imports are not refused. The three
 * fields are written only here, never by an ordinary write.
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kw-error.h"
#include "kw-hlc.h"
#include "kw-meetings.h"
#include "kw-store-private.h"

static const char select_device_sql[] = "SELECT organiser FROM sync_devices WHERE device = ?";

/* The meeting's title for a message, or its id. */
static char *
dup_meeting_title (KwRecord *meeting)
{
  char *title = kw_record_dup_title (meeting);

  return title != NULL ? title : g_strdup (kw_record_get_id (meeting));
}

static gboolean
check_meeting (KwStore     *self,
               const char  *meeting_id,
               GError     **error)
{
  g_autoptr(KwRecord) meeting = NULL;
  g_autofree char *title = NULL;

  if (meeting_id == NULL)
    return TRUE;
  meeting = kw_store_lookup (self, "meeting", meeting_id, NULL);
  if (meeting == NULL || kw_record_is_deleted (meeting) || kw_record_is_null (meeting, "finalised_at"))
    return TRUE;
  title = dup_meeting_title (meeting);
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_FINALISED,
               _("The minutes of “%s” are finalised; reopen them first"), title);
  return FALSE;
}

/* The changes' value of a reference field, or NULL. */
static const char *
changed_ref (KwChangeset *changes,
             const char  *field)
{
  const KwEntityType *type;
  guint index;
  GVariant *value;
  int wanted;

  if (changes == NULL)
    return NULL;
  type = kw_changeset_get_entity_type (changes);
  wanted = kw_entity_type_field_index (type, field);
  for (guint i = 0; kw_changeset_get_change (changes, i, &index, &value); i++)
    if ((int) index == wanted && value != NULL)
      return g_variant_get_string (value, NULL);
  return NULL;
}

gboolean
_kw_store_check_finalised (KwStore            *self,
                           const KwEntityType *type,
                           KwRecord           *record,
                           KwChangeset        *changes,
                           GError            **error)
{
  for (guint i = 0; changes != NULL && i < type->n_fields; i++)
    if ((type->fields[i].flags & KW_FIELD_FLAG_SYSTEM) && kw_changeset_has (changes, type->fields[i].name))
      {
        g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                     _("%s: set only by finalising or reopening the minutes"), type->fields[i].name);
        return FALSE;
      }
  if (g_str_equal (type->name, "meeting"))
    return record == NULL || check_meeting (self, kw_record_get_id (record), error);
  if (!g_str_equal (type->name, "agenda_item") && !g_str_equal (type->name, "attendance"))
    return TRUE;
  return check_meeting (self, record ? kw_record_get_string (record, "meeting") : NULL, error)
         && check_meeting (self, changed_ref (changes, "meeting"), error);
}

/* The local time as "YYYY-MM-DD HH:MM" of a stamp's or the wall clock's ms. */
static char *
format_local_ms (gint64 ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static char *
format_utc_ms (gint64 ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);

  return utc ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* The highest stamp of the fields, or @max as it was. */
static const char *
max_stamp (KwRecord           *record,
           const char * const *fields,
           const char         *max)
{
  for (guint i = 0; fields[i]; i++)
    {
      const char *s = kw_record_get_stamp (record, fields[i]);

      if (s != NULL && (max == NULL || strcmp (s, max) > 0))
        max = s;
    }
  return max;
}

/* A new value for the field, its stamp and prev kept (rewrite () stamps it). */
static void
set_value (KwRecord   *record,
           const char *field,
           GVariant   *value)
{
  int index = kw_entity_type_field_index (kw_record_get_entity_type (record), field);
  g_autofree char *stamp = g_strdup (kw_record_get_stamp_at (record, index));
  g_autofree char *prev = g_strdup (kw_record_get_prev_at (record, index));

  kw_record_set_at (record, index, value, stamp, prev);
}

/* Writes @fields of @record again under @stamp, each with the value it
 * has and its current stamp as prev. */
static gboolean
rewrite (KwStore            *self,
         KwRecord           *record,
         const char * const *fields,
         const char         *stamp,
         GError            **error)
{
  const KwEntityType *type = kw_record_get_entity_type (record);

  for (guint i = 0; fields[i]; i++)
    {
      int index = kw_entity_type_field_index (type, fields[i]);
      g_autoptr(GVariant) value = kw_record_get_value_at (record, index);
      g_autofree char *prev = g_strdup (kw_record_get_stamp_at (record, index));

      if (value != NULL)
        g_variant_ref (value);
      if (value != NULL && !kw_field_validate (&type->fields[index], value, error))
        return FALSE;
      kw_record_set_at (record, index, value, stamp, prev);
    }
  return _kw_store_write_record (self, record, TRUE, error);
}

static KwRecord *
get_meeting (KwStore     *self,
             const char  *meeting_id,
             GError     **error)
{
  KwRecord *meeting = kw_store_get (self, "meeting", meeting_id, error);

  if (meeting == NULL && error != NULL && *error != NULL && (*error)->code == KW_CORE_ERROR_DELETED)
    (*error)->code = KW_CORE_ERROR_NOT_FOUND;
  return meeting;
}

static gboolean
finalise_in_transaction (KwStore     *self,
                         KwRecord    *meeting,
                         GError     **error)
{
  static const char * const meeting_fields[] = { "minutes", "finalised_at", "finalised_by", NULL };
  static const char * const item_fields[] = { "notes", "decision", NULL };
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *at = format_utc_ms (_kw_store_wall_ms (self));
  g_autofree char *organiser = kw_store_dup_organiser (self);
  const char *max;

  items = kw_store_list_by_ref (self, "agenda_item", "meeting", kw_record_get_id (meeting), error);
  if (items == NULL)
    return FALSE;
  /* one stamp above every stamp it replaces: the finalisation stamp */
  max = max_stamp (meeting, meeting_fields, NULL);
  for (guint i = 0; i < items->len; i++)
    max = max_stamp (g_ptr_array_index (items, i), item_fields, max);
  stamp = _kw_store_tick_above (self, max);
  for (guint i = 0; i < items->len; i++)
    if (!rewrite (self, g_ptr_array_index (items, i), item_fields, stamp, error))
      return FALSE;
  set_value (meeting, "finalised_at", g_variant_new_string (at));
  set_value (meeting, "finalised_by", organiser && *organiser ? g_variant_new_string (organiser) : NULL);
  return rewrite (self, meeting, meeting_fields, stamp, error);
}

gboolean
kw_meetings_finalise (KwStore     *store,
                      const char  *meeting_id,
                      GError     **error)
{
  g_autoptr(KwRecord) meeting = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!kw_store_begin (store, error))
    return FALSE;
  if ((meeting = get_meeting (store, meeting_id, error)) == NULL
      || !check_meeting (store, meeting_id, error)
      || !finalise_in_transaction (store, meeting, error)
      || !kw_store_commit (store, error))
    {
      kw_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* The log's new line: "2026-12-03 14:02 · Ayşe: typo in besluit 2". */
static char *
reopen_line (KwStore    *self,
             const char *reason)
{
  g_autofree char *when = format_local_ms (_kw_store_wall_ms (self));
  g_autofree char *organiser = kw_store_dup_organiser (self);
  g_autofree char *flat = g_strdup (reason);

  g_strdelimit (flat, "\r\n\t", ' ');
  g_strstrip (flat);
  if (organiser != NULL && *organiser != '\0')
    return g_strdup_printf ("%s · %s: %s", when, organiser, flat);
  return g_strdup_printf ("%s: %s", when, flat);
}

gboolean
kw_meetings_reopen (KwStore     *store,
                    const char  *meeting_id,
                    const char  *reason,
                    GError     **error)
{
  static const char * const fields[] = { "finalised_at", "reopen_log", NULL };
  g_autoptr(KwRecord) meeting = NULL;
  g_autofree char *line = NULL;
  g_autofree char *log = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  const char *old;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("reason: required to reopen the minutes"));
      return FALSE;
    }
  if (!kw_store_begin (store, error))
    return FALSE;
  if ((meeting = get_meeting (store, meeting_id, error)) == NULL)
    goto fail;
  if (kw_record_is_null (meeting, "finalised_at"))
    {
      g_autofree char *title = dup_meeting_title (meeting);

      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("The minutes of “%s” are not finalised"), title);
      goto fail;
    }
  line = reopen_line (store, trimmed);
  old = kw_record_get_string (meeting, "reopen_log");
  log = old != NULL && *old != '\0' ? g_strconcat (old, "\n", line, NULL) : g_strdup (line);
  stamp = _kw_store_tick_above (store, max_stamp (meeting, fields, NULL));
  set_value (meeting, "finalised_at", NULL);
  set_value (meeting, "reopen_log", g_variant_new_string (log));
  if (!rewrite (store, meeting, fields, stamp, error) || !kw_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  kw_store_rollback (store);
  return FALSE;
}

gboolean
kw_meetings_is_finalised (KwStore    *store,
                          const char *meeting_id)
{
  g_autoptr(KwRecord) meeting = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);

  meeting = kw_store_get (store, "meeting", meeting_id, NULL);
  return meeting != NULL && !kw_record_is_null (meeting, "finalised_at");
}

static char *
dup_organiser_of (KwStore    *self,
                  const char *stamp)
{
  KwHlc hlc;
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (!kw_hlc_parse (stamp, &hlc))
    return NULL;
  if (g_strcmp0 (hlc.device, kw_store_get_device_id (self)) == 0)
    return kw_store_dup_organiser (self);
  if ((stmt = _kw_store_prepare (self, select_device_sql, NULL)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hlc.device, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

/* The highest stamp of any field of the record above @after, or @max. */
static const char *
latest_after (KwRecord   *record,
              const char *after,
              const char *max)
{
  const KwEntityType *type = kw_record_get_entity_type (record);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const char *s = kw_record_get_stamp_at (record, i);

      if (s != NULL && strcmp (s, after) > 0 && (max == NULL || strcmp (s, max) > 0))
        max = s;
    }
  return max;
}

static const char select_removed_item_sql[] =
  "SELECT max (hlc) FROM sync_removed_items WHERE meeting = ? AND hlc > ?";

/* The stamp of the latest agenda item of @meeting_id that a colleague's
 * tombstone took away after @after, or NULL (none, or never synced). */
static char *
latest_removed_item (KwStore    *store,
                     const char *meeting_id,
                     const char *after)
{
  sqlite3_stmt *stmt = _kw_store_prepare (store, select_removed_item_sql, NULL);
  char *stamp = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, after, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    stamp = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stamp;
}

gboolean
kw_meetings_changed_after_finalising (KwStore     *store,
                                      const char  *meeting_id,
                                      char       **who,
                                      GDateTime  **when)
{
  g_autoptr(KwRecord) meeting = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *latest = NULL, *removed = NULL;
  const char *final, *max;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);

  if (who != NULL)
    *who = NULL;
  if (when != NULL)
    *when = NULL;
  meeting = kw_store_get (store, "meeting", meeting_id, NULL);
  if (meeting == NULL || kw_record_is_null (meeting, "finalised_at")
      || (final = kw_record_get_stamp (meeting, "finalised_at")) == NULL)
    return FALSE;
  max = latest_after (meeting, final, NULL);
  items = kw_store_list_by_ref (store, "agenda_item", "meeting", meeting_id, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    max = latest_after (g_ptr_array_index (items, i), final, max);
  removed = latest_removed_item (store, meeting_id, final);
  if (removed != NULL && (max == NULL || strcmp (removed, max) > 0))
    max = removed;
  if (max == NULL)
    return FALSE;
  latest = g_strdup (max);
  if (who != NULL)
    *who = dup_organiser_of (store, latest);
  if (when != NULL)
    *when = g_date_time_new_from_unix_utc (kw_hlc_get_ms (latest) / 1000);
  return TRUE;
}
