/* test-demo.c: the demo data set and the city-scale generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "kw-analysis.h"
#include "kw-demo.h"
#include "kw-error.h"
#include "kw-store.h"

/* A store in a fresh temporary folder. */
typedef struct {
  char    *dir;
  KwStore *store;
} TempStore;

static void
temp_store_open (TempStore *ts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  ts->dir = g_dir_make_tmp ("kw-demo-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (ts->dir, "kwartier.db", NULL);
  ts->store = kw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ts->store);
}

static void
temp_store_close (TempStore *ts)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&ts->store);
  dir = g_dir_open (ts->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (ts->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (ts->dir);
  g_clear_pointer (&ts->dir, g_free);
}

static void
temp_store_load_demo (TempStore *ts)
{
  g_autoptr(GError) error = NULL;

  temp_store_open (ts);
  g_assert_true (kw_store_is_empty (ts->store));
  g_assert_true (kw_demo_load (ts->store, &error));
  g_assert_no_error (error);
}

static void
temp_store_generate (TempStore *ts,
                     guint      n_people,
                     guint64    seed)
{
  g_autoptr(GError) error = NULL;

  temp_store_open (ts);
  g_assert_true (kw_demo_generate (ts->store, n_people, seed, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_all (KwStore    *store,
          const char *type_name)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = kw_store_list (store, type_name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static guint
count_where (KwStore    *store,
             const char *type_name,
             const char *field,
             const char *value)
{
  g_autoptr(GPtrArray) records = list_all (store, type_name);
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    {
      const char *v = kw_record_get_string (records->pdata[i], field);

      if (value == NULL ? v == NULL : g_strcmp0 (v, value) == 0)
        n++;
    }
  return n;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
assert_count_between (KwStore    *store,
                      const char *type_name,
                      gint64      lo,
                      gint64      hi)
{
  gint64 n = kw_store_count (store, type_name);

  g_test_message ("%s: %" G_GINT64_FORMAT, type_name, n);
  g_assert_cmpint (n, >=, lo);
  g_assert_cmpint (n, <=, hi);
}

static void
test_demo_counts (void)
{
  TempStore ts = { NULL, };
  g_autoptr(GPtrArray) people = NULL;
  guint key_figures = 0;

  temp_store_load_demo (&ts);
  g_assert_false (kw_store_is_empty (ts.store));
  assert_count_between (ts.store, "person", 50, 70);
  assert_count_between (ts.store, "organisation", 20, 30);
  assert_count_between (ts.store, "relation", 70, 110);
  assert_count_between (ts.store, "contact_moment", 60, 200);
  g_assert_cmpint (kw_store_count (ts.store, "alliance"), ==, 3);
  g_assert_cmpint (kw_store_count (ts.store, "network_unit"), ==, 8);
  g_assert_cmpint (kw_store_count (ts.store, "meeting"), ==, 11);

  people = list_all (ts.store, "person");
  for (guint i = 0; i < people->len; i++)
    key_figures += kw_record_get_bool (people->pdata[i], "key_figure");
  g_assert_cmpuint (key_figures, >=, 10);

  g_assert_cmpuint (count_where (ts.store, "network_unit", "deputy", NULL), ==, 1);
  g_assert_cmpuint (count_where (ts.store, "network_unit", "contact", NULL), ==, 0);
  g_assert_cmpuint (count_where (ts.store, "relation", "sentiment", "tense"), >=, 1);
  g_assert_cmpuint (count_where (ts.store, "person", "consent", "public"), >=, 1);
  g_assert_cmpuint (count_where (ts.store, "person", "consent", "shared"), >=, 1);
  g_assert_cmpuint (count_where (ts.store, "person", "consent", "private"), >=, 1);
  g_assert_cmpuint (count_where (ts.store, "meeting", "status", "held"), >=, 1);
  g_assert_cmpuint (count_where (ts.store, "meeting", "status", "planned"), >=, 1);
  g_assert_cmpuint (count_where (ts.store, "alliance", "status", "active"), ==, 1);
  g_assert_cmpuint (count_where (ts.store, "alliance", "status", "forming"), ==, 1);
  g_assert_cmpuint (count_where (ts.store, "alliance", "status", "exploring"), ==, 1);

  /* every type of the registry is in the demo */
  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);

      g_test_message ("%s: %" G_GINT64_FORMAT, type->name, kw_store_count (ts.store, type->name));
      g_assert_cmpint (kw_store_count (ts.store, type->name), >=, 1);
    }
  temp_store_close (&ts);
}

/* Every reference of every live record resolves to a live record of a
 * type the field may point to. */
static void
assert_references_resolve (KwStore *store)
{
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);
      g_autoptr(GPtrArray) records = list_all (store, type->name);

      for (guint f = 0; f < type->n_fields; f++)
        {
          const KwField *field = &type->fields[f];

          if (field->kind != KW_FIELD_REF)
            continue;
          for (guint r = 0; r < records->len; r++)
            {
              const char *target = kw_record_get_string (records->pdata[r], field->name);

              if (target == NULL)
                continue;
              if (kw_store_find_type (store, field->targets, target) == NULL)
                g_test_message ("%s %s: %s → %s does not resolve", type->name,
                                kw_record_get_id (records->pdata[r]), field->name, target);
              g_assert_nonnull (kw_store_find_type (store, field->targets, target));
            }
        }
    }
}

static void
test_demo_references (void)
{
  TempStore ts = { NULL, };

  temp_store_load_demo (&ts);
  assert_references_resolve (ts.store);
  temp_store_close (&ts);
}

/* The agenda of each meeting is in order and fills the meeting. */
static void
test_demo_agenda (void)
{
  TempStore ts = { NULL, };
  g_autoptr(GPtrArray) meetings = NULL;

  temp_store_load_demo (&ts);
  meetings = list_all (ts.store, "meeting");
  for (guint i = 0; i < meetings->len; i++)
    {
      KwRecord *meeting = meetings->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = kw_store_list_by_ref (ts.store, "agenda_item", "meeting",
                                                         kw_record_get_id (meeting), &error);
      g_autoptr(GDateTime) starts = g_date_time_new_from_iso8601 (kw_record_get_string (meeting, "starts_at"), NULL);
      g_autoptr(GDateTime) ends = g_date_time_new_from_iso8601 (kw_record_get_string (meeting, "ends_at"), NULL);
      g_autoptr(GPtrArray) positions = g_ptr_array_new ();
      gint64 planned = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (items->len, >=, 4);
      for (guint j = 0; j < items->len; j++)
        {
          planned += kw_record_get_int (items->pdata[j], "minutes_planned");
          g_ptr_array_add (positions, (gpointer) kw_record_get_string (items->pdata[j], "position"));
        }
      g_assert_cmpint (planned, ==, g_date_time_difference (ends, starts) / G_TIME_SPAN_MINUTE);
      g_ptr_array_sort (positions, compare_strings);
      for (guint j = 0; j + 1 < positions->len; j++)
        g_assert_cmpstr (positions->pdata[j], <, positions->pdata[j + 1]);
    }
  temp_store_close (&ts);
}

/* A record as text: every field, references by the title of their target. */
static char *
describe_record (KwStore  *store,
                 KwRecord *record)
{
  const KwEntityType *type = kw_record_get_entity_type (record);
  GString *out = g_string_new (type->name);

  for (guint f = 0; f < type->n_fields; f++)
    {
      const KwField *field = &type->fields[f];
      g_autofree char *text = kw_field_format (field, kw_record_get_value_at (record, f));

      if (field->kind == KW_FIELD_REF && text != NULL)
        {
          const char *target = kw_store_find_type (store, field->targets, text);
          g_autoptr(KwRecord) other = kw_store_get (store, target, text, NULL);

          g_assert_nonnull (other);
          g_free (text);
          text = kw_record_dup_title (other);
        }
      g_string_append_printf (out, "|%s=%s", field->name, text ? text : "∅");
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
describe_all (KwStore *store)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);

  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      g_autoptr(GPtrArray) records = list_all (store, kw_registry_type_at (t)->name);
      guint first = all->len;

      for (guint r = 0; r < records->len; r++)
        g_ptr_array_add (all, describe_record (store, records->pdata[r]));
      /* records without a title are listed in id order, which is random */
      qsort (all->pdata + first, all->len - first, sizeof (gpointer), compare_strings);
    }
  return all;
}

static void
assert_same_strings (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
}

/* Titles of the titled types, in the store's order. */
static GPtrArray *
list_titles (KwStore *store)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);
      g_autoptr(GPtrArray) records = NULL;

      g_ptr_array_add (titles, g_strdup_printf ("%s: %" G_GINT64_FORMAT, type->name,
                                                kw_store_count (store, type->name)));
      if (type->title_field == NULL)
        continue;
      records = list_all (store, type->name);
      for (guint r = 0; r < records->len; r++)
        g_ptr_array_add (titles, kw_record_dup_title (records->pdata[r]));
    }
  return titles;
}

