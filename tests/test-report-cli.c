/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-report-cli"

#include "config.h"

#include <glib/gi18n.h>

#include <locale.h>
#include <string.h>

#include "awd-store-nominations.h"
#include "awd-store-scoring.h"
#include "awd-test-util.h"

/* `award-desk-cli report ROUND OUT.pdf` on a round built through the store:
 * the PDF holds the round's refs and title, with no display at all. */

typedef struct {
  char   *dir;
  char   *db;
  gint64  round_id;
} Fixture;

static const char *cli_path;

static void
add_nomination (AwdStore   *store,
                gint64      round_id,
                const char *ref,
                const char *title,
                GArray     *ids)
{
  g_autoptr(AwdNomination) n = awd_nomination_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  awd_nomination_set_round_id (n, round_id);
  awd_nomination_set_ref (n, ref);
  awd_nomination_set_title (n, title);
  awd_nomination_set_institution (n, "Библиотека");
  awd_nomination_set_status (n, AWD_NOMINATION_STATUS_ELIGIBLE);
  g_assert_true (awd_store_insert_nomination (store, n, &error));
  g_assert_no_error (error);
  id = awd_nomination_get_id (n);
  g_array_append_val (ids, id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(AwdCriterion) criterion = awd_criterion_new ();
  g_autoptr(AwdJuror) chair = awd_juror_new ();
  g_autoptr(AwdJuror) member = awd_juror_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  f->dir = awd_test_make_dir ();
  store = awd_test_open_store (f->dir, "awards.db");
  f->db = g_strdup (awd_store_get_path (store));
  f->round_id = awd_test_add_round (store, "Сезон «Книга без границ»");

  awd_criterion_set_round_id (criterion, f->round_id);
  awd_criterion_set_name (criterion, "Значимость");
  awd_criterion_set_weight (criterion, 1);
  g_assert_true (awd_store_insert_criterion (store, criterion, &error));
  awd_juror_set_round_id (chair, f->round_id);
  awd_juror_set_name (chair, "Рудомино Маргарита Ивановна");
  awd_juror_set_chair (chair, TRUE);
  g_assert_true (awd_store_insert_juror (store, chair, &error));
  awd_juror_set_round_id (member, f->round_id);
  awd_juror_set_name (member, "Петров Иван Сергеевич");
  g_assert_true (awd_store_insert_juror (store, member, &error));
  g_assert_no_error (error);

  add_nomination (store, f->round_id, "2024-001", "Открытая библиотека", ids);
  add_nomination (store, f->round_id, "2024-002", "Читающий регион", ids);
  add_nomination (store, f->round_id, "2024-003", "Мост через границы", ids);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 nomination = g_array_index (ids, gint64, i);

      g_assert_true (awd_store_set_score (store, awd_juror_get_id (chair), nomination,
                                          awd_criterion_get_id (criterion), 3 + i, &error));
      g_assert_true (awd_store_set_score (store, awd_juror_get_id (member), nomination,
                                          awd_criterion_get_id (criterion), 8 - i, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  awd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Runs the CLI without a display; returns its exit status. */
static int
run_cli (Fixture     *f,
         const char  *round,
         const char  *out,
         char       **err)
{
  const char *argv[] = { cli_path, "--db", f->db, "report", round, out, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, NULL, NULL);
  return out != NULL ? out : g_strdup ("");
}

static void
test_report_writes_pdf (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *round = g_strdup_printf ("%" G_GINT64_FORMAT, f->round_id);
  g_autofree char *out = g_build_filename (f->dir, "протокол.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_cli (f, round, out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  text = pdf_text (out);
  g_assert_nonnull (strstr (text, "2024-001"));
  g_assert_nonnull (strstr (text, "2024-002"));
  g_assert_nonnull (strstr (text, "2024-003"));
  g_assert_nonnull (strstr (text, "Читающий регион"));
  g_assert_nonnull (strstr (text, "Книга без границ"));
  /* Not finalized. */
  g_assert_nonnull (strstr (text, "PRELIMINARY RESULTS"));
  /* The chair is the juror with chair=true, initials first. */
  g_assert_nonnull (strstr (text, "М. И. Рудомино"));
}

static void
test_report_missing_round (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "none.pdf", NULL);
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_cli (f, "999", out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "999"));
  /* One clear line. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_report_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (f, "not-a-number", "x.pdf", &err), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  cli_path = g_getenv ("AWD_CLI");
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_print ("1..0 # SKIP award-desk-cli not built (set AWD_CLI)\n");
      return 0;
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report/cli/writes-pdf", test_report_writes_pdf);
  ADD ("/report/cli/missing-round", test_report_missing_round);
  ADD ("/report/cli/usage", test_report_usage);

  return g_test_run ();
}
