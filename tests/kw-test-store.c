/* kw-test-store.c: a database for a core test, and records from text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kw-export.h"
#include "kw-import.h"
#include "kw-test-store.h"

KwStore *
kw_test_store_open (const char *dir,
                    const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  KwStore *store = kw_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

KwChangeset *
kw_test_changes_va (const char *type,
                    va_list     ap)
{
  g_autoptr(GError) error = NULL;
  KwChangeset *changes = kw_changeset_new (type, &error);
  const char *field;

  g_assert_no_error (error);
  while ((field = va_arg (ap, const char *)) != NULL)
    {
      const char *text = va_arg (ap, const char *);

      if (!kw_changeset_set_text (changes, field, text, &error))
        g_error ("%s.%s = %s: %s", type, field, text, error->message);
    }
  return changes;
}

char *
kw_test_put (KwStore    *store,
             const char *type,
             ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChangeset) changes = NULL;
  va_list ap;
  char *id;

  va_start (ap, type);
  changes = kw_test_changes_va (type, ap);
  va_end (ap);
  id = kw_store_create (store, changes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

void
kw_test_set (KwStore    *store,
             const char *type,
             const char *id,
             ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChangeset) changes = NULL;
  va_list ap;

  va_start (ap, id);
  changes = kw_test_changes_va (type, ap);
  va_end (ap);
  g_assert_true (kw_store_update (store, id, changes, &error));
  g_assert_no_error (error);
}

char *
kw_test_export_all (KwStore    *store,
                    const char *dir,
                    const char *name)
{
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (kw_export_to_file (store, &options, path, &error));
  g_assert_no_error (error);
  return path;
}

void
kw_test_import (KwStore    *store,
                const char *path,
                guint       conflicts)
{
  KwImportSummary summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_import_file (store, path, FALSE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.conflicts, ==, conflicts);
}

void
kw_test_sync (KwStore    *from,
              KwStore    *to,
              const char *dir,
              guint       conflicts)
{
  g_autofree char *path = kw_test_export_all (from, dir, "sync.kwartier.jsonl");

  kw_test_import (to, path, conflicts);
}

gint64
kw_test_wall_clock (gpointer data)
{
  return *(gint64 *) data;
}

void
kw_test_set_string (KwStore    *store,
                    const char *type,
                    const char *id,
                    const char *field,
                    const char *value)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (type, NULL);
  g_autoptr(GError) error = NULL;

  kw_changeset_set_string (changes, field, value);
  g_assert_true (kw_store_update (store, id, changes, &error));
  g_assert_no_error (error);
}
