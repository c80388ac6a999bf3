/* kw-store-records.c: reading and writing records, and search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kw-error.h"
#include "kw-hlc.h"
#include "kw-store-private.h"

typedef struct {
  char *select;   /* all columns, in the KW_COL_* layout */
  char *insert;   /* id, deleted, then value/hlc/prev of every field */
  char *update;   /* the same values; id last */
  char *order;    /* ORDER BY clause for lists */
  char *live;     /* WHERE condition of a record that is shown */
  char *private;  /* consent types: whether an id is private here, else NULL */
} TypeSql;

static TypeSql *type_sql;

static char *
build_select (const KwEntityType *type)
{
  GString *s = g_string_new ("SELECT rid, id, deleted");

  for (guint i = 0; i < type->n_fields; i++)
    {
      const char *f = type->fields[i].name;
      g_string_append_printf (s, ", \"%s\", \"%s:hlc\", \"%s:prev\"", f, f, f);
    }
  g_string_append_printf (s, " FROM \"%s\"", type->name);
  return g_string_free (s, FALSE);
}

static char *
build_insert (const KwEntityType *type)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "INSERT INTO \"%s\" (id, deleted", type->name);
  for (guint i = 0; i < type->n_fields; i++)
    {
      const char *f = type->fields[i].name;
      g_string_append_printf (s, ", \"%s\", \"%s:hlc\", \"%s:prev\"", f, f, f);
    }
  g_string_append (s, ") VALUES (?, ?");
  for (guint i = 0; i < type->n_fields; i++)
    g_string_append (s, ", ?, ?, ?");
  g_string_append (s, ")");
  return g_string_free (s, FALSE);
}

static char *
build_update (const KwEntityType *type)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "UPDATE \"%s\" SET deleted = ?2", type->name);
  for (guint i = 0; i < type->n_fields; i++)
    {
      const char *f = type->fields[i].name;
      g_string_append_printf (s, ", \"%s\" = ?%u, \"%s:hlc\" = ?%u, \"%s:prev\" = ?%u",
                              f, 3 + 3 * i, f, 4 + 3 * i, f, 5 + 3 * i);
    }
  g_string_append (s, " WHERE id = ?1");
  return g_string_free (s, FALSE);
}

/* A record is shown when it is not deleted and has its name: a person
 * known only from a private-consent stub of a colleague's export has no
 * name here, and "a receiver without a copy shows nothing of it". */
static char *
live_condition (const KwEntityType *type)
{
  const KwField *title = type->title_field ? kw_entity_type_field (type, type->title_field) : NULL;

  if (title != NULL && (title->flags & KW_FIELD_FLAG_REQUIRED))
    return g_strdup_printf ("deleted IS NULL AND \"%s\" IS NOT NULL", title->name);
  return g_strdup ("deleted IS NULL");
}

/* A row whose consent is "private", or a colleague's private stub. */
static char *
private_sql (const KwEntityType *type)
{
  int consent = kw_entity_type_consent_index (type);

  if (consent < 0)
    return NULL;
  return g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM \"%s\" WHERE id = ?1 AND deleted IS NULL "
                          "AND \"%s\" = 'private') OR EXISTS (SELECT 1 FROM sync_stubs WHERE id = ?1)",
                          type->name, type->fields[consent].name);
}

static const TypeSql *
sql_for (const KwEntityType *type)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      guint n = kw_registry_n_types ();

      type_sql = g_new0 (TypeSql, n);
      for (guint i = 0; i < n; i++)
        {
          const KwEntityType *t = kw_registry_type_at (i);

          type_sql[i].select = build_select (t);
          type_sql[i].insert = build_insert (t);
          type_sql[i].update = build_update (t);
          type_sql[i].live = live_condition (t);
          type_sql[i].private = private_sql (t);
          type_sql[i].order = t->title_field
            ? g_strdup_printf (" ORDER BY \"%s\" COLLATE NOCASE, id", t->title_field)
            : g_strdup (" ORDER BY rid");
        }
      g_once_init_leave (&initialized, 1);
    }
  return &type_sql[type - kw_registry_type_at (0)];
}

const char *
_kw_store_select_sql (const KwEntityType *type)
{
  return sql_for (type)->select;
}

