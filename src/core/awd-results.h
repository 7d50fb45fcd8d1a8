/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "awd-enums.h"

G_BEGIN_DECLS

/* The results engine: pure arithmetic over a plain snapshot of one round
 * (DESIGN.md, "Results arithmetic"). It knows nothing of the store; the store
 * (or a test, or the XML importer) fills an AwdResultsInput and hands it to
 * awd_results_compute().
 *
 * Items are referred to by their index in the snapshot: the n-th juror added
 * is juror n, and so on. Criteria are added in position order (position =
 * index + 1). The structs below are plain data that callers read; fill
 * them through the functions, which copy strings and check indices (a
 * test may flip a scalar field such as `withdrawn` directly). */

#define AWD_RESULTS_ERROR (awd_results_error_quark ())

typedef enum {
  AWD_RESULTS_ERROR_INVALID,
} AwdResultsError;

GQuark awd_results_error_quark (void);

/* Two results (scores, criterion means) closer than this are equal. */
#define AWD_RESULTS_EPSILON 1e-9

typedef struct {
  char   *name;
  double  weight;
} AwdResultsCriterion;

typedef struct {
  char            *name;
  AwdCategoryKind  kind;
  int              winner;       /* nomination index of a direct prize, or -1 */
} AwdResultsCategory;

typedef struct {
  char     *name;
  gboolean  withdrawn;
} AwdResultsJuror;

typedef struct {
  char                *ref;
  char                *title;
  char                *institution;
  int                  category;   /* category index, or -1 */
  AwdNominationStatus  status;
  gboolean             has_votes;
  gint64               votes;
  AwdAwardMark         mark;
  char                *note;       /* the chair's note on a decided tie, or NULL */
} AwdResultsNomination;

typedef struct {
  guint juror;
  guint nomination;
} AwdResultsConflict;

typedef struct {
  guint  juror;
  guint  nomination;
  guint  criterion;
  double value;
} AwdResultsScore;

typedef struct {
  char           *award;
  gint64          number;
  gint64          year;
  AwdMethod       method;        /* the round's own method */
  guint           trim;
  double          scale_min;
  double          scale_max;
  double          scale_step;
  AwdTieBreak     tie_break;
  guint           quorum;

  GArray         *criteria;      /* AwdResultsCriterion */
  GArray         *categories;    /* AwdResultsCategory */
  GArray         *jurors;        /* AwdResultsJuror */
  GArray         *nominations;   /* AwdResultsNomination */
  GArray         *conflicts;     /* AwdResultsConflict */
  GArray         *scores;        /* AwdResultsScore, every stored score */
} AwdResultsInput;

/* Defaults: method mean, trim 1, scale 0..10 step 1, tie-break none, quorum 1. */
AwdResultsInput *awd_results_input_new             (const char          *award,
                                                    gint64               number,
                                                    gint64               year);
void             awd_results_input_free            (AwdResultsInput     *in);

void             awd_results_input_set_method      (AwdResultsInput     *in,
                                                    AwdMethod            method);
void             awd_results_input_set_trim        (AwdResultsInput     *in,
                                                    guint                trim);
void             awd_results_input_set_scale       (AwdResultsInput     *in,
                                                    double               min,
                                                    double               max,
                                                    double               step);
void             awd_results_input_set_tie_break   (AwdResultsInput     *in,
                                                    AwdTieBreak          tie_break);
void             awd_results_input_set_quorum      (AwdResultsInput     *in,
                                                    guint                quorum);

/* Each add_* returns the new item's index, or -1 on a programming error
 * (bad index, NULL name). */
int              awd_results_input_add_criterion   (AwdResultsInput     *in,
                                                    const char          *name,
                                                    double               weight);
int              awd_results_input_add_category    (AwdResultsInput     *in,
                                                    const char          *name,
                                                    AwdCategoryKind      kind);
int              awd_results_input_add_juror       (AwdResultsInput     *in,
                                                    const char          *name,
                                                    gboolean             withdrawn);
