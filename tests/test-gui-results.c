/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gui-results"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "awd-context.h"
#include "awd-gui-test-util.h"
#include "awd-results-page.h"
#include "awd-store-results.h"
#include "awd-store-scoring.h"
#include "awd-test-util.h"
#include "awd-window.h"
#include "awd-xml-import.h"

/* The results page on the sample season, driven through its widgets and
 * actions and checked against the results engine and the store. Widgets
 * are found by their names (see awd-results-tables.h). */

typedef AwdGuiFixture Fixture;

static void
pump (void)
{
  for (int i = 0; i < 6; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-round.xml", NULL);

  f->dir = awd_test_make_dir ();
  f->path = g_build_filename (f->dir, "awards.db", NULL);
  f->settings = g_settings_new (APP_ID);
  g_settings_set_int64 (f->settings, "last-round", 0);
  g_settings_set_boolean (f->settings, "blind-mode", TRUE);

  f->store = awd_store_open (f->path, AWD_STORE_OPEN_CREATE, "Test Operator", &error);
  g_assert_no_error (error);
  ids = awd_xml_import (f->store, sample, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  f->round_id = ids != NULL && ids->len > 0 ? g_array_index (ids, gint64, 0) : 0;

  f->context = awd_context_new (f->store, f->settings);
  f->window = awd_window_new (NULL, f->context);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 860);
  gtk_window_present (GTK_WINDOW (f->window));
  pump ();
  g_assert_true (awd_window_select_round (f->window, f->round_id));
  awd_context_request_show (f->context, "results", NULL);
  pump ();
}

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);
      if (ADW_IS_MESSAGE_DIALOG (window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_dialogs ();
  if (f->window != NULL)
    {
      gtk_window_close (GTK_WINDOW (f->window));
      pump ();
      if (f->window != NULL)
        gtk_window_destroy (GTK_WINDOW (f->window));
      pump ();
    }
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_clear_object (&f->settings);
  awd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint
count_named (GtkWidget  *root,
             const char *name)
{
  guint n = g_strcmp0 (gtk_widget_get_name (root), name) == 0 ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_named (child, name);
  return n;
}

static const char *
visible_round_page (Fixture *f)
{
  GtkWidget *stack = awd_gui_find_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK);

  return stack != NULL ? adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)) : NULL;
}

static GtkWidget *
results_page (Fixture *f)
{
  GtkWidget *page = f->window != NULL ? awd_gui_find_type (GTK_WIDGET (f->window), AWD_TYPE_RESULTS_PAGE) : NULL;

  g_assert_nonnull (page);
  return page;
}

static void
show_view (Fixture    *f,
           const char *name)
{
  GtkWidget *views = awd_gui_find_nth_named (results_page (f), "results-views", 0);

  g_assert_nonnull (views);
  if (views != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (views), name);
  pump ();
}

static AdwMessageDialog *
find_dialog (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (window)), name) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static AwdResults *
compute (Fixture            *f,
         AwdMethod           method,
         AwdResultsSnapshot **out_snapshot)
{
  g_autoptr(GError) error = NULL;
  AwdResultsSnapshot *snapshot = awd_store_load_results (f->store, f->round_id, &error);
  AwdResults *res;

  g_assert_no_error (error);
  res = awd_results_compute (snapshot->input, method, &error);
  g_assert_no_error (error);
  *out_snapshot = snapshot;
  return res;
}

