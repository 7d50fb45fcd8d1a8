/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-report-document.h"
#include "awd-store.h"

G_BEGIN_DECLS

/* What one print (or preview, or PDF) is about: the kind of document and
 * the data read from the store for it, kept so that the documents can be
 * laid out again for another page set-up without asking the store.
 * Reference counted; loading may run in a worker thread (the store's
 * connection is serialized), building too (each document has its own font
 * map). */

typedef enum {
  AWD_PRINT_PROTOCOL,            /* the results protocol of the round (@id unused) */
  AWD_PRINT_SCORE_FORMS,         /* a blank score form for every juror (@id unused) */
  AWD_PRINT_SCORE_FORM_FILLED,   /* @id: the juror's id; the stored marks filled in */
  AWD_PRINT_DOSSIER,             /* @id: the nomination's id */
  AWD_PRINT_DIPLOMAS,            /* the diplomas of a final round (@id unused) */
} AwdPrintKind;

typedef struct _AwdPrintJob AwdPrintJob;

/* Reads what @kind needs; refuses diplomas for a round that is not final
 * (AWD_REPORT_ERROR_INVALID, the message says why). @round_id is ignored
 * for a dossier (the nomination knows its round). */
AwdPrintJob *awd_print_job_load        (AwdStore                  *store,
                                        AwdPrintKind               kind,
                                        gint64                     round_id,
                                        gint64                     id,
                                        GError                   **error);
AwdPrintJob *awd_print_job_ref         (AwdPrintJob               *job);
void         awd_print_job_unref       (AwdPrintJob               *job);

AwdPrintKind awd_print_job_get_kind    (AwdPrintJob               *job);
/* The print job's name and a PDF's default file name (no extension). */
const char  *awd_print_job_get_title   (AwdPrintJob               *job);
/* Diplomas are landscape, everything else portrait. */
gboolean     awd_print_job_is_landscape (AwdPrintJob              *job);

/* Lays the documents out for @setup (NULL: A4 in the job's orientation):
 * AwdReportDocument items printed one after the other. */
GPtrArray   *awd_print_job_build       (AwdPrintJob               *job,
                                        const AwdReportPageSetup  *setup,
                                        GError                   **error);

/* Every page of @documents into one PDF file, written next to @path and
 * renamed into place when complete. Runs in any thread. */
gboolean     awd_print_write_pdf       (GPtrArray                 *documents,
                                        const char                *path,
                                        GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwdPrintJob, awd_print_job_unref)

G_END_DECLS
