/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-store.h"

G_BEGIN_DECLS

/* Suggested conflicts of interest: a juror whose affiliation names the
 * nominating institution of a nomination, or one of its partners. Nothing
 * is stored; the secretariat confirms each suggestion (with the reason
 * given here, or another) through awd_store_set_conflict(). */

typedef struct {
  gint64    juror_id;
  gint64    nomination_id;
  gboolean  partner;       /* a partner matched, not the nominating institution */
  char     *matched;       /* the institution or partner name as stored */
  char     *reason;        /* a translated reason to prefill */
} AwdConflictSuggestion;

/* The comparison key of an institution's name: folded as search folds
 * (awd_fold: NFKC, case, ё → е), every character that is not a letter or
 * a digit (punctuation, quotes «»"') made a space, spaces collapsed. */
char     *awd_institution_key            (const char  *name);

/* TRUE when the keys of @a and @b are equal, or when the shorter one (two
 * words or more, 4 characters or more) appears in the longer one as whole
 * words. */
gboolean  awd_institutions_match         (const char  *a,
                                          const char  *b);

/* AwdConflictSuggestion, by juror position then nomination ref. Pairs that
 * already have a conflict, withdrawn jurors and withdrawn nominations are
 * left out. */
GArray   *awd_store_suggest_conflicts    (AwdStore    *self,
                                          gint64       round_id,
                                          GError     **error);

G_END_DECLS
