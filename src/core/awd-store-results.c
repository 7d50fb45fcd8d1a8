/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-results"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-canonical.h"
#include "awd-store-private.h"
#include "awd-store-results.h"

/* The bridge between the database and the results engine: a round's rows
 * become an AwdResultsInput, and a computed ranking becomes the frozen
 * results of a finalized round. */

void
awd_results_snapshot_free (AwdResultsSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->input, awd_results_input_free);
  g_clear_pointer (&snapshot->criterion_ids, g_array_unref);
  g_clear_pointer (&snapshot->category_ids, g_array_unref);
  g_clear_pointer (&snapshot->juror_ids, g_array_unref);
  g_clear_pointer (&snapshot->nomination_ids, g_array_unref);
  g_free (snapshot);
}

/* Index of @id in @ids, or -1. The arrays are small (criteria, categories,
 * jurors) or looked up through a hash table (nominations). */
static int
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return (int) i;
  return -1;
}

typedef gboolean (*RowFunc) (AwdResultsSnapshot *snapshot,
                             GHashTable         *nominations,
                             sqlite3_stmt       *stmt);

static gboolean
for_each_row (AwdStore            *self,
              const char          *sql,
              AwdResultsSnapshot  *snapshot,
              GHashTable          *nominations,
              RowFunc              func,
              GError             **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->round_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (snapshot, nominations, stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return awd_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
add_criterion_row (AwdResultsSnapshot *s, GHashTable *n, sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  awd_results_input_add_criterion (s->input, (const char *) sqlite3_column_text (stmt, 1),
                                   sqlite3_column_double (stmt, 2));
  g_array_append_val (s->criterion_ids, id);
  return TRUE;
}

static gboolean
add_category_row (AwdResultsSnapshot *s, GHashTable *n, sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  AwdCategoryKind kind = AWD_CATEGORY_KIND_JURY;

  awd_category_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind);
  awd_results_input_add_category (s->input, (const char *) sqlite3_column_text (stmt, 1), kind);
  g_array_append_val (s->category_ids, id);
  return TRUE;
}

static gboolean
add_juror_row (AwdResultsSnapshot *s, GHashTable *n, sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  awd_results_input_add_juror (s->input, (const char *) sqlite3_column_text (stmt, 1),
                               sqlite3_column_int (stmt, 2));
  g_array_append_val (s->juror_ids, id);
  return TRUE;
}

static gboolean
add_nomination_row (AwdResultsSnapshot *s, GHashTable *n, sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  AwdNominationStatus status = AWD_NOMINATION_STATUS_RECEIVED;
  int category = -1;
  int index;

  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    category = index_of (s->category_ids, sqlite3_column_int64 (stmt, 4));
  awd_nomination_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &status);
  index = awd_results_input_add_nomination (s->input,
                                            (const char *) sqlite3_column_text (stmt, 1),
                                            (const char *) sqlite3_column_text (stmt, 2),
                                            (const char *) sqlite3_column_text (stmt, 3),
                                            category, status);
  g_array_append_val (s->nomination_ids, id);
  g_hash_table_insert (n, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (index + 1));
  return TRUE;
}

static int
nomination_index (GHashTable *nominations,
                  gint64      id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (nominations, &id)) - 1;
}

static gboolean
add_conflict_row (AwdResultsSnapshot *s, GHashTable *n, sqlite3_stmt *stmt)
{
  int juror = index_of (s->juror_ids, sqlite3_column_int64 (stmt, 0));
  int nomination = nomination_index (n, sqlite3_column_int64 (stmt, 1));

  if (juror >= 0 && nomination >= 0)
    awd_results_input_add_conflict (s->input, juror, nomination);
  return TRUE;
}

static gboolean
add_score_row (AwdResultsSnapshot *s, GHashTable *n, sqlite3_stmt *stmt)
{
  int juror = index_of (s->juror_ids, sqlite3_column_int64 (stmt, 0));
  int nomination = nomination_index (n, sqlite3_column_int64 (stmt, 1));
  int criterion = index_of (s->criterion_ids, sqlite3_column_int64 (stmt, 2));

  if (juror >= 0 && nomination >= 0 && criterion >= 0)
    awd_results_input_add_score (s->input, juror, nomination, criterion,
                                 sqlite3_column_double (stmt, 3));
  return TRUE;
}