static void
test_demo_deterministic (void)
{
  TempStore one = { NULL, }, two = { NULL, };
  g_autoptr(GPtrArray) titles_one = NULL, titles_two = NULL;
  g_autoptr(GPtrArray) records_one = NULL, records_two = NULL;

  temp_store_load_demo (&one);
  temp_store_load_demo (&two);
  titles_one = list_titles (one.store);
  titles_two = list_titles (two.store);
  assert_same_strings (titles_one, titles_two);
  records_one = describe_all (one.store);
  records_two = describe_all (two.store);
  assert_same_strings (records_one, records_two);
  temp_store_close (&one);
  temp_store_close (&two);
}

/* A small data set in the demo's syntax: the error names the group and the
 * field, and nothing is written. */
static void
assert_refused (const char *text,
                const char *group,
                const char *field)
{
  TempStore ts = { NULL, };
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;

  temp_store_open (&ts);
  g_assert_false (kw_demo_load_bytes (ts.store, bytes, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, group));
  if (field != NULL)
    g_assert_nonnull (strstr (error->message, field));
  g_assert_true (kw_store_is_empty (ts.store));
  temp_store_close (&ts);
}

static void
test_demo_small_file (void)
{
  static const char good[] =
    "# two people and how they know each other\n"
    "[area a:buurt]\nname=Lindenbuurt\nkind=buurt\n"
    "[person p:ada]\nname=Ada Kwakman\narea=@a:buurt\nconsent=public\nconsent_date=@-30d\n"
    "[person p:bo]\nname=Bo Zwanenburg\nnotes=@@bo op de buurtapp\n"
    "[relation #1]\nfrom=@p:ada\nto=@p:bo\nkind=knows\n"
    "[meeting m:een]\ntitle=Open huis\nkind=open_house\nstarts_at=@+7d 19:30\n";
  TempStore ts = { NULL, };
  g_autoptr(GBytes) bytes = g_bytes_new_static (good, strlen (good));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL, meetings = NULL;

  temp_store_open (&ts);
  g_assert_true (kw_demo_load_bytes (ts.store, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_store_count (ts.store, "person"), ==, 2);
  g_assert_cmpint (kw_store_count (ts.store, "relation"), ==, 1);
  people = list_all (ts.store, "person");
  for (guint i = 0; i < people->len; i++)
    {
      KwRecord *p = people->pdata[i];

      if (g_str_equal (kw_record_get_string (p, "name"), "Ada Kwakman"))
        {
          g_assert_cmpstr (kw_record_get_string (p, "consent_date"), ==, "2026-10-02");
          g_assert_nonnull (kw_record_get_string (p, "area"));
        }
      else
        g_assert_cmpstr (kw_record_get_string (p, "notes"), ==, "@bo op de buurtapp");
    }
  meetings = list_all (ts.store, "meeting");
  g_assert_cmpuint (meetings->len, ==, 1);
  g_assert_cmpstr (kw_record_get_string (meetings->pdata[0], "starts_at"), ==,
                   "2026-11-08T19:30:00Z");
  temp_store_close (&ts);

  /* a field the type does not have */
  assert_refused ("[person p:ada]\nname=Ada Kwakman\nshoe_size=42\n", "[person p:ada]", "shoe_size");
  /* a reference to a key no group has */
  assert_refused ("[person p:ada]\nname=Ada Kwakman\n"
                  "[relation #1]\nfrom=@p:ada\nto=@p:nobody\nkind=knows\n",
                  "[relation #1]", "@p:nobody");
  /* a reference to a group further down */
  assert_refused ("[relation #1]\nfrom=@p:ada\nto=@p:ada\nkind=knows\n"
                  "[person p:ada]\nname=Ada Kwakman\n",
                  "[relation #1]", "from");
  /* a value the registry refuses, after records that were fine */
  assert_refused ("[person p:ada]\nname=Ada Kwakman\n"
                  "[person p:bo]\nname=Bo Zwanenburg\nconsent=maybe\n",
                  "[person p:bo]", "consent");
  /* a relative date that is not one */
  assert_refused ("[person p:ada]\nname=Ada Kwakman\nconsent_date=@-30 days\n",
                  "[person p:ada]", "consent_date");
  /* a type the registry does not have */
  assert_refused ("[spaceship s:one]\nname=Nova\n", "[spaceship s:one]", "spaceship");
  /* a key used twice */
  assert_refused ("[person p:ada]\nname=Ada Kwakman\n[area p:ada]\nname=Lindenbuurt\nkind=buurt\n",
                  "[area p:ada]", "p:ada");
}

/* The day the generator's dates are relative to in these tests
 * (KWARTIER_DEMO_TODAY, set in main ()). */
#define PINNED_TODAY "2026-11-01"

static GHashTable *
index_by_id (GPtrArray *records)
{
  GHashTable *by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    g_hash_table_insert (by_id, (gpointer) kw_record_get_id (records->pdata[i]), records->pdata[i]);
  return by_id;
}

static guint
count_meetings_where (KwStore    *store,
                      const char *field)
{
  return kw_store_count (store, "meeting") - count_where (store, "meeting", field, NULL);
}

/* The counts scale with the people: an alliance per 1,000 (twenty
 * meetings each), a unit per 500, three relations per person, about one
 * contact moment. */
static void
assert_generated_scale (KwStore *store,
                        guint    n)
{
  gint64 alliances = kw_store_count (store, "alliance");
  gint64 units = kw_store_count (store, "network_unit");
  gint64 relations = kw_store_count (store, "relation");
  gint64 moments = kw_store_count (store, "contact_moment");

  g_test_message ("%u people: %" G_GINT64_FORMAT " alliances, %" G_GINT64_FORMAT " units, %"
                  G_GINT64_FORMAT " relations, %" G_GINT64_FORMAT " contact moments, %"
                  G_GINT64_FORMAT " meetings", n, alliances, units, relations, moments,
                  kw_store_count (store, "meeting"));
  g_assert_cmpint (kw_store_count (store, "person"), ==, n);
  g_assert_cmpint (kw_store_count (store, "organisation"), ==, MAX (1, n / 20));
  g_assert_cmpint (kw_store_count (store, "affiliation"), ==, n / 2);
  g_assert_cmpint (alliances, ==, MAX (1, n / 1000));
  g_assert_cmpint (units, ==, MAX (1, n / 500));
  g_assert_cmpint (count_where (store, "area", "kind", "binnenbuurt"), ==, units);
  g_assert_cmpint (relations, >=, 2.5 * n);
  g_assert_cmpint (relations, <=, 3.5 * n);
  g_assert_cmpint (moments, >=, 0.8 * n);
  g_assert_cmpint (moments, <=, 1.5 * n);
  g_assert_cmpint (count_meetings_where (store, "alliance"), ==, 20 * alliances);
  g_assert_cmpint (count_meetings_where (store, "unit"), >=, 5 * units);
  g_assert_cmpint (count_meetings_where (store, "unit"), <=, 11 * units);
  g_assert_cmpint (kw_store_count (store, "alliance_partner"), >=, 4 * alliances);
  g_assert_cmpint (kw_store_count (store, "action_line"), >=, 2 * alliances);
  g_assert_cmpint (kw_store_count (store, "stakeholder_map"), >=, alliances);
  g_assert_cmpint (kw_store_count (store, "stakeholder_map"), <=, 3 * alliances);
  g_assert_cmpint (kw_store_count (store, "network_member"), >=, 10 * units);
}

/* A city of 5,000 people, made once for the tests that only look at it. */
#define CITY_PEOPLE 5000
static TempStore city;

static KwStore *
get_city (void)
{
  if (city.store == NULL)
    temp_store_generate (&city, CITY_PEOPLE, 7);
  return city.store;
}

static void
test_generate_scale (void)
{
  TempStore ts = { NULL, };

  temp_store_generate (&ts, 1500, 7);
  assert_generated_scale (ts.store, 1500);
  assert_references_resolve (ts.store);
  temp_store_close (&ts);
  assert_generated_scale (get_city (), CITY_PEOPLE);
  assert_references_resolve (get_city ());
}

/* What the alliances view shows: partners (organisations and residents),
 * action lines with budget and spent, some over budget, and maps that
 * also hold parties that are not partners. */
static void
assert_generated_alliances (KwStore *store)
{
  g_autoptr(GPtrArray) alliances = list_all (store, "alliance");
  g_autoptr(GPtrArray) lines = list_all (store, "action_line");
  const KwEntityType *partner_type = kw_registry_lookup ("alliance_partner");
  guint over_budget = 0, missing = 0;

  for (guint i = 0; i < alliances->len; i++)
    {
      const char *id = kw_record_get_id (alliances->pdata[i]);
      g_autoptr(GPtrArray) partners = kw_store_list_by_ref (store, "alliance_partner", "alliance", id, NULL);
      g_autoptr(GPtrArray) maps = kw_store_list_by_ref (store, "stakeholder_map", "alliance", id, NULL);
      g_autoptr(GHashTable) parties = g_hash_table_new (g_str_hash, g_str_equal);
      guint people = 0;

      g_assert_cmpuint (partners->len, >=, 3);
      for (guint j = 0; j < partners->len; j++)
        {
          const char *party = kw_record_get_string (partners->pdata[j], "party");

          g_assert_true (g_hash_table_add (parties, (gpointer) party));  /* no party twice */
          people += g_strcmp0 (kw_store_find_type (store, (const char *[]) { "person", NULL }, party),
                               "person") == 0;
        }
      g_assert_cmpuint (people, >=, 1);
      g_assert_cmpuint (maps->len, >=, 1);
      for (guint m = 0; m < maps->len; m++)
        {
          g_autoptr(GPtrArray) positions = kw_store_list_by_ref (store, "map_position", "map",
                                                                 kw_record_get_id (maps->pdata[m]), NULL);

          g_assert_cmpuint (positions->len, >=, 5);
          for (guint j = 0; j < positions->len; j++)
            missing += !g_hash_table_contains (parties, kw_record_get_string (positions->pdata[j], "party"));
        }
    }
  g_assert_cmpuint (missing, >=, alliances->len);
  for (guint i = 0; i < lines->len; i++)
    {
      g_assert_cmpint (kw_record_get_int (lines->pdata[i], "budget_cents"), >, 0);
      over_budget += kw_record_get_int (lines->pdata[i], "spent_cents")
                     > kw_record_get_int (lines->pdata[i], "budget_cents");
    }
  g_assert_cmpuint (over_budget, >=, 1);
  g_assert_cmpuint (over_budget, <, lines->len / 3);
  /* DESIGN.md's partner status, once the registry has it */
  if (kw_entity_type_field (partner_type, "status") != NULL)
    {
      g_assert_cmpuint (count_where (store, "alliance_partner", "status", "active"), >=, 1);
      g_assert_cmpuint (count_where (store, "alliance_partner", "status", "prospective"), >=, 1);
      g_assert_cmpuint (count_where (store, "alliance_partner", "status", "left"), >=, 1);
    }
}

/* What the networks view shows: units mostly with contact and deputy,
 * both members, and members who live in the unit's binnenbuurt. */
static void
assert_generated_networks (KwStore *store)
{
  g_autoptr(GPtrArray) units = list_all (store, "network_unit");
  g_autoptr(GPtrArray) people = list_all (store, "person");
  g_autoptr(GHashTable) person_by_id = index_by_id (people);
  guint with_contact = 0, with_deputy = 0;

  for (guint i = 0; i < units->len; i++)
    {
      KwRecord *unit = units->pdata[i];
      g_autoptr(GPtrArray) members = kw_store_list_by_ref (store, "network_member", "unit",
                                                           kw_record_get_id (unit), NULL);
      g_autoptr(GHashTable) member_ids = g_hash_table_new (g_str_hash, g_str_equal);
      const char *contact = kw_record_get_string (unit, "contact");
      const char *deputy = kw_record_get_string (unit, "deputy");

      for (guint j = 0; j < members->len; j++)
        {
          const char *person = kw_record_get_string (members->pdata[j], "person");
          KwRecord *record = g_hash_table_lookup (person_by_id, person);

          g_assert_nonnull (record);
          g_assert_cmpstr (kw_record_get_string (record, "area"), ==, kw_record_get_string (unit, "area"));
          g_hash_table_add (member_ids, (gpointer) person);
        }
      g_assert_cmpint (kw_record_get_int (unit, "members_count"), ==, members->len);
      if (contact != NULL)
        g_assert_true (g_hash_table_contains (member_ids, contact));
      if (deputy != NULL)
        g_assert_true (g_hash_table_contains (member_ids, deputy));
      with_contact += contact != NULL;
      with_deputy += deputy != NULL;
    }
  /* mostly set, some missing */
  g_assert_cmpuint (with_contact, >=, units->len * 6 / 10);
  g_assert_cmpuint (with_deputy, >=, units->len / 2);
  g_assert_cmpuint (with_contact + with_deputy, <, 2 * units->len);
}

/* The relations make a graph with bridges: key figures tied both to a
 * residents' group or initiative and to an institution, and groups tied
 * to the institutions, some of it tense. */
static void
assert_generated_graph (KwStore *store)
{
  static const char * const institutions[] = { "municipality", "district", "welfare", "housing",
                                               "neighbourhood_team", NULL };
  static const char * const grassroots[] = { "residents_group", "village_network", "initiative",
                                             "religious", NULL };
  g_autoptr(GPtrArray) organisations = list_all (store, "organisation");
  g_autoptr(GPtrArray) relations = list_all (store, "relation");
  g_autoptr(GHashTable) org_by_id = index_by_id (organisations);
  g_autoptr(GHashTable) to_grassroots = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) to_institution = g_hash_table_new (g_str_hash, g_str_equal);
  guint group_institution = 0, tense = 0, bridges = 0;
  GHashTableIter iter;
  gpointer person;

  for (guint i = 0; i < relations->len; i++)
    {
      KwRecord *relation = relations->pdata[i];
      const char *from = kw_record_get_string (relation, "from");
      KwRecord *from_org = g_hash_table_lookup (org_by_id, from);
      KwRecord *to_org = g_hash_table_lookup (org_by_id, kw_record_get_string (relation, "to"));
      const char *to_kind = to_org ? kw_record_get_string (to_org, "kind") : NULL;

      tense += g_strcmp0 (kw_record_get_string (relation, "sentiment"), "tense") == 0;
      if (to_kind == NULL)
        continue;
      if (from_org != NULL && g_strv_contains (grassroots, kw_record_get_string (from_org, "kind"))
          && g_strv_contains (institutions, to_kind))
        group_institution++;
      if (from_org == NULL && g_strv_contains (grassroots, to_kind))
        g_hash_table_add (to_grassroots, (gpointer) from);
      if (from_org == NULL && g_strv_contains (institutions, to_kind))
        g_hash_table_add (to_institution, (gpointer) from);
    }
  g_hash_table_iter_init (&iter, to_grassroots);
  while (g_hash_table_iter_next (&iter, &person, NULL))
    bridges += g_hash_table_contains (to_institution, person);
  g_test_message ("%u tense, %u group–institution ties, %u bridge people", tense, group_institution, bridges);
  g_assert_cmpuint (tense, >=, relations->len / 20);
  g_assert_cmpuint (tense, <=, relations->len / 5);
  g_assert_cmpuint (group_institution, >=, 10);
  g_assert_cmpuint (bridges, >=, 20);
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (kw_record_get_string (*(KwRecord * const *) a, "starts_at"),
                    kw_record_get_string (*(KwRecord * const *) b, "starts_at"));
}

