/* test-meetings-month.c: the month view of the meetings (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo meetings on their days (and the list beside the grid of the
 * same month), Previous / Next / Today, the weeks of a month (Monday
 * first), the locale's month and weekday names, a meeting opened from
 * its day, and a narrow window: the grid fits, the days show the times.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kw-test-util.h"
#include "meetings/kw-meeting-page.h"
#include "meetings/kw-meetings-month.h"
#include "meetings/kw-meetings-view.h"

static KwMeetingsView *
show_meetings (KwTestFixture *f)
{
  kw_test_fixture_open (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  return KW_MEETINGS_VIEW (kw_window_get_view_for_type (f->window, "meeting"));
}

static GtkWidget *
find_by_tooltip (GtkWidget  *widget,
                 const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every meeting of the store that starts (local time) in the month shown
 * is on its day, and none other is in the month; how many there are. */
static guint
check_month (KwTestFixture   *f,
             KwMeetingsMonth *month)
{
  g_autoptr(GPtrArray) meetings = kw_store_list (f->store, "meeting", NULL);
  guint n = 0;
  int year, mon;

  kw_meetings_month_get_month (month, &year, &mon);
  for (guint i = 0; i < meetings->len; i++)
    {
      const char *s = kw_record_get_string (meetings->pdata[i], "starts_at");
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (s, NULL);
      g_autoptr(GDateTime) start = g_date_time_to_local (utc);
      gboolean in_month = g_date_time_get_year (start) == year && g_date_time_get_month (start) == mon;
      GtkWidget *button;
      int day = -1;

      button = kw_meetings_month_get_button (month, kw_record_get_id (meetings->pdata[i]), &day);
      if (in_month)
        {
          g_assert_nonnull (button);
          g_assert_cmpint (day, ==, g_date_time_get_day_of_month (start));
          n++;
        }
      else
        g_assert_cmpint (day, ==, 0);
    }
  return n;
}

/* A click of Previous, Next or Today (the button's own activation,
 * whose ::clicked comes after its press animation): until the month
 * shown is another one. */
static void
step (KwMeetingsMonth *month,
      GtkWidget       *button)
{
  g_autofree char *before = g_strdup (kw_meetings_month_get_title (month));

  g_assert_true (gtk_widget_activate (button));
  KW_TEST_WAIT_UNTIL (g_strcmp0 (kw_meetings_month_get_title (month), before) != 0);
}

/* Tests */

static void
test_demo (KwTestFixture *f,
           gconstpointer  data)
{
  KwMeetingsView *view = show_meetings (f);
  KwMeetingsMonth *month = KW_MEETINGS_MONTH (kw_meetings_view_show_month (view));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *previous, *next, *today;
  guint seen = 0;
  int year, mon;

  kw_test_wait_mapped (GTK_WIDGET (month));
  kw_meetings_month_get_month (month, &year, &mon);
  g_assert_cmpint (year, ==, g_date_time_get_year (now));
  g_assert_cmpint (mon, ==, g_date_time_get_month (now));
  previous = find_by_tooltip (GTK_WIDGET (month), "Previous month");
  next = find_by_tooltip (GTK_WIDGET (month), "Next month");
  today = find_by_tooltip (GTK_WIDGET (month), "This month");
  g_assert_nonnull (previous);
  g_assert_nonnull (next);
  g_assert_nonnull (today);
  /* this month and the five before: each meeting on its day, and the
   * list beside the grid has the same ones */
  for (guint i = 0; i < 6; i++)
    {
      guint n = check_month (f, month);


      KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (kw_meetings_view_get_list (view)) == n);
      seen += n;
      step (month, previous);
    }
  g_assert_cmpuint (seen, >, 3);   /* the demo holds meetings in those months */
  step (month, next);
  kw_meetings_month_get_month (month, &year, &mon);
  {
    g_autoptr(GDateTime) back = g_date_time_add_months (now, -5);

    g_assert_cmpint (mon, ==, g_date_time_get_month (back));
  }
  step (month, today);
  kw_meetings_month_get_month (month, &year, &mon);
  g_assert_cmpint (mon, ==, g_date_time_get_month (now));
  g_assert_cmpint (year, ==, g_date_time_get_year (now));
}

