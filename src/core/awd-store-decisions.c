/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-scoring"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-store-private.h"
#include "awd-store-scoring.h"

/* What the jury decides on a round besides scores (awd-store-scoring.h):
 * comments, votes, award marks, direct winners and the frozen results.
 * Each user action is one transaction with one audit row; the bulk_*
 * variants run the same checks without an audit row for an import, which
 * writes one row for everything it adds. */

/* Comments ------------------------------------------------------------- */

gboolean
awd_store_bulk_insert_comment (AwdStore    *self,
                               gint64       round_id,
                               gint64       juror_id,
                               gint64       nomination_id,
                               const char  *text,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (text == NULL || *text == '\0')
    {
      stmt = awd_store_prepare (self, "DELETE FROM comment WHERE juror_id = ?1 AND nomination_id = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, juror_id);
      sqlite3_bind_int64 (stmt, 2, nomination_id);
      return awd_store_step_done (self, stmt, error);
    }

  stmt = awd_store_prepare (self, "INSERT INTO comment (round_id, juror_id, nomination_id, text)"
                            " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (juror_id, nomination_id)"
                            " DO UPDATE SET text = excluded.text", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, juror_id);
  sqlite3_bind_int64 (stmt, 3, nomination_id);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
  return awd_store_step_done (self, stmt, error);
}

gboolean
awd_store_set_comment (AwdStore    *self,
                       gint64       juror_id,
                       gint64       nomination_id,
                       const char  *text,
                       GError     **error)
{
  g_autofree char *after = NULL;
  gint64 round_id;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;
  round_id = awd_store_round_of_cell (self, juror_id, nomination_id, 0, error);
  ok = round_id > 0 && awd_store_require_writable (self, round_id, error) &&
       awd_store_bulk_insert_comment (self, round_id, juror_id, nomination_id, text, error);
  if (ok)
    {
      g_autofree char *extra = g_strdup_printf ("text: %s", text != NULL ? text : "");
      after = awd_store_describe_cell (juror_id, nomination_id, 0, extra);
    }
  return awd_store_finish_change (self, ok, round_id, "update", "comment", nomination_id, NULL, after, error);
}

static void
clear_comment_row (gpointer data)
{
  AwdCommentRow *row = data;
  g_clear_pointer (&row->text, g_free);
}

static void
add_comment_row (sqlite3_stmt *stmt,
                 gpointer      rows)
{
  AwdCommentRow row = {
    sqlite3_column_int64 (stmt, 0),
    sqlite3_column_int64 (stmt, 1),
    awd_store_column_text (stmt, 2),
  };
  g_array_append_val ((GArray *) rows, row);
}

GArray *
awd_store_list_comments (AwdStore  *self,
                         gint64     round_id,
                         GError   **error)
{
  return awd_store_list_round_rows (self, "SELECT c.juror_id, c.nomination_id, c.text FROM comment c"
                                    " JOIN juror j ON j.id = c.juror_id JOIN nomination n ON n.id = c.nomination_id"
                                    " WHERE c.round_id = ?1 ORDER BY j.position, j.id, n.ref, n.id",
                                    round_id, sizeof (AwdCommentRow), clear_comment_row, add_comment_row, error);
}

/* Votes ---------------------------------------------------------------- */

gboolean
awd_store_bulk_insert_votes (AwdStore  *self,
                             gint64     nomination_id,
                             gint64     count,
                             GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (count < 0)
    {
      stmt = awd_store_prepare (self, "DELETE FROM vote WHERE nomination_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, nomination_id);
      return awd_store_step_done (self, stmt, error);
    }

  stmt = awd_store_prepare (self, "INSERT INTO vote (nomination_id, count) VALUES (?1, ?2)"
                            " ON CONFLICT (nomination_id) DO UPDATE SET count = excluded.count", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  sqlite3_bind_int64 (stmt, 2, count);
  return awd_store_step_done (self, stmt, error);
}

gboolean
awd_store_set_votes (AwdStore  *self,
                     gint64     nomination_id,
                     gint64     count,
                     GError   **error)
{
  g_autofree char *after = NULL;
  gint64 round_id;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;
  round_id = awd_store_round_of (self, "nomination", nomination_id, error);
  ok = round_id > 0 && awd_store_require_writable (self, round_id, error) &&
       awd_store_bulk_insert_votes (self, nomination_id, count, error);
  if (ok && count >= 0)
    after = g_strdup_printf ("count: %" G_GINT64_FORMAT, count);
  return awd_store_finish_change (self, ok, round_id, count >= 0 ? "update" : "delete", "vote",
                                  nomination_id, NULL, after, error);
}

static void
add_vote_row (sqlite3_stmt *stmt,
              gpointer      rows)
{
  AwdVoteRow row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
  g_array_append_val ((GArray *) rows, row);
}

GArray *
awd_store_list_votes (AwdStore  *self,
                      gint64     round_id,
                      GError   **error)
{
  return awd_store_list_round_rows (self, "SELECT v.nomination_id, v.count FROM vote v"
                                    " JOIN nomination n ON n.id = v.nomination_id"
                                    " WHERE n.round_id = ?1 ORDER BY n.ref, n.id",
                                    round_id, sizeof (AwdVoteRow), NULL, add_vote_row, error);
}

/* Award marks ---------------------------------------------------------- */

gboolean
awd_store_bulk_insert_award (AwdStore     *self,
                             gint64        nomination_id,
                             AwdAwardMark  mark,
                             const char   *note,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if ((guint) mark > AWD_AWARD_MARK_DIPLOMA)
    return awd_store_refuse (error, _("The award mark is not known"));

  if (mark == AWD_AWARD_MARK_NONE && (note == NULL || *note == '\0'))
    {
      stmt = awd_store_prepare (self, "DELETE FROM award WHERE nomination_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, nomination_id);
      return awd_store_step_done (self, stmt, error);
    }

  stmt = awd_store_prepare (self, "INSERT INTO award (nomination_id, mark, note) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT (nomination_id) DO UPDATE SET mark = excluded.mark,"
                            " note = excluded.note", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  awd_store_bind_text (stmt, 2, awd_award_mark_to_string (mark));
  awd_store_bind_text (stmt, 3, note);
  return awd_store_step_done (self, stmt, error);
}

gboolean
awd_store_set_award (AwdStore     *self,
                     gint64        nomination_id,
                     AwdAwardMark  mark,
                     const char   *note,
                     GError      **error)
{
  g_autofree char *after = NULL;
  gint64 round_id;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;
  round_id = awd_store_round_of (self, "nomination", nomination_id, error);
  ok = round_id > 0 && awd_store_require_writable (self, round_id, error) &&
       awd_store_bulk_insert_award (self, nomination_id, mark, note, error);
  if (ok)
    after = g_strdup_printf ("mark: %s\nnote: %s", awd_award_mark_to_string (mark),
                             note != NULL ? note : "");
  return awd_store_finish_change (self, ok, round_id, "update", "award", nomination_id, NULL, after, error);
}

static void
clear_award_row (gpointer data)
{
  AwdAwardRow *row = data;
  g_clear_pointer (&row->note, g_free);
}

static void
add_award_row (sqlite3_stmt *stmt,
               gpointer      rows)
{
  AwdAwardRow row = { sqlite3_column_int64 (stmt, 0), AWD_AWARD_MARK_NONE, NULL };
  const char *mark = (const char *) sqlite3_column_text (stmt, 1);

  if (mark != NULL)
    awd_award_mark_from_string (mark, &row.mark);
  row.note = awd_store_column_text (stmt, 2);
  g_array_append_val ((GArray *) rows, row);
}

GArray *
awd_store_list_awards (AwdStore  *self,
                       gint64     round_id,
                       GError   **error)
{
  return awd_store_list_round_rows (self, "SELECT a.nomination_id, a.mark, a.note FROM award a"
                                    " JOIN nomination n ON n.id = a.nomination_id"
                                    " WHERE n.round_id = ?1 ORDER BY n.ref, n.id",
                                    round_id, sizeof (AwdAwardRow), clear_award_row, add_award_row, error);
}

/* Direct winners ------------------------------------------------------- */

gboolean
awd_store_bulk_set_winner (AwdStore  *self,
                           gint64     category_id,
                           gint64     nomination_id,
                           GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  stmt = awd_store_prepare (self, "SELECT c.kind, (SELECT category_id FROM nomination WHERE id = ?2)"
                            " FROM category c WHERE c.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, category_id);
  sqlite3_bind_int64 (stmt, 2, nomination_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gboolean direct = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "direct") == 0;
      gint64 nomination_category = sqlite3_column_int64 (stmt, 1);

      sqlite3_reset (stmt);
      if (nomination_id > 0 && !direct)
        return awd_store_refuse (error, _("Only a direct-prize category has a winner"));
      if (nomination_id > 0 && nomination_category != category_id)
        return awd_store_refuse (error, _("The winner must be a nomination of the same category"));
    }
  else
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        return awd_store_refuse (error, _("The category no longer exists"));
      return awd_store_set_error (self, rc, error);
    }

  stmt = awd_store_prepare (self, "UPDATE category SET winner_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, category_id);
  awd_store_bind_id (stmt, 2, nomination_id);
  return awd_store_step_done (self, stmt, error);
}

gboolean
awd_store_set_category_winner (AwdStore  *self,
                               gint64     category_id,
                               gint64     nomination_id,
                               GError   **error)
{
  g_autofree char *after = NULL;
  gint64 round_id;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;
  round_id = awd_store_round_of (self, "category", category_id, error);
  ok = round_id > 0 && awd_store_require_writable (self, round_id, error) &&
       awd_store_bulk_set_winner (self, category_id, nomination_id, error);
  if (ok)
    after = g_strdup_printf ("winner: %" G_GINT64_FORMAT, nomination_id);
  return awd_store_finish_change (self, ok, round_id, "update", "category", category_id, NULL, after, error);
}

/* Results -------------------------------------------------------------- */

static void
clear_result_row (gpointer data)
{
  AwdResultRow *row = data;
  g_clear_pointer (&row->note, g_free);
}

static void
add_result_row (sqlite3_stmt *stmt,
                gpointer      rows)
{
  AwdResultRow row = {
    sqlite3_column_int64 (stmt, 0),
    sqlite3_column_int64 (stmt, 1),
    sqlite3_column_int (stmt, 2),
    sqlite3_column_double (stmt, 3),
    AWD_AWARD_MARK_NONE,
    NULL,
  };
  const char *mark = (const char *) sqlite3_column_text (stmt, 4);

  if (mark != NULL)
    awd_award_mark_from_string (mark, &row.mark);
  row.note = awd_store_column_text (stmt, 5);
  g_array_append_val ((GArray *) rows, row);
}

GArray *
awd_store_list_results (AwdStore  *self,
                        gint64     round_id,
                        GError   **error)
{
  return awd_store_list_round_rows (self, "SELECT r.nomination_id, r.category_id, r.rank, r.score, r.mark, r.note"
                                    " FROM result r JOIN nomination n ON n.id = r.nomination_id"
                                    " LEFT JOIN category c ON c.id = r.category_id"
                                    " WHERE r.round_id = ?1 ORDER BY c.position, r.rank, n.ref, n.id",
                                    round_id, sizeof (AwdResultRow), clear_result_row, add_result_row, error);
}

gboolean
awd_store_get_results_method (AwdStore   *self,
                              gint64      round_id,
                              AwdMethod  *out_method,
                              GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  stmt = awd_store_prepare (self, "SELECT results_method FROM round WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    found = awd_method_from_string ((const char *) sqlite3_column_text (stmt, 0), out_method);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return awd_store_set_error (self, rc, error);
  if (!found)
    g_set_error_literal (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NOT_FOUND,
                         _("The round has no frozen results"));
  return found;
}
