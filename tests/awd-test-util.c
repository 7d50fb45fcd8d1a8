/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-test-util"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "awd-test-util.h"

char *
awd_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("awd-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
awd_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    return;
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        awd_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

AwdStore *
awd_test_open_store (const char *dir,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  AwdStore *store = awd_store_open (path, AWD_STORE_OPEN_CREATE, "Тестовый оператор", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
awd_test_store_fixture_set_up (AwdTestStoreFixture *f,
                               gconstpointer        data)
{
  f->dir = awd_test_make_dir ();
  f->path = g_build_filename (f->dir, "awards.db", NULL);
  f->store = awd_test_open_store (f->dir, "awards.db");
}

void
awd_test_store_fixture_tear_down (AwdTestStoreFixture *f,
                                  gconstpointer        data)
{
  g_clear_object (&f->store);
  awd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

gint64
awd_test_add_round (AwdStore   *store,
                    const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdRound) round = awd_round_new ();

  awd_round_set_award (round, "Премия имени М. И. Рудомино");
  awd_round_set_title (round, title);
  awd_round_set_number (round, 4);
  awd_round_set_year (round, 2024);
  g_assert_true (awd_store_insert_round (store, round, &error));
  g_assert_no_error (error);
  return awd_round_get_id (round);
}

void
awd_test_raw_sql (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("raw SQL failed: %s: %s", sql, message);
  sqlite3_close (db);
}

gint64
awd_test_raw_count (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}
