/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-fold"

#include "config.h"

#include <string.h>

#include "awd-fold.h"

char *
awd_fold (const char *text)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  /* Invalid UTF-8 must not reach the index; g_utf8_make_valid keeps what it can. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      return awd_fold (valid);
    }

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (normalized, -1);

  /* People type е for ё; after case folding only the lower-case ё (U+0451)
   * remains, and "е with diaeresis" in decomposed form became U+0451 under NFKC. */
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0451)
        c = 0x0435;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
awd_fold_match_query (const char *query)
{
  g_autofree char *folded = awd_fold (query);
  g_autoptr(GString) match = g_string_new (NULL);
  gboolean in_word = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word_char = g_unichar_isalnum (c) || g_unichar_ismark (c);

      if (word_char && !in_word)
        {
          if (match->len > 0)
            g_string_append_c (match, ' ');
          g_string_append_c (match, '"');
        }
      else if (!word_char && in_word)
        g_string_append (match, "\"*");
      if (word_char)
        g_string_append_len (match, p, g_utf8_next_char (p) - p);
      in_word = word_char;
    }
  if (in_word)
    g_string_append (match, "\"*");

  return match->len > 0 ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}
