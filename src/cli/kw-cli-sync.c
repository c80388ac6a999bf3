/* kw-cli-sync.c: export, import, conflicts and sync on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "kw-cli-sync.h"
#include "kw-conflicts.h"
#include "kw-error.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-seal.h"
#include "kw-sync-folder.h"

#define EXIT_OK 0
#define EXIT_REFUSED 1
#define EXIT_USAGE 2
#define EXIT_SOME_REFUSED 3  /* sync: the pass finished, some files were refused */

typedef struct {
  const char *scope;
  const char *output;
  const char *file;
  const char *use;      /* conflicts --use ID */
  gboolean    gzip;
  gboolean    seal;
  gboolean    dry_run;
  gboolean    json;
  gboolean    compact;
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
  g_printerr ("kwartier-cli: %s\n", error != NULL ? error->message : _("refused, for a reason not known"));
  return error != NULL && g_error_matches (error, KW_CORE_ERROR, KW_CORE_ERROR_BUSY) ? 4 : EXIT_REFUSED;  /* spec/cli.md */
}

/* Data goes out as UTF-8 bytes, whatever the locale's charset (g_print
 * would convert it, and lose what the charset lacks). */
static void print_data (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);

static void
print_data (const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
}

/* Options known to these commands; the rest are positional. */
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

      if (strcmp (a, "--help") == 0 || strcmp (a, "-h") == 0)
        args->help = TRUE;
      else if (strcmp (a, "--gzip") == 0)
        args->gzip = TRUE;
      else if (strcmp (a, "--seal") == 0)
        args->seal = TRUE;
      else if (strcmp (a, "--dry-run") == 0)
        args->dry_run = TRUE;
      else if (strcmp (a, "--json") == 0)
        args->json = TRUE;
      else if (strcmp (a, "--compact") == 0)
        args->compact = TRUE;
      else if ((strcmp (a, "--scope") == 0 || strcmp (a, "-o") == 0) && i + 1 < argc)
        *(a[1] == 'o' ? &args->output : &args->scope) = argv[++i];
      else if (g_str_has_prefix (a, "--scope="))
        args->scope = a + strlen ("--scope=");
      else if (strcmp (a, "--use") == 0 && i + 1 < argc)
        args->use = argv[++i];
      else if (g_str_has_prefix (a, "--use="))
        args->use = a + strlen ("--use=");
      else if (a[0] == '-' && a[1] != '\0')
        return (*problem = g_strdup_printf (_("unknown option “%s”"), a)), FALSE;
      else if (args->file == NULL)
        args->file = a;
      else
        return (*problem = g_strdup_printf (_("unexpected argument “%s”"), a)), FALSE;
    }
  return TRUE;
}

static char *
read_hidden_line (const char *prompt)
{
  struct termios old, quiet;
  char buf[1024];
  FILE *tty = fopen ("/dev/tty", "r+");
  char *line = NULL;

  if (tty == NULL)
    return NULL;
  fputs (prompt, tty);
  fflush (tty);
  tcgetattr (fileno (tty), &old);
  quiet = old;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  if (fgets (buf, sizeof buf, tty) != NULL)
    line = g_strndup (buf, strcspn (buf, "\r\n"));
  tcsetattr (fileno (tty), TCSAFLUSH, &old);
  fputs ("\n", tty);
  fclose (tty);
  memset (buf, 0, sizeof buf);
  return line;
}

/* From $KWARTIER_PASSPHRASE, else asked on the terminal; never argv. */
static char *
get_passphrase (gboolean confirm)
{
  const char *env = g_getenv ("KWARTIER_PASSPHRASE");
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  first = read_hidden_line (_("Passphrase: "));
  if (first == NULL || *first == '\0' || !confirm)
    return g_steal_pointer (&first);
  again = read_hidden_line (_("Passphrase (again): "));
  if (g_strcmp0 (first, again) != 0)
    {
      g_printerr ("kwartier-cli: %s\n", _("the passphrases differ"));
      return NULL;
    }
  return g_steal_pointer (&first);
}