const char *
_kw_store_insert_sql (const KwEntityType *type)
{
  return sql_for (type)->insert;
}

const char *
_kw_store_live_sql (const KwEntityType *type)
{
  return sql_for (type)->live;
}

static GVariant *
value_from_column (const KwField *field,
                   sqlite3_stmt  *stmt,
                   int            col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  switch (field->kind)
    {
    case KW_FIELD_INTEGER:
    case KW_FIELD_CENTS:
      return g_variant_new_int64 (sqlite3_column_int64 (stmt, col));
    case KW_FIELD_BOOL:
      return g_variant_new_boolean (sqlite3_column_int (stmt, col) != 0);
    case KW_FIELD_TEXT:
    case KW_FIELD_DATE:
    case KW_FIELD_DATETIME:
    case KW_FIELD_ENUM:
    case KW_FIELD_REF:
    default:
      return g_variant_new_string ((const char *) sqlite3_column_text (stmt, col));
    }
}

KwRecord *
_kw_store_record_from_row (const KwEntityType *type,
                           sqlite3_stmt       *stmt)
{
  KwRecord *record = kw_record_new (type, (const char *) sqlite3_column_text (stmt, KW_COL_ID));

  for (guint i = 0; i < type->n_fields; i++)
    kw_record_set_at (record, i, value_from_column (&type->fields[i], stmt, KW_COL_VALUE (i)),
                      (const char *) sqlite3_column_text (stmt, KW_COL_HLC (i)),
                      (const char *) sqlite3_column_text (stmt, KW_COL_PREV (i)));
  kw_record_set_deleted (record, (const char *) sqlite3_column_text (stmt, KW_COL_DELETED));
  return record;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           col,
            GVariant     *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, col);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, col, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    sqlite3_bind_int (stmt, col, g_variant_get_boolean (value) ? 1 : 0);
  else
    sqlite3_bind_text (stmt, col, g_variant_get_string (value, NULL), -1, SQLITE_STATIC);
}

/* A record that carries a stamp of this device goes into the outbox
 * (kw-store-sync.c, sync_outbox) with the newest of those: the next
 * change export reads only the outbox's rows. Every write passes here,
 * imports too: a record imported with a stamp of this device's is one
 * row more to read, never one too few. */
static gboolean
note_in_outbox (KwStore   *self,
                KwRecord  *record,
                GError   **error)
{
  const KwEntityType *type = kw_record_get_entity_type (record);
  const char *device = kw_store_get_device_id (self);
  const char *newest = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; i <= type->n_fields; i++)
    {
      const char *stamp = i < type->n_fields ? kw_record_get_stamp_at (record, i)
                                             : kw_record_get_deleted (record);

      if (stamp != NULL && strlen (stamp) == KW_HLC_LEN
          && strcmp (stamp + KW_HLC_LEN - KW_DEVICE_ID_LEN, device) == 0
          && (newest == NULL || strcmp (stamp, newest) > 0))
        newest = stamp;
    }
  if (newest == NULL)
    return TRUE;
  stmt = _kw_store_prepare (self, "INSERT INTO sync_outbox (type, id, hlc) VALUES (?, ?, ?) "
                                  "ON CONFLICT (type, id) DO UPDATE SET hlc = max (hlc, excluded.hlc)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, type->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kw_record_get_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, newest, -1, SQLITE_STATIC);
  return _kw_store_run (self, stmt, error);
}

gboolean
_kw_store_write_record (KwStore   *self,
                        KwRecord  *record,
                        gboolean   exists,
                        GError   **error)
{
  const KwEntityType *type = kw_record_get_entity_type (record);
  const TypeSql *sql = sql_for (type);
  sqlite3_stmt *stmt = _kw_store_prepare (self, exists ? sql->update : sql->insert, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kw_record_get_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kw_record_get_deleted (record), -1, SQLITE_STATIC);
  for (guint i = 0; i < type->n_fields; i++)
    {
      bind_value (stmt, 3 + 3 * i, kw_record_get_value_at (record, i));
      sqlite3_bind_text (stmt, 4 + 3 * i, kw_record_get_stamp_at (record, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5 + 3 * i, kw_record_get_prev_at (record, i), -1, SQLITE_STATIC);
    }
  if (!_kw_store_run (self, stmt, error))
    return FALSE;
  _kw_store_mark_changed (self, type->name);
  return note_in_outbox (self, record, error);
}

static const KwEntityType *
lookup_type (const char  *type_name,
             GError     **error)
{
  const KwEntityType *type = kw_registry_lookup (type_name);

  if (type == NULL)
    g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_UNKNOWN_TYPE,
                 _("unknown record type “%s”"), type_name ? type_name : "");
  return type;
}

