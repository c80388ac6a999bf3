/* kw-window-sync.c: import, export and sync, from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core does the work (kw-import.h, kw-export.h, kw-sync-folder.h).
 * win.import asks for a file (or takes one dropped on the window) and
 * opens the import window (kw-import-window.c), win.export and
 * win.export-scope the export window (kw-export-window.c); both run
 * their work in a thread and say what happened. The sidebar's sync row
 * tells what the watched folder's passes did.
 */
#define G_LOG_DOMAIN "kw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-conflicts-window.h"
#include "kw-export-window.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-import-window.h"
#include "kw-sync-scheduler.h"
#include "kw-window-private.h"

/* Helpers */

static char *
dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%H:%M");
}

/* "kwartier-<organiser>-<date>.kwartier.jsonl": a name a colleague recognises. */
char *
_kw_window_dup_export_name (KwStore *store)
{
  g_autofree char *organiser = kw_store_dup_organiser (store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GString) name = g_string_new ("kwartier-");

  for (const char *p = organiser ? organiser : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (name, g_unichar_tolower (c));
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  if (name->str[name->len - 1] != '-')
    g_string_append_c (name, '-');
  g_string_append_printf (name, "%s.kwartier.jsonl", date);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Callbacks */

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        KwWindow        *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (!_kw_window_offer_file (self, path))
        _kw_window_open_import (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Actions */

static void
show_chooser (KwWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import from Fellow Organisers"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Kwartier exports"));
  gtk_file_filter_add_pattern (filter, "*.kwartier.jsonl");
  gtk_file_filter_add_pattern (filter, "*.kwartier.jsonl.gz");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_exported_cb (KwWindow   *self,
                const char *path,
                gboolean    sealed)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *now = dup_now ();
  g_autofree char *status = g_strdup_printf (_("Exported at %s"), now);
  g_autofree char *toast = NULL;

  if (sealed)
    /* Translators: the toast after a sealed export, with the file's name */
    toast = g_strdup_printf (_("Exported and sealed to “%s”. Tell the passphrase another way than the file."), name);
  else
    /* Translators: the toast after an export, with the file's name */
    toast = g_strdup_printf (_("Exported to “%s”. Share it with fellow organisers."), name);

  _kw_window_set_sync_status (self, status);
  _kw_window_show_toast (self, toast);
}

/* The export window (src/app/sync/kw-export-window.c), with a scope. */
static void
show_export_window (KwWindow      *self,
                    KwExportScope  scope,
                    const char    *id)
{
  KwStore *store = kw_window_get_store (self);
  g_autofree char *name = NULL;
  KwExportWindow *export;

  if (_kw_window_get_busy (self) || kw_store_get_busy (store))
    {
      _kw_window_show_toast (self, _("Still busy with the last import, export or sync; try again when it is done"));
      return;
    }
  name = _kw_window_dup_export_name (store);
  export = kw_export_window_new (GTK_WINDOW (self), store, name);
  if (scope != KW_EXPORT_SCOPE_ALL)
    kw_export_window_set_scope (export, scope, id);
  g_signal_connect_object (export, "exported", G_CALLBACK (on_exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (export));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  show_export_window (KW_WINDOW (widget), KW_EXPORT_SCOPE_ALL, NULL);
}

/* win.export-scope ("alliance", id): the export window with that scope
 * chosen; a kind it does not know opens it for everything, a record that
 * is not there leaves the record to choose. */
static void
export_scope_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  const char *kind, *id;
  KwExportScope scope;

  g_variant_get (param, "(&s&s)", &kind, &id);
  if (!kw_export_scope_from_string (kind, &scope) || scope > KW_EXPORT_SCOPE_MEETING)
    scope = KW_EXPORT_SCOPE_ALL;
  show_export_window (KW_WINDOW (widget), scope, id);
}

/* The import window for a Kwartier export: a dry run first. */
void
_kw_window_open_import (KwWindow   *self,
                        const char *path)
{
  KwImportWindow *window;

  if (_kw_window_get_busy (self) || kw_store_get_busy (kw_window_get_store (self))
      || kw_sync_scheduler_get_running (kw_window_get_sync_scheduler (self)))
    {
      _kw_window_show_toast (self, _("Still busy with the last import, export or sync; try again when it is done"));
      return;
    }
  window = kw_import_window_new (self, path);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
is_export_name (const char *path)
{
  return g_str_has_suffix (path, ".jsonl") || g_str_has_suffix (path, ".jsonl.gz")
         || kw_import_file_is_sealed (path);
}

/* A file dropped on the window: what a view reads (a people CSV in
 * Contacts) goes there, a Kwartier export to the import window. */
static gboolean
on_drop_target_drop_cb (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        KwWindow      *self)
{
  GSList *files = G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) ? gdk_file_list_get_files (g_value_get_boxed (value)) : NULL;
  g_autofree char *path = files ? g_file_get_path (files->data) : NULL;

  g_slist_free (files);
  if (path == NULL || _kw_window_get_busy (self))
    return FALSE;
  if (_kw_window_offer_file (self, path))
    return TRUE;
  if (!is_export_name (path))
    {
      _kw_window_show_toast (self, _("Kwartier imports the exports of fellow organisers (.kwartier.jsonl) and, in Contacts, lists of people (.csv)"));
      return FALSE;
    }
  _kw_window_open_import (self, path);
  return TRUE;
}

void
_kw_window_add_drop_target (KwWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_target_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  show_chooser (KW_WINDOW (widget));
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  g_autofree char *folder = g_settings_get_string (_kw_window_get_settings (self), "sync-folder");

  if (*folder == '\0')
    {
      gtk_widget_activate_action (widget, "app.preferences", NULL);
      return;
    }
  kw_sync_scheduler_request (kw_window_get_sync_scheduler (self));
}

static void
show_conflicts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KwWindow *self = KW_WINDOW (widget);
  KwConflictsWindow *conflicts;

  if (_kw_window_get_busy (self))
    {
      _kw_window_show_toast (self, _("Still busy with the last import, export or sync; try again when it is done"));
      return;
    }
  conflicts = kw_conflicts_window_new (GTK_WINDOW (self), kw_window_get_store (self));
  g_signal_connect_object (conflicts, "resolved", G_CALLBACK (_kw_window_update_conflicts),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (conflicts));
}

