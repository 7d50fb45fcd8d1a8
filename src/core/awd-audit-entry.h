/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of the audit log, as read back for viewing (the journal page,
 * the CSV export). Immutable: the log is append-only. */

#define AWD_TYPE_AUDIT_ENTRY (awd_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (AwdAuditEntry, awd_audit_entry, AWD, AUDIT_ENTRY, GObject)

AwdAuditEntry *awd_audit_entry_new           (gint64      id,
                                              const char *at,
                                              const char *operator_name,
                                              gint64      round_id,
                                              const char *action,
                                              const char *entity,
                                              gint64      entity_id,
                                              const char *before,
                                              const char *after);
gint64      awd_audit_entry_get_id          (AwdAuditEntry *self);
/* ISO 8601 in UTC, as stored. */
const char *awd_audit_entry_get_at          (AwdAuditEntry *self);
/* (transfer full): @at in the local time zone, or NULL if unreadable. */
GDateTime  *awd_audit_entry_dup_local_time  (AwdAuditEntry *self);
const char *awd_audit_entry_get_operator    (AwdAuditEntry *self);
gint64      awd_audit_entry_get_round_id    (AwdAuditEntry *self);   /* 0: none */
const char *awd_audit_entry_get_action      (AwdAuditEntry *self);
const char *awd_audit_entry_get_entity      (AwdAuditEntry *self);
gint64      awd_audit_entry_get_entity_id   (AwdAuditEntry *self);   /* 0: none */
const char *awd_audit_entry_get_before      (AwdAuditEntry *self);   /* nullable */
const char *awd_audit_entry_get_after       (AwdAuditEntry *self);   /* nullable */
/* One line: for a change, the names of the fields that changed; else the
 * first line of what was added or removed. */
const char *awd_audit_entry_get_summary     (AwdAuditEntry *self);

G_END_DECLS
