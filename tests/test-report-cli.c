/* test-report-cli.c: `kwartier-cli report …` (spec/cli.md, spec/analysis.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real kwartier-cli (KWARTIER_CLI) on small databases made with its
 * own `put`, in a temporary folder, with TZ=Europe/Amsterdam: the JSON
 * keys and shapes of the spec, --today and the other options, and the
 * exit status and message of every refusal.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "kw-test-cli.h"
#include "kw-test-files.h"

/* put TYPE FIELD=VALUE…: the new id */
static char *put (KwTestSandbox *sb, const char *type, ...) G_GNUC_NULL_TERMINATED;

static char *
put (KwTestSandbox *sb,
     const char    *type,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) "put");
  g_ptr_array_add (args, (gpointer) type);
  va_start (ap, type);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return kw_test_cli_put_id (kw_test_cli_runv (sb, (const char **) args->pdata));
}

/* The one JSON document on stdout. */
static JsonNode *
parse_out (KwTestResult *r)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  kw_test_assert_status (r, 0);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_true (g_str_has_suffix (r->out, "\n"));
  json_parser_load_from_data (parser, r->out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The object's member names, sorted and joined by spaces. */
static char *
member_names (JsonObject *object)
{
  g_autoptr(GList) names = g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);
  g_autoptr(GString) s = g_string_new (NULL);

  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", (const char *) l->data);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define assert_members(object, names) G_STMT_START {          \
    g_autofree char *got_ = member_names (object);          \
    g_assert_cmpstr (got_, ==, names);                        \
  } G_STMT_END

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The strings of a JSON array, sorted and joined by spaces. */
static char *
array_strings (JsonArray *array)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (items, (gpointer) json_array_get_string_element (array, i));
  g_ptr_array_sort (items, compare_strings);
  g_ptr_array_add (items, NULL);
  return g_strjoinv (" ", (char **) items->pdata);
}

/* Exit 1: one line on stderr that names @what, nothing on stdout. */
static void
assert_refused (KwTestResult     *r,
                const char *what)
{
  kw_test_assert_status (r, 1);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "kwartier-cli: "));
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
  if (strstr (r->err, what) == NULL)
    g_error ("stderr does not name “%s”: %s", what, r->err);
}

/* Exit 2 with the usage, nothing on stdout. */
static void
assert_usage (KwTestResult *r)
{
  kw_test_assert_status (r, 2);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_nonnull (strstr (r->err, "Usage: kwartier-cli"));
}

/* Ids given one by one (NULL-terminated), sorted and joined by spaces. */
static char *sorted (const char *first, ...) G_GNUC_NULL_TERMINATED;

static char *
sorted (const char *first,
        ...)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *s = first; s != NULL; s = va_arg (ap, const char *))
    g_ptr_array_add (items, (gpointer) s);
  va_end (ap);
  g_ptr_array_sort (items, compare_strings);
  g_ptr_array_add (items, NULL);
  return g_strjoinv (" ", (char **) items->pdata);
}

#define assert_strings(array, ...) G_STMT_START {            \
    g_autofree char *got_ = array_strings (array);           \
    g_autofree char *want_ = sorted (__VA_ARGS__);           \
    g_assert_cmpstr (got_, ==, want_);                       \
  } G_STMT_END

/* The gap of @value (any case) in an array of {"value","candidates"}. */
static JsonObject *
find_gap (JsonArray  *gaps,
          const char *value)
{
  for (guint i = 0; i < json_array_get_length (gaps); i++)
    {
      JsonObject *gap = json_array_get_object_element (gaps, i);
      g_autofree char *a = g_utf8_casefold (json_object_get_string_member (gap, "value"), -1);
      g_autofree char *b = g_utf8_casefold (value, -1);

      assert_members (gap, "candidates value");
      if (strcmp (a, b) == 0)
        return gap;
    }
  g_error ("no gap “%s”", value);
}

