/* kw-test-tour.h: a walk through every view, every kind of record page and
 * the application's windows, for the tests that look at all of them
 * (test-shortcuts.c, test-accessible-names.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-test-util.h"

G_BEGIN_DECLS

/* Called at each stop with what is shown: the main window (a view or a
 * page in it) or a window opened on top of it; where says which stop
 * ("view:map", "page:person", "window:preferences"). */
typedef void (*KwTestTourFunc) (GtkWidget  *root,
                                const char *where,
                                gpointer    data);

/* The fixture's window must be open on the demo data. Shows each of the
 * five views, the search of everything with results, opens the first
 * record of each page kind, and opens the
 * Preferences, Conflicts, Publish Minutes, Keyboard Shortcuts and About
 * windows in turn (each closed again before the next stop). */
void  kw_test_tour         (KwTestFixture  *fixture,
                            KwTestTourFunc  func,
                            gpointer        data);

/* The view names in sidebar order, NULL-terminated. */
extern const char * const kw_test_tour_views[];
/* The record types of the page kinds the tour opens, NULL-terminated. */
extern const char * const kw_test_tour_pages[];


G_END_DECLS
