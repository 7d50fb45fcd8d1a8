/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-report-score-form"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "awd-report-score-form.h"
#include "awd-report-typography.h"

/* The decimals a mark on this scale needs: 0 for a step of 1, 1 for 0.5. */
static int
scale_decimals (double step)
{
  for (int d = 0; d < 3; d++)
    {
      double scaled = step * pow (10, d);
      if (fabs (scaled - round (scaled)) < 1e-9)
        return d;
    }
  return 3;
}

static gboolean
jury_category (const AwdResultsInput *in,
               int                    category)
{
  return category < 0
         || g_array_index (in->categories, AwdResultsCategory, category).kind == AWD_CATEGORY_KIND_JURY;
}

/* Eligible nominations of the jury categories, category by category. */
static GArray *
list_nominations (const AwdResultsInput *in)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (guint));
  int n_categories = (int) in->categories->len;

  for (int c = (n_categories > 0 ? 0 : -1); c < MAX (n_categories, 0); c++)
    for (guint i = 0; i < in->nominations->len; i++)
      {
        const AwdResultsNomination *n = &g_array_index (in->nominations, AwdResultsNomination, i);

        if (n->category == c && n->status == AWD_NOMINATION_STATUS_ELIGIBLE && jury_category (in, c))
          g_array_append_val (list, i);
      }
  return list;
}

static GHashTable *
collect_marks (const AwdResultsInput *in,
               guint                  juror)
{
  GHashTable *marks = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  for (guint i = 0; i < in->scores->len; i++)
    {
      const AwdResultsScore *s = &g_array_index (in->scores, AwdResultsScore, i);
      double *value;

      if (s->juror != juror)
        continue;
      value = g_new (double, 1);
      *value = s->value;
      g_hash_table_replace (marks, GUINT_TO_POINTER (s->nomination * in->criteria->len + s->criterion + 1),
                            value);
    }
  return marks;
}

