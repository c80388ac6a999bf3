/* test-conflicts-badge.c: the sidebar's count of open conflicts, and
 * the conflicts window's merged value and restore, opened from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two databases, Anna's (the fixture's, in the window) and Bram's,
 * change the same person before they sync; Anna's database imports
 * Bram's export, as a sync pass does, while the window is open.
 */
#include "config.h"

#include <string.h>

#include "kw-conflicts-window.h"
#include "kw-conflicts.h"
#include "kw-export.h"
#include "kw-hlc.h"
#include "kw-import.h"
#include "kw-test-util.h"
#include "kw-test-store.h"

#define T0 G_GINT64_CONSTANT (1763800000000)  /* ms, November 2025 */

static gint64 clock_anna;
static gint64 clock_bram;

/* Helpers */

/* Yara, made by Anna and synced to Bram; Bram (first) and Anna (later)
 * each set the fields of @fields (name, Anna's value, Bram's value, …);
 * with @bram_deletes Bram deletes Yara instead. Anna imports Bram's
 * export: a conflict per field. Yara's id. */
static char *
make_conflicts (KwTestFixture      *f,
                gboolean            bram_deletes,
                const char * const *fields)
{
  g_autofree char *path = g_build_filename (f->dir, "bram.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) bram = kw_store_open (path, &error);
  char *id;
  guint n = 0;

  g_assert_no_error (error);
  clock_anna = clock_bram = T0;
  kw_store_set_wall_clock (f->store, kw_test_wall_clock, &clock_anna);
  kw_store_set_wall_clock (bram, kw_test_wall_clock, &clock_bram);
  g_assert_true (kw_store_set_organiser (f->store, "Anna", NULL));
  g_assert_true (kw_store_set_organiser (bram, "Bram", NULL));
  id = kw_test_create (f->store, "person", "name", "Yara Bakker", NULL);
  kw_test_sync (f->store, bram, f->dir, 0);
  clock_bram = T0 + 60000;
  clock_anna = T0 + 120000;
  for (; fields[n] != NULL; n += 3)
    {
      if (!bram_deletes)
        kw_test_set_string (bram, "person", id, fields[n], fields[n + 2]);
      kw_test_set_string (f->store, "person", id, fields[n], fields[n + 1]);
    }
  if (bram_deletes)
    g_assert_true (kw_store_delete (bram, "person", id, NULL));
  kw_test_sync (bram, f->store, f->dir, n / 3);
  return id;
}

static GtkWidget *
find_by_action (GtkWidget  *widget,
                const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_by_action (child, action)) != NULL)
        return found;
    }
  return NULL;
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (gtk_widget_get_name (child), name))
        g_ptr_array_add (found, child);
      collect_named (child, name, found);
    }
}

static GtkWidget *
find_named (gpointer    root,
            const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_named (GTK_WIDGET (root), name, found);
  return found->len > 0 ? found->pdata[0] : NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* A response of the dialog, as a click gives it: the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate (button));
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (child)), prefix))
        || has_label (child, prefix))
      return TRUE;
  return FALSE;
}

/* The sidebar's conflicts row; the badge is the last label in it. */
static GtkWidget *
get_row (KwTestFixture *f)
{
  GtkWidget *button = find_by_action (GTK_WIDGET (f->window), "win.show-conflicts");

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  return button;
}

static const char *
get_badge (GtkWidget *row)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (row));
  GtkWidget *badge = gtk_widget_get_last_child (box);

  g_assert_true (GTK_IS_LABEL (badge));
  g_assert_true (gtk_widget_has_css_class (badge, "badge"));
  return gtk_label_get_label (GTK_LABEL (badge));
}

static gboolean
row_shows (GtkWidget  *row,
           const char *count)
{
  return gtk_widget_get_mapped (row) && g_str_equal (get_badge (row), count);
}

static KwConflictsWindow *
open_from_sidebar (KwTestFixture *f)
{
  GtkWidget *row = get_row (f);
  KwConflictsWindow *window;

  g_assert_true (gtk_widget_activate (row));
  window = KW_CONFLICTS_WINDOW (kw_test_wait_toplevel (KW_TYPE_CONFLICTS_WINDOW, NULL));
  kw_test_wait_mapped (GTK_WIDGET (window));
  return window;
}

/* As from the keyboard; the window reloads after, and the button goes. */
static void
click (KwConflictsWindow *window,
       const char        *name)
{
  g_autoptr(GtkWidget) button = g_object_ref (find_named (window, name));

  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  KW_TEST_WAIT_UNTIL (gtk_widget_get_root (button) == NULL);
}

static gint64
count (KwTestFixture *f)
{
  return kw_conflicts_count (f->store, NULL);
}

/* Tests */

