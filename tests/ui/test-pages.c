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

#include "kw-child-group.h"
#include "kw-format.h"
#include "kw-organisation-page.h"
#include "kw-person-page.h"
#include "kw-record-editor.h"
#include "kw-test-util.h"

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
  g_autofree char *alliance = kw_test_create (f->store, "alliance", "name", "Wijkalliantie Proef", NULL);
  g_autofree char *line = kw_test_create (f->store, "action_line", "alliance", alliance, "title", "Buurtfeest",
                                  "budget_cents", "250000", NULL);
  g_autoptr(KwRecordEditor) editor = NULL;
  g_autoptr(GVariant) value = NULL;
  GtkWidget *row;

  kw_test_use_dutch (FALSE);
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
  kw_test_use_dutch (TRUE);
  g_clear_object (&editor);
  editor = make_editor (f->store, "action_line", line, "spent_cents", &row);
  type_and_apply (row, "1.234,5");
  value = stored (f->store, "action_line", line, "spent_cents");
  g_assert_cmpint (g_variant_get_int64 (value), ==, 123450);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "1234,50");
  type_and_apply (row, "12,345");
  g_assert_cmpstr (message_text (editor, "spent_cents"), ==, "Vul een bedrag in euro’s in, bijvoorbeeld 12,50");
  kw_test_use_dutch (FALSE);
}

static void
test_datetime_row (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Bewonersberaad", "starts_at",
                                     "2025-06-01T17:30:00Z", NULL);
  g_autoptr(KwRecordEditor) editor = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autofree char *june = NULL;
  GtkWidget *row, *time;

  kw_test_use_dutch (FALSE);
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

/* A label under @widget whose text has @part in it, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), part) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The page reads its record again when what belongs to it changes (a
 * contact moment of the person) and when what it refers to does (the
 * area's name): derived from the registry, not listed. */
static void
test_page_reload (KwTestFixture *f,
                  gconstpointer  data)
{
  g_autofree char *area = kw_test_create (f->store, "area", "name", "Dapperbuurt", NULL);
  g_autofree char *person = kw_test_create (f->store, "person", "name", "Noor Proef", "area", area, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *moment = NULL;
  g_autoptr(KwChangeset) rename = kw_changeset_new ("area", NULL);
  g_autoptr(GError) error = NULL;
  KwPersonPage *page = g_object_ref_sink (kw_person_page_new (f->store));
  GtkWidget *area_row;

  kw_test_use_dutch (FALSE);
  kw_person_page_set_id (page, person);
  g_assert_cmpstr (kw_record_page_get_type_name (KW_RECORD_PAGE (page)), ==, "person");
  g_assert_nonnull (find_label (GTK_WIDGET (page), "no contact logged yet"));
  g_assert_nonnull (find_label (GTK_WIDGET (page), "Noor Proef"));
  area_row = kw_person_page_get_row (page, "area");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (area_row)), ==, "Dapperbuurt");

  moment = kw_test_create (f->store, "contact_moment", "person", person, "date", today, "summary", "Koffie", NULL);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "last contact today"));
  g_assert_null (find_label (GTK_WIDGET (page), "no contact logged yet"));
  /* the page gave its groups the person as their parent */
  g_assert_cmpuint (kw_child_group_get_n_rows (kw_person_page_get_group (page, "contact_moment")), ==, 1);
  g_assert_cmpuint (kw_child_group_get_n_rows (kw_person_page_get_group (page, "relation")), ==, 0);
  g_assert_null (kw_person_page_get_group (page, "attendance"));

  kw_changeset_set_string (rename, "name", "Dapperbuurt-Noord");
  g_assert_true (kw_store_update (f->store, area, rename, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (area_row)), ==, "Dapperbuurt-Noord");
  g_object_unref (page);
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* record.delete and the subclass's own name for it, not in a draft;
 * the draft's texts are the subclass's. */
