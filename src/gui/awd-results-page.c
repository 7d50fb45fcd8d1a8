/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-results-page"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>

#include "awd-results-page.h"
#include "awd-results-page-private.h"
#include "awd-results-tables.h"
#include "awd-store-results.h"
#include "awd-store-scoring.h"
#include "awd-window.h"

/* The results of the round the context shows. Everything shown is computed
 * again from the store whenever the round or its data change (the engine
 * is fast; a round has a few hundred scores), so the page never shows a
 * figure the store would not give. A final round shows its frozen rows. */

G_DEFINE_FINAL_TYPE (AwdResultsPage, awd_results_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean incomplete_link_activated_cb (GtkLabel       *label,
                                              const char     *uri,
                                              AwdResultsPage *self);

gboolean
awd_results_page_is_final (AwdResultsPage *self)
{
  return self->round != NULL && awd_round_get_status (self->round) == AWD_ROUND_STATUS_FINAL;
}

gboolean
awd_results_page_is_editable (AwdResultsPage *self)
{
  return self->round != NULL && !awd_results_page_is_final (self) && !awd_context_is_read_only (self->context);
}

void
awd_results_page_show_message (AwdResultsPage *self,
              const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (AWD_IS_WINDOW (root))
    {
      g_autoptr(AdwToast) toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      awd_window_add_toast (AWD_WINDOW (root), g_steal_pointer (&toast));
    }
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
clear_data (AwdResultsPage *self)
{
  g_clear_pointer (&self->snapshot, awd_results_snapshot_free);
  g_clear_pointer (&self->results, awd_results_free);
  g_clear_pointer (&self->decisions, awd_results_free);
  g_clear_pointer (&self->frozen, g_hash_table_unref);
  g_clear_pointer (&self->frozen_rows, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->load_error, g_free);
}

int
awd_results_page_nomination_index (AwdResultsPage *self,
                  gint64          nomination_id)
{
  for (guint i = 0; i < self->snapshot->nomination_ids->len; i++)
    if (g_array_index (self->snapshot->nomination_ids, gint64, i) == nomination_id)
      return (int) i;
  return -1;
}

/* Reads the round from the store and computes what the page shows. */
static gboolean
load_data (AwdResultsPage  *self,
           GError         **error)
{
  AwdStore *store = awd_context_get_store (self->context);

  clear_data (self);
  if (self->round == NULL)
    return TRUE;

  self->snapshot = awd_store_load_results (store, self->round_id, error);
  if (self->snapshot == NULL)
    return FALSE;

  /* The chooser starts at the round's method, and follows it when the
   * set-up page changes it. */
  if (self->round_method != (int) self->snapshot->input->method)
    {
      self->round_method = (int) self->snapshot->input->method;
      self->method = self->snapshot->input->method;
    }

  if (awd_results_page_is_final (self))
    {
      AwdMethod frozen_method;

      self->frozen_rows = awd_store_list_results (store, self->round_id, error);
      if (self->frozen_rows == NULL)
        return FALSE;
      self->frozen = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < self->frozen_rows->len; i++)
        {
          AwdResultRow *row = &g_array_index (self->frozen_rows, AwdResultRow, i);
          int index = awd_results_page_nomination_index (self, row->nomination_id);
          if (index >= 0)
            g_hash_table_insert (self->frozen, GUINT_TO_POINTER (index + 1), row);
        }
      /* A final round shows what was frozen, by the method it was frozen by. */
      if (awd_store_get_results_method (store, self->round_id, &frozen_method, NULL))
        self->method = frozen_method;
    }

  self->decisions = awd_results_compute (self->snapshot->input, self->snapshot->input->method, error);
  if (self->decisions == NULL)
    return FALSE;
  self->results = awd_results_compute (self->snapshot->input, self->method, error);
  if (self->results == NULL)
    return FALSE;

  if (!awd_results_page_is_final (self))
    {
      self->problems = awd_store_list_finalize_problems (store, self->round_id, error);
      if (self->problems == NULL)
        return FALSE;
    }
  return TRUE;
}

static char *
format_finalized_at (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (iso != NULL ? iso : "—");
  return g_date_time_format (local, "%d.%m.%Y %H:%M");
}

static void
update_method_row (AwdResultsPage *self)
{
  g_autofree char *note = NULL;

  self->loading = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->method_dropdown), self->method);
  self->loading = FALSE;
  gtk_widget_set_sensitive (self->method_dropdown, self->round != NULL && !awd_results_page_is_final (self));

  if (self->round == NULL || self->snapshot == NULL)
    note = NULL;
  else if (awd_results_page_is_final (self))
    note = g_strdup_printf (_("The results were frozen by the method “%s”."), awd_method_label (self->method));
  else if ((int) self->method == self->round_method)
    note = g_strdup (_("The season’s own method. It is set on the Set-up page."));
  else
    note = g_strdup_printf (_("A preview: finalizing uses the season’s own method, “%s”, which is set on the Set-up page."),
                            awd_method_label ((AwdMethod) self->round_method));
  gtk_label_set_text (GTK_LABEL (self->method_note), note != NULL ? note : "");
}

