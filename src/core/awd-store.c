/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <string.h>

#include "awd-store-private.h"
#include "awd-store-results.h"

/* "AWD1" as a big-endian integer: marks the file as ours for `file(1)` and
 * lets us refuse someone else's SQLite database before touching it. */
#define AWD_APPLICATION_ID 0x41574431

#define AWD_BUSY_TIMEOUT_MS 5000

G_DEFINE_FINAL_TYPE (AwdStore, awd_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (awd-store-error-quark, awd_store_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static gboolean
query_int (AwdStore    *self,
           const char  *sql,
           int         *out_value,
           GError     **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      awd_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *out_value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
apply_pragmas (AwdStore  *self,
               GError   **error)
{
  sqlite3_busy_timeout (self->db, AWD_BUSY_TIMEOUT_MS);

  if (!awd_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (!self->read_only)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      /* journal_mode answers with the mode it ended up in. */
      rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_finalize (stmt);
          return awd_store_set_error (self, rc, error);
        }
      if (g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") != 0)
        g_warning ("Could not switch %s to WAL mode", self->path);
      sqlite3_finalize (stmt);
    }

  return awd_store_exec (self, "PRAGMA synchronous = FULL", error);
}

static gboolean
check_identity (AwdStore  *self,
                GError   **error)
{
  int application_id = 0;
  int user_version = 0;
  int n_tables = 0;

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &user_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (application_id != AWD_APPLICATION_ID && (application_id != 0 || n_tables > 0))
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FOREIGN,
                   _("“%s” is not an Award Desk database"), self->path);
      return FALSE;
    }

  if (user_version > awd_store_latest_schema_version ())
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Award Desk (schema %d, this version knows %d)"),
                   self->path, user_version, awd_store_latest_schema_version ());
      return FALSE;
    }

  self->schema_version = user_version;
  self->has_tables = n_tables > 0;
  return TRUE;
}

static gboolean
quick_check (AwdStore  *self,
             GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;
  g_autofree char *answer = NULL;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    answer = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW && g_strcmp0 (answer, "ok") == 0)
    return TRUE;

  g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT,
               _("“%s” is damaged: %s"), self->path,
               answer != NULL ? answer : sqlite3_errstr (rc));
  return FALSE;
}

static void
awd_store_finalize (GObject *object)
{
  AwdStore *self = AWD_STORE (object);

  if (self->transaction_depth > 0)
    {
      g_warning ("Store closed inside a transaction; rolling back");
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }

  awd_store_close_connection (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->lock, awd_store_lock_release);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->operator_name, g_free);

  G_OBJECT_CLASS (awd_store_parent_class)->finalize (object);
}

static void
awd_store_class_init (AwdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awd_store_finalize;
}

static void
awd_store_init (AwdStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->backups_kept = AWD_STORE_BACKUPS_KEPT_DEFAULT;
}

/**
 * awd_store_default_path:
 *
 * Returns: `$XDG_DATA_HOME/award-desk/awards.db`.
 */
char *
awd_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "award-desk", "awards.db", NULL);
}

/* A -wal left next to the file (after a crash, or put there by hand) is
 * replayed by SQLite whatever database wrote it: a -wal copied from another
 * Award Desk file would silently replace this file's content, and the first
 * checkpoint would make that permanent. The audit log tells them apart: it
 * only grows, so the main file's last audit row must still be there, with
 * the same hash, once the -wal is applied. The main file alone is read with
 * immutable=1, which ignores the -wal. Only a writer runs this: it holds
 * the writers' lock, so nobody checkpoints underneath it. */
