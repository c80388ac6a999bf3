/* test-shortcuts.c: the Keyboard Shortcuts window lists every shortcut
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each accelerator registered with the application (app.quit, …, and
 * GTK's win.show-help-overlay) and each key binding or shortcut that a
 * widget of Kwartier adds (the window's Alt+1…9, a record page's
 * Ctrl+Delete, an agenda row's Alt+Up, an attendance row's P/L/N/A, …,
 * found on the widgets themselves at every stop of kw_test_tour) appears
 * in ui/gtk/help-overlay.ui. The keys that the network graph, the power
 * grid and the list panes handle in key-pressed handlers cannot be found
 * that way: they are a list here, kept with those handlers.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "kw-application.h"
#include "kw-test-tour.h"

#define OVERLAY "/nl/kwartier/Kwartier/gtk/help-overlay.ui"

/* "<Alt>1" for the key and modifiers, the lower-case key, as the overlay's
 * set holds them. */
static char *
dup_key_name (guint           keyval,
              GdkModifierType mods)
{
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), mods & gtk_accelerator_get_default_mod_mask ());
}

/* One accelerator of the overlay's syntax: "<Primary>q", or a range
 * "<Alt>1...5". */
static void
add_overlay_accel (GHashTable *set,
                   const char *text)
{
  g_auto(GStrv) ends = g_strsplit (text, "...", 2);
  guint first = 0, last = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (ends[0], &first, &mods));
  last = first;
  if (ends[1] != NULL)
    {
      g_assert_true (gtk_accelerator_parse (ends[1], &last, NULL));
      g_assert_cmpuint (last, >=, first);
    }
  for (guint keyval = first; keyval <= last; keyval++)
    g_hash_table_add (set, dup_key_name (keyval, mods));
}

static void
collect_overlay (GtkWidget  *widget,
                 GHashTable *set)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) accels = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_assert_nonnull (accelerator);
      accels = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        if (*accels[i] != '\0')
          add_overlay_accel (set, accels[i]);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_overlay (child, set);
}

/* Every key of the overlay, as dup_key_name() names them. */
static GHashTable *
load_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (OVERLAY);
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  collect_overlay (GTK_WIDGET (overlay), set);
  gtk_window_destroy (overlay);
  g_assert_cmpuint (g_hash_table_size (set), >, 20);
  return set;
}

static void
assert_listed (GHashTable *overlay,
               const char *key,
               const char *what)
{
  if (!g_hash_table_contains (overlay, key))
    g_test_fail_printf ("%s (%s) is not in the Keyboard Shortcuts window", key, what);
}

/* Accelerators of the application */

static void
test_application_accels (void)
{
  g_autoptr(GHashTable) overlay = load_overlay ();
  g_autofree char *dir = g_dir_make_tmp ("kw-shortcuts-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "app.db", NULL);
  g_autoptr(KwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;
  gboolean quit = FALSE, prefs = FALSE, help = FALSE;

  g_setenv ("KWARTIER_DB", db, TRUE);
  app = kw_application_new ();
  /* the application of this process alone, whatever else runs on the bus */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kw_application_get_store (app));

  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval = 0;
          GdkModifierType mods = 0;
          g_autofree char *key = NULL;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          key = dup_key_name (keyval, mods);
          g_test_message ("%s: %s", actions[i], key);
          assert_listed (overlay, key, actions[i]);
        }
      quit |= g_str_equal (actions[i], "app.quit");
      prefs |= g_str_equal (actions[i], "app.preferences");
      help |= g_str_equal (actions[i], "win.show-help-overlay");
    }
  g_assert_true (quit && prefs && help);

  g_unsetenv ("KWARTIER_DB");
  g_clear_object (&app);
  g_remove (db);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

/* Shortcuts that widgets add */

typedef struct {
  GHashTable *overlay;
  GHashTable *plain;     /* GType → GHashTable of the keys a plain instance has */
  GHashTable *found;     /* key → where first found */
} Survey;

static void
add_trigger_keys (GtkShortcutTrigger *trigger,
                  GHashTable         *keys,
                  const char         *where)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      char *key = dup_key_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));

      if (!g_hash_table_contains (keys, key))
        g_hash_table_insert (keys, key, g_strdup (where));
      else
        g_free (key);
    }
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger_keys (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keys, where);
      add_trigger_keys (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keys, where);
    }
  /* mnemonics (GtkMnemonicTrigger) are underlined in the labels themselves */
}

/* The keys of the widget's shortcut controllers (its classes' bindings
 * and shortcuts added to it). */
static void
add_widget_keys (GtkWidget  *widget,
                 GHashTable *keys,
                 const char *where)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          g_autofree char *place = g_strdup_printf ("%s (%s)", where, G_OBJECT_TYPE_NAME (gtk_shortcut_get_action (shortcut)));

          add_trigger_keys (gtk_shortcut_get_trigger (shortcut), keys, place);
        }
    }
}

