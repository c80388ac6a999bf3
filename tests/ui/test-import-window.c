/* test-import-window.c: import in the window — the dry run's summary, the
 * import and its backup, a conflict resolved after, refusals in plain
 * words, a sealed file, cancelling in the middle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two databases in the fixture's folder: Anna's (the window's) and
 * Bram's, which exports what the window imports.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kw-conflicts-window.h"
#include "kw-demo.h"
#include "kw-export.h"
#include "kw-import-window.h"
#include "kw-import.h"
#include "kw-seal.h"
#include "kw-test-util.h"
#include "kw-test-store.h"

#define T0 G_GINT64_CONSTANT (1763800000000)  /* ms, November 2025 */

static gint64 clock_anna;
static gint64 clock_bram;

/* Helpers */

static KwStore *
open_bram (KwTestFixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "bram.db", NULL);
  g_autoptr(GError) error = NULL;
  KwStore *bram = kw_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (kw_store_set_organiser (bram, "Bram", NULL));
  return bram;
}

static char *
export_to (KwStore    *store,
           const char *dir,
           const char *name,
           const char *passphrase)
{
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, passphrase != NULL, passphrase };
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (kw_export_to_file (store, &options, path, &error));
  g_assert_no_error (error);
  return path;
}

/* Everything the database holds that leaves it, without the header's
 * time and the trailer's digest: equal dumps, equal content. */
static char *
dump (KwStore *store)
{
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  const char *text;

  g_assert_true (kw_export_to_stream (store, &options, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  text = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strchr (text, '\n'));
  /* the trailer's digest covers the header */
  g_assert_nonnull (strstr (text, "{\"end\":true"));
  return g_strndup (strchr (text, '\n') + 1, strstr (text, "{\"end\":true") - strchr (text, '\n') - 1);
}

static void
set_topics (KwStore    *store,
            const char *id,
            const char *value)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;

  kw_changeset_set_string (changes, "topics", value);
  g_assert_true (kw_store_update (store, id, changes, &error));
  g_assert_no_error (error);
}

/* Ahmed, made by Anna and synced to Bram; then Bram (first) and Anna
 * (later) each set his topics without seeing the other. Bram's export,
 * for Anna to import, is the result. */
static char *
make_conflicting_file (KwTestFixture  *f,
                       char          **id)
{
  g_autoptr(KwStore) bram = open_bram (f);
  g_autofree char *seed = NULL;
  g_autoptr(GError) error = NULL;

  clock_anna = clock_bram = T0;
  kw_store_set_wall_clock (f->store, kw_test_wall_clock, &clock_anna);
  kw_store_set_wall_clock (bram, kw_test_wall_clock, &clock_bram);
  g_assert_true (kw_store_set_organiser (f->store, "Anna", NULL));
  *id = kw_test_create (f->store, "person", "name", "Ahmed", NULL);
  seed = export_to (f->store, f->dir, "seed.kwartier.jsonl", NULL);
  g_assert_true (kw_import_file (bram, seed, FALSE, NULL, &error));
  g_assert_no_error (error);
  clock_bram = T0 + 60000;
  set_topics (bram, *id, "veiligheid");
  kw_test_create (bram, "person", "name", "Fenna", NULL);
  clock_anna = T0 + 120000;
  set_topics (f->store, *id, "groen");
  return export_to (bram, f->dir, "kwartier-bram-2025-11-22.kwartier.jsonl", NULL);
}

static KwImportWindow *
open_import (KwTestFixture *f,
             const char    *path)
{
  KwImportWindow *window;

  _kw_window_open_import (f->window, path);
  window = KW_IMPORT_WINDOW (kw_test_wait_toplevel (KW_TYPE_IMPORT_WINDOW, NULL));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (f->window));
  return window;
}

static void
wait_page (KwImportWindow *window,
           const char     *page)
{
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_import_window_get_page (window), page) == 0);
  kw_test_wait_transitions (GTK_WIDGET (window));
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label_prefix (GtkWidget  *widget,
                   const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child)
          && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (child)), prefix))
        return child;
      if ((found = find_label_prefix (child, prefix)) != NULL)
        return found;
    }
  return NULL;
}

/* The backups of the store's database in the folder (Bram's are there too). */
static GtkWidget *
find_numeric (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "numeric"))
        return child;
      if ((found = find_numeric (child)) != NULL)
        return found;
    }
  return NULL;
}

/* The number a summary row shows. */
static const char *
row_value (KwImportWindow *window,
           const char     *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (window), title);
  GtkWidget *label;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  label = find_numeric (row);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static guint
count_backups (KwStore    *store,
               const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *base = g_path_get_basename (kw_store_get_path (store));
  const char *name;
  guint n = 0;

  *strrchr (base, '.') = '\0';
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    n += g_str_has_prefix (name, base);
  return n;
}

static void
close_window (KwImportWindow *window)
{
  g_autoptr(GtkWidget) ref = g_object_ref (GTK_WIDGET (window));

  gtk_window_close (GTK_WINDOW (window));
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_visible (ref));
}

