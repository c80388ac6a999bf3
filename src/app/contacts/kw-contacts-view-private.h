/* kw-contacts-view-private.h: what the contacts view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-contacts-view.h"

G_BEGIN_DECLS

/* kw-contacts-view-actions.c: contacts.import-people, .export-people,
 * .find-duplicates, .undo-import-people on the view's class. */
void          _kw_contacts_view_class_add_actions   (GtkWidgetClass *widget_class);
/* person.forget on the person page. */
void          _kw_contacts_view_add_person_actions  (KwContactsView *self,
                                                     GtkWidget      *page);
/* The import dialog for what kw_csv_parse() or kw_vcard_parse() made,
 * wired to the view (the window's busy state, the toast); not yet shown. */
GtkWindow    *_kw_contacts_view_open_people_dialog  (KwContactsView *self,
                                                     GPtrArray      *parsed,
                                                     gboolean        csv);
/* The window's Import, for a file it is about to read: when it is a
 * contact file (vCard, CSV), says so and offers Import People; TRUE
 * then (the file is not to be imported as an export). */
gboolean      _kw_contacts_view_offer_people_import (KwContactsView *self,
                                                     const char     *path);
/* Cancelled when the view goes: its work in a thread. */
GCancellable *_kw_contacts_view_get_cancellable     (KwContactsView *self);

G_END_DECLS