/* report missing: the keys, and --today deciding what is current. */
static void
test_missing (void)
{
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-report");
  g_autofree char *alliance = put (sb, "alliance", "name=Alliantie", NULL);
  g_autofree char *org = put (sb, "organisation", "name=Stichting", "kind=welfare", NULL);
  g_autofree char *mosque = put (sb, "organisation", "name=Moskee", "kind=religious", NULL);
  g_autofree char *anna = put (sb, "person", "name=Anna", "key_figure=true", "languages=Arabisch",
                               NULL);
  g_autofree char *bo = put (sb, "person", "name=Bo", "key_figure=true",
                             "languages=Tamazight; arabisch", "communities=Turks-Nederlands", NULL);
  g_autofree char *cor = put (sb, "person", "name=Cor", "key_figure=true", NULL);
  g_autoptr(KwTestResult) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *a_alliance = g_strconcat ("alliance=", alliance, NULL);
  g_autofree char *a_org = g_strconcat ("party=", org, NULL);
  g_autofree char *a_mosque = g_strconcat ("party=", mosque, NULL);
  g_autofree char *aff_person = g_strconcat ("person=", anna, NULL);
  g_autofree char *aff_org = g_strconcat ("organisation=", org, NULL);
  JsonObject *o;

  g_free (put (sb, "alliance_partner", a_alliance, a_org, "status=active", NULL));
  g_free (put (sb, "alliance_partner", a_alliance, a_mosque, "status=prospective", "next_step=Bellen",
               "next_step_date=2026-07-01", NULL));
  g_free (put (sb, "affiliation", aff_person, aff_org, "until=2026-06-14", NULL));

  /* on 14 June Anna is still there */
  r = kw_test_cli_run (sb, "report", "missing", alliance, "--today", "2026-06-14", NULL);
  root = parse_out (r);
  o = json_node_get_object (root);
  assert_members (o, "alliance communities key_figures kinds languages");
  g_assert_cmpstr (json_object_get_string_member (o, "alliance"), ==, alliance);
  assert_strings (json_object_get_array_member (o, "key_figures"), bo, cor, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "languages")), ==, 1);
  assert_strings (json_object_get_array_member (find_gap (json_object_get_array_member (o, "languages"),
                                                          "tamazight"), "candidates"), bo, NULL);
  assert_strings (json_object_get_array_member (find_gap (json_object_get_array_member (o, "communities"),
                                                          "Turks-Nederlands"), "candidates"), bo, NULL);
  assert_strings (json_object_get_array_member (find_gap (json_object_get_array_member (o, "kinds"),
                                                          "religious"), "candidates"), mosque, NULL);
  g_clear_pointer (&r, kw_test_result_free);
  g_clear_pointer (&root, json_node_unref);

  /* on 15 June her affiliation has ended: Arabisch is missing too */
  r = kw_test_cli_run (sb, "report", "missing", alliance, "--today", "2026-06-15", NULL);
  root = parse_out (r);
  o = json_node_get_object (root);
  assert_strings (json_object_get_array_member (o, "key_figures"), anna, bo, cor, NULL);
  assert_strings (json_object_get_array_member (find_gap (json_object_get_array_member (o, "languages"),
                                                          "arabisch"), "candidates"), anna, bo, NULL);
}

static gint64
int_member (JsonObject *o,
            const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

static gboolean
bool_member (JsonObject *o,
             const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
  return json_node_get_boolean (node);
}

/* report budget: keys and integer cents; --alliance and --area. */
static void
test_budget (void)
{
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-report");
  g_autofree char *stad = put (sb, "area", "name=Stad", NULL);
  g_autofree char *p_stad = g_strconcat ("parent=", stad, NULL);
  g_autofree char *west = put (sb, "area", "name=West", p_stad, NULL);
  g_autofree char *a_west = g_strconcat ("area=", west, NULL);
  g_autofree char *a_stad = g_strconcat ("area=", stad, NULL);
  g_autofree char *alliance = put (sb, "alliance", "name=Alliantie West", a_west, NULL);
  g_autofree char *other = put (sb, "alliance", "name=Alliantie Stad", a_stad, NULL);
  g_autofree char *l_alliance = g_strconcat ("alliance=", alliance, NULL);
  g_autofree char *line = put (sb, "action_line", l_alliance, "title=Ontmoeting", "budget_cents=500000",
                               "spent_cents=125050", NULL);
  g_autofree char *over = put (sb, "action_line", l_alliance, "title=Feest", "spent_cents=100", NULL);
  g_autoptr(KwTestResult) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *a, *total;
  JsonArray *lines;

  r = kw_test_cli_run (sb, "report", "budget", "--alliance", alliance, NULL);
  root = parse_out (r);
  o = json_node_get_object (root);
  assert_members (o, "alliances total");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "alliances")), ==, 1);
  a = json_array_get_object_element (json_object_get_array_member (o, "alliances"), 0);
  assert_members (a, "alliance budget_cents lines over remaining_cents spent_cents");
  g_assert_cmpstr (json_object_get_string_member (a, "alliance"), ==, alliance);
  g_assert_cmpint (int_member (a, "budget_cents"), ==, 500000);
  g_assert_cmpint (int_member (a, "spent_cents"), ==, 125150);
  g_assert_cmpint (int_member (a, "remaining_cents"), ==, 374850);
  g_assert_false (bool_member (a, "over"));
  lines = json_object_get_array_member (a, "lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *l = json_array_get_object_element (lines, i);
      gboolean is_over = g_strcmp0 (json_object_get_string_member (l, "action_line"), over) == 0;

      assert_members (l, "action_line budget_cents over remaining_cents spent_cents");
      g_assert_cmpint (bool_member (l, "over"), ==, is_over);
      g_assert_cmpint (int_member (l, "remaining_cents"), ==, is_over ? -100 : 374950);
      if (!is_over)
        g_assert_cmpstr (json_object_get_string_member (l, "action_line"), ==, line);
    }
  total = json_object_get_object_member (o, "total");
  assert_members (total, "budget_cents remaining_cents spent_cents");
  g_assert_cmpint (int_member (total, "spent_cents"), ==, 125150);
  g_clear_pointer (&r, kw_test_result_free);
  g_clear_pointer (&root, json_node_unref);

  /* West's reach holds one alliance, Stad's both; no option: every one */
  r = kw_test_cli_run (sb, "report", "budget", "--area", west, "--today", "2026-01-01", NULL);
  root = parse_out (r);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                         "alliances")), ==, 1);
  g_clear_pointer (&r, kw_test_result_free);
  g_clear_pointer (&root, json_node_unref);
  r = kw_test_cli_run (sb, "report", "budget", "--area", stad, NULL);
  root = parse_out (r);
  o = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "alliances")), ==, 2);
  g_assert_cmpint (int_member (json_object_get_object_member (o, "total"), "budget_cents"), ==, 500000);
  g_clear_pointer (&r, kw_test_result_free);
  g_clear_pointer (&root, json_node_unref);
  r = kw_test_cli_run (sb, "report", "budget", NULL);
  root = parse_out (r);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                         "alliances")), ==, 2);
  (void) other;
}

