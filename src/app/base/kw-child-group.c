/* kw-child-group.c: the records that belong to the one a page shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preferences group of the children of one record (a person's
 * affiliations, an alliance's partners, a meeting's agenda), each an
 * expander row whose fields are edited in place (KwRecordEditor). What
 * the children are comes from the registry: the records of the child
 * type whose PARENT reference points at the parent (a relation has two,
 * either end), the title of a row is the record at its other reference
 * (else its title field), its rows every other field, newest first by a
 * dated index, and the types they refer to refresh them. The rows are a
 * GtkListBox bound to a GListModel of the children, changed only where
 * the set of children changed, so that editing one does not collapse
 * it. Removing goes through win.delete-record; adding through the
 * record chooser (or a subclass's form).
 */
#define G_LOG_DOMAIN "kw-child-group"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "kw-child-group.h"
#include "kw-format.h"

typedef struct
{
  KwStore            *store;
  const KwEntityType *type;        /* the children's */
  char               *parent_type;
  char               *parent_id;
  GListStore         *children;    /* KwRecord, as shown */
  GHashTable         *watched;     /* interned type names whose changes refresh the rows */
  GtkWidget          *list;        /* bound to children */
  GtkWidget          *add_button;
  GtkWidget          *empty_row;
  GtkWidget          *form;
  KwRecordChooser    *chooser;
  char               *remove_format; /* "Remove affiliation with %s" */
} KwChildGroupPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KwChildGroup, kw_child_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CHILD_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a row holds besides its widgets. */
typedef struct
{
  KwRecordEditor *editor;
  GtkWidget      *remove;
  gboolean        has_rows;  /* the editor's rows, made when first opened */
} ChildRow;

static void
child_row_free (ChildRow *child)
{
  g_clear_object (&child->editor);
  g_free (child);
}

static ChildRow *
get_child_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "kw-child-row");
}

/* Helpers */

/* A tooltip set again only when it changes: setting one queries the
 * tooltip under the pointer, a timeout that may outlive the window. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* The child's PARENT reference at the parent's type after @after (NULL:
 * the first), or NULL. */
static const KwField *
next_parent_field (KwChildGroup  *self,
                   const KwField *after)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  const KwEntityType *type = priv->type;
  guint i = after ? (guint) (after - type->fields) + 1 : 0;

  for (; priv->parent_type != NULL && i < type->n_fields; i++)
    if ((type->fields[i].flags & KW_FIELD_FLAG_PARENT) && kw_field_targets (&type->fields[i], priv->parent_type))
      return &type->fields[i];
  return NULL;
}

/* The child's other PARENT reference (an affiliation's organisation for
 * a person), or NULL for none. */
static const KwField *
other_field (KwChildGroup  *self,
             const KwField *parent)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  for (guint i = 0; i < priv->type->n_fields; i++)
    if ((priv->type->fields[i].flags & KW_FIELD_FLAG_PARENT) && &priv->type->fields[i] != parent)
      return &priv->type->fields[i];
  return NULL;
}

/* Of the references at the parent's type, the one that points at it. */
static const KwField *
parent_field_of (KwChildGroup *self,
                 KwRecord     *record)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  const KwField *first = next_parent_field (self, NULL);

  for (const KwField *parent = first; parent; parent = next_parent_field (self, parent))
    if (g_strcmp0 (kw_record_get_string (record, parent->name), priv->parent_id) == 0)
      return parent;
  return first;
}

/* The child's dated index (a contact moment's date): newest first. */
static const KwField *
order_field (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  for (guint i = 0; i < priv->type->n_fields; i++)
    if (priv->type->fields[i].kind == KW_FIELD_DATE && (priv->type->fields[i].flags & KW_FIELD_FLAG_INDEX))
      return &priv->type->fields[i];
  return NULL;
}

