/* test-hlc.c: hybrid logical clock stamps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kw-hlc.h"

#define DEVICE "3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7b"

static void
test_parse_format (void)
{
  const char *text = "0000019a9b3c2d10-0003-" DEVICE;
  KwHlc hlc;
  char out[KW_HLC_LEN + 1];

  g_assert_true (kw_hlc_parse (text, &hlc));
  g_assert_cmpint (hlc.ms, ==, 0x19a9b3c2d10);
  g_assert_cmpuint (hlc.counter, ==, 3);
  g_assert_cmpstr (hlc.device, ==, DEVICE);
  kw_hlc_format (&hlc, out);
  g_assert_cmpstr (out, ==, text);
}

static void
test_invalid (void)
{
  const char *bad[] = {
    "",
    "0000019a9b3c2d10-0003-3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7",    /* short device */
    "0000019A9B3C2D10-0003-" DEVICE,                            /* upper case */
    "0000019a9b3c2d10_0003-" DEVICE,                            /* separator */
    "000019a9b3c2d10-00003-" DEVICE,                            /* widths */
    "0000019a9b3c2d10-0003-" DEVICE "0",                        /* long */
    "8000000000000000-0000-" DEVICE,                            /* beyond gint64 */
    "g000019a9b3c2d10-0003-" DEVICE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (kw_hlc_is_valid (bad[i]));
  g_assert_false (kw_hlc_is_valid (NULL));
}

static void
test_order (void)
{
  g_assert_cmpint (kw_hlc_compare ("0000000000000002-0000-" DEVICE,
                                   "0000000000000001-ffff-" DEVICE), >, 0);
  g_assert_cmpint (kw_hlc_compare ("0000000000000001-0002-" DEVICE,
                                   "0000000000000001-0001-ffffffffffffffffffffffffffffffff"), >, 0);
  g_assert_cmpint (kw_hlc_compare ("0000000000000001-0001-00000000000000000000000000000001",
                                   "0000000000000001-0001-00000000000000000000000000000000"), >, 0);
  g_assert_cmpint (kw_hlc_compare (NULL, "0000000000000001-0001-" DEVICE), <, 0);
}

static void
test_clock_backwards (void)
{
  KwHlcClock clock;
  char prev[KW_HLC_LEN + 1] = "";
  gint64 walls[] = { 1000, 2000, 2000, 1500, 500, 2001, 10, 3000 };

  kw_hlc_clock_init (&clock, DEVICE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (walls); i++)
    {
      char now[KW_HLC_LEN + 1];

      kw_hlc_clock_tick (&clock, walls[i], now);
      g_assert_true (kw_hlc_is_valid (now));
      g_assert_cmpint (kw_hlc_compare (now, prev), >, 0);
      memcpy (prev, now, sizeof now);
    }
  /* the wall clock went back to 10: the stamp still moved on */
  g_assert_cmpstr (prev, ==, "0000000000000bb8-0000-" DEVICE);
}

static void
test_counter_overflow (void)
{
  KwHlcClock clock;
  char a[KW_HLC_LEN + 1], b[KW_HLC_LEN + 1];

  kw_hlc_clock_init (&clock, DEVICE, "0000000000000064-fffe-" DEVICE);
  kw_hlc_clock_tick (&clock, 1, a);
  g_assert_cmpstr (a, ==, "0000000000000064-ffff-" DEVICE);
  kw_hlc_clock_tick (&clock, 1, b);
  g_assert_cmpstr (b, ==, "0000000000000065-0000-" DEVICE);
}

static void
test_observe (void)
{
  KwHlcClock clock;
  char out[KW_HLC_LEN + 1];
  const char *remote = "00000000000f4240-0007-ffffffffffffffffffffffffffffffff";

  kw_hlc_clock_init (&clock, DEVICE, NULL);
  kw_hlc_clock_observe (&clock, remote);
  kw_hlc_clock_tick (&clock, 5, out);
  g_assert_cmpint (kw_hlc_compare (out, remote), >, 0);
  g_assert_cmpstr (out, ==, "00000000000f4240-0008-" DEVICE);
  /* garbage is ignored */
  kw_hlc_clock_observe (&clock, "nonsense");
  kw_hlc_clock_last (&clock, out);
  g_assert_cmpstr (out, ==, "00000000000f4240-0008-" DEVICE);
}

