/* kw-person-page.c: everything about one person, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field of the registry's person is a row (KwRecordEditor);
 * affiliations, relations and contact moments are KwRelatedGroups.
 * A new person is a draft (kw_person_page_start_draft()): stored only
 * when it has a name and the user adds it. Leaving a person with an edit
 * the store refused asks first.
 */
#define G_LOG_DOMAIN "kw-person-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-contacts-view.h"
#include "kw-enum-labels.h"
#include "kw-format.h"
#include "kw-person-page.h"
#include "kw-record-editor.h"
#include "kw-store-query.h"

struct _KwPersonPage
{
  AdwBin              parent_instance;

  KwStore            *store;
  KwRecordEditor     *editor;
  char               *id;
  char               *pending_id;   /* to open once the user decides about an invalid edit */
  char               *consent;      /* as last shown, to notice a change */
  guint               asking;       /* the source that will ask about pending_id */
  KwRelatedGroup     *groups[3];
  GtkWidget          *consent_prompt;

  AdwAvatar          *avatar;
  GtkLabel           *consent_badge;
  AdwPreferencesGroup *consent_group;
  GtkWidget          *content_box;
  GtkWidget          *danger_box;
  AdwPreferencesGroup *details_group;
  GtkWidget          *draft_bar;
  GtkWidget          *header_box;
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
  g_autofree char *last_text = last ? kw_format_day (last) : NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  kw_store_query_summary (self->store, "person", self->id, &area, &organisation);
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
reload (KwPersonPage *self)
{
  g_autoptr(KwRecord) record = NULL;
  KwRecord *shown = kw_record_editor_get_record (self->editor);
  gboolean same;

  if (self->id == NULL || (record = kw_store_get (self->store, "person", self->id, NULL)) == NULL)
    return;
  same = shown != NULL && g_str_equal (kw_record_get_id (shown), self->id);
  kw_record_editor_set_record (self->editor, record);
  update_header (self, record);
  update_consent_prompt (self, record, same);
}

static void
show_draft (KwPersonPage *self,
            gboolean      draft)
{
  gtk_widget_set_visible (self->draft_bar, draft);
  gtk_widget_set_visible (self->header_box, !draft);
  gtk_widget_set_visible (self->related_box, !draft);
  gtk_widget_set_visible (self->danger_box, !draft);
  gtk_widget_set_visible (self->consent_prompt, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.delete", !draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.cancel-draft", draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.forget", !draft);
}

static void
update_add_enabled (KwPersonPage *self)
{
  GtkWidget *row = kw_record_editor_get_title_row (self->editor);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.add-draft",
                                 kw_record_editor_is_draft (self->editor) && *name != '\0');
}

static KwContactsView *
get_contacts_view (KwPersonPage *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), KW_TYPE_CONTACTS_VIEW);

  return view ? KW_CONTACTS_VIEW (view) : NULL;
}

static gboolean
pointer_is_up (GtkWidget *widget)
{
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (widget));
  GdkDevice *pointer = seat ? gdk_seat_get_pointer (seat) : NULL;

  return pointer == NULL
         || (gdk_device_get_modifier_state (pointer) & (GDK_BUTTON1_MASK | GDK_BUTTON2_MASK | GDK_BUTTON3_MASK)) == 0;
}

