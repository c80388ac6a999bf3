/* kw-demo.h: the demo data set and the synthetic city-scale generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw_demo_load() fills a database with a small, fictional but realistic
 * Amsterdam (data/demo/kwartier-demo.ini, docs/demo-data.md) in one
 * transaction. kw_demo_generate()
 * writes a data set of the same shape for n_people, deterministic for a
 * seed, in transactions of a few thousand writes. Both write through the
 * store only and print nothing.
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

gboolean kw_demo_load     (KwStore  *store,
                           GError  **error);
/* The same for another data set of that syntax (docs/demo-data.md). */
gboolean kw_demo_load_key_file (KwStore   *store,
                                GKeyFile  *file,
                                GError   **error);
gboolean kw_demo_load_bytes    (KwStore   *store,
                                GBytes    *bytes,
                                GError   **error);
gboolean kw_demo_generate (KwStore  *store,
                           guint     n_people,
                           guint64   seed,
                           GError  **error);

/* How far kw_demo_generate_full() is: step @step of @n_steps (its name,
 * untranslated: pass it through the gettext domain "kwartier"), and the
 * records written so far. */
typedef void (*KwDemoProgressFunc) (const char *step_name,
                                    guint       step,
                                    guint       n_steps,
                                    guint64     written,
                                    gpointer    user_data);

gboolean kw_demo_generate_full (KwStore            *store,
                                guint               n_people,
                                guint64             seed,
                                KwDemoProgressFunc  progress,
                                gpointer            user_data,
                                GError            **error);

G_END_DECLS
