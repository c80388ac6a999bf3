/* kw-merge-window.c: find people entered twice and merge them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of likely duplicates (kw_store_find_duplicates: same e-mail,
 * same phone, nearly the same name in the same area); for a pair, the
 * fields that differ side by side, in columns named after the two
 * records, with a choice per field: each value, or both for lists and
 * notes. The choices start from the more complete record (else the
 * older). The merge itself is kw_person_merge(), one transaction; after
 * a confirmation it waits for its undo toast, as deletes do, since the
 * other record's tombstone cannot be taken back: the other person is
 * hidden in the window's list meanwhile.
 */
#define G_LOG_DOMAIN "kw-merge-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "kw-contacts-view.h"
#include "kw-enum-labels.h"
#include "kw-merge-window.h"
#include "kw-person-ops.h"
#include "kw-store-query.h"
#include "kw-toast.h"
#include "kw-window.h"

struct _KwMergeWindow
{
  AdwWindow            parent_instance;

  KwStore             *store;
  KwRecord            *a;
  KwRecord            *b;
  GHashTable          *choices;     /* field name → its row, with the checks "kw-check-0/1/2" */
  GPtrArray           *pair_rows;
  GPtrArray           *field_rows;
  GtkSizeGroup        *columns[3];  /* the two records, and "Both" */
  /* a merge that waits for its toast to go without an undo */
  char                *pending_keep;
  char                *pending_other;
  KwChangeset         *pending_changes;
  AdwToast            *pending_toast;

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
      g_autofree char *title = NULL;
      g_autofree char *reason = NULL;
      GtkWidget *row, *button;

      /* a pair whose merge waits for its toast is as good as done */
      if (self->pending_other != NULL
          && (g_str_equal (d->a, self->pending_other) || g_str_equal (d->b, self->pending_other)))
        continue;
      title = dup_title (self->store, d->a);
      reason = dup_reason (self->store, d);
      row = adw_action_row_new ();
      button = gtk_button_new_with_mnemonic (_("_Compare"));

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
  return kw_format_value (self->store, field, value);
}

static GtkWidget *
make_choice (const char *text,
             GtkWidget  *group)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_set_tooltip_text (check, text);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group));
  return check;
}

/* Fields whose two values can both be kept: lists and notes. */
static gboolean
is_list_field (const KwField *field)
{
  static const char * const lists[] = { "languages", "communities", "topics", NULL };

  return field->kind == KW_FIELD_TEXT && g_strv_contains (lists, field->name);
}

static gboolean
can_keep_both (const KwField *field)
{
  return is_list_field (field) || (field->kind == KW_FIELD_TEXT && (field->flags & KW_FIELD_FLAG_LONG));
}

/* "Nederlands" and "Nederlands, Javaans" → "Nederlands, Javaans". */
static char *
join_lists (const char *a,
            const char *b)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  const char *sources[] = { a, b };

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_auto(GStrv) parts = g_strsplit_set (sources[s], ",;", -1);

      for (guint i = 0; parts[i]; i++)
        {
          g_autofree char *item = g_strstrip (g_strdup (parts[i]));
          gboolean seen = *item == '\0';

          for (guint j = 0; !seen && j < items->len; j++)
            seen = g_utf8_collate (g_ptr_array_index (items, j), item) == 0;
          if (!seen)
            g_ptr_array_add (items, g_steal_pointer (&item));
        }
    }
  g_ptr_array_add (items, NULL);
  return g_strjoinv (", ", (char **) items->pdata);
}

static char *
join_values (const KwField *field,
             const char    *a,
             const char    *b)
{
  if (is_list_field (field))
    return join_lists (a, b);
  return g_strconcat (a, "\n\n", b, NULL);
}

static guint
count_values (KwRecord *record)
{
  const KwEntityType *type = kw_record_get_entity_type (record);
  guint n = 0;

  for (guint i = 0; i < type->n_fields; i++)
    if (kw_record_get_value (record, type->fields[i].name) != NULL)
      n++;
  return n;
}

/* When the record was made: its oldest stamp. */
static const char *
first_stamp (KwRecord *record)
{
  const KwEntityType *type = kw_record_get_entity_type (record);
  const char *first = NULL;

  for (guint i = 0; i < type->n_fields; i++)
    {
      const char *stamp = kw_record_get_stamp (record, type->fields[i].name);

      if (stamp != NULL && *stamp != '\0' && (first == NULL || strcmp (stamp, first) < 0))
        first = stamp;
    }
  return first;
}

