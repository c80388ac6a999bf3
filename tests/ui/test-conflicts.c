/* test-conflicts.c: the conflicts window — listing, picking, keeping, restoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two databases, Anna's (the fixture's) and Bram's, change the same
 * person before they sync; the export and import of the core make the
 * conflict, the window resolves it through its buttons.
 */
#include "config.h"

#include <string.h>

#include "kw-conflicts-window.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-test-util.h"
#include "kw-test-store.h"

#define T0 G_GINT64_CONSTANT (1763800000000)  /* ms, November 2025 */

static gint64 clock_anna;
static gint64 clock_bram;
static gboolean bram_has_no_name;  /* Bram never set an organiser name */

/* Helpers */

/* Ahmed, made by Anna and synced to Bram; then Bram (first) and Anna
 * (later) each set @field without seeing the other; Bram's export is
 * imported by Anna: her value stays, his is the conflict. With @value_b
 * NULL Bram deletes Ahmed instead. Returns Ahmed's id. */
static char *
make_conflict (KwTestFixture *f,
               const char    *field,
               const char    *value_a,
               const char    *value_b)
{
  g_autofree char *path = g_build_filename (f->dir, "bram.db", NULL);
  g_autofree char *seed = NULL, *from_bram = NULL;
  g_autoptr(KwChangeset) person = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) bram = kw_store_open (path, &error);
  char *id;

  g_assert_no_error (error);
  clock_anna = clock_bram = T0;
  kw_store_set_wall_clock (f->store, kw_test_wall_clock, &clock_anna);
  kw_store_set_wall_clock (bram, kw_test_wall_clock, &clock_bram);
  g_assert_true (kw_store_set_organiser (f->store, "Anna", NULL));
  if (!bram_has_no_name)
    g_assert_true (kw_store_set_organiser (bram, "Bram", NULL));
  kw_changeset_set_string (person, "name", "Ahmed");
  id = kw_store_create (f->store, person, &error);
  g_assert_no_error (error);
  seed = kw_test_export_all (f->store, f->dir, "seed.kwartier.jsonl");
  kw_test_import (bram, seed, 0);

  clock_bram = T0 + 60000;
  if (value_b != NULL)
    kw_test_set_string (bram, "person", id, field, value_b);
  else
    g_assert_true (kw_store_delete (bram, "person", id, NULL));
  clock_anna = T0 + 120000;
  kw_test_set_string (f->store, "person", id, field, value_a);
  from_bram = kw_test_export_all (bram, f->dir, "bram.kwartier.jsonl");
  kw_test_import (f->store, from_bram, 1);
  return id;
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (gtk_widget_get_name (child), name))
        g_ptr_array_add (found, child);
      collect_named (child, name, found);
    }
}

static GPtrArray *
find_named (KwConflictsWindow *window,
            const char        *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_named (GTK_WIDGET (window), name, found);
  return found;
}

/* The text of the one label of this name; values are prominent, not dim. */
static const char *
get_label (KwConflictsWindow *window,
           const char        *name)
{
  g_autoptr(GPtrArray) labels = find_named (window, name);

  g_assert_cmpuint (labels->len, ==, 1);
  g_assert_true (GTK_IS_LABEL (labels->pdata[0]));
  g_assert_true (gtk_widget_get_mapped (labels->pdata[0]));
  g_assert_false (gtk_widget_has_css_class (labels->pdata[0], "dim-label"));
  g_assert_false (gtk_widget_has_css_class (labels->pdata[0], "caption"));
  return gtk_label_get_label (labels->pdata[0]);
}

static const char *
get_button_label (KwConflictsWindow *window,
                  const char        *name)
{
  g_autoptr(GPtrArray) buttons = find_named (window, name);

  g_assert_cmpuint (buttons->len, ==, 1);
  return gtk_button_get_label (buttons->pdata[0]);
}

static const char *
get_summary (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "kw-summary");
}