static int
compare_by_order_desc (gconstpointer a,
                       gconstpointer b,
                       gpointer      field)
{
  KwRecord *ra = *(KwRecord **) a, *rb = *(KwRecord **) b;

  return -g_strcmp0 (kw_record_get_string (ra, ((const KwField *) field)->name),
                     kw_record_get_string (rb, ((const KwField *) field)->name));
}

static int
compare_by_class (gconstpointer a,
                  gconstpointer b,
                  gpointer      self)
{
  return KW_CHILD_GROUP_GET_CLASS (self)->compare (self, *(KwRecord **) a, *(KwRecord **) b);
}

/* The children through each PARENT reference at the parent's type (the
 * store leaves out those whose delete is pending). */
static GPtrArray *
list_records (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  const KwField *order = order_field (self);

  for (const KwField *parent = next_parent_field (self, NULL); parent && priv->parent_id;
       parent = next_parent_field (self, parent))
    {
      g_autoptr(GPtrArray) some = kw_store_list_by_ref (priv->store, priv->type->name, parent->name,
                                                        priv->parent_id, NULL);

      for (guint i = 0; some != NULL && i < some->len; i++)
        g_ptr_array_add (records, g_object_ref (g_ptr_array_index (some, i)));
    }
  if (order != NULL)
    g_ptr_array_sort_with_data (records, compare_by_order_desc, (gpointer) order);
  if (KW_CHILD_GROUP_GET_CLASS (self)->compare != NULL)
    g_ptr_array_sort_with_data (records, compare_by_class, self);
  return records;
}

static gboolean
is_row_field (KwChildGroup  *self,
              const KwField *field)
{
  return !(field->flags & (KW_FIELD_FLAG_PARENT | KW_FIELD_FLAG_LOCAL))
         && (KW_CHILD_GROUP_GET_CLASS (self)->shows_field == NULL || KW_CHILD_GROUP_GET_CLASS (self)->shows_field (self, field));
}

/* "Remove relation with %s" → "Remove relation with Wim Zoekbaar" */
static char *
replace_title (const char *format,
               const char *title)
{
  const char *at = strstr (format, "%s");

  if (at == NULL)
    return g_strdup (format);
  return g_strdup_printf ("%.*s%s%s", (int) (at - format), format, title, at + 2);
}

static void
update_row (KwChildGroup *self,
            GtkWidget    *row,
            KwRecord     *record)
{
  KwChildGroupClass *klass = KW_CHILD_GROUP_GET_CLASS (self);
  ChildRow *child = get_child_row (row);
  g_autofree char *title = klass->dup_title (self, record);
  g_autofree char *subtitle = klass->dup_subtitle (self, record);
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  const char *format = priv->remove_format;
  g_autofree char *remove_text = NULL;

  /* the subclass's text, with the row's title for a %s in it */
  remove_text = format != NULL ? replace_title (format, title) : g_strdup (_("Remove"));
  kw_record_editor_set_record (child->editor, record);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  set_tooltip (child->remove, remove_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child->remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_text, -1);
  if (klass->update_row != NULL)
    klass->update_row (self, ADW_EXPANDER_ROW (row), record);
}

static void
update_empty (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->children));

  gtk_widget_set_visible (priv->list, n > 0);
  /* in the group's own list, which shows (an empty frame too) while it has a row */
  if (n == 0 && gtk_widget_get_parent (priv->empty_row) == NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), priv->empty_row);
  else if (n > 0 && gtk_widget_get_parent (priv->empty_row) != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), priv->empty_row);
}

/* Every field stamped as in the other: the same version of a record. */
static gboolean
same_version (KwRecord *a,
              KwRecord *b)
{
  const KwEntityType *type = kw_record_get_entity_type (a);

  for (guint i = 0; i < type->n_fields; i++)
    if (g_strcmp0 (kw_record_get_stamp_at (a, i), kw_record_get_stamp_at (b, i)) != 0)
      return FALSE;
  return TRUE;
}

/* The model holds the records of the rows that stay as they are now too
 * (what it says to others, a total of amounts, is current): each one
 * that changed is replaced where it is, while the list's own handler,
 * which would make a new row, is blocked. */
