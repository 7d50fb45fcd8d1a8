/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

/* Seasons in and out of XML exchange files, and the backups. The window
 * gets an action group "data":
 *   data.import        Import Season… (a file chooser, a warning when the
 *                      file holds a season already in the database, then
 *                      the import in a worker thread behind a modal
 *                      progress window with Cancel)
 *   data.export        Export Season… (the current season)
 *   data.export-all    Export All Seasons…
 *   data.backups       Backups… (the snapshots, with Restore)
 * A toast reports success; a refused file is reported in a dialog with the
 * line at fault. */

void awd_exchange_actions_install (GtkWidget  *window,
                                   AwdContext *context);

/* The steps after the file chooser (tests call these directly). */
void awd_exchange_import_file     (GtkWidget  *window,
                                   const char *path);
/* @round_id: 0 for every season. */
void awd_exchange_export_file     (GtkWidget  *window,
                                   gint64      round_id,
                                   const char *path);
/* TRUE while an import or export runs. */
gboolean awd_exchange_is_busy     (GtkWidget  *window);

G_END_DECLS
