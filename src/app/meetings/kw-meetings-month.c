/* kw-meetings-month.c: the meetings of a month, as a calendar grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A title with the month ("december 2026", the locale's name through
 * GDateTime), Previous / Today / Next, the weekdays (Monday first, the
 * locale's abbreviations) and a GtkGrid of 7 columns by the 5 or 6 weeks
 * that hold the month. Each day lists its meetings as small flat buttons
 * (start time and title; compact: the time alone) that open the meeting
 * through win.open-record. The meetings come from a KwRecordList with a
 * range on starts_at over the weeks shown (one query, no full scan),
 * which refreshes itself when meetings change.
 */
#define G_LOG_DOMAIN "kw-meetings-month"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-meetings-month.h"
#include "kw-record-list.h"

struct _KwMeetingsMonth
{
  GtkBox        parent_instance;

  KwRecordList *meetings;
  GDateTime    *first;      /* the month's first day, local midnight */
  GDateTime    *grid_start; /* the Monday on or before it */
  guint         n_weeks;
  gboolean      compact;
  gboolean      filled;     /* since the range was set */
  char         *title;
  GtkWidget    *title_label;
  GtkWidget    *grid;
  GtkWidget    *days[42]; /* the boxes of the meetings of each cell */
};

G_DEFINE_FINAL_TYPE (KwMeetingsMonth, kw_meetings_month, GTK_TYPE_BOX)

enum {
  MONTH_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static char *
format_utc (GDateTime *local)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
on_meeting_clicked_cb (GtkButton *button)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.open-record", "(ss)", "meeting",
                              g_object_get_data (G_OBJECT (button), "kw-id"));
}

static GtkWidget *
make_meeting_button (KwMeetingsMonth *self,
                     KwRecord        *meeting,
                     GDateTime       *start)
{
  g_autofree char *time = g_date_time_format (start, "%H:%M");
  g_autofree char *title = kw_record_dup_title (meeting);
  g_autofree char *text = self->compact ? g_strdup (time) : g_strdup_printf ("%s %s", time, title);
  g_autofree char *tooltip = g_strdup_printf ("%s %s", time, title);
  GtkWidget *button = gtk_button_new_with_label (text);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  /* the time, and as much of the title as two lines hold */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "kw-month-meeting");
  if (g_strcmp0 (kw_record_get_string (meeting, "status"), "cancelled") == 0)
    gtk_widget_add_css_class (button, "dim-label");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "kw-id", g_strdup (kw_record_get_id (meeting)), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_meeting_clicked_cb), NULL);
  return button;
}

static void
clear_days (KwMeetingsMonth *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->days); i++)
    {
      GtkWidget *child;

      while (self->days[i] && (child = gtk_widget_get_first_child (self->days[i])) != NULL)
        gtk_box_remove (GTK_BOX (self->days[i]), child);
    }
}

/* Each meeting of the weeks shown as a button in its (local) day. */
static void
fill_days (KwMeetingsMonth *self)
{
  GListModel *model = G_LIST_MODEL (self->meetings);

  self->filled = TRUE;
  clear_days (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KwRecord) meeting = g_list_model_get_item (model, i);
      const char *s = kw_record_get_string (meeting, "starts_at");
      g_autoptr(GDateTime) utc = s ? g_date_time_new_from_iso8601 (s, NULL) : NULL;
      g_autoptr(GDateTime) start = utc ? g_date_time_to_local (utc) : NULL;
      g_autoptr(GDateTime) day = NULL;
      gint64 cell;

      if (start == NULL)
        continue;
      day = g_date_time_new_local (g_date_time_get_year (start), g_date_time_get_month (start),
                                   g_date_time_get_day_of_month (start), 0, 0, 0);
      /* days, not 24 hours: a change of summer time inside the grid */
      cell = (g_date_time_difference (day, self->grid_start) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY;
      if (cell >= 0 && cell < (gint64) self->n_weeks * 7)
        gtk_box_append (GTK_BOX (self->days[cell]), make_meeting_button (self, meeting, start));
    }
}

