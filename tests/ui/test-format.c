/* test-format.c: values, amounts and datetimes as the interface shows and reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No window: kw-format.c of the app library, in English and in Dutch
 * (the build's translation), in Amsterdam's time zone.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "kw-format.h"
#include "kw-store.h"
#include "kw-test-files.h"
#include "kw-test-util.h"

/* gettext keeps what it found, per locale, not per LANGUAGE: this is
 * how its manual says to make it look again */
static void
assert_cents (const char *text,
              gint64      expected)
{
  gint64 cents = G_MININT64;

  if (!kw_parse_cents (text, &cents))
    g_error ("“%s” was not read as an amount", text);
  g_assert_cmpint (cents, ==, expected);
}

static void
assert_no_cents (const char *text)
{
  gint64 cents = 7;

  g_assert_false (kw_parse_cents (text, &cents));
  g_assert_cmpint (cents, ==, 7);
}

static void
assert_entry (gint64      cents,
              const char *expected)
{
  g_autofree char *text = kw_format_cents_entry (cents);
  gint64 back = 0;

  g_assert_cmpstr (text, ==, expected);
  /* what the field shows reads back as the same amount */
  g_assert_true (kw_parse_cents (text, &back));
  g_assert_cmpint (back, ==, cents);
}

static void
test_cents_english (void)
{
  g_autofree char *shown = NULL;

  kw_test_use_dutch (FALSE);
  assert_entry (1250, "12.50");
  assert_entry (5, "0.05");
  assert_entry (-5, "-0.05");
  assert_entry (123456789, "1234567.89");
  assert_cents ("12.50", 1250);
  assert_cents ("12.5", 1250);
  assert_cents ("12", 1200);
  assert_cents (" €12.50 ", 1250);
  assert_cents ("€ 1,234.5", 123450);
  assert_cents ("1,234", 123400);        /* a group of thousands, not cents */
  assert_cents ("1,234,567.89", 123456789);
  assert_cents ("12,50", 1250);          /* the other way round is understood too */
  assert_cents ("-3", -300);
  assert_cents ("−0.05", -5);
  assert_no_cents ("");
  assert_no_cents ("twelve");
  assert_no_cents ("12.345");            /* three decimals */
  assert_no_cents ("1,23,456");
  assert_no_cents ("12.5.0");
  assert_no_cents ("-");
  assert_no_cents ("12 euro");
  shown = kw_format_cents (123450);
  g_assert_cmpstr (shown, ==, "€1,234.50");
}

static void
test_cents_dutch (void)
{
  g_autofree char *shown = NULL;

  kw_test_use_dutch (TRUE);
  assert_entry (1250, "12,50");
  assert_entry (-5, "-0,05");
  assert_entry (100000, "1000,00");
  assert_cents ("12,50", 1250);
  assert_cents ("12,5", 1250);
  assert_cents ("€ 1.234,50", 123450);
  assert_cents ("1.234", 123400);
  assert_cents ("12.50", 1250);
  assert_cents ("−3,5", -350);
  assert_no_cents ("12,345");
  assert_no_cents ("1.2.3");
  assert_no_cents ("twaalf");
  shown = kw_format_cents (123450);
  g_assert_cmpstr (shown, ==, "€ 1.234,50");
  kw_test_use_dutch (FALSE);
}

