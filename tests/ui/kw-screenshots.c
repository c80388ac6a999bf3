/* kw-screenshots.c: renders the views of the demo data to PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xvfb-run -a _build-app/tests/ui/kw-screenshots OUTDIR
 *
 * writes contacts-light.png, contacts-dark.png, person.png, narrow.png,
 * person-nl.png (Dutch, from the build's po/, at the default 1000×700)
 * and one PNG per other view, from a fresh demo database, without a
 * screen grabber: each window is snapshotted and rendered by its own
 * GskRenderer. The ui suite runs it (test 'ui-screenshots').
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "alliances/kw-alliances-private.h"
#include "kw-contacts-view.h"
#include "meetings/kw-agenda-group.h"
#include "meetings/kw-meeting-page.h"
#include "meetings/kw-meetings-month.h"
#include "meetings/kw-meetings-view.h"
#include "networks/kw-load-window.h"
#include "networks/kw-networks-view.h"
#include "kw-demo.h"
#include "kw-conflicts-window.h"
#include "kw-application.h"
#include "kw-export-window.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-meetings.h"
#include "kw-merge-window.h"
#include "map/kw-map-view.h"
#include "meetings/kw-meeting-page.h"
#include "meetings/kw-meetings-view.h"
#include "meetings/kw-minutes-group.h"
#include "kw-preferences-window.h"
#include "kw-test-util.h"
#include "kw-window.h"

typedef struct {
  const char *file;
  const char *view;
  int         width;
  int         height;
  gboolean    dark;
  const char *open;   /* type of a record to open: the first key figure */
  int         scroll; /* how far down its page */
  const char *language; /* LANGUAGE for this shot, from the build's po/ */
} Shot;

