/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awd-results.h"
#include "awd-store.h"

G_BEGIN_DECLS

/* A round read from the database into the results engine's input, with the
 * database id behind every index, so results can be stored and shown
 * against the rows they came from. */
typedef struct {
  gint64           round_id;
  AwdResultsInput *input;
  GArray          *criterion_ids;   /* gint64, by criterion index */
  GArray          *category_ids;    /* gint64, by category index */
  GArray          *juror_ids;       /* gint64, by juror index */
  GArray          *nomination_ids;  /* gint64, by nomination index (ref order) */
} AwdResultsSnapshot;

AwdResultsSnapshot *awd_store_load_results      (AwdStore            *self,
                                                 gint64               round_id,
                                                 GError             **error);
void                awd_results_snapshot_free   (AwdResultsSnapshot  *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwdResultsSnapshot, awd_results_snapshot_free)

/* The engine's input alone, for callers that need no ids (reports). */
AwdResultsInput    *awd_store_load_results_input (AwdStore           *self,
                                                  gint64              round_id,
                                                  GError            **error);

/* What stands between a round and finalization: missing scores, vote
 * categories without counts, direct prizes without a winner, nominations
 * counted by fewer jurors than the quorum, and ties at the top without the
 * chair's recorded decision. One translated line per problem; an empty
 * array means the round may be finalized. */
GPtrArray          *awd_store_list_finalize_problems (AwdStore        *self,
                                                      gint64           round_id,
                                                      GError         **error);

/* Freezes the round: stores the ranking of its own method with the award
 * marks (categories without any recorded mark get their single first place
 * as laureate), the SHA-256 of the canonical results text, and makes the
 * round read-only. Refused while finalize problems remain. */
gboolean            awd_store_finalize_round     (AwdStore           *self,
                                                  gint64              round_id,
                                                  GError            **error);

/* Makes a final round editable again; the reason is required and audited.
 * The frozen ranking is dropped (it is recomputed at the next finalization). */
gboolean            awd_store_reopen_round       (AwdStore           *self,
                                                  gint64              round_id,
                                                  const char         *reason,
                                                  GError            **error);

/* Recomputes a final round's canonical text from its stored content and
 * checks it against the frozen checksum. */
gboolean            awd_store_verify_final_round (AwdStore           *self,
                                                  gint64              round_id,
                                                  GError            **error);

G_END_DECLS
