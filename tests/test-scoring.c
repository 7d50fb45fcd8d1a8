/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-scoring"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "awd-csv-votes.h"
#include "awd-store-conflict-suggestions.h"
#include "awd-store-results.h"
#include "awd-test-util.h"

/* The jury's work at the store's level: score values against the scale,
 * conflicts that block scoring and exclude scores, the progress arithmetic
 * (against the results engine and `award-desk-cli progress`), withdrawn
 * jurors, public votes and conflict suggestions. */

static char *cli_path;

typedef struct
{
  char     *dir;
  char     *path;
  AwdStore *store;
  gint64    round_id;
  gint64    crit[2];      /* weights 3 and 1 */
  gint64    jury_cat;
  gint64    vote_cat;
  gint64    juror[3];     /* Anna, Boris, Vera */
  gint64    nom[5];       /* 2024-01, -02 eligible jury; -03 ineligible jury; -04, -05 vote */
} Fixture;

static gint64
add_criterion (Fixture    *f,
               const char *name,
               double      weight)
{
  g_autoptr(AwdCriterion) c = awd_criterion_new ();
  g_autoptr(GError) error = NULL;

  awd_criterion_set_round_id (c, f->round_id);
  awd_criterion_set_name (c, name);
  awd_criterion_set_weight (c, weight);
  g_assert_true (awd_store_insert_criterion (f->store, c, &error));
  g_assert_no_error (error);
  return awd_criterion_get_id (c);
}

static gint64
add_category (Fixture         *f,
              const char      *name,
              AwdCategoryKind  kind)
{
  g_autoptr(AwdCategory) c = awd_category_new ();
  g_autoptr(GError) error = NULL;

  awd_category_set_round_id (c, f->round_id);
  awd_category_set_name (c, name);
  awd_category_set_kind (c, kind);
  g_assert_true (awd_store_insert_category (f->store, c, &error));
  g_assert_no_error (error);
  return awd_category_get_id (c);
}

static gint64
add_juror (Fixture    *f,
           const char *name,
           const char *affiliation)
{
  g_autoptr(AwdJuror) j = awd_juror_new ();
  g_autoptr(GError) error = NULL;

  awd_juror_set_round_id (j, f->round_id);
  awd_juror_set_name (j, name);
  awd_juror_set_affiliation (j, affiliation);
  g_assert_true (awd_store_insert_juror (f->store, j, &error));
  g_assert_no_error (error);
  return awd_juror_get_id (j);
}

