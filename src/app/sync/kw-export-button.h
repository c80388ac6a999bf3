/* kw-export-button.h: "Export for Fellow Organisers…" on a record's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A pill button for the page of an alliance, a network, an area or a
 * meeting (a KwRecordPage): it opens the export window with that record
 * as the scope (win.export-scope). */
GtkWidget *kw_export_button_new (void);

G_END_DECLS
