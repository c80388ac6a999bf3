/* test-people-importer.c: matching, the import into the store, undo, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The blocker of the contacts review (finding 1) first: a shared phone
 * number never renames anyone. Files in tests/data/ are the review's own
 * (fictional people). The vCard export is read back by python3-vobject.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kw-people-export.h"
#include "kw-people-import.h"
#include "kw-people-importer.h"
#include "kw-store-query.h"
#include "kw-test-files.h"

typedef struct {
  char    *dir;
  KwStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kw-people-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "kwartier.db", NULL);
  f->store = kw_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  kw_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
put (Fixture    *f,
     const char *type_name,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChangeset) changes = kw_changeset_new (type_name, &error);
  const char *field;
  va_list args;
  char *id;

  va_start (args, type_name);
  while ((field = va_arg (args, const char *)) != NULL)
    g_assert_true (kw_changeset_set_text (changes, field, va_arg (args, const char *), &error));
  va_end (args);
  id = kw_store_create (f->store, changes, &error);
  g_assert_no_error (error);
  return id;
}

static KwRecord *
get (Fixture    *f,
     const char *type_name,
     const char *id)
{
  return kw_store_get (f->store, type_name, id, NULL);
}

static GPtrArray *
load (const char       *name,
      KwPeopleFileKind  expected)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  KwPeopleFileKind kind;
  GPtrArray *people = kw_people_file_load (path, &kind, &error);

  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, expected);
  return people;
}

static KwPeopleImportResult *
import (Fixture        *f,
        GPtrArray      *people,
        KwImportPolicy  policy,
        const char     *consent,
        gboolean        create_organisations,
        gboolean        dry_run)
{
  KwPeopleImportOptions options = { policy, consent, create_organisations, dry_run };
  g_autoptr(GError) error = NULL;
  KwPeopleImportResult *result = kw_people_import (f->store, people, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static char *
find_by_name (Fixture    *f,
              const char *name)
{
  return kw_store_find_person (f->store, NULL, NULL, name);
}

#define FIELD(person, name) ((const char *) g_hash_table_lookup ((person), (name)))

/* The blocker (finding 1): Joël de Wit shares a phone number with
 * Abdelkader Ziani. With "Update their details", Abdelkader stays who he
 * is, Joël is added as new and reported; undo removes what was added. */
static void
test_shared_phone_never_renames (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *area = put (f, "area", "name", "Oostelijke Eilanden", "kind", "buurt", NULL);
  g_autofree char *abdel = put (f, "person", "name", "Abdelkader Ziani", "phone", "06 1111 2222",
                                "languages", "Arabisch, Nederlands", "notes", "Kent iedereen in de straat.",
                                "consent", "shared", NULL);
  g_autofree char *wim = put (f, "person", "name", "Wim de Graaf", NULL);
  g_autofree char *relation = put (f, "relation", "from", abdel, "to", wim, "sentiment", "tense", NULL);
  g_autoptr(GPtrArray) people = load ("dutch.csv", KW_PEOPLE_FILE_CSV);
  g_autoptr(KwPeopleImportResult) result = NULL;
  g_autoptr(KwRecord) after = NULL;
  g_autoptr(KwRecord) rel = NULL;
  g_autofree char *joel = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  KwPeopleImportRow *row;
  gint64 before = kw_store_count (f->store, "person");

  (void) area;
  result = import (f, people, KW_IMPORT_UPDATE, NULL, TRUE, FALSE);
  g_assert_cmpuint (result->added, ==, 2);
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpuint (result->duplicates, ==, 1);
  g_assert_cmpuint (result->skipped, ==, 0);

  /* the row says who matched, on which field */
  row = g_ptr_array_index (result->rows, 0);
  g_assert_cmpuint (row->row, ==, 1);
  g_assert_cmpint (row->outcome, ==, KW_PEOPLE_ROW_DUPLICATE);
  g_assert_cmpint (row->match.kind, ==, KW_PEOPLE_MATCH_POSSIBLE);
  g_assert_cmpstr (row->match.id, ==, abdel);
  g_assert_cmpuint (row->match.fields, ==, KW_PEOPLE_MATCH_PHONE);
  line = kw_people_import_row_dup_line (row);
  g_assert_cmpstr (line, ==, "row 1: Joël de Wit matches Abdelkader Ziani (phone): possible duplicate");

  /* Abdelkader is untouched, his relation too; Joël is someone new */
  after = get (f, "person", abdel);
  g_assert_cmpstr (kw_record_get_string (after, "name"), ==, "Abdelkader Ziani");
  g_assert_cmpstr (kw_record_get_string (after, "phone"), ==, "06 1111 2222");
  g_assert_cmpstr (kw_record_get_string (after, "notes"), ==, "Kent iedereen in de straat.");
  g_assert_true (kw_record_is_null (after, "email"));
  rel = get (f, "relation", relation);
  g_assert_cmpstr (kw_record_get_string (rel, "from"), ==, abdel);
  joel = find_by_name (f, "Joël de Wit");
  g_assert_nonnull (joel);
  g_assert_cmpstr (joel, !=, abdel);
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, before + 3);

  /* undo: the three are gone, Abdelkader is as he was */
  g_assert_true (kw_people_import_undo (f->store, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, before);
  g_assert_null (get (f, "person", joel));
  g_clear_object (&after);
  after = get (f, "person", abdel);
  g_assert_cmpstr (kw_record_get_string (after, "name"), ==, "Abdelkader Ziani");
  /* once only */
  g_assert_false (kw_people_import_undo (f->store, result, &error));
  g_assert_error (error, KW_PEOPLE_ERROR, KW_PEOPLE_ERROR_UNDONE);
}