static void
replace_kept (KwChildGroup *self,
              GPtrArray    *records,
              guint         prefix,
              guint         suffix)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->children));

  g_signal_handlers_block_matched (priv->children, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, priv->list);
  for (guint i = 0; i < records->len; i++)
    if (i < prefix || i >= records->len - suffix)
      {
        guint at = i < prefix ? i : n - (records->len - i);
        g_autoptr(KwRecord) shown = g_list_model_get_item (G_LIST_MODEL (priv->children), at);

        if (!same_version (shown, records->pdata[i]))
          g_list_store_splice (priv->children, at, 1, &records->pdata[i], 1);
      }
  g_signal_handlers_unblock_matched (priv->children, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, priv->list);
}

/* The children again: rows stay where the same records are, so that an
 * open row stays open; only the run that changed is spliced. */
static void
refresh (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  g_autoptr(GPtrArray) records = list_records (self);
  GListModel *shown = G_LIST_MODEL (priv->children);
  guint n = g_list_model_get_n_items (shown), prefix = 0, suffix = 0;

  while (prefix < n && prefix < records->len)
    {
      g_autoptr(KwRecord) old = g_list_model_get_item (shown, prefix);

      if (!g_str_equal (kw_record_get_id (old), kw_record_get_id (records->pdata[prefix])))
        break;
      prefix++;
    }
  while (suffix < n - prefix && suffix < records->len - prefix)
    {
      g_autoptr(KwRecord) old = g_list_model_get_item (shown, n - 1 - suffix);

      if (!g_str_equal (kw_record_get_id (old), kw_record_get_id (records->pdata[records->len - 1 - suffix])))
        break;
      suffix++;
    }
  /* the rows that stay show their record as it is now, without a new row */
  for (guint i = 0; i < records->len; i++)
    if (i < prefix || i >= records->len - suffix)
      {
        guint at = i < prefix ? i : n - (records->len - i);
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (priv->list), at);

        if (row != NULL)
          update_row (self, GTK_WIDGET (row), records->pdata[i]);
      }
  replace_kept (self, records, prefix, suffix);
  if (n - prefix - suffix > 0 || records->len - prefix - suffix > 0)
    g_list_store_splice (priv->children, prefix, n - prefix - suffix,
                         records->pdata + prefix, records->len - prefix - suffix);
  update_empty (self);
}

/* Callbacks */

static void
on_store_changed_cb (KwChildGroup *self,
                     const char   *type_name)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  if (g_hash_table_contains (priv->watched, g_intern_string (type_name)))
    refresh (self);
}

static void
on_remove_clicked_cb (GtkButton    *button,
                      KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  KwRecord *record = kw_record_editor_get_record (get_child_row (row)->editor);

  /* the window deletes it when its undo toast goes */
  if (record != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-record", "(ss)", priv->type->name,
                                kw_record_get_id (record));
}

static void
on_chooser_chosen_cb (KwChildGroup *self,
                      const char   *type_name,
                      const char   *id)
{
  kw_child_group_choose (self, type_name, id);
}

/* The editor's rows of a child: every field but the references it
 * belongs to, in the registry's order. Made when the row is first
 * opened (or its editor asked for): a page of many children opens
 * without making a calendar and a chooser for each. */
static void
ensure_editor_rows (KwChildGroup *self,
                    GtkWidget    *row)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  ChildRow *child = get_child_row (row);

  if (child->has_rows)
    return;
  child->has_rows = TRUE;
  for (guint i = 0; i < priv->type->n_fields; i++)
    if (is_row_field (self, &priv->type->fields[i]))
      kw_record_editor_add_row (child->editor, row, priv->type->fields[i].name);
}

static void
on_row_expanded_cb (GtkWidget    *row,
                    GParamSpec   *pspec,
                    KwChildGroup *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    ensure_editor_rows (self, row);
}

/* Building */

