/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-scoring"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-store-private.h"
#include "awd-store-scoring.h"

/* Conflicts of interest on a round (awd-store-scoring.h): a juror who
 * does not score a nomination. Each user action is one transaction with
 * one audit row; the bulk_* variant, for an import, writes none. */

/* Conflicts ------------------------------------------------------------ */

gboolean
awd_store_bulk_insert_conflict (AwdStore    *self,
                                gint64       round_id,
                                gint64       juror_id,
                                gint64       nomination_id,
                                const char  *reason,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  stmt = awd_store_prepare (self, "INSERT INTO conflict (round_id, juror_id, nomination_id, reason)"
                            " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (juror_id, nomination_id)"
                            " DO UPDATE SET reason = excluded.reason", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, juror_id);
  sqlite3_bind_int64 (stmt, 3, nomination_id);
  awd_store_bind_text (stmt, 4, reason);
  return awd_store_step_done (self, stmt, error);
}

/* A conflict keeps the juror's scores on the nomination (they stop
 * counting), so that removing a conflict declared by mistake loses nothing. */
gboolean
awd_store_set_conflict (AwdStore    *self,
                        gint64       juror_id,
                        gint64       nomination_id,
                        const char  *reason,
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
       awd_store_bulk_insert_conflict (self, round_id, juror_id, nomination_id, reason, error);
  if (ok)
    {
      g_autofree char *extra = g_strdup_printf ("reason: %s", reason != NULL ? reason : "");
      after = awd_store_describe_cell (juror_id, nomination_id, 0, extra);
    }
  return awd_store_finish_change (self, ok, round_id, "insert", "conflict", nomination_id, NULL, after, error);
}

gboolean
awd_store_remove_conflict (AwdStore  *self,
                           gint64     juror_id,
                           gint64     nomination_id,
                           GError   **error)
{
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 round_id;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;
  round_id = awd_store_round_of_cell (self, juror_id, nomination_id, 0, error);
  ok = round_id > 0 && awd_store_require_writable (self, round_id, error) &&
       (stmt = awd_store_prepare (self, "DELETE FROM conflict WHERE juror_id = ?1"
                                  " AND nomination_id = ?2", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, juror_id);
      sqlite3_bind_int64 (stmt, 2, nomination_id);
      ok = awd_store_step_done (self, stmt, error);
      before = awd_store_describe_cell (juror_id, nomination_id, 0, NULL);
    }
  return awd_store_finish_change (self, ok, round_id, "delete", "conflict", nomination_id, before, NULL, error);
}

static void
clear_conflict_row (gpointer data)
{
  AwdConflictRow *row = data;
  g_clear_pointer (&row->reason, g_free);
}

static void
add_conflict_row (sqlite3_stmt *stmt,
                  gpointer      rows)
{
  AwdConflictRow row = {
    sqlite3_column_int64 (stmt, 0),
    sqlite3_column_int64 (stmt, 1),
    awd_store_column_text (stmt, 2),
  };
  g_array_append_val ((GArray *) rows, row);
}

GArray *
awd_store_list_conflicts (AwdStore  *self,
                          gint64     round_id,
                          GError   **error)
{
  return awd_store_list_round_rows (self, "SELECT c.juror_id, c.nomination_id, c.reason FROM conflict c"
                                    " JOIN juror j ON j.id = c.juror_id JOIN nomination n ON n.id = c.nomination_id"
                                    " WHERE c.round_id = ?1 ORDER BY j.position, j.id, n.ref, n.id",
                                    round_id, sizeof (AwdConflictRow), clear_conflict_row, add_conflict_row, error);
}
