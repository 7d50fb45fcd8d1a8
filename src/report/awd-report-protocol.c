/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-report-protocol"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-report-protocol.h"
#include "awd-report-typography.h"

/* Jurors per table of the appendix: more columns would not fit A4 portrait. */
#define APPENDIX_JURORS 8

static const AwdResultsNomination *
get_nomination (AwdReportRound *round,
                guint           index)
{
  return &g_array_index (round->input->nominations, AwdResultsNomination, index);
}

static const char *
category_name (AwdReportRound *round,
               int             category)
{
  if (category < 0)
    return NULL;
  return g_array_index (round->input->categories, AwdResultsCategory, category).name;
}

static char *
format_score (const AwdResultEntry *entry,
              AwdCategoryKind       kind)
{
  if (!entry->has_score)
    return g_strdup ("—");
  switch (kind)
    {
    case AWD_CATEGORY_KIND_VOTE:
      return awd_report_format_integer ((gint64) entry->score);
    case AWD_CATEGORY_KIND_DIRECT:
      return g_strdup ("—");
    case AWD_CATEGORY_KIND_JURY:
    default:
      return awd_report_format_decimal (entry->score, 3);
    }
}

static const char *
mark_label (AwdAwardMark mark)
{
  switch (mark)
    {
    case AWD_AWARD_MARK_LAUREATE: return _("Laureate");
    case AWD_AWARD_MARK_DIPLOMA:  return _("Diploma");
    case AWD_AWARD_MARK_NONE:
    default:                      return "";
    }
}

static char *
describe_method (AwdReportRound *round)
{
  const AwdResultsInput *in = round->input;
  g_autofree char *method = NULL;
  const char *tie;

  switch (round->results->method)
    {
    case AWD_METHOD_MEDIAN:
      method = g_strdup (_("The score of a nomination is the median of the totals of the jurors who count for it, a juror’s total being the weighted mean of that juror’s marks on the criteria."));
      break;
    case AWD_METHOD_TRIMMED:
      method = g_strdup_printf (_("The score of a nomination is the mean of the totals of the jurors who count for it after leaving out the %u highest and the %u lowest (the plain mean when fewer than %u jurors count), a juror’s total being the weighted mean of that juror’s marks on the criteria."),
                                in->trim, in->trim, 2 * in->trim + 1);
      break;
    case AWD_METHOD_ZSCORE:
      method = g_strdup (_("The score of a nomination is the mean of the standardized totals (z-scores) of the jurors who count for it, each juror’s totals being measured against the mean and spread of all the totals that juror gave in the round."));
      break;
    case AWD_METHOD_MEAN:
    default:
      method = g_strdup (_("The score of a nomination is the mean of the totals of the jurors who count for it, a juror’s total being the weighted mean of that juror’s marks on the criteria."));
      break;
    }

  if (in->tie_break == AWD_TIE_BREAK_CRITERIA)
    tie = _("Equal scores are decided by comparing the criteria in their order; nominations still equal share the rank.");
  else
    tie = _("Nominations with equal scores share the rank.");

  return g_strdup_printf ("%s %s %s", method,
                          _("A juror with a declared conflict of interest does not count for that nomination."),
                          tie);
}

static void
add_title_block (AwdReportDocument *doc,
                 AwdReportRound    *round)
{
  const AwdResultsInput *in = round->input;
  g_autofree char *date = NULL;
  g_autofree char *season = NULL;

  if (round->issuer != NULL)
    awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_SUBTITLE,
                                       AWD_REPORT_PARA_CENTER, round->issuer);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_SUBTITLE,
                                     AWD_REPORT_PARA_CENTER | AWD_REPORT_PARA_UPPERCASE,
                                     in->award);
  awd_report_document_add_space (doc, 14);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_TITLE,
                                     AWD_REPORT_PARA_CENTER,
                                     _("RESULTS PROTOCOL"));
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_SUBTITLE,
                                     AWD_REPORT_PARA_CENTER | AWD_REPORT_PARA_BOLD,
                                     round->title);
  season = g_strdup_printf (_("Season %d, %d"), (int) in->number, (int) in->year);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_CENTER, season);
  awd_report_document_add_space (doc, 8);

  if (round->date != NULL)
    date = awd_report_format_iso_date (round->date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      date = awd_report_format_date (now);
    }
  if (awd_report_round_is_final (round))
    awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_RIGHT,
                                              _("Results finalized on %s"), date);
  else
    awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_RIGHT,
                                              _("Preliminary results as of %s"), date);
  awd_report_document_add_rule (doc);
  awd_report_document_add_space (doc, 6);
}

