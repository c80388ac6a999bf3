/* kw-passphrase.c: how strong a passphrase for a sealed export looks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hint, not a judgement: a sealed export is derived with Argon2id, so
 * what matters most is length and not being a word everybody tries
 * first. Each kind of character beyond the first counts as two more
 * characters; a very common password (with digits or signs after it,
 * "welkom2024!") or one character over and over is weak whatever its
 * length.
 */
#define G_LOG_DOMAIN "kw-passphrase"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-passphrase.h"

#define FAIR_SCORE   14
#define STRONG_SCORE 20

/* Lower case; compared without the digits and signs at their end. */
static const char * const common[] = {
  "000000", "111111", "123123", "123456", "654321", "abc", "abcdef", "admin", "ajax",
  "amsterdam", "azerty", "dragon", "football", "geheim", "hallo", "iloveyou", "kwartier",
  "letmein", "monkey", "passw0rd", "password", "princess", "qwerty", "qwertyuiop",
  "secret", "sunshine", "voetbal", "wachtwoord", "welcome", "welkom", NULL
};

/* Helpers */

static gboolean
is_common (const char *passphrase)
{
  g_autofree char *lower = g_utf8_strdown (passphrase, -1);
  char *end = lower + strlen (lower);

  while (end > lower && !g_ascii_isalpha (end[-1]))
    end--;
  if (end == lower)  /* digits and signs only: "12345678" */
    return g_strv_contains (common, lower) || strspn (lower, "0123456789") == strlen (lower);
  *end = '\0';
  return g_strv_contains (common, lower);
}

static gboolean
is_one_character (const char *passphrase)
{
  gunichar first = g_utf8_get_char (passphrase);

  for (const char *p = passphrase; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) != first)
      return FALSE;
  return TRUE;
}

static guint
count_kinds (const char *passphrase)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;

  for (const char *p = passphrase; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }
  return lower + upper + digit + other;
}

/* Public API */

KwPassphraseStrength
kw_passphrase_strength (const char *passphrase)
{
  glong length;
  glong score;

  g_return_val_if_fail (passphrase != NULL, KW_PASSPHRASE_TOO_SHORT);

  length = g_utf8_strlen (passphrase, -1);
  if (length < KW_PASSPHRASE_MIN_CHARS)
    return KW_PASSPHRASE_TOO_SHORT;
  if (is_common (passphrase) || is_one_character (passphrase))
    return KW_PASSPHRASE_WEAK;
  score = length + 2 * ((glong) count_kinds (passphrase) - 1);
  if (score >= STRONG_SCORE)
    return KW_PASSPHRASE_STRONG;
  return score >= FAIR_SCORE ? KW_PASSPHRASE_FAIR : KW_PASSPHRASE_WEAK;
}

const char *
kw_passphrase_strength_label (KwPassphraseStrength strength)
{
  switch (strength)
    {
    case KW_PASSPHRASE_TOO_SHORT:
      /* Translators: how strong a passphrase is */
      return _("Too short");
    case KW_PASSPHRASE_WEAK:
      /* Translators: how strong a passphrase is */
      return _("Weak");
    case KW_PASSPHRASE_FAIR:
      /* Translators: how strong a passphrase is */
      return _("Fair");
    case KW_PASSPHRASE_STRONG:
    default:
      /* Translators: how strong a passphrase is */
      return _("Strong");
    }
}
