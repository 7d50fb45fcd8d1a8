/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "awd-cli.h"
#include "awd-store.h"

/* award-desk-cli as scripts see it: the built binary (AWD_CLI, set by
 * tests/meson.build) run in a temporary folder, its exit status, stdout and
 * stderr compared with DESIGN.md's "Command-line face". The output helper is
 * also linked in and tested directly for the locale-dependent parts. */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;  /* exit status; -1 when the process did not exit normally */
  char *out;
  char *err;
} CliRun;

static char *cli_path;

static void
cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

static char *
bytes_to_string (GBytes *bytes)
{
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return g_strdup ("");
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Runs the CLI with @env_changes ("NAME=VALUE" sets, "NAME" unsets) and
 * @args; with @stdout_path, stdout goes to that file instead of a pipe. */
static CliRun *
run_cli_argv (const char * const *env_changes,
              const char         *stdout_path,
              const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDERR_PIPE;
  CliRun *run = g_new0 (CliRun, 1);

  if (stdout_path == NULL)
    flags |= G_SUBPROCESS_FLAGS_STDOUT_PIPE;
  launcher = g_subprocess_launcher_new (flags);
  if (stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);

  for (gsize i = 0; env_changes != NULL && env_changes[i] != NULL; i++)
    {
      const char *eq = strchr (env_changes[i], '=');

      if (eq == NULL)
        g_subprocess_launcher_unsetenv (launcher, env_changes[i]);
      else
        {
          g_autofree char *name = g_strndup (env_changes[i], eq - env_changes[i]);
          g_subprocess_launcher_setenv (launcher, name, eq + 1, TRUE);
        }
    }

  g_ptr_array_add (argv, cli_path);
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  if (process == NULL)
    {
      run->status = -1;
      run->out = g_strdup ("");
      run->err = g_strdup ("");
      return run;
    }

  g_subprocess_communicate (process, NULL, NULL, stdout_path == NULL ? &out : NULL, &err, &error);
  g_assert_no_error (error);

  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);

  if (g_test_verbose ())
    g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
  return run;
}

static CliRun *
run_cli_va (const char * const *env_changes,
            const char         *first,
            va_list             ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);

  return run_cli_argv (env_changes, NULL, (const char * const *) args->pdata);
}

static G_GNUC_NULL_TERMINATED CliRun *
run_cli (const char *first,
         ...)
{
  va_list ap;
  CliRun *run;

  va_start (ap, first);
  run = run_cli_va (NULL, first, ap);
  va_end (ap);
  return run;
}

