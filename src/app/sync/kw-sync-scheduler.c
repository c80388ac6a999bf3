/* kw-sync-scheduler.c: when the sync folder is synced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-sync-scheduler"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-hlc.h"
#include "kw-sync-folder.h"
#include "kw-sync-scheduler.h"

#define SHORT_ID_LEN 8
#define RETRY_MS     250   /* while the window's own store work runs */

struct _KwSyncScheduler
{
  GObject        parent_instance;

  KwStore       *store;       /* the window's */
  KwStore       *pass_store;  /* the passes' own connection, made at the first pass */
  char          *folder;
  GFileMonitor  *monitor;
  GError        *watch_error;
  GCancellable  *cancellable;

  guint          debounce_ms;
  guint          quiet_ms;
  guint          debounce_id;
  guint          quiet_id;
  guint          retry_id;

  gboolean       running;
  gboolean       queued;
  gboolean       forwarding;  /* ::changed of a pass, not a local edit */
  guint          n_passes;
  guint          serial;          /* of the running pass, for its progress */
  guint          progress_done;
  guint          progress_total;
  KwSyncResult  *result;
};

G_DEFINE_FINAL_TYPE (KwSyncScheduler, kw_sync_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

enum {
  FINISHED,
  PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct {
  KwSyncScheduler *self;    /* alive while the pass runs: the task's callback holds it */
  guint            serial;
  KwStore         *store;   /* the pass's, in the thread */
  char            *folder;
  KwSyncResult    *result;
} Pass;

/* A pass's progress, from its thread to the main loop. */
typedef struct {
  KwSyncScheduler *self;
  guint            serial;
  guint            done;
  guint            total;
} Progress;

static void start_pass (KwSyncScheduler *self);
static void on_pass_store_changed_cb (KwSyncScheduler *self,
                                      const char      *type_name);

/* Helpers */

static void
refused_file_free (KwSyncRefusedFile *file)
{
  g_free (file->name);
  g_free (file->device);
  g_free (file->organiser);
  g_free (file->reason);
  g_free (file);
}

static void
result_free (KwSyncResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->finished_at, g_date_time_unref);
  g_clear_pointer (&result->from, g_ptr_array_unref);
  g_clear_pointer (&result->refused, g_ptr_array_unref);
  g_clear_pointer (&result->refusals, g_ptr_array_unref);
  g_clear_error (&result->error);
  g_free (result);
}

static void
pass_free (Pass *pass)
{
  g_free (pass->folder);
  result_free (pass->result);
  g_free (pass);
}

static void
set_running (KwSyncScheduler *self,
             gboolean         running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
restart_timer (KwSyncScheduler *self,
               guint           *id,
               guint            ms,
               GSourceFunc      func)
{
  g_clear_handle_id (id, g_source_remove);
  *id = g_timeout_add_full (G_PRIORITY_DEFAULT, ms, func, self, NULL);
}

/* In the thread: who sent a refused file, and why it was refused. */
static void
add_refusal (Pass                  *pass,
             const char            *name,
             const KwImportSummary *summary,
             const GError          *error)
{
  KwSyncRefusedFile *file = g_new0 (KwSyncRefusedFile, 1);
  g_autofree char *device = g_strndup (name, KW_DEVICE_ID_LEN);

  file->name = g_strdup (name);
  file->device = g_strndup (name, SHORT_ID_LEN);
  file->organiser = kw_device_id_is_valid (device) ? kw_sync_folder_dup_organiser (pass->store, device) : NULL;
  file->kind = kw_sync_folder_refusal_kind (summary, error);
  file->reason = g_strdup (error ? error->message : _("refused"));
  g_ptr_array_add (pass->result->refusals, file);
}

static gboolean
on_progress_idle_cb (gpointer data)
{
  Progress *progress = data;
  KwSyncScheduler *self = progress->self;

  if (!self->running || progress->serial != self->serial)
    return G_SOURCE_REMOVE;  /* a late word of a pass that is over */
  self->progress_done = progress->done;
  self->progress_total = progress->total;
  g_signal_emit (self, signals[PROGRESS], 0);
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->self);
  g_free (progress);
}

/* In the thread: to the main loop, before the pass's end is (same priority, queued first) */
static void
on_folder_progress_cb (guint    done,
                       guint    total,
                       gpointer user_data)
{
  Pass *pass = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (pass->self);
  progress->serial = pass->serial;
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, on_progress_idle_cb, progress,
                              (GDestroyNotify) progress_free);
}

