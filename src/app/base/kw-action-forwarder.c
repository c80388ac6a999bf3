/* kw-action-forwarder.c: a widget's class actions as a GActionGroup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 finds an action from a widget upwards: a view's actions
 * (gtk_widget_class_install_action on the view's class) are found from
 * the view's own widgets, not from the window's menu or a toast, which
 * are not inside the view. The window inserts one of these per prefix
 * of each view's actions (kw-window.c), without naming the view.
 */
#define G_LOG_DOMAIN "kw-action-forwarder"

#include "config.h"

#include <string.h>

#include "kw-action-forwarder.h"

struct _KwActionForwarder
{
  GObject    parent_instance;

  GtkWidget *widget;     /* weak */
  char      *prefix;     /* "contacts" */
  gboolean   sensitive;  /* what was last said */
};

static void kw_action_forwarder_group_init (GActionGroupInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwActionForwarder, kw_action_forwarder, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_ACTION_GROUP, kw_action_forwarder_group_init))

/* Helpers */

/* The widget's class action "<prefix>.<name>": its parameter type. */
static gboolean
find_action (KwActionForwarder   *self,
             const char          *name,
             const GVariantType **parameter_type)
{
  const char *action_name, *property;
  const GVariantType *type;
  gsize len = strlen (self->prefix);
  GType owner;

  if (self->widget == NULL)
    return FALSE;
  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (self->widget), i, &owner,
                                                   &action_name, &type, &property); i++)
    if (strncmp (action_name, self->prefix, len) == 0 && action_name[len] == '.'
        && strcmp (action_name + len + 1, name) == 0)
      {
        if (parameter_type != NULL)
          *parameter_type = type;
        return TRUE;
      }
  return FALSE;
}

/* Callbacks */

static void
on_widget_state_flags_changed_cb (KwActionForwarder *self)
{
  gboolean sensitive = self->widget != NULL && gtk_widget_is_sensitive (self->widget);
  g_auto(GStrv) names = NULL;

  if (sensitive == self->sensitive)
    return;
  self->sensitive = sensitive;
  names = g_action_group_list_actions (G_ACTION_GROUP (self));
  for (guint i = 0; names[i] != NULL; i++)
    g_action_group_action_enabled_changed (G_ACTION_GROUP (self), names[i], sensitive);
}

/* GActionGroup */

static char **
kw_action_forwarder_list_actions (GActionGroup *group)
{
  KwActionForwarder *self = KW_ACTION_FORWARDER (group);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  const char *action_name, *property;
  const GVariantType *type;
  gsize len = strlen (self->prefix);
  GType owner;

  for (guint i = 0; self->widget != NULL
                    && gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (self->widget), i, &owner,
                                                      &action_name, &type, &property); i++)
    if (strncmp (action_name, self->prefix, len) == 0 && action_name[len] == '.')
      g_strv_builder_add (names, action_name + len + 1);
  return g_strv_builder_end (names);
}

static gboolean
kw_action_forwarder_query_action (GActionGroup        *group,
                                  const char          *name,
                                  gboolean            *enabled,
                                  const GVariantType **parameter_type,
                                  const GVariantType **state_type,
                                  GVariant           **state_hint,
                                  GVariant           **state)
{
  KwActionForwarder *self = KW_ACTION_FORWARDER (group);
  const GVariantType *type = NULL;

  if (!find_action (self, name, &type))
    return FALSE;
  if (enabled != NULL)
    *enabled = gtk_widget_is_sensitive (self->widget);
  if (parameter_type != NULL)
    *parameter_type = type;
  /* the state of a property action stays with the widget's own widgets */
  if (state_type != NULL)
    *state_type = NULL;
  if (state_hint != NULL)
    *state_hint = NULL;
  if (state != NULL)
    *state = NULL;
  return TRUE;
}

static void
kw_action_forwarder_activate_action (GActionGroup *group,
                                     const char   *name,
                                     GVariant     *parameter)
{
  KwActionForwarder *self = KW_ACTION_FORWARDER (group);
  g_autofree char *action_name = g_strconcat (self->prefix, ".", name, NULL);
  g_autoptr(GVariant) sunk = parameter ? g_variant_ref_sink (parameter) : NULL;

  if (self->widget != NULL && gtk_widget_is_sensitive (self->widget))
    gtk_widget_activate_action_variant (self->widget, action_name, parameter);
}

static void
kw_action_forwarder_change_action_state (GActionGroup *group,
                                         const char   *name,
                                         GVariant     *value)
{
  g_autoptr(GVariant) sunk = g_variant_ref_sink (value);
}

static void
kw_action_forwarder_group_init (GActionGroupInterface *iface)
{
  iface->list_actions = kw_action_forwarder_list_actions;
  iface->query_action = kw_action_forwarder_query_action;
  iface->activate_action = kw_action_forwarder_activate_action;
  iface->change_action_state = kw_action_forwarder_change_action_state;
}

/* GObject */

static void
kw_action_forwarder_dispose (GObject *object)
{
  KwActionForwarder *self = KW_ACTION_FORWARDER (object);

  if (self->widget != NULL)
    g_signal_handlers_disconnect_by_data (self->widget, self);
  g_clear_weak_pointer (&self->widget);

  G_OBJECT_CLASS (kw_action_forwarder_parent_class)->dispose (object);
}

static void
kw_action_forwarder_finalize (GObject *object)
{
  KwActionForwarder *self = KW_ACTION_FORWARDER (object);

  g_free (self->prefix);

  G_OBJECT_CLASS (kw_action_forwarder_parent_class)->finalize (object);
}

static void
kw_action_forwarder_class_init (KwActionForwarderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_action_forwarder_dispose;
  object_class->finalize = kw_action_forwarder_finalize;
}

static void
kw_action_forwarder_init (KwActionForwarder *self)
{
}

/* Public API */

KwActionForwarder *
kw_action_forwarder_new (GtkWidget  *widget,
                         const char *prefix)
{
  KwActionForwarder *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (prefix != NULL && *prefix != '\0', NULL);

  self = g_object_new (KW_TYPE_ACTION_FORWARDER, NULL);
  self->prefix = g_strdup (prefix);
  g_set_weak_pointer (&self->widget, widget);
  self->sensitive = gtk_widget_is_sensitive (widget);
  g_signal_connect_object (widget, "state-flags-changed", G_CALLBACK (on_widget_state_flags_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return self;
}