/* A member absent from the last three held gatherings of their unit who
 * came before: who stopped coming, as the networks view signals it. */
static guint
count_stopped_members (KwStore *store)
{
  g_autoptr(GPtrArray) units = list_all (store, "network_unit");
  guint stopped = 0;

  for (guint i = 0; i < units->len; i++)
    {
      g_autoptr(GPtrArray) gatherings = kw_store_list_by_ref (store, "meeting", "unit",
                                                              kw_record_get_id (units->pdata[i]), NULL);
      g_autoptr(GPtrArray) held = g_ptr_array_new ();
      g_autoptr(GHashTable) came = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) away = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter iter;
      gpointer who, n;

      for (guint j = 0; j < gatherings->len; j++)
        if (g_strcmp0 (kw_record_get_string (gatherings->pdata[j], "status"), "held") == 0)
          g_ptr_array_add (held, gatherings->pdata[j]);
      g_ptr_array_sort (held, compare_starts);
      for (guint j = 0; j < held->len; j++)
        {
          g_autoptr(GPtrArray) lines = kw_store_list_by_ref (store, "attendance", "meeting",
                                                             kw_record_get_id (held->pdata[j]), NULL);
          gboolean last_three = j + 3 >= held->len;

          for (guint k = 0; k < lines->len; k++)
            {
              const char *person = kw_record_get_string (lines->pdata[k], "person");
              const char *status = kw_record_get_string (lines->pdata[k], "status");
              gboolean absent = g_str_has_prefix (status, "absent");

              if (!absent && !last_three)
                g_hash_table_add (came, g_strdup (person));
              if (last_three)
                g_hash_table_insert (away, g_strdup (person),
                                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (away, person))
                                                       + absent));
            }
        }
      g_hash_table_iter_init (&iter, away);
      while (g_hash_table_iter_next (&iter, &who, &n))
        stopped += held->len >= 4 && GPOINTER_TO_UINT (n) == 3 && g_hash_table_contains (came, who);
    }
  return stopped;
}

