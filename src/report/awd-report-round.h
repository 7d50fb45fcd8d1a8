/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "awd-enums.h"
#include "awd-results.h"

G_BEGIN_DECLS

/* What the round's documents print, as plain data: the results engine's
 * input (and its results) plus what the engine does not need: the round's
 * title and status, dates, the stored checksum, the people who sign, the
 * reasons of the conflicts, the criteria's descriptions and the jurors'
 * comments. Filled by awd_report_round_load() from the store, or by hand
 * (tests, the GUI's current state). Fields are read directly; set them with
 * the functions, which copy. */

typedef struct {
  guint  juror;
  guint  nomination;
  char  *text;
} AwdReportComment;

typedef struct {
  AwdResultsInput *input;            /* owned */
  AwdResults      *results;          /* owned; computed with the round's method when NULL */

  gint64           round_id;         /* 0 when not from the store */
  char            *title;
  AwdRoundStatus   status;
  char            *issuer;           /* the institution that holds the award, or NULL */
  char            *date;             /* ISO date of the results (finalization), or NULL: today */
  char            *checksum;         /* lowercase hex SHA-256 of a final round, or NULL */
  char            *chair;            /* the chair's name (juror with chair=true), or NULL */
  char            *secretary;        /* the secretary's name, or NULL */

  GPtrArray       *conflict_reasons; /* char *, by conflict index (NULL: none given) */
  GPtrArray       *criterion_notes;  /* char *, by criterion index: its description */
  GPtrArray       *juror_affiliations; /* char *, by juror index */
  GArray          *comments;         /* AwdReportComment */
} AwdReportRound;

/* Takes @input. */
AwdReportRound *awd_report_round_new                  (AwdResultsInput *input,
                                                       const char      *title,
                                                       AwdRoundStatus   status);
void            awd_report_round_free                 (AwdReportRound  *round);

void            awd_report_round_set_issuer           (AwdReportRound  *round,
                                                       const char      *issuer);
void            awd_report_round_set_date             (AwdReportRound  *round,
                                                       const char      *iso_date);
void            awd_report_round_set_checksum         (AwdReportRound  *round,
                                                       const char      *checksum);
void            awd_report_round_set_chair            (AwdReportRound  *round,
                                                       const char      *name);
void            awd_report_round_set_secretary        (AwdReportRound  *round,
                                                       const char      *name);
void            awd_report_round_set_conflict_reason  (AwdReportRound  *round,
                                                       guint            conflict,
                                                       const char      *reason);
void            awd_report_round_set_criterion_note   (AwdReportRound  *round,
                                                       guint            criterion,
                                                       const char      *description);
void            awd_report_round_set_juror_affiliation (AwdReportRound *round,
                                                       guint            juror,
                                                       const char      *affiliation);
void            awd_report_round_add_comment          (AwdReportRound  *round,
                                                       guint            juror,
                                                       guint            nomination,
                                                       const char      *text);

/* Computes the results with the round's own method unless already there. */
gboolean        awd_report_round_ensure_results       (AwdReportRound  *round,
                                                       GError         **error);
/* A finalized round whose checksum is known: no «preliminary» notice. */
gboolean        awd_report_round_is_final             (const AwdReportRound *round);
/* The reason of a conflict between @juror and @nomination, "" when none is
 * recorded, NULL when there is no conflict. */
const char     *awd_report_round_lookup_conflict      (const AwdReportRound *round,
                                                       guint            juror,
                                                       guint            nomination);
const char     *awd_report_round_lookup_comment       (const AwdReportRound *round,
                                                       guint            juror,
                                                       guint            nomination);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwdReportRound, awd_report_round_free)

G_END_DECLS
