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

#include "kw-meeting-doc.h"
#include "kw-publish-minutes.h"
#include "kw-publish.h"
#include "kw-store.h"
#include "kw-test-files.h"
#include "kw-test-store.h"

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
  chair = kw_test_put (store, "person", "name", "Lotte Hendriks", "consent", "shared", NULL);
  shared = kw_test_put (store, "person", "name", "Youssef Haddou", "consent", "shared", NULL);
  priv = kw_test_put (store, "person", "name", "Greet Postma", "consent", "private", NULL);
  old = kw_test_put (store, "person", "name", "Bram Ketel", NULL);
  zeta = kw_test_put (store, "organisation", "name", "Zeta Wonen", NULL);
  alfa = kw_test_put (store, "organisation", "name", "Alfa Welzijn", NULL);
  gone = kw_test_put (store, "organisation", "name", "Aaa Vroeger", NULL);
  g_free (kw_test_put (store, "affiliation", "person", shared, "organisation", zeta, NULL));
  g_free (kw_test_put (store, "affiliation", "person", shared, "organisation", alfa, NULL));
  /* an affiliation that ended is not current */
  g_free (kw_test_put (store, "affiliation", "person", old, "organisation", gone, "until", "2001-01-01", NULL));
  g_free (kw_test_put (store, "affiliation", "person", priv, "organisation", alfa, NULL));
  meeting = kw_test_put (store, "meeting", "title", "Bewonersberaad", "chair", chair, NULL);
  g_free (kw_test_put (store, "attendance", "meeting", meeting, "person", shared, "status", "present", NULL));
  g_free (kw_test_put (store, "attendance", "meeting", meeting, "person", priv, "status", "present", NULL));
  g_free (kw_test_put (store, "agenda_item", "meeting", meeting, "title", "Opening", "presenter", old, NULL));
  /* a guest: a name without a contact record, and no consent */
  g_free (kw_test_put (store, "attendance", "meeting", meeting, "guest_name", "Gijs Hoogland", "status", "present", NULL));

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
  g_free (text);
  text = kw_publisher_redact (p, "Gijs Hoogland kwam als gast; Gijs belt Lotte.");
  g_assert_cmpstr (text, ==, "5.1.2.e kwam als gast; 5.1.2.e belt Lotte.");

  /* people of the store not at the meeting: full name and prefixed surname, not the first name */
  g_free (kw_test_put (store, "person", "name", "Bep van Vliet", "consent", "private", NULL));
  g_free (kw_test_put (store, "person", "name", "Kees Ketelaar", "consent", "shared", NULL));
  g_free (kw_test_put (store, "person", "name", "Anna Ketelaar", "consent", "public", NULL));
  {
    g_autoptr(KwPublisher) q = kw_publisher_new_for_meeting (store, meeting, TRUE, &error);
    g_autofree char *known = NULL;

    g_assert_no_error (error);
    known = kw_publisher_redact (q, "Bep van Vliet belde; van Vliet ook, Bep niet. KEES KETELAAR en Anna Ketelaar.");
    g_assert_cmpstr (known, ==, "5.1.2.e belde; 5.1.2.e ook, Bep niet. 5.1.2.e en Anna Ketelaar.");
    g_assert_false (kw_publisher_is_listed (q, "nobody"));
  }

  g_assert_null (kw_publisher_new_for_meeting (store, "no-such-meeting", TRUE, &error));
  g_assert_nonnull (error);
  g_clear_object (&store);
  kw_test_remove_tree (dir);
}