/* What the meetings view shows, relative to the pinned today: held
 * meetings before it, planned ones after, agendas that fill them, every
 * kind of attendance, and a running action list with overdue items. */
static void
assert_generated_meetings (KwStore *store)
{
  g_autoptr(GPtrArray) meetings = list_all (store, "meeting");
  g_autoptr(GPtrArray) actions = list_all (store, "action_item");
  static const char * const statuses[] = { "invited", "present", "late", "absent_notified", "absent" };
  guint overdue = 0, done = 0, open_later = 0;

  for (guint i = 0; i < meetings->len; i++)
    {
      KwRecord *meeting = meetings->pdata[i];
      const char *starts = kw_record_get_string (meeting, "starts_at");
      const char *status = kw_record_get_string (meeting, "status");
      g_autoptr(GPtrArray) items = kw_store_list_by_ref (store, "agenda_item", "meeting",
                                                         kw_record_get_id (meeting), NULL);
      g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 (starts, NULL);
      g_autoptr(GDateTime) to = g_date_time_new_from_iso8601 (kw_record_get_string (meeting, "ends_at"), NULL);
      gint64 planned = 0;

      if (strcmp (starts, PINNED_TODAY) >= 0)
        g_assert_cmpstr (status, ==, "planned");
      else
        g_assert_cmpstr (status, !=, "planned");
      g_assert_cmpuint (items->len, >=, 3);
      for (guint j = 0; j < items->len; j++)
        planned += kw_record_get_int (items->pdata[j], "minutes_planned");
      g_assert_cmpint (planned, ==, g_date_time_difference (to, from) / G_TIME_SPAN_MINUTE);
    }
  g_assert_cmpuint (count_where (store, "meeting", "status", "planned"), >=, meetings->len / 10);
  g_assert_cmpuint (count_where (store, "meeting", "status", "held"), >=, meetings->len / 2);
  g_assert_cmpuint (count_where (store, "meeting", "interpreter", NULL), <, meetings->len);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_assert_cmpuint (count_where (store, "attendance", "status", statuses[i]), >=, 1);
  g_assert_cmpuint (count_stopped_members (store), >=, 1);
  for (guint i = 0; i < actions->len; i++)
    {
      const char *status = kw_record_get_string (actions->pdata[i], "status");
      const char *deadline = kw_record_get_string (actions->pdata[i], "deadline");

      if (g_str_equal (status, "done"))
        {
          g_assert_nonnull (kw_record_get_string (actions->pdata[i], "done_at"));
          g_assert_cmpstr (kw_record_get_string (actions->pdata[i], "done_at"), <, PINNED_TODAY);
          done++;
        }
      overdue += g_str_equal (status, "open") && strcmp (deadline, PINNED_TODAY) < 0;
      open_later += g_str_equal (status, "open") && strcmp (deadline, PINNED_TODAY) >= 0;
    }
  g_assert_cmpuint (overdue, >=, 1);
  g_assert_cmpuint (done, >=, 1);
  g_assert_cmpuint (open_later, >=, 1);
}

