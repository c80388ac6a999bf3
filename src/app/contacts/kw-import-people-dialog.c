/* kw-import-people-dialog.c: a preview of people to import, and the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a CSV file, a combo row per column says which field it holds
 * (guessed from the header). The preview says for each person who in
 * the store they match and on which fields (kw-people-match.h), with a
 * choice per row; a match by phone or e-mail alone is a possible
 * duplicate and is never merged. One consent level for the whole
 * import. Organisations that are new are made only after asking. After
 * the import the dialog lists what changed, and can undo all of it.
 */
#define G_LOG_DOMAIN "kw-import-people-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-import-people-dialog.h"
#include "kw-people-import.h"

#define PREVIEW_ROWS 20     /* the first people of the file */
#define MAX_ROWS 200        /* and those who match, up to this many rows */
#define MAX_SCAN 2000       /* people looked up for the preview */

struct _KwImportPeopleDialog
{
  AdwWindow             parent_instance;

  KwStore              *store;
  GPtrArray            *rows;       /* CSV: rows of cells, or NULL */
  GStrv                 columns;    /* CSV: the field of each column */
  GPtrArray            *people;     /* GHashTable field → text */
  GPtrArray            *match_texts; /* per person: the preview's text, or NULL */
  GPtrArray            *preview_rows;
  GPtrArray            *summary_rows;
  KwPeopleMatcher      *matcher;
  KwPeopleImportResult *result;
  GCancellable         *cancellable;
  gboolean              busy;
  gboolean              create_organisations;

  GtkWidget            *cancel_button;
  AdwPreferencesGroup  *columns_group;
  AdwComboRow          *consent_row;
  GtkWidget            *content;
  GtkWidget            *import_button;
  AdwComboRow          *policy_row;
  AdwPreferencesGroup  *preview_group;
  GtkWidget            *settings_box;
  GtkWidget            *spinner;
  AdwPreferencesGroup  *summary_group;
  GtkWidget            *undo_button;
};

G_DEFINE_FINAL_TYPE (KwImportPeopleDialog, kw_import_people_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The fields a column can hold, "" first for "leave out"; the import's
 * own keys (kw-csv.h) have their labels here. */
static const struct {
  const char *field;
  const char *label;
} column_fields[] = {
  { "", N_("Leave out") },
  { "name", N_("Name") },
  { "_first", N_("First name") },
  { "_prefix", N_("Prefix (tussenvoegsel)") },
  { "_last", N_("Last name") },
  { "phone", N_("Phone") },
  { "email", N_("E-mail") },
  { "_organisation", N_("Organisation") },
  { "_role", N_("Role") },
  { "_area", N_("Area") },
  { "languages", N_("Languages") },
  { "communities", N_("Communities") },
  { "topics", N_("Topics") },
  { "notes", N_("Notes") },
};

/* The consent row's items, in order. */
static const char * const consent_levels[] = { NULL, "public", "shared", "private" };

/* Per-row choices: a match by name, and a possible duplicate. */
static const char * const same_choices[] = { "skip", "update", "new" };
static const char * const possible_choices[] = { "new", "skip" };

/* Helpers: the preview */

static KwImportPolicy
get_policy (KwImportPeopleDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->policy_row), KW_IMPORT_CREATE);
}

static char *
dup_match_text (const KwPeopleMatch *match,
                const char          *name)
{
  g_autofree char *fields = kw_people_match_dup_fields_label (match->fields);

  switch (match->kind)
    {
    case KW_PEOPLE_MATCH_SAME:
      /* TRANSLATORS: "Matches Wim de Graaf (same name, phone)" */
      return g_strdup_printf (_("Matches %s (same %s)"), match->name, fields);
    case KW_PEOPLE_MATCH_POSSIBLE:
      if (match->n_namesakes > 1)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u person here is called %s: a possible duplicate, added as new",
                                             "%u people here are called %s: a possible duplicate, added as new",
                                             match->n_namesakes), match->n_namesakes, name);
      /* TRANSLATORS: "Possible duplicate of Wim de Graaf (same phone): added as new" */
      return g_strdup_printf (_("Possible duplicate of %s (same %s): added as new, %s is not changed"),
                              match->name, fields, match->name);
    case KW_PEOPLE_MATCH_NONE:
    default:
      return NULL;
    }
}

