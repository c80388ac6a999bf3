/* fuzz-roundtrip.c: libFuzzer target for the round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build as fuzz-import (tests/fuzz/README.md); run:
 *   _build-fuzz/tests/sync/fuzz-roundtrip /tmp/corpus-rt -max_total_time=300
 * with a copy of tests/fuzz/corpus-roundtrip/ in /tmp/corpus-rt. Whatever
 * the importer accepts must import again as a no-op, still export after
 * one local write, and be accepted by a fresh database
 * (kw-roundtrip.h); a file that breaks this is a finding.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "kw-roundtrip.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static KwRoundtrip *roundtrip;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *failure = NULL;

  if (roundtrip == NULL)
    roundtrip = kw_roundtrip_new ();
  failure = kw_roundtrip_check (roundtrip, data, size);
  if (failure != NULL)
    {
      fprintf (stderr, "round trip: %s\n", failure);
      abort ();
    }
  return 0;
}