static void
test_weeks (KwTestFixture *f,
            gconstpointer  data)
{
  KwMeetingsView *view = show_meetings (f);
  KwMeetingsMonth *month = KW_MEETINGS_MONTH (kw_meetings_view_show_month (view));

  /* February 2026 begins on a Sunday: 5 weeks from Monday 26 January */
  kw_meetings_month_set_month (month, 2026, 2);
  g_assert_cmpstr (kw_meetings_month_get_title (month), ==, "February 2026");
  g_assert_cmpuint (kw_meetings_month_get_n_weeks (month), ==, 5);
  /* March 2026 too, with 31 days: 6 */
  kw_meetings_month_set_month (month, 2026, 3);
  g_assert_cmpuint (kw_meetings_month_get_n_weeks (month), ==, 6);
  /* June 2026 begins on a Monday */
  kw_meetings_month_set_month (month, 2026, 6);
  g_assert_cmpuint (kw_meetings_month_get_n_weeks (month), ==, 5);
  g_assert_nonnull (find_label (GTK_WIDGET (month), "Mon"));
  /* December to January */
  kw_meetings_month_set_month (month, 2026, 12);
  kw_meetings_month_step (month, +1);
  g_assert_cmpstr (kw_meetings_month_get_title (month), ==, "January 2027");
  /* the locale's names, where its locale is there */
  if (setlocale (LC_TIME, "nl_NL.UTF-8") != NULL)
    {
      kw_meetings_month_set_month (month, 2026, 3);
      g_assert_cmpstr (kw_meetings_month_get_title (month), ==, "maart 2026");
      g_assert_nonnull (find_label (GTK_WIDGET (month), "ma"));
      g_assert_nonnull (find_label (GTK_WIDGET (month), "zo"));
      setlocale (LC_TIME, "C.UTF-8");
    }
}

static void
test_open (KwTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("meeting", NULL);
  g_autofree char *meeting = NULL;
  KwMeetingsView *view = show_meetings (f);
  KwMeetingsMonth *month = KW_MEETINGS_MONTH (kw_meetings_view_show_month (view));
  GtkWidget *button;
  int day = 0;

  /* 18:00 in Amsterdam on 15 March 2026 (17:00 UTC): on the 15th */
  kw_changeset_set_string (changes, "title", "Bewonersberaad Proefbuurt");
  kw_changeset_set_string (changes, "starts_at", "2026-03-15T17:00:00Z");
  meeting = kw_store_create (f->store, changes, NULL);
  g_assert_nonnull (meeting);
  kw_meetings_month_set_month (month, 2026, 3);
  KW_TEST_WAIT_UNTIL (kw_meetings_month_get_button (month, meeting, &day) != NULL);
  g_assert_cmpint (day, ==, 15);
  button = kw_meetings_month_get_button (month, meeting, NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "18:00 Bewonersberaad Proefbuurt");
  kw_test_wait_mapped (button);
  g_assert_true (gtk_widget_activate (button));
  KW_TEST_WAIT_UNTIL (kw_meetings_view_get_page (view) != NULL && gtk_widget_get_mapped (kw_meetings_view_get_page (view)));
  g_assert_cmpstr (kw_record_page_get_id (KW_RECORD_PAGE (kw_meetings_view_get_page (view))), ==, meeting);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (month)));
  /* Month again: the grid, where it was */
  g_assert_true (kw_meetings_view_show_month (view) == GTK_WIDGET (month));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (month)));
  g_assert_cmpstr (kw_meetings_month_get_title (month), ==, "March 2026");
}

static void
test_narrow (KwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("meeting", NULL);
  g_autofree char *meeting = NULL;
  KwMeetingsView *view = show_meetings (f);
  KwMeetingsMonth *month;
  GtkWidget *button;

  kw_changeset_set_string (changes, "title", "Bewonersberaad Proefbuurt");
  kw_changeset_set_string (changes, "starts_at", "2026-03-15T17:00:00Z");
  meeting = kw_store_create (f->store, changes, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 700);
  month = KW_MEETINGS_MONTH (kw_meetings_view_show_month (view));
  kw_meetings_month_set_month (month, 2026, 3);
  kw_test_wait_mapped (GTK_WIDGET (month));
  KW_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (f->window)) <= 420);
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  /* the times only, and the grid inside the window */
  button = kw_meetings_month_get_button (month, meeting, NULL);
  KW_TEST_WAIT_UNTIL ((button = kw_meetings_month_get_button (month, meeting, NULL)) != NULL
                      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "18:00") == 0);
  kw_test_wait_frames (GTK_WIDGET (month), 2);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (month)), <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (month), GTK_WIDGET (f->window), &bounds));
    g_assert_cmpfloat (bounds.origin.x, >=, 0);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  kw_test_init (&argc, &argv);

  g_test_add ("/kw/meetings-month/demo", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_demo, kw_test_fixture_teardown);
  g_test_add ("/kw/meetings-month/weeks", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_weeks, kw_test_fixture_teardown);
  g_test_add ("/kw/meetings-month/open", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_open, kw_test_fixture_teardown);
  g_test_add ("/kw/meetings-month/narrow", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_narrow, kw_test_fixture_teardown);

  return g_test_run ();
}
