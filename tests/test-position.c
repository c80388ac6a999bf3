/* test-position.c: fractional indexes (kw-position.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kw-position.h"

static void
assert_between (const char *before,
                const char *after)
{
  g_autofree char *mid = kw_position_between (before, after);

  g_assert_nonnull (mid);
  if (before != NULL)
    g_assert_cmpint (strcmp (before, mid), <, 0);
  if (after != NULL)
    g_assert_cmpint (strcmp (mid, after), <, 0);
  g_assert_cmpint (mid[strlen (mid) - 1], !=, '0');
}

static void
test_cases (void)
{
  g_autofree char *first = kw_position_between (NULL, NULL);

  g_assert_cmpstr (first, ==, "V");
  assert_between (NULL, "a0");
  assert_between ("a0", "a1");
  assert_between ("a0", NULL);
  assert_between ("az", "b00");
  assert_between ("a", "b");
  assert_between ("a0V", "a1");
  assert_between ("zzz", NULL);
  assert_between (NULL, "01");
  assert_between ("a01", "a02");
  /* no room, not ordered, not digits */
  g_assert_null (kw_position_between ("a", "a0"));
  g_assert_null (kw_position_between ("a1", "a1"));
  g_assert_null (kw_position_between ("b", "a"));
  g_assert_null (kw_position_between ("a-", NULL));
}

/* Many inserts at random places keep a strictly ascending list. */
static void
test_random_inserts (void)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);

  g_ptr_array_add (keys, g_strdup ("a0"));
  g_ptr_array_add (keys, g_strdup ("a1"));
  for (guint i = 0; i < 2000; i++)
    {
      guint at = g_rand_int_range (rand, 0, keys->len + 1);
      /* often at the ends and between the same two: the worst cases */
      const char *before = at > 0 ? g_ptr_array_index (keys, at - 1) : NULL;
      const char *after = at < keys->len ? g_ptr_array_index (keys, at) : NULL;
      char *mid = kw_position_between (before, after);

      g_assert_nonnull (mid);
      g_assert_cmpuint (strlen (mid), <, 400);
      g_ptr_array_insert (keys, at, mid);
    }
  for (guint i = 1; i < keys->len; i++)
    g_assert_cmpint (strcmp (g_ptr_array_index (keys, i - 1), g_ptr_array_index (keys, i)), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/position/cases", test_cases);
  g_test_add_func ("/kw/position/random-inserts", test_random_inserts);
  return g_test_run ();
}
