/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "awd-fold.h"
#include "awd-test-util.h"

typedef AwdTestStoreFixture Fixture;

static char *
pragma_text (const char *path,
             const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Opening ---------------------------------------------------------------- */

static void
test_open_new_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *journal = pragma_text (f->path, "PRAGMA journal_mode");
  g_autofree char *app_id = pragma_text (f->path, "PRAGMA application_id");
  g_autofree char *version = pragma_text (f->path, "PRAGMA user_version");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rounds = awd_store_list_rounds (f->store, &error);

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (app_id, ==, "1096238129");
  g_assert_cmpstr (version, ==, "1");
  g_assert_cmpint (awd_store_get_schema_version (f->store), ==, AWD_STORE_SCHEMA_VERSION);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 0);
}

static void
test_open_foreign_keys_enforced (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 round_id = awd_test_add_round (f->store, "Сезон");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdCategory) category = awd_category_new ();

  /* foreign_keys is off by default in SQLite and set per connection: the
   * cascade from round to category only happens when the store set it. */
  awd_category_set_round_id (category, round_id);
  awd_category_set_name (category, "Номинация");
  g_assert_true (awd_store_insert_category (f->store, category, &error));
  g_assert_true (awd_store_delete_round (f->store, round_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT count(*) FROM category"), ==, 0);
}

static void
test_open_missing_refused (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "none.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  awd_test_remove_dir (dir);
}

static void
test_open_foreign_refused (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;

  awd_test_raw_sql (path, "CREATE TABLE notes (x); INSERT INTO notes VALUES (1);");
  store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FOREIGN);
  /* Untouched: still one table, no schema of ours. */
  g_assert_cmpint (awd_test_raw_count (path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  awd_test_remove_dir (dir);
}

static void
test_open_not_sqlite_refused (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "text.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "Это не база данных, а просто текст.\n"
                                      "It is long enough to look like a header of something.", -1, NULL));
  store = awd_store_open (path, AWD_STORE_OPEN_READ_ONLY, NULL, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->code == AWD_STORE_ERROR_CORRUPT || error->code == AWD_STORE_ERROR_FAILED);
  awd_test_remove_dir (dir);
}

static void
test_open_too_new_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) again = NULL;

  g_clear_object (&f->store);
  awd_test_raw_sql (f->path, "PRAGMA user_version = 99");
  again = awd_store_open (f->path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_TOO_NEW);
}

static void
test_open_corrupt_detected (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) again = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  for (int i = 0; i < 20; i++)
    awd_test_add_round (f->store, "Сезон для страниц");
  g_clear_object (&f->store);   /* checkpoints the WAL into the file */

  /* Scramble the middle of page 3 onwards: b-tree pages of our tables. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096 * 4);
  for (gsize i = 4096 * 2 + 8; i < 4096 * 2 + 400; i++)
    contents[i] ^= 0x5a;
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  again = awd_store_open (f->path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_null (again);
  g_assert_nonnull (error);
  g_assert_true (error->code == AWD_STORE_ERROR_CORRUPT);
}

/* Migrations ------------------------------------------------------------- */

static void
test_migrate_from_empty (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = awd_store_open (path, AWD_STORE_OPEN_CREATE, NULL, &error);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_assert_no_error (error);
  g_assert_true (awd_store_check (store, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  /* One audit row for the migration, and no backup of an empty file. */
  g_assert_cmpint (awd_store_count_audit (store, NULL), ==, 1);
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".bak"));
  awd_test_remove_dir (dir);
}

static void
test_migrate_from_v1_fixture (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "fixture-v1.db", NULL);
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GListModel) criteria = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));

  store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  rounds = awd_store_list_rounds (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 1);
  {
    g_autoptr(AwdRound) round = g_list_model_get_item (rounds, 0);
    g_assert_cmpstr (awd_round_get_title (round), ==, "Сезон 2023 года");
    criteria = awd_store_list_criteria (store, awd_round_get_id (round), &error);
    g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 2);
  }
  awd_test_remove_dir (dir);
}

