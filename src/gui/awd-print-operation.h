/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awd-print-job.h"

G_BEGIN_DECLS

/* Prints a job's documents through GTK: draw-page replays the report's
 * draw_page() on the print context (in points, from the paper's top left
 * corner: full page, GTK_UNIT_POINTS). When the page set-up chosen in the
 * print dialog differs from the one the documents were laid out for, they
 * are laid out again before printing. The `preview` signal is handled here:
 * the pages are shown in an AwdPrintPreview window, since GTK's default
 * would run an external viewer. */

#define AWD_TYPE_PRINT_OPERATION (awd_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (AwdPrintOperation, awd_print_operation, AWD, PRINT_OPERATION, GtkPrintOperation)

/* @documents: (nullable): already built for @page_setup; NULL builds them
 * at begin-print. @page_setup: (nullable): the default page set-up. */
AwdPrintOperation *awd_print_operation_new           (AwdPrintJob        *job,
                                                      GPtrArray          *documents,
                                                      GtkPageSetup       *page_setup);
AwdPrintJob       *awd_print_operation_get_job       (AwdPrintOperation  *self);
/* The documents as last laid out (NULL before begin-print when none were given). */
GPtrArray         *awd_print_operation_get_documents (AwdPrintOperation  *self);

/* The report's page set-up for a GTK one: the paper's size in points and the
 * report's office margins, widened to the printer's unprintable margins. */
void               awd_print_page_setup_to_report    (GtkPageSetup       *page_setup,
                                                      AwdReportPageSetup *out);
/* A4 in the job's orientation, or @base (nullable) turned to it. */
GtkPageSetup      *awd_print_page_setup_for_job      (AwdPrintJob        *job,
                                                      GtkPageSetup       *base);

G_END_DECLS
