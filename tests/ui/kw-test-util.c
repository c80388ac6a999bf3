/* kw-test-util.c: what the ui tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "kw-demo.h"
#include "kw-test-util.h"
#include "kw-test-files.h"
#include "kw-window-private.h"

/* Warnings stay fatal in the ui tests, but two are the environment or the
 * toolkit, not a defect of ours, and only written:
 * - without a session bus (xvfb-run without dbus-run-session) GTK warns;
 * - GTK 4.8 sometimes warns "Trying to snapshot GtkListItemWidget … without
 *   a current allocation" when a list view's rows change between its layout
 *   and its snapshot (about once in twenty loaded runs, never with a wrong
 *   picture).
 * A structured log's fatality cannot be undone by a writer, so warnings are
 * taken out of the always-fatal set and made fatal here instead. */
static gboolean warnings_fatal;

static gboolean
is_tolerated (const char *message)
{
  return strstr (message, "session bus") != NULL
         || strstr (message, "without a current allocation") != NULL;
}

static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  GLogWriterOutput out;

  if (level & G_LOG_LEVEL_WARNING)
    for (gsize i = 0; i < n_fields; i++)
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0
          && is_tolerated (fields[i].value))
        return g_log_writer_default (level & ~G_LOG_FLAG_FATAL, fields, n_fields, user_data);
  out = g_log_writer_default (level, fields, n_fields, user_data);
  if ((level & G_LOG_LEVEL_WARNING) && warnings_fatal)
    abort ();
  return out;
}

