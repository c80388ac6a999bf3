/* test-list-pane.c: KwListPane on its own, and a view's actions while
 * the window is busy (by sensitivity) and from the window's menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "kw-action-forwarder.h"
#include "kw-contacts-view.h"
#include "kw-list-pane.h"
#include "kw-merge-window.h"
#include "kw-record-list.h"
#include "kw-test-util.h"
#include "kw-window-private.h"

typedef struct {
  char *type;
  char *id;
  guint n_activated;
  guint n_cleared;
} Activated;

static void
on_activate_cb (KwListPane *pane,
                const char *type,
                const char *id,
                Activated  *seen)
{
  g_free (seen->type);
  g_free (seen->id);
  seen->type = g_strdup (type);
  seen->id = g_strdup (id);
  seen->n_activated++;
}

static void
on_clear_filters_cb (KwListPane *pane,
                     Activated  *seen)
{
  seen->n_cleared++;
}

static char *
on_format_count_cb (KwListPane *pane,
                    guint       n,
                    gpointer    data)
{
  return g_strdup_printf ("%u things", n);
}

/* The first widget under root of the type (with that label or title). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *label = NULL;

      if (GTK_IS_MENU_BUTTON (root))
        label = gtk_menu_button_get_label (GTK_MENU_BUTTON (root));
      else if (GTK_IS_BUTTON (root))
        label = gtk_button_get_label (GTK_BUTTON (root));
      else if (ADW_IS_STATUS_PAGE (root))
        label = adw_status_page_get_title (ADW_STATUS_PAGE (root));
      if (text == NULL || g_strcmp0 (label, text) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
wait_for_model (GtkListView *view)
{
  KW_TEST_WAIT_UNTIL (gtk_list_view_get_model (view) != NULL);
  g_assert_nonnull (gtk_list_view_get_model (view));
}

static void
wait_while_busy (KwRecordList *list)
{
  for (guint i = 0; i < 500 && kw_record_list_get_busy (list); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (kw_record_list_get_busy (list));
}

static GtkWidget *
count_label (KwListPane *pane)
{
  GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (kw_list_pane_get_list_view (pane)));

  return gtk_widget_get_last_child (gtk_widget_get_prev_sibling (gtk_widget_get_parent (scrolled)));
}

/* The pane over a KwRecordList: the model after the first frame, the
 * count, the filter button, the empty page for a search and for
 * filters, and "activate" from the list and from Enter in the search. */