static gboolean
check_wal_belongs (AwdStore  *self,
                   GError   **error)
{
  g_autofree char *wal_path = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *main_hash = NULL;
  sqlite3 *alone = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 main_id = 0;
  GStatBuf st;
  int rc;

  if (g_stat (wal_path, &st) != 0 || st.st_size == 0)
    return TRUE;

  escaped = g_uri_escape_string (self->path, "/", TRUE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &alone, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (alone, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      main_id = sqlite3_column_int64 (stmt, 0);
      main_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (alone);

  /* A main file without an audit row (created, then the process died) has
   * nothing the -wal could replace. */
  if (main_id == 0)
    return TRUE;

  stmt = NULL;
  rc = sqlite3_prepare_v2 (self->db, "SELECT hash FROM audit WHERE id = ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, main_id);
      rc = sqlite3_step (stmt);
    }
  if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), main_hash) == 0)
    {
      sqlite3_finalize (stmt);
      return TRUE;
    }
  sqlite3_finalize (stmt);

  g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT,
               _("“%s” does not belong to “%s” (it comes from another database); nothing was changed, “award-desk-cli restore” puts it aside"),
               wal_path, self->path);
  return FALSE;
}

gboolean
awd_store_open_connection (AwdStore  *self,
                           gboolean   create,
                           GError   **error)
{
  int open_flags;
  int rc;

  g_assert (self->db == NULL);

  open_flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW;
  if (self->read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

  rc = sqlite3_open_v2 (self->path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);

  /* Until the file has passed its checks, closing must not checkpoint: a
   * damaged or foreign -wal would be copied into the main file and the
   * evidence (and the good main file) lost. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  if (!apply_pragmas (self, error) ||
      !check_identity (self, error) ||
      !quick_check (self, error) ||
      (!self->read_only && !check_wal_belongs (self, error)))
    return FALSE;

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  return TRUE;
}

void
awd_store_close_connection (AwdStore *self)
{
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      /* A clean close checkpoints the WAL back into the main file. */
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (self->db));
      self->db = NULL;
    }
}

AwdStore *
awd_store_open_with_lock (const char         *path,
                          AwdStoreOpenFlags   flags,
                          const char         *operator_name,
                          AwdStoreLock       *lock,
                          GError            **error)
{
  g_autoptr(AwdStore) self = NULL;
  gboolean read_only = (flags & AWD_STORE_OPEN_READ_ONLY) != 0;

  self = g_object_new (AWD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->lock = lock;
  self->operator_name = g_strdup (operator_name != NULL && *operator_name != '\0'
                                  ? operator_name : g_get_real_name ());

  g_assert (read_only == (lock == NULL));

  if (!awd_store_open_connection (self, (flags & AWD_STORE_OPEN_CREATE) != 0, error))
    return NULL;

  if (self->schema_version < awd_store_latest_schema_version ())
    {
      if (read_only)
        {
          g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NEEDS_UPGRADE,
                       _("“%s” needs to be upgraded; open it once for writing (for example with “award-desk-cli init”)"),
                       path);
          return NULL;
        }
      if (!awd_store_migrate (self, error))
        return NULL;
    }

  if (!read_only)
    awd_store_snapshot_if_stale (self);

  return g_steal_pointer (&self);
}

/**
 * awd_store_open:
 * @path: the database file
 * @flags: read-only and/or create
 * @operator_name: (nullable): who is recorded in the audit log
 *
 * Opens (and, read-write, migrates) the database. A read-write open first
 * takes the writers' lock, so a second writer is refused with a message
 * that names the holder; a read-only open takes no lock. A writer also
 * takes the day's snapshot when the newest one is older than a day.
 */
AwdStore *
awd_store_open (const char         *path,
                AwdStoreOpenFlags   flags,
                const char         *operator_name,
                GError            **error)
{
  gboolean read_only = (flags & AWD_STORE_OPEN_READ_ONLY) != 0;
  AwdStoreLock *lock = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (read_only || (flags & AWD_STORE_OPEN_CREATE) == 0)
        {
          g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NOT_FOUND,
                       _("There is no database at “%s”; create one with “award-desk-cli init”"), path);
          return NULL;
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (path);

          if (g_mkdir_with_parents (dir, 0700) != 0)
            {
              int saved_errno = errno;
              g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_OPEN,
                           _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
              return NULL;
            }
        }
    }

  if (!read_only)
    {
      lock = awd_store_lock_acquire (path, operator_name != NULL && *operator_name != '\0'
                                           ? operator_name : g_get_real_name (), error);
      if (lock == NULL)
        return NULL;
    }

  return awd_store_open_with_lock (path, flags, operator_name, lock, error);
}

