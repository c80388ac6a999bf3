/* kw-hlc.h: hybrid logical clock stamps (spec/export-format.md, "HLC")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "<ms:16 hex>-<counter:4 hex>-<device:32 hex>" */
#define KW_HLC_LEN 54
#define KW_DEVICE_ID_LEN 32

/* The bounds of the clock (spec/export-format.md, "HLC"): no stamp is made
 * or accepted past the last millisecond of the year 9999; an import moves
 * the clock at most a day past the wall clock, and a stamp more than 366
 * days ahead of it is refused. */
#define KW_HLC_MS_LAST      G_GINT64_CONSTANT (253402300799999)  /* 9999-12-31T23:59:59.999Z */
#define KW_HLC_DAY_MS       G_GINT64_CONSTANT (86400000)
#define KW_HLC_SKEW_MS      KW_HLC_DAY_MS
#define KW_HLC_FUTURE_MS    (366 * KW_HLC_DAY_MS)

typedef struct {
  gint64  ms;
  guint   counter;
  char    device[KW_DEVICE_ID_LEN + 1];
} KwHlc;

gboolean  kw_hlc_parse          (const char *text,
                                 KwHlc      *out);
gboolean  kw_hlc_is_valid       (const char *text);
void      kw_hlc_format         (const KwHlc *hlc,
                                 char         out[KW_HLC_LEN + 1]);
char     *kw_hlc_to_string      (const KwHlc *hlc);
int       kw_hlc_compare        (const char *a,
                                 const char *b);
gboolean  kw_device_id_is_valid (const char *text);
/* The milliseconds of a valid stamp, else -1. */
gint64    kw_hlc_get_ms         (const char *text);
/* The latest milliseconds a stamp may carry on a device whose clock reads
 * @clock_ms: 366 days ahead, never past the year 9999. */
gint64    kw_hlc_future_limit   (gint64      clock_ms);
/* How far an import may move the clock of a device whose wall clock
 * reads @wall_ms: a day ahead, never past the year 9999. */
gint64    kw_hlc_skew_limit     (gint64      wall_ms);
char     *kw_device_id_new      (void);

/* The clock of one device. */
typedef struct {
  gint64  ms;
  guint   counter;
  char    device[KW_DEVICE_ID_LEN + 1];
} KwHlcClock;

void      kw_hlc_clock_init     (KwHlcClock *clock,
                                 const char *device,
                                 const char *last);
void      kw_hlc_clock_tick     (KwHlcClock *clock,
                                 gint64      wall_ms,
                                 char        out[KW_HLC_LEN + 1]);
void      kw_hlc_clock_observe  (KwHlcClock *clock,
                                 const char *stamp);
/* Moves the clock past @stamp, but no further than @limit_ms (the wall
 * clock plus a day): a stamp from a clock that runs ahead is accepted,
 * but does not pull this device's later stamps into the future. */
void      kw_hlc_clock_observe_until (KwHlcClock *clock,
                                      const char *stamp,
                                      gint64      limit_ms);
/* A stamp of this device for a local write to a field now stamped
 * @current (NULL: none): the next tick, or, when that is not above
 * @current, @current + 1 tick; never past @limit_ms. The clock does not
 * follow a stamp above its own. */
void      kw_hlc_clock_tick_above (KwHlcClock *clock,
                                   gint64      wall_ms,
                                   const char *current,
                                   gint64      limit_ms,
                                   char        out[KW_HLC_LEN + 1]);
void      kw_hlc_clock_last     (const KwHlcClock *clock,
                                 char              out[KW_HLC_LEN + 1]);

G_END_DECLS
