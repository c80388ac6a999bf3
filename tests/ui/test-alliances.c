/* test-alliances.c: the Neighbourhood Alliances view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An alliance made as a user does (a draft, a partner from the chooser,
 * an action line from its form, budget and spent typed as euros), who is
 * missing at its table and a missing party added as prospective, the
 * list's filters by status and area, and open actions and meetings; the
 * numbers on screen are those of kw_analysis_budget / _missing over the
 * same store.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "alliances/kw-alliance-gaps.h"
#include "alliances/kw-alliance-list-group.h"
#include "alliances/kw-alliance-row.h"
#include "alliances/kw-alliances-private.h"
#include "kw-analysis.h"
#include "kw-format.h"
#include "kw-test-util.h"
#include "networks/kw-load-window.h"

static KwAlliancesView *
show_view (KwTestFixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "alliances"));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  return KW_ALLIANCES_VIEW (kw_window_get_view_for_type (f->window, "alliance"));
}

static KwAlliancePage *
page_of (KwTestFixture *f)
{
  return _kw_alliances_view_get_page (KW_ALLIANCES_VIEW (kw_window_get_view_for_type (f->window, "alliance")));
}

/* The first descendant of a type (and with that action target, if given). */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *target)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      GVariant *value = GTK_IS_ACTIONABLE (widget) ? gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) : NULL;

      if (target == NULL || (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
                             && g_str_equal (g_variant_get_string (value, NULL), target)))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opens every expander row: a gap's candidates are made when it opens. */
static void
expand_all (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    expand_all (child);
}

static guint
n_gaps_of (KwAnalysisMissing *missing)
{
  return missing->kinds->len + missing->communities->len + missing->languages->len
         + (missing->key_figures->len > 0);
}

static KwAnalysisBudget *
alliance_budget (KwAnalysisBudgets *budgets)
{
  g_assert_cmpuint (budgets->alliances->len, ==, 1);
  return g_ptr_array_index (budgets->alliances, 0);
}

/* The amounts as the user types them, in the locale's way. */
static void
type_amount (KwRecordEditor *editor,
             const char     *field,
             gint64          cents)
{
  GtkWidget *row = kw_record_editor_get_row (editor, field);
  g_autofree char *text = kw_format_cents_entry (cents);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
}

