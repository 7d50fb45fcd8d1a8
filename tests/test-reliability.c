/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reliability"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "awd-store-backups.h"
#include "awd-test-util.h"

/* Snapshots, restore, and what happens to a damaged file at open: bytes
 * overwritten, a file cut short, a -wal from another database, a missing
 * file. Every test checks that nothing was deleted and nothing lost. */

typedef AwdTestStoreFixture Fixture;

static gint64
count_rounds_titled (const char *path,
                     const char *title)
{
  char *sql = sqlite3_mprintf ("SELECT count(*) FROM round WHERE title = %Q", title);
  gint64 count = awd_test_raw_count (path, sql);

  sqlite3_free (sql);
  return count;
}

static GPtrArray *
list_snapshots (const char *path)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = awd_store_list_snapshots (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The one file in @dir whose name starts with @prefix, or NULL. */
static char *
find_file (const char *dir,
           const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      {
        g_assert_null (found);
        found = g_build_filename (dir, name, NULL);
      }
  return found;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_true (g_file_set_contents (to, contents, length, &error));
  g_assert_no_error (error);
}

/* Snapshots ---------------------------------------------------------------- */

static void
test_snapshot_named_and_listed (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *base = NULL;
  g_autofree char *dir = awd_store_backups_dir (f->path);
  g_autofree char *expected_dir = g_build_filename (f->dir, "backups", NULL);
  const AwdSnapshot *snapshot;

  awd_test_add_round (f->store, "До снимка");
  g_assert_true (awd_store_snapshot (f->store, AWD_SNAPSHOT_REASON_CLOSE, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (dir, ==, expected_dir);
  list = list_snapshots (f->path);
  g_assert_cmpuint (list->len, ==, 1);
  snapshot = g_ptr_array_index (list, 0);
  base = g_path_get_basename (snapshot->path);
  g_assert_true (g_regex_match_simple ("^awards-[0-9]{8}-[0-9]{6}-close\\.db$", base, 0, 0));
  g_assert_cmpstr (snapshot->reason, ==, "close");
  g_assert_cmpint (snapshot->size, >, 0);
  g_assert_cmpint (ABS (g_date_time_difference (now, snapshot->created)), <, 120 * G_TIME_SPAN_SECOND);

  /* The copy holds the data, passes integrity_check, needs no -wal. */
  g_assert_cmpint (count_rounds_titled (snapshot->path, "До снимка"), ==, 1);
  g_assert_cmpint (awd_test_raw_count (snapshot->path, "SELECT count(*) FROM pragma_integrity_check "
                                                       "WHERE integrity_check = 'ok'"), ==, 1);
  g_assert_cmpint (awd_test_raw_count (snapshot->path, "SELECT count(*) FROM pragma_journal_mode "
                                                       "WHERE journal_mode = 'delete'"), ==, 1);
  /* No temporary file is left behind. */
  g_assert_null (find_file (dir, "awards.db.tmp"));
}

static void
test_snapshot_keeps_last_n (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *newest = NULL;

  awd_store_set_backups_kept (f->store, 3);
  g_assert_cmpuint (awd_store_get_backups_kept (f->store), ==, 3);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("Сезон %d", i);
      awd_test_add_round (f->store, title);
      g_assert_true (awd_store_snapshot (f->store, "close", &error));
      g_assert_no_error (error);
    }

  list = list_snapshots (f->path);
  g_assert_cmpuint (list->len, ==, 3);
  /* Newest first: the first one has all five rounds. */
  newest = g_strdup (((AwdSnapshot *) g_ptr_array_index (list, 0))->path);
  g_assert_cmpint (awd_test_raw_count (newest, "SELECT count(*) FROM round"), ==, 5);
  g_assert_cmpint (awd_test_raw_count (((AwdSnapshot *) g_ptr_array_index (list, 2))->path,
                                       "SELECT count(*) FROM round"), ==, 3);
}

static void
test_snapshot_daily_at_open (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "awards.db", NULL);
  g_autoptr(AwdStore) store = awd_test_open_store (dir, "awards.db");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_path = NULL;

  awd_test_add_round (store, "Сезон");
  g_clear_object (&store);
  list = list_snapshots (path);
  g_assert_cmpuint (list->len, ==, 0);   /* a new file: nothing yet */
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The first writer's open of an existing file takes the day's snapshot. */
  store = awd_test_open_store (dir, "awards.db");
  g_clear_object (&store);
  list = list_snapshots (path);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((AwdSnapshot *) g_ptr_array_index (list, 0))->reason, ==, "daily");

  /* Not twice the same day, and never for a reader. */
  store = awd_test_open_store (dir, "awards.db");
  g_clear_object (&store);
  store = awd_store_open (path, AWD_STORE_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_snapshots (path);
  g_assert_cmpuint (list->len, ==, 1);

  /* Two days later (the snapshot renamed back in time): another one. */
  old_path = g_build_filename (dir, "backups", "awards-20000101-000000-daily.db", NULL);
  g_assert_cmpint (g_rename (((AwdSnapshot *) g_ptr_array_index (list, 0))->path, old_path), ==, 0);
  store = awd_test_open_store (dir, "awards.db");
  g_clear_object (&store);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_snapshots (path);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((AwdSnapshot *) g_ptr_array_index (list, 1))->path, ==, old_path);
  awd_test_remove_dir (dir);
}

