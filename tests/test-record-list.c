/* test-record-list.c: KwRecordList, the model behind the contacts list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kw-record-list.h"
#include "kw-test-files.h"
#include "kw-test-store.h"

typedef struct {
  char    *dir;
  KwStore *store;
} Fixture;

typedef struct {
  guint n;         /* items-changed emitted */
  guint changing;  /* items-changing emitted */
  guint position, removed, added;
  guint length_while_changing;
} Changes;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("kw-record-list-XXXXXX", &error);
  g_assert_no_error (error);
  fx->store = kw_test_store_open (fx->dir, "kwartier.db");
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  kw_test_remove_tree (fx->dir);
  g_free (fx->dir);
}

static char *
add_person (KwStore    *store,
            const char *name,
            gboolean    key_figure,
            const char *communities)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChangeset) changes = kw_changeset_new ("person", &error);
  char *id;

  kw_changeset_set_string (changes, "name", name);
  kw_changeset_set_bool (changes, "key_figure", key_figure);
  if (communities != NULL)
    kw_changeset_set_string (changes, "communities", communities);
  id = kw_store_create (store, changes, &error);
  g_assert_no_error (error);
  return id;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Changes    *changes)
{
  changes->n++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static void
on_items_changing_cb (KwRecordList *list,
                      guint         position,
                      guint         removed,
                      guint         added,
                      Changes      *changes)
{
  changes->changing++;
  changes->length_while_changing = g_list_model_get_n_items (G_LIST_MODEL (list));
}

static char *
name_at (KwRecordList *list,
         guint         position)
{
  g_autoptr(KwRecord) record = g_list_model_get_item (G_LIST_MODEL (list), position);

  return record ? kw_record_dup_title (record) : NULL;
}

static void
fill (Fixture *fx)
{
  static const char * const names[] = {
    "Zeynep Vos", "Anna de Wit", "Bram Hoekstra", "Kofi Mensah", "Fatima El Amrani", NULL,
  };

  for (guint i = 0; names[i]; i++)
    g_free (add_person (fx->store, names[i], i % 2 == 0, i == 3 ? "Ghanese vrouwen" : NULL));
}

/* Name order, a search, the key-figure filter: one items-changed each,
 * that says exactly what changed, after ::items-changing. */
static void
test_search_and_filter (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(KwRecordList) list = NULL;
  Changes changes = { 0 };
  g_autofree char *first = NULL, *last = NULL, *match = NULL;

  fill (fx);
  list = kw_record_list_new (fx->store, "person");
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_signal_connect (list, "items-changing", G_CALLBACK (on_items_changing_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  first = name_at (list, 0);
  last = name_at (list, 4);
  g_assert_cmpstr (first, ==, "Anna de Wit");
  g_assert_cmpstr (last, ==, "Zeynep Vos");

  /* "ghan" is in Kofi's communities: the full-text index */
  kw_record_list_set_search (list, "ghan");
  g_assert_cmpuint (changes.n, ==, 1);
  g_assert_cmpuint (changes.changing, ==, 1);
  g_assert_cmpuint (changes.length_while_changing, ==, 5);   /* before the change */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (changes.removed - changes.added, ==, 4);
  match = name_at (list, 0);
  g_assert_cmpstr (match, ==, "Kofi Mensah");

  /* the same search again: nothing */
  kw_record_list_set_search (list, "ghan");
  g_assert_cmpuint (changes.n, ==, 1);

  kw_record_list_set_search (list, NULL);
  g_assert_cmpuint (changes.n, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

  kw_record_list_set_filter (list, "key_figure", g_variant_new_boolean (TRUE));
  g_assert_cmpuint (changes.n, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KwRecord) person = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_true (kw_record_get_bool (person, "key_figure"));
    }
  g_signal_handlers_disconnect_by_data (list, &changes);
}

typedef struct {
  gboolean     done;
  Changes     *changes;
} Wait;

static void
on_busy_cb (KwRecordList *list,
            GParamSpec   *pspec,
            Wait         *wait)
{
  if (!kw_record_list_get_busy (list))
    wait->done = TRUE;
}

/* In a thread: the list keeps its rows until the result is there; of
 * three searches typed at once only the last one is published, with one
 * items-changed, and it gives the rows the same search gives at once. */
static void
test_async (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(KwRecordList) list = NULL;
  g_autoptr(KwRecordList) now = NULL;
  Changes changes = { 0 };
  Wait wait = { FALSE, &changes };
  guint n;

  fill (fx);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Anneke Persoon %03u", i);
      g_free (add_person (fx->store, name, FALSE, NULL));
    }
  list = kw_record_list_new (fx->store, "person");
  now = kw_record_list_new (fx->store, "person");
  kw_record_list_set_async (list, TRUE);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 305);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_signal_connect (list, "notify::busy", G_CALLBACK (on_busy_cb), &wait);

  kw_record_list_set_search (list, "a");
  kw_record_list_set_search (list, "an");
  kw_record_list_set_search (list, "ann");
  g_assert_true (kw_record_list_get_busy (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);   /* not yet */
  g_assert_cmpuint (changes.n, ==, 0);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changes.n, ==, 1);

  kw_record_list_set_search (now, "ann");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 301);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (now)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (now)); i++)
    {
      g_autofree char *a = name_at (list, i);
      g_autofree char *b = name_at (now, i);
      g_assert_cmpstr (a, ==, b);
    }

  /* a trigram through the reader's own connection, then the store
   * changes: a person added is found by the next search */
  wait.done = FALSE;
  kw_record_list_set_search (list, "persoon 123");
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_free (add_person (fx->store, "Nieuwe Persoon 123b", FALSE, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);   /* at once */
  g_assert_false (kw_record_list_get_busy (list));
  g_signal_handlers_disconnect_by_data (list, &changes);
  g_signal_handlers_disconnect_by_data (list, &wait);
}

