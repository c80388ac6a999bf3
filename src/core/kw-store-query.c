/* kw-store-query.c: the SQL behind the application's lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list query is put together from fixed fragments (the table and
 * column names come from the registry) and every value is bound.
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kw-error.h"
#include "kw-store-private.h"
#include "kw-store-query.h"

static const char find_by_email_sql[] =
  "SELECT id FROM person WHERE lower (trim (email)) = lower (trim (?)) AND deleted IS NULL LIMIT 1";
static const char find_by_phone_sql[] =
  "SELECT id FROM person WHERE deleted IS NULL AND "
  "replace (replace (replace (phone, ' ', ''), '-', ''), '.', '') = "
  "replace (replace (replace (?, ' ', ''), '-', ''), '.', '') LIMIT 1";
static const char find_by_name_sql[] =
  "SELECT id FROM person WHERE name = ? COLLATE NOCASE AND deleted IS NULL LIMIT 1";

/* A row's summary, from the registry's KW_FIELD_FLAG_SUMMARY fields of
 * the types that belong to the row's type (see summary_of): the latest
 * date (a person's last contact) … */
static const char latest_sql[] =
  "SELECT max (\"%s\") FROM \"%s\" WHERE \"%s\" = ?";

/* … and the area and the title of the current record a reference of a
 * belonging type points at (a person's organisation through an
 * affiliation: current when not ended, the latest begun first).
 * Each %s after the names: the condition that leaves out pending
 * deletes, or "". */
static const char current_ref_summary_sql[] =
  "SELECT (SELECT name FROM area WHERE id = p.area AND deleted IS NULL%s), "
  "(SELECT o.\"%s\" FROM \"%s\" a JOIN \"%s\" o ON o.id = a.\"%s\" "
  " WHERE a.\"%s\" = p.id AND a.deleted IS NULL AND o.deleted IS NULL%s%s%s "
  " ORDER BY %s LIMIT 1) "
  "FROM \"%s\" p WHERE p.id = ?";

static const char area_summary_sql[] =
  "SELECT (SELECT name FROM area WHERE id = r.area AND deleted IS NULL%s), NULL "
  "FROM \"%s\" r WHERE r.id = ?";

/* People who share a value, grouped in SQL (one sort, no self-join). */
static const char same_email_sql[] =
  "SELECT group_concat (id, ' ') FROM person WHERE deleted IS NULL AND trim (coalesce (email, '')) <> '' "
  "GROUP BY lower (trim (email)) HAVING count (*) > 1";
static const char same_phone_sql[] =
  "SELECT group_concat (id, ' ') FROM person WHERE deleted IS NULL AND length (phone) >= 6 "
  "GROUP BY replace (replace (replace (replace (replace (phone, ' ', ''), '-', ''), '.', ''), '(', ''), ')', '') "
  "HAVING count (*) > 1";
static const char names_sql[] =
  "SELECT id, name, coalesce (area, '') FROM person WHERE deleted IS NULL ORDER BY coalesce (area, ''), id";

typedef struct {
  const char *text;   /* a text value, or NULL for the integer */
  gint64      number;
} Bind;

/* Helpers */

static char *
make_like_pattern (const char *text)
{
  GString *s = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

static void
add_bind (GArray     *binds,
          const char *text,
          gint64      number)
{
  Bind b = { text, number };

  g_array_append_val (binds, b);
}

static void
add_search (GString            *sql,
            GArray             *binds,
            GPtrArray          *owned,
            const KwEntityType *type,
            const char         *search)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (search));
  char *match;

  if (*trimmed == '\0')
    return;
  match = (type->flags & KW_TYPE_FLAG_SEARCH) ? _kw_store_fts_query (trimmed) : NULL;
  if (match != NULL)
    g_string_append_printf (sql, " AND rid IN (SELECT rowid FROM \"%s.fts\" WHERE \"%s.fts\" MATCH ?)",
                            type->name, type->name);
  else
    {
      match = make_like_pattern (trimmed);
      g_string_append_printf (sql, " AND \"%s\" LIKE ? ESCAPE '\\'", type->title_field);
    }
  g_ptr_array_add (owned, match);
  add_bind (binds, match, 0);
}

