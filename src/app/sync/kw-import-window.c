/* kw-import-window.c: a colleague's export, from a dry run to the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file → its passphrase when it is sealed → a dry run (everything
 * but the commit, kw_import_file_with) with a progress bar → its summary
 * → the import, with a progress bar and Cancel (a rollback) → what
 * changed and the backup made first. A refusal is said in plain words
 * (kw-import-words.c); the core changed nothing then. The work runs in a
 * thread (kw_store_run_async) while the main window shows its busy page.
 */
#define G_LOG_DOMAIN "kw-import-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-import-window.h"
#include "kw-import-words.h"
#include "kw-sync-scheduler.h"
#include "kw-window-private.h"

#define HOLD_MAX_USEC (10 * G_USEC_PER_SEC)

/* What the thread needs, copied: it never looks at the window. */
typedef struct {
  char            *path;
  char            *passphrase;
  gboolean         dry_run;
  gboolean         hold;        /* tests: hold at the first report until cancelled */
  GCancellable    *cancellable;
  gint             permille;    /* atomic: of the file read */
  guint            reports;
  KwImportSummary  summary;
  char            *backup_path;
  gboolean         ok;
  GError          *error;
} Job;

struct _KwImportWindow
{
  AdwWindow        parent_instance;

  KwWindow        *parent;      /* weak: the window outlives it (destroy-with-parent) */
  char            *path;
  const char      *page;        /* the state, for tests */
  Job             *job;         /* while one runs */
  GCancellable    *cancellable;
  guint            poll_id;
  gboolean         hold;
  KwImportSummary  summary;
  char            *backup_path;

  GtkWidget        *added_label;
  GtkWidget        *apply_button;
  GtkWidget        *close_button;
  GtkWidget        *conflicts_label;
  GtkWidget        *deleted_label;
  GtkLabel         *details_label;
  GtkWidget        *passphrase_error_label;
  AdwPasswordEntryRow *passphrase_row;
  AdwStatusPage    *progress_page;
  GtkProgressBar   *progress_bar;
  GtkWidget        *show_conflicts_button;
  GtkWidget        *skew_label;
  GtkLabel         *summary_note_label;
  GtkStack         *stack;
  AdwStatusPage    *status_page;
  AdwPreferencesGroup *summary_group;
  GtkWidget        *unchanged_label;
  GtkWidget        *updated_label;
  AdwWindowTitle   *window_title;
};

G_DEFINE_FINAL_TYPE (KwImportWindow, kw_import_window, ADW_TYPE_WINDOW)

/* Helpers: the thread */

static void
job_free (Job *job)
{
  g_free (job->path);
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_free (job->passphrase);
  g_clear_object (&job->cancellable);
  g_free (job->backup_path);
  g_clear_error (&job->error);
  g_free (job);
}

static void
on_progress_cb (guint64  done,
                guint64  total,
                gpointer user_data)
{
  Job *job = user_data;
  gint64 until;

  g_atomic_int_set (&job->permille, total > 0 ? (gint) (done * 1000 / total) : 0);
  if (!job->hold || ++job->reports != 1)
    return;
  until = g_get_monotonic_time () + HOLD_MAX_USEC;
  while (!g_cancellable_is_cancelled (job->cancellable) && g_get_monotonic_time () < until)
    g_usleep (10000);
}

/* In the thread: the job itself is the result, also when refused. */
static gpointer
run_job (KwStore       *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *job = data;
  KwImportOptions options = { job->passphrase, job->dry_run, TRUE, on_progress_cb, job, job->cancellable };

  job->ok = kw_import_file_with (store, job->path, &options, &job->summary,
                                 &job->backup_path, &job->error);
  return job;
}

/* Helpers: pages */

static void
show_page (KwImportWindow *self,
           const char     *page)
{
  const char *child = g_str_equal (page, "reading") || g_str_equal (page, "importing") ? "progress"
                      : g_str_equal (page, "done") || g_str_equal (page, "refused") ? "status" : page;

  self->page = page;
  gtk_stack_set_visible_child_name (self->stack, child);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", self->job != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", g_str_equal (page, "summary"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.unlock", g_str_equal (page, "passphrase"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.show-conflicts",
                                 g_str_equal (page, "done") && self->summary.conflicts > 0);
}

static void
set_count (GtkWidget *label,
           guint      count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (GTK_LABEL (label), text);
}

