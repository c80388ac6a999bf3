/* kw-welcome-dialog.c: the first start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks the organiser's name and whether to begin with the demo data.
 * Emits ::done when the choice was carried out; Escape ("later") makes
 * no choice, so the welcome comes again at the next start.
 */
#define G_LOG_DOMAIN "kw-welcome-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-demo.h"
#include "kw-welcome-dialog.h"

struct _KwWelcomeDialog
{
  AdwMessageDialog  parent_instance;

  KwStore          *store;
  GSettings        *settings;

  AdwEntryRow      *name_row;
};

G_DEFINE_FINAL_TYPE (KwWelcomeDialog, kw_welcome_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
save_name (KwWelcomeDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (*name == '\0')
    return;
  g_settings_set_string (self->settings, "organiser-name", name);
  if (!kw_store_set_organiser (self->store, name, NULL))
    g_warning ("could not save the organiser name");
}

static void
show_error (KwWelcomeDialog *self,
            const GError    *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Demo Data Could Not Be Loaded"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
on_response_cb (KwWelcomeDialog *self,
                const char      *response)
{
  g_autoptr(GError) error = NULL;

  save_name (self);
  if (g_strcmp0 (response, "later") == 0)
    return;
  if (g_strcmp0 (response, "demo") == 0 && !kw_demo_load (self->store, &error))
    show_error (self, error);
  g_signal_emit (self, signals[DONE], 0);
}

/* Enter in the name: the default response, as the suggested button says. */
static void
on_name_row_entry_activated_cb (KwWelcomeDialog *self)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self),
                               adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (self)));
  gtk_window_close (GTK_WINDOW (self));  /* as a click on the button does */
}

/* GObject */

static void
kw_welcome_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_WELCOME_DIALOG);
  G_OBJECT_CLASS (kw_welcome_dialog_parent_class)->dispose (object);
}

static void
kw_welcome_dialog_finalize (GObject *object)
{
  KwWelcomeDialog *self = (KwWelcomeDialog *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kw_welcome_dialog_parent_class)->finalize (object);
}

static void
kw_welcome_dialog_class_init (KwWelcomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_welcome_dialog_dispose;
  object_class->finalize = kw_welcome_dialog_finalize;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/kw-welcome-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KwWelcomeDialog, name_row);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_response_cb);
}

static void
kw_welcome_dialog_init (KwWelcomeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

KwWelcomeDialog *
kw_welcome_dialog_new (GtkWindow *parent,
                       KwStore   *store,
                       GSettings *settings)
{
  KwWelcomeDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KW_TYPE_WELCOME_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  name = g_settings_get_string (settings, "organiser-name");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  return self;
}