/* Letters with a diacritic sort among their base letters. */
static void
test_folded_order (Fixture       *fx,
                   gconstpointer  data)
{
  static const char * const sorted[] = {
    "Bram Hoekstra", "Çiğdem Yıldız", "Daan de Vries", "Émile Duval", "Ethan Smit",
    "Noor Bakker", "Özlem Kaya", "Paweł Nowak", "Zeynep Sahin", "Zeynep Şahin", "Zeynep Vos", NULL,
  };
  g_autoptr(KwRecordList) list = NULL;

  for (guint i = G_N_ELEMENTS (sorted) - 1; i > 0; i--)   /* in reverse */
    g_free (add_person (fx->store, sorted[i - 1], FALSE, NULL));
  list = kw_record_list_new (fx->store, "person");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (sorted) - 1);
  for (guint i = 0; sorted[i]; i++)
    {
      g_autofree char *name = name_at (list, i);
      g_assert_cmpstr (name, ==, sorted[i]);
    }
  /* a search keeps that order */
  kw_record_list_set_search (list, "zeynep");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  {
    g_autofree char *second = name_at (list, 1);
    g_assert_cmpstr (second, ==, "Zeynep Şahin");
  }
}

/* By last name: "de Vries" under V, "van der Berg" under B. */
static void
test_last_name_order (Fixture       *fx,
                      gconstpointer  data)
{
  static const char * const sorted[] = {
    "Bram Appel", "Anna van der Berg", "Zeynep Şahin", "Lotte Smit", "Anna Vries", "Daan de Vries", NULL,
  };
  g_autoptr(KwRecordList) list = NULL;

  for (guint i = 0; sorted[i]; i++)
    g_free (add_person (fx->store, sorted[(i * 5) % 6], FALSE, NULL));   /* mixed up */
  list = kw_record_list_new (fx->store, "person");
  kw_record_list_set_sort (list, NULL, KW_RECORD_SORT_LAST_NAME);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);
  for (guint i = 0; sorted[i]; i++)
    {
      g_autofree char *name = name_at (list, i);
      g_assert_cmpstr (name, ==, sorted[i]);
    }
}

/* With the new rows first, a change of 256 rows or more comes in two
 * exact steps: the new rows inserted before the old ones, where
 * ::rows-replacing says, then the old ones removed; a smaller change,
 * or one that only adds rows, is still one items-changed. */
static void
log_changed_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                GString    *log)
{
  g_string_append_printf (log, "changed %u %u %u → %u; ", position, removed, added,
                          g_list_model_get_n_items (model));
}