/* The sidebar's sync row */

static char *
describe_result (const KwSyncResult *result)
{
  g_autofree char *at = g_date_time_format (result->finished_at, "%H:%M");
  g_autofree char *from = NULL;

  if (result->changes == 0)
    /* Translators: "Synced at 14:02 — no changes" */
    return g_strdup_printf (_("Synced at %s — no changes"), at);
  g_ptr_array_add (result->from, NULL);
  from = g_strjoinv (", ", (char **) result->from->pdata);
  g_ptr_array_remove_index (result->from, result->from->len - 1);
  /* Translators: "Synced at 14:02 — 3 changes from Samira" (the organiser's name
   * in the file, or the start of the device id, as in the names of the files in
   * the sync folder; several are separated by commas) */
  return g_strdup_printf (ngettext ("Synced at %s — %u change from %s",
                                    "Synced at %s — %u changes from %s", result->changes),
                          at, result->changes, from);
}

/* In plain words, with what to do (kw_sync_refused_file_dup_advice);
 * the sync row's Details has one for each file. */
static char *
describe_refused (const KwSyncResult *result)
{
  g_autofree char *first = kw_sync_refused_file_dup_advice (g_ptr_array_index (result->refusals, 0));

  if (result->refusals->len == 1)
    return g_steal_pointer (&first);
  /* Translators: then the words about the first file */
  return g_strdup_printf (ngettext ("%u colleague’s file could not be imported. %s",
                                    "%u colleagues’ files could not be imported. %s",
                                    result->refusals->len),
                          result->refusals->len, first);
}

static char *
describe_running (KwSyncScheduler *scheduler)
{
  guint done, total;

  kw_sync_scheduler_get_progress (scheduler, &done, &total);
  if (total == 0)
    return g_strdup (_("Syncing…"));
  /* Translators: the colleagues' files in the sync folder looked at so far: "Syncing… 3 of 10 files" */
  return g_strdup_printf (ngettext ("Syncing… %u of %u file", "Syncing… %u of %u files", total), done, total);
}

void
_kw_window_describe_sync (KwSyncScheduler  *scheduler,
                          const char       *own_device,
                          char            **status,
                          char            **problem,
                          char            **details)
{
  const KwSyncResult *result = kw_sync_scheduler_get_result (scheduler);
  const GError *watch_error = kw_sync_scheduler_get_watch_error (scheduler);
  g_autofree char *own = g_strndup (own_device, 8);

  *problem = NULL;
  *details = NULL;
  if (kw_sync_scheduler_get_folder (scheduler) == NULL)
    {
      *status = g_strdup (_("Sync is off"));
      return;
    }
  /* Translators: the files of this device in the sync folder start with this */
  *details = g_strdup_printf (_("This device’s files in the sync folder start with %s"), own);
  if (kw_sync_scheduler_get_running (scheduler))
    *status = describe_running (scheduler);
  else if (result == NULL)
    *status = g_strdup (_("Not synced yet"));
  else if (result->error != NULL)
    *status = g_strdup (_("Sync failed"));
  else
    *status = describe_result (result);
  if (result != NULL && result->error != NULL)
    *problem = g_strdup (result->error->message);
  else if (result != NULL && result->refusals->len > 0)
    *problem = describe_refused (result);
  else if (watch_error != NULL)
    *problem = g_strdup (watch_error->message);
}

void
_kw_window_class_add_sync_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-conflicts", NULL, show_conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-scope", "(ss)", export_scope_action);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_action);
}
