/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ISO 3166-1 countries as iso-codes ships them: the codes and the English
 * names from its JSON file, the Russian names from its `iso_3166-1` gettext
 * catalogue. Loaded once, on first use, and never changed afterwards. */

/* The alpha-2 code (static string) for @text: an alpha-2 or alpha-3 code
 * in any case, or a name (short, official or common, English or Russian),
 * compared folded (case, ё/е, spacing). NULL when nothing matches or the
 * name is ambiguous. Without iso-codes installed, any two Latin letters are
 * taken as a code and names are not known. */
const char *awd_country_lookup      (const char *text);

/* TRUE when the iso-codes data was found and read. */
gboolean    awd_countries_available (void);

G_END_DECLS