static char *
cutoff_date (guint months)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_months (now, -(int) months);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The REF of a type to itself (area.parent), or NULL. */
static const KwField *
nesting_field (const KwEntityType *type)
{
  for (guint i = 0; type != NULL && i < type->n_fields; i++)
    if (type->fields[i].kind == KW_FIELD_REF && kw_field_targets (&type->fields[i], type->name)
        && type->fields[i].targets[1] == NULL)
      return &type->fields[i];
  return NULL;
}

static void
add_filter (GString             *sql,
            GArray              *binds,
            const KwQueryFilter *filter)
{
  const KwField *f = filter->field;
  const KwEntityType *target = f->kind == KW_FIELD_REF && f->targets[1] == NULL
                               ? kw_registry_lookup (f->targets[0]) : NULL;
  const KwField *nest = nesting_field (target);

  if (f->kind == KW_FIELD_BOOL)
    {
      /* TRUE as the partial indexes have it (key_figure = 1) */
      if (g_variant_get_boolean (filter->value))
        g_string_append_printf (sql, " AND \"%s\" = 1", f->name);
      else
        g_string_append_printf (sql, " AND coalesce (\"%s\", 0) = 0", f->name);
      return;
    }
  if (nest != NULL)
    /* the record and every one inside it: Betondorp holds Betondorp-Noord */
    g_string_append_printf (sql, " AND \"%s\" IN (WITH RECURSIVE inside (id) AS (SELECT ? UNION "
                                 "SELECT t.id FROM \"%s\" t JOIN inside ON t.\"%s\" = inside.id "
                                 "WHERE t.deleted IS NULL) SELECT id FROM inside)",
                            f->name, target->name, nest->name);
  else
    g_string_append_printf (sql, " AND \"%s\" = ?", f->name);
  add_bind (binds, g_variant_get_string (filter->value, NULL), 0);
}

static void
add_range (GString            *sql,
           GArray             *binds,
           GPtrArray          *owned,
           const KwQueryRange *range)
{
  if (range->from != NULL)
    {
      g_string_append_printf (sql, " AND \"%s\" >= ?", range->field->name);
      add_bind (binds, range->from, 0);
    }
  if (range->to != NULL)
    {
      /* inclusive, as a prefix: past every value that starts with it */
      char *to = g_strconcat (range->to, "\xef\xbf\xbf", NULL);

      g_ptr_array_add (owned, to);
      g_string_append_printf (sql, " AND \"%s\" <= ?", range->field->name);
      add_bind (binds, to, 0);
    }
}

static void
add_text_filter (GString       *sql,
                 GArray        *binds,
                 GPtrArray     *owned,
                 const KwQuery *q)
{
  char *pattern;

  if (q->text == NULL || *q->text == '\0' || q->text_fields == NULL || q->text_fields[0] == NULL)
    return;
  pattern = make_like_pattern (q->text);
  g_ptr_array_add (owned, pattern);
  g_string_append (sql, " AND (");
  for (guint i = 0; q->text_fields[i]; i++)
    {
      g_string_append_printf (sql, "%s\"%s\" LIKE ? ESCAPE '\\'", i ? " OR " : "", q->text_fields[i]);
      add_bind (binds, pattern, 0);
    }
  g_string_append_c (sql, ')');
}

/* "(SELECT max (c.<field>) FROM <child> c WHERE c.<parent ref> = <type>.id)"
 * (without the children whose delete is pending), or NULL when child has
 * no PARENT reference to type. */
static char *
latest_of_children (KwStore            *self,
                    const KwEntityType *type,
                    const char         *child_name,
                    const char         *field)
{
  const KwEntityType *child = kw_registry_lookup (child_name);
  const KwField *parent = child ? _kw_store_query_parent_ref (child, type) : NULL;
  g_autofree char *pending = NULL;

  if (parent == NULL || kw_entity_type_field (child, field) == NULL)
    return NULL;
  pending = _kw_store_pending_sql (self, child, "c");
  return g_strdup_printf ("(SELECT max (c.\"%s\") FROM \"%s\" c WHERE c.\"%s\" = \"%s\".id%s)",
                          field, child->name, parent->name, type->name, pending);
}

