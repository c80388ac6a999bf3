/* test-export-window.c: the export window — scope, summary, passphrase, writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo with an invented private person (with private notes) who owns
 * an action line of an alliance, so that the alliance's export holds
 * their stub. The window's summary is compared with kw_export_preview and
 * with the file the real kwartier-cli writes for `export --scope
 * alliance:ID`; the sealed file the window writes is read back with
 * kw_import_file_full (dry run) with the passphrase and refused with
 * another; the private person's name and notes are in no byte of either
 * file. The strength hint and the Export… button follow the passphrase.
 */
#include "config.h"

#include <string.h>

#include "kw-export-window.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-record-page.h"
#include "kw-seal.h"
#include "kw-test-util.h"

#define PRIVATE_NAME "Wendelien Oosterkamp"
#define PRIVATE_NOTE "QX-geheim-7731"
#define PASSPHRASE   "lange zomeravond bij de Sloterplas"

typedef struct {
  KwTestFixture  base;
  char          *alliance;
  char          *network;
} Fixture;

/* Helpers */

static char *
dup_first (KwStore    *store,
           const char *type)
{
  g_autoptr(GPtrArray) all = kw_store_list (store, type, NULL);

  g_assert_nonnull (all);
  g_assert_cmpuint (all->len, >, 0);
  return g_strdup (kw_record_get_id (g_ptr_array_index (all, 0)));
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *person = NULL;

  kw_test_fixture_setup (&fx->base, KW_TEST_DEMO);
  fx->alliance = dup_first (fx->base.store, "alliance");
  fx->network = dup_first (fx->base.store, "network");
  person = kw_test_create (fx->base.store, "person", "name", PRIVATE_NAME, "consent", "private",
                           "private_notes", PRIVATE_NOTE " zorgt voor haar moeder", NULL);
  g_free (kw_test_create (fx->base.store, "action_line", "alliance", fx->alliance,
                          "title", "Buurtkamer open", "owner", person, NULL));
  kw_test_fixture_open (&fx->base);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  kw_test_fixture_teardown (&fx->base, data);
  g_free (fx->alliance);
  g_free (fx->network);
}

static gpointer
child (KwExportWindow *window,
       const char     *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), KW_TYPE_EXPORT_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static KwExportWindow *
open_export_window (Fixture *fx)
{
  gtk_widget_activate_action (GTK_WIDGET (fx->base.window), "win.export", NULL);
  return KW_EXPORT_WINDOW (kw_test_wait_toplevel (KW_TYPE_EXPORT_WINDOW, NULL));
}

static void
assert_no_private_bytes (const char *path)
{
  g_autofree char *text = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  g_assert_null (g_strstr_len (text, len, "Wendelien"));
  g_assert_null (g_strstr_len (text, len, PRIVATE_NOTE));
  g_assert_null (g_strstr_len (text, len, "private_notes"));
}

/* The lines of the file kwartier-cli writes for the scope (without the
 * header and the trailer). */
static guint64
count_cli_records (Fixture    *fx,
                   const char *scope,
                   const char *path)
{
  const char *cli = g_getenv ("KWARTIER_CLI");
  const char *argv[] = { cli, "--db", kw_store_get_path (fx->base.store), "export", "--scope", scope,
                         "-o", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status = -1;
  guint64 lines = 0;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  for (const char *p = text; (p = strchr (p, '\n')) != NULL; p++)
    lines++;
  return lines - 2;
}

static void
set_text (KwExportWindow *window,
          const char     *name,
          const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (window, name)), text);
}

static gboolean
export_enabled (KwExportWindow *window)
{
  return gtk_widget_is_sensitive (child (window, "export_button"));
}

/* Tests */