/* 0 for a, 1 for b: the more complete record, else the older one. */
static guint
preferred_record (KwMergeWindow *self)
{
  guint na = count_values (self->a), nb = count_values (self->b);

  if (na != nb)
    return na > nb ? 0 : 1;
  return g_strcmp0 (first_stamp (self->b), first_stamp (self->a)) < 0 ? 1 : 0;
}

static GtkWidget *
make_column_label (KwMergeWindow *self,
                   guint          which,
                   const char    *name,
                   const char    *role)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *caption = gtk_label_new (role);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_tooltip_text (label, name);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_size_group_add_widget (self->columns[which], box);
  return box;
}

/* Keeps the columns in line where a row has no "Both". */
static GtkWidget *
make_placeholder (KwMergeWindow *self)
{
  GtkWidget *placeholder = gtk_label_new (NULL);

  gtk_size_group_add_widget (self->columns[2], placeholder);
  return placeholder;
}

/* The first row names the columns: which record is which. */
static void
add_header_row (KwMergeWindow *self)
{
  g_autofree char *ta = kw_record_dup_title (self->a);
  g_autofree char *tb = kw_record_dup_title (self->b);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Record"));
  /* Translators: under the name of the record that stays in a merge */
  gtk_box_append (GTK_BOX (box), make_column_label (self, 0, ta, _("stays")));
  /* Translators: under the name of the record that is merged into the other */
  gtk_box_append (GTK_BOX (box), make_column_label (self, 1, tb, _("is merged in, then removed")));
  gtk_box_append (GTK_BOX (box), make_placeholder (self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  gtk_widget_add_css_class (row, "merge-columns");
  adw_preferences_group_add (self->fields_group, row);
  g_ptr_array_add (self->field_rows, row);
}

static void
add_field_row (KwMergeWindow *self,
               const KwField *field)
{
  GVariant *va = kw_record_get_value (self->a, field->name);
  GVariant *vb = kw_record_get_value (self->b, field->name);
  g_autofree char *ta = dup_value_text (self, field, va);
  g_autofree char *tb = dup_value_text (self, field, vb);
  GtkWidget *row, *box, *checks[3] = { NULL, NULL, NULL };
  guint preferred = preferred_record (self);
  guint chosen;

  if (va == vb || (va && vb && g_variant_equal (va, vb)))
    return;
  row = adw_action_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  checks[0] = make_choice (ta, NULL);
  checks[1] = make_choice (tb, checks[0]);
  gtk_size_group_add_widget (self->columns[0], checks[0]);
  gtk_size_group_add_widget (self->columns[1], checks[1]);
  gtk_box_append (GTK_BOX (box), checks[0]);
  gtk_box_append (GTK_BOX (box), checks[1]);
  chosen = (preferred == 0 ? va : vb) != NULL ? preferred : 1 - preferred;
  if (va != NULL && vb != NULL && can_keep_both (field))
    {
      checks[2] = make_choice (_("Both"), checks[0]);
      gtk_widget_set_tooltip_text (checks[2], is_list_field (field) ? _("Keep the values of both")
                                                                   : _("Keep both texts, one after the other"));
      gtk_size_group_add_widget (self->columns[2], checks[2]);
      gtk_box_append (GTK_BOX (box), checks[2]);
      chosen = 2;
    }
  else
    gtk_box_append (GTK_BOX (box), make_placeholder (self));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (checks[chosen]), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (self->fields_group, row);
  g_ptr_array_add (self->field_rows, row);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *key = g_strdup_printf ("kw-check-%u", i);

      g_object_set_data (G_OBJECT (row), key, checks[i]);
    }
  g_hash_table_insert (self->choices, (gpointer) field->name, row);
}

static GtkCheckButton *
get_check (GtkWidget *row,
           guint      which)
{
  g_autofree char *key = g_strdup_printf ("kw-check-%u", which);

  return g_object_get_data (G_OBJECT (row), key);
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
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        KwMergeWindow    *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "merge") == 0 && !kw_merge_window_merge_later (self, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
on_merge_button_clicked_cb (KwMergeWindow *self)
{
  g_autofree char *keep = NULL;
  g_autofree char *other = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->a == NULL || self->b == NULL)
    return;
  keep = kw_record_dup_title (self->a);
  other = kw_record_dup_title (self->b);
  /* Translators: %s are the names of the two records of one person */
  heading = g_strdup_printf (_("Merge %s into %s?"), other, keep);
  body = g_strdup_printf (_("Everything that refers to %s moves to %s, with the values chosen here. "
                            "The record of %s is then removed, also for fellow organisers after the next sync."),
                          other, keep, other);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hide_in_list (KwMergeWindow *self,
              const char    *id,
              gboolean       hidden)
{
  g_autoptr(GError) error = NULL;

  if (!hidden)
    kw_store_cancel_pending (self->store, "person", id);
  else if (!kw_store_pend_delete (self->store, "person", id, &error))
    g_debug ("could not hide %s while its merge waits: %s", id, error->message);
}

/* The toast went without an undo: now the merge happens. */
static void
finish_pending_merge (KwMergeWindow *self,
                      gboolean       undone)
{
  g_autofree char *keep = g_steal_pointer (&self->pending_keep);
  g_autofree char *other = g_steal_pointer (&self->pending_other);
  g_autoptr(KwChangeset) changes = g_steal_pointer (&self->pending_changes);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->pending_toast);
  if (keep == NULL)
    return;
  hide_in_list (self, other, FALSE);
  if (!undone && !kw_person_merge (self->store, keep, other, changes, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else if (!undone)
    g_signal_emit (self, signals[MERGED], 0, keep);
  if (gtk_widget_get_realized (GTK_WIDGET (self)) && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    load_pairs (self);
}

static void
on_toast_dismissed_cb (KwMergeWindow *self,
                       AdwToast      *toast)
{
  if (toast == self->pending_toast)
    finish_pending_merge (self, FALSE);
}

static void
undo_merge_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  kw_merge_window_undo (KW_MERGE_WINDOW (widget));
}

/* GObject */

static gboolean
kw_merge_window_close_request (GtkWindow *window)
{
  KwMergeWindow *self = KW_MERGE_WINDOW (window);
  g_autoptr(AdwToast) toast = self->pending_toast ? g_object_ref (self->pending_toast) : NULL;

  finish_pending_merge (self, FALSE);
  if (toast != NULL)
    kw_toast_dismiss (toast);
  return GTK_WINDOW_CLASS (kw_merge_window_parent_class)->close_request (window);
}

static void
kw_merge_window_dispose (GObject *object)
{
  KwMergeWindow *self = KW_MERGE_WINDOW (object);

  if (self->store != NULL)
    finish_pending_merge (self, FALSE);
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
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    g_clear_object (&self->columns[i]);

  G_OBJECT_CLASS (kw_merge_window_parent_class)->finalize (object);
}

static void
kw_merge_window_class_init (KwMergeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_merge_window_dispose;
  object_class->finalize = kw_merge_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = kw_merge_window_close_request;

  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/contacts/kw-merge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwMergeWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KwMergeWindow, fields_group);
  gtk_widget_class_bind_template_child (widget_class, KwMergeWindow, pairs_group);
  gtk_widget_class_bind_template_child (widget_class, KwMergeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KwMergeWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "merge.undo", NULL, undo_merge_action);
}

static void
kw_merge_window_init (KwMergeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = g_hash_table_new (g_str_hash, g_str_equal);
  self->pair_rows = g_ptr_array_new ();
  self->field_rows = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    self->columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
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
  /* the more complete (else the older) record stays */
  if (preferred_record (self) == 1)
    {
      KwRecord *swap = self->a;

      self->a = self->b;
      self->b = swap;
    }
  clear_rows (self->fields_group, self->field_rows);
  g_hash_table_remove_all (self->choices);
  add_header_row (self);
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
  GtkWidget *row;
  GtkCheckButton *check;

  g_return_val_if_fail (KW_IS_MERGE_WINDOW (self), FALSE);
  g_return_val_if_fail (which <= 2, FALSE);

  if ((row = g_hash_table_lookup (self->choices, field)) == NULL || (check = get_check (row, which)) == NULL)
    return FALSE;
  gtk_check_button_set_active (check, TRUE);
  return TRUE;
}

int
kw_merge_window_get_choice (KwMergeWindow *self,
                            const char    *field)
{
  GtkWidget *row;

  g_return_val_if_fail (KW_IS_MERGE_WINDOW (self), -1);

  if ((row = g_hash_table_lookup (self->choices, field)) == NULL)
    return -1;
  for (guint i = 0; i < 3; i++)
    if (get_check (row, i) != NULL && gtk_check_button_get_active (get_check (row, i)))
      return (int) i;
  return -1;
}

/* What the survivor (a) gets: the values chosen from b, or both joined. */
static KwChangeset *
make_changes (KwMergeWindow  *self,
              GError        **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", error);
  GHashTableIter iter;
  gpointer field, row;

  g_hash_table_iter_init (&iter, self->choices);
  while (g_hash_table_iter_next (&iter, &field, &row))
    {
      const KwField *f = kw_entity_type_field (kw_record_get_entity_type (self->b), field);
      GVariant *value = kw_record_get_value (self->b, field);

      if (get_check (row, 2) != NULL && gtk_check_button_get_active (get_check (row, 2)))
        {
          g_autofree char *both = join_values (f, kw_record_get_string (self->a, field),
                                               kw_record_get_string (self->b, field));

          if (!kw_changeset_set (changes, field, g_variant_new_string (both), error))
            return NULL;
        }
      else if (!gtk_check_button_get_active (get_check (row, 1)))
        continue;
      else if (value != NULL && !kw_changeset_set (changes, field, value, error))
        return NULL;
      else if (value == NULL)
        kw_changeset_set_null (changes, field);
    }
  return g_steal_pointer (&changes);
}

gboolean
kw_merge_window_merge (KwMergeWindow  *self,
                       GError        **error)
{
  g_autoptr(KwChangeset) changes = NULL;
  g_autofree char *survivor = NULL;

  g_return_val_if_fail (KW_IS_MERGE_WINDOW (self), FALSE);
  g_return_val_if_fail (self->a != NULL && self->b != NULL, FALSE);

  if ((changes = make_changes (self, error)) == NULL)
    return FALSE;
  survivor = g_strdup (kw_record_get_id (self->a));
  if (!kw_person_merge (self->store, survivor, kw_record_get_id (self->b), changes, error))
    return FALSE;
  g_clear_object (&self->a);
  g_clear_object (&self->b);
  load_pairs (self);
  g_signal_emit (self, signals[MERGED], 0, survivor);
  return TRUE;
}

gboolean
kw_merge_window_merge_later (KwMergeWindow  *self,
                             GError        **error)
{
  g_autoptr(KwChangeset) changes = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *other = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  g_return_val_if_fail (KW_IS_MERGE_WINDOW (self), FALSE);
  g_return_val_if_fail (self->a != NULL && self->b != NULL, FALSE);

  if ((changes = make_changes (self, error)) == NULL)
    return FALSE;
  if (self->pending_toast != NULL)
    kw_toast_dismiss (self->pending_toast);
  finish_pending_merge (self, FALSE);
  keep = g_markup_escape_text (kw_record_get_string (self->a, "name"), -1);
  other = g_markup_escape_text (kw_record_get_string (self->b, "name"), -1);
  self->pending_keep = g_strdup (kw_record_get_id (self->a));
  self->pending_other = g_strdup (kw_record_get_id (self->b));
  self->pending_changes = g_steal_pointer (&changes);
  hide_in_list (self, self->pending_other, TRUE);
  g_clear_object (&self->a);
  g_clear_object (&self->b);
  load_pairs (self);

  /* Translators: a toast, short enough to be read whole: "Merged Dewie into Dewi" */
  toast = adw_toast_new_format (_("Merged %s into %s"), other, keep);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "merge.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->pending_toast = g_object_ref (toast);
  kw_toast_add (self->toast_overlay, toast);
  return TRUE;
}

const char *
kw_merge_window_get_kept (KwMergeWindow *self)
{
  g_return_val_if_fail (KW_IS_MERGE_WINDOW (self), NULL);
  return self->a ? kw_record_get_id (self->a) : NULL;
}

AdwToast *
kw_merge_window_get_undo_toast (KwMergeWindow *self)
{
  g_return_val_if_fail (KW_IS_MERGE_WINDOW (self), NULL);
  return self->pending_toast;
}

void
kw_merge_window_undo (KwMergeWindow *self)
{
  g_autoptr(AdwToast) toast = NULL;

  g_return_if_fail (KW_IS_MERGE_WINDOW (self));

  toast = self->pending_toast ? g_object_ref (self->pending_toast) : NULL;
  finish_pending_merge (self, TRUE);
  if (toast != NULL)
    kw_toast_dismiss (toast);
}