AwdReportDocument *
awd_report_score_form_new (AwdReportRound            *round,
                           int                        juror,
                           gboolean                   filled,
                           const AwdReportPageSetup  *setup,
                           GError                   **error)
{
  const AwdResultsInput *in;
  g_autoptr(AwdReportDocument) doc = NULL;
  g_autoptr(GArray) nominations = NULL;
  g_autoptr(GHashTable) marks = NULL;
  g_autoptr(AwdReportTable) criteria = NULL;
  g_autofree char *header = NULL;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *step = NULL;
  g_autofree char *scale = NULL;
  const char *juror_name = NULL;
  int decimals;

  g_return_val_if_fail (round != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  in = round->input;

  if (juror >= (int) in->jurors->len || (juror < 0 && filled))
    {
      g_set_error (error, AWD_REPORT_ERROR, AWD_REPORT_ERROR_INVALID,
                   _("A filled score form needs a juror of the round"));
      return NULL;
    }
  if (juror >= 0)
    juror_name = g_array_index (in->jurors, AwdResultsJuror, juror).name;

  decimals = scale_decimals (in->scale_step);
  min = awd_report_format_decimal (in->scale_min, decimals);
  max = awd_report_format_decimal (in->scale_max, decimals);
  step = awd_report_format_decimal (in->scale_step, decimals);
  scale = g_strdup_printf ("%s–%s", min, max);

  doc = awd_report_document_new (setup);
  header = awd_report_compose_header_text (in->award, round->title);
  awd_report_document_set_header (doc, header, juror_name != NULL ? juror_name : _("Score form"));
  awd_report_document_set_title (doc, _("Score form"));
  awd_report_document_set_footer (doc, juror_name != NULL ? juror_name : NULL);

  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_SUBTITLE,
                                     AWD_REPORT_PARA_CENTER | AWD_REPORT_PARA_UPPERCASE, in->award);
  awd_report_document_add_space (doc, 6);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_TITLE, AWD_REPORT_PARA_CENTER,
                                     _("SCORE FORM"));
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_SUBTITLE,
                                     AWD_REPORT_PARA_CENTER | AWD_REPORT_PARA_BOLD, round->title);
  awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_CENTER,
                                            _("Season %d, %d"), (int) in->number, (int) in->year);
  awd_report_document_add_space (doc, 10);

  if (juror_name != NULL)
    {
      const char *affiliation = (guint) juror < round->juror_affiliations->len
                                ? g_ptr_array_index (round->juror_affiliations, juror) : NULL;
      if (affiliation != NULL)
        awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_BOLD,
                                                  _("Juror: %s (%s)"), juror_name, affiliation);
      else
        awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_BOLD,
                                                  _("Juror: %s"), juror_name);
    }
  else
    awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_BOLD,
                                       _("Juror: ____________________________________________"));

  awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_JUSTIFY,
                                            _("Give every nomination a mark from %s to %s in steps of %s on each criterion. Do not score a nomination you have a conflict of interest with."),
                                            min, max, step);
  awd_report_document_add_space (doc, 4);

  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_HEADING, AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                     _("Criteria"));
  criteria = awd_report_table_new (4);
  awd_report_table_set_column (criteria, 0, C_("score form column", "No."), 0.4, PANGO_ALIGN_CENTER);
  awd_report_table_set_column (criteria, 1, _("Criterion"), 2.2, PANGO_ALIGN_LEFT);
  awd_report_table_set_column (criteria, 2, _("What it weighs"), 4.6, PANGO_ALIGN_LEFT);
  awd_report_table_set_column (criteria, 3, _("Weight"), 0.7, PANGO_ALIGN_RIGHT);
  for (guint c = 0; c < in->criteria->len; c++)
    {
      const AwdResultsCriterion *criterion = &g_array_index (in->criteria, AwdResultsCriterion, c);
      const char *note = c < round->criterion_notes->len ? g_ptr_array_index (round->criterion_notes, c) : NULL;
      g_autofree char *number = g_strdup_printf ("%u", c + 1);
      g_autofree char *weight = awd_report_format_decimal (criterion->weight, scale_decimals (criterion->weight));

      awd_report_table_add (criteria, AWD_REPORT_ROW_NORMAL, number, criterion->name, note, weight);
    }
  awd_report_document_add_table (doc, g_steal_pointer (&criteria));

  nominations = list_nominations (in);
  if (filled)
    marks = collect_marks (in, juror);

  for (guint k = 0; k < nominations->len; k++)
    {
      guint index = g_array_index (nominations, guint, k);
      const AwdResultsNomination *n = &g_array_index (in->nominations, AwdResultsNomination, index);
      const char *conflict = juror >= 0 ? awd_report_round_lookup_conflict (round, juror, index) : NULL;
      g_autoptr(AwdReportTable) table = NULL;

      awd_report_document_add_space (doc, 8);
      awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY,
                                                AWD_REPORT_PARA_BOLD | AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                                _("No. %s. %s"), n->ref, n->title);
      if (n->institution != NULL && *n->institution != '\0')
        awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_SMALL,
                                           AWD_REPORT_PARA_ITALIC | AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                           n->institution);
      if (conflict != NULL)
        {
          awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_ITALIC,
                                             _("Conflict of interest declared: not scored by this juror."));
          continue;
        }

      table = awd_report_table_new (4);
      awd_report_table_set_column (table, 0, C_("score form column", "No."), 0.4, PANGO_ALIGN_CENTER);
      awd_report_table_set_column (table, 1, _("Criterion"), 4.4, PANGO_ALIGN_LEFT);
      awd_report_table_set_column (table, 2, _("Scale"), 1.2, PANGO_ALIGN_CENTER);
      awd_report_table_set_column (table, 3, _("Mark"), 1.2, PANGO_ALIGN_CENTER);
      for (guint c = 0; c < in->criteria->len; c++)
        {
          const AwdResultsCriterion *criterion = &g_array_index (in->criteria, AwdResultsCriterion, c);
          g_autofree char *number = g_strdup_printf ("%u", c + 1);
          g_autofree char *mark = NULL;

          if (marks != NULL)
            {
              double *value = g_hash_table_lookup (marks, GUINT_TO_POINTER (index * in->criteria->len + c + 1));
              mark = value != NULL ? awd_report_format_decimal (*value, decimals) : g_strdup ("");
            }
          awd_report_table_add (table, marks != NULL ? AWD_REPORT_ROW_NORMAL : AWD_REPORT_ROW_TALL,
                                number, criterion->name, scale, mark);
        }
      awd_report_document_add_table (doc, g_steal_pointer (&table));

      if (filled)
        {
          const char *comment = awd_report_round_lookup_comment (round, juror, index);
          if (comment != NULL)
            awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_JUSTIFY,
                                                      _("Comments: %s"), comment);
        }
      else
        {
          awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_SMALL, AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                             _("Comments:"));
          awd_report_document_add_writing_lines (doc, 3);
        }
    }

  if (nominations->len == 0)
    awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_LEFT,
                                       _("The round has no eligible nominations to score yet."));

  awd_report_document_add_space (doc, 24);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_JUSTIFY | AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                     _("I confirm that these marks are my own and that I have declared every conflict of interest."));
  awd_report_document_add_space (doc, 12);
  awd_report_document_add_signature (doc, _("Juror"), juror_name);
  awd_report_document_add_space (doc, 6);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_NO_TYPOGRAPHY,
                                     _("Date: ____ ______________ 20___"));

  return g_steal_pointer (&doc);
}
