/* kw-view.h: one of the window's views (the contract the window knows)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_VIEW (kw_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (KwView, kw_view, KW, VIEW, AdwBin)

/* A view sets its widget name (the key of win.show-view and of the
 * last-view setting), title, icon-name and types in its init; the
 * window reads them and routes records of those types to open(). */
struct _KwViewClass
{
  AdwBinClass parent_class;

  void     (*open)       (KwView      *self,
                          const char  *type_name,
                          const char  *id);
  gboolean (*new_record) (KwView      *self,
                          GError     **error);
  gboolean (*go_back)    (KwView      *self);
  /* The window's Import was given a file that is not a Kwartier export
   * (a vCard, say): a view that reads such files offers to, and returns
   * TRUE. */
  gboolean (*offer_file) (KwView      *self,
                          const char  *path);

  gpointer padding[7];
};

KwStore            *kw_view_get_store        (KwView      *self);
const char         *kw_view_get_title        (KwView      *self);
void                kw_view_set_title        (KwView      *self,
                                              const char  *title);
const char         *kw_view_get_icon_name    (KwView      *self);
void                kw_view_set_icon_name    (KwView      *self,
                                              const char  *icon_name);
const char * const *kw_view_get_types        (KwView      *self);
void                kw_view_set_types        (KwView      *self,
                                              const char * const *types);
gboolean            kw_view_claims_type      (KwView      *self,
                                              const char  *type_name);
/* The tooltip of the New button; NULL: the view makes no records. */
const char         *kw_view_get_new_label    (KwView      *self);
void                kw_view_set_new_label    (KwView      *self,
                                              const char  *new_label);
gboolean            kw_view_get_can_go_back  (KwView      *self);
void                kw_view_set_can_go_back  (KwView      *self,
                                              gboolean     can_go_back);
void                kw_view_open             (KwView      *self,
                                              const char  *type_name,
                                              const char  *id);
gboolean            kw_view_new_record       (KwView      *self,
                                              GError     **error);
gboolean            kw_view_go_back          (KwView      *self);
/* The read-only summary window of a record (for a type a view shows
 * without a page of its own). */
void                kw_view_show_summary     (KwView      *self,
                                              const char  *type_name,
                                              const char  *id);
/* A toast in the window's overlay (takes the toast; its title is markup). */
void                kw_view_show_toast       (KwView      *self,
                                              AdwToast    *toast);
/* While the view's store work runs in a thread: what it does
 * ("Importing people…"), NULL when done. The window then shows its busy
 * page and makes the views insensitive; the class actions of an
 * insensitive view are off (GTK 4.8 does not do that by itself). */
const char         *kw_view_get_busy_status  (KwView      *self);
void                kw_view_set_busy_status  (KwView      *self,
                                              const char  *status);
gboolean            kw_view_offer_file       (KwView      *self,
                                              const char  *path);

G_END_DECLS
