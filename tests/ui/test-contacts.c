/* test-contacts.c: the Key Figures & Contacts view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "kw-contacts-view-private.h"
#include "kw-error.h"
#include "kw-import-people-dialog.h"
#include "kw-merge-window.h"
#include "kw-people-export.h"
#include "kw-people-import.h"
#include "kw-sync-folder.h"
#include "kw-window-private.h"
#include "kw-person-page.h"
#include "kw-search-popover.h"
#include "kw-store-query.h"
#include "kw-test-util.h"

static GtkWidget *find_widget (GtkWidget  *root,
                               GType       type,
                               const char *text);

static KwContactsView *
contacts_view (KwTestFixture *f)
{
  return KW_CONTACTS_VIEW (kw_window_get_contacts_view (f->window));
}

static KwPersonPage *
person_page (KwTestFixture *f)
{
  return KW_PERSON_PAGE (kw_contacts_view_get_page (contacts_view (f), "person"));
}

/* Makes a person through the window's "new" action: a draft, named and
 * then added (nothing is stored before that). */
static char *
create_person (KwTestFixture *f,
               const char    *name)
{
  gint64 before = kw_store_count (f->store, "person");
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL));
  KW_TEST_WAIT_UNTIL (kw_person_page_is_draft (person_page (f)));
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, before);
  row = kw_person_page_get_row (person_page (f), "name");
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (person_page (f)), "person.add-draft", NULL));
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, before + 1);
  return g_strdup (kw_person_page_get_id (person_page (f)));
}

/* The list search, and its result: it runs in a thread. */
static void
search_list (KwTestFixture *f,
             const char    *text)
{
  KwRecordList *people = kw_contacts_view_get_list (contacts_view (f), "person");
  KwRecordList *organisations = kw_contacts_view_get_list (contacts_view (f), "organisation");

  kw_contacts_view_set_search (contacts_view (f), text);
  KW_TEST_WAIT_UNTIL (!kw_record_list_get_busy (people) && !kw_record_list_get_busy (organisations));
  g_assert_false (kw_record_list_get_busy (people));
  g_assert_false (kw_record_list_get_busy (organisations));
}

static void
test_create_and_edit (KwTestFixture *f,
                      gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(KwRecord) record = NULL;
  GtkWidget *row;

  kw_test_fixture_open (f);
  id = create_person (f, "Zeynep Testcase");
  record = kw_store_get (f->store, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_string (record, "name"), ==, "Zeynep Testcase");

  row = kw_person_page_get_row (person_page (f), "phone");
  gtk_editable_set_text (GTK_EDITABLE (row), "020 555 0101");
  g_signal_emit_by_name (row, "apply");
  g_clear_object (&record);
  record = kw_store_get (f->store, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_string (record, "phone"), ==, "020 555 0101");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* a switch writes at once */
  row = kw_person_page_get_row (person_page (f), "key_figure");
  gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "kw-switch"), TRUE);
  g_clear_object (&record);
  record = kw_store_get (f->store, "person", id, NULL);
  g_assert_true (kw_record_get_bool (record, "key_figure"));

  /* an enum through its combo row: the second value is "shared" */
  row = kw_person_page_get_row (person_page (f), "consent");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_clear_object (&record);
  record = kw_store_get (f->store, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_string (record, "consent"), ==, "shared");
}

static void
test_invalid_value (KwTestFixture *f,
                    gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(KwRecord) record = NULL;
  g_autofree char *stamp = NULL;
  GtkWidget *row, *message;

  kw_test_fixture_open (f);
  id = create_person (f, "Invalid Date");
  record = kw_store_get (f->store, "person", id, NULL);
  stamp = g_strdup (kw_record_get_stamp (record, "consent_date"));

  row = kw_person_page_get_row (person_page (f), "consent_date");
  gtk_editable_set_text (GTK_EDITABLE (row), "31-02-2020");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* said in words under the field, without the field's internal name */
  message = kw_person_page_get_message (person_page (f), "consent_date");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_label (g_object_get_data (G_OBJECT (message), "kw-label")), "Enter a date"));
  g_assert_null (strstr (gtk_label_get_label (g_object_get_data (G_OBJECT (message), "kw-label")), "consent_date"));
  g_clear_object (&record);
  record = kw_store_get (f->store, "person", id, NULL);
  g_assert_true (kw_record_is_null (record, "consent_date"));
  g_assert_cmpstr (kw_record_get_stamp (record, "consent_date"), ==, stamp);

  /* an empty name is refused too, and a good date clears the mark */
  row = kw_person_page_get_row (person_page (f), "name");
  gtk_editable_set_text (GTK_EDITABLE (row), "  ");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  row = kw_person_page_get_row (person_page (f), "consent_date");
  gtk_editable_set_text (GTK_EDITABLE (row), "2020-02-29");
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_clear_object (&record);
  record = kw_store_get (f->store, "person", id, NULL);
  g_assert_cmpstr (kw_record_get_string (record, "consent_date"), ==, "2020-02-29");
  g_assert_cmpstr (kw_record_get_string (record, "name"), ==, "Invalid Date");
}

static void
test_search (KwTestFixture *f,
             gconstpointer  data)
{
  g_autofree char *id = NULL;
  KwRecordList *list;
  gint64 all;

  kw_test_fixture_open (f);
  id = create_person (f, "Zeynep Testcase");
  list = kw_contacts_view_get_list (contacts_view (f), "person");
  all = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpint (all, ==, kw_store_count (f->store, "person"));

  /* the search runs in a thread: the list keeps its rows meanwhile */
  kw_contacts_view_set_search (contacts_view (f), "ynep testc");
  g_assert_true (kw_record_list_get_busy (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, all);
  search_list (f, "ynep testc");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* Enter before the search is done opens its first, not the one before */
  kw_contacts_view_close (contacts_view (f), id);
  search_list (f, "");
  kw_contacts_view_set_search (contacts_view (f), "ynep testca");
  g_assert_true (kw_record_list_get_busy (list));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (contacts_view (f)), GTK_TYPE_SEARCH_ENTRY, "Search people"), "activate");
  g_assert_null (kw_contacts_view_get_open_id (contacts_view (f)));
  search_list (f, "ynep testca");
  g_assert_cmpstr (kw_contacts_view_get_open_id (contacts_view (f)), ==, id);
  g_assert_cmpuint (kw_record_list_find (list, id), ==, 0);

  search_list (f, "estca");
  g_assert_cmpuint (kw_record_list_find (list, id), !=, G_MAXUINT);

  search_list (f, "no such person at all");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  search_list (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, all);
}

