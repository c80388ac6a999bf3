/* kw-analysis.c: the computations the views show (spec/analysis.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's queries (kw-store-analysis.c) give the rows; the rules of
 * the spec that SQL says badly are here: local dates of UTC times,
 * list values split and compared with Unicode case folding, the window
 * of a unit's gatherings, the ranking of the load.
 */
#define G_LOG_DOMAIN "kw-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "kw-analysis.h"
#include "kw-analysis-private.h"
#include "kw-collate.h"
#include "kw-error.h"

#define DATE_LEN 11  /* "YYYY-MM-DD" and its NUL */
#define WINDOW_GATHERINGS 3
#define MAX_YEAR 9999

/* Frees */

void
kw_analysis_gap_free (KwAnalysisGap *gap)
{
  if (gap == NULL)
    return;
  g_free (gap->value);
  g_clear_pointer (&gap->candidates, g_ptr_array_unref);
  g_free (gap);
}

void
kw_analysis_missing_free (KwAnalysisMissing *missing)
{
  if (missing == NULL)
    return;
  g_free (missing->alliance);
  g_clear_pointer (&missing->kinds, g_ptr_array_unref);
  g_clear_pointer (&missing->communities, g_ptr_array_unref);
  g_clear_pointer (&missing->languages, g_ptr_array_unref);
  g_clear_pointer (&missing->key_figures, g_ptr_array_unref);
  g_free (missing);
}

void
kw_analysis_budget_free (KwAnalysisBudget *budget)
{
  if (budget == NULL)
    return;
  g_free (budget->id);
  g_clear_pointer (&budget->lines, g_ptr_array_unref);
  g_free (budget);
}

void
kw_analysis_budgets_free (KwAnalysisBudgets *budgets)
{
  if (budgets == NULL)
    return;
  g_clear_pointer (&budgets->alliances, g_ptr_array_unref);
  g_free (budgets);
}

void
kw_analysis_absent_free (KwAnalysisAbsent *absent)
{
  if (absent == NULL)
    return;
  g_free (absent->person);
  g_free (absent->last_present);
  g_free (absent->last_contact);
  g_free (absent);
}

void
kw_analysis_absence_free (KwAnalysisAbsence *absence)
{
  if (absence == NULL)
    return;
  g_free (absence->unit);
  g_clear_pointer (&absence->gatherings, g_ptr_array_unref);
  g_clear_pointer (&absence->absent, g_ptr_array_unref);
  g_free (absence);
}

void
kw_analysis_load_free (KwAnalysisLoad *load)
{
  if (load == NULL)
    return;
  g_free (load->person);
  g_free (load->name);
  g_free (load);
}

/* Dates */

void
kw_analysis_get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static void
format_date (const GDate *date,
             char         out[DATE_LEN])
{
  g_snprintf (out, DATE_LEN, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static gboolean
is_date_ok (const GDate *date)
{
  return date != NULL && g_date_valid (date) && g_date_get_year (date) <= MAX_YEAR;
}

/* The local calendar date of a stored UTC time ("YYYY-MM-DDTHH:MM:SSZ"). */
static gboolean
local_date_of (const char *utc,
               char        out[DATE_LEN])
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) local = NULL;
  int y, mo, d, h, mi, s;

  if (utc == NULL || sscanf (utc, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) != 6
      || (at = g_date_time_new (zone, y, mo, d, h, mi, s)) == NULL
      || (local = g_date_time_to_local (at)) == NULL)
    return FALSE;
  g_snprintf (out, DATE_LEN, "%04d-%02d-%02d", g_date_time_get_year (local),
              g_date_time_get_month (local), g_date_time_get_day_of_month (local));
  return TRUE;
}

/* "YYYY-MM-DDT00:00:00Z" of the day with julian day @julian; a string
 * below or above every stored time when that is not a day of the years
 * 1 to 9999. */
static char *
dup_utc_midnight (gint64 julian)
{
  GDate date;

  if (julian < 1)
    return g_strdup ("0");
  if (julian > G_MAXUINT32)
    return g_strdup (":");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) julian);
  if (g_date_get_year (&date) > MAX_YEAR)
    return g_strdup (":");  /* ':' sorts after every digit */
  return g_strdup_printf ("%04u-%02u-%02uT00:00:00Z", (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}

/* Running the queries */

static gboolean
each (KwStore            *store,
      KwAnalysisQuery     query,
      const char * const *params,
      guint               n_params,
      KwAnalysisRowFunc   func,
      gpointer            user_data,
      GError            **error)
{
  return _kw_store_analysis_each (store, query, params, n_params, func, user_data, error);
}

static gboolean
take_first_text_cb (KwAnalysisRow  *row,
                    gpointer        user_data,
                    GError        **error)
{
  char **out = user_data;

  g_free (*out);
  *out = g_strdup (_kw_analysis_row_text (row, 0));
  return TRUE;
}

static gboolean
note_found_cb (KwAnalysisRow  *row,
               gpointer        user_data,
               GError        **error)
{
  *(gboolean *) user_data = TRUE;
  return TRUE;
}

/* Whether @query with the one parameter @id gives a row. */
static gboolean
query_finds (KwStore         *store,
             KwAnalysisQuery  query,
             const char      *id,
             gboolean        *found,
             GError         **error)
{
  *found = FALSE;
  return each (store, query, (const char *[]) { id }, 1, note_found_cb, found, error);
}

/* The error for an id that is not a live record of @type_name: what it
 * is instead, or the store's own "no … with id …" / "… was deleted". */
static void
set_not_found (KwStore     *store,
               const char  *type_name,
               const char  *id,
               GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(KwRecord) record = NULL;
  const char *found;

  for (guint i = 0; i < kw_registry_n_types (); i++)
    if (strcmp (kw_registry_type_at (i)->name, type_name) != 0)
      g_ptr_array_add (names, (gpointer) kw_registry_type_at (i)->name);
  g_ptr_array_add (names, NULL);
  found = kw_store_find_type (store, (const char * const *) names->pdata, id);
  if (found != NULL)
    {
      /* Translators: "no alliance with id 1f0c… (it is a record of type person)" */
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                   _("no %s with id %s (it is a record of type %s)"), type_name, id, found);
      return;
    }
  record = kw_store_get (store, type_name, id, error);
  if (record != NULL)  /* live, but not as a report counts it */
    g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                 _("no %s with id %s"), type_name, id);
}

