/* kw-store.c: opening the database, schema and migrations, device id,
 * clock and transactions. Records are in kw-store-records.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kw-error.h"
#include "kw-hlc.h"
#include "kw-store-private.h"
#include "kw-sync-private.h"
#include "kw-temp-file.h"

/* Writers wait this long for another writer (an import of 100,000 people
 * takes well under a minute here); KWARTIER_BUSY_TIMEOUT_MS overrides it,
 * for tests and for scripts that would rather fail fast. */
#define DEFAULT_BUSY_TIMEOUT_MS (5 * 60 * 1000)

struct _KwStore
{
  GObject          parent_instance;

  sqlite3         *db;
  char            *path;
  char            *device_id;
  KwHlcClock       clock;
  gboolean         clock_dirty;
  char             local_last[KW_HLC_LEN + 1]; /* last stamp made here, not yet in seen */
  KwWallClockFunc  wall_clock;
  gpointer         wall_clock_data;
  guint            depth;
  gboolean         read_only;     /* the outermost transaction only reads */
  GHashTable      *statements;   /* SQL text → sqlite3_stmt */
  GHashTable      *changed;      /* type names written in this transaction */
  KwPending       *pending;      /* deletes waiting for their undo (kw-pending.c) */
  KwStoreAsync    *async;        /* ::changed on the main context (kw-store-async.c) */
};

G_DEFINE_FINAL_TYPE (KwStore, kw_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Tables of the device itself, never exported. */
static const char local_tables_sql[] =
  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS seen (device TEXT PRIMARY KEY, hlc TEXT NOT NULL) WITHOUT ROWID;";

/* Indexes beyond one per reference and title, for the lists of the app:
 * contact moments by person and date (last contact), key figures, e-mail
 * for duplicates, and the live records in name order (100,000 row ids in
 * a few ms). */
static const char select_meta_sql[] = "SELECT value FROM meta WHERE key = ?";
static const char upsert_meta_sql[] =
  "INSERT INTO meta (key, value) VALUES (?, ?) "
  "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
static const char upsert_seen_sql[] =
  "INSERT INTO seen (device, hlc) VALUES (?, ?) "
  "ON CONFLICT (device) DO UPDATE SET hlc = max (hlc, excluded.hlc)";

/* Helpers: SQL */

/* "Database is locked" has its own code, so that a caller can try again;
 * a full disk names the file. */
static void
set_error_for_code (KwStore     *self,
                    int          rc,
                    const char  *message,
                    GError     **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_BUSY,
                   _("the database is busy with another writer; try again"));
      break;
    case SQLITE_FULL:
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO,
                   _("could not write %s: the disk is full"), self->path);
      break;
    case SQLITE_IOERR:
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO,
                   _("could not read or write %s: %s"), self->path, message);
      break;
    default:
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DATABASE, _("database error: %s"), message);
      break;
    }
}

void
_kw_store_set_db_error (KwStore  *self,
                        GError  **error)
{
  set_error_for_code (self, sqlite3_extended_errcode (self->db), sqlite3_errmsg (self->db), error);
}

