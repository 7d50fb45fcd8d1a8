/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-report-round"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-report-round.h"

static void
clear_comment (gpointer data)
{
  AwdReportComment *comment = data;

  g_free (comment->text);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

/* Grows a by-index array of strings up to @index and sets it. */
static void
set_indexed (GPtrArray  *array,
             guint       index,
             const char *value)
{
  while (array->len <= index)
    g_ptr_array_add (array, NULL);
  g_free (g_ptr_array_index (array, index));
  g_ptr_array_index (array, index) = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

AwdReportRound *
awd_report_round_new (AwdResultsInput *input,
                      const char      *title,
                      AwdRoundStatus   status)
{
  AwdReportRound *round;

  g_return_val_if_fail (input != NULL, NULL);

  round = g_new0 (AwdReportRound, 1);
  round->input = input;
  round->title = g_strdup (title != NULL ? title : "");
  round->status = status;
  round->conflict_reasons = g_ptr_array_new_with_free_func (g_free);
  round->criterion_notes = g_ptr_array_new_with_free_func (g_free);
  round->juror_affiliations = g_ptr_array_new_with_free_func (g_free);
  round->comments = g_array_new (FALSE, TRUE, sizeof (AwdReportComment));
  g_array_set_clear_func (round->comments, clear_comment);
  return round;
}

void
awd_report_round_free (AwdReportRound *round)
{
  if (round == NULL)
    return;

  g_clear_pointer (&round->results, awd_results_free);
  g_clear_pointer (&round->input, awd_results_input_free);
  g_free (round->title);
  g_free (round->issuer);
  g_free (round->date);
  g_free (round->checksum);
  g_free (round->chair);
  g_free (round->secretary);
  g_ptr_array_unref (round->conflict_reasons);
  g_ptr_array_unref (round->criterion_notes);
  g_ptr_array_unref (round->juror_affiliations);
  g_array_unref (round->comments);
  g_free (round);
}

void
awd_report_round_set_issuer (AwdReportRound *round,
                             const char     *issuer)
{
  g_return_if_fail (round != NULL);
  set_string (&round->issuer, issuer);
}

void
awd_report_round_set_date (AwdReportRound *round,
                           const char     *iso_date)
{
  g_return_if_fail (round != NULL);
  set_string (&round->date, iso_date);
}

void
awd_report_round_set_checksum (AwdReportRound *round,
                               const char     *checksum)
{
  g_return_if_fail (round != NULL);

  /* The XML writes "sha256:<hex>"; the protocol prints the hex. */
  if (checksum != NULL && g_str_has_prefix (checksum, "sha256:"))
    checksum += strlen ("sha256:");
  set_string (&round->checksum, checksum);
}

void
awd_report_round_set_chair (AwdReportRound *round,
                            const char     *name)
{
  g_return_if_fail (round != NULL);
  set_string (&round->chair, name);
}

void
awd_report_round_set_secretary (AwdReportRound *round,
                                const char     *name)
{
  g_return_if_fail (round != NULL);
  set_string (&round->secretary, name);
}

void
awd_report_round_set_conflict_reason (AwdReportRound *round,
                                      guint           conflict,
                                      const char     *reason)
{
  g_return_if_fail (round != NULL);
  g_return_if_fail (conflict < round->input->conflicts->len);
  set_indexed (round->conflict_reasons, conflict, reason);
}

void
awd_report_round_set_criterion_note (AwdReportRound *round,
                                     guint           criterion,
                                     const char     *description)
{
  g_return_if_fail (round != NULL);
  g_return_if_fail (criterion < round->input->criteria->len);
  set_indexed (round->criterion_notes, criterion, description);
}

void
awd_report_round_set_juror_affiliation (AwdReportRound *round,
                                        guint           juror,
                                        const char     *affiliation)
{
  g_return_if_fail (round != NULL);
  g_return_if_fail (juror < round->input->jurors->len);
  set_indexed (round->juror_affiliations, juror, affiliation);
}

void
awd_report_round_add_comment (AwdReportRound *round,
                              guint           juror,
                              guint           nomination,
                              const char     *text)
{
  AwdReportComment comment;

  g_return_if_fail (round != NULL);
  g_return_if_fail (juror < round->input->jurors->len);
  g_return_if_fail (nomination < round->input->nominations->len);

  if (text == NULL || *text == '\0')
    return;
  comment.juror = juror;
  comment.nomination = nomination;
  comment.text = g_strdup (text);
  g_array_append_val (round->comments, comment);
}

gboolean
awd_report_round_ensure_results (AwdReportRound  *round,
                                 GError         **error)
{
  g_return_val_if_fail (round != NULL, FALSE);

  if (round->results == NULL)
    round->results = awd_results_compute (round->input, round->input->method, error);
  return round->results != NULL;
}

gboolean
awd_report_round_is_final (const AwdReportRound *round)
{
  g_return_val_if_fail (round != NULL, FALSE);
  return round->status == AWD_ROUND_STATUS_FINAL && round->checksum != NULL;
}

const char *
awd_report_round_lookup_conflict (const AwdReportRound *round,
                                  guint                 juror,
                                  guint                 nomination)
{
  g_return_val_if_fail (round != NULL, NULL);

  for (guint i = 0; i < round->input->conflicts->len; i++)
    {
      const AwdResultsConflict *c = &g_array_index (round->input->conflicts, AwdResultsConflict, i);

      if (c->juror == juror && c->nomination == nomination)
        {
          const char *reason = i < round->conflict_reasons->len
                               ? g_ptr_array_index (round->conflict_reasons, i) : NULL;
          return reason != NULL ? reason : "";
        }
    }
  return NULL;
}

const char *
awd_report_round_lookup_comment (const AwdReportRound *round,
                                 guint                 juror,
                                 guint                 nomination)
{
  g_return_val_if_fail (round != NULL, NULL);

  for (guint i = 0; i < round->comments->len; i++)
    {
      const AwdReportComment *c = &g_array_index (round->comments, AwdReportComment, i);

      if (c->juror == juror && c->nomination == nomination)
        return c->text;
    }
  return NULL;
}
