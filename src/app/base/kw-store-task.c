/* kw-store-task.c: store work in a thread (a thin wrapper of the core's)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-store-task"

#include "config.h"

#include "kw-store-task.h"

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
  kw_store_run_async (store, work, data, data_free, result_free, cancellable, callback, user_data);
}

gpointer
kw_store_task_run_finish (KwStore       *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  return kw_store_run_finish (store, result, error);
}

gboolean
kw_store_task_is_running (KwStore *store)
{
  return kw_store_get_busy (store);
}

void
kw_store_task_install_gate (KwStore *store)
{
  g_return_if_fail (KW_IS_STORE (store));
}