static GtkWidget *
make_cell (KwMeetingsMonth *self,
           GDateTime       *day,
           guint            index)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *number = g_strdup_printf ("%d", g_date_time_get_day_of_month (day));
  GtkWidget *label = gtk_label_new (number);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_add_css_class (cell, "card");
  gtk_widget_add_css_class (cell, "kw-month-day");
  gtk_widget_set_hexpand (cell, TRUE);
  gtk_widget_set_vexpand (cell, TRUE);
  gtk_widget_set_size_request (cell, -1, 64);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_add_css_class (label, "caption-heading");
  if (g_date_time_get_month (day) != g_date_time_get_month (self->first))
    gtk_widget_add_css_class (cell, "dim-label");
  if (g_date_time_get_year (day) == g_date_time_get_year (now) && g_date_time_get_day_of_year (day) == g_date_time_get_day_of_year (now))
    gtk_widget_add_css_class (label, "accent");
  gtk_box_append (GTK_BOX (cell), label);
  self->days[index] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (cell), self->days[index]);
  return cell;
}

/* The grid of the weeks of self->first, and the range of the list. */
static void
build_grid (KwMeetingsMonth *self)
{
  int offset = g_date_time_get_day_of_week (self->first) - 1;   /* Monday 0 */
  int n_days = g_date_get_days_in_month (g_date_time_get_month (self->first), g_date_time_get_year (self->first));
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *from = NULL, *to = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  memset (self->days, 0, sizeof self->days);
  g_clear_pointer (&self->grid_start, g_date_time_unref);
  self->grid_start = g_date_time_add_days (self->first, -offset);
  self->n_weeks = (guint) (offset + n_days + 6) / 7;
  for (guint i = 0; i < 7 * self->n_weeks; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (self->grid_start, (int) i);

      gtk_grid_attach (GTK_GRID (self->grid), make_cell (self, day, i), (int) i % 7, 1 + (int) i / 7, 1, 1);
    }
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (self->grid_start, i);
      g_autofree char *name = g_date_time_format (day, "%a");
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self->grid), label, i, 0, 1, 1);
    }
  end = g_date_time_add_days (self->grid_start, 7 * (int) self->n_weeks);
  last = g_date_time_add_seconds (end, -1);
  from = format_utc (self->grid_start);
  to = format_utc (last);
  self->filled = FALSE;
  kw_record_list_set_range (self->meetings, "starts_at", from, to);
  g_free (self->title);
  /* Translators: the month view's title, a strftime format: "December 2026" (%OB: the month's name on its own) */
  self->title = g_date_time_format (self->first, _("%OB %Y"));
  gtk_label_set_label (GTK_LABEL (self->title_label), self->title);
  /* once: the list's items-changed of the new range may have done it */
  if (!self->filled)
    fill_days (self);
  g_signal_emit (self, signals[MONTH_CHANGED], 0);
}

/* Callbacks */

static void
on_items_changed_cb (KwMeetingsMonth *self)
{
  fill_days (self);
}

static void
on_step_clicked_cb (GtkButton       *button,
                    KwMeetingsMonth *self)
{
  kw_meetings_month_step (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kw-step")));
}

static GtkWidget *
make_step_button (KwMeetingsMonth *self,
                  const char      *icon,
                  const char      *label,
                  const char      *tooltip,
                  int              step)
{
  GtkWidget *button = icon ? gtk_button_new_from_icon_name (icon) : gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  if (icon != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "kw-step", GINT_TO_POINTER (step));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_step_clicked_cb), self, 0);
  return button;
}

/* GObject */

static void
kw_meetings_month_dispose (GObject *object)
{
  KwMeetingsMonth *self = KW_MEETINGS_MONTH (object);

  if (self->meetings != NULL)
    g_signal_handlers_disconnect_by_data (self->meetings, self);
  g_clear_object (&self->meetings);

  G_OBJECT_CLASS (kw_meetings_month_parent_class)->dispose (object);
}

static void
kw_meetings_month_finalize (GObject *object)
{
  KwMeetingsMonth *self = KW_MEETINGS_MONTH (object);

  g_clear_pointer (&self->first, g_date_time_unref);
  g_clear_pointer (&self->grid_start, g_date_time_unref);
  g_free (self->title);

  G_OBJECT_CLASS (kw_meetings_month_parent_class)->finalize (object);
}