static void
log_changing_cb (KwRecordList *list,
                 guint         position,
                 guint         removed,
                 guint         added,
                 GString      *log)
{
  g_string_append_printf (log, "changing %u %u %u (%u); ", position, removed, added,
                          g_list_model_get_n_items (G_LIST_MODEL (list)));
}

static void
log_replacing_cb (KwRecordList *list,
                  guint         position,
                  guint         n_rows,
                  GString      *log)
{
  g_autofree char *new_first = name_at (list, position);
  g_autofree char *old_first = name_at (list, position + n_rows);

  g_string_append_printf (log, "replacing %u %u: %s, then %s; ", position, n_rows, new_first, old_first);
}

static void
test_new_rows_first (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(KwRecordList) list = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *first = NULL, *last = NULL;

  fill (fx);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Anneke Persoon %03u", i);
      g_free (add_person (fx->store, name, FALSE, NULL));
    }
  list = kw_record_list_new (fx->store, "person");
  kw_record_list_set_new_rows_first (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 305);
  g_signal_connect (list, "items-changed", G_CALLBACK (log_changed_cb), log);
  g_signal_connect (list, "items-changing", G_CALLBACK (log_changing_cb), log);
  g_signal_connect (list, "rows-replacing", G_CALLBACK (log_replacing_cb), log);

  kw_record_list_set_search (list, "bram");
  g_assert_cmpstr (log->str, ==,
                   "changing 0 0 1 (305); changed 0 0 1 → 306; "
                   "replacing 0 1: Bram Hoekstra, then Anna de Wit; "
                   "changing 1 305 0 (306); changed 1 305 0 → 1; ");
  first = name_at (list, 0);
  g_assert_cmpstr (first, ==, "Bram Hoekstra");

  g_string_truncate (log, 0);
  kw_record_list_set_search (list, NULL);
  g_assert_cmpstr (log->str, ==,
                   "changing 0 0 305 (1); changed 0 0 305 → 306; "
                   "replacing 0 305: Anna de Wit, then Bram Hoekstra; "
                   "changing 305 1 0 (306); changed 305 1 0 → 305; ");
  g_clear_pointer (&first, g_free);
  first = name_at (list, 0);
  last = name_at (list, 304);
  g_assert_cmpstr (first, ==, "Anna de Wit");
  g_assert_cmpstr (last, ==, "Zeynep Vos");

  /* from 305 rows to 12 (000 … 009, 100, 200), then to 1: a small
   * change is one step */
  kw_record_list_set_search (list, "00");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 12);
  g_string_truncate (log, 0);
  kw_record_list_set_search (list, "007");
  g_assert_cmpstr (log->str, ==, "changing 0 12 1 (12); changed 0 12 1 → 1; ");
  g_clear_pointer (&first, g_free);
  first = name_at (list, 0);
  g_assert_cmpstr (first, ==, "Anneke Persoon 007");

  /* only rows added, 304 of them (no row handed out since the search
   * before): one step */
  kw_record_list_set_search (list, "zeynep");
  g_string_truncate (log, 0);
  kw_record_list_set_search (list, NULL);
  g_assert_cmpstr (log->str, ==, "changing 0 0 304 (1); changed 0 0 304 → 305; ");
  g_signal_handlers_disconnect_by_data (list, log);
}

/* A delete waiting for its undo toast: the row goes with one exact
 * items-changed, and so does a contact moment of the person from the
 * list of contact moments; undo brings both back at their place; the
 * toast going changes nothing more (they were gone already). The list,
 * its search and the store's count agree throughout. */
