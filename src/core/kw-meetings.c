/* kw-meetings.c: the running action list and planning the next meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spec/analysis.md "The running action list" and DESIGN.md's view 5:
 * the rules here, the SQL in kw-store-meetings.c. An action item is
 * never copied: it is on the running list of its context until it is
 * done or dropped, so planning the next meeting copies agenda items
 * only.
 */
#define G_LOG_DOMAIN "kw-meetings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kw-analysis.h"
#include "kw-collate.h"
#include "kw-error.h"
#include "kw-meetings-private.h"

#define DATE_LEN 11

void
kw_meeting_action_free (KwMeetingAction *action)
{
  if (action == NULL)
    return;
  g_free (action->action_item);
  g_free (action->title);
  g_free (action->owner);
  g_free (action->deadline);
  g_free (action->meeting);
  g_free (action);
}

gboolean
kw_meetings_context (KwStore     *store,
                     const char  *meeting_id,
                     char       **alliance_id,
                     char       **unit_id,
                     GError     **error)
{
  g_autofree char *alliance = NULL;
  g_autofree char *unit = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (meeting_id != NULL, FALSE);

  if (!_kw_store_meetings_context (store, meeting_id, &alliance, &unit, error))
    return FALSE;
  /* the alliance when it has one, else its unit */
  if (alliance != NULL)
    g_clear_pointer (&unit, g_free);
  if (alliance_id != NULL)
    *alliance_id = g_steal_pointer (&alliance);
  if (unit_id != NULL)
    *unit_id = g_steal_pointer (&unit);
  return TRUE;
}

/* The scope of a meeting's context and its id (the alliance, the unit
 * or the meeting itself). */
static gboolean
scope_of_meeting (KwStore          *store,
                  const char       *meeting_id,
                  KwMeetingsScope  *scope,
                  char            **scope_id,
                  GError          **error)
{
  g_autofree char *alliance = NULL;
  g_autofree char *unit = NULL;

  if (!kw_meetings_context (store, meeting_id, &alliance, &unit, error))
    return FALSE;
  if (alliance != NULL)
    {
      *scope = KW_MEETINGS_SCOPE_ALLIANCE;
      *scope_id = g_steal_pointer (&alliance);
    }
  else if (unit != NULL)
    {
      *scope = KW_MEETINGS_SCOPE_UNIT;
      *scope_id = g_steal_pointer (&unit);
    }
  else
    {
      *scope = KW_MEETINGS_SCOPE_MEETING;
      *scope_id = g_strdup (meeting_id);
    }
  return TRUE;
}

typedef struct {
  KwMeetingAction *action;
  char            *title_key;
} ActionKey;

static int
compare_actions (gconstpointer a,
                 gconstpointer b)
{
  const ActionKey *x = a, *y = b;
  int c;

  /* by deadline, empty last */
  if ((x->action->deadline == NULL) != (y->action->deadline == NULL))
    return x->action->deadline == NULL ? 1 : -1;
  if ((c = g_strcmp0 (x->action->deadline, y->action->deadline)) != 0)
    return c;
  /* then by title as a reader orders them, then as written, then by id */
  if ((c = strcmp (x->title_key, y->title_key)) != 0)
    return c;
  if ((c = strcmp (x->action->title, y->action->title)) != 0)
    return c;
  return strcmp (x->action->action_item, y->action->action_item);
}

static void
sort_actions (GPtrArray *actions)
{
  g_autofree ActionKey *keys = g_new (ActionKey, MAX (actions->len, 1));

  for (guint i = 0; i < actions->len; i++)
    {
      keys[i].action = g_ptr_array_index (actions, i);
      keys[i].title_key = kw_collate_fold (keys[i].action->title);
    }
  qsort (keys, actions->len, sizeof (ActionKey), compare_actions);
  for (guint i = 0; i < actions->len; i++)
    {
      actions->pdata[i] = keys[i].action;
      g_free (keys[i].title_key);
    }
}

