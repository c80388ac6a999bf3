/* test-meetings.c: the running action list and plan-next (kw-meetings.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small crafted databases for the rules of spec/analysis.md "The
 * running action list" and of DESIGN.md's "plan the next meeting":
 * contexts, statuses, ordering, overdue at the edge of today, the usual
 * interval, the weekday and time kept across a change of summer time,
 * the agenda items that come along and the actions that do not; the
 * iCalendar read back with libical and with python3-vobject.
 */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "kw-error.h"
#include "kw-ical.h"
#include "kw-meetings.h"
#include "kw-store.h"
#include "kw-test-files.h"
#include "kw-test-store.h"

typedef struct {
  char    *dir;
  KwStore *store;
} Fixture;

#define put(fx, ...) kw_test_put ((fx)->store, __VA_ARGS__)

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("kw-meetings-XXXXXX", &error);
  g_assert_no_error (error);
  fx->store = kw_test_store_open (fx->dir, "kwartier.db");
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  kw_test_remove_tree (fx->dir);
  g_free (fx->dir);
}

/* put (fx, "person", "name", "Anna", …, NULL): the new record's id */
static GDate *
date (const char *text)
{
  GDate *d = g_date_new ();

  g_date_set_parse (d, text);
  g_assert_true (g_date_valid (d));
  return d;
}

/* The ids of the running list, in its order, joined by spaces. */
static char *
list_ids (Fixture    *fx,
          const char *alliance,
          const char *unit,
          const char *meeting,
          gboolean    all,
          const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d = date (today);
  g_autoptr(GPtrArray) actions = kw_meetings_actions (fx->store, alliance, unit, meeting, all, d, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < actions->len; i++)
    {
      KwMeetingAction *a = g_ptr_array_index (actions, i);

      g_string_append_printf (s, "%s%s", i > 0 ? " " : "", a->title);
    }
  return g_string_free (s, FALSE);
}

#define assert_list(fx, alliance, unit, meeting, all, expected) G_STMT_START { \
    g_autofree char *got_ = list_ids (fx, alliance, unit, meeting, all, "2026-12-01"); \
    g_assert_cmpstr (got_, ==, expected);                                      \
  } G_STMT_END

/* An alliance, a unit, meetings of each, one with both, one alone; an
 * action item of the alliance without a meeting. Titles say where they
 * belong; deadlines keep the order the title's letter says. */