/* report absent: keys, nulls, the flags and --stale-months. */
static void
test_absent (void)
{
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-report");
  g_autofree char *network = put (sb, "network", "name=Stadsdorp", NULL);
  g_autofree char *n = g_strconcat ("network=", network, NULL);
  g_autofree char *rina = put (sb, "person", "name=Rina", NULL);
  g_autofree char *c = g_strconcat ("contact=", rina, NULL);
  g_autofree char *unit = put (sb, "network_unit", n, "name=Binnenbuurt", c, NULL);
  g_autofree char *u = g_strconcat ("unit=", unit, NULL);
  g_autofree char *gerrit = put (sb, "person", "name=Gerrit", NULL);
  g_autofree char *hanna = put (sb, "person", "name=Hanna", NULL);
  g_autofree char *pg = g_strconcat ("person=", gerrit, NULL);
  g_autofree char *ph = g_strconcat ("person=", hanna, NULL);
  g_autofree char *pr = g_strconcat ("person=", rina, NULL);
  g_autofree char *old = put (sb, "meeting", "title=Borrel", u, "status=held", "starts_at=2026-01-05T18:00:00Z", NULL);
  g_autofree char *m1 = put (sb, "meeting", "title=Borrel", u, "status=held", "starts_at=2026-02-05T18:00:00Z", NULL);
  g_autofree char *m2 = put (sb, "meeting", "title=Borrel", u, "status=held", "starts_at=2026-03-05T18:00:00Z", NULL);
  /* 00:30 on 10 April in Amsterdam */
  g_autofree char *m3 = put (sb, "meeting", "title=Borrel", u, "status=held", "starts_at=2026-04-09T22:30:00Z", NULL);
  g_autofree char *mo = g_strconcat ("meeting=", old, NULL);
  g_autofree char *m3a = g_strconcat ("meeting=", m3, NULL);
  g_autoptr(KwTestResult) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *a;
  JsonArray *absent;

  g_free (put (sb, "network_member", u, pg, NULL));
  g_free (put (sb, "network_member", u, ph, NULL));
  g_free (put (sb, "attendance", mo, pg, "status=present", NULL));
  g_free (put (sb, "attendance", m3a, ph, "status=late", NULL));
  g_free (put (sb, "contact_moment", pg, "date=2026-04-01", NULL));
  g_free (put (sb, "contact_moment", pr, "date=2025-10-10", NULL));

  /* on 9 April the meeting of that night is not yet a gathering */
  r = kw_test_cli_run (sb, "report", "absent", unit, "--today", "2026-04-09", NULL);
  root = parse_out (r);
  o = json_node_get_object (root);
  assert_members (o, "absent gatherings unit unit_flags");
  g_assert_cmpstr (json_object_get_string_member (o, "unit"), ==, unit);
  assert_strings (json_object_get_array_member (o, "unit_flags"), "no_deputy", NULL);
  assert_strings (json_object_get_array_member (o, "gatherings"), old, m1, m2, NULL);
  /* Gerrit came to the first of them */
  absent = json_object_get_array_member (o, "absent");
  g_assert_cmpuint (json_array_get_length (absent), ==, 1);
  a = json_array_get_object_element (absent, 0);
  assert_members (a, "last_contact last_present person");
  g_assert_cmpstr (json_object_get_string_member (a, "person"), ==, hanna);
  g_assert_true (json_object_get_null_member (a, "last_present"));
  g_assert_true (json_object_get_null_member (a, "last_contact"));
  g_clear_pointer (&r, kw_test_result_free);
  g_clear_pointer (&root, json_node_unref);

  /* on 10 April it is, Hanna came late to it; Rina's contact of 10 October is stale at 5 months */
  r = kw_test_cli_run (sb, "report", "absent", unit, "--today", "2026-04-10", "--stale-months", "5", NULL);
  root = parse_out (r);
  o = json_node_get_object (root);
  assert_strings (json_object_get_array_member (o, "unit_flags"), "no_deputy", "stale_contact", NULL);
  assert_strings (json_object_get_array_member (o, "gatherings"), m1, m2, m3, NULL);
  /* the window has moved past Gerrit's gathering */
  absent = json_object_get_array_member (o, "absent");
  g_assert_cmpuint (json_array_get_length (absent), ==, 1);
  a = json_array_get_object_element (absent, 0);
  g_assert_cmpstr (json_object_get_string_member (a, "person"), ==, gerrit);
  g_assert_cmpstr (json_object_get_string_member (a, "last_present"), ==, old);
  g_assert_cmpstr (json_object_get_string_member (a, "last_contact"), ==, "2026-04-01");
  g_clear_pointer (&r, kw_test_result_free);
  g_clear_pointer (&root, json_node_unref);
  /* 6 months before is 10 October itself: a moment that day is not after it */
  r = kw_test_cli_run (sb, "report", "absent", unit, "--today", "2026-04-10", "--stale-months", "6", NULL);
  root = parse_out (r);
  assert_strings (json_object_get_array_member (json_node_get_object (root), "unit_flags"),
                  "no_deputy", "stale_contact", NULL);
  g_clear_pointer (&r, kw_test_result_free);
  g_clear_pointer (&root, json_node_unref);
  r = kw_test_cli_run (sb, "report", "absent", unit, "--today", "2026-04-10", "--stale-months", "7", NULL);
  root = parse_out (r);
  assert_strings (json_object_get_array_member (json_node_get_object (root), "unit_flags"), "no_deputy", NULL);
}

