/* kw-test-tour.c: a walk through every view, page kind and window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kw-application.h"
#include "kw-conflicts-window.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-preferences-window.h"
#include "kw-search-popover.h"
#include "kw-test-tour.h"
#include "meetings/kw-publish-window.h"
#include "kw-test-store.h"

const char * const kw_test_tour_views[] = {
  "alliances", "networks", "contacts", "map", "meetings", NULL
};

const char * const kw_test_tour_pages[] = {
  "person", "organisation", "alliance", "network", "network_unit", "stakeholder_map", "meeting", NULL
};

static char *
dup_first_id (KwStore    *store,
              const char *type_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = kw_store_list (store, type_name, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, >, 0);
  return g_strdup (kw_record_get_id (g_ptr_array_index (records, 0)));
}

static gint64 clock_colleague, clock_here;

static void
set_phone (KwStore    *store,
           const char *id,
           const char *phone)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;

  kw_changeset_set_string (changes, "phone", phone);
  g_assert_true (kw_store_update (store, id, changes, &error));
  g_assert_no_error (error);
}

/* An open conflict in the fixture's store, for the Conflicts window: a
 * colleague's database gets the demo, changes a phone number, and its
 * export comes in after this laptop changed the same number. */
static void
make_conflict (KwTestFixture *f)
{
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  g_autofree char *path = g_build_filename (f->dir, "colleague.db", NULL);
  g_autofree char *seed = g_build_filename (f->dir, "seed.kwartier.jsonl", NULL);
  g_autofree char *back = g_build_filename (f->dir, "colleague.kwartier.jsonl", NULL);
  g_autofree char *person = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) colleague = kw_store_open (path, &error);
  KwImportSummary summary = { 0 };

  g_assert_no_error (error);
  g_assert_true (kw_export_to_file (f->store, &options, seed, &error));
  g_assert_true (kw_import_file (colleague, seed, FALSE, &summary, &error));
  g_assert_no_error (error);
  person = dup_first_id (colleague, "person");  /* one that left this laptop: not private */
  /* the colleague's edit a minute from now, this laptop's a minute later */
  clock_colleague = g_get_real_time () / 1000 + 60000;
  clock_here = clock_colleague + 60000;
  kw_store_set_wall_clock (colleague, kw_test_wall_clock, &clock_colleague);
  kw_store_set_wall_clock (f->store, kw_test_wall_clock, &clock_here);
  set_phone (colleague, person, "020 111 1111");
  set_phone (f->store, person, "020 222 2222");
  g_assert_true (kw_export_to_file (colleague, &options, back, &error));
  memset (&summary, 0, sizeof summary);
  g_assert_true (kw_import_file (f->store, back, FALSE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.conflicts, ==, 1);
  kw_store_set_wall_clock (f->store, NULL, NULL);
}

static void
settle (GtkWidget *root)
{
  kw_test_wait_transitions (root);
  kw_test_wait_frames (root, 2);
}

static void
visit_window (GtkWindow      *window,
              const char     *where,
              KwTestTourFunc  func,
              gpointer        data)
{
  gtk_window_present (window);
  kw_test_wait_mapped (GTK_WIDGET (window));
  settle (GTK_WIDGET (window));
  func (GTK_WIDGET (window), where, data);
  gtk_window_destroy (window);
  kw_test_flush ();
}

static void
visit_windows (KwTestFixture  *f,
               KwTestTourFunc  func,
               gpointer        data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *meeting = dup_first_id (f->store, "meeting");
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/nl/kwartier/Kwartier/gtk/help-overlay.ui");
  GtkWindow *window;

  window = GTK_WINDOW (kw_preferences_window_new (settings, f->store));
  gtk_window_set_transient_for (window, GTK_WINDOW (f->window));
  visit_window (window, "window:preferences", func, data);

  make_conflict (f);
  visit_window (GTK_WINDOW (kw_conflicts_window_new (GTK_WINDOW (f->window), f->store)),
                "window:conflicts", func, data);

  window = GTK_WINDOW (kw_publish_window_new (GTK_WINDOW (f->window), f->store, meeting, &error));
  g_assert_no_error (error);
  visit_window (window, "window:publish", func, data);

  window = GTK_WINDOW (g_object_ref (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_set_transient_for (window, GTK_WINDOW (f->window));
  visit_window (window, "window:shortcuts", func, data);
  g_object_unref (window);

  visit_window (kw_application_new_about_window (GTK_WINDOW (f->window)), "window:about", func, data);
}

/* The search of everything (Ctrl+K), with results. */
static void
visit_search (KwTestFixture  *f,
              KwTestTourFunc  func,
              gpointer        data)
{
  GtkWidget *popover;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  KW_TEST_WAIT_UNTIL ((popover = kw_test_find_type (GTK_WIDGET (f->window), KW_TYPE_SEARCH_POPOVER)) != NULL
                      && gtk_widget_get_mapped (popover));
  kw_search_popover_set_text (KW_SEARCH_POPOVER (popover), "Betondorp");
  KW_TEST_WAIT_UNTIL (gtk_widget_get_first_child (GTK_WIDGET (kw_search_popover_get_results (KW_SEARCH_POPOVER (popover)))) != NULL);
  kw_test_wait_frames (GTK_WIDGET (f->window), 2);
  func (GTK_WIDGET (f->window), "popover:search", data);
  gtk_popover_popdown (GTK_POPOVER (popover));
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_mapped (popover));
}

void
kw_test_tour (KwTestFixture  *f,
              KwTestTourFunc  func,
              gpointer        data)
{
  for (guint i = 0; kw_test_tour_views[i] != NULL; i++)
    {
      g_autofree char *where = g_strconcat ("view:", kw_test_tour_views[i], NULL);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                                 kw_test_tour_views[i]));
      KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_window_get_view (f->window), kw_test_tour_views[i]) == 0);
      settle (GTK_WIDGET (f->window));
      func (GTK_WIDGET (f->window), where, data);
    }
  visit_search (f, func, data);
  for (guint i = 0; kw_test_tour_pages[i] != NULL; i++)
    {
      g_autofree char *where = g_strconcat ("page:", kw_test_tour_pages[i], NULL);
      g_autofree char *id = dup_first_id (f->store, kw_test_tour_pages[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)",
                                                 kw_test_tour_pages[i], id));
      settle (GTK_WIDGET (f->window));
      func (GTK_WIDGET (f->window), where, data);
    }
  visit_windows (f, func, data);
}
