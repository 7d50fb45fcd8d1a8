/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-setup"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "awd-store-private.h"
#include "awd-store-import.h"

/* A round's set-up: categories, criteria and the jury panel. Each change is
 * one transaction with its audit row; a final round refuses all of them. */

static int
next_position (AwdStore    *self,
               const char  *table,
               gint64       round_id,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(position), 0) + 1 FROM %s WHERE round_id = ?1",
                                          table);
  sqlite3_stmt *stmt = awd_store_prepare (self, sql, error);
  int position = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  else
    awd_store_set_error (self, sqlite3_errcode (self->db), error);
  sqlite3_reset (stmt);
  return position;
}

static gboolean
delete_row (AwdStore    *self,
            const char  *table,
            gint64       id,
            GObject     *before,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  g_autofree char *before_text = NULL;
  sqlite3_stmt *stmt;
  gint64 round_id;
  gboolean ok;

  if (!awd_store_begin (self, error))
    return FALSE;

  round_id = awd_store_round_of (self, table, id, error);
  ok = round_id > 0 && awd_store_require_writable (self, round_id, error);
  if (ok)
    {
      stmt = awd_store_prepare (self, sql, error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = awd_store_step_done (self, stmt, error);
        }
    }
  if (before != NULL)
    before_text = awd_store_describe_object (before, NULL);

  return awd_store_finish_change (self, ok, round_id, "delete", table, id, before_text, NULL, error);
}

/* Categories ------------------------------------------------------------ */

static AwdCategory *
category_from_row (sqlite3_stmt *stmt)
{
  AwdCategory *category = awd_category_new ();
  AwdCategoryKind kind = AWD_CATEGORY_KIND_JURY;

  awd_category_set_id (category, sqlite3_column_int64 (stmt, 0));
  awd_category_set_round_id (category, sqlite3_column_int64 (stmt, 1));
  awd_category_set_position (category, sqlite3_column_int (stmt, 2));
  awd_category_set_name (category, (const char *) sqlite3_column_text (stmt, 3));
  awd_category_kind_from_string ((const char *) sqlite3_column_text (stmt, 4), &kind);
  awd_category_set_kind (category, kind);
  awd_category_set_winner_id (category, sqlite3_column_int64 (stmt, 5));
  return category;
}

static AwdCategory *
get_category (AwdStore  *self,
              gint64     id,
              GError   **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self,
                                          "SELECT id, round_id, position, name, kind, winner_id"
                                          " FROM category WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return awd_store_get_object (self, stmt, (AwdStoreObjectFunc) category_from_row,
                               _("The category no longer exists"), error);
}

GListModel *
awd_store_list_categories (AwdStore  *self,
                           gint64     round_id,
                           GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  stmt = awd_store_prepare (self,
                            "SELECT id, round_id, position, name, kind, winner_id FROM category"
                            " WHERE round_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  return awd_store_list_objects (self, stmt, AWD_TYPE_CATEGORY,
                                 (AwdStoreObjectFunc) category_from_row, error);
}

static gboolean
validate_category (AwdCategory  *category,
                   GError      **error)
{
  if (awd_store_is_blank (awd_category_get_name (category)))
    return awd_store_refuse (error, _("The category needs a name"));
  if ((guint) awd_category_get_kind (category) > AWD_CATEGORY_KIND_DIRECT)
    return awd_store_refuse (error, _("The category's kind is not known"));
  if (awd_category_get_winner_id (category) > 0 &&
      awd_category_get_kind (category) != AWD_CATEGORY_KIND_DIRECT)
    return awd_store_refuse (error, _("Only a direct-award category has a recorded winner"));
  return TRUE;
}