static void
rebuild_ranking (AwdResultsPage *self)
{
  GSettings *settings = awd_context_get_settings (self->context);
  AwdResultsData data = { 0 };

  clear_box (self->ranking_box);
  g_ptr_array_set_size (self->sections, 0);

  if (self->load_error != NULL)
    {
      GtkWidget *label = gtk_label_new (self->load_error);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (self->ranking_box), label);
      return;
    }
  if (self->results == NULL)
    return;

  data.snapshot = self->snapshot;
  data.results = self->results;
  data.decisions = self->decisions;
  data.method = self->method;
  data.frozen = self->frozen;
  data.final = awd_results_page_is_final (self);
  data.editable = awd_results_page_is_editable (self);
  /* Blind mode hides the jurors' totals until the season is final. */
  data.show_breakdown = data.final || !g_settings_get_boolean (settings, "blind-mode");

  for (guint i = 0; i < self->results->categories->len; i++)
    {
      GtkWidget *section = awd_results_build_category (&data, i);
      gtk_box_append (GTK_BOX (self->ranking_box), section);
      g_ptr_array_add (self->sections, section);
    }

  if (!data.show_breakdown)
    {
      GtkWidget *label = gtk_label_new (_("Blind mode is on: each juror’s totals are shown once the season is final. Blind mode is set in Preferences."));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (self->ranking_box), label);
    }
}

static void
add_incomplete_line (AwdResultsPage *self,
                     const char     *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_name (label, "results-incomplete-item");
  g_signal_connect_object (label, "activate-link", G_CALLBACK (incomplete_link_activated_cb), self, 0);
  gtk_box_append (GTK_BOX (self->incomplete_box), label);
}

/* Missing cells grouped per juror, each nomination a link to its cell on
 * the scoring page; vote counts and direct winners link to their place. */
static void
rebuild_incomplete (AwdResultsPage *self)
{
  const AwdResultsInput *in;
  const AwdResults *res = self->decisions;
  const guint max_links = 12;

  clear_box (self->incomplete_box);
  gtk_widget_set_visible (self->incomplete_bar, res != NULL && !res->complete && !awd_results_page_is_final (self));
  if (res == NULL || res->complete || awd_results_page_is_final (self))
    return;
  in = self->snapshot->input;

  for (guint i = 0; i < res->missing->len;)
    {
      guint juror = g_array_index (res->missing, AwdMissingCell, i).juror;
      gint64 juror_id = g_array_index (self->snapshot->juror_ids, gint64, juror);
      g_autofree char *name = g_markup_escape_text (g_array_index (in->jurors, AwdResultsJuror, juror).name, -1);
      g_autoptr(GString) links = g_string_new (NULL);
      guint n_nominations = 0;
      int last = -1;

      for (; i < res->missing->len && g_array_index (res->missing, AwdMissingCell, i).juror == juror; i++)
        {
          guint nomination = g_array_index (res->missing, AwdMissingCell, i).nomination;
          g_autofree char *ref = NULL;

          if ((int) nomination == last)
            continue;
          last = (int) nomination;
          if (n_nominations++ >= max_links)
            continue;
          ref = g_markup_escape_text (g_array_index (in->nominations, AwdResultsNomination, nomination).ref, -1);
          g_string_append_printf (links, "%s<a href=\"cell:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT "\">%s</a>",
                                  links->len > 0 ? ", " : "", juror_id,
                                  g_array_index (self->snapshot->nomination_ids, gint64, nomination), ref);
        }
      if (n_nominations > max_links)
        g_string_append_printf (links, ngettext (" and %u more", " and %u more", n_nominations - max_links),
                                n_nominations - max_links);

      {
        /* Translators: a juror's name, then links to the nominations. */
        g_autofree char *line = g_strdup_printf (_("<b>%s</b>: scores missing for %s"), name, links->str);
        add_incomplete_line (self, line);
      }
    }

  for (guint i = 0; i < res->vote_without_counts->len; i++)
    {
      guint category = g_array_index (res->vote_without_counts, guint, i);
      g_autofree char *name = g_markup_escape_text (awd_results_category_name (in, (int) category), -1);
      g_autofree char *line = g_strdup_printf (_("“%s”: the public vote has no counts — <a href=\"votes:%u\">enter them on the scoring page</a>"),
                                               name, category);
      add_incomplete_line (self, line);
    }

  for (guint i = 0; i < res->direct_without_winner->len; i++)
    {
      guint category = g_array_index (res->direct_without_winner, guint, i);
      g_autofree char *name = g_markup_escape_text (awd_results_category_name (in, (int) category), -1);
      g_autofree char *line = g_strdup_printf (_("“%s”: no winner is recorded — <a href=\"winner:%u\">choose it</a>"),
                                               name, category);
      add_incomplete_line (self, line);
    }
}

