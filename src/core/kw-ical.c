/* kw-ical.c: meetings as iCalendar (RFC 5545), written with libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw-ical.h says what the calendar holds. The VTIMEZONE is libical's
 * built-in Europe/Amsterdam, cut to the years of the meetings (from the
 * first of January of the earliest one) and named by its plain TZID,
 * which the events' DTSTART and DTEND refer to. A calendar goes to
 * other people and other programs: it names no person. The title and
 * the venue are free text, so the full names of the meeting's people
 * (chair, minute taker, those invited, presenters, owners of its
 * actions) are taken out of them as whole words, case-insensitively,
 * and out of the title also each capitalised part of those names of
 * three letters or more, as written ("Fatima", "Amrani"; not "de").
 */
#define G_LOG_DOMAIN "kw-ical"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kw-error.h"
#include "kw-hlc.h"
#include "kw-ical.h"
#include "kw-temp-file.h"

#define LEFT_OUT "…"

/* A stored UTC time ("YYYY-MM-DDTHH:MM:SSZ") as seconds since 1970. */
static gboolean
parse_utc (const char *utc,
           gint64     *unix_time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = NULL;
  int y, mo, d, h, mi, s;

  if (utc == NULL || sscanf (utc, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) != 6
      || (at = g_date_time_new (zone, y, mo, d, h, mi, s)) == NULL)
    return FALSE;
  *unix_time = g_date_time_to_unix (at);
  return TRUE;
}

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  KwRecord *x = *(KwRecord * const *) a, *y = *(KwRecord * const *) b;
  int c = g_strcmp0 (kw_record_get_string (x, "starts_at"), kw_record_get_string (y, "starts_at"));

  return c != 0 ? c : strcmp (kw_record_get_id (x), kw_record_get_id (y));
}

/* The meetings of the calendar, oldest first. */
static GPtrArray *
collect_meetings (KwStore     *store,
                  const char  *meeting_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) meetings = NULL;

  if (meeting_id != NULL)
    {
      KwRecord *meeting = kw_store_get (store, "meeting", meeting_id, error);

      if (meeting == NULL)
        return NULL;
      if (kw_record_get_string (meeting, "starts_at") == NULL)
        {
          g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                       _("starts_at: the meeting has no start, so it cannot be in a calendar"));
          g_object_unref (meeting);
          return NULL;
        }
      meetings = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (meetings, meeting);
      return g_steal_pointer (&meetings);
    }
  if ((meetings = kw_store_list (store, "meeting", error)) == NULL)
    return NULL;
  for (guint i = meetings->len; i > 0; i--)
    if (kw_record_get_string (meetings->pdata[i - 1], "starts_at") == NULL)
      g_ptr_array_remove_index (meetings, i - 1);
  g_ptr_array_sort (meetings, compare_meetings);
  return g_steal_pointer (&meetings);
}

/* The names of a person (by id) into @names, once. */
static void
add_name (KwStore    *store,
          GHashTable *names,
          const char *person_id)
{
  g_autoptr(KwRecord) person = NULL;
  const char *name;

  if (person_id == NULL)
    return;
  person = kw_store_lookup (store, "person", person_id, NULL);
  if (person != NULL && (name = kw_record_get_string (person, "name")) != NULL
      && g_utf8_strlen (name, -1) > 1)
    g_hash_table_add (names, g_strdup (name));
}

static void
add_names_by_ref (KwStore    *store,
                  GHashTable *names,
                  const char *type_name,
                  const char *meeting_id,
                  const char *field)
{
  g_autoptr(GPtrArray) records = kw_store_list_by_ref (store, type_name, "meeting", meeting_id, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    add_name (store, names, kw_record_get_string (records->pdata[i], field));
}

/* The names of everyone the meeting names somewhere. */
static GHashTable *
meeting_names (KwStore  *store,
               KwRecord *meeting)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *id = kw_record_get_id (meeting);

  add_name (store, names, kw_record_get_string (meeting, "chair"));
  add_name (store, names, kw_record_get_string (meeting, "minute_taker"));
  add_names_by_ref (store, names, "attendance", id, "person");
  add_names_by_ref (store, names, "agenda_item", id, "presenter");
  add_names_by_ref (store, names, "action_item", id, "owner");
  return names;
}

/* @text with @word replaced as a whole word (case-insensitively unless
 * @exact_case). */
