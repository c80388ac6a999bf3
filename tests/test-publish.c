/* test-publish.c: who published minutes name how, and names out of free text (kw-publish.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule of spec/analysis.md "What leaves the laptop": the naming of
 * each consent, the chair, and the replacement in free text (full names,
 * first names alone, surnames with a prefix, diacritics in NFC and NFD,
 * possessives with both apostrophes, common words only where
 * capitalised, the longest name first, public names kept); internal
 * minutes keep what was typed. All names are invented.
 */
#include "config.h"

#include <string.h>

#include "kw-publish.h"
#include "kw-store.h"
#include "kw-test-files.h"

static KwPublisher *
new_cast (gboolean public_rules)
{
  KwPublisher *p = kw_publisher_new (public_rules);

  kw_publisher_add_person (p, "chair", "Sanne de Graaf", KW_PUBLISH_CONSENT_SHARED, "Stadsdeel", TRUE);
  kw_publisher_add_person (p, "pub", "Kofi Mensah", KW_PUBLISH_CONSENT_PUBLIC, "Samen Verder", FALSE);
  kw_publisher_add_person (p, "fatima", "Fatima el Amrani", KW_PUBLISH_CONSENT_SHARED, "Dynamo", FALSE);
  kw_publisher_add_person (p, "ayse", "Ayşe Çelik", KW_PUBLISH_CONSENT_NOT_ASKED, NULL, FALSE);
  kw_publisher_add_person (p, "jose", "José Martins", KW_PUBLISH_CONSENT_SHARED, NULL, FALSE);
  kw_publisher_add_person (p, "roos", "Roos Bakker", KW_PUBLISH_CONSENT_SHARED, NULL, FALSE);
  kw_publisher_add_person (p, "berg", "Jan van der Berg", KW_PUBLISH_CONSENT_PRIVATE, "Dynamo", FALSE);
  kw_publisher_add_person (p, "priv", "Marit Wolters", KW_PUBLISH_CONSENT_PRIVATE, NULL, FALSE);
  return p;
}

static void
assert_redacts (const char *text,
                const char *expected)
{
  g_autoptr(KwPublisher) p = new_cast (TRUE);
  g_autofree char *result = kw_publisher_redact (p, text);

  g_assert_cmpstr (result, ==, expected);
}

static void
test_naming (void)
{
  g_autoptr(KwPublisher) p = new_cast (TRUE);

  /* the chair by name although shared; public by name */
  g_assert_cmpstr (kw_publisher_name (p, "chair"), ==, "Sanne de Graaf");
  g_assert_cmpstr (kw_publisher_name (p, "pub"), ==, "Kofi Mensah");
  /* shared and not asked by organisation, or 5.1.2.e without one */
  g_assert_cmpstr (kw_publisher_name (p, "fatima"), ==, "namens Dynamo");
  g_assert_cmpstr (kw_publisher_name (p, "ayse"), ==, "5.1.2.e");
  /* private: 5.1.2.e although affiliated, and not listed at all */
  g_assert_cmpstr (kw_publisher_name (p, "berg"), ==, "5.1.2.e");
  g_assert_false (kw_publisher_is_listed (p, "berg"));
  g_assert_true (kw_publisher_is_listed (p, "fatima"));
  g_assert_null (kw_publisher_name (p, "nobody"));
  /* the redaction list has those not named, on their ground */
  g_assert_cmpuint (kw_publisher_get_redactions (p)->len, ==, 3);
  g_assert_cmpstr (((KwRedaction *) kw_publisher_get_redactions (p)->pdata[0])->original, ==, "Fatima el Amrani");
  g_assert_cmpstr (((KwRedaction *) kw_publisher_get_redactions (p)->pdata[2])->ground, ==, "private");
}

static void
test_private_chair (void)
{
  g_autoptr(KwPublisher) p = kw_publisher_new (TRUE);
  g_autofree char *text = NULL;

  kw_publisher_add_person (p, "c", "Marit Wolters", KW_PUBLISH_CONSENT_PRIVATE, NULL, TRUE);
  g_assert_cmpstr (kw_publisher_name (p, "c"), ==, "5.1.2.e");
  text = kw_publisher_redact (p, "Marit opent.");
  g_assert_cmpstr (text, ==, "5.1.2.e opent.");
}

