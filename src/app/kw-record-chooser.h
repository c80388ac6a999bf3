/* kw-record-chooser.h: a popover to pick a record to refer to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_RECORD_CHOOSER (kw_record_chooser_get_type ())
G_DECLARE_FINAL_TYPE (KwRecordChooser, kw_record_chooser, KW, RECORD_CHOOSER, GtkPopover)

/* ::chosen (type_name, id) with NULLs for "none" when allow_none. */
KwRecordChooser *kw_record_chooser_new (KwStore            *store,
                                        const char * const *targets,
                                        gboolean            allow_none);

G_END_DECLS