/* The row of a new category at @position; its id is set on success. */
static gboolean
insert_category_row (AwdStore     *self,
                     AwdCategory  *category,
                     int           position,
                     GError      **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self,
                                          "INSERT INTO category (round_id, position, name, kind)"
                                          " VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, awd_category_get_round_id (category));
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, awd_category_get_name (category), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, awd_category_kind_to_string (awd_category_get_kind (category)), -1, SQLITE_STATIC);
  if (!awd_store_step_done (self, stmt, error))
    return FALSE;
  awd_category_set_id (category, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
awd_store_insert_category (AwdStore     *self,
                           AwdCategory  *category,
                           GError      **error)
{
  g_autofree char *after = NULL;
  gint64 round_id = awd_category_get_round_id (category);
  gboolean ok;
  int position;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!validate_category (category, error) || !awd_store_begin (self, error))
    return FALSE;

  ok = awd_store_require_writable (self, round_id, error) &&
       (position = next_position (self, "category", round_id, error)) > 0;
  if (ok && !(ok = insert_category_row (self, category, position, error)))
    awd_store_explain_unique (error, _("The round already has a category with this name"));
  if (ok)
    {
      awd_category_set_position (category, position);
      after = awd_store_describe_object (G_OBJECT (category), NULL);
    }

  return awd_store_finish_change (self, ok, round_id, "insert", "category",
                                  awd_category_get_id (category), NULL, after, error);
}

gboolean
awd_store_bulk_insert_category (AwdStore     *self,
                                AwdCategory  *category,
                                GError      **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (!validate_category (category, error))
    return FALSE;
  if (!insert_category_row (self, category, awd_category_get_position (category), error))
    {
      g_autofree char *message = g_strdup_printf (_("The round already has a category named “%s”"),
                                                  awd_category_get_name (category));
      return awd_store_explain_unique (error, message);
    }
  return TRUE;
}

gboolean
awd_store_save_category (AwdStore     *self,
                         AwdCategory  *category,
                         GError      **error)
{
  g_autoptr(AwdCategory) before = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  gint64 id = awd_category_get_id (category);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!validate_category (category, error) || !awd_store_begin (self, error))
    return FALSE;

  before = get_category (self, id, error);
  ok = before != NULL &&
       awd_store_require_writable (self, awd_category_get_round_id (before), error) &&
       (stmt = awd_store_prepare (self,
                                  "UPDATE category SET name = ?1, kind = ?2, winner_id = ?3"
                                  " WHERE id = ?4", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, awd_category_get_name (category), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, awd_category_kind_to_string (awd_category_get_kind (category)), -1, SQLITE_STATIC);
      awd_store_bind_id (stmt, 3, awd_category_get_winner_id (category));
      sqlite3_bind_int64 (stmt, 4, id);
      ok = awd_store_step_done (self, stmt, error);
      if (!ok)
        awd_store_explain_unique (error, _("The round already has a category with this name"));
    }
  if (ok)
    {
      before_text = awd_store_describe_object (G_OBJECT (before), G_OBJECT (category));
      after_text = awd_store_describe_object (G_OBJECT (category), G_OBJECT (before));
    }

  return awd_store_finish_change (self, ok, before != NULL ? awd_category_get_round_id (before) : 0,
                                  "update", "category", id, before_text, after_text, error);
}

gboolean
awd_store_delete_category (AwdStore  *self,
                           gint64     category_id,
                           GError   **error)
{
  g_autoptr(AwdCategory) before = get_category (self, category_id, error);

  if (before == NULL)
    return FALSE;

  if (!delete_row (self, "category", category_id, G_OBJECT (before), error))
    {
      /* The nomination → category foreign key refuses to orphan entries. */
      if (error != NULL && *error != NULL && strstr ((*error)->message, "FOREIGN KEY") != NULL)
        {
          g_clear_error (error);
          g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                       _("The category “%s” still has nominations; move or delete them first"),
                       awd_category_get_name (before));
        }
      return FALSE;
    }
  return TRUE;
}

/* Criteria -------------------------------------------------------------- */

static AwdCriterion *
criterion_from_row (sqlite3_stmt *stmt)
{
  AwdCriterion *criterion = awd_criterion_new ();

  awd_criterion_set_id (criterion, sqlite3_column_int64 (stmt, 0));
  awd_criterion_set_round_id (criterion, sqlite3_column_int64 (stmt, 1));
  awd_criterion_set_position (criterion, sqlite3_column_int (stmt, 2));
  awd_criterion_set_name (criterion, (const char *) sqlite3_column_text (stmt, 3));
  awd_criterion_set_description (criterion, (const char *) sqlite3_column_text (stmt, 4));
  awd_criterion_set_weight (criterion, sqlite3_column_double (stmt, 5));
  return criterion;
}

