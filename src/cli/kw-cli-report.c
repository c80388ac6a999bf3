/* kw-cli-report.c: `kwartier-cli report …`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reports of spec/analysis.md as the core computes them
 * (kw-analysis.c), printed as one JSON document with the keys of the
 * spec. Lists the spec calls sets come in a fixed order (values by
 * name, gatherings oldest first, records as the database holds them),
 * so that two runs on one database print the same bytes.
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "kw-analysis.h"
#include "kw-cli.h"
#include "kw-cli-json.h"
#include "kw-cli-report.h"
#include "kw-graph.h"
#include "kw-map-render.h"
#include "kw-error.h"

#define PROGRAM "kwartier-cli"

typedef enum {
  REPORT_MISSING,
  REPORT_BUDGET,
  REPORT_ABSENT,
  REPORT_LOAD,
  REPORT_BRIDGES,
} ReportKind;

typedef struct {
  const char          *name;
  ReportKind           kind;
  const char          *synopsis;  /* N_(), after "kwartier-cli [--db PATH] " */
  guint                n_ids;     /* the ids after the name */
  const char * const  *options;   /* the options it takes */
} ReportSpec;

#define OPTIONS(...) ((const char * const[]) { __VA_ARGS__, NULL })

static const ReportSpec reports[] = {
  { "missing", REPORT_MISSING, N_("report missing ALLIANCE_ID [--today YYYY-MM-DD]"), 1,
    OPTIONS ("--today") },
  { "budget", REPORT_BUDGET, N_("report budget [--alliance ID | --area ID] [--today YYYY-MM-DD]"), 0,
    OPTIONS ("--alliance", "--area", "--today") },
  { "absent", REPORT_ABSENT, N_("report absent UNIT_ID [--stale-months N] [--today YYYY-MM-DD]"), 1,
    OPTIONS ("--stale-months", "--today") },
  { "load", REPORT_LOAD, N_("report load [--weeks N] [--threshold N] [--today YYYY-MM-DD]"), 0,
    OPTIONS ("--threshold", "--today", "--weeks") },
  { "bridges", REPORT_BRIDGES,
    N_("report bridges [--area ID | --alliance ID | --map ID] [--today YYYY-MM-DD]"), 0,
    OPTIONS ("--alliance", "--area", "--map", "--today") },
};

typedef struct {
  const ReportSpec *spec;
  const char       *id;
  GDate             today;
  const char       *alliance;
  const char       *area;
  guint             stale_months;
  guint             weeks;
  guint             threshold;
  const char       *map;
} Request;

/* Messages */

static gboolean usage_error (const ReportSpec *spec,
                             const char       *format,
                             ...) G_GNUC_PRINTF (2, 3);

/* Always FALSE: the request is not one. */
static gboolean
usage_error (const ReportSpec *spec,
             const char       *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", PROGRAM, message);
  if (spec != NULL)
    g_printerr (_("Usage: %s [--db PATH] %s\n"), PROGRAM, _(spec->synopsis));
  else
    for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
      g_printerr (i == 0 ? _("Usage: %s [--db PATH] %s\n") : "       %s [--db PATH] %s\n",
                  PROGRAM, _(reports[i].synopsis));
  g_printerr (_("Try “%s%s%s --help” for more.\n"), PROGRAM, " ", "report");
  return FALSE;
}

/* The request */

static const ReportSpec *
lookup_report (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    if (strcmp (reports[i].name, name) == 0)
      return &reports[i];
  return NULL;
}

static gboolean
parse_count (const ReportSpec *spec,
             GHashTable       *options,
             const char       *name,
             guint             min,
             guint            *value)
{
  const char *text = g_hash_table_lookup (options, name);
  guint64 v;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, min, G_MAXUINT, &v, NULL))
    return usage_error (spec, min > 0 ? _("%s: “%s” is not a positive whole number")
                                      : _("%s: “%s” is not a whole number"), name, text);
  *value = (guint) v;
  return TRUE;
}

/* Every option given is one the report takes. */
static gboolean
check_options (const ReportSpec *spec,
               GHashTable       *options)
{
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, options);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_strv_contains (spec->options, name))
      return usage_error (spec, _("report %s takes no option “%s”"), spec->name, (const char *) name);
  return TRUE;
}

