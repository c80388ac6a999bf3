/* kw-cli-finalise.c: `kwartier-cli finalise` and `reopen`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finalising and reopening a meeting's minutes go only through the core
 * (kw_meetings_finalise / kw_meetings_reopen): `put meeting ID
 * finalised_at=…` is refused by the store, so these two are the only
 * way on the command line.
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-cli.h"
#include "kw-cli-finalise.h"
#include "kw-cli-json.h"
#include "kw-error.h"
#include "kw-meetings.h"

/* The last argument (the meeting id) in lower case, or NULL. */
static char *
dup_meeting_id (int      argc,
                char   **argv,
                GError **error)
{
  const char *given = argv[argc - 1];

  if (!g_utf8_validate (given, -1, NULL))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND, _("the id is not valid UTF-8"));
      return NULL;
    }
  return g_ascii_strdown (given, -1);
}

int
kw_cli_finalise (KwStore  *store,
                 int       argc,
                 char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), KW_CLI_EXIT_USAGE);
  g_return_val_if_fail (argc == 2 && argv != NULL, KW_CLI_EXIT_USAGE);

  if ((id = dup_meeting_id (argc, argv, &error)) == NULL
      || !kw_meetings_finalise (store, id, &error))
    return kw_cli_refuse (error);
  return KW_CLI_EXIT_OK;
}

int
kw_cli_reopen (KwStore  *store,
               int       argc,
               char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *reason = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), KW_CLI_EXIT_USAGE);
  g_return_val_if_fail (argc >= 2 && argv != NULL, KW_CLI_EXIT_USAGE);

  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--reason"))
      reason = argv[i + 1];
  if (reason != NULL && !g_utf8_validate (reason, -1, NULL))
    reason = "";
  if ((id = dup_meeting_id (argc, argv, &error)) == NULL
      || !kw_meetings_reopen (store, id, reason, &error))
    return kw_cli_refuse (error);
  return KW_CLI_EXIT_OK;
}
