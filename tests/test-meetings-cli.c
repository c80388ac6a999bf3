/* test-meetings-cli.c: `kwartier-cli actions`, `plan-next` and `ical`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real kwartier-cli (KWARTIER_CLI) on small databases made with its
 * own `put`, in a temporary folder, with TZ=Europe/Amsterdam: the JSON
 * of spec/analysis.md, --today, the exit status of every refusal.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "kw-test-cli.h"
#include "kw-test-files.h"

/* put TYPE FIELD=VALUE…: the new id */
#define PUT(sb, ...) kw_test_cli_put_id (KW_TEST_CLI_RUN (sb, "put", __VA_ARGS__))

/* strings the command lines borrow, freed when the tests are done */
static GPtrArray *garbage;

static const char *
keep (char *text)
{
  g_ptr_array_add (garbage, text);
  return text;
}

/* "FIELD=VALUE" */
static const char *
kv (const char *field,
    const char *value)
{
  return keep (g_strconcat (field, "=", value, NULL));
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_actions (void)
{
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-meetings-cli");
  g_autofree char *area = PUT (sb, "area", "name=Noord");
  g_autofree char *al = PUT (sb, "alliance", "name=Wijkalliantie", kv ("area", area));
  g_autofree char *owner = PUT (sb, "person", "name=Ilse Testpersoon");
  g_autofree char *m = PUT (sb, "meeting", "title=Alliantieoverleg", kv ("alliance", al));
  g_autofree char *a1 = PUT (sb, "action_item", "title=Flyer", kv ("alliance", al),
                             "deadline=2026-11-30", kv ("owner", owner));
  g_autofree char *a2 = PUT (sb, "action_item", "title=Zaal", kv ("meeting", m),
                             "deadline=2026-12-01");
  g_autofree char *a3 = PUT (sb, "action_item", "title=Klaar", kv ("meeting", m),
                             "status=done");
  g_autoptr(KwTestResult) r = KW_TEST_CLI_RUN (sb, "actions", "--meeting", m, "--today", "2026-12-01");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(KwTestResult) all = NULL, upper = NULL;
  JsonArray *list;
  JsonObject *o;

  kw_test_assert_status (r, 0);
  root = parse (r->out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  list = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  o = json_array_get_object_element (list, 0);
  g_assert_cmpuint (json_object_get_size (o), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (o, "action_item"), ==, a1);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Flyer");
  g_assert_cmpstr (json_object_get_string_member (o, "owner"), ==, owner);
  g_assert_cmpstr (json_object_get_string_member (o, "deadline"), ==, "2026-11-30");
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "open");
  g_assert_true (json_object_get_boolean_member (o, "overdue"));
  g_assert_true (json_object_get_null_member (o, "meeting"));
  o = json_array_get_object_element (list, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "action_item"), ==, a2);
  g_assert_false (json_object_get_boolean_member (o, "overdue"));
  g_assert_cmpstr (json_object_get_string_member (o, "meeting"), ==, m);
  g_assert_true (json_object_get_null_member (o, "owner"));

  /* --all and the alliance; ids in upper case are the same ids */
  all = KW_TEST_CLI_RUN (sb, "actions", "--alliance", keep (g_ascii_strup (al, -1)), "--all", "--today", "2026-12-02");
  kw_test_assert_status (all, 0);
  g_clear_pointer (&root, json_node_unref);
  root = parse (all->out);
  list = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 2), "action_item"), ==, a3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 2), "status"), ==, "done");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (list, 2), "deadline"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (list, 1), "overdue"));

  /* no option: every item */
  upper = KW_TEST_CLI_RUN (sb, "actions", "--today", "2026-12-01");
  kw_test_assert_status (upper, 0);
  g_clear_pointer (&root, json_node_unref);
  root = parse (upper->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
}

static void
test_actions_refused (void)
{
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-meetings-cli");
  g_autofree char *net = PUT (sb, "network", "name=Netwerk");
  g_autofree char *unit = PUT (sb, "network_unit", kv ("network", net), "name=Buurt");
  const char *unknown = "00000000-0000-4000-8000-000000000000";
  struct { const char *args[6]; int status; } cases[] = {
    { { "actions", "--alliance", unit, NULL }, 1 },          /* not an alliance */
    { { "actions", "--unit", unknown, NULL }, 1 },
    { { "actions", "--meeting", unknown, NULL }, 1 },
    { { "actions", "--unit", unit, "--meeting", unknown, NULL }, 2 },
    { { "actions", "--today", "2026-02-30", NULL }, 2 },
    { { "actions", "extra", NULL }, 2 },
    { { "actions", "--unit", NULL }, 2 },
    { { "plan-next", NULL }, 2 },
    { { "plan-next", unknown, NULL }, 1 },
    { { "plan-next", unit, NULL }, 1 },
  };
  g_autoptr(KwTestResult) ok = KW_TEST_CLI_RUN (sb, "actions", "--unit", unit);

  kw_test_assert_status (ok, 0);
  g_assert_cmpstr (ok->out, ==, "[]\n");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KwTestResult) r = kw_test_cli_runv (sb, cases[i].args);

      g_test_message ("case %u: %s %s", i, cases[i].args[0], cases[i].args[1]);
      kw_test_assert_status (r, cases[i].status);
      g_assert_cmpstr (r->out, ==, "");
      g_assert_cmpstr (r->err, !=, "");
    }
}

