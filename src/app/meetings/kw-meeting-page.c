/* kw-meeting-page.c: one meeting (bijeenkomst), edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KwRecordPage of a meeting: its kind as a badge and its date and
 * context under the title; when and where (kind, start, end, venue,
 * online link), who (alliance, unit, chair, minute taker, status) and
 * the practical side (language, interpreter, food, childcare); its
 * agenda (KwAgendaGroup) after when and where, its attendance
 * (KwAttendanceGroup) after who and the running action list
 * (KwActionsGroup). meeting.plan-next plans the next one
 * (kw_meetings_plan_next) and opens it.
 */
#define G_LOG_DOMAIN "kw-meeting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-actions-group.h"
#include "kw-agenda-group.h"
#include "kw-attendance-group.h"
#include "kw-enum-labels.h"
#include "kw-export-button.h"
#include "kw-format.h"
#include "kw-ical.h"
#include "kw-meeting-page.h"
#include "kw-meeting-publish.h"
#include "kw-meetings.h"
#include "kw-minutes-banner.h"
#include "kw-minutes-group.h"
#include "kw-venue-group.h"
#include "kw-view.h"

struct _KwMeetingPage
{
  KwRecordPage  parent_instance;

  GtkWidget    *kind_badge;
  GtkWidget    *status_badge;
  GtkWidget    *agenda;
  GtkWidget    *attendance;
  GtkWidget    *actions;
  GtkWidget    *venue;
  GtkWidget    *banner;
  GtkWidget    *minutes;
  GtkWidget    *finalise;
};

G_DEFINE_FINAL_TYPE (KwMeetingPage, kw_meeting_page, KW_TYPE_RECORD_PAGE)

static const char * const when_fields[] = {
  "title", "kind", "starts_at", "ends_at", "venue", "online_link", NULL,
};
static const char * const who_fields[] = {
  "alliance", "unit", "chair", "minute_taker", "status", NULL,
};
static const char * const practical_fields[] = {
  "language", "interpreter", "food", "childcare", NULL,
};
static const char * const * const locked_fields[] = {
  when_fields, who_fields, practical_fields, (const char * const []) { "minutes", NULL },
};

/* KwRecordPage */

static void
set_badge (GtkWidget  *badge,
           KwRecord   *record,
           const char *field)
{
  const char *value = kw_record_get_string (record, field);

  gtk_label_set_label (GTK_LABEL (badge), value ? kw_enum_label (kw_entity_type_field (kw_record_get_entity_type (record), field), value) : "");
  gtk_widget_set_visible (badge, value != NULL);
}

/* Finalised minutes: the page can be read, not edited. */
static void
lock_page (KwMeetingPage *self,
           gboolean       locked)
{
  for (guint i = 0; i < G_N_ELEMENTS (locked_fields); i++)
    for (guint j = 0; locked_fields[i][j]; j++)
      {
        GtkWidget *row = kw_record_page_get_row (KW_RECORD_PAGE (self), locked_fields[i][j]);

        if (GTK_IS_TEXT_VIEW (row))
          gtk_text_view_set_editable (GTK_TEXT_VIEW (row), !locked);
        else if (row != NULL)
          gtk_widget_set_sensitive (row, !locked);
      }
  gtk_widget_set_sensitive (self->agenda, !locked);
  gtk_widget_set_sensitive (self->attendance, !locked);
  kw_minutes_group_set_locked (KW_MINUTES_GROUP (self->minutes), locked);
  gtk_widget_set_visible (self->finalise, !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.finalise", !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.reopen", locked);
}

static void
kw_meeting_page_reload (KwRecordPage *page,
                        KwRecord     *record,
                        gboolean      same)
{
  KwMeetingPage *self = KW_MEETING_PAGE (page);
  KwStore *store = kw_record_page_get_store (page);
  const char *alliance = kw_record_get_string (record, "alliance");
  const char *unit = kw_record_get_string (record, "unit");
  g_autofree char *when = kw_format_datetime (kw_record_get_string (record, "starts_at"));
  g_autofree char *context = alliance ? kw_store_dup_reference_title (store, (const char * const []) { "alliance", NULL }, alliance)
                             : unit ? kw_store_dup_reference_title (store, (const char * const []) { "network_unit", NULL }, unit)
                             : NULL;
  g_autofree char *subtitle = when && context ? g_strdup_printf ("%s · %s", when, context)
                              : g_strdup (when ? when : context);

  kw_record_page_set_subtitle (page, subtitle);
  set_badge (self->kind_badge, record, "kind");
  set_badge (self->status_badge, record, "status");
  if (g_strcmp0 (kw_record_get_string (record, "status"), "cancelled") == 0)
    gtk_widget_add_css_class (self->status_badge, "error");
  else
    gtk_widget_remove_css_class (self->status_badge, "error");
  kw_venue_group_set_meeting (KW_VENUE_GROUP (self->venue), kw_record_get_id (record));
  lock_page (self, kw_minutes_banner_update (KW_MINUTES_BANNER (self->banner), store, record));
  if (!same)
    {
      kw_minutes_group_set_meeting (KW_MINUTES_GROUP (self->minutes), kw_record_get_id (record));
      kw_agenda_group_set_meeting (KW_AGENDA_GROUP (self->agenda), kw_record_get_id (record));
      kw_attendance_group_set_meeting (KW_ATTENDANCE_GROUP (self->attendance), kw_record_get_id (record));
      kw_actions_group_set_meeting (KW_ACTIONS_GROUP (self->actions), kw_record_get_id (record));
    }
}