const char *
awd_store_get_path (AwdStore *self)
{
  g_return_val_if_fail (AWD_IS_STORE (self), NULL);
  return self->path;
}

gboolean
awd_store_is_read_only (AwdStore *self)
{
  g_return_val_if_fail (AWD_IS_STORE (self), TRUE);
  return self->read_only;
}

const char *
awd_store_get_operator (AwdStore *self)
{
  g_return_val_if_fail (AWD_IS_STORE (self), NULL);
  return self->operator_name;
}

void
awd_store_set_operator (AwdStore   *self,
                        const char *operator_name)
{
  g_return_if_fail (AWD_IS_STORE (self));

  g_free (self->operator_name);
  self->operator_name = g_strdup (operator_name != NULL && *operator_name != '\0'
                                  ? operator_name : g_get_real_name ());
}

int
awd_store_get_schema_version (AwdStore *self)
{
  g_return_val_if_fail (AWD_IS_STORE (self), 0);
  return self->schema_version;
}

/* Statements ------------------------------------------------------------ */

sqlite3_stmt *
awd_store_prepare (AwdStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_warning ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      awd_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
awd_store_exec (AwdStore    *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return awd_store_set_error (self, rc, error);
  return TRUE;
}

/* Steps a statement that returns no rows and resets it. */
gboolean
awd_store_step_done (AwdStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return awd_store_set_error (self, rc, error);
  return TRUE;
}

/* Maps an SQLite result code to a GError a person can act on. Always
 * returns FALSE so callers can `return awd_store_set_error (…)`. */
gboolean
awd_store_set_error (AwdStore  *self,
                     int        rc,
                     GError   **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_DISK_FULL,
                   _("The disk holding “%s” is full; the last change was not saved, earlier work is safe"),
                   self->path);
      break;

    case SQLITE_IOERR:
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                   _("Could not read or write “%s” (%s); the last change was not saved"),
                   self->path, detail);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), self->path, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_LOCKED,
                   _("“%s” is busy in another program; try again in a moment"), self->path);
      break;

    case SQLITE_READONLY:
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only"), self->path);
      break;

    case SQLITE_CONSTRAINT:
      /* Triggers guarding finalized rounds raise ABORT with this text. */
      if (strstr (detail, "round is final") != NULL)
        g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL,
                     _("The round is final and cannot be changed; reopen it first"));
      else
        g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                     _("The change breaks a rule of the database: %s"), detail);
      break;

    default:
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FAILED,
                   _("Database error in “%s”: %s"), self->path, detail);
      break;
    }

  return FALSE;
}

void
awd_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
awd_store_bind_id (sqlite3_stmt *stmt,
                   int           index,
                   gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
awd_store_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Transactions ---------------------------------------------------------- */

gboolean
awd_store_begin (AwdStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only; close the other copy of Award Desk to make changes"),
                   self->path);
      return FALSE;
    }

  if (self->transaction_depth == 0)
    {
      /* IMMEDIATE takes the write lock now, so a busy database fails here
       * and not halfway through the change. */
      if (!awd_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->rollback_only = FALSE;
    }

  self->transaction_depth++;
  return TRUE;
}