static void
test_actions_context (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *area = put (fx, "area", "name", "Noord", NULL);
  g_autofree char *al = put (fx, "alliance", "name", "Wijkalliantie Noord", "area", area, NULL);
  g_autofree char *net = put (fx, "network", "name", "Bewonersnetwerk", NULL);
  g_autofree char *unit = put (fx, "network_unit", "network", net, "name", "Binnenbuurt", NULL);
  g_autofree char *m_al = put (fx, "meeting", "title", "Alliantie", "alliance", al, NULL);
  g_autofree char *m_unit = put (fx, "meeting", "title", "Unit", "unit", unit, NULL);
  g_autofree char *m_both = put (fx, "meeting", "title", "Beide", "alliance", al, "unit", unit, NULL);
  g_autofree char *m_alone = put (fx, "meeting", "title", "Los", NULL);
  g_autofree char *a = put (fx, "action_item", "title", "a alliance only", "alliance", al,
                            "deadline", "2026-12-10", "status", "open", NULL);
  g_autofree char *b = put (fx, "action_item", "title", "b alliance meeting", "meeting", m_al,
                            "deadline", "2026-12-11", NULL);
  g_autofree char *c = put (fx, "action_item", "title", "c unit meeting", "meeting", m_unit,
                            "deadline", "2026-12-12", "status", "open", NULL);
  g_autofree char *d = put (fx, "action_item", "title", "d both meeting", "meeting", m_both,
                            "deadline", "2026-12-13", "status", "open", NULL);
  g_autofree char *e = put (fx, "action_item", "title", "e alone meeting", "meeting", m_alone,
                            "deadline", "2026-12-14", "status", "open", NULL);
  g_autofree char *f = put (fx, "action_item", "title", "f done", "meeting", m_al,
                            "deadline", "2026-12-15", "status", "done", NULL);
  g_autofree char *g = put (fx, "action_item", "title", "g dropped", "alliance", al,
                            "deadline", "2026-12-16", "status", "dropped", NULL);
  g_autoptr(GPtrArray) none = NULL;

  assert_list (fx, NULL, NULL, NULL, FALSE,
               "a alliance only b alliance meeting c unit meeting d both meeting e alone meeting");
  assert_list (fx, NULL, NULL, NULL, TRUE,
               "a alliance only b alliance meeting c unit meeting d both meeting e alone meeting f done g dropped");
  /* the alliance: its own items and those of its meetings (also the one with a unit) */
  assert_list (fx, al, NULL, NULL, FALSE, "a alliance only b alliance meeting d both meeting");
  assert_list (fx, al, NULL, NULL, TRUE, "a alliance only b alliance meeting d both meeting f done g dropped");
  /* a meeting with an alliance: the alliance is its context */
  assert_list (fx, NULL, NULL, m_both, FALSE, "a alliance only b alliance meeting d both meeting");
  assert_list (fx, NULL, NULL, m_al, FALSE, "a alliance only b alliance meeting d both meeting");
  /* the unit: its meetings without an alliance */
  assert_list (fx, NULL, unit, NULL, FALSE, "c unit meeting");
  assert_list (fx, NULL, NULL, m_unit, FALSE, "c unit meeting");
  /* a meeting alone */
  assert_list (fx, NULL, NULL, m_alone, FALSE, "e alone meeting");

  /* unknown ids */
  none = kw_meetings_actions (fx->store, "00000000-0000-4000-8000-000000000000", NULL, NULL, FALSE, NULL, &error);
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);
  none = kw_meetings_actions (fx->store, NULL, al, NULL, FALSE, NULL, &error); /* not a unit */
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = kw_meetings_actions (fx->store, NULL, NULL, al, FALSE, NULL, &error); /* not a meeting */
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the alliance deleted: the meeting with both falls back to its unit,
   * the alliance's own items are in no context but "every item" */
  g_assert_true (kw_store_delete (fx->store, "alliance", al, &error));
  g_assert_no_error (error);
  assert_list (fx, NULL, NULL, m_both, FALSE, "c unit meeting d both meeting");
  assert_list (fx, NULL, NULL, m_al, FALSE, "b alliance meeting");
  /* a deleted meeting reads as empty */
  g_assert_true (kw_store_delete (fx->store, "meeting", m_alone, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) all = kw_meetings_actions (fx->store, NULL, NULL, NULL, FALSE, NULL, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      {
        KwMeetingAction *x = g_ptr_array_index (all, i);

        if (strcmp (x->action_item, e) == 0)
          g_assert_null (x->meeting);
        else if (strcmp (x->action_item, a) == 0)
          g_assert_null (x->meeting);
        else
          g_assert_nonnull (x->meeting);
      }
  }
  (void) b; (void) c; (void) d; (void) f; (void) g;
}

/* Deadline, empty last, then title; an empty status is open; overdue is
 * strictly before today; done and dropped are never overdue. */
