/* test-window.c: the shell — sidebar, views, search, first start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kw-application.h"
#include "kw-contacts-view.h"
#include "kw-preferences-window.h"
#include "kw-record-summary.h"
#include "kw-search-popover.h"
#include "kw-test-util.h"
#include "kw-view.h"
#include "kw-welcome-dialog.h"
#include "kw-window-private.h"

/* A view the window does not know: it has to come in through KwView. */
#define TEST_TYPE_VIEW (test_view_get_type ())
G_DECLARE_FINAL_TYPE (TestView, test_view, TEST, VIEW, KwView)

struct _TestView
{
  KwView  parent_instance;
  char   *opened_type;
  char   *opened_id;
  guint   n_new;
};

G_DEFINE_FINAL_TYPE (TestView, test_view, KW_TYPE_VIEW)

static void
test_view_open (KwView     *view,
                const char *type_name,
                const char *id)
{
  TestView *self = TEST_VIEW (view);

  g_free (self->opened_type);
  g_free (self->opened_id);
  self->opened_type = g_strdup (type_name);
  self->opened_id = g_strdup (id);
  kw_view_set_can_go_back (view, TRUE);
}

static gboolean
test_view_new_record (KwView  *view,
                      GError **error)
{
  TEST_VIEW (view)->n_new++;
  return TRUE;
}

static gboolean
test_view_go_back (KwView *view)
{
  if (!kw_view_get_can_go_back (view))
    return FALSE;
  g_clear_pointer (&TEST_VIEW (view)->opened_id, g_free);
  kw_view_set_can_go_back (view, FALSE);
  return TRUE;
}

static void
test_view_finalize (GObject *object)
{
  TestView *self = TEST_VIEW (object);

  g_free (self->opened_type);
  g_free (self->opened_id);
  G_OBJECT_CLASS (test_view_parent_class)->finalize (object);
}

static void
test_view_class_init (TestViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_view_finalize;
  KW_VIEW_CLASS (klass)->open = test_view_open;
  KW_VIEW_CLASS (klass)->new_record = test_view_new_record;
  KW_VIEW_CLASS (klass)->go_back = test_view_go_back;
}

static void
test_view_init (TestView *self)
{
  static const char * const types[] = { "test_thing", NULL };

  gtk_widget_set_name (GTK_WIDGET (self), "test-things");
  kw_view_set_title (KW_VIEW (self), "Test Things");
  kw_view_set_icon_name (KW_VIEW (self), "starred-symbolic");
  kw_view_set_types (KW_VIEW (self), types);
  kw_view_set_new_label (KW_VIEW (self), "New Test Thing");
  adw_bin_set_child (ADW_BIN (self), gtk_label_new ("Test things"));
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A view registered from outside appears in the sidebar after the five,
 * is shown by its row, takes win.new and win.go-back, and receives
 * win.open-record of its type: no change to the window needed. */
static void
test_extra_view (KwTestFixture *f,
                 gconstpointer  data)
{
  GtkListBox *sidebar;
  GtkListBoxRow *row;
  TestView *view;
  GtkWidget *label;

  _kw_window_add_view_type (TEST_TYPE_VIEW);
  kw_test_fixture_open (f);
  _kw_window_remove_view_type (TEST_TYPE_VIEW);
  sidebar = kw_window_get_sidebar (f->window);
  row = gtk_list_box_get_row_at_index (sidebar, 5);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, "test-things");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  label = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Test Things");
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, 6));

  view = TEST_VIEW (kw_window_get_view_for_type (f->window, "test_thing"));
  g_assert_nonnull (view);
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "contacts");
  g_signal_emit_by_name (row, "activate");  /* what a click does */
  kw_test_wait_mapped (GTK_WIDGET (view));
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "test-things");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (gtk_list_box_row_is_selected (row));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL));
  g_assert_cmpuint (view->n_new, ==, 1);

  /* from another view, the record goes to the view of its type */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings");
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "meetings");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)",
                                             "test_thing", "thing-1"));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_window_get_view (f->window), "test-things") == 0);
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "test-things");
  g_assert_cmpstr (view->opened_type, ==, "test_thing");
  g_assert_cmpstr (view->opened_id, ==, "thing-1");
  /* its can-go-back shows the Back button, and Back goes to the view */
  g_assert_true (gtk_widget_get_visible (find_action_button (GTK_WIDGET (f->window), "win.go-back")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  g_assert_null (view->opened_id);
}

static void
test_sidebar (KwTestFixture *f,
              gconstpointer  data)
{
  static const char * const names[] = { "alliances", "networks", "contacts", "map", "meetings" };
  GtkListBox *sidebar;

  kw_test_fixture_open (f);
  sidebar = kw_window_get_sidebar (f->window);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);

      g_assert_nonnull (row);
      g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, names[i]);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
    }
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, G_N_ELEMENTS (names)));
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "contacts");
  g_assert_true (gtk_list_box_row_is_selected (gtk_list_box_get_row_at_index (sidebar, 2)));
}