/* The refs (and places) the page lists in each category are the engine's. */
static void
check_ranking (Fixture   *f,
               AwdMethod  method)
{
  AwdResultsSnapshot *snapshot = NULL;
  g_autoptr(AwdResults) res = compute (f, method, &snapshot);
  GtkWidget *page = results_page (f);

  g_assert_cmpuint (count_named (page, "results-category"), ==, res->categories->len);
  for (guint i = 0; i < res->categories->len; i++)
    {
      const AwdResultCategory *c = &g_array_index (res->categories, AwdResultCategory, i);
      GtkWidget *section = awd_gui_find_nth_named (page, "results-category", (int) i);

      g_assert_nonnull (section);
      if (section == NULL)
        continue;
      g_assert_cmpuint (count_named (section, "result-ref"), ==, c->entries->len);
      for (guint k = 0; k < c->entries->len; k++)
        {
          const AwdResultEntry *e = &g_array_index (c->entries, AwdResultEntry, k);
          const AwdResultsNomination *n = &g_array_index (snapshot->input->nominations,
                                                          AwdResultsNomination, e->nomination);
          GtkWidget *ref = awd_gui_find_nth_named (section, "result-ref", (int) k);
          GtkWidget *rank = awd_gui_find_nth_named (section, "result-rank", (int) k);
          g_autofree char *expected_rank = e->tied ? g_strdup_printf ("%u=", e->rank)
                                                   : g_strdup_printf ("%u", e->rank);

          g_assert_nonnull (ref);
          g_assert_nonnull (rank);
          if (ref == NULL || rank == NULL)
            continue;
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ref)), ==, n->ref);
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rank)), ==, expected_rank);
        }
    }
  awd_results_snapshot_free (snapshot);
}

static const char *
first_ref (Fixture *f,
           guint    category)
{
  GtkWidget *section = awd_gui_find_nth_named (results_page (f), "results-category", (int) category);
  GtkWidget *ref = section != NULL ? awd_gui_find_nth_named (section, "result-ref", 0) : NULL;

  return ref != NULL ? gtk_label_get_text (GTK_LABEL (ref)) : NULL;
}

static void
test_ranking_matches_engine (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *page = results_page (f);
  GtkWidget *method = awd_gui_find_nth_named (page, "results-method", 0);
  GtkWidget *score;

  awd_gui_screenshot (GTK_WIDGET (f->window), "results-ranking");
  check_ranking (f, AWD_METHOD_MEAN);
  g_assert_cmpstr (first_ref (f, 0), ==, "2024-001");
  g_assert_cmpstr (first_ref (f, 1), ==, "2024-014");

  /* The mean of 2024-001, three decimals, in the locale's notation. */
  score = awd_gui_find_nth_named (awd_gui_find_nth_named (page, "results-category", 0), "result-score", 0);
  g_assert_nonnull (score);
  if (score != NULL)
    {
      /* Under ru_RU the decimal mark is a comma. */
      g_autofree char *expected = g_strdup_printf ("7%s482", localeconv ()->decimal_point);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (score)), ==, expected);
    }

  /* The chooser shows the round's method, and switching recomputes. */
  g_assert_nonnull (method);
  if (method == NULL)
    return;
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (method)), ==, AWD_METHOD_MEAN);
  for (AwdMethod m = AWD_METHOD_MEDIAN; m <= AWD_METHOD_ZSCORE; m++)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (method), m);
      pump ();
      check_ranking (f, m);
    }
  /* Blind mode (on): no per-juror breakdown before finalization. */
  g_assert_cmpuint (count_named (page, "result-expand"), ==, 0);
}

