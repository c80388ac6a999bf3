/* test-publish-cli.c: `kwartier-cli minutes` and `print` on the demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real kwartier-cli (KWARTIER_CLI) on the demo database: public
 * minutes as Markdown, HTML and PDF with the redaction list beside them,
 * internal minutes as typed, the printable agenda and sign-in sheet; the
 * PDF text read back with pdftotext, and no non-public name in the bytes
 * or the text of any published file.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kw-test-cli.h"
#include "kw-test-files.h"

/* The demo database, once for every test (read-only), and the id of
 * the opgaveteam of Nieuw-West. */
static KwTestSandbox *demo;
static char *opgaveteam;

static void
set_up_demo (void)
{
  g_autoptr(KwTestResult) made = NULL;
  g_autoptr(KwTestResult) list = NULL;
  g_auto(GStrv) lines = NULL;

  demo = kw_test_sandbox_new ("kw-publish-cli");
  made = KW_TEST_CLI_RUN (demo, "demo");
  kw_test_assert_status (made, 0);
  list = KW_TEST_CLI_RUN (demo, "list", "meeting");
  kw_test_assert_status (list, 0);
  lines = g_strsplit (list->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\tOpgaveteam") != NULL)
      opgaveteam = g_strndup (lines[i], strcspn (lines[i], "\t"));
  g_assert_nonnull (opgaveteam);
}

/* Names in the demo opgaveteam that no published file may hold: shared
 * and not asked (named by organisation), private (5.1.2.e), their first
 * names and surnames. */
static const char * const hidden_names[] = {
  "Hatice", "Demirtaş", "Naïma", "Chaouch", "Roos", "Verhagen", "Rachid", "Khattabi",
  "Agnieszka", "Kowalczyk", "Mehmet", "Yıldırım", "Youssef", NULL
};

static char *
path_in (KwTestSandbox    *sb,
         const char *name)
{
  return g_build_filename (sb->dir, name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The text of a PDF, by pdftotext (poppler-utils); with @layout as the
 * page lays it out (a table row on one line while its cells fit). */
static char *
pdf_text (const char *path,
          gboolean    layout)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", layout ? "-layout" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_str_has_prefix (read_text (path), "%PDF-"));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
assert_no_hidden (const char *what,
                  const char *bytes)
{
  for (guint i = 0; hidden_names[i] != NULL; i++)
    if (strstr (bytes, hidden_names[i]) != NULL)
      g_error ("%s names %s", what, hidden_names[i]);
}

static void
assert_has (const char *text,
            const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” is not in:\n%s", expected, text);
}

/* pdftotext breaks lines where the page does: join them. */
static char *
flat (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);

  return g_strjoinv (" ", words);
}

static void
test_public_markdown_html (void)
{
  const char *formats[] = { "md", "html" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("public.%s", formats[i]);
      g_autofree char *path = path_in (demo, name);
      g_autofree char *beside = g_strconcat (path, ".redactions.txt", NULL);
      g_autoptr(KwTestResult) r = KW_TEST_CLI_RUN (demo, "minutes", opgaveteam, "--public", "--format", formats[i], "-o", path);
      g_autofree char *text = NULL, *list = NULL;

      kw_test_assert_status (r, 0);
      text = read_text (path);
      assert_no_hidden (name, text);
      /* the chair and public people by name, the others by organisation or 5.1.2.e */
      assert_has (text, "Sanne Kuipers");
      assert_has (text, "Noor Bakkali");
      assert_has (text, "namens Stichting Welzijn aan de Plas");
      assert_has (text, "5.1.2.e");
      /* a word that is also a name stays where it is not capitalised */
      assert_has (text, "de roos in het logo");
      /* the private person is counted, not listed */
      assert_has (text, "and 1 other");
      /* the running actions of the context */
      assert_has (text, "Poolse vertaling van de uitnodiging");
      g_assert_null (strstr (text, "not public consent"));
      g_assert_null (strstr (text, "https://meet.example.org"));
      /* the redaction list beside it, with what was replaced and why */
      list = read_text (beside);
      assert_has (list, "Hatice Demirtaş → 5.1.2.e (private");
      assert_has (list, "Roos → 5.1.2.e (not public consent");
      assert_has (list, "Naïma Chaouch → namens Stichting Welzijn aan de Plas");
      if (i == 1)
        {
          assert_has (text, "<html lang=\"en\">");
          assert_has (text, "<meta charset=\"utf-8\">");
          assert_has (text, "A4&apos;tjes");
        }
    }
}

static void
test_internal (void)
{
  g_autofree char *path = path_in (demo, "internal.md");
  g_autofree char *beside = g_strconcat (path, ".redactions.txt", NULL);
  g_autoptr(KwTestResult) r = KW_TEST_CLI_RUN (demo, "minutes", opgaveteam, "-o", path);
  g_autofree char *text = NULL;

  kw_test_assert_status (r, 0);
  text = read_text (path);
  /* the minutes for the organisers keep what they typed and name everyone */
  assert_has (text, "Naïma's verslag: gesprekken met moeders via Hatice Demirtaş en met jongeren via Roos.");
  assert_has (text, "Hatice Demirtaş");
  assert_has (text, "https://meet.example.org");
  g_assert_null (strstr (text, "5.1.2.e"));
  g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
}

static void
test_public_pdf (void)
{
  g_autofree char *path = path_in (demo, "public.pdf");
  g_autoptr(KwTestResult) r = KW_TEST_CLI_RUN (demo, "minutes", opgaveteam, "--public", "-o", path);
  g_autofree char *bytes = NULL, *text = NULL, *joined = NULL;

  kw_test_assert_status (r, 0);
  bytes = read_text (path);
  text = pdf_text (path, FALSE);
  joined = flat (text);
  assert_no_hidden ("public.pdf", bytes);
  assert_no_hidden ("the text of public.pdf", joined);
  assert_has (joined, "Opgaveteam Eigenaarschap en Democratisering");
  assert_has (joined, "Sanne Kuipers");
  assert_has (joined, "namens Stichting Welzijn aan de Plas");
  assert_has (joined, "de roos in het logo");
  assert_has (joined, "Running Actions");
  assert_has (joined, "Deadline");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_print_agenda (void)
{
  g_autofree char *path = path_in (demo, "agenda.pdf");
  g_autoptr(KwTestResult) r = KW_TEST_CLI_RUN (demo, "print", "agenda", opgaveteam, "-o", path);
  g_autofree char *text = NULL, *joined = NULL;

  kw_test_assert_status (r, 0);
  text = pdf_text (path, FALSE);
  joined = flat (text);
  assert_no_hidden ("agenda.pdf", joined);
  assert_no_hidden ("agenda.pdf bytes", read_text (path));
  assert_has (joined, "Agenda");
  assert_has (joined, "Wie missen we nog aan tafel?");
  /* presenters by the published rule, the planned minutes against the length */
  assert_has (joined, "Sanne Kuipers");
  assert_has (joined, "namens Stichting Welzijn aan de Plas");
  assert_has (joined, "Total: 120 of 120 minutes");
  assert_has (joined, "Stadsdeelkantoor Nieuw-West");
}

static void
test_print_signin (void)
{
  g_autofree char *path = path_in (demo, "signin.pdf");
  g_autoptr(KwTestResult) r = KW_TEST_CLI_RUN (demo, "print", "signin", opgaveteam, "-o", path);
  g_autofree char *text = NULL, *joined = NULL;

  kw_test_assert_status (r, 0);
  text = pdf_text (path, TRUE);
  joined = flat (text);
  assert_has (joined, "Name Organisation Signature");
  /* public and shared by name, with their organisation */
  assert_has (joined, "Naïma Chaouch Stichting Welzijn aan de Plas");
  assert_has (joined, "Roos Verhagen");
  assert_has (joined, "Noor Bakkali");
  /* private: an empty line */
  g_assert_null (strstr (joined, "Hatice"));
  g_assert_null (strstr (joined, "Demirta"));
}

static void
test_refusals (void)
{
  g_autofree char *path = path_in (demo, "x.pdf");
  g_autoptr(KwTestResult) no_file = KW_TEST_CLI_RUN (demo, "minutes", opgaveteam, "--public");
  g_autoptr(KwTestResult) bad_format = KW_TEST_CLI_RUN (demo, "minutes", opgaveteam, "--format", "docx", "-o", path);
  g_autoptr(KwTestResult) bad_kind = KW_TEST_CLI_RUN (demo, "print", "poster", opgaveteam, "-o", path);
  g_autoptr(KwTestResult) no_meeting = KW_TEST_CLI_RUN (demo, "print", "agenda", "no-such-meeting", "-o", path);
  g_autoptr(KwTestResult) no_minutes = KW_TEST_CLI_RUN (demo, "minutes", "no-such-meeting", "-o", path);

  kw_test_assert_status (no_file, 2);
  kw_test_assert_status (bad_format, 2);
  kw_test_assert_status (bad_kind, 2);
  kw_test_assert_status (no_meeting, 1);
  kw_test_assert_status (no_minutes, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return g_test_run ();
    }
  set_up_demo ();
  g_test_add_func ("/kw/publish-cli/public-markdown-html", test_public_markdown_html);
  g_test_add_func ("/kw/publish-cli/internal", test_internal);
  g_test_add_func ("/kw/publish-cli/public-pdf", test_public_pdf);
  g_test_add_func ("/kw/publish-cli/print-agenda", test_print_agenda);
  g_test_add_func ("/kw/publish-cli/print-signin", test_print_signin);
  g_test_add_func ("/kw/publish-cli/refusals", test_refusals);

  status = g_test_run ();
  g_clear_pointer (&demo, kw_test_sandbox_free);
  g_free (opgaveteam);
  return status;
}
