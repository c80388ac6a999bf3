/* kw-record-editor.h: rows that edit the fields of one record in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_RECORD_EDITOR (kw_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (KwRecordEditor, kw_record_editor, KW, RECORD_EDITOR, GObject)

KwRecordEditor *kw_record_editor_new        (KwStore        *store,
                                             const char     *type_name);
/* A row for the field, chosen by its kind: an entry row (with a date
 * picker for dates), a combo row, a switch row or a reference row.
 * A change is written through a changeset at once, or on apply and
 * focus-out for text; a rejected value marks the row with "error". */
GtkWidget      *kw_record_editor_make_row   (KwRecordEditor *self,
                                             const char     *field);
/* A multi-line text view for a long text field, written on focus-out. */
GtkWidget      *kw_record_editor_make_text_view (KwRecordEditor *self,
                                                 const char     *field);
GtkWidget      *kw_record_editor_get_row    (KwRecordEditor *self,
                                             const char     *field);
void            kw_record_editor_set_record (KwRecordEditor *self,
                                             KwRecord       *record);
KwRecord       *kw_record_editor_get_record (KwRecordEditor *self);

G_END_DECLS