static void
test_breakdown_follows_blind_mode (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWidget *page = results_page (f);
  GtkWidget *toggle;

  g_assert_cmpuint (count_named (page, "result-expand"), ==, 0);
  g_settings_set_boolean (f->settings, "blind-mode", FALSE);
  pump ();
  /* One per jury-scored nomination: 8 + 4 in the sample. */
  g_assert_cmpuint (count_named (page, "result-expand"), ==, 12);
  toggle = awd_gui_find_nth_named (page, "result-expand", 0);
  if (toggle != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  pump ();
  g_assert_true (gtk_widget_get_visible (awd_gui_find_nth_named (page, "result-breakdown", 0)));
  awd_gui_screenshot (GTK_WIDGET (f->window), "results-breakdown");
}

/* Removes one stored score; returns its ids and value to put it back. */
static void
remove_one_score (Fixture *f,
                  gint64  *juror_id,
                  gint64  *nomination_id,
                  gint64  *criterion_id,
                  double  *value)
{
  AwdResultsSnapshot *snapshot = NULL;
  g_autoptr(AwdResults) res = compute (f, AWD_METHOD_MEAN, &snapshot);
  g_autoptr(GError) error = NULL;
  const AwdResultsScore *score = &g_array_index (snapshot->input->scores, AwdResultsScore, 0);

  *juror_id = g_array_index (snapshot->juror_ids, gint64, score->juror);
  *nomination_id = g_array_index (snapshot->nomination_ids, gint64, score->nomination);
  *criterion_id = g_array_index (snapshot->criterion_ids, gint64, score->criterion);
  *value = score->value;
  awd_results_snapshot_free (snapshot);

  g_assert_true (awd_store_clear_score (f->store, *juror_id, *nomination_id, *criterion_id, &error));
  g_assert_no_error (error);
  awd_context_data_changed (f->context, "scores");
  pump ();
}

static void
test_finalize_gate (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *page = results_page (f);
  GtkWidget *button = awd_gui_find_nth_named (page, "results-finalize", 0);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 juror_id, nomination_id, criterion_id;
  double value;

  g_assert_nonnull (button);
  if (button == NULL)
    return;
  show_view (f, "finalize");
  problems = awd_store_list_finalize_problems (f->store, f->round_id, &error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_false (gtk_widget_get_visible (awd_gui_find_nth_named (page, "results-incomplete", 0)));

  remove_one_score (f, &juror_id, &nomination_id, &criterion_id, &value);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_cmpuint (count_named (page, "results-problem"), >=, 1);
  g_assert_true (gtk_widget_get_visible (awd_gui_find_nth_named (page, "results-incomplete", 0)));
  g_assert_cmpuint (count_named (page, "results-incomplete-item"), ==, 1);
  awd_gui_screenshot (GTK_WIDGET (f->window), "results-gate-blocked");

  /* The missing cell's link asks for the scoring page. */
  {
    GtkWidget *item = awd_gui_find_nth_named (page, "results-incomplete-item", 0);
    g_autofree char *uri = g_strdup_printf ("cell:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, juror_id, nomination_id);
    gboolean handled = FALSE;

    g_assert_cmpstr (visible_round_page (f), ==, "results");
    g_assert_nonnull (item);
    /* Only once the scoring page is part of the window (another area). */
    if (item != NULL && awd_gui_find_named (GTK_WIDGET (f->window), "scoring-juror") != NULL)
      {
        g_signal_emit_by_name (item, "activate-link", uri, &handled);
        pump ();
        g_assert_true (handled);
        g_assert_cmpstr (visible_round_page (f), ==, "scoring");
      }
    awd_context_request_show (f->context, "results", NULL);
    pump ();
  }

  /* The action refuses too, not just the button. */
  gtk_widget_activate_action (page, "results.finalize", NULL);
  pump ();
  g_assert_null (find_dialog ("results-finalize-dialog"));

  g_assert_true (awd_store_set_score (f->store, juror_id, nomination_id, criterion_id, value, &error));
  g_assert_no_error (error);
  awd_context_data_changed (f->context, "scores");
  pump ();
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpuint (count_named (page, "results-problem"), ==, 0);
  g_assert_false (gtk_widget_get_visible (awd_gui_find_nth_named (page, "results-incomplete", 0)));
}

static void
finalize_via_ui (Fixture *f)
{
  GtkWidget *button = awd_gui_find_nth_named (results_page (f), "results-finalize", 0);
  AdwMessageDialog *dialog;

  show_view (f, "finalize");
  g_assert_nonnull (button);
  if (button == NULL)
    return;
  g_signal_emit_by_name (button, "clicked");
  pump ();
  dialog = find_dialog ("results-finalize-dialog");
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  awd_gui_screenshot (GTK_WIDGET (dialog), "results-finalize-dialog");
  {
    GtkWidget *details = awd_gui_find_nth_named (GTK_WIDGET (dialog), "results-finalize-details", 0);
    g_assert_nonnull (details);
    if (details != NULL)
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (details)), "2024-001"));
  }
  adw_message_dialog_response (dialog, "finalize");
  pump ();
}