static void
add_method (AwdReportDocument *doc,
            AwdReportRound    *round)
{
  const AwdResultsInput *in = round->input;
  g_autofree char *method = describe_method (round);
  guint withdrawn = 0;

  for (guint j = 0; j < in->jurors->len; j++)
    if (g_array_index (in->jurors, AwdResultsJuror, j).withdrawn)
      withdrawn++;

  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_HEADING,
                                     AWD_REPORT_PARA_KEEP_WITH_NEXT, _("Method"));
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_JUSTIFY, method);

  if (withdrawn > 0)
    awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_JUSTIFY,
                                              g_dngettext (GETTEXT_PACKAGE,
                                                           "The jury panel has %u members; %u of them withdrew from the round and their marks do not count.",
                                                           "The jury panel has %u members; %u of them withdrew from the round and their marks do not count.",
                                                           in->jurors->len),
                                              in->jurors->len, withdrawn);
  else if (in->jurors->len > 0)
    awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_JUSTIFY,
                                              g_dngettext (GETTEXT_PACKAGE,
                                                           "The jury panel has %u member.",
                                                           "The jury panel has %u members.",
                                                           in->jurors->len),
                                              in->jurors->len);

  if (!round->results->complete)
    awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY,
                                       AWD_REPORT_PARA_BOLD | AWD_REPORT_PARA_JUSTIFY,
                                       _("The results are incomplete: some marks, vote counts or prize winners are still missing."));
  awd_report_document_add_space (doc, 6);
}

static void
add_ranking (AwdReportDocument *doc,
             AwdReportRound    *round)
{
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_HEADING,
                                     AWD_REPORT_PARA_KEEP_WITH_NEXT, _("Ranking"));

  for (guint c = 0; c < round->results->categories->len; c++)
    {
      const AwdResultCategory *cat = &g_array_index (round->results->categories, AwdResultCategory, c);
      const char *name = category_name (round, cat->category);
      g_autoptr(AwdReportTable) table = awd_report_table_new (7);
      const char *score_title;

      if (name != NULL)
        {
          g_autofree char *quoted = awd_report_quote (name);
          awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY,
                                                    AWD_REPORT_PARA_BOLD | AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                                    _("Category %s (%s)"), quoted,
                                                    awd_category_kind_label (cat->kind));
        }

      switch (cat->kind)
        {
        case AWD_CATEGORY_KIND_VOTE:   score_title = _("Votes"); break;
        case AWD_CATEGORY_KIND_DIRECT: score_title = _("Score"); break;
        case AWD_CATEGORY_KIND_JURY:
        default:                       score_title = _("Score"); break;
        }

      awd_report_table_set_column (table, 0, C_("protocol column", "Rank"), 0.75, PANGO_ALIGN_CENTER);
      awd_report_table_set_column (table, 1, C_("protocol column", "Ref."), 0.95, PANGO_ALIGN_LEFT);
      awd_report_table_set_column (table, 2, C_("protocol column", "Project"), 3.0, PANGO_ALIGN_LEFT);
      awd_report_table_set_column (table, 3, C_("protocol column", "Institution"), 2.3, PANGO_ALIGN_LEFT);
      awd_report_table_set_column (table, 4, score_title, 0.8, PANGO_ALIGN_RIGHT);
      awd_report_table_set_column (table, 5, C_("protocol column", "Jurors"), 0.75, PANGO_ALIGN_CENTER);
      awd_report_table_set_column (table, 6, C_("protocol column", "Award"), 0.95, PANGO_ALIGN_LEFT);

      for (guint e = 0; e < cat->entries->len; e++)
        {
          const AwdResultEntry *entry = &g_array_index (cat->entries, AwdResultEntry, e);
          const AwdResultsNomination *n = get_nomination (round, entry->nomination);
          g_autofree char *rank = NULL;
          g_autofree char *score = format_score (entry, cat->kind);
          g_autofree char *jurors = NULL;
          AwdReportRowFlags flags = AWD_REPORT_ROW_NORMAL;

          if (entry->rank == 0)
            rank = g_strdup ("—");
          else if (entry->tied)
            rank = g_strdup_printf ("%u=", entry->rank);
          else
            rank = g_strdup_printf ("%u", entry->rank);
          jurors = cat->kind == AWD_CATEGORY_KIND_JURY ? g_strdup_printf ("%u", entry->n_counting)
                                                       : g_strdup ("—");
          if (n->mark == AWD_AWARD_MARK_LAUREATE)
            flags = AWD_REPORT_ROW_BOLD | AWD_REPORT_ROW_SHADED;
          else if (n->mark == AWD_AWARD_MARK_DIPLOMA)
            flags = AWD_REPORT_ROW_SHADED;

          awd_report_table_add (table, flags, rank, n->ref, n->title, n->institution,
                                score, jurors, mark_label (n->mark));
        }
      if (cat->entries->len == 0)
        awd_report_table_add (table, AWD_REPORT_ROW_SPAN, _("No nominations are ranked in this category."));

      awd_report_document_add_table (doc, g_steal_pointer (&table));
    }

  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_SMALL, AWD_REPORT_PARA_LEFT,
                                     _("“=” after a rank: the rank is shared. Jurors: the number of jurors whose marks count for the nomination. Laureates are printed in bold."));
  awd_report_document_add_space (doc, 6);
}