/* report load: an array ranked by load then name, the keys, --weeks,
 * --threshold and the window's local edges. */
static void
test_load (void)
{
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-report");
  g_autofree char *ada = put (sb, "person", "name=Ada", NULL);
  g_autofree char *bert = put (sb, "person", "name=Bert", NULL);
  g_autofree char *anna = put (sb, "person", "name=anna", NULL);
  g_autofree char *idle = put (sb, "person", "name=Ilse", NULL);
  g_autofree char *o_ada = g_strconcat ("owner=", ada, NULL);
  g_autofree char *o_bert = g_strconcat ("owner=", bert, NULL);
  g_autofree char *o_anna = g_strconcat ("owner=", anna, NULL);
  g_autofree char *o_idle = g_strconcat ("owner=", idle, NULL);
  g_autofree char *chair = g_strconcat ("chair=", ada, NULL);
  g_autofree char *p_ada = g_strconcat ("person=", ada, NULL);
  /* 8 weeks before 9 March is 12 January: the window is 13 January to 9 March */
  g_autofree char *out = put (sb, "meeting", "title=Overleg", chair, "starts_at=2026-01-12T12:00:00Z", NULL);
  g_autofree char *in = put (sb, "meeting", "title=Overleg", chair, "starts_at=2026-01-12T23:30:00Z", NULL);
  g_autofree char *m_out = g_strconcat ("meeting=", out, NULL);
  g_autofree char *m_in = g_strconcat ("meeting=", in, NULL);
  g_autoptr(KwTestResult) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *a;
  JsonObject *first;

  g_free (put (sb, "attendance", m_out, p_ada, "status=present", NULL));
  g_free (put (sb, "attendance", m_in, p_ada, "status=present", NULL));
  g_free (put (sb, "action_item", "title=Flyers", o_ada, "deadline=2026-03-08", NULL));
  g_free (put (sb, "action_item", "title=Zaal", o_ada, "status=open", "deadline=2026-03-09", NULL));
  g_free (put (sb, "action_item", "title=Bellen", o_bert, NULL));
  g_free (put (sb, "action_item", "title=Mailen", o_anna, NULL));
  g_free (put (sb, "action_item", "title=Klaar", o_idle, "status=done", NULL));

  r = kw_test_cli_run (sb, "report", "load", "--today", "2026-03-09", "--threshold", "6", NULL);
  root = parse_out (r);
  a = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (a), ==, 3);
  first = json_array_get_object_element (a, 0);
  assert_members (first, "flagged load meetings open_actions overdue_actions person roles");
  g_assert_cmpstr (json_object_get_string_member (first, "person"), ==, ada);
  g_assert_cmpint (int_member (first, "meetings"), ==, 1);
  g_assert_cmpint (int_member (first, "open_actions"), ==, 2);
  g_assert_cmpint (int_member (first, "overdue_actions"), ==, 1);
  g_assert_cmpint (int_member (first, "roles"), ==, 1);
  g_assert_cmpint (int_member (first, "load"), ==, 5);
  g_assert_false (bool_member (first, "flagged"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 1), "person"), ==, anna);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 2), "person"), ==, bert);
  g_clear_pointer (&r, kw_test_result_free);
  g_clear_pointer (&root, json_node_unref);

  /* nine weeks take the other meeting in; the threshold is reached */
  r = kw_test_cli_run (sb, "report", "load", "--today", "2026-03-09", "--weeks", "9", "--threshold", "7", NULL);
  root = parse_out (r);
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (int_member (first, "load"), ==, 7);
  g_assert_true (bool_member (first, "flagged"));
  g_clear_pointer (&r, kw_test_result_free);
  g_clear_pointer (&root, json_node_unref);

  /* the CLI's default threshold is 12 */
  r = kw_test_cli_run (sb, "report", "load", "--today", "2026-03-09", "--weeks", "9", NULL);
  root = parse_out (r);
  g_assert_false (bool_member (json_array_get_object_element (json_node_get_array (root), 0), "flagged"));
}

/* Unknown ids and ids of another type: exit 1 naming the id; bad
 * options: exit 2 with the usage, before any database is made. */