static AwdCriterion *
get_criterion (AwdStore  *self,
               gint64     id,
               GError   **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self,
                                          "SELECT id, round_id, position, name, description, weight"
                                          " FROM criterion WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return awd_store_get_object (self, stmt, (AwdStoreObjectFunc) criterion_from_row,
                               _("The criterion no longer exists"), error);
}

GListModel *
awd_store_list_criteria (AwdStore  *self,
                         gint64     round_id,
                         GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  stmt = awd_store_prepare (self,
                            "SELECT id, round_id, position, name, description, weight FROM criterion"
                            " WHERE round_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  return awd_store_list_objects (self, stmt, AWD_TYPE_CRITERION,
                                 (AwdStoreObjectFunc) criterion_from_row, error);
}

static gboolean
validate_criterion (AwdCriterion  *criterion,
                    GError       **error)
{
  double weight = awd_criterion_get_weight (criterion);

  if (awd_store_is_blank (awd_criterion_get_name (criterion)))
    return awd_store_refuse (error, _("The criterion needs a name"));
  if (!isfinite (weight) || !(weight > 0))
    return awd_store_refuse (error, _("The weight must be a number greater than zero"));
  return TRUE;
}

/* The row of a new criterion at @position; its id is set on success. */
static gboolean
insert_criterion_row (AwdStore      *self,
                      AwdCriterion  *criterion,
                      int            position,
                      GError       **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self,
                                          "INSERT INTO criterion (round_id, position, name, description, weight)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, awd_criterion_get_round_id (criterion));
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, awd_criterion_get_name (criterion), -1, SQLITE_TRANSIENT);
  awd_store_bind_text (stmt, 4, awd_criterion_get_description (criterion));
  sqlite3_bind_double (stmt, 5, awd_criterion_get_weight (criterion));
  if (!awd_store_step_done (self, stmt, error))
    return FALSE;
  awd_criterion_set_id (criterion, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
awd_store_insert_criterion (AwdStore      *self,
                            AwdCriterion  *criterion,
                            GError       **error)
{
  g_autofree char *after = NULL;
  gint64 round_id = awd_criterion_get_round_id (criterion);
  gboolean ok;
  int position;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!validate_criterion (criterion, error) || !awd_store_begin (self, error))
    return FALSE;

  ok = awd_store_require_writable (self, round_id, error) &&
       (position = next_position (self, "criterion", round_id, error)) > 0 &&
       insert_criterion_row (self, criterion, position, error);
  if (ok)
    {
      awd_criterion_set_position (criterion, position);
      after = awd_store_describe_object (G_OBJECT (criterion), NULL);
    }

  return awd_store_finish_change (self, ok, round_id, "insert", "criterion",
                                  awd_criterion_get_id (criterion), NULL, after, error);
}

gboolean
awd_store_bulk_insert_criterion (AwdStore      *self,
                                 AwdCriterion  *criterion,
                                 GError       **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  return validate_criterion (criterion, error) &&
         insert_criterion_row (self, criterion, awd_criterion_get_position (criterion), error);
}

gboolean
awd_store_save_criterion (AwdStore      *self,
                          AwdCriterion  *criterion,
                          GError       **error)
{
  g_autoptr(AwdCriterion) before = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  gint64 id = awd_criterion_get_id (criterion);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!validate_criterion (criterion, error) || !awd_store_begin (self, error))
    return FALSE;

  before = get_criterion (self, id, error);
  ok = before != NULL &&
       awd_store_require_writable (self, awd_criterion_get_round_id (before), error) &&
       (stmt = awd_store_prepare (self,
                                  "UPDATE criterion SET name = ?1, description = ?2, weight = ?3"
                                  " WHERE id = ?4", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, awd_criterion_get_name (criterion), -1, SQLITE_TRANSIENT);
      awd_store_bind_text (stmt, 2, awd_criterion_get_description (criterion));
      sqlite3_bind_double (stmt, 3, awd_criterion_get_weight (criterion));
      sqlite3_bind_int64 (stmt, 4, id);
      ok = awd_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      before_text = awd_store_describe_object (G_OBJECT (before), G_OBJECT (criterion));
      after_text = awd_store_describe_object (G_OBJECT (criterion), G_OBJECT (before));
    }

  return awd_store_finish_change (self, ok, before != NULL ? awd_criterion_get_round_id (before) : 0,
                                  "update", "criterion", id, before_text, after_text, error);
}