KwRecord *
kw_store_lookup (KwStore     *self,
                 const char  *type_name,
                 const char  *id,
                 GError     **error)
{
  const KwEntityType *type;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  KwRecord *record = NULL;
  int rc;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);

  if ((type = lookup_type (type_name, error)) == NULL || id == NULL)
    return NULL;
  sql = g_strconcat (sql_for (type)->select, " WHERE id = ?", NULL);
  if ((stmt = _kw_store_prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = _kw_store_record_from_row (type, stmt);
  else if (rc != SQLITE_DONE)
    _kw_store_set_db_error (self, error);
  sqlite3_reset (stmt);
  return record;
}

static gboolean is_live (KwStore    *self,
                         const char *type_name,
                         const char *id);

/* A live record, pending delete or not (for writes). */
static KwRecord *
get_record (KwStore     *self,
            const char  *type_name,
            const char  *id,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(KwRecord) record = NULL;

  record = kw_store_lookup (self, type_name, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (record == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                   _("no %s with id %s"), type_name, id ? id : "");
      return NULL;
    }
  if (kw_record_is_deleted (record))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED,
                   _("%s %s was deleted"), type_name, id);
      return NULL;
    }
  if (!is_live (self, type_name, id))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                   _("no %s with id %s"), type_name, id);
      return NULL;
    }
  return g_steal_pointer (&record);
}

KwRecord *
kw_store_get (KwStore     *self,
              const char  *type_name,
              const char  *id,
              GError     **error)
{
  g_autoptr(KwRecord) record = NULL;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);

  if ((record = get_record (self, type_name, id, error)) == NULL)
    return NULL;
  if (_kw_store_is_pending (self, type_name, id))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED,
                   _("%s %s was deleted"), type_name, id);
      return NULL;
    }
  return g_steal_pointer (&record);
}

static gboolean
is_live (KwStore    *self,
         const char *type_name,
         const char *id)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id = ?",
                                          sql_for (type)->live, type_name);
  sqlite3_stmt *stmt = _kw_store_prepare (self, sql, NULL);
  gboolean live = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    live = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return live;
}

const char *
kw_store_find_type (KwStore            *self,
                    const char * const *type_names,
                    const char         *id)
{
  g_return_val_if_fail (KW_IS_STORE (self), NULL);

  if (type_names == NULL || id == NULL)
    return NULL;
  for (guint i = 0; type_names[i]; i++)
    {
      const KwEntityType *type = kw_registry_lookup (type_names[i]);

      if (type != NULL && is_live (self, type->name, id) && !_kw_store_is_pending (self, type->name, id))
        return type->name;
    }
  return NULL;
}

/* A record whose consent field says "private", or held here only as a
 * colleague's private stub (sync_stubs). */
gboolean
kw_store_is_private (KwStore    *self,
                     const char *type_name,
                     const char *id)
{
  const KwEntityType *type;
  sqlite3_stmt *stmt;
  gboolean private = FALSE;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);

  if ((type = kw_registry_lookup (type_name)) == NULL || id == NULL || sql_for (type)->private == NULL)
    return FALSE;
  if ((stmt = _kw_store_prepare (self, sql_for (type)->private, NULL)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    private = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return private;
}

char *
kw_store_dup_reference_title (KwStore            *self,
                              const char * const *type_names,
                              const char         *id)
{
  const char *type;
  g_autoptr(KwRecord) record = NULL;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);

  if (type_names == NULL || id == NULL)
    return NULL;
  type = kw_store_find_type (self, type_names, id);
  if (type != NULL && (record = kw_store_get (self, type, id, NULL)) != NULL)
    return kw_record_dup_title (record);
  for (guint i = 0; type_names[i]; i++)
    if (kw_store_is_private (self, type_names[i], id))
      return g_strdup (_("a private person"));
  return NULL;
}

