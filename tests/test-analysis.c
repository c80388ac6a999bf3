/* test-analysis.c: the reports of spec/analysis.md on crafted data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test builds a small database for the rules of one definition
 * and checks the core's answer (kw-analysis.h). Local time is
 * Europe/Amsterdam, so that a UTC time late in the evening falls on
 * the next local day.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <time.h>

#include "kw-analysis.h"
#include "kw-error.h"
#include "kw-store.h"
#include "kw-test-files.h"
#include "kw-test-store.h"

typedef struct {
  char    *dir;
  char    *path;
  KwStore *store;
} Fixture;

/* put (fx, "person", "name", "Anna", …, NULL): the new record's id */
#define put(fx, ...) kw_test_put ((fx)->store, __VA_ARGS__)
#define set(fx, ...) kw_test_set ((fx)->store, __VA_ARGS__)

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("kw-analysis-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "kwartier.db", NULL);
  fx->store = kw_test_store_open (fx->dir, "kwartier.db");
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  kw_test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

static void
delete (Fixture    *fx,
        const char *type,
        const char *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_store_delete (fx->store, type, id, &error));
  g_assert_no_error (error);
}

static GDate *
date (const char *text)
{
  GDate *d = g_date_new ();
  int y, m, day;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &y, &m, &day), ==, 3);
  g_date_set_dmy (d, (GDateDay) day, (GDateMonth) m, (GDateYear) y);
  return d;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The ids of @ids, sorted, joined by spaces ("" for none): sets compare as strings. */
static char *
join_sorted (GPtrArray *ids)
{
  g_autoptr(GPtrArray) copy = g_ptr_array_new ();

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (ids, i));
  g_ptr_array_sort (copy, compare_strings);
  g_ptr_array_add (copy, NULL);
  return g_strjoinv (" ", (char **) copy->pdata);
}

/* The same for ids given one by one, NULL-terminated. */
static char *expect (const char *first, ...) G_GNUC_NULL_TERMINATED;

static char *
expect (const char *first,
        ...)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *id = first; id != NULL; id = va_arg (ap, const char *))
    g_ptr_array_add (ids, (gpointer) id);
  va_end (ap);
  return join_sorted (ids);
}

#define assert_ids(array, ...) G_STMT_START {                 \
    g_autofree char *got_ = join_sorted (array);              \
    g_autofree char *want_ = expect (__VA_ARGS__);            \
    g_assert_cmpstr (got_, ==, want_);                        \
  } G_STMT_END

/* The gap whose value folds to @value (any spelling), or NULL. */
static KwAnalysisGap *
lookup_gap (GPtrArray  *gaps,
          const char *value)
{
  g_autofree char *want = g_utf8_casefold (value, -1);

  for (guint i = 0; i < gaps->len; i++)
    {
      KwAnalysisGap *gap = g_ptr_array_index (gaps, i);
      g_autofree char *got = g_utf8_casefold (gap->value, -1);

      if (strcmp (got, want) == 0)
        return gap;
    }
  return NULL;
}

/* The same, which must be there. */
static KwAnalysisGap *
find_gap (GPtrArray  *gaps,
          const char *value)
{
  KwAnalysisGap *found = lookup_gap (gaps, value);

  if (found == NULL)
    g_error ("no gap %s", value);
  return found;
}

/* Who is missing at the table */

/* Partners that count, and the people and organisations they bring:
 * prospective and left partners are not at the table; an affiliation
 * is current from its since to its until, both days included. */
