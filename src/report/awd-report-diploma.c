/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-report-diploma"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-report-diploma.h"
#include "awd-report-typography.h"

static void
add_diploma (AwdReportDocument          *doc,
             AwdReportRound             *round,
             const AwdResultsNomination *n,
             const char                 *date)
{
  const AwdResultsInput *in = round->input;
  const char *category = n->category >= 0
                         ? g_array_index (in->categories, AwdResultsCategory, n->category).name : NULL;
  g_autofree char *project = awd_report_quote (n->title);

  awd_report_document_add_fill (doc);
  if (round->issuer != NULL)
    awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_CENTER, round->issuer);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_SUBTITLE,
                                     AWD_REPORT_PARA_CENTER | AWD_REPORT_PARA_UPPERCASE | AWD_REPORT_PARA_BOLD,
                                     in->award);
  awd_report_document_add_space (doc, 22);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_DISPLAY, AWD_REPORT_PARA_CENTER,
                                     n->mark == AWD_AWARD_MARK_LAUREATE ? _("LAUREATE’S DIPLOMA")
                                                                        : _("DIPLOMA"));
  awd_report_document_add_space (doc, 18);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_SUBTITLE,
                                     AWD_REPORT_PARA_CENTER | AWD_REPORT_PARA_ITALIC,
                                     n->mark == AWD_AWARD_MARK_LAUREATE ? _("is awarded to the laureate")
                                                                        : _("is awarded to"));
  awd_report_document_add_space (doc, 6);
  if (n->institution != NULL && *n->institution != '\0')
    awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_LARGE,
                                       AWD_REPORT_PARA_CENTER | AWD_REPORT_PARA_BOLD, n->institution);
  awd_report_document_add_space (doc, 6);
  awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_SUBTITLE, AWD_REPORT_PARA_CENTER,
                                            _("for the project %s"), project);
  if (category != NULL)
    {
      g_autofree char *quoted = awd_report_quote (category);
      awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_SUBTITLE, AWD_REPORT_PARA_CENTER,
                                                _("in the category %s"), quoted);
    }
  awd_report_document_add_space (doc, 6);
  awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_CENTER,
                                            _("%s · season %d, %d"), round->title,
                                            (int) in->number, (int) in->year);
  awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_SMALL,
                                            AWD_REPORT_PARA_CENTER | AWD_REPORT_PARA_NO_TYPOGRAPHY,
                                            _("Ref. %s"), n->ref);
  awd_report_document_add_fill (doc);
  awd_report_document_add_signature (doc, _("Chair of the jury"), round->chair);
  awd_report_document_add_signature (doc, _("Secretary"), round->secretary);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_LEFT, date);
}

AwdReportDocument *
awd_report_diplomas_new (AwdReportRound            *round,
                         const AwdReportPageSetup  *setup,
                         GError                   **error)
{
  g_autoptr(AwdReportDocument) doc = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *date = NULL;
  AwdReportPageSetup landscape;

  g_return_val_if_fail (round != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!awd_report_round_is_final (round))
    {
      g_set_error (error, AWD_REPORT_ERROR, AWD_REPORT_ERROR_INVALID,
                   _("Diplomas are printed for a finalized round only"));
      return NULL;
    }
  if (!awd_report_round_ensure_results (round, error))
    return NULL;

  /* Laureates first, then diploma holders; each in result order. */
  for (AwdAwardMark mark = AWD_AWARD_MARK_LAUREATE; mark <= AWD_AWARD_MARK_DIPLOMA; mark++)
    for (guint c = 0; c < round->results->categories->len; c++)
      {
        const AwdResultCategory *cat = &g_array_index (round->results->categories, AwdResultCategory, c);

        for (guint e = 0; e < cat->entries->len; e++)
          {
            guint index = g_array_index (cat->entries, AwdResultEntry, e).nomination;
            if (g_array_index (round->input->nominations, AwdResultsNomination, index).mark == mark)
              g_array_append_val (order, index);
          }
      }
  if (order->len == 0)
    {
      g_set_error (error, AWD_REPORT_ERROR, AWD_REPORT_ERROR_INVALID,
                   _("No nomination of the round is marked laureate or diploma holder"));
      return NULL;
    }

  if (setup == NULL)
    {
      awd_report_page_setup_init_a4 (&landscape, TRUE);
      landscape.margin_left = landscape.margin_right = 90;
      landscape.margin_top = 62;
      landscape.margin_bottom = 56;
      setup = &landscape;
    }
  doc = awd_report_document_new (setup);
  awd_report_document_set_plain_pages (doc, TRUE);
  awd_report_document_set_title (doc, _("Diplomas"));

  if (round->date != NULL)
    date = awd_report_format_iso_date (round->date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      date = awd_report_format_date (now);
    }

  for (guint i = 0; i < order->len; i++)
    {
      if (i > 0)
        awd_report_document_break_page (doc);
      add_diploma (doc, round,
                   &g_array_index (round->input->nominations, AwdResultsNomination,
                                   g_array_index (order, guint, i)),
                   date);
    }
  return g_steal_pointer (&doc);
}