/* Writes */

static const char *
any_type_of (KwStore    *self,
             const char *id)
{
  for (guint i = 0; i < kw_registry_n_types (); i++)
    if (is_live (self, kw_registry_type_at (i)->name, id))
      return kw_registry_type_at (i)->name;
  return NULL;
}

static gboolean
check_reference (KwStore       *self,
                 const KwField *field,
                 GVariant      *value,
                 GError       **error)
{
  const char *id;
  const char *found;
  g_autofree char *targets = NULL;

  if (field->kind != KW_FIELD_REF || value == NULL)
    return TRUE;
  id = g_variant_get_string (value, NULL);
  if (kw_store_find_type (self, field->targets, id) != NULL)
    return TRUE;

  targets = g_strjoinv (_(" or "), (char **) field->targets);
  found = any_type_of (self, id);
  if (found != NULL)
    g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                 _("%s: %s is of type %s, expected %s"), field->name, id, found, targets);
  else
    g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                 _("%s: there is no %s with id %s"), field->name, targets, id);
  return FALSE;
}

static gboolean
check_changes (KwStore     *self,
               KwChangeset *changes,
               GError     **error)
{
  const KwEntityType *type = kw_changeset_get_entity_type (changes);
  guint index;
  GVariant *value;

  for (guint i = 0; kw_changeset_get_change (changes, i, &index, &value); i++)
    if (!kw_field_validate (&type->fields[index], value, error)
        || !check_reference (self, &type->fields[index], value, error))
      return FALSE;
  return TRUE;
}

static gboolean
check_required (KwChangeset *changes,
                GError     **error)
{
  const KwEntityType *type = kw_changeset_get_entity_type (changes);

  for (guint i = 0; i < type->n_fields; i++)
    if ((type->fields[i].flags & KW_FIELD_FLAG_REQUIRED)
        && !kw_changeset_has (changes, type->fields[i].name))
      {
        g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                     _("%s: required for a new %s"), type->fields[i].name, type->name);
        return FALSE;
      }
  return TRUE;
}

static gboolean
has_id_fields (const KwEntityType *type,
               KwChangeset        *changes)
{
  for (guint i = 0; type->id_fields[i]; i++)
    if (!kw_changeset_has (changes, type->id_fields[i]))
      return FALSE;
  return TRUE;
}

static char *
derive_id (const KwEntityType *type,
           KwChangeset        *changes)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; type->id_fields[i]; i++)
    {
      int index = kw_entity_type_field_index (type, type->id_fields[i]);
      GVariant *value = NULL;
      guint field;

      for (guint j = 0; kw_changeset_get_change (changes, j, &field, &value); j++)
        if (field == (guint) index)
          break;
      g_ptr_array_add (parts, (gpointer) (value ? g_variant_get_string (value, NULL) : ""));
    }
  g_ptr_array_add (parts, NULL);
  return kw_id_derive (type->name, (const char * const *) parts->pdata);
}

/* Stamps every field whose value changes; returns how many did. */
static guint
apply_changes (KwStore     *self,
               KwRecord    *record,
               KwChangeset *changes)
{
  guint index, n = 0;
  GVariant *value;

  for (guint i = 0; kw_changeset_get_change (changes, i, &index, &value); i++)
    {
      GVariant *old = kw_record_get_value_at (record, index);
      g_autofree char *stamp = NULL;
      g_autofree char *prev = NULL;

      if (old == value || (old && value && g_variant_equal (old, value)))
        continue;
      stamp = _kw_store_tick_above (self, kw_record_get_stamp_at (record, index));
      prev = g_strdup (kw_record_get_stamp_at (record, index));
      kw_record_set_at (record, index, value, stamp, prev);
      n++;
    }
  return n;
}

/* A single write is one statement: inside a caller's transaction it
 * needs no savepoint of its own (a savepoint per write would also make
 * FTS5 flush its pending terms each time). */
static gboolean
write_begin (KwStore   *self,
             gboolean  *own,
             GError   **error)
{
  *own = !_kw_store_in_transaction (self);
  return !*own || kw_store_begin (self, error);
}

