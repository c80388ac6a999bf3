/* bench-sync.c: export and import against their floors (issue 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-sync [--people N] [--seed S] [--db FILE]
 *
 * On kw_demo_generate() data (or a copy of --db FILE), in one run:
 * - fresh import vs the floor: the same lines parsed with json-glib and
 *   inserted by plain prepared INSERTs into the same tables, one
 *   transaction, no merge logic (target ≤ 1.5×);
 * - re-import of the same file (nothing changes) vs that floor (≤ 1.0×);
 * - export vs its floor: the same rows read, the same bytes written and
 *   synced (≤ 1.5×);
 * - peak RSS of importing all records vs a tenth of them, each in a
 *   child process (≤ 1.5×);
 * - issue 13: fresh import (≤ 1.5×) and re-import (≤ 0.25×) against the
 *   line floor: every line parsed with json-glib and one row (id, type,
 *   the line) inserted per record with a prepared statement, in one
 *   transaction.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kw-demo.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-store.h"
#include "kw-test-files.h"

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* CPU time of this process (user + system): steadier than the wall
 * clock on a machine shared with other jobs. */
static double
cpu_s (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static KwStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  KwStore *store = kw_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* Floor: json-glib + plain prepared INSERTs */

static char *
insert_sql (const KwEntityType *type)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "INSERT INTO \"%s\" (id, deleted", type->name);
  for (guint i = 0; i < type->n_fields; i++)
    g_string_append_printf (s, ", \"%s\", \"%s:hlc\", \"%s:prev\"", type->fields[i].name,
                            type->fields[i].name, type->fields[i].name);
  g_string_append (s, ") VALUES (?, ?");
  for (guint i = 0; i < type->n_fields; i++)
    g_string_append (s, ", ?, ?, ?");
  g_string_append (s, ")");
  return g_string_free (s, FALSE);
}

static void
bind_node (sqlite3_stmt *stmt,
           int           col,
           JsonNode     *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, col);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, col, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, col, json_node_get_boolean (node));
  else
    sqlite3_bind_text (stmt, col, json_node_get_string (node), -1, SQLITE_TRANSIENT);
}

static void
floor_insert (sqlite3_stmt       *stmt,
              const KwEntityType *type,
              JsonObject         *o)
{
  JsonObject *f = json_object_has_member (o, "f") ? json_object_get_object_member (o, "f") : NULL;

  sqlite3_bind_text (stmt, 1, json_object_get_string_member (o, "id"), -1, SQLITE_TRANSIENT);
  if (json_object_has_member (o, "deleted"))
    sqlite3_bind_text (stmt, 2, json_object_get_string_member (o, "deleted"), -1, SQLITE_TRANSIENT);
  for (guint i = 0; f && i < type->n_fields; i++)
    {
      JsonArray *a = json_object_has_member (f, type->fields[i].name)
                     ? json_object_get_array_member (f, type->fields[i].name) : NULL;

      if (a == NULL)
        continue;
      bind_node (stmt, 3 + 3 * (int) i, json_array_get_element (a, 0));
      bind_node (stmt, 4 + 3 * (int) i, json_array_get_element (a, 1));
      bind_node (stmt, 5 + 3 * (int) i, json_array_get_element (a, 2));
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static double
floor_import (const char *db_path,
              const char *file)
{
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GFile) gf = g_file_new_for_path (file);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) stmts = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3 *db = NULL;
  double t = now_s ();
  char *line;
  gsize len;

  in = g_data_input_stream_new (G_INPUT_STREAM (g_file_read (gf, NULL, NULL)));
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; BEGIN IMMEDIATE", NULL, NULL, NULL);
  while ((line = g_data_input_stream_read_line (in, &len, NULL, NULL)) != NULL)
    {
      JsonObject *o;
      const KwEntityType *type;
      sqlite3_stmt *stmt;

      json_parser_load_from_data (parser, line, (gssize) len, NULL);
      o = json_node_get_object (json_parser_get_root (parser));
      type = kw_registry_lookup (json_object_get_string_member_with_default (o, "type", ""));
      if (type != NULL)
        {
          if ((stmt = g_hash_table_lookup (stmts, type->name)) == NULL)
            {
              g_autofree char *sql = insert_sql (type);
              sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
              g_hash_table_insert (stmts, (gpointer) type->name, stmt);
            }
          floor_insert (stmt, type, o);
        }
      g_free (line);
    }
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  t = now_s () - t;
  {
    GHashTableIter iter;
    gpointer value;
    g_hash_table_iter_init (&iter, stmts);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      sqlite3_finalize (value);
  }
  sqlite3_close (db);
  return t;
}

/* Floor (issue 13): json-glib + one row (id, type, line) per record */

