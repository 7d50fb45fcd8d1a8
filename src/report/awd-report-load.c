/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-report-load"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-report-load.h"
#include "awd-store-results.h"
#include "awd-store-scoring.h"

/* Index of @id in @ids, or -1. */
static int
find_index (GArray *ids,
            gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return (int) i;
  return -1;
}

static int
find_conflict (const AwdResultsInput *in,
               int                    juror,
               int                    nomination)
{
  for (guint i = 0; i < in->conflicts->len; i++)
    {
      const AwdResultsConflict *c = &g_array_index (in->conflicts, AwdResultsConflict, i);
      if ((int) c->juror == juror && (int) c->nomination == nomination)
        return (int) i;
    }
  return -1;
}

AwdReportRound *
awd_report_round_load (AwdStore  *store,
                       gint64     round_id,
                       GError   **error)
{
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(AwdResultsSnapshot) snapshot = NULL;
  g_autoptr(AwdReportRound) report = NULL;
  g_autoptr(GListModel) jurors = NULL;
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GArray) comments = NULL;

  g_return_val_if_fail (AWD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  round = awd_store_get_round (store, round_id, error);
  if (round == NULL)
    return NULL;
  snapshot = awd_store_load_results (store, round_id, error);
  if (snapshot == NULL)
    return NULL;
  jurors = awd_store_list_jurors (store, round_id, error);
  if (jurors == NULL)
    return NULL;
  criteria = awd_store_list_criteria (store, round_id, error);
  if (criteria == NULL)
    return NULL;
  conflicts = awd_store_list_conflicts (store, round_id, error);
  if (conflicts == NULL)
    return NULL;
  comments = awd_store_list_comments (store, round_id, error);
  if (comments == NULL)
    return NULL;

  report = awd_report_round_new (g_steal_pointer (&snapshot->input),
                                 awd_round_get_title (round),
                                 awd_round_get_status (round));
  report->round_id = round_id;
  awd_report_round_set_checksum (report, awd_round_get_results_checksum (round));
  awd_report_round_set_date (report, awd_round_get_finalized_at (round));

  for (guint i = 0; i < g_list_model_get_n_items (jurors); i++)
    {
      g_autoptr(AwdJuror) juror = g_list_model_get_item (jurors, i);
      int index = find_index (snapshot->juror_ids, awd_juror_get_id (juror));

      if (awd_juror_get_chair (juror) && report->chair == NULL)
        awd_report_round_set_chair (report, awd_juror_get_name (juror));
      if (index >= 0)
        awd_report_round_set_juror_affiliation (report, index, awd_juror_get_affiliation (juror));
    }

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(AwdCriterion) criterion = g_list_model_get_item (criteria, i);
      int index = find_index (snapshot->criterion_ids, awd_criterion_get_id (criterion));

      if (index >= 0)
        awd_report_round_set_criterion_note (report, index, awd_criterion_get_description (criterion));
    }

  for (guint i = 0; i < conflicts->len; i++)
    {
      const AwdConflictRow *row = &g_array_index (conflicts, AwdConflictRow, i);
      int conflict = find_conflict (report->input,
                                    find_index (snapshot->juror_ids, row->juror_id),
                                    find_index (snapshot->nomination_ids, row->nomination_id));

      if (conflict >= 0)
        awd_report_round_set_conflict_reason (report, conflict, row->reason);
    }

  for (guint i = 0; i < comments->len; i++)
    {
      const AwdCommentRow *row = &g_array_index (comments, AwdCommentRow, i);
      int juror = find_index (snapshot->juror_ids, row->juror_id);
      int nomination = find_index (snapshot->nomination_ids, row->nomination_id);

      if (juror >= 0 && nomination >= 0)
        awd_report_round_add_comment (report, juror, nomination, row->text);
    }

  return g_steal_pointer (&report);
}
