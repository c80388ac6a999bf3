/* kw-test-util.h: what the ui tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"
#include "kw-window.h"
#include "kw-window-private.h"   /* the window's test hooks */

G_BEGIN_DECLS

typedef struct {
  char     *dir;
  KwStore  *store;
  KwWindow *window;
} KwTestFixture;

void      kw_test_init          (int    *argc,
                                 char ***argv);
/* Waiting for a condition, not a clock.
 *
 * Every wait below iterates the default main context until its condition
 * holds (checked at least every few milliseconds, also when no event
 * comes), and fails the test with a message that names what it waited
 * for when it does not hold within the timeout. A wait whose condition
 * already holds returns at once, without iterating. */

/* How long a wait waits by default before the test fails: long enough
 * for a loaded machine and the sanitizer build. */
#define KW_TEST_TIMEOUT_MS 10000

typedef gboolean (*KwTestCondition) (gpointer data);

/* Until cond (data) is TRUE, at most timeout_ms (0: KW_TEST_TIMEOUT_MS).
 * The macro of the same name says which condition timed out, and where. */
void      kw_test_wait_for      (KwTestCondition cond,
                                 gpointer        data,
                                 guint           timeout_ms);
void      kw_test_wait_for_full (KwTestCondition cond,
                                 gpointer        data,
                                 guint           timeout_ms,
                                 const char     *what,
                                 const char     *file,
                                 int             line,
                                 const char     *func);
