/* kw-conflicts-window.c: concurrent edits kept aside by a sync, to pick from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import keeps a value that lost to a concurrent edit, and the edits
 * that met a tombstone their author had not seen, as conflicts
 * (kw-import.h, spec/export-format.md "Merge rules"). This window lists
 * the unresolved ones, a group per record, and leaves the values'
 * decoding and every choice to the core (kw-conflicts.h). Picking a value
 * is an ordinary new write (so it syncs, and picking again undoes it);
 * keeping the current one only marks the conflict resolved. The edited
 * values of a deleted record can come back as a new record: the id of a
 * tombstone never lives again.
 */
#define G_LOG_DOMAIN "kw-conflicts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-conflicts-window.h"
#include "kw-conflicts.h"
#include "kw-enum-labels.h"
#include "kw-format.h"
#include "kw-hlc.h"
#include "kw-import.h"
#include "kw-merge-dialog.h"
#include "kw-sync-folder.h"

#define MAX_VALUE_CHARS 160

struct _KwConflictsWindow
{
  AdwWindow        parent_instance;

  KwStore         *store;
  GPtrArray       *conflicts;   /* KwConflict, shown now; the buttons point into it */
  GPtrArray       *groups;      /* AdwPreferencesGroup, one per record */
  guint            reload_id;

  GtkBox          *groups_box;
  GtkStack        *stack;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (KwConflictsWindow, kw_conflicts_window, ADW_TYPE_WINDOW)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_use_clicked_cb     (KwConflictsWindow *self, GtkButton *button);
static void on_keep_clicked_cb    (KwConflictsWindow *self, GtkButton *button);
static void on_merge_clicked_cb   (KwConflictsWindow *self, GtkButton *button);
static void on_restore_clicked_cb (KwConflictsWindow *self, GtkButton *button);
static void on_discard_clicked_cb (KwConflictsWindow *self, GtkButton *button);

/* Helpers: text */

static char *
format_local_time (GDateTime *dt)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);

  /* Translators: a date and time, see the strftime() manual; "3 March 2024, 14:05" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static char *
dup_stamp_text (const char *stamp)
{
  g_autoptr(GDateTime) dt = NULL;
  KwHlc hlc;

  if (stamp == NULL || !kw_hlc_parse (stamp, &hlc)
      || (dt = g_date_time_new_from_unix_utc (hlc.ms / 1000)) == NULL)
    return g_strdup (_("at an unknown time"));
  return format_local_time (dt);
}

/* One line, not too long: a subtitle, not a notes editor. */
static char *
shorten (char *text)
{
  g_strdelimit (text, "\r\n\t", ' ');
  if (g_utf8_strlen (text, -1) > MAX_VALUE_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (text, MAX_VALUE_CHARS);
      g_autofree char *head = g_strndup (text, end - text);

      g_free (text);
      return g_strconcat (head, "…", NULL);
    }
  return text;
}

static char *
dup_value_text (KwConflictsWindow *self,
                const KwField     *field,
                GVariant          *value)
{
  if (value == NULL)
    return g_strdup (_("(empty)"));
  return shorten (kw_format_value (self->store, field, value));
}

static char *
dup_conflict_text (KwConflictsWindow *self,
                   const KwField     *field,
                   const KwConflict  *c)
{
  if (!c->value_read)
    return shorten (g_strdup (c->value_json));
  return dup_value_text (self, field, c->value);
}

/* Who wrote a conflict's value: the organiser's name, else the start of
 * the device id (as in the names of the files in the sync folder). */
static char *
dup_author (const KwConflict *c)
{
  KwHlc hlc;

  if (c->organiser != NULL && *c->organiser != '\0')
    return g_strdup (c->organiser);
  if (c->hlc != NULL && kw_hlc_parse (c->hlc, &hlc))
    /* Translators: "by the device 709e9914", the start of its id */
    return g_strdup_printf (_("the device %.8s"), hlc.device);
  return g_strdup (_("an unknown organiser"));
}

/* Who wrote the value kept now, and when: this device, or a colleague
 * as their files named them. */