static void
test_alliance_sealed (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KwExportWindow *window = open_export_window (fx);
  KwExportOptions options = { KW_EXPORT_SCOPE_ALLIANCE, fx->alliance, FALSE, NULL, NULL };
  g_autofree char *scope = g_strconcat ("alliance:", fx->alliance, NULL);
  g_autofree char *cli_path = g_build_filename (fx->base.dir, "cli.kwartier.jsonl", NULL);
  g_autofree char *path = g_build_filename (fx->base.dir, "sealed.kwartier.jsonl", NULL);
  g_autofree char *name = NULL;
  g_autofree char *people = NULL;
  g_autoptr(KwTestSignal) exported = kw_test_signal_new (window, "exported");
  g_autoptr(KwStore) other = NULL;
  g_autofree char *other_path = g_build_filename (fx->base.dir, "other.db", NULL);
  g_autoptr(GtkWindow) gone = NULL;
  KwImportSummary summary = { 0 };
  GtkWidget *chooser;
  KwExportPreview expected;
  const KwExportPreview *shown;

  /* Everything first, then the alliance through the combo row and the chooser */
  KW_TEST_WAIT_UNTIL (kw_export_window_get_preview (window) != NULL);
  g_assert_cmpint (kw_export_window_get_preview (window)->people, >, 50);
  adw_combo_row_set_selected (child (window, "scope_row"), KW_EXPORT_SCOPE_ALLIANCE);
  g_assert_null (kw_export_window_get_preview (window));
  g_assert_true (gtk_widget_get_visible (child (window, "record_row")));
  g_assert_false (export_enabled (window));
  g_assert_cmpstr (adw_preferences_row_get_title (child (window, "people_row")), ==,
                   "Choose one above to see what leaves");
  chooser = GTK_WIDGET (gtk_menu_button_get_popover (child (window, "record_button")));
  g_assert_nonnull (chooser);
  g_signal_emit_by_name (chooser, "chosen", "alliance", fx->alliance);
  KW_TEST_WAIT_UNTIL ((shown = kw_export_window_get_preview (window)) != NULL);

  /* the summary is the core's preview, and the CLI's file */
  g_assert_true (kw_export_preview (fx->base.store, &options, &expected, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (shown->records, ==, expected.records);
  g_assert_cmpuint (shown->people, ==, expected.people);
  g_assert_cmpuint (shown->private_people, ==, expected.private_people);
  g_assert_cmpuint (shown->private_people, >=, 1);
  g_assert_cmpuint (shown->types->len, ==, expected.types->len);
  g_assert_cmpuint (count_cli_records (fx, scope, cli_path), ==, shown->records);
  assert_no_private_bytes (cli_path);
  people = g_strdup_printf ("%" G_GUINT64_FORMAT " people", shown->people);
  g_assert_cmpstr (adw_preferences_row_get_title (child (window, "people_row")), ==, people);
  g_assert_true (gtk_widget_get_visible (child (window, "private_row")));
  g_assert_cmpstr (adw_preferences_row_get_title (child (window, "local_row")), ==,
                   "Private notes never leave this laptop");
  g_assert_true (export_enabled (window));

  /* sealing: too short refuses, two different ones refuse, a good one goes */
  gtk_switch_set_active (child (window, "seal_switch"), TRUE);
  g_assert_true (gtk_widget_get_visible (child (window, "passphrase_row")));
  g_assert_false (export_enabled (window));
  set_text (window, "passphrase_row", "abc");
  set_text (window, "repeat_row", "abc");
  g_assert_cmpstr (gtk_label_get_label (child (window, "strength_label")), ==, "Too short");
  g_assert_cmpstr (adw_action_row_get_subtitle (child (window, "strength_row")), ==, "Use at least 8 characters");
  g_assert_true (gtk_widget_has_css_class (child (window, "passphrase_row"), "error"));
  g_assert_false (export_enabled (window));
  set_text (window, "passphrase_row", "welkom2024!");
  g_assert_cmpstr (gtk_label_get_label (child (window, "strength_label")), ==, "Weak");
  set_text (window, "passphrase_row", PASSPHRASE);
  g_assert_cmpstr (gtk_label_get_label (child (window, "strength_label")), ==, "Strong");
  g_assert_cmpstr (adw_action_row_get_subtitle (child (window, "strength_row")), ==, "The two passphrases differ");
  g_assert_false (export_enabled (window));
  set_text (window, "repeat_row", PASSPHRASE);
  g_assert_true (export_enabled (window));
  name = kw_export_window_dup_file_name (window);
  g_assert_true (g_str_has_suffix (name, ".sealed.kwartier.jsonl"));

  /* written in a thread; the main window names the file */
  gone = g_object_ref (GTK_WINDOW (window));
  kw_export_window_write (window, path);
  kw_test_signal_wait (exported, 1);
  kw_test_wait_toast_shown (GTK_WIDGET (fx->base.window),
                            "Exported and sealed to “sealed.kwartier.jsonl”. Tell the passphrase another way than the file.");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gone)));
  assert_no_private_bytes (path);
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, KW_SEAL_MAGIC));
  }

  /* read back in another database: the passphrase opens it, another does not */
  other = kw_store_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_false (kw_import_file_full (other, path, "lange zomeravond bij het IJ", TRUE, &summary, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (kw_import_file_full (other, path, NULL, TRUE, &summary, &error));
  g_clear_error (&error);
  g_assert_true (kw_import_file_full (other, path, PASSPHRASE, TRUE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.records, ==, expected.records);
  g_assert_cmpuint (summary.added, >=, expected.people);
  g_assert_true (kw_store_is_empty (other));  /* a dry run */
  kw_export_preview_clear (&expected);
}

static void
test_preselected_gzip (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->base.dir, "network.kwartier.jsonl.gz", NULL);
  g_autoptr(KwRecord) network = kw_store_get (fx->base.store, "network", fx->network, NULL);
  g_autofree char *title = kw_record_dup_title (network);
  g_autofree char *name = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(KwTestSignal) exported = NULL;
  g_autoptr(GError) error = NULL;
  KwImportSummary summary = { 0 };
  KwExportWindow *window;
  gsize len;

  gtk_widget_activate_action (GTK_WIDGET (fx->base.window), "win.export-scope", "(ss)", "network", fx->network);
  window = KW_EXPORT_WINDOW (kw_test_wait_toplevel (KW_TYPE_EXPORT_WINDOW, NULL));
  g_assert_cmpuint (adw_combo_row_get_selected (child (window, "scope_row")), ==, KW_EXPORT_SCOPE_NETWORK);
  g_assert_cmpstr (adw_action_row_get_subtitle (child (window, "record_row")), ==, title);
  KW_TEST_WAIT_UNTIL (kw_export_window_get_preview (window) != NULL);
  gtk_switch_set_active (child (window, "gzip_switch"), TRUE);
  name = kw_export_window_dup_file_name (window);
  g_assert_true (g_str_has_suffix (name, ".kwartier.jsonl.gz"));
  /* a name with .gz is compressed whatever the switch says */
  gtk_switch_set_active (child (window, "gzip_switch"), FALSE);
  exported = kw_test_signal_new (window, "exported");
  kw_export_window_write (window, path);
  kw_test_signal_wait (exported, 1);
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 2);
  g_assert_cmpint ((guchar) bytes[0], ==, 0x1f);
  g_assert_cmpint ((guchar) bytes[1], ==, 0x8b);
  g_assert_true (kw_import_file_full (fx->base.store, path, NULL, TRUE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.records, >, 0);
}

/* A plain export of the alliance, written by the window: as many record
 * lines as the summary said, and the private person's name and notes in
 * none of its bytes (their stub is there: the id alone). */
static void
test_alliance_plain (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->base.dir, "plain.kwartier.jsonl", NULL);
  g_autoptr(KwTestSignal) exported = NULL;
  g_autofree char *text = NULL;
  KwExportWindow *window;
  guint64 records, lines = 0;

  gtk_widget_activate_action (GTK_WIDGET (fx->base.window), "win.export-scope", "(ss)", "alliance", fx->alliance);
  window = KW_EXPORT_WINDOW (kw_test_wait_toplevel (KW_TYPE_EXPORT_WINDOW, NULL));
  KW_TEST_WAIT_UNTIL (kw_export_window_get_preview (window) != NULL);
  records = kw_export_window_get_preview (window)->records;
  g_assert_cmpuint (kw_export_window_get_preview (window)->private_people, >=, 1);
  exported = kw_test_signal_new (window, "exported");
  kw_export_window_write (window, path);
  kw_test_signal_wait (exported, 1);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *p = text; (p = strchr (p, '\n')) != NULL; p++)
    lines++;
  g_assert_cmpuint (lines, ==, records + 2);
  g_assert_nonnull (strstr (text, "\"consent\":[\"private\""));
  assert_no_private_bytes (path);
}

