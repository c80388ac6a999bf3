/* kw-cli-meetings.h: `kwartier-cli actions`, `plan-next` and `ical` (spec/cli.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * actions [--alliance ID | --unit ID | --meeting ID] [--all] [--today D]:
 * the running action list of spec/analysis.md as one JSON document;
 * plan-next MEETING_ID: the next meeting of its context, its id on
 * stdout; ical (--meeting ID | --all) -o FILE: iCalendar (kw-ical.h).
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

/* Whether the options (name → value, as the parser took them) make a
 * command line of actions / ical; if not, says why with the usage on
 * stderr. Before the store is opened. */
gboolean kw_cli_meetings_actions_check (GHashTable *options);
gboolean kw_cli_meetings_ical_check    (GHashTable *options);

/* argv[0] is the command, then the options (with their values), then the
 * arguments, as kw-cli.c hands them on. The exit status of spec/cli.md. */
int      kw_cli_meetings_actions       (KwStore  *store,
                                        int       argc,
                                        char    **argv);
int      kw_cli_meetings_plan_next     (KwStore  *store,
                                        int       argc,
                                        char    **argv);
int      kw_cli_meetings_ical          (KwStore  *store,
                                        int       argc,
                                        char    **argv);

G_END_DECLS