static void
test_create_alliance (KwTestFixture *f,
                      gconstpointer  data)
{
  g_autofree char *area = kw_test_create (f->store, "area", "name", "Proefwijk", "kind", "wijk", NULL);
  g_autofree char *team = kw_test_create (f->store, "organisation", "name", "Buurtteam Proef", "kind", "neighbourhood_team",
                                  "area", area, NULL);
  g_autofree char *mosque = kw_test_create (f->store, "organisation", "name", "Moskee Proef", "kind", "religious",
                                    "area", area, NULL);
  g_autofree char *noor = kw_test_create (f->store, "person", "name", "Noor Proef", "key_figure", "true", "area", area,
                                  "communities", "Turks-Nederlands", "languages", "Turks", NULL);
  g_autoptr(KwAnalysisBudgets) budgets = NULL;
  g_autoptr(KwAnalysisMissing) missing = NULL;
  g_autoptr(KwRecord) line_record = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autofree char *remaining = NULL;
  g_autofree char *line = NULL;
  KwAlliancePage *page;
  KwChildGroup *partner_group, *lines;
  GtkWidget *popover, *entry, *button, *row;
  g_autofree char *alliance = NULL;
  GDate today;

  kw_test_fixture_open (f);
  show_view (f);
  /* a draft, stored when the user adds it (win.new is the view's alliances.new) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL));
  KW_TEST_WAIT_UNTIL (page_of (f) != NULL && kw_record_page_is_draft (KW_RECORD_PAGE (page_of (f))));
  page = page_of (f);
  g_assert_true (kw_record_page_is_draft (KW_RECORD_PAGE (page)));
  g_assert_cmpint (kw_store_count (f->store, "alliance"), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (kw_record_page_get_row (KW_RECORD_PAGE (page), "name")), "Wijkalliantie Proef");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "alliance.add-draft", NULL));
  g_assert_cmpint (kw_store_count (f->store, "alliance"), ==, 1);
  alliance = g_strdup (kw_record_page_get_id (KW_RECORD_PAGE (page)));
  /* the view's own action makes a draft too; cancelled, nothing is stored */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "alliances.new", NULL));
  g_assert_true (kw_record_page_is_draft (KW_RECORD_PAGE (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "alliance.cancel-draft", NULL));
  g_assert_cmpint (kw_store_count (f->store, "alliance"), ==, 1);
  kw_view_open (KW_VIEW (kw_window_get_view_for_type (f->window, "alliance")), "alliance", alliance);
  g_assert_nonnull (alliance);
  {
    g_autoptr(KwChangeset) changes = kw_changeset_new ("alliance", NULL);

    kw_changeset_set_string (changes, "area", area);
    g_assert_true (kw_store_update (f->store, alliance, changes, NULL));
  }
  kw_test_flush ();   /* the page's refresh after the change */

  /* a partner chosen from the contacts (alliance.add-partner opens the chooser) */
  partner_group = kw_record_page_get_child_group (KW_RECORD_PAGE (page), "alliance_partner");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "alliance.add-partner", NULL));
  KW_TEST_WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (kw_child_group_get_chooser (partner_group))));
  gtk_popover_popdown (GTK_POPOVER (kw_child_group_get_chooser (partner_group)));
  kw_child_group_choose (partner_group, "organisation", team);
  g_assert_cmpuint (kw_child_group_get_n_rows (partner_group), ==, 1);
  /* its editor's rows are made when it is first opened */
  row = find_widget (GTK_WIDGET (partner_group), ADW_TYPE_EXPANDER_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_null (find_widget (row, ADW_TYPE_ENTRY_ROW, NULL));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_nonnull (find_widget (row, ADW_TYPE_ENTRY_ROW, NULL));
  g_assert_nonnull (find_widget (row, ADW_TYPE_COMBO_ROW, NULL));

  /* an action line from its form, then budget and spent typed as euros */
  lines = kw_record_page_get_child_group (KW_RECORD_PAGE (page), "action_line");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (kw_child_group_get_add_button (lines))));
  g_assert_nonnull (popover);
  entry = find_widget (popover, GTK_TYPE_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Buurtfeest");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (kw_child_group_get_n_rows (lines), ==, 1);
  {
    g_autoptr(KwRecord) first = g_list_model_get_item (kw_child_group_get_model (lines), 0);

    line = g_strdup (kw_record_get_id (first));
    g_assert_cmpstr (kw_record_get_string (first, "title"), ==, "Buurtfeest");
  }
  type_amount (kw_child_group_get_editor (lines, line), "budget_cents", 100000);
  type_amount (kw_child_group_get_editor (lines, line), "spent_cents", 125050);
  line_record = kw_store_get (f->store, "action_line", line, NULL);
  g_assert_cmpint (kw_record_get_int (line_record, "budget_cents"), ==, 100000);
  g_assert_cmpint (kw_record_get_int (line_record, "spent_cents"), ==, 125050);
  kw_test_flush ();   /* the rows' and totals' refresh after the change */

  /* remaining and over, as the budget report has them */
  budgets = kw_analysis_budget (f->store, alliance, NULL, NULL);
  g_assert_cmpint (alliance_budget (budgets)->remaining_cents, ==, -25050);
  g_assert_true (alliance_budget (budgets)->over);
  remaining = kw_format_cents (alliance_budget (budgets)->remaining_cents);
  row = gtk_widget_get_ancestor (kw_record_editor_get_row (kw_child_group_get_editor (lines, line), "budget_cents"),
                                 ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), remaining));
  g_assert_true (gtk_widget_get_visible (g_object_get_data (G_OBJECT (row), "kw-over-badge")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (_kw_alliance_page_get_part (page, "total"))), remaining));
  g_assert_true (gtk_widget_get_visible (_kw_alliance_page_get_part (page, "over")));
  /* and in the list */
  {
    g_autoptr(KwRecord) record = kw_store_get (f->store, "alliance", alliance, NULL);
    GtkWidget *list_row = g_object_ref_sink (kw_alliance_row_new ());
    GtkWidget *over;

    kw_alliance_row_bind (KW_ALLIANCE_ROW (list_row), f->store, record);
    over = gtk_widget_get_last_child (list_row);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (over)), ==, "Over budget");
    g_assert_true (gtk_widget_get_visible (over));
    g_object_unref (list_row);
    /* the list's own row, bound before the line was over, marks it now */
    list_row = find_widget (GTK_WIDGET (kw_list_pane_get_list_view (_kw_alliances_view_get_list_pane (
                 KW_ALLIANCES_VIEW (kw_window_get_view_for_type (f->window, "alliance"))))), KW_TYPE_ALLIANCE_ROW, NULL);
    g_assert_nonnull (list_row);
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_last_child (list_row)));
  }

  /* who is missing: the mosque's kind, Noor's community, language and key figure */
  kw_analysis_get_today (&today);
  missing = kw_analysis_missing (f->store, alliance, &today, NULL);
  g_assert_cmpuint (n_gaps_of (missing), ==, 4);
  g_assert_cmpuint (kw_alliance_gaps_get_n_gaps (KW_ALLIANCE_GAPS (_kw_alliance_page_get_part (page, "gaps"))), ==, n_gaps_of (missing));
  g_assert_cmpstr (((KwAnalysisGap *) g_ptr_array_index (missing->kinds, 0))->value, ==, "religious");
  g_assert_cmpstr (g_ptr_array_index (((KwAnalysisGap *) g_ptr_array_index (missing->kinds, 0))->candidates, 0), ==, mosque);

  /* one click adds Noor as prospective: listed as prospect, still a gap */
  g_assert_null (find_widget (_kw_alliance_page_get_part (page, "gaps"), GTK_TYPE_BUTTON, noor));
  expand_all (_kw_alliance_page_get_part (page, "gaps"));
  button = find_widget (_kw_alliance_page_get_part (page, "gaps"), GTK_TYPE_BUTTON, noor);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  kw_test_flush ();
  partners = kw_store_list_by_ref (f->store, "alliance_partner", "party", noor, NULL);
  g_assert_cmpuint (partners->len, ==, 1);
  g_assert_cmpstr (kw_record_get_string (partners->pdata[0], "status"), ==, "prospective");
  g_assert_cmpuint (g_list_model_get_n_items (kw_alliance_list_group_get_model (KW_ALLIANCE_LIST_GROUP (_kw_alliance_page_get_part (page, "recruiting")))), ==, 1);
  g_assert_cmpuint (kw_alliance_gaps_get_n_gaps (KW_ALLIANCE_GAPS (_kw_alliance_page_get_part (page, "gaps"))), ==, n_gaps_of (missing));
  g_assert_null (find_widget (_kw_alliance_page_get_part (page, "gaps"), GTK_TYPE_BUTTON, noor));
  g_assert_nonnull (find_widget (_kw_alliance_page_get_part (page, "gaps"), GTK_TYPE_BUTTON, mosque));
}

