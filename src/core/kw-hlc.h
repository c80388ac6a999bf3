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
void      kw_hlc_clock_last     (const KwHlcClock *clock,
                                 char              out[KW_HLC_LEN + 1]);

G_END_DECLS