static void
test_page_actions (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autofree char *org = kw_test_create (f->store, "organisation", "name", "Buurtkeuken Proef", NULL);
  KwOrganisationPage *page = g_object_ref_sink (kw_organisation_page_new (f->store));
  g_autofree char *person = NULL, *affiliation = NULL;
  GtkWidget *delete;

  kw_test_use_dutch (FALSE);
  kw_organisation_page_start_draft (page);
  g_assert_true (kw_organisation_page_is_draft (page));
  g_assert_nonnull (find_label (GTK_WIDGET (page), "New Organisation"));
  delete = find_action_button (GTK_WIDGET (page), "organisation.delete");
  g_assert_nonnull (find_action_button (GTK_WIDGET (page), "record.add-draft"));
  g_assert_nonnull (delete);
  g_assert_false (gtk_widget_get_visible (delete));
  /* no name yet: nothing to add, Enter or not */
  gtk_widget_activate_action (GTK_WIDGET (page), "organisation.add-draft", NULL);
  g_signal_emit_by_name (kw_organisation_page_get_row (page, "name"), "apply");
  g_assert_true (kw_organisation_page_is_draft (page));
  g_assert_cmpint (kw_store_count (f->store, "organisation"), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (kw_organisation_page_get_row (page, "name")), "Huiskamer Proef");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.add-draft", NULL));
  g_assert_false (kw_organisation_page_is_draft (page));
  g_assert_cmpint (kw_store_count (f->store, "organisation"), ==, 2);
  g_assert_true (gtk_widget_get_visible (delete));
  g_assert_nonnull (kw_organisation_page_get_id (page));

  kw_organisation_page_set_id (page, org);
  g_assert_cmpstr (kw_organisation_page_get_id (page), ==, org);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "0 people"));
  /* the subtitle counts the people group's rows after the group has them */
  g_free (person);
  person = kw_test_create (f->store, "person", "name", "Ama Proef", NULL);
  g_free (affiliation);
  affiliation = kw_test_create (f->store, "affiliation", "person", person, "organisation", org, NULL);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "1 person"));
  g_object_unref (page);
}

typedef struct {
  guint emitted, position, removed, added;
} Changes;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Changes    *changes)
{
  changes->emitted++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static GtkWidget *
row_of (KwChildGroup *group,
        const char   *id,
        const char   *field)
{
  KwRecordEditor *editor = kw_child_group_get_editor (group, id);

  g_assert_nonnull (editor);
  return gtk_widget_get_ancestor (kw_record_editor_get_row (editor, field), ADW_TYPE_EXPANDER_ROW);
}

/* A child list no page knows yet, all from the registry: an alliance's
 * partners (PARENT "alliance"), titled by the party, with rows for the
 * other fields, bound to a model that changes only where it must. */
static void
test_child_group (KwTestFixture *f,
                  gconstpointer  data)
{
  g_autofree char *alliance = kw_test_create (f->store, "alliance", "name", "Wijkalliantie Proef", NULL);
  g_autofree char *org = kw_test_create (f->store, "organisation", "name", "Buurtkeuken Proef", NULL);
  g_autofree char *person = kw_test_create (f->store, "person", "name", "Noor Proef", NULL);
  g_autofree char *first = NULL, *second = NULL;
  g_autoptr(KwChildGroup) group = g_object_ref_sink (kw_child_group_new (f->store, "alliance_partner"));
  g_autoptr(KwChangeset) changes = kw_changeset_new ("alliance_partner", NULL);
  g_autoptr(KwChangeset) rename = kw_changeset_new ("organisation", NULL);
  g_autoptr(GError) error = NULL;
  Changes seen = { 0 };
  GtkWidget *row;

  kw_test_use_dutch (FALSE);
  kw_child_group_set_parent (group, "alliance", alliance);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Alliance partners");
  g_assert_cmpuint (kw_child_group_get_n_rows (group), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (group), "None yet"));
  /* the chooser offers what the other reference may point at */
  g_assert_nonnull (kw_child_group_get_chooser (group));
  kw_record_chooser_search (kw_child_group_get_chooser (group), "Proef");
  g_assert_cmpuint (kw_record_chooser_get_n_results (kw_child_group_get_chooser (group)), ==, 2);

  g_signal_connect (kw_child_group_get_model (group), "items-changed", G_CALLBACK (on_items_changed_cb), &seen);
  first = kw_child_group_add (group, "organisation", org, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kw_child_group_get_n_rows (group), ==, 1);
  g_assert_cmpuint (seen.emitted, ==, 1);
  g_assert_null (find_label (GTK_WIDGET (group), "None yet"));
  row = row_of (group, first, "role");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Buurtkeuken Proef");
  /* rows for the other fields, none for the references it belongs to */
  g_assert_nonnull (kw_record_editor_get_row (kw_child_group_get_editor (group, first), "since"));
  g_assert_null (kw_record_editor_get_row (kw_child_group_get_editor (group, first), "alliance"));
  g_assert_null (kw_record_editor_get_row (kw_child_group_get_editor (group, first), "party"));

  /* an edit changes the row in place (same row), and the model's record
   * is the new one, replaced where it is */
  kw_changeset_set_string (changes, "role", "lead");
  g_assert_true (kw_store_update (f->store, first, changes, &error));
  g_assert_true (row_of (group, first, "role") == row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Lead partner");
  g_assert_cmpuint (seen.emitted, ==, 2);   /* once, also when the store says so twice */
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.added, ==, 1);
  {
    g_autoptr(KwRecord) item = g_list_model_get_item (kw_child_group_get_model (group), 0);

    g_assert_cmpstr (kw_record_get_string (item, "role"), ==, "lead");
  }
  /* the party's new name, as it refers to it */
  kw_changeset_set_string (rename, "name", "Buurtkeuken De Proef");
  g_assert_true (kw_store_update (f->store, org, rename, &error));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Buurtkeuken De Proef");

  second = kw_child_group_add (group, "person", person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kw_child_group_get_n_rows (group), ==, 2);
  g_assert_cmpuint (seen.emitted, ==, 3);   /* the rename of the party changed no partner */
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 1);
  g_assert_true (row_of (group, first, "role") == row);

  /* a delete waiting for its toast is left out, and comes back */
  g_assert_true (kw_store_pend_delete (f->store, "alliance_partner", first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kw_child_group_get_n_rows (group), ==, 1);
  g_assert_null (kw_child_group_get_editor (group, first));
  kw_store_cancel_pending (f->store, "alliance_partner", first);
  g_assert_cmpuint (kw_child_group_get_n_rows (group), ==, 2);
  g_signal_handlers_disconnect_by_data (kw_child_group_get_model (group), &seen);
}

