/* test-finalise.c: finalised minutes (kw_meetings_finalise / _reopen)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spec/export-format.md "Merge rules", finalised minutes. Two databases,
 * Anna's and Bram's, with wall clocks of their own: Anna finalises,
 * Bram edits before or after seeing it, and exports and imports carry
 * the edits. The store refuses local writes while finalised.
 */
#include "config.h"

#include <string.h>

#include "kw-conflicts.h"
#include "kw-error.h"
#include "kw-export.h"
#include "kw-hlc.h"
#include "kw-import.h"
#include "kw-meetings.h"
#include "kw-test-files.h"
#include "kw-test-store.h"

#define T0 G_GINT64_CONSTANT (1796300000000)  /* ms, December 2026 */
#define MINUTE G_GINT64_CONSTANT (60000)

typedef struct {
  char    *dir;
  KwStore *anna;
  KwStore *bram;
  gint64   clock_anna;
  gint64   clock_bram;
  char    *meeting;
  char    *item1;
  char    *item2;
  char    *person;
} Fixture;

static KwStore *
open_store (Fixture    *f,
            const char *name,
            gint64     *clock,
            const char *organiser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  KwStore *store = kw_store_open (path, &error);

  g_assert_no_error (error);
  kw_store_set_wall_clock (store, kw_test_wall_clock, clock);
  g_assert_true (kw_store_set_organiser (store, organiser, NULL));
  return store;
}