static void
test_minutes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kw-publish-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kwartier.db", NULL);
  g_autoptr(KwStore) store = kw_store_open (path, &error);
  g_autofree char *chair = NULL, *priv = NULL, *shared = NULL, *meeting = NULL;
  g_autoptr(KwMinutes) pub = NULL;
  g_autoptr(KwMinutes) internal = NULL;
  g_autoptr(KwMeetingDoc) agenda = NULL;
  g_autofree char *md = NULL, *html = NULL, *internal_md = NULL, *agenda_text = NULL, *out = NULL, *list = NULL;
  g_autofree char *beside = NULL, *written = NULL;

  g_assert_no_error (error);
  chair = kw_test_put (store, "person", "name", "Lotte Hendriks", "consent", "public", "private_notes", "GEHEIM-1", NULL);
  priv = kw_test_put (store, "person", "name", "Greet Postma", "consent", "private", "private_notes", "GEHEIM-2", NULL);
  shared = kw_test_put (store, "person", "name", "Youssef Haddou", "consent", "shared", NULL);
  meeting = kw_test_put (store, "meeting", "title", "Beraad <Noord> & Zuid", "chair", chair,
                 "starts_at", "2026-09-14T15:00:00Z", "ends_at", "2026-09-14T16:00:00Z", NULL);
  g_free (kw_test_put (store, "attendance", "meeting", meeting, "person", priv, "status", "present", NULL));
  g_free (kw_test_put (store, "attendance", "meeting", meeting, "person", shared, "status", "absent", NULL));
  g_free (kw_test_put (store, "agenda_item", "meeting", meeting, "position", "a0", "title", "Opening",
               "minutes_planned", "45", "notes", "Greet zegt: <b>ja</b> & Youssef's idee.", NULL));
  g_free (kw_test_put (store, "agenda_item", "meeting", meeting, "position", "a1", "title", "Rondvraag",
               "minutes_planned", "30", "next_time", "true", "decision", "Greet belt.", NULL));
  g_free (kw_test_put (store, "action_item", "title", "Youssef maakt het rooster", "owner", shared, "meeting", meeting, NULL));

  pub = kw_minutes_new (store, meeting, TRUE, &error);
  g_assert_no_error (error);
  md = kw_minutes_to_markdown (pub);
  html = kw_minutes_to_html (pub);
  /* the private person is counted, not named, also not as 5.1.2.e in the list */
  g_assert_cmpuint (pub->people[KW_MINUTES_PRESENT]->len, ==, 0);
  g_assert_cmpuint (pub->hidden[KW_MINUTES_PRESENT], ==, 1);
  g_assert_nonnull (strstr (md, "**Present:** and 1 other"));
  g_assert_nonnull (strstr (md, "**Absent:** 5.1.2.e"));
  g_assert_nonnull (strstr (md, "5.1.2.e zegt: <b>ja</b> & 5.1.2.e idee."));
  g_assert_nonnull (strstr (md, "| Action | Who | Deadline | Information |"));
  g_assert_nonnull (strstr (md, "| 5.1.2.e maakt het rooster | 5.1.2.e |"));
  g_assert_nonnull (strstr (md, "## Next time on the agenda\n\n- Rondvraag"));
  /* HTML escaped */
  g_assert_nonnull (strstr (html, "<h1>Beraad &lt;Noord&gt; &amp; Zuid</h1>"));
  g_assert_nonnull (strstr (html, "5.1.2.e zegt: &lt;b&gt;ja&lt;/b&gt; &amp; 5.1.2.e idee."));
  g_assert_null (strstr (html, "<b>ja"));
  for (const char * const *t = (const char * const[]) { md, html, NULL }; *t != NULL; t++)
    {
      g_assert_null (strstr (*t, "Greet"));
      g_assert_null (strstr (*t, "Youssef"));
      g_assert_null (strstr (*t, "GEHEIM"));
    }
  /* Europe/Amsterdam: 15:00 UTC is 17:00 in summer */
  g_assert_cmpstr (pub->time, ==, "17:00–18:00");

  /* written: the list beside, not inside */
  out = g_build_filename (dir, "public.md", NULL);
  g_assert_true (kw_minutes_write (pub, KW_MINUTES_FORMAT_MARKDOWN, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, md);
  beside = kw_minutes_redactions_path (out);
  g_assert_true (g_file_get_contents (beside, &list, NULL, NULL));
  g_assert_nonnull (strstr (list, "Greet → 5.1.2.e (private"));

  /* internal minutes keep what organisers typed, but never private notes */
  internal = kw_minutes_new (store, meeting, FALSE, &error);
  g_assert_no_error (error);
  internal_md = kw_minutes_to_markdown (internal);
  g_assert_nonnull (strstr (internal_md, "Greet zegt: <b>ja</b> & Youssef's idee."));
  g_assert_nonnull (strstr (internal_md, "**Present:** Greet Postma"));
  g_assert_null (strstr (internal_md, "GEHEIM"));

  /* the agenda: 75 planned minutes in a meeting of 60 */
  agenda = kw_meeting_doc_new (store, meeting, KW_MEETING_DOC_AGENDA, FALSE, &error);
  g_assert_no_error (error);
  agenda_text = kw_meeting_doc_dup_text (agenda);
  g_assert_nonnull (strstr (agenda_text, "Total: 75 of 60 minutes"));
  g_assert_nonnull (strstr (agenda_text, "The agenda runs 15 minutes over the meeting’s length."));
  g_assert_null (strstr (agenda_text, "Greet"));
  g_assert_cmpuint (kw_meeting_doc_get_n_pages (agenda, KW_MEETING_DOC_A4_WIDTH, KW_MEETING_DOC_A4_HEIGHT), ==, 1);

  g_clear_object (&store);
  kw_test_remove_tree (dir);
}

