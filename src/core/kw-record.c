/* kw-record.c: a record as read from the store, and a set of changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kw-error.h"
#include "kw-record.h"

typedef struct {
  GVariant *value;
  char     *stamp;
  char     *prev;
} Slot;

struct _KwRecord
{
  GObject             parent_instance;

  const KwEntityType *type;
  char               *id;
  char               *deleted;
  Slot               *slots;
};

G_DEFINE_FINAL_TYPE (KwRecord, kw_record, G_TYPE_OBJECT)

static void
clear_slot (Slot *slot)
{
  g_clear_pointer (&slot->value, g_variant_unref);
  g_clear_pointer (&slot->stamp, g_free);
  g_clear_pointer (&slot->prev, g_free);
}

static const Slot *
find_slot (KwRecord   *self,
           const char *field)
{
  int i = kw_entity_type_field_index (self->type, field);

  return i < 0 ? NULL : &self->slots[i];
}

static void
kw_record_finalize (GObject *object)
{
  KwRecord *self = (KwRecord *) object;

  for (guint i = 0; i < self->type->n_fields; i++)
    clear_slot (&self->slots[i]);
  g_free (self->slots);
  g_free (self->id);
  g_free (self->deleted);

  G_OBJECT_CLASS (kw_record_parent_class)->finalize (object);
}

static void
kw_record_class_init (KwRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_record_finalize;
}

static void
kw_record_init (KwRecord *self)
{
}

KwRecord *
kw_record_new (const KwEntityType *type,
               const char         *id)
{
  KwRecord *self;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (KW_TYPE_RECORD, NULL);
  self->type = type;
  self->id = g_strdup (id);
  self->slots = g_new0 (Slot, type->n_fields);
  return self;
}

const KwEntityType *
kw_record_get_entity_type (KwRecord *self)
{
  g_return_val_if_fail (KW_IS_RECORD (self), NULL);
  return self->type;
}

const char *
kw_record_get_type_name (KwRecord *self)
{
  g_return_val_if_fail (KW_IS_RECORD (self), NULL);
  return self->type->name;
}

const char *
kw_record_get_id (KwRecord *self)
{
  g_return_val_if_fail (KW_IS_RECORD (self), NULL);
  return self->id;
}

const char *
kw_record_get_deleted (KwRecord *self)
{
  g_return_val_if_fail (KW_IS_RECORD (self), NULL);
  return self->deleted;
}

gboolean
kw_record_is_deleted (KwRecord *self)
{
  g_return_val_if_fail (KW_IS_RECORD (self), FALSE);
  return self->deleted != NULL;
}

/* The title field, else a short description made of the type's label. */
char *
kw_record_dup_title (KwRecord *self)
{
  const char *title = NULL;

  g_return_val_if_fail (KW_IS_RECORD (self), NULL);

  if (self->type->title_field != NULL)
    title = kw_record_get_string (self, self->type->title_field);
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  return g_strdup_printf ("%s %.8s", g_dgettext (GETTEXT_PACKAGE, self->type->label), self->id);
}

GVariant *
kw_record_get_value (KwRecord   *self,
                     const char *field)
{
  const Slot *slot;

  g_return_val_if_fail (KW_IS_RECORD (self), NULL);
  slot = find_slot (self, field);
  return slot ? slot->value : NULL;
}

const char *
kw_record_get_string (KwRecord   *self,
                      const char *field)
{
  GVariant *v = kw_record_get_value (self, field);

  if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    return NULL;
  return g_variant_get_string (v, NULL);
}

gint64
kw_record_get_int (KwRecord   *self,
                   const char *field)
{
  GVariant *v = kw_record_get_value (self, field);

  if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    return 0;
  return g_variant_get_int64 (v);
}

gboolean
kw_record_get_bool (KwRecord   *self,
                    const char *field)
{
  GVariant *v = kw_record_get_value (self, field);

  if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN))
    return FALSE;
  return g_variant_get_boolean (v);
}

gboolean
kw_record_is_null (KwRecord   *self,
                   const char *field)
{
  return kw_record_get_value (self, field) == NULL;
}

const char *
kw_record_get_stamp (KwRecord   *self,
                     const char *field)
{
  const Slot *slot;

  g_return_val_if_fail (KW_IS_RECORD (self), NULL);
  slot = find_slot (self, field);
  return slot ? slot->stamp : NULL;
}

const char *
kw_record_get_prev (KwRecord   *self,
                    const char *field)
{
  const Slot *slot;

  g_return_val_if_fail (KW_IS_RECORD (self), NULL);
  slot = find_slot (self, field);
  return slot ? slot->prev : NULL;
}

GVariant *
kw_record_get_value_at (KwRecord *self,
                        guint     index)
{
  g_return_val_if_fail (KW_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->type->n_fields, NULL);
  return self->slots[index].value;
}

const char *
kw_record_get_stamp_at (KwRecord *self,
                        guint     index)
{
  g_return_val_if_fail (KW_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->type->n_fields, NULL);
  return self->slots[index].stamp;
}

const char *
kw_record_get_prev_at (KwRecord *self,
                       guint     index)
{
  g_return_val_if_fail (KW_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->type->n_fields, NULL);
  return self->slots[index].prev;
}