static void
test_recruiting_overdue (KwTestFixture *f,
                         gconstpointer  data)
{
  g_autofree char *alliance = kw_test_create (f->store, "alliance", "name", "Wijkalliantie Werving", NULL);
  g_autofree char *late = kw_test_create (f->store, "person", "name", "Laat Proef", NULL);
  g_autofree char *soon = kw_test_create (f->store, "person", "name", "Straks Proef", NULL);
  g_autofree char *p_late = kw_test_create (f->store, "alliance_partner", "alliance", alliance, "party", late, "status", "prospective",
                                    "next_step", "Bellen", "next_step_date", "2020-01-01", NULL);
  g_autofree char *p_soon = kw_test_create (f->store, "alliance_partner", "alliance", alliance, "party", soon, "status", "prospective",
                                    "next_step", "Koffie", "next_step_date", "2999-01-01", NULL);
  g_autofree char *active = kw_test_create (f->store, "alliance_partner", "alliance", alliance, "party", soon, "status", "active", NULL);
  g_autofree char *open = kw_test_create (f->store, "action_item", "title", "Flyer maken", "alliance", alliance, "status", "open",
                                  "deadline", "2020-02-02", NULL);
  g_autofree char *unset = kw_test_create (f->store, "action_item", "title", "Zaal huren", "alliance", alliance, NULL);
  g_autofree char *done = kw_test_create (f->store, "action_item", "title", "Klaar", "alliance", alliance, "status", "done", NULL);
  g_autofree char *meeting = kw_test_create (f->store, "meeting", "title", "Alliantieoverleg", "alliance", alliance,
                                     "starts_at", "2026-03-01T18:00:00Z", NULL);
  KwAlliancePage *page;
  GListModel *recruiting, *actions, *meetings;
  g_autoptr(KwRecord) first = NULL;

  kw_test_fixture_open (f);
  show_view (f);
  kw_view_open (KW_VIEW (kw_window_get_view_for_type (f->window, "alliance")), "alliance", alliance);
  page = page_of (f);
  recruiting = kw_alliance_list_group_get_model (KW_ALLIANCE_LIST_GROUP (_kw_alliance_page_get_part (page, "recruiting")));
  actions = kw_alliance_list_group_get_model (KW_ALLIANCE_LIST_GROUP (_kw_alliance_page_get_part (page, "actions")));
  meetings = kw_alliance_list_group_get_model (KW_ALLIANCE_LIST_GROUP (_kw_alliance_page_get_part (page, "meetings")));
  /* the lists below the fold fill after the page's first frame */
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (meetings) == 1);
  g_assert_cmpuint (g_list_model_get_n_items (recruiting), ==, 2);
  g_assert_true (kw_alliance_list_group_is_overdue (KW_ALLIANCE_LIST_GROUP (_kw_alliance_page_get_part (page, "recruiting")), p_late));
  g_assert_false (kw_alliance_list_group_is_overdue (KW_ALLIANCE_LIST_GROUP (_kw_alliance_page_get_part (page, "recruiting")), p_soon));
  /* open or empty status, by deadline with the empty last */
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);
  first = g_list_model_get_item (actions, 0);
  g_assert_cmpstr (kw_record_get_id (first), ==, open);
  g_assert_true (kw_alliance_list_group_is_overdue (KW_ALLIANCE_LIST_GROUP (_kw_alliance_page_get_part (page, "actions")), open));
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);

  /* the store's changes show at once: the action is done */
  {
    g_autoptr(KwChangeset) changes = kw_changeset_new ("action_item", NULL);

    kw_changeset_set_string (changes, "status", "done");
    g_assert_true (kw_store_update (f->store, open, changes, NULL));
  }
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (actions) == 1);
}

