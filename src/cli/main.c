/* main.c: the kwartier-cli executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kw-cli.h"

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("KW_LOCALEDIR");  /* uninstalled: build/po (docs/building.md) */

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("kwartier-cli");

  return kw_cli_main (argc, argv);
}
