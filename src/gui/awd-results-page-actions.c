/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-results-page"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-results-dialogs.h"
#include "awd-results-page-private.h"
#include "awd-results-tables.h"
#include "awd-store-scoring.h"
#include "awd-window.h"

/* The results page's actions: each change goes through the store at once,
 * tells the other pages (data-changed) and reloads the page. */

/* After finalizing or reopening, every page follows the round's new status:
 * the window reads the rounds again (the sidebar shows the status) and
 * hands the fresh round to the context, whose "round" notifies the pages. */
static void
refresh_round (AwdResultsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  awd_context_data_changed (self->context, "decisions");
  if (AWD_IS_WINDOW (root))
    awd_window_reload_rounds (AWD_WINDOW (root));
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AwdRound) round = awd_store_get_round (awd_context_get_store (self->context),
                                                       self->round_id, &error);
      if (round == NULL)
        g_warning ("Could not read round %" G_GINT64_FORMAT " again: %s", self->round_id, error->message);
      else
        awd_context_set_round (self->context, round);
    }
  awd_results_page_queue_reload (self);
}

static void
set_mark_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AwdResultsPage *self = AWD_RESULTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 nomination_id;
  int mark, index;
  const char *note = NULL;

  g_variant_get (parameter, "(xi)", &nomination_id, &mark);
  if (self->snapshot == NULL || mark < AWD_AWARD_MARK_NONE || mark > AWD_AWARD_MARK_DIPLOMA)
    return;
  /* Keep the chair's note: it records a decided tie. */
  index = awd_results_page_nomination_index (self, nomination_id);
  if (index >= 0)
    note = g_array_index (self->snapshot->input->nominations, AwdResultsNomination, index).note;

  if (!awd_store_set_award (awd_context_get_store (self->context), nomination_id, mark, note, &error))
    awd_results_page_show_message (self, error->message);
  else
    awd_context_data_changed (self->context, "decisions");
  awd_results_page_queue_reload (self);
}

static void
set_winner_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AwdResultsPage *self = AWD_RESULTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 category_id, nomination_id;

  g_variant_get (parameter, "(xx)", &category_id, &nomination_id);
  if (!awd_store_set_category_winner (awd_context_get_store (self->context), category_id, nomination_id, &error))
    awd_results_page_show_message (self, error->message);
  else
    awd_context_data_changed (self->context, "decisions");
  awd_results_page_queue_reload (self);
}

static void
tie_decided_cb (gpointer    user_data,
                gint64      nomination_id,
                const char *note)
{
  AwdResultsPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!awd_store_set_award (awd_context_get_store (self->context), nomination_id,
                            AWD_AWARD_MARK_LAUREATE, note, &error))
    awd_results_page_show_message (self, error->message);
  else
    awd_context_data_changed (self->context, "decisions");
  awd_results_page_queue_reload (self);
}

static void
decide_tie_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AwdResultsPage *self = AWD_RESULTS_PAGE (widget);
  int position = g_variant_get_int32 (parameter);
  const AwdResultCategory *c;
  g_autoptr(GArray) tied = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  if (self->decisions == NULL || position < 0 || (guint) position >= self->decisions->categories->len)
    return;
  c = &g_array_index (self->decisions->categories, AwdResultCategory, position);
  for (guint k = 0; k < c->entries->len; k++)
    {
      const AwdResultEntry *e = &g_array_index (c->entries, AwdResultEntry, k);
      const AwdResultsNomination *n = &g_array_index (self->snapshot->input->nominations,
                                                      AwdResultsNomination, e->nomination);
      if (e->rank != 1)
        break;
      g_array_append_val (tied, g_array_index (self->snapshot->nomination_ids, gint64, e->nomination));
      g_ptr_array_add (labels, g_strdup_printf ("%s · %s", n->ref, n->title));
    }
  g_ptr_array_add (labels, NULL);

  awd_results_tie_dialog_present (GTK_WIDGET (self),
                                  awd_results_category_name (self->snapshot->input, c->category),
                                  tied, (const char * const *) labels->pdata,
                                  tie_decided_cb, self);
}

