/* test-demo.c: the demo data set and the city-scale generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

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
  g_assert_cmpint (kw_store_count (ts.store, "meeting"), ==, 6);

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

/* Counts of the generated shape for 2,000 people. */
static void
test_generate_shape (void)
{
  TempStore ts = { NULL, };

  temp_store_generate (&ts, 2000, 7);
  g_assert_cmpint (kw_store_count (ts.store, "person"), ==, 2000);
  g_assert_cmpint (kw_store_count (ts.store, "organisation"), ==, 100);
  g_assert_cmpint (kw_store_count (ts.store, "affiliation"), ==, 1000);
  g_assert_cmpint (kw_store_count (ts.store, "relation"), ==, 4000);
  g_assert_cmpint (kw_store_count (ts.store, "contact_moment"), ==, 2000);
  g_assert_cmpint (kw_store_count (ts.store, "meeting"), ==, 10);
  g_assert_cmpint (kw_store_count (ts.store, "network_unit"), ==, 8);
  g_assert_cmpint (kw_store_count (ts.store, "attendance"), ==, 80);
  g_assert_cmpint (count_where (ts.store, "area", "kind", "buurt"), ==, 4);
  g_assert_cmpint (kw_store_count (ts.store, "alliance"), >=, 1);
  g_assert_cmpuint (count_where (ts.store, "relation", "sentiment", "tense"), >=, 200);
  g_assert_cmpuint (count_where (ts.store, "relation", "sentiment", "tense"), <=, 600);
  assert_references_resolve (ts.store);
  temp_store_close (&ts);
}

static void
test_generate_deterministic (void)
{
  TempStore one = { NULL, }, two = { NULL, }, other = { NULL, };
  g_autoptr(GPtrArray) titles_one = NULL, titles_two = NULL, titles_other = NULL;
  gboolean differs = FALSE;

  temp_store_generate (&one, 2000, 7);
  temp_store_generate (&two, 2000, 7);
  temp_store_generate (&other, 2000, 8);
  titles_one = list_titles (one.store);
  titles_two = list_titles (two.store);
  titles_other = list_titles (other.store);
  assert_same_strings (titles_one, titles_two);
  for (guint i = 0; i < MIN (titles_one->len, titles_other->len) && !differs; i++)
    differs = g_strcmp0 (titles_one->pdata[i], titles_other->pdata[i]) != 0;
  g_assert_true (differs || titles_one->len != titles_other->len);
  temp_store_close (&one);
  temp_store_close (&two);
  temp_store_close (&other);
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
      g_assert_cmpint (kw_store_count (ts.store, "network_unit"), ==, 8);
      g_assert_cmpint (kw_store_count (ts.store, "meeting"), >=, 1);
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
  g_assert_true (kw_demo_generate_full (ts.store, 3000, 3, on_progress_cb, &p, &error));
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/demo/counts", test_demo_counts);
  g_test_add_func ("/kw/demo/references", test_demo_references);
  g_test_add_func ("/kw/demo/agenda", test_demo_agenda);
  g_test_add_func ("/kw/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/kw/demo/small-file", test_demo_small_file);
  g_test_add_func ("/kw/demo/generate/shape", test_generate_shape);
  g_test_add_func ("/kw/demo/generate/deterministic", test_generate_deterministic);
  g_test_add_func ("/kw/demo/generate/count", test_generate_count);
  g_test_add_func ("/kw/demo/generate/progress", test_generate_progress);

  return g_test_run ();
}
