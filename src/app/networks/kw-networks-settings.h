/* kw-networks-settings.h: the preferences the networks view and the load overview read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "stale-months" of nl.kwartier.Kwartier when the schema has it, else
 * KW_ANALYSIS_STALE_MONTHS. */
guint kw_networks_settings_get_stale_months   (void);
/* "load-threshold" when the schema has it, else KW_ANALYSIS_LOAD_THRESHOLD. */
guint kw_networks_settings_get_load_threshold (void);

G_END_DECLS
