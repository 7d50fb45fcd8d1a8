/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-finalize"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "awd-canonical.h"
#include "awd-store-results.h"
#include "awd-test-util.h"

/* A small round built with raw SQL (content tables are written by other
 * parts of the store; here only finalization is under test):
 *   criteria c1 (weight 2), c2 (weight 1); jurors A, B, C;
 *   category "Проекты" (jury): P1, P2 eligible, P3 ineligible;
 *   category "Голосование" (vote): V1, V2 eligible.
 * Scores (c1, c2): P1: A 8 6, B 7 7, C 9 6 → totals 22/3, 7, 8 → mean 7.4444
 *                  P2: A 6 6, B 7 4, C 5 8 → totals 6, 6, 6 → mean 6 */

typedef struct {
  char     *dir;
  char     *path;
  AwdStore *store;
  gint64    round_id;
} Fixture;

static void
sql (Fixture    *f,
     const char *format,
     ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  awd_test_raw_sql (f->path, text);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 r;

  f->dir = awd_test_make_dir ();
  f->path = g_build_filename (f->dir, "awards.db", NULL);
  f->store = awd_test_open_store (f->dir, "awards.db");
  r = f->round_id = awd_test_add_round (f->store, "Сезон для подведения итогов");

  sql (f, "INSERT INTO criterion (id, round_id, position, name, weight) VALUES"
          " (11, %1$" G_GINT64_FORMAT ", 1, 'Значимость', 2), (12, %1$" G_GINT64_FORMAT ", 2, 'Новизна', 1);"
          "INSERT INTO juror (id, round_id, position, name) VALUES"
          " (21, %1$" G_GINT64_FORMAT ", 1, 'А'), (22, %1$" G_GINT64_FORMAT ", 2, 'Б'), (23, %1$" G_GINT64_FORMAT ", 3, 'В');"
          "INSERT INTO category (id, round_id, position, name, kind) VALUES"
          " (31, %1$" G_GINT64_FORMAT ", 1, 'Проекты', 'jury'), (32, %1$" G_GINT64_FORMAT ", 2, 'Голосование', 'vote');"
          "INSERT INTO nomination (id, round_id, category_id, ref, title, status) VALUES"
          " (41, %1$" G_GINT64_FORMAT ", 31, 'P1', 'Первый', 'eligible'),"
          " (42, %1$" G_GINT64_FORMAT ", 31, 'P2', 'Второй', 'eligible'),"
          " (43, %1$" G_GINT64_FORMAT ", 31, 'P3', 'Третий', 'ineligible'),"
          " (44, %1$" G_GINT64_FORMAT ", 32, 'V1', 'Голос один', 'eligible'),"
          " (45, %1$" G_GINT64_FORMAT ", 32, 'V2', 'Голос два', 'eligible');"
          "INSERT INTO vote (nomination_id, count) VALUES (44, 120), (45, 75);",
       r);
  sql (f, "INSERT INTO score (round_id, juror_id, nomination_id, criterion_id, value) VALUES"
          " (%1$" G_GINT64_FORMAT ", 21, 41, 11, 8), (%1$" G_GINT64_FORMAT ", 21, 41, 12, 6),"
          " (%1$" G_GINT64_FORMAT ", 22, 41, 11, 7), (%1$" G_GINT64_FORMAT ", 22, 41, 12, 7),"
          " (%1$" G_GINT64_FORMAT ", 23, 41, 11, 9), (%1$" G_GINT64_FORMAT ", 23, 41, 12, 6),"
          " (%1$" G_GINT64_FORMAT ", 21, 42, 11, 6), (%1$" G_GINT64_FORMAT ", 21, 42, 12, 6),"
          " (%1$" G_GINT64_FORMAT ", 22, 42, 11, 7), (%1$" G_GINT64_FORMAT ", 22, 42, 12, 4),"
          " (%1$" G_GINT64_FORMAT ", 23, 42, 11, 5), (%1$" G_GINT64_FORMAT ", 23, 42, 12, 8),"
          " (%1$" G_GINT64_FORMAT ", 21, 43, 11, 10);",
       r);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  awd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_snapshot_maps_ids (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdResultsSnapshot) s = awd_store_load_results (f->store, f->round_id, &error);
  int p2;

  g_assert_no_error (error);
  g_assert_cmpuint (s->input->criteria->len, ==, 2);
  g_assert_cmpuint (s->input->jurors->len, ==, 3);
  g_assert_cmpuint (s->input->nominations->len, ==, 5);
  g_assert_cmpuint (s->input->scores->len, ==, 13);
  p2 = awd_results_input_find_nomination (s->input, "P2");
  g_assert_cmpint (p2, >=, 0);
  g_assert_cmpint (g_array_index (s->nomination_ids, gint64, p2), ==, 42);
  g_assert_cmpint (g_array_index (s->criterion_ids, gint64, 1), ==, 12);
  g_assert_cmpfloat (g_array_index (s->input->criteria, AwdResultsCriterion, 0).weight, ==, 2);
}