static gboolean
parse_scope (const char       *text,
             KwExportOptions  *options)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return TRUE;
  parts = g_strsplit (text, ":", 2);
  if (g_strv_length (parts) != 2 || !kw_export_scope_from_string (parts[0], &options->scope)
      || options->scope == KW_EXPORT_SCOPE_ALL || options->scope == KW_EXPORT_SCOPE_CHANGES
      || !kw_id_is_valid (parts[1]))
    return FALSE;
  options->scope_id = g_intern_string (parts[1]);
  return TRUE;
}

/* Opened as the import opens it: a FIFO or a device is not waited on
 * here either (the import then says why it is refused). */
static gboolean
file_is_sealed (const char *path)
{
  char buf[sizeof KW_SEAL_MAGIC] = { 0 };
  g_autoptr(GInputStream) in = kw_import_open_file (path, NULL, NULL);
  gsize n = 0;

  if (in == NULL)
    return FALSE;
  return g_input_stream_read_all (in, buf, strlen (KW_SEAL_MAGIC), &n, NULL, NULL)
         && n == strlen (KW_SEAL_MAGIC) && memcmp (buf, KW_SEAL_MAGIC, n) == 0;
}

/* The summary is data that scripts read (spec/cli.md), so it is never
 * translated, whatever the locale; the application shows its own. */
static char *
format_summary (const KwImportSummary *summary)
{
  GString *s = g_string_new (NULL);

  g_string_printf (s, "added %u, updated %u, deleted %u, conflicts %u, unchanged %u",
                   summary->added, summary->updated, summary->deleted,
                   summary->conflicts, summary->unchanged);
  /* spec/cli.md: "and, when there are any, skew N" */
  if (summary->skew > 0)
    g_string_append_printf (s, ", skew %u", summary->skew);
  return g_string_free (s, FALSE);
}

static void
print_skew (const KwImportSummary *summary)
{
  if (summary->skew > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "kwartier-cli: warning: %u record or “seen” entry carries a stamp more than a day ahead of this device's clock (clock skew)\n",
                             "kwartier-cli: warning: %u records or “seen” entries carry a stamp more than a day ahead of this device's clock (clock skew)\n",
                             summary->skew), summary->skew);
}

static void
print_conflict (const KwConflict *c,
                gboolean          json)
{
  if (!json)
    {
      print_data ("%s %s %s = %s (%s, %s%s) #%" G_GINT64_FORMAT "\n", c->type_name, c->id, c->field,
                  c->value_json, c->organiser ? c->organiser : _("unknown organiser"), c->hlc,
                  g_strcmp0 (c->kind, "deleted") == 0 ? _(", met a deletion") : "", c->rowid);
      return;
    }
  /* value_json is JSON text already; the rest are plain ids and names */
  /* "record" and "stamp" name them as the spec does; "id" and "hlc" stay */
  /* "conflict": the id that --use takes */
  print_data ("{\"conflict\":%" G_GINT64_FORMAT ",\"type\":\"%s\",\"id\":\"%s\",\"record\":\"%s\",\"field\":\"%s\",\"value\":%s,"
           "\"hlc\":\"%s\",\"stamp\":\"%s\",\"kind\":\"%s\",\"noted_at\":\"%s\",\"organiser\":",
           c->rowid, c->type_name, c->id, c->id, c->field, c->value_json, c->hlc, c->hlc, c->kind, c->noted_at);
  if (c->organiser == NULL)
    print_data ("null}\n");
  else
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (const char *p = c->organiser; *p; p++)
        if (*p == '"' || *p == '\\')
          g_string_append_printf (s, "\\%c", *p);
        else if ((guchar) *p < 0x20)
          g_string_append_printf (s, "\\u%04x", (guchar) *p);
        else
          g_string_append_c (s, *p);
      print_data ("\"%s\"}\n", s->str);
    }
}

/* What one pass reported. */
typedef struct {
  gboolean  busy;     /* a file met a busy database: exit 4 */
  guint     written;  /* this device's files written */
} SyncPass;

