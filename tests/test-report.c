/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <glib/gi18n.h>

#include <locale.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "awd-attachment.h"
#include "awd-canonical.h"
#include "awd-partner.h"
#include "awd-report-diploma.h"
#include "awd-report-dossier.h"
#include "awd-report-score-form.h"
#include "awd-report-document.h"
#include "awd-report-protocol.h"
#include "awd-report-round.h"
#include "awd-report-typography.h"

/* The printed documents, checked through what pdftotext reads back from the
 * PDF: the refs, the title and the checksum are there whatever the
 * language; long tables repeat their header and lose no row. */

#define TITLE "Season of the international library projects, with a title long enough to wrap over two lines of the protocol"

typedef struct {
  guint    n_nominations;
  guint    n_categories;      /* 0: the implicit category */
  gboolean final;
} RoundSpec;

/* A deterministic round: 3 criteria, 5 jurors (one withdrawn, one chair),
 * nominations 2024-001… spread over the categories, one ineligible, one
 * conflict of interest. */
static AwdReportRound *
make_round (const RoundSpec *spec)
{
  AwdResultsInput *in = awd_results_input_new ("Rudomino Award", 3, 2024);
  AwdReportRound *round;
  guint32 seed = 12345;
  int conflict;

  awd_results_input_add_criterion (in, "Significance", 2);
  awd_results_input_add_criterion (in, "Innovation", 1);
  awd_results_input_add_criterion (in, "Partnership", 1);
  for (guint c = 0; c < spec->n_categories; c++)
    {
      g_autofree char *name = g_strdup_printf ("Category %u of the award", c + 1);
      awd_results_input_add_category (in, name, AWD_CATEGORY_KIND_JURY);
    }
  awd_results_input_add_juror (in, "Рудомино Маргарита Ивановна", FALSE);
  awd_results_input_add_juror (in, "Ivan Petrov", FALSE);
  awd_results_input_add_juror (in, "Anna Smirnova", FALSE);
  awd_results_input_add_juror (in, "Olga Kuznetsova", FALSE);
  awd_results_input_add_juror (in, "Pavel Withdrawn", TRUE);

  for (guint i = 0; i < spec->n_nominations; i++)
    {
      g_autofree char *ref = g_strdup_printf ("2024-%03u", i + 1);
      g_autofree char *title = g_strdup_printf ("Project number %u \"Open library\"", i + 1);
      g_autofree char *institution = g_strdup_printf ("Library %u of the region", i + 1);
      int category = spec->n_categories > 0 ? (int) (i % spec->n_categories) : -1;

      awd_results_input_add_nomination (in, ref, title, institution, category,
                                        i == 2 ? AWD_NOMINATION_STATUS_INELIGIBLE
                                               : AWD_NOMINATION_STATUS_ELIGIBLE);
    }
  conflict = awd_results_input_add_conflict (in, 1, 0);

  for (guint n = 0; n < spec->n_nominations; n++)
    for (guint j = 0; j < 5; j++)
      for (guint c = 0; c < 3; c++)
        {
          if (j == 1 && n == 0)
            continue;
          seed = seed * 1103515245 + 12345;
          awd_results_input_add_score (in, j, n, c, (seed >> 16) % 11);
        }
  /* Nominations 2024-004 and 2024-006 (indices 3, 5: the same category
   * when there are two) tie in every way. */
  if (spec->n_nominations > 5)
    for (guint k = 0; k < in->scores->len; k++)
      {
        AwdResultsScore *s = &g_array_index (in->scores, AwdResultsScore, k);
        if (s->nomination == 5)
          {
            for (guint m = 0; m < in->scores->len; m++)
              {
                AwdResultsScore *t = &g_array_index (in->scores, AwdResultsScore, m);
                if (t->nomination == 3 && t->juror == s->juror && t->criterion == s->criterion)
                  s->value = t->value;
              }
          }
      }

  round = awd_report_round_new (in, TITLE, spec->final ? AWD_ROUND_STATUS_FINAL
                                                       : AWD_ROUND_STATUS_SCORING);
  awd_report_round_set_conflict_reason (round, conflict, "Works at the nominating library");
  awd_report_round_set_chair (round, "Рудомино Маргарита Ивановна");
  awd_report_round_set_secretary (round, "Е. А. Секретарёва");
  awd_report_round_set_issuer (round, "Library for Foreign Literature");

  g_assert_true (awd_report_round_ensure_results (round, NULL));
  if (spec->final)
    {
      g_autofree char *text = NULL;
      g_autofree char *sum = NULL;
      const AwdResultCategory *cat = &g_array_index (round->results->categories, AwdResultCategory, 0);

      awd_results_input_set_award_mark (in, g_array_index (cat->entries, AwdResultEntry, 0).nomination,
                                        AWD_AWARD_MARK_LAUREATE, NULL);
      awd_results_input_set_award_mark (in, g_array_index (cat->entries, AwdResultEntry, 1).nomination,
                                        AWD_AWARD_MARK_DIPLOMA, NULL);
      text = awd_canonical_results_text (in, round->results);
      sum = awd_canonical_checksum (text);
      awd_report_round_set_checksum (round, sum);
      awd_report_round_set_date (round, "2024-10-31T15:00:00Z");
    }
  return round;
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* The PDF's text as pdftotext -layout reads it; pages end with \f. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
write_protocol (AwdReportRound *round,
                const char     *dir,
                guint          *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdReportDocument) doc = awd_report_protocol_new (round, NULL, &error);
  g_autofree char *path = g_build_filename (dir, "protocol.pdf", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (awd_report_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = awd_report_document_get_n_pages (doc);
  if (g_getenv ("AWD_TEST_KEEP_PDF") != NULL)
    {
      g_autofree char *keep = g_strdup_printf ("%s/protocol-%u.pdf", g_getenv ("AWD_TEST_KEEP_PDF"),
                                               round->input->nominations->len);
      awd_report_write_pdf (doc, keep, NULL);
    }
  return pdf_text (path);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The text between the line "Ranking" and the line "Ties". */
static char *
ranking_section (const char *text)
{
  const char *start = strstr (text, "\nRanking\n");
  const char *end = start != NULL ? strstr (start, "\nTies\n") : NULL;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  if (start == NULL || end == NULL)
    return g_strdup ("");
  return g_strndup (start, end - start);
}

static char *
squeeze_spaces (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("[ \\x{00A0}\\n]+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static void
test_protocol_final (void)
{
  RoundSpec spec = { 12, 2, TRUE };
  g_autoptr(AwdReportRound) round = make_round (&spec);
  g_autofree char *dir = make_dir ();
  g_autofree char *text = write_protocol (round, dir, NULL);
  g_autofree char *flat = squeeze_spaces (text);
  g_autofree char *ranking = ranking_section (text);

  for (guint i = 0; i < round->input->nominations->len; i++)
    {
      const AwdResultsNomination *n = &g_array_index (round->input->nominations, AwdResultsNomination, i);

      if (n->status == AWD_NOMINATION_STATUS_ELIGIBLE)
        g_assert_cmpuint (count_occurrences (ranking, n->ref), ==, 1);
      else
        g_assert_cmpuint (count_occurrences (ranking, n->ref), ==, 0);
    }
  g_assert_nonnull (strstr (text, round->checksum));
  g_assert_cmpuint (strlen (round->checksum), ==, 64);
  /* The title wraps, so its words are checked in order over the lines. */
  g_assert_nonnull (strstr (flat, "Season of the international library projects"));
  g_assert_nonnull (strstr (flat, "RESULTS PROTOCOL"));
  g_assert_null (strstr (text, "PRELIMINARY RESULTS"));
  g_assert_nonnull (strstr (flat, "Works at the nominating library"));
  g_assert_nonnull (strstr (flat, "Laureate"));
  g_assert_nonnull (strstr (flat, "share the rank"));
  /* The chair signs with initials first (pdftotext reads the non-breaking
   * spaces back as spaces). */
  g_assert_nonnull (strstr (flat, "/ М. И. Рудомино /"));
  /* The date of the results, as the C locale writes it. */
  g_assert_nonnull (strstr (text, "10/31/24"));

  remove_dir (dir);
}

static void
test_protocol_preliminary (void)
{
  RoundSpec spec = { 40, 3, FALSE };
  g_autoptr(AwdReportRound) round = make_round (&spec);
  g_autofree char *dir = make_dir ();
  guint n_pages = 0;
  g_autofree char *text = write_protocol (round, dir, &n_pages);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

  g_assert_cmpuint (n_pages, >=, 2);
  for (guint p = 0; p < n_pages; p++)
    g_assert_nonnull (strstr (pages[p], "PRELIMINARY RESULTS"));
  g_assert_null (strstr (text, "SHA-256 checksum"));

  remove_dir (dir);
}

static void
test_protocol_long (void)
{
  RoundSpec spec = { 200, 0, TRUE };
  g_autoptr(AwdReportRound) round = make_round (&spec);
  g_autofree char *dir = make_dir ();
  guint n_pages = 0;
  g_autofree char *text = write_protocol (round, dir, &n_pages);
  g_autofree char *ranking = ranking_section (text);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_auto(GStrv) ranking_pages = g_strsplit (ranking, "\f", -1);
  g_autofree char *last = g_strdup_printf ("page %u of %u", n_pages, n_pages);
  guint n_ranking_pages = g_strv_length (ranking_pages);

  g_assert_cmpuint (n_pages, >, 4);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages + 1);   /* pdftotext ends every page with \f */
  g_assert_cmpuint (n_ranking_pages, >=, 3);

  /* Every ranked ref exactly once: no row lost, none printed twice. */
  for (guint i = 0; i < round->input->nominations->len; i++)
    {
      const AwdResultsNomination *n = &g_array_index (round->input->nominations, AwdResultsNomination, i);
      g_assert_cmpuint (count_occurrences (ranking, n->ref), ==,
                        n->status == AWD_NOMINATION_STATUS_ELIGIBLE ? 1 : 0);
    }

  /* The table's header on every page the table runs over. */
  for (guint p = 0; p < n_ranking_pages; p++)
    if (strstr (ranking_pages[p], "2024-") != NULL)
      {
        g_assert_nonnull (strstr (ranking_pages[p], "Institution"));
        g_assert_nonnull (strstr (ranking_pages[p], "Jurors"));
      }

  /* Page numbers: «page N of N» on the last page and on no other. */
  g_assert_nonnull (strstr (pages[n_pages - 1], last));
  g_assert_cmpuint (count_occurrences (text, last), ==, 1);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("page %u of %u", p + 1, n_pages);
      g_assert_nonnull (strstr (pages[p], number));
    }

  remove_dir (dir);
}

/* The GUI's path: any cairo_t, any page, in any order. */
static void
test_draw_page_any_surface (void)
{
  RoundSpec spec = { 30, 2, FALSE };
  g_autoptr(AwdReportRound) round = make_round (&spec);
  g_autoptr(AwdReportDocument) doc = awd_report_protocol_new (round, NULL, NULL);
  guint n_pages = awd_report_document_get_n_pages (doc);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpuint (n_pages, >=, 2);
  for (guint p = n_pages; p > 0; p--)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 0.5, 0.5);
      awd_report_document_draw_page (doc, cr, p - 1);
      cairo_restore (cr);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_page_setup (void)
{
  AwdReportPageSetup a5 = { 419.53, 595.276, 40, 40, 50, 30 };
  RoundSpec spec = { 12, 0, TRUE };
  g_autoptr(AwdReportRound) round = make_round (&spec);
  g_autoptr(AwdReportDocument) small = awd_report_protocol_new (round, &a5, NULL);
  g_autoptr(AwdReportDocument) a4 = awd_report_protocol_new (round, NULL, NULL);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a5.pdf", NULL);
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = NULL;

  g_assert_cmpfloat_with_epsilon (awd_report_document_get_page_setup (a4)->width, 595.276, 1e-6);
  g_assert_cmpfloat_with_epsilon (awd_report_document_get_page_setup (a4)->height, 841.89, 1e-6);
  g_assert_cmpuint (awd_report_document_get_n_pages (small), >, awd_report_document_get_n_pages (a4));
  g_assert_true (awd_report_write_pdf (small, path, NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &info, NULL, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_nonnull (strstr (info, "419.53 x 595.276 pts"));
  remove_dir (dir);
}

static void
test_write_failure (void)
{
  g_autoptr(AwdReportDocument) doc = awd_report_document_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "out.pdf", NULL);
  g_autoptr(GDir) d = NULL;

  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, 0, "text");
  g_assert_false (awd_report_write_pdf (doc, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Nothing left behind. */
  d = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (d));
  remove_dir (dir);
}

/* A paragraph taller than a page goes on over the next pages, every line
 * printed once. */
static void
test_long_paragraph (void)
{
  g_autoptr(AwdReportDocument) doc = awd_report_document_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *out = NULL;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "word%03u lorem ipsum dolor sit amet. ", i);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_JUSTIFY, text->str);
  g_assert_true (awd_report_write_pdf (doc, path, NULL));
  g_assert_cmpuint (awd_report_document_get_n_pages (doc), >=, 2);
  out = pdf_text (path);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *word = g_strdup_printf ("word%03u", i);
      g_assert_cmpuint (count_occurrences (out, word), ==, 1);
    }
  remove_dir (dir);
}

static void
test_typography_c (void)
{
  g_autofree char *quotes = awd_report_typography ("Project \"Open library\" (\"Books\")");
  g_autofree char *number = awd_report_typography ("Order № 12 and №7");
  g_autofree char *initials = awd_report_typography ("after М. И. Рудомино and М.И. Рудомино, Рудомино М. И.");
  g_autofree char *plain = awd_report_typography ("St. Petersburg, Ltd. Moscow");
  g_autofree char *decimal = awd_report_format_decimal (8.25, 2);
  g_autofree char *negative = awd_report_format_decimal (-0.0001, 2);
  g_autofree char *big = awd_report_format_integer (1234567);
  g_autofree char *date = awd_report_format_iso_date ("2024-10-31");
  g_autofree char *short1 = awd_report_short_name ("Рудомино Маргарита Ивановна");
  g_autofree char *short2 = awd_report_short_name ("Маргарита Ивановна Рудомино");
  g_autofree char *foreign = awd_report_short_name ("Jean Paul Sartre");
  g_autofree char *nested = awd_report_quote ("Project \"Open library\"");

  g_assert_false (awd_report_is_russian ());
  g_assert_cmpstr (quotes, ==, "Project “Open library” (“Books”)");
  g_assert_cmpstr (number, ==, "Order №\u00A012 and №\u00A07");
  g_assert_cmpstr (initials, ==, "after М.\u00A0И.\u00A0Рудомино and М.\u00A0И.\u00A0Рудомино, Рудомино\u00A0М.\u00A0И.");
  g_assert_cmpstr (plain, ==, "St. Petersburg, Ltd. Moscow");
  g_assert_cmpstr (decimal, ==, "8.25");
  g_assert_cmpstr (negative, ==, "0.00");
  g_assert_cmpstr (big, ==, "1,234,567");
  g_assert_cmpstr (date, ==, "10/31/24");
  g_assert_cmpstr (short1, ==, "М.\u00A0И.\u00A0Рудомино");
  g_assert_cmpstr (short2, ==, "М.\u00A0И.\u00A0Рудомино");
  g_assert_cmpstr (foreign, ==, "Jean Paul Sartre");
  g_assert_cmpstr (nested, ==, "“Project ‘Open library’”");
}

static char *
write_document (AwdReportDocument *doc,
                const char        *dir,
                const char        *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (awd_report_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  if (g_getenv ("AWD_TEST_KEEP_PDF") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("AWD_TEST_KEEP_PDF"), name, NULL);
      awd_report_write_pdf (doc, keep, NULL);
    }
  return pdf_text (path);
}

static void
test_score_form_blank (void)
{
  RoundSpec spec = { 8, 2, FALSE };
  g_autoptr(AwdReportRound) round = make_round (&spec);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdReportDocument) doc = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  awd_report_round_set_criterion_note (round, 0, "How much the project matters to readers");
  doc = awd_report_score_form_new (round, -1, FALSE, NULL, &error);
  g_assert_no_error (error);
  text = write_document (doc, dir, "form-blank.pdf");
  flat = squeeze_spaces (text);

  g_assert_nonnull (strstr (flat, "SCORE FORM"));
  g_assert_nonnull (strstr (flat, "How much the project matters to readers"));
  g_assert_nonnull (strstr (flat, "from 0 to 10 in steps of 1"));
  for (guint i = 0; i < round->input->nominations->len; i++)
    {
      const AwdResultsNomination *n = &g_array_index (round->input->nominations, AwdResultsNomination, i);
      g_assert_cmpuint (count_occurrences (text, n->ref), ==,
                        n->status == AWD_NOMINATION_STATUS_ELIGIBLE ? 1 : 0);
    }
  /* One comments block per eligible nomination. */
  g_assert_cmpuint (count_occurrences (text, "Comments:"), ==, 7);
  g_assert_null (strstr (text, "Conflict of interest declared"));

  /* A filled form without a juror is refused. */
  g_clear_object (&doc);
  doc = awd_report_score_form_new (round, -1, TRUE, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, AWD_REPORT_ERROR, AWD_REPORT_ERROR_INVALID);
  remove_dir (dir);
}