static void
test_missing_table (Fixture *fx, gconstpointer data)
{
  g_autoptr(GDate) today = date ("2026-06-15");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisMissing) m = NULL;
  g_autofree char *alliance = put (fx, "alliance", "name", "Wijkalliantie Testbuurt", NULL);
  g_autofree char *welfare = put (fx, "organisation", "name", "Welzijn West", "kind", "welfare", NULL);
  g_autofree char *school = put (fx, "organisation", "name", "De Klimop", "kind", "school", NULL);
  g_autofree char *mosque = put (fx, "organisation", "name", "Moskee Al-Noor", "kind", "religious", NULL);
  g_autofree char *club = put (fx, "organisation", "name", "Buurtclub", "kind", "initiative", NULL);
  g_autofree char *shop = put (fx, "organisation", "name", "Bakkerij Zon", "kind", "business", NULL);
  g_autofree char *team = put (fx, "organisation", "name", "Buurtteam", "kind", "neighbourhood_team", NULL);
  g_autofree char *housing = put (fx, "organisation", "name", "Woonstichting", "kind", "housing", NULL);
  g_autofree char *ans = put (fx, "person", "name", "Ans Veldkamp", "key_figure", "true", NULL);
  g_autofree char *bo = put (fx, "person", "name", "Bo Kramer", "key_figure", "true", NULL);
  g_autofree char *cor = put (fx, "person", "name", "Cor Lindeman", "key_figure", "true", NULL);
  g_autofree char *dirk = put (fx, "person", "name", "Dirk Brouwer", "key_figure", "true", NULL);
  g_autofree char *eva = put (fx, "person", "name", "Eva Smit", "key_figure", "true", NULL);
  g_autofree char *fenna = put (fx, "person", "name", "Fenna Mol", "key_figure", "true", NULL);

  /* active and empty status: at the table; prospective and left: not */
  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", welfare, "status", "active", NULL));
  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", school, NULL));
  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", mosque, "status", "prospective", NULL));
  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", club, "status", "left", NULL));
  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", ans, "role", "lead", NULL));
  /* through the welfare partner: current from since to until, both included */
  g_free (put (fx, "affiliation", "person", bo, "organisation", welfare, "until", "2026-06-15", NULL));
  g_free (put (fx, "affiliation", "person", cor, "organisation", welfare, "until", "2026-06-14", NULL));
  g_free (put (fx, "affiliation", "person", dirk, "organisation", school, "since", "2026-06-15", NULL));
  g_free (put (fx, "affiliation", "person", eva, "organisation", school, "since", "2026-06-16", NULL));
  /* a person brought in through an organisation brings no organisations of theirs */
  g_free (put (fx, "affiliation", "person", bo, "organisation", housing, NULL));
  /* the partner who is a person brings their current organisations */
  g_free (put (fx, "affiliation", "person", ans, "organisation", shop, "since", "2020-01-01", NULL));
  g_free (put (fx, "affiliation", "person", ans, "organisation", team, "until", "2026-01-01", NULL));
  /* a prospective partner's people stay away */
  g_free (put (fx, "affiliation", "person", fenna, "organisation", mosque, NULL));

  m = kw_analysis_missing (fx->store, alliance, today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (m->alliance, ==, alliance);
  /* at the table: welfare, school, shop; Ans, Bo, Dirk */
  assert_ids (m->key_figures, cor, eva, fenna, NULL);
  g_assert_cmpuint (m->kinds->len, ==, 4);
  assert_ids (find_gap (m->kinds, "religious")->candidates, mosque, NULL);
  assert_ids (find_gap (m->kinds, "initiative")->candidates, club, NULL);
  assert_ids (find_gap (m->kinds, "neighbourhood_team")->candidates, team, NULL);
  assert_ids (find_gap (m->kinds, "housing")->candidates, housing, NULL);
  g_assert_null (lookup_gap (m->kinds, "business"));
  g_assert_null (lookup_gap (m->kinds, "welfare"));
}

/* Values of lists split on commas and semicolons, trimmed, compared
 * with Unicode case folding. */
static void
test_missing_values (Fixture *fx, gconstpointer data)
{
  g_autoptr(GDate) today = date ("2026-06-15");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisMissing) m = NULL;
  g_autofree char *alliance = put (fx, "alliance", "name", "Wijkalliantie Talen", NULL);
  g_autofree char *ans = put (fx, "person", "name", "Ans Veldkamp", "languages", "Arabisch, nederlands",
                              "communities", "STRASSE", NULL);
  g_autofree char *bo = put (fx, "person", "name", "Bo Kramer", "languages", " Tamazight; arabisch ,,",
                             "communities", "Straße; Turks-Nederlands", NULL);
  g_autofree char *cor = put (fx, "person", "name", "Cor Lindeman", "languages", "tamazight;;Engels",
                              "communities", " ; ", NULL);
  g_autofree char *trimmed = NULL;
  KwAnalysisGap *gap;

  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", ans, NULL));

  m = kw_analysis_missing (fx->store, alliance, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->languages->len, ==, 2);
  gap = find_gap (m->languages, "Tamazight");
  g_assert_nonnull (gap);
  trimmed = g_strstrip (g_strdup (gap->value));
  g_assert_cmpstr (trimmed, ==, gap->value);
  assert_ids (gap->candidates, bo, cor, NULL);
  assert_ids (find_gap (m->languages, "engels")->candidates, cor, NULL);
  g_assert_null (lookup_gap (m->languages, "Arabisch"));
  g_assert_null (lookup_gap (m->languages, "Nederlands"));
  /* "Straße" folds as "STRASSE" does; an empty piece is no value */
  g_assert_cmpuint (m->communities->len, ==, 1);
  assert_ids (find_gap (m->communities, "turks-nederlands")->candidates, bo, NULL);
  g_assert_cmpuint (m->key_figures->len, ==, 0);
}

/* The area's reach: itself and every area below, any depth, a cycle
 * cut; people and organisations elsewhere or in a deleted area are not
 * known in it. Without an area: everyone. */