static void
test_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kw-publish-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kwartier.db", NULL);
  g_autoptr(KwStore) store = kw_store_open (path, &error);
  g_autofree char *meeting = NULL;
  g_autoptr(KwMeetingDoc) signin = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint a4, small;

  g_assert_no_error (error);
  meeting = kw_test_put (store, "meeting", "title", "Groot beraad", NULL);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bewoner %u", i);
      g_autofree char *person = kw_test_put (store, "person", "name", name, "consent", "shared", NULL);

      g_free (kw_test_put (store, "attendance", "meeting", meeting, "person", person, NULL));
    }
  signin = kw_meeting_doc_new (store, meeting, KW_MEETING_DOC_SIGNIN, TRUE, &error);
  g_assert_no_error (error);
  /* 46 lines of a sign-in sheet do not fit on one A4; a smaller page takes more */
  a4 = kw_meeting_doc_get_n_pages (signin, KW_MEETING_DOC_A4_WIDTH, KW_MEETING_DOC_A4_HEIGHT);
  small = kw_meeting_doc_get_n_pages (signin, 420, 595);
  g_assert_cmpuint (a4, >=, 2);
  g_assert_cmpuint (small, >, a4);
  /* every page draws */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 420, 595);
  cr = cairo_create (surface);
  for (guint p = 0; p < small; p++)
    kw_meeting_doc_draw_page (signin, cr, 420, 595, p);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_clear_object (&store);
  kw_test_remove_tree (dir);
}

/* A meeting of thousands: the names are still found (no pattern too large). */
static void
test_many_people (void)
{
  g_autoptr(KwPublisher) p = kw_publisher_new (TRUE);
  g_autofree char *text = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Voornaam%u van der Achternaam%u", i, i);

      kw_publisher_add_person (p, id, name, i % 2 ? KW_PUBLISH_CONSENT_PUBLIC : KW_PUBLISH_CONSENT_SHARED, NULL, FALSE);
    }
  kw_publisher_add_person (p, "x", "Greet Postma", KW_PUBLISH_CONSENT_PRIVATE, NULL, FALSE);
  text = kw_publisher_redact (p, "Greet Postma, Voornaam2 en Voornaam3 van der Achternaam3; van der Achternaam2998.");
  g_assert_cmpstr (text, ==, "5.1.2.e, 5.1.2.e en Voornaam3 van der Achternaam3; 5.1.2.e.");
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
  g_test_add_func ("/kw/publish/minutes", test_minutes);
  g_test_add_func ("/kw/publish/pages", test_pages);
  g_test_add_func ("/kw/publish/many-people", test_many_people);

  return g_test_run ();
}
