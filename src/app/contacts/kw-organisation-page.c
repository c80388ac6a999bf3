/* kw-organisation-page.c: one organisation, its people and relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new organisation is a draft, as a new person is (kw-person-page.c):
 * stored only when it has a name and the user adds it.
 */
#define G_LOG_DOMAIN "kw-organisation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-contacts-view.h"
#include "kw-enum-labels.h"
#include "kw-organisation-page.h"
#include "kw-record-editor.h"
#include "kw-store-query.h"

struct _KwOrganisationPage
{
  AdwBin               parent_instance;

  KwStore             *store;
  KwRecordEditor      *editor;
  char                *id;
  KwRelatedGroup      *groups[2];   /* people (affiliations), relations */

  AdwAvatar           *avatar;
  GtkWidget           *content_box;
  GtkWidget           *delete_button;
  AdwPreferencesGroup *details_group;
  GtkWidget           *draft_bar;
  GtkLabel            *formal_badge;
  GtkWidget           *header_box;
  GtkLabel            *kind_badge;
  AdwPreferencesGroup *notes_group;
  GtkWidget           *related_box;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *subtitle_label;
  GtkLabel            *title_label;
};

G_DEFINE_FINAL_TYPE (KwOrganisationPage, kw_organisation_page, ADW_TYPE_BIN)

static const char * const detail_fields[] = {
  "name", "kind", "formal", "area", "website", "email", "phone", NULL,
};

/* Helpers */

static void
update_header (KwOrganisationPage *self,
               KwRecord           *record)
{
  g_autofree char *title = kw_record_dup_title (record);
  g_autofree char *area = NULL;
  g_autofree char *unused = NULL;
  const char *kind = kw_record_get_string (record, "kind");
  const KwField *field = kw_entity_type_field (kw_record_get_entity_type (record), "kind");
  guint n = kw_related_group_get_n_rows (self->groups[0]);
  g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  g_autofree char *subtitle = NULL;

  kw_store_query_summary (self->store, "organisation", self->id, &area, &unused);
  subtitle = area ? g_strdup_printf ("%s · %s", area, people) : g_strdup (people);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  adw_avatar_set_text (self->avatar, title);
  gtk_label_set_label (self->kind_badge, kind ? kw_enum_label (field, kind) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->kind_badge), kind != NULL);
  gtk_label_set_label (self->formal_badge, kw_record_get_bool (record, "formal") ? _("Formal") : _("Informal"));
}

static void
reload (KwOrganisationPage *self)
{
  g_autoptr(KwRecord) record = NULL;

  if (self->id == NULL || (record = kw_store_get (self->store, "organisation", self->id, NULL)) == NULL)
    return;
  kw_record_editor_set_record (self->editor, record);
  update_header (self, record);
}

static void update_add_enabled (KwOrganisationPage *self);
static void on_name_apply_cb (KwOrganisationPage *self);

static void
build (KwOrganisationPage *self)
{
  self->editor = kw_record_editor_new (self->store, "organisation");
  for (guint i = 0; detail_fields[i]; i++)
    kw_record_editor_add_row (self->editor, GTK_WIDGET (self->details_group), detail_fields[i]);
  adw_preferences_group_add (self->notes_group, kw_record_editor_make_text_view (self->editor, "notes"));
  adw_preferences_group_add (self->notes_group, kw_record_editor_get_message (self->editor, "notes"));
  self->groups[0] = kw_related_group_new (self->store, KW_RELATED_AFFILIATIONS);
  self->groups[1] = kw_related_group_new (self->store, KW_RELATED_RELATIONS);
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    gtk_box_append (GTK_BOX (self->related_box), GTK_WIDGET (self->groups[i]));
  g_signal_connect_object (kw_record_editor_get_title_row (self->editor), "changed",
                           G_CALLBACK (update_add_enabled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kw_record_editor_get_title_row (self->editor), "apply",
                           G_CALLBACK (on_name_apply_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
show_draft (KwOrganisationPage *self,
            gboolean            draft)
{
  gtk_widget_set_visible (self->draft_bar, draft);
  gtk_widget_set_visible (self->header_box, !draft);
  gtk_widget_set_visible (self->related_box, !draft);
  gtk_widget_set_visible (self->delete_button, !draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.delete", !draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.cancel-draft", draft);
}

static void
update_add_enabled (KwOrganisationPage *self)
{
  GtkWidget *row = kw_record_editor_get_title_row (self->editor);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.add-draft",
                                 kw_record_editor_is_draft (self->editor) && *name != '\0');
}

static KwContactsView *
get_contacts_view (KwOrganisationPage *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), KW_TYPE_CONTACTS_VIEW);

  return view ? KW_CONTACTS_VIEW (view) : NULL;
}

/* Callbacks */

static void
on_store_changed_cb (KwOrganisationPage *self)
{
  reload (self);
}

static void
on_name_apply_cb (KwOrganisationPage *self)
{
  if (kw_record_editor_is_draft (self->editor))
    gtk_widget_activate_action (GTK_WIDGET (self), "organisation.add-draft", NULL);
}

static void
add_draft_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KwOrganisationPage *self = KW_ORGANISATION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  KwContactsView *view;

  if (!kw_record_editor_is_draft (self->editor))
    return;
  if ((id = kw_record_editor_commit_draft (self->editor, &error)) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if ((view = get_contacts_view (self)) != NULL)
    kw_contacts_view_open (view, "organisation", id);
  else
    kw_organisation_page_set_id (self, id);
}

static void
cancel_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KwOrganisationPage *self = KW_ORGANISATION_PAGE (widget);
  GtkWidget *stack = gtk_widget_get_parent (widget);
  KwContactsView *view = get_contacts_view (self);

  kw_record_editor_set_record (self->editor, NULL);
  show_draft (self, FALSE);
  update_add_enabled (self);
  if (GTK_IS_STACK (stack) && gtk_stack_get_child_by_name (GTK_STACK (stack), "none") != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (stack), "none");
  if (view != NULL && kw_contacts_view_can_go_back (view))
    kw_contacts_view_go_back (view);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KwOrganisationPage *self = KW_ORGANISATION_PAGE (widget);

  if (self->id != NULL)
    gtk_widget_activate_action (widget, "win.delete-record", "(ss)", "organisation", self->id);
}

