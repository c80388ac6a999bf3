/* bench-first-frame.c: report the first frames of an application's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "bench-first-frame.h"

static BenchReadyFunc ready_func;
static gboolean first_done;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  gint64 now = g_get_monotonic_time ();

  if (!first_done)
    printf ("first-frame %" G_GINT64_FORMAT "\n", now);
  first_done = TRUE;
  if (ready_func != NULL && !ready_func (window))
    return;
  printf ("ready-frame %" G_GINT64_FORMAT "\n", now);
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  g_application_quit (g_application_get_default ());
}

static void
on_window_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), window);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, on_window_added_cb, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
}

void
bench_report_first_frame (GtkApplication *app,
                          BenchReadyFunc  ready)
{
  ready_func = ready;
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
}
