/* test-sync-refusals.c: why a colleague's file in the sync folder was
 * refused, told apart for words that say what to do
 * (kw_sync_folder_refusal_kind, kw_sync_folder_dup_organiser)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each colleague is a database of its own that writes its file into the
 * folder as a pass does; then the file is spoilt the way it happens (a
 * USB stick pulled out, a newer Kwartier, a passphrase, a clock a year
 * ahead) and this device's pass reports the refusal, with the importer's
 * reason: the kind does not depend on the message's words (a message in
 * another language, or changed, tells the same).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kw-error.h"
#include "kw-export.h"
#include "kw-sync-folder.h"
#include "kw-test-files.h"
#include "kw-test-store.h"

#define T0 G_GINT64_CONSTANT (1763800000000)  /* ms, November 2025 */
#define DAY_MS G_GINT64_CONSTANT (86400000)

typedef struct {
  char       *dir;
  char       *folder;
  KwStore    *store;
  GHashTable *refusals;  /* file name → GError */
  GHashTable *reasons;   /* file name → KwImportRefusal (GINT_TO_POINTER) */
  GPtrArray  *progress;  /* "done/total" */
} Fixture;

static gint64 clock_here = T0;
static gint64 clock_ahead = T0 + 400 * DAY_MS;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kw-test-sync-refusals-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_build_filename (f->dir, "shared", NULL);
  g_assert_cmpint (g_mkdir (f->folder, 0700), ==, 0);
  path = g_build_filename (f->dir, "mine.db", NULL);
  f->store = kw_store_open (path, &error);
  g_assert_no_error (error);
  kw_store_set_wall_clock (f->store, kw_test_wall_clock, &clock_here);
  f->refusals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_error_free);
  f->reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->progress = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_hash_table_unref (f->refusals);
  g_hash_table_unref (f->reasons);
  g_ptr_array_unref (f->progress);
  kw_test_remove_tree (f->dir);
  g_free (f->folder);
  g_free (f->dir);
}

/* Helpers */

/* A colleague who adds someone and writes the full export into the
 * folder (sealed with @passphrase when not NULL); the file's path. */
static char *
colleague_writes (Fixture    *f,
                  const char *organiser,
                  gint64     *clock,
                  const char *passphrase)
{
  g_autofree char *path = g_build_filename (f->dir, organiser, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = kw_store_open (path, &error);
  g_autoptr(KwChangeset) person = kw_changeset_new ("person", NULL);
  g_autofree char *id = NULL, *name = NULL;
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, passphrase, NULL };
  char *file;

  g_assert_no_error (error);
  kw_store_set_wall_clock (store, kw_test_wall_clock, clock != NULL ? clock : &clock_here);
  g_assert_true (kw_store_set_organiser (store, organiser, NULL));
  kw_changeset_set_string (person, "name", "Noor Vermeulen");
  id = kw_store_create (store, person, &error);
  g_assert_no_error (error);
  name = kw_sync_folder_file_name (store);
  file = g_build_filename (f->folder, name, NULL);
  g_assert_true (kw_export_to_file (store, &options, file, &error));
  g_assert_no_error (error);
  return file;
}

/* Keeps the first @keep of the file's bytes, as a copy cut short. */
static void
cut_file (const char *path,
          double      keep)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) (len * keep), NULL));
}

/* The header says format 99. */
static void
make_newer (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("\"format\":1", 0, 0, NULL);
  g_autofree char *newer = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"format\":1"));
  newer = g_regex_replace_literal (regex, contents, -1, 0, "\"format\":99", 0, NULL);
  g_assert_true (g_file_set_contents (path, newer, -1, NULL));
}

static void
on_report_cb (const char             *path,
              KwSyncFileStatus        status,
              const KwImportSummary  *summary,
              const GError           *error,
              gpointer                user_data)
{
  Fixture *f = user_data;

  if (g_getenv ("KW_TEST_DEBUG"))
    g_printerr ("%s %d %s\n", path, status, error ? error->message : "");
  if (status == KW_SYNC_FILE_REFUSED)
    {
      g_assert_nonnull (summary);
      g_hash_table_insert (f->refusals, g_path_get_basename (path), g_error_copy (error));
      g_hash_table_insert (f->reasons, g_path_get_basename (path), GINT_TO_POINTER (summary->refusal));
    }
}

static void
on_progress_cb (guint    done,
                guint    total,
                gpointer user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->progress, g_strdup_printf ("%u/%u", done, total));
}