/* What the contacts view shows: people never contacted, and key figures
 * not contacted for seven months or more. */
static void
assert_generated_contacts (KwStore *store)
{
  g_autoptr(GPtrArray) moments = list_all (store, "contact_moment");
  g_autoptr(GPtrArray) people = list_all (store, "person");
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);
  guint never = 0, lapsed = 0;

  for (guint i = 0; i < moments->len; i++)
    {
      const char *person = kw_record_get_string (moments->pdata[i], "person");
      const char *date = kw_record_get_string (moments->pdata[i], "date");
      const char *seen = g_hash_table_lookup (last, person);

      g_assert_cmpstr (date, <=, PINNED_TODAY);
      if (seen == NULL || strcmp (date, seen) > 0)
        g_hash_table_insert (last, (gpointer) person, (gpointer) date);
    }
  for (guint i = 0; i < people->len; i++)
    {
      const char *seen = g_hash_table_lookup (last, kw_record_get_id (people->pdata[i]));

      never += seen == NULL;
      /* seven months before 1 November 2026 */
      lapsed += seen != NULL && kw_record_get_bool (people->pdata[i], "key_figure") && strcmp (seen, "2026-04-01") < 0;
    }
  g_assert_cmpuint (never, >=, people->len / 10);
  g_assert_cmpuint (lapsed, >=, 1);
  /* consent notes for private people, private notes that never leave */
  g_assert_cmpuint (count_where (store, "person", "consent_note", NULL), <, people->len);
  g_assert_cmpuint (count_where (store, "person", "private_notes", NULL), <, people->len);
}

