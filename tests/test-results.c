/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-results"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "awd-results.h"

/* Every expected value below is worked out by hand in the comment next to
 * it, from DESIGN.md's "Results arithmetic"; none is copied from the
 * engine's own output. */

#define EPS 1e-6

/* ---- helpers ----------------------------------------------------------- */

static const AwdResultEntry *
entry_of (const AwdResults *res,
          int               nomination)
{
  const AwdResultEntry *e = awd_results_lookup (res, (guint) nomination);

  g_assert_nonnull (e);
  return e;
}

static double
score_of (const AwdResults *res,
          int               nomination)
{
  const AwdResultEntry *e = entry_of (res, nomination);

  return e != NULL ? e->score : NAN;
}

static guint
rank_of (const AwdResults *res,
         int               nomination)
{
  const AwdResultEntry *e = entry_of (res, nomination);

  return e != NULL ? e->rank : G_MAXUINT;
}

static const AwdResultCategory *
category_at (const AwdResults *res,
             guint             i)
{
  g_assert_cmpuint (i, <, res->categories->len);
  return &g_array_index (res->categories, AwdResultCategory, i);
}

static guint
entry_nomination_at (const AwdResults *res,
                     guint             category,
                     guint             i)
{
  const AwdResultCategory *rc = category_at (res, category);

  g_assert_cmpuint (i, <, rc->entries->len);
  if (i >= rc->entries->len)
    return G_MAXUINT;
  return g_array_index (rc->entries, AwdResultEntry, i).nomination;
}

/* Bounds-checked reads, so that a failed check does not crash the rest. */
static guint
uint_at (GArray *array,
         guint   i)
{
  g_assert_cmpuint (i, <, array->len);
  return i < array->len ? g_array_index (array, guint, i) : G_MAXUINT;
}

static AwdJurorTotal
total_at (const AwdResultEntry *e,
          guint                 i)
{
  AwdJurorTotal none = { G_MAXUINT, NAN };

  g_assert_cmpuint (i, <, e->totals->len);
  return i < e->totals->len ? g_array_index (e->totals, AwdJurorTotal, i) : none;
}

static AwdMissingCell
missing_at (const AwdResults *res,
            guint             i)
{
  AwdMissingCell none = { G_MAXUINT, G_MAXUINT, G_MAXUINT };

  g_assert_cmpuint (i, <, res->missing->len);
  return i < res->missing->len ? g_array_index (res->missing, AwdMissingCell, i) : none;
}

/* Scores a whole sheet of one juror for one nomination: values[c] for
 * criterion c; a negative value leaves the cell empty. */
static void
add_sheet (AwdResultsInput *in,
           int              juror,
           int              nomination,
           const double    *values,
           guint            n_values)
{
  for (guint c = 0; c < n_values; c++)
    if (values[c] >= 0)
      awd_results_input_add_score (in, (guint) juror, (guint) nomination, c, values[c]);
}

#define SHEET(in, j, n, ...) \
  G_STMT_START { \
    const double v_[] = { __VA_ARGS__ }; \
    add_sheet ((in), (j), (n), v_, G_N_ELEMENTS (v_)); \
  } G_STMT_END

static AwdResults *
compute_ok (const AwdResultsInput *in,
            AwdMethod              method)
{
  g_autoptr(GError) error = NULL;
  AwdResults *res = awd_results_compute (in, method, &error);

  g_assert_no_error (error);
  g_assert_nonnull (res);
  return res;
}

/* The basic round: criteria weights 2 and 1, three jurors, three eligible
 * nominations, no categories (one implicit jury category).
 *
 *        (c1, c2)   T = (2·c1 + c2)/3
 *   J1   A (8,5)=7   B (6,9)=7   C (9,6)=8
 *   J2   A (7,7)=7   B (5,8)=6   C (10,10)=10
 *   J3   A (10,4)=8  B (9,3)=7   C (3,3)=3
 */
typedef struct {
  AwdResultsInput *in;
  int j[3];
  int a, b, c;
} Basic;