/* Tests */

static void
test_conflict (KwTestFixture *f,
               gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = make_conflicting_file (f, &id);
  g_autofree char *backup_name = NULL;
  KwImportWindow *window;
  GtkWindow *conflicts;
  GtkWidget *use;
  const KwImportSummary *summary;
  g_autoptr(KwRecord) record = NULL;

  kw_test_fixture_open (f);
  window = open_import (f, path);
  wait_page (window, "summary");
  summary = kw_import_window_get_summary (window);
  g_assert_cmpuint (summary->conflicts, ==, 1);
  g_assert_cmpuint (summary->added, ==, 1);
  g_assert_cmpstr (summary->organiser, ==, "Bram");
  /* in words and rows: from whom and when, and each number */
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (window), "From Bram, exported "));
  g_assert_cmpstr (row_value (window, "Conflicts"), ==, "1");
  g_assert_cmpstr (row_value (window, "New"), ==, "1");
  g_assert_cmpstr (row_value (window, "Clock warnings"), ==, "0");
  /* from the keyboard: Enter imports */
  g_assert_true (GTK_IS_BUTTON (gtk_window_get_focus (GTK_WINDOW (window))));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_window_get_focus (GTK_WINDOW (window)))),
                   ==, "import.apply");
  g_assert_cmpuint (kw_store_count (f->store, "person"), ==, 1);  /* a dry run: nothing yet */

  gtk_widget_activate_action (GTK_WIDGET (window), "import.apply", NULL);
  wait_page (window, "done");
  kw_test_wait_not_busy (f->window);
  g_assert_cmpuint (kw_store_count (f->store, "person"), ==, 2);
  g_assert_nonnull (kw_import_window_get_backup_path (window));
  g_assert_true (g_file_test (kw_import_window_get_backup_path (window), G_FILE_TEST_IS_REGULAR));
  backup_name = g_path_get_basename (kw_import_window_get_backup_path (window));
  g_assert_nonnull (strstr (kw_import_window_get_status_description (window), backup_name));
  g_assert_nonnull (strstr (kw_import_window_get_status_description (window), "Kwartier made a backup first"));

  /* Enter shows the conflicts */
  g_assert_true (GTK_IS_BUTTON (gtk_window_get_focus (GTK_WINDOW (window))));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_window_get_focus (GTK_WINDOW (window)))),
                   ==, "import.show-conflicts");

  /* the colleague's value, picked in the conflicts window */
  gtk_widget_activate_action (GTK_WIDGET (window), "import.show-conflicts", NULL);
  conflicts = kw_test_wait_toplevel (KW_TYPE_CONFLICTS_WINDOW, NULL);
  kw_test_wait_mapped (GTK_WIDGET (conflicts));
  use = kw_test_find_named (GTK_WIDGET (conflicts), "use-value");
  g_assert_nonnull (use);
  g_object_ref (use);
  g_assert_true (gtk_widget_activate (use));
  KW_TEST_WAIT_UNTIL (gtk_widget_get_root (use) == NULL);
  g_object_unref (use);
  record = kw_store_get (f->store, "person", id, NULL);
  g_assert_nonnull (record);
  g_assert_cmpstr (kw_record_get_string (record, "topics"), ==, "veiligheid");
  gtk_window_destroy (conflicts);
}

static void
test_truncated (KwTestFixture *f,
                gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = make_conflicting_file (f, &id);
  g_autofree char *text = NULL;
  g_autofree char *before = dump (f->store);
  g_autofree char *after = NULL;
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  KwImportWindow *window;
  gsize len;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  g_assert_true (g_file_set_contents (path, text, len - 40, NULL));  /* the trailer cut */
  kw_test_fixture_open (f);
  window = open_import (f, path);
  wait_page (window, "refused");
  g_assert_cmpstr (kw_import_window_get_status_title (window), ==,
                   "This file is not complete — was the USB stick pulled out too early?");
  g_assert_nonnull (strstr (kw_import_window_get_status_description (window), "Nothing was changed."));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_window_get_focus (GTK_WINDOW (window)))),
                   ==, "window.close");
  kw_test_wait_not_busy (f->window);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_backups (f->store, backups), ==, 0);
  close_window (window);
}

static void
test_refusals (KwTestFixture *f,
               gconstpointer  data)
{
  g_autofree char *own = export_to (f->store, f->dir, "own.kwartier.jsonl", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "notes.jsonl", NULL);
  KwImportWindow *window;

  kw_test_fixture_open (f);
  window = open_import (f, own);
  wait_page (window, "refused");
  g_assert_cmpstr (kw_import_window_get_status_title (window), ==, "This file comes from this laptop");
  close_window (window);
  kw_test_wait_not_busy (f->window);

  g_assert_true (g_file_set_contents (csv, "{\"hello\":1}\n", -1, NULL));
  window = open_import (f, csv);
  wait_page (window, "refused");
  g_assert_cmpstr (kw_import_window_get_status_title (window), ==, "This is not a Kwartier export");
  close_window (window);
}

