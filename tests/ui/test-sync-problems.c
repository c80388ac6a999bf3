/* test-sync-problems.c: the sync row while a pass runs, and a refused
 * colleague's file in plain words with what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colleagues are databases of their own in the same process that write
 * their files into the watched folder, as their passes would; then a
 * file is spoilt as it happens (sealed by hand, cut short by a USB stick
 * pulled out too soon).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kw-export.h"
#include "kw-sync-folder.h"
#include "kw-sync-scheduler.h"
#include "kw-test-util.h"

typedef struct {
  KwTestFixture  base;
  char          *folder;
  GPtrArray     *seen;      /* the sync label at each ::progress */
  gboolean       bar_seen;  /* the progress bar shown at one */
} Fixture;

/* Helpers */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  kw_test_fixture_setup (&f->base, data);
  f->folder = g_build_filename (f->base.dir, "shared", NULL);
  g_assert_cmpint (g_mkdir (f->folder, 0700), ==, 0);
  f->seen = g_ptr_array_new_with_free_func (g_free);
  g_settings_set_string (settings, "sync-folder", f->folder);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (f->base.window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->base.window));
  f->base.window = NULL;
  g_settings_set_string (settings, "sync-folder", "");
  g_ptr_array_unref (f->seen);
  g_free (f->folder);
  kw_test_fixture_teardown (&f->base, data);
}

/* A colleague's full export in the folder, sealed with @passphrase when
 * not NULL, as a pass of theirs names it; the file's path. */
static char *
colleague_writes (Fixture    *f,
                  const char *organiser,
                  const char *person,
                  const char *passphrase)
{
  g_autofree char *path = g_build_filename (f->base.dir, organiser, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = kw_store_open (path, &error);
  g_autofree char *id = NULL, *name = NULL;
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, passphrase, NULL };
  char *file;

  g_assert_no_error (error);
  g_assert_true (kw_store_set_organiser (store, organiser, NULL));
  id = kw_test_create (store, "person", "name", person, NULL);
  name = kw_sync_folder_file_name (store);
  file = g_build_filename (f->folder, name, NULL);
  g_assert_true (kw_export_to_file (store, &options, file, &error));
  g_assert_no_error (error);
  return file;
}

static KwSyncScheduler *
get_scheduler (Fixture *f)
{
  return kw_window_get_sync_scheduler (f->base.window);
}

static gboolean
is_idle_after (Fixture *f,
               guint    passes)
{
  KwSyncScheduler *scheduler = get_scheduler (f);

  return kw_sync_scheduler_get_n_passes (scheduler) >= passes && !kw_sync_scheduler_get_running (scheduler);
}

static void
collect_labels (GtkWidget  *widget,
                const char *name,
                GPtrArray  *texts)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && (name == NULL || g_str_equal (gtk_widget_get_name (child), name))
          && gtk_widget_get_visible (child))
        g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (child)));
      collect_labels (child, name, texts);
    }
}

/* Whether a shown label of the window (or @name) starts with @prefix. */
static gboolean
shows_label (GtkWidget  *root,
             const char *name,
             const char *prefix)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_labels (root, name, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_has_prefix (texts->pdata[i], prefix))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (child)
          && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_menu_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* The sync row's Details. */
static GtkMenuButton *
get_details (Fixture *f)
{
  return GTK_MENU_BUTTON (find_menu_button (GTK_WIDGET (f->base.window), "_Details"));
}

static void
on_progress_cb (Fixture *f)
{
  GtkWidget *bar = kw_test_find_type (GTK_WIDGET (f->base.window), GTK_TYPE_PROGRESS_BAR);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_labels (GTK_WIDGET (f->base.window), NULL, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_has_prefix (texts->pdata[i], "Syncing…"))
      g_ptr_array_add (f->seen, g_strdup (texts->pdata[i]));
  f->bar_seen |= bar != NULL && gtk_widget_get_visible (bar);
}

