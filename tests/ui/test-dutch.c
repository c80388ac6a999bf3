/* test-dutch.c: the whole window in Dutch, dates and money included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under the nl_NL.UTF-8 locale with the build's translation (build/po),
 * on the demo data: every view, a page of each kind and the month are
 * opened (and on an empty database the first-run welcome and every
 * view's empty state, and the Keyboard Shortcuts window), and
 * every text the window shows (labels, buttons, row titles and
 * subtitles, window titles, placeholders, tooltips) is collected. A
 * text that is an English msgid of the translation whose Dutch differs
 * was not translated: the test names it. Dates show Dutch month names,
 * amounts a decimal comma; in C the same dates are English, the typed
 * one ISO. Skips, saying why, only where the locale
 * nl_NL.UTF-8 does not exist (build-aux/dev test makes it as root).
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kw-format.h"
#include "meetings/kw-meetings-month.h"
#include "meetings/kw-meetings-view.h"
#include "kw-test-util.h"

/* The English msgids whose Dutch differs, and every Dutch msgstr (a text
 * that is both, "Team", is Dutch). */
static GHashTable *english;
static GHashTable *dutch;
static gboolean have_locale;

/* A .mo file: the magic, then the count and the offsets of two tables of
 * (length, offset) pairs, originals and translations. */
static guint32
mo_word (const guint8 *data,
         gsize         size,
         gsize         at,
         gboolean      swap)
{
  guint32 v;

  g_assert_cmpuint (at + 4, <=, size);
  memcpy (&v, data + at, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

static const char *
mo_string (const guint8 *data,
           gsize         size,
           gsize         table,
           guint32       i,
           gboolean      swap,
           guint32      *len)
{
  guint32 offset = mo_word (data, size, table + i * 8 + 4, swap);

  *len = mo_word (data, size, table + i * 8, swap);
  g_assert_cmpuint ((gsize) offset + *len, <, size);
  return (const char *) data + offset;
}

static void
add_forms (const char *id,
           guint32     id_len,
           const char *str,
           guint32     str_len)
{
  const char *id_end = id + id_len, *str_end = str + str_len;
  const char *ctx = memchr (id, '\004', id_len);

  if (ctx != NULL)
    id = ctx + 1;
  /* singular, then plural forms, separated by NUL */
  for (; str < str_end; str += strlen (str) + 1)
    g_hash_table_add (dutch, g_strdup (str));
  str = str_end - str_len;
  for (; id < id_end && str < str_end; id += strlen (id) + 1, str += strlen (str) + 1)
    if (!g_str_equal (id, str) && *id != '\0')
      g_hash_table_add (english, g_strdup (id));
}

static void
load_catalogue (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "po", "nl", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  gsize size = 0;
  guint32 n, originals, translations;
  gboolean swap;

  g_file_get_contents (path, (char **) &data, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, 28);
  swap = mo_word (data, size, 0, FALSE) != 0x950412de;
  g_assert_cmphex (mo_word (data, size, 0, swap), ==, 0x950412de);
  n = mo_word (data, size, 8, swap);
  originals = mo_word (data, size, 12, swap);
  translations = mo_word (data, size, 16, swap);
  english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dutch = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_len, str_len;
      const char *id = mo_string (data, size, originals, i, swap, &id_len);
      const char *str = mo_string (data, size, translations, i, swap, &str_len);

      if (id_len > 0)
        add_forms (id, id_len, str, str_len);
    }
  /* a catalogue of the application's size, read right */
  g_assert_cmpuint (g_hash_table_size (english), >, 500);
  g_assert_true (g_hash_table_contains (english, "Contacts"));
  g_assert_true (g_hash_table_contains (dutch, "Contacten"));
}

/* Collecting what is shown */

static void
add_text (GHashTable *texts,
          const char *text,
          GtkWidget  *widget)
{
  if (text != NULL && *text != '\0' && !g_hash_table_contains (texts, text))
    g_hash_table_insert (texts, g_strdup (text), g_strdup (G_OBJECT_TYPE_NAME (widget)));
}

static void
collect_widget (GtkWidget  *widget,
                GHashTable *texts)
{
  add_text (texts, gtk_widget_get_tooltip_text (widget), widget);
  if (GTK_IS_LABEL (widget))
    {
      add_text (texts, gtk_label_get_label (GTK_LABEL (widget)), widget);
      add_text (texts, gtk_label_get_text (GTK_LABEL (widget)), widget);
    }
  else if (GTK_IS_BUTTON (widget))
    add_text (texts, gtk_button_get_label (GTK_BUTTON (widget)), widget);
  else if (GTK_IS_MENU_BUTTON (widget))
    add_text (texts, gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), widget);
  else if (GTK_IS_CHECK_BUTTON (widget))
    add_text (texts, gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), widget);
  else if (GTK_IS_ENTRY (widget))
    add_text (texts, gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), widget);
  else if (ADW_IS_WINDOW_TITLE (widget))
    {
      add_text (texts, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)), widget);
      add_text (texts, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)), widget);
    }
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      add_text (texts, adw_status_page_get_title (ADW_STATUS_PAGE (widget)), widget);
      add_text (texts, adw_status_page_get_description (ADW_STATUS_PAGE (widget)), widget);
    }
  else if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      add_text (texts, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), widget);
      add_text (texts, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)), widget);
    }
  else if (ADW_IS_BUTTON_CONTENT (widget))
    add_text (texts, adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)), widget);
  if (ADW_IS_PREFERENCES_ROW (widget))
    add_text (texts, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), widget);
  if (ADW_IS_ACTION_ROW (widget))
    add_text (texts, adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), widget);
  if (ADW_IS_EXPANDER_ROW (widget))
    add_text (texts, adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)), widget);
  if (GTK_IS_WINDOW (widget))
    add_text (texts, gtk_window_get_title (GTK_WINDOW (widget)), widget);
}