static void
on_row_choice_selected_cb (GtkDropDown *drop_down,
                           GParamSpec  *pspec,
                           GHashTable  *person)
{
  const char * const *choices = g_object_get_data (G_OBJECT (drop_down), "kw-choices");
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected != GTK_INVALID_LIST_POSITION)
    g_hash_table_insert (person, g_strdup ("_policy"), g_strdup (choices[selected]));
}

/* What to do with this row: a drop-down as the row's suffix. */
static void
add_row_choice (KwImportPeopleDialog *self,
                AdwActionRow         *row,
                GHashTable           *person,
                KwPeopleMatchKind     kind)
{
  const char *same[] = { _("Skip"), _("Update"), _("Add as New"), NULL };
  const char *possible[] = { _("Add as New"), _("Skip"), NULL };
  gboolean is_same = kind == KW_PEOPLE_MATCH_SAME;
  GtkWidget *choice = gtk_drop_down_new_from_strings (is_same ? same : possible);

  g_hash_table_remove (person, "_policy");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), is_same ? get_policy (self) : 0);
  g_object_set_data (G_OBJECT (choice), "kw-choices", (gpointer) (is_same ? same_choices : possible_choices));
  g_signal_connect (choice, "notify::selected", G_CALLBACK (on_row_choice_selected_cb), person);
  gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (choice, _("What to do with this person"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What to do with this person"), -1);
  adw_action_row_add_suffix (row, choice);
}

/* "e-mail · phone · organisation (role)", the organisation marked when
 * the import would make it. */
static char *
dup_contact_line (KwImportPeopleDialog *self,
                  GHashTable           *person)
{
  const char *organisation = g_hash_table_lookup (person, "_organisation");
  const char *role = g_hash_table_lookup (person, "_role");
  gboolean is_new = organisation != NULL && self->matcher != NULL
                    && kw_people_matcher_find (self->matcher, "organisation", organisation) == NULL;
  g_autofree char *named = is_new ? g_strdup_printf (_("%s (new organisation)"), organisation) : g_strdup (organisation);
  g_autofree char *work = named && role ? g_strdup_printf ("%s, %s", named, role) : g_strdup (named ? named : role);
  const char *parts[] = { g_hash_table_lookup (person, "email"), g_hash_table_lookup (person, "phone"), work };
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_ptr_array_add (kept, (gpointer) parts[i]);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (" · ", (GStrv) kept->pdata);
}

static GtkWidget *
make_preview_row (KwImportPeopleDialog *self,
                  guint                 index,
                  const KwPeopleMatch  *match)
{
  GHashTable *person = g_ptr_array_index (self->people, index);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *contact = dup_contact_line (self, person);
  const char *text = g_ptr_array_index (self->match_texts, index);
  g_autofree char *subtitle = text ? g_strdup_printf ("%s%s%s", text, *contact ? "\n" : "", contact)
                                   : g_steal_pointer (&contact);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_hash_table_lookup (person, "name"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (match->kind != KW_PEOPLE_MATCH_NONE)
    add_row_choice (self, ADW_ACTION_ROW (row), person, match->kind);
  return row;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
fill_preview (KwImportPeopleDialog *self)
{
  for (guint i = 0; i < MIN (self->people->len, MAX_SCAN) && self->preview_rows->len < MAX_ROWS; i++)
    {
      GHashTable *person = g_ptr_array_index (self->people, i);
      KwPeopleMatch match = { 0 };
      GtkWidget *row;

      kw_people_matcher_match (self->matcher, person, &match);
      g_ptr_array_index (self->match_texts, i) = dup_match_text (&match, g_hash_table_lookup (person, "name"));
      if (i < PREVIEW_ROWS || match.kind != KW_PEOPLE_MATCH_NONE)
        {
          row = make_preview_row (self, i, &match);
          adw_preferences_group_add (self->preview_group, row);
          g_ptr_array_add (self->preview_rows, row);
        }
      kw_people_match_clear (&match);
    }
}

static char *
dup_preview_description (KwImportPeopleDialog *self)
{
  guint n = self->people->len;

  if (n == 0 && self->rows != NULL)
    return g_strdup (_("Nothing can be imported: no column holds a name. Choose Name, or First name and "
                       "Last name, for a column above."));
  if (n == 0)
    return g_strdup (_("Nothing can be imported: no card in the file has a name."));
  if (n <= PREVIEW_ROWS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person with a name in the file.",
                                         "%u people with a name in the file.", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u person with a name in the file. Shown: the first %u, and everyone who may already be here.",
                                       "%u people with a name in the file. Shown: the first %u, and everyone who may already be here.",
                                       n), n, PREVIEW_ROWS);
}

static void
update_preview (KwImportPeopleDialog *self)
{
  g_autofree char *description = NULL;

  clear_rows (self->preview_group, self->preview_rows);
  if (self->rows != NULL)
    {
      g_clear_pointer (&self->people, g_ptr_array_unref);
      self->people = kw_csv_to_people (self->rows, (const char * const *) self->columns);
    }
  g_ptr_array_set_size (self->match_texts, 0);
  g_ptr_array_set_size (self->match_texts, self->people->len);
  if (self->matcher != NULL)
    fill_preview (self);
  description = dup_preview_description (self);
  adw_preferences_group_set_description (self->preview_group, description);
  gtk_widget_set_sensitive (self->import_button, self->people->len > 0);
}

static void
on_column_row_selected_cb (AdwComboRow          *row,
                           GParamSpec           *pspec,
                           KwImportPeopleDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kw-column"));
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (column_fields))
    kw_import_people_dialog_set_column (self, column, column_fields[selected].field);
}

static void
on_policy_row_selected_cb (KwImportPeopleDialog *self)
{
  update_preview (self);   /* the rows' choices follow */
}

static GListModel *
make_fields_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (column_fields); i++)
    gtk_string_list_append (list, _(column_fields[i].label));
  return G_LIST_MODEL (list);
}

