/* kw-cli.c: kwartier-cli, the core on the command line (spec/cli.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `kwartier-cli [--db PATH] COMMAND [ARGS]`. The command line is parsed by
 * hand: only the options before the command and the options a command
 * knows are options, so that values may start with a dash (stance=-2).
 * Usage errors are found before the database is opened; every refusal is
 * one line on stderr and leaves the database as it was.
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kw-cli.h"
#include "kw-cli-finalise.h"
#include "kw-cli-meetings.h"
#include "kw-cli-publish.h"
#include "kw-cli-person.h"
#include "kw-cli-people.h"
#include "kw-cli-report.h"
#include "kw-cli-sync.h"
#include "kw-demo.h"
#include "kw-error.h"
#include "kw-store.h"

#define PROGRAM "kwartier-cli"
#define CONTINUE (-1)        /* parsing went well: go on */
#define SYNOPSIS_WIDTH 30    /* the column of the summaries in the overview */
#define DEFAULT_SEED 1

typedef struct {
  const char *name;          /* "--json", "-o" */
  gboolean    has_value;
} OptionSpec;

typedef struct _Cli Cli;

typedef struct {
  const char        *name;
  const char        *synopsis;  /* N_(), after "kwartier-cli [--db PATH] " */
  const char        *summary;   /* N_(), one line for the overview */
  const char        *details;   /* N_(), for COMMAND --help, or NULL */
  gboolean           list_types;
  const OptionSpec  *options;   /* ends with { NULL } */
  guint              min_args;
  int                max_args;  /* -1: no limit */
  int              (*run) (Cli *cli);
} Command;

struct _Cli
{
  char           *db_path;
  const Command  *command;
  GPtrArray      *args;         /* positional arguments, borrowed from argv */
  GHashTable     *options;      /* option name → value ("" for a flag), borrowed */
  gboolean        help;
  KwStore        *store;
};

static void
cli_clear (Cli *cli)
{
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->args, g_ptr_array_unref);
  g_clear_pointer (&cli->options, g_hash_table_unref);
  g_clear_object (&cli->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cli, cli_clear)

static const OptionSpec db_option = { "--db", TRUE };

static const OptionSpec no_options[] = { { NULL } };
static const OptionSpec actions_options[] = {
  { "--alliance", TRUE }, { "--unit", TRUE }, { "--meeting", TRUE }, { "--all", FALSE },
  { "--today", TRUE }, { NULL }
};
static const OptionSpec reopen_options[] = { { "--reason", TRUE }, { NULL } };
static const OptionSpec list_options[] = { { "--json", FALSE }, { NULL } };
static const OptionSpec conflicts_options[] = { { "--json", FALSE }, { "--use", TRUE }, { NULL } };
static const OptionSpec generate_options[] = {
  { "--people", TRUE }, { "--seed", TRUE }, { NULL }
};
static const OptionSpec export_options[] = {
  { "--scope", TRUE }, { "-o", TRUE }, { "--gzip", FALSE }, { "--seal", FALSE }, { NULL }
};
static const OptionSpec import_options[] = { { "--dry-run", FALSE }, { NULL } };
static const OptionSpec sync_options[] = { { "--compact", FALSE }, { NULL } };
static const OptionSpec import_people_options[] = {
  { "--dry-run", FALSE }, { "--consent", TRUE }, { "--on-match", TRUE }, { NULL }
};
static const OptionSpec export_people_options[] = { { "--scope", TRUE }, { "-o", TRUE }, { NULL } };
static const OptionSpec minutes_options[] = {
  { "--public", FALSE }, { "--format", TRUE }, { "-o", TRUE }, { NULL }
};
static const OptionSpec print_options[] = { { "-o", TRUE }, { NULL } };
static const OptionSpec ical_options[] = {
  { "--meeting", TRUE }, { "--all", FALSE }, { "-o", TRUE }, { NULL }
};
static const OptionSpec map_options[] = {
  { "--alliance", TRUE }, { "--area", TRUE }, { "--map", TRUE }, { "-o", TRUE }, { NULL }
};
static const OptionSpec report_options[] = {
  { "--alliance", TRUE }, { "--area", TRUE }, { "--map", TRUE }, { "--stale-months", TRUE }, { "--threshold", TRUE },
  { "--today", TRUE }, { "--weeks", TRUE }, { NULL }
};

static int cmd_init (Cli *cli);
static int cmd_put (Cli *cli);
static int cmd_get (Cli *cli);
static int cmd_list (Cli *cli);
static int cmd_delete (Cli *cli);
static int cmd_forget (Cli *cli);
static int cmd_merge (Cli *cli);
static int cmd_export (Cli *cli);
static int cmd_import (Cli *cli);
static int cmd_import_people (Cli *cli);
static int cmd_export_people (Cli *cli);
static int cmd_conflicts (Cli *cli);
static int cmd_sync (Cli *cli);
static int cmd_minutes (Cli *cli);
static int cmd_print (Cli *cli);
static int cmd_ical (Cli *cli);
static int cmd_report (Cli *cli);
static int cmd_map (Cli *cli);
static int cmd_actions (Cli *cli);
static int cmd_plan_next (Cli *cli);
static int cmd_finalise (Cli *cli);
static int cmd_reopen (Cli *cli);
static int cmd_demo (Cli *cli);
static int cmd_generate (Cli *cli);

