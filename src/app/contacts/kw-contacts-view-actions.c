/* kw-contacts-view-actions.c: the contacts view's verbs: forgetting a
 * person and merging duplicates; importing and exporting people (vCard,
 * CSV)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * contacts.import-people, contacts.export-people, contacts.find-duplicates
 * and contacts.undo-import-people on the view's class (the window's menu
 * and toasts reach them through kw-action-forwarder.c), person.forget on
 * the person page. Forget and merge cannot be undone, so both ask first
 * and say afterwards what happened, in plain words. An import of people
 * can be undone from its toast, like a delete.
 */
#define G_LOG_DOMAIN "kw-contacts-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-contacts-view-private.h"
#include "kw-import-people-dialog.h"
#include "kw-merge-window.h"
#include "kw-people-export.h"
#include "kw-people-import.h"
#include "kw-person-ops.h"
#include "kw-person-page.h"

/* Helpers */

static GtkWindow *
parent_window (KwContactsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static KwStore *
view_store (KwContactsView *self)
{
  return kw_view_get_store (KW_VIEW (self));
}

/* A toast's title is markup: names and messages are escaped. */
static void
show_toast (KwContactsView *self,
            const char     *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  kw_view_show_toast (KW_VIEW (self), adw_toast_new (escaped));
}

static void
show_toast_with_action (KwContactsView *self,
                        const char     *message,
                        const char     *button_label,
                        const char     *action_name)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  kw_view_show_toast (KW_VIEW (self), toast);
}

/* The store is busy: work in a thread, or the window's (the view is
 * insensitive then). */
static gboolean
store_busy (KwContactsView *self)
{
  return !gtk_widget_is_sensitive (GTK_WIDGET (self)) || kw_store_get_busy (view_store (self));
}

static void
tell (KwContactsView *self,
      const char     *heading,
      const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
on_forget_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       KwContactsView   *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "kw-id");
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "forget") != 0)
    return;
  report = kw_person_forget (view_store (self), id, &error);
  if (report == NULL)
    {
      tell (self, _("The Person Could Not Be Forgotten"), error->message);
      return;
    }
  kw_contacts_view_close (self, id);
  tell (self, _("Forgotten"), report);
}

static void
on_merge_window_merged_cb (KwContactsView *self,
                           const char     *survivor)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(ss)", "person", survivor);
}

/* While the dialog imports in a thread, the window leaves the store alone. */
static void
on_import_people_busy_cb (KwContactsView       *self,
                          GParamSpec           *pspec,
                          KwImportPeopleDialog *dialog)
{
  kw_view_set_busy_status (KW_VIEW (self), kw_import_people_dialog_get_busy (dialog) ? _("Importing people…") : NULL);
}

/* The last import of people, for the toast's Undo. */
#define LAST_IMPORT_KEY "kw-last-people-import"

static void
on_import_people_imported_cb (KwContactsView       *self,
                              KwPeopleImportResult *result)
{
  g_object_set_data_full (G_OBJECT (self), LAST_IMPORT_KEY, kw_people_import_result_ref (result),
                          (GDestroyNotify) kw_people_import_result_unref);
}

/* When the dialog closes after an import: "3 people imported — Undo". */
static void
on_import_people_dialog_destroy_cb (KwImportPeopleDialog *dialog,
                                    KwContactsView       *self)
{
  KwPeopleImportResult *result = kw_import_people_dialog_get_result (dialog);
  g_autofree char *message = NULL;
  guint n;

  if (result == NULL || result->undone)
    return;
  if (!kw_people_import_result_has_changes (result))
    {
      show_toast (self, _("Nothing was imported: everyone is here already"));
      return;
    }
  n = kw_people_import_result_get_n_new (result) + result->updated;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person imported", "%u people imported", n), n);
  show_toast_with_action (self, message, _("_Undo"), "contacts.undo-import-people");
}

static void
undo_import_people_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  KwContactsView *self = KW_CONTACTS_VIEW (widget);
  KwPeopleImportResult *result = g_object_get_data (G_OBJECT (self), LAST_IMPORT_KEY);
  g_autoptr(GError) error = NULL;

  if (result == NULL || result->undone)
    return;
  if (store_busy (self))
    {
      show_toast (self, _("Still busy; try again when it is done"));
      return;
    }
  if (!kw_people_import_undo (view_store (self), result, &error))
    {
      show_toast (self, error->message);
      return;
    }
  show_toast (self, _("Import undone"));
}

typedef struct {
  GPtrArray *parsed;
  gboolean   csv;
} ParsedFile;

static void
parsed_file_free (ParsedFile *file)
{
  g_clear_pointer (&file->parsed, g_ptr_array_unref);
  g_free (file);
}

