/* kw-export-window.c: the export for fellow organisers, with what leaves the laptop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scope (everything, or an alliance, network, area or meeting picked
 * with the record chooser), a summary of what the file will hold
 * (kw_export_preview: the export's own lines, counted), gzip, and a seal
 * with a passphrase whose strength is hinted at. Counting and writing
 * run in a thread on a second connection to the database of their own
 * (a read transaction, WAL), so the window and the main window behind it
 * never wait for them, and the main window's store is never busy.
 */
#define G_LOG_DOMAIN "kw-export-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-export-summary.h"
#include "kw-export-window-private.h"
#include "kw-passphrase.h"
#include "kw-record-chooser.h"

G_DEFINE_FINAL_TYPE (KwExportWindow, kw_export_window, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_count (KwExportWindow *self);

/* Helpers */

static const char *
get_passphrase (KwExportWindow *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
}

static void
preview_free (KwExportPreview *preview)
{
  kw_export_preview_clear (preview);
  g_free (preview);
}

static gboolean
passphrase_ok (KwExportWindow *self)
{
  if (!gtk_switch_get_active (self->seal_switch))
    return TRUE;
  return kw_passphrase_strength (get_passphrase (self)) != KW_PASSPHRASE_TOO_SHORT
         && g_str_equal (get_passphrase (self), gtk_editable_get_text (GTK_EDITABLE (self->repeat_row)));
}

void
_kw_export_window_update_actions (KwExportWindow *self)
{
  gboolean ready = self->preview != NULL && !self->writing
                   && (self->scope == KW_EXPORT_SCOPE_ALL || self->scope_id != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", ready && passphrase_ok (self));
}

/* The hint under the passphrase, and the refusals at their fields. */
static void
update_passphrase (KwExportWindow *self)
{
  gboolean seal = gtk_switch_get_active (self->seal_switch);
  const char *text = get_passphrase (self);
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  KwPassphraseStrength strength = kw_passphrase_strength (text);
  gboolean differ = *repeat != '\0' && !g_str_equal (text, repeat);
  g_autofree char *short_text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_row), seal);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), seal);
  gtk_widget_set_visible (GTK_WIDGET (self->strength_row), seal);
  gtk_level_bar_set_value (self->strength_bar, strength);
  gtk_label_set_label (self->strength_label, kw_passphrase_strength_label (strength));
  if (strength == KW_PASSPHRASE_TOO_SHORT)
    short_text = g_strdup_printf (ngettext ("Use at least %d character", "Use at least %d characters",
                                            KW_PASSPHRASE_MIN_CHARS), KW_PASSPHRASE_MIN_CHARS);
  adw_action_row_set_subtitle (self->strength_row,
                               short_text ? short_text
                               : differ ? _("The two passphrases differ")
                               : strength == KW_PASSPHRASE_WEAK ? _("Easy to guess: a few words of your own are better")
                               : "");
  if (seal && strength == KW_PASSPHRASE_TOO_SHORT && *text != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->passphrase_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->passphrase_row), "error");
  if (seal && differ)
    gtk_widget_add_css_class (GTK_WIDGET (self->repeat_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->repeat_row), "error");
  _kw_export_window_update_actions (self);
}

static void
show_counting (KwExportWindow *self,
               const char     *status)
{
  g_clear_pointer (&self->preview, preview_free);
  gtk_spinner_set_spinning (self->counting_spinner, TRUE);
  _kw_export_summary_show (NULL, status, self->people_row, self->private_row, self->local_row,
                           self->types_row, self->type_rows);
  _kw_export_window_update_actions (self);
}

/* Once the passphrase rows are laid out: the page scrolled to them (they
 * are last). */
static gboolean
scroll_to_end_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  if (scrolled != NULL)
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    }
  return G_SOURCE_REMOVE;
}

static void
on_seal_active_cb (KwExportWindow *self)
{
  update_passphrase (self);
  if (!gtk_switch_get_active (self->seal_switch))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
  gtk_widget_add_tick_callback (GTK_WIDGET (self->strength_row), scroll_to_end_cb, NULL, NULL);
}

/* Callbacks */

static void
on_count_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KwExportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  KwExportPreview *preview = kw_store_run_finish (KW_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the window is going */
  self->counting = FALSE;
  if (self->recount)
    {
      g_clear_pointer (&preview, preview_free);
      start_count (self);
      return;
    }
  gtk_spinner_set_spinning (self->counting_spinner, FALSE);
  if (preview == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  self->preview = preview;
  _kw_export_summary_show (preview, NULL, self->people_row, self->private_row, self->local_row,
                           self->types_row, self->type_rows);
  _kw_export_window_update_actions (self);
}

/* In the thread */
static gpointer
run_count (KwStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  KwExportJob *job = data;
  KwExportPreview *preview = g_new0 (KwExportPreview, 1);

  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !kw_export_preview (store, &job->options, preview, error))
    {
      g_free (preview);
      return NULL;
    }
  return preview;
}

/* A count of what the scope holds; while one runs, another after it
 * (the one running is thrown away). */
static void
start_count (KwExportWindow *self)
{
  gboolean needs_record = self->scope != KW_EXPORT_SCOPE_ALL && self->scope_id == NULL;

  show_counting (self, needs_record ? _("Choose one above to see what leaves") : _("Counting…"));
  gtk_spinner_set_spinning (self->counting_spinner, !needs_record);
  if (self->counting)
    {
      self->recount = TRUE;
      return;
    }
  self->recount = FALSE;
  if (needs_record)
    return;  /* nothing to count before a record is chosen */
  self->counting = TRUE;
  kw_store_run_async (self->work_store, run_count, _kw_export_job_new (self), (GDestroyNotify) _kw_export_job_free,
                      (GDestroyNotify) preview_free, self->cancellable, on_count_done_cb,
                      g_object_ref (self));
}