gboolean
awd_store_commit (AwdStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (--self->transaction_depth > 0)
    return TRUE;

  if (self->rollback_only)
    {
      awd_store_exec (self, "ROLLBACK", NULL);
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FAILED,
                   _("The change was cancelled because part of it failed"));
      return FALSE;
    }

  if (!awd_store_exec (self, "COMMIT", error))
    {
      /* A failed COMMIT (disk full, I/O error) leaves the transaction
       * open; roll it back so the file holds exactly the last commit. */
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

void
awd_store_rollback (AwdStore *self)
{
  g_return_if_fail (AWD_IS_STORE (self));

  if (self->transaction_depth == 0)
    return;

  if (--self->transaction_depth > 0)
    {
      self->rollback_only = TRUE;
      return;
    }

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Backups --------------------------------------------------------------- */

/**
 * awd_store_backup_to:
 *
 * Copies the database with SQLite's backup API into a temporary file next
 * to @dest_path, checks the copy, and only then renames it into place, so
 * a crash never leaves a half-written backup under the final name.
 */
gboolean
awd_store_backup_to (AwdStore    *self,
                     const char  *dest_path,
                     GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".tmp", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  sqlite3_stmt *check = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  g_unlink (tmp_path);
  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    goto out;

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      goto out;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto out;

  rc = sqlite3_prepare_v2 (dest, "PRAGMA quick_check(1)", -1, &check, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (check);
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") != 0)
    {
      rc = SQLITE_CORRUPT;
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_finalize (check);
  if (dest != NULL)
    sqlite3_close (dest);

  if (ok && g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest_path, g_strerror (saved_errno));
      ok = FALSE;
    }
  else if (!ok)
    g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                 _("Could not write the backup “%s”: %s"), dest_path, sqlite3_errstr (rc));

  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

/* TEST ONLY: see awd-store-private.h. */
gboolean
awd_store_exec_for_testing (AwdStore    *self,
                            const char  *sql,
                            GError     **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  return awd_store_exec (self, sql, error);
}

/* Checks ---------------------------------------------------------------- */

static gboolean
collect_rows (AwdStore    *self,
              const char  *sql,
              const char  *prefix,
              const char  *ok_answer,
              GPtrArray   *problems,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return awd_store_set_error (self, rc, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) line = g_string_new (prefix);
      int n = sqlite3_column_count (stmt);

      if (ok_answer != NULL && n == 1 &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), ok_answer) == 0)
        continue;

      for (int i = 0; i < n; i++)
        {
          g_string_append (line, i == 0 ? ": " : " ");
          g_string_append (line, sqlite3_column_text (stmt, i) != NULL
                                 ? (const char *) sqlite3_column_text (stmt, i) : "NULL");
        }
      g_ptr_array_add (problems, g_string_free (g_steal_pointer (&line), FALSE));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return awd_store_set_error (self, rc, error);
  return TRUE;
}

/* A final round's frozen checksum must still match its content: the
 * triggers stop the application from changing it, this catches anything
 * that went around them. */
static gboolean
verify_final_rounds (AwdStore   *self,
                     GPtrArray  *problems,
                     GError    **error)
{
  g_autoptr(GListModel) rounds = awd_store_list_rounds (self, error);

  if (rounds == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(AwdRound) round = g_list_model_get_item (rounds, i);
      g_autoptr(GError) mismatch = NULL;

      if (awd_round_get_status (round) != AWD_ROUND_STATUS_FINAL)
        continue;
      if (!awd_store_verify_final_round (self, awd_round_get_id (round), &mismatch))
        g_ptr_array_add (problems, g_strdup_printf (_("results: %s"), mismatch->message));
    }

  return TRUE;
}

gboolean
awd_store_check (AwdStore   *self,
                 GPtrArray  *problems,
                 GError    **error)
{
  int version = 0;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!collect_rows (self, "PRAGMA integrity_check", _("integrity"), "ok", problems, error) ||
      !collect_rows (self, "PRAGMA foreign_key_check", _("foreign key"), NULL, problems, error) ||
      !query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version != awd_store_latest_schema_version ())
    g_ptr_array_add (problems, g_strdup_printf (_("schema: version %d, expected %d"),
                                                version, awd_store_latest_schema_version ()));

  if (!awd_store_verify_audit_chain (self, problems, error))
    return FALSE;

  return verify_final_rounds (self, problems, error);
}
