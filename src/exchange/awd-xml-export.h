/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-store.h"
#include "awd-xml-schema.h"

G_BEGIN_DECLS

/* Writes rounds to an exchange file (DESIGN.md, "XML exchange format").
 *
 * The bytes depend only on the content: keys are named by kind and
 * position in export order (r1, c1, k1, j1, n1, …): rounds by id, criteria,
 * categories and jurors by position, nominations by ref (bytewise, so the
 * order does not depend on database ids); scores by juror, nomination,
 * criterion in that order; conflicts and comments by juror then
 * nomination; votes by nomination. No timestamps; decimals in their
 * shortest exact form (2, 0.5, 7.25); results with six decimals; two
 * spaces of indentation; attachments in base64, 76 characters a line.
 *
 * The file is written to a temporary file in the same folder, synced and
 * renamed over @path, so a failed export leaves any earlier file intact.
 * Export only reads the store: it runs on a read-only store too.
 *
 * @round_ids: the rounds, in order, or NULL / @n_round_ids 0 for every round.
 * @progress: (nullable): called with rows written (scores, nominations, …).
 */
gboolean awd_xml_export        (AwdStore            *store,
                                const gint64        *round_ids,
                                guint                n_round_ids,
                                const char          *path,
                                GCancellable        *cancellable,
                                AwdXmlProgressFunc   progress,
                                gpointer             progress_data,
                                GError             **error);

/* The same in a worker thread (g_task_run_in_thread). The store is used
 * from that thread meanwhile (its connection is serialized, SQLite
 * FULLMUTEX); the progress callback runs on the worker thread. */
void     awd_xml_export_async  (AwdStore            *store,
                                const gint64        *round_ids,
                                guint                n_round_ids,
                                const char          *path,
                                GCancellable        *cancellable,
                                AwdXmlProgressFunc   progress,
                                gpointer             progress_data,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
gboolean awd_xml_export_finish (AwdStore            *store,
                                GAsyncResult        *result,
                                GError             **error);

G_END_DECLS
