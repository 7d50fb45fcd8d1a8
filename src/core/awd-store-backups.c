/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-backups"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "awd-store-backups.h"
#include "awd-store-private.h"

/* Snapshots, restore and recovery: see awd-store-backups.h for the file
 * names and the promises. Everything that replaces a file first writes the
 * new content to a temporary file in the same folder, checks and syncs it,
 * and only then renames; what it replaces is renamed aside, never deleted. */

#define STAMP_FORMAT "%Y%m%d-%H%M%S"
#define STAMP_LENGTH 15   /* YYYYmmdd-HHMMSS */
#define DAY_SECONDS  (24 * 60 * 60)

void
awd_snapshot_free (AwdSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->path);
  g_clear_pointer (&snapshot->created, g_date_time_unref);
  g_free (snapshot->reason);
  g_free (snapshot);
}

/* Helpers ------------------------------------------------------------------ */

static char *
make_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, STAMP_FORMAT);
}

/* "awards" for ".../awards.db": the prefix of the file's snapshots. */
static char *
snapshot_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

/* Letters and digits only, so the name parses back unambiguously. */
static char *
clean_reason (const char *reason)
{
  GString *text = g_string_new (NULL);

  for (const char *p = reason != NULL ? reason : ""; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (text, g_ascii_tolower (*p));
  if (text->len == 0)
    g_string_append (text, AWD_SNAPSHOT_REASON_MANUAL);
  return g_string_free (text, FALSE);
}

/* @base itself when free, else @base with "-2", "-3", … before @suffix. */
static char *
unique_path (const char *base,
             const char *suffix)
{
  char *path = g_strconcat (base, suffix, NULL);

  for (int i = 2; g_file_test (path, G_FILE_TEST_EXISTS) && i < 1000; i++)
    {
      g_free (path);
      path = g_strdup_printf ("%s-%d%s", base, i, suffix);
    }
  return path;
}

/* "<dir>/<base>.db", or "<base>-N.db" with N above every N already used
 * in that second: pruning may have freed a lower one, and the order of
 * snapshots taken in the same second must follow N. */
static char *
next_snapshot_path (const char *dir,
                    const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *exact = g_strconcat (base, ".db", NULL);
  gsize base_len = strlen (base);
  gboolean taken = FALSE;
  guint64 highest = 1;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      guint64 n = 0;
      g_autofree char *number = NULL;

      if (strcmp (name, exact) == 0)
        {
          taken = TRUE;
          continue;
        }
      if (strncmp (name, base, base_len) != 0 || name[base_len] != '-' ||
          !g_str_has_suffix (name, ".db"))
        continue;
      number = g_strndup (name + base_len + 1, strlen (name) - base_len - 1 - 3);
      if (g_ascii_string_to_unsigned (number, 10, 2, G_MAXUINT, &n, NULL))
        {
          taken = TRUE;
          highest = MAX (highest, n);
        }
    }

  if (!taken)
    return g_build_filename (dir, exact, NULL);
  {
    g_autofree char *name_n = g_strdup_printf ("%s-%" G_GUINT64_FORMAT ".db", base, highest + 1);
    return g_build_filename (dir, name_n, NULL);
  }
}

/* A rename is durable only once its folder is synced. */
static void
sync_dir_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
set_sqlite_error (int          rc,
                  const char  *what,
                  const char  *detail,
                  GError     **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_DISK_FULL,
                   _("The disk is full; could not write “%s”. Nothing was changed, earlier work is safe"),
                   what);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), what, detail);
      break;
    default:
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                   _("Could not read or write “%s”: %s"), what, detail);
      break;
    }
}

static gboolean
quick_check_ok (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

static int
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Opens @path_or_uri read-only and checks that it is a sound Award Desk
 * file this version can open. */
static gboolean
check_database_file (const char  *path_or_uri,
                     const char  *display,
                     GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path_or_uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK && quick_check_ok (db))
    {
      int app_id = query_int (db, "PRAGMA application_id");
      int version = query_int (db, "PRAGMA user_version");

      ok = app_id == 0x41574431 && version >= 0 && version <= awd_store_latest_schema_version ();
      if (!ok)
        g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FOREIGN,
                     _("“%s” is not an Award Desk database this version can open"), display);
    }
  else
    g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged: %s"), display,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close (db);
  return ok;
}

