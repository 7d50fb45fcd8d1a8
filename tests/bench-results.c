/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-results"

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>

#include "awd-store-results.h"
#include "awd-test-util.h"

/* The results of a round with 1,000,000 scores (20 jurors × 10,000
 * nominations × 5 criteria), timed beside the sqlite3 shell running the
 * equivalent GROUP BY (weighted juror totals, then their mean per
 * nomination) on the same file. Prints figures; passes or fails nothing.
 * Target (issue "Results"): at most 2× the shell. */

#define N_JURORS 20
#define N_NOMINATIONS 10000
#define N_CRITERIA 5

static const char group_by_sql[] =
  "SELECT nomination_id, avg(total) FROM ("
  "  SELECT s.juror_id, s.nomination_id, sum(s.value * c.weight) / sum(c.weight) AS total"
  "  FROM score s JOIN criterion c ON c.id = s.criterion_id"
  "  WHERE s.round_id = 1"
  "  GROUP BY s.juror_id, s.nomination_id HAVING count(*) = 5"
  ") GROUP BY nomination_id ORDER BY 2 DESC;";

static void
generate (const char *path)
{
  g_autoptr(AwdStore) store = awd_store_open (path, AWD_STORE_OPEN_CREATE, "bench", NULL);
  gint64 round_id = awd_test_add_round (store, "Большой сезон");

  g_assert_cmpint (round_id, ==, 1);
  g_clear_object (&store);

  /* Straight SQL for speed: the store's own insert paths are measured by
   * the XML benchmark; here only reading and computing count. */
  awd_test_raw_sql (path,
    "BEGIN;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5)"
    " INSERT INTO criterion (id, round_id, position, name, weight) SELECT i, 1, i, 'Критерий ' || i, i FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)"
    " INSERT INTO juror (id, round_id, position, name) SELECT i, 1, i, 'Член жюри ' || i FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
    " INSERT INTO nomination (id, round_id, ref, title, status)"
    " SELECT i, 1, printf('2024-%05d', i), 'Проект ' || i, 'eligible' FROM n;"
    "INSERT INTO score (round_id, juror_id, nomination_id, criterion_id, value)"
    " SELECT 1, j.id, n.id, c.id, abs(random()) % 11 FROM juror j, nomination n, criterion c;"
    "COMMIT;");
}

static double
time_shell (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sqlite3", path, group_by_sql, NULL };
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_printerr ("sqlite3 shell: %s\n", error->message);
      return -1;
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_engine (const char *path,
             AwdMethod   method,
             double     *load_seconds)
{
  g_autoptr(AwdStore) store = awd_store_open (path, AWD_STORE_OPEN_READ_ONLY, "bench", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdResultsInput) in = NULL;
  g_autoptr(AwdResults) res = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 loaded;

  in = awd_store_load_results_input (store, 1, &error);
  g_assert_no_error (error);
  loaded = g_get_monotonic_time ();
  res = awd_results_compute (in, method, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_index (res->categories, AwdResultCategory, 0).entries->len, ==, N_NOMINATIONS);

  *load_seconds = (loaded - start) / 1e6;
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double shell, load, total;
  const AwdMethod methods[] = { AWD_METHOD_MEAN, AWD_METHOD_MEDIAN, AWD_METHOD_TRIMMED, AWD_METHOD_ZSCORE };

  g_test_init (&argc, &argv, NULL);

  dir = awd_test_make_dir ();
  path = g_build_filename (dir, "bench.db", NULL);
  generate (path);

  /* Warm the page cache for both sides alike. */
  time_shell (path);
  shell = time_shell (path);

  g_print ("1..1\n");
  g_print ("# %d scores (%d jurors x %d nominations x %d criteria)\n",
           N_JURORS * N_NOMINATIONS * N_CRITERIA, N_JURORS, N_NOMINATIONS, N_CRITERIA);
  g_print ("# sqlite3 shell, GROUP BY weighted totals and mean: %.3f s\n", shell);
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      total = time_engine (path, methods[i], &load);
      g_print ("# awd results, %-8s load %.3f s + compute %.3f s = %.3f s (%.2fx the shell; target <= 2x)\n",
               awd_method_to_string (methods[i]), load, total - load, total, total / shell);
    }
  g_print ("ok 1 - figures printed\n");

  awd_test_remove_dir (dir);
  return 0;
}