static const Shot shots[] = {
  { "contacts-light.png", "contacts", 1280, 800, FALSE, "person" },
  { "contacts-dark.png", "contacts", 1280, 800, TRUE, "person" },
  { "person.png", "contacts", 1280, 1000, FALSE, "tense", 560 },
  { "organisation.png", "contacts", 1280, 800, FALSE, "organisation" },
  { "narrow.png", "contacts", 600, 800, FALSE, NULL },
  { "narrow-person.png", "contacts", 600, 800, FALSE, "person" },
  { "person-nl.png", "contacts", 1000, 700, FALSE, "person", 0, "nl" },
  { "alliances.png", "alliances", 1280, 800, FALSE, "alliance", 560 },
  { "alliances-nl.png", "alliances", 1280, 800, FALSE, "alliance", 560, "nl" },
  { "alliances-dark.png", "alliances", 1280, 800, TRUE, "alliance", 1180 },
  { "alliances-narrow.png", "alliances", 360, 800, FALSE, "alliance", 900 },
  { "networks-light.png", "networks", 1280, 800, FALSE, "network" },
  { "networks-unit-dark.png", "networks", 1280, 800, TRUE, "network_unit", 420 },
  { "networks-unit-nl.png", "networks", 1280, 800, FALSE, "network_unit", 420, "nl" },
  { "networks-narrow.png", "networks", 360, 800, FALSE, "network" },
  { "meetings.png", "meetings", 1280, 800, FALSE, "meeting" },
  { "meetings-nl.png", "meetings", 1280, 800, FALSE, "meeting", 0, "nl" },
  { "meetings-dark.png", "meetings", 1280, 800, TRUE, "meeting" },
  { "meetings-narrow.png", "meetings", 360, 800, FALSE, "meeting" },
  { "meetings-month.png", "meetings", 1280, 800, FALSE, "month" },
  { "meetings-month-nl.png", "meetings", 1280, 800, FALSE, "month", 0, "nl" },
  { "meetings-month-dark.png", "meetings", 1280, 800, TRUE, "month" },
  { "meetings-month-narrow.png", "meetings", 360, 800, FALSE, "month" },
  { "meetings-agenda.png", "meetings", 1280, 800, FALSE, "agenda", 620 },
  { "meetings-agenda-nl.png", "meetings", 1280, 800, FALSE, "agenda", 620, "nl" },
  { "meetings-agenda-dark.png", "meetings", 1280, 800, TRUE, "agenda", 620 },
  { "meetings-agenda-narrow.png", "meetings", 360, 800, FALSE, "agenda", 1000 },
  { "map.png", "map", 1280, 800, FALSE, "map" },
  { "map-nl.png", "map", 1280, 800, FALSE, "map", 0, "nl" },
  { "map-dark.png", "map", 1280, 800, TRUE, "map" },
  { "map-narrow.png", "map", 360, 800, FALSE, "map" },
  { "map-grid.png", "map", 1280, 900, FALSE, "stakeholder_map", 330 },
  { "map-grid-nl.png", "map", 1280, 900, FALSE, "stakeholder_map", 330, "nl" },
  { "map-grid-dark.png", "map", 1280, 900, TRUE, "stakeholder_map", 330 },
  { "map-grid-narrow.png", "map", 360, 800, FALSE, "stakeholder_map", 330 },
  /* minutes being taken, then finalised (the last ones: they finalise) */
  { "minutes.png", "meetings", 1280, 900, FALSE, "minutes" },
  { "minutes-nl.png", "meetings", 1280, 900, FALSE, "minutes", 0, "nl" },
  { "minutes-narrow.png", "meetings", 360, 800, FALSE, "minutes" },
  { "minutes-finalised.png", "meetings", 1280, 900, FALSE, "minutes-finalised" },
  { "minutes-finalised-dark.png", "meetings", 1280, 900, TRUE, "minutes-finalised" },
  { "minutes-finalised-nl.png", "meetings", 1280, 900, FALSE, "minutes-finalised", 0, "nl" },
};

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
save_png (GtkWidget  *window,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

static const char *
first_id (KwStore    *store,
          const char *type)
{
  static char id[64];
  g_autoptr(GPtrArray) records = kw_store_list (store, type, NULL);

  for (guint i = 0; records && i < records->len; i++)
    {
      KwRecord *record = g_ptr_array_index (records, i);

      if (g_str_equal (type, "organisation") || kw_record_get_bool (record, "key_figure"))
        {
          g_strlcpy (id, kw_record_get_id (record), sizeof id);
          return id;
        }
    }
  return NULL;
}

/* Someone with a tense relation, to show how that looks. */
static const char *
tense_id (KwStore *store)
{
  static char id[64];
  static const char * const people[] = { "person", NULL };
  g_autoptr(GPtrArray) relations = kw_store_list (store, "relation", NULL);

  for (guint i = 0; relations && i < relations->len; i++)
    {
      KwRecord *relation = g_ptr_array_index (relations, i);
      const char *from = kw_record_get_string (relation, "from");

      if (g_strcmp0 (kw_record_get_string (relation, "sentiment"), "tense") == 0
          && kw_store_find_type (store, people, from) != NULL)
        {
          g_strlcpy (id, from, sizeof id);
          return id;
        }
    }
  return first_id (store, "person");
}

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled_window (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
open_record (KwStore        *store,
             KwContactsView *view,
             const Shot     *shot)
{
  gboolean tense = g_str_equal (shot->open, "tense");
  const char *type = tense ? "person" : shot->open;
  GtkScrolledWindow *scrolled;

  kw_contacts_view_open (view, type, tense ? tense_id (store) : first_id (store, type));
  if (shot->scroll == 0)
    return;
  wait_ms (300);
  scrolled = find_scrolled_window (kw_contacts_view_get_page (view, type));
  /* the page laid out far enough down to scroll there */
  KW_TEST_WAIT_UNTIL (gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (scrolled))
                      - gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (scrolled)) >= shot->scroll);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), shot->scroll);
}

