/* test-sync-watch.c: the watched sync folder and "Sync Now"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A colleague is a second database in the same process, which writes
 * its export into the folder through the core, as kwartier-cli sync does.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kw-sync-folder.h"
#include "kw-sync-scheduler.h"
#include "kw-test-util.h"

#define TIMEOUT_MS 15000
/* escaped in the file's header: the sidebar decodes it */
#define COLLEAGUE "Şükran \"Sam\" Öztürk\\"

typedef struct {
  KwTestFixture  base;
  char          *folder;
  KwStore       *colleague;
} SyncFixture;

/* Helpers */

static void
sync_fixture_setup (SyncFixture   *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = NULL;

  kw_test_fixture_setup (&f->base, data);
  f->folder = g_build_filename (f->base.dir, "shared", NULL);
  g_assert_cmpint (g_mkdir (f->folder, 0700), ==, 0);
  path = g_build_filename (f->base.dir, "colleague", "kwartier.db", NULL);
  f->colleague = kw_store_open (path, &error);
  g_assert_no_error (error);
  kw_store_set_organiser (f->colleague, COLLEAGUE, &error);
  g_assert_no_error (error);
  g_settings_set_string (settings, "sync-folder", data == KW_TEST_EMPTY ? "" : f->folder);
}

static void
sync_fixture_teardown (SyncFixture   *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (f->base.window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->base.window));
  f->base.window = NULL;
  g_settings_set_string (settings, "sync-folder", "");
  g_clear_object (&f->colleague);
  g_free (f->folder);
  kw_test_fixture_teardown (&f->base, data);
}

typedef gboolean (*Condition) (SyncFixture *f, gconstpointer data);

/* Iterates the main loop until the condition holds, at most TIMEOUT_MS. */
static gboolean
wait_for (SyncFixture   *f,
          Condition      condition,
          gconstpointer  data)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_MS * 1000;

  while (!condition (f, data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      kw_test_iterate (end);
    }
  return TRUE;
}

static KwSyncScheduler *
get_scheduler (SyncFixture *f)
{
  return kw_window_get_sync_scheduler (f->base.window);
}

static gboolean
passes_at_least (SyncFixture   *f,
                 gconstpointer  data)
{
  KwSyncScheduler *scheduler = get_scheduler (f);

  return kw_sync_scheduler_get_n_passes (scheduler) >= GPOINTER_TO_UINT (data)
         && !kw_sync_scheduler_get_running (scheduler);
}

static gboolean
has_person (SyncFixture   *f,
            gconstpointer  data)
{
  g_autoptr(KwRecord) record = kw_store_get (f->base.store, "person", data, NULL);

  return record != NULL;
}

static char *
colleague_adds_person (SyncFixture *f,
                       const char  *name)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;
  char *id;
  guint refused = 0;

  kw_changeset_set_string (changes, "name", name);
  id = kw_store_create (f->colleague, changes, &error);
  g_assert_no_error (error);
  g_assert_true (kw_sync_folder_run (f->colleague, f->folder, NULL, NULL, NULL, &refused, &error));
  g_assert_no_error (error);
  return id;
}

/* The window with short intervals, after its first pass. */
static void
open_window (SyncFixture *f,
             guint        debounce_ms,
             guint        quiet_ms)
{
  kw_test_fixture_open (&f->base);
  kw_sync_scheduler_set_intervals (get_scheduler (f), debounce_ms, quiet_ms);
  g_assert_true (wait_for (f, passes_at_least, GUINT_TO_POINTER (1)));
}