static gboolean
write_end (KwStore   *self,
           gboolean   own,
           gboolean   ok,
           GError   **error)
{
  if (!own)
    return ok;
  if (ok && kw_store_commit (self, error))
    return TRUE;
  kw_store_rollback (self);
  return FALSE;
}

char *
kw_store_create (KwStore     *self,
                 KwChangeset *changes,
                 GError     **error)
{
  const KwEntityType *type;
  g_autoptr(KwRecord) record = NULL;
  g_autofree char *id = NULL;
  gboolean exists = FALSE, own, ok;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);
  g_return_val_if_fail (changes != NULL, NULL);

  type = kw_changeset_get_entity_type (changes);
  if (!check_required (changes, error) || !check_changes (self, changes, error)
      || !_kw_store_check_finalised (self, type, NULL, changes, error))
    return NULL;
  if (!write_begin (self, &own, error))
    return NULL;

  /* derived from its parts when it has them all: a guest's attendance
   * (no person) has a random id */
  if ((type->flags & KW_TYPE_FLAG_DERIVED_ID) && has_id_fields (type, changes))
    {
      id = derive_id (type, changes);
      record = kw_store_lookup (self, type->name, id, NULL);
    }
  else
    id = kw_id_new ();  /* random: no need to look it up */
  if (record != NULL && kw_record_is_deleted (record))
    {
      write_end (self, own, FALSE, NULL);
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED,
                   _("%s %s was deleted and cannot be made again"), type->name, id);
      return NULL;
    }
  exists = record != NULL;
  if (record == NULL)
    record = kw_record_new (type, id);
  apply_changes (self, record, changes);
  ok = _kw_store_write_record (self, record, exists, error);
  if (!write_end (self, own, ok, error))
    return NULL;
  return g_steal_pointer (&id);
}

static gboolean
check_id_fields (const KwEntityType  *type,
                 KwChangeset         *changes,
                 GError             **error)
{
  if (!(type->flags & KW_TYPE_FLAG_DERIVED_ID))
    return TRUE;
  for (guint i = 0; type->id_fields[i]; i++)
    if (kw_changeset_has (changes, type->id_fields[i]))
      {
        g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                     _("%s: cannot be changed, it makes the id of the %s"),
                     type->id_fields[i], type->name);
        return FALSE;
      }
  return TRUE;
}

static gboolean delete_record (KwStore    *self,
                               KwRecord   *record,
                               GPtrArray  *deleted,
                               GError    **error);

/* Whether the changes point a PARENT reference at a private person. */
static gboolean
moves_to_private (KwStore     *self,
                  KwRecord    *record,
                  KwChangeset *changes)
{
  const KwEntityType *type = kw_record_get_entity_type (record);
  guint index;
  GVariant *value;

  for (guint i = 0; kw_changeset_get_change (changes, i, &index, &value); i++)
    {
      const KwField *f = &type->fields[index];
      GVariant *old = kw_record_get_value_at (record, index);

      if (!(f->flags & KW_FIELD_FLAG_PARENT) || value == NULL || (old != NULL && g_variant_equal (old, value)))
        continue;
      for (guint t = 0; f->targets[t]; t++)
        if (kw_store_is_private (self, f->targets[t], g_variant_get_string (value, NULL)))
          return TRUE;
    }
  return FALSE;
}

/* A record moved to a private person stays home from then on, so its old
 * version, which colleagues hold, must not stay behind there: the move is
 * a new record (with a new id) and the tombstone of the old one. */
static gboolean
move_to_private (KwStore     *self,
                 KwRecord    *record,
                 KwChangeset *changes,
                 GError     **error)
{
  const KwEntityType *type = kw_record_get_entity_type (record);
  g_autoptr(KwChangeset) copy = kw_changeset_new (type->name, error);
  g_autofree char *id = NULL;
  guint index;
  GVariant *value;

  if (copy == NULL)
    return FALSE;
  for (guint i = 0; i < type->n_fields; i++)
    if (kw_record_get_value_at (record, i) != NULL
        && !kw_changeset_set (copy, type->fields[i].name, kw_record_get_value_at (record, i), error))
      return FALSE;
  for (guint i = 0; kw_changeset_get_change (changes, i, &index, &value); i++)
    if (!kw_changeset_set (copy, type->fields[index].name, value, error))
      return FALSE;
  return (id = kw_store_create (self, copy, error)) != NULL && delete_record (self, record, NULL, error);
}