static void
rebuild_gate (AwdResultsPage *self)
{
  gboolean final = awd_results_page_is_final (self);

  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->problems_group),
                                  g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);

  gtk_widget_set_visible (self->problems_group, !final && self->round != NULL);
  gtk_widget_set_visible (self->finalize_button, !final);
  gtk_widget_set_visible (self->frozen_group, final);

  if (!final && self->problems != NULL)
    {
      for (guint i = 0; i < self->problems->len; i++)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_name (row, "results-problem");
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (self->problems, i));
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->problems_group), row);
          g_ptr_array_add (self->problem_rows, row);
        }
      if (self->problems->len == 0)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

          gtk_widget_add_css_class (icon, "success");
          gtk_widget_set_name (row, "results-no-problem");
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing stands in the way: the results can be finalized"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->problems_group), row);
          g_ptr_array_add (self->problem_rows, row);
        }
    }

  if (final)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *date = format_finalized_at (awd_round_get_finalized_at (self->round));
      g_autofree char *checksum = g_strdup_printf ("sha256:%s", awd_round_get_results_checksum (self->round));
      g_autofree char *strip = NULL;
      gboolean verified = awd_store_verify_final_round (awd_context_get_store (self->context),
                                                        self->round_id, &error);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->frozen_method_row), awd_method_label (self->method));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->frozen_date_row), date);
      gtk_label_set_text (GTK_LABEL (self->checksum_label), checksum);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->frozen_verify_row),
                                   verified ? _("The stored content gives the same checksum")
                                            : error->message);
      /* A mismatch is shown on the page (above); it is the data's state,
       * not a program error, so the log only gets a message. */
      if (!verified)
        g_message ("Final round %" G_GINT64_FORMAT " does not verify: %s", self->round_id, error->message);

      strip = g_strdup_printf (_("Final since %s: the results are frozen (%s) and the season is read-only."),
                               date, checksum);
      gtk_label_set_text (GTK_LABEL (self->final_label), strip);
    }
  gtk_widget_set_visible (self->final_strip, final);
}

static void
update_actions (AwdResultsPage *self)
{
  gboolean editable = awd_results_page_is_editable (self);
  gboolean ready = editable && self->problems != NULL && self->problems->len == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.finalize", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.reopen",
                                 awd_results_page_is_final (self) && !awd_context_is_read_only (self->context));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.decide-tie", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.set-mark", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.set-winner", editable);
  gtk_widget_set_tooltip_text (self->finalize_button,
                               ready ? NULL
                               : awd_results_page_is_final (self) ? _("The season is already final")
                               : !editable ? _("The database is open read-only")
                               : _("Resolve the problems listed above first"));
}