gboolean
awd_store_delete_criterion (AwdStore  *self,
                            gint64     criterion_id,
                            GError   **error)
{
  g_autoptr(AwdCriterion) before = get_criterion (self, criterion_id, error);

  return before != NULL && delete_row (self, "criterion", criterion_id, G_OBJECT (before), error);
}

/**
 * awd_store_move_criterion:
 * @new_position: 1-based place in the round's order
 *
 * Moves a criterion and renumbers the others 1…n, so positions stay dense
 * (the canonical results text numbers criteria by position).
 */
gboolean
awd_store_move_criterion (AwdStore  *self,
                          gint64     criterion_id,
                          int        new_position,
                          GError   **error)
{
  g_autoptr(GListModel) criteria = NULL;
  g_autofree char *after = NULL;
  gint64 round_id;
  sqlite3_stmt *stmt;
  gboolean ok;
  guint n, from = G_MAXUINT;
  GPtrArray *order;

  if (!awd_store_begin (self, error))
    return FALSE;

  round_id = awd_store_round_of (self, "criterion", criterion_id, error);
  ok = round_id > 0 && awd_store_require_writable (self, round_id, error) &&
       (criteria = awd_store_list_criteria (self, round_id, error)) != NULL;
  if (!ok)
    return awd_store_finish_change (self, FALSE, 0, NULL, NULL, 0, NULL, NULL, error);

  n = g_list_model_get_n_items (criteria);
  order = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      AwdCriterion *c = g_list_model_get_item (criteria, i);
      if (awd_criterion_get_id (c) == criterion_id)
        from = i;
      g_ptr_array_add (order, c);
    }
  g_assert (from < n);
  new_position = CLAMP (new_position, 1, (int) n);
  {
    gpointer moved = g_ptr_array_steal_index (order, from);
    g_ptr_array_insert (order, new_position - 1, moved);
  }

  stmt = awd_store_prepare (self, "UPDATE criterion SET position = ?1 WHERE id = ?2", error);
  ok = stmt != NULL;
  for (guint i = 0; ok && i < order->len; i++)
    {
      sqlite3_bind_int (stmt, 1, (int) i + 1);
      sqlite3_bind_int64 (stmt, 2, awd_criterion_get_id (g_ptr_array_index (order, i)));
      ok = awd_store_step_done (self, stmt, error);
    }
  g_ptr_array_unref (order);

  after = g_strdup_printf ("position: %d", new_position);
  return awd_store_finish_change (self, ok, round_id, "move", "criterion", criterion_id,
                                  NULL, after, error);
}

/* Jurors ---------------------------------------------------------------- */

#define JUROR_COLUMNS \
  "id, round_id, position, name, affiliation, email, chair, withdrawn, withdrawn_reason, submitted"

static AwdJuror *
juror_from_row (sqlite3_stmt *stmt)
{
  AwdJuror *juror = awd_juror_new ();

  awd_juror_set_id (juror, sqlite3_column_int64 (stmt, 0));
  awd_juror_set_round_id (juror, sqlite3_column_int64 (stmt, 1));
  awd_juror_set_position (juror, sqlite3_column_int (stmt, 2));
  awd_juror_set_name (juror, (const char *) sqlite3_column_text (stmt, 3));
  awd_juror_set_affiliation (juror, (const char *) sqlite3_column_text (stmt, 4));
  awd_juror_set_email (juror, (const char *) sqlite3_column_text (stmt, 5));
  awd_juror_set_chair (juror, sqlite3_column_int (stmt, 6));
  awd_juror_set_withdrawn (juror, sqlite3_column_int (stmt, 7));
  awd_juror_set_withdrawn_reason (juror, (const char *) sqlite3_column_text (stmt, 8));
  awd_juror_set_submitted (juror, sqlite3_column_int (stmt, 9));
  return juror;
}