gboolean
kw_store_update (KwStore     *self,
                 const char  *id,
                 KwChangeset *changes,
                 GError     **error)
{
  const KwEntityType *type;
  g_autoptr(KwRecord) record = NULL;
  gboolean own, ok;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  type = kw_changeset_get_entity_type (changes);
  if (!check_changes (self, changes, error) || !check_id_fields (type, changes, error))
    return FALSE;
  if (!write_begin (self, &own, error))
    return FALSE;
  record = get_record (self, type->name, id, error);
  if (record == NULL || !_kw_store_check_finalised (self, type, record, changes, error))
    return write_end (self, own, FALSE, NULL);
  if (moves_to_private (self, record, changes))
    return write_end (self, own, move_to_private (self, record, changes, error), error);
  ok = apply_changes (self, record, changes) == 0
       || _kw_store_write_record (self, record, TRUE, error);
  return write_end (self, own, ok, error);
}

static GPtrArray *collect_rows (KwStore            *self,
                                const KwEntityType *type,
                                const char         *sql,
                                const char         *bind,
                                GError            **error);
typedef gboolean (*BelongingFunc) (KwStore   *self,
                                   KwRecord  *child,
                                   GPtrArray *records,
                                   GError   **error);

/* Calls @func for each live record with a PARENT reference to this one
 * (DESIGN.md's Privacy section: what belongs to it), one reference at a
 * time, so that what @func deleted through one is not met again through
 * the next. */
static gboolean
foreach_belonging (KwStore       *self,
                   const char    *type_name,
                   const char    *id,
                   BelongingFunc  func,
                   GPtrArray     *records,
                   GError       **error)
{
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);

      for (guint i = 0; i < type->n_fields; i++)
        {
          const KwField *f = &type->fields[i];
          g_autofree char *sql = NULL;
          g_autoptr(GPtrArray) children = NULL;

          if (!(f->flags & KW_FIELD_FLAG_PARENT) || !kw_field_targets (f, type_name))
            continue;
          sql = g_strdup_printf ("%s WHERE \"%s\" = ? AND deleted IS NULL", sql_for (type)->select, f->name);
          if ((children = collect_rows (self, type, sql, id, error)) == NULL)
            return FALSE;
          for (guint k = 0; k < children->len; k++)
            if (!func (self, g_ptr_array_index (children, k), records, error))
              return FALSE;
        }
    }
  return TRUE;
}

/* What belongs to a record is deleted with it, each with its own tombstone. */
static gboolean
delete_belonging (KwStore     *self,
                  const char  *type_name,
                  const char  *id,
                  GPtrArray   *deleted,
                  GError     **error)
{
  return foreach_belonging (self, type_name, id, delete_record, deleted, error);
}

static gboolean
contains_record (GPtrArray *records,
                 KwRecord  *record)
{
  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (kw_record_get_id (g_ptr_array_index (records, i)), kw_record_get_id (record))
        && g_str_equal (kw_record_get_type_name (g_ptr_array_index (records, i)), kw_record_get_type_name (record)))
      return TRUE;
  return FALSE;
}

static gboolean
collect_child (KwStore   *self,
               KwRecord  *child,
               GPtrArray *records,
               GError   **error)
{
  if (contains_record (records, child))  /* a relation of a person with itself */
    return TRUE;
  g_ptr_array_add (records, g_object_ref (child));
  return _kw_store_collect_belonging (self, kw_record_get_type_name (child),
                                      kw_record_get_id (child), records, error);
}

/* What delete_belonging () would delete, at every depth, without writing. */
gboolean
_kw_store_collect_belonging (KwStore     *self,
                             const char  *type_name,
                             const char  *id,
                             GPtrArray   *records,
                             GError     **error)
{
  return foreach_belonging (self, type_name, id, collect_child, records, error);
}

