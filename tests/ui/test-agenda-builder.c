/* test-agenda-builder.c: building a meeting's agenda (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reordering by the keyboard with real key events (Alt+Up through the X
 * server, by xdotool), each move one write of the moved item's position
 * only; an item dropped onto another row; the planned minutes against
 * the meeting's length and the overrun warning; standing items marked.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-test-util.h"
#include "meetings/kw-agenda-group.h"
#include "meetings/kw-meeting-page.h"
#include "meetings/kw-meetings-view.h"

typedef struct
{
  char          *meeting;
  char          *ids[3];   /* Opening a0, Begroting a1, Rondvraag a2 */
  KwAgendaGroup *agenda;
} Agenda;

/* A meeting of an hour in four days, three items, its page open. */
static void
open_agenda (KwTestFixture *f,
             Agenda        *a)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 4);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 60);
  g_autofree char *s = g_date_time_format (start, "%Y-%m-%dT%H:%M:00Z");
  g_autofree char *e = g_date_time_format (end, "%Y-%m-%dT%H:%M:00Z");
  KwMeetingsView *view;

  a->meeting = kw_test_create (f->store, "meeting", "title", "Bewonersberaad", "starts_at", s, "ends_at", e, NULL);
  a->ids[2] = kw_test_create (f->store, "agenda_item", "meeting", a->meeting, "title", "Rondvraag", "position", "a2",
                      "minutes_planned", "10", "standing", "true", NULL);
  a->ids[0] = kw_test_create (f->store, "agenda_item", "meeting", a->meeting, "title", "Opening", "position", "a0",
                      "minutes_planned", "5", NULL);
  a->ids[1] = kw_test_create (f->store, "agenda_item", "meeting", a->meeting, "title", "Begroting", "position", "a1",
                      "minutes_planned", "30", NULL);
  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  view = KW_MEETINGS_VIEW (kw_window_get_view_for_type (f->window, "meeting"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "meeting", a->meeting));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  a->agenda = KW_AGENDA_GROUP (kw_meeting_page_get_agenda (KW_MEETING_PAGE (kw_meetings_view_get_page (view))));
  KW_TEST_WAIT_UNTIL (kw_agenda_group_get_items (a->agenda)->len == 3);
}

static void
agenda_clear (Agenda *a)
{
  g_free (a->meeting);
  for (guint i = 0; i < G_N_ELEMENTS (a->ids); i++)
    g_free (a->ids[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Agenda, agenda_clear)

static const char *
title_at (Agenda *a,
          guint   i)
{
  return kw_record_get_string (g_ptr_array_index (kw_agenda_group_get_items (a->agenda), i), "title");
}

static char *
stored_position (KwTestFixture *f,
                 const char    *id)
{
  g_autoptr(KwRecord) item = kw_store_get (f->store, "agenda_item", id, NULL);

  g_assert_nonnull (item);
  return g_strdup (kw_record_get_string (item, "position"));
}

static void
assert_position (KwTestFixture *f,
                 const char    *id,
                 const char    *position)
{
  g_autofree char *stored = stored_position (f, id);

  g_assert_cmpstr (stored, ==, position);
}

/* The order shown is the titles, and the stored positions rise along it. */
static gboolean
shows_order (Agenda     *a,
             const char *first,
             const char *second,
             const char *third)
{
  GPtrArray *items = kw_agenda_group_get_items (a->agenda);

  if (items->len != 3 || g_strcmp0 (title_at (a, 0), first) || g_strcmp0 (title_at (a, 1), second)
      || g_strcmp0 (title_at (a, 2), third))
    return FALSE;
  for (guint i = 1; i < items->len; i++)
    g_assert_cmpstr (kw_record_get_string (items->pdata[i - 1], "position"), <, kw_record_get_string (items->pdata[i], "position"));
  return TRUE;
}

static gboolean
has_focus_within (GtkWidget *window,
                  GtkWidget *row)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && row != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* The row's controller of @type (its drag source, its drop target). */
static GtkEventController *
row_controller (GtkWidget *row,
                GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the row holds it */
    }
  return NULL;
}

/* Tests */

static void
test_keyboard (KwTestFixture *f,
               gconstpointer  data)
{
  g_auto(Agenda) a = { 0, };
  g_autoptr(KwTestSignal) writes = NULL;
  g_autofree char *opening = NULL, *budget = NULL, *moved = NULL;
  GtkWidget *row;

  if (!kw_test_can_press_keys ())
    {
      g_test_skip ("real key events need an X display and xdotool (build-aux/dev deps)");
      return;
    }
  open_agenda (f, &a);
  g_assert_true (shows_order (&a, "Opening", "Begroting", "Rondvraag"));
  opening = stored_position (f, a.ids[0]);
  budget = stored_position (f, a.ids[1]);
  row = kw_agenda_group_get_row (a.agenda, a.ids[2]);
  g_assert_nonnull (row);
  kw_test_wait_mapped (row);
  /* as Tab does: the row's header */
  g_assert_true (gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD));
  g_assert_true (has_focus_within (GTK_WIDGET (f->window), row));
  writes = kw_test_signal_new (f->store, "changed::agenda_item");

  /* Alt+Up on the last one: it passes Begroting, one write, only its position */
  kw_test_press_keys (GTK_WIDGET (f->window), "alt+Up");
  KW_TEST_WAIT_UNTIL (shows_order (&a, "Opening", "Rondvraag", "Begroting"));
  g_assert_cmpuint (kw_test_signal_count (writes), ==, 1);
  moved = stored_position (f, a.ids[2]);
  g_assert_cmpstr (opening, <, moved);
  g_assert_cmpstr (moved, <, budget);
  assert_position (f, a.ids[0], opening);
  assert_position (f, a.ids[1], budget);
  kw_test_wait_toast_shown (GTK_WIDGET (f->window), "“Rondvraag” moved to place 2 of 3");
  /* the focus stays on the moved item, so the next press moves it again */
  row = kw_agenda_group_get_row (a.agenda, a.ids[2]);
  KW_TEST_WAIT_UNTIL (has_focus_within (GTK_WIDGET (f->window), row));
  kw_test_press_keys (GTK_WIDGET (f->window), "alt+Up");
  KW_TEST_WAIT_UNTIL (shows_order (&a, "Rondvraag", "Opening", "Begroting"));
  g_assert_cmpuint (kw_test_signal_count (writes), ==, 2);
  /* and back down */
  row = kw_agenda_group_get_row (a.agenda, a.ids[2]);
  KW_TEST_WAIT_UNTIL (has_focus_within (GTK_WIDGET (f->window), row));
  kw_test_press_keys (GTK_WIDGET (f->window), "alt+Down");
  KW_TEST_WAIT_UNTIL (shows_order (&a, "Opening", "Rondvraag", "Begroting"));
  g_assert_cmpuint (kw_test_signal_count (writes), ==, 3);
  assert_position (f, a.ids[1], budget);
}

