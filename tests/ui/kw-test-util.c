/* kw-test-util.c: what the ui tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "kw-demo.h"
#include "kw-test-util.h"
#include "kw-test-files.h"

/* Warnings stay fatal in the ui tests, but two are the environment or the
 * toolkit, not a defect of ours, and only written:
 * - without a session bus (xvfb-run without dbus-run-session) GTK warns;
 * - GTK 4.8 sometimes warns "Trying to snapshot GtkListItemWidget … without
 *   a current allocation" when a list view's rows change between its layout
 *   and its snapshot (about once in twenty loaded runs, never with a wrong
 *   picture).
 * A structured log's fatality cannot be undone by a writer, so warnings are
 * taken out of the always-fatal set and made fatal here instead. */
static gboolean warnings_fatal;

static gboolean
is_tolerated (const char *message)
{
  return strstr (message, "session bus") != NULL
         || strstr (message, "without a current allocation") != NULL;
}

static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  GLogWriterOutput out;

  if (level & G_LOG_LEVEL_WARNING)
    for (gsize i = 0; i < n_fields; i++)
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0
          && is_tolerated (fields[i].value))
        return g_log_writer_default (level & ~G_LOG_FLAG_FATAL, fields, n_fields, user_data);
  out = g_log_writer_default (level, fields, n_fields, user_data);
  if ((level & G_LOG_LEVEL_WARNING) && warnings_fatal)
    abort ();
  return out;
}

void
kw_test_init (int    *argc,
              char ***argv)
{
  GLogLevelFlags fatal;

  g_log_set_writer_func (write_log, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  warnings_fatal = (fatal & G_LOG_LEVEL_WARNING) != 0;
  g_log_set_always_fatal (fatal & ~G_LOG_LEVEL_WARNING);
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