static G_GNUC_NULL_TERMINATED CliRun *
run_cli_env (const char * const *env_changes,
             const char         *first,
             ...)
{
  va_list ap;
  CliRun *run;

  va_start (ap, first);
  run = run_cli_va (env_changes, first, ap);
  va_end (ap);
  return run;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* A refusal is exactly one line on stderr that names the file. */
static void
assert_one_line_naming (const CliRun *run,
                        const char   *name)
{
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_nonnull (strstr (run->err, name));
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("awd-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "awards.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static void
init_db (Fixture *f)
{
  g_autoptr(CliRun) run = run_cli ("--db", f->db, "init", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "");
}

static gint64
insert_round (AwdStore   *store,
              int         year,
              int         number,
              int         status,
              const char *title)
{
  g_autoptr(AwdRound) round = awd_round_new ();
  g_autoptr(GError) error = NULL;

  awd_round_set_award (round, "Премия Рудомино");
  awd_round_set_year (round, year);
  awd_round_set_number (round, number);
  awd_round_set_status (round, status);
  awd_round_set_title (round, title);
  awd_store_insert_round (store, round, &error);
  g_assert_no_error (error);
  return awd_round_get_id (round);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_test_message ("%s: %s", sql, message);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_free (message);
  sqlite3_close (db);
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* Usage -------------------------------------------------------------------- */

static void
test_usage_no_command (void)
{
  const char *no_args[] = { NULL };
  g_autoptr(CliRun) run = run_cli_argv (NULL, NULL, no_args);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "Usage:"));
}

static void
test_usage_unknown_command (void)
{
  g_autoptr(CliRun) run = run_cli ("frobnicate", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "frobnicate"));
  g_assert_nonnull (strstr (run->err, "Usage:"));
}

static void
test_usage_unknown_option (void)
{
  g_autoptr(CliRun) global = run_cli ("--frobnicate", "rounds", NULL);
  g_autoptr(CliRun) local = run_cli ("rounds", "--frobnicate", NULL);

  g_assert_cmpint (global->status, ==, 2);
  g_assert_nonnull (strstr (global->err, "--frobnicate"));
  g_assert_cmpint (local->status, ==, 2);
  g_assert_nonnull (strstr (local->err, "--frobnicate"));
  /* The usage shown is the command's own. */
  g_assert_nonnull (strstr (local->err, "rounds"));
}

static void
test_usage_missing_argument (void)
{
  g_autoptr(CliRun) db = run_cli ("--db", NULL);
  g_autoptr(CliRun) operator_missing = run_cli ("--operator", NULL);
  g_autoptr(CliRun) empty_db = run_cli ("--db", "", "rounds", NULL);

  g_assert_cmpint (db->status, ==, 2);
  g_assert_nonnull (strstr (db->err, "--db"));
  g_assert_cmpint (operator_missing->status, ==, 2);
  g_assert_cmpint (empty_db->status, ==, 2);
}

static void
test_usage_extra_argument (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CliRun) init = run_cli ("--db", f->db, "init", "now", NULL);
  g_autoptr(CliRun) rounds = run_cli ("--db", f->db, "rounds", "1", NULL);

  g_assert_cmpint (init->status, ==, 2);
  g_assert_nonnull (strstr (init->err, "now"));
  /* Wrong usage changes nothing: no database was created. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  g_assert_cmpint (rounds->status, ==, 2);
}

static void
test_usage_help_version (void)
{
  g_autoptr(CliRun) help = run_cli ("--help", NULL);
  g_autoptr(CliRun) version = run_cli ("--version", NULL);
  g_autoptr(CliRun) command_help = run_cli ("check", "--help", NULL);

  g_assert_cmpint (help->status, ==, 0);
  g_assert_nonnull (strstr (help->out, "init"));
  g_assert_nonnull (strstr (help->out, "rounds"));
  g_assert_nonnull (strstr (help->out, "check"));
  g_assert_cmpint (version->status, ==, 0);
  g_assert_cmpstr (version->out, ==, "award-desk-cli " PACKAGE_VERSION "\n");
  g_assert_cmpint (command_help->status, ==, 0);
  g_assert_nonnull (strstr (command_help->out, "check"));
}

/* init --------------------------------------------------------------------- */

static void
test_init_creates_empty (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CliRun) init = run_cli ("--db", f->db, "init", NULL);
  g_autoptr(CliRun) rounds = NULL;

  g_assert_cmpint (init->status, ==, 0);
  g_assert_cmpstr (init->out, ==, "");
  g_assert_cmpuint (count_lines (init->err), ==, 1);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));

  rounds = run_cli ("--db", f->db, "rounds", NULL);
  g_assert_cmpint (rounds->status, ==, 0);
  g_assert_cmpstr (rounds->out, ==, "");
  g_assert_cmpstr (rounds->err, ==, "");
}

static void
test_init_twice (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CliRun) second = NULL;
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit_before = NULL;
  g_autofree char *audit_after = NULL;

  init_db (f);
  audit_before = query_text (f->db, "SELECT count(*) FROM audit");
  second = run_cli ("--db", f->db, "init", NULL);
  audit_after = query_text (f->db, "SELECT count(*) FROM audit");

  g_assert_cmpint (second->status, ==, 0);
  g_assert_cmpstr (second->out, ==, "");
  g_assert_nonnull (strstr (second->err, f->db));
  /* An up-to-date file is left as it was: no audit row, no round. */
  g_assert_cmpstr (audit_after, ==, audit_before);

  store = awd_store_open (f->db, AWD_STORE_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  if (store == NULL)
    return;
  g_assert_cmpint (awd_store_get_schema_version (store), ==, AWD_STORE_SCHEMA_VERSION);
  rounds = awd_store_list_rounds (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 0);
}

static void
test_init_default_path (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);
  g_autofree char *xdg_env = g_strconcat ("XDG_DATA_HOME=", xdg, NULL);
  g_autofree char *expected = g_build_filename (xdg, "award-desk", "awards.db", NULL);
  const char *env[] = { xdg_env, NULL };
  g_autoptr(CliRun) before = run_cli_env (env, "rounds", NULL);
  g_autoptr(CliRun) init = run_cli_env (env, "init", NULL);
  g_autoptr(CliRun) after = run_cli_env (env, "rounds", NULL);

  g_assert_cmpint (before->status, ==, 1);
  assert_one_line_naming (before, expected);
  g_assert_cmpint (init->status, ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (after->status, ==, 0);
}