/* A match by name is updated without touching the name or blanking
 * fields; undo gives back every field, and removes what was added. */
static void
test_update_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *fleur = put (f, "person", "name", "fleur VAN DER  berg", "phone", "020 000 0000",
                                "topics", "wonen", "notes", "Komt naar de koffieochtend.",
                                "email", "oud@example.nl", NULL);
  g_autoptr(GPtrArray) people = load ("outlook-nl.csv", KW_PEOPLE_FILE_CSV);
  g_autoptr(KwPeopleImportResult) result = NULL;
  g_autoptr(KwRecord) old = get (f, "person", fleur);
  g_autoptr(KwRecord) now = NULL;
  g_autoptr(KwRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sem = NULL;
  KwPeopleImportRow *row;
  const char * const fields[] = { "name", "phone", "email", "topics", "notes", "consent", "area", NULL };

  result = import (f, people, KW_IMPORT_UPDATE, "shared", TRUE, FALSE);
  g_assert_cmpuint (result->updated, ==, 1);
  g_assert_cmpuint (result->added, ==, 1);
  row = g_ptr_array_index (result->rows, 0);
  g_assert_cmpint (row->match.kind, ==, KW_PEOPLE_MATCH_SAME);
  g_assert_cmpuint (row->match.fields, ==, KW_PEOPLE_MATCH_NAME);
  g_assert_true (g_strv_contains ((const char * const *) row->changed, "phone"));
  g_assert_false (g_strv_contains ((const char * const *) row->changed, "name"));

  now = get (f, "person", fleur);
  g_assert_cmpstr (kw_record_get_string (now, "name"), ==, "fleur VAN DER  berg");   /* never renamed */
  g_assert_cmpstr (kw_record_get_string (now, "phone"), ==, "06-22223333");
  g_assert_cmpstr (kw_record_get_string (now, "email"), ==, "fleur@example.nl");
  g_assert_cmpstr (kw_record_get_string (now, "topics"), ==, "wonen");   /* the file has none: kept */
  g_assert_cmpstr (kw_record_get_string (now, "notes"), ==,
                   "Komt naar de koffieochtend.\n\nLid bewonerscommissie; wil meedoen");
  g_assert_cmpstr (kw_record_get_string (now, "consent"), ==, "shared");
  sem = find_by_name (f, "Sem Jansen");
  g_assert_nonnull (sem);

  g_assert_true (kw_people_import_undo (f->store, result, &error));
  g_assert_no_error (error);
  back = get (f, "person", fleur);
  for (guint i = 0; fields[i]; i++)
    {
      GVariant *a = kw_record_get_value (old, fields[i]);
      GVariant *b = kw_record_get_value (back, fields[i]);

      g_assert_true ((a == NULL && b == NULL) || (a != NULL && b != NULL && g_variant_equal (a, b)));
    }
  g_assert_null (get (f, "person", sem));
}

