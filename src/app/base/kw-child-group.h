/* kw-child-group.h: the records that belong to the one a page shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-record-chooser.h"
#include "kw-record-editor.h"
#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_CHILD_GROUP (kw_child_group_get_type ())
G_DECLARE_DERIVABLE_TYPE (KwChildGroup, kw_child_group, KW, CHILD_GROUP, AdwPreferencesGroup)

struct _KwChildGroupClass
{
  AdwPreferencesGroupClass parent_class;

  /* A row's title and subtitle; by default the title of the record at
   * the other reference (else the type's title field) and the other
   * short fields' values joined by " · ". */
  char      *(*dup_title)    (KwChildGroup   *self,
                              KwRecord       *record);
  char      *(*dup_subtitle) (KwChildGroup   *self,
                              KwRecord       *record);
  /* A new row's own widgets (suffixes beside the remove button), and
   * their state for a record. */
  void       (*setup_row)    (KwChildGroup   *self,
                              AdwExpanderRow *row);
  void       (*update_row)   (KwChildGroup   *self,
                              AdwExpanderRow *row,
                              KwRecord       *record);
  /* Stores a child of the parent with the other record; returns its id. */
  char      *(*add)          (KwChildGroup   *self,
                              const char     *other_type,
                              const char     *other_id,
                              GError        **error);
  /* The chooser picked a record: by default add() at once. */
  void       (*choose)       (KwChildGroup   *self,
                              const char     *other_type,
                              const char     *other_id);
  /* The add button's popover when the children have no other reference
   * to choose (a form), or NULL. */
  GtkWidget *(*make_add_popover) (KwChildGroup *self);
  /* The order of the rows (NULL: newest first by a dated index, else as
   * stored), and whether a field gets an editor row and a place in the
   * subtitle (NULL: every field but the PARENT and LOCAL ones). */
  int        (*compare)      (KwChildGroup   *self,
                              KwRecord       *a,
                              KwRecord       *b);
  gboolean   (*shows_field)  (KwChildGroup   *self,
                              const KwField  *field);

  gpointer padding[2];
};

/* Children of @child_type: records whose PARENT reference points at the
 * parent (kw_child_group_set_parent()), from the registry. Titled with
 * the type's plural, "No … yet" when empty, an add button with a chooser
 * of the records the other reference may point at. */
KwChildGroup    *kw_child_group_new          (KwStore      *store,
                                              const char   *child_type);
void             kw_child_group_set_parent   (KwChildGroup *self,
                                              const char   *parent_type,
                                              const char   *parent_id);
/* What the group says: its title, when it has no children, on its add
 * button and on a row's remove button (with the row's title for a %s);
 * NULL keeps one as it is. */
void             kw_child_group_set_texts    (KwChildGroup *self,
                                              const char   *title,
                                              const char   *empty,
                                              const char   *add,
                                              const char   *remove_format);
/* The children shown, a GListModel of KwRecord, in order, each as it is
 * now: items-changed where a child came, went or changed (a changed one
 * keeps its row). */
GListModel      *kw_child_group_get_model    (KwChildGroup *self);
guint            kw_child_group_get_n_rows   (KwChildGroup *self);
/* The editor of the row that shows the record, or NULL. */
KwRecordEditor  *kw_child_group_get_editor   (KwChildGroup *self,
                                              const char   *id);
char            *kw_child_group_add          (KwChildGroup *self,
                                              const char   *other_type,
                                              const char   *other_id,
                                              GError      **error);
void             kw_child_group_choose       (KwChildGroup *self,
                                              const char   *other_type,
                                              const char   *other_id);
KwRecordChooser *kw_child_group_get_chooser  (KwChildGroup *self);
/* A form a subclass shows before it adds (a relation's kind), or NULL. */
GtkWidget       *kw_child_group_get_form     (KwChildGroup *self);

/* For subclasses */
void             kw_child_group_set_form     (KwChildGroup *self,
                                              GtkWidget    *form);
KwStore         *kw_child_group_get_store    (KwChildGroup *self);
const char      *kw_child_group_get_parent_id (KwChildGroup *self);
const char      *kw_child_group_get_child_type (KwChildGroup *self);
GtkWidget       *kw_child_group_get_add_button (KwChildGroup *self);
/* The title of a party by id: "Unknown or deleted" when it is gone. */
char            *kw_child_group_dup_party_title (KwChildGroup *self,
                                                 const KwField *field,
                                                 const char   *id);
/* For a subclass's form: @field under a small mnemonic label, in @box. */
GtkWidget       *kw_child_group_add_labelled (GtkWidget    *box,
                                              const char   *label,
                                              GtkWidget    *field);
/* The id at the child's other end (the reference that is not the parent). */
const char      *kw_child_group_get_other_id (KwChildGroup *self,
                                              KwRecord     *record);

G_END_DECLS
