/* kw-roundtrip.c: the round-trip property, for the fuzz target and the replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kw-error.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-record.h"
#include "kw-registry.h"
#include "kw-roundtrip.h"
#include "kw-store.h"
#include "kw-test-files.h"

struct _KwRoundtrip {
  char  *dir;
  char  *template_db;
  gsize  template_len;
};

static gint64
fixed_wall_cb (gpointer user_data)
{
  return KW_ROUNDTRIP_WALL_MS;
}

/* A database with its schema, made once: copying it is much faster
 * than making the schema for every input. */
KwRoundtrip *
kw_roundtrip_new (void)
{
  KwRoundtrip *self = g_new0 (KwRoundtrip, 1);
  g_autofree char *path = NULL;
  g_autoptr(KwStore) store = NULL;

  self->dir = g_dir_make_tmp ("kw-roundtrip-XXXXXX", NULL);
  g_assert_nonnull (self->dir);
  path = g_build_filename (self->dir, "template.db", NULL);
  store = kw_store_open (path, NULL);
  g_assert_nonnull (store);
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &self->template_db, &self->template_len, NULL));
  return self;
}

void
kw_roundtrip_free (KwRoundtrip *self)
{
  if (self == NULL)
    return;
  kw_test_remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->template_db);
  g_free (self);
}

static KwStore *
fresh_store (KwRoundtrip *self,
             const char  *work,
             const char  *name)
{
  g_autofree char *path = g_build_filename (work, name, NULL);
  KwStore *store;

  g_assert_true (g_file_set_contents (path, self->template_db, (gssize) self->template_len, NULL));
  store = kw_store_open (path, NULL);
  g_assert_nonnull (store);
  kw_store_set_wall_clock (store, fixed_wall_cb, NULL);
  return store;
}

static gboolean
changed_anything (const KwImportSummary *s)
{
  return s->added + s->updated + s->deleted + s->conflicts > 0;
}

/* One edit of an imported record's title, where there is one, and one
 * new record. */
static gboolean
write_locally (KwStore  *store,
               GError  **error)
{
  g_autoptr(KwChangeset) area = kw_changeset_new ("area", NULL);
  g_autofree char *id = NULL;

  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);
      const KwField *title = type->title_field ? kw_entity_type_field (type, type->title_field) : NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(KwChangeset) edit = NULL;

      if (title == NULL || title->kind != KW_FIELD_TEXT
          || (records = kw_store_list (store, type->name, NULL)) == NULL || records->len == 0)
        continue;
      edit = kw_changeset_new (type->name, NULL);
      kw_changeset_set_string (edit, title->name, "Round trip, edited here");
      if (!kw_store_update (store, kw_record_get_id (g_ptr_array_index (records, 0)), edit, error))
        return FALSE;
      break;
    }
  kw_changeset_set_string (area, "name", "Round trip");
  id = kw_store_create (store, area, error);
  return id != NULL;
}

static char *
check_in (KwRoundtrip *self,
          const char  *work,
          const char  *input)
{
  g_autoptr(KwStore) a = fresh_store (self, work, "a.db");
  g_autoptr(KwStore) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (work, "out.kwartier.jsonl", NULL);
  KwExportOptions all = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  KwImportSummary s;

  if (!kw_import_file (a, input, FALSE, &s, &error))
    return error->domain == KW_CORE_ERROR ? NULL
           : g_strdup_printf ("refused outside KW_CORE_ERROR: %s", error->message);
  if (!kw_import_file (a, input, FALSE, &s, &error))
    return g_strdup_printf ("the second import was refused: %s", error->message);
  if (changed_anything (&s))
    return g_strdup_printf ("the second import changed something: %u added, %u updated, %u deleted, %u conflicts",
                            s.added, s.updated, s.deleted, s.conflicts);
  if (!write_locally (a, &error))
    return g_strdup_printf ("a local write failed: %s", error->message);
  if (!kw_export_to_file (a, &all, out, &error))
    return g_strdup_printf ("the export failed: %s", error->message);
  if (!kw_import_file (a, out, FALSE, &s, &error))
    return g_strdup_printf ("the database refused its own export: %s", error->message);
  if (changed_anything (&s))
    return g_strdup_printf ("its own export changed the database: %u added, %u updated, %u deleted, %u conflicts",
                            s.added, s.updated, s.deleted, s.conflicts);
  b = fresh_store (self, work, "b.db");
  if (!kw_import_file (b, out, FALSE, &s, &error))
    return g_strdup_printf ("a fresh database refused the export: %s", error->message);
  return NULL;
}

char *
kw_roundtrip_check (KwRoundtrip  *self,
                    const guint8 *data,
                    gsize         size)
{
  g_autofree char *work = g_build_filename (self->dir, "w", NULL);
  g_autofree char *input = g_build_filename (work, "input.kwartier.jsonl", NULL);
  char *failure;

  g_mkdir (work, 0700);
  g_assert_true (g_file_set_contents (input, (const char *) data, (gssize) size, NULL));
  failure = check_in (self, work, input);
  kw_test_remove_tree (work);
  return failure;
}
