/* test-cli.c: the command-line contract of spec/cli.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the real kwartier-cli (KWARTIER_CLI) in a temporary
 * folder, with its own database and XDG folders, and checks exit status,
 * stdout and stderr.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "kw-registry.h"
#include "kw-test-files.h"

/* The types whose records the tests make: compared before and after a refusal. */
static const char * const dump_types[] = {
  "area", "person", "organisation", "relation", "action_line", "meeting", NULL
};

typedef struct {
  char  *dir;
  char  *db;
  char **env;
} Sandbox;

typedef struct {
  int   status;   /* the exit status; -1 when killed by a signal */
  char *out;
  char *err;
} Result;

static void
sandbox_free (Sandbox *sb)
{
  kw_test_remove_tree (sb->dir);
  g_free (sb->dir);
  g_free (sb->db);
  g_strfreev (sb->env);
  g_free (sb);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sandbox, sandbox_free)

static void
sandbox_setenv (Sandbox    *sb,
                const char *variable,
                const char *value)
{
  sb->env = g_environ_setenv (sb->env, variable, value, TRUE);
}

static void
sandbox_set_dir (Sandbox    *sb,
                 const char *variable,
                 const char *name)
{
  g_autofree char *path = g_build_filename (sb->dir, name, NULL);

  sandbox_setenv (sb, variable, path);
}

/* A temporary folder with the database path and an environment that
 * keeps the CLI away from the user's own data. */
static Sandbox *
sandbox_new (void)
{
  g_autoptr(GError) error = NULL;
  Sandbox *sb = g_new0 (Sandbox, 1);

  sb->dir = g_dir_make_tmp ("kw-cli-XXXXXX", &error);
  g_assert_no_error (error);
  sb->db = g_build_filename (sb->dir, "kwartier.db", NULL);
  sb->env = g_environ_unsetenv (g_get_environ (), "KWARTIER_DB");
  sandbox_set_dir (sb, "XDG_DATA_HOME", "data");
  sandbox_set_dir (sb, "XDG_CONFIG_HOME", "config");
  sandbox_set_dir (sb, "XDG_CACHE_HOME", "cache");
  sandbox_set_dir (sb, "XDG_STATE_HOME", "state");
  sandbox_set_dir (sb, "HOME", "home");
  return sb;
}

static void
result_free (Result *r)
{
  g_free (r->out);
  g_free (r->err);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static const char *
cli_path (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *env = g_getenv ("KWARTIER_CLI");

      path = env != NULL ? g_strdup (env)
                         : g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "kwartier-cli", NULL);
    }
  return path;
}

/* Runs kwartier-cli [--db DB] ARGS; no sanitizer report, no critical. */
static Result *
run_argv (Sandbox             *sb,
          gboolean             with_db,
          const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Result *r = g_new0 (Result, 1);
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) cli_path ());
  if (with_db)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, sb->db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (sb->dir, (char **) argv->pdata, sb->env, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (r->status < 0 || strstr (r->err, "runtime error:") || strstr (r->err, "Sanitizer")
      || strstr (r->err, "CRITICAL") || strstr (r->err, "WARNING"))
    g_error ("kwartier-cli %s failed badly (%d):\n%s", args[0] ? args[0] : "", r->status, r->err);
  return r;
}

static Result *
run_va (Sandbox    *sb,
        gboolean    with_db,
        const char *first,
        va_list     ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);
  return run_argv (sb, with_db, (const char * const *) args->pdata);
}

/* kwartier-cli --db DB ARGS... */
static Result *run (Sandbox *sb, const char *first, ...) G_GNUC_NULL_TERMINATED;

static Result *
run (Sandbox    *sb,
     const char *first,
     ...)
{
  va_list ap;
  Result *r;

  va_start (ap, first);
  r = run_va (sb, TRUE, first, ap);
  va_end (ap);
  return r;
}

/* kwartier-cli ARGS..., without --db */
static Result *run_bare (Sandbox *sb, const char *first, ...) G_GNUC_NULL_TERMINATED;

static Result *
run_bare (Sandbox    *sb,
          const char *first,
          ...)
{
  va_list ap;
  Result *r;

  va_start (ap, first);
  r = run_va (sb, FALSE, first, ap);
  va_end (ap);
  return r;
}