/* The coming child lists, each from the registry alone: a unit's
 * members and a meeting's attendance added through their other
 * reference, an alliance's action lines titled by their title with the
 * amounts as euros. */
static void
test_child_kinds (KwTestFixture *f,
                  gconstpointer  data)
{
  g_autofree char *person = kw_test_create (f->store, "person", "name", "Noor Proef", NULL);
  g_autofree char *network = kw_test_create (f->store, "network", "name", "Stadsdorp Proef", NULL);
  g_autofree char *unit = kw_test_create (f->store, "network_unit", "network", network, "name", "Binnenbuurt Noord", NULL);
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Bewonersberaad", NULL);
  g_autofree char *alliance = kw_test_create (f->store, "alliance", "name", "Wijkalliantie Proef", NULL);
  g_autofree char *line = kw_test_create (f->store, "action_line", "alliance", alliance, "title", "Buurtfeest",
                                  "budget_cents", "250000", NULL);
  struct { const char *child, *parent_type, *parent, *other_type, *other, *title; } cases[] = {
    { "network_member", "network_unit", unit, "person", person, "Noor Proef" },
    { "attendance", "meeting", meeting, "person", person, "Noor Proef" },
  };
  g_autoptr(KwChildGroup) lines = NULL;
  GtkWidget *row;

  kw_test_use_dutch (FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KwChildGroup) group = g_object_ref_sink (kw_child_group_new (f->store, cases[i].child));
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;

      kw_child_group_set_parent (group, cases[i].parent_type, cases[i].parent);
      id = kw_child_group_add (group, cases[i].other_type, cases[i].other, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (kw_child_group_get_n_rows (group), ==, 1);
      row = row_of (group, id, kw_registry_lookup (cases[i].child)->fields[2].name);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, cases[i].title);
    }

  lines = g_object_ref_sink (kw_child_group_new (f->store, "action_line"));
  kw_child_group_set_parent (lines, "alliance", alliance);
  g_assert_cmpuint (kw_child_group_get_n_rows (lines), ==, 1);
  row = row_of (lines, line, "budget_cents");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Buurtfeest");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "€2,500.00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kw_record_editor_get_row (kw_child_group_get_editor (lines, line),
                                                                                  "budget_cents"))), ==, "2500.00");
  /* a title field's child has no other reference to choose */
  g_assert_null (kw_child_group_get_chooser (lines));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  kw_test_init (&argc, &argv);
  /* gtk_test_init() leaves the C locale, where gettext ignores LANGUAGE */
  setlocale (LC_ALL, "C.UTF-8");
  kw_test_use_dutch (FALSE);
#define ADD(path, data, func) \
  g_test_add ("/kw/ui/pages/" path, KwTestFixture, data, kw_test_fixture_setup, func, kw_test_fixture_teardown)
  ADD ("money-row", KW_TEST_EMPTY, test_money_row);
  ADD ("datetime-row", KW_TEST_EMPTY, test_datetime_row);
  ADD ("page-reload", KW_TEST_EMPTY, test_page_reload);
  ADD ("page-actions", KW_TEST_EMPTY, test_page_actions);
  ADD ("child-group", KW_TEST_EMPTY, test_child_group);
  ADD ("child-kinds", KW_TEST_EMPTY, test_child_kinds);
  return g_test_run ();
}