static char *
dup_kept_caption (KwConflictsWindow *self,
                  const char        *stamp)
{
  g_autofree char *when = dup_stamp_text (stamp);
  g_autofree char *who = NULL;
  KwHlc hlc;

  if (stamp == NULL || !kw_hlc_parse (stamp, &hlc))
    return g_strdup (_("Kept now"));
  if (g_str_equal (hlc.device, kw_store_get_device_id (self->store)))
    /* Translators: the value kept now was typed on this device, at this time */
    return g_strdup_printf (_("Kept now, typed on this device, %s"), when);
  if ((who = kw_sync_folder_dup_organiser (self->store, hlc.device)) == NULL)
    who = g_strdup_printf (_("the device %.8s"), hlc.device);
  /* Translators: the value kept now: its author and when it was typed */
  return g_strdup_printf (_("Kept now, by %s, %s"), who, when);
}

static gboolean
written_here (KwConflictsWindow *self,
              const char        *stamp)
{
  KwHlc hlc;

  return stamp != NULL && kw_hlc_parse (stamp, &hlc)
         && g_str_equal (hlc.device, kw_store_get_device_id (self->store));
}

static gboolean
same_record (const KwConflict *a,
             const KwConflict *b)
{
  return g_str_equal (a->type_name, b->type_name) && g_str_equal (a->id, b->id);
}

/* The name of the organiser of a device, as far as a conflict tells. */
static const char *
find_organiser (KwConflictsWindow *self,
                const char        *device)
{
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      KwConflict *c = g_ptr_array_index (self->conflicts, i);
      KwHlc hlc;

      if (c->organiser != NULL && *c->organiser != '\0'
          && kw_hlc_parse (c->hlc, &hlc) && g_str_equal (hlc.device, device))
        return c->organiser;
    }
  return NULL;
}

static char *
dup_deletion_text (KwConflictsWindow *self,
                   KwRecord          *tombstone)
{
  const char *stamp = tombstone ? kw_record_get_deleted (tombstone) : NULL;
  const char *who = NULL;
  KwHlc hlc;

  if (stamp != NULL && kw_hlc_parse (stamp, &hlc))
    {
      if (g_str_equal (hlc.device, kw_store_get_device_id (self->store)))
        return g_strdup (_("This record was deleted on this device while it was being edited elsewhere; the edited values are kept below."));
      who = find_organiser (self, hlc.device);
    }
  if (who == NULL && stamp != NULL && kw_hlc_parse (stamp, &hlc))
    return g_strdup_printf (_("This record was deleted on the device %.8s while it was being edited here; the edited values are kept below."),
                            hlc.device);
  return g_strdup_printf (_("This record was deleted by %s while it was being edited here; the edited values are kept below."),
                          who != NULL ? who : _("an unknown organiser"));
}

/* A deleted record's name, from its kept values when they hold it. */
static char *
dup_deleted_title (KwConflictsWindow  *self,
                   const KwEntityType *type,
                   const KwConflict   *first)
{
  const KwField *field = type->title_field ? kw_entity_type_field (type, type->title_field) : NULL;

  for (guint i = 0; field != NULL && i < self->conflicts->len; i++)
    {
      KwConflict *c = g_ptr_array_index (self->conflicts, i);

      if (same_record (c, first) && g_str_equal (c->field, field->name) && c->value != NULL)
        return g_variant_dup_string (c->value, NULL);
    }
  return g_strdup_printf ("%s %.8s", g_dgettext (GETTEXT_PACKAGE, type->label), first->id);
}

/* Helpers: widgets */

static GtkWidget *
make_button (KwConflictsWindow *self,
             const char        *label,
             const char        *name,
             const char        *description,
             GCallback          callback,
             const KwConflict  *c)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (button), "kw-conflict", (gpointer) c);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

/* A caption and, prominent below it, a value. */
static GtkWidget *
make_value (const char *caption,
            const char *value,
            const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_name (value_label, name);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_box_append (GTK_BOX (box), value_label);
  return box;
}

/* A row of one field: its name, the values below it, the buttons beside. */
static GtkWidget *
make_row (const KwField *field,
          const char    *summary,
          GtkWidget     *values,
          GtkWidget     *buttons)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *heading = gtk_label_new (g_dgettext (GETTEXT_PACKAGE, field->label));

  gtk_widget_set_name (row, "conflict-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_dgettext (GETTEXT_PACKAGE, field->label));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
  g_object_set_data_full (G_OBJECT (row), "kw-summary", g_strdup (summary), g_free);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (column), heading);
  gtk_box_append (GTK_BOX (column), values);
  gtk_box_append (GTK_BOX (box), column);
  if (buttons != NULL)
    gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