static gboolean
parse_request (guint               n_args,
               const char * const *args,
               GHashTable         *options,
               Request            *req)
{
  const ReportSpec *spec;
  const char *today;

  if (n_args == 0)
    return usage_error (NULL, _("which report? missing, budget, absent, load or bridges"));
  if ((spec = lookup_report (args[0])) == NULL)
    return usage_error (NULL, _("unknown report “%s”"), args[0]);
  if (n_args < 1 + spec->n_ids)
    return usage_error (spec, _("missing argument"));
  if (n_args > 1 + spec->n_ids)
    return usage_error (spec, _("too many arguments: “%s”"), args[1 + spec->n_ids]);
  if (!check_options (spec, options))
    return FALSE;

  *req = (Request) { spec, spec->n_ids > 0 ? args[1] : NULL, { 0 },
                     g_hash_table_lookup (options, "--alliance"), g_hash_table_lookup (options, "--area"),
                     KW_ANALYSIS_STALE_MONTHS, KW_ANALYSIS_LOAD_WEEKS, KW_ANALYSIS_LOAD_THRESHOLD,
                     g_hash_table_lookup (options, "--map") };
  if (req->map != NULL && (req->alliance != NULL || req->area != NULL))
    return usage_error (spec, _("give one of --area, --alliance and --map"));
  if (req->alliance != NULL && req->area != NULL)
    return usage_error (spec, _("give --alliance or --area, not both"));
  today = g_hash_table_lookup (options, "--today");
  if (today == NULL)
    kw_analysis_get_today (&req->today);
  else if (!kw_cli_parse_date (today, &req->today))
    return usage_error (spec, _("--today: “%s” is not a date (YYYY-MM-DD)"), today);
  return parse_count (spec, options, "--stale-months", 0, &req->stale_months)
         && parse_count (spec, options, "--weeks", 1, &req->weeks)
         && parse_count (spec, options, "--threshold", 0, &req->threshold);
}

