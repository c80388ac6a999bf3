/* kw-test-cli.h: the CLI tests' sandbox and runner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A temporary folder with a database and an environment of its own
 * (XDG folders and HOME inside it, TZ Europe/Amsterdam, no KWARTIER_DB),
 * and the real kwartier-cli ($KWARTIER_CLI) run in it with --db; a run
 * with a sanitizer report, a critical or a warning fails the test.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char  *dir;
  char  *db;
  char **env;
} KwTestSandbox;

typedef struct {
  int   status;   /* the exit status */
  char *out;
  char *err;
} KwTestResult;

KwTestSandbox *kw_test_sandbox_new  (const char     *prefix);
void           kw_test_sandbox_free (KwTestSandbox  *sandbox);
KwTestResult  *kw_test_cli_runv     (KwTestSandbox  *sandbox,
                                     const char    **args);
KwTestResult  *kw_test_cli_run      (KwTestSandbox  *sandbox,
                                     const char     *first,
                                     ...) G_GNUC_NULL_TERMINATED;
void           kw_test_result_free  (KwTestResult   *result);
/* the id a successful put printed; frees @result */
char          *kw_test_cli_put_id   (KwTestResult   *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwTestSandbox, kw_test_sandbox_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwTestResult, kw_test_result_free)

#define KW_TEST_CLI_RUN(sb, ...) kw_test_cli_runv (sb, (const char *[]) { __VA_ARGS__, NULL })

#define kw_test_assert_status(r, expected) G_STMT_START {                     \
    if ((r)->status != (expected))                                           \
      g_test_message ("stdout: %s\nstderr: %s", (r)->out, (r)->err);         \
    g_assert_cmpint ((r)->status, ==, (expected));                           \
  } G_STMT_END

G_END_DECLS
