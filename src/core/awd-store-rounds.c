/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-rounds"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "awd-store-private.h"
#include "awd-store-import.h"

#define ROUND_COLUMNS \
  "id, award, number, year, title, status, scale_min, scale_max, scale_step," \
  " method, trim, tie_break, quorum, results_checksum, finalized_at"

static AwdRound *
round_from_row (sqlite3_stmt *stmt)
{
  AwdRound *round = awd_round_new ();
  AwdRoundStatus status = AWD_ROUND_STATUS_DRAFT;
  AwdMethod method = AWD_METHOD_MEAN;
  AwdTieBreak tie_break = AWD_TIE_BREAK_NONE;

  awd_round_set_id (round, sqlite3_column_int64 (stmt, 0));
  awd_round_set_award (round, (const char *) sqlite3_column_text (stmt, 1));
  awd_round_set_number (round, sqlite3_column_int (stmt, 2));
  awd_round_set_year (round, sqlite3_column_int (stmt, 3));
  awd_round_set_title (round, (const char *) sqlite3_column_text (stmt, 4));
  awd_round_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &status);
  awd_round_set_status (round, status);
  awd_round_set_scale_min (round, sqlite3_column_double (stmt, 6));
  awd_round_set_scale_max (round, sqlite3_column_double (stmt, 7));
  awd_round_set_scale_step (round, sqlite3_column_double (stmt, 8));
  awd_method_from_string ((const char *) sqlite3_column_text (stmt, 9), &method);
  awd_round_set_method (round, method);
  awd_round_set_trim (round, sqlite3_column_int (stmt, 10));
  awd_tie_break_from_string ((const char *) sqlite3_column_text (stmt, 11), &tie_break);
  awd_round_set_tie_break (round, tie_break);
  awd_round_set_quorum (round, sqlite3_column_int (stmt, 12));
  awd_round_set_results_checksum (round, (const char *) sqlite3_column_text (stmt, 13));
  awd_round_set_finalized_at (round, (const char *) sqlite3_column_text (stmt, 14));

  return round;
}

/* The rules a round's fields must satisfy, with a message that says which
 * field is wrong and what is allowed; a round is written as final only by
 * finalization. The database's CHECKs repeat the essential ones as a last
 * line of defence. */
static gboolean
validate_round (AwdRound  *round,
                GError   **error)
{
  double min = awd_round_get_scale_min (round);
  double max = awd_round_get_scale_max (round);
  double step = awd_round_get_scale_step (round);
  const char *award = awd_round_get_award (round);
  const char *title = awd_round_get_title (round);

  if (awd_store_is_blank (award))
    return awd_store_refuse (error, _("The award needs a name"));
  if (awd_store_is_blank (title))
    return awd_store_refuse (error, _("The round needs a title"));
  if (awd_round_get_number (round) < 1)
    return awd_store_refuse (error, _("The season number must be 1 or more"));
  if (awd_round_get_year (round) < 1900 || awd_round_get_year (round) > 2999)
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The year %d is out of range"), awd_round_get_year (round));
      return FALSE;
    }
  if (!isfinite (min) || !isfinite (max) || !(max > min))
    return awd_store_refuse (error, _("The highest score must be greater than the lowest"));
  if (!isfinite (step) || !(step > 0) || step > max - min)
    return awd_store_refuse (error, _("The score step must be greater than zero and fit between the lowest and the highest score"));
  if (fabs ((max - min) / step - nearbyint ((max - min) / step)) > 1e-9)
    return awd_store_refuse (error, _("The highest score must be reachable from the lowest in whole steps"));
  if (awd_round_get_trim (round) < 0)
    return awd_store_refuse (error, _("The number of trimmed jurors cannot be negative"));
  if (awd_round_get_quorum (round) < 1)
    return awd_store_refuse (error, _("The quorum must be at least one juror"));
  if (awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL)
    return awd_store_refuse (error, _("A round becomes final only by finalizing its results"));

  return TRUE;
}

static void
bind_round (sqlite3_stmt *stmt,
            AwdRound     *round)
{
  sqlite3_bind_text (stmt, 1, awd_round_get_award (round), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, awd_round_get_number (round));
  sqlite3_bind_int (stmt, 3, awd_round_get_year (round));
  sqlite3_bind_text (stmt, 4, awd_round_get_title (round), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, awd_round_status_to_string (awd_round_get_status (round)), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 6, awd_round_get_scale_min (round));
  sqlite3_bind_double (stmt, 7, awd_round_get_scale_max (round));
  sqlite3_bind_double (stmt, 8, awd_round_get_scale_step (round));
  sqlite3_bind_text (stmt, 9, awd_method_to_string (awd_round_get_method (round)), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 10, awd_round_get_trim (round));
  sqlite3_bind_text (stmt, 11, awd_tie_break_to_string (awd_round_get_tie_break (round)), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, awd_round_get_quorum (round));
}

