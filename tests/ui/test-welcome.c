/* test-welcome.c: the first-run welcome explains the consent levels, in
 * two sentences, in English and in Dutch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "kw-test-util.h"
#include "kw-welcome-dialog.h"

/* The label of the dialog that names the levels, or NULL. */
static const char *
find_consent_text (GtkWidget  *widget,
                   const char *level)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), level) != NULL)
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_consent_text (child, level);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_sentences (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if ((*p == '.' || *p == '?' || *p == '!') && (p[1] == '\0' || p[1] == ' '))
      n++;
  return n;
}

static void
check_welcome (KwTestFixture      *f,
               GSettings          *settings,
               const char * const *levels)
{
  KwWelcomeDialog *welcome = kw_welcome_dialog_new (GTK_WINDOW (f->window), f->store, settings);
  const char *text;

  gtk_window_present (GTK_WINDOW (welcome));
  kw_test_wait_mapped (GTK_WIDGET (welcome));
  text = find_consent_text (GTK_WIDGET (welcome), levels[0]);
  g_assert_nonnull (text);
  g_test_message ("%s", text);
  for (guint i = 1; levels[i] != NULL; i++)
    g_assert_nonnull (strstr (text, levels[i]));
  g_assert_cmpuint (count_sentences (text), ==, 2);
  gtk_window_destroy (GTK_WINDOW (welcome));
  kw_test_flush ();
}

static void
test_consent_levels (KwTestFixture *f,
                     gconstpointer  data)
{
  static const char * const english[] = { "consent", "public", "published minutes", "shared",
                                          "fellow organisers", "never published", "rivate", "laptop", NULL };
  static const char * const dutch[] = { "toestemming", "openbaar", "notulen", "gedeeld",
                                        "collega’s", "Privé", "laptop", NULL };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  kw_test_fixture_open (f);  /* first run done: only the welcome made here */
  kw_test_use_dutch (FALSE);
  check_welcome (f, settings, english);
  kw_test_use_dutch (TRUE);
  check_welcome (f, settings, dutch);
  kw_test_use_dutch (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add ("/kw/ui/welcome/consent-levels", KwTestFixture, KW_TEST_EMPTY,
              kw_test_fixture_setup, test_consent_levels, kw_test_fixture_teardown);

  return g_test_run ();
}