static void
test_delete_undo (KwTestFixture *f,
                  gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(KwRecord) record = NULL;
  KwRecordList *list;

  kw_test_fixture_open (f);
  id = create_person (f, "Undo Me");
  list = kw_contacts_view_get_list (contacts_view (f), "person");
  g_assert_cmpuint (kw_record_list_find (list, id), !=, G_MAXUINT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (person_page (f)), "person.delete", NULL));
  g_assert_nonnull (kw_window_get_undo_toast (f->window));
  g_assert_cmpuint (kw_record_list_find (list, id), ==, G_MAXUINT);
  record = kw_store_lookup (f->store, "person", id, NULL);
  g_assert_nonnull (record);   /* not deleted before the toast goes */
  g_assert_false (kw_record_is_deleted (record));
  g_assert_null (kw_store_get (f->store, "person", id, NULL));   /* but hidden */
  kw_test_wait_toast_shown (GTK_WIDGET (f->window), NULL);  /* libadwaita 1.2 can crash on a toast going while it comes in */

  /* undo as a user can: on the toast once shown (libadwaita 1.2 writes to a
   * freed toast when one is dismissed during its show animation) */
  kw_test_wait_toast_shown (GTK_WIDGET (f->window), NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", NULL));
  KW_TEST_WAIT_UNTIL (kw_window_get_undo_toast (f->window) == NULL && kw_record_list_find (list, id) != G_MAXUINT);
  g_assert_null (kw_window_get_undo_toast (f->window));
  g_assert_cmpuint (kw_record_list_find (list, id), !=, G_MAXUINT);
  g_clear_object (&record);
  record = kw_store_get (f->store, "person", id, NULL);
  g_assert_nonnull (record);
  g_assert_cmpstr (kw_contacts_view_get_open_id (contacts_view (f)), ==, id);
}

static void
test_delete_dismiss (KwTestFixture *f,
                     gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwRecord) record = NULL;
  KwRecordList *list;
  gint64 before;

  kw_test_fixture_open (f);
  id = create_person (f, "Dismiss Me");
  before = kw_store_count (f->store, "person");
  list = kw_contacts_view_get_list (contacts_view (f), "person");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-record", "(ss)", "person", id);
  g_assert_nonnull (kw_window_get_undo_toast (f->window));
  kw_test_wait_toast_shown (GTK_WIDGET (f->window), NULL);  /* libadwaita 1.2 can crash on a toast going while it comes in */
  adw_toast_dismiss (kw_window_get_undo_toast (f->window));
  KW_TEST_WAIT_UNTIL (kw_window_get_undo_toast (f->window) == NULL);

  record = kw_store_get (f->store, "person", id, &error);
  g_assert_null (record);
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED);
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, before - 1);
  g_assert_cmpuint (kw_record_list_find (list, id), ==, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before - 1);
}

static void
test_relation (KwTestFixture *f,
               gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *rel = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  KwChildGroup *group;

  kw_test_fixture_open (f);
  b = create_person (f, "Other Party");
  a = create_person (f, "First Party");
  group = kw_person_page_get_group (person_page (f), "relation");
  g_assert_cmpuint (kw_child_group_get_n_rows (group), ==, 0);
  rel = kw_child_group_add (group, "person", b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kw_child_group_get_n_rows (group), ==, 1);
  relations = kw_store_list_by_ref (f->store, "relation", "from", a, NULL);
  g_assert_cmpuint (relations->len, ==, 1);
  g_assert_cmpstr (kw_record_get_string (g_ptr_array_index (relations, 0), "to"), ==, b);

  /* removing it waits for its toast, like every delete */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-record", "(ss)", "relation", rel);
  g_assert_cmpuint (kw_child_group_get_n_rows (group), ==, 0);
  g_assert_true (kw_store_is_pending (f->store, "relation", rel));   /* hidden, not deleted */
  kw_test_wait_toast_shown (GTK_WIDGET (f->window), NULL);  /* libadwaita 1.2 can crash on a toast going while it comes in */
  adw_toast_dismiss (kw_window_get_undo_toast (f->window));
  KW_TEST_WAIT_UNTIL (kw_window_get_undo_toast (f->window) == NULL);
  g_assert_null (kw_store_get (f->store, "relation", rel, NULL));
  g_assert_cmpuint (kw_child_group_get_n_rows (group), ==, 0);

  /* a contact moment sets "last contact" */
  group = kw_person_page_get_group (person_page (f), "contact_moment");
  g_free (rel);
  rel = kw_child_group_add (group, NULL, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kw_child_group_get_n_rows (group), ==, 1);
  g_assert_null (kw_store_dup_last_contact (f->store, a));   /* no date yet */
}

/* Whether a label under root shows text. */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The rows the list view shows are the first of the list, the first one
 * at the top: a new list is shown from its top, with no row of the list
 * before it left on screen. */
static void
assert_shows_top (GtkListView  *view,
                  KwRecordList *list)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), 40), shown = 0;
  g_auto(GStrv) titles = g_new0 (char *, n + 1);
  double top = G_MAXDOUBLE;
  GtkWidget *top_row = NULL;

  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
      titles[i] = kw_record_dup_title (record);
    }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (view)); row; row = gtk_widget_get_next_sibling (row))
    {
      double x, y;
      gboolean known = FALSE;

      if (!gtk_widget_get_mapped (row) || !gtk_widget_get_child_visible (row)
          || !gtk_widget_translate_coordinates (row, GTK_WIDGET (view), 0, 0, &x, &y)
          || y + gtk_widget_get_height (row) <= 0 || y >= gtk_widget_get_height (GTK_WIDGET (view)))
        continue;
      for (guint i = 0; i < n && !known; i++)
        known = has_label (row, titles[i]);
      g_assert_true (known);
      shown++;
      if (y < top)
        {
          top = y;
          top_row = row;
        }
    }
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpfloat (top, <=, 0);
  g_assert_true (has_label (top_row, titles[0]));
}