/* Namesakes: the one who shares the e-mail is the match; when nothing
 * tells them apart, a possible duplicate. Diacritics, case and spaces
 * do not count. */
static void
test_namesakes (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *first = put (f, "person", "name", "Joël de Wit", NULL);
  g_autofree char *second = put (f, "person", "name", "Joel de  Wit", "email", "joel@example.nl", NULL);
  g_autoptr(KwPeopleMatcher) matcher = kw_people_matcher_new (f->store, NULL);
  g_autoptr(GHashTable) with_email = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) bare = g_hash_table_new (g_str_hash, g_str_equal);
  KwPeopleMatch match = { 0 };

  g_hash_table_insert (with_email, "name", "JOËL DE WIT");
  g_hash_table_insert (with_email, "email", "Joel@Example.nl ");
  kw_people_matcher_match (matcher, with_email, &match);
  g_assert_cmpint (match.kind, ==, KW_PEOPLE_MATCH_SAME);
  g_assert_cmpstr (match.id, ==, second);
  g_assert_cmpuint (match.fields, ==, KW_PEOPLE_MATCH_NAME | KW_PEOPLE_MATCH_EMAIL);

  g_hash_table_insert (bare, "name", "joël de wit");
  kw_people_matcher_match (matcher, bare, &match);
  g_assert_cmpint (match.kind, ==, KW_PEOPLE_MATCH_POSSIBLE);
  g_assert_cmpuint (match.n_namesakes, ==, 2);
  kw_people_match_clear (&match);
  (void) first;
}

/* Windows-1252, semicolons, a quoted semicolon; and Outlook's split
 * name columns joined with the tussenvoegsel. */
static void
test_csv_files (void)
{
  g_autoptr(GPtrArray) dutch = load ("dutch.csv", KW_PEOPLE_FILE_CSV);
  g_autoptr(GPtrArray) outlook = load ("outlook-nl.csv", KW_PEOPLE_FILE_CSV);
  const char *header[] = { "Voornaam", "Tussenvoegsel", "Achternaam", "Mobiel", "E-mailadres",
                           "Opmerkingen", "Organisatie", "Functie", "Wijk", "woonplaats", NULL };
  const char *expected[] = { "_first", "_prefix", "_last", "phone", "email", "notes",
                             "_organisation", "_role", "_area", "" };
  g_auto(GStrv) columns = kw_csv_guess_columns (header);

  g_assert_cmpuint (dutch->len, ==, 3);
  g_assert_cmpstr (FIELD (g_ptr_array_index (dutch, 0), "name"), ==, "Joël de Wit");
  g_assert_cmpstr (FIELD (g_ptr_array_index (dutch, 1), "name"), ==, "Bakker; Anna");
  g_assert_cmpstr (FIELD (g_ptr_array_index (dutch, 2), "name"), ==, "Müller, Hans");
  g_assert_cmpstr (FIELD (g_ptr_array_index (dutch, 2), "_row"), ==, "3");
  g_assert_cmpuint (outlook->len, ==, 2);
  g_assert_cmpstr (FIELD (g_ptr_array_index (outlook, 0), "name"), ==, "Fleur van der Berg");
  g_assert_cmpstr (FIELD (g_ptr_array_index (outlook, 0), "notes"), ==, "Lid bewonerscommissie; wil meedoen");
  g_assert_cmpstr (FIELD (g_ptr_array_index (outlook, 1), "name"), ==, "Sem Jansen");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (columns[i], ==, expected[i]);
}

/* CSV Organisation, Role and Area: the affiliation, the organisation
 * made once, the area matched by name, an unknown area reported. */
