/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the awd-store-*.c files of src/core only: the connection, the
 * statement cache and the error mapping. Nothing outside core sees SQL. */

#include <sqlite3.h>

#include "awd-store.h"

G_BEGIN_DECLS

typedef struct _AwdStoreLock AwdStoreLock;

struct _AwdStore
{
  GObject       parent_instance;

  sqlite3      *db;
  char         *path;
  char         *operator_name;
  gboolean      read_only;
  int           schema_version;
  gboolean      has_tables;     /* the file held a schema when opened */

  /* SQL text → sqlite3_stmt*, prepared once per connection. */
  GHashTable   *statements;

  /* Nesting depth of awd_store_begin(); only the outermost pair talks to
   * SQLite. A failure inside marks the whole transaction for rollback. */
  guint         transaction_depth;
  gboolean      rollback_only;

  AwdStoreLock *lock;

  /* How many automatic snapshots awd_store_snapshot() keeps (awd-store-backups.c). */
  guint         backups_kept;
};

/* Statements */
sqlite3_stmt *awd_store_prepare        (AwdStore      *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      awd_store_exec           (AwdStore      *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      awd_store_step_done      (AwdStore      *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
gboolean      awd_store_set_error      (AwdStore      *self,
                                        int            rc,
                                        GError       **error);
gboolean      awd_store_require_writable (AwdStore    *self,
                                        gint64         round_id,
                                        GError       **error);
void          awd_store_bind_text      (sqlite3_stmt  *stmt,
                                        int            index,
                                        const char    *text);
void          awd_store_bind_id        (sqlite3_stmt  *stmt,
                                        int            index,
                                        gint64         id);
char         *awd_store_column_text    (sqlite3_stmt  *stmt,
                                        int            column);
gint64        awd_store_round_of       (AwdStore      *self,
                                        const char    *table,
                                        gint64         id,
                                        GError       **error);

/* Refusals and the end of a change (awd-store-changes.c). is_blank: NULL
 * or only white space. refuse sets AWD_STORE_ERROR_INVALID with @message.
 * explain_unique replaces the error of a failed UNIQUE constraint with
 * @message (a name already taken); other errors stay. finish_change ends a
 * change that awd_store_begin() opened: when @ok, writes the audit row and
 * commits; otherwise, or when the audit fails, rolls back. All but is_blank
 * return FALSE on failure, so a caller can `return awd_store_refuse (…)`. */
gboolean      awd_store_is_blank       (const char    *text);
gboolean      awd_store_refuse         (GError       **error,
                                        const char    *message);
gboolean      awd_store_explain_unique (GError       **error,
                                        const char    *message);
gboolean      awd_store_finish_change  (AwdStore      *self,
                                        gboolean       ok,
                                        gint64         round_id,
                                        const char    *action,
                                        const char    *entity,
                                        gint64         entity_id,
                                        const char    *before,
                                        const char    *after,
                                        GError       **error);

/* Reading rows (awd-store-rows.c). Each takes a prepared, bound statement,
 * steps it and resets it. foreach_row calls @func on every row; list_objects
 * makes a GListModel of @item_type with one @from_row object a row;
 * get_object reads the one row a lookup by id returns, or fails with
 * AWD_STORE_ERROR_NOT_FOUND and @missing when there is none. */
typedef void     (*AwdStoreRowFunc)    (sqlite3_stmt  *stmt,
                                        gpointer       user_data);
typedef gpointer (*AwdStoreObjectFunc) (sqlite3_stmt  *stmt);

gboolean      awd_store_foreach_row    (AwdStore      *self,
                                        sqlite3_stmt  *stmt,
                                        AwdStoreRowFunc func,
                                        gpointer       user_data,
                                        GError       **error);
GListModel   *awd_store_list_objects   (AwdStore      *self,
                                        sqlite3_stmt  *stmt,
                                        GType          item_type,
                                        AwdStoreObjectFunc from_row,
                                        GError       **error);
/* The rows of a round's listing query (?1 = @round_id) as a GArray of
 * @element_size structs, each appended by @add_row, cleared by @clear. */
GArray       *awd_store_list_round_rows (AwdStore     *self,
                                        const char    *sql,
                                        gint64         round_id,
                                        guint          element_size,
                                        GDestroyNotify clear,
                                        AwdStoreRowFunc add_row,
                                        GError       **error);
gpointer      awd_store_get_object     (AwdStore      *self,
                                        sqlite3_stmt  *stmt,
                                        AwdStoreObjectFunc from_row,
                                        const char    *missing,
                                        GError       **error);

/* Audit (awd-store-audit.c): appends one line per broken link of the chain. */
gboolean      awd_store_verify_audit_chain (AwdStore  *self,
                                        GPtrArray     *problems,
                                        GError       **error);

/* Describe an object's properties as "name: value" lines, for audit rows;
 * with @other, only the properties that differ from it. */
char         *awd_store_describe_object (GObject      *object,
                                         GObject      *other);

/* Migrations (awd-store-migrations.c) */
gboolean      awd_store_migrate        (AwdStore      *self,
                                        GError       **error);
int           awd_store_latest_schema_version (void);

/* Writers' lock (awd-store-lock.c) */
AwdStoreLock *awd_store_lock_acquire   (const char    *db_path,
                                        const char    *operator_name,
                                        GError       **error);
void          awd_store_lock_release   (AwdStoreLock  *lock);

/* The connection (awd-store.c). open_connection opens self->db on
 * self->path and runs the checks of an open (pragmas, identity, quick_check,
 * and for a writer that a leftover -wal belongs to the file); the lock, when
 * read-write, is already held. close_connection drops the statement cache
 * and closes self->db; restore uses the pair to swap the file underneath an
 * open store without letting go of the writers' lock. */
gboolean      awd_store_open_connection  (AwdStore    *self,
                                          gboolean     create,
                                          GError     **error);
void          awd_store_close_connection (AwdStore    *self);
/* A store over an already-held writers' lock (awd_store_recover() holds it
 * while it swaps files, then hands it to the store it opens); NULL @lock is
 * a read-only open. Takes ownership of @lock, also on failure. */
AwdStore     *awd_store_open_with_lock   (const char        *path,
                                          AwdStoreOpenFlags  flags,
                                          const char        *operator_name,
                                          AwdStoreLock      *lock,
                                          GError           **error);

/* Backups (awd-store-backups.c): the daily snapshot taken at open; a
 * failure is logged, never fatal. */
void          awd_store_snapshot_if_stale (AwdStore   *self);

/* TEST ONLY. Runs @sql on the store's own connection, so a test can set a
 * pragma there (PRAGMA max_page_count to fake a full disk). Never call it
 * from application code: the store's invariants are not re-checked. */
gboolean      awd_store_exec_for_testing (AwdStore    *self,
                                          const char  *sql,
                                          GError     **error);

/* Cells of the jury's work (awd-store-scores.c). round_of_cell: the
 * round of a juror × nomination (× criterion, when > 0) cell, or 0 with an
 * error when its parts do not exist or belong to different rounds.
 * describe_cell: the cell as an audit row's before/after text. */
gint64        awd_store_round_of_cell  (AwdStore      *self,
                                        gint64         juror_id,
                                        gint64         nomination_id,
                                        gint64         criterion_id,
                                        GError       **error);
char         *awd_store_describe_cell  (gint64         juror_id,
                                        gint64         nomination_id,
                                        gint64         criterion_id,
                                        const char    *extra);

/* Folding for search (awd-fold.c, declared here for the store's use too). */
#include "awd-fold.h"

G_END_DECLS
