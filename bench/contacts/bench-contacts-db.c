/* bench-contacts-db.c: the generated database the contacts benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database is cached in the build directory: generating 100,000
 * people takes about 40 s, measuring them a few. It is written under a
 * temporary name and renamed when complete, so that an interrupted
 * generation is not taken for a finished one.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "bench-contacts-db.h"
#include "kw-demo.h"

static gboolean
generate (const char  *path,
          guint        n_people,
          GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autoptr(KwStore) store = NULL;
  gint64 start = g_get_monotonic_time ();

  for (const char *suffix = ""; suffix != NULL; suffix = *suffix ? NULL : "-wal")
    {
      g_autofree char *stale = g_strconcat (tmp, suffix, NULL);
      g_unlink (stale);
    }
  g_printerr ("generating %u people into %s (once; later runs reuse it)…\n", n_people, path);
  if ((store = kw_store_open (tmp, error)) == NULL
      || !kw_demo_generate (store, n_people, 1, error))
    return FALSE;
  g_clear_object (&store);  /* closes the connection: the WAL is checkpointed */
  if (g_rename (tmp, path) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "could not rename %s: %s", tmp, g_strerror (errno));
      return FALSE;
    }
  g_printerr ("generated in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

KwStore *
bench_open_people (const char  *path,
                   guint        n_people,
                   GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !generate (path, n_people, error))
    return NULL;
  return kw_store_open (path, error);
}
