/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "awd-results.h"

G_BEGIN_DECLS

/* The canonical results text of DESIGN.md ("Canonical results text"): the
 * input of the checksum that a finalized round stores and prints, and that
 * anyone can recompute from an XML export (tests/recompute-checksum.py is
 * the reference outside C). */

/* A field with `|`, `\` and newline written `\|`, `\\`, `\n`. */
char *awd_canonical_escape_field   (const char            *field);
/* A decimal with a dot and exactly six decimals, whatever the locale;
 * never "-0.000000". */
char *awd_canonical_format_decimal (double                 value);
/* The whole text; the round line names res->method. */
char *awd_canonical_results_text   (const AwdResultsInput *in,
                                    const AwdResults      *res);
/* The lowercase hex SHA-256 of text (without the "sha256:" prefix). */
char *awd_canonical_checksum       (const char            *text);

G_END_DECLS