static void
finalize_confirmed_cb (gpointer user_data)
{
  AwdResultsPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!awd_store_finalize_round (awd_context_get_store (self->context), self->round_id, &error))
    {
      g_warning ("Could not finalize round %" G_GINT64_FORMAT ": %s", self->round_id, error->message);
      awd_results_error_dialog_present (GTK_WIDGET (self), _("The results were not finalized"), error->message);
      awd_results_page_queue_reload (self);
      return;
    }
  awd_results_page_show_message (self, _("Results finalized: the season is now read-only"));
  refresh_round (self);
}

/* What the confirmation says will be frozen: the round's own method, the
 * ranked count per category, the laureates (recorded, or proposed). */
static char *
describe_freeze (AwdResultsPage *self)
{
  const AwdResultsInput *in = self->snapshot->input;
  GString *text = g_string_new (NULL);
  g_autoptr(GString) laureates = g_string_new (NULL);

  g_string_append_printf (text, _("Method: %s."), awd_method_label (in->method));
  g_string_append_c (text, '\n');
  for (guint i = 0; i < self->decisions->categories->len; i++)
    {
      const AwdResultCategory *c = &g_array_index (self->decisions->categories, AwdResultCategory, i);
      const char *name = awd_results_category_name (in, c->category);
      int proposed = awd_results_proposed_laureate (in, c);
      guint n_ranked = 0;

      for (guint k = 0; k < c->entries->len; k++)
        {
          const AwdResultEntry *e = &g_array_index (c->entries, AwdResultEntry, k);
          const AwdResultsNomination *n = &g_array_index (in->nominations, AwdResultsNomination, e->nomination);

          if (e->rank > 0)
            n_ranked++;
          if (n->mark == AWD_AWARD_MARK_LAUREATE || (int) e->nomination == proposed)
            g_string_append_printf (laureates, "\n• %s — %s (%s)", n->ref, n->title, name);
        }
      g_string_append_printf (text, "\n• ");
      g_string_append_printf (text, ngettext ("%s: %u nomination ranked", "%s: %u nominations ranked", n_ranked),
                              name, n_ranked);
    }

  g_string_append (text, "\n\n");
  g_string_append (text, _("Laureates:"));
  g_string_append (text, laureates->len > 0 ? laureates->str : "\n—");
  g_string_append (text, "\n\n");
  g_string_append (text, _("The season becomes read-only: its set-up, nominations, scores and decisions cannot change until it is reopened with a recorded reason."));
  g_string_append (text, "\n");
  g_string_append (text, _("A SHA-256 checksum of the results is stored and printed on the protocol."));
  return g_string_free (text, FALSE);
}

static void
finalize_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AwdResultsPage *self = AWD_RESULTS_PAGE (widget);
  g_autofree char *body = NULL;

  if (!awd_results_page_is_editable (self) || self->problems == NULL || self->problems->len > 0 || self->decisions == NULL)
    return;
  body = describe_freeze (self);
  awd_results_finalize_dialog_present (GTK_WIDGET (self), body,
                                       finalize_confirmed_cb, self);
}

static void
reopen_confirmed_cb (gpointer    user_data,
                     const char *reason)
{
  AwdResultsPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!awd_store_reopen_round (awd_context_get_store (self->context), self->round_id, reason, &error))
    {
      g_debug ("Reopening refused: %s", error->message);
      awd_results_error_dialog_present (GTK_WIDGET (self), _("The season was not reopened"), error->message);
      return;
    }
  awd_results_page_show_message (self, _("Season reopened: the results must be finalized again"));
  refresh_round (self);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AwdResultsPage *self = AWD_RESULTS_PAGE (widget);

  if (!awd_results_page_is_final (self) || awd_context_is_read_only (self->context))
    return;
  awd_results_reopen_dialog_present (GTK_WIDGET (self), reopen_confirmed_cb, self);
}

void
awd_results_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "results.finalize", NULL, finalize_action);
  gtk_widget_class_install_action (widget_class, "results.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "results.decide-tie", "i", decide_tie_action);
  gtk_widget_class_install_action (widget_class, "results.set-mark", "(xi)", set_mark_action);
  gtk_widget_class_install_action (widget_class, "results.set-winner", "(xx)", set_winner_action);
}
