/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-results"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "awd-results.h"

/* The working state of one computation. Cells and totals are dense arrays
 * indexed by juror, nomination (and criterion): a round has tens of jurors,
 * hundreds of nominations and a handful of criteria, so this stays small and
 * every lookup is O(1). NAN marks an empty cell or an undefined total inside
 * this file only; nothing NAN reaches the AwdResults. */
typedef struct {
  const AwdResultsInput *in;
  int       excluded;
  guint     n_jurors;
  guint     n_nominations;
  guint     n_criteria;
  double   *cells;        /* [j][n][c] score, NAN when empty */
  guint8   *conflicts;    /* [j][n] */
  gboolean *jury_eligible; /* [n] eligible nomination of a jury category */
  double   *totals;       /* [j][n] T_jn of a counting juror, else NAN */
  double   *zscores;      /* [j][n] z_jn, only for AWD_METHOD_ZSCORE */
} Work;

/* A ranked entry on its way into the results, with the keys it sorts by. */
typedef struct {
  AwdResultEntry  entry;
  const char     *ref;
  double         *criterion_means;  /* NULL unless the tie-break needs them */
} Candidate;

G_DEFINE_QUARK (awd-results-error-quark, awd_results_error)

/* ---- input ------------------------------------------------------------- */

static void
clear_criterion (gpointer data)
{
  AwdResultsCriterion *c = data;

  g_clear_pointer (&c->name, g_free);
}

static void
clear_category (gpointer data)
{
  AwdResultsCategory *c = data;

  g_clear_pointer (&c->name, g_free);
}

static void
clear_juror (gpointer data)
{
  AwdResultsJuror *j = data;

  g_clear_pointer (&j->name, g_free);
}

static void
clear_nomination (gpointer data)
{
  AwdResultsNomination *n = data;

  g_clear_pointer (&n->ref, g_free);
  g_clear_pointer (&n->title, g_free);
  g_clear_pointer (&n->institution, g_free);
  g_clear_pointer (&n->note, g_free);
}

static GArray *
new_array (gsize          element_size,
           GDestroyNotify clear_func)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  if (clear_func != NULL)
    g_array_set_clear_func (array, clear_func);
  return array;
}

AwdResultsInput *
awd_results_input_new (const char *award,
                       gint64      number,
                       gint64      year)
{
  AwdResultsInput *in = g_new0 (AwdResultsInput, 1);

  in->award = g_strdup (award != NULL ? award : "");
  in->number = number;
  in->year = year;
  in->method = AWD_METHOD_MEAN;
  in->trim = 1;
  in->scale_min = 0;
  in->scale_max = 10;
  in->scale_step = 1;
  in->tie_break = AWD_TIE_BREAK_NONE;
  in->quorum = 1;
  in->criteria = new_array (sizeof (AwdResultsCriterion), clear_criterion);
  in->categories = new_array (sizeof (AwdResultsCategory), clear_category);
  in->jurors = new_array (sizeof (AwdResultsJuror), clear_juror);
  in->nominations = new_array (sizeof (AwdResultsNomination), clear_nomination);
  in->conflicts = new_array (sizeof (AwdResultsConflict), NULL);
  in->scores = new_array (sizeof (AwdResultsScore), NULL);

  return in;
}

void
awd_results_input_free (AwdResultsInput *in)
{
  if (in == NULL)
    return;

  g_free (in->award);
  g_array_unref (in->criteria);
  g_array_unref (in->categories);
  g_array_unref (in->jurors);
  g_array_unref (in->nominations);
  g_array_unref (in->conflicts);
  g_array_unref (in->scores);
  g_free (in);
}

void
awd_results_input_set_method (AwdResultsInput *in,
                              AwdMethod        method)
{
  g_return_if_fail (in != NULL);
  g_return_if_fail (method <= AWD_METHOD_ZSCORE);

  in->method = method;
}

void
awd_results_input_set_trim (AwdResultsInput *in,
                            guint            trim)
{
  g_return_if_fail (in != NULL);

  in->trim = trim;
}

void
awd_results_input_set_scale (AwdResultsInput *in,
                             double           min,
                             double           max,
                             double           step)
{
  g_return_if_fail (in != NULL);

  in->scale_min = min;
  in->scale_max = max;
  in->scale_step = step;
}

