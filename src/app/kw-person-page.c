/* kw-person-page.c: everything about one person, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field of the registry's person is a row (KwRecordEditor);
 * affiliations, relations and contact moments are KwRelatedGroups.
 */
#define G_LOG_DOMAIN "kw-person-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-enum-labels.h"
#include "kw-person-page.h"
#include "kw-record-editor.h"
#include "kw-store-query.h"

struct _KwPersonPage
{
  AdwBin              parent_instance;

  KwStore            *store;
  KwRecordEditor     *editor;
  char               *id;
  KwRelatedGroup     *groups[3];

  AdwAvatar          *avatar;
  GtkLabel           *consent_badge;
  AdwPreferencesGroup *consent_group;
  GtkWidget          *content_box;
  AdwPreferencesGroup *details_group;
  GtkWidget          *key_figure_badge;
  AdwPreferencesGroup *notes_group;
  AdwPreferencesGroup *private_group;
  GtkWidget          *related_box;
  GtkScrolledWindow  *scrolled_window;
  GtkLabel           *subtitle_label;
  GtkLabel           *title_label;
};

G_DEFINE_FINAL_TYPE (KwPersonPage, kw_person_page, ADW_TYPE_BIN)

static const char * const detail_fields[] = {
  "name", "phone", "email", "area", "languages", "communities", "topics", "key_figure", NULL,
};
static const char * const consent_fields[] = { "consent", "consent_date", "consent_note", NULL };

/* Helpers */

static char *
dup_subtitle (KwPersonPage *self)
{
  g_autofree char *area = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *last = kw_store_dup_last_contact (self->store, self->id);
  g_autofree char *last_text = last ? kw_format_date (last) : NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  kw_store_query_summary (self->store, "person", self->id, &area, &organisation);
  if (organisation != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&organisation));
  if (area != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&area));
  g_ptr_array_add (parts, last_text ? g_strdup_printf (_("last contact %s"), last_text)
                                    : g_strdup (_("no contact logged yet")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update_header (KwPersonPage *self,
               KwRecord     *record)
{
  g_autofree char *title = kw_record_dup_title (record);
  g_autofree char *subtitle = dup_subtitle (self);
  const char *consent = kw_record_get_string (record, "consent");
  const KwField *field = kw_entity_type_field (kw_record_get_entity_type (record), "consent");
  GtkWidget *consent_row = kw_record_editor_get_row (self->editor, "consent");

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  adw_avatar_set_text (self->avatar, title);
  gtk_widget_set_visible (self->key_figure_badge, kw_record_get_bool (record, "key_figure"));
  gtk_label_set_label (self->consent_badge, consent ? kw_enum_label (field, consent) : _("Consent not asked"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->consent_badge), kw_consent_explanation (consent));
  gtk_widget_remove_css_class (GTK_WIDGET (self->consent_badge), "private");
  gtk_widget_remove_css_class (GTK_WIDGET (self->consent_badge), "shared");
  gtk_widget_remove_css_class (GTK_WIDGET (self->consent_badge), "positive");
  gtk_widget_add_css_class (GTK_WIDGET (self->consent_badge),
                            g_strcmp0 (consent, "public") == 0 ? "positive"
                            : g_strcmp0 (consent, "shared") == 0 ? "shared" : "private");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (consent_row), kw_consent_explanation (consent));
}

static void
reload (KwPersonPage *self)
{
  g_autoptr(KwRecord) record = NULL;

  if (self->id == NULL || (record = kw_store_get (self->store, "person", self->id, NULL)) == NULL)
    return;
  kw_record_editor_set_record (self->editor, record);
  update_header (self, record);
}

static void
add_rows (KwPersonPage        *self,
          AdwPreferencesGroup *group,
          const char * const  *fields)
{
  for (guint i = 0; fields[i]; i++)
    adw_preferences_group_add (group, kw_record_editor_make_row (self->editor, fields[i]));
}

static void
build (KwPersonPage *self)
{
  self->editor = kw_record_editor_new (self->store, "person");
  add_rows (self, self->details_group, detail_fields);
  add_rows (self, self->consent_group, consent_fields);
  adw_preferences_group_add (self->notes_group, kw_record_editor_make_text_view (self->editor, "notes"));
  adw_preferences_group_add (self->private_group, kw_record_editor_make_text_view (self->editor, "private_notes"));
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    {
      self->groups[i] = kw_related_group_new (self->store, i);
      gtk_box_append (GTK_BOX (self->related_box), GTK_WIDGET (self->groups[i]));
    }
}

/* Callbacks */

static void
on_store_changed_cb (KwPersonPage *self)
{
  reload (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KwPersonPage *self = KW_PERSON_PAGE (widget);

  if (self->id != NULL)
    gtk_widget_activate_action (widget, "win.delete-record", "(ss)", "person", self->id);
}

static void
forget_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KwPersonPage *self = KW_PERSON_PAGE (widget);

  if (self->id != NULL)
    gtk_widget_activate_action (widget, "win.forget-person", "s", self->id);
}

/* GObject */

static void
kw_person_page_dispose (GObject *object)
{
  KwPersonPage *self = (KwPersonPage *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* AdwBin keeps a pointer to its child: let go of it first */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_PERSON_PAGE);

  G_OBJECT_CLASS (kw_person_page_parent_class)->dispose (object);
}

static void
kw_person_page_finalize (GObject *object)
{
  KwPersonPage *self = (KwPersonPage *) object;

  g_clear_object (&self->editor);
  g_clear_object (&self->store);
  g_free (self->id);

  G_OBJECT_CLASS (kw_person_page_parent_class)->finalize (object);
}

static void
kw_person_page_class_init (KwPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_person_page_dispose;
  object_class->finalize = kw_person_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/kw-person-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, consent_badge);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, consent_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, key_figure_badge);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, private_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, related_box);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, title_label);

  gtk_widget_class_install_action (widget_class, "person.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "person.forget", NULL, forget_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "person.delete", NULL);
}