static void
test_move_ends (KwTestFixture *f,
                gconstpointer  data)
{
  g_auto(Agenda) a = { 0, };
  g_autoptr(KwTestSignal) writes = NULL;

  open_agenda (f, &a);
  writes = kw_test_signal_new (f->store, "changed::agenda_item");
  /* not past the ends, and nothing written */
  g_assert_false (kw_agenda_group_move (a.agenda, a.ids[0], -1));
  g_assert_false (kw_agenda_group_move (a.agenda, a.ids[2], +1));
  g_assert_false (kw_agenda_group_move_to (a.agenda, a.ids[1], 1));
  g_assert_cmpuint (kw_test_signal_count (writes), ==, 0);
  /* a drop onto another row takes its place: the first onto the last */
  g_assert_true (kw_agenda_group_drop (a.agenda, a.ids[0], a.ids[2]));
  g_assert_true (shows_order (&a, "Begroting", "Rondvraag", "Opening"));
  g_assert_cmpuint (kw_test_signal_count (writes), ==, 1);
  /* the last onto the first */
  g_assert_true (kw_agenda_group_drop (a.agenda, a.ids[0], a.ids[1]));
  g_assert_true (shows_order (&a, "Opening", "Begroting", "Rondvraag"));
  g_assert_cmpuint (kw_test_signal_count (writes), ==, 2);
  g_assert_false (kw_agenda_group_drop (a.agenda, a.ids[0], a.ids[0]));
  /* through the rows' own controllers: the drag of Rondvraag carries its
   * id, and dropped on Opening's row it takes its place */
  {
    GtkWidget *from = kw_agenda_group_get_row (a.agenda, a.ids[2]);
    GtkWidget *onto = kw_agenda_group_get_row (a.agenda, a.ids[0]);
    GtkEventController *source = row_controller (from, GTK_TYPE_DRAG_SOURCE);
    GtkEventController *target = row_controller (onto, GTK_TYPE_DROP_TARGET);
    g_autoptr(GdkContentProvider) content = NULL;
    g_auto(GValue) value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    g_assert_nonnull (source);
    g_assert_nonnull (target);
    g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, a.ids[2]);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
    g_assert_true (dropped);
    g_assert_true (shows_order (&a, "Rondvraag", "Opening", "Begroting"));
    g_assert_cmpuint (kw_test_signal_count (writes), ==, 3);
  }
  g_assert_false (kw_agenda_group_drop (a.agenda, a.ids[0], "no-such-item"));
}

static void
test_overrun (KwTestFixture *f,
              gconstpointer  data)
{
  g_auto(Agenda) a = { 0, };
  g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", NULL);
  GtkWidget *total;

  open_agenda (f, &a);
  total = kw_agenda_group_get_total_row (a.agenda);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (total)), ==, "45 of 60 minutes planned");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (total)), ==, "");
  g_assert_false (gtk_widget_has_css_class (total, "warning"));
  /* the standing item says so */
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (kw_agenda_group_get_row (a.agenda, a.ids[2]))),
                                   "Standing item"));
  g_assert_null (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (kw_agenda_group_get_row (a.agenda, a.ids[1]))),
                         "Standing item"));
  /* 27 minutes more: 12 over */
  kw_changeset_set_int (changes, "minutes_planned", 57);
  g_assert_true (kw_store_update (f->store, a.ids[1], changes, NULL));
  KW_TEST_WAIT_UNTIL (kw_agenda_group_get_overrun (a.agenda));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (total)), ==, "72 of 60 minutes planned");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (total)), ==, "12 minutes over");
  g_assert_true (gtk_widget_has_css_class (total, "warning"));
  /* an item removed: back under */
  g_assert_true (kw_store_delete (f->store, "agenda_item", a.ids[1], NULL));
  KW_TEST_WAIT_UNTIL (!kw_agenda_group_get_overrun (a.agenda));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (total)), ==, "15 of 60 minutes planned");
  g_assert_false (gtk_widget_has_css_class (total, "warning"));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/agenda-builder/keyboard", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_keyboard, kw_test_fixture_teardown);
  g_test_add ("/kw/agenda-builder/move-ends-and-drop", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_move_ends, kw_test_fixture_teardown);
  g_test_add ("/kw/agenda-builder/overrun", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_overrun, kw_test_fixture_teardown);

  return g_test_run ();
}