/* The alliance of an area in Nieuw-West (the demo's), else the first. */
static const char *
alliance_id (KwStore *store)
{
  static char id[64];
  g_autoptr(GPtrArray) alliances = kw_store_list (store, "alliance", NULL);

  for (guint i = 0; alliances && i < alliances->len && id[0] == '\0'; i++)
    {
      KwRecord *area = kw_store_get (store, "area", kw_record_get_string (alliances->pdata[i], "area"), NULL);

      for (guint depth = 0; area != NULL && depth < 16; depth++)
        {
          KwRecord *parent = kw_store_get (store, "area", kw_record_get_string (area, "parent"), NULL);

          if (g_strcmp0 (kw_record_get_string (area, "name"), "Nieuw-West") == 0)
            g_strlcpy (id, kw_record_get_id (alliances->pdata[i]), sizeof id);
          g_object_unref (area);
          area = parent;
        }
      g_clear_object (&area);
    }
  if (id[0] == '\0' && alliances && alliances->len > 0)
    g_strlcpy (id, kw_record_get_id (alliances->pdata[0]), sizeof id);
  return id;
}

/* The demo's first meeting with an agenda, in its view; its id. */
static const char *
open_meeting (KwWindow *window,
              KwStore  *store)
{
  static char found[64];
  g_autoptr(GPtrArray) meetings = kw_store_list (store, "meeting", NULL);
  const char *id = NULL;

  for (guint i = 0; meetings && i < meetings->len && id == NULL; i++)
    {
      g_autoptr(GPtrArray) items = kw_store_list_by_ref (store, "agenda_item", "meeting",
                                                         kw_record_get_id (meetings->pdata[i]), NULL);

      if (items && items->len > 1)
        id = kw_record_get_id (meetings->pdata[i]);
    }
  if (id == NULL)
    return NULL;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(ss)", "meeting", id);
  g_strlcpy (found, id, sizeof found);  /* the list is freed on return */
  return found;
}

/* What a minute taker types in during the first item, once. */
static void
fill_minutes (KwStore    *store,
              const char *meeting)
{
  g_autoptr(GPtrArray) items = kw_store_list_by_ref (store, "agenda_item", "meeting", meeting, NULL);
  g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", NULL);
  KwRecord *first = NULL;

  for (guint i = 0; items && i < items->len; i++)
    if (first == NULL || g_strcmp0 (kw_record_get_string (items->pdata[i], "position"), kw_record_get_string (first, "position")) < 0)
      first = items->pdata[i];
  if (first == NULL || kw_record_get_string (first, "notes") != NULL || kw_meetings_is_finalised (store, meeting))
    return;
  kw_changeset_set_string (changes, "notes", "Welkom door de voorzitter. Twee nieuwe bewoners van de Kraaiennest "
                                             "stellen zich voor; de tolk Arabisch is er vanaf half zes.");
  kw_changeset_set_string (changes, "decision", "De agenda wordt vastgesteld; punt 4 schuift naar voren.");
  kw_store_update (store, kw_record_get_id (first), changes, NULL);
}

/* Its minutes being taken: the first item open, with notes and a
 * decision; finalised, the page from the top, with its banner. */
static void
open_minutes (KwWindow   *window,
              KwStore    *store,
              const Shot *shot)
{
  g_autofree char *id = g_strdup (open_meeting (window, store));
  GtkWidget *page = NULL;
  GtkWidget *minutes;
  GPtrArray *rows;
  GtkScrolledWindow *scrolled;
  graphene_point_t at;

  if (id == NULL)
    return;
  fill_minutes (store, id);
  if (g_str_equal (shot->open, "minutes-finalised") && !kw_meetings_is_finalised (store, id))
    {
      g_autoptr(GError) error = NULL;

      if (!kw_meetings_finalise (store, id, &error))
        g_printerr ("could not finalise %s: %s\n", id, error->message);
    }
  wait_ms (300);
  page = kw_meetings_view_get_page (KW_MEETINGS_VIEW (kw_window_get_view_for_type (window, "meeting")));
  minutes = kw_meeting_page_get_minutes (KW_MEETING_PAGE (page));
  rows = kw_minutes_group_get_rows (KW_MINUTES_GROUP (minutes));
  if (rows->len > 0)
    adw_expander_row_set_expanded (g_ptr_array_index (rows, 0), TRUE);
  if (g_str_equal (shot->open, "minutes-finalised"))
    return;
  wait_ms (300);
  scrolled = find_scrolled_window (page);
  /* from the meeting's own minutes on */
  if (gtk_widget_compute_point (kw_record_page_get_row (KW_RECORD_PAGE (page), "minutes"), gtk_scrolled_window_get_child (scrolled),
                                &GRAPHENE_POINT_INIT (0, 0), &at))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), at.y - 48);
}