static void
test_pending_delete (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(KwRecordList) list = NULL;
  g_autoptr(KwRecordList) searched = NULL;
  g_autoptr(KwRecordList) moments = NULL;
  g_autoptr(KwChangeset) moment = kw_changeset_new ("contact_moment", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *fatima = NULL;
  g_autofree char *moment_id = NULL;
  g_autofree char *third = NULL;
  Changes changes = { 0 }, moment_changes = { 0 };

  fill (fx);   /* Anna, Bram, Fatima, Kofi, Zeynep in name order */
  fatima = kw_store_find_person (fx->store, NULL, NULL, "Fatima El Amrani");
  kw_changeset_set_string (moment, "person", fatima);
  kw_changeset_set_string (moment, "date", "2026-11-30");
  moment_id = kw_store_create (fx->store, moment, &error);
  g_assert_no_error (error);
  list = kw_record_list_new (fx->store, "person");
  searched = kw_record_list_new (fx->store, "person");
  moments = kw_record_list_new (fx->store, "contact_moment");
  kw_record_list_set_search (searched, "amrani");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (searched)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (moments)), ==, 1);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_signal_connect (moments, "items-changed", G_CALLBACK (on_items_changed_cb), &moment_changes);

  g_assert_true (kw_store_pend_delete (fx->store, "person", fatima, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n, ==, 1);
  g_assert_cmpuint (changes.position, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (moment_changes.n, ==, 1);
  g_assert_cmpuint (moment_changes.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (searched)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (moments)), ==, 0);
  g_assert_cmpuint (kw_record_list_find (list, fatima), ==, G_MAXUINT);
  third = name_at (list, 2);
  g_assert_cmpstr (third, ==, "Kofi Mensah");
  /* a search typed meanwhile does not find her either */
  kw_record_list_set_search (list, "fatima");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  kw_record_list_set_search (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  /* undo */
  changes = (Changes) { 0 };
  kw_store_cancel_pending (fx->store, "person", fatima);
  g_assert_cmpuint (changes.n, ==, 1);
  g_assert_cmpuint (changes.added - changes.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_cmpuint (kw_record_list_find (list, fatima), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (searched)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (moments)), ==, 1);
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 5);

  /* again, and the toast goes: no second change */
  g_assert_true (kw_store_pend_delete (fx->store, "person", fatima, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  changes = (Changes) { 0 };
  g_assert_true (kw_store_commit_pending (fx->store, "person", fatima, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpint (kw_store_count (fx->store, "person"), ==, 4);
  g_assert_cmpint (kw_store_count (fx->store, "contact_moment"), ==, 0);
  {
    g_autoptr(KwRecord) tomb = kw_store_lookup (fx->store, "person", fatima, NULL);
    g_assert_true (kw_record_is_deleted (tomb));
  }
  g_signal_handlers_disconnect_by_data (list, &changes);
  g_signal_handlers_disconnect_by_data (moments, &moment_changes);
}

/* The titles of the list, joined by ", ". */
static char *
dup_titles (KwRecordList *list)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autofree char *title = name_at (list, i);
      g_string_append_printf (s, "%s%s", i ? ", " : "", title);
    }
  return g_string_free (s, FALSE);
}

#define assert_titles(list, expected) \
  G_STMT_START { g_autofree char *_t = dup_titles (list); g_assert_cmpstr (_t, ==, expected); } G_STMT_END

/* The generic filters: ENUM, BOOL (no value is FALSE), REF (an area
 * takes the areas inside it), each with one exact items-changed, and
 * together; a DATE range; a text filter over two fields. */
static void
test_filters (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *city = kw_test_put (fx->store, "area", "name", "Oost", NULL);
  g_autofree char *inner = kw_test_put (fx->store, "area", "name", "Betondorp", "parent", city, NULL);
  g_autofree char *other = kw_test_put (fx->store, "area", "name", "Noord", NULL);
  g_autoptr(KwRecordList) orgs = NULL;
  g_autoptr(KwRecordList) alliances = NULL;
  g_autoptr(KwRecordList) people = NULL;
  Changes changes = { 0 };

  g_free (kw_test_put (fx->store, "organisation", "name", "Buurtteam Oost", "kind", "neighbourhood_team",
               "formal", "true", "area", city, NULL));
  g_free (kw_test_put (fx->store, "organisation", "name", "Bewoners Betondorp", "kind", "residents_group",
               "area", inner, NULL));
  g_free (kw_test_put (fx->store, "organisation", "name", "Moskee Noord", "kind", "religious",
               "formal", "true", "area", other, NULL));
  g_free (kw_test_put (fx->store, "organisation", "name", "Tuingroep", "kind", "residents_group",
               "formal", "false", NULL));
  orgs = kw_record_list_new (fx->store, "organisation");
  assert_titles (orgs, "Bewoners Betondorp, Buurtteam Oost, Moskee Noord, Tuingroep");
  g_signal_connect (orgs, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);

  kw_record_list_set_filter (orgs, "kind", g_variant_new_string ("residents_group"));
  g_assert_cmpuint (changes.n, ==, 1);
  assert_titles (orgs, "Bewoners Betondorp, Tuingroep");
  kw_record_list_set_filter (orgs, "kind", g_variant_new_string ("residents_group"));  /* the same */
  g_assert_cmpuint (changes.n, ==, 1);
  kw_record_list_set_filter (orgs, "kind", NULL);
  g_assert_cmpuint (changes.n, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orgs)), ==, 4);

  kw_record_list_set_filter (orgs, "formal", g_variant_new_boolean (TRUE));
  assert_titles (orgs, "Buurtteam Oost, Moskee Noord");
  kw_record_list_set_filter (orgs, "formal", g_variant_new_boolean (FALSE));   /* unset counts */
  assert_titles (orgs, "Bewoners Betondorp, Tuingroep");
  kw_record_list_set_filter (orgs, "formal", NULL);

  /* Oost holds Betondorp; Betondorp only itself */
  kw_record_list_set_filter (orgs, "area", g_variant_new_string (city));
  assert_titles (orgs, "Bewoners Betondorp, Buurtteam Oost");
  kw_record_list_set_filter (orgs, "area", g_variant_new_string (inner));
  assert_titles (orgs, "Bewoners Betondorp");
  /* two filters at once; an empty string is no filter */
  kw_record_list_set_filter (orgs, "area", g_variant_new_string (city));
  kw_record_list_set_filter (orgs, "kind", g_variant_new_string ("neighbourhood_team"));
  assert_titles (orgs, "Buurtteam Oost");
  kw_record_list_set_filter (orgs, "area", g_variant_new_string (""));
  kw_record_list_set_filter (orgs, "kind", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orgs)), ==, 4);
  g_signal_handlers_disconnect_by_data (orgs, &changes);

  /* a date range, both ends inclusive, the end as a prefix */
  g_free (kw_test_put (fx->store, "alliance", "name", "Groen Oost", "started", "2026-03-01", "status", "active", NULL));
  g_free (kw_test_put (fx->store, "alliance", "name", "Veilig Noord", "started", "2026-06-15", "status", "forming", NULL));
  g_free (kw_test_put (fx->store, "alliance", "name", "Wonen Zuid", "started", "2026-06-30", "status", "active", NULL));
  g_free (kw_test_put (fx->store, "alliance", "name", "Zonder Datum", "status", "active", NULL));
  alliances = kw_record_list_new (fx->store, "alliance");
  kw_record_list_set_range (alliances, "started", "2026-03-01", "2026-06");
  assert_titles (alliances, "Groen Oost, Veilig Noord, Wonen Zuid");
  kw_record_list_set_range (alliances, "started", "2026-03-02", "2026-06-15");
  assert_titles (alliances, "Veilig Noord");
  kw_record_list_set_range (alliances, "started", NULL, "2026-05-31");
  assert_titles (alliances, "Groen Oost");
  kw_record_list_set_filter (alliances, "status", g_variant_new_string ("active"));
  kw_record_list_set_range (alliances, "started", "2026-06-01", NULL);
  assert_titles (alliances, "Wonen Zuid");
  kw_record_list_set_range (alliances, "started", NULL, NULL);
  assert_titles (alliances, "Groen Oost, Wonen Zuid, Zonder Datum");

  /* text in either of two fields, any case */
  g_free (kw_test_put (fx->store, "person", "name", "Kofi Mensah", "communities", "Ghanese vrouwen", NULL));
  g_free (kw_test_put (fx->store, "person", "name", "Ama Owusu", "languages", "Twi, Engels", NULL));
  g_free (kw_test_put (fx->store, "person", "name", "Ria Smit", "languages", "Nederlands", NULL));
  people = kw_record_list_new (fx->store, "person");
  kw_record_list_set_text_filter (people, (const char * const []) { "languages", "communities", NULL }, "GHAN");
  assert_titles (people, "Kofi Mensah");
  kw_record_list_set_text_filter (people, (const char * const []) { "languages", "communities", NULL }, "twi");
  assert_titles (people, "Ama Owusu");
  kw_record_list_set_text_filter (people, (const char * const []) { "communities", NULL }, "twi");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 0);
  kw_record_list_set_text_filter (people, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 3);
}