static const Command commands[] = {
  { "init", "init",
    N_("create the database if missing (device id, schema); idempotent"),
    N_("Creates the database, its schema and this device's id when they are missing.\n"
       "Running it again changes nothing."),
    FALSE, no_options, 0, 0, cmd_init },
  { "put", N_("put TYPE [ID] FIELD=VALUE..."),
    N_("create (no ID) or update a record; prints the id"),
    N_("Without ID a new record is made, with ID that record is changed; either way\n"
       "its id is printed. VALUE is converted by the field's type: an integer,\n"
       "true or false, a date (YYYY-MM-DD), a time (YYYY-MM-DDTHH:MM:SSZ), cents or\n"
       "the id of a record. FIELD= (empty) sets null. A value may start with a dash\n"
       "(stance=-2). A bad value changes nothing (exit status 1)."),
    TRUE, no_options, 1, -1, cmd_put },
  { "get", N_("get TYPE ID"),
    N_("the record as one JSON object {\"type\",\"id\",field: value...}"),
    N_("Prints the record as one JSON object on one line: its type, its id and every\n"
       "field of its type, null when unset."),
    TRUE, no_options, 2, 2, cmd_get },
  { "list", N_("list TYPE [--json]"),
    N_("every live record of TYPE, one line each"),
    N_("Prints every live record of TYPE, ordered by title, one line each:\n"
       "the id, a tab and the title; with --json the object “get” prints."),
    TRUE, list_options, 1, 1, cmd_list },
  { "delete", N_("delete TYPE ID"),
    N_("tombstone it and what belongs to it (scrubs their fields)"),
    N_("Deletes the record and what belongs to it (a person's contact moments,\n"
       "affiliations, relations, attendance and memberships; a meeting's agenda\n"
       "items and attendance; …): a tombstone without any of its fields stays\n"
       "behind for each, so that the deletion reaches other devices."),
    TRUE, no_options, 2, 2, cmd_delete },
  { "forget", N_("forget person ID"),
    N_("delete the person and everything about them, leaving no trace"),
    N_("Deletes the person and what belongs to them (contact moments, affiliations,\n"
       "relations, attendance, memberships), clears the references to them elsewhere,\n"
       "removes the values of them kept as conflicts, empties the database's log and\n"
       "rewrites every backup without them (a backup that cannot be rewritten is\n"
       "removed, and said so). Prints what was done. This cannot be undone."),
    FALSE, no_options, 2, 2, cmd_forget },
  { "merge", N_("merge person KEEP OTHER"),
    N_("fold OTHER into KEEP; OTHER is deleted"),
    N_("Points everything that refers to OTHER (relations, affiliations, contact\n"
       "moments, attendance, memberships) at KEEP and deletes OTHER. Where both\n"
       "attended a meeting, the stronger status is kept."),
    FALSE, no_options, 3, 3, cmd_merge },
  { "export", N_("export [--scope KIND:ID] [--gzip] [--seal] -o FILE"),
    N_("write an export; KIND is alliance, network, area or meeting; default: all"),
    N_("Writes an export (JSON Lines) to FILE: everything, or with --scope one\n"
       "alliance, network, area or meeting and the people, organisations, areas and\n"
       "venues it refers to. Private notes never leave this device; people with\n"
       "private consent only as a stub that says so. --gzip compresses; --seal\n"
       "encrypts with a passphrase from $KWARTIER_PASSPHRASE or a prompt."),
    FALSE, export_options, 0, 0, cmd_export },
  { "import", N_("import [--dry-run] FILE"),
    N_("merge an export; prints the summary"),
    N_("Merges an export into the database and prints\n"
       "\"added N, updated N, deleted N, conflicts N, unchanged N\".\n"
       "A bad file is refused whole and changes nothing (exit status 1);\n"
       "--dry-run prints the summary and changes nothing."),
    FALSE, import_options, 1, 1, cmd_import },
  { "import-people", N_("import-people [--dry-run] [--consent LEVEL] [--on-match skip|update|new] FILE"),
    N_("people from a vCard (.vcf) or CSV file; prints the matches and the summary"),
    N_("Imports people from a vCard (.vcf) or CSV file. Prints one line per row that\n"
       "matched someone here (\"row 3: Joëlle Buurvrouw matches Wim de Graaf (phone):\n"
       "possible duplicate\") and \"added N, updated N, possible duplicates N, skipped N\".\n"
       "A match by name is skipped, updated or added anew as --on-match says (default\n"
       "skip); a match by phone or e-mail alone never changes anyone: the row is added\n"
       "as new and reported as a possible duplicate. --consent public, shared, private\n"
       "or not-asked (the default) for everyone; --dry-run changes nothing."),
    FALSE, import_people_options, 1, 1, cmd_import_people },
  { "export-people", N_("export-people [--scope KIND:ID] -o FILE.vcf|FILE.csv"),
    N_("people as vCard 3.0 or CSV; private and not-asked people are left out"),
    N_("Writes people as vCard 3.0 or CSV (by the name of FILE): everyone, or the\n"
       "people an export of --scope KIND:ID reaches. People whose consent is private\n"
       "or not asked are left out, and the count is said."),
    FALSE, export_people_options, 0, 0, cmd_export_people },
  { "conflicts", N_("conflicts [--json] [--use ID]"),
    N_("list unresolved conflicts; --use takes a losing value back as a new write"),
    N_("Lists the values that lost a concurrent edit and were kept, one per line,\n"
       "each ending in its conflict id (#ID); with --json one JSON object per line,\n"
       "the id in \"conflict\". --use ID writes that conflict's losing value back into\n"
       "its field as a new write of this device and marks the conflict resolved\n"
       "(exit status 1 for an id that is not an unresolved conflict)."),
    FALSE, conflicts_options, 0, 0, cmd_conflicts },
  { "sync", N_("sync [--compact] FOLDER"),
    N_("one pass of folder sync"),
    N_("Writes this device's export into FOLDER and imports every other device's\n"
       "export that changed. --compact writes a new full export now when this device\n"
       "has change files in FOLDER (a night's cron job), and removes those it covers."),
    FALSE, sync_options, 1, 1, cmd_sync },
  { "minutes", N_("minutes MEETING_ID [--public] [--format md|html|pdf] -o FILE"),
    N_("the minutes; --public applies the publication rules"),
    N_("Writes the minutes as Markdown, HTML or PDF (--format, else by the name of\n"
       "FILE). --public applies the publication rules (docs/publication.md): the\n"
       "chair and people with public consent by name, others by organisation or\n"
       "5.1.2.e, their names replaced in the text too, private people and private\n"
       "notes left out; the redaction list goes beside FILE as\n"
       "FILE.redactions.txt, never into it."),
    FALSE, minutes_options, 1, 1, cmd_minutes },
  { "print", N_("print (agenda | signin) MEETING_ID -o FILE.pdf"),
    N_("the printable agenda or sign-in sheet"),
    N_("Writes the agenda or the sign-in sheet of the meeting as A4 PDF, the pages\n"
       "the application prints. The agenda names people by the publication rules;\n"
       "the sign-in sheet names people with public or shared consent, with an\n"
       "empty line for everyone else and for guests."),
    FALSE, print_options, 2, 2, cmd_print },
  { "ical", N_("ical (--meeting ID | --all) -o FILE"),
    N_("iCalendar (RFC 5545) of meetings"),
    NULL, FALSE, ical_options, 0, 0, cmd_ical },
  { "report", N_("report (missing | budget | absent | load | bridges) [ID] [OPTIONS]"),
    N_("who is missing at the table, budgets, who stopped coming, load, bridges"),
    N_("Prints one JSON document with the answer of the core (spec/analysis.md):\n"
       "  report missing ALLIANCE_ID    who is missing at the alliance's table\n"
       "  report budget [--alliance ID | --area ID]\n"
       "                                budgets and spending per action line, alliance, area\n"
       "  report absent UNIT_ID [--stale-months N]\n"
       "                                members who stopped coming; the unit's flags\n"
       "                                (not contacted for N months, default 6)\n"
       "  report load [--weeks N] [--threshold N]\n"
       "                                participation load per person over N weeks\n"
       "                                (default 8), ranked; flagged from the threshold\n"
       "                                (default 12)\n"
       "  report bridges [--area ID | --alliance ID | --map ID]\n"
       "                                betweenness ranking and single points of failure\n"
       "Each takes --today YYYY-MM-DD, so that an answer can be reproduced on another\n"
       "day. An id that is not a live record of its type: exit status 1."),
    FALSE, report_options, 0, -1, cmd_report },
  { "map", N_("map [--area ID | --alliance ID | --map ID] -o FILE.svg|FILE.png"),
    N_("draw the stakeholder network as the view does, with a legend"),
    N_("Draws the network of people and organisations (their relations and current\n"
       "affiliations) of an area, an alliance or a stakeholder map, or of everyone,\n"
       "as SVG or PNG by the name of FILE, with a title and a legend. People whose\n"
       "consent is private or not asked are unnamed nodes: nothing of theirs is in\n"
       "the file. An id that is not a live record of its type: exit status 1."),
    FALSE, map_options, 0, 0, cmd_map },
  { "actions", N_("actions [--alliance ID | --unit ID | --meeting ID] [--all] [--today YYYY-MM-DD]"),
    N_("the running action list of a context"),
    N_("Prints the running action list (spec/analysis.md) as one JSON document: the\n"
       "action items of the alliance, of the unit's meetings or of the context of the\n"
       "meeting (its alliance, else its unit, else the meeting alone); no option:\n"
       "every action item. Open ones only, every status with --all; ordered by\n"
       "deadline (empty last), then title. An id that is not a live record of its\n"
       "type: exit status 1."),
    FALSE, actions_options, 0, 0, cmd_actions },
  { "plan-next", N_("plan-next MEETING_ID"),
    N_("plan the next meeting of the same context; prints its id"),
    N_("Creates the next meeting of the meeting's context (its alliance, else its\n"
       "unit) at the usual interval: the median gap between the context's last five\n"
       "meetings in whole weeks, else four weeks, after the latest one, on the same\n"
       "weekday at the same local time (Europe/Amsterdam). It takes the standing\n"
       "agenda items of the latest meeting and the \"next time\" items of this one;\n"
       "open actions stay on the running list. Prints the new meeting's id."),
    FALSE, no_options, 1, 1, cmd_plan_next },
  { "finalise", N_("finalise MEETING_ID"),
    N_("finalise a meeting's minutes (an extension of spec/cli.md)"),
    N_("Finalises the minutes of the meeting: its minutes and every agenda item's\n"
       "notes and decision are written again under one new stamp, with the moment and\n"
       "the organiser. Until it is reopened, put and delete of the meeting, its agenda\n"
       "items and its attendance are refused (exit status 1); imports are merged."),
    FALSE, no_options, 1, 1, cmd_finalise },
  { "reopen", N_("reopen MEETING_ID --reason TEXT"),
    N_("reopen finalised minutes, with the reason (an extension of spec/cli.md)"),
    N_("Reopens the finalised minutes of the meeting for edits. The reason is required\n"
       "and kept: one line per reopening (date, organiser, reason) in reopen_log."),
    FALSE, reopen_options, 1, 1, cmd_reopen },
  { "demo", "demo",
    N_("fill an empty database with the demo data set"),
    N_("Fills an empty database with the demo data set; a database that is not\n"
       "empty is refused."),
    FALSE, no_options, 0, 0, cmd_demo },
  { "generate", N_("generate --people N [--seed S]"),
    N_("synthetic city-scale data for benchmarks"),
    N_("Adds synthetic data for N people (N at least 1) and what surrounds them.\n"
       "The same seed S gives the same data (default: 1)."),
    FALSE, generate_options, 0, 0, cmd_generate },
};