/* The row of a new round; its id is set on success. */
static gboolean
insert_round_row (AwdStore  *self,
                  AwdRound  *round,
                  GError   **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self,
                                          "INSERT INTO round (award, number, year, title, status, scale_min,"
                                          " scale_max, scale_step, method, trim, tie_break, quorum)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  bind_round (stmt, round);
  if (!awd_store_step_done (self, stmt, error))
    return FALSE;
  awd_round_set_id (round, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

GListModel *
awd_store_list_rounds (AwdStore  *self,
                       GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  stmt = awd_store_prepare (self, "SELECT " ROUND_COLUMNS " FROM round ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  return awd_store_list_objects (self, stmt, AWD_TYPE_ROUND, (AwdStoreObjectFunc) round_from_row, error);
}

AwdRound *
awd_store_get_round (AwdStore  *self,
                     gint64     round_id,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  AwdRound *round = NULL;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  stmt = awd_store_prepare (self, "SELECT " ROUND_COLUMNS " FROM round WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    round = round_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NOT_FOUND,
                 _("There is no round %lld"), (long long) round_id);
  else if (rc != SQLITE_ROW)
    awd_store_set_error (self, rc, error);

  return round;
}

gboolean
awd_store_round_is_final (AwdStore  *self,
                          gint64     round_id,
                          GError   **error)
{
  g_autoptr(AwdRound) round = awd_store_get_round (self, round_id, error);

  return round != NULL && awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL;
}

/* Refuses any write to a read-only connection or to a finalized round,
 * before the triggers would. */
gboolean
awd_store_require_writable (AwdStore  *self,
                            gint64     round_id,
                            GError   **error)
{
  g_autoptr(AwdRound) round = NULL;

  if (self->read_only)
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only; close the other copy of Award Desk to make changes"),
                   self->path);
      return FALSE;
    }

  round = awd_store_get_round (self, round_id, error);
  if (round == NULL)
    return FALSE;

  if (awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL)
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL,
                   _("The round “%s” is final and cannot be changed; reopen it first"),
                   awd_round_get_title (round));
      return FALSE;
    }

  return TRUE;
}

/* The round a row of @table belongs to; -1 with @error when it is missing. */
gint64
awd_store_round_of (AwdStore    *self,
                    const char  *table,
                    gint64       id,
                    GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT round_id FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = awd_store_prepare (self, sql, error);
  gint64 round_id = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    round_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NOT_FOUND,
                 _("The item no longer exists; it may have been deleted"));
  else if (rc != SQLITE_ROW)
    awd_store_set_error (self, rc, error);

  return round_id;
}

/**
 * awd_store_insert_round:
 * @round: the new round; its id is set on success
 *
 * Adds a round. Its status may be anything but final: a round becomes
 * final only through finalization.
 */
gboolean
awd_store_insert_round (AwdStore  *self,
                        AwdRound  *round,
                        GError   **error)
{
  g_autofree char *after = NULL;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (AWD_IS_ROUND (round), FALSE);

  if (!validate_round (round, error))
    return FALSE;

  if (!awd_store_begin (self, error))
    return FALSE;

  if (!insert_round_row (self, round, error))
    goto fail;

  after = awd_store_describe_object (G_OBJECT (round), NULL);
  if (!awd_store_audit (self, awd_round_get_id (round), "insert", "round",
                        awd_round_get_id (round), NULL, after, error))
    goto fail;

  return awd_store_commit (self, error);

fail:
  awd_store_rollback (self);
  awd_round_set_id (round, 0);
  return FALSE;
}

