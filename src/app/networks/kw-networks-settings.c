/* kw-networks-settings.c: the preferences the networks view and the load overview read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys come with the preferences of issue 10; until a schema has
 * them, the analysis defaults hold.
 */
#define G_LOG_DOMAIN "kw-networks-settings"

#include "config.h"

#include <gio/gio.h>

#include "kw-analysis.h"
#include "kw-networks-settings.h"

static guint
get_uint (const char *key,
          guint       fallback)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, "nl.kwartier.Kwartier", TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  int value;

  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return fallback;
  settings = g_settings_new_full (schema, NULL, NULL);
  value = g_settings_get_int (settings, key);
  return value > 0 ? (guint) value : fallback;
}

guint
kw_networks_settings_get_stale_months (void)
{
  return get_uint ("stale-months", KW_ANALYSIS_STALE_MONTHS);
}

guint
kw_networks_settings_get_load_threshold (void)
{
  return get_uint ("load-threshold", KW_ANALYSIS_LOAD_THRESHOLD);
}