/* Copies @source into @dest_path through "<dest_path>.tmp": backup API,
 * rollback-journal mode (a snapshot read later leaves no -wal or -shm
 * behind), quick_check, synced, renamed. */
static gboolean
copy_database (sqlite3     *source,
               const char  *dest_path,
               GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".tmp", NULL);
  g_autofree char *tmp_journal = g_strconcat (tmp_path, "-journal", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp_path);
  g_unlink (tmp_journal);
  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dest, 1);
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          /* finish reports the error of a failed step too. */
          if (sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_DONE)
            rc = sqlite3_errcode (dest);
          else if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc == SQLITE_OK && !quick_check_ok (dest))
    rc = SQLITE_CORRUPT;

  if (rc != SQLITE_OK)
    {
      g_autofree char *detail = g_strdup (dest != NULL && sqlite3_errcode (dest) != SQLITE_OK
                                          ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      g_unlink (tmp_journal);
      set_sqlite_error (rc, dest_path, detail, error);
      return FALSE;
    }
  sqlite3_close (dest);

  /* SQLite synced the copy when its transaction committed; what is left to
   * make durable is the rename. */
  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_unlink (tmp_path);
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                   _("Could not write “%s”: %s"), dest_path, g_strerror (saved_errno));
      return FALSE;
    }
  sync_dir_of (dest_path);
  return TRUE;
}

/* Renames @path and its -wal and -shm to @aside_path(-wal, -shm). */
static gboolean
move_aside (const char  *path,
            const char  *aside_path,
            GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside_path, suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                       _("Could not move “%s” aside: %s"), from, g_strerror (saved_errno));
          return FALSE;
        }
    }
  sync_dir_of (path);
  return TRUE;
}

/* Parses "<stem>-YYYYmmdd-HHMMSS-<reason>.db". */
static AwdSnapshot *
parse_snapshot_name (const char *dir,
                     const char *name,
                     const char *stem)
{
  g_autoptr(AwdSnapshot) snapshot = NULL;
  gsize stem_len = strlen (stem);
  const char *stamp;
  const char *reason;
  gsize name_len = strlen (name);
  int y, mo, d, h, mi, s;
  GStatBuf st;

  if (name_len < stem_len + 1 + STAMP_LENGTH + 2 + 3 ||
      strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-' ||
      !g_str_has_suffix (name, ".db"))
    return NULL;

  stamp = name + stem_len + 1;
  reason = stamp + STAMP_LENGTH;
  if (*reason != '-' || reason + 1 >= name + name_len - 3)
    return NULL;
  for (int i = 0; i < STAMP_LENGTH; i++)
    if (i == 8 ? stamp[i] != '-' : !g_ascii_isdigit (stamp[i]))
      return NULL;
  if (sscanf (stamp, "%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return NULL;

  snapshot = g_new0 (AwdSnapshot, 1);
  snapshot->created = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (snapshot->created == NULL)
    return NULL;
  snapshot->path = g_build_filename (dir, name, NULL);
  snapshot->reason = g_strndup (reason + 1, (name + name_len - 3) - (reason + 1));
  if (g_stat (snapshot->path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;
  snapshot->size = st.st_size;
  snapshot->modified_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  return g_steal_pointer (&snapshot);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const AwdSnapshot *sa = *(AwdSnapshot * const *) a;
  const AwdSnapshot *sb = *(AwdSnapshot * const *) b;
  int by_time = g_date_time_compare (sb->created, sa->created);

  if (by_time != 0)
    return by_time;
  /* Same second: the file written last first. */
  if (sa->modified_ns != sb->modified_ns)
    return sa->modified_ns < sb->modified_ns ? 1 : -1;
  if (strlen (sa->path) != strlen (sb->path))
    return strlen (sa->path) < strlen (sb->path) ? 1 : -1;
  return strcmp (sb->path, sa->path);
}

/* Public API --------------------------------------------------------------- */

char *
awd_store_backups_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  g_return_val_if_fail (db_path != NULL, NULL);
  return g_build_filename (dir, "backups", NULL);
}

GPtrArray *
awd_store_list_snapshots (const char  *db_path,
                          GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) awd_snapshot_free);
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = awd_store_backups_dir (db_path);
  stem = snapshot_stem (db_path);
  d = g_dir_open (dir, 0, &local_error);
  if (d == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                   _("Could not read the backups folder “%s”: %s"), dir, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (d)) != NULL)
    {
      AwdSnapshot *snapshot = parse_snapshot_name (dir, name, stem);
      if (snapshot != NULL)
        g_ptr_array_add (list, snapshot);
    }
  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

static AwdSnapshot *
copy_snapshot (const AwdSnapshot *snapshot)
{
  AwdSnapshot *copy = g_new0 (AwdSnapshot, 1);

  copy->path = g_strdup (snapshot->path);
  copy->created = g_date_time_ref (snapshot->created);
  copy->size = snapshot->size;
  copy->reason = g_strdup (snapshot->reason);
  copy->modified_ns = snapshot->modified_ns;
  return copy;
}

AwdSnapshot *
awd_store_find_good_snapshot (const char  *db_path,
                              GError     **error)
{
  g_autoptr(GPtrArray) list = awd_store_list_snapshots (db_path, error);

  if (list == NULL)
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      const AwdSnapshot *snapshot = g_ptr_array_index (list, i);
      g_autoptr(GError) bad = NULL;

      if (check_database_file (snapshot->path, snapshot->path, &bad))
        return copy_snapshot (snapshot);
      g_message ("Skipping the snapshot %s: %s", snapshot->path, bad->message);
    }

  {
    g_autofree char *dir = awd_store_backups_dir (db_path);
    g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NOT_FOUND,
                 _("There is no usable backup of “%s” in “%s”"), db_path, dir);
  }
  return NULL;
}