/* Every view has something to show in a generated city. */
static void
test_generate_views (void)
{
  assert_generated_alliances (get_city ());
  assert_generated_networks (get_city ());
  assert_generated_graph (get_city ());
  assert_generated_meetings (get_city ());
  assert_generated_contacts (get_city ());
}

/* The same seed gives the same data set, every field of every record
 * (references by their target's title; ids are random here); another
 * seed another one. */
static void
test_generate_deterministic (void)
{
  TempStore one = { NULL, }, two = { NULL, }, other = { NULL, };
  g_autoptr(GPtrArray) records_one = NULL, records_two = NULL, records_other = NULL;
  gboolean differs = FALSE;

  temp_store_generate (&one, 1000, 7);
  temp_store_generate (&two, 1000, 7);
  temp_store_generate (&other, 1000, 8);
  records_one = describe_all (one.store);
  records_two = describe_all (two.store);
  records_other = describe_all (other.store);
  assert_same_strings (records_one, records_two);
  for (guint i = 0; i < MIN (records_one->len, records_other->len) && !differs; i++)
    differs = g_strcmp0 (records_one->pdata[i], records_other->pdata[i]) != 0;
  g_assert_true (differs || records_one->len != records_other->len);
  temp_store_close (&one);
  temp_store_close (&two);
  temp_store_close (&other);
}

/* The dates are relative to today, or to KWARTIER_DEMO_TODAY; a value
 * that is no date is refused before anything is written. */
static void
test_generate_today (void)
{
  TempStore ts = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *earliest = NULL, *latest = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

  g_setenv ("KWARTIER_DEMO_TODAY", "2031-03-15", TRUE);
  temp_store_generate (&ts, 600, 3);
  meetings = list_all (ts.store, "meeting");
  for (guint i = 0; i < meetings->len; i++)
    {
      const char *starts = kw_record_get_string (meetings->pdata[i], "starts_at");

      if (earliest == NULL || strcmp (starts, earliest) < 0)
        {
          g_free (earliest);
          earliest = g_strdup (starts);
        }
      if (latest == NULL || strcmp (starts, latest) > 0)
        {
          g_free (latest);
          latest = g_strdup (starts);
        }
    }
  g_assert_cmpstr (earliest, <, "2031-03-15");
  g_assert_cmpstr (earliest, >, "2029-09-01");
  g_assert_cmpstr (latest, >=, "2031-03-15");
  g_assert_cmpstr (latest, <, "2031-09-01");
  temp_store_close (&ts);

  g_setenv ("KWARTIER_DEMO_TODAY", "15 March", TRUE);
  temp_store_open (&ts);
  g_assert_false (kw_demo_generate (ts.store, 600, 3, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "KWARTIER_DEMO_TODAY"));
  g_assert_true (kw_store_is_empty (ts.store));
  temp_store_close (&ts);

  /* unpinned: today */
  g_unsetenv ("KWARTIER_DEMO_TODAY");
  temp_store_generate (&ts, 600, 3);
  g_assert_cmpuint (count_where (ts.store, "meeting", "status", "planned"), >=, 1);
  g_clear_pointer (&meetings, g_ptr_array_unref);
  meetings = list_all (ts.store, "meeting");
  for (guint i = 0; i < meetings->len; i++)
    {
      const char *starts = kw_record_get_string (meetings->pdata[i], "starts_at");

      if (strcmp (starts, today) >= 0)
        g_assert_cmpstr (kw_record_get_string (meetings->pdata[i], "status"), ==, "planned");
      else
        g_assert_cmpstr (kw_record_get_string (meetings->pdata[i], "status"), !=, "planned");
    }
  temp_store_close (&ts);
  g_setenv ("KWARTIER_DEMO_TODAY", PINNED_TODAY, TRUE);
}

/* The people count is exactly N, also for small and odd N. */
static void
test_generate_count (void)
{
  static const guint sizes[] = { 1, 7, 499, 1234 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      TempStore ts = { NULL, };

      temp_store_generate (&ts, sizes[i], i);
      g_assert_cmpint (kw_store_count (ts.store, "person"), ==, sizes[i]);
      g_assert_cmpint (kw_store_count (ts.store, "alliance"), ==, MAX (1, sizes[i] / 1000));
      g_assert_cmpint (kw_store_count (ts.store, "network_unit"), ==, MAX (1, sizes[i] / 500));
      g_assert_cmpint (kw_store_count (ts.store, "meeting"), >=, 20);
      assert_references_resolve (ts.store);
      temp_store_close (&ts);
    }
}

