/* kw-cli-publish.c: `kwartier-cli minutes` and `print`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's documents (kw-publish-minutes.h, kw-meeting-doc.h) on the
 * command line. The format of minutes is --format, else the name of
 * FILE (.html, .htm, .pdf), else Markdown. Ids are taken in lower case,
 * as references are.
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-cli.h"
#include "kw-cli-json.h"
#include "kw-cli-publish.h"
#include "kw-error.h"
#include "kw-meeting-doc.h"
#include "kw-publish-minutes.h"


static const char minutes_synopsis[] = N_("minutes MEETING_ID [--public] [--format md|html|pdf] -o FILE");
static const char print_synopsis[] = N_("print (agenda | signin) MEETING_ID -o FILE.pdf");

/* the options without a value */
static const char * const flags[] = { "--public", NULL };

static gboolean
parse_format (GHashTable      *options,
              KwMinutesFormat *format)
{
  const char *given = g_hash_table_lookup (options, "--format");
  const char *path = g_hash_table_lookup (options, "-o");
  g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;

  if (given == NULL)
    {
      if (lower != NULL && g_str_has_suffix (lower, ".pdf"))
        *format = KW_MINUTES_FORMAT_PDF;
      else if (lower != NULL && (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm")))
        *format = KW_MINUTES_FORMAT_HTML;
      else
        *format = KW_MINUTES_FORMAT_MARKDOWN;
      return TRUE;
    }
  if (strcmp (given, "md") == 0 || strcmp (given, "markdown") == 0)
    *format = KW_MINUTES_FORMAT_MARKDOWN;
  else if (strcmp (given, "html") == 0)
    *format = KW_MINUTES_FORMAT_HTML;
  else if (strcmp (given, "pdf") == 0)
    *format = KW_MINUTES_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

/* minutes */

gboolean
kw_cli_publish_minutes_check (GHashTable *options)
{
  KwMinutesFormat format;

  g_return_val_if_fail (options != NULL, FALSE);

  if (!parse_format (options, &format))
    return kw_cli_usage_error ("minutes", minutes_synopsis, _("--format: “%s” is not md, html or pdf"),
                        (const char *) g_hash_table_lookup (options, "--format"));
  if (!g_hash_table_contains (options, "-o"))
    return kw_cli_usage_error ("minutes", minutes_synopsis, _("-o FILE is required"));
  return TRUE;
}

int
kw_cli_publish_minutes (KwStore  *store,
                        int       argc,
                        char    **argv)
{
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KwMinutes) minutes = NULL;
  g_autofree char *id = NULL;
  KwMinutesFormat format;
  gboolean public_rules;
  const char *path;

  g_return_val_if_fail (KW_IS_STORE (store), KW_CLI_EXIT_USAGE);
  g_return_val_if_fail (argc >= 1 && argv != NULL, KW_CLI_EXIT_USAGE);

  kw_cli_split_argv (argc, argv, flags, options, args);
  if (!kw_cli_publish_minutes_check (options) || args->len != 1 || !parse_format (options, &format))
    return KW_CLI_EXIT_USAGE;
  public_rules = g_hash_table_contains (options, "--public");
  path = g_hash_table_lookup (options, "-o");
  if ((id = kw_cli_dup_id (args->pdata[0], &error)) == NULL
      || (minutes = kw_minutes_new (store, id, public_rules, &error)) == NULL
      || !kw_minutes_write (minutes, format, path, &error))
    return kw_cli_refuse (error);
  if (public_rules)
    {
      g_autofree char *beside = kw_minutes_redactions_path (path);
      guint n = kw_publisher_get_redactions (minutes->publisher)->len;

      /* Translators: on stderr after minutes --public -o FILE */
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "public minutes written; %u redaction listed in %s\n",
                               "public minutes written; %u redactions listed in %s\n", n),
                  n, beside);
    }
  else
    g_printerr (_("minutes written (internal: not for publication)\n"));
  return KW_CLI_EXIT_OK;
}

/* print */

gboolean
kw_cli_publish_print_check (guint               n_args,
                            const char * const *args,
                            GHashTable         *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (n_args != 2)
    return kw_cli_usage_error ("print", print_synopsis, _("give what to print and the meeting"));
  if (strcmp (args[0], "agenda") != 0 && strcmp (args[0], "signin") != 0)
    return kw_cli_usage_error ("print", print_synopsis, _("“%s” is not agenda or signin"), args[0]);
  if (!g_hash_table_contains (options, "-o"))
    return kw_cli_usage_error ("print", print_synopsis, _("-o FILE is required"));
  return TRUE;
}

int
kw_cli_publish_print (KwStore  *store,
                      int       argc,
                      char    **argv)
{
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KwMeetingDoc) doc = NULL;
  g_autofree char *id = NULL;
  KwMeetingDocKind kind;
  guint n_pages;

  g_return_val_if_fail (KW_IS_STORE (store), KW_CLI_EXIT_USAGE);
  g_return_val_if_fail (argc >= 1 && argv != NULL, KW_CLI_EXIT_USAGE);

  kw_cli_split_argv (argc, argv, flags, options, args);
  if (!kw_cli_publish_print_check (args->len, (const char * const *) args->pdata, options))
    return KW_CLI_EXIT_USAGE;
  kind = strcmp (args->pdata[0], "agenda") == 0 ? KW_MEETING_DOC_AGENDA : KW_MEETING_DOC_SIGNIN;
  if ((id = kw_cli_dup_id (args->pdata[1], &error)) == NULL
      || (doc = kw_meeting_doc_new (store, id, kind, TRUE, &error)) == NULL
      || !kw_meeting_doc_write_pdf (doc, g_hash_table_lookup (options, "-o"), &error))
    return kw_cli_refuse (error);
  n_pages = kw_meeting_doc_get_n_pages (doc, KW_MEETING_DOC_A4_WIDTH, KW_MEETING_DOC_A4_HEIGHT);
  /* Translators: on stderr after print … -o FILE.pdf */
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u page written\n", "%u pages written\n", n_pages), n_pages);
  return KW_CLI_EXIT_OK;
}
