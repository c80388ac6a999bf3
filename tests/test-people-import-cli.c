/* test-people-import-cli.c: import-people and export-people, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real kwartier-cli (KWARTIER_CLI) on a database in a temporary
 * folder and checks exit status, stdout and stderr (spec/cli.md).
 */
#include "config.h"

#include <glib.h>
#include <string.h>
#include <sys/wait.h>

#include "kw-test-files.h"

typedef struct {
  char  *dir;
  char **env;
} Sandbox;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
setup (Sandbox       *sb,
       gconstpointer  data)
{
  g_autofree char *db = NULL;

  sb->dir = g_dir_make_tmp ("kw-people-cli-XXXXXX", NULL);
  g_assert_nonnull (sb->dir);
  db = g_build_filename (sb->dir, "kwartier.db", NULL);
  sb->env = g_environ_setenv (g_get_environ (), "KWARTIER_DB", db, TRUE);
  sb->env = g_environ_setenv (sb->env, "XDG_DATA_HOME", sb->dir, TRUE);
}

static void
teardown (Sandbox       *sb,
          gconstpointer  data)
{
  kw_test_remove_tree (sb->dir);
  g_free (sb->dir);
  g_strfreev (sb->env);
}

/* kwartier-cli ARGS... (NULL-terminated) */
static void
cli (Sandbox *sb,
     Run     *run,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait;

  run_clear (run);
  g_ptr_array_add (argv, (gpointer) g_getenv ("KWARTIER_CLI"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (sb->dir, (char **) argv->pdata, sb->env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait) ? WEXITSTATUS (wait) : -1;
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
strip_newline (char *text)
{
  g_strchomp (text);
  return text;
}

/* The blocker through the CLI: --on-match update, a shared phone. */
static void
test_import_people (Sandbox       *sb,
                    gconstpointer  data)
{
  g_autofree char *csv = data_file ("dutch.csv");
  g_autofree char *abdel = NULL;
  g_autofree char *list_before = NULL;
  Run run = { 0 };

  cli (sb, &run, "init", NULL);
  cli (sb, &run, "put", "person", "name=Abdelkader Ziani", "phone=06 1111 2222", NULL);
  g_assert_cmpint (run.status, ==, 0);
  abdel = strip_newline (g_strdup (run.out));
  cli (sb, &run, "list", "person", NULL);
  list_before = g_strdup (run.out);

  /* a dry run prints what would happen and changes nothing */
  cli (sb, &run, "import-people", "--dry-run", "--on-match", "update", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "row 1: Joël de Wit matches Abdelkader Ziani (phone): possible duplicate\n"
                   "added 2, updated 0, possible duplicates 1, skipped 0\n");
  cli (sb, &run, "list", "person", NULL);
  g_assert_cmpstr (run.out, ==, list_before);

  cli (sb, &run, "import-people", "--on-match", "update", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "row 1: Joël de Wit matches Abdelkader Ziani (phone): possible duplicate\n"
                   "added 2, updated 0, possible duplicates 1, skipped 0\n");
  cli (sb, &run, "get", "person", abdel, NULL);
  g_assert_nonnull (strstr (run.out, "\"name\":\"Abdelkader Ziani\""));

  /* again: everyone is here by name now */
  cli (sb, &run, "import-people", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, "added 0, updated 0, possible duplicates 0, skipped 3\n"));
  g_assert_nonnull (strstr (run.out, "row 1: Joël de Wit matches Joël de Wit (name, phone, e-mail): skipped\n"));
  run_clear (&run);
}

static void
test_import_people_vcard_consent (Sandbox       *sb,
                                  gconstpointer  data)
{
  g_autofree char *vcf = data_file ("three.vcf");
  g_autofree char *out = g_build_filename (sb->dir, "out.vcf", NULL);
  Run run = { 0 };

  cli (sb, &run, "init", NULL);
  cli (sb, &run, "import-people", "--consent", "sometimes", vcf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  cli (sb, &run, "import-people", "--on-match", "merge", vcf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  cli (sb, &run, "import-people", "--consent", "shared", vcf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "added 3, updated 0, possible duplicates 0, skipped 0\n");
  g_assert_nonnull (strstr (run.err, "3 organisations"));
  cli (sb, &run, "list", "organisation", NULL);
  g_assert_nonnull (strstr (run.out, "Onbekende Organisatie BV"));

  cli (sb, &run, "export-people", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "3 people written"));
  cli (sb, &run, "export-people", "--scope", "planet:x", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
}

/* finding 10: a contact file under import */
static void
test_import_contact_file (Sandbox       *sb,
                          gconstpointer  data)
{
  g_autofree char *vcf = data_file ("three.vcf");
  g_autofree char *csv = data_file ("dutch.csv");
  g_autofree char *expected = g_strdup_printf ("kwartier-cli: %s is a contact file (vCard), not a Kwartier export: "
                                               "use kwartier-cli import-people\n", vcf);
  Run run = { 0 };

  cli (sb, &run, "init", NULL);
  cli (sb, &run, "import", vcf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  cli (sb, &run, "import", csv, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is a contact file (CSV), not a Kwartier export"));

  /* and the other way round */
  cli (sb, &run, "export", "-o", "all.kwartier.jsonl", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli (sb, &run, "import-people", "all.kwartier.jsonl", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "This is a Kwartier export, not a contact file"));
  run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kw/cli/import-people/blocker", Sandbox, NULL, setup, test_import_people, teardown);
  g_test_add ("/kw/cli/import-people/vcard-consent", Sandbox, NULL, setup, test_import_people_vcard_consent, teardown);
  g_test_add ("/kw/cli/import-people/contact-file", Sandbox, NULL, setup, test_import_contact_file, teardown);

  return g_test_run ();
}
