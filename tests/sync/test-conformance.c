/* test-conformance.c: spec/cli.md and spec/export-format.md, checked from
 * the outside (suite sync)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the real kwartier-cli (KWARTIER_CLI) in subprocesses,
 * each database in its own temporary folder, and reads what it writes
 * the way another program would: the digest of an export is recomputed
 * from its bytes, stamps and ids are matched against their fixed shape,
 * and "nothing changed" means every record of every type, and the
 * conflicts, read the same before and after.
 */
#include "config.h"
#include "kw-test-files.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define HLC_RE "^[0-9a-f]{16}-[0-9a-f]{4}-[0-9a-f]{32}$"
#define UUID_RE "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
#define SUMMARY_RE "^added [0-9]+, updated [0-9]+, deleted [0-9]+, conflicts [0-9]+, unchanged [0-9]+(, skew [0-9]+)?\n$"
#define FATIMA "f589d3c2-3b8f-4eb5-90f1-df19a330b2b9"
#define PRIVATE_ONE "85368cce-9c31-465a-a0fd-747cc6d3dc78"
#define DELETED_ONE "f47ceb0b-f1ca-41aa-8722-860ea72cac8c"

/* The types of DESIGN.md, schema 1. */
static const char * const all_types[] = {
  "area", "venue", "organisation", "person", "affiliation", "relation", "contact_moment",
  "alliance", "alliance_partner", "action_line", "network", "network_unit", "network_member",
  "stakeholder_map", "map_position", "meeting", "agenda_item", "attendance", "action_item", NULL
};

static char *tmp_root;
static char *example_path;
static const char *lc_all = "C.UTF-8";  /* the locale the CLI runs in */

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *r)
{
  g_free (r->out);
  g_free (r->err);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* Helpers: processes */

static const char *
cli (void)
{
  const char *path = g_getenv ("KWARTIER_CLI");

  g_assert_nonnull (path);
  return path;
}

static char *
new_dir (const char *name)
{
  static guint n;
  g_autofree char *leaf = g_strdup_printf ("%s-%u", name, n++);
  char *path = g_build_filename (tmp_root, leaf, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

/* kwartier-cli --db DB ARGS, in DB's folder, with no KWARTIER_DB. */
static Run *
run_argv (const char          *db,
          const char * const  *args,
          const char          *cwd)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_environ_unsetenv (g_get_environ (), "KWARTIER_DB");
  g_autoptr(GError) error = NULL;
  Run *r = g_new0 (Run, 1);
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) cli ());
  if (db != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, (gpointer) db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "KWARTIER_PASSPHRASE", "", TRUE);
  env = g_environ_setenv (env, "LC_ALL", lc_all, TRUE);
  g_spawn_sync (cwd ? cwd : tmp_root, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_assert_cmpint (r->status, >=, 0);
  g_assert_null (strstr (r->err, "CRITICAL"));
  return r;
}

static Run *run (const char *db, const char *first, ...) G_GNUC_NULL_TERMINATED;

static Run *
run (const char *db,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_argv (db, (const char * const *) args->pdata, NULL);
}

#define assert_exit(r, code) G_STMT_START {                                   \
    if ((r)->status != (code))                                               \
      g_printerr ("stdout: %s\nstderr: %s\n", (r)->out, (r)->err);           \
    g_assert_cmpint ((r)->status, ==, (code));                               \
  } G_STMT_END

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* Exit 1, nothing on stdout, one line on stderr. */
static void
assert_refused (Run *r)
{
  assert_exit (r, 1);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_cmpuint (count_lines (r->err), ==, 1);
}

/* "put": the id on one line, returned without its \n. */
static char *
put (const char *db,
     const char *first,
     ...) G_GNUC_NULL_TERMINATED;

static char *
put (const char *db,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(Run) r = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "put");
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  r = run_argv (db, (const char * const *) args->pdata, NULL);
  assert_exit (r, 0);
  g_assert_true (g_regex_match_simple ("^[0-9a-f-]{36}\n$", r->out, 0, 0));
  return g_strndup (r->out, 36);
}

/* Everything a user can see of a database: every live record of every
 * type, and the conflicts. */
static char *
snapshot (const char *db)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; all_types[i] != NULL; i++)
    {
      g_autoptr(Run) r = run (db, "list", all_types[i], "--json", NULL);

      assert_exit (r, 0);
      g_string_append (s, r->out);
    }
  {
    g_autoptr(Run) r = run (db, "conflicts", "--json", NULL);

    assert_exit (r, 0);
    g_string_append (s, r->out);
  }
  return g_string_free (s, FALSE);
}

/* Helpers: files */

static char *
read_text (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, len, &error);
  g_assert_no_error (error);
  return text;
}

static void
write_bytes (const char *path,
             const char *bytes,
             gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);
}

/* The example's lines, without their \n. */
static GPtrArray *
example_lines (void)
{
  g_autofree char *text = read_text (example_path, NULL);
  g_auto(GStrv) parts = g_strsplit (text, "\n", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL && parts[i][0] != '\0'; i++)
    g_ptr_array_add (lines, g_strdup (parts[i]));
  g_assert_cmpuint (lines->len, ==, 6);
  return lines;
}

/* Header and records joined by `eol`, and a trailer that counts `n`
 * records (-1: the real number) with the digest of the bytes before it. */
static char *
seal_lines (GPtrArray  *lines,
            const char *eol,
            int         n)
{
  GString *s = g_string_new (NULL);
  g_autofree char *digest = NULL;

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (s, "%s%s", (const char *) g_ptr_array_index (lines, i), eol);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) s->str, s->len);
  g_string_append_printf (s, "{\"end\":true,\"records\":%d,\"sha256\":\"%s\"}%s",
                          n >= 0 ? n : (int) lines->len - 1, digest, eol);
  return g_string_free (s, FALSE);
}

/* The example without its trailer, for changing. */
static GPtrArray *
example_body (void)
{
  GPtrArray *lines = example_lines ();

  g_ptr_array_remove_index (lines, lines->len - 1);
  return lines;
}

