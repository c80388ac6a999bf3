/* kw-cli.h: kwartier-cli as a library function (spec/cli.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KW_CLI_EXIT_OK      = 0, /* done */
  KW_CLI_EXIT_REFUSED = 1, /* bad input or a refused operation: nothing changed */
  KW_CLI_EXIT_USAGE   = 2, /* wrong command line */
  KW_CLI_EXIT_BUSY    = 4, /* another writer held the database longer than the wait: try again */
} KwCliExit;

/* Runs one command line (argv[0] is the program) and returns the exit
 * status. Data goes to stdout, messages to stderr. The caller sets up the
 * locale and the text domain. */
int kw_cli_main (int    argc,
                 char **argv);

G_END_DECLS
