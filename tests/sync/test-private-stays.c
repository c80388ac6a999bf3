/* test-private-stays.c: no older file teaches a device a private person (issue 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge rule of spec/export-format.md: while a person is private on a
 * device (after the line's own consent is merged), no import changes any
 * field of that person except consent, nor adds or changes anything that
 * belongs to them, whatever older file it comes from. Checked on the
 * device where the person chose private, on a device that only ever held
 * the stub, by a USB import (kw_import_file) and through a sync pass; the
 * database files (with their WAL and backups) and the next export are
 * searched byte by byte for what the older file carried.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kw-sync-folder.h"
#include "sync-helpers.h"

#define T0 G_GINT64_CONSTANT (1795000000000)  /* Nov 2026, in ms */

/* What only the older file carries. */
static const char * const learned[] = {
  "Kwekkeboom", "555 0177", "Penningmeester", NULL
};

static gboolean
bytes_contain (const char *bytes,
               gsize       len,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (bytes[i] == needle[0] && memcmp (bytes + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Every file under @dir (the database, its WAL, journal and backups). */
static void
assert_files_clean (const char *dir,
                    const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint files = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *bytes = NULL;
      gsize len = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_files_clean (path, NULL);
          continue;
        }
      if (prefix != NULL && !g_str_has_prefix (name, prefix))
        continue;
      if (!g_file_get_contents (path, &bytes, &len, NULL))
        continue;
      files++;
      for (guint i = 0; learned[i]; i++)
        if (bytes_contain (bytes, len, learned[i]))
          g_error ("%s carries “%s”", path, learned[i]);
    }
  g_assert_true (prefix == NULL || files > 0);
}

static void
assert_learned_nothing (Replica    *r,
                        const char *dbdir,
                        const char *filedir,
                        const char *person,
                        const char *affiliation)
{
  g_autofree char *dump = dump_database (r->path);
  g_autofree char *text = export_text (r->store, filedir, NULL);
  g_autofree char *prefix = g_path_get_basename (r->path);
  g_autoptr(GPtrArray) conflicts = kw_import_list_conflicts (r->store, TRUE, NULL);
  g_autoptr(KwRecord) held = kw_store_lookup (r->store, "person", person, NULL);

  g_assert_true (kw_store_is_private (r->store, "person", person));
  g_assert_null (kw_store_lookup (r->store, "affiliation", affiliation, NULL));
  g_assert_null (strstr (text, affiliation));
  g_assert_cmpuint (conflicts->len, ==, 0);
  if (held != NULL)
    g_assert_null (kw_record_get_value (held, "phone"));
  for (guint i = 0; learned[i]; i++)
    {
      g_assert_null (strstr (dump, learned[i]));
      g_assert_null (strstr (text, learned[i]));
    }
  assert_files_clean (dbdir, prefix);
}

typedef struct {
  char *dbdir, *filedir;
  Replica *a, *b;
  char *person, *org, *affiliation;
  char *f0, *stub, *old;  /* exports: before, a's stub, b's older one */
} World;

/* a holds Anna shared; b takes her in, renames her, adds her phone and an
 * affiliation, later by the clock than a's choice, but without having seen
 * it; a meanwhile makes her private. */
static void
world_init (World *w)
{
  w->dbdir = helper_tmpdir ();
  w->filedir = helper_tmpdir ();
  w->a = replica_new (w->dbdir, 0, T0);
  w->b = replica_new (w->dbdir, 1, T0);
  w->person = helper_put (w->a->store, "person", "name", "Anna Voorbeeld", "consent", "shared", NULL);
  w->org = helper_put (w->a->store, "organisation", "name", "Stichting Dijkhuis", NULL);
  w->f0 = export_file (w->a->store, w->filedir, NULL);
  import_ok (w->b->store, w->f0);

  w->a->wall_ms += 60000;
  helper_update (w->a->store, "person", w->person, "consent", "private");
  w->stub = export_file (w->a->store, w->filedir, NULL);

  w->b->wall_ms += 600000;  /* later than a's choice by the clock */
  helper_update (w->b->store, "person", w->person, "name", "Annabel Kwekkeboom");
  helper_update (w->b->store, "person", w->person, "phone", "020 555 0177");
  w->affiliation = helper_put (w->b->store, "affiliation", "person", w->person, "organisation", w->org,
                        "role", "Penningmeester", NULL);
  w->old = export_file (w->b->store, w->filedir, NULL);
  {
    g_autofree char *text = NULL;

    /* the older file does carry it all */
    g_assert_true (g_file_get_contents (w->old, &text, NULL, NULL));
    for (guint i = 0; learned[i]; i++)
      g_assert_nonnull (strstr (text, learned[i]));
    g_assert_nonnull (strstr (text, w->affiliation));
  }
}

static void
world_clear (World *w)
{
  g_clear_pointer (&w->a, replica_free);
  g_clear_pointer (&w->b, replica_free);
  g_free (w->person);
  g_free (w->org);
  g_free (w->affiliation);
  g_free (w->f0);
  g_free (w->stub);
  g_free (w->old);
  g_free (w->dbdir);
  g_free (w->filedir);
}

/* The device where the person chose private: nothing of the older file. */
static void
test_holder (void)
{
  World w = { 0 };
  g_autoptr(KwRecord) anna = NULL;
  g_autofree char *stub = NULL, *ta = NULL, *tb = NULL, *after = NULL, *again = NULL;
  KwImportSummary s;

  world_init (&w);
  s = import_ok (w.a->store, w.old);
  g_assert_cmpuint (s.conflicts, ==, 0);
  anna = kw_store_get (w.a->store, "person", w.person, NULL);
  g_assert_nonnull (anna);
  g_assert_cmpstr (kw_record_get_string (anna, "name"), ==, "Anna Voorbeeld");
  assert_learned_nothing (w.a, w.dbdir, w.filedir, w.person, w.affiliation);
  /* the organisation, which belongs to nobody, still arrives */
  g_assert_nonnull (kw_store_get (w.a->store, "organisation", w.org, NULL));
  /* b takes a's stub: b's copy turns private, and the exports converge */
  stub = export_file (w.a->store, w.filedir, NULL);
  import_ok (w.b->store, stub);
  g_assert_true (kw_store_is_private (w.b->store, "person", w.person));
  ta = export_text (w.a->store, w.filedir, NULL);
  tb = export_text (w.b->store, w.filedir, NULL);
  after = record_lines (ta);
  again = record_lines (tb);
  g_assert_cmpstr (after, ==, again);
  world_clear (&w);
}

/* A device that never held the person: the stub first, then every older
 * file (b's, and the one from before the choice) teaches it nothing. */
static void
test_stub_only (void)
{
  World w = { 0 };
  g_autoptr(Replica) c = NULL;
  KwImportSummary s;

  world_init (&w);
  c = replica_new (w.dbdir, 2, T0 + 3600000);
  import_ok (c->store, w.stub);
  s = import_ok (c->store, w.old);
  g_assert_cmpuint (s.conflicts, ==, 0);
  import_ok (c->store, w.f0);
  g_assert_null (kw_store_get (c->store, "person", w.person, NULL));
  assert_learned_nothing (c, w.dbdir, w.filedir, w.person, w.affiliation);
  {
    g_autofree char *dump = dump_database (c->path);
    g_autofree char *text = export_text (c->store, w.filedir, NULL);

    g_assert_null (strstr (dump, "Voorbeeld"));
    g_assert_null (strstr (text, "Voorbeeld"));
  }
  world_clear (&w);
}

static void
copy_into (const char *from,
           const char *folder,
           const char *device)
{
  g_autofree char *name = g_strconcat (device, ".kwartier.jsonl", NULL);
  g_autofree char *to = g_build_filename (folder, name, NULL);
  g_autofree char *text = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &text, &len, NULL));
  g_assert_true (g_file_set_contents (to, text, (gssize) len, NULL));
}