static void
replace_line (GPtrArray  *lines,
              guint       index,
              const char *from,
              const char *to)
{
  char *line = g_ptr_array_index (lines, index);
  char *at = strstr (line, from);
  g_autofree char *head = NULL;

  g_assert_nonnull (at);
  head = g_strndup (line, at - line);
  lines->pdata[index] = g_strconcat (head, to, at + strlen (from), NULL);
  g_free (line);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Tests: the command line */

static void
test_cli_help_and_usage (void)
{
  const char * const commands[] = {
    "init", "put", "get", "list", "delete", "export", "import", "conflicts", "sync",
    "minutes", "ical", "demo", "generate", NULL
  };
  g_autofree char *dir = new_dir ("help");
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);

  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_autoptr(Run) r = run (db, commands[i], "--help", NULL);

      assert_exit (r, 0);
      g_assert_cmpstr (r->out, !=, "");
    }
  {
    const char * const nothing[] = { NULL };
    g_autoptr(Run) none = run_argv (db, nothing, NULL);
    g_autoptr(Run) bogus = run (db, "bogus", NULL);
    g_autoptr(Run) get = run (db, "get", "person", NULL);
    g_autoptr(Run) import = run (db, "import", NULL);

    assert_exit (none, 2);
    assert_exit (bogus, 2);
    assert_exit (get, 2);
    assert_exit (import, 2);
    g_assert_cmpstr (get->out, ==, "");
  }
}

static void
test_cli_put_get (void)
{
  g_autofree char *dir = new_dir ("put");
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *area = put (db, "area", "name=Oost", NULL);
  g_autofree char *area_ref = g_strconcat ("area=", area, NULL);
  g_autofree char *person = put (db, "person", "name=Ann", "key_figure=true", "phone=0612",
                                 "consent=shared", "consent_date=2026-01-31", area_ref, NULL);
  g_autofree char *rel = NULL;
  g_autofree char *from = g_strconcat ("from=", person, NULL);
  g_autofree char *to = g_strconcat ("to=", person, NULL);
  g_autofree char *wrong_ref = g_strconcat ("area=", person, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(Run) get = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;

  rel = put (db, "relation", from, to, "strength=2", NULL);
  get = run (db, "get", "relation", rel, NULL);
  assert_exit (get, 0);
  g_assert_cmpuint (count_lines (get->out), ==, 1);
  node = parse_json (get->out);
  o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, "relation");
  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, rel);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, "strength")), ==, G_TYPE_INT64);
  g_assert_cmpstr (json_object_get_string_member (o, "from"), ==, person);
  g_assert_true (json_object_get_null_member (o, "sentiment"));
  g_clear_pointer (&node, json_node_unref);

  {
    g_autoptr(Run) p = run (db, "get", "person", person, NULL);

    node = parse_json (p->out);
    o = json_node_get_object (node);
    g_assert_true (json_object_get_boolean_member (o, "key_figure"));
    g_assert_cmpstr (json_object_get_string_member (o, "consent_date"), ==, "2026-01-31");
    g_assert_cmpstr (json_object_get_string_member (o, "area"), ==, area);
  }

  /* refusals name the field and change nothing */
  before = snapshot (db);
  {
    g_autoptr(Run) a = run (db, "put", "person", person, "name=Bob", wrong_ref, NULL);
    g_autoptr(Run) b = run (db, "put", "person", person, "name=Bob", "key_figure=maybe", NULL);
    g_autoptr(Run) c = run (db, "put", "person", person, "name=Bob", "shoe_size=44", NULL);
    g_autoptr(Run) d = run (db, "put", "zebra", "name=Bob", NULL);
    g_autoptr(Run) e = run (db, "put", "relation", rel, "strength=two", NULL);

    assert_refused (a);
    g_assert_nonnull (strstr (a->err, "area"));
    assert_refused (b);
    g_assert_nonnull (strstr (b->err, "key_figure"));
    assert_refused (c);
    g_assert_nonnull (strstr (c->err, "shoe_size"));
    assert_refused (d);
    assert_refused (e);
    g_assert_nonnull (strstr (e->err, "strength"));
  }
  after = snapshot (db);
  g_assert_cmpstr (before, ==, after);

  /* FIELD= sets null; delete, then get is refused */
  {
    g_autoptr(Run) clear = run (db, "put", "person", person, "phone=", NULL);
    g_autoptr(Run) p = run (db, "get", "person", person, NULL);
    g_autoptr(Run) del = run (db, "delete", "person", person, NULL);
    g_autoptr(Run) gone = run (db, "get", "person", person, NULL);
    g_autoptr(Run) list = run (db, "list", "person", NULL);

    assert_exit (clear, 0);
    g_assert_nonnull (strstr (p->out, "\"phone\":null"));
    assert_exit (del, 0);
    g_assert_cmpstr (del->out, ==, "");
    assert_refused (gone);
    g_assert_cmpstr (list->out, ==, "");
  }
}

/* A reference to a deleted record reads as empty; the export keeps it. */
static void
test_cli_deleted_reference (void)
{
  g_autofree char *dir = new_dir ("deleted-ref");
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *path = g_build_filename (dir, "out.kwartier.jsonl", NULL);
  g_autofree char *area = put (db, "area", "name=Oost", NULL);
  g_autofree char *a_area = g_strconcat ("area=", area, NULL);
  g_autofree char *person = put (db, "person", "name=Ann", a_area, NULL);
  g_autofree char *text = NULL;
  g_autofree char *kept = g_strdup_printf ("\"area\":[\"%s\"", area);
  g_autoptr(Run) del = run (db, "delete", "area", area, NULL);
  g_autoptr(Run) get = run (db, "get", "person", person, NULL);
  g_autoptr(Run) list = run (db, "list", "person", "--json", NULL);
  g_autoptr(Run) exp = run (db, "export", "-o", path, NULL);

  assert_exit (del, 0);
  assert_exit (get, 0);
  g_assert_nonnull (strstr (get->out, "\"area\":null"));
  g_assert_cmpstr (get->out, ==, list->out);
  assert_exit (exp, 0);
  text = read_text (path, NULL);
  g_assert_nonnull (strstr (text, kept));
}

