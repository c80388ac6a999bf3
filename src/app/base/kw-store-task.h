/* kw-store-task.h: store work in a thread (a thin wrapper of the core's)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store itself now emits ::changed on the main context it was
 * opened on and holds it back while a work runs (kw_store_run_async,
 * kw-store-async.c); these names stay for the callers that use them.
 * The caller must not touch the store until the callback (the window
 * shows a busy state meanwhile).
 */
#pragma once

#include <gio/gio.h>

#include "kw-store.h"

G_BEGIN_DECLS

typedef KwStoreRunFunc KwStoreWorkFunc;

/* = kw_store_run_async () */
void      kw_store_task_run_async  (KwStore             *store,
                                    KwStoreWorkFunc      work,
                                    gpointer             data,
                                    GDestroyNotify       data_free,
                                    GDestroyNotify       result_free,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
/* = kw_store_run_finish () */
gpointer  kw_store_task_run_finish (KwStore             *store,
                                    GAsyncResult        *result,
                                    GError             **error);
/* Nothing any more (the store emits on its context itself); kept until
 * its last caller (kw-application.c) drops it. */
void      kw_store_task_install_gate (KwStore           *store);
/* = kw_store_get_busy () */
gboolean  kw_store_task_is_running (KwStore             *store);

G_END_DECLS
