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
/* A record never offered (a person cannot relate to themself). */
void             kw_record_chooser_set_excluded (KwRecordChooser *self,
                                                 const char      *id);
/* Shows what the search finds; the number of records offered. */
void             kw_record_chooser_search       (KwRecordChooser *self,
                                                 const char      *text);
guint            kw_record_chooser_get_n_results (KwRecordChooser *self);

G_END_DECLS
