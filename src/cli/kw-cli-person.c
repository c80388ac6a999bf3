/* kw-cli-person.c: `forget person ID` and `merge person KEEP OTHER`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "kw-cli.h"
#include "kw-cli-person.h"
#include "kw-error.h"
#include "kw-person-ops.h"

static int
fail (const GError *error)
{
  g_printerr ("kwartier-cli: %s\n", error->message);
  if (g_error_matches (error, KW_CORE_ERROR, KW_CORE_ERROR_BUSY))
    return KW_CLI_EXIT_BUSY;
  return KW_CLI_EXIT_REFUSED;
}

int
kw_cli_person_forget (KwStore            *store,
                      const char * const *ids)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), KW_CLI_EXIT_USAGE);
  g_return_val_if_fail (ids != NULL && ids[0] != NULL, KW_CLI_EXIT_USAGE);

  report = kw_person_forget (store, ids[0], &error);
  if (report == NULL)
    return fail (error);
  /* UTF-8 bytes, whatever the locale's charset */
  fputs (report, stdout);
  fputc ('\n', stdout);
  return KW_CLI_EXIT_OK;
}

int
kw_cli_person_merge (KwStore            *store,
                     const char * const *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwRecord) keep = NULL;
  g_autoptr(KwRecord) other = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), KW_CLI_EXIT_USAGE);
  g_return_val_if_fail (ids != NULL && ids[0] != NULL && ids[1] != NULL, KW_CLI_EXIT_USAGE);

  if (strcmp (ids[0], ids[1]) == 0)
    {
      g_printerr ("kwartier-cli: %s\n", _("KEEP and OTHER are the same person"));
      return KW_CLI_EXIT_REFUSED;
    }
  /* both must be live people before anything is moved */
  if ((keep = kw_store_get (store, "person", ids[0], &error)) == NULL
      || (other = kw_store_get (store, "person", ids[1], &error)) == NULL
      || !kw_person_merge (store, ids[0], ids[1], NULL, &error))
    return fail (error);
  return KW_CLI_EXIT_OK;
}
