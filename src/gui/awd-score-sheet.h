/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_SCORE_SHEET (awd_score_sheet_get_type ())

G_DECLARE_FINAL_TYPE (AwdScoreSheet, awd_score_sheet, AWD, SCORE_SHEET, AdwBin)

GtkWidget *awd_score_sheet_new             (AwdContext    *context);
/* Shows the sheet of @juror_id (0: none) in the context's round, as stored. */
void       awd_score_sheet_load            (AwdScoreSheet *self,
                                            gint64         juror_id);
gint64     awd_score_sheet_get_juror       (AwdScoreSheet *self);
/* Focuses the cell, turning to its page; @criterion_id 0 picks the row's
 * first empty cell (or its first cell). FALSE when the nomination is not on
 * the sheet, or the page shown keeps a refused value. */
gboolean   awd_score_sheet_focus_cell      (AwdScoreSheet *self,
                                            gint64         nomination_id,
                                            gint64         criterion_id);
/* Saves the cell being edited, if its text changed (window closing). */
void       awd_score_sheet_commit_pending  (AwdScoreSheet *self);
guint      awd_score_sheet_get_n_rows      (AwdScoreSheet *self);
/* A long sheet is shown a page at a time (0-based; 0 pages when empty). */
guint      awd_score_sheet_get_n_pages     (AwdScoreSheet *self);
guint      awd_score_sheet_get_page        (AwdScoreSheet *self);

G_END_DECLS