/* Output */

static void
print_message (const char *message)
{
  g_printerr ("%s: %s\n", PROGRAM, message);
}

static int
refuse (const GError *error)
{
  print_message (error != NULL ? error->message : _("refused, for a reason not known"));
  if (error != NULL && g_error_matches (error, KW_CORE_ERROR, KW_CORE_ERROR_BUSY))
    return KW_CLI_EXIT_BUSY;
  return KW_CLI_EXIT_REFUSED;
}

static int usage_error (const Command *command,
                        const char    *format,
                        ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (const Command *command,
             const char    *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_message (message);
  if (command != NULL)
    g_printerr (_("Usage: %s [--db PATH] %s\n"), PROGRAM, _(command->synopsis));
  else
    g_printerr (_("Usage: %s [--db PATH] COMMAND [ARGS]\n"), PROGRAM);
  g_printerr (_("Try “%s%s%s --help” for more.\n"), PROGRAM,
              command != NULL ? " " : "", command != NULL ? command->name : "");
  return KW_CLI_EXIT_USAGE;
}

/* Data goes out as UTF-8 bytes, whatever the locale's charset. */
static void
write_line (const char *text)
{
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static char *
dup_type_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, kw_registry_type_at (i)->name);
    }
  return g_string_free (names, FALSE);
}