static void
add_stale (KwStore            *self,
           GString            *sql,
           GArray             *binds,
           GPtrArray          *owned,
           const KwEntityType *type,
           const KwQuery      *q)
{
  g_autofree char *latest = NULL;
  char *cutoff;

  if (q->stale_months == 0 || q->stale_type == NULL
      || (latest = latest_of_children (self, type, q->stale_type, q->stale_field)) == NULL)
    return;
  cutoff = cutoff_date (q->stale_months);
  g_ptr_array_add (owned, cutoff);
  g_string_append_printf (sql, " AND coalesce (%s, '') < ?", latest);
  add_bind (binds, cutoff, 0);
}

static void
add_order (KwStore            *self,
           GString            *sql,
           const KwEntityType *type,
           const KwQuery      *q)
{
  const char *dir = (q->sort_flags & KW_RECORD_SORT_DESCENDING) ? "DESC NULLS LAST" : "ASC NULLS FIRST";
  const char *dot = q->sort_field ? strchr (q->sort_field, '.') : NULL;
  g_autofree char *latest = NULL;

  if (dot != NULL)
    {
      g_autofree char *child = g_strndup (q->sort_field, dot - q->sort_field);

      latest = latest_of_children (self, type, child, dot + 1);
    }
  if (latest != NULL)
    g_string_append_printf (sql, " ORDER BY %s %s,", latest, dir);
  else if (q->sort_field != NULL && g_strcmp0 (q->sort_field, type->title_field) != 0
           && kw_entity_type_field (type, q->sort_field) != NULL)
    g_string_append_printf (sql, " ORDER BY \"%s\" %s,", q->sort_field, dir);
  else
    g_string_append (sql, " ORDER BY");
  if (type->title_field == NULL)
    g_string_append (sql, " rid");
  else
    g_string_append_printf (sql, " \"%s\" COLLATE NOCASE, id", type->title_field);
}

static char *
build_query (KwStore            *self,
             const KwEntityType *type,
             const KwQuery      *q,
             gboolean            with_title,
             GArray             *binds,
             GPtrArray          *owned)
{
  GString *sql = g_string_new ("SELECT rid");
  g_autofree char *pending = _kw_store_pending_sql (self, type, NULL);

  if (with_title)
    g_string_append_printf (sql, ", \"%s\"", type->title_field);
  g_string_append_printf (sql, " FROM \"%s\" WHERE %s%s", type->name, _kw_store_live_sql (type), pending);
  if (q->search != NULL)
    add_search (sql, binds, owned, type, q->search);
  if (q->parent_field != NULL && q->parent_id != NULL)
    {
      g_string_append_printf (sql, " AND \"%s\" = ?", q->parent_field);
      add_bind (binds, q->parent_id, 0);
    }
  for (guint i = 0; q->filters != NULL && i < q->filters->len; i++)
    add_filter (sql, binds, g_ptr_array_index (q->filters, i));
  for (guint i = 0; q->ranges != NULL && i < q->ranges->len; i++)
    add_range (sql, binds, owned, g_ptr_array_index (q->ranges, i));
  add_text_filter (sql, binds, owned, q);
  add_stale (self, sql, binds, owned, type, q);
  add_order (self, sql, type, q);
  return g_string_free (sql, FALSE);
}

static void
bind_all (sqlite3_stmt *stmt,
          GArray       *binds)
{
  int col = 1;

  for (guint i = 0; i < binds->len; i++)
    {
      Bind *b = &g_array_index (binds, Bind, i);

      if (b->text != NULL)
        sqlite3_bind_text (stmt, col++, b->text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, col++, b->number);
    }
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  const char *s = (const char *) sqlite3_column_text (stmt, col);

  return s != NULL ? g_strdup (s) : NULL;
}

/* Public API */

const KwField *
_kw_store_query_parent_ref (const KwEntityType *child,
                            const KwEntityType *type)
{
  for (guint i = 0; i < child->n_fields; i++)
    if ((child->fields[i].flags & KW_FIELD_FLAG_PARENT) && kw_field_targets (&child->fields[i], type->name))
      return &child->fields[i];
  return NULL;
}