static gboolean
delete_record (KwStore    *self,
               KwRecord   *record,
               GPtrArray  *deleted,
               GError    **error)
{
  g_autofree char *stamp = NULL;
  g_autoptr(KwRecord) tomb = NULL;

  if (kw_record_is_deleted (record))  /* reached twice (a relation of a person with itself) */
    return TRUE;
  stamp = _kw_store_tick (self);
  tomb = kw_record_new (kw_record_get_entity_type (record), kw_record_get_id (record));
  kw_record_set_deleted (tomb, stamp);
  kw_record_set_deleted (record, stamp);
  if (!_kw_store_write_record (self, tomb, TRUE, error))
    return FALSE;
  if (deleted != NULL)
    g_ptr_array_add (deleted, g_object_ref (tomb));
  return delete_belonging (self, kw_record_get_type_name (record), kw_record_get_id (record),
                           deleted, error);
}

gboolean
kw_store_delete_collect (KwStore     *self,
                         const char  *type_name,
                         const char  *id,
                         GPtrArray   *deleted,
                         GError     **error)
{
  g_autoptr(KwRecord) record = NULL;
  gboolean own, ok;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);

  if (lookup_type (type_name, error) == NULL || !write_begin (self, &own, error))
    return FALSE;
  record = get_record (self, type_name, id, error);
  if (record == NULL || !_kw_store_check_finalised (self, kw_record_get_entity_type (record), record, NULL, error))
    return write_end (self, own, FALSE, NULL);
  ok = delete_record (self, record, deleted, error);
  return write_end (self, own, ok, error);
}

gboolean
kw_store_delete (KwStore     *self,
                 const char  *type_name,
                 const char  *id,
                 GError     **error)
{
  return kw_store_delete_collect (self, type_name, id, NULL, error);
}

/* Reads */

static GPtrArray *
collect_rows (KwStore            *self,
              const KwEntityType *type,
              const char         *sql,
              const char         *bind,
              GError            **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = _kw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (bind != NULL)
    sqlite3_bind_text (stmt, 1, bind, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, _kw_store_record_from_row (type, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

GPtrArray *
kw_store_list (KwStore     *self,
               const char  *type_name,
               GError     **error)
{
  const KwEntityType *type;
  g_autofree char *pending = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);

  if ((type = lookup_type (type_name, error)) == NULL)
    return NULL;
  pending = _kw_store_pending_sql (self, type, NULL);
  sql = g_strconcat (sql_for (type)->select, " WHERE ", sql_for (type)->live, pending, sql_for (type)->order, NULL);
  return collect_rows (self, type, sql, NULL, error);
}

GPtrArray *
kw_store_list_by_ref (KwStore     *self,
                      const char  *type_name,
                      const char  *field,
                      const char  *id,
                      GError     **error)
{
  const KwEntityType *type;
  const KwField *f;
  g_autofree char *pending = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if ((type = lookup_type (type_name, error)) == NULL)
    return NULL;
  f = kw_entity_type_field (type, field);
  if (f == NULL || f->kind != KW_FIELD_REF)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_UNKNOWN_FIELD,
                   _("%s: no such reference on %s"), field ? field : "", type_name);
      return NULL;
    }
  pending = _kw_store_pending_sql (self, type, NULL);
  sql = g_strdup_printf ("%s WHERE \"%s\" = ? AND %s%s%s",
                         sql_for (type)->select, f->name, sql_for (type)->live, pending, sql_for (type)->order);
  return collect_rows (self, type, sql, id, error);
}

gint64
kw_store_count (KwStore    *self,
                const char *type_name)
{
  const KwEntityType *type;
  g_autofree char *pending = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (KW_IS_STORE (self), -1);

  if ((type = kw_registry_lookup (type_name)) == NULL)
    return -1;
  pending = _kw_store_pending_sql (self, type, NULL);
  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE %s%s", type->name, sql_for (type)->live, pending);
  if ((stmt = _kw_store_prepare (self, sql, NULL)) == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

gboolean
kw_store_is_empty (KwStore *self)
{
  g_return_val_if_fail (KW_IS_STORE (self), FALSE);

  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" LIMIT 1",
                                              kw_registry_type_at (i)->name);
      sqlite3_stmt *stmt = _kw_store_prepare (self, sql, NULL);
      gboolean any;

      if (stmt == NULL)
        return FALSE;
      any = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (any)
        return FALSE;
    }
  return TRUE;
}

