/* kw-export-private.h: what kw-export.c shares with kw-export-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-export.h"
#include "kw-sync-private.h"

G_BEGIN_DECLS

gboolean _kw_export_check_options (const KwExportOptions  *options,
                                   GError                **error);
/* Every record line of the export, in the file's order, to @func
 * (inside the caller's read transaction). */
gboolean _kw_export_each_record   (KwStore                *store,
                                   const KwExportOptions  *options,
                                   KwSyncLineFunc          func,
                                   gpointer                user_data,
                                   GError                **error);

G_END_DECLS