static double
line_floor_import (const char *db_path,
                   const char *file)
{
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GFile) gf = g_file_new_for_path (file);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  double t = now_s ();
  char *line;
  gsize len;

  in = g_data_input_stream_new (G_INPUT_STREAM (g_file_read (gf, NULL, NULL)));
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                                 "CREATE TABLE IF NOT EXISTS line (id TEXT PRIMARY KEY, type TEXT NOT NULL, "
                                 "line TEXT NOT NULL); BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO line (id, type, line) VALUES (?, ?, ?)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while ((line = g_data_input_stream_read_line (in, &len, NULL, NULL)) != NULL)
    {
      JsonObject *o;

      g_assert_true (json_parser_load_from_data (parser, line, (gssize) len, NULL));
      o = json_node_get_object (json_parser_get_root (parser));
      if (json_object_has_member (o, "type") && json_object_has_member (o, "id"))
        {
          sqlite3_bind_text (stmt, 1, json_object_get_string_member (o, "id"), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, json_object_get_string_member (o, "type"), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, line, (int) len, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          sqlite3_reset (stmt);
        }
      g_free (line);
    }
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  t = now_s () - t;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return t;
}

/* Floor: the same rows read, the same bytes written */

static int
compare_types (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(const KwEntityType * const *) a)->name, (*(const KwEntityType * const *) b)->name);
}

static gint64
read_all_rows (sqlite3 *db)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  gint64 bytes = 0;

  for (guint i = 0; i < kw_registry_n_types (); i++)
    g_ptr_array_add (types, (gpointer) kw_registry_type_at (i));
  g_ptr_array_sort (types, compare_types);
  for (guint i = 0; i < types->len; i++)
    {
      const KwEntityType *type = g_ptr_array_index (types, i);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY id", type->name);
      sqlite3_stmt *stmt = NULL;

      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          if (sqlite3_column_type (stmt, c) == SQLITE_TEXT)
            bytes += sqlite3_column_bytes (stmt, c) + (sqlite3_column_text (stmt, c) != NULL);
          else
            bytes += sqlite3_column_int64 (stmt, c) != 0;
      sqlite3_finalize (stmt);
    }
  return bytes;
}

static double
floor_export (const char *db_path,
              const char *bytes,
              gsize       len,
              const char *out)
{
  g_autofree char *tmp = g_strconcat (out, ".tmp", NULL);
  sqlite3 *db = NULL;
  double t = now_s ();
  int fd;

  sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  read_all_rows (db);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  for (gsize off = 0; off < len; off += 64 * 1024)
    g_assert_true (write (fd, bytes + off, MIN (64 * 1024, len - off)) > 0);
  fsync (fd);
  close (fd);
  g_rename (tmp, out);
  return now_s () - t;
}

/* Peak RSS of an import in a child process, in KiB. */
static long
child_import_rss (const char *dir,
                  const char *name,
                  const char *file)
{
  struct rusage ru;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      g_autoptr(KwStore) store = open_store (dir, name);
      KwImportSummary s;
      _exit (kw_import_file (store, file, FALSE, &s, NULL) ? 0 : 1);
    }
  wait4 (pid, &status, 0, &ru);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return ru.ru_maxrss;
}

/* The header, the first n record lines and a new trailer. */
static void
write_prefix (const char *from,
              const char *to,
              guint64     n)
{
  g_autoptr(GFile) gf = g_file_new_for_path (from);
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (G_INPUT_STREAM (g_file_read (gf, NULL, NULL)));
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  FILE *out = fopen (to, "w");
  guint64 written = 0;
  char *line;
  gsize len;

  for (guint64 i = 0; i <= n && (line = g_data_input_stream_read_line (in, &len, NULL, NULL)); i++)
    {
      if (g_str_has_prefix (line, "{\"end\""))
        {
          g_free (line);
          break;
        }
      fprintf (out, "%s\n", line);
      g_checksum_update (sum, (guchar *) line, len);
      g_checksum_update (sum, (guchar *) "\n", 1);
      written += i > 0;
      g_free (line);
    }
  fprintf (out, "{\"end\":true,\"records\":%" G_GUINT64_FORMAT ",\"sha256\":\"%s\"}\n",
           written, g_checksum_get_string (sum));
  fclose (out);
}