/* Search */

void
kw_search_hit_free (KwSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->id);
  g_free (hit->title);
  g_free (hit);
}

/* Each word of three or more characters as an FTS5 phrase, so that
 * "amr fati" finds "Fatima El Amrani"; NULL when no word is that long. */
char *
_kw_store_fts_query (const char *query)
{
  g_auto(GStrv) words = g_strsplit_set (query, " \t\n", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *quoted = NULL;
      g_auto(GStrv) parts = NULL;

      if (g_utf8_strlen (words[i], -1) < 3)
        continue;
      parts = g_strsplit (words[i], "\"", -1);
      quoted = g_strjoinv ("\"\"", parts);
      g_string_append_printf (s, "%s\"%s\"", s->len ? " " : "", quoted);
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* The end of the range of strings that start with prefix (NOCASE
 * folds ASCII only, so raising the last byte is enough). */
static char *
prefix_end (const char *prefix)
{
  char *end = g_ascii_strdown (prefix, -1);
  gsize len = strlen (end);

  g_assert (len > 0);
  if ((guchar) end[len - 1] < 0xff)
    end[len - 1]++;
  return end;
}

/* Titles that start with the query first, then the others, each by name. */
static int
compare_hits (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const KwSearchHit *x = *(KwSearchHit * const *) a;
  const KwSearchHit *y = *(KwSearchHit * const *) b;
  const char *query = user_data;
  gsize len = strlen (query);
  gboolean px = x->title && g_ascii_strncasecmp (x->title, query, len) == 0;
  gboolean py = y->title && g_ascii_strncasecmp (y->title, query, len) == 0;

  if (px != py)
    return px ? -1 : 1;
  return g_strcmp0 (x->title, y->title);
}

static gboolean
search_type (KwStore            *self,
             const KwEntityType *type,
             const char         *match,
             const char         *prefix,
             const char         *prefix_end,
             guint               limit,
             GPtrArray          *hits,
             GError            **error)
{
  const char *t = type->name;
  const char *title = type->title_field;
  g_autofree char *pending = _kw_store_pending_sql (self, type, match != NULL ? "r" : NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* No ORDER BY rank: ranking every match of a common trigram costs tens
   * of milliseconds over 100,000 people; the first matches in index order
   * are sorted by the caller. */
  if (match != NULL)
    sql = g_strdup_printf ("SELECT r.id, r.\"%s\" FROM \"%s.fts\" f JOIN \"%s\" r ON r.rid = f.rowid "
                           "WHERE \"%s.fts\" MATCH ?1 AND r.deleted IS NULL%s LIMIT ?3",
                           title, t, t, t, pending);
  else
    sql = g_strdup_printf ("SELECT id, \"%s\" FROM \"%s\" WHERE \"%s\" COLLATE NOCASE >= ?1 "
                           "AND \"%s\" COLLATE NOCASE < ?2 AND deleted IS NULL%s "
                           "ORDER BY \"%s\" COLLATE NOCASE LIMIT ?3",
                           title, t, title, title, pending, title);
  if ((stmt = _kw_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  else
    {
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, prefix_end, -1, SQLITE_STATIC);
    }
  sqlite3_bind_int (stmt, 3, (int) MIN (limit, G_MAXINT));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KwSearchHit *hit = g_new0 (KwSearchHit, 1);

      hit->type_name = type->name;
      hit->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
kw_store_search (KwStore     *self,
                 const char  *query,
                 const char  *type_name,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_search_hit_free);
  g_autofree char *trimmed = NULL;
  g_autofree char *match = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (type_name != NULL && lookup_type (type_name, error) == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (query));
  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    return g_steal_pointer (&hits);
  match = _kw_store_fts_query (trimmed);
  end = match ? NULL : prefix_end (trimmed);
  if (limit == 0)
    limit = 50;

  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);

      if (!(type->flags & KW_TYPE_FLAG_SEARCH) || (type_name && strcmp (type->name, type_name) != 0))
        continue;
      if (!search_type (self, type, match, trimmed, end, limit, hits, error))
        return NULL;
    }
  g_ptr_array_sort_with_data (hits, compare_hits, trimmed);
  return g_steal_pointer (&hits);
}
