/* kw-test-util.c: what the ui tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kw-demo.h"
#include "kw-test-util.h"
#include "kw-test-files.h"

/* Without a session bus (xvfb-run without dbus-run-session) GTK warns;
 * that is the environment, not a defect, so it is not fatal here. */
static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  if (level & G_LOG_LEVEL_WARNING)
    for (gsize i = 0; i < n_fields; i++)
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0
          && strstr (fields[i].value, "session bus") != NULL)
        return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* GTK 4.8 sometimes warns "Trying to snapshot GtkListItemWidget … without a
 * current allocation" when a list view's rows change between its layout and
 * its snapshot (seen about once in twenty loaded runs, never with a wrong
 * picture): a GTK warning under load, not ours, so it does not end a test.
 * Every other warning and critical stays fatal. */
static gboolean
is_fatal_log (const char     *log_domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "Gtk") == 0 && (level & G_LOG_LEVEL_WARNING)
           && message != NULL && strstr (message, "without a current allocation") != NULL);
}

void
kw_test_init (int    *argc,
              char ***argv)
{
  g_log_set_writer_func (write_log, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (is_fatal_log, NULL);
  adw_init ();
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
kw_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
kw_test_fixture_setup (KwTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n = GPOINTER_TO_UINT (data);

  fixture->dir = g_dir_make_tmp ("kwartier-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = kw_store_open (path, &error);
  g_assert_no_error (error);
  if (data == KW_TEST_DEMO)
    kw_demo_load (fixture->store, &error);
  else if (n > 1)
    kw_demo_generate (fixture->store, n, 1, &error);
  g_assert_no_error (error);
}

void
kw_test_fixture_teardown (KwTestFixture *fixture,
                          gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  kw_test_wait (10);
  g_clear_object (&fixture->store);
  kw_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

void
kw_test_fixture_open (KwTestFixture *fixture)
{
  kw_test_fixture_open_full (fixture, TRUE);
}

void
kw_test_fixture_open_full (KwTestFixture *fixture,
                           gboolean       first_run_done)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "first-run-done", first_run_done);
  g_settings_set_string (settings, "last-view", "contacts");
  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 800);
  fixture->window = kw_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  kw_test_wait (200);
}
