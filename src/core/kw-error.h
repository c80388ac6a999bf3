/* kw-error.h: the error domain of libkwartier-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KW_CORE_ERROR (kw_core_error_quark ())

typedef enum {
  KW_CORE_ERROR_INVALID,        /* a bad value; the message names the field */
  KW_CORE_ERROR_UNKNOWN_TYPE,   /* no such entity type */
  KW_CORE_ERROR_UNKNOWN_FIELD,  /* no such field on the type */
  KW_CORE_ERROR_NOT_FOUND,      /* no record with that id */
  KW_CORE_ERROR_DELETED,        /* the record is a tombstone */
  KW_CORE_ERROR_NEWER,          /* made by a newer Kwartier */
  KW_CORE_ERROR_DATABASE,       /* SQLite said no */
  KW_CORE_ERROR_IO,             /* a file could not be read or written */
  KW_CORE_ERROR_REFUSED,        /* an import was refused: the file is bad */
  KW_CORE_ERROR_BUSY,           /* another writer held the database longer than the wait */
  KW_CORE_ERROR_FINALISED,      /* the meeting's minutes are finalised: reopen them first */
} KwCoreError;

GQuark kw_core_error_quark (void);

G_END_DECLS
