/* kw-cli-report.h: `kwartier-cli report …` (spec/cli.md, spec/analysis.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * report missing ALLIANCE_ID, report budget [--alliance ID | --area ID],
 * report absent UNIT_ID [--stale-months N], report load [--weeks N]
 * [--threshold N], each with --today YYYY-MM-DD: the computations of
 * kw-analysis.h as one JSON document on stdout.
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

/* Every option of report takes a value: --alliance, --area,
 * --stale-months, --threshold, --today, --weeks. */

/* Whether the arguments (the report's name and its ids) and the options
 * (name → value, as the parser took them) make a report; if not, says
 * why with the usage on stderr. Before the store is opened. */
gboolean kw_cli_report_check (guint               n_args,
                              const char * const *args,
                              GHashTable         *options);
/* Runs the report: argv[0] is "report", then the options (with their
 * values), then the arguments. The exit status of spec/cli.md. */
int      kw_cli_report       (KwStore  *store,
                              int       argc,
                              char    **argv);

/* map [--area ID | --alliance ID | --map ID] -o FILE.svg|FILE.png:
 * whether the options make a picture (says why not, with the usage),
 * before the store is opened; then draws it (kw-map-render.h). */
gboolean kw_cli_map_check    (GHashTable         *options);
int      kw_cli_map          (KwStore  *store,
                              int       argc,
                              char    **argv);

G_END_DECLS