static void
test_score_form_filled (void)
{
  RoundSpec spec = { 8, 2, FALSE };
  g_autoptr(AwdReportRound) round = make_round (&spec);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdReportDocument) doc = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  awd_report_round_add_comment (round, 1, 3, "A model for the regions");
  doc = awd_report_score_form_new (round, 1, TRUE, NULL, &error);
  g_assert_no_error (error);
  text = write_document (doc, dir, "form-filled.pdf");
  flat = squeeze_spaces (text);

  g_assert_nonnull (strstr (flat, "Juror: Ivan Petrov"));
  g_assert_nonnull (strstr (flat, "Comments: A model for the regions"));
  /* Juror 1 has a conflict with 2024-001. */
  g_assert_cmpuint (count_occurrences (flat, "Conflict of interest declared"), ==, 1);
  /* Every stored mark of the juror on an eligible nomination: a criteria
   * row "N Name 0–10 MARK". */
  for (guint k = 0; k < round->input->scores->len; k++)
    {
      const AwdResultsScore *sc = &g_array_index (round->input->scores, AwdResultsScore, k);
      const AwdResultsNomination *n = &g_array_index (round->input->nominations, AwdResultsNomination, sc->nomination);
      g_autofree char *row = NULL;

      if (sc->juror != 1 || n->status != AWD_NOMINATION_STATUS_ELIGIBLE || sc->nomination != 3)
        continue;
      row = g_strdup_printf ("%u %s 0–10 %g", sc->criterion + 1,
                             g_array_index (round->input->criteria, AwdResultsCriterion, sc->criterion).name,
                             sc->value);
      g_assert_nonnull (strstr (flat, row));
    }
  remove_dir (dir);
}

