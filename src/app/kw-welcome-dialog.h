/* kw-welcome-dialog.h: the first start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_WELCOME_DIALOG (kw_welcome_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KwWelcomeDialog, kw_welcome_dialog, KW, WELCOME_DIALOG, AdwMessageDialog)

KwWelcomeDialog *kw_welcome_dialog_new (GtkWindow *parent,
                                        KwStore   *store,
                                        GSettings *settings);

G_END_DECLS