gboolean
_kw_store_exec (KwStore     *self,
                const char  *sql,
                GError     **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &msg);

  if (rc != SQLITE_OK)
    {
      set_error_for_code (self, rc, msg ? msg : sqlite3_errmsg (self->db), error);
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
_kw_store_prepare (KwStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _kw_store_set_db_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_kw_store_run (KwStore       *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _kw_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
_kw_store_get_db (KwStore *self)
{
  return self->db;
}

gboolean
_kw_store_get_meta (KwStore     *self,
                    const char  *key,
                    char       **value)
{
  sqlite3_stmt *stmt = _kw_store_prepare (self, select_meta_sql, NULL);

  *value = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return *value != NULL;
}

gboolean
_kw_store_set_meta (KwStore     *self,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  sqlite3_stmt *stmt = _kw_store_prepare (self, upsert_meta_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return _kw_store_run (self, stmt, error);
}

static int
get_user_version (KwStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
has_tables (KwStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM sqlite_schema LIMIT 1", -1, &stmt, NULL) == SQLITE_OK)
    found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

static gboolean
has_column (KwStore    *self,
            const char *table,
            const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM pragma_table_info('%s') WHERE name = ?", table);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, column, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* Schema, from the registry */

static const char *
column_type (const KwField *field)
{
  switch (field->kind)
    {
    case KW_FIELD_INTEGER:
    case KW_FIELD_CENTS:
    case KW_FIELD_BOOL:
      return "INTEGER";
    case KW_FIELD_TEXT:
    case KW_FIELD_DATE:
    case KW_FIELD_DATETIME:
    case KW_FIELD_ENUM:
    case KW_FIELD_REF:
    default:
      return "TEXT";
    }
}

static char *
table_sql (const KwEntityType *type)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "CREATE TABLE IF NOT EXISTS \"%s\" ("
                          "rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, deleted TEXT",
                          type->name);
  for (guint i = 0; i < type->n_fields; i++)
    {
      const KwField *f = &type->fields[i];

      g_string_append_printf (s, ", \"%s\" %s, \"%s:hlc\" TEXT, \"%s:prev\" TEXT",
                              f->name, column_type (f), f->name, f->name);
    }
  g_string_append (s, ");\n");
  return g_string_free (s, FALSE);
}

static char *
index_sql (const KwEntityType *type)
{
  GString *s = g_string_new (NULL);

  if (type->title_field != NULL)
    g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.title\" ON \"%s\" (\"%s\" COLLATE NOCASE);\n",
                            type->name, type->name, type->title_field);
  for (guint i = 0; i < type->n_fields; i++)
    if (type->fields[i].kind == KW_FIELD_REF)
      g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.%s\" ON \"%s\" (\"%s\");\n",
                              type->name, type->fields[i].name, type->name, type->fields[i].name);
  return g_string_free (s, FALSE);
}

/* The indexes the lists need, from the fields flagged KW_FIELD_FLAG_INDEX
 * (kw-registry.h); names and text as schema 1 made them by hand. */
static void
append_list_index (GString            *s,
                   const KwEntityType *type,
                   const KwField      *field)
{
  const char *t = type->name;
  const char *f = field->name;

  if (g_strcmp0 (type->title_field, f) == 0)
    g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.live_title\" ON %s (%s COLLATE NOCASE, id) "
                            "WHERE deleted IS NULL;\n", t, t, f);
  else if (field->kind == KW_FIELD_BOOL)
    g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.%s\" ON %s (%s) WHERE %s = 1;\n",
                            t, f, t, f, f);
  else if (field->flags & KW_FIELD_FLAG_EMAIL)
    g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.%s_key\" ON %s (lower (trim (%s)));\n",
                            t, f, t, f);
  else
    {
      const KwField *parent = NULL;

      for (guint i = 0; i < type->n_fields && parent == NULL; i++)
        if (type->fields[i].flags & KW_FIELD_FLAG_PARENT)
          parent = &type->fields[i];
      if (parent != NULL)
        g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.%s_%s\" ON %s (%s, %s);\n",
                                t, parent->name, f, t, parent->name, f);
      else
        g_string_append_printf (s, "CREATE INDEX IF NOT EXISTS \"%s.%s_list\" ON %s (%s);\n",
                                t, f, t, f);
    }
}

static char *
list_indexes_sql (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);

      for (guint j = 0; j < type->n_fields; j++)
        if (type->fields[j].flags & KW_FIELD_FLAG_INDEX)
          append_list_index (s, type, &type->fields[j]);
    }
  return g_string_free (s, FALSE);
}

static GPtrArray *
search_columns (const KwEntityType *type)
{
  GPtrArray *cols = g_ptr_array_new ();

  for (guint i = 0; i < type->n_fields; i++)
    if (type->fields[i].flags & KW_FIELD_FLAG_SEARCH)
      g_ptr_array_add (cols, (gpointer) type->fields[i].name);
  return cols;
}

