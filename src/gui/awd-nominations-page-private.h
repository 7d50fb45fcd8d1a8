/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awd-nomination-row.h"
#include "awd-nominations-page.h"

G_BEGIN_DECLS

/* Shared by awd-nominations-page.c (the list: cells, sorting, filtering,
 * search, loading, the GObject) and awd-nominations-page-actions.c (new,
 * open, delete with undo, CSV import and export). */

/* The round's nominations as a table: search, filters, sorting by column,
 * and the way into the editor. Scale (100,000 nominations) shaped it:
 *   rows (light AwdNominationRow, one query)
 *     → GtkSortListModel (the column view's sorter; custom sorters over
 *       collation keys each row computes once)
 *     → GtkFilterListModel (category, status, and the ids the FTS5 search
 *       returned, as a GtkBitset)
 *     → GtkSingleSelection → GtkColumnView.
 * The filter sits above the sort so that a keystroke re-filters the sorted
 * list (a bitset lookup per row) and never sorts again. Whether sorting and
 * filtering in memory beats SQL was measured (tests/bench-nominations.c):
 * SQL pages answer a keystroke faster (p95 20 ms) but cannot sort by the
 * locale's collation, so the list sorts and filters in memory, both
 * incremental (see awd_nominations_page_init). Deleting hides the row and deletes in the store
 * when the undo toast goes away. */
struct _AwdNominationsPage
{
  AdwBin              parent_instance;

  AwdContext         *context;
  gint64              round_id;
  gboolean            editable;

  GListStore         *rows;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  GtkFilter          *filter;
  GtkBitset          *matches;         /* NULL: no search */
  GArray             *category_ids;    /* the filter dropdown's ids; [0] = all */
  GListModel         *categories;

  AwdNominationRow   *pending_delete;
  AdwToast           *pending_toast;
  GtkWidget          *editor;          /* weak */
  gboolean            notifying;       /* our own data-changed */

  GtkWidget          *final_strip;
  GtkWidget          *toolbar;
  GtkWidget          *search_entry;
  GtkWidget          *category_dropdown;
  GtkWidget          *status_dropdown;
  GtkWidget          *new_button;
  GtkWidget          *list_stack;
  GtkWidget          *column_view;
  GtkWidget          *empty_page;
  GtkWidget          *count_label;
  GtkColumnViewColumn *ref_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *institution_column;
  GtkColumnViewColumn *place_column;
  GtkColumnViewColumn *category_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *received_column;
};

/* awd-nominations-page.c */
void awd_nominations_page_refilter              (AwdNominationsPage *self,
                                                 GtkFilterChange     change);
void awd_nominations_page_run_search            (AwdNominationsPage *self);

/* awd-nominations-page-actions.c */
void awd_nominations_page_flush_pending_delete  (AwdNominationsPage *self);
void awd_nominations_page_install_actions       (GtkWidgetClass     *widget_class);

G_END_DECLS
