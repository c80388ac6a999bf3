/* kw-merge-window.c: find people entered twice and merge them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of likely duplicates (kw_store_find_duplicates: same e-mail,
 * same phone, nearly the same name in the same area); for a pair, the
 * fields that differ side by side with a choice per field; the merge
 * itself is kw_person_merge(), one transaction.
 */
#define G_LOG_DOMAIN "kw-merge-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-merge-window.h"
#include "kw-person-ops.h"
#include "kw-store-query.h"

struct _KwMergeWindow
{
  AdwWindow            parent_instance;

  KwStore             *store;
  KwRecord            *a;
  KwRecord            *b;
  GHashTable          *choices;     /* field name → the check button of b's value */
  GPtrArray           *pair_rows;
  GPtrArray           *field_rows;

  GtkWidget           *back_button;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *pairs_group;
  GtkStack            *stack;
  AdwToastOverlay     *toast_overlay;
};

G_DEFINE_FINAL_TYPE (KwMergeWindow, kw_merge_window, ADW_TYPE_WINDOW)

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_compare_clicked_cb (KwMergeWindow *self, GtkButton *button);

/* Helpers */

static char *
dup_title (KwStore    *store,
           const char *id)
{
  g_autoptr(KwRecord) record = kw_store_get (store, "person", id, NULL);

  return record ? kw_record_dup_title (record) : g_strdup (id);
}

static char *
dup_reason (KwStore           *store,
            const KwDuplicate *d)
{
  g_autofree char *other = dup_title (store, d->b);

  if (g_str_equal (d->reason, "email"))
    return g_strdup_printf (_("Same e-mail address as %s"), other);
  if (g_str_equal (d->reason, "phone"))
    return g_strdup_printf (_("Same phone number as %s"), other);
  return g_strdup_printf (_("Nearly the same name as %s, in the same area"), other);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
load_pairs (KwMergeWindow *self)
{
  g_autoptr(GPtrArray) pairs = kw_store_find_duplicates (self->store, 100, NULL);

  clear_rows (self->pairs_group, self->pair_rows);
  for (guint i = 0; pairs && i < pairs->len; i++)
    {
      KwDuplicate *d = g_ptr_array_index (pairs, i);
      g_autofree char *title = dup_title (self->store, d->a);
      g_autofree char *reason = dup_reason (self->store, d);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Compare"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "kw-a", g_strdup (d->a), g_free);
      g_object_set_data_full (G_OBJECT (button), "kw-b", g_strdup (d->b), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_compare_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->pairs_group, row);
      g_ptr_array_add (self->pair_rows, row);
    }
  gtk_stack_set_visible_child_name (self->stack, self->pair_rows->len > 0 ? "pairs" : "none");
  gtk_widget_set_visible (self->back_button, FALSE);
}

static char *
dup_value_text (KwMergeWindow *self,
                const KwField *field,
                GVariant      *value)
{
  if (value == NULL)
    return g_strdup (_("(empty)"));
  if (field->kind == KW_FIELD_BOOL)
    return g_strdup (g_variant_get_boolean (value) ? _("Yes") : _("No"));
  if (field->kind == KW_FIELD_ENUM)
    return g_strdup (kw_enum_label (field, g_variant_get_string (value, NULL)));
  if (field->kind == KW_FIELD_REF)
    {
      const char *type = kw_store_find_type (self->store, field->targets, g_variant_get_string (value, NULL));
      g_autoptr(KwRecord) record = type ? kw_store_get (self->store, type, g_variant_get_string (value, NULL), NULL) : NULL;

      return record ? kw_record_dup_title (record) : g_strdup (_("Unknown or deleted"));
    }
  return kw_field_format (field, value);
}

static GtkWidget *
make_choice (const char *text,
             GtkWidget  *group)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_set_tooltip_text (check, text);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group));
  return check;
}

static void
add_field_row (KwMergeWindow *self,
               const KwField *field)
{
  GVariant *va = kw_record_get_value (self->a, field->name);
  GVariant *vb = kw_record_get_value (self->b, field->name);
  g_autofree char *ta = dup_value_text (self, field, va);
  g_autofree char *tb = dup_value_text (self, field, vb);
  GtkWidget *row, *box, *check_a, *check_b;

  if (va == vb || (va && vb && g_variant_equal (va, vb)))
    return;
  row = adw_action_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  check_a = make_choice (ta, NULL);
  check_b = make_choice (tb, check_a);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (va != NULL ? check_a : check_b), TRUE);
  gtk_box_append (GTK_BOX (box), check_a);
  gtk_box_append (GTK_BOX (box), check_b);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (self->fields_group, row);
  g_ptr_array_add (self->field_rows, row);
  g_hash_table_insert (self->choices, (gpointer) field->name, check_b);
}

/* Callbacks */