/* The month view, on the month of the demo's latest meeting before now. */
static void
open_month (KwWindow *window,
            KwStore  *store)
{
  KwMeetingsView *view = KW_MEETINGS_VIEW (kw_window_get_view_for_type (window, "meeting"));
  KwMeetingsMonth *month = KW_MEETINGS_MONTH (kw_meetings_view_show_month (view));
  g_autoptr(GPtrArray) meetings = kw_store_list (store, "meeting", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) latest = NULL;

  for (guint i = 0; meetings && i < meetings->len; i++)
    {
      const char *s = kw_record_get_string (meetings->pdata[i], "starts_at");
      g_autoptr(GDateTime) start = s ? g_date_time_new_from_iso8601 (s, NULL) : NULL;

      if (start != NULL && g_date_time_compare (start, now) < 0
          && (latest == NULL || g_date_time_compare (start, latest) > 0))
        {
          g_clear_pointer (&latest, g_date_time_unref);
          latest = g_date_time_to_local (start);
        }
    }
  if (latest != NULL)
    kw_meetings_month_set_month (month, g_date_time_get_year (latest), g_date_time_get_month (latest));
}

/* A meeting's agenda whose planned minutes run over its time: the first
 * item gets a quarter of an hour more than there is (once). */
static void
open_agenda (KwWindow   *window,
             KwStore    *store,
             const Shot *shot)
{
  KwMeetingsView *view = KW_MEETINGS_VIEW (kw_window_get_view_for_type (window, "meeting"));
  KwAgendaGroup *agenda;
  GPtrArray *items;

  open_meeting (window, store);
  wait_ms (300);
  agenda = KW_AGENDA_GROUP (kw_meeting_page_get_agenda (KW_MEETING_PAGE (kw_meetings_view_get_page (view))));
  items = kw_agenda_group_get_items (agenda);
  if (!kw_agenda_group_get_overrun (agenda) && items->len > 0)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", NULL);
      KwRecord *first = g_ptr_array_index (items, 0);
      g_autoptr(KwRecord) meeting = kw_store_get (store, "meeting", kw_record_get_string (first, "meeting"), NULL);
      const char *s = meeting ? kw_record_get_string (meeting, "starts_at") : NULL;
      const char *e = meeting ? kw_record_get_string (meeting, "ends_at") : NULL;
      g_autoptr(GDateTime) start = s ? g_date_time_new_from_iso8601 (s, NULL) : NULL;
      g_autoptr(GDateTime) end = e ? g_date_time_new_from_iso8601 (e, NULL) : NULL;
      gint64 over = start && end ? g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE + 15 : 0;

      for (guint i = 0; i < items->len; i++)
        over -= kw_record_get_int (g_ptr_array_index (items, i), "minutes_planned");
      kw_changeset_set_int (changes, "minutes_planned", kw_record_get_int (first, "minutes_planned") + MAX (over, 0));
      kw_store_update (store, kw_record_get_id (first), changes, NULL);
    }
  wait_ms (300);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (find_scrolled_window (kw_meetings_view_get_page (view))),
                            shot->scroll);
}

