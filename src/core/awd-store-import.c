/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-import"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "awd-store-private.h"
#include "awd-store-import.h"

/* Bulk writes for the importer. They repeat the rules the interactive
 * calls of awd-store-rounds.c and awd-store-setup.c apply (those write an
 * audit row per change, which an import must not); the database CHECKs
 * back both up. */

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[strspn (text, " \t\r\n")] == '\0';
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
explain_unique (GError     **error,
                const char  *message)
{
  if (error != NULL && *error != NULL && strstr ((*error)->message, "UNIQUE") != NULL)
    {
      g_clear_error (error);
      refuse (error, message);
    }
  return FALSE;
}

gboolean
awd_store_bulk_insert_round (AwdStore  *self,
                             AwdRound  *round,
                             GError   **error)
{
  double min = awd_round_get_scale_min (round);
  double max = awd_round_get_scale_max (round);
  double step = awd_round_get_scale_step (round);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (AWD_IS_ROUND (round), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (is_blank (awd_round_get_award (round)))
    return refuse (error, _("The award needs a name"));
  if (is_blank (awd_round_get_title (round)))
    return refuse (error, _("The round needs a title"));
  if (awd_round_get_number (round) < 1)
    return refuse (error, _("The season number must be 1 or more"));
  if (awd_round_get_year (round) < 1900 || awd_round_get_year (round) > 2999)
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The year %d is out of range"), awd_round_get_year (round));
      return FALSE;
    }
  if (!isfinite (min) || !isfinite (max) || !(max > min))
    return refuse (error, _("The highest score must be greater than the lowest"));
  if (!isfinite (step) || !(step > 0) || step > max - min)
    return refuse (error, _("The score step must be greater than zero and fit between the lowest and the highest score"));
  if (fabs ((max - min) / step - nearbyint ((max - min) / step)) > 1e-9)
    return refuse (error, _("The highest score must be reachable from the lowest in whole steps"));
  if (awd_round_get_trim (round) < 0)
    return refuse (error, _("The number of trimmed jurors cannot be negative"));
  if (awd_round_get_quorum (round) < 1)
    return refuse (error, _("The quorum must be at least one juror"));
  if (awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL)
    return refuse (error, _("A round becomes final only by finalizing its results"));

  stmt = awd_store_prepare (self,
                            "INSERT INTO round (award, number, year, title, status, scale_min,"
                            " scale_max, scale_step, method, trim, tie_break, quorum)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, awd_round_get_award (round), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, awd_round_get_number (round));
  sqlite3_bind_int (stmt, 3, awd_round_get_year (round));
  sqlite3_bind_text (stmt, 4, awd_round_get_title (round), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, awd_round_status_to_string (awd_round_get_status (round)), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 6, min);
  sqlite3_bind_double (stmt, 7, max);
  sqlite3_bind_double (stmt, 8, step);
  sqlite3_bind_text (stmt, 9, awd_method_to_string (awd_round_get_method (round)), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 10, awd_round_get_trim (round));
  sqlite3_bind_text (stmt, 11, awd_tie_break_to_string (awd_round_get_tie_break (round)), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, awd_round_get_quorum (round));
  if (!awd_store_step_done (self, stmt, error))
    return FALSE;

  awd_round_set_id (round, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
awd_store_bulk_insert_category (AwdStore     *self,
                                AwdCategory  *category,
                                GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (is_blank (awd_category_get_name (category)))
    return refuse (error, _("The category needs a name"));
  if ((guint) awd_category_get_kind (category) > AWD_CATEGORY_KIND_DIRECT)
    return refuse (error, _("The category's kind is not known"));

  stmt = awd_store_prepare (self, "INSERT INTO category (round_id, position, name, kind)"
                            " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, awd_category_get_round_id (category));
  sqlite3_bind_int (stmt, 2, awd_category_get_position (category));
  sqlite3_bind_text (stmt, 3, awd_category_get_name (category), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, awd_category_kind_to_string (awd_category_get_kind (category)), -1, SQLITE_STATIC);
  if (!awd_store_step_done (self, stmt, error))
    {
      if (error != NULL && *error != NULL && strstr ((*error)->message, "UNIQUE") != NULL)
        {
          g_clear_error (error);
          g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                       _("The round already has a category named “%s”"),
                       awd_category_get_name (category));
        }
      return FALSE;
    }
  awd_category_set_id (category, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
awd_store_bulk_insert_criterion (AwdStore      *self,
                                 AwdCriterion  *criterion,
                                 GError       **error)
{
  double weight = awd_criterion_get_weight (criterion);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (is_blank (awd_criterion_get_name (criterion)))
    return refuse (error, _("The criterion needs a name"));
  if (!isfinite (weight) || !(weight > 0))
    return refuse (error, _("The weight must be a number greater than zero"));

  stmt = awd_store_prepare (self, "INSERT INTO criterion (round_id, position, name, description, weight)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, awd_criterion_get_round_id (criterion));
  sqlite3_bind_int (stmt, 2, awd_criterion_get_position (criterion));
  sqlite3_bind_text (stmt, 3, awd_criterion_get_name (criterion), -1, SQLITE_TRANSIENT);
  awd_store_bind_text (stmt, 4, awd_criterion_get_description (criterion));
  sqlite3_bind_double (stmt, 5, weight);
  if (!awd_store_step_done (self, stmt, error))
    return FALSE;
  awd_criterion_set_id (criterion, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
awd_store_bulk_insert_juror (AwdStore  *self,
                             AwdJuror  *juror,
                             GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (is_blank (awd_juror_get_name (juror)))
    return refuse (error, _("The juror needs a name"));
  if (!awd_email_is_valid (awd_juror_get_email (juror)))
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The e-mail address “%s” is not valid; it should look like name@example.org"),
                   awd_juror_get_email (juror));
      return FALSE;
    }

  stmt = awd_store_prepare (self, "INSERT INTO juror (round_id, position, name, affiliation, email,"
                            " chair, withdrawn, withdrawn_reason, submitted)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, awd_juror_get_round_id (juror));
  sqlite3_bind_int (stmt, 2, awd_juror_get_position (juror));
  sqlite3_bind_text (stmt, 3, awd_juror_get_name (juror), -1, SQLITE_TRANSIENT);
  awd_store_bind_text (stmt, 4, awd_juror_get_affiliation (juror));
  awd_store_bind_text (stmt, 5, awd_juror_get_email (juror));
  sqlite3_bind_int (stmt, 6, awd_juror_get_chair (juror) ? 1 : 0);
  sqlite3_bind_int (stmt, 7, awd_juror_get_withdrawn (juror) ? 1 : 0);
  awd_store_bind_text (stmt, 8, awd_juror_get_withdrawn (juror) ? awd_juror_get_withdrawn_reason (juror) : NULL);
  sqlite3_bind_int (stmt, 9, awd_juror_get_submitted (juror) ? 1 : 0);
  if (!awd_store_step_done (self, stmt, error))
    {
      if (error != NULL && *error != NULL && strstr ((*error)->message, "juror.round_id") != NULL &&
          awd_juror_get_chair (juror))
        return explain_unique (error, _("The jury has more than one chair"));
      if (error != NULL && *error != NULL && strstr ((*error)->message, "UNIQUE") != NULL)
        {
          g_clear_error (error);
          g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                       _("The jury already has a member named “%s”"), awd_juror_get_name (juror));
        }
      return FALSE;
    }
  awd_juror_set_id (juror, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
awd_store_bulk_finalize_round (AwdStore    *self,
                               gint64       round_id,
                               AwdMethod    method,
                               const char  *checksum,
                               const char  *finalized_at,
                               GArray      *results,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (checksum != NULL && strlen (checksum) == 64, FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  stmt = awd_store_prepare (self, "INSERT INTO result (round_id, nomination_id, category_id, rank,"
                            " score, mark, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    {
      const AwdResultRow *row = &g_array_index (results, AwdResultRow, i);

      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int64 (stmt, 2, row->nomination_id);
      awd_store_bind_id (stmt, 3, row->category_id);
      sqlite3_bind_int (stmt, 4, row->rank);
      sqlite3_bind_double (stmt, 5, row->score);
      awd_store_bind_text (stmt, 6, awd_award_mark_to_string (row->mark));
      awd_store_bind_text (stmt, 7, row->note);
      if (!awd_store_step_done (self, stmt, error))
        return FALSE;
    }

  /* finalized_at is the date the file states, or none: an import is not a
   * finalization. It goes in with the status, as the round_final_update
   * trigger refuses any later change to a final round. */
  stmt = awd_store_prepare (self, "UPDATE round SET status = 'final', results_method = ?2,"
                            " results_checksum = ?3, finalized_at = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, awd_method_to_string (method), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, checksum, -1, SQLITE_TRANSIENT);
  awd_store_bind_text (stmt, 4, finalized_at);
  return awd_store_step_done (self, stmt, error);
}
