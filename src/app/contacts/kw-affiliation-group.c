/* kw-affiliation-group.c: the organisations of a person, the people of an organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwChildGroup of affiliations: the registry says which end is the
 * page's; this only says a row's subtitle in words, the role and the
 * period ("Coördinator · since 1-6-2025").
 */
#define G_LOG_DOMAIN "kw-affiliation-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-affiliation-group.h"
#include "kw-format.h"

struct _KwAffiliationGroup
{
  KwChildGroup parent_instance;
};

G_DEFINE_FINAL_TYPE (KwAffiliationGroup, kw_affiliation_group, KW_TYPE_CHILD_GROUP)

static char *
dup_period (KwRecord *record)
{
  g_autofree char *since = kw_format_date_long (kw_record_get_string (record, "since"));
  g_autofree char *until = kw_format_date_long (kw_record_get_string (record, "until"));

  if (since && until)
    return g_strdup_printf (_("%s until %s"), since, until);
  if (since)
    return g_strdup_printf (_("since %s"), since);
  if (until)
    return g_strdup_printf (_("until %s"), until);
  return NULL;
}

static char *
kw_affiliation_group_dup_subtitle (KwChildGroup *self,
                                   KwRecord     *record)
{
  const char *role = kw_record_get_string (record, "role");
  g_autofree char *period = dup_period (record);

  if (role && *role && period)
    return g_strdup_printf ("%s · %s", role, period);
  return g_strdup (role && *role ? role : period ? period : "");
}

static void
kw_affiliation_group_constructed (GObject *object)
{
  G_OBJECT_CLASS (kw_affiliation_group_parent_class)->constructed (object);

  kw_child_group_set_texts (KW_CHILD_GROUP (object), _("Affiliations"), _("No affiliations yet"),
                            _("Add Affiliation"),
                            /* Translators: the tooltip of a button; %s is a person or organisation */
                            _("Remove affiliation with %s"));
}

static void
kw_affiliation_group_class_init (KwAffiliationGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = kw_affiliation_group_constructed;
  KW_CHILD_GROUP_CLASS (klass)->dup_subtitle = kw_affiliation_group_dup_subtitle;
}

static void
kw_affiliation_group_init (KwAffiliationGroup *self)
{
}

KwChildGroup *
kw_affiliation_group_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_AFFILIATION_GROUP, "store", store, "child-type", "affiliation", NULL);
}