static void
test_migrate_backs_up_existing_data (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GDir) d = NULL;
  g_autofree char *backup = NULL;
  const char *name;

  /* An Award Desk file from before schema 1 that holds data of its own. */
  awd_test_raw_sql (path, "PRAGMA application_id = 1096238129;"
                          "CREATE TABLE legacy (x); INSERT INTO legacy VALUES ('данные');");
  store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_no_error (error);

  /* The "migrate" snapshot in the backups folder (awd-store-backups.h). */
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  d = g_dir_open (backups, 0, NULL);
  g_assert_nonnull (d);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "old-") && g_str_has_suffix (name, "-migrate.db"))
      backup = g_build_filename (backups, name, NULL);
  g_assert_nonnull (backup);
  g_assert_cmpint (awd_test_raw_count (backup, "SELECT count(*) FROM legacy"), ==, 1);
  g_assert_cmpint (awd_test_raw_count (backup, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (awd_test_raw_count (path, "PRAGMA user_version"), ==, 1);
  awd_test_remove_dir (dir);
}

static void
test_read_only_needs_upgrade (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;

  awd_test_raw_sql (path, "PRAGMA application_id = 1096238129; CREATE TABLE legacy (x);");
  store = awd_store_open (path, AWD_STORE_OPEN_READ_ONLY, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NEEDS_UPGRADE);
  awd_test_remove_dir (dir);
}

/* The writers' lock ----------------------------------------------------- */

static void
test_lock_second_writer_refused (Fixture       *f,
                                 gconstpointer  data)
{
  pid_t child;
  int status = 0;

  /* A separate process, as a second copy of the application would be. */
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      GError *error = NULL;
      AwdStore *other = awd_store_open (f->path, AWD_STORE_OPEN_READ_WRITE, "Другой", &error);

      if (other != NULL)
        _exit (10);
      if (!g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_LOCKED))
        _exit (11);
      /* The message names the holder. */
      if (strstr (error->message, "Тестовый оператор") == NULL)
        _exit (12);
      _exit (0);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_lock_read_only_while_locked (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) reader = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(AwdRound) round = awd_round_new ();

  awd_test_add_round (f->store, "Сезон");
  reader = awd_store_open (f->path, AWD_STORE_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (awd_store_is_read_only (reader));
  rounds = awd_store_list_rounds (reader, &error);
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 1);

  awd_round_set_award (round, "Премия");
  awd_round_set_title (round, "Не должна появиться");
  g_assert_false (awd_store_insert_round (reader, round, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_READ_ONLY);
}

static void
test_lock_stale_taken_over (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "awards.db", NULL);
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  g_autofree char *lock_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;
  pid_t child;
  int status;

  /* A writer that dies without closing: its lock file keeps its name. */
  child = fork ();
  if (child == 0)
    {
      AwdStore *s = awd_store_open (path, AWD_STORE_OPEN_CREATE, "Ушедший", NULL);
      if (s == NULL)
        _exit (1);
      kill (getpid (), SIGKILL);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));
  g_assert_true (g_file_get_contents (lock_path, &lock_text, NULL, NULL));
  g_assert_nonnull (strstr (lock_text, "Ушедший"));

  store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, "Новый", &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_pointer (&lock_text, g_free);
  g_assert_true (g_file_get_contents (lock_path, &lock_text, NULL, NULL));
  g_assert_nonnull (strstr (lock_text, "Новый"));
  g_clear_object (&store);
  awd_test_remove_dir (dir);
}