typedef struct {
  guint   calls;
  guint   last_step;
  guint   n_steps;
  guint64 last_written;
  gboolean monotonic;
} Progress;

static void
on_progress_cb (const char *step_name,
                guint       step,
                guint       n_steps,
                guint64     written,
                gpointer    user_data)
{
  Progress *p = user_data;

  g_assert_nonnull (step_name);
  p->monotonic &= step >= p->last_step && written >= p->last_written;
  p->calls++;
  p->last_step = step;
  p->n_steps = n_steps;
  p->last_written = written;
}

/* The generator tells how far it is: every step, and each transaction. */
static void
test_generate_progress (void)
{
  TempStore ts = { NULL, };
  Progress p = { 0, 0, 0, 0, TRUE };
  g_autoptr(GError) error = NULL;
  gint64 total = 0;
  const char * const types[] = { "area", "organisation", "person", "affiliation", "relation" };

  temp_store_open (&ts);
  g_assert_true (kw_demo_generate_full (ts.store, 1500, 3, on_progress_cb, &p, &error));
  g_assert_no_error (error);
  g_assert_true (p.monotonic);
  g_assert_cmpuint (p.last_step, ==, p.n_steps);
  g_assert_cmpuint (p.n_steps, >, 1);
  g_assert_cmpuint (p.calls, >, p.n_steps);  /* more than the steps: the batches too */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    total += kw_store_count (ts.store, types[i]);
  g_assert_cmpuint (p.last_written, >=, (guint64) total);
  temp_store_close (&ts);
}

/* What the views of issue 10 show in the demo (docs/demo-data.md), through
 * the same core functions as `kwartier-cli report`, on the reference date. */

/* The id of the one live record of @type_name whose @field is @value. */
static char *
demo_find (KwStore    *store,
           const char *type_name,
           const char *field,
           const char *value)
{
  g_autoptr(GPtrArray) records = list_all (store, type_name);
  char *id = NULL;

  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (kw_record_get_string (records->pdata[i], field), value) == 0)
      {
        g_assert_null (id);
        id = g_strdup (kw_record_get_id (records->pdata[i]));
      }
  if (id == NULL)
    g_test_message ("no %s with %s = %s", type_name, field, value);
  g_assert_nonnull (id);
  return id;
}

/* The gaps as "value:candidate,candidate" (values folded), sorted. */
static char *
describe_gaps (GPtrArray *gaps)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < gaps->len; i++)
    {
      KwAnalysisGap *gap = gaps->pdata[i];
      g_autofree char *value = g_utf8_casefold (gap->value, -1);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();  /* borrowed, not copied */
      g_autofree char *joined = NULL;

      for (guint j = 0; j < gap->candidates->len; j++)
        g_ptr_array_add (ids, gap->candidates->pdata[j]);
      g_ptr_array_sort (ids, compare_strings);
      g_ptr_array_add (ids, NULL);
      joined = g_strjoinv (",", (char **) ids->pdata);
      g_ptr_array_add (parts, g_strdup_printf ("%s:%s", value, joined));
    }
  g_ptr_array_sort (parts, compare_strings);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (";", (char **) parts->pdata);
}