static void
build_columns (KwImportPeopleDialog *self)
{
  GStrv header = g_ptr_array_index (self->rows, 0);
  GStrv first = g_ptr_array_index (self->rows, 1);
  guint n = g_strv_length (header);

  self->columns = kw_csv_guess_columns ((const char * const *) header);
  for (guint c = 0; c < n; c++)
    {
      g_autoptr(GListModel) model = make_fields_model ();
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *header[c] ? header[c] : _("(no header)"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c < g_strv_length (first) ? first[c] : "");
      adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
      for (guint f = 0; f < G_N_ELEMENTS (column_fields); f++)
        if (g_str_equal (column_fields[f].field, self->columns[c]))
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), f);
      g_object_set_data (G_OBJECT (row), "kw-column", GUINT_TO_POINTER (c));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_row_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, row);
    }
}

/* Helpers: after the import */

static char *
dup_counts (KwPeopleImportResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person added", "%u people added",
                                                        result->added), result->added));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated",
                                                        result->updated), result->updated));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u possible duplicate",
                                                        "%u possible duplicates", result->duplicates),
                                           result->duplicates));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped",
                                                        result->skipped), result->skipped));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (GStrv) parts->pdata);
}

static char *
dup_changed_labels (GStrv fields)
{
  const KwEntityType *person = kw_registry_lookup ("person");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; fields != NULL && fields[i]; i++)
    g_ptr_array_add (labels, (gpointer) _(kw_entity_type_field (person, fields[i])->label));
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (GStrv) labels->pdata);
}

static char *
dup_outcome_text (const KwPeopleImportRow *row)
{
  g_autofree char *fields = kw_people_match_dup_fields_label (row->match.fields);
  g_autofree char *changed = NULL;

  switch (row->outcome)
    {
    case KW_PEOPLE_ROW_ADDED:
      return g_strdup (_("Added"));
    case KW_PEOPLE_ROW_ADDED_ANEW:
      return g_strdup_printf (_("Added as new, beside %s (same %s)"), row->match.name, fields);
    case KW_PEOPLE_ROW_UPDATED:
      changed = dup_changed_labels (row->changed);
      return *changed ? g_strdup_printf (_("Updated: %s"), changed) : g_strdup (_("Already here: nothing new"));
    case KW_PEOPLE_ROW_DUPLICATE:
      return g_strdup_printf (_("Added as new: possible duplicate of %s (same %s)"), row->match.name, fields);
    case KW_PEOPLE_ROW_SKIPPED:
    default:
      return g_strdup_printf (_("Skipped: already here as %s"), row->match.name ? row->match.name : "");
    }
}