static void
test_csv_organisation_area (Fixture       *f,
                            gconstpointer  data)
{
  static const char csv[] =
    "Voornaam;Achternaam;Organisatie;Functie;Wijk\n"
    "Ria;Bakker;Buurthuis De Meeuw;vrijwilliger;Betondorp\n"
    "Cor;de Boer;buurthuis de meeuw;;Nergenshuizen\n";
  g_autofree char *area = put (f, "area", "name", "Betondorp", "kind", "buurt", NULL);
  g_autoptr(GPtrArray) rows = kw_csv_parse (csv, NULL);
  g_auto(GStrv) columns = kw_csv_guess_columns (g_ptr_array_index (rows, 0));
  g_autoptr(GPtrArray) people = kw_csv_to_people (rows, (const char * const *) columns);
  g_autoptr(GPtrArray) new_orgs = kw_people_find_new_organisations (f->store, people, NULL);
  g_autoptr(KwPeopleImportResult) result = NULL;
  g_autoptr(KwRecord) ria = NULL;
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autofree char *ria_id = NULL;

  g_assert_cmpuint (new_orgs->len, ==, 1);
  result = import (f, people, KW_IMPORT_SKIP, NULL, TRUE, FALSE);
  g_assert_cmpuint (result->organisations->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->organisations, 0), ==, "Buurthuis De Meeuw");
  g_assert_cmpuint (result->unknown_areas->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->unknown_areas, 0), ==, "Nergenshuizen");
  g_assert_cmpint (kw_store_count (f->store, "organisation"), ==, 1);
  g_assert_cmpint (kw_store_count (f->store, "affiliation"), ==, 2);
  ria_id = find_by_name (f, "Ria Bakker");
  ria = get (f, "person", ria_id);
  g_assert_cmpstr (kw_record_get_string (ria, "area"), ==, area);
  affiliations = kw_store_list_by_ref (f->store, "affiliation", "person", ria_id, NULL);
  g_assert_cmpuint (affiliations->len, ==, 1);
  g_assert_cmpstr (kw_record_get_string (g_ptr_array_index (affiliations, 0), "role"), ==, "vrijwilliger");

  /* undo takes the organisation and the affiliations along */
  g_assert_true (kw_people_import_undo (f->store, result, NULL));
  g_assert_cmpint (kw_store_count (f->store, "organisation"), ==, 0);
  g_assert_cmpint (kw_store_count (f->store, "affiliation"), ==, 0);
}

/* python3-vobject's output (folded lines, escapes) with ORG and TITLE:
 * an affiliation with the role; the consent of the whole import; extra
 * phones in the notes with a translated type (finding 25). */
static void
test_vcard_org_title_consent (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *welzijn = put (f, "organisation", "name", "Stichting Welzijn aan de Plas", NULL);
  g_autoptr(GPtrArray) people = load ("three.vcf", KW_PEOPLE_FILE_VCARD);
  g_autoptr(KwPeopleImportResult) result = import (f, people, KW_IMPORT_SKIP, "shared", TRUE, FALSE);
  g_autofree char *zoe = find_by_name (f, "Zoë Çelik-Ünal");
  g_autofree char *jerome = find_by_name (f, "Jérôme van 't Hoff");
  g_autofree char *siobhan = find_by_name (f, "Siobhán Ní Bhriain");
  g_autoptr(GPtrArray) zoe_aff = kw_store_list_by_ref (f->store, "affiliation", "person", zoe, NULL);
  g_autoptr(GPtrArray) siobhan_aff = kw_store_list_by_ref (f->store, "affiliation", "person", siobhan, NULL);
  g_autoptr(KwRecord) zoe_rec = get (f, "person", zoe);
  g_autoptr(KwRecord) jerome_rec = get (f, "person", jerome);
  g_autoptr(KwRecord) org = NULL;
  const char *notes;

  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpuint (zoe_aff->len, ==, 1);
  g_assert_cmpstr (kw_record_get_string (g_ptr_array_index (zoe_aff, 0), "organisation"), ==, welzijn);
  g_assert_cmpstr (kw_record_get_string (g_ptr_array_index (zoe_aff, 0), "role"), ==, "Coördinator");
  g_assert_cmpuint (siobhan_aff->len, ==, 1);
  org = get (f, "organisation", kw_record_get_string (g_ptr_array_index (siobhan_aff, 0), "organisation"));
  g_assert_cmpstr (kw_record_get_string (org, "name"), ==, "Onbekende Organisatie BV");
  g_assert_cmpstr (kw_record_get_string (g_ptr_array_index (siobhan_aff, 0), "role"), ==, "Vrijwilliger");
  g_assert_cmpstr (kw_record_get_string (zoe_rec, "consent"), ==, "shared");
  g_assert_cmpstr (kw_record_get_string (zoe_rec, "topics"), ==, "buurtwerk, jongeren");
  g_assert_true (g_str_has_prefix (kw_record_get_string (zoe_rec, "notes"),
                                   "Spreekt Turks; komt op dinsdag.\nTweede regel, met komma, en; puntkomma."));
  notes = kw_record_get_string (jerome_rec, "notes");
  g_assert_nonnull (strstr (notes, "Phone (mobile): 06-98765432"));
  g_assert_nonnull (strstr (notes, "Phone (fax): 020-0000000"));
  g_assert_null (strstr (notes, "(cell)"));
}