/* The type names, wrapped to lines of about 78 characters. */
static void
print_type_names (void)
{
  g_autoptr(GString) line = g_string_new ("  ");

  g_print ("%s\n", _("TYPE is one of:"));
  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const char *name = kw_registry_type_at (i)->name;

      if (line->len > 2 && line->len + strlen (name) + 2 > 78)
        {
          g_print ("%s\n", line->str);
          g_string_assign (line, "  ");
        }
      else if (line->len > 2)
        g_string_append_c (line, ' ');
      g_string_append_printf (line, "%s%s", name, i + 1 < kw_registry_n_types () ? "," : "");
    }
  g_print ("%s\n", line->str);
}

static void
print_overview (void)
{
  g_print (_("Usage: %s [--db PATH] COMMAND [ARGS]\n\n"), PROGRAM);
  g_print ("%s\n\n", _("The Kwartier database on the command line."));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *synopsis = _(commands[i].synopsis);
      long width = g_utf8_strlen (synopsis, -1);

      if (width < SYNOPSIS_WIDTH)
        g_print ("  %s%*s%s\n", synopsis, (int) (SYNOPSIS_WIDTH - width), "",
                 _(commands[i].summary));
      else
        g_print ("  %s\n  %*s%s\n", synopsis, SYNOPSIS_WIDTH, "", _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Options:"));
  g_print ("  --db PATH   %s\n", _("the database; default: $KWARTIER_DB, else\n"
                                   "              $XDG_DATA_HOME/kwartier/kwartier.db"));
  g_print ("  -h, --help  %s\n", _("show this help, or a command's with COMMAND --help"));
  g_print ("  --version   %s\n", _("show the version"));
  g_print ("\n%s\n", _("Exit status: 0 done; 1 refused (bad input: nothing changed); 2 usage."));
  g_print ("%s\n", _("4: the database was busy with another writer for longer than the wait (try again)."));
}

static void
print_command_help (const Command *command)
{
  g_print (_("Usage: %s [--db PATH] %s\n\n"), PROGRAM, _(command->synopsis));
  g_print ("%s\n", _(command->details != NULL ? command->details : command->summary));
  if (command->list_types)
    {
      g_print ("\n");
      print_type_names ();
    }
}

/* The command line */

static const Command *
lookup_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static const OptionSpec *
lookup_option (const OptionSpec *options,
               const char       *name)
{
  if (strcmp (name, db_option.name) == 0)
    return &db_option;
  for (guint i = 0; options[i].name != NULL; i++)
    if (strcmp (options[i].name, name) == 0)
      return &options[i];
  return NULL;
}

static gboolean
is_help (const char *arg)
{
  return strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0;
}

/* Takes the option at argv[*i] (and its value); NULL, or what is wrong. */
static char *
take_option (Cli               *cli,
             const OptionSpec  *options,
             int                argc,
             char             **argv,
             int               *i)
{
  const char *arg = argv[*i];
  const char *eq = strchr (arg, '=');
  g_autofree char *name = eq != NULL ? g_strndup (arg, eq - arg) : g_strdup (arg);
  const OptionSpec *spec = lookup_option (options, name);
  const char *value = eq != NULL ? eq + 1 : NULL;

  if (spec == NULL)
    return g_strdup_printf (_("unknown option “%s”"), name);
  if (!spec->has_value && value != NULL)
    return g_strdup_printf (_("option “%s” takes no value"), spec->name);
  if (spec->has_value && value == NULL)
    {
      if (*i + 1 >= argc)
        return g_strdup_printf (_("option “%s” needs a value"), spec->name);
      value = argv[++*i];
    }
  if (value == NULL)
    value = "";  /* a flag */
  if (spec == &db_option)
    {
      if (*value == '\0')
        return g_strdup (_("option “--db” needs a path"));
      g_free (cli->db_path);
      cli->db_path = g_strdup (value);
    }
  else
    g_hash_table_insert (cli->options, (gpointer) spec->name, (gpointer) value);
  return NULL;
}

/* The options before the command; sets *command_index to the command. */
static int
parse_global_options (Cli   *cli,
                      int    argc,
                      char **argv,
                      int   *command_index)
{
  int i;

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      g_autofree char *problem = NULL;

      if (strcmp (argv[i], "--") == 0)
        {
          i++;
          break;
        }
      if (is_help (argv[i]))
        {
          print_overview ();
          return KW_CLI_EXIT_OK;
        }
      if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
          return KW_CLI_EXIT_OK;
        }
      problem = take_option (cli, no_options, argc, argv, &i);
      if (problem != NULL)
        return usage_error (NULL, "%s", problem);
    }
  *command_index = i;
  return CONTINUE;
}