static void
test_show_view (KwTestFixture *f,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *saved = NULL;
  gint64 n;

  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings"));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_window_get_view (f->window), "meetings") == 0);
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "meetings");
  g_assert_true (gtk_list_box_row_is_selected (gtk_list_box_get_row_at_index (kw_window_get_sidebar (f->window), 4)));
  saved = g_settings_get_string (settings, "last-view");
  g_assert_cmpstr (saved, ==, "meetings");
  /* "new" does nothing where the view cannot make records yet */
  n = kw_store_count (f->store, "person");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, n);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "contacts");
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_window_get_view (f->window), "contacts") == 0);
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "contacts");
}

static AdwStatusPage *
find_mapped_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget))
    return ADW_STATUS_PAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_mapped_status_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* On an empty database every view shows an empty page of its own: a
 * title, an icon, and one kind of apostrophe in its words. */
static void
test_empty_pages (KwTestFixture *f,
                  gconstpointer  data)
{
  static const char * const views[] = { "alliances", "networks", "contacts", "map", "meetings" };

  kw_test_fixture_open (f);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      AdwStatusPage *page = NULL;

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", views[i]);
      kw_test_wait_transitions (GTK_WIDGET (f->window));  /* after the crossfade */
      KW_TEST_WAIT_UNTIL ((page = find_mapped_status_page (GTK_WIDGET (f->window))) != NULL);
      g_assert_cmpstr (kw_window_get_view (f->window), ==, views[i]);
      g_assert_nonnull (adw_status_page_get_title (page));
      g_assert_cmpstr (adw_status_page_get_title (page), !=, "");
      g_assert_nonnull (adw_status_page_get_icon_name (page));
      g_assert_true (adw_status_page_get_description (page) == NULL
                     || strchr (adw_status_page_get_description (page), '\'') == NULL);
    }
}

static void
test_open_from_search (KwTestFixture *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  KwRecord *person;
  KwContactsView *view;

  kw_test_fixture_open (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "map");
  people = kw_store_list (f->store, "person", NULL);
  g_assert_cmpuint (people->len, >, 0);
  person = g_ptr_array_index (people, people->len / 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)",
                              "person", kw_record_get_id (person));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_window_get_view (f->window), "contacts") == 0);
  view = KW_CONTACTS_VIEW (kw_window_get_contacts_view (f->window));
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "contacts");
  g_assert_cmpstr (kw_contacts_view_get_open_id (view), ==, kw_record_get_id (person));
}