static void
test_plan_next (void)
{
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-meetings-cli");
  g_autofree char *net = PUT (sb, "network", "name=Netwerk");
  g_autofree char *unit = PUT (sb, "network_unit", kv ("network", net), "name=Buurt");
  g_autofree char *m1 = PUT (sb, "meeting", "title=Bewonersberaad", "starts_at=2026-10-08T17:00:00Z",
                             kv ("unit", unit));
  g_autofree char *item = PUT (sb, "agenda_item", kv ("meeting", m1), "position=a0",
                               "title=Wie missen we nog aan tafel?", "standing=true");
  g_autofree char *act = PUT (sb, "action_item", "title=Zaal huren", kv ("meeting", m1));
  g_autoptr(KwTestResult) r = KW_TEST_CLI_RUN (sb, "plan-next", m1);
  g_autoptr(KwTestResult) got = NULL, actions = NULL, items = NULL;
  g_autofree char *id = NULL;

  kw_test_assert_status (r, 0);
  id = g_strdup (g_strstrip (r->out));
  g_assert_cmpuint (strlen (id), ==, 36);
  got = KW_TEST_CLI_RUN (sb, "get", "meeting", id);
  kw_test_assert_status (got, 0);
  /* four weeks: 19:00 CEST on a Thursday, then 19:00 CET */
  g_assert_nonnull (strstr (got->out, "\"starts_at\":\"2026-11-05T18:00:00Z\""));
  g_assert_nonnull (strstr (got->out, "\"status\":\"planned\""));
  items = KW_TEST_CLI_RUN (sb, "list", "agenda_item", "--json");
  g_assert_nonnull (strstr (items->out, id));
  /* the action is on the running list of both meetings, and only once */
  actions = KW_TEST_CLI_RUN (sb, "actions", "--meeting", id);
  kw_test_assert_status (actions, 0);
  g_assert_nonnull (strstr (actions->out, act));
  g_assert_cmpuint (strlen (actions->out), >, 0);
  g_assert_null (strstr (strstr (actions->out, act) + 1, act));
  (void) item;
}

/* ical: the same UID on every export, the file in place, no names;
 * every wrong command line refused before anything is written. */
static void
test_ical (void)
{
  g_autoptr(KwTestSandbox) sb = kw_test_sandbox_new ("kw-meetings-cli");
  g_autofree char *chair = PUT (sb, "person", "name=Roos Bakkerman");
  g_autofree char *m = PUT (sb, "meeting", "title=Bewonersberaad", "starts_at=2026-12-03T18:00:00Z",
                            kv ("chair", chair), "status=cancelled");
  g_autofree char *undated = PUT (sb, "meeting", "title=Later");
  g_autofree char *path = g_build_filename (sb->dir, "one.ics", NULL);
  g_autofree char *uid = g_strdup_printf ("UID:%s@kwartier\r\n", m);
  g_autofree char *first = NULL, *second = NULL;
  const char *unknown = "00000000-0000-4000-8000-000000000000";
  struct { const char *args[7]; int status; } cases[] = {
    { { "ical", "-o", "x.ics", NULL }, 2 },
    { { "ical", "--all", NULL }, 2 },
    { { "ical", "--all", "--meeting", m, "-o", "x.ics" }, 2 },
    { { "ical", "--meeting", unknown, "-o", "x.ics", NULL }, 1 },
    { { "ical", "--meeting", undated, "-o", "x.ics", NULL }, 1 },
  };
  g_autoptr(KwTestResult) r1 = KW_TEST_CLI_RUN (sb, "ical", "--meeting", m, "-o", path);

  kw_test_assert_status (r1, 0);
  g_assert_cmpstr (r1->out, ==, "");
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  {
    g_autoptr(KwTestResult) r2 = KW_TEST_CLI_RUN (sb, "ical", "--all", "-o", path);

    kw_test_assert_status (r2, 0);
  }
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_nonnull (strstr (first, uid));
  g_assert_nonnull (strstr (second, uid));
  g_assert_nonnull (strstr (second, "\r\nSTATUS:CANCELLED\r\n"));
  g_assert_nonnull (strstr (second, "\r\nDTSTART;TZID=Europe/Amsterdam:20261203T190000\r\n"));
  g_assert_null (strstr (second, "Roos"));
  g_assert_null (strstr (second, "Bakkerman"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KwTestResult) r = kw_test_cli_runv (sb, cases[i].args);
      g_autofree char *x = g_build_filename (sb->dir, "x.ics", NULL);

      g_test_message ("case %u", i);
      kw_test_assert_status (r, cases[i].status);
      g_assert_false (g_file_test (x, G_FILE_TEST_EXISTS));
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  garbage = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/meetings-cli/actions", test_actions);
  g_test_add_func ("/meetings-cli/actions/refused", test_actions_refused);
  g_test_add_func ("/meetings-cli/plan-next", test_plan_next);
  g_test_add_func ("/meetings-cli/ical", test_ical);

  status = g_test_run ();
  g_ptr_array_unref (garbage);
  return status;
}
