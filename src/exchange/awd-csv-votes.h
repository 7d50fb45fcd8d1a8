/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-csv-reader.h"
#include "awd-store.h"

G_BEGIN_DECLS

/* Import of public-vote counts: a CSV with the columns `ref` and `count`
 * (or «Номер» and «Голоса»/«Голосов»), delimiter and encoding detected as
 * for nominations. Each ref must name a nomination of the round that
 * belongs to a category decided by public vote; a count is a non-negative
 * integer. Every row is checked first; then all counts are written in one
 * transaction with one audit row, or none is. A nomination's earlier
 * count is replaced. */

/* @problems: (nullable): receives every problem found (AwdCsvProblem), by
 * line. On a problem the error is AWD_CSV_ERROR_INVALID with the first one
 * as its message, "NAME:LINE: message". */
gboolean awd_csv_votes_import_data (AwdStore    *store,
                                    gint64       round_id,
                                    const char  *data,
                                    gsize        length,
                                    const char  *name,
                                    GPtrArray   *problems,
                                    guint       *out_n_counts,
                                    GError     **error);
gboolean awd_csv_votes_import_file (AwdStore    *store,
                                    gint64       round_id,
                                    const char  *path,
                                    GPtrArray   *problems,
                                    guint       *out_n_counts,
                                    GError     **error);

G_END_DECLS