gboolean
kw_cli_report_check (guint               n_args,
                     const char * const *args,
                     GHashTable         *options)
{
  Request req;

  g_return_val_if_fail (n_args == 0 || args != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  return parse_request (n_args, args, options, &req);
}

/* JSON */

static void
add_member_int (JsonBuilder *b,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_member_bool (JsonBuilder *b,
                 const char  *name,
                 gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
add_member_ids (JsonBuilder *b,
                const char  *name,
                GPtrArray   *ids)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (ids, i));
  json_builder_end_array (b);
}

static void
add_member_gaps (JsonBuilder *b,
                 const char  *name,
                 GPtrArray   *gaps)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < gaps->len; i++)
    {
      KwAnalysisGap *gap = g_ptr_array_index (gaps, i);

      json_builder_begin_object (b);
      kw_cli_add_member_string (b, "value", gap->value);
      add_member_ids (b, "candidates", gap->candidates);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* The figures of a line, an alliance or the total ("over" but for the total). */
static void
add_money (JsonBuilder *b,
           gint64       budget_cents,
           gint64       spent_cents,
           gint64       remaining_cents)
{
  add_member_int (b, "budget_cents", budget_cents);
  add_member_int (b, "spent_cents", spent_cents);
  add_member_int (b, "remaining_cents", remaining_cents);
}

static void
add_budget (JsonBuilder      *b,
            const char       *key,
            KwAnalysisBudget *budget)
{
  json_builder_begin_object (b);
  kw_cli_add_member_string (b, key, budget->id);
  add_money (b, budget->budget_cents, budget->spent_cents, budget->remaining_cents);
  add_member_bool (b, "over", budget->over);
  if (budget->lines != NULL)
    {
      json_builder_set_member_name (b, "lines");
      json_builder_begin_array (b);
      for (guint i = 0; i < budget->lines->len; i++)
        add_budget (b, "action_line", g_ptr_array_index (budget->lines, i));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

/* The reports */

static int
run_missing (KwStore       *store,
             const Request *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisMissing) missing = kw_analysis_missing (store, req->id, &req->today, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (missing == NULL)
    return kw_cli_refuse (error);
  json_builder_begin_object (b);
  kw_cli_add_member_string (b, "alliance", missing->alliance);
  add_member_gaps (b, "kinds", missing->kinds);
  add_member_gaps (b, "communities", missing->communities);
  add_member_gaps (b, "languages", missing->languages);
  add_member_ids (b, "key_figures", missing->key_figures);
  json_builder_end_object (b);
  return kw_cli_print_json (b);
}

static int
run_budget (KwStore       *store,
            const Request *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisBudgets) budgets = kw_analysis_budget (store, req->alliance, req->area, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (budgets == NULL)
    return kw_cli_refuse (error);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "alliances");
  json_builder_begin_array (b);
  for (guint i = 0; i < budgets->alliances->len; i++)
    add_budget (b, "alliance", g_ptr_array_index (budgets->alliances, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "total");
  json_builder_begin_object (b);
  add_money (b, budgets->budget_cents, budgets->spent_cents, budgets->remaining_cents);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return kw_cli_print_json (b);
}

static void
add_unit_flags (JsonBuilder *b,
                KwUnitFlags  flags)
{
  static const KwUnitFlags order[] = {
    KW_UNIT_FLAG_NO_CONTACT, KW_UNIT_FLAG_NO_DEPUTY, KW_UNIT_FLAG_STALE_CONTACT, KW_UNIT_FLAG_STALE_DEPUTY,
  };

  json_builder_set_member_name (b, "unit_flags");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (flags & order[i])
      json_builder_add_string_value (b, kw_unit_flag_to_string (order[i]));
  json_builder_end_array (b);
}

static int
run_absent (KwStore       *store,
            const Request *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAnalysisAbsence) absence = kw_analysis_absent (store, req->id, req->stale_months,
                                                             &req->today, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (absence == NULL)
    return kw_cli_refuse (error);
  json_builder_begin_object (b);
  kw_cli_add_member_string (b, "unit", absence->unit);
  add_unit_flags (b, absence->flags);
  add_member_ids (b, "gatherings", absence->gatherings);
  json_builder_set_member_name (b, "absent");
  json_builder_begin_array (b);
  for (guint i = 0; i < absence->absent->len; i++)
    {
      KwAnalysisAbsent *a = g_ptr_array_index (absence->absent, i);

      json_builder_begin_object (b);
      kw_cli_add_member_string (b, "person", a->person);
      kw_cli_add_member_string (b, "last_present", a->last_present);
      kw_cli_add_member_string (b, "last_contact", a->last_contact);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return kw_cli_print_json (b);
}

static int
run_load (KwStore       *store,
          const Request *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loads = kw_analysis_load (store, req->weeks, req->threshold, &req->today, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (loads == NULL)
    return kw_cli_refuse (error);
  json_builder_begin_array (b);
  for (guint i = 0; i < loads->len; i++)
    {
      KwAnalysisLoad *l = g_ptr_array_index (loads, i);

      json_builder_begin_object (b);
      kw_cli_add_member_string (b, "person", l->person);
      add_member_int (b, "load", l->load);
      add_member_int (b, "meetings", l->meetings);
      add_member_int (b, "open_actions", l->open_actions);
      add_member_int (b, "overdue_actions", l->overdue_actions);
      add_member_int (b, "roles", l->roles);
      add_member_bool (b, "flagged", l->flagged);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return kw_cli_print_json (b);
}

static int
run_bridges (KwStore       *store,
             const Request *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwGraphBridges) bridges = kw_analysis_bridges (store, req->area, req->alliance, req->map,
                                                           &req->today, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (bridges == NULL)
    return kw_cli_refuse (error);
  json_builder_begin_object (b);
  add_member_int (b, "nodes", bridges->n_nodes);
  add_member_int (b, "edges", bridges->n_edges);
  json_builder_set_member_name (b, "bridges");
  json_builder_begin_array (b);
  for (guint i = 0; i < bridges->bridges->len; i++)
    {
      KwGraphBridge *bridge = g_ptr_array_index (bridges->bridges, i);

      json_builder_begin_object (b);
      kw_cli_add_member_string (b, "id", bridge->id);
      json_builder_set_member_name (b, "betweenness");
      json_builder_add_double_value (b, bridge->betweenness);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "articulation_points");
  json_builder_begin_array (b);
  for (guint i = 0; i < bridges->articulation_points->len; i++)
    {
      KwGraphCutPoint *point = g_ptr_array_index (bridges->articulation_points, i);

      json_builder_begin_object (b);
      kw_cli_add_member_string (b, "id", point->id);
      add_member_int (b, "cut_off", point->cut_off);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return kw_cli_print_json (b);
}

/* Ids are lower case, as references are (kw_field_parse). */
static gboolean
lower_ids (Request  *req,
           char    **id,
           char    **alliance,
           char    **area,
           char    **map,
           GError  **error)
{
  const char * const given[] = { req->id, req->alliance, req->area, req->map };
  char **out[] = { id, alliance, area, map };

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      if (given[i] != NULL && !g_utf8_validate (given[i], -1, NULL))
        {
          g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND, _("the id is not valid UTF-8"));
          return FALSE;
        }
      *out[i] = given[i] != NULL ? g_ascii_strdown (given[i], -1) : NULL;
    }
  req->id = *id;
  req->alliance = *alliance;
  req->area = *area;
  req->map = *map;
  return TRUE;
}

int
kw_cli_report (KwStore  *store,
               int       argc,
               char    **argv)
{
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL, *alliance = NULL, *area = NULL, *map = NULL;
  Request req;

  g_return_val_if_fail (KW_IS_STORE (store), KW_CLI_EXIT_USAGE);
  g_return_val_if_fail (argc >= 1 && argv != NULL, KW_CLI_EXIT_USAGE);

  /* every option of report has a value */
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--") && i + 1 < argc)
      {
        g_hash_table_insert (options, argv[i], argv[i + 1]);
        i++;
      }
    else
      g_ptr_array_add (args, argv[i]);
  if (!parse_request (args->len, (const char * const *) args->pdata, options, &req))
    return KW_CLI_EXIT_USAGE;
  if (!lower_ids (&req, &id, &alliance, &area, &map, &error))
    return kw_cli_refuse (error);

  switch (req.spec->kind)
    {
    case REPORT_MISSING:
      return run_missing (store, &req);
    case REPORT_BUDGET:
      return run_budget (store, &req);
    case REPORT_ABSENT:
      return run_absent (store, &req);
    case REPORT_LOAD:
      return run_load (store, &req);
    case REPORT_BRIDGES:
      return run_bridges (store, &req);
    default:
      return KW_CLI_EXIT_USAGE;
    }
}

/* map (spec/cli.md): the picture of the network, by kw-map-render.c */

#define MAP_SYNOPSIS N_("map [--area ID | --alliance ID | --map ID] -o FILE.svg|FILE.png")

static gboolean map_usage_error (const char *format,
                                 ...) G_GNUC_PRINTF (1, 2);

/* Always FALSE. */
static gboolean
map_usage_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", PROGRAM, message);
  g_printerr (_("Usage: %s [--db PATH] %s\n"), PROGRAM, _(MAP_SYNOPSIS));
  g_printerr (_("Try “%s%s%s --help” for more.\n"), PROGRAM, " ", "map");
  return FALSE;
}

gboolean
kw_cli_map_check (GHashTable *options)
{
  const char *path;
  guint restrictions;

  g_return_val_if_fail (options != NULL, FALSE);

  path = g_hash_table_lookup (options, "-o");
  restrictions = g_hash_table_contains (options, "--area") + g_hash_table_contains (options, "--alliance")
                 + g_hash_table_contains (options, "--map");
  if (path == NULL || *path == '\0')
    return map_usage_error (_("-o FILE is required"));
  if (!kw_map_render_format_ok (path))
    return map_usage_error (_("-o: “%s” must end in .svg or .png"), path);
  if (restrictions > 1)
    return map_usage_error (_("give one of --area, --alliance and --map"));
  return TRUE;
}

/* "Stakeholder network: Nieuw-West", from the record the picture is of. */
static char *
dup_map_title (KwStore    *store,
               const char *type_name,
               const char *id)
{
  g_autoptr(KwRecord) record = NULL;
  g_autofree char *name = NULL;

  if (id != NULL && (record = kw_store_get (store, type_name, id, NULL)) != NULL)
    name = kw_record_dup_title (record);
  if (name == NULL)
    return g_strdup (_("Stakeholder network"));
  /* Translators: the title of a map picture; %s is an area, an alliance or a stakeholder map */
  return g_strdup_printf (_("Stakeholder network: %s"), name);
}

int
kw_cli_map (KwStore  *store,
            int       argc,
            char    **argv)
{
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwGraph) graph = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  KwGraphRestriction restriction = KW_GRAPH_ALL;
  const char *type_name = NULL;
  const char *given = NULL;
  GDate today;

  g_return_val_if_fail (KW_IS_STORE (store), KW_CLI_EXIT_USAGE);
  g_return_val_if_fail (argc >= 1 && argv != NULL, KW_CLI_EXIT_USAGE);

  /* every option of map has a value */
  for (int i = 1; i + 1 < argc; i += 2)
    g_hash_table_insert (options, argv[i], argv[i + 1]);
  if (!kw_cli_map_check (options))
    return KW_CLI_EXIT_USAGE;
  if ((given = g_hash_table_lookup (options, "--area")) != NULL)
    restriction = KW_GRAPH_AREA, type_name = "area";
  else if ((given = g_hash_table_lookup (options, "--alliance")) != NULL)
    restriction = KW_GRAPH_ALLIANCE, type_name = "alliance";
  else if ((given = g_hash_table_lookup (options, "--map")) != NULL)
    restriction = KW_GRAPH_MAP, type_name = "stakeholder_map";
  if (given != NULL)
    {
      if (!g_utf8_validate (given, -1, NULL))
        {
          g_set_error (&error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND, _("the id is not valid UTF-8"));
          return kw_cli_refuse (error);
        }
      id = g_ascii_strdown (given, -1);
    }

  kw_analysis_get_today (&today);
  if ((graph = kw_graph_load (store, restriction, id, &today, &error)) == NULL)
    return kw_cli_refuse (error);
  title = dup_map_title (store, type_name, id);
  if (!kw_map_render_to_file (graph, title, g_hash_table_lookup (options, "-o"), &error))
    return kw_cli_refuse (error);
  return KW_CLI_EXIT_OK;
}