/* The count comes with the import, follows each choice, goes at none. */
static void
test_badge (KwTestFixture *f,
            gconstpointer  data)
{
  static const char * const fields[] = {
    "phone", "020 555 0101", "06 1234 5678",
    "topics", "groen", "veiligheid",
    NULL
  };
  g_autofree char *id = NULL;
  KwConflictsWindow *window;
  GtkWidget *row;

  kw_test_fixture_open (f);
  row = get_row (f);
  g_assert_false (gtk_widget_get_visible (row));
  id = make_conflicts (f, FALSE, fields);
  KW_TEST_WAIT_UNTIL (row_shows (row, "2"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "2 open conflicts");

  window = open_from_sidebar (f);
  click (window, "keep-current");
  KW_TEST_WAIT_UNTIL (row_shows (row, "1"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "1 open conflict");
  click (window, "use-value");
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_visible (row));
  g_assert_cmpint (count (f), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
open_merge_dialog (KwConflictsWindow *window)
{
  GtkWidget *button = find_named (window, "merge-value");
  GtkWindow *dialog;

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Type a Merged Value…");
  g_assert_true (gtk_widget_activate (button));
  dialog = kw_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Merged Value of Phone");
  kw_test_wait_mapped (GTK_WIDGET (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Neither value is right: the organiser types the merged one. */
static void
test_merged_value (KwTestFixture *f,
                   gconstpointer  data)
{
  static const char * const fields[] = { "phone", "020 555 0101", "06 1234 5678", NULL };
  g_autofree char *id = NULL;
  g_autoptr(KwRecord) record = NULL;
  KwConflictsWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *entry, *row;
  KwHlc hlc;

  kw_test_fixture_open (f);
  id = make_conflicts (f, FALSE, fields);
  row = get_row (f);
  KW_TEST_WAIT_UNTIL (row_shows (row, "1"));
  window = open_from_sidebar (f);
  /* who typed each value, and when */
  g_assert_true (has_label (GTK_WIDGET (window), "Kept now, typed on this device, "));
  g_assert_true (has_label (GTK_WIDGET (window), "Other value, by Bram, "));

  /* cancelled: nothing changes */
  dialog = open_merge_dialog (window);
  entry = find_named (dialog, "merged-value");
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "020 555 0101");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "06 1234 5678"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "not this");
  respond (dialog, "_Cancel");
  g_assert_cmpint (count (f), ==, 1);

  /* saved: one write of Anna's, the conflict resolved */
  clock_anna = T0 + 180000;
  dialog = open_merge_dialog (window);
  entry = find_named (dialog, "merged-value");
  gtk_editable_set_text (GTK_EDITABLE (entry), "020 555 0101 (home), 06 1234 5678 (mobile)");
  respond (dialog, "_Save");
  KW_TEST_WAIT_UNTIL (count (f) == 0);
  record = kw_store_get (f->store, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_string (record, "phone"), ==, "020 555 0101 (home), 06 1234 5678 (mobile)");
  g_assert_true (kw_hlc_parse (kw_record_get_stamp (record, "phone"), &hlc));
  g_assert_cmpstr (hlc.device, ==, kw_store_get_device_id (f->store));
  g_assert_cmpint (hlc.ms, ==, T0 + 180000);
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_visible (row));
  KW_TEST_WAIT_UNTIL (find_named (window, "conflict-row") == NULL);
  kw_test_wait_toast_shown (GTK_WIDGET (window), "Merged value saved");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Bram deleted Yara while Anna edited her: Anna brings her back. */
static void
test_restore (KwTestFixture *f,
              gconstpointer  data)
{
  static const char * const fields[] = { "phone", "020 555 0101", NULL, "topics", "groen", NULL, NULL };
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) people = NULL;
  KwConflictsWindow *window;
  GtkWidget *row;
  KwRecord *restored;

  kw_test_fixture_open (f);
  id = make_conflicts (f, TRUE, fields);
  row = get_row (f);
  KW_TEST_WAIT_UNTIL (row_shows (row, "2"));
  window = open_from_sidebar (f);
  g_assert_null (find_named (window, "merge-value"));  /* nothing to merge into a tombstone */
  click (window, "restore");
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_visible (row));
  people = kw_store_list (f->store, "person", NULL);
  g_assert_cmpuint (people->len, ==, 1);
  restored = people->pdata[0];
  g_assert_cmpstr (kw_record_get_id (restored), !=, id);
  g_assert_cmpstr (kw_record_get_string (restored, "phone"), ==, "020 555 0101");
  g_assert_cmpstr (kw_record_get_string (restored, "topics"), ==, "groen");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/kw/ui/conflicts-badge/" path, KwTestFixture, KW_TEST_EMPTY, \
              kw_test_fixture_setup, func, kw_test_fixture_teardown)
  ADD ("count", test_badge);
  ADD ("merged-value", test_merged_value);
  ADD ("restore", test_restore);
#undef ADD

  return g_test_run ();
}
