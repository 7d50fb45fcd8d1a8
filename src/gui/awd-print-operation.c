/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "awd-print-operation.h"
#include "awd-print-preview.h"

struct _AwdPrintOperation
{
  GtkPrintOperation   parent_instance;

  AwdPrintJob        *job;
  GPtrArray          *documents;     /* AwdReportDocument */
  AwdReportPageSetup  laid_out_for;
};

G_DEFINE_FINAL_TYPE (AwdPrintOperation, awd_print_operation, GTK_TYPE_PRINT_OPERATION)

static gboolean
same_setup (const AwdReportPageSetup *a,
            const AwdReportPageSetup *b)
{
  return fabs (a->width - b->width) < 0.5 && fabs (a->height - b->height) < 0.5 &&
         fabs (a->margin_top - b->margin_top) < 0.5 &&
         fabs (a->margin_bottom - b->margin_bottom) < 0.5 &&
         fabs (a->margin_left - b->margin_left) < 0.5 &&
         fabs (a->margin_right - b->margin_right) < 0.5;
}

static guint
count_pages (GPtrArray *documents)
{
  guint n = 0;

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    n += awd_report_document_get_n_pages (g_ptr_array_index (documents, i));
  return n;
}

/* Lays the documents out for the context's page set-up unless they already
 * are. A failure keeps the earlier layout (and logs why). */
static void
ensure_layout (AwdPrintOperation *self,
               GtkPrintContext   *context)
{
  AwdReportPageSetup wanted;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  awd_print_page_setup_to_report (gtk_print_context_get_page_setup (context), &wanted);
  if (self->documents != NULL && same_setup (&wanted, &self->laid_out_for))
    return;

  documents = awd_print_job_build (self->job, &wanted, &error);
  if (documents == NULL)
    {
      g_warning ("Could not lay out %s again: %s", awd_print_job_get_title (self->job), error->message);
      return;
    }
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  self->documents = g_steal_pointer (&documents);
  self->laid_out_for = wanted;
}

static void
awd_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  AwdPrintOperation *self = AWD_PRINT_OPERATION (operation);

  ensure_layout (self, context);
  gtk_print_operation_set_n_pages (operation, MAX (1, (int) count_pages (self->documents)));
}

static void
awd_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  AwdPrintOperation *self = AWD_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint page = (guint) page_nr;

  for (guint i = 0; self->documents != NULL && i < self->documents->len; i++)
    {
      AwdReportDocument *document = g_ptr_array_index (self->documents, i);
      guint n = awd_report_document_get_n_pages (document);

      if (page < n)
        {
          cairo_save (cr);
          awd_report_document_draw_page (document, cr, page);
          cairo_restore (cr);
          return;
        }
      page -= n;
    }
}

static void
preview_closed_cb (GtkWindow                *window,
                   GtkPrintOperationPreview *preview)
{
  gtk_print_operation_preview_end_preview (preview);
}

/* GTK would write a PDF and run an external viewer (none is installed);
 * the pages are shown in the application instead. */
static gboolean
awd_print_operation_preview (GtkPrintOperation        *operation,
                             GtkPrintOperationPreview *preview,
                             GtkPrintContext          *context,
                             GtkWindow                *parent)
{
  AwdPrintOperation *self = AWD_PRINT_OPERATION (operation);
  cairo_surface_t *surface;
  cairo_t *cr;
  GtkWidget *window;

  /* GTK requires a cairo context on the print context once the signal is
   * handled; the pages are drawn by the preview window, so any will do. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  ensure_layout (self, context);
  if (self->documents == NULL)
    return FALSE;

  window = awd_print_preview_new (parent, self->job, self->documents,
                                  gtk_print_operation_get_default_page_setup (operation));
  g_signal_connect_object (window, "destroy", G_CALLBACK (preview_closed_cb), preview, 0);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

static void
awd_print_operation_finalize (GObject *object)
{
  AwdPrintOperation *self = AWD_PRINT_OPERATION (object);

  g_clear_pointer (&self->job, awd_print_job_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);

  G_OBJECT_CLASS (awd_print_operation_parent_class)->finalize (object);
}

static void
awd_print_operation_class_init (AwdPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = awd_print_operation_finalize;
  print_class->begin_print = awd_print_operation_begin_print;
  print_class->draw_page = awd_print_operation_draw_page;
  print_class->preview = awd_print_operation_preview;
}

static void
awd_print_operation_init (AwdPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
}

AwdPrintOperation *
awd_print_operation_new (AwdPrintJob  *job,
                         GPtrArray    *documents,
                         GtkPageSetup *page_setup)
{
  AwdPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = NULL;

  g_return_val_if_fail (job != NULL, NULL);

  self = g_object_new (AWD_TYPE_PRINT_OPERATION, NULL);
  self->job = awd_print_job_ref (job);
  setup = awd_print_page_setup_for_job (job, page_setup);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), awd_print_job_get_title (job));
  if (documents != NULL)
    {
      self->documents = g_ptr_array_ref (documents);
      awd_print_page_setup_to_report (setup, &self->laid_out_for);
    }
  return self;
}

AwdPrintJob *
awd_print_operation_get_job (AwdPrintOperation *self)
{
  g_return_val_if_fail (AWD_IS_PRINT_OPERATION (self), NULL);
  return self->job;
}

GPtrArray *
awd_print_operation_get_documents (AwdPrintOperation *self)
{
  g_return_val_if_fail (AWD_IS_PRINT_OPERATION (self), NULL);
  return self->documents;
}

void
awd_print_page_setup_to_report (GtkPageSetup       *page_setup,
                                AwdReportPageSetup *out)
{
  GtkPageOrientation orientation = gtk_page_setup_get_orientation (page_setup);
  gboolean landscape = orientation == GTK_PAGE_ORIENTATION_LANDSCAPE ||
                       orientation == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE;

  awd_report_page_setup_init_a4 (out, landscape);
  /* These two take the orientation into account. */
  out->width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  out->height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
  out->margin_top = MAX (out->margin_top, gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_POINTS));
  out->margin_bottom = MAX (out->margin_bottom, gtk_page_setup_get_bottom_margin (page_setup, GTK_UNIT_POINTS));
  out->margin_left = MAX (out->margin_left, gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_POINTS));
  out->margin_right = MAX (out->margin_right, gtk_page_setup_get_right_margin (page_setup, GTK_UNIT_POINTS));
}

GtkPageSetup *
awd_print_page_setup_for_job (AwdPrintJob  *job,
                              GtkPageSetup *base)
{
  GtkPageSetup *setup;

  if (base != NULL)
    setup = gtk_page_setup_copy (base);
  else
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
    }
  gtk_page_setup_set_orientation (setup, awd_print_job_is_landscape (job)
                                           ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                           : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}
