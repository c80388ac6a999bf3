/* kw-backups-group.c: the backups of the database, in Preferences, to restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kwartier backs the database up before an import, a migration and a
 * restore (kw_store_backup). Each backup is a row: when, why, how big,
 * and Restore…, which asks first. The restore (kw_store_restore_backup)
 * backs up the present state, then copies the backup into the open
 * database in a thread; the store's ::changed refreshes every view.
 */
#define G_LOG_DOMAIN "kw-backups-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-backups-group.h"
#include "kw-store-restore.h"
#include "kw-window-private.h"

struct _KwBackupsGroup
{
  AdwPreferencesGroup  parent_instance;

  KwStore             *store;
  GListStore          *rows;      /* AdwActionRow, as shown */
  KwWindow            *busy_window;  /* weak: shows its busy page while a restore runs */
  gboolean             running;
  GtkWidget           *empty_row;
};

G_DEFINE_FINAL_TYPE (KwBackupsGroup, kw_backups_group, ADW_TYPE_PREFERENCES_GROUP)

typedef struct {
  char *path;
  char *made;
} RestoreJob;

static void reload (KwBackupsGroup *self);

/* Helpers */

static void
restore_job_free (RestoreJob *job)
{
  g_free (job->path);
  g_free (job->made);
  g_free (job);
}

static char *
format_made_at (gint64 made_at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (made_at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup ("");
  /* Translators: a date and time, see the strftime() manual; "3 March 2024, 14:05" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static const char *
describe_reason (const char *reason)
{
  if (g_str_equal (reason, "import"))
    return _("Before an import");
  if (g_str_equal (reason, "migration"))
    return _("Before an update of Kwartier changed the database");
  if (g_str_equal (reason, "restore"))
    return _("Before a backup was restored");
  return reason;
}

static GtkWindow *
get_window (KwBackupsGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The main window, while the work holds the store: its views wait. */
static KwWindow *
get_main_window (KwBackupsGroup *self)
{
  GtkWindow *window = get_window (self);
  GtkWindow *parent = window ? gtk_window_get_transient_for (window) : NULL;

  return KW_IS_WINDOW (parent) ? KW_WINDOW (parent) : NULL;
}

static void
show_toast (KwBackupsGroup *self,
            const char     *text)
{
  GtkWindow *window = get_window (self);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (escaped));
}

/* The thread */

static gpointer
run_restore (KwStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  RestoreJob *job = data;

  if (!kw_store_restore_backup (store, job->path, &job->made, error))
    {
      restore_job_free (job);  /* nobody else frees it: it is not the task's data */
      return NULL;
    }
  return job;
}

static void
on_restore_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KwBackupsGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  RestoreJob *job = kw_store_run_finish (KW_STORE (source), result, &error);

  self->running = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (self->busy_window != NULL)
    _kw_window_set_busy (self->busy_window, NULL);
  g_clear_weak_pointer (&self->busy_window);
  if (job == NULL)
    show_toast (self, error->message);
  else
    show_toast (self, _("Backup restored. How it was just now is a backup too."));
  reload (self);
  g_clear_pointer (&job, restore_job_free);
}

static void
start_restore (KwBackupsGroup *self,
               const char     *path)
{
  RestoreJob *job;
  KwWindow *main_window = get_main_window (self);

  if (kw_store_get_busy (self->store) || (main_window != NULL && _kw_window_get_busy (main_window)))
    {
      show_toast (self, _("Still busy with the last import, export or sync; try again when it is done"));
      return;
    }
  job = g_new0 (RestoreJob, 1);
  job->path = g_strdup (path);
  self->running = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  if (main_window != NULL)
    _kw_window_set_busy (main_window, _("Restoring a Backup…"));
  g_set_weak_pointer (&self->busy_window, main_window);
  /* not cancellable: once it runs, it finishes (the store rolls back nothing) */
  kw_store_run_async (self->store, run_restore, job, NULL, (GDestroyNotify) restore_job_free,
                      NULL, on_restore_done_cb, g_object_ref (self));
}

/* Callbacks */

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       KwBackupsGroup   *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "kw-backup-path");

  if (g_str_equal (response, "restore"))
    start_restore (self, path);
}

static void
on_restore_clicked_cb (GtkButton      *button,
                       KwBackupsGroup *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "kw-row");
  const char *when = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (get_window (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Everything in Kwartier goes back to how it was on %s: what changed since is undone. Kwartier first makes a backup of how it is now, so that you can come back to it."),
                                  when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kw-backup-path",
                          g_strdup (g_object_get_data (G_OBJECT (row), "kw-backup-path")), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_row (KwBackupsGroup     *self,
          const KwBackupInfo *info)
{
  g_autofree char *when = format_made_at (info->made_at);
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", describe_reason (info->reason), size);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "kw-backup-path", g_strdup (info->path), g_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "restore-button");
  /* Translators: the accessible name of a backup's Restore… button */
  label = g_strdup_printf (_("Restore the backup of %s"), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "kw-row", row);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload (KwBackupsGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = self->store ? kw_store_list_backups (self->store, &error) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(GtkWidget) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
    }
  g_list_store_remove_all (self->rows);
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      GtkWidget *row = make_row (self, backups->pdata[i]);

      g_list_store_append (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
  gtk_widget_set_visible (self->empty_row, backups == NULL || backups->len == 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->empty_row),
                               error ? error->message : _("Kwartier makes one before each import"));
}

/* GObject */

static void
kw_backups_group_finalize (GObject *object)
{
  KwBackupsGroup *self = KW_BACKUPS_GROUP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->rows);
  g_clear_weak_pointer (&self->busy_window);
  G_OBJECT_CLASS (kw_backups_group_parent_class)->finalize (object);
}

static void
kw_backups_group_class_init (KwBackupsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_backups_group_finalize;
}

static void
kw_backups_group_init (KwBackupsGroup *self)
{
  self->rows = g_list_store_new (GTK_TYPE_WIDGET);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Backups"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Kwartier backs up the database before each import and each restore, and keeps the newest five of each. Restoring one undoes what changed since."));
  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("No backups yet"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);
}

/* Public API */

void
kw_backups_group_set_store (KwBackupsGroup *self,
                            KwStore        *store)
{
  g_return_if_fail (KW_IS_BACKUPS_GROUP (self));
  g_return_if_fail (store == NULL || KW_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  reload (self);
}

GListModel *
kw_backups_group_get_rows (KwBackupsGroup *self)
{
  g_return_val_if_fail (KW_IS_BACKUPS_GROUP (self), NULL);
  return G_LIST_MODEL (self->rows);
}

gboolean
kw_backups_group_get_running (KwBackupsGroup *self)
{
  g_return_val_if_fail (KW_IS_BACKUPS_GROUP (self), FALSE);
  return self->running;
}
