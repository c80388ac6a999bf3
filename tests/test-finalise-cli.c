/* test-finalise-cli.c: `kwartier-cli finalise`, `reopen` and the refused `put`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real kwartier-cli (KWARTIER_CLI) on a database made with its own
 * `put`, in a temporary folder: while a meeting is finalised, put and
 * delete of it, its agenda items and its attendance exit 1 with the
 * core's message and change nothing; `put meeting ID finalised_at=…` is
 * no back door; reopen needs --reason (exit status 2).
 */
#include "config.h"

#include <glib.h>
#include <string.h>
#include <sys/wait.h>

#include "kw-test-files.h"

static char *dir;
static char *db;
static char **env;

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *r)
{
  g_free (r->out);
  g_free (r->err);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static Result *
runv (const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Result *r = g_new0 (Result, 1);
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("KWARTIER_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (dir, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (r->status < 0 || strstr (r->err, "runtime error:") || strstr (r->err, "Sanitizer")
      || strstr (r->err, "CRITICAL") || strstr (r->err, "WARNING"))
    g_error ("kwartier-cli %s failed badly (%d):\n%s", args[0], r->status, r->err);
  return r;
}

#define RUN(...) runv ((const char *[]) { __VA_ARGS__, NULL })

static void
assert_run (Result     *r,
            int         status,
            const char *in_err)
{
  if (r->status != status || (in_err && !strstr (r->err, in_err)))
    g_test_message ("stdout: %s\nstderr: %s", r->out, r->err);
  g_assert_cmpint (r->status, ==, status);
  if (in_err != NULL)
    g_assert_nonnull (strstr (r->err, in_err));
  result_free (r);
}

static char *
put (const char **args)
{
  Result *r = runv (args);
  char *id;

  g_assert_cmpint (r->status, ==, 0);
  id = g_strdup (g_strstrip (r->out));
  result_free (r);
  return id;
}

#define PUT(...) put ((const char *[]) { "put", __VA_ARGS__, NULL })

static char *
get (const char *type,
     const char *id)
{
  g_autoptr(Result) r = RUN ("get", type, id);

  g_assert_cmpint (r->status, ==, 0);
  return g_strdup (r->out);
}

static const char locked[] = "The minutes of “Bewonersberaad” are finalised; reopen them first";

static void
test_put_refused (void)
{
  g_autofree char *m = PUT ("meeting", "title=Bewonersberaad", "minutes=Opening");
  g_autofree char *p = PUT ("person", "name=Kees Testpersoon");
  g_autofree char *mk = g_strconcat ("meeting=", m, NULL);
  g_autofree char *pk = g_strconcat ("person=", p, NULL);
  g_autofree char *a = PUT ("agenda_item", mk, "title=Speeltuin", "notes=Schommels");
  g_autofree char *att = PUT ("attendance", mk, pk, "status=present");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *item = NULL;

  assert_run (RUN ("finalise", m), 0, NULL);
  before = get ("meeting", m);
  g_assert_nonnull (strstr (before, "\"finalised_at\":\"20"));
  assert_run (RUN ("put", "meeting", m, "minutes=Anders"), 1, locked);
  assert_run (RUN ("put", "agenda_item", a, "decision=Anders"), 1, locked);
  assert_run (RUN ("put", "agenda_item", mk, "title=Nog een punt"), 1, locked);
  assert_run (RUN ("put", "attendance", att, "status=late"), 1, locked);
  assert_run (RUN ("delete", "agenda_item", a), 1, locked);
  assert_run (RUN ("delete", "attendance", att), 1, locked);
  assert_run (RUN ("delete", "meeting", m), 1, locked);
  /* no back door */
  assert_run (RUN ("put", "meeting", m, "finalised_at="), 1, "finalised_at: set only by finalising or reopening the minutes");
  assert_run (RUN ("finalise", m), 1, locked);
  after = get ("meeting", m);
  g_assert_cmpstr (after, ==, before);
  item = get ("agenda_item", a);
  g_assert_nonnull (strstr (item, "\"decision\":null"));

  /* reopen: --reason is required */
  assert_run (RUN ("reopen", m), 2, "--reason TEXT is required");
  assert_run (RUN ("reopen", m, "--reason", ""), 1, "reason: required");
  assert_run (RUN ("reopen", m, "--reason", "typo in besluit 2"), 0, NULL);
  assert_run (RUN ("reopen", m, "--reason", "twice"), 1, "are not finalised");
  g_clear_pointer (&after, g_free);
  after = get ("meeting", m);
  g_assert_nonnull (strstr (after, "\"finalised_at\":null"));
  g_assert_nonnull (strstr (after, ": typo in besluit 2\""));
  assert_run (RUN ("put", "agenda_item", a, "decision=Een offerte"), 0, NULL);
  assert_run (RUN ("delete", "attendance", att), 0, NULL);
  assert_run (RUN ("finalise", "no-such-meeting"), 1, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  const char * const dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HOME" };
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("kw-finalise-cli-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "kwartier.db", NULL);
  env = g_environ_unsetenv (g_get_environ (), "KWARTIER_DB");
  env = g_environ_setenv (env, "TZ", "Europe/Amsterdam", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dir, dirs[i], NULL);

      env = g_environ_setenv (env, dirs[i], path, TRUE);
    }
  g_test_add_func ("/kw/cli/finalise/put-refused", test_put_refused);
  status = g_test_run ();
  kw_test_remove_tree (dir);
  g_free (dir);
  g_free (db);
  g_strfreev (env);
  return status;
}