/* The end of the clock: no overflow, no stamp it would refuse (F4) */
static void
test_saturate (void)
{
  KwHlcClock clock;
  char a[KW_HLC_LEN + 1], b[KW_HLC_LEN + 1];

  kw_hlc_clock_init (&clock, DEVICE, "7fffffffffffffff-ffff-" DEVICE);
  kw_hlc_clock_tick (&clock, 1, a);
  g_assert_true (kw_hlc_is_valid (a));
  g_assert_cmpint (kw_hlc_get_ms (a), <=, KW_HLC_MS_LAST);
  kw_hlc_clock_init (&clock, DEVICE, "0000e677d21fdbff-fffe-" DEVICE);
  kw_hlc_clock_tick (&clock, G_MAXINT64, a);
  g_assert_cmpstr (a, ==, "0000e677d21fdbff-ffff-" DEVICE);
  kw_hlc_clock_tick (&clock, G_MAXINT64, b);
  g_assert_cmpstr (b, ==, a);  /* saturated, still valid */
  g_assert_cmpint (kw_hlc_future_limit (G_MAXINT64), ==, KW_HLC_MS_LAST);
  g_assert_cmpint (kw_hlc_future_limit (1000), ==, 1000 + KW_HLC_FUTURE_MS);
  g_assert_cmpint (kw_hlc_get_ms ("nonsense"), ==, -1);
  g_assert_cmpint (kw_hlc_skew_limit (G_MAXINT64), ==, KW_HLC_MS_LAST);
  g_assert_cmpint (kw_hlc_skew_limit (G_MININT64), ==, KW_HLC_SKEW_MS);
}

/* An import moves the clock at most to the limit (F5, F6) */
static void
test_observe_until (void)
{
  KwHlcClock clock;
  char out[KW_HLC_LEN + 1];

  kw_hlc_clock_init (&clock, DEVICE, NULL);
  kw_hlc_clock_observe_until (&clock, "0000e677d21fdbff-0000-ffffffffffffffffffffffffffffffff", 5000);
  kw_hlc_clock_tick (&clock, 1000, out);
  g_assert_cmpstr (out, ==, "0000000000001388-0001-" DEVICE);
  kw_hlc_clock_observe_until (&clock, "0000000000000fa0-0009-ffffffffffffffffffffffffffffffff", 5000);
  kw_hlc_clock_last (&clock, out);
  g_assert_cmpstr (out, ==, "0000000000001388-0001-" DEVICE);  /* never back */
  kw_hlc_clock_observe (&clock, "7fffffffffffffff-0000-ffffffffffffffffffffffffffffffff");
  kw_hlc_clock_last (&clock, out);
  g_assert_cmpint (kw_hlc_get_ms (out), ==, KW_HLC_MS_LAST);
}

/* A local write beats its field's stamp without moving the clock there */
static void
test_tick_above (void)
{
  KwHlcClock clock;
  char out[KW_HLC_LEN + 1], last[KW_HLC_LEN + 1];

  kw_hlc_clock_init (&clock, DEVICE, NULL);
  kw_hlc_clock_tick_above (&clock, 1000, NULL, 100000, out);
  g_assert_cmpstr (out, ==, "00000000000003e8-0000-" DEVICE);
  kw_hlc_clock_tick_above (&clock, 1000, "0000000000000fa0-0009-ffffffffffffffffffffffffffffffff", 100000, out);
  g_assert_cmpstr (out, ==, "0000000000000fa0-000a-" DEVICE);
  kw_hlc_clock_last (&clock, last);
  g_assert_cmpstr (last, ==, "00000000000003e8-0001-" DEVICE);
  /* the counter carries */
  kw_hlc_clock_tick_above (&clock, 1000, "0000000000000fa0-ffff-ffffffffffffffffffffffffffffffff", 100000, out);
  g_assert_cmpstr (out, ==, "0000000000000fa1-0000-" DEVICE);
  /* never past the limit */
  kw_hlc_clock_tick_above (&clock, 1000, "0000e677d21fdbff-0000-ffffffffffffffffffffffffffffffff", 100000, out);
  g_assert_cmpstr (out, ==, "00000000000186a0-ffff-" DEVICE);
  /* below the clock's own tick: the tick */
  kw_hlc_clock_tick_above (&clock, 1000, "0000000000000001-0000-ffffffffffffffffffffffffffffffff", 100000, out);
  g_assert_cmpstr (out, ==, "00000000000003e8-0004-" DEVICE);
}

static void
test_device_id (void)
{
  g_autofree char *a = kw_device_id_new ();
  g_autofree char *b = kw_device_id_new ();

  g_assert_true (kw_device_id_is_valid (a));
  g_assert_cmpstr (a, !=, b);
  g_assert_false (kw_device_id_is_valid ("3F2A9C0E5B7D4E1F8A6B2C3D4E5F6A7B"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kw/hlc/parse-format", test_parse_format);
  g_test_add_func ("/kw/hlc/invalid", test_invalid);
  g_test_add_func ("/kw/hlc/order", test_order);
  g_test_add_func ("/kw/hlc/clock-backwards", test_clock_backwards);
  g_test_add_func ("/kw/hlc/counter-overflow", test_counter_overflow);
  g_test_add_func ("/kw/hlc/observe", test_observe);
  g_test_add_func ("/kw/hlc/saturate", test_saturate);
  g_test_add_func ("/kw/hlc/observe-until", test_observe_until);
  g_test_add_func ("/kw/hlc/tick-above", test_tick_above);
  g_test_add_func ("/kw/hlc/device-id", test_device_id);
  return g_test_run ();
}