/* In a thread: a large file is read and parsed without the store. */
static void
parse_file_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  GError *error = NULL;
  ParsedFile *parsed = g_new0 (ParsedFile, 1);

  gsize len = 0;

  if (g_file_load_contents (file, cancellable, &text, &len, NULL, &error)
      && kw_people_file_check (text, len, &error))
    {
      parsed->csv = kw_people_file_is_csv (lower, text);
      parsed->parsed = parsed->csv ? kw_csv_parse (text, &error) : kw_vcard_parse (text, &error);
    }
  if (parsed->parsed == NULL)
    {
      parsed_file_free (parsed);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, parsed, (GDestroyNotify) parsed_file_free);
}

static void
wire_people_dialog (KwContactsView       *self,
                    KwImportPeopleDialog *dialog)
{
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_import_people_imported_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "notify::busy", G_CALLBACK (on_import_people_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_import_people_dialog_destroy_cb), self, 0);
}

/* In a store task: the names, phones and e-mail addresses of everyone
 * here, for the dialog's matches. */
static gpointer
prepare_matcher_work (KwStore       *store,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  KwPeopleMatcher *matcher = kw_people_matcher_new (store, error);

  if (matcher != NULL)
    kw_people_matcher_prepare (matcher);
  return matcher;
}

typedef struct {
  KwContactsView *view;
  ParsedFile     *parsed;
} Preparing;

static void
preparing_free (Preparing *preparing)
{
  g_object_unref (preparing->view);
  parsed_file_free (preparing->parsed);
  g_free (preparing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Preparing, preparing_free)

static void
on_matcher_prepared_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Preparing) preparing = user_data;
  KwContactsView *self = preparing->view;
  ParsedFile *parsed = preparing->parsed;
  g_autoptr(GError) error = NULL;
  KwPeopleMatcher *matcher = kw_store_run_finish (KW_STORE (source), result, &error);
  KwImportPeopleDialog *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  kw_view_set_busy_status (KW_VIEW (self), NULL);
  if (matcher == NULL)
    {
      tell (self, _("No People Found"), error->message);
      return;
    }
  dialog = kw_import_people_dialog_new_full (parent_window (self), view_store (self),
                                             parsed->parsed, parsed->csv, matcher);
  wire_people_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_people_file_parsed_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  KwContactsView *self = KW_CONTACTS_VIEW (source);
  KwStore *store = view_store (self);
  g_autoptr(GError) error = NULL;
  ParsedFile *parsed = g_task_propagate_pointer (G_TASK (result), &error);
  Preparing *preparing;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (parsed == NULL)
    {
      tell (self, _("No People Found"), error->message);
      return;
    }
  if (store_busy (self))
    {
      parsed_file_free (parsed);
      show_toast (self, _("Still busy; try again when it is done"));
      return;
    }
  preparing = g_new0 (Preparing, 1);
  preparing->view = g_object_ref (self);
  preparing->parsed = parsed;
  kw_view_set_busy_status (KW_VIEW (self), _("Reading people…"));
  kw_store_run_async (store, prepare_matcher_work, NULL, NULL, (GDestroyNotify) kw_people_matcher_free,
                           _kw_contacts_view_get_cancellable (self), on_matcher_prepared_cb, preparing);
}

static void
open_people_file (KwContactsView *self,
                  GFile          *file)
{
  g_autoptr(GTask) task = g_task_new (self, _kw_contacts_view_get_cancellable (self), on_people_file_parsed_cb, NULL);

  /* no busy state: the store is not used until the dialog imports */
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, parse_file_in_thread);
}

static void
on_people_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               KwContactsView  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    open_people_file (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_people_to (KwContactsView *self,
                  GFile          *file)
{
  KwRecordList *people = kw_contacts_view_get_list (self, "person");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  KwPeopleFormat format = g_str_has_suffix (lower, ".csv") ? KW_PEOPLE_FORMAT_CSV : KW_PEOPLE_FORMAT_VCARD;
  guint written, left_out;

  text = kw_people_export (view_store (self), G_LIST_MODEL (people), format, &written, &left_out);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                NULL, NULL, &error))
    {
      show_toast (self, error->message);
      return;
    }
  if (left_out > 0)
    {
      g_autofree char *first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person written", "%u people written",
                                                             written), written);

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s; %u left out, as their consent is private or not asked",
                                              "%s; %u left out, as their consent is private or not asked",
                                              left_out), first, left_out);
    }
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person written", "%u people written", written), written);
  show_toast (self, message);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               KwContactsView  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    export_people_to (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_export_file (KwContactsView *self,
                    gboolean        csv)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (csv ? _("Export the Listed People as CSV") : _("Export the Listed People as vCard"),
                                         parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), csv ? "kwartier-people.csv" : "kwartier-people.vcf");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_people_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              KwContactsView   *self)
{
  if (g_strcmp0 (response, "vcard") == 0 || g_strcmp0 (response, "csv") == 0)
    choose_export_file (self, g_str_equal (response, "csv"));
}

/* Offered by the Import of Kwartier exports when the file is a contact
 * file: "This is a contact file (vCard), not a Kwartier export". */