make_edit_buttons (KwConflictsWindow *self,
                   const KwField     *field,
                   KwRecord          *record,
                   const KwConflict  *c)
{
  const char *label = g_dgettext (GETTEXT_PACKAGE, field->label);
  g_autofree char *use = g_strdup_printf (_("Use the other value of %s"), label);
  g_autofree char *keep = g_strdup_printf (_("Keep the current value of %s"), label);
  gboolean other_is_mine = written_here (self, c->hlc);
  gboolean kept_is_mine = written_here (self, kw_record_get_stamp (record, c->field));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), make_button (self, other_is_mine ? _("Use My Value") : _("Use Their Value"),
                                              "use-value", use, G_CALLBACK (on_use_clicked_cb), c));
  gtk_box_append (GTK_BOX (box), make_button (self, kept_is_mine ? _("Keep Mine")
                                                    : other_is_mine ? _("Keep Theirs") : _("Keep This Value"),
                                              "keep-current", keep, G_CALLBACK (on_keep_clicked_cb), c));
  /* a text can be merged by hand; a system field only a core operation writes */
  if (field->kind == KW_FIELD_TEXT && (field->flags & KW_FIELD_FLAG_SYSTEM) == 0)
    {
      g_autofree char *merge = g_strdup_printf (_("Type a merged value of %s"), label);

      gtk_box_append (GTK_BOX (box), make_button (self, _("Type a Merged Value…"), "merge-value", merge,
                                                  G_CALLBACK (on_merge_clicked_cb), c));
    }
  return box;
}

static void
add_edit_row (KwConflictsWindow   *self,
              AdwPreferencesGroup *group,
              KwRecord            *record,
              const KwConflict    *c)
{
  const KwField *field = kw_entity_type_field (kw_record_get_entity_type (record), c->field);
  g_autofree char *current = NULL, *other = NULL, *when = NULL, *author = NULL;
  g_autofree char *other_caption = NULL, *kept_caption = NULL, *summary = NULL;
  GtkWidget *values;

  if (field == NULL)
    return;
  current = dup_value_text (self, field, kw_record_get_value (record, c->field));
  other = dup_conflict_text (self, field, c);
  when = dup_stamp_text (c->hlc);
  author = dup_author (c);
  /* Translators: the value that lost: its author and when it was typed */
  other_caption = g_strdup_printf (_("Other value, by %s, %s"), author, when);
  /* Translators: what a screen reader says of the row */
  summary = g_strdup_printf (_("Kept: %s. Other value: %s, by %s, %s."), current, other, author, when);
  values = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  kept_caption = dup_kept_caption (self, kw_record_get_stamp (record, c->field));
  gtk_box_append (GTK_BOX (values), make_value (kept_caption, current, "kept-value"));
  gtk_box_append (GTK_BOX (values), make_value (other_caption, other, "other-value"));
  adw_preferences_group_add (group, make_row (field, summary, values, make_edit_buttons (self, field, record, c)));
}

static void
add_kept_row (KwConflictsWindow   *self,
              AdwPreferencesGroup *group,
              const KwEntityType  *type,
              const KwConflict    *c)
{
  const KwField *field = kw_entity_type_field (type, c->field);
  g_autofree char *value = NULL, *when = NULL, *author = NULL, *caption = NULL, *summary = NULL;

  if (field == NULL)
    return;
  value = dup_conflict_text (self, field, c);
  when = dup_stamp_text (c->hlc);
  author = dup_author (c);
  /* Translators: a value typed into a record that was deleted: its author and when */
  caption = g_strdup_printf (_("Edited value, by %s, %s"), author, when);
  summary = g_strdup_printf (_("Edited value: %s, by %s, %s."), value, author, when);
  adw_preferences_group_add (group, make_row (field, summary, make_value (caption, value, "edited-value"), NULL));
}

static void
fill_edit_group (KwConflictsWindow   *self,
                 AdwPreferencesGroup *group,
                 KwRecord            *record,
                 const KwConflict    *first)
{
  g_autofree char *title = kw_record_dup_title (record);
  g_autofree char *markup = g_markup_escape_text (title, -1);

  adw_preferences_group_set_title (group, markup);
  adw_preferences_group_set_description (group, g_dgettext (GETTEXT_PACKAGE, kw_record_get_entity_type (record)->label));
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      KwConflict *c = g_ptr_array_index (self->conflicts, i);

      if (same_record (c, first))
        add_edit_row (self, group, record, c);
    }
}