static guint
count_alliances (KwStore    *store,
                 const char *status)
{
  g_autoptr(GPtrArray) all = kw_store_list (store, "alliance", NULL);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    n += g_strcmp0 (kw_record_get_string (all->pdata[i], "status"), status) == 0;
  return n;
}

static void
test_list_filters (KwTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) all = kw_store_list (f->store, "alliance", NULL);
  g_autoptr(KwAnalysisBudgets) budgets = NULL;
  g_autoptr(KwRecord) area = NULL;
  g_autofree char *budget = NULL;
  KwAlliancesView *view;
  KwRecordList *list;
  const char *status, *parent;

  g_assert_cmpuint (all->len, >, 1);
  kw_test_fixture_open (f);
  view = show_view (f);
  list = _kw_alliances_view_get_list (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, all->len);

  status = kw_record_get_string (all->pdata[0], "status");
  _kw_alliances_view_set_filters (view, status, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, count_alliances (f->store, status));
  g_assert_cmpuint (kw_list_pane_get_n_filters (_kw_alliances_view_get_list_pane (view)), ==, 1);

  /* an area takes its sub-areas: the parent of the first alliance's area */
  area = kw_store_get (f->store, "area", kw_record_get_string (all->pdata[0], "area"), NULL);
  parent = kw_record_get_string (area, "parent") ? kw_record_get_string (area, "parent") : kw_record_get_id (area);
  _kw_alliances_view_set_filters (view, NULL, parent);
  budgets = kw_analysis_budget (f->store, NULL, parent, NULL);
  g_assert_cmpuint (budgets->alliances->len, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, budgets->alliances->len);
  g_assert_cmpuint (kw_record_list_find (list, kw_record_get_id (all->pdata[0])), !=, G_MAXUINT);
  /* the area's totals, as `report budget --area` */
  budget = kw_format_cents (budgets->budget_cents);
  g_assert_nonnull (strstr (_kw_alliances_view_get_totals (view), budget));

  _kw_alliances_view_set_filters (view, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, all->len);
  g_assert_cmpuint (kw_list_pane_get_n_filters (_kw_alliances_view_get_list_pane (view)), ==, 0);
}

