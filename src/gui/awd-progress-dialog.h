/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A modal window over the main one while a long operation (an import, an
 * export) runs in a worker thread: what is happening, how far it is, and
 * Cancel, which cancels @cancellable. Being modal, it also keeps the
 * person from changing data while the import holds the store. The worker
 * reports through awd_progress_dialog_report(), safe from any thread. */

#define AWD_TYPE_PROGRESS_DIALOG (awd_progress_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AwdProgressDialog, awd_progress_dialog, AWD, PROGRESS_DIALOG, AdwWindow)

AwdProgressDialog *awd_progress_dialog_new    (GtkWindow         *parent,
                                               const char        *heading,
                                               const char        *detail,
                                               GCancellable      *cancellable);
/* Thread-safe: the bar follows within a tenth of a second. */
void               awd_progress_dialog_report (AwdProgressDialog *self,
                                               guint64            done,
                                               guint64            total);
double             awd_progress_dialog_get_fraction (AwdProgressDialog *self);

G_END_DECLS