static void
on_sync_file_cb (const char             *path,
                 KwSyncFileStatus        status,
                 const KwImportSummary  *summary,
                 const GError           *error,
                 gpointer                user_data)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *text = NULL;
  SyncPass *pass = user_data;

  switch (status)
    {
    case KW_SYNC_FILE_WRITTEN:
      pass->written++;
      print_data (_("%s: written\n"), base);
      break;
    case KW_SYNC_FILE_UNCHANGED:
      print_data (_("%s: unchanged since the last sync\n"), base);
      break;
    case KW_SYNC_FILE_IMPORTED:
      text = format_summary (summary);
      print_data ("%s: %s\n", base, text);
      print_skew (summary);
      break;
    case KW_SYNC_FILE_REFUSED:
    default:
      g_printerr (_("kwartier-cli: %s refused: %s\n"), base, error ? error->message : "");
      /* the database busy for longer than the wait is exit 4, before 3 (spec/cli.md) */
      if (error != NULL && g_error_matches (error, KW_CORE_ERROR, KW_CORE_ERROR_BUSY))
        pass->busy = TRUE;
      break;
    }
}

/* Public API */

int
kw_cli_sync_export (KwStore  *store,
                    int       argc,
                    char    **argv)
{
  const char *synopsis = "export [--scope KIND:ID] [--gzip] [--seal] -o FILE";
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *passphrase = NULL;
  Args args;

  if (!parse_args (argc, argv, &args, &problem))
    return usage (synopsis, problem);
  if (args.help)
    {
      g_print (_("Usage: kwartier-cli [--db PATH] %s\n\n"
                 "Writes an export (all records, or the scope KIND:ID where KIND is alliance,\n"
                 "network, area or meeting). --gzip compresses it; --seal encrypts it with a\n"
                 "passphrase from KWARTIER_PASSPHRASE or asked on the terminal.\n"), synopsis);
      return EXIT_OK;
    }
  if (args.output == NULL || args.file != NULL)
    return usage (synopsis, args.output == NULL ? _("-o FILE is required") : NULL);
  if (!parse_scope (args.scope, &options))
    return usage (synopsis, _("--scope takes KIND:ID, KIND one of alliance, network, area, meeting"));
  if (args.seal && (passphrase = get_passphrase (TRUE)) == NULL)
    {
      g_printerr ("kwartier-cli: %s\n", _("a passphrase is needed to seal"));
      return EXIT_REFUSED;
    }
  options.gzip = args.gzip || g_str_has_suffix (args.output, ".gz");
  options.passphrase = passphrase;
  if (!kw_export_to_file (store, &options, args.output, &error))
    return fail (error);
  return EXIT_OK;
}

int
kw_cli_sync_import (KwStore  *store,
                    int       argc,
                    char    **argv)
{
  const char *synopsis = "import [--dry-run] FILE";
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *passphrase = NULL;
  g_autofree char *text = NULL;
  KwImportSummary summary = { 0 };
  Args args;

  if (!parse_args (argc, argv, &args, &problem))
    return usage (synopsis, problem);
  if (args.help)
    {
      g_print (_("Usage: kwartier-cli [--db PATH] %s\n\n"
                 "Merges an export and prints \"added N, updated N, deleted N, conflicts N,\n"
                 "unchanged N\". A bad file is refused and nothing changes. --dry-run shows\n"
                 "the summary without changing anything.\n"), synopsis);
      return EXIT_OK;
    }
  if (args.file == NULL || args.output != NULL || args.scope != NULL)
    return usage (synopsis, args.file == NULL ? _("FILE is required") : NULL);
  if (file_is_sealed (args.file) && (passphrase = get_passphrase (FALSE)) == NULL)
    {
      g_printerr ("kwartier-cli: %s\n", _("the file is sealed: a passphrase is needed"));
      return EXIT_REFUSED;
    }
  if (!kw_import_file_full (store, args.file, passphrase, args.dry_run, &summary, &error))
    return fail (error);
  text = format_summary (&summary);
  print_data ("%s\n", text);
  print_skew (&summary);
  return EXIT_OK;
}

