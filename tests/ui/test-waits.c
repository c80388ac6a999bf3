/* test-waits.c: the waits of kw-test-util, on real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each wait returns once its condition holds (also when nothing but a
 * thread makes it hold), not before, and fails the test in words when it
 * does not hold in time. The toast wait is checked against libadwaita
 * 1.2's show animation: 300 ms, 500 ms when the toast replaces one.
 */
#include "config.h"

#include "kw-test-util.h"

static gint64
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000;
}

static gboolean
animations_enabled (void)
{
  gboolean enabled;

  g_object_get (gtk_settings_get_default (), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

static gboolean
on_set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* A condition that a timeout makes true: not before it. */
static void
test_condition (void)
{
  gboolean flag = FALSE;
  gint64 start = g_get_monotonic_time ();

  g_timeout_add (60, on_set_flag_cb, &flag);
  kw_test_wait_for (is_set, &flag, 0);
  g_assert_true (flag);
  g_assert_cmpint (elapsed_ms (start), >=, 55);
  g_assert_cmpint (elapsed_ms (start), <, 5000);
}

/* A condition that holds already: at once, nothing dispatched. */
static void
test_already_true (void)
{
  gboolean flag = TRUE, idle_ran = FALSE;
  guint id = g_idle_add (on_set_flag_cb, &idle_ran);

  kw_test_wait_for (is_set, &flag, 0);
  KW_TEST_WAIT_UNTIL (flag);
  g_assert_false (idle_ran);
  g_source_remove (id);
}

static gpointer
set_later_thread (gpointer data)
{
  g_usleep (80 * 1000);
  g_atomic_int_set ((int *) data, 1);
  return NULL;
}

/* A thread's result wakes no main context: looked at all the same. */
static void
test_from_thread (void)
{
  int flag = 0;
  gint64 start = g_get_monotonic_time ();
  GThread *thread = g_thread_new ("set-later", set_later_thread, &flag);

  KW_TEST_WAIT_UNTIL (g_atomic_int_get (&flag) == 1);
  g_assert_cmpint (elapsed_ms (start), >=, 75);
  g_assert_cmpint (elapsed_ms (start), <, 5000);
  g_thread_join (thread);
}

/* A condition that never holds fails the test, and says which. */
static void
test_timeout_fails (void)
{
  if (g_test_subprocess ())
    {
      gboolean never_set = FALSE;

      KW_TEST_WAIT_UNTIL_MS (never_set, 50);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*timed out after 50 ms waiting for: never_set*");
}

static void
test_timeout_fails_function (void)
{
  if (g_test_subprocess ())
    {
      gint64 start = g_get_monotonic_time ();

      kw_test_wait_for (never, NULL, 80);
      /* not reached: the wait failed the test after 80 ms */
      g_printerr ("returned after %" G_GINT64_FORMAT " ms\n", elapsed_ms (start));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*timed out after 80 ms waiting for: never (NULL)*");
  g_test_trap_assert_stderr_unmatched ("*returned after*");
}

static void
test_settle (void)
{
  gint64 start = g_get_monotonic_time ();

  kw_test_settle (40);
  g_assert_cmpint (elapsed_ms (start), >=, 40);
}

static GtkWindow *
new_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 400, 300);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  return window;
}

static gboolean
on_show_cb (gpointer data)
{
  gtk_widget_set_visible (data, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *painted)
{
  (*painted)++;
}

/* Mapped and given a size; frames painted, counted by the clock. */
static void
test_mapped_and_frames (void)
{
  GtkWidget *label = gtk_label_new ("Later");
  GtkWindow *window;
  guint painted = 0;
  gulong id;

  gtk_widget_set_visible (label, FALSE);
  window = new_window (label);
  kw_test_wait_mapped (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (label));
  g_timeout_add (30, on_show_cb, label);
  kw_test_wait_mapped (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpint (gtk_widget_get_width (label), >, 0);

  id = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                         G_CALLBACK (on_after_paint_cb), &painted);
  kw_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (painted, >=, 2);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), id);
  gtk_window_destroy (window);
}

static gboolean
on_append_cb (gpointer data)
{
  g_autoptr(GtkStringObject) item = gtk_string_object_new ("item");

  g_list_store_append (data, item);
  return G_SOURCE_REMOVE;
}

/* A model's count, and a signal's emissions (any arguments). */
static void
test_n_items_and_signal (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(KwTestSignal) changed = kw_test_signal_new (store, "items-changed");

  g_timeout_add (20, on_append_cb, store);
  g_timeout_add (40, on_append_cb, store);
  kw_test_wait_n_items (store, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_cmpuint (kw_test_signal_count (changed), ==, 2);
  g_timeout_add (20, on_append_cb, store);
  kw_test_signal_wait (changed, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
}

/* A crossfade: waited for to its end, the old child unmapped. */
static void
test_transitions (void)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *first = gtk_label_new ("First");
  GtkWidget *second = gtk_label_new ("Second");
  GtkWindow *window;
  gint64 start;

  gtk_stack_set_transition_type (GTK_STACK (stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_set_transition_duration (GTK_STACK (stack), 200);
  gtk_stack_add_child (GTK_STACK (stack), first);
  gtk_stack_add_child (GTK_STACK (stack), second);
  window = new_window (stack);
  kw_test_wait_mapped (first);
  kw_test_wait_frames (GTK_WIDGET (window), 1);
  start = g_get_monotonic_time ();
  gtk_stack_set_visible_child (GTK_STACK (stack), second);
  kw_test_wait_transitions (GTK_WIDGET (window));
  g_assert_false (gtk_stack_get_transition_running (GTK_STACK (stack)));
  g_assert_false (gtk_widget_get_mapped (first));
  g_assert_true (gtk_widget_get_mapped (second));
  if (animations_enabled ())
    g_assert_cmpint (elapsed_ms (start), >=, 150);
  gtk_window_destroy (window);
}

static gboolean
on_present_cb (gpointer data)
{
  gtk_window_present (data);
  return G_SOURCE_REMOVE;
}

static void
test_toplevel (void)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, "Wait For Me", NULL));

  g_timeout_add (30, on_present_cb, dialog);
  g_assert_true (kw_test_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Wait For Me") == GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Fully shown: after libadwaita 1.2's show animation, at rest at the
 * bottom; a toast that replaces one that is going takes 500 ms. */
static void
test_toast_shown (void)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWindow *window;
  AdwToast *first = adw_toast_new ("First Toast");
  AdwToast *second = adw_toast_new ("Second Toast");
  GtkWidget *widget;
  graphene_rect_t at_rest, later;
  gint64 start;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new ("Under the toasts"));
  window = new_window (overlay);
  kw_test_wait_mapped (overlay);
  kw_test_wait_frames (GTK_WIDGET (window), 1);

  adw_toast_set_timeout (first, 0);
  adw_toast_set_timeout (second, 0);
  start = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (first));
  widget = kw_test_wait_toast_shown (GTK_WIDGET (window), "First Toast");
  g_assert_nonnull (widget);
  if (animations_enabled ())
    g_assert_cmpint (elapsed_ms (start), >=, 280);
  /* it does not move any more */
  g_assert_true (gtk_widget_compute_bounds (widget, overlay, &at_rest));
  kw_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_compute_bounds (widget, overlay, &later));
  g_assert_cmpfloat (later.origin.y, ==, at_rest.origin.y);
  g_assert_cmpfloat (at_rest.origin.y + at_rest.size.height, <=, gtk_widget_get_height (overlay));

  start = g_get_monotonic_time ();
  adw_toast_dismiss (first);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (second));
  widget = kw_test_wait_toast_shown (GTK_WIDGET (window), NULL);
  g_assert_nonnull (widget);
  if (animations_enabled ())
    g_assert_cmpint (elapsed_ms (start), >=, 480);
  adw_toast_dismiss (second);
  g_object_unref (first);
  g_object_unref (second);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/kw/ui/waits/condition", test_condition);
  g_test_add_func ("/kw/ui/waits/already-true", test_already_true);
  g_test_add_func ("/kw/ui/waits/from-thread", test_from_thread);
  g_test_add_func ("/kw/ui/waits/timeout-fails", test_timeout_fails);
  g_test_add_func ("/kw/ui/waits/timeout-fails-function", test_timeout_fails_function);
  g_test_add_func ("/kw/ui/waits/settle", test_settle);
  g_test_add_func ("/kw/ui/waits/mapped-and-frames", test_mapped_and_frames);
  g_test_add_func ("/kw/ui/waits/n-items-and-signal", test_n_items_and_signal);
  g_test_add_func ("/kw/ui/waits/transitions", test_transitions);
  g_test_add_func ("/kw/ui/waits/toplevel", test_toplevel);
  g_test_add_func ("/kw/ui/waits/toast-shown", test_toast_shown);

  return g_test_run ();
}