static void
rebuild_comparison (AwdResultsPage *self)
{
  AwdResults *by_method[4] = { NULL };

  clear_box (self->comparison_box);
  self->comparison_dirty = FALSE;
  if (self->snapshot == NULL)
    return;

  for (AwdMethod m = AWD_METHOD_MEAN; m <= AWD_METHOD_ZSCORE; m++)
    {
      g_autoptr(GError) error = NULL;
      by_method[m] = awd_results_compute (self->snapshot->input, m, &error);
      if (by_method[m] == NULL)
        {
          g_warning ("Could not compute the results by %s: %s", awd_method_to_string (m), error->message);
          goto out;
        }
    }

  for (guint i = 0; i < by_method[0]->categories->len; i++)
    if (g_array_index (by_method[0]->categories, AwdResultCategory, i).kind == AWD_CATEGORY_KIND_JURY)
      gtk_box_append (GTK_BOX (self->comparison_box),
                      awd_results_build_comparison (self->snapshot->input, by_method, i));

out:
  for (AwdMethod m = AWD_METHOD_MEAN; m <= AWD_METHOD_ZSCORE; m++)
    g_clear_pointer (&by_method[m], awd_results_free);
}

static void
rebuild_robustness (AwdResultsPage *self)
{
  const AwdResultsInput *in;
  g_autofree char *intro = NULL;

  clear_box (self->robustness_box);
  self->robustness_dirty = FALSE;
  if (self->snapshot == NULL || self->results == NULL)
    return;
  in = self->snapshot->input;

  intro = g_strdup_printf (_("Each juror left out in turn, by the method “%s”: does first place change, do the top three, and which nominations move?"),
                           awd_method_label (self->method));
  gtk_label_set_text (GTK_LABEL (self->robustness_intro), intro);

  for (guint j = 0; j < in->jurors->len; j++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AwdResults) without = awd_results_compute_without_juror (in, self->method, j, &error);

      if (without == NULL)
        {
          g_warning ("Could not compute the results without juror %u: %s", j, error->message);
          continue;
        }
      gtk_box_append (GTK_BOX (self->robustness_box),
                      awd_results_build_robustness (in, self->results, without, j));
    }
}

/* Why the season has nothing to rank, or NULL when it has something: an
 * eligible nomination in a vote or direct category, or in a jury category
 * (the implicit one of a season without categories included) with
 * criteria to score it by. */
static const char *
get_empty_reason (AwdResultsPage *self)
{
  const AwdResultsInput *in;
  gboolean any_nomination = FALSE, any_eligible = FALSE;

  if (self->snapshot == NULL)
    return NULL;
  in = self->snapshot->input;
  for (guint i = 0; i < in->nominations->len; i++)
    {
      const AwdResultsNomination *n = &g_array_index (in->nominations, AwdResultsNomination, i);
      AwdCategoryKind kind;

      any_nomination = TRUE;
      if (n->status != AWD_NOMINATION_STATUS_ELIGIBLE)
        continue;
      if (n->category < 0 && in->categories->len > 0)
        continue;   /* in no category: not ranked */
      any_eligible = TRUE;
      kind = n->category < 0 ? AWD_CATEGORY_KIND_JURY
                             : g_array_index (in->categories, AwdResultsCategory, n->category).kind;
      if (kind != AWD_CATEGORY_KIND_JURY || in->criteria->len > 0)
        return NULL;
    }
  if (!any_nomination)
    return _("Add the scoring criteria on the Set-up page and the nominations on the Nominations page, then enter the scores.");
  if (!any_eligible)
    return _("No nomination is admitted yet: mark the nominations eligible on the Nominations page, then enter the scores.");
  return _("The season has no scoring criteria: add them on the Set-up page, then enter the scores.");
}

static void
update_content (AwdResultsPage *self)
{
  const char *reason = self->load_error == NULL ? get_empty_reason (self) : NULL;

  if (reason != NULL)
    adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), reason);
  gtk_stack_set_visible_child_name (GTK_STACK (self->content), reason != NULL ? "empty" : "results");
}

static void
show_setup_clicked_cb (AwdResultsPage *self)
{
  awd_context_request_show (self->context, "setup", NULL);
}

static void
show_nominations_clicked_cb (AwdResultsPage *self)
{
  awd_context_request_show (self->context, "nominations", NULL);
}

static void
rebuild_visible_view (AwdResultsPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (GTK_STACK (self->views));

  if (g_strcmp0 (name, "comparison") == 0 && self->comparison_dirty)
    rebuild_comparison (self);
  else if (g_strcmp0 (name, "robustness") == 0 && self->robustness_dirty)
    rebuild_robustness (self);
}

/* The part of the page rebuilt on a reload that holds the focus, or NULL.
 * The focus is let go of properly before its widget is destroyed: GTK 4.8
 * keeps pointing at a removed focus widget, and when the focus next moves
 * to a label with links (the first missing cell, here) the label reads that
 * pointer after the window has dropped the last reference to it — a
 * critical on freed memory. */