/* generate --people N --seed S: N people; the same seed, the same data. */
static void
test_cli_generate (void)
{
  g_autofree char *dir = new_dir ("generate");
  g_autofree char *one = g_build_filename (dir, "1.db", NULL);
  g_autofree char *two = g_build_filename (dir, "2.db", NULL);
  g_autofree char *three = g_build_filename (dir, "3.db", NULL);
  g_autoptr(Run) g1 = run (one, "generate", "--people", "40", "--seed", "7", NULL);
  g_autoptr(Run) g2 = run (two, "generate", "--people", "40", "--seed", "7", NULL);
  g_autoptr(Run) g3 = run (three, "generate", "--people", "40", "--seed", "8", NULL);
  g_autoptr(Run) bad = run (three, "generate", "--people", "many", NULL);

  assert_exit (g1, 0);
  assert_exit (g2, 0);
  assert_exit (g3, 0);
  assert_exit (bad, 2);
  for (guint i = 0; all_types[i] != NULL; i++)
    {
      g_autoptr(Run) l1 = run (one, "list", all_types[i], NULL);
      g_autoptr(Run) l2 = run (two, "list", all_types[i], NULL);

      g_assert_cmpstr (l1->out, ==, l2->out);
      if (g_str_equal (all_types[i], "person"))
        {
          g_autoptr(Run) l3 = run (three, "list", "person", NULL);

          g_assert_cmpuint (count_lines (l1->out), ==, 40);
          g_assert_cmpstr (l1->out, !=, l3->out);
        }
    }
}

/* Tests: import of the example and refusals */

static void
test_import_example (void)
{
  g_autofree char *dir = new_dir ("example");
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *empty = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autoptr(Run) dry = NULL;
  g_autoptr(Run) first = NULL;
  g_autoptr(Run) second = NULL;
  g_autoptr(Run) people = NULL;

  empty = snapshot (db);
  dry = run (db, "import", "--dry-run", example_path, NULL);
  assert_exit (dry, 0);
  g_assert_true (g_regex_match_simple (SUMMARY_RE, dry->out, 0, 0));
  g_assert_cmpstr (snapshot (db), ==, empty);

  first = run (db, "import", example_path, NULL);
  assert_exit (first, 0);
  /* the dry run said what the import did */
  g_assert_cmpstr (first->out, ==, dry->out);
  g_assert_cmpstr (first->out, ==, "added 3, updated 0, deleted 1, conflicts 0, unchanged 0\n");
  once = snapshot (db);

  people = run (db, "list", "person", NULL);
  g_assert_cmpuint (count_lines (people->out), ==, 1);
  g_assert_nonnull (strstr (people->out, FATIMA));
  {
    g_autoptr(Run) org = run (db, "list", "organisation", NULL);
    g_autoptr(Run) priv = run (db, "get", "person", PRIVATE_ONE, NULL);
    g_autoptr(Run) del = run (db, "get", "person", DELETED_ONE, NULL);

    g_assert_nonnull (strstr (org->out, "Stichting Buurtkracht"));
    assert_refused (priv);
    assert_refused (del);
  }

  second = run (db, "import", example_path, NULL);
  assert_exit (second, 0);
  g_assert_cmpstr (second->out, ==, "added 0, updated 0, deleted 0, conflicts 0, unchanged 4\n");
  twice = snapshot (db);
  g_assert_cmpstr (once, ==, twice);
}

typedef enum {
  EOL_LF,
  EOL_CRLF,
} Eol;

typedef struct {
  const char *name;
  guint       line;      /* in the example: 0 header, 1..4 records */
  const char *from;      /* NULL: the line is inserted before `line` as `to` */
  const char *to;
  Eol         eol;
  int         count;     /* the trailer's count; -1: right */
  const char *says;      /* a word the message must hold, or NULL */
} BadFile;

