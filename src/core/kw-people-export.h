/* kw-people-export.h: people as vCard 3.0 or CSV, respecting consent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib only, shared by the application and kwartier-cli. Only people
 * with public or shared consent leave the device; the others (private,
 * or not asked) are counted. What goes into the file: name (vCard FN,
 * and N split into family and given names, the tussenvoegsel in the
 * family part), phone, e-mail, topics (CATEGORIES), the current
 * organisation and role (ORG, TITLE), area (CSV), languages and
 * communities (CSV), and the id (UID). Notes, private notes, consent
 * details, relations and contact moments never do.
 */
#pragma once

#include <gio/gio.h>

#include "kw-store.h"

G_BEGIN_DECLS

typedef enum {
  KW_PEOPLE_FORMAT_VCARD,
  KW_PEOPLE_FORMAT_CSV,
} KwPeopleFormat;

/* "Joël de Wit" → family "de Wit", given "Joël"; a name of one word is
 * a given name. */
void  kw_people_split_name  (const char      *name,
                             char           **family,
                             char           **given);
/* The people of a list model of person KwRecords, as vCards. */
char *kw_people_to_vcard    (KwStore         *store,
                             GListModel      *people,
                             guint           *n_written,
                             guint           *n_left_out);
/* The same in either format. */
char *kw_people_export      (KwStore         *store,
                             GListModel      *people,
                             KwPeopleFormat   format,
                             guint           *n_written,
                             guint           *n_left_out);
/* Every live person, or those of a scope (kind "alliance", "network",
 * "area" or "meeting", as an export's --scope reaches them), into path,
 * mode 0600; the format by the name (.csv, else vCard). */
gboolean kw_people_export_to_file (KwStore      *store,
                                   const char   *scope_kind,
                                   const char   *scope_id,
                                   const char   *path,
                                   guint        *n_written,
                                   guint        *n_left_out,
                                   GError      **error);

G_END_DECLS