static void
test_missing_reach (Fixture *fx, gconstpointer data)
{
  g_autoptr(GDate) today = date ("2026-06-15");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisMissing) m = NULL;
  g_autoptr(KwAnalysisMissing) all = NULL;
  g_autofree char *city = put (fx, "area", "name", "Stad", NULL);
  g_autofree char *west = put (fx, "area", "name", "West", "parent", city, NULL);
  g_autofree char *wijk = put (fx, "area", "name", "Wijk", "parent", west, NULL);
  g_autofree char *buurt = put (fx, "area", "name", "Buurt", "parent", wijk, NULL);
  g_autofree char *gone = put (fx, "area", "name", "Weg", "parent", wijk, NULL);
  g_autofree char *oost = put (fx, "area", "name", "Oost", "parent", city, NULL);
  g_autofree char *alliance = put (fx, "alliance", "name", "Alliantie West", "area", west, NULL);
  g_autofree char *everywhere = put (fx, "alliance", "name", "Alliantie Overal", NULL);
  g_autofree char *deep = put (fx, "person", "name", "Diep", "key_figure", "true", "area", buurt, NULL);
  g_autofree char *here = put (fx, "person", "name", "Hier", "key_figure", "true", "area", west, NULL);
  g_autofree char *east = put (fx, "person", "name", "Oost", "key_figure", "true", "area", oost, NULL);
  g_autofree char *lost = put (fx, "person", "name", "Verdwenen", "key_figure", "true", "area", gone, NULL);
  g_autofree char *nowhere = put (fx, "person", "name", "Nergens", "key_figure", "true", NULL);
  g_autofree char *dead = put (fx, "person", "name", "Weg", "key_figure", "true", "area", buurt, NULL);
  g_autofree char *church = put (fx, "organisation", "name", "Kerk", "kind", "religious", "area", buurt, NULL);
  g_autofree char *school = put (fx, "organisation", "name", "School", "kind", "school", "area", oost, NULL);

  /* a cycle: West → Stad → Buurt → Wijk → West */
  set (fx, "area", city, "parent", buurt, NULL);
  delete (fx, "area", gone);
  delete (fx, "person", dead);

  m = kw_analysis_missing (fx->store, alliance, today, &error);
  g_assert_no_error (error);
  /* Stad is West's parent and Buurt's child: everything is below West */
  assert_ids (m->key_figures, deep, here, east, NULL);
  assert_ids (find_gap (m->kinds, "religious")->candidates, church, NULL);
  assert_ids (find_gap (m->kinds, "school")->candidates, school, NULL);

  set (fx, "area", city, "parent", "", NULL);
  g_clear_pointer (&m, kw_analysis_missing_free);
  m = kw_analysis_missing (fx->store, alliance, today, &error);
  g_assert_no_error (error);
  assert_ids (m->key_figures, deep, here, NULL);
  g_assert_null (lookup_gap (m->kinds, "school"));

  all = kw_analysis_missing (fx->store, everywhere, today, &error);
  g_assert_no_error (error);
  assert_ids (all->key_figures, deep, here, east, lost, nowhere, NULL);
}

/* An alliance whose area was deleted has none: everyone is known. */
static void
test_missing_deleted_area (Fixture *fx, gconstpointer data)
{
  g_autoptr(GDate) today = date ("2026-06-15");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisMissing) m = NULL;
  g_autofree char *area = put (fx, "area", "name", "Buurt", NULL);
  g_autofree char *other = put (fx, "area", "name", "Andere buurt", NULL);
  g_autofree char *alliance = put (fx, "alliance", "name", "Alliantie", "area", area, NULL);
  g_autofree char *a = put (fx, "person", "name", "Anna", "key_figure", "true", "area", other, NULL);
  g_autofree char *b = put (fx, "person", "name", "Bea", "key_figure", "false", "area", other, NULL);

  m = kw_analysis_missing (fx->store, alliance, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->key_figures->len, ==, 0);
  g_clear_pointer (&m, kw_analysis_missing_free);

  delete (fx, "area", area);
  m = kw_analysis_missing (fx->store, alliance, today, &error);
  g_assert_no_error (error);
  assert_ids (m->key_figures, a, NULL);
  (void) b;
}

/* A deleted partner, or a deleted person, is not at the table. */
static void
test_missing_deleted (Fixture *fx, gconstpointer data)
{
  g_autoptr(GDate) today = date ("2026-06-15");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisMissing) m = NULL;
  g_autofree char *alliance = put (fx, "alliance", "name", "Alliantie", NULL);
  g_autofree char *org = put (fx, "organisation", "name", "Stichting", "kind", "welfare", NULL);
  g_autofree char *other = put (fx, "organisation", "name", "Andere stichting", "kind", "welfare", NULL);
  g_autofree char *anna = put (fx, "person", "name", "Anna", "key_figure", "true", NULL);
  g_autofree char *partner = put (fx, "alliance_partner", "alliance", alliance, "party", org, NULL);

  g_free (put (fx, "affiliation", "person", anna, "organisation", org, NULL));
  m = kw_analysis_missing (fx->store, alliance, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->key_figures->len, ==, 0);
  g_assert_cmpuint (m->kinds->len, ==, 0);
  g_clear_pointer (&m, kw_analysis_missing_free);

  delete (fx, "alliance_partner", partner);
  m = kw_analysis_missing (fx->store, alliance, today, &error);
  g_assert_no_error (error);
  assert_ids (m->key_figures, anna, NULL);
  assert_ids (find_gap (m->kinds, "welfare")->candidates, org, other, NULL);
}

