/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-scoring"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "awd-store-private.h"
#include "awd-store-scoring.h"

/* The jury's scores on a round (awd-store-scoring.h): the scale check, one
 * score at a time and the import's batches, and the scores read back in
 * the export's order. Each user action is one transaction with one audit
 * row; the bulk_* variants run the same checks without an audit row for
 * an import, which writes one row for everything it adds. */

#define SCORE_EPSILON 1e-9

/* The shortest text that reads back as the same double, with a dot and
 * no exponent: 10, 0.5, 7.25. */
static char *
format_number (double value)
{
  char buffer[400];

  if (!isfinite (value) || fabs (value) >= 1e16 || value == nearbyint (value))
    {
      g_ascii_formatd (buffer, sizeof buffer, "%.0f", value);
      return g_strdup (buffer);
    }
  for (int decimals = 1; decimals <= 20; decimals++)
    {
      char format[16];

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

gboolean
awd_score_value_check (double    scale_min,
                       double    scale_max,
                       double    scale_step,
                       double    value,
                       GError  **error)
{
  double steps;

  if (!isfinite (value) || value < scale_min - SCORE_EPSILON || value > scale_max + SCORE_EPSILON)
    {
      g_autofree char *v = format_number (value);
      g_autofree char *lo = format_number (scale_min);
      g_autofree char *hi = format_number (scale_max);

      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The score %s is outside the scale from %s to %s"), v, lo, hi);
      return FALSE;
    }

  steps = (value - scale_min) / scale_step;
  if (fabs (steps - nearbyint (steps)) > 1e-6)
    {
      g_autofree char *v = format_number (value);
      g_autofree char *lo = format_number (scale_min);
      g_autofree char *st = format_number (scale_step);

      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The score %s is not on the scale: scores go from %s in steps of %s"),
                   v, lo, st);
      return FALSE;
    }

  return TRUE;
}

/* The round of a juror × nomination (× criterion) cell; refuses a cell whose
 * parts belong to different rounds or do not exist. */
gint64
awd_store_round_of_cell (AwdStore  *self,
                         gint64     juror_id,
                         gint64     nomination_id,
                         gint64     criterion_id,
                         GError   **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self,
                                          "SELECT (SELECT round_id FROM juror WHERE id = ?1),"
                                          " (SELECT round_id FROM nomination WHERE id = ?2),"
                                          " (SELECT round_id FROM criterion WHERE id = ?3)", error);
  gint64 j, n, c;
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, juror_id);
  sqlite3_bind_int64 (stmt, 2, nomination_id);
  sqlite3_bind_int64 (stmt, 3, criterion_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      awd_store_set_error (self, rc, error);
      return 0;
    }
  j = sqlite3_column_int64 (stmt, 0);
  n = sqlite3_column_int64 (stmt, 1);
  c = sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);

  if (j == 0)
    return awd_store_refuse (error, _("The juror no longer exists")), 0;
  if (n == 0)
    return awd_store_refuse (error, _("The nomination no longer exists")), 0;
  if (criterion_id > 0 && c == 0)
    return awd_store_refuse (error, _("The criterion no longer exists")), 0;
  if (n != j || (criterion_id > 0 && c != j))
    return awd_store_refuse (error, _("The juror, the nomination and the criterion belong to different rounds")), 0;
  return j;
}

static gboolean
has_conflict (AwdStore  *self,
              gint64     juror_id,
              gint64     nomination_id,
              gboolean  *out_conflict,
              GError   **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self, "SELECT 1 FROM conflict WHERE juror_id = ?1"
                                          " AND nomination_id = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, juror_id);
  sqlite3_bind_int64 (stmt, 2, nomination_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return awd_store_set_error (self, rc, error);
  *out_conflict = rc == SQLITE_ROW;
  return TRUE;
}

char *
awd_store_describe_cell (gint64      juror_id,
                         gint64      nomination_id,
                         gint64      criterion_id,
                         const char *extra)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "juror: %" G_GINT64_FORMAT "\nnomination: %" G_GINT64_FORMAT,
                          juror_id, nomination_id);
  if (criterion_id > 0)
    g_string_append_printf (text, "\ncriterion: %" G_GINT64_FORMAT, criterion_id);
  if (extra != NULL)
    g_string_append_printf (text, "\n%s", extra);
  return g_string_free (text, FALSE);
}

