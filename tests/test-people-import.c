/* test-people-import.c: the vCard and CSV readers, on their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No window, no store: kw-vcard.c and kw-people-import.c use GLib only.
 */
#include "config.h"

#include <locale.h>

#include "kw-people-import.h"

static GHashTable *
parse_one (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = kw_vcard_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (people);
  g_assert_cmpuint (people->len, ==, 1);
  return g_hash_table_ref (g_ptr_array_index (people, 0));
}

#define FIELD(person, name) ((const char *) g_hash_table_lookup ((person), (name)))

static void
test_vcard_bom_crlf_folding (void)
{
  g_autoptr(GHashTable) p = parse_one ("\xEF\xBB\xBF" "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                                       "FN:Khadija El\r\n  Amrani\r\n"
                                       "NOTE:Komt op dinsdag naar het buurt\r\n\thuis.\r\n"
                                       "END:VCARD\r\n");

  g_assert_cmpstr (FIELD (p, "name"), ==, "Khadija El Amrani");
  g_assert_cmpstr (FIELD (p, "notes"), ==, "Komt op dinsdag naar het buurthuis.");
}

static void
test_vcard_cr_only (void)
{
  g_autoptr(GHashTable) p = parse_one ("BEGIN:VCARD\rVERSION:3.0\rFN:Bas Visser\rTEL:020 555 0101\rEND:VCARD\r");

  g_assert_cmpstr (FIELD (p, "name"), ==, "Bas Visser");
  g_assert_cmpstr (FIELD (p, "phone"), ==, "020 555 0101");
}

static void
test_vcard_escapes (void)
{
  g_autoptr(GHashTable) p = parse_one ("BEGIN:VCARD\nVERSION:3.0\nFN:Daan de Vries\n"
                                       "NOTE:Eén\\, twee\\; drie\\\\vier\\nvijf\\Nzes\n"
                                       "CATEGORIES:wonen,zorg\\, welzijn\n"
                                       "ORG:Stichting Dynamo\\; afdeling Noord;Team 3\nTITLE:Opbouwwerker\n"
                                       "END:VCARD\n");

  g_assert_cmpstr (FIELD (p, "notes"), ==, "Eén, twee; drie\\vier\nvijf\nzes");
  g_assert_cmpstr (FIELD (p, "topics"), ==, "wonen, zorg, welzijn");
  g_assert_cmpstr (FIELD (p, "_organisation"), ==, "Stichting Dynamo; afdeling Noord");
  g_assert_cmpstr (FIELD (p, "_role"), ==, "Opbouwwerker");
}

static void
test_vcard_21_quoted_printable (void)
{
  g_autoptr(GHashTable) p = parse_one ("BEGIN:VCARD\r\nVERSION:2.1\r\n"
                                       "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Jos=E9 M=FCller\r\n"
                                       "NOTE;CHARSET=UTF-8;QUOTED-PRINTABLE:Eerste regel=0Atweede =\r\n"
                                       "regel, caf=C3=A9\r\n"
                                       "TEL;WORK;PREF:010 123 4567\r\nTEL;HOME:010 765 4321\r\n"
                                       "END:VCARD\r\n");

  g_assert_cmpstr (FIELD (p, "name"), ==, "José Müller");
  g_assert_true (g_str_has_prefix (FIELD (p, "notes"), "Eerste regel\ntweede regel, café"));
  g_assert_cmpstr (FIELD (p, "phone"), ==, "010 123 4567");
  g_assert_nonnull (strstr (FIELD (p, "notes"), "(home): 010 765 4321"));
}

static void
test_vcard_windows_1252 (void)
{
  g_autoptr(GHashTable) p = parse_one ("BEGIN:VCARD\nVERSION:3.0\nFN:Ren\xe9 Fran\xe7ois\nEND:VCARD\n");

  g_assert_cmpstr (FIELD (p, "name"), ==, "René François");
}

static void
test_vcard_tel_email_types (void)
{
  g_autoptr(GHashTable) p = parse_one ("BEGIN:VCARD\nVERSION:3.0\nFN:Salma Bouzid\n"
                                       "TEL;TYPE=HOME:020 111 2222\n"
                                       "TEL;TYPE=CELL,PREF:06 2222 3333\n"
                                       "item1.EMAIL;TYPE=INTERNET,WORK:salma@wijkteam.example\n"
                                       "EMAIL;TYPE=INTERNET:salma@thuis.example\n"
                                       "END:VCARD\n");

  g_assert_cmpstr (FIELD (p, "phone"), ==, "06 2222 3333");
  g_assert_cmpstr (FIELD (p, "email"), ==, "salma@wijkteam.example");
  /* the others are kept, in the notes */
  g_assert_nonnull (strstr (FIELD (p, "notes"), "(home): 020 111 2222"));
  g_assert_nonnull (strstr (FIELD (p, "notes"), ": salma@thuis.example"));
}

static void
test_vcard_n_fallback (void)
{
  g_autoptr(GHashTable) p = parse_one ("BEGIN:VCARD\nVERSION:3.0\nN:Bakker;Ria;;Mw.;\nEND:VCARD\n");
  g_autoptr(GHashTable) q = parse_one ("BEGIN:VCARD\nVERSION:3.0\nN:de Boer;Cor;;;\nFN:Cor de Boer (buurtvader)\nEND:VCARD\n");

  g_assert_cmpstr (FIELD (p, "name"), ==, "Ria Bakker");
  g_assert_cmpstr (FIELD (q, "name"), ==, "Cor de Boer (buurtvader)");
}