void
kw_record_set_at (KwRecord   *self,
                  guint       index,
                  GVariant   *value,
                  const char *stamp,
                  const char *prev)
{
  Slot *slot;

  g_return_if_fail (KW_IS_RECORD (self));
  g_return_if_fail (index < self->type->n_fields);

  slot = &self->slots[index];
  clear_slot (slot);
  slot->value = value ? g_variant_ref_sink (value) : NULL;
  slot->stamp = g_strdup (stamp);
  slot->prev = g_strdup (prev);
}

void
kw_record_set_deleted (KwRecord   *self,
                       const char *stamp)
{
  g_return_if_fail (KW_IS_RECORD (self));

  g_free (self->deleted);
  self->deleted = g_strdup (stamp);
  if (stamp != NULL)
    for (guint i = 0; i < self->type->n_fields; i++)
      clear_slot (&self->slots[i]);
}

/* KwChangeset */

typedef struct {
  guint     field;
  GVariant *value;
} Change;

struct _KwChangeset
{
  gatomicrefcount     ref_count;
  const KwEntityType *type;
  GArray             *changes;
};

G_DEFINE_BOXED_TYPE (KwChangeset, kw_changeset, kw_changeset_ref, kw_changeset_unref)

static void
clear_change (gpointer data)
{
  Change *change = data;

  g_clear_pointer (&change->value, g_variant_unref);
}

KwChangeset *
kw_changeset_new (const char  *type_name,
                  GError     **error)
{
  const KwEntityType *type = kw_registry_lookup (type_name);
  KwChangeset *self;

  if (type == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_UNKNOWN_TYPE,
                   _("unknown record type “%s”"), type_name ? type_name : "");
      return NULL;
    }

  self = g_new0 (KwChangeset, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->type = type;
  self->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->changes, clear_change);
  return self;
}

KwChangeset *
kw_changeset_ref (KwChangeset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
kw_changeset_unref (KwChangeset *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->changes);
      g_free (self);
    }
}

const KwEntityType *
kw_changeset_get_entity_type (KwChangeset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->type;
}

static int
lookup_field (KwChangeset *self,
              const char  *field,
              GError     **error)
{
  int index = kw_entity_type_field_index (self->type, field);

  if (index < 0)
    g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_UNKNOWN_FIELD,
                 _("%s: no such field on %s"), field ? field : "", self->type->name);
  return index;
}

static void
put_change (KwChangeset *self,
            guint        index,
            GVariant    *value)
{
  Change change = { index, value ? g_variant_ref_sink (value) : NULL };

  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *c = &g_array_index (self->changes, Change, i);

      if (c->field == index)
        {
          clear_change (c);
          *c = change;
          return;
        }
    }
  g_array_append_val (self->changes, change);
}

gboolean
kw_changeset_set (KwChangeset *self,
                  const char  *field,
                  GVariant    *value,
                  GError     **error)
{
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  int index;

  g_return_val_if_fail (self != NULL, FALSE);

  index = lookup_field (self, field, error);
  if (index < 0)
    return FALSE;
  if (!kw_field_validate (&self->type->fields[index], owned, error))
    return FALSE;
  put_change (self, index, owned);
  return TRUE;
}

gboolean
kw_changeset_set_text (KwChangeset *self,
                       const char  *field,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(GVariant) value = NULL;
  int index;

  g_return_val_if_fail (self != NULL, FALSE);

  index = lookup_field (self, field, error);
  if (index < 0)
    return FALSE;
  if (!kw_field_parse (&self->type->fields[index], text, &value, error))
    return FALSE;
  put_change (self, index, value);
  return TRUE;
}

static void
set_or_warn (KwChangeset *self,
             const char  *field,
             GVariant    *value)
{
  g_autoptr(GError) error = NULL;

  if (!kw_changeset_set (self, field, value, &error))
    g_critical ("%s.%s: %s", self->type->name, field, error->message);
}

void
kw_changeset_set_string (KwChangeset *self,
                         const char  *field,
                         const char  *value)
{
  g_return_if_fail (self != NULL);
  set_or_warn (self, field, value ? g_variant_new_string (value) : NULL);
}

void
kw_changeset_set_int (KwChangeset *self,
                      const char  *field,
                      gint64       value)
{
  g_return_if_fail (self != NULL);
  set_or_warn (self, field, g_variant_new_int64 (value));
}

void
kw_changeset_set_bool (KwChangeset *self,
                       const char  *field,
                       gboolean     value)
{
  g_return_if_fail (self != NULL);
  set_or_warn (self, field, g_variant_new_boolean (value));
}

void
kw_changeset_set_null (KwChangeset *self,
                       const char  *field)
{
  g_return_if_fail (self != NULL);
  set_or_warn (self, field, NULL);
}

guint
kw_changeset_get_n_changes (KwChangeset *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->changes->len;
}

gboolean
kw_changeset_get_change (KwChangeset  *self,
                         guint         index,
                         guint        *field_index,
                         GVariant    **value)
{
  Change *c;

  g_return_val_if_fail (self != NULL, FALSE);
  if (index >= self->changes->len)
    return FALSE;
  c = &g_array_index (self->changes, Change, index);
  if (field_index)
    *field_index = c->field;
  if (value)
    *value = c->value;
  return TRUE;
}

gboolean
kw_changeset_has (KwChangeset *self,
                  const char  *field)
{
  int index;

  g_return_val_if_fail (self != NULL, FALSE);
  index = kw_entity_type_field_index (self->type, field);
  for (guint i = 0; index >= 0 && i < self->changes->len; i++)
    if (g_array_index (self->changes, Change, i).field == (guint) index)
      return TRUE;
  return FALSE;
}
