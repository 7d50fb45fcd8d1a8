/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-store-audit-list.h"

G_BEGIN_DECLS

/* The audit log (the rows matching a query, newest first) as a CSV file in
 * the form of awd-csv-writer.h (UTF-8 with a BOM, `;`, CRLF, RFC 4180
 * quoting), with the header
 * id;at;operator;round;action;entity;entity_id;before;after
 * Times are written as stored (ISO 8601, UTC). The file is replaced
 * atomically. */
gboolean awd_audit_export_csv (AwdStore             *store,
                               const AwdAuditQuery  *query,
                               const char           *path,
                               GError              **error);

/* The same text, for tests and previews. */
GBytes  *awd_audit_format_csv (AwdStore             *store,
                               const AwdAuditQuery  *query,
                               GError              **error);

G_END_DECLS
