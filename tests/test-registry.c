/* test-registry.c: the declarative registry, value parsing and validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "kw-error.h"
#include "kw-registry.h"

static void
test_names_unique (void)
{
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (kw_registry_n_types (), ==, 19);
  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);
      g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_true (g_hash_table_add (types, (gpointer) type->name));
      g_assert_true (kw_registry_lookup (type->name) == type);
      g_assert_cmpuint (type->n_fields, >, 0);
      for (guint j = 0; j < type->n_fields; j++)
        {
          const KwField *f = &type->fields[j];

          g_assert_true (g_hash_table_add (fields, (gpointer) f->name));
          /* these names are taken by the row, the CLI's JSON and the export lines */
          g_assert_false (g_strv_contains ((const char * const[]) { "type", "id", "rid", "deleted", "f", NULL },
                                           f->name));
          g_assert_null (strchr (f->name, ':'));
          g_assert_nonnull (f->label);
          if (f->kind == KW_FIELD_ENUM)
            g_assert_nonnull (f->values);
          if (f->kind == KW_FIELD_REF)
            for (guint k = 0; f->targets[k]; k++)
              g_assert_nonnull (kw_registry_lookup (f->targets[k]));
        }
      if (type->title_field)
        g_assert_nonnull (kw_entity_type_field (type, type->title_field));
    }
  g_assert_null (kw_registry_lookup ("nonsense"));
}

static void
test_design_fields (void)
{
  const KwEntityType *person = kw_registry_lookup ("person");
  const KwField *f;

  f = kw_entity_type_field (person, "private_notes");
  g_assert_nonnull (f);
  g_assert_true (f->flags & KW_FIELD_FLAG_LOCAL);
  f = kw_entity_type_field (person, "consent");
  g_assert_true (kw_field_has_value (f, "public"));
  g_assert_true (kw_field_has_value (f, "shared"));
  g_assert_true (kw_field_has_value (f, "private"));
  f = kw_entity_type_field (kw_registry_lookup ("relation"), "from");
  g_assert_true (kw_field_targets (f, "person"));
  g_assert_true (kw_field_targets (f, "organisation"));
  g_assert_false (kw_field_targets (f, "area"));
  g_assert_cmpint (kw_entity_type_field (kw_registry_lookup ("action_line"), "budget_cents")->kind,
                   ==, KW_FIELD_CENTS);
  g_assert_true (kw_registry_lookup ("attendance")->flags & KW_TYPE_FLAG_DERIVED_ID);
}

typedef struct {
  const char *type, *field, *text, *expect;
} RoundTrip;

static void
test_parse_round_trip (void)
{
  const RoundTrip cases[] = {
    { "person", "name", "Fatima El Amrani", "Fatima El Amrani" },
    { "venue", "capacity", "120", "120" },
    { "map_position", "stance", "-2", "-2" },
    { "person", "key_figure", "true", "true" },
    { "organisation", "formal", "false", "false" },
    { "person", "consent_date", "2024-02-29", "2024-02-29" },
    { "meeting", "starts_at", "2026-11-22T19:30:00Z", "2026-11-22T19:30:00Z" },
    { "meeting", "starts_at", "2026-11-22T20:30:00+01:00", "2026-11-22T19:30:00Z" },
    { "action_line", "budget_cents", "1250000", "1250000" },
    { "person", "consent", "shared", "shared" },
    { "person", "area", "689345BF-C72A-4ECE-B1BE-E29632A7E0EF", "689345bf-c72a-4ece-b1be-e29632a7e0ef" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const KwField *f = kw_entity_type_field (kw_registry_lookup (cases[i].type), cases[i].field);
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) value = NULL;
      g_autofree char *text = NULL;

      g_assert_true (kw_field_parse (f, cases[i].text, &value, &error));
      g_assert_no_error (error);
      text = kw_field_format (f, value);
      g_assert_cmpstr (text, ==, cases[i].expect);
    }
}

typedef struct {
  const char *type, *field, *text;
} Bad;

static void
test_parse_refusals (void)
{
  const Bad cases[] = {
    { "venue", "capacity", "many" },
    { "venue", "capacity", "12.5" },
    { "relation", "strength", "7" },
    { "map_position", "stance", "3" },
    { "person", "key_figure", "maybe" },
    { "person", "consent_date", "2023-02-30" },
    { "person", "consent_date", "22-11-2026" },
    { "meeting", "starts_at", "tomorrow" },
    { "person", "consent", "secret" },
    { "person", "area", "not-an-id" },
    { "action_line", "budget_cents", "12,50" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const KwField *f = kw_entity_type_field (kw_registry_lookup (cases[i].type), cases[i].field);
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) value = NULL;

      g_assert_false (kw_field_parse (f, cases[i].text, &value, &error));
      g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
      g_assert_null (value);
      /* the message names the field */
      g_assert_true (g_str_has_prefix (error->message, cases[i].field));
    }
}

static void
test_validate (void)
{
  const KwEntityType *person = kw_registry_lookup ("person");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_int64 (3));

  /* a value of the wrong type */
  g_assert_false (kw_field_validate (kw_entity_type_field (person, "name"), v, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);
  /* a required field may not be empty or null */
  g_assert_false (kw_field_validate (kw_entity_type_field (person, "name"), NULL, &error));
  g_clear_error (&error);
  g_assert_true (kw_field_validate (kw_entity_type_field (person, "phone"), NULL, &error));
  g_assert_no_error (error);
}

