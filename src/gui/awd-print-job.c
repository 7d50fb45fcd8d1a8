/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-print-job"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <cairo-pdf.h>
#include <errno.h>

#include "awd-print-job.h"
#include "awd-report-diploma.h"
#include "awd-report-dossier.h"
#include "awd-report-load.h"
#include "awd-report-protocol.h"
#include "awd-report-score-form.h"

struct _AwdPrintJob
{
  AwdPrintKind    kind;
  char           *title;

  AwdReportRound *round;        /* protocol, score forms, diplomas */
  int             juror;        /* index in round->input of a filled form */

  AwdNomination  *nomination;   /* dossier */
  GListModel     *partners;
  GListModel     *attachments;
  char           *award;
  char           *round_title;
  char           *category;
};

static void
clear_job (gpointer data)
{
  AwdPrintJob *job = data;

  g_free (job->title);
  g_clear_pointer (&job->round, awd_report_round_free);
  g_clear_object (&job->nomination);
  g_clear_object (&job->partners);
  g_clear_object (&job->attachments);
  g_free (job->award);
  g_free (job->round_title);
  g_free (job->category);
}

/* The juror's position in the panel: the index the report's data uses. */
static int
find_juror_index (AwdStore  *store,
                  gint64     round_id,
                  gint64     juror_id,
                  GError   **error)
{
  g_autoptr(GListModel) jurors = awd_store_list_jurors (store, round_id, error);

  if (jurors == NULL)
    return -1;
  for (guint i = 0; i < g_list_model_get_n_items (jurors); i++)
    {
      g_autoptr(AwdJuror) juror = g_list_model_get_item (jurors, i);
      if (awd_juror_get_id (juror) == juror_id)
        return (int) i;
    }
  g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NOT_FOUND,
               _("The juror is not on this season’s jury"));
  return -1;
}

static gboolean
load_dossier (AwdPrintJob  *job,
              AwdStore     *store,
              gint64        nomination_id,
              GError      **error)
{
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(GListModel) categories = NULL;
  gint64 round_id;

  job->nomination = awd_store_get_nomination (store, nomination_id, error);
  if (job->nomination == NULL)
    return FALSE;
  round_id = awd_nomination_get_round_id (job->nomination);
  round = awd_store_get_round (store, round_id, error);
  if (round == NULL)
    return FALSE;
  job->partners = awd_store_list_partners (store, nomination_id, error);
  if (job->partners == NULL)
    return FALSE;
  job->attachments = awd_store_list_attachments (store, nomination_id, error);
  if (job->attachments == NULL)
    return FALSE;
  categories = awd_store_list_categories (store, round_id, error);
  if (categories == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(AwdCategory) category = g_list_model_get_item (categories, i);
      if (awd_category_get_id (category) == awd_nomination_get_category_id (job->nomination))
        job->category = g_strdup (awd_category_get_name (category));
    }
  job->award = g_strdup (awd_round_get_award (round));
  job->round_title = g_strdup (awd_round_get_title (round));
  /* Translators: a PDF's file name and a print job's name */
  job->title = g_strdup_printf (_("Dossier %s"), awd_nomination_get_ref (job->nomination));
  return TRUE;
}

AwdPrintJob *
awd_print_job_load (AwdStore      *store,
                    AwdPrintKind   kind,
                    gint64         round_id,
                    gint64         id,
                    GError       **error)
{
  g_autoptr(AwdPrintJob) job = NULL;

  g_return_val_if_fail (AWD_IS_STORE (store), NULL);

  job = g_rc_box_new0 (AwdPrintJob);
  job->kind = kind;
  job->juror = -1;

  if (kind == AWD_PRINT_DOSSIER)
    return load_dossier (job, store, id, error) ? g_steal_pointer (&job) : NULL;

  job->round = awd_report_round_load (store, round_id, error);
  if (job->round == NULL)
    return NULL;

  switch (kind)
    {
    case AWD_PRINT_PROTOCOL:
      job->title = g_strdup_printf (_("Protocol %s № %d (%d)"),
                                    job->round->input->award, (int) job->round->input->number,
                                    (int) job->round->input->year);
      break;

    case AWD_PRINT_SCORE_FORMS:
      job->title = g_strdup_printf (_("Score forms, season № %d (%d)"),
                                    (int) job->round->input->number, (int) job->round->input->year);
      break;

    case AWD_PRINT_SCORE_FORM_FILLED:
      job->juror = find_juror_index (store, round_id, id, error);
      if (job->juror < 0)
        return NULL;
      job->title = g_strdup_printf (_("Score form, %s"),
                                    g_array_index (job->round->input->jurors, AwdResultsJuror,
                                                   job->juror).name);
      break;

    case AWD_PRINT_DIPLOMAS:
      if (job->round->status != AWD_ROUND_STATUS_FINAL)
        {
          g_set_error (error, AWD_REPORT_ERROR, AWD_REPORT_ERROR_INVALID,
                       _("Diplomas are printed for a final season only: finalize the results first"));
          return NULL;
        }
      job->title = g_strdup_printf (_("Diplomas, season № %d (%d)"),
                                    (int) job->round->input->number, (int) job->round->input->year);
      break;

    case AWD_PRINT_DOSSIER:
    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&job);
}