static void
add_summary_row (KwImportPeopleDialog *self,
                 const char           *title,
                 const char           *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (self->summary_group, row);
  g_ptr_array_add (self->summary_rows, row);
}

static void
add_name_list_row (KwImportPeopleDialog *self,
                   const char           *title,
                   GPtrArray            *names)
{
  g_autofree char *list = NULL;

  if (names->len == 0)
    return;
  g_ptr_array_add (names, NULL);
  list = g_strjoinv (", ", (GStrv) names->pdata);
  g_ptr_array_set_size (names, names->len - 1);
  add_summary_row (self, title, list);
}

static void
show_summary (KwImportPeopleDialog *self)
{
  KwPeopleImportResult *result = self->result;
  g_autofree char *counts = dup_counts (result);

  gtk_widget_set_visible (self->settings_box, FALSE);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_group), TRUE);
  gtk_widget_set_visible (self->undo_button, kw_people_import_result_has_changes (result));
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  gtk_window_set_title (GTK_WINDOW (self), _("People Imported"));
  adw_preferences_group_set_description (self->summary_group, counts);
  clear_rows (self->summary_group, self->summary_rows);
  add_name_list_row (self, _("New organisations"), result->organisations);
  add_name_list_row (self, _("Areas not found, left empty"), result->unknown_areas);
  for (guint i = 0; i < result->rows->len && self->summary_rows->len < MAX_ROWS; i++)
    {
      const KwPeopleImportRow *row = g_ptr_array_index (result->rows, i);
      g_autofree char *text = dup_outcome_text (row);

      if (row->name != NULL)
        add_summary_row (self, row->name, text);
    }
}

/* Helpers: the import */

typedef struct {
  GPtrArray             *people;
  KwPeopleImportOptions  options;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_ptr_array_unref (data->people);
  g_free (data);
}

/* In the thread. */
static gpointer
import_work (KwStore       *store,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportData *data = user_data;

  return kw_people_import (store, data->people, &data->options, cancellable, error);
}

static void
get_options (KwImportPeopleDialog  *self,
             KwPeopleImportOptions *options)
{
  guint consent = adw_combo_row_get_selected (self->consent_row);

  options->policy = get_policy (self);
  options->consent = consent < G_N_ELEMENTS (consent_levels) ? consent_levels[consent] : NULL;
  options->create_organisations = self->create_organisations;
  options->dry_run = FALSE;
}

static void
take_result (KwImportPeopleDialog *self,
             KwPeopleImportResult *result,
             guint                *added,
             guint                *updated,
             guint                *skipped)
{
  g_clear_pointer (&self->result, kw_people_import_result_unref);
  self->result = result;
  if (added != NULL)
    *added = result->added + result->duplicates;
  if (updated != NULL)
    *updated = result->updated;
  if (skipped != NULL)
    *skipped = result->skipped;
  show_summary (self);
  g_signal_emit (self, signals[IMPORTED], 0, result);
}

