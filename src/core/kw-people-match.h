/* kw-people-match.h: who in the store a person from a contact file is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One implementation for the import dialog and kwartier-cli. A row
 * matches a person here by name (case, diacritics and extra spaces
 * aside), by phone (only the digits, and a leading +, count) or by
 * e-mail (any case, spaces around it aside). Only a match by name is the same person: a match by
 * phone or e-mail alone (a household's landline, a buurthuis's info@)
 * is a possible duplicate, and so are several namesakes that the phone
 * or e-mail cannot tell apart.
 */
#pragma once

#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  KW_PEOPLE_MATCH_NONE,       /* nobody here */
  KW_PEOPLE_MATCH_SAME,       /* the same person: by name (and perhaps more) */
  KW_PEOPLE_MATCH_POSSIBLE,   /* phone or e-mail alone, or namesakes: a possible duplicate */
} KwPeopleMatchKind;

typedef enum {
  KW_PEOPLE_MATCH_NAME  = 1 << 0,
  KW_PEOPLE_MATCH_PHONE = 1 << 1,
  KW_PEOPLE_MATCH_EMAIL = 1 << 2,
} KwPeopleMatchFields;

typedef struct {
  KwPeopleMatchKind  kind;
  char              *id;       /* who matched, or NULL */
  char              *name;     /* their name */
  guint              fields;   /* KwPeopleMatchFields: on which fields */
  guint              n_namesakes; /* people here with the same name */
} KwPeopleMatch;

void   kw_people_match_clear        (KwPeopleMatch *match);
/* "name, phone": the fields, in English (the CLI's data). */
char  *kw_people_match_dup_fields   (guint          fields);
/* The same, translated, for the dialog ("naam, telefoon"). */
char  *kw_people_match_dup_fields_label (guint      fields);

/* "Joël de Wit" and "joel  de wit" give the same key. */
char  *kw_people_fold_name          (const char    *name);
char  *kw_people_fold_phone         (const char    *phone);

typedef struct _KwPeopleMatcher KwPeopleMatcher;

/* Reads the names of the live people, organisations and areas once. */
KwPeopleMatcher *kw_people_matcher_new   (KwStore          *store,
                                          GError          **error);
void             kw_people_matcher_free  (KwPeopleMatcher  *self);
/* Reads the phones and e-mail addresses now rather than when a row first
 * needs them (in a thread, before the matcher is used on the main one). */
void             kw_people_matcher_prepare (KwPeopleMatcher *self);
/* The match of a parsed person (GHashTable field → text). */
void             kw_people_matcher_match (KwPeopleMatcher  *self,
                                          GHashTable       *person,
                                          KwPeopleMatch    *match);
/* A person, organisation or area the import made: found from now on. */
void             kw_people_matcher_add   (KwPeopleMatcher  *self,
                                          const char       *type_name,
                                          const char       *id,
                                          const char       *name);
/* A person the import made, by name, phone and e-mail. */
void             kw_people_matcher_add_person (KwPeopleMatcher *self,
                                               const char      *id,
                                               GHashTable      *person);
/* The id of the live organisation or area of that name, or NULL. */
const char      *kw_people_matcher_find  (KwPeopleMatcher  *self,
                                          const char       *type_name,
                                          const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwPeopleMatcher, kw_people_matcher_free)

G_END_DECLS
