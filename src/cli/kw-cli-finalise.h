/* kw-cli-finalise.h: `kwartier-cli finalise` and `reopen` (docs/cli.md, extensions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * finalise MEETING_ID: kw_meetings_finalise; reopen MEETING_ID --reason
 * TEXT: kw_meetings_reopen. Nothing on stdout; exit status 1 with the
 * core's message when refused.
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

/* argv[0] is the command, then the options (with their values), then the
 * arguments, as kw-cli.c hands them on. */
int      kw_cli_finalise               (KwStore  *store,
                                        int       argc,
                                        char    **argv);
int      kw_cli_reopen                 (KwStore  *store,
                                        int       argc,
                                        char    **argv);

G_END_DECLS