static void
test_actions_order (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = date ("2026-12-01");
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *owner = put (fx, "person", "name", "Noor Testpersoon", NULL);
  g_autofree char *m = put (fx, "meeting", "title", "Overleg", NULL);
  g_autofree char *i1 = put (fx, "action_item", "title", "zonder deadline", "meeting", m, NULL);
  g_autofree char *i2 = put (fx, "action_item", "title", "vandaag", "meeting", m,
                             "deadline", "2026-12-01", "owner", owner, NULL);
  g_autofree char *i3 = put (fx, "action_item", "title", "gisteren", "meeting", m,
                             "deadline", "2026-11-30", NULL);
  g_autofree char *i4 = put (fx, "action_item", "title", "Brief", "meeting", m,
                             "deadline", "2026-12-05", NULL);
  g_autofree char *i5 = put (fx, "action_item", "title", "affiche", "meeting", m,
                             "deadline", "2026-12-05", NULL);
  g_autofree char *i6 = put (fx, "action_item", "title", "klaar", "meeting", m,
                             "deadline", "2026-11-01", "status", "done", NULL);
  g_autofree char *i7 = put (fx, "action_item", "title", "Agenda", "meeting", m, NULL);

  assert_list (fx, NULL, NULL, m, FALSE, "gisteren vandaag affiche Brief Agenda zonder deadline");
  assert_list (fx, NULL, NULL, m, TRUE, "klaar gisteren vandaag affiche Brief Agenda zonder deadline");

  list = kw_meetings_actions (fx->store, NULL, NULL, m, TRUE, today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      KwMeetingAction *a = g_ptr_array_index (list, i);

      g_assert_cmpstr (a->meeting, ==, m);
      if (strcmp (a->action_item, i3) == 0)
        g_assert_true (a->overdue);
      else
        g_assert_false (a->overdue);
      if (strcmp (a->action_item, i6) == 0)
        g_assert_cmpstr (a->status, ==, "done");
      else
        g_assert_cmpstr (a->status, ==, "open");
      if (strcmp (a->action_item, i2) == 0)
        {
          g_assert_cmpstr (a->owner, ==, owner);
          g_assert_cmpstr (a->deadline, ==, "2026-12-01");
        }
      else
        g_assert_null (a->owner);
      if (strcmp (a->action_item, i1) == 0 || strcmp (a->action_item, i7) == 0)
        g_assert_null (a->deadline);
    }
  /* an item whose delete is pending is not on the list; back on undo */
  g_assert_true (kw_store_pend_delete (fx->store, "action_item", i3, &error));
  g_assert_no_error (error);
  assert_list (fx, NULL, NULL, m, FALSE, "vandaag affiche Brief Agenda zonder deadline");
  kw_store_cancel_pending (fx->store, "action_item", i3);
  assert_list (fx, NULL, NULL, m, FALSE, "gisteren vandaag affiche Brief Agenda zonder deadline");

  /* the owner deleted reads as empty */
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (kw_store_delete (fx->store, "person", owner, &error));
  list = kw_meetings_actions (fx->store, NULL, NULL, NULL, FALSE, today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_assert_null (((KwMeetingAction *) g_ptr_array_index (list, i))->owner);
  (void) i4; (void) i5;
}

static void
test_usual_interval (void)
{
  const guint32 weekly[] = { 100, 107, 114 };
  const guint32 fortnight[] = { 1, 15, 29, 43, 57, 71 };
  const guint32 monthly[] = { 1000, 1030, 1061, 1091 };
  const guint32 outlier[] = { 0, 14, 70, 84, 98 };
  const guint32 even[] = { 0, 14, 42 };      /* gaps 14, 28: median 21 */
  const guint32 older[] = { 0, 100, 200, 214, 228, 242, 256 }; /* the last five only */
  const guint32 same_day[] = { 10, 10 };

  g_assert_cmpuint (kw_meetings_usual_interval (NULL, 0), ==, 28);
  g_assert_cmpuint (kw_meetings_usual_interval (weekly, 1), ==, 28);
  g_assert_cmpuint (kw_meetings_usual_interval (weekly, 3), ==, 7);
  g_assert_cmpuint (kw_meetings_usual_interval (fortnight, 6), ==, 14);
  g_assert_cmpuint (kw_meetings_usual_interval (monthly, 4), ==, 28);  /* 30.3 days: four weeks */
  g_assert_cmpuint (kw_meetings_usual_interval (outlier, 5), ==, 14);
  g_assert_cmpuint (kw_meetings_usual_interval (even, 3), ==, 21);
  g_assert_cmpuint (kw_meetings_usual_interval (older, 7), ==, 14);
  g_assert_cmpuint (kw_meetings_usual_interval (same_day, 2), ==, 7);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static KwRecord *
get (Fixture    *fx,
     const char *type,
     const char *id)
{
  g_autoptr(GError) error = NULL;
  KwRecord *r = kw_store_get (fx->store, type, id, &error);

  g_assert_no_error (error);
  return r;
}

/* The agenda of a meeting as "title/position/standing/next_time", in
 * position order. */
static char *
agenda_of (Fixture    *fx,
           const char *meeting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = kw_store_list_by_ref (fx->store, "agenda_item", "meeting", meeting, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      KwRecord *r = g_ptr_array_index (items, i);

      g_assert_false (kw_record_is_null (r, "next_time"));
      g_assert_false (kw_record_is_null (r, "standing"));
      g_ptr_array_add (lines, g_strdup_printf ("%s/%s/%s/%s", kw_record_get_string (r, "position"),
                                               kw_record_get_string (r, "title"),
                                               kw_record_get_bool (r, "standing") ? "s" : "-",
                                               kw_record_get_bool (r, "next_time") ? "n" : "-"));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv (" ", (char **) lines->pdata);
}

/* A unit meeting every two weeks at 19:30 in Amsterdam; the next one
 * falls after the end of summer time (25 October 2026) and is still at
 * 19:30 local time, on a Thursday. */
static void
test_plan_next (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = put (fx, "person", "name", "Sanne Voorzitter", NULL);
  g_autofree char *venue = put (fx, "venue", "name", "Buurthuis De Kring", "address", "Kringweg 1", NULL);
  g_autofree char *net = put (fx, "network", "name", "Bewonersnetwerk", NULL);
  g_autofree char *unit = put (fx, "network_unit", "network", net, "name", "Binnenbuurt", NULL);
  g_autofree char *other = put (fx, "network_unit", "network", net, "name", "Andere buurt", NULL);
  g_autofree char *m1 = put (fx, "meeting", "title", "Binnenbuurtoverleg", "unit", unit,
                             "starts_at", "2026-09-17T17:30:00Z", "status", "held", NULL);
  g_autofree char *m2 = put (fx, "meeting", "title", "Binnenbuurtoverleg", "unit", unit,
                             "starts_at", "2026-10-01T17:30:00Z", "status", "held", NULL);
  g_autofree char *m3 = put (fx, "meeting", "title", "Binnenbuurtoverleg", "unit", unit, "kind", "unit_gathering",
                             "starts_at", "2026-10-15T17:30:00Z", "ends_at", "2026-10-15T19:30:00Z",
                             "venue", venue, "chair", person, "minute_taker", person, "food", "true",
                             "status", "held", "minutes", "Notulen", NULL);
  /* another unit's meeting, later: not of this context */
  g_autofree char *m_other = put (fx, "meeting", "title", "Ander", "unit", other,
                                  "starts_at", "2026-11-20T17:30:00Z", NULL);
  g_autofree char *x1 = put (fx, "agenda_item", "meeting", m3, "position", "a0", "title", "Opening",
                             "standing", "true", "minutes_planned", "5", "kind", "info", NULL);
  g_autofree char *x2 = put (fx, "agenda_item", "meeting", m3, "position", "a1", "title", "Speeltuin",
                             "kind", "decision", "decision", "Besloten", NULL);
  g_autofree char *x3 = put (fx, "agenda_item", "meeting", m3, "position", "a1V", "title", "Bankjes",
                             "next_time", "true", "presenter", person, NULL);
  g_autofree char *x4 = put (fx, "agenda_item", "meeting", m3, "position", "a2", "title", "Rondvraag",
                             "standing", "true", "next_time", "true", NULL);
  /* an older meeting's standing and next-time items do not come along */
  g_autofree char *x5 = put (fx, "agenda_item", "meeting", m2, "position", "a0V", "title", "Oud vast",
                             "standing", "true", "next_time", "true", NULL);
  g_autofree char *act = put (fx, "action_item", "title", "Offerte bankjes", "meeting", m3, NULL);
  g_autofree char *new_id = NULL;
  g_autofree char *agenda = NULL;
  g_autoptr(KwRecord) next = NULL;
  gint64 n_actions = kw_store_count (fx->store, "action_item");

  g_assert_true (kw_meetings_plan_next (fx->store, m3, &new_id, &error));
  g_assert_no_error (error);
  next = get (fx, "meeting", new_id);
  g_assert_cmpstr (kw_record_get_string (next, "starts_at"), ==, "2026-10-29T18:30:00Z");
  g_assert_cmpstr (kw_record_get_string (next, "ends_at"), ==, "2026-10-29T20:30:00Z");
  g_assert_cmpstr (kw_record_get_string (next, "title"), ==, "Binnenbuurtoverleg");
  g_assert_cmpstr (kw_record_get_string (next, "kind"), ==, "unit_gathering");
  g_assert_cmpstr (kw_record_get_string (next, "unit"), ==, unit);
  g_assert_null (kw_record_get_string (next, "alliance"));
  g_assert_cmpstr (kw_record_get_string (next, "venue"), ==, venue);
  g_assert_cmpstr (kw_record_get_string (next, "chair"), ==, person);
  g_assert_cmpstr (kw_record_get_string (next, "minute_taker"), ==, person);
  g_assert_cmpstr (kw_record_get_string (next, "status"), ==, "planned");
  g_assert_true (kw_record_get_bool (next, "food"));
  g_assert_null (kw_record_get_string (next, "minutes"));

  agenda = agenda_of (fx, new_id);
  g_assert_cmpstr (agenda, ==, "a0/Opening/s/- a1/Bankjes/-/- a2/Rondvraag/s/-");
  /* actions stay on the running list: none copied */
  g_assert_cmpint (kw_store_count (fx->store, "action_item"), ==, n_actions);
  {
    g_autoptr(GPtrArray) items = kw_store_list_by_ref (fx->store, "agenda_item", "meeting", new_id, &error);

    for (guint i = 0; i < items->len; i++)
      if (g_strcmp0 (kw_record_get_string (items->pdata[i], "title"), "Bankjes") == 0)
        g_assert_cmpstr (kw_record_get_string (items->pdata[i], "presenter"), ==, person);
      else if (g_strcmp0 (kw_record_get_string (items->pdata[i], "title"), "Opening") == 0)
        {
          g_assert_cmpint (kw_record_get_int (items->pdata[i], "minutes_planned"), ==, 5);
          g_assert_cmpstr (kw_record_get_string (items->pdata[i], "kind"), ==, "info");
        }
  }

  /* planned again from the older meeting: after the latest (the new
   * one), with the latest's standing items and m2's next-time item */
  g_clear_pointer (&new_id, g_free);
  g_clear_pointer (&agenda, g_free);
  g_clear_object (&next);
  g_assert_true (kw_meetings_plan_next (fx->store, m2, &new_id, &error));
  g_assert_no_error (error);
  next = get (fx, "meeting", new_id);
  g_assert_cmpstr (kw_record_get_string (next, "starts_at"), ==, "2026-11-12T18:30:00Z");
  g_assert_null (kw_record_get_string (next, "ends_at"));
  agenda = agenda_of (fx, new_id);
  g_assert_cmpstr (agenda, ==, "a0/Opening/s/- a1/Oud vast/s/- a2/Rondvraag/s/-");

  (void) m1; (void) m_other; (void) x1; (void) x2; (void) x3; (void) x4; (void) x5; (void) act;
}

/* Nothing to go on: four weeks later; an alliance is the context even
 * when the meeting has a unit; summer time starts in between. */
static void
test_plan_next_default (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *alone = put (fx, "meeting", "title", "Los", "starts_at", "2027-03-10T19:00:00Z",
                                "status", "cancelled", NULL);
  g_autofree char *area = put (fx, "area", "name", "Oost", NULL);
  g_autofree char *al = put (fx, "alliance", "name", "Wijkalliantie Oost", "area", area, NULL);
  g_autofree char *net = put (fx, "network", "name", "Bewonersnetwerk", NULL);
  g_autofree char *unit = put (fx, "network_unit", "network", net, "name", "Binnenbuurt", NULL);
  g_autofree char *a1 = put (fx, "meeting", "title", "Alliantie", "alliance", al, "unit", unit,
                             "starts_at", "2027-03-01T18:00:00Z", NULL);
  g_autofree char *u1 = put (fx, "meeting", "title", "Unit", "unit", unit,
                             "starts_at", "2027-03-08T18:00:00Z", NULL);
  g_autofree char *undated = put (fx, "meeting", "title", "Zonder datum", NULL);
  g_autofree char *new_id = NULL;
  g_autoptr(KwRecord) next = NULL;
  g_autofree char *none = NULL;

  g_assert_true (kw_meetings_plan_next (fx->store, alone, &new_id, &error));
  g_assert_no_error (error);
  next = get (fx, "meeting", new_id);
  /* 20:00 CET on Wednesday 10 March; 20:00 CEST on Wednesday 7 April */
  g_assert_cmpstr (kw_record_get_string (next, "starts_at"), ==, "2027-04-07T18:00:00Z");
  g_assert_cmpstr (kw_record_get_string (next, "status"), ==, "planned");
  g_assert_null (kw_record_get_string (next, "unit"));
  g_clear_pointer (&new_id, g_free);
  g_clear_object (&next);

  /* the alliance's only meeting: four weeks, not the unit's rhythm */
  g_assert_true (kw_meetings_plan_next (fx->store, a1, &new_id, &error));
  next = get (fx, "meeting", new_id);
  g_assert_cmpstr (kw_record_get_string (next, "starts_at"), ==, "2027-03-29T17:00:00Z");
  g_assert_cmpstr (kw_record_get_string (next, "alliance"), ==, al);
  g_assert_cmpstr (kw_record_get_string (next, "unit"), ==, unit);

  /* refusals: no start to go on, an unknown id, a deleted one */
  g_assert_false (kw_meetings_plan_next (fx->store, undated, &none, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kw_meetings_plan_next (fx->store, "00000000-0000-4000-8000-000000000000", &none, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (kw_store_delete (fx->store, "meeting", u1, &error));
  g_assert_false (kw_meetings_plan_next (fx->store, u1, &none, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_assert_null (none);
}

/* The calendar read back with libical: no parse errors, the zone, one
 * event per dated meeting with a stable UID, local times with TZID. */
static icalcomponent *
parse_calendar (const char *text)
{
  icalcomponent *cal = icalparser_parse_string (text);

  g_assert_nonnull (cal);
  g_assert_cmpint (icalcomponent_isa (cal), ==, ICAL_VCALENDAR_COMPONENT);
  /* libical marks what it could not read with X-LIC-ERROR */
  g_assert_null (strstr (icalcomponent_as_ical_string (cal), "X-LIC-ERROR"));
  /* and the rules of RFC 5545 for each component hold (they add X-LIC-ERROR where not) */
  g_assert_true (icalrestriction_check (cal));
  g_assert_null (strstr (icalcomponent_as_ical_string (cal), "X-LIC-ERROR"));
  return cal;
}

static char *
python (void)
{
  /* Debian's, where apt installs python3-vobject */
  return g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? g_strdup ("/usr/bin/python3")
                                                                      : g_find_program_in_path ("python3");
}

static void
test_ical (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *chair = put (fx, "person", "name", "Fatima Testnaam", "consent", "public", NULL);
  g_autofree char *taker = put (fx, "person", "name", "Kees Voorbeeldman", NULL);
  g_autofree char *guest = put (fx, "person", "name", "Joost Derdeling", NULL);
  g_autofree char *venue = put (fx, "venue", "name", "Buurthuis De Kring", "address", "Kringweg 1, Amsterdam", NULL);
  g_autofree char *m1 = put (fx, "meeting", "title", "Afscheid van Fatima Testnaam", "venue", venue,
                             "starts_at", "2026-10-15T17:30:00Z", "ends_at", "2026-10-15T19:30:00Z",
                             "chair", chair, "minute_taker", taker, "status", "planned",
                             "online_link", "https://meet.example.org/kring", NULL);
  /* a first name alone in the title is a name too */
  g_autofree char *m2 = put (fx, "meeting", "title", "Bewonersberaad met Kees", "starts_at", "2026-11-12T18:30:00Z",
                             "status", "cancelled", "minute_taker", taker, NULL);
  g_autofree char *undated = put (fx, "meeting", "title", "Nog te plannen", NULL);
  g_autofree char *att = put (fx, "attendance", "meeting", m1, "person", guest, "status", "invited", NULL);
  g_autofree char *text1 = NULL, *text2 = NULL, *file_text = NULL, *none = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "meetings.ics", NULL);
  g_autofree char *uid1 = g_strdup_printf ("%s@kwartier", m1);
  g_autofree char *uid2 = g_strdup_printf ("%s@kwartier", m2);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "data", "read-ical.py", NULL);
  g_autofree char *py = python ();
  g_autofree char *out = NULL, *err = NULL, *expected = NULL;
  const char * const names[] = { "Fatima", "Testnaam", "Kees", "Voorbeeldman", "Joost", "Derdeling" };
  icalcomponent *cal, *c;
  guint n = 0, n_events = 0;
  int status;

  text1 = kw_ical_build (fx->store, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  text2 = kw_ical_build (fx->store, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_null (strstr (text1, names[i]));
  g_assert_null (strstr (text1, "ORGANIZER"));
  g_assert_null (strstr (text1, "ATTENDEE"));
  g_assert_nonnull (strstr (text1, "\r\n"));

  cal = parse_calendar (text1);
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (cal, ICAL_VERSION_PROPERTY)), ==, "2.0");
  g_assert_nonnull (icalcomponent_get_first_property (cal, ICAL_PRODID_PROPERTY));
  c = icalcomponent_get_first_component (cal, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (c);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (c, ICAL_TZID_PROPERTY)), ==, "Europe/Amsterdam");
  for (c = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *start = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);
      icalparameter *tzid = icalproperty_get_first_parameter (start, ICAL_TZID_PARAMETER);
      struct icaltimetype t = icalproperty_get_dtstart (start);
      const char *uid = icalcomponent_get_uid (c);

      n_events++;
      g_assert_nonnull (icalcomponent_get_first_property (c, ICAL_DTSTAMP_PROPERTY));
      g_assert_nonnull (icalcomponent_get_first_property (c, ICAL_LASTMODIFIED_PROPERTY));
      g_assert_nonnull (tzid);
      g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "Europe/Amsterdam");
      g_assert_false (icaltime_is_utc (t));
      if (g_strcmp0 (uid, uid1) == 0)
        {
          /* 19:30 summer time; two hours */
          g_assert_cmpint (t.hour, ==, 19);
          g_assert_cmpint (t.minute, ==, 30);
          g_assert_cmpint (icalcomponent_get_dtend (c).hour, ==, 21);
          g_assert_cmpint (icalcomponent_get_status (c), ==, ICAL_STATUS_CONFIRMED);
          g_assert_cmpstr (icalcomponent_get_location (c), ==, "Buurthuis De Kring, Kringweg 1, Amsterdam");
          g_assert_nonnull (strstr (icalcomponent_get_description (c), "https://meet.example.org/kring"));
          g_assert_cmpstr (icalproperty_get_url (icalcomponent_get_first_property (c, ICAL_URL_PROPERTY)), ==,
                           "https://meet.example.org/kring");
          g_assert_cmpstr (icalcomponent_get_summary (c), ==, "Afscheid van …");
        }
      else
        {
          /* 19:30 winter time */
          g_assert_cmpstr (uid, ==, uid2);
          g_assert_cmpint (t.hour, ==, 19);
          g_assert_cmpint (t.minute, ==, 30);
          g_assert_cmpint (icalcomponent_get_status (c), ==, ICAL_STATUS_CANCELLED);
          g_assert_null (icalcomponent_get_first_property (c, ICAL_URL_PROPERTY));
          g_assert_cmpstr (icalcomponent_get_summary (c), ==, "Bewonersberaad met …");
        }
    }
  g_assert_cmpuint (n_events, ==, 2);
  icalcomponent_free (cal);
  /* the UIDs are the same on the next export */
  g_assert_nonnull (strstr (text2, uid1));
  g_assert_nonnull (strstr (text2, uid2));

  /* one meeting, to a file; nothing of the temporary file left */
  g_assert_true (kw_ical_write (fx->store, m2, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_get_contents (path, &file_text, NULL, NULL));
  g_assert_nonnull (strstr (file_text, uid2));
  g_assert_null (strstr (file_text, uid1));
  {
    g_autoptr(GDir) dir = g_dir_open (fx->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".meetings.ics"));
  }
  /* python3-vobject reads it too */
  g_assert_true (kw_ical_write (fx->store, NULL, path, NULL, &error));
  g_assert_nonnull (py);
  {
    const char *argv[] = { py, script, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                 &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3-vobject could not read the calendar (is python3-vobject installed?): %s", err);
  expected = g_strdup_printf ("%s\t2026-10-15T19:30:00+02:00\tEurope/Amsterdam\t2026-10-15T21:30:00+02:00\tCONFIRMED\tAfscheid van …\n"
                              "%s\t2026-11-12T19:30:00+01:00\tEurope/Amsterdam\t\tCANCELLED\tBewonersberaad met …\n",
                              uid1, uid2);
  g_assert_cmpstr (out, ==, expected);

  /* refusals: no start, not a meeting */
  g_assert_null (kw_ical_build (fx->store, undated, NULL, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kw_ical_build (fx->store, venue, NULL, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  (void) att; (void) none;
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/meetings/actions/context", test_actions_context);
  ADD ("/meetings/actions/order", test_actions_order);
  g_test_add_func ("/meetings/plan-next/interval", test_usual_interval);
  ADD ("/meetings/plan-next/agenda", test_plan_next);
  ADD ("/meetings/plan-next/default", test_plan_next_default);
  ADD ("/meetings/ical", test_ical);
#undef ADD

  return g_test_run ();
}