static char *
join_refs (AwdReportRound *round,
           GArray         *indices)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < indices->len; i++)
    {
      const AwdResultsNomination *n = get_nomination (round, g_array_index (indices, guint, i));

      if (i > 0)
        g_string_append (text, i + 1 == indices->len ? _(" and ") : ", ");
      g_string_append (text, n->ref);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_ties (AwdReportDocument *doc,
          AwdReportRound    *round)
{
  guint n_paragraphs = 0;

  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_HEADING,
                                     AWD_REPORT_PARA_KEEP_WITH_NEXT, _("Ties"));

  for (guint c = 0; c < round->results->categories->len; c++)
    {
      const AwdResultCategory *cat = &g_array_index (round->results->categories, AwdResultCategory, c);
      const char *name = category_name (round, cat->category);
      g_autofree char *where = NULL;

      if (name != NULL)
        {
          g_autofree char *quoted = awd_report_quote (name);
          where = g_strdup_printf (_("Category %s. "), quoted);
        }
      else
        where = g_strdup ("");

      /* Runs of equal scores: shared ranks, or ties that the criteria broke. */
      for (guint e = 0; e < cat->entries->len;)
        {
          const AwdResultEntry *first = &g_array_index (cat->entries, AwdResultEntry, e);
          g_autoptr(GArray) group = g_array_new (FALSE, FALSE, sizeof (guint));
          gboolean shared = FALSE;
          guint end = e;

          while (end < cat->entries->len)
            {
              const AwdResultEntry *other = &g_array_index (cat->entries, AwdResultEntry, end);

              if (!first->score_tied || !other->has_score
                  || ABS (other->score - first->score) >= AWD_RESULTS_EPSILON)
                break;
              g_array_append_val (group, other->nomination);
              shared |= other->tied;
              end++;
            }

          if (group->len >= 2)
            {
              g_autofree char *refs = join_refs (round, group);
              g_autofree char *score = format_score (first, cat->kind);

              if (shared)
                awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_JUSTIFY,
                                                          _("%s%s have the same score (%s) and share the rank."),
                                                          where, refs, score);
              else
                awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_JUSTIFY,
                                                          _("%s%s have the same score (%s); their order was decided by comparing the criteria in their order."),
                                                          where, refs, score);
              n_paragraphs++;
            }
          e = MAX (end, e + 1);
        }
    }

  /* The chair's notes on decided ties. */
  for (guint i = 0; i < round->input->nominations->len; i++)
    {
      const AwdResultsNomination *n = get_nomination (round, i);

      if (n->note != NULL && *n->note != '\0')
        {
          awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_JUSTIFY,
                                                    _("Decision of the chair on %s: %s"), n->ref, n->note);
          n_paragraphs++;
        }
    }

  if (n_paragraphs == 0)
    awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_LEFT,
                                       _("No nominations of a category have equal scores."));
  awd_report_document_add_space (doc, 6);
}

