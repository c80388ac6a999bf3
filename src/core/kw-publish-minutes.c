/* kw-publish-minutes.c: a meeting's minutes as they are written out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw-publish-minutes.h says what they hold. Everyone the minutes can
 * name (the meeting's people and the owners of the running actions) is
 * given to the publisher first, so that each free text is redacted
 * against all of them. Markdown and HTML here; the PDF is drawn by
 * kw-meeting-doc.c from the same KwMinutes.
 */
#define G_LOG_DOMAIN "kw-publish"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "kw-collate.h"
#include "kw-error.h"
#include "kw-meeting-doc.h"
#include "kw-meetings.h"
#include "kw-publish-minutes.h"

#define ZONE "Europe/Amsterdam"

static void
item_free (KwMinutesItem *item)
{
  g_free (item->title);
  g_free (item->presenter);
  g_free (item->kind);
  g_free (item->notes);
  g_free (item->decision);
  g_free (item);
}

static void
action_free (KwMinutesAction *action)
{
  g_free (action->title);
  g_free (action->who);
  g_free (action->deadline);
  g_free (action->info);
  g_free (action);
}

void
kw_minutes_free (KwMinutes *m)
{
  if (m == NULL)
    return;
  g_free (m->title);
  g_free (m->kind);
  g_free (m->date);
  g_free (m->time);
  g_free (m->venue);
  g_free (m->online_link);
  g_free (m->chair);
  g_free (m->minute_taker);
  g_free (m->minutes);
  for (guint g = 0; g < KW_MINUTES_N_GROUPS; g++)
    g_clear_pointer (&m->people[g], g_ptr_array_unref);
  g_clear_pointer (&m->items, g_ptr_array_unref);
  g_clear_pointer (&m->actions, g_ptr_array_unref);
  g_clear_pointer (&m->next_time, g_ptr_array_unref);
  g_clear_pointer (&m->publisher, kw_publisher_free);
  g_free (m);
}

const char *
kw_minutes_presence_label (KwMinutesPresence group)
{
  switch (group)
    {
    case KW_MINUTES_PRESENT:
      return _("Present");
    case KW_MINUTES_ABSENT_NOTIFIED:
      return _("Absent, with notice");
    case KW_MINUTES_ABSENT:
      return _("Absent");
    case KW_MINUTES_INVITED:
    case KW_MINUTES_N_GROUPS:
    default:
      return _("Invited");
    }
}

char *
kw_minutes_dup_others (KwMinutes      *m,
                       KwMinutesPresence  group)
{
  guint n;

  g_return_val_if_fail (m != NULL && group < KW_MINUTES_N_GROUPS, NULL);

  if ((n = m->hidden[group]) == 0)
    return NULL;
  /* Translators: after the names of a published attendance list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u other", "and %u others", n), n);
}

/* Helpers */

static char *
redact (KwMinutes  *m,
        const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    return NULL;
  return kw_publisher_redact (m->publisher, stripped);
}

static char *
dup_label (KwStore    *store,
           const char *type_name,
           const char *field,
           const char *value)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  const KwField *f = kw_entity_type_field (type, field);
  const char *label = value != NULL ? kw_field_get_value_label (f, value) : NULL;

  return g_strdup (label);
}

static GDateTime *
local_time (const char *utc)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) at = utc != NULL ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;

  if (at == NULL)
    return NULL;
  return g_date_time_to_timezone (at, zone != NULL ? zone : g_time_zone_new_utc ());
}

/* A deadline as the minutes show it, "20 december 2026" (kw_format_date_long's format). */
static char *
dup_deadline (const char *iso_date)
{
  g_autofree char *noon = iso_date != NULL ? g_strdup_printf ("%.10sT12:00:00Z", iso_date) : NULL;
  g_autoptr(GDateTime) day = noon != NULL ? g_date_time_new_from_iso8601 (noon, NULL) : NULL;

  return day != NULL ? g_date_time_format (day, C_("date format", "%-d %B %Y")) : g_strdup (iso_date);
}

