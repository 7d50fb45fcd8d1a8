/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awd-report-round.h"
#include "awd-store.h"

G_BEGIN_DECLS

/* Reads a round from the store into the plain data the documents print:
 * the results engine's input (award marks and notes included), the title,
 * status, finalization date and checksum, the chair (the juror with
 * chair=true), the conflicts' reasons, the criteria's descriptions, the
 * jurors' affiliations and their comments. Runs on a read-only store. */
AwdReportRound *awd_report_round_load (AwdStore  *store,
                                       gint64     round_id,
                                       GError   **error);

G_END_DECLS