/* Children of a record (exact: an area's children are not its
 * grandchildren); they follow the store; a stale filter and a sort by
 * the latest of the records that belong to each one. */
static void
test_children_stale_sort (Fixture       *fx,
                          gconstpointer  data)
{
  g_autofree char *anna = kw_test_put (fx->store, "person", "name", "Anna Vos", NULL);
  g_autofree char *bram = kw_test_put (fx->store, "person", "name", "Bram Vos", NULL);
  g_autofree char *cor = kw_test_put (fx->store, "person", "name", "Cor Vos", NULL);
  g_autofree char *city = kw_test_put (fx->store, "area", "name", "Oost", NULL);
  g_autofree char *inner = kw_test_put (fx->store, "area", "name", "Betondorp", "parent", city, NULL);
  g_autoptr(KwRecordList) moments = NULL;
  g_autoptr(KwRecordList) areas = NULL;
  g_autoptr(KwRecordList) people = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) recent = g_date_time_add_months (now, -1);
  g_autofree char *recent_date = g_date_time_format (recent, "%Y-%m-%d");
  g_autofree char *recent_moment = NULL;
  g_autofree char *last = NULL;
  Changes changes = { 0 };

  g_free (kw_test_put (fx->store, "area", "name", "Betondorp-Noord", "parent", inner, NULL));
  g_free (kw_test_put (fx->store, "contact_moment", "person", anna, "date", "2020-01-10", NULL));
  recent_moment = kw_test_put (fx->store, "contact_moment", "person", anna, "date", recent_date, NULL);
  g_free (kw_test_put (fx->store, "contact_moment", "person", bram, "date", "2021-05-01", NULL));
  moments = kw_record_list_new_children (fx->store, "contact_moment", "person", anna);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (moments)), ==, 2);
  g_signal_connect (moments, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_free (kw_test_put (fx->store, "contact_moment", "person", bram, "date", "2022-05-01", NULL));
  g_assert_cmpuint (changes.n, ==, 0);   /* not hers */
  g_free (kw_test_put (fx->store, "contact_moment", "person", anna, "date", "2019-02-02", NULL));
  g_assert_cmpuint (changes.n, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);   /* (by summary, then id: anywhere) */
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (moments)), ==, 3);
  g_signal_handlers_disconnect_by_data (moments, &changes);
  areas = kw_record_list_new_children (fx->store, "area", "parent", city);
  assert_titles (areas, "Betondorp");

  people = kw_record_list_new (fx->store, "person");
  kw_record_list_set_stale (people, "contact_moment", "date", 12);
  assert_titles (people, "Bram Vos, Cor Vos");
  /* her recent contact moment waiting for its delete does not count */
  g_assert_true (kw_store_pend_delete (fx->store, "contact_moment", recent_moment, NULL));
  assert_titles (people, "Anna Vos, Bram Vos, Cor Vos");
  last = kw_store_dup_last_contact (fx->store, anna);
  g_assert_cmpstr (last, ==, "2020-01-10");
  kw_store_cancel_pending (fx->store, "contact_moment", recent_moment);
  assert_titles (people, "Bram Vos, Cor Vos");
  g_clear_pointer (&last, g_free);
  last = kw_store_dup_last_contact (fx->store, anna);
  g_assert_cmpstr (last, ==, recent_date);
  kw_record_list_set_stale (people, "contact_moment", "date", 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 3);
  /* newest contact first, never contacted last; and the other way */
  kw_record_list_set_sort (people, "contact_moment.date", KW_RECORD_SORT_DESCENDING);
  assert_titles (people, "Anna Vos, Bram Vos, Cor Vos");
  kw_record_list_set_sort (people, "contact_moment.date", KW_RECORD_SORT_ASCENDING);
  assert_titles (people, "Cor Vos, Bram Vos, Anna Vos");
  /* a new contact moment moves Cor: the list listens to contact moments */
  g_free (kw_test_put (fx->store, "contact_moment", "person", cor, "date", "2018-01-01", NULL));
  assert_titles (people, "Cor Vos, Bram Vos, Anna Vos");
  g_free (kw_test_put (fx->store, "contact_moment", "person", cor, "date", "2023-01-01", NULL));
  assert_titles (people, "Bram Vos, Cor Vos, Anna Vos");
  /* by a field of the type, then the title */
  kw_record_list_set_sort (people, NULL, KW_RECORD_SORT_ASCENDING);
  assert_titles (people, "Anna Vos, Bram Vos, Cor Vos");
}

