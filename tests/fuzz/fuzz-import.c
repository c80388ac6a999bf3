/* fuzz-import.c: libFuzzer target for the import path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build: CC=clang meson setup _build-fuzz -Dfuzzing=true -Dapp=disabled \
 *          -Db_sanitize=address -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link
 * Run:   _build-fuzz/tests/sync/fuzz-import tests/fuzz/corpus -max_total_time=300
 * Each input is written to a file and imported into a fresh database in
 * a temporary folder; the import must succeed or refuse, nothing else.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>

#include "kw-error.h"
#include "kw-import.h"
#include "kw-store.h"
#include "kw-test-files.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;
static char *template_db;
static gsize template_len;

/* A database with its schema, made once: copying it is much faster
 * than making the schema for every input. */
static void
make_template (void)
{
  g_autofree char *path = g_build_filename (dir, "template.db", NULL);
  g_autoptr(KwStore) store = kw_store_open (path, NULL);

  g_assert_nonnull (store);
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &template_db, &template_len, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = NULL;
  g_autofree char *db = NULL;
  g_autofree char *work = NULL;
  g_autoptr(KwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KwImportSummary summary;

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("kw-fuzz-XXXXXX", NULL);
      make_template ();
    }
  work = g_build_filename (dir, "w", NULL);
  g_mkdir (work, 0700);
  input = g_build_filename (work, "input.kwartier.jsonl", NULL);
  db = g_build_filename (work, "fuzz.db", NULL);
  g_file_set_contents (input, (const char *) data, (gssize) size, NULL);
  g_file_set_contents (db, template_db, (gssize) template_len, NULL);
  store = kw_store_open (db, &error);
  g_assert_no_error (error);
  /* sealed inputs are refused without a passphrase: Argon2 would make
   * every run slow; the seal has its own tests */
  if (!kw_import_file (store, input, FALSE, &summary, &error))
    g_assert_true (error->domain == KW_CORE_ERROR);
  g_clear_object (&store);
  kw_test_remove_tree (work);
  return 0;
}
