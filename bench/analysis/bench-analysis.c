/* bench-analysis.c: the reports of spec/analysis.md at city scale (issue 10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-analysis DB [--people N] [--runs R]
 *
 * On the generated database the contacts benchmarks share (made once
 * when DB is missing), each report as a view calls it (kw-analysis.h),
 * in process: who is missing at the table for every alliance (the
 * slowest is shown) and for an alliance without an area (everyone is
 * known in it; made in a transaction that is rolled back), the budgets
 * of every alliance and of the top area, who stopped coming for every
 * unit (the slowest), and the load of everyone. Best and median of R
 * runs; the target is 100 ms each (DESIGN.md). The floor of the
 * alliance without an area: reading the same columns of every live
 * person with a plain prepared statement on a connection of its own.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "bench-contacts-db.h"
#include "kw-analysis.h"
#include "kw-store.h"
#include "kw-bench-stats.h"

#define TARGET_MS 100.0

typedef enum {
  RUN_MISSING,
  RUN_BUDGET_ALL,
  RUN_BUDGET_AREA,
  RUN_ABSENT,
  RUN_LOAD,
} RunKind;

typedef struct {
  KwStore    *store;
  GDate       today;
  guint       runs;
  gboolean    over;   /* a figure above the target */
} Bench;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

/* One report, once; aborts on an error. */
static void
run_once (Bench      *b,
          RunKind     kind,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;

  switch (kind)
    {
    case RUN_MISSING:
      result = kw_analysis_missing (b->store, id, &b->today, &error);
      kw_analysis_missing_free (result);
      break;
    case RUN_BUDGET_ALL:
    case RUN_BUDGET_AREA:
      result = kw_analysis_budget (b->store, NULL, kind == RUN_BUDGET_AREA ? id : NULL, &error);
      kw_analysis_budgets_free (result);
      break;
    case RUN_ABSENT:
      result = kw_analysis_absent (b->store, id, KW_ANALYSIS_STALE_MONTHS, &b->today, &error);
      kw_analysis_absence_free (result);
      break;
    case RUN_LOAD:
    default:
      result = kw_analysis_load (b->store, KW_ANALYSIS_LOAD_WEEKS, KW_ANALYSIS_LOAD_THRESHOLD,
                                 &b->today, &error);
      g_clear_pointer ((GPtrArray **) &result, g_ptr_array_unref);
      break;
    }
  if (error != NULL)
    g_error ("report on %s: %s", id ? id : "everyone", error->message);
}

/* Best and median of the runs, in ms. */
static void
time_report (Bench      *b,
             RunKind     kind,
             const char *id,
             double     *best,
             double     *median)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  run_once (b, kind, id);  /* warm the page cache and the statements */
  for (guint i = 0; i < b->runs; i++)
    {
      double start = now_ms ();

      run_once (b, kind, id);
      start = now_ms () - start;
      g_array_append_val (times, start);
    }
  g_array_sort (times, kw_bench_compare_doubles);
  *best = g_array_index (times, double, 0);
  *median = g_array_index (times, double, times->len / 2);
}

static void
report (Bench      *b,
        const char *what,
        double      best,
        double      median)
{
  b->over |= median > TARGET_MS;
  g_print ("%-52s best %8.1f ms   median %8.1f ms%s\n", what, best, median,
           median > TARGET_MS ? "   (over 100 ms)" : "");
}

/* The slowest of the records of @type (by median) that have a @needed
 * field (NULL: all). */
static void
time_slowest (Bench      *b,
              RunKind     kind,
              const char *type,
              const char *needed,
              const char *what)
{
  g_autoptr(GPtrArray) records = kw_store_list (b->store, type, NULL);
  double worst_best = 0, worst_median = 0;
  g_autofree char *label = NULL;
  guint n = 0;

  g_assert_nonnull (records);
  for (guint i = 0; i < records->len; i++)
    {
      KwRecord *record = g_ptr_array_index (records, i);
      double best, median;

      if (needed != NULL && kw_record_get_value (record, needed) == NULL)
        continue;
      n++;
      time_report (b, kind, kw_record_get_id (record), &best, &median);
      if (median > worst_median)
        {
          worst_best = best;
          worst_median = median;
        }
    }
  label = g_strdup_printf ("%s (slowest of %u)", what, n);
  report (b, label, worst_best, worst_median);
}

static char *
create (KwStore    *store,
        const char *type,
        const char *field,
        const char *value,
        const char *field2,
        const char *value2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChangeset) cs = kw_changeset_new (type, &error);
  char *id;

  g_assert_no_error (error);
  kw_changeset_set_text (cs, field, value, &error);
  g_assert_no_error (error);
  if (field2 != NULL)
    kw_changeset_set_text (cs, field2, value2, &error);
  g_assert_no_error (error);
  id = kw_store_create (store, cs, &error);
  g_assert_no_error (error);
  return id;
}