/* What a row of @type shows of the records that belong to it: the
 * registry's KW_FIELD_FLAG_SUMMARY fields of the types with a PARENT
 * reference at @type (other than that field itself). */
typedef struct {
  const KwEntityType *date_type;    /* contact_moment */
  const KwField      *date_parent;  /* its person */
  const KwField      *date;         /* its date */
  const KwEntityType *ref_type;     /* affiliation */
  const KwField      *ref_parent;   /* its person */
  const KwField      *ref;          /* its organisation */
  const char         *row_types[8]; /* the types these read, NULL-terminated */
} Summary;

static void
add_row_type (Summary    *summary,
              const char *name)
{
  guint n = 0;

  while (summary->row_types[n] != NULL && n < G_N_ELEMENTS (summary->row_types) - 1)
    if (g_str_equal (summary->row_types[n++], name))
      return;
  if (n < G_N_ELEMENTS (summary->row_types) - 1)
    summary->row_types[n] = g_intern_string (name);
}

static void
find_summary (const KwEntityType *type,
              Summary            *summary)
{
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *child = kw_registry_type_at (t);
      const KwField *parent = _kw_store_query_parent_ref (child, type);

      for (guint i = 0; parent != NULL && i < child->n_fields; i++)
        {
          const KwField *field = &child->fields[i];

          if (!(field->flags & KW_FIELD_FLAG_SUMMARY) || field == parent)
            continue;
          if (field->kind == KW_FIELD_DATE && summary->date == NULL)
            {
              summary->date_type = child, summary->date_parent = parent, summary->date = field;
              add_row_type (summary, child->name);
            }
          else if (field->kind == KW_FIELD_REF && summary->ref == NULL
                   && kw_registry_lookup (field->targets[0]) != NULL
                   && kw_registry_lookup (field->targets[0])->title_field != NULL)
            {
              summary->ref_type = child, summary->ref_parent = parent, summary->ref = field;
              add_row_type (summary, child->name);
              add_row_type (summary, field->targets[0]);
            }
        }
    }
}

static const Summary *
summary_of (const KwEntityType *type)
{
  static GHashTable *summaries;   /* KwEntityType → Summary, never freed (the registry is static) */
  G_LOCK_DEFINE_STATIC (summaries);
  Summary *summary;

  G_LOCK (summaries);
  if (summaries == NULL)
    summaries = g_hash_table_new (NULL, NULL);
  if ((summary = g_hash_table_lookup (summaries, type)) == NULL)
    {
      summary = g_new0 (Summary, 1);
      find_summary (type, summary);
      g_hash_table_insert (summaries, (gpointer) type, summary);
    }
  G_UNLOCK (summaries);
  return summary;
}

const char * const *
_kw_store_query_row_types (const KwEntityType *type)
{
  return summary_of (type)->row_types;
}

GArray *
_kw_store_query_rids (KwStore        *self,
                      const char     *type_name,
                      const KwQuery  *query,
                      GError        **error)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rids = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL && query != NULL, NULL);

  sql = build_query (self, type, query, FALSE, binds, owned);
  if ((stmt = _kw_store_prepare (self, sql, error)) == NULL)
    return NULL;
  bind_all (stmt, binds);
  rids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rids, rid);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&rids);
}

