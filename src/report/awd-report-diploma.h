/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awd-report-document.h"
#include "awd-report-round.h"

G_BEGIN_DECLS

/* A diploma for each laureate and each diploma holder of a finalized
 * round, one page each (laureates first, then category and rank order): the
 * award, the category, the project and its institution, the date, the
 * chair's and the secretary's signature lines, in a frame.
 *
 * Refuses a round that is not final or has no award marks.
 * @setup: (nullable): NULL for A4 landscape. */
AwdReportDocument *awd_report_diplomas_new (AwdReportRound            *round,
                                            const AwdReportPageSetup  *setup,
                                            GError                   **error);

G_END_DECLS