static void
fill_when (KwMinutes *m,
           KwRecord  *meeting)
{
  g_autoptr(GDateTime) start = local_time (kw_record_get_string (meeting, "starts_at"));
  g_autoptr(GDateTime) end = local_time (kw_record_get_string (meeting, "ends_at"));
  g_autofree char *from = NULL;

  m->length = -1;
  if (start == NULL)
    return;
  /* Translators: the date of a meeting in its minutes (g_date_time_format) */
  m->date = g_date_time_format (start, _("%A %-d %B %Y"));
  from = g_date_time_format (start, "%H:%M");
  if (end != NULL && g_date_time_compare (end, start) >= 0)
    {
      g_autofree char *to = g_date_time_format (end, "%H:%M");

      m->time = g_strdup_printf ("%s–%s", from, to);
      m->length = g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE;
    }
  else
    m->time = g_steal_pointer (&from);
}

static void
fill_venue (KwMinutes *m,
            KwStore   *store,
            KwRecord  *meeting)
{
  g_autoptr(KwRecord) venue = NULL;
  const char *id = kw_record_get_string (meeting, "venue");
  const char *name, *address;
  g_autofree char *text = NULL;

  if (id == NULL || (venue = kw_store_get (store, "venue", id, NULL)) == NULL)
    return;
  name = kw_record_get_string (venue, "name");
  address = kw_record_get_string (venue, "address");
  if (address != NULL && *address != '\0')
    text = g_strdup_printf ("%s, %s", name != NULL ? name : "", address);
  else
    text = g_strdup (name);
  m->venue = redact (m, text);
}

static char *
dup_name (KwMinutes  *m,
          const char *person_id)
{
  return g_strdup (kw_publisher_name (m->publisher, person_id));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = kw_collate_fold (*(const char * const *) a);
  g_autofree char *y = kw_collate_fold (*(const char * const *) b);

  return strcmp (x, y);
}

static void
fill_people (KwMinutes  *m,
             KwStore    *store,
             const char *meeting_id)
{
  g_autoptr(GPtrArray) rows = kw_store_list_by_ref (store, "attendance", "meeting", meeting_id, NULL);

  for (guint g = 0; g < KW_MINUTES_N_GROUPS; g++)
    m->people[g] = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const char *person = kw_record_get_string (rows->pdata[i], "person");
      const char *status = kw_record_get_string (rows->pdata[i], "status");
      KwMinutesPresence g = KW_MINUTES_INVITED;
      const char *name;

      if (g_strcmp0 (status, "present") == 0 || g_strcmp0 (status, "late") == 0)
        g = KW_MINUTES_PRESENT;
      else if (g_strcmp0 (status, "absent_notified") == 0)
        g = KW_MINUTES_ABSENT_NOTIFIED;
      else if (g_strcmp0 (status, "absent") == 0)
        g = KW_MINUTES_ABSENT;
      if (!kw_publisher_is_listed (m->publisher, person) || (name = kw_publisher_name (m->publisher, person)) == NULL)
        {
          m->hidden[g]++;
          continue;
        }
      if (g_strcmp0 (status, "late") == 0)
        /* Translators: someone who came late, in the attendance list */
        g_ptr_array_add (m->people[g], g_strdup_printf (_("%s (late)"), name));
      else
        g_ptr_array_add (m->people[g], g_strdup (name));
    }
  for (guint g = 0; g < KW_MINUTES_N_GROUPS; g++)
    g_ptr_array_sort (m->people[g], compare_names);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  KwRecord *x = *(KwRecord * const *) a, *y = *(KwRecord * const *) b;
  int c = g_strcmp0 (kw_record_get_string (x, "position"), kw_record_get_string (y, "position"));

  return c != 0 ? c : strcmp (kw_record_get_id (x), kw_record_get_id (y));
}

