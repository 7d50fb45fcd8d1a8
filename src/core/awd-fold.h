/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folded form of text for search and comparison: NFKC, case folded,
 * ё → е. Russian matches regardless of case and of ё/е. */
char *awd_fold (const char *text);

/* The FTS5 query for what a person typed, over an index of folded text:
 * the folded @query cut into words at every character that is not a letter,
 * digit or mark (as the unicode61 tokenizer cuts the indexed text, so
 * punctuation is ignored and "мост,книжный" finds "Книжный мост"), each
 * word a quoted string (no word can be read as FTS5 syntax) ending in `*`
 * for a prefix match; the words are ANDed. NULL when there is no word. */
char *awd_fold_match_query (const char *query);

G_END_DECLS