static void
test_refusals (void)
{
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-report");
  g_autofree char *person = put (sb, "person", "name=Anna", NULL);
  g_autofree char *alliance = put (sb, "alliance", "name=Alliantie", NULL);
  const char *unknown = "0d9c1c7e-7c1a-4d8e-9a0e-000000000000";
  g_autoptr(KwTestResult) r = NULL;
  g_autofree char *upper = g_ascii_strup (alliance, -1);
  const char * const *bad;
  const char * const bad_lines[][8] = {
    { "report", NULL },
    { "report", "nonsense", NULL },
    { "report", "missing", NULL },
    { "report", "missing", "a", "b", NULL },
    { "report", "budget", "extra", NULL },
    { "report", "budget", "--alliance", "a", "--area", "b", NULL },
    { "report", "load", "--weeks", "x", NULL },
    { "report", "load", "--weeks", "-1", NULL },
    { "report", "load", "--weeks", "0", NULL },
    { "report", "load", "--threshold", "1.5", NULL },
    { "report", "load", "--alliance", "a", NULL },
    { "report", "absent", "u", "--stale-months", "six", NULL },
    { "report", "load", "--today", "2026-02-30", NULL },
    { "report", "load", "--today", "9-3-2026", NULL },
    { "report", "missing", "a", "--nonsense", NULL },
  };

  r = kw_test_cli_run (sb, "report", "missing", unknown, NULL);
  assert_refused (r, unknown);
  g_clear_pointer (&r, kw_test_result_free);
  r = kw_test_cli_run (sb, "report", "missing", person, NULL);
  assert_refused (r, person);
  g_clear_pointer (&r, kw_test_result_free);
  r = kw_test_cli_run (sb, "report", "absent", alliance, NULL);
  assert_refused (r, alliance);
  g_clear_pointer (&r, kw_test_result_free);
  r = kw_test_cli_run (sb, "report", "budget", "--alliance", unknown, NULL);
  assert_refused (r, unknown);
  g_clear_pointer (&r, kw_test_result_free);
  r = kw_test_cli_run (sb, "report", "budget", "--area", alliance, NULL);
  assert_refused (r, alliance);
  g_clear_pointer (&r, kw_test_result_free);
  /* ids in any case, as references */
  r = kw_test_cli_run (sb, "report", "missing", upper, NULL);
  kw_test_assert_status (r, 0);
  g_clear_pointer (&r, kw_test_result_free);

  r = kw_test_cli_run (sb, "report", "load", "--help", NULL);
  kw_test_assert_status (r, 0);
  g_assert_nonnull (strstr (r->out, "report load"));
  g_clear_pointer (&r, kw_test_result_free);

  g_free (sb->db);
  sb->db = g_build_filename (sb->dir, "fresh.db", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_lines); i++)
    {
      bad = bad_lines[i];
      r = kw_test_cli_run (sb, bad[0], bad[1], bad[2], bad[3], bad[4], bad[5], bad[6], NULL);
      g_test_message ("%s %s %s %s", bad[0], bad[1] ? bad[1] : "", bad[1] && bad[2] ? bad[2] : "",
                      bad[1] && bad[2] && bad[3] ? bad[3] : "");
      assert_usage (r);
      g_clear_pointer (&r, kw_test_result_free);
    }
  g_assert_false (g_file_test (sb->db, G_FILE_TEST_EXISTS));
}

/* Without --today a report is for the local date; the document is one
 * line of UTF-8. */
static void
test_today (void)
{
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-report");
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *ada = put (sb, "person", "name=Ada", "languages=Tamazight, Frysk",
                              "communities=Straße", NULL);
  g_autofree char *alliance = put (sb, "alliance", "name=Alliantie", NULL);
  g_autofree char *owner = g_strconcat ("owner=", ada, NULL);
  g_autofree char *deadline = g_strconcat ("deadline=", today, NULL);
  g_autoptr(KwTestResult) plain = NULL;
  g_autoptr(KwTestResult) dated = NULL;
  g_autoptr(KwTestResult) missing = NULL;

  /* due today: open, not yet overdue */
  g_free (put (sb, "action_item", "title=Zaal", owner, deadline, NULL));
  plain = kw_test_cli_run (sb, "report", "load", NULL);
  dated = kw_test_cli_run (sb, "report", "load", "--today", today, NULL);
  kw_test_assert_status (plain, 0);
  g_assert_cmpstr (plain->out, ==, dated->out);
  g_assert_nonnull (strstr (plain->out, "\"overdue_actions\":0"));

  missing = kw_test_cli_run (sb, "report", "missing", alliance, NULL);
  kw_test_assert_status (missing, 0);
  g_assert_true (g_utf8_validate (missing->out, -1, NULL));
  g_assert_true (strchr (missing->out, '\n') == missing->out + strlen (missing->out) - 1);
  g_assert_nonnull (strstr (missing->out, "Straße"));
  g_assert_nonnull (strstr (missing->out, "Frysk"));
}

/* report bridges */

static void
relate (KwTestSandbox    *sb,
        const char *from,
        const char *to)
{
  g_autofree char *f = g_strconcat ("from=", from, NULL);
  g_autofree char *t = g_strconcat ("to=", to, NULL);

  g_free (put (sb, "relation", f, t, "kind=knows", NULL));
}

static char *
party (KwTestSandbox    *sb,
       const char *type,
       const char *name,
       const char *area)
{
  g_autofree char *n = g_strconcat ("name=", name, NULL);
  g_autofree char *a = area != NULL ? g_strconcat ("area=", area, NULL) : NULL;

  return put (sb, type, n, a, NULL);
}

/* The betweenness of @id in the ranking (-1 when left out), checking
 * the shape of each entry and that the ranking descends. */
static double
betweenness_of (JsonObject *root,
                const char *id)
{
  JsonArray *bridges = json_object_get_array_member (root, "bridges");
  double found = -1, previous = G_MAXDOUBLE;

  for (guint i = 0; i < json_array_get_length (bridges); i++)
    {
      JsonObject *b = json_array_get_object_element (bridges, i);
      JsonNode *value = json_object_get_member (b, "betweenness");
      double v;

      assert_members (b, "betweenness id");
      g_assert_true (JSON_NODE_HOLDS_VALUE (value));
      v = json_node_get_double (value);
      g_assert_cmpfloat (v, >, 0);
      g_assert_cmpfloat (v, <=, previous);
      previous = v;
      if (g_str_equal (json_object_get_string_member (b, "id"), id))
        found = v;
    }
  return found;
}