static const BadFile bad_files[] = {
  { "not-utf8", 4, "Fatima", "F\xe9tima", EOL_LF, -1, "UTF-8" },
  { "not-object", 2, NULL, "[1,2,3]", EOL_LF, 5, NULL },
  { "not-json", 2, NULL, "{\"type\":", EOL_LF, 5, NULL },
  { "deep", 4, "\"f\":{", "\"x\":[[[[[[[[[1]]]]]]]]],\"f\":{", EOL_LF, -1, "8" },
  { "duplicate-key", 4, "\"f\":{", "\"id\":\"" FATIMA "\",\"f\":{", EOL_LF, -1, NULL },
  { "duplicate-field", 4, "\"f\":{", "\"f\":{\"phone\":[\"1\",\"000001a203e35ef5-0009-e25186b0c78d4e618a8aaa56a7f9602a\",null],"
    "\"phone\":[\"2\",\"000001a203e35ef5-0009-e25186b0c78d4e618a8aaa56a7f9602a\",null],", EOL_LF, -1, NULL },
  { "foreign-header", 0, "\"kwartier\":\"export\"", "\"kwartier\":\"other\"", EOL_LF, -1, NULL },
  { "format-newer", 0, "\"format\":1", "\"format\":2", EOL_LF, -1, "newer Kwartier" },
  { "schema-newer", 0, "\"schema\":1", "\"schema\":2", EOL_LF, -1, "newer Kwartier" },
  { "record-before-header", 0, NULL,
    "{\"type\":\"person\",\"id\":\"" DELETED_ONE "\",\"deleted\":\"000001a203e36113-0000-e25186b0c78d4e618a8aaa56a7f9602a\"}",
    EOL_LF, 5, NULL },
  { "wrong-count", 1, "", "", EOL_LF, 5, NULL },
  { "unknown-type", 1, "\"type\":\"organisation\"", "\"type\":\"zebra\"", EOL_LF, -1, "zebra" },
  { "unknown-field", 4, "\"f\":{", "\"f\":{\"shoe\":[\"x\",\"000001a203e35ef5-0009-e25186b0c78d4e618a8aaa56a7f9602a\",null],",
    EOL_LF, -1, "shoe" },
  { "private-notes", 4, "\"f\":{", "\"f\":{\"private_notes\":[\"x\",\"000001a203e35ef5-0009-e25186b0c78d4e618a8aaa56a7f9602a\",null],",
    EOL_LF, -1, "private_notes" },
  { "string-for-bool", 1, "\"formal\":[true", "\"formal\":[\"true\"", EOL_LF, -1, "formal" },
  { "number-for-text", 4, "\"name\":[\"Fatima El Amrani\"", "\"name\":[7", EOL_LF, -1, "name" },
  { "float", 1, "\"formal\":[true", "\"formal\":[1.0", EOL_LF, -1, "formal" },
  { "bad-enum", 1, "\"welfare\"", "\"charity\"", EOL_LF, -1, "kind" },
  { "upper-case-id", 4, FATIMA, "F589D3C2-3B8F-4EB5-90F1-DF19A330B2B9", EOL_LF, -1, NULL },
  { "malformed-id", 4, FATIMA, "fatima", EOL_LF, -1, NULL },
  { "malformed-stamp", 4, "000001a203e35ef5-0000-e25186b0c78d4e618a8aaa56a7f9602a",
    "000001a203e35ef5-0000-e25186b0c78d4e618a8aaa56a7f9602", EOL_LF, -1, NULL },
  { "malformed-prev", 4, "\"000001a203e35ef5-0003-e25186b0c78d4e618a8aaa56a7f9602a\"", "\"yesterday\"", EOL_LF, -1, NULL },
  { "malformed-tombstone", 3, "\"deleted\":\"000001a2", "\"deleted\":\"X00001a2", EOL_LF, -1, NULL },
  { "tombstone-with-f", 3, "\"deleted\"", "\"f\":{},\"deleted\"", EOL_LF, -1, NULL },
  { "blank-line", 2, NULL, "", EOL_LF, 4, NULL },
  { "crlf", 1, "", "", EOL_CRLF, -1, NULL },
};

static void
test_import_refusals (void)
{
  g_autofree char *dir = new_dir ("refuse");
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *mine = put (db, "person", "name=Local", "consent=shared", NULL);
  g_autofree char *before = NULL;

  {
    g_autoptr(Run) r = run (db, "import", example_path, NULL);

    assert_exit (r, 0);
  }
  before = snapshot (db);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const BadFile *bad = &bad_files[i];
      g_autoptr(GPtrArray) lines = example_body ();
      g_autofree char *path = g_build_filename (dir, bad->name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *after = NULL;
      g_autoptr(Run) r = NULL;

      if (bad->from == NULL)
        g_ptr_array_insert (lines, (int) bad->line, g_strdup (bad->to));
      else if (*bad->from != '\0')
        replace_line (lines, bad->line, bad->from, bad->to);
      text = seal_lines (lines, bad->eol == EOL_CRLF ? "\r\n" : "\n", bad->count);
      write_bytes (path, text, -1);
      r = run (db, "import", path, NULL);
      if (r->status != 1)
        g_error ("%s: exit %d, expected 1: %s%s", bad->name, r->status, r->out, r->err);
      assert_refused (r);
      if (bad->says != NULL && strstr (r->err, bad->says) == NULL)
        g_error ("%s: the message does not say “%s”: %s", bad->name, bad->says, r->err);
      after = snapshot (db);
      if (strcmp (before, after) != 0)
        g_error ("%s: the database changed", bad->name);
    }
}

typedef struct {
  const char *name;
  char       *bytes;
  gssize      len;
} Damage;

/* Refusals of the file as a whole: truncation, digest, trailer. */
static void
test_import_damaged (void)
{
  g_autofree char *dir = new_dir ("damaged");
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *good = NULL;
  g_autofree char *mine = put (db, "organisation", "name=Buurthuis", NULL);
  g_autofree char *before = snapshot (db);
  gsize len = 0;
  Damage cases[8];
  guint n = 0;
  char *trailer;

  good = read_text (example_path, &len);
  trailer = g_strrstr_len (good, (gssize) len - 1, "\n") + 1;
  cases[n++] = (Damage) { "truncated", g_strndup (good, trailer - good), -1 };
  cases[n++] = (Damage) { "cut-mid-line", g_strndup (good, (trailer - good) - 30), -1 };
  cases[n++] = (Damage) { "empty", g_strdup (""), -1 };
  cases[n++] = (Damage) { "changed-byte", g_strdup (good), -1 };
  *strstr (cases[n - 1].bytes, "Fatima") = 'f';
  cases[n++] = (Damage) { "after-trailer", g_strconcat (good, "{\"x\":1}\n", NULL), -1 };
  cases[n++] = (Damage) { "blank-after-trailer", g_strconcat (good, "\n", NULL), -1 };
  cases[n++] = (Damage) { "nul-byte", g_memdup2 (good, len), (gssize) len };
  cases[n - 1].bytes[strstr (good, "Fatima") - good] = '\0';
  cases[n++] = (Damage) { "long-line", NULL, -1 };
  {
    GString *s = g_string_new_len (good, trailer - good);

    g_string_append (s, "{\"type\":\"person\",\"id\":\"" FATIMA "\",\"f\":{\"notes\":[\"");
    for (guint i = 0; i < 1100 * 1024; i++)
      g_string_append_c (s, 'x');
    g_string_append (s, "\",\"000001a203e3608a-0001-e25186b0c78d4e618a8aaa56a7f9602a\",null]}}\n");
    g_string_append (s, trailer);
    cases[n - 1].bytes = g_string_free (s, FALSE);
  }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr(Run) r = NULL;
      g_autofree char *after = NULL;

      write_bytes (path, cases[i].bytes, cases[i].len);
      r = run (db, "import", path, NULL);
      if (r->status != 1)
        g_error ("%s: exit %d, expected 1: %s%s", cases[i].name, r->status, r->out, r->err);
      assert_refused (r);
      after = snapshot (db);
      g_assert_cmpstr (before, ==, after);
      g_free (cases[i].bytes);
    }
}