int
main (int    argc,
      char **argv)
{
  guint people = 100000;
  guint64 seed = 1;
  g_autofree char *dir = g_dir_make_tmp ("kw-bench-sync-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "all.kwartier.jsonl", NULL);
  g_autofree char *tenth = g_build_filename (dir, "tenth.kwartier.jsonl", NULL);
  g_autofree char *floor_out = g_build_filename (dir, "floor.kwartier.jsonl", NULL);
  g_autofree char *bytes = NULL;
  const char *db_file = NULL;
  g_autoptr(KwStore) source = NULL;
  g_autoptr(KwStore) fresh = NULL;
  g_autoptr(GError) error = NULL;
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  KwImportSummary s;
  guint64 records = 0;
  double t, t_export, t_export_floor, t_floor, t_line_floor, t_fresh, t_again;
  double c, c_line_floor, c_fresh, c_again;
  long rss_all, rss_tenth;
  gsize len;

  for (int i = 1; i + 1 < argc; i += 2)
    if (strcmp (argv[i], "--people") == 0)
      people = (guint) atoi (argv[i + 1]);
    else if (strcmp (argv[i], "--seed") == 0)
      seed = g_ascii_strtoull (argv[i + 1], NULL, 10);
    else if (strcmp (argv[i], "--db") == 0)
      db_file = argv[i + 1];

  if (db_file != NULL)
    {
      g_autofree char *copy = g_build_filename (dir, "source.db", NULL);
      g_autoptr(GFile) from = g_file_new_for_path (db_file);
      g_autoptr(GFile) to = g_file_new_for_path (copy);

      /* a copy: the given database is never written */
      g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      source = open_store (dir, "source.db");
      g_print ("copied %s\n", db_file);
    }
  else
    {
      source = open_store (dir, "source.db");
      t = now_s ();
      g_assert_true (kw_demo_generate (source, people, seed, &error));
      g_print ("generated %u people in %.1f s\n", people, now_s () - t);
    }

  /* export, then its floor (twice each, the better of two) */
  t_export = t_export_floor = G_MAXDOUBLE;
  for (int k = 0; k < 2; k++)
    {
      t = now_s ();
      g_assert_true (kw_export_to_file (source, &options, file, &error));
      t_export = MIN (t_export, now_s () - t);
      g_clear_pointer (&bytes, g_free);
      g_assert_true (g_file_get_contents (file, &bytes, &len, NULL));
      {
        g_autofree char *db_path = g_build_filename (dir, "source.db", NULL);
        t_export_floor = MIN (t_export_floor, floor_export (db_path, bytes, len, floor_out));
      }
    }
  for (const char *p = bytes; (p = strchr (p, '\n')) != NULL; p++)
    records++;
  records -= 2;
  g_clear_pointer (&bytes, g_free);

  {
    g_autoptr(KwStore) empty = open_store (dir, "floor.db");
    g_autofree char *db_path = g_build_filename (dir, "floor.db", NULL);
    g_clear_object (&empty);
    t_floor = floor_import (db_path, file);
  }
  {
    g_autofree char *db_path = g_build_filename (dir, "line-floor.db", NULL);

    c = cpu_s ();
    t_line_floor = line_floor_import (db_path, file);
    c_line_floor = cpu_s () - c;
  }
  fresh = open_store (dir, "fresh.db");
  t = now_s ();
  c = cpu_s ();
  g_assert_true (kw_import_file (fresh, file, FALSE, &s, &error));
  t_fresh = now_s () - t;
  c_fresh = cpu_s () - c;
  t = now_s ();
  c = cpu_s ();
  g_assert_true (kw_import_file (fresh, file, FALSE, &s, &error));
  t_again = now_s () - t;
  c_again = cpu_s () - c;
  g_assert_cmpuint (s.unchanged, ==, records);

  write_prefix (file, tenth, records / 10);
  rss_all = child_import_rss (dir, "rss-all.db", file);
  rss_tenth = child_import_rss (dir, "rss-tenth.db", tenth);

  g_print ("records: %" G_GUINT64_FORMAT " (%.1f MB)\n", records, len / 1e6);
  g_print ("export:     %6.2f s  floor %6.2f s  ratio %.2f (target <= 1.5)\n",
           t_export, t_export_floor, t_export / t_export_floor);
  g_print ("fresh import: %6.2f s  floor %6.2f s  ratio %.2f (target <= 1.5)\n",
           t_fresh, t_floor, t_fresh / t_floor);
  g_print ("re-import:  %6.2f s  floor %6.2f s  ratio %.2f (target <= 1.0)\n",
           t_again, t_floor, t_again / t_floor);
  g_print ("issue 13, against the line floor (json-glib + one row (id, type, line) per record): %.2f s\n",
           t_line_floor);
  g_print ("  fresh import: %6.2f s  ratio %.2f (target <= 1.5); CPU %.2f s vs %.2f s: %.2f\n",
           t_fresh, t_fresh / t_line_floor, c_fresh, c_line_floor, c_fresh / c_line_floor);
  g_print ("  re-import:    %6.2f s  ratio %.2f (target <= 0.25); CPU %.2f s: %.2f\n",
           t_again, t_again / t_line_floor, c_again, c_again / c_line_floor);
  g_print ("  export:       ratio %.2f against its floor (target <= 1.2)\n", t_export / t_export_floor);
  g_print ("peak RSS: all %ld KiB, a tenth %ld KiB, ratio %.2f (target <= 1.5)\n",
           rss_all, rss_tenth, (double) rss_all / rss_tenth);
  g_clear_object (&source);
  g_clear_object (&fresh);
  kw_test_remove_tree (dir);
  return 0;
}
