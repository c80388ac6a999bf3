/* bench-empty-window.c: the floor for start to first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The smallest libadwaita application: an AdwApplicationWindow of the
 * size Kwartier opens at, with a header bar and nothing else. Prints
 * the time of its first frame (bench-first-frame.h) and quits.
 */
#include "config.h"

#include <adwaita.h>

#include "bench-first-frame.h"

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("nl.kwartier.BenchEmptyWindow", G_APPLICATION_DEFAULT_FLAGS);

  bench_report_first_frame (GTK_APPLICATION (app), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
