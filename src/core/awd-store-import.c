/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-import"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-store-private.h"
#include "awd-store-import.h"

/* The finalization of an imported final round. The other bulk writes of
 * awd-store-import.h stand next to their interactive twins in
 * awd-store-rounds.c and awd-store-setup.c and share their rules and
 * statements; they write no audit row, which an import must not. */

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
