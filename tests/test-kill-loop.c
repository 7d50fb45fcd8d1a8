/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-kill-loop"

#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "awd-test-util.h"
#include "awd-xml-import.h"

/* The kill loop: a child process imports the sample round with
 * `award-desk-cli import-xml`, or edits scores in a loop (one transaction
 * each, reporting every commit on a pipe), and is killed with SIGKILL at a
 * random moment. After each kill: the file opens for writing (our own -wal
 * is replayed), integrity_check is ok, every imported round is whole (its
 * nominations and scores match the sample's) or absent, and every score
 * edit the child reported as committed is there.
 * AWD_KILL_LOOP_ITERATIONS (default 100) and AWD_KILL_LOOP_SEED set the
 * run; the seed is printed so a failure can be replayed. */

#define MAX_CELLS 24

typedef struct {
  gint64 juror_id;
  gint64 nomination_id;
  gint64 criterion_id;
} Cell;

static char    *db_path;
static Cell     cells[MAX_CELLS];
static guint    n_cells;
static gint64   sample_nominations;
static gint64   sample_scores;

static gboolean
collect_cell_cb (gint64    juror_id,
                 gint64    nomination_id,
                 gint64    criterion_id,
                 double    value,
                 gpointer  user_data,
                 GError  **error)
{
  if (n_cells < MAX_CELLS)
    cells[n_cells++] = (Cell) { juror_id, nomination_id, criterion_id };
  return TRUE;
}

static int
edit_value (guint iteration,
            guint k)
{
  return (int) ((k / n_cells + iteration) % 11);   /* the sample's scale: 0..10 step 1 */
}

/* The child: edits scores until killed; one line per commit on @fd. */
static void G_GNUC_NORETURN
edit_scores_forever (guint iteration,
                     int   fd)
{
  g_autoptr(GError) error = NULL;
  AwdStore *store = awd_store_open (db_path, AWD_STORE_OPEN_READ_WRITE, "Убиваемый процесс", &error);

  if (store == NULL)
    _exit (3);
  for (guint k = 0; ; k++)
    {
      const Cell *cell = &cells[k % n_cells];
      char line[32];
      int length;

      if (!awd_store_set_score (store, cell->juror_id, cell->nomination_id, cell->criterion_id,
                                edit_value (iteration, k), &error))
        _exit (4);
      length = g_snprintf (line, sizeof line, "%u\n", k);
      if (write (fd, line, length) != length)
        _exit (5);
    }
}