static GtkWidget *
find_widget_with_label (GtkWidget  *widget,
                        GType       type,
                        const char *prefix)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && GTK_IS_LABEL (widget)
      && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return widget;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && GTK_IS_BUTTON (widget)
      && g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)) ?: "", prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_with_label (child, type, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Tests */

static void
test_names (void)
{
  const char *own = "709e9914b4c94cf199262527cb9e0b28";
  const char *other = "3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7b";
  g_autofree char *full = g_strconcat (other, ".kwartier.jsonl", NULL);
  g_autofree char *gz = g_strconcat (other, ".kwartier.jsonl.gz", NULL);
  g_autofree char *change = g_strconcat (other, ".00000012.kwartier.jsonl", NULL);
  g_autofree char *mine = g_strconcat (own, ".kwartier.jsonl", NULL);
  g_autofree char *temp = g_strconcat (".", other, ".kwartier.jsonl", NULL);
  g_autofree char *conflict = g_strconcat (other, ".sync-conflict-20261201.kwartier.jsonl", NULL);
  g_autofree char *short_seq = g_strconcat (other, ".12.kwartier.jsonl", NULL);

  g_assert_true (kw_sync_scheduler_is_foreign_export (full, own));
  g_assert_true (kw_sync_scheduler_is_foreign_export (gz, own));
  g_assert_true (kw_sync_scheduler_is_foreign_export (change, own));
  g_assert_false (kw_sync_scheduler_is_foreign_export (mine, own));
  g_assert_false (kw_sync_scheduler_is_foreign_export (temp, own));
  g_assert_false (kw_sync_scheduler_is_foreign_export (conflict, own));
  g_assert_false (kw_sync_scheduler_is_foreign_export (short_seq, own));
  g_assert_false (kw_sync_scheduler_is_foreign_export ("kwartier.kwartier.jsonl", own));
  g_assert_false (kw_sync_scheduler_is_foreign_export ("notes.txt", own));
}

/* A colleague's file that arrives is imported without a click. */
static void
test_file_arrives (SyncFixture   *f,
                   gconstpointer  data)
{
  g_autofree char *id = NULL;
  guint before;
  GtkWidget *label;

  open_window (f, 200, 60000);
  before = kw_sync_scheduler_get_n_passes (get_scheduler (f));
  id = colleague_adds_person (f, "Ilse Voorbeeld");
  g_assert_false (has_person (f, id));
  g_assert_true (wait_for (f, has_person, id));
  /* the pass that brought it has finished: the sidebar says what came in, and from whom */
  g_assert_true (wait_for (f, passes_at_least, GUINT_TO_POINTER (before + 1)));
  label = find_widget_with_label (GTK_WIDGET (f->base.window), GTK_TYPE_LABEL, "Synced at ");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), " — 1 change from " COLLEAGUE));
}

/* A new folder in Preferences is watched from then on, the old one no more. */
static void
test_folder_changes (SyncFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *old_folder = g_strdup (f->folder);
  g_autofree char *id = NULL;
  guint passes;

  open_window (f, 100, 60000);
  g_free (f->folder);
  f->folder = g_build_filename (f->base.dir, "other", NULL);
  g_assert_cmpint (g_mkdir (f->folder, 0700), ==, 0);
  passes = kw_sync_scheduler_get_n_passes (get_scheduler (f));
  g_settings_set_string (settings, "sync-folder", f->folder);
  g_assert_cmpstr (kw_sync_scheduler_get_folder (get_scheduler (f)), ==, f->folder);
  /* a pass meets the new folder at once */
  g_assert_true (wait_for (f, passes_at_least, GUINT_TO_POINTER (passes + 1)));
  id = colleague_adds_person (f, "Lotte Nieuwmap");
  g_assert_true (wait_for (f, has_person, id));

  /* the old folder is not watched (after the pass that brought Lotte) */
  g_assert_true (wait_for (f, passes_at_least, GUINT_TO_POINTER (passes + 2)));
  /* a fixed wait: a pass that the new folder's last events may still
   * start (debounce 100 ms) has come and gone; none is observable */
  kw_test_settle (300);
  passes = kw_sync_scheduler_get_n_passes (get_scheduler (f));
  g_assert_false (kw_sync_scheduler_get_running (get_scheduler (f)));
  g_free (f->folder);
  f->folder = g_steal_pointer (&old_folder);
  g_free (colleague_adds_person (f, "Piet Oudemap"));
  /* nothing is to happen: no pass within six debounce intervals */
  kw_test_settle (600);
  g_assert_cmpuint (kw_sync_scheduler_get_n_passes (get_scheduler (f)), ==, passes);
}