static void
test_pane (KwTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(KwRecordList) list = kw_record_list_new (f->store, "organisation");
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(KwRecord) first = NULL;
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  Activated seen = { 0 };
  GtkWidget *window = gtk_window_new ();
  KwListPane *pane, *plain;
  GtkWidget *filter, *button, *empty;

  /* no Filter button without the view's filters */
  plain = g_object_ref_sink (g_object_new (KW_TYPE_LIST_PANE, NULL));
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (plain), GTK_TYPE_MENU_BUTTON, "Filter")));
  g_object_unref (plain);
  g_type_ensure (KW_TYPE_LIST_PANE);
  builder = gtk_builder_new_from_string ("<interface><object class=\"KwListPane\" id=\"pane\">"
                                         "<child type=\"filter\"><object class=\"GtkCheckButton\" id=\"filter\">"
                                         "<property name=\"label\">A filter of the view</property></object></child>"
                                         "</object></interface>", -1);
  pane = KW_LIST_PANE (gtk_builder_get_object (builder, "pane"));
  filter = GTK_WIDGET (gtk_builder_get_object (builder, "filter"));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (pane));
  button = find_widget (GTK_WIDGET (pane), GTK_TYPE_MENU_BUTTON, "Filter");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_ancestor (filter, button));

  g_signal_connect (pane, "activate", G_CALLBACK (on_activate_cb), &seen);
  g_signal_connect (pane, "clear-filters", G_CALLBACK (on_clear_filters_cb), &seen);
  g_signal_connect (pane, "format-count", G_CALLBACK (on_format_count_cb), NULL);
  kw_record_list_set_async (list, TRUE);
  kw_list_pane_set_model (pane, G_LIST_MODEL (list));
  /* the list view takes the model after the first frame */
  g_assert_null (gtk_list_view_get_model (kw_list_pane_get_list_view (pane)));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_model (kw_list_pane_get_list_view (pane));
  count = g_strdup_printf ("%" G_GINT64_FORMAT " things", kw_store_count (f->store, "organisation"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count_label (pane))), ==, count);
  g_assert_true (gtk_widget_get_visible (count_label (pane)));

  /* a row chosen: its type and id */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_signal_emit_by_name (kw_list_pane_get_list_view (pane), "activate", 0);
  g_assert_cmpuint (seen.n_activated, ==, 1);
  g_assert_cmpstr (seen.type, ==, "organisation");
  g_assert_cmpstr (seen.id, ==, kw_record_get_id (first));

  /* the selected record follows its id */
  kw_list_pane_set_selected_id (pane, kw_record_get_id (first));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (kw_list_pane_get_list_view (pane)))), ==, 0);

  /* filters: the button counts them */
  kw_list_pane_set_n_filters (pane, 2);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Filter (2)");
  g_assert_true (gtk_widget_has_css_class (button, "accent"));

  /* nothing matches: the empty page says so and offers to clear the filters */
  kw_list_pane_set_search_text (pane, "no such organisation anywhere");
  g_assert_true (kw_list_pane_get_searching (pane));
  wait_while_busy (list);
  KW_TEST_WAIT_UNTIL ((empty = find_widget (GTK_WIDGET (pane), ADW_TYPE_STATUS_PAGE,
                                            "No Matches for These Filters")) != NULL
                      && gtk_widget_get_mapped (empty));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_false (gtk_widget_get_visible (count_label (pane)));
  g_signal_emit_by_name (find_widget (empty, GTK_TYPE_BUTTON, "_Clear Filters"), "clicked");
  g_assert_cmpuint (seen.n_cleared, ==, 1);
  kw_list_pane_set_n_filters (pane, 0);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Filter");
  g_assert_false (gtk_widget_has_css_class (button, "accent"));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Matches");

  /* Enter in the search: the first of the search, once it is done */
  title = kw_record_dup_title (first);
  kw_list_pane_set_search_text (pane, title);
  g_signal_emit_by_name (find_widget (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY, NULL), "activate");
  wait_while_busy (list);
  g_assert_cmpuint (seen.n_activated, ==, 2);
  g_assert_cmpstr (seen.id, ==, kw_record_get_id (first));

  gtk_window_destroy (GTK_WINDOW (window));
  g_free (seen.type);
  g_free (seen.id);
}

/* No records at all: the view's words and its New button. */
static void
test_pane_empty (KwTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GListStore) nothing = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *window = gtk_window_new ();
  KwListPane *pane;
  GtkWidget *empty, *add, *extra;

  g_type_ensure (KW_TYPE_LIST_PANE);
  builder = gtk_builder_new_from_string ("<interface><object class=\"KwListPane\" id=\"pane\">"
                                         "<child type=\"empty\"><object class=\"GtkButton\" id=\"extra\">"
                                         "<property name=\"label\">Import Things</property></object></child>"
                                         "</object></interface>", -1);
  pane = KW_LIST_PANE (gtk_builder_get_object (builder, "pane"));
  extra = GTK_WIDGET (gtk_builder_get_object (builder, "extra"));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (pane));
  kw_list_pane_set_model (pane, G_LIST_MODEL (nothing));
  kw_list_pane_set_empty_state (pane, "folder-symbolic", "No Things Yet", "Add a thing.", "_Add Thing");
  gtk_window_present (GTK_WINDOW (window));
  wait_for_model (kw_list_pane_get_list_view (pane));
  KW_TEST_WAIT_UNTIL ((empty = find_widget (GTK_WIDGET (pane), ADW_TYPE_STATUS_PAGE, "No Things Yet")) != NULL
                      && gtk_widget_get_mapped (empty));
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (empty)), ==, "folder-symbolic");
  add = find_widget (empty, GTK_TYPE_BUTTON, "_Add Thing");
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_get_visible (add));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (add)), ==, "win.new");
  g_assert_false (gtk_widget_get_visible (find_widget (empty, GTK_TYPE_BUTTON, "_Clear Filters")));
  /* the view's own buttons below it; when the view hides them, no gap is left */
  g_assert_true (gtk_widget_is_ancestor (extra, empty));
  g_assert_true (gtk_widget_get_mapped (extra));
  gtk_widget_set_visible (extra, FALSE);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (extra)));
  gtk_widget_set_visible (extra, TRUE);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (extra)));
  /* a view that makes no records: no button */
  kw_list_pane_set_empty_state (pane, NULL, "Nothing Here", NULL, NULL);
  g_assert_false (gtk_widget_get_visible (add));
  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static KwMergeWindow *
