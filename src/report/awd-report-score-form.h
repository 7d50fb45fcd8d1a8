/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awd-report-document.h"
#include "awd-report-round.h"

G_BEGIN_DECLS

/* A juror's score form: the criteria with their weights and the scale,
 * then every eligible nomination of the jury categories with a box per
 * criterion and room for comments. Blank (@filled FALSE) to fill in by
 * hand, or filled with the juror's stored marks and comments. A nomination
 * the juror has a conflict with is listed as not to be scored.
 *
 * @juror: the juror's index in round->input, or -1 for a form with the
 * name left blank (then @filled must be FALSE). @setup: (nullable). */
AwdReportDocument *awd_report_score_form_new (AwdReportRound            *round,
                                              int                        juror,
                                              gboolean                   filled,
                                              const AwdReportPageSetup  *setup,
                                              GError                   **error);

G_END_DECLS