static void
test_large_list (KwTestFixture *f,
                 gconstpointer  data)
{
  KwRecordList *list;
  GtkListView *view;
  GtkAdjustment *adj;
  g_autoptr(KwRecord) middle = NULL;
  gint64 n;

  kw_test_fixture_open (f);
  n = kw_store_count (f->store, "person");
  g_assert_cmpint (n, >=, 20000);
  list = kw_contacts_view_get_list (contacts_view (f), "person");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  view = kw_contacts_view_get_list_view (contacts_view (f));
  /* the rows come after the window's first frame */
  KW_TEST_WAIT_UNTIL (gtk_list_view_get_model (view) != NULL);
  g_assert_nonnull (gtk_list_view_get_model (view));
  kw_test_wait_frames (GTK_WIDGET (view), 1);
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj) * 10);
  for (guint i = 1; i <= 10; i++)
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) * i / 11);
      kw_test_wait_frames (GTK_WIDGET (view), 1);
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, gtk_adjustment_get_upper (adj) / 2);
  middle = g_list_model_get_item (G_LIST_MODEL (list), n / 2);
  g_assert_true (KW_IS_RECORD (middle));

  /* search and a filter stay on the same model */
  search_list (f, kw_record_get_string (middle, "name"));
  g_assert_cmpuint (kw_record_list_find (list, kw_record_get_id (middle)), !=, G_MAXUINT);

  /* a large change (in two steps, new rows first) shows the new list
   * from its top, in the row widgets the list view had: scrolled down,
   * then searched; the search cleared; a short search */
  search_list (f, "");
  kw_test_wait_frames (GTK_WIDGET (view), 1);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) / 2);
  kw_test_wait_frames (GTK_WIDGET (view), 1);
  search_list (f, "an");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 1000);
  kw_test_wait_frames (GTK_WIDGET (view), 1);
  assert_shows_top (view, list);
  search_list (f, kw_record_get_string (middle, "name"));
  kw_test_wait_frames (GTK_WIDGET (view), 1);
  assert_shows_top (view, list);
  search_list (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  kw_test_wait_frames (GTK_WIDGET (view), 1);
  assert_shows_top (view, list);
  search_list (f, "e");
  kw_test_wait_frames (GTK_WIDGET (view), 1);
  assert_shows_top (view, list);
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && (heading == NULL || g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static char *
create_link (KwStore    *store,
             const char *type,
             const char *f1,
             const char *v1,
             const char *f2,
             const char *v2)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (type, NULL);
  g_autoptr(GError) error = NULL;
  char *id;

  kw_changeset_set_string (changes, f1, v1);
  kw_changeset_set_string (changes, f2, v2);
  id = kw_store_create (store, changes, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_forget (KwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(KwRecord) tombstone = NULL;
  g_autofree char *a = NULL, *b = NULL, *aff = NULL, *rel = NULL, *moment = NULL;
  AdwMessageDialog *dialog;

  kw_test_fixture_open (f);
  b = create_person (f, "Someone Else");
  a = create_person (f, "Forget Me Now");
  organisations = kw_store_list (f->store, "organisation", NULL);
  aff = create_link (f->store, "affiliation", "person", a, "organisation",
                     kw_record_get_id (g_ptr_array_index (organisations, 0)));
  rel = create_link (f->store, "relation", "from", b, "to", a);
  moment = create_link (f->store, "contact_moment", "person", a, "summary", "talked about the square");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (person_page (f)), "person.forget", NULL));
  dialog = find_dialog (NULL);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "forget");
  kw_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Forgotten");

  tombstone = kw_store_lookup (f->store, "person", a, NULL);
  g_assert_true (kw_record_is_deleted (tombstone));
  g_assert_true (kw_record_is_null (tombstone, "name"));
  left = kw_store_list_by_ref (f->store, "affiliation", "person", a, NULL);
  g_assert_cmpuint (left->len, ==, 0);
  g_clear_pointer (&left, g_ptr_array_unref);
  left = kw_store_list_by_ref (f->store, "relation", "to", a, NULL);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_null (kw_store_get (f->store, "contact_moment", moment, NULL));
  g_assert_nonnull (find_dialog ("Forgotten"));
  g_assert_null (kw_contacts_view_get_open_id (contacts_view (f)));
}

static void
test_merge (KwTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(KwRecord) survivor = NULL;
  g_autoptr(KwRecord) affiliation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *aff = NULL;
  KwMergeWindow *merge;
  GtkWidget *row;

  kw_test_fixture_open (f);
  a = create_person (f, "Dubbel Persoon");
  row = kw_person_page_get_row (person_page (f), "email");
  gtk_editable_set_text (GTK_EDITABLE (row), "dubbel@example.org");
  g_signal_emit_by_name (row, "apply");
  b = create_person (f, "Dubbel Persoon Twee");
  row = kw_person_page_get_row (person_page (f), "email");
  gtk_editable_set_text (GTK_EDITABLE (row), "Dubbel@Example.org ");
  g_signal_emit_by_name (row, "apply");
  row = kw_person_page_get_row (person_page (f), "phone");
  gtk_editable_set_text (GTK_EDITABLE (row), "06 1111 2222");
  g_signal_emit_by_name (row, "apply");
  organisations = kw_store_list (f->store, "organisation", NULL);
  aff = create_link (f->store, "affiliation", "person", b, "organisation",
                     kw_record_get_id (g_ptr_array_index (organisations, 0)));

  merge = kw_merge_window_new (GTK_WINDOW (f->window), f->store);
  g_assert_cmpuint (kw_merge_window_get_n_pairs (merge), >=, 1);
  kw_merge_window_compare (merge, a, b);
  /* the more complete record stays (b, with a phone), its values first */
  g_assert_cmpstr (kw_merge_window_get_kept (merge), ==, b);
  g_assert_cmpint (kw_merge_window_get_choice (merge, "phone"), ==, 0);
  g_assert_false (kw_merge_window_choose (merge, "key_figure", 1));  /* the same in both */
  g_assert_true (kw_merge_window_choose (merge, "name", 1));         /* a's name */
  g_assert_true (kw_merge_window_merge (merge, &error));
  g_assert_no_error (error);

  survivor = kw_store_get (f->store, "person", b, NULL);
  g_assert_cmpstr (kw_record_get_string (survivor, "phone"), ==, "06 1111 2222");
  g_assert_cmpstr (kw_record_get_string (survivor, "name"), ==, "Dubbel Persoon");
  g_assert_null (kw_store_get (f->store, "person", a, NULL));
  affiliation = kw_store_get (f->store, "affiliation", aff, NULL);
  g_assert_cmpstr (kw_record_get_string (affiliation, "person"), ==, b);
  gtk_window_destroy (GTK_WINDOW (merge));
}

