/* kw-registry.h: the one declarative description of every entity type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schema, CRUD, validation, the CLI and export/import are driven from
 * this table. Adding a field is one line in kw-registry.c (plus, after
 * the first release, a migration).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KW_SCHEMA_VERSION 1

typedef enum {
  KW_FIELD_TEXT,
  KW_FIELD_INTEGER,
  KW_FIELD_BOOL,
  KW_FIELD_DATE,      /* "YYYY-MM-DD" */
  KW_FIELD_DATETIME,  /* RFC 3339 UTC, "YYYY-MM-DDTHH:MM:SSZ" */
  KW_FIELD_CENTS,     /* integer euro cents */
  KW_FIELD_ENUM,      /* one of a fixed list of strings */
  KW_FIELD_REF,       /* the id of a record of one of the target types */
} KwFieldKind;

typedef enum {
  KW_FIELD_FLAG_NONE     = 0,
  KW_FIELD_FLAG_LOCAL    = 1 << 0, /* never leaves the device (private_notes) */
  KW_FIELD_FLAG_REQUIRED = 1 << 1, /* must be set on create, may not be cleared */
  KW_FIELD_FLAG_SEARCH   = 1 << 2, /* indexed for full-text search */
  KW_FIELD_FLAG_LONG     = 1 << 3, /* multi-line text (notes, minutes) */
  KW_FIELD_FLAG_PARENT   = 1 << 4, /* the record belongs to the one referred to (DESIGN.md,
                                    * Privacy): deleted with it, stays home with a private person */
  KW_FIELD_FLAG_CONSENT  = 1 << 5, /* the type's privacy descriptor: "private" keeps the record
                                    * and what belongs to it on the device */
  KW_FIELD_FLAG_EMAIL    = 1 << 6, /* an e-mail address: name@example.org */
  KW_FIELD_FLAG_INDEX    = 1 << 7, /* an index for the lists (kw-store.c): the title field
                                    * by name, live records only; a bool its true ones; an
                                    * e-mail address trimmed and in lower case; a date
                                    * within the record it belongs to */
  KW_FIELD_FLAG_CONTEXT  = 1 << 8, /* the record takes part in the one referred to without
                                    * belonging to it (a meeting of an alliance): with the
                                    * PARENT references, what a partial export's scope holds */
  KW_FIELD_FLAG_SUMMARY  = 1 << 9, /* shown in the list row of the record it belongs to (its
                                    * PARENT): a reference as the title of the current one
                                    * (an affiliation's organisation), a date as the latest
                                    * (a contact moment's date: the last contact) */
  KW_FIELD_FLAG_SYSTEM   = 1 << 10, /* written only by an operation of the core (finalising
                                     * the minutes), never by an ordinary write */
} KwFieldFlags;

typedef struct {
  const char          *name;     /* as in code, SQL and exports */
  const char          *label;    /* N_() marked, for the interface */
  KwFieldKind          kind;
  KwFieldFlags         flags;
  const char * const  *values;   /* ENUM: NULL-terminated allowed values */
  const char * const  *targets;  /* REF: NULL-terminated target type names */
  gint64               min;      /* INTEGER: allowed range when min < max */
  gint64               max;
  const char * const  *value_labels; /* ENUM: N_() marked, one per value, in order */
} KwField;

typedef enum {
  KW_TYPE_FLAG_NONE       = 0,
  KW_TYPE_FLAG_SEARCH     = 1 << 0, /* has a full-text index */
  KW_TYPE_FLAG_DERIVED_ID = 1 << 1, /* id derived from the id_fields */
} KwTypeFlags;

typedef struct {
  const char     *name;          /* "person" */
  const char     *label;         /* N_("Person") */
  const char     *plural;        /* N_("People") */
  KwTypeFlags     flags;
  const KwField  *fields;
  guint           n_fields;
  const char     *title_field;   /* the field that names a record, or NULL */
  const char * const *id_fields; /* DERIVED_ID: the fields the id is made of */
} KwEntityType;

guint                kw_registry_n_types      (void);
const KwEntityType  *kw_registry_type_at      (guint index);
const KwEntityType  *kw_registry_lookup       (const char *type_name);
const KwField       *kw_entity_type_field     (const KwEntityType *type,
                                               const char         *field_name);
int                  kw_entity_type_field_index (const KwEntityType *type,
                                                 const char         *field_name);
gboolean             kw_field_has_value       (const KwField *field,
                                               const char    *value);
/* The translated label of one of an enum field's values ("residents_group"
 * says "Residents’ group"), or NULL for a value the field does not have. */
const char          *kw_field_get_value_label (const KwField *field,
                                               const char    *value);
const char          *kw_field_kind_to_string  (KwFieldKind kind);
gboolean             kw_field_targets         (const KwField *field,
                                               const char    *type_name);
/* The index of the type's consent field (KW_FIELD_FLAG_CONSENT), or -1. */
int                  kw_entity_type_consent_index (const KwEntityType *type);

/* Values: a field's value is a GVariant of type "s" (text, date, datetime,
 * enum, ref), "x" (integer, cents) or "b" (bool); NULL is null. */
/* The cap on a text value's JSON text (quotes and escapes included),
 * checked on every write and on import (spec/export-format.md). */
#define KW_FIELD_SHORT_MAX  4096
#define KW_FIELD_LONG_MAX   (200 * 1024)
gsize                kw_field_max_json        (const KwField *field);
gsize                kw_json_string_length    (const char    *text);
gboolean             kw_field_validate        (const KwField *field,
                                               GVariant      *value,
                                               GError       **error);
gboolean             kw_field_parse           (const KwField *field,
                                               const char    *text,
                                               GVariant     **value,
                                               GError       **error);
/* What is wrong with a text for a field (as kw_field_parse reads it),
 * for an interface that says so in its own words. */
typedef enum {
  KW_FIELD_PROBLEM_NONE,
  KW_FIELD_PROBLEM_EMPTY,         /* required, but blank */
  KW_FIELD_PROBLEM_NOT_A_NUMBER,
  KW_FIELD_PROBLEM_OUT_OF_RANGE,  /* a number outside min…max */
  KW_FIELD_PROBLEM_NOT_A_DATE,
  KW_FIELD_PROBLEM_NOT_A_TIME,
  KW_FIELD_PROBLEM_NOT_AN_EMAIL,
  KW_FIELD_PROBLEM_OTHER,
} KwFieldProblem;

KwFieldProblem       kw_field_problem         (const KwField *field,
                                               const char    *text);
char                *kw_field_format          (const KwField *field,
                                               GVariant      *value);
const GVariantType  *kw_field_variant_type    (const KwField *field);

gboolean             kw_id_is_valid           (const char *id);
char                *kw_id_new                (void);
/* From now on kw_id_new () draws its ids from @seed (reproducible data,
 * as kwartier-cli generate makes), or at random again when !@seeded.
 * Not thread-safe: for one-shot tools. */
void                 kw_id_seed               (gboolean            seeded,
                                               guint64             seed);
char                *kw_id_derive             (const char          *type_name,
                                               const char * const  *parts);

G_END_DECLS