AwdPrintJob *
awd_print_job_ref (AwdPrintJob *job)
{
  return g_rc_box_acquire (job);
}

void
awd_print_job_unref (AwdPrintJob *job)
{
  g_rc_box_release_full (job, clear_job);
}

AwdPrintKind
awd_print_job_get_kind (AwdPrintJob *job)
{
  return job->kind;
}

const char *
awd_print_job_get_title (AwdPrintJob *job)
{
  return job->title;
}

gboolean
awd_print_job_is_landscape (AwdPrintJob *job)
{
  return job->kind == AWD_PRINT_DIPLOMAS;
}

GPtrArray *
awd_print_job_build (AwdPrintJob               *job,
                     const AwdReportPageSetup  *setup,
                     GError                   **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  AwdReportPageSetup a4;
  AwdReportDocument *document = NULL;

  if (setup == NULL)
    {
      awd_report_page_setup_init_a4 (&a4, awd_print_job_is_landscape (job));
      setup = &a4;
    }

  switch (job->kind)
    {
    case AWD_PRINT_PROTOCOL:
      document = awd_report_protocol_new (job->round, setup, error);
      break;

    case AWD_PRINT_SCORE_FORMS:
      /* One form per juror with the name printed; a round without a jury
       * yet gets one with the name left blank. */
      for (guint j = 0; j < job->round->input->jurors->len; j++)
        {
          AwdReportDocument *form;

          if (g_array_index (job->round->input->jurors, AwdResultsJuror, j).withdrawn)
            continue;
          form = awd_report_score_form_new (job->round, (int) j, FALSE, setup, error);
          if (form == NULL)
            return NULL;
          g_ptr_array_add (documents, form);
        }
      if (documents->len > 0)
        return g_steal_pointer (&documents);
      document = awd_report_score_form_new (job->round, -1, FALSE, setup, error);
      break;

    case AWD_PRINT_SCORE_FORM_FILLED:
      document = awd_report_score_form_new (job->round, job->juror, TRUE, setup, error);
      break;

    case AWD_PRINT_DOSSIER:
      document = awd_report_dossier_new (job->nomination, job->partners, job->attachments,
                                         job->award, job->round_title, job->category, setup);
      break;

    case AWD_PRINT_DIPLOMAS:
      document = awd_report_diplomas_new (job->round, setup, error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (document == NULL)
    return NULL;
  g_ptr_array_add (documents, document);
  return g_steal_pointer (&documents);
}

gboolean
awd_print_write_pdf (GPtrArray   *documents,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (documents != NULL && documents->len > 0, FALSE);

  if (documents->len == 1)
    return awd_report_write_pdf (g_ptr_array_index (documents, 0), path, error);

  /* Several documents (a form per juror): one file, written aside first
   * so that a failure never leaves half of it under the name asked for. */
  tmp = g_strdup_printf ("%s.tmp-%u", path, g_random_int ());
  surface = cairo_pdf_surface_create (tmp, 100, 100);
  cr = cairo_create (surface);
  for (guint d = 0; d < documents->len; d++)
    {
      AwdReportDocument *document = g_ptr_array_index (documents, d);
      const AwdReportPageSetup *setup = awd_report_document_get_page_setup (document);
      guint n = awd_report_document_get_n_pages (document);

      if (d == 0)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                        awd_report_document_get_title (document));
      for (guint p = 0; p < n; p++)
        {
          cairo_pdf_surface_set_size (surface, setup->width, setup->height);
          cairo_save (cr);
          awd_report_document_draw_page (document, cr, p);
          cairo_restore (cr);
          cairo_show_page (cr);
        }
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, AWD_REPORT_ERROR, AWD_REPORT_ERROR_FAILED,
                   _("Could not write %s: %s"), path, cairo_status_to_string (status));
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write %s: %s"), path, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}
