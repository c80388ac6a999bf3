/* kw-child-group.h: the records that hang off a person or organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-record-chooser.h"
#include "kw-record-editor.h"
#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  KW_RELATED_AFFILIATIONS,
  KW_RELATED_RELATIONS,
  KW_RELATED_CONTACT_MOMENTS,
} KwRelatedKind;

#define KW_TYPE_CHILD_GROUP (kw_child_group_get_type ())
G_DECLARE_FINAL_TYPE (KwChildGroup, kw_child_group, KW, CHILD_GROUP, AdwPreferencesGroup)

KwChildGroup *kw_child_group_new       (KwStore        *store,
                                            KwRelatedKind   kind);
void            kw_child_group_set_party (KwChildGroup *self,
                                            const char     *type_name,
                                            const char     *id);
/* Leaves out a record whose delete waits for its undo toast. */
void            kw_child_group_set_hidden (KwChildGroup *self,
                                             const char     *type_name,
                                             const char     *id,
                                             gboolean        hidden);
guint           kw_child_group_get_n_rows (KwChildGroup *self);
/* The editor of the row that shows the record, or NULL. */
KwRecordEditor *kw_child_group_get_editor (KwChildGroup *self,
                                             const char     *id);
/* Adds a record for the party (an affiliation or relation with other_id,
 * or a contact moment); returns its id. */
char           *kw_child_group_add       (KwChildGroup *self,
                                            const char     *other_type,
                                            const char     *other_id,
                                            GError        **error);
/* A relation of a kind and strength with other_id; returns its id. */
char           *kw_child_group_add_relation (KwChildGroup *self,
                                              const char     *other_id,
                                              const char     *kind,
                                              int             strength,
                                              GError        **error);
/* What the add button's chooser does with the record chosen: adds an
 * affiliation at once; for a relation, first asks its kind and strength
 * (kw_child_group_get_relation_form()), and stores it on "Add". */
void            kw_child_group_choose     (KwChildGroup *self,
                                             const char     *other_type,
                                             const char     *other_id);
GtkWidget      *kw_child_group_get_relation_form (KwChildGroup *self);
KwRecordChooser *kw_child_group_get_chooser (KwChildGroup *self);

G_END_DECLS