/* An organisation not created stays in the notes, with the role. */
static void
test_vcard_organisation_into_notes (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) people = load ("three.vcf", KW_PEOPLE_FILE_VCARD);
  g_autoptr(KwPeopleImportResult) result = import (f, people, KW_IMPORT_SKIP, NULL, FALSE, FALSE);
  g_autofree char *siobhan = find_by_name (f, "Siobhán Ní Bhriain");
  g_autoptr(KwRecord) rec = get (f, "person", siobhan);

  g_assert_cmpint (kw_store_count (f->store, "organisation"), ==, 0);
  g_assert_nonnull (strstr (kw_record_get_string (rec, "notes"), "Organisation: Onbekende Organisatie BV (Vrijwilliger)"));
  g_assert_true (kw_record_is_null (rec, "consent"));   /* not asked */
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *abdel = put (f, "person", "name", "Abdelkader Ziani", "phone", "06 1111 2222", NULL);
  g_autoptr(GPtrArray) people = load ("dutch.csv", KW_PEOPLE_FILE_CSV);
  g_autoptr(KwPeopleImportResult) dry = import (f, people, KW_IMPORT_UPDATE, NULL, TRUE, TRUE);
  g_autofree char *summary = kw_people_import_result_dup_summary (dry);

  g_assert_cmpstr (summary, ==, "added 2, updated 0, possible duplicates 1, skipped 0");
  g_assert_cmpint (kw_store_count (f->store, "person"), ==, 1);
  g_assert_null (find_by_name (f, "Joël de Wit"));
  (void) abdel;
}