/* GObject */

static void
kw_organisation_page_dispose (GObject *object)
{
  KwOrganisationPage *self = (KwOrganisationPage *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* AdwBin keeps a pointer to its child: let go of it first */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_ORGANISATION_PAGE);

  G_OBJECT_CLASS (kw_organisation_page_parent_class)->dispose (object);
}

static void
kw_organisation_page_finalize (GObject *object)
{
  KwOrganisationPage *self = (KwOrganisationPage *) object;

  g_clear_object (&self->editor);
  g_clear_object (&self->store);
  g_free (self->id);

  G_OBJECT_CLASS (kw_organisation_page_parent_class)->finalize (object);
}

static void
kw_organisation_page_class_init (KwOrganisationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_organisation_page_dispose;
  object_class->finalize = kw_organisation_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/contacts/kw-organisation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, draft_bar);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, formal_badge);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, kind_badge);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, related_box);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KwOrganisationPage, title_label);

  gtk_widget_class_install_action (widget_class, "organisation.add-draft", NULL, add_draft_action);
  gtk_widget_class_install_action (widget_class, "organisation.cancel-draft", NULL, cancel_draft_action);
  gtk_widget_class_install_action (widget_class, "organisation.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "organisation.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "organisation.cancel-draft", NULL);
}

static void
kw_organisation_page_init (KwOrganisationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* only a draft is added or cancelled (Escape) */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.add-draft", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.cancel-draft", FALSE);
}

/* Public API */

KwOrganisationPage *
kw_organisation_page_new (KwStore *store)
{
  static const char * const signals[] = { "changed::organisation", "changed::affiliation", "changed::area" };
  KwOrganisationPage *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_ORGANISATION_PAGE, NULL);
  self->store = g_object_ref (store);
  build (self);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_swapped (store, signals[i], G_CALLBACK (on_store_changed_cb), self);
  return self;
}

void
kw_organisation_page_set_id (KwOrganisationPage *self,
                             const char         *id)
{
  g_return_if_fail (KW_IS_ORGANISATION_PAGE (self));

  if (g_strcmp0 (self->id, id) != 0)
    {
      g_free (self->id);
      self->id = g_strdup (id);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
  show_draft (self, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    kw_related_group_set_party (self->groups[i], "organisation", id);
  reload (self);
}

void
kw_organisation_page_start_draft (KwOrganisationPage *self)
{
  g_return_if_fail (KW_IS_ORGANISATION_PAGE (self));

  g_clear_pointer (&self->id, g_free);
  kw_record_editor_start_draft (self->editor);
  show_draft (self, TRUE);
  update_add_enabled (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_widget_grab_focus (kw_record_editor_get_title_row (self->editor));
}

gboolean
kw_organisation_page_is_draft (KwOrganisationPage *self)
{
  g_return_val_if_fail (KW_IS_ORGANISATION_PAGE (self), FALSE);
  return kw_record_editor_is_draft (self->editor);
}

const char *
kw_organisation_page_get_id (KwOrganisationPage *self)
{
  g_return_val_if_fail (KW_IS_ORGANISATION_PAGE (self), NULL);
  return self->id;
}

GtkWidget *
kw_organisation_page_get_row (KwOrganisationPage *self,
                              const char         *field)
{
  g_return_val_if_fail (KW_IS_ORGANISATION_PAGE (self), NULL);
  return kw_record_editor_get_row (self->editor, field);
}

KwRelatedGroup *
kw_organisation_page_get_group (KwOrganisationPage *self,
                                KwRelatedKind       kind)
{
  g_return_val_if_fail (KW_IS_ORGANISATION_PAGE (self), NULL);
  g_return_val_if_fail (kind <= KW_RELATED_RELATIONS, NULL);
  return self->groups[kind];
}

void
kw_organisation_page_focus_name (KwOrganisationPage *self)
{
  GtkWidget *row;

  g_return_if_fail (KW_IS_ORGANISATION_PAGE (self));

  row = kw_record_editor_get_title_row (self->editor);
  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
}