/* A missing database --------------------------------------------------------- */

static void
test_missing_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CliRun) rounds = run_cli ("--db", f->db, "rounds", NULL);
  g_autoptr(CliRun) check = run_cli ("--db", f->db, "check", NULL);

  g_assert_cmpint (rounds->status, ==, 1);
  g_assert_cmpstr (rounds->out, ==, "");
  assert_one_line_naming (rounds, f->db);
  g_assert_cmpint (check->status, ==, 1);
  assert_one_line_naming (check, f->db);
  /* Only init creates a database. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

/* rounds ------------------------------------------------------------------- */

static void
test_rounds_output (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autofree char *expected = NULL;
  gint64 id1, id2, id3;

  init_db (f);
  store = awd_store_open (f->db, AWD_STORE_OPEN_READ_WRITE, "Тест", &error);
  g_assert_no_error (error);
  if (store == NULL)
    return;
  id1 = insert_round (store, 2023, 1, AWD_ROUND_STATUS_DRAFT, "Tab\there\nand a newline\r\n");
  id2 = insert_round (store, 2024, 2, AWD_ROUND_STATUS_SCORING, "Премия Рудомино — 2024");
  id3 = insert_round (store, 2025, 3, AWD_ROUND_STATUS_NOMINATING, "Removed");
  awd_store_delete_round (store, id3, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Ids only grow: a deleted id is not reused. */
  store = awd_store_open (f->db, AWD_STORE_OPEN_READ_WRITE, "Тест", &error);
  g_assert_no_error (error);
  if (store == NULL)
    return;
  insert_round (store, 2025, 4, AWD_ROUND_STATUS_NOMINATING, "Сезон четвёртый");
  g_clear_object (&store);

  g_assert_cmpint (id1, <, id2);
  g_assert_cmpint (id2, <, id3);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\t2023\t1\tdraft\tTab here and a newline  \n"
                              "%" G_GINT64_FORMAT "\t2024\t2\tscoring\tПремия Рудомино — 2024\n"
                              "%" G_GINT64_FORMAT "\t2025\t4\tnominating\tСезон четвёртый\n",
                              id1, id2, id3 + 1);

  run = run_cli ("--db", f->db, "rounds", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, expected);
  g_assert_cmpstr (run->err, ==, "");
}

/* check -------------------------------------------------------------------- */

static void
test_check_clean (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) run = NULL;

  init_db (f);
  store = awd_store_open (f->db, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  if (store == NULL)
    return;
  insert_round (store, 2024, 1, AWD_ROUND_STATUS_DRAFT, "Чистая база");
  g_clear_object (&store);

  run = run_cli ("--db", f->db, "check", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "No problems found"));
  assert_one_line_naming (run, f->db);
}

static void
test_check_corrupt_page (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) rounds = NULL;
  g_autofree char *root = NULL;
  g_autofree char *page_size = NULL;
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize offset;

  init_db (f);
  store = awd_store_open (f->db, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  if (store == NULL)
    return;
  for (int i = 1; i <= 20; i++)
    insert_round (store, 2000 + i, i, AWD_ROUND_STATUS_DRAFT, "Сезон с достаточно длинным названием");
  g_clear_object (&store);
  /* The last connection closed cleanly: everything is in the main file. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  root = query_text (f->db, "SELECT rootpage FROM sqlite_schema WHERE name = 'round'");
  page_size = query_text (f->db, "PRAGMA page_size");
  g_assert_nonnull (root);
  g_assert_nonnull (page_size);
  if (root == NULL || page_size == NULL)
    return;

  g_file_get_contents (f->db, &contents, &length, &error);
  g_assert_no_error (error);
  offset = (g_ascii_strtoull (root, NULL, 10) - 1) * g_ascii_strtoull (page_size, NULL, 10);
  g_assert_cmpuint (offset, <, length);
  if (offset >= length)
    return;
  /* The first byte of a b-tree page is its type; 0xF2 is no valid type. */
  contents[offset] ^= 0xFF;
  g_file_set_contents (f->db, contents, length, &error);
  g_assert_no_error (error);

  check = run_cli ("--db", f->db, "check", NULL);
  g_assert_cmpint (check->status, ==, 1);
  g_assert_cmpstr (check->out, ==, "");
  assert_one_line_naming (check, f->db);

  rounds = run_cli ("--db", f->db, "rounds", NULL);
  g_assert_cmpint (rounds->status, ==, 1);
  g_assert_cmpstr (rounds->out, ==, "");
  assert_one_line_naming (rounds, f->db);
}

