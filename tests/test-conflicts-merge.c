/* test-conflicts-merge.c: a merged value typed for a conflict, and the
 * count of open conflicts (kw-conflicts.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two databases, Anna's and Bram's, change the same person before they
 * sync; Anna imports Bram's export and gets the conflict. The merged
 * value is an ordinary write of Anna's: it travels back to Bram.
 */
#include "config.h"

#include <string.h>

#include "kw-conflicts.h"
#include "kw-error.h"
#include "kw-export.h"
#include "kw-hlc.h"
#include "kw-import.h"
#include "kw-test-files.h"
#include "kw-test-store.h"

#define T0 G_GINT64_CONSTANT (1763800000000)  /* ms, November 2025 */

typedef struct {
  char    *dir;
  KwStore *store;   /* Anna's */
  KwStore *bram;
  gint64   clock_anna;
  gint64   clock_bram;
} Fixture;

static KwStore *
open_store (Fixture    *f,
            const char *name,
            gint64     *clock)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  KwStore *store = kw_store_open (path, &error);

  g_assert_no_error (error);
  kw_store_set_wall_clock (store, kw_test_wall_clock, clock);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kw-test-conflicts-merge-XXXXXX", &error);
  g_assert_no_error (error);
  f->clock_anna = f->clock_bram = T0;
  f->store = open_store (f, "anna.db", &f->clock_anna);
  f->bram = open_store (f, "bram.db", &f->clock_bram);
  g_assert_true (kw_store_set_organiser (f->store, "Anna", NULL));
  g_assert_true (kw_store_set_organiser (f->bram, "Bram", NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->bram);
  kw_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Helpers */

static char *
dup_text (KwStore    *store,
          const char *id,
          const char *field)
{
  g_autoptr(KwRecord) record = kw_store_get (store, "person", id, NULL);
  GVariant *value;

  g_assert_nonnull (record);
  value = kw_record_get_value (record, field);
  return value != NULL ? g_variant_dup_string (value, NULL) : NULL;
}

static gint64
count (KwStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = kw_conflicts_count (store, &error);

  g_assert_no_error (error);
  return n;
}

/* Femke, made by Anna and synced to Bram; Bram (first) and Anna (later)
 * each set every field of @fields; Anna imports Bram's export: a
 * conflict per field. With @delete Bram deletes Femke instead of
 * editing her. The id of Femke. */
static char *
make_conflicts (Fixture            *f,
                const char * const *fields,
                gboolean            delete)
{
  g_autoptr(KwChangeset) person = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;
  char *id;

  kw_changeset_set_string (person, "name", "Femke Zonneveld");
  id = kw_store_create (f->store, person, &error);
  g_assert_no_error (error);
  kw_test_sync (f->store, f->bram, f->dir, 0);
  f->clock_bram = T0 + 60000;
  f->clock_anna = T0 + 120000;
  for (; fields[n] != NULL; n++)
    {
      g_autofree char *mine = g_strdup_printf ("Anna's %s", fields[n]);
      g_autofree char *his = g_strdup_printf ("Bram's %s", fields[n]);

      if (!delete)
        kw_test_set_string (f->bram, "person", id, fields[n], his);
      kw_test_set_string (f->store, "person", id, fields[n], mine);
    }
  if (delete)
    g_assert_true (kw_store_delete (f->bram, "person", id, NULL));
  kw_test_sync (f->bram, f->store, f->dir, n);
  return id;
}

static gint64
first_open (KwStore *store)
{
  g_autoptr(GPtrArray) list = kw_import_list_conflicts (store, FALSE, NULL);

  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, >, 0);
  return ((KwConflict *) list->pdata[0])->rowid;
}

/* Tests */