static GtkWidget *
make_row (gpointer item,
          gpointer data)
{
  KwChildGroup *self = data;
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  GtkWidget *row = adw_expander_row_new ();
  ChildRow *child = g_new0 (ChildRow, 1);

  child->editor = kw_record_editor_new (priv->store, priv->type->name);
  child->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_object_set_data_full (G_OBJECT (row), "kw-child-row", child, (GDestroyNotify) child_row_free);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded_cb), self, 0);
  gtk_widget_set_valign (child->remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (child->remove, "flat");
  g_signal_connect_object (child->remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  /* actions are shown in the reverse order: [subclass's] [remove] */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), child->remove);
  if (KW_CHILD_GROUP_GET_CLASS (self)->setup_row != NULL)
    KW_CHILD_GROUP_GET_CLASS (self)->setup_row (self, ADW_EXPANDER_ROW (row));
  update_row (self, row, item);
  return row;
}

static void
setup_add_popover (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  const KwField *other = other_field (self, next_parent_field (self, NULL));
  GtkWidget *popover = NULL;

  g_clear_object (&priv->chooser);
  if (other != NULL)
    {
      priv->chooser = g_object_ref_sink (kw_record_chooser_new (priv->store, other->targets, FALSE));
      popover = GTK_WIDGET (priv->chooser);
      g_signal_connect_object (popover, "chosen", G_CALLBACK (on_chooser_chosen_cb), self, G_CONNECT_SWAPPED);
    }
  else if (KW_CHILD_GROUP_GET_CLASS (self)->make_add_popover != NULL)
    popover = KW_CHILD_GROUP_GET_CLASS (self)->make_add_popover (self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (priv->add_button), popover);
  gtk_widget_set_visible (priv->add_button, popover != NULL);
}

/* The default vfuncs */

static char *
kw_child_group_real_dup_title (KwChildGroup *self,
                               KwRecord     *record)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  const KwField *other = other_field (self, parent_field_of (self, record));
  const char *title;

  if (other != NULL)
    return kw_child_group_dup_party_title (self, other, kw_record_get_string (record, other->name));
  title = priv->type->title_field ? kw_record_get_string (record, priv->type->title_field) : NULL;
  return g_strdup (title != NULL && *title != '\0' ? title : g_dgettext (GETTEXT_PACKAGE, priv->type->label));
}

static char *
kw_child_group_real_dup_subtitle (KwChildGroup *self,
                                  KwRecord     *record)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < priv->type->n_fields; i++)
    {
      const KwField *field = &priv->type->fields[i];
      char *text;

      if (!is_row_field (self, field) || (field->flags & KW_FIELD_FLAG_LONG)
          || g_strcmp0 (field->name, priv->type->title_field) == 0
          || (text = kw_format_value (priv->store, field, kw_record_get_value (record, field->name))) == NULL)
        continue;
      g_ptr_array_add (parts, text);
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
kw_child_group_real_add (KwChildGroup  *self,
                         const char    *other_type,
                         const char    *other_id,
                         GError       **error)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  g_autoptr(KwChangeset) changes = kw_changeset_new (priv->type->name, error);
  const KwField *parent = next_parent_field (self, NULL);
  const KwField *other = other_field (self, parent);

  kw_changeset_set_string (changes, parent->name, priv->parent_id);
  if (other != NULL)
    kw_changeset_set_string (changes, other->name, other_id);
  return kw_store_create (priv->store, changes, error);
}

static void
kw_child_group_real_choose (KwChildGroup *self,
                            const char   *other_type,
                            const char   *other_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;

  if ((made = kw_child_group_add (self, other_type, other_id, &error)) == NULL)
    g_warning ("could not add: %s", error->message);
}

/* GObject */

static void
kw_child_group_dispose (GObject *object)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (KW_CHILD_GROUP (object));

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, object);
  g_clear_object (&priv->chooser);
  g_clear_pointer (&priv->watched, g_hash_table_unref);

  G_OBJECT_CLASS (kw_child_group_parent_class)->dispose (object);
}