/* Tests */

/* A sealed file, and a colleague's file cut short: each in words that
 * say what to do, in the row and under Details. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sanne = colleague_writes (f, "Sanne", "Mila de Boer", NULL);
  g_autofree char *sealed = colleague_writes (f, "Daan", "Lotte Smit", "correct horse battery staple");
  g_autofree char *sealed_name = g_path_get_basename (sealed);
  g_autofree char *sealed_advice = g_strdup_printf ("The file of the colleague with device %.8s is sealed with a passphrase; "
                                                    "files in the sync folder must not be. Ask the colleague with device %.8s to remove it.",
                                                    sealed_name, sealed_name);
  const char *cut_advice = "The file of Sanne is not complete — was a USB stick pulled out too soon? Ask Sanne to export again.";
  g_autofree char *contents = NULL;
  GtkWidget *root;
  GtkMenuButton *details;
  GtkPopover *popover;
  gsize len;

  kw_test_fixture_open (&f->base);
  root = GTK_WIDGET (f->base.window);
  KW_TEST_WAIT_UNTIL (is_idle_after (f, 1));
  /* Sanne's came in; Daan's is refused, and the row says why and what to do */
  g_assert_cmpuint (kw_store_count (f->base.store, "person"), >=, 1);
  g_assert_true (shows_label (root, NULL, sealed_advice));
  details = get_details (f);
  g_assert_nonnull (details);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (details)));

  /* Sanne's file is cut short on the way; the next pass knows her name */
  g_signal_connect_swapped (get_scheduler (f), "progress", G_CALLBACK (on_progress_cb), f);
  g_assert_true (g_file_get_contents (sanne, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (sanne, contents, (gssize) (len / 2), NULL));
  kw_sync_scheduler_request (get_scheduler (f));
  KW_TEST_WAIT_UNTIL (is_idle_after (f, 2));
  g_signal_handlers_disconnect_by_data (get_scheduler (f), f);
  g_assert_true (shows_label (root, NULL, "2 colleagues’ files could not be imported. "));

  /* each file under Details, with the import's reason and the file's name */
  popover = gtk_menu_button_get_popover (details);
  gtk_menu_button_popup (details);
  kw_test_wait_mapped (GTK_WIDGET (popover));
  g_assert_true (shows_label (GTK_WIDGET (popover), "sync-problem-advice", cut_advice));
  g_assert_true (shows_label (GTK_WIDGET (popover), "sync-problem-advice", sealed_advice));
  g_assert_true (shows_label (GTK_WIDGET (popover), "sync-problem-detail", "the file is truncated: no trailer ("));
  gtk_menu_button_popdown (details);

  /* while it ran: "Syncing… n of 2 files" and the bar */
  g_assert_cmpuint (f->seen->len, >, 0);
  for (guint i = 0; i < f->seen->len; i++)
    g_assert_true (g_regex_match_simple ("^Syncing… [0-2] of 2 files$", f->seen->pdata[i], 0, 0));
  g_assert_true (f->bar_seen);
  g_assert_false (gtk_widget_get_visible (kw_test_find_type (root, GTK_TYPE_PROGRESS_BAR)));

  /* Sanne exports again: the row is clear */
  g_free (sanne);
  sanne = NULL;
  g_assert_true (g_file_set_contents (sealed, "", 0, NULL));
  g_assert_cmpint (g_unlink (sealed), ==, 0);
  {
    g_autofree char *again = colleague_writes (f, "Sanne", "Mila de Boer", NULL);

    kw_sync_scheduler_request (get_scheduler (f));
    KW_TEST_WAIT_UNTIL (is_idle_after (f, 3));
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (details)));
  g_assert_false (shows_label (root, NULL, cut_advice));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/ui/sync-problems/refused", Fixture, KW_TEST_EMPTY, fixture_setup, test_refused, fixture_teardown);

  return g_test_run ();
}