/* Our own writes, temporary files and other names start no pass. */
static void
test_ignores_own_files (SyncFixture   *f,
                        gconstpointer  data)
{
  g_autofree char *notes = g_build_filename (f->folder, "notes.txt", NULL);
  g_autofree char *temp = g_build_filename (f->folder, ".3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7b.kwartier.jsonl", NULL);
  guint passes;

  open_window (f, 100, 60000);
  /* the first pass wrote our own export: that started nothing */
  kw_test_settle (600);   /* nothing is to happen: no pass follows it */
  passes = kw_sync_scheduler_get_n_passes (get_scheduler (f));
  g_assert_true (g_file_set_contents (notes, "hello", -1, NULL));
  g_assert_true (g_file_set_contents (temp, "half a file", -1, NULL));
  /* nothing is to happen: no pass within six debounce intervals */
  kw_test_settle (600);
  g_assert_cmpuint (kw_sync_scheduler_get_n_passes (get_scheduler (f)), ==, passes);
  g_assert_false (kw_sync_scheduler_get_running (get_scheduler (f)));
}

/* A local edit is synced after a quiet spell, not on every change. */
static void
test_local_edit (SyncFixture   *f,
                 gconstpointer  data)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(KwRecord) arrived = NULL;
  guint passes, refused = 0;

  open_window (f, 100, 2000);
  passes = kw_sync_scheduler_get_n_passes (get_scheduler (f));
  kw_changeset_set_string (changes, "name", "Noor Proefpersoon");
  id = kw_store_create (f->base.store, changes, &error);
  g_assert_no_error (error);
  /* edits within the quiet spell push the pass on */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(KwChangeset) more = kw_changeset_new ("person", NULL);
      g_autofree char *notes = g_strdup_printf ("edit %u", i);

      kw_test_settle (300);   /* the clock is what is tested: an edit every 300 ms */
      kw_changeset_set_string (more, "notes", notes);
      g_assert_true (kw_store_update (f->base.store, id, more, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (kw_sync_scheduler_get_n_passes (get_scheduler (f)), ==, passes);
    }
  g_assert_true (wait_for (f, passes_at_least, GUINT_TO_POINTER (passes + 1)));
  kw_test_settle (200);   /* nothing is to happen: no second pass */
  g_assert_cmpuint (kw_sync_scheduler_get_n_passes (get_scheduler (f)), ==, passes + 1);
  /* the colleague finds the edit in the folder */
  g_assert_true (kw_sync_folder_run (f->colleague, f->folder, NULL, NULL, NULL, &refused, &error));
  g_assert_no_error (error);
  arrived = kw_store_get (f->colleague, "person", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_record_get_string (arrived, "notes"), ==, "edit 3");
}

/* An edit still waiting for its quiet spell goes out when the window closes. */
static void
test_edit_at_close (SyncFixture   *f,
                    gconstpointer  data)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(KwRecord) arrived = NULL;
  guint passes, refused = 0;

  open_window (f, 100, 60000);
  passes = kw_sync_scheduler_get_n_passes (get_scheduler (f));
  kw_changeset_set_string (changes, "name", "Sem Laatste");
  id = kw_store_create (f->base.store, changes, &error);
  g_assert_no_error (error);
  kw_test_settle (200);   /* nothing is to happen: no pass within the quiet spell */
  g_assert_cmpuint (kw_sync_scheduler_get_n_passes (get_scheduler (f)), ==, passes);
  gtk_window_close (GTK_WINDOW (f->base.window));
  f->base.window = NULL;
  kw_test_flush ();   /* the last pass ran on this thread, as the window closed */
  g_assert_true (kw_sync_folder_run (f->colleague, f->folder, NULL, NULL, NULL, &refused, &error));
  g_assert_no_error (error);
  arrived = kw_store_get (f->colleague, "person", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_record_get_string (arrived, "name"), ==, "Sem Laatste");
}

/* While the organiser edits, a colleague's file waits for the quiet spell. */
static void
test_arrival_while_editing (SyncFixture   *f,
                            gconstpointer  data)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  guint passes;

  open_window (f, 100, 2500);
  passes = kw_sync_scheduler_get_n_passes (get_scheduler (f));
  kw_changeset_set_string (changes, "name", "Mila Bezig");
  mine = kw_store_create (f->base.store, changes, &error);
  g_assert_no_error (error);
  theirs = colleague_adds_person (f, "Daan Wachtrij");
  /* nothing is to happen: the file waits for the quiet spell (2500 ms) */
  kw_test_settle (800);
  g_assert_cmpuint (kw_sync_scheduler_get_n_passes (get_scheduler (f)), ==, passes);
  g_assert_false (has_person (f, theirs));
  /* the quiet pass brings it */
  g_assert_true (wait_for (f, has_person, theirs));
}

