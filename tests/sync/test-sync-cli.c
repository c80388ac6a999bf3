/* test-sync-cli.c: the sync commands of kwartier-cli (suite sync)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw_cli_sync_*() called in a subprocess each: exit status, stdout and
 * stderr as spec/cli.md says.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "kw-cli-sync.h"
#include "sync-helpers.h"

static char *dir;
static char *example;

static int
run (const char *db,
     int       (*func) (KwStore *, int, char **),
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(KwStore) store = kw_store_open (db, NULL);
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return func (store, (int) args->len - 1, (char **) args->pdata);
}

static void
test_import (void)
{
  g_autofree char *db = g_build_filename (dir, "import.db", NULL);

  if (g_test_subprocess ())
    exit (run (db, kw_cli_sync_import, "import", example, NULL));
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("added 3, updated 0, deleted 1, conflicts 0, unchanged 0\n");
}

static void
test_import_refused (void)
{
  g_autofree char *db = g_build_filename (dir, "refused.db", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.jsonl", NULL);

  if (g_test_subprocess ())
    {
      g_file_set_contents (bad, "{\"kwartier\":\"export\",\"format\":2,\"schema\":1}\n", -1, NULL);
      exit (run (db, kw_cli_sync_import, "import", bad, NULL));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*newer Kwartier*");
  g_test_trap_assert_stdout ("");
}

static void
test_usage (void)
{
  g_autofree char *db = g_build_filename (dir, "usage.db", NULL);

  if (g_test_subprocess ())
    exit (run (db, kw_cli_sync_export, "export", "--bogus", NULL) == 2
          && run (db, kw_cli_sync_import, "import", NULL) == 2
          && run (db, kw_cli_sync_export, "export", "--scope", "street:x", "-o", "f", NULL) == 2
          && run (db, kw_cli_sync_sync, "sync", "--help", NULL) == 0 ? 0 : 1);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*sync [--compact] FOLDER*");
}

static void
test_export_roundtrip (void)
{
  g_autofree char *db = g_build_filename (dir, "roundtrip.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out.kwartier.jsonl.gz", NULL);
  g_autofree char *db2 = g_build_filename (dir, "roundtrip2.db", NULL);

  if (g_test_subprocess ())
    exit (run (db, kw_cli_sync_import, "import", example, NULL) == 0
          && run (db, kw_cli_sync_export, "export", "--gzip", "-o", out, NULL) == 0
          && run (db2, kw_cli_sync_import, "import", "--dry-run", out, NULL) == 0
          && run (db2, kw_cli_sync_conflicts, "conflicts", "--json", NULL) == 0 ? 0 : 1);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("added 3, updated 0, deleted 1, conflicts 0, unchanged 0\n"
                             "added 3, updated 0, deleted 1, conflicts 0, unchanged 0\n");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = g_strdup (g_getenv ("KW_SYNC_CLI_DIR"));
  if (dir == NULL)
    {
      dir = helper_tmpdir ();
      g_setenv ("KW_SYNC_CLI_DIR", dir, TRUE);
    }
  example = g_test_build_filename (G_TEST_DIST, "sync", "data", "small.kwartier.jsonl", NULL);
  g_test_add_func ("/kw/sync/cli/import", test_import);
  g_test_add_func ("/kw/sync/cli/import-refused", test_import_refused);
  g_test_add_func ("/kw/sync/cli/usage", test_usage);
  g_test_add_func ("/kw/sync/cli/export-roundtrip", test_export_roundtrip);
  status = g_test_run ();
  if (!g_test_subprocess ())
    helper_cleanup ();
  return status;
}
