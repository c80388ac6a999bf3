/* kw-record-summary.c: a read-only summary of a record whose view is not there yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Driven by the registry: every field that has a value, formatted
 * (references by their title, dates in words, enums by their label),
 * then the records that belong to this one (an alliance's partners, a
 * meeting's agenda items). Search opens it for alliances, networks,
 * meetings and agenda items until their views exist.
 */
#define G_LOG_DOMAIN "kw-record-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-format.h"
#include "kw-record-summary.h"

#define MAX_BELONGING 50  /* rows per kind of record that belongs */

struct _KwRecordSummary
{
  AdwWindow             parent_instance;

  AdwPreferencesPage   *page;
  AdwWindowTitle       *window_title;
};

G_DEFINE_FINAL_TYPE (KwRecordSummary, kw_record_summary, ADW_TYPE_WINDOW)

/* Helpers */

static GtkWidget *
make_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
add_fields (KwRecordSummary *self,
            KwStore         *store,
            KwRecord        *record)
{
  const KwEntityType *type = kw_record_get_entity_type (record);
  g_autofree char *title = kw_record_dup_title (record);
  g_autofree char *markup = g_markup_escape_text (title, -1);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), markup);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A summary, to read: this kind of record gets its own view later."));
  for (guint i = 0; i < type->n_fields; i++)
    {
      const KwField *field = &type->fields[i];
      GVariant *value = kw_record_get_value (record, field->name);
      g_autofree char *text = NULL;
      GtkWidget *row;

      if (value == NULL || g_strcmp0 (field->name, type->title_field) == 0)
        continue;
      text = kw_format_value (store, field, value);
      row = make_row (g_dgettext (GETTEXT_PACKAGE, field->label), text);
      gtk_widget_set_name (row, field->name);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

/* A record that belongs to ours, named by its title, else by the other
 * record it points at (an alliance partner by the organisation). */
static char *
dup_belonging_title (KwStore       *store,
                     KwRecord      *record,
                     const KwField *owner)
{
  const KwEntityType *type = kw_record_get_entity_type (record);

  if (type->title_field != NULL)
    return kw_record_dup_title (record);
  for (guint i = 0; i < type->n_fields; i++)
    {
      const KwField *field = &type->fields[i];
      const char *id = field->kind == KW_FIELD_REF && field != owner
                       ? kw_record_get_string (record, field->name) : NULL;

      if (id != NULL)
        return kw_format_ref_title (store, field, id);
    }
  return kw_record_dup_title (record);
}

static void
add_belonging (KwRecordSummary    *self,
               KwStore            *store,
               const KwEntityType *owner_type,
               const char         *id)
{
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);

      for (guint i = 0; i < type->n_fields; i++)
        {
          const KwField *field = &type->fields[i];
          g_autoptr(GPtrArray) records = NULL;
          GtkWidget *group;

          if (field->kind != KW_FIELD_REF || !(field->flags & KW_FIELD_FLAG_REQUIRED)
              || !kw_field_targets (field, owner_type->name))
            continue;
          records = kw_store_list_by_ref (store, type->name, field->name, id, NULL);
          if (records == NULL || records->len == 0)
            continue;
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), g_dgettext (GETTEXT_PACKAGE, type->plural));
          gtk_widget_set_name (group, type->name);
          for (guint j = 0; j < records->len && j < MAX_BELONGING; j++)
            {
              g_autofree char *title = dup_belonging_title (store, records->pdata[j], field);

              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_row (title, NULL));
            }
          adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
        }
    }
}

/* GObject */

static void
kw_record_summary_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_RECORD_SUMMARY);
  G_OBJECT_CLASS (kw_record_summary_parent_class)->dispose (object);
}

static void
kw_record_summary_class_init (KwRecordSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_record_summary_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/base/kw-record-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, KwRecordSummary, page);
  gtk_widget_class_bind_template_child (widget_class, KwRecordSummary, window_title);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kw_record_summary_init (KwRecordSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

KwRecordSummary *
kw_record_summary_new (GtkWindow   *parent,
                       KwStore     *store,
                       const char  *type_name,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(KwRecord) record = NULL;
  KwRecordSummary *self;
  const KwEntityType *type;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (type_name != NULL && id != NULL, NULL);

  if ((record = kw_store_get (store, type_name, id, error)) == NULL)
    return NULL;
  type = kw_record_get_entity_type (record);
  self = g_object_new (KW_TYPE_RECORD_SUMMARY, "transient-for", parent, NULL);
  adw_window_title_set_title (self->window_title, g_dgettext (GETTEXT_PACKAGE, type->label));
  add_fields (self, store, record);
  add_belonging (self, store, type, id);
  return self;
}