static int
check_arg_count (Cli *cli)
{
  const Command *command = cli->command;

  if (cli->args->len < command->min_args)
    return usage_error (command, _("missing argument"));
  if (command->max_args >= 0 && cli->args->len > (guint) command->max_args)
    return usage_error (command, _("too many arguments: “%s”"),
                        (const char *) cli->args->pdata[command->max_args]);
  return CONTINUE;
}

/* The arguments after the command. --help wins over any other problem. */
static int
parse_command_args (Cli   *cli,
                    int    argc,
                    char **argv)
{
  g_autofree char *problem = NULL;
  gboolean positional_only = FALSE;

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];

      if (positional_only || arg[0] != '-' || arg[1] == '\0')
        g_ptr_array_add (cli->args, (gpointer) arg);
      else if (strcmp (arg, "--") == 0)
        positional_only = TRUE;
      else if (is_help (arg))
        cli->help = TRUE;
      else if (problem == NULL)
        problem = take_option (cli, cli->command->options, argc, argv, &i);
    }

  if (cli->help)
    {
      print_command_help (cli->command);
      return KW_CLI_EXIT_OK;
    }
  if (problem != NULL)
    return usage_error (cli->command, "%s", problem);
  return check_arg_count (cli);
}

static const char *
get_option (Cli        *cli,
            const char *name)
{
  return g_hash_table_lookup (cli->options, name);
}

static const char *
get_arg (Cli   *cli,
         guint  index)
{
  return index < cli->args->len ? cli->args->pdata[index] : NULL;
}

/* The store */

static char *
dup_default_db_path (void)
{
  const char *env = g_getenv ("KWARTIER_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "kwartier", "kwartier.db", NULL);
}

/* kw_store_open () makes the database, and its folder with mode 0700. */
static gboolean
open_store (Cli     *cli,
            GError **error)
{
  if (cli->db_path == NULL)
    cli->db_path = dup_default_db_path ();
  cli->store = kw_store_open (cli->db_path, error);
  return cli->store != NULL;
}

static const KwEntityType *
lookup_type (const char  *name,
             GError     **error)
{
  const KwEntityType *type = kw_registry_lookup (name);
  g_autofree char *names = NULL;

  if (type != NULL)
    return type;
  names = dup_type_names ();
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_UNKNOWN_TYPE,
               _("unknown record type “%s” (one of %s)"), name, names);
  return NULL;
}

/* Ids are lowercase, as references are (kw_field_parse). */
static char *
dup_id (const char  *text,
        GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND,
                   _("the id is not valid UTF-8"));
      return NULL;
    }
  return g_ascii_strdown (text, -1);
}

/* JSON */

