/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-audit-entry.h"
#include "awd-store.h"

G_BEGIN_DECLS

/* Reading the audit log back: filtered, newest first, a page at a time
 * (a log grows without end; a viewer asks for what it shows), and the
 * verification of its hash chain. */

typedef struct {
  gint64      round_id;   /* only rows of this round; 0: every row */
  const char *action;     /* only this action ("update", …); NULL: any */
  const char *from_date;  /* "YYYY-MM-DD" (UTC day) or NULL: no lower bound */
  const char *to_date;    /* "YYYY-MM-DD", inclusive, or NULL */
} AwdAuditQuery;

/* Rows matching @query (NULL: all), newest first, skipping @offset and
 * returning at most @limit (0: no limit) AwdAuditEntry items. A date that
 * is not YYYY-MM-DD is refused with AWD_STORE_ERROR_INVALID. */
GListModel *awd_store_list_audit          (AwdStore             *self,
                                           const AwdAuditQuery  *query,
                                           guint                 offset,
                                           guint                 limit,
                                           GError              **error);
/* How many rows match @query; -1 on error. */
gint64      awd_store_count_audit_matching (AwdStore            *self,
                                           const AwdAuditQuery  *query,
                                           GError              **error);
/* The distinct actions in the log, sorted (for a filter's choices). */
GStrv       awd_store_list_audit_actions  (AwdStore             *self,
                                           GError              **error);

/* Verifies the hash chain. Returns FALSE only when the check could not run;
 * then *@out_problem is NULL when the chain holds, else one line naming the
 * first broken row. @out_rows (nullable): how many rows the log holds. */
gboolean    awd_store_verify_audit        (AwdStore             *self,
                                           char                **out_problem,
                                           gint64               *out_rows,
                                           GError              **error);

G_END_DECLS