#define assert_status(r, expected) G_STMT_START {                             \
    if ((r)->status != (expected))                                           \
      g_test_message ("stdout: %s\nstderr: %s", (r)->out, (r)->err);         \
    g_assert_cmpint ((r)->status, ==, (expected));                           \
  } G_STMT_END

static gsize
count_lines (const char *out)
{
  gsize n = 0;

  for (const char *p = out; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Exit 1: one line on stderr that contains `what`, nothing on stdout. */
static void
assert_refused (Result     *r,
                const char *what)
{
  assert_status (r, 1);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "kwartier-cli: "));
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_cmpuint (count_lines (r->err), ==, 1);
  if (strstr (r->err, what) == NULL)
    g_error ("stderr does not name “%s”: %s", what, r->err);
}

static void
assert_usage (Result *r)
{
  assert_status (r, 2);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_cmpstr (r->err, !=, "");
}

static char **
split_lines (const char *out)
{
  g_autofree char *text = NULL;

  g_assert_true (*out == '\0' || g_str_has_suffix (out, "\n"));
  if (*out == '\0')
    return g_new0 (char *, 1);
  text = g_strndup (out, strlen (out) - 1);
  return g_strsplit (text, "\n", -1);
}

/* put ... must succeed and print a new or given id. */
static char *put (Sandbox *sb, const char *first, ...) G_GNUC_NULL_TERMINATED;

static char *
put (Sandbox    *sb,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(Result) r = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "put");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  r = run_argv (sb, TRUE, (const char * const *) args->pdata);
  assert_status (r, 0);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_true (g_str_has_suffix (r->out, "\n"));
  r->out[strlen (r->out) - 1] = '\0';
  g_assert_true (kw_id_is_valid (r->out));
  return g_steal_pointer (&r->out);
}

static JsonObject *
parse_object (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

/* get TYPE ID must succeed with one line: one JSON object. */
static JsonObject *
get (Sandbox    *sb,
     const char *type,
     const char *id)
{
  g_autoptr(Result) r = run (sb, "get", type, id, NULL);
  g_autofree char *prefix = g_strdup_printf ("{\"type\":\"%s\",\"id\":\"%s\"", type, id);

  assert_status (r, 0);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_true (g_str_has_suffix (r->out, "}\n"));
  g_assert_cmpuint (count_lines (r->out), ==, 1);
  g_assert_true (g_str_has_prefix (r->out, prefix));
  return parse_object (r->out);
}

/* `list TYPE --json` of every type the tests use: the database's content. */
static char *
dump (Sandbox *sb)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; dump_types[i] != NULL; i++)
    {
      g_autoptr(Result) r = run (sb, "list", dump_types[i], "--json", NULL);

      assert_status (r, 0);
      g_string_append_printf (all, "%s:\n%s", dump_types[i], r->out);
    }
  return g_string_free (all, FALSE);
}

static void
assert_string_member (JsonObject *o,
                      const char *member,
                      const char *expected)
{
  JsonNode *node = json_object_get_member (o, member);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  g_assert_cmpstr (json_node_get_string (node), ==, expected);
}

static void
assert_int_member (JsonObject *o,
                   const char *member,
                   gint64      expected)
{
  JsonNode *node = json_object_get_member (o, member);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, expected);
}

static void
assert_bool_member (JsonObject *o,
                    const char *member,
                    gboolean    expected)
{
  JsonNode *node = json_object_get_member (o, member);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
  g_assert_cmpint (json_node_get_boolean (node), ==, expected);
}

static void
assert_null_member (JsonObject *o,
                    const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_NULL (node));
}

/* "type", "id", then every field of the type in registry order. */
static void
assert_members (JsonObject *o,
                const char *type_name)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  g_autoptr(GList) members = json_object_get_members (o);
  GList *l = members;

  g_assert_nonnull (type);
  g_assert_cmpuint (g_list_length (members), ==, type->n_fields + 2);
  g_assert_cmpstr (l->data, ==, "type");
  g_assert_cmpstr (l->next->data, ==, "id");
  l = l->next->next;
  for (guint i = 0; i < type->n_fields; i++, l = l->next)
    g_assert_cmpstr (l->data, ==, type->fields[i].name);
}

static char *
arg (const char *field,
     const char *value)
{
  return g_strdup_printf ("%s=%s", field, value);
}

/* Tests */