static char *
join_columns (GPtrArray  *cols,
              const char *prefix)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cols->len; i++)
    g_string_append_printf (s, "%s%s\"%s\"", i ? ", " : "", prefix, (char *) g_ptr_array_index (cols, i));
  return g_string_free (s, FALSE);
}

/* An external-content FTS5 table with a trigram tokenizer, kept
 * current by triggers: the store never forgets to update it. */
static char *
fts_sql (const KwEntityType *type)
{
  g_autoptr(GPtrArray) cols = search_columns (type);
  g_autofree char *plain = join_columns (cols, "");
  g_autofree char *news = join_columns (cols, "new.");
  g_autofree char *olds = join_columns (cols, "old.");
  const char *t = type->name;

  return g_strdup_printf (
    "CREATE VIRTUAL TABLE IF NOT EXISTS \"%s.fts\" USING fts5 (%s, content='%s', content_rowid='rid', tokenize='trigram');\n"
    "CREATE TRIGGER IF NOT EXISTS \"%s.fts.insert\" AFTER INSERT ON \"%s\" BEGIN "
    "INSERT INTO \"%s.fts\" (rowid, %s) VALUES (new.rid, %s); END;\n"
    "CREATE TRIGGER IF NOT EXISTS \"%s.fts.delete\" AFTER DELETE ON \"%s\" BEGIN "
    "INSERT INTO \"%s.fts\" (\"%s.fts\", rowid, %s) VALUES ('delete', old.rid, %s); END;\n"
    "CREATE TRIGGER IF NOT EXISTS \"%s.fts.update\" AFTER UPDATE OF %s ON \"%s\" BEGIN "
    "INSERT INTO \"%s.fts\" (\"%s.fts\", rowid, %s) VALUES ('delete', old.rid, %s); "
    "INSERT INTO \"%s.fts\" (rowid, %s) VALUES (new.rid, %s); END;\n",
    t, plain, t,
    t, t, t, plain, news,
    t, t, t, t, plain, olds,
    t, plain, t, t, t, plain, olds, t, plain, news);
}

static char *
schema_sql (void)
{
  GString *s = g_string_new (local_tables_sql);
  g_autofree char *lists = NULL;

  g_string_append (s, _kw_store_sync_schema_sql ());

  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);
      g_autofree char *table = table_sql (type);
      g_autofree char *index = index_sql (type);

      g_string_append (s, table);
      g_string_append (s, index);
      if (type->flags & KW_TYPE_FLAG_SEARCH)
        {
          g_autofree char *fts = fts_sql (type);
          g_string_append (s, fts);
        }
    }
  lists = list_indexes_sql ();
  g_string_append (s, lists);
  return g_string_free (s, FALSE);
}

/* Schema 1 is extended in place until the first release: fields added
 * to the registry since the database was made become new columns. */
