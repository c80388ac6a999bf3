/* test-preferences.c: the Preferences window's rows for the networks and
 * alliances views change the settings (load-threshold, stale-months), and
 * the settings the rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "kw-preferences-window.h"
#include "kw-test-util.h"

#define APP_ID "nl.kwartier.Kwartier"

/* The first widget under root of the type (with that title, for groups and
 * rows). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *text = NULL;

      if (ADW_IS_PREFERENCES_GROUP (root))
        text = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root));
      else if (ADW_IS_PREFERENCES_ROW (root))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      if (title == NULL || g_strcmp0 (text, title) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterate the main loop until the spin button shows @value (at most 5 s). */
static void
wait_for_spin_value (GtkSpinButton *spin,
                     int            value)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (5000, on_timeout_cb, &timed_out);

  while (gtk_spin_button_get_value_as_int (spin) != value && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, value);
}

typedef struct {
  GSettings           *settings;
  KwPreferencesWindow *window;
  GtkSpinButton       *load_spin;
  GtkSpinButton       *stale_spin;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *group, *row;

  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "load-threshold");
  g_settings_reset (f->settings, "stale-months");
  f->window = kw_preferences_window_new (f->settings, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  kw_test_wait_mapped (GTK_WIDGET (f->window));

  group = find_widget (GTK_WIDGET (f->window), ADW_TYPE_PREFERENCES_GROUP, "Networks and alliances");
  g_assert_nonnull (group);
  KW_TEST_WAIT_UNTIL (gtk_widget_get_mapped (group));
  row = find_widget (group, ADW_TYPE_ACTION_ROW, "Load threshold");
  g_assert_nonnull (row);
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  f->load_spin = GTK_SPIN_BUTTON (find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL));
  g_assert_nonnull (f->load_spin);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->load_spin)));
  row = find_widget (group, ADW_TYPE_ACTION_ROW, "Months without contact");
  g_assert_nonnull (row);
  f->stale_spin = GTK_SPIN_BUTTON (find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL));
  g_assert_nonnull (f->stale_spin);
  g_assert_true (f->load_spin != f->stale_spin);
}

/* The − and + buttons inside a spin button; both have an accessible label. */
static guint
check_spin_buttons (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_icon_name (GTK_BUTTON (child)) != NULL)
        {
          g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                           GTK_ACCESSIBLE_PROPERTY_LABEL));
          n++;
        }
      n += check_spin_buttons (child);
    }
  return n;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  kw_test_flush ();
  g_clear_object (&f->settings);
}

/* The keys, their defaults and ranges, as the views read them. */
static void
test_schema (void)
{
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                                       APP_ID, TRUE);
  g_autoptr(GSettingsSchemaKey) load = NULL, stale = NULL;
  g_autoptr(GVariant) load_default = NULL, stale_default = NULL;
  g_autoptr(GVariant) v = NULL;

  g_assert_nonnull (schema);
  g_assert_true (g_settings_schema_has_key (schema, "load-threshold"));
  g_assert_true (g_settings_schema_has_key (schema, "stale-months"));
  load = g_settings_schema_get_key (schema, "load-threshold");
  stale = g_settings_schema_get_key (schema, "stale-months");
  load_default = g_settings_schema_key_get_default_value (load);
  stale_default = g_settings_schema_key_get_default_value (stale);
  g_assert_cmpint (g_variant_get_int32 (load_default), ==, 12);
  g_assert_cmpint (g_variant_get_int32 (stale_default), ==, 6);

  struct { GSettingsSchemaKey *key; int value; gboolean ok; } cases[] = {
    { load, 0, FALSE }, { load, 1, TRUE }, { load, 100, TRUE }, { load, 101, FALSE },
    { stale, 0, FALSE }, { stale, 1, TRUE }, { stale, 36, TRUE }, { stale, 37, FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_int32 (cases[i].value));

      g_assert_cmpint (g_settings_schema_key_range_check (cases[i].key, value), ==, cases[i].ok);
    }
}

/* The rows show the settings, and changing a row changes its setting. */
static void
test_rows_change_settings (Fixture       *f,
                           gconstpointer  data)
{
  GtkAdjustment *adjustment;
  GtkWidget *text;

  g_assert_cmpuint (check_spin_buttons (GTK_WIDGET (f->load_spin)), ==, 2);
  g_assert_cmpuint (check_spin_buttons (GTK_WIDGET (f->stale_spin)), ==, 2);

  /* the defaults */
  wait_for_spin_value (f->load_spin, 12);
  wait_for_spin_value (f->stale_spin, 6);
  adjustment = gtk_spin_button_get_adjustment (f->load_spin);
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 100);
  adjustment = gtk_spin_button_get_adjustment (f->stale_spin);
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 36);

  /* a step up with the button's own action, as a click on + does */
  gtk_spin_button_spin (f->load_spin, GTK_SPIN_STEP_FORWARD, 1);
  g_assert_cmpint (g_settings_get_int (f->settings, "load-threshold"), ==, 13);
  g_assert_cmpint (g_settings_get_int (f->settings, "stale-months"), ==, 6);

  /* typed and confirmed with Enter */
  text = find_widget (GTK_WIDGET (f->stale_spin), GTK_TYPE_TEXT, NULL);
  g_assert_nonnull (text);
  gtk_editable_set_text (GTK_EDITABLE (f->stale_spin), "9");
  g_assert_cmpint (g_settings_get_int (f->settings, "stale-months"), ==, 6);
  g_signal_emit_by_name (text, "activate");
  g_assert_cmpint (g_settings_get_int (f->settings, "stale-months"), ==, 9);
  g_assert_cmpint (g_settings_get_int (f->settings, "load-threshold"), ==, 13);

  /* beyond the range: the row stops at the key's maximum */
  gtk_spin_button_set_value (f->load_spin, 250);
  g_assert_cmpint (g_settings_get_int (f->settings, "load-threshold"), ==, 100);
  gtk_spin_button_set_value (f->stale_spin, 0);
  g_assert_cmpint (g_settings_get_int (f->settings, "stale-months"), ==, 1);
}

/* A setting changed elsewhere (another window, dconf) shows in the row. */
static void
test_settings_change_rows (Fixture       *f,
                           gconstpointer  data)
{
  g_settings_set_int (f->settings, "load-threshold", 20);
  wait_for_spin_value (f->load_spin, 20);
  g_settings_set_int (f->settings, "stale-months", 24);
  wait_for_spin_value (f->stale_spin, 24);
  g_settings_reset (f->settings, "load-threshold");
  wait_for_spin_value (f->load_spin, 12);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/kw/ui/preferences/schema", test_schema);
  g_test_add ("/kw/ui/preferences/rows-change-settings", Fixture, NULL,
              fixture_setup, test_rows_change_settings, fixture_teardown);
  g_test_add ("/kw/ui/preferences/settings-change-rows", Fixture, NULL,
              fixture_setup, test_settings_change_rows, fixture_teardown);

  return g_test_run ();
}