static void
add_conflicts (AwdReportDocument *doc,
               AwdReportRound    *round)
{
  const AwdResultsInput *in = round->input;
  g_autoptr(AwdReportTable) table = NULL;

  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_HEADING,
                                     AWD_REPORT_PARA_KEEP_WITH_NEXT, _("Conflicts of interest"));
  if (in->conflicts->len == 0)
    {
      awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_LEFT,
                                         _("No juror declared a conflict of interest."));
      awd_report_document_add_space (doc, 6);
      return;
    }

  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY,
                                     AWD_REPORT_PARA_JUSTIFY | AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                     _("The jurors below declared a conflict of interest and did not score these nominations:"));
  table = awd_report_table_new (3);
  awd_report_table_set_column (table, 0, _("Juror"), 2.2, PANGO_ALIGN_LEFT);
  awd_report_table_set_column (table, 1, _("Nomination"), 3.6, PANGO_ALIGN_LEFT);
  awd_report_table_set_column (table, 2, _("Reason"), 3.2, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < in->conflicts->len; i++)
    {
      const AwdResultsConflict *c = &g_array_index (in->conflicts, AwdResultsConflict, i);
      const AwdResultsJuror *j = &g_array_index (in->jurors, AwdResultsJuror, c->juror);
      const AwdResultsNomination *n = get_nomination (round, c->nomination);
      const char *reason = i < round->conflict_reasons->len
                           ? g_ptr_array_index (round->conflict_reasons, i) : NULL;
      g_autofree char *nomination = g_strdup_printf ("%s — %s", n->ref, n->title);

      awd_report_table_add (table, AWD_REPORT_ROW_NORMAL, j->name, nomination,
                            reason != NULL ? reason : _("not stated"));
    }
  awd_report_document_add_table (doc, g_steal_pointer (&table));
}

static void
add_checksum_and_signatures (AwdReportDocument *doc,
                             AwdReportRound    *round)
{
  if (awd_report_round_is_final (round))
    {
      awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                         _("SHA-256 checksum of the finalized results (it can be recomputed from the round’s XML export):"));
      awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_MONO, AWD_REPORT_PARA_NO_TYPOGRAPHY,
                                         round->checksum);
    }
  else
    awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY,
                                       AWD_REPORT_PARA_BOLD | AWD_REPORT_PARA_JUSTIFY,
                                       _("These results are preliminary: the round has not been finalized, and they may still change."));

  awd_report_document_add_space (doc, 22);
  awd_report_document_add_signature (doc, _("Chair of the jury"), round->chair);
  awd_report_document_add_signature (doc, _("Secretary"), round->secretary);
}

