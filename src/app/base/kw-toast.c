/* kw-toast.c: undo toasts that may go before they have come in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 crashes when a toast is dismissed while its show
 * animation still plays (up to 500 ms when it replaces another: the
 * hide frees the animation under its own tick; tests/ui/test-toasts.c).
 * A toast added with kw_toast_add () and dismissed with
 * kw_toast_dismiss () sooner than that waits until it has come in, and
 * its button does nothing meanwhile: by then it belongs to the undo of
 * whatever came after it.
 */
#include "config.h"

#include "kw-toast.h"

#define SETTLE_MS 600

void
kw_toast_add (AdwToastOverlay *overlay,
              AdwToast        *toast)
{
  gint64 now = g_get_monotonic_time ();

  g_object_set_data_full (G_OBJECT (toast), "kw-added-us", g_memdup2 (&now, sizeof now), g_free);
  adw_toast_overlay_add_toast (overlay, toast);
}

static gboolean
dismiss_later_cb (gpointer data)
{
  adw_toast_dismiss (ADW_TOAST (data));
  return G_SOURCE_REMOVE;
}

void
kw_toast_dismiss (AdwToast *toast)
{
  gint64 *added = g_object_get_data (G_OBJECT (toast), "kw-added-us");
  gint64 left_ms = added ? (*added - g_get_monotonic_time ()) / 1000 + SETTLE_MS : 0;

  if (left_ms <= 0)
    {
      adw_toast_dismiss (toast);
      return;
    }
  adw_toast_set_action_name (toast, NULL);
  g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) left_ms, dismiss_later_cb,
                      g_object_ref (toast), g_object_unref);
}