static GtkWidget *
release_focus (AwdResultsPage *self)
{
  GtkWidget *rebuilt[] = { self->ranking_box, self->incomplete_box, self->problems_group,
                           self->comparison_box, self->robustness_box };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (rebuilt); i++)
    if (gtk_widget_is_ancestor (focus, rebuilt[i]))
      {
        gtk_root_set_focus (root, NULL);
        return rebuilt[i];
      }
  return NULL;
}

/* Gives the focus back to the part it was in, once rebuilt, so the
 * keyboard stays where it was (the first focusable item of that part). */
static void
restore_focus (AwdResultsPage *self,
               GtkWidget      *part)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (part == NULL || root == NULL || gtk_root_get_focus (root) != NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (!gtk_widget_get_mapped (part) || !gtk_widget_child_focus (part, GTK_DIR_TAB_FORWARD))
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
reload_now (AwdResultsPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *focus_part;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_on_map = FALSE;
  focus_part = release_focus (self);

  if (!load_data (self, &error))
    {
      g_warning ("Could not compute the results of round %" G_GINT64_FORMAT ": %s",
                 self->round_id, error->message);
      clear_data (self);
      self->load_error = g_strdup (error->message);
    }

  update_content (self);
  update_method_row (self);
  rebuild_ranking (self);
  rebuild_incomplete (self);
  rebuild_gate (self);
  update_actions (self);
  /* The comparison and the robustness cost 4 and 1 + jurors computations:
   * built when their view is shown. */
  self->comparison_dirty = TRUE;
  self->robustness_dirty = TRUE;
  rebuild_visible_view (self);
  restore_focus (self, focus_part);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  AwdResultsPage *self = user_data;

  self->reload_id = 0;
  /* Hidden, the page waits to be shown: every cell saved on a score sheet
   * would otherwise rebuild the ranking and the gate of the whole season. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->reload_on_map = TRUE;
  else
    reload_now (self);
  return G_SOURCE_REMOVE;
}

/* Reloads once the current signal is over: a cell's own handler may be
 * what changed the data, and the cell is rebuilt. */
void
awd_results_page_queue_reload (AwdResultsPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
round_notified_cb (AwdRound       *round,
                   GParamSpec     *pspec,
                   AwdResultsPage *self)
{
  awd_results_page_queue_reload (self);
}

static void
follow_round (AwdResultsPage *self)
{
  AwdRound *round = awd_context_get_round (self->context);

  if (self->round != NULL)
    g_signal_handlers_disconnect_by_data (self->round, self);
  if (round == NULL || self->round_id != awd_round_get_id (round))
    self->round_method = -1;
  g_set_object (&self->round, round);
  self->round_id = round != NULL ? awd_round_get_id (round) : 0;
  if (round != NULL)
    g_signal_connect_object (round, "notify", G_CALLBACK (round_notified_cb), self, 0);
  awd_results_page_queue_reload (self);
}

static void
context_round_notified_cb (AwdContext     *context,
                           GParamSpec     *pspec,
                           AwdResultsPage *self)
{
  follow_round (self);
}

static void
context_data_changed_cb (AwdContext     *context,
                         const char     *what,
                         AwdResultsPage *self)
{
  awd_results_page_queue_reload (self);
}

static void
blind_mode_changed_cb (GSettings      *settings,
                       const char     *key,
                       AwdResultsPage *self)
{
  awd_results_page_queue_reload (self);
}

static void
method_selected_cb (AwdResultsPage *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->method_dropdown));

  if (self->loading || selected > AWD_METHOD_ZSCORE || selected == self->method)
    return;
  self->method = selected;
  reload_now (self);
}

static void
view_changed_cb (AwdResultsPage *self)
{
  rebuild_visible_view (self);
}

static gboolean
incomplete_link_activated_cb (GtkLabel       *label,
                              const char     *uri,
                              AwdResultsPage *self)
{
  gint64 juror_id, nomination_id;
  guint category;

  if (sscanf (uri, "cell:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, &juror_id, &nomination_id) == 2)
    awd_context_request_show (self->context, "scoring", g_variant_new ("(xx)", juror_id, nomination_id));
  else if (sscanf (uri, "votes:%u", &category) == 1)
    /* Vote counts are entered on the scoring page, in its "votes" view. */
    awd_context_request_show (self->context, "scoring", g_variant_new_string ("votes"));
  else if (sscanf (uri, "winner:%u", &category) == 1 && self->results != NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->views), "ranking");
      for (guint i = 0; i < self->results->categories->len && i < self->sections->len; i++)
        if (g_array_index (self->results->categories, AwdResultCategory, i).category == (int) category)
          {
            GtkWidget *section = g_ptr_array_index (self->sections, i);
            GtkWidget *chooser = g_object_get_data (G_OBJECT (section), "awd-winner-chooser");
            gtk_widget_grab_focus (chooser != NULL ? chooser : section);
          }
    }
  return TRUE;
}

static void
awd_results_page_map (GtkWidget *widget)
{
  AwdResultsPage *self = AWD_RESULTS_PAGE (widget);

  /* Before the children are mapped: rebuilding them while GTK maps them
   * one by one would pull widgets from under it. */
  if (self->reload_on_map)
    reload_now (self);
  GTK_WIDGET_CLASS (awd_results_page_parent_class)->map (widget);
}

static void
awd_results_page_constructed (GObject *object)
{
  AwdResultsPage *self = AWD_RESULTS_PAGE (object);

  G_OBJECT_CLASS (awd_results_page_parent_class)->constructed (object);

  g_signal_connect_object (self->context, "notify::round",
                           G_CALLBACK (context_round_notified_cb), self, 0);
  g_signal_connect_object (self->context, "data-changed",
                           G_CALLBACK (context_data_changed_cb), self, 0);
  g_signal_connect_object (awd_context_get_settings (self->context), "changed::blind-mode",
                           G_CALLBACK (blind_mode_changed_cb), self, 0);
  follow_round (self);
  reload_now (self);
}

static void
awd_results_page_dispose (GObject *object)
{
  AwdResultsPage *self = AWD_RESULTS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->round != NULL)
    g_signal_handlers_disconnect_by_data (self->round, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_RESULTS_PAGE);
  g_clear_object (&self->round);
  g_clear_object (&self->context);
  clear_data (self);

  G_OBJECT_CLASS (awd_results_page_parent_class)->dispose (object);
}