static void
test_lock_released_on_close (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) again = NULL;

  g_clear_object (&f->store);
  again = awd_store_open (f->path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* Transactions ------------------------------------------------------------ */

static void
test_transaction_failure_leaves_nothing (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdRound) round = awd_round_new ();
  g_autoptr(AwdCategory) first = awd_category_new ();
  g_autoptr(AwdCategory) duplicate = awd_category_new ();
  g_autoptr(GListModel) rounds = NULL;
  gint64 audit_before = awd_store_count_audit (f->store, NULL);

  /* One user action made of three writes; the third fails. */
  g_assert_true (awd_store_begin (f->store, &error));
  awd_round_set_award (round, "Премия");
  awd_round_set_title (round, "Откатится");
  g_assert_true (awd_store_insert_round (f->store, round, &error));
  awd_category_set_round_id (first, awd_round_get_id (round));
  awd_category_set_name (first, "Номинация");
  g_assert_true (awd_store_insert_category (f->store, first, &error));
  awd_category_set_round_id (duplicate, awd_round_get_id (round));
  awd_category_set_name (duplicate, "Номинация");
  g_assert_false (awd_store_insert_category (f->store, duplicate, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  awd_store_rollback (f->store);

  rounds = awd_store_list_rounds (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 0);
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit_before);
}

static void
test_transaction_inner_failure_cancels_outer (Fixture       *f,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rounds = NULL;

  g_assert_true (awd_store_begin (f->store, &error));
  awd_test_add_round (f->store, "Внутри");
  g_assert_true (awd_store_begin (f->store, &error));
  awd_store_rollback (f->store);          /* the inner part failed */
  g_assert_false (awd_store_commit (f->store, &error));
  g_assert_nonnull (error);

  rounds = awd_store_list_rounds (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 0);
}

/* Finalized rounds --------------------------------------------------------- */

static void
make_final (Fixture *f,
            gint64   round_id)
{
  g_autofree char *sql = g_strdup_printf (
      "UPDATE round SET status = 'final', results_method = 'mean',"
      " results_checksum = '%064d', finalized_at = '2024-12-01T10:00:00Z' WHERE id = %" G_GINT64_FORMAT,
      0, round_id);

  /* Finalization proper belongs to the results engine; here we only need a
   * final round, so set it with a raw connection (the lock is advisory). */
  awd_test_raw_sql (f->path, sql);
}

static void
test_final_round_refuses_writes (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 round_id = awd_test_add_round (f->store, "Финальный");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdCategory) category = awd_category_new ();
  g_autoptr(AwdCriterion) criterion = awd_criterion_new ();
  g_autoptr(AwdRound) round = NULL;
  gint64 audit_before;

  awd_criterion_set_round_id (criterion, round_id);
  awd_criterion_set_name (criterion, "Новизна");
  g_assert_true (awd_store_insert_criterion (f->store, criterion, &error));
  make_final (f, round_id);
  audit_before = awd_store_count_audit (f->store, NULL);

  awd_category_set_round_id (category, round_id);
  awd_category_set_name (category, "Поздняя");
  g_assert_false (awd_store_insert_category (f->store, category, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL);
  g_clear_error (&error);

  awd_criterion_set_weight (criterion, 5);
  g_assert_false (awd_store_save_criterion (f->store, criterion, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL);
  g_clear_error (&error);

  g_assert_false (awd_store_delete_criterion (f->store, awd_criterion_get_id (criterion), &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL);
  g_clear_error (&error);

  round = awd_store_get_round (f->store, round_id, &error);
  awd_round_set_status (round, AWD_ROUND_STATUS_SCORING);
  awd_round_set_title (round, "Тихо изменённый");
  g_assert_false (awd_store_save_round (f->store, round, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL);
  g_clear_error (&error);

  g_assert_false (awd_store_delete_round (f->store, round_id, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL);

  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit_before);
}

static void
test_final_round_triggers (Fixture       *f,
                           gconstpointer  data)
{
  gint64 round_id = awd_test_add_round (f->store, "Финальный");
  g_autofree char *insert = g_strdup_printf ("INSERT INTO category (round_id, position, name) VALUES (%" G_GINT64_FORMAT ", 1, 'x')", round_id);
  g_autofree char *rename = g_strdup_printf ("UPDATE round SET title = 'x' WHERE id = %" G_GINT64_FORMAT, round_id);
  sqlite3 *db = NULL;

  make_final (f, round_id);

  /* Around the store, straight at the file: the triggers still refuse. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "round is final"));
  g_assert_cmpint (sqlite3_exec (db, rename, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM round", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT count(*) FROM category"), ==, 0);
}

/* Audit ---------------------------------------------------------------------- */

static void
test_audit_rows (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 round_id;
  g_autoptr(AwdRound) round = NULL;
  gint64 count;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  count = awd_store_count_audit (f->store, NULL);
  round_id = awd_test_add_round (f->store, "Старое название");
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, count + 1);

  round = awd_store_get_round (f->store, round_id, &error);
  awd_round_set_title (round, "Новое название");
  g_assert_true (awd_store_save_round (f->store, round, &error));
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, count + 2);

  /* A save that changes nothing records nothing. */
  g_assert_true (awd_store_save_round (f->store, round, &error));
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, count + 2);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT operator, action, entity, before, after FROM audit"
                                       " ORDER BY id DESC LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Тестовый оператор");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "update");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "round");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "title: Старое название");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "title: Новое название");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_audit_append_only (Fixture       *f,
                        gconstpointer  data)
{
  sqlite3 *db = NULL;

  awd_test_add_round (f->store, "Сезон");
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET operator = 'x'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

static void
test_audit_chain_detects_tampering (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  awd_test_add_round (f->store, "Первый");
  awd_test_add_round (f->store, "Второй");
  awd_test_add_round (f->store, "Третий");
  g_assert_true (awd_store_check (f->store, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  awd_test_raw_sql (f->path,
                    "DROP TRIGGER audit_no_update;"
                    "UPDATE audit SET after = 'title: Подделка' WHERE id = 3;");
  g_assert_true (awd_store_check (f->store, problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "row 3"));
}

/* Rounds and set-up ---------------------------------------------------------- */

static void
test_rounds_validation (Fixture       *f,
                        gconstpointer  data)
{
  struct { const char *field; double min, max, step; int year; const char *title; } cases[] = {
    { "blank title", 0, 10, 1, 2024, "   " },
    { "max ≤ min", 5, 5, 1, 2024, "Сезон" },
    { "step ≤ 0", 0, 10, 0, 2024, "Сезон" },
    { "off step", 0, 10, 3, 2024, "Сезон" },
    { "year", 0, 10, 1, 1700, "Сезон" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AwdRound) round = awd_round_new ();
      g_autoptr(GError) error = NULL;

      awd_round_set_award (round, "Премия");
      awd_round_set_title (round, cases[i].title);
      awd_round_set_scale_min (round, cases[i].min);
      awd_round_set_scale_max (round, cases[i].max);
      awd_round_set_scale_step (round, cases[i].step);
      awd_round_set_year (round, cases[i].year);
      g_test_message ("case: %s", cases[i].field);
      g_assert_false (awd_store_insert_round (f->store, round, &error));
      g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
      g_assert_cmpint (awd_round_get_id (round), ==, 0);
    }

  {
    g_autoptr(GListModel) rounds = awd_store_list_rounds (f->store, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 0);
  }
}

static void
test_rounds_ids_grow (Fixture       *f,
                      gconstpointer  data)
{
  gint64 a = awd_test_add_round (f->store, "А");
  gint64 b = awd_test_add_round (f->store, "Б");
  gint64 c;

  g_assert_true (awd_store_delete_round (f->store, b, NULL));
  c = awd_test_add_round (f->store, "В");
  g_assert_cmpint (a, <, b);
  g_assert_cmpint (c, >, b);   /* a deleted id is never reused */
}

static void
test_rounds_copy_setup (Fixture       *f,
                        gconstpointer  data)
{
  gint64 source = awd_test_add_round (f->store, "Сезон 2023");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdRound) next = awd_round_new ();
  g_autoptr(AwdRound) source_round = awd_store_get_round (f->store, source, NULL);
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(GListModel) jurors = NULL;
  g_autoptr(GListModel) categories = NULL;
  const char *names[] = { "Значимость", "Новизна" };
  gint64 copy;

  awd_round_set_scale_max (source_round, 5);
  awd_round_set_scale_step (source_round, 0.5);
  awd_round_set_method (source_round, AWD_METHOD_MEDIAN);
  g_assert_true (awd_store_save_round (f->store, source_round, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AwdCriterion) c = awd_criterion_new ();
      awd_criterion_set_round_id (c, source);
      awd_criterion_set_name (c, names[i]);
      awd_criterion_set_weight (c, i + 1.5);
      g_assert_true (awd_store_insert_criterion (f->store, c, &error));
    }
  {
    g_autoptr(AwdJuror) j = awd_juror_new ();
    g_autoptr(AwdCategory) k = awd_category_new ();
    awd_juror_set_round_id (j, source);
    awd_juror_set_name (j, "Иванова Анна Петровна");
    awd_juror_set_chair (j, TRUE);
    g_assert_true (awd_store_insert_juror (f->store, j, &error));
    awd_category_set_round_id (k, source);
    awd_category_set_name (k, "Выбор профессионального сообщества");
    awd_category_set_kind (k, AWD_CATEGORY_KIND_VOTE);
    g_assert_true (awd_store_insert_category (f->store, k, &error));
  }

  awd_round_set_award (next, "Премия");
  awd_round_set_title (next, "Сезон 2024");
  awd_round_set_year (next, 2025);
  copy = awd_store_copy_round_setup (f->store, source, next, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, >, source);

  criteria = awd_store_list_criteria (f->store, copy, NULL);
  jurors = awd_store_list_jurors (f->store, copy, NULL);
  categories = awd_store_list_categories (f->store, copy, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (jurors), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 1);
  {
    g_autoptr(AwdCriterion) c = g_list_model_get_item (criteria, 1);
    g_autoptr(AwdJuror) j = g_list_model_get_item (jurors, 0);
    g_autoptr(AwdCategory) k = g_list_model_get_item (categories, 0);
    g_autoptr(AwdRound) r = awd_store_get_round (f->store, copy, NULL);
    g_assert_cmpstr (awd_criterion_get_name (c), ==, "Новизна");
    g_assert_cmpfloat (awd_criterion_get_weight (c), ==, 2.5);
    g_assert_true (awd_juror_get_chair (j));
    g_assert_cmpint (awd_category_get_kind (k), ==, AWD_CATEGORY_KIND_VOTE);
    g_assert_cmpfloat (awd_round_get_scale_step (r), ==, 0.5);
    g_assert_cmpint (awd_round_get_method (r), ==, AWD_METHOD_MEDIAN);
    g_assert_cmpint (awd_round_get_status (r), ==, AWD_ROUND_STATUS_DRAFT);
  }
}

static void
test_setup_criteria_order (Fixture       *f,
                           gconstpointer  data)
{
  gint64 round_id = awd_test_add_round (f->store, "Сезон");
  const char *names[] = { "А", "Б", "В" };
  gint64 ids[3];
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) criteria = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AwdCriterion) c = awd_criterion_new ();
      awd_criterion_set_round_id (c, round_id);
      awd_criterion_set_name (c, names[i]);
      g_assert_true (awd_store_insert_criterion (f->store, c, &error));
      g_assert_cmpint (awd_criterion_get_position (c), ==, i + 1);
      ids[i] = awd_criterion_get_id (c);
    }

  g_assert_true (awd_store_move_criterion (f->store, ids[2], 1, &error));
  criteria = awd_store_list_criteria (f->store, round_id, NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AwdCriterion) c = g_list_model_get_item (criteria, i);
      const char *expected[] = { "В", "А", "Б" };
      g_assert_cmpstr (awd_criterion_get_name (c), ==, expected[i]);
      g_assert_cmpint (awd_criterion_get_position (c), ==, i + 1);
    }
}

