/* kw-import-people-dialog.c: a preview of people to import, and the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a CSV file, a combo row per column says which field it holds
 * (guessed from the header); for both formats a preview shows who is
 * already here, and a choice says what to do with them. The import is
 * one transaction; a vCard's ORG becomes an affiliation when that
 * organisation is known.
 */
#define G_LOG_DOMAIN "kw-import-people-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-import-people-dialog.h"
#include "kw-people-import.h"
#include "kw-store-task.h"

#define PREVIEW_ROWS 20

struct _KwImportPeopleDialog
{
  AdwWindow            parent_instance;

  KwStore             *store;
  GPtrArray           *rows;       /* CSV: rows of cells, or NULL */
  GStrv                columns;    /* CSV: the field of each column */
  GPtrArray           *people;     /* GHashTable field → text */
  GPtrArray           *preview_rows;
  GCancellable        *cancellable;
  gboolean             busy;

  GtkWidget           *content;
  AdwPreferencesGroup *columns_group;
  GtkWidget           *import_button;
  AdwComboRow         *policy_row;
  AdwPreferencesGroup *preview_group;
  GtkWidget           *spinner;
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

/* The fields a column can hold, "" first for "leave out". */
static const char * const column_fields[] = {
  "", "name", "phone", "email", "languages", "communities", "topics", "notes", NULL,
};

/* Helpers */

static GtkWidget *
make_preview_row (KwImportPeopleDialog *self,
                  GHashTable           *person)
{
  GtkWidget *row = adw_action_row_new ();
  const char *email = g_hash_table_lookup (person, "email");
  const char *phone = g_hash_table_lookup (person, "phone");
  g_autofree char *subtitle = email && phone ? g_strdup_printf ("%s · %s", email, phone)
                                             : g_strdup (email ? email : phone ? phone : "");
  g_autofree char *existing = kw_people_find_existing (self->store, person);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_hash_table_lookup (person, "name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (existing != NULL)
    {
      GtkWidget *badge = gtk_label_new (_("Already here"));

      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_add_css_class (badge, "key-figure");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  return row;
}

static void
update_preview (KwImportPeopleDialog *self)
{
  g_autofree char *description = NULL;
  guint n;

  if (self->rows != NULL)
    {
      g_clear_pointer (&self->people, g_ptr_array_unref);
      self->people = kw_csv_to_people (self->rows, (const char * const *) self->columns);
    }
  for (guint i = 0; i < self->preview_rows->len; i++)
    adw_preferences_group_remove (self->preview_group, g_ptr_array_index (self->preview_rows, i));
  g_ptr_array_set_size (self->preview_rows, 0);
  n = self->people->len;
  for (guint i = 0; i < MIN (n, PREVIEW_ROWS); i++)
    {
      GtkWidget *row = make_preview_row (self, g_ptr_array_index (self->people, i));

      adw_preferences_group_add (self->preview_group, row);
      g_ptr_array_add (self->preview_rows, row);
    }
  description = n > PREVIEW_ROWS
    ? g_strdup_printf (_("%u people with a name in the file; the first %u:"), n, PREVIEW_ROWS)
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person with a name in the file:",
                                    "%u people with a name in the file:", n), n);
  adw_preferences_group_set_description (self->preview_group, description);
  gtk_widget_set_sensitive (self->import_button, n > 0);
}

static void
on_column_row_selected_cb (AdwComboRow          *row,
                           GParamSpec           *pspec,
                           KwImportPeopleDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kw-column"));
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (column_fields) - 1)
    kw_import_people_dialog_set_column (self, column, column_fields[selected]);
}

static GListModel *
make_fields_model (void)
{
  const KwEntityType *person = kw_registry_lookup ("person");
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Leave out"));
  for (guint i = 1; column_fields[i]; i++)
    gtk_string_list_append (list, _(kw_entity_type_field (person, column_fields[i])->label));
  return G_LIST_MODEL (list);
}

static void
build_columns (KwImportPeopleDialog *self)
{
  GStrv header = g_ptr_array_index (self->rows, 0);
  GStrv first = g_ptr_array_index (self->rows, 1);
  guint n = g_strv_length (header);

  self->columns = g_new0 (char *, n + 1);
  for (guint c = 0; c < n; c++)
    {
      const char *guess = kw_csv_guess_field (header[c]);
      g_autoptr(GListModel) model = make_fields_model ();
      GtkWidget *row = adw_combo_row_new ();

      self->columns[c] = g_strdup (guess ? guess : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *header[c] ? header[c] : _("(no header)"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c < g_strv_length (first) ? first[c] : "");
      adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
      for (guint f = 0; column_fields[f]; f++)
        if (g_str_equal (column_fields[f], self->columns[c]))
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), f);
      g_object_set_data (G_OBJECT (row), "kw-column", GUINT_TO_POINTER (c));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_row_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, row);
    }
}

/* Callbacks */

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

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KwImportPeopleDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint added, updated, skipped;

  if (kw_import_people_dialog_import_finish (self, result, &added, &updated, &skipped, &error))
    gtk_window_close (GTK_WINDOW (self));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error->message);
}

static void
on_import_button_clicked_cb (KwImportPeopleDialog *self)
{
  if (kw_store_task_is_running (self->store))
    {
      show_error (self, _("Another import or a sync is still running. Try again when it is done."));
      return;
    }
  kw_import_people_dialog_import_async (self, self->cancellable, on_import_done_cb, g_object_ref (self));
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
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);
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

  /* ::imported (added, updated, skipped) */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/kw-import-people-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, content);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, policy_row);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, KwImportPeopleDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kw_import_people_dialog_init (KwImportPeopleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->preview_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
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
  KwImportPeopleDialog *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (parsed != NULL, NULL);

  self = g_object_new (KW_TYPE_IMPORT_PEOPLE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
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

static KwImportPolicy
get_policy (KwImportPeopleDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->policy_row), KW_IMPORT_CREATE);
}

gboolean
kw_import_people_dialog_import (KwImportPeopleDialog  *self,
                                guint                 *added,
                                guint                 *updated,
                                guint                 *skipped,
                                GError               **error)
{
  KwPeopleImportCounts counts;

  g_return_val_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self), FALSE);

  if (!kw_people_import (self->store, self->people, get_policy (self), &counts, NULL, error))
    return FALSE;
  *added = counts.added;
  *updated = counts.updated;
  *skipped = counts.skipped;
  g_signal_emit (self, signals[IMPORTED], 0, counts.added, counts.updated, counts.skipped);
  return TRUE;
}

void
kw_import_people_dialog_import_async (KwImportPeopleDialog *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_return_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self));
  g_return_if_fail (!self->busy);

  set_busy (self, TRUE);
  kw_people_import_async (self->store, self->people, get_policy (self), cancellable, callback, user_data);
}

gboolean
kw_import_people_dialog_import_finish (KwImportPeopleDialog  *self,
                                       GAsyncResult          *result,
                                       guint                 *added,
                                       guint                 *updated,
                                       guint                 *skipped,
                                       GError               **error)
{
  KwPeopleImportCounts counts;

  g_return_val_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self), FALSE);

  set_busy (self, FALSE);
  if (!kw_people_import_finish (self->store, result, &counts, error))
    return FALSE;
  *added = counts.added;
  *updated = counts.updated;
  *skipped = counts.skipped;
  g_signal_emit (self, signals[IMPORTED], 0, counts.added, counts.updated, counts.skipped);
  return TRUE;
}

gboolean
kw_import_people_dialog_get_busy (KwImportPeopleDialog *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_PEOPLE_DIALOG (self), FALSE);
  return self->busy;
}
