/* kw-view.c: one of the window's views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-record-summary.h"
#include "kw-view.h"

typedef struct
{
  KwStore  *store;
  char     *title;
  char     *icon_name;
  GStrv     types;
  char     *new_label;
  char     *busy_status;
  gboolean  can_go_back;
} KwViewPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KwView, kw_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_TYPES,
  PROP_NEW_LABEL,
  PROP_CAN_GO_BACK,
  PROP_BUSY_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
kw_view_real_open (KwView     *self,
                   const char *type_name,
                   const char *id)
{
}

static gboolean
kw_view_real_new_record (KwView  *self,
                         GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("New records can be made here once this view is ready"));
  return FALSE;
}

static gboolean
kw_view_real_go_back (KwView *self)
{
  return FALSE;
}

static gboolean
kw_view_real_offer_file (KwView     *self,
                         const char *path)
{
  return FALSE;
}

/* An insensitive view (the window is busy with the store) takes no
 * actions: GTK 4.8 still activates the class actions of an insensitive
 * widget, so the view's own ones are turned off while it is, and on
 * again after (a view that keeps one of them off for a reason of its
 * own turns it off again when it is sensitive). */
static void
kw_view_state_flags_changed (GtkWidget     *widget,
                             GtkStateFlags  previous)
{
  gboolean was_sensitive = (previous & GTK_STATE_FLAG_INSENSITIVE) == 0;
  gboolean sensitive = gtk_widget_is_sensitive (widget);
  const GVariantType *type;
  const char *name, *property;
  GType owner;

  GTK_WIDGET_CLASS (kw_view_parent_class)->state_flags_changed (widget, previous);
  if (was_sensitive == sensitive)
    return;
  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (widget), i, &owner, &name, &type, &property); i++)
    if (g_type_is_a (owner, KW_TYPE_VIEW))
      gtk_widget_action_set_enabled (widget, name, sensitive);
}

static void
kw_view_finalize (GObject *object)
{
  KwViewPrivate *priv = kw_view_get_instance_private (KW_VIEW (object));

  g_clear_object (&priv->store);
  g_free (priv->title);
  g_free (priv->icon_name);
  g_strfreev (priv->types);
  g_free (priv->new_label);
  g_free (priv->busy_status);

  G_OBJECT_CLASS (kw_view_parent_class)->finalize (object);
}

static void
kw_view_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KwViewPrivate *priv = kw_view_get_instance_private (KW_VIEW (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;
    case PROP_TYPES:
      g_value_set_boxed (value, priv->types);
      break;
    case PROP_NEW_LABEL:
      g_value_set_string (value, priv->new_label);
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, priv->can_go_back);
      break;
    case PROP_BUSY_STATUS:
      g_value_set_string (value, priv->busy_status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_view_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KwView *self = KW_VIEW (object);
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_TITLE:
      kw_view_set_title (self, g_value_get_string (value));
      break;
    case PROP_ICON_NAME:
      kw_view_set_icon_name (self, g_value_get_string (value));
      break;
    case PROP_TYPES:
      kw_view_set_types (self, g_value_get_boxed (value));
      break;
    case PROP_NEW_LABEL:
      kw_view_set_new_label (self, g_value_get_string (value));
      break;
    case PROP_CAN_GO_BACK:
      kw_view_set_can_go_back (self, g_value_get_boolean (value));
      break;
    case PROP_BUSY_STATUS:
      kw_view_set_busy_status (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_view_class_init (KwViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kw_view_finalize;
  object_class->get_property = kw_view_get_property;
  object_class->set_property = kw_view_set_property;
  klass->open = kw_view_real_open;
  klass->new_record = kw_view_real_new_record;
  klass->go_back = kw_view_real_go_back;
  klass->offer_file = kw_view_real_offer_file;
  GTK_WIDGET_CLASS (klass)->state_flags_changed = kw_view_state_flags_changed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  properties[PROP_TYPES] = g_param_spec_boxed ("types", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_NEW_LABEL] = g_param_spec_string ("new-label", NULL, NULL, NULL, flags);
  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE, flags);
  properties[PROP_BUSY_STATUS] = g_param_spec_string ("busy-status", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_view_init (KwView *self)
{
}

/* Public API */

KwStore *
kw_view_get_store (KwView *self)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_val_if_fail (KW_IS_VIEW (self), NULL);
  return priv->store;
}

const char *
kw_view_get_title (KwView *self)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_val_if_fail (KW_IS_VIEW (self), NULL);
  return priv->title;
}

void
kw_view_set_title (KwView     *self,
                   const char *title)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_if_fail (KW_IS_VIEW (self));
  if (set_string (&priv->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kw_view_get_icon_name (KwView *self)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_val_if_fail (KW_IS_VIEW (self), NULL);
  return priv->icon_name;
}

void
kw_view_set_icon_name (KwView     *self,
                       const char *icon_name)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_if_fail (KW_IS_VIEW (self));
  if (set_string (&priv->icon_name, icon_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

const char * const *
kw_view_get_types (KwView *self)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_val_if_fail (KW_IS_VIEW (self), NULL);
  return (const char * const *) priv->types;
}

void
kw_view_set_types (KwView             *self,
                   const char * const *types)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_if_fail (KW_IS_VIEW (self));
  g_strfreev (priv->types);
  priv->types = g_strdupv ((char **) types);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPES]);
}

gboolean
kw_view_claims_type (KwView     *self,
                     const char *type_name)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_val_if_fail (KW_IS_VIEW (self), FALSE);
  return priv->types != NULL && type_name != NULL
         && g_strv_contains ((const char * const *) priv->types, type_name);
}

