/* test-accessible-names.c: every control has an accessible name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At each stop of kw_test_tour (the five views, a page of each kind, the
 * Preferences, Conflicts, Publish Minutes, Keyboard Shortcuts and About
 * windows) every mapped widget that takes the keyboard focus must have a
 * name a screen reader can say. The rule, from what GTK 4.8 gives Orca
 * (docs/accessibility.md):
 *
 *  - a GTK_ACCESSIBLE_PROPERTY_LABEL of its own, or a labelled-by
 *    relation: the name Orca reads;
 *  - or text inside it (a button's label, a row's title, a check
 *    button's label): GTK names buttons, check buttons and rows after the
 *    labels they contain;
 *  - the text field (GtkText) of an entry or spin button is named by its
 *    entry: the rules above for the entry, and an AdwEntryRow's title;
 *    a placeholder or a tooltip is no name (Orca reads a tooltip as the
 *    description, after the name, and an icon-only button without a
 *    label is read as "button").
 */
#include "config.h"

#include <string.h>

#include "kw-test-tour.h"

/* Every widget under the stop's root: the widgets a labelled-by relation
 * may point to. */
static GHashTable *tree;

static gboolean has_text_inside (GtkWidget *widget);

/* A labelled-by relation to a widget that has a name to give: a label
 * with text, a row with a title, a widget with a label property. GTK 4.8
 * makes an icon-only button labelled by its own GtkImage, which gives no
 * name; the relation's value is only to be had as the text of
 * gtk_test_accessible_check_relation () ("GtkImage<0x…> GtkLabel<0x…>"),
 * whose addresses are looked up among the widgets of the tree. */
static gboolean
has_named_labelled_by (GtkWidget *widget)
{
  g_autofree char *value = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_RELATION_LABELLED_BY, NULL);

  for (const char *p = value; p != NULL && (p = strstr (p, "<0x")) != NULL; p++)
    {
      gpointer target = GSIZE_TO_POINTER (g_ascii_strtoull (p + 3, NULL, 16));

      if (target != widget && tree != NULL && g_hash_table_contains (tree, target)
          && (gtk_test_accessible_has_property (target, GTK_ACCESSIBLE_PROPERTY_LABEL)
              || has_text_inside (target)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_own_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
         || has_named_labelled_by (widget);
}

/* A visible label with text at or under the widget. */
static gboolean
has_text_inside (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL
      && *gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text_inside (child))
      return TRUE;
  return FALSE;
}

/* The widgets that GTK 4.8 names after the text inside them (the
 * accessible roles button, check box, radio, switch, list item, row…);
 * the rows of list views are GTK's private GtkListItemWidget. A scrolled
 * window, a text view, a list or a drawing of Kwartier's needs a name of
 * its own. */
static gboolean
names_from_content (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget)
         || GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_FLOW_BOX_CHILD (widget) || GTK_IS_EXPANDER (widget)
         || GTK_IS_DROP_DOWN (widget) || g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget");
}

/* The entry (or spin button, search entry, entry row) whose text field
 * this is, or NULL. */
static GtkWidget *
text_owner (GtkWidget *text)
{
  for (GtkWidget *w = gtk_widget_get_parent (text); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_EDITABLE (w) && gtk_editable_get_delegate (GTK_EDITABLE (w)) != NULL)
      return w;
  return NULL;
}

static gboolean
is_named (GtkWidget *widget)
{
  GtkWidget *owner;

  if (has_own_name (widget))
    return TRUE;
  if (GTK_IS_TEXT (widget) && (owner = text_owner (widget)) != NULL)
    {
      if (has_own_name (owner))
        return TRUE;
      if (ADW_IS_ENTRY_ROW (owner))
        return *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (owner)) != '\0';
      return FALSE;
    }
  return names_from_content (widget) && has_text_inside (widget);
}

/* "AdwPreferencesWindow > … > GtkButton[edit-clear-symbolic] 'tooltip'" */
static char *
describe (GtkWidget *widget)
{
  GString *out = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : NULL;
  GtkWidget *parent;

  if (icon != NULL)
    g_string_append_printf (out, "[%s]", icon);
  if (gtk_widget_get_name (widget) != NULL && g_strcmp0 (gtk_widget_get_name (widget), G_OBJECT_TYPE_NAME (widget)) != 0)
    g_string_append_printf (out, "#%s", gtk_widget_get_name (widget));
  if (tooltip != NULL)
    g_string_append_printf (out, " '%s'", tooltip);
  for (parent = gtk_widget_get_parent (widget); parent != NULL; parent = gtk_widget_get_parent (parent))
    {
      const char *type = G_OBJECT_TYPE_NAME (parent);

      if (g_str_has_prefix (type, "Kw") || ADW_IS_PREFERENCES_ROW (parent) || ADW_IS_PREFERENCES_GROUP (parent))
        {
          const char *title = ADW_IS_PREFERENCES_ROW (parent) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (parent))
                              : ADW_IS_PREFERENCES_GROUP (parent) ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (parent))
                              : NULL;

          g_string_prepend (out, " > ");
          if (title != NULL && *title != '\0')
            {
              g_string_prepend (out, "'");
              g_string_prepend (out, title);
              g_string_prepend (out, "'");
            }
          g_string_prepend (out, type);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
takes_focus (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget);
}