void
awd_store_set_backups_kept (AwdStore *self,
                            guint     n_kept)
{
  g_return_if_fail (AWD_IS_STORE (self));
  self->backups_kept = MAX (n_kept, 1);
}

guint
awd_store_get_backups_kept (AwdStore *self)
{
  g_return_val_if_fail (AWD_IS_STORE (self), AWD_STORE_BACKUPS_KEPT_DEFAULT);
  return self->backups_kept;
}

char *
awd_store_take_snapshot (AwdStore    *self,
                         const char  *reason,
                         GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *stamp = make_stamp ();
  g_autofree char *clean = clean_reason (reason);
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  dir = awd_store_backups_dir (self->path);
  stem = snapshot_stem (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                   _("Could not create the backups folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  base = g_strdup_printf ("%s-%s-%s", stem, stamp, clean);
  path = next_snapshot_path (dir, base);
  if (!copy_database (self->db, path, error))
    {
      g_prefix_error (error, _("No backup was taken: "));
      return NULL;
    }

  g_debug ("Snapshot of %s taken: %s", self->path, path);
  return g_steal_pointer (&path);
}

gboolean
awd_store_prune_snapshots (const char  *db_path,
                           guint        n_kept,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = awd_store_list_snapshots (db_path, error);

  if (list == NULL)
    return FALSE;

  for (guint i = MAX (n_kept, 1); i < list->len; i++)
    {
      const AwdSnapshot *snapshot = g_ptr_array_index (list, i);

      if (g_unlink (snapshot->path) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                       _("Could not delete the old backup “%s”: %s"),
                       snapshot->path, g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
awd_store_snapshot (AwdStore    *self,
                    const char  *reason,
                    GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  path = awd_store_take_snapshot (self, reason, error);
  if (path == NULL)
    return FALSE;
  return awd_store_prune_snapshots (self->path, self->backups_kept, error);
}

void
awd_store_snapshot_if_stale (AwdStore *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *path = NULL;

  /* A file created just now holds nothing worth a copy. */
  if (!self->has_tables)
    return;

  list = awd_store_list_snapshots (self->path, &error);
  if (list == NULL)
    {
      g_message ("No daily snapshot of %s: %s", self->path, error->message);
      return;
    }

  now = g_date_time_new_now_utc ();
  if (list->len > 0)
    {
      const AwdSnapshot *newest = g_ptr_array_index (list, 0);
      if (g_date_time_difference (now, newest->created) < (GTimeSpan) DAY_SECONDS * G_TIME_SPAN_SECOND)
        return;
    }

  path = awd_store_take_snapshot (self, AWD_SNAPSHOT_REASON_DAILY, &error);
  if (path == NULL)
    g_message ("No daily snapshot of %s: %s", self->path, error->message);
}

/* Restore ------------------------------------------------------------------ */

static char *
restore_tmp_path (const char *db_path)
{
  return g_strconcat (db_path, ".restoring", NULL);
}

/* Copies the snapshot, checked, next to the database under a temporary
 * name; the caller renames it into place. */
static char *
stage_snapshot (const char  *db_path,
                const char  *snapshot_path,
                GError     **error)
{
  g_autofree char *staged = restore_tmp_path (db_path);
  sqlite3 *source = NULL;
  int rc;

  if (!check_database_file (snapshot_path, snapshot_path, error))
    return NULL;

  rc = sqlite3_open_v2 (snapshot_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (rc, snapshot_path, sqlite3_errstr (rc), error);
      sqlite3_close (source);
      return NULL;
    }
  if (!copy_database (source, staged, error))
    {
      sqlite3_close (source);
      return NULL;
    }
  sqlite3_close (source);
  return g_steal_pointer (&staged);
}

gboolean
awd_store_restore (AwdStore     *self,
                   const char   *snapshot_path,
                   char        **out_moved_aside,
                   GError      **error)
{
  g_autofree char *staged = NULL;
  g_autofree char *pre_restore = NULL;
  g_autofree char *aside_base = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *stamp = make_stamp ();
  g_autofree char *snapshot_name = NULL;
  g_autoptr(GError) reopen_error = NULL;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot_path != NULL, FALSE);

  if (self->read_only || self->lock == NULL)
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only; a backup can only be restored by the program that edits it"),
                   self->path);
      return FALSE;
    }
  if (self->transaction_depth > 0)
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FAILED,
                   _("A change is still in progress; finish it before restoring a backup"));
      return FALSE;
    }

  /* 1. The snapshot, checked, copied next to the file. Nothing changed yet. */
  staged = stage_snapshot (self->path, snapshot_path, error);
  if (staged == NULL)
    return FALSE;

  /* 2. The current state as a snapshot of its own, so the restore can be undone. */
  pre_restore = awd_store_take_snapshot (self, AWD_SNAPSHOT_REASON_RESTORE, error);
  if (pre_restore == NULL)
    {
      g_unlink (staged);
      return FALSE;
    }

  /* 3. Swap: close (checkpoints the -wal into the file), move the file
   *    aside, rename the copy into place. The writers' lock stays held. */
  awd_store_close_connection (self);
  aside_base = g_strdup_printf ("%s.replaced-%s", self->path, stamp);
  aside = unique_path (aside_base, "");
  if (!move_aside (self->path, aside, error))
    {
      g_unlink (staged);
      if (!awd_store_open_connection (self, FALSE, &reopen_error))
        g_warning ("Could not reopen %s: %s", self->path, reopen_error->message);
      return FALSE;
    }
  if (g_rename (staged, self->path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                   _("Could not put the backup in place of “%s”: %s"), self->path,
                   g_strerror (saved_errno));
      g_unlink (staged);
      move_aside (aside, self->path, NULL);
      if (!awd_store_open_connection (self, FALSE, &reopen_error))
        g_warning ("Could not reopen %s: %s", self->path, reopen_error->message);
      return FALSE;
    }
  sync_dir_of (self->path);

  /* 4. Reopen on the restored file; should that fail, put the old one back. */
  if (!awd_store_open_connection (self, FALSE, error) ||
      (self->schema_version < awd_store_latest_schema_version () && !awd_store_migrate (self, error)))
    {
      g_autofree char *failed = g_strconcat (self->path, ".restore-failed-", stamp, NULL);

      awd_store_close_connection (self);
      move_aside (self->path, failed, NULL);
      move_aside (aside, self->path, NULL);
      if (!awd_store_open_connection (self, FALSE, &reopen_error))
        g_warning ("Could not reopen %s: %s", self->path, reopen_error->message);
      return FALSE;
    }

  /* The restored file says where it came from; its chain carries on. */
  snapshot_name = g_path_get_basename (snapshot_path);
  if (!awd_store_begin (self, &reopen_error) ||
      !awd_store_audit (self, 0, "restore", "database", 0, NULL, snapshot_name, &reopen_error) ||
      !awd_store_commit (self, &reopen_error))
    {
      awd_store_rollback (self);
      g_message ("Could not record the restore of %s: %s", self->path,
                 reopen_error != NULL ? reopen_error->message : "?");
    }

  if (out_moved_aside != NULL)
    *out_moved_aside = g_steal_pointer (&aside);
  return TRUE;
}