static void
test_filters_and_sort (KwTestFixture *f,
                       gconstpointer  data)
{
  KwRecordList *list;
  guint all, n;

  kw_test_fixture_open (f);
  list = kw_contacts_view_get_list (contacts_view (f), "person");
  all = g_list_model_get_n_items (G_LIST_MODEL (list));
  kw_record_list_set_filter (list, "key_figure", g_variant_new_boolean (TRUE));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwRecord) person = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_true (kw_record_get_bool (person, "key_figure"));
    }
  kw_record_list_set_filter (list, "key_figure", NULL);

  g_assert_true (gtk_widget_activate_action (kw_window_get_contacts_view (f->window), "contacts.sort", "s", "last-contact"));
  for (guint i = 1; i < MIN (all, 20); i++)
    {
      g_autoptr(KwRecord) p = g_list_model_get_item (G_LIST_MODEL (list), i - 1);
      g_autoptr(KwRecord) q = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *dp = kw_store_dup_last_contact (f->store, kw_record_get_id (p));
      g_autofree char *dq = kw_store_dup_last_contact (f->store, kw_record_get_id (q));

      g_assert_true (dq == NULL || (dp != NULL && g_strcmp0 (dp, dq) >= 0));
    }
  /* oldest first, for "who haven't I spoken to": the never contacted first */
  g_assert_true (gtk_widget_activate_action (kw_window_get_contacts_view (f->window), "contacts.sort", "s", "last-contact-oldest"));
  {
    g_autoptr(KwRecord) head = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autofree char *never = kw_store_dup_last_contact (f->store, kw_record_get_id (head));
    gboolean seen_date = FALSE;

    g_assert_null (never);
    for (guint i = 1; i < all; i++)
      {
        g_autoptr(KwRecord) p = g_list_model_get_item (G_LIST_MODEL (list), i - 1);
        g_autoptr(KwRecord) q = g_list_model_get_item (G_LIST_MODEL (list), i);
        g_autofree char *dp = kw_store_dup_last_contact (f->store, kw_record_get_id (p));
        g_autofree char *dq = kw_store_dup_last_contact (f->store, kw_record_get_id (q));

        seen_date = seen_date || dq != NULL;
        g_assert_true (dp == NULL || (dq != NULL && g_strcmp0 (dp, dq) <= 0));
      }
    g_assert_true (seen_date);
  }
  g_assert_true (gtk_widget_activate_action (kw_window_get_contacts_view (f->window), "contacts.sort", "s", "last-contact"));
  kw_record_list_set_stale (list, "contact_moment", "date", 12);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, <, all);
  kw_record_list_set_stale (list, "contact_moment", "date", 0);

  /* an area takes in the areas inside it */
  {
    g_autoptr(GPtrArray) areas = kw_store_list (f->store, "area", NULL);
    g_autoptr(KwRecord) someone = g_list_model_get_item (G_LIST_MODEL (list), 0);
    const char *inner = kw_record_get_string (someone, "area");
    g_autoptr(KwRecord) area = inner ? kw_store_get (f->store, "area", inner, NULL) : NULL;
    const char *outer = area ? kw_record_get_string (area, "parent") : NULL;

    g_assert_nonnull (outer);
    kw_record_list_set_filter (list, "area", g_variant_new_string (outer));
    g_assert_cmpuint (kw_record_list_find (list, kw_record_get_id (someone)), !=, G_MAXUINT);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, all);
    kw_record_list_set_filter (list, "area", g_variant_new_string (inner));
    g_assert_cmpuint (kw_record_list_find (list, kw_record_get_id (someone)), !=, G_MAXUINT);
    g_assert_cmpuint (areas->len, >, 1);
  }
}

static const char vcard[] =
  "BEGIN:VCARD\r\n"
  "VERSION:3.0\r\n"
  "N:Yılmaz;Zeynep;;;\r\n"
  "FN:Zeynep Yılmaz\r\n"
  "EMAIL;TYPE=INTERNET:zeynep@example.org\r\n"
  "TEL;TYPE=CELL:06 2222 3333\r\n"
  "NOTE:Runs the homework club\\, Tuesdays and\r\n"
  "  Thursdays\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"
  "VERSION:4.0\r\n"
  "N:Tahiri;Karim;;;\r\n"
  "item1.EMAIL:karim@example.org\r\n"
  "END:VCARD\r\n";