/* Every text of what is on screen: visible widgets, not the pages a
 * stack or leaflet hides. */
static void
collect (GtkWidget  *widget,
         GHashTable *texts)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  collect_widget (widget, texts);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, texts);
}

static GHashTable *
collect_window (KwWindow *window)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  collect (GTK_WIDGET (window), texts);
  return texts;
}

/* The texts the window shows that were left in English, "“Save” (GtkLabel)". */
static char *
dup_english (GHashTable *texts)
{
  GString *found = g_string_new (NULL);
  GHashTableIter iter;
  gpointer text, where;

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &text, &where))
    if (g_hash_table_contains (english, text) && !g_hash_table_contains (dutch, text))
      g_string_append_printf (found, " “%s” (%s)", (char *) text, (char *) where);
  return g_string_free (found, found->len == 0);
}

static gboolean
any_matches (GHashTable *texts,
             GRegex     *regex)
{
  GHashTableIter iter;
  gpointer text;

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    if (g_regex_match (regex, text, 0, NULL))
      return TRUE;
  return FALSE;
}

static const char *
first_id (KwStore    *store,
          const char *type)
{
  static char id[64];
  g_autoptr(GPtrArray) records = kw_store_list (store, type, NULL);

  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, >, 0);
  g_strlcpy (id, kw_record_get_id (records->pdata[0]), sizeof id);
  return id;
}

typedef struct {
  KwWindow   *window;
  const char *title;
  GHashTable *texts;
} Shown;

static gboolean
shows_title (gpointer data)
{
  Shown *shown = data;

  g_clear_pointer (&shown->texts, g_hash_table_unref);
  shown->texts = collect_window (shown->window);
  return shown->title == NULL || g_hash_table_contains (shown->texts, shown->title);
}

/* Until the window is done and shows @title somewhere; the texts then. */
static GHashTable *
wait_for_text (KwWindow   *window,
               const char *title)
{
  Shown shown = { window, title, NULL };

  kw_test_wait_not_busy (window);
  kw_test_wait_transitions (GTK_WIDGET (window));
  kw_test_wait_for (shows_title, &shown, 0);
  /* what the page's groups fill in after it came (a frame later) */
  kw_test_wait_frames (GTK_WIDGET (window), 2);
  g_clear_pointer (&shown.texts, g_hash_table_unref);
  return collect_window (window);
}

static void
assert_dutch (GHashTable *texts,
              const char *what)
{
  g_autofree char *left = dup_english (texts);

  if (left != NULL)
    g_error ("%s shows English text:%s", what, left);
}

/* Tests */

static gboolean
skip_without_locale (void)
{
  if (!have_locale)
    g_test_skip ("the locale nl_NL.UTF-8 does not exist (localedef -i nl_NL -f UTF-8 nl_NL.UTF-8)");
  return !have_locale;
}

