/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awd-score-sheet.h"
#include "awd-store-results.h"

G_BEGIN_DECLS

/* Shared by awd-score-sheet.c (loading a juror's sheet, saving a cell, the
 * public API), awd-score-sheet-cells.c (the widgets of the page shown:
 * headers, cells, totals, comments) and awd-score-sheet-navigation.c
 * (moving between cells and between pages). */

/* Nominations on one page of the sheet. A real sheet (under 40
 * nominations) is one page and shows no pager; a long one is shown 40 at a
 * time, because GTK's CSS, measuring and allocating of a grid of thousands
 * of entries made every keystroke slow. */
#define SHEET_PAGE_ROWS 40

/* Grid columns: ref, title, criteria…, total, [jury], comment. */
#define COL_REF 0
#define COL_TITLE 1
#define COL_FIRST_CRITERION 2

typedef struct
{
  gint64     id;
  double     weight;
  char      *name;
} SheetCriterion;

/* A nomination of the sheet. Its data lives as long as the sheet; its
 * widgets only while its page is shown. */
typedef struct
{
  guint       index;          /* in self->rows */
  gint64      nomination_id;
  guint       snapshot_index;
  int         category;       /* snapshot category index, -1 for none */
  gboolean    conflicted;
  char       *conflict_reason;
  char       *comment;
  double     *stored;         /* per criterion; NAN when empty */
  double      jury;           /* the season's result; NAN when none or blind */
  GtkWidget **cells;          /* per criterion; NULL off the page shown */
  GtkWidget  *total_label;
  GtkWidget  *comment_button;
} SheetRow;

struct _AwdScoreSheet
{
  AdwBin              parent_instance;

  AwdContext         *context;
  gint64              round_id;
  gint64              juror_id;
  char               *juror_name;
  gboolean            editable;
  gboolean            submitted;
  gboolean            edit_confirmed;  /* the person agreed to edit a submitted sheet */
  gboolean            show_jury;       /* blind mode off, or the round is final */
  double              scale_min, scale_max, scale_step;

  AwdResultsSnapshot *snapshot;        /* titles, refs, category names */
  GArray             *criteria;        /* SheetCriterion */
  GPtrArray          *rows;            /* SheetRow*, display order */
  GHashTable         *row_by_nomination;  /* gint64* → SheetRow* */
  guint               n_pages;
  guint               page;            /* the page shown, when page_built */
  gboolean            page_built;

  GtkWidget          *scroll_target;   /* weak: the cell to bring into view once laid out */
  GdkFrameClock      *layout_clock;
  gulong              layout_handler;
  guint               layout_tries;

  GtkWidget          *confirm_dialog;
  GtkWidget          *pending_cell;    /* weak: the cell waiting on the dialog */
  gulong              close_handler;
  GtkWidget          *close_window;

  GtkWidget          *message_label;
  GtkWidget          *empty_label;
  GtkWidget          *scroller;
  GtkWidget          *grid;
  GtkWidget          *pager;
  GtkWidget          *pager_label;
};

/* awd-score-sheet.c */
gboolean   awd_score_sheet_commit_cell        (GtkWidget      *entry,
                                               const char     *text,
                                               gpointer        user_data);

/* awd-score-sheet-cells.c */
char      *awd_score_sheet_format_score       (double          value);
void       awd_score_sheet_update_total       (AwdScoreSheet  *self,
                                               SheetRow       *row);
void       awd_score_sheet_show_message       (AwdScoreSheet  *self,
                                               const char     *message);
void       awd_score_sheet_mark_cell          (GtkWidget      *cell,
                                               const char     *message);
void       awd_score_sheet_build_page         (AwdScoreSheet  *self);
void       awd_score_sheet_clear_page         (AwdScoreSheet  *self);

/* awd-score-sheet-navigation.c */
SheetRow  *awd_score_sheet_row_of_cell        (AwdScoreSheet  *self,
                                               GtkWidget      *cell);
guint      awd_score_sheet_column_of_cell     (GtkWidget      *cell);
GtkWidget *awd_score_sheet_focused_cell       (AwdScoreSheet  *self);
void       awd_score_sheet_watch_cell_keys    (AwdScoreSheet  *self,
                                               GtkWidget      *cell);
gboolean   awd_score_sheet_show_page          (AwdScoreSheet  *self,
                                               guint           page);
gboolean   awd_score_sheet_focus_row_cell     (AwdScoreSheet  *self,
                                               SheetRow       *row,
                                               guint           column);
void       awd_score_sheet_stop_scrolling     (AwdScoreSheet  *self);
void       awd_score_sheet_install_navigation (GtkWidgetClass *widget_class);

G_END_DECLS