static void
test_free_text (void)
{
  /* full name first, then the first name alone */
  assert_redacts ("Fatima el Amrani opent. Daarna vertelt Fatima.",
                  "namens Dynamo opent. Daarna vertelt namens Dynamo.");
  /* case-insensitively, as whole words only */
  assert_redacts ("FATIMA belt; fatimas en Fatimazaal blijven.",
                  "namens Dynamo belt; fatimas en Fatimazaal blijven.");
  /* surname with its prefix, and without */
  assert_redacts ("Volgens van der Berg, en Van der Berg zelf, en Berg.",
                  "Volgens 5.1.2.e, en 5.1.2.e zelf, en 5.1.2.e.");
  assert_redacts ("Mevrouw el Amrani belt.", "Mevrouw namens Dynamo belt.");
  /* a private person's full name, a line break inside it */
  assert_redacts ("Jan van der\nBerg is er niet.", "5.1.2.e is er niet.");
  /* possessives, both apostrophes */
  assert_redacts ("Fatima's voorstel en Fatima’s brief.", "namens Dynamo voorstel en namens Dynamo brief.");
  /* a public person and the chair are kept */
  assert_redacts ("Kofi Mensah en Kofi en Sanne.", "Kofi Mensah en Kofi en Sanne.");
}

static void
test_diacritics (void)
{
  /* NFC and NFD (decomposed) spellings, upper case with diacritics */
  assert_redacts ("Ayşe en Çelik en AYŞE ÇELIK.", "5.1.2.e en 5.1.2.e en 5.1.2.e.");
  assert_redacts ("Ays\xcc\xa7" "e komt.", "5.1.2.e komt.");
  assert_redacts ("José belt; Josée niet.", "5.1.2.e belt; Josée niet.");
  assert_redacts ("Jose\xcc\x81's fiets.", "5.1.2.e fiets.");
}

static void
test_common_words (void)
{
  /* "Roos" and "Bakker" are words: replaced only where capitalised */
  assert_redacts ("Roos Bakker brengt een roos mee voor de bakker.",
                  "5.1.2.e brengt een roos mee voor de bakker.");
  assert_redacts ("Roos zegt: Bakker heeft gelijk. Een rode roos.",
                  "5.1.2.e zegt: 5.1.2.e heeft gelijk. Een rode roos.");
  /* a full name of two words is not a common word */
  assert_redacts ("roos bakker belde.", "5.1.2.e belde.");
  g_assert_true (g_strv_contains (KW_PUBLISH_COMMON_WORDS, "roos"));
  g_assert_true (g_strv_contains (KW_PUBLISH_COMMON_WORDS, "bakker"));
}

static void
test_redaction_list (void)
{
  g_autoptr(KwPublisher) p = new_cast (TRUE);
  g_autofree char *a = kw_publisher_redact (p, "Fatima en Marit Wolters. Fatima!");
  g_autofree char *list = kw_publisher_format_redactions (p);
  GPtrArray *r = kw_publisher_get_redactions (p);

  g_assert_cmpstr (a, ==, "namens Dynamo en 5.1.2.e. namens Dynamo!");
  g_assert_cmpuint (r->len, ==, 2);
  g_assert_cmpstr (((KwRedaction *) r->pdata[0])->original, ==, "Fatima");
  g_assert_cmpuint (((KwRedaction *) r->pdata[0])->count, ==, 2);
  g_assert_cmpstr (((KwRedaction *) r->pdata[0])->ground, ==, "not public consent");
  g_assert_cmpstr (((KwRedaction *) r->pdata[1])->original, ==, "Marit Wolters");
  g_assert_cmpstr (((KwRedaction *) r->pdata[1])->ground, ==, "private");
  g_assert_nonnull (strstr (list, "Marit Wolters → 5.1.2.e (private, 1×)"));
}

static void
test_same_first_name (void)
{
  g_autoptr(KwPublisher) p = kw_publisher_new (TRUE);
  g_autofree char *text = NULL;

  /* a public and a shared Fatima: the full public name stays, the first name goes */
  kw_publisher_add_person (p, "a", "Fatima Yilmaz", KW_PUBLISH_CONSENT_PUBLIC, NULL, FALSE);
  kw_publisher_add_person (p, "b", "Fatima Bouzid", KW_PUBLISH_CONSENT_SHARED, "Dynamo", FALSE);
  kw_publisher_add_person (p, "c", "Fatima Karimi", KW_PUBLISH_CONSENT_PRIVATE, NULL, FALSE);
  text = kw_publisher_redact (p, "Fatima Yilmaz, Fatima Bouzid en Fatima.");
  g_assert_cmpstr (text, ==, "Fatima Yilmaz, namens Dynamo en 5.1.2.e.");
}

