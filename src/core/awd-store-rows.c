/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-store-private.h"

/* Reading the rows of a prepared statement: the step loop, its reset and
 * the error of a failed step, written once for every listing of the store. */

gboolean
awd_store_foreach_row (AwdStore         *self,
                       sqlite3_stmt     *stmt,
                       AwdStoreRowFunc   func,
                       gpointer          user_data,
                       GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, user_data);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return awd_store_set_error (self, rc, error);
  return TRUE;
}

typedef struct
{
  GPtrArray          *objects;
  AwdStoreObjectFunc  from_row;
} Collect;

static void
add_object (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  Collect *collect = user_data;

  g_ptr_array_add (collect->objects, collect->from_row (stmt));
}

GListModel *
awd_store_list_objects (AwdStore            *self,
                        sqlite3_stmt        *stmt,
                        GType                item_type,
                        AwdStoreObjectFunc   from_row,
                        GError             **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  Collect collect = { objects, from_row };
  GListStore *list;

  if (!awd_store_foreach_row (self, stmt, add_object, &collect, error))
    return NULL;

  /* One splice, one items-changed, however many rows. */
  list = g_list_store_new (item_type);
  g_list_store_splice (list, 0, 0, objects->pdata, objects->len);
  return G_LIST_MODEL (list);
}

GArray *
awd_store_list_round_rows (AwdStore         *self,
                           const char       *sql,
                           gint64            round_id,
                           guint             element_size,
                           GDestroyNotify    clear,
                           AwdStoreRowFunc   add_row,
                           GError          **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, element_size);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  if (clear != NULL)
    g_array_set_clear_func (rows, clear);
  stmt = awd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (!awd_store_foreach_row (self, stmt, add_row, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

gpointer
awd_store_get_object (AwdStore            *self,
                      sqlite3_stmt        *stmt,
                      AwdStoreObjectFunc   from_row,
                      const char          *missing,
                      GError             **error)
{
  gpointer object = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    object = from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NOT_FOUND, missing);
  else  /* a failed read is not a missing row */
    awd_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return object;
}