static void
kw_child_group_finalize (GObject *object)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (KW_CHILD_GROUP (object));

  g_clear_object (&priv->children);
  g_clear_object (&priv->empty_row);
  g_clear_object (&priv->store);
  g_free (priv->parent_type);
  g_free (priv->parent_id);
  g_free (priv->remove_format);

  G_OBJECT_CLASS (kw_child_group_parent_class)->finalize (object);
}

static void
kw_child_group_constructed (GObject *object)
{
  KwChildGroup *self = KW_CHILD_GROUP (object);
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  G_OBJECT_CLASS (kw_child_group_parent_class)->constructed (object);

  g_assert (priv->store != NULL && priv->type != NULL);
  /* the children's type and the types they refer to (whose titles the rows show) */
  g_hash_table_add (priv->watched, (gpointer) g_intern_string (priv->type->name));
  for (guint i = 0; i < priv->type->n_fields; i++)
    for (guint t = 0; priv->type->fields[i].kind == KW_FIELD_REF && priv->type->fields[i].targets[t]; t++)
      g_hash_table_add (priv->watched, (gpointer) g_intern_string (priv->type->fields[i].targets[t]));
  g_signal_connect_swapped (priv->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  kw_child_group_set_texts (self, g_dgettext (GETTEXT_PACKAGE, priv->type->plural), _("None yet"), _("Add"), NULL);
}

static void
kw_child_group_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (KW_CHILD_GROUP (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_CHILD_TYPE:
      priv->type = kw_registry_lookup (g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_child_group_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (KW_CHILD_GROUP (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_CHILD_TYPE:
      g_value_set_string (value, priv->type ? priv->type->name : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_child_group_class_init (KwChildGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kw_child_group_constructed;
  object_class->dispose = kw_child_group_dispose;
  object_class->finalize = kw_child_group_finalize;
  object_class->get_property = kw_child_group_get_property;
  object_class->set_property = kw_child_group_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHILD_TYPE] =
    g_param_spec_string ("child-type", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  klass->dup_title = kw_child_group_real_dup_title;
  klass->dup_subtitle = kw_child_group_real_dup_subtitle;
  klass->add = kw_child_group_real_add;
  klass->choose = kw_child_group_real_choose;
}

static void
kw_child_group_init (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  priv->children = g_list_store_new (KW_TYPE_RECORD);
  priv->watched = g_hash_table_new (NULL, NULL);

  priv->add_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (priv->add_button), "list-add-symbolic");
  gtk_widget_add_css_class (priv->add_button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), priv->add_button);

  priv->empty_row = g_object_ref_sink (adw_action_row_new ());
  gtk_widget_add_css_class (priv->empty_row, "dim-label");
  priv->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (priv->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (priv->list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (priv->list), G_LIST_MODEL (priv->children), make_row, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), priv->list);
  update_empty (self);
}

/* Public API */

KwChildGroup *
kw_child_group_new (KwStore    *store,
                    const char *child_type)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (kw_registry_lookup (child_type) != NULL, NULL);

  return g_object_new (KW_TYPE_CHILD_GROUP, "store", store, "child-type", child_type, NULL);
}

void
kw_child_group_set_parent (KwChildGroup *self,
                           const char   *parent_type,
                           const char   *parent_id)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  gboolean new_type;

  g_return_if_fail (KW_IS_CHILD_GROUP (self));

  new_type = g_strcmp0 (priv->parent_type, parent_type) != 0;
  g_free (priv->parent_type);
  g_free (priv->parent_id);
  priv->parent_type = g_strdup (parent_type);
  priv->parent_id = g_strdup (parent_id);
  if (new_type && parent_type != NULL)
    setup_add_popover (self);
  /* a record is not its own child (a relation with oneself) */
  if (priv->chooser != NULL)
    kw_record_chooser_set_excluded (priv->chooser, parent_id);
  refresh (self);
}

void
kw_child_group_set_texts (KwChildGroup *self,
                          const char   *title,
                          const char   *empty,
                          const char   *add,
                          const char   *remove_format)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  g_return_if_fail (KW_IS_CHILD_GROUP (self));

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  if (empty != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (priv->empty_row), empty);
  if (add != NULL)
    {
      gtk_widget_set_tooltip_text (priv->add_button, add);
      gtk_accessible_update_property (GTK_ACCESSIBLE (priv->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, add, -1);
    }
  if (remove_format != NULL)
    {
      g_free (priv->remove_format);
      priv->remove_format = g_strdup (remove_format);
    }
}


GListModel *
kw_child_group_get_model (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  return G_LIST_MODEL (priv->children);
}

guint
kw_child_group_get_n_rows (KwChildGroup *self)
{
  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), 0);
  return g_list_model_get_n_items (kw_child_group_get_model (self));
}

KwRecordEditor *
kw_child_group_get_editor (KwChildGroup *self,
                           const char   *id)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  GtkListBoxRow *row;

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (priv->list), i)) != NULL; i++)
    {
      KwRecord *record = kw_record_editor_get_record (get_child_row (GTK_WIDGET (row))->editor);

      if (record != NULL && g_strcmp0 (kw_record_get_id (record), id) == 0)
        {
          ensure_editor_rows (self, GTK_WIDGET (row));
          return get_child_row (GTK_WIDGET (row))->editor;
        }
    }
  return NULL;
}