static void
add_appendix (AwdReportDocument *doc,
              AwdReportRound    *round)
{
  const AwdResultsInput *in = round->input;
  g_autoptr(GArray) jurors = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean any_jury = FALSE;

  for (guint c = 0; c < round->results->categories->len; c++)
    if (g_array_index (round->results->categories, AwdResultCategory, c).kind == AWD_CATEGORY_KIND_JURY)
      any_jury = TRUE;
  for (guint j = 0; j < in->jurors->len; j++)
    if (!g_array_index (in->jurors, AwdResultsJuror, j).withdrawn)
      g_array_append_val (jurors, j);
  if (!any_jury || jurors->len == 0)
    return;

  awd_report_document_break_page (doc);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_HEADING, AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                     _("Appendix. Jurors’ totals"));
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY,
                                     AWD_REPORT_PARA_JUSTIFY | AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                     _("Each juror’s total for each nomination: the weighted mean of the juror’s marks on the criteria. “c. i.”: conflict of interest; “—”: the juror does not count for the nomination (marks missing)."));

  for (guint from = 0; from < jurors->len; from += APPENDIX_JURORS)
    {
      guint n_cols = MIN (APPENDIX_JURORS, jurors->len - from);
      g_autoptr(AwdReportTable) table = awd_report_table_new (n_cols + 2);

      awd_report_table_set_column (table, 0, C_("protocol column", "Ref."), 1.0, PANGO_ALIGN_LEFT);
      for (guint k = 0; k < n_cols; k++)
        {
          guint j = g_array_index (jurors, guint, from + k);
          g_autofree char *name = awd_report_short_name (g_array_index (in->jurors, AwdResultsJuror, j).name);

          awd_report_table_set_column (table, k + 1, name, 1.0, PANGO_ALIGN_RIGHT);
        }
      awd_report_table_set_column (table, n_cols + 1, C_("protocol column", "Score"), 1.0, PANGO_ALIGN_RIGHT);

      for (guint c = 0; c < round->results->categories->len; c++)
        {
          const AwdResultCategory *cat = &g_array_index (round->results->categories, AwdResultCategory, c);
          const char *name = category_name (round, cat->category);

          if (cat->kind != AWD_CATEGORY_KIND_JURY || cat->entries->len == 0)
            continue;
          if (name != NULL)
            awd_report_table_add (table, AWD_REPORT_ROW_SPAN, name);

          for (guint e = 0; e < cat->entries->len; e++)
            {
              const AwdResultEntry *entry = &g_array_index (cat->entries, AwdResultEntry, e);
              g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

              g_ptr_array_add (cells, g_strdup (get_nomination (round, entry->nomination)->ref));
              for (guint k = 0; k < n_cols; k++)
                {
                  guint j = g_array_index (jurors, guint, from + k);
                  char *cell = NULL;

                  for (guint t = 0; entry->totals != NULL && t < entry->totals->len; t++)
                    {
                      const AwdJurorTotal *total = &g_array_index (entry->totals, AwdJurorTotal, t);
                      if (total->juror == j)
                        cell = awd_report_format_decimal (total->total, 2);
                    }
                  if (cell == NULL)
                    cell = g_strdup (awd_report_round_lookup_conflict (round, j, entry->nomination) != NULL
                                     ? C_("conflict of interest", "c. i.") : "—");
                  g_ptr_array_add (cells, cell);
                }
              g_ptr_array_add (cells, format_score (entry, cat->kind));
              g_ptr_array_add (cells, NULL);
              awd_report_table_add_row (table, AWD_REPORT_ROW_NORMAL, (const char * const *) cells->pdata);
            }
        }
      awd_report_document_add_table (doc, g_steal_pointer (&table));
    }
}

AwdReportDocument *
awd_report_protocol_new (AwdReportRound            *round,
                         const AwdReportPageSetup  *setup,
                         GError                   **error)
{
  g_autoptr(AwdReportDocument) doc = NULL;
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *doc_title = NULL;

  g_return_val_if_fail (round != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!awd_report_round_ensure_results (round, error))
    return NULL;

  doc = awd_report_document_new (setup);
  header = awd_report_compose_header_text (round->input->award, round->title);
  doc_title = g_strdup_printf (_("Results protocol: %s"), round->title);
  awd_report_document_set_title (doc, doc_title);
  awd_report_document_set_header (doc, header, _("Results protocol"));
  if (awd_report_round_is_final (round))
    footer = g_strdup_printf ("SHA-256 %.16s…", round->checksum);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = awd_report_format_date (now);
      footer = g_strdup_printf (_("Printed on %s"), today);
      awd_report_document_set_notice (doc, _("PRELIMINARY RESULTS"));
    }
  awd_report_document_set_footer (doc, footer);

  add_title_block (doc, round);
  add_method (doc, round);
  add_ranking (doc, round);
  add_ties (doc, round);
  add_conflicts (doc, round);
  add_checksum_and_signatures (doc, round);
  add_appendix (doc, round);

  return g_steal_pointer (&doc);
}