static void
test_setup_criterion_weight (Fixture       *f,
                             gconstpointer  data)
{
  gint64 round_id = awd_test_add_round (f->store, "Сезон");
  double weights[] = { 0, -1, NAN, INFINITY };

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      g_autoptr(AwdCriterion) c = awd_criterion_new ();
      g_autoptr(GError) error = NULL;

      awd_criterion_set_round_id (c, round_id);
      awd_criterion_set_name (c, "Вес");
      awd_criterion_set_weight (c, weights[i]);
      g_assert_false (awd_store_insert_criterion (f->store, c, &error));
      g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
    }
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT count(*) FROM criterion"), ==, 0);
}

static void
test_setup_one_chair (Fixture       *f,
                      gconstpointer  data)
{
  gint64 round_id = awd_test_add_round (f->store, "Сезон");
  g_autoptr(AwdJuror) first = awd_juror_new ();
  g_autoptr(AwdJuror) second = awd_juror_new ();
  g_autoptr(GListModel) jurors = NULL;
  g_autoptr(GError) error = NULL;

  awd_juror_set_round_id (first, round_id);
  awd_juror_set_name (first, "Первый");
  awd_juror_set_chair (first, TRUE);
  g_assert_true (awd_store_insert_juror (f->store, first, &error));
  awd_juror_set_round_id (second, round_id);
  awd_juror_set_name (second, "Второй");
  g_assert_true (awd_store_insert_juror (f->store, second, &error));
  awd_juror_set_chair (second, TRUE);
  g_assert_true (awd_store_save_juror (f->store, second, &error));

  jurors = awd_store_list_jurors (f->store, round_id, NULL);
  {
    g_autoptr(AwdJuror) a = g_list_model_get_item (jurors, 0);
    g_autoptr(AwdJuror) b = g_list_model_get_item (jurors, 1);
    g_assert_false (awd_juror_get_chair (a));
    g_assert_true (awd_juror_get_chair (b));
  }
}