static void
test_check_not_sqlite (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) init = NULL;
  g_autofree char *after = NULL;
  const char *text = "Это не база данных, а просто текст.\nSecond line\n";

  g_file_set_contents (f->db, text, -1, &error);
  g_assert_no_error (error);

  check = run_cli ("--db", f->db, "check", NULL);
  g_assert_cmpint (check->status, ==, 1);
  assert_one_line_naming (check, f->db);

  /* init refuses it too, and leaves it alone. */
  init = run_cli ("--db", f->db, "init", NULL);
  g_assert_cmpint (init->status, ==, 1);
  assert_one_line_naming (init, f->db);
  g_file_get_contents (f->db, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, text);
}

static void
test_check_foreign_sqlite (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CliRun) check = NULL;

  exec_sql (f->db, "CREATE TABLE other (x)");
  check = run_cli ("--db", f->db, "check", NULL);
  g_assert_cmpint (check->status, ==, 1);
  assert_one_line_naming (check, f->db);
}

static void
test_check_audit_tampered (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) run = NULL;

  init_db (f);
  store = awd_store_open (f->db, AWD_STORE_OPEN_READ_WRITE, "Честный оператор", &error);
  g_assert_no_error (error);
  if (store == NULL)
    return;
  insert_round (store, 2023, 1, AWD_ROUND_STATUS_DRAFT, "Первый");
  insert_round (store, 2024, 2, AWD_ROUND_STATUS_DRAFT, "Второй");
  g_assert_cmpint (awd_store_count_audit (store, NULL), >=, 3);
  g_clear_object (&store);

  exec_sql (f->db,
            "DROP TRIGGER audit_no_update;"
            "UPDATE audit SET operator = 'Mallory' WHERE id = 2;");

  run = run_cli ("--db", f->db, "check", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  assert_one_line_naming (run, f->db);
  g_assert_nonnull (strstr (run->err, "row 2"));
}

static void
test_check_newer_schema (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) init = NULL;

  init_db (f);
  exec_sql (f->db, "PRAGMA user_version = 99");

  check = run_cli ("--db", f->db, "check", NULL);
  g_assert_cmpint (check->status, ==, 1);
  assert_one_line_naming (check, f->db);
  g_assert_nonnull (strstr (check->err, "99"));

  init = run_cli ("--db", f->db, "init", NULL);
  g_assert_cmpint (init->status, ==, 1);
  assert_one_line_naming (init, f->db);
}

/* Arguments and environment ---------------------------------------------------- */

static void
test_args_cyrillic_c_locale (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "Премия Рудомино", "база.db", NULL);
  const char *env[] = { "LC_ALL=C", "LANG", "LANGUAGE", NULL };
  g_autoptr(CliRun) init = run_cli_env (env, "--db", db, "--operator", "Иванова Мария", "init", NULL);
  g_autoptr(CliRun) rounds = NULL;
  g_autoptr(CliRun) missing = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *missing_db = g_build_filename (f->dir, "нет.db", NULL);

  g_assert_cmpint (init->status, ==, 0);
  /* The message names the file as it is, not as question marks. */
  g_assert_nonnull (strstr (init->err, db));
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  rounds = run_cli_env (env, "--db", db, "rounds", NULL);
  g_assert_cmpint (rounds->status, ==, 0);
  g_assert_cmpstr (rounds->out, ==, "");

  operator_name = query_text (db, "SELECT operator FROM audit ORDER BY id LIMIT 1");
  g_assert_cmpstr (operator_name, ==, "Иванова Мария");

  missing = run_cli_env (env, "--db", missing_db, "rounds", NULL);
  g_assert_cmpint (missing->status, ==, 1);
  assert_one_line_naming (missing, missing_db);
}

static void
test_args_invalid_utf8 (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CliRun) run = run_cli ("--db", f->db, "--operator", "Bad \xff\xfe name", "init", NULL);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "--operator"));
  g_assert_true (g_utf8_validate (run->err, -1, NULL));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_args_default_operator (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *operator_name = NULL;

  init_db (f);
  operator_name = query_text (f->db, "SELECT operator FROM audit ORDER BY id LIMIT 1");
  g_assert_nonnull (operator_name);
  g_assert_cmpstr (operator_name, !=, "");
  g_assert_cmpstr (operator_name, !=, "Unknown");
}