static GtkWidget *
make_deleted_buttons (KwConflictsWindow *self,
                      const KwConflict  *first)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box),
                  make_button (self, _("Discard"), "discard",
                               _("Discard the edited values of the deleted record"),
                               G_CALLBACK (on_discard_clicked_cb), first));
  gtk_box_append (GTK_BOX (box),
                  make_button (self, _("Restore as New Record"), "restore",
                               _("Make a new record of the edited values of the deleted record"),
                               G_CALLBACK (on_restore_clicked_cb), first));
  return box;
}

static void
fill_deleted_group (KwConflictsWindow   *self,
                    AdwPreferencesGroup *group,
                    const KwEntityType  *type,
                    KwRecord            *tombstone,
                    const KwConflict    *first)
{
  g_autofree char *title = dup_deleted_title (self, type, first);
  g_autofree char *deletion = dup_deletion_text (self, tombstone);
  g_autofree char *description = g_strdup_printf ("%s\n%s", g_dgettext (GETTEXT_PACKAGE, type->label), deletion);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *description_markup = g_markup_escape_text (description, -1);

  adw_preferences_group_set_title (group, title_markup);
  adw_preferences_group_set_description (group, description_markup);
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      KwConflict *c = g_ptr_array_index (self->conflicts, i);

      if (same_record (c, first))
        add_kept_row (self, group, type, c);
    }
  /* not a row: below the list */
  adw_preferences_group_add (group, make_deleted_buttons (self, first));
}

static void
add_group (KwConflictsWindow *self,
           const KwConflict  *first)
{
  const KwEntityType *type = kw_registry_lookup (first->type_name);
  g_autoptr(KwRecord) record = NULL;
  GtkWidget *group;

  if (type == NULL)
    return;
  record = kw_store_lookup (self->store, first->type_name, first->id, NULL);
  group = adw_preferences_group_new ();
  if (record != NULL && !kw_record_is_deleted (record))
    fill_edit_group (self, ADW_PREFERENCES_GROUP (group), record, first);
  else
    fill_deleted_group (self, ADW_PREFERENCES_GROUP (group), type, record, first);
  gtk_box_append (self->groups_box, group);
  g_ptr_array_add (self->groups, group);
}