static gboolean
add_missing_columns (KwStore  *self,
                     GError  **error)
{
  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);

      for (guint j = 0; j < type->n_fields; j++)
        {
          const KwField *f = &type->fields[j];
          g_autofree char *sql = NULL;

          if (has_column (self, type->name, f->name))
            continue;
          sql = g_strdup_printf ("ALTER TABLE \"%s\" ADD COLUMN \"%s\" %s;"
                                 "ALTER TABLE \"%s\" ADD COLUMN \"%s:hlc\" TEXT;"
                                 "ALTER TABLE \"%s\" ADD COLUMN \"%s:prev\" TEXT;",
                                 type->name, f->name, column_type (f),
                                 type->name, f->name, type->name, f->name);
          if (!_kw_store_exec (self, sql, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
migrate_to_1 (KwStore  *self,
              GError  **error)
{
  g_autofree char *sql = schema_sql ();

  return _kw_store_exec (self, sql, error);
}

typedef gboolean (*MigrateFunc) (KwStore *self, GError **error);

/* migrations[i] brings a database from user_version i to i + 1 */
static const MigrateFunc migrations[] = {
  migrate_to_1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KW_SCHEMA_VERSION);

static gboolean
run_migrations (KwStore     *self,
                int          from,
                const char  *fingerprint,
                GError     **error)
{
  g_autofree char *pragma = NULL;

  if (!_kw_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (int v = from; v < KW_SCHEMA_VERSION; v++)
    if (!migrations[v] (self, error))
      goto fail;
  /* schema 1 grows in place until the first release */
  if (from == KW_SCHEMA_VERSION
      && (!migrate_to_1 (self, error) || !add_missing_columns (self, error)))
    goto fail;
  pragma = g_strdup_printf ("PRAGMA user_version = %d", KW_SCHEMA_VERSION);
  if (!_kw_store_exec (self, pragma, error)
      || !_kw_store_set_meta (self, "schema_fingerprint", fingerprint, error)
      || !_kw_store_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* A digest of the schema the registry describes: when the database
 * already has it, opening does no schema work at all. */
static char *
schema_fingerprint (void)
{
  g_autofree char *sql = schema_sql ();

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, sql, -1);
}

static gboolean
prepare_schema (KwStore  *self,
                GError  **error)
{
  int version = get_user_version (self);
  g_autofree char *fingerprint = schema_fingerprint ();
  g_autofree char *stored = NULL;

  if (version > KW_SCHEMA_VERSION)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NEWER,
                   _("%s was made by a newer Kwartier (schema %d; this one knows %d)"),
                   self->path, version, KW_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == 0 && has_tables (self))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s is not a Kwartier database"), self->path);
      return FALSE;
    }
  if (version == KW_SCHEMA_VERSION && _kw_store_get_meta (self, "schema_fingerprint", &stored)
      && strcmp (stored, fingerprint) == 0)
    return TRUE;
  if (version > 0 && version < KW_SCHEMA_VERSION)
    {
      g_autofree char *backup = kw_store_backup (self, "migration", error);
      if (backup == NULL)
        return FALSE;
    }
  return run_migrations (self, version, fingerprint, error);
}

/* Device id: kept in the database and, as a marker, beside it. A
 * database that was copied (marker missing, or made on another machine
 * or for another path) takes a new device id, so two laptops never
 * stamp with the same one. */

static char *
marker_path (KwStore *self)
{
  return g_strconcat (self->path, ".device", NULL);
}

static char *
marker_content (KwStore    *self,
                const char *device)
{
  g_autofree char *machine = NULL;

  if (!g_file_get_contents ("/etc/machine-id", &machine, NULL, NULL))
    machine = g_strdup (g_get_host_name ());
  g_strstrip (machine);
  return g_strdup_printf ("%s\n%s\n%s\n", device, machine, self->path);
}

static gboolean
write_private_file (const char  *path,
                    const char  *contents,
                    GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  gsize len = strlen (contents);
  int fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0 || write (fd, contents, len) != (gssize) len || fsync (fd) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not write %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not write %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Reads only: the stored device id, when the marker beside the database
 * confirms it. */
static gboolean
check_device_id (KwStore *self)
{
  g_autofree char *stored = NULL;
  g_autofree char *marker = marker_path (self);
  g_autofree char *found = NULL;
  g_autofree char *expected = NULL;

  _kw_store_get_meta (self, "device_id", &stored);
  if (stored == NULL || !kw_device_id_is_valid (stored))
    return FALSE;
  expected = marker_content (self, stored);
  if (g_file_get_contents (marker, &found, NULL, NULL) && g_strcmp0 (found, expected) == 0)
    {
      self->device_id = g_steal_pointer (&stored);
      return TRUE;
    }
  g_info ("%s: database copied or moved, taking a new device id", self->path);
  return FALSE;
}

/* Inside a write transaction: checks again, else takes a new id. */
static gboolean
prepare_device_id (KwStore  *self,
                   GError  **error)
{
  g_autofree char *marker = marker_path (self);
  g_autofree char *expected = NULL;
  g_autofree char *fresh = NULL;

  if (check_device_id (self))
    return TRUE;
  fresh = kw_device_id_new ();
  expected = marker_content (self, fresh);
  if (!_kw_store_set_meta (self, "device_id", fresh, error)
      || !write_private_file (marker, expected, error))
    return FALSE;
  self->device_id = g_steal_pointer (&fresh);
  return TRUE;
}

static void
load_clock (KwStore *self)
{
  g_autofree char *last = NULL;
  sqlite3_stmt *stmt = _kw_store_prepare (self, "SELECT max (hlc) FROM seen", NULL);

  gint64 limit = kw_hlc_skew_limit (_kw_store_wall_ms (self));

  /* the same cap as an import: what a clock ahead wrote stays behind */
  _kw_store_get_meta (self, "hlc", &last);
  kw_hlc_clock_init (&self->clock, self->device_id, NULL);
  kw_hlc_clock_observe_until (&self->clock, last, limit);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    kw_hlc_clock_observe_until (&self->clock, (const char *) sqlite3_column_text (stmt, 0), limit);
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

static gint64
default_wall_clock (gpointer user_data)
{
  return g_get_real_time () / 1000;
}

gint64
_kw_store_wall_ms (KwStore *self)
{
  return self->wall_clock (self->wall_clock_data);
}

void
_kw_store_observe_stamp (KwStore    *self,
                         const char *stamp)
{
  kw_hlc_clock_observe_until (&self->clock, stamp, kw_hlc_skew_limit (_kw_store_wall_ms (self)));
  self->clock_dirty = TRUE;
}

gboolean
_kw_store_note_seen (KwStore     *self,
                     const char  *stamp,
                     GError     **error)
{
  sqlite3_stmt *stmt = _kw_store_prepare (self, upsert_seen_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, stamp + KW_HLC_LEN - KW_DEVICE_ID_LEN, KW_DEVICE_ID_LEN, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stamp, KW_HLC_LEN, SQLITE_STATIC);
  return _kw_store_run (self, stmt, error);
}

/* Makes a stamp for a local write. */
char *
_kw_store_tick (KwStore *self)
{
  return _kw_store_tick_above (self, NULL);
}

/* The same, above a field's current stamp (kw-hlc.h). */
char *
_kw_store_tick_above (KwStore    *self,
                      const char *current)
{
  char buf[KW_HLC_LEN + 1];
  gint64 wall = _kw_store_wall_ms (self);

  kw_hlc_clock_tick_above (&self->clock, wall, current, kw_hlc_future_limit (wall), buf);
  self->clock_dirty = TRUE;
  if (strcmp (buf, self->local_last) > 0)
    memcpy (self->local_last, buf, sizeof buf);
  return g_strdup (buf);
}

static gboolean
persist_clock (KwStore  *self,
               GError  **error)
{
  char last[KW_HLC_LEN + 1];

  if (!self->clock_dirty)
    return TRUE;
  kw_hlc_clock_last (&self->clock, last);
  if (!_kw_store_set_meta (self, "hlc", last, error))
    return FALSE;
  if (self->local_last[0] != '\0' && !_kw_store_note_seen (self, self->local_last, error))
    return FALSE;
  self->clock_dirty = FALSE;
  self->local_last[0] = '\0';
  return TRUE;
}

gboolean
_kw_store_in_transaction (KwStore *self)
{
  return self->depth > 0;
}

void
_kw_store_mark_changed (KwStore    *self,
                        const char *type_name)
{
  g_hash_table_add (self->changed, (gpointer) g_intern_string (type_name));
}

static void emit_changed (KwStore *self);

void
_kw_store_emit_changed (KwStore *self)
{
  if (self->depth == 0)
    emit_changed (self);
}

KwPending *
_kw_store_get_pending (KwStore *self)
{
  return self->pending;
}

KwStoreAsync *
_kw_store_get_async (KwStore *self)
{
  return self->async;
}

void
_kw_store_emit_type (KwStore    *self,
                     const char *type_name)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (type_name), type_name);
}

void
_kw_store_notify_busy (KwStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Files */

/* Makes the file with mode 0600 when it is missing. An existing file is
 * not opened: closing a descriptor of it would drop the POSIX locks that
 * SQLite holds on it through another connection of this process. */
static gboolean
create_private_file (const char  *path,
                     gboolean    *created,
                     GError     **error)
{
  GStatBuf st;
  int fd;

  if (created != NULL)
    *created = FALSE;
  if (g_stat (path, &st) == 0)
    {
      if ((st.st_mode & 0077) != 0)
        g_chmod (path, 0600);
      return TRUE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST)
    return TRUE;
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not create %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  if (created != NULL)
    *created = TRUE;
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

static int
busy_timeout_ms (void)
{
  const char *env = g_getenv ("KWARTIER_BUSY_TIMEOUT_MS");
  guint64 ms;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, G_MAXINT, &ms, NULL))
    return (int) ms;
  return DEFAULT_BUSY_TIMEOUT_MS;
}

static gboolean
open_database (KwStore   *self,
               gboolean  *created,
               GError   **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not create %s: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  if (!create_private_file (self->path, created, error))
    return FALSE;
  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DATABASE, _("could not open %s: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, busy_timeout_ms ());
  return _kw_store_exec (self, "PRAGMA journal_mode = WAL;"
                                "PRAGMA synchronous = NORMAL;"
                                "PRAGMA secure_delete = ON;"
                                "PRAGMA cache_size = -8192;"
                                "PRAGMA foreign_keys = ON;", error);
}

/* Transactions */

static gboolean
begin (KwStore   *self,
       gboolean   read_only,
       GError   **error)
{
  g_autofree char *sql = NULL;

  if (self->depth == 0)
    sql = g_strdup (read_only ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT kw%u", self->depth);
  if (!_kw_store_exec (self, sql, error))
    return FALSE;
  if (self->depth == 0)
    self->read_only = read_only;
  self->depth++;
  return TRUE;
}

gboolean
kw_store_begin (KwStore  *self,
                GError  **error)
{
  g_return_val_if_fail (KW_IS_STORE (self), FALSE);

  return begin (self, FALSE, error);
}

gboolean
kw_store_begin_read (KwStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (KW_IS_STORE (self), FALSE);

  return begin (self, TRUE, error);
}

/* At once in the store's own thread, else queued for its main context
 * (kw-store-async.c). */
static void
emit_changed (KwStore *self)
{
  g_autoptr(GList) types = g_hash_table_get_keys (self->changed);

  g_hash_table_remove_all (self->changed);
  _kw_store_dispatch_changed (self, types);
}

gboolean
kw_store_commit (KwStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      if (!self->read_only && !persist_clock (self, error))
        return FALSE;
      sql = g_strdup ("COMMIT");
    }
  else
    sql = g_strdup_printf ("RELEASE kw%u", self->depth - 1);
  if (!_kw_store_exec (self, sql, error))
    return FALSE;
  self->depth--;
  if (self->depth == 0)
    emit_changed (self);
  return TRUE;
}

void
kw_store_rollback (KwStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (KW_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_hash_table_remove_all (self->changed);
      self->clock_dirty = TRUE;  /* the in-memory clock only moves forward */
      return;
    }
  sql = g_strdup_printf ("ROLLBACK TO kw%u; RELEASE kw%u", self->depth, self->depth);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

/* Backups */

static char *
backup_path (KwStore    *self,
             const char *reason)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* microseconds: names sort by time, also for backups made in one second */
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
  g_autofree char *name = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (guint n = 0; ; n++)
    {
      char *path;

      g_free (name);
      name = n == 0 ? g_strdup_printf ("%s-%s-%s.db", base, stamp, reason)
                    : g_strdup_printf ("%s-%s-%s-%u.db", base, stamp, reason, n);
      path = g_build_filename (dir, "backups", name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

#define BACKUPS_KEPT 5

/* By stamp, then "<base>-<stamp>-<reason>.db" before "…-<reason>-1.db"
 * before "…-<reason>-10.db". user_data: the length of "<base>-<stamp>". */
#define BACKUP_STAMP_LEN 22  /* YYYYmmdd-HHMMSS-ffffff */
static int
compare_backups (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *x = *(char * const *) a;
  const char *y = *(char * const *) b;
  gsize stamp_end = GPOINTER_TO_SIZE (user_data);
  gsize lx = strlen (x), ly = strlen (y);
  int by_stamp = strncmp (x, y, stamp_end);

  if (by_stamp != 0)
    return by_stamp;
  if (lx != ly)
    return lx < ly ? -1 : 1;
  return strcmp (x, y);
}

/* Keeps the newest BACKUPS_KEPT backups made for a reason: a sync folder
 * imports often, and each backup is a whole database. The names are
 * "<base>-<YYYYmmdd-HHMMSS-ffffff>-<reason>[-n].db", so they sort by time. */
static void
prune_backups (KwStore    *self,
               const char *reason)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *folder_path = g_build_filename (dir, "backups", NULL);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *tag = g_strdup_printf ("-%s", reason);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) folder = g_dir_open (folder_path, 0, NULL);
  const char *entry;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  while (folder && (entry = g_dir_read_name (folder)))
    {
      const char *rest = entry + strlen (base);

      /* rest is "-<stamp><tag>…" */
      if (g_str_has_prefix (entry, base) && strlen (rest) > BACKUP_STAMP_LEN + 1 && rest[0] == '-'
          && g_str_has_prefix (rest + 1 + BACKUP_STAMP_LEN, tag) && g_str_has_suffix (entry, ".db"))
        g_ptr_array_add (found, g_strdup (entry));
    }
  g_ptr_array_sort_with_data (found, compare_backups, GSIZE_TO_POINTER (strlen (base) + 1 + BACKUP_STAMP_LEN));
  for (guint i = 0; i + BACKUPS_KEPT < found->len; i++)
    {
      g_autofree char *old = g_build_filename (folder_path, found->pdata[i], NULL);
      g_unlink (old);
    }
}

/* Through a connection of its own: in WAL mode it reads the last
 * committed state, also while this store is inside a transaction (the
 * importer backs up just before it commits). */
static gboolean
copy_committed (const char  *from,
                const char  *to,
                GError     **error)
{
  sqlite3 *src = NULL, *dest = NULL;
  sqlite3_backup *backup = NULL;
  int rc = sqlite3_open_v2 (from, &src, SQLITE_OPEN_READONLY, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (to, &dest, SQLITE_OPEN_READWRITE, NULL);
  /* a fresh temporary file: no journal to leave behind when killed */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (dest, "main", src, "main")) != NULL)
    {
      rc = sqlite3_backup_step (backup, -1);
      rc = sqlite3_backup_finish (backup) == SQLITE_OK && rc == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
  else if (rc == SQLITE_OK)
    rc = SQLITE_ERROR;
  if (rc != SQLITE_OK)
    g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not back up to %s: %s"),
                 to, dest ? sqlite3_errmsg (dest) : src ? sqlite3_errmsg (src) : "");
  sqlite3_close (dest);
  sqlite3_close (src);
  return rc == SQLITE_OK;
}

char *
kw_store_backup (KwStore     *self,
                 const char  *reason,
                 GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  path = backup_path (self, reason);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not create %s: %s"),
                   dir, g_strerror (saved));
      return NULL;
    }
  /* written under a temporary name: a killed backup leaves no empty
   * backup under a real name, and the next one removes what it left */
  kw_temp_file_clean (dir);
  if ((fd = kw_temp_file_open (path, &tmp, error)) < 0)
    return NULL;
  ok = copy_committed (self->path, tmp, error);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not write %s: %s"),
                   path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  close (fd);
  if (!ok)
    return NULL;
  prune_backups (self, reason);
  return g_steal_pointer (&path);
}

/* GObject */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
kw_store_finalize (GObject *object)
{
  KwStore *self = (KwStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->changed, g_hash_table_unref);
  g_clear_pointer (&self->pending, _kw_pending_free);
  g_clear_pointer (&self->async, _kw_store_async_free);
  if (self->db != NULL)
    {
      if (self->depth > 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  g_free (self->path);
  g_free (self->device_id);

  G_OBJECT_CLASS (kw_store_parent_class)->finalize (object);
}

static void
kw_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, kw_store_get_busy (KW_STORE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_store_class_init (KwStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_store_finalize;
  G_OBJECT_CLASS (klass)->get_property = kw_store_get_property;

  /* a kw_store_run_async () work holds the store (notified on its context) */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  /**
   * KwStore::changed:
   * @type_name: the entity type whose records changed
   *
   * After a transaction that wrote records of @type_name committed, and
   * when records of it are hidden or shown by a pending delete. Detailed
   * by the type name ("changed::person"). Always on the main context
   * the store was opened on: at once for a commit in that thread, else
   * from an idle there, once per type (kw-store-async.c).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
kw_store_init (KwStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->changed = g_hash_table_new (NULL, NULL);
  self->pending = _kw_pending_new ();
  self->async = _kw_store_async_new ();
  self->wall_clock = default_wall_clock;
}

/* Opening reads the device id and the clock without a write lock, so
 * that it never waits for a long import; only a new device id writes. */
static gboolean
prepare_identity (KwStore  *self,
                  GError  **error)
{
  if (check_device_id (self))
    {
      load_clock (self);
      return TRUE;
    }
  if (!_kw_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!prepare_device_id (self, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  load_clock (self);
  return _kw_store_exec (self, "COMMIT", error);
}

/* An open that failed leaves nothing of a database it made itself (a
 * full disk must not leave an empty database behind). */
static void
remove_created (KwStore *self)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", ".device" };

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* What a backup killed half way left (a temporary file holds a whole
 * database): removed at the next start. */
static void
clean_backup_folder (KwStore *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);

  if (g_file_test (backups, G_FILE_TEST_IS_DIR))
    kw_temp_file_clean (backups);
}

/* Public API */

KwStore *
kw_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(KwStore) self = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (KW_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  if (!open_database (self, &created, error) || !prepare_schema (self, error)
      || !prepare_identity (self, error))
    {
      if (created)
        remove_created (self);
      return NULL;
    }
  clean_backup_folder (self);
  return g_steal_pointer (&self);
}

const char *
kw_store_get_path (KwStore *self)
{
  g_return_val_if_fail (KW_IS_STORE (self), NULL);
  return self->path;
}

void
kw_store_set_busy_timeout (KwStore *self,
                           guint    ms)
{
  g_return_if_fail (KW_IS_STORE (self));
  sqlite3_busy_timeout (self->db, (int) MIN (ms, (guint) G_MAXINT));
}

const char *
kw_store_get_device_id (KwStore *self)
{
  g_return_val_if_fail (KW_IS_STORE (self), NULL);
  return self->device_id;
}

int
kw_store_get_schema_version (KwStore *self)
{
  g_return_val_if_fail (KW_IS_STORE (self), -1);
  return get_user_version (self);
}

char *
kw_store_dup_organiser (KwStore *self)
{
  char *name = NULL;

  g_return_val_if_fail (KW_IS_STORE (self), NULL);
  _kw_store_get_meta (self, "organiser", &name);
  return name;
}

gboolean
kw_store_set_organiser (KwStore     *self,
                        const char  *name,
                        GError     **error)
{
  g_return_val_if_fail (KW_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("organiser: the name is not valid UTF-8"));
      return FALSE;
    }
  return _kw_store_set_meta (self, "organiser", name, error);
}

void
kw_store_set_wall_clock (KwStore         *self,
                         KwWallClockFunc  func,
                         gpointer         user_data)
{
  g_return_if_fail (KW_IS_STORE (self));

  self->wall_clock = func ? func : default_wall_clock;
  self->wall_clock_data = func ? user_data : NULL;
}

char *
kw_store_dup_clock (KwStore *self)
{
  char last[KW_HLC_LEN + 1];

  g_return_val_if_fail (KW_IS_STORE (self), NULL);
  kw_hlc_clock_last (&self->clock, last);
  return g_strdup (last);
}