/* The cut_off of @id (-1 when it is no articulation point). */
static gint64
cut_off_of (JsonObject *root,
            const char *id)
{
  JsonArray *points = json_object_get_array_member (root, "articulation_points");

  for (guint i = 0; i < json_array_get_length (points); i++)
    {
      JsonObject *p = json_array_get_object_element (points, i);

      assert_members (p, "cut_off id");
      if (g_str_equal (json_object_get_string_member (p, "id"), id))
        return int_member (p, "cut_off");
    }
  return -1;
}

#define assert_close(x, y) g_assert_cmpfloat_with_epsilon ((x), (y), 1e-6)

/* The JSON of spec/analysis.md on a hand-made network: Sam reaches Tom
 * along three paths (through M1, M2, M3: a third each), Tom leads on to
 * a path Tom–Uma–Vic; an ended affiliation links nothing; each
 * restriction, with ties of the ranking by name. */
static void
test_bridges (void)
{
#ifndef HAVE_IGRAPH
  g_test_skip ("built without igraph");
  return;
#endif
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-report");
  g_autofree char *west = party (sb, "area", "West", NULL);
  g_autofree char *sam = party (sb, "person", "Sam", west);
  g_autofree char *m1 = party (sb, "person", "Mia", west);
  g_autofree char *m2 = party (sb, "person", "Mo", west);
  g_autofree char *m3 = party (sb, "organisation", "Moskee", west);
  g_autofree char *tom = party (sb, "person", "Tom", west);
  g_autofree char *uma = party (sb, "person", "Uma", NULL);
  g_autofree char *vic = party (sb, "organisation", "Vereniging", NULL);
  g_autofree char *alliance = party (sb, "alliance", "Alliantie", NULL);
  g_autofree char *map = put (sb, "stakeholder_map", "name=Kaart", NULL);
  g_autofree char *a_arg = g_strconcat ("alliance=", alliance, NULL);
  g_autofree char *p_arg = g_strconcat ("party=", vic, NULL);
  g_autofree char *map_arg = g_strconcat ("map=", map, NULL);
  g_autofree char *ended_p = g_strconcat ("person=", sam, NULL);
  g_autofree char *ended_o = g_strconcat ("organisation=", vic, NULL);
  g_autoptr(KwTestResult) r = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  const char *in_map[] = { sam, m1, tom };

  relate (sb, sam, m1);
  relate (sb, sam, m2);
  relate (sb, m3, sam);
  relate (sb, m1, tom);
  relate (sb, m2, tom);
  relate (sb, m3, tom);
  relate (sb, tom, m3);   /* the same pair again */
  relate (sb, tom, tom);  /* none */
  relate (sb, tom, uma);
  relate (sb, uma, vic);
  g_free (put (sb, "affiliation", ended_p, ended_o, "until=2026-06-30", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (in_map); i++)
    {
      g_autofree char *pa = g_strconcat ("party=", in_map[i], NULL);

      g_free (put (sb, "map_position", map_arg, pa, NULL));
    }
  g_free (put (sb, "alliance_partner", a_arg, p_arg, "status=left", NULL));

  /* the whole graph: Sam–{M1,M2,M3}–Tom–Uma–Vic */
  r = kw_test_cli_run (sb, "report", "bridges", "--today", "2026-12-01", NULL);
  node = parse_out (r);
  root = json_node_get_object (node);
  assert_members (root, "articulation_points bridges edges nodes");
  g_assert_cmpint (int_member (root, "nodes"), ==, 7);
  g_assert_cmpint (int_member (root, "edges"), ==, 8);
  /* Tom: on 4 × 2 pairs (Sam, M1, M2, M3 with Uma, Vic) and half of each of the
   * three pairs of Ms; Uma: on 5 pairs with Vic; each M a third of Sam–Tom,
   * Sam–Uma, Sam–Vic; Sam half of each pair of Ms */
  assert_close (betweenness_of (root, tom), 9.5);
  assert_close (betweenness_of (root, uma), 5.0);
  assert_close (betweenness_of (root, m1), 1.0);
  assert_close (betweenness_of (root, m3), 1.0);
  assert_close (betweenness_of (root, sam), 1.5);
  g_assert_cmpfloat (betweenness_of (root, vic), ==, -1);
  /* ties by name: Mia, Mo, Moskee */
  {
    JsonArray *bridges = json_object_get_array_member (root, "bridges");

    g_assert_cmpuint (json_array_get_length (bridges), ==, 6);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bridges, 0), "id"), ==, tom);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bridges, 3), "id"), ==, m1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bridges, 4), "id"), ==, m2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bridges, 5), "id"), ==, m3);
  }
  g_assert_cmpint (cut_off_of (root, tom), ==, 2);
  g_assert_cmpint (cut_off_of (root, uma), ==, 1);
  g_assert_cmpint (cut_off_of (root, sam), ==, -1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "articulation_points")), ==, 2);
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&r, kw_test_result_free);

  /* --area: Uma and Vic are elsewhere; a third is printed with six digits or more */
  r = kw_test_cli_run (sb, "report", "bridges", "--area", west, "--today", "2026-12-01", NULL);
  node = parse_out (r);
  root = json_node_get_object (node);
  g_assert_cmpint (int_member (root, "nodes"), ==, 5);
  g_assert_cmpint (int_member (root, "edges"), ==, 6);
  assert_close (betweenness_of (root, m2), 1.0 / 3);
  assert_close (betweenness_of (root, tom), 1.5);
  g_assert_nonnull (strstr (r->out, "0.333333"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "articulation_points")), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&r, kw_test_result_free);

  /* --alliance: a partner that left still counts; Uma one edge away; the
   * ended affiliation to Sam is no edge */
  r = kw_test_cli_run (sb, "report", "bridges", "--alliance", alliance, "--today", "2026-12-01", NULL);
  node = parse_out (r);
  root = json_node_get_object (node);
  g_assert_cmpint (int_member (root, "nodes"), ==, 2);
  g_assert_cmpint (int_member (root, "edges"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "bridges")), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&r, kw_test_result_free);

  /* the same day, the affiliation was current: Sam joins through it */
  r = kw_test_cli_run (sb, "report", "bridges", "--alliance", alliance, "--today", "2026-06-30", NULL);
  node = parse_out (r);
  root = json_node_get_object (node);
  g_assert_cmpint (int_member (root, "nodes"), ==, 3);
  assert_close (betweenness_of (root, vic), 1.0);
  g_assert_cmpint (cut_off_of (root, vic), ==, 1);
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&r, kw_test_result_free);

  /* --map: Sam, Mia, Tom and the edges among them (a path) */
  r = kw_test_cli_run (sb, "report", "bridges", "--map", map, "--today", "2026-12-01", NULL);
  node = parse_out (r);
  root = json_node_get_object (node);
  g_assert_cmpint (int_member (root, "nodes"), ==, 3);
  g_assert_cmpint (int_member (root, "edges"), ==, 2);
  assert_close (betweenness_of (root, m1), 1.0);
  g_assert_cmpint (cut_off_of (root, m1), ==, 1);
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&r, kw_test_result_free);

  /* unknown ids, ids of another type: exit 1 naming the id */
  r = kw_test_cli_run (sb, "report", "bridges", "--area", alliance, NULL);
  assert_refused (r, alliance);
  g_clear_pointer (&r, kw_test_result_free);
  r = kw_test_cli_run (sb, "report", "bridges", "--alliance", map, NULL);
  assert_refused (r, map);
  g_clear_pointer (&r, kw_test_result_free);
  r = kw_test_cli_run (sb, "report", "bridges", "--map", "0d9c1c7e-7c1a-4d8e-9a0e-000000000000", NULL);
  assert_refused (r, "0d9c1c7e-7c1a-4d8e-9a0e-000000000000");
  g_clear_pointer (&r, kw_test_result_free);

  /* bad options: exit 2, before a database is made */
  g_free (sb->db);
  sb->db = g_build_filename (sb->dir, "fresh.db", NULL);
  {
    const char * const bad[][6] = {
      { "bridges", "--area", "a", "--map", "b", NULL },
      { "bridges", "--alliance", "a", "--area", "b", NULL },
      { "bridges", "--map", "a", "--alliance", "b", NULL },
      { "bridges", "--weeks", "2", NULL },
      { "bridges", "--today", "2026-13-01", NULL },
      { "bridges", "extra", NULL },
      { "load", "--map", "a", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        r = kw_test_cli_run (sb, "report", bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4], NULL);
        assert_usage (r);
        g_clear_pointer (&r, kw_test_result_free);
      }
  }
  g_assert_false (g_file_test (sb->db, G_FILE_TEST_EXISTS));
}