static void
awd_results_page_finalize (GObject *object)
{
  AwdResultsPage *self = AWD_RESULTS_PAGE (object);

  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (awd_results_page_parent_class)->finalize (object);
}

static void
awd_results_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AwdResultsPage *self = AWD_RESULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_results_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AwdResultsPage *self = AWD_RESULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_results_page_class_init (AwdResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_results_page_constructed;
  object_class->dispose = awd_results_page_dispose;
  object_class->finalize = awd_results_page_finalize;
  object_class->get_property = awd_results_page_get_property;
  object_class->set_property = awd_results_page_set_property;
  widget_class->map = awd_results_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  awd_results_page_install_actions (widget_class);
  /* PRINTING: install `results.print` here (the protocol of this round),
   * and add its menu item in ui/awd-results-page.ui. */

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, final_strip);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, final_label);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, content);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, incomplete_bar);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, incomplete_box);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, method_note);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, views);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, ranking_box);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, comparison_box);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, robustness_intro);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, robustness_box);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, finalize_button);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, frozen_group);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, frozen_method_row);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, frozen_date_row);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, checksum_label);
  gtk_widget_class_bind_template_child (widget_class, AwdResultsPage, frozen_verify_row);
  gtk_widget_class_bind_template_callback (widget_class, show_setup_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_nominations_clicked_cb);
}

static void
awd_results_page_init (AwdResultsPage *self)
{
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->round_method = -1;
  self->problem_rows = g_ptr_array_new ();
  self->sections = g_ptr_array_new ();

  for (AwdMethod m = AWD_METHOD_MEAN; m <= AWD_METHOD_ZSCORE; m++)
    gtk_string_list_append (methods, awd_method_label (m));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->method_dropdown), G_LIST_MODEL (methods));
  g_signal_connect_swapped (self->method_dropdown, "notify::selected", G_CALLBACK (method_selected_cb), self);
  g_signal_connect_swapped (self->views, "notify::visible-child", G_CALLBACK (view_changed_cb), self);
}

GtkWidget *
awd_results_page_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_RESULTS_PAGE, "context", context, NULL);
}

/* Computes and shows everything again from the store, now. */
void
awd_results_page_reload (AwdResultsPage *self)
{
  g_return_if_fail (AWD_IS_RESULTS_PAGE (self));

  reload_now (self);
}
