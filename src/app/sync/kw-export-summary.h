/* kw-export-summary.h: what leaves the laptop, in the export window's rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-export.h"

G_BEGIN_DECLS

/* "12,345": a count with the locale's thousands separator. */
char *_kw_export_format_count  (guint64          n);
/* The rows say what @preview holds, or @status when it is NULL (being
 * counted); @type_rows: the rows made in @types_row (replaced). */
void  _kw_export_summary_show  (const KwExportPreview *preview,
                                const char            *status,
                                AdwActionRow          *people_row,
                                AdwActionRow          *private_row,
                                AdwActionRow          *local_row,
                                AdwExpanderRow        *types_row,
                                GPtrArray             *type_rows);

G_END_DECLS