/* map */

static char *
read_bytes (const char *path,
            gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *bytes = NULL;

  g_file_get_contents (path, &bytes, length, &error);
  g_assert_no_error (error);
  return bytes;
}

/* Whether @needle is anywhere in the bytes (binary too). */
static gboolean
bytes_contain (const char *bytes,
               gsize       length,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n <= length && i <= length - n; i++)
    if (memcmp (bytes + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The picture of spec/analysis.md, "What leaves the laptop": people
 * whose consent is public or shared are named; private and not asked
 * are unnamed nodes, nothing of theirs in the bytes of the SVG (its
 * title and description too) or the PNG. The SVG is well-formed XML. */
static void
test_map (void)
{
#ifndef HAVE_IGRAPH
  g_test_skip ("built without igraph");
  return;
#endif
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-report");
  g_autofree char *paula = put (sb, "person", "name=Paula Openbaar", "consent=public", NULL);
  g_autofree char *gijs = put (sb, "person", "name=Gijs Gedeeld", "consent=shared", NULL);
  g_autofree char *greet = put (sb, "person", "name=Greet Geheimhouder", "consent=private",
                                "email=greet@example.org", "key_figure=true", NULL);
  g_autofree char *otto = put (sb, "person", "name=Otto Ongevraagd", "phone=0612345678", NULL);
  g_autofree char *club = put (sb, "organisation", "name=Buurtclub Zonnehoek", "kind=residents_group", NULL);
  g_autofree char *map = put (sb, "stakeholder_map", "name=Kaart Zonnehoek", NULL);
  g_autofree char *map_arg = g_strconcat ("map=", map, NULL);
  g_autofree char *svg = g_build_filename (sb->dir, "kaart.svg", NULL);
  g_autofree char *png = g_build_filename (sb->dir, "kaart.PNG", NULL);
  g_autofree char *small = g_build_filename (sb->dir, "klein.svg", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GMarkupParseContext) xml = NULL;
  g_autoptr(GError) error = NULL;
  static const GMarkupParser no_callbacks = { NULL };
  g_autoptr(KwTestResult) r = NULL;
  gsize length = 0;
  const char *people[] = { paula, gijs, greet, otto };
  const char * const hidden[] = { "Greet", "Geheimhouder", "greet@example.org", "Otto", "Ongevraagd", "0612345678" };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      relate (sb, people[i], club);
      relate (sb, people[i], people[(i + 1) % G_N_ELEMENTS (people)]);
    }
  {
    g_autofree char *pa = g_strconcat ("party=", paula, NULL);
    g_autofree char *pg = g_strconcat ("party=", greet, NULL);

    g_free (put (sb, "map_position", map_arg, pa, NULL));
    g_free (put (sb, "map_position", map_arg, pg, NULL));
  }

  r = kw_test_cli_run (sb, "map", "-o", svg, NULL);
  kw_test_assert_status (r, 0);
  g_assert_cmpstr (r->out, ==, "");
  g_clear_pointer (&r, kw_test_result_free);
  bytes = read_bytes (svg, &length);
  xml = g_markup_parse_context_new (&no_callbacks, G_MARKUP_DEFAULT_FLAGS, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (xml, bytes, (gssize) length, &error)
                 && g_markup_parse_context_end_parse (xml, &error));
  g_assert_no_error (error);
  g_assert_true (bytes_contain (bytes, length, "<svg"));
  g_assert_true (bytes_contain (bytes, length, "<title>Stakeholder network</title>"));
  g_assert_true (bytes_contain (bytes, length, "Paula Openbaar"));
  g_assert_true (bytes_contain (bytes, length, "Gijs Gedeeld"));
  g_assert_true (bytes_contain (bytes, length, "Buurtclub Zonnehoek"));
  g_assert_true (bytes_contain (bytes, length, "2 people not named"));
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    if (bytes_contain (bytes, length, hidden[i]))
      g_error ("the SVG holds “%s”", hidden[i]);
  g_assert_false (bytes_contain (bytes, length, greet));
  g_assert_false (bytes_contain (bytes, length, otto));
  g_clear_pointer (&bytes, g_free);

  /* PNG by the name (any case): a real picture, none of them in it either */
  r = kw_test_cli_run (sb, "map", "-o", png, NULL);
  kw_test_assert_status (r, 0);
  g_clear_pointer (&r, kw_test_result_free);
  bytes = read_bytes (png, &length);
  g_assert_cmpuint (length, >, 10000);
  g_assert_true (memcmp (bytes, "\x89PNG\r\n\x1a\n", 8) == 0);
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    g_assert_false (bytes_contain (bytes, length, hidden[i]));
  g_clear_pointer (&bytes, g_free);

  /* --map: its two parties, titled by the map */
  r = kw_test_cli_run (sb, "map", "--map", map, "-o", small, NULL);
  kw_test_assert_status (r, 0);
  g_clear_pointer (&r, kw_test_result_free);
  bytes = read_bytes (small, &length);
  g_assert_true (bytes_contain (bytes, length, "<title>Stakeholder network: Kaart Zonnehoek</title>"));
  g_assert_true (bytes_contain (bytes, length, "2 nodes, 0 edges; 1 person not named"));
  g_assert_true (bytes_contain (bytes, length, "Paula Openbaar"));
  g_assert_false (bytes_contain (bytes, length, "Gijs Gedeeld"));
  g_assert_false (bytes_contain (bytes, length, "Geheimhouder"));
  g_clear_pointer (&bytes, g_free);

  /* an id that is not a live record of its type: exit 1, no file */
  g_assert_cmpint (g_unlink (small), ==, 0);
  r = kw_test_cli_run (sb, "map", "--area", map, "-o", small, NULL);
  assert_refused (r, map);
  g_clear_pointer (&r, kw_test_result_free);
  g_assert_false (g_file_test (small, G_FILE_TEST_EXISTS));

  /* usage: exit 2, before a database is made */
  g_free (sb->db);
  sb->db = g_build_filename (sb->dir, "fresh.db", NULL);
  {
    const char * const bad[][6] = {
      { "map", NULL },
      { "map", "-o", "kaart.jpg", NULL },
      { "map", "--area", "a", "--map", "b", "-o", },
      { "map", "--weeks", "2", "-o", "kaart.svg", NULL },
      { "map", "-o", "kaart.svg", "extra", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        r = kw_test_cli_run (sb, bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4],
                 i == 2 ? "kaart.svg" : NULL, NULL);
        assert_usage (r);
        g_clear_pointer (&r, kw_test_result_free);
      }
  }
  g_assert_false (g_file_test (sb->db, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/report-cli/missing", test_missing);
  g_test_add_func ("/kw/report-cli/budget", test_budget);
  g_test_add_func ("/kw/report-cli/absent", test_absent);
  g_test_add_func ("/kw/report-cli/load", test_load);
  g_test_add_func ("/kw/report-cli/refusals", test_refusals);
  g_test_add_func ("/kw/report-cli/today", test_today);
  g_test_add_func ("/kw/report-cli/bridges", test_bridges);
  g_test_add_func ("/kw/report-cli/map", test_map);

  return g_test_run ();
}