static void
test_formats (void)
{
  g_autofree char *date = NULL, *shortdate = NULL, *money = NULL, *when = NULL;
  g_autofree char *entry = NULL, *back = NULL;

  if (skip_without_locale ())
    return;
  date = kw_format_date_long ("2026-12-01");
  shortdate = kw_format_date_short ("2026-12-01");
  money = kw_format_cents (123456);
  when = kw_format_datetime ("2026-12-01T13:00:00Z");
  entry = kw_format_date ("2026-12-01");
  back = kw_parse_date_locale (entry);
  g_assert_cmpstr (date, ==, "1 december 2026");
  g_assert_cmpstr (shortdate, ==, "di 1 dec");
  g_assert_cmpstr (money, ==, "€ 1.234,56");
  g_assert_cmpstr (when, ==, "1 december 2026, 14:00");   /* Amsterdam, in winter */
  g_assert_cmpstr (entry, ==, "1-12-2026");
  g_assert_cmpstr (back, ==, "2026-12-01");
}

/* gettext keeps what it found, per locale: this is how its manual says
 * to make it look again */
extern int _nl_msg_cat_cntr;

/* In the C locale, without a translation: English words, and a typed date
 * that reads the same everywhere (not the American "12/01/2026"). */
static void
test_formats_c (void)
{
  g_autofree char *date = NULL, *shortdate = NULL, *money = NULL, *entry = NULL, *back = NULL;

  if (skip_without_locale ())
    return;
  setlocale (LC_ALL, "C.UTF-8");
  ++_nl_msg_cat_cntr;
  date = kw_format_date_long ("2026-12-01");
  shortdate = kw_format_date_short ("2026-12-01");
  money = kw_format_cents (123456);
  entry = kw_format_date ("2026-12-01");
  back = kw_parse_date_locale (entry);
  setlocale (LC_ALL, "nl_NL.UTF-8");
  ++_nl_msg_cat_cntr;
  g_assert_cmpstr (date, ==, "1 December 2026");
  g_assert_cmpstr (shortdate, ==, "Tue 1 Dec");
  g_assert_cmpstr (money, ==, "€1,234.56");
  g_assert_cmpstr (entry, ==, "2026-12-01");
  g_assert_cmpstr (back, ==, "2026-12-01");
}

typedef struct {
  const char *view;   /* win.show-view */
  const char *type;   /* a record of it to open, by win.open-record */
} Visit;

static const Visit visits[] = {
  { "contacts", "person" },
  { "contacts", "organisation" },
  { "alliances", "alliance" },
  { "networks", "network" },
  { "networks", "network_unit" },
  { "meetings", "meeting" },
  { "map", "stakeholder_map" },
};

static void
test_views (KwTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GRegex) dutch_month = g_regex_new ("\\b[0-9]{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|"
                                               "september|oktober|november|december) [0-9]{4}\\b", 0, 0, NULL);
  g_autoptr(GRegex) english_month = g_regex_new ("\\b[0-9]{1,2} (January|February|March|April|May|June|July|August|"
                                                 "September|October|November|December)\\b", 0, 0, NULL);
  g_autoptr(GRegex) dutch_money = g_regex_new ("€ [0-9]{1,3}(\\.[0-9]{3})*,[0-9]{2}\\b", 0, 0, NULL);
  g_autoptr(GRegex) english_money = g_regex_new ("€[0-9]|€ ?[0-9]+\\.[0-9]{2}\\b", 0, 0, NULL);
  gboolean seen_month = FALSE, seen_money = FALSE;

  if (skip_without_locale ())
    return;
  /* the check itself: an English label is found, its Dutch is not */
  {
    g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GtkWidget) english_label = g_object_ref_sink (gtk_label_new ("Search alliances"));
    g_autoptr(GtkWidget) dutch_label = g_object_ref_sink (gtk_label_new (_("Search alliances")));
    g_autofree char *left = NULL;

    collect (dutch_label, texts);
    g_assert_null (dup_english (texts));
    collect (english_label, texts);
    left = dup_english (texts);
    g_assert_cmpstr (left, ==, " “Search alliances” (GtkLabel)");
  }
  kw_test_fixture_open (f);
  for (guint i = 0; i < G_N_ELEMENTS (visits); i++)
    {
      const char *id = first_id (f->store, visits[i].type);
      g_autoptr(KwRecord) record = kw_store_get (f->store, visits[i].type, id, NULL);
      g_autofree char *title = kw_record_dup_title (record);
      g_autoptr(GHashTable) list = NULL, page = NULL;
      g_autofree char *what = NULL;

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", visits[i].view);
      list = wait_for_text (f->window, NULL);
      what = g_strdup_printf ("the %s view", visits[i].view);
      assert_dutch (list, what);
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", visits[i].type, id);
      page = wait_for_text (f->window, title);
      g_free (what);
      what = g_strdup_printf ("the page of a %s (%s)", visits[i].type, title);
      assert_dutch (page, what);
      g_test_message ("%s: %u texts, the page %u", visits[i].view, g_hash_table_size (list), g_hash_table_size (page));
      g_assert_false (any_matches (list, english_month) || any_matches (page, english_month));
      g_assert_false (any_matches (list, english_money) || any_matches (page, english_money));
      seen_month |= any_matches (list, dutch_month) || any_matches (page, dutch_month);
      seen_money |= any_matches (list, dutch_money) || any_matches (page, dutch_money);
    }
  /* the meetings show their dates, the alliances and networks their money */
  g_assert_true (seen_month);
  g_assert_true (seen_money);
}

