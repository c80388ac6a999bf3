/* kw-store-task.h: store work in a thread, ::changed on the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwStore is used by one thread at a time, and emits ::changed in the
 * thread that commits. kw_store_task_run_async() runs the work in a
 * GTask thread; a "gate", the first handler of the store's ::changed,
 * stops every emission from that thread and keeps the type; on the main
 * thread, before the callback, ::changed is emitted for those types: the
 * models and pages that listen refresh there, never in the thread. The
 * caller must not touch the store until the callback (the window shows a
 * busy state meanwhile).
 *
 * (GLib 2.74 cannot block all handlers of a signal without knowing them,
 * and an emission hook cannot stop an emission; hence the gate. A core
 * that emitted ::changed on the main context would not need it.)
 */
#pragma once

#include <gio/gio.h>

#include "kw-store.h"

G_BEGIN_DECLS

/* Runs in the thread. Returns the result (freed with result_free when
 * nobody takes it), or NULL with error set. */
typedef gpointer (*KwStoreWorkFunc) (KwStore       *store,
                                     gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

void      kw_store_task_run_async  (KwStore             *store,
                                    KwStoreWorkFunc      work,
                                    gpointer             data,
                                    GDestroyNotify       data_free,
                                    GDestroyNotify       result_free,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
/* The work's result (owned by the caller now), or NULL with error. */
gpointer  kw_store_task_run_finish (KwStore             *store,
                                    GAsyncResult        *result,
                                    GError             **error);
/* Connects the gate: call it on the main thread right after opening the
 * store, before anything else connects to it (KwWindow does). */
void      kw_store_task_install_gate (KwStore           *store);
/* Whether a task holds this store now. */
gboolean  kw_store_task_is_running (KwStore             *store);

G_END_DECLS