static void
kw_meetings_month_class_init (KwMeetingsMonthClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_meetings_month_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_meetings_month_finalize;

  /* ::month-changed: another month is shown */
  signals[MONTH_CHANGED] = g_signal_new ("month-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kw_meetings_month_init (KwMeetingsMonth *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  g_object_set (self, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12, NULL);
  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->title_label, TRUE);
  gtk_widget_add_css_class (self->title_label, "title-2");
  gtk_box_append (GTK_BOX (header), self->title_label);
  gtk_widget_add_css_class (steps, "linked");
  gtk_box_append (GTK_BOX (steps), make_step_button (self, "go-previous-symbolic", NULL, _("Previous month"), -1));
  gtk_box_append (GTK_BOX (steps), make_step_button (self, NULL, _("_Today"), _("This month"), 0));
  gtk_box_append (GTK_BOX (steps), make_step_button (self, "go-next-symbolic", NULL, _("Next month"), +1));
  gtk_box_append (GTK_BOX (header), steps);
  gtk_box_append (GTK_BOX (self), header);
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 4);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_widget_set_vexpand (self->grid, TRUE);
  gtk_box_append (GTK_BOX (self), self->grid);
}

/* Public API */

GtkWidget *
kw_meetings_month_new (KwStore *store)
{
  KwMeetingsMonth *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_MEETINGS_MONTH, NULL);
  self->meetings = kw_record_list_new (store, "meeting");
  kw_record_list_set_sort (self->meetings, "starts_at", KW_RECORD_SORT_ASCENDING);
  g_signal_connect_swapped (self->meetings, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  kw_meetings_month_step (self, 0);
  return GTK_WIDGET (self);
}

void
kw_meetings_month_set_month (KwMeetingsMonth *self,
                             int              year,
                             int              month)
{
  g_return_if_fail (KW_IS_MEETINGS_MONTH (self));
  g_return_if_fail (month >= 1 && month <= 12);

  if (self->first != NULL && g_date_time_get_year (self->first) == year && g_date_time_get_month (self->first) == month)
    return;
  g_clear_pointer (&self->first, g_date_time_unref);
  self->first = g_date_time_new_local (year, month, 1, 0, 0, 0);
  build_grid (self);
}

void
kw_meetings_month_get_range (KwMeetingsMonth  *self,
                             char            **from,
                             char            **to)
{
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) last = NULL;

  g_return_if_fail (KW_IS_MEETINGS_MONTH (self));

  next = g_date_time_add_months (self->first, 1);
  last = g_date_time_add_seconds (next, -1);
  *from = format_utc (self->first);
  *to = format_utc (last);
}

void
kw_meetings_month_get_month (KwMeetingsMonth *self,
                             int             *year,
                             int             *month)
{
  g_return_if_fail (KW_IS_MEETINGS_MONTH (self));

  *year = g_date_time_get_year (self->first);
  *month = g_date_time_get_month (self->first);
}

void
kw_meetings_month_step (KwMeetingsMonth *self,
                        int              months)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = NULL;

  g_return_if_fail (KW_IS_MEETINGS_MONTH (self));

  if (months == 0 || self->first == NULL)
    then = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now), 1, 0, 0, 0);
  else
    then = g_date_time_add_months (self->first, months);
  kw_meetings_month_set_month (self, g_date_time_get_year (then), g_date_time_get_month (then));
}

void
kw_meetings_month_set_compact (KwMeetingsMonth *self,
                               gboolean         compact)
{
  g_return_if_fail (KW_IS_MEETINGS_MONTH (self));

  if (self->compact == !!compact)
    return;
  self->compact = !!compact;
  fill_days (self);
}

const char *
kw_meetings_month_get_title (KwMeetingsMonth *self)
{
  g_return_val_if_fail (KW_IS_MEETINGS_MONTH (self), NULL);
  return self->title;
}

guint
kw_meetings_month_get_n_weeks (KwMeetingsMonth *self)
{
  g_return_val_if_fail (KW_IS_MEETINGS_MONTH (self), 0);
  return self->n_weeks;
}

GtkWidget *
kw_meetings_month_get_button (KwMeetingsMonth *self,
                              const char      *meeting_id,
                              int             *day)
{
  g_return_val_if_fail (KW_IS_MEETINGS_MONTH (self), NULL);

  for (guint i = 0; i < self->n_weeks * 7; i++)
    for (GtkWidget *b = gtk_widget_get_first_child (self->days[i]); b; b = gtk_widget_get_next_sibling (b))
      if (g_strcmp0 (g_object_get_data (G_OBJECT (b), "kw-id"), meeting_id) == 0)
        {
          g_autoptr(GDateTime) date = g_date_time_add_days (self->grid_start, (int) i);

          if (day != NULL)
            *day = g_date_time_get_month (date) == g_date_time_get_month (self->first) ? g_date_time_get_day_of_month (date) : 0;
          return b;
        }
  if (day != NULL)
    *day = 0;
  return NULL;
}