/* A stamp more than a day ahead is accepted, and reported as clock skew. */
static void
test_import_skew (void)
{
  g_autofree char *dir = new_dir ("skew");
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *path = g_build_filename (dir, "skew.kwartier.jsonl", NULL);
  g_autoptr(GPtrArray) lines = example_body ();
  gint64 ahead = g_get_real_time () / 1000 + 3 * G_GINT64_CONSTANT (86400000);
  g_autofree char *stamp = g_strdup_printf ("%016" G_GINT64_MODIFIER "x-0000-e25186b0c78d4e618a8aaa56a7f9602a", ahead);
  g_autofree char *text = NULL;
  g_autoptr(Run) r = NULL;
  g_autoptr(Run) get = NULL;

  replace_line (lines, 4, "000001a203e3608a-0000-e25186b0c78d4e618a8aaa56a7f9602a", stamp);
  replace_line (lines, 0, "000001a203e3618a-0002-e25186b0c78d4e618a8aaa56a7f9602a", stamp);
  text = seal_lines (lines, "\n", -1);
  write_bytes (path, text, -1);
  r = run (db, "import", path, NULL);
  assert_exit (r, 0);
  g_assert_true (g_regex_match_simple (SUMMARY_RE, r->out, 0, 0));
  g_assert_nonnull (strstr (r->out, ", skew "));
  g_assert_nonnull (strstr (r->err, "skew"));
  get = run (db, "get", "person", FATIMA, NULL);
  assert_exit (get, 0);
}

/* Tests: export */

static void
check_export_text (const char *text,
                   gsize       len,
                   guint       expect_records)
{
  g_auto(GStrv) lines = NULL;
  guint n;
  const char *trailer_start;
  g_autofree char *digest = NULL;
  g_autoptr(JsonNode) trailer = NULL;
  g_autoptr(JsonNode) header = NULL;
  JsonObject *h;
  g_autoptr(GList) keys = NULL;
  const char * const header_keys[] = {
    "kwartier", "format", "schema", "exported_at", "device", "organiser", "scope", "seen", NULL
  };
  g_autofree char *last_key = g_strdup ("");

  g_assert_cmpuint (strlen (text), ==, len);
  g_assert_true (g_utf8_validate (text, (gssize) len, NULL));
  g_assert_null (strchr (text, '\r'));
  g_assert_null (strstr (text, "\n\n"));
  g_assert_true (g_str_has_suffix (text, "\n"));
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines) - 1;  /* the last is "" */
  g_assert_cmpuint (n, ==, expect_records + 2);

  /* the trailer: count and digest of every byte before it */
  trailer_start = g_strrstr_len (text, (gssize) len - 1, "\n") + 1;
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, trailer_start - text);
  trailer = parse_json (lines[n - 1]);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (trailer), "end"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (trailer), "records"), ==, expect_records);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (trailer), "sha256"), ==, digest);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (trailer)), ==, 3);

  /* the header */
  header = parse_json (lines[0]);
  h = json_node_get_object (header);
  keys = json_object_get_members (h);
  g_assert_cmpuint (g_list_length (keys), ==, g_strv_length ((char **) header_keys));
  for (guint i = 0; header_keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (h, header_keys[i]));
  g_assert_cmpstr (json_object_get_string_member (h, "kwartier"), ==, "export");
  g_assert_cmpint (json_object_get_int_member (h, "format"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (h, "schema"), ==, 1);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       json_object_get_string_member (h, "exported_at"), 0, 0));
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{32}$", json_object_get_string_member (h, "device"), 0, 0));
  g_assert_nonnull (json_object_get_string_member (h, "organiser"));
  /* seen: every device to a stamp of that device, this one included */
  {
    JsonObject *seen = json_object_get_object_member (h, "seen");
    g_autoptr(GList) devices = json_object_get_members (seen);

    g_assert_true (json_object_has_member (seen, json_object_get_string_member (h, "device")));
    for (GList *l = devices; l != NULL; l = l->next)
      {
        const char *stamp = json_object_get_string_member (seen, l->data);

        g_assert_true (g_regex_match_simple (HLC_RE, stamp, 0, 0));
        g_assert_cmpstr (stamp + 22, ==, l->data);
      }
  }

  /* records: sorted by type then id, stamps and ids of their shape */
  for (guint i = 1; i + 1 < n; i++)
    {
      g_autoptr(JsonNode) node = parse_json (lines[i]);
      JsonObject *o = json_node_get_object (node);
      const char *type = json_object_get_string_member (o, "type");
      const char *id = json_object_get_string_member (o, "id");
      g_autofree char *key = g_strconcat (type, "\n", id, NULL);

      g_assert_cmpint (strcmp (last_key, key), <, 0);
      g_free (last_key);
      last_key = g_steal_pointer (&key);
      g_assert_true (g_regex_match_simple (UUID_RE, id, 0, 0));
      if (json_object_has_member (o, "deleted"))
        {
          g_assert_cmpuint (json_object_get_size (o), ==, 3);
          g_assert_true (g_regex_match_simple (HLC_RE, json_object_get_string_member (o, "deleted"), 0, 0));
          continue;
        }
      g_assert_cmpuint (json_object_get_size (o), ==, 3);
      {
        JsonObjectIter iter;
        const char *field;
        JsonNode *triple;

        json_object_iter_init (&iter, json_object_get_object_member (o, "f"));
        while (json_object_iter_next (&iter, &field, &triple))
          {
            JsonArray *a = json_node_get_array (triple);
            JsonNode *value = json_array_get_element (a, 0);
            JsonNode *prev = json_array_get_element (a, 2);

            g_assert_cmpstr (field, !=, "private_notes");
            g_assert_cmpuint (json_array_get_length (a), ==, 3);
            g_assert_true (g_regex_match_simple (HLC_RE, json_array_get_string_element (a, 1), 0, 0));
            g_assert_true (JSON_NODE_HOLDS_NULL (prev)
                           || g_regex_match_simple (HLC_RE, json_node_get_string (prev), 0, 0));
            g_assert_true (JSON_NODE_HOLDS_NULL (value)
                           || json_node_get_value_type (value) != G_TYPE_DOUBLE);
          }
      }
    }
}