static void
test_ids (void)
{
  g_autofree char *a = kw_id_new ();
  const char *parts[] = { "0f8fad5b-d9cb-469f-a165-70867728950e", "7c9e6679-7425-40de-944b-e07fc1f90ae7", NULL };
  const char *other[] = { "7c9e6679-7425-40de-944b-e07fc1f90ae7", "0f8fad5b-d9cb-469f-a165-70867728950e", NULL };
  g_autofree char *d1 = kw_id_derive ("attendance", parts);
  g_autofree char *d2 = kw_id_derive ("attendance", parts);
  g_autofree char *d3 = kw_id_derive ("attendance", other);

  g_assert_true (kw_id_is_valid (a));
  g_assert_true (kw_id_is_valid (d1));
  g_assert_cmpstr (d1, ==, d2);
  g_assert_cmpstr (d1, !=, d3);
  g_assert_false (kw_id_is_valid ("689345BF-C72A-4ECE-B1BE-E29632A7E0EF"));
  g_assert_false (kw_id_is_valid ("689345bf-c72a-4ece-b1be-e29632a7e0e"));
  g_assert_false (kw_id_is_valid ("689345bfxc72a-4ece-b1be-e29632a7e0ef"));
}

/* Every value of every enum field has its label, and only those values. */
static void
test_enum_labels (void)
{
  guint n_enums = 0;

  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);

      for (guint j = 0; j < type->n_fields; j++)
        {
          const KwField *f = &type->fields[j];
          guint n = 0;
          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

          if (f->kind != KW_FIELD_ENUM)
            {
              g_assert_null (f->value_labels);
              g_assert_null (kw_field_get_value_label (f, "other"));
              continue;
            }
          n_enums++;
          g_assert_nonnull (f->values);
          g_assert_nonnull (f->value_labels);
          for (; f->values[n]; n++)
            {
              const char *label = kw_field_get_value_label (f, f->values[n]);

              if (f->value_labels[n] == NULL || *f->value_labels[n] == '\0')
                g_error ("%s.%s: “%s” has no label", type->name, f->name, f->values[n]);
              g_assert_cmpstr (label, ==, f->value_labels[n]);
              /* a label in words, not the value as in code */
              g_assert_null (strchr (label, '_'));
              g_assert_true (g_unichar_isupper (g_utf8_get_char (label)));
              /* a dropdown never offers the same words twice */
              if (!g_hash_table_add (seen, (gpointer) label))
                g_error ("%s.%s: two values say “%s”", type->name, f->name, label);
            }
          if (f->value_labels[n] != NULL)
            g_error ("%s.%s: more labels than values", type->name, f->name);
          g_assert_null (kw_field_get_value_label (f, "no_such_value"));
          g_assert_null (kw_field_get_value_label (f, NULL));
        }
    }
  g_assert_cmpuint (n_enums, ==, 15);

  g_assert_cmpstr (kw_field_get_value_label (kw_entity_type_field (kw_registry_lookup ("organisation"), "kind"),
                                             "residents_group"), ==, "Residents’ group");
  g_assert_cmpstr (kw_field_get_value_label (kw_entity_type_field (kw_registry_lookup ("alliance_partner"), "role"),
                                             "lead"), ==, "Lead partner");
}

/* The same word in Dutch: translated to itself, as nl.po says. */
static const char * const dutch_as_english[] = { "Open", "Partner", "School", NULL };

/* Every label has a Dutch translation in the build's catalogue
 * (build/po/nl/LC_MESSAGES/kwartier.mo, made from po/nl.po). */
static void
test_enum_labels_dutch (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "nl", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *po_path = g_test_build_filename (G_TEST_DIST, "..", "po", "nl.po", NULL);
  g_autofree char *po = NULL;
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *bound = NULL;
  const KwField *consent = kw_entity_type_field (kw_registry_lookup ("person"), "consent");
  guint missing = 0;

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (po_path, &po, NULL, NULL));
  bound = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "nl", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_assert_cmpstr (kw_field_get_value_label (consent, "private"), ==, "Privé");
  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);

      for (guint j = 0; j < type->n_fields; j++)
        {
          const KwField *f = &type->fields[j];

          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

          for (guint k = 0; f->kind == KW_FIELD_ENUM && f->values[k]; k++)
            {
              const char *english = f->value_labels[k];
              const char *dutch = kw_field_get_value_label (f, f->values[k]);

              if (!g_hash_table_add (seen, (gpointer) dutch))
                g_error ("%s.%s: two values say “%s” in Dutch", type->name, f->name, dutch);

              if (g_strv_contains (dutch_as_english, english))
                {
                  g_autofree char *entry = g_strdup_printf ("\nmsgid \"%s\"\nmsgstr \"%s\"\n",
                                                            english, english);

                  g_assert_nonnull (strstr (po, entry));
                  continue;
                }
              if (g_strcmp0 (dutch, english) == 0)
                {
                  g_test_message ("%s.%s: “%s” has no Dutch translation",
                                  type->name, f->name, english);
                  missing++;
                }
            }
        }
    }

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, bound);  /* and gettext forgets what it found */
  g_assert_cmpstr (kw_field_get_value_label (consent, "private"), ==, "Private");
  g_assert_cmpuint (missing, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/registry/names-unique", test_names_unique);
  g_test_add_func ("/kw/registry/design-fields", test_design_fields);
  g_test_add_func ("/kw/registry/parse-round-trip", test_parse_round_trip);
  g_test_add_func ("/kw/registry/parse-refusals", test_parse_refusals);
  g_test_add_func ("/kw/registry/validate", test_validate);
  g_test_add_func ("/kw/registry/ids", test_ids);
  g_test_add_func ("/kw/registry/enum-labels", test_enum_labels);
  g_test_add_func ("/kw/registry/enum-labels-dutch", test_enum_labels_dutch);
  return g_test_run ();
}
