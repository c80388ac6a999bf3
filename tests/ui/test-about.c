/* test-about.c: the About window, and that it says what the metainfo says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "kw-application.h"
#include "kw-test-util.h"

static char *
dup_metainfo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", APP_ID ".metainfo.xml.in", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* The first group of the pattern in text, or NULL. */
static char *
dup_match (const char *text,
           const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_nonnull (regex);
  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

/* Markup without the white space between and around tags, and runs of
 * white space as one space. */
static char *
normalize (const char *markup)
{
  g_autoptr(GRegex) around = g_regex_new ("\\s*(<[^>]*>)\\s*", 0, 0, NULL);
  g_autoptr(GRegex) runs = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *tight = g_regex_replace (around, markup, -1, 0, "\\1", 0, NULL);

  return g_strstrip (g_regex_replace_literal (runs, tight, -1, 0, " ", 0, NULL));
}

static void
test_about_window (void)
{
  GtkWindow *about;
  AdwAboutWindow *window;
  g_autofree char *comments = NULL;

  kw_test_use_dutch (FALSE);
  about = kw_application_new_about_window (NULL);
  g_assert_true (ADW_IS_ABOUT_WINDOW (about));
  window = ADW_ABOUT_WINDOW (about);
  g_assert_cmpstr (adw_about_window_get_application_name (window), ==, "Kwartier");
  g_assert_cmpstr (adw_about_window_get_application_icon (window), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (window), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (window), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (g_str_has_prefix (adw_about_window_get_website (window), "https://"));
  g_assert_true (g_str_has_prefix (adw_about_window_get_issue_url (window), "https://"));
  g_assert_nonnull (strstr (adw_about_window_get_copyright (window), "Kwartier"));
  g_assert_nonnull (adw_about_window_get_developers (window));
  g_assert_nonnull (adw_about_window_get_developers (window)[0]);
  g_assert_nonnull (adw_about_window_get_designers (window));
  g_assert_nonnull (adw_about_window_get_designers (window)[0]);
  g_assert_cmpstr (adw_about_window_get_release_notes_version (window), ==, "0.2.0");
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (window), "<li>"));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (window), PACKAGE_VERSION));
  gtk_window_present (about);
  kw_test_wait_mapped (GTK_WIDGET (about));
  gtk_window_destroy (about);

  /* in Dutch: the translators are named, the notes translated */
  kw_test_use_dutch (TRUE);
  about = kw_application_new_about_window (NULL);
  window = ADW_ABOUT_WINDOW (about);
  g_assert_cmpstr (adw_about_window_get_translator_credits (window), !=, "translator-credits");
  comments = g_strdup (adw_about_window_get_release_notes (window));
  kw_test_use_dutch (FALSE);
  g_assert_cmpstr (comments, !=, kw_application_get_release_notes ());
  g_assert_nonnull (strstr (comments, "<li>"));
  gtk_window_destroy (about);
  kw_test_flush ();
}

/* The About window's addresses and release notes are those of the
 * metainfo (data/nl.kwartier.Kwartier.metainfo.xml.in), when it has them. */
static void
test_same_as_metainfo (void)
{
  g_autofree char *metainfo = dup_metainfo ();
  g_autofree char *homepage = dup_match (metainfo, "<url type=\"homepage\">([^<]*)</url>");
  g_autofree char *bugtracker = dup_match (metainfo, "<url type=\"bugtracker\">([^<]*)</url>");
  GtkWindow *about;
  AdwAboutWindow *window;
  g_autofree char *pattern = NULL;
  g_autofree char *notes = NULL;

  kw_test_use_dutch (FALSE);
  about = kw_application_new_about_window (NULL);
  window = ADW_ABOUT_WINDOW (about);
  pattern = g_strdup_printf ("<release version=\"%s\"[^>]*>\\s*<description>(.*?)</description>",
                             adw_about_window_get_release_notes_version (window));
  notes = dup_match (metainfo, pattern);
  if (homepage != NULL)
    g_assert_cmpstr (adw_about_window_get_website (window), ==, homepage);
  if (bugtracker != NULL)
    g_assert_cmpstr (adw_about_window_get_issue_url (window), ==, bugtracker);
  if (notes != NULL)
    {
      g_autofree char *ours = normalize (adw_about_window_get_release_notes (window));
      g_autofree char *theirs = normalize (notes);

      g_assert_cmpstr (ours, ==, theirs);
    }
  gtk_window_destroy (about);
  kw_test_flush ();
  if (homepage == NULL || bugtracker == NULL || notes == NULL)
    g_test_skip ("the metainfo has no homepage, bug tracker or release notes of this version yet");
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/kw/ui/about/window", test_about_window);
  g_test_add_func ("/kw/ui/about/same-as-metainfo", test_same_as_metainfo);

  return g_test_run ();
}
