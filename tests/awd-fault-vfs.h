/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A test-only sqlite3_vfs that wraps the default one and fails the Nth
 * write, sync or read (counted from awd_fault_vfs_arm()) with
 * SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC or SQLITE_IOERR_READ, once or
 * for every later call of that kind. Registered as the default VFS of the
 * test process; disarmed, it only counts and forwards. */

typedef enum {
  AWD_FAULT_WRITE,
  AWD_FAULT_SYNC,
  AWD_FAULT_READ,
  AWD_FAULT_N_KINDS
} AwdFaultKind;

void         awd_fault_vfs_install   (void);
void         awd_fault_vfs_arm       (AwdFaultKind  kind,
                                      guint         nth,
                                      gboolean      persistent);
void         awd_fault_vfs_disarm    (void);
/* Calls of @kind seen since the last arm. */
guint        awd_fault_vfs_count     (AwdFaultKind  kind);
/* How many calls the armed fault has failed. */
guint        awd_fault_vfs_fired     (void);
const char  *awd_fault_kind_name     (AwdFaultKind  kind);

G_END_DECLS
