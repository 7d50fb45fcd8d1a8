/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-store.h"
#include "awd-store-scoring.h"

G_BEGIN_DECLS

/* Bulk writes of a round's set-up for an import, and the finalization of an
 * imported final round. Like every bulk_* call they write no audit row and
 * must run inside the caller's awd_store_begin()/commit() pair; the import
 * writes one audit row naming what it added. */

/* Inserts @round (never as final; see awd_store_bulk_finalize_round()). */
gboolean         awd_store_bulk_insert_round      (AwdStore      *self,
                                                   AwdRound      *round,
                                                   GError       **error);
/* The position comes from the object (document order); a juror marked
 * withdrawn may lack a reason (imported data). */
gboolean         awd_store_bulk_insert_category   (AwdStore      *self,
                                                   AwdCategory   *category,
                                                   GError       **error);
gboolean         awd_store_bulk_insert_criterion  (AwdStore      *self,
                                                   AwdCriterion  *criterion,
                                                   GError       **error);
gboolean         awd_store_bulk_insert_juror      (AwdStore      *self,
                                                   AwdJuror      *juror,
                                                   GError       **error);

/* Freezes @results (AwdResultRow) for the round, computed by @method, with
 * the checksum of the canonical results text (64 lowercase hex digits), and
 * makes the round final, finalized at @finalized_at (ISO 8601 as
 * g_date_time_format_iso8601() writes it, or NULL: not known). The caller
 * has checked them. */
gboolean         awd_store_bulk_finalize_round    (AwdStore      *self,
                                                   gint64         round_id,
                                                   AwdMethod      method,
                                                   const char    *checksum,
                                                   const char    *finalized_at,
                                                   GArray        *results,
                                                   GError       **error);

G_END_DECLS