static KwRecordSummary *
find_summary (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KW_IS_RECORD_SUMMARY (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return KW_RECORD_SUMMARY (window);
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An alliance from search opens a summary: fields formatted, references
 * by title, and its partners. */
/* A type no view claims opens the summary, and the view stays. */
static void
test_summary_unclaimed (KwTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) areas = kw_store_list (f->store, "area", NULL);
  KwRecordSummary *summary;

  g_assert_cmpuint (areas->len, >, 0);
  kw_test_fixture_open (f);
  g_assert_null (kw_window_get_view_for_type (f->window, "area"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "map");
  g_assert_null (find_summary ());
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)",
                              "area", kw_record_get_id (areas->pdata[0]));
  kw_test_wait_toplevel (KW_TYPE_RECORD_SUMMARY, NULL);
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "map");
  summary = find_summary ();
  g_assert_nonnull (summary);
  gtk_window_destroy (GTK_WINDOW (summary));
}

static void
test_summary_alliance (KwTestFixture *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) alliances = kw_store_list (f->store, "alliance", NULL);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(KwRecord) area = NULL;
  KwRecord *alliance = NULL;
  KwRecordSummary *summary;
  GtkWidget *row, *group;
  const char *started;

  for (guint i = 0; i < alliances->len && alliance == NULL; i++)
    if (kw_record_get_string (alliances->pdata[i], "area") != NULL
        && kw_record_get_string (alliances->pdata[i], "started") != NULL)
      alliance = alliances->pdata[i];
  g_assert_nonnull (alliance);
  kw_test_fixture_open (f);
  g_assert_null (find_summary ());
  /* the alliances view opens its own page; the summary is still the view's */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "alliances");
  kw_view_show_summary (KW_VIEW (kw_window_get_view_for_type (f->window, "alliance")),
                        "alliance", kw_record_get_id (alliance));
  kw_test_wait_mapped (GTK_WIDGET (kw_test_wait_toplevel (KW_TYPE_RECORD_SUMMARY, NULL)));
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "alliances");
  summary = find_summary ();
  g_assert_nonnull (summary);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (summary)) == GTK_WINDOW (f->window));

  area = kw_store_get (f->store, "area", kw_record_get_string (alliance, "area"), NULL);
  row = find_named (GTK_WIDGET (summary), "area");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Area");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, kw_record_get_string (area, "name"));
  row = find_named (GTK_WIDGET (summary), "started");
  g_assert_nonnull (row);
  started = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_null (strchr (started, '-'));  /* "3 March 2024", not "2024-03-03" */

  partners = kw_store_list_by_ref (f->store, "alliance_partner", "alliance", kw_record_get_id (alliance), NULL);
  group = find_named (GTK_WIDGET (summary), "alliance_partner");
  g_assert_cmpuint (partners->len, >, 0);
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_mapped (group));
  gtk_widget_activate_action (GTK_WIDGET (summary), "window.close", NULL);
  KW_TEST_WAIT_UNTIL (find_summary () == NULL);
  g_assert_null (find_summary ());
}

static void
test_resize_settings (KwTestFixture *f,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  kw_test_fixture_open (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 500);
  kw_test_wait_frames (GTK_WIDGET (f->window), 1);
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  kw_test_flush ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Icon-only buttons (and the toggle inside an icon-only menu button) have
 * an accessible label; @skip is a subtree that is not checked. */
static guint
check_icon_buttons (GtkWidget *widget,
                    GtkWidget *skip)
{
  guint n = 0;

  if (widget == skip || !gtk_widget_get_visible (widget))
    return 0;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL)
    {
      GtkWidget *toggle = gtk_widget_get_first_child (widget);

      g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL));
      return 1;
    }
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL
      && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("no accessible label: %s %s", G_OBJECT_TYPE_NAME (widget), gtk_button_get_icon_name (GTK_BUTTON (widget)));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += check_icon_buttons (child, skip);
  return n;
}