void
kw_test_init (int    *argc,
              char ***argv)
{
  GLogLevelFlags fatal;

  g_log_set_writer_func (write_log, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  warnings_fatal = (fatal & G_LOG_LEVEL_WARNING) != 0;
  g_log_set_always_fatal (fatal & ~G_LOG_LEVEL_WARNING);
  adw_init ();
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
kw_test_settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* KW_TEST_WAIT_UNTIL, with what it waits for in words (printf-style). */
#define WAIT_UNTIL(expr, ...) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + (gint64) KW_TEST_TIMEOUT_MS * 1000; \
    while (!(expr)) \
      if (!kw_test_iterate (deadline_)) \
        { \
          if (!(expr)) \
            { \
              g_autofree char *what_ = g_strdup_printf (__VA_ARGS__); \
              kw_test_timed_out (what_, KW_TEST_TIMEOUT_MS, __FILE__, __LINE__, G_STRFUNC); \
            } \
          break; \
        } \
  } G_STMT_END

/* How often a condition is looked at when no event wakes the loop: a
 * thread's result or a file is not an event of the main context. */
#define POLL_MS 5

static gboolean
on_wake_cb (gpointer data)
{
  *(guint *) data = 0;
  return G_SOURCE_REMOVE;
}

gboolean
kw_test_iterate (gint64 deadline)
{
  gint64 now = g_get_monotonic_time ();
  guint wake;

  if (now >= deadline)
    return FALSE;
  wake = g_timeout_add (MIN (POLL_MS, (deadline - now) / 1000 + 1), on_wake_cb, &wake);
  g_main_context_iteration (NULL, TRUE);
  if (wake != 0)
    g_source_remove (wake);
  return TRUE;
}

void
kw_test_timed_out (const char *what,
                   guint       ms,
                   const char *file,
                   int         line,
                   const char *func)
{
  g_autofree char *message = g_strdup_printf ("timed out after %u ms waiting for: %s", ms, what);

  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

void
kw_test_wait_for_full (KwTestCondition  cond,
                       gpointer         data,
                       guint            timeout_ms,
                       const char      *what,
                       const char      *file,
                       int              line,
                       const char      *func)
{
  guint ms = timeout_ms ? timeout_ms : KW_TEST_TIMEOUT_MS;
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (!cond (data))
    if (!kw_test_iterate (deadline))
      {
        if (!cond (data))
          kw_test_timed_out (what, ms, file, line, func);
        return;
      }
}

void
kw_test_flush (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The function behind the macro, for callers that take its address. */
void
(kw_test_wait_for) (KwTestCondition cond,
                    gpointer        data,
                    guint           timeout_ms)
{
  kw_test_wait_for_full (cond, data, timeout_ms, "a condition", __FILE__, __LINE__, G_STRFUNC);
}

gboolean
kw_test_is_shown (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0
         && gtk_widget_get_height (widget) > 0;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *painted)
{
  (*painted)++;
}

void
kw_test_wait_frames (GtkWidget *widget,
                     guint      n)
{
  GdkFrameClock *clock;
  guint painted = 0;
  gulong id;

  WAIT_UNTIL (gtk_widget_get_frame_clock (widget) != NULL, "a frame clock for %s (realized)", G_OBJECT_TYPE_NAME (widget));
  clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  while (painted < n)
    {
      guint before = painted;

      gtk_widget_queue_draw (widget);
      WAIT_UNTIL (painted > before, "frame %u of %u painted for %s", painted + 1, n, G_OBJECT_TYPE_NAME (widget));
      if (painted == before)
        break;
    }
  g_signal_handler_disconnect (clock, id);
  g_object_unref (clock);
}

static gboolean
in_transition (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (in_transition (child))
      return TRUE;
  return FALSE;
}

void
kw_test_wait_transitions (GtkWidget *root)
{
  WAIT_UNTIL (!in_transition (root), "no stack or leaflet under %s in a transition", G_OBJECT_TYPE_NAME (root));
  kw_test_wait_frames (root, 1);
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* Where a toast's border box sits at rest: its margin box at the
 * overlay's bottom (allocate_toast () in libadwaita 1.2). */
static float
rest_y (GtkWidget *toast,
        GtkWidget *overlay)
{
  GtkBorder margin;
  GtkRequisition size;

  gtk_style_context_get_margin (gtk_widget_get_style_context (toast), &margin);
  gtk_widget_get_preferred_size (toast, NULL, &size);
  return (float) (gtk_widget_get_height (overlay) - MIN (size.height, gtk_widget_get_height (overlay))
                  + margin.top);
}

/* The toast an overlay shows now (not one that is going: those take no
 * input), at rest: libadwaita 1.2 moves it up from below the overlay's
 * bottom edge while it comes in, and leaves the offset out once its show
 * animation is done. */
static GtkWidget *
find_shown_toast (GtkWidget  *widget,
                  const char *title)
{
  if (ADW_IS_TOAST_OVERLAY (widget) && gtk_widget_get_mapped (widget))
    for (GtkWidget *toast = gtk_widget_get_first_child (widget); toast; toast = gtk_widget_get_next_sibling (toast))
      {
        graphene_rect_t bounds;

        if (toast == adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (widget))
            || g_strcmp0 (gtk_widget_get_css_name (toast), "toast") != 0
            || !gtk_widget_get_can_target (toast) || !kw_test_is_shown (toast)
            || (title != NULL && !shows_label (toast, title))
            || !gtk_widget_compute_bounds (toast, widget, &bounds))
          continue;
        if (bounds.origin.y == rest_y (toast, widget))
          return toast;
      }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_toast (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
kw_test_wait_toast_shown (GtkWidget  *root,
                          const char *title)
{
  GtkWidget *toast = NULL;

  WAIT_UNTIL ((toast = find_shown_toast (root, title)) != NULL, "a toast “%s” fully shown in %s",
              title ? title : "(any)", G_OBJECT_TYPE_NAME (root));
  return toast;
}

static GtkWindow *
find_toplevel (GType       type,
               const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window))
          && (heading == NULL || (ADW_IS_MESSAGE_DIALOG (window)
                                  && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)))
        return window;
    }
  return NULL;
}

GtkWindow *
kw_test_wait_toplevel (GType       type,
                       const char *heading)
{
  GtkWindow *window = NULL;

  WAIT_UNTIL ((window = find_toplevel (type, heading)) != NULL, "a visible %s%s%s%s", g_type_name (type),
              heading ? " “" : "", heading ? heading : "", heading ? "”" : "");
  return window;
}

void
kw_test_wait_not_busy (KwWindow *window)
{
  WAIT_UNTIL (!_kw_window_get_busy (window), "the window not busy");
}

struct _KwTestSignal
{
  gpointer instance;
  gulong   id;
  guint    count;
};

/* Any signal's arguments, whatever their types: only counted. */
static void
count_marshal (GClosure     *closure,
               GValue       *return_value,
               guint         n_param_values,
               const GValue *param_values,
               gpointer      invocation_hint,
               gpointer      marshal_data)
{
  ((KwTestSignal *) closure->data)->count++;
}

KwTestSignal *
kw_test_signal_new (gpointer    instance,
                    const char *detailed_signal)
{
  KwTestSignal *signal = g_new0 (KwTestSignal, 1);
  GClosure *closure = g_closure_new_simple (sizeof (GClosure), signal);

  g_closure_set_marshal (closure, count_marshal);
  signal->instance = instance;
  g_object_add_weak_pointer (instance, &signal->instance);
  signal->id = g_signal_connect_closure (instance, detailed_signal, closure, FALSE);
  g_assert_cmpuint (signal->id, !=, 0);
  return signal;
}

guint
kw_test_signal_count (KwTestSignal *signal)
{
  return signal->count;
}

void
kw_test_signal_free (KwTestSignal *signal)
{
  if (signal->instance != NULL)
    {
      g_signal_handler_disconnect (signal->instance, signal->id);
      g_object_remove_weak_pointer (signal->instance, &signal->instance);
    }
  g_free (signal);
}

void
kw_test_fixture_setup (KwTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n = GPOINTER_TO_UINT (data);

  fixture->dir = g_dir_make_tmp ("kwartier-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = kw_store_open (path, &error);
  g_assert_no_error (error);
  if (data == KW_TEST_DEMO)
    kw_demo_load (fixture->store, &error);
  else if (n > 1)
    kw_demo_generate (fixture->store, n, 1, &error);
  g_assert_no_error (error);
}

static void
pop_down (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget))
    gtk_popover_popdown (GTK_POPOVER (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    pop_down (child);
}

void
kw_test_fixture_teardown (KwTestFixture *fixture,
                          gconstpointer  data)
{
  /* A popover a test left open goes first, and what that left in the loop
   * runs: GTK 4.8 can otherwise run a tooltip's timeout for the popover
   * after the window and the popover's surface are gone
   * (gdk_surface_get_device_position () on no surface). */
  if (fixture->window != NULL)
    {
      pop_down (GTK_WIDGET (fixture->window));
      kw_test_flush ();
    }
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* what the window's going left in the loop, before the store goes */
  kw_test_flush ();
  g_clear_object (&fixture->store);
  kw_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

void
kw_test_fixture_open (KwTestFixture *fixture)
{
  kw_test_fixture_open_full (fixture, TRUE);
}

void
kw_test_fixture_open_full (KwTestFixture *fixture,
                           gboolean       first_run_done)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "first-run-done", first_run_done);
  g_settings_set_string (settings, "last-view", "contacts");
  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 800);
  fixture->window = kw_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  /* mapped, laid out and drawn once */
  kw_test_wait_mapped (GTK_WIDGET (fixture->window));
  kw_test_wait_frames (GTK_WIDGET (fixture->window), 1);
}

char *
kw_test_create (KwStore    *store,
                const char *type_name,
                ...)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (type_name, NULL);
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list args;
  char *id;

  va_start (args, type_name);
  while ((field = va_arg (args, const char *)) != NULL)
    g_assert_true (kw_changeset_set_text (changes, field, va_arg (args, const char *), &error));
  va_end (args);
  id = kw_store_create (store, changes, &error);
  g_assert_no_error (error);
  return id;
}

gboolean
kw_test_can_press_keys (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return GDK_IS_X11_DISPLAY (gdk_display_get_default ()) && xdotool != NULL;
}

void
kw_test_press_keys (GtkWidget  *window,
                    const char *keys)
{
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  const char *argv[] = { "xdotool", "windowfocus", "--sync", xid, "key", "--clearmodifiers", keys, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

extern int _nl_msg_cat_cntr;

void
kw_test_use_dutch (gboolean dutch)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  ++_nl_msg_cat_cntr;  /* gettext forgets what it looked up */
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (dutch)
    g_setenv ("LANGUAGE", "nl", TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

GtkWidget *
kw_test_find_type (GtkWidget *root,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kw_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
kw_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_str_equal (gtk_widget_get_name (root), name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kw_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}