/* An alliance's page, scrolled down to its partners and gaps. */
static void
open_alliance (KwWindow   *window,
               KwStore    *store,
               const Shot *shot)
{
  GtkWidget *view = kw_window_get_view_for_type (window, "alliance");
  GtkWidget *page = GTK_WIDGET (_kw_alliances_view_get_page (KW_ALLIANCES_VIEW (view)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(ss)", "alliance", alliance_id (store));
  wait_ms (300);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (find_scrolled_window (page)), shot->scroll);
}

/* The id of the record of the type with this title, or NULL. */
static const char *
titled_id (KwStore    *store,
           const char *type_name,
           const char *title)
{
  static char id[64];
  g_autoptr(GPtrArray) records = kw_store_list (store, type_name, NULL);

  id[0] = '\0';
  for (guint i = 0; records && i < records->len && id[0] == '\0'; i++)
    if (g_strcmp0 (kw_record_get_string (records->pdata[i], "name"), title) == 0)
      g_strlcpy (id, kw_record_get_id (records->pdata[i]), sizeof id);
  return id[0] != '\0' ? id : NULL;
}

/* The demo's village network, or its binnenbuurt where two members stopped
 * coming (Zaaiershof), scrolled down to who stopped coming. */
static void
open_network (KwWindow   *window,
              KwStore    *store,
              const Shot *shot)
{
  gboolean unit = g_str_equal (shot->open, "network_unit");
  const char *id = titled_id (store, shot->open, unit ? "Zaaiershof" : "Stadsdorp Meerzicht");
  KwNetworksView *view = KW_NETWORKS_VIEW (kw_window_get_view_for_type (window, "network"));
  GtkWidget *page;

  if (id == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(ss)", shot->open, id);
  wait_ms (300);
  page = unit ? kw_networks_view_get_unit_page (view) : kw_networks_view_get_network_page (view);
  if (shot->scroll > 0 && page != NULL && find_scrolled_window (page) != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (find_scrolled_window (page)), shot->scroll);
}

/* The power/interest grid of the demo's map of Slotermeer-Noord. */
static void
open_grid (KwWindow   *window,
          KwStore    *store,
          const Shot *shot)
{
  const char *id = titled_id (store, "stakeholder_map", "Krachtenveld Slotermeer-Noord");
  KwMapView *view = KW_MAP_VIEW (kw_window_get_view_for_type (window, "stakeholder_map"));

  if (id == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(ss)", "stakeholder_map", id);
  wait_ms (300);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (find_scrolled_window (GTK_WIDGET (kw_map_view_get_page (view)))),
                            shot->scroll);
}

/* The translations of the build tree: BUILDDIR/po/LANG/LC_MESSAGES. */
static char *locale_dir;

/* gettext keeps what it found, per locale, not per LANGUAGE: this is
 * how its manual says to make it look again */
extern int _nl_msg_cat_cntr;

static void
set_language (const char *language)
{
  ++_nl_msg_cat_cntr;
  /* dates the language's way where its locale is there (else as C) */
  setlocale (LC_TIME, language != NULL && g_str_equal (language, "nl") ? "nl_NL.UTF-8" : "C.UTF-8");
  setlocale (LC_NUMERIC, language != NULL && g_str_equal (language, "nl") ? "nl_NL.UTF-8" : "C.UTF-8");
  if (language == NULL)
    {
      g_unsetenv ("LANGUAGE");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", language, TRUE);
}

/* The map of Nieuw-West, laid out and its bridges found. */
static void
open_map (KwWindow *window,
          KwStore  *store)
{
  KwMapView *view = KW_MAP_VIEW (kw_window_get_view_for_type (window, "stakeholder_map"));
  g_autoptr(GPtrArray) areas = kw_store_list (store, "area", NULL);

  kw_test_wait_transitions (GTK_WIDGET (window));
  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      g_autofree char *title = kw_record_dup_title (areas->pdata[i]);

      if (g_strcmp0 (title, "Nieuw-West") == 0)
        kw_map_view_set_area (view, kw_record_get_id (areas->pdata[i]));
    }
  KW_TEST_WAIT_UNTIL (!kw_map_view_get_loading (view) && kw_map_view_get_bridges (view) != NULL);
}

static gboolean
take (KwStore    *store,
      const Shot *shot,
      const char *outdir)
{
  g_autofree char *path = g_build_filename (outdir, shot->file, NULL);
  KwWindow *window;
  GtkWidget *view;
  gboolean ok;

  set_language (shot->language);
  /* the rows' texts of the shot before were made in its language */
  if (g_object_get_data (G_OBJECT (store), "kw-contact-row-cache") != NULL)
    g_hash_table_remove_all (g_object_get_data (G_OBJECT (store), "kw-contact-row-cache"));
  window = kw_window_new (NULL, store);
  view = kw_window_get_contacts_view (window);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (window), shot->width, shot->height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", shot->view);
  if (g_strcmp0 (shot->open, "alliance") == 0)
    open_alliance (window, store, shot);
  else if (g_str_has_prefix (shot->open ? shot->open : "", "network"))
    open_network (window, store, shot);
  else if (g_strcmp0 (shot->open, "meeting") == 0)
    open_meeting (window, store);
  else if (g_strcmp0 (shot->open, "month") == 0)
    open_month (window, store);
  else if (g_strcmp0 (shot->open, "agenda") == 0)
    open_agenda (window, store, shot);
  else if (g_strcmp0 (shot->open, "map") == 0)
    open_map (window, store);
  else if (g_strcmp0 (shot->open, "stakeholder_map") == 0)
    open_grid (window, store, shot);
  else if (g_str_has_prefix (shot->open ? shot->open : "", "minutes"))
    open_minutes (window, store, shot);
  else if (shot->open != NULL)
    open_record (store, KW_CONTACTS_VIEW (view), shot);
  wait_ms (700);
  /* on screen, no transition half-way, and drawn since */
  kw_test_wait_mapped (GTK_WIDGET (window));
  kw_test_wait_transitions (GTK_WIDGET (window));
  /* a loaded machine may not have drawn the first window yet */
  for (guint i = 0; !(ok = save_png (GTK_WIDGET (window), path)) && i < 10; i++)
    wait_ms (300);
  g_print ("%s %s\n", ok ? "wrote" : "could not write", path);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (50);
  set_language (NULL);
  return ok;
}

/* What AdwApplication does for the application itself. */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/nl/kwartier/Kwartier/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Dialogs: each its own toplevel, rendered the same way. */
static gboolean
take_dialog (GtkWindow  *dialog,
             const char *outdir,
             const char *file)
{
  g_autofree char *path = g_build_filename (outdir, file, NULL);
  gboolean ok;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_present (dialog);
  wait_ms (500);
  kw_test_wait_mapped (GTK_WIDGET (dialog));
  kw_test_wait_transitions (GTK_WIDGET (dialog));
  ok = save_png (GTK_WIDGET (dialog), path);
  g_print ("%s %s\n", ok ? "wrote" : "could not write", path);
  gtk_window_destroy (dialog);
  return ok;
}

/* A second record of a key figure, as a colleague might type it in. */
static char *
add_duplicate (KwStore *store)
{
  g_autoptr(KwRecord) person = kw_store_get (store, "person", first_id (store, "person"), NULL);
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);
  g_autofree char *name = g_utf8_strdown (kw_record_get_string (person, "name"), -1);

  kw_changeset_set_string (changes, "name", name);
  kw_changeset_set_string (changes, "email", kw_record_get_string (person, "email"));
  kw_changeset_set_string (changes, "phone", "06 9876 5432");
  kw_changeset_set_string (changes, "area", kw_record_get_string (person, "area"));
  return kw_store_create (store, changes, NULL);
}

static gboolean
take_merge (KwStore    *store,
            const char *outdir)
{
  g_autofree char *copy = add_duplicate (store);
  KwMergeWindow *merge;
  gboolean ok;

  merge = kw_merge_window_new (NULL, store);
  ok = take_dialog (GTK_WINDOW (merge), outdir, "duplicates.png");
  merge = kw_merge_window_new (NULL, store);
  kw_merge_window_compare (merge, first_id (store, "person"), copy);
  ok = take_dialog (GTK_WINDOW (merge), outdir, "merge.png") && ok;
  return ok;
}

static void
set_notes (KwStore    *store,
           const char *id,
           const char *notes)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", NULL);

  kw_changeset_set_string (changes, "notes", notes);
  kw_store_update (store, id, changes, NULL);
}

