/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-nomination-rows"

#include "config.h"

#include <glib/gi18n.h>

#include <stdlib.h>
#include <string.h>

#include "awd-store-private.h"
#include "awd-store-nomination-rows.h"

/* The light listings behind the nominations page. Measured at 100,000
 * nominations (tests/bench-nominations.c): building every full
 * AwdNomination costs 200–380 ms, these rows a fraction of it, and a search
 * that returns ids instead of objects stays within a keystroke. */

#define ROW_SELECT \
  "SELECT n.id, n.category_id, n.ref, n.title, n.institution, n.city, n.region," \
  " c.name, n.status, n.received" \
  " FROM nomination n LEFT JOIN category c ON c.id = n.category_id"

static AwdNominationRow *
row_from_statement (AwdRowArena  *arena,
                    sqlite3_stmt *stmt)
{
  AwdNominationStatus status = AWD_NOMINATION_STATUS_RECEIVED;

  awd_nomination_status_from_string ((const char *) sqlite3_column_text (stmt, 8), &status);
  return awd_nomination_row_new (arena,
                                 sqlite3_column_int64 (stmt, 0),
                                 sqlite3_column_int64 (stmt, 1),
                                 (const char *) sqlite3_column_text (stmt, 2),
                                 (const char *) sqlite3_column_text (stmt, 3),
                                 (const char *) sqlite3_column_text (stmt, 4),
                                 (const char *) sqlite3_column_text (stmt, 5),
                                 (const char *) sqlite3_column_text (stmt, 6),
                                 (const char *) sqlite3_column_text (stmt, 7),
                                 (int) status,
                                 (const char *) sqlite3_column_text (stmt, 9));
}

typedef struct
{
  AwdRowArena *arena;
  GPtrArray   *rows;
} Collect;

static void
add_row (sqlite3_stmt *stmt,
         gpointer      user_data)
{
  Collect *collect = user_data;

  g_ptr_array_add (collect->rows, row_from_statement (collect->arena, stmt));
}

static GListModel *
list_rows (AwdStore    *self,
           const char  *sql,
           gint64       round_id,
           gint64       limit,
           gint64       offset,
           GError     **error)
{
  g_autoptr(AwdRowArena) arena = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  Collect collect;

  stmt = awd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  arena = awd_row_arena_new ();
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (limit >= 0)
    {
      sqlite3_bind_int64 (stmt, 2, limit);
      sqlite3_bind_int64 (stmt, 3, offset);
    }
  collect = (Collect) { arena, rows };
  if (!awd_store_foreach_row (self, stmt, add_row, &collect, error))
    return NULL;

  /* One splice, one items-changed. */
  list = g_list_store_new (AWD_TYPE_NOMINATION_ROW);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

GListModel *
awd_store_list_nomination_rows (AwdStore  *self,
                                gint64     round_id,
                                GError   **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  return list_rows (self, ROW_SELECT " WHERE n.round_id = ?1 ORDER BY n.ref, n.id",
                    round_id, -1, 0, error);
}

GListModel *
awd_store_list_nomination_page (AwdStore  *self,
                                gint64     round_id,
                                guint      offset,
                                guint      limit,
                                GError   **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  return list_rows (self, ROW_SELECT " WHERE n.round_id = ?1 ORDER BY n.ref, n.id LIMIT ?2 OFFSET ?3",
                    round_id, limit, offset, error);
}

AwdNominationRow *
awd_store_get_nomination_row (AwdStore  *self,
                              gint64     nomination_id,
                              GError   **error)
{
  g_autoptr(AwdRowArena) arena = NULL;
  AwdNominationRow *row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  stmt = awd_store_prepare (self, ROW_SELECT " WHERE n.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      arena = awd_row_arena_new ();
      row = row_from_statement (arena, stmt);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NOT_FOUND,
                         _("The nomination no longer exists"));
  else if (rc != SQLITE_ROW)
    awd_store_set_error (self, rc, error);
  return row;
}

static void
add_id (sqlite3_stmt *stmt,
        gpointer      ids)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_array_append_val ((GArray *) ids, id);
}

GArray *
awd_store_search_nomination_ids (AwdStore    *self,
                                 gint64       round_id,
                                 const char  *query,
                                 GError     **error)
{
  g_autofree char *match = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  match = awd_fold_match_query (query);
  if (match == NULL)
    return NULL;

  /* CROSS JOIN keeps the index as the outer loop (SQLite never reorders
   * it): the matches come in rowid order and the round is checked by
   * primary key. With a plain JOIN the planner walked the round's rows and
   * ran the MATCH once per row: seconds at 100,000. */
  stmt = awd_store_prepare (self,
                            "SELECT f.rowid FROM nomination_fts f"
                            " CROSS JOIN nomination n ON n.id = f.rowid"
                            " WHERE nomination_fts MATCH ?2 AND n.round_id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, match, -1, SQLITE_TRANSIENT);
  if (!awd_store_foreach_row (self, stmt, add_id, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

char *
awd_store_propose_nomination_ref (AwdStore  *self,
                                  gint64     round_id,
                                  int        year,
                                  GError   **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *pattern = NULL;
  guint64 highest = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  prefix = g_strdup_printf ("%d-", year);
  pattern = g_strdup_printf ("%s[0-9]*", prefix);
  stmt = awd_store_prepare (self, "SELECT ref FROM nomination WHERE round_id = ?1 AND ref GLOB ?2",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *digits = (const char *) sqlite3_column_text (stmt, 0) + strlen (prefix);
      guint64 number;

      /* Only "<year>-<digits>": 2024-007b is someone's own scheme. */
      if (strlen (digits) <= 9 && digits[strspn (digits, "0123456789")] == '\0' &&
          g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT32, &number, NULL))
        highest = MAX (highest, number);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      awd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strdup_printf ("%s%03" G_GUINT64_FORMAT, prefix, highest + 1);
}

static gboolean
same_folded (const char *a,
             const char *b)
{
  g_autofree char *fa = awd_fold (a != NULL ? a : "");
  g_autofree char *fb = awd_fold (b != NULL ? b : "");

  return strcmp (g_strstrip (fa), g_strstrip (fb)) == 0;
}

gint64
awd_store_find_nomination_duplicate (AwdStore    *self,
                                     gint64       round_id,
                                     gint64       except_id,
                                     const char  *title,
                                     const char  *institution,
                                     GError     **error)
{
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), 0);

  match = awd_fold_match_query (title);
  if (match == NULL)
    return 0;

  /* The index narrows the round to the nominations whose text holds the
   * title's words; the folded comparison decides among those few. */
  stmt = awd_store_prepare (self,
                            "SELECT n.id, n.title, n.institution FROM nomination n"
                            " WHERE n.round_id = ?1 AND n.id <> ?3 AND n.id IN"
                            " (SELECT rowid FROM nomination_fts WHERE nomination_fts MATCH ?2)",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, except_id);
  while (found == 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (same_folded ((const char *) sqlite3_column_text (stmt, 1), title) &&
          same_folded ((const char *) sqlite3_column_text (stmt, 2), institution))
        found = sqlite3_column_int64 (stmt, 0);
    }
  if (found != 0)
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      awd_store_set_error (self, rc, error);
      return -1;
    }
  return found;
}