static void
test_import_vcard (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *zeynep = NULL;
  g_autofree char *karim = NULL;
  g_autoptr(KwRecord) record = NULL;
  KwImportPeopleDialog *dialog;
  guint added, updated, skipped;

  kw_test_fixture_open (f);
  dialog = kw_import_people_dialog_new (GTK_WINDOW (f->window), f->store, vcard, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kw_import_people_dialog_get_n_people (dialog), ==, 2);
  g_assert_true (kw_import_people_dialog_import (dialog, &added, &updated, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  zeynep = kw_store_find_person (f->store, "ZEYNEP@example.org", NULL, NULL);
  record = kw_store_get (f->store, "person", zeynep, NULL);
  g_assert_cmpstr (kw_record_get_string (record, "name"), ==, "Zeynep Yılmaz");
  g_assert_cmpstr (kw_record_get_string (record, "phone"), ==, "06 2222 3333");
  g_assert_cmpstr (kw_record_get_string (record, "notes"), ==, "Runs the homework club, Tuesdays and Thursdays");
  karim = kw_store_find_person (f->store, NULL, NULL, "karim tahiri");
  g_assert_nonnull (karim);

  /* out again as vCard: private people stay here */
  {
    KwRecordList *list = kw_contacts_view_get_list (contacts_view (f), "person");
    g_autofree char *text = NULL;
    g_autoptr(GPtrArray) back = NULL;
    guint written, left_out;

    text = kw_people_to_vcard (f->store, G_LIST_MODEL (list), &written, &left_out);
    g_assert_cmpuint (written + left_out, ==, g_list_model_get_n_items (G_LIST_MODEL (list)));
    g_assert_cmpuint (left_out, >, 0);
    g_assert_null (strstr (text, "Zeynep"));   /* consent not asked: private */
    back = kw_vcard_parse (text, NULL);
    g_assert_cmpuint (back->len, ==, written);
  }

  /* the same file again: both are already here and skipped */
  dialog = kw_import_people_dialog_new (GTK_WINDOW (f->window), f->store, vcard, FALSE, &error);
  g_assert_true (kw_import_people_dialog_import (dialog, &added, &updated, &skipped, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_csv (KwTestFixture *f,
                 gconstpointer  data)
{
  static const char csv[] =
    "Naam;E-mailadres;Telefoon;Wijk\n"
    "\"Bakker, Ria\";ria@example.org;020 123 4567;Betondorp\n"
    "Henk Smit;;06-12345678;Oost\n"
    "\n"
    ";geen-naam@example.org;;\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *ria = NULL;
  g_autoptr(KwRecord) record = NULL;
  KwImportPeopleDialog *dialog;
  guint added, updated, skipped;

  kw_test_fixture_open (f);
  dialog = kw_import_people_dialog_new (GTK_WINDOW (f->window), f->store, csv, TRUE, &error);
  g_assert_no_error (error);
  /* the row without a name is left out */
  g_assert_cmpuint (kw_import_people_dialog_get_n_people (dialog), ==, 2);
  /* the phone column left out by hand */
  kw_import_people_dialog_set_column (dialog, 2, "");
  kw_import_people_dialog_set_policy (dialog, KW_IMPORT_UPDATE);
  g_assert_true (kw_import_people_dialog_import (dialog, &added, &updated, &skipped, &error));
  g_assert_cmpuint (added, ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  ria = kw_store_find_person (f->store, "ria@example.org", NULL, NULL);
  record = kw_store_get (f->store, "person", ria, NULL);
  g_assert_cmpstr (kw_record_get_string (record, "name"), ==, "Bakker, Ria");
  g_assert_true (kw_record_is_null (record, "phone"));
}


typedef struct {
  gboolean done;
  gboolean ok;
  guint    added;
  guint    changed_on_main;
  guint    changed_elsewhere;
  GThread *main_thread;
  KwImportPeopleDialog *dialog;
} AsyncImport;

static void
on_async_import_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  AsyncImport *state = user_data;
  g_autoptr(GError) error = NULL;
  guint updated, skipped;

  state->ok = kw_import_people_dialog_import_finish (state->dialog, result, &state->added,
                                                     &updated, &skipped, &error);
  g_assert_no_error (error);
  state->done = TRUE;
}

static void
on_store_person_changed_cb (KwStore     *store,
                            const char  *type_name,
                            AsyncImport *state)
{
  if (g_thread_self () == state->main_thread)
    state->changed_on_main++;
  else
    state->changed_elsewhere++;
}

static char *
make_vcards (guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Async Person %u\r\n"
                               "EMAIL;TYPE=work:async%u@example.org\r\nEND:VCARD\r\n", i, i);
  return g_string_free (s, FALSE);
}

/* The import runs in a thread; the list and ::changed follow on the main
 * thread once the main loop has completed it. */
static void
test_import_async (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autofree char *vcards = make_vcards (300);
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  KwImportPeopleDialog *dialog;
  KwRecordList *people;
  AsyncImport state = { .main_thread = g_thread_self () };
  guint before;

  kw_test_fixture_open (f);
  people = kw_contacts_view_get_list (contacts_view (f), "person");
  before = g_list_model_get_n_items (G_LIST_MODEL (people));
  parsed = kw_vcard_parse (vcards, &error);
  g_assert_no_error (error);
  dialog = KW_IMPORT_PEOPLE_DIALOG (_kw_contacts_view_open_people_dialog (KW_CONTACTS_VIEW (kw_window_get_contacts_view (f->window)), parsed, FALSE));
  state.dialog = dialog;
  g_signal_connect (f->store, "changed::person", G_CALLBACK (on_store_person_changed_cb), &state);

  kw_import_people_dialog_import_async (dialog, NULL, on_async_import_done_cb, &state);
  g_assert_true (kw_import_people_dialog_get_busy (dialog));
  g_assert_true (kw_store_get_busy (f->store));
  /* the window shows its busy state and leaves the store alone */
  g_assert_true (_kw_window_get_busy (f->window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (kw_contacts_view_get_list_view (contacts_view (f)))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (kw_window_get_sidebar (f->window))));
  g_assert_false (state.done);
  KW_TEST_WAIT_UNTIL (state.done);

  g_assert_true (state.ok);
  g_assert_cmpuint (state.added, ==, 300);
  g_assert_false (kw_import_people_dialog_get_busy (dialog));
  g_assert_false (kw_store_get_busy (f->store));
  g_assert_false (_kw_window_get_busy (f->window));
  g_assert_cmpuint (state.changed_elsewhere, ==, 0);
  g_assert_cmpuint (state.changed_on_main, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, before + 300);
  found = kw_store_find_person (f->store, "async299@example.org", NULL, NULL);
  g_assert_nonnull (found);
  g_signal_handlers_disconnect_by_data (f->store, &state);
  gtk_window_destroy (GTK_WINDOW (dialog));
}


/* "Sync now" runs in a thread (a connection of its own); the window stays usable. */
static void
test_sync_now_async (KwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = g_build_filename (f->dir, "sync", NULL);
  g_autofree char *name = NULL;
  g_autofree char *own = NULL;
  KwSyncScheduler *scheduler;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_settings_set_string (settings, "sync-folder", folder);
  kw_test_fixture_open (f);
  scheduler = kw_window_get_sync_scheduler (f->window);
  /* the pass at start */
  KW_TEST_WAIT_UNTIL (kw_sync_scheduler_get_n_passes (scheduler) >= 1 && !kw_sync_scheduler_get_running (scheduler));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sync-now", NULL);
  g_assert_true (kw_sync_scheduler_get_running (scheduler));
  g_assert_false (_kw_window_get_busy (f->window));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (kw_window_get_sidebar (f->window))));
  /* a second request meanwhile waits for the first pass */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sync-now", NULL);
  KW_TEST_WAIT_UNTIL (!kw_sync_scheduler_get_running (scheduler));
  g_assert_false (kw_sync_scheduler_get_running (scheduler));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (kw_window_get_sidebar (f->window))));
  name = kw_sync_folder_file_name (f->store);
  own = g_build_filename (folder, name, NULL);
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));
  g_settings_reset (settings, "sync-folder");
}