static void
test_vcard_40 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = kw_vcard_parse ("BEGIN:VCARD\nVERSION:4.0\nKIND:individual\nFN:Zeynep Yılmaz\n"
                                                "TEL;VALUE=uri;TYPE=\"voice,home\":tel:+31-20-555-0000\n"
                                                "TEL;VALUE=uri;PREF=1;TYPE=\"voice,cell\":tel:+31-6-5555-0000\n"
                                                "LANG;PREF=1:tr\nLANG:nl\n"
                                                "END:VCARD\n"
                                                "BEGIN:VCARD\nVERSION:4.0\nKIND:org\nFN:Buurthuis De Meeuw\nEND:VCARD\n"
                                                "BEGIN:VCARD\nVERSION:4.0\nEMAIL:zonder@naam.example\nEND:VCARD\n",
                                                &error);
  GHashTable *p;

  g_assert_no_error (error);
  /* the organisation's card and the card without a name are left out */
  g_assert_cmpuint (people->len, ==, 1);
  p = g_ptr_array_index (people, 0);
  g_assert_cmpstr (FIELD (p, "name"), ==, "Zeynep Yılmaz");
  g_assert_cmpstr (FIELD (p, "phone"), ==, "+31-6-5555-0000");
  g_assert_cmpstr (FIELD (p, "languages"), ==, "tr, nl");
}

static void
test_vcard_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = kw_vcard_parse ("BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@b.example\nEND:VCARD\n", &error);

  g_assert_null (people);
  g_assert_nonnull (error);
}

static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = kw_csv_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

#define CELL(rows, r, c) (((GStrv) g_ptr_array_index ((rows), (r)))[(c)])

static void
test_csv_rfc4180 (void)
{
  g_autoptr(GPtrArray) rows = parse_csv ("Naam,E-mail,Notities\r\n"
                                         "\"Bakker, Ria\",ria@example.org,\"Zegt \"\"hallo\"\"\r\nen doei\"\r\n"
                                         "Cor,,\r\n");

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (CELL (rows, 1, 0), ==, "Bakker, Ria");
  g_assert_cmpstr (CELL (rows, 1, 2), ==, "Zegt \"hallo\"\nen doei");
  g_assert_cmpstr (CELL (rows, 2, 0), ==, "Cor");
  g_assert_cmpstr (CELL (rows, 2, 2), ==, "");
}

static void
test_csv_dutch_excel (void)
{
  /* a BOM, semicolons, CRLF; a comma inside the header does not count */
  g_autoptr(GPtrArray) rows = parse_csv ("\xEF\xBB\xBF\"Naam, volledig\";E-mailadres;Telefoon\r\n"
                                         "Wilma de Groot;wilma@example.org;020-5550101\r\n");

  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 0)), ==, 3);
  g_assert_cmpstr (CELL (rows, 0, 0), ==, "Naam, volledig");
  g_assert_cmpstr (CELL (rows, 1, 2), ==, "020-5550101");
  g_assert_cmpstr (kw_csv_guess_field (CELL (rows, 0, 1)), ==, "email");
  g_assert_cmpstr (kw_csv_guess_field (CELL (rows, 0, 2)), ==, "phone");
}

static void
test_csv_sep_line_and_cp1252 (void)
{
  g_autoptr(GPtrArray) rows = parse_csv ("sep=;\r\nNaam;Talen\r\nRen\xe9;Fran\xe7" "ais, Nederlands\r\n");

  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (CELL (rows, 1, 0), ==, "René");
  g_assert_cmpstr (CELL (rows, 1, 1), ==, "Français, Nederlands");
}

static void
test_csv_tabs (void)
{
  g_autoptr(GPtrArray) rows = parse_csv ("name\tphone\nAnna\t06 1\n");

  g_assert_cmpstr (CELL (rows, 1, 1), ==, "06 1");
}

static void
test_file_kind (void)
{
  g_assert_true (kw_people_file_is_csv ("mensen.csv", "BEGIN:VCARD"));
  g_assert_false (kw_people_file_is_csv ("mensen.vcf", "begin:vcard\nFN:x\nend:vcard\n"));
  g_assert_true (kw_people_file_is_csv ("export.txt", "Naam;E-mail\n"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/people-import/vcard/bom-crlf-folding", test_vcard_bom_crlf_folding);
  g_test_add_func ("/kw/people-import/vcard/cr-only", test_vcard_cr_only);
  g_test_add_func ("/kw/people-import/vcard/escapes", test_vcard_escapes);
  g_test_add_func ("/kw/people-import/vcard/2.1-quoted-printable", test_vcard_21_quoted_printable);
  g_test_add_func ("/kw/people-import/vcard/windows-1252", test_vcard_windows_1252);
  g_test_add_func ("/kw/people-import/vcard/tel-email-types", test_vcard_tel_email_types);
  g_test_add_func ("/kw/people-import/vcard/n-fallback", test_vcard_n_fallback);
  g_test_add_func ("/kw/people-import/vcard/4.0", test_vcard_40);
  g_test_add_func ("/kw/people-import/vcard/nothing", test_vcard_nothing);
  g_test_add_func ("/kw/people-import/csv/rfc4180", test_csv_rfc4180);
  g_test_add_func ("/kw/people-import/csv/dutch-excel", test_csv_dutch_excel);
  g_test_add_func ("/kw/people-import/csv/sep-line-cp1252", test_csv_sep_line_and_cp1252);
  g_test_add_func ("/kw/people-import/csv/tabs", test_csv_tabs);
  g_test_add_func ("/kw/people-import/file-kind", test_file_kind);

  return g_test_run ();
}
