/* kw-meetings-view.c: the Meetings view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its empty state until the view is built; a record of its types
 * opens the read-only summary window.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kw-meetings-view.h"

struct _KwMeetingsView
{
  KwView parent_instance;
};

G_DEFINE_FINAL_TYPE (KwMeetingsView, kw_meetings_view, KW_TYPE_VIEW)

static void
kw_meetings_view_open (KwView     *view,
                       const char *type_name,
                       const char *id)
{
  kw_view_show_summary (view, type_name, id);
}

static void
kw_meetings_view_class_init (KwMeetingsViewClass *klass)
{
  KW_VIEW_CLASS (klass)->open = kw_meetings_view_open;
}

static void
kw_meetings_view_init (KwMeetingsView *self)
{
  static const char * const types[] = { "meeting", "agenda_item", NULL };
  KwView *view = KW_VIEW (self);

  gtk_widget_set_name (GTK_WIDGET (self), "meetings");
  kw_view_set_title (view, _("Meetings"));
  kw_view_set_icon_name (view, "x-office-calendar-symbolic");
  kw_view_set_types (view, types);
  kw_view_set_empty_state (view, _("Meetings Will Be Listed Here"),
                           _("Agendas, attendance, minutes and the running action list. The meetings in your database can already be found with search (Ctrl+K)."));
}
