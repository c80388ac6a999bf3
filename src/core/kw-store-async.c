/* kw-store-async.c: ::changed on the store's main context, and work in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store remembers the GMainContext that was the thread's default when
 * it was opened, and the thread. A commit in that thread emits ::changed
 * at once, as it always did (a caller that writes and then reads a list
 * finds the list up to date). A commit in any other thread (a
 * kw_store_run_async work, the sync scheduler's own connection) queues
 * the types, each once, and an idle on that context emits them there:
 * no handler ever runs in a worker thread. While kw_store_run_async's
 * work holds the store (:busy), nothing is emitted at all, not even from
 * an idle, since the handlers would read the store beside the thread;
 * the types wait and are emitted on the context when the work is done,
 * before its callback. Code without a main loop that commits in another
 * thread calls kw_store_flush_changed () in the store's thread.
 */
#define G_LOG_DOMAIN "kw-store"

#include "config.h"

#include "kw-store-private.h"

struct _KwStoreAsync
{
  GMainContext *context;  /* the thread default when opened */
  GThread      *owner;    /* the thread that opened the store */
  GMutex        lock;     /* queued, idle, busy */
  GHashTable   *queued;   /* interned type names committed in another thread */
  GSource      *idle;     /* emits the queued types on context */
  gboolean      busy;     /* a kw_store_run_async work holds the store */
};

typedef struct {
  KwStoreRunFunc  func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Work;

/* Helpers */

static void
work_free (Work *w)
{
  if (w->data_free != NULL && w->data != NULL)
    w->data_free (w->data);
  g_free (w);
}

/* The queued types, taken; the idle, if any, stopped. Under the lock. */
static GList *
take_queued (KwStoreAsync *async)
{
  GList *types = g_hash_table_get_keys (async->queued);

  g_hash_table_steal_all (async->queued);
  if (async->idle != NULL)
    {
      g_source_destroy (async->idle);
      g_clear_pointer (&async->idle, g_source_unref);
    }
  return types;
}

static void
emit_all (KwStore *self,
          GList   *types)
{
  for (GList *l = types; l != NULL; l = l->next)
    _kw_store_emit_type (self, l->data);
}

static gboolean
on_idle_cb (gpointer data)
{
  KwStore *self = data;
  KwStoreAsync *async = _kw_store_get_async (self);
  g_autoptr(GList) types = NULL;

  g_mutex_lock (&async->lock);
  g_clear_pointer (&async->idle, g_source_unref);  /* it ends with this call */
  types = async->busy ? NULL : take_queued (async);
  g_mutex_unlock (&async->lock);
  emit_all (self, types);
  return G_SOURCE_REMOVE;
}

static void
set_busy (KwStore  *self,
          gboolean  busy)
{
  KwStoreAsync *async = _kw_store_get_async (self);

  g_mutex_lock (&async->lock);
  async->busy = busy;
  g_mutex_unlock (&async->lock);
  _kw_store_notify_busy (self);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Work *w = task_data;
  GError *error = NULL;
  gpointer result = w->func (KW_STORE (source_object), w->data, cancellable, &error);

  if (result == NULL && error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, w->result_free);
}

/* On the store's context: the store is free again, its listeners hear
 * of every type the work wrote, then the caller's callback runs. */
static void
on_thread_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  KwStore *self = KW_STORE (source);
  Work *w = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gpointer value;

  set_busy (self, FALSE);
  kw_store_flush_changed (self);
  value = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, value, w->result_free);
}

/* Private API */

KwStoreAsync *
_kw_store_async_new (void)
{
  KwStoreAsync *async = g_new0 (KwStoreAsync, 1);

  async->context = g_main_context_ref_thread_default ();
  async->owner = g_thread_self ();
  async->queued = g_hash_table_new (NULL, NULL);
  g_mutex_init (&async->lock);
  return async;
}

void
_kw_store_async_free (KwStoreAsync *async)
{
  if (async == NULL)
    return;
  if (async->idle != NULL)
    {
      g_source_destroy (async->idle);
      g_source_unref (async->idle);
    }
  g_hash_table_unref (async->queued);
  g_main_context_unref (async->context);
  g_mutex_clear (&async->lock);
  g_free (async);
}

void
_kw_store_dispatch_changed (KwStore *self,
                            GList   *types)
{
  KwStoreAsync *async = _kw_store_get_async (self);
  gboolean now;

  if (types == NULL)
    return;
  g_mutex_lock (&async->lock);
  now = g_thread_self () == async->owner && !async->busy;
  if (!now)
    {
      for (GList *l = types; l != NULL; l = l->next)
        g_hash_table_add (async->queued, l->data);
      if (!async->busy && async->idle == NULL)
        {
          /* the idle holds the store: it cannot go before the emission */
          async->idle = g_idle_source_new ();
          g_source_set_priority (async->idle, G_PRIORITY_DEFAULT);
          g_source_set_callback (async->idle, on_idle_cb, g_object_ref (self), g_object_unref);
          g_source_set_static_name (async->idle, "[kw] KwStore::changed");
          g_source_attach (async->idle, async->context);
        }
    }
  g_mutex_unlock (&async->lock);
  if (now)
    emit_all (self, types);
}

/* Public API */

void
kw_store_flush_changed (KwStore *self)
{
  KwStoreAsync *async;
  g_autoptr(GList) types = NULL;

  g_return_if_fail (KW_IS_STORE (self));

  async = _kw_store_get_async (self);
  g_return_if_fail (g_thread_self () == async->owner);
  g_mutex_lock (&async->lock);
  types = async->busy ? NULL : take_queued (async);
  g_mutex_unlock (&async->lock);
  emit_all (self, types);
}

gboolean
kw_store_get_busy (KwStore *self)
{
  KwStoreAsync *async;
  gboolean busy;

  g_return_val_if_fail (KW_IS_STORE (self), FALSE);

  async = _kw_store_get_async (self);
  g_mutex_lock (&async->lock);
  busy = async->busy;
  g_mutex_unlock (&async->lock);
  return busy;
}

void
kw_store_run_async (KwStore             *self,
                    KwStoreRunFunc       func,
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

  g_return_if_fail (KW_IS_STORE (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!kw_store_get_busy (self));
  g_return_if_fail (!_kw_store_in_transaction (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, kw_store_run_async);
  w = g_new0 (Work, 1);
  w->func = func;
  w->data = data;
  w->data_free = data_free;
  w->result_free = result_free;
  set_busy (self, TRUE);
  inner = g_task_new (self, cancellable, on_thread_done_cb, outer);
  g_task_set_source_tag (inner, run_in_thread);
  g_task_set_task_data (inner, w, (GDestroyNotify) work_free);
  g_task_run_in_thread (inner, run_in_thread);
}

gpointer
kw_store_run_finish (KwStore       *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_store_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
