/* kw-position.h: fractional indexes (an agenda item's position)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A position is a string of the digits 0-9A-Za-z, ordered as strings
 * (strcmp); plan-next numbers items "a0", "a1", … (kw-meetings.h). No GTK.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new position strictly between @before and @after (NULL: no bound
 * on that side), as short as it can be and not ending in '0' (so there
 * is always room after it). NULL when there is none: @before is not
 * below @after, a character outside the digits, or @after is @before
 * followed only by '0's. */
char *kw_position_between (const char *before,
                           const char *after);

G_END_DECLS
