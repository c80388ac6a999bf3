/* test-toasts.c: undo toasts that follow each other quickly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting three records in a row, faster than a toast comes in, and
 * undoing the last one at once: libadwaita 1.2 crashes when a toast is
 * dismissed during its show animation, so the window lets an earlier
 * toast go only once it has come in (base/kw-toast.c). The
 * earlier deletes are done, the last one is undone, and nothing is left
 * in the loop once the toasts are gone (the sanitizer build sees a use
 * after free there).
 */
#include "config.h"

#include "kw-test-util.h"
#include "kw-window-private.h"

static char *
create_person (KwStore    *store,
               const char *name)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);
  g_autoptr(GError) error = NULL;
  char *id;

  kw_changeset_set_string (changes, "name", name);
  id = kw_store_create (store, changes, &error);
  g_assert_no_error (error);
  return id;
}

static guint
count_toasts (GtkWidget *widget)
{
  guint n = g_strcmp0 (gtk_widget_get_css_name (widget), "toast") == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_toasts (child);
  return n;
}

static gboolean
no_toast_widget (gpointer data)
{
  return count_toasts (GTK_WIDGET (data)) == 0;
}

static void
test_quick_deletes (KwTestFixture *f,
                    gconstpointer  data)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  kw_test_fixture_open (f);
  a = create_person (f->store, "Eerste Persoon");
  b = create_person (f->store, "Tweede Persoon");
  c = create_person (f->store, "Derde Persoon");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-record", "(ss)", "person", a);
  kw_test_flush ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-record", "(ss)", "person", b);
  kw_test_flush ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-record", "(ss)", "person", c);
  kw_test_flush ();
  /* the earlier two are done at once, whatever their toasts still show */
  g_assert_null (kw_store_get (f->store, "person", a, NULL));
  g_assert_null (kw_store_get (f->store, "person", b, NULL));
  g_assert_true (kw_store_is_pending (f->store, "person", c));

  g_assert_cmpuint (count_toasts (GTK_WIDGET (f->window)), >=, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", NULL);
  g_assert_null (kw_window_get_undo_toast (f->window));
  g_assert_false (kw_store_is_pending (f->store, "person", c));
  g_assert_nonnull (kw_store_get (f->store, "person", c, NULL));

  /* every toast goes by itself, none crashes on its way out */
  kw_test_wait_for (no_toast_widget, f->window, 5000);
  g_assert_null (kw_store_get (f->store, "person", a, NULL));
  g_assert_nonnull (kw_store_get (f->store, "person", c, NULL));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/ui/toasts/quick-deletes", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_quick_deletes, kw_test_fixture_teardown);
  return g_test_run ();
}
