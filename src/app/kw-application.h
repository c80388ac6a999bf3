/* kw-application.h: the Kwartier application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_APPLICATION (kw_application_get_type ())
G_DECLARE_FINAL_TYPE (KwApplication, kw_application, KW, APPLICATION, AdwApplication)

KwApplication *kw_application_new       (void);
KwStore       *kw_application_get_store (KwApplication *self);
/* The database: $KWARTIER_DB, or kwartier/kwartier.db in the user data dir. */
char          *kw_application_dup_database_path (void);
/* Before any string is translated (main does it first): the locale of
 * the environment, the language chosen in Preferences (the "language"
 * key), and the translations from $KW_LOCALEDIR when set (an uninstalled
 * build: build-aux/dev run sets it), else from LOCALEDIR. */
void           kw_application_setup_locale (void);
/* The About window (AdwAboutWindow), transient for and modal to parent
 * when there is one; present it. */
GtkWindow     *kw_application_new_about_window (GtkWindow *parent);
/* The release notes that the About window shows (translated markup). */
const char    *kw_application_get_release_notes (void);

G_END_DECLS
