/* kw-bench-stats.h: what every benchmark does with its times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <math.h>

/* For g_array_sort () of doubles, smallest first. */
static inline int
kw_bench_compare_doubles (gconstpointer a,
                          gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The p-th percentile (0–100) of a sorted array of doubles, by nearest
 * rank; 0 when it is empty. */
static inline double
bench_percentile (GArray *sorted,
                  double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint) ceil (p / 100.0 * sorted->len);
  return g_array_index (sorted, double, CLAMP (i, 1, sorted->len) - 1);
}
