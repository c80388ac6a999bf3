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
/* The row of the type's title field (the registry's), or NULL. */
GtkWidget      *kw_record_editor_get_title_row (KwRecordEditor *self);
void            kw_record_editor_set_record (KwRecordEditor *self,
                                             KwRecord       *record);
KwRecord       *kw_record_editor_get_record (KwRecordEditor *self);
/* Makes the field's row and adds it, with the row under it that says
 * what is wrong with a refused value, to an AdwPreferencesGroup or an
 * AdwExpanderRow. */
void            kw_record_editor_add_row    (KwRecordEditor *self,
                                             GtkWidget      *container,
                                             const char     *field);
/* The message row under the field's row (a label for a text view). */
GtkWidget      *kw_record_editor_get_message (KwRecordEditor *self,
                                              const char     *field);
/* The popover of a date row's or reference row's button (a GtkPopover
 * holding a GtkCalendar, or a KwRecordChooser), made on first use: made
 * now if it was not yet. NULL for other rows. */
GtkWidget      *kw_record_editor_get_popover (KwRecordEditor *self,
                                              const char     *field);
/* The label of a field that holds an edit the store refused, or NULL. */
const char     *kw_record_editor_get_invalid_label (KwRecordEditor *self);
/* Shows the stored values again, dropping edits not written. */
void            kw_record_editor_discard    (KwRecordEditor *self);
/* A new record: the rows start empty and collect their values; nothing
 * is stored until kw_record_editor_commit_draft(), which returns the
 * new id (or NULL and an error). kw_record_editor_set_record() ends it. */
void            kw_record_editor_start_draft (KwRecordEditor *self);
gboolean        kw_record_editor_is_draft   (KwRecordEditor *self);
char           *kw_record_editor_commit_draft (KwRecordEditor *self,
                                               GError        **error);

G_END_DECLS
