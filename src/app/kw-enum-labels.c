/* kw-enum-labels.c: translated labels for the values of enum fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry names values as in code ("residents_group"); the
 * interface says them in words, translated.
 */
#define G_LOG_DOMAIN "kw-enum-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <string.h>

#include "kw-enum-labels.h"

typedef struct {
  const char *field;  /* field name, or NULL for any field */
  const char *value;
  const char *label;
} EnumLabel;

static const EnumLabel labels[] = {
  { "consent", "public", N_("Public") },
  { "consent", "shared", N_("Shared") },
  { "consent", "private", N_("Private") },
  { "sentiment", "positive", N_("Positive") },
  { "sentiment", "neutral", N_("Neutral") },
  { "sentiment", "tense", N_("Tense") },
  { NULL, "knows", N_("Knows") },
  { NULL, "works_with", N_("Works with") },
  { NULL, "member_of", N_("Member of") },
  { NULL, "represents", N_("Represents") },
  { NULL, "funds", N_("Funds") },
  { NULL, "advises", N_("Advises") },
  { NULL, "municipality", N_("Municipality") },
  { NULL, "district", N_("District") },
  { NULL, "welfare", N_("Welfare organisation") },
  { NULL, "housing", N_("Housing corporation") },
  { NULL, "neighbourhood_team", N_("Neighbourhood team") },
  { NULL, "residents_group", N_("Residents’ group") },
  { NULL, "village_network", N_("Village network") },
  { NULL, "initiative", N_("Initiative") },
  { NULL, "business", N_("Business") },
  { NULL, "religious", N_("Religious organisation") },
  { NULL, "school", N_("School") },
  { NULL, "other", N_("Other") },
  { NULL, "stadsdeel", N_("Borough") },
  { NULL, "gebied", N_("District area") },
  { NULL, "wijk", N_("Neighbourhood") },
  { NULL, "buurt", N_("Quarter") },
  { NULL, "binnenbuurt", N_("Inner neighbourhood") },
  /* alliances, networks, meetings, agenda items, attendance, actions */
  { NULL, "exploring", N_("Exploring") },
  { NULL, "forming", N_("Forming") },
  { NULL, "active", N_("Active") },
  { NULL, "paused", N_("Paused") },
  { NULL, "ended", N_("Ended") },
  { NULL, "lead", N_("Lead partner") },
  { NULL, "partner", N_("Partner") },
  { NULL, "advisor", N_("Advisor") },
  { NULL, "funder", N_("Funder") },
  { NULL, "planned", N_("Planned") },
  { NULL, "done", N_("Done") },
  { NULL, "stopped", N_("Stopped") },
  { NULL, "village", N_("Village") },
  { NULL, "residents_platform", N_("Residents’ platform") },
  { NULL, "tenants", N_("Tenants") },
  { NULL, "residents_council", N_("Residents’ council") },
  { NULL, "task_team", N_("Task team") },
  { NULL, "working_group", N_("Working group") },
  { NULL, "key_figures", N_("Key figures") },
  { NULL, "alliance", N_("Alliance meeting") },
  { NULL, "open_house", N_("Open house") },
  { NULL, "unit_gathering", N_("Unit gathering") },
  { NULL, "held", N_("Held") },
  { NULL, "cancelled", N_("Cancelled") },
  { NULL, "info", N_("Information") },
  { NULL, "discussion", N_("Discussion") },
  { NULL, "decision", N_("Decision") },
  { NULL, "invited", N_("Invited") },
  { NULL, "present", N_("Present") },
  { NULL, "late", N_("Late") },
  { NULL, "absent_notified", N_("Absent, with notice") },
  { NULL, "absent", N_("Absent") },
  { NULL, "open", N_("Open") },
  { NULL, "dropped", N_("Dropped") },
};

const char *
kw_enum_label (const KwField *field,
               const char    *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if ((labels[i].field == NULL || strcmp (labels[i].field, field->name) == 0)
        && strcmp (labels[i].value, value) == 0)
      return _(labels[i].label);
  return value;
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
