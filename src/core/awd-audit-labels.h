/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "awd-audit-entry.h"

G_BEGIN_DECLS

/* The audit log stores its before/after as "name: value" lines with the
 * store's own English names (GObject property names, enum strings): they
 * are what the hash chain covers and what the CSV export writes. These
 * turn them into words for people at display time only. */

/* The translated label of @field in a row about @entity ("round", "juror",
 * …); @field itself when it is not a name the store writes. */
const char *awd_audit_field_label          (const char    *entity,
                                            const char    *field);
/* (transfer full): @text with each "name: value" line's name and, for
 * enumerations and yes/no fields, its value translated; lines that are not
 * the store's fields stay as they are. NULL for NULL. */
char       *awd_audit_translate_text       (const char    *entity,
                                            const char    *text);
/* (transfer full): awd_audit_entry_get_summary() in translated words. */
char       *awd_audit_entry_dup_display_summary (AwdAuditEntry *entry);

G_END_DECLS
