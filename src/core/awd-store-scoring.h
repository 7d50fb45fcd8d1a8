/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-enums.h"
#include "awd-store.h"

G_BEGIN_DECLS

/* The store's API for the jury's work on a round: conflicts of interest,
 * scores, comments, public votes, award marks and direct winners. Every
 * change is one transaction with one audit row; a final round refuses
 * them. Rows are listed as plain structs (GArray with a clear function). */

typedef struct {
  gint64  juror_id;
  gint64  nomination_id;
  char   *reason;          /* or NULL */
} AwdConflictRow;

typedef struct {
  gint64  juror_id;
  gint64  nomination_id;
  char   *text;
} AwdCommentRow;

typedef struct {
  gint64  nomination_id;
  gint64  count;
} AwdVoteRow;

typedef struct {
  gint64        nomination_id;
  AwdAwardMark  mark;
  char         *note;      /* or NULL */
} AwdAwardRow;

/* A frozen result of a finalized round. */
typedef struct {
  gint64        nomination_id;
  gint64        category_id;   /* 0 for a round without categories */
  int           rank;
  double        score;
  AwdAwardMark  mark;
  char         *note;
} AwdResultRow;

/* Called for each score in order; return FALSE to stop (the caller's
 * reason goes in @error). */
typedef gboolean (*AwdScoreFunc) (gint64    juror_id,
                                  gint64    nomination_id,
                                  gint64    criterion_id,
                                  double    value,
                                  gpointer  user_data,
                                  GError  **error);

/* A score must lie within [min, max] and on a step from min. The message
 * names the value and the scale. */
gboolean  awd_score_value_check         (double         scale_min,
                                         double         scale_max,
                                         double         scale_step,
                                         double         value,
                                         GError       **error);

/* Conflicts of interest */
gboolean  awd_store_set_conflict        (AwdStore      *self,
                                         gint64         juror_id,
                                         gint64         nomination_id,
                                         const char    *reason,
                                         GError       **error);
gboolean  awd_store_remove_conflict     (AwdStore      *self,
                                         gint64         juror_id,
                                         gint64         nomination_id,
                                         GError       **error);
/* AwdConflictRow, by juror position then nomination ref. */
GArray   *awd_store_list_conflicts      (AwdStore      *self,
                                         gint64         round_id,
                                         GError       **error);

/* Scores. Setting a score checks it against the round's scale and refuses
 * a juror with a conflict on the nomination. */
gboolean  awd_store_set_score           (AwdStore      *self,
                                         gint64         juror_id,
                                         gint64         nomination_id,
                                         gint64         criterion_id,
                                         double         value,
                                         GError       **error);
gboolean  awd_store_clear_score         (AwdStore      *self,
                                         gint64         juror_id,
                                         gint64         nomination_id,
                                         gint64         criterion_id,
                                         GError       **error);
/* FALSE with no error when the cell is empty. */
gboolean  awd_store_get_score           (AwdStore      *self,
                                         gint64         juror_id,
                                         gint64         nomination_id,
                                         gint64         criterion_id,
                                         double        *out_value,
                                         GError       **error);
/* Every score of the round, ordered by juror position, nomination ref,
 * criterion position (the export's order). */
gboolean  awd_store_foreach_score       (AwdStore      *self,
                                         gint64         round_id,
                                         AwdScoreFunc   func,
                                         gpointer       user_data,
                                         GError       **error);
gint64    awd_store_count_scores        (AwdStore      *self,
                                         gint64         round_id,
                                         GError       **error);

/* Comments: an empty or NULL text removes the comment. */
gboolean  awd_store_set_comment         (AwdStore      *self,
                                         gint64         juror_id,
                                         gint64         nomination_id,
                                         const char    *text,
                                         GError       **error);
/* AwdCommentRow, by juror position then nomination ref. */
GArray   *awd_store_list_comments       (AwdStore      *self,
                                         gint64         round_id,
                                         GError       **error);

/* Public votes: a negative count removes the count. */
gboolean  awd_store_set_votes           (AwdStore      *self,
                                         gint64         nomination_id,
                                         gint64         count,
                                         GError       **error);
/* AwdVoteRow, by nomination ref. */
GArray   *awd_store_list_votes          (AwdStore      *self,
                                         gint64         round_id,
                                         GError       **error);

/* Award marks and the chair's note on a decided tie; NONE and no note
 * removes the record. */
gboolean  awd_store_set_award           (AwdStore      *self,
                                         gint64         nomination_id,
                                         AwdAwardMark   mark,
                                         const char    *note,
                                         GError       **error);
/* AwdAwardRow, by nomination ref. */
GArray   *awd_store_list_awards         (AwdStore      *self,
                                         gint64         round_id,
                                         GError       **error);

/* The winner of a direct-prize category (0 clears it); the winner must be
 * a nomination of that category. */
gboolean  awd_store_set_category_winner (AwdStore      *self,
                                         gint64         category_id,
                                         gint64         nomination_id,
                                         GError       **error);

/* The frozen results of a finalized round (AwdResultRow), by category
 * position, rank, then ref. Empty for a round that is not final. */
GArray   *awd_store_list_results        (AwdStore      *self,
                                         gint64         round_id,
                                         GError       **error);

/* The method a final round's results were computed by; FALSE with an
 * error when the round is not final. */
gboolean  awd_store_get_results_method  (AwdStore      *self,
                                         gint64         round_id,
                                         AwdMethod     *out_method,
                                         GError       **error);

/* Bulk entry points for an import: the same checks, no audit row of their
 * own; inside the caller's transaction (see awd-store-nominations.h). */
gboolean  awd_store_bulk_insert_conflict (AwdStore     *self,
                                          gint64        round_id,
                                          gint64        juror_id,
                                          gint64        nomination_id,
                                          const char   *reason,
                                          GError      **error);
/* @round gives the scale the value is checked against. */
gboolean  awd_store_bulk_insert_score    (AwdStore     *self,
                                          AwdRound     *round,
                                          gint64        juror_id,
                                          gint64        nomination_id,
                                          gint64        criterion_id,
                                          double        value,
                                          GError      **error);

/* One score of a batch for awd_store_bulk_insert_scores. */
typedef struct {
  gint64 juror_id;
  gint64 nomination_id;
  gint64 criterion_id;
  double value;
} AwdScoreCell;

/* The same checks and rows as awd_store_bulk_insert_score for each of
 * @n_cells scores of @round, several rows to a statement (an import's
 * million scores). On failure *@out_failed is the index of the refused
 * cell and @error says why, as awd_store_bulk_insert_score would; cells
 * before it may be stored, so the caller rolls its transaction back. */
gboolean  awd_store_bulk_insert_scores   (AwdStore           *self,
                                          AwdRound           *round,
                                          const AwdScoreCell *cells,
                                          guint               n_cells,
                                          guint              *out_failed,
                                          GError            **error);
gboolean  awd_store_bulk_insert_comment  (AwdStore     *self,
                                          gint64        round_id,
                                          gint64        juror_id,
                                          gint64        nomination_id,
                                          const char   *text,
                                          GError      **error);
gboolean  awd_store_bulk_insert_votes    (AwdStore     *self,
                                          gint64        nomination_id,
                                          gint64        count,
                                          GError      **error);
gboolean  awd_store_bulk_insert_award    (AwdStore     *self,
                                          gint64        nomination_id,
                                          AwdAwardMark  mark,
                                          const char   *note,
                                          GError      **error);
gboolean  awd_store_bulk_set_winner      (AwdStore     *self,
                                          gint64        category_id,
                                          gint64        nomination_id,
                                          GError      **error);

G_END_DECLS
