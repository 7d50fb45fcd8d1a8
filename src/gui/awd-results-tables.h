/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-store-results.h"
#include "awd-store-scoring.h"

G_BEGIN_DECLS

/* The tables of the results page, built from computed results. They are
 * list cells, so C builds them; every change a person makes in them goes
 * through the page's actions:
 *   results.set-mark     (xi)  nomination id, AwdAwardMark
 *   results.set-winner   (xx)  category id (0: none), nomination id (0: none)
 *   results.decide-tie   i     position in AwdResults.categories
 * Widgets that tests look for carry names: "results-category",
 * "result-rank", "result-ref", "result-breakdown", "comparison-method",
 * "comparison-ref", "robustness-juror". */

typedef struct {
  const AwdResultsSnapshot *snapshot;
  const AwdResults         *results;      /* the method shown */
  const AwdResults         *decisions;    /* the round's own method: proposals, ties */
  AwdMethod                 method;
  GHashTable               *frozen;       /* nomination index + 1 → AwdResultRow *, final rounds */
  gboolean                  final;
  gboolean                  editable;
  gboolean                  show_breakdown;
} AwdResultsData;

/* A number as people read it: the locale's decimal mark, a real minus. */
char      *awd_results_format_number       (double                value,
                                            int                   decimals);
const char *awd_results_mark_label         (AwdAwardMark          mark);
/* "1", or "2=" for a shared place; "—" for an unranked entry. */
char      *awd_results_format_rank         (guint                 rank,
                                            gboolean              tied);

/* The nomination index a category of the results proposes as laureate:
 * its single first place when no mark is recorded in it; else -1. */
int        awd_results_proposed_laureate   (const AwdResultsInput *in,
                                            const AwdResultCategory *category);
gboolean   awd_results_top_tie_undecided   (const AwdResultsInput *in,
                                            const AwdResultCategory *category);
const char *awd_results_category_name      (const AwdResultsInput *in,
                                            int                   category);

GtkWidget *awd_results_build_category      (const AwdResultsData *data,
                                            guint                 position);
GtkWidget *awd_results_build_comparison    (const AwdResultsInput *in,
                                            AwdResults * const    by_method[4],
                                            guint                 position);
GtkWidget *awd_results_build_robustness    (const AwdResultsInput *in,
                                            const AwdResults     *full,
                                            const AwdResults     *without,
                                            guint                 juror);

G_END_DECLS