static void
clear_groups (KwConflictsWindow *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static void
show_error (KwConflictsWindow *self,
            const GError      *error)
{
  g_autofree char *message = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
reload (KwConflictsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (kw_store_get_busy (self->store))
    return;  /* the store is another thread's; its ::changed comes after */
  if ((list = kw_import_list_conflicts (self->store, FALSE, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  clear_groups (self);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = g_steal_pointer (&list);
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      KwConflict *c = g_ptr_array_index (self->conflicts, i);
      char *key = g_strconcat (c->type_name, " ", c->id, NULL);

      if (!g_hash_table_add (seen, key))
        continue;
      add_group (self, c);
    }
  gtk_stack_set_visible_child_name (self->stack, self->groups->len > 0 ? "list" : "none");
  if (gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    gtk_widget_child_focus (GTK_WIDGET (self->stack), GTK_DIR_TAB_FORWARD);
}

static gboolean
reload_idle_cb (gpointer data)
{
  KwConflictsWindow *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* After the click's emission: the clicked button goes with the reload. */
static void
schedule_reload (KwConflictsWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

/* Callbacks */

typedef gboolean (*ChoiceFunc) (KwConflictsWindow *self, const KwConflict *c, GError **error);

static gboolean
use_value (KwConflictsWindow  *self,
           const KwConflict   *c,
           GError            **error)
{
  return kw_conflict_use (self->store, c->rowid, error);
}

static gboolean
keep_current (KwConflictsWindow  *self,
              const KwConflict   *c,
              GError            **error)
{
  return kw_conflict_keep (self->store, c->rowid, error);
}

static gboolean
restore_record (KwConflictsWindow  *self,
                const KwConflict   *first,
                GError            **error)
{
  return kw_conflicts_restore_record (self->store, first->type_name, first->id, NULL, error);
}

static gboolean
discard_record (KwConflictsWindow  *self,
                const KwConflict   *first,
                GError            **error)
{
  return kw_conflicts_discard_record (self->store, first->type_name, first->id, error);
}

static void
choose (KwConflictsWindow *self,
        GtkButton         *button,
        ChoiceFunc         func,
        const char        *done)
{
  const KwConflict *c = g_object_get_data (G_OBJECT (button), "kw-conflict");
  g_autoptr(GError) error = NULL;

  if (kw_store_get_busy (self->store))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Still busy with the last import, export or sync; try again when it is done")));
      return;
    }
  if (!func (self, c, &error))
    {
      show_error (self, error);
      return;
    }
  /* no second choice before the reload */
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (button)), FALSE);
  if (done != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done));
  g_signal_emit (self, signals[RESOLVED], 0);
  schedule_reload (self);  /* resolving alone emits no ::changed */
}

static void
on_merge_dialog_response_cb (KwConflictsWindow *self,
                             const char        *response,
                             AdwMessageDialog  *dialog)
{
  gint64 rowid = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "kw-conflict-id");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  if (kw_store_get_busy (self->store))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Still busy with the last import, export or sync; try again when it is done")));
      return;
    }
  text = kw_merge_dialog_dup_text (dialog);
  if (!kw_conflicts_resolve_with_value (self->store, rowid, text ? g_variant_new_string (text) : NULL, &error))
    {
      show_error (self, error);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Merged value saved")));
  g_signal_emit (self, signals[RESOLVED], 0);
  schedule_reload (self);
}

/* The dialog keeps the conflict's id, not the conflict: a reload while
 * it is open frees the list. */
static void
on_merge_clicked_cb (KwConflictsWindow *self,
                     GtkButton         *button)
{
  const KwConflict *c = g_object_get_data (G_OBJECT (button), "kw-conflict");
  g_autoptr(KwRecord) record = kw_store_lookup (self->store, c->type_name, c->id, NULL);
  const KwField *field;
  GVariant *current;
  g_autofree char *other = NULL;
  AdwMessageDialog *dialog;

  if (record == NULL || (field = kw_entity_type_field (kw_record_get_entity_type (record), c->field)) == NULL)
    return;
  current = kw_record_get_value (record, c->field);
  other = c->value_read ? dup_value_text (self, field, c->value) : g_strdup (c->value_json);
  dialog = kw_merge_dialog_new (GTK_WINDOW (self), g_dgettext (GETTEXT_PACKAGE, field->label),
                                (field->flags & KW_FIELD_FLAG_LONG) != 0,
                                current != NULL ? g_variant_get_string (current, NULL) : "", other);
  g_object_set_data_full (G_OBJECT (dialog), "kw-conflict-id", g_memdup2 (&c->rowid, sizeof c->rowid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_dialog_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_use_clicked_cb (KwConflictsWindow *self,
                   GtkButton         *button)
{
  choose (self, button, use_value, NULL);
}

static void
on_keep_clicked_cb (KwConflictsWindow *self,
                    GtkButton         *button)
{
  choose (self, button, keep_current, NULL);
}

static void
on_restore_clicked_cb (KwConflictsWindow *self,
                       GtkButton         *button)
{
  choose (self, button, restore_record, _("Restored as a new record"));
}

static void
on_discard_clicked_cb (KwConflictsWindow *self,
                       GtkButton         *button)
{
  choose (self, button, discard_record, NULL);
}

static void
on_store_changed_cb (KwConflictsWindow *self,
                     const char        *type_name,
                     KwStore           *store)
{
  schedule_reload (self);
}

/* GObject */

static void
kw_conflicts_window_dispose (GObject *object)
{
  KwConflictsWindow *self = (KwConflictsWindow *) object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_CONFLICTS_WINDOW);
  G_OBJECT_CLASS (kw_conflicts_window_parent_class)->dispose (object);
}

static void
kw_conflicts_window_finalize (GObject *object)
{
  KwConflictsWindow *self = (KwConflictsWindow *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_conflicts_window_parent_class)->finalize (object);
}

static void
kw_conflicts_window_class_init (KwConflictsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_conflicts_window_dispose;
  object_class->finalize = kw_conflicts_window_finalize;

  /* after each choice that resolved conflicts (picking, keeping, a
   * merged value, restoring, discarding): the sidebar's count */
  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/sync/kw-conflicts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwConflictsWindow, groups_box);
  gtk_widget_class_bind_template_child (widget_class, KwConflictsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KwConflictsWindow, toast_overlay);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kw_conflicts_window_init (KwConflictsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_conflict_free);
  self->groups = g_ptr_array_new ();
}

/* Public API */

KwConflictsWindow *
kw_conflicts_window_new (GtkWindow *parent,
                         KwStore   *store)
{
  KwConflictsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_CONFLICTS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}