/* Not an alliance: NOT_FOUND naming the id, DELETED for a tombstone. */
static void
test_missing_unknown (Fixture *fx, gconstpointer data)
{
  g_autoptr(GDate) today = date ("2026-06-15");
  g_autoptr(GError) error = NULL;
  g_autofree char *person = put (fx, "person", "name", "Anna", NULL);
  g_autofree char *alliance = put (fx, "alliance", "name", "Alliantie", NULL);

  g_assert_null (kw_analysis_missing (fx->store, "0d9c1c7e-7c1a-4d8e-9a0e-000000000000", today, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "0d9c1c7e-7c1a-4d8e-9a0e-000000000000"));
  g_clear_error (&error);
  g_assert_null (kw_analysis_missing (fx->store, person, today, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, person));
  g_assert_nonnull (strstr (error->message, "person"));
  g_clear_error (&error);
  delete (fx, "alliance", alliance);
  g_assert_null (kw_analysis_missing (fx->store, alliance, today, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED);
}

/* Budgets */

static KwAnalysisBudget *
lookup_budget (GPtrArray  *budgets,
             const char *id)
{
  for (guint i = 0; i < budgets->len; i++)
    if (strcmp (((KwAnalysisBudget *) g_ptr_array_index (budgets, i))->id, id) == 0)
      return g_ptr_array_index (budgets, i);
  return NULL;
}

/* The same, which must be there. */
static KwAnalysisBudget *
find_budget (GPtrArray  *budgets,
             const char *id)
{
  KwAnalysisBudget *found = lookup_budget (budgets, id);

  if (found == NULL)
    g_error ("no budget %s", id);
  return found;
}

static void
assert_money (KwAnalysisBudget *b,
              gint64            budget,
              gint64            spent,
              gboolean          over)
{
  g_assert_nonnull (b);
  g_assert_cmpint (b->budget_cents, ==, budget);
  g_assert_cmpint (b->spent_cents, ==, spent);
  g_assert_cmpint (b->remaining_cents, ==, budget - spent);
  g_assert_cmpint (b->over, ==, over);
}

/* Empty cents count as 0; over only when spent exceeds the budget; an
 * alliance is over by its sums; deleted lines do not count. */
static void
test_budget (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisBudgets) all = NULL;
  g_autoptr(KwAnalysisBudgets) one = NULL;
  g_autoptr(KwAnalysisBudgets) area = NULL;
  g_autofree char *stad = put (fx, "area", "name", "Stad", NULL);
  g_autofree char *west = put (fx, "area", "name", "West", "parent", stad, NULL);
  g_autofree char *buurt = put (fx, "area", "name", "Buurt", "parent", west, NULL);
  g_autofree char *a = put (fx, "alliance", "name", "A", "area", buurt, NULL);
  g_autofree char *b = put (fx, "alliance", "name", "B", "area", stad, NULL);
  g_autofree char *c = put (fx, "alliance", "name", "C", NULL);
  g_autofree char *equal = put (fx, "action_line", "alliance", a, "title", "Gelijk",
                                "budget_cents", "100000", "spent_cents", "100000", NULL);
  g_autofree char *no_spent = put (fx, "action_line", "alliance", a, "title", "Niets uitgegeven",
                                   "budget_cents", "50000", NULL);
  g_autofree char *no_budget = put (fx, "action_line", "alliance", a, "title", "Geen budget",
                                    "spent_cents", "125050", NULL);
  g_autofree char *gone = put (fx, "action_line", "alliance", a, "title", "Weg",
                               "budget_cents", "1", "spent_cents", "999999", NULL);
  g_autofree char *under = put (fx, "action_line", "alliance", b, "title", "Ruim",
                                "budget_cents", "500000", "spent_cents", "1", NULL);
  KwAnalysisBudget *ba;

  delete (fx, "action_line", gone);
  all = kw_analysis_budget (fx->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->alliances->len, ==, 3);
  ba = find_budget (all->alliances, a);
  assert_money (ba, 150000, 225050, TRUE);
  g_assert_cmpuint (ba->lines->len, ==, 3);
  assert_money (find_budget (ba->lines, equal), 100000, 100000, FALSE);
  assert_money (find_budget (ba->lines, no_spent), 50000, 0, FALSE);
  assert_money (find_budget (ba->lines, no_budget), 0, 125050, TRUE);
  g_assert_null (lookup_budget (ba->lines, gone));
  assert_money (find_budget (all->alliances, b), 500000, 1, FALSE);
  assert_money (find_budget (all->alliances, c), 0, 0, FALSE);
  g_assert_cmpuint (find_budget (all->alliances, c)->lines->len, ==, 0);
  g_assert_cmpint (all->budget_cents, ==, 650000);
  g_assert_cmpint (all->spent_cents, ==, 225051);
  g_assert_cmpint (all->remaining_cents, ==, 650000 - 225051);

  one = kw_analysis_budget (fx->store, b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->alliances->len, ==, 1);
  g_assert_cmpint (one->budget_cents, ==, 500000);
  (void) under;

  /* West reaches Buurt (A) but not Stad above it (B) */
  area = kw_analysis_budget (fx->store, NULL, west, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (area->alliances->len, ==, 1);
  g_assert_nonnull (lookup_budget (area->alliances, a));
  g_assert_cmpint (area->spent_cents, ==, 225050);

  g_assert_null (kw_analysis_budget (fx->store, NULL, a, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, a));
  g_clear_error (&error);
  g_assert_null (kw_analysis_budget (fx->store, west, NULL, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
}

/* Who stopped coming */

static char *
held (Fixture    *fx,
      const char *unit,
      const char *starts_at,
      const char *status)
{
  return put (fx, "meeting", "title", "Buurtborrel", "unit", unit, "starts_at", starts_at,
              "status", status, NULL);
}

static void
attend (Fixture    *fx,
        const char *meeting,
        const char *person,
        const char *status)
{
  g_free (put (fx, "attendance", "meeting", meeting, "person", person, "status", status, NULL));
}

static KwAnalysisAbsent *
lookup_absent (KwAnalysisAbsence *a,
             const char        *person)
{
  for (guint i = 0; i < a->absent->len; i++)
    if (strcmp (((KwAnalysisAbsent *) g_ptr_array_index (a->absent, i))->person, person) == 0)
      return g_ptr_array_index (a->absent, i);
  return NULL;
}

/* The same, which must be there. */
static KwAnalysisAbsent *
find_absent (KwAnalysisAbsence *a,
             const char        *person)
{
  KwAnalysisAbsent *found = lookup_absent (a, person);

  if (found == NULL)
    g_error ("no absent member %s", person);
  return found;
}

static GPtrArray *
absent_people (KwAnalysisAbsence *a)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < a->absent->len; i++)
    g_ptr_array_add (ids, ((KwAnalysisAbsent *) g_ptr_array_index (a->absent, i))->person);
  return ids;
}

static char *
member (Fixture    *fx,
        const char *unit,
        const char *name,
        const char *since)
{
  char *person = put (fx, "person", "name", name, NULL);

  g_free (put (fx, "network_member", "unit", unit, "person", person, "since", since, NULL));
  return person;
}

/* The window: the latest three held gatherings up to today (local
 * date), equal starts ordered by id; who was a member before it and
 * came to none of it is absent. */
static void
test_absent (Fixture *fx, gconstpointer data)
{
  g_autoptr(GDate) today = date ("2026-03-09");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisAbsence) a = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *network = put (fx, "network", "name", "Stadsdorp", NULL);
  g_autofree char *unit = put (fx, "network_unit", "network", network, "name", "Binnenbuurt Noord", NULL);
  g_autofree char *other = put (fx, "network_unit", "network", network, "name", "Binnenbuurt Zuid", NULL);
  g_autofree char *g1 = held (fx, unit, "2026-01-10T18:00:00Z", "held");
  g_autofree char *ga = held (fx, unit, "2026-02-10T18:00:00Z", "held");
  g_autofree char *gb = held (fx, unit, "2026-02-10T18:00:00Z", "held");
  g_autofree char *g4 = held (fx, unit, "2026-03-01T18:00:00Z", "held");
  g_autofree char *g5 = held (fx, unit, "2026-03-09T10:00:00Z", "held");
  /* 00:30 on 10 March in Amsterdam: after today */
  g_autofree char *tomorrow = held (fx, unit, "2026-03-09T23:30:00Z", "held");
  g_autofree char *planned = held (fx, unit, "2026-03-05T18:00:00Z", "planned");
  g_autofree char *cancelled = held (fx, unit, "2026-03-06T18:00:00Z", "cancelled");
  g_autofree char *gone = held (fx, unit, "2026-03-08T18:00:00Z", "held");
  g_autofree char *elsewhere = held (fx, other, "2026-03-07T18:00:00Z", "held");
  const char *first = strcmp (ga, gb) < 0 ? ga : gb;   /* the earlier of two equal starts */
  const char *second = first == ga ? gb : ga;
  g_autofree char *stopped = member (fx, unit, "Gerrit", NULL);
  g_autofree char *late = member (fx, unit, "Hanna", "2025-01-01");
  g_autofree char *notified = member (fx, unit, "Ineke", NULL);
  g_autofree char *joined_after = member (fx, unit, "Joop", "2026-02-11");
  g_autofree char *joined_same = member (fx, unit, "Kees", "2026-02-10");
  g_autofree char *joined_before = member (fx, unit, "Lies", "2026-02-09");
  g_autofree char *only_gone = member (fx, unit, "Mies", NULL);
  g_autofree char *only_tomorrow = member (fx, unit, "Nel", NULL);
  g_autofree char *dead = member (fx, unit, "Otto", NULL);
  g_autofree char *outsider = member (fx, other, "Piet", NULL);

  attend (fx, g1, stopped, "present");
  attend (fx, first, stopped, "present");
  attend (fx, g4, late, "late");
  attend (fx, second, notified, "absent_notified");
  attend (fx, g4, notified, "absent");
  attend (fx, g5, notified, "invited");
  attend (fx, gone, only_gone, "present");
  attend (fx, tomorrow, only_tomorrow, "present");
  attend (fx, planned, only_tomorrow, "present");
  attend (fx, cancelled, only_tomorrow, "present");
  attend (fx, elsewhere, outsider, "present");
  g_free (put (fx, "contact_moment", "person", stopped, "date", "2026-03-01", NULL));
  g_free (put (fx, "contact_moment", "person", stopped, "date", "2026-03-20", NULL));
  g_free (put (fx, "contact_moment", "person", stopped, "date", "2025-12-24", NULL));
  delete (fx, "meeting", gone);
  delete (fx, "person", dead);

  a = kw_analysis_absent (fx->store, unit, 6, today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->unit, ==, unit);
  g_assert_cmpuint (a->gatherings->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (a->gatherings, 0), ==, second);
  g_assert_cmpstr (g_ptr_array_index (a->gatherings, 1), ==, g4);
  g_assert_cmpstr (g_ptr_array_index (a->gatherings, 2), ==, g5);
  people = absent_people (a);
  assert_ids (people, stopped, notified, joined_before, only_gone, only_tomorrow, NULL);
  g_assert_cmpstr (find_absent (a, stopped)->last_present, ==, first);
  g_assert_cmpstr (find_absent (a, stopped)->last_contact, ==, "2026-03-01");
  g_assert_null (find_absent (a, notified)->last_present);
  g_assert_null (find_absent (a, notified)->last_contact);
  g_assert_null (find_absent (a, only_gone)->last_present);
  g_assert_null (find_absent (a, only_tomorrow)->last_present);
  (void) late; (void) joined_after; (void) joined_same;
}

