/* kw-export-summary.c: what leaves the laptop, in the export window's rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers are kw_export_preview's (the export's own lines, counted):
 * the people who leave with their fields, the private people who leave
 * only as the stub that says they are private, the fields that never
 * leave (KW_FIELD_FLAG_LOCAL), and the records per type.
 */
#define G_LOG_DOMAIN "kw-export-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-export-summary.h"

/* Helpers */

static char *
dup_local_fields (const KwExportPreview *preview)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < preview->local_fields->len; i++)
    {
      const KwExportLocalField *local = &g_array_index (preview->local_fields, KwExportLocalField, i);
      const char *label = g_dgettext (GETTEXT_PACKAGE, local->field->label);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, label);
    }
  /* Translators: the labels of the fields that are never exported, "Private notes" */
  return g_strdup_printf (_("%s never leave this laptop"), text->str);
}

static char *
dup_type_details (const KwExportTypeCount *count)
{
  g_autofree char *stubs = _kw_export_format_count (count->stubs);
  g_autofree char *deleted = _kw_export_format_count (count->deleted);
  g_autofree char *stub_text = NULL;
  g_autofree char *deleted_text = NULL;

  if (count->stubs > 0)
    /* Translators: in the list of records per type of an export */
    stub_text = g_strdup_printf (ngettext ("and %s private, as a stub", "and %s private, as stubs",
                                           count->stubs), stubs);
  if (count->deleted > 0)
    /* Translators: in the list of records per type of an export */
    deleted_text = g_strdup_printf (ngettext ("%s deletion", "%s deletions", count->deleted), deleted);
  if (stub_text != NULL && deleted_text != NULL)
    return g_strdup_printf ("%s · %s", stub_text, deleted_text);
  return g_strdup (stub_text ? stub_text : deleted_text);
}

static GtkWidget *
make_type_row (const KwExportTypeCount *count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *n = _kw_export_format_count (count->records);
  g_autofree char *details = dup_type_details (count);
  GtkWidget *label = gtk_label_new (n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_dgettext (GETTEXT_PACKAGE, count->type->plural));
  if (details != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
show_types (const KwExportPreview *preview,
            AdwExpanderRow        *types_row,
            GPtrArray             *type_rows)
{
  g_autofree char *n = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < type_rows->len; i++)
    adw_expander_row_remove (types_row, g_ptr_array_index (type_rows, i));
  g_ptr_array_set_size (type_rows, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (types_row), preview != NULL && preview->types->len > 0);
  if (preview == NULL)
    {
      adw_expander_row_set_subtitle (types_row, "");
      adw_expander_row_set_expanded (types_row, FALSE);
      return;
    }
  n = _kw_export_format_count (preview->records);
  /* Translators: how many lines of records an export holds in all */
  subtitle = g_strdup_printf (ngettext ("%s record in all", "%s records in all", preview->records), n);
  adw_expander_row_set_subtitle (types_row, subtitle);
  for (guint i = 0; i < preview->types->len; i++)
    {
      GtkWidget *row = make_type_row (&g_array_index (preview->types, KwExportTypeCount, i));

      adw_expander_row_add_row (types_row, row);
      g_ptr_array_add (type_rows, row);
    }
}

/* Private API */

char *
_kw_export_format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

void
_kw_export_summary_show (const KwExportPreview *preview,
                         const char            *status,
                         AdwActionRow          *people_row,
                         AdwActionRow          *private_row,
                         AdwActionRow          *local_row,
                         AdwExpanderRow        *types_row,
                         GPtrArray             *type_rows)
{
  g_autofree char *people = NULL;
  g_autofree char *private = NULL;
  g_autofree char *people_text = NULL;
  g_autofree char *private_text = NULL;
  g_autofree char *local_text = NULL;

  show_types (preview, types_row, type_rows);
  gtk_widget_set_visible (GTK_WIDGET (private_row), preview != NULL && preview->private_people > 0);
  gtk_widget_set_visible (GTK_WIDGET (local_row), preview != NULL && preview->local_fields->len > 0);
  adw_action_row_set_subtitle (people_row, preview ? _("With everything colleagues may see of them") : "");
  if (preview == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (people_row), status);
      return;
    }
  people = _kw_export_format_count (preview->people);
  private = _kw_export_format_count (preview->private_people);
  /* Translators: what an export holds: "312 people" */
  people_text = g_strdup_printf (ngettext ("%s person", "%s people", preview->people), people);
  /* Translators: what an export holds: "8 private people left out" */
  private_text = g_strdup_printf (ngettext ("%s private person left out", "%s private people left out",
                                            preview->private_people), private);
  local_text = dup_local_fields (preview);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (people_row), people_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (private_row), private_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (local_row), local_text);
}