static void
run_pass (Fixture *f,
          guint    refused)
{
  g_autoptr(GError) error = NULL;
  guint n_refused = 0;

  g_assert_true (kw_sync_folder_run_with_progress (f->store, f->folder, NULL, KW_SYNC_FOLDER_DEFAULT,
                                                   on_progress_cb, on_report_cb, f, &n_refused, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_refused, ==, refused);
}

static KwSyncRefusal
refusal_of (Fixture    *f,
            const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  const GError *error = g_hash_table_lookup (f->refusals, name);

  KwImportSummary summary = { .refusal = GPOINTER_TO_INT (g_hash_table_lookup (f->reasons, name)) };
  g_autoptr(GError) garbled = NULL;
  KwSyncRefusal kind;

  g_assert_nonnull (error);
  g_assert_cmpint (summary.refusal, !=, 0);  /* the pass said why */
  kind = kw_sync_folder_refusal_kind (&summary, error);
  /* the same whatever the words say */
  garbled = g_error_new_literal (error->domain, error->code, "iets anders");
  g_assert_cmpint (kw_sync_folder_refusal_kind (&summary, garbled), ==, kind);
  /* and the old way, by the words, agrees where it can tell */
  if (kind != KW_SYNC_REFUSAL_DAMAGED)
    g_assert_cmpint (kw_sync_folder_classify_refusal (error), ==, kind);
  return kind;
}

/* Tests */

static void
test_kinds (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *cut = colleague_writes (f, "Anouk", NULL, NULL);
  g_autofree char *cut_mid_line = colleague_writes (f, "Bas", NULL, NULL);
  g_autofree char *newer = colleague_writes (f, "Chaima", NULL, NULL);
  g_autofree char *sealed = colleague_writes (f, "Daan", NULL, "correct horse battery staple");
  g_autofree char *ahead = colleague_writes (f, "Esra", &clock_ahead, NULL);
  g_autofree char *good = colleague_writes (f, "Floor", NULL, NULL);
  g_autofree char *damaged = g_build_filename (f->folder, "3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7b.kwartier.jsonl", NULL);

  cut_file (cut, 0.5);
  cut_file (cut_mid_line, 0.97);
  make_newer (newer);
  g_assert_true (g_file_set_contents (damaged, "{\"kwartier\":\"export\"}\n", -1, NULL));
  run_pass (f, 6);
  g_assert_cmpint (refusal_of (f, cut), ==, KW_SYNC_REFUSAL_INCOMPLETE);
  g_assert_cmpint (refusal_of (f, cut_mid_line), ==, KW_SYNC_REFUSAL_INCOMPLETE);
  g_assert_cmpint (refusal_of (f, newer), ==, KW_SYNC_REFUSAL_NEWER);
  g_assert_cmpint (refusal_of (f, sealed), ==, KW_SYNC_REFUSAL_SEALED);
  g_assert_cmpint (refusal_of (f, ahead), ==, KW_SYNC_REFUSAL_CLOCK);
  g_assert_cmpint (refusal_of (f, damaged), ==, KW_SYNC_REFUSAL_DAMAGED);
  /* refused again unread in the next pass, for the same reason */
  g_hash_table_remove_all (f->refusals);
  g_hash_table_remove_all (f->reasons);
  run_pass (f, 6);
  g_assert_cmpint (refusal_of (f, cut), ==, KW_SYNC_REFUSAL_INCOMPLETE);
  g_assert_cmpint (refusal_of (f, ahead), ==, KW_SYNC_REFUSAL_CLOCK);
  g_assert_cmpint (refusal_of (f, newer), ==, KW_SYNC_REFUSAL_NEWER);
  g_assert_cmpint (refusal_of (f, sealed), ==, KW_SYNC_REFUSAL_SEALED);
  g_assert_null (g_hash_table_lookup (f->refusals, good));
}

/* Who the device is, once a file of it was imported. */
static void
test_organiser (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = colleague_writes (f, "Gijs de Wit", NULL, NULL);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *device = g_strndup (name, 32);
  g_autofree char *before = kw_sync_folder_dup_organiser (f->store, device);
  g_autofree char *after = NULL;

  g_assert_null (before);
  run_pass (f, 0);
  after = kw_sync_folder_dup_organiser (f->store, device);
  g_assert_cmpstr (after, ==, "Gijs de Wit");
}

/* Before each of the other devices' files, and once at the end. */
static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *a = colleague_writes (f, "Anouk", NULL, NULL);
  g_autofree char *b = colleague_writes (f, "Bas", NULL, NULL);
  g_autofree char *c = colleague_writes (f, "Chaima", NULL, NULL);
  g_autofree char *joined = NULL;

  run_pass (f, 0);
  g_ptr_array_add (f->progress, NULL);
  joined = g_strjoinv (" ", (char **) f->progress->pdata);
  g_assert_cmpstr (joined, ==, "0/3 1/3 2/3 3/3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kw/sync-folder/refusal-kinds", test_kinds);
  ADD ("/kw/sync-folder/organiser", test_organiser);
  ADD ("/kw/sync-folder/progress", test_progress);
#undef ADD

  return g_test_run ();
}
