/* kw-store.c: opening the database, device id, clock and transactions.
 * Records are in kw-store-records.c, the schema and migrations in
 * kw-store-schema.c, backups in kw-store-backup.c.
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
  if (!open_database (self, &created, error) || !_kw_store_prepare_schema (self, error)
      || !prepare_identity (self, error))
    {
      if (created)
        remove_created (self);
      return NULL;
    }
  _kw_store_clean_backup_folder (self);
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
  return _kw_store_get_user_version (self);
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
