/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

/* The database's snapshots, newest first (date in the locale, size,
 * why it was taken), each with Restore: after a confirmation the store
 * replaces its file with the snapshot (the current one is kept aside)
 * and the window reloads its seasons. */

#define AWD_TYPE_BACKUPS_DIALOG (awd_backups_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AwdBackupsDialog, awd_backups_dialog, AWD, BACKUPS_DIALOG, AdwWindow)

GtkWidget *awd_backups_dialog_new           (GtkWindow        *parent,
                                             AwdContext       *context);
guint      awd_backups_dialog_get_n_backups (AwdBackupsDialog *self);
/* Asks for confirmation, then restores the @index-th snapshot listed
 * (what the row's Restore button does). Returns the confirmation dialog. */
GtkWidget *awd_backups_dialog_restore       (AwdBackupsDialog *self,
                                             guint             index);

/* For the window's close: keeps the number of snapshots the settings ask
 * for (backups-kept) and takes a "close" snapshot; read-write stores only.
 * A failure is logged, never stops the closing. */
void       awd_backups_snapshot_on_close    (AwdContext       *context);

/* "26 November 2024, 10:28" in the local time zone and the locale. */
char      *awd_backups_format_date          (GDateTime        *utc);

G_END_DECLS