void
awd_results_input_set_tie_break (AwdResultsInput *in,
                                 AwdTieBreak      tie_break)
{
  g_return_if_fail (in != NULL);
  g_return_if_fail (tie_break <= AWD_TIE_BREAK_CRITERIA);

  in->tie_break = tie_break;
}

void
awd_results_input_set_quorum (AwdResultsInput *in,
                              guint            quorum)
{
  g_return_if_fail (in != NULL);

  in->quorum = quorum;
}

int
awd_results_input_add_criterion (AwdResultsInput *in,
                                 const char      *name,
                                 double           weight)
{
  AwdResultsCriterion c = { 0 };

  g_return_val_if_fail (in != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  c.name = g_strdup (name);
  c.weight = weight;
  g_array_append_val (in->criteria, c);
  return (int) in->criteria->len - 1;
}

int
awd_results_input_add_category (AwdResultsInput *in,
                                const char      *name,
                                AwdCategoryKind  kind)
{
  AwdResultsCategory c = { 0 };

  g_return_val_if_fail (in != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);
  g_return_val_if_fail (kind <= AWD_CATEGORY_KIND_DIRECT, -1);

  c.name = g_strdup (name);
  c.kind = kind;
  c.winner = -1;
  g_array_append_val (in->categories, c);
  return (int) in->categories->len - 1;
}

int
awd_results_input_add_juror (AwdResultsInput *in,
                             const char      *name,
                             gboolean         withdrawn)
{
  AwdResultsJuror j = { 0 };

  g_return_val_if_fail (in != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  j.name = g_strdup (name);
  j.withdrawn = !!withdrawn;
  g_array_append_val (in->jurors, j);
  return (int) in->jurors->len - 1;
}

int
awd_results_input_add_nomination (AwdResultsInput     *in,
                                  const char          *ref,
                                  const char          *title,
                                  const char          *institution,
                                  int                  category,
                                  AwdNominationStatus  status)
{
  AwdResultsNomination n = { 0 };

  g_return_val_if_fail (in != NULL, -1);
  g_return_val_if_fail (ref != NULL, -1);
  g_return_val_if_fail (category >= -1 && category < (int) in->categories->len, -1);
  g_return_val_if_fail (status <= AWD_NOMINATION_STATUS_WITHDRAWN, -1);

  n.ref = g_strdup (ref);
  n.title = g_strdup (title != NULL ? title : "");
  n.institution = g_strdup (institution != NULL ? institution : "");
  n.category = category;
  n.status = status;
  n.mark = AWD_AWARD_MARK_NONE;
  g_array_append_val (in->nominations, n);
  return (int) in->nominations->len - 1;
}

int
awd_results_input_add_conflict (AwdResultsInput *in,
                                guint            juror,
                                guint            nomination)
{
  AwdResultsConflict c = { juror, nomination };

  g_return_val_if_fail (in != NULL, -1);
  g_return_val_if_fail (juror < in->jurors->len, -1);
  g_return_val_if_fail (nomination < in->nominations->len, -1);

  g_array_append_val (in->conflicts, c);
  return (int) in->conflicts->len - 1;
}

int
awd_results_input_add_score (AwdResultsInput *in,
                             guint            juror,
                             guint            nomination,
                             guint            criterion,
                             double           value)
{
  AwdResultsScore s = { juror, nomination, criterion, value };

  g_return_val_if_fail (in != NULL, -1);
  g_return_val_if_fail (juror < in->jurors->len, -1);
  g_return_val_if_fail (nomination < in->nominations->len, -1);
  g_return_val_if_fail (criterion < in->criteria->len, -1);

  g_array_append_val (in->scores, s);
  return (int) in->scores->len - 1;
}

void
awd_results_input_set_winner (AwdResultsInput *in,
                              guint            category,
                              int              winner)
{
  g_return_if_fail (in != NULL);
  g_return_if_fail (category < in->categories->len);
  g_return_if_fail (winner >= -1 && winner < (int) in->nominations->len);

  g_array_index (in->categories, AwdResultsCategory, category).winner = winner;
}

void
awd_results_input_set_votes (AwdResultsInput *in,
                             guint            nomination,
                             gint64           count)
{
  AwdResultsNomination *n;

  g_return_if_fail (in != NULL);
  g_return_if_fail (nomination < in->nominations->len);

  n = &g_array_index (in->nominations, AwdResultsNomination, nomination);
  n->has_votes = TRUE;
  n->votes = count;
}

void
awd_results_input_set_award_mark (AwdResultsInput *in,
                                  guint            nomination,
                                  AwdAwardMark     mark,
                                  const char      *note)
{
  AwdResultsNomination *n;

  g_return_if_fail (in != NULL);
  g_return_if_fail (nomination < in->nominations->len);
  g_return_if_fail (mark <= AWD_AWARD_MARK_DIPLOMA);

  n = &g_array_index (in->nominations, AwdResultsNomination, nomination);
  n->mark = mark;
  g_free (n->note);
  n->note = g_strdup (note);
}

int
awd_results_input_find_nomination (const AwdResultsInput *in,
                                   const char            *ref)
{
  g_return_val_if_fail (in != NULL, -1);
  g_return_val_if_fail (ref != NULL, -1);

  for (guint i = 0; i < in->nominations->len; i++)
    if (strcmp (g_array_index (in->nominations, AwdResultsNomination, i).ref, ref) == 0)
      return (int) i;
  return -1;
}

/* ---- computation ------------------------------------------------------- */

static const AwdResultsNomination *
get_nomination (const AwdResultsInput *in,
                guint                  n)
{
  return &g_array_index (in->nominations, AwdResultsNomination, n);
}

static gsize
cell_index (const Work *w,
            guint       j,
            guint       n,
            guint       c)
{
  return ((gsize) j * w->n_nominations + n) * w->n_criteria + c;
}

static gsize
pair_index (const Work *w,
            guint       j,
            guint       n)
{
  return (gsize) j * w->n_nominations + n;
}

static gboolean
is_counting_juror (const Work *w,
                   guint       j)
{
  return !g_array_index (w->in->jurors, AwdResultsJuror, j).withdrawn
         && (int) j != w->excluded;
}

/* In a round without categories every nomination is in the implicit jury
 * category; in a round with categories, a nomination without one (which
 * the store should not allow) is in none and is not ranked. */
static gboolean
is_in_jury_category (const AwdResultsInput *in,
                     guint                  n)
{
  int category = get_nomination (in, n)->category;

  if (in->categories->len == 0)
    return TRUE;
  if (category < 0)
    return FALSE;
  return g_array_index (in->categories, AwdResultsCategory, category).kind == AWD_CATEGORY_KIND_JURY;
}

static gboolean
validate_input (const AwdResultsInput *in,
                AwdMethod              method,
                GError               **error)
{
  if (method > AWD_METHOD_ZSCORE)
    {
      g_set_error (error, AWD_RESULTS_ERROR, AWD_RESULTS_ERROR_INVALID,
                   _("Unknown results method %d"), (int) method);
      return FALSE;
    }

  for (guint c = 0; c < in->criteria->len; c++)
    {
      const AwdResultsCriterion *crit = &g_array_index (in->criteria, AwdResultsCriterion, c);

      if (!isfinite (crit->weight) || crit->weight <= 0)
        {
          g_set_error (error, AWD_RESULTS_ERROR, AWD_RESULTS_ERROR_INVALID,
                       _("Criterion “%s” has a weight that is not a positive number"),
                       crit->name);
          return FALSE;
        }
    }

  for (guint i = 0; i < in->scores->len; i++)
    {
      const AwdResultsScore *s = &g_array_index (in->scores, AwdResultsScore, i);

      if (!isfinite (s->value))
        {
          g_set_error (error, AWD_RESULTS_ERROR, AWD_RESULTS_ERROR_INVALID,
                       _("A score of nomination %s is not a number"),
                       get_nomination (in, s->nomination)->ref);
          return FALSE;
        }
    }

  return TRUE;
}

static void
work_clear (Work *w)
{
  g_clear_pointer (&w->cells, g_free);
  g_clear_pointer (&w->conflicts, g_free);
  g_clear_pointer (&w->jury_eligible, g_free);
  g_clear_pointer (&w->totals, g_free);
  g_clear_pointer (&w->zscores, g_free);
}

static void
fill_cells (Work *w)
{
  const AwdResultsInput *in = w->in;
  gsize n_cells = (gsize) w->n_jurors * w->n_nominations * w->n_criteria;
  gsize n_pairs = (gsize) w->n_jurors * w->n_nominations;

  w->cells = g_new (double, MAX (n_cells, 1));
  for (gsize i = 0; i < n_cells; i++)
    w->cells[i] = NAN;
  /* A later score of the same cell replaces an earlier one. */
  for (guint i = 0; i < in->scores->len; i++)
    {
      const AwdResultsScore *s = &g_array_index (in->scores, AwdResultsScore, i);

      w->cells[cell_index (w, s->juror, s->nomination, s->criterion)] = s->value;
    }

  w->conflicts = g_new0 (guint8, MAX (n_pairs, 1));
  for (guint i = 0; i < in->conflicts->len; i++)
    {
      const AwdResultsConflict *c = &g_array_index (in->conflicts, AwdResultsConflict, i);

      w->conflicts[pair_index (w, c->juror, c->nomination)] = 1;
    }

  w->jury_eligible = g_new0 (gboolean, MAX (w->n_nominations, 1));
  for (guint n = 0; n < w->n_nominations; n++)
    w->jury_eligible[n] = get_nomination (in, n)->status == AWD_NOMINATION_STATUS_ELIGIBLE
                          && is_in_jury_category (in, n);
}

/* T_jn for every counting juror and eligible jury nomination; NAN where the
 * juror does not count (withdrawn, conflicted, an incomplete sheet). A round
 * without criteria has no totals at all: 0/0 is not a score. */
static void
fill_totals (Work *w)
{
  const AwdResultsInput *in = w->in;
  double weight_sum = 0;

  w->totals = g_new (double, MAX ((gsize) w->n_jurors * w->n_nominations, 1));
  for (guint c = 0; c < w->n_criteria; c++)
    weight_sum += g_array_index (in->criteria, AwdResultsCriterion, c).weight;

  for (guint j = 0; j < w->n_jurors; j++)
    for (guint n = 0; n < w->n_nominations; n++)
      {
        double sum = 0;
        gboolean defined = w->n_criteria > 0
                           && w->jury_eligible[n]
                           && is_counting_juror (w, j)
                           && !w->conflicts[pair_index (w, j, n)];

        for (guint c = 0; defined && c < w->n_criteria; c++)
          {
            double s = w->cells[cell_index (w, j, n, c)];

            if (isnan (s))
              defined = FALSE;
            else
              sum += g_array_index (in->criteria, AwdResultsCriterion, c).weight * s;
          }

        w->totals[pair_index (w, j, n)] = defined ? sum / weight_sum : NAN;
      }
}

/* z_jn = (T_jn − μ_j)/σ_j with μ_j, σ_j over every nomination the juror
 * counts for (all eligible nominations of all jury categories, so across
 * categories). A σ below AWD_RESULTS_EPSILON is taken as zero: a juror who
 * gave everything the same total would otherwise get rounding noise
 * amplified into ±1. */
static void
fill_zscores (Work *w)
{
  w->zscores = g_new (double, MAX ((gsize) w->n_jurors * w->n_nominations, 1));

  for (guint j = 0; j < w->n_jurors; j++)
    {
      double sum = 0, sq = 0, mu, sigma;
      guint count = 0;

      for (guint n = 0; n < w->n_nominations; n++)
        {
          double t = w->totals[pair_index (w, j, n)];

          if (!isnan (t))
            {
              sum += t;
              count++;
            }
        }
      mu = count > 0 ? sum / count : 0;
      for (guint n = 0; n < w->n_nominations; n++)
        {
          double t = w->totals[pair_index (w, j, n)];

          if (!isnan (t))
            sq += (t - mu) * (t - mu);
        }
      sigma = count > 0 ? sqrt (sq / count) : 0;

      for (guint n = 0; n < w->n_nominations; n++)
        {
          double t = w->totals[pair_index (w, j, n)];

          if (isnan (t))
            w->zscores[pair_index (w, j, n)] = NAN;
          else if (sigma < AWD_RESULTS_EPSILON)
            w->zscores[pair_index (w, j, n)] = 0;
          else
            w->zscores[pair_index (w, j, n)] = (t - mu) / sigma;
        }
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
compute_mean (const double *values,
              guint         count)
{
  double sum = 0;

  for (guint i = 0; i < count; i++)
    sum += values[i];
  return sum / count;
}

/* values must be sorted ascending. */
static double
compute_median (const double *values,
                guint         count)
{
  if (count % 2 == 1)
    return values[count / 2];
  return (values[count / 2 - 1] + values[count / 2]) / 2;
}

/* values must be sorted ascending. */
static double
compute_trimmed (const double *values,
                 guint         count,
                 guint         k)
{
  if (count < 2 * k + 1)
    return compute_mean (values, count);
  return compute_mean (values + k, count - 2 * k);
}

static void
clear_entry (gpointer data)
{
  AwdResultEntry *e = data;

  g_clear_pointer (&e->totals, g_array_unref);
}

static void
clear_result_category (gpointer data)
{
  AwdResultCategory *c = data;

  g_clear_pointer (&c->entries, g_array_unref);
}

/* Score one eligible nomination of a jury category. */
static void
score_jury_nomination (const Work *w,
                       AwdMethod   method,
                       guint       n,
                       Candidate  *cand)
{
  AwdResultEntry *e = &cand->entry;
  g_autofree double *values = g_new (double, MAX (w->n_jurors, 1));
  guint count = 0;

  e->nomination = n;
  e->totals = g_array_new (FALSE, TRUE, sizeof (AwdJurorTotal));
  cand->ref = get_nomination (w->in, n)->ref;

  for (guint j = 0; j < w->n_jurors; j++)
    {
      double t = w->totals[pair_index (w, j, n)];
      AwdJurorTotal jt;

      if (isnan (t))
        continue;
      jt.juror = j;
      jt.total = t;
      g_array_append_val (e->totals, jt);
      values[count++] = method == AWD_METHOD_ZSCORE ? w->zscores[pair_index (w, j, n)] : t;
    }
  e->n_counting = count;

  if (count == 0)
    return;

  /* The disagreement is always over the juror totals, whatever the method. */
  {
    double mean = 0, sq = 0, lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

    for (guint i = 0; i < count; i++)
      {
        double t = g_array_index (e->totals, AwdJurorTotal, i).total;

        mean += t;
        lo = MIN (lo, t);
        hi = MAX (hi, t);
      }
    mean /= count;
    for (guint i = 0; i < count; i++)
      {
        double t = g_array_index (e->totals, AwdJurorTotal, i).total;

        sq += (t - mean) * (t - mean);
      }
    e->spread_sd = sqrt (sq / count);
    e->spread_range = hi - lo;
  }

  qsort (values, count, sizeof (double), compare_doubles);
  switch (method)
    {
    case AWD_METHOD_MEAN:
    case AWD_METHOD_ZSCORE:
      e->score = compute_mean (values, count);
      break;
    case AWD_METHOD_MEDIAN:
      e->score = compute_median (values, count);
      break;
    case AWD_METHOD_TRIMMED:
      e->score = compute_trimmed (values, count, w->in->trim);
      break;
    default:
      g_assert_not_reached ();
    }
  e->has_score = TRUE;

  if (w->in->tie_break == AWD_TIE_BREAK_CRITERIA)
    {
      cand->criterion_means = g_new0 (double, MAX (w->n_criteria, 1));
      for (guint c = 0; c < w->n_criteria; c++)
        {
          double sum = 0;

          for (guint i = 0; i < count; i++)
            {
              guint j = g_array_index (e->totals, AwdJurorTotal, i).juror;

              sum += w->cells[cell_index (w, j, n, c)];
            }
          cand->criterion_means[c] = sum / count;
        }
    }
}

static int
compare_by_score (gconstpointer a,
                  gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->entry.has_score != y->entry.has_score)
    return x->entry.has_score ? -1 : 1;
  if (x->entry.score != y->entry.score)
    return x->entry.score > y->entry.score ? -1 : 1;
  return strcmp (x->ref, y->ref);
}

static int
compare_criterion_means (const Candidate *x,
                         const Candidate *y,
                         guint            n_criteria)
{
  if (x->criterion_means == NULL || y->criterion_means == NULL)
    return 0;
  for (guint c = 0; c < n_criteria; c++)
    {
      double a = x->criterion_means[c];
      double b = y->criterion_means[c];

      if (fabs (a - b) >= AWD_RESULTS_EPSILON)
        return a > b ? -1 : 1;
    }
  return 0;
}

static int
compare_by_criteria (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  int cmp = compare_criterion_means (a, b, GPOINTER_TO_UINT (user_data));

  if (cmp != 0)
    return cmp;
  return strcmp (((const Candidate *) a)->ref, ((const Candidate *) b)->ref);
}

/* Sort the candidates and number them 1, 2, 2, 4. Scores within
 * AWD_RESULTS_EPSILON of the first score of their group are equal; with the
 * criteria tie-break, an equal group is ordered by the criterion means
 * (higher first, compared in position order) and only entries whose means
 * are all equal keep sharing a rank. Entries without a score come last,
 * with rank 0. Equal entries are listed by ref, so the order does not depend
 * on the order of the input. */
static void
rank_candidates (Candidate *cands,
                 guint      count,
                 gboolean   use_criteria,
                 guint      n_criteria)
{
  guint i = 0;

  qsort (cands, count, sizeof (Candidate), compare_by_score);

  while (i < count && cands[i].entry.has_score)
    {
      guint end = i + 1;

      while (end < count && cands[end].entry.has_score
             && fabs (cands[end].entry.score - cands[i].entry.score) < AWD_RESULTS_EPSILON)
        end++;

      /* Without the tie-break the criterion means are NULL and this only
       * puts scores that differ by rounding noise in ref order. */
      if (end - i > 1)
        g_qsort_with_data (cands + i, end - i, sizeof (Candidate),
                           compare_by_criteria, GUINT_TO_POINTER (n_criteria));

      for (guint s = i; s < end;)
        {
          guint sub_end = s + 1;

          while (sub_end < end
                 && (!use_criteria || compare_criterion_means (&cands[s], &cands[sub_end], n_criteria) == 0))
            sub_end++;

          for (guint k = s; k < sub_end; k++)
            {
              cands[k].entry.rank = s + 1;
              cands[k].entry.score_tied = end - i > 1;
              cands[k].entry.tied = sub_end - s > 1;
            }
          s = sub_end;
        }
      i = end;
    }
}

static GArray *
move_entries (Candidate *cands,
              guint      count)
{
  GArray *entries = g_array_sized_new (FALSE, TRUE, sizeof (AwdResultEntry), count);

  g_array_set_clear_func (entries, clear_entry);
  for (guint i = 0; i < count; i++)
    {
      g_array_append_val (entries, cands[i].entry);
      g_clear_pointer (&cands[i].criterion_means, g_free);
    }
  return entries;
}

static gboolean
is_in_category (const AwdResultsInput *in,
                guint                  n,
                int                    category)
{
  return get_nomination (in, n)->category == category;
}

static GArray *
rank_jury_category (const Work *w,
                    AwdMethod   method,
                    int         category)
{
  g_autofree Candidate *cands = g_new0 (Candidate, MAX (w->n_nominations, 1));
  guint count = 0;

  for (guint n = 0; n < w->n_nominations; n++)
    {
      if (!w->jury_eligible[n])
        continue;
      if (category >= 0 && !is_in_category (w->in, n, category))
        continue;
      score_jury_nomination (w, method, n, &cands[count++]);
    }

  rank_candidates (cands, count,
                   w->in->tie_break == AWD_TIE_BREAK_CRITERIA, w->n_criteria);
  return move_entries (cands, count);
}

/* A vote category ranks its eligible nominations by vote count; a
 * nomination without a recorded count has had no votes (0). */
static GArray *
rank_vote_category (const Work *w,
                    int         category)
{
  g_autofree Candidate *cands = g_new0 (Candidate, MAX (w->n_nominations, 1));
  guint count = 0;

  for (guint n = 0; n < w->n_nominations; n++)
    {
      const AwdResultsNomination *nom = get_nomination (w->in, n);
      Candidate *cand;

      if (nom->category != category || nom->status != AWD_NOMINATION_STATUS_ELIGIBLE)
        continue;
      cand = &cands[count++];
      cand->ref = nom->ref;
      cand->entry.nomination = n;
      cand->entry.totals = g_array_new (FALSE, TRUE, sizeof (AwdJurorTotal));
      cand->entry.has_score = TRUE;
      cand->entry.score = nom->has_votes ? (double) nom->votes : 0;
    }

  rank_candidates (cands, count, FALSE, 0);
  return move_entries (cands, count);
}

/* The recorded winner counts only when it belongs to the category. */
static int
get_direct_winner (const AwdResultsInput *in,
                   int                    category)
{
  int winner = g_array_index (in->categories, AwdResultsCategory, category).winner;

  if (winner < 0 || !is_in_category (in, (guint) winner, category))
    return -1;
  return winner;
}

static GArray *
rank_direct_category (const Work *w,
                      int         category)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (AwdResultEntry));
  int winner = get_direct_winner (w->in, category);

  g_array_set_clear_func (entries, clear_entry);
  if (winner >= 0)
    {
      AwdResultEntry e = { 0 };

      e.nomination = (guint) winner;
      e.rank = 1;
      e.has_score = TRUE;
      e.score = 0;
      e.totals = g_array_new (FALSE, TRUE, sizeof (AwdJurorTotal));
      g_array_append_val (entries, e);
    }
  return entries;
}

static void
check_completeness (const Work *w,
                    AwdResults *res)
{
  const AwdResultsInput *in = w->in;

  g_array_set_size (res->progress, w->n_jurors);

  for (guint j = 0; j < w->n_jurors; j++)
    {
      AwdJurorProgress *p = &g_array_index (res->progress, AwdJurorProgress, j);

      if (!is_counting_juror (w, j))
        continue;
      for (guint n = 0; n < w->n_nominations; n++)
        {
          if (!w->jury_eligible[n] || w->conflicts[pair_index (w, j, n)])
            continue;
          for (guint c = 0; c < w->n_criteria; c++)
            {
              p->required++;
              if (!isnan (w->cells[cell_index (w, j, n, c)]))
                {
                  p->scored++;
                }
              else
                {
                  AwdMissingCell cell = { j, n, c };

                  g_array_append_val (res->missing, cell);
                }
            }
        }
    }

  for (guint k = 0; k < in->categories->len; k++)
    {
      const AwdResultsCategory *cat = &g_array_index (in->categories, AwdResultsCategory, k);

      if (cat->kind == AWD_CATEGORY_KIND_VOTE)
        {
          /* Without counts = it has eligible nominations and none has a
           * count; an empty vote category has nothing to decide. */
          gboolean any_eligible = FALSE, any_count = FALSE;

          for (guint n = 0; n < w->n_nominations; n++)
            {
              const AwdResultsNomination *nom = get_nomination (in, n);

              if (nom->category != (int) k || nom->status != AWD_NOMINATION_STATUS_ELIGIBLE)
                continue;
              any_eligible = TRUE;
              any_count |= nom->has_votes;
            }
          if (any_eligible && !any_count)
            g_array_append_val (res->vote_without_counts, k);
        }
      else if (cat->kind == AWD_CATEGORY_KIND_DIRECT)
        {
          if (get_direct_winner (in, (int) k) < 0)
            g_array_append_val (res->direct_without_winner, k);
        }
    }

  res->complete = res->missing->len == 0
                  && res->vote_without_counts->len == 0
                  && res->direct_without_winner->len == 0;
}

static AwdResults *
compute (const AwdResultsInput *in,
         AwdMethod              method,
         int                    excluded,
         GError               **error)
{
  g_autoptr(AwdResults) res = NULL;
  Work w = { 0 };

  if (!validate_input (in, method, error))
    return NULL;

  w.in = in;
  w.excluded = excluded;
  w.n_jurors = in->jurors->len;
  w.n_nominations = in->nominations->len;
  w.n_criteria = in->criteria->len;
  fill_cells (&w);
  fill_totals (&w);
  if (method == AWD_METHOD_ZSCORE)
    fill_zscores (&w);

  res = g_new0 (AwdResults, 1);
  res->method = method;
  res->excluded_juror = excluded;
  res->categories = new_array (sizeof (AwdResultCategory), clear_result_category);
  res->missing = new_array (sizeof (AwdMissingCell), NULL);
  res->vote_without_counts = new_array (sizeof (guint), NULL);
  res->direct_without_winner = new_array (sizeof (guint), NULL);
  res->progress = new_array (sizeof (AwdJurorProgress), NULL);

  if (in->categories->len == 0)
    {
      AwdResultCategory rc = { -1, AWD_CATEGORY_KIND_JURY, NULL };

      rc.entries = rank_jury_category (&w, method, -1);
      g_array_append_val (res->categories, rc);
    }
  for (guint k = 0; k < in->categories->len; k++)
    {
      const AwdResultsCategory *cat = &g_array_index (in->categories, AwdResultsCategory, k);
      AwdResultCategory rc = { (int) k, cat->kind, NULL };

      switch (cat->kind)
        {
        case AWD_CATEGORY_KIND_JURY:
          rc.entries = rank_jury_category (&w, method, (int) k);
          break;
        case AWD_CATEGORY_KIND_VOTE:
          rc.entries = rank_vote_category (&w, (int) k);
          break;
        case AWD_CATEGORY_KIND_DIRECT:
          rc.entries = rank_direct_category (&w, (int) k);
          break;
        default:
          g_assert_not_reached ();
        }
      g_array_append_val (res->categories, rc);
    }

  check_completeness (&w, res);
  work_clear (&w);

  return g_steal_pointer (&res);
}

AwdResults *
awd_results_compute (const AwdResultsInput *in,
                     AwdMethod              method,
                     GError               **error)
{
  g_return_val_if_fail (in != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compute (in, method, -1, error);
}

AwdResults *
awd_results_compute_without_juror (const AwdResultsInput *in,
                                   AwdMethod              method,
                                   guint                  juror,
                                   GError               **error)
{
  g_return_val_if_fail (in != NULL, NULL);
  g_return_val_if_fail (juror < in->jurors->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compute (in, method, (int) juror, error);
}

void
awd_results_free (AwdResults *res)
{
  if (res == NULL)
    return;

  g_clear_pointer (&res->categories, g_array_unref);
  g_clear_pointer (&res->missing, g_array_unref);
  g_clear_pointer (&res->vote_without_counts, g_array_unref);
  g_clear_pointer (&res->direct_without_winner, g_array_unref);
  g_clear_pointer (&res->progress, g_array_unref);
  g_free (res);
}

const AwdResultEntry *
awd_results_lookup (const AwdResults *res,
                    guint             nomination)
{
  g_return_val_if_fail (res != NULL, NULL);

  for (guint k = 0; k < res->categories->len; k++)
    {
      const AwdResultCategory *rc = &g_array_index (res->categories, AwdResultCategory, k);

      for (guint i = 0; i < rc->entries->len; i++)
        {
          const AwdResultEntry *e = &g_array_index (rc->entries, AwdResultEntry, i);

          if (e->nomination == nomination)
            return e;
        }
    }
  return NULL;
}

GArray *
awd_results_list_below_quorum (const AwdResultsInput *in,
                               const AwdResults      *res)
{
  GArray *list;

  g_return_val_if_fail (in != NULL, NULL);
  g_return_val_if_fail (res != NULL, NULL);

  list = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < res->categories->len; k++)
    {
      const AwdResultCategory *rc = &g_array_index (res->categories, AwdResultCategory, k);

      if (rc->kind != AWD_CATEGORY_KIND_JURY)
        continue;
      for (guint i = 0; i < rc->entries->len; i++)
        {
          const AwdResultEntry *e = &g_array_index (rc->entries, AwdResultEntry, i);

          if (e->n_counting < in->quorum)
            g_array_append_val (list, e->nomination);
        }
    }
  return list;
}