/* Restore ------------------------------------------------------------------ */

static void
test_restore_open_store (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(AwdStore) second = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *pre_restore = NULL;

  awd_test_add_round (f->store, "Старый");
  snapshot = awd_store_take_snapshot (f->store, "manual", &error);
  g_assert_no_error (error);
  awd_test_add_round (f->store, "Новый");

  g_assert_true (awd_store_restore (f->store, snapshot, &aside, &error));
  g_assert_no_error (error);

  /* The store now shows the snapshot's content and still writes. */
  g_assert_cmpint (count_rounds_titled (f->path, "Старый"), ==, 1);
  g_assert_cmpint (count_rounds_titled (f->path, "Новый"), ==, 0);
  awd_test_add_round (f->store, "После");
  g_assert_cmpint (count_rounds_titled (f->path, "После"), ==, 1);

  /* Nothing lost: the replaced file is aside, and a "restore" snapshot too. */
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, f->path));
  g_assert_nonnull (strstr (aside, ".replaced-"));
  g_assert_cmpint (count_rounds_titled (aside, "Новый"), ==, 1);
  list = list_snapshots (f->path);
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((AwdSnapshot *) g_ptr_array_index (list, i))->reason, "restore") == 0)
      pre_restore = g_strdup (((AwdSnapshot *) g_ptr_array_index (list, i))->path);
  g_assert_nonnull (pre_restore);
  g_assert_cmpint (count_rounds_titled (pre_restore, "Новый"), ==, 1);

  /* The writers' lock was held throughout and still is. */
  second = awd_store_open (f->path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_null (second);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* The restore is in the audit log, whose chain is intact. */
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT count(*) FROM audit WHERE action = 'restore'"), ==, 1);
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_assert_true (awd_store_check (f->store, problems, &error));
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_restore_bad_snapshot_refused (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (f->dir, "bad.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *aside = NULL;

  awd_test_add_round (f->store, "Текущий");
  g_assert_true (g_file_set_contents (bad, "SQLite format 3\0garbage garbage garbage", 40, NULL));
  before = file_checksum (f->path);

  g_assert_false (awd_store_restore (f->store, bad, &aside, &error));
  g_assert_nonnull (error);
  g_assert_null (aside);
  g_clear_error (&error);

  /* Untouched, and the store still works. */
  g_assert_null (find_file (f->dir, "awards.db.replaced-"));
  g_assert_cmpint (count_rounds_titled (f->path, "Текущий"), ==, 1);
  awd_test_add_round (f->store, "Ещё");
  g_assert_cmpint (count_rounds_titled (f->path, "Ещё"), ==, 1);
}

/* Damage at open ------------------------------------------------------------ */

/* A database with round "Сохранённый" in a snapshot and "Позже" only in the
 * file, closed cleanly. */
static char *
make_database_with_snapshot (const char *dir)
{
  g_autoptr(AwdStore) store = awd_test_open_store (dir, "awards.db");
  g_autoptr(GError) error = NULL;

  awd_test_add_round (store, "Сохранённый");
  g_assert_true (awd_store_snapshot (store, "close", &error));
  g_assert_no_error (error);
  awd_test_add_round (store, "Позже");
  g_clear_object (&store);
  return g_build_filename (dir, "awards.db", NULL);
}

static void
overwrite (const char *path,
           goffset     offset,
           gsize       length,
           guchar      byte)
{
  FILE *file = fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  for (gsize i = 0; i < length; i++)
    fputc (byte, file);
  fclose (file);
}

static void
assert_recovered_from_snapshot (const char *dir,
                                const char *path,
                                const char *damaged_checksum)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;
  g_autofree char *from = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_checksum = NULL;

  g_assert_true (awd_store_recover (path, NULL, &from, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (from);
  g_assert_true (g_str_has_suffix (from, "-close.db"));

  /* The damaged file is kept, byte for byte. */
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (aside, "awards.db.damaged-"));
  aside_checksum = file_checksum (aside);
  g_assert_cmpstr (aside_checksum, ==, damaged_checksum);

  store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (count_rounds_titled (path, "Сохранённый"), ==, 1);
}

static void
test_corrupt_overwritten_pages (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = make_database_with_snapshot (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;
  g_autofree char *damaged = NULL;

  /* Pages 2 to 6 (b-tree roots of the first tables) overwritten. */
  overwrite (path, 4096, 5 * 4096, 0xA5);
  damaged = file_checksum (path);

  store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  store = awd_store_open (path, AWD_STORE_OPEN_READ_ONLY, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT);
  /* A failed open changes nothing. */
  {
    g_autofree char *after = file_checksum (path);
    g_assert_cmpstr (after, ==, damaged);
  }

  assert_recovered_from_snapshot (dir, path, damaged);
  awd_test_remove_dir (dir);
}

static void
test_corrupt_flipped_header_bytes (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = make_database_with_snapshot (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* Flip every byte of the b-tree page headers of pages 2..8. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize page = 1; page < 8 && (page + 1) * 4096 <= length; page++)
    for (gsize i = 0; i < 12; i++)
      contents[page * 4096 + i] ^= 0xFF;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  damaged = file_checksum (path);

  store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT);

  assert_recovered_from_snapshot (dir, path, damaged);
  awd_test_remove_dir (dir);
}

static void
test_corrupt_truncated (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = make_database_with_snapshot (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;
  g_autofree char *damaged = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (truncate (path, st.st_size / 2), ==, 0);
  damaged = file_checksum (path);

  store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT);

  assert_recovered_from_snapshot (dir, path, damaged);
  awd_test_remove_dir (dir);
}

static void
test_corrupt_no_snapshot_leaves_file (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "awards.db", NULL);
  g_autoptr(AwdStore) store = awd_test_open_store (dir, "awards.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *after = NULL;

  awd_test_add_round (store, "Единственный");
  g_clear_object (&store);
  overwrite (path, 4096, 4 * 4096, 0x00);
  damaged = file_checksum (path);

  g_assert_false (awd_store_recover (path, NULL, NULL, NULL, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NOT_FOUND);
  /* Nothing to restore: the file stays where it is, as it is. */
  after = file_checksum (path);
  g_assert_cmpstr (after, ==, damaged);
  g_assert_null (find_file (dir, "awards.db.damaged-"));
  awd_test_remove_dir (dir);
}

static void
test_recover_missing_file (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = make_database_with_snapshot (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;
  g_autofree char *from = NULL;
  g_autofree char *aside = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (awd_store_recover (path, NULL, &from, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (from);
  g_assert_null (aside);
  store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rounds_titled (path, "Сохранённый"), ==, 1);
  awd_test_remove_dir (dir);
}

static void
test_recover_healthy_file_untouched (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = make_database_with_snapshot (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *aside = NULL;

  g_assert_true (awd_store_recover (path, NULL, &from, &aside, &error));
  g_assert_no_error (error);
  g_assert_null (from);
  g_assert_null (aside);
  g_assert_cmpint (count_rounds_titled (path, "Позже"), ==, 1);
  awd_test_remove_dir (dir);
}

/* -wal files ---------------------------------------------------------------- */

/* Copies @path and its -wal while @store is open: the image a crash leaves. */
static void
copy_crash_image (const char *path,
                  const char *to_path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *to_wal = g_strconcat (to_path, "-wal", NULL);

  copy_file (path, to_path);
  copy_file (wal, to_wal);
}

static void
test_wal_own_replayed (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "awards.db", NULL);
  g_autofree char *crash = g_build_filename (dir, "crash.db", NULL);
  g_autofree char *crash_wal = g_strconcat (crash, "-wal", NULL);
  g_autoptr(AwdStore) store = awd_test_open_store (dir, "awards.db");
  g_autoptr(AwdStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  awd_test_add_round (store, "Первый");
  g_clear_object (&store);                      /* checkpointed */
  store = awd_test_open_store (dir, "awards.db");
  awd_test_add_round (store, "Только в wal");
  copy_crash_image (path, crash);
  g_assert_cmpint (g_stat (crash_wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  /* Our own -wal after a crash: accepted, its commits kept. */
  reopened = awd_store_open (crash, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
  g_clear_object (&reopened);
  g_assert_cmpint (count_rounds_titled (crash, "Только в wal"), ==, 1);
  g_assert_cmpint (count_rounds_titled (crash, "Первый"), ==, 1);
  awd_test_remove_dir (dir);
}

static void
test_wal_foreign_refused (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "awards.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *image = g_build_filename (dir, "image.db", NULL);
  g_autofree char *image_wal = g_strconcat (image, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *from = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(AwdStore) foreign = NULL;
  g_autoptr(GError) error = NULL;

  store = awd_test_open_store (dir, "awards.db");
  awd_test_add_round (store, "Наш");
  g_clear_object (&store);
  before = file_checksum (path);

  /* Another Award Desk file, same schema, other operator, with commits
   * only in its -wal. */
  foreign = awd_store_open (other, AWD_STORE_OPEN_CREATE, "Другой оператор", &error);
  g_assert_no_error (error);
  awd_test_add_round (foreign, "Чужой");
  copy_crash_image (other, image);
  g_clear_object (&foreign);
  copy_file (image_wal, wal);

  /* SQLite alone would apply it; the store refuses and changes nothing. */
  store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "-wal"));
  g_clear_error (&error);
  after = file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Recovery puts the -wal aside and keeps the main file. */
  g_assert_true (awd_store_recover (path, NULL, &from, &aside, &error));
  g_assert_no_error (error);
  g_assert_null (from);
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (aside, "-wal.foreign-"));
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (count_rounds_titled (path, "Наш"), ==, 1);
  g_assert_cmpint (count_rounds_titled (path, "Чужой"), ==, 0);
  awd_test_remove_dir (dir);
}

/* The command line ----------------------------------------------------------- */

static int
run_cli (const char  *db,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("AWD_CLI");
  const char *arg;
  int status = -1;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_backups_and_restore (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = make_database_with_snapshot (dir);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_cmpint (run_cli (path, &out, &err, "backups", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);    /* one line, then "" */
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_true (g_file_test (fields[0], G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       fields[1], 0, 0));
  g_assert_cmpint (g_ascii_strtoll (fields[2], NULL, 10), >, 0);
  g_assert_cmpstr (fields[3], ==, "close");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Damaged: `check` fails, `restore` brings back the snapshot. */
  overwrite (path, 4096, 5 * 4096, 0x5A);
  g_assert_cmpint (run_cli (path, &out, &err, "check", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (path, &out, &err, "restore", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, ".damaged-"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (path, &out, &err, "check", NULL), ==, 0);
  g_assert_cmpint (count_rounds_titled (path, "Сохранённый"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A snapshot that does not exist is refused; usage is checked. */
  g_assert_cmpint (run_cli (path, &out, &err, "restore", "/nonexistent/x.db", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (path, &out, &err, "restore", "a", "b", NULL), ==, 2);
  awd_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, awd_test_store_fixture_set_up, fn, awd_test_store_fixture_tear_down)
  ADD ("/reliability/snapshot/named-and-listed", test_snapshot_named_and_listed);
  ADD ("/reliability/snapshot/keeps-last-n", test_snapshot_keeps_last_n);
  g_test_add_func ("/reliability/snapshot/daily-at-open", test_snapshot_daily_at_open);
  ADD ("/reliability/restore/open-store", test_restore_open_store);
  ADD ("/reliability/restore/bad-snapshot-refused", test_restore_bad_snapshot_refused);
  g_test_add_func ("/reliability/corrupt/overwritten-pages", test_corrupt_overwritten_pages);
  g_test_add_func ("/reliability/corrupt/flipped-header-bytes", test_corrupt_flipped_header_bytes);
  g_test_add_func ("/reliability/corrupt/truncated", test_corrupt_truncated);
  g_test_add_func ("/reliability/corrupt/no-snapshot-leaves-file", test_corrupt_no_snapshot_leaves_file);
  g_test_add_func ("/reliability/recover/missing-file", test_recover_missing_file);
  g_test_add_func ("/reliability/recover/healthy-file-untouched", test_recover_healthy_file_untouched);
  g_test_add_func ("/reliability/wal/own-replayed", test_wal_own_replayed);
  g_test_add_func ("/reliability/wal/foreign-refused", test_wal_foreign_refused);
  g_test_add_func ("/reliability/cli/backups-and-restore", test_cli_backups_and_restore);
#undef ADD

  return g_test_run ();
}