static char *
replace_word (char       *text,
              const char *word,
              gboolean    exact_case)
{
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("(?<!\\w)%s(?!\\w)", escaped);
  g_autoptr(GRegex) regex = g_regex_new (pattern, exact_case ? 0 : G_REGEX_CASELESS, 0, NULL);
  char *replaced;

  if (regex == NULL
      || (replaced = g_regex_replace_literal (regex, text, -1, 0, LEFT_OUT, 0, NULL)) == NULL)
    return text;
  g_free (text);
  return replaced;
}

/* @text without the full names, as whole words, case-insensitively;
 * with @parts also without each capitalised word of three letters or
 * more of a name ("Fatima" of "Fatima el Amrani"), as written. */
static char *
without_names (const char *text,
               GHashTable *names,
               gboolean    parts)
{
  char *result = g_strdup (text);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_autofree char *folded_name = g_utf8_casefold (name, -1);

      /* most names are not in the text: no pattern for them (casefolding
       * keeps every match of the caseless pattern a match of the folded text) */
      if (strstr (folded, folded_name) != NULL)
        result = replace_word (result, name, FALSE);
    }
  if (!parts)
    return result;
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_auto(GStrv) words = g_regex_split_simple ("[\\s,]+", name, 0, 0);

      for (guint i = 0; words[i] != NULL; i++)
        if (g_utf8_strlen (words[i], -1) >= 3 && g_unichar_isupper (g_utf8_get_char (words[i]))
            && strstr (result, words[i]) != NULL)
          result = replace_word (result, words[i], TRUE);
    }
  return result;
}

/* Local time in the calendar's zone, with its TZID. */
static void
add_local_time (icalcomponent *event,
                icalproperty  *(*new_property) (struct icaltimetype),
                gint64         unix_time,
                icaltimezone  *zone)
{
  struct icaltimetype t = icaltime_from_timet_with_zone ((time_t) unix_time, 0, zone);
  icalproperty *p;

  /* the wall time of the zone, written with the zone's TZID (not UTC) */
  t.zone = NULL;
  p = new_property (t);

  icalproperty_add_parameter (p, icalparameter_new_tzid (KW_ICAL_ZONE));
  icalcomponent_add_property (event, p);
}

static gboolean
is_uri (const char *text)
{
  const char *colon = strchr (text, ':');

  if (colon == NULL || colon == text || !g_ascii_isalpha (text[0]))
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if ((guchar) *c <= ' ' || (guchar) *c >= 0x7f || *c == '"' || *c == '<' || *c == '>')
      return FALSE;
  return TRUE;
}

static icalproperty_status
status_of (KwRecord *meeting)
{
  const char *status = kw_record_get_string (meeting, "status");

  if (g_strcmp0 (status, "cancelled") == 0)
    return ICAL_STATUS_CANCELLED;
  if (status != NULL)
    return ICAL_STATUS_CONFIRMED;
  return ICAL_STATUS_TENTATIVE;
}

static char *
location_of (KwStore    *store,
             KwRecord   *meeting,
             GHashTable *names)
{
  const char *venue_id = kw_record_get_string (meeting, "venue");
  g_autoptr(KwRecord) venue = NULL;
  g_autoptr(GString) s = NULL;
  const char *address;

  if (venue_id == NULL || (venue = kw_store_get (store, "venue", venue_id, NULL)) == NULL)
    return NULL;
  s = g_string_new (kw_record_get_string (venue, "name"));
  if ((address = kw_record_get_string (venue, "address")) != NULL && *address != '\0')
    g_string_append_printf (s, s->len > 0 ? ", %s" : "%s", address);
  return without_names (s->str, names, FALSE);
}

/* The last time any field of the meeting was written (its stamps), or 0. */
static gint64
last_modified_ms (KwRecord *meeting)
{
  const KwEntityType *type = kw_record_get_entity_type (meeting);
  gint64 last = 0;

  for (guint i = 0; i < type->n_fields; i++)
    {
      const char *stamp = kw_record_get_stamp_at (meeting, i);

      if (stamp != NULL)
        last = MAX (last, kw_hlc_get_ms (stamp));
    }
  return last;
}