/* conflicts --use ID: the id as the listing shows it, after its "#". */
static int
use_conflict (KwStore    *store,
              const char *text,
              gboolean    json)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (json)
    return usage ("conflicts [--json] [--use ID]", _("--use prints nothing: it takes no --json"));
  if (*text == '#')
    text++;
  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr ("kwartier-cli: ");
      /* Translators: %s is what was given to conflicts --use */
      g_printerr (_("no unresolved conflict %s: an id is the number after “#” in the list of conflicts"), text);
      g_printerr ("\n");
      return EXIT_REFUSED;
    }
  if (!kw_conflict_use (store, id, &error))
    return fail (error);
  return EXIT_OK;
}

int
kw_cli_sync_conflicts (KwStore  *store,
                       int       argc,
                       char    **argv)
{
  const char *synopsis = "conflicts [--json] [--use ID]";
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GPtrArray) list = NULL;
  Args args;

  if (!parse_args (argc, argv, &args, &problem) || args.file || args.output || args.scope)
    return usage (synopsis, problem);
  if (args.help)
    {
      g_print (_("Usage: kwartier-cli [--db PATH] %s\n\n"
                 "Lists the values that lost to a concurrent edit, or met a deletion, one per\n"
                 "line, each ending in its conflict id (#ID). --use ID takes that losing value\n"
                 "back as a new write.\n"), synopsis);
      return EXIT_OK;
    }
  if (args.use != NULL)
    return use_conflict (store, args.use, args.json);
  if ((list = kw_import_list_conflicts (store, FALSE, &error)) == NULL)
    return fail (error);
  for (guint i = 0; i < list->len; i++)
    print_conflict (g_ptr_array_index (list, i), args.json);
  return EXIT_OK;
}

int
kw_cli_sync_sync (KwStore  *store,
                  int       argc,
                  char    **argv)
{
  const char *synopsis = "sync [--compact] FOLDER";
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  const char *passphrase = g_getenv ("KWARTIER_PASSPHRASE");
  guint refused = 0;
  SyncPass pass = { FALSE, 0 };
  Args args;

  if (!parse_args (argc, argv, &args, &problem) || args.output || args.scope)
    return usage (synopsis, problem);
  if (args.help)
    {
      g_print (_("Usage: kwartier-cli [--db PATH] %s\n\n"
                 "One pass of folder sync: imports every other device's export in FOLDER that\n"
                 "changed since the last pass, then writes this device's export there.\n"
                 "A refused file is reported and skipped (exit status 3). --compact writes a\n"
                 "new full export now when this device has change files in FOLDER, and removes\n"
                 "the change files it covers.\n"), synopsis);
      return EXIT_OK;
    }
  if (args.file == NULL)
    return usage (synopsis, _("FOLDER is required"));
  /* spec/export-format.md, "Exit status of sync": 1 before 4 before 3 */
  if (!kw_sync_folder_run_with_progress (store, args.file, passphrase,
                                         args.compact ? KW_SYNC_FOLDER_COMPACT : KW_SYNC_FOLDER_DEFAULT,
                                         NULL, on_sync_file_cb, &pass, &refused, &error))
    return fail (error);
  if (pass.written == 0)
    {
      print_data (_("%s: unchanged, nothing new to write\n"), kw_store_get_device_id (store));
    }
  if (pass.busy)
    return 4;  /* spec/cli.md: busy for longer than the wait; try again */
  return refused > 0 ? EXIT_SOME_REFUSED : EXIT_OK;
}

gboolean
kw_cli_sync_resolve_written (KwStore             *store,
                             const char          *type_name,
                             const char          *id,
                             const char * const  *fields,
                             GError             **error)
{
  g_autoptr(GPtrArray) list = kw_import_list_conflicts (store, FALSE, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      const KwConflict *c = g_ptr_array_index (list, i);

      if (g_strcmp0 (c->type_name, type_name) == 0 && g_strcmp0 (c->id, id) == 0
          && g_strv_contains (fields, c->field)
          && !kw_import_resolve_conflict (store, c->rowid, error))
        return FALSE;
    }
  return TRUE;
}