static void
test_accessible_labels (KwTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KwPreferencesWindow *prefs;

  kw_test_fixture_open (f);
  /* new, the main menu, search (back and the sidebar's menu only when folded);
   * the contacts view is the search helper's */
  g_assert_cmpuint (check_icon_buttons (GTK_WIDGET (f->window), kw_window_get_contacts_view (f->window)), >=, 3);
  /* with a folder, so that its clear button shows */
  g_settings_set_string (settings, "sync-folder", f->dir);
  prefs = kw_preferences_window_new (settings, f->store);
  gtk_window_present (GTK_WINDOW (prefs));
  kw_test_wait_mapped (GTK_WIDGET (prefs));
  g_assert_cmpuint (check_icon_buttons (GTK_WIDGET (prefs), NULL), >=, 1);
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "sync-folder");
}

static void
test_global_search (KwTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  KwSearchPopover *popover;
  GtkListBox *results;
  GtkListBoxRow *row;
  const char *name;
  g_autofree char *part = NULL;
  g_auto(GStrv) words = NULL;
  KwContactsView *view;

  kw_test_fixture_open (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  kw_test_wait_mapped (kw_window_get_search_popover (f->window));
  popover = KW_SEARCH_POPOVER (kw_window_get_search_popover (f->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  people = kw_store_list (f->store, "person", NULL);
  name = kw_record_get_string (g_ptr_array_index (people, 3), "name");
  words = g_strsplit (name, " ", -1);
  for (guint i = 0; words[i] && part == NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 5)
      part = g_utf8_substring (words[i], 1, 5);   /* the middle of a word */
  g_assert_nonnull (part);
  kw_search_popover_set_text (popover, part);
  results = kw_search_popover_get_results (popover);
  row = gtk_list_box_get_row_at_index (results, 0);
  g_assert_nonnull (row);
  g_assert_nonnull (gtk_list_box_row_get_header (row));   /* grouped by type */
  for (int i = 0; row != NULL; row = gtk_list_box_get_row_at_index (results, ++i))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "kw-id"), kw_record_get_id (g_ptr_array_index (people, 3))) == 0)
      break;
  g_assert_nonnull (row);
  g_signal_emit_by_name (results, "row-activated", row);
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (popover)) && g_strcmp0 (kw_window_get_view (f->window), "contacts") == 0);
  view = KW_CONTACTS_VIEW (kw_window_get_contacts_view (f->window));
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "contacts");
  g_assert_cmpstr (kw_contacts_view_get_open_id (view), ==, kw_record_get_id (g_ptr_array_index (people, 3)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

static void
test_preferences (KwTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *scheme = NULL;
  KwPreferencesWindow *prefs;

  kw_test_fixture_open (f);
  g_settings_set_string (settings, "color-scheme", "default");
  prefs = kw_preferences_window_new (settings, f->store);
  gtk_window_present (GTK_WINDOW (prefs));
  kw_test_wait_mapped (GTK_WIDGET (prefs));
  /* the template built: the style row is there and writes the setting */
  g_object_set (find_child_of_type (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW), "selected", 2, NULL);
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_set_string (settings, "color-scheme", "default");
}

static AdwPreferencesRow *
find_row_with_title (GtkWidget  *widget,
                     const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_PREFERENCES_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesRow *found = find_row_with_title (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The language row writes the key; the rows of before are still there. */
static void
test_preferences_language (KwTestFixture *f,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *language = NULL;
  KwPreferencesWindow *prefs;
  AdwPreferencesRow *row;

  kw_test_fixture_open (f);
  prefs = kw_preferences_window_new (settings, f->store);
  gtk_window_present (GTK_WINDOW (prefs));
  kw_test_wait_mapped (GTK_WIDGET (prefs));
  g_assert_nonnull (find_row_with_title (GTK_WIDGET (prefs), "Organiser name"));
  g_assert_nonnull (find_row_with_title (GTK_WIDGET (prefs), "Sync folder"));
  g_assert_nonnull (find_row_with_title (GTK_WIDGET (prefs), "Style"));
  row = find_row_with_title (GTK_WIDGET (prefs), "Language");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "restart"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "nl");
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "language");
}

/* The language key applies at start, before any string is translated;
 * the translations come from the build directory (KW_LOCALEDIR). */
static void
test_language_setting (KwTestFixture *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "nl", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  GtkListBoxRow *row;
  GtkWidget *label;

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  g_setenv ("KW_LOCALEDIR", localedir, TRUE);
  g_settings_set_string (settings, "language", "nl");
  kw_application_setup_locale ();
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "nl");
  g_assert_cmpstr (_("Key Figures & Contacts"), ==, "Sleutelfiguren & contacten");
  kw_test_fixture_open (f);
  row = gtk_list_box_get_row_at_index (kw_window_get_sidebar (f->window), 2);
  label = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Sleutelfiguren & contacten");

  g_settings_set_string (settings, "language", "en");
  kw_application_setup_locale ();
  g_assert_cmpstr (_("Key Figures & Contacts"), ==, "Key Figures & Contacts");

  g_settings_reset (settings, "language");
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("KW_LOCALEDIR");
  kw_application_setup_locale ();
  g_assert_cmpstr (_("Key Figures & Contacts"), ==, "Key Figures & Contacts");
}

static GMenuModel *
find_menu_model (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *found = find_menu_model (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
menu_has_label (GMenuModel *menu,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_label (section, label))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &text)
          && g_str_equal (text, label))
        return TRUE;
    }
  return FALSE;
}

