/* kw-collate.c: names in the order a reader expects them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists are sorted in SQL by name COLLATE NOCASE (through an index:
 * a few ms for 100,000 people), which puts every letter outside ASCII
 * after "z". KwRecordList folds the few names that have one and merges
 * them into place (kw-record-list.c), which costs the names that need it,
 * not a locale collation of all of them.
 */
#define G_LOG_DOMAIN "kw-collate"

#include "config.h"

#include <string.h>

#include "kw-collate.h"

gboolean
kw_collate_needs_fold (const char *key)
{
  for (const guchar *p = (const guchar *) key; p != NULL && *p; p++)
    if (*p >= 0x80)
      return TRUE;
  return FALSE;
}

static void
append_folded (GString  *key,
               gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gunichar base;

  c = g_unichar_tolower (c);
  switch (c)
    {
    case 0x0131: base = 'i'; break;   /* ı, dotless i */
    case 0x0142: base = 'l'; break;   /* ł */
    case 0x00F8: base = 'o'; break;   /* ø */
    case 0x0111: base = 'd'; break;   /* đ */
    case 0x00DF: g_string_append (key, "ss"); return;
    case 0x00E6: g_string_append (key, "ae"); return;
    case 0x0153: g_string_append (key, "oe"); return;
    default:
      base = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0
             ? decomposed[0] : c;
    }
  if (base < 0x80)
    g_string_append_c (key, g_ascii_tolower ((char) base));
  else
    g_string_append_unichar (key, c);
}

char *
kw_collate_fold (const char *name)
{
  GString *key;

  g_return_val_if_fail (name != NULL, NULL);

  key = g_string_sized_new (strlen (name));
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      if ((guchar) *p < 0x80)
        g_string_append_c (key, g_ascii_tolower (*p));
      else
        append_folded (key, g_utf8_get_char_validated (p, -1) == (gunichar) -1
                            ? 0xFFFD : g_utf8_get_char (p));
    }
  return g_string_free (key, FALSE);
}

char *
kw_collate_last_name_key (const char *name)
{
  g_autofree char *folded = NULL;
  const char *last;
  gsize end;

  g_return_val_if_fail (name != NULL, NULL);

  folded = kw_collate_fold (name);
  end = strlen (folded);
  while (end > 0 && folded[end - 1] == ' ')
    folded[--end] = '\0';
  last = strrchr (folded, ' ');
  if (last == NULL)
    return g_steal_pointer (&folded);
  /* "\1" sorts before every letter: namesakes by the rest of the name */
  return g_strdup_printf ("%s\1%.*s", last + 1, (int) (last - folded), folded);
}