/* A row's summary leaves out what waits for its delete: the
 * organisation of a person's affiliation, and the person's area. */
static void
test_pending_summary (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *area_id = kw_test_put (fx->store, "area", "name", "Draadwijk", NULL);
  g_autofree char *org = kw_test_put (fx->store, "organisation", "name", "Stichting Draad", NULL);
  g_autofree char *person = kw_test_put (fx->store, "person", "name", "Mees Draad", "area", area_id, NULL);
  g_autofree char *area = NULL, *organisation = NULL;

  g_free (kw_test_put (fx->store, "affiliation", "person", person, "organisation", org, NULL));
  kw_store_query_summary (fx->store, "person", person, &area, &organisation);
  g_assert_cmpstr (area, ==, "Draadwijk");
  g_assert_cmpstr (organisation, ==, "Stichting Draad");
  g_clear_pointer (&area, g_free);
  g_clear_pointer (&organisation, g_free);

  g_assert_true (kw_store_pend_delete (fx->store, "organisation", org, NULL));
  g_assert_true (kw_store_pend_delete (fx->store, "area", area_id, NULL));
  kw_store_query_summary (fx->store, "person", person, &area, &organisation);
  g_assert_null (area);
  g_assert_null (organisation);
  kw_store_cancel_pending (fx->store, "organisation", org);
  kw_store_cancel_pending (fx->store, "area", area_id);
  kw_store_query_summary (fx->store, "person", person, &area, &organisation);
  g_assert_cmpstr (area, ==, "Draadwijk");
  g_assert_cmpstr (organisation, ==, "Stichting Draad");
}

