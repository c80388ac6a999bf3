/* kw-analysis.h: the computations the views show (spec/analysis.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who is missing at an alliance's table, the budgets of action lines,
 * who stopped coming to a unit's gatherings and who carries too much.
 * Each answer is a plain struct of record ids and values, read in one
 * read transaction; `kwartier-cli report` prints the same structs as
 * JSON, so a view and the CLI agree. No GTK here.
 *
 * @today is the local date the answer is for (kw_analysis_get_today ()
 * gives the real one); a date-time (stored in UTC) falls on its
 * calendar date in local time.
 */
#pragma once

#include <glib.h>

#include "kw-store.h"

G_BEGIN_DECLS

/* Today's local date. */
void         kw_analysis_get_today       (GDate       *today);

/* Who is missing at the table */

typedef struct {
  char       *value;       /* one spelling of the value ("Tamazight"), or the kind */
  GPtrArray  *candidates;  /* ids (char *) of the records of the area that hold it,
                            * in the database's order (sort them by name to show them) */
} KwAnalysisGap;

typedef struct {
  char       *alliance;
  GPtrArray  *kinds;        /* KwAnalysisGap: organisation kinds */
  GPtrArray  *communities;  /* KwAnalysisGap */
  GPtrArray  *languages;    /* KwAnalysisGap */
  GPtrArray  *key_figures;  /* ids (char *) of key figures of the area not at the table */
} KwAnalysisMissing;

/* NULL with KW_CORE_ERROR_NOT_FOUND / _DELETED when @alliance_id is not
 * a live alliance. */
KwAnalysisMissing *kw_analysis_missing      (KwStore      *store,
                                             const char   *alliance_id,
                                             const GDate  *today,
                                             GError      **error);
void               kw_analysis_missing_free (KwAnalysisMissing *missing);

/* Budgets: integer cents; an empty budget or spent counts as 0 */

typedef struct {
  char       *id;              /* the action line, or the alliance */
  gint64      budget_cents;
  gint64      spent_cents;
  gint64      remaining_cents; /* budget − spent */
  gboolean    over;            /* spent > budget */
  GPtrArray  *lines;           /* an alliance's KwAnalysisBudget of its lines; NULL for a line */
} KwAnalysisBudget;

typedef struct {
  GPtrArray  *alliances;       /* KwAnalysisBudget */
  gint64      budget_cents;    /* the total over the alliances */
  gint64      spent_cents;
  gint64      remaining_cents;
} KwAnalysisBudgets;

/* One alliance (@alliance_id), the alliances in the reach of an area
 * (@area_id), or every alliance (both NULL); not both. NULL with
 * KW_CORE_ERROR_NOT_FOUND / _DELETED for an id that is not a live
 * record of its type. */
KwAnalysisBudgets *kw_analysis_budget       (KwStore      *store,
                                             const char   *alliance_id,
                                             const char   *area_id,
                                             GError      **error);
void               kw_analysis_budgets_free (KwAnalysisBudgets *budgets);

/* Who stopped coming */

typedef enum {
  KW_UNIT_FLAG_NONE          = 0,
  KW_UNIT_FLAG_NO_CONTACT    = 1 << 0, /* no contact person */
  KW_UNIT_FLAG_NO_DEPUTY     = 1 << 1, /* no deputy */
  KW_UNIT_FLAG_STALE_CONTACT = 1 << 2, /* the contact person not contacted for stale_months */
  KW_UNIT_FLAG_STALE_DEPUTY  = 1 << 3, /* the deputy not contacted for stale_months */
} KwUnitFlags;

#define KW_ANALYSIS_STALE_MONTHS 6   /* the default of the preference */

/* The flag's name in the JSON ("no_deputy"); NULL for none or several. */
const char  *kw_unit_flag_to_string      (KwUnitFlags  flag);

typedef struct {
  char       *person;
  char       *last_present;  /* the last of the unit's gatherings they came to, or NULL */
  char       *last_contact;  /* "YYYY-MM-DD" of the latest contact moment up to today, or NULL */
} KwAnalysisAbsent;

typedef struct {
  char       *unit;
  KwUnitFlags flags;
  GPtrArray  *gatherings;    /* ids (char *) of the window, oldest first */
  GPtrArray  *absent;        /* KwAnalysisAbsent */
} KwAnalysisAbsence;

/* The unit's flags alone (for a list of units). FALSE with
 * KW_CORE_ERROR_NOT_FOUND / _DELETED when @unit_id is not a live unit. */
gboolean           kw_analysis_unit_flags   (KwStore      *store,
                                             const char   *unit_id,
                                             guint         stale_months,
                                             const GDate  *today,
                                             KwUnitFlags  *flags,
                                             GError      **error);
KwAnalysisAbsence *kw_analysis_absent       (KwStore      *store,
                                             const char   *unit_id,
                                             guint         stale_months,
                                             const GDate  *today,
                                             GError      **error);
void               kw_analysis_absence_free (KwAnalysisAbsence *absence);

/* Who carries too much */

#define KW_ANALYSIS_LOAD_WEEKS     8
#define KW_ANALYSIS_LOAD_THRESHOLD 12  /* the CLI's default; the application passes its preference */

typedef struct {
  char       *person;
  char       *name;
  guint       load;            /* meetings + open_actions + overdue_actions + roles */
  guint       meetings;
  guint       open_actions;
  guint       overdue_actions;
  guint       roles;
  gboolean    flagged;         /* load >= threshold */
} KwAnalysisLoad;

/* KwAnalysisLoad of everyone with a load above 0, ranked by load
 * (highest first), then name. */
GPtrArray         *kw_analysis_load         (KwStore      *store,
                                             guint         weeks,
                                             guint         threshold,
                                             const GDate  *today,
                                             GError      **error);

void               kw_analysis_gap_free     (KwAnalysisGap     *gap);
void               kw_analysis_absent_free  (KwAnalysisAbsent  *absent);
void               kw_analysis_load_free    (KwAnalysisLoad    *load);
void               kw_analysis_budget_free  (KwAnalysisBudget  *budget);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwAnalysisMissing, kw_analysis_missing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwAnalysisBudgets, kw_analysis_budgets_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwAnalysisAbsence, kw_analysis_absence_free)

G_END_DECLS