static void
fill_items (KwMinutes  *m,
            KwStore    *store,
            const char *meeting_id)
{
  g_autoptr(GPtrArray) rows = kw_store_list_by_ref (store, "agenda_item", "meeting", meeting_id, NULL);

  m->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  m->next_time = g_ptr_array_new_with_free_func (g_free);
  if (rows == NULL)
    return;
  g_ptr_array_sort (rows, compare_positions);
  for (guint i = 0; i < rows->len; i++)
    {
      KwRecord *r = rows->pdata[i];
      KwMinutesItem *item = g_new0 (KwMinutesItem, 1);

      item->title = redact (m, kw_record_get_string (r, "title"));
      if (item->title == NULL)
        item->title = g_strdup ("");
      item->presenter = dup_name (m, kw_record_get_string (r, "presenter"));
      item->minutes_planned = kw_record_is_null (r, "minutes_planned") ? -1 : kw_record_get_int (r, "minutes_planned");
      if (item->minutes_planned > 0)
        m->planned_total += item->minutes_planned;
      item->kind = dup_label (store, "agenda_item", "kind", kw_record_get_string (r, "kind"));
      item->notes = redact (m, kw_record_get_string (r, "notes"));
      item->decision = redact (m, kw_record_get_string (r, "decision"));
      if (kw_record_get_bool (r, "next_time"))
        g_ptr_array_add (m->next_time, g_strdup (item->title));
      g_ptr_array_add (m->items, item);
    }
}

static void
fill_actions (KwMinutes *m,
              KwStore   *store,
              GPtrArray *found)
{
  m->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) action_free);
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      KwMeetingAction *a = g_ptr_array_index (found, i);
      g_autoptr(KwRecord) record = kw_store_get (store, "action_item", a->action_item, NULL);
      KwMinutesAction *action = g_new0 (KwMinutesAction, 1);

      action->title = redact (m, a->title);
      if (action->title == NULL)
        action->title = g_strdup ("");
      action->who = dup_name (m, a->owner);
      action->deadline = dup_deadline (a->deadline);
      action->info = record != NULL ? redact (m, kw_record_get_string (record, "info")) : NULL;
      action->overdue = a->overdue;
      g_ptr_array_add (m->actions, action);
    }
}

KwMinutes *
kw_minutes_new (KwStore     *store,
                const char  *meeting_id,
                gboolean     public_rules,
                GError     **error)
{
  g_autoptr(KwRecord) meeting = NULL;
  g_autoptr(KwMinutes) m = NULL;
  g_autoptr(GPtrArray) actions = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  if ((meeting = kw_store_get (store, "meeting", meeting_id, error)) == NULL)
    return NULL;
  if ((actions = kw_meetings_actions (store, NULL, NULL, meeting_id, FALSE, NULL, error)) == NULL)
    return NULL;
  m = g_new0 (KwMinutes, 1);
  m->public_rules = public_rules;
  if ((m->publisher = kw_publisher_new_for_meeting (store, meeting_id, public_rules, error)) == NULL)
    return NULL;
  for (guint i = 0; i < actions->len; i++)
    kw_publisher_add_from_store (m->publisher, store,
                                 ((KwMeetingAction *) actions->pdata[i])->owner, FALSE);

  m->title = redact (m, kw_record_get_string (meeting, "title"));
  m->kind = dup_label (store, "meeting", "kind", kw_record_get_string (meeting, "kind"));
  fill_when (m, meeting);
  fill_venue (m, store, meeting);
  if (!public_rules)
    m->online_link = g_strdup (kw_record_get_string (meeting, "online_link"));
  m->chair = dup_name (m, kw_record_get_string (meeting, "chair"));
  m->minute_taker = dup_name (m, kw_record_get_string (meeting, "minute_taker"));
  m->minutes = redact (m, kw_record_get_string (meeting, "minutes"));
  fill_people (m, store, meeting_id);
  fill_items (m, store, meeting_id);
  fill_actions (m, store, actions);
  return g_steal_pointer (&m);
}

