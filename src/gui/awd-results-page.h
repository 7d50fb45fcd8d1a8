/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_RESULTS_PAGE (awd_results_page_get_type ())

G_DECLARE_FINAL_TYPE (AwdResultsPage, awd_results_page, AWD, RESULTS_PAGE, AdwBin)

/* The results of the context's round: ranking per category, method
 * comparison, robustness, award decisions and finalization.
 *
 * Actions (group "results"), the page's API:
 *   results.finalize      ask, then freeze the round (disabled while problems remain)
 *   results.reopen        ask for a reason, then reopen a final round
 *   results.decide-tie i  the chair's decision on a shared first place
 *   results.set-mark (xi), results.set-winner (xx)  used by the table cells
 *
 * PRINTING: the protocol's printing adds the action `results.print` (at the
 * place marked PRINTING in awd_results_page_class_init()) and its item in
 * the first, empty section of the page's menu (`results_menu` in
 * ui/awd-results-page.ui, also marked PRINTING). */

GtkWidget *awd_results_page_new    (AwdContext     *context);
void       awd_results_page_reload (AwdResultsPage *self);

G_END_DECLS
