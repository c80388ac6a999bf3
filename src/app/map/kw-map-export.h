/* kw-map-export.h: the Stakeholder Map view's Export… dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-map-view.h"

G_BEGIN_DECLS

/* Asks for a PNG or SVG file and writes the shown map to it
 * (kw_map_view_export_to), with a toast either way. */
void kw_map_export_choose (KwMapView *view);

G_END_DECLS
