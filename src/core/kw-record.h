/* kw-record.h: one record of an entity type, as read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kw-registry.h"

G_BEGIN_DECLS

#define KW_TYPE_RECORD (kw_record_get_type ())
G_DECLARE_FINAL_TYPE (KwRecord, kw_record, KW, RECORD, GObject)

KwRecord            *kw_record_new          (const KwEntityType *type,
                                             const char         *id);
const KwEntityType  *kw_record_get_entity_type (KwRecord *self);
const char          *kw_record_get_type_name (KwRecord *self);
const char          *kw_record_get_id       (KwRecord *self);
const char          *kw_record_get_deleted  (KwRecord *self);
gboolean             kw_record_is_deleted   (KwRecord *self);
char                *kw_record_dup_title    (KwRecord *self);

/* Values by field name; NULL/0/FALSE when null or when no such field. */
GVariant            *kw_record_get_value    (KwRecord   *self,
                                             const char *field);
const char          *kw_record_get_string   (KwRecord   *self,
                                             const char *field);
gint64               kw_record_get_int      (KwRecord   *self,
                                             const char *field);
gboolean             kw_record_get_bool     (KwRecord   *self,
                                             const char *field);
gboolean             kw_record_is_null      (KwRecord   *self,
                                             const char *field);
const char          *kw_record_get_stamp    (KwRecord   *self,
                                             const char *field);
const char          *kw_record_get_prev     (KwRecord   *self,
                                             const char *field);

/* By index into the type's fields. */
GVariant            *kw_record_get_value_at (KwRecord *self,
                                             guint     index);
const char          *kw_record_get_stamp_at (KwRecord *self,
                                             guint     index);
const char          *kw_record_get_prev_at  (KwRecord *self,
                                             guint     index);

/* For the store and the importer. */
void                 kw_record_set_at       (KwRecord   *self,
                                             guint       index,
                                             GVariant   *value,
                                             const char *stamp,
                                             const char *prev);
void                 kw_record_set_deleted  (KwRecord   *self,
                                             const char *stamp);

/* A set of field changes for one type: what a write wants to change. */
typedef struct _KwChangeset KwChangeset;

#define KW_TYPE_CHANGESET (kw_changeset_get_type ())
GType                kw_changeset_get_type  (void) G_GNUC_CONST;

KwChangeset         *kw_changeset_new       (const char  *type_name,
                                             GError     **error);
KwChangeset         *kw_changeset_ref       (KwChangeset *self);
void                 kw_changeset_unref     (KwChangeset *self);
const KwEntityType  *kw_changeset_get_entity_type (KwChangeset *self);
gboolean             kw_changeset_set       (KwChangeset *self,
                                             const char  *field,
                                             GVariant    *value,
                                             GError     **error);
gboolean             kw_changeset_set_text  (KwChangeset *self,
                                             const char  *field,
                                             const char  *text,
                                             GError     **error);
void                 kw_changeset_set_string (KwChangeset *self,
                                              const char  *field,
                                              const char  *value);
void                 kw_changeset_set_int   (KwChangeset *self,
                                             const char  *field,
                                             gint64       value);
void                 kw_changeset_set_bool  (KwChangeset *self,
                                             const char  *field,
                                             gboolean     value);
void                 kw_changeset_set_null  (KwChangeset *self,
                                             const char  *field);
guint                kw_changeset_get_n_changes (KwChangeset *self);
gboolean             kw_changeset_get_change (KwChangeset  *self,
                                              guint         index,
                                              guint        *field_index,
                                              GVariant    **value);
gboolean             kw_changeset_has       (KwChangeset *self,
                                             const char  *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwChangeset, kw_changeset_unref)

G_END_DECLS
