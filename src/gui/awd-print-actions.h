/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"
#include "awd-print-job.h"

G_BEGIN_DECLS

/* Printing from the GUI. The window gets an action group "print":
 *   print.protocol              the results protocol of the current season (Ctrl+P)
 *   print.score-forms           blank score forms, one per juror
 *   print.score-form (x)        the filled form of the juror with that id
 *   print.dossier (x)           the dossier of the nomination with that id
 *   print.diplomas              diplomas (a final season only; disabled otherwise)
 *   print.preview (s)           preview "protocol", "score-forms" or "diplomas"
 *   print.save-pdf (s)          save one of those as PDF
 *   print.page-setup            the page set-up kept for the window's prints
 * and the header's "print-menu" button gets the menu. Pages can call
 * awd_print_document() directly, e.g. a "Print dossier" button:
 *   awd_print_document (GTK_WINDOW (gtk_widget_get_root (w)), ctx,
 *                       AWD_PRINT_DOSSIER, nomination_id);
 * The data is read and laid out in a worker thread, then the print dialog
 * (or the preview, or the file chooser) opens. */

typedef enum {
  AWD_PRINT_TO_PRINTER,   /* the print dialog */
  AWD_PRINT_TO_PREVIEW,   /* the in-app preview window */
  AWD_PRINT_TO_PDF,       /* a file chooser, then a PDF written in a thread */
} AwdPrintDestination;

void          awd_print_actions_install (GtkWidget            *window,
                                         AwdContext           *context);

void          awd_print_document        (GtkWindow            *parent,
                                         AwdContext           *context,
                                         AwdPrintKind          kind,
                                         gint64                id);
void          awd_print_document_to     (GtkWindow            *parent,
                                         AwdContext           *context,
                                         AwdPrintKind          kind,
                                         gint64                id,
                                         AwdPrintDestination   destination);

/* Runs a print operation over @documents (laid out already) with the page
 * set-up and settings kept on @parent's window; @export_path for
 * GTK_PRINT_OPERATION_ACTION_EXPORT. */
GtkPrintOperationResult awd_print_run   (GtkWindow            *parent,
                                         AwdPrintJob          *job,
                                         GPtrArray            *documents,
                                         GtkPrintOperationAction action,
                                         const char           *export_path);
/* Asks for a file name, then writes @job's documents to it as PDF in a
 * worker thread; a toast says when it is done. */
void          awd_print_save_pdf        (GtkWindow            *parent,
                                         AwdPrintJob          *job);
/* The page set-up kept for @window (A4 portrait until changed). */
GtkPageSetup *awd_print_get_page_setup  (GtkWindow            *window);

G_END_DECLS