static AwdJuror *
get_juror (AwdStore  *self,
           gint64     id,
           GError   **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self, "SELECT " JUROR_COLUMNS " FROM juror WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return awd_store_get_object (self, stmt, (AwdStoreObjectFunc) juror_from_row,
                               _("The juror no longer exists"), error);
}

GListModel *
awd_store_list_jurors (AwdStore  *self,
                       gint64     round_id,
                       GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  stmt = awd_store_prepare (self, "SELECT " JUROR_COLUMNS " FROM juror"
                            " WHERE round_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  return awd_store_list_objects (self, stmt, AWD_TYPE_JUROR,
                                 (AwdStoreObjectFunc) juror_from_row, error);
}

/* An e-mail address needs one @ with something on both sides and a dot in
 * the domain; anything stricter refuses real addresses. */
gboolean
awd_email_is_valid (const char *email)
{
  const char *at;

  if (email == NULL || *email == '\0')
    return TRUE;
  at = strchr (email, '@');
  return at != NULL && at != email && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && at[1] != '.' &&
         email[strlen (email) - 1] != '.' && strpbrk (email, " \t\n,;<>") == NULL;
}

static gboolean
validate_juror (AwdJuror  *juror,
                GError   **error)
{
  if (awd_store_is_blank (awd_juror_get_name (juror)))
    return awd_store_refuse (error, _("The juror needs a name"));
  if (!awd_email_is_valid (awd_juror_get_email (juror)))
    return awd_store_refuse (error, _("The e-mail address is not valid; it should look like name@example.org"));
  if (awd_juror_get_withdrawn (juror) && awd_store_is_blank (awd_juror_get_withdrawn_reason (juror)))
    return awd_store_refuse (error, _("Say why the juror is withdrawn"));
  return TRUE;
}