static gboolean
add_vote_row (AwdResultsSnapshot *s, GHashTable *n, sqlite3_stmt *stmt)
{
  int nomination = nomination_index (n, sqlite3_column_int64 (stmt, 0));

  if (nomination >= 0)
    awd_results_input_set_votes (s->input, nomination, sqlite3_column_int64 (stmt, 1));
  return TRUE;
}

static gboolean
add_award_row (AwdResultsSnapshot *s, GHashTable *n, sqlite3_stmt *stmt)
{
  int nomination = nomination_index (n, sqlite3_column_int64 (stmt, 0));
  AwdAwardMark mark = AWD_AWARD_MARK_NONE;

  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    awd_award_mark_from_string ((const char *) sqlite3_column_text (stmt, 1), &mark);
  if (nomination >= 0)
    awd_results_input_set_award_mark (s->input, nomination, mark,
                                      (const char *) sqlite3_column_text (stmt, 2));
  return TRUE;
}

static gboolean
add_winner_row (AwdResultsSnapshot *s, GHashTable *n, sqlite3_stmt *stmt)
{
  int category = index_of (s->category_ids, sqlite3_column_int64 (stmt, 0));
  int nomination = nomination_index (n, sqlite3_column_int64 (stmt, 1));

  if (category >= 0 && nomination >= 0)
    awd_results_input_set_winner (s->input, category, nomination);
  return TRUE;
}

/**
 * awd_store_load_results:
 *
 * Reads one round in a single read transaction, so the snapshot is
 * consistent even while another process writes.
 */
AwdResultsSnapshot *
awd_store_load_results (AwdStore  *self,
                        gint64     round_id,
                        GError   **error)
{
  g_autoptr(AwdResultsSnapshot) s = NULL;
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(GHashTable) nominations = NULL;
  gboolean own_read = FALSE;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  if (self->transaction_depth == 0)
    {
      if (!awd_store_exec (self, "BEGIN", error))
        return NULL;
      own_read = TRUE;
    }

  round = awd_store_get_round (self, round_id, error);
  if (round == NULL)
    goto out;

  s = g_new0 (AwdResultsSnapshot, 1);
  s->round_id = round_id;
  s->input = awd_results_input_new (awd_round_get_award (round), awd_round_get_number (round),
                                    awd_round_get_year (round));
  awd_results_input_set_method (s->input, awd_round_get_method (round));
  awd_results_input_set_trim (s->input, awd_round_get_trim (round));
  awd_results_input_set_scale (s->input, awd_round_get_scale_min (round),
                               awd_round_get_scale_max (round), awd_round_get_scale_step (round));
  awd_results_input_set_tie_break (s->input, awd_round_get_tie_break (round));
  awd_results_input_set_quorum (s->input, awd_round_get_quorum (round));
  s->criterion_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->juror_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->nomination_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  nominations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  ok = for_each_row (self, "SELECT id, name, weight FROM criterion WHERE round_id = ?1 ORDER BY position, id",
                     s, nominations, add_criterion_row, error) &&
       for_each_row (self, "SELECT id, name, kind FROM category WHERE round_id = ?1 ORDER BY position, id",
                     s, nominations, add_category_row, error) &&
       for_each_row (self, "SELECT id, name, withdrawn FROM juror WHERE round_id = ?1 ORDER BY position, id",
                     s, nominations, add_juror_row, error) &&
       for_each_row (self, "SELECT id, ref, title, institution, category_id, status FROM nomination"
                     " WHERE round_id = ?1 ORDER BY ref, id",
                     s, nominations, add_nomination_row, error) &&
       for_each_row (self, "SELECT juror_id, nomination_id FROM conflict WHERE round_id = ?1",
                     s, nominations, add_conflict_row, error) &&
       /* Through the jurors: each one's scores are a primary-key range. */
       for_each_row (self, "SELECT s.juror_id, s.nomination_id, s.criterion_id, s.value"
                     " FROM juror j JOIN score s ON s.juror_id = j.id WHERE j.round_id = ?1",
                     s, nominations, add_score_row, error) &&
       for_each_row (self, "SELECT v.nomination_id, v.count FROM vote v JOIN nomination n ON n.id = v.nomination_id"
                     " WHERE n.round_id = ?1",
                     s, nominations, add_vote_row, error) &&
       /* A final round's decisions are the frozen ones, proposals included. */
       for_each_row (self, awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL
                     ? "SELECT nomination_id, mark, note FROM result WHERE round_id = ?1"
                     : "SELECT a.nomination_id, a.mark, a.note FROM award a JOIN nomination n ON n.id = a.nomination_id"
                       " WHERE n.round_id = ?1",
                     s, nominations, add_award_row, error) &&
       for_each_row (self, "SELECT id, winner_id FROM category WHERE round_id = ?1 AND winner_id IS NOT NULL",
                     s, nominations, add_winner_row, error);
  if (!ok)
    g_clear_pointer (&s, awd_results_snapshot_free);

out:
  if (own_read)
    awd_store_exec (self, "COMMIT", NULL);
  return g_steal_pointer (&s);
}