static void
test_sealed (KwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(KwStore) bram = NULL;
  g_autofree char *path = NULL;
  GtkWidget *error_label;
  KwImportWindow *window;

  if (!kw_seal_is_available ())
    {
      g_test_skip ("built without libsodium");
      return;
    }
  bram = open_bram (f);
  kw_test_create (bram, "person", "name", "Fenna", NULL);
  path = export_to (bram, f->dir, "sealed.kwartier.jsonl", "zeven gele fietsen");
  kw_test_fixture_open (f);
  window = open_import (f, path);
  wait_page (window, "passphrase");
  error_label = find_label (GTK_WIDGET (window), "That passphrase does not open this file. Check it with your colleague: capitals and spaces count.");
  g_assert_nonnull (error_label);
  g_assert_false (gtk_widget_get_visible (error_label));

  gtk_editable_set_text (GTK_EDITABLE (kw_test_find_named (GTK_WIDGET (window), "AdwPasswordEntryRow")), "zeven groene fietsen");
  gtk_widget_activate_action (GTK_WIDGET (window), "import.unlock", NULL);
  g_assert_cmpstr (kw_import_window_get_page (window), ==, "reading");
  wait_page (window, "passphrase");
  g_assert_true (gtk_widget_get_visible (error_label));

  gtk_editable_set_text (GTK_EDITABLE (kw_test_find_named (GTK_WIDGET (window), "AdwPasswordEntryRow")), "zeven gele fietsen");
  gtk_widget_activate_action (GTK_WIDGET (window), "import.unlock", NULL);
  wait_page (window, "summary");
  g_assert_cmpuint (kw_import_window_get_summary (window)->added, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "import.apply", NULL);
  wait_page (window, "done");
  g_assert_cmpuint (kw_store_count (f->store, "person"), ==, 1);
  close_window (window);
}

static void
test_cancel (KwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(KwStore) bram = open_bram (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  KwImportWindow *window;

  g_assert_true (kw_demo_generate (bram, 600, 3, &error));
  g_assert_no_error (error);
  path = export_to (bram, f->dir, "big.kwartier.jsonl", NULL);
  kw_test_create (f->store, "person", "name", "Ahmed", NULL);
  before = dump (f->store);
  kw_test_fixture_open (f);
  window = open_import (f, path);
  kw_import_window_hold_progress (window, TRUE);
  wait_page (window, "summary");
  g_assert_cmpuint (kw_import_window_get_summary (window)->records, >, 2000);

  gtk_widget_activate_action (GTK_WIDGET (window), "import.apply", NULL);
  g_assert_cmpstr (kw_import_window_get_page (window), ==, "importing");
  /* held in the middle, until cancelled */
  KW_TEST_WAIT_UNTIL (kw_import_window_get_fraction (window) > 0);
  g_assert_cmpfloat (kw_import_window_get_fraction (window), <, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "import.cancel", NULL);
  wait_page (window, "done");
  g_assert_cmpstr (kw_import_window_get_status_title (window), ==, "Import Cancelled");
  g_assert_null (kw_import_window_get_backup_path (window));
  kw_test_wait_not_busy (f->window);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
  close_window (window);
}

/* What GTK does when a file is dropped on the window: its drop target's
 * ::drop with the file list. */
static gboolean
drop_file (KwTestFixture *f,
           const char    *path)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  return accepted;
}

static void
test_drop (KwTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(KwStore) bram = open_bram (f);
  g_autofree char *path = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  KwImportWindow *window;

  kw_test_create (bram, "person", "name", "Fenna", NULL);
  path = export_to (bram, f->dir, "bram.kwartier.jsonl", NULL);
  kw_test_fixture_open (f);
  g_assert_true (g_file_set_contents (text, "hallo\n", -1, NULL));
  g_assert_false (drop_file (f, text));
  kw_test_wait_toast_shown (GTK_WIDGET (f->window),
                            "Kwartier imports the exports of fellow organisers (.kwartier.jsonl) and, in Contacts, lists of people (.csv)");

  g_assert_true (drop_file (f, path));
  window = KW_IMPORT_WINDOW (kw_test_wait_toplevel (KW_TYPE_IMPORT_WINDOW, NULL));
  wait_page (window, "summary");
  g_assert_cmpuint (kw_import_window_get_summary (window)->added, ==, 1);
  g_assert_cmpuint (kw_store_count (f->store, "person"), ==, 0);
  close_window (window);
  kw_test_wait_not_busy (f->window);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/kw/ui/import-window/" name, KwTestFixture, KW_TEST_EMPTY, \
              kw_test_fixture_setup, func, kw_test_fixture_teardown)
  ADD ("conflict", test_conflict);
  ADD ("truncated", test_truncated);
  ADD ("refusals", test_refusals);
  ADD ("sealed", test_sealed);
  ADD ("cancel", test_cancel);
  ADD ("drop", test_drop);
#undef ADD
  return g_test_run ();
}