static void
test_count (Fixture       *f,
            gconstpointer  data)
{
  static const char * const fields[] = { "phone", "email", "notes", NULL };
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_cmpint (count (f->store), ==, 0);
  id = make_conflicts (f, fields, FALSE);
  g_assert_cmpint (count (f->store), ==, 3);
  g_assert_cmpint (count (f->bram), ==, 0);
  list = kw_import_list_conflicts (f->store, FALSE, NULL);
  g_assert_true (kw_conflict_keep (f->store, ((KwConflict *) list->pdata[0])->rowid, NULL));
  g_assert_cmpint (count (f->store), ==, 2);
  g_assert_true (kw_conflict_use (f->store, ((KwConflict *) list->pdata[1])->rowid, NULL));
  g_assert_cmpint (count (f->store), ==, 1);
  g_assert_true (kw_conflicts_resolve_with_value (f->store, ((KwConflict *) list->pdata[2])->rowid,
                                                  g_variant_new_string ("both"), NULL));
  g_assert_cmpint (count (f->store), ==, 0);
}

static void
test_merged_value (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const fields[] = { "notes", NULL };
  g_autofree char *id = make_conflicts (f, fields, FALSE);
  g_autofree char *here = NULL, *there = NULL;
  g_autoptr(KwRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rowid = first_open (f->store);
  KwHlc hlc;

  f->clock_anna = T0 + 180000;
  g_assert_true (kw_conflicts_resolve_with_value (f->store, rowid,
                                                  g_variant_new_string ("Anna's and Bram's notes"), &error));
  g_assert_no_error (error);
  here = dup_text (f->store, id, "notes");
  g_assert_cmpstr (here, ==, "Anna's and Bram's notes");
  /* a write of this device, now */
  record = kw_store_get (f->store, "person", id, NULL);
  g_assert_true (kw_hlc_parse (kw_record_get_stamp (record, "notes"), &hlc));
  g_assert_cmpstr (hlc.device, ==, kw_store_get_device_id (f->store));
  g_assert_cmpint (hlc.ms, ==, T0 + 180000);
  g_assert_cmpint (count (f->store), ==, 0);
  g_assert_null (kw_conflicts_lookup (f->store, rowid, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  /* it travels like any write, without a conflict on the way back */
  kw_test_sync (f->store, f->bram, f->dir, 0);
  there = dup_text (f->bram, id, "notes");
  g_assert_cmpstr (there, ==, "Anna's and Bram's notes");
  g_assert_cmpint (count (f->bram), ==, 0);
}

/* A value the field refuses: nothing written, the conflict stays open. */
static void
test_merged_value_refused (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const fields[] = { "notes", NULL };
  g_autofree char *id = make_conflicts (f, fields, FALSE);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rowid = first_open (f->store);

  g_assert_false (kw_conflicts_resolve_with_value (f->store, rowid, g_variant_new_int64 (7), &error));
  g_assert_nonnull (error);
  after = dup_text (f->store, id, "notes");
  g_assert_cmpstr (after, ==, "Anna's notes");
  g_assert_cmpint (count (f->store), ==, 1);
  g_clear_error (&error);
  g_assert_false (kw_conflicts_resolve_with_value (f->store, rowid + 1000, g_variant_new_string ("x"), &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count (f->store), ==, 1);
}

/* A record Bram deleted while Anna edited it: restore it, not merge. */
static void
test_merged_value_deleted (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const fields[] = { "notes", NULL };
  g_autofree char *id = make_conflicts (f, fields, TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (count (f->store), ==, 1);
  g_assert_false (kw_conflicts_resolve_with_value (f->store, first_open (f->store),
                                                   g_variant_new_string ("x"), &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED);
  g_assert_cmpint (count (f->store), ==, 1);
  g_assert_true (kw_conflicts_restore_record (f->store, "person", id, NULL, NULL));
  g_assert_cmpint (count (f->store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kw/conflicts/count", test_count);
  ADD ("/kw/conflicts/merged-value", test_merged_value);
  ADD ("/kw/conflicts/merged-value-refused", test_merged_value_refused);
  ADD ("/kw/conflicts/merged-value-deleted", test_merged_value_deleted);
#undef ADD

  return g_test_run ();
}