AwdResultsInput *
awd_store_load_results_input (AwdStore  *self,
                              gint64     round_id,
                              GError   **error)
{
  g_autoptr(AwdResultsSnapshot) s = awd_store_load_results (self, round_id, error);

  return s != NULL ? g_steal_pointer (&s->input) : NULL;
}

static const char *
category_label (const AwdResultsInput *in,
                int                    category)
{
  return category >= 0 ? g_array_index (in->categories, AwdResultsCategory, category).name
                       : _("the round");
}

/* A tie at the top is decided when the chair recorded a note on one of the
 * tied first places (and marked the laureate). */
static gboolean
top_tie_decided (const AwdResultsInput   *in,
                 const AwdResultCategory *category)
{
  for (guint i = 0; i < category->entries->len; i++)
    {
      const AwdResultEntry *e = &g_array_index (category->entries, AwdResultEntry, i);
      const AwdResultsNomination *n = &g_array_index (in->nominations, AwdResultsNomination, e->nomination);

      if (e->rank != 1)
        break;
      if (n->note != NULL && *n->note != '\0')
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
collect_problems (const AwdResultsInput *in,
                  const AwdResults      *res)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) below = awd_results_list_below_quorum (in, res);

  if (res->missing->len > 0)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < res->missing->len; i++)
        {
          const AwdMissingCell *cell = &g_array_index (res->missing, AwdMissingCell, i);
          const AwdResultsJuror *juror = &g_array_index (in->jurors, AwdResultsJuror, cell->juror);
          const AwdResultsNomination *n = &g_array_index (in->nominations, AwdResultsNomination, cell->nomination);
          guint key = (cell->juror << 20) ^ cell->nomination;

          if (!g_hash_table_add (seen, GUINT_TO_POINTER (key + 1)))
            continue;
          g_ptr_array_add (problems, g_strdup_printf (_("%s has not scored nomination %s on every criterion"),
                                                      juror->name, n->ref));
        }
    }

  for (guint i = 0; i < res->vote_without_counts->len; i++)
    g_ptr_array_add (problems, g_strdup_printf (_("The public vote of “%s” has no counts"),
                                                category_label (in, g_array_index (res->vote_without_counts, guint, i))));

  for (guint i = 0; i < res->direct_without_winner->len; i++)
    g_ptr_array_add (problems, g_strdup_printf (_("The direct award “%s” has no recorded winner"),
                                                category_label (in, g_array_index (res->direct_without_winner, guint, i))));

  for (guint i = 0; i < below->len; i++)
    {
      guint index = g_array_index (below, guint, i);
      const AwdResultsNomination *n = &g_array_index (in->nominations, AwdResultsNomination, index);
      const AwdResultEntry *e = awd_results_lookup (res, index);

      g_ptr_array_add (problems, g_strdup_printf (_("Nomination %s is counted by %u jurors, fewer than the quorum of %u"),
                                                  n->ref, e != NULL ? e->n_counting : 0, in->quorum));
    }

  for (guint i = 0; i < res->categories->len; i++)
    {
      const AwdResultCategory *c = &g_array_index (res->categories, AwdResultCategory, i);

      gboolean without_counts = FALSE;

      /* A vote without counts ties everyone at zero; that is reported above. */
      for (guint k = 0; k < res->vote_without_counts->len; k++)
        if ((int) g_array_index (res->vote_without_counts, guint, k) == c->category)
          without_counts = TRUE;

      if (!without_counts && c->entries->len > 1 &&
          g_array_index (c->entries, AwdResultEntry, 0).rank == 1 &&
          g_array_index (c->entries, AwdResultEntry, 1).rank == 1 &&
          !top_tie_decided (in, c))
        g_ptr_array_add (problems, g_strdup_printf (_("First place in “%s” is tied and needs the chair’s recorded decision"),
                                                    category_label (in, c->category)));
    }

  return problems;
}