GPtrArray *
kw_meetings_actions (KwStore      *store,
                     const char   *alliance_id,
                     const char   *unit_id,
                     const char   *meeting_id,
                     gboolean      all,
                     const GDate  *today,
                     GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *scope_id = NULL;
  KwMeetingsScope scope = KW_MEETINGS_SCOPE_ALL;
  char today_text[DATE_LEN];
  GDate local_today;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail ((alliance_id != NULL) + (unit_id != NULL) + (meeting_id != NULL) <= 1, NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  if (today == NULL)
    {
      kw_analysis_get_today (&local_today);
      today = &local_today;
    }
  g_snprintf (today_text, sizeof today_text, "%04u-%02u-%02u", (guint) g_date_get_year (today),
              (guint) g_date_get_month (today), (guint) g_date_get_day (today));

  if (meeting_id != NULL)
    {
      if (!scope_of_meeting (store, meeting_id, &scope, &scope_id, error))
        return NULL;
    }
  else if (alliance_id != NULL || unit_id != NULL)
    {
      scope = alliance_id != NULL ? KW_MEETINGS_SCOPE_ALLIANCE : KW_MEETINGS_SCOPE_UNIT;
      scope_id = g_strdup (alliance_id != NULL ? alliance_id : unit_id);
      if (!_kw_store_meetings_is_live (store, scope, scope_id, error))
        return NULL;
    }

  if ((found = _kw_store_meetings_actions (store, scope, scope_id, error)) == NULL)
    return NULL;
  actions = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_meeting_action_free);
  for (guint i = 0; i < found->len; i++)
    {
      KwMeetingAction *a = g_ptr_array_index (found, i);
      gboolean open = strcmp (a->status, "open") == 0;

      found->pdata[i] = NULL;

      if (!open && !all)
        {
          kw_meeting_action_free (a);
          continue;
        }
      a->overdue = open && a->deadline != NULL && strcmp (a->deadline, today_text) < 0;
      g_ptr_array_add (actions, a);
    }
  sort_actions (actions);
  return g_steal_pointer (&actions);
}

/* Planning the next meeting */

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

guint
kw_meetings_usual_interval (const guint32 *julian_days,
                            guint          n_days)
{
  guint gaps[KW_MEETINGS_PLAN_SPAN];
  guint first, n_gaps = 0;
  double median, weeks;

  g_return_val_if_fail (n_days == 0 || julian_days != NULL, KW_MEETINGS_DEFAULT_INTERVAL);

  if (n_days < 2)
    return KW_MEETINGS_DEFAULT_INTERVAL;
  first = n_days > KW_MEETINGS_PLAN_SPAN ? n_days - KW_MEETINGS_PLAN_SPAN : 0;
  for (guint i = first + 1; i < n_days; i++)
    gaps[n_gaps++] = julian_days[i] >= julian_days[i - 1] ? julian_days[i] - julian_days[i - 1] : 0;
  qsort (gaps, n_gaps, sizeof (guint), compare_guint);
  median = n_gaps % 2 == 1 ? gaps[n_gaps / 2]
                           : (gaps[n_gaps / 2 - 1] + gaps[n_gaps / 2]) / 2.0;
  /* whole weeks keep the weekday */
  weeks = MAX (1.0, (double) (gint64) (median / 7.0 + 0.5));
  return (guint) weeks * 7;
}

static GTimeZone *
meetings_zone (void)
{
  GTimeZone *zone = g_time_zone_new_identifier (KW_MEETINGS_ZONE);

  return zone != NULL ? zone : g_time_zone_new_local ();
}

/* A stored UTC time ("YYYY-MM-DDTHH:MM:SSZ") in @zone, or NULL. */
static GDateTime *
parse_utc (const char *utc,
           GTimeZone  *zone)
{
  g_autoptr(GTimeZone) z_utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = NULL;
  int y, mo, d, h, mi, s;

  if (utc == NULL || sscanf (utc, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) != 6
      || (at = g_date_time_new (z_utc, y, mo, d, h, mi, s)) == NULL)
    return NULL;
  return g_date_time_to_timezone (at, zone);
}