/* Recovery ----------------------------------------------------------------- */

/* Whether the file opens and passes the checks of a writer's open, without
 * letting go of the lock we hold. */
static gboolean
probe_open (const char  *path,
            GError     **error)
{
  g_autoptr(AwdStore) probe = g_object_new (AWD_TYPE_STORE, NULL);

  probe->path = g_strdup (path);
  probe->read_only = FALSE;
  return awd_store_open_connection (probe, FALSE, error);
}

static gboolean
main_file_alone_is_sound (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", TRUE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

  return check_database_file (uri, path, NULL);
}

gboolean
awd_store_recover (const char   *db_path,
                   const char   *snapshot_path,
                   char        **out_restored_from,
                   char        **out_moved_aside,
                   GError      **error)
{
  g_autofree char *wal_path = NULL;
  g_autofree char *stamp = make_stamp ();
  g_autofree char *staged = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GError) probe_error = NULL;
  AwdStoreLock *lock;
  gboolean exists;
  gboolean ok = FALSE;

  g_return_val_if_fail (db_path != NULL, FALSE);

  lock = awd_store_lock_acquire (db_path, g_get_real_name (), error);
  if (lock == NULL)
    return FALSE;

  wal_path = g_strconcat (db_path, "-wal", NULL);
  exists = g_file_test (db_path, G_FILE_TEST_EXISTS);

  if (exists && snapshot_path == NULL)
    {
      if (probe_open (db_path, &probe_error))
        {
          /* Nothing to recover. */
          ok = TRUE;
          goto out;
        }
      g_message ("Recovering %s: %s", db_path, probe_error->message);

      /* Only the -wal at fault: keep the main file, put the -wal aside. */
      if (g_file_test (wal_path, G_FILE_TEST_EXISTS) && main_file_alone_is_sound (db_path))
        {
          g_autofree char *wal_aside_base = g_strconcat (wal_path, ".foreign-", stamp, NULL);
          g_autofree char *wal_aside = unique_path (wal_aside_base, "");
          g_autofree char *shm_path = g_strconcat (db_path, "-shm", NULL);
          g_autofree char *shm_aside = g_strconcat (wal_aside, "-shm", NULL);

          if (g_rename (wal_path, wal_aside) != 0)
            {
              int saved_errno = errno;
              g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                           _("Could not move “%s” aside: %s"), wal_path, g_strerror (saved_errno));
              goto out;
            }
          if (g_file_test (shm_path, G_FILE_TEST_EXISTS))
            g_rename (shm_path, shm_aside);
          sync_dir_of (db_path);

          g_clear_error (&probe_error);
          if (probe_open (db_path, &probe_error))
            {
              if (out_moved_aside != NULL)
                *out_moved_aside = g_steal_pointer (&wal_aside);
              ok = TRUE;
              goto out;
            }
        }
    }

  /* The snapshot to restore, checked and copied next to the file. */
  if (snapshot_path != NULL)
    source = g_strdup (snapshot_path);
  else
    {
      g_autoptr(AwdSnapshot) good = awd_store_find_good_snapshot (db_path, error);
      if (good == NULL)
        goto out;
      source = g_strdup (good->path);
    }
  staged = stage_snapshot (db_path, source, error);
  if (staged == NULL)
    goto out;

  if (exists)
    {
      g_autofree char *aside_base = g_strconcat (db_path, ".damaged-", stamp, NULL);
      aside = unique_path (aside_base, "");
      if (!move_aside (db_path, aside, error))
        {
          g_unlink (staged);
          goto out;
        }
    }

  if (g_rename (staged, db_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO,
                   _("Could not put the backup in place of “%s”: %s"), db_path,
                   g_strerror (saved_errno));
      g_unlink (staged);
      if (aside != NULL)
        move_aside (aside, db_path, NULL);
      goto out;
    }
  sync_dir_of (db_path);

  if (out_restored_from != NULL)
    *out_restored_from = g_steal_pointer (&source);
  if (out_moved_aside != NULL)
    *out_moved_aside = g_steal_pointer (&aside);
  ok = TRUE;

out:
  awd_store_lock_release (lock);
  return ok;
}