static void
test_lock_reader_beside_writer (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(AwdStore) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) rounds = NULL;
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) init = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  init_db (f);
  writer = awd_store_open (f->db, AWD_STORE_OPEN_READ_WRITE, "Анна Петрова", &error);
  g_assert_no_error (error);
  if (writer == NULL)
    return;
  id = insert_round (writer, 2024, 21, AWD_ROUND_STATUS_SCORING, "Во время записи");

  rounds = run_cli ("--db", f->db, "rounds", NULL);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\t2024\t21\tscoring\tВо время записи\n", id);
  g_assert_cmpint (rounds->status, ==, 0);
  g_assert_cmpstr (rounds->out, ==, expected);

  check = run_cli ("--db", f->db, "check", NULL);
  g_assert_cmpint (check->status, ==, 0);

  init = run_cli ("--db", f->db, "init", NULL);
  g_assert_cmpint (init->status, ==, 1);
  g_assert_cmpstr (init->out, ==, "");
  assert_one_line_naming (init, "Анна Петрова");
  g_assert_nonnull (strstr (init->err, f->db));
}

static void
test_env_no_display (Fixture       *f,
                     gconstpointer  data)
{
  const char *env[] = { "DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", NULL };
  g_autoptr(CliRun) init = run_cli_env (env, "--db", f->db, "init", NULL);
  g_autoptr(CliRun) rounds = run_cli_env (env, "--db", f->db, "rounds", NULL);
  g_autoptr(CliRun) check = run_cli_env (env, "--db", f->db, "check", NULL);
  g_autofree char *ldd_out = NULL;
  g_autoptr(GError) error = NULL;
  const char *ldd_argv[] = { "ldd", cli_path, NULL };
  int wait_status = 0;

  g_assert_cmpint (init->status, ==, 0);
  g_assert_cmpint (rounds->status, ==, 0);
  g_assert_cmpint (check->status, ==, 0);

  /* The CLI must not link GTK at all: no display, no GtkApplication. */
  if (!g_spawn_sync (NULL, (char **) ldd_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &ldd_out, NULL, &wait_status, &error))
    {
      g_test_message ("ldd not run: %s", error->message);
      return;
    }
  g_assert_nonnull (strstr (ldd_out, "libglib-2.0"));
  g_assert_null (strstr (ldd_out, "libgtk"));
  g_assert_null (strstr (ldd_out, "libadwaita"));
}

static void
test_output_write_error (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) run = NULL;
  const char *args[] = { "--db", f->db, "rounds", NULL };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  init_db (f);
  store = awd_store_open (f->db, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
  g_assert_no_error (error);
  if (store == NULL)
    return;
  insert_round (store, 2024, 1, AWD_ROUND_STATUS_DRAFT, "Не поместится");
  g_clear_object (&store);

  run = run_cli_argv (NULL, "/dev/full", args);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpuint (count_lines (run->err), ==, 1);
}

/* A stale lock of a dead process is taken over with a g_message(): quiet by
 * default, one line under AWARD_DESK_DEBUG. */
static void
test_log_quiet_unless_debug (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *lock = g_strconcat (f->db, ".lock", NULL);
  const char *stale = "999999\nghost-host\nПризрак\n2020-01-01 00:00\n";
  const char *debug_env[] = { "AWARD_DESK_DEBUG=1", NULL };
  g_autoptr(CliRun) quiet = NULL;
  g_autoptr(CliRun) loud = NULL;
  g_autoptr(GError) error = NULL;

  init_db (f);

  g_file_set_contents (lock, stale, -1, &error);
  g_assert_no_error (error);
  quiet = run_cli ("--db", f->db, "init", NULL);
  g_assert_cmpint (quiet->status, ==, 0);
  g_assert_cmpuint (count_lines (quiet->err), ==, 1);
  g_assert_null (strstr (quiet->err, "Призрак"));

  g_file_set_contents (lock, stale, -1, &error);
  g_assert_no_error (error);
  loud = run_cli_env (debug_env, "--db", f->db, "init", NULL);
  g_assert_cmpint (loud->status, ==, 0);
  g_assert_nonnull (strstr (loud->err, "Призрак"));
  /* Every line, the library's included, starts with the program's name. */
  {
    g_auto(GStrv) lines = g_strsplit (loud->err, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >=, 3);
    for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
      g_assert_true (g_str_has_prefix (lines[i], "award-desk-cli: "));
  }
}

/* The output helper, in process ------------------------------------------------- */

