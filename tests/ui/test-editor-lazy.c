/* test-editor-lazy.c: the editor's popovers are made on first use (issue 10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date row's calendar and a reference row's record chooser are not
 * built with the row (a page of many rows opens quickly); they are made
 * when the row's button opens them, and then work as before: a day
 * picked is written, a record chosen is written.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "kw-record-chooser.h"
#include "kw-record-editor.h"
#include "kw-test-util.h"

static GtkWidget *
row_button (KwRecordEditor *editor,
            const char     *field)
{
  GtkWidget *row = kw_record_editor_get_row (editor, field);
  GtkWidget *button = NULL;

  for (GtkWidget *w = row; w != NULL && button == NULL;)
    {
      if (GTK_IS_MENU_BUTTON (w) && w != row)
        button = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != row && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == row ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (button);
  return button;
}

static char *
stored (KwTestFixture *f,
        const char    *id,
        const char    *field)
{
  g_autoptr(KwRecord) record = kw_store_get (f->store, "person", id, NULL);
  GVariant *value = kw_record_get_value (record, field);

  return value ? g_variant_print (value, FALSE) : NULL;
}

/* The button's popover is there and open (shown; mapping it is GTK's). */
static gboolean
popover_open (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

static void
test_lazy_popovers (KwTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(KwChangeset) person = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) area = kw_changeset_new ("area", NULL);
  g_autoptr(KwRecordEditor) editor = kw_record_editor_new (f->store, "person");
  g_autoptr(KwRecord) record = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2025, 6, 1, 0, 0, 0);
  g_autofree char *id = NULL, *area_id = NULL, *value = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *date_button, *ref_button, *popover;
  KwRecordChooser *chooser;

  g_assert_true (kw_changeset_set_text (area, "name", "Lazy Binnenbuurt", NULL));
  area_id = kw_store_create (f->store, area, NULL);
  g_assert_true (kw_changeset_set_text (person, "name", "Noor Uitgesteld", NULL));
  id = kw_store_create (f->store, person, NULL);
  g_assert_nonnull (id);
  record = kw_store_get (f->store, "person", id, NULL);
  kw_record_editor_add_row (editor, group, "consent_date");
  kw_record_editor_add_row (editor, group, "area");
  kw_record_editor_add_row (editor, group, "name");
  kw_record_editor_set_record (editor, record);
  gtk_window_set_child (GTK_WINDOW (window), group);
  gtk_window_present (GTK_WINDOW (window));
  kw_test_wait_mapped (group);

  /* shown, and nothing in the buttons yet */
  date_button = row_button (editor, "consent_date");
  ref_button = row_button (editor, "area");
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (date_button)));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (ref_button)));
  g_assert_true (gtk_widget_get_sensitive (date_button));
  g_assert_true (gtk_widget_get_sensitive (ref_button));
  g_assert_null (kw_record_editor_get_popover (editor, "name"));

  /* the button makes its calendar when it opens it; a day picked is written */
  gtk_menu_button_popup (GTK_MENU_BUTTON (date_button));
  KW_TEST_WAIT_UNTIL (popover_open (date_button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (date_button)));
  g_assert_true (popover == kw_record_editor_get_popover (editor, "consent_date"));
  g_assert_true (GTK_IS_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover))));
  gtk_calendar_select_day (GTK_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover))), day);
  g_signal_emit_by_name (gtk_popover_get_child (GTK_POPOVER (popover)), "day-selected");   /* as a click on the day */
  value = stored (f, id, "consent_date");
  g_assert_cmpstr (value, ==, "'2025-06-01'");
  KW_TEST_WAIT_UNTIL (!gtk_widget_get_visible (popover));
  /* made once: opened again, the same popover */
  gtk_menu_button_popup (GTK_MENU_BUTTON (date_button));
  KW_TEST_WAIT_UNTIL (popover_open (date_button));
  g_assert_true (popover == GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (date_button))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (date_button));

  /* the reference row's chooser, made on opening, searches and writes */
  gtk_menu_button_popup (GTK_MENU_BUTTON (ref_button));
  KW_TEST_WAIT_UNTIL (popover_open (ref_button));
  chooser = KW_RECORD_CHOOSER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (ref_button)));
  g_assert_true (GTK_WIDGET (chooser) == kw_record_editor_get_popover (editor, "area"));
  kw_record_chooser_search (chooser, "Lazy");
  g_assert_cmpuint (kw_record_chooser_get_n_results (chooser), ==, 1);
  g_signal_emit_by_name (chooser, "chosen", "area", area_id);
  g_clear_pointer (&value, g_free);
  value = stored (f, id, "area");
  g_assert_nonnull (value);
  g_assert_nonnull (strstr (value, area_id));

  /* an accessor makes it without opening: for an editor not shown */
  {
    g_autoptr(KwRecordEditor) other = kw_record_editor_new (f->store, "person");
    GtkWidget *other_group = g_object_ref_sink (adw_preferences_group_new ());

    kw_record_editor_add_row (other, other_group, "area");
    g_assert_true (KW_IS_RECORD_CHOOSER (kw_record_editor_get_popover (other, "area")));
    g_object_unref (other_group);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/editor/lazy-popovers", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_lazy_popovers, kw_test_fixture_teardown);
  return g_test_run ();
}