/* The main menu says whom Import and Export are for; the export's name says whose it is. */
static void
test_export_wording (KwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *expected = g_strdup_printf ("kwartier-samira-el-idrissi-%s.kwartier.jsonl", date);
  g_autofree char *anonymous = g_strdup_printf ("kwartier-%s.kwartier.jsonl", date);
  g_autofree char *name = NULL;
  g_autofree char *unnamed = NULL;
  GMenuModel *menu;

  kw_test_fixture_open (f);
  menu = find_menu_model (GTK_WIDGET (f->window));
  g_assert_nonnull (menu);
  g_assert_true (menu_has_label (menu, "_Import from Fellow Organisers…"));
  g_assert_true (menu_has_label (menu, "_Export for Fellow Organisers…"));
  g_assert_false (menu_has_label (menu, "_Import…"));

  unnamed = _kw_window_dup_export_name (f->store);
  g_assert_cmpstr (unnamed, ==, anonymous);
  g_assert_true (kw_store_set_organiser (f->store, "Samira El-Idrissi", &error));
  name = _kw_window_dup_export_name (f->store);
  g_assert_cmpstr (name, ==, expected);
}

static AdwMessageDialog *
find_welcome (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KW_IS_WELCOME_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_welcome (KwTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *organiser = NULL;
  AdwMessageDialog *welcome;
  KwRecordList *people;

  g_settings_set_string (settings, "organiser-name", "Test Organiser");
  kw_test_fixture_open_full (f, FALSE);
  /* it comes in an idle after the window is mapped */
  KW_TEST_WAIT_UNTIL ((welcome = find_welcome ()) != NULL);
  g_assert_nonnull (welcome);
  people = kw_contacts_view_get_list (KW_CONTACTS_VIEW (kw_window_get_contacts_view (f->window)), "person");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 0);

  adw_message_dialog_response (welcome, "demo");
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (people)) > 10);
  g_assert_true (g_settings_get_boolean (settings, "first-run-done"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), >, 10);
  organiser = kw_store_dup_organiser (f->store);
  g_assert_cmpstr (organiser, ==, "Test Organiser");
}

static AdwMessageDialog *
wait_for_welcome (void)
{
  AdwMessageDialog *welcome = NULL;

  /* it comes in an idle after the window is mapped */
  KW_TEST_WAIT_UNTIL ((welcome = find_welcome ()) != NULL);
  g_assert_nonnull (welcome);
  return welcome;
}

static gboolean
welcome_gone (void)
{
  AdwMessageDialog *welcome = NULL;

  KW_TEST_WAIT_UNTIL ((welcome = find_welcome ()) == NULL || !gtk_widget_get_visible (GTK_WIDGET (welcome)));
  return welcome == NULL || !gtk_widget_get_visible (GTK_WIDGET (welcome));
}