static void
test_split_name (void)
{
  const char *cases[][3] = {
    { "Joël de Wit", "de Wit", "Joël" },
    { "Fleur van der Berg", "van der Berg", "Fleur" },
    { "Jérôme van 't Hoff", "van 't Hoff", "Jérôme" },
    { "Zoë Çelik-Ünal", "Çelik-Ünal", "Zoë" },
    { "Ama  Owusu", "Owusu", "Ama" },
    { "Aziz", "", "Aziz" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *family = NULL;
      g_autofree char *given = NULL;

      kw_people_split_name (cases[i][0], &family, &given);
      g_assert_cmpstr (family, ==, cases[i][1]);
      g_assert_cmpstr (given, ==, cases[i][2]);
    }
}

static char *
python (void)
{
  /* Debian's, where apt installs python3-vobject */
  return g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? g_strdup ("/usr/bin/python3")
                                                                      : g_find_program_in_path ("python3");
}

/* The vCard export read back by python3-vobject: N split, CATEGORIES
 * a list, ORG and TITLE; private and not-asked people left out. */
static void
test_vcard_export_vobject (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *org = put (f, "organisation", "name", "Buurthuis De Meeuw", NULL);
  g_autofree char *joel = put (f, "person", "name", "Joël de Wit", "consent", "public",
                               "topics", "voedsel, armoede", "phone", "06 1", NULL);
  g_autofree char *aff = put (f, "affiliation", "person", joel, "organisation", org, "role", "kok", NULL);
  g_autofree char *hidden = put (f, "person", "name", "Niet Gevraagd", NULL);
  g_autofree char *private = put (f, "person", "name", "Privé Persoon", "consent", "private", NULL);
  g_autofree char *path = g_build_filename (f->dir, "people.vcf", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "data", "read-vcard.py", NULL);
  g_autofree char *py = python ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { py, script, path, NULL };
  guint written, left_out;
  int status;

  g_assert_true (kw_people_export_to_file (f->store, NULL, NULL, path, &written, &left_out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 1);
  g_assert_cmpuint (left_out, ==, 2);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\r\nN:de Wit;Joël;;;\r\n"));
  g_assert_nonnull (strstr (text, "\r\nCATEGORIES:voedsel,armoede\r\n"));
  g_assert_null (strstr (text, "Gevraagd"));
  g_assert_null (strstr (text, "Privé"));

  g_assert_nonnull (py);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3-vobject could not read the export (is python3-vobject installed?): %s", err);
  g_assert_cmpstr (out, ==, "Joël de Wit\tde Wit\tJoël\tvoedsel|armoede\tBuurthuis De Meeuw\tkok\n");
  (void) aff, (void) hidden, (void) private;
}

static void
test_csv_export (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *area = put (f, "area", "name", "Betondorp", "kind", "buurt", NULL);
  g_autofree char *p = put (f, "person", "name", "Fleur van der Berg", "consent", "shared", "area", area,
                            "email", "fleur@example.nl", "notes", "geheim", NULL);
  g_autofree char *path = g_build_filename (f->dir, "people.csv", NULL);
  g_autofree char *text = NULL;
  guint written, left_out;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (kw_people_export_to_file (f->store, "area", area, path, &written, &left_out, NULL));
  g_assert_cmpuint (written, ==, 1);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "Name,First name,Last name,Phone,E-mail,Organisation,Role,Area,"));
  g_assert_null (strstr (text, "geheim"));
  /* and read back by our own reader, columns guessed */
  rows = kw_csv_parse (text, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, 1))[2], ==, "van der Berg");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, 1))[7], ==, "Betondorp");
  (void) p;
}

static void
test_sniff (void)
{
  g_assert_cmpint (kw_people_file_sniff ("x.jsonl", "{\"kwartier\":1}", 14), ==, KW_PEOPLE_FILE_OTHER);
  g_assert_cmpint (kw_people_file_sniff ("x.txt", "\xEF\xBB\xBF" "BEGIN:VCARD\r\n", 16), ==, KW_PEOPLE_FILE_VCARD);
  g_assert_cmpint (kw_people_file_sniff ("x.vcf", "garbage", 7), ==, KW_PEOPLE_FILE_VCARD);
  g_assert_cmpint (kw_people_file_sniff ("x", "sep=;\nNaam\n", 11), ==, KW_PEOPLE_FILE_CSV);
  g_assert_cmpint (kw_people_file_sniff ("mensen.CSV", "Naam;Telefoon\n", 14), ==, KW_PEOPLE_FILE_CSV);
  g_assert_cmpint (kw_people_file_sniff ("x.csv", "\x1f\x8b\x08", 3), ==, KW_PEOPLE_FILE_OTHER);
  /* an export chosen for Import People is refused with a reason */
  g_assert_false (kw_people_file_check ("{\"format\":\"kwartier\"}\n", 22, NULL));
  g_assert_true (kw_people_file_check ("Naam;Telefoon\n", 14, NULL));
}

#define ADD(path, func) \
  g_test_add ("/kw/people/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ADD ("shared-phone-never-renames", test_shared_phone_never_renames);
  ADD ("update-and-undo", test_update_and_undo);
  ADD ("namesakes", test_namesakes);
  g_test_add_func ("/kw/people/csv-files", test_csv_files);
  ADD ("csv-organisation-area", test_csv_organisation_area);
  ADD ("vcard-org-title-consent", test_vcard_org_title_consent);
  ADD ("vcard-organisation-into-notes", test_vcard_organisation_into_notes);
  ADD ("dry-run", test_dry_run);
  g_test_add_func ("/kw/people/split-name", test_split_name);
  ADD ("vcard-export-vobject", test_vcard_export_vobject);
  ADD ("csv-export", test_csv_export);
  g_test_add_func ("/kw/people/sniff", test_sniff);

  return g_test_run ();
}