/* The type whose plain instance has the keys that GTK and libadwaita give
 * a widget of this type: the type itself, or for Kwartier's own the first
 * ancestor that is not; 0 for an abstract one (GtkWidget has none). */
static GType
plain_type (GType type)
{
  while (g_str_has_prefix (g_type_name (type), "Kw"))
    type = g_type_parent (type);
  return G_TYPE_IS_ABSTRACT (type) ? 0 : type;
}

static GHashTable *
plain_keys (Survey *survey,
            GType   type)
{
  GHashTable *keys = g_hash_table_lookup (survey->plain, GSIZE_TO_POINTER (type));
  GtkWidget *widget;

  if (keys != NULL)
    return keys;
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (type != 0)
    {
      widget = g_object_ref_sink (g_object_new (type, NULL));
      add_widget_keys (widget, keys, g_type_name (type));
      if (GTK_IS_WINDOW (widget))
        gtk_window_destroy (GTK_WINDOW (widget));
      g_object_unref (widget);
    }
  g_hash_table_insert (survey->plain, GSIZE_TO_POINTER (type), keys);
  return keys;
}

static void
survey_widget (GtkWidget  *widget,
               Survey     *survey,
               const char *where)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTable *plain = plain_keys (survey, plain_type (G_OBJECT_TYPE (widget)));
  g_autofree char *place = g_strdup_printf ("%s in %s", G_OBJECT_TYPE_NAME (widget), where);
  GHashTableIter iter;
  gpointer key;

  gpointer value;

  /* GtkGizmo: the inner parts of GTK's own widgets (a row's activation) */
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkGizmo"))
    goto children;
  add_widget_keys (widget, keys, place);
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (plain, key) && !g_hash_table_contains (survey->found, key))
      g_hash_table_insert (survey->found, g_strdup (key), g_strdup (value));
children:
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    survey_widget (child, survey, where);
}

static void
on_tour_stop_cb (GtkWidget  *root,
                 const char *where,
                 gpointer    data)
{
  /* the Keyboard Shortcuts window itself is GTK's, with its own keys */
  if (!GTK_IS_SHORTCUTS_WINDOW (root))
    survey_widget (root, data, where);
}

static void
test_widget_shortcuts (KwTestFixture *f,
                       gconstpointer  data)
{
  /* what the key-pressed handlers take (see the comment at the top) */
  static const char * const handled[] = {
    /* KwListPane: from the search to the list, out of the list */
    "Down", "Tab", "<Shift>Tab",
    /* KwNetworkGraph */
    "Left", "Right", "Up", "plus", "minus", "0", "Return", "Escape",
    /* KwPowerGrid */
    "space", "Home",
  };
  g_autoptr(GHashTable) overlay = load_overlay ();
  g_autoptr(GHashTable) plain = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Survey survey = { overlay, plain, found };
  const char *expected[] = { "<Primary>Delete", "<Alt>1", "<Alt>5", "<Alt>Left", "<Alt>Up", "<Alt>Down",
                             "<Primary>n", "<Primary><Shift>f", "F6", "p", "l", "n", "a", "Escape" };
  GHashTableIter iter;
  gpointer key, where;

  kw_test_fixture_open (f);
  kw_test_tour (f, on_tour_stop_cb, &survey);

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &where))
    {
      guint keyval;
      GdkModifierType mods;

      /* the window binds Alt+1…9: past the last view the binding does
       * nothing and the key goes on, so Alt+6…9 are no shortcut */
      g_assert_true (gtk_accelerator_parse (key, &keyval, &mods));
      if (mods == GDK_ALT_MASK && keyval > GDK_KEY_0 + g_strv_length ((char **) kw_test_tour_views)
          && keyval <= GDK_KEY_9)
        continue;
      g_test_message ("%s: %s", (char *) key, (char *) where);
      assert_listed (overlay, key, where);
    }
  /* the survey found the shortcuts known to exist (a survey that finds
   * nothing would pass) */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint keyval;
      GdkModifierType mods;
      g_autofree char *name = NULL;

      g_assert_true (gtk_accelerator_parse (expected[i], &keyval, &mods));
      name = dup_key_name (keyval, mods);
      if (!g_hash_table_contains (found, name))
        g_test_fail_printf ("the survey did not find %s", name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (handled); i++)
    {
      guint keyval;
      GdkModifierType mods;
      g_autofree char *name = NULL;

      g_assert_true (gtk_accelerator_parse (handled[i], &keyval, &mods));
      name = dup_key_name (keyval, mods);
      assert_listed (overlay, name, "a key-pressed handler");
    }
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/kw/ui/shortcuts/application-accels", test_application_accels);
  g_test_add ("/kw/ui/shortcuts/widget-shortcuts", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_widget_shortcuts, kw_test_fixture_teardown);

  return g_test_run ();
}