/* A colleague's copy edits the same notes; her export comes back. */
static gboolean
take_conflicts (KwStore    *store,
                const char *dir,
                const char *outdir)
{
  g_autofree char *other_db = g_build_filename (dir, "colleague.db", NULL);
  g_autofree char *file = g_build_filename (dir, "exchange.kwartier.jsonl", NULL);
  g_autoptr(KwStore) other = kw_store_open (other_db, NULL);
  g_autoptr(GPtrArray) people = kw_store_list (store, "person", NULL);
  KwExportOptions options = { 0 };
  KwImportSummary summary;
  const char *id = NULL;

  /* someone whose record colleagues hold: not private */
  for (guint i = 0; id == NULL && people && i < people->len; i++)
    if (g_strcmp0 (kw_record_get_string (people->pdata[i], "consent"), "shared") == 0)
      id = kw_record_get_id (people->pdata[i]);

  if (other == NULL || !kw_store_set_organiser (other, "Mirjam", NULL)
      || !kw_export_to_file (store, &options, file, NULL)
      || !kw_import_file (other, file, FALSE, &summary, NULL) || id == NULL)
    return FALSE;
  set_notes (other, id, "Wil de theemiddag op donderdag houden, niet op dinsdag.");
  set_notes (store, id, "Theemiddag blijft op dinsdag in het buurthuis.");
  if (!kw_export_to_file (other, &options, file, NULL) || !kw_import_file (store, file, FALSE, &summary, NULL))
    return FALSE;
  return take_dialog (GTK_WINDOW (kw_conflicts_window_new (NULL, store)), outdir, "conflicts.png");
}