/* In the thread. */
static void
on_folder_report_cb (const char             *path,
                     KwSyncFileStatus        status,
                     const KwImportSummary  *summary,
                     const GError           *error,
                     gpointer                user_data)
{
  Pass *pass = user_data;
  KwSyncResult *result = pass->result;
  g_autofree char *name = g_path_get_basename (path);

  if (status == KW_SYNC_FILE_IMPORTED)
    {
      /* the organiser named in the file's header, else the device id's start */
      g_autofree char *organiser = g_strstrip (g_strdup (summary != NULL ? summary->organiser : ""));
      g_autofree char *device = *organiser != '\0' ? g_steal_pointer (&organiser)
                                                    : g_strndup (name, SHORT_ID_LEN);

      result->files++;
      if (summary != NULL)
        {
          result->changes += summary->added + summary->updated + summary->deleted;
          result->conflicts += summary->conflicts;
        }
      if (!g_ptr_array_find_with_equal_func (result->from, device, g_str_equal, NULL))
        g_ptr_array_add (result->from, g_steal_pointer (&device));
    }
  else if (status == KW_SYNC_FILE_REFUSED)
    {
      g_ptr_array_add (result->refused, g_strdup_printf ("%s: %s", name,
                                                         error ? error->message : _("refused")));
      add_refusal (pass, name, summary, error);
    }
}

/* In the thread: the pass comes back as the result. */
static gpointer
run_pass (KwStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Pass *pass = data;
  guint n_refused = 0;

  pass->store = store;
  if (!g_cancellable_is_cancelled (cancellable))
    kw_sync_folder_run_with_progress (store, pass->folder, NULL, KW_SYNC_FOLDER_DEFAULT,
                                      on_folder_progress_cb, on_folder_report_cb, pass,
                                      &n_refused, &pass->result->error);
  pass->store = NULL;
  pass->result->finished_at = g_date_time_new_now_local ();
  return pass;
}