/* Opening a record from search scrolls the list to it. */
static void
test_open_scrolls (KwTestFixture *f,
                   gconstpointer  data)
{
  KwRecordList *list;
  GtkListView *view;
  GtkAdjustment *adj;
  g_autoptr(KwRecord) last = NULL;
  guint n;

  kw_test_fixture_open (f);
  view = kw_contacts_view_get_list_view (contacts_view (f));
  KW_TEST_WAIT_UNTIL (gtk_list_view_get_model (view) != NULL);
  kw_test_wait_frames (GTK_WIDGET (view), 1);
  list = kw_contacts_view_get_list (contacts_view (f), "person");
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "person", kw_record_get_id (last));
  /* scrolled in the frames after the page opened */
  KW_TEST_WAIT_UNTIL (gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) >= gtk_adjustment_get_upper (adj) - 1);
  g_assert_cmpstr (kw_contacts_view_get_open_id (contacts_view (f)), ==, kw_record_get_id (last));
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj), >=,
                     gtk_adjustment_get_upper (adj) - 1);
}

/* The first widget under root (root too) of the type whose label, title
 * or name is text (any, when text is NULL). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *label = NULL;

      /* a search entry by its placeholder (drop-downs have search entries too) */
      if (GTK_IS_SEARCH_ENTRY (root) && text != NULL)
        {
          g_autofree char *placeholder = NULL;

          g_object_get (root, "placeholder-text", &placeholder, NULL);
          if (g_strcmp0 (placeholder, text) == 0)
            return root;
        }

      if (GTK_IS_MENU_BUTTON (root))
        label = gtk_menu_button_get_label (GTK_MENU_BUTTON (root));
      else if (GTK_IS_BUTTON (root))
        label = gtk_button_get_label (GTK_BUTTON (root));
      else if (GTK_IS_CHECK_BUTTON (root))
        label = gtk_check_button_get_label (GTK_CHECK_BUTTON (root));
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
wait_for_rows (KwTestFixture *f)
{
  GtkListView *view = kw_contacts_view_get_list_view (contacts_view (f));

  KW_TEST_WAIT_UNTIL (gtk_list_view_get_model (view) != NULL);
  g_assert_nonnull (gtk_list_view_get_model (view));
}

static GtkWidget *
filter_button (KwTestFixture *f)
{
  GtkWidget *view = GTK_WIDGET (contacts_view (f));
  GtkWidget *button = find_widget (view, GTK_TYPE_MENU_BUTTON, "Filter");

  for (guint n = 1; button == NULL && n < 8; n++)
    {
      g_autofree char *label = g_strdup_printf ("Filter (%u)", n);
      button = find_widget (view, GTK_TYPE_MENU_BUTTON, label);
    }
  g_assert_nonnull (button);
  return button;
}

/* The caption under the search: the box above the list's stack ends in it. */
static GtkWidget *
count_label (KwTestFixture *f)
{
  GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (kw_contacts_view_get_list_view (contacts_view (f))));
  GtkWidget *stack = gtk_widget_get_parent (scrolled);

  return gtk_widget_get_last_child (gtk_widget_get_prev_sibling (stack));
}

static const char *
count_text (KwTestFixture *f)
{
  return gtk_label_get_label (GTK_LABEL (count_label (f)));
}

/* An active filter shows: a count on the Filter button in the accent
 * colour, the count in words, and an empty list offers to clear them. */
static void
test_filter_state (KwTestFixture *f,
                   gconstpointer  data)
{
  GtkWidget *view, *button, *check, *community, *empty, *clear;
  KwRecordList *list;

  kw_test_fixture_open (f);
  wait_for_rows (f);
  view = GTK_WIDGET (contacts_view (f));
  list = kw_contacts_view_get_list (contacts_view (f), "person");
  button = filter_button (f);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Filter");
  g_assert_false (gtk_widget_has_css_class (button, "accent"));
  g_assert_nonnull (g_strrstr (count_text (f), " people"));

  /* the areas as a tree: an area of depth d follows one of depth d - 1 */
  {
    GListModel *areas = gtk_drop_down_get_model (GTK_DROP_DOWN (find_widget (view, GTK_TYPE_DROP_DOWN, NULL)));
    guint previous = 0, nested = 0;

    g_assert_cmpuint (g_list_model_get_n_items (areas), >, 2);
    for (guint i = 1; i < g_list_model_get_n_items (areas); i++)
      {
        g_autoptr(GObject) area = g_list_model_get_item (areas, i);
        guint depth = GPOINTER_TO_UINT (g_object_get_data (area, "kw-depth"));

        g_assert_cmpuint (depth, <=, previous + 1);
        g_assert_true ((depth == 0) == (g_object_get_data (area, "kw-path") == NULL));
        nested += depth > 0;
        previous = depth;
      }
    g_assert_cmpuint (nested, >, 0);
  }

  check = find_widget (view, GTK_TYPE_CHECK_BUTTON, "_Key figures only");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Filter (1)");
  g_assert_true (gtk_widget_has_css_class (button, "accent"));
  g_assert_nonnull (strstr (count_text (f), "match the filters"));

  /* the language or community entry, the only GtkEntry of the view */
  community = find_widget (view, GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (community);
  gtk_editable_set_text (GTK_EDITABLE (community), "e");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Filter (2)");

  /* nobody matches: the empty page offers to clear the filters */
  search_list (f, "no such person at all");
  KW_TEST_WAIT_UNTIL ((empty = find_widget (view, ADW_TYPE_STATUS_PAGE, "No Matches for These Filters")) != NULL
                      && gtk_widget_get_mapped (empty));
  empty = find_widget (view, ADW_TYPE_STATUS_PAGE, "No Matches for These Filters");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (empty));
  clear = find_widget (empty, GTK_TYPE_BUTTON, "_Clear Filters");
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_get_visible (clear));
  g_signal_emit_by_name (clear, "clicked");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (community)), ==, "");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Filter");
  g_assert_false (gtk_widget_has_css_class (button, "accent"));
  /* the search alone is left: no filters to clear */
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Matches");
  g_assert_false (gtk_widget_get_visible (clear));

  search_list (f, "");
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_mapped (empty));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, kw_store_count (f->store, "person"));
  g_assert_false (gtk_widget_get_mapped (empty));
}