/* The export window with one alliance as its scope, once it has counted
 * what leaves the laptop. */
static gboolean
take_export (KwStore    *store,
             const char *outdir)
{
  g_autofree char *path = g_build_filename (outdir, "export.png", NULL);
  g_autoptr(GPtrArray) alliances = kw_store_list (store, "alliance", NULL);
  KwExportWindow *window = kw_export_window_new (NULL, store, "kwartier-demo-2026-11-01.kwartier.jsonl");
  gboolean ok;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  if (alliances != NULL && alliances->len > 0)
    kw_export_window_set_scope (window, KW_EXPORT_SCOPE_ALLIANCE, kw_record_get_id (alliances->pdata[0]));
  gtk_window_present (GTK_WINDOW (window));
  kw_test_wait_mapped (GTK_WIDGET (window));
  KW_TEST_WAIT_UNTIL (!kw_export_window_get_busy (window) && kw_export_window_get_preview (window) != NULL);
  kw_test_wait_transitions (GTK_WIDGET (window));
  ok = save_png (GTK_WIDGET (window), path);
  g_print ("%s %s\n", ok ? "wrote" : "could not write", path);
  gtk_window_destroy (GTK_WINDOW (window));
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *bindir = NULL;
  const char *outdir = argc > 1 ? argv[1] : ".";
  gboolean ok = TRUE;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  bindir = g_path_get_dirname (argv[0]);
  locale_dir = g_build_filename (bindir, "..", "..", "po", NULL);
  gtk_init ();
  adw_init ();
  load_style ();
  /* no transition caught half-way on a slow or busy machine */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "first-run-done", TRUE);
  dir = g_dir_make_tmp ("kwartier-shots-XXXXXX", &error);
  db = dir ? g_build_filename (dir, "demo.db", NULL) : NULL;
  if (db == NULL || (store = kw_store_open (db, &error)) == NULL || !kw_demo_load (store, &error))
    {
      g_printerr ("kw-screenshots: %s\n", error->message);
      return 1;
    }
  g_mkdir_with_parents (outdir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    ok = take (store, &shots[i], outdir) && ok;
  ok = take_dialog (GTK_WINDOW (kw_preferences_window_new (settings, store)), outdir, "preferences.png") && ok;
  ok = take_dialog (GTK_WINDOW (kw_load_window_new (NULL, store)), outdir, "load.png") && ok;
  ok = take_merge (store, outdir) && ok;
  ok = take_conflicts (store, dir, outdir) && ok;
  ok = take_export (store, outdir) && ok;
  ok = take_dialog (kw_application_new_about_window (NULL), outdir, "about.png") && ok;
  g_free (locale_dir);
  return ok ? 0 : 1;
}
