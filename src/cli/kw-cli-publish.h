/* kw-cli-publish.h: `kwartier-cli minutes` and `print` (spec/cli.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * minutes MEETING_ID [--public] [--format md|html|pdf] -o FILE: the
 * minutes (kw-publish-minutes.h); with --public the redaction list is
 * written beside FILE as FILE.redactions.txt. print (agenda | signin)
 * MEETING_ID -o FILE.pdf: the printable agenda or sign-in sheet
 * (kw-meeting-doc.h). docs/cli.md and docs/publication.md.
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

/* Whether the command line makes sense; if not, says why with the usage
 * on stderr. Before the store is opened. */
gboolean kw_cli_publish_minutes_check (GHashTable          *options);
gboolean kw_cli_publish_print_check   (guint                n_args,
                                       const char * const  *args,
                                       GHashTable          *options);

/* argv[0] is the command, then the options (with their values), then the
 * arguments, as kw-cli.c hands them on. The exit status of spec/cli.md. */
int      kw_cli_publish_minutes       (KwStore  *store,
                                       int       argc,
                                       char    **argv);
int      kw_cli_publish_print         (KwStore  *store,
                                       int       argc,
                                       char    **argv);

G_END_DECLS
