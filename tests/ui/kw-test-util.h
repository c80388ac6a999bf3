/* kw-test-util.h: what the ui tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"
#include "kw-window.h"

G_BEGIN_DECLS

typedef struct {
  char     *dir;
  KwStore  *store;
  KwWindow *window;
} KwTestFixture;

void      kw_test_init          (int    *argc,
                                 char ***argv);
/* Iterate the main loop for a while, so that the window lays out. */
void      kw_test_wait          (guint   ms);
/* A fresh database: the demo data, n generated people, or empty. */
void      kw_test_fixture_setup (KwTestFixture *fixture,
                                 gconstpointer  data);
void      kw_test_fixture_teardown (KwTestFixture *fixture,
                                    gconstpointer  data);
/* Opens the window on the fixture's store and waits for it. */
void      kw_test_fixture_open  (KwTestFixture *fixture);
void      kw_test_fixture_open_full (KwTestFixture *fixture,
                                     gboolean       first_run_done);

#define KW_TEST_DEMO       GUINT_TO_POINTER (0)
#define KW_TEST_EMPTY      GUINT_TO_POINTER (1)
#define KW_TEST_GENERATED  GUINT_TO_POINTER (20000)

G_END_DECLS