/* Enter in the name field takes the default response (the demo data). */
static void
test_welcome_enter (KwTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *organiser = NULL;
  AdwMessageDialog *welcome;
  GtkWidget *name_row;

  g_settings_set_string (settings, "organiser-name", "");
  kw_test_fixture_open_full (f, FALSE);
  welcome = wait_for_welcome ();
  g_assert_cmpstr (adw_message_dialog_get_default_response (welcome), ==, "demo");
  name_row = find_child_of_type (GTK_WIDGET (welcome), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Noor Bakker");
  g_signal_emit_by_name (name_row, "entry-activated");
  g_assert_true (welcome_gone ());
  g_assert_true (g_settings_get_boolean (settings, "first-run-done"));
  g_assert_cmpint (kw_store_count (f->store, "person"), >, 10);
  organiser = kw_store_dup_organiser (f->store);
  g_assert_cmpstr (organiser, ==, "Noor Bakker");
  g_settings_reset (settings, "organiser-name");
}

/* Escape chooses nothing: the welcome comes again, and the menu offers the
 * demo data while the database is empty. */
static void
test_welcome_escape (KwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwMessageDialog *welcome;
  gint64 n;

  kw_test_fixture_open_full (f, FALSE);
  welcome = wait_for_welcome ();
  g_assert_cmpstr (adw_message_dialog_get_close_response (welcome), ==, "later");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (welcome), "window.close", NULL));
  g_assert_true (welcome_gone ());
  g_assert_false (g_settings_get_boolean (settings, "first-run-done"));
  g_assert_true (kw_store_is_empty (f->store));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-demo", NULL));
  n = kw_store_count (f->store, "person");
  g_assert_cmpint (n, >, 10);
  g_assert_true (g_settings_get_boolean (settings, "first-run-done"));
  /* once there is data, it is not loaded again */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-demo", NULL);
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, n);
}

static void
test_no_welcome_twice (KwTestFixture *f,
                       gconstpointer  data)
{
  kw_test_fixture_open_full (f, TRUE);
  /* the welcome comes in an idle after the window is mapped: whatever
   * the loop has ready has run */
  kw_test_flush ();
  g_assert_null (find_welcome ());
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/kw/ui/window/" path, KwTestFixture, data, kw_test_fixture_setup, func, kw_test_fixture_teardown)
  ADD ("sidebar", test_sidebar, KW_TEST_DEMO);
  ADD ("show-view", test_show_view, KW_TEST_DEMO);
  ADD ("extra-view", test_extra_view, KW_TEST_DEMO);
  ADD ("empty-pages", test_empty_pages, KW_TEST_EMPTY);
  ADD ("open-record", test_open_from_search, KW_TEST_DEMO);
  ADD ("summary-alliance", test_summary_alliance, KW_TEST_DEMO);
  ADD ("summary-unclaimed", test_summary_unclaimed, KW_TEST_DEMO);
  ADD ("global-search", test_global_search, KW_TEST_DEMO);
  ADD ("accessible-labels", test_accessible_labels, KW_TEST_EMPTY);
  ADD ("preferences", test_preferences, KW_TEST_DEMO);
  ADD ("preferences-language", test_preferences_language, KW_TEST_EMPTY);
  ADD ("export-wording", test_export_wording, KW_TEST_EMPTY);
  ADD ("language-setting", test_language_setting, KW_TEST_EMPTY);
  ADD ("window-size", test_resize_settings, KW_TEST_EMPTY);
  ADD ("welcome", test_welcome, KW_TEST_EMPTY);
  ADD ("no-welcome-when-done", test_no_welcome_twice, KW_TEST_EMPTY);
  ADD ("welcome-enter", test_welcome_enter, KW_TEST_EMPTY);
  ADD ("welcome-escape", test_welcome_escape, KW_TEST_EMPTY);
#undef ADD

  return g_test_run ();
}