/* An alliance without an area and seven partners: everyone is known in it. */
static void
time_missing_everyone (Bench *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = kw_store_list (b->store, "organisation", NULL);
  g_autofree char *alliance = NULL;
  double best, median;

  g_assert_true (kw_store_begin (b->store, &error));
  alliance = create (b->store, "alliance", "name", "Stadsbrede alliantie", NULL, NULL);
  for (guint i = 0; i < 7 && i < orgs->len; i++)
    g_free (create (b->store, "alliance_partner", "alliance", alliance,
                    "party", kw_record_get_id (g_ptr_array_index (orgs, i))));
  time_report (b, RUN_MISSING, alliance, &best, &median);
  kw_store_rollback (b->store);
  report (b, "missing (an alliance without an area: everyone)", best, median);
}

/* The floor of reading everyone: the person rows the report reads,
 * stepped through and nothing done with them. */
static void
time_read_everyone (Bench      *b,
                    const char *path)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "SELECT id, languages, communities, key_figure FROM person "
                             "WHERE deleted IS NULL AND name IS NOT NULL", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  for (guint i = 0; i <= b->runs; i++)
    {
      double start = now_ms ();
      gsize bytes = 0;

      while (sqlite3_step (stmt) == SQLITE_ROW)
        bytes += (gsize) sqlite3_column_bytes (stmt, 1) + (gsize) sqlite3_column_bytes (stmt, 2)
                 + (gsize) sqlite3_column_bytes (stmt, 0) + (gsize) sqlite3_column_int (stmt, 3);
      sqlite3_reset (stmt);
      start = now_ms () - start;
      if (i > 0 && bytes > 0)  /* the first run warms the cache */
        g_array_append_val (times, start);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_array_sort (times, kw_bench_compare_doubles);
  g_print ("%-52s best %8.1f ms   median %8.1f ms\n", "  floor: reading those columns of everyone",
           g_array_index (times, double, 0), g_array_index (times, double, times->len / 2));
}

/* The first area without a parent (the generator makes one city). */
static char *
dup_top_area (KwStore *store)
{
  g_autoptr(GPtrArray) areas = kw_store_list (store, "area", NULL);

  for (guint i = 0; i < areas->len; i++)
    {
      KwRecord *area = g_ptr_array_index (areas, i);

      if (kw_record_get_value (area, "parent") == NULL)
        return g_strdup (kw_record_get_id (area));
    }
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = NULL;
  Bench b = { NULL };
  guint people = 100000;
  double best, median;

  if (argc < 2)
    {
      g_printerr ("usage: bench-analysis DB [--people N] [--runs R]\n");
      return 2;
    }
  b.runs = 5;
  for (int i = 2; i + 1 < argc; i += 2)
    if (strcmp (argv[i], "--people") == 0)
      people = (guint) atoi (argv[i + 1]);
    else if (strcmp (argv[i], "--runs") == 0)
      b.runs = MAX (1, (guint) atoi (argv[i + 1]));
  b.store = bench_open_people (argv[1], people, &error);
  if (b.store == NULL)
    g_error ("%s: %s", argv[1], error->message);
  /* the generator's reference date (kw-demo-generate.c) */
  g_date_clear (&b.today, 1);
  g_date_set_dmy (&b.today, 1, G_DATE_NOVEMBER, 2026);

  g_print ("%" G_GINT64_FORMAT " people, %" G_GINT64_FORMAT " alliances, %" G_GINT64_FORMAT
           " units, %" G_GINT64_FORMAT " meetings; today 2026-11-01; %u runs\n",
           kw_store_count (b.store, "person"), kw_store_count (b.store, "alliance"),
           kw_store_count (b.store, "network_unit"), kw_store_count (b.store, "meeting"), b.runs);
  time_slowest (&b, RUN_MISSING, "alliance", "area", "missing, alliances with an area");
  time_missing_everyone (&b);
  time_read_everyone (&b, argv[1]);
  time_report (&b, RUN_BUDGET_ALL, NULL, &best, &median);
  report (&b, "budget (every alliance)", best, median);
  if ((top = dup_top_area (b.store)) != NULL)
    {
      time_report (&b, RUN_BUDGET_AREA, top, &best, &median);
      report (&b, "budget --area (a top area)", best, median);
    }
  time_slowest (&b, RUN_ABSENT, "network_unit", NULL, "absent, every unit");
  time_report (&b, RUN_LOAD, NULL, &best, &median);
  report (&b, "load (everyone, 8 weeks)", best, median);

  g_clear_object (&b.store);
  return 0;
}