/* One read transaction around a report: one consistent view. */
static gboolean
begin_read (KwStore  *store,
            GError  **error)
{
  return kw_store_begin_read (store, error);
}

static gboolean
end_read (KwStore   *store,
          gboolean   ok,
          GError   **error)
{
  if (!ok)
    {
      kw_store_rollback (store);
      return FALSE;
    }
  return kw_store_commit (store, error);
}

/* List values ("Tamazight; arabisch, Nederlands") */

static const char *
skip_space (const char *s,
            const char *end)
{
  while (s < end && g_unichar_isspace (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  return s;
}

static const char *
trim_end (const char *start,
          const char *end)
{
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return end;
}

/* The key two spellings of one value share: Unicode case folding, in
 * one normal form. */
static char *
fold_value (const char *text,
            gssize      len)
{
  g_autofree char *folded = NULL;
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  gsize i;

  for (i = 0; i < n && (guchar) text[i] < 0x80; i++)
    ;
  if (i == n)  /* ASCII folds to lower case, and is in every normal form */
    return g_ascii_strdown (text, (gssize) n);
  folded = g_utf8_casefold (text, (gssize) n);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

static gboolean
has_key (GPtrArray  *keys,
         const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (strcmp (g_ptr_array_index (keys, i), key) == 0)
      return TRUE;
  return FALSE;
}

/* Calls @func (key, spelling) once for each distinct value in @text. */
static void
each_value (const char  *text,
            void       (*func) (const char *key, const char *spelling, gpointer data),
            gpointer     data)
{
  g_autoptr(GPtrArray) seen = NULL;  /* a text holds a few values */
  const char *p = text;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;
  seen = g_ptr_array_new_with_free_func (g_free);
  while (*p != '\0')
    {
      const char *end = p + strcspn (p, ",;");
      const char *start = skip_space (p, end);
      const char *stop = trim_end (start, end);

      if (stop > start)
        {
          char *key = fold_value (start, stop - start);
          g_autofree char *spelling = NULL;

          if (key == NULL || has_key (seen, key))
            g_free (key);
          else
            {
              g_ptr_array_add (seen, key);
              spelling = g_strndup (start, stop - start);
              func (key, spelling, data);
            }
        }
      p = *end != '\0' ? end + 1 : end;
    }
}

static void
add_key_cb (const char *key,
            const char *spelling,
            gpointer    data)
{
  g_hash_table_add (data, g_strdup (key));
}

/* Who is missing at the table */

typedef struct {
  GHashTable *people;       /* ids at the table */
  GHashTable *orgs;
  GHashTable *kinds;        /* of the organisations at the table */
  GHashTable *languages;    /* folded values of the people at the table */
  GHashTable *communities;
} Table;

static void
table_clear (Table *t)
{
  g_clear_pointer (&t->people, g_hash_table_unref);
  g_clear_pointer (&t->orgs, g_hash_table_unref);
  g_clear_pointer (&t->kinds, g_hash_table_unref);
  g_clear_pointer (&t->languages, g_hash_table_unref);
  g_clear_pointer (&t->communities, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static GHashTable *
new_string_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gboolean
add_at_table_cb (KwAnalysisRow  *row,
                 gpointer        user_data,
                 GError        **error)
{
  Table *t = user_data;
  const char *id = _kw_analysis_row_text (row, 1);

  if (strcmp (_kw_analysis_row_text (row, 0), "organisation") == 0)
    {
      const char *kind = _kw_analysis_row_text (row, 2);

      g_hash_table_add (t->orgs, g_strdup (id));
      if (kind != NULL)
        g_hash_table_add (t->kinds, g_strdup (kind));
    }
  else if (g_hash_table_add (t->people, g_strdup (id)))
    {
      each_value (_kw_analysis_row_text (row, 3), add_key_cb, t->languages);
      each_value (_kw_analysis_row_text (row, 4), add_key_cb, t->communities);
    }
  return TRUE;
}

/* Gaps of one kind of value, in the order they were first found. */
typedef struct {
  GHashTable  *at_table;   /* borrowed: keys the table holds */
  GHashTable  *by_key;     /* key → KwAnalysisGap (borrowed from gaps) */
  GPtrArray   *gaps;       /* KwAnalysisGap */
  GPtrArray   *keys;       /* the key of each gap, for sorting */
  const char  *candidate;  /* the record being read */
} Gaps;

static void
gaps_init (Gaps       *g,
           GHashTable *at_table)
{
  g->at_table = at_table;
  g->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_analysis_gap_free);
  g->keys = g_ptr_array_new ();
}

static void
gaps_clear (Gaps *g)
{
  g_clear_pointer (&g->by_key, g_hash_table_unref);
  g_clear_pointer (&g->gaps, g_ptr_array_unref);
  g_clear_pointer (&g->keys, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Gaps, gaps_clear)

static void
add_gap_candidate_cb (const char *key,
                      const char *spelling,
                      gpointer    data)
{
  Gaps *g = data;
  KwAnalysisGap *gap;

  if (g_hash_table_contains (g->at_table, key))
    return;
  gap = g_hash_table_lookup (g->by_key, key);
  if (gap == NULL)
    {
      char *own_key = g_strdup (key);

      gap = g_new0 (KwAnalysisGap, 1);
      gap->value = g_strdup (spelling);
      gap->candidates = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (g->by_key, own_key, gap);
      g_ptr_array_add (g->gaps, gap);
      g_ptr_array_add (g->keys, own_key);
    }
  g_ptr_array_add (gap->candidates, g_strdup (g->candidate));
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const KwAnalysisGap *x = *(KwAnalysisGap * const *) a;
  const KwAnalysisGap *y = *(KwAnalysisGap * const *) b;
  g_autofree char *kx = fold_value (x->value, -1);
  g_autofree char *ky = fold_value (y->value, -1);
  int c = g_strcmp0 (kx, ky);

  return c != 0 ? c : strcmp (x->value, y->value);
}

/* The gaps, sorted by value; @g keeps nothing. */
static GPtrArray *
gaps_steal_sorted (Gaps *g)
{
  GPtrArray *gaps = g_steal_pointer (&g->gaps);

  g_ptr_array_sort (gaps, compare_gaps);
  g_hash_table_remove_all (g->by_key);
  g_ptr_array_set_size (g->keys, 0);
  return gaps;
}

typedef struct {
  Gaps        kinds;
  Gaps        languages;
  Gaps        communities;
  GHashTable *table_people;   /* borrowed */
  GPtrArray  *key_figures;    /* ids */
} Known;

static void
known_clear (Known *k)
{
  gaps_clear (&k->kinds);
  gaps_clear (&k->languages);
  gaps_clear (&k->communities);
  g_clear_pointer (&k->key_figures, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Known, known_clear)

static gboolean
add_known_org_cb (KwAnalysisRow  *row,
                  gpointer        user_data,
                  GError        **error)
{
  Known *k = user_data;
  const char *kind = _kw_analysis_row_text (row, 1);

  k->kinds.candidate = _kw_analysis_row_text (row, 0);
  if (kind != NULL)
    add_gap_candidate_cb (kind, kind, &k->kinds);
  return TRUE;
}

static gboolean
add_known_person_cb (KwAnalysisRow  *row,
                     gpointer        user_data,
                     GError        **error)
{
  Known *k = user_data;
  const char *id = _kw_analysis_row_text (row, 0);

  k->languages.candidate = id;
  k->communities.candidate = id;
  each_value (_kw_analysis_row_text (row, 1), add_gap_candidate_cb, &k->languages);
  each_value (_kw_analysis_row_text (row, 2), add_gap_candidate_cb, &k->communities);
  if (_kw_analysis_row_int (row, 3) != 0 && !g_hash_table_contains (k->table_people, id))
    g_ptr_array_add (k->key_figures, g_strdup (id));
  return TRUE;
}

typedef struct {
  gboolean  found;
  char     *area;
} AllianceRow;

static gboolean
take_alliance_cb (KwAnalysisRow  *row,
                  gpointer        user_data,
                  GError        **error)
{
  AllianceRow *a = user_data;

  a->found = TRUE;
  g_free (a->area);
  a->area = g_strdup (_kw_analysis_row_text (row, 1));
  return TRUE;
}

/* The alliance's area when it is a live one, else NULL (everyone). */
static gboolean
read_alliance_area (KwStore     *store,
                    const char  *alliance_id,
                    char       **area,
                    GError     **error)
{
  AllianceRow a = { FALSE, NULL };
  gboolean live = FALSE;

  if (!each (store, KW_ANALYSIS_ALLIANCE, &alliance_id, 1, take_alliance_cb, &a, error))
    return FALSE;
  if (!a.found)
    {
      set_not_found (store, "alliance", alliance_id, error);
      return FALSE;
    }
  if (a.area != NULL && !query_finds (store, KW_ANALYSIS_AREA_LIVE, a.area, &live, error))
    {
      g_free (a.area);
      return FALSE;
    }
  if (!live)
    g_clear_pointer (&a.area, g_free);
  *area = a.area;
  return TRUE;
}

static gboolean
read_table (KwStore     *store,
            const char  *alliance_id,
            const char  *today,
            Table       *t,
            GError     **error)
{
  t->people = new_string_set ();
  t->orgs = new_string_set ();
  t->kinds = new_string_set ();
  t->languages = new_string_set ();
  t->communities = new_string_set ();
  return each (store, KW_ANALYSIS_AT_TABLE, (const char *[]) { alliance_id, today }, 2,
               add_at_table_cb, t, error);
}

static gboolean
read_known (KwStore     *store,
            const char  *area,
            Known       *k,
            GError     **error)
{
  KwAnalysisQuery orgs = area != NULL ? KW_ANALYSIS_ORGS_IN_AREA : KW_ANALYSIS_ORGS_ALL;
  KwAnalysisQuery people = area != NULL ? KW_ANALYSIS_PEOPLE_IN_AREA : KW_ANALYSIS_PEOPLE_ALL;
  guint n = area != NULL ? 1 : 0;

  return each (store, orgs, &area, n, add_known_org_cb, k, error)
         && each (store, people, &area, n, add_known_person_cb, k, error);
}

static KwAnalysisMissing *
compute_missing (KwStore     *store,
                 const char  *alliance_id,
                 const char  *today,
                 GError     **error)
{
  g_auto(Table) t = { NULL };
  g_autofree char *area = NULL;
  g_auto(Known) k = { { NULL } };
  KwAnalysisMissing *missing;

  if (!read_alliance_area (store, alliance_id, &area, error)
      || !read_table (store, alliance_id, today, &t, error))
    return NULL;
  gaps_init (&k.kinds, t.kinds);
  gaps_init (&k.languages, t.languages);
  gaps_init (&k.communities, t.communities);
  k.table_people = t.people;
  k.key_figures = g_ptr_array_new_with_free_func (g_free);
  if (!read_known (store, area, &k, error))
    return NULL;

  missing = g_new0 (KwAnalysisMissing, 1);
  missing->alliance = g_strdup (alliance_id);
  missing->kinds = gaps_steal_sorted (&k.kinds);
  missing->communities = gaps_steal_sorted (&k.communities);
  missing->languages = gaps_steal_sorted (&k.languages);
  missing->key_figures = g_steal_pointer (&k.key_figures);
  return missing;
}

KwAnalysisMissing *
kw_analysis_missing (KwStore      *store,
                     const char   *alliance_id,
                     const GDate  *today,
                     GError      **error)
{
  KwAnalysisMissing *missing;
  char day[DATE_LEN];

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (alliance_id != NULL, NULL);
  g_return_val_if_fail (is_date_ok (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  format_date (today, day);
  if (!begin_read (store, error))
    return NULL;
  missing = compute_missing (store, alliance_id, day, error);
  if (!end_read (store, missing != NULL, error))
    g_clear_pointer (&missing, kw_analysis_missing_free);
  return missing;
}

/* Budgets */

/* Money stays integer; a sum that would not fit stops at the bound. */
static gint64
add_cents (gint64 a,
           gint64 b)
{
  gint64 sum;

  if (__builtin_add_overflow (a, b, &sum))
    return b > 0 ? G_MAXINT64 : G_MININT64;
  return sum;
}

static gint64
subtract_cents (gint64 a,
                gint64 b)
{
  gint64 difference;

  if (__builtin_sub_overflow (a, b, &difference))
    return b < 0 ? G_MAXINT64 : G_MININT64;
  return difference;
}

static KwAnalysisBudget *
budget_new (const char *id,
            gint64      budget_cents,
            gint64      spent_cents)
{
  KwAnalysisBudget *b = g_new0 (KwAnalysisBudget, 1);

  b->id = g_strdup (id);
  b->budget_cents = budget_cents;
  b->spent_cents = spent_cents;
  b->remaining_cents = subtract_cents (budget_cents, spent_cents);
  b->over = spent_cents > budget_cents;
  return b;
}

static gboolean
add_line_cb (KwAnalysisRow  *row,
             gpointer        user_data,
             GError        **error)
{
  KwAnalysisBudget *alliance = user_data;
  /* an empty budget or spent counts as 0 */
  KwAnalysisBudget *line = budget_new (_kw_analysis_row_text (row, 0),
                                       _kw_analysis_row_int (row, 1),
                                       _kw_analysis_row_int (row, 2));

  g_ptr_array_add (alliance->lines, line);
  alliance->budget_cents = add_cents (alliance->budget_cents, line->budget_cents);
  alliance->spent_cents = add_cents (alliance->spent_cents, line->spent_cents);
  return TRUE;
}

static gboolean
add_alliance_cb (KwAnalysisRow  *row,
                 gpointer        user_data,
                 GError        **error)
{
  GPtrArray *alliances = user_data;
  KwAnalysisBudget *alliance = budget_new (_kw_analysis_row_text (row, 0), 0, 0);

  alliance->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_analysis_budget_free);
  g_ptr_array_add (alliances, alliance);
  return TRUE;
}

/* The alliances of the report, without their lines yet. */
static gboolean
read_budget_alliances (KwStore     *store,
                       const char  *alliance_id,
                       const char  *area_id,
                       GPtrArray   *alliances,
                       GError     **error)
{
  gboolean live = FALSE;

  if (alliance_id != NULL)
    {
      if (!each (store, KW_ANALYSIS_ALLIANCE, &alliance_id, 1, add_alliance_cb, alliances, error))
        return FALSE;
      if (alliances->len == 0)
        set_not_found (store, "alliance", alliance_id, error);
      return alliances->len > 0;
    }
  if (area_id == NULL)
    return each (store, KW_ANALYSIS_ALLIANCES_ALL, NULL, 0, add_alliance_cb, alliances, error);
  if (!query_finds (store, KW_ANALYSIS_AREA_LIVE, area_id, &live, error))
    return FALSE;
  if (!live)
    {
      set_not_found (store, "area", area_id, error);
      return FALSE;
    }
  return each (store, KW_ANALYSIS_ALLIANCES_IN_AREA, &area_id, 1, add_alliance_cb, alliances, error);
}

static KwAnalysisBudgets *
compute_budget (KwStore     *store,
                const char  *alliance_id,
                const char  *area_id,
                GError     **error)
{
  g_autoptr(KwAnalysisBudgets) budgets = g_new0 (KwAnalysisBudgets, 1);

  budgets->alliances = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_analysis_budget_free);
  if (!read_budget_alliances (store, alliance_id, area_id, budgets->alliances, error))
    return NULL;
  for (guint i = 0; i < budgets->alliances->len; i++)
    {
      KwAnalysisBudget *a = g_ptr_array_index (budgets->alliances, i);
      const char *id = a->id;

      if (!each (store, KW_ANALYSIS_ACTION_LINES, &id, 1, add_line_cb, a, error))
        return NULL;
      a->remaining_cents = subtract_cents (a->budget_cents, a->spent_cents);
      a->over = a->spent_cents > a->budget_cents;
      budgets->budget_cents = add_cents (budgets->budget_cents, a->budget_cents);
      budgets->spent_cents = add_cents (budgets->spent_cents, a->spent_cents);
    }
  budgets->remaining_cents = subtract_cents (budgets->budget_cents, budgets->spent_cents);
  return g_steal_pointer (&budgets);
}

KwAnalysisBudgets *
kw_analysis_budget (KwStore      *store,
                    const char   *alliance_id,
                    const char   *area_id,
                    GError      **error)
{
  KwAnalysisBudgets *budgets;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (alliance_id == NULL || area_id == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin_read (store, error))
    return NULL;
  budgets = compute_budget (store, alliance_id, area_id, error);
  if (!end_read (store, budgets != NULL, error))
    g_clear_pointer (&budgets, kw_analysis_budgets_free);
  return budgets;
}

/* Who stopped coming */

const char *
kw_unit_flag_to_string (KwUnitFlags flag)
{
  switch (flag)
    {
    case KW_UNIT_FLAG_NO_CONTACT:
      return "no_contact";
    case KW_UNIT_FLAG_NO_DEPUTY:
      return "no_deputy";
    case KW_UNIT_FLAG_STALE_CONTACT:
      return "stale_contact";
    case KW_UNIT_FLAG_STALE_DEPUTY:
      return "stale_deputy";
    case KW_UNIT_FLAG_NONE:
    default:
      return NULL;
    }
}

typedef struct {
  gboolean  found;
  char     *contact;
  char     *deputy;
  gboolean  network_live;
} UnitRow;

static void
unit_row_clear (UnitRow *u)
{
  g_clear_pointer (&u->contact, g_free);
  g_clear_pointer (&u->deputy, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UnitRow, unit_row_clear)

static gboolean
take_unit_cb (KwAnalysisRow  *row,
              gpointer        user_data,
              GError        **error)
{
  UnitRow *u = user_data;

  u->found = TRUE;
  u->contact = g_strdup (_kw_analysis_row_text (row, 0));
  u->deputy = g_strdup (_kw_analysis_row_text (row, 1));
  u->network_live = !_kw_analysis_row_is_null (row, 2);
  return TRUE;
}

/* today − @months calendar months ("YYYY-MM-DD"), the last day of the
 * month when that day is not in it. */
static void
format_months_before (const GDate *today,
                      guint        months,
                      char         out[DATE_LEN])
{
  GDate date = *today;
  guint max_months = (g_date_get_year (today) - 1) * 12 + g_date_get_month (today) - 1;

  if (months > max_months)
    g_strlcpy (out, "0", DATE_LEN);
  else
    {
      g_date_subtract_months (&date, months);
      format_date (&date, out);
    }
}

/* One reference of the unit: its flag when empty (or not a live
 * person), its stale flag when not contacted since @since. */
static gboolean
flag_person (KwStore      *store,
             const char   *person,
             const char   *since,
             KwUnitFlags   none,
             KwUnitFlags   stale,
             KwUnitFlags  *flags,
             GError      **error)
{
  gboolean live = FALSE, contacted = FALSE;

  if (person != NULL && !query_finds (store, KW_ANALYSIS_PERSON_LIVE, person, &live, error))
    return FALSE;
  if (!live)
    {
      *flags |= none;
      return TRUE;
    }
  if (!each (store, KW_ANALYSIS_CONTACTED_AFTER, (const char *[]) { person, since }, 2,
             note_found_cb, &contacted, error))
    return FALSE;
  if (!contacted)
    *flags |= stale;
  return TRUE;
}

static gboolean
read_unit_flags (KwStore      *store,
                 const char   *unit_id,
                 guint         stale_months,
                 const GDate  *today,
                 KwUnitFlags  *flags,
                 GError      **error)
{
  g_auto(UnitRow) u = { FALSE, NULL, NULL, FALSE };
  char since[DATE_LEN];

  *flags = KW_UNIT_FLAG_NONE;
  if (!each (store, KW_ANALYSIS_UNIT, &unit_id, 1, take_unit_cb, &u, error))
    return FALSE;
  if (!u.found || !u.network_live)
    {
      if (u.found)  /* a unit of a deleted network does not count */
        g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_DELETED,
                     _("the network of network_unit %s was deleted"), unit_id);
      else
        set_not_found (store, "network_unit", unit_id, error);
      return FALSE;
    }
  format_months_before (today, stale_months, since);
  return flag_person (store, u.contact, since, KW_UNIT_FLAG_NO_CONTACT, KW_UNIT_FLAG_STALE_CONTACT,
                      flags, error)
         && flag_person (store, u.deputy, since, KW_UNIT_FLAG_NO_DEPUTY, KW_UNIT_FLAG_STALE_DEPUTY,
                         flags, error);
}

gboolean
kw_analysis_unit_flags (KwStore      *store,
                        const char   *unit_id,
                        guint         stale_months,
                        const GDate  *today,
                        KwUnitFlags  *flags,
                        GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (unit_id != NULL, FALSE);
  g_return_val_if_fail (is_date_ok (today), FALSE);
  g_return_val_if_fail (flags != NULL, FALSE);

  if (!begin_read (store, error))
    return FALSE;
  ok = read_unit_flags (store, unit_id, stale_months, today, flags, error);
  return end_read (store, ok, error);
}

/* The unit's gatherings: held, starting on or before today (local),
 * oldest first, equal starts by id. */
typedef struct {
  const char *today;
  GPtrArray  *ids;     /* char * */
  GPtrArray  *dates;   /* char *, the local date of each */
  GHashTable *index;   /* id → position + 1 */
} Gatherings;

static void
gatherings_clear (Gatherings *g)
{
  g_clear_pointer (&g->ids, g_ptr_array_unref);
  g_clear_pointer (&g->dates, g_ptr_array_unref);
  g_clear_pointer (&g->index, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Gatherings, gatherings_clear)

static gboolean
add_gathering_cb (KwAnalysisRow  *row,
                  gpointer        user_data,
                  GError        **error)
{
  Gatherings *g = user_data;
  char date[DATE_LEN];
  char *id;

  if (!local_date_of (_kw_analysis_row_text (row, 1), date) || strcmp (date, g->today) > 0)
    return TRUE;
  id = g_strdup (_kw_analysis_row_text (row, 0));
  g_ptr_array_add (g->ids, id);
  g_ptr_array_add (g->dates, g_strdup (date));
  g_hash_table_insert (g->index, id, GUINT_TO_POINTER (g->ids->len));
  return TRUE;
}

typedef struct {
  char  *person;
  char  *since;     /* the earliest of their memberships; NULL when one has none */
  guint  last;      /* 1 + the position of the last gathering they came to, 0 for none */
} Member;

static void
member_free (Member *m)
{
  g_free (m->person);
  g_free (m->since);
  g_free (m);
}

typedef struct {
  GPtrArray  *list;    /* Member, by name */
  GHashTable *by_id;   /* person → Member (borrowed) */
  Gatherings *gatherings;
} Members;

static void
members_clear (Members *m)
{
  g_clear_pointer (&m->list, g_ptr_array_unref);
  g_clear_pointer (&m->by_id, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Members, members_clear)

static gboolean
add_member_cb (KwAnalysisRow  *row,
               gpointer        user_data,
               GError        **error)
{
  Members *m = user_data;
  const char *person = _kw_analysis_row_text (row, 0);
  const char *since = _kw_analysis_row_text (row, 1);
  Member *member = g_hash_table_lookup (m->by_id, person);

  if (member == NULL)
    {
      member = g_new0 (Member, 1);
      member->person = g_strdup (person);
      member->since = g_strdup (since);
      g_ptr_array_add (m->list, member);
      g_hash_table_insert (m->by_id, member->person, member);
    }
  else if (member->since != NULL && (since == NULL || strcmp (since, member->since) < 0))
    {
      g_free (member->since);
      member->since = g_strdup (since);
    }
  return TRUE;
}

static gboolean
add_presence_cb (KwAnalysisRow  *row,
                 gpointer        user_data,
                 GError        **error)
{
  Members *m = user_data;
  Member *member = g_hash_table_lookup (m->by_id, _kw_analysis_row_text (row, 0));
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (m->gatherings->index,
                                                          _kw_analysis_row_text (row, 1)));

  if (member != NULL && position > member->last)
    member->last = position;
  return TRUE;
}

static gboolean
read_members (KwStore     *store,
              const char  *unit_id,
              Gatherings  *gatherings,
              Members     *m,
              GError     **error)
{
  m->list = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  m->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  m->gatherings = gatherings;
  return each (store, KW_ANALYSIS_MEMBERS, &unit_id, 1, add_member_cb, m, error)
         && each (store, KW_ANALYSIS_PRESENCE, &unit_id, 1, add_presence_cb, m, error);
}

/* Absent: the window holds a gathering, the member was one before its
 * first, and came to none of it. */
static gboolean
add_absent (KwStore            *store,
            KwAnalysisAbsence  *absence,
            Member             *member,
            Gatherings         *g,
            guint               first,
            const char         *today,
            GError            **error)
{
  KwAnalysisAbsent *absent;

  if (first >= g->ids->len || member->last > first
      || (member->since != NULL && strcmp (member->since, g_ptr_array_index (g->dates, first)) >= 0))
    return TRUE;
  absent = g_new0 (KwAnalysisAbsent, 1);
  absent->person = g_strdup (member->person);
  if (member->last > 0)
    absent->last_present = g_strdup (g_ptr_array_index (g->ids, member->last - 1));
  g_ptr_array_add (absence->absent, absent);
  return each (store, KW_ANALYSIS_LAST_CONTACT, (const char *[]) { member->person, today }, 2,
               take_first_text_cb, &absent->last_contact, error);
}

static KwAnalysisAbsence *
compute_absent (KwStore      *store,
                const char   *unit_id,
                guint         stale_months,
                const GDate  *today,
                GError      **error)
{
  g_autoptr(KwAnalysisAbsence) absence = g_new0 (KwAnalysisAbsence, 1);
  g_auto(Gatherings) g = { NULL };
  g_auto(Members) m = { NULL };
  char day[DATE_LEN];
  guint first;

  format_date (today, day);
  absence->unit = g_strdup (unit_id);
  absence->gatherings = g_ptr_array_new_with_free_func (g_free);
  absence->absent = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_analysis_absent_free);
  g.today = day;
  g.ids = g_ptr_array_new_with_free_func (g_free);
  g.dates = g_ptr_array_new_with_free_func (g_free);
  g.index = g_hash_table_new (g_str_hash, g_str_equal);
  if (!read_unit_flags (store, unit_id, stale_months, today, &absence->flags, error)
      || !each (store, KW_ANALYSIS_HELD_MEETINGS, &unit_id, 1, add_gathering_cb, &g, error)
      || !read_members (store, unit_id, &g, &m, error))
    return NULL;

  first = g.ids->len > WINDOW_GATHERINGS ? g.ids->len - WINDOW_GATHERINGS : 0;
  for (guint i = first; i < g.ids->len; i++)
    g_ptr_array_add (absence->gatherings, g_strdup (g_ptr_array_index (g.ids, i)));
  for (guint i = 0; i < m.list->len; i++)
    if (!add_absent (store, absence, g_ptr_array_index (m.list, i), &g, first, day, error))
      return NULL;
  return g_steal_pointer (&absence);
}

KwAnalysisAbsence *
kw_analysis_absent (KwStore      *store,
                    const char   *unit_id,
                    guint         stale_months,
                    const GDate  *today,
                    GError      **error)
{
  KwAnalysisAbsence *absence;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (unit_id != NULL, NULL);
  g_return_val_if_fail (is_date_ok (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin_read (store, error))
    return NULL;
  absence = compute_absent (store, unit_id, stale_months, today, error);
  if (!end_read (store, absence != NULL, error))
    g_clear_pointer (&absence, kw_analysis_absence_free);
  return absence;
}

/* Who carries too much */

typedef struct {
  char        from[DATE_LEN];  /* the window's first and last local dates */
  char        to[DATE_LEN];
  GHashTable *meetings;        /* ids of the meetings in the window */
  GHashTable *people;          /* person id → KwAnalysisLoad */
} Load;

static void
load_clear (Load *l)
{
  g_clear_pointer (&l->meetings, g_hash_table_unref);
  g_clear_pointer (&l->people, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Load, load_clear)

static KwAnalysisLoad *
load_of (Load       *l,
         const char *person)
{
  KwAnalysisLoad *load = g_hash_table_lookup (l->people, person);

  if (load == NULL)
    {
      load = g_new0 (KwAnalysisLoad, 1);
      load->person = g_strdup (person);
      g_hash_table_insert (l->people, load->person, load);
    }
  return load;
}

static gboolean
add_load_meeting_cb (KwAnalysisRow  *row,
                     gpointer        user_data,
                     GError        **error)
{
  Load *l = user_data;
  char date[DATE_LEN];

  if (!local_date_of (_kw_analysis_row_text (row, 1), date)
      || strcmp (date, l->from) < 0 || strcmp (date, l->to) > 0)
    return TRUE;
  g_hash_table_add (l->meetings, g_strdup (_kw_analysis_row_text (row, 0)));
  /* chair and minute taker: one role each, also when it is one person */
  for (guint col = 2; col <= 3; col++)
    if (!_kw_analysis_row_is_null (row, col))
      load_of (l, _kw_analysis_row_text (row, col))->roles++;
  return TRUE;
}

static gboolean
add_load_attendance_cb (KwAnalysisRow  *row,
                        gpointer        user_data,
                        GError        **error)
{
  Load *l = user_data;

  if (g_hash_table_contains (l->meetings, _kw_analysis_row_text (row, 1)))
    load_of (l, _kw_analysis_row_text (row, 0))->meetings++;
  return TRUE;
}

static gboolean
add_load_actions_cb (KwAnalysisRow  *row,
                     gpointer        user_data,
                     GError        **error)
{
  KwAnalysisLoad *load = load_of (user_data, _kw_analysis_row_text (row, 0));

  load->open_actions += (guint) _kw_analysis_row_int (row, 1);
  load->overdue_actions += (guint) _kw_analysis_row_int (row, 2);
  return TRUE;
}

static gboolean
add_load_roles_cb (KwAnalysisRow  *row,
                   gpointer        user_data,
                   GError        **error)
{
  load_of (user_data, _kw_analysis_row_text (row, 0))->roles += (guint) _kw_analysis_row_int (row, 1);
  return TRUE;
}

/* The dates after today − 7·weeks days, up to and including today; the
 * meetings are read from a day either side in UTC, then by local date. */
static void
set_window (Load         *l,
            guint         weeks,
            const GDate  *today,
            char        **lower,
            char        **upper)
{
  gint64 last = g_date_get_julian (today);
  gint64 first = last - 7 * (gint64) weeks + 1;
  GDate date;

  format_date (today, l->to);
  if (first < 1)
    g_strlcpy (l->from, "0", DATE_LEN);
  else if (first > last)
    g_strlcpy (l->from, ":", DATE_LEN);  /* no weeks: no dates */
  else
    {
      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) first);
      format_date (&date, l->from);
    }
  *lower = dup_utc_midnight (first - 1);
  *upper = dup_utc_midnight (last + 2);
}

static gboolean
read_load (KwStore      *store,
           Load         *l,
           guint         weeks,
           const GDate  *today,
           GError      **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *upper = NULL;
  const char *day = l->to;

  set_window (l, weeks, today, &lower, &upper);
  return each (store, KW_ANALYSIS_LOAD_MEETINGS, (const char *[]) { lower, upper }, 2,
               add_load_meeting_cb, l, error)
         && each (store, KW_ANALYSIS_LOAD_ATTENDANCE, (const char *[]) { lower, upper }, 2,
                  add_load_attendance_cb, l, error)
         && each (store, KW_ANALYSIS_LOAD_ACTIONS, &day, 1, add_load_actions_cb, l, error)
         && each (store, KW_ANALYSIS_LOAD_UNIT_ROLES, NULL, 0, add_load_roles_cb, l, error)
         && each (store, KW_ANALYSIS_LOAD_LINE_ROLES, NULL, 0, add_load_roles_cb, l, error)
         && each (store, KW_ANALYSIS_LOAD_LEAD_ROLES, NULL, 0, add_load_roles_cb, l, error);
}

static int
compare_loads (gconstpointer a,
               gconstpointer b)
{
  const KwAnalysisLoad *x = *(KwAnalysisLoad * const *) a;
  const KwAnalysisLoad *y = *(KwAnalysisLoad * const *) b;
  g_autofree char *kx = NULL;
  g_autofree char *ky = NULL;
  int c;

  if (x->load != y->load)
    return x->load > y->load ? -1 : 1;
  kx = kw_collate_fold (x->name);
  ky = kw_collate_fold (y->name);
  if ((c = strcmp (kx, ky)) != 0 || (c = strcmp (x->name, y->name)) != 0)
    return c;
  return strcmp (x->person, y->person);
}

/* The live people among those counted, with their names, ranked. */
static GPtrArray *
rank_loads (KwStore     *store,
            Load        *l,
            guint        threshold,
            GError     **error)
{
  g_autoptr(GPtrArray) ranked = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_analysis_load_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, l->people);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      KwAnalysisLoad *load = value;
      const char *person = load->person;

      load->load = load->meetings + load->open_actions + load->overdue_actions + load->roles;
      if (!each (store, KW_ANALYSIS_PERSON_NAME, &person, 1, take_first_text_cb, &load->name, error))
        return NULL;
      if (load->name == NULL || load->load == 0)
        continue;
      load->flagged = load->load >= threshold;
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (ranked, load);
    }
  g_ptr_array_sort (ranked, compare_loads);
  return g_steal_pointer (&ranked);
}

GPtrArray *
kw_analysis_load (KwStore      *store,
                  guint         weeks,
                  guint         threshold,
                  const GDate  *today,
                  GError      **error)
{
  g_auto(Load) l = { { 0 } };
  GPtrArray *ranked = NULL;
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (is_date_ok (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l.meetings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.people = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) kw_analysis_load_free);
  if (!begin_read (store, error))
    return NULL;
  ok = read_load (store, &l, weeks, today, error)
       && (ranked = rank_loads (store, &l, threshold, error)) != NULL;
  if (!end_read (store, ok, error))
    g_clear_pointer (&ranked, g_ptr_array_unref);
  return ranked;
}