/* An empty database: one icon, no "0 people", buttons to add and import. */
static void
test_empty_state (KwTestFixture *f,
                  gconstpointer  data)
{
  GtkWidget *view, *empty, *add, *import;

  kw_test_fixture_open (f);
  wait_for_rows (f);
  view = GTK_WIDGET (contacts_view (f));
  empty = find_widget (view, ADW_TYPE_STATUS_PAGE, "No People Yet");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_null (adw_status_page_get_icon_name (ADW_STATUS_PAGE (empty)));
  g_assert_false (gtk_widget_get_visible (count_label (f)));   /* no "0 people" */
  add = find_widget (empty, GTK_TYPE_BUTTON, "_Add Person");
  import = find_widget (empty, GTK_TYPE_BUTTON, "_Import People…");
  g_assert_nonnull (add);
  g_assert_nonnull (import);
  g_assert_true (gtk_widget_get_visible (add) && gtk_widget_get_visible (import));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (import)), ==, "contacts.import-people");
  g_signal_emit_by_name (add, "clicked");
  KW_TEST_WAIT_UNTIL (kw_person_page_is_draft (person_page (f)));
  /* a draft, stored when it is added (create_person ()) */
  g_assert_true (kw_person_page_is_draft (person_page (f)));
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (kw_person_page_get_row (person_page (f), "name")), "Noor Bakker");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (person_page (f)), "person.add-draft", NULL));
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_mapped (empty));
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, 1);
  g_assert_false (gtk_widget_get_mapped (empty));
}

static KwSearchPopover *
open_global_search (KwTestFixture *f,
                    const char    *text)
{
  KwSearchPopover *popover;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  kw_test_wait_mapped (kw_window_get_search_popover (f->window));
  popover = KW_SEARCH_POPOVER (kw_window_get_search_popover (f->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  kw_search_popover_set_text (popover, text);
  return popover;
}

static const char *
row_type (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "kw-type");
}

/* One group per type, each with one header, people first, and in a
 * group the titles that start with the search before the others. */
static void
test_global_search_groups (KwTestFixture *f,
                           gconstpointer  data)
{
  static const char * const order[] = { "person", "organisation", "meeting", "alliance", "network", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *first_id = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *results;
  GtkListBoxRow *row;
  const char *previous = NULL;
  guint headers = 0, last_rank = 0;

  kw_test_fixture_open (f);
  /* two of a name: one that starts with the search, one with it inside */
  first_id = create_person (f, "Overtoom Tester");
  g_free (create_person (f, "Anna van Overtoom"));
  {
    g_autoptr(KwChangeset) changes = kw_changeset_new ("organisation", NULL);

    kw_changeset_set_string (changes, "name", "Buurthuis Overtoom");
    g_free (kw_store_create (f->store, changes, &error));
    g_assert_no_error (error);
  }
  results = kw_search_popover_get_results (open_global_search (f, "overtoom"));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
    {
      const char *type = row_type (row);
      guint rank = 0;

      if (g_strcmp0 (type, previous) != 0)
        {
          g_assert_false (g_hash_table_contains (seen, type));   /* no group twice */
          g_hash_table_add (seen, (gpointer) type);
          g_assert_nonnull (gtk_list_box_row_get_header (row));
          headers++;
        }
      else
        g_assert_null (gtk_list_box_row_get_header (row));
      while (order[rank] && g_strcmp0 (order[rank], type) != 0)
        rank++;
      g_assert_cmpuint (rank, >=, last_rank);                   /* the groups in order */
      last_rank = rank;
      previous = type;
    }
  g_assert_cmpuint (headers, ==, g_hash_table_size (seen));
  g_assert_cmpuint (headers, >=, 2);
  row = gtk_list_box_get_row_at_index (results, 0);
  g_assert_cmpstr (row_type (row), ==, "person");
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "kw-id"), ==, first_id);
  g_assert_no_error (error);
}

/* Down from the entry goes to the first result (not a header), Down
 * again to the next; Enter opens it. */
static void
test_global_search_keys (KwTestFixture *f,
                         gconstpointer  data)
{
  g_autofree char *id = NULL;
  KwSearchPopover *popover;
  GtkListBox *results;
  GtkWidget *entry;
  GtkListBoxRow *second;
  GListModel *controllers;
  gboolean handled = FALSE;

  kw_test_fixture_open (f);
  g_free (create_person (f, "Keyboard Kwartier Een"));
  id = create_person (f, "Keyboard Kwartier Twee");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings");
  popover = open_global_search (f, "keyboard kwartier");
  results = kw_search_popover_get_results (popover);
  second = gtk_list_box_get_row_at_index (results, 1);
  g_assert_nonnull (second);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (second), "kw-id"), ==, id);

  entry = find_widget (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY, NULL);
  controllers = gtk_widget_observe_controllers (entry);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
    }
  g_object_unref (controllers);
  g_assert_true (handled);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (results, 0))));
  g_signal_emit_by_name (results, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  g_assert_true (gtk_list_box_get_selected_row (results) == second);
  g_signal_emit_by_name (results, "activate-cursor-row");
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (popover)) && g_strcmp0 (kw_window_get_view (f->window), "contacts") == 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (kw_window_get_view (f->window), ==, "contacts");
  g_assert_cmpstr (kw_contacts_view_get_open_id (contacts_view (f)), ==, id);
}

static gboolean
send_key (GtkWidget       *widget,
          guint            keyval,
          GdkModifierType  state)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      /* ours: in the capture phase (the search entry's key capture is not) */
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  g_object_unref (controllers);
  return handled;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tab leaves the list for the page, Shift+Tab for the search; opening a
 * row takes the keyboard to the page; Ctrl+Shift+F is the list search. */
