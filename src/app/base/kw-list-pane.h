/* kw-list-pane.h: the list side of a view (search, filters, count, list)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KW_TYPE_LIST_PANE (kw_list_pane_get_type ())
G_DECLARE_FINAL_TYPE (KwListPane, kw_list_pane, KW, LIST_PANE, AdwBin)

/* In a .ui file, the view adds its own widgets as children of a type:
 * "header" (above the search), "filter" (the Filter button's popover:
 * the button shows only with one), "end" (after the Filter button) and
 * "empty" (below the empty page's New button, while the list has no
 * records at all). */
GListModel         *kw_list_pane_get_model        (KwListPane         *self);
/* The records (KwRecord) the list shows; a KwRecordList also gets the
 * search. The list view takes it after the first frame. */
void                kw_list_pane_set_model        (KwListPane         *self,
                                                   GListModel         *model);
void                kw_list_pane_set_factory      (KwListPane         *self,
                                                   GtkListItemFactory *factory);
const char         *kw_list_pane_get_search_text  (KwListPane         *self);
/* Sets the search entry's text and searches at once. */
void                kw_list_pane_set_search_text  (KwListPane         *self,
                                                   const char         *text);
void                kw_list_pane_set_search_placeholder (KwListPane   *self,
                                                   const char         *text);
/* TRUE while the search entry holds more than blanks. */
gboolean            kw_list_pane_get_searching    (KwListPane         *self);
/* How many of the view's filters are on: "Filter (2)", the empty page. */
guint               kw_list_pane_get_n_filters    (KwListPane         *self);
void                kw_list_pane_set_n_filters    (KwListPane         *self,
                                                   guint               n_filters);
/* The empty page while there are no records at all (no search, no
 * filter); new_label is the label of its button to win.new, or NULL. */
void                kw_list_pane_set_empty_state  (KwListPane         *self,
                                                   const char         *icon_name,
                                                   const char         *title,
                                                   const char         *description,
                                                   const char         *new_label);
/* The record shown as selected (the one whose page is open), or NULL. */
const char         *kw_list_pane_get_selected_id  (KwListPane         *self);
void                kw_list_pane_set_selected_id  (KwListPane         *self,
                                                   const char         *id);
void                kw_list_pane_scroll_to_selected (KwListPane       *self);
/* Where Tab from the list goes (and the focus after a row is opened). */
void                kw_list_pane_set_next_focus   (KwListPane         *self,
                                                   GtkWidget          *widget);
void                kw_list_pane_focus_search     (KwListPane         *self);
/* The focus into the list; FALSE when it could not take it. */
gboolean            kw_list_pane_focus_list       (KwListPane         *self);
GtkListView        *kw_list_pane_get_list_view    (KwListPane         *self);

G_END_DECLS
