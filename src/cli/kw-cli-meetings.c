/* kw-cli-meetings.c: `kwartier-cli actions`, `plan-next` and `ical`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's answer (kw-meetings.h, kw-ical.h) on the command line.
 * actions prints one JSON document, the list in the core's order
 * (deadline, empty last, then title); ids are taken in lower case, as
 * references are.
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "kw-cli.h"
#include "kw-cli-json.h"
#include "kw-cli-meetings.h"
#include "kw-error.h"
#include "kw-ical.h"
#include "kw-meetings.h"


static const char actions_synopsis[] =
  N_("actions [--alliance ID | --unit ID | --meeting ID] [--all] [--today YYYY-MM-DD]");

static const char ical_synopsis[] = N_("ical (--meeting ID | --all) -o FILE");

/* the options without a value */
static const char * const flags[] = { "--all", NULL };

/* actions */

static gboolean
parse_actions (GHashTable  *options,
               GDate       *today)
{
  const char * const ids[] = { "--alliance", "--unit", "--meeting" };
  const char *given = NULL;
  const char *text;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (g_hash_table_contains (options, ids[i]))
      {
        if (given != NULL)
          return kw_cli_usage_error ("actions", actions_synopsis, _("give %s or %s, not both"), given, ids[i]);
        given = ids[i];
      }
  text = g_hash_table_lookup (options, "--today");
  if (text == NULL)
    g_date_clear (today, 1);
  else if (!kw_cli_parse_date (text, today))
    return kw_cli_usage_error ("actions", actions_synopsis, _("--today: “%s” is not a date (YYYY-MM-DD)"), text);
  return TRUE;
}

gboolean
kw_cli_meetings_actions_check (GHashTable *options)
{
  GDate today;

  g_return_val_if_fail (options != NULL, FALSE);

  return parse_actions (options, &today);
}

int
kw_cli_meetings_actions (KwStore  *store,
                         int       argc,
                         char    **argv)
{
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *alliance = NULL, *unit = NULL, *meeting = NULL;
  GDate today;

  g_return_val_if_fail (KW_IS_STORE (store), KW_CLI_EXIT_USAGE);
  g_return_val_if_fail (argc >= 1 && argv != NULL, KW_CLI_EXIT_USAGE);

  kw_cli_split_argv (argc, argv, flags, options, args);
  if (!parse_actions (options, &today))
    return KW_CLI_EXIT_USAGE;
  if ((alliance = kw_cli_dup_id (g_hash_table_lookup (options, "--alliance"), &error)) == NULL && error != NULL)
    return kw_cli_refuse (error);
  if ((unit = kw_cli_dup_id (g_hash_table_lookup (options, "--unit"), &error)) == NULL && error != NULL)
    return kw_cli_refuse (error);
  if ((meeting = kw_cli_dup_id (g_hash_table_lookup (options, "--meeting"), &error)) == NULL && error != NULL)
    return kw_cli_refuse (error);

  actions = kw_meetings_actions (store, alliance, unit, meeting,
                                 g_hash_table_contains (options, "--all"),
                                 g_date_valid (&today) ? &today : NULL, &error);
  if (actions == NULL)
    return kw_cli_refuse (error);

  json_builder_begin_array (b);
  for (guint i = 0; i < actions->len; i++)
    {
      KwMeetingAction *a = g_ptr_array_index (actions, i);

      json_builder_begin_object (b);
      kw_cli_add_member_string (b, "action_item", a->action_item);
      kw_cli_add_member_string (b, "title", a->title);
      kw_cli_add_member_string (b, "owner", a->owner);
      kw_cli_add_member_string (b, "deadline", a->deadline);
      kw_cli_add_member_string (b, "status", a->status);
      json_builder_set_member_name (b, "overdue");
      json_builder_add_boolean_value (b, a->overdue);
      kw_cli_add_member_string (b, "meeting", a->meeting);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  return kw_cli_print_json (b);
}

/* plan-next */

int
kw_cli_meetings_plan_next (KwStore  *store,
                           int       argc,
                           char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *new_id = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), KW_CLI_EXIT_USAGE);
  g_return_val_if_fail (argc == 2 && argv != NULL, KW_CLI_EXIT_USAGE);

  if ((id = kw_cli_dup_id (argv[1], &error)) == NULL
      || !kw_meetings_plan_next (store, id, &new_id, &error))
    return kw_cli_refuse (error);
  fputs (new_id, stdout);
  fputc ('\n', stdout);
  return KW_CLI_EXIT_OK;
}

/* ical */

gboolean
kw_cli_meetings_ical_check (GHashTable *options)
{
  gboolean one = g_hash_table_contains (options, "--meeting");
  gboolean all = g_hash_table_contains (options, "--all");

  g_return_val_if_fail (options != NULL, FALSE);

  if (one && all)
    return kw_cli_usage_error ("ical", ical_synopsis, _("give %s or %s, not both"), "--meeting", "--all");
  if (!one && !all)
    return kw_cli_usage_error ("ical", ical_synopsis, _("give --meeting ID or --all"));
  if (!g_hash_table_contains (options, "-o"))
    return kw_cli_usage_error ("ical", ical_synopsis, _("-o FILE is required"));
  return TRUE;
}

int
kw_cli_meetings_ical (KwStore  *store,
                      int       argc,
                      char    **argv)
{
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting = NULL;
  guint n_events = 0;

  g_return_val_if_fail (KW_IS_STORE (store), KW_CLI_EXIT_USAGE);
  g_return_val_if_fail (argc >= 1 && argv != NULL, KW_CLI_EXIT_USAGE);

  kw_cli_split_argv (argc, argv, flags, options, args);
  if (!kw_cli_meetings_ical_check (options))
    return KW_CLI_EXIT_USAGE;
  if ((meeting = kw_cli_dup_id (g_hash_table_lookup (options, "--meeting"), &error)) == NULL && error != NULL)
    return kw_cli_refuse (error);
  if (!kw_ical_write (store, meeting, g_hash_table_lookup (options, "-o"), &n_events, &error))
    return kw_cli_refuse (error);
  /* Translators: on stderr after ical -o FILE */
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u meeting written\n", "%u meetings written\n", n_events),
              n_events);
  return KW_CLI_EXIT_OK;
}