/* Scores --------------------------------------------------------------- */

static gboolean
insert_score_row (AwdStore  *self,
                  gint64     round_id,
                  gint64     juror_id,
                  gint64     nomination_id,
                  gint64     criterion_id,
                  double     value,
                  gboolean   replace,
                  GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = awd_store_prepare (self, replace
                            ? "INSERT INTO score (round_id, juror_id, nomination_id, criterion_id, value)"
                              " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (juror_id, nomination_id, criterion_id)"
                              " DO UPDATE SET value = excluded.value"
                            : "INSERT INTO score (round_id, juror_id, nomination_id, criterion_id, value)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, juror_id);
  sqlite3_bind_int64 (stmt, 3, nomination_id);
  sqlite3_bind_int64 (stmt, 4, criterion_id);
  sqlite3_bind_double (stmt, 5, value);
  if (!awd_store_step_done (self, stmt, error))
    {
      if (error != NULL && *error != NULL && strstr ((*error)->message, "UNIQUE") != NULL)
        {
          g_clear_error (error);
          awd_store_refuse (error, _("The juror already has a score for this nomination and criterion"));
        }
      return FALSE;
    }
  return TRUE;
}

gboolean
awd_store_bulk_insert_score (AwdStore  *self,
                             AwdRound  *round,
                             gint64     juror_id,
                             gint64     nomination_id,
                             gint64     criterion_id,
                             double     value,
                             GError   **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (AWD_IS_ROUND (round), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  return awd_score_value_check (awd_round_get_scale_min (round), awd_round_get_scale_max (round),
                                awd_round_get_scale_step (round), value, error) &&
         insert_score_row (self, awd_round_get_id (round), juror_id, nomination_id,
                           criterion_id, value, FALSE, error);
}

/* Rows per INSERT of awd_store_bulk_insert_scores. The per-row trigger
 * that guards final rounds makes every INSERT open a statement journal,
 * which copies each page the statement touches: once per row, that was
 * most of an import's time; once per 256 rows it is noise. */
#define SCORE_ROWS_PER_INSERT 256

static const char *
get_multi_row_insert (void)
{
  static gsize initialized = 0;
  static char *sql = NULL;

  if (g_once_init_enter (&initialized))
    {
      GString *text = g_string_new ("INSERT INTO score (round_id, juror_id, nomination_id, criterion_id, value)"
                                    " VALUES (?1, ?, ?, ?, ?)");

      for (guint i = 1; i < SCORE_ROWS_PER_INSERT; i++)
        g_string_append (text, ", (?1, ?, ?, ?, ?)");
      sql = g_string_free (text, FALSE);
      g_once_init_leave (&initialized, 1);
    }
  return sql;
}

gboolean
awd_store_bulk_insert_scores (AwdStore            *self,
                              AwdRound            *round,
                              const AwdScoreCell  *cells,
                              guint                n_cells,
                              guint               *out_failed,
                              GError             **error)
{
  double min, max, step;
  gint64 round_id;
  guint failed = 0;
  guint i = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (AWD_IS_ROUND (round), FALSE);
  g_return_val_if_fail (cells != NULL || n_cells == 0, FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  min = awd_round_get_scale_min (round);
  max = awd_round_get_scale_max (round);
  step = awd_round_get_scale_step (round);
  round_id = awd_round_get_id (round);

  for (guint k = 0; ok && k < n_cells; k++)
    if (!awd_score_value_check (min, max, step, cells[k].value, error))
      ok = FALSE, failed = k;

  while (ok && n_cells - i >= SCORE_ROWS_PER_INSERT)
    {
      sqlite3_stmt *stmt = awd_store_prepare (self, get_multi_row_insert (), error);
      int rc;

      if (stmt == NULL)
        {
          ok = FALSE, failed = i;
          break;
        }
      sqlite3_bind_int64 (stmt, 1, round_id);
      for (guint r = 0; r < SCORE_ROWS_PER_INSERT; r++)
        {
          const AwdScoreCell *cell = &cells[i + r];
          int first = 2 + 4 * (int) r;

          sqlite3_bind_int64 (stmt, first, cell->juror_id);
          sqlite3_bind_int64 (stmt, first + 1, cell->nomination_id);
          sqlite3_bind_int64 (stmt, first + 2, cell->criterion_id);
          sqlite3_bind_double (stmt, first + 3, cell->value);
        }
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          /* A refused row undoes the whole statement (the journal above):
           * row by row, the same rows find which one, with its own error. */
          awd_store_set_error (self, rc, error);
          sqlite3_reset (stmt);
          ok = FALSE, failed = i;
          if ((rc & 0xff) == SQLITE_CONSTRAINT)
            for (guint r = 0; r < SCORE_ROWS_PER_INSERT; r++)
              {
                const AwdScoreCell *cell = &cells[i + r];
                g_autoptr(GError) row_error = NULL;

                if (!insert_score_row (self, round_id, cell->juror_id, cell->nomination_id,
                                       cell->criterion_id, cell->value, FALSE, &row_error))
                  {
                    if (error != NULL)
                      g_clear_error (error);
                    g_propagate_error (error, g_steal_pointer (&row_error));
                    failed = i + r;
                    break;
                  }
              }
          break;
        }
      sqlite3_reset (stmt);
      i += SCORE_ROWS_PER_INSERT;
    }

  for (; ok && i < n_cells; i++)
    if (!insert_score_row (self, round_id, cells[i].juror_id, cells[i].nomination_id,
                           cells[i].criterion_id, cells[i].value, FALSE, error))
      ok = FALSE, failed = i;

  if (!ok && out_failed != NULL)
    *out_failed = failed;
  return ok;
}

gboolean
awd_store_get_score (AwdStore  *self,
                     gint64     juror_id,
                     gint64     nomination_id,
                     gint64     criterion_id,
                     double    *out_value,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  stmt = awd_store_prepare (self, "SELECT value FROM score WHERE juror_id = ?1 AND nomination_id = ?2"
                            " AND criterion_id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, juror_id);
  sqlite3_bind_int64 (stmt, 2, nomination_id);
  sqlite3_bind_int64 (stmt, 3, criterion_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && out_value != NULL)
    *out_value = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return awd_store_set_error (self, rc, error);
  return rc == SQLITE_ROW;
}

gboolean
awd_store_set_score (AwdStore  *self,
                     gint64     juror_id,
                     gint64     nomination_id,
                     gint64     criterion_id,
                     double     value,
                     GError   **error)
{
  g_autoptr(AwdRound) round = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *value_text = NULL;
  gint64 round_id;
  gboolean conflict = FALSE;
  gboolean ok;
  double old_value = 0;
  gboolean had;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;

  round_id = awd_store_round_of_cell (self, juror_id, nomination_id, criterion_id, error);
  ok = round_id > 0 && awd_store_require_writable (self, round_id, error) &&
       (round = awd_store_get_round (self, round_id, error)) != NULL &&
       awd_score_value_check (awd_round_get_scale_min (round), awd_round_get_scale_max (round),
                              awd_round_get_scale_step (round), value, error) &&
       has_conflict (self, juror_id, nomination_id, &conflict, error);
  if (ok && conflict)
    ok = awd_store_refuse (error, _("The juror has a conflict of interest with this nomination and cannot score it"));
  if (ok)
    {
      g_autoptr(GError) local_error = NULL;

      had = awd_store_get_score (self, juror_id, nomination_id, criterion_id, &old_value, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
      else if (had)
        {
          g_autofree char *old_text = format_number (old_value);
          g_autofree char *extra = g_strdup_printf ("value: %s", old_text);
          before = awd_store_describe_cell (juror_id, nomination_id, criterion_id, extra);
        }
    }
  if (ok)
    ok = insert_score_row (self, round_id, juror_id, nomination_id, criterion_id, value, TRUE, error);
  if (ok)
    {
      g_autofree char *extra = NULL;

      value_text = format_number (value);
      extra = g_strdup_printf ("value: %s", value_text);
      after = awd_store_describe_cell (juror_id, nomination_id, criterion_id, extra);
    }
  return awd_store_finish_change (self, ok, round_id, "update", "score", nomination_id, before, after, error);
}

gboolean
awd_store_clear_score (AwdStore  *self,
                       gint64     juror_id,
                       gint64     nomination_id,
                       gint64     criterion_id,
                       GError   **error)
{
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 round_id;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;
  round_id = awd_store_round_of_cell (self, juror_id, nomination_id, criterion_id, error);
  ok = round_id > 0 && awd_store_require_writable (self, round_id, error) &&
       (stmt = awd_store_prepare (self, "DELETE FROM score WHERE juror_id = ?1 AND nomination_id = ?2"
                                  " AND criterion_id = ?3", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, juror_id);
      sqlite3_bind_int64 (stmt, 2, nomination_id);
      sqlite3_bind_int64 (stmt, 3, criterion_id);
      ok = awd_store_step_done (self, stmt, error);
      before = awd_store_describe_cell (juror_id, nomination_id, criterion_id, NULL);
    }
  return awd_store_finish_change (self, ok, round_id, "delete", "score", nomination_id, before, NULL, error);
}

/* The ranks of a round's jurors, nominations or criteria in the export's
 * order, by id. The ids of one round are usually a dense run, so a table
 * indexed by (id - min) answers without hashing; a sparse set falls back to
 * a hash table. */
typedef struct {
  GArray     *ids;      /* gint64, in order */
  gint64      min;
  gint64      span;
  guint32    *dense;    /* rank + 1 at [id - min], 0 for none */
  GHashTable *sparse;   /* gint64 id → rank + 1 */
} RankMap;

static gboolean
load_rank_map (AwdStore    *self,
               const char  *sql,
               gint64       round_id,
               RankMap     *map,
               GError     **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self, sql, error);
  gint64 max = G_MININT64;
  int rc;

  map->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  map->min = G_MAXINT64;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (map->ids, id);
      map->min = MIN (map->min, id);
      max = MAX (max, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return awd_store_set_error (self, rc, error);
  if (map->ids->len == 0)
    return TRUE;

  map->span = max - map->min + 1;
  if (map->span <= (gint64) map->ids->len * 4 + 64)
    {
      map->dense = g_new0 (guint32, map->span);
      for (guint i = 0; i < map->ids->len; i++)
        map->dense[g_array_index (map->ids, gint64, i) - map->min] = i + 1;
    }
  else
    {
      map->sparse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < map->ids->len; i++)
        g_hash_table_insert (map->sparse, g_memdup2 (&g_array_index (map->ids, gint64, i), sizeof (gint64)),
                             GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

/* The rank of @id + 1, or 0 when @id is not in the map. */
static inline guint32
rank_of (const RankMap *map,
         gint64         id)
{
  if (map->dense != NULL)
    return id >= map->min && id - map->min < map->span ? map->dense[id - map->min] : 0;
  if (map->sparse != NULL)
    return GPOINTER_TO_UINT (g_hash_table_lookup (map->sparse, &id));
  return 0;
}

static void
clear_rank_map (RankMap *map)
{
  g_clear_pointer (&map->ids, g_array_unref);
  g_clear_pointer (&map->dense, g_free);
  g_clear_pointer (&map->sparse, g_hash_table_unref);
}

typedef struct {
  guint32 nomination;   /* ranks + 1 */
  guint32 criterion;
  gint64  nomination_id;
  gint64  criterion_id;
  double  value;
} OrderedScore;

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const OrderedScore *x = a, *y = b;

  if (x->nomination != y->nomination)
    return x->nomination < y->nomination ? -1 : 1;
  if (x->criterion != y->criterion)
    return x->criterion < y->criterion ? -1 : 1;
  return 0;
}

/* One ORDER BY over the round's scores joined with jurors, nominations and
 * criteria made SQLite sort every score of the round in a temporary
 * B-tree (a third of an export's time at a million scores). Instead the
 * three small lists give the order, each juror's scores come straight off
 * the primary key (juror_id, nomination_id, criterion_id) and are put in
 * order here; with ids given in ref order, as an import gives them, they
 * already are. Memory: one juror's scores at a time. */
gboolean
awd_store_foreach_score (AwdStore      *self,
                         gint64         round_id,
                         AwdScoreFunc   func,
                         gpointer       user_data,
                         GError       **error)
{
  RankMap jurors = { 0 }, nominations = { 0 }, criteria = { 0 };
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (OrderedScore));
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  ok = load_rank_map (self, "SELECT id FROM juror WHERE round_id = ?1 ORDER BY position, id",
                      round_id, &jurors, error) &&
       load_rank_map (self, "SELECT id FROM nomination WHERE round_id = ?1 ORDER BY ref, id",
                      round_id, &nominations, error) &&
       load_rank_map (self, "SELECT id FROM criterion WHERE round_id = ?1 ORDER BY position, id",
                      round_id, &criteria, error);

  for (guint j = 0; ok && j < jurors.ids->len; j++)
    {
      gint64 juror_id = g_array_index (jurors.ids, gint64, j);
      sqlite3_stmt *stmt = awd_store_prepare (self, "SELECT nomination_id, criterion_id, value"
                                              " FROM score WHERE juror_id = ?1", error);
      gboolean sorted = TRUE;
      int rc;

      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      g_array_set_size (cells, 0);
      sqlite3_bind_int64 (stmt, 1, juror_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          OrderedScore cell;

          cell.nomination_id = sqlite3_column_int64 (stmt, 0);
          cell.criterion_id = sqlite3_column_int64 (stmt, 1);
          cell.value = sqlite3_column_double (stmt, 2);
          cell.nomination = rank_of (&nominations, cell.nomination_id);
          cell.criterion = rank_of (&criteria, cell.criterion_id);
          /* The composite keys keep a score in its juror's round; the
           * old inner join skipped anything else, and so does this. */
          if (cell.nomination == 0 || cell.criterion == 0)
            continue;
          if (sorted && cells->len > 0 &&
              compare_cells (&g_array_index (cells, OrderedScore, cells->len - 1), &cell) > 0)
            sorted = FALSE;
          g_array_append_val (cells, cell);
        }
      /* Reset before the callbacks, which may run queries of their own. */
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          ok = awd_store_set_error (self, rc, error);
          break;
        }
      if (!sorted)
        g_array_sort (cells, compare_cells);
      for (guint i = 0; ok && i < cells->len; i++)
        {
          const OrderedScore *cell = &g_array_index (cells, OrderedScore, i);
          ok = func (juror_id, cell->nomination_id, cell->criterion_id, cell->value, user_data, error);
        }
    }

  clear_rank_map (&jurors);
  clear_rank_map (&nominations);
  clear_rank_map (&criteria);
  return ok;
}

gint64
awd_store_count_scores (AwdStore  *self,
                        gint64     round_id,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), -1);

  stmt = awd_store_prepare (self, "SELECT count(*) FROM juror j JOIN score s ON s.juror_id = j.id"
                            " WHERE j.round_id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, round_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    awd_store_set_error (self, rc, error);
  return n;
}