static void
on_compare_clicked_cb (KwMergeWindow *self,
                       GtkButton     *button)
{
  kw_merge_window_compare (self, g_object_get_data (G_OBJECT (button), "kw-a"),
                           g_object_get_data (G_OBJECT (button), "kw-b"));
}

static void
on_back_button_clicked_cb (KwMergeWindow *self)
{
  load_pairs (self);
}

static void
on_merge_button_clicked_cb (KwMergeWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!kw_merge_window_merge (self, &error))
    message = g_markup_escape_text (error->message, -1);
  else
    message = g_strdup (_("Merged. The other record is gone, also for fellow organisers after the next sync."));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* GObject */

static void
kw_merge_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_MERGE_WINDOW);
  G_OBJECT_CLASS (kw_merge_window_parent_class)->dispose (object);
}

static void
kw_merge_window_finalize (GObject *object)
{
  KwMergeWindow *self = (KwMergeWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->a);
  g_clear_object (&self->b);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_pointer (&self->pair_rows, g_ptr_array_unref);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_merge_window_parent_class)->finalize (object);
}

static void
kw_merge_window_class_init (KwMergeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_merge_window_dispose;
  object_class->finalize = kw_merge_window_finalize;

  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/kw-merge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwMergeWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KwMergeWindow, fields_group);
  gtk_widget_class_bind_template_child (widget_class, KwMergeWindow, pairs_group);
  gtk_widget_class_bind_template_child (widget_class, KwMergeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KwMergeWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kw_merge_window_init (KwMergeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = g_hash_table_new (g_str_hash, g_str_equal);
  self->pair_rows = g_ptr_array_new ();
  self->field_rows = g_ptr_array_new ();
}

/* Public API */

KwMergeWindow *
kw_merge_window_new (GtkWindow *parent,
                     KwStore   *store)
{
  KwMergeWindow *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_MERGE_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load_pairs (self);
  return self;
}

guint
kw_merge_window_get_n_pairs (KwMergeWindow *self)
{
  g_return_val_if_fail (KW_IS_MERGE_WINDOW (self), 0);
  return self->pair_rows->len;
}

void
kw_merge_window_compare (KwMergeWindow *self,
                         const char    *a,
                         const char    *b)
{
  const KwEntityType *person = kw_registry_lookup ("person");

  g_return_if_fail (KW_IS_MERGE_WINDOW (self));

  g_clear_object (&self->a);
  g_clear_object (&self->b);
  self->a = kw_store_get (self->store, "person", a, NULL);
  self->b = kw_store_get (self->store, "person", b, NULL);
  if (self->a == NULL || self->b == NULL)
    {
      load_pairs (self);
      return;
    }
  clear_rows (self->fields_group, self->field_rows);
  g_hash_table_remove_all (self->choices);
  for (guint i = 0; i < person->n_fields; i++)
    add_field_row (self, &person->fields[i]);
  gtk_stack_set_visible_child_name (self->stack, "fields");
  gtk_widget_set_visible (self->back_button, TRUE);
}

gboolean
kw_merge_window_choose (KwMergeWindow *self,
                        const char    *field,
                        guint          which)
{
  GtkCheckButton *check_b;
  GtkWidget *check_a;

  g_return_val_if_fail (KW_IS_MERGE_WINDOW (self), FALSE);

  if ((check_b = g_hash_table_lookup (self->choices, field)) == NULL)
    return FALSE;
  check_a = gtk_widget_get_prev_sibling (GTK_WIDGET (check_b));
  gtk_check_button_set_active (which == 1 ? check_b : GTK_CHECK_BUTTON (check_a), TRUE);
  return TRUE;
}

gboolean
kw_merge_window_merge (KwMergeWindow  *self,
                       GError        **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", error);
  g_autofree char *survivor = NULL;
  GHashTableIter iter;
  gpointer field, check_b;

  g_return_val_if_fail (KW_IS_MERGE_WINDOW (self), FALSE);
  g_return_val_if_fail (self->a != NULL && self->b != NULL, FALSE);

  g_hash_table_iter_init (&iter, self->choices);
  while (g_hash_table_iter_next (&iter, &field, &check_b))
    if (gtk_check_button_get_active (check_b))
      {
        GVariant *value = kw_record_get_value (self->b, field);

        if (value != NULL && !kw_changeset_set (changes, field, value, error))
          return FALSE;
        if (value == NULL)
          kw_changeset_set_null (changes, field);
      }
  survivor = g_strdup (kw_record_get_id (self->a));
  if (!kw_person_merge (self->store, survivor, kw_record_get_id (self->b), changes, error))
    return FALSE;
  g_clear_object (&self->a);
  g_clear_object (&self->b);
  load_pairs (self);
  g_signal_emit (self, signals[MERGED], 0, survivor);
  return TRUE;
}
