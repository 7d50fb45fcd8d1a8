/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awd-results-page.h"
#include "awd-store-results.h"

G_BEGIN_DECLS

/* Shared by awd-results-page.c (loading, showing) and
 * awd-results-page-actions.c (what a person does: marks, winners, ties,
 * finalizing, reopening). */
struct _AwdResultsPage
{
  AdwBin              parent_instance;

  AwdContext         *context;
  AwdRound           *round;
  gint64              round_id;
  int                 round_method;    /* the round's method last seen, -1 */
  AwdMethod           method;          /* the method shown */
  guint               reload_id;
  gboolean            reload_on_map;   /* data changed while hidden */
  gboolean            loading;
  gboolean            comparison_dirty;
  gboolean            robustness_dirty;

  AwdResultsSnapshot *snapshot;
  AwdResults         *results;         /* by the method shown */
  AwdResults         *decisions;       /* by the round's own method */
  GArray             *frozen_rows;     /* AwdResultRow, final rounds */
  GHashTable         *frozen;          /* nomination index + 1 → AwdResultRow * */
  GPtrArray          *problems;        /* char *, finalize problems */
  GPtrArray          *problem_rows;    /* rows added to problems_group */
  GPtrArray          *sections;        /* ranking sections by category position */
  char               *load_error;

  GtkWidget          *final_strip;
  GtkWidget          *content;         /* "results", or "empty" */
  GtkWidget          *empty_page;
  GtkWidget          *final_label;
  GtkWidget          *incomplete_bar;
  GtkWidget          *incomplete_box;
  GtkWidget          *method_dropdown;
  GtkWidget          *method_note;
  GtkWidget          *menu_button;
  GtkWidget          *views;
  GtkWidget          *ranking_box;
  GtkWidget          *comparison_box;
  GtkWidget          *robustness_intro;
  GtkWidget          *robustness_box;
  GtkWidget          *problems_group;
  GtkWidget          *finalize_button;
  GtkWidget          *frozen_group;
  GtkWidget          *frozen_method_row;
  GtkWidget          *frozen_date_row;
  GtkWidget          *checksum_label;
  GtkWidget          *frozen_verify_row;
};

gboolean awd_results_page_is_final          (AwdResultsPage *self);
gboolean awd_results_page_is_editable       (AwdResultsPage *self);
void     awd_results_page_show_message      (AwdResultsPage *self,
                                             const char     *message);
void     awd_results_page_queue_reload      (AwdResultsPage *self);
int      awd_results_page_nomination_index  (AwdResultsPage *self,
                                             gint64          nomination_id);
void     awd_results_page_install_actions   (GtkWidgetClass *widget_class);

G_END_DECLS