/* The month of the meetings: its title and its weekdays in Dutch. */
static void
test_month (KwTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GRegex) title = g_regex_new ("^november 2026$", 0, 0, NULL);
  g_autoptr(GRegex) weekday = g_regex_new ("^(ma|di|wo|do|vr|za|zo)$", 0, 0, NULL);
  g_autoptr(GRegex) english_weekday = g_regex_new ("^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)$", 0, 0, NULL);
  g_autoptr(GHashTable) texts = NULL;
  KwMeetingsMonth *month;

  if (skip_without_locale ())
    return;
  kw_test_fixture_open (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "meetings");
  month = KW_MEETINGS_MONTH (kw_meetings_view_show_month (KW_MEETINGS_VIEW (kw_window_get_view_for_type (f->window, "meeting"))));
  /* the demo's month (its reference date is 1 November 2026) */
  kw_meetings_month_set_month (month, 2026, 11);
  texts = wait_for_text (f->window, "november 2026");
  assert_dutch (texts, "the month of the meetings");
  g_assert_true (any_matches (texts, title));
  g_assert_true (any_matches (texts, weekday));
  g_assert_false (any_matches (texts, english_weekday));
}

static gboolean
has_second_toplevel (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != data && gtk_widget_get_mapped (window))
        return TRUE;
    }
  return FALSE;
}

/* An empty database: the first-run welcome, then every view's empty state. */
static void
test_empty (KwTestFixture *f,
            gconstpointer  data)
{
  static const char * const views[] = { "contacts", "alliances", "networks", "meetings", "map" };
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (skip_without_locale ())
    return;
  kw_test_fixture_open_full (f, FALSE);
  /* the welcome is a window of its own today; should it become a page of
   * the main window, the views below show it */
  {
    gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (!has_second_toplevel (f->window) && kw_test_iterate (deadline))
      ;
  }
  kw_test_wait_frames (GTK_WIDGET (f->window), 2);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (f->window))
        collect (window, texts);
    }
  if (g_hash_table_size (texts) == 0)
    g_test_message ("no welcome window came");
  assert_dutch (texts, "the welcome");
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WIDGET (f->window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(GHashTable) shown = NULL;
      g_autofree char *what = g_strdup_printf ("the empty %s view", views[i]);

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", views[i]);
      shown = wait_for_text (f->window, NULL);
      assert_dutch (shown, what);
    }
}

/* The Keyboard Shortcuts window, as the application loads it. */
static void
test_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkWidget *window;

  if (skip_without_locale ())
    return;
  builder = gtk_builder_new_from_resource ("/nl/kwartier/Kwartier/gtk/help-overlay.ui");
  window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  kw_test_wait_mapped (window);
  kw_test_wait_frames (window, 1);
  collect (window, texts);
  g_assert_cmpuint (g_hash_table_size (texts), >, 5);
  assert_dutch (texts, "the Keyboard Shortcuts window");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;

  /* before GTK: the Dutch locale for everything, dates and money too */
  have_locale = setlocale (LC_ALL, "nl_NL.UTF-8") != NULL;
  if (have_locale)
    g_setenv ("LC_ALL", "nl_NL.UTF-8", TRUE);
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  g_unsetenv ("LANGUAGE");
  kw_test_init (&argc, &argv);
  dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  load_catalogue ();

  g_test_add_func ("/kw/dutch/formats", test_formats);
  g_test_add_func ("/kw/dutch/formats-c", test_formats_c);
  g_test_add ("/kw/dutch/views", KwTestFixture, KW_TEST_DEMO, kw_test_fixture_setup, test_views,
              kw_test_fixture_teardown);
  g_test_add ("/kw/dutch/month", KwTestFixture, KW_TEST_DEMO, kw_test_fixture_setup, test_month,
              kw_test_fixture_teardown);
  g_test_add ("/kw/dutch/empty", KwTestFixture, KW_TEST_EMPTY, kw_test_fixture_setup, test_empty,
              kw_test_fixture_teardown);
  g_test_add_func ("/kw/dutch/shortcuts", test_shortcuts);
  return g_test_run ();
}
