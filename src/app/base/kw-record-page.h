/* kw-record-page.h: one record, edited in place: the base of every record page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-child-group.h"
#include "kw-record-editor.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_RECORD_PAGE (kw_record_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (KwRecordPage, kw_record_page, KW, RECORD_PAGE, AdwBin)

struct _KwRecordPageClass
{
  AdwBinClass parent_class;

  /* The record was read again (it or what belongs to it changed, or the
   * page shows another): the subtitle, badges and the subclass's own
   * parts. @same is FALSE when the page moved to another record. */
  void (*reload) (KwRecordPage *self,
                  KwRecord     *record,
                  gboolean      same);

  gpointer padding[4];
};

/* For a subclass's class_init: "<prefix>.delete", "<prefix>.add-draft"
 * and "<prefix>.cancel-draft" (person.delete, …), the same as the base's
 * record.delete (Ctrl+Delete), record.add-draft and record.cancel-draft
 * (Escape), enabled with them. */
void            kw_record_page_class_install_actions (KwRecordPageClass *klass,
                                                      const char        *prefix);

KwStore        *kw_record_page_get_store     (KwRecordPage *self);
const char     *kw_record_page_get_type_name (KwRecordPage *self);
KwRecordEditor *kw_record_page_get_editor    (KwRecordPage *self);
const char     *kw_record_page_get_id        (KwRecordPage *self);
/* Shows the record; with an edit the store refused, asks first. */
void            kw_record_page_set_id        (KwRecordPage *self,
                                              const char   *id);
GtkWidget      *kw_record_page_get_row       (KwRecordPage *self,
                                              const char   *field);
/* The row under the field's row that says what is wrong with an edit. */
GtkWidget      *kw_record_page_get_message   (KwRecordPage *self,
                                              const char   *field);
void            kw_record_page_set_subtitle  (KwRecordPage *self,
                                              const char   *subtitle);
/* How wide the page's content may grow (720 pixels unless set): a page
 * with a picture beside a list wants more. */
void            kw_record_page_set_maximum_width (KwRecordPage *self,
                                                  int           width);
/* A badge beside the others under the title. */
void            kw_record_page_add_badge     (KwRecordPage *self,
                                              GtkWidget    *badge);
/* A section below the ones before (a group, a box of buttons); one of a
 * stored record only is hidden while the page holds a draft. */
void            kw_record_page_add_section   (KwRecordPage *self,
                                              GtkWidget    *section,
                                              gboolean      stored_only);
/* A group of the record's children (placed by the subclass): the page
 * gives it its record as parent. */
void            kw_record_page_add_child_group (KwRecordPage *self,
                                                KwChildGroup *group);
/* The child group of a type ("relation"), or NULL. */
KwChildGroup   *kw_record_page_get_child_group (KwRecordPage *self,
                                                const char   *child_type);
/* Editor rows for the fields, into an AdwPreferencesGroup. */
void            kw_record_page_add_rows      (KwRecordPage        *self,
                                              AdwPreferencesGroup *group,
                                              const char * const  *fields);
/* A long text field's view and its message, into the group. */
void            kw_record_page_add_text_view (KwRecordPage        *self,
                                              AdwPreferencesGroup *group,
                                              const char          *field);
/* Focus on the title's row, its text selected. */
void            kw_record_page_focus_title   (KwRecordPage *self);
/* An empty page for a new record, stored only when it has a title and
 * the user adds it (record.add-draft); record.cancel-draft leaves it. */
void            kw_record_page_start_draft   (KwRecordPage *self,
                                              const char   *title,
                                              const char   *cancel_tooltip,
                                              const char   *add_tooltip);
gboolean        kw_record_page_is_draft      (KwRecordPage *self);

G_END_DECLS
