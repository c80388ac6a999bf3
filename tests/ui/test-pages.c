/* test-pages.c: the pieces record pages are made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor's amount and datetime rows (in English and Dutch), the
 * record page's reload and delete, child groups specified from the
 * registry.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "kw-format.h"
#include "kw-record-editor.h"
#include "kw-test-util.h"

extern int _nl_msg_cat_cntr;

static void
use_dutch (gboolean dutch)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  ++_nl_msg_cat_cntr;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (dutch)
    g_setenv ("LANGUAGE", "nl", TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static GtkWidget *
find_css (GtkWidget  *widget,
          const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_css (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
create (KwStore    *store,
        const char *type_name,
        ...)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (type_name, NULL);
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list args;
  char *id;

  va_start (args, type_name);
  while ((field = va_arg (args, const char *)) != NULL)
    g_assert_true (kw_changeset_set_text (changes, field, va_arg (args, const char *), &error));
  va_end (args);
  id = kw_store_create (store, changes, &error);
  g_assert_no_error (error);
  return id;
}

static GVariant *
stored (KwStore    *store,
        const char *type_name,
        const char *id,
        const char *field)
{
  g_autoptr(KwRecord) record = kw_store_get (store, type_name, id, NULL);
  GVariant *value = kw_record_get_value (record, field);

  return value ? g_variant_ref (value) : NULL;
}

static const char *
message_text (KwRecordEditor *editor,
              const char     *field)
{
  GtkWidget *message = kw_record_editor_get_message (editor, field);

  if (!gtk_widget_get_visible (message))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message))));
}

static KwRecordEditor *
make_editor (KwStore    *store,
             const char *type_name,
             const char *id,
             const char *field,
             GtkWidget **row)
{
  KwRecordEditor *editor = kw_record_editor_new (store, type_name);
  GtkWidget *group = g_object_ref_sink (adw_preferences_group_new ());
  g_autoptr(KwRecord) record = kw_store_get (store, type_name, id, NULL);

  kw_record_editor_add_row (editor, group, field);
  kw_record_editor_set_record (editor, record);
  *row = kw_record_editor_get_row (editor, field);
  g_object_set_data_full (G_OBJECT (editor), "group", group, g_object_unref);
  return editor;
}

static void
type_and_apply (GtkWidget  *row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
test_money_row (KwTestFixture *f,
                gconstpointer  data)
{
  g_autofree char *alliance = create (f->store, "alliance", "name", "Wijkalliantie Proef", NULL);
  g_autofree char *line = create (f->store, "action_line", "alliance", alliance, "title", "Buurtfeest",
                                  "budget_cents", "250000", NULL);
  g_autoptr(KwRecordEditor) editor = NULL;
  g_autoptr(GVariant) value = NULL;
  GtkWidget *row;

  use_dutch (FALSE);
  editor = make_editor (f->store, "action_line", line, "budget_cents", &row);
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2500.00");
  type_and_apply (row, "12.5");
  value = stored (f->store, "action_line", line, "budget_cents");
  g_assert_cmpint (g_variant_get_int64 (value), ==, 1250);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "12.50");   /* as stored */
  g_assert_null (message_text (editor, "budget_cents"));

  /* a bad amount is said at the field, and nothing is stored */
  type_and_apply (row, "12.345");
  g_assert_cmpstr (message_text (editor, "budget_cents"), ==, "Enter an amount in euros, for example 12.50");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_clear_pointer (&value, g_variant_unref);
  value = stored (f->store, "action_line", line, "budget_cents");
  g_assert_cmpint (g_variant_get_int64 (value), ==, 1250);

  /* empty is no amount at all */
  type_and_apply (row, "");
  g_clear_pointer (&value, g_variant_unref);
  g_assert_null (stored (f->store, "action_line", line, "budget_cents"));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* in Dutch with a comma, thousands with a dot */
  use_dutch (TRUE);
  g_clear_object (&editor);
  editor = make_editor (f->store, "action_line", line, "spent_cents", &row);
  type_and_apply (row, "1.234,5");
  value = stored (f->store, "action_line", line, "spent_cents");
  g_assert_cmpint (g_variant_get_int64 (value), ==, 123450);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "1234,50");
  type_and_apply (row, "12,345");
  g_assert_cmpstr (message_text (editor, "spent_cents"), ==, "Vul een bedrag in euro’s in, bijvoorbeeld 12,50");
  use_dutch (FALSE);
}

static void
test_datetime_row (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autofree char *meeting = create (f->store, "meeting", "title", "Bewonersberaad", "starts_at",
                                     "2025-06-01T17:30:00Z", NULL);
  g_autoptr(KwRecordEditor) editor = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autofree char *june = NULL;
  GtkWidget *row, *time;

  use_dutch (FALSE);
  june = kw_format_date ("2025-06-01");
  editor = make_editor (f->store, "meeting", meeting, "starts_at", &row);
  time = find_css (row, "time-entry");
  g_assert_nonnull (time);
  /* shown in local time: Amsterdam is two hours ahead in summer */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, june);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time)), ==, "19:30");

  gtk_editable_set_text (GTK_EDITABLE (time), "20:15");
  g_signal_emit_by_name (time, "activate");
  value = stored (f->store, "meeting", meeting, "starts_at");
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, "2025-06-01T18:15:00Z");

  /* another day in winter: one hour ahead, the time stays */
  type_and_apply (row, "2025-12-01");
  g_clear_pointer (&value, g_variant_unref);
  value = stored (f->store, "meeting", meeting, "starts_at");
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, "2025-12-01T19:15:00Z");

  /* a bad time is said at the field */
  gtk_editable_set_text (GTK_EDITABLE (time), "25:00");
  g_signal_emit_by_name (time, "activate");
  g_assert_cmpstr (message_text (editor, "starts_at"), ==, "Enter a time, for example 19:30");
  g_clear_pointer (&value, g_variant_unref);
  value = stored (f->store, "meeting", meeting, "starts_at");
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, "2025-12-01T19:15:00Z");
  gtk_editable_set_text (GTK_EDITABLE (time), "19:15");
  type_and_apply (row, "31-31-2025");
  g_assert_nonnull (strstr (message_text (editor, "starts_at"), "Enter a date"));

  /* both empty: no time set */
  gtk_editable_set_text (GTK_EDITABLE (time), "");
  type_and_apply (row, "");
  g_assert_null (message_text (editor, "starts_at"));
  g_assert_null (stored (f->store, "meeting", meeting, "starts_at"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  kw_test_init (&argc, &argv);
  /* gtk_test_init() leaves the C locale, where gettext ignores LANGUAGE */
  setlocale (LC_ALL, "C.UTF-8");
  use_dutch (FALSE);
#define ADD(path, data, func) \
  g_test_add ("/kw/ui/pages/" path, KwTestFixture, data, kw_test_fixture_setup, func, kw_test_fixture_teardown)
  ADD ("money-row", KW_TEST_EMPTY, test_money_row);
  ADD ("datetime-row", KW_TEST_EMPTY, test_datetime_row);
  return g_test_run ();
}
