/* kw-passphrase.h: how strong a passphrase for a sealed export looks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A sealed export refuses passphrases shorter than this (characters). */
#define KW_PASSPHRASE_MIN_CHARS 8

typedef enum {
  KW_PASSPHRASE_TOO_SHORT,
  KW_PASSPHRASE_WEAK,
  KW_PASSPHRASE_FAIR,
  KW_PASSPHRASE_STRONG,
} KwPassphraseStrength;

/* From its length, its kinds of characters (lower and upper case,
 * digits, anything else) and a short list of very common passwords. */
KwPassphraseStrength  kw_passphrase_strength        (const char           *passphrase);
/* "Too short", "Weak", "Fair", "Strong", translated. */
const char           *kw_passphrase_strength_label  (KwPassphraseStrength  strength);

G_END_DECLS