static char *
create (KwStore    *store,
        const char *type,
        ...)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (type, NULL);
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list args;
  char *id;

  va_start (args, type);
  while ((field = va_arg (args, const char *)) != NULL)
    kw_changeset_set_string (changes, field, va_arg (args, const char *));
  va_end (args);
  id = kw_store_create (store, changes, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
set_text (KwStore     *store,
          const char  *type,
          const char  *id,
          const char  *field,
          const char  *value,
          GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new (type, NULL);

  kw_changeset_set_string (changes, field, value);
  return kw_store_update (store, id, changes, error);
}

static char *
get_text (KwStore    *store,
          const char *type,
          const char *id,
          const char *field)
{
  g_autoptr(KwRecord) record = kw_store_get (store, type, id, NULL);

  g_assert_nonnull (record);
  return g_strdup (kw_record_get_string (record, field));
}

static char *
get_stamp (KwStore    *store,
           const char *type,
           const char *id,
           const char *field)
{
  g_autoptr(KwRecord) record = kw_store_get (store, type, id, NULL);

  g_assert_nonnull (record);
  return g_strdup (kw_record_get_stamp (record, field));
}

/* Anna's meeting with minutes, two agenda items (notes, a decision) and
 * an attendance, synced to Bram. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *att = NULL;

  f->dir = g_dir_make_tmp ("kw-test-finalise-XXXXXX", &error);
  g_assert_no_error (error);
  f->clock_anna = f->clock_bram = T0;
  f->anna = open_store (f, "anna.db", &f->clock_anna, "Anna");
  f->bram = open_store (f, "bram.db", &f->clock_bram, "Bram");
  f->meeting = create (f->anna, "meeting", "title", "Bewonersberaad", "minutes", "Opening om acht uur", NULL);
  f->item1 = create (f->anna, "agenda_item", "meeting", f->meeting, "title", "Speeltuin",
                     "notes", "Iedereen wil schommels", "decision", "We vragen een offerte", NULL);
  f->item2 = create (f->anna, "agenda_item", "meeting", f->meeting, "title", "Rondvraag", NULL);
  f->person = create (f->anna, "person", "name", "Kees Testpersoon", NULL);
  att = create (f->anna, "attendance", "meeting", f->meeting, "person", f->person, "status", "present", NULL);
  f->clock_anna += MINUTE;
  f->clock_bram += MINUTE;
  kw_test_sync (f->anna, f->bram, f->dir, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->anna);
  g_clear_object (&f->bram);
  kw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->meeting);
  g_free (f->item1);
  g_free (f->item2);
  g_free (f->person);
}

static void
finalise (KwStore    *store,
          const char *meeting)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_meetings_finalise (store, meeting, &error));
  g_assert_no_error (error);
}

/* Tests */

static void
test_one_stamp (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KwRecord) before1 = kw_store_get (f->anna, "agenda_item", f->item1, NULL);
  g_autoptr(KwRecord) meeting = NULL;
  g_autoptr(KwRecord) item1 = NULL;
  g_autoptr(KwRecord) item2 = NULL;
  g_autoptr(GError) error = NULL;
  const char *stamp;

  f->clock_anna += MINUTE;
  g_assert_false (kw_meetings_is_finalised (f->anna, f->meeting));
  finalise (f->anna, f->meeting);
  g_assert_true (kw_meetings_is_finalised (f->anna, f->meeting));
  meeting = kw_store_get (f->anna, "meeting", f->meeting, NULL);
  item1 = kw_store_get (f->anna, "agenda_item", f->item1, NULL);
  item2 = kw_store_get (f->anna, "agenda_item", f->item2, NULL);
  stamp = kw_record_get_stamp (meeting, "finalised_at");
  g_assert_true (kw_hlc_is_valid (stamp));
  g_assert_cmpint (kw_hlc_get_ms (stamp), >=, f->clock_anna);
  /* the minutes, every item's notes and decision, finalised_at and _by:
   * one stamp, the values as they were */
  g_assert_cmpstr (kw_record_get_stamp (meeting, "minutes"), ==, stamp);
  g_assert_cmpstr (kw_record_get_stamp (meeting, "finalised_by"), ==, stamp);
  g_assert_cmpstr (kw_record_get_stamp (item1, "notes"), ==, stamp);
  g_assert_cmpstr (kw_record_get_stamp (item1, "decision"), ==, stamp);
  g_assert_cmpstr (kw_record_get_stamp (item2, "notes"), ==, stamp);
  g_assert_cmpstr (kw_record_get_stamp (item2, "decision"), ==, stamp);
  g_assert_cmpstr (kw_record_get_prev (item1, "notes"), ==, kw_record_get_stamp (before1, "notes"));
  g_assert_cmpstr (kw_record_get_string (meeting, "minutes"), ==, "Opening om acht uur");
  g_assert_cmpstr (kw_record_get_string (item1, "notes"), ==, "Iedereen wil schommels");
  g_assert_cmpstr (kw_record_get_string (item1, "decision"), ==, "We vragen een offerte");
  g_assert_null (kw_record_get_string (item2, "notes"));
  g_assert_cmpstr (kw_record_get_string (meeting, "finalised_at"), ==, "2026-12-03T12:15:20Z");
  g_assert_cmpstr (kw_record_get_string (meeting, "finalised_by"), ==, "Anna");
  /* other fields keep their stamps */
  g_assert_cmpstr (kw_record_get_stamp (item1, "title"), ==, kw_record_get_stamp (before1, "title"));
  /* no local later edit, so nothing changed after finalising */
  g_assert_false (kw_meetings_changed_after_finalising (f->anna, f->meeting, NULL, NULL));

  /* twice: refused */
  g_assert_false (kw_meetings_finalise (f->anna, f->meeting, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_FINALISED);
  g_clear_error (&error);
  g_assert_false (kw_meetings_finalise (f->anna, "no-such-meeting", &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NOT_FOUND);
}

static char *
attendance_id (Fixture *f)
{
  return kw_id_derive ("attendance", (const char * const[]) { f->meeting, f->person, NULL });
}

/* Every local write to the meeting, its items and its attendance. */
static void
assert_writes (Fixture  *f,
               gboolean  allowed)
{
  g_autoptr(KwChangeset) item = kw_changeset_new ("agenda_item", NULL);
  g_autoptr(KwChangeset) att = kw_changeset_new ("attendance", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_item = NULL;
  g_autofree char *new_att = NULL;
  g_autofree char *other = create (f->anna, "person", "name", "Joke Testpersoon", NULL);
  g_autofree char *att_id = attendance_id (f);
  GError **e = allowed ? NULL : &error;

#define CHECK(ok) G_STMT_START {                                                           \
    gboolean ok_ = (ok);                                                                   \
    if (allowed)                                                                           \
      g_assert_true (ok_);                                                                 \
    else                                                                                   \
      {                                                                                    \
        g_assert_false (ok_);                                                              \
        g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_FINALISED);                    \
        g_assert_nonnull (strstr (error->message, "“Bewonersberaad” are finalised; reopen them first")); \
        g_clear_error (&error);                                                            \
      }                                                                                    \
  } G_STMT_END

  CHECK (set_text (f->anna, "meeting", f->meeting, "minutes", "Anders", e));
  CHECK (set_text (f->anna, "agenda_item", f->item1, "decision", "Anders", e));
  CHECK (set_text (f->anna, "attendance", att_id, "status", "late", e));
  kw_changeset_set_string (item, "meeting", f->meeting);
  kw_changeset_set_string (item, "title", "Nog een punt");
  CHECK ((new_item = kw_store_create (f->anna, item, e)) != NULL);
  kw_changeset_set_string (att, "meeting", f->meeting);
  kw_changeset_set_string (att, "person", other);
  CHECK ((new_att = kw_store_create (f->anna, att, e)) != NULL);
  CHECK (kw_store_pend_delete (f->anna, "agenda_item", f->item2, e));
  if (allowed)
    kw_store_cancel_pending (f->anna, "agenda_item", f->item2);
  CHECK (kw_store_delete (f->anna, "agenda_item", allowed ? new_item : f->item2, e));
  CHECK (kw_store_delete (f->anna, "attendance", allowed ? new_att : att_id, e));
#undef CHECK
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  finalise (f->anna, f->meeting);
  assert_writes (f, FALSE);
  g_assert_false (kw_store_delete (f->anna, "meeting", f->meeting, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_FINALISED);
  g_clear_error (&error);
  /* the values are what they were */
  title = get_text (f->anna, "agenda_item", f->item1, "decision");
  g_assert_cmpstr (title, ==, "We vragen een offerte");
  /* no back door: the fields of the lock are not written by a put */
  g_assert_false (set_text (f->anna, "meeting", f->meeting, "finalised_at", NULL, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kw_meetings_reopen (f->anna, f->meeting, "typo in besluit 2", &error));
  g_assert_no_error (error);
  g_assert_false (kw_meetings_is_finalised (f->anna, f->meeting));
  assert_writes (f, TRUE);
  g_assert_true (kw_store_delete (f->anna, "meeting", f->meeting, &error));
  g_assert_no_error (error);
}

static void
test_no_back_door (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("meeting", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  /* not finalised: a put of finalised_at does not finalise it either */
  g_assert_false (set_text (f->anna, "meeting", f->meeting, "finalised_at", "2026-12-03T11:00:00Z", &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (set_text (f->anna, "meeting", f->meeting, "reopen_log", "", &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  kw_changeset_set_string (changes, "title", "Nieuw");
  kw_changeset_set_string (changes, "finalised_by", "Anna");
  g_assert_null ((id = kw_store_create (f->anna, changes, &error)));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_assert_false (kw_meetings_is_finalised (f->anna, f->meeting));
}

static void
test_reopen_log (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *by = NULL;
  g_autofree char *at = NULL;

  /* not finalised, no reason: refused */
  g_assert_false (kw_meetings_reopen (f->anna, f->meeting, "te vroeg", &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  finalise (f->anna, f->meeting);
  g_assert_false (kw_meetings_reopen (f->anna, f->meeting, "  \n", &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kw_meetings_is_finalised (f->anna, f->meeting));

  g_assert_true (kw_meetings_reopen (f->anna, f->meeting, "typo in besluit 2", &error));
  g_assert_no_error (error);
  f->clock_anna += 90 * MINUTE;
  finalise (f->anna, f->meeting);
  f->clock_anna += 24 * 60 * MINUTE;
  g_assert_true (kw_meetings_reopen (f->anna, f->meeting, "actie\nvergeten", &error));
  g_assert_no_error (error);
  log = get_text (f->anna, "meeting", f->meeting, "reopen_log");
  /* local time (TZ=Europe/Amsterdam in main) */
  g_assert_cmpstr (log, ==, "2026-12-03 13:14 · Anna: typo in besluit 2\n"
                            "2026-12-04 14:44 · Anna: actie vergeten");
  at = get_text (f->anna, "meeting", f->meeting, "finalised_at");
  g_assert_null (at);
  by = get_text (f->anna, "meeting", f->meeting, "finalised_by");
  g_assert_cmpstr (by, ==, "Anna");
  /* the log travels */
  kw_test_sync (f->anna, f->bram, f->dir, 0);
  g_clear_pointer (&log, g_free);
  log = get_text (f->bram, "meeting", f->meeting, "reopen_log");
  g_assert_nonnull (strstr (log, "\n2026-12-04 14:44 · Anna: actie vergeten"));
}

/* Bram edits a decision before Anna's finalisation reaches him; Anna
 * finalises later on her clock and imports his edit: it loses, and is a
 * conflict (he had not seen the finalisation). */
static void
test_older_edit_loses (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *decision = NULL;
  KwConflict *c;

  g_assert_true (set_text (f->bram, "agenda_item", f->item1, "decision", "Bram: geen offerte", &error));
  g_assert_no_error (error);
  f->clock_anna += 5 * MINUTE;
  finalise (f->anna, f->meeting);
  kw_test_sync (f->bram, f->anna, f->dir, 1);
  decision = get_text (f->anna, "agenda_item", f->item1, "decision");
  g_assert_cmpstr (decision, ==, "We vragen een offerte");
  g_assert_true (kw_meetings_is_finalised (f->anna, f->meeting));
  g_assert_false (kw_meetings_changed_after_finalising (f->anna, f->meeting, NULL, NULL));
  conflicts = kw_import_list_conflicts (f->anna, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (c->id, ==, f->item1);
  g_assert_cmpstr (c->field, ==, "decision");
  g_assert_cmpstr (c->value_json, ==, "\"Bram: geen offerte\"");
  g_assert_cmpstr (c->organiser, ==, "Bram");

  /* and Bram, importing Anna's, ends the same, finalised, with his
   * decision kept aside as a conflict there too */
  kw_test_sync (f->anna, f->bram, f->dir, 1);
  g_clear_pointer (&decision, g_free);
  decision = get_text (f->bram, "agenda_item", f->item1, "decision");
  g_assert_cmpstr (decision, ==, "We vragen een offerte");
  g_assert_true (kw_meetings_is_finalised (f->bram, f->meeting));
}

/* An edit Bram made after he had the finalisation is no conflict and
 * loses nothing: Bram cannot write locally while finalised, so he edits
 * a field an import gives him after the finalisation: Bram's edit is the
 * later one (his clock runs ahead) and wins on Anna's side too. */
static void
test_later_edit_wins (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *who = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *final = NULL;

  /* Bram is not finalised yet: he edits, at a later time than Anna's
   * finalisation */
  f->clock_anna += MINUTE;
  finalise (f->anna, f->meeting);
  f->clock_bram += 30 * MINUTE;
  g_assert_true (set_text (f->bram, "agenda_item", f->item1, "notes", "Aanvulling van Bram", &error));
  g_assert_no_error (error);
  /* Bram had not seen the finalisation; his edit is later: it wins, and
   * the finalised minutes show that they changed */
  kw_test_sync (f->bram, f->anna, f->dir, 1);
  notes = get_text (f->anna, "agenda_item", f->item1, "notes");
  g_assert_cmpstr (notes, ==, "Aanvulling van Bram");
  g_assert_true (kw_meetings_is_finalised (f->anna, f->meeting));
  g_assert_true (kw_meetings_changed_after_finalising (f->anna, f->meeting, &who, &when));
  g_assert_cmpstr (who, ==, "Bram");
  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_to_unix (when), ==, (f->clock_bram) / 1000);
  stamp = get_stamp (f->anna, "agenda_item", f->item1, "notes");
  final = get_stamp (f->anna, "meeting", f->meeting, "finalised_at");
  g_assert_cmpstr (stamp, >, final);
  /* local edits stay refused on Anna's side */
  g_assert_false (set_text (f->anna, "agenda_item", f->item1, "notes", "Anna weer", &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_FINALISED);
}

/* An agenda item a colleague removed after the finalisation (he had not
 * seen it yet): the tombstone keeps no fields, yet the minutes say they
 * changed after finalising, and who changed them. */
static void
test_later_delete (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(KwRecord) gone = NULL;
  g_autofree char *who = NULL;

  f->clock_anna += MINUTE;
  finalise (f->anna, f->meeting);
  f->clock_bram += 30 * MINUTE;
  g_assert_true (kw_store_delete (f->bram, "agenda_item", f->item2, &error));
  g_assert_no_error (error);
  kw_test_sync (f->bram, f->anna, f->dir, 0);
  gone = kw_store_get (f->anna, "agenda_item", f->item2, NULL);
  g_assert_null (gone);
  g_assert_true (kw_meetings_is_finalised (f->anna, f->meeting));
  g_assert_true (kw_meetings_changed_after_finalising (f->anna, f->meeting, &who, &when));
  g_assert_cmpstr (who, ==, "Bram");
  g_assert_cmpint (g_date_time_to_unix (when), ==, f->clock_bram / 1000);
}

/* A colleague who has the finalisation is refused too; he reopens and
 * edits: sequential later edits, no conflict, and the minutes are open
 * again on both sides. */
static void
test_later_sequential (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *who = NULL;
  g_autofree char *minutes = NULL;

  finalise (f->anna, f->meeting);
  kw_test_sync (f->anna, f->bram, f->dir, 0);
  g_assert_true (kw_meetings_is_finalised (f->bram, f->meeting));
  g_assert_false (set_text (f->bram, "meeting", f->meeting, "minutes", "Bram", &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_FINALISED);
  g_clear_error (&error);
  f->clock_bram += 10 * MINUTE;
  g_assert_true (kw_meetings_reopen (f->bram, f->meeting, "naam gespeld", &error));
  g_assert_true (set_text (f->bram, "meeting", f->meeting, "minutes", "Opening om acht uur, met Bram", &error));
  g_assert_no_error (error);
  kw_test_sync (f->bram, f->anna, f->dir, 0);
  minutes = get_text (f->anna, "meeting", f->meeting, "minutes");
  g_assert_cmpstr (minutes, ==, "Opening om acht uur, met Bram");
  /* reopened by Bram: not finalised, nothing to show */
  g_assert_false (kw_meetings_is_finalised (f->anna, f->meeting));
  g_assert_false (kw_meetings_changed_after_finalising (f->anna, f->meeting, &who, NULL));
  g_assert_null (who);
}

/* What is deleted with a person (their attendance, when they are
 * forgotten) is not refused: only writes to the meeting's own records. */
static void
test_person_delete (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *att = attendance_id (f);
  g_autoptr(KwRecord) gone = NULL;

  finalise (f->anna, f->meeting);
  g_assert_true (kw_store_delete (f->anna, "person", f->person, &error));
  g_assert_no_error (error);
  gone = kw_store_lookup (f->anna, "attendance", att, NULL);
  g_assert_nonnull (gone);
  g_assert_true (kw_record_is_deleted (gone));
  g_assert_true (kw_meetings_is_finalised (f->anna, f->meeting));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/kw/finalise/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("one-stamp", test_one_stamp);
  ADD ("refused", test_refused);
  ADD ("no-back-door", test_no_back_door);
  ADD ("reopen-log", test_reopen_log);
  ADD ("older-edit-loses", test_older_edit_loses);
  ADD ("later-edit-wins", test_later_edit_wins);
  ADD ("later-delete", test_later_delete);
  ADD ("later-sequential", test_later_sequential);
  ADD ("person-delete", test_person_delete);
#undef ADD
  return g_test_run ();
}
