/* test-store-rows.c: rows and the store's work in a thread (issue 9, P9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While kw_store_run_async () holds the store, a contact row bound then
 * does not read it (no polling either); it fills itself once the store
 * is free again (notify::busy), and the work's ::changed comes on the
 * main thread, before the callback.
 */
#include "config.h"

#include "kw-contact-row.h"
#include "kw-test-util.h"

typedef struct {
  GMutex   lock;
  GCond    cond;
  gboolean started;
  gboolean release;
  gboolean done;
  guint    changed_on_main;
  guint    changed_elsewhere;
  GThread *main_thread;
} Gate;

static gpointer
held_work (KwStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Gate *gate = data;
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);

  g_mutex_lock (&gate->lock);
  gate->started = TRUE;
  g_cond_broadcast (&gate->cond);
  while (!gate->release)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
  kw_changeset_set_string (changes, "name", "Rik Draadloos");
  return kw_store_create (store, changes, error);
}

static void
on_work_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Gate *gate = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = kw_store_run_finish (KW_STORE (source), result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpuint (gate->changed_on_main, ==, 1);   /* before the callback */
  gate->done = TRUE;
}

static void
on_changed_cb (KwStore    *store,
               const char *type_name,
               Gate       *gate)
{
  if (g_thread_self () == gate->main_thread)
    gate->changed_on_main++;
  else
    gate->changed_elsewhere++;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* Runs the main loop until nothing is pending (the row's idle has had
 * its turn). */
static void
run_until_idle (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
wait_for_label (GtkWidget  *root,
                const char *text)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!shows_label (root, text) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  return shows_label (root, text);
}

static void
test_row_waits_for_store (KwTestFixture *f,
                          gconstpointer  data)
{
  g_autoptr(KwChangeset) area = kw_changeset_new ("area", NULL);
  g_autoptr(KwChangeset) person = kw_changeset_new ("person", NULL);
  g_autoptr(KwRecord) record = NULL;
  g_autofree char *area_id = NULL;
  g_autofree char *person_id = NULL;
  Gate gate = { .main_thread = g_thread_self () };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = kw_contact_row_new ();

  kw_changeset_set_string (area, "name", "Draadwijk");
  area_id = kw_store_create (f->store, area, NULL);
  kw_changeset_set_string (person, "name", "Sanne Draad");
  kw_changeset_set_string (person, "area", area_id);
  person_id = kw_store_create (f->store, person, NULL);
  record = kw_store_get (f->store, "person", person_id, NULL);
  g_assert_nonnull (record);
  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), &gate);

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  kw_store_run_async (f->store, held_work, &gate, NULL, g_free, NULL, on_work_done_cb, &gate);
  g_mutex_lock (&gate.lock);
  while (!gate.started)
    g_cond_wait (&gate.cond, &gate.lock);
  g_mutex_unlock (&gate.lock);
  g_assert_true (kw_store_get_busy (f->store));

  /* bound while the thread holds the store: it leaves the store alone */
  kw_contact_row_bind (KW_CONTACT_ROW (row), f->store, record, NULL);
  run_until_idle ();
  g_assert_false (shows_label (row, "Draadwijk"));

  g_mutex_lock (&gate.lock);
  gate.release = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.lock);
  while (!gate.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (kw_store_get_busy (f->store));
  g_assert_cmpuint (gate.changed_elsewhere, ==, 0);
  g_assert_cmpuint (gate.changed_on_main, ==, 1);
  g_assert_true (wait_for_label (row, "Draadwijk"));   /* filled now, from notify::busy */

  g_signal_handlers_disconnect_by_data (f->store, &gate);
  gtk_window_destroy (GTK_WINDOW (window));
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);
  g_test_add ("/kw/ui/store-rows/row-waits-for-store", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_row_waits_for_store, kw_test_fixture_teardown);
  return g_test_run ();
}
