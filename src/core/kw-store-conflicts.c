/* kw-store-conflicts.c: what the sidebar asks of the sync engine's tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How many conflicts are open: one count on the partial index
 * sync_conflicts_open (kw-store-sync.c's schema), so that the window can
 * ask after every import, pass and choice without reading the conflicts
 * themselves (kw-conflicts.h). Who a device is, for the words about a
 * refused file (kw-sync-folder.h).
 */
#define G_LOG_DOMAIN "kw-conflicts"

#include "config.h"

#include <sqlite3.h>

#include "kw-conflicts.h"
#include "kw-store-private.h"
#include "kw-sync-folder.h"

static const char count_open_sql[] = "SELECT count(*) FROM sync_conflicts WHERE resolved = 0";
static const char select_organiser_sql[] = "SELECT organiser FROM sync_devices WHERE device = ?";

gint64
kw_conflicts_count (KwStore  *store,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 count;
  int rc;

  g_return_val_if_fail (KW_IS_STORE (store), -1);

  if ((stmt = _kw_store_prepare (store, count_open_sql, error)) == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  if (rc != SQLITE_ROW)
    _kw_store_set_db_error (store, error);
  sqlite3_reset (stmt);
  return count;
}

char *
kw_sync_folder_dup_organiser (KwStore    *store,
                              const char *device)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  char *organiser = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (device != NULL, NULL);

  if ((stmt = _kw_store_prepare (store, select_organiser_sql, &error)) == NULL)
    {
      g_debug ("the organiser of %s: %s", device, error->message);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, device, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    organiser = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (organiser != NULL && *organiser == '\0')
    g_clear_pointer (&organiser, g_free);
  return organiser;
}
