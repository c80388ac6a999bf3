/* kw-organisation-page.c: one organisation, its people and relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwRecordPage with the organisation's kind and formal badges, its
 * people (affiliations) and relations. A new organisation is a draft,
 * as a new person is: stored only when it has a name and the user adds it.
 */
#define G_LOG_DOMAIN "kw-organisation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-affiliation-group.h"
#include "kw-enum-labels.h"
#include "kw-organisation-page.h"
#include "kw-relation-group.h"
#include "kw-store-query.h"

struct _KwOrganisationPage
{
  KwRecordPage         parent_instance;

  GtkWidget           *delete_button;
  AdwPreferencesGroup *details_group;
  GtkLabel            *formal_badge;
  GtkLabel            *kind_badge;
  AdwPreferencesGroup *notes_group;
  GtkWidget           *related_box;
};

G_DEFINE_FINAL_TYPE (KwOrganisationPage, kw_organisation_page, KW_TYPE_RECORD_PAGE)

static const char * const detail_fields[] = {
  "name", "kind", "formal", "area", "website", "email", "phone", NULL,
};

/* KwRecordPage */

static void
kw_organisation_page_reload (KwRecordPage *page,
                             KwRecord     *record,
                             gboolean      same)
{
  KwOrganisationPage *self = KW_ORGANISATION_PAGE (page);
  const char *kind = kw_record_get_string (record, "kind");
  const KwField *field = kw_entity_type_field (kw_record_get_entity_type (record), "kind");
  g_autofree char *area = NULL;
  g_autofree char *unused = NULL;
  g_autofree char *people = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  n = kw_child_group_get_n_rows (kw_record_page_get_child_group (page, "affiliation"));
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  kw_store_query_summary (kw_record_page_get_store (page), "organisation", kw_record_get_id (record), &area, &unused);
  subtitle = area ? g_strdup_printf ("%s · %s", area, people) : g_strdup (people);
  kw_record_page_set_subtitle (page, subtitle);
  gtk_label_set_label (self->kind_badge, kind ? kw_enum_label (field, kind) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->kind_badge), kind != NULL);
  gtk_label_set_label (self->formal_badge, kw_record_get_bool (record, "formal") ? _("Formal") : _("Informal"));
}

/* GObject */

static void
kw_organisation_page_constructed (GObject *object)
{
  KwOrganisationPage *self = KW_ORGANISATION_PAGE (object);
  KwRecordPage *page = KW_RECORD_PAGE (object);
  KwChildGroup *groups[2];

  G_OBJECT_CLASS (kw_organisation_page_parent_class)->constructed (object);

  kw_record_page_add_badge (page, GTK_WIDGET (self->kind_badge));
  kw_record_page_add_badge (page, GTK_WIDGET (self->formal_badge));
  kw_record_page_add_section (page, GTK_WIDGET (self->details_group), FALSE);
  kw_record_page_add_section (page, self->related_box, TRUE);
  kw_record_page_add_section (page, GTK_WIDGET (self->notes_group), FALSE);
  kw_record_page_add_section (page, self->delete_button, TRUE);
  kw_record_page_add_rows (page, self->details_group, detail_fields);
  kw_record_page_add_text_view (page, self->notes_group, "notes");
  groups[0] = kw_affiliation_group_new (kw_record_page_get_store (page));
  groups[1] = kw_relation_group_new (kw_record_page_get_store (page));
  kw_child_group_set_texts (groups[0], _("People"), NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      gtk_box_append (GTK_BOX (self->related_box), GTK_WIDGET (groups[i]));
      kw_record_page_add_child_group (page, groups[i]);
    }
}

static void
kw_organisation_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_ORGANISATION_PAGE);

  G_OBJECT_CLASS (kw_organisation_page_parent_class)->dispose (object);
}

static void
kw_organisation_page_class_init (KwOrganisationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kw_organisation_page_constructed;
  object_class->dispose = kw_organisation_page_dispose;
  KW_RECORD_PAGE_CLASS (klass)->reload = kw_organisation_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/contacts/kw-organisation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, formal_badge);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, kind_badge);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, related_box);

  kw_record_page_class_install_actions (KW_RECORD_PAGE_CLASS (klass), "organisation");
}

static void
kw_organisation_page_init (KwOrganisationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

KwOrganisationPage *
kw_organisation_page_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_ORGANISATION_PAGE, "store", store, "type-name", "organisation", NULL);
}

void
kw_organisation_page_start_draft (KwOrganisationPage *self)
{
  g_return_if_fail (KW_IS_ORGANISATION_PAGE (self));

  kw_record_page_start_draft (KW_RECORD_PAGE (self), _("New Organisation"), _("Leave without adding an organisation"),
                              _("Add this organisation to the contacts"));
}