static void
on_record_chosen_cb (KwExportWindow *self,
                     const char     *type_name,
                     const char     *id)
{
  g_autoptr(KwRecord) record = id ? kw_store_get (self->store, type_name, id, NULL) : NULL;
  g_autofree char *title = record ? kw_record_dup_title (record) : NULL;

  if (record == NULL)
    return;
  g_free (self->scope_id);
  self->scope_id = g_strdup (id);
  adw_action_row_set_subtitle (self->record_row, title);
  gtk_menu_button_set_label (self->record_button, _("Change…"));
  start_count (self);
}

static void
on_scope_selected_cb (KwExportWindow *self)
{
  KwExportScope scope = (KwExportScope) adw_combo_row_get_selected (self->scope_row);
  const char *type_name = kw_export_scope_to_string (scope);
  const KwEntityType *type = kw_registry_lookup (type_name);
  KwRecordChooser *chooser;

  if (scope > KW_EXPORT_SCOPE_MEETING || (scope == self->scope && self->preview != NULL))
    return;
  self->scope = scope;
  g_clear_pointer (&self->scope_id, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->record_row), type != NULL);
  if (type != NULL)
    {
      chooser = kw_record_chooser_new (self->store, (const char * const []) { type_name, NULL }, FALSE);
      g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_record_chosen_cb), self, G_CONNECT_SWAPPED);
      gtk_menu_button_set_popover (self->record_button, GTK_WIDGET (chooser));
      gtk_menu_button_set_label (self->record_button, _("Choose…"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->record_row), g_dgettext (GETTEXT_PACKAGE, type->label));
      adw_action_row_set_subtitle (self->record_row, _("None chosen yet"));
    }
  start_count (self);
}

/* Overrides */

static void
kw_export_window_dispose (GObject *object)
{
  KwExportWindow *self = KW_EXPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_EXPORT_WINDOW);
  G_OBJECT_CLASS (kw_export_window_parent_class)->dispose (object);
}

static void
kw_export_window_finalize (GObject *object)
{
  KwExportWindow *self = KW_EXPORT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->write_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->work_store);
  g_clear_pointer (&self->preview, preview_free);
  g_clear_pointer (&self->type_rows, g_ptr_array_unref);
  g_free (self->suggested_name);
  g_free (self->scope_id);
  G_OBJECT_CLASS (kw_export_window_parent_class)->finalize (object);
}

static void
kw_export_window_class_init (KwExportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_export_window_dispose;
  object_class->finalize = kw_export_window_finalize;

  /* ::exported (path, sealed): the file is written; the window closes next */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/sync/kw-export-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, counting_spinner);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, gzip_switch);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, local_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, people_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, private_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, record_button);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, record_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, scope_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, seal_switch);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, strength_label);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, strength_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KwExportWindow, types_row);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_seal_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_passphrase);

  _kw_export_window_class_add_write_actions (widget_class);
}

static void
kw_export_window_init (KwExportWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->type_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_level_bar_add_offset_value (self->strength_bar, "low", KW_PASSPHRASE_WEAK);
  gtk_level_bar_add_offset_value (self->strength_bar, "high", KW_PASSPHRASE_FAIR);
  gtk_level_bar_add_offset_value (self->strength_bar, "full", KW_PASSPHRASE_STRONG);
}

/* Public API */

KwExportWindow *
kw_export_window_new (GtkWindow  *parent,
                      KwStore    *store,
                      const char *suggested_name)
{
  g_autoptr(GError) error = NULL;
  KwExportWindow *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (suggested_name != NULL, NULL);

  self = g_object_new (KW_TYPE_EXPORT_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->suggested_name = g_strdup (suggested_name);
  self->work_store = kw_store_open (kw_store_get_path (store), &error);
  if (self->work_store == NULL)
    {
      g_warning ("could not open a second connection for the export: %s", error->message);
      self->work_store = g_object_ref (store);
    }
  self->scope = KW_EXPORT_SCOPE_ALL;
  update_passphrase (self);
  start_count (self);
  return self;
}

void
kw_export_window_set_scope (KwExportWindow *self,
                            KwExportScope   scope,
                            const char     *id)
{
  const char *type_name;

  g_return_if_fail (KW_IS_EXPORT_WINDOW (self));
  g_return_if_fail (scope <= KW_EXPORT_SCOPE_MEETING);

  adw_combo_row_set_selected (self->scope_row, scope);
  type_name = kw_export_scope_to_string (scope);
  if (scope != KW_EXPORT_SCOPE_ALL && id != NULL)
    on_record_chosen_cb (self, type_name, id);
}

const KwExportPreview *
kw_export_window_get_preview (KwExportWindow *self)
{
  g_return_val_if_fail (KW_IS_EXPORT_WINDOW (self), NULL);

  return self->preview;
}

gboolean
kw_export_window_get_busy (KwExportWindow *self)
{
  g_return_val_if_fail (KW_IS_EXPORT_WINDOW (self), FALSE);

  return self->counting || self->writing;
}

/* Private API */

KwExportJob *
_kw_export_job_new (KwExportWindow *self)
{
  KwExportJob *job = g_new0 (KwExportJob, 1);

  job->scope_id = g_strdup (self->scope_id);
  job->options.scope = self->scope;
  job->options.scope_id = job->scope_id;
  return job;
}

void
_kw_export_job_free (KwExportJob *job)
{
  g_free (job->scope_id);
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_free (job->passphrase);
  g_free (job->path);
  g_free (job);
}

void
_kw_export_window_emit_exported (KwExportWindow *self,
                                 const char     *path,
                                 gboolean        sealed)
{
  g_signal_emit (self, signals[EXPORTED], 0, path, sealed);
}