gboolean
awd_store_bulk_insert_round (AwdStore  *self,
                             AwdRound  *round,
                             GError   **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (AWD_IS_ROUND (round), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  return validate_round (round, error) && insert_round_row (self, round, error);
}

/**
 * awd_store_save_round:
 *
 * Writes the editable fields of @round. Finalizing and reopening have their
 * own calls; this one refuses a final round and a change to "final".
 */
gboolean
awd_store_save_round (AwdStore  *self,
                      AwdRound  *round,
                      GError   **error)
{
  g_autoptr(AwdRound) before = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  gint64 round_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (AWD_IS_ROUND (round), FALSE);

  round_id = awd_round_get_id (round);
  if (!validate_round (round, error))
    return FALSE;

  if (!awd_store_begin (self, error))
    return FALSE;

  if (!awd_store_require_writable (self, round_id, error))
    goto fail;

  before = awd_store_get_round (self, round_id, error);
  if (before == NULL)
    goto fail;

  stmt = awd_store_prepare (self,
                            "UPDATE round SET award = ?1, number = ?2, year = ?3, title = ?4,"
                            " status = ?5, scale_min = ?6, scale_max = ?7, scale_step = ?8,"
                            " method = ?9, trim = ?10, tie_break = ?11, quorum = ?12"
                            " WHERE id = ?13",
                            error);
  if (stmt == NULL)
    goto fail;
  bind_round (stmt, round);
  sqlite3_bind_int64 (stmt, 13, round_id);
  if (!awd_store_step_done (self, stmt, error))
    goto fail;

  before_text = awd_store_describe_object (G_OBJECT (before), G_OBJECT (round));
  after_text = awd_store_describe_object (G_OBJECT (round), G_OBJECT (before));
  if (*after_text != '\0' &&
      !awd_store_audit (self, round_id, "update", "round", round_id, before_text, after_text, error))
    goto fail;

  return awd_store_commit (self, error);

fail:
  awd_store_rollback (self);
  return FALSE;
}

/**
 * awd_store_delete_round:
 *
 * Deletes a round with everything in it. A final round is refused.
 */
gboolean
awd_store_delete_round (AwdStore  *self,
                        gint64     round_id,
                        GError   **error)
{
  g_autoptr(AwdRound) before = NULL;
  g_autofree char *before_text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;

  if (!awd_store_require_writable (self, round_id, error))
    goto fail;
  before = awd_store_get_round (self, round_id, error);
  if (before == NULL)
    goto fail;

  stmt = awd_store_prepare (self, "DELETE FROM round WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (!awd_store_step_done (self, stmt, error))
    goto fail;

  before_text = awd_store_describe_object (G_OBJECT (before), NULL);
  if (!awd_store_audit (self, round_id, "delete", "round", round_id, before_text, NULL, error))
    goto fail;

  return awd_store_commit (self, error);

fail:
  awd_store_rollback (self);
  return FALSE;
}

/**
 * awd_store_copy_round_setup:
 * @source_round_id: the earlier round
 * @new_round: the new round's own fields (title, number, year, …)
 *
 * Starts a round as a copy of an earlier one's set-up: its categories,
 * criteria, scale, method and jury (nominations, scores and decisions are
 * not copied). The new round starts as a draft.
 *
 * Returns: the new round's id, or 0 on error.
 */
gint64
awd_store_copy_round_setup (AwdStore  *self,
                            gint64     source_round_id,
                            AwdRound  *new_round,
                            GError   **error)
{
  g_autoptr(AwdRound) source = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 new_id;
  static const char * const copies[] = {
    "INSERT INTO category (round_id, position, name, kind)"
    " SELECT ?1, position, name, kind FROM category WHERE round_id = ?2 ORDER BY position",
    "INSERT INTO criterion (round_id, position, name, description, weight)"
    " SELECT ?1, position, name, description, weight FROM criterion WHERE round_id = ?2 ORDER BY position",
    "INSERT INTO juror (round_id, position, name, affiliation, email, chair)"
    " SELECT ?1, position, name, affiliation, email, chair FROM juror WHERE round_id = ?2 ORDER BY position",
  };

  g_return_val_if_fail (AWD_IS_STORE (self), 0);
  g_return_val_if_fail (AWD_IS_ROUND (new_round), 0);

  source = awd_store_get_round (self, source_round_id, error);
  if (source == NULL)
    return 0;

  awd_round_set_status (new_round, AWD_ROUND_STATUS_DRAFT);
  awd_round_set_scale_min (new_round, awd_round_get_scale_min (source));
  awd_round_set_scale_max (new_round, awd_round_get_scale_max (source));
  awd_round_set_scale_step (new_round, awd_round_get_scale_step (source));
  awd_round_set_method (new_round, awd_round_get_method (source));
  awd_round_set_trim (new_round, awd_round_get_trim (source));
  awd_round_set_tie_break (new_round, awd_round_get_tie_break (source));
  awd_round_set_quorum (new_round, awd_round_get_quorum (source));

  if (!awd_store_begin (self, error))
    return 0;

  if (!awd_store_insert_round (self, new_round, error))
    goto fail;
  new_id = awd_round_get_id (new_round);

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      stmt = awd_store_prepare (self, copies[i], error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, new_id);
      sqlite3_bind_int64 (stmt, 2, source_round_id);
      if (!awd_store_step_done (self, stmt, error))
        goto fail;
    }

  after = g_strdup_printf ("source: %" G_GINT64_FORMAT, source_round_id);
  if (!awd_store_audit (self, new_id, "copy-setup", "round", new_id, NULL, after, error))
    goto fail;

  if (!awd_store_commit (self, error))
    {
      awd_round_set_id (new_round, 0);
      return 0;
    }
  return new_id;

fail:
  awd_store_rollback (self);
  awd_round_set_id (new_round, 0);
  return 0;
}
