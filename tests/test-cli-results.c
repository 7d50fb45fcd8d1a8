/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-results"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "awd-test-util.h"

/* `results` and `progress` from the outside, on the sample season: the
 * shapes DESIGN.md fixes for scripts (CSV header, order, six decimals with a
 * dot whatever the locale; juror<TAB>scored<TAB>required) and the figures
 * the results engine gives. */

typedef struct {
  char *dir;
  char *db;
} Fixture;

static int
run (const char  *locale,
     char       **out,
     char       **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = -1;
  va_list args;

  /* Each run replaces what the previous one printed. */
  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);

  g_ptr_array_add (argv, (char *) g_getenv ("AWD_CLI"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "LC_ALL", locale, TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-round.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = awd_test_make_dir ();
  f->db = g_build_filename (f->dir, "awards.db", NULL);
  g_assert_cmpint (run ("C.UTF-8", &out, &err, "--db", f->db, "init", NULL), ==, 0);
  g_assert_cmpint (run ("C.UTF-8", &out, &err, "--db", f->db, "import-xml", sample, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  awd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static void
test_results_csv (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  /* Under the Russian locale printf would write a decimal comma. */
  g_assert_cmpint (run ("ru_RU.UTF-8", &out, &err, "--db", f->db, "results", "1", "--format", "csv", NULL), ==, 0);
  lines = g_strsplit (out, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "category,rank,ref,title,score");
  /* The Russian category first (rank order), then the CIS one; vote and
   * direct categories are not listed. 8 + 4 ranked rows, then the empty
   * string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 8 + 4 + 1);
  g_assert_cmpstr (lines[1], ==, "Лучший международный библиотечный проект в России,1,2024-001,"
                                 "Уральский мост: международный книгообмен с библиотеками Германии,7.482143");
  g_assert_true (g_str_has_prefix (lines[9], "Лучший международный проект библиотек СНГ,1,2024-014,"));
  g_assert_true (g_str_has_suffix (lines[9], ",7.910714"));
  g_assert_cmpstr (lines[13], ==, "");
}

static void
test_results_csv_quotes (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* A title with a comma or quotes is quoted, quotes doubled (RFC 4180). */
  g_assert_cmpint (run ("C.UTF-8", &out, &err, "--db", f->db, "results", "1", "--format", "csv", NULL), ==, 0);
  g_assert_nonnull (strstr (out, ",2024-002,Фестиваль перевода «Казанские переводческие чтения»,"));
}

static void
test_results_methods (Fixture       *f,
                      gconstpointer  data)
{
  const char *methods[] = { "mean", "median", "trimmed", "zscore" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_assert_cmpint (run ("C.UTF-8", &out, &err, "--db", f->db, "results", "1",
                            "--method", methods[i], "--format", "csv", NULL), ==, 0);
      g_assert_true (g_str_has_prefix (out, "category,rank,ref,title,score\r\n"));
    }

  g_assert_cmpint (run ("C.UTF-8", &out, &err, "--db", f->db, "results", "1", "--method", "average", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "average"));
  g_assert_cmpint (run ("C.UTF-8", &out, &err, "--db", f->db, "results", "1", "--format", "xml", NULL), ==, 2);
  g_assert_cmpint (run ("C.UTF-8", &out, &err, "--db", f->db, "results", "99", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "99"));
}

static void
test_results_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run ("C.UTF-8", &out, &err, "--db", f->db, "results", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "PRELIMINARY RESULTS"));
  g_assert_nonnull (strstr (out, "2024-001"));
  g_assert_nonnull (strstr (out, "votes: 412"));
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run ("C.UTF-8", &out, &err, "--db", f->db, "progress", "1", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* 7 jurors in panel order; 12 eligible jury nominations × 4 criteria = 48
   * required cells, 44 for the two jurors with a declared conflict. */
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_cmpstr (lines[0], ==, "Соколова Ольга Викторовна\t48\t48");
  g_assert_cmpstr (lines[3], ==, "Хайруллин Тимур Рашидович\t44\t44");
  g_assert_cmpstr (lines[7], ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/cli/results/csv", test_results_csv);
  ADD ("/cli/results/csv-quotes", test_results_csv_quotes);
  ADD ("/cli/results/methods", test_results_methods);
  ADD ("/cli/results/text", test_results_text);
  ADD ("/cli/progress", test_progress);
#undef ADD

  return g_test_run ();
}