static void
test_output_record_fields (void)
{
  g_autoptr(AwdCliRecord) record = awd_cli_record_new ();
  char *buffer = NULL;
  size_t size = 0;
  FILE *memory;

  awd_cli_record_add_text (record, "");
  awd_cli_record_add_int (record, -42);
  awd_cli_record_add_text (record, "a\tb\nc\rd");
  awd_cli_record_add_text (record, NULL);
  awd_cli_record_add_text (record, "bad \xff byte");
  awd_cli_record_add_text (record, "Ёлка");
  g_assert_cmpstr (awd_cli_record_peek (record), ==, "\t-42\ta b c d\t\tbad \xef\xbf\xbd byte\tЁлка");

  memory = open_memstream (&buffer, &size);
  awd_cli_record_write (record, memory);
  awd_cli_record_add_int (record, 7);
  awd_cli_record_write (record, memory);
  fclose (memory);
  g_assert_cmpstr (buffer, ==, "\t-42\ta b c d\t\tbad \xef\xbf\xbd byte\tЁлка\n7\n");
  free (buffer);
}

static void
test_output_number_dot_ru (void)
{
  g_autoptr(AwdCliRecord) record = awd_cli_record_new ();
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  char printed[32];

  if (setlocale (LC_NUMERIC, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("ru_RU.UTF-8 is not available");
      return;
    }

  /* The locale is in effect: printf writes a comma ... */
  g_snprintf (printed, sizeof printed, "%.2f", 8.25);
  g_assert_cmpstr (printed, ==, "8,25");

  /* ... and the machine output still has a dot. */
  awd_cli_record_add_double (record, 8.25, 6);
  awd_cli_record_add_double (record, -0.5, 1);
  awd_cli_record_add_double (record, 1234567.0, 0);
  g_assert_cmpstr (awd_cli_record_peek (record), ==, "8.250000\t-0.5\t1234567");

  setlocale (LC_NUMERIC, saved);
}

int
main (int   argc,
      char *argv[])
{
  const char *env_cli = g_getenv ("AWD_CLI");

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  if (env_cli != NULL && *env_cli != '\0')
    cli_path = g_strdup (env_cli);
  else
    cli_path = g_build_filename (g_test_get_dir (G_TEST_BUILT), "..", "src", "cli", "award-desk-cli", NULL);

  if (!g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("award-desk-cli not found at %s; set AWD_CLI\n", cli_path);
      return 1;
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/cli/usage/no-command", test_usage_no_command);
  g_test_add_func ("/cli/usage/unknown-command", test_usage_unknown_command);
  g_test_add_func ("/cli/usage/unknown-option", test_usage_unknown_option);
  g_test_add_func ("/cli/usage/missing-argument", test_usage_missing_argument);
  ADD ("/cli/usage/extra-argument", test_usage_extra_argument);
  g_test_add_func ("/cli/usage/help-version", test_usage_help_version);
  ADD ("/cli/init/creates-empty", test_init_creates_empty);
  ADD ("/cli/init/twice", test_init_twice);
  ADD ("/cli/init/default-path", test_init_default_path);
  ADD ("/cli/open/missing-database", test_missing_database);
  ADD ("/cli/rounds/output", test_rounds_output);
  ADD ("/cli/check/clean", test_check_clean);
  ADD ("/cli/check/corrupt-page", test_check_corrupt_page);
  ADD ("/cli/check/not-sqlite", test_check_not_sqlite);
  ADD ("/cli/check/foreign-sqlite", test_check_foreign_sqlite);
  ADD ("/cli/check/audit-tampered", test_check_audit_tampered);
  ADD ("/cli/check/newer-schema", test_check_newer_schema);
  ADD ("/cli/args/cyrillic-c-locale", test_args_cyrillic_c_locale);
  ADD ("/cli/args/invalid-utf8", test_args_invalid_utf8);
  ADD ("/cli/args/default-operator", test_args_default_operator);
  ADD ("/cli/lock/reader-beside-writer", test_lock_reader_beside_writer);
  ADD ("/cli/env/no-display", test_env_no_display);
  ADD ("/cli/output/write-error", test_output_write_error);
  ADD ("/cli/log/quiet-unless-debug", test_log_quiet_unless_debug);
  g_test_add_func ("/cli/output/record-fields", test_output_record_fields);
  g_test_add_func ("/cli/output/number-dot-ru", test_output_number_dot_ru);
#undef ADD

  return g_test_run ();
}
