/* kw-hlc.c: hybrid logical clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-hlc"

#include "config.h"

#include <string.h>

#include "kw-hlc.h"

#define MS_DIGITS 16
#define COUNTER_DIGITS 4
#define COUNTER_MAX 0xffff
#define MS_MAX G_GINT64_CONSTANT (0x7fffffffffffffff)

static gboolean
is_lower_hex (const char *text,
              gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;
  return TRUE;
}

static gint64
clamp_ms (gint64 ms)
{
  return CLAMP (ms, 0, KW_HLC_MS_LAST);
}

/* One tick after (ms, counter): the counter carries into the
 * milliseconds, and saturates at the end of the year 9999. */
static void
step (gint64 *ms,
      guint  *counter)
{
  if (*counter < COUNTER_MAX)
    (*counter)++;
  else if (*ms < KW_HLC_MS_LAST)
    {
      (*ms)++;
      *counter = 0;
    }
}

static guint64
parse_hex (const char *text,
           gsize       len)
{
  guint64 v = 0;

  for (gsize i = 0; i < len; i++)
    v = (v << 4) | (guint64) g_ascii_xdigit_value (text[i]);
  return v;
}

gboolean
kw_device_id_is_valid (const char *text)
{
  return text != NULL && strlen (text) == KW_DEVICE_ID_LEN
         && is_lower_hex (text, KW_DEVICE_ID_LEN);
}

char *
kw_device_id_new (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *s = g_string_sized_new (KW_DEVICE_ID_LEN);

  for (const char *p = uuid; *p; p++)
    if (*p != '-')
      g_string_append_c (s, g_ascii_tolower (*p));
  return g_string_free (s, FALSE);
}

gboolean
kw_hlc_parse (const char *text,
              KwHlc      *out)
{
  guint64 ms;

  if (text == NULL || strlen (text) != KW_HLC_LEN)
    return FALSE;
  if (text[MS_DIGITS] != '-' || text[MS_DIGITS + 1 + COUNTER_DIGITS] != '-')
    return FALSE;
  if (!is_lower_hex (text, MS_DIGITS)
      || !is_lower_hex (text + MS_DIGITS + 1, COUNTER_DIGITS)
      || !is_lower_hex (text + MS_DIGITS + COUNTER_DIGITS + 2, KW_DEVICE_ID_LEN))
    return FALSE;
  ms = parse_hex (text, MS_DIGITS);
  if (ms > (guint64) MS_MAX)
    return FALSE;
  if (out != NULL)
    {
      out->ms = (gint64) ms;
      out->counter = (guint) parse_hex (text + MS_DIGITS + 1, COUNTER_DIGITS);
      memcpy (out->device, text + MS_DIGITS + COUNTER_DIGITS + 2, KW_DEVICE_ID_LEN);
      out->device[KW_DEVICE_ID_LEN] = '\0';
    }
  return TRUE;
}

gint64
kw_hlc_get_ms (const char *text)
{
  KwHlc hlc;

  return kw_hlc_parse (text, &hlc) ? hlc.ms : -1;
}

gint64
kw_hlc_future_limit (gint64 clock_ms)
{
  return MIN (clamp_ms (clock_ms) + KW_HLC_FUTURE_MS, KW_HLC_MS_LAST);
}

gint64
kw_hlc_skew_limit (gint64 wall_ms)
{
  return MIN (clamp_ms (wall_ms) + KW_HLC_SKEW_MS, KW_HLC_MS_LAST);
}

gboolean
kw_hlc_is_valid (const char *text)
{
  return kw_hlc_parse (text, NULL);
}

void
kw_hlc_format (const KwHlc *hlc,
               char         out[KW_HLC_LEN + 1])
{
  g_snprintf (out, KW_HLC_LEN + 1, "%016" G_GINT64_MODIFIER "x-%04x-%s",
              hlc->ms, hlc->counter & COUNTER_MAX, hlc->device);
}

char *
kw_hlc_to_string (const KwHlc *hlc)
{
  char buf[KW_HLC_LEN + 1];

  kw_hlc_format (hlc, buf);
  return g_strdup (buf);
}

int
kw_hlc_compare (const char *a,
                const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return strcmp (a, b);
}

void
kw_hlc_clock_init (KwHlcClock *clock,
                   const char *device,
                   const char *last)
{
  KwHlc hlc;

  g_return_if_fail (clock != NULL);
  g_return_if_fail (kw_device_id_is_valid (device));

  memset (clock, 0, sizeof *clock);
  g_strlcpy (clock->device, device, sizeof clock->device);
  if (last != NULL && kw_hlc_parse (last, &hlc))
    {
      clock->ms = clamp_ms (hlc.ms);
      clock->counter = hlc.counter;
    }
}

/* max(wall clock, last stamp seen or made) + 1 tick */
void
kw_hlc_clock_tick (KwHlcClock *clock,
                   gint64      wall_ms,
                   char        out[KW_HLC_LEN + 1])
{
  KwHlc hlc;

  wall_ms = clamp_ms (wall_ms);
  clock->ms = clamp_ms (clock->ms);
  if (wall_ms > clock->ms)
    {
      clock->ms = wall_ms;
      clock->counter = 0;
    }
  else
    step (&clock->ms, &clock->counter);

  hlc.ms = clock->ms;
  hlc.counter = clock->counter;
  memcpy (hlc.device, clock->device, sizeof hlc.device);
  kw_hlc_format (&hlc, out);
}

void
kw_hlc_clock_tick_above (KwHlcClock *clock,
                         gint64      wall_ms,
                         const char *current,
                         gint64      limit_ms,
                         char        out[KW_HLC_LEN + 1])
{
  KwHlc hlc;

  g_return_if_fail (clock != NULL);

  kw_hlc_clock_tick (clock, wall_ms, out);
  if (current == NULL || kw_hlc_compare (out, current) > 0 || !kw_hlc_parse (current, &hlc))
    return;
  limit_ms = clamp_ms (limit_ms);
  if (hlc.ms > limit_ms)
    {
      hlc.ms = limit_ms;
      hlc.counter = COUNTER_MAX;
    }
  else
    step (&hlc.ms, &hlc.counter);
  memcpy (hlc.device, clock->device, sizeof hlc.device);
  if (hlc.ms > clock->ms || (hlc.ms == clock->ms && hlc.counter > clock->counter))
    kw_hlc_format (&hlc, out);
}

void
kw_hlc_clock_observe_until (KwHlcClock *clock,
                            const char *stamp,
                            gint64      limit_ms)
{
  KwHlc hlc;

  g_return_if_fail (clock != NULL);

  if (!kw_hlc_parse (stamp, &hlc))
    return;
  limit_ms = clamp_ms (limit_ms);
  if (hlc.ms > limit_ms)
    {
      hlc.ms = limit_ms;
      hlc.counter = 0;
    }
  if (hlc.ms > clock->ms || (hlc.ms == clock->ms && hlc.counter > clock->counter))
    {
      clock->ms = hlc.ms;
      clock->counter = hlc.counter;
    }
}

void
kw_hlc_clock_observe (KwHlcClock *clock,
                      const char *stamp)
{
  kw_hlc_clock_observe_until (clock, stamp, KW_HLC_MS_LAST);
}

void
kw_hlc_clock_last (const KwHlcClock *clock,
                   char              out[KW_HLC_LEN + 1])
{
  KwHlc hlc;

  hlc.ms = clock->ms;
  hlc.counter = clock->counter;
  memcpy (hlc.device, clock->device, sizeof hlc.device);
  kw_hlc_format (&hlc, out);
}
