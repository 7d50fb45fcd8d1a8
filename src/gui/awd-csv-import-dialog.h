/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_CSV_IMPORT_DIALOG (awd_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AwdCsvImportDialog, awd_csv_import_dialog, AWD, CSV_IMPORT_DIALOG, AdwWindow)

/* Shows what importing @file into the context's round would do: the
 * detected encoding and delimiter, the first rows, each column's field (a
 * drop-down to map a heading that was not recognised) and every problem
 * with its line. Import is enabled only when there is none; it adds every
 * row or nothing, then emits "imported" (guint n_added) and closes. */
GtkWidget *awd_csv_import_dialog_new          (AwdContext         *context,
                                               GFile              *file);
/* For tests: the problems of the last check (AwdCsvProblem), and a way to
 * map a column and to press Import. */
GPtrArray *awd_csv_import_dialog_get_problems (AwdCsvImportDialog *self);
void       awd_csv_import_dialog_map_column   (AwdCsvImportDialog *self,
                                               guint               column,
                                               int                 field);
gboolean   awd_csv_import_dialog_can_import   (AwdCsvImportDialog *self);
gboolean   awd_csv_import_dialog_run_import   (AwdCsvImportDialog *self,
                                               GError            **error);

G_END_DECLS
