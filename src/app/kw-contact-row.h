/* kw-contact-row.h: a person or organisation in the contacts list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_CONTACT_ROW (kw_contact_row_get_type ())
G_DECLARE_FINAL_TYPE (KwContactRow, kw_contact_row, KW, CONTACT_ROW, GtkBox)

GtkWidget *kw_contact_row_new  (void);
void       kw_contact_row_bind (KwContactRow *self,
                                KwStore      *store,
                                KwRecord     *record);

G_END_DECLS