static void
test_init (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autoptr(Result) first = run (sb, "init", NULL);
  g_autoptr(Result) second = NULL;
  g_autoptr(Result) list = NULL;
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf st;

  assert_status (first, 0);
  g_assert_cmpstr (first->out, ==, "");
  g_assert_cmpint (g_stat (sb->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  list = run (sb, "list", "person", NULL);
  assert_status (list, 0);
  g_assert_cmpstr (list->out, ==, "");

  /* Idempotent: a second init keeps what is there. */
  id = put (sb, "person", "name=Fatima El Amrani", NULL);
  before = dump (sb);
  second = run (sb, "init", NULL);
  assert_status (second, 0);
  g_assert_cmpstr (second->out, ==, "");
  after = dump (sb);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (strstr (after, id));
  g_assert_cmpint (g_stat (sb->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_default_db (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *data_dir = g_build_filename (sb->dir, "data", "kwartier", NULL);
  g_autofree char *default_db = g_build_filename (data_dir, "kwartier.db", NULL);
  g_autofree char *env_db = g_build_filename (sb->dir, "env.db", NULL);
  g_autoptr(Result) r = run_bare (sb, "init", NULL);
  g_autoptr(Result) from_env = NULL;
  g_autoptr(Result) from_option = NULL;
  g_autofree char *db_arg = g_strdup_printf ("--db=%s", sb->db);
  GStatBuf st;

  /* $XDG_DATA_HOME/kwartier/kwartier.db, in a private folder */
  assert_status (r, 0);
  g_assert_cmpint (g_stat (default_db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (data_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_false (g_file_test (sb->db, G_FILE_TEST_EXISTS));

  /* $KWARTIER_DB comes first, --db before that (also as --db=PATH). */
  sandbox_setenv (sb, "KWARTIER_DB", env_db);
  from_env = run_bare (sb, "init", NULL);
  assert_status (from_env, 0);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_EXISTS));
  from_option = run_bare (sb, db_arg, "init", NULL);
  assert_status (from_option, 0);
  g_assert_true (g_file_test (sb->db, G_FILE_TEST_EXISTS));
}

static void
test_put_get (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *area = put (sb, "area", "name=Noord", "kind=wijk", NULL);
  g_autofree char *area_arg = arg ("area", area);
  g_autofree char *person = put (sb, "person", "name=Fatima El Amrani", "phone=06 1234",
                                 area_arg, "key_figure=true", "consent=shared",
                                 "consent_date=2024-03-01", "notes=Zoë “quoted” \\ \t tab", NULL);
  g_autofree char *org = put (sb, "organisation", "name=Dynamo", "formal=false", NULL);
  g_autofree char *from = arg ("from", person);
  g_autofree char *to = arg ("to", org);
  g_autofree char *relation = put (sb, "relation", from, to, "kind=works_with", "strength=3", NULL);
  g_autofree char *alliance = put (sb, "alliance", "name=Wijkalliantie Noord", NULL);
  g_autofree char *alliance_arg = arg ("alliance", alliance);
  g_autofree char *owner = arg ("owner", person);
  g_autofree char *line = put (sb, "action_line", alliance_arg, "title=Buurtkamer", owner,
                               "budget_cents=1250000", "spent_cents=-50", NULL);
  g_autoptr(JsonObject) p = get (sb, "person", person);
  g_autoptr(JsonObject) o = get (sb, "organisation", org);
  g_autoptr(JsonObject) r = get (sb, "relation", relation);
  g_autoptr(JsonObject) a = get (sb, "action_line", line);

  assert_members (p, "person");
  assert_string_member (p, "type", "person");
  assert_string_member (p, "id", person);
  assert_string_member (p, "name", "Fatima El Amrani");
  assert_string_member (p, "phone", "06 1234");
  assert_string_member (p, "area", area);
  assert_bool_member (p, "key_figure", TRUE);
  assert_string_member (p, "consent", "shared");
  assert_string_member (p, "consent_date", "2024-03-01");
  assert_string_member (p, "notes", "Zoë “quoted” \\ \t tab");
  assert_null_member (p, "email");
  assert_null_member (p, "private_notes");

  assert_members (o, "organisation");
  assert_bool_member (o, "formal", FALSE);
  assert_null_member (o, "kind");

  assert_members (r, "relation");
  assert_string_member (r, "from", person);
  assert_string_member (r, "to", org);
  assert_string_member (r, "kind", "works_with");
  assert_int_member (r, "strength", 3);
  assert_null_member (r, "sentiment");

  assert_members (a, "action_line");
  assert_string_member (a, "alliance", alliance);
  assert_string_member (a, "owner", person);
  assert_int_member (a, "budget_cents", 1250000);
  assert_int_member (a, "spent_cents", -50);
}

/* Values that start with a dash are values, not options. */
static void
test_dash_values (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *person = put (sb, "person", "name=-h", "notes=--json", NULL);
  g_autofree char *map = put (sb, "stakeholder_map", "name=Kaart", NULL);
  g_autofree char *map_arg = arg ("map", map);
  g_autofree char *party = arg ("party", person);
  g_autofree char *position = put (sb, "map_position", map_arg, party, "stance=-2",
                                   "influence=5", NULL);
  g_autoptr(JsonObject) p = get (sb, "person", person);
  g_autoptr(JsonObject) m = get (sb, "map_position", position);

  assert_string_member (p, "name", "-h");
  assert_string_member (p, "notes", "--json");
  assert_int_member (m, "stance", -2);
  assert_int_member (m, "influence", 5);
  assert_null_member (m, "interest");
}

static void
test_update (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *id = put (sb, "person", "name=Jan", "phone=020 123", NULL);
  g_autofree char *same = put (sb, "person", id, "email=jan@example.org", "key_figure=yes", NULL);
  g_autofree char *upper = g_ascii_strup (id, -1);
  g_autoptr(JsonObject) p = get (sb, "person", id);
  g_autoptr(Result) list = run (sb, "list", "person", NULL);
  g_autoptr(Result) by_upper = run (sb, "get", "person", upper, NULL);

  g_assert_cmpstr (same, ==, id);
  assert_string_member (p, "name", "Jan");
  assert_string_member (p, "phone", "020 123");
  assert_string_member (p, "email", "jan@example.org");
  assert_bool_member (p, "key_figure", TRUE);
  assert_status (list, 0);
  g_assert_cmpuint (count_lines (list->out), ==, 1);
  /* ids are read case-insensitively, like references */
  assert_status (by_upper, 0);
}

static void
test_clear (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *id = put (sb, "person", "name=Jan", "phone=020 123", "key_figure=true", NULL);
  g_autofree char *same = put (sb, "person", id, "phone=", "key_figure=", NULL);
  g_autoptr(JsonObject) p = get (sb, "person", id);

  g_assert_cmpstr (same, ==, id);
  assert_string_member (p, "name", "Jan");
  assert_null_member (p, "phone");
  assert_null_member (p, "key_figure");
}

static void
test_list (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *cor = put (sb, "person", "name=Cor", NULL);
  g_autofree char *ada = put (sb, "person", "name=Ada", NULL);
  g_autofree char *bea = put (sb, "person", "name=Bea", NULL);
  g_autoptr(Result) del = run (sb, "delete", "person", bea, NULL);
  g_autoptr(Result) plain = run (sb, "list", "person", NULL);
  g_autoptr(Result) json = run (sb, "list", "person", "--json", NULL);
  g_autoptr(Result) empty = run (sb, "list", "meeting", NULL);
  g_autofree char *expected = g_strdup_printf ("%s\tAda\n%s\tCor\n", ada, cor);
  g_auto(GStrv) lines = NULL;

  assert_status (del, 0);
  assert_status (plain, 0);
  g_assert_cmpstr (plain->out, ==, expected);
  g_assert_cmpstr (plain->err, ==, "");

  assert_status (json, 0);
  lines = split_lines (json->out);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) o = parse_object (lines[i]);

      assert_members (o, "person");
      assert_string_member (o, "id", i == 0 ? ada : cor);
      assert_string_member (o, "name", i == 0 ? "Ada" : "Cor");
    }

  assert_status (empty, 0);
  g_assert_cmpstr (empty->out, ==, "");
}

static void
test_delete (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *id = put (sb, "person", "name=Jan", NULL);
  g_autoptr(Result) del = run (sb, "delete", "person", id, NULL);
  g_autoptr(Result) got = run (sb, "get", "person", id, NULL);
  g_autoptr(Result) again = run (sb, "delete", "person", id, NULL);
  g_autoptr(Result) update = run (sb, "put", "person", id, "name=Jan", NULL);
  g_autoptr(Result) missing = run (sb, "delete", "person", "00000000-0000-4000-8000-000000000000", NULL);
  g_autoptr(Result) unknown = run (sb, "delete", "nosuchtype", id, NULL);
  g_autoptr(Result) list = run (sb, "list", "person", NULL);

  assert_status (del, 0);
  g_assert_cmpstr (del->out, ==, "");
  assert_refused (got, id);
  assert_refused (again, id);
  assert_refused (update, id);
  assert_refused (missing, "00000000-0000-4000-8000-000000000000");
  assert_refused (unknown, "nosuchtype");
  g_assert_cmpstr (list->out, ==, "");
}

static void
test_get_refused (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *id = put (sb, "person", "name=Jan", NULL);
  g_autoptr(Result) unknown_type = run (sb, "get", "nosuchtype", id, NULL);
  g_autoptr(Result) wrong_type = run (sb, "get", "organisation", id, NULL);
  g_autoptr(Result) missing = run (sb, "get", "person", "00000000-0000-4000-8000-000000000000", NULL);
  g_autoptr(Result) list = run (sb, "list", "nosuchtype", NULL);

  assert_refused (unknown_type, "nosuchtype");
  assert_refused (wrong_type, id);
  assert_refused (missing, "00000000-0000-4000-8000-000000000000");
  assert_refused (list, "nosuchtype");
}

typedef struct {
  const char *names;    /* what stderr must name */
  const char *args[8];
} RefusedCase;

/* Every refusal names the field (or the id) and changes nothing. */
static void
test_put_refused (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *area = put (sb, "area", "name=Noord", NULL);
  g_autofree char *person = put (sb, "person", "name=Jan", NULL);
  g_autofree char *org = put (sb, "organisation", "name=Dynamo", NULL);
  g_autofree char *gone = put (sb, "person", "name=Weg", NULL);
  g_autoptr(Result) del = run (sb, "delete", "person", gone, NULL);
  g_autofree char *from = arg ("from", person);
  g_autofree char *to = arg ("to", org);
  g_autofree char *area_person = arg ("area", person);
  g_autofree char *area_gone = arg ("area", gone);
  const char *missing = "00000000-0000-4000-8000-000000000000";
  g_autofree char *area_missing = arg ("area", missing);
  g_autofree char *before = dump (sb);
  const RefusedCase cases[] = {
    { "nosuchtype", { "put", "nosuchtype", "name=x", NULL } },
    { "nosuchfield", { "put", "person", "name=x", "nosuchfield=1", NULL } },
    { "strength", { "put", "relation", from, to, "strength=abc", NULL } },
    { "strength", { "put", "relation", from, to, "strength=7", NULL } },
    { "strength", { "put", "relation", from, to, "strength=2.5", NULL } },
    { "key_figure", { "put", "person", "name=x", "key_figure=maybe", NULL } },
    { "consent", { "put", "person", "name=x", "consent=everyone", NULL } },
    { "consent_date", { "put", "person", "name=x", "consent_date=2023-02-30", NULL } },
    { "area", { "put", "person", "name=x", area_missing, NULL } },
    { "area", { "put", "person", "name=x", area_person, NULL } },
    { "area", { "put", "person", "name=x", area_gone, NULL } },
    { "area", { "put", "person", "name=x", "area=not-an-id", NULL } },
    { "to", { "put", "relation", from, "to=00000000-0000-4000-8000-000000000000", NULL } },
    { "from", { "put", "relation", to, NULL } },
    { "name", { "put", "person", "phone=1", NULL } },
    { "name", { "put", "person", person, "name=", NULL } },
    { "key_figure", { "put", "person", person, "phone=2", "key_figure=nee", NULL } },
    { "area", { "put", "person", person, "phone=2", area_missing, NULL } },
    { missing, { "put", "person", missing, "name=x", NULL } },
    { area, { "put", "person", area, "name=x", NULL } },
    { gone, { "put", "person", gone, "name=x", NULL } },
    { "budget_cents", { "put", "action_line", "title=x", "budget_cents=12.50", NULL } },
    { "starts_at", { "put", "meeting", "title=x", "starts_at=tomorrow", NULL } },
    { "starts_at", { "put", "meeting", "title=x", "starts_at=2024\xff", NULL } },
    { "area", { "put", "person", "name=x", "area=\xff", NULL } },
    { "name", { "put", "person", "name=Zo\xeb", NULL } },
  };

  assert_status (del, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) r = run_argv (sb, TRUE, cases[i].args);
      g_autofree char *after = NULL;

      g_test_message ("case %u: %s", i, r->err);
      assert_refused (r, cases[i].names);
      after = dump (sb);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_usage (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  const char * const cases[][6] = {
    { NULL },
    { "frobnicate", NULL },
    { "--bogus", "init", NULL },
    { "init", "extra", NULL },
    { "init", "--bogus", NULL },
    { "put", NULL },
    { "put", "person", NULL },
    { "put", "person", "00000000-0000-4000-8000-000000000000", NULL },
    { "put", "person", "name=x", "stray", NULL },
    { "put", "person", "name=x", "--bogus", NULL },
    { "get", NULL },
    { "get", "person", NULL },
    { "get", "person", "a", "b", NULL },
    { "list", NULL },
    { "list", "person", "--xml", NULL },
    { "list", "person", "--json=yes", NULL },
    { "list", "person", "meeting", NULL },
    { "delete", "person", NULL },
    { "demo", "now", NULL },
    { "generate", NULL },
    { "generate", "--people", NULL },
    { "generate", "--people", "0", NULL },
    { "generate", "--people", "-3", NULL },
    { "generate", "--people", "many", NULL },
    { "generate", "--people", "5", "--seed", "x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) r = run_argv (sb, TRUE, cases[i]);

      g_test_message ("case %u: %s", i, r->err);
      assert_usage (r);
    }
  /* A usage error does not make a database. */
  g_assert_false (g_file_test (sb->db, G_FILE_TEST_EXISTS));

  {
    const char * const no_args[] = { NULL };
    g_autoptr(Result) none = run_argv (sb, FALSE, no_args);
    g_autoptr(Result) db_only = run_bare (sb, "--db", NULL);
    g_autoptr(Result) empty_db = run_bare (sb, "--db", "", "init", NULL);

    assert_usage (none);
    assert_usage (db_only);
    assert_usage (empty_db);
  }
}

static void
test_help (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  const char * const commands[] = {
    "init", "put", "get", "list", "delete", "export", "import", "conflicts", "sync",
    "minutes", "ical", "demo", "generate",
  };
  g_autoptr(Result) overview = run_bare (sb, "--help", NULL);
  g_autoptr(Result) short_overview = run_bare (sb, "-h", NULL);
  g_autoptr(Result) version = run_bare (sb, "--version", NULL);

  assert_status (overview, 0);
  assert_status (short_overview, 0);
  g_assert_cmpstr (overview->out, ==, short_overview->out);
  g_assert_cmpstr (overview->err, ==, "");
  assert_status (version, 0);
  g_assert_true (g_str_has_prefix (version->out, "kwartier-cli "));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *entry = g_strdup_printf ("\n  %s", commands[i]);
      g_autoptr(Result) help = run (sb, commands[i], "--help", NULL);
      g_autoptr(Result) short_help = run (sb, commands[i], "-h", NULL);
      g_autofree char *usage = g_strdup_printf (" %s", commands[i]);

      g_assert_nonnull (strstr (overview->out, entry));
      assert_status (help, 0);
      g_assert_cmpstr (help->err, ==, "");
      g_assert_true (g_str_has_prefix (help->out, "Usage: kwartier-cli"));
      g_assert_nonnull (strstr (help->out, usage));
      assert_status (short_help, 0);
      g_assert_cmpstr (short_help->out, ==, help->out);
    }
  /* Help never touches the database. */
  g_assert_false (g_file_test (sb->db, G_FILE_TEST_EXISTS));
}

static void
test_not_available (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  const char * const cases[][6] = {
    { "minutes", "00000000-0000-4000-8000-000000000000", "-o", "minutes.md", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) r = run_argv (sb, TRUE, cases[i]);

      /* minutes came with issue 12 (tests/test-publish-cli.c): an unknown meeting is refused */
      assert_refused (r, cases[i][1]);
    }
}

static void
test_demo (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autoptr(Result) demo = run (sb, "demo", NULL);
  g_autoptr(Result) people = run (sb, "list", "person", NULL);
  g_autoptr(Result) again = NULL;
  g_autoptr(Result) people_after = NULL;

  assert_status (demo, 0);
  g_assert_cmpstr (demo->out, ==, "");
  assert_status (people, 0);
  g_assert_cmpuint (count_lines (people->out), >=, 50);

  again = run (sb, "demo", NULL);
  assert_refused (again, "the database is not empty");
  people_after = run (sb, "list", "person", NULL);
  g_assert_cmpstr (people_after->out, ==, people->out);
}

static void
test_demo_refuses_data (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *id = put (sb, "area", "name=Noord", NULL);
  g_autoptr(Result) demo = run (sb, "demo", NULL);
  g_autoptr(Result) people = run (sb, "list", "person", NULL);

  assert_refused (demo, "not empty");
  g_assert_cmpstr (people->out, ==, "");
}

static void
test_generate (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autoptr(Result) generate = run (sb, "generate", "--people", "200", "--seed", "7", NULL);
  g_autoptr(Result) people = run (sb, "list", "person", NULL);

  assert_status (generate, 0);
  g_assert_cmpstr (generate->out, ==, "");
  assert_status (people, 0);
  g_assert_cmpuint (count_lines (people->out), ==, 200);
}

/* conflicts --use ID: Anna's database (the sandbox's) and Bram's change
 * the same phone before they sync; Anna's later write wins, Bram's is the
 * conflict, and --use takes it back as a new write. */
static void
test_conflicts_use (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *bram = g_build_filename (sb->dir, "bram.db", NULL);
  g_autofree char *seed = g_build_filename (sb->dir, "seed.jsonl", NULL);
  g_autofree char *from_bram = g_build_filename (sb->dir, "bram.jsonl", NULL);
  g_autofree char *id = put (sb, "person", "name=Femke Zonneveld", NULL);
  g_autofree char *use_id = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(JsonObject) conflict = NULL;
  g_autoptr(JsonObject) person = NULL;

  {
    g_autoptr(Result) out = run (sb, "export", "-o", seed, NULL);
    g_autoptr(Result) in = run_bare (sb, "--db", bram, "import", seed, NULL);
    g_autoptr(Result) b = run_bare (sb, "--db", bram, "put", "person", id, "phone=06 1234 5678", NULL);
    g_autoptr(Result) b_out = NULL;
    g_autoptr(Result) a_in = NULL;

    assert_status (out, 0);
    assert_status (in, 0);
    assert_status (b, 0);
    g_free (put (sb, "person", id, "phone=020 555 0102", NULL));
    b_out = run_bare (sb, "--db", bram, "export", "-o", from_bram, NULL);
    assert_status (b_out, 0);
    a_in = run (sb, "import", from_bram, NULL);
    assert_status (a_in, 0);
    g_assert_nonnull (strstr (a_in->out, "conflicts 1,"));
  }
  {
    /* the listing: the id last in the plain line, "conflict" in the JSON */
    g_autoptr(Result) plain = run (sb, "conflicts", NULL);
    g_autoptr(Result) json = run (sb, "conflicts", "--json", NULL);

    assert_status (plain, 0);
    assert_status (json, 0);
    g_assert_cmpuint (count_lines (plain->out), ==, 1);
    g_assert_cmpuint (count_lines (json->out), ==, 1);
    conflict = parse_object (json->out);
    g_assert_cmpstr (json_object_get_string_member (conflict, "record"), ==, id);
    g_assert_cmpstr (json_object_get_string_member (conflict, "value"), ==, "06 1234 5678");
    use_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (conflict, "conflict"));
    hash = g_strdup_printf (" #%s\n", use_id);
    g_assert_true (g_str_has_prefix (plain->out, "person "));
    g_assert_true (g_str_has_suffix (plain->out, hash));
  }
  {
    /* usage: exit 2; an unknown id: exit 1 with a message naming it */
    g_autoptr(Result) no_value = run (sb, "conflicts", "--use", NULL);
    g_autoptr(Result) with_json = run (sb, "conflicts", "--use", use_id, "--json", NULL);
    g_autoptr(Result) unknown = run (sb, "conflicts", "--use", "4242", NULL);
    g_autoptr(Result) garbage = run (sb, "conflicts", "--use", "phone", NULL);

    assert_usage (no_value);
    assert_usage (with_json);
    assert_refused (unknown, "4242");
    assert_refused (garbage, "phone");
  }
  person = get (sb, "person", id);
  g_assert_cmpstr (json_object_get_string_member (person, "phone"), ==, "020 555 0102");
  {
    g_autoptr(Result) use = run (sb, "conflicts", "--use", use_id, NULL);
    g_autoptr(Result) left = run (sb, "conflicts", NULL);
    g_autoptr(Result) again = run (sb, "conflicts", "--use", use_id, NULL);

    assert_status (use, 0);
    g_assert_cmpstr (use->out, ==, "");
    g_assert_cmpstr (use->err, ==, "");
    assert_status (left, 0);
    g_assert_cmpstr (left->out, ==, "");
    /* resolved: no longer an id --use takes */
    assert_refused (again, use_id);
  }
  g_clear_pointer (&person, json_object_unref);
  person = get (sb, "person", id);
  g_assert_cmpstr (json_object_get_string_member (person, "phone"), ==, "06 1234 5678");
  /* a new write: Bram gets it back with no conflict of his own */
  {
    g_autofree char *from_anna = g_build_filename (sb->dir, "anna.jsonl", NULL);
    g_autoptr(Result) out = run (sb, "export", "-o", from_anna, NULL);
    g_autoptr(Result) in = NULL;
    g_autoptr(Result) b_left = NULL;

    assert_status (out, 0);
    in = run_bare (sb, "--db", bram, "import", from_anna, NULL);
    assert_status (in, 0);
    g_assert_nonnull (strstr (in->out, "conflicts 0,"));
    b_left = run_bare (sb, "--db", bram, "conflicts", NULL);
    g_assert_cmpstr (b_left->out, ==, "");
  }
}

/* conflicts --use while another writer holds the database: exit 4. */
static void
test_conflicts_use_busy (void)
{
  g_autoptr(Sandbox) sb = sandbox_new ();
  g_autofree char *bram = g_build_filename (sb->dir, "bram.db", NULL);
  g_autofree char *seed = g_build_filename (sb->dir, "seed.jsonl", NULL);
  g_autofree char *from_bram = g_build_filename (sb->dir, "bram.jsonl", NULL);
  g_autofree char *id = put (sb, "person", "name=Femke Zonneveld", NULL);
  g_autofree char *use_id = NULL;
  g_autoptr(JsonObject) conflict = NULL;
  sqlite3 *db = NULL;

  result_free (run (sb, "export", "-o", seed, NULL));
  result_free (run_bare (sb, "--db", bram, "import", seed, NULL));
  result_free (run_bare (sb, "--db", bram, "put", "person", id, "phone=06 1234 5678", NULL));
  g_free (put (sb, "person", id, "phone=020 555 0102", NULL));
  result_free (run_bare (sb, "--db", bram, "export", "-o", from_bram, NULL));
  result_free (run (sb, "import", from_bram, NULL));
  {
    g_autoptr(Result) json = run (sb, "conflicts", "--json", NULL);

    assert_status (json, 0);
    g_assert_cmpuint (count_lines (json->out), ==, 1);
    conflict = parse_object (json->out);
    use_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (conflict, "conflict"));
  }

  g_assert_cmpint (sqlite3_open (sb->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  sandbox_setenv (sb, "KWARTIER_BUSY_TIMEOUT_MS", "300");
  {
    g_autoptr(Result) busy = run (sb, "conflicts", "--use", use_id, NULL);

    assert_status (busy, 4);
    g_assert_cmpstr (busy->out, ==, "");
    g_assert_true (g_str_has_prefix (busy->err, "kwartier-cli: "));
  }
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  {
    g_autoptr(Result) use = run (sb, "conflicts", "--use", use_id, NULL);

    assert_status (use, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/cli/init", test_init);
  g_test_add_func ("/kw/cli/default-db", test_default_db);
  g_test_add_func ("/kw/cli/put-get", test_put_get);
  g_test_add_func ("/kw/cli/dash-values", test_dash_values);
  g_test_add_func ("/kw/cli/update", test_update);
  g_test_add_func ("/kw/cli/clear", test_clear);
  g_test_add_func ("/kw/cli/list", test_list);
  g_test_add_func ("/kw/cli/delete", test_delete);
  g_test_add_func ("/kw/cli/get-refused", test_get_refused);
  g_test_add_func ("/kw/cli/put-refused", test_put_refused);
  g_test_add_func ("/kw/cli/usage", test_usage);
  g_test_add_func ("/kw/cli/help", test_help);
  g_test_add_func ("/kw/cli/not-available", test_not_available);
  g_test_add_func ("/kw/cli/demo", test_demo);
  g_test_add_func ("/kw/cli/demo-refuses-data", test_demo_refuses_data);
  g_test_add_func ("/kw/cli/generate", test_generate);
  g_test_add_func ("/kw/cli/conflicts-use", test_conflicts_use);
  g_test_add_func ("/kw/cli/conflicts-use-busy", test_conflicts_use_busy);

  return g_test_run ();
}
