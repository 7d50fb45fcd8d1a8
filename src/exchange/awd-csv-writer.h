/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-store.h"

G_BEGIN_DECLS

/* Export of nominations to a CSV file that LibreOffice Calc and Excel open
 * correctly in a Russian locale, and that import-csv reads back: UTF-8
 * with a BOM, `;` between fields, CRLF line ends, RFC 4180 quoting, a
 * header row of the XML names (see awd-csv-writer.c for why). */

/* Appends @value to @out as one field of a line in that form: `;` before
 * it unless it is the @first of the line, quoted when it must be. Other
 * CSV files the application writes (the audit log) use it too. */
void      awd_csv_append_field       (GString      *out,
                                      const char   *value,
                                      gboolean      first);

/* The CSV text of @nominations (AwdNomination); @categories (AwdCategory,
 * nullable) give the names of their categories. */
GBytes   *awd_csv_format_nominations (GListModel   *nominations,
                                      GListModel   *categories);

/* Writes the file atomically (a temporary file renamed into place). */
gboolean  awd_csv_write_nominations  (GListModel   *nominations,
                                      GListModel   *categories,
                                      const char   *path,
                                      GError      **error);

/* Every nomination of the round, ordered by ref. */
gboolean  awd_csv_export_round       (AwdStore     *store,
                                      gint64        round_id,
                                      const char   *path,
                                      GError      **error);

G_END_DECLS