static void
test_export_format (void)
{
  g_autofree char *dir = new_dir ("export");
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *path = g_build_filename (dir, "out.kwartier.jsonl", NULL);
  g_autofree char *zpath = g_build_filename (dir, "zipped.kwartier.jsonl", NULL);
  g_autofree char *secret = put (db, "person", "name=Geheime Gerda", "consent=private",
                                 "phone=0699999999", "private_notes=verborgen", NULL);
  g_autofree char *shared = put (db, "person", "name=Open Olga", "consent=shared",
                                 "private_notes=alleen hier", "key_figure=false", NULL);
  g_autofree char *gone = put (db, "organisation", "name=Weg", "notes=zoveel", NULL);
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stub = NULL;
  gsize len = 0;
  GStatBuf st;

  {
    g_autoptr(Run) edit = run (db, "put", "person", shared, "name=Open Olga B", NULL);
    g_autoptr(Run) del = run (db, "delete", "organisation", gone, NULL);
    g_autoptr(Run) r = run (db, "export", "-o", path, NULL);

    assert_exit (r, 0);
    g_assert_cmpstr (r->out, ==, "");
  }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  text = read_text (path, &len);
  check_export_text (text, len, 3);
  g_assert_null (strstr (text, "verborgen"));
  g_assert_null (strstr (text, "alleen hier"));
  g_assert_null (strstr (text, "Gerda"));
  g_assert_null (strstr (text, "0699999999"));
  g_assert_null (strstr (text, "zoveel"));
  /* the tombstone, and the private person as a stub only */
  line = g_strdup_printf ("{\"type\":\"organisation\",\"id\":\"%s\",\"deleted\":\"", gone);
  g_assert_nonnull (strstr (text, line));
  stub = g_strdup_printf ("{\"type\":\"person\",\"id\":\"%s\",\"f\":{\"consent\":[\"private\",\"", secret);
  g_assert_nonnull (strstr (text, stub));
  g_assert_true (g_regex_match_simple ("\"consent\":\\[\"private\",\"[0-9a-f-]{54}\",null\\]\\}\\}\n", text, 0, 0));
  /* a first write has a null prev; a second write the first's stamp */
  g_assert_true (g_regex_match_simple ("\"key_figure\":\\[false,\"[0-9a-f-]{54}\",null\\]", text, 0, 0));
  g_assert_true (g_regex_match_simple ("\"name\":\\[\"Open Olga B\",\"[0-9a-f-]{54}\",\"[0-9a-f-]{54}\"\\]", text, 0, 0));

  /* gzip is found by its magic bytes, whatever the name */
  {
    g_autofree char *db2 = g_build_filename (dir, "k2.db", NULL);
    g_autoptr(Run) z = run (db, "export", "--gzip", "-o", zpath, NULL);
    g_autoptr(Run) in = NULL;
    g_autofree char *zipped = read_text (zpath, NULL);

    assert_exit (z, 0);
    g_assert_cmpint ((guchar) zipped[0], ==, 0x1f);
    g_assert_cmpint ((guchar) zipped[1], ==, 0x8b);
    in = run (db2, "import", zpath, NULL);
    assert_exit (in, 0);
    g_assert_cmpstr (in->out, ==, "added 2, updated 0, deleted 1, conflicts 0, unchanged 0\n");
  }
}

static void
test_export_empty (void)
{
  g_autofree char *dir = new_dir ("empty");
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *path = g_build_filename (dir, "out.kwartier.jsonl", NULL);
  g_autoptr(Run) init = run (db, "init", NULL);
  g_autoptr(Run) again = run (db, "init", NULL);
  g_autoptr(Run) r = run (db, "export", "-o", path, NULL);
  g_autofree char *text = NULL;
  gsize len = 0;

  assert_exit (init, 0);
  assert_exit (again, 0);
  assert_exit (r, 0);
  text = read_text (path, &len);
  check_export_text (text, len, 0);
}

/* A partial export: the scope's records and the people, organisations,
 * areas and venues they refer to; nothing unrelated. */
static void
test_export_scope (void)
{
  g_autofree char *dir = new_dir ("scope");
  g_autofree char *db = g_build_filename (dir, "k.db", NULL);
  g_autofree char *path = g_build_filename (dir, "part.kwartier.jsonl", NULL);
  g_autofree char *area = put (db, "area", "name=Oost", NULL);
  g_autofree char *a_area = g_strconcat ("area=", area, NULL);
  g_autofree char *venue = put (db, "venue", "name=Buurthuis", a_area, NULL);
  g_autofree char *chair = put (db, "person", "name=Voorzitter", "consent=shared", NULL);
  g_autofree char *org = put (db, "organisation", "name=Partner", NULL);
  g_autofree char *other_person = put (db, "person", "name=Buitenstaander", NULL);
  g_autofree char *other_org = put (db, "organisation", "name=Andere", NULL);
  g_autofree char *alliance = put (db, "alliance", "name=Wijkalliantie", a_area, NULL);
  g_autofree char *other_alliance = put (db, "alliance", "name=Andere alliantie", NULL);
  g_autofree char *a_alliance = g_strconcat ("alliance=", alliance, NULL);
  g_autofree char *a_party = g_strconcat ("party=", org, NULL);
  g_autofree char *a_venue = g_strconcat ("venue=", venue, NULL);
  g_autofree char *a_chair = g_strconcat ("chair=", chair, NULL);
  g_autofree char *partner = put (db, "alliance_partner", a_alliance, a_party, NULL);
  g_autofree char *meeting = put (db, "meeting", "title=Overleg", a_alliance, a_venue, a_chair, NULL);
  g_autofree char *scope = g_strconcat ("alliance:", alliance, NULL);
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autoptr(Run) r = run (db, "export", "--scope", scope, "-o", path, NULL);
  g_autoptr(JsonNode) header = NULL;
  JsonObject *sc;
  gsize len = 0;
  const char *present[] = { area, venue, chair, org, alliance, partner, meeting, NULL };
  const char *absent[] = { other_person, other_org, other_alliance, NULL };

  assert_exit (r, 0);
  text = read_text (path, &len);
  check_export_text (text, len, 7);
  first = g_strndup (text, strchr (text, '\n') - text);
  header = parse_json (first);
  sc = json_object_get_object_member (json_node_get_object (header), "scope");
  g_assert_cmpstr (json_object_get_string_member (sc, "kind"), ==, "alliance");
  g_assert_cmpstr (json_object_get_string_member (sc, "id"), ==, alliance);
  for (guint i = 0; present[i] != NULL; i++)
    g_assert_nonnull (strstr (text, present[i]));
  for (guint i = 0; absent[i] != NULL; i++)
    g_assert_null (strstr (text, absent[i]));
  {
    g_autofree char *db2 = g_build_filename (dir, "k2.db", NULL);
    g_autoptr(Run) in = run (db2, "import", path, NULL);
    g_autoptr(Run) people = run (db2, "list", "person", NULL);

    assert_exit (in, 0);
    g_assert_cmpstr (in->out, ==, "added 7, updated 0, deleted 0, conflicts 0, unchanged 0\n");
    g_assert_cmpuint (count_lines (people->out), ==, 1);
  }
}