/* Markdown */

/* One line of a table cell: no line breaks, no bars. */
static void
append_cell (GString    *out,
             const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r')
      g_string_append_c (out, ' ');
    else if (*p == '|')
      g_string_append (out, "\\|");
    else
      g_string_append_c (out, *p);
}

static void
append_field_md (GString    *out,
                 const char *label,
                 const char *value)
{
  if (value != NULL)
    g_string_append_printf (out, "**%s:** %s  \n", label, value);
}

static char *
dup_when (KwMinutes *m)
{
  if (m->date == NULL)
    return NULL;
  return m->time != NULL ? g_strdup_printf ("%s, %s", m->date, m->time) : g_strdup (m->date);
}

/* The names of a group with "and 2 others", or NULL when nobody. */
static char *
dup_group (KwMinutes      *m,
           KwMinutesPresence  g)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *others = kw_minutes_dup_others (m, g);

  for (guint i = 0; i < m->people[g]->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", (char *) m->people[g]->pdata[i]);
  if (others != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", others);
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static char *
dup_item_line (KwMinutesItem *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (item->presenter != NULL)
    g_ptr_array_add (parts, g_strdup (item->presenter));
  if (item->minutes_planned >= 0)
    /* Translators: planned minutes of an agenda item */
    g_ptr_array_add (parts, g_strdup_printf (_("%d min"), (int) item->minutes_planned));
  if (item->kind != NULL)
    g_ptr_array_add (parts, g_strdup (item->kind));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

char *
kw_minutes_to_markdown (KwMinutes *m)
{
  GString *out = g_string_new (NULL);
  g_autofree char *when = NULL;

  g_return_val_if_fail (m != NULL, NULL);

  when = dup_when (m);
  g_string_append_printf (out, "# %s\n\n", m->title != NULL ? m->title : "");
  append_field_md (out, _("Kind"), m->kind);
  append_field_md (out, _("Date"), when);
  append_field_md (out, _("Venue"), m->venue);
  append_field_md (out, _("Online link"), m->online_link);
  append_field_md (out, _("Chair"), m->chair);
  append_field_md (out, _("Minute taker"), m->minute_taker);
  g_string_append_printf (out, "\n## %s\n\n", _("Attendance"));
  for (guint g = 0; g < KW_MINUTES_N_GROUPS; g++)
    {
      g_autofree char *names = dup_group (m, g);

      append_field_md (out, kw_minutes_presence_label (g), names);
    }
  if (m->minutes != NULL)
    g_string_append_printf (out, "\n## %s\n\n%s\n", _("Minutes"), m->minutes);
  g_string_append_printf (out, "\n## %s\n", _("Agenda"));
  for (guint i = 0; i < m->items->len; i++)
    {
      KwMinutesItem *item = m->items->pdata[i];
      g_autofree char *line = dup_item_line (item);

      g_string_append_printf (out, "\n### %u. %s\n\n", i + 1, item->title);
      if (line != NULL)
        g_string_append_printf (out, "*%s*\n\n", line);
      if (item->notes != NULL)
        g_string_append_printf (out, "%s\n\n", item->notes);
      if (item->decision != NULL)
        g_string_append_printf (out, "**%s:** %s\n\n", _("Decision"), item->decision);
    }
  g_string_append_printf (out, "\n## %s\n\n", _("Running Actions"));
  if (m->actions->len == 0)
    g_string_append_printf (out, "%s\n", _("No open actions."));
  else
    g_string_append_printf (out, "| %s | %s | %s | %s |\n|---|---|---|---|\n",
                            _("Action"), _("Who"), _("Deadline"), _("Information"));
  for (guint i = 0; i < m->actions->len; i++)
    {
      KwMinutesAction *a = m->actions->pdata[i];

      g_string_append (out, "| ");
      append_cell (out, a->title);
      g_string_append (out, " | ");
      append_cell (out, a->who);
      g_string_append (out, " | ");
      append_cell (out, a->deadline);
      if (a->overdue)
        g_string_append_printf (out, " (%s)", _("overdue"));
      g_string_append (out, " | ");
      append_cell (out, a->info);
      g_string_append (out, " |\n");
    }
  if (m->next_time->len > 0)
    {
      g_string_append_printf (out, "\n## %s\n\n", _("Next time on the agenda"));
      for (guint i = 0; i < m->next_time->len; i++)
        g_string_append_printf (out, "- %s\n", (char *) m->next_time->pdata[i]);
    }
  return g_string_free (out, FALSE);
}

/* HTML */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

/* Paragraphs at blank lines, <br> at single line breaks. */
static void
append_text_html (GString    *out,
                  const char *text)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);

      if (*g_strstrip (paragraphs[i]) == '\0')
        continue;
      g_string_append (out, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (out, "<br>\n");
          append_escaped (out, lines[j]);
        }
      g_string_append (out, "</p>\n");
    }
}