static void
kw_person_page_init (KwPersonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

KwPersonPage *
kw_person_page_new (KwStore *store)
{
  static const char * const signals[] = {
    "changed::person", "changed::contact_moment", "changed::affiliation", "changed::organisation", "changed::area",
  };
  KwPersonPage *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_PERSON_PAGE, NULL);
  self->store = g_object_ref (store);
  build (self);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_swapped (store, signals[i], G_CALLBACK (on_store_changed_cb), self);
  return self;
}

void
kw_person_page_set_id (KwPersonPage *self,
                       const char   *id)
{
  g_return_if_fail (KW_IS_PERSON_PAGE (self));

  if (g_strcmp0 (self->id, id) != 0)
    {
      g_free (self->id);
      self->id = g_strdup (id);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
  reload (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    kw_related_group_set_party (self->groups[i], "person", id);
}

const char *
kw_person_page_get_id (KwPersonPage *self)
{
  g_return_val_if_fail (KW_IS_PERSON_PAGE (self), NULL);
  return self->id;
}

GtkWidget *
kw_person_page_get_row (KwPersonPage *self,
                        const char   *field)
{
  g_return_val_if_fail (KW_IS_PERSON_PAGE (self), NULL);
  return kw_record_editor_get_row (self->editor, field);
}

KwRelatedGroup *
kw_person_page_get_group (KwPersonPage *self,
                          KwRelatedKind kind)
{
  g_return_val_if_fail (KW_IS_PERSON_PAGE (self), NULL);
  g_return_val_if_fail (kind <= KW_RELATED_CONTACT_MOMENTS, NULL);
  return self->groups[kind];
}

void
kw_person_page_focus_name (KwPersonPage *self)
{
  GtkWidget *row;

  g_return_if_fail (KW_IS_PERSON_PAGE (self));

  row = kw_record_editor_get_row (self->editor, "name");
  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
}

void
kw_person_page_set_hidden (KwPersonPage *self,
                        const char *type_name,
                        const char *id,
                        gboolean    hidden)
{
  g_return_if_fail (KW_IS_PERSON_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    kw_related_group_set_hidden (self->groups[i], type_name, id, hidden);
}