/* Tests: merging between devices */

/* The record lines of a database's export. */
static char *
export_records (const char *db,
                const char *dir,
                const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(Run) r = run (db, "export", "-o", path, NULL);
  g_autofree char *text = NULL;
  char *first_nl, *last_nl;

  assert_exit (r, 0);
  text = read_text (path, NULL);
  first_nl = strchr (text, '\n');
  last_nl = g_strrstr_len (text, (gssize) strlen (text) - 1, "\n");
  return g_strndup (first_nl + 1, last_nl - first_nl);
}

static char *
export_to (const char *db,
           const char *dir,
           const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(Run) r = run (db, "export", "-o", path, NULL);

  assert_exit (r, 0);
  return path;
}

static void
import_ok (const char *db,
           const char *path)
{
  g_autoptr(Run) r = run (db, "import", path, NULL);

  assert_exit (r, 0);
  g_assert_true (g_regex_match_simple (SUMMARY_RE, r->out, 0, 0));
}

static void
test_merge_concurrent (void)
{
  g_autofree char *dir = new_dir ("concurrent");
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *c = g_build_filename (dir, "c.db", NULL);
  g_autofree char *id = put (a, "person", "name=Anna", "phone=1", NULL);
  g_autofree char *a1 = export_to (a, dir, "a1.jsonl");
  g_autofree char *a2 = NULL, *b1 = NULL, *b2 = NULL;
  g_autofree char *ra = NULL, *rb = NULL, *rc = NULL;
  g_autoptr(Run) seq = NULL;
  g_autoptr(Run) conflicts = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;

  import_ok (b, a1);
  import_ok (c, a1);
  /* sequential: b edits what it got from a; no conflict */
  g_free (put (b, "person", id, "phone=2", NULL));
  b1 = export_to (b, dir, "b1.jsonl");
  import_ok (a, b1);
  seq = run (a, "conflicts", NULL);
  g_assert_cmpstr (seq->out, ==, "");

  /* concurrent: both edit the name */
  g_free (put (a, "person", id, "name=Anna van Ä", NULL));
  g_free (put (b, "person", id, "name=Anna van B", NULL));
  a2 = export_to (a, dir, "a2.jsonl");
  b2 = export_to (b, dir, "b2.jsonl");
  import_ok (a, b2);
  import_ok (b, a2);
  import_ok (c, b2);
  import_ok (c, a2);
  ra = export_records (a, dir, "ra.jsonl");
  rb = export_records (b, dir, "rb.jsonl");
  rc = export_records (c, dir, "rc.jsonl");
  g_assert_cmpstr (ra, ==, rb);
  g_assert_cmpstr (ra, ==, rc);

  /* the loser is kept as a conflict, with the spec's keys; data is
   * UTF-8 also in a locale whose charset is not */
  lc_all = "C";
  conflicts = run (a, "conflicts", "--json", NULL);
  lc_all = "C.UTF-8";
  assert_exit (conflicts, 0);
  g_assert_cmpuint (count_lines (conflicts->out), ==, 1);
  node = parse_json (conflicts->out);
  o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (o, "record"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, "person");
  g_assert_cmpstr (json_object_get_string_member (o, "field"), ==, "name");
  g_assert_true (g_regex_match_simple (HLC_RE, json_object_get_string_member (o, "stamp"), 0, 0));
  g_assert_true (json_object_has_member (o, "organiser"));
  {
    g_autoptr(Run) winner = run (a, "get", "person", id, NULL);
    const char *lost = json_object_get_string_member (o, "value");

    g_autofree char *pick = g_strconcat ("name=", lost, NULL);
    g_autoptr(Run) picked = NULL;
    g_autoptr(Run) left = NULL;

    g_assert_true (g_strcmp0 (lost, "Anna van Ä") == 0 || g_strcmp0 (lost, "Anna van B") == 0);
    g_assert_null (strstr (winner->out, lost));
    /* picking it back is an ordinary write, and settles the conflict */
    g_free (put (a, "person", id, pick, NULL));
    picked = run (a, "get", "person", id, NULL);
    g_assert_nonnull (strstr (picked->out, lost));
    left = run (a, "conflicts", NULL);
    assert_exit (left, 0);
    g_assert_cmpstr (left->out, ==, "");
  }
  {
    g_autoptr(Run) plain = run (b, "conflicts", NULL);

    g_assert_cmpuint (count_lines (plain->out), ==, 1);
  }
}

