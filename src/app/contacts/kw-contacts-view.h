/* kw-contacts-view.h: the Key Figures & Contacts view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-record-list.h"
#include "kw-store.h"
#include "kw-view.h"
#include "kw-window.h"

G_BEGIN_DECLS

#define KW_TYPE_CONTACTS_VIEW (kw_contacts_view_get_type ())
G_DECLARE_FINAL_TYPE (KwContactsView, kw_contacts_view, KW, CONTACTS_VIEW, KwView)

KwContactsView *kw_contacts_view_new            (KwStore        *store);
/* "person" or "organisation": what the list shows. */
const char     *kw_contacts_view_get_mode       (KwContactsView *self);
void            kw_contacts_view_set_mode       (KwContactsView *self,
                                                 const char     *type_name);
const char     *kw_contacts_view_get_new_label  (KwContactsView *self);
gboolean        kw_contacts_view_new_record     (KwContactsView *self,
                                                 GError        **error);
void            kw_contacts_view_open           (KwContactsView *self,
                                                 const char     *type_name,
                                                 const char     *id);
/* Closes the page of the record, when it is the one shown. */
void            kw_contacts_view_close          (KwContactsView *self,
                                                 const char     *id);
/* The id of the record whose page is shown, or NULL. */
const char     *kw_contacts_view_get_open_id    (KwContactsView *self);
GtkWidget      *kw_contacts_view_get_page       (KwContactsView *self,
                                                 const char     *type_name);
void            kw_contacts_view_set_search     (KwContactsView *self,
                                                 const char     *text);
KwRecordList   *kw_contacts_view_get_list       (KwContactsView *self,
                                                 const char     *type_name);
GtkListView    *kw_contacts_view_get_list_view  (KwContactsView *self);
gboolean        kw_contacts_view_can_go_back    (KwContactsView *self);
gboolean        kw_contacts_view_go_back        (KwContactsView *self);
/* The contacts view of a window (the view of people). */
GtkWidget      *kw_window_get_contacts_view     (KwWindow       *window);

G_END_DECLS