/* One chair per panel: making a juror chair relieves the previous one. */
static gboolean
clear_other_chairs (AwdStore  *self,
                    AwdJuror  *juror,
                    GError   **error)
{
  sqlite3_stmt *stmt;

  if (!awd_juror_get_chair (juror))
    return TRUE;

  stmt = awd_store_prepare (self, "UPDATE juror SET chair = 0 WHERE round_id = ?1 AND id IS NOT ?2 AND chair = 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, awd_juror_get_round_id (juror));
  awd_store_bind_id (stmt, 2, awd_juror_get_id (juror));
  return awd_store_step_done (self, stmt, error);
}

static void
bind_juror (sqlite3_stmt *stmt,
            AwdJuror     *juror)
{
  sqlite3_bind_text (stmt, 1, awd_juror_get_name (juror), -1, SQLITE_TRANSIENT);
  awd_store_bind_text (stmt, 2, awd_juror_get_affiliation (juror));
  awd_store_bind_text (stmt, 3, awd_juror_get_email (juror));
  sqlite3_bind_int (stmt, 4, awd_juror_get_chair (juror));
  sqlite3_bind_int (stmt, 5, awd_juror_get_withdrawn (juror));
  awd_store_bind_text (stmt, 6, awd_juror_get_withdrawn (juror) ? awd_juror_get_withdrawn_reason (juror) : NULL);
  sqlite3_bind_int (stmt, 7, awd_juror_get_submitted (juror));
}

/* The row of a new juror at @position; its id is set on success. */
static gboolean
insert_juror_row (AwdStore  *self,
                  AwdJuror  *juror,
                  int        position,
                  GError   **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self,
                                          "INSERT INTO juror (name, affiliation, email, chair, withdrawn,"
                                          " withdrawn_reason, submitted, round_id, position)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return FALSE;
  bind_juror (stmt, juror);
  sqlite3_bind_int64 (stmt, 8, awd_juror_get_round_id (juror));
  sqlite3_bind_int (stmt, 9, position);
  if (!awd_store_step_done (self, stmt, error))
    return FALSE;
  awd_juror_set_id (juror, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
awd_store_insert_juror (AwdStore  *self,
                        AwdJuror  *juror,
                        GError   **error)
{
  g_autofree char *after = NULL;
  gint64 round_id = awd_juror_get_round_id (juror);
  gboolean ok;
  int position;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!validate_juror (juror, error) || !awd_store_begin (self, error))
    return FALSE;

  ok = awd_store_require_writable (self, round_id, error) &&
       (position = next_position (self, "juror", round_id, error)) > 0 &&
       clear_other_chairs (self, juror, error);
  if (ok && !(ok = insert_juror_row (self, juror, position, error)))
    awd_store_explain_unique (error, _("The jury already has a member with this name"));
  if (ok)
    {
      awd_juror_set_position (juror, position);
      after = awd_store_describe_object (G_OBJECT (juror), NULL);
    }

  return awd_store_finish_change (self, ok, round_id, "insert", "juror",
                                  awd_juror_get_id (juror), NULL, after, error);
}

/* Imported data may lack a withdrawn juror's reason, and an import names
 * the juror whose address or name is refused. */
gboolean
awd_store_bulk_insert_juror (AwdStore  *self,
                             AwdJuror  *juror,
                             GError   **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (awd_store_is_blank (awd_juror_get_name (juror)))
    return awd_store_refuse (error, _("The juror needs a name"));
  if (!awd_email_is_valid (awd_juror_get_email (juror)))
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The e-mail address “%s” is not valid; it should look like name@example.org"),
                   awd_juror_get_email (juror));
      return FALSE;
    }

  if (!insert_juror_row (self, juror, awd_juror_get_position (juror), error))
    {
      g_autofree char *message = NULL;

      if (error != NULL && *error != NULL && strstr ((*error)->message, "juror.round_id") != NULL &&
          awd_juror_get_chair (juror))
        return awd_store_explain_unique (error, _("The jury has more than one chair"));
      message = g_strdup_printf (_("The jury already has a member named “%s”"), awd_juror_get_name (juror));
      return awd_store_explain_unique (error, message);
    }
  return TRUE;
}

gboolean
awd_store_save_juror (AwdStore  *self,
                      AwdJuror  *juror,
                      GError   **error)
{
  g_autoptr(AwdJuror) before = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  gint64 id = awd_juror_get_id (juror);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!validate_juror (juror, error) || !awd_store_begin (self, error))
    return FALSE;

  before = get_juror (self, id, error);
  ok = before != NULL &&
       awd_store_require_writable (self, awd_juror_get_round_id (before), error) &&
       clear_other_chairs (self, juror, error) &&
       (stmt = awd_store_prepare (self,
                                  "UPDATE juror SET name = ?1, affiliation = ?2, email = ?3, chair = ?4,"
                                  " withdrawn = ?5, withdrawn_reason = ?6, submitted = ?7 WHERE id = ?8",
                                  error)) != NULL;
  if (ok)
    {
      bind_juror (stmt, juror);
      sqlite3_bind_int64 (stmt, 8, id);
      ok = awd_store_step_done (self, stmt, error);
      if (!ok)
        awd_store_explain_unique (error, _("The jury already has a member with this name"));
    }
  if (ok)
    {
      before_text = awd_store_describe_object (G_OBJECT (before), G_OBJECT (juror));
      after_text = awd_store_describe_object (G_OBJECT (juror), G_OBJECT (before));
    }

  return awd_store_finish_change (self, ok, before != NULL ? awd_juror_get_round_id (before) : 0,
                                  "update", "juror", id, before_text, after_text, error);
}

gboolean
awd_store_delete_juror (AwdStore  *self,
                        gint64     juror_id,
                        GError   **error)
{
  g_autoptr(AwdJuror) before = get_juror (self, juror_id, error);

  return before != NULL && delete_row (self, "juror", juror_id, G_OBJECT (before), error);
}