char *
kw_child_group_add (KwChildGroup  *self,
                    const char    *other_type,
                    const char    *other_id,
                    GError       **error)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  g_return_val_if_fail (priv->parent_id != NULL, NULL);

  return KW_CHILD_GROUP_GET_CLASS (self)->add (self, other_type, other_id, error);
}

void
kw_child_group_choose (KwChildGroup *self,
                       const char   *other_type,
                       const char   *other_id)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  g_return_if_fail (KW_IS_CHILD_GROUP (self));

  if (other_id == NULL || priv->parent_id == NULL)
    return;
  KW_CHILD_GROUP_GET_CLASS (self)->choose (self, other_type, other_id);
}

KwRecordChooser *
kw_child_group_get_chooser (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  return priv->chooser;
}

GtkWidget *
kw_child_group_get_form (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  return priv->form;
}

void
kw_child_group_set_form (KwChildGroup *self,
                         GtkWidget    *form)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  g_return_if_fail (KW_IS_CHILD_GROUP (self));
  g_return_if_fail (priv->form == NULL);

  priv->form = form;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), form);
}

KwStore *
kw_child_group_get_store (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  return priv->store;
}

const char *
kw_child_group_get_parent_id (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  return priv->parent_id;
}

const char *
kw_child_group_get_child_type (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  return priv->type->name;
}

GtkWidget *
kw_child_group_get_add_button (KwChildGroup *self)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  return priv->add_button;
}

char *
kw_child_group_dup_party_title (KwChildGroup  *self,
                                const KwField *field,
                                const char    *id)
{
  KwChildGroupPrivate *priv = kw_child_group_get_instance_private (self);
  char *title;

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);
  g_return_val_if_fail (field != NULL && field->kind == KW_FIELD_REF, NULL);

  title = id ? kw_store_dup_reference_title (priv->store, field->targets, id) : NULL;
  return title ? title : g_strdup (_("Unknown or deleted"));
}

const char *
kw_child_group_get_other_id (KwChildGroup *self,
                             KwRecord     *record)
{
  const KwField *other;

  g_return_val_if_fail (KW_IS_CHILD_GROUP (self), NULL);

  other = other_field (self, parent_field_of (self, record));
  return other ? kw_record_get_string (record, other->name) : NULL;
}

GtkWidget *
kw_child_group_add_labelled (GtkWidget  *box,
                             const char *label,
                             GtkWidget  *field)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), field);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), field);
  return field;
}
