/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awd-report-document.h"
#include "awd-report-round.h"

G_BEGIN_DECLS

/* The results protocol of a round: the award, season and date; the method
 * in one sentence; per category the ranking (rank, ref, title, institution,
 * score, counting jurors, laureates marked); ties and how they were decided;
 * conflicts of interest; the SHA-256 of the finalized results; signature
 * lines for the chair and the secretary; an appendix with every counting
 * juror's total per nomination. A round that is not final says
 * «ПРЕДВАРИТЕЛЬНЫЕ РЕЗУЛЬТАТЫ» on every page.
 *
 * Computes the round's results when it has none. @setup: (nullable). */
AwdReportDocument *awd_report_protocol_new (AwdReportRound            *round,
                                            const AwdReportPageSetup  *setup,
                                            GError                   **error);

G_END_DECLS
