/* kw-cli-people.h: import-people and export-people (spec/cli.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like kw-cli-sync.h: each takes an open store and the command's own
 * arguments (argv[0] is the command name) and returns the exit status.
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

int      kw_cli_people_import      (KwStore     *store,
                                    int          argc,
                                    char       **argv);
int      kw_cli_people_export      (KwStore     *store,
                                    int          argc,
                                    char       **argv);
/* For `import FILE`: when FILE is a vCard or CSV file, says so on stderr
 * ("… is a contact file (vCard), not a Kwartier export: use kwartier-cli
 * import-people") and returns TRUE. */
gboolean kw_cli_people_refuse_contact_file (const char *path);

G_END_DECLS
