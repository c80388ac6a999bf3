/* kw-after-frame.h: work for after the next frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page shows its top at once and fills what lies below the fold one
 * frame later: the first frame is not held up by long lists.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*KwAfterFrameFunc) (GtkWidget *widget,
                                  gpointer   user_data);

/* Calls @func (@widget, @user_data) once the next frame of @widget's
 * window has been painted, or at once when @widget is in no window yet.
 * What was pending for @widget under @key is dropped first; so is what
 * is pending when @widget goes, and @func is not called when @widget has
 * left its window by then. @destroy frees @user_data either way.
 * Returns whether it waits for a frame. */
gboolean  kw_after_frame        (GtkWidget        *widget,
                                 const char       *key,
                                 KwAfterFrameFunc  func,
                                 gpointer          user_data,
                                 GDestroyNotify    destroy);
/* Drops what is pending for @widget under @key, if anything. */
void      kw_after_frame_cancel (GtkWidget        *widget,
                                 const char       *key);

G_END_DECLS