static double
read_cell (sqlite3    *db,
           const Cell *cell)
{
  sqlite3_stmt *stmt = NULL;
  double value = -1;

  sqlite3_prepare_v2 (db, "SELECT value FROM score WHERE juror_id = ?1 AND nomination_id = ?2 "
                          "AND criterion_id = ?3", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, cell->juror_id);
  sqlite3_bind_int64 (stmt, 2, cell->nomination_id);
  sqlite3_bind_int64 (stmt, 3, cell->criterion_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
query (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_kill_loop (void)
{
  const char *cli = g_getenv ("AWD_CLI");
  const char *iterations_env = g_getenv ("AWD_KILL_LOOP_ITERATIONS");
  const char *seed_env = g_getenv ("AWD_KILL_LOOP_SEED");
  guint iterations = iterations_env != NULL ? (guint) g_ascii_strtoull (iterations_env, NULL, 10) : 100;
  guint32 seed = seed_env != NULL ? (guint32) g_ascii_strtoull (seed_env, NULL, 10)
                                  : (guint32) g_get_real_time ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-round.xml", NULL);
  guint kills = 0, imports = 0, edit_runs = 0, rounds_whole = 0, rounds_absent = 0;
  guint64 edits_verified = 0, lost = 0, half_rounds = 0, open_failures = 0, integrity_failures = 0;
  gint64 rounds_expected_max = 1;

  g_assert_nonnull (cli);
  g_test_message ("seed %u (AWD_KILL_LOOP_SEED=%u replays it), %u iterations", seed, seed, iterations);
  db_path = g_build_filename (dir, "awards.db", NULL);

  /* The world: one imported sample round whose scores the child edits. */
  {
    g_autoptr(AwdStore) store = awd_test_open_store (dir, "awards.db");
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) ids = awd_xml_import (store, sample, NULL, NULL, NULL, &error);
    gint64 round_id;

    g_assert_no_error (error);
    g_assert_nonnull (ids);
    round_id = g_array_index (ids, gint64, 0);
    g_assert_true (awd_store_foreach_score (store, round_id, collect_cell_cb, NULL, &error));
    g_assert_cmpuint (n_cells, >, 0);
    sample_nominations = awd_test_raw_count (db_path, "SELECT count(*) FROM nomination");
    sample_scores = awd_test_raw_count (db_path, "SELECT count(*) FROM score");
  }

  for (guint i = 0; i < iterations; i++)
    {
      gboolean importing = g_rand_int_range (rand, 0, 2) == 0;
      gint64 delay_us = g_rand_int_range (rand, 0, importing ? 250000 : 120000);
      double prior[MAX_CELLS];
      int fds[2];
      pid_t pid;
      int status = 0;
      g_autoptr(GString) reported = g_string_new (NULL);
      gint64 last_reported = -1;
      sqlite3 *db = NULL;

      /* The cells before the child starts. */
      g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      for (guint c = 0; c < n_cells; c++)
        prior[c] = read_cell (db, &cells[c]);
      sqlite3_close (db);

      g_assert_cmpint (pipe (fds), ==, 0);
      fflush (stdout);
      fflush (stderr);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          if (importing)
            {
              int null_fd = open ("/dev/null", O_WRONLY);
              dup2 (null_fd, 2);
              execl (cli, cli, "--db", db_path, "import-xml", sample, (char *) NULL);
              _exit (127);
            }
          edit_scores_forever (i, fds[1]);
        }
      close (fds[1]);

      g_usleep (delay_us);
      if (kill (pid, SIGKILL) == 0)
        kills++;
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFEXITED (status) && WEXITSTATUS (status) != 0)
        g_test_fail_printf ("iteration %u: the child failed by itself (status %d)", i, WEXITSTATUS (status));

      /* What the child reported as committed. */
      {
        char buffer[4096];
        ssize_t n;
        while ((n = read (fds[0], buffer, sizeof buffer)) > 0)
          g_string_append_len (reported, buffer, n);
        close (fds[0]);
        if (reported->len > 0)
          {
            g_auto(GStrv) lines = g_strsplit (reported->str, "\n", -1);
            /* The last piece is "" or a line cut short by the kill. */
            for (guint l = 0; lines[l] != NULL && lines[l + 1] != NULL; l++)
              last_reported = g_ascii_strtoll (lines[l], NULL, 10);
          }
      }
      if (importing)
        imports++;
      else
        edit_runs++;

      /* 1. The writer's open works after the crash: our own -wal is accepted. */
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(AwdStore) store = awd_store_open (db_path, AWD_STORE_OPEN_READ_WRITE, NULL, &error);
        if (store == NULL)
          {
            open_failures++;
            g_test_fail_printf ("iteration %u: reopening failed: %s", i, error->message);
            continue;
          }
      }

      g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

      /* 2. integrity_check. */
      {
        sqlite3_stmt *stmt = NULL;
        sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
        if (sqlite3_step (stmt) != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
          {
            integrity_failures++;
            g_test_fail_printf ("iteration %u: integrity_check failed", i);
          }
        sqlite3_finalize (stmt);
      }

      /* 3. Every round whole: the sample's nominations and scores, or none. */
      {
        gint64 rounds = query (db, "SELECT count(*) FROM round");
        g_autofree char *whole_sql = g_strdup_printf ("SELECT count(*) FROM (SELECT r.id FROM round r "
                                                   "WHERE (SELECT count(*) FROM nomination n WHERE n.round_id = r.id) = %" G_GINT64_FORMAT
                                                   " AND (SELECT count(*) FROM score s JOIN nomination n ON n.id = s.nomination_id"
                                                   " WHERE n.round_id = r.id) = %" G_GINT64_FORMAT ")",
                                                   sample_nominations, sample_scores);
        gint64 whole = query (db, whole_sql);
        if (whole != rounds)
          {
            half_rounds += rounds - whole;
            g_test_fail_printf ("iteration %u: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " rounds are not whole",
                                i, rounds - whole, rounds);
          }
        if (importing)
          {
            if (rounds > rounds_expected_max)
              rounds_whole++;
            else
              rounds_absent++;
          }
        rounds_expected_max = rounds;
      }

      /* 4. Score edits: the state after the reported ones, or after one more
       *    (committed, killed before it could report). */
      if (!importing)
        {
          gboolean matches[2] = { TRUE, TRUE };

          for (int extra = 0; extra <= 1; extra++)
            {
              gint64 done = last_reported + 1 + extra;
              for (guint c = 0; c < n_cells; c++)
                {
                  double expected = prior[c];
                  for (gint64 k = c; k < done; k += n_cells)
                    expected = edit_value (i, (guint) k);
                  if (read_cell (db, &cells[c]) != expected)
                    matches[extra] = FALSE;
                }
            }
          if (matches[0] || matches[1])
            edits_verified += (guint64) (last_reported + 1);
          else
            {
              lost++;
              g_test_fail_printf ("iteration %u: a score edit reported as committed (up to %" G_GINT64_FORMAT ") is missing",
                                  i, last_reported);
            }
        }
      sqlite3_close (db);
    }

  g_test_message ("iterations %u, kills %u (imports %u, score-edit runs %u)", iterations, kills, imports, edit_runs);
  g_test_message ("rounds whole %u, absent %u, half %" G_GUINT64_FORMAT, rounds_whole, rounds_absent, half_rounds);
  g_test_message ("committed score edits verified %" G_GUINT64_FORMAT ", lost %" G_GUINT64_FORMAT, edits_verified, lost);
  g_test_message ("open failures %" G_GUINT64_FORMAT ", integrity failures %" G_GUINT64_FORMAT,
                  open_failures, integrity_failures);
  g_assert_cmpuint (lost, ==, 0);
  g_assert_cmpuint (half_rounds, ==, 0);
  g_assert_cmpuint (kills, >, 0);

  awd_test_remove_dir (dir);
  g_free (db_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/reliability/kill-loop", test_kill_loop);
  return g_test_run ();
}