static void
test_finalize_through_ui (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *page = results_page (f);
  GtkWidget *checksum;

  finalize_via_ui (f);
  round = awd_store_get_round (f->store, f->round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awd_round_get_status (round), ==, AWD_ROUND_STATUS_FINAL);
  g_assert_cmpuint (strlen (awd_round_get_results_checksum (round) ? awd_round_get_results_checksum (round) : ""), ==, 64);
  g_assert_true (awd_store_verify_final_round (f->store, f->round_id, &error));

  /* The pages follow: the context holds the round as final. */
  g_assert_cmpint (awd_round_get_status (awd_context_get_round (f->context)), ==, AWD_ROUND_STATUS_FINAL);
  checksum = awd_gui_find_nth_named (page, "results-checksum", 0);
  g_assert_nonnull (checksum);
  shown = g_strdup_printf ("sha256:%s", awd_round_get_results_checksum (round));
  if (checksum != NULL)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (checksum)), ==, shown);
  g_assert_true (gtk_widget_get_visible (awd_gui_find_nth_named (page, "results-final-label", 0)));
  g_assert_false (gtk_widget_is_sensitive (awd_gui_find_nth_named (page, "results-finalize", 0)));
  /* The set-up page follows the round's status: read-only. */
  g_assert_false (gtk_widget_is_sensitive (awd_gui_find_nth_named (GTK_WIDGET (f->window), "round-title", 0)));
  awd_gui_screenshot (GTK_WIDGET (f->window), "results-final");

  /* Frozen: no mark choosers; the frozen laureate of each category shows. */
  show_view (f, "ranking");
  g_assert_cmpuint (count_named (page, "result-mark"), ==, 0);
  g_assert_cmpuint (count_named (page, "result-mark-label"), >=, 4);
  /* Final: the breakdown shows despite blind mode. */
  g_assert_cmpuint (count_named (page, "result-expand"), ==, 12);
  awd_gui_screenshot (GTK_WIDGET (f->window), "results-final-ranking");
}

static AdwMessageDialog *
open_reopen_dialog (Fixture *f)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (results_page (f), "results.reopen", NULL);
  pump ();
  dialog = find_dialog ("results-reopen-dialog");
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_reopen_needs_reason (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AwdRound) round = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  finalize_via_ui (f);

  dialog = open_reopen_dialog (f);
  if (dialog == NULL)
    return;
  entry = awd_gui_find_nth_named (GTK_WIDGET (dialog), "reopen-reason", 0);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reopen"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reopen"));
  /* Answered anyway with a blank reason: the store refuses. */
  adw_message_dialog_response (dialog, "reopen");
  pump ();
  round = awd_store_get_round (f->store, f->round_id, NULL);
  g_assert_cmpint (awd_round_get_status (round), ==, AWD_ROUND_STATUS_FINAL);
  g_assert_nonnull (find_dialog ("results-error-dialog"));
  close_dialogs ();
  pump ();

  dialog = open_reopen_dialog (f);
  if (dialog == NULL)
    return;
  entry = awd_gui_find_nth_named (GTK_WIDGET (dialog), "reopen-reason", 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Пересчёт после жалобы");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reopen"));
  awd_gui_screenshot (GTK_WIDGET (dialog), "results-reopen-dialog");
  adw_message_dialog_response (dialog, "reopen");
  pump ();

  g_clear_object (&round);
  round = awd_store_get_round (f->store, f->round_id, NULL);
  g_assert_cmpint (awd_round_get_status (round), ==, AWD_ROUND_STATUS_SCORING);
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT count(*) FROM audit WHERE action = 'reopen'"
                                       " AND after LIKE '%Пересчёт после жалобы%'"), ==, 1);
  g_assert_cmpint (awd_round_get_status (awd_context_get_round (f->context)), ==, AWD_ROUND_STATUS_SCORING);
  g_assert_true (gtk_widget_is_sensitive (awd_gui_find_nth_named (results_page (f), "results-finalize", 0)));
  g_assert_true (gtk_widget_is_sensitive (awd_gui_find_nth_named (GTK_WIDGET (f->window), "round-title", 0)));
}

