/* kw-cli-sync.h: the sync commands of kwartier-cli (spec/cli.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each takes an open store and the command's own arguments (argv[0] is
 * the command name) and returns the exit status: 0 done, 1 refused
 * (nothing changed), 2 usage. Data goes to stdout, messages to stderr.
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

int kw_cli_sync_export    (KwStore  *store,
                           int       argc,
                           char    **argv);
int kw_cli_sync_import    (KwStore  *store,
                           int       argc,
                           char    **argv);
int kw_cli_sync_conflicts (KwStore  *store,
                           int       argc,
                           char    **argv);
int kw_cli_sync_sync      (KwStore  *store,
                           int       argc,
                           char    **argv);
/* A put wrote these fields: the conflicts kept for them are picked
 * (spec: "picking is an ordinary new write"), so no longer listed. */
gboolean kw_cli_sync_resolve_written (KwStore             *store,
                                      const char          *type_name,
                                      const char          *id,
                                      const char * const  *fields,
                                      GError             **error);

G_END_DECLS