gboolean
_kw_store_query_titles (KwStore        *self,
                        const char     *type_name,
                        const KwQuery  *query,
                        GArray         *rids,
                        GString        *keys,
                        GArray         *offsets,
                        GError        **error)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = NULL;
  KwQuery unsearched;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (type != NULL && type->title_field != NULL && query != NULL, FALSE);

  unsearched = *query;
  unsearched.search = NULL;
  sql = build_query (self, type, &unsearched, TRUE, binds, owned);
  if ((stmt = _kw_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  bind_all (stmt, binds);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rid = sqlite3_column_int64 (stmt, 0);
      const char *title = (const char *) sqlite3_column_text (stmt, 1);
      guint32 offset = keys->len;

      g_array_append_val (rids, rid);
      g_array_append_val (offsets, offset);
      for (const char *p = title ? title : ""; *p; p++)  /* ASCII case only, as LIKE */
        g_string_append_c (keys, g_ascii_tolower (*p));
      g_string_append_c (keys, '\0');
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_kw_store_query_match (KwStore     *self,
                       const char  *type_name,
                       const char  *search,
                       GHashTable **matches,
                       GError     **error)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  g_autofree char *sql = NULL;
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (type != NULL && search != NULL && matches != NULL, FALSE);

  *matches = NULL;
  if (!(type->flags & KW_TYPE_FLAG_SEARCH) || (match = _kw_store_fts_query (search)) == NULL)
    return TRUE;
  sql = g_strdup_printf ("SELECT rowid FROM \"%s.fts\" WHERE \"%s.fts\" MATCH ?", type->name, type->name);
  if ((stmt = _kw_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  *matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rid = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (*matches, g_memdup2 (&rid, sizeof rid));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (matches, g_hash_table_unref);
      _kw_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The reader */

struct _KwStoreReader
{
  GMutex   lock;
  sqlite3 *db;
};

KwStoreReader *
_kw_store_reader_new (KwStore *self)
{
  const char *path;
  KwStoreReader *reader;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);

  path = sqlite3_db_filename (_kw_store_get_db (self), "main");
  if (path == NULL || *path == '\0')
    return NULL;
  reader = g_new0 (KwStoreReader, 1);
  g_mutex_init (&reader->lock);
  if (sqlite3_open_v2 (path, &reader->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_warning ("could not open a reader on %s: %s", path, reader->db ? sqlite3_errmsg (reader->db) : "no memory");
      _kw_store_reader_free (reader);
      return NULL;
    }
  sqlite3_busy_timeout (reader->db, 2000);
  return reader;
}

void
_kw_store_reader_free (KwStoreReader *reader)
{
  if (reader == NULL)
    return;
  sqlite3_close (reader->db);
  g_mutex_clear (&reader->lock);
  g_free (reader);
}

static int
on_reader_progress_cb (void *data)
{
  return g_cancellable_is_cancelled (data);
}

gboolean
_kw_store_reader_match (KwStoreReader  *reader,
                        const char     *type_name,
                        const char     *search,
                        GHashTable    **matches,
                        GCancellable   *cancellable,
                        GError        **error)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  g_autofree char *sql = NULL;
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (reader != NULL && matches != NULL, FALSE);
  g_return_val_if_fail (type != NULL && search != NULL, FALSE);

  *matches = NULL;
  if (!(type->flags & KW_TYPE_FLAG_SEARCH) || (match = _kw_store_fts_query (search)) == NULL)
    return TRUE;
  sql = g_strdup_printf ("SELECT rowid FROM \"%s.fts\" WHERE \"%s.fts\" MATCH ?", type->name, type->name);
  g_mutex_lock (&reader->lock);
  sqlite3_progress_handler (reader->db, 1000, on_reader_progress_cb, cancellable);
  rc = sqlite3_prepare_v2 (reader->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      *matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 rid = sqlite3_column_int64 (stmt, 0);
          g_hash_table_add (*matches, g_memdup2 (&rid, sizeof rid));
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_progress_handler (reader->db, 0, NULL, NULL);
  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (matches, g_hash_table_unref);
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DATABASE, "%s", sqlite3_errmsg (reader->db));
      g_mutex_unlock (&reader->lock);
      return FALSE;
    }
  g_mutex_unlock (&reader->lock);
  return TRUE;
}

KwRecord *
_kw_store_query_record (KwStore    *self,
                        const char *type_name,
                        gint64      rid)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  KwRecord *record = NULL;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  sql = g_strconcat (_kw_store_select_sql (type), " WHERE rid = ?", NULL);
  if ((stmt = _kw_store_prepare (self, sql, NULL)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = _kw_store_record_from_row (type, stmt);
  sqlite3_reset (stmt);
  return record;
}

gint64
_kw_store_query_rid (KwStore    *self,
                     const char *type_name,
                     const char *id)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 rid = -1;

  g_return_val_if_fail (KW_IS_STORE (self), -1);
  g_return_val_if_fail (type != NULL, -1);

  if (id == NULL)
    return -1;
  sql = g_strdup_printf ("SELECT rid FROM \"%s\" WHERE id = ?", type->name);
  if ((stmt = _kw_store_prepare (self, sql, NULL)) == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return rid;
}

char *
kw_store_dup_last_contact (KwStore    *self,
                           const char *person_id)
{
  const Summary *summary = summary_of (kw_registry_lookup ("person"));
  g_autofree char *pending = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *date = NULL;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);

  if (person_id == NULL || summary->date == NULL)
    return NULL;
  pending = _kw_store_pending_sql (self, summary->date_type, NULL);
  sql = g_strdup_printf (latest_sql, summary->date->name, summary->date_type->name, summary->date_parent->name);
  if (*pending != '\0')
    {
      char *with = g_strconcat (sql, pending, NULL);

      g_free (sql);
      sql = with;
    }
  if ((stmt = _kw_store_prepare (self, sql, NULL)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    date = dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return date;
}

/* The current one of the belonging records (a reference's summary):
 * " AND (a.until IS NULL OR a.until >= date ('now'))" when the type has
 * an end date, and the order, the latest begun first. */
static char *
current_condition (const KwEntityType *type)
{
  return g_strdup (kw_entity_type_field (type, "until") != NULL
                   ? " AND (a.\"until\" IS NULL OR a.\"until\" >= date ('now'))" : "");
}

static char *
current_order (const KwEntityType *type)
{
  return g_strdup (kw_entity_type_field (type, "since") != NULL ? "a.\"since\" DESC" : "a.rid DESC");
}

void
kw_store_query_summary (KwStore     *self,
                        const char  *type_name,
                        const char  *id,
                        char       **area,
                        char       **organisation)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  const Summary *summary;
  g_autofree char *sql = NULL;
  g_autofree char *no_area = NULL, *no_child = NULL, *no_target = NULL;
  sqlite3_stmt *stmt;

  g_return_if_fail (KW_IS_STORE (self));
  g_return_if_fail (area != NULL && organisation != NULL);

  *area = *organisation = NULL;
  if (type == NULL || id == NULL || kw_entity_type_field (type, "area") == NULL)
    return;
  summary = summary_of (type);
  no_area = _kw_store_pending_sql (self, kw_registry_lookup ("area"), NULL);
  if (summary->ref != NULL)
    {
      const KwEntityType *target = kw_registry_lookup (summary->ref->targets[0]);
      g_autofree char *current = current_condition (summary->ref_type);
      g_autofree char *order = current_order (summary->ref_type);

      no_child = _kw_store_pending_sql (self, summary->ref_type, "a");
      no_target = _kw_store_pending_sql (self, target, "o");
      sql = g_strdup_printf (current_ref_summary_sql, no_area,
                             target->title_field, summary->ref_type->name, target->name, summary->ref->name,
                             summary->ref_parent->name, no_child, no_target, current, order, type->name);
    }
  else
    sql = g_strdup_printf (area_summary_sql, no_area, type->name);
  if ((stmt = _kw_store_prepare (self, sql, NULL)) == NULL)
    return;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *area = dup_column (stmt, 0);
      *organisation = dup_column (stmt, 1);
    }
  sqlite3_reset (stmt);
}

/* Duplicates */

void
kw_duplicate_free (KwDuplicate *duplicate)
{
  if (duplicate == NULL)
    return;
  g_free (duplicate->a);
  g_free (duplicate->b);
  g_free (duplicate);
}

static gboolean
has_pair (GPtrArray  *found,
          const char *a,
          const char *b)
{
  for (guint i = 0; i < found->len; i++)
    {
      KwDuplicate *d = g_ptr_array_index (found, i);

      if ((g_str_equal (d->a, a) && g_str_equal (d->b, b)) || (g_str_equal (d->a, b) && g_str_equal (d->b, a)))
        return TRUE;
    }
  return FALSE;
}

static void
add_pair (GPtrArray  *found,
          const char *a,
          const char *b,
          const char *reason)
{
  KwDuplicate *d;

  if (g_str_equal (a, b) || has_pair (found, a, b))
    return;
  d = g_new0 (KwDuplicate, 1);
  d->a = g_strdup (a);
  d->b = g_strdup (b);
  d->reason = reason;
  g_ptr_array_add (found, d);
}

static gboolean
collect_groups (KwStore     *self,
                const char  *sql,
                const char  *reason,
                GPtrArray   *found,
                guint        limit,
                GError     **error)
{
  sqlite3_stmt *stmt = _kw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && found->len < limit)
    {
      g_auto(GStrv) ids = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), " ", -1);

      for (guint i = 1; ids[i] && found->len < limit; i++)
        add_pair (found, ids[0], ids[i], reason);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _kw_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Lower case letters and digits only: "El-Amrani, F." → "elamranif" */
static char *
name_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *plain = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *key = g_string_new (NULL);

  for (const char *p = plain; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (key, g_utf8_get_char (p));
  return g_string_free (key, FALSE);
}

/* Edit distance, for short strings (names); stops early past max. */
static guint
distance (const char *a,
          const char *b,
          guint       max)
{
  guint la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if ((la > lb ? la - lb : lb - la) > max || la > 200 || lb > 200)
    return max + 1;
  row = g_new (guint, lb + 1);
  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diag = row[0], best;

      row[0] = best = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint up = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + (a[i - 1] != b[j - 1]));
          diag = up;
          best = MIN (best, row[j]);
        }
      if (best > max)
        return max + 1;
    }
  return row[lb];
}