static void
basic_init (Basic *b)
{
  b->in = awd_results_input_new ("Rudomino", 2, 2023);
  awd_results_input_add_criterion (b->in, "Novelty", 2);
  awd_results_input_add_criterion (b->in, "Reach", 1);
  b->j[0] = awd_results_input_add_juror (b->in, "J1", FALSE);
  b->j[1] = awd_results_input_add_juror (b->in, "J2", FALSE);
  b->j[2] = awd_results_input_add_juror (b->in, "J3", FALSE);
  b->a = awd_results_input_add_nomination (b->in, "A", "Project A", "Lib A", -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  b->b = awd_results_input_add_nomination (b->in, "B", "Project B", "Lib B", -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  b->c = awd_results_input_add_nomination (b->in, "C", "Project C", "Lib C", -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  SHEET (b->in, b->j[0], b->a, 8, 5);
  SHEET (b->in, b->j[0], b->b, 6, 9);
  SHEET (b->in, b->j[0], b->c, 9, 6);
  SHEET (b->in, b->j[1], b->a, 7, 7);
  SHEET (b->in, b->j[1], b->b, 5, 8);
  SHEET (b->in, b->j[1], b->c, 10, 10);
  SHEET (b->in, b->j[2], b->a, 10, 4);
  SHEET (b->in, b->j[2], b->b, 9, 3);
  SHEET (b->in, b->j[2], b->c, 3, 3);
}

/* ---- tests ------------------------------------------------------------- */

static void
test_mean_basic (void)
{
  Basic b;
  g_autoptr(AwdResults) res = NULL;
  const AwdResultEntry *e;

  basic_init (&b);
  res = compute_ok (b.in, AWD_METHOD_MEAN);

  /* A = (7+7+8)/3 = 7.333333, C = (8+10+3)/3 = 7, B = (7+6+7)/3 = 6.666667 */
  g_assert_cmpuint (res->categories->len, ==, 1);
  g_assert_cmpint (category_at (res, 0)->category, ==, -1);
  g_assert_cmpint (category_at (res, 0)->kind, ==, AWD_CATEGORY_KIND_JURY);
  g_assert_cmpfloat_with_epsilon (score_of (res, b.a), 22.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, b.b), 20.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, b.c), 7.0, EPS);
  g_assert_cmpuint (rank_of (res, b.a), ==, 1);
  g_assert_cmpuint (rank_of (res, b.c), ==, 2);
  g_assert_cmpuint (rank_of (res, b.b), ==, 3);
  /* Entries come in rank order. */
  g_assert_cmpuint (entry_nomination_at (res, 0, 0), ==, (guint) b.a);
  g_assert_cmpuint (entry_nomination_at (res, 0, 1), ==, (guint) b.c);
  g_assert_cmpuint (entry_nomination_at (res, 0, 2), ==, (guint) b.b);

  /* Disagreement of C: totals 8, 10, 3, mean 7, squared deviations
   * 1 + 9 + 16 = 26, σ = √(26/3) = 2.943920, range 10 − 3 = 7. */
  e = entry_of (res, b.c);
  g_assert_cmpuint (e->n_counting, ==, 3);
  g_assert_cmpfloat_with_epsilon (e->spread_sd, sqrt (26.0 / 3), EPS);
  g_assert_cmpfloat_with_epsilon (e->spread_range, 7.0, EPS);
  g_assert_cmpuint (e->totals->len, ==, 3);
  g_assert_cmpuint (total_at (e, 1).juror, ==, 1);
  g_assert_cmpfloat_with_epsilon (total_at (e, 1).total, 10.0, EPS);
  g_assert_cmpfloat_with_epsilon (total_at (e, 2).total, 3.0, EPS);
  g_assert_false (e->tied);
  g_assert_false (e->score_tied);

  /* Every cell filled: 3 jurors × 3 nominations × 2 criteria. */
  g_assert_true (res->complete);
  g_assert_cmpuint (res->missing->len, ==, 0);
  g_assert_cmpuint (g_array_index (res->progress, AwdJurorProgress, 0).required, ==, 6);
  g_assert_cmpuint (g_array_index (res->progress, AwdJurorProgress, 0).scored, ==, 6);

  awd_results_input_free (b.in);
}

static void
test_median_odd (void)
{
  Basic b;
  g_autoptr(AwdResults) res = NULL;

  basic_init (&b);
  res = compute_ok (b.in, AWD_METHOD_MEDIAN);

  /* A {7,7,8} → 7; B {6,7,7} → 7; C {3,8,10} → 8.
   * C first, A and B share rank 2. */
  g_assert_cmpint (res->method, ==, AWD_METHOD_MEDIAN);
  g_assert_cmpfloat_with_epsilon (score_of (res, b.c), 8.0, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, b.a), 7.0, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, b.b), 7.0, EPS);
  g_assert_cmpuint (rank_of (res, b.c), ==, 1);
  g_assert_cmpuint (rank_of (res, b.a), ==, 2);
  g_assert_cmpuint (rank_of (res, b.b), ==, 2);
  g_assert_true (entry_of (res, b.a)->tied);
  g_assert_true (entry_of (res, b.b)->tied);
  g_assert_false (entry_of (res, b.c)->tied);
  /* Equal entries are listed by ref: A before B. */
  g_assert_cmpuint (entry_nomination_at (res, 0, 1), ==, (guint) b.a);
  g_assert_cmpuint (entry_nomination_at (res, 0, 2), ==, (guint) b.b);

  awd_results_input_free (b.in);
}

