/* kw-test-cli.c: the CLI tests' sandbox and runner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "kw-test-cli.h"
#include "kw-test-files.h"

KwTestSandbox *
kw_test_sandbox_new (const char *prefix)
{
  static const char * const dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HOME" };
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", prefix);
  KwTestSandbox *sb = g_new0 (KwTestSandbox, 1);

  sb->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  sb->db = g_build_filename (sb->dir, "kwartier.db", NULL);
  sb->env = g_environ_unsetenv (g_get_environ (), "KWARTIER_DB");
  sb->env = g_environ_setenv (sb->env, "TZ", "Europe/Amsterdam", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (sb->dir, dirs[i], NULL);

      sb->env = g_environ_setenv (sb->env, dirs[i], path, TRUE);
    }
  return sb;
}

void
kw_test_sandbox_free (KwTestSandbox *sb)
{
  kw_test_remove_tree (sb->dir);
  g_free (sb->dir);
  g_free (sb->db);
  g_strfreev (sb->env);
  g_free (sb);
}

void
kw_test_result_free (KwTestResult *r)
{
  g_free (r->out);
  g_free (r->err);
  g_free (r);
}

KwTestResult *
kw_test_cli_runv (KwTestSandbox  *sb,
                  const char    **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  KwTestResult *r = g_new0 (KwTestResult, 1);
  const char *cli = g_getenv ("KWARTIER_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, sb->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (sb->dir, (char **) argv->pdata, sb->env, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (r->status < 0 || strstr (r->err, "runtime error:") || strstr (r->err, "Sanitizer")
      || strstr (r->err, "CRITICAL") || strstr (r->err, "WARNING"))
    g_error ("kwartier-cli %s failed badly (%d):\n%s", args[0], r->status, r->err);
  return r;
}

KwTestResult *
kw_test_cli_run (KwTestSandbox *sb,
                 const char    *first,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return kw_test_cli_runv (sb, (const char **) args->pdata);
}

char *
kw_test_cli_put_id (KwTestResult *r)
{
  char *id;

  kw_test_assert_status (r, 0);
  id = g_strdup (g_strstrip (r->out));
  kw_test_result_free (r);
  return id;
}