GPtrArray *
awd_store_list_finalize_problems (AwdStore  *self,
                                  gint64     round_id,
                                  GError   **error)
{
  g_autoptr(AwdResultsSnapshot) s = awd_store_load_results (self, round_id, error);
  g_autoptr(AwdResults) res = NULL;

  if (s == NULL)
    return NULL;
  res = awd_results_compute (s->input, s->input->method, error);
  if (res == NULL)
    return NULL;
  return collect_problems (s->input, res);
}

/* Categories where nobody recorded a mark get their single first place as
 * laureate: what the results page proposes, made explicit at freezing. */
static void
propose_laureates (AwdResultsInput  *in,
                   const AwdResults *res)
{
  for (guint i = 0; i < res->categories->len; i++)
    {
      const AwdResultCategory *c = &g_array_index (res->categories, AwdResultCategory, i);
      gboolean any_mark = FALSE;
      guint first = G_MAXUINT;
      guint n_first = 0;

      for (guint k = 0; k < c->entries->len; k++)
        {
          const AwdResultEntry *e = &g_array_index (c->entries, AwdResultEntry, k);
          const AwdResultsNomination *n = &g_array_index (in->nominations, AwdResultsNomination, e->nomination);

          if (n->mark != AWD_AWARD_MARK_NONE)
            any_mark = TRUE;
          if (e->rank == 1)
            {
              first = e->nomination;
              n_first++;
            }
        }

      if (!any_mark && n_first == 1)
        {
          const AwdResultsNomination *n = &g_array_index (in->nominations, AwdResultsNomination, first);
          awd_results_input_set_award_mark (in, first, AWD_AWARD_MARK_LAUREATE, n->note);
        }
    }
}

