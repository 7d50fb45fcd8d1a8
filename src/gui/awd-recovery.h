/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* At start-up: a database that does not open because it is damaged (or
 * whose file is missing while backups of it exist) is not a dead end. The
 * newest good backup is offered ("Restore the backup of 26 November 2024,
 * 10:28 (1.2 MB)"); on yes, awd_store_recover() puts the damaged file aside
 * and copies the backup in, and @done is called so the caller opens the
 * file as usual. */

/* Called when the person has chosen: @restored TRUE after a successful
 * recovery, FALSE when they chose to go on without one (a missing file:
 * start an empty database). Not called when they quit. */
typedef void (*AwdRecoveryDone) (gboolean restored,
                                 gpointer user_data);

/* @error: why the open failed, or NULL for a missing file. Returns FALSE
 * (and shows nothing) when there is nothing to offer: another kind of
 * error, or no usable backup. Holds @application while the dialog is up. */
gboolean awd_recovery_offer (GtkApplication  *application,
                             const char      *db_path,
                             const GError    *error,
                             AwdRecoveryDone  done,
                             gpointer         user_data);

G_END_DECLS