static void
add_json_value (JsonBuilder *builder,
                GVariant    *value)
{
  if (value == NULL)
    json_builder_add_null_value (builder);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    json_builder_add_int_value (builder, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    json_builder_add_boolean_value (builder, g_variant_get_boolean (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    json_builder_add_string_value (builder, g_variant_get_string (value, NULL));
  else
    {
      g_autofree char *text = g_variant_print (value, FALSE);

      json_builder_add_string_value (builder, text);
    }
}

/* A reference to a deleted record reads as empty (spec/export-format.md);
 * one to a record that has not arrived yet is kept as it is. */
static gboolean
refers_to_deleted (KwStore       *store,
                   const KwField *field,
                   GVariant      *value)
{
  const char *id;

  if (field->kind != KW_FIELD_REF || value == NULL
      || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return FALSE;
  id = g_variant_get_string (value, NULL);
  if (kw_store_find_type (store, field->targets, id) != NULL)
    return FALSE;
  for (guint t = 0; field->targets[t] != NULL; t++)
    {
      g_autoptr(KwRecord) target = kw_store_lookup (store, field->targets[t], id, NULL);

      if (target != NULL)
        return TRUE;
    }
  return FALSE;
}

/* {"type":…,"id":…,field: value…}: every field in registry order. */
static char *
record_to_json (KwStore  *store,
                KwRecord *record)
{
  const KwEntityType *type = kw_record_get_entity_type (record);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type->name);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, kw_record_get_id (record));
  for (guint i = 0; i < type->n_fields; i++)
    {
      GVariant *value = kw_record_get_value_at (record, i);

      json_builder_set_member_name (builder, type->fields[i].name);
      add_json_value (builder, refers_to_deleted (store, &type->fields[i], value) ? NULL : value);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* "<id>\t<title>", the title kept on one line. */
static char *
record_to_line (KwRecord *record)
{
  g_autofree char *title = kw_record_dup_title (record);

  for (char *p = title; p != NULL && *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return g_strdup_printf ("%s\t%s", kw_record_get_id (record), title != NULL ? title : "");
}

/* Commands */

static int
cmd_init (Cli *cli)
{
  g_autoptr(GError) error = NULL;

  if (!open_store (cli, &error))
    return refuse (error);
  return KW_CLI_EXIT_OK;
}

/* The FIELD=VALUE arguments from args[first] on, as changes of the type. */
static KwChangeset *
build_changeset (Cli         *cli,
                 const char  *type_name,
                 guint        first,
                 GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (type_name, error);

  for (guint i = first; changes != NULL && i < cli->args->len; i++)
    {
      const char *arg = get_arg (cli, i);
      const char *eq = strchr (arg, '=');
      g_autofree char *field = g_strndup (arg, eq - arg);

      if (!g_utf8_validate (arg, -1, NULL))
        {
          g_autofree char *name = g_utf8_make_valid (field, -1);

          g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                       _("%s: the text is not valid UTF-8"), name);
          return NULL;
        }
      if (!kw_changeset_set_text (changes, field, eq + 1, error))
        return NULL;
    }
  return g_steal_pointer (&changes);
}

/* put TYPE [ID] FIELD=VALUE...: the second argument is an id when it has no '='. */
static int
check_put_args (Cli   *cli,
                guint *first)
{
  const char *second = get_arg (cli, 1);

  *first = (second != NULL && strchr (second, '=') == NULL) ? 2 : 1;
  if (*first >= cli->args->len)
    return usage_error (cli->command, _("no FIELD=VALUE given"));
  for (guint i = *first; i < cli->args->len; i++)
    if (strchr (get_arg (cli, i), '=') == NULL)
      return usage_error (cli->command, _("“%s” is not FIELD=VALUE"), get_arg (cli, i));
  return CONTINUE;
}

/* The fields just written settle their conflicts; the write itself is
 * done, so a failure here is only reported. */
static int
resolve_written (Cli        *cli,
                 const char *type_name,
                 const char *id,
                 guint       first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  for (guint i = first; i < cli->args->len; i++)
    {
      const char *arg = get_arg (cli, i);

      g_ptr_array_add (fields, g_strndup (arg, strchr (arg, '=') - arg));
    }
  g_ptr_array_add (fields, NULL);
  if (!kw_cli_sync_resolve_written (cli->store, type_name, id,
                                    (const char * const *) fields->pdata, &error))
    print_message (error->message);
  return KW_CLI_EXIT_OK;
}

static int
cmd_put (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChangeset) changes = NULL;
  g_autofree char *id = NULL;
  guint first;
  int status = check_put_args (cli, &first);

  if (status != CONTINUE)
    return status;
  if (lookup_type (get_arg (cli, 0), &error) == NULL)
    return refuse (error);
  if (first == 2 && (id = dup_id (get_arg (cli, 1), &error)) == NULL)
    return refuse (error);
  changes = build_changeset (cli, get_arg (cli, 0), first, &error);
  if (changes == NULL || !open_store (cli, &error))
    return refuse (error);

  if (id == NULL)
    id = kw_store_create (cli->store, changes, &error);
  else if (!kw_store_update (cli->store, id, changes, &error))
    g_clear_pointer (&id, g_free);
  if (id == NULL)
    return refuse (error);

  write_line (id);
  return resolve_written (cli, get_arg (cli, 0), id, first);
}

static int
cmd_get (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwRecord) record = NULL;
  g_autofree char *id = NULL;
  g_autofree char *json = NULL;
  const KwEntityType *type = lookup_type (get_arg (cli, 0), &error);

  if (type == NULL || (id = dup_id (get_arg (cli, 1), &error)) == NULL)
    return refuse (error);
  if (!open_store (cli, &error))
    return refuse (error);
  record = kw_store_get (cli->store, type->name, id, &error);
  if (record == NULL)
    return refuse (error);

  json = record_to_json (cli->store, record);
  write_line (json);
  return KW_CLI_EXIT_OK;
}

static int
cmd_list (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  const KwEntityType *type = lookup_type (get_arg (cli, 0), &error);
  gboolean json = get_option (cli, "--json") != NULL;

  if (type == NULL || !open_store (cli, &error))
    return refuse (error);
  records = kw_store_list (cli->store, type->name, &error);
  if (records == NULL)
    return refuse (error);

  for (guint i = 0; i < records->len; i++)
    {
      KwRecord *record = g_ptr_array_index (records, i);
      g_autofree char *line = json ? record_to_json (cli->store, record) : record_to_line (record);

      write_line (line);
    }
  return KW_CLI_EXIT_OK;
}

static int
cmd_delete (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const KwEntityType *type = lookup_type (get_arg (cli, 0), &error);

  if (type == NULL || (id = dup_id (get_arg (cli, 1), &error)) == NULL)
    return refuse (error);
  if (!open_store (cli, &error) || !kw_store_delete (cli->store, type->name, id, &error))
    return refuse (error);
  return KW_CLI_EXIT_OK;
}

/* forget and merge (kw-cli-person.c): people only; ids as for get */
static int
run_person_command (Cli   *cli,
                    int  (*func) (KwStore *store, const char * const *ids))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (strcmp (get_arg (cli, 0), "person") != 0)
    return usage_error (cli->command, _("only a person can be forgotten or merged, not “%s”"),
                        get_arg (cli, 0));
  for (guint i = 1; i < cli->args->len; i++)
    {
      char *id = dup_id (get_arg (cli, i), &error);

      if (id == NULL)
        return refuse (error);
      g_ptr_array_add (ids, id);
    }
  g_ptr_array_add (ids, NULL);
  if (!open_store (cli, &error))
    return refuse (error);
  return func (cli->store, (const char * const *) ids->pdata);
}

static int
cmd_forget (Cli *cli)
{
  return run_person_command (cli, kw_cli_person_forget);
}

static int
cmd_merge (Cli *cli)
{
  return run_person_command (cli, kw_cli_person_merge);
}

/* The sync commands (kw-cli-sync.c) take the command's own arguments:
 * rebuild them from what the parser took, options first. */
static int
run_sync_command (Cli   *cli,
                  int  (*func) (KwStore *store, int argc, char **argv))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name, value;

  g_ptr_array_add (argv, (gpointer) cli->command->name);
  g_hash_table_iter_init (&iter, cli->options);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      const OptionSpec *spec = lookup_option (cli->command->options, name);

      g_ptr_array_add (argv, name);
      if (spec != NULL && spec->has_value)
        g_ptr_array_add (argv, value);
    }
  for (guint i = 0; i < cli->args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (cli->args, i));
  g_ptr_array_add (argv, NULL);

  if (!open_store (cli, &error))
    return refuse (error);
  return func (cli->store, (int) argv->len - 1, (char **) argv->pdata);
}