static void
test_setup_juror_validation (Fixture       *f,
                             gconstpointer  data)
{
  gint64 round_id = awd_test_add_round (f->store, "Сезон");
  const char *bad[] = { "ivanova", "@libfl.ru", "a@b", "a b@libfl.ru", "a@@libfl.ru" };
  const char *good[] = { "ivanova@libfl.ru", "a.petrova+jury@mail.example.org" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (awd_email_is_valid (bad[i]));
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (awd_email_is_valid (good[i]));

  {
    g_autoptr(AwdJuror) j = awd_juror_new ();
    g_autoptr(GError) error = NULL;
    awd_juror_set_round_id (j, round_id);
    awd_juror_set_name (j, "Петров");
    awd_juror_set_email (j, "petrov-at-libfl.ru");
    g_assert_false (awd_store_insert_juror (f->store, j, &error));
    g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  }
  {
    g_autoptr(AwdJuror) j = awd_juror_new ();
    g_autoptr(GError) error = NULL;
    awd_juror_set_round_id (j, round_id);
    awd_juror_set_name (j, "Петров");
    awd_juror_set_withdrawn (j, TRUE);
    g_assert_false (awd_store_insert_juror (f->store, j, &error));
    g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  }
}

static void
test_setup_category_names (Fixture       *f,
                           gconstpointer  data)
{
  gint64 round_id = awd_test_add_round (f->store, "Сезон");
  gint64 other_round = awd_test_add_round (f->store, "Другой");
  g_autoptr(AwdCategory) a = awd_category_new ();
  g_autoptr(AwdCategory) b = awd_category_new ();
  g_autoptr(AwdCategory) c = awd_category_new ();
  g_autoptr(GError) error = NULL;

  awd_category_set_round_id (a, round_id);
  awd_category_set_name (a, "Лучший проект");
  g_assert_true (awd_store_insert_category (f->store, a, &error));
  awd_category_set_round_id (b, round_id);
  awd_category_set_name (b, "Лучший проект");
  g_assert_false (awd_store_insert_category (f->store, b, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "category"));
  g_clear_error (&error);
  /* The same name in another round is fine. */
  awd_category_set_round_id (c, other_round);
  awd_category_set_name (c, "Лучший проект");
  g_assert_true (awd_store_insert_category (f->store, c, &error));
  /* A winner belongs only to a direct-award category. */
  awd_category_set_winner_id (a, 1);
  g_assert_false (awd_store_save_category (f->store, a, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
}

/* Domain objects and folding ----------------------------------------------- */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              int        *count)
{
  (*count)++;
}

static void
test_domain_properties (void)
{
  g_autoptr(AwdJuror) juror = awd_juror_new ();
  g_autoptr(AwdJuror) copy = NULL;
  g_autofree char *name = NULL;
  int notified = 0;

  g_signal_connect (juror, "notify::name", G_CALLBACK (count_notify), &notified);
  awd_juror_set_name (juror, "Смирнова");
  awd_juror_set_name (juror, "Смирнова");   /* unchanged: no second notify */
  g_object_set (juror, "name", "Смирнова Е. В.", NULL);
  g_assert_cmpint (notified, ==, 2);

  copy = awd_juror_copy (juror);
  g_object_get (copy, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "Смирнова Е. В.");
  awd_juror_set_name (copy, "Другая");
  g_assert_cmpstr (awd_juror_get_name (juror), ==, "Смирнова Е. В.");
}

static void
test_domain_list_models (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GListModel) rounds = NULL;

  awd_test_add_round (f->store, "Первый");
  awd_test_add_round (f->store, "Второй");
  rounds = awd_store_list_rounds (f->store, NULL);
  g_assert_true (g_list_model_get_item_type (rounds) == AWD_TYPE_ROUND);
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 2);
  {
    g_autoptr(AwdRound) first = g_list_model_get_item (rounds, 0);
    g_assert_cmpstr (awd_round_get_title (first), ==, "Первый");
  }
}

