/* kw-action-forwarder.h: a widget's class actions as a GActionGroup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KW_TYPE_ACTION_FORWARDER (kw_action_forwarder_get_type ())
G_DECLARE_FINAL_TYPE (KwActionForwarder, kw_action_forwarder, KW, ACTION_FORWARDER, GObject)

/* The class actions "<prefix>.<name>" of widget as a group of <name>s,
 * to insert where they are not found otherwise: a view's actions in the
 * window's menu and toasts (gtk_widget_insert_action_group (window,
 * prefix, …)). Activating one activates the widget's; they are enabled
 * while the widget is sensitive. The forwarder holds widget weakly. */
KwActionForwarder *kw_action_forwarder_new (GtkWidget  *widget,
                                            const char *prefix);

G_END_DECLS