static int
cmd_export (Cli *cli)
{
  return run_sync_command (cli, kw_cli_sync_export);
}

static int
cmd_import (Cli *cli)
{
  if (cli->args->len == 1 && kw_cli_people_refuse_contact_file (g_ptr_array_index (cli->args, 0)))
    return KW_CLI_EXIT_REFUSED;
  return run_sync_command (cli, kw_cli_sync_import);
}

static int
cmd_import_people (Cli *cli)
{
  return run_sync_command (cli, kw_cli_people_import);
}

static int
cmd_export_people (Cli *cli)
{
  return run_sync_command (cli, kw_cli_people_export);
}

static int
cmd_conflicts (Cli *cli)
{
  return run_sync_command (cli, kw_cli_sync_conflicts);
}

static int
cmd_sync (Cli *cli)
{
  return run_sync_command (cli, kw_cli_sync_sync);
}

/* minutes and print (kw-cli-publish.c): usage checked before the store opens */
static int
cmd_minutes (Cli *cli)
{
  if (!kw_cli_publish_minutes_check (cli->options))
    return KW_CLI_EXIT_USAGE;
  return run_sync_command (cli, kw_cli_publish_minutes);
}

static int
cmd_print (Cli *cli)
{
  if (!kw_cli_publish_print_check (cli->args->len, (const char * const *) cli->args->pdata, cli->options))
    return KW_CLI_EXIT_USAGE;
  return run_sync_command (cli, kw_cli_publish_print);
}

static int
cmd_ical (Cli *cli)
{
  if (!kw_cli_meetings_ical_check (cli->options))
    return KW_CLI_EXIT_USAGE;
  return run_sync_command (cli, kw_cli_meetings_ical);
}

/* report (kw-cli-report.c): its usage is checked before the store opens */
static int
cmd_report (Cli *cli)
{
  if (!kw_cli_report_check (cli->args->len, (const char * const *) cli->args->pdata, cli->options))
    return KW_CLI_EXIT_USAGE;
  return run_sync_command (cli, kw_cli_report);
}