int              awd_results_input_add_nomination  (AwdResultsInput     *in,
                                                    const char          *ref,
                                                    const char          *title,
                                                    const char          *institution,
                                                    int                  category,
                                                    AwdNominationStatus  status);
int              awd_results_input_add_conflict    (AwdResultsInput     *in,
                                                    guint                juror,
                                                    guint                nomination);
int              awd_results_input_add_score       (AwdResultsInput     *in,
                                                    guint                juror,
                                                    guint                nomination,
                                                    guint                criterion,
                                                    double               value);
/* winner: a nomination index, or -1 for none. */
void             awd_results_input_set_winner      (AwdResultsInput     *in,
                                                    guint                category,
                                                    int                  winner);
void             awd_results_input_set_votes       (AwdResultsInput     *in,
                                                    guint                nomination,
                                                    gint64               count);
void             awd_results_input_set_award_mark  (AwdResultsInput     *in,
                                                    guint                nomination,
                                                    AwdAwardMark         mark,
                                                    const char          *note);
/* The index of the nomination with that ref, or -1. */
int              awd_results_input_find_nomination (const AwdResultsInput *in,
                                                    const char            *ref);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwdResultsInput, awd_results_input_free)

typedef struct {
  guint  juror;
  double total;                  /* T_jn */
} AwdJurorTotal;

typedef struct {
  guint    nomination;
  /* 1, 2, 2, 4 numbering; 0 = not ranked: an eligible nomination of a jury
   * category that no juror counts for has no score, and is listed after the
   * ranked ones with has_score FALSE and score 0. */
  guint    rank;
  gboolean has_score;
  double   score;                /* method result; vote count; 0 for a direct winner */
  guint    n_counting;           /* counting jurors */
  double   spread_sd;            /* population std dev of the juror totals */
  double   spread_range;         /* max − min of the juror totals */
  gboolean score_tied;           /* another entry of the category has an equal score */
  gboolean tied;                 /* another entry shares its final rank */
  GArray  *totals;               /* AwdJurorTotal of each counting juror, juror order */
} AwdResultEntry;

typedef struct {
  int              category;     /* category index, -1 for the implicit one */
  AwdCategoryKind  kind;
  GArray          *entries;      /* AwdResultEntry, rank order */
} AwdResultCategory;

typedef struct {
  guint juror;
  guint nomination;
  guint criterion;
} AwdMissingCell;

typedef struct {
  guint required;
  guint scored;                  /* required cells that hold a score */
} AwdJurorProgress;

typedef struct {
  AwdMethod  method;
  int        excluded_juror;     /* -1, or the juror left out by compute_without_juror */
  GArray    *categories;         /* AwdResultCategory, category order */
  GArray    *missing;            /* AwdMissingCell, by juror, nomination, criterion */
  GArray    *vote_without_counts;   /* guint category indices */
  GArray    *direct_without_winner; /* guint category indices */
  GArray    *progress;           /* AwdJurorProgress, one per juror */
  gboolean   complete;
} AwdResults;

AwdResults           *awd_results_compute              (const AwdResultsInput *in,
                                                        AwdMethod              method,
                                                        GError               **error);
/* Leave-one-juror-out: the results as if juror had withdrawn (their cells
 * are not required either). For judging how much one juror moves the
 * ranking. */
AwdResults           *awd_results_compute_without_juror (const AwdResultsInput *in,
                                                        AwdMethod              method,
                                                        guint                  juror,
                                                        GError               **error);
void                  awd_results_free                 (AwdResults            *res);

/* The entry of a nomination, or NULL when it is not listed in any category. */
const AwdResultEntry *awd_results_lookup               (const AwdResults      *res,
                                                        guint                  nomination);
/* Nomination indices (guint) of jury-category entries counted by fewer
 * jurors than the round's quorum, in result order. */
GArray               *awd_results_list_below_quorum    (const AwdResultsInput *in,
                                                        const AwdResults      *res);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwdResults, awd_results_free)

G_END_DECLS