/* GObject */

static AdwPreferencesGroup *
add_group (KwRecordPage *page,
           const char   *title,
           gboolean      stored_only)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  kw_record_page_add_section (page, group, stored_only);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_badge (KwRecordPage *page)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "badge");
  kw_record_page_add_badge (page, badge);
  return badge;
}

static void
kw_meeting_page_constructed (GObject *object)
{
  KwMeetingPage *self = KW_MEETING_PAGE (object);
  KwRecordPage *page = KW_RECORD_PAGE (object);
  GtkWidget *button;

  G_OBJECT_CLASS (kw_meeting_page_parent_class)->constructed (object);

  self->kind_badge = add_badge (page);
  self->status_badge = add_badge (page);
  self->banner = kw_minutes_banner_new ();
  kw_record_page_add_section (page, self->banner, TRUE);
  kw_record_page_add_rows (page, add_group (page, _("When and Where"), FALSE), when_fields);
  self->venue = kw_venue_group_new (kw_record_page_get_store (page));
  kw_record_page_add_section (page, self->venue, TRUE);
  self->agenda = kw_agenda_group_new (kw_record_page_get_store (page));
  kw_record_page_add_section (page, self->agenda, TRUE);
  kw_record_page_add_rows (page, add_group (page, _("Who"), FALSE), who_fields);
  self->attendance = kw_attendance_group_new (kw_record_page_get_store (page));
  kw_record_page_add_section (page, self->attendance, TRUE);
  kw_record_page_add_text_view (page, add_group (page, _("Minutes"), TRUE), "minutes");
  self->minutes = kw_minutes_group_new (kw_record_page_get_store (page));
  kw_record_page_add_section (page, self->minutes, TRUE);
  self->finalise = gtk_button_new_with_mnemonic (_("_Finalise Minutes…"));
  gtk_widget_set_halign (self->finalise, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->finalise), "meeting.finalise");
  gtk_widget_set_tooltip_text (self->finalise, _("Lock the minutes, the agenda and the attendance, with the date"));
  gtk_widget_add_css_class (self->finalise, "pill");
  kw_record_page_add_section (page, self->finalise, TRUE);
  self->actions = kw_actions_group_new (kw_record_page_get_store (page));
  kw_record_page_add_section (page, self->actions, TRUE);
  kw_record_page_add_rows (page, add_group (page, _("Practical"), FALSE), practical_fields);
  button = gtk_button_new_with_mnemonic (_("_Plan the Next Meeting"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meeting.plan-next");
  gtk_widget_set_tooltip_text (button, _("A new meeting after the usual interval, with the standing items and those for next time"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  kw_record_page_add_section (page, button, TRUE);
  button = gtk_button_new_with_mnemonic (_("Save to _Calendar…"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meeting.export-ical");
  gtk_widget_set_tooltip_text (button, _("An .ics file of this meeting for a calendar program"));
  gtk_widget_add_css_class (button, "pill");
  kw_record_page_add_section (page, button, TRUE);
  kw_record_page_add_section (page, kw_meeting_publish_new_button (), TRUE);
  kw_record_page_add_section (page, kw_export_button_new (), TRUE);
  button = gtk_button_new_with_mnemonic (_("_Delete Meeting"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meeting.delete");
  gtk_widget_set_tooltip_text (button, _("Delete this meeting, its agenda and its attendance; you can undo it for a few seconds"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  kw_record_page_add_section (page, button, TRUE);
}

static void
show_toast (GtkWidget  *widget,
            const char *text)
{
  GtkWidget *view = gtk_widget_get_ancestor (widget, KW_TYPE_VIEW);
  g_autofree char *markup = g_markup_escape_text (text, -1);

  if (view != NULL)
    kw_view_show_toast (KW_VIEW (view), adw_toast_new (markup));
}

static void
plan_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KwRecordPage *page = KW_RECORD_PAGE (widget);
  g_autofree char *new_id = NULL;
  g_autoptr(GError) error = NULL;

  if (kw_record_page_get_id (page) == NULL)
    return;
  if (!kw_meetings_plan_next (kw_record_page_get_store (page), kw_record_page_get_id (page), &new_id, &error))
    {
      show_toast (widget, error->message);
      return;
    }
  gtk_widget_activate_action (widget, "win.open-record", "(ss)", "meeting", new_id);
}

static void
on_ical_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     KwRecordPage    *page)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (path != NULL && !kw_meeting_page_save_ical (KW_MEETING_PAGE (page), path, &error))
    show_toast (GTK_WIDGET (page), error->message);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_ical_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Save to Calendar"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "meeting.ics");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_ical_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
finalise_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KwRecordPage *page = KW_RECORD_PAGE (widget);

  if (kw_record_page_get_id (page) != NULL)
    kw_minutes_confirm_finalise (widget, kw_record_page_get_store (page), kw_record_page_get_id (page));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KwRecordPage *page = KW_RECORD_PAGE (widget);

  if (kw_record_page_get_id (page) != NULL)
    kw_minutes_ask_reopen (widget, kw_record_page_get_store (page), kw_record_page_get_id (page));
}

static void
kw_meeting_page_class_init (KwMeetingPageClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = kw_meeting_page_constructed;
  KW_RECORD_PAGE_CLASS (klass)->reload = kw_meeting_page_reload;

  kw_record_page_class_install_actions (KW_RECORD_PAGE_CLASS (klass), "meeting");
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "meeting.export-ical", NULL, export_ical_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "meeting.plan-next", NULL, plan_next_action);
  kw_meeting_publish_install_actions (GTK_WIDGET_CLASS (klass));
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "meeting.finalise", NULL, finalise_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "meeting.reopen", NULL, reopen_action);
}

static void
kw_meeting_page_init (KwMeetingPage *self)
{
}

/* Public API */

KwMeetingPage *
kw_meeting_page_new (KwStore *store)
{
  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  return g_object_new (KW_TYPE_MEETING_PAGE, "store", store, "type-name", "meeting", NULL);
}

void
kw_meeting_page_start_draft (KwMeetingPage *self)
{
  g_return_if_fail (KW_IS_MEETING_PAGE (self));

  kw_record_page_start_draft (KW_RECORD_PAGE (self), _("New Meeting"), _("Leave without adding a meeting"),
                              _("Add this meeting"));
}

GtkWidget *
kw_meeting_page_get_agenda (KwMeetingPage *self)
{
  g_return_val_if_fail (KW_IS_MEETING_PAGE (self), NULL);
  return self->agenda;
}

GtkWidget *
kw_meeting_page_get_attendance (KwMeetingPage *self)
{
  g_return_val_if_fail (KW_IS_MEETING_PAGE (self), NULL);
  return self->attendance;
}

GtkWidget *
kw_meeting_page_get_minutes (KwMeetingPage *self)
{
  g_return_val_if_fail (KW_IS_MEETING_PAGE (self), NULL);
  return self->minutes;
}

GtkWidget *
kw_meeting_page_get_banner (KwMeetingPage *self)
{
  g_return_val_if_fail (KW_IS_MEETING_PAGE (self), NULL);
  return self->banner;
}

GtkWidget *
kw_meeting_page_get_actions (KwMeetingPage *self)
{
  g_return_val_if_fail (KW_IS_MEETING_PAGE (self), NULL);
  return self->actions;
}

gboolean
kw_meeting_page_save_ical (KwMeetingPage  *self,
                           const char     *path,
                           GError        **error)
{
  KwRecordPage *page = KW_RECORD_PAGE (self);

  g_return_val_if_fail (KW_IS_MEETING_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (kw_record_page_get_id (page) == NULL)
    return TRUE;
  if (!kw_ical_write (kw_record_page_get_store (page), kw_record_page_get_id (page), path, NULL, error))
    return FALSE;
  show_toast (GTK_WIDGET (page), _("Calendar file saved"));
  return TRUE;
}

GtkWidget *
kw_meeting_page_get_venue (KwMeetingPage *self)
{
  g_return_val_if_fail (KW_IS_MEETING_PAGE (self), NULL);
  return self->venue;
}