typedef struct {
  char *id;
  char *key;
  char *area;
} NameEntry;

static void
name_entry_clear (gpointer data)
{
  NameEntry *e = data;

  g_free (e->id);
  g_free (e->key);
  g_free (e->area);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const NameEntry *x = a, *y = b;
  int c = strcmp (x->area, y->area);

  return c != 0 ? c : strcmp (x->key, y->key);
}

static gboolean
collect_names (KwStore     *self,
               GPtrArray   *found,
               guint        limit,
               GError     **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (NameEntry));
  sqlite3_stmt *stmt = _kw_store_prepare (self, names_sql, error);

  if (stmt == NULL)
    return FALSE;
  g_array_set_clear_func (entries, name_entry_clear);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      NameEntry e = { g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                      name_key ((const char *) sqlite3_column_text (stmt, 1)),
                      g_strdup ((const char *) sqlite3_column_text (stmt, 2)) };
      g_array_append_val (entries, e);
    }
  sqlite3_reset (stmt);
  g_array_sort (entries, compare_entries);
  /* neighbours in (area, name) order: the same or nearly the same name */
  for (guint i = 1; i < entries->len && found->len < limit; i++)
    {
      NameEntry *x = &g_array_index (entries, NameEntry, i - 1);
      NameEntry *y = &g_array_index (entries, NameEntry, i);

      guint max = strlen (x->key) >= 10 ? 2 : 1;

      if (*x->area != '\0' && g_str_equal (x->area, y->area) && strlen (x->key) >= 5
          && distance (x->key, y->key, max) <= max)
        add_pair (found, x->id, y->id, "name");
    }
  return TRUE;
}

GPtrArray *
kw_store_find_duplicates (KwStore  *self,
                          guint     limit,
                          GError  **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_duplicate_free);

  g_return_val_if_fail (KW_IS_STORE (self), NULL);

  if (limit == 0)
    limit = 200;
  if (!collect_groups (self, same_email_sql, "email", found, limit, error)
      || !collect_groups (self, same_phone_sql, "phone", found, limit, error)
      || !collect_names (self, found, limit, error))
    return NULL;
  return g_steal_pointer (&found);
}

static char *
find_one (KwStore    *self,
          const char *sql,
          const char *value)
{
  sqlite3_stmt *stmt;
  char *id = NULL;

  if (value == NULL || *value == '\0' || (stmt = _kw_store_prepare (self, sql, NULL)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

char *
kw_store_find_person (KwStore    *self,
                      const char *email,
                      const char *phone,
                      const char *name)
{
  char *id;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);

  if ((id = find_one (self, find_by_email_sql, email)) != NULL
      || (id = find_one (self, find_by_phone_sql, phone)) != NULL)
    return id;
  return find_one (self, find_by_name_sql, name);
}