static gint64
add_nomination (Fixture             *f,
                const char          *ref,
                gint64               category_id,
                AwdNominationStatus  status,
                const char          *institution)
{
  g_autoptr(AwdNomination) n = awd_nomination_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Проект %s", ref);

  awd_nomination_set_round_id (n, f->round_id);
  awd_nomination_set_ref (n, ref);
  awd_nomination_set_title (n, title);
  awd_nomination_set_category_id (n, category_id);
  awd_nomination_set_status (n, status);
  awd_nomination_set_institution (n, institution);
  g_assert_true (awd_store_insert_nomination (f->store, n, &error));
  g_assert_no_error (error);
  return awd_nomination_get_id (n);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(GListStore) partners = g_list_store_new (AWD_TYPE_PARTNER);
  g_autoptr(AwdPartner) partner = awd_partner_new ("«Российская государственная библиотека»", "RU");
  g_autoptr(GError) error = NULL;

  f->dir = awd_test_make_dir ();
  f->path = g_build_filename (f->dir, "awards.db", NULL);
  f->store = awd_test_open_store (f->dir, "awards.db");
  f->round_id = awd_test_add_round (f->store, "Сезон");

  round = awd_store_get_round (f->store, f->round_id, &error);
  g_assert_no_error (error);
  awd_round_set_scale_min (round, 0);
  awd_round_set_scale_max (round, 10);
  awd_round_set_scale_step (round, 0.5);
  awd_round_set_status (round, AWD_ROUND_STATUS_SCORING);
  g_assert_true (awd_store_save_round (f->store, round, &error));
  g_assert_no_error (error);

  f->crit[0] = add_criterion (f, "Значение", 3);
  f->crit[1] = add_criterion (f, "Новизна", 1);
  f->jury_cat = add_category (f, "Лучший проект", AWD_CATEGORY_KIND_JURY);
  f->vote_cat = add_category (f, "Выбор сообщества", AWD_CATEGORY_KIND_VOTE);
  f->juror[0] = add_juror (f, "Анна", "Национальная библиотека Республики Татарстан");
  f->juror[1] = add_juror (f, "Борис", "РОССИЙСКАЯ государственная библиотека, отдел международных связей");
  f->juror[2] = add_juror (f, "Вера", "Библиотека иностранной литературы");
  f->nom[0] = add_nomination (f, "2024-01", f->jury_cat, AWD_NOMINATION_STATUS_ELIGIBLE,
                              "Национальная Библиотека Республики Татарстан");
  f->nom[1] = add_nomination (f, "2024-02", f->jury_cat, AWD_NOMINATION_STATUS_ELIGIBLE,
                              "Библиотека им. Белинского");
  f->nom[2] = add_nomination (f, "2024-03", f->jury_cat, AWD_NOMINATION_STATUS_INELIGIBLE,
                              "Омская библиотека");
  f->nom[3] = add_nomination (f, "2024-04", f->vote_cat, AWD_NOMINATION_STATUS_ELIGIBLE, "Вологодская библиотека");
  f->nom[4] = add_nomination (f, "2024-05", f->vote_cat, AWD_NOMINATION_STATUS_ELIGIBLE, "Ярославская библиотека");

  g_list_store_append (partners, partner);
  g_assert_true (awd_store_set_partners (f->store, f->nom[1], G_LIST_MODEL (partners), &error));
  g_assert_no_error (error);
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
score (Fixture *f,
       guint    j,
       guint    n,
       guint    c,
       double   value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (awd_store_set_score (f->store, f->juror[j], f->nom[n], f->crit[c], value, &error));
  g_assert_no_error (error);
}

static gboolean
stored (Fixture *f,
        guint    j,
        guint    n,
        guint    c,
        double  *out_value)
{
  return awd_store_get_score (f->store, f->juror[j], f->nom[n], f->crit[c], out_value, NULL);
}

static AwdResults *
compute (Fixture             *f,
         AwdResultsSnapshot **out_snapshot)
{
  g_autoptr(GError) error = NULL;
  AwdResultsSnapshot *snapshot = awd_store_load_results (f->store, f->round_id, &error);
  AwdResults *res;

  g_assert_no_error (error);
  res = awd_results_compute (snapshot->input, AWD_METHOD_MEAN, &error);
  g_assert_no_error (error);
  *out_snapshot = snapshot;
  return res;
}

static const AwdJurorProgress *
progress_of (AwdResults *res,
             guint       juror)
{
  return &g_array_index (res->progress, AwdJurorProgress, juror);
}

/* ---- values against the scale ---- */

static void
test_value_bounds (void)
{
  struct { double value; gboolean ok; } cases[] = {
    { 0, TRUE }, { 10, TRUE }, { 7.5, TRUE }, { 0.5, TRUE }, { 9.5, TRUE },
    { -0.5, FALSE }, { 10.5, FALSE }, { 10.000001, FALSE }, { -1e-3, FALSE },
    { 7.25, FALSE }, { 0.3, FALSE }, { 9.9, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = awd_score_value_check (0, 10, 0.5, cases[i].value, &error);

      g_test_message ("value %g", cases[i].value);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_no_error (error);
      else
        g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
    }

  /* Not a number is never a score. */
  g_assert_false (awd_score_value_check (0, 10, 1, NAN, NULL));
  g_assert_false (awd_score_value_check (0, 10, 1, INFINITY, NULL));
  /* A scale that starts off zero counts its steps from the minimum. */
  g_assert_true (awd_score_value_check (1, 5, 2, 3, NULL));
  g_assert_false (awd_score_value_check (1, 5, 2, 2, NULL));
  /* Steps of 0.1 accumulate no rounding trouble. */
  g_assert_true (awd_score_value_check (0, 1, 0.1, 0.7, NULL));
  g_assert_true (awd_score_value_check (0, 1, 0.1, 0.3, NULL));
}

static void
test_set_score_refused_keeps_previous (Fixture       *f,
                                       gconstpointer  data)
{
  const double refused[] = { 10.5, -0.5, 7.25, 11, 0.1 };
  gint64 audit_before;
  double value = -1;

  score (f, 0, 0, 0, 7.5);
  audit_before = awd_store_count_audit (f->store, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (awd_store_set_score (f->store, f->juror[0], f->nom[0], f->crit[0], refused[i], &error));
      g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
      g_assert_true (stored (f, 0, 0, 0, &value));
      g_assert_cmpfloat (value, ==, 7.5);
    }
  /* Nothing refused reached the audit log. */
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit_before);

  /* The bounds themselves are scores. */
  score (f, 0, 0, 0, 10);
  g_assert_true (stored (f, 0, 0, 0, &value));
  g_assert_cmpfloat (value, ==, 10);
  score (f, 0, 0, 0, 0);
  g_assert_true (stored (f, 0, 0, 0, &value));
  g_assert_cmpfloat (value, ==, 0);

  /* Clearing empties the cell, with an audit row. */
  audit_before = awd_store_count_audit (f->store, NULL);
  g_assert_true (awd_store_clear_score (f->store, f->juror[0], f->nom[0], f->crit[0], NULL));
  g_assert_false (stored (f, 0, 0, 0, NULL));
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit_before + 1);
}

