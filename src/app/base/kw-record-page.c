/* kw-record-page.c: one record, edited in place: the base of every record page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns what every record page has: a header (avatar, title, subtitle,
 * a box of badges), a KwRecordEditor for the type's field rows, the id,
 * a reload when the store changes what the page shows, record.delete
 * (Ctrl+Delete, through win.delete-record), a draft of a new record
 * (stored only when it has a title and the user adds it), sections
 * a subclass adds below the header, and the child groups among them
 * (given the record as parent). Which changes reload the page comes
 * from the registry: the type itself, the types that belong to it (a
 * PARENT reference at it) and the types all of these refer to (whose
 * titles the rows show). Leaving a record with an edit the store
 * refused asks first.
 */
#define G_LOG_DOMAIN "kw-record-page"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "kw-record-page.h"
#include "kw-view.h"

typedef struct
{
  KwStore            *store;
  const KwEntityType *type;
  KwRecordEditor     *editor;
  char               *id;
  char               *pending_id;  /* to open once the user decides about an invalid edit */
  guint               asking;      /* the source that will ask about pending_id */
  GHashTable         *watched;     /* interned type names whose changes reload the page */
  GPtrArray          *stored_only; /* sections hidden in a draft */
  GPtrArray          *groups;      /* KwChildGroup */

  AdwAvatar          *avatar;
  GtkWidget          *badge_box;
  GtkBox             *content_box;
  GtkWidget          *draft_bar;
  GtkLabel           *draft_title;
  GtkWidget          *add_button;
  GtkWidget          *cancel_button;
  GtkWidget          *header_box;
  GtkScrolledWindow  *scrolled_window;
  AdwClamp           *clamp;
  GtkLabel           *subtitle_label;
  GtkLabel           *title_label;
} KwRecordPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KwRecordPage, kw_record_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TYPE_NAME,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* the subclass's prefix of record.* ("person"), on its class */
static GQuark prefix_quark;

/* Helpers */

static void
set_enabled (KwRecordPage *self,
             const char   *verb,
             gboolean      enabled)
{
  const char *prefix = g_type_get_qdata (G_OBJECT_TYPE (self), prefix_quark);
  g_autofree char *record = g_strconcat ("record.", verb, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), record, enabled);
  if (prefix != NULL)
    {
      g_autofree char *own = g_strconcat (prefix, ".", verb, NULL);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), own, enabled);
    }
}

static void
add_type_and_targets (GHashTable         *watched,
                      const KwEntityType *type)
{
  g_hash_table_add (watched, (gpointer) g_intern_string (type->name));
  for (guint i = 0; i < type->n_fields; i++)
    for (guint t = 0; type->fields[i].kind == KW_FIELD_REF && type->fields[i].targets[t]; t++)
      g_hash_table_add (watched, (gpointer) g_intern_string (type->fields[i].targets[t]));
}

/* The type, what belongs to it, and what either refers to. */
static void
collect_watched (KwRecordPage *self)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  add_type_and_targets (priv->watched, priv->type);
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);

      for (guint i = 0; i < type->n_fields; i++)
        if ((type->fields[i].flags & KW_FIELD_FLAG_PARENT) && kw_field_targets (&type->fields[i], priv->type->name))
          add_type_and_targets (priv->watched, type);
    }
}

static void
reload (KwRecordPage *self)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);
  g_autoptr(KwRecord) record = NULL;
  KwRecord *shown = kw_record_editor_get_record (priv->editor);
  g_autofree char *title = NULL;
  gboolean same;

  if (priv->id == NULL || (record = kw_store_get (priv->store, priv->type->name, priv->id, NULL)) == NULL)
    return;
  same = shown != NULL && g_str_equal (kw_record_get_id (shown), priv->id);
  kw_record_editor_set_record (priv->editor, record);
  for (guint i = 0; !same && i < priv->groups->len; i++)
    kw_child_group_set_parent (g_ptr_array_index (priv->groups, i), priv->type->name, priv->id);
  title = kw_record_dup_title (record);
  gtk_label_set_label (priv->title_label, title);
  adw_avatar_set_text (priv->avatar, title);
  if (KW_RECORD_PAGE_GET_CLASS (self)->reload != NULL)
    KW_RECORD_PAGE_GET_CLASS (self)->reload (self, record, same);
}

