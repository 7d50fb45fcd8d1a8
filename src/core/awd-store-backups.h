/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-store.h"

G_BEGIN_DECLS

/* Snapshots of the database, taken with SQLite's backup API into
 * `<folder of the file>/backups/<name>-YYYYmmdd-HHMMSS-<reason>.db` (the
 * time in UTC; <name> is the file's name without ".db"). Each is written
 * to a temporary file, checked with quick_check, synced, then renamed, so
 * a snapshot under its final name is always whole.
 *
 * The store takes them by itself once a day (the first read-write open of
 * a day), before every migration of existing data and before a restore;
 * the application adds one when it closes (awd_store_snapshot()).
 *
 * Restoring never deletes anything: the file it replaces is renamed to
 * `<file>.replaced-YYYYmmdd-HHMMSS` (a damaged one to
 * `<file>.damaged-YYYYmmdd-HHMMSS`), its -wal beside it. */

#define AWD_STORE_BACKUPS_KEPT_DEFAULT 7

/* Reasons the store itself uses. */
#define AWD_SNAPSHOT_REASON_CLOSE   "close"
#define AWD_SNAPSHOT_REASON_DAILY   "daily"
#define AWD_SNAPSHOT_REASON_MIGRATE "migrate"
#define AWD_SNAPSHOT_REASON_RESTORE "restore"
#define AWD_SNAPSHOT_REASON_MANUAL  "manual"

typedef struct {
  char      *path;
  GDateTime *created;   /* UTC, from the file's name */
  goffset    size;      /* bytes */
  char      *reason;    /* as in the name: "close", "daily", … */
  gint64     modified_ns; /* the file's mtime; orders snapshots of one second */
} AwdSnapshot;

void         awd_snapshot_free              (AwdSnapshot  *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwdSnapshot, awd_snapshot_free)

/* `<folder of @db_path>/backups`. */
char        *awd_store_backups_dir          (const char   *db_path);

/* The snapshots of @db_path (AwdSnapshot), newest first. A missing backups
 * folder is an empty list, not an error. */
GPtrArray   *awd_store_list_snapshots       (const char   *db_path,
                                             GError      **error);

/* The newest snapshot that passes quick_check and is an Award Desk file
 * this version can open, or NULL with an error saying none is usable. */
AwdSnapshot *awd_store_find_good_snapshot   (const char   *db_path,
                                             GError      **error);

/* How many snapshots awd_store_snapshot() keeps (the GUI's GSetting
 * backups-kept); at least 1. */
void         awd_store_set_backups_kept     (AwdStore     *self,
                                             guint         n_kept);
guint        awd_store_get_backups_kept     (AwdStore     *self);

/* Takes a snapshot now (@reason: letters and digits, such as
 * AWD_SNAPSHOT_REASON_CLOSE) and then deletes the oldest snapshots beyond
 * awd_store_get_backups_kept(). The GUI calls it when the window closes. */
gboolean     awd_store_snapshot             (AwdStore     *self,
                                             const char   *reason,
                                             GError      **error);

/* Takes a snapshot without pruning; returns its path. */
char        *awd_store_take_snapshot        (AwdStore     *self,
                                             const char   *reason,
                                             GError      **error);

/* Deletes the oldest snapshots of @db_path beyond @n_kept. */
gboolean     awd_store_prune_snapshots      (const char   *db_path,
                                             guint         n_kept,
                                             GError      **error);

/* Replaces the content of the open (read-write) store with @snapshot_path:
 * checks the snapshot, takes a "restore" snapshot of the current state,
 * copies the snapshot in with the backup API next to the file, moves the
 * current file aside (`.replaced-…`, never deleted), renames the copy into
 * place and reopens the store on it, holding the writers' lock throughout.
 * On success @out_moved_aside (nullable) gets the replaced file's new
 * path. On failure the store is still open on the file it had. */
gboolean     awd_store_restore              (AwdStore     *self,
                                             const char   *snapshot_path,
                                             char        **out_moved_aside,
                                             GError      **error);

/* Recovery of a file that does not open (damaged, truncated, a foreign
 * -wal, or missing while snapshots exist), without an open store: takes
 * the writers' lock, and
 *  - when only the -wal is at fault (the main file alone is sound), moves
 *    the -wal aside (`<file>-wal.foreign-…`) and keeps the main file;
 *  - otherwise moves the file (and its -wal) aside as
 *    `<file>.damaged-YYYYmmdd-HHMMSS` and copies in @snapshot_path, or
 *    when NULL the newest good snapshot.
 * @out_restored_from (nullable): the snapshot used, or NULL when none was
 * needed; @out_moved_aside (nullable): what was moved aside. Nothing is
 * deleted. The caller opens the file afterwards as usual. */
gboolean     awd_store_recover              (const char   *db_path,
                                             const char   *snapshot_path,
                                             char        **out_restored_from,
                                             char        **out_moved_aside,
                                             GError      **error);

G_END_DECLS