static void
show_summary (KwImportWindow *self)
{
  g_autofree char *origin = _kw_import_describe_origin (&self->summary);
  g_autofree char *records = g_strdup_printf (ngettext ("%u record in the file", "%u records in the file",
                                                        self->summary.records), self->summary.records);

  adw_preferences_group_set_title (self->summary_group, origin);
  adw_preferences_group_set_description (self->summary_group, records);
  set_count (self->added_label, self->summary.added);
  set_count (self->updated_label, self->summary.updated);
  set_count (self->deleted_label, self->summary.deleted);
  set_count (self->conflicts_label, self->summary.conflicts);
  set_count (self->skew_label, self->summary.skew);
  set_count (self->unchanged_label, self->summary.unchanged);
  show_page (self, "summary");
  gtk_widget_grab_focus (self->apply_button);
}

static void
show_status (KwImportWindow *self,
             const char     *page,
             const char     *icon,
             const char     *title,
             const char     *description,
             const char     *details)
{
  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_label_set_label (self->details_label, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details != NULL);
  gtk_widget_set_visible (self->show_conflicts_button, g_str_equal (page, "done") && self->summary.conflicts > 0);
  show_page (self, page);
  gtk_widget_grab_focus (gtk_widget_get_visible (self->show_conflicts_button) ? self->show_conflicts_button
                                                                                : self->close_button);
}

static void
show_refusal (KwImportWindow *self,
              const Job      *job)
{
  g_autofree char *title = NULL, *what = NULL;
  g_autofree char *details = NULL;

  _kw_import_describe_refusal (job->summary.refusal, &title, &what);
  /* Translators: the core's own words for why a file was refused */
  details = g_strdup_printf (_("Details: %s"), job->error->message);
  show_status (self, "refused", "dialog-warning-symbolic", title, what, details);
}

/* Helpers: the work */

static gboolean
on_poll_timeout_cb (gpointer user_data)
{
  KwImportWindow *self = user_data;
  double fraction = self->job ? g_atomic_int_get (&self->job->permille) / 1000.0 : 0;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  return G_SOURCE_CONTINUE;
}

static void
finish_job (KwImportWindow *self,
            Job            *job)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->cancellable);
  self->job = NULL;
  if (self->parent != NULL)
    _kw_window_set_busy (self->parent, NULL);
  if (job->ok)
    {
      self->summary = job->summary;
      gtk_progress_bar_set_fraction (self->progress_bar, 1);
    }
}

static void
on_job_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KwImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Job *job = kw_store_run_finish (KW_STORE (source), result, &error);
  g_autofree char *description = NULL;

  if (job == NULL)  /* the store's own refusal: nothing ran */
    {
      job = g_new0 (Job, 1);
      job->error = g_steal_pointer (&error);
      job->summary.refusal = KW_IMPORT_REFUSAL_UNREADABLE;
    }
  finish_job (self, job);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->page == NULL)
    ;  /* closed meanwhile: the work was cancelled */
  else if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_status (self, "done", "edit-undo-symbolic", _("Import Cancelled"),
                 _("Nothing was changed."), NULL);
  else if (job->ok && job->dry_run)
    show_summary (self);
  else if (job->ok)
    {
      g_autofree char *now = NULL;
      g_autoptr(GDateTime) dt = g_date_time_new_now_local ();

      g_free (self->backup_path);
      self->backup_path = g_steal_pointer (&job->backup_path);
      description = _kw_import_describe_result (&self->summary, self->backup_path);
      show_status (self, "done", "emblem-ok-symbolic", _("Imported"), description, NULL);
      now = g_date_time_format (dt, "%H:%M");
      if (self->parent != NULL)
        {
          g_autofree char *status = g_strdup_printf (_("Imported at %s"), now);
          _kw_window_set_sync_status (self->parent, status);
        }
    }
  else if (job->summary.refusal == KW_IMPORT_REFUSAL_NEEDS_PASSPHRASE
           || (job->summary.refusal == KW_IMPORT_REFUSAL_PASSPHRASE && job->dry_run))
    {
      gtk_widget_set_visible (self->passphrase_error_label, job->summary.refusal == KW_IMPORT_REFUSAL_PASSPHRASE);
      show_page (self, "passphrase");
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
    }
  else
    show_refusal (self, job);
  job_free (job);
}