static void
test_method_comparison (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *page = results_page (f);
  GtkWidget *first;

  show_view (f, "comparison");
  /* The two jury-scored categories. */
  g_assert_cmpuint (count_named (page, "comparison-category"), ==, 2);
  first = awd_gui_find_nth_named (page, "comparison-category", 0);
  if (first != NULL)
    {
      g_assert_cmpuint (count_named (first, "comparison-method"), ==, 4);
      g_assert_cmpuint (count_named (first, "comparison-ref"), ==, 8);
    }
  awd_gui_screenshot (GTK_WIDGET (f->window), "results-comparison");
}

static void
test_robustness_lists_jurors (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GListModel) jurors = awd_store_list_jurors (f->store, f->round_id, NULL);
  GtkWidget *page = results_page (f);

  show_view (f, "robustness");
  g_assert_cmpuint (count_named (page, "robustness-juror"), ==, g_list_model_get_n_items (jurors));
  g_assert_cmpuint (g_list_model_get_n_items (jurors), ==, 7);
  /* Every juror × jury category has a verdict row. */
  g_assert_cmpuint (count_named (page, "robustness-holds") + count_named (page, "robustness-changes"), ==, 14);
  awd_gui_screenshot (GTK_WIDGET (f->window), "results-robustness");
}

/* A tie at the top of the public vote: the gate asks for the chair's
 * decision; the dialog records it with a note. */
static void
test_tie_decision (Fixture       *f,
                   gconstpointer  data)
{
  AwdResultsSnapshot *snapshot = NULL;
  g_autoptr(AwdResults) res = compute (f, AWD_METHOD_MEAN, &snapshot);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) awards = NULL;
  GtkWidget *page = results_page (f);
  GtkWidget *button, *note, *choice;
  AdwMessageDialog *dialog;
  int second = awd_results_input_find_nomination (snapshot->input, "2024-019");
  gint64 second_id = g_array_index (snapshot->nomination_ids, gint64, second);
  gboolean found = FALSE;

  awd_results_snapshot_free (snapshot);
  g_assert_true (awd_store_set_votes (f->store, second_id, 412, &error));
  g_assert_no_error (error);
  awd_context_data_changed (f->context, "votes");
  pump ();

  g_assert_false (gtk_widget_is_sensitive (awd_gui_find_nth_named (page, "results-finalize", 0)));
  button = awd_gui_find_nth_named (page, "results-decide-tie", 0);
  g_assert_nonnull (button);
  if (button == NULL)
    return;
  awd_gui_screenshot (gtk_widget_get_parent (gtk_widget_get_parent (button)), "results-tie");
  g_signal_emit_by_name (button, "clicked");
  pump ();
  dialog = find_dialog ("results-tie-dialog");
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "decide"));
  choice = awd_gui_find_nth_named (GTK_WIDGET (dialog), "tie-choice", 0);
  note = awd_gui_find_nth_named (GTK_WIDGET (dialog), "tie-note", 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), 1);
  gtk_editable_set_text (GTK_EDITABLE (note), "Решение председателя: охват");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "decide"));
  awd_gui_screenshot (GTK_WIDGET (dialog), "results-tie-dialog");
  adw_message_dialog_response (dialog, "decide");
  pump ();

  awards = awd_store_list_awards (f->store, f->round_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; awards != NULL && i < awards->len; i++)
    {
      AwdAwardRow *row = &g_array_index (awards, AwdAwardRow, i);
      if (row->mark == AWD_AWARD_MARK_LAUREATE && g_strcmp0 (row->note, "Решение председателя: охват") == 0)
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_null (awd_gui_find_nth_named (page, "results-decide-tie", 0));
  g_assert_true (gtk_widget_is_sensitive (awd_gui_find_nth_named (page, "results-finalize", 0)));
}

static const char *
content_shown (Fixture *f)
{
  GtkWidget *content = awd_gui_find_nth_named (results_page (f), "results-content", 0);

  return content != NULL ? gtk_stack_get_visible_child_name (GTK_STACK (content)) : NULL;
}