static void
test_problems_block_finalizing (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AwdRound) round = NULL;
  gint64 audit_before;

  sql (f, "DELETE FROM score WHERE juror_id = 22 AND nomination_id = 42 AND criterion_id = 12");
  problems = awd_store_list_finalize_problems (f->store, f->round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Б"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "P2"));

  audit_before = awd_store_count_audit (f->store, NULL);
  g_assert_false (awd_store_finalize_round (f->store, f->round_id, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  round = awd_store_get_round (f->store, f->round_id, NULL);
  g_assert_cmpint (awd_round_get_status (round), !=, AWD_ROUND_STATUS_FINAL);
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT count(*) FROM result"), ==, 0);
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit_before);
}

static void
test_vote_without_counts_blocks (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;

  sql (f, "DELETE FROM vote");
  problems = awd_store_list_finalize_problems (f->store, f->round_id, NULL);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Голосование"));
}

static void
test_quorum_blocks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AwdRound) round = awd_store_get_round (f->store, f->round_id, NULL);
  g_autoptr(GPtrArray) problems = NULL;

  awd_round_set_quorum (round, 4);
  g_assert_true (awd_store_save_round (f->store, round, NULL));
  problems = awd_store_list_finalize_problems (f->store, f->round_id, NULL);
  /* P1 and P2 are counted by 3 jurors each. */
  g_assert_cmpuint (problems->len, ==, 2);
}