static void
show_error (KwImportPeopleDialog *self,
            const char           *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_busy (KwImportPeopleDialog *self,
          gboolean              busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (self->content, !busy);
  gtk_widget_set_sensitive (self->import_button, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_window_set_deletable (GTK_WINDOW (self), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Callbacks */

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KwImportPeopleDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kw_import_people_dialog_import_finish (self, result, NULL, NULL, NULL, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error->message);
}

static void
start_import (KwImportPeopleDialog *self)
{
  kw_import_people_dialog_import_async (self, self->cancellable, on_import_done_cb, g_object_ref (self));
}

static void
on_organisations_response_cb (AdwMessageDialog     *dialog,
                              const char           *response,
                              KwImportPeopleDialog *self)
{
  if (g_strcmp0 (response, "cancel") == 0 || self->busy)
    return;
  self->create_organisations = g_strcmp0 (response, "create") == 0;
  start_import (self);
}

/* "Create 2 new organisations: …" before the import makes them. */
static gboolean
ask_about_organisations (KwImportPeopleDialog *self)
{
  g_autoptr(GPtrArray) names = kw_people_find_new_organisations (self->store, self->people, NULL);
  g_autofree char *list = NULL;
  AdwMessageDialog *dialog;

  if (names == NULL || names->len == 0)
    return FALSE;
  g_ptr_array_add (names, NULL);
  list = g_strjoinv (", ", (GStrv) names->pdata);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_set_heading (dialog, g_dngettext (GETTEXT_PACKAGE, "Create a New Organisation?",
                                                       "Create New Organisations?", names->len - 1));
  adw_message_dialog_format_body (dialog, g_dngettext (GETTEXT_PACKAGE,
                                                       "Create %u new organisation: %s. Its people get an affiliation with it, with the role from the file. Otherwise the organisation is kept in their notes.",
                                                       "Create %u new organisations: %s. Their people get an affiliation with them, with the role from the file. Otherwise the organisations are kept in their notes.",
                                                       names->len - 1), names->len - 1, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "notes", _("_Keep in Notes"),
                                    "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_organisations_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_import_button_clicked_cb (KwImportPeopleDialog *self)
{
  if (kw_store_get_busy (self->store))
    {
      show_error (self, _("Another import or a sync is still running. Try again when it is done."));
      return;
    }
  if (!ask_about_organisations (self))
    start_import (self);
}

static void
on_undo_button_clicked_cb (KwImportPeopleDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->result == NULL || kw_store_get_busy (self->store))
    return;
  if (!kw_people_import_undo (self->store, self->result, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_widget_set_visible (self->undo_button, FALSE);
  adw_preferences_group_set_description (self->summary_group, _("The import was undone: everything is as it was before."));
  clear_rows (self->summary_group, self->summary_rows);
}

/* GObject */

static gboolean
kw_import_people_dialog_close_request (GtkWindow *window)
{
  if (KW_IMPORT_PEOPLE_DIALOG (window)->busy)
    return TRUE;  /* the import finishes first */
  return GTK_WINDOW_CLASS (kw_import_people_dialog_parent_class)->close_request (window);
}

static void
kw_import_people_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, KW_IMPORT_PEOPLE_DIALOG (object)->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_import_people_dialog_dispose (GObject *object)
{
  g_cancellable_cancel (KW_IMPORT_PEOPLE_DIALOG (object)->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_IMPORT_PEOPLE_DIALOG);
  G_OBJECT_CLASS (kw_import_people_dialog_parent_class)->dispose (object);
}

static void
kw_import_people_dialog_finalize (GObject *object)
{
  KwImportPeopleDialog *self = (KwImportPeopleDialog *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_strfreev);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->match_texts, g_ptr_array_unref);
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->matcher, kw_people_matcher_free);
  g_clear_pointer (&self->result, kw_people_import_result_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kw_import_people_dialog_parent_class)->finalize (object);
}

static void
kw_import_people_dialog_class_init (KwImportPeopleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_import_people_dialog_dispose;
  object_class->finalize = kw_import_people_dialog_finalize;
  object_class->get_property = kw_import_people_dialog_get_property;
  GTK_WINDOW_CLASS (klass)->close_request = kw_import_people_dialog_close_request;

  /* an import is running in a thread: the store must not be used */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::imported (KwPeopleImportResult): what was done, with its journal */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, KW_TYPE_PEOPLE_IMPORT_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/contacts/kw-import-people-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, consent_row);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, content);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, policy_row);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, settings_box);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, undo_button);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_undo_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kw_import_people_dialog_init (KwImportPeopleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->preview_rows = g_ptr_array_new ();
  self->summary_rows = g_ptr_array_new ();
  self->match_texts = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  self->create_organisations = TRUE;
  g_signal_connect_object (self->policy_row, "notify::selected", G_CALLBACK (on_policy_row_selected_cb),
                           self, G_CONNECT_SWAPPED);
}

/* Public API */

KwImportPeopleDialog *
kw_import_people_dialog_new (GtkWindow   *parent,
                             KwStore     *store,
                             const char  *text,
                             gboolean     csv,
                             GError     **error)
{
  g_autoptr(GPtrArray) parsed = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  parsed = csv ? kw_csv_parse (text, error) : kw_vcard_parse (text, error);
  if (parsed == NULL)
    return NULL;
  return kw_import_people_dialog_new_parsed (parent, store, parsed, csv);
}

KwImportPeopleDialog *
kw_import_people_dialog_new_parsed (GtkWindow *parent,
                                    KwStore   *store,
                                    GPtrArray *parsed,
                                    gboolean   csv)
{
  g_autoptr(GError) error = NULL;
  KwPeopleMatcher *matcher;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (parsed != NULL, NULL);

  matcher = kw_people_matcher_new (store, &error);
  if (matcher == NULL)
    g_warning ("No matches in the preview: %s", error->message);
  return kw_import_people_dialog_new_full (parent, store, parsed, csv, matcher);
}