/* What a row shows of the records that belong to it comes from the
 * registry's SUMMARY fields: a person's row reads affiliations (and the
 * organisations they point at) and contact moments; an alliance's none. */
static gboolean
has_type (const char * const *types,
          const char         *name)
{
  for (guint i = 0; types[i]; i++)
    if (g_str_equal (types[i], name))
      return TRUE;
  return FALSE;
}

static void
test_row_types (void)
{
  const char * const *person = _kw_store_query_row_types (kw_registry_lookup ("person"));
  const char * const *alliance = _kw_store_query_row_types (kw_registry_lookup ("alliance"));

  g_assert_cmpuint (g_strv_length ((char **) person), ==, 3);
  g_assert_true (has_type (person, "affiliation"));
  g_assert_true (has_type (person, "organisation"));
  g_assert_true (has_type (person, "contact_moment"));
  g_assert_null (alliance[0]);
  /* every SUMMARY field is a date or a reference of a type that belongs to another */
  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);

      for (guint i = 0; i < type->n_fields; i++)
        if (type->fields[i].flags & KW_FIELD_FLAG_SUMMARY)
          {
            gboolean has_parent = FALSE;

            g_assert_true (type->fields[i].kind == KW_FIELD_DATE || type->fields[i].kind == KW_FIELD_REF);
            for (guint j = 0; j < type->n_fields; j++)
              if (j != i && (type->fields[j].flags & KW_FIELD_FLAG_PARENT))
                has_parent = TRUE;
            g_assert_true (has_parent);
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kw/record-list/search-and-filter", Fixture, NULL, fixture_set_up, test_search_and_filter, fixture_tear_down);
  g_test_add ("/kw/record-list/folded-order", Fixture, NULL, fixture_set_up, test_folded_order, fixture_tear_down);
  g_test_add ("/kw/record-list/last-name-order", Fixture, NULL, fixture_set_up, test_last_name_order, fixture_tear_down);
  g_test_add ("/kw/record-list/new-rows-first", Fixture, NULL, fixture_set_up, test_new_rows_first, fixture_tear_down);
  g_test_add ("/kw/record-list/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/kw/record-list/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/kw/record-list/children-stale-sort", Fixture, NULL, fixture_set_up, test_children_stale_sort, fixture_tear_down);
  g_test_add ("/kw/record-list/pending-delete", Fixture, NULL, fixture_set_up, test_pending_delete, fixture_tear_down);
  g_test_add_func ("/kw/record-list/row-types", test_row_types);
  g_test_add ("/kw/record-list/pending-summary", Fixture, NULL, fixture_set_up, test_pending_summary, fixture_tear_down);
  return g_test_run ();
}
