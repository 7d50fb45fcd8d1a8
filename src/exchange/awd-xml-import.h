/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-store.h"
#include "awd-xml-schema.h"

G_BEGIN_DECLS

/* Reads an exchange file into the store (DESIGN.md, "XML exchange format").
 *
 * Safe with hostile files: the file is opened here and streamed to
 * libxml2's reader (no URL is ever resolved), no DTD is loaded and any
 * DOCTYPE is refused, no entity is substituted and external ones are
 * denied, the network is off, and files above the size limit are refused.
 * The document is validated against the schema compiled into the program
 * while it streams; references, scales, steps and duplicate cells are
 * checked in code. A finalized round is recomputed from its scores and its
 * checksum from its content; either differing from the file refuses it.
 *
 * All or nothing: one transaction, one audit row naming what was added;
 * on any refusal the database is unchanged. Each round of the file
 * becomes a new round (importing a file twice gives two rounds).
 *
 * Errors are one line, "FILE:LINE: message" (libxml2 prints nothing).
 *
 * The GUI must not write to the store while an import runs on a worker
 * thread: the import holds the store's one transaction until it ends.
 */

/* 512 MiB. The environment variable AWARD_DESK_XML_MAX_SIZE (bytes) may
 * lower it, for tests. */
#define AWD_XML_IMPORT_MAX_SIZE ((goffset) 512 * 1024 * 1024)

/* Returns the new round ids (gint64), in file order, or NULL. */
GArray  *awd_xml_import          (AwdStore            *store,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  AwdXmlProgressFunc   progress,
                                  gpointer             progress_data,
                                  GError             **error);

void     awd_xml_import_async    (AwdStore            *store,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  AwdXmlProgressFunc   progress,
                                  gpointer             progress_data,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
GArray  *awd_xml_import_finish   (AwdStore            *store,
                                  GAsyncResult        *result,
                                  GError             **error);

G_END_DECLS