/* Fewer than three gatherings make a shorter window; none, no one absent. */
static void
test_absent_few (Fixture *fx, gconstpointer data)
{
  g_autoptr(GDate) today = date ("2026-03-09");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisAbsence) a = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *network = put (fx, "network", "name", "Stadsdorp", NULL);
  g_autofree char *unit = put (fx, "network_unit", "network", network, "name", "Binnenbuurt", NULL);
  g_autofree char *anna = member (fx, unit, "Anna", NULL);
  g_autofree char *bea = member (fx, unit, "Bea", NULL);
  g_autofree char *g1 = NULL;

  a = kw_analysis_absent (fx->store, unit, 6, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->gatherings->len, ==, 0);
  g_assert_cmpuint (a->absent->len, ==, 0);
  g_clear_pointer (&a, kw_analysis_absence_free);

  g1 = held (fx, unit, "2026-02-01T18:00:00Z", "held");
  attend (fx, g1, bea, "present");
  a = kw_analysis_absent (fx->store, unit, 6, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->gatherings->len, ==, 1);
  people = absent_people (a);
  assert_ids (people, anna, NULL);
}

/* no_contact / no_deputy for an empty (or deleted) reference;
 * stale_… without a contact moment after today − N calendar months. */
static void
test_unit_flags (Fixture *fx, gconstpointer data)
{
  g_autoptr(GDate) today = date ("2026-03-31");
  g_autoptr(GError) error = NULL;
  g_autofree char *network = put (fx, "network", "name", "Stadsdorp", NULL);
  g_autofree char *contact = put (fx, "person", "name", "Rina", NULL);
  g_autofree char *deputy = put (fx, "person", "name", "Sjaak", NULL);
  g_autofree char *unit = put (fx, "network_unit", "network", network, "name", "Binnenbuurt",
                               "contact", contact, NULL);
  KwUnitFlags flags = 0;

  /* 31 March − 1 month is 28 February: a moment on it is not after it */
  g_free (put (fx, "contact_moment", "person", contact, "date", "2026-02-28", NULL));
  g_assert_true (kw_analysis_unit_flags (fx->store, unit, 1, today, &flags, &error));
  g_assert_no_error (error);
  g_assert_cmpint (flags, ==, KW_UNIT_FLAG_STALE_CONTACT | KW_UNIT_FLAG_NO_DEPUTY);
  g_assert_true (kw_analysis_unit_flags (fx->store, unit, 2, today, &flags, &error));
  g_assert_cmpint (flags, ==, KW_UNIT_FLAG_NO_DEPUTY);

  set (fx, "network_unit", unit, "deputy", deputy, NULL);
  g_free (put (fx, "contact_moment", "person", deputy, "date", "2026-03-01", NULL));
  g_assert_true (kw_analysis_unit_flags (fx->store, unit, 1, today, &flags, &error));
  g_assert_cmpint (flags, ==, KW_UNIT_FLAG_STALE_CONTACT);
  g_assert_true (kw_analysis_unit_flags (fx->store, unit, KW_ANALYSIS_STALE_MONTHS, today, &flags, &error));
  g_assert_cmpint (flags, ==, KW_UNIT_FLAG_NONE);

  delete (fx, "person", contact);
  g_assert_true (kw_analysis_unit_flags (fx->store, unit, 1, today, &flags, &error));
  g_assert_cmpint (flags, ==, KW_UNIT_FLAG_NO_CONTACT);
  g_assert_cmpstr (kw_unit_flag_to_string (KW_UNIT_FLAG_NO_CONTACT), ==, "no_contact");

  /* a unit of a deleted network does not count */
  delete (fx, "network", network);
  g_assert_false (kw_analysis_unit_flags (fx->store, unit, 1, today, &flags, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED);
}

/* Who carries too much */

static char *
meeting_at (Fixture    *fx,
            const char *starts_at,
            const char *status,
            const char *chair,
            const char *minute_taker)
{
  return put (fx, "meeting", "title", "Overleg", "starts_at", starts_at, "status", status,
              "chair", chair, "minute_taker", minute_taker, NULL);
}

static KwAnalysisLoad *
lookup_load (GPtrArray  *loads,
           const char *person)
{
  for (guint i = 0; i < loads->len; i++)
    if (strcmp (((KwAnalysisLoad *) g_ptr_array_index (loads, i))->person, person) == 0)
      return g_ptr_array_index (loads, i);
  return NULL;
}

/* The same, which must be there. */
static KwAnalysisLoad *
find_load (GPtrArray  *loads,
           const char *person)
{
  KwAnalysisLoad *found = lookup_load (loads, person);

  if (found == NULL)
    g_error ("no load of %s", person);
  return found;
}

/* Every part of the load, the window's edges in local time, the
 * ranking (ties by name), load 0 left out, flagged from the threshold. */
static void
test_load (Fixture *fx, gconstpointer data)
{
  g_autoptr(GDate) today = date ("2026-03-09");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loads = NULL;
  g_autofree char *ada = put (fx, "person", "name", "Ada", NULL);
  g_autofree char *bert = put (fx, "person", "name", "Bert", NULL);
  g_autofree char *anna = put (fx, "person", "name", "anna", NULL);
  g_autofree char *idle = put (fx, "person", "name", "Ilse", NULL);
  g_autofree char *dead = put (fx, "person", "name", "Dirk", NULL);
  /* one week: 3 to 9 March, local dates */
  g_autofree char *before = meeting_at (fx, "2026-03-02T12:00:00Z", "held", ada, NULL);
  g_autofree char *first = meeting_at (fx, "2026-03-02T23:30:00Z", "held", NULL, NULL);
  g_autofree char *last = meeting_at (fx, "2026-03-09T20:00:00Z", "planned", ada, ada);
  g_autofree char *after = meeting_at (fx, "2026-03-09T23:30:00Z", NULL, ada, NULL);
  g_autofree char *cancelled = meeting_at (fx, "2026-03-05T18:00:00Z", "cancelled", ada, ada);
  g_autofree char *no_status = meeting_at (fx, "2026-03-06T18:00:00Z", NULL, NULL, NULL);
  g_autofree char *network = put (fx, "network", "name", "Stadsdorp", NULL);
  g_autofree char *alliance = put (fx, "alliance", "name", "Alliantie", NULL);
  g_autofree char *ended = put (fx, "alliance", "name", "Oude alliantie", NULL);
  GDate *t = today;
  KwAnalysisLoad *l;

  attend (fx, before, ada, "present");
  attend (fx, first, ada, "present");
  attend (fx, last, ada, "late");
  attend (fx, after, ada, "present");
  attend (fx, cancelled, ada, "present");
  attend (fx, no_status, ada, "absent_notified");
  attend (fx, no_status, dead, "present");
  /* open: status open or empty; overdue: a deadline before today */
  g_free (put (fx, "action_item", "title", "Flyers", "owner", ada, "status", "open", "deadline", "2026-03-08", NULL));
  g_free (put (fx, "action_item", "title", "Zaal", "owner", ada, "deadline", "2026-03-09", NULL));
  g_free (put (fx, "action_item", "title", "Koffie", "owner", ada, "status", "done", "deadline", "2026-01-01", NULL));
  g_free (put (fx, "action_item", "title", "Subsidie", "owner", ada, "status", "dropped", NULL));
  g_free (put (fx, "action_item", "title", "Bellen", "owner", bert, NULL));
  g_free (put (fx, "action_item", "title", "Mailen", "owner", anna, "status", "open", NULL));
  g_free (put (fx, "action_item", "title", "Klaar", "owner", idle, "status", "done", NULL));
  g_free (put (fx, "action_item", "title", "Weg", "owner", dead, NULL));
  /* roles: contact and deputy of one unit count twice */
  g_free (put (fx, "network_unit", "network", network, "name", "Noord", "contact", ada, "deputy", ada, NULL));
  g_free (put (fx, "action_line", "alliance", alliance, "title", "Een", "owner", ada, "status", "planned", NULL));
  g_free (put (fx, "action_line", "alliance", alliance, "title", "Twee", "owner", ada, "status", "active", NULL));
  g_free (put (fx, "action_line", "alliance", alliance, "title", "Drie", "owner", ada, "status", "done", NULL));
  g_free (put (fx, "action_line", "alliance", alliance, "title", "Vier", "owner", ada, NULL));
  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", ada, "role", "lead", "status", "active", NULL));
  g_free (put (fx, "alliance_partner", "alliance", ended, "party", ada, "role", "lead", NULL));
  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", ada, "role", "lead", "status", "prospective", NULL));
  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", ada, "role", "partner", NULL));
  delete (fx, "person", dead);

  loads = kw_analysis_load (fx->store, 1, 13, t, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loads->len, ==, 3);
  l = g_ptr_array_index (loads, 0);
  g_assert_cmpstr (l->person, ==, ada);
  g_assert_cmpuint (l->meetings, ==, 2);
  g_assert_cmpuint (l->open_actions, ==, 2);
  g_assert_cmpuint (l->overdue_actions, ==, 1);
  /* chair and minutes of the last meeting, contact and deputy, two lines, two leads */
  g_assert_cmpuint (l->roles, ==, 8);
  g_assert_cmpuint (l->load, ==, 13);
  g_assert_true (l->flagged);
  /* a tie: by name, whatever the case */
  g_assert_cmpstr (((KwAnalysisLoad *) g_ptr_array_index (loads, 1))->person, ==, anna);
  g_assert_cmpstr (((KwAnalysisLoad *) g_ptr_array_index (loads, 2))->person, ==, bert);
  g_assert_cmpuint (((KwAnalysisLoad *) g_ptr_array_index (loads, 2))->load, ==, 1);
  g_assert_false (((KwAnalysisLoad *) g_ptr_array_index (loads, 2))->flagged);
  g_assert_null (lookup_load (loads, idle));
  g_clear_pointer (&loads, g_ptr_array_unref);

  /* just above the load: not flagged; two weeks take the meeting of 2 March in */
  loads = kw_analysis_load (fx->store, 2, 15, t, &error);
  g_assert_no_error (error);
  l = find_load (loads, ada);
  g_assert_cmpuint (l->meetings, ==, 3);
  g_assert_cmpuint (l->roles, ==, 9);
  g_assert_cmpuint (l->load, ==, 15);
  g_assert_true (l->flagged);
  g_clear_pointer (&loads, g_ptr_array_unref);
  loads = kw_analysis_load (fx->store, 2, 16, t, &error);
  g_assert_false (find_load (loads, ada)->flagged);
}

/* A tombstone for the record alone, as an import can leave one beside
 * what belonged to it: written past the store, with SQL. */
static void
tombstone_alone (Fixture    *fx,
                 const char *type,
                 const char *id)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET deleted = "
                                          "'0000000000000001-0000-00000000000000000000000000000000' "
                                          "WHERE id = ?1", type);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (fx->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* What belongs to a deleted record does not count, also when it is
 * still there: a unit of a deleted network, an action line or a
 * partnership of a deleted alliance, attendance at a deleted meeting. */
static void
test_deleted_parents (Fixture *fx, gconstpointer data)
{
  g_autoptr(GDate) today = date ("2026-03-09");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loads = NULL;
  g_autoptr(KwAnalysisBudgets) budgets = NULL;
  g_autoptr(KwAnalysisAbsence) absence = NULL;
  g_autofree char *ada = put (fx, "person", "name", "Ada", NULL);
  g_autofree char *network = put (fx, "network", "name", "Stadsdorp", NULL);
  g_autofree char *unit = put (fx, "network_unit", "network", network, "name", "Noord", "contact", ada, NULL);
  g_autofree char *alliance = put (fx, "alliance", "name", "Alliantie", NULL);
  g_autofree char *meeting = meeting_at (fx, "2026-03-05T18:00:00Z", "held", ada, NULL);
  KwAnalysisLoad *l;

  g_free (put (fx, "action_line", "alliance", alliance, "title", "Een", "owner", ada, "status", "active",
               "budget_cents", "100", NULL));
  g_free (put (fx, "alliance_partner", "alliance", alliance, "party", ada, "role", "lead", NULL));
  g_free (put (fx, "network_member", "unit", unit, "person", ada, NULL));
  attend (fx, meeting, ada, "present");

  loads = kw_analysis_load (fx->store, 1, 12, today, &error);
  g_assert_no_error (error);
  l = find_load (loads, ada);
  g_assert_cmpuint (l->meetings, ==, 1);
  g_assert_cmpuint (l->roles, ==, 4);  /* chair, contact, line, lead */
  g_clear_pointer (&loads, g_ptr_array_unref);

  tombstone_alone (fx, "network", network);
  tombstone_alone (fx, "alliance", alliance);
  tombstone_alone (fx, "meeting", meeting);
  loads = kw_analysis_load (fx->store, 1, 12, today, &error);
  g_assert_no_error (error);
  g_assert_null (lookup_load (loads, ada));
  budgets = kw_analysis_budget (fx->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->alliances->len, ==, 0);
  g_assert_cmpint (budgets->budget_cents, ==, 0);
  absence = kw_analysis_absent (fx->store, unit, 6, today, &error);
  g_assert_null (absence);
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED);
}

int
main (int    argc,
      char **argv)
{
  /* local time for the tests: a UTC evening can be the next local day */
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/kw/analysis/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("missing/table", test_missing_table);
  ADD ("missing/values", test_missing_values);
  ADD ("missing/reach", test_missing_reach);
  ADD ("missing/deleted-area", test_missing_deleted_area);
  ADD ("missing/deleted", test_missing_deleted);
  ADD ("missing/unknown", test_missing_unknown);
  ADD ("budget", test_budget);
  ADD ("absent", test_absent);
  ADD ("absent/few", test_absent_few);
  ADD ("absent/unit-flags", test_unit_flags);
  ADD ("load", test_load);
  ADD ("deleted-parents", test_deleted_parents);
#undef ADD

  return g_test_run ();
}
