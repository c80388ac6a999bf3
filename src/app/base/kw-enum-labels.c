/* kw-enum-labels.c: translated labels for the values of enum fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry names values as in code ("residents_group") and gives
 * each its label; this is the interface's side of it: a dropdown's
 * model and the consent explanations.
 */
#define G_LOG_DOMAIN "kw-enum-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "kw-enum-labels.h"

/* The labels live in the registry, next to the values (kw-registry.c);
 * a value the field does not know is shown as it is. */
const char *
kw_enum_label (const KwField *field,
               const char    *value)
{
  const char *label;

  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL)
    return NULL;
  label = kw_field_get_value_label (field, value);
  return label != NULL ? label : value;
}

GListModel *
kw_enum_labels_model (const KwField *field,
                      const char    *unset_label)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  g_return_val_if_fail (field != NULL && field->kind == KW_FIELD_ENUM, NULL);

  if (unset_label != NULL)
    gtk_string_list_append (list, unset_label);
  for (guint i = 0; field->values[i]; i++)
    gtk_string_list_append (list, kw_enum_label (field, field->values[i]));
  return G_LIST_MODEL (list);
}

const char *
kw_consent_explanation (const char *consent)
{
  if (g_strcmp0 (consent, "public") == 0)
    return _("May be named in published minutes.");
  if (g_strcmp0 (consent, "shared") == 0)
    return _("Shared with fellow organisers only, never published.");
  if (g_strcmp0 (consent, "private") == 0)
    return _("Nothing about this person leaves this laptop.");
  return _("Not asked yet: treated as private until it is.");
}