static gboolean
store_result_rows (AwdStore            *self,
                   AwdResultsSnapshot  *s,
                   const AwdResults    *res,
                   GError             **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self,
                                          "INSERT INTO result (round_id, nomination_id, category_id, rank,"
                                          " score, mark, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                          error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < res->categories->len; i++)
    {
      const AwdResultCategory *c = &g_array_index (res->categories, AwdResultCategory, i);

      for (guint k = 0; k < c->entries->len; k++)
        {
          const AwdResultEntry *e = &g_array_index (c->entries, AwdResultEntry, k);
          const AwdResultsNomination *n = &g_array_index (s->input->nominations, AwdResultsNomination, e->nomination);

          if (e->rank == 0)
            continue;
          sqlite3_bind_int64 (stmt, 1, s->round_id);
          sqlite3_bind_int64 (stmt, 2, g_array_index (s->nomination_ids, gint64, e->nomination));
          awd_store_bind_id (stmt, 3, c->category >= 0 ? g_array_index (s->category_ids, gint64, c->category) : 0);
          sqlite3_bind_int (stmt, 4, e->rank);
          sqlite3_bind_double (stmt, 5, e->score);
          awd_store_bind_text (stmt, 6, awd_award_mark_to_string (n->mark));
          awd_store_bind_text (stmt, 7, n->note);
          if (!awd_store_step_done (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
awd_store_finalize_round (AwdStore  *self,
                          gint64     round_id,
                          GError   **error)
{
  g_autoptr(AwdResultsSnapshot) s = NULL;
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  g_autofree char *text = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;

  if (!awd_store_require_writable (self, round_id, error) ||
      (s = awd_store_load_results (self, round_id, error)) == NULL ||
      (res = awd_results_compute (s->input, s->input->method, error)) == NULL)
    goto fail;

  problems = collect_problems (s->input, res);
  if (problems->len > 0)
    {
      if (problems->len == 1)
        g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                     _("The round cannot be finalized: %s"),
                     (const char *) g_ptr_array_index (problems, 0));
      else
        g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                     _("The round cannot be finalized: %s (problems in all: %u)"),
                     (const char *) g_ptr_array_index (problems, 0), problems->len);
      goto fail;
    }

  propose_laureates (s->input, res);
  text = awd_canonical_results_text (s->input, res);
  checksum = awd_canonical_checksum (text);

  if (!store_result_rows (self, s, res, error))
    goto fail;

  stmt = awd_store_prepare (self,
                            "UPDATE round SET status = 'final', results_method = ?1, results_checksum = ?2,"
                            " finalized_at = ?3 WHERE id = ?4", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, awd_method_to_string (s->input->method), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, checksum, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, round_id);
  if (!awd_store_step_done (self, stmt, error))
    goto fail;

  after = g_strdup_printf ("status: final\nmethod: %s\nchecksum: sha256:%s",
                           awd_method_to_string (s->input->method), checksum);
  if (!awd_store_audit (self, round_id, "finalize", "round", round_id, NULL, after, error))
    goto fail;

  return awd_store_commit (self, error);

fail:
  awd_store_rollback (self);
  return FALSE;
}

gboolean
awd_store_reopen_round (AwdStore    *self,
                        gint64       round_id,
                        const char  *reason,
                        GError     **error)
{
  g_autoptr(AwdRound) round = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (awd_store_is_blank (reason))
    return awd_store_refuse (error, _("Say why the round is reopened; the reason is kept in the audit log"));

  if (!awd_store_begin (self, error))
    return FALSE;

  round = awd_store_get_round (self, round_id, error);
  if (round == NULL)
    goto fail;
  if (awd_round_get_status (round) != AWD_ROUND_STATUS_FINAL)
    {
      g_set_error_literal (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                           _("Only a final round can be reopened"));
      goto fail;
    }

  /* Leave the final status first: the triggers guard the frozen rows only
   * while the round is final. */
  stmt = awd_store_prepare (self,
                            "UPDATE round SET status = 'scoring', results_method = NULL,"
                            " results_checksum = NULL, finalized_at = NULL WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (!awd_store_step_done (self, stmt, error))
    goto fail;

  stmt = awd_store_prepare (self, "DELETE FROM result WHERE round_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (!awd_store_step_done (self, stmt, error))
    goto fail;

  before = g_strdup_printf ("status: final\nchecksum: sha256:%s", awd_round_get_results_checksum (round));
  after = g_strdup_printf ("status: scoring\nreason: %s", reason);
  if (!awd_store_audit (self, round_id, "reopen", "round", round_id, before, after, error))
    goto fail;

  return awd_store_commit (self, error);

fail:
  awd_store_rollback (self);
  return FALSE;
}

gboolean
awd_store_verify_final_round (AwdStore  *self,
                              gint64     round_id,
                              GError   **error)
{
  g_autoptr(AwdResultsSnapshot) s = awd_store_load_results (self, round_id, error);
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(AwdResults) res = NULL;
  g_autofree char *text = NULL;
  g_autofree char *checksum = NULL;
  AwdMethod method = AWD_METHOD_MEAN;

  if (s == NULL || (round = awd_store_get_round (self, round_id, error)) == NULL)
    return FALSE;
  if (awd_round_get_status (round) != AWD_ROUND_STATUS_FINAL)
    return TRUE;

  method = s->input->method;
  res = awd_results_compute (s->input, method, error);
  if (res == NULL)
    return FALSE;
  text = awd_canonical_results_text (s->input, res);
  checksum = awd_canonical_checksum (text);

  if (g_strcmp0 (checksum, awd_round_get_results_checksum (round)) != 0)
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT,
                   _("The frozen results of round %lld do not match its content (checksum %s, recomputed %s)"),
                   (long long) round_id, awd_round_get_results_checksum (round), checksum);
      return FALSE;
    }
  return TRUE;
}