static void
test_top_tie_needs_decision (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) after = NULL;

  /* Make P2's totals equal P1's: A 22/3 → (8,6), B 7 → (7,7), C 8 → (9,6). */
  sql (f, "UPDATE score SET value = CASE (juror_id * 100 + criterion_id)"
          " WHEN 2111 THEN 8 WHEN 2112 THEN 6 WHEN 2211 THEN 7 WHEN 2212 THEN 7"
          " WHEN 2311 THEN 9 WHEN 2312 THEN 6 END WHERE nomination_id = 42");
  problems = awd_store_list_finalize_problems (f->store, f->round_id, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Проекты"));

  sql (f, "INSERT INTO award (nomination_id, mark, note) VALUES"
          " (41, 'laureate', 'Решение председателя: международный охват шире')");
  after = awd_store_list_finalize_problems (f->store, f->round_id, NULL);
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_finalize_freezes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(AwdJuror) juror = awd_juror_new ();
  g_autoptr(AwdResultsSnapshot) s = NULL;
  g_autoptr(AwdResults) res = NULL;
  g_autofree char *text = NULL;
  g_autofree char *checksum = NULL;
  sqlite3 *db = NULL;

  g_assert_true (awd_store_finalize_round (f->store, f->round_id, &error));
  g_assert_no_error (error);

  round = awd_store_get_round (f->store, f->round_id, NULL);
  g_assert_cmpint (awd_round_get_status (round), ==, AWD_ROUND_STATUS_FINAL);
  g_assert_cmpuint (strlen (awd_round_get_results_checksum (round)), ==, 64);
  g_assert_nonnull (awd_round_get_finalized_at (round));

  /* P1, P2 ranked in the jury category; V1, V2 by votes; P3 ineligible. */
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT count(*) FROM result"), ==, 4);
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT nomination_id FROM result WHERE category_id = 31 AND rank = 1"), ==, 41);
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT nomination_id FROM result WHERE category_id = 32 AND rank = 1"), ==, 44);
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT count(*) FROM result WHERE mark = 'laureate'"), ==, 2);
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT count(*) FROM audit WHERE action = 'finalize'"), ==, 1);

  /* The stored checksum is the canonical text's, recomputed independently. */
  s = awd_store_load_results (f->store, f->round_id, NULL);
  res = awd_results_compute (s->input, s->input->method, NULL);
  text = awd_canonical_results_text (s->input, res);
  checksum = awd_canonical_checksum (text);
  g_assert_cmpstr (checksum, ==, awd_round_get_results_checksum (round));
  g_assert_nonnull (strstr (text, "result|Проекты|1|P1|7.444444|laureate\n"));
  g_assert_true (awd_store_verify_final_round (f->store, f->round_id, &error));
  g_assert_no_error (error);

  /* Every write is refused now, through the store and around it. */
  awd_juror_set_round_id (juror, f->round_id);
  awd_juror_set_name (juror, "Поздний");
  g_assert_false (awd_store_insert_juror (f->store, juror, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL);
  g_clear_error (&error);
  g_assert_false (awd_store_finalize_round (f->store, f->round_id, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE score SET value = 10", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM result", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE vote SET count = 1", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

static void
test_verify_detects_tampering (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (awd_store_finalize_round (f->store, f->round_id, &error));
  sql (f, "DROP TRIGGER score_final_update; UPDATE score SET value = 10 WHERE nomination_id = 42");
  g_assert_false (awd_store_verify_final_round (f->store, f->round_id, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT);

  /* `award-desk-cli check` reports it too. */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_assert_true (awd_store_check (f->store, problems, NULL));
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "results"));
  }
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdRound) round = NULL;

  g_assert_true (awd_store_finalize_round (f->store, f->round_id, &error));
  g_assert_false (awd_store_reopen_round (f->store, f->round_id, "  ", &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (awd_store_reopen_round (f->store, f->round_id, "Ошибка в оценке члена жюри Б", &error));
  g_assert_no_error (error);
  round = awd_store_get_round (f->store, f->round_id, NULL);
  g_assert_cmpint (awd_round_get_status (round), ==, AWD_ROUND_STATUS_SCORING);
  g_assert_null (awd_round_get_results_checksum (round));
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT count(*) FROM result"), ==, 0);
  g_assert_cmpint (awd_test_raw_count (f->path, "SELECT count(*) FROM audit WHERE action = 'reopen'"
                                                " AND after LIKE '%Ошибка в оценке%'"), ==, 1);

  /* Editable again, and a second finalization works. */
  awd_round_set_title (round, "Исправленный сезон");
  g_assert_true (awd_store_save_round (f->store, round, &error));
  g_assert_true (awd_store_finalize_round (f->store, f->round_id, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/finalize/snapshot/maps-ids", test_snapshot_maps_ids);
  ADD ("/finalize/gate/missing-score", test_problems_block_finalizing);
  ADD ("/finalize/gate/vote-without-counts", test_vote_without_counts_blocks);
  ADD ("/finalize/gate/quorum", test_quorum_blocks);
  ADD ("/finalize/gate/top-tie-needs-decision", test_top_tie_needs_decision);
  ADD ("/finalize/freezes", test_finalize_freezes);
  ADD ("/finalize/verify-detects-tampering", test_verify_detects_tampering);
  ADD ("/finalize/reopen", test_reopen);
#undef ADD

  return g_test_run ();
}