static void
append_field_html (GString    *out,
                   const char *label,
                   const char *value)
{
  if (value == NULL)
    return;
  g_string_append (out, "<dt>");
  append_escaped (out, label);
  g_string_append (out, "</dt><dd>");
  append_escaped (out, value);
  g_string_append (out, "</dd>\n");
}

static char *
dup_lang (void)
{
  const char *name = g_get_language_names ()[0];
  gsize n = strcspn (name, "_.@");

  if (n == 0 || g_str_equal (name, "C") || g_str_has_prefix (name, "C.") || g_str_equal (name, "POSIX"))
    return g_strdup ("en");
  return g_ascii_strdown (name, n);
}

static void
append_actions_html (GString   *out,
                     KwMinutes *m)
{
  g_string_append (out, "<h2>");
  append_escaped (out, _("Running Actions"));
  g_string_append (out, "</h2>\n");
  if (m->actions->len == 0)
    {
      g_string_append (out, "<p>");
      append_escaped (out, _("No open actions."));
      g_string_append (out, "</p>\n");
      return;
    }
  g_string_append (out, "<table>\n<tr>");
  for (const char * const *h = (const char * const[]) { N_("Action"), N_("Who"), N_("Deadline"), N_("Information"), NULL };
       *h != NULL; h++)
    {
      g_string_append (out, "<th>");
      append_escaped (out, _(*h));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr>\n");
  for (guint i = 0; i < m->actions->len; i++)
    {
      KwMinutesAction *a = m->actions->pdata[i];

      g_string_append (out, a->overdue ? "<tr class=\"overdue\"><td>" : "<tr><td>");
      append_escaped (out, a->title);
      g_string_append (out, "</td><td>");
      append_escaped (out, a->who);
      g_string_append (out, "</td><td>");
      append_escaped (out, a->deadline);
      if (a->overdue)
        g_string_append_printf (out, " (%s)", _("overdue"));
      g_string_append (out, "</td><td>");
      append_escaped (out, a->info);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</table>\n");
}

static void
append_items_html (GString   *out,
                   KwMinutes *m)
{
  g_string_append (out, "<h2>");
  append_escaped (out, _("Agenda"));
  g_string_append (out, "</h2>\n");
  for (guint i = 0; i < m->items->len; i++)
    {
      KwMinutesItem *item = m->items->pdata[i];
      g_autofree char *line = dup_item_line (item);

      g_string_append_printf (out, "<h3>%u. ", i + 1);
      append_escaped (out, item->title);
      g_string_append (out, "</h3>\n");
      if (line != NULL)
        {
          g_string_append (out, "<p class=\"item\"><em>");
          append_escaped (out, line);
          g_string_append (out, "</em></p>\n");
        }
      if (item->notes != NULL)
        append_text_html (out, item->notes);
      if (item->decision != NULL)
        {
          g_string_append (out, "<p class=\"decision\"><strong>");
          append_escaped (out, _("Decision"));
          g_string_append (out, ":</strong> ");
          append_escaped (out, item->decision);
          g_string_append (out, "</p>\n");
        }
    }
}

char *
kw_minutes_to_html (KwMinutes *m)
{
  GString *out = g_string_new (NULL);
  g_autofree char *lang = dup_lang ();
  g_autofree char *when = NULL;

  g_return_val_if_fail (m != NULL, NULL);

  when = dup_when (m);
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>", lang);
  append_escaped (out, m->title);
  g_string_append (out, "</title>\n<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;}"
                        "table{border-collapse:collapse;}td,th{border:1px solid #999;padding:.3em;text-align:left;}"
                        "dt{font-weight:bold;}</style>\n</head>\n<body>\n<h1>");
  append_escaped (out, m->title);
  g_string_append (out, "</h1>\n<dl>\n");
  append_field_html (out, _("Kind"), m->kind);
  append_field_html (out, _("Date"), when);
  append_field_html (out, _("Venue"), m->venue);
  append_field_html (out, _("Online link"), m->online_link);
  append_field_html (out, _("Chair"), m->chair);
  append_field_html (out, _("Minute taker"), m->minute_taker);
  g_string_append (out, "</dl>\n<h2>");
  append_escaped (out, _("Attendance"));
  g_string_append (out, "</h2>\n<dl>\n");
  for (guint g = 0; g < KW_MINUTES_N_GROUPS; g++)
    {
      g_autofree char *names = dup_group (m, g);

      append_field_html (out, kw_minutes_presence_label (g), names);
    }
  g_string_append (out, "</dl>\n");
  if (m->minutes != NULL)
    {
      g_string_append (out, "<h2>");
      append_escaped (out, _("Minutes"));
      g_string_append (out, "</h2>\n");
      append_text_html (out, m->minutes);
    }
  append_items_html (out, m);
  append_actions_html (out, m);
  if (m->next_time->len > 0)
    {
      g_string_append (out, "<h2>");
      append_escaped (out, _("Next time on the agenda"));
      g_string_append (out, "</h2>\n<ul>\n");
      for (guint i = 0; i < m->next_time->len; i++)
        {
          g_string_append (out, "<li>");
          append_escaped (out, m->next_time->pdata[i]);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

/* Files */

char *
kw_minutes_dup_redactions (KwMinutes *m)
{
  g_autofree char *list = NULL;

  g_return_val_if_fail (m != NULL, NULL);

  list = kw_publisher_format_redactions (m->publisher);
  /* Translators: the first line of the redaction list saved beside public minutes */
  return g_strdup_printf (_("Redactions in the public minutes of “%s” (for the organisers; not for publication)\n\n%s"),
                          m->title != NULL ? m->title : "", *list != '\0' ? list : _("Nothing was replaced.\n"));
}

char *
kw_minutes_redactions_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);
  return g_strconcat (path, ".redactions.txt", NULL);
}

static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        length,
            int          mode,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, mode, &local))
    return TRUE;
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, "%s", local->message);
  return FALSE;
}

gboolean
kw_minutes_write (KwMinutes        *m,
                  KwMinutesFormat   format,
                  const char       *path,
                  GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (m != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  switch (format)
    {
    case KW_MINUTES_FORMAT_MARKDOWN:
      text = kw_minutes_to_markdown (m);
      break;
    case KW_MINUTES_FORMAT_HTML:
      text = kw_minutes_to_html (m);
      break;
    case KW_MINUTES_FORMAT_PDF:
    default:
      break;
    }
  if (text != NULL ? !write_file (path, text, strlen (text), 0644, error)
                   : !kw_meeting_doc_write_minutes_pdf (m, path, error))
    return FALSE;
  if (m->public_rules)
    {
      g_autofree char *list = kw_minutes_dup_redactions (m);
      g_autofree char *beside = kw_minutes_redactions_path (path);

      return write_file (beside, list, strlen (list), 0600, error);
    }
  return TRUE;
}