static void
show_draft (KwRecordPage *self,
            gboolean      draft)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  gtk_widget_set_visible (priv->draft_bar, draft);
  gtk_widget_set_visible (priv->header_box, !draft);
  for (guint i = 0; i < priv->stored_only->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (priv->stored_only, i), !draft);
  set_enabled (self, "delete", !draft);
  set_enabled (self, "cancel-draft", draft);
}

static void
update_add_enabled (KwRecordPage *self)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);
  GtkWidget *row = kw_record_editor_get_title_row (priv->editor);
  g_autofree char *title = row ? g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)))) : NULL;

  set_enabled (self, "add-draft", kw_record_editor_is_draft (priv->editor) && title != NULL && *title != '\0');
}

static KwView *
get_view (KwRecordPage *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), KW_TYPE_VIEW);

  return view ? KW_VIEW (view) : NULL;
}

static gboolean
pointer_is_up (GtkWidget *widget)
{
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (widget));
  GdkDevice *pointer = seat ? gdk_seat_get_pointer (seat) : NULL;

  return pointer == NULL
         || (gdk_device_get_modifier_state (pointer) & (GDK_BUTTON1_MASK | GDK_BUTTON2_MASK | GDK_BUTTON3_MASK)) == 0;
}

static void
show_record (KwRecordPage *self,
             const char   *id)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  if (g_strcmp0 (priv->id, id) != 0)
    {
      g_free (priv->id);
      priv->id = g_strdup (id);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (priv->scrolled_window), 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  show_draft (self, FALSE);
  reload (self);
}

/* Back to the record being edited, in the view's list too, once the
 * click on the dialog is over (its release may land on the list below). */
static gboolean
reselect_current (gpointer data)
{
  KwRecordPage *self = data;
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);
  KwView *view = get_view (self);

  if (!pointer_is_up (GTK_WIDGET (self)))
    return G_SOURCE_CONTINUE;
  priv->asking = 0;
  if (view != NULL && priv->id != NULL)
    kw_view_open (view, priv->type->name, priv->id);
  return G_SOURCE_REMOVE;
}

static void
on_leave_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      KwRecordPage     *self)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);
  g_autofree char *pending = g_steal_pointer (&priv->pending_id);

  if (g_strcmp0 (response, "discard") == 0)
    {
      kw_record_editor_discard (priv->editor);
      kw_record_page_set_id (self, pending);
    }
  else if (get_view (self) != NULL && priv->id != NULL && priv->asking == 0)
    priv->asking = g_timeout_add (50, reselect_current, self);
}

/* Opening another record with an edit the store refused: ask first,
 * once the click that opened it is over (a modal dialog in the middle of
 * the list's click leaves the list with a click that never ended). */
static gboolean
present_leave_dialog (gpointer data)
{
  KwRecordPage *self = data;
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *label = kw_record_editor_get_invalid_label (priv->editor);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (!pointer_is_up (GTK_WIDGET (self)))
    return G_SOURCE_CONTINUE;
  priv->asking = 0;
  if (label == NULL)
    {
      g_autofree char *pending = g_steal_pointer (&priv->pending_id);

      kw_record_page_set_id (self, pending);
      return G_SOURCE_REMOVE;
    }
  /* Translators: %s is the label of a field, "Consent given on" */
  heading = g_strdup_printf (_("Discard the change to %s?"), label);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       _("The value cannot be saved as it is. Discard it, or keep editing to correct it.")));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Editing"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
on_store_changed_cb (KwRecordPage *self,
                     const char   *type_name)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  if (g_hash_table_contains (priv->watched, g_intern_string (type_name)))
    reload (self);
}

/* Enter in the title of a new record adds it. */
static void
on_title_apply_cb (KwRecordPage *self)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  if (kw_record_editor_is_draft (priv->editor))
    gtk_widget_activate_action (GTK_WIDGET (self), "record.add-draft", NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (KW_RECORD_PAGE (widget));

  if (priv->id != NULL)
    gtk_widget_activate_action (widget, "win.delete-record", "(ss)", priv->type->name, priv->id);
}