static void
start_job (KwImportWindow *self,
           gboolean        dry_run)
{
  KwStore *store = kw_window_get_store (self->parent);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  Job *job;

  /* a sync pass may have begun while the summary was shown */
  if (kw_store_get_busy (store) || _kw_window_get_busy (self->parent)
      || kw_sync_scheduler_get_running (kw_window_get_sync_scheduler (self->parent)))
    {
      gtk_label_set_label (self->summary_note_label,
                           _("Still busy with the last import, export or sync; try again when it is done"));
      return;
    }
  job = g_new0 (Job, 1);
  job->path = g_strdup (self->path);
  job->passphrase = *passphrase ? g_strdup (passphrase) : NULL;
  job->dry_run = dry_run;
  job->hold = self->hold && !dry_run;
  self->cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->cancellable);
  self->job = job;
  adw_status_page_set_title (self->progress_page, dry_run ? _("Reading the File…") : _("Importing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  show_page (self, dry_run ? "reading" : "importing");
  _kw_window_set_busy (self->parent, dry_run ? _("Reading the File…") : _("Importing…"));
  self->poll_id = g_timeout_add (100, on_poll_timeout_cb, self);
  /* the job comes back as the result, also when refused: freed there */
  kw_store_run_async (store, run_job, job, NULL, (GDestroyNotify) job_free, NULL,
                      on_job_done_cb, g_object_ref (self));
}

/* Callbacks */

static void
on_passphrase_row_entry_activated_cb (KwImportWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "import.unlock", NULL);
}

static void
on_map_cb (KwImportWindow *self)
{
  if (self->page != NULL)
    return;
  if (kw_import_file_is_sealed (self->path))
    {
      show_page (self, "passphrase");
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
    }
  else
    start_job (self, TRUE);
}

/* Actions */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  start_job (KW_IMPORT_WINDOW (widget), FALSE);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KwImportWindow *self = KW_IMPORT_WINDOW (widget);

  if (*gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)) != '\0')
    start_job (self, TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KwImportWindow *self = KW_IMPORT_WINDOW (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
show_conflicts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KwImportWindow *self = KW_IMPORT_WINDOW (widget);
  g_autoptr(KwWindow) parent = self->parent ? g_object_ref (self->parent) : NULL;

  gtk_window_close (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-conflicts", NULL);
}

/* GObject */

static gboolean
kw_import_window_close_request (GtkWindow *window)
{
  KwImportWindow *self = KW_IMPORT_WINDOW (window);

  /* the work goes on until it sees the cancel: it rolls back */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->page = NULL;
  return GTK_WINDOW_CLASS (kw_import_window_parent_class)->close_request (window);
}

static void
kw_import_window_dispose (GObject *object)
{
  KwImportWindow *self = KW_IMPORT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_weak_pointer (&self->parent);
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_IMPORT_WINDOW);
  G_OBJECT_CLASS (kw_import_window_parent_class)->dispose (object);
}

static void
kw_import_window_finalize (GObject *object)
{
  KwImportWindow *self = KW_IMPORT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_free (self->backup_path);
  G_OBJECT_CLASS (kw_import_window_parent_class)->finalize (object);
}

static void
kw_import_window_class_init (KwImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kw_import_window_dispose;
  object_class->finalize = kw_import_window_finalize;
  window_class->close_request = kw_import_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/sync/kw-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, added_label);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, apply_button);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, close_button);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, conflicts_label);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, deleted_label);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, details_label);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, passphrase_error_label);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, show_conflicts_button);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, skew_label);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, summary_group);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, summary_note_label);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, unchanged_label);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, updated_label);
  gtk_widget_class_bind_template_child (widget_class, KwImportWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.show-conflicts", NULL, show_conflicts_action);
  gtk_widget_class_install_action (widget_class, "import.unlock", NULL, unlock_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kw_import_window_init (KwImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* Public API */

KwImportWindow *
kw_import_window_new (KwWindow   *parent,
                      const char *path)
{
  KwImportWindow *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (KW_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (KW_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->path = g_strdup (path);
  name = g_path_get_basename (path);
  adw_window_title_set_subtitle (self->window_title, name);
  return self;
}

const char *
kw_import_window_get_page (KwImportWindow *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_WINDOW (self), NULL);
  return self->page;
}

const KwImportSummary *
kw_import_window_get_summary (KwImportWindow *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_WINDOW (self), NULL);
  return &self->summary;
}

const char *
kw_import_window_get_backup_path (KwImportWindow *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_WINDOW (self), NULL);
  return self->backup_path;
}

const char *
kw_import_window_get_status_title (KwImportWindow *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_WINDOW (self), NULL);
  return adw_status_page_get_title (self->status_page);
}

const char *
kw_import_window_get_status_description (KwImportWindow *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_WINDOW (self), NULL);
  return adw_status_page_get_description (self->status_page);
}

double
kw_import_window_get_fraction (KwImportWindow *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_WINDOW (self), 0);
  return gtk_progress_bar_get_fraction (self->progress_bar);
}

void
kw_import_window_hold_progress (KwImportWindow *self,
                                gboolean        hold)
{
  g_return_if_fail (KW_IS_IMPORT_WINDOW (self));
  self->hold = hold;
}