static gboolean
ensure_pass_store (KwSyncScheduler *self)
{
  g_autoptr(GError) error = NULL;

  if (self->pass_store != NULL)
    return TRUE;
  self->pass_store = kw_store_open (kw_store_get_path (self->store), &error);
  if (self->pass_store == NULL)
    {
      g_warning ("could not open a second connection for sync: %s", error->message);
      return FALSE;
    }
  g_signal_connect_object (self->pass_store, "changed", G_CALLBACK (on_pass_store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return TRUE;
}

/* Callbacks */

static void
on_pass_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  g_autoptr(KwSyncScheduler) self = user_data;
  g_autoptr(GError) error = NULL;
  Pass *pass = kw_store_run_finish (KW_STORE (source), res, &error);

  if (pass == NULL)  /* cancelled before the pass ran */
    return;
  result_free (self->result);
  self->result = g_steal_pointer (&pass->result);
  pass_free (pass);
  self->n_passes++;
  set_running (self, FALSE);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  g_signal_emit (self, signals[FINISHED], 0);
  if (self->queued)
    {
      self->queued = FALSE;
      start_pass (self);
    }
}

/* On the main thread, as the pass's connection releases what it held. */
static void
on_pass_store_changed_cb (KwSyncScheduler *self,
                          const char      *type_name)
{
  guint signal_id = g_signal_lookup ("changed", KW_TYPE_STORE);

  self->forwarding = TRUE;
  g_signal_emit (self->store, signal_id, g_quark_from_string (type_name), type_name);
  self->forwarding = FALSE;
}

static gboolean
on_quiet_cb (gpointer data)
{
  KwSyncScheduler *self = data;

  self->quiet_id = 0;
  kw_sync_scheduler_request (self);
  return G_SOURCE_REMOVE;
}

/* While the organiser is editing (a quiet spell is pending), a colleague's
 * file waits for the pass after it: a pass holds the database's write lock
 * while it imports, and a local write would wait for it. */
static gboolean
on_debounce_cb (gpointer data)
{
  KwSyncScheduler *self = data;

  self->debounce_id = 0;
  if (self->quiet_id == 0)
    kw_sync_scheduler_request (self);
  return G_SOURCE_REMOVE;
}

/* A local write: a pass when the organiser has stopped for a while. */
static void
on_store_changed_cb (KwSyncScheduler *self,
                     const char      *type_name)
{
  if (self->forwarding || self->folder == NULL)
    return;
  restart_timer (self, &self->quiet_id, self->quiet_ms, on_quiet_cb);
}

static gboolean
on_retry_cb (gpointer data)
{
  KwSyncScheduler *self = data;

  self->retry_id = 0;
  start_pass (self);
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed_cb (KwSyncScheduler   *self,
                       GFile             *file,
                       GFile             *other,
                       GFileMonitorEvent  event)
{
  const char *own = kw_store_get_device_id (self->store);
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;
  g_autofree char *other_name = other ? g_file_get_basename (other) : NULL;

  if (event == G_FILE_MONITOR_EVENT_DELETED || event == G_FILE_MONITOR_EVENT_MOVED_OUT
      || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT || event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;
  if ((event == G_FILE_MONITOR_EVENT_RENAMED && kw_sync_scheduler_is_foreign_export (other_name, own))
      || (event != G_FILE_MONITOR_EVENT_RENAMED && kw_sync_scheduler_is_foreign_export (name, own)))
    restart_timer (self, &self->debounce_id, self->debounce_ms, on_debounce_cb);
}

/* Helpers that use the callbacks */

static void
start_pass (KwSyncScheduler *self)
{
  Pass *pass;

  if (self->folder == NULL || self->running || self->retry_id != 0)
    return;
  /* the window's own import or export has the database: after it */
  if (kw_store_get_busy (self->store))
    {
      self->retry_id = g_timeout_add (RETRY_MS, on_retry_cb, self);
      return;
    }
  if (!ensure_pass_store (self))
    return;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  pass = g_new0 (Pass, 1);
  pass->self = self;
  pass->serial = ++self->serial;
  pass->folder = g_strdup (self->folder);
  pass->result = g_new0 (KwSyncResult, 1);
  pass->result->from = g_ptr_array_new_with_free_func (g_free);
  pass->result->refused = g_ptr_array_new_with_free_func (g_free);
  pass->result->refusals = g_ptr_array_new_with_free_func ((GDestroyNotify) refused_file_free);
  self->progress_done = self->progress_total = 0;
  set_running (self, TRUE);
  /* the pass comes back as the result: freed there, not as data */
  kw_store_run_async (self->pass_store, run_pass, pass, NULL, (GDestroyNotify) pass_free,
                           self->cancellable, on_pass_done_cb, g_object_ref (self));
}

static void
watch_folder (KwSyncScheduler *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_error (&self->watch_error);
  if (self->folder == NULL)
    return;
  file = g_file_new_for_path (self->folder);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (&self->watch_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("The sync folder %s does not exist"), self->folder);
      return;
    }
  self->monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &self->watch_error);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

/* Overrides */

static void
kw_sync_scheduler_dispose (GObject *object)
{
  KwSyncScheduler *self = KW_SYNC_SCHEDULER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->pass_store);

  G_OBJECT_CLASS (kw_sync_scheduler_parent_class)->dispose (object);
}

static void
kw_sync_scheduler_finalize (GObject *object)
{
  KwSyncScheduler *self = KW_SYNC_SCHEDULER (object);

  g_free (self->folder);
  g_clear_error (&self->watch_error);
  g_clear_object (&self->cancellable);
  result_free (self->result);

  G_OBJECT_CLASS (kw_sync_scheduler_parent_class)->finalize (object);
}

static void
kw_sync_scheduler_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KwSyncScheduler *self = KW_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_sync_scheduler_class_init (KwSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_sync_scheduler_dispose;
  object_class->finalize = kw_sync_scheduler_finalize;
  object_class->get_property = kw_sync_scheduler_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* after each pass: see kw_sync_scheduler_get_result () */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* while a pass runs: see kw_sync_scheduler_get_progress () */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kw_sync_scheduler_init (KwSyncScheduler *self)
{
  self->cancellable = g_cancellable_new ();
  self->debounce_ms = 2000;
  self->quiet_ms = 30000;
}

/* Public API */

KwSyncScheduler *
kw_sync_scheduler_new (KwStore *store)
{
  KwSyncScheduler *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_SYNC_SCHEDULER, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
kw_sync_scheduler_set_folder (KwSyncScheduler *self,
                              const char      *folder)
{
  g_return_if_fail (KW_IS_SYNC_SCHEDULER (self));

  if (folder != NULL && *folder == '\0')
    folder = NULL;
  if (g_strcmp0 (folder, self->folder) == 0 && (folder == NULL || self->monitor != NULL))
    return;
  g_free (self->folder);
  self->folder = g_strdup (folder);
  if (folder == NULL)
    {
      g_clear_handle_id (&self->debounce_id, g_source_remove);
      g_clear_handle_id (&self->quiet_id, g_source_remove);
      g_clear_handle_id (&self->retry_id, g_source_remove);
      self->queued = FALSE;
    }
  watch_folder (self);
}

const char *
kw_sync_scheduler_get_folder (KwSyncScheduler *self)
{
  g_return_val_if_fail (KW_IS_SYNC_SCHEDULER (self), NULL);
  return self->folder;
}

const GError *
kw_sync_scheduler_get_watch_error (KwSyncScheduler *self)
{
  g_return_val_if_fail (KW_IS_SYNC_SCHEDULER (self), NULL);
  return self->watch_error;
}

void
kw_sync_scheduler_set_intervals (KwSyncScheduler *self,
                                 guint            debounce_ms,
                                 guint            quiet_ms)
{
  g_return_if_fail (KW_IS_SYNC_SCHEDULER (self));

  self->debounce_ms = debounce_ms;
  self->quiet_ms = quiet_ms;
}

void
kw_sync_scheduler_request (KwSyncScheduler *self)
{
  g_return_if_fail (KW_IS_SYNC_SCHEDULER (self));

  if (self->folder == NULL)
    return;
  if (self->running)
    {
      self->queued = TRUE;
      return;
    }
  /* a folder made after it was chosen: watch it from now on */
  if (self->monitor == NULL)
    watch_folder (self);
  start_pass (self);
}

gboolean
kw_sync_scheduler_get_running (KwSyncScheduler *self)
{
  g_return_val_if_fail (KW_IS_SYNC_SCHEDULER (self), FALSE);
  return self->running;
}

guint
kw_sync_scheduler_get_n_passes (KwSyncScheduler *self)
{
  g_return_val_if_fail (KW_IS_SYNC_SCHEDULER (self), 0);
  return self->n_passes;
}

const KwSyncResult *
kw_sync_scheduler_get_result (KwSyncScheduler *self)
{
  g_return_val_if_fail (KW_IS_SYNC_SCHEDULER (self), NULL);
  return self->result;
}

gboolean
kw_sync_scheduler_finish (KwSyncScheduler  *self,
                          GError          **error)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_refused = 0;
  gboolean pending;

  g_return_val_if_fail (KW_IS_SYNC_SCHEDULER (self), FALSE);

  while (self->running && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  pending = self->quiet_id != 0 || self->queued;
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  self->queued = FALSE;
  if (self->folder == NULL || self->running || !pending)
    return TRUE;
  /* on the calling thread, on the window's connection: it is closing */
  return kw_sync_folder_run (self->store, self->folder, NULL, NULL, NULL, &n_refused, error);
}

void
kw_sync_scheduler_get_progress (KwSyncScheduler *self,
                                guint           *done,
                                guint           *total)
{
  g_return_if_fail (KW_IS_SYNC_SCHEDULER (self));

  *done = self->running ? self->progress_done : 0;
  *total = self->running ? self->progress_total : 0;
}

char *
kw_sync_refused_file_dup_advice (const KwSyncRefusedFile *file)
{
  g_autofree char *who = NULL;

  g_return_val_if_fail (file != NULL, NULL);

  who = file->organiser != NULL ? g_strdup (file->organiser)
        /* Translators: who sent a file, when it did not say: "the colleague with device 709e9914" */
        : g_strdup_printf (_("the colleague with device %s"), file->device);
  /* Translators: in each, %s is an organiser, or "the colleague with device 709e9914" */
  switch (file->kind)
    {
    case KW_SYNC_REFUSAL_INCOMPLETE:
      return g_strdup_printf (_("The file of %s is not complete — was a USB stick pulled out too soon? Ask %s to export again."),
                              who, who);
    case KW_SYNC_REFUSAL_NEWER:
      return g_strdup_printf (_("The file of %s was made by a newer Kwartier: update Kwartier to read it."), who);
    case KW_SYNC_REFUSAL_SEALED:
      return g_strdup_printf (_("The file of %s is sealed with a passphrase; files in the sync folder must not be. Ask %s to remove it."),
                              who, who);
    case KW_SYNC_REFUSAL_CLOCK:
      return g_strdup_printf (_("The file of %s was written by a clock far ahead. Ask %s to set the right date and time."),
                              who, who);
    case KW_SYNC_REFUSAL_UNREADABLE:
      /* Translators: the second %s is the reason, as the system gives it */
      return g_strdup_printf (_("The file of %s cannot be read here (%s). Check that the sync folder can be read."),
                              who, file->reason);
    case KW_SYNC_REFUSAL_DAMAGED:
    default:
      return g_strdup_printf (_("The file of %s is damaged. Ask %s to export again."), who, who);
    }
}

/* "<device>.kwartier.jsonl[.gz]" or "<device>.<seq:8 digits>.kwartier.jsonl[.gz]"
 * (spec/export-format.md, "The sync folder") of a device that is not us. */
gboolean
kw_sync_scheduler_is_foreign_export (const char *basename,
                                     const char *own_device)
{
  g_autofree char *device = NULL;
  const char *rest;

  if (basename == NULL || strlen (basename) <= KW_DEVICE_ID_LEN)
    return FALSE;
  device = g_strndup (basename, KW_DEVICE_ID_LEN);
  if (!kw_device_id_is_valid (device) || g_strcmp0 (device, own_device) == 0)
    return FALSE;
  rest = basename + KW_DEVICE_ID_LEN;
  if (rest[0] == '.' && strspn (rest + 1, "0123456789") == 8 && rest[9] == '.')
    rest += 9;
  return g_str_equal (rest, ".kwartier.jsonl") || g_str_equal (rest, ".kwartier.jsonl.gz");
}
