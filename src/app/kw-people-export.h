/* kw-people-export.h: people as vCard 3.0, respecting consent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-store.h"

G_BEGIN_DECLS

/* The people of a list model of person KwRecords as vCards. Only people
 * with public or shared consent leave the device; the others are
 * counted in n_left_out. Private notes and notes are never written. */
char *kw_people_to_vcard (KwStore    *store,
                          GListModel *people,
                          guint      *n_written,
                          guint      *n_left_out);

G_END_DECLS