const char *
kw_view_get_new_label (KwView *self)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_val_if_fail (KW_IS_VIEW (self), NULL);
  return priv->new_label;
}

void
kw_view_set_new_label (KwView     *self,
                       const char *new_label)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_if_fail (KW_IS_VIEW (self));
  if (set_string (&priv->new_label, new_label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_LABEL]);
}

gboolean
kw_view_get_can_go_back (KwView *self)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_val_if_fail (KW_IS_VIEW (self), FALSE);
  return priv->can_go_back;
}

void
kw_view_set_can_go_back (KwView   *self,
                         gboolean  can_go_back)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_if_fail (KW_IS_VIEW (self));
  can_go_back = !!can_go_back;
  if (priv->can_go_back == can_go_back)
    return;
  priv->can_go_back = can_go_back;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

void
kw_view_open (KwView     *self,
              const char *type_name,
              const char *id)
{
  g_return_if_fail (KW_IS_VIEW (self));
  KW_VIEW_GET_CLASS (self)->open (self, type_name, id);
}

gboolean
kw_view_new_record (KwView  *self,
                    GError **error)
{
  g_return_val_if_fail (KW_IS_VIEW (self), FALSE);
  return KW_VIEW_GET_CLASS (self)->new_record (self, error);
}

gboolean
kw_view_go_back (KwView *self)
{
  g_return_val_if_fail (KW_IS_VIEW (self), FALSE);
  return KW_VIEW_GET_CLASS (self)->go_back (self);
}

void
kw_view_show_summary (KwView     *self,
                      const char *type_name,
                      const char *id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  KwRecordSummary *summary;

  g_return_if_fail (KW_IS_VIEW (self));
  summary = kw_record_summary_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   kw_view_get_store (self), type_name, id, &error);
  if (summary == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      kw_view_show_toast (self, adw_toast_new (escaped));
      return;
    }
  gtk_window_present (GTK_WINDOW (summary));
}

void
kw_view_show_toast (KwView   *self,
                    AdwToast *toast)
{
  /* the window's toast overlay is above every view */
  GtkWidget *overlay;

  g_return_if_fail (KW_IS_VIEW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

const char *
kw_view_get_busy_status (KwView *self)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_val_if_fail (KW_IS_VIEW (self), NULL);
  return priv->busy_status;
}

void
kw_view_set_busy_status (KwView     *self,
                         const char *status)
{
  KwViewPrivate *priv = kw_view_get_instance_private (self);

  g_return_if_fail (KW_IS_VIEW (self));
  if (set_string (&priv->busy_status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY_STATUS]);
}

gboolean
kw_view_offer_file (KwView     *self,
                    const char *path)
{
  g_return_val_if_fail (KW_IS_VIEW (self), FALSE);
  return KW_VIEW_GET_CLASS (self)->offer_file (self, path);
}