/* The demo's alliances: each page shows the gaps of report missing. */
static void
test_demo_pages (KwTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) all = kw_store_list (f->store, "alliance", NULL);
  KwAlliancesView *view;
  GDate today;

  kw_test_fixture_open (f);
  view = show_view (f);
  kw_analysis_get_today (&today);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(KwAnalysisMissing) missing = kw_analysis_missing (f->store, kw_record_get_id (all->pdata[i]), &today, NULL);

      /* from anywhere (search, a link): the window routes it to this view */
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "contacts");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)",
                                                 "alliance", kw_record_get_id (all->pdata[i])));
      g_assert_cmpstr (kw_window_get_view (f->window), ==, "alliances");
      g_assert_cmpstr (_kw_alliances_view_get_open_id (view), ==, kw_record_get_id (all->pdata[i]));
      /* the sections below the fold come a frame after the page */
      KW_TEST_WAIT_UNTIL (kw_alliance_gaps_get_n_gaps (KW_ALLIANCE_GAPS (_kw_alliance_page_get_part (page_of (f), "gaps")))
                          == n_gaps_of (missing));
      /* and the totals of report budget */
      {
        g_autoptr(KwAnalysisBudgets) budgets = kw_analysis_budget (f->store, kw_record_get_id (all->pdata[i]), NULL, NULL);
        KwAnalysisBudget *budget = alliance_budget (budgets);
        g_autofree char *spent = kw_format_cents (budget->spent_cents);
        g_autofree char *remaining = kw_format_cents (budget->remaining_cents);
        GtkWidget *total = _kw_alliance_page_get_part (page_of (f), "total");

        if (budget->lines->len == 0)
          continue;
        g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (total)), spent));
        g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (total)), remaining));
        g_assert_true (gtk_widget_get_visible (_kw_alliance_page_get_part (page_of (f), "over")) == budget->over);
      }
    }
}

/* In a narrow window the list and the page fold: an opened alliance
 * can go back to the list, and win.go-back does. */
static void
test_narrow (KwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) all = kw_store_list (f->store, "alliance", NULL);
  KwAlliancesView *view;

  kw_test_fixture_open (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  view = show_view (f);
  kw_test_wait_mapped (GTK_WIDGET (kw_list_pane_get_list_view (_kw_alliances_view_get_list_pane (view))));
  g_assert_false (kw_view_get_can_go_back (KW_VIEW (view)));
  kw_view_open (KW_VIEW (view), "alliance", kw_record_get_id (all->pdata[0]));
  KW_TEST_WAIT_UNTIL (kw_view_get_can_go_back (KW_VIEW (view)));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page_of (f))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  KW_TEST_WAIT_UNTIL (!kw_view_get_can_go_back (KW_VIEW (view)));
  kw_test_wait_transitions (GTK_WIDGET (f->window));
  g_assert_false (kw_view_get_can_go_back (KW_VIEW (view)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (kw_list_pane_get_list_view (_kw_alliances_view_get_list_pane (view)))));
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gint64        *painted)
{
  *painted = g_get_monotonic_time ();
}