/* ---- conflicts ---- */

static void
test_conflict_blocks_and_excludes (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(AwdResultsSnapshot) snap = NULL;
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  const AwdResultEntry *entry;
  gint64 audit_before;
  double value;

  /* Anna and Boris score 2024-01 fully: Anna 8/6, Boris 4/4. */
  score (f, 0, 0, 0, 8);
  score (f, 0, 0, 1, 6);
  score (f, 1, 0, 0, 4);
  score (f, 1, 0, 1, 4);

  audit_before = awd_store_count_audit (f->store, NULL);
  g_assert_true (awd_store_set_conflict (f->store, f->juror[0], f->nom[0],
                                         "Работает в учреждении-заявителе", &error));
  g_assert_no_error (error);
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit_before + 1);

  conflicts = awd_store_list_conflicts (f->store, f->round_id, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (g_array_index (conflicts, AwdConflictRow, 0).reason, ==, "Работает в учреждении-заявителе");

  /* Scoring is refused, for a new value as for clearing the way in. */
  g_assert_false (awd_store_set_score (f->store, f->juror[0], f->nom[0], f->crit[0], 9, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* The old score stays stored (visible, excluded). */
  g_assert_true (stored (f, 0, 0, 0, &value));
  g_assert_cmpfloat (value, ==, 8);

  /* The engine counts Boris alone for 2024-01: mean = (3·4 + 1·4)/4 = 4. */
  res = compute (f, &snap);
  entry = awd_results_lookup (res, 0);
  g_assert_nonnull (entry);
  if (entry != NULL)
    {
      g_assert_cmpuint (entry->n_counting, ==, 1);
      g_assert_cmpfloat_with_epsilon (entry->score, 4.0, 1e-9);
      g_assert_cmpuint (g_array_index (entry->totals, AwdJurorTotal, 0).juror, ==, 1);
    }
  /* Anna's 2024-01 cells are no longer required. */
  g_assert_cmpuint (progress_of (res, 0)->required, ==, 2);
  g_assert_cmpuint (progress_of (res, 0)->scored, ==, 0);

  /* Removing the conflict brings her scores back into the count. */
  g_assert_true (awd_store_remove_conflict (f->store, f->juror[0], f->nom[0], &error));
  g_assert_no_error (error);
  g_clear_pointer (&res, awd_results_free);
  g_clear_pointer (&snap, awd_results_snapshot_free);
  res = compute (f, &snap);
  entry = awd_results_lookup (res, 0);
  g_assert_cmpuint (entry->n_counting, ==, 2);
  /* Anna 7.5, Boris 4 → 5.75 */
  g_assert_cmpfloat_with_epsilon (entry->score, 5.75, 1e-9);
  score (f, 0, 0, 0, 9);
}

/* ---- progress ---- */

static char *
run_cli_progress (Fixture *f)
{
  g_autofree char *round = g_strdup_printf ("%" G_GINT64_FORMAT, f->round_id);
  const char *argv[] = { cli_path, "--db", f->path, "progress", round, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (err != NULL && *err != '\0')
    g_test_message ("stderr: %s", err);
  return g_steal_pointer (&out);
}

static void
test_progress_arithmetic (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AwdResultsSnapshot) snap = NULL;
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cli = NULL;
  g_autoptr(AwdJuror) vera = NULL;
  g_autoptr(GListModel) jurors = NULL;

  /* Required per juror: 2 criteria × 2 eligible jury nominations = 4
   * (2024-03 is ineligible, 2024-04/05 are vote nominations). */
  /* Anna: conflict on 2024-01 → 2 required; scores 2024-02 once, and has
   * a score on the ineligible 2024-03 that does not count. */
  score (f, 0, 0, 0, 5);                      /* made before the conflict: not counted */
  g_assert_true (awd_store_set_conflict (f->store, f->juror[0], f->nom[0], NULL, &error));
  g_assert_no_error (error);
  score (f, 0, 1, 0, 7);
  score (f, 0, 2, 0, 7);
  score (f, 0, 2, 1, 7);
  /* Boris: everything. */
  score (f, 1, 0, 0, 1);
  score (f, 1, 0, 1, 2);
  score (f, 1, 1, 0, 3);
  score (f, 1, 1, 1, 4.5);
  /* Vera: one cell. */
  score (f, 2, 1, 1, 10);

  res = compute (f, &snap);
  g_assert_cmpuint (progress_of (res, 0)->required, ==, 2);
  g_assert_cmpuint (progress_of (res, 0)->scored, ==, 1);
  g_assert_cmpuint (progress_of (res, 1)->required, ==, 4);
  g_assert_cmpuint (progress_of (res, 1)->scored, ==, 4);
  g_assert_cmpuint (progress_of (res, 2)->required, ==, 4);
  g_assert_cmpuint (progress_of (res, 2)->scored, ==, 1);
  /* Missing: Anna's 2024-02 × c2, Vera's 3 cells. */
  g_assert_cmpuint (res->missing->len, ==, 4);
  g_assert_false (res->complete);

  cli = run_cli_progress (f);
  g_assert_cmpstr (cli, ==, "Анна\t1\t2\nБорис\t4\t4\nВера\t1\t4\n");

  /* Vera withdraws: her cells stop being required, her score stops counting. */
  jurors = awd_store_list_jurors (f->store, f->round_id, &error);
  vera = g_list_model_get_item (jurors, 2);
  awd_juror_set_withdrawn (vera, TRUE);
  awd_juror_set_withdrawn_reason (vera, "Болезнь");
  g_assert_true (awd_store_save_juror (f->store, vera, &error));
  g_assert_no_error (error);

  g_clear_pointer (&res, awd_results_free);
  g_clear_pointer (&snap, awd_results_snapshot_free);
  res = compute (f, &snap);
  g_assert_cmpuint (progress_of (res, 2)->required, ==, 0);
  g_assert_cmpuint (progress_of (res, 2)->scored, ==, 0);
  g_assert_cmpuint (res->missing->len, ==, 1);
  {
    const AwdResultEntry *entry = awd_results_lookup (res, 1);
    g_assert_cmpuint (entry->n_counting, ==, 1);   /* Boris only; Anna's 2024-02 is partial */
  }
  g_free (cli);
  cli = run_cli_progress (f);
  g_assert_cmpstr (cli, ==, "Анна\t1\t2\nБорис\t4\t4\nВера\t0\t0\n");
}

/* ---- public votes ---- */

static void
test_votes_import (Fixture       *f,
                   gconstpointer  data)
{
  const char good[] = "ref,count\n2024-04,312\n2024-05,45\n";
  const char bad[] = "ref,count\n2024-04,100\n2024-01,5\n2024-05,-3\n";
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) awd_csv_problem_free);
  g_autoptr(GArray) votes = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (awd_csv_votes_import_data (f->store, f->round_id, good, strlen (good), "votes.csv",
                                            NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  votes = awd_store_list_votes (f->store, f->round_id, &error);
  g_assert_cmpuint (votes->len, ==, 2);
  g_assert_cmpint (g_array_index (votes, AwdVoteRow, 0).count, ==, 312);
  g_assert_cmpint (g_array_index (votes, AwdVoteRow, 1).count, ==, 45);
  g_clear_pointer (&votes, g_array_unref);

  /* A jury nomination and a negative count: refused whole, nothing written. */
  g_assert_false (awd_csv_votes_import_data (f->store, f->round_id, bad, strlen (bad), "bad.csv",
                                             problems, &n, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (problems->len, >=, 2);
  votes = awd_store_list_votes (f->store, f->round_id, NULL);
  g_assert_cmpint (g_array_index (votes, AwdVoteRow, 0).count, ==, 312);
  g_clear_pointer (&votes, g_array_unref);

  /* By hand: set and remove, apart from any jury score. */
  g_assert_true (awd_store_set_votes (f->store, f->nom[4], 46, &error));
  g_assert_true (awd_store_set_votes (f->store, f->nom[3], -1, &error));
  votes = awd_store_list_votes (f->store, f->round_id, NULL);
  g_assert_cmpuint (votes->len, ==, 1);
  g_assert_cmpint (g_array_index (votes, AwdVoteRow, 0).count, ==, 46);
  g_assert_cmpint (awd_store_count_scores (f->store, f->round_id, NULL), ==, 0);
}

/* ---- conflict suggestions ---- */

static void
test_institutions_match (void)
{
  g_autofree char *key = awd_institution_key ("  «Российская  государственная\tбиблиотека», (РГБ) ");

  g_assert_cmpstr (key, ==, "российская государственная библиотека ргб");

  /* Equal after folding: case, ё/е, quotes and punctuation. */
  g_assert_true (awd_institutions_match ("Библиотека «Ёлка»", "БИБЛИОТЕКА \"елка\""));
  g_assert_true (awd_institutions_match ("Библиотека им. Белинского", "библиотека им Белинского"));
  /* One contains the other, as whole words. */
  g_assert_true (awd_institutions_match ("Национальная библиотека Республики Татарстан, отдел редких книг",
                                         "национальная библиотека республики татарстан"));
  g_assert_true (awd_institutions_match ("Библиотека иностранной литературы",
                                         "Всероссийская государственная библиотека иностранной литературы"));
  /* Not part of a word, and not a trivially short key. */
  g_assert_false (awd_institutions_match ("Иностранной библиотеки", "ран"));
  g_assert_false (awd_institutions_match ("РНБ", "РНБ отдел"));
  /* A single word is in every name: only equality counts then. */
  g_assert_false (awd_institutions_match ("Библиотека", "Национальная библиотека Республики Татарстан"));
  g_assert_true (awd_institutions_match ("Библиотека", "«библиотека»"));
  g_assert_false (awd_institutions_match ("Российская национальная библиотека",
                                          "Российская государственная библиотека"));
  g_assert_false (awd_institutions_match ("", "Библиотека"));
  g_assert_false (awd_institutions_match (NULL, "Библиотека"));
  g_assert_false (awd_institutions_match ("«»", "\"\""));
}

static void
test_suggestions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  const AwdConflictSuggestion *s;

  suggestions = awd_store_suggest_conflicts (f->store, f->round_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (suggestions);
  /* Anna × 2024-01 (the nominating institution), Boris × 2024-02 (a partner). */
  g_assert_cmpuint (suggestions->len, ==, 2);
  if (suggestions->len != 2)
    return;
  s = &g_array_index (suggestions, AwdConflictSuggestion, 0);
  g_assert_cmpint (s->juror_id, ==, f->juror[0]);
  g_assert_cmpint (s->nomination_id, ==, f->nom[0]);
  g_assert_false (s->partner);
  g_assert_cmpstr (s->matched, ==, "Национальная Библиотека Республики Татарстан");
  g_assert_nonnull (s->reason);
  s = &g_array_index (suggestions, AwdConflictSuggestion, 1);
  g_assert_cmpint (s->juror_id, ==, f->juror[1]);
  g_assert_cmpint (s->nomination_id, ==, f->nom[1]);
  g_assert_true (s->partner);
  g_assert_cmpstr (s->matched, ==, "«Российская государственная библиотека»");
  g_assert_cmpstr (s->reason, !=, g_array_index (suggestions, AwdConflictSuggestion, 0).reason);

  /* Confirmed suggestions are not suggested again. */
  g_assert_true (awd_store_set_conflict (f->store, s->juror_id, s->nomination_id, s->reason, &error));
  g_assert_no_error (error);
  g_clear_pointer (&suggestions, g_array_unref);
  suggestions = awd_store_suggest_conflicts (f->store, f->round_id, &error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_cmpint (g_array_index (suggestions, AwdConflictSuggestion, 0).juror_id, ==, f->juror[0]);
}

int
main (int   argc,
      char *argv[])
{
  const char *env_cli;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  env_cli = g_getenv ("AWD_CLI");
  cli_path = env_cli != NULL ? g_strdup (env_cli)
                             : g_build_filename (g_test_get_dir (G_TEST_BUILT), "..", "src", "cli",
                                                 "award-desk-cli", NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/scoring/value/bounds-and-step", test_value_bounds);
  ADD ("/scoring/score/refused-keeps-previous", test_set_score_refused_keeps_previous);
  ADD ("/scoring/conflict/blocks-and-excludes", test_conflict_blocks_and_excludes);
  ADD ("/scoring/progress/arithmetic", test_progress_arithmetic);
  ADD ("/scoring/votes/import", test_votes_import);
  g_test_add_func ("/scoring/suggestions/match", test_institutions_match);
  ADD ("/scoring/suggestions/store", test_suggestions);
#undef ADD

  return g_test_run ();
}
