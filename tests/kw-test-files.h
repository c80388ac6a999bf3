/* kw-test-files.h: what tests and benchmarks share about files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes a folder and everything in it (links are removed, not followed). */
void kw_test_remove_tree (const char *path);

G_END_DECLS