/* Sync Now runs a pass; a request during a pass queues exactly one more. */
static void
test_sync_now (SyncFixture   *f,
               gconstpointer  data)
{
  KwSyncScheduler *scheduler;
  GtkWidget *button;
  guint passes;

  open_window (f, 100, 60000);
  scheduler = get_scheduler (f);
  button = find_widget_with_label (GTK_WIDGET (f->base.window), GTK_TYPE_BUTTON, "_Sync Now");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_null (strstr (gtk_widget_get_tooltip_text (button), "Preferences"));
  passes = kw_sync_scheduler_get_n_passes (scheduler);
  g_assert_true (gtk_widget_activate_action (button, "win.sync-now", NULL));
  g_assert_true (kw_sync_scheduler_get_running (scheduler));
  kw_sync_scheduler_request (scheduler);
  kw_sync_scheduler_request (scheduler);
  g_assert_true (wait_for (f, passes_at_least, GUINT_TO_POINTER (passes + 2)));
  kw_test_settle (300);   /* nothing is to happen: no third pass */
  g_assert_cmpuint (kw_sync_scheduler_get_n_passes (scheduler), ==, passes + 2);
  g_assert_nonnull (find_widget_with_label (GTK_WIDGET (f->base.window), GTK_TYPE_LABEL, "Synced at "));
}

/* Without a folder the button says where to set one. */
static void
test_no_folder (SyncFixture   *f,
                gconstpointer  data)
{
  GtkWidget *button;

  kw_test_fixture_open (&f->base);
  button = find_widget_with_label (GTK_WIDGET (f->base.window), GTK_TYPE_BUTTON, "_Set Up Sync");
  g_assert_nonnull (button);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "Preferences"));
  g_assert_nonnull (find_widget_with_label (GTK_WIDGET (f->base.window), GTK_TYPE_LABEL, "Sync is off"));
  kw_test_settle (300);   /* nothing is to happen: no pass without a folder */
  g_assert_cmpuint (kw_sync_scheduler_get_n_passes (get_scheduler (f)), ==, 0);
}

/* A refused colleague's file is named, with an error icon. */
static void
test_refused_file (SyncFixture   *f,
                   gconstpointer  data)
{
  const char *name = "3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7b.kwartier.jsonl";
  g_autofree char *bad = g_build_filename (f->folder, name, NULL);
  const char *expected = "The file of the colleague with device 3f2a9c0e is damaged. Ask the colleague with device 3f2a9c0e to export again.";
  GtkWidget *label;

  g_assert_true (g_file_set_contents (bad, "{\"kwartier\":\"export\"}\n", -1, NULL));
  open_window (f, 100, 60000);
  label = find_widget_with_label (GTK_WIDGET (f->base.window), GTK_TYPE_LABEL, expected);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/kw/ui/sync-watch/names", test_names);
#define ADD(path, func, data) \
  g_test_add ("/kw/ui/sync-watch/" path, SyncFixture, data, sync_fixture_setup, func, sync_fixture_teardown)
  ADD ("file-arrives", test_file_arrives, KW_TEST_DEMO);
  ADD ("ignores-own-files", test_ignores_own_files, KW_TEST_DEMO);
  ADD ("folder-changes", test_folder_changes, KW_TEST_DEMO);
  ADD ("local-edit", test_local_edit, KW_TEST_DEMO);
  ADD ("sync-now", test_sync_now, KW_TEST_DEMO);
  ADD ("arrival-while-editing", test_arrival_while_editing, KW_TEST_DEMO);
  ADD ("edit-at-close", test_edit_at_close, KW_TEST_DEMO);
  ADD ("no-folder", test_no_folder, KW_TEST_EMPTY);
  ADD ("refused-file", test_refused_file, GUINT_TO_POINTER (2));
#undef ADD

  return g_test_run ();
}