KwImportPeopleDialog *
kw_import_people_dialog_new_full (GtkWindow       *parent,
                                  KwStore         *store,
                                  GPtrArray       *parsed,
                                  gboolean         csv,
                                  KwPeopleMatcher *matcher)
{
  KwImportPeopleDialog *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (parsed != NULL, NULL);

  self = g_object_new (KW_TYPE_IMPORT_PEOPLE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->matcher = matcher;
  if (csv)
    {
      self->rows = g_ptr_array_ref (parsed);
      build_columns (self);
    }
  else
    self->people = g_ptr_array_ref (parsed);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), csv);
  update_preview (self);
  return self;
}

guint
kw_import_people_dialog_get_n_people (KwImportPeopleDialog *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self), 0);
  return self->people->len;
}

void
kw_import_people_dialog_set_column (KwImportPeopleDialog *self,
                                    guint                 column,
                                    const char           *field)
{
  g_return_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self));
  g_return_if_fail (self->columns != NULL && column < g_strv_length (self->columns));

  if (g_strcmp0 (self->columns[column], field ? field : "") == 0)
    return;
  g_free (self->columns[column]);
  self->columns[column] = g_strdup (field ? field : "");
  update_preview (self);
}

void
kw_import_people_dialog_set_policy (KwImportPeopleDialog *self,
                                    KwImportPolicy        policy)
{
  g_return_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self));
  adw_combo_row_set_selected (self->policy_row, policy);
}

void
kw_import_people_dialog_set_consent (KwImportPeopleDialog *self,
                                     const char           *consent)
{
  g_return_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (consent_levels); i++)
    if (g_strcmp0 (consent_levels[i], consent) == 0)
      adw_combo_row_set_selected (self->consent_row, i);
}

void
kw_import_people_dialog_set_create_organisations (KwImportPeopleDialog *self,
                                                  gboolean              create)
{
  g_return_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self));
  self->create_organisations = create;
}

const char *
kw_import_people_dialog_get_match_text (KwImportPeopleDialog *self,
                                        guint                 index)
{
  g_return_val_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self), NULL);
  return index < self->match_texts->len ? g_ptr_array_index (self->match_texts, index) : NULL;
}

gboolean
kw_import_people_dialog_import (KwImportPeopleDialog  *self,
                                guint                 *added,
                                guint                 *updated,
                                guint                 *skipped,
                                GError               **error)
{
  KwPeopleImportOptions options;
  KwPeopleImportResult *result;

  g_return_val_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self), FALSE);

  get_options (self, &options);
  if ((result = kw_people_import (self->store, self->people, &options, NULL, error)) == NULL)
    return FALSE;
  take_result (self, result, added, updated, skipped);
  return TRUE;
}

void
kw_import_people_dialog_import_async (KwImportPeopleDialog *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  ImportData *data;

  g_return_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self));
  g_return_if_fail (!self->busy);

  set_busy (self, TRUE);
  data = g_new0 (ImportData, 1);
  data->people = g_ptr_array_ref (self->people);
  get_options (self, &data->options);
  kw_store_run_async (self->store, import_work, data, (GDestroyNotify) import_data_free,
                           (GDestroyNotify) kw_people_import_result_unref, cancellable, callback, user_data);
}

gboolean
kw_import_people_dialog_import_finish (KwImportPeopleDialog  *self,
                                       GAsyncResult          *result,
                                       guint                 *added,
                                       guint                 *updated,
                                       guint                 *skipped,
                                       GError               **error)
{
  KwPeopleImportResult *done;

  g_return_val_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self), FALSE);

  set_busy (self, FALSE);
  if ((done = kw_store_run_finish (self->store, result, error)) == NULL)
    return FALSE;
  take_result (self, done, added, updated, skipped);
  return TRUE;
}

gboolean
kw_import_people_dialog_get_busy (KwImportPeopleDialog *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self), FALSE);
  return self->busy;
}

KwPeopleImportResult *
kw_import_people_dialog_get_result (KwImportPeopleDialog *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self), NULL);
  return self->result;
}