static void
add_draft_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KwRecordPage *self = KW_RECORD_PAGE (widget);
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  KwView *view;

  if (!kw_record_editor_is_draft (priv->editor))
    return;
  if ((id = kw_record_editor_commit_draft (priv->editor, &error)) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if ((view = get_view (self)) != NULL)
    kw_view_open (view, priv->type->name, id);
  else
    kw_record_page_set_id (self, id);
}

static void
cancel_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KwRecordPage *self = KW_RECORD_PAGE (widget);
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);
  GtkWidget *stack = gtk_widget_get_parent (widget);
  KwView *view = get_view (self);

  kw_record_editor_set_record (priv->editor, NULL);
  show_draft (self, FALSE);
  update_add_enabled (self);
  if (GTK_IS_STACK (stack) && gtk_stack_get_child_by_name (GTK_STACK (stack), "none") != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (stack), "none");
  if (view != NULL && kw_view_get_can_go_back (view))
    kw_view_go_back (view);
}

/* "person.delete" → the base's record.delete */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  const char *verb = strchr (action_name, '.');
  g_autofree char *record = g_strconcat ("record", verb, NULL);

  gtk_widget_activate_action_variant (widget, record, param);
}

/* GObject */

static void
kw_record_page_constructed (GObject *object)
{
  KwRecordPage *self = KW_RECORD_PAGE (object);
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);
  GtkWidget *title;

  G_OBJECT_CLASS (kw_record_page_parent_class)->constructed (object);

  g_assert (priv->store != NULL && priv->type != NULL);
  priv->editor = kw_record_editor_new (priv->store, priv->type->name);
  collect_watched (self);
  /* after the groups of the subclass, which are made later: a subtitle may count their rows */
  g_signal_connect_object (priv->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  if ((title = priv->type->title_field ? kw_record_editor_make_row (priv->editor, priv->type->title_field) : NULL) != NULL)
    {
      g_signal_connect_object (title, "changed", G_CALLBACK (update_add_enabled), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (title, "apply", G_CALLBACK (on_title_apply_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
}

static void
kw_record_page_dispose (GObject *object)
{
  KwRecordPage *self = KW_RECORD_PAGE (object);
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_clear_handle_id (&priv->asking, g_source_remove);
  g_clear_pointer (&priv->stored_only, g_ptr_array_unref);
  g_clear_pointer (&priv->groups, g_ptr_array_unref);
  /* AdwBin keeps a pointer to its child: let go of it first */
  adw_bin_set_child (ADW_BIN (self), NULL);
  /* GTK 4.8 tears down the template of the instance's own class whatever
   * type it is given: a subclass's template children are looked up as
   * ours and not found (it asserts). Ours then go with the instance. */
  if (G_OBJECT_TYPE (self) == KW_TYPE_RECORD_PAGE)
    gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_RECORD_PAGE);

  G_OBJECT_CLASS (kw_record_page_parent_class)->dispose (object);
}

static void
kw_record_page_finalize (GObject *object)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (KW_RECORD_PAGE (object));

  g_clear_object (&priv->editor);
  g_clear_object (&priv->store);
  g_clear_pointer (&priv->watched, g_hash_table_unref);
  g_free (priv->id);
  g_free (priv->pending_id);

  G_OBJECT_CLASS (kw_record_page_parent_class)->finalize (object);
}

static void
kw_record_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (KW_RECORD_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_TYPE_NAME:
      g_value_set_string (value, priv->type ? priv->type->name : NULL);
      break;
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_record_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KwRecordPage *self = KW_RECORD_PAGE (object);
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_TYPE_NAME:
      priv->type = kw_registry_lookup (g_value_get_string (value));
      break;
    case PROP_ID:
      kw_record_page_set_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_record_page_class_init (KwRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kw_record_page_constructed;
  object_class->dispose = kw_record_page_dispose;
  object_class->finalize = kw_record_page_finalize;
  object_class->get_property = kw_record_page_get_property;
  object_class->set_property = kw_record_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE_NAME] =
    g_param_spec_string ("type-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  prefix_quark = g_quark_from_static_string ("kw-record-page-prefix");

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/base/kw-record-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, add_button);
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, avatar);
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, badge_box);
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, cancel_button);
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, content_box);
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, draft_bar);
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, draft_title);
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, header_box);
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, scrolled_window);
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, clamp);
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, subtitle_label);
  gtk_widget_class_bind_template_child_private (widget_class, KwRecordPage, title_label);

  gtk_widget_class_install_action (widget_class, "record.add-draft", NULL, add_draft_action);
  gtk_widget_class_install_action (widget_class, "record.cancel-draft", NULL, cancel_draft_action);
  gtk_widget_class_install_action (widget_class, "record.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "record.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "record.cancel-draft", NULL);
}

