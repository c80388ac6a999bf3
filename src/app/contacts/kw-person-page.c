/* kw-person-page.c: everything about one person, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwRecordPage (the header, the editor rows, reload, delete, the
 * draft of a new person) with what only a person has: the key-figure
 * and consent badges, the consent group with its prompt to date a
 * changed consent today, the private notes, "Forget This Person…", and
 * affiliations, relations and contact moments as KwChildGroups.
 */
#define G_LOG_DOMAIN "kw-person-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-affiliation-group.h"
#include "kw-contact-moment-group.h"
#include "kw-enum-labels.h"
#include "kw-format.h"
#include "kw-person-page.h"
#include "kw-relation-group.h"
#include "kw-store-query.h"
#include "networks/kw-load-window.h"

struct _KwPersonPage
{
  KwRecordPage         parent_instance;

  char                *consent;      /* as last shown, to notice a change */
  GtkWidget           *consent_prompt;

  GtkLabel            *consent_badge;
  AdwPreferencesGroup *consent_group;
  GtkWidget           *danger_box;
  AdwPreferencesGroup *details_group;
  GtkWidget           *key_figure_badge;
  GtkWidget           *load_badge;
  AdwPreferencesGroup *notes_group;
  AdwPreferencesGroup *private_group;
  GtkWidget           *related_box;
};

G_DEFINE_FINAL_TYPE (KwPersonPage, kw_person_page, KW_TYPE_RECORD_PAGE)

static const char * const detail_fields[] = {
  "name", "phone", "email", "area", "languages", "communities", "topics", "key_figure", NULL,
};
static const char * const consent_fields[] = { "consent", "consent_date", "consent_note", NULL };

/* Helpers */

/* A tooltip set again only when it changes: setting one queries the
 * tooltip under the pointer, a timeout that may outlive the window. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static char *
dup_subtitle (KwPersonPage *self,
              KwRecord     *record)
{
  KwStore *store = kw_record_page_get_store (KW_RECORD_PAGE (self));
  g_autofree char *area = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *last = kw_store_dup_last_contact (store, kw_record_get_id (record));
  g_autofree char *last_text = last ? kw_format_day (last) : NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  kw_store_query_summary (store, "person", kw_record_get_id (record), &area, &organisation);
  if (organisation != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&organisation));
  if (area != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&area));
  if (last_text != NULL && g_strcmp0 (last_text, _("Today")) == 0)
    g_ptr_array_add (parts, g_strdup (_("last contact today")));
  else
    g_ptr_array_add (parts, last_text ? g_strdup_printf (_("last contact %s"), last_text)
                                      : g_strdup (_("no contact logged yet")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update_badges (KwPersonPage *self,
               KwRecord     *record)
{
  const char *consent = kw_record_get_string (record, "consent");
  const KwField *field = kw_entity_type_field (kw_record_get_entity_type (record), "consent");
  GtkWidget *consent_row = kw_person_page_get_row (self, "consent");
  GtkWidget *badge = GTK_WIDGET (self->consent_badge);

  gtk_widget_set_visible (self->key_figure_badge, kw_record_get_bool (record, "key_figure"));
  gtk_label_set_label (self->consent_badge, consent ? kw_enum_label (field, consent) : _("Consent not asked"));
  set_tooltip (badge, kw_consent_explanation (consent));
  gtk_widget_remove_css_class (badge, "private");
  gtk_widget_remove_css_class (badge, "shared");
  gtk_widget_remove_css_class (badge, "positive");
  gtk_widget_add_css_class (badge, g_strcmp0 (consent, "public") == 0 ? "positive"
                                   : g_strcmp0 (consent, "shared") == 0 ? "shared" : "private");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (consent_row), kw_consent_explanation (consent));
}

static gboolean
is_today (const char *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return g_strcmp0 (date, today) == 0;
}

/* After the consent changed: offer to date it today. */
static void
update_consent_prompt (KwPersonPage *self,
                       KwRecord     *record,
                       gboolean      same_person)
{
  const char *consent = kw_record_get_string (record, "consent");
  gboolean changed = same_person && g_strcmp0 (consent, self->consent) != 0;

  if (changed && consent != NULL && !is_today (kw_record_get_string (record, "consent_date")))
    gtk_widget_set_visible (self->consent_prompt, TRUE);
  else if (!same_person || is_today (kw_record_get_string (record, "consent_date")))
    gtk_widget_set_visible (self->consent_prompt, FALSE);
  g_free (self->consent);
  self->consent = g_strdup (consent);
}