static void
test_median_even (void)
{
  g_autoptr(AwdResultsInput) in = awd_results_input_new ("Award", 1, 2024);
  g_autoptr(AwdResults) median = NULL;
  g_autoptr(AwdResults) mean = NULL;
  int j[4], a, b;

  awd_results_input_add_criterion (in, "Only", 1);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("J%u", i + 1);

      j[i] = awd_results_input_add_juror (in, name, FALSE);
    }
  a = awd_results_input_add_nomination (in, "A", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  b = awd_results_input_add_nomination (in, "B", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  /* A: 2, 4, 6, 10 → median (4+6)/2 = 5, mean 22/4 = 5.5.
   * B: 6, 3, 5, 9  → sorted 3,5,6,9 → median 5.5, mean 23/4 = 5.75. */
  SHEET (in, j[0], a, 2);
  SHEET (in, j[1], a, 10);
  SHEET (in, j[2], a, 4);
  SHEET (in, j[3], a, 6);
  SHEET (in, j[0], b, 6);
  SHEET (in, j[1], b, 3);
  SHEET (in, j[2], b, 5);
  SHEET (in, j[3], b, 9);

  median = compute_ok (in, AWD_METHOD_MEDIAN);
  g_assert_cmpfloat_with_epsilon (score_of (median, a), 5.0, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (median, b), 5.5, EPS);
  g_assert_cmpuint (rank_of (median, b), ==, 1);
  g_assert_cmpuint (rank_of (median, a), ==, 2);

  mean = compute_ok (in, AWD_METHOD_MEAN);
  g_assert_cmpfloat_with_epsilon (score_of (mean, a), 5.5, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (mean, b), 5.75, EPS);
}

/* Five jurors, one criterion:
 *   X: 1, 5, 6, 7, 10   mean 29/5 = 5.8; trim k=1 → (5+6+7)/3 = 6
 *   Y: 6, 6, 6, 6, 6    every method → 6 */
static AwdResultsInput *
make_trim_round (int *x,
                 int *y)
{
  AwdResultsInput *in = awd_results_input_new ("Award", 1, 2024);
  const double xs[] = { 1, 5, 6, 7, 10 };

  awd_results_input_add_criterion (in, "Only", 1);
  *x = awd_results_input_add_nomination (in, "X", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  *y = awd_results_input_add_nomination (in, "Y", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("J%u", i + 1);
      int j = awd_results_input_add_juror (in, name, FALSE);

      SHEET (in, j, *x, xs[i]);
      SHEET (in, j, *y, 6);
    }
  return in;
}

static void
test_trimmed (void)
{
  int x, y;
  g_autoptr(AwdResultsInput) in = make_trim_round (&x, &y);
  g_autoptr(AwdResults) k1 = NULL;
  g_autoptr(AwdResults) k2 = NULL;
  g_autoptr(AwdResults) k3 = NULL;
  g_autoptr(AwdResults) mean = NULL;

  /* k = 1: X = 6 = Y, a two-way tie at rank 1. */
  k1 = compute_ok (in, AWD_METHOD_TRIMMED);
  g_assert_cmpfloat_with_epsilon (score_of (k1, x), 6.0, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (k1, y), 6.0, EPS);
  g_assert_cmpuint (rank_of (k1, x), ==, 1);
  g_assert_cmpuint (rank_of (k1, y), ==, 1);
  g_assert_true (entry_of (k1, x)->tied);

  /* k = 2: 5 ≥ 2·2+1, drop 1, 5 and 7, 10 → 6. */
  awd_results_input_set_trim (in, 2);
  k2 = compute_ok (in, AWD_METHOD_TRIMMED);
  g_assert_cmpfloat_with_epsilon (score_of (k2, x), 6.0, EPS);

  /* k = 3: 5 < 7 counting jurors → plain mean 5.8; Y first. */
  awd_results_input_set_trim (in, 3);
  k3 = compute_ok (in, AWD_METHOD_TRIMMED);
  g_assert_cmpfloat_with_epsilon (score_of (k3, x), 5.8, EPS);
  g_assert_cmpuint (rank_of (k3, y), ==, 1);
  g_assert_cmpuint (rank_of (k3, x), ==, 2);

  mean = compute_ok (in, AWD_METHOD_MEAN);
  g_assert_cmpfloat_with_epsilon (score_of (mean, x), 5.8, EPS);
}

static void
test_trimmed_withdrawn (void)
{
  int x, y;
  g_autoptr(AwdResultsInput) in = make_trim_round (&x, &y);
  g_autoptr(AwdResults) res = NULL;

  /* J5 (who gave X a 10) withdraws: X counts 1, 5, 6, 7 — four jurors,
   * fewer than 2·1+1? No: 4 ≥ 3, so trim k=1 → (5+6)/2 = 5.5. With k = 2
   * (4 < 5) the plain mean 19/4 = 4.75. */
  g_array_index (in->jurors, AwdResultsJuror, 4).withdrawn = TRUE;
  res = compute_ok (in, AWD_METHOD_TRIMMED);
  g_assert_cmpfloat_with_epsilon (score_of (res, x), 5.5, EPS);
  g_assert_cmpuint (entry_of (res, x)->n_counting, ==, 4);
  /* A withdrawn juror has no required cells. */
  g_assert_cmpuint (g_array_index (res->progress, AwdJurorProgress, 4).required, ==, 0);
  g_assert_true (res->complete);

  g_clear_pointer (&res, awd_results_free);
  awd_results_input_set_trim (in, 2);
  res = compute_ok (in, AWD_METHOD_TRIMMED);
  g_assert_cmpfloat_with_epsilon (score_of (res, x), 4.75, EPS);
}

/* One criterion, two jurors, mean:
 *   N1 9,9 → 9   N2 8,6 → 7   N3 7,7 → 7   N4 6,8 → 7   N5 5,5 → 5
 * ranks 1, 2, 2, 2, 5. */
static void
test_mean_three_way_tie (void)
{
  g_autoptr(AwdResultsInput) in = awd_results_input_new ("Award", 1, 2024);
  g_autoptr(AwdResults) res = NULL;
  const double s1[] = { 9, 8, 7, 6, 5 };
  const double s2[] = { 9, 6, 7, 8, 5 };
  const guint expected_rank[] = { 1, 2, 2, 2, 5 };
  int j1, j2, n[5];

  awd_results_input_add_criterion (in, "Only", 1);
  j1 = awd_results_input_add_juror (in, "J1", FALSE);
  j2 = awd_results_input_add_juror (in, "J2", FALSE);
  /* Added in reverse so that the order of the output cannot come from the
   * order of the input. */
  for (int i = 4; i >= 0; i--)
    {
      g_autofree char *ref = g_strdup_printf ("N%d", i + 1);

      n[i] = awd_results_input_add_nomination (in, ref, NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
      SHEET (in, j1, n[i], s1[i]);
      SHEET (in, j2, n[i], s2[i]);
    }

  res = compute_ok (in, AWD_METHOD_MEAN);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpuint (rank_of (res, n[i]), ==, expected_rank[i]);
      g_assert_cmpuint (entry_nomination_at (res, 0, i), ==, (guint) n[i]);
      g_assert_cmpint (entry_of (res, n[i])->tied, ==, expected_rank[i] == 2);
    }
  g_assert_cmpfloat_with_epsilon (score_of (res, n[1]), 7.0, EPS);
  /* N2: totals 8 and 6, σ = 1, range 2. */
  g_assert_cmpfloat_with_epsilon (entry_of (res, n[1])->spread_sd, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (entry_of (res, n[1])->spread_range, 2.0, EPS);
}

/* A score that differs only by rounding noise is still a tie: with weights
 * 0.1, 0.2, 0.7 (sum 1), T of (0, 0, 1) is 0.7 and T of (0, 3.5, 0) is
 * 0.7 too, but in binary 0.7 and 0.7000000000000001. */
static void
test_tie_epsilon (void)
{
  g_autoptr(AwdResultsInput) in = awd_results_input_new ("Award", 1, 2024);
  g_autoptr(AwdResults) res = NULL;
  int j, a, b;

  awd_results_input_add_criterion (in, "One", 0.1);
  awd_results_input_add_criterion (in, "Two", 0.2);
  awd_results_input_add_criterion (in, "Three", 0.7);
  awd_results_input_set_scale (in, 0, 10, 0.5);
  j = awd_results_input_add_juror (in, "J", FALSE);
  a = awd_results_input_add_nomination (in, "A", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  b = awd_results_input_add_nomination (in, "B", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  SHEET (in, j, a, 0, 0, 1);
  SHEET (in, j, b, 0, 3.5, 0);

  res = compute_ok (in, AWD_METHOD_MEAN);
  g_assert_cmpfloat_with_epsilon (score_of (res, a), 0.7, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, b), 0.7, EPS);
  /* The noise is really there, else this test proves nothing. */
  g_assert_cmpfloat (score_of (res, a), !=, score_of (res, b));
  g_assert_cmpuint (rank_of (res, a), ==, 1);
  g_assert_cmpuint (rank_of (res, b), ==, 1);
  g_assert_true (entry_of (res, a)->tied);
  /* B's score is the larger by a bit, yet equal entries are listed by ref. */
  g_assert_cmpuint (entry_nomination_at (res, 0, 0), ==, (guint) a);
}

/* Conflicts: one criterion, three jurors. J1 has a conflict on A and has
 * scored it anyway (10): it must not count.
 *   A: J2 6, J3 8 → mean 7 over 2 jurors
 *   B: 5, 5, 5    → 5 */
static void
test_conflict (void)
{
  g_autoptr(AwdResultsInput) in = awd_results_input_new ("Award", 1, 2024);
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(GArray) below = NULL;
  int j1, j2, j3, a, b;

  awd_results_input_add_criterion (in, "Only", 1);
  j1 = awd_results_input_add_juror (in, "J1", FALSE);
  j2 = awd_results_input_add_juror (in, "J2", FALSE);
  j3 = awd_results_input_add_juror (in, "J3", FALSE);
  a = awd_results_input_add_nomination (in, "A", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  b = awd_results_input_add_nomination (in, "B", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  awd_results_input_add_conflict (in, j1, a);
  SHEET (in, j1, a, 10);
  SHEET (in, j2, a, 6);
  SHEET (in, j3, a, 8);
  SHEET (in, j1, b, 5);
  SHEET (in, j2, b, 5);
  SHEET (in, j3, b, 5);
  awd_results_input_set_quorum (in, 3);

  res = compute_ok (in, AWD_METHOD_MEAN);
  g_assert_cmpfloat_with_epsilon (score_of (res, a), 7.0, EPS);
  g_assert_cmpuint (entry_of (res, a)->n_counting, ==, 2);
  g_assert_cmpuint (entry_of (res, a)->totals->len, ==, 2);
  g_assert_cmpuint (total_at (entry_of (res, a), 0).juror, ==, (guint) j2);
  g_assert_cmpuint (rank_of (res, a), ==, 1);
  g_assert_cmpuint (rank_of (res, b), ==, 2);
  /* J1 is required on B only. */
  g_assert_cmpuint (g_array_index (res->progress, AwdJurorProgress, j1).required, ==, 1);
  g_assert_true (res->complete);

  /* Quorum 3: A has 2 counting jurors. */
  below = awd_results_list_below_quorum (in, res);
  g_assert_cmpuint (below->len, ==, 1);
  g_assert_cmpuint (uint_at (below, 0), ==, (guint) a);
}

/* z-scores: one criterion, three jurors.
 *   J1: A 8, B 6, C 4    μ 6, σ = √(8/3);  z = 2/σ, 0, −2/σ
 *   J2: A 5, B 5, C 5    σ = 0 → z = 0 everywhere
 *   J3: A 9, B 10, C 2   μ 7, σ = √(38/3); z = 2/σ, 3/σ, −5/σ
 * A = (2/√(8/3) + 0 + 2/√(38/3))/3 = (1.224745 + 0.561951)/3 = 0.595565
 * B = (0 + 0 + 3/√(38/3))/3 = 0.280976
 * C = (−2/√(8/3) − 5/√(38/3))/3 = −0.876541 */
static void
test_zscore (void)
{
  g_autoptr(AwdResultsInput) in = awd_results_input_new ("Award", 1, 2024);
  g_autoptr(AwdResults) res = NULL;
  double s1 = sqrt (8.0 / 3), s3 = sqrt (38.0 / 3);
  int j1, j2, j3, a, b, c;

  awd_results_input_add_criterion (in, "Only", 1);
  j1 = awd_results_input_add_juror (in, "J1", FALSE);
  j2 = awd_results_input_add_juror (in, "J2", FALSE);
  j3 = awd_results_input_add_juror (in, "J3", FALSE);
  a = awd_results_input_add_nomination (in, "A", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  b = awd_results_input_add_nomination (in, "B", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  c = awd_results_input_add_nomination (in, "C", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  SHEET (in, j1, a, 8);
  SHEET (in, j1, b, 6);
  SHEET (in, j1, c, 4);
  SHEET (in, j2, a, 5);
  SHEET (in, j2, b, 5);
  SHEET (in, j2, c, 5);
  SHEET (in, j3, a, 9);
  SHEET (in, j3, b, 10);
  SHEET (in, j3, c, 2);

  res = compute_ok (in, AWD_METHOD_ZSCORE);
  g_assert_cmpfloat_with_epsilon (score_of (res, a), (2 / s1 + 2 / s3) / 3, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, a), 0.595565, 1e-6);
  g_assert_cmpfloat_with_epsilon (score_of (res, b), (3 / s3) / 3, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, c), (-2 / s1 - 5 / s3) / 3, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, c), -0.876541, 1e-6);
  g_assert_cmpuint (rank_of (res, a), ==, 1);
  g_assert_cmpuint (rank_of (res, b), ==, 2);
  g_assert_cmpuint (rank_of (res, c), ==, 3);
  /* The juror totals stay raw totals: J2's 5 for A. */
  g_assert_cmpfloat_with_epsilon (total_at (entry_of (res, a), 1).total, 5.0, EPS);
  g_assert_false (isnan (score_of (res, b)));
}

/* Categories. One criterion, two jurors.
 *   K1 jury:  A, B (eligible), E (ineligible, scored 0 and 10: ignored)
 *   K2 jury:  C, D
 *   K3 vote:  F 120, G 300, H ineligible 500, I eligible without count
 *   K4 direct: W (winner)
 *
 *   J1: A 10, B 8, C 6, D 4    μ 7, σ = √((9+1+1+9)/4) = √5
 *   J2: A 6,  B 6, C 6, D 2    μ 5, σ = √((1+1+1+9)/4) = √3
 * z (across categories):
 *   A (3/√5 + 1/√3)/2 = 0.959495    B (1/√5 + 1/√3)/2 = 0.512282
 *   C (−1/√5 + 1/√3)/2 = 0.065068   D (−3/√5 − 3/√3)/2 = −1.536846
 * (Per category J1 would give C z = +1, so C > 0.5 would show a μ/σ taken
 * within K2 alone.)
 * Mean: A 8, B 7 in K1; C 6, D 3 in K2. */
typedef struct {
  AwdResultsInput *in;
  int k1, k2, k3, k4;
  int a, b, c, d, e, f, g, h, i, w;
} Cats;

static void
cats_init (Cats *t)
{
  AwdResultsInput *in = awd_results_input_new ("Rudomino", 3, 2024);
  int j1, j2;

  t->in = in;
  awd_results_input_add_criterion (in, "Only", 1);
  t->k1 = awd_results_input_add_category (in, "Russia", AWD_CATEGORY_KIND_JURY);
  t->k2 = awd_results_input_add_category (in, "CIS", AWD_CATEGORY_KIND_JURY);
  t->k3 = awd_results_input_add_category (in, "Community", AWD_CATEGORY_KIND_VOTE);
  t->k4 = awd_results_input_add_category (in, "Special", AWD_CATEGORY_KIND_DIRECT);
  j1 = awd_results_input_add_juror (in, "J1", FALSE);
  j2 = awd_results_input_add_juror (in, "J2", FALSE);
  t->a = awd_results_input_add_nomination (in, "A", NULL, NULL, t->k1, AWD_NOMINATION_STATUS_ELIGIBLE);
  t->b = awd_results_input_add_nomination (in, "B", NULL, NULL, t->k1, AWD_NOMINATION_STATUS_ELIGIBLE);
  t->e = awd_results_input_add_nomination (in, "E", NULL, NULL, t->k1, AWD_NOMINATION_STATUS_INELIGIBLE);
  t->c = awd_results_input_add_nomination (in, "C", NULL, NULL, t->k2, AWD_NOMINATION_STATUS_ELIGIBLE);
  t->d = awd_results_input_add_nomination (in, "D", NULL, NULL, t->k2, AWD_NOMINATION_STATUS_ELIGIBLE);
  t->f = awd_results_input_add_nomination (in, "F", NULL, NULL, t->k3, AWD_NOMINATION_STATUS_ELIGIBLE);
  t->g = awd_results_input_add_nomination (in, "G", NULL, NULL, t->k3, AWD_NOMINATION_STATUS_ELIGIBLE);
  t->h = awd_results_input_add_nomination (in, "H", NULL, NULL, t->k3, AWD_NOMINATION_STATUS_INELIGIBLE);
  t->i = awd_results_input_add_nomination (in, "I", NULL, NULL, t->k3, AWD_NOMINATION_STATUS_ELIGIBLE);
  t->w = awd_results_input_add_nomination (in, "W", NULL, NULL, t->k4, AWD_NOMINATION_STATUS_ELIGIBLE);
  SHEET (in, j1, t->a, 10);
  SHEET (in, j1, t->b, 8);
  SHEET (in, j1, t->c, 6);
  SHEET (in, j1, t->d, 4);
  SHEET (in, j1, t->e, 0);
  SHEET (in, j2, t->a, 6);
  SHEET (in, j2, t->b, 6);
  SHEET (in, j2, t->c, 6);
  SHEET (in, j2, t->d, 2);
  SHEET (in, j2, t->e, 10);
  awd_results_input_set_votes (in, t->f, 120);
  awd_results_input_set_votes (in, t->g, 300);
  awd_results_input_set_votes (in, t->h, 500);
  awd_results_input_set_winner (in, t->k4, t->w);
}

static void
test_categories_zscore (void)
{
  Cats t;
  g_autoptr(AwdResults) res = NULL;
  double r5 = sqrt (5), r3 = sqrt (3);

  cats_init (&t);
  res = compute_ok (t.in, AWD_METHOD_ZSCORE);

  g_assert_cmpuint (res->categories->len, ==, 4);
  g_assert_cmpint (category_at (res, 0)->category, ==, t.k1);
  g_assert_cmpint (category_at (res, 2)->kind, ==, AWD_CATEGORY_KIND_VOTE);
  /* K1 ranks A and B only (E is ineligible); K2 ranks C and D. */
  g_assert_cmpuint (category_at (res, 0)->entries->len, ==, 2);
  g_assert_cmpuint (category_at (res, 1)->entries->len, ==, 2);
  g_assert_null (awd_results_lookup (res, t.e));
  g_assert_cmpfloat_with_epsilon (score_of (res, t.a), (3 / r5 + 1 / r3) / 2, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, t.b), (1 / r5 + 1 / r3) / 2, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, t.c), (-1 / r5 + 1 / r3) / 2, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, t.c), 0.065068, 1e-6);
  g_assert_cmpfloat_with_epsilon (score_of (res, t.d), (-3 / r5 - 3 / r3) / 2, EPS);
  /* Each category ranks from 1. */
  g_assert_cmpuint (rank_of (res, t.a), ==, 1);
  g_assert_cmpuint (rank_of (res, t.b), ==, 2);
  g_assert_cmpuint (rank_of (res, t.c), ==, 1);
  g_assert_cmpuint (rank_of (res, t.d), ==, 2);
  /* E's scores do not make required cells or missing ones. */
  g_assert_cmpuint (g_array_index (res->progress, AwdJurorProgress, 0).required, ==, 4);
  g_assert_true (res->complete);

  awd_results_input_free (t.in);
}

static void
test_categories_vote_direct (void)
{
  Cats t;
  g_autoptr(AwdResults) res = NULL;
  const AwdResultCategory *vote, *direct;

  cats_init (&t);
  res = compute_ok (t.in, AWD_METHOD_MEAN);

  /* Mean per category: A 8 > B 7; C 6 > D 3. */
  g_assert_cmpfloat_with_epsilon (score_of (res, t.a), 8.0, EPS);
  g_assert_cmpfloat_with_epsilon (score_of (res, t.d), 3.0, EPS);
  g_assert_cmpuint (rank_of (res, t.c), ==, 1);

  /* Vote: G 300 (1), F 120 (2), I no count → 0 (3); H ineligible. */
  vote = category_at (res, 2);
  g_assert_cmpuint (vote->entries->len, ==, 3);
  g_assert_cmpuint (entry_nomination_at (res, 2, 0), ==, (guint) t.g);
  g_assert_cmpuint (entry_nomination_at (res, 2, 1), ==, (guint) t.f);
  g_assert_cmpuint (entry_nomination_at (res, 2, 2), ==, (guint) t.i);
  g_assert_cmpfloat_with_epsilon (score_of (res, t.g), 300.0, EPS);
  g_assert_cmpuint (rank_of (res, t.f), ==, 2);
  g_assert_cmpuint (rank_of (res, t.i), ==, 3);
  g_assert_cmpuint (entry_of (res, t.g)->n_counting, ==, 0);
  g_assert_null (awd_results_lookup (res, t.h));

  /* Direct: W at rank 1, score 0. */
  direct = category_at (res, 3);
  g_assert_cmpuint (direct->entries->len, ==, 1);
  g_assert_cmpuint (rank_of (res, t.w), ==, 1);
  g_assert_cmpfloat_with_epsilon (score_of (res, t.w), 0.0, EPS);
  g_assert_true (res->complete);

  awd_results_input_free (t.in);
}

static void
test_categories_incomplete (void)
{
  Cats t;
  g_autoptr(AwdResults) res = NULL;

  cats_init (&t);
  /* No winner, and the vote counts of eligible F and G gone. H's count
   * (ineligible) does not make the category counted. */
  awd_results_input_set_winner (t.in, t.k4, -1);
  g_array_index (t.in->nominations, AwdResultsNomination, t.f).has_votes = FALSE;
  g_array_index (t.in->nominations, AwdResultsNomination, t.g).has_votes = FALSE;
  res = compute_ok (t.in, AWD_METHOD_MEAN);

  g_assert_false (res->complete);
  g_assert_cmpuint (res->missing->len, ==, 0);
  g_assert_cmpuint (res->vote_without_counts->len, ==, 1);
  g_assert_cmpuint (uint_at (res->vote_without_counts, 0), ==, (guint) t.k3);
  g_assert_cmpuint (res->direct_without_winner->len, ==, 1);
  g_assert_cmpuint (uint_at (res->direct_without_winner, 0), ==, (guint) t.k4);
  g_assert_cmpuint (category_at (res, 3)->entries->len, ==, 0);
  /* The vote category still lists F, G, I, all tied at 0. */
  g_assert_cmpuint (rank_of (res, t.g), ==, 1);
  g_assert_cmpuint (rank_of (res, t.i), ==, 1);

  g_clear_pointer (&res, awd_results_free);
  /* A winner from another category is not this category's winner. */
  awd_results_input_set_winner (t.in, t.k4, t.a);
  res = compute_ok (t.in, AWD_METHOD_MEAN);
  g_assert_cmpuint (res->direct_without_winner->len, ==, 1);
  g_assert_cmpuint (category_at (res, 3)->entries->len, ==, 0);

  awd_results_input_free (t.in);
}

/* An incomplete sheet: in the basic round J2 leaves A's second criterion
 * empty, so J2 does not count for A: A = (7 + 8)/2 = 7.5. */
static void
test_incomplete_sheet (void)
{
  Basic b;
  g_autoptr(AwdResults) res = NULL;
  AwdMissingCell cell;

  basic_init (&b);
  for (guint i = 0; i < b.in->scores->len; i++)
    {
      AwdResultsScore *s = &g_array_index (b.in->scores, AwdResultsScore, i);

      if (s->juror == (guint) b.j[1] && s->nomination == (guint) b.a && s->criterion == 1)
        {
          g_array_remove_index (b.in->scores, i);
          break;
        }
    }

  res = compute_ok (b.in, AWD_METHOD_MEAN);
  g_assert_cmpfloat_with_epsilon (score_of (res, b.a), 7.5, EPS);
  g_assert_cmpuint (entry_of (res, b.a)->n_counting, ==, 2);
  g_assert_false (res->complete);
  g_assert_cmpuint (res->missing->len, ==, 1);
  cell = missing_at (res, 0);
  g_assert_cmpuint (cell.juror, ==, (guint) b.j[1]);
  g_assert_cmpuint (cell.nomination, ==, (guint) b.a);
  g_assert_cmpuint (cell.criterion, ==, 1);
  g_assert_cmpuint (g_array_index (res->progress, AwdJurorProgress, 1).required, ==, 6);
  g_assert_cmpuint (g_array_index (res->progress, AwdJurorProgress, 1).scored, ==, 5);

  awd_results_input_free (b.in);
}

/* Withdrawn juror: J3 withdraws from the basic round; their scores stay
 * stored but stop counting. A (7+7)/2 = 7, B (7+6)/2 = 6.5, C (8+10)/2 = 9.
 * Leaving J3 out with compute_without_juror gives the same. */
static void
test_withdrawn_and_leave_one_out (void)
{
  Basic b;
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(AwdResults) loo = NULL;
  g_autoptr(GError) error = NULL;

  basic_init (&b);
  loo = awd_results_compute_without_juror (b.in, AWD_METHOD_MEAN, b.j[2], &error);
  g_assert_no_error (error);
  g_assert_nonnull (loo);
  g_assert_cmpint (loo->excluded_juror, ==, b.j[2]);

  g_array_index (b.in->jurors, AwdResultsJuror, b.j[2]).withdrawn = TRUE;
  res = compute_ok (b.in, AWD_METHOD_MEAN);

  for (guint k = 0; k < 2; k++)
    {
      const AwdResults *r = k == 0 ? res : loo;

      g_assert_cmpfloat_with_epsilon (score_of (r, b.a), 7.0, EPS);
      g_assert_cmpfloat_with_epsilon (score_of (r, b.b), 6.5, EPS);
      g_assert_cmpfloat_with_epsilon (score_of (r, b.c), 9.0, EPS);
      g_assert_cmpuint (rank_of (r, b.c), ==, 1);
      g_assert_cmpuint (rank_of (r, b.a), ==, 2);
      g_assert_cmpuint (rank_of (r, b.b), ==, 3);
      g_assert_cmpuint (entry_of (r, b.c)->n_counting, ==, 2);
      g_assert_true (r->complete);
    }

  awd_results_input_free (b.in);
}

/* Tie-break on criteria (weights 1, 1; two jurors; mean):
 *        J1      J2      T      criterion means
 *   P  (8,6)   (8,6)   7, 7    (8, 6)
 *   Q  (6,8)   (7,7)   7, 7    (6.5, 7.5)
 *   R  (9,5)   (7,7)   7, 7    (8, 6)
 *   S  (5,5)   (5,5)   5, 5    (5, 5)
 *   U  (4,6)   (4,6)   5, 5    (4, 6)
 * none:     P Q R share 1, S U share 4.
 * criteria: P R stay tied at 1 (equal means), Q 3; S 4, U 5. */
static AwdResultsInput *
make_tie_break_round (int n[5])
{
  AwdResultsInput *in = awd_results_input_new ("Award", 1, 2024);
  const char *refs[] = { "P", "Q", "R", "S", "U" };
  const double sheets[5][4] = {
    { 8, 6, 8, 6 }, { 6, 8, 7, 7 }, { 9, 5, 7, 7 }, { 5, 5, 5, 5 }, { 4, 6, 4, 6 },
  };
  int j1, j2;

  awd_results_input_add_criterion (in, "First", 1);
  awd_results_input_add_criterion (in, "Second", 1);
  j1 = awd_results_input_add_juror (in, "J1", FALSE);
  j2 = awd_results_input_add_juror (in, "J2", FALSE);
  for (guint i = 0; i < 5; i++)
    {
      n[i] = awd_results_input_add_nomination (in, refs[i], NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
      SHEET (in, j1, n[i], sheets[i][0], sheets[i][1]);
      SHEET (in, j2, n[i], sheets[i][2], sheets[i][3]);
    }
  return in;
}

static void
test_tie_break_none (void)
{
  int n[5];
  g_autoptr(AwdResultsInput) in = make_tie_break_round (n);
  g_autoptr(AwdResults) res = compute_ok (in, AWD_METHOD_MEAN);
  const guint expected[] = { 1, 1, 1, 4, 4 };

  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpuint (rank_of (res, n[i]), ==, expected[i]);
      g_assert_true (entry_of (res, n[i])->tied);
    }
}

static void
test_tie_break_criteria (void)
{
  int n[5];
  g_autoptr(AwdResultsInput) in = make_tie_break_round (n);
  g_autoptr(AwdResults) res = NULL;
  const guint expected[] = { 1, 3, 1, 4, 5 };
  const gboolean tied[] = { TRUE, FALSE, TRUE, FALSE, FALSE };

  awd_results_input_set_tie_break (in, AWD_TIE_BREAK_CRITERIA);
  res = compute_ok (in, AWD_METHOD_MEAN);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpuint (rank_of (res, n[i]), ==, expected[i]);
      g_assert_cmpint (entry_of (res, n[i])->tied, ==, tied[i]);
      /* All five had an equal score with another entry. */
      g_assert_true (entry_of (res, n[i])->score_tied);
    }
  /* Rank order: P, R (tied, by ref), Q, S, U. */
  g_assert_cmpuint (entry_nomination_at (res, 0, 0), ==, (guint) n[0]);
  g_assert_cmpuint (entry_nomination_at (res, 0, 1), ==, (guint) n[2]);
  g_assert_cmpuint (entry_nomination_at (res, 0, 2), ==, (guint) n[1]);
  g_assert_cmpuint (entry_nomination_at (res, 0, 4), ==, (guint) n[4]);
}

/* A nomination no juror counts for (both jurors conflicted) is listed after
 * the ranked ones with rank 0 and no score, and is below any quorum. */
static void
test_no_counting_juror (void)
{
  g_autoptr(AwdResultsInput) in = awd_results_input_new ("Award", 1, 2024);
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(GArray) below = NULL;
  const AwdResultEntry *e;
  int j1, j2, a, b;

  awd_results_input_add_criterion (in, "Only", 1);
  j1 = awd_results_input_add_juror (in, "J1", FALSE);
  j2 = awd_results_input_add_juror (in, "J2", FALSE);
  /* "0-A" sorts before "B" by ref, so only the score can put it last. */
  a = awd_results_input_add_nomination (in, "0-A", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  b = awd_results_input_add_nomination (in, "B", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  awd_results_input_add_conflict (in, j1, a);
  awd_results_input_add_conflict (in, j2, a);
  SHEET (in, j1, b, 0);
  SHEET (in, j2, b, 0);

  for (AwdMethod m = AWD_METHOD_MEAN; m <= AWD_METHOD_ZSCORE; m++)
    {
      g_clear_pointer (&res, awd_results_free);
      res = compute_ok (in, m);
      e = entry_of (res, a);
      g_assert_cmpuint (e->rank, ==, 0);
      g_assert_false (e->has_score);
      g_assert_cmpfloat (e->score, ==, 0.0);
      g_assert_cmpuint (e->n_counting, ==, 0);
      g_assert_false (isnan (e->spread_sd));
      g_assert_cmpuint (entry_nomination_at (res, 0, 1), ==, (guint) a);
      g_assert_cmpuint (rank_of (res, b), ==, 1);
      g_assert_true (res->complete);
    }

  below = awd_results_list_below_quorum (in, res);
  g_assert_cmpuint (below->len, ==, 1);
  g_assert_cmpuint (uint_at (below, 0), ==, (guint) a);
}

static void
test_invalid_weight (void)
{
  g_autoptr(AwdResultsInput) in = awd_results_input_new ("Award", 1, 2024);
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(GError) error = NULL;

  awd_results_input_add_criterion (in, "Zero", 0);
  res = awd_results_compute (in, AWD_METHOD_MEAN, &error);
  g_assert_error (error, AWD_RESULTS_ERROR, AWD_RESULTS_ERROR_INVALID);
  g_assert_null (res);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/results/mean/basic", test_mean_basic);
  g_test_add_func ("/results/mean/three-way-tie", test_mean_three_way_tie);
  g_test_add_func ("/results/mean/tie-epsilon", test_tie_epsilon);
  g_test_add_func ("/results/median/odd", test_median_odd);
  g_test_add_func ("/results/median/even", test_median_even);
  g_test_add_func ("/results/trimmed/k", test_trimmed);
  g_test_add_func ("/results/trimmed/withdrawn", test_trimmed_withdrawn);
  g_test_add_func ("/results/zscore/sigma-zero", test_zscore);
  g_test_add_func ("/results/categories/zscore-across", test_categories_zscore);
  g_test_add_func ("/results/categories/vote-direct", test_categories_vote_direct);
  g_test_add_func ("/results/categories/incomplete", test_categories_incomplete);
  g_test_add_func ("/results/conflict", test_conflict);
  g_test_add_func ("/results/incomplete-sheet", test_incomplete_sheet);
  g_test_add_func ("/results/withdrawn-leave-one-out", test_withdrawn_and_leave_one_out);
  g_test_add_func ("/results/tie-break/none", test_tie_break_none);
  g_test_add_func ("/results/tie-break/criteria", test_tie_break_criteria);
  g_test_add_func ("/results/no-counting-juror", test_no_counting_juror);
  g_test_add_func ("/results/invalid-weight", test_invalid_weight);

  return g_test_run ();
}