static void
test_diplomas (void)
{
  RoundSpec spec = { 12, 2, TRUE };
  RoundSpec draft_spec = { 12, 2, FALSE };
  g_autoptr(AwdReportRound) round = make_round (&spec);
  g_autoptr(AwdReportRound) draft = make_round (&draft_spec);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdReportDocument) doc = NULL;
  g_autoptr(AwdReportDocument) refused = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_auto(GStrv) pages = NULL;
  const AwdResultCategory *cat;
  const AwdResultsNomination *laureate;

  doc = awd_report_diplomas_new (round, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awd_report_document_get_n_pages (doc), ==, 2);
  g_assert_cmpfloat (awd_report_document_get_page_setup (doc)->width, >,
                     awd_report_document_get_page_setup (doc)->height);
  text = write_document (doc, dir, "diplomas.pdf");
  flat = squeeze_spaces (text);
  pages = g_strsplit (text, "\f", -1);

  cat = &g_array_index (round->results->categories, AwdResultCategory, 0);
  laureate = &g_array_index (round->input->nominations, AwdResultsNomination,
                             g_array_index (cat->entries, AwdResultEntry, 0).nomination);
  g_assert_nonnull (strstr (pages[0], "LAUREATE’S DIPLOMA"));
  g_assert_nonnull (strstr (pages[0], laureate->institution));
  g_assert_nonnull (strstr (pages[1], "DIPLOMA"));
  g_assert_null (strstr (pages[1], "LAUREATE’S"));
  g_assert_nonnull (strstr (flat, "Category 1 of the award"));
  g_assert_nonnull (strstr (flat, "10/31/24"));
  g_assert_cmpuint (count_occurrences (text, "Chair of the jury"), ==, 2);

  refused = awd_report_diplomas_new (draft, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, AWD_REPORT_ERROR, AWD_REPORT_ERROR_INVALID);
  remove_dir (dir);
}

