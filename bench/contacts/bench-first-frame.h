/* bench-first-frame.h: report the first frames of an application's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether a painted window shows its content. */
typedef gboolean (*BenchReadyFunc) (GtkWindow *window);

/* When the first window of app has painted its first frame, prints
 * "first-frame USEC" on stdout (g_get_monotonic_time, the same clock in
 * every process); at the first frame painted when ready() says the
 * content is there (NULL: the first frame), "ready-frame USEC"; then
 * quits the application. */
void bench_report_first_frame (GtkApplication *app,
                               BenchReadyFunc  ready);

G_END_DECLS
