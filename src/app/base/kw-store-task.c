/* kw-store-task.c: store work in a thread, ::changed on the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-store-task"

#include "config.h"

#include "kw-store-task.h"

typedef struct {
  KwStore         *store;
  KwStoreWorkFunc  work;
  gpointer         data;
  GDestroyNotify   data_free;
  GDestroyNotify   result_free;
} Work;

/* On the store (qdata): the first handler of its ::changed. */
typedef struct {
  GThread    *owner;     /* the main thread */
  GMutex      lock;
  gboolean    running;   /* a task holds the store */
  GHashTable *held;      /* interned type names changed by the task */
} Gate;

/* Helpers */

static GQuark
get_gate_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("kw-store-task-gate");
  return quark;
}

static void
gate_free (Gate *gate)
{
  g_mutex_clear (&gate->lock);
  g_hash_table_unref (gate->held);
  g_free (gate);
}

static Gate *
get_gate (KwStore *store)
{
  return g_object_get_qdata (G_OBJECT (store), get_gate_quark ());
}

static void
work_free (Work *w)
{
  if (w->data_free != NULL && w->data != NULL)
    w->data_free (w->data);
  g_clear_object (&w->store);
  g_free (w);
}

/* Connected before any other handler, so it runs first: an emission
 * from the task's thread goes no further; the type is kept for later. */
static void
on_store_changed_cb (KwStore    *store,
                     const char *type_name,
                     Gate       *gate)
{
  GSignalInvocationHint *hint;

  if (g_thread_self () == gate->owner)
    return;
  g_mutex_lock (&gate->lock);
  g_hash_table_add (gate->held, (gpointer) g_intern_string (type_name));
  g_mutex_unlock (&gate->lock);
  hint = g_signal_get_invocation_hint (store);
  g_signal_stop_emission (store, hint->signal_id, hint->detail);
}

/* On the main thread: the listeners hear about every type written. */
static void
release_store (KwStore *store)
{
  Gate *gate = get_gate (store);
  guint signal_id = g_signal_lookup ("changed", KW_TYPE_STORE);
  g_autoptr(GList) types = NULL;

  g_mutex_lock (&gate->lock);
  types = g_hash_table_get_keys (gate->held);
  g_hash_table_steal_all (gate->held);
  gate->running = FALSE;
  g_mutex_unlock (&gate->lock);
  for (GList *l = types; l != NULL; l = l->next)
    g_signal_emit (store, signal_id, g_quark_from_string (l->data), l->data);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Work *w = task_data;
  GError *error = NULL;
  gpointer result = w->work (w->store, w->data, cancellable, &error);

  if (result == NULL && error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, w->result_free);
}

/* Callbacks */

static void
on_thread_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  Work *w = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gpointer value;

  release_store (w->store);
  value = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, value, w->result_free);
}

/* Public API */

void
kw_store_task_run_async (KwStore             *store,
                         KwStoreWorkFunc      work,
                         gpointer             data,
                         GDestroyNotify       data_free,
                         GDestroyNotify       result_free,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;
  Work *w;

  g_return_if_fail (KW_IS_STORE (store));
  g_return_if_fail (work != NULL);
  g_return_if_fail (!kw_store_task_is_running (store));

  outer = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (outer, kw_store_task_run_async);
  w = g_new0 (Work, 1);
  w->store = g_object_ref (store);
  w->work = work;
  w->data = data;
  w->data_free = data_free;
  w->result_free = result_free;
  kw_store_task_install_gate (store);
  get_gate (store)->running = TRUE;
  inner = g_task_new (store, cancellable, on_thread_done_cb, outer);
  g_task_set_task_data (inner, w, (GDestroyNotify) work_free);
  g_task_run_in_thread (inner, run_in_thread);
}

gpointer
kw_store_task_run_finish (KwStore       *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_store_task_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
kw_store_task_is_running (KwStore *store)
{
  Gate *gate;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);

  gate = get_gate (store);
  return gate != NULL && gate->running;
}

void
kw_store_task_install_gate (KwStore *store)
{
  Gate *gate;

  g_return_if_fail (KW_IS_STORE (store));

  if (get_gate (store) != NULL)
    return;
  gate = g_new0 (Gate, 1);
  gate->owner = g_thread_self ();
  gate->held = g_hash_table_new (NULL, NULL);
  g_mutex_init (&gate->lock);
  g_object_set_qdata_full (G_OBJECT (store), get_gate_quark (), gate, (GDestroyNotify) gate_free);
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), gate);
}