static icalcomponent *
new_event (KwStore      *store,
           KwRecord     *meeting,
           icaltimezone *zone,
           struct icaltimetype stamp)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autoptr(GHashTable) names = meeting_names (store, meeting);
  g_autofree char *uid = g_strdup_printf ("%s@kwartier", kw_record_get_id (meeting));
  g_autofree char *summary = without_names (kw_record_get_string (meeting, "title"), names, TRUE);
  g_autofree char *location = location_of (store, meeting, names);
  const char *link = kw_record_get_string (meeting, "online_link");
  gint64 starts = 0, ends = 0, modified_ms;

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  if ((modified_ms = last_modified_ms (meeting)) > 0)
    icalcomponent_add_property (event, icalproperty_new_lastmodified (
      icaltime_from_timet_with_zone ((time_t) (modified_ms / 1000), 0, icaltimezone_get_utc_timezone ())));
  if (parse_utc (kw_record_get_string (meeting, "starts_at"), &starts))
    add_local_time (event, icalproperty_new_dtstart, starts, zone);
  if (parse_utc (kw_record_get_string (meeting, "ends_at"), &ends) && ends >= starts)
    add_local_time (event, icalproperty_new_dtend, ends, zone);
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (location != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (location));
  if (link != NULL && *link != '\0')
    {
      g_autofree char *description = g_strdup_printf (_("Online: %s"), link);

      icalcomponent_add_property (event, icalproperty_new_description (description));
      if (is_uri (link))
        icalcomponent_add_property (event, icalproperty_new_url (link));
    }
  icalcomponent_add_property (event, icalproperty_new_status (status_of (meeting)));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
  return event;
}

/* libical's Europe/Amsterdam from the first of January of @first_start's year. */
static icalcomponent *
new_vtimezone (icaltimezone *zone,
               gint64        first_start)
{
  icalcomponent *vtz = icalcomponent_new_clone (icaltimezone_get_component (zone));
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (first_start);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) new_year = NULL;

  if (first != NULL
      && (new_year = g_date_time_new (utc, g_date_time_get_year (first), 1, 1, 0, 0, 0)) != NULL)
    {
      struct icaltimetype from = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (new_year),
                                                                0, icaltimezone_get_utc_timezone ());

      icaltimezone_truncate_vtimezone (vtz, from, icaltime_null_time (), 0);
    }
  icalproperty_set_tzid (icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY), KW_ICAL_ZONE);
  return vtz;
}

char *
kw_ical_build (KwStore      *store,
               const char   *meeting_id,
               guint        *n_events,
               GError      **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  icaltimezone *zone;
  icalcomponent *calendar;
  struct icaltimetype stamp;
  gint64 first_start = 0;
  char *text;
  char *result;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  if ((meetings = collect_meetings (store, meeting_id, error)) == NULL)
    return NULL;
  if ((zone = icaltimezone_get_builtin_timezone (KW_ICAL_ZONE)) == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO,
                   _("libical has no time zone %s"), KW_ICAL_ZONE);
      return NULL;
    }
  stamp = icaltime_from_timet_with_zone ((time_t) (g_get_real_time () / G_USEC_PER_SEC), 0,
                                         icaltimezone_get_utc_timezone ());

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid (KW_ICAL_PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  if (meetings->len > 0)
    parse_utc (kw_record_get_string (meetings->pdata[0], "starts_at"), &first_start);
  icalcomponent_add_component (calendar, new_vtimezone (zone, meetings->len > 0 ? first_start : 0));
  for (guint i = 0; i < meetings->len; i++)
    icalcomponent_add_component (calendar, new_event (store, meetings->pdata[i], zone, stamp));

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  result = g_strdup (text);
  free (text);
  if (n_events != NULL)
    *n_events = meetings->len;
  return result;
}

gboolean
kw_ical_write (KwStore      *store,
               const char   *meeting_id,
               const char   *path,
               guint        *n_events,
               GError      **error)
{
  g_autofree char *text = NULL;
  g_autofree char *tmp_path = NULL;
  gsize length, done = 0;
  int fd;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((text = kw_ical_build (store, meeting_id, n_events, error)) == NULL)
    return FALSE;
  if ((fd = kw_temp_file_open (path, &tmp_path, error)) < 0)
    return FALSE;
  length = strlen (text);
  while (done < length)
    {
      gssize n = write (fd, text + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        break;
      done += (gsize) n;
    }
  {
    gboolean ok = done == length && fsync (fd) == 0;
    int saved = errno;

    if (close (fd) != 0 && ok)
      {
        ok = FALSE;
        saved = errno;
      }
    if (ok && g_rename (tmp_path, path) != 0)
      {
        ok = FALSE;
        saved = errno;
      }
    if (!ok)
      {
        g_unlink (tmp_path);
        g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("%s: %s"), path, g_strerror (saved));
        return FALSE;
      }
  }
  return TRUE;
}