static void
on_contact_file_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             KwContactsView   *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "kw-file");

  if (g_strcmp0 (response, "import-people") == 0)
    open_people_file (self, file);
}

/* Actions */

static void
export_people_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (KW_CONTACTS_VIEW (widget)),
                                                                         _("Export the Listed People"), NULL));

  adw_message_dialog_set_body (dialog,
    _("The people the list shows, with public or shared consent; people whose consent is private or not "
      "asked stay on this device.\n\n"
      "In the file: name (split into given and family name), phone, e-mail, topics, the current "
      "organisation and role, and for CSV also the area, languages and communities.\n\n"
      "Never in the file: notes, private notes, consent details, relations and contact moments."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "csv", _("_CSV…"), "vcard", _("_vCard…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "vcard", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "vcard");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_people_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_people_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import People"), parent_window (KW_CONTACTS_VIEW (widget)), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Contact cards and spreadsheets (vCard, CSV)"));
  gtk_file_filter_add_suffix (filter, "vcf");
  gtk_file_filter_add_suffix (filter, "vcard");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_people_chooser_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}


/* "Forget Aylin Kaya?": asks, then forgets (on_forget_response_cb). */
static void
ask_forget_person (KwContactsView *self,
                   const char     *id)
{
  g_autoptr(KwRecord) person = id ? kw_store_get (view_store (self), "person", id, NULL) : NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (person == NULL || store_busy (self))
    return;
  name = kw_record_dup_title (person);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Forget %s?"), name);
  adw_message_dialog_set_body (dialog,
    _("Everything about this person is erased from this laptop: their details, notes, affiliations, "
      "relations, contact moments and attendance. Their name is taken off meetings and actions. "
      "Fellow organisers’ copies are erased at the next sync. This cannot be undone."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "forget", _("_Forget"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "forget", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kw-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_forget_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* person.forget on the person page (its Forget button) */
static void
on_person_forget_activate_cb (GSimpleAction *action,
                              GVariant      *param,
                              KwPersonPage  *page)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (page), KW_TYPE_CONTACTS_VIEW);

  if (view != NULL && kw_person_page_get_id (page) != NULL && !kw_person_page_is_draft (page))
    ask_forget_person (KW_CONTACTS_VIEW (view), kw_person_page_get_id (page));
}

static void
find_duplicates_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  KwContactsView *self = KW_CONTACTS_VIEW (widget);
  KwMergeWindow *merge = kw_merge_window_new (parent_window (self), view_store (self));

  g_signal_connect_object (merge, "merged", G_CALLBACK (on_merge_window_merged_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (merge));
}

/* For kw-contacts-view.c (and tests) */

GtkWindow *
_kw_contacts_view_open_people_dialog (KwContactsView *self,
                                      GPtrArray      *parsed,
                                      gboolean        csv)
{
  KwImportPeopleDialog *dialog;

  g_return_val_if_fail (KW_IS_CONTACTS_VIEW (self), NULL);
  dialog = kw_import_people_dialog_new_parsed (parent_window (self), view_store (self), parsed, csv);
  wire_people_dialog (self, dialog);
  return GTK_WINDOW (dialog);
}

gboolean
_kw_contacts_view_offer_people_import (KwContactsView *self,
                                       const char     *path)
{
  KwPeopleFileKind kind = kw_people_file_sniff_path (path);
  AdwMessageDialog *dialog;

  if (kind == KW_PEOPLE_FILE_OTHER)
    return FALSE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Not a Kwartier Export"), NULL));
  adw_message_dialog_format_body (dialog, _("This is a contact file (%s), not a Kwartier export. "
                                            "Import People reads the people in it."),
                                  kw_people_file_kind_name (kind));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import-people", _("_Import People…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import-people", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import-people");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kw-file", g_file_new_for_path (path), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_contact_file_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
_kw_contacts_view_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "contacts.find-duplicates", NULL, find_duplicates_action);
  gtk_widget_class_install_action (widget_class, "contacts.import-people", NULL, import_people_action);
  gtk_widget_class_install_action (widget_class, "contacts.export-people", NULL, export_people_action);
  gtk_widget_class_install_action (widget_class, "contacts.undo-import-people", NULL, undo_import_people_action);
}

/* person.* on the person page, made by the view */
void
_kw_contacts_view_add_person_actions (KwContactsView *self,
                                      GtkWidget      *page)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) forget = g_simple_action_new ("forget", NULL);

  g_return_if_fail (KW_IS_PERSON_PAGE (page));
  g_signal_connect_object (forget, "activate", G_CALLBACK (on_person_forget_activate_cb), page, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (forget));
  gtk_widget_insert_action_group (page, "person", G_ACTION_GROUP (group));
}

/* Public API (kw-contacts-view.h) */

GtkWidget *
kw_window_get_contacts_view (KwWindow *window)
{
  g_return_val_if_fail (KW_IS_WINDOW (window), NULL);
  return kw_window_get_view_for_type (window, "person");
}
