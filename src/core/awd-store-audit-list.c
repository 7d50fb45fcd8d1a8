/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-audit-list"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>

#include "awd-store-audit-list.h"
#include "awd-store-private.h"

/* The WHERE clause is built from fixed pieces only; every value is a bound
 * parameter. Statements differ by which filters are present, so each of
 * the few combinations is prepared once and cached by the store. Dates
 * compare as text: `at` is ISO 8601 in UTC ("2024-10-31T09:15:02.123Z"),
 * which sorts as time does; the upper bound is the next day's start. */

typedef struct {
  gint64  round_id;
  char   *action;
  char   *from;
  char   *until;   /* exclusive */
} Bounds;

static void
bounds_clear (Bounds *b)
{
  g_free (b->action);
  g_free (b->from);
  g_free (b->until);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bounds, bounds_clear)

static GDateTime *
parse_day (const char  *text,
           GError     **error)
{
  int y, m, d;
  char tail;
  GDateTime *day = NULL;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
      g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    day = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (day == NULL)
    g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                 _("“%s” is not a date of the form YYYY-MM-DD"), text);
  return day;
}

static gboolean
read_query (const AwdAuditQuery  *query,
            Bounds               *b,
            GError              **error)
{
  if (query == NULL)
    return TRUE;

  b->round_id = query->round_id;
  if (query->action != NULL && *query->action != '\0')
    b->action = g_strdup (query->action);
  if (query->from_date != NULL && *query->from_date != '\0')
    {
      g_autoptr(GDateTime) day = parse_day (query->from_date, error);
      if (day == NULL)
        return FALSE;
      b->from = g_date_time_format (day, "%Y-%m-%d");
    }
  if (query->to_date != NULL && *query->to_date != '\0')
    {
      g_autoptr(GDateTime) day = parse_day (query->to_date, error);
      g_autoptr(GDateTime) next = NULL;
      if (day == NULL)
        return FALSE;
      next = g_date_time_add_days (day, 1);
      b->until = g_date_time_format (next, "%Y-%m-%d");
    }
  return TRUE;
}

/* Appends the WHERE clause; parameters are numbered ?1…?4 by kind, so
 * binding does not depend on which are present. */
static void
append_where (GString      *sql,
              const Bounds *b)
{
  gboolean any = FALSE;

#define AND_WHERE(cond) G_STMT_START { \
    g_string_append (sql, any ? " AND " : " WHERE "); \
    g_string_append (sql, cond); \
    any = TRUE; \
  } G_STMT_END

  if (b->round_id > 0)
    AND_WHERE ("round_id = ?1");
  if (b->action != NULL)
    AND_WHERE ("action = ?2");
  if (b->from != NULL)
    AND_WHERE ("at >= ?3");
  if (b->until != NULL)
    AND_WHERE ("at < ?4");

#undef AND_WHERE
}

static void
bind_bounds (sqlite3_stmt *stmt,
             const Bounds *b)
{
  if (b->round_id > 0)
    sqlite3_bind_int64 (stmt, 1, b->round_id);
  if (b->action != NULL)
    sqlite3_bind_text (stmt, 2, b->action, -1, SQLITE_TRANSIENT);
  if (b->from != NULL)
    sqlite3_bind_text (stmt, 3, b->from, -1, SQLITE_TRANSIENT);
  if (b->until != NULL)
    sqlite3_bind_text (stmt, 4, b->until, -1, SQLITE_TRANSIENT);
}

static AwdAuditEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  return awd_audit_entry_new (sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              sqlite3_column_int64 (stmt, 3),
                              (const char *) sqlite3_column_text (stmt, 4),
                              (const char *) sqlite3_column_text (stmt, 5),
                              sqlite3_column_int64 (stmt, 6),
                              (const char *) sqlite3_column_text (stmt, 7),
                              (const char *) sqlite3_column_text (stmt, 8));
}

GListModel *
awd_store_list_audit (AwdStore             *self,
                      const AwdAuditQuery  *query,
                      guint                 offset,
                      guint                 limit,
                      GError              **error)
{
  g_auto(Bounds) b = { 0 };
  g_autoptr(GString) sql = NULL;
  GListModel *entries;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  if (!read_query (query, &b, error))
    return NULL;

  sql = g_string_new ("SELECT id, at, operator, round_id, action, entity, entity_id, before, after"
                      " FROM audit");
  append_where (sql, &b);
  g_string_append (sql, " ORDER BY id DESC LIMIT ?5 OFFSET ?6");

  stmt = awd_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_bounds (stmt, &b);
  sqlite3_bind_int64 (stmt, 5, limit > 0 ? (sqlite3_int64) limit : -1);
  sqlite3_bind_int64 (stmt, 6, offset);

  entries = awd_store_list_objects (self, stmt, AWD_TYPE_AUDIT_ENTRY,
                                    (AwdStoreObjectFunc) entry_from_row, error);
  sqlite3_clear_bindings (stmt);
  return entries;
}

gint64
awd_store_count_audit_matching (AwdStore             *self,
                                const AwdAuditQuery  *query,
                                GError              **error)
{
  g_auto(Bounds) b = { 0 };
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), -1);

  if (!read_query (query, &b, error))
    return -1;

  sql = g_string_new ("SELECT count(*) FROM audit");
  append_where (sql, &b);
  stmt = awd_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return -1;
  bind_bounds (stmt, &b);
  rc = sqlite3_step (stmt);
  count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    awd_store_set_error (self, rc, error);
  return count;
}

static void
add_action (sqlite3_stmt *stmt,
            gpointer      builder)
{
  g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
}

GStrv
awd_store_list_audit_actions (AwdStore  *self,
                              GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  stmt = awd_store_prepare (self, "SELECT DISTINCT action FROM audit ORDER BY action", error);
  if (stmt == NULL)
    return NULL;
  if (!awd_store_foreach_row (self, stmt, add_action, builder, error))
    return NULL;
  return g_strv_builder_end (builder);
}

gboolean
awd_store_verify_audit (AwdStore   *self,
                        char      **out_problem,
                        gint64     *out_rows,
                        GError    **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_problem != NULL, FALSE);

  *out_problem = NULL;
  if (!awd_store_verify_audit_chain (self, problems, error))
    return FALSE;
  if (out_rows != NULL && (*out_rows = awd_store_count_audit (self, error)) < 0)
    return FALSE;
  if (problems->len > 0)
    *out_problem = g_strdup (g_ptr_array_index (problems, 0));
  return TRUE;
}