#define kw_test_wait_for(cond, data, timeout_ms) \
  kw_test_wait_for_full ((cond), (data), (timeout_ms), #cond " (" #data ")", __FILE__, __LINE__, G_STRFUNC)

/* Until the expression is true (it is evaluated again after each
 * iteration, so it should have no side effects), at most
 * KW_TEST_TIMEOUT_MS or ms: KW_TEST_WAIT_UNTIL (gtk_widget_get_mapped (row)); */
#define KW_TEST_WAIT_UNTIL(expr) KW_TEST_WAIT_UNTIL_MS (expr, KW_TEST_TIMEOUT_MS)
#define KW_TEST_WAIT_UNTIL_MS(expr, ms) \
  G_STMT_START { \
    gint64 kw_test_deadline_ = g_get_monotonic_time () + (gint64) (ms) * 1000; \
    while (!(expr)) \
      if (!kw_test_iterate (kw_test_deadline_)) \
        { \
          if (!(expr)) \
            kw_test_timed_out (#expr, (ms), __FILE__, __LINE__, G_STRFUNC); \
          break; \
        } \
  } G_STMT_END

/* One iteration of the default main context, woken after a few ms at the
 * latest; FALSE (without iterating) once the monotonic deadline is past. */
gboolean  kw_test_iterate       (gint64      deadline);
/* Fails the test: "timed out after ms ms waiting for what". */
void      kw_test_timed_out     (const char *what,
                                 guint       ms,
                                 const char *file,
                                 int         line,
                                 const char *func);

/* Dispatches what the main context has ready now, and returns when
 * nothing more is (idles, a window's going), without waiting for timers. */
void      kw_test_flush         (void);
/* Until the widget is mapped and has been given a size (width and
 * height above 0). */
#define kw_test_wait_mapped(widget) \
  kw_test_wait_for_full (kw_test_is_shown, (widget), 0, "mapped and allocated: " #widget, __FILE__, __LINE__, G_STRFUNC)
gboolean  kw_test_is_shown      (gpointer    widget);
/* Until the model has n items. */
#define kw_test_wait_n_items(model, n) \
  KW_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (model)) == (n))
/* Until the widget's frame clock has painted n more frames (a frame is
 * asked for): whatever changed before has been laid out and drawn. */
void      kw_test_wait_frames   (GtkWidget  *widget,
                                 guint       n);
/* Until no GtkStack or AdwLeaflet under root is in a transition (and the
 * next frame is drawn): the visible child is the only one mapped. */
void      kw_test_wait_transitions (GtkWidget *root);
/* Until a toast overlay under root shows a toast with this title (any
 * toast when NULL), fully: its show animation is over, the toast is at
 * its place at the overlay's bottom. libadwaita 1.2 can crash when a
 * toast is dismissed while it is still coming in. Returns the toast's
 * widget. */
GtkWidget *kw_test_wait_toast_shown (GtkWidget  *root,
                                     const char *title);
/* Until a visible toplevel of this type (and, for an AdwMessageDialog,
 * with this heading; any when NULL) exists; returns it. */
GtkWindow *kw_test_wait_toplevel (GType       type,
                                  const char *heading);
/* Until the window has no store work running in a thread (its busy page
 * is gone). */
void      kw_test_wait_not_busy (KwWindow   *window);

/* Counts a signal's emissions (any signal, whatever its arguments), from
 * the moment it is made: make it before what emits, then wait for the
 * count. The store's ::changed for people:
 *   g_autoptr(KwTestSignal) changed = kw_test_signal_new (store, "changed::person");
 *   ...
 *   kw_test_signal_wait (changed, 1); */
typedef struct _KwTestSignal KwTestSignal;

KwTestSignal *kw_test_signal_new   (gpointer      instance,
                                    const char   *detailed_signal);
guint         kw_test_signal_count (KwTestSignal *signal);
/* Until it was emitted n times in all since kw_test_signal_new(). */
#define kw_test_signal_wait(signal, n) \
  KW_TEST_WAIT_UNTIL (kw_test_signal_count (signal) >= (n))
void          kw_test_signal_free  (KwTestSignal *signal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwTestSignal, kw_test_signal_free)

/* A fixed wait, where nothing observable exists to wait for: "nothing
 * happens within ms" checks (no second pass, no dialog). Say why at each
 * use. */
void      kw_test_settle        (guint   ms);

/* A record of @type_name from FIELD, TEXT pairs (kw_changeset_set_text),
 * NULL-terminated; asserts it was made; its id. */
char     *kw_test_create        (KwStore    *store,
                                 const char *type_name,
                                 ...) G_GNUC_NULL_TERMINATED;
/* A fresh database: the demo data, n generated people, or empty. */
void      kw_test_fixture_setup (KwTestFixture *fixture,
                                 gconstpointer  data);
void      kw_test_fixture_teardown (KwTestFixture *fixture,
                                    gconstpointer  data);
/* Opens the window on the fixture's store and waits for it. */
void      kw_test_fixture_open  (KwTestFixture *fixture);
void      kw_test_fixture_open_full (KwTestFixture *fixture,
                                     gboolean       first_run_done);

#define KW_TEST_DEMO       GUINT_TO_POINTER (0)
#define KW_TEST_EMPTY      GUINT_TO_POINTER (1)
#define KW_TEST_GENERATED  GUINT_TO_POINTER (20000)

/* Real key presses through the X server (XTest, by xdotool), to @window
 * ("alt+Up", "Tab"): what a keyboard does. kw_test_can_press_keys (): an
 * X display and xdotool are there. The tests that use them run alone
 * (tests/ui/meson.build: real_key_tests), or another test's window could
 * take the focus. */
gboolean  kw_test_can_press_keys (void);
void      kw_test_press_keys     (GtkWidget      *window,
                                  const char     *keys);

/* The build's translations (build/po) from now on, Dutch (LANGUAGE=nl)
 * or the English source strings. */
void      kw_test_use_dutch      (gboolean        dutch);

/* The first widget at or below @root, depth first, of @type, or with
 * the widget name @name (gtk_widget_set_name, or the .ui file's name). */
GtkWidget *kw_test_find_type      (GtkWidget      *root,
                                   GType           type);
GtkWidget *kw_test_find_named     (GtkWidget      *root,
                                   const char     *name);

G_END_DECLS