static void
test_dossier (void)
{
  g_autoptr(AwdNomination) nomination = awd_nomination_new ();
  g_autoptr(GListStore) partners = g_list_store_new (AWD_TYPE_PARTNER);
  g_autoptr(GListStore) attachments = g_list_store_new (AWD_TYPE_ATTACHMENT);
  g_autoptr(AwdPartner) partner = awd_partner_new ("Goethe-Institut Moskau", "DE");
  g_autoptr(AwdAttachment) form = awd_attachment_new (1, 1, "application-form.pdf", "application/pdf", 123456,
                                                      "0123456789abcdef0123456789abcdef"
                                                      "fedcba9876543210fedcba9876543210");
  g_autoptr(AwdAttachment) photo = awd_attachment_new (2, 1, "photo.jpg", "image/jpeg", 2048, NULL);
  g_autoptr(AwdReportDocument) doc = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *dir = make_dir ();
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (summary, "Sentence %u of a summary that runs long.%s", i, i % 10 == 9 ? "\n" : " ");
  awd_nomination_set_ref (nomination, "2024-017");
  awd_nomination_set_title (nomination, "Reading \"Without borders\"");
  awd_nomination_set_title_en (nomination, "Reading without borders");
  awd_nomination_set_institution (nomination, "Regional library of Tver");
  awd_nomination_set_city (nomination, "Tver");
  awd_nomination_set_country (nomination, "RU");
  awd_nomination_set_period_start (nomination, "2023-01-01");
  awd_nomination_set_period_end (nomination, "2023-12-31");
  awd_nomination_set_contact_name (nomination, "Иванова Мария Петровна");
  awd_nomination_set_contact_email (nomination, "m.ivanova@example.org");
  awd_nomination_set_received (nomination, "2024-09-30");
  awd_nomination_set_status (nomination, AWD_NOMINATION_STATUS_INELIGIBLE);
  awd_nomination_set_status_reason (nomination, "Submitted twice");
  awd_nomination_set_summary (nomination, summary->str);
  g_list_store_append (partners, partner);
  g_list_store_append (attachments, form);
  g_list_store_append (attachments, photo);

  doc = awd_report_dossier_new (nomination, G_LIST_MODEL (partners), G_LIST_MODEL (attachments),
                                "Rudomino Award", TITLE, "Best international project", NULL);
  text = write_document (doc, dir, "dossier.pdf");
  flat = squeeze_spaces (text);

  g_assert_nonnull (strstr (flat, "NOMINATION No. 2024-017"));
  g_assert_nonnull (strstr (flat, "Reading “Without borders”"));
  g_assert_nonnull (strstr (flat, "Goethe-Institut Moskau (DE)"));
  g_assert_nonnull (strstr (flat, "Submitted twice"));
  g_assert_nonnull (strstr (flat, "01/01/23 — 12/31/23"));
  g_assert_nonnull (strstr (flat, "application-form.pdf"));
  g_assert_nonnull (strstr (flat, "photo.jpg"));
  g_assert_nonnull (strstr (text, "0123456789abcdef0123456789abcdef"));
  g_assert_nonnull (strstr (text, "fedcba9876543210fedcba9876543210"));
  g_assert_nonnull (strstr (flat, "Sentence 59 of a summary"));
  remove_dir (dir);
}