static void
test_merge_tombstone (void)
{
  g_autofree char *dir = new_dir ("tombstone");
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *id = put (a, "organisation", "name=Dynamo", NULL);
  g_autofree char *a1 = export_to (a, dir, "a1.jsonl");
  g_autofree char *a2 = NULL, *b2 = NULL, *ra = NULL, *rb = NULL;

  import_ok (b, a1);
  {
    g_autoptr(Run) del = run (a, "delete", "organisation", id, NULL);

    assert_exit (del, 0);
  }
  /* b edits later than the deletion: the tombstone still wins */
  g_usleep (5000);
  g_free (put (b, "organisation", id, "name=Dynamo Zuid", NULL));
  a2 = export_to (a, dir, "a2.jsonl");
  b2 = export_to (b, dir, "b2.jsonl");
  import_ok (a, b2);
  import_ok (b, a2);
  import_ok (a, a1);
  import_ok (b, a1);
  for (guint i = 0; i < 2; i++)
    {
      const char *db = i == 0 ? a : b;
      g_autoptr(Run) get = run (db, "get", "organisation", id, NULL);
      g_autoptr(Run) list = run (db, "list", "organisation", NULL);

      assert_refused (get);
      g_assert_cmpstr (list->out, ==, "");
    }
  ra = export_records (a, dir, "ra.jsonl");
  rb = export_records (b, dir, "rb.jsonl");
  g_assert_cmpstr (ra, ==, rb);
  g_assert_null (strstr (ra, "Dynamo"));
}

/* Equal stamps with different values (a damaged file): the bytewise
 * greater JSON text wins, in any order. */
static void
test_merge_equal_stamps (void)
{
  g_autofree char *dir = new_dir ("equal");
  g_autofree char *x = g_build_filename (dir, "x.jsonl", NULL);
  g_autofree char *y = g_build_filename (dir, "y.jsonl", NULL);
  g_autofree char *one = g_build_filename (dir, "1.db", NULL);
  g_autofree char *two = g_build_filename (dir, "2.db", NULL);
  g_autoptr(GPtrArray) lx = example_body ();
  g_autoptr(GPtrArray) ly = example_body ();
  g_autofree char *tx = NULL, *ty = NULL;

  replace_line (lx, 4, "Fatima El Amrani", "Zed");
  replace_line (ly, 4, "Fatima El Amrani", "Ann");
  tx = seal_lines (lx, "\n", -1);
  ty = seal_lines (ly, "\n", -1);
  write_bytes (x, tx, -1);
  write_bytes (y, ty, -1);
  import_ok (one, x);
  import_ok (one, y);
  import_ok (two, y);
  import_ok (two, x);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(Run) get = run (i == 0 ? one : two, "get", "person", FATIMA, NULL);

      g_assert_nonnull (strstr (get->out, "\"name\":\"Zed\""));
    }
}

/* Tests: folder sync */

static void
test_sync_folder (void)
{
  g_autofree char *dir = new_dir ("folder");
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *junk = g_build_filename (folder, "0123456789abcdef0123456789abcdef.kwartier.jsonl", NULL);
  g_autofree char *ra = NULL, *rb = NULL;

  g_mkdir (folder, 0700);
  g_free (put (a, "person", "name=Van A", NULL));
  g_free (put (b, "organisation", "name=Van B", NULL));
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(Run) r = run (i == 0 ? a : b, "sync", folder, NULL);

        assert_exit (r, 0);
      }
  ra = export_records (a, dir, "ra.jsonl");
  rb = export_records (b, dir, "rb.jsonl");
  g_assert_cmpstr (ra, ==, rb);
  g_assert_nonnull (strstr (ra, "Van A"));
  g_assert_nonnull (strstr (ra, "Van B"));

  /* nothing new: a's file is skipped, even after a second has passed */
  g_usleep (1100 * 1000);
  {
    g_autoptr(Run) r1 = run (a, "sync", folder, NULL);
    g_autoptr(Run) r2 = run (b, "sync", folder, NULL);

    assert_exit (r1, 0);
    assert_exit (r2, 0);
    g_assert_null (strstr (r2->out, "added"));
    g_assert_nonnull (strstr (r2->out, "unchanged"));
  }

  /* a refused file is reported, the rest goes on, exit 3 (spec/cli.md) */
  write_bytes (junk, "{\"x\":1}\n", -1);
  {
    g_autoptr(Run) r = run (a, "sync", folder, NULL);

    assert_exit (r, 3);
    g_assert_nonnull (strstr (r->err, "0123456789abcdef0123456789abcdef"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_root = g_dir_make_tmp ("kw-conformance-XXXXXX", &error);
  g_assert_no_error (error);
  example_path = g_test_build_filename (G_TEST_DIST, "sync", "data", "small.kwartier.jsonl", NULL);

  g_test_add_func ("/conformance/cli/help-and-usage", test_cli_help_and_usage);
  g_test_add_func ("/conformance/cli/put-get", test_cli_put_get);
  g_test_add_func ("/conformance/cli/deleted-reference", test_cli_deleted_reference);
  g_test_add_func ("/conformance/cli/generate", test_cli_generate);
  g_test_add_func ("/conformance/import/example", test_import_example);
  g_test_add_func ("/conformance/import/refusals", test_import_refusals);
  g_test_add_func ("/conformance/import/damaged", test_import_damaged);
  g_test_add_func ("/conformance/import/skew", test_import_skew);
  g_test_add_func ("/conformance/export/format", test_export_format);
  g_test_add_func ("/conformance/export/empty", test_export_empty);
  g_test_add_func ("/conformance/export/scope", test_export_scope);
  g_test_add_func ("/conformance/merge/concurrent", test_merge_concurrent);
  g_test_add_func ("/conformance/merge/tombstone", test_merge_tombstone);
  g_test_add_func ("/conformance/merge/equal-stamps", test_merge_equal_stamps);
  g_test_add_func ("/conformance/sync/folder", test_sync_folder);

  status = g_test_run ();
  if (status == 0)
    kw_test_remove_tree (tmp_root);
  return status;
}
