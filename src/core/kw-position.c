/* kw-position.c: fractional indexes (an agenda item's position)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The midpoint of two digit strings read as fractions in base 62: the
 * common prefix, then a digit halfway between the first that differ, or
 * when they are neighbours, the lower one and a midpoint above the rest
 * of @before.
 */
#include "config.h"

#include <string.h>

#include "kw-position.h"

static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
#define BASE ((int) sizeof digits - 1)

static int
digit (char c)
{
  const char *at = c ? strchr (digits, c) : NULL;

  return at ? (int) (at - digits) : -1;
}

static gboolean
valid (const char *s)
{
  for (; s && *s; s++)
    if (digit (*s) < 0)
      return FALSE;
  return TRUE;
}

/* Appends to @out a string strictly between @a (never NULL) and @b (NULL:
 * above everything); @a < @b. */
static gboolean
midpoint (GString    *out,
          const char *a,
          const char *b)
{
  int da, db;

  if (b != NULL)
    {
      gsize n = 0, len_a = strlen (a);

      while (b[n] != '\0' && (n < len_a ? a[n] : '0') == b[n])
        n++;
      if (b[n] == '\0')
        return FALSE;   /* b is a followed by zeros: nothing between */
      g_string_append_len (out, b, n);
      a += MIN (n, len_a);
      b += n;
    }
  da = *a ? digit (*a) : 0;
  db = b ? digit (*b) : BASE;
  if (db - da > 1)
    {
      g_string_append_c (out, digits[(da + db + 1) / 2]);
      return TRUE;
    }
  if (b != NULL && b[1] != '\0')
    {
      g_string_append_c (out, b[0]);
      return TRUE;
    }
  g_string_append_c (out, digits[da]);
  return midpoint (out, *a ? a + 1 : "", NULL);
}

char *
kw_position_between (const char *before,
                     const char *after)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!valid (before) || !valid (after))
    return NULL;
  if (before != NULL && after != NULL && strcmp (before, after) >= 0)
    return NULL;
  if (!midpoint (out, before ? before : "", after))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
