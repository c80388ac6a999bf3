/* kw-cli-json.c: what the JSON-printing commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * report and map (kw-cli-report.c) and actions (kw-cli-meetings.c)
 * refuse, read --today and print their document the same way.
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "kw-cli.h"
#include "kw-cli-json.h"
#include "kw-error.h"

#define PROGRAM "kwartier-cli"

int
kw_cli_refuse (const GError *error)
{
  g_printerr ("%s: %s\n", PROGRAM, error->message);
  if (g_error_matches (error, KW_CORE_ERROR, KW_CORE_ERROR_BUSY))
    return KW_CLI_EXIT_BUSY;
  return KW_CLI_EXIT_REFUSED;
}

gboolean
kw_cli_parse_date (const char *text,
                   GDate      *date)
{
  guint64 y, m, d;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = g_ascii_strtoull (text, NULL, 10);
  m = g_ascii_strtoull (text + 5, NULL, 10);
  d = g_ascii_strtoull (text + 8, NULL, 10);
  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

void
kw_cli_add_member_string (JsonBuilder *b,
                          const char  *name,
                          const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

int
kw_cli_print_json (JsonBuilder *b)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
  return KW_CLI_EXIT_OK;
}

gboolean
kw_cli_usage_error (const char *command,
                    const char *synopsis,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", "kwartier-cli", message);
  g_printerr (_("Usage: %s [--db PATH] %s\n"), "kwartier-cli", _(synopsis));
  g_printerr (_("Try “%s%s%s --help” for more.\n"), "kwartier-cli", " ", command);
  return FALSE;
}

void
kw_cli_split_argv (int                 argc,
                   char              **argv,
                   const char * const *flags,
                   GHashTable         *options,
                   GPtrArray          *args)
{
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "-") && g_strv_contains (flags, argv[i]))
      g_hash_table_insert (options, argv[i], (gpointer) "");
    else if (g_str_has_prefix (argv[i], "-") && argv[i][1] != '\0' && i + 1 < argc)
      {
        g_hash_table_insert (options, argv[i], argv[i + 1]);
        i++;
      }
    else
      g_ptr_array_add (args, argv[i]);
}

char *
kw_cli_dup_id (const char  *given,
               GError     **error)
{
  if (given == NULL)
    return NULL;
  if (!g_utf8_validate (given, -1, NULL))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND, _("the id is not valid UTF-8"));
      return NULL;
    }
  return g_ascii_strdown (given, -1);
}