find_merge_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KW_IS_MERGE_WINDOW (window))
        return KW_MERGE_WINDOW (window);
    }
  return NULL;
}

static void
close_dialog (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  kw_test_flush ();
}

/* While the window is busy its views are insensitive, and their actions
 * cannot be activated (from the view, nor from the window's menu); after,
 * they can. */
static void
test_busy_actions (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(KwActionForwarder) forwarder = NULL;
  GtkWidget *view;

  kw_test_fixture_open (f);
  view = kw_window_get_contacts_view (f->window);
  forwarder = kw_action_forwarder_new (view, "contacts");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (forwarder), "import-people"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (forwarder), "import-people"));

  gtk_widget_activate_action (view, "contacts.export-people", NULL);
  g_assert_nonnull (find_dialog ("Export the Listed People"));
  close_dialog (find_dialog ("Export the Listed People"));
  g_assert_null (find_dialog ("Export the Listed People"));

  _kw_window_set_busy (f->window, "Working…");
  g_assert_true (_kw_window_get_busy (f->window));
  g_assert_false (gtk_widget_is_sensitive (view));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (forwarder), "import-people"));
  gtk_widget_activate_action (view, "contacts.export-people", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "contacts.export-people", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "contacts.find-duplicates", NULL);
  kw_test_settle (20);   /* nothing happens: no dialog comes */
  g_assert_null (find_dialog ("Export the Listed People"));
  g_assert_null (find_merge_window ());
  /* the window's own: the search popover does not open */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  kw_test_settle (20);   /* nothing happens: the popover stays closed */
  g_assert_false (gtk_widget_get_visible (kw_window_get_search_popover (f->window)));

  _kw_window_set_busy (f->window, NULL);
  g_assert_true (gtk_widget_is_sensitive (view));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (forwarder), "import-people"));
  /* the window's menu: through the window, not the view */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "contacts.export-people", NULL);
  g_assert_nonnull (find_dialog ("Export the Listed People"));
  close_dialog (find_dialog ("Export the Listed People"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "contacts.find-duplicates", NULL);
  g_assert_nonnull (find_merge_window ());
  gtk_window_destroy (GTK_WINDOW (find_merge_window ()));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  KW_TEST_WAIT_UNTIL (gtk_widget_get_visible (kw_window_get_search_popover (f->window)));
}

/* The Import of Kwartier exports, given a contact file: the view that
 * reads such files offers to (kw_view_offer_file), the window names it not. */
static void
test_offer_file (KwTestFixture *f,
                 gconstpointer  data)
{
  g_autofree char *vcf = g_build_filename (f->dir, "people.vcf", NULL);
  AdwMessageDialog *offer;

  kw_test_fixture_open (f);
  g_assert_true (g_file_set_contents (vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ilse Verbeek\r\nEND:VCARD\r\n", -1, NULL));
  g_assert_true (_kw_window_offer_file (f->window, vcf));
  offer = find_dialog ("Not a Kwartier Export");
  g_assert_nonnull (offer);
  close_dialog (offer);
  g_assert_false (_kw_window_offer_file (f->window, "/nonexistent.kwartier.jsonl"));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/kw/ui/list-pane/" path, KwTestFixture, data, kw_test_fixture_setup, func, kw_test_fixture_teardown)

  ADD ("pane", test_pane, KW_TEST_DEMO);
  ADD ("pane-empty", test_pane_empty, KW_TEST_EMPTY);
  ADD ("busy-actions", test_busy_actions, KW_TEST_DEMO);
  ADD ("offer-file", test_offer_file, KW_TEST_DEMO);
  return g_test_run ();
}