static void
kw_record_page_init (KwRecordPage *self)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->watched = g_hash_table_new (NULL, NULL);
  priv->stored_only = g_ptr_array_new ();
  priv->groups = g_ptr_array_new ();
  /* only a draft is added or cancelled (Escape) */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.add-draft", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.cancel-draft", FALSE);
}

/* Public API */

void
kw_record_page_class_install_actions (KwRecordPageClass *klass,
                                      const char        *prefix)
{
  static const char * const verbs[] = { "add-draft", "cancel-draft", "delete" };
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_return_if_fail (KW_IS_RECORD_PAGE_CLASS (klass));
  g_return_if_fail (prefix != NULL);

  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), prefix_quark, (gpointer) g_intern_string (prefix));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_autofree char *name = g_strconcat (prefix, ".", verbs[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, forward_action);
    }
}

KwStore *
kw_record_page_get_store (KwRecordPage *self)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_return_val_if_fail (KW_IS_RECORD_PAGE (self), NULL);
  return priv->store;
}

const char *
kw_record_page_get_type_name (KwRecordPage *self)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_return_val_if_fail (KW_IS_RECORD_PAGE (self), NULL);
  return priv->type->name;
}

KwRecordEditor *
kw_record_page_get_editor (KwRecordPage *self)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_return_val_if_fail (KW_IS_RECORD_PAGE (self), NULL);
  return priv->editor;
}

const char *
kw_record_page_get_id (KwRecordPage *self)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_return_val_if_fail (KW_IS_RECORD_PAGE (self), NULL);
  return priv->id;
}

void
kw_record_page_set_id (KwRecordPage *self,
                       const char   *id)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_return_if_fail (KW_IS_RECORD_PAGE (self));

  if (priv->id != NULL && g_strcmp0 (priv->id, id) != 0
      && kw_record_editor_get_invalid_label (priv->editor) != NULL
      && GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    {
      g_free (priv->pending_id);
      priv->pending_id = g_strdup (id);
      if (priv->asking == 0)
        priv->asking = g_timeout_add (20, present_leave_dialog, self);
      return;
    }
  show_record (self, id);
}

GtkWidget *
kw_record_page_get_row (KwRecordPage *self,
                        const char   *field)
{
  g_return_val_if_fail (KW_IS_RECORD_PAGE (self), NULL);
  return kw_record_editor_get_row (kw_record_page_get_editor (self), field);
}

GtkWidget *
kw_record_page_get_message (KwRecordPage *self,
                            const char   *field)
{
  g_return_val_if_fail (KW_IS_RECORD_PAGE (self), NULL);
  return kw_record_editor_get_message (kw_record_page_get_editor (self), field);
}

void
kw_record_page_set_subtitle (KwRecordPage *self,
                             const char   *subtitle)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_return_if_fail (KW_IS_RECORD_PAGE (self));
  gtk_label_set_label (priv->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (priv->subtitle_label), subtitle != NULL && *subtitle != '\0');
}

void
kw_record_page_set_maximum_width (KwRecordPage *self,
                                  int           width)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_return_if_fail (KW_IS_RECORD_PAGE (self));
  adw_clamp_set_maximum_size (priv->clamp, width);
}