/* map (kw-cli-report.c): its usage is checked before the store opens */
static int
cmd_map (Cli *cli)
{
  if (!kw_cli_map_check (cli->options))
    return KW_CLI_EXIT_USAGE;
  return run_sync_command (cli, kw_cli_map);
}

/* actions and plan-next (kw-cli-meetings.c) */
static int
cmd_actions (Cli *cli)
{
  if (!kw_cli_meetings_actions_check (cli->options))
    return KW_CLI_EXIT_USAGE;
  return run_sync_command (cli, kw_cli_meetings_actions);
}

static int
cmd_plan_next (Cli *cli)
{
  return run_sync_command (cli, kw_cli_meetings_plan_next);
}

/* finalise and reopen (kw-cli-finalise.c) */
static int
cmd_finalise (Cli *cli)
{
  return run_sync_command (cli, kw_cli_finalise);
}

static int
cmd_reopen (Cli *cli)
{
  if (!g_hash_table_contains (cli->options, "--reason"))
    return usage_error (cli->command, _("--reason TEXT is required"));
  return run_sync_command (cli, kw_cli_reopen);
}

static int
cmd_demo (Cli *cli)
{
  g_autoptr(GError) error = NULL;

  if (!open_store (cli, &error))
    return refuse (error);
  if (!kw_store_is_empty (cli->store))
    {
      print_message (_("the database is not empty"));
      return KW_CLI_EXIT_REFUSED;
    }
  if (!kw_demo_load (cli->store, &error))
    return refuse (error);
  return KW_CLI_EXIT_OK;
}

static gboolean
parse_unsigned (const char *text,
                guint64     min,
                guint64     max,
                guint64    *out)
{
  return text != NULL && g_ascii_string_to_unsigned (text, 10, min, max, out, NULL);
}

/* On a terminal only, one line rewritten in place: stdout stays as it was. */
static void
on_generate_progress_cb (const char *step_name,
                         guint       step,
                         guint       n_steps,
                         guint64     written,
                         gpointer    user_data)
{
  g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, written);

  g_printerr ("\r\033[K");
  /* Translators: "generate: step 4 of 10, people; 120000 records written" */
  g_printerr (_("generate: step %u of %u, %s; %s records written"),
              step, n_steps, g_dgettext (GETTEXT_PACKAGE, step_name), count);
}

static int
cmd_generate (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  const char *people = get_option (cli, "--people");
  const char *seed_text = get_option (cli, "--seed");
  guint64 n_people;
  guint64 seed = DEFAULT_SEED;
  KwDemoProgressFunc progress;
  gboolean ok;

  if (people == NULL)
    return usage_error (cli->command, _("--people N is required"));
  if (!parse_unsigned (people, 1, G_MAXUINT, &n_people))
    return usage_error (cli->command, _("--people: “%s” is not a positive whole number"), people);
  if (seed_text != NULL && !parse_unsigned (seed_text, 0, G_MAXUINT64, &seed))
    return usage_error (cli->command, _("--seed: “%s” is not a whole number"), seed_text);

  if (!open_store (cli, &error))
    return refuse (error);
  /* into an empty database, the same seed gives the same records, ids
   * included; into one with data, new ids cannot collide with it */
  kw_id_seed (kw_store_is_empty (cli->store), seed);
  progress = isatty (STDERR_FILENO) ? on_generate_progress_cb : NULL;
  ok = kw_demo_generate_full (cli->store, (guint) n_people, seed, progress, NULL, &error);
  if (progress != NULL)
    g_printerr ("\n");
  if (!ok)
    {
      kw_id_seed (FALSE, 0);
      return refuse (error);
    }
  kw_id_seed (FALSE, 0);
  return KW_CLI_EXIT_OK;
}

/* Whatever the command said, data that did not reach stdout is a failure. */
static int
flush_output (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_autofree char *message = g_strdup_printf (_("cannot write the output: %s"),
                                                  g_strerror (errno));

      print_message (message);
      return status == KW_CLI_EXIT_OK ? KW_CLI_EXIT_REFUSED : status;
    }
  return status;
}

int
kw_cli_main (int    argc,
             char **argv)
{
  g_auto(Cli) cli = { 0 };
  int command_index = 1;
  int status;

  g_return_val_if_fail (argc >= 1 && argv != NULL, KW_CLI_EXIT_USAGE);

  /* Debug messages (G_MESSAGES_DEBUG) must not mix with the data on stdout. */
  g_log_writer_default_set_use_stderr (TRUE);
  cli.args = g_ptr_array_new ();
  cli.options = g_hash_table_new (g_str_hash, g_str_equal);

  status = parse_global_options (&cli, argc, argv, &command_index);
  if (status != CONTINUE)
    return flush_output (status);
  if (command_index >= argc)
    return usage_error (NULL, _("no command given"));
  cli.command = lookup_command (argv[command_index]);
  if (cli.command == NULL)
    return usage_error (NULL, _("unknown command “%s”"), argv[command_index]);

  status = parse_command_args (&cli, argc - command_index - 1, argv + command_index + 1);
  if (status == CONTINUE)
    status = cli.command->run (&cli);
  return flush_output (status);
}