/* Switches the process to Russian, and back to C.UTF-8 at the end. */
static void
test_russian (void)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL
                                                 ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                                 "..", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "ru", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  RoundSpec spec = { 12, 2, TRUE };
  g_autoptr(AwdReportRound) round = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *quotes = NULL;
  g_autofree char *decimal = NULL;
  g_autofree char *date = NULL;
  g_autofree char *nested = NULL;

  if (setlocale (LC_ALL, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("ru_RU.UTF-8 is not available");
      return;
    }

  /* The language-independent part runs whatever the catalogue holds. */
  quotes = awd_report_typography ("Проект \"Открытая библиотека\"");
  decimal = awd_report_format_decimal (8.25, 2);
  date = awd_report_format_iso_date ("2024-10-31");
  nested = awd_report_quote ("Проект \"Открытая библиотека\"");
  g_assert_true (awd_report_is_russian ());
  g_assert_cmpstr (nested, ==, "«Проект „Открытая библиотека“»");
  g_assert_cmpstr (quotes, ==, "Проект «Открытая библиотека»");
  g_assert_cmpstr (decimal, ==, "8,25");
  g_assert_cmpstr (date, ==, "31.10.2024");

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_test_skip ("no Russian catalogue in the build");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "page %u of %u"), "page %u of %u") == 0)
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_test_skip ("the report's translations are not in the catalogue yet");
      return;
    }

  round = make_round (&spec);
  dir = make_dir ();
  text = write_protocol (round, dir, NULL);
  g_assert_nonnull (strstr (text, "стр. 1 из"));
  g_assert_nonnull (strstr (text, "31.10.2024"));
  g_assert_nonnull (strstr (text, round->checksum));
  remove_dir (dir);
  setlocale (LC_ALL, "C.UTF-8");
}