static void
run_pass (Replica    *r,
          const char *folder)
{
  g_autoptr(GError) error = NULL;
  guint refused = 0;

  g_assert_true (kw_sync_folder_run (r->store, folder, NULL, NULL, NULL, &refused, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (refused, ==, 0);
}

/* Through a sync pass: b's older export lies in the folder under b's
 * name (b was away); neither a nor a device that joins later learns. */
static void
test_sync_pass (void)
{
  World w = { 0 };
  g_autoptr(Replica) d = NULL;
  g_autofree char *folder = NULL;

  world_init (&w);
  folder = g_build_filename (w.filedir, "folder", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* d joins: a's stub is what the folder holds first */
  d = replica_new (w.dbdir, 3, T0 + 3600000);
  run_pass (w.a, folder);
  run_pass (d, folder);
  g_assert_true (kw_store_is_private (d->store, "person", w.person));
  /* then b's older file arrives */
  copy_into (w.old, folder, kw_store_get_device_id (w.b->store));
  run_pass (w.a, folder);
  run_pass (d, folder);
  run_pass (w.a, folder);
  assert_learned_nothing (w.a, w.dbdir, w.filedir, w.person, w.affiliation);
  assert_learned_nothing (d, w.dbdir, w.filedir, w.person, w.affiliation);
  g_assert_null (kw_store_get (d->store, "person", w.person, NULL));
  {
    g_autofree char *own = kw_sync_folder_file_name (w.a->store);
    g_autofree char *path = g_build_filename (folder, own, NULL);
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    for (guint i = 0; learned[i]; i++)
      g_assert_null (strstr (text, learned[i]));
  }
  world_clear (&w);
}

int
main (int    argc,
      char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/private-stays/holder", test_holder);
  g_test_add_func ("/kw/private-stays/stub-only", test_stub_only);
  g_test_add_func ("/kw/private-stays/sync-pass", test_sync_pass);
  rc = g_test_run ();
  helper_cleanup ();
  return rc;
}
