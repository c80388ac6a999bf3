/* kw-after-frame.c: work for after the next frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pending call is object data of the widget under its key, holding
 * a handler on the window's frame clock: dropping the data (a new call,
 * a cancel, the widget's end) disconnects it.
 */
#define G_LOG_DOMAIN "kw-after-frame"

#include "config.h"

#include "kw-after-frame.h"

typedef struct {
  GtkWidget        *widget;   /* not a reference: the data goes with it */
  char             *key;
  GdkFrameClock    *clock;
  gulong            handler;
  KwAfterFrameFunc  func;
  gpointer          user_data;
  GDestroyNotify    destroy;
} Pending;

static void
pending_free (Pending *pending)
{
  /* a destroyed window's frame clock let go of its handlers already */
  if (pending->handler != 0 && g_signal_handler_is_connected (pending->clock, pending->handler))
    g_signal_handler_disconnect (pending->clock, pending->handler);
  g_clear_object (&pending->clock);
  if (pending->destroy != NULL)
    pending->destroy (pending->user_data);
  g_free (pending->key);
  g_free (pending);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Pending       *pending)
{
  GtkWidget *widget = pending->widget;

  g_object_steal_data (G_OBJECT (widget), pending->key);
  g_signal_handler_disconnect (pending->clock, pending->handler);
  pending->handler = 0;
  if (gtk_widget_get_root (widget) != NULL)  /* not when it left the window, or is going */
    pending->func (widget, pending->user_data);
  pending_free (pending);
}

gboolean
kw_after_frame (GtkWidget        *widget,
                const char       *key,
                KwAfterFrameFunc  func,
                gpointer          user_data,
                GDestroyNotify    destroy)
{
  GtkRoot *root;
  GdkFrameClock *clock;
  Pending *pending;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  kw_after_frame_cancel (widget, key);
  root = gtk_widget_get_root (widget);
  clock = root != NULL ? gtk_widget_get_frame_clock (GTK_WIDGET (root)) : NULL;
  if (clock == NULL)
    {
      func (widget, user_data);
      if (destroy != NULL)
        destroy (user_data);
      return FALSE;
    }
  pending = g_new0 (Pending, 1);
  pending->widget = widget;
  pending->key = g_strdup (key);
  pending->clock = g_object_ref (clock);
  pending->func = func;
  pending->user_data = user_data;
  pending->destroy = destroy;
  pending->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), pending);
  g_object_set_data_full (G_OBJECT (widget), key, pending, (GDestroyNotify) pending_free);
  gtk_widget_queue_draw (GTK_WIDGET (root));
  return TRUE;
}

void
kw_after_frame_cancel (GtkWidget  *widget,
                       const char *key)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (key != NULL);

  g_object_set_data (G_OBJECT (widget), key, NULL);
}
