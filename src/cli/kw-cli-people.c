/* kw-cli-people.c: import-people and export-people on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same reading, matching and writing as the application's dialog
 * (kw-people-import.h, kw-people-importer.h, kw-people-export.h). The
 * lines and the summary are data (stdout, never translated); what was
 * created or not found is a message (stderr).
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "kw-cli-people.h"
#include "kw-export.h"
#include "kw-people-export.h"
#include "kw-people-import.h"
#include "kw-people-importer.h"

#define EXIT_OK 0
#define EXIT_REFUSED 1
#define EXIT_USAGE 2

static const char import_synopsis[] =
  "import-people [--dry-run] [--consent LEVEL] [--on-match skip|update|new] FILE";
static const char export_synopsis[] = "export-people [--scope KIND:ID] -o FILE.vcf|FILE.csv";

typedef struct {
  const char *file;
  const char *output;
  const char *scope;
  const char *consent;
  const char *on_match;
  gboolean    dry_run;
  gboolean    help;
} Args;

/* Helpers */

static int
usage (const char *synopsis,
       const char *problem)
{
  if (problem != NULL)
    g_printerr ("kwartier-cli: %s\n", problem);
  g_printerr (_("Usage: kwartier-cli [--db PATH] %s\n"), synopsis);
  return EXIT_USAGE;
}

static int
fail (const GError *error)
{
  g_printerr ("kwartier-cli: %s\n", error->message);
  return EXIT_REFUSED;
}

static const char **
value_slot (Args       *args,
            const char *name)
{
  if (strcmp (name, "-o") == 0)
    return &args->output;
  if (strcmp (name, "--scope") == 0)
    return &args->scope;
  if (strcmp (name, "--consent") == 0)
    return &args->consent;
  if (strcmp (name, "--on-match") == 0)
    return &args->on_match;
  return NULL;
}

static gboolean
parse_args (int    argc,
            char **argv,
            Args  *args,
            char **problem)
{
  memset (args, 0, sizeof *args);
  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];
      const char *eq = strchr (a, '=');
      g_autofree char *name = a[0] == '-' && eq ? g_strndup (a, eq - a) : g_strdup (a);
      const char **slot = value_slot (args, name);

      if (strcmp (a, "--help") == 0 || strcmp (a, "-h") == 0)
        args->help = TRUE;
      else if (strcmp (a, "--dry-run") == 0)
        args->dry_run = TRUE;
      else if (slot != NULL && eq != NULL)
        *slot = eq + 1;
      else if (slot != NULL && i + 1 < argc)
        *slot = argv[++i];
      else if (slot != NULL)
        return (*problem = g_strdup_printf (_("option “%s” needs a value"), a)), FALSE;
      else if (a[0] == '-' && a[1] != '\0')
        return (*problem = g_strdup_printf (_("unknown option “%s”"), a)), FALSE;
      else if (args->file == NULL)
        args->file = a;
      else
        return (*problem = g_strdup_printf (_("unexpected argument “%s”"), a)), FALSE;
    }
  return TRUE;
}

static gboolean
parse_policy (const char     *text,
              KwImportPolicy *policy)
{
  static const char * const names[] = { "skip", "update", "new" };

  if (text == NULL)
    return (*policy = KW_IMPORT_SKIP), TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (text, names[i]) == 0)
      return (*policy = (KwImportPolicy) i), TRUE;
  return FALSE;
}

static char *
join_names (GPtrArray *names)
{
  char *list;

  g_ptr_array_add (names, NULL);
  list = g_strjoinv (", ", (GStrv) names->pdata);
  g_ptr_array_set_size (names, names->len - 1);
  return list;
}

static void
print_organisations (GPtrArray *names,
                     gboolean   dry_run)
{
  g_autofree char *list = join_names (names);

  if (names->len == 0)
    return;
  if (dry_run)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "kwartier-cli: would create %u organisation: %s\n",
                             "kwartier-cli: would create %u organisations: %s\n", names->len), names->len, list);
  else
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "kwartier-cli: created %u organisation: %s\n",
                             "kwartier-cli: created %u organisations: %s\n", names->len), names->len, list);
}

static void
print_areas (GPtrArray *names)
{
  g_autofree char *list = join_names (names);

  if (names->len > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "kwartier-cli: %u area not found, left empty: %s\n",
                             "kwartier-cli: %u areas not found, left empty: %s\n", names->len), names->len, list);
}