static void
show_person (KwPersonPage *self,
             const char   *id)
{
  if (g_strcmp0 (self->id, id) != 0)
    {
      g_free (self->id);
      self->id = g_strdup (id);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
  show_draft (self, FALSE);
  reload (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    kw_related_group_set_party (self->groups[i], "person", id);
}

static void
add_rows (KwPersonPage        *self,
          AdwPreferencesGroup *group,
          const char * const  *fields)
{
  for (guint i = 0; fields[i]; i++)
    kw_record_editor_add_row (self->editor, GTK_WIDGET (group), fields[i]);
}

static void
on_date_today_clicked_cb (KwPersonPage *self)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (self->consent_prompt, FALSE);
  kw_changeset_set_string (changes, "consent_date", today);
  if (self->id != NULL && !kw_store_update (self->store, self->id, changes, &error))
    g_warning ("could not date the consent: %s", error->message);
}

/* Enter in the name of a new person adds it. */
static void
on_name_apply_cb (KwPersonPage *self)
{
  if (kw_record_editor_is_draft (self->editor))
    gtk_widget_activate_action (GTK_WIDGET (self), "person.add-draft", NULL);
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

static void
build (KwPersonPage *self)
{
  self->editor = kw_record_editor_new (self->store, "person");
  add_rows (self, self->details_group, detail_fields);
  add_rows (self, self->consent_group, consent_fields);
  adw_preferences_group_add (self->notes_group, kw_record_editor_make_text_view (self->editor, "notes"));
  adw_preferences_group_add (self->notes_group, kw_record_editor_get_message (self->editor, "notes"));
  adw_preferences_group_add (self->private_group, kw_record_editor_make_text_view (self->editor, "private_notes"));
  adw_preferences_group_add (self->private_group, kw_record_editor_get_message (self->editor, "private_notes"));
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    {
      self->groups[i] = kw_related_group_new (self->store, i);
      gtk_box_append (GTK_BOX (self->related_box), GTK_WIDGET (self->groups[i]));
    }
  self->consent_prompt = make_consent_prompt (self);
  adw_preferences_group_add (self->consent_group, self->consent_prompt);
  g_signal_connect_object (kw_record_editor_get_title_row (self->editor), "changed",
                           G_CALLBACK (update_add_enabled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kw_record_editor_get_title_row (self->editor), "apply",
                           G_CALLBACK (on_name_apply_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
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
add_draft_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KwPersonPage *self = KW_PERSON_PAGE (widget);
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
    kw_contacts_view_open (view, "person", id);
  else
    kw_person_page_set_id (self, id);
}

static void
cancel_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KwPersonPage *self = KW_PERSON_PAGE (widget);
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

/* Back to the person being edited, in the list too, once the click on
 * the dialog is over (its release may land on the list below). */
static gboolean
reselect_current (gpointer data)
{
  KwPersonPage *self = data;
  KwContactsView *view = get_contacts_view (self);

  if (!pointer_is_up (GTK_WIDGET (self)))
    return G_SOURCE_CONTINUE;
  self->asking = 0;
  if (view != NULL && self->id != NULL)
    kw_contacts_view_open (view, "person", self->id);
  return G_SOURCE_REMOVE;
}

static void
on_leave_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      KwPersonPage     *self)
{
  g_autofree char *pending = g_steal_pointer (&self->pending_id);
  KwContactsView *view = get_contacts_view (self);

  if (g_strcmp0 (response, "discard") == 0)
    {
      kw_record_editor_discard (self->editor);
      kw_person_page_set_id (self, pending);
    }
  else if (view != NULL && self->id != NULL && self->asking == 0)
    self->asking = g_timeout_add (50, reselect_current, self);
}

static gboolean present_leave_dialog (gpointer data);

/* Opening someone else with an edit the store refused: ask first, once
 * the click that opened them is over (a modal dialog in the middle of
 * the list's click leaves the list with a click that never ended). */
static void
ask_before_leaving (KwPersonPage *self,
                    const char   *next_id)
{
  g_free (self->pending_id);
  self->pending_id = g_strdup (next_id);
  if (self->asking == 0)
    self->asking = g_timeout_add (20, present_leave_dialog, self);
}

static gboolean
present_leave_dialog (gpointer data)
{
  KwPersonPage *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *label = kw_record_editor_get_invalid_label (self->editor);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (!pointer_is_up (GTK_WIDGET (self)))
    return G_SOURCE_CONTINUE;
  self->asking = 0;
  if (label == NULL)
    {
      g_autofree char *pending = g_steal_pointer (&self->pending_id);

      kw_person_page_set_id (self, pending);
      return G_SOURCE_REMOVE;
    }
  /* Translators: %s is the label of a field, "Consent given on" */
  heading = g_strdup_printf (_("Discard the change to %s?"), label);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       _("The value cannot be saved as it is. Discard it, or keep editing to correct it.")));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Editing"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
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
  g_clear_handle_id (&self->asking, g_source_remove);
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
  g_free (self->pending_id);
  g_free (self->consent);

  G_OBJECT_CLASS (kw_person_page_parent_class)->finalize (object);
}

static void
kw_person_page_class_init (KwPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_person_page_dispose;
  object_class->finalize = kw_person_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/contacts/kw-person-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, consent_badge);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, consent_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, danger_box);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, draft_bar);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, key_figure_badge);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, private_group);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, related_box);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KwPersonPage, title_label);

  gtk_widget_class_install_action (widget_class, "person.add-draft", NULL, add_draft_action);
  gtk_widget_class_install_action (widget_class, "person.cancel-draft", NULL, cancel_draft_action);
  gtk_widget_class_install_action (widget_class, "person.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "person.forget", NULL, forget_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "person.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "person.cancel-draft", NULL);
}

static void
kw_person_page_init (KwPersonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* only a draft is added or cancelled (Escape) */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.add-draft", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.cancel-draft", FALSE);
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
  const char *invalid;

  g_return_if_fail (KW_IS_PERSON_PAGE (self));

  if (self->id != NULL && g_strcmp0 (self->id, id) != 0
      && (invalid = kw_record_editor_get_invalid_label (self->editor)) != NULL
      && GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    {
      ask_before_leaving (self, id);
      return;
    }
  show_person (self, id);
}

void
kw_person_page_start_draft (KwPersonPage *self)
{
  g_return_if_fail (KW_IS_PERSON_PAGE (self));

  g_clear_pointer (&self->id, g_free);
  kw_record_editor_start_draft (self->editor);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (kw_record_editor_get_row (self->editor, "consent")),
                               kw_consent_explanation (NULL));
  show_draft (self, TRUE);
  update_add_enabled (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_widget_grab_focus (kw_record_editor_get_title_row (self->editor));
}

gboolean
kw_person_page_is_draft (KwPersonPage *self)
{
  g_return_val_if_fail (KW_IS_PERSON_PAGE (self), FALSE);
  return kw_record_editor_is_draft (self->editor);
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

GtkWidget *
kw_person_page_get_message (KwPersonPage *self,
                            const char   *field)
{
  g_return_val_if_fail (KW_IS_PERSON_PAGE (self), NULL);
  return kw_record_editor_get_message (self->editor, field);
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

  row = kw_record_editor_get_title_row (self->editor);
  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
}