static void
on_date_today_clicked_cb (KwPersonPage *self)
{
  const char *id = kw_person_page_get_id (self);
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (self->consent_prompt, FALSE);
  kw_changeset_set_string (changes, "consent_date", today);
  if (id != NULL && !kw_store_update (kw_record_page_get_store (KW_RECORD_PAGE (self)), id, changes, &error))
    g_warning ("could not date the consent: %s", error->message);
}

static GtkWidget *
make_consent_prompt (KwPersonPage *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Set to _Today"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The consent changed"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Was it given today? Then its date is today."));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Set “Consent given on” to today"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_date_today_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_add_css_class (row, "consent-prompt");
  gtk_widget_set_visible (row, FALSE);
  return row;
}

/* KwRecordPage */

static void
kw_person_page_reload (KwRecordPage *page,
                       KwRecord     *record,
                       gboolean      same)
{
  KwPersonPage *self = KW_PERSON_PAGE (page);
  g_autofree char *subtitle = dup_subtitle (self, record);

  kw_record_page_set_subtitle (page, subtitle);
  update_badges (self, record);
  update_consent_prompt (self, record, same);
  kw_load_window_update_badge (self->load_badge, kw_record_page_get_store (page), kw_record_get_id (record));
}

/* GObject */

static void
kw_person_page_constructed (GObject *object)
{
  KwPersonPage *self = KW_PERSON_PAGE (object);
  KwRecordPage *page = KW_RECORD_PAGE (object);
  KwChildGroup *groups[3];

  G_OBJECT_CLASS (kw_person_page_parent_class)->constructed (object);

  kw_record_page_add_badge (page, self->key_figure_badge);
  kw_record_page_add_badge (page, GTK_WIDGET (self->consent_badge));
  self->load_badge = kw_load_window_make_badge ();
  kw_record_page_add_badge (page, self->load_badge);
  kw_record_page_add_section (page, GTK_WIDGET (self->details_group), FALSE);
  kw_record_page_add_section (page, GTK_WIDGET (self->consent_group), FALSE);
  kw_record_page_add_section (page, self->related_box, TRUE);
  kw_record_page_add_section (page, GTK_WIDGET (self->notes_group), FALSE);
  kw_record_page_add_section (page, GTK_WIDGET (self->private_group), FALSE);
  kw_record_page_add_section (page, self->danger_box, TRUE);
  kw_record_page_add_rows (page, self->details_group, detail_fields);
  kw_record_page_add_rows (page, self->consent_group, consent_fields);
  kw_record_page_add_text_view (page, self->notes_group, "notes");
  kw_record_page_add_text_view (page, self->private_group, "private_notes");
  groups[0] = kw_affiliation_group_new (kw_record_page_get_store (page));
  groups[1] = kw_relation_group_new (kw_record_page_get_store (page));
  groups[2] = kw_contact_moment_group_new (kw_record_page_get_store (page));
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      gtk_box_append (GTK_BOX (self->related_box), GTK_WIDGET (groups[i]));
      kw_record_page_add_child_group (page, groups[i]);
    }
  self->consent_prompt = make_consent_prompt (self);
  adw_preferences_group_add (self->consent_group, self->consent_prompt);
}

static void
kw_person_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_PERSON_PAGE);

  G_OBJECT_CLASS (kw_person_page_parent_class)->dispose (object);
}

static void
kw_person_page_finalize (GObject *object)
{
  g_free (KW_PERSON_PAGE (object)->consent);

  G_OBJECT_CLASS (kw_person_page_parent_class)->finalize (object);
}

static void
kw_person_page_class_init (KwPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kw_person_page_constructed;
  object_class->dispose = kw_person_page_dispose;
  object_class->finalize = kw_person_page_finalize;
  KW_RECORD_PAGE_CLASS (klass)->reload = kw_person_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/contacts/kw-person-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, consent_badge);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, consent_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, danger_box);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, key_figure_badge);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, private_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, related_box);

  kw_record_page_class_install_actions (KW_RECORD_PAGE_CLASS (klass), "person");
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
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_PERSON_PAGE, "store", store, "type-name", "person", NULL);
}

void
kw_person_page_start_draft (KwPersonPage *self)
{
  g_return_if_fail (KW_IS_PERSON_PAGE (self));

  kw_record_page_start_draft (KW_RECORD_PAGE (self), _("New Person"), _("Leave without adding anyone"),
                              _("Add this person to the contacts"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (kw_person_page_get_row (self, "consent")),
                               kw_consent_explanation (NULL));
  gtk_widget_set_visible (self->consent_prompt, FALSE);
}
