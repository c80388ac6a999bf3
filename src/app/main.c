/* main.c: the Kwartier application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kw-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KwApplication) app = NULL;

  kw_application_setup_locale ();
  gtk_disable_setlocale ();  /* GTK would undo the choice of a language */

  app = kw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