static void
test_internal (void)
{
  g_autoptr(KwPublisher) p = new_cast (FALSE);
  g_autofree char *text = kw_publisher_redact (p, "Fatima en Jan van der Berg.");

  /* internal minutes: everyone by name, the text as typed */
  g_assert_cmpstr (text, ==, "Fatima en Jan van der Berg.");
  g_assert_cmpstr (kw_publisher_name (p, "berg"), ==, "Jan van der Berg");
  g_assert_true (kw_publisher_is_listed (p, "berg"));
  g_assert_cmpuint (kw_publisher_get_redactions (p)->len, ==, 0);
}

static char *
put (KwStore    *store,
     const char *type,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChangeset) cs = kw_changeset_new (type, &error);
  const char *field;
  char *id;
  va_list ap;

  g_assert_no_error (error);
  va_start (ap, type);
  while ((field = va_arg (ap, const char *)) != NULL)
    {
      kw_changeset_set_text (cs, field, va_arg (ap, const char *), &error);
      g_assert_no_error (error);
    }
  va_end (ap);
  id = kw_store_create (store, cs, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_from_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kw-publish-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kwartier.db", NULL);
  g_autoptr(KwStore) store = kw_store_open (path, &error);
  g_autofree char *chair = NULL, *shared = NULL, *priv = NULL, *old = NULL, *meeting = NULL;
  g_autofree char *zeta = NULL, *alfa = NULL, *gone = NULL, *text = NULL;
  g_autoptr(KwPublisher) p = NULL;

  g_assert_no_error (error);
  chair = put (store, "person", "name", "Lotte Hendriks", "consent", "shared", NULL);
  shared = put (store, "person", "name", "Youssef Haddou", "consent", "shared", NULL);
  priv = put (store, "person", "name", "Greet Postma", "consent", "private", NULL);
  old = put (store, "person", "name", "Bram Ketel", NULL);
  zeta = put (store, "organisation", "name", "Zeta Wonen", NULL);
  alfa = put (store, "organisation", "name", "Alfa Welzijn", NULL);
  gone = put (store, "organisation", "name", "Aaa Vroeger", NULL);
  g_free (put (store, "affiliation", "person", shared, "organisation", zeta, NULL));
  g_free (put (store, "affiliation", "person", shared, "organisation", alfa, NULL));
  /* an affiliation that ended is not current */
  g_free (put (store, "affiliation", "person", old, "organisation", gone, "until", "2001-01-01", NULL));
  g_free (put (store, "affiliation", "person", priv, "organisation", alfa, NULL));
  meeting = put (store, "meeting", "title", "Bewonersberaad", "chair", chair, NULL);
  g_free (put (store, "attendance", "meeting", meeting, "person", shared, "status", "present", NULL));
  g_free (put (store, "attendance", "meeting", meeting, "person", priv, "status", "present", NULL));
  g_free (put (store, "agenda_item", "meeting", meeting, "title", "Opening", "presenter", old, NULL));

  p = kw_publisher_new_for_meeting (store, meeting, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_publisher_name (p, chair), ==, "Lotte Hendriks");
  /* several current affiliations: the first by name */
  g_assert_cmpstr (kw_publisher_name (p, shared), ==, "namens Alfa Welzijn");
  g_assert_cmpstr (kw_publisher_name (p, old), ==, "5.1.2.e");
  g_assert_cmpstr (kw_publisher_name (p, priv), ==, "5.1.2.e");
  g_assert_false (kw_publisher_is_listed (p, priv));
  text = kw_publisher_redact (p, "Lotte, Youssef, Bram en Greet Postma.");
  g_assert_cmpstr (text, ==, "Lotte, namens Alfa Welzijn, 5.1.2.e en 5.1.2.e.");

  g_assert_null (kw_publisher_new_for_meeting (store, "no-such-meeting", TRUE, &error));
  g_assert_nonnull (error);
  g_clear_object (&store);
  kw_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/publish/naming", test_naming);
  g_test_add_func ("/kw/publish/private-chair", test_private_chair);
  g_test_add_func ("/kw/publish/free-text", test_free_text);
  g_test_add_func ("/kw/publish/diacritics", test_diacritics);
  g_test_add_func ("/kw/publish/common-words", test_common_words);
  g_test_add_func ("/kw/publish/redaction-list", test_redaction_list);
  g_test_add_func ("/kw/publish/same-first-name", test_same_first_name);
  g_test_add_func ("/kw/publish/internal", test_internal);
  g_test_add_func ("/kw/publish/from-store", test_from_store);

  return g_test_run ();
}