static void
assert_datetime (const char *date,
                 const char *time,
                 const char *expected)
{
  g_autofree char *iso = kw_parse_datetime_locale (date, time);

  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_datetime_entry (const char *iso,
                       const char *date_iso,
                       const char *time)
{
  g_autofree char *date_text = NULL, *time_text = NULL, *expected = kw_format_date (date_iso);
  g_autofree char *back = NULL;

  g_assert_true (kw_format_datetime_entry (iso, &date_text, &time_text));
  g_assert_cmpstr (date_text, ==, expected);
  g_assert_cmpstr (time_text, ==, time);
  back = kw_parse_datetime_locale (date_text, time_text);
  g_assert_cmpstr (back, ==, iso);
}

static void
test_datetime (void)
{
  g_autofree char *shown = NULL;
  g_autofree char *date_text = NULL, *time_text = NULL;

  kw_test_use_dutch (FALSE);
  /* Amsterdam: two hours ahead of UTC in summer, one in winter */
  assert_datetime ("2025-06-01", "19:30", "2025-06-01T17:30:00Z");
  assert_datetime ("2025-01-15", "9:05", "2025-01-15T08:05:00Z");
  assert_datetime ("2025-01-15", "09.05", "2025-01-15T08:05:00Z");
  assert_datetime ("2025-06-01", "00:30:15", "2025-05-31T22:30:15Z");
  assert_datetime ("2025-06-01", "24:00", NULL);
  assert_datetime ("2025-06-01", "19:3", NULL);
  assert_datetime ("2025-06-01", "19", NULL);
  assert_datetime ("2025-06-01", "", NULL);
  assert_datetime ("2025-06-01", NULL, NULL);
  assert_datetime ("2025-02-30", "19:30", NULL);
  assert_datetime ("", "19:30", NULL);
  assert_datetime_entry ("2025-06-01T17:30:00Z", "2025-06-01", "19:30");
  /* late in the evening in UTC is the next day here */
  assert_datetime_entry ("2025-06-01T23:30:00Z", "2025-06-02", "01:30");
  g_assert_false (kw_format_datetime_entry ("not a time", &date_text, &time_text));
  g_assert_null (date_text);
  g_assert_false (kw_format_datetime_entry (NULL, &date_text, &time_text));
  shown = kw_format_datetime ("2025-06-01T17:30:00Z");
  g_assert_cmpstr (shown, ==, "1 June 2025, 19:30");
  g_assert_null (kw_format_datetime (NULL));

  kw_test_use_dutch (TRUE);
  assert_datetime ("1-6-2025", "19:30", "2025-06-01T17:30:00Z");
  assert_datetime ("15-1-2025", "9.05", "2025-01-15T08:05:00Z");
  assert_datetime_entry ("2025-06-01T17:30:00Z", "2025-06-01", "19:30");
  g_assert_true (kw_format_datetime_entry ("2025-06-01T17:30:00Z", &date_text, &time_text));
  g_assert_cmpstr (date_text, ==, "1-6-2025");
  kw_test_use_dutch (FALSE);
}

static void
test_value (void)
{
  const KwEntityType *organisation = kw_registry_lookup ("organisation");
  const KwEntityType *line = kw_registry_lookup ("action_line");
  const KwEntityType *meeting = kw_registry_lookup ("meeting");
  g_autofree char *dir = g_dir_make_tmp ("kw-format-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kw.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwStore) store = kw_store_open (path, &error);
  g_autoptr(KwChangeset) changes = kw_changeset_new ("area", NULL);
  g_autofree char *area = NULL;
  struct { const KwEntityType *type; const char *field; GVariant *value; const char *expected; } cases[] = {
    { organisation, "kind", g_variant_new_string ("residents_group"), "Residents’ group" },
    { organisation, "kind", g_variant_new_string ("no_such_kind"), "no_such_kind" },
    { organisation, "formal", g_variant_new_boolean (TRUE), "Yes" },
    { organisation, "formal", g_variant_new_boolean (FALSE), "No" },
    { organisation, "name", g_variant_new_string ("Buurtkeuken"), "Buurtkeuken" },
    { line, "budget_cents", g_variant_new_int64 (250000), "€2,500.00" },
    { meeting, "starts_at", g_variant_new_string ("2025-06-01T17:30:00Z"), "1 June 2025, 19:30" },
    { kw_registry_lookup ("venue"), "capacity", g_variant_new_int64 (40), "40" },
  };
  g_autofree char *date = kw_format_date_long ("2025-06-01");

  kw_test_use_dutch (FALSE);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVariant) value = g_variant_ref_sink (cases[i].value);
      g_autofree char *text = kw_format_value (store, kw_entity_type_field (cases[i].type, cases[i].field), value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  {
    g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string ("2025-06-01"));
    g_autofree char *text = kw_format_value (store, kw_entity_type_field (line, "start"), value);

    g_assert_cmpstr (text, ==, date);
  }
  g_assert_null (kw_format_value (store, kw_entity_type_field (organisation, "kind"), NULL));

  /* a reference reads as the title of its record */
  kw_changeset_set_string (changes, "name", "Transvaalbuurt");
  area = kw_store_create (store, changes, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string (area));
    g_autofree char *text = kw_format_value (store, kw_entity_type_field (organisation, "area"), value);
    g_autofree char *id = kw_id_new ();
    g_autoptr(GVariant) gone = g_variant_ref_sink (g_variant_new_string (id));
    g_autofree char *missing = kw_format_value (store, kw_entity_type_field (organisation, "area"), gone);

    g_assert_cmpstr (text, ==, "Transvaalbuurt");
    g_assert_cmpstr (missing, ==, "Unknown or deleted");
  }
  g_clear_object (&store);
  kw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/format/cents-english", test_cents_english);
  g_test_add_func ("/kw/format/cents-dutch", test_cents_dutch);
  g_test_add_func ("/kw/format/datetime", test_datetime);
  g_test_add_func ("/kw/format/value", test_value);
  return g_test_run ();
}