void
kw_record_page_add_badge (KwRecordPage *self,
                          GtkWidget    *badge)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_return_if_fail (KW_IS_RECORD_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (badge));
  gtk_box_append (GTK_BOX (priv->badge_box), badge);
}

void
kw_record_page_add_section (KwRecordPage *self,
                            GtkWidget    *section,
                            gboolean      stored_only)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_return_if_fail (KW_IS_RECORD_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (section));

  gtk_box_append (priv->content_box, section);
  if (stored_only)
    g_ptr_array_add (priv->stored_only, section);
}

void
kw_record_page_add_child_group (KwRecordPage *self,
                                KwChildGroup *group)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_return_if_fail (KW_IS_RECORD_PAGE (self));
  g_return_if_fail (KW_IS_CHILD_GROUP (group));

  g_ptr_array_add (priv->groups, group);
}

KwChildGroup *
kw_record_page_get_child_group (KwRecordPage *self,
                                const char   *child_type)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);

  g_return_val_if_fail (KW_IS_RECORD_PAGE (self), NULL);

  for (guint i = 0; i < priv->groups->len; i++)
    if (g_strcmp0 (kw_child_group_get_child_type (g_ptr_array_index (priv->groups, i)), child_type) == 0)
      return g_ptr_array_index (priv->groups, i);
  return NULL;
}


void
kw_record_page_add_rows (KwRecordPage        *self,
                         AdwPreferencesGroup *group,
                         const char * const  *fields)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);
  KwRecordEditor *editor;
  const char *title;

  g_return_if_fail (KW_IS_RECORD_PAGE (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  editor = priv->editor;
  title = priv->type->title_field;
  for (guint i = 0; fields[i]; i++)
    {
      /* the title's row is made with the page, to be watched for a draft */
      if (g_strcmp0 (fields[i], title) == 0)
        {
          adw_preferences_group_add (group, kw_record_editor_get_row (editor, title));
          adw_preferences_group_add (group, kw_record_editor_get_message (editor, title));
        }
      else
        kw_record_editor_add_row (editor, GTK_WIDGET (group), fields[i]);
    }
}

void
kw_record_page_add_text_view (KwRecordPage        *self,
                              AdwPreferencesGroup *group,
                              const char          *field)
{
  KwRecordEditor *editor;

  g_return_if_fail (KW_IS_RECORD_PAGE (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  editor = kw_record_page_get_editor (self);
  adw_preferences_group_add (group, kw_record_editor_make_text_view (editor, field));
  adw_preferences_group_add (group, kw_record_editor_get_message (editor, field));
}

void
kw_record_page_focus_title (KwRecordPage *self)
{
  GtkWidget *row;

  g_return_if_fail (KW_IS_RECORD_PAGE (self));

  if ((row = kw_record_editor_get_title_row (kw_record_page_get_editor (self))) == NULL)
    return;
  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
}

void
kw_record_page_start_draft (KwRecordPage *self,
                            const char   *title,
                            const char   *cancel_tooltip,
                            const char   *add_tooltip)
{
  KwRecordPagePrivate *priv = kw_record_page_get_instance_private (self);
  GtkWidget *row;

  g_return_if_fail (KW_IS_RECORD_PAGE (self));

  if (priv->id != NULL)
    {
      g_clear_pointer (&priv->id, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  gtk_label_set_label (priv->draft_title, title);
  gtk_widget_set_tooltip_text (priv->cancel_button, cancel_tooltip);
  gtk_widget_set_tooltip_text (priv->add_button, add_tooltip);
  kw_record_editor_start_draft (priv->editor);
  show_draft (self, TRUE);
  update_add_enabled (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (priv->scrolled_window), 0);
  if ((row = kw_record_editor_get_title_row (priv->editor)) != NULL)
    gtk_widget_grab_focus (row);
}

gboolean
kw_record_page_is_draft (KwRecordPage *self)
{
  g_return_val_if_fail (KW_IS_RECORD_PAGE (self), FALSE);
  return kw_record_editor_is_draft (kw_record_page_get_editor (self));
}
