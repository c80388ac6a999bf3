/* kw-meetings-view-private.h: what the Meetings view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-list-pane.h"
#include "kw-meeting-page.h"
#include "kw-meetings-month.h"
#include "kw-meetings-view.h"
#include "kw-record-list.h"

G_BEGIN_DECLS

struct _KwMeetingsView
{
  KwView          parent_instance;

  KwStore        *store;
  KwRecordList   *meetings;
  GPtrArray      *context_ids;   /* position - 1 in the context drop-down → "alliance"/"unit" + id */
  KwMeetingPage  *page;
  KwMeetingsMonth *month;

  GtkDropDown    *context_dropdown;
  GtkStack       *detail_stack;
  GtkDropDown    *kind_dropdown;
  AdwLeaflet     *leaflet;
  KwListPane     *list_pane;
  GtkToggleButton *month_button;
  GtkToggleButton *past_button;
  GtkDropDown    *status_dropdown;
  GtkToggleButton *upcoming_button;
};

/* kw-meetings-view-list.c: the contexts of the filter, the range and
 * sort of Upcoming / Past / Month, the filters. */
void _kw_meetings_view_load_contexts   (KwMeetingsView *self);
void _kw_meetings_view_update_when     (KwMeetingsView *self);
void _kw_meetings_view_filter_changed  (KwMeetingsView *self);
void _kw_meetings_view_clear_filters   (KwMeetingsView *self);
/* kw-meetings-view-actions.c: meetings.export-ical */
void _kw_meetings_view_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