static void
print_result (KwPeopleImportResult *result,
              gboolean              dry_run)
{
  g_autofree char *summary = kw_people_import_result_dup_summary (result);

  for (guint i = 0; i < result->rows->len; i++)
    {
      g_autofree char *line = kw_people_import_row_dup_line (g_ptr_array_index (result->rows, i));

      if (line != NULL)
        printf ("%s\n", line);
    }
  printf ("%s\n", summary);
  print_organisations (result->organisations, dry_run);
  print_areas (result->unknown_areas);
  if (dry_run)
    g_printerr ("kwartier-cli: %s\n", _("dry run: nothing was changed"));
}

static gboolean
parse_scope (const char  *text,
             char       **kind,
             char       **id)
{
  g_auto(GStrv) parts = NULL;
  KwExportScope scope;

  if (text == NULL)
    return TRUE;
  parts = g_strsplit (text, ":", 2);
  if (g_strv_length (parts) != 2 || !kw_export_scope_from_string (parts[0], &scope)
      || scope == KW_EXPORT_SCOPE_ALL || *parts[1] == '\0')
    return FALSE;
  *kind = g_strdup (parts[0]);
  *id = g_strdup (parts[1]);
  return TRUE;
}

/* Public API */

int
kw_cli_people_import (KwStore  *store,
                      int       argc,
                      char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(KwPeopleImportResult) result = NULL;
  KwPeopleImportOptions options = { KW_IMPORT_SKIP, NULL, TRUE, FALSE };
  KwPeopleFileKind kind;
  Args args;

  if (!parse_args (argc, argv, &args, &problem))
    return usage (import_synopsis, problem);
  if (args.help)   /* kw-cli.c answers --help itself; this is for direct callers */
    {
      g_print (_("Usage: kwartier-cli [--db PATH] %s\n"), import_synopsis);
      return EXIT_OK;
    }
  if (args.file == NULL || args.output != NULL || args.scope != NULL)
    return usage (import_synopsis, args.file == NULL ? _("FILE is required") : NULL);
  if (!parse_policy (args.on_match, &options.policy))
    return usage (import_synopsis, _("--on-match takes skip, update or new"));
  if (args.consent != NULL && !kw_people_consent_from_string (args.consent, &options.consent, &error))
    return usage (import_synopsis, error->message);
  options.dry_run = args.dry_run;
  if ((people = kw_people_file_load (args.file, &kind, &error)) == NULL)
    return fail (error);
  if ((result = kw_people_import (store, people, &options, NULL, &error)) == NULL)
    return fail (error);
  print_result (result, args.dry_run);
  return EXIT_OK;
}

int
kw_cli_people_export (KwStore  *store,
                      int       argc,
                      char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *id = NULL;
  guint written, left_out;
  Args args;

  if (!parse_args (argc, argv, &args, &problem))
    return usage (export_synopsis, problem);
  if (args.help)
    {
      g_print (_("Usage: kwartier-cli [--db PATH] %s\n"), export_synopsis);
      return EXIT_OK;
    }
  if (args.output == NULL || args.file != NULL || args.consent != NULL || args.on_match != NULL || args.dry_run)
    return usage (export_synopsis, args.output == NULL ? _("-o FILE is required") : NULL);
  if (!parse_scope (args.scope, &kind, &id))
    return usage (export_synopsis, _("--scope takes KIND:ID, KIND one of alliance, network, area, meeting"));
  if (!kw_people_export_to_file (store, kind, id, args.output, &written, &left_out, &error))
    return fail (error);
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "kwartier-cli: %u person written", "kwartier-cli: %u people written",
                           written), written);
  if (left_out > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "; %u left out, as their consent is private or not asked\n",
                             "; %u left out, as their consent is private or not asked\n", left_out), left_out);
  else
    g_printerr ("\n");
  return EXIT_OK;
}

gboolean
kw_cli_people_refuse_contact_file (const char *path)
{
  KwPeopleFileKind kind;

  g_return_val_if_fail (path != NULL, FALSE);

  kind = kw_people_file_sniff_path (path);
  if (kind == KW_PEOPLE_FILE_OTHER)
    return FALSE;
  g_printerr (_("kwartier-cli: %s is a contact file (%s), not a Kwartier export: use kwartier-cli import-people\n"),
              path, kw_people_file_kind_name (kind));
  return TRUE;
}
