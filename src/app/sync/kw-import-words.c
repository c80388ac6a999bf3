/* kw-import-words.c: what the import window says, in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A refusal of the core (KwImportRefusal) as a volunteer understands
 * it, with what to do; where a file comes from; what an import did.
 */
#define G_LOG_DOMAIN "kw-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-import-words.h"

void
_kw_import_describe_refusal (KwImportRefusal   refusal,
                             char            **title,
                             char            **what_to_do)
{
  const char *t, *d;

  switch (refusal)
    {
    case KW_IMPORT_REFUSAL_INCOMPLETE:
      t = _("This file is not complete — was the USB stick pulled out too early?");
      d = _("Copy the file again and wait until the copy is done before you pull out the stick, or ask your colleague to send it again. Nothing was changed.");
      break;
    case KW_IMPORT_REFUSAL_NEEDS_PASSPHRASE:
    case KW_IMPORT_REFUSAL_PASSPHRASE:
      t = _("The passphrase does not open this file");
      d = _("Check the passphrase with your colleague and try again: capitals and spaces count. Nothing was changed.");
      break;
    case KW_IMPORT_REFUSAL_NOT_EXPORT:
      t = _("This is not a Kwartier export");
      d = _("Kwartier imports the files another Kwartier wrote with Export, named like “kwartier-samira-2026-11-28.kwartier.jsonl”. A list of people from a spreadsheet is imported in Contacts. Nothing was changed.");
      break;
    case KW_IMPORT_REFUSAL_NEWER:
      t = _("This file was made by a newer Kwartier");
      d = _("Update Kwartier on this laptop, then import the file again. Nothing was changed.");
      break;
    case KW_IMPORT_REFUSAL_OWN_DEVICE:
      t = _("This file comes from this laptop");
      d = _("It is this laptop’s own export: everything in it is here already. Choose the file a colleague gave you.");
      break;
    case KW_IMPORT_REFUSAL_CLOCK:
      t = _("This file was written by a clock far ahead");
      d = _("A date in it lies more than a year after today’s. Ask your colleague to set the right date and time on their laptop and to export again. Nothing was changed.");
      break;
    case KW_IMPORT_REFUSAL_UNREADABLE:
      t = _("Kwartier cannot read this file");
      d = _("Check that the file is still there (and the USB stick still in) and try again. Nothing was changed.");
      break;
    case KW_IMPORT_REFUSAL_DAMAGED:
    case KW_IMPORT_REFUSAL_NONE:
    default:
      t = _("This file is damaged");
      d = _("It was changed or damaged after it was exported. Ask your colleague to export it again. Nothing was changed.");
      break;
    }
  *title = g_strdup (t);
  *what_to_do = g_strdup (d);
}

/* "28 November, 14:02", with the year when it is not this one. */
static char *
format_exported_at (const char *exported_at)
{
  g_autoptr(GDateTime) utc = exported_at && *exported_at ? g_date_time_new_from_iso8601 (exported_at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (local == NULL)
    return NULL;
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: when a file was exported, see the strftime() manual: "28 November, 14:02" */
    return g_date_time_format (local, _("%-d %B, %H:%M"));
  /* Translators: when a file was exported, see the strftime() manual: "28 November 2025, 14:02" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

char *
_kw_import_describe_origin (const KwImportSummary *summary)
{
  g_autofree char *when = format_exported_at (summary->exported_at);
  g_autofree char *who = NULL;

  if (summary->organiser[0] != '\0')
    who = g_strdup (summary->organiser);
  else if (summary->device[0] != '\0')
    /* Translators: a file without an organiser's name: the start of its device id */
    who = g_strdup_printf (_("device %.8s"), summary->device);
  else
    who = g_strdup (_("a colleague"));
  if (when == NULL)
    /* Translators: "From Samira" */
    return g_strdup_printf (_("From %s"), who);
  /* Translators: "From Samira, exported 28 November, 14:02" */
  return g_strdup_printf (_("From %s, exported %s"), who, when);
}

char *
_kw_import_describe_result (const KwImportSummary *summary,
                            const char            *backup_path)
{
  g_autofree char *counts = NULL;
  g_autofree char *backup_name = backup_path ? g_path_get_basename (backup_path) : NULL;

  /* Translators: what an import did */
  counts = g_strdup_printf (_("%u new, %u updated, %u deleted, %u conflicts."),
                            summary->added, summary->updated, summary->deleted, summary->conflicts);
  if (backup_name == NULL)
    return g_strdup_printf ("%s %s", counts, _("Nothing changed, so no backup was needed."));
  /* Translators: %s is the backup's file name; Preferences ▸ Backups restores it */
  return g_strdup_printf (_("%s Kwartier made a backup first: %s. To go back to it, open Preferences, Backups."),
                          counts, backup_name);
}