static void
test_keyboard (KwTestFixture *f,
               gconstpointer  data)
{
  GtkWidget *view, *list, *entry, *page;
  g_autoptr(KwRecord) first = NULL;

  kw_test_fixture_open (f);
  wait_for_rows (f);
  view = GTK_WIDGET (contacts_view (f));
  kw_test_wait_frames (view, 1);
  list = GTK_WIDGET (kw_contacts_view_get_list_view (contacts_view (f)));
  entry = find_widget (view, GTK_TYPE_SEARCH_ENTRY, "Search people");
  first = g_list_model_get_item (G_LIST_MODEL (kw_contacts_view_get_list (contacts_view (f), "person")), 0);
  g_signal_emit_by_name (list, "activate", 0);
  KW_TEST_WAIT_UNTIL (has_focus_within (kw_contacts_view_get_page (contacts_view (f), "person")));
  page = kw_contacts_view_get_page (contacts_view (f), "person");
  g_assert_cmpstr (kw_contacts_view_get_open_id (contacts_view (f)), ==, kw_record_get_id (first));
  g_assert_true (has_focus_within (page));

  g_assert_true (gtk_widget_activate_action (view, "contacts.focus-search", NULL));
  g_assert_true (has_focus_within (entry));
  g_assert_true (gtk_widget_child_focus (list, GTK_DIR_DOWN) || gtk_widget_grab_focus (list));
  g_assert_true (has_focus_within (list));
  g_assert_true (send_key (list, GDK_KEY_Tab, 0));
  g_assert_true (has_focus_within (page));
  g_assert_true (gtk_widget_child_focus (list, GTK_DIR_DOWN) || gtk_widget_grab_focus (list));
  g_assert_true (send_key (list, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (has_focus_within (entry));
  /* F6 goes to the page and back */
  g_assert_true (gtk_widget_activate_action (view, "contacts.cycle-panes", NULL));
  g_assert_true (has_focus_within (page));
  g_assert_true (gtk_widget_activate_action (view, "contacts.cycle-panes", NULL));
  g_assert_false (has_focus_within (page));
}

static gboolean
find_label_text (GtkWidget  *root,
                 const char *part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root)
      && strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (find_label_text (child, part))
      return TRUE;
  return FALSE;
}

/* A search that matched a field the row does not show says which. */
static void
test_search_match_note (KwTestFixture *f,
                        gconstpointer  data)
{
  GtkWidget *list;
  g_autofree char *id = NULL;
  GtkWidget *row;
  KwRecordList *people;

  kw_test_fixture_open (f);
  id = create_person (f, "Note Tester");
  row = kw_person_page_get_row (person_page (f), "communities");
  gtk_editable_set_text (GTK_EDITABLE (row), "Qwertyschaak vrienden");
  g_signal_emit_by_name (row, "apply");
  wait_for_rows (f);
  list = GTK_WIDGET (kw_contacts_view_get_list_view (contacts_view (f)));
  search_list (f, "qwertyschaak");
  people = kw_contacts_view_get_list (contacts_view (f), "person");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 1);
  /* the subtitle is filled after the frame */
  KW_TEST_WAIT_UNTIL (find_label_text (list, "Communities: Qwertyschaak vrienden"));
  g_assert_true (find_label_text (list, "Communities: Qwertyschaak vrienden"));
  search_list (f, "note tester");
  /* the rows are bound in the next frame and filled in an idle after it */
  kw_test_wait_frames (list, 1);
  kw_test_flush ();
  g_assert_false (find_label_text (list, "Communities:"));
}

/* "Zeynep Şahin" sorts with the S, not after the Z. */
static void
test_sort_sahin (KwTestFixture *f,
                 gconstpointer  data)
{
  g_autofree char *sahin = NULL, *tromp = NULL, *vos = NULL, *zwart = NULL;
  KwRecordList *list;

  kw_test_fixture_open (f);
  vos = create_person (f, "Zeynep Vos");
  sahin = create_person (f, "Zeynep Şahin");
  zwart = create_person (f, "Zwaan Zwart");
  tromp = create_person (f, "Zeynep Tromp");
  list = kw_contacts_view_get_list (contacts_view (f), "person");
  g_assert_cmpuint (kw_record_list_find (list, sahin), <, kw_record_list_find (list, tromp));
  g_assert_cmpuint (kw_record_list_find (list, tromp), <, kw_record_list_find (list, vos));
  g_assert_cmpuint (kw_record_list_find (list, vos), <, kw_record_list_find (list, zwart));
}

/* The organisations open at their top, not at the people's offset. */
static void
test_organisations_at_top (KwTestFixture *f,
                           gconstpointer  data)
{
  GtkListView *view;
  GtkAdjustment *adj;

  kw_test_fixture_open (f);
  wait_for_rows (f);
  kw_test_wait_frames (GTK_WIDGET (kw_contacts_view_get_list_view (contacts_view (f))), 1);
  view = kw_contacts_view_get_list_view (contacts_view (f));
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  kw_test_wait_frames (GTK_WIDGET (view), 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
  kw_contacts_view_set_mode (contacts_view (f), "organisation");
  kw_test_wait_frames (GTK_WIDGET (view), 1);
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  /* long enough to keep an offset, were it kept */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj));
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==,
                    kw_store_count (f->store, "organisation"));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/kw/ui/contacts/" path, KwTestFixture, data, kw_test_fixture_setup, func, kw_test_fixture_teardown)
  ADD ("create-and-edit", test_create_and_edit, KW_TEST_DEMO);
  ADD ("invalid-value", test_invalid_value, KW_TEST_DEMO);
  ADD ("search", test_search, KW_TEST_DEMO);
  ADD ("delete-undo", test_delete_undo, KW_TEST_DEMO);
  ADD ("delete-dismiss", test_delete_dismiss, KW_TEST_DEMO);
  ADD ("relation", test_relation, KW_TEST_DEMO);
  ADD ("forget", test_forget, KW_TEST_DEMO);
  ADD ("merge", test_merge, KW_TEST_DEMO);
  ADD ("filters-and-sort", test_filters_and_sort, KW_TEST_DEMO);
  ADD ("import-vcard", test_import_vcard, KW_TEST_DEMO);
  ADD ("import-csv", test_import_csv, KW_TEST_DEMO);
  ADD ("import-async", test_import_async, KW_TEST_DEMO);
  ADD ("sync-now-async", test_sync_now_async, KW_TEST_DEMO);
  ADD ("open-scrolls", test_open_scrolls, KW_TEST_DEMO);
  ADD ("filter-state", test_filter_state, KW_TEST_DEMO);
  ADD ("empty-state", test_empty_state, KW_TEST_EMPTY);
  ADD ("global-search-groups", test_global_search_groups, KW_TEST_DEMO);
  ADD ("global-search-keys", test_global_search_keys, KW_TEST_DEMO);
  ADD ("keyboard", test_keyboard, KW_TEST_DEMO);
  ADD ("search-match-note", test_search_match_note, KW_TEST_DEMO);
  ADD ("sort-sahin", test_sort_sahin, KW_TEST_DEMO);
  ADD ("organisations-at-top", test_organisations_at_top, KW_TEST_DEMO);
  ADD ("large-list", test_large_list, KW_TEST_GENERATED);
#undef ADD

  return g_test_run ();
}