static gboolean
has_focusable_inside (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (takes_focus (child) || has_focusable_inside (child))
      return TRUE;
  return FALSE;
}

/* GTK 4.8 makes scrolled windows, list boxes, flow boxes and paneds
 * focusable, but hands the focus on to a focusable child: only one
 * without such a child takes the focus itself, and needs a name. */
static gboolean
is_control (GtkWidget *widget)
{
  if (!takes_focus (widget))
    return FALSE;
  /* AdwStatusPage's own scrolled window: libadwaita's (see on_tour_stop_cb) */
  if (GTK_IS_SCROLLED_WINDOW (widget) && ADW_IS_STATUS_PAGE (gtk_widget_get_parent (widget)))
    return FALSE;
  if (GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_VIEWPORT (widget) || GTK_IS_LIST_BOX (widget)
      || GTK_IS_FLOW_BOX (widget) || GTK_IS_PANED (widget))
    return !has_focusable_inside (widget);
  return TRUE;
}

typedef struct {
  GHashTable *missing;  /* description → where */
  guint       checked;
} Check;

static void
check_widget (GtkWidget  *widget,
              Check      *check,
              const char *where)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (is_control (widget))
    {
      check->checked++;
      if (!is_named (widget))
        {
          char *what = describe (widget);

          if (!g_hash_table_contains (check->missing, what))
            g_hash_table_insert (check->missing, what, g_strdup (where));
          else
            g_free (what);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (child, check, where);
}

static void
add_to_tree (GtkWidget *widget)
{
  g_hash_table_add (tree, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_to_tree (child);
}

static void
set_tree (GtkWidget *root)
{
  g_clear_pointer (&tree, g_hash_table_unref);
  if (root == NULL)
    return;
  tree = g_hash_table_new (NULL, NULL);
  add_to_tree (root);
}

static void
on_tour_stop_cb (GtkWidget  *root,
                 const char *where,
                 gpointer    data)
{
  Check *check = data;
  guint before = check->checked;
  GHashTable *missing = check->missing;
  g_autoptr(GHashTable) upstream = NULL;

  /* the Keyboard Shortcuts and About windows are GTK's and libadwaita's
   * own: what they lack is reported, left to them (docs/accessibility.md) */
  if (GTK_IS_SHORTCUTS_WINDOW (root) || ADW_IS_ABOUT_WINDOW (root))
    check->missing = upstream = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  set_tree (root);
  check_widget (root, check, where);
  set_tree (NULL);
  check->missing = missing;
  if (upstream != NULL)
    {
      GHashTableIter iter;
      gpointer what;

      g_hash_table_iter_init (&iter, upstream);
      while (g_hash_table_iter_next (&iter, &what, NULL))
        g_test_message ("%s: upstream, no accessible name: %s", where, (char *) what);
    }
  g_test_message ("%s: %u controls", where, check->checked - before);
  /* every stop has controls to check (a walk that sees none passes) */
  g_assert_cmpuint (check->checked, >, before);
}

static void
test_every_control_named (KwTestFixture *f,
                          gconstpointer  data)
{
  g_autoptr(GHashTable) missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Check check = { missing, 0 };
  GHashTableIter iter;
  gpointer what, where;

  kw_test_fixture_open (f);
  kw_test_tour (f, on_tour_stop_cb, &check);
  g_hash_table_iter_init (&iter, missing);
  while (g_hash_table_iter_next (&iter, &what, &where))
    g_test_message ("no accessible name: %s (%s)", (char *) what, (char *) where);
  if (g_hash_table_size (missing) > 0)
    g_test_fail_printf ("%u controls have no accessible name (listed above)", g_hash_table_size (missing));
}

/* The rule itself: an icon-only button is not named by its tooltip, but by
 * its label property; a spin button in a row by a labelled-by relation. */
static void
test_rule (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  GtkWidget *labelled = gtk_button_new_with_label ("Delete");
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *text;

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labelled);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), row);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  kw_test_wait_mapped (row);
  set_tree (window);

  g_assert_false (is_named (icon));
  gtk_widget_set_tooltip_text (icon, "Delete");
  g_assert_false (is_named (icon));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "Delete", -1);
  g_assert_true (is_named (icon));
  g_assert_true (is_named (labelled));

  text = kw_test_find_type (entry, GTK_TYPE_TEXT);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "Name");
  g_assert_false (is_named (text));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, labelled, NULL, -1);
  g_assert_true (is_named (text));

  text = kw_test_find_type (row, GTK_TYPE_TEXT);
  g_assert_false (is_named (text));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Name");
  g_assert_true (is_named (text));
  set_tree (NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/kw/ui/accessible-names/rule", test_rule);
  g_test_add ("/kw/ui/accessible-names/every-control", KwTestFixture, KW_TEST_DEMO,
              kw_test_fixture_setup, test_every_control_named, kw_test_fixture_teardown);

  return g_test_run ();
}
