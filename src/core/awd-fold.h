/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folded form of text for search and comparison: NFKC, case folded,
 * ё → е. Russian matches regardless of case and of ё/е. */
char *awd_fold (const char *text);

G_END_DECLS