/* The running header names the award and the season once each. */
static void
test_header_text (void)
{
  const char *award = "Премия имени М. И. Рудомино";
  g_autofree char *repeats = awd_report_compose_header_text (award, "Премия имени М. И. Рудомино — сезон 2024 года");
  g_autofree char *lower = awd_report_compose_header_text (award, "премия имени М. И. Рудомино, 2025");
  g_autofree char *plain = awd_report_compose_header_text (award, "Сезон 2024 года");
  g_autofree char *no_award = awd_report_compose_header_text (NULL, "Сезон 2024 года");
  g_autofree char *no_title = awd_report_compose_header_text (award, "");

  g_assert_cmpstr (repeats, ==, "Премия имени М. И. Рудомино — сезон 2024 года");
  g_assert_cmpstr (lower, ==, "премия имени М. И. Рудомино, 2025");
  g_assert_cmpstr (plain, ==, "Премия имени М. И. Рудомино — Сезон 2024 года");
  g_assert_cmpstr (no_award, ==, "Сезон 2024 года");
  g_assert_cmpstr (no_title, ==, award);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/report/typography/c", test_typography_c);
  g_test_add_func ("/report/document/long-paragraph", test_long_paragraph);
  g_test_add_func ("/report/document/write-failure", test_write_failure);
  g_test_add_func ("/report/document/page-setup", test_page_setup);
  g_test_add_func ("/report/document/header-text", test_header_text);
  g_test_add_func ("/report/document/draw-page", test_draw_page_any_surface);
  g_test_add_func ("/report/protocol/final", test_protocol_final);
  g_test_add_func ("/report/protocol/preliminary", test_protocol_preliminary);
  g_test_add_func ("/report/protocol/two-hundred", test_protocol_long);
  g_test_add_func ("/report/score-form/blank", test_score_form_blank);
  g_test_add_func ("/report/score-form/filled", test_score_form_filled);
  g_test_add_func ("/report/diplomas", test_diplomas);
  g_test_add_func ("/report/dossier", test_dossier);
  g_test_add_func ("/report/protocol/russian", test_russian);

  return g_test_run ();
}