static void
test_enum_strings (void)
{
  AwdMethod method;
  AwdNominationStatus status;

  g_assert_cmpstr (awd_method_to_string (AWD_METHOD_ZSCORE), ==, "zscore");
  g_assert_true (awd_method_from_string ("trimmed", &method));
  g_assert_cmpint (method, ==, AWD_METHOD_TRIMMED);
  g_assert_false (awd_method_from_string ("Mean", &method));
  g_assert_true (awd_nomination_status_from_string ("ineligible", &status));
  g_assert_cmpint (status, ==, AWD_NOMINATION_STATUS_INELIGIBLE);
  g_assert_false (awd_nomination_status_from_string (NULL, &status));
}

static void
test_fold (void)
{
  struct { const char *in, *out; } cases[] = {
    { "Ёлкино", "елкино" },
    { "ЕЛКИНО", "елкино" },
    { "ёлка", "елка" },
    { "Е\xcc\x88лка", "елка" },            /* Е + combining diaeresis */
    { "Library ＦＵＬＬＷＩＤＴＨ", "library fullwidth" },
    { "Straße", "strasse" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = awd_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, awd_test_store_fixture_set_up, fn, awd_test_store_fixture_tear_down)
  ADD ("/store/open/new-file", test_open_new_file);
  ADD ("/store/open/foreign-keys", test_open_foreign_keys_enforced);
  g_test_add_func ("/store/open/missing-refused", test_open_missing_refused);
  g_test_add_func ("/store/open/foreign-refused", test_open_foreign_refused);
  g_test_add_func ("/store/open/not-sqlite-refused", test_open_not_sqlite_refused);
  ADD ("/store/open/too-new-refused", test_open_too_new_refused);
  ADD ("/store/open/corrupt-detected", test_open_corrupt_detected);
  g_test_add_func ("/store/migrate/from-empty", test_migrate_from_empty);
  g_test_add_func ("/store/migrate/from-v1-fixture", test_migrate_from_v1_fixture);
  g_test_add_func ("/store/migrate/backs-up-existing-data", test_migrate_backs_up_existing_data);
  g_test_add_func ("/store/migrate/read-only-needs-upgrade", test_read_only_needs_upgrade);
  ADD ("/store/lock/second-writer-refused", test_lock_second_writer_refused);
  ADD ("/store/lock/read-only-while-locked", test_lock_read_only_while_locked);
  g_test_add_func ("/store/lock/stale-taken-over", test_lock_stale_taken_over);
  ADD ("/store/lock/released-on-close", test_lock_released_on_close);
  ADD ("/store/transaction/failure-leaves-nothing", test_transaction_failure_leaves_nothing);
  ADD ("/store/transaction/inner-failure-cancels-outer", test_transaction_inner_failure_cancels_outer);
  ADD ("/store/final/refuses-writes", test_final_round_refuses_writes);
  ADD ("/store/final/triggers", test_final_round_triggers);
  ADD ("/store/audit/rows", test_audit_rows);
  ADD ("/store/audit/append-only", test_audit_append_only);
  ADD ("/store/audit/chain-detects-tampering", test_audit_chain_detects_tampering);
  ADD ("/store/rounds/validation", test_rounds_validation);
  ADD ("/store/rounds/ids-grow", test_rounds_ids_grow);
  ADD ("/store/rounds/copy-setup", test_rounds_copy_setup);
  ADD ("/store/setup/criteria-order", test_setup_criteria_order);
  ADD ("/store/setup/criterion-weight", test_setup_criterion_weight);
  ADD ("/store/setup/one-chair", test_setup_one_chair);
  ADD ("/store/setup/juror-validation", test_setup_juror_validation);
  ADD ("/store/setup/category-names", test_setup_category_names);
  ADD ("/store/domain/list-models", test_domain_list_models);
  g_test_add_func ("/store/domain/properties", test_domain_properties);
  g_test_add_func ("/store/domain/enum-strings", test_enum_strings);
  g_test_add_func ("/store/fold", test_fold);
#undef ADD

  return g_test_run ();
}
