/* kw-enum-labels.h: translated labels for the values of enum fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-format.h"
#include "kw-registry.h"

G_BEGIN_DECLS

const char  *kw_enum_label        (const KwField *field,
                                   const char    *value);
/* A GListModel of GtkStringObject: "Not set" first, then every value. */
GListModel  *kw_enum_labels_model (const KwField *field,
                                   const char    *unset_label);
const char  *kw_consent_explanation (const char *consent);

G_END_DECLS