/* Escape (export.cancel) closes the window; nothing is written. */
static void
test_cancel_closes (Fixture       *fx,
                    gconstpointer  data)
{
  KwExportWindow *window = open_export_window (fx);
  g_autoptr(GtkWindow) gone = g_object_ref (GTK_WINDOW (window));

  KW_TEST_WAIT_UNTIL (kw_export_window_get_preview (window) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "export.cancel", NULL);
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (gone)));
}

/* A scope chosen while everything is still being counted: that count
 * (its callback can only come after this) is not shown for it. */
static void
test_scope_while_counting (Fixture       *fx,
                           gconstpointer  data)
{
  KwExportWindow *window = kw_export_window_new (GTK_WINDOW (fx->base.window), fx->base.store,
                                                 "test.kwartier.jsonl");
  g_autoptr(GtkWindow) gone = g_object_ref (GTK_WINDOW (window));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_spinner_get_spinning (child (window, "counting_spinner")));
  adw_combo_row_set_selected (child (window, "scope_row"), KW_EXPORT_SCOPE_MEETING);
  g_assert_false (gtk_spinner_get_spinning (child (window, "counting_spinner")));
  g_assert_true (kw_export_window_get_busy (window));
  KW_TEST_WAIT_UNTIL (!kw_export_window_get_busy (window));
  g_assert_null (kw_export_window_get_preview (window));
  g_assert_cmpstr (adw_preferences_row_get_title (child (window, "people_row")), ==,
                   "Choose one above to see what leaves");
  g_assert_false (export_enabled (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The mapped button with this label under root, on the page of that
 * record. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label,
             const char *id)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0
      && gtk_widget_get_mapped (root))
    {
      GtkWidget *page = gtk_widget_get_ancestor (root, KW_TYPE_RECORD_PAGE);

      if (page != NULL && g_strcmp0 (kw_record_page_get_id (KW_RECORD_PAGE (page)), id) == 0)
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button on an alliance's page and on a meeting's page opens the
 * window with that record as the scope. */
static void
test_from_page (Fixture       *fx,
                gconstpointer  data)
{
  const char *types[] = { "alliance", "meeting" };
  KwExportScope scopes[] = { KW_EXPORT_SCOPE_ALLIANCE, KW_EXPORT_SCOPE_MEETING };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *id = dup_first (fx->base.store, types[i]);
      g_autoptr(KwRecord) record = kw_store_get (fx->base.store, types[i], id, NULL);
      g_autofree char *title = kw_record_dup_title (record);
      KwExportOptions options = { scopes[i], id, FALSE, NULL, NULL };
      KwExportPreview expected;
      g_autoptr(GtkWindow) gone = NULL;
      GtkWidget *button = NULL;
      KwExportWindow *window;

      gtk_widget_activate_action (GTK_WIDGET (fx->base.window), "win.open-record", "(ss)", types[i], id);
      KW_TEST_WAIT_UNTIL ((button = find_button (GTK_WIDGET (fx->base.window),
                                                 "E_xport for Fellow Organisers…", id)) != NULL);
      g_signal_emit_by_name (button, "clicked");
      window = KW_EXPORT_WINDOW (kw_test_wait_toplevel (KW_TYPE_EXPORT_WINDOW, NULL));
      gone = g_object_ref (GTK_WINDOW (window));
      g_assert_cmpuint (adw_combo_row_get_selected (child (window, "scope_row")), ==, scopes[i]);
      g_assert_cmpstr (adw_action_row_get_subtitle (child (window, "record_row")), ==, title);
      KW_TEST_WAIT_UNTIL (kw_export_window_get_preview (window) != NULL);
      g_assert_true (kw_export_preview (fx->base.store, &options, &expected, NULL));
      g_assert_cmpuint (kw_export_window_get_preview (window)->records, ==, expected.records);
      kw_export_preview_clear (&expected);
      gtk_widget_activate_action (GTK_WIDGET (window), "export.cancel", NULL);
      KW_TEST_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (gone)));
    }
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);
  g_test_add ("/kw/ui/export-window/alliance-sealed", Fixture, NULL, fixture_setup,
              test_alliance_sealed, fixture_teardown);
  g_test_add ("/kw/ui/export-window/alliance-plain", Fixture, NULL, fixture_setup,
              test_alliance_plain, fixture_teardown);
  g_test_add ("/kw/ui/export-window/preselected-gzip", Fixture, NULL, fixture_setup,
              test_preselected_gzip, fixture_teardown);
  g_test_add ("/kw/ui/export-window/cancel-closes", Fixture, NULL, fixture_setup,
              test_cancel_closes, fixture_teardown);
  g_test_add ("/kw/ui/export-window/scope-while-counting", Fixture, NULL, fixture_setup,
              test_scope_while_counting, fixture_teardown);
  g_test_add ("/kw/ui/export-window/from-page", Fixture, NULL, fixture_setup,
              test_from_page, fixture_teardown);
  return g_test_run ();
}