/* A measurement, not a timed test: with KW_ALLIANCES_BENCH_DB set to a
 * copy of a city-scale database (generate --people 100000), opens each
 * alliance's page and says how long until the page was drawn. */
static void
test_open_speed (KwTestFixture *f,
                 gconstpointer  data)
{
  const char *path = g_getenv ("KW_ALLIANCES_BENCH_DB");
  g_autoptr(GArray) sync_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) frame_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  KwAlliancesView *view;
  GdkFrameClock *clock;
  gint64 painted = 0;

  if (path == NULL)
    {
      g_test_skip ("set KW_ALLIANCES_BENCH_DB to a copy of a generated database");
      return;
    }
  g_clear_object (&f->store);
  f->store = kw_store_open (path, &error);
  g_assert_no_error (error);
  all = kw_store_list (f->store, "alliance", NULL);
  kw_test_fixture_open (f);
  view = show_view (f);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  for (guint i = 0; i < all->len; i++)
    {
      gint64 start = g_get_monotonic_time (), opened, drawn;

      painted = 0;
      kw_view_open (KW_VIEW (view), "alliance", kw_record_get_id (all->pdata[i]));
      opened = g_get_monotonic_time () - start;
      while (painted == 0)
        g_main_context_iteration (NULL, TRUE);
      drawn = painted - start;
      g_array_append_val (sync_times, opened);
      g_array_append_val (frame_times, drawn);
    }
  g_signal_handlers_disconnect_by_data (clock, &painted);
  g_array_sort (sync_times, compare_times);
  g_array_sort (frame_times, compare_times);
  g_printerr ("alliance pages: %u opened; open: median %.1f ms, p95 %.1f ms, max %.1f ms; "
              "to the frame drawn: median %.1f ms, p95 %.1f ms, max %.1f ms\n", all->len,
              g_array_index (sync_times, gint64, sync_times->len / 2) / 1000.0,
              g_array_index (sync_times, gint64, sync_times->len * 95 / 100) / 1000.0,
              g_array_index (sync_times, gint64, sync_times->len - 1) / 1000.0,
              g_array_index (frame_times, gint64, frame_times->len / 2) / 1000.0,
              g_array_index (frame_times, gint64, frame_times->len * 95 / 100) / 1000.0,
              g_array_index (frame_times, gint64, frame_times->len - 1) / 1000.0);
}

/* The Belasting overview is reachable from this view too. */
static void
test_load (KwTestFixture *f,
           gconstpointer  data)
{
  GtkWindow *load;

  kw_test_fixture_open (f);
  show_view (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "alliances.show-load", NULL));
  load = kw_test_wait_toplevel (KW_TYPE_LOAD_WINDOW, NULL);
  g_assert_true (KW_IS_LOAD_WINDOW (load));
  gtk_window_destroy (load);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/kw/ui/alliances/" path, KwTestFixture, data, kw_test_fixture_setup, func, kw_test_fixture_teardown)
  ADD ("create", test_create_alliance, KW_TEST_EMPTY);
  ADD ("recruiting-actions-meetings", test_recruiting_overdue, KW_TEST_EMPTY);
  ADD ("list-filters", test_list_filters, KW_TEST_DEMO);
  ADD ("demo-pages", test_demo_pages, KW_TEST_DEMO);
  ADD ("narrow", test_narrow, KW_TEST_DEMO);
  ADD ("load", test_load, KW_TEST_DEMO);
  ADD ("open-speed", test_open_speed, KW_TEST_EMPTY);
  return g_test_run ();
}
