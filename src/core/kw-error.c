/* kw-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kw-error.h"

G_DEFINE_QUARK (kw-core-error-quark, kw_core_error)