static void
test_demo_analysis (void)
{
  TempStore ts = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisMissing) missing = NULL;
  g_autoptr(KwAnalysisBudgets) budgets = NULL;
  g_autoptr(KwAnalysisAbsence) absence = NULL;
  g_autoptr(GPtrArray) loads = NULL;
  g_autoptr(GPtrArray) partners = NULL, units = NULL;
  g_autofree char *alliance = NULL, *selam = NULL, *ondernemers = NULL, *line = NULL;
  g_autofree char *dorsvloer = NULL, *zaaiershof = NULL, *bep = NULL, *hasan = NULL;
  g_autofree char *november = NULL, *ama = NULL, *text = NULL, *expected = NULL;
  KwUnitFlags flags = KW_UNIT_FLAG_NONE;
  guint n_over = 0, n_flagged = 0, n_prospective = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_NOVEMBER, 2026);
  temp_store_load_demo (&ts);
  alliance = demo_find (ts.store, "alliance", "name", "Wijkalliantie Slotermeer-Noord");
  selam = demo_find (ts.store, "person", "name", "Selam Tesfamariam");
  ondernemers = demo_find (ts.store, "organisation", "name", "Ondernemersvereniging Slotermeer-Noord");

  /* Nieuw-West: who is missing at the table */
  missing = kw_analysis_missing (ts.store, alliance, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (missing);
  text = describe_gaps (missing->kinds);
  expected = g_strdup_printf ("business:%s", ondernemers);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  text = describe_gaps (missing->communities);
  expected = g_strdup_printf ("eritrese gemeenschap:%s;statushouders:%s", selam, selam);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  text = describe_gaps (missing->languages);
  expected = g_strdup_printf ("tigrinya:%s", selam);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (missing->key_figures->len, ==, 1);
  g_assert_cmpstr (missing->key_figures->pdata[0], ==, selam);

  /* one prospective partner, with a next step and its date */
  partners = kw_store_list_by_ref (ts.store, "alliance_partner", "alliance", alliance, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < partners->len; i++)
    if (g_strcmp0 (kw_record_get_string (partners->pdata[i], "status"), "prospective") == 0)
      {
        n_prospective++;
        g_assert_cmpstr (kw_record_get_string (partners->pdata[i], "party"), ==, ondernemers);
        g_assert_nonnull (kw_record_get_string (partners->pdata[i], "next_step"));
        g_assert_cmpstr (kw_record_get_string (partners->pdata[i], "next_step_date"), ==, "2026-11-15");
      }
  g_assert_cmpuint (n_prospective, ==, 1);
  /* and an active partner's next step is overdue (Betondorp, De Brinkvrouwen) */
  {
    g_autofree char *betondorp = demo_find (ts.store, "alliance", "name", "Wijkalliantie Betondorp");
    g_autoptr(GPtrArray) others = kw_store_list_by_ref (ts.store, "alliance_partner", "alliance",
                                                        betondorp, &error);
    guint n_overdue = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < others->len; i++)
      {
        const char *date = kw_record_get_string (others->pdata[i], "next_step_date");

        if (date != NULL && strcmp (date, "2026-11-01") < 0)
          {
            n_overdue++;
            g_assert_null (kw_record_get_string (others->pdata[i], "status"));
            g_assert_nonnull (kw_record_get_string (others->pdata[i], "next_step"));
          }
      }
    g_assert_cmpuint (n_overdue, ==, 1);
  }

  /* one action line over budget, in the Nieuw-West alliance; no alliance over */
  line = demo_find (ts.store, "action_line", "title", "Verkenning en open huis");
  budgets = kw_analysis_budget (ts.store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->alliances->len, ==, 3);
  for (guint i = 0; i < budgets->alliances->len; i++)
    {
      KwAnalysisBudget *a = budgets->alliances->pdata[i];

      g_assert_false (a->over);
      for (guint j = 0; j < a->lines->len; j++)
        {
          KwAnalysisBudget *l = a->lines->pdata[j];

          if (!l->over)
            continue;
          n_over++;
          g_assert_cmpstr (l->id, ==, line);
          g_assert_cmpstr (a->id, ==, alliance);
          g_assert_cmpint (l->budget_cents, ==, 250000);
          g_assert_cmpint (l->spent_cents, ==, 276050);
          g_assert_cmpint (l->remaining_cents, ==, -26050);
        }
    }
  g_assert_cmpuint (n_over, ==, 1);

  /* a binnenbuurt without a deputy (Dorsvloer), one whose deputy was not
   * contacted for months (Hooiberg); the other six are not flagged */
  dorsvloer = demo_find (ts.store, "network_unit", "name", "Dorsvloer");
  units = list_all (ts.store, "network_unit");
  g_assert_cmpuint (units->len, ==, 8);
  for (guint i = 0; i < units->len; i++)
    {
      const char *name = kw_record_get_string (units->pdata[i], "name");
      KwUnitFlags expect = g_str_equal (name, "Dorsvloer") ? KW_UNIT_FLAG_NO_DEPUTY
                           : g_str_equal (name, "Hooiberg") ? KW_UNIT_FLAG_STALE_DEPUTY
                           : KW_UNIT_FLAG_NONE;

      g_assert_true (kw_analysis_unit_flags (ts.store, kw_record_get_id (units->pdata[i]),
                                             KW_ANALYSIS_STALE_MONTHS, &today, &flags, &error));
      g_assert_no_error (error);
      g_test_message ("%s: flags %x", name, flags);
      g_assert_cmpint (flags, ==, expect);
    }

  /* two members who stopped coming to Zaaiershof: last seen in November 2025 */
  zaaiershof = demo_find (ts.store, "network_unit", "name", "Zaaiershof");
  bep = demo_find (ts.store, "person", "name", "Bep van Vliet");
  hasan = demo_find (ts.store, "person", "name", "Hasan Toprak");
  november = demo_find (ts.store, "meeting", "starts_at", "2025-11-04T13:00:00Z");
  absence = kw_analysis_absent (ts.store, zaaiershof, KW_ANALYSIS_STALE_MONTHS, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (absence->gatherings->len, ==, 3);
  g_assert_cmpuint (absence->absent->len, ==, 2);
  for (guint i = 0; i < absence->absent->len; i++)
    {
      KwAnalysisAbsent *a = absence->absent->pdata[i];

      g_assert_cmpstr (a->last_present, ==, november);
      if (g_str_equal (a->person, hasan))
        g_assert_cmpstr (a->last_contact, ==, "2026-06-26");
      else
        {
          g_assert_cmpstr (a->person, ==, bep);
          g_assert_null (a->last_contact);
        }
    }

  /* one person above the load threshold: Ama */
  ama = demo_find (ts.store, "person", "name", "Ama Owusu");
  loads = kw_analysis_load (ts.store, KW_ANALYSIS_LOAD_WEEKS, KW_ANALYSIS_LOAD_THRESHOLD, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loads->len, >, 1);
  for (guint i = 0; i < loads->len; i++)
    n_flagged += ((KwAnalysisLoad *) loads->pdata[i])->flagged;
  g_assert_cmpuint (n_flagged, ==, 1);
  {
    KwAnalysisLoad *top = loads->pdata[0];

    g_assert_cmpstr (top->person, ==, ama);
    g_assert_true (top->flagged);
    g_assert_cmpuint (top->load, ==, 14);
    g_assert_cmpuint (top->meetings, ==, 2);
    g_assert_cmpuint (top->open_actions, ==, 6);
    g_assert_cmpuint (top->overdue_actions, ==, 3);
    g_assert_cmpuint (top->roles, ==, 3);
    g_assert_cmpuint (top->load, >, KW_ANALYSIS_LOAD_THRESHOLD);
  }
  temp_store_close (&ts);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("KWARTIER_DEMO_TODAY", PINNED_TODAY, TRUE);

  g_test_add_func ("/kw/demo/counts", test_demo_counts);
  g_test_add_func ("/kw/demo/references", test_demo_references);
  g_test_add_func ("/kw/demo/agenda", test_demo_agenda);
  g_test_add_func ("/kw/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/kw/demo/small-file", test_demo_small_file);
  g_test_add_func ("/kw/demo/analysis", test_demo_analysis);
  g_test_add_func ("/kw/demo/generate/scale", test_generate_scale);
  g_test_add_func ("/kw/demo/generate/views", test_generate_views);
  g_test_add_func ("/kw/demo/generate/deterministic", test_generate_deterministic);
  g_test_add_func ("/kw/demo/generate/today", test_generate_today);
  g_test_add_func ("/kw/demo/generate/count", test_generate_count);
  g_test_add_func ("/kw/demo/generate/progress", test_generate_progress);

  status = g_test_run ();
  if (city.store != NULL)
    temp_store_close (&city);
  return status;
}