static const char *
empty_description (Fixture *f)
{
  GtkWidget *empty = awd_gui_find_nth_named (results_page (f), "results-empty", 0);

  return empty != NULL ? adw_status_page_get_description (ADW_STATUS_PAGE (empty)) : "";
}

/* A season with nothing to rank says so, and what to do, instead of an
 * invented category with no entries; it shows the ranking once an eligible
 * nomination has criteria to be scored by. */
static void
test_empty_season (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdNomination) nomination = awd_nomination_new ();
  g_autoptr(AwdCriterion) criterion = awd_criterion_new ();
  gint64 round_id = awd_test_add_round (f->store, "Пустой сезон");
  GtkWidget *button;

  awd_window_reload_rounds (f->window);
  pump ();
  g_assert_true (awd_window_select_round (f->window, round_id));
  awd_context_request_show (f->context, "results", NULL);
  pump ();
  g_assert_cmpstr (content_shown (f), ==, "empty");
  g_assert_nonnull (strstr (empty_description (f), "criteria"));
  g_assert_false (gtk_widget_get_mapped (awd_gui_find_nth_named (results_page (f), "results-finalize", 0)));
  awd_gui_screenshot (GTK_WIDGET (f->window), "results-empty");

  /* A nomination not yet admitted: the page says to admit it. */
  awd_nomination_set_round_id (nomination, round_id);
  awd_nomination_set_ref (nomination, "2025-001");
  awd_nomination_set_title (nomination, "Проект");
  awd_nomination_set_institution (nomination, "Библиотека");
  awd_nomination_set_status (nomination, AWD_NOMINATION_STATUS_RECEIVED);
  g_assert_true (awd_store_insert_nomination (f->store, nomination, &error));
  g_assert_no_error (error);
  awd_context_data_changed (f->context, "nominations");
  pump ();
  g_assert_cmpstr (content_shown (f), ==, "empty");
  g_assert_nonnull (strstr (empty_description (f), "eligible"));

  /* Admitted, but nothing to score it by yet. */
  awd_nomination_set_status (nomination, AWD_NOMINATION_STATUS_ELIGIBLE);
  g_assert_true (awd_store_save_nomination (f->store, nomination, &error));
  g_assert_no_error (error);
  awd_context_data_changed (f->context, "nominations");
  pump ();
  g_assert_cmpstr (content_shown (f), ==, "empty");
  g_assert_nonnull (strstr (empty_description (f), "no scoring criteria"));

  /* The button takes the person where the work is. */
  button = awd_gui_find_nth_named (results_page (f), "results-empty-setup", 0);
  g_assert_nonnull (button);
  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
  pump ();
  g_assert_cmpstr (visible_round_page (f), ==, "setup");

  /* A criterion: the ranking is shown, the made-up group is not. */
  awd_criterion_set_round_id (criterion, round_id);
  awd_criterion_set_name (criterion, "Значимость");
  awd_criterion_set_weight (criterion, 1);
  g_assert_true (awd_store_insert_criterion (f->store, criterion, &error));
  g_assert_no_error (error);
  awd_context_data_changed (f->context, "setup");
  awd_context_request_show (f->context, "results", NULL);
  pump ();
  g_assert_cmpstr (content_shown (f), ==, "results");
  g_assert_cmpuint (count_named (results_page (f), "results-category"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  if (!awd_gui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/results/ranking-matches-engine", test_ranking_matches_engine);
  ADD ("/gui/results/breakdown-follows-blind-mode", test_breakdown_follows_blind_mode);
  ADD ("/gui/results/finalize-gate", test_finalize_gate);
  ADD ("/gui/results/finalize-through-ui", test_finalize_through_ui);
  ADD ("/gui/results/reopen-needs-reason", test_reopen_needs_reason);
  ADD ("/gui/results/method-comparison", test_method_comparison);
  ADD ("/gui/results/robustness-every-juror", test_robustness_lists_jurors);
  ADD ("/gui/results/tie-decision", test_tie_decision);
  ADD ("/gui/results/empty-season", test_empty_season);

  return g_test_run ();
}