static GtkWidget *
find_status_page (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ADW_IS_STATUS_PAGE (child) ? child : find_status_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static KwConflictsWindow *
open_window (KwTestFixture *f)
{
  KwConflictsWindow *window = kw_conflicts_window_new (NULL, f->store);

  gtk_window_present (GTK_WINDOW (window));
  kw_test_wait_mapped (GTK_WIDGET (window));
  kw_test_wait_frames (GTK_WIDGET (window), 1);
  return window;
}

/* As from the keyboard: activating a button clicks it 250 ms later;
 * the window reloads when idle after that, and the button goes. */
static void
click (KwConflictsWindow *window,
       const char        *name)
{
  g_autoptr(GPtrArray) buttons = find_named (window, name);
  g_autoptr(GtkWidget) button = NULL;

  g_assert_cmpuint (buttons->len, ==, 1);
  button = g_object_ref (buttons->pdata[0]);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  KW_TEST_WAIT_UNTIL (gtk_widget_get_root (button) == NULL);
  g_assert_null (gtk_widget_get_root (button));
}

static guint
count_conflicts (KwStore  *store,
                 gboolean  all)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = kw_import_list_conflicts (store, all, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
assert_none_left (KwTestFixture     *f,
                  KwConflictsWindow *window)
{
  g_autoptr(GPtrArray) rows = find_named (window, "conflict-row");
  GtkWidget *status = find_status_page (GTK_WIDGET (window));

  g_assert_cmpuint (count_conflicts (f->store, FALSE), ==, 0);
  g_assert_cmpuint (count_conflicts (f->store, TRUE), ==, 1);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
}

static const char *
get_string (KwStore    *store,
            const char *id,
            const char *field)
{
  g_autoptr(KwRecord) record = kw_store_get (store, "person", id, NULL);

  g_assert_nonnull (record);
  /* interned: the record goes, the test compares after */
  return g_intern_string (kw_record_get_string (record, field));
}

/* Tests */

static void
test_empty (KwTestFixture *f,
            gconstpointer  data)
{
  KwConflictsWindow *window = open_window (f);
  g_autoptr(GPtrArray) rows = find_named (window, "conflict-row");
  GtkWidget *status = find_status_page (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Conflicts");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Conflicts");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_use_value (KwTestFixture *f,
                gconstpointer  data)
{
  g_autofree char *id = make_conflict (f, "topics", "groen", "veiligheid");
  KwConflictsWindow *window = open_window (f);
  g_autoptr(GPtrArray) rows = find_named (window, "conflict-row");
  const char *subtitle;

  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Topics");
  g_assert_cmpstr (get_label (window, "kept-value"), ==, "groen");
  g_assert_cmpstr (get_label (window, "other-value"), ==, "veiligheid");
  subtitle = get_summary (rows->pdata[0]);
  g_assert_nonnull (strstr (subtitle, "Kept: groen. Other value: veiligheid, by Bram, "));
  /* Anna's value is kept, Bram's lost */
  g_assert_cmpstr (get_button_label (window, "use-value"), ==, "Use Their Value");
  g_assert_cmpstr (get_button_label (window, "keep-current"), ==, "Keep Mine");
  g_assert_false (gtk_widget_get_mapped (find_status_page (GTK_WIDGET (window))));

  click (window, "use-value");
  g_assert_cmpstr (get_string (f->store, id, "topics"), ==, "veiligheid");
  assert_none_left (f, window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_keep_current (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autofree char *id = make_conflict (f, "consent", "public", "shared");
  KwConflictsWindow *window = open_window (f);
  g_autoptr(GPtrArray) rows = find_named (window, "conflict-row");
  const char *subtitle;

  g_assert_cmpuint (rows->len, ==, 1);
  /* enum values in words, not as stored */
  g_assert_cmpstr (get_label (window, "kept-value"), ==, "Public");
  g_assert_cmpstr (get_label (window, "other-value"), ==, "Shared");
  subtitle = get_summary (rows->pdata[0]);
  g_assert_nonnull (strstr (subtitle, "Kept: Public. Other value: Shared, by Bram, "));

  click (window, "keep-current");
  g_assert_cmpstr (get_string (f->store, id, "consent"), ==, "public");
  assert_none_left (f, window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_restore (KwTestFixture *f,
              gconstpointer  data)
{
  g_autofree char *id = make_conflict (f, "topics", "groen", NULL);
  KwConflictsWindow *window = open_window (f);
  g_autoptr(GPtrArray) rows = find_named (window, "conflict-row");
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) people = NULL;
  KwRecord *restored;

  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (kw_store_count (f->store, "person"), ==, 0);
  g_assert_cmpstr (get_label (window, "edited-value"), ==, "groen");
  g_assert_nonnull (strstr (get_summary (rows->pdata[0]), "Edited value: groen, by Anna, "));
  buttons = find_named (window, "use-value");
  g_assert_cmpuint (buttons->len, ==, 0);  /* nothing to write into a tombstone */

  click (window, "restore");
  people = kw_store_list (f->store, "person", NULL);
  g_assert_cmpuint (people->len, ==, 1);
  restored = people->pdata[0];
  g_assert_cmpstr (kw_record_get_id (restored), !=, id);
  g_assert_cmpstr (kw_record_get_string (restored, "topics"), ==, "groen");
  g_assert_cmpstr (kw_record_get_string (restored, "name"), ==, "Restored record");
  assert_none_left (f, window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_discard (KwTestFixture *f,
              gconstpointer  data)
{
  g_autofree char *id = make_conflict (f, "topics", "groen", NULL);
  KwConflictsWindow *window = open_window (f);
  g_autoptr(KwRecord) tombstone = NULL;

  click (window, "discard");
  g_assert_cmpuint (kw_store_count (f->store, "person"), ==, 0);
  tombstone = kw_store_lookup (f->store, "person", id, NULL);
  g_assert_true (kw_record_is_deleted (tombstone));
  assert_none_left (f, window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A colleague without a name is named by the start of the device id. */
static void
test_unnamed_device (KwTestFixture *f,
                     gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  KwConflictsWindow *window;
  KwConflict *c;

  bram_has_no_name = TRUE;
  id = make_conflict (f, "topics", "groen", "veiligheid");
  bram_has_no_name = FALSE;
  conflicts = kw_import_list_conflicts (f->store, FALSE, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = conflicts->pdata[0];
  expected = g_strdup_printf ("Other value: veiligheid, by the device %.8s, ",
                              c->hlc + strlen (c->hlc) - 32);
  window = open_window (f);
  rows = find_named (window, "conflict-row");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (strstr (get_summary (rows->pdata[0]), expected));
  g_assert_null (strstr (get_summary (rows->pdata[0]), "unknown"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/ui/conflicts/empty", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_empty, kw_test_fixture_teardown);
  g_test_add ("/kw/ui/conflicts/use-value", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_use_value, kw_test_fixture_teardown);
  g_test_add ("/kw/ui/conflicts/keep-current", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_keep_current, kw_test_fixture_teardown);
  g_test_add ("/kw/ui/conflicts/unnamed-device", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_unnamed_device, kw_test_fixture_teardown);
  g_test_add ("/kw/ui/conflicts/restore", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_restore, kw_test_fixture_teardown);

  g_test_add ("/kw/ui/conflicts/discard", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_discard, kw_test_fixture_teardown);

  return g_test_run ();
}