static char *
format_utc (GDateTime *at)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (at);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static guint32
julian_of (GDateTime *local)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
  return g_date_get_julian (&date);
}

/* @days after @latest on the calendar of its zone, at the same time of day. */
static GDateTime *
add_local_days (GDateTime *latest,
                GTimeZone *zone,
                guint      days)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_of (latest));
  g_date_add_days (&date, days);
  return g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), g_date_time_get_hour (latest),
                          g_date_time_get_minute (latest), g_date_time_get_second (latest));
}

/* A reference copied over when it still points at a record that is there. */
static void
copy_ref (KwStore     *store,
          KwChangeset *changes,
          KwRecord    *from,
          const char  *field,
          const char  *type_name)
{
  const char *id = kw_record_get_string (from, field);
  g_autoptr(KwRecord) target = NULL;

  if (id == NULL)
    return;
  target = kw_store_lookup (store, type_name, id, NULL);
  if (target != NULL && !kw_record_is_deleted (target))
    kw_changeset_set_string (changes, field, id);
}

static void
copy_value (KwChangeset *changes,
            KwRecord    *from,
            const char  *field)
{
  GVariant *value = kw_record_get_value (from, field);

  if (value != NULL)
    kw_changeset_set (changes, field, value, NULL);
}

/* The fractional-index key of the @index-th item: "a0" … "az" (62), then "b00" … */
static char *
position_key (guint index)
{
  static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const guint base = sizeof digits - 1;

  if (index < base)
    return g_strdup_printf ("a%c", digits[index]);
  index -= base;
  return g_strdup_printf ("b%c%c", digits[(index / base) % base], digits[index % base]);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  KwRecord *x = *(KwRecord * const *) a, *y = *(KwRecord * const *) b;
  const char *px = kw_record_get_string (x, "position");
  const char *py = kw_record_get_string (y, "position");
  int c;

  /* by position as strings (fractional indexes), none last, then by id */
  if ((px == NULL) != (py == NULL))
    return px == NULL ? 1 : -1;
  if ((c = g_strcmp0 (px, py)) != 0)
    return c;
  return strcmp (kw_record_get_id (x), kw_record_get_id (y));
}

/* The items of @meeting_id with @flag set, added to @items once each. */
static gboolean
collect_items (KwStore     *store,
               const char  *meeting_id,
               const char  *flag,
               GPtrArray   *items,
               GHashTable  *seen,
               GError     **error)
{
  g_autoptr(GPtrArray) all = kw_store_list_by_ref (store, "agenda_item", "meeting", meeting_id, error);

  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      KwRecord *item = g_ptr_array_index (all, i);

      if (kw_record_get_bool (item, flag) && g_hash_table_add (seen, g_strdup (kw_record_get_id (item))))
        g_ptr_array_add (items, g_object_ref (item));
    }
  return TRUE;
}

static gboolean
copy_agenda (KwStore     *store,
             const char  *latest_id,
             const char  *meeting_id,
             const char  *new_id,
             GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!collect_items (store, latest_id, "standing", items, seen, error)
      || !collect_items (store, meeting_id, "next_time", items, seen, error))
    return FALSE;
  g_ptr_array_sort (items, compare_items);
  for (guint i = 0; i < items->len; i++)
    {
      KwRecord *item = g_ptr_array_index (items, i);
      g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", error);
      g_autofree char *position = position_key (i);
      g_autofree char *id = NULL;

      if (changes == NULL)
        return FALSE;
      kw_changeset_set_string (changes, "meeting", new_id);
      kw_changeset_set_string (changes, "position", position);
      copy_value (changes, item, "title");
      copy_ref (store, changes, item, "presenter", "person");
      copy_value (changes, item, "minutes_planned");
      copy_value (changes, item, "kind");
      kw_changeset_set_bool (changes, "standing", kw_record_get_bool (item, "standing"));
      kw_changeset_set_bool (changes, "next_time", FALSE);
      if ((id = kw_store_create (store, changes, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The new meeting itself; its id. */
static char *
create_meeting (KwStore     *store,
                KwRecord    *meeting,
                GDateTime   *starts,
                const char  *alliance,
                const char  *unit,
                GTimeZone   *zone,
                GError     **error)
{
  static const char * const values[] = {
    "title", "kind", "online_link", "language", "interpreter", "food", "childcare",
  };
  g_autoptr(KwChangeset) changes = kw_changeset_new ("meeting", error);
  g_autoptr(GDateTime) own_start = parse_utc (kw_record_get_string (meeting, "starts_at"), zone);
  g_autoptr(GDateTime) own_end = parse_utc (kw_record_get_string (meeting, "ends_at"), zone);
  g_autofree char *starts_at = format_utc (starts);

  if (changes == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    copy_value (changes, meeting, values[i]);
  kw_changeset_set_string (changes, "starts_at", starts_at);
  if (own_start != NULL && own_end != NULL && g_date_time_compare (own_end, own_start) >= 0)
    {
      g_autoptr(GDateTime) ends = g_date_time_add (starts, g_date_time_difference (own_end, own_start));
      g_autofree char *ends_at = format_utc (ends);

      kw_changeset_set_string (changes, "ends_at", ends_at);
    }
  copy_ref (store, changes, meeting, "venue", "venue");
  if (alliance != NULL)
    kw_changeset_set_string (changes, "alliance", alliance);
  if (unit != NULL)
    kw_changeset_set_string (changes, "unit", unit);
  copy_ref (store, changes, meeting, "chair", "person");
  copy_ref (store, changes, meeting, "minute_taker", "person");
  kw_changeset_set_string (changes, "status", "planned");
  return kw_store_create (store, changes, error);
}

static char *
plan_next (KwStore     *store,
           const char  *meeting_id,
           GError     **error)
{
  g_autoptr(KwRecord) meeting = NULL;
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GTimeZone) zone = meetings_zone ();
  g_autoptr(GDateTime) latest = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree guint32 *days = NULL;
  g_autofree char *alliance = NULL, *unit = NULL, *scope_id = NULL, *latest_id = NULL, *new_id = NULL;
  KwMeetingsScope scope;
  guint n_days = 0;

  if (!_kw_store_meetings_context (store, meeting_id, &alliance, &unit, error)
      || (meeting = kw_store_get (store, "meeting", meeting_id, error)) == NULL
      || !scope_of_meeting (store, meeting_id, &scope, &scope_id, error))
    return NULL;
  if ((starts = _kw_store_meetings_starts (store, scope, scope_id, &latest_id, error)) == NULL)
    return NULL;

  days = g_new (guint32, MAX (starts->len, 1));
  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr(GDateTime) at = parse_utc (g_ptr_array_index (starts, i), zone);

      if (at == NULL)
        continue;
      days[n_days++] = julian_of (at);
      g_clear_pointer (&latest, g_date_time_unref);
      latest = g_date_time_ref (at);
    }
  if (latest == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("starts_at: no meeting of this one’s context has a start to plan from"));
      return NULL;
    }
  next = add_local_days (latest, zone, kw_meetings_usual_interval (days, n_days));
  if (next == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID, _("starts_at: out of range"));
      return NULL;
    }
  if ((new_id = create_meeting (store, meeting, next, alliance, unit, zone, error)) == NULL
      || !copy_agenda (store, latest_id, meeting_id, new_id, error))
    return NULL;
  return g_steal_pointer (&new_id);
}

gboolean
kw_meetings_plan_next (KwStore      *store,
                       const char   *meeting_id,
                       char        **new_id,
                       GError      **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (meeting_id != NULL, FALSE);

  if (!kw_store_begin (store, error))
    return FALSE;
  if ((id = plan_next (store, meeting_id, error)) == NULL)
    {
      kw_store_rollback (store);
      return FALSE;
    }
  if (!kw_store_commit (store, error))
    return FALSE;
  if (new_id != NULL)
    *new_id = g_steal_pointer (&id);
  return TRUE;
}
